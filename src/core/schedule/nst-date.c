/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-date"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule/nst-date.h"

static gboolean
set_checked (GDate *out,
             int    day,
             int    month,
             int    year)
{
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/* Exact digit counts only: «1.2.21» is too easy to misread to accept. */
static gboolean
all_digits (const char *p,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  return TRUE;
}

gboolean
nst_date_parse_iso (const char *text,
                    GDate      *out)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!all_digits (text, 4) || !all_digits (text + 5, 2) || !all_digits (text + 8, 2))
    return FALSE;
  return set_checked (out, atoi (text + 8), atoi (text + 5), atoi (text));
}

gboolean
nst_date_parse_ru (const char *text,
                   GDate      *out)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (strlen (trimmed) != 10 || trimmed[2] != '.' || trimmed[5] != '.')
    return FALSE;
  if (!all_digits (trimmed, 2) || !all_digits (trimmed + 3, 2) || !all_digits (trimmed + 6, 4))
    return FALSE;
  return set_checked (out, atoi (trimmed), atoi (trimmed + 3), atoi (trimmed + 6));
}

gboolean
nst_date_parse_any (const char *text,
                    GDate      *out)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  return nst_date_parse_ru (trimmed, out) || nst_date_parse_iso (trimmed, out);
}

char *
nst_date_format_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

char *
nst_date_format_ru (const GDate *date)
{
  return g_strdup_printf ("%02d.%02d.%04d", g_date_get_day (date),
                          g_date_get_month (date), g_date_get_year (date));
}

/**
 * nst_date_iso_to_ru:
 * @iso: (nullable): a stored date
 *
 * Returns: (transfer full): ДД.ММ.ГГГГ, or an empty string for no date
 */
char *
nst_date_iso_to_ru (const char *iso)
{
  GDate date;

  if (!nst_date_parse_iso (iso, &date))
    return g_strdup ("");
  return nst_date_format_ru (&date);
}

/**
 * nst_date_today:
 *
 * Today in local time. NST_TODAY=YYYY-MM-DD fixes it, so that tests and
 * demonstrations give the same answer every day.
 */
void
nst_date_today (GDate *out)
{
  const char *fixed = g_getenv ("NST_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (fixed != NULL && nst_date_parse_iso (fixed, out))
    return;
  now = g_date_time_new_now_local ();
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

/* Whole years from @from to @to, as one counts an age or a length of service. */
int
nst_date_full_years (const GDate *from,
                     const GDate *to)
{
  int years = g_date_get_year (to) - g_date_get_year (from);

  if (g_date_get_month (to) < g_date_get_month (from) ||
      (g_date_get_month (to) == g_date_get_month (from) &&
       g_date_get_day (to) < g_date_get_day (from)))
    years--;
  return years;
}

/* -1 when there is no date. */
int
nst_date_years_since_iso (const char  *iso,
                          const GDate *today)
{
  GDate since;

  if (!nst_date_parse_iso (iso, &since))
    return -1;
  return MAX (0, nst_date_full_years (&since, today));
}

/* The school year runs from 1 September to 31 August: 15.11.2025 is in 2025/2026. */
guint
nst_school_year_of (const GDate *date)
{
  guint year = g_date_get_year (date);

  return g_date_get_month (date) >= G_DATE_SEPTEMBER ? year : year - 1;
}

char *
nst_school_year_label (guint start_year)
{
  return g_strdup_printf ("%u/%u", start_year, start_year + 1);
}
