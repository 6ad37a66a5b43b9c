/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "schedule/nst-schedule.h"

G_BEGIN_DECLS

/* One dated occurrence of a plan item («каждый первый четверг месяца» makes
 * one per month): due on a day, or over a span, and done on a day or not.
 * Its state at a status date is nst_deadline_state()'s. */

#define NST_TYPE_PLAN_OCCURRENCE (nst_plan_occurrence_get_type ())
G_DECLARE_FINAL_TYPE (NstPlanOccurrence, nst_plan_occurrence, NST, PLAN_OCCURRENCE, GObject)

NstPlanOccurrence *nst_plan_occurrence_new          (const char        *starts_on,
                                                     const char        *due_on);
gint64             nst_plan_occurrence_get_item_id  (NstPlanOccurrence *self);
void               nst_plan_occurrence_set_item_id  (NstPlanOccurrence *self,
                                                     gint64             item_id);
const char        *nst_plan_occurrence_get_starts_on (NstPlanOccurrence *self);
const char        *nst_plan_occurrence_get_due_on   (NstPlanOccurrence *self);
const char        *nst_plan_occurrence_get_done_on  (NstPlanOccurrence *self);
void               nst_plan_occurrence_set_done_on  (NstPlanOccurrence *self,
                                                     const char        *iso_date);
gboolean           nst_plan_occurrence_is_done      (NstPlanOccurrence *self);
NstDeadlineState   nst_plan_occurrence_get_state    (NstPlanOccurrence *self,
                                                     const GDate       *status_date);

G_END_DECLS
