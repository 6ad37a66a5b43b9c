/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "gantt/nst-gantt-layout.h"

G_BEGIN_DECLS

/* Drawing the chart with cairo and pango onto any cairo_t: the widget's
 * snapshot (gtk_snapshot_append_cairo()), a PNG image and the pages of a
 * PDF all come through nst_gantt_render(), so they agree. Colours come
 * from the caller (the widget takes the theme's); every state also has its
 * own shape, so the chart reads without colour: ✓ done, ! overdue, half
 * filled due soon, hollow planned, struck through cancelled. */

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} NstGanttColor;

typedef struct
{
  NstGanttColor states[NST_GANTT_N_STATES]; /* by NstDeadlineState */
  NstGanttColor on_state;    /* ✓ and ! on a filled shape */
  NstGanttColor accent;      /* the today line, the selection */
  NstGanttColor foreground;  /* text */
  NstGanttColor dim;         /* numbers, the timescale, the status date line */
  NstGanttColor grid;        /* lines */
  NstGanttColor holiday;     /* the holidays between quarters, shaded */
  NstGanttColor background;  /* the chart */
  NstGanttColor header;      /* the labels column, the timescale, section rows */
} NstGanttPalette;

void     nst_gantt_palette_init_light (NstGanttPalette       *palette);
void     nst_gantt_palette_init_dark  (NstGanttPalette       *palette);

void     nst_gantt_render             (cairo_t               *cr,
                                       NstGanttLayout        *layout,
                                       const NstGanttView    *view,
                                       const NstGanttPalette *palette);
void     nst_gantt_render_symbol      (cairo_t               *cr,
                                       const NstGanttPalette *palette,
                                       NstGanttShapeKind      kind,
                                       NstDeadlineState       state,
                                       double                 cx,
                                       double                 cy,
                                       double                 size);
void     nst_gantt_render_legend      (cairo_t               *cr,
                                       const NstGanttPalette *palette,
                                       const char            *font_family,
                                       double                 font_size,
                                       double                 x,
                                       double                 y,
                                       double                *width,
                                       double                *height);

/* Drawing keeps fonts for the whole process (pango's font map, fontconfig's
 * configuration). A program that exits after drawing, the CLI or a test,
 * gives them back first so that a leak checker sees only real leaks; it
 * draws nothing afterwards. The application need not. */
void     nst_gantt_render_release_fonts (void);

/* ---- files ------------------------------------------------------------------ */

typedef struct
{
  const char *title;               /* the heading, such as the roadmap's title; nullable */
  const NstGanttPalette *palette;  /* nullable: the light one */
  double png_width;                /* pixels across a PNG; 0 for 1600 */
  const NstGanttPageSpec *pages;   /* nullable: landscape A4 (nst_gantt_page_spec_init_a4()) */
} NstGanttExportOptions;

gboolean nst_gantt_export_png         (NstGanttLayout              *layout,
                                       const char                  *path,
                                       const NstGanttExportOptions *options,
                                       GError                     **error);
gboolean nst_gantt_export_pdf         (NstGanttLayout              *layout,
                                       const char                  *path,
                                       const NstGanttExportOptions *options,
                                       GError                     **error);
gboolean nst_gantt_export             (NstGanttLayout              *layout,
                                       const char                  *path,
                                       const NstGanttExportOptions *options,
                                       GError                     **error);
void     nst_gantt_render_page        (cairo_t                     *cr,
                                       NstGanttLayout              *layout,
                                       const NstGanttPageSpec      *spec,
                                       const NstGanttTile          *tile,
                                       guint                        n_pages,
                                       const NstGanttExportOptions *options);

G_END_DECLS
