/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ak-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AkApplication) app = NULL;
  const char *localedir = g_getenv ("AKADEMIE_LOCALEDIR");

  /* An uninstalled build (meson devenv) finds its catalogues in the build tree. */
  if (localedir == NULL)
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ak_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
