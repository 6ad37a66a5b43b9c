/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gantt/nst-gantt-layout.h"
#include "gantt/nst-gantt-render.h"

G_BEGIN_DECLS

/* The roadmap's Gantt chart on screen: draws a core NstGanttLayout with
 * nst_gantt_render() in the theme's colours, the labels column and the
 * timescale frozen while the chart scrolls. A GtkScrollable: put it in a
 * GtkScrolledWindow, which scrolls it across time (in days) and down the
 * rows (in pixels). Ctrl+scroll zooms around the pointer; a click selects
 * a row, a double click or Enter activates it; dragging a movable bar or
 * diamond asks, on release, to move it (::move-requested); dragging
 * anywhere else pans.
 *
 * (The name: core's NstGanttView is the frame in pixels that this widget
 * keeps for drawing and hit-testing.) */

#define NST_TYPE_GANTT_CHART (nst_gantt_chart_get_type ())
G_DECLARE_FINAL_TYPE (NstGanttChart, nst_gantt_chart, NST, GANTT_CHART, GtkWidget)

GtkWidget             *nst_gantt_chart_new                 (void);

NstGanttLayout        *nst_gantt_chart_get_layout          (NstGanttChart     *self);
void                   nst_gantt_chart_set_layout          (NstGanttChart     *self,
                                                            NstGanttLayout    *layout);
void                   nst_gantt_chart_set_period          (NstGanttChart     *self,
                                                            const GDate       *first,
                                                            const GDate       *last);
void                   nst_gantt_chart_set_status_date     (NstGanttChart     *self,
                                                            const GDate       *status_date);

void                   nst_gantt_chart_zoom                (NstGanttChart     *self,
                                                            double             factor);
gboolean               nst_gantt_chart_can_zoom_in         (NstGanttChart     *self);
gboolean               nst_gantt_chart_can_zoom_out        (NstGanttChart     *self);
void                   nst_gantt_chart_show_period         (NstGanttChart     *self);
void                   nst_gantt_chart_show_date           (NstGanttChart     *self,
                                                            const GDate       *date);
gboolean               nst_gantt_chart_get_visible_range   (NstGanttChart     *self,
                                                            GDate             *first,
                                                            GDate             *last);

int                    nst_gantt_chart_get_selected_row    (NstGanttChart     *self);
GObject               *nst_gantt_chart_get_selected_object (NstGanttChart     *self);
void                   nst_gantt_chart_select_row          (NstGanttChart     *self,
                                                            int                row);
gboolean               nst_gantt_chart_select_item         (NstGanttChart     *self,
                                                            guint              source,
                                                            gint64             id);
void                   nst_gantt_chart_request_move        (NstGanttChart     *self,
                                                            int                row,
                                                            int                days);

const NstGanttPalette *nst_gantt_chart_get_palette         (NstGanttChart     *self);
const NstGanttView    *nst_gantt_chart_get_frame           (NstGanttChart     *self);
gboolean               nst_gantt_chart_get_shape_point     (NstGanttChart     *self,
                                                            int                row,
                                                            double            *x,
                                                            double            *y);

G_END_DECLS
