/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "io/nst-export-groups.h"
#include "io/nst-export-participants.h"
#include "io/nst-export-roadmap.h"
#include "nst-cli.h"

/* ---- export -------------------------------------------------------------- */

/* Writes the target's table to @path in @format, atomically. */
typedef gboolean (*NstCliExportFunc) (NstStore         *store,
                                      const char       *path,
                                      NstExportFormat   format,
                                      guint            *n_rows,
                                      GError          **error);

typedef struct
{
  const char *target;
  NstCliExportFunc export;
} ExportTarget;

/* One line a target; each target's table is built in core/io. */
static const ExportTarget targets[] = {
  { "participants", nst_export_participants },
  { "pairs", nst_export_groups },
  { "roadmap", nst_export_roadmap },
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
    g_string_append_printf (names, "%s%s", i ? ", " : "", targets[i].target);
  return g_string_free (names, FALSE);
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
  guint n_rows = 0;

  if (!nst_cli_parse_options (&argc, &argv, no_options, _("WHAT FILE.csv|FILE.xlsx"), &error))
    return nst_cli_usage_error ("%s", error->message);
  if (argc < 2)
    return nst_cli_usage_error (_("Say what to export: %s"), names);
  if ((target = find_target (argv[1])) == NULL)
    return nst_cli_usage_error (_("Cannot export “%s”: choose one of %s"), argv[1], names);
  if (argc < 3)
    return nst_cli_usage_error (_("Name the file to write: FILE.csv or FILE.xlsx"));
  if (argc > 3)
    return nst_cli_usage_error (_("Unexpected argument “%s”"), argv[3]);
  if (!nst_export_format_for_path (argv[2], &format, &error))
    return nst_cli_usage_error ("%s", error->message);

  if ((store = nst_cli_open_store (context, &error)) == NULL ||
      !target->export (store, argv[2], format, &n_rows, &error))
    return nst_cli_fail (error);
  message = g_strdup_printf (ngettext ("%u row written to %s", "%u rows written to %s", n_rows),
                             n_rows, argv[2]);
  g_print ("%s\n", message);
  return EXIT_SUCCESS;
}
