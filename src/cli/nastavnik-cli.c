/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "nst-cli.h"
#include "demo/nst-demo.h"

typedef struct
{
  const char *name;
  const char *summary;   /* one line of the --help text, translated */
  NstCliCommandFunc run;
} Command;

/* One line a command; each command's code is in its own file. */
static const Command commands[] = {
  { "demo", N_("fill a new, empty database with an example school"), nst_cli_demo },
  { "school", N_("show or set the school's details, which every document needs (school set --full-name …)"), nst_cli_school },
  { "list", N_("print participants, pairs, programmes or the roadmap (--format text|json|csv)"), nst_cli_list },
  { "import", N_("import participants from a CSV, XLSX, ODS or XLS file (--dry-run, --on-duplicate update|skip)"), nst_cli_import },
  { "export", N_("write participants, pairs, programmes, orders or the roadmap to .csv or .xlsx, or the dates to a calendar .ics"), nst_cli_export },
  { "print", N_("make a signed-ready PDF: consents, orders, a programme, the roadmap, the registry (-o FILE.pdf)"), nst_cli_print },
  { "gantt", N_("draw the roadmap’s Gantt chart (-o FILE.png|FILE.pdf, --from, --to, --status-date)"), nst_cli_gantt },
};

int
nst_cli_demo (NstCliContext  *context,
              int             argc,
              char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const GOptionEntry no_options[] = { { NULL } };
  NstStore *store;
  gint64 count;

  if (!nst_cli_parse_options (&argc, &argv, no_options, NULL, &error))
    return nst_cli_usage_error ("%s", error->message);
  if (argc > 1)
    return nst_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  if ((store = nst_cli_open_store (context, &error)) == NULL ||
      !nst_demo_fill (store, &error) ||
      (count = nst_store_count_participants (store, &error)) < 0)
    return nst_cli_fail (error);
  message = g_strdup_printf (_("Participants added: %u"), (guint) count);
  g_print ("%s\n", message);
  return EXIT_SUCCESS;
}

static char *
commands_summary (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-8s %s", commands[i].name, _(commands[i].summary));
  return g_string_free (text, FALSE);
}

static GOptionContext *
make_option_context (char **database)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, database,
      N_("The database file"), N_("FILE") },
    { NULL }
  };
  g_autofree char *default_path = nst_store_default_path ();
  g_autofree char *description =
    g_strdup_printf (_("Without --database the program uses %s."), default_path);
  g_autofree char *summary = commands_summary ();
  GOptionContext *context = g_option_context_new (_("COMMAND — work with the mentoring registry"));

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* A command's own options are parsed by the command. */
  g_option_context_set_ignore_unknown_options (context, TRUE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  return context;
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* The first word that is not an option: options may come before it. */
static int
command_position (int    argc,
                  char **argv)
{
  for (int i = 1; i < argc; i++)
    if (argv[i][0] != '-')
      return i;
  return -1;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  NstCliContext cli = { NULL, NULL };
  const Command *command;
  int position, status;

  /* NST_LOCALEDIR lets the tool speak Russian from the build tree, as the
   * window does. */
  const char *localedir = g_getenv ("NST_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = make_option_context (&database);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return nst_cli_usage_error ("%s", error->message);
  position = command_position (argc, argv);
  if (position < 0)
    return nst_cli_usage_error (_("No command given"));
  if ((command = find_command (argv[position])) == NULL)
    return nst_cli_usage_error (_("Unknown command “%s”"), argv[position]);
  if (position != 1)
    return nst_cli_usage_error (_("Unknown option “%s”"), argv[1]);

  cli.database = database;
  status = command->run (&cli, argc - position, argv + position);
  g_clear_object (&cli.store);
  return status;
}
