/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "schedule/nst-date.h"

static void
set_dmy (GDate *date,
         int    day,
         int    month,
         int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
assert_ru_accepted (const char *text,
                    int         day,
                    int         month,
                    int         year)
{
  GDate date;

  if (!nst_date_parse_ru (text, &date))
    {
      g_test_fail_printf ("«%s» should be accepted", text);
      return;
    }
  g_assert_cmpint (g_date_get_day (&date), ==, day);
  g_assert_cmpint (g_date_get_month (&date), ==, month);
  g_assert_cmpint (g_date_get_year (&date), ==, year);
}

static void
assert_ru_rejected (const char *text)
{
  GDate date;

  if (nst_date_parse_ru (text, &date))
    g_test_fail_printf ("«%s» should be rejected", text);
}

static void
assert_iso_rejected (const char *text)
{
  GDate date;

  if (nst_date_parse_iso (text, &date))
    g_test_fail_printf ("«%s» should be rejected", text);
}

/* A wrong date in a consent or an order is worse than a refused one. */
static void
test_parse_ru (void)
{
  assert_ru_accepted ("15.11.2025", 15, 11, 2025);
  assert_ru_accepted ("29.02.2024", 29, 2, 2024);
  assert_ru_accepted ("31.12.1999", 31, 12, 1999);
  assert_ru_accepted ("01.09.2025", 1, 9, 2025);
  /* Pasted from a spreadsheet with spaces around. */
  assert_ru_accepted (" 01.09.2025 ", 1, 9, 2025);

  assert_ru_rejected ("31.02.2015");
  assert_ru_rejected ("29.02.2023");
  assert_ru_rejected ("29.02.1900");
  assert_ru_rejected ("31.04.2021");
  assert_ru_rejected ("00.01.2021");
  assert_ru_rejected ("32.01.2021");
  assert_ru_rejected ("01.00.2021");
  assert_ru_rejected ("01.13.2021");
  /* Short forms are too easy to misread. */
  assert_ru_rejected ("1.2.2021");
  assert_ru_rejected ("01.02.21");
  assert_ru_rejected ("1.02.2021");
  /* Other separators and trailing junk. */
  assert_ru_rejected ("01/02/2021");
  assert_ru_rejected ("01-02-2021");
  assert_ru_rejected ("01.02.2021г");
  assert_ru_rejected ("01.02.2021 12:00");
  assert_ru_rejected ("+1.02.2021");
  assert_ru_rejected ("2021-02-01");
  assert_ru_rejected ("");
  assert_ru_rejected (NULL);
}

static void
test_parse_iso (void)
{
  GDate date;

  g_assert_true (nst_date_parse_iso ("2024-02-29", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);

  assert_iso_rejected ("2015-02-31");
  assert_iso_rejected ("2023-02-29");
  assert_iso_rejected ("2021-2-1");
  assert_iso_rejected ("2021-02-1");
  assert_iso_rejected ("21-02-01");
  assert_iso_rejected ("2021-13-01");
  assert_iso_rejected ("2021-00-10");
  assert_iso_rejected ("2021-02-00");
  assert_iso_rejected ("2021/02/01");
  assert_iso_rejected ("2021-02-01T00:00:00");
  assert_iso_rejected (" 2021-02-01");
  assert_iso_rejected ("01.02.2021");
  assert_iso_rejected ("");
  assert_iso_rejected (NULL);
}

static void
test_parse_any (void)
{
  GDate ru, iso;

  g_assert_true (nst_date_parse_any ("05.03.2024", &ru));
  g_assert_true (nst_date_parse_any (" 2024-03-05 ", &iso));
  g_assert_cmpint (g_date_compare (&ru, &iso), ==, 0);
  g_assert_false (nst_date_parse_any ("5.3.2024", &ru));
  g_assert_false (nst_date_parse_any ("2024-02-30", &ru));
  g_assert_false (nst_date_parse_any (NULL, &ru));
}

/* Every day of five years, leap day included, survives both formats. */
static void
test_format_round_trip (void)
{
  GDate day;

  set_dmy (&day, 1, 1, 2020);
  for (int i = 0; i < 5 * 366; i++, g_date_add_days (&day, 1))
    {
      g_autofree char *iso = nst_date_format_iso (&day);
      g_autofree char *ru = nst_date_format_ru (&day);
      g_autofree char *converted = nst_date_iso_to_ru (iso);
      GDate back;

      g_assert_cmpuint (strlen (iso), ==, 10);
      g_assert_cmpuint (strlen (ru), ==, 10);
      g_assert_true (nst_date_parse_iso (iso, &back));
      g_assert_cmpint (g_date_compare (&back, &day), ==, 0);
      g_assert_true (nst_date_parse_ru (ru, &back));
      g_assert_cmpint (g_date_compare (&back, &day), ==, 0);
      g_assert_cmpstr (converted, ==, ru);
    }
}

static void
test_format_padding (void)
{
  GDate day;
  g_autofree char *iso = NULL;
  g_autofree char *ru = NULL;
  g_autofree char *empty = nst_date_iso_to_ru ("");
  g_autofree char *none = nst_date_iso_to_ru (NULL);
  g_autofree char *bad = nst_date_iso_to_ru ("2023-02-29");

  set_dmy (&day, 5, 3, 2024);
  iso = nst_date_format_iso (&day);
  ru = nst_date_format_ru (&day);
  g_assert_cmpstr (iso, ==, "2024-03-05");
  g_assert_cmpstr (ru, ==, "05.03.2024");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (bad, ==, "");
}

static int
full_years (int from_day, int from_month, int from_year,
            int to_day, int to_month, int to_year)
{
  GDate from, to;

  set_dmy (&from, from_day, from_month, from_year);
  set_dmy (&to, to_day, to_month, to_year);
  return nst_date_full_years (&from, &to);
}

/* The age decides whether a student signs alone (14) or a parent signs. */
static void
test_full_years_birthday (void)
{
  g_assert_cmpint (full_years (15, 11, 2011, 14, 11, 2025), ==, 13);
  g_assert_cmpint (full_years (15, 11, 2011, 15, 11, 2025), ==, 14);
  g_assert_cmpint (full_years (15, 11, 2011, 16, 11, 2025), ==, 14);
  /* Month before and after, same day number. */
  g_assert_cmpint (full_years (15, 11, 2011, 15, 10, 2025), ==, 13);
  g_assert_cmpint (full_years (15, 11, 2011, 15, 12, 2025), ==, 14);
  /* Year boundaries. */
  g_assert_cmpint (full_years (1, 1, 2000, 31, 12, 2024), ==, 24);
  g_assert_cmpint (full_years (31, 12, 2000, 1, 1, 2025), ==, 24);
  g_assert_cmpint (full_years (31, 12, 2000, 31, 12, 2024), ==, 24);
  g_assert_cmpint (full_years (1, 1, 2025, 1, 1, 2025), ==, 0);
}

/* Born on 29 February: in a common year the birthday is counted from
 * 1 March (the day after 28 February), in a leap year on 29 February. */
static void
test_full_years_leap_day (void)
{
  g_assert_cmpint (full_years (29, 2, 2012, 28, 2, 2026), ==, 13);
  g_assert_cmpint (full_years (29, 2, 2012, 1, 3, 2026), ==, 14);
  g_assert_cmpint (full_years (29, 2, 2012, 28, 2, 2028), ==, 15);
  g_assert_cmpint (full_years (29, 2, 2012, 29, 2, 2028), ==, 16);
  g_assert_cmpint (full_years (29, 2, 2012, 1, 3, 2028), ==, 16);
  /* Born on 28 February or 1 March of a leap year. */
  g_assert_cmpint (full_years (28, 2, 2012, 28, 2, 2026), ==, 14);
  g_assert_cmpint (full_years (1, 3, 2012, 28, 2, 2026), ==, 13);
  g_assert_cmpint (full_years (1, 3, 2012, 1, 3, 2026), ==, 14);
}

static void
test_years_since_iso (void)
{
  GDate today;

  set_dmy (&today, 15, 11, 2025);
  g_assert_cmpint (nst_date_years_since_iso ("2011-11-15", &today), ==, 14);
  g_assert_cmpint (nst_date_years_since_iso ("2011-11-16", &today), ==, 13);
  g_assert_cmpint (nst_date_years_since_iso ("", &today), ==, -1);
  g_assert_cmpint (nst_date_years_since_iso (NULL, &today), ==, -1);
  g_assert_cmpint (nst_date_years_since_iso ("15.11.2011", &today), ==, -1);
  /* A date after today is no negative age. */
  g_assert_cmpint (nst_date_years_since_iso ("2026-01-01", &today), ==, 0);
}

static guint
school_year_of (int day,
                int month,
                int year)
{
  GDate date;

  set_dmy (&date, day, month, year);
  return nst_school_year_of (&date);
}

static void
test_school_year (void)
{
  g_autofree char *label = nst_school_year_label (2025);

  g_assert_cmpuint (school_year_of (31, 8, 2025), ==, 2024);
  g_assert_cmpuint (school_year_of (1, 9, 2025), ==, 2025);
  g_assert_cmpuint (school_year_of (15, 11, 2025), ==, 2025);
  g_assert_cmpuint (school_year_of (31, 12, 2025), ==, 2025);
  g_assert_cmpuint (school_year_of (1, 1, 2026), ==, 2025);
  g_assert_cmpuint (school_year_of (31, 5, 2026), ==, 2025);
  g_assert_cmpstr (label, ==, "2025/2026");
}

static void
real_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
           g_date_time_get_year (now));
}

/* A real day and the real clock may cross midnight between two calls. */
static void
assert_is_real_today (const GDate *date)
{
  GDate before, after;

  real_today (&before);
  g_date_subtract_days (&before, 1);
  real_today (&after);
  g_assert_cmpint (g_date_compare (date, &before), >=, 0);
  g_assert_cmpint (g_date_compare (date, &after), <=, 0);
}

static void
test_today_override (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("NST_TODAY"));
  GDate today;

  g_assert_true (g_setenv ("NST_TODAY", "2030-06-15", TRUE));
  nst_date_today (&today);
  g_assert_true (g_date_valid (&today));
  g_assert_cmpint (g_date_get_day (&today), ==, 15);
  g_assert_cmpint (g_date_get_month (&today), ==, 6);
  g_assert_cmpint (g_date_get_year (&today), ==, 2030);

  /* A malformed value is ignored rather than taken for some other day. */
  g_assert_true (g_setenv ("NST_TODAY", "15.06.2030", TRUE));
  nst_date_today (&today);
  assert_is_real_today (&today);

  g_unsetenv ("NST_TODAY");
  nst_date_today (&today);
  g_assert_true (g_date_valid (&today));
  assert_is_real_today (&today);

  if (saved != NULL)
    g_setenv ("NST_TODAY", saved, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/date/parse/ru", test_parse_ru);
  g_test_add_func ("/date/parse/iso", test_parse_iso);
  g_test_add_func ("/date/parse/any", test_parse_any);
  g_test_add_func ("/date/format/round-trip", test_format_round_trip);
  g_test_add_func ("/date/format/padding", test_format_padding);
  g_test_add_func ("/date/full-years/birthday", test_full_years_birthday);
  g_test_add_func ("/date/full-years/leap-day", test_full_years_leap_day);
  g_test_add_func ("/date/full-years/since-iso", test_years_since_iso);
  g_test_add_func ("/date/school-year", test_school_year);
  g_test_add_func ("/date/today-override", test_today_override);

  return g_test_run ();
}
