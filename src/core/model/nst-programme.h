/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/nst-group.h"
#include "model/nst-plan-item.h"

G_BEGIN_DECLS

/* A personalized mentoring programme (персонализированная программа
 * наставничества): one per pair or group and school year, with its plan.
 *
 * Progress is counted at the status date ("status-date", today unless set)
 * over the plan's occurrences; see nst-plan-item.h for what done, due and
 * overdue mean. A programme loaded alone (nst_store_get_programme()) counts
 * from its items and follows their marks; one from a list
 * (nst_store_list_programmes()) has no items and carries the counts the
 * store made. */

typedef enum
{
  NST_PROGRAMME_STATUS_DRAFT,      /* being written */
  NST_PROGRAMME_STATUS_ACTIVE,     /* approved and under way */
  NST_PROGRAMME_STATUS_FINISHED,   /* ended: the plan done */
  NST_PROGRAMME_STATUS_TERMINATED, /* ended early (seed 4.1) */
  NST_N_PROGRAMME_STATUSES
} NstProgrammeStatus;

typedef enum
{
  NST_PROGRAMME_FIELD_TITLE,
  NST_PROGRAMME_FIELD_STARTS_ON,
  NST_PROGRAMME_FIELD_ENDS_ON,
  NST_PROGRAMME_FIELD_PLAN,
  NST_PROGRAMME_N_CHECKED_FIELDS
} NstProgrammeField;

const char         *nst_programme_status_to_code   (NstProgrammeStatus status);
NstProgrammeStatus  nst_programme_status_from_code (const char        *code);
const char         *nst_programme_status_label     (NstProgrammeStatus status);

#define NST_TYPE_PROGRAMME (nst_programme_get_type ())
G_DECLARE_FINAL_TYPE (NstProgramme, nst_programme, NST, PROGRAMME, GObject)

NstProgramme       *nst_programme_new               (void);
NstProgramme       *nst_programme_copy              (NstProgramme *self);

gint64              nst_programme_get_id            (NstProgramme *self);
void                nst_programme_set_id            (NstProgramme *self,
                                                     gint64        id);
gint64              nst_programme_get_group_id      (NstProgramme *self);
void                nst_programme_set_group_id      (NstProgramme *self,
                                                     gint64        group_id);
guint               nst_programme_get_school_year   (NstProgramme *self);
void                nst_programme_set_school_year   (NstProgramme *self,
                                                     guint         start_year);
gint64              nst_programme_get_template_id   (NstProgramme *self);
void                nst_programme_set_template_id   (NstProgramme *self,
                                                     gint64        template_id);
NstProgrammeStatus  nst_programme_get_status        (NstProgramme *self);
void                nst_programme_set_status        (NstProgramme *self,
                                                     NstProgrammeStatus status);
NstEndReason        nst_programme_get_end_reason    (NstProgramme *self);
void                nst_programme_set_end_reason    (NstProgramme *self,
                                                     NstEndReason  reason);

/* Text: title, the request or difficulties, goal, tasks, expected result,
 * result; the period and the end as ISO dates. */
const char         *nst_programme_get_title         (NstProgramme *self);
void                nst_programme_set_title         (NstProgramme *self,
                                                     const char   *title);
const char         *nst_programme_get_request       (NstProgramme *self);
void                nst_programme_set_request       (NstProgramme *self,
                                                     const char   *request);
const char         *nst_programme_get_goal          (NstProgramme *self);
void                nst_programme_set_goal          (NstProgramme *self,
                                                     const char   *goal);
const char         *nst_programme_get_tasks         (NstProgramme *self);
void                nst_programme_set_tasks         (NstProgramme *self,
                                                     const char   *tasks);
const char         *nst_programme_get_expected_result (NstProgramme *self);
void                nst_programme_set_expected_result (NstProgramme *self,
                                                       const char *expected_result);
const char         *nst_programme_get_result        (NstProgramme *self);
void                nst_programme_set_result        (NstProgramme *self,
                                                     const char   *result);
const char         *nst_programme_get_starts_on     (NstProgramme *self);
void                nst_programme_set_starts_on     (NstProgramme *self,
                                                     const char   *iso_date);
const char         *nst_programme_get_ends_on       (NstProgramme *self);
void                nst_programme_set_ends_on       (NstProgramme *self,
                                                     const char   *iso_date);
const char         *nst_programme_get_ended_on      (NstProgramme *self);
void                nst_programme_set_ended_on      (NstProgramme *self,
                                                     const char   *iso_date);

/* The pair's facts, for display and search: filled by the store. */
const char         *nst_programme_get_mentor_name   (NstProgramme *self);
const char         *nst_programme_get_mentee_names  (NstProgramme *self);
NstGroupForm        nst_programme_get_form          (NstProgramme *self);
void                nst_programme_set_group_facts   (NstProgramme *self,
                                                     const char   *mentor_name,
                                                     const char   *mentee_names,
                                                     NstGroupForm  form);

/* The plan. */
GListModel         *nst_programme_get_items         (NstProgramme *self);
gboolean            nst_programme_get_items_loaded  (NstProgramme *self);
void                nst_programme_set_items         (NstProgramme *self,
                                                     GPtrArray    *items);
void                nst_programme_add_item          (NstProgramme *self,
                                                     NstPlanItem  *item);
void                nst_programme_remove_item       (NstProgramme *self,
                                                     guint         index);
void                nst_programme_move_item         (NstProgramme *self,
                                                     guint         from,
                                                     guint         to);

/* Progress. */
const char         *nst_programme_get_status_date   (NstProgramme *self);
void                nst_programme_set_status_date   (NstProgramme *self,
                                                     const char   *iso_date);
void                nst_programme_get_progress      (NstProgramme *self,
                                                     guint        *done,
                                                     guint        *due,
                                                     guint        *total,
                                                     guint        *overdue);
void                nst_programme_set_progress      (NstProgramme *self,
                                                     guint         done,
                                                     guint         due,
                                                     guint         total,
                                                     guint         overdue);
char               *nst_programme_dup_progress_label (NstProgramme *self);

char               *nst_programme_dup_period_label  (NstProgramme *self);
char               *nst_programme_dup_school_year_label (NstProgramme *self);
const char         *nst_programme_get_search_key    (NstProgramme *self);

char               *nst_programme_check_field       (NstProgramme *self,
                                                     NstProgrammeField field);
char               *nst_programme_check             (NstProgramme *self);

G_END_DECLS
