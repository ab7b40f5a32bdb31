/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ak-preferences-window.h"
#include "window-test-helpers.h"

/* The preferences change the settings they show, at once. */

static void
test_preferences_apply (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = NULL;
  GtkWidget *window;
  GtkWidget *spin;
  GtkWidget *toggle;
  GtkWidget *entry;
  guint n_checked;
  g_autofree char *unnamed = NULL;

  g_settings_reset (settings, "review-daily-limit");
  g_settings_reset (settings, "review-notifications");
  g_settings_reset (settings, "learner-name");

  window = ak_preferences_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  ak_test_wait_for_frame (window);
  ak_test_save_screenshot (window, "preferences.png");

  unnamed = ak_test_list_unnamed (window, &n_checked);
  g_assert_cmpstr (unnamed, ==, "");
  g_assert_cmpuint (n_checked, >=, 3);

  spin = ak_test_find_accessible (window, GTK_ACCESSIBLE_ROLE_SPIN_BUTTON, "Questions per day");
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 50);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 20);
  g_assert_cmpuint (g_settings_get_uint (settings, "review-daily-limit"), ==, 20);

  toggle = ak_test_find_widget (window, GTK_TYPE_SWITCH, 0);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_true (gtk_widget_activate (toggle));
  g_assert_true (g_settings_get_boolean (settings, "review-notifications"));

  entry = ak_test_find_widget (window, ADW_TYPE_ENTRY_ROW, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Maria Muster");
  name = g_settings_get_string (settings, "learner-name");
  g_assert_cmpstr (name, ==, "Maria Muster");

  /* A limit set elsewhere shows here too. */
  g_settings_set_uint (settings, "review-daily-limit", 120);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 120);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "review-daily-limit");
  g_settings_reset (settings, "review-notifications");
  g_settings_reset (settings, "learner-name");
}

int
main (int   argc,
      char *argv[])
{
  ak_test_ui_init (&argc, &argv);
  g_test_add_func ("/preferences/apply", test_preferences_apply);
  return ak_test_ui_run ();
}
