/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-gantt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "schedule/nst-date.h"
#include "gantt/nst-gantt-private.h"

/* The timescale of the visible range: school years, quarters and the
 * holidays between them, months, weeks or days, as the pixels per day
 * allow. Each tick carries the longest label that fits it. */

struct _NstGanttScale
{
  GArray *bands;        /* NstGanttBand */
  GStringChunk *texts;  /* the labels */
};

typedef struct
{
  NstGanttLayout *layout;
  double chart_width;
  NstGanttTextWidthFunc text_width;
  gpointer user_data;
  NstGanttScale *scale;
  GArray *ticks;        /* the band being built */
  GArray *candidates;   /* its ticks' Candidates */
  GHashTable *widths;   /* label in the chunk → its width, measured once */
  int first_day;        /* the visible days, inclusive */
  int last_day;
} Builder;

static const char *const month_names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

static const char *const month_abbreviations[] = {
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"),
  NC_("month", "Apr"), NC_("month", "May"), NC_("month", "Jun"),
  NC_("month", "Jul"), NC_("month", "Aug"), NC_("month", "Sep"),
  NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

static const char *const roman[] = { "I", "II", "III", "IV" };

static void
set_julian (GDate *date,
            int    day)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) day);
}

/* Up to three labels of a tick, longest first, and their widths. */
#define MAX_CANDIDATES 3

typedef struct
{
  const char *text[MAX_CANDIDATES];
  double width[MAX_CANDIDATES];
  guint n;
} Candidates;

static double
visible_room (Builder            *b,
              const NstGanttTick *tick)
{
  return (MIN (tick->x1, 1) - MAX (tick->x0, 0)) * b->chart_width - 4;
}

/* The first candidate from @from on that fits, or n. */
static guint
first_fitting (const Candidates *c,
               guint             from,
               double            room)
{
  for (guint i = from; i < c->n; i++)
    if (c->width[i] <= room)
      return i;
  return c->n;
}

/* One kind of label for the whole band, the longest that every tick in
 * full view can carry («сентябрь», «октябрь» rather than «сентябрь»,
 * «окт»); a tick that cannot carry it takes a shorter one. Holidays are
 * labelled on their own. Labels are centred in the tick's visible part,
 * so a school year's stays in sight while the chart scrolls. */
static void
choose_labels (Builder    *b,
               GArray     *ticks,
               Candidates *candidates)
{
  guint level = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      NstGanttTick *tick = &g_array_index (ticks, NstGanttTick, i);
      guint fit = first_fitting (&candidates[i], 0, visible_room (b, tick));

      if (!tick->holiday && tick->x0 >= 0 && tick->x1 <= 1 && fit < candidates[i].n)
        level = MAX (level, fit);
    }
  for (guint i = 0; i < ticks->len; i++)
    {
      NstGanttTick *tick = &g_array_index (ticks, NstGanttTick, i);
      guint fit = first_fitting (&candidates[i], tick->holiday ? 0 : level, visible_room (b, tick));

      tick->label = fit < candidates[i].n ? candidates[i].text[fit] : NULL;
      tick->label_x = (MAX (tick->x0, 0) + MIN (tick->x1, 1)) / 2;
    }
}

/* Adds the tick over [@first, @last] (Julian days), cut to the visible
 * range, with its candidate labels. */
static void
add_tick (Builder           *b,
          int                first,
          int                last,
          gboolean           holiday,
          const char *const *texts,
          guint              n_texts)
{
  NstGanttTick tick = { 0 };
  Candidates candidates = { 0 };

  if (last < b->first_day || first > b->last_day || last < first)
    return;
  tick.x0 = nst_gantt_layout_day_to_x (b->layout, first);
  tick.x1 = nst_gantt_layout_day_to_x (b->layout, last + 1);
  set_julian (&tick.first, first);
  set_julian (&tick.last, last);
  tick.holiday = holiday;
  for (guint i = 0; i < n_texts && candidates.n < MAX_CANDIDATES; i++)
    if (texts[i] != NULL)
      {
        const char *text = g_string_chunk_insert_const (b->scale->texts, texts[i]);
        double *width = g_hash_table_lookup (b->widths, text);

        if (width == NULL)
          {
            width = g_new (double, 1);
            *width = b->text_width (text, b->user_data);
            g_hash_table_insert (b->widths, (gpointer) text, width);
          }
        candidates.text[candidates.n] = text;
        candidates.width[candidates.n] = *width;
        candidates.n++;
      }
  g_array_append_val (b->ticks, tick);
  g_array_append_val (b->candidates, candidates);
}

static int
julian_dmy (guint day,
            guint month,
            guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static guint
school_year_of_day (int day)
{
  GDate date;

  set_julian (&date, day);
  return nst_school_year_of (&date);
}

static void
build_years (Builder *b)
{
  for (guint y = school_year_of_day (b->first_day); y <= school_year_of_day (b->last_day); y++)
    {
      g_autofree char *full = nst_school_year_label (y);
      g_autofree char *school = g_strdup_printf (_("%s school year"), full);
      g_autofree char *brief = g_strdup_printf ("%02u/%02u", y % 100, (y + 1) % 100);
      const char *candidates[] = { school, full, brief };

      add_tick (b, julian_dmy (1, G_DATE_SEPTEMBER, y), julian_dmy (31, G_DATE_AUGUST, y + 1) , FALSE,
                candidates, G_N_ELEMENTS (candidates));
    }
}

static gboolean
quarter_valid (const NstSchoolQuarters *q,
               guint                    i)
{
  return g_date_valid (&q->starts[i]) && g_date_valid (&q->ends[i]);
}

/* The quarters of a school year and the holidays after each: the summer
 * runs from the end of the fourth to the start of next year's first. */
static void
build_quarters_of (Builder *b,
                   guint    year)
{
  NstSchoolQuarters q, next;

  nst_gantt_layout_get_quarters (b->layout, year, &q);
  nst_gantt_layout_get_quarters (b->layout, year + 1, &next);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = NULL;
      const char *holiday[] = { i == 3 ? _("summer holidays") : _("holidays"), _("holidays") };
      const GDate *following = i < 3 ? &q.starts[i + 1] : &next.starts[0];
      const char *candidates[2];

      if (!quarter_valid (&q, i))
        continue;
      name = g_strdup_printf (_("%s quarter"), roman[i]);
      candidates[0] = name;
      candidates[1] = roman[i];
      add_tick (b, g_date_get_julian (&q.starts[i]), g_date_get_julian (&q.ends[i]), FALSE,
                candidates, G_N_ELEMENTS (candidates));
      if (g_date_valid (following))
        add_tick (b, g_date_get_julian (&q.ends[i]) + 1, (int) g_date_get_julian (following) - 1,
                  TRUE, holiday, G_N_ELEMENTS (holiday));
    }
}

static void
build_quarters (Builder *b)
{
  /* The year before, for the summer that runs into the first one shown. */
  for (guint y = school_year_of_day (b->first_day) - 1; y <= school_year_of_day (b->last_day); y++)
    build_quarters_of (b, y);
}

static void
build_months (Builder *b)
{
  GDate first, date;

  set_julian (&first, b->first_day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, g_date_get_month (&first), g_date_get_year (&first));
  while ((int) g_date_get_julian (&date) <= b->last_day)
    {
      guint month = g_date_get_month (&date);
      guint year = g_date_get_year (&date);
      const char *name = g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[month - 1]);
      g_autofree char *with_year = g_strdup_printf ("%s %u", name, year);
      const char *brief = g_dpgettext2 (GETTEXT_PACKAGE, "month", month_abbreviations[month - 1]);
      const char *candidates[] = { with_year, name, brief };
      int start = g_date_get_julian (&date);

      g_date_add_months (&date, 1);
      add_tick (b, start, (int) g_date_get_julian (&date) - 1, FALSE,
                candidates, G_N_ELEMENTS (candidates));
    }
}

/* Weeks from Monday, labelled with the Monday's day and month. */
static void
build_weeks (Builder *b)
{
  GDate date;
  int day;

  set_julian (&date, b->first_day);
  day = b->first_day - (g_date_get_weekday (&date) - G_DATE_MONDAY);
  for (; day <= b->last_day; day += 7)
    {
      g_autofree char *full = NULL;
      g_autofree char *brief = NULL;
      const char *candidates[2];

      set_julian (&date, day);
      full = g_strdup_printf ("%02u.%02u", g_date_get_day (&date), g_date_get_month (&date));
      brief = g_strdup_printf ("%u", g_date_get_day (&date));
      candidates[0] = full;
      candidates[1] = brief;
      add_tick (b, day, day + 6, FALSE, candidates, G_N_ELEMENTS (candidates));
    }
}

static void
build_days (Builder *b)
{
  GDate date;

  for (int day = b->first_day; day <= b->last_day; day++)
    {
      g_autofree char *label = NULL;
      const char *candidates[1];

      set_julian (&date, day);
      label = g_strdup_printf ("%u", g_date_get_day (&date));
      candidates[0] = label;
      add_tick (b, day, day, g_date_get_weekday (&date) >= G_DATE_SATURDAY,
                candidates, G_N_ELEMENTS (candidates));
    }
}

static void
build_band (Builder           *b,
            NstGanttBandLevel  level)
{
  NstGanttBand band = { level, NULL, 0 };

  b->ticks = g_array_new (FALSE, TRUE, sizeof (NstGanttTick));
  b->candidates = g_array_new (FALSE, TRUE, sizeof (Candidates));
  switch (level)
    {
    case NST_GANTT_BAND_YEAR: build_years (b); break;
    case NST_GANTT_BAND_QUARTER: build_quarters (b); break;
    case NST_GANTT_BAND_MONTH: build_months (b); break;
    case NST_GANTT_BAND_WEEK: build_weeks (b); break;
    case NST_GANTT_BAND_DAY: build_days (b); break;
    default: g_assert_not_reached ();
    }
  choose_labels (b, b->ticks, (Candidates *) (void *) b->candidates->data);
  g_clear_pointer (&b->candidates, g_array_unref);
  band.n_ticks = b->ticks->len;
  band.ticks = (NstGanttTick *) (void *) g_array_free (b->ticks, FALSE);
  g_array_append_val (b->scale->bands, band);
}

static void
clear_band (gpointer data)
{
  g_free (((NstGanttBand *) data)->ticks);
}

/**
 * nst_gantt_scale_new:
 * @chart_width: the chart's width (without the labels column), in the
 *   units of @text_width
 * @text_width: measures a label at the timescale's font
 *
 * The timescale of @layout's visible range at this width.
 *
 * Returns: (transfer full): the bands, top to bottom
 */
NstGanttScale *
nst_gantt_scale_new (NstGanttLayout        *layout,
                     double                 chart_width,
                     NstGanttTextWidthFunc  text_width,
                     gpointer               user_data)
{
  NstGanttScale *scale = g_new0 (NstGanttScale, 1);
  NstGanttBandLevel levels[4];
  Builder b = { 0 };
  double first_day, n_days;
  guint n_levels;

  nst_gantt_layout_get_view (layout, &first_day, &n_days);
  scale->bands = g_array_new (FALSE, TRUE, sizeof (NstGanttBand));
  g_array_set_clear_func (scale->bands, clear_band);
  scale->texts = g_string_chunk_new (256);
  b.layout = layout;
  b.chart_width = chart_width;
  b.text_width = text_width;
  b.user_data = user_data;
  b.scale = scale;
  b.first_day = (int) floor (first_day);
  b.last_day = (int) ceil (first_day + n_days) - 1;
  b.widths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  n_levels = nst_gantt_levels_for_ppd (chart_width / n_days, levels);
  for (guint i = 0; i < n_levels; i++)
    build_band (&b, levels[i]);
  g_hash_table_unref (b.widths);
  return scale;
}

void
nst_gantt_scale_free (NstGanttScale *scale)
{
  if (scale == NULL)
    return;
  g_array_unref (scale->bands);
  g_string_chunk_free (scale->texts);
  g_free (scale);
}

guint
nst_gantt_scale_get_n_bands (NstGanttScale *scale)
{
  return scale->bands->len;
}

/**
 * nst_gantt_scale_get_band:
 *
 * Returns: (transfer none): the band, owned by @scale
 */
const NstGanttBand *
nst_gantt_scale_get_band (NstGanttScale *scale,
                          guint          index)
{
  g_return_val_if_fail (index < scale->bands->len, NULL);
  return &g_array_index (scale->bands, NstGanttBand, index);
}

/**
 * nst_gantt_scale_find_band:
 *
 * Returns: (transfer none) (nullable): the band of @level, if shown
 */
const NstGanttBand *
nst_gantt_scale_find_band (NstGanttScale     *scale,
                           NstGanttBandLevel  level)
{
  for (guint i = 0; i < scale->bands->len; i++)
    if (g_array_index (scale->bands, NstGanttBand, i).level == level)
      return &g_array_index (scale->bands, NstGanttBand, i);
  return NULL;
}
