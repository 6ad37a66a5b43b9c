/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nst-cli.h"
#include "store/nst-store-groups.h"

/* «list pairs» and «list programmes»: every field as JSON or CSV, a short
 * table as text. */

static const char *
or_null (const char *text)
{
  return text && *text ? text : NULL;
}

/* The mentees' full names, for a JSON array or a CSV cell. */
static GStrv
mentee_names (NstGroup *g)
{
  GStrv names = g_new0 (char *, nst_group_get_n_mentees (g) + 1);

  for (guint i = 0; i < nst_group_get_n_mentees (g); i++)
    names[i] = g_strdup (nst_group_get_mentee_name (g, i));
  return names;
}

static GStrv
mentee_ids (NstGroup *g)
{
  GStrv ids = g_new0 (char *, nst_group_get_n_mentees (g) + 1);

  for (guint i = 0; i < nst_group_get_n_mentees (g); i++)
    ids[i] = g_strdup_printf ("%" G_GINT64_FORMAT, nst_group_get_mentee_id (g, i));
  return ids;
}

static void
write_pair_kind (NstCliRecords *r,
                 NstGroup      *g)
{
  NstInteractionModel model = nst_group_get_interaction_model (g);

  nst_cli_records_number (r, "id", nst_group_get_id (g));
  nst_cli_records_flag (r, "is_group", nst_group_is_group (g));
  nst_cli_records_text (r, "form", nst_group_form_to_code (nst_group_get_form (g)));
  nst_cli_records_text (r, "form_label", nst_group_form_label (nst_group_get_form (g)));
  nst_cli_records_text (r, "interaction_model", nst_interaction_model_to_code (model));
  nst_cli_records_text (r, "interaction_model_label", or_null (nst_interaction_model_label (model)));
  nst_cli_records_text (r, "kind", nst_group_kind_to_code (nst_group_get_kind (g)));
  nst_cli_records_text (r, "kind_label", nst_group_kind_label (nst_group_get_kind (g)));
}

static void
write_pair_members (NstCliRecords *r,
                    NstGroup      *g)
{
  g_auto(GStrv) names = mentee_names (g);
  g_auto(GStrv) ids = mentee_ids (g);

  nst_cli_records_number (r, "mentor_id", nst_group_get_mentor_id (g));
  nst_cli_records_text (r, "mentor", nst_group_get_mentor_name (g));
  nst_cli_records_codes (r, "mentee_ids", (const char *const *) ids);
  nst_cli_records_codes (r, "mentees", (const char *const *) names);
}

static void
write_pair_state (NstCliRecords *r,
                  NstGroup      *g)
{
  NstEndReason reason = nst_group_get_end_reason (g);

  nst_cli_records_text (r, "status", nst_group_status_to_code (nst_group_get_status (g)));
  nst_cli_records_text (r, "status_label", nst_group_status_label (nst_group_get_status (g)));
  nst_cli_records_text (r, "starts_on", or_null (nst_group_get_starts_on (g)));
  nst_cli_records_text (r, "ends_on", or_null (nst_group_get_ends_on (g)));
  nst_cli_records_text (r, "end_reason", nst_end_reason_to_code (reason));
  nst_cli_records_text (r, "end_reason_label", or_null (nst_end_reason_label (reason)));
  nst_cli_records_text (r, "ended_on", or_null (nst_group_get_ended_on (g)));
  nst_cli_records_text (r, "order_number", or_null (nst_group_get_order_number (g)));
  nst_cli_records_text (r, "order_date", or_null (nst_group_get_order_date (g)));
}

static void
write_progress (NstCliRecords *r,
                gint64         programme_id,
                guint          done,
                guint          due,
                guint          total,
                guint          overdue)
{
  gboolean none = programme_id == 0;

  nst_cli_records_number (r, "progress_done", none ? -1 : (gint64) done);
  nst_cli_records_number (r, "progress_due", none ? -1 : (gint64) due);
  nst_cli_records_number (r, "progress_total", none ? -1 : (gint64) total);
  nst_cli_records_number (r, "overdue", none ? -1 : (gint64) overdue);
}

/* Every pair and group in the order they were formed, with the progress of
 * each one's latest programme today. */
gboolean
nst_cli_list_pairs (NstStore       *store,
                    NstCliRecords  *records,
                    GError        **error)
{
  const char *columns[] = { "id", "title", "type", "form_label", "status_label", "period",
                            "progress", NULL };
  const char *titles[] = { "ID", _("Mentor — mentees"), _("Pair or group"), _("Form"), _("Status"),
                           _("Period"), _("Done of due"), NULL };
  g_autoptr(GListStore) groups = nst_store_list_groups (store, NULL, error);
  guint n;

  if (groups == NULL)
    return FALSE;
  nst_cli_records_set_columns (records, columns, titles);
  n = g_list_model_get_n_items (G_LIST_MODEL (groups));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstGroup) g = g_list_model_get_item (G_LIST_MODEL (groups), i);
      g_autofree char *title = nst_group_dup_title (g);
      g_autofree char *period = nst_group_dup_period_label (g);
      g_autofree char *progress = nst_group_dup_progress_label (g);

      nst_cli_records_begin (records);
      write_pair_kind (records, g);
      write_pair_members (records, g);
      write_pair_state (records, g);
      nst_cli_records_number (records, "programme_id", nst_group_get_programme_id (g) ? nst_group_get_programme_id (g) : -1);
      write_progress (records, nst_group_get_programme_id (g), nst_group_get_progress_done (g),
                      nst_group_get_progress_due (g), nst_group_get_progress_total (g),
                      nst_group_get_overdue (g));
      nst_cli_records_text_only (records, "title", title);
      nst_cli_records_text_only (records, "type", nst_group_is_group (g) ? _("group") : _("pair"));
      nst_cli_records_text_only (records, "period", period);
      nst_cli_records_text_only (records, "progress", progress);
    }
  return TRUE;
}

static void
write_programme (NstCliRecords *r,
                 NstProgramme  *p)
{
  g_autofree char *year = nst_programme_dup_school_year_label (p);
  g_auto(GStrv) mentees = g_strsplit (nst_programme_get_mentee_names (p), ", ", -1);
  NstEndReason reason = nst_programme_get_end_reason (p);

  nst_cli_records_number (r, "id", nst_programme_get_id (p));
  nst_cli_records_number (r, "pair_id", nst_programme_get_group_id (p));
  nst_cli_records_number (r, "school_year", nst_programme_get_school_year (p));
  nst_cli_records_text (r, "school_year_label", year);
  nst_cli_records_text (r, "title", nst_programme_get_title (p));
  nst_cli_records_text (r, "status", nst_programme_status_to_code (nst_programme_get_status (p)));
  nst_cli_records_text (r, "status_label", nst_programme_status_label (nst_programme_get_status (p)));
  nst_cli_records_text (r, "form", nst_group_form_to_code (nst_programme_get_form (p)));
  nst_cli_records_text (r, "form_label", nst_group_form_label (nst_programme_get_form (p)));
  nst_cli_records_text (r, "mentor", nst_programme_get_mentor_name (p));
  nst_cli_records_codes (r, "mentees", (const char *const *) mentees);
  nst_cli_records_text (r, "starts_on", or_null (nst_programme_get_starts_on (p)));
  nst_cli_records_text (r, "ends_on", or_null (nst_programme_get_ends_on (p)));
  nst_cli_records_number (r, "template_id", nst_programme_get_template_id (p) ? nst_programme_get_template_id (p) : -1);
  nst_cli_records_text (r, "request", nst_programme_get_request (p));
  nst_cli_records_text (r, "goal", nst_programme_get_goal (p));
  nst_cli_records_text (r, "tasks", nst_programme_get_tasks (p));
  nst_cli_records_text (r, "expected_result", nst_programme_get_expected_result (p));
  nst_cli_records_text (r, "result", nst_programme_get_result (p));
  nst_cli_records_text (r, "end_reason", nst_end_reason_to_code (reason));
  nst_cli_records_text (r, "ended_on", or_null (nst_programme_get_ended_on (p)));
}

/* Every programme, the latest school year first, with its progress today. */
gboolean
nst_cli_list_programmes (NstStore       *store,
                         NstCliRecords  *records,
                         GError        **error)
{
  const char *columns[] = { "id", "school_year_label", "mentor", "mentees_text", "status_label",
                            "period", "progress", "overdue", NULL };
  const char *titles[] = { "ID", _("School year"), _("Mentor"), _("Mentees"), _("Status"), _("Period"),
                           _("Done of due"), _("Overdue"), NULL };
  g_autoptr(GListStore) programmes = nst_store_list_programmes (store, NULL, error);
  guint n;

  if (programmes == NULL)
    return FALSE;
  nst_cli_records_set_columns (records, columns, titles);
  n = g_list_model_get_n_items (G_LIST_MODEL (programmes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstProgramme) p = g_list_model_get_item (G_LIST_MODEL (programmes), i);
      g_autofree char *period = nst_programme_dup_period_label (p);
      g_autofree char *progress = nst_programme_dup_progress_label (p);
      guint done, due, total, overdue;

      nst_programme_get_progress (p, &done, &due, &total, &overdue);
      nst_cli_records_begin (records);
      write_programme (records, p);
      write_progress (records, nst_programme_get_id (p), done, due, total, overdue);
      nst_cli_records_text_only (records, "mentees_text", nst_programme_get_mentee_names (p));
      nst_cli_records_text_only (records, "period", period);
      nst_cli_records_text_only (records, "progress", progress);
    }
  return TRUE;
}
