/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Personalized programmes: templates, schedules expanded over the period
 * and the quarters, marks and progress, history, the end. */
#include "config.h"

#include <string.h>

#include "schedule/nst-date.h"
#include "nst-groups-test-util.h"

typedef GroupsFixture Fixture;

static NstGroup *
active_pair (Fixture *f)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "математика", "2000-08-25",
                                                 "подготовка к ОГЭ", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) mentee = add_person (f->store, "Белова", "Вера", NST_CATEGORY_TEACHER, "математика", "2024-08-25",
                                                 NULL, "Планирование уроков", PERSON_CONSENTS_ALL);

  return save_active_pair (f->store, mentor, mentee);
}

static NstProgramme *
saved_from_template (Fixture  *f,
                     NstGroup *g)
{
  g_autoptr(GError) error = NULL;
  NstProgramme *p = nst_store_prepare_programme (f->store, nst_group_get_id (g), NST_BUILTIN_TEMPLATE_ID, &error);

  g_assert_no_error (error);
  nst_store_save_programme (f->store, p, NULL, &error);
  g_assert_no_error (error);
  return p;
}

static NstPlanItem *
item_at (NstProgramme *p,
         guint         index)
{
  NstPlanItem *item = g_list_model_get_item (nst_programme_get_items (p), index);

  g_object_unref (item); /* the programme keeps it */
  return item;
}

static NstPlanOccurrence *
occurrence_at (NstPlanItem *item,
               guint        index)
{
  NstPlanOccurrence *o = g_list_model_get_item (nst_plan_item_get_occurrences (item), index);

  g_object_unref (o);
  return o;
}

static guint
n_occurrences (NstPlanItem *item)
{
  return g_list_model_get_n_items (nst_plan_item_get_occurrences (item));
}

/* ---- templates ---------------------------------------------------------------- */

static void
test_builtin_template (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GListStore) list = nst_store_list_templates (f->store, NULL);
  g_autoptr(NstProgrammeTemplate) t = g_list_model_get_item (G_LIST_MODEL (list), 0);
  GListModel *items = nst_programme_template_get_items (t);
  g_autoptr(NstPlanItem) first = NULL, second = NULL, last = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (nst_programme_template_get_id (t), ==, NST_BUILTIN_TEMPLATE_ID);
  g_assert_true (nst_programme_template_get_builtin (t));
  g_assert_cmpuint (nst_programme_template_get_form (t), ==, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE);
  g_assert_cmpuint (nst_programme_template_get_school_year (t), ==, 2021);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 7);
  first = g_list_model_get_item (items, 0);
  second = g_list_model_get_item (items, 1);
  last = g_list_model_get_item (items, 6);
  g_assert_cmpstr (nst_plan_item_get_activity (first), ==, "Определение средств обратной связи (WhatsApp, Viber)");
  g_assert_cmpstr (nst_plan_item_get_schedule (first), ==, "Январь 2021 Сентябрь 2022");
  g_assert_cmpstr (nst_plan_item_get_responsible (first), ==, "Педагог наставник, Наставляемый");
  g_assert_cmpstr (nst_plan_item_get_expected_result (first), ==, "Обратная связь между наставнической парой");
  g_assert_cmpstr (nst_plan_item_get_schedule (second), ==, "Один раз в четверть");
  g_assert_cmpstr (nst_plan_item_get_expected_result (second), ==, "Реализация ООП по предмету и формирование КОП");
  g_assert_cmpuint (nst_plan_item_get_position (last), ==, 7);
  g_assert_cmpstr (nst_plan_item_get_schedule (last), ==, "В течении года");
  g_assert_cmpstr (nst_plan_item_get_expected_result (last), ==, "Обобщение опыта наставнической парой");
  g_assert_true (g_str_has_prefix (nst_programme_template_get_expected_result (t),
                                   "Присвоение квалификационной категории"));

  g_assert_false (nst_store_delete_template (f->store, NST_BUILTIN_TEMPLATE_ID, &error));
  assert_invalid (error, "built-in template cannot be deleted");
}

static void
test_shift_years (void)
{
  static const struct { const char *text; int years; const char *expected; } cases[] = {
    { "Январь 2021 Сентябрь 2022", 4, "Январь 2025 Сентябрь 2026" },
    { "до 01.11.2021", 4, "до 01.11.2025" },
    { "с 01.09.2021 по 31.05.2022", 4, "с 01.09.2025 по 31.05.2026" },
    { "до 29.02.2024", 1, "до 28.02.2025" },
    { "до 29.02.2023", 1, "до 29.02.2024" },
    { "Каждый второй понедельник месяца", 4, "Каждый второй понедельник месяца" },
    { "кабинет 12345, 1800 год", 4, "кабинет 12345, 1800 год" },
    { "2021/2022", -1, "2020/2021" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shifted = nst_schedule_text_shift_years (cases[i].text, cases[i].years);

      g_assert_cmpstr (shifted, ==, cases[i].expected);
    }
}

/* A new programme from the seed's template: this school year, the pair's
 * period, the plan with its dates moved, the schedules expanded. */
static void
test_from_template (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(NstGroup) g = active_pair (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(NstProgramme) p = nst_store_prepare_programme (f->store, nst_group_get_id (g), NST_BUILTIN_TEMPLATE_ID, &error);
  g_autoptr(NstProgramme) back = NULL;
  NstSchoolQuarters q;
  g_autofree char *q4_end = NULL, *title = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (nst_programme_get_id (p), ==, 0);
  g_assert_cmpuint (nst_programme_get_school_year (p), ==, 2025);
  g_assert_cmpint (nst_programme_get_template_id (p), ==, NST_BUILTIN_TEMPLATE_ID);
  g_assert_cmpstr (nst_programme_get_request (p), ==, "Планирование уроков");
  g_assert_cmpstr (nst_programme_get_mentor_name (p), ==, "Орлова Анна Ивановна");
  g_assert_true (g_str_has_prefix (nst_programme_get_expected_result (p), "Присвоение"));
  title = nst_programme_dup_school_year_label (p);
  g_assert_cmpstr (title, ==, "2025/2026");
  /* The pair starts on 15.09; the year's quarters end the programme. */
  nst_store_quarters_func (2025, &q, f->store);
  q4_end = nst_date_format_iso (&q.ends[3]);
  g_assert_cmpstr (nst_programme_get_starts_on (p), ==, "2025-09-15");
  g_assert_cmpstr (nst_programme_get_ends_on (p), ==, q4_end);
  g_assert_cmpuint (g_list_model_get_n_items (nst_programme_get_items (p)), ==, 7);
  g_assert_cmpstr (nst_plan_item_get_schedule (item_at (p, 0)), ==, "Январь 2025 Сентябрь 2026");

  g_assert_true (nst_store_save_programme (f->store, p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nst_programme_get_id (p), >, 0);
  back = nst_store_get_programme (f->store, nst_programme_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nst_programme_get_items (back)), ==, 7);
  g_assert_cmpuint (n_occurrences (item_at (back, 0)), ==, 1);  /* a period */
  g_assert_cmpuint (n_occurrences (item_at (back, 1)), ==, 4);  /* once a quarter */
  g_assert_cmpuint (n_occurrences (item_at (back, 2)), ==, 4);  /* each quarter's end */
  g_assert_cmpuint (n_occurrences (item_at (back, 3)), >=, 7);  /* monthly, from October */
  g_assert_cmpuint (n_occurrences (item_at (back, 4)), >=, 7);
  g_assert_cmpuint (n_occurrences (item_at (back, 6)), ==, 1);  /* throughout the year */
  g_assert_cmpstr (nst_plan_occurrence_get_due_on (occurrence_at (item_at (back, 2), 3)), ==, q4_end);
  g_assert_cmpstr (nst_plan_occurrence_get_due_on (occurrence_at (item_at (back, 3), 0)), ==, "2025-10-13");
  for (guint i = 0; i < 7; i++)
    g_assert_true (nst_plan_item_get_schedule_understood (item_at (back, i)));

  /* One programme per pair and school year. */
  g_clear_object (&p);
  p = nst_store_prepare_programme (f->store, nst_group_get_id (g), 0, &error);
  g_assert_null (p);
  assert_invalid (error, "already has a programme for 2025/2026");
}

/* The school's own quarter dates drive the quarterly rules. */
static void
test_school_quarters (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(NstGroup) g = active_pair (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(NstProgramme) p = NULL;
  NstSchoolQuarters q = { 2025 };
  static const char *ends[] = { "2025-10-24", "2025-12-26", "2026-03-20", "2026-05-29" };
  static const char *starts[] = { "2025-09-01", "2025-11-05", "2026-01-12", "2026-03-30" };

  for (guint i = 0; i < 4; i++)
    {
      nst_date_parse_iso (starts[i], &q.starts[i]);
      nst_date_parse_iso (ends[i], &q.ends[i]);
    }
  nst_store_save_quarters (f->store, &q, &error);
  g_assert_no_error (error);
  p = saved_from_template (f, g);
  g_assert_cmpstr (nst_programme_get_ends_on (p), ==, "2026-05-29");
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (nst_plan_occurrence_get_due_on (occurrence_at (item_at (p, 2), i)), ==, ends[i]);
}

/* ---- marks and progress ------------------------------------------------------------ */

static void
count_expected (NstProgramme *p,
                const char   *status_date,
                guint        *done,
                guint        *due,
                guint        *overdue)
{
  GListModel *items = nst_programme_get_items (p);
  GDate date;

  nst_date_parse_iso (status_date, &date);
  *done = *due = *overdue = 0;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    for (guint k = 0; k < n_occurrences (item_at (p, i)); k++)
      {
        NstPlanOccurrence *o = occurrence_at (item_at (p, i), k);
        NstDeadlineState state = nst_plan_occurrence_get_state (o, &date);

        *done += state == NST_DEADLINE_DONE;
        *overdue += state == NST_DEADLINE_OVERDUE;
        *due += state == NST_DEADLINE_DONE || state == NST_DEADLINE_OVERDUE ||
                g_strcmp0 (nst_plan_occurrence_get_due_on (o), status_date) == 0;
      }
}

static void
on_progress (GObject    *object,
             GParamSpec *pspec,
             guint      *count)
{
  (*count)++;
}

static void
test_marks_and_progress (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(NstGroup) g = active_pair (f);
  g_autoptr(NstProgramme) p = saved_from_template (f, g);
  g_autoptr(GListStore) programmes = NULL, groups = NULL;
  g_autoptr(NstProgramme) listed = NULL;
  g_autoptr(NstGroup) listed_group = NULL;
  g_autoptr(GError) error = NULL;
  NstPlanOccurrence *october = occurrence_at (item_at (p, 3), 0);
  guint done, due, total, overdue, e_done, e_due, e_overdue, notified = 0;
  g_autofree char *label = NULL, *expected_label = NULL;

  nst_programme_set_status_date (p, TEST_TODAY);
  nst_programme_get_progress (p, &done, &due, &total, &overdue);
  g_assert_cmpuint (done, ==, 0);
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (overdue, ==, due);

  g_signal_connect (p, "notify::progress-done", G_CALLBACK (on_progress), &notified);
  g_assert_true (nst_store_set_occurrence_done (f->store, october, "2025-10-13", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (nst_plan_occurrence_is_done (october));
  nst_programme_get_progress (p, &e_done, NULL, NULL, &e_overdue);
  g_assert_cmpuint (e_done, ==, 1);
  g_assert_cmpuint (e_overdue, ==, overdue - 1);

  /* The list's counts, made by SQL, agree with the programme's own. */
  count_expected (p, TEST_TODAY, &e_done, &e_due, &e_overdue);
  nst_programme_get_progress (p, &done, &due, &total, &overdue);
  g_assert_cmpuint (done, ==, e_done);
  g_assert_cmpuint (due, ==, e_due);
  g_assert_cmpuint (overdue, ==, e_overdue);
  programmes = nst_store_list_programmes (f->store, TEST_TODAY, &error);
  g_assert_no_error (error);
  listed = g_list_model_get_item (G_LIST_MODEL (programmes), 0);
  g_assert_false (nst_programme_get_items_loaded (listed));
  nst_programme_get_progress (listed, &e_done, &e_due, NULL, &e_overdue);
  g_assert_cmpuint (e_done, ==, done);
  g_assert_cmpuint (e_due, ==, due);
  g_assert_cmpuint (e_overdue, ==, overdue);
  g_assert_cmpstr (nst_programme_get_mentee_names (listed), ==, "Белова Вера Ивановна");
  groups = nst_store_list_groups (f->store, TEST_TODAY, &error);
  g_assert_no_error (error);
  listed_group = g_list_model_get_item (G_LIST_MODEL (groups), 0);
  g_assert_cmpint (nst_group_get_programme_id (listed_group), ==, nst_programme_get_id (p));
  g_assert_cmpuint (nst_group_get_progress_done (listed_group), ==, done);
  g_assert_cmpuint (nst_group_get_progress_due (listed_group), ==, due);
  g_assert_cmpuint (nst_group_get_progress_total (listed_group), ==, total);
  g_assert_cmpuint (nst_group_get_overdue (listed_group), ==, overdue);
  label = nst_group_dup_progress_label (listed_group);
  expected_label = g_strdup_printf ("1 of %u", due);
  g_assert_cmpstr (label, ==, expected_label);

  /* At an earlier status date, the mark had not been made. */
  nst_programme_set_status_date (p, "2025-10-01");
  nst_programme_get_progress (p, &done, NULL, NULL, NULL);
  g_assert_cmpuint (done, ==, 0);

  /* Marks: not in the future, only on a saved plan; taken off again. */
  g_assert_false (nst_store_set_occurrence_done (f->store, october, "2025-11-16", &error));
  assert_invalid (error, "cannot be in the future");
  g_clear_error (&error);
  {
    g_autoptr(NstPlanOccurrence) loose = nst_plan_occurrence_new (NULL, "2025-10-01");

    g_assert_false (nst_store_set_occurrence_done (f->store, loose, "2025-10-01", &error));
    assert_invalid (error, "Save the programme");
    g_clear_error (&error);
  }
  g_assert_true (nst_store_set_occurrence_done (f->store, october, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (nst_plan_occurrence_is_done (october));
  g_assert_cmpint (raw_int (f->store, "SELECT count(*) FROM plan_occurrence WHERE done_on IS NOT NULL"), ==, 0);
}

/* ---- changes and their history ------------------------------------------------------ */

static void
test_changes (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(NstGroup) g = active_pair (f);
  g_autoptr(NstProgramme) p = saved_from_template (f, g);
  g_autoptr(NstProgramme) back = NULL;
  g_autoptr(NstPlanItem) added = nst_plan_item_new ();
  g_autoptr(GListStore) history = NULL;
  g_autoptr(GError) error = NULL;
  NstPlanItem *quarterly = item_at (p, 1);
  NstPlanItem *thursdays = item_at (p, 4);
  g_autofree char *first_thursday = NULL, *quarter_end = NULL;
  static const char *expected[] = {
    "created", "status", "period", "plan-changed", "plan-changed", "plan-removed", "plan-added", "content",
  };

  g_assert_true (nst_store_change_programme_status (f->store, p, NST_PROGRAMME_STATUS_ACTIVE, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Work done: the first Thursday, and the first quarter's planning. */
  first_thursday = g_strdup (nst_plan_occurrence_get_due_on (occurrence_at (thursdays, 0)));
  g_assert_cmpstr (first_thursday, ==, "2025-10-02");
  nst_store_set_occurrence_done (f->store, occurrence_at (thursdays, 0), "2025-10-02", &error);
  g_assert_no_error (error);
  quarter_end = g_strdup (nst_plan_occurrence_get_due_on (occurrence_at (quarterly, 0)));
  nst_store_set_occurrence_done (f->store, occurrence_at (quarterly, 0), "2025-10-20", &error);
  g_assert_no_error (error);

  /* Extend, correct, add and remove, as seed 4.2 allows. */
  nst_programme_set_ends_on (p, "2026-06-30");
  nst_plan_item_set_schedule (quarterly, "Конец каждой четверти");
  nst_plan_item_set_schedule (thursdays, "Каждую последнюю пятницу месяца");
  nst_programme_remove_item (p, 6);
  nst_plan_item_set_activity (added, "Открытый урок наставляемого");
  nst_plan_item_set_schedule (added, "до 20.12.2025");
  nst_plan_item_set_responsible (added, "Наставляемый");
  nst_programme_add_item (p, added);
  nst_programme_set_goal (p, "Закрепление в профессии");

  g_assert_false (nst_store_save_programme (f->store, p, "  ", &error));
  assert_invalid (error, "Say why the period or the plan changes");
  g_clear_error (&error);
  g_assert_true (nst_store_save_programme (f->store, p, "по обоюдному согласию", &error));
  g_assert_no_error (error);

  back = nst_store_get_programme (f->store, nst_programme_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nst_programme_get_ends_on (back), ==, "2026-06-30");
  g_assert_cmpuint (g_list_model_get_n_items (nst_programme_get_items (back)), ==, 7);
  g_assert_cmpstr (nst_plan_item_get_activity (item_at (back, 6)), ==, "Открытый урок наставляемого");
  g_assert_cmpuint (nst_plan_item_get_position (item_at (back, 6)), ==, 7);
  g_assert_cmpuint (n_occurrences (item_at (back, 6)), ==, 1);
  /* The quarter's end is still a date of the new rule: its mark stays. */
  g_assert_true (nst_plan_occurrence_is_done (occurrence_at (item_at (back, 1), 0)));
  g_assert_cmpstr (nst_plan_occurrence_get_due_on (occurrence_at (item_at (back, 1), 0)), ==, quarter_end);
  /* The Thursday is no date of the new rule, but the work was done. */
  g_assert_nonnull (nst_plan_item_find_occurrence (item_at (back, 4), first_thursday));
  g_assert_true (nst_plan_occurrence_is_done (nst_plan_item_find_occurrence (item_at (back, 4), first_thursday)));
  g_assert_nonnull (nst_plan_item_find_occurrence (item_at (back, 4), "2025-11-28"));

  history = nst_store_list_programme_history (f->store, nst_programme_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(NstHistoryEntry) e = g_list_model_get_item (G_LIST_MODEL (history), i);
      g_autofree char *description = nst_history_entry_dup_description (e);

      g_test_message ("%s %s (%s)", nst_history_entry_get_changed_on (e), description,
                      nst_history_entry_get_note (e));
      g_assert_cmpstr (nst_change_to_code (nst_history_entry_get_change (e)), ==, expected[i]);
      if (i >= 2)
        {
          g_assert_cmpstr (nst_history_entry_get_note (e), ==, "по обоюдному согласию");
          g_assert_cmpstr (nst_history_entry_get_changed_on (e), ==, TEST_TODAY);
        }
      if (i == 2)
        {
          g_assert_true (g_str_has_prefix (description, "Period: from 15.09.2025 to "));
          g_assert_true (g_str_has_suffix (description, " → from 15.09.2025 to 30.06.2026"));
        }
      if (i == 7)
        g_assert_cmpstr (description, ==, "Changed: goal");
    }
}

/* A draft changes freely; nothing asks for a reason. */
static void
test_draft_changes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(NstGroup) g = active_pair (f);
  g_autoptr(NstProgramme) p = saved_from_template (f, g);
  g_autoptr(GError) error = NULL;

  nst_programme_set_ends_on (p, "2026-04-30");
  g_assert_true (nst_store_save_programme (f->store, p, NULL, &error));
  g_assert_no_error (error);
  nst_programme_set_ends_on (p, "2025-09-01");
  g_assert_false (nst_store_save_programme (f->store, p, NULL, &error));
  assert_invalid (error, "ends before it starts");
  g_clear_error (&error);
  nst_programme_set_ends_on (p, "2026-04-30");
  nst_programme_set_starts_on (p, "2026-09-01");
  g_assert_false (nst_store_save_programme (f->store, p, NULL, &error));
  assert_invalid (error, "school year 2025/2026");
  g_clear_error (&error);
  nst_programme_set_starts_on (p, "2025-09-15");
  while (g_list_model_get_n_items (nst_programme_get_items (p)) > 0)
    nst_programme_remove_item (p, 0);
  g_assert_false (nst_store_save_programme (f->store, p, NULL, &error));
  assert_invalid (error, "Add at least one activity");
  g_clear_error (&error);
  g_assert_true (nst_store_delete_programme (f->store, nst_programme_get_id (p), &error));
  g_assert_no_error (error);
}

/* A schedule the program does not read is one occurrence: the period. */
static void
test_unknown_schedule (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(NstGroup) g = active_pair (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(NstProgramme) p = nst_store_prepare_programme (f->store, nst_group_get_id (g), 0, &error);
  g_autoptr(NstPlanItem) item = nst_plan_item_new ();
  g_autofree char *problem = NULL;

  g_assert_no_error (error);
  nst_plan_item_set_activity (item, "Консультации");
  problem = nst_plan_item_check (item);
  g_assert_nonnull (strstr (problem, "Enter the schedule"));
  nst_plan_item_set_schedule (item, "по запросу наставляемого");
  g_assert_false (nst_plan_item_get_schedule_understood (item));
  nst_programme_add_item (p, item);
  g_assert_true (nst_store_save_programme (f->store, p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_occurrences (item), ==, 1);
  g_assert_cmpstr (nst_plan_occurrence_get_starts_on (occurrence_at (item, 0)), ==, nst_programme_get_starts_on (p));
  g_assert_cmpstr (nst_plan_occurrence_get_due_on (occurrence_at (item, 0)), ==, nst_programme_get_ends_on (p));
}

/* ---- status and the end ------------------------------------------------------------ */

static void
test_status_and_end (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "", "2000-08-25", "всё", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) mentee = add_person (f->store, "Белова", "Вера", NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_ALL);
  g_autoptr(NstGroup) g = save_pair (f->store, mentor, mentee);
  g_autoptr(NstProgramme) p = saved_from_template (f, g);
  g_autoptr(NstProgramme) back = NULL;
  g_autoptr(GListStore) history = NULL;
  g_autoptr(GError) error = NULL;

  /* A programme starts with its pair. */
  g_assert_false (nst_store_change_programme_status (f->store, p, NST_PROGRAMME_STATUS_ACTIVE, NULL, NULL, &error));
  assert_invalid (error, "approve the pair by order first");
  g_clear_error (&error);
  nst_store_change_group_status (f->store, g, NST_GROUP_STATUS_APPROVED, "2025-09-12", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nst_store_change_programme_status (f->store, p, NST_PROGRAMME_STATUS_ACTIVE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (nst_store_delete_programme (f->store, nst_programme_get_id (p), &error));
  assert_invalid (error, "Only a draft programme");
  g_clear_error (&error);

  /* The pair ends: its programme with it, for the same reason. */
  nst_store_end_group (f->store, g, NST_END_REASON_CURATOR, "2025-11-01", "форс-мажор", &error);
  g_assert_no_error (error);
  back = nst_store_get_programme (f->store, nst_programme_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_programme_get_status (back), ==, NST_PROGRAMME_STATUS_TERMINATED);
  g_assert_cmpuint (nst_programme_get_end_reason (back), ==, NST_END_REASON_CURATOR);
  g_assert_cmpstr (nst_programme_get_ended_on (back), ==, "2025-11-01");
  history = nst_store_list_programme_history (f->store, nst_programme_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 3);
  g_assert_false (nst_store_end_programme (f->store, back, NST_END_REASON_PLAN_DONE, "2025-11-02", NULL, &error));
  assert_invalid (error, "end is final");
  g_clear_error (&error);
  nst_programme_set_result (back, "Присвоена первая категория");
  g_assert_false (nst_store_save_programme (f->store, back, "итог", &error));
  assert_invalid (error, "record is kept");
}

static void
test_end_programme (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(NstGroup) g = active_pair (f);
  g_autoptr(NstProgramme) p = saved_from_template (f, g);
  g_autoptr(GError) error = NULL;

  g_assert_false (nst_store_end_programme (f->store, p, NST_END_REASON_NONE, "2025-11-01", NULL, &error));
  assert_invalid (error, "Choose why the programme ends");
  g_clear_error (&error);
  g_assert_false (nst_store_end_programme (f->store, p, NST_END_REASON_PLAN_DONE, "2025-09-01", NULL, &error));
  assert_invalid (error, "before it starts");
  g_clear_error (&error);
  g_assert_true (nst_store_end_programme (f->store, p, NST_END_REASON_PLAN_DONE, "2025-11-14", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nst_programme_get_status (p), ==, NST_PROGRAMME_STATUS_FINISHED);
  /* The pair goes on. */
  g_assert_cmpint (raw_int (f->store, "SELECT count(*) FROM mentoring_group WHERE status = 'active'"), ==, 1);
}

/* ---- save as template --------------------------------------------------------------- */

static void
test_save_as_template (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(NstGroup) g = active_pair (f);
  g_autoptr(NstProgramme) p = saved_from_template (f, g);
  g_autoptr(NstPlanItem) dated = nst_plan_item_new ();
  g_autoptr(NstProgrammeTemplate) t = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstParticipant) mentor = NULL, mentee = NULL;
  g_autoptr(NstGroup) next = NULL;
  g_autoptr(NstProgramme) next_year = NULL;
  g_autoptr(GListStore) templates = NULL;
  g_autoptr(GError) error = NULL;

  nst_plan_item_set_activity (dated, "Открытый урок");
  nst_plan_item_set_schedule (dated, "до 20.12.2025");
  nst_programme_add_item (p, dated);
  nst_programme_set_goal (p, "Закрепление в профессии");
  g_assert_null (nst_store_save_programme_as_template (f->store, p, " ", &error));
  assert_invalid (error, "Enter the template's title");
  g_clear_error (&error);
  t = nst_store_save_programme_as_template (f->store, p, "Молодой учитель математики", &error);
  g_assert_no_error (error);
  g_assert_cmpint (nst_programme_template_get_id (t), >, NST_BUILTIN_TEMPLATE_ID);
  g_assert_false (nst_programme_template_get_builtin (t));
  g_assert_cmpuint (nst_programme_template_get_school_year (t), ==, 2025);
  templates = nst_store_list_templates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (templates)), ==, 2);

  /* A year later, a new pair's programme from it has its dates moved. */
  school = nst_store_load_school (f->store, &error);
  nst_school_set_school_year (school, 2026);
  nst_store_save_school (f->store, school, &error);
  g_assert_no_error (error);
  mentor = add_person (f->store, "Панова", "Нина", NST_CATEGORY_TEACHER, "", "1999-08-25", "всё", NULL, PERSON_CONSENTS_ALL);
  mentee = add_person (f->store, "Гусева", "Юлия", NST_CATEGORY_TEACHER, "", NULL, NULL, "x", PERSON_CONSENTS_ALL);
  next = save_pair (f->store, mentor, mentee);
  next_year = nst_store_prepare_programme (f->store, nst_group_get_id (next), nst_programme_template_get_id (t), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_programme_get_school_year (next_year), ==, 2026);
  g_assert_cmpstr (nst_programme_get_goal (next_year), ==, "Закрепление в профессии");
  g_assert_cmpuint (g_list_model_get_n_items (nst_programme_get_items (next_year)), ==, 8);
  g_assert_cmpstr (nst_plan_item_get_schedule (item_at (next_year, 0)), ==, "Январь 2026 Сентябрь 2027");
  g_assert_cmpstr (nst_plan_item_get_schedule (item_at (next_year, 7)), ==, "до 20.12.2026");
  g_assert_true (nst_store_delete_template (f->store, nst_programme_template_get_id (t), &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  groups_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, groups_fixture_set_up, func, groups_fixture_tear_down)

  ADD ("/programmes/template/builtin", test_builtin_template);
  g_test_add_func ("/programmes/template/shift-years", test_shift_years);
  ADD ("/programmes/template/new-programme", test_from_template);
  ADD ("/programmes/template/save-as", test_save_as_template);
  ADD ("/programmes/schedule/school-quarters", test_school_quarters);
  ADD ("/programmes/schedule/not-understood", test_unknown_schedule);
  ADD ("/programmes/marks-and-progress", test_marks_and_progress);
  ADD ("/programmes/changes/history", test_changes);
  ADD ("/programmes/changes/draft", test_draft_changes);
  ADD ("/programmes/status-and-end", test_status_and_end);
  ADD ("/programmes/end", test_end_programme);

#undef ADD

  return g_test_run ();
}
