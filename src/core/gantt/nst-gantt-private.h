/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gantt/nst-gantt-layout.h"

G_BEGIN_DECLS

/* Shared by the layout, the timescale, the pages and the drawing, so that
 * what is drawn is what is hit and paginated. */

/* The bands shown at @ppd pixels per day, top to bottom; returns how many. */
guint    nst_gantt_levels_for_ppd       (double              ppd,
                                         NstGanttBandLevel   levels[4]);
/* Whether a bar of @width pixels carries its state's symbol at its end. */
gboolean nst_gantt_bar_has_symbol       (const NstGanttView *view,
                                         NstDeadlineState    state,
                                         double              width);
/* The quarters of a school year, from the layout's cache. */
void     nst_gantt_layout_get_quarters  (NstGanttLayout     *layout,
                                         guint               school_year,
                                         NstSchoolQuarters  *out);
/* The row for the layout's own use: it caches the bar text's width. */
NstGanttRow *nst_gantt_layout_peek_row  (NstGanttLayout     *layout,
                                         guint               index);

G_END_DECLS
