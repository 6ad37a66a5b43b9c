/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "store/nst-store-private.h"

/* Column order shared by every SELECT and by read_participant(). */
#define PARTICIPANT_COLUMNS \
  "id, surname, name, patronymic, category, post, class_name, subjects, " \
  "birth_date, teaching_since, mentoring_since, qualification, " \
  "young_specialist, is_mentor, is_mentee, request, competences, email, " \
  "phone, contact, note, archived"

/* Bound as ?1..?21 by bind_participant(); ?22 is the id. */
#define PARTICIPANT_VALUES \
  "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, " \
  "?17, ?18, ?19, ?20, ?21"

static NstParticipant *
read_participant (sqlite3_stmt *stmt)
{
  NstParticipant *p = nst_participant_new ();

  nst_participant_set_id (p, sqlite3_column_int64 (stmt, 0));
  nst_participant_set_surname (p, nst_column_text (stmt, 1));
  nst_participant_set_name (p, nst_column_text (stmt, 2));
  nst_participant_set_patronymic (p, nst_column_text (stmt, 3));
  nst_participant_set_category (p, nst_category_from_code (nst_column_text (stmt, 4)));
  nst_participant_set_post (p, nst_column_text (stmt, 5));
  nst_participant_set_class_name (p, nst_column_text (stmt, 6));
  nst_participant_set_subjects (p, nst_column_text (stmt, 7));
  nst_participant_set_birth_date (p, nst_column_text (stmt, 8));
  nst_participant_set_teaching_since (p, nst_column_text (stmt, 9));
  nst_participant_set_mentoring_since (p, nst_column_text (stmt, 10));
  nst_participant_set_qualification (p, nst_qualification_from_code (nst_column_text (stmt, 11)));
  nst_participant_set_young_specialist (p, sqlite3_column_int (stmt, 12));
  nst_participant_set_is_mentor (p, sqlite3_column_int (stmt, 13));
  nst_participant_set_is_mentee (p, sqlite3_column_int (stmt, 14));
  nst_participant_set_request (p, nst_column_text (stmt, 15));
  nst_participant_set_competences (p, nst_column_text (stmt, 16));
  nst_participant_set_email (p, nst_column_text (stmt, 17));
  nst_participant_set_phone (p, nst_column_text (stmt, 18));
  nst_participant_set_contact (p, nst_column_text (stmt, 19));
  nst_participant_set_note (p, nst_column_text (stmt, 20));
  nst_participant_set_archived (p, sqlite3_column_int (stmt, 21));
  return p;
}

static void
bind_participant (sqlite3_stmt   *stmt,
                  NstParticipant *p)
{
  sqlite3_bind_text (stmt, 1, nst_participant_get_surname (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, nst_participant_get_name (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, nst_participant_get_patronymic (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, nst_category_to_code (nst_participant_get_category (p)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, nst_participant_get_post (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, nst_participant_get_class_name (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, nst_participant_get_subjects (p), -1, SQLITE_TRANSIENT);
  nst_bind_text_or_null (stmt, 8, nst_participant_get_birth_date (p));
  nst_bind_text_or_null (stmt, 9, nst_participant_get_teaching_since (p));
  nst_bind_text_or_null (stmt, 10, nst_participant_get_mentoring_since (p));
  sqlite3_bind_text (stmt, 11, nst_qualification_to_code (nst_participant_get_qualification (p)), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, nst_participant_get_young_specialist (p));
  sqlite3_bind_int (stmt, 13, nst_participant_get_is_mentor (p));
  sqlite3_bind_int (stmt, 14, nst_participant_get_is_mentee (p));
  sqlite3_bind_text (stmt, 15, nst_participant_get_request (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, nst_participant_get_competences (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 17, nst_participant_get_email (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 18, nst_participant_get_phone (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 19, nst_participant_get_contact (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 20, nst_participant_get_note (p), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 21, nst_participant_get_archived (p));
}

/* Bits 1 << kind of the consents in force, per participant id. */
static GHashTable *
load_present_consents (NstStore  *self,
                       GError   **error)
{
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT participant_id, kind FROM consent "
                             "WHERE withdrawn_on IS NULL", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (present, &id));

      bits |= 1u << nst_consent_kind_from_code (nst_column_text (stmt, 1));
      g_hash_table_insert (present, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (bits));
    }
  if (rc != SQLITE_DONE)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the consents"));
      return NULL;
    }
  return g_steal_pointer (&present);
}

/* One rule for the registry, the pairs and the forms: whoever mentors in a
 * pair or group that has not ended, a draft too, needs the mentor's consent,
 * whether or not the registry marks them a mentor. */
#define LIVE_MENTORS_SQL \
  "SELECT DISTINCT m.participant_id FROM group_member m " \
  "JOIN mentoring_group g ON g.id = m.group_id " \
  "WHERE m.role = 'mentor' AND g.status IN ('draft','approved','active')"

static GHashTable *
load_live_mentors (NstStore  *self,
                   GError   **error)
{
  g_autoptr(GHashTable) mentors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = nst_store_prepare (self, LIVE_MENTORS_SQL, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (mentors, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  if (rc != SQLITE_DONE)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the pairs"));
      return NULL;
    }
  return g_steal_pointer (&mentors);
}

static gboolean
is_live_mentor (NstStore *self,
                gint64    id)
{
  /* Cached: every save asks it, 10,000 times in an import. */
  g_autoptr(NstStmt) stmt =
    nst_store_prepare_cached (self, LIVE_MENTORS_SQL " AND m.participant_id = ? LIMIT 1", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt->stmt, 1, id);
  return sqlite3_step (stmt->stmt) == SQLITE_ROW;
}

static NstConsentMissing
missing_of (NstParticipant *p,
            guint           present,
            gboolean        live_mentor)
{
  NstConsentMissing missing = nst_consents_missing_given (p, present);

  if (live_mentor && !(present & (1u << NST_CONSENT_MENTOR)))
    missing |= NST_CONSENT_MISSING_MENTOR;
  return missing;
}

static guint
present_bits (GPtrArray *consents)
{
  guint bits = 0;

  for (guint i = 0; consents != NULL && i < consents->len; i++)
    if (nst_consent_is_in_force (g_ptr_array_index (consents, i)))
      bits |= 1u << nst_consent_get_kind (g_ptr_array_index (consents, i));
  return bits;
}

/* What @p lacks, @consents being all theirs, as the registry shows it. */
static void
set_missing (NstStore       *self,
             NstParticipant *p,
             GPtrArray      *consents)
{
  gint64 id = nst_participant_get_id (p);

  nst_participant_set_missing_consents (p, missing_of (p, present_bits (consents),
                                                       id != 0 && is_live_mentor (self, id)));
}

static void
apply_consents (NstParticipant *p,
                GHashTable     *present,
                GHashTable     *live_mentors)
{
  gint64 id = nst_participant_get_id (p);
  guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (present, &id));

  nst_participant_set_missing_consents (p, missing_of (p, bits, g_hash_table_contains (live_mentors, &id)));
}

static GListStore *
read_participants (NstStore  *self,
                   GError   **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NST_TYPE_PARTICIPANT);
  g_autoptr(GHashTable) present = load_present_consents (self, error);
  g_autoptr(GHashTable) live_mentors = present ? load_live_mentors (self, error) : NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (live_mentors == NULL)
    return NULL;
  stmt = nst_store_prepare (self, "SELECT " PARTICIPANT_COLUMNS " FROM participant ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NstParticipant *p = read_participant (stmt);

      apply_consents (p, present, live_mentors);
      g_ptr_array_add (rows, p);
    }
  if (rc != SQLITE_DONE)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the registry"));
      return NULL;
    }
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return g_steal_pointer (&list);
}

/* ---- the registry read on another thread ------------------------------ */

static int
compare_sort_keys (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (nst_participant_get_sort_key (*(NstParticipant **) a),
                 nst_participant_get_sort_key (*(NstParticipant **) b));
}

/* In name order, with each person's sort and search keys made: what the
 * registry tab would do next, done off the main thread. */
static GListStore *
read_participants_sorted (NstStore  *reader,
                          GError   **error)
{
  g_autoptr(GListStore) list = read_participants (reader, error);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (list == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      NstParticipant *p = g_list_model_get_item (G_LIST_MODEL (list), i);

      nst_participant_get_search_key (p);
      g_ptr_array_add (sorted, p);
    }
  g_ptr_array_sort (sorted, compare_sort_keys);
  g_list_store_splice (list, 0, n, sorted->pdata, sorted->len);
  return g_steal_pointer (&list);
}

static void
list_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstStore) reader = nst_store_open_reader (task_data, &error);
  GListStore *list = reader != NULL ? read_participants_sorted (reader, &error) : NULL;

  if (list == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, list, g_object_unref);
  else
    g_object_unref (list);
}

/**
 * nst_store_list_participants_async:
 *
 * Reads the registry as nst_store_list_participants() does, on a thread
 * with a connection of its own, and in name order: the window shows at
 * once and the list fills when it is read. The store itself is not used
 * by the thread.
 */
void
nst_store_list_participants_async (NstStore            *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, nst_store_list_participants_async);
  g_task_set_task_data (task, g_strdup (nst_store_get_path (self)), g_free);
  g_task_run_in_thread (task, list_in_thread);
}

/**
 * nst_store_list_participants_finish:
 *
 * Returns: (transfer full) (nullable): a #GListStore of #NstParticipant
 */
GListStore *
nst_store_list_participants_finish (NstStore      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * nst_store_list_participants:
 *
 * Every participant, archived ones too, with their missing consents worked
 * out. One query each for people and consents, whatever the count.
 *
 * Returns: (transfer full): a #GListStore of #NstParticipant
 */
GListStore *
nst_store_list_participants (NstStore  *self,
                             GError   **error)
{
  return read_participants (self, error);
}

/**
 * nst_store_get_participant:
 *
 * Returns: (transfer full) (nullable): the participant, with missing consents
 */
NstParticipant *
nst_store_get_participant (NstStore  *self,
                           gint64     id,
                           GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT " PARTICIPANT_COLUMNS " FROM participant WHERE id = ?", error);
  g_autoptr(NstParticipant) p = NULL;
  g_autoptr(GPtrArray) consents = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                   _("The participant is no longer in the registry"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the registry"));
      return NULL;
    }
  p = read_participant (stmt);
  if ((consents = nst_store_list_consents (self, id, error)) == NULL)
    return NULL;
  set_missing (self, p, consents);
  return g_steal_pointer (&p);
}

/**
 * nst_store_list_consents:
 *
 * Returns: (transfer full) (element-type NstConsent): the participant's
 *   consents, oldest first
 */
GPtrArray *
nst_store_list_consents (NstStore  *self,
                         gint64     participant_id,
                         GError   **error)
{
  g_autoptr(GPtrArray) consents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT id, kind, signed_on, representative_name, withdrawn_on "
                             "FROM consent WHERE participant_id = ? ORDER BY signed_on, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NstConsent *c = nst_consent_new (nst_consent_kind_from_code (nst_column_text (stmt, 1)));

      nst_consent_set_id (c, sqlite3_column_int64 (stmt, 0));
      nst_consent_set_signed_on (c, nst_column_text (stmt, 2));
      nst_consent_set_representative_name (c, nst_column_text (stmt, 3));
      nst_consent_set_withdrawn_on (c, nst_column_text (stmt, 4));
      g_ptr_array_add (consents, c);
    }
  if (rc != SQLITE_DONE)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the consents"));
      return NULL;
    }
  return g_steal_pointer (&consents);
}

static gboolean
validate (NstParticipant  *p,
          GPtrArray       *consents,
          GError         **error)
{
  g_autofree char *problem = NULL;
  GDate today;

  nst_date_today (&today);
  problem = nst_participant_check (p, &today);
  for (guint i = 0; problem == NULL && consents && i < consents->len; i++)
    problem = nst_consent_check (g_ptr_array_index (consents, i), p, &today);
  if (problem != NULL)
    {
      g_autofree char *name = nst_participant_dup_full_name (p);

      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
                   "%s: %s", *name ? name : _("New participant"), problem);
      return FALSE;
    }
  return TRUE;
}

static gboolean
replace_consents (NstStore   *self,
                  gint64      participant_id,
                  GPtrArray  *consents,
                  GError    **error)
{
  g_autoptr(NstStmt) del =
    nst_store_prepare_cached (self, "DELETE FROM consent WHERE participant_id = ?", error);
  g_autoptr(NstStmt) hold = NULL;
  sqlite3_stmt *ins;

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del->stmt, 1, participant_id);
  if (!nst_store_step_done (self, del->stmt, error))
    return FALSE;
  hold = nst_store_prepare_cached (self, "INSERT INTO consent (participant_id, kind, signed_on, "
                                   "representative_name, withdrawn_on) VALUES (?, ?, ?, ?, ?)", error);
  if (hold == NULL)
    return FALSE;
  ins = hold->stmt;
  for (guint i = 0; consents && i < consents->len; i++)
    {
      NstConsent *c = g_ptr_array_index (consents, i);

      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, participant_id);
      sqlite3_bind_text (ins, 2, nst_consent_kind_to_code (nst_consent_get_kind (c)), -1, SQLITE_STATIC);
      sqlite3_bind_text (ins, 3, nst_consent_get_signed_on (c), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (ins, 4, nst_consent_get_representative_name (c), -1, SQLITE_TRANSIENT);
      nst_bind_text_or_null (ins, 5, nst_consent_get_withdrawn_on (c));
      if (!nst_store_step_done (self, ins, error))
        return FALSE;
      nst_consent_set_id (c, sqlite3_last_insert_rowid (nst_store_get_db (self)));
    }
  return TRUE;
}

static gboolean
write_participant (NstStore        *self,
                   NstParticipant  *p,
                   const char      *sql,
                   gboolean         bind_id,
                   GError         **error)
{
  g_autoptr(NstStmt) stmt = nst_store_prepare_cached (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_participant (stmt->stmt, p);
  if (bind_id)
    sqlite3_bind_int64 (stmt->stmt, 22, nst_participant_get_id (p));
  if (!nst_store_step_done (self, stmt->stmt, error))
    return FALSE;
  if (sqlite3_changes (nst_store_get_db (self)) == 0)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                   _("The participant is no longer in the registry"));
      return FALSE;
    }
  return TRUE;
}

/* Runs inside the caller's transaction when there is one, else in its own. */
static gboolean
save_in_transaction (NstStore        *self,
                     NstParticipant  *p,
                     GPtrArray       *consents,
                     const char      *sql,
                     gboolean         bind_id,
                     GError         **error)
{
  gboolean own = sqlite3_get_autocommit (nst_store_get_db (self));
  gint64 original_id = nst_participant_get_id (p);

  if (!validate (p, consents, error))
    return FALSE;
  if (own && !nst_store_begin (self, error))
    return FALSE;
  if (!write_participant (self, p, sql, bind_id, error))
    goto fail;
  if (!bind_id || nst_participant_get_id (p) == 0)
    nst_participant_set_id (p, sqlite3_last_insert_rowid (nst_store_get_db (self)));
  if (!replace_consents (self, nst_participant_get_id (p), consents, error))
    goto fail;
  if (own && !nst_store_commit (self, error))
    {
      /* A new participant must not keep an id the rollback took back. */
      nst_participant_set_id (p, original_id);
      return FALSE;
    }
  set_missing (self, p, consents);
  return TRUE;

fail:
  if (own)
    nst_store_rollback (self);
  nst_participant_set_id (p, original_id);
  return FALSE;
}

/**
 * nst_store_save_participant:
 * @participant: a new participant (id 0, which gets its id) or an existing one
 * @consents: (element-type NstConsent) (nullable): all the participant's
 *   consents; they replace the stored ones
 *
 * Checks and saves the participant with the consents in one transaction,
 * and updates the participant's missing consents.
 */
gboolean
nst_store_save_participant (NstStore        *self,
                            NstParticipant  *participant,
                            GPtrArray       *consents,
                            GError         **error)
{
  if (nst_participant_get_id (participant) == 0)
    return save_in_transaction (self, participant, consents,
                                "INSERT INTO participant (surname, name, patronymic, category, "
                                "post, class_name, subjects, birth_date, teaching_since, "
                                "mentoring_since, qualification, young_specialist, is_mentor, "
                                "is_mentee, request, competences, email, phone, contact, note, "
                                "archived) VALUES (" PARTICIPANT_VALUES ")", FALSE, error);
  return save_in_transaction (self, participant, consents,
                              "UPDATE participant SET surname=?1, name=?2, patronymic=?3, "
                              "category=?4, post=?5, class_name=?6, subjects=?7, birth_date=?8, "
                              "teaching_since=?9, mentoring_since=?10, qualification=?11, "
                              "young_specialist=?12, is_mentor=?13, is_mentee=?14, request=?15, "
                              "competences=?16, email=?17, phone=?18, contact=?19, note=?20, "
                              "archived=?21, updated_at=datetime('now') WHERE id=?22",
                              TRUE, error);
}

/**
 * nst_store_insert_participant_with_id:
 *
 * Puts a deleted participant back under the same id, for «Отменить».
 */
gboolean
nst_store_insert_participant_with_id (NstStore        *self,
                                      NstParticipant  *participant,
                                      GPtrArray       *consents,
                                      GError         **error)
{
  return save_in_transaction (self, participant, consents,
                              "INSERT INTO participant (surname, name, patronymic, category, "
                              "post, class_name, subjects, birth_date, teaching_since, "
                              "mentoring_since, qualification, young_specialist, is_mentor, "
                              "is_mentee, request, competences, email, phone, contact, note, "
                              "archived, id) VALUES (" PARTICIPANT_VALUES ", ?22)", TRUE, error);
}

gboolean
nst_store_delete_participant (NstStore  *self,
                              gint64     id,
                              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "DELETE FROM participant WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return nst_store_step_done (self, stmt, error);
}

gboolean
nst_store_set_participant_archived (NstStore  *self,
                                    gint64     id,
                                    gboolean   archived,
                                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "UPDATE participant SET archived = ?, "
                             "updated_at = datetime('now') WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, !!archived);
  sqlite3_bind_int64 (stmt, 2, id);
  return nst_store_step_done (self, stmt, error);
}

/* A participant in a pair, named in a diagnostic or responsible for a
 * roadmap item is kept (archived), not deleted: those records must still
 * say who it was. */
gboolean
nst_store_participant_is_referenced (NstStore  *self,
                                     gint64     id,
                                     gboolean  *referenced,
                                     GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM group_member WHERE participant_id = ?1) "
                             "OR EXISTS (SELECT 1 FROM diagnostic WHERE participant_id = ?1) "
                             "OR EXISTS (SELECT 1 FROM roadmap_item_participant WHERE participant_id = ?1)",
                       error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the registry"));
      return FALSE;
    }
  *referenced = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

gint64
nst_store_count_participants (NstStore  *self,
                              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT count(*) FROM participant", error);

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      nst_store_set_error (error, nst_store_get_db (self),
                           sqlite3_errcode (nst_store_get_db (self)), _("Could not read the registry"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* ---- consents received, for many at once ---------------------------------------- */

static gboolean
has_in_force (GPtrArray      *consents,
              NstConsentKind  kind)
{
  for (guint i = 0; i < consents->len; i++)
    if (nst_consent_get_kind (g_ptr_array_index (consents, i)) == kind &&
        nst_consent_is_in_force (g_ptr_array_index (consents, i)))
      return TRUE;
  return FALSE;
}

/* What of @kinds @p may sign now: a child under 14 signs nothing (the
 * representative does, with a name the form needs); the mentor's consent
 * is a mentor's. */
static guint
kinds_for (NstStore       *self,
           NstParticipant *p,
           guint           kinds,
           const GDate    *on,
           guint          *refused)
{
  guint allowed = kinds;

  if (nst_participant_needs_representative (p, on))
    allowed &= ~((1u << NST_CONSENT_PROCESSING) | (1u << NST_CONSENT_DISTRIBUTION));
  if ((allowed & (1u << NST_CONSENT_MENTOR)) && !nst_participant_get_is_mentor (p) &&
      !is_live_mentor (self, nst_participant_get_id (p)))
    allowed &= ~(1u << NST_CONSENT_MENTOR);
  if (allowed != kinds)
    (*refused)++;
  return allowed;
}

/* Records @kinds for @p unless in force already; keeps what was. */
static gboolean
mark_one (NstStore            *self,
          NstParticipant      *p,
          guint                kinds,
          const char          *signed_on,
          NstConsentsMarking  *marking,
          GError             **error)
{
  gint64 id = nst_participant_get_id (p);
  g_autoptr(GPtrArray) before = nst_store_list_consents (self, id, error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(NstParticipant) saved = NULL;
  guint added = 0;

  if (before == NULL)
    return FALSE;
  after = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < before->len; i++)
    g_ptr_array_add (after, g_object_ref (g_ptr_array_index (before, i)));
  for (NstConsentKind kind = 0; kind < NST_N_CONSENT_KINDS; kind++)
    if ((kinds & (1u << kind)) && !has_in_force (after, kind))
      {
        NstConsent *consent = nst_consent_new (kind);

        nst_consent_set_signed_on (consent, signed_on);
        g_ptr_array_add (after, consent);
        added++;
      }
  if (added == 0)
    return TRUE;
  saved = nst_participant_copy (p);
  if (!nst_store_save_participant (self, saved, after, error))
    return FALSE;
  g_ptr_array_add (marking->changed, g_steal_pointer (&saved));
  g_ptr_array_add (marking->previous, nst_participant_copy (p));
  g_ptr_array_add (marking->previous_consents, g_steal_pointer (&before));
  marking->consents += added;
  return TRUE;
}

/**
 * nst_store_mark_consents:
 * @participants: (element-type NstParticipant): those the consents came from
 * @kinds: bits 1 << #NstConsentKind
 * @signed_on: the day they were signed, ISO
 * @marking: (out caller-allocates): what changed, for the lists and for
 *   «Отменить»; nst_consents_marking_clear() it
 *
 * Records the consents received from many people at once, all or none:
 * those in force already are kept, a child under 14 and someone who is not
 * a mentor are left out of what they cannot sign (@marking->left_out).
 */
gboolean
nst_store_mark_consents (NstStore            *self,
                         GPtrArray           *participants,
                         guint                kinds,
                         const char          *signed_on,
                         NstConsentsMarking  *marking,
                         GError             **error)
{
  GDate on;

  marking->changed = g_ptr_array_new_with_free_func (g_object_unref);
  marking->previous = g_ptr_array_new_with_free_func (g_object_unref);
  marking->previous_consents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  marking->consents = marking->left_out = 0;
  if (!nst_date_parse_iso (signed_on, &on))
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID, _("Enter the day they were signed"));
      return FALSE;
    }
  if (!nst_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < participants->len; i++)
    {
      NstParticipant *p = g_ptr_array_index (participants, i);
      guint allowed = kinds_for (self, p, kinds, &on, &marking->left_out);

      if (!mark_one (self, p, allowed, signed_on, marking, error))
        {
          nst_store_rollback (self);
          nst_consents_marking_clear (marking);
          return FALSE;
        }
    }
  return nst_store_commit (self, error);
}

/**
 * nst_store_unmark_consents:
 *
 * Puts back the consents @marking replaced: «Отменить».
 */
gboolean
nst_store_unmark_consents (NstStore            *self,
                           NstConsentsMarking  *marking,
                           GError             **error)
{
  if (!nst_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < marking->previous->len; i++)
    if (!nst_store_save_participant (self, g_ptr_array_index (marking->previous, i),
                                     g_ptr_array_index (marking->previous_consents, i), error))
      {
        nst_store_rollback (self);
        return FALSE;
      }
  return nst_store_commit (self, error);
}

void
nst_consents_marking_clear (NstConsentsMarking *marking)
{
  g_clear_pointer (&marking->changed, g_ptr_array_unref);
  g_clear_pointer (&marking->previous, g_ptr_array_unref);
  g_clear_pointer (&marking->previous_consents, g_ptr_array_unref);
}
