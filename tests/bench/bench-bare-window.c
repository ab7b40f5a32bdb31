/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The baseline of bench-startup: an AdwApplication with an empty
 * AdwApplicationWindow of Akademie's size. It prints when its first frame
 * is painted, as Akademie does with AKADEMIE_BENCH_FIRST_FRAME set, and
 * exits.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>

static guint
read_peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? (guint)g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) : 0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  printf ("first-frame %" G_GINT64_FORMAT " %u\n", g_get_monotonic_time (), read_peak_rss_kib ());
  fflush (stdout);
  _exit (0);
}

static void
map_cb (GtkWidget *window,
        gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 880, 640);
  gtk_window_set_title (GTK_WINDOW (window), "Akademie");
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.smakademie.Akademie.BenchBare",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
