/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/nst-plan-item.h"

G_BEGIN_DECLS

#define NST_TYPE_PLAN_ROW (nst_plan_row_get_type ())
G_DECLARE_FINAL_TYPE (NstPlanRow, nst_plan_row, NST, PLAN_ROW, GtkListBoxRow)

/* One row of a programme's plan, laid out as a row of the paper table:
 * №, activity, schedule (as the school writes it, checked as it is
 * typed), responsible, expected result, the state; and under it the dated
 * occurrences its schedule makes, each with a check to mark it done.
 *
 * ::changed when a text is edited, ::schedule-changed when the schedule
 * is, ::move (delta) and ::remove from its menu, ::mark (occurrence, done)
 * when a check is clicked: the owner writes the mark and shows the row
 * again with nst_plan_row_show_occurrences(). */

NstPlanRow  *nst_plan_row_new              (NstPlanItem *item);
NstPlanItem *nst_plan_row_get_item         (NstPlanRow  *self);
void         nst_plan_row_set_number       (NstPlanRow  *self,
                                            guint        number,
                                            guint        count);
void         nst_plan_row_read             (NstPlanRow  *self);
gboolean     nst_plan_row_check            (NstPlanRow  *self,
                                            gboolean     reveal);
void         nst_plan_row_show_occurrences (NstPlanRow  *self,
                                            const GDate *status_date,
                                            gboolean     marks_live);
void         nst_plan_row_set_editable     (NstPlanRow  *self,
                                            gboolean     editable);
char        *nst_plan_row_dup_state        (NstPlanRow  *self);
GtkWidget   *nst_plan_row_new_header       (void);
void         nst_plan_row_focus            (NstPlanRow  *self);

G_END_DECLS
