/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/nst-plan-occurrence.h"

G_BEGIN_DECLS

/* A row of a personalized programme's plan (or of a template's): №,
 * activity (мероприятие), schedule (сроки) as the school writes it, who is
 * responsible, the expected result; and the dated occurrences its schedule
 * expands into over the programme's period, each marked done or not.
 *
 * Counts at a status date follow nst_deadline_state(): an occurrence is
 * "due" when its day has come or it was done early, "done" when done by
 * that day, "overdue" when its day has passed and it is not done. */

#define NST_TYPE_PLAN_ITEM (nst_plan_item_get_type ())
G_DECLARE_FINAL_TYPE (NstPlanItem, nst_plan_item, NST, PLAN_ITEM, GObject)

NstPlanItem      *nst_plan_item_new                 (void);
NstPlanItem      *nst_plan_item_copy                (NstPlanItem  *self);
gint64            nst_plan_item_get_id              (NstPlanItem  *self);
void              nst_plan_item_set_id              (NstPlanItem  *self,
                                                     gint64        id);
guint             nst_plan_item_get_position        (NstPlanItem  *self);
void              nst_plan_item_set_position        (NstPlanItem  *self,
                                                     guint         position);
const char       *nst_plan_item_get_activity        (NstPlanItem  *self);
void              nst_plan_item_set_activity        (NstPlanItem  *self,
                                                     const char   *activity);
const char       *nst_plan_item_get_schedule        (NstPlanItem  *self);
void              nst_plan_item_set_schedule        (NstPlanItem  *self,
                                                     const char   *schedule);
const char       *nst_plan_item_get_responsible     (NstPlanItem  *self);
void              nst_plan_item_set_responsible     (NstPlanItem  *self,
                                                     const char   *responsible);
const char       *nst_plan_item_get_expected_result (NstPlanItem  *self);
void              nst_plan_item_set_expected_result (NstPlanItem  *self,
                                                     const char   *expected_result);

/* Whether nst_schedule_parse() understands the schedule. One it does not
 * understand («по запросу») still gets one occurrence: the whole period. */
gboolean          nst_plan_item_get_schedule_understood (NstPlanItem *self);

GListModel       *nst_plan_item_get_occurrences     (NstPlanItem  *self);
void              nst_plan_item_set_occurrences     (NstPlanItem  *self,
                                                     GPtrArray    *occurrences);
NstPlanOccurrence *nst_plan_item_find_occurrence    (NstPlanItem  *self,
                                                     const char   *due_on);
void              nst_plan_item_count               (NstPlanItem  *self,
                                                     const GDate  *status_date,
                                                     guint        *done,
                                                     guint        *due,
                                                     guint        *overdue);
NstDeadlineState  nst_plan_item_get_state           (NstPlanItem  *self,
                                                     const GDate  *status_date);
char             *nst_plan_item_dup_summary         (NstPlanItem  *self);
char             *nst_plan_item_check               (NstPlanItem  *self);

G_END_DECLS
