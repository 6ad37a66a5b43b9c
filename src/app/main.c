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

  /* The cairo renderer draws without OpenGL, yet GDK would still load the
   * GL driver to choose the window's visual: some 50 ms at every start
   * on a machine without a GPU (Mesa's llvmpipe), where schools use it. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0 && g_getenv ("GDK_DEBUG") == NULL)
    g_setenv ("GDK_DEBUG", "gl-disable", FALSE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = nst_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
