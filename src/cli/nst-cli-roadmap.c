/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "nst-cli.h"
#include "schedule/nst-date.h"
#include "gantt/nst-gantt-render.h"
#include "store/nst-store-groups.h"
#include "store/nst-store-roadmap.h"

/* «list roadmap»: the current roadmap's items with their state today; and
 * «gantt»: its chart as a PNG or a PDF, as the tab draws it. */

static const char *const state_codes[NST_GANTT_N_STATES] = {
  [NST_DEADLINE_PLANNED] = "planned",
  [NST_DEADLINE_DUE_SOON] = "due_soon",
  [NST_DEADLINE_OVERDUE] = "overdue",
  [NST_DEADLINE_DONE] = "done",
  [NST_DEADLINE_CANCELLED] = "cancelled",
};

static const char *const timing_codes[] = {
  [NST_ROADMAP_TIMING_NONE] = "none",
  [NST_ROADMAP_TIMING_DATE] = "date",
  [NST_ROADMAP_TIMING_PERIOD] = "period",
  [NST_ROADMAP_TIMING_RECURRING] = "recurring",
};

static const char *
or_null (const char *text)
{
  return text && *text ? text : NULL;
}

static NstRoadmap *
load_current (NstCliContext  *context,
              GError        **error)
{
  NstStore *store = nst_cli_open_store (context, error);
  g_autoptr(GError) local = NULL;
  NstRoadmap *roadmap;

  if (store == NULL)
    return NULL;
  roadmap = nst_store_load_current_roadmap (store, NULL, &local);
  if (roadmap == NULL && local == NULL)
    g_set_error (&local, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                 _("The database has no roadmap yet (the “demo” command makes an example one)"));
  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return roadmap;
}

/* ---- list roadmap ------------------------------------------------------------- */

/* The item's own dates, or for a rule the first and the last of its
 * occurrences; and the next one not done. */
static void
write_dates (NstCliRecords  *r,
             NstRoadmapItem *item,
             GArray         *occurrences,
             const GDate    *today)
{
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *next = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *dates = NULL;

  if (occurrences->len > 0)
    {
      starts_on = nst_date_format_iso (&g_array_index (occurrences, NstRoadmapOccurrence, 0).start);
      ends_on = nst_date_format_iso (&g_array_index (occurrences, NstRoadmapOccurrence, occurrences->len - 1).due);
    }
  for (guint i = 0; i < occurrences->len && next == NULL; i++)
    {
      const NstRoadmapOccurrence *o = &g_array_index (occurrences, NstRoadmapOccurrence, i);
      NstDeadlineState state = nst_roadmap_occurrence_get_state (o, today);

      if (state != NST_DEADLINE_DONE && state != NST_DEADLINE_CANCELLED)
        next = nst_date_format_iso (&o->due);
    }
  nst_cli_records_text (r, "starts_on", starts_on);
  nst_cli_records_text (r, "ends_on", ends_on);
  nst_cli_records_text (r, "next_due", next);
  nst_cli_records_number (r, "occurrences", occurrences->len);
  if (starts_on != NULL)
    {
      from = nst_date_iso_to_ru (starts_on);
      to = nst_date_iso_to_ru (ends_on);
      dates = g_strcmp0 (starts_on, ends_on) == 0 ? g_strdup (to) : g_strdup_printf ("%s – %s", from, to);
    }
  nst_cli_records_text_only (r, "dates", dates ? dates : "");
}

static void
write_indicator (NstCliRecords  *r,
                 NstRoadmapItem *item)
{
  int met = nst_roadmap_item_get_indicator_met (item);

  nst_cli_records_text (r, "expected_result", nst_roadmap_item_get_expected_result (item));
  nst_cli_records_text (r, "indicator", nst_roadmap_item_get_indicator (item));
  nst_cli_records_text (r, "indicator_target", nst_roadmap_item_get_indicator_target (item));
  nst_cli_records_text (r, "indicator_value", nst_roadmap_item_get_indicator_value (item));
  nst_cli_records_text (r, "indicator_on", or_null (nst_roadmap_item_get_indicator_on (item)));
  if (met < 0)
    nst_cli_records_text (r, "indicator_met", NULL);
  else
    nst_cli_records_flag (r, "indicator_met", met);
}

static void
write_responsible (NstCliRecords  *r,
                   NstRoadmapItem *item)
{
  guint n_ids;
  const gint64 *ids = nst_roadmap_item_get_responsible_ids (item, &n_ids);
  g_auto(GStrv) id_texts = g_new0 (char *, n_ids + 1);
  g_auto(GStrv) people = g_strsplit (nst_roadmap_item_get_responsible_people (item), ", ", -1);
  g_autofree char *all = nst_roadmap_item_dup_responsible_text (item);

  for (guint i = 0; i < n_ids; i++)
    id_texts[i] = g_strdup_printf ("%" G_GINT64_FORMAT, ids[i]);
  nst_cli_records_text (r, "responsible", nst_roadmap_item_get_responsible (item));
  nst_cli_records_codes (r, "responsible_ids", (const char *const *) id_texts);
  nst_cli_records_codes (r, "responsible_people", (const char *const *) people);
  nst_cli_records_text_only (r, "who", all);
}

static void
write_item (NstCliRecords     *r,
            NstRoadmap        *roadmap,
            NstRoadmapSection *section,
            NstRoadmapItem    *item,
            NstStore          *store,
            const GDate       *today)
{
  g_autoptr(GArray) occurrences = nst_roadmap_dup_item_occurrences (roadmap, item, nst_store_quarters_func, store);
  NstDeadlineState state = nst_roadmap_item_get_state (item, occurrences, today);
  NstRoadmapStatus status = nst_roadmap_item_get_status (item);
  g_autofree char *number = g_strdup_printf ("%u.%u", nst_roadmap_section_get_position (section) + 1,
                                             nst_roadmap_item_get_position (item) + 1);

  nst_cli_records_begin (r);
  nst_cli_records_number (r, "id", nst_roadmap_item_get_id (item));
  nst_cli_records_text (r, "number", number);
  nst_cli_records_text (r, "section", nst_roadmap_section_get_title (section));
  nst_cli_records_text (r, "content", nst_roadmap_item_get_content (item));
  nst_cli_records_text (r, "schedule", nst_roadmap_item_get_schedule (item));
  nst_cli_records_text (r, "timing", timing_codes[nst_roadmap_item_get_timing (item)]);
  write_dates (r, item, occurrences, today);
  write_indicator (r, item);
  write_responsible (r, item);
  nst_cli_records_text (r, "status", nst_roadmap_status_to_code (status));
  nst_cli_records_text (r, "status_label", nst_roadmap_status_label (status));
  nst_cli_records_text (r, "done_on", or_null (nst_roadmap_item_get_done_on (item)));
  nst_cli_records_text (r, "state", state_codes[state]);
  nst_cli_records_text (r, "state_label", nst_deadline_state_label (state));
}

/* Every item of the current roadmap, section by section, with its state
 * today. */
gboolean
nst_cli_list_roadmap (NstStore       *store,
                      NstCliRecords  *records,
                      GError        **error)
{
  const char *columns[] = { "number", "content", "schedule", "dates", "who", "state_label", NULL };
  const char *titles[] = { "№", _("Activity"), _("Schedule"), _("Dates"), _("Responsible"),
                           _("State"), NULL };
  g_autoptr(NstRoadmap) roadmap = NULL;
  g_autoptr(GError) local = NULL;
  GDate today;

  nst_cli_records_set_columns (records, columns, titles);
  nst_date_today (&today);
  roadmap = nst_store_load_current_roadmap (store, &today, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  for (guint s = 0; roadmap != NULL && s < nst_roadmap_get_n_sections (roadmap); s++)
    {
      NstRoadmapSection *section = nst_roadmap_get_section (roadmap, s);

      for (guint i = 0; i < nst_roadmap_section_get_n_items (section); i++)
        write_item (records, roadmap, section, nst_roadmap_section_get_item (section, i), store, &today);
    }
  return TRUE;
}

/* ---- gantt -------------------------------------------------------------------- */

typedef struct
{
  char *from;
  char *to;
  char *status_date;
  char *output;
  gboolean programmes;
} GanttOptions;

static void
gantt_options_clear (GanttOptions *options)
{
  g_free (options->from);
  g_free (options->to);
  g_free (options->status_date);
  g_free (options->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GanttOptions, gantt_options_clear)

/* YYYY-MM-DD, or ДД.ММ.ГГГГ as the rest of the program writes dates. */
static gboolean
parse_date_option (const char *option,
                   const char *text,
                   GDate      *out,
                   int        *status)
{
  g_date_clear (out, 1);
  if (text == NULL)
    return FALSE;
  if (!nst_date_parse_any (text, out))
    *status = nst_cli_usage_error (_("%s: “%s” is not a date; write YYYY-MM-DD"), option, text);
  return TRUE;
}

static int
check_gantt_options (GanttOptions *options,
                     GDate        *from,
                     GDate        *to,
                     GDate        *status_date)
{
  g_autofree char *lower = NULL;
  int status = EXIT_SUCCESS;

  if (options->output == NULL)
    return nst_cli_usage_error (_("Say where to save the chart: -o FILE.png or -o FILE.pdf"));
  lower = g_ascii_strdown (options->output, -1);
  if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".pdf"))
    return nst_cli_usage_error (_("The chart is saved as .png or .pdf, not “%s”"), options->output);
  parse_date_option ("--from", options->from, from, &status);
  if (status == EXIT_SUCCESS)
    parse_date_option ("--to", options->to, to, &status);
  if (status == EXIT_SUCCESS)
    parse_date_option ("--status-date", options->status_date, status_date, &status);
  if (status == EXIT_SUCCESS && g_date_valid (from) && g_date_valid (to) && g_date_compare (from, to) > 0)
    return nst_cli_usage_error (_("--from must not be later than --to"));
  return status;
}

/* The plans of the programmes under way, after the roadmap's sections:
 * the «Программы пар» toggle. */
static gboolean
add_programmes (NstStore       *store,
                NstGanttInput  *input,
                GError        **error)
{
  g_autoptr(GListStore) programmes = nst_store_list_programmes (store, NULL, error);

  if (programmes == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (programmes)); i++)
    {
      g_autoptr(NstProgramme) listed = g_list_model_get_item (G_LIST_MODEL (programmes), i);
      g_autoptr(NstProgramme) programme = NULL;

      if (nst_programme_get_status (listed) != NST_PROGRAMME_STATUS_ACTIVE)
        continue;
      if ((programme = nst_store_get_programme (store, nst_programme_get_id (listed), error)) == NULL)
        return FALSE;
      nst_gantt_input_add_programme (input, programme);
    }
  return TRUE;
}

/* Without --from or --to, the roadmap's own period; without
 * --status-date, today. */
static NstGanttLayout *
make_layout (NstCliContext  *context,
             NstRoadmap     *roadmap,
             GanttOptions   *options,
             GDate          *from,
             GDate          *to,
             GDate          *status_date,
             GError        **error)
{
  g_autoptr(NstGanttInput) input = nst_gantt_input_new ();
  NstGanttLayout *layout;
  GDate today, start, end;

  nst_date_today (&today);
  if (!g_date_valid (status_date))
    *status_date = today;
  nst_gantt_input_add_roadmap (input, roadmap, nst_store_quarters_func, context->store);
  if (options->programmes && !add_programmes (context->store, input, error))
    return NULL;
  layout = nst_gantt_layout_new (input, status_date, &today, nst_store_quarters_func, context->store);
  if (!nst_roadmap_get_period (roadmap, &start, &end) &&
      !nst_gantt_layout_get_extent (layout, &start, &end))
    start = end = today;
  if (!g_date_valid (from))
    *from = g_date_valid (to) && g_date_compare (to, &start) < 0 ? *to : start;
  if (!g_date_valid (to))
    *to = g_date_compare (from, &end) > 0 ? *from : end;
  nst_gantt_layout_set_range (layout, from, to);
  return layout;
}

int
nst_cli_gantt (NstCliContext  *context,
               int             argc,
               char          **argv)
{
  g_auto(GanttOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from,
      N_("The first day shown (the roadmap’s start when not given)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to,
      N_("The last day shown (the roadmap’s end when not given)"), N_("YYYY-MM-DD") },
    { "status-date", 0, 0, G_OPTION_ARG_STRING, &options.status_date,
      N_("The day the states are shown for (today when not given)"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("The file to write: .png, or .pdf for landscape A4 pages"), N_("FILE") },
    { "programmes", 0, 0, G_OPTION_ARG_NONE, &options.programmes,
      N_("Add the plans of the pairs’ programmes under way"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) roadmap = NULL;
  NstGanttLayout *layout;
  NstGanttExportOptions export = { 0 };
  GDate from, to, status_date;
  gboolean ok;
  int status;

  if (!nst_cli_parse_options (&argc, &argv, entries, _("-o FILE.png|FILE.pdf — the roadmap’s Gantt chart"),
                              &error))
    return nst_cli_usage_error ("%s", error->message);
  if (argc > 1)
    return nst_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  if ((status = check_gantt_options (&options, &from, &to, &status_date)) != EXIT_SUCCESS)
    return status;
  if ((roadmap = load_current (context, &error)) == NULL)
    return nst_cli_fail (error);

  if ((layout = make_layout (context, roadmap, &options, &from, &to, &status_date, &error)) == NULL)
    return nst_cli_fail (error);
  export.title = nst_roadmap_get_title (roadmap);
  ok = nst_gantt_export (layout, options.output, &export, &error);
  nst_gantt_layout_unref (layout);
  /* The command draws nothing more before the program exits. */
  nst_gantt_render_release_fonts ();
  if (!ok)
    return nst_cli_fail (error);
  return EXIT_SUCCESS;
}
