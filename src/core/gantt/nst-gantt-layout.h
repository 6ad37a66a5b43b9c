/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "model/nst-programme.h"
#include "model/nst-roadmap.h"
#include "schedule/nst-schedule.h"

G_BEGIN_DECLS

/* The pure geometry of the Gantt chart, apart from whatever draws it (the
 * widget, the PNG, the PDF): rows grouped under section titles, each with
 * its bars, diamonds and marks and their states at a status date, and the
 * timescale. Horizontal positions are normalised: x = 0 is the left edge
 * of the first visible day, x = 1 the right edge of the last, whatever the
 * width in pixels. Vertical positions are row indices; NstGanttView turns
 * both into pixels for drawing and hit-testing.
 *
 * The layout is built once from an NstGanttInput (when the data or the
 * status date change); zoom and scroll only change its view, which is
 * cheap, so a frame never walks the database or expands a schedule.
 *
 *   input = nst_gantt_input_new ();
 *   nst_gantt_input_add_roadmap (input, roadmap, quarters_for, data);
 *   layout = nst_gantt_layout_new (input, &status_date, &today, quarters_for, data);
 *   nst_gantt_layout_set_range (layout, &from, &to);
 *   nst_gantt_render (cr, layout, &view, &palette);   // nst-gantt-render.h
 */

#define NST_GANTT_ERROR (nst_gantt_error_quark ())
GQuark nst_gantt_error_quark (void);

typedef enum
{
  NST_GANTT_ERROR_WRITE,     /* the file could not be written */
  NST_GANTT_ERROR_TOO_LARGE, /* the image would be larger than cairo draws */
  NST_GANTT_ERROR_FORMAT,    /* neither .png nor .pdf */
} NstGanttError;

typedef enum
{
  NST_GANTT_SHAPE_BAR,     /* a period: from its first day to its last */
  NST_GANTT_SHAPE_DIAMOND, /* a day or a deadline */
  NST_GANTT_SHAPE_MARK,    /* one occurrence of a rule, at its deadline */
} NstGanttShapeKind;

#define NST_GANTT_N_STATES (NST_DEADLINE_CANCELLED + 1)

/* Where rows come from (NstGanttRowSpec.source). */
enum
{
  NST_GANTT_SOURCE_ROADMAP,    /* roadmap items: the row's object is an NstRoadmapItem */
  NST_GANTT_SOURCE_PROGRAMMES, /* the pairs' plans: the row's object is an NstPlanItem */
};

/* ---- input ---------------------------------------------------------------- */

/* One occurrence as a source knows it: its dates and whether and when it
 * was done. The layout works out its state at the status date. */
typedef struct
{
  GDate start;      /* the first day; == @due for a deadline */
  GDate due;
  GDate done_on;    /* cleared when not done */
  gboolean cancelled;
} NstGanttOccurrence;

/* A row as any source fills it: a roadmap item, or a plan item of a pair's
 * programme (the «Программы пар» toggle). Strings are copied and @object
 * is referenced by nst_gantt_input_add_row(). */
typedef struct
{
  const char *number;      /* «3», before the label; nullable */
  const char *label;       /* the row's text in the labels column */
  const char *bar_text;    /* on or beside a bar or a diamond (the schedule); nullable */
  NstGanttShapeKind shape; /* how its occurrences are drawn */
  gboolean can_move;       /* a drag may move it (nst_roadmap_item_get_can_move()) */
  gint64 id;               /* the source's id */
  guint source;            /* NST_GANTT_SOURCE_…, or a tag of the caller's */
  GObject *object;         /* nullable: the item, for the tooltip and editing */
  const NstGanttOccurrence *occurrences;
  guint n_occurrences;
} NstGanttRowSpec;

typedef struct _NstGanttInput NstGanttInput;

NstGanttInput *nst_gantt_input_new          (void);
void           nst_gantt_input_free         (NstGanttInput        *input);
void           nst_gantt_input_add_group    (NstGanttInput        *input,
                                             const char           *title,
                                             guint                 source);
guint          nst_gantt_input_add_row      (NstGanttInput        *input,
                                             const NstGanttRowSpec *spec);
void           nst_gantt_input_add_roadmap  (NstGanttInput        *input,
                                             NstRoadmap           *roadmap,
                                             NstQuartersFunc       quarters_for,
                                             gpointer              user_data);
void           nst_gantt_input_add_programme (NstGanttInput       *input,
                                              NstProgramme        *programme);
guint          nst_gantt_input_get_n_rows   (NstGanttInput        *input);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstGanttInput, nst_gantt_input_free)

/* ---- layout --------------------------------------------------------------- */

typedef enum
{
  NST_GANTT_ROW_GROUP, /* a section's title */
  NST_GANTT_ROW_TASK,  /* an item with its shapes */
} NstGanttRowKind;

typedef struct
{
  NstGanttShapeKind kind;
  NstDeadlineState state;   /* at the layout's status date */
  guint occurrence;         /* its index among the row's occurrences */
  GDate start;
  GDate due;
  int first_day;            /* Julian days of @start and @due */
  int last_day;
  double x0;                /* the left edge of the first day */
  double x1;                /* the right edge of the last day */
  double x;                 /* the anchor: the middle of the due day */
} NstGanttShape;

typedef struct
{
  NstGanttRowKind kind;
  guint index;              /* from the top, 0-based */
  int group;                /* the index of its group row, -1 for none */
  char *number;
  char *label;
  char *bar_text;
  gint64 id;
  guint source;
  GObject *object;
  gboolean can_move;
  NstDeadlineState state;   /* the most pressing of its shapes' */
  NstGanttShapeKind shape_kind;
  NstGanttShape *shapes;    /* in date order */
  guint n_shapes;
  NstGanttOccurrence *occurrences;
  guint n_occurrences;
  double bar_text_em;       /* the bar text's width for a 1 px font, < 0 until measured */
} NstGanttRow;

typedef struct _NstGanttLayout NstGanttLayout;

#define NST_TYPE_GANTT_LAYOUT (nst_gantt_layout_get_type ())
GType              nst_gantt_layout_get_type      (void) G_GNUC_CONST;

NstGanttLayout    *nst_gantt_layout_new           (NstGanttInput     *input,
                                                   const GDate       *status_date,
                                                   const GDate       *today,
                                                   NstQuartersFunc    quarters_for,
                                                   gpointer           user_data);
NstGanttLayout    *nst_gantt_layout_ref           (NstGanttLayout    *layout);
void               nst_gantt_layout_unref         (NstGanttLayout    *layout);

void               nst_gantt_layout_set_status_date (NstGanttLayout  *layout,
                                                     const GDate     *status_date);
void               nst_gantt_layout_get_status_date (NstGanttLayout  *layout,
                                                     GDate           *out);
void               nst_gantt_layout_set_today     (NstGanttLayout    *layout,
                                                   const GDate       *today);
void               nst_gantt_layout_get_today     (NstGanttLayout    *layout,
                                                   GDate             *out);
gboolean           nst_gantt_layout_get_extent    (NstGanttLayout    *layout,
                                                   GDate             *first,
                                                   GDate             *last);

guint              nst_gantt_layout_get_n_rows    (NstGanttLayout    *layout);
const NstGanttRow *nst_gantt_layout_get_row       (NstGanttLayout    *layout,
                                                   guint              index);
int                nst_gantt_layout_find_row      (NstGanttLayout    *layout,
                                                   guint              source,
                                                   gint64             id);
int                nst_gantt_layout_step_row      (NstGanttLayout    *layout,
                                                   int                row,
                                                   int                step);
char              *nst_gantt_layout_dup_tooltip   (NstGanttLayout    *layout,
                                                   guint              row,
                                                   int                shape);
guint              nst_gantt_layout_count_states  (NstGanttLayout    *layout,
                                                   guint              counts[NST_GANTT_N_STATES]);

/* The visible range, in Julian days (g_date_get_julian()): fractional, so
 * that zoom and scroll are smooth. */
void               nst_gantt_layout_set_range     (NstGanttLayout    *layout,
                                                   const GDate       *first,
                                                   const GDate       *last);
void               nst_gantt_layout_set_view      (NstGanttLayout    *layout,
                                                   double             first_day,
                                                   double             n_days);
void               nst_gantt_layout_get_view      (NstGanttLayout    *layout,
                                                   double            *first_day,
                                                   double            *n_days);
void               nst_gantt_layout_zoom          (NstGanttLayout    *layout,
                                                   double             factor,
                                                   double             anchor_x);
void               nst_gantt_layout_scroll        (NstGanttLayout    *layout,
                                                   double             dx);

double             nst_gantt_layout_day_to_x      (NstGanttLayout    *layout,
                                                   double             julian_day);
double             nst_gantt_layout_x_to_day      (NstGanttLayout    *layout,
                                                   double             x);
double             nst_gantt_layout_date_to_x     (NstGanttLayout    *layout,
                                                   const GDate       *date);
void               nst_gantt_layout_x_to_date     (NstGanttLayout    *layout,
                                                   double             x,
                                                   GDate             *out);
double             nst_gantt_layout_get_today_x   (NstGanttLayout    *layout);
double             nst_gantt_layout_get_status_x  (NstGanttLayout    *layout);

/* ---- timescale ------------------------------------------------------------ */

typedef enum
{
  NST_GANTT_BAND_YEAR,    /* school years, «2025/2026» */
  NST_GANTT_BAND_QUARTER, /* четверти and the holidays between them */
  NST_GANTT_BAND_MONTH,
  NST_GANTT_BAND_WEEK,    /* weeks from Monday, labelled with the Monday's date */
  NST_GANTT_BAND_DAY,
} NstGanttBandLevel;

/* Below these pixels per day a band is left out. */
#define NST_GANTT_MONTHS_MIN_PPD 0.7
#define NST_GANTT_WEEKS_MIN_PPD  3.5
#define NST_GANTT_DAYS_MIN_PPD   16.0

typedef struct
{
  double x0;          /* the left edge of its first day */
  double x1;          /* the right edge of its last day */
  GDate first;
  GDate last;
  gboolean holiday;   /* the holidays between quarters, or the summer */
  const char *label;  /* the longest text that fits, or NULL */
  double label_x;     /* the middle of the label, kept in the visible part */
} NstGanttTick;

typedef struct
{
  NstGanttBandLevel level;
  NstGanttTick *ticks;
  guint n_ticks;
} NstGanttBand;

/* A text's width in the caller's units (pixels, points), for choosing the
 * longest label that fits. */
typedef double (*NstGanttTextWidthFunc) (const char *text,
                                         gpointer    user_data);

typedef struct _NstGanttScale NstGanttScale;

NstGanttScale     *nst_gantt_scale_new            (NstGanttLayout        *layout,
                                                   double                 chart_width,
                                                   NstGanttTextWidthFunc  text_width,
                                                   gpointer               user_data);
void               nst_gantt_scale_free           (NstGanttScale         *scale);
guint              nst_gantt_scale_get_n_bands    (NstGanttScale         *scale);
const NstGanttBand *nst_gantt_scale_get_band      (NstGanttScale         *scale,
                                                   guint                  index);
const NstGanttBand *nst_gantt_scale_find_band     (NstGanttScale         *scale,
                                                   NstGanttBandLevel      level);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstGanttScale, nst_gantt_scale_free)

/* ---- the frame in pixels ---------------------------------------------------- */

/* How the chart sits in a drawing area: the labels column on the left
 * stays while the chart scrolls, the timescale on top stays while the rows
 * scroll. Device units: pixels on screen, points in a PDF. */
typedef struct
{
  double width;          /* the whole drawing area */
  double height;
  double label_width;    /* the frozen labels column */
  double row_height;
  double band_height;    /* one band of the timescale */
  double font_size;      /* of the labels; the timescale uses 0.9 of it */
  const char *font_family; /* nullable: "Sans" */
  double scroll_y;       /* how far the rows are scrolled up */
  guint label_lines;     /* 1 on screen (the tooltip has the rest), 2 on paper */
  int selected_row;      /* -1 for none */
  int hover_row;         /* -1 for none */
  int drag_row;          /* -1, or a row drawn moved by @drag_days */
  double drag_days;
} NstGanttView;

void               nst_gantt_view_init            (NstGanttView          *view,
                                                   double                 width,
                                                   double                 height,
                                                   double                 font_size);
double             nst_gantt_view_get_chart_width (const NstGanttView    *view);
guint              nst_gantt_view_count_bands     (const NstGanttView    *view,
                                                   NstGanttLayout        *layout);
double             nst_gantt_view_get_header_height (const NstGanttView  *view,
                                                     NstGanttLayout      *layout);
double             nst_gantt_view_get_content_height (const NstGanttView *view,
                                                      NstGanttLayout     *layout);
/* The size of a diamond or a mark, and the height of a bar. */
double             nst_gantt_view_get_shape_size  (const NstGanttView    *view);
double             nst_gantt_view_get_bar_height  (const NstGanttView    *view);
double             nst_gantt_view_x_to_pixel      (const NstGanttView    *view,
                                                   double                 x);
double             nst_gantt_view_pixel_to_x      (const NstGanttView    *view,
                                                   double                 pixel);
double             nst_gantt_view_row_to_pixel    (const NstGanttView    *view,
                                                   NstGanttLayout        *layout,
                                                   guint                  row);

typedef enum
{
  NST_GANTT_HIT_NONE,
  NST_GANTT_HIT_LABEL, /* the labels column, on a row */
  NST_GANTT_HIT_SCALE, /* the timescale */
  NST_GANTT_HIT_ROW,   /* the chart, on a row but not on a shape */
  NST_GANTT_HIT_SHAPE, /* a bar, a diamond or a mark */
} NstGanttHitArea;

typedef struct
{
  NstGanttHitArea area;
  int row;             /* -1 when not on a row */
  int shape;           /* the shape's index in the row, -1 when none */
  int occurrence;      /* the shape's occurrence, -1 when none */
  int edge;            /* on a bar: -1 its first day's edge, 1 its last's, 0 inside */
  double day;          /* the Julian day under the pointer (fractional) */
} NstGanttHit;

gboolean           nst_gantt_layout_hit           (NstGanttLayout        *layout,
                                                   const NstGanttView    *view,
                                                   double                 px,
                                                   double                 py,
                                                   NstGanttHit           *hit);

/* Where a row's bar text goes: inside its bar when it fits, else beside it
 * (after, or before when there is no room after), else nowhere. */
typedef enum
{
  NST_GANTT_LABEL_NONE,
  NST_GANTT_LABEL_INSIDE,
  NST_GANTT_LABEL_AFTER,
  NST_GANTT_LABEL_BEFORE,
} NstGanttLabelPlace;

NstGanttLabelPlace nst_gantt_place_label          (double                 x0,
                                                   double                 x1,
                                                   double                 text_width,
                                                   double                 min_x,
                                                   double                 max_x,
                                                   double                 padding,
                                                   double                *text_x);
NstGanttLabelPlace nst_gantt_layout_place_row_label (NstGanttLayout       *layout,
                                                     const NstGanttView   *view,
                                                     guint                 row,
                                                     NstGanttTextWidthFunc text_width,
                                                     gpointer              user_data,
                                                     double               *text_x,
                                                     double               *width);

/* ---- pages ------------------------------------------------------------------ */

/* One page of a printed chart: a range of days by a range of rows, drawn
 * with the labels column and the timescale of its own. Pages tile the
 * chart exactly: across, each starts on the day after the previous one
 * ends; down, on the row after. */
typedef struct
{
  guint page;         /* 0-based, in reading order: across, then down */
  guint column;       /* its place among the pages across time */
  guint line;         /* its place among the pages down the rows */
  double first_day;   /* Julian */
  double n_days;
  guint first_row;
  guint n_rows;
  double chart_width; /* @n_days at the pages' scale */
} NstGanttTile;

typedef struct
{
  double page_width;    /* landscape A4: 842 × 595 pt */
  double page_height;
  double margin;
  double heading_height; /* the title above the chart */
  double footer_height;  /* the legend below it */
  double min_ppd;        /* the narrowest a day may be; 0 fits the range across one page */
  NstGanttView view;     /* label width, row and band heights, font size */
} NstGanttPageSpec;

void               nst_gantt_page_spec_init_a4    (NstGanttPageSpec      *spec);
GArray            *nst_gantt_layout_paginate      (NstGanttLayout        *layout,
                                                   const NstGanttPageSpec *spec,
                                                   guint                 *n_columns,
                                                   guint                 *n_lines);

G_END_DECLS
