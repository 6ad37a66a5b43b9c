/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "nst-cli-list.h"
#include "nst-date.h"
#include "nst-demo.h"
#include "nst-store.h"

#define PROGRAM_NAME "nastavnik-cli"

/* Wrong words on the command line, as opposed to a failure while working. */
#define EXIT_USAGE 2

typedef struct
{
  char *database;    /* --database, or NULL for the default */
  char *format_name; /* --format, or NULL */
  NstCliFormat format;
  char **words;      /* the command and its arguments */
} Options;

typedef int (*CommandFunc) (NstStore      *store,
                            const Options *options);

typedef struct
{
  const char *name;
  const char *target;  /* the one word that must follow, or NULL for none */
  gboolean takes_format;
  CommandFunc run;
} Command;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->database, g_free);
  g_clear_pointer (&options->format_name, g_free);
  g_clear_pointer (&options->words, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static void
print_error (const char *message)
{
  g_printerr ("%s: %s\n", PROGRAM_NAME, message);
}

static void
print_usage_error (const char *message)
{
  print_error (message);
  g_printerr (_("Try “%s --help” for the list of commands."), PROGRAM_NAME);
  g_printerr ("\n");
}

/* ---- output -------------------------------------------------------------- */

/* Bytes as they are: JSON and CSV are UTF-8 whatever the terminal's
 * locale, so g_print()'s conversion must not touch them. */
static gboolean
write_stdout (GBytes  *bytes,
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

/* ---- commands ------------------------------------------------------------ */

static int
run_demo (NstStore      *store,
          const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 count;

  if (!nst_demo_fill (store, &error) ||
      (count = nst_store_count_participants (store, &error)) < 0)
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  message = g_strdup_printf (_("Participants added: %u"), (guint) count);
  g_print ("%s\n", message);
  return EXIT_SUCCESS;
}

static int
run_list (NstStore      *store,
          const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) participants = nst_cli_load_sorted_participants (store, &error);
  g_autoptr(GBytes) output = NULL;
  GDate today;

  if (participants == NULL)
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  nst_date_today (&today);
  output = nst_cli_format_participants (participants, options->format, &today);
  if (!write_stdout (output, &error))
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static const Command commands[] = {
  { "demo", NULL, FALSE, run_demo },
  { "list", "participants", TRUE, run_list },
};

/* ---- the command line ---------------------------------------------------- */

static GOptionContext *
make_option_context (Options *options)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &options->database,
      N_("The database file"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options->format_name,
      N_("Output format of “list”: text (the default), json or csv"), N_("FORMAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->words, NULL, NULL },
    { NULL }
  };
  g_autofree char *default_path = nst_store_default_path ();
  g_autofree char *description =
    g_strdup_printf (_("Without --database the program uses %s."), default_path);
  GOptionContext *context = g_option_context_new (_("COMMAND — work with the mentoring registry"));

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Commands:\n"
      "  demo                 fill a new, empty database with an example school\n"
      "  list participants    print the registry in Russian alphabetical order"));
  g_option_context_set_description (context, description);
  return context;
}

static gboolean usage_error (GError    **error,
                             const char *format,
                             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (GError    **error,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                                format, args));
  va_end (args);
  return FALSE;
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* Everything is checked before the database is opened, so that a typo
 * neither creates a database nor makes a backup copy. */
static gboolean
check_command (Options        *options,
               const Command **out,
               GError        **error)
{
  guint n_words = options->words ? g_strv_length (options->words) : 0;
  const char *name = n_words > 0 ? options->words[0] : NULL;
  const Command *command = find_command (name);
  guint n_expected = command && command->target ? 2 : 1;

  if (name == NULL)
    return usage_error (error, _("No command given"));
  if (command == NULL)
    return usage_error (error, _("Unknown command “%s”"), name);
  if (command->target != NULL && n_words < 2)
    return usage_error (error, _("Say what to list: “%s %s”"), name, command->target);
  if (command->target != NULL && !g_str_equal (options->words[1], command->target))
    return usage_error (error, _("Cannot list “%s”: only “%s” can be listed"),
                        options->words[1], command->target);
  if (n_words > n_expected)
    return usage_error (error, _("Unexpected argument “%s”"), options->words[n_expected]);
  if (options->format_name != NULL && !command->takes_format)
    return usage_error (error, _("--format does not apply to “%s”"), name);
  if (options->format_name != NULL && !nst_cli_parse_format (options->format_name, &options->format))
    return usage_error (error, _("Unknown format “%s”: use text, json or csv"), options->format_name);
  *out = command;
  return TRUE;
}

static NstStore *
open_store (const char  *database,
            GError     **error)
{
  g_autofree char *path = database ? g_strdup (database) : nst_store_default_path ();
  g_autoptr(NstStore) store = NULL;
  g_autoptr(GError) backup_error = NULL;

  /* Only our own default folder is created; a folder the user names must exist. */
  if (database == NULL && !nst_store_prepare_default_directory (path, error))
    return NULL;
  if ((store = nst_store_open (path, error)) == NULL)
    return NULL;
  if (!nst_store_backup_daily (store, &backup_error))
    {
      g_autofree char *warning = g_strdup_printf (_("warning: no backup copy made today: %s"),
                                                  backup_error->message);
      print_error (warning);
    }
  return g_steal_pointer (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Options) options = { NULL, NULL, NST_CLI_FORMAT_TEXT, NULL };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NstStore) store = NULL;
  const Command *command = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = make_option_context (&options);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !check_command (&options, &command, &error))
    {
      print_usage_error (error->message);
      return EXIT_USAGE;
    }
  if ((store = open_store (options.database, &error)) == NULL)
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  return command->run (store, &options);
}
