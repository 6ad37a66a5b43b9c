/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "schedule/nst-date.h"
#include "schedule/nst-schedule.h"
#include "store/nst-store-private.h"

/* ---- helpers ----------------------------------------------------------- */

static GDate
iso (const char *text)
{
  GDate date;

  if (!nst_date_parse_iso (text, &date))
    g_error ("Bad date in a test: %s", text);
  return date;
}

static NstSchedule *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  NstSchedule *schedule = nst_schedule_parse (text, &error);

  if (error != NULL)
    g_error ("«%s» did not parse: %s", text, error->message);
  g_assert_nonnull (schedule);
  return schedule;
}

/* Occurrences as text: «01.11.2021» for a deadline, «01.09.2025–26.10.2025»
 * for a span, separated by spaces. */
static char *
occurrences_text (GArray *occurrences)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < occurrences->len; i++)
    {
      NstOccurrence *o = &g_array_index (occurrences, NstOccurrence, i);
      g_autofree char *start = nst_date_format_ru (&o->start);
      g_autofree char *due = nst_date_format_ru (&o->due);

      g_assert_cmpint (g_date_compare (&o->start, &o->due), <=, 0);
      if (i > 0)
        g_string_append_c (out, ' ');
      if (g_date_compare (&o->start, &o->due) == 0)
        g_string_append (out, due);
      else
        g_string_append_printf (out, "%s–%s", start, due);
    }
  return g_strdup (out->str);
}

static char *
expand_with (const char      *text,
             const char      *from,
             const char      *to,
             NstQuartersFunc  func,
             gpointer         data)
{
  g_autoptr(NstSchedule) schedule = parse_ok (text);
  GDate first = iso (from);
  GDate last = iso (to);
  g_autoptr(GArray) occurrences = nst_schedule_expand (schedule, &first, &last, func, data);

  g_assert_cmpuint (g_array_get_element_size (occurrences), ==, sizeof (NstOccurrence));
  return occurrences_text (occurrences);
}

static void
assert_expands (const char *text,
                const char *from,
                const char *to,
                const char *expected)
{
  g_autofree char *got = expand_with (text, from, to, NULL, NULL);

  g_assert_cmpstr (got, ==, expected);
}

/* ---- parsing ----------------------------------------------------------- */

typedef struct
{
  const char *text;
  NstScheduleKind kind;
  const char *normal;
} Form;

/* Every «Сроки» of the seed's roadmap and of its «педагог – педагог» plan. */
static const Form seed_forms[] = {
  { "В течение всего периода реализации ЦМН", NST_SCHEDULE_THROUGHOUT, "весь период" },
  { "В течение всего периода", NST_SCHEDULE_THROUGHOUT, "весь период" },
  { "Весь период", NST_SCHEDULE_THROUGHOUT, "весь период" },
  { "До 01.11 каждого учебного года", NST_SCHEDULE_YEARLY_BY, "до 01.11 каждого учебного года" },
  { "До 01.12 каждого учебного года", NST_SCHEDULE_YEARLY_BY, "до 01.12 каждого учебного года" },
  { "1 раз в четверть", NST_SCHEDULE_ONCE_PER_QUARTER, "один раз в четверть" },
  { "Сентябрь 2021 – Май 2024", NST_SCHEDULE_PERIOD, "сентябрь 2021 – май 2024" },
  { "До 25.10.2021", NST_SCHEDULE_BY_DATE, "до 25.10.2021" },
  { "До 01.11.2021", NST_SCHEDULE_BY_DATE, "до 01.11.2021" },
  { "До 01.10 каждого учебного года", NST_SCHEDULE_YEARLY_BY, "до 01.10 каждого учебного года" },
  { "15.09.2021", NST_SCHEDULE_ON_DATE, "15.09.2021" },
  { "Январь 2021 Сентябрь 2022", NST_SCHEDULE_PERIOD, "январь 2021 – сентябрь 2022" },
  { "Один раз в четверть", NST_SCHEDULE_ONCE_PER_QUARTER, "один раз в четверть" },
  { "Конец каждой четверти", NST_SCHEDULE_QUARTER_END, "в конце каждой четверти" },
  { "Каждый второй понедельник месяца", NST_SCHEDULE_MONTHLY_WEEKDAY, "каждый второй понедельник месяца" },
  { "Каждый первый четверг месяца", NST_SCHEDULE_MONTHLY_WEEKDAY, "каждый первый четверг месяца" },
  { "Каждый первый вторник месяца или по запросу наставляемого", NST_SCHEDULE_MONTHLY_WEEKDAY,
    "каждый первый вторник месяца" },
  { "В течении года", NST_SCHEDULE_THROUGHOUT, "весь период" },
};

/* The other ways schools write them: cases, spaces, dashes, «г.», slips. */
static const Form other_forms[] = {
  { "не позднее 25.10.2021", NST_SCHEDULE_BY_DATE, "до 25.10.2021" },
  { "  до   25.10.2021 г. ", NST_SCHEDULE_BY_DATE, "до 25.10.2021" },
  { "до 25 октября 2021 года", NST_SCHEDULE_BY_DATE, "до 25.10.2021" },
  { "15.09.2021 г.", NST_SCHEDULE_ON_DATE, "15.09.2021" },
  { "29.02.2024", NST_SCHEDULE_ON_DATE, "29.02.2024" },
  { "с 01.09.2025 по 31.05.2026", NST_SCHEDULE_PERIOD, "с 01.09.2025 по 31.05.2026" },
  { "С 01.09.2025 г. по 31.05.2026 г.", NST_SCHEDULE_PERIOD, "с 01.09.2025 по 31.05.2026" },
  { "c 15.09.2025 до 20.12.2025", NST_SCHEDULE_PERIOD, "с 15.09.2025 по 20.12.2025" },
  { "01.09.2025 - 31.05.2026", NST_SCHEDULE_PERIOD, "с 01.09.2025 по 31.05.2026" },
  { "01.09.2025-31.05.2026", NST_SCHEDULE_PERIOD, "с 01.09.2025 по 31.05.2026" },
  { "01.09.2025 – 31.05.2026", NST_SCHEDULE_PERIOD, "с 01.09.2025 по 31.05.2026" },
  { "01.09.2025—31.05.2026.", NST_SCHEDULE_PERIOD, "с 01.09.2025 по 31.05.2026" },
  { "январь 2021", NST_SCHEDULE_PERIOD, "январь 2021" },
  { "ФЕВРАЛЬ 2024 г.", NST_SCHEDULE_PERIOD, "февраль 2024" },
  { "сентябрь 2025 – май 2026", NST_SCHEDULE_PERIOD, "сентябрь 2025 – май 2026" },
  { "с сентября 2025 по май 2026 года", NST_SCHEDULE_PERIOD, "сентябрь 2025 – май 2026" },
  { "сентябрь – май 2026", NST_SCHEDULE_PERIOD, "сентябрь 2025 – май 2026" },
  { "сентябрь–октябрь 2025", NST_SCHEDULE_PERIOD, "сентябрь 2025 – октябрь 2025" },
  { "I четверть 2025/2026", NST_SCHEDULE_PERIOD, "I четверть 2025/2026" },
  { "1 четверть", NST_SCHEDULE_PERIOD, "I четверть" },
  { "III четверть 2025-2026 учебного года", NST_SCHEDULE_PERIOD, "III четверть 2025/2026" },
  { "IV четверть 2026", NST_SCHEDULE_PERIOD, "IV четверть 2025/2026" },
  { "во II четверти", NST_SCHEDULE_PERIOD, "II четверть" },
  { "до 01.11 каждого учебного года", NST_SCHEDULE_YEARLY_BY, "до 01.11 каждого учебного года" },
  { "ДО 01.11 КАЖДОГО УЧЕБНОГО ГОДА.", NST_SCHEDULE_YEARLY_BY, "до 01.11 каждого учебного года" },
  { "до 01.12 ежегодно", NST_SCHEDULE_YEARLY_BY, "до 01.12 каждого учебного года" },
  { "ежегодно до 1 октября", NST_SCHEDULE_YEARLY_BY, "до 01.10 каждого учебного года" },
  { "до 29.02 каждого учебного года", NST_SCHEDULE_YEARLY_BY, "до 29.02 каждого учебного года" },
  { "один раз в четверть", NST_SCHEDULE_ONCE_PER_QUARTER, "один раз в четверть" },
  { "1 раз в четверть.", NST_SCHEDULE_ONCE_PER_QUARTER, "один раз в четверть" },
  { "ежеквартально", NST_SCHEDULE_ONCE_PER_QUARTER, "один раз в четверть" },
  { "в конце каждой четверти", NST_SCHEDULE_QUARTER_END, "в конце каждой четверти" },
  { "по окончании четверти", NST_SCHEDULE_QUARTER_END, "в конце каждой четверти" },
  { "каждый первый четверг месяца", NST_SCHEDULE_MONTHLY_WEEKDAY, "каждый первый четверг месяца" },
  { "каждую вторую среду месяца", NST_SCHEDULE_MONTHLY_WEEKDAY, "каждую вторую среду месяца" },
  { "каждый последний вторник месяца", NST_SCHEDULE_MONTHLY_WEEKDAY, "каждый последний вторник месяца" },
  { "Каждую первую пятницу месяца", NST_SCHEDULE_MONTHLY_WEEKDAY, "каждую первую пятницу месяца" },
  { "каждую последнюю субботу месяца", NST_SCHEDULE_MONTHLY_WEEKDAY, "каждую последнюю субботу месяца" },
  { "каждый четвёртый четверг месяца", NST_SCHEDULE_MONTHLY_WEEKDAY, "каждый четвёртый четверг месяца" },
  { "каждое первое воскресенье месяца", NST_SCHEDULE_MONTHLY_WEEKDAY, "каждое первое воскресенье месяца" },
  { "каждый второй понедельник месяца, или по запросу наставляемого", NST_SCHEDULE_MONTHLY_WEEKDAY,
    "каждый второй понедельник месяца" },
  { "в течение года", NST_SCHEDULE_THROUGHOUT, "весь период" },
  { "в течение учебного года", NST_SCHEDULE_THROUGHOUT, "весь период" },
  { "Постоянно.", NST_SCHEDULE_THROUGHOUT, "весь период" },
};

static void
check_forms (const Form *forms,
             gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(NstSchedule) schedule = parse_ok (forms[i].text);
      g_autofree char *normal = nst_schedule_to_text (schedule);
      g_autoptr(NstSchedule) again = NULL;
      g_autofree char *normal_again = NULL;

      g_test_message ("%s", forms[i].text);
      g_assert_cmpint (nst_schedule_get_kind (schedule), ==, forms[i].kind);
      g_assert_cmpstr (normal, ==, forms[i].normal);
      g_assert_cmpstr (nst_schedule_get_source_text (schedule), ==, forms[i].text);

      /* The normalised text reads back as the same schedule. */
      again = parse_ok (normal);
      normal_again = nst_schedule_to_text (again);
      g_assert_cmpint (nst_schedule_get_kind (again), ==, forms[i].kind);
      g_assert_cmpstr (normal_again, ==, normal);
    }
}

static void
test_parse_seed (void)
{
  check_forms (seed_forms, G_N_ELEMENTS (seed_forms));
}

static void
test_parse_forms (void)
{
  check_forms (other_forms, G_N_ELEMENTS (other_forms));
}

static void
test_copy (void)
{
  g_autoptr(NstSchedule) schedule = parse_ok ("Каждый первый вторник месяца или по запросу");
  g_autoptr(NstSchedule) copy = nst_schedule_copy (schedule);
  g_autofree char *a = nst_schedule_to_text (schedule);
  g_autofree char *b = nst_schedule_to_text (copy);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (nst_schedule_get_source_text (copy), ==, nst_schedule_get_source_text (schedule));
  g_assert_true (nst_schedule_get_source_text (copy) != nst_schedule_get_source_text (schedule));
}

static void
assert_own_dates (const char *text,
                  const char *expected)
{
  g_autoptr(NstSchedule) schedule = parse_ok (text);
  GDate start, due;
  g_autofree char *got = NULL;

  if (nst_schedule_get_dates (schedule, &start, &due))
    {
      g_autofree char *a = nst_date_format_ru (&start);
      g_autofree char *b = nst_date_format_ru (&due);

      got = g_strdup_printf ("%s–%s", a, b);
    }
  g_assert_cmpstr (got, ==, expected);
}

static void
test_own_dates (void)
{
  assert_own_dates ("15.09.2021", "15.09.2021–15.09.2021");
  assert_own_dates ("до 25.10.2021", "25.10.2021–25.10.2021");
  assert_own_dates ("с 01.09.2025 по 31.05.2026", "01.09.2025–31.05.2026");
  assert_own_dates ("Январь 2021 Сентябрь 2022", "01.01.2021–30.09.2022");
  assert_own_dates ("I четверть 2025/2026", NULL);
  assert_own_dates ("до 01.11 каждого учебного года", NULL);
  assert_own_dates ("весь период", NULL);
}

static void
test_quarter_named (void)
{
  g_autoptr(NstSchedule) named = parse_ok ("III четверть 2025/2026");
  g_autoptr(NstSchedule) bare = parse_ok ("2 четверть");
  g_autoptr(NstSchedule) months = parse_ok ("сентябрь 2025");
  guint year = 1;

  g_assert_cmpuint (nst_schedule_get_quarter (named, &year), ==, 3);
  g_assert_cmpuint (year, ==, 2025);
  g_assert_cmpuint (nst_schedule_get_quarter (bare, &year), ==, 2);
  g_assert_cmpuint (year, ==, 0);
  g_assert_cmpuint (nst_schedule_get_quarter (months, NULL), ==, 0);
}

static void
assert_error (const char       *text,
              NstScheduleError  code,
              const char       *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchedule) schedule = nst_schedule_parse (text, &error);

  g_test_message ("%s", text);
  g_assert_null (schedule);
  g_assert_error (error, NST_SCHEDULE_ERROR, (int) code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("«%s» is not in the message «%s»", in_message, error->message);
}

static void
test_parse_unknown (void)
{
  assert_error ("По отдельному графику", NST_SCHEDULE_ERROR_UNKNOWN, "По отдельному графику");
  assert_error ("По отдельному графику", NST_SCHEDULE_ERROR_UNKNOWN, "«до 01.11 каждого учебного года»");
  assert_error ("", NST_SCHEDULE_ERROR_UNKNOWN, "«15.09.2021»");
  assert_error ("   ", NST_SCHEDULE_ERROR_UNKNOWN, NULL);
  assert_error ("каждый понедельник", NST_SCHEDULE_ERROR_UNKNOWN, NULL);
  assert_error ("каждый пятый понедельник месяца", NST_SCHEDULE_ERROR_UNKNOWN, NULL);
  assert_error ("сентябрь", NST_SCHEDULE_ERROR_UNKNOWN, NULL);
  assert_error ("с января 2021", NST_SCHEDULE_ERROR_UNKNOWN, NULL);
  assert_error ("2021", NST_SCHEDULE_ERROR_UNKNOWN, NULL);
  assert_error ("до 01.11.2021 и 01.12.2021", NST_SCHEDULE_ERROR_UNKNOWN, NULL);
  assert_error ("I четверть 2025/2027", NST_SCHEDULE_ERROR_UNKNOWN, NULL);
  assert_error ("15.09.21", NST_SCHEDULE_ERROR_UNKNOWN, NULL);
}

static void
test_parse_bad_date (void)
{
  assert_error ("31.02.2023", NST_SCHEDULE_ERROR_BAD_DATE, "31.02.2023");
  assert_error ("до 29.02.2023", NST_SCHEDULE_ERROR_BAD_DATE, "29.02.2023");
  assert_error ("с 01.09.2025 по 31.09.2025", NST_SCHEDULE_ERROR_BAD_DATE, "31.09.2025");
  assert_error ("до 31 апреля 2024 г.", NST_SCHEDULE_ERROR_BAD_DATE, "31.04.2024");
  assert_error ("до 30.02 каждого учебного года", NST_SCHEDULE_ERROR_BAD_DATE, "30.02");
  assert_error ("01.13.2025", NST_SCHEDULE_ERROR_BAD_DATE, "01.13.2025");
}

static void
test_parse_bad_period (void)
{
  assert_error ("с 31.05.2026 по 01.09.2025", NST_SCHEDULE_ERROR_BAD_PERIOD, "31.05.2026");
  assert_error ("май 2026 – сентябрь 2025", NST_SCHEDULE_ERROR_BAD_PERIOD, NULL);
  assert_error ("Сентябрь 2022 Январь 2021", NST_SCHEDULE_ERROR_BAD_PERIOD, NULL);
}

/* ---- expansion --------------------------------------------------------- */

static void
test_expand_dates (void)
{
  assert_expands ("15.09.2021", "2021-09-09", "2024-05-31", "15.09.2021");
  assert_expands ("15.09.2021", "2021-09-16", "2024-05-31", "");
  assert_expands ("до 25.10.2021", "2021-09-09", "2024-05-31", "25.10.2021");
  assert_expands ("не позднее 25.10.2021", "2021-10-25", "2021-10-25", "25.10.2021");
  assert_expands ("до 25.10.2021", "2021-10-26", "2024-05-31", "");
}

static void
test_expand_periods (void)
{
  assert_expands ("с 01.09.2025 по 31.05.2026", "2025-01-01", "2025-12-31", "01.09.2025–31.12.2025");
  assert_expands ("с 01.09.2025 по 31.05.2026", "2025-10-01", "2026-08-31", "01.10.2025–31.05.2026");
  assert_expands ("с 01.09.2025 по 31.05.2026", "2026-06-01", "2026-08-31", "");
  assert_expands ("январь 2021", "2020-09-01", "2021-08-31", "01.01.2021–31.01.2021");
  assert_expands ("февраль 2024", "2023-09-01", "2024-08-31", "01.02.2024–29.02.2024");
  assert_expands ("Январь 2021 Сентябрь 2022", "2020-09-01", "2024-08-31", "01.01.2021–30.09.2022");
  assert_expands ("Сентябрь 2021 – Май 2024", "2021-09-09", "2024-08-31", "09.09.2021–31.05.2024");
  assert_expands ("сентябрь–октябрь 2025", "2025-09-01", "2026-05-31", "01.09.2025–31.10.2025");
}

static void
test_expand_quarter_period (void)
{
  assert_expands ("I четверть 2025/2026", "2025-01-01", "2026-12-31", "01.09.2025–26.10.2025");
  assert_expands ("I четверть 2024/2025", "2025-01-01", "2025-12-31", "");
  /* Without a year: the first such quarter of the plan's period. */
  assert_expands ("1 четверть", "2025-09-01", "2026-05-31", "01.09.2025–26.10.2025");
  assert_expands ("III четверть", "2025-01-01", "2025-12-31", "09.01.2025–22.03.2025");
  assert_expands ("I четверть", "2025-01-01", "2025-12-31", "01.09.2025–26.10.2025");
  assert_expands ("IV четверть 2026", "2025-09-01", "2026-05-01", "01.04.2026–01.05.2026");
}

static void
test_expand_yearly (void)
{
  assert_expands ("до 01.11 каждого учебного года", "2021-09-09", "2024-05-31",
                  "01.11.2021 01.11.2022 01.11.2023");
  assert_expands ("До 01.10 каждого учебного года", "2021-09-09", "2024-05-31",
                  "01.10.2021 01.10.2022 01.10.2023");
  /* A deadline of the school year before the window does not count. */
  assert_expands ("до 01.11 каждого учебного года", "2021-11-15", "2024-08-31",
                  "01.11.2022 01.11.2023");
  /* January belongs to the school year that began the September before. */
  assert_expands ("до 15.01 ежегодно", "2021-09-01", "2023-08-31", "15.01.2022 15.01.2023");
  assert_expands ("до 29.02 каждого учебного года", "2023-09-01", "2025-08-31", "29.02.2024 28.02.2025");
}

static void
test_expand_quarters (void)
{
  assert_expands ("один раз в четверть", "2025-09-01", "2026-08-31",
                  "01.09.2025–26.10.2025 05.11.2025–28.12.2025 "
                  "09.01.2026–22.03.2026 01.04.2026–26.05.2026");
  assert_expands ("в конце каждой четверти", "2025-09-01", "2026-08-31",
                  "26.10.2025 28.12.2025 22.03.2026 26.05.2026");
  /* A quarter the window cuts is cut too, and its due date with it. */
  assert_expands ("1 раз в четверть", "2025-10-01", "2025-12-01",
                  "01.10.2025–26.10.2025 05.11.2025–01.12.2025");
  assert_expands ("Конец каждой четверти", "2025-10-01", "2025-12-01", "26.10.2025");
}

static void
test_expand_monthly (void)
{
  /* Nothing in the summer or the holidays: 13.10 is in, 10.08 is not. */
  assert_expands ("Каждый второй понедельник месяца", "2025-09-01", "2026-08-31",
                  "08.09.2025 13.10.2025 10.11.2025 08.12.2025 12.01.2026 "
                  "09.02.2026 09.03.2026 13.04.2026 11.05.2026");
  assert_expands ("каждую вторую среду месяца", "2025-09-01", "2026-05-31",
                  "10.09.2025 08.10.2025 12.11.2025 10.12.2025 14.01.2026 "
                  "11.02.2026 11.03.2026 08.04.2026 13.05.2026");
  /* 28.10, 30.12 and 31.03 fall in the holidays. */
  assert_expands ("каждый последний вторник месяца", "2025-09-01", "2026-08-31",
                  "30.09.2025 25.11.2025 27.01.2026 24.02.2026 28.04.2026 26.05.2026");
  /* 04.11 is in the autumn holidays, 06.01 in the winter ones. */
  assert_expands ("Каждый первый вторник месяца или по запросу наставляемого", "2025-09-01", "2026-08-31",
                  "02.09.2025 07.10.2025 02.12.2025 03.02.2026 03.03.2026 07.04.2026 05.05.2026");
  assert_expands ("каждую первую пятницу месяца", "2025-09-01", "2026-08-31",
                  "05.09.2025 03.10.2025 07.11.2025 05.12.2025 06.02.2026 "
                  "06.03.2026 03.04.2026 01.05.2026");
  /* Inside the window only. */
  assert_expands ("каждый второй понедельник месяца", "2025-09-09", "2025-11-09", "13.10.2025");
}

static void
test_expand_leap_year (void)
{
  assert_expands ("каждый последний четверг месяца", "2024-02-01", "2024-02-29", "29.02.2024");
  assert_expands ("каждый последний понедельник месяца", "2024-02-01", "2024-02-29", "26.02.2024");
  assert_expands ("каждый последний четверг месяца", "2023-02-01", "2023-02-28", "23.02.2023");
  assert_expands ("каждый четвёртый четверг месяца", "2024-02-01", "2024-02-29", "22.02.2024");
  assert_expands ("29.02.2024", "2024-01-01", "2024-12-31", "29.02.2024");
}

/* A programme for the calendar year 2025 takes the spring of 2024/2025 and
 * the autumn of 2025/2026. */
static void
test_expand_across_school_years (void)
{
  assert_expands ("Один раз в четверть", "2025-01-01", "2025-12-31",
                  "09.01.2025–22.03.2025 01.04.2025–26.05.2025 "
                  "01.09.2025–26.10.2025 05.11.2025–28.12.2025");
  assert_expands ("в конце каждой четверти", "2025-01-01", "2025-12-31",
                  "22.03.2025 26.05.2025 26.10.2025 28.12.2025");
  /* 02.01 is in the winter holidays. */
  assert_expands ("Каждый первый четверг месяца", "2025-01-01", "2025-12-31",
                  "06.02.2025 06.03.2025 03.04.2025 01.05.2025 "
                  "04.09.2025 02.10.2025 06.11.2025 04.12.2025");
  assert_expands ("до 01.12 ежегодно", "2025-01-01", "2025-12-31", "01.12.2025");
}

static void
test_expand_throughout (void)
{
  assert_expands ("Весь период", "2021-09-09", "2024-05-31", "09.09.2021–31.05.2024");
  assert_expands ("В течении года", "2025-01-01", "2025-12-31", "01.01.2025–31.12.2025");
  assert_expands ("постоянно", "2025-09-01", "2025-09-01", "01.09.2025");
}

static void
test_expand_empty_window (void)
{
  assert_expands ("весь период", "2025-09-02", "2025-09-01", "");
  assert_expands ("один раз в четверть", "2025-07-01", "2025-08-31", "");
}

/* Short quarters the school set itself: Q1 ends 10.10, so 13.10 is out. */
static void
short_autumn (guint              school_year,
              NstSchoolQuarters *out,
              gpointer           user_data)
{
  guint *calls = user_data;

  (*calls)++;
  nst_school_quarters_default (school_year, out);
  g_date_set_dmy (&out->ends[0], 10, G_DATE_OCTOBER, school_year);
}

static void
test_expand_custom_quarters (void)
{
  guint calls = 0;
  g_autofree char *monthly = expand_with ("каждый второй понедельник месяца", "2025-09-01", "2025-12-31",
                                          short_autumn, &calls);
  g_autofree char *ends = expand_with ("в конце каждой четверти", "2025-09-01", "2025-12-31",
                                       short_autumn, &calls);

  g_assert_cmpstr (monthly, ==, "08.09.2025 10.11.2025 08.12.2025");
  g_assert_cmpstr (ends, ==, "10.10.2025 28.12.2025");
  g_assert_cmpuint (calls, >, 0);
}

/* ---- quarters ---------------------------------------------------------- */

static char *
quarters_text (const NstSchoolQuarters *q)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *start = nst_date_format_ru (&q->starts[i]);
      g_autofree char *end = nst_date_format_ru (&q->ends[i]);

      g_string_append_printf (out, "%s%s–%s", i ? " " : "", start, end);
    }
  return g_strdup (out->str);
}

static void
assert_default_quarters (guint       school_year,
                         const char *expected)
{
  NstSchoolQuarters q;
  g_autofree char *text = NULL;

  nst_school_quarters_default (school_year, &q);
  text = quarters_text (&q);
  g_assert_cmpuint (q.school_year, ==, school_year);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_quarters_default (void)
{
  assert_default_quarters (2025, "01.09.2025–26.10.2025 05.11.2025–28.12.2025 "
                                 "09.01.2026–22.03.2026 01.04.2026–26.05.2026");
  /* 01.09.2024 is a Sunday, 09.01.2022 a Sunday, 05.11.2022 and 01.04.2023 Saturdays. */
  assert_default_quarters (2024, "02.09.2024–26.10.2024 05.11.2024–28.12.2024 "
                                 "09.01.2025–22.03.2025 01.04.2025–26.05.2025");
  assert_default_quarters (2021, "01.09.2021–26.10.2021 05.11.2021–28.12.2021 "
                                 "10.01.2022–22.03.2022 01.04.2022–26.05.2022");
  assert_default_quarters (2022, "01.09.2022–26.10.2022 07.11.2022–28.12.2022 "
                                 "09.01.2023–22.03.2023 03.04.2023–26.05.2023");
}

static void
test_quarters_which (void)
{
  NstSchoolQuarters q;
  static const struct { const char *date; guint quarter; } cases[] = {
    { "2025-09-01", 1 }, { "2025-10-26", 1 }, { "2025-10-27", 0 }, { "2025-11-04", 0 },
    { "2025-11-05", 2 }, { "2025-12-29", 0 }, { "2026-01-08", 0 }, { "2026-01-09", 3 },
    { "2026-03-22", 3 }, { "2026-03-31", 0 }, { "2026-04-01", 4 }, { "2026-05-26", 4 },
    { "2026-05-27", 0 }, { "2026-07-15", 0 }, { "2025-08-31", 0 },
  };

  nst_school_quarters_default (2025, &q);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date = iso (cases[i].date);

      g_test_message ("%s", cases[i].date);
      g_assert_cmpuint (nst_school_quarters_which (&q, &date), ==, cases[i].quarter);
    }
}

/* ---- deadlines --------------------------------------------------------- */

static NstDeadlineState
state_at (const char *due,
          const char *done_on,
          gboolean    cancelled)
{
  GDate due_date = iso (due);
  GDate done_date;
  GDate status = iso ("2025-11-15");

  if (done_on != NULL)
    done_date = iso (done_on);
  return nst_deadline_state (&due_date, done_on ? &done_date : NULL, cancelled, &status);
}

static void
test_deadline_states (void)
{
  GDate due = iso ("2025-11-01");
  GDate status = iso ("2025-11-15");
  GDate cleared;

  g_assert_cmpint (state_at ("2025-11-14", NULL, FALSE), ==, NST_DEADLINE_OVERDUE);
  g_assert_cmpint (state_at ("2025-11-15", NULL, FALSE), ==, NST_DEADLINE_DUE_SOON);
  g_assert_cmpint (state_at ("2025-11-29", NULL, FALSE), ==, NST_DEADLINE_DUE_SOON);
  g_assert_cmpint (state_at ("2025-11-30", NULL, FALSE), ==, NST_DEADLINE_PLANNED);
  g_assert_cmpint (state_at ("2026-05-26", NULL, FALSE), ==, NST_DEADLINE_PLANNED);
  g_assert_cmpint (state_at ("2025-11-01", "2025-10-30", FALSE), ==, NST_DEADLINE_DONE);
  g_assert_cmpint (state_at ("2025-11-01", "2025-11-15", FALSE), ==, NST_DEADLINE_DONE);
  g_assert_cmpint (state_at ("2025-12-20", "2025-11-10", FALSE), ==, NST_DEADLINE_DONE);
  /* Done after the status date: on that date it was not done yet. */
  g_assert_cmpint (state_at ("2025-11-01", "2025-11-16", FALSE), ==, NST_DEADLINE_OVERDUE);
  g_assert_cmpint (state_at ("2025-11-20", "2025-11-20", FALSE), ==, NST_DEADLINE_DUE_SOON);
  g_assert_cmpint (state_at ("2025-12-20", "2025-12-01", FALSE), ==, NST_DEADLINE_PLANNED);
  g_assert_cmpint (state_at ("2025-11-01", NULL, TRUE), ==, NST_DEADLINE_CANCELLED);
  g_assert_cmpint (state_at ("2025-12-20", NULL, TRUE), ==, NST_DEADLINE_CANCELLED);
  g_assert_cmpint (state_at ("2025-11-01", "2025-10-01", TRUE), ==, NST_DEADLINE_DONE);

  g_date_clear (&cleared, 1);
  g_assert_cmpint (nst_deadline_state (&due, &cleared, FALSE, &status), ==, NST_DEADLINE_OVERDUE);
}

static void
test_deadline_labels (void)
{
  g_assert_cmpstr (nst_deadline_state_label (NST_DEADLINE_DONE), ==, "done");
  g_assert_cmpstr (nst_deadline_state_label (NST_DEADLINE_DUE_SOON), ==, "due soon");
  g_assert_cmpstr (nst_deadline_state_label (NST_DEADLINE_OVERDUE), ==, "overdue");
  g_assert_cmpstr (nst_deadline_state_label (NST_DEADLINE_PLANNED), ==, "planned");
  g_assert_cmpstr (nst_deadline_state_label (NST_DEADLINE_CANCELLED), ==, "cancelled");
}

/* ---- quarters in the store --------------------------------------------- */

typedef struct
{
  char *dir;
  NstStore *store;
} StoreFixture;

static void
store_set_up (StoreFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("nst-test-schedule-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "nastavnik.db", NULL);
  f->store = nst_store_open (path, &error);
  g_assert_no_error (error);
}

static void
store_tear_down (StoreFixture  *f,
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
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->dir);
}

static void
set_quarters (NstSchoolQuarters *q,
              guint              school_year,
              const char *const  dates[8])
{
  q->school_year = school_year;
  for (guint i = 0; i < 4; i++)
    {
      q->starts[i] = iso (dates[2 * i]);
      q->ends[i] = iso (dates[2 * i + 1]);
    }
}

static gint64
count_rows (NstStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (nst_store_get_db (store), "SELECT count(*) FROM school_quarter",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
load_text (NstStore *store,
           guint     school_year)
{
  g_autoptr(GError) error = NULL;
  NstSchoolQuarters q;

  g_assert_true (nst_store_load_quarters (store, school_year, &q, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (q.school_year, ==, school_year);
  return quarters_text (&q);
}

static const char *const own_2025[8] = {
  "2025-09-01", "2025-10-24", "2025-11-03", "2025-12-29",
  "2026-01-12", "2026-03-20", "2026-03-30", "2026-05-29",
};

static void
test_store_quarters (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *none = load_text (f->store, 2025);
  g_autofree char *saved = NULL;
  g_autofree char *other = NULL;
  g_autofree char *again = NULL;
  NstSchoolQuarters q;

  g_assert_cmpstr (none, ==, "01.09.2025–26.10.2025 05.11.2025–28.12.2025 "
                             "09.01.2026–22.03.2026 01.04.2026–26.05.2026");
  set_quarters (&q, 2025, own_2025);
  g_assert_true (nst_store_save_quarters (f->store, &q, &error));
  g_assert_no_error (error);
  saved = load_text (f->store, 2025);
  g_assert_cmpstr (saved, ==, "01.09.2025–24.10.2025 03.11.2025–29.12.2025 "
                              "12.01.2026–20.03.2026 30.03.2026–29.05.2026");
  other = load_text (f->store, 2026);
  g_assert_cmpstr (other, ==, "01.09.2026–26.10.2026 05.11.2026–28.12.2026 "
                              "11.01.2027–22.03.2027 01.04.2027–26.05.2027");

  /* Saving again replaces the four rows. */
  g_date_set_day (&q.ends[3], 31);
  g_assert_true (nst_store_save_quarters (f->store, &q, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store), ==, 4);
  again = load_text (f->store, 2025);
  g_assert_true (g_str_has_suffix (again, "30.03.2026–31.05.2026"));
}

static void
assert_refused (NstStore          *store,
                NstSchoolQuarters *q)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = load_text (store, q->school_year);
  g_autofree char *after = NULL;

  g_assert_false (nst_store_save_quarters (store, q, &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  after = load_text (store, q->school_year);
  g_assert_cmpstr (after, ==, before);
}

static void
test_store_quarters_refused (StoreFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  NstSchoolQuarters q;

  set_quarters (&q, 2025, own_2025);
  g_assert_true (nst_store_save_quarters (f->store, &q, &error));
  g_assert_no_error (error);

  /* The second quarter begins before the first ends. */
  set_quarters (&q, 2025, own_2025);
  q.starts[1] = iso ("2025-10-20");
  assert_refused (f->store, &q);
  /* The same day cannot belong to two quarters. */
  set_quarters (&q, 2025, own_2025);
  q.starts[1] = iso ("2025-10-24");
  assert_refused (f->store, &q);
  /* Out of order. */
  set_quarters (&q, 2025, own_2025);
  q.starts[2] = iso ("2026-03-30");
  q.ends[2] = iso ("2026-05-29");
  q.starts[3] = iso ("2026-01-12");
  q.ends[3] = iso ("2026-03-20");
  assert_refused (f->store, &q);
  /* A quarter that ends before it begins. */
  set_quarters (&q, 2025, own_2025);
  q.ends[0] = iso ("2025-08-30");
  assert_refused (f->store, &q);
  /* Outside 1 September – 31 August. */
  set_quarters (&q, 2025, own_2025);
  q.starts[0] = iso ("2025-08-31");
  assert_refused (f->store, &q);
  set_quarters (&q, 2025, own_2025);
  q.ends[3] = iso ("2026-09-01");
  assert_refused (f->store, &q);
  /* No dates at all. */
  set_quarters (&q, 2025, own_2025);
  g_date_clear (&q.ends[2], 1);
  assert_refused (f->store, &q);
  g_assert_cmpint (count_rows (f->store), ==, 4);
}

static void
test_store_quarters_func (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *defaults = NULL;
  NstSchoolQuarters q;

  set_quarters (&q, 2025, own_2025);
  g_assert_true (nst_store_save_quarters (f->store, &q, &error));
  g_assert_no_error (error);

  /* The school's own dates for 2025/2026, the usual ones for the year before. */
  ends = expand_with ("в конце каждой четверти", "2025-01-01", "2026-08-31",
                      nst_store_quarters_func, f->store);
  g_assert_cmpstr (ends, ==, "22.03.2025 26.05.2025 24.10.2025 29.12.2025 20.03.2026 29.05.2026");
  defaults = expand_with ("в конце каждой четверти", "2025-09-01", "2026-08-31",
                          nst_store_quarters_func, NULL);
  g_assert_cmpstr (defaults, ==, "26.10.2025 28.12.2025 22.03.2026 26.05.2026");
}

static void
test_store_quarters_damaged (StoreFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  NstSchoolQuarters q;

  g_assert_cmpint (sqlite3_exec (nst_store_get_db (f->store),
                                 "INSERT INTO school_quarter VALUES (2025, 1, '01.09.2025', '2025-10-26')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (nst_store_load_quarters (f->store, 2025, &q, &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_CORRUPT);

  if (g_test_subprocess ())
    {
      g_autofree char *ends = NULL;

      /* Here the warning is the point, not a failure. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      ends = expand_with ("в конце каждой четверти", "2025-09-01", "2026-08-31",
                          nst_store_quarters_func, f->store);
      g_print ("%s\n", ends);
    }
}

/* A plan still gets dates from a damaged table: the usual ones, and a
 * warning in the log. */
static void
test_store_quarters_fallback (void)
{
  g_test_trap_subprocess ("/schedule/store/damaged", 0, 0);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("26.10.2025 28.12.2025 22.03.2026 26.05.2026\n");
  g_test_trap_assert_stderr ("*Using the usual quarter dates for 2025*");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/parse/seed", test_parse_seed);
  g_test_add_func ("/schedule/parse/forms", test_parse_forms);
  g_test_add_func ("/schedule/parse/copy", test_copy);
  g_test_add_func ("/schedule/parse/own-dates", test_own_dates);
  g_test_add_func ("/schedule/parse/quarter-named", test_quarter_named);
  g_test_add_func ("/schedule/parse/unknown", test_parse_unknown);
  g_test_add_func ("/schedule/parse/bad-date", test_parse_bad_date);
  g_test_add_func ("/schedule/parse/bad-period", test_parse_bad_period);
  g_test_add_func ("/schedule/expand/dates", test_expand_dates);
  g_test_add_func ("/schedule/expand/periods", test_expand_periods);
  g_test_add_func ("/schedule/expand/quarter-period", test_expand_quarter_period);
  g_test_add_func ("/schedule/expand/yearly", test_expand_yearly);
  g_test_add_func ("/schedule/expand/quarters", test_expand_quarters);
  g_test_add_func ("/schedule/expand/monthly", test_expand_monthly);
  g_test_add_func ("/schedule/expand/leap-year", test_expand_leap_year);
  g_test_add_func ("/schedule/expand/across-school-years", test_expand_across_school_years);
  g_test_add_func ("/schedule/expand/throughout", test_expand_throughout);
  g_test_add_func ("/schedule/expand/empty-window", test_expand_empty_window);
  g_test_add_func ("/schedule/expand/custom-quarters", test_expand_custom_quarters);
  g_test_add_func ("/schedule/quarters/default", test_quarters_default);
  g_test_add_func ("/schedule/quarters/which", test_quarters_which);
  g_test_add_func ("/schedule/deadline/states", test_deadline_states);
  g_test_add_func ("/schedule/deadline/labels", test_deadline_labels);
  g_test_add ("/schedule/store/quarters", StoreFixture, NULL,
              store_set_up, test_store_quarters, store_tear_down);
  g_test_add ("/schedule/store/refused", StoreFixture, NULL,
              store_set_up, test_store_quarters_refused, store_tear_down);
  g_test_add ("/schedule/store/quarters-func", StoreFixture, NULL,
              store_set_up, test_store_quarters_func, store_tear_down);
  g_test_add ("/schedule/store/damaged", StoreFixture, NULL,
              store_set_up, test_store_quarters_damaged, store_tear_down);
  g_test_add_func ("/schedule/store/fallback", test_store_quarters_fallback);

  return g_test_run ();
}
