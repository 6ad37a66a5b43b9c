/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

/* The private header gives the store's connection, to check what the
 * database itself allows. */
#include "schedule/nst-date.h"
#include "demo/nst-demo.h"
#include "model/nst-roadmap-template.h"
#include "store/nst-store-private.h"
#include "store/nst-store-roadmap.h"

typedef struct
{
  char *dir;
  NstStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("nst-test-roadmap-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "nastavnik.db", NULL);
  f->store = nst_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GDate
dmy (guint day,
     guint month,
     guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static GDate
iso (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (nst_date_parse_iso (text, &date));
  return date;
}

static NstRoadmapItem *
item_at (NstRoadmap *roadmap,
         guint       section,
         guint       position)
{
  return nst_roadmap_section_get_item (nst_roadmap_get_section (roadmap, section), position);
}

static void
assert_dates (NstRoadmapItem *item,
              const char     *start,
              const char     *end)
{
  g_assert_cmpstr (nst_roadmap_item_get_starts_on (item), ==, start);
  g_assert_cmpstr (nst_roadmap_item_get_ends_on (item), ==, end);
}

/* ---- the template ------------------------------------------------------------ */

static void
test_template_counts (void)
{
  g_autoptr(NstRoadmap) roadmap = nst_roadmap_template_new (NST_ROADMAP_TEMPLATE_FIRST_YEAR);
  static const guint per_section[] = { 5, 3, 2, 3, 4 };
  static const char *const titles[] = {
    "Организационно-методическое сопровождение деятельности",
    "Программно-методическое сопровождение деятельности",
    "Аналитическое сопровождение деятельности, мониторинг",
    "Информационное сопровождение деятельности",
    "Управление реализацией Целевой модели наставничеств на уровне образовательной организации",
  };

  g_assert_cmpuint (nst_roadmap_get_n_sections (roadmap), ==, NST_ROADMAP_TEMPLATE_N_SECTIONS);
  g_assert_cmpuint (nst_roadmap_count_items (roadmap), ==, NST_ROADMAP_TEMPLATE_N_ITEMS);
  for (guint s = 0; s < G_N_ELEMENTS (titles); s++)
    {
      NstRoadmapSection *section = nst_roadmap_get_section (roadmap, s);

      g_assert_cmpstr (nst_roadmap_section_get_title (section), ==, titles[s]);
      g_assert_cmpuint (nst_roadmap_section_get_n_items (section), ==, per_section[s]);
      for (guint i = 0; i < per_section[s]; i++)
        {
          NstRoadmapItem *item = nst_roadmap_section_get_item (section, i);

          g_assert_cmpuint (nst_roadmap_item_get_position (item), ==, i);
          g_assert_cmpstr (nst_roadmap_item_get_content (item), !=, "");
          g_assert_cmpstr (nst_roadmap_item_get_expected_result (item), !=, "");
          g_assert_cmpstr (nst_roadmap_item_get_responsible (item), !=, "");
          g_assert_null (nst_roadmap_item_check (item, NULL));
        }
    }
  g_assert_cmpstr (nst_roadmap_get_starts_on (roadmap), ==, "2021-09-01");
  g_assert_cmpstr (nst_roadmap_get_ends_on (roadmap), ==, "2024-08-31");
  g_assert_cmpstr (nst_roadmap_item_get_content (item_at (roadmap, 0, 0)), ==,
                   "Формирование базы наставляемых из числа обучающихся, педагогов, партнеров и т.д.");
  g_assert_cmpstr (nst_roadmap_item_get_schedule (item_at (roadmap, 0, 0)), ==,
                   "В течение всего периода реализации ЦМН");
  g_assert_cmpstr (nst_roadmap_item_get_indicator_target (item_at (roadmap, 0, 0)), ==, "не менее 10 %");
  g_assert_cmpstr (nst_roadmap_item_get_responsible (item_at (roadmap, 0, 0)), ==,
                   "куратор целевой модели наставничества, Директор школы, администрация школы");
  g_assert_cmpstr (nst_roadmap_item_get_content (item_at (roadmap, 4, 2)), ==,
                   "Разработка дорожной карты на 2021-2024 учебный год");
  g_assert_cmpstr (nst_roadmap_item_get_schedule (item_at (roadmap, 4, 2)), ==, "15.09.2021");
  g_assert_cmpstr (nst_roadmap_item_get_schedule (item_at (roadmap, 3, 0)), ==, "До 25.10.2021");
  g_assert_cmpstr (nst_roadmap_item_get_indicator_target (item_at (roadmap, 3, 2)), ==, "не менее 90 %");
  g_assert_cmpstr (nst_roadmap_item_get_indicator_target (item_at (roadmap, 4, 3)), ==, "не менее 3");
}

/* Every schedule but «По отдельному графику» reads as a date, a period or
 * a rule. */
static void
test_template_timings (void)
{
  g_autoptr(NstRoadmap) roadmap = nst_roadmap_template_new (2021);
  static const struct
  {
    guint section, position;
    NstRoadmapTiming timing;
    const char *start, *end;
  } expected[] = {
    { 0, 0, NST_ROADMAP_TIMING_PERIOD, "", "" },
    { 0, 1, NST_ROADMAP_TIMING_NONE, "", "" },
    { 0, 2, NST_ROADMAP_TIMING_PERIOD, "", "" },
    { 0, 3, NST_ROADMAP_TIMING_PERIOD, "", "" },
    { 0, 4, NST_ROADMAP_TIMING_PERIOD, "", "" },
    { 1, 0, NST_ROADMAP_TIMING_RECURRING, "", "" },
    { 1, 1, NST_ROADMAP_TIMING_RECURRING, "", "" },
    { 1, 2, NST_ROADMAP_TIMING_PERIOD, "", "" },
    { 2, 0, NST_ROADMAP_TIMING_RECURRING, "", "" },
    { 2, 1, NST_ROADMAP_TIMING_PERIOD, "2021-09-01", "2024-05-31" },
    { 3, 0, NST_ROADMAP_TIMING_DATE, "2021-10-25", "2021-10-25" },
    { 3, 1, NST_ROADMAP_TIMING_DATE, "2021-11-01", "2021-11-01" },
    { 3, 2, NST_ROADMAP_TIMING_RECURRING, "", "" },
    { 4, 0, NST_ROADMAP_TIMING_PERIOD, "", "" },
    { 4, 1, NST_ROADMAP_TIMING_PERIOD, "", "" },
    { 4, 2, NST_ROADMAP_TIMING_DATE, "2021-09-15", "2021-09-15" },
    { 4, 3, NST_ROADMAP_TIMING_PERIOD, "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      NstRoadmapItem *item = item_at (roadmap, expected[i].section, expected[i].position);

      g_assert_cmpint (nst_roadmap_item_get_timing (item), ==, expected[i].timing);
      assert_dates (item, expected[i].start, expected[i].end);
      if (expected[i].timing == NST_ROADMAP_TIMING_NONE)
        g_assert_null (nst_roadmap_item_get_parsed_schedule (item));
      else
        g_assert_nonnull (nst_roadmap_item_get_parsed_schedule (item));
    }
  g_assert_cmpint (nst_roadmap_item_get_timing (item_at (roadmap, 4, 2)), ==, NST_ROADMAP_TIMING_DATE);
  g_assert_true (nst_roadmap_item_get_can_move (item_at (roadmap, 3, 0)));
  g_assert_true (nst_roadmap_item_get_can_move (item_at (roadmap, 2, 1)));
  g_assert_false (nst_roadmap_item_get_can_move (item_at (roadmap, 2, 0)));
  g_assert_false (nst_roadmap_item_get_can_move (item_at (roadmap, 0, 0)));
  g_assert_false (nst_roadmap_item_get_can_move (item_at (roadmap, 0, 1)));
}

static int
julian_of (const char *iso_date)
{
  GDate date = iso (iso_date);

  return g_date_get_julian (&date);
}

/* Loading the template for another period moves every date by whole
 * school years, and the rules give as many occurrences. */
static void
test_template_shift (void)
{
  g_autoptr(NstRoadmap) seed = nst_roadmap_template_new (2021);
  g_autoptr(NstRoadmap) moved = nst_roadmap_template_new (2025);
  GDate start, end;

  g_assert_true (nst_roadmap_get_period (moved, &start, &end));
  g_assert_cmpstr (nst_roadmap_get_starts_on (moved), ==, "2025-09-01");
  g_assert_cmpstr (nst_roadmap_get_ends_on (moved), ==, "2028-08-31");
  g_assert_true (strstr (nst_roadmap_get_title (moved), "2025-2028") != NULL);
  g_assert_cmpstr (nst_roadmap_item_get_content (item_at (moved, 4, 2)), ==,
                   "Разработка дорожной карты на 2025-2028 учебный год");
  g_assert_cmpstr (nst_roadmap_item_get_schedule (item_at (moved, 3, 0)), ==, "До 25.10.2025");
  g_assert_cmpstr (nst_roadmap_item_get_schedule (item_at (moved, 2, 1)), ==, "Сентябрь 2025 – Май 2028");
  for (guint s = 0; s < nst_roadmap_get_n_sections (seed); s++)
    for (guint i = 0; i < nst_roadmap_section_get_n_items (nst_roadmap_get_section (seed, s)); i++)
      {
        NstRoadmapItem *a = item_at (seed, s, i), *b = item_at (moved, s, i);
        g_autoptr(GArray) oa = nst_roadmap_dup_item_occurrences (seed, a, NULL, NULL);
        g_autoptr(GArray) ob = nst_roadmap_dup_item_occurrences (moved, b, NULL, NULL);

        g_assert_cmpint (nst_roadmap_item_get_timing (a), ==, nst_roadmap_item_get_timing (b));
        g_assert_cmpuint (oa->len, ==, ob->len);
        for (guint k = 0; k < oa->len; k++)
          {
            GDate due = g_array_index (oa, NstRoadmapOccurrence, k).due;

            /* Four years on: the same day and month, four years later. */
            g_date_add_years (&due, 4);
            g_assert_cmpint (g_date_compare (&due, &g_array_index (ob, NstRoadmapOccurrence, k).due), ==, 0);
          }
        if (*nst_roadmap_item_get_starts_on (a))
          g_assert_cmpint (julian_of (nst_roadmap_item_get_starts_on (b)) -
                           julian_of (nst_roadmap_item_get_starts_on (a)), ==, 365 * 4 + 1);
      }
}

/* ---- occurrences and states ------------------------------------------------- */

static NstDeadlineState
state_at (NstRoadmapItem *item,
          GArray         *occurrences,
          guint           index,
          const char     *status_date)
{
  GDate day = iso (status_date);

  if (index == G_MAXUINT)
    return nst_roadmap_item_get_state (item, occurrences, &day);
  return nst_roadmap_occurrence_get_state (&g_array_index (occurrences, NstRoadmapOccurrence, index), &day);
}

static void
test_occurrences_yearly (void)
{
  g_autoptr(NstRoadmap) roadmap = nst_roadmap_template_new (2021);
  NstRoadmapItem *item = item_at (roadmap, 1, 0);   /* До 01.11 каждого учебного года */
  g_autoptr(GArray) occurrences = NULL;
  GDate due = dmy (1, 11, 2021), done = dmy (28, 10, 2021), cancelled_due = dmy (1, 11, 2023);

  nst_roadmap_item_set_record (item, &due, NST_ROADMAP_STATUS_DONE, &done);
  nst_roadmap_item_set_record (item, &cancelled_due, NST_ROADMAP_STATUS_CANCELLED, NULL);
  occurrences = nst_roadmap_dup_item_occurrences (roadmap, item, NULL, NULL);
  g_assert_cmpuint (occurrences->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      GDate expected = dmy (1, 11, 2021 + i);

      g_assert_cmpint (g_date_compare (&g_array_index (occurrences, NstRoadmapOccurrence, i).due, &expected), ==, 0);
    }
  /* Done on 28.10: not yet on 27.10, when it was due in five days. */
  g_assert_cmpint (state_at (item, occurrences, 0, "2021-10-27"), ==, NST_DEADLINE_DUE_SOON);
  g_assert_cmpint (state_at (item, occurrences, 0, "2021-10-28"), ==, NST_DEADLINE_DONE);
  g_assert_cmpint (state_at (item, occurrences, 1, "2022-10-01"), ==, NST_DEADLINE_PLANNED);
  g_assert_cmpint (state_at (item, occurrences, 1, "2022-10-25"), ==, NST_DEADLINE_DUE_SOON);
  g_assert_cmpint (state_at (item, occurrences, 1, "2022-11-01"), ==, NST_DEADLINE_DUE_SOON);
  g_assert_cmpint (state_at (item, occurrences, 1, "2022-11-02"), ==, NST_DEADLINE_OVERDUE);
  g_assert_cmpint (state_at (item, occurrences, 2, "2022-11-02"), ==, NST_DEADLINE_CANCELLED);
  /* The item: the most pressing of its occurrences. */
  g_assert_cmpint (state_at (item, occurrences, G_MAXUINT, "2022-10-01"), ==, NST_DEADLINE_PLANNED);
  g_assert_cmpint (state_at (item, occurrences, G_MAXUINT, "2022-10-25"), ==, NST_DEADLINE_DUE_SOON);
  g_assert_cmpint (state_at (item, occurrences, G_MAXUINT, "2022-11-02"), ==, NST_DEADLINE_OVERDUE);

  /* Unmarking brings the plain state back. */
  nst_roadmap_item_set_record (item, &cancelled_due, NST_ROADMAP_STATUS_PLANNED, NULL);
  g_clear_pointer (&occurrences, g_array_unref);
  occurrences = nst_roadmap_dup_item_occurrences (roadmap, item, NULL, NULL);
  g_assert_cmpint (state_at (item, occurrences, 2, "2022-11-02"), ==, NST_DEADLINE_PLANNED);
  g_assert_cmpuint (nst_roadmap_item_get_records (item)->len, ==, 1);
}

static void
test_occurrences_quarterly (void)
{
  g_autoptr(NstRoadmap) roadmap = nst_roadmap_template_new (2021);
  NstRoadmapItem *item = item_at (roadmap, 2, 0);   /* 1 раз в четверть */
  g_autoptr(GArray) occurrences = nst_roadmap_dup_item_occurrences (roadmap, item, NULL, NULL);
  const NstRoadmapOccurrence *first = &g_array_index (occurrences, NstRoadmapOccurrence, 0);
  NstSchoolQuarters quarters;

  nst_school_quarters_default (2021, &quarters);
  g_assert_cmpuint (occurrences->len, ==, 12);
  g_assert_cmpint (g_date_compare (&first->due, &quarters.ends[0]), ==, 0);
  g_assert_cmpint (g_date_compare (&first->start, &quarters.starts[0]), ==, 0);
  for (guint i = 1; i < occurrences->len; i++)
    g_assert_cmpint (g_date_compare (&g_array_index (occurrences, NstRoadmapOccurrence, i - 1).due,
                                     &g_array_index (occurrences, NstRoadmapOccurrence, i).due), <, 0);
  /* Nothing marked: everything before the status date is late. */
  g_assert_cmpint (state_at (item, occurrences, 0, "2021-12-01"), ==, NST_DEADLINE_OVERDUE);
  g_assert_cmpint (state_at (item, occurrences, 1, "2021-12-01"), ==, NST_DEADLINE_PLANNED);
  g_assert_cmpint (state_at (item, occurrences, G_MAXUINT, "2021-12-01"), ==, NST_DEADLINE_OVERDUE);
}

/* Items with one occurrence keep their state in the item's status. */
static void
test_occurrences_single (void)
{
  g_autoptr(NstRoadmap) roadmap = nst_roadmap_template_new (2021);
  NstRoadmapItem *deadline = item_at (roadmap, 3, 0);   /* До 25.10.2021 */
  NstRoadmapItem *throughout = item_at (roadmap, 4, 0); /* Весь период */
  NstRoadmapItem *unknown = item_at (roadmap, 0, 1);    /* По отдельному графику */
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GArray) c = NULL;

  nst_roadmap_item_set_status (deadline, NST_ROADMAP_STATUS_DONE);
  nst_roadmap_item_set_done_on (deadline, "2021-10-20");
  a = nst_roadmap_dup_item_occurrences (roadmap, deadline, NULL, NULL);
  g_assert_cmpuint (a->len, ==, 1);
  g_assert_cmpint (state_at (deadline, a, 0, "2021-10-19"), ==, NST_DEADLINE_DUE_SOON);
  g_assert_cmpint (state_at (deadline, a, 0, "2021-10-20"), ==, NST_DEADLINE_DONE);

  b = nst_roadmap_dup_item_occurrences (roadmap, throughout, NULL, NULL);
  g_assert_cmpuint (b->len, ==, 1);
  g_assert_cmpstr (nst_roadmap_get_starts_on (roadmap), ==, "2021-09-01");
  g_assert_cmpint (julian_of ("2021-09-01"), ==, g_date_get_julian (&g_array_index (b, NstRoadmapOccurrence, 0).start));
  g_assert_cmpint (julian_of ("2024-08-31"), ==, g_date_get_julian (&g_array_index (b, NstRoadmapOccurrence, 0).due));
  nst_roadmap_item_set_status (throughout, NST_ROADMAP_STATUS_CANCELLED);
  g_assert_cmpint (state_at (throughout, b, G_MAXUINT, "2022-01-01"), ==, NST_DEADLINE_CANCELLED);

  c = nst_roadmap_dup_item_occurrences (roadmap, unknown, NULL, NULL);
  g_assert_cmpuint (c->len, ==, 0);
  g_assert_cmpint (state_at (unknown, c, G_MAXUINT, "2022-01-01"), ==, NST_DEADLINE_PLANNED);
}

/* ---- items -------------------------------------------------------------------- */

static void
test_item_set_dates (void)
{
  g_autoptr(NstRoadmap) roadmap = nst_roadmap_template_new (2021);
  NstRoadmapItem *deadline = item_at (roadmap, 3, 0);
  NstRoadmapItem *period = item_at (roadmap, 2, 1);
  NstRoadmapItem *unknown = item_at (roadmap, 0, 1);
  NstRoadmapItem *rule = item_at (roadmap, 1, 0);
  GDate a = dmy (30, 10, 2021), b = dmy (4, 9, 2021), c = dmy (3, 6, 2024);

  nst_roadmap_item_set_dates (deadline, &a, &a);
  g_assert_cmpstr (nst_roadmap_item_get_schedule (deadline), ==, "До 30.10.2021");
  assert_dates (deadline, "2021-10-30", "2021-10-30");

  nst_roadmap_item_set_dates (period, &b, &c);
  g_assert_cmpstr (nst_roadmap_item_get_schedule (period), ==, "С 04.09.2021 по 03.06.2024");
  assert_dates (period, "2021-09-04", "2024-06-03");
  g_assert_cmpint (nst_roadmap_item_get_timing (period), ==, NST_ROADMAP_TIMING_PERIOD);

  nst_roadmap_item_set_dates (unknown, &b, &c);
  g_assert_cmpstr (nst_roadmap_item_get_schedule (unknown), ==, "По отдельному графику");
  g_assert_cmpint (nst_roadmap_item_get_timing (unknown), ==, NST_ROADMAP_TIMING_PERIOD);
  g_assert_true (nst_roadmap_item_get_can_move (unknown));

  /* A rule keeps its words; the dates bound it. */
  nst_roadmap_item_set_dates (rule, &b, &c);
  g_assert_cmpstr (nst_roadmap_item_get_schedule (rule), ==, "До 01.11 каждого учебного года");
  {
    g_autoptr(GArray) occurrences = nst_roadmap_dup_item_occurrences (roadmap, rule, NULL, NULL);

    g_assert_cmpuint (occurrences->len, ==, 3);
  }
  /* Leaving a dated schedule clears its dates; a new one sets them. */
  nst_roadmap_item_set_schedule (deadline, "1 раз в четверть");
  assert_dates (deadline, "", "");
  nst_roadmap_item_set_schedule (deadline, "с 01.02.2022 по 28.02.2022");
  assert_dates (deadline, "2022-02-01", "2022-02-28");
}

static void
test_item_indicator (void)
{
  g_autoptr(NstRoadmapItem) item = nst_roadmap_item_new ();

  g_assert_cmpint (nst_roadmap_item_get_indicator_met (item), ==, -1);
  nst_roadmap_item_set_indicator_target (item, "не менее 10 %");
  nst_roadmap_item_set_indicator_value (item, "12 %");
  g_assert_cmpint (nst_roadmap_item_get_indicator_met (item), ==, 1);
  nst_roadmap_item_set_indicator_value (item, "9,5%");
  g_assert_cmpint (nst_roadmap_item_get_indicator_met (item), ==, 0);
  nst_roadmap_item_set_indicator_target (item, "Не более 5");
  nst_roadmap_item_set_indicator_value (item, "3");
  g_assert_cmpint (nst_roadmap_item_get_indicator_met (item), ==, 1);
  nst_roadmap_item_set_indicator_value (item, "нет данных");
  g_assert_cmpint (nst_roadmap_item_get_indicator_met (item), ==, -1);
}

static void
test_item_check (void)
{
  g_autoptr(NstRoadmapItem) item = nst_roadmap_item_new ();
  GDate today = iso ("2025-11-15");
  g_autofree char *empty = nst_roadmap_item_check (item, &today);
  g_autofree char *bad = NULL;
  g_autofree char *undated = NULL;
  g_autofree char *future = NULL;
  g_autofree char *reversed = NULL;

  g_assert_nonnull (empty);
  nst_roadmap_item_set_content (item, "Мероприятие");
  nst_roadmap_item_set_schedule (item, "до 31.02.2025");
  bad = nst_roadmap_item_check (item, &today);
  g_assert_nonnull (bad);
  nst_roadmap_item_set_schedule (item, "По отдельному графику");
  g_assert_null (nst_roadmap_item_check (item, &today));
  nst_roadmap_item_set_status (item, NST_ROADMAP_STATUS_DONE);
  undated = nst_roadmap_item_check (item, &today);
  g_assert_nonnull (undated);
  nst_roadmap_item_set_done_on (item, "2025-12-01");
  future = nst_roadmap_item_check (item, &today);
  g_assert_nonnull (future);
  nst_roadmap_item_set_done_on (item, "2025-11-01");
  g_assert_null (nst_roadmap_item_check (item, &today));
  /* Leaving «done» drops the date. */
  nst_roadmap_item_set_status (item, NST_ROADMAP_STATUS_IN_PROGRESS);
  g_assert_cmpstr (nst_roadmap_item_get_done_on (item), ==, "");
  nst_roadmap_item_set_starts_on (item, "2025-05-01");
  nst_roadmap_item_set_ends_on (item, "2025-04-01");
  reversed = nst_roadmap_item_check (item, &today);
  g_assert_nonnull (reversed);
}

typedef struct
{
  guint count;
} Notified;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Notified   *notified)
{
  notified->count++;
}

/* Setters notify only on change. */
static void
test_item_notify (void)
{
  g_autoptr(NstRoadmapItem) item = nst_roadmap_item_new ();
  Notified notified = { 0 };

  g_signal_connect (item, "notify::content", G_CALLBACK (notify_cb), &notified);
  nst_roadmap_item_set_content (item, "А");
  nst_roadmap_item_set_content (item, " А ");
  g_assert_cmpuint (notified.count, ==, 1);
  g_object_set (item, "content", "Б", NULL);
  g_assert_cmpuint (notified.count, ==, 2);
}

/* ---- the store ------------------------------------------------------------------ */

static void
assert_same_items (NstRoadmap *a,
                   NstRoadmap *b)
{
  g_assert_cmpuint (nst_roadmap_get_n_sections (a), ==, nst_roadmap_get_n_sections (b));
  for (guint s = 0; s < nst_roadmap_get_n_sections (a); s++)
    {
      NstRoadmapSection *sa = nst_roadmap_get_section (a, s), *sb = nst_roadmap_get_section (b, s);

      g_assert_cmpstr (nst_roadmap_section_get_title (sa), ==, nst_roadmap_section_get_title (sb));
      g_assert_cmpint (nst_roadmap_section_get_id (sa), ==, nst_roadmap_section_get_id (sb));
      g_assert_cmpuint (nst_roadmap_section_get_n_items (sa), ==, nst_roadmap_section_get_n_items (sb));
      for (guint i = 0; i < nst_roadmap_section_get_n_items (sa); i++)
        {
          NstRoadmapItem *x = nst_roadmap_section_get_item (sa, i), *y = nst_roadmap_section_get_item (sb, i);
          static const char *const fields[] = {
            "content", "schedule", "starts-on", "ends-on", "expected-result", "indicator",
            "indicator-target", "indicator-value", "indicator-on", "responsible", "done-on",
            "responsible-people",
          };

          g_assert_cmpint (nst_roadmap_item_get_id (x), ==, nst_roadmap_item_get_id (y));
          g_assert_cmpint (nst_roadmap_item_get_status (x), ==, nst_roadmap_item_get_status (y));
          g_assert_cmpuint (nst_roadmap_item_get_records (x)->len, ==, nst_roadmap_item_get_records (y)->len);
          for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
            {
              g_autofree char *vx = NULL;
              g_autofree char *vy = NULL;

              g_object_get (x, fields[f], &vx, NULL);
              g_object_get (y, fields[f], &vy, NULL);
              g_assert_cmpstr (vx, ==, vy);
            }
        }
    }
}

static gint64
add_person (NstStore   *store,
            const char *surname,
            const char *name,
            const char *patronymic)
{
  g_autoptr(NstParticipant) p = nst_participant_new ();
  g_autoptr(GError) error = NULL;

  nst_participant_set_surname (p, surname);
  nst_participant_set_name (p, name);
  nst_participant_set_patronymic (p, patronymic);
  nst_participant_set_category (p, NST_CATEGORY_HEAD);
  nst_store_save_participant (store, p, NULL, &error);
  g_assert_no_error (error);
  return nst_participant_get_id (p);
}

static void
test_store_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) roadmap = nst_store_add_roadmap_from_template (f->store, 2021, &error);
  g_autoptr(NstRoadmap) loaded = NULL;
  g_autoptr(NstRoadmapItem) values = NULL;
  NstRoadmapItem *item;
  gint64 ids[2];
  GDate due = dmy (26, 10, 2021), done = dmy (20, 10, 2021), measured = dmy (1, 6, 2022);

  g_assert_no_error (error);
  g_assert_cmpint (nst_roadmap_get_id (roadmap), >, 0);
  item = item_at (roadmap, 2, 0);
  g_assert_cmpint (nst_roadmap_item_get_id (item), >, 0);
  g_assert_cmpint (nst_roadmap_item_get_section_id (item), ==,
                   nst_roadmap_section_get_id (nst_roadmap_get_section (roadmap, 2)));

  /* People, an indicator and a marked occurrence. */
  ids[0] = add_person (f->store, "Иванова", "Мария", "Петровна");
  ids[1] = add_person (f->store, "Петров", "Сергей", "Андреевич");
  values = nst_roadmap_item_copy (item);
  nst_roadmap_item_set_responsible_ids (values, ids, 2);
  nst_roadmap_item_set_expected_result (values, "Таблицы по учёту изменений");
  nst_store_update_roadmap_item (f->store, item, values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nst_roadmap_item_get_expected_result (item), ==, "Таблицы по учёту изменений");
  nst_store_set_roadmap_indicator_value (f->store, item, " 100 % ", &measured, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nst_roadmap_item_get_indicator_value (item), ==, "100 %");
  nst_store_set_roadmap_occurrence_status (f->store, item, &due, NST_ROADMAP_STATUS_DONE, &done, &error);
  g_assert_no_error (error);

  loaded = nst_store_load_roadmap (f->store, nst_roadmap_get_id (roadmap), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nst_roadmap_get_title (loaded), ==, nst_roadmap_get_title (roadmap));
  g_assert_cmpstr (nst_roadmap_get_starts_on (loaded), ==, "2021-09-01");
  {
    NstRoadmapItem *back = item_at (loaded, 2, 0);
    guint n;
    const gint64 *got = nst_roadmap_item_get_responsible_ids (back, &n);

    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpint (got[0], ==, ids[0]);
    g_assert_cmpint (got[1], ==, ids[1]);
    g_assert_cmpstr (nst_roadmap_item_get_responsible_people (back), ==, "Иванова М.П., Петров С.А.");
    g_assert_cmpstr (nst_roadmap_item_get_indicator_on (back), ==, "2022-06-01");
    g_assert_cmpuint (nst_roadmap_item_get_records (back)->len, ==, 1);
    g_assert_cmpint (nst_roadmap_item_get_indicator_met (back), ==, 1);
  }
  /* Saving gave the item its people's names, as loading does. */
  g_assert_cmpstr (nst_roadmap_item_get_responsible_people (item), ==, "Иванова М.П., Петров С.А.");
  assert_same_items (roadmap, loaded);
}

static void
assert_order (NstStore    *store,
              NstRoadmap  *roadmap,
              guint        section,
              const char  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) loaded = nst_store_load_roadmap (store, nst_roadmap_get_id (roadmap), &error);
  NstRoadmapSection *s = nst_roadmap_get_section (loaded, section);
  NstRoadmapSection *m = nst_roadmap_get_section (roadmap, section);
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GString) memory = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < nst_roadmap_section_get_n_items (s); i++)
    {
      g_string_append_printf (got, "%s%" G_GINT64_FORMAT, i ? " " : "",
                              nst_roadmap_item_get_id (nst_roadmap_section_get_item (s, i)));
      g_assert_cmpuint (nst_roadmap_item_get_position (nst_roadmap_section_get_item (m, i)), ==, i);
    }
  for (guint i = 0; i < nst_roadmap_section_get_n_items (m); i++)
    g_string_append_printf (memory, "%s%" G_GINT64_FORMAT, i ? " " : "",
                            nst_roadmap_item_get_id (nst_roadmap_section_get_item (m, i)));
  g_assert_cmpstr (got->str, ==, expected);
  g_assert_cmpstr (memory->str, ==, expected);
}

static char *
ids_of (NstRoadmapSection *section,
        const guint       *order,
        guint              n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? " " : "",
                            nst_roadmap_item_get_id (nst_roadmap_section_get_item (section, order[i])));
  return g_string_free (out, FALSE);
}

static void
test_store_reorder (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) roadmap = nst_store_add_roadmap_from_template (f->store, 2021, &error);
  NstRoadmapSection *org = nst_roadmap_get_section (roadmap, 0);
  NstRoadmapSection *info = nst_roadmap_get_section (roadmap, 3);
  NstRoadmapItem *moved = nst_roadmap_section_get_item (org, 0);
  g_autofree char *original = ids_of (org, (const guint[]) { 0, 1, 2, 3, 4 }, 5);
  g_autofree char *after = ids_of (org, (const guint[]) { 1, 2, 0, 3, 4 }, 5);
  g_autofree char *info_before = ids_of (info, (const guint[]) { 0, 1, 2 }, 3);
  g_autofree char *rest = ids_of (org, (const guint[]) { 1, 2, 3, 4 }, 4);
  g_autofree char *info_after = NULL;
  guint old_position = nst_roadmap_item_get_position (moved);

  g_assert_no_error (error);
  nst_store_move_roadmap_item (f->store, roadmap, moved, org, 2, &error);
  g_assert_no_error (error);
  assert_order (f->store, roadmap, 0, after);
  /* Undo: back where it was. */
  nst_store_move_roadmap_item (f->store, roadmap, moved, org, old_position, &error);
  g_assert_no_error (error);
  assert_order (f->store, roadmap, 0, original);

  /* To another section, at its end. */
  nst_store_move_roadmap_item (f->store, roadmap, moved, info, G_MAXUINT, &error);
  g_assert_no_error (error);
  info_after = g_strdup_printf ("%s %" G_GINT64_FORMAT, info_before, nst_roadmap_item_get_id (moved));
  assert_order (f->store, roadmap, 0, rest);
  assert_order (f->store, roadmap, 3, info_after);
  g_assert_cmpint (nst_roadmap_item_get_section_id (moved), ==, nst_roadmap_section_get_id (info));
  nst_store_move_roadmap_item (f->store, roadmap, moved, org, 0, &error);
  g_assert_no_error (error);
  assert_order (f->store, roadmap, 0, original);
  assert_order (f->store, roadmap, 3, info_before);

  /* Sections too. */
  nst_store_move_roadmap_section (f->store, roadmap, info, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(NstRoadmap) loaded = nst_store_load_roadmap (f->store, nst_roadmap_get_id (roadmap), &error);

    g_assert_cmpstr (nst_roadmap_section_get_title (nst_roadmap_get_section (loaded, 0)), ==,
                     "Информационное сопровождение деятельности");
    g_assert_cmpuint (nst_roadmap_section_get_position (info), ==, 0);
  }
}

static void
test_store_shift (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) roadmap = nst_store_add_roadmap_from_template (f->store, 2021, &error);
  NstRoadmapItem *deadline = item_at (roadmap, 3, 0);
  NstRoadmapItem *period = item_at (roadmap, 2, 1);
  NstRoadmapItem *rule = item_at (roadmap, 2, 0);
  GDate start, end;

  g_assert_no_error (error);
  nst_store_shift_roadmap_item (f->store, deadline, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nst_roadmap_item_get_schedule (deadline), ==, "До 30.10.2021");
  {
    g_autoptr(NstRoadmap) loaded = nst_store_load_roadmap (f->store, nst_roadmap_get_id (roadmap), &error);

    g_assert_cmpstr (nst_roadmap_item_get_schedule (item_at (loaded, 3, 0)), ==, "До 30.10.2021");
    assert_dates (item_at (loaded, 3, 0), "2021-10-30", "2021-10-30");
  }
  nst_store_shift_roadmap_item (f->store, deadline, -5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nst_roadmap_item_get_schedule (deadline), ==, "До 25.10.2021");

  /* A period moves whole; explicit dates set it back. */
  g_assert_true (nst_roadmap_item_get_dates (period, &start, &end));
  nst_store_shift_roadmap_item (f->store, period, -10, &error);
  g_assert_no_error (error);
  assert_dates (period, "2021-08-22", "2024-05-21");
  nst_store_set_roadmap_item_dates (f->store, period, &start, &end, &error);
  g_assert_no_error (error);
  assert_dates (period, "2021-09-01", "2024-05-31");

  /* A rule's dates follow the calendar. */
  g_assert_false (nst_store_shift_roadmap_item (f->store, rule, 3, &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A period cannot end before it starts. */
  g_assert_false (nst_store_set_roadmap_item_dates (f->store, period, &end, &start, &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  assert_dates (period, "2021-09-01", "2024-05-31");
}

static void
test_store_status (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) roadmap = nst_store_add_roadmap_from_template (f->store, 2021, &error);
  NstRoadmapItem *deadline = item_at (roadmap, 3, 0);
  NstRoadmapItem *rule = item_at (roadmap, 1, 0);
  GDate done = dmy (20, 10, 2021), due = dmy (1, 11, 2022);

  g_assert_no_error (error);
  /* Done needs its date. */
  g_assert_false (nst_store_set_roadmap_item_status (f->store, deadline, NST_ROADMAP_STATUS_DONE, NULL, &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nst_roadmap_item_get_status (deadline), ==, NST_ROADMAP_STATUS_PLANNED);

  /* An item with one occurrence: the occurrence's status is the item's. */
  nst_store_set_roadmap_occurrence_status (f->store, deadline, &done, NST_ROADMAP_STATUS_DONE, &done, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nst_roadmap_item_get_status (deadline), ==, NST_ROADMAP_STATUS_DONE);
  g_assert_cmpstr (nst_roadmap_item_get_done_on (deadline), ==, "2021-10-20");
  g_assert_cmpuint (nst_roadmap_item_get_records (deadline)->len, ==, 0);

  nst_store_set_roadmap_occurrence_status (f->store, rule, &due, NST_ROADMAP_STATUS_CANCELLED, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_roadmap_item_get_records (rule)->len, ==, 1);
  {
    g_autoptr(NstRoadmap) loaded = nst_store_load_roadmap (f->store, nst_roadmap_get_id (roadmap), &error);
    GArray *records = nst_roadmap_item_get_records (item_at (loaded, 1, 0));

    g_assert_cmpuint (records->len, ==, 1);
    g_assert_cmpint (g_array_index (records, NstRoadmapOccurrence, 0).status, ==, NST_ROADMAP_STATUS_CANCELLED);
    g_assert_cmpint (nst_roadmap_item_get_status (item_at (loaded, 3, 0)), ==, NST_ROADMAP_STATUS_DONE);
  }
  /* Undo: planned again, and the record goes. */
  nst_store_set_roadmap_occurrence_status (f->store, rule, &due, NST_ROADMAP_STATUS_PLANNED, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_roadmap_item_get_records (rule)->len, ==, 0);
  nst_store_set_roadmap_item_status (f->store, deadline, NST_ROADMAP_STATUS_PLANNED, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nst_roadmap_item_get_done_on (deadline), ==, "");
  {
    g_autoptr(NstRoadmap) loaded = nst_store_load_roadmap (f->store, nst_roadmap_get_id (roadmap), &error);

    g_assert_cmpuint (nst_roadmap_item_get_records (item_at (loaded, 1, 0))->len, ==, 0);
    g_assert_cmpint (nst_roadmap_item_get_status (item_at (loaded, 3, 0)), ==, NST_ROADMAP_STATUS_PLANNED);
  }
}

/* Delete, then «Отменить»: the same object comes back under its id, in
 * its place, with its people and marks. */
static void
test_store_delete_restore (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) roadmap = nst_store_add_roadmap_from_template (f->store, 2021, &error);
  NstRoadmapSection *section = nst_roadmap_get_section (roadmap, 2);
  g_autoptr(NstRoadmapItem) item = g_object_ref (nst_roadmap_section_get_item (section, 0));
  g_autoptr(NstRoadmapSection) kept = NULL;
  gint64 id = nst_roadmap_item_get_id (item), person = add_person (f->store, "Сидорова", "Анна", "");
  GDate due = dmy (26, 10, 2021), done = dmy (25, 10, 2021);

  g_assert_no_error (error);
  nst_roadmap_item_set_responsible_ids (item, &person, 1);
  nst_store_update_roadmap_item (f->store, item, item, &error);
  g_assert_no_error (error);
  nst_store_set_roadmap_occurrence_status (f->store, item, &due, NST_ROADMAP_STATUS_DONE, &done, &error);
  g_assert_no_error (error);

  nst_store_remove_roadmap_item (f->store, section, item, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_roadmap_count_items (roadmap), ==, 16);
  {
    g_autoptr(NstRoadmap) loaded = nst_store_load_roadmap (f->store, nst_roadmap_get_id (roadmap), &error);

    g_assert_cmpuint (nst_roadmap_count_items (loaded), ==, 16);
  }
  nst_store_add_roadmap_item (f->store, section, item, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nst_roadmap_item_get_id (item), ==, id);
  {
    g_autoptr(NstRoadmap) loaded = nst_store_load_roadmap (f->store, nst_roadmap_get_id (roadmap), &error);
    NstRoadmapItem *back = item_at (loaded, 2, 0);
    guint n;

    g_assert_cmpint (nst_roadmap_item_get_id (back), ==, id);
    g_assert_cmpuint (nst_roadmap_item_get_records (back)->len, ==, 1);
    nst_roadmap_item_get_responsible_ids (back, &n);
    g_assert_cmpuint (n, ==, 1);
  }

  /* A whole section. */
  kept = g_object_ref (section);
  nst_store_remove_roadmap_section (f->store, roadmap, section, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_roadmap_get_n_sections (roadmap), ==, 4);
  nst_store_add_roadmap_section (f->store, roadmap, kept, 2, &error);
  g_assert_no_error (error);
  {
    g_autoptr(NstRoadmap) loaded = nst_store_load_roadmap (f->store, nst_roadmap_get_id (roadmap), &error);

    g_assert_cmpuint (nst_roadmap_count_items (loaded), ==, 17);
    assert_same_items (roadmap, loaded);
  }

  /* A new item appended, with an id of its own. */
  {
    g_autoptr(NstRoadmapItem) fresh = nst_roadmap_item_new ();

    nst_roadmap_item_set_content (fresh, "Новое мероприятие");
    nst_roadmap_item_set_schedule (fresh, "до 20.12.2021");
    nst_store_add_roadmap_item (f->store, kept, fresh, G_MAXUINT, &error);
    g_assert_no_error (error);
    g_assert_cmpint (nst_roadmap_item_get_id (fresh), >, 0);
    g_assert_cmpuint (nst_roadmap_item_get_position (fresh), ==, 2);
  }
}

static void
test_store_invalid (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) roadmap = nst_store_add_roadmap_from_template (f->store, 2021, &error);
  NstRoadmapItem *item = item_at (roadmap, 0, 0);
  g_autoptr(NstRoadmapItem) values = nst_roadmap_item_copy (item);
  g_autofree char *content = g_strdup (nst_roadmap_item_get_content (item));
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  nst_roadmap_item_set_content (values, "   ");
  g_assert_false (nst_store_update_roadmap_item (f->store, item, values, &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (nst_roadmap_item_get_content (item), ==, content);

  /* The database refuses what the code would never write. */
  sql = g_strdup_printf ("INSERT INTO roadmap_occurrence (item_id, due_on, status) VALUES (%" G_GINT64_FORMAT
                         ", '2021-10-26', 'done')", nst_roadmap_item_get_id (item));
  g_assert_false (nst_store_exec (f->store, sql, &error));
  g_clear_error (&error);
  g_assert_false (nst_store_exec (f->store, "UPDATE roadmap_item SET status = 'done'", &error));
  g_clear_error (&error);

  /* A title and a period are needed. */
  {
    g_autoptr(NstRoadmap) empty = nst_roadmap_new ();

    g_assert_false (nst_store_save_roadmap (f->store, empty, &error));
    g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (nst_roadmap_get_id (empty), ==, 0);
  }
  /* A roadmap whose item is invalid is not saved at all. */
  {
    g_autoptr(NstRoadmap) bad = nst_roadmap_template_new (2030);
    g_autoptr(GListStore) all = NULL;

    nst_roadmap_item_set_content (item_at (bad, 4, 2), "");
    g_assert_false (nst_store_save_roadmap (f->store, bad, &error));
    g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (nst_roadmap_get_id (bad), ==, 0);
    all = nst_store_list_roadmaps (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 1);
  }
}

static void
test_store_current (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) none = nst_store_load_current_roadmap (f->store, NULL, &error);
  g_autoptr(NstRoadmap) old = NULL;
  g_autoptr(NstRoadmap) recent = NULL;
  static const struct { const char *today, *starts_on; } cases[] = {
    { "2025-11-15", "2025-09-01" },
    { "2023-01-01", "2021-09-01" },
    { "2030-01-01", "2025-09-01" },
    { "2019-05-01", "2021-09-01" },
    { "2025-06-01", "2025-09-01" },
  };

  g_assert_no_error (error);
  g_assert_null (none);
  old = nst_store_add_roadmap_from_template (f->store, 2021, &error);
  g_assert_no_error (error);
  recent = nst_store_add_roadmap_from_template (f->store, 2025, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today = iso (cases[i].today);
      g_autoptr(NstRoadmap) current = nst_store_load_current_roadmap (f->store, &today, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (nst_roadmap_get_starts_on (current), ==, cases[i].starts_on);
    }
  {
    g_autoptr(GListStore) all = nst_store_list_roadmaps (f->store, &error);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 2);
  }
  nst_store_delete_roadmap (f->store, nst_roadmap_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_null (nst_store_load_roadmap (f->store, nst_roadmap_get_id (old), &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND);
}

/* The example school: three school years around today, some done, some
 * due soon, some late. */
static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) roadmap = NULL;
  guint counts[NST_DEADLINE_CANCELLED + 1] = { 0 };
  guint with_people = 0;
  GDate today, start, end;

  nst_demo_fill (f->store, &error);
  g_assert_no_error (error);
  nst_date_today (&today);
  roadmap = nst_store_load_current_roadmap (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (roadmap);
  g_assert_true (nst_roadmap_get_period (roadmap, &start, &end));
  g_assert_cmpint (g_date_compare (&start, &today), <=, 0);
  g_assert_cmpint (g_date_compare (&today, &end), <=, 0);
  g_assert_cmpint (g_date_get_year (&end) - g_date_get_year (&start), ==, 3);
  g_assert_cmpuint (nst_roadmap_count_items (roadmap), ==, NST_ROADMAP_TEMPLATE_N_ITEMS);
  for (guint s = 0; s < nst_roadmap_get_n_sections (roadmap); s++)
    for (guint i = 0; i < nst_roadmap_section_get_n_items (nst_roadmap_get_section (roadmap, s)); i++)
      {
        NstRoadmapItem *item = item_at (roadmap, s, i);
        g_autoptr(GArray) occurrences = nst_roadmap_dup_item_occurrences (roadmap, item, nst_store_quarters_func, f->store);
        guint n;

        counts[nst_roadmap_item_get_state (item, occurrences, &today)]++;
        nst_roadmap_item_get_responsible_ids (item, &n);
        with_people += n > 0;
      }
  g_assert_cmpuint (counts[NST_DEADLINE_DONE], >=, 2);
  g_assert_cmpuint (counts[NST_DEADLINE_DUE_SOON], >=, 1);
  g_assert_cmpuint (counts[NST_DEADLINE_OVERDUE], >=, 2);
  g_assert_cmpuint (counts[NST_DEADLINE_PLANNED], >=, 5);
  g_assert_cmpuint (with_people, >=, 5);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/roadmap/template/counts", test_template_counts);
  g_test_add_func ("/roadmap/template/timings", test_template_timings);
  g_test_add_func ("/roadmap/template/shift", test_template_shift);
  g_test_add_func ("/roadmap/occurrences/yearly", test_occurrences_yearly);
  g_test_add_func ("/roadmap/occurrences/quarterly", test_occurrences_quarterly);
  g_test_add_func ("/roadmap/occurrences/single", test_occurrences_single);
  g_test_add_func ("/roadmap/item/set-dates", test_item_set_dates);
  g_test_add_func ("/roadmap/item/indicator", test_item_indicator);
  g_test_add_func ("/roadmap/item/check", test_item_check);
  g_test_add_func ("/roadmap/item/notify", test_item_notify);
  ADD ("/roadmap/store/round-trip", test_store_round_trip);
  ADD ("/roadmap/store/reorder", test_store_reorder);
  ADD ("/roadmap/store/shift", test_store_shift);
  ADD ("/roadmap/store/status", test_store_status);
  ADD ("/roadmap/store/delete-restore", test_store_delete_restore);
  ADD ("/roadmap/store/invalid", test_store_invalid);
  ADD ("/roadmap/store/current", test_store_current);
  ADD ("/roadmap/demo", test_demo);

  return g_test_run ();
}
