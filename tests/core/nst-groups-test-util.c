/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "nst-groups-test-util.h"

void
groups_test_init (int    *argc,
                  char ***argv)
{
  setlocale (LC_ALL, "");
  /* Fixed for direct runs too: rules compare dates with today. */
  g_setenv ("NST_TODAY", TEST_TODAY, TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (argc, argv, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

void
groups_fixture_set_up (GroupsFixture *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("nst-test-groups-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "nastavnik.db", NULL);
  f->store = nst_store_open (f->path, &error);
  g_assert_no_error (error);
}

void
groups_fixture_tear_down (GroupsFixture *f,
                          gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
add_consent (GPtrArray      *consents,
             NstConsentKind  kind)
{
  NstConsent *c = nst_consent_new (kind);

  nst_consent_set_signed_on (c, "2025-09-05");
  g_ptr_array_add (consents, c);
}

NstParticipant *
add_person (NstStore       *store,
            const char     *surname,
            const char     *name,
            NstCategory     category,
            const char     *subjects,
            const char     *teaching_since,
            const char     *competences,
            const char     *request,
            PersonConsents  consents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  NstParticipant *p = nst_participant_new ();

  nst_participant_set_surname (p, surname);
  nst_participant_set_name (p, name);
  nst_participant_set_patronymic (p, "Ивановна");
  nst_participant_set_category (p, category);
  nst_participant_set_subjects (p, subjects);
  nst_participant_set_teaching_since (p, teaching_since);
  if (category == NST_CATEGORY_STUDENT)
    {
      nst_participant_set_class_name (p, "10А");
      nst_participant_set_birth_date (p, "2009-03-01");
    }
  if (competences != NULL)
    {
      nst_participant_set_is_mentor (p, TRUE);
      nst_participant_set_competences (p, competences);
    }
  if (request != NULL)
    {
      nst_participant_set_is_mentee (p, TRUE);
      nst_participant_set_request (p, request);
    }
  if (consents != PERSON_CONSENTS_NONE)
    add_consent (list, NST_CONSENT_PROCESSING);
  if (consents == PERSON_CONSENTS_ALL && competences != NULL)
    add_consent (list, NST_CONSENT_MENTOR);
  nst_store_save_participant (store, p, list, &error);
  g_assert_no_error (error);
  return p;
}

NstGroup *
make_pair (NstParticipant *mentor,
           NstParticipant *mentee,
           const char     *starts_on,
           const char     *ends_on)
{
  NstGroup *g = nst_group_new ();

  nst_group_set_form (g, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE);
  nst_group_set_interaction_model (g, NST_INTERACTION_EXPERIENCED_YOUNG);
  nst_group_set_kind (g, NST_GROUP_KIND_TRADITIONAL);
  nst_group_set_mentor (g, mentor);
  nst_group_add_mentee (g, mentee);
  nst_group_set_starts_on (g, starts_on);
  nst_group_set_ends_on (g, ends_on);
  return g;
}

NstGroup *
save_pair (NstStore       *store,
           NstParticipant *mentor,
           NstParticipant *mentee)
{
  g_autoptr(GError) error = NULL;
  NstGroup *g = make_pair (mentor, mentee, "2025-09-15", "2026-05-31");

  nst_store_save_group (store, g, "2025-09-10", NULL, &error);
  g_assert_no_error (error);
  return g;
}

NstGroup *
save_active_pair (NstStore       *store,
                  NstParticipant *mentor,
                  NstParticipant *mentee)
{
  g_autoptr(GError) error = NULL;
  NstGroup *g = save_pair (store, mentor, mentee);

  nst_store_change_group_status (store, g, NST_GROUP_STATUS_APPROVED, "2025-09-12", NULL, &error);
  g_assert_no_error (error);
  nst_store_change_group_status (store, g, NST_GROUP_STATUS_ACTIVE, "2025-09-15", NULL, &error);
  g_assert_no_error (error);
  return g;
}

void
raw_exec (NstStore   *store,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (nst_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
raw_int (NstStore   *store,
         const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = nst_store_get_db (store);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return sqlite3_column_int64 (stmt, 0);
}

/* A rule's refusal: NST_STORE_ERROR_INVALID, a message with @words in it. */
void
assert_invalid (GError     *error,
                const char *words)
{
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  if (strstr (error->message, words) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", error->message, words);
}
