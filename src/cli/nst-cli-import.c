/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "io/nst-import-plan.h"
#include "nst-cli.h"

/* ---- import -------------------------------------------------------------- */

static gboolean
parse_on_duplicate (const char          *text,
                    NstImportDuplicates *out)
{
  if (text == NULL || g_str_equal (text, "skip"))
    *out = NST_IMPORT_DUPLICATES_SKIP;
  else if (g_str_equal (text, "update"))
    *out = NST_IMPORT_DUPLICATES_UPDATE;
  else
    return FALSE;
  return TRUE;
}

static void
warn_unknown_columns (NstImportPlan *plan)
{
  for (guint c = 0; c < nst_import_plan_get_n_columns (plan); c++)
    if (!nst_import_plan_get_column_known (plan, c))
      {
        g_autofree char *warning =
          g_strdup_printf (_("warning: column “%s” is not recognised and is ignored"),
                           nst_import_plan_get_column_header (plan, c));

        nst_cli_print_error (warning);
      }
}

/* Each problem of each invalid row as «line N: column: reason». */
static int
report_invalid_rows (NstImportPlan *plan)
{
  GListModel *rows = nst_import_plan_get_rows (plan);
  guint invalid = nst_import_plan_count (plan, NST_IMPORT_ROW_INVALID);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(NstImportRow) row = g_list_model_get_item (rows, i);

      for (guint k = 0; k < nst_import_row_get_n_problems (row); k++)
        {
          g_printerr (_("line %u: %s: %s"), nst_import_row_get_line (row),
                      nst_import_row_get_problem_column (row, k),
                      nst_import_row_get_problem_reason (row, k));
          g_printerr ("\n");
        }
    }
  summary = g_strdup_printf (ngettext ("%u row has errors: nothing was imported",
                                       "%u rows have errors: nothing was imported", invalid),
                             invalid);
  nst_cli_print_error (summary);
  return EXIT_FAILURE;
}

static void
print_counts (guint    added,
              guint    updated,
              guint    skipped,
              gboolean dry_run)
{
  g_autofree char *text = NULL;

  if (dry_run)
    text = g_strdup_printf (_("Dry run, nothing written. Would add: %u, update: %u, skip: %u"),
                            added, updated, skipped);
  else
    text = g_strdup_printf (_("Added: %u, updated: %u, skipped: %u"), added, updated, skipped);
  g_print ("%s\n", text);
}

/* The file is read and checked before the database is opened, so that a
 * bad file neither creates a database nor makes a backup copy. */
static int
import_participants (NstCliContext       *context,
                     const char          *path,
                     NstImportDuplicates  on_duplicate,
                     gboolean             dry_run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(NstImportPlan) plan = nst_import_plan_new_for_file (file, NULL, &error);
  g_autoptr(GListStore) registry = NULL;
  NstImportCounts counts = { 0, 0, 0 };
  NstStore *store;

  if (plan == NULL || !nst_import_plan_check_columns (plan, &error))
    return nst_cli_fail (error);
  warn_unknown_columns (plan);
  if (nst_import_plan_count (plan, NST_IMPORT_ROW_INVALID) > 0)
    return report_invalid_rows (plan);
  nst_import_plan_set_on_duplicate (plan, on_duplicate);
  if ((store = nst_cli_open_store (context, &error)) == NULL ||
      (registry = nst_store_list_participants (store, &error)) == NULL)
    return nst_cli_fail (error);
  nst_import_plan_set_existing (plan, G_LIST_MODEL (registry));
  if (dry_run)
    {
      print_counts (nst_import_plan_count (plan, NST_IMPORT_ROW_NEW),
                    nst_import_plan_count (plan, NST_IMPORT_ROW_UPDATE),
                    nst_import_plan_count (plan, NST_IMPORT_ROW_SKIP), TRUE);
      return EXIT_SUCCESS;
    }
  if (!nst_import_plan_commit (plan, store, NULL, NULL, NULL, &counts, &error))
    return nst_cli_fail (error);
  print_counts (counts.added, counts.updated, counts.skipped, FALSE);
  return EXIT_SUCCESS;
}

int
nst_cli_import (NstCliContext  *context,
                int             argc,
                char          **argv)
{
  gboolean dry_run = FALSE;
  g_autofree char *on_duplicate_name = NULL;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and count what would change, writing nothing"), NULL },
    { "on-duplicate", 0, 0, G_OPTION_ARG_STRING, &on_duplicate_name,
      N_("What to do with a participant already in the registry: skip (the default) or update"),
      N_("ACTION") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  NstImportDuplicates on_duplicate;

  if (!nst_cli_parse_options (&argc, &argv, entries, _("participants FILE.csv|FILE.xlsx|FILE.ods|FILE.xls"), &error))
    return nst_cli_usage_error ("%s", error->message);
  if (argc < 2)
    return nst_cli_usage_error (_("Say what to import: participants"));
  if (!g_str_equal (argv[1], "participants"))
    return nst_cli_usage_error (_("Cannot import “%s”: only participants can be imported"), argv[1]);
  if (argc < 3)
    return nst_cli_usage_error (_("Name the file to import: CSV, XLSX, ODS or XLS"));
  if (argc > 3)
    return nst_cli_usage_error (_("Unexpected argument “%s”"), argv[3]);
  if (!parse_on_duplicate (on_duplicate_name, &on_duplicate))
    return nst_cli_usage_error (_("Unknown --on-duplicate “%s”: use update or skip"),
                                on_duplicate_name);
  return import_participants (context, argv[2], on_duplicate, dry_run);
}
