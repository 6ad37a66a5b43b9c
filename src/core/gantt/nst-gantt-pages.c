/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-gantt"

#include "config.h"

#include <math.h>

#include "gantt/nst-gantt-private.h"

/* Landscape A4 in points, and a 10 mm margin. */
#define A4_LONG  841.89
#define A4_SHORT 595.28
#define MM       (72.0 / 25.4)

/**
 * nst_gantt_page_spec_init_a4:
 *
 * Landscape A4 with 10 mm margins, 8 pt text, two lines of label per
 * row, and a day never narrower than one point (three years take two pages
 * across).
 */
void
nst_gantt_page_spec_init_a4 (NstGanttPageSpec *spec)
{
  spec->page_width = A4_LONG;
  spec->page_height = A4_SHORT;
  spec->margin = 10 * MM;
  spec->heading_height = 26;
  spec->footer_height = 18;
  spec->min_ppd = 1.0;
  nst_gantt_view_init (&spec->view, spec->page_width - 2 * spec->margin,
                       spec->page_height - 2 * spec->margin, 8);
  spec->view.label_width = 62 * MM;
  spec->view.row_height = 20;
  spec->view.band_height = 12.5;
  spec->view.label_lines = 2;
}

/* The first of the latest month that begins after @start and no later
 * than @end, if it leaves at least half a page: pages break between
 * months when they can. */
static int
month_break (int start,
             int end)
{
  GDate date;
  int day;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) end);
  g_date_set_day (&date, 1);
  day = g_date_get_julian (&date);
  if (day > start && day - start >= (end - start) / 2)
    return day;
  return end;
}

/* Column breaks: days [breaks[i], breaks[i + 1]). */
static GArray *
column_breaks (int first,
               int end,
               int days_per_page)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (int));

  g_array_append_val (breaks, first);
  while (first < end)
    {
      int next = MIN (first + days_per_page, end);

      if (next < end)
        next = month_break (first, next);
      g_array_append_val (breaks, next);
      first = next;
    }
  return breaks;
}

/* Row breaks: a section's title is not left alone at a page's foot. */
static GArray *
line_breaks (NstGanttLayout *layout,
             guint           rows_per_page)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_rows = nst_gantt_layout_get_n_rows (layout);
  guint first = 0;

  g_array_append_val (breaks, first);
  while (first < n_rows)
    {
      guint next = MIN (first + rows_per_page, n_rows);

      if (next < n_rows && next - 1 > first &&
          nst_gantt_layout_get_row (layout, next - 1)->kind == NST_GANTT_ROW_GROUP)
        next--;
      g_array_append_val (breaks, next);
      first = next;
    }
  if (n_rows == 0)
    g_array_append_val (breaks, n_rows);
  return breaks;
}

/**
 * nst_gantt_layout_paginate:
 * @spec: the pages and how the chart is framed on them
 * @n_columns: (out) (optional): pages across time
 * @n_lines: (out) (optional): pages down the rows
 *
 * Tiles the layout's visible range and all its rows onto pages at one
 * scale: as many days per page as fit at @spec's narrowest day (wider when
 * the whole range fits on one page), and as many rows as fit under the
 * timescale.
 *
 * Returns: (transfer full) (element-type NstGanttTile): the pages, in
 *   reading order
 */
GArray *
nst_gantt_layout_paginate (NstGanttLayout         *layout,
                           const NstGanttPageSpec *spec,
                           guint                  *n_columns,
                           guint                  *n_lines)
{
  GArray *tiles = g_array_new (FALSE, TRUE, sizeof (NstGanttTile));
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GArray) lines = NULL;
  NstGanttBandLevel levels[4];
  double first_day, n_days, chart_room, rows_room, ppd;
  int first, end;

  nst_gantt_layout_get_view (layout, &first_day, &n_days);
  first = (int) floor (first_day);
  end = (int) ceil (first_day + n_days);
  chart_room = spec->page_width - 2 * spec->margin - spec->view.label_width;
  ppd = chart_room / (end - first);
  if (spec->min_ppd > 0)
    ppd = MAX (ppd, spec->min_ppd);
  rows_room = spec->page_height - 2 * spec->margin - spec->heading_height - spec->footer_height -
              nst_gantt_levels_for_ppd (ppd, levels) * spec->view.band_height;
  columns = column_breaks (first, end, MAX (1, (int) floor (chart_room / ppd + 1e-9)));
  lines = line_breaks (layout, MAX (1, (guint) floor (rows_room / spec->view.row_height)));

  for (guint l = 0; l + 1 < lines->len; l++)
    for (guint c = 0; c + 1 < columns->len; c++)
      {
        NstGanttTile tile;

        tile.page = tiles->len;
        tile.column = c;
        tile.line = l;
        tile.first_day = g_array_index (columns, int, c);
        tile.n_days = g_array_index (columns, int, c + 1) - tile.first_day;
        tile.first_row = g_array_index (lines, guint, l);
        tile.n_rows = g_array_index (lines, guint, l + 1) - tile.first_row;
        tile.chart_width = tile.n_days * ppd;
        g_array_append_val (tiles, tile);
      }
  if (n_columns != NULL)
    *n_columns = columns->len - 1;
  if (n_lines != NULL)
    *n_lines = lines->len - 1;
  return tiles;
}
