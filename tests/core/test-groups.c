/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pairs and groups: codes, round trips, the rules with their messages, the
 * life cycle, the history, suggestions, migration. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "schedule/nst-date.h"
#include "nst-groups-test-util.h"

typedef GroupsFixture Fixture;

/* ---- codes --------------------------------------------------------------------- */

static void
test_codes (void)
{
  for (guint i = 0; i < NST_N_GROUP_FORMS; i++)
    {
      g_assert_cmpuint (nst_group_form_from_code (nst_group_form_to_code (i)), ==, i);
      g_assert_cmpstr (nst_group_form_label (i), !=, "");
    }
  for (guint i = 1; i < NST_N_INTERACTION_MODELS; i++)
    {
      g_assert_cmpuint (nst_interaction_model_from_code (nst_interaction_model_to_code (i)), ==, i);
      g_assert_cmpstr (nst_interaction_model_label (i), !=, "");
    }
  g_assert_null (nst_interaction_model_to_code (NST_INTERACTION_NONE));
  for (guint i = 0; i < NST_N_GROUP_KINDS; i++)
    g_assert_cmpuint (nst_group_kind_from_code (nst_group_kind_to_code (i)), ==, i);
  for (guint i = 0; i < NST_N_GROUP_STATUSES; i++)
    g_assert_cmpuint (nst_group_status_from_code (nst_group_status_to_code (i)), ==, i);
  for (guint i = 1; i < NST_N_END_REASONS; i++)
    g_assert_cmpuint (nst_end_reason_from_code (nst_end_reason_to_code (i)), ==, i);
  for (guint i = 0; i < NST_N_CHANGES; i++)
    g_assert_cmpuint (nst_change_from_code (nst_change_to_code (i)), ==, i);
  g_assert_cmpuint (nst_end_reason_status (NST_END_REASON_PLAN_DONE), ==, NST_GROUP_STATUS_FINISHED);
  g_assert_cmpuint (nst_end_reason_status (NST_END_REASON_CURATOR), ==, NST_GROUP_STATUS_TERMINATED);
}

/* Every code the program writes is one the database's triggers accept, and
 * a code it does not know is refused. */
static void
test_codes_in_database (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "", "2000-08-25", "методика", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) mentee = add_person (f->store, "Ёлкина", "Ольга", NST_CATEGORY_TEACHER, "", "2024-08-25", NULL, "помощь", PERSON_CONSENTS_ALL);
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  for (guint form = 0; form < NST_N_GROUP_FORMS; form++)
    for (guint kind = 0; kind < NST_N_GROUP_KINDS; kind++)
      {
        g_autoptr(NstGroup) g = make_pair (mentor, mentee, "2025-09-01", "2026-05-31");
        g_autoptr(NstParticipant) second = NULL;

        nst_group_set_form (g, form);
        nst_group_set_interaction_model (g, form == NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE
                                            ? 1 + (kind % 4) : NST_INTERACTION_NONE);
        nst_group_set_kind (g, kind);
        if (kind == NST_GROUP_KIND_GROUP)
          {
            second = add_person (f->store, "Второва", "Вера", NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_ALL);
            nst_group_add_mentee (g, second);
          }
        nst_store_save_group (f->store, g, NULL, NULL, &error);
        g_assert_no_error (error);
      }
  g_assert_cmpint (raw_int (f->store, "SELECT count(*) FROM mentoring_group"), ==,
                   NST_N_GROUP_FORMS * NST_N_GROUP_KINDS);
  g_assert_cmpint (sqlite3_exec (nst_store_get_db (f->store),
                                 "UPDATE mentoring_group SET kind = 'one-to-one'", NULL, NULL, &message) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_test_message ("unknown kind: %s", message);
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_exec (nst_store_get_db (f->store),
                                 "UPDATE mentoring_group SET status = 'finished'", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
}

/* ---- round trips ------------------------------------------------------------------- */

static NstConsentMissing
listed_missing (NstStore *store,
                gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = nst_store_list_participants (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (nst_participant_get_id (p) == id)
        return nst_participant_get_missing_consents (p);
    }
  g_assert_not_reached ();
}

/* One consent rule: a teacher the registry does not mark a mentor, who
 * mentors in a draft pair, lacks the mentor's consent in the registry's
 * list, in the card, and in the pair's readiness alike; once the draft is
 * gone, no longer. */
static void
test_consent_rule_everywhere (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "математика", "2000-08-25", NULL, NULL, PERSON_CONSENTS_PROCESSING);
  g_autoptr(NstParticipant) mentee = add_person (f->store, "Ёлкина", "Ольга", NST_CATEGORY_TEACHER, "математика", "2024-08-25", NULL, "ОГЭ", PERSON_CONSENTS_ALL);
  g_autoptr(NstGroup) g = make_pair (mentor, mentee, "2025-12-01", "2026-05-31");
  g_autoptr(NstParticipant) card = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = nst_participant_get_id (mentor);
  gboolean mentor_problem = FALSE;

  g_assert_false (nst_participant_get_is_mentor (mentor));
  g_assert_cmpuint (listed_missing (f->store, id), ==, NST_CONSENT_MISSING_NONE);
  nst_store_save_group (f->store, g, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (listed_missing (f->store, id), ==, NST_CONSENT_MISSING_MENTOR);
  card = nst_store_get_participant (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_participant_get_missing_consents (card), ==, NST_CONSENT_MISSING_MENTOR);
  problems = nst_store_list_group_problems (f->store, g, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    mentor_problem |= ((NstGroupProblem *) g_ptr_array_index (problems, i))->kind == NST_GROUP_PROBLEM_MISSING_MENTOR_CONSENT;
  g_assert_true (mentor_problem);

  g_assert_true (nst_store_delete_group (f->store, nst_group_get_id (g), &error));
  g_assert_cmpuint (listed_missing (f->store, id), ==, NST_CONSENT_MISSING_NONE);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "математика", "2000-08-25", "ОГЭ", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) a = add_person (f->store, "Ёлкина", "Ольга", NST_CATEGORY_TEACHER, "математика", "2024-08-25", NULL, "ОГЭ", PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) b = add_person (f->store, "Петрова-Водкина", "Ирина", NST_CATEGORY_TEACHER, "", "2023-08-25", NULL, "уроки", PERSON_CONSENTS_ALL);
  g_autoptr(NstGroup) g = make_pair (mentor, a, "2025-09-01", "2026-05-31");
  g_autoptr(NstGroup) back = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL, *period = NULL, *names = NULL;

  nst_group_set_kind (g, NST_GROUP_KIND_GROUP);
  nst_group_add_mentee (g, b);
  nst_group_set_interaction_model (g, NST_INTERACTION_SUBJECT_NOVICE);
  nst_group_set_note (g, "по средам");
  nst_store_save_group (f->store, g, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nst_group_get_id (g), >, 0);
  g_assert_cmpuint (nst_group_get_status (g), ==, NST_GROUP_STATUS_DRAFT);

  back = nst_store_get_group (f->store, nst_group_get_id (g), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_group_get_form (back), ==, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE);
  g_assert_cmpuint (nst_group_get_interaction_model (back), ==, NST_INTERACTION_SUBJECT_NOVICE);
  g_assert_cmpuint (nst_group_get_kind (back), ==, NST_GROUP_KIND_GROUP);
  g_assert_true (nst_group_is_group (back));
  g_assert_cmpstr (nst_group_get_starts_on (back), ==, "2025-09-01");
  g_assert_cmpstr (nst_group_get_ends_on (back), ==, "2026-05-31");
  g_assert_cmpstr (nst_group_get_note (back), ==, "по средам");
  g_assert_cmpint (nst_group_get_mentor_id (back), ==, nst_participant_get_id (mentor));
  g_assert_cmpstr (nst_group_get_mentor_name (back), ==, "Орлова Анна Ивановна");
  g_assert_cmpuint (nst_group_get_n_mentees (back), ==, 2);
  g_assert_cmpint (nst_group_get_mentee_id (back, 0), ==, nst_participant_get_id (a));
  g_assert_cmpint (nst_group_get_mentee_id (back, 1), ==, nst_participant_get_id (b));
  g_assert_cmpint (nst_group_get_order_id (back), ==, 0);
  g_assert_cmpstr (nst_group_get_order_number (back), ==, "");

  title = nst_group_dup_title (back);
  g_assert_cmpstr (title, ==, "Орлова А.И. — Ёлкина О.И., Петрова-Водкина И.И.");
  period = nst_group_dup_period_label (back);
  g_assert_cmpstr (period, ==, "from 01.09.2025 to 31.05.2026");
  names = nst_group_dup_mentee_names (back);
  g_assert_cmpstr (names, ==, "Ёлкина Ольга Ивановна, Петрова-Водкина Ирина Ивановна");

  list = nst_store_list_groups (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

/* Properties notify once, on change only, so that .ui bindings follow. */
static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s ", pspec->name);
}

static void
test_notify (void)
{
  g_autoptr(NstGroup) g = nst_group_new ();
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (g, "notify", G_CALLBACK (on_notify), log);
  nst_group_set_starts_on (g, "2025-09-01");
  nst_group_set_starts_on (g, "2025-09-01");
  g_assert_cmpstr (log->str, ==, "starts-on period-label ");
  g_string_truncate (log, 0);
  nst_group_set_kind (g, NST_GROUP_KIND_GROUP);
  g_assert_cmpstr (log->str, ==, "kind kind-label is-group ");
  g_string_truncate (log, 0);
  nst_group_add_mentee_id (g, 5, "Ёжова Анна");
  g_assert_true (strstr (log->str, "n-mentees") != NULL);
  g_assert_false (nst_group_add_mentee_id (g, 5, "Ёжова Анна"));
  g_string_truncate (log, 0);
  nst_group_set_progress (g, 3, 1, 2, 5, 1);
  g_assert_true (strstr (log->str, "progress-label") != NULL);
  g_assert_true (nst_group_matches (g, "ежова"));
  g_assert_true (nst_group_matches (g, "ежова group"));
  g_assert_false (nst_group_matches (g, "петров"));
}

/* ---- the rules, each with its message ----------------------------------------------- */

static void
test_rule_self (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(NstParticipant) p = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "", "2000-08-25", "всё", "всё", PERSON_CONSENTS_ALL);
  g_autoptr(NstGroup) g = make_pair (p, p, "2025-09-01", "2026-05-31");
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = nst_group_check_field (g, NST_GROUP_FIELD_MENTOR);

  g_assert_nonnull (strstr (problem, "Nobody mentors themselves"));
  g_assert_nonnull (strstr (problem, "Орлова Анна Ивановна"));
  g_assert_false (nst_store_save_group (f->store, g, NULL, NULL, &error));
  assert_invalid (error, "Nobody mentors themselves");
  g_assert_cmpint (nst_group_get_id (g), ==, 0);
  g_assert_cmpint (raw_int (f->store, "SELECT count(*) FROM mentoring_group"), ==, 0);
}

static void
test_rule_mentee_count (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(NstParticipant) m = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "", "2000-08-25", "всё", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) a = add_person (f->store, "Белова", "Вера", NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) b = add_person (f->store, "Зайцева", "Юлия", NST_CATEGORY_TEACHER, "", NULL, NULL, "y", PERSON_CONSENTS_ALL);
  g_autoptr(NstGroup) g = make_pair (m, a, "2025-09-01", "2026-05-31");
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  /* A pair has exactly one mentee. */
  nst_group_add_mentee (g, b);
  g_assert_false (nst_store_save_group (f->store, g, NULL, NULL, &error));
  assert_invalid (error, "A pair has exactly one mentee");
  g_clear_error (&error);

  /* A group, at least two. */
  nst_group_set_kind (g, NST_GROUP_KIND_GROUP);
  nst_group_remove_mentee (g, nst_participant_get_id (b));
  g_assert_false (nst_store_save_group (f->store, g, NULL, NULL, &error));
  assert_invalid (error, "A group needs at least two mentees");
  g_clear_error (&error);

  nst_group_add_mentee (g, b);
  g_assert_true (nst_store_save_group (f->store, g, NULL, NULL, &error));
  g_assert_no_error (error);

  nst_group_clear_mentees (g);
  problem = nst_group_check_field (g, NST_GROUP_FIELD_MENTEES);
  g_assert_cmpstr (problem, ==, "Add a mentee");
}

static void
test_rule_model_and_period (void)
{
  g_autoptr(NstGroup) g = nst_group_new ();
  g_autofree char *model = NULL, *other = NULL, *period = NULL, *date = NULL;

  nst_group_set_form (g, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE);
  model = nst_group_check_field (g, NST_GROUP_FIELD_INTERACTION_MODEL);
  g_assert_nonnull (strstr (model, "Choose the interaction model"));
  nst_group_set_form (g, NST_GROUP_FORM_STUDENT_STUDENT);
  nst_group_set_interaction_model (g, NST_INTERACTION_EXPERIENCED_YOUNG);
  other = nst_group_check_field (g, NST_GROUP_FIELD_INTERACTION_MODEL);
  g_assert_nonnull (strstr (other, "clear it"));
  nst_group_set_starts_on (g, "2026-01-10");
  nst_group_set_ends_on (g, "2025-12-31");
  period = nst_group_check_field (g, NST_GROUP_FIELD_ENDS_ON);
  g_assert_nonnull (strstr (period, "ends before it starts"));
  nst_group_set_starts_on (g, "2026-02-30");
  date = nst_group_check_field (g, NST_GROUP_FIELD_STARTS_ON);
  g_assert_nonnull (strstr (date, "DD.MM.YYYY"));
}

static gboolean
has_problem (GPtrArray           *problems,
             NstGroupProblemKind  kind,
             gboolean             blocking)
{
  for (guint i = 0; i < problems->len; i++)
    {
      NstGroupProblem *p = g_ptr_array_index (problems, i);

      if (p->kind == kind)
        {
          g_test_message ("%s: %s", p->blocking ? "blocks" : "warns", p->message);
          return p->blocking == blocking;
        }
    }
  return FALSE;
}

/* A draft is saved whatever is missing, lists it, and is not approved. */
static void
test_rule_consents (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "", "2000-08-25", "всё", NULL, PERSON_CONSENTS_PROCESSING);
  g_autoptr(NstParticipant) mentee = add_person (f->store, "Белова", "Вера", NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_NONE);
  g_autoptr(NstGroup) g = save_pair (f->store, mentor, mentee);
  g_autoptr(GPtrArray) problems = nst_store_list_group_problems (f->store, g, NULL);
  g_autoptr(GPtrArray) fixed = NULL;
  g_autoptr(GPtrArray) consents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_assert_true (has_problem (problems, NST_GROUP_PROBLEM_MISSING_MENTOR_CONSENT, TRUE));
  g_assert_true (has_problem (problems, NST_GROUP_PROBLEM_MISSING_PROCESSING, TRUE));
  g_assert_false (nst_store_change_group_status (f->store, g, NST_GROUP_STATUS_APPROVED, NULL, NULL, &error));
  assert_invalid (error, "The pair cannot be approved yet");
  assert_invalid (error, "has not given the mentor's written consent");
  assert_invalid (error, "Белова Вера Ивановна has no consent to the processing of personal data");
  g_assert_cmpuint (nst_group_get_status (g), ==, NST_GROUP_STATUS_DRAFT);
  g_clear_error (&error);

  /* Both sign: the pair is approved. */
  for (guint i = 0; i < 2; i++)
    {
      NstConsent *c = nst_consent_new (i ? NST_CONSENT_MENTOR : NST_CONSENT_PROCESSING);

      nst_consent_set_signed_on (c, "2025-09-20");
      g_ptr_array_add (consents, c);
    }
  nst_store_save_participant (f->store, mentor, consents, &error);
  g_assert_no_error (error);
  g_ptr_array_set_size (consents, 1);
  nst_store_save_participant (f->store, mentee, consents, &error);
  g_assert_no_error (error);
  fixed = nst_store_list_group_problems (f->store, g, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixed->len, ==, 0);
  g_assert_true (nst_store_change_group_status (f->store, g, NST_GROUP_STATUS_APPROVED, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nst_group_get_status (g), ==, NST_GROUP_STATUS_APPROVED);
}

/* A draft may have no period yet; approval needs one. */
static void
test_rule_period_needed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "", "2000-08-25", "всё", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) mentee = add_person (f->store, "Белова", "Вера", NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_ALL);
  g_autoptr(NstGroup) g = make_pair (mentor, mentee, NULL, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (nst_store_save_group (f->store, g, NULL, NULL, &error));
  g_assert_no_error (error);
  problems = nst_store_list_group_problems (f->store, g, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, NST_GROUP_PROBLEM_NO_PERIOD, TRUE));
  g_assert_false (nst_store_change_group_status (f->store, g, NST_GROUP_STATUS_APPROVED, NULL, NULL, &error));
  assert_invalid (error, "Set the pair's period");
}

/* A student under 14: the consent to processing is a representative's. */
static void
test_rule_representative (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Смирнов", "Пётр", NST_CATEGORY_STUDENT, "", NULL, "олимпиады", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) child = add_person (f->store, "Котова", "Ева", NST_CATEGORY_STUDENT, "", NULL, NULL, "адаптация", PERSON_CONSENTS_NONE);
  g_autoptr(NstGroup) g = NULL;
  g_autoptr(GPtrArray) problems = NULL, fixed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  /* Twelve years old; a consent she signed herself came in by import. */
  sql = g_strdup_printf ("UPDATE participant SET birth_date = '2013-04-01', class_name = '6Б' WHERE id = %"
                         G_GINT64_FORMAT "; INSERT INTO consent (participant_id, kind, signed_on) "
                         "VALUES (%" G_GINT64_FORMAT ", 'processing', '2025-09-05')",
                         nst_participant_get_id (child), nst_participant_get_id (child));
  raw_exec (f->store, sql);
  g_clear_object (&child);
  child = nst_store_get_participant (f->store, raw_int (f->store, "SELECT max(id) FROM participant"), &error);
  g_assert_no_error (error);
  g = make_pair (mentor, child, "2025-09-15", "2026-05-31");
  nst_group_set_form (g, NST_GROUP_FORM_STUDENT_STUDENT);
  nst_group_set_interaction_model (g, NST_INTERACTION_NONE);
  nst_store_save_group (f->store, g, NULL, NULL, &error);
  g_assert_no_error (error);
  problems = nst_store_list_group_problems (f->store, g, &error);
  g_assert_no_error (error);
  g_assert_true (has_problem (problems, NST_GROUP_PROBLEM_NEEDS_REPRESENTATIVE, TRUE));
  g_assert_false (nst_store_change_group_status (f->store, g, NST_GROUP_STATUS_APPROVED, NULL, NULL, &error));
  assert_invalid (error, "is under 14");
  g_clear_error (&error);

  raw_exec (f->store, "UPDATE consent SET representative_name = 'Котова Мария Петровна' WHERE kind = 'processing'");
  fixed = nst_store_list_group_problems (f->store, g, &error);
  g_assert_no_error (error);
  g_assert_false (has_problem (fixed, NST_GROUP_PROBLEM_NEEDS_REPRESENTATIVE, TRUE));
  g_assert_true (nst_store_change_group_status (f->store, g, NST_GROUP_STATUS_APPROVED, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Over the school's limit: a warning, not a refusal. */
static void
test_rule_load (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "", "2000-08-25", "всё", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstGroup) fourth = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(NstParticipant) mentee = add_person (f->store, i == 0 ? "Белова" : i == 1 ? "Власова" : i == 2 ? "Гусева" : "Дымова",
                                                     "Вера", NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_ALL);
      g_autoptr(NstGroup) g = NULL;

      if (i < 3)
        {
          g = save_active_pair (f->store, mentor, mentee);
          g_assert_cmpint (nst_store_count_mentor_load (f->store, nst_participant_get_id (mentor), 0, NULL), ==, i + 1);
          continue;
        }
      fourth = save_pair (f->store, mentor, mentee);
    }
  problems = nst_store_list_group_problems (f->store, fourth, &error);
  g_assert_no_error (error);
  g_assert_true (has_problem (problems, NST_GROUP_PROBLEM_MENTOR_OVERLOADED, FALSE));
  g_assert_cmpint (nst_store_count_mentor_load (f->store, nst_participant_get_id (mentor), nst_group_get_id (fourth), NULL), ==, 3);
  g_assert_true (nst_store_change_group_status (f->store, fourth, NST_GROUP_STATUS_APPROVED, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_rule_warnings (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "", "2000-08-25", "всё", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) other = add_person (f->store, "Панова", "Нина", NST_CATEGORY_TEACHER, "", "1999-08-25", "всё", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) student = add_person (f->store, "Котов", "Лев", NST_CATEGORY_STUDENT, "", NULL, NULL, "ЕГЭ", PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) mentee = add_person (f->store, "Белова", "Вера", NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_ALL);
  g_autoptr(NstGroup) active = save_active_pair (f->store, mentor, mentee);
  g_autoptr(NstGroup) second = make_pair (other, mentee, "2025-09-01", "2026-05-31");
  g_autoptr(NstGroup) teacher_student = make_pair (other, student, "2025-09-01", "2026-05-31");
  g_autoptr(GPtrArray) busy = NULL, mismatch = NULL;
  g_autoptr(GError) error = NULL;

  busy = nst_store_list_group_problems (f->store, second, &error);
  g_assert_no_error (error);
  g_assert_true (has_problem (busy, NST_GROUP_PROBLEM_MENTEE_BUSY, FALSE));
  mismatch = nst_store_list_group_problems (f->store, teacher_student, &error);
  g_assert_no_error (error);
  g_assert_true (has_problem (mismatch, NST_GROUP_PROBLEM_FORM_MISMATCH, FALSE));
}

/* ---- the life cycle ------------------------------------------------------------------ */

static void
assert_status_refused (NstStore       *store,
                       NstGroup       *g,
                       NstGroupStatus  status,
                       const char     *words)
{
  g_autoptr(GError) error = NULL;
  NstGroupStatus before = nst_group_get_status (g);

  g_assert_false (nst_store_change_group_status (store, g, status, NULL, NULL, &error));
  assert_invalid (error, words);
  g_assert_cmpuint (nst_group_get_status (g), ==, before);
}

static void
test_life_cycle (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "", "2000-08-25", "всё", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) mentee = add_person (f->store, "Белова", "Вера", NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_ALL);
  g_autoptr(NstGroup) g = save_pair (f->store, mentor, mentee);
  g_autoptr(NstGroup) back = NULL;
  g_autoptr(GError) error = NULL;

  assert_status_refused (f->store, g, NST_GROUP_STATUS_ACTIVE, "must first be approved");
  assert_status_refused (f->store, g, NST_GROUP_STATUS_DRAFT, "already");
  assert_status_refused (f->store, g, NST_GROUP_STATUS_FINISHED, "needs a reason");
  g_assert_false (nst_store_end_group (f->store, g, NST_END_REASON_CURATOR, "2025-10-01", NULL, &error));
  assert_invalid (error, "delete it instead");
  g_clear_error (&error);

  g_assert_true (nst_store_change_group_status (f->store, g, NST_GROUP_STATUS_APPROVED, "2025-09-12", NULL, &error));
  g_assert_no_error (error);
  /* Back to draft (the order was not signed), and forward again. */
  g_assert_true (nst_store_change_group_status (f->store, g, NST_GROUP_STATUS_DRAFT, NULL, "приказ не подписан", &error));
  g_assert_no_error (error);
  g_assert_true (nst_store_change_group_status (f->store, g, NST_GROUP_STATUS_APPROVED, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (nst_store_delete_group (f->store, nst_group_get_id (g), &error));
  assert_invalid (error, "Only a draft can be deleted");
  g_clear_error (&error);
  g_assert_true (nst_store_change_group_status (f->store, g, NST_GROUP_STATUS_ACTIVE, "2025-09-15", NULL, &error));
  g_assert_no_error (error);
  assert_status_refused (f->store, g, NST_GROUP_STATUS_APPROVED, "cannot become");

  /* Ending needs a reason and a day that has come, not before the start. */
  g_assert_false (nst_store_end_group (f->store, g, NST_END_REASON_NONE, "2025-11-01", NULL, &error));
  assert_invalid (error, "Choose why the pair ends");
  g_clear_error (&error);
  g_assert_false (nst_store_end_group (f->store, g, NST_END_REASON_PLAN_DONE, NULL, NULL, &error));
  assert_invalid (error, "Enter the day it ended");
  g_clear_error (&error);
  g_assert_false (nst_store_end_group (f->store, g, NST_END_REASON_PLAN_DONE, "2025-12-01", NULL, &error));
  assert_invalid (error, "cannot be in the future");
  g_clear_error (&error);
  g_assert_false (nst_store_end_group (f->store, g, NST_END_REASON_PLAN_DONE, "2025-09-01", NULL, &error));
  assert_invalid (error, "cannot end before it starts");
  g_clear_error (&error);

  g_assert_true (nst_store_end_group (f->store, g, NST_END_REASON_PARTICIPANT, "2025-11-10", "переезд", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nst_group_get_status (g), ==, NST_GROUP_STATUS_TERMINATED);
  back = nst_store_get_group (f->store, nst_group_get_id (g), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_group_get_status (back), ==, NST_GROUP_STATUS_TERMINATED);
  g_assert_cmpuint (nst_group_get_end_reason (back), ==, NST_END_REASON_PARTICIPANT);
  g_assert_cmpstr (nst_group_get_ended_on (back), ==, "2025-11-10");

  /* The end is final, and the record stays as it was. */
  assert_status_refused (f->store, g, NST_GROUP_STATUS_ACTIVE, "end is final");
  g_assert_false (nst_store_end_group (f->store, g, NST_END_REASON_PLAN_DONE, "2025-11-11", NULL, &error));
  assert_invalid (error, "end is final");
  g_clear_error (&error);
  nst_group_set_ends_on (g, "2026-06-30");
  g_assert_false (nst_store_save_group (f->store, g, NULL, NULL, &error));
  assert_invalid (error, "record is kept");
}

static void
test_status_table (void)
{
  /* Every pair of statuses: allowed ones give NULL, others a message. */
  static const char *allowed[] = { "draft>approved", "approved>draft", "approved>active",
                                   "approved>terminated", "active>finished", "active>terminated" };

  for (guint from = 0; from < NST_N_GROUP_STATUSES; from++)
    for (guint to = 0; to < NST_N_GROUP_STATUSES; to++)
      {
        g_autofree char *key = g_strdup_printf ("%s>%s", nst_group_status_to_code (from), nst_group_status_to_code (to));
        g_autofree char *refusal = nst_group_status_check_change (from, to);
        gboolean expected = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
          expected |= g_str_equal (allowed[i], key);
        if (expected != (refusal == NULL))
          g_test_fail_printf ("%s: %s", key, refusal ? refusal : "allowed");
      }
}

/* ---- history ------------------------------------------------------------------------- */

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "", "2000-08-25", "всё", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) other = add_person (f->store, "Панова", "Нина", NST_CATEGORY_TEACHER, "", "1999-08-25", "всё", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) a = add_person (f->store, "Белова", "Вера", NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) b = add_person (f->store, "Гусева", "Юлия", NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_ALL);
  g_autoptr(NstGroup) g = save_active_pair (f->store, mentor, a);
  g_autoptr(GListStore) history = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *on, *code, *description, *note; } expected[] = {
    { "2025-09-10", "created", "Created", "" },
    { "2025-09-12", "status", "Status: draft → approved by order", "" },
    { "2025-09-15", "status", "Status: approved by order → active", "" },
    { TEST_TODAY, "period", "Period: from 15.09.2025 to 31.05.2026 → from 15.09.2025 to 30.06.2026", "продлено" },
    { TEST_TODAY, "kind", "Kind: traditional one-to-one → in a group", "продлено" },
    { TEST_TODAY, "mentor", "Mentor: Орлова Анна Ивановна → Панова Нина Ивановна", "продлено" },
    { TEST_TODAY, "mentees", "Mentees: Белова Вера Ивановна → Белова Вера Ивановна; Гусева Юлия Ивановна", "продлено" },
    { TEST_TODAY, "ended", "Ended: the plan of activities is done in full", "" },
  };

  nst_group_set_ends_on (g, "2026-06-30");
  nst_group_set_kind (g, NST_GROUP_KIND_GROUP);
  nst_group_set_mentor (g, other);
  nst_group_add_mentee (g, b);
  nst_store_save_group (f->store, g, NULL, "продлено", &error);
  g_assert_no_error (error);
  /* Saving again with no change adds nothing. */
  nst_store_save_group (f->store, g, NULL, NULL, &error);
  g_assert_no_error (error);
  nst_store_end_group (f->store, g, NST_END_REASON_PLAN_DONE, TEST_TODAY, NULL, &error);
  g_assert_no_error (error);

  history = nst_store_list_group_history (f->store, nst_group_get_id (g), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(NstHistoryEntry) e = g_list_model_get_item (G_LIST_MODEL (history), i);
      g_autofree char *description = nst_history_entry_dup_description (e);

      g_test_message ("%s %s", nst_history_entry_get_changed_on (e), description);
      g_assert_cmpstr (nst_history_entry_get_changed_on (e), ==, expected[i].on);
      g_assert_cmpstr (nst_change_to_code (nst_history_entry_get_change (e)), ==, expected[i].code);
      g_assert_cmpstr (description, ==, expected[i].description);
      g_assert_cmpstr (nst_history_entry_get_note (e), ==, expected[i].note);
    }
}

/* ---- suggestions --------------------------------------------------------------------- */

static void
test_request_words (void)
{
  g_auto(GStrv) words = nst_request_words_in_profile ("Подготовка к ОГЭ по математике, и ещё работа с родителями",
                                                      "подготовка к ОГЭ и ЕГЭ по математика; олимпиадная");
  g_auto(GStrv) none = nst_request_words_in_profile ("Трудности с чтением", "робототехника; программирование");
  g_auto(GStrv) stems = nst_request_words_in_profile ("Олимпиаде по информатике", "олимпиадная информатика");

  g_assert_cmpuint (g_strv_length (words), ==, 3);
  g_assert_cmpstr (words[0], ==, "Подготовка");
  g_assert_cmpstr (words[1], ==, "ОГЭ");
  g_assert_cmpstr (words[2], ==, "математике");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (stems), ==, 2);
}

static gboolean
reasons_contain (NstMentorSuggestion *s,
                 const char          *words)
{
  g_autofree char *text = nst_mentor_suggestion_dup_reasons_text (s);

  return strstr (text, words) != NULL;
}

static void
test_suggestions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(NstParticipant) mentee = add_person (f->store, "Белова", "Вера", NST_CATEGORY_TEACHER, "математика", "2024-08-25", NULL,
                                                 "Подготовка учеников к ОГЭ по математике", PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) best = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "математика, алгебра", "2005-08-25",
                                               "подготовка к ОГЭ и ЕГЭ по математике", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) subject_only = add_person (f->store, "Панова", "Нина", NST_CATEGORY_TEACHER, "математика", "2010-08-25",
                                                       "олимпиадная подготовка", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) busy = add_person (f->store, "Абрамова", "Елена", NST_CATEGORY_TEACHER, "математика", "1995-08-25",
                                               "подготовка к ОГЭ по математике", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) unrelated = add_person (f->store, "Жукова", "Ольга", NST_CATEGORY_TEACHER, "музыка", "2000-08-25",
                                                    "школьный хор", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) student = add_person (f->store, "Котов", "Лев", NST_CATEGORY_STUDENT, "", NULL,
                                                  "олимпиады по математике", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  /* Three mentees already: at the school's limit. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(NstParticipant) m = add_person (f->store, i == 0 ? "Власова" : i == 1 ? "Гусева" : "Дымова", "Вера",
                                                NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_ALL);
      g_autoptr(NstGroup) g = save_active_pair (f->store, busy, m);
    }

  list = nst_store_suggest_mentors (f->store, nst_participant_get_id (mentee), &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstMentorSuggestion) s = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *name = nst_participant_dup_full_name (nst_mentor_suggestion_get_mentor (s));
      g_autofree char *reasons = nst_mentor_suggestion_dup_reasons_text (s);

      g_test_message ("%d %s: %s", nst_mentor_suggestion_get_score (s), name, reasons);
      if (i == 0)
        {
          g_assert_true (nst_mentor_suggestion_get_mentor (s) == best ||
                         nst_participant_get_id (nst_mentor_suggestion_get_mentor (s)) == nst_participant_get_id (best));
          g_assert_true (reasons_contain (s, "Shared subject: математика"));
          g_assert_true (reasons_contain (s, "The request matches the profile: Подготовка, ОГЭ, математике"));
          g_assert_true (reasons_contain (s, "19 years more teaching experience"));
          g_assert_false (nst_mentor_suggestion_get_over_limit (s));
        }
      if (nst_participant_get_id (nst_mentor_suggestion_get_mentor (s)) == nst_participant_get_id (busy))
        {
          g_assert_true (nst_mentor_suggestion_get_over_limit (s));
          g_assert_cmpuint (nst_mentor_suggestion_get_load (s), ==, 3);
          g_assert_true (reasons_contain (s, "At the school's limit: already mentors 3 of at most 3"));
          g_assert_cmpuint (i, >, 0);
        }
      if (nst_participant_get_id (nst_mentor_suggestion_get_mentor (s)) == nst_participant_get_id (student))
        {
          g_assert_true (reasons_contain (s, "No form of mentoring suits"));
          g_assert_cmpuint (i, ==, n - 1);
        }
      if (nst_participant_get_id (nst_mentor_suggestion_get_mentor (s)) == nst_participant_get_id (subject_only))
        g_assert_cmpuint (i, ==, 1);
      if (nst_participant_get_id (nst_mentor_suggestion_get_mentor (s)) == nst_participant_get_id (unrelated))
        g_assert_cmpuint (i, >=, 2);
    }
}

static void
test_suggestion_paired (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(NstParticipant) mentee = add_person (f->store, "Белова", "Вера", NST_CATEGORY_TEACHER, "", "2024-08-25", NULL, "уроки", PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "", "2005-08-25", "уроки", NULL, PERSON_CONSENTS_PROCESSING);
  g_autoptr(NstGroup) g = save_pair (f->store, mentor, mentee);
  g_autoptr(GListStore) list = nst_store_suggest_mentors (f->store, nst_participant_get_id (mentee), NULL);
  g_autoptr(NstMentorSuggestion) s = g_list_model_get_item (G_LIST_MODEL (list), 0);
  NstGroupForm form;

  g_assert_true (nst_mentor_suggestion_get_already_paired (s));
  g_assert_true (reasons_contain (s, "Already paired with this mentee"));
  g_assert_true (reasons_contain (s, "No mentor's consent on record yet"));
  g_assert_true (nst_mentor_suggestion_get_form (s, &form));
  g_assert_cmpuint (form, ==, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE);
}

/* ---- orders and lists ------------------------------------------------------------------ */

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "", "2000-08-25", "всё", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) mentee = add_person (f->store, "Белова", "Вера", NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_ALL);
  g_autoptr(NstGroup) g = save_active_pair (f->store, mentor, mentee);
  g_autoptr(GListStore) list = NULL;
  g_autoptr(NstGroup) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  raw_exec (f->store, "INSERT INTO school_order (id, year, number, suffix, signed_on, kind, heading) "
                      "VALUES (7, 2025, 219, 'о-д', '2025-09-12', 'pairs', 'О закреплении пар')");
  g_assert_true (nst_store_set_group_order (f->store, g, 7, NULL, &error));
  g_assert_no_error (error);
  label = nst_group_dup_order_label (g);
  g_assert_cmpstr (label, ==, "No. 219 о-д of 12.09.2025");
  list = nst_store_list_groups (f->store, NULL, &error);
  g_assert_no_error (error);
  listed = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (nst_group_get_order_number (listed), ==, "219 о-д");
  g_assert_cmpstr (nst_group_get_order_date (listed), ==, "2025-09-12");
  g_assert_false (nst_store_set_group_order (f->store, g, 99, NULL, &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND);
}

/* ---- migration -------------------------------------------------------------------------- */

/* A version 1 database with a pair, a programme and its plan in it comes
 * to the latest version with all of it, and the built-in template. */
static void
test_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nst-test-migrate-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(NstStore) store = NULL;
  g_autoptr(NstGroup) g = NULL;
  g_autoptr(NstProgramme) p = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, nst_migration_sql (1), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA user_version=1;"
    "INSERT INTO school (id, school_year) VALUES (1, 2025);"
    "INSERT INTO participant (id, surname, name, category) VALUES (1, 'Орлова', 'Анна', 'teacher'),"
    "  (2, 'Белова', 'Вера', 'teacher');"
    "INSERT INTO mentoring_group (id, form, interaction_model, kind, starts_on, ends_on, status)"
    "  VALUES (5, 'pedagogue-pedagogue', 'experienced-young', 'traditional', '2025-09-01', '2026-05-31', 'active');"
    "INSERT INTO group_member VALUES (5, 1, 'mentor'), (5, 2, 'mentee');"
    "INSERT INTO group_history (group_id, changed_on, what) VALUES (5, '2025-09-01', 'created');"
    "INSERT INTO programme (id, group_id, school_year, title) VALUES (3, 5, 2025, 'План');"
    "INSERT INTO plan_item (id, programme_id, position, activity, schedule) VALUES (8, 3, 1, 'Семинар', 'до 20.12.2025');"
    "INSERT INTO plan_occurrence (plan_item_id, due_on, done_on) VALUES (8, '2025-12-20', '2025-11-01');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = nst_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_store_get_schema_version (store), ==, nst_store_latest_schema_version ());
  g = nst_store_get_group (store, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_group_get_status (g), ==, NST_GROUP_STATUS_ACTIVE);
  g_assert_cmpstr (nst_group_get_mentor_name (g), ==, "Орлова Анна");
  g_assert_cmpuint (nst_group_get_n_mentees (g), ==, 1);
  p = nst_store_get_programme (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_programme_get_status (p), ==, NST_PROGRAMME_STATUS_DRAFT);
  g_assert_cmpuint (g_list_model_get_n_items (nst_programme_get_items (p)), ==, 1);
  g_assert_cmpint (raw_int (store, "SELECT count(*) FROM plan_occurrence WHERE done_on = '2025-11-01'"), ==, 1);
  g_assert_cmpint (raw_int (store, "SELECT count(*) FROM programme_template_item WHERE template_id = 1"), ==, 7);
  g_assert_cmpint (raw_int (store, "SELECT count(*) FROM group_history"), ==, 1);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_remove (child);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  groups_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, groups_fixture_set_up, func, groups_fixture_tear_down)

  g_test_add_func ("/groups/codes", test_codes);
  ADD ("/groups/codes-in-database", test_codes_in_database);
  ADD ("/groups/round-trip", test_round_trip);
  ADD ("/groups/consent-rule-everywhere", test_consent_rule_everywhere);
  g_test_add_func ("/groups/notify", test_notify);
  ADD ("/groups/rules/self", test_rule_self);
  ADD ("/groups/rules/mentee-count", test_rule_mentee_count);
  g_test_add_func ("/groups/rules/model-and-period", test_rule_model_and_period);
  ADD ("/groups/rules/consents", test_rule_consents);
  ADD ("/groups/rules/period-needed", test_rule_period_needed);
  ADD ("/groups/rules/representative", test_rule_representative);
  ADD ("/groups/rules/load", test_rule_load);
  ADD ("/groups/rules/warnings", test_rule_warnings);
  ADD ("/groups/life-cycle", test_life_cycle);
  g_test_add_func ("/groups/life-cycle/table", test_status_table);
  ADD ("/groups/history", test_history);
  g_test_add_func ("/groups/suggestions/request-words", test_request_words);
  ADD ("/groups/suggestions/ranking", test_suggestions);
  ADD ("/groups/suggestions/paired", test_suggestion_paired);
  ADD ("/groups/order", test_order);
  g_test_add_func ("/groups/migration-from-1", test_migration);

#undef ADD

  return g_test_run ();
}
