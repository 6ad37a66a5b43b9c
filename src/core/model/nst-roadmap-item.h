/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "schedule/nst-schedule.h"

G_BEGIN_DECLS

/* An item's status as the curator records it. */
typedef enum
{
  NST_ROADMAP_STATUS_PLANNED,
  NST_ROADMAP_STATUS_IN_PROGRESS,
  NST_ROADMAP_STATUS_DONE,
  NST_ROADMAP_STATUS_CANCELLED,
  NST_ROADMAP_N_STATUSES
} NstRoadmapStatus;

const char       *nst_roadmap_status_to_code   (NstRoadmapStatus status);
NstRoadmapStatus  nst_roadmap_status_from_code (const char      *code);
const char       *nst_roadmap_status_label     (NstRoadmapStatus status);

/* How an item's schedule lies on the calendar, which is how the chart draws
 * it. */
typedef enum
{
  NST_ROADMAP_TIMING_NONE,      /* no dates yet («По отдельному графику»): text only */
  NST_ROADMAP_TIMING_DATE,      /* a day or a deadline («до 25.10.2021»): a diamond */
  NST_ROADMAP_TIMING_PERIOD,    /* a span («весь период», «сентябрь 2021 – май 2024»): a bar */
  NST_ROADMAP_TIMING_RECURRING, /* a rule («1 раз в четверть»): a row of marks */
} NstRoadmapTiming;

/* One dated occurrence of an item with its own state. Items with one
 * occurrence (a date or a period) keep their state in the item's status;
 * each occurrence of a rule has its own, and only the ones someone marked
 * are stored. */
typedef struct
{
  GDate start;              /* the first day; == @due for a deadline */
  GDate due;                /* the deadline: the day it must be done by */
  NstRoadmapStatus status;  /* PLANNED, DONE or CANCELLED */
  GDate done_on;            /* valid only when DONE */
} NstRoadmapOccurrence;

NstDeadlineState  nst_roadmap_occurrence_get_state (const NstRoadmapOccurrence *occurrence,
                                                    const GDate                *status_date);

#define NST_TYPE_ROADMAP_ITEM (nst_roadmap_item_get_type ())
G_DECLARE_FINAL_TYPE (NstRoadmapItem, nst_roadmap_item, NST, ROADMAP_ITEM, GObject)

/* The fields a form checks one by one, to say under each what is wrong. */
typedef enum
{
  NST_ROADMAP_ITEM_FIELD_CONTENT,
  NST_ROADMAP_ITEM_FIELD_SCHEDULE,
  NST_ROADMAP_ITEM_FIELD_DATES,
  NST_ROADMAP_ITEM_FIELD_DONE_ON,
  NST_ROADMAP_ITEM_FIELD_INDICATOR_ON,
  NST_ROADMAP_ITEM_N_CHECKED_FIELDS
} NstRoadmapItemField;

NstRoadmapItem   *nst_roadmap_item_new                 (void);
NstRoadmapItem   *nst_roadmap_item_copy                (NstRoadmapItem  *self);
void              nst_roadmap_item_assign              (NstRoadmapItem  *self,
                                                        NstRoadmapItem  *values);

gint64            nst_roadmap_item_get_id              (NstRoadmapItem  *self);
void              nst_roadmap_item_set_id              (NstRoadmapItem  *self,
                                                        gint64           id);
gint64            nst_roadmap_item_get_section_id      (NstRoadmapItem  *self);
void              nst_roadmap_item_set_section_id      (NstRoadmapItem  *self,
                                                        gint64           section_id);
/* 0-based place in its section; the seed numbers items from 1. */
guint             nst_roadmap_item_get_position        (NstRoadmapItem  *self);
void              nst_roadmap_item_set_position        (NstRoadmapItem  *self,
                                                        guint            position);
const char       *nst_roadmap_item_get_content         (NstRoadmapItem  *self);
void              nst_roadmap_item_set_content         (NstRoadmapItem  *self,
                                                        const char      *content);
/* The schedule as written («До 01.11 каждого учебного года»). A schedule
 * with dates of its own («до 25.10.2021», «с … по …») sets starts-on and
 * ends-on to them; leaving such a schedule clears them. */
const char       *nst_roadmap_item_get_schedule        (NstRoadmapItem  *self);
void              nst_roadmap_item_set_schedule        (NstRoadmapItem  *self,
                                                        const char      *schedule);
/* ISO dates, "" for none. For a rule or «весь период» they bound it (none:
 * the roadmap's period); for an unknown schedule they are its dates. */
const char       *nst_roadmap_item_get_starts_on       (NstRoadmapItem  *self);
void              nst_roadmap_item_set_starts_on       (NstRoadmapItem  *self,
                                                        const char      *iso_date);
const char       *nst_roadmap_item_get_ends_on         (NstRoadmapItem  *self);
void              nst_roadmap_item_set_ends_on         (NstRoadmapItem  *self,
                                                        const char      *iso_date);
const char       *nst_roadmap_item_get_expected_result (NstRoadmapItem  *self);
void              nst_roadmap_item_set_expected_result (NstRoadmapItem  *self,
                                                        const char      *text);
const char       *nst_roadmap_item_get_indicator       (NstRoadmapItem  *self);
void              nst_roadmap_item_set_indicator       (NstRoadmapItem  *self,
                                                        const char      *text);
const char       *nst_roadmap_item_get_indicator_target (NstRoadmapItem *self);
void              nst_roadmap_item_set_indicator_target (NstRoadmapItem *self,
                                                         const char     *text);
const char       *nst_roadmap_item_get_indicator_value (NstRoadmapItem  *self);
void              nst_roadmap_item_set_indicator_value (NstRoadmapItem  *self,
                                                        const char      *text);
const char       *nst_roadmap_item_get_indicator_on    (NstRoadmapItem  *self);
void              nst_roadmap_item_set_indicator_on    (NstRoadmapItem  *self,
                                                        const char      *iso_date);
/* Roles as written («Заместители директора, педагоги-наставники»). */
const char       *nst_roadmap_item_get_responsible     (NstRoadmapItem  *self);
void              nst_roadmap_item_set_responsible     (NstRoadmapItem  *self,
                                                        const char      *roles);
NstRoadmapStatus  nst_roadmap_item_get_status          (NstRoadmapItem  *self);
void              nst_roadmap_item_set_status          (NstRoadmapItem  *self,
                                                        NstRoadmapStatus status);
const char       *nst_roadmap_item_get_done_on         (NstRoadmapItem  *self);
void              nst_roadmap_item_set_done_on         (NstRoadmapItem  *self,
                                                        const char      *iso_date);

/* People from the registry who answer for the item, by participant id, in
 * order; the store fills responsible-people with their short names. */
const gint64     *nst_roadmap_item_get_responsible_ids (NstRoadmapItem  *self,
                                                        guint           *n_ids);
void              nst_roadmap_item_set_responsible_ids (NstRoadmapItem  *self,
                                                        const gint64    *ids,
                                                        guint            n_ids);
const char       *nst_roadmap_item_get_responsible_people (NstRoadmapItem *self);
void              nst_roadmap_item_set_responsible_people (NstRoadmapItem *self,
                                                           const char     *names);
char             *nst_roadmap_item_dup_responsible_text (NstRoadmapItem *self);

/* The parsed schedule, or %NULL when the program does not know the text. */
const NstSchedule *nst_roadmap_item_get_parsed_schedule (NstRoadmapItem *self);
NstRoadmapTiming  nst_roadmap_item_get_timing          (NstRoadmapItem  *self);
gboolean          nst_roadmap_item_get_can_move        (NstRoadmapItem  *self);
void              nst_roadmap_item_set_dates           (NstRoadmapItem  *self,
                                                        const GDate     *start,
                                                        const GDate     *end);
gboolean          nst_roadmap_item_get_dates           (NstRoadmapItem  *self,
                                                        GDate           *start,
                                                        GDate           *end);

/* Marked occurrences of a rule. */
GArray           *nst_roadmap_item_get_records         (NstRoadmapItem  *self);
void              nst_roadmap_item_set_record          (NstRoadmapItem  *self,
                                                        const GDate     *due,
                                                        NstRoadmapStatus status,
                                                        const GDate     *done_on);
void              nst_roadmap_item_clear_records       (NstRoadmapItem  *self);

GArray           *nst_roadmap_item_dup_occurrences     (NstRoadmapItem  *self,
                                                        const GDate     *period_start,
                                                        const GDate     *period_end,
                                                        NstQuartersFunc  quarters_for,
                                                        gpointer         user_data);
NstDeadlineState  nst_roadmap_item_get_state           (NstRoadmapItem  *self,
                                                        GArray          *occurrences,
                                                        const GDate     *status_date);
int               nst_roadmap_item_get_indicator_met   (NstRoadmapItem  *self);

char             *nst_roadmap_item_check_field         (NstRoadmapItem      *self,
                                                        NstRoadmapItemField  field,
                                                        const GDate         *today);
char             *nst_roadmap_item_check               (NstRoadmapItem      *self,
                                                        const GDate         *today);

G_END_DECLS
