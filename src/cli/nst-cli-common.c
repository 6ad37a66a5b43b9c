/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "docs/nst-pdf.h"
#include "nst-cli.h"

void
nst_cli_print_error (const char *message)
{
  g_printerr ("%s: %s\n", NST_CLI_PROGRAM_NAME, message);
}

int
nst_cli_usage_error (const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  nst_cli_print_error (message);
  g_printerr (_("Try “%s --help” for the list of commands."), NST_CLI_PROGRAM_NAME);
  g_printerr ("\n");
  return NST_CLI_EXIT_USAGE;
}

int
nst_cli_fail (const GError *error)
{
  nst_cli_print_error (error->message);
  /* A refusal says how to get past it: the details are entered here too. */
  if (g_error_matches (error, NST_PDF_ERROR, NST_PDF_ERROR_SCHOOL_DETAILS))
    g_printerr ("%s\n", _("Enter them with «nastavnik-cli school set»: "
                          "«nastavnik-cli school set --help» lists every detail."));
  return EXIT_FAILURE;
}

/**
 * nst_cli_open_store:
 *
 * Opens the database once, makes the daily backup copy, and keeps it in
 * @context for the rest of the command.
 *
 * Returns: (transfer none) (nullable): the store
 */
NstStore *
nst_cli_open_store (NstCliContext  *context,
                    GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) backup_error = NULL;

  if (context->store != NULL)
    return context->store;
  path = context->database ? g_strdup (context->database) : nst_store_default_path ();
  /* Only our own default folder is created; a folder the user names must exist. */
  if (context->database == NULL && !nst_store_prepare_default_directory (path, error))
    return NULL;
  if ((context->store = nst_store_open (path, error)) == NULL)
    return NULL;
  if (!nst_store_backup_daily (context->store, &backup_error))
    {
      g_autofree char *warning = g_strdup_printf (_("warning: no backup copy made today: %s"),
                                                  backup_error->message);
      nst_cli_print_error (warning);
    }
  return context->store;
}

/* Bytes as they are: JSON and CSV are UTF-8 whatever the terminal's
 * locale, so g_print()'s conversion must not touch them. */
gboolean
nst_cli_write_stdout (GBytes  *bytes,
                      GError **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if ((length > 0 && fwrite (data, 1, length, stdout) != length) || fflush (stdout) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the output: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * nst_cli_parse_options:
 * @argc: (inout): the command's words; on return what is left of them
 * @argv: (inout): argv[0] is the command's name
 * @entries: the command's options
 *
 * Parses a command's own options; the words left (argv[1]…) are its
 * arguments.
 */
gboolean
nst_cli_parse_options (int                 *argc,
                       char              ***argv,
                       const GOptionEntry  *entries,
                       const char          *parameter_text,
                       GError             **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_text);

  g_option_context_set_help_enabled (context, TRUE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}
