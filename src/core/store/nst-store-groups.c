/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "store/nst-store-groups-private.h"

/* Approved and active pairs are a mentor's load and a mentee's place. */
#define SQL_STANDING "('approved','active')"

/* Column order shared by every SELECT and by read_group(). */
#define GROUP_COLUMNS \
  "g.id, g.form, g.interaction_model, g.kind, g.starts_on, g.ends_on, g.status, " \
  "g.end_reason, g.ended_on, g.note, g.order_id, o.number, o.suffix, o.signed_on"

#define GROUP_FROM \
  " FROM mentoring_group g LEFT JOIN school_order o ON o.id = g.order_id"

/* ---- shared helpers -------------------------------------------------------- */

void
nst_store_invalid (GError    **error,
                   const char *format,
                   ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID, message);
}

/**
 * nst_store_resolve_date:
 * @given: (nullable): an ISO date, or %NULL or "" for today
 * @what: what the date is, for the message
 *
 * Returns: (transfer full) (nullable): the ISO date, or %NULL when @given
 *   is not a date
 */
char *
nst_store_resolve_date (const char  *given,
                        const char  *what,
                        GError     **error)
{
  GDate date;

  if (given == NULL || *given == '\0')
    nst_date_today (&date);
  else if (!nst_date_parse_iso (given, &date))
    {
      nst_store_invalid (error, _("%s: not a valid date. Enter it as DD.MM.YYYY"), what);
      return NULL;
    }
  return nst_date_format_iso (&date);
}

/* An end needs a day that has come, not before the start. */
gboolean
nst_store_check_end_date (const char  *ended_on,
                          const char  *starts_on,
                          GError     **error)
{
  GDate end, start, today;

  nst_date_today (&today);
  if (ended_on == NULL || *ended_on == '\0')
    {
      nst_store_invalid (error, "%s", _("Enter the day it ended"));
      return FALSE;
    }
  if (!nst_date_parse_iso (ended_on, &end))
    {
      nst_store_invalid (error, "%s", _("The day it ended is not a valid date: enter it as DD.MM.YYYY"));
      return FALSE;
    }
  if (g_date_compare (&end, &today) > 0)
    {
      nst_store_invalid (error, "%s", _("The day it ended cannot be in the future"));
      return FALSE;
    }
  if (nst_date_parse_iso (starts_on, &start) && g_date_compare (&end, &start) < 0)
    {
      g_autofree char *label = nst_date_format_ru (&start);

      nst_store_invalid (error, _("It cannot end before it starts (%s): check the date"), label);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_history (NstStore    *self,
             const char  *sql,
             gint64       owner_id,
             const char  *changed_on,
             NstChange    change,
             const char  *old_value,
             const char  *new_value,
             const char  *note,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = nst_store_prepare (self, sql, error);
  g_autofree char *day = nst_store_resolve_date (changed_on, _("The day of the change"), error);

  if (stmt == NULL || day == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, nst_change_to_code (change), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, old_value ? old_value : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, new_value ? new_value : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, note ? note : "", -1, SQLITE_TRANSIENT);
  return nst_store_step_done (self, stmt, error);
}

gboolean
nst_store_add_group_history (NstStore    *self,
                             gint64       group_id,
                             const char  *changed_on,
                             NstChange    change,
                             const char  *old_value,
                             const char  *new_value,
                             const char  *note,
                             GError     **error)
{
  return add_history (self, "INSERT INTO group_history (group_id, changed_on, what, old_value, "
                            "new_value, details) VALUES (?, ?, ?, ?, ?, ?)",
                      group_id, changed_on, change, old_value, new_value, note, error);
}

gboolean
nst_store_add_programme_history (NstStore    *self,
                                 gint64       programme_id,
                                 const char  *changed_on,
                                 NstChange    change,
                                 const char  *old_value,
                                 const char  *new_value,
                                 const char  *reason,
                                 GError     **error)
{
  return add_history (self, "INSERT INTO programme_history (programme_id, changed_on, what, "
                            "old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?)",
                      programme_id, changed_on, change, old_value, new_value, reason, error);
}

/* ---- reading ----------------------------------------------------------------- */

static NstGroup *
read_group (sqlite3_stmt *stmt)
{
  NstGroup *g = nst_group_new ();
  const char *suffix = nst_column_text (stmt, 12);
  g_autofree char *number = NULL;

  nst_group_set_id (g, sqlite3_column_int64 (stmt, 0));
  nst_group_set_form (g, nst_group_form_from_code (nst_column_text (stmt, 1)));
  nst_group_set_interaction_model (g, nst_interaction_model_from_code (nst_column_text (stmt, 2)));
  nst_group_set_kind (g, nst_group_kind_from_code (nst_column_text (stmt, 3)));
  nst_group_set_starts_on (g, nst_column_text (stmt, 4));
  nst_group_set_ends_on (g, nst_column_text (stmt, 5));
  nst_group_set_status (g, nst_group_status_from_code (nst_column_text (stmt, 6)));
  nst_group_set_end_reason (g, nst_end_reason_from_code (nst_column_text (stmt, 7)));
  nst_group_set_ended_on (g, nst_column_text (stmt, 8));
  nst_group_set_note (g, nst_column_text (stmt, 9));
  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    number = *suffix ? g_strdup_printf ("%lld %s", (long long) sqlite3_column_int64 (stmt, 11), suffix)
                     : g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, 11));
  nst_group_set_order (g, sqlite3_column_int64 (stmt, 10), number, nst_column_text (stmt, 13));
  return g;
}

static char *
full_name_at (sqlite3_stmt *stmt,
              int           first)
{
  GString *name = g_string_new (nst_column_text (stmt, first));

  for (int i = first + 1; i <= first + 2; i++)
    if (*nst_column_text (stmt, i))
      g_string_append_printf (name, " %s", nst_column_text (stmt, i));
  return g_string_free (name, FALSE);
}

/* Mentees keep the order they were added in: the first is the pair's. */
static gboolean
load_members (NstStore    *self,
              GHashTable  *groups,
              gint64       only_id,
              GError     **error)
{
  /* Two statements, not "?1 = 0 OR", so that one pair's is an index lookup. */
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, only_id == 0
                       ? "SELECT m.group_id, m.participant_id, m.role, p.surname, p.name, "
                         "p.patronymic FROM group_member m "
                         "JOIN participant p ON p.id = m.participant_id "
                         "WHERE ?1 = 0 ORDER BY m.group_id, m.rowid"
                       : "SELECT m.group_id, m.participant_id, m.role, p.surname, p.name, "
                         "p.patronymic FROM group_member m "
                         "JOIN participant p ON p.id = m.participant_id "
                         "WHERE m.group_id = ?1 ORDER BY m.rowid", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 group_id = sqlite3_column_int64 (stmt, 0);
      NstGroup *g = g_hash_table_lookup (groups, &group_id);
      g_autofree char *name = full_name_at (stmt, 3);

      if (g == NULL)
        continue;
      if (g_str_equal (nst_column_text (stmt, 2), "mentor"))
        nst_group_set_mentor_id (g, sqlite3_column_int64 (stmt, 1), name);
      else
        nst_group_add_mentee_id (g, sqlite3_column_int64 (stmt, 1), name);
    }
  if (rc != SQLITE_DONE)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the pairs"));
      return FALSE;
    }
  return TRUE;
}

/* The latest programme of each group (or of @only_id's), counted at
 * @status_date. */
#define PROGRESS_SQL(where) \
  "SELECT p.group_id, p.id, count(o.due_on)," \
  " coalesce(sum(o.done_on IS NOT NULL AND o.done_on <= ?1), 0)," \
  " coalesce(sum(o.due_on <= ?1 OR (o.done_on IS NOT NULL AND o.done_on <= ?1)), 0)," \
  " coalesce(sum(o.due_on < ?1 AND (o.done_on IS NULL OR o.done_on > ?1)), 0)" \
  " FROM programme p" \
  " LEFT JOIN plan_item i ON i.programme_id = p.id" \
  " LEFT JOIN plan_occurrence o ON o.plan_item_id = i.id" \
  " WHERE " where " p.school_year = (SELECT max(q.school_year) FROM programme q" \
  "                                  WHERE q.group_id = p.group_id)" \
  " GROUP BY p.id"

static gboolean
load_progress (NstStore    *self,
               GHashTable  *groups,
               gint64       only_id,
               const char  *status_date,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, only_id == 0 ? PROGRESS_SQL ("?2 = 0 AND")
                                          : PROGRESS_SQL ("p.group_id = ?2 AND"), error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, only_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 group_id = sqlite3_column_int64 (stmt, 0);
      NstGroup *g = g_hash_table_lookup (groups, &group_id);

      if (g != NULL)
        nst_group_set_progress (g, sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 3),
                                sqlite3_column_int (stmt, 4), sqlite3_column_int (stmt, 2),
                                sqlite3_column_int (stmt, 5));
    }
  if (rc != SQLITE_DONE)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the programmes"));
      return FALSE;
    }
  return TRUE;
}

/* Groups by id (gint64 * → NstGroup, owned), with their members; all of
 * them, or the one with @only_id. */
GHashTable *
nst_store_load_groups_by_id (NstStore  *self,
                             gint64     only_id,
                             GError   **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, only_id == 0 ? "SELECT " GROUP_COLUMNS GROUP_FROM " WHERE ?1 = 0 ORDER BY g.id"
                                          : "SELECT " GROUP_COLUMNS GROUP_FROM " WHERE g.id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NstGroup *g = read_group (stmt);

      g_hash_table_insert (groups, g_memdup2 (&(gint64) { nst_group_get_id (g) }, sizeof (gint64)), g);
    }
  if (rc != SQLITE_DONE)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the pairs"));
      return NULL;
    }
  if (!load_members (self, groups, only_id, error))
    return NULL;
  return g_steal_pointer (&groups);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = nst_group_get_id (*(NstGroup **) a);
  gint64 y = nst_group_get_id (*(NstGroup **) b);

  return x < y ? -1 : x > y;
}

/**
 * nst_store_list_groups:
 * @status_date: (nullable): the day progress is counted at; %NULL for today
 *
 * Every pair and group, oldest first, with members' names, the approving
 * order and the progress of the latest programme. Four queries whatever
 * the count.
 *
 * Returns: (transfer full): a #GListStore of #NstGroup
 */
GListStore *
nst_store_list_groups (NstStore    *self,
                       const char  *status_date,
                       GError     **error)
{
  g_autofree char *day = nst_store_resolve_date (status_date, _("The status date"), error);
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GListStore *list;
  GHashTableIter iter;
  gpointer value;

  if (day == NULL || (groups = nst_store_load_groups_by_id (self, 0, error)) == NULL)
    return NULL;
  if (!load_progress (self, groups, 0, day, error))
    return NULL;
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (rows, value);
  g_ptr_array_sort (rows, compare_ids);
  list = g_list_store_new (NST_TYPE_GROUP);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return list;
}

/**
 * nst_store_get_group:
 *
 * Returns: (transfer full) (nullable): the pair with its members and the
 *   progress of its latest programme today
 */
NstGroup *
nst_store_get_group (NstStore  *self,
                     gint64     id,
                     GError   **error)
{
  g_autoptr(GHashTable) groups = NULL;
  g_autofree char *today = nst_store_resolve_date (NULL, "", NULL);
  NstGroup *g;

  if (id <= 0 || (groups = nst_store_load_groups_by_id (self, id, error)) == NULL)
    {
      if (id <= 0)
        g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                     _("The pair is no longer in the database"));
      return NULL;
    }
  if ((g = g_hash_table_lookup (groups, &id)) == NULL)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                   _("The pair is no longer in the database"));
      return NULL;
    }
  if (!load_progress (self, groups, id, today, error))
    return NULL;
  return g_object_ref (g);
}

/* ---- saving ------------------------------------------------------------------ */

static void
bind_group (sqlite3_stmt *stmt,
            NstGroup     *g)
{
  sqlite3_bind_text (stmt, 1, nst_group_form_to_code (nst_group_get_form (g)), -1, SQLITE_STATIC);
  nst_bind_text_or_null (stmt, 2, nst_interaction_model_to_code (nst_group_get_interaction_model (g)));
  sqlite3_bind_text (stmt, 3, nst_group_kind_to_code (nst_group_get_kind (g)), -1, SQLITE_STATIC);
  nst_bind_text_or_null (stmt, 4, nst_group_get_starts_on (g));
  nst_bind_text_or_null (stmt, 5, nst_group_get_ends_on (g));
  sqlite3_bind_text (stmt, 6, nst_group_get_note (g), -1, SQLITE_TRANSIENT);
}

static gboolean
write_members (NstStore  *self,
               NstGroup  *g,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) del =
    nst_store_prepare (self, "DELETE FROM group_member WHERE group_id = ?", error);
  g_autoptr(sqlite3_stmt) ins = NULL;
  guint n = nst_group_get_n_mentees (g);

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, nst_group_get_id (g));
  if (!nst_store_step_done (self, del, error))
    return FALSE;
  ins = nst_store_prepare (self, "INSERT INTO group_member (group_id, participant_id, role) "
                                 "VALUES (?, ?, ?)", error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i <= n; i++)
    {
      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, nst_group_get_id (g));
      sqlite3_bind_int64 (ins, 2, i == 0 ? nst_group_get_mentor_id (g)
                                         : nst_group_get_mentee_id (g, i - 1));
      sqlite3_bind_text (ins, 3, i == 0 ? "mentor" : "mentee", -1, SQLITE_STATIC);
      if (!nst_store_step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

static char *
mentee_list_value (NstGroup *g)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < nst_group_get_n_mentees (g); i++)
    g_string_append_printf (names, "%s%s", i ? "; " : "", nst_group_get_mentee_name (g, i));
  return g_string_free (names, FALSE);
}

static gboolean
same_mentees (NstGroup *a,
              NstGroup *b)
{
  if (nst_group_get_n_mentees (a) != nst_group_get_n_mentees (b))
    return FALSE;
  for (guint i = 0; i < nst_group_get_n_mentees (a); i++)
    if (!nst_group_has_mentee (b, nst_group_get_mentee_id (a, i)))
      return FALSE;
  return TRUE;
}

typedef struct
{
  NstStore *store;
  gint64 id;
  const char *day;
  const char *note;
} HistoryWriter;

static gboolean
record (HistoryWriter  *w,
        NstChange       change,
        const char     *before,
        const char     *after,
        GError        **error)
{
  if (g_strcmp0 (before ? before : "", after ? after : "") == 0)
    return TRUE;
  return nst_store_add_group_history (w->store, w->id, w->day, change, before, after, w->note, error);
}

/* A line for each thing that changed between @stored and @g. */
static gboolean
record_changes (HistoryWriter  *w,
                NstGroup       *stored,
                NstGroup       *g,
                GError        **error)
{
  g_autofree char *old_period = nst_period_to_value (nst_group_get_starts_on (stored), nst_group_get_ends_on (stored));
  g_autofree char *new_period = nst_period_to_value (nst_group_get_starts_on (g), nst_group_get_ends_on (g));
  const char *old_model = nst_interaction_model_to_code (nst_group_get_interaction_model (stored));
  const char *new_model = nst_interaction_model_to_code (nst_group_get_interaction_model (g));

  if (!record (w, NST_CHANGE_PERIOD, old_period, new_period, error) ||
      !record (w, NST_CHANGE_FORM, nst_group_form_to_code (nst_group_get_form (stored)),
               nst_group_form_to_code (nst_group_get_form (g)), error) ||
      !record (w, NST_CHANGE_MODEL, old_model, new_model, error) ||
      !record (w, NST_CHANGE_KIND, nst_group_kind_to_code (nst_group_get_kind (stored)),
               nst_group_kind_to_code (nst_group_get_kind (g)), error))
    return FALSE;
  if (nst_group_get_mentor_id (stored) != nst_group_get_mentor_id (g) &&
      !nst_store_add_group_history (w->store, w->id, w->day, NST_CHANGE_MENTOR,
                                    nst_group_get_mentor_name (stored),
                                    nst_group_get_mentor_name (g), w->note, error))
    return FALSE;
  if (!same_mentees (stored, g))
    {
      g_autofree char *before = mentee_list_value (stored);
      g_autofree char *after = mentee_list_value (g);

      return nst_store_add_group_history (w->store, w->id, w->day, NST_CHANGE_MENTEES,
                                          before, after, w->note, error);
    }
  return TRUE;
}

static gboolean
insert_group (NstStore       *self,
              NstGroup       *g,
              HistoryWriter  *w,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "INSERT INTO mentoring_group (form, interaction_model, kind, "
                             "starts_on, ends_on, note, status) VALUES (?, ?, ?, ?, ?, ?, 'draft')",
                       error);

  if (stmt == NULL)
    return FALSE;
  bind_group (stmt, g);
  if (!nst_store_step_done (self, stmt, error))
    return FALSE;
  w->id = sqlite3_last_insert_rowid (nst_store_get_db (self));
  nst_group_set_id (g, w->id);
  return write_members (self, g, error) &&
         nst_store_add_group_history (self, w->id, w->day, NST_CHANGE_CREATED, NULL,
                                      nst_group_status_to_code (NST_GROUP_STATUS_DRAFT),
                                      w->note, error);
}

static gboolean
update_group (NstStore       *self,
              NstGroup       *g,
              HistoryWriter  *w,
              GError        **error)
{
  g_autoptr(NstGroup) stored = nst_store_get_group (self, nst_group_get_id (g), error);
  g_autoptr(NstGroup) saved = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (stored == NULL)
    return FALSE;
  if (nst_group_status_is_ended (nst_group_get_status (stored)))
    {
      nst_store_invalid (error, "%s", _("The pair has ended: its record is kept as it was"));
      return FALSE;
    }
  stmt = nst_store_prepare (self, "UPDATE mentoring_group SET form = ?1, interaction_model = ?2, "
                                  "kind = ?3, starts_on = ?4, ends_on = ?5, note = ?6 WHERE id = ?7",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_group (stmt, g);
  sqlite3_bind_int64 (stmt, 7, w->id);
  if (!nst_store_step_done (self, stmt, error) || !write_members (self, g, error))
    return FALSE;
  /* The history names the members as the registry does, whatever names
   * the caller gave them. */
  if ((saved = nst_store_get_group (self, w->id, error)) == NULL)
    return FALSE;
  return record_changes (w, stored, saved, error);
}

/**
 * nst_store_save_group:
 * @group: a new pair (id 0, which gets its id) or an existing one
 * @changed_on: (nullable): the day of the change, for the history; today
 *   when %NULL
 * @note: (nullable): why, for the history
 *
 * Checks the pair (nst_group_check()) and saves it with its members. A new
 * pair is saved as a draft whatever its status says: statuses change
 * through nst_store_change_group_status() and nst_store_end_group(). An
 * ended pair cannot be changed. Changes of period, members, form, model
 * and kind go into the history.
 */
gboolean
nst_store_save_group (NstStore    *self,
                      NstGroup    *group,
                      const char  *changed_on,
                      const char  *note,
                      GError     **error)
{
  g_autofree char *problem = nst_group_check (group);
  g_autofree char *day = NULL;
  gboolean own = sqlite3_get_autocommit (nst_store_get_db (self));
  gboolean is_new = nst_group_get_id (group) == 0;
  HistoryWriter w = { self, nst_group_get_id (group), NULL, note };

  if (problem != NULL)
    {
      nst_store_invalid (error, "%s", problem);
      return FALSE;
    }
  if ((day = nst_store_resolve_date (changed_on, _("The day of the change"), error)) == NULL)
    return FALSE;
  w.day = day;
  if (own && !nst_store_begin (self, error))
    return FALSE;
  if (!(is_new ? insert_group (self, group, &w, error) : update_group (self, group, &w, error)) ||
      (own && !nst_store_commit (self, error)))
    {
      if (own)
        nst_store_rollback (self);
      if (is_new)
        nst_group_set_id (group, 0);
      return FALSE;
    }
  if (is_new)
    nst_group_set_status (group, NST_GROUP_STATUS_DRAFT);
  return TRUE;
}

/**
 * nst_store_delete_group:
 *
 * Deletes a draft with its history and programmes. An approved pair stays
 * on record: end it instead.
 */
gboolean
nst_store_delete_group (NstStore  *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(NstGroup) stored = nst_store_get_group (self, id, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (stored == NULL)
    return FALSE;
  if (nst_group_get_status (stored) != NST_GROUP_STATUS_DRAFT)
    {
      nst_store_invalid (error, "%s", _("Only a draft can be deleted: a pair approved by order stays on "
                                  "record. End it instead, with the reason"));
      return FALSE;
    }
  stmt = nst_store_prepare (self, "DELETE FROM mentoring_group WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return nst_store_step_done (self, stmt, error);
}

/* ---- rules that need the registry --------------------------------------------- */

void
nst_group_problem_free (NstGroupProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray           *problems,
             NstGroupProblemKind  kind,
             gboolean             blocking,
             gint64               participant_id,
             char                *message)
{
  NstGroupProblem *p = g_new0 (NstGroupProblem, 1);

  p->kind = kind;
  p->blocking = blocking;
  p->participant_id = participant_id;
  p->message = message;
  g_ptr_array_add (problems, p);
}

typedef struct
{
  gboolean processing;
  gboolean processing_by_representative;
  gboolean mentor;
} ConsentsInForce;

static gboolean
consents_in_force (NstStore         *self,
                   gint64            participant_id,
                   ConsentsInForce  *out,
                   GError          **error)
{
  g_autoptr(GPtrArray) consents = nst_store_list_consents (self, participant_id, error);

  if (consents == NULL)
    return FALSE;
  *out = (ConsentsInForce) { FALSE, FALSE, FALSE };
  for (guint i = 0; i < consents->len; i++)
    {
      NstConsent *c = g_ptr_array_index (consents, i);

      if (!nst_consent_is_in_force (c))
        continue;
      if (nst_consent_get_kind (c) == NST_CONSENT_MENTOR)
        out->mentor = TRUE;
      else if (nst_consent_get_kind (c) == NST_CONSENT_PROCESSING)
        {
          out->processing = TRUE;
          out->processing_by_representative |= *nst_consent_get_representative_name (c) != '\0';
        }
    }
  return TRUE;
}

/* Consents and age of one member. */
static gboolean
check_member (NstStore        *self,
              NstParticipant  *p,
              gboolean         is_mentor,
              GPtrArray       *problems,
              GError         **error)
{
  g_autofree char *name = nst_participant_dup_full_name (p);
  gint64 id = nst_participant_get_id (p);
  ConsentsInForce consents;
  GDate today;

  nst_date_today (&today);
  if (!consents_in_force (self, id, &consents, error))
    return FALSE;
  if (nst_participant_get_archived (p))
    add_problem (problems, NST_GROUP_PROBLEM_ARCHIVED, TRUE, id,
                 g_strdup_printf (_("%s is in the archive: return them to the registry or choose someone else"), name));
  if (!consents.processing)
    add_problem (problems, NST_GROUP_PROBLEM_MISSING_PROCESSING, TRUE, id,
                 g_strdup_printf (_("%s has no consent to the processing of personal data: "
                                    "record it in the registry"), name));
  else if (nst_participant_needs_representative (p, &today) && !consents.processing_by_representative)
    add_problem (problems, NST_GROUP_PROBLEM_NEEDS_REPRESENTATIVE, TRUE, id,
                 g_strdup_printf (_("%s is under 14: the consent to processing must be signed by a "
                                    "legal representative. Record it with the representative's name"), name));
  if (is_mentor && !consents.mentor)
    add_problem (problems, NST_GROUP_PROBLEM_MISSING_MENTOR_CONSENT, TRUE, id,
                 g_strdup_printf (_("%s has not given the mentor's written consent: record it in "
                                    "the registry"), name));
  return TRUE;
}

static gboolean
count_query (NstStore    *self,
             const char  *sql,
             gint64       a,
             gint64       b,
             int         *out,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = nst_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the pairs"));
      return FALSE;
    }
  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/**
 * nst_store_count_mentor_load:
 * @except_group_id: a pair not to count (the one being edited), or 0
 *
 * Returns: the mentees @mentor_id has in approved and active pairs, or -1
 *   with @error set
 */
int
nst_store_count_mentor_load (NstStore  *self,
                             gint64     mentor_id,
                             gint64     except_group_id,
                             GError   **error)
{
  int load = 0;

  if (!count_query (self, "SELECT count(*) FROM group_member m "
                          "JOIN mentoring_group g ON g.id = m.group_id "
                          "JOIN group_member e ON e.group_id = g.id AND e.role = 'mentee' "
                          "WHERE m.participant_id = ?1 AND m.role = 'mentor' AND g.id <> ?2 "
                          "AND g.status IN " SQL_STANDING, mentor_id, except_group_id, &load, error))
    return -1;
  return load;
}

static gboolean
check_load (NstStore   *self,
            NstGroup   *g,
            GPtrArray  *problems,
            GError    **error)
{
  g_autoptr(NstSchool) school = nst_store_load_school (self, error);
  int load;
  guint limit;

  if (school == NULL)
    return FALSE;
  if ((load = nst_store_count_mentor_load (self, nst_group_get_mentor_id (g), nst_group_get_id (g), error)) < 0)
    return FALSE;
  limit = nst_school_get_mentee_limit (school);
  load += nst_group_get_n_mentees (g);
  if ((guint) load > limit)
    add_problem (problems, NST_GROUP_PROBLEM_MENTOR_OVERLOADED, FALSE, nst_group_get_mentor_id (g),
                 g_strdup_printf (_("%s would mentor %d people, more than the school's limit of %u. "
                                    "Choose another mentor, or raise the limit in the school's details"),
                                  nst_group_get_mentor_name (g), load, limit));
  return TRUE;
}

static gboolean
check_busy_mentees (NstStore   *self,
                    NstGroup   *g,
                    GPtrArray  *problems,
                    GError    **error)
{
  for (guint i = 0; i < nst_group_get_n_mentees (g); i++)
    {
      gint64 id = nst_group_get_mentee_id (g, i);
      int others = 0;

      if (!count_query (self, "SELECT count(*) FROM group_member m "
                              "JOIN mentoring_group g ON g.id = m.group_id "
                              "WHERE m.participant_id = ?1 AND m.role = 'mentee' AND g.id <> ?2 "
                              "AND g.status IN " SQL_STANDING, id, nst_group_get_id (g), &others, error))
        return FALSE;
      if (others > 0)
        add_problem (problems, NST_GROUP_PROBLEM_MENTEE_BUSY, FALSE, id,
                     g_strdup_printf (_("%s is already a mentee in another approved or active pair"),
                                      nst_group_get_mentee_name (g, i)));
    }
  return TRUE;
}

static gboolean
check_members (NstStore   *self,
               NstGroup   *g,
               GPtrArray  *problems,
               GError    **error)
{
  g_autoptr(NstParticipant) mentor = nst_store_get_participant (self, nst_group_get_mentor_id (g), error);

  if (mentor == NULL || !check_member (self, mentor, TRUE, problems, error))
    return FALSE;
  for (guint i = 0; i < nst_group_get_n_mentees (g); i++)
    {
      g_autoptr(NstParticipant) mentee = nst_store_get_participant (self, nst_group_get_mentee_id (g, i), error);
      NstCategory a = nst_participant_get_category (mentor);

      if (mentee == NULL || !check_member (self, mentee, FALSE, problems, error))
        return FALSE;
      if (!nst_group_form_fits (nst_group_get_form (g), a, nst_participant_get_category (mentee)))
        {
          g_autofree char *name = nst_participant_dup_full_name (mentee);

          add_problem (problems, NST_GROUP_PROBLEM_FORM_MISMATCH, FALSE, nst_participant_get_id (mentee),
                       g_strdup_printf (_("The form “%s” does not suit a mentor who is “%s” and a mentee "
                                          "who is “%s” (%s): check the form or the registry"),
                                        nst_group_form_label (nst_group_get_form (g)),
                                        nst_category_label (a),
                                        nst_category_label (nst_participant_get_category (mentee)), name));
        }
    }
  return TRUE;
}

/**
 * nst_store_list_group_problems:
 * @group: a pair as an editor holds it, saved or not
 *
 * Everything that keeps @group from approval (blocking) and everything a
 * curator should know (warnings): the group's own checks, the period, the
 * members' consents (personal data for all, the mentor's own consent, a
 * representative's signature for a student under 14), archived members,
 * the mentor's load against the school's limit, the form against the
 * categories, mentees already in another pair. A draft is saved whatever
 * this says; approval is refused while something blocking is left.
 *
 * Returns: (transfer full) (element-type NstGroupProblem): blocking ones
 *   first, empty when all is well
 */
GPtrArray *
nst_store_list_group_problems (NstStore  *self,
                               NstGroup  *group,
                               GError   **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) nst_group_problem_free);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) nst_group_problem_free);
  char *invalid = nst_group_check (group);

  if (invalid != NULL)
    {
      add_problem (problems, NST_GROUP_PROBLEM_INVALID, TRUE, 0, invalid);
      return g_steal_pointer (&problems);
    }
  if (*nst_group_get_starts_on (group) == '\0' || *nst_group_get_ends_on (group) == '\0')
    add_problem (problems, NST_GROUP_PROBLEM_NO_PERIOD, TRUE, 0,
                 g_strdup (_("Set the pair's period: the order names when it starts and ends")));
  if (!check_members (self, group, problems, error) ||
      !check_load (self, group, problems, error) ||
      !check_busy_mentees (self, group, problems, error))
    return NULL;
  for (int pass = 1; pass >= 0; pass--)
    for (guint i = 0; i < problems->len; i++)
      {
        NstGroupProblem *p = g_ptr_array_index (problems, i);

        if (p != NULL && p->blocking == pass)
          g_ptr_array_add (sorted, g_steal_pointer (&problems->pdata[i]));
      }
  return g_steal_pointer (&sorted);
}

/* ---- the life cycle ---------------------------------------------------------- */

static gboolean
check_can_approve (NstStore  *self,
                   NstGroup  *stored,
                   GError   **error)
{
  g_autoptr(GPtrArray) problems = nst_store_list_group_problems (self, stored, error);
  g_autoptr(GString) blocking = g_string_new (NULL);

  if (problems == NULL)
    return FALSE;
  for (guint i = 0; i < problems->len; i++)
    {
      NstGroupProblem *p = g_ptr_array_index (problems, i);

      if (p->blocking)
        g_string_append_printf (blocking, "%s%s", blocking->len ? "; " : "", p->message);
    }
  if (blocking->len == 0)
    return TRUE;
  nst_store_invalid (error, _("The pair cannot be approved yet. %s"), blocking->str);
  return FALSE;
}

/* Also for nst_store_end_group() (nst-store-programmes.c), which ends the
 * programmes with the pair. */
gboolean
nst_store_write_group_status (NstStore        *self,
                              NstGroup        *stored,
                              NstGroupStatus   status,
                              NstEndReason     reason,
                              const char      *ended_on,
                              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "UPDATE mentoring_group SET status = ?, end_reason = ?, ended_on = ? "
                             "WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, nst_group_status_to_code (status), -1, SQLITE_STATIC);
  nst_bind_text_or_null (stmt, 2, nst_end_reason_to_code (reason));
  nst_bind_text_or_null (stmt, 3, ended_on);
  sqlite3_bind_int64 (stmt, 4, nst_group_get_id (stored));
  return nst_store_step_done (self, stmt, error);
}

void
nst_store_apply_group_status (NstGroup       *group,
                              NstGroupStatus  status,
                              NstEndReason    reason,
                              const char     *ended_on)
{
  nst_group_set_status (group, status);
  nst_group_set_end_reason (group, reason);
  nst_group_set_ended_on (group, ended_on);
}

/**
 * nst_store_change_group_status:
 * @group: the pair; its status follows on success
 * @status: approved, active, or draft (back from approved). Ending goes
 *   through nst_store_end_group(), which needs a reason.
 * @on_date: (nullable): the day of the change; today when %NULL
 * @note: (nullable): for the history
 *
 * Follows the life cycle (nst_group_status_check_change()). Approval and
 * the start are refused while nst_store_list_group_problems() lists
 * something blocking, with all of it in the message.
 */
gboolean
nst_store_change_group_status (NstStore        *self,
                               NstGroup        *group,
                               NstGroupStatus   status,
                               const char      *on_date,
                               const char      *note,
                               GError         **error)
{
  g_autoptr(NstGroup) stored = nst_store_get_group (self, nst_group_get_id (group), error);
  g_autofree char *refusal = NULL;
  g_autofree char *day = NULL;
  gboolean own = sqlite3_get_autocommit (nst_store_get_db (self));

  if (stored == NULL)
    return FALSE;
  if (nst_group_status_is_ended (status))
    {
      nst_store_invalid (error, "%s", _("Ending a pair needs a reason and a date: choose why it ends"));
      return FALSE;
    }
  if ((refusal = nst_group_status_check_change (nst_group_get_status (stored), status)) != NULL)
    {
      nst_store_invalid (error, "%s", refusal);
      return FALSE;
    }
  if (status != NST_GROUP_STATUS_DRAFT && !check_can_approve (self, stored, error))
    return FALSE;
  if ((day = nst_store_resolve_date (on_date, _("The day of the change"), error)) == NULL)
    return FALSE;
  if (own && !nst_store_begin (self, error))
    return FALSE;
  if (!nst_store_write_group_status (self, stored, status, NST_END_REASON_NONE, NULL, error) ||
      !nst_store_add_group_history (self, nst_group_get_id (stored), day, NST_CHANGE_STATUS,
                                    nst_group_status_to_code (nst_group_get_status (stored)),
                                    nst_group_status_to_code (status), note, error) ||
      (own && !nst_store_commit (self, error)))
    {
      if (own)
        nst_store_rollback (self);
      return FALSE;
    }
  nst_store_apply_group_status (group, status, NST_END_REASON_NONE, NULL);
  return TRUE;
}

static char *
order_number (NstStore  *self,
              gint64     order_id,
              char     **signed_on,
              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT number, suffix, signed_on FROM school_order WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, order_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                     _("The order is no longer in the journal"));
      else
        nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the orders"));
      return NULL;
    }
  *signed_on = g_strdup (nst_column_text (stmt, 2));
  if (*nst_column_text (stmt, 1))
    return g_strdup_printf ("%lld %s", (long long) sqlite3_column_int64 (stmt, 0), nst_column_text (stmt, 1));
  return g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, 0));
}

/**
 * nst_store_set_group_order:
 * @order_id: the approving order in the journal, or 0 for none
 * @changed_on: (nullable): for the history; today when %NULL
 *
 * Links the pair to the order that approved it; @group shows its number
 * and date on success.
 */
gboolean
nst_store_set_group_order (NstStore    *self,
                           NstGroup    *group,
                           gint64       order_id,
                           const char  *changed_on,
                           GError     **error)
{
  g_autoptr(NstGroup) stored = nst_store_get_group (self, nst_group_get_id (group), error);
  g_autofree char *number = NULL, *signed_on = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean own = sqlite3_get_autocommit (nst_store_get_db (self));

  if (stored == NULL)
    return FALSE;
  if (order_id != 0 && (number = order_number (self, order_id, &signed_on, error)) == NULL)
    return FALSE;
  if ((stmt = nst_store_prepare (self, "UPDATE mentoring_group SET order_id = ? WHERE id = ?", error)) == NULL)
    return FALSE;
  if (order_id != 0)
    sqlite3_bind_int64 (stmt, 1, order_id);
  sqlite3_bind_int64 (stmt, 2, nst_group_get_id (stored));
  if (own && !nst_store_begin (self, error))
    return FALSE;
  if (!nst_store_step_done (self, stmt, error) ||
      !nst_store_add_group_history (self, nst_group_get_id (stored), changed_on, NST_CHANGE_ORDER,
                                    nst_group_get_order_number (stored), number, NULL, error) ||
      (own && !nst_store_commit (self, error)))
    {
      if (own)
        nst_store_rollback (self);
      return FALSE;
    }
  nst_group_set_order (group, order_id, number, signed_on);
  return TRUE;
}

/* Both histories, a pair's and a programme's, have the same five columns:
 * @sql selects them for one owner, bound as ?1. */
GListStore *
nst_store_read_history (NstStore    *self,
                        const char  *sql,
                        gint64       owner_id,
                        GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NST_TYPE_HISTORY_ENTRY);
  g_autoptr(sqlite3_stmt) stmt = nst_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NstHistoryEntry) entry =
        nst_history_entry_new (nst_column_text (stmt, 0), nst_change_from_code (nst_column_text (stmt, 1)),
                               nst_column_text (stmt, 2), nst_column_text (stmt, 3),
                               nst_column_text (stmt, 4));

      g_list_store_append (list, entry);
    }
  if (rc != SQLITE_DONE)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the history"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * nst_store_list_group_history:
 *
 * Returns: (transfer full): a #GListStore of #NstHistoryEntry, oldest first
 */
GListStore *
nst_store_list_group_history (NstStore  *self,
                              gint64     group_id,
                              GError   **error)
{
  return nst_store_read_history (self, "SELECT changed_on, what, old_value, new_value, details "
                                       "FROM group_history WHERE group_id = ?1 ORDER BY changed_on, id",
                                 group_id, error);
}

/* ---- suggestions --------------------------------------------------------------- */

/* Mentor id → mentees in approved and active pairs. */
static GHashTable *
load_mentor_loads (NstStore  *self,
                   GError   **error)
{
  g_autoptr(GHashTable) loads = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT m.participant_id, count(*) FROM group_member m "
                             "JOIN mentoring_group g ON g.id = m.group_id "
                             "JOIN group_member e ON e.group_id = g.id AND e.role = 'mentee' "
                             "WHERE m.role = 'mentor' AND g.status IN " SQL_STANDING
                             " GROUP BY m.participant_id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (loads, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the pairs"));
      return NULL;
    }
  return g_steal_pointer (&loads);
}

/* Mentors with a pair (not ended) with @mentee_id. */
static GHashTable *
load_paired_mentors (NstStore  *self,
                     gint64     mentee_id,
                     GError   **error)
{
  g_autoptr(GHashTable) paired = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT m.participant_id FROM group_member m "
                             "JOIN mentoring_group g ON g.id = m.group_id "
                             "JOIN group_member e ON e.group_id = g.id AND e.role = 'mentee' "
                             "WHERE m.role = 'mentor' AND e.participant_id = ? "
                             "AND g.status IN ('draft','approved','active')", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, mentee_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (paired, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  if (rc != SQLITE_DONE)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the pairs"));
      return NULL;
    }
  return g_steal_pointer (&paired);
}

static NstParticipant *
find_participant (GListModel *participants,
                  gint64      id)
{
  guint n = g_list_model_get_n_items (participants);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (participants, i);

      if (nst_participant_get_id (p) == id)
        return g_steal_pointer (&p);
    }
  return NULL;
}

/**
 * nst_store_suggest_mentors:
 * @mentee_id: the participant who needs a mentor
 *
 * The registry's mentors (not archived, not the mentee), each scored by the
 * criteria of seed 3.1 with the reasons in words: a shared subject, words
 * of the mentee's request found in the mentor's competences and subjects,
 * the gap in teaching experience, the current load against the school's
 * limit (a mentor at the limit is flagged "over-limit" and ranked down),
 * whether they are already paired, whether a form suits their categories,
 * the mentor's consent.
 *
 * Returns: (transfer full): a #GListStore of #NstMentorSuggestion, best first
 */
GListStore *
nst_store_suggest_mentors (NstStore  *self,
                           gint64     mentee_id,
                           GError   **error)
{
  g_autoptr(GListStore) participants = nst_store_list_participants (self, error);
  g_autoptr(GHashTable) loads = NULL, paired = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstParticipant) mentee = NULL;
  g_autoptr(GListStore) list = g_list_store_new (NST_TYPE_MENTOR_SUGGESTION);
  guint n;
  GDate today;

  if (participants == NULL || (loads = load_mentor_loads (self, error)) == NULL ||
      (paired = load_paired_mentors (self, mentee_id, error)) == NULL ||
      (school = nst_store_load_school (self, error)) == NULL)
    return NULL;
  if ((mentee = find_participant (G_LIST_MODEL (participants), mentee_id)) == NULL)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                   _("The participant is no longer in the registry"));
      return NULL;
    }
  nst_date_today (&today);
  n = g_list_model_get_n_items (G_LIST_MODEL (participants));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (G_LIST_MODEL (participants), i);
      gint64 id = nst_participant_get_id (p);
      NstMentorFacts facts = {
        GPOINTER_TO_UINT (g_hash_table_lookup (loads, &id)),
        nst_school_get_mentee_limit (school),
        g_hash_table_contains (paired, &id),
        !(nst_participant_get_missing_consents (p) & NST_CONSENT_MISSING_MENTOR),
      };
      g_autoptr(NstMentorSuggestion) s = NULL;

      if (!nst_participant_get_is_mentor (p) || nst_participant_get_archived (p) || id == mentee_id)
        continue;
      s = nst_mentor_suggestion_new_scored (mentee, p, &facts, &today);
      g_list_store_append (list, s);
    }
  g_list_store_sort (list, nst_mentor_suggestion_compare, NULL);
  return g_steal_pointer (&list);
}
