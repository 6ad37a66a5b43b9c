/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "store/nst-store-groups-private.h"

/* Column order shared by every SELECT and by read_programme(). */
#define PROGRAMME_COLUMNS \
  "p.id, p.group_id, p.school_year, p.title, p.request, p.goal, p.tasks, " \
  "p.expected_result, p.result, p.starts_on, p.ends_on, p.status, p.end_reason, " \
  "p.ended_on, p.template_id"

static NstProgramme *
read_programme (sqlite3_stmt *stmt)
{
  NstProgramme *p = nst_programme_new ();

  nst_programme_set_id (p, sqlite3_column_int64 (stmt, 0));
  nst_programme_set_group_id (p, sqlite3_column_int64 (stmt, 1));
  nst_programme_set_school_year (p, sqlite3_column_int (stmt, 2));
  nst_programme_set_title (p, nst_column_text (stmt, 3));
  nst_programme_set_request (p, nst_column_text (stmt, 4));
  nst_programme_set_goal (p, nst_column_text (stmt, 5));
  nst_programme_set_tasks (p, nst_column_text (stmt, 6));
  nst_programme_set_expected_result (p, nst_column_text (stmt, 7));
  nst_programme_set_result (p, nst_column_text (stmt, 8));
  nst_programme_set_starts_on (p, nst_column_text (stmt, 9));
  nst_programme_set_ends_on (p, nst_column_text (stmt, 10));
  nst_programme_set_status (p, nst_programme_status_from_code (nst_column_text (stmt, 11)));
  nst_programme_set_end_reason (p, nst_end_reason_from_code (nst_column_text (stmt, 12)));
  nst_programme_set_ended_on (p, nst_column_text (stmt, 13));
  nst_programme_set_template_id (p, sqlite3_column_int64 (stmt, 14));
  return p;
}

static void
apply_group_facts (NstProgramme *p,
                   NstGroup     *g)
{
  g_autofree char *mentees = nst_group_dup_mentee_names (g);

  nst_programme_set_group_facts (p, nst_group_get_mentor_name (g), mentees, nst_group_get_form (g));
}

static gboolean
read_failed (NstStore  *self,
             int        rc,
             GError   **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;
  nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the programmes"));
  return TRUE;
}

/* ---- the plan ---------------------------------------------------------------- */

static NstPlanItem *
read_item (sqlite3_stmt *stmt,
           int           first)
{
  NstPlanItem *item = nst_plan_item_new ();

  nst_plan_item_set_position (item, sqlite3_column_int (stmt, first));
  nst_plan_item_set_activity (item, nst_column_text (stmt, first + 1));
  nst_plan_item_set_schedule (item, nst_column_text (stmt, first + 2));
  nst_plan_item_set_responsible (item, nst_column_text (stmt, first + 3));
  nst_plan_item_set_expected_result (item, nst_column_text (stmt, first + 4));
  return item;
}

static gboolean
load_occurrences (NstStore     *self,
                  NstPlanItem  *item,
                  GError      **error)
{
  g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT starts_on, due_on, done_on FROM plan_occurrence "
                             "WHERE plan_item_id = ? ORDER BY due_on", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nst_plan_item_get_id (item));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NstPlanOccurrence *o = nst_plan_occurrence_new (nst_column_text (stmt, 0), nst_column_text (stmt, 1));

      nst_plan_occurrence_set_item_id (o, nst_plan_item_get_id (item));
      nst_plan_occurrence_set_done_on (o, nst_column_text (stmt, 2));
      g_ptr_array_add (occurrences, o);
    }
  if (read_failed (self, rc, error))
    return FALSE;
  nst_plan_item_set_occurrences (item, occurrences);
  return TRUE;
}

static GPtrArray *
load_items (NstStore  *self,
            gint64     programme_id,
            GError   **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT id, position, activity, schedule, responsible, expected_result "
                             "FROM plan_item WHERE programme_id = ? ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NstPlanItem *item = read_item (stmt, 1);

      nst_plan_item_set_id (item, sqlite3_column_int64 (stmt, 0));
      g_ptr_array_add (items, item);
    }
  if (read_failed (self, rc, error))
    return NULL;
  for (guint i = 0; i < items->len; i++)
    if (!load_occurrences (self, g_ptr_array_index (items, i), error))
      return NULL;
  return g_steal_pointer (&items);
}

/* ---- reading ------------------------------------------------------------------- */

/* Counts of every programme at @status_date, as nst_plan_item_count() makes
 * them, by SQL for a list that does not load the plans. */
static gboolean
load_progress (NstStore    *self,
               GHashTable  *programmes,
               const char  *status_date,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self,
                       "SELECT i.programme_id, count(o.due_on),"
                       " coalesce(sum(o.done_on IS NOT NULL AND o.done_on <= ?1), 0),"
                       " coalesce(sum(o.due_on <= ?1 OR (o.done_on IS NOT NULL AND o.done_on <= ?1)), 0),"
                       " coalesce(sum(o.due_on < ?1 AND (o.done_on IS NULL OR o.done_on > ?1)), 0)"
                       " FROM plan_item i JOIN plan_occurrence o ON o.plan_item_id = i.id"
                       " GROUP BY i.programme_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status_date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      NstProgramme *p = g_hash_table_lookup (programmes, &id);

      if (p != NULL)
        nst_programme_set_progress (p, sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3),
                                    sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 4));
    }
  return !read_failed (self, rc, error);
}

/**
 * nst_store_list_programmes:
 * @status_date: (nullable): the day progress is counted at; %NULL for today
 *
 * Every programme, the latest school year first, with its pair's names and
 * form and its progress, but without its plan
 * (nst_programme_get_items_loaded() is %FALSE): open one with
 * nst_store_get_programme() to see or change the plan.
 *
 * Returns: (transfer full): a #GListStore of #NstProgramme
 */
GListStore *
nst_store_list_programmes (NstStore    *self,
                           const char  *status_date,
                           GError     **error)
{
  g_autofree char *day = nst_store_resolve_date (status_date, _("The status date"), error);
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GListStore *list;
  int rc;

  if (day == NULL || (groups = nst_store_load_groups_by_id (self, 0, error)) == NULL)
    return NULL;
  stmt = nst_store_prepare (self, "SELECT " PROGRAMME_COLUMNS " FROM programme p "
                                  "ORDER BY p.school_year DESC, p.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NstProgramme *p = read_programme (stmt);
      gint64 group_id = nst_programme_get_group_id (p);
      NstGroup *g = g_hash_table_lookup (groups, &group_id);

      if (g != NULL)
        apply_group_facts (p, g);
      nst_programme_set_status_date (p, day);
      nst_programme_set_progress (p, 0, 0, 0, 0);
      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { nst_programme_get_id (p) }, sizeof (gint64)), p);
      g_ptr_array_add (rows, p);
    }
  if (read_failed (self, rc, error) || !load_progress (self, by_id, day, error))
    return NULL;
  list = g_list_store_new (NST_TYPE_PROGRAMME);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return list;
}

static NstProgramme *
load_programme_row (NstStore    *self,
                    const char  *where,
                    gint64       a,
                    gint64       b,
                    GError     **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " PROGRAMME_COLUMNS " FROM programme p WHERE ", where, NULL);
  g_autoptr(sqlite3_stmt) stmt = nst_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_programme (stmt);
  read_failed (self, rc, error);
  return NULL;
}

static NstProgramme *
complete_programme (NstStore      *self,
                    NstProgramme  *p,
                    GError       **error)
{
  g_autoptr(NstProgramme) programme = p;
  g_autoptr(NstGroup) group = nst_store_get_group (self, nst_programme_get_group_id (p), error);
  g_autoptr(GPtrArray) items = NULL;

  if (group == NULL || (items = load_items (self, nst_programme_get_id (p), error)) == NULL)
    return NULL;
  apply_group_facts (p, group);
  nst_programme_set_items (p, items);
  return g_steal_pointer (&programme);
}

/**
 * nst_store_get_programme:
 *
 * Returns: (transfer full) (nullable): the programme with its plan, the
 *   plan's occurrences and their marks
 */
NstProgramme *
nst_store_get_programme (NstStore  *self,
                         gint64     id,
                         GError   **error)
{
  GError *local = NULL;
  NstProgramme *p = load_programme_row (self, "p.id = ?1 AND ?2 = 0", id, 0, &local);

  if (p == NULL)
    {
      if (local == NULL)
        g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                     _("The programme is no longer in the database"));
      else
        g_propagate_error (error, local);
      return NULL;
    }
  return complete_programme (self, p, error);
}

/**
 * nst_store_find_group_programme:
 * @school_year: 2025 for 2025/2026
 *
 * Returns: (transfer full) (nullable): the pair's programme for the year
 *   with its plan, or %NULL — with @error set only when reading failed
 */
NstProgramme *
nst_store_find_group_programme (NstStore  *self,
                                gint64     group_id,
                                guint      school_year,
                                GError   **error)
{
  GError *local = NULL;
  NstProgramme *p = load_programme_row (self, "p.group_id = ?1 AND p.school_year = ?2",
                                        group_id, school_year, &local);

  if (p == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      return NULL;
    }
  return complete_programme (self, p, error);
}

/* ---- expanding schedules ----------------------------------------------------------- */

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  return strcmp (nst_plan_occurrence_get_due_on (*(NstPlanOccurrence **) a),
                 nst_plan_occurrence_get_due_on (*(NstPlanOccurrence **) b));
}

/* The dates of @item's schedule over the period; a schedule the program does
 * not understand is one occurrence over the whole period. */
static GArray *
schedule_dates (NstStore    *self,
                NstPlanItem *item,
                const GDate *from,
                const GDate *to)
{
  g_autoptr(NstSchedule) schedule = nst_schedule_parse (nst_plan_item_get_schedule (item), NULL);
  GArray *dates;

  if (schedule != NULL)
    return nst_schedule_expand (schedule, from, to, nst_store_quarters_func, self);
  dates = g_array_new (FALSE, FALSE, sizeof (NstOccurrence));
  g_array_append_val (dates, ((NstOccurrence) { *from, *to }));
  return dates;
}

/* The mark an occurrence due on @due keeps: the stored one when it was
 * stored (marks change only through nst_store_set_occurrence_done()), else
 * the one @item holds. */
static const char *
kept_mark (NstPlanItem *item,
           NstPlanItem *stored,
           const char  *due)
{
  NstPlanOccurrence *old = stored ? nst_plan_item_find_occurrence (stored, due) : NULL;

  if (old == NULL)
    old = nst_plan_item_find_occurrence (item, due);
  return old ? nst_plan_occurrence_get_done_on (old) : NULL;
}

static void
keep_done_elsewhere (GPtrArray   *result,
                     GHashTable  *seen,
                     NstPlanItem *stored)
{
  GListModel *old = nst_plan_item_get_occurrences (stored);

  for (guint i = 0; i < g_list_model_get_n_items (old); i++)
    {
      g_autoptr(NstPlanOccurrence) o = g_list_model_get_item (old, i);
      NstPlanOccurrence *copy;

      /* Work done is a fact: a new schedule does not undo it. */
      if (!nst_plan_occurrence_is_done (o) ||
          g_hash_table_contains (seen, nst_plan_occurrence_get_due_on (o)))
        continue;
      copy = nst_plan_occurrence_new (nst_plan_occurrence_get_starts_on (o), nst_plan_occurrence_get_due_on (o));
      nst_plan_occurrence_set_done_on (copy, nst_plan_occurrence_get_done_on (o));
      g_ptr_array_add (result, copy);
    }
}

static void
expand_item (NstStore    *self,
             NstPlanItem *item,
             NstPlanItem *stored,
             const GDate *from,
             const GDate *to)
{
  g_autoptr(GArray) dates = schedule_dates (self, item, from, to);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < dates->len; i++)
    {
      NstOccurrence *d = &g_array_index (dates, NstOccurrence, i);
      g_autofree char *start = nst_date_format_iso (&d->start);
      g_autofree char *due = nst_date_format_iso (&d->due);
      NstPlanOccurrence *o;

      if (g_hash_table_contains (seen, due))
        continue;
      o = nst_plan_occurrence_new (start, due);
      nst_plan_occurrence_set_done_on (o, kept_mark (item, stored, due));
      g_ptr_array_add (result, o);
      g_hash_table_add (seen, g_steal_pointer (&due));
    }
  if (stored != NULL)
    keep_done_elsewhere (result, seen, stored);
  g_ptr_array_sort (result, compare_due);
  for (guint i = 0; i < result->len; i++)
    nst_plan_occurrence_set_item_id (g_ptr_array_index (result, i), nst_plan_item_get_id (item));
  nst_plan_item_set_occurrences (item, result);
}

static NstPlanItem *
find_item (NstProgramme *programme,
           gint64        id)
{
  GListModel *items = programme ? nst_programme_get_items (programme) : NULL;

  for (guint i = 0; id != 0 && items && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);

      if (nst_plan_item_get_id (item) == id)
        return item; /* the programme keeps it */
    }
  return NULL;
}

static gboolean
programme_period (NstProgramme  *programme,
                  GDate         *from,
                  GDate         *to,
                  GError       **error)
{
  g_autofree char *problem = nst_programme_check_field (programme, NST_PROGRAMME_FIELD_STARTS_ON);

  if (problem == NULL)
    problem = nst_programme_check_field (programme, NST_PROGRAMME_FIELD_ENDS_ON);
  if (problem != NULL)
    {
      nst_store_invalid (error, "%s", problem);
      return FALSE;
    }
  nst_date_parse_iso (nst_programme_get_starts_on (programme), from);
  nst_date_parse_iso (nst_programme_get_ends_on (programme), to);
  return TRUE;
}

static gboolean
expand_with (NstStore      *self,
             NstProgramme  *programme,
             NstProgramme  *stored,
             GError       **error)
{
  GListModel *items = nst_programme_get_items (programme);
  GDate from, to;

  if (!programme_period (programme, &from, &to, error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);

      expand_item (self, item, find_item (stored, nst_plan_item_get_id (item)), &from, &to);
    }
  return TRUE;
}

/**
 * nst_store_expand_plan:
 *
 * Expands every item's schedule into occurrences over the programme's
 * period and the school's quarters, keeping the marks of occurrences that
 * stay, without saving: for an editor to show what the plan will be.
 * nst_store_save_programme() does the same before it saves.
 */
gboolean
nst_store_expand_plan (NstStore      *self,
                       NstProgramme  *programme,
                       GError       **error)
{
  return expand_with (self, programme, NULL, error);
}

/* ---- a new programme -------------------------------------------------------------- */

static guint
current_school_year (NstStore  *self,
                     GError   **error)
{
  g_autoptr(NstSchool) school = nst_store_load_school (self, error);

  return school ? nst_school_get_school_year (school) : 0;
}

/* The school year's four quarters, narrowed to the pair's period when the
 * two overlap. */
static void
default_period (NstStore     *self,
                NstGroup     *group,
                guint         school_year,
                NstProgramme *p)
{
  NstSchoolQuarters quarters;
  GDate start, end, g_start, g_end;
  g_autofree char *from = NULL, *to = NULL;

  nst_store_quarters_func (school_year, &quarters, self);
  start = quarters.starts[0];
  end = quarters.ends[3];
  if (nst_date_parse_iso (nst_group_get_starts_on (group), &g_start) &&
      g_date_compare (&g_start, &start) > 0 && g_date_compare (&g_start, &end) <= 0)
    start = g_start;
  if (nst_date_parse_iso (nst_group_get_ends_on (group), &g_end) &&
      g_date_compare (&g_end, &end) < 0 && g_date_compare (&g_end, &start) >= 0)
    end = g_end;
  from = nst_date_format_iso (&start);
  to = nst_date_format_iso (&end);
  nst_programme_set_starts_on (p, from);
  nst_programme_set_ends_on (p, to);
}

static gboolean
fill_request (NstStore      *self,
              NstGroup      *group,
              NstProgramme  *p,
              GError       **error)
{
  g_autoptr(GString) request = g_string_new (NULL);

  for (guint i = 0; i < nst_group_get_n_mentees (group); i++)
    {
      g_autoptr(NstParticipant) mentee =
        nst_store_get_participant (self, nst_group_get_mentee_id (group, i), error);

      if (mentee == NULL)
        return FALSE;
      if (*nst_participant_get_request (mentee) != '\0')
        g_string_append_printf (request, "%s%s", request->len ? "\n" : "",
                                nst_participant_get_request (mentee));
    }
  if (request->len > 0)
    nst_programme_set_request (p, request->str);
  return TRUE;
}

/* The template's plan, its dated schedules moved into @school_year. */
static void
fill_from_template (NstProgramme         *p,
                    NstProgrammeTemplate *template,
                    guint                 school_year)
{
  GListModel *items = nst_programme_template_get_items (template);
  int shift = nst_programme_template_get_school_year (template) == 0 ? 0
            : (int) school_year - (int) nst_programme_template_get_school_year (template);

  if (*nst_programme_get_request (p) == '\0')
    nst_programme_set_request (p, nst_programme_template_get_request (template));
  nst_programme_set_goal (p, nst_programme_template_get_goal (template));
  nst_programme_set_tasks (p, nst_programme_template_get_tasks (template));
  nst_programme_set_expected_result (p, nst_programme_template_get_expected_result (template));
  nst_programme_set_template_id (p, nst_programme_template_get_id (template));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NstPlanItem) source = g_list_model_get_item (items, i);
      g_autoptr(NstPlanItem) item = nst_plan_item_new ();
      g_autofree char *schedule = nst_schedule_text_shift_years (nst_plan_item_get_schedule (source), shift);

      nst_plan_item_set_activity (item, nst_plan_item_get_activity (source));
      nst_plan_item_set_schedule (item, schedule);
      nst_plan_item_set_responsible (item, nst_plan_item_get_responsible (source));
      nst_plan_item_set_expected_result (item, nst_plan_item_get_expected_result (source));
      nst_programme_add_item (p, item);
    }
}

static gboolean
check_no_programme_yet (NstStore  *self,
                        gint64     group_id,
                        guint      school_year,
                        gint64     except_id,
                        GError   **error)
{
  GError *local = NULL;
  g_autoptr(NstProgramme) existing = load_programme_row (self, "p.group_id = ?1 AND p.school_year = ?2",
                                                         group_id, school_year, &local);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (existing != NULL && nst_programme_get_id (existing) != except_id)
    {
      g_autofree char *year = nst_school_year_label (school_year);

      nst_store_invalid (error, _("The pair already has a programme for %s: open it instead"), year);
      return FALSE;
    }
  return TRUE;
}

/**
 * nst_store_prepare_programme:
 * @group_id: the pair or group
 * @template_id: the template to start from, or 0 for an empty plan
 *
 * A new programme for the school's current school year, not yet saved:
 * the title, the mentees' requests, the period (the year's quarters,
 * narrowed to the pair's period), and from the template its goal, tasks,
 * expected result and plan, with the plan's dates moved into this year.
 * Edit it, then nst_store_save_programme().
 *
 * Returns: (transfer full) (nullable): the programme, or %NULL when the
 *   pair has ended or already has a programme for the year
 */
NstProgramme *
nst_store_prepare_programme (NstStore  *self,
                             gint64     group_id,
                             gint64     template_id,
                             GError   **error)
{
  g_autoptr(NstGroup) group = nst_store_get_group (self, group_id, error);
  g_autoptr(NstProgrammeTemplate) template = NULL;
  g_autoptr(NstProgramme) p = NULL;
  g_autofree char *year_label = NULL, *title = NULL;
  guint year;

  if (group == NULL || (year = current_school_year (self, error)) == 0)
    return NULL;
  if (nst_group_status_is_ended (nst_group_get_status (group)))
    {
      nst_store_invalid (error, "%s", _("The pair has ended: a new programme needs a pair in force"));
      return NULL;
    }
  if (!check_no_programme_yet (self, group_id, year, 0, error))
    return NULL;
  if (template_id != 0 && (template = nst_store_get_template (self, template_id, error)) == NULL)
    return NULL;
  p = nst_programme_new ();
  year_label = nst_school_year_label (year);
  /* Translators: the default title, «Персонализированная программа наставничества на 2025/2026 учебный год» */
  /* The title is the programme's data and goes into its printed document:
   * Russian whatever the language of the program's interface. */
  title = g_strdup_printf ("Персонализированная программа наставничества на %s учебный год", year_label);
  nst_programme_set_title (p, title);
  nst_programme_set_group_id (p, group_id);
  nst_programme_set_school_year (p, year);
  apply_group_facts (p, group);
  default_period (self, group, year, p);
  if (!fill_request (self, group, p, error))
    return NULL;
  if (template != NULL)
    fill_from_template (p, template, year);
  return g_steal_pointer (&p);
}

/* ---- saving --------------------------------------------------------------------- */

static void
bind_programme (sqlite3_stmt *stmt,
                NstProgramme *p)
{
  sqlite3_bind_int64 (stmt, 1, nst_programme_get_group_id (p));
  sqlite3_bind_int (stmt, 2, nst_programme_get_school_year (p));
  sqlite3_bind_text (stmt, 3, nst_programme_get_title (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, nst_programme_get_request (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, nst_programme_get_goal (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, nst_programme_get_tasks (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, nst_programme_get_expected_result (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, nst_programme_get_result (p), -1, SQLITE_TRANSIENT);
  nst_bind_text_or_null (stmt, 9, nst_programme_get_starts_on (p));
  nst_bind_text_or_null (stmt, 10, nst_programme_get_ends_on (p));
  if (nst_programme_get_template_id (p) != 0)
    sqlite3_bind_int64 (stmt, 11, nst_programme_get_template_id (p));
  else
    sqlite3_bind_null (stmt, 11);
}

static gboolean
write_programme_row (NstStore      *self,
                     NstProgramme  *p,
                     gboolean       is_new,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, is_new
                       ? "INSERT INTO programme (group_id, school_year, title, request, goal, tasks, "
                         "expected_result, result, starts_on, ends_on, template_id, status) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'draft')"
                       : "UPDATE programme SET group_id = ?1, school_year = ?2, title = ?3, "
                         "request = ?4, goal = ?5, tasks = ?6, expected_result = ?7, result = ?8, "
                         "starts_on = ?9, ends_on = ?10, template_id = ?11 WHERE id = ?12", error);

  if (stmt == NULL)
    return FALSE;
  bind_programme (stmt, p);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 12, nst_programme_get_id (p));
  if (!nst_store_step_done (self, stmt, error))
    return FALSE;
  if (is_new)
    nst_programme_set_id (p, sqlite3_last_insert_rowid (nst_store_get_db (self)));
  return TRUE;
}

static gboolean
write_occurrences (NstStore     *self,
                   NstPlanItem  *item,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) del =
    nst_store_prepare (self, "DELETE FROM plan_occurrence WHERE plan_item_id = ?", error);
  g_autoptr(sqlite3_stmt) ins = NULL;
  GListModel *occurrences = nst_plan_item_get_occurrences (item);

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, nst_plan_item_get_id (item));
  if (!nst_store_step_done (self, del, error))
    return FALSE;
  ins = nst_store_prepare (self, "INSERT INTO plan_occurrence (plan_item_id, starts_on, due_on, done_on) "
                                 "VALUES (?, ?, ?, ?)", error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (occurrences); i++)
    {
      g_autoptr(NstPlanOccurrence) o = g_list_model_get_item (occurrences, i);

      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, nst_plan_item_get_id (item));
      nst_bind_text_or_null (ins, 2, nst_plan_occurrence_get_starts_on (o));
      sqlite3_bind_text (ins, 3, nst_plan_occurrence_get_due_on (o), -1, SQLITE_TRANSIENT);
      nst_bind_text_or_null (ins, 4, nst_plan_occurrence_get_done_on (o));
      if (!nst_store_step_done (self, ins, error))
        return FALSE;
      nst_plan_occurrence_set_item_id (o, nst_plan_item_get_id (item));
    }
  return TRUE;
}

static gboolean
write_item (NstStore      *self,
            gint64         programme_id,
            NstPlanItem   *item,
            GError       **error)
{
  gboolean is_new = nst_plan_item_get_id (item) == 0;
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, is_new
                       ? "INSERT INTO plan_item (programme_id, position, activity, schedule, "
                         "responsible, expected_result) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                       : "UPDATE plan_item SET position = ?2, activity = ?3, schedule = ?4, "
                         "responsible = ?5, expected_result = ?6 WHERE programme_id = ?1 AND id = ?7",
                       error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int (stmt, 2, nst_plan_item_get_position (item));
  sqlite3_bind_text (stmt, 3, nst_plan_item_get_activity (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, nst_plan_item_get_schedule (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, nst_plan_item_get_responsible (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, nst_plan_item_get_expected_result (item), -1, SQLITE_TRANSIENT);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 7, nst_plan_item_get_id (item));
  if (!nst_store_step_done (self, stmt, error))
    return FALSE;
  if (is_new)
    nst_plan_item_set_id (item, sqlite3_last_insert_rowid (nst_store_get_db (self)));
  else if (sqlite3_changes (nst_store_get_db (self)) == 0)
    {
      nst_store_invalid (error, "%s", _("An activity of the plan belongs to another programme: reopen the programme"));
      return FALSE;
    }
  return write_occurrences (self, item, error);
}

static gboolean
delete_item (NstStore     *self,
             NstPlanItem  *item,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = nst_store_prepare (self, "DELETE FROM plan_item WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nst_plan_item_get_id (item));
  return nst_store_step_done (self, stmt, error);
}

/* What a history says of an item: enough to tell one change from another. */
static char *
item_value (NstPlanItem *item)
{
  g_autofree char *summary = nst_plan_item_dup_summary (item);

  return g_strjoin (" — ", summary, nst_plan_item_get_responsible (item),
                    nst_plan_item_get_expected_result (item), NULL);
}

static gboolean
item_text_changed (NstPlanItem *a,
                   NstPlanItem *b)
{
  return g_strcmp0 (nst_plan_item_get_activity (a), nst_plan_item_get_activity (b)) != 0 ||
         g_strcmp0 (nst_plan_item_get_schedule (a), nst_plan_item_get_schedule (b)) != 0 ||
         g_strcmp0 (nst_plan_item_get_responsible (a), nst_plan_item_get_responsible (b)) != 0 ||
         g_strcmp0 (nst_plan_item_get_expected_result (a), nst_plan_item_get_expected_result (b)) != 0;
}

/* One history line to be written. */
typedef struct
{
  NstChange change;
  char *old_value;
  char *new_value;
} Change;

static void
change_free (Change *c)
{
  g_free (c->old_value);
  g_free (c->new_value);
  g_free (c);
}

static void
add_change (GPtrArray  *changes,
            NstChange   change,
            char       *old_value,
            char       *new_value)
{
  Change *c = g_new0 (Change, 1);

  c->change = change;
  c->old_value = old_value;
  c->new_value = new_value;
  g_ptr_array_add (changes, c);
}

/* The plan's changes: items removed, changed and added. */
static void
diff_plan (NstProgramme *stored,
           NstProgramme *p,
           GPtrArray    *changes)
{
  GListModel *old_items = nst_programme_get_items (stored);
  GListModel *new_items = nst_programme_get_items (p);

  for (guint i = 0; i < g_list_model_get_n_items (old_items); i++)
    {
      g_autoptr(NstPlanItem) old = g_list_model_get_item (old_items, i);
      NstPlanItem *now = find_item (p, nst_plan_item_get_id (old));

      if (now == NULL)
        add_change (changes, NST_CHANGE_PLAN_REMOVED, item_value (old), NULL);
      else if (item_text_changed (old, now))
        add_change (changes, NST_CHANGE_PLAN_CHANGED, item_value (old), item_value (now));
    }
  for (guint i = 0; i < g_list_model_get_n_items (new_items); i++)
    {
      g_autoptr(NstPlanItem) now = g_list_model_get_item (new_items, i);

      if (find_item (stored, nst_plan_item_get_id (now)) == NULL)
        add_change (changes, NST_CHANGE_PLAN_ADDED, NULL, item_value (now));
    }
}

static void
diff_content (NstProgramme *stored,
              NstProgramme *p,
              GPtrArray    *changes)
{
  static const char *const fields[] = {
    "title", "request", "goal", "tasks", "expected-result", "result",
  };
  g_autoptr(GString) changed = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *a = NULL, *b = NULL;

      g_object_get (stored, fields[i], &a, NULL);
      g_object_get (p, fields[i], &b, NULL);
      if (g_strcmp0 (a, b) != 0)
        g_string_append_printf (changed, "%s%s", changed->len ? "," : "", fields[i]);
    }
  if (changed->len > 0)
    add_change (changes, NST_CHANGE_CONTENT, NULL, g_strdup (changed->str));
}

/* Everything that changed, period and plan first; *@needs_reason when the
 * period or the plan changed (seed 4.2). */
static GPtrArray *
diff_programme (NstProgramme *stored,
                NstProgramme *p,
                gboolean     *needs_reason)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  g_autofree char *old_period = nst_period_to_value (nst_programme_get_starts_on (stored),
                                                     nst_programme_get_ends_on (stored));
  g_autofree char *new_period = nst_period_to_value (nst_programme_get_starts_on (p),
                                                     nst_programme_get_ends_on (p));

  if (!g_str_equal (old_period, new_period))
    add_change (changes, NST_CHANGE_PERIOD, g_steal_pointer (&old_period), g_steal_pointer (&new_period));
  diff_plan (stored, p, changes);
  *needs_reason = changes->len > 0;
  diff_content (stored, p, changes);
  return changes;
}

static gboolean
write_plan (NstStore      *self,
            NstProgramme  *p,
            NstProgramme  *stored,
            GError       **error)
{
  GListModel *items = nst_programme_get_items (p);
  GListModel *old_items = stored ? nst_programme_get_items (stored) : NULL;

  for (guint i = 0; old_items && i < g_list_model_get_n_items (old_items); i++)
    {
      g_autoptr(NstPlanItem) old = g_list_model_get_item (old_items, i);

      if (find_item (p, nst_plan_item_get_id (old)) == NULL && !delete_item (self, old, error))
        return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);

      if (!write_item (self, nst_programme_get_id (p), item, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_history (NstStore     *self,
               NstProgramme *p,
               GPtrArray    *changes,
               const char   *reason,
               GError      **error)
{
  for (guint i = 0; i < changes->len; i++)
    {
      Change *c = g_ptr_array_index (changes, i);

      if (!nst_store_add_programme_history (self, nst_programme_get_id (p), NULL, c->change,
                                            c->old_value, c->new_value, reason, error))
        return FALSE;
    }
  return TRUE;
}

/* Forget the ids a rolled-back insert gave. */
static void
forget_new_ids (NstProgramme *p,
                gboolean      was_new,
                GPtrArray    *new_items)
{
  if (was_new)
    nst_programme_set_id (p, 0);
  for (guint i = 0; i < new_items->len; i++)
    nst_plan_item_set_id (g_ptr_array_index (new_items, i), 0);
}

static GPtrArray *
items_without_id (NstProgramme *p)
{
  GListModel *items = nst_programme_get_items (p);
  GPtrArray *fresh = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      NstPlanItem *item = g_list_model_get_item (items, i);

      if (nst_plan_item_get_id (item) == 0)
        g_ptr_array_add (fresh, item);
      else
        g_object_unref (item);
    }
  return fresh;
}

static gboolean
check_savable (NstStore      *self,
               NstProgramme  *p,
               NstProgramme **stored,
               GError       **error)
{
  g_autofree char *problem = nst_programme_check (p);
  g_autoptr(NstGroup) group = NULL;

  if (problem != NULL)
    {
      nst_store_invalid (error, "%s", problem);
      return FALSE;
    }
  if (!nst_programme_get_items_loaded (p))
    {
      nst_store_invalid (error, "%s", _("Open the programme with its plan before saving it"));
      return FALSE;
    }
  if ((group = nst_store_get_group (self, nst_programme_get_group_id (p), error)) == NULL)
    return FALSE;
  if (nst_programme_get_id (p) == 0 && nst_group_status_is_ended (nst_group_get_status (group)))
    {
      nst_store_invalid (error, "%s", _("The pair has ended: a new programme needs a pair in force"));
      return FALSE;
    }
  if (nst_programme_get_id (p) != 0 &&
      (*stored = nst_store_get_programme (self, nst_programme_get_id (p), error)) == NULL)
    return FALSE;
  if (*stored != NULL && nst_programme_get_status (*stored) >= NST_PROGRAMME_STATUS_FINISHED)
    {
      nst_store_invalid (error, "%s", _("The programme has ended: its record is kept as it was"));
      return FALSE;
    }
  return check_no_programme_yet (self, nst_programme_get_group_id (p), nst_programme_get_school_year (p),
                                 nst_programme_get_id (p), error);
}

static gboolean
save_in_transaction (NstStore      *self,
                     NstProgramme  *p,
                     NstProgramme  *stored,
                     GPtrArray     *changes,
                     const char    *reason,
                     GError       **error)
{
  if (!write_programme_row (self, p, stored == NULL, error) || !write_plan (self, p, stored, error))
    return FALSE;
  if (stored == NULL)
    return nst_store_add_programme_history (self, nst_programme_get_id (p), NULL, NST_CHANGE_CREATED,
                                            NULL, nst_programme_status_to_code (NST_PROGRAMME_STATUS_DRAFT),
                                            reason, error);
  return write_history (self, p, changes, reason, error);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  return *trimmed == '\0';
}

/**
 * nst_store_save_programme:
 * @programme: a new programme (id 0) or one from nst_store_get_programme(),
 *   with its plan
 * @reason: (nullable): why it changes: required (seed 4.2) when the period
 *   or the plan of a programme under way changes
 *
 * Checks and saves the programme and its plan, expanding each schedule
 * into occurrences over the period and the school's quarters. Marks of
 * occurrences that stay are kept, and so are those of work done on days
 * the new schedule no longer has. Changes of period, plan and content go
 * into the history with @reason. One programme per pair and school year;
 * an ended one is not changed.
 */
gboolean
nst_store_save_programme (NstStore      *self,
                          NstProgramme  *programme,
                          const char    *reason,
                          GError       **error)
{
  g_autoptr(NstProgramme) stored = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  gboolean own = sqlite3_get_autocommit (nst_store_get_db (self));
  gboolean is_new = nst_programme_get_id (programme) == 0;
  gboolean needs_reason = FALSE;

  if (!check_savable (self, programme, &stored, error) || !expand_with (self, programme, stored, error))
    return FALSE;
  changes = stored ? diff_programme (stored, programme, &needs_reason)
                   : g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  if (needs_reason && nst_programme_get_status (stored) != NST_PROGRAMME_STATUS_DRAFT &&
      is_blank (reason))
    {
      nst_store_invalid (error, "%s", _("Say why the period or the plan changes: a programme under way is "
                                  "extended or corrected by mutual agreement, and the history keeps the reason"));
      return FALSE;
    }
  fresh = items_without_id (programme);
  if (own && !nst_store_begin (self, error))
    return FALSE;
  if (!save_in_transaction (self, programme, stored, changes, reason, error) ||
      (own && !nst_store_commit (self, error)))
    {
      if (own)
        nst_store_rollback (self);
      forget_new_ids (programme, is_new, fresh);
      return FALSE;
    }
  if (is_new)
    nst_programme_set_status (programme, NST_PROGRAMME_STATUS_DRAFT);
  return TRUE;
}

/**
 * nst_store_delete_programme:
 *
 * Deletes a draft programme. One under way stays on record: end it instead.
 */
gboolean
nst_store_delete_programme (NstStore  *self,
                            gint64     id,
                            GError   **error)
{
  g_autoptr(NstProgramme) stored = nst_store_get_programme (self, id, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (stored == NULL)
    return FALSE;
  if (nst_programme_get_status (stored) != NST_PROGRAMME_STATUS_DRAFT)
    {
      nst_store_invalid (error, "%s", _("Only a draft programme can be deleted: end it instead, with the reason"));
      return FALSE;
    }
  if ((stmt = nst_store_prepare (self, "DELETE FROM programme WHERE id = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return nst_store_step_done (self, stmt, error);
}

/* ---- status ---------------------------------------------------------------------- */

static gboolean
write_programme_status (NstStore            *self,
                        gint64               id,
                        NstProgrammeStatus   status,
                        NstEndReason         reason,
                        const char          *ended_on,
                        GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "UPDATE programme SET status = ?, end_reason = ?, ended_on = ? WHERE id = ?",
                       error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, nst_programme_status_to_code (status), -1, SQLITE_STATIC);
  nst_bind_text_or_null (stmt, 2, nst_end_reason_to_code (reason));
  nst_bind_text_or_null (stmt, 3, ended_on);
  sqlite3_bind_int64 (stmt, 4, id);
  return nst_store_step_done (self, stmt, error);
}

static char *
check_programme_change (NstStore            *self,
                        NstProgramme        *stored,
                        NstProgrammeStatus   status,
                        GError             **error)
{
  NstProgrammeStatus from = nst_programme_get_status (stored);
  g_autoptr(NstGroup) group = NULL;

  if (from >= NST_PROGRAMME_STATUS_FINISHED)
    return g_strdup (_("The programme has ended: its end is final"));
  if (status >= NST_PROGRAMME_STATUS_FINISHED)
    return g_strdup (_("Ending a programme needs a reason and a date: choose why it ends"));
  if (from == status)
    return g_strdup_printf (_("The programme is already “%s”"), nst_programme_status_label (status));
  if (status == NST_PROGRAMME_STATUS_ACTIVE)
    {
      if ((group = nst_store_get_group (self, nst_programme_get_group_id (stored), error)) == NULL)
        return NULL;
      if (nst_group_get_status (group) != NST_GROUP_STATUS_APPROVED &&
          nst_group_get_status (group) != NST_GROUP_STATUS_ACTIVE)
        return g_strdup (_("A programme starts with its pair: approve the pair by order first"));
    }
  return g_strdup ("");
}

/**
 * nst_store_change_programme_status:
 * @programme: its status follows on success
 * @status: active (the programme starts: its pair must be approved or
 *   active) or draft (back for corrections)
 * @on_date: (nullable): the day; today when %NULL
 * @reason: (nullable): for the history
 */
gboolean
nst_store_change_programme_status (NstStore            *self,
                                   NstProgramme        *programme,
                                   NstProgrammeStatus   status,
                                   const char          *on_date,
                                   const char          *reason,
                                   GError             **error)
{
  g_autoptr(NstProgramme) stored = nst_store_get_programme (self, nst_programme_get_id (programme), error);
  g_autofree char *refusal = NULL;
  gboolean own = sqlite3_get_autocommit (nst_store_get_db (self));

  if (stored == NULL || (refusal = check_programme_change (self, stored, status, error)) == NULL)
    return FALSE;
  if (*refusal != '\0')
    {
      nst_store_invalid (error, "%s", refusal);
      return FALSE;
    }
  if (own && !nst_store_begin (self, error))
    return FALSE;
  if (!write_programme_status (self, nst_programme_get_id (stored), status, NST_END_REASON_NONE, NULL, error) ||
      !nst_store_add_programme_history (self, nst_programme_get_id (stored), on_date, NST_CHANGE_STATUS,
                                        nst_programme_status_to_code (nst_programme_get_status (stored)),
                                        nst_programme_status_to_code (status), reason, error) ||
      (own && !nst_store_commit (self, error)))
    {
      if (own)
        nst_store_rollback (self);
      return FALSE;
    }
  nst_programme_set_status (programme, status);
  return TRUE;
}

static NstProgrammeStatus
status_for_reason (NstEndReason reason)
{
  return reason == NST_END_REASON_PLAN_DONE ? NST_PROGRAMME_STATUS_FINISHED
                                            : NST_PROGRAMME_STATUS_TERMINATED;
}

static gboolean
end_one (NstStore      *self,
         gint64         id,
         const char    *old_status,
         NstEndReason   reason,
         const char    *ended_on,
         const char    *note,
         GError       **error)
{
  return write_programme_status (self, id, status_for_reason (reason), reason, ended_on, error) &&
         nst_store_add_programme_history (self, id, ended_on, NST_CHANGE_ENDED, old_status,
                                          nst_end_reason_to_code (reason), note, error);
}

/**
 * nst_store_end_programme:
 * @programme: its status follows on success
 * @reason: why (seed 4.1): the plan done finishes it, the others terminate it
 * @ended_on: the day: not in the future, not before the programme starts
 * @note: (nullable): for the history
 */
gboolean
nst_store_end_programme (NstStore      *self,
                         NstProgramme  *programme,
                         NstEndReason   reason,
                         const char    *ended_on,
                         const char    *note,
                         GError       **error)
{
  g_autoptr(NstProgramme) stored = nst_store_get_programme (self, nst_programme_get_id (programme), error);
  gboolean own = sqlite3_get_autocommit (nst_store_get_db (self));

  if (stored == NULL)
    return FALSE;
  if (reason == NST_END_REASON_NONE || reason >= NST_N_END_REASONS)
    {
      nst_store_invalid (error, "%s", _("Choose why the programme ends: the plan is done, the participants' "
                                  "initiative, or the curator's"));
      return FALSE;
    }
  if (nst_programme_get_status (stored) >= NST_PROGRAMME_STATUS_FINISHED)
    {
      nst_store_invalid (error, "%s", _("The programme has ended: its end is final"));
      return FALSE;
    }
  if (!nst_store_check_end_date (ended_on, nst_programme_get_starts_on (stored), error))
    return FALSE;
  if (own && !nst_store_begin (self, error))
    return FALSE;
  if (!end_one (self, nst_programme_get_id (stored),
                nst_programme_status_to_code (nst_programme_get_status (stored)),
                reason, ended_on, note, error) ||
      (own && !nst_store_commit (self, error)))
    {
      if (own)
        nst_store_rollback (self);
      return FALSE;
    }
  nst_programme_set_status (programme, status_for_reason (reason));
  nst_programme_set_end_reason (programme, reason);
  nst_programme_set_ended_on (programme, ended_on);
  return TRUE;
}

/* When a pair ends, its programmes that have not end with it. */
static gboolean
end_group_programmes (NstStore      *self,
                      gint64         group_id,
                      NstEndReason   reason,
                      const char    *ended_on,
                      const char    *note,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT id, status FROM programme WHERE group_id = ? "
                             "AND status IN ('draft','active')", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_array_append_val (ids, ((gint64) { sqlite3_column_int64 (stmt, 0) }));
      g_ptr_array_add (statuses, g_strdup (nst_column_text (stmt, 1)));
    }
  if (read_failed (self, rc, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!end_one (self, g_array_index (ids, gint64, i), g_ptr_array_index (statuses, i),
                  reason, ended_on, note, error))
      return FALSE;
  return TRUE;
}

/**
 * nst_store_end_group:
 * @group: an approved or active pair; its status follows on success
 * @reason: why (seed 4.1): the plan done finishes it, the others terminate it
 * @ended_on: the day it ended: not in the future, not before the start
 * @note: (nullable): for the history
 *
 * Ends the pair and, with the same reason and day, its programmes that
 * have not ended. Here rather than in nst-store-groups.c because it writes
 * programmes: the programmes' queries use the pairs', not the reverse.
 */
gboolean
nst_store_end_group (NstStore      *self,
                     NstGroup      *group,
                     NstEndReason   reason,
                     const char    *ended_on,
                     const char    *note,
                     GError       **error)
{
  g_autoptr(NstGroup) stored = nst_store_get_group (self, nst_group_get_id (group), error);
  g_autofree char *refusal = NULL;
  NstGroupStatus status = nst_end_reason_status (reason);
  gboolean own = sqlite3_get_autocommit (nst_store_get_db (self));

  if (stored == NULL)
    return FALSE;
  if (reason == NST_END_REASON_NONE || reason >= NST_N_END_REASONS)
    {
      nst_store_invalid (error, "%s", _("Choose why the pair ends: the plan is done, the participants' "
                                  "initiative, or the curator's"));
      return FALSE;
    }
  if ((refusal = nst_group_status_check_change (nst_group_get_status (stored), status)) != NULL)
    {
      nst_store_invalid (error, "%s", refusal);
      return FALSE;
    }
  if (!nst_store_check_end_date (ended_on, nst_group_get_starts_on (stored), error))
    return FALSE;
  if (own && !nst_store_begin (self, error))
    return FALSE;
  if (!nst_store_write_group_status (self, stored, status, reason, ended_on, error) ||
      !nst_store_add_group_history (self, nst_group_get_id (stored), ended_on, NST_CHANGE_ENDED,
                                    nst_group_status_to_code (nst_group_get_status (stored)),
                                    nst_end_reason_to_code (reason), note, error) ||
      !end_group_programmes (self, nst_group_get_id (stored), reason, ended_on, note, error) ||
      (own && !nst_store_commit (self, error)))
    {
      if (own)
        nst_store_rollback (self);
      return FALSE;
    }
  nst_store_apply_group_status (group, status, reason, ended_on);
  return TRUE;
}

/* ---- marks ----------------------------------------------------------------------- */

/**
 * nst_store_set_occurrence_done:
 * @occurrence: an occurrence of a saved plan; its mark follows on success
 * @done_on: (nullable): the day the work was done, not in the future;
 *   %NULL or "" to take the mark off
 */
gboolean
nst_store_set_occurrence_done (NstStore           *self,
                               NstPlanOccurrence  *occurrence,
                               const char         *done_on,
                               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean clear = done_on == NULL || *done_on == '\0';
  GDate day, today;

  nst_date_today (&today);
  if (!clear && !nst_date_parse_iso (done_on, &day))
    {
      nst_store_invalid (error, "%s", _("The day it was done is not a valid date: enter it as DD.MM.YYYY"));
      return FALSE;
    }
  if (!clear && g_date_compare (&day, &today) > 0)
    {
      nst_store_invalid (error, "%s", _("The day it was done cannot be in the future"));
      return FALSE;
    }
  if (nst_plan_occurrence_get_item_id (occurrence) == 0)
    {
      nst_store_invalid (error, "%s", _("Save the programme before marking its activities done"));
      return FALSE;
    }
  stmt = nst_store_prepare (self, "UPDATE plan_occurrence SET done_on = ? "
                                  "WHERE plan_item_id = ? AND due_on = ?", error);
  if (stmt == NULL)
    return FALSE;
  nst_bind_text_or_null (stmt, 1, clear ? NULL : done_on);
  sqlite3_bind_int64 (stmt, 2, nst_plan_occurrence_get_item_id (occurrence));
  sqlite3_bind_text (stmt, 3, nst_plan_occurrence_get_due_on (occurrence), -1, SQLITE_TRANSIENT);
  if (!nst_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (nst_store_get_db (self)) == 0)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                   _("The activity is no longer in the plan: reopen the programme"));
      return FALSE;
    }
  nst_plan_occurrence_set_done_on (occurrence, clear ? NULL : done_on);
  return TRUE;
}

/**
 * nst_store_list_programme_history:
 *
 * Returns: (transfer full): a #GListStore of #NstHistoryEntry, oldest
 *   first; an entry's note is the reason given
 */
GListStore *
nst_store_list_programme_history (NstStore  *self,
                                  gint64     programme_id,
                                  GError   **error)
{
  return nst_store_read_history (self, "SELECT changed_on, what, old_value, new_value, reason "
                                       "FROM programme_history WHERE programme_id = ?1 "
                                       "ORDER BY changed_on, id",
                                 programme_id, error);
}

/* ---- templates ------------------------------------------------------------------- */

#define TEMPLATE_COLUMNS \
  "id, title, form, builtin, school_year, request, goal, tasks, expected_result"

static NstProgrammeTemplate *
read_template (sqlite3_stmt *stmt)
{
  NstProgrammeTemplate *t = nst_programme_template_new ();
  const char *form = nst_column_text (stmt, 2);

  nst_programme_template_set_id (t, sqlite3_column_int64 (stmt, 0));
  nst_programme_template_set_title (t, nst_column_text (stmt, 1));
  nst_programme_template_set_form (t, *form ? nst_group_form_from_code (form) : NST_TEMPLATE_ANY_FORM);
  nst_programme_template_set_builtin (t, sqlite3_column_int (stmt, 3));
  nst_programme_template_set_school_year (t, sqlite3_column_int (stmt, 4));
  nst_programme_template_set_request (t, nst_column_text (stmt, 5));
  nst_programme_template_set_goal (t, nst_column_text (stmt, 6));
  nst_programme_template_set_tasks (t, nst_column_text (stmt, 7));
  nst_programme_template_set_expected_result (t, nst_column_text (stmt, 8));
  return t;
}

static gboolean
load_template_items (NstStore    *self,
                     GHashTable  *templates,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT template_id, position, activity, schedule, responsible, "
                             "expected_result FROM programme_template_item "
                             "ORDER BY template_id, position", error);
  g_autoptr(GHashTable) items = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      NstProgrammeTemplate *t = g_hash_table_lookup (templates, &id);
      GPtrArray *list;

      if (t == NULL)
        continue;
      if ((list = g_hash_table_lookup (items, t)) == NULL)
        g_hash_table_insert (items, t, list = g_ptr_array_new_with_free_func (g_object_unref));
      g_ptr_array_add (list, read_item (stmt, 1));
    }
  if (read_failed (self, rc, error))
    return FALSE;
  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    nst_programme_template_set_items (key, value);
  return TRUE;
}

static GPtrArray *
load_templates (NstStore  *self,
                gint64     only_id,
                GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT " TEMPLATE_COLUMNS " FROM programme_template "
                             "WHERE ?1 = 0 OR id = ?1 ORDER BY builtin DESC, title, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NstProgrammeTemplate *t = read_template (stmt);

      g_ptr_array_add (rows, t);
      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { nst_programme_template_get_id (t) }, sizeof (gint64)), t);
    }
  if (read_failed (self, rc, error) || !load_template_items (self, by_id, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/**
 * nst_store_list_templates:
 *
 * Returns: (transfer full): a #GListStore of #NstProgrammeTemplate with
 *   their plans, the built-in ones first
 */
GListStore *
nst_store_list_templates (NstStore  *self,
                          GError   **error)
{
  g_autoptr(GPtrArray) rows = load_templates (self, 0, error);
  GListStore *list;

  if (rows == NULL)
    return NULL;
  list = g_list_store_new (NST_TYPE_PROGRAMME_TEMPLATE);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return list;
}

/**
 * nst_store_get_template:
 *
 * Returns: (transfer full) (nullable): the template with its plan
 */
NstProgrammeTemplate *
nst_store_get_template (NstStore  *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(GPtrArray) rows = id > 0 ? load_templates (self, id, error) : NULL;

  if (rows == NULL && id > 0)
    return NULL;
  if (rows == NULL || rows->len == 0)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                   _("The template is no longer in the database"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

static gboolean
write_template_items (NstStore              *self,
                      NstProgrammeTemplate  *t,
                      GListModel            *items,
                      GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "INSERT INTO programme_template_item (template_id, position, activity, "
                             "schedule, responsible, expected_result) VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);
      NstPlanItem *copy = nst_plan_item_new ();

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, nst_programme_template_get_id (t));
      sqlite3_bind_int (stmt, 2, i + 1);
      sqlite3_bind_text (stmt, 3, nst_plan_item_get_activity (item), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, nst_plan_item_get_schedule (item), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, nst_plan_item_get_responsible (item), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, nst_plan_item_get_expected_result (item), -1, SQLITE_TRANSIENT);
      if (!nst_store_step_done (self, stmt, error))
        return FALSE;
      g_object_set (copy, "position", i + 1, "activity", nst_plan_item_get_activity (item),
                    "schedule", nst_plan_item_get_schedule (item),
                    "responsible", nst_plan_item_get_responsible (item),
                    "expected-result", nst_plan_item_get_expected_result (item), NULL);
      g_ptr_array_add (copies, copy);
    }
  nst_programme_template_set_items (t, copies);
  return TRUE;
}

static NstProgrammeTemplate *
template_from (NstProgramme *p,
               const char   *title)
{
  NstProgrammeTemplate *t = nst_programme_template_new ();

  nst_programme_template_set_title (t, title);
  nst_programme_template_set_form (t, nst_programme_get_form (p));
  nst_programme_template_set_school_year (t, nst_programme_get_school_year (p));
  nst_programme_template_set_request (t, nst_programme_get_request (p));
  nst_programme_template_set_goal (t, nst_programme_get_goal (p));
  nst_programme_template_set_tasks (t, nst_programme_get_tasks (p));
  nst_programme_template_set_expected_result (t, nst_programme_get_expected_result (p));
  return t;
}

static gboolean
insert_template (NstStore              *self,
                 NstProgrammeTemplate  *t,
                 GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "INSERT INTO programme_template (title, form, builtin, school_year, "
                             "request, goal, tasks, expected_result) VALUES (?, ?, 0, ?, ?, ?, ?, ?)",
                       error);
  guint form = nst_programme_template_get_form (t);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, nst_programme_template_get_title (t), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, form < NST_N_GROUP_FORMS ? nst_group_form_to_code (form) : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, nst_programme_template_get_school_year (t));
  sqlite3_bind_text (stmt, 4, nst_programme_template_get_request (t), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, nst_programme_template_get_goal (t), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, nst_programme_template_get_tasks (t), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, nst_programme_template_get_expected_result (t), -1, SQLITE_TRANSIENT);
  if (!nst_store_step_done (self, stmt, error))
    return FALSE;
  nst_programme_template_set_id (t, sqlite3_last_insert_rowid (nst_store_get_db (self)));
  return TRUE;
}

/**
 * nst_store_save_programme_as_template:
 * @programme: a programme with its plan (saved or not)
 * @title: the template's name
 *
 * Saves the programme's request, goal, tasks, expected result and plan
 * (not the marks) as a new template; its dates belong to the programme's
 * school year.
 *
 * Returns: (transfer full) (nullable): the new template
 */
NstProgrammeTemplate *
nst_store_save_programme_as_template (NstStore      *self,
                                      NstProgramme  *programme,
                                      const char    *title,
                                      GError       **error)
{
  g_autoptr(NstProgrammeTemplate) t = NULL;
  g_autofree char *name = g_strstrip (g_strdup (title ? title : ""));
  gboolean own = sqlite3_get_autocommit (nst_store_get_db (self));

  if (*name == '\0')
    {
      nst_store_invalid (error, "%s", _("Enter the template's title"));
      return NULL;
    }
  if (!nst_programme_get_items_loaded (programme) ||
      g_list_model_get_n_items (nst_programme_get_items (programme)) == 0)
    {
      nst_store_invalid (error, "%s", _("The programme has no plan to keep as a template: add activities first"));
      return NULL;
    }
  t = template_from (programme, name);
  if (own && !nst_store_begin (self, error))
    return NULL;
  if (!insert_template (self, t, error) ||
      !write_template_items (self, t, nst_programme_get_items (programme), error) ||
      (own && !nst_store_commit (self, error)))
    {
      if (own)
        nst_store_rollback (self);
      return NULL;
    }
  return g_steal_pointer (&t);
}

/**
 * nst_store_delete_template:
 *
 * Deletes a template; programmes made from it stay as they are. The
 * built-in one cannot be deleted.
 */
gboolean
nst_store_delete_template (NstStore  *self,
                           gint64     id,
                           GError   **error)
{
  g_autoptr(NstProgrammeTemplate) t = nst_store_get_template (self, id, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (t == NULL)
    return FALSE;
  if (nst_programme_template_get_builtin (t))
    {
      nst_store_invalid (error, "%s", _("The built-in template cannot be deleted: it is the plan of the "
                                  "school's programme"));
      return FALSE;
    }
  if ((stmt = nst_store_prepare (self, "DELETE FROM programme_template WHERE id = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return nst_store_step_done (self, stmt, error);
}
