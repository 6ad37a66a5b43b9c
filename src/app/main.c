/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "nst-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NstApplication) app = NULL;
  /* NST_LOCALEDIR lets the program run in Russian from the build tree. */
  const char *localedir = g_getenv ("NST_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = nst_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
