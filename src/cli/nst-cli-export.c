/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "io/nst-export-calendar.h"
#include "io/nst-export-groups.h"
#include "io/nst-export-orders.h"
#include "io/nst-export-participants.h"
#include "io/nst-export-programmes.h"
#include "io/nst-export-roadmap.h"
#include "nst-cli.h"

/* ---- export -------------------------------------------------------------- */

/* Writes the target to @path in @format, atomically; @n_written says how
 * many rows (or events) the file holds. */
typedef gboolean (*NstCliExportFunc) (NstStore         *store,
                                      const char       *path,
                                      NstExportFormat   format,
                                      guint            *n_written,
                                      GError          **error);

typedef struct
{
  const char *target;
  NstCliExportFunc export;
  gboolean calendar;  /* FILE.ics rather than a table's FILE.csv or FILE.xlsx */
  gboolean alias;     /* another spelling, not listed */
} ExportTarget;

static gboolean
export_calendar (NstStore         *store,
                 const char       *path,
                 NstExportFormat   format,
                 guint            *n_written,
                 GError          **error)
{
  return nst_export_calendar (store, path, n_written, error);
}

/* One line a target; each target's table or calendar is built in core/io. */
static const ExportTarget targets[] = {
  { "participants", nst_export_participants, FALSE, FALSE },
  { "pairs", nst_export_groups, FALSE, FALSE },
  { "programmes", nst_export_programmes, FALSE, FALSE },
  { "programs", nst_export_programmes, FALSE, TRUE },
  { "roadmap", nst_export_roadmap, FALSE, FALSE },
  { "orders", nst_export_orders, FALSE, FALSE },
  { "calendar", export_calendar, TRUE, FALSE },
};

static const ExportTarget *
find_target (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_strcmp0 (name, targets[i].target) == 0)
      return &targets[i];
  return NULL;
}

static char *
target_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (!targets[i].alias)
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", targets[i].target);
  return g_string_free (names, FALSE);
}

/* The file's format by its name: a table's .csv or .xlsx, the calendar's
 * .ics. */
static int
check_path (const ExportTarget  *target,
            const char          *path,
            NstExportFormat     *format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (target->calendar)
    {
      if (!g_str_has_suffix (lower, ".ics"))
        return nst_cli_usage_error (_("The calendar is written to an iCalendar file: name it FILE.ics"));
      *format = NST_EXPORT_FORMAT_CSV;  /* unused */
      return EXIT_SUCCESS;
    }
  if (!nst_export_format_for_path (path, format, &error))
    return nst_cli_usage_error ("%s", error->message);
  return EXIT_SUCCESS;
}

int
nst_cli_export (NstCliContext  *context,
                int             argc,
                char          **argv)
{
  const GOptionEntry no_options[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autofree char *names = target_names ();
  g_autofree char *message = NULL;
  const ExportTarget *target;
  NstExportFormat format;
  NstStore *store;
  guint n = 0;
  int status;

  if (!nst_cli_parse_options (&argc, &argv, no_options, _("WHAT FILE.csv|FILE.xlsx|FILE.ics"), &error))
    return nst_cli_usage_error ("%s", error->message);
  if (argc < 2)
    return nst_cli_usage_error (_("Say what to export: %s"), names);
  if ((target = find_target (argv[1])) == NULL)
    return nst_cli_usage_error (_("Cannot export “%s”: choose one of %s"), argv[1], names);
  if (argc < 3)
    return nst_cli_usage_error (target->calendar ? _("Name the file to write: FILE.ics")
                                                 : _("Name the file to write: FILE.csv or FILE.xlsx"));
  if (argc > 3)
    return nst_cli_usage_error (_("Unexpected argument “%s”"), argv[3]);
  if ((status = check_path (target, argv[2], &format)) != EXIT_SUCCESS)
    return status;

  if ((store = nst_cli_open_store (context, &error)) == NULL ||
      !target->export (store, argv[2], format, &n, &error))
    return nst_cli_fail (error);
  if (target->calendar)
    message = g_strdup_printf (ngettext ("%u event written to %s", "%u events written to %s", n),
                               n, argv[2]);
  else
    message = g_strdup_printf (ngettext ("%u row written to %s", "%u rows written to %s", n),
                               n, argv[2]);
  g_print ("%s\n", message);
  return EXIT_SUCCESS;
}
