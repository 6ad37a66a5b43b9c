/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Schedules as schools write them («сроки»), shared by the programmes' plans
 * and the roadmap: a date, a period, or a rule that expands into dated
 * occurrences inside a period and the school year's quarters (четверти). */

#define NST_SCHEDULE_ERROR (nst_schedule_error_quark ())
GQuark nst_schedule_error_quark (void);

typedef enum
{
  NST_SCHEDULE_ERROR_UNKNOWN,   /* the text is not a schedule the program knows */
  NST_SCHEDULE_ERROR_BAD_DATE,  /* a date that does not exist, such as 31.02.2023 */
  NST_SCHEDULE_ERROR_BAD_PERIOD /* a period that ends before it starts */
} NstScheduleError;

typedef enum
{
  NST_SCHEDULE_ON_DATE,           /* «15.09.2021» */
  NST_SCHEDULE_BY_DATE,           /* «до 25.10.2021»: a deadline */
  NST_SCHEDULE_PERIOD,            /* «с 01.09.2025 по 31.05.2026», «сентябрь 2025 – май 2026», «январь 2021», «I четверть 2025/2026» */
  NST_SCHEDULE_YEARLY_BY,         /* «до 01.11 каждого учебного года» */
  NST_SCHEDULE_ONCE_PER_QUARTER,  /* «один раз в четверть», «1 раз в четверть»: due by each quarter's end */
  NST_SCHEDULE_QUARTER_END,       /* «в конце каждой четверти», «конец каждой четверти» */
  NST_SCHEDULE_MONTHLY_WEEKDAY,   /* «каждый второй понедельник месяца», «каждый первый четверг месяца», «каждый последний …» */
  NST_SCHEDULE_THROUGHOUT,        /* «в течение года», «в течении года», «весь период», «постоянно» */
} NstScheduleKind;

/* One dated occurrence: a deadline (start == due) or a span. */
typedef struct
{
  GDate start;
  GDate due;
} NstOccurrence;

/* The school's quarter dates for one school year; the holidays lie between. */
typedef struct
{
  guint school_year;       /* 2025 for 2025/2026 */
  GDate starts[4];
  GDate ends[4];
} NstSchoolQuarters;

typedef struct _NstSchedule NstSchedule;

NstSchedule     *nst_schedule_parse            (const char         *text,
                                                GError            **error);
NstSchedule     *nst_schedule_copy             (const NstSchedule  *self);
void             nst_schedule_free             (NstSchedule        *self);
NstScheduleKind  nst_schedule_get_kind         (const NstSchedule  *self);
char            *nst_schedule_to_text          (const NstSchedule  *self);
const char      *nst_schedule_get_source_text  (const NstSchedule  *self);
gboolean         nst_schedule_get_dates        (const NstSchedule  *self,
                                                GDate              *start,
                                                GDate              *due);
guint            nst_schedule_get_quarter      (const NstSchedule  *self,
                                                guint              *school_year);

/* Every occurrence of the schedule that falls between @from and @to
 * (inclusive: a programme's or a roadmap's period), in date order. Rules
 * that follow quarters take them from @quarters_for, which returns the
 * quarters of a school year (the school's own dates, or the defaults;
 * %NULL means the defaults). Spans are cut to the window; monthly weekday
 * dates outside every quarter (holidays, summer) are left out; THROUGHOUT
 * is one span over the whole window; a quarter named without a year is the
 * first quarter of that number that meets the window.
 * Returns (transfer full) a GArray of NstOccurrence. */
typedef void (*NstQuartersFunc) (guint              school_year,
                                 NstSchoolQuarters *out,
                                 gpointer           user_data);

GArray          *nst_schedule_expand           (const NstSchedule  *self,
                                                const GDate        *from,
                                                const GDate        *to,
                                                NstQuartersFunc     quarters_for,
                                                gpointer            user_data);

/* Typical quarter dates of a Russian school year, for years the school has
 * not set: 1 Sep – end of Oct, early Nov – end of Dec, mid Jan – mid/end of
 * Mar, early Apr – end of May. */
void             nst_school_quarters_default   (guint               school_year,
                                                NstSchoolQuarters  *out);
void             nst_school_quarters_default_func (guint            school_year,
                                                   NstSchoolQuarters *out,
                                                   gpointer         user_data);
/* 1–4 for a date inside a quarter, 0 in the holidays or the summer. */
guint            nst_school_quarters_which     (const NstSchoolQuarters *quarters,
                                                const GDate        *date);

/* The state of something due, as the roadmap and the programmes show it
 * at a status date. */
typedef enum
{
  NST_DEADLINE_PLANNED,    /* due later than the warning window */
  NST_DEADLINE_DUE_SOON,   /* due within NST_DEADLINE_SOON_DAYS */
  NST_DEADLINE_OVERDUE,    /* due before the status date and not done */
  NST_DEADLINE_DONE,       /* done (on or before the status date) */
  NST_DEADLINE_CANCELLED,
} NstDeadlineState;

#define NST_DEADLINE_SOON_DAYS 14

NstDeadlineState nst_deadline_state            (const GDate        *due,
                                                const GDate        *done_on,   /* nullable */
                                                gboolean            cancelled,
                                                const GDate        *status_date);
const char      *nst_deadline_state_label      (NstDeadlineState    state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstSchedule, nst_schedule_free)

G_END_DECLS
