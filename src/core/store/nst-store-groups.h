/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/nst-group.h"
#include "model/nst-history-entry.h"
#include "model/nst-mentor-suggestion.h"
#include "model/nst-programme-template.h"
#include "model/nst-programme.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* The store's side of pairs, groups and their personalized programmes
 * (issue «Pairs and groups»). Every function that fails sets @error in
 * %NST_STORE_ERROR with a message that says what to do; a rule that is
 * broken gives %NST_STORE_ERROR_INVALID.
 *
 * Dates are ISO text (YYYY-MM-DD). Where a function takes a date that may
 * be %NULL, %NULL means today (nst_date_today(), which NST_TODAY fixes).
 *
 * A history line is written for every change of a pair's status, period,
 * members, form, interaction model, kind or order, and of a programme's
 * period, plan, content and status; each carries its date. */

/* The seed's «педагог – педагог» plan, which every database has. */
#define NST_BUILTIN_TEMPLATE_ID 1

/* ---- what stands in a pair's way ------------------------------------------ */

typedef enum
{
  NST_GROUP_PROBLEM_INVALID,                /* nst_group_check() fails: cannot even be saved */
  NST_GROUP_PROBLEM_NO_PERIOD,              /* the period is not set */
  NST_GROUP_PROBLEM_ARCHIVED,               /* a member is in the archive */
  NST_GROUP_PROBLEM_MISSING_PROCESSING,     /* no consent to processing personal data */
  NST_GROUP_PROBLEM_MISSING_MENTOR_CONSENT, /* the mentor's written consent (seed 2.2) */
  NST_GROUP_PROBLEM_NEEDS_REPRESENTATIVE,   /* under 14, consent not signed by a representative */
  NST_GROUP_PROBLEM_MENTOR_OVERLOADED,      /* warning: more mentees than the school's limit */
  NST_GROUP_PROBLEM_FORM_MISMATCH,          /* warning: the form does not suit the categories */
  NST_GROUP_PROBLEM_MENTEE_BUSY,            /* warning: a mentee is in another approved or active pair */
} NstGroupProblemKind;

/**
 * NstGroupProblem:
 * @kind: what it is
 * @blocking: %TRUE when it keeps the pair from approval (a draft may still
 *   be saved); %FALSE for a warning
 * @participant_id: whom it is about, 0 for the pair itself
 * @message: what is wrong and what to do, translated
 */
typedef struct
{
  NstGroupProblemKind kind;
  gboolean blocking;
  gint64 participant_id;
  char *message;
} NstGroupProblem;

void nst_group_problem_free (NstGroupProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstGroupProblem, nst_group_problem_free)

/* ---- pairs and groups ------------------------------------------------------ */

/* All pairs and groups, oldest first, with members' names, the order and
 * the progress of each one's latest programme at @status_date (NULL: today).
 * Returns (transfer full) a GListStore of NstGroup, or NULL with @error.
 * A pair alone: nst_store_get_group(), (transfer full). */
GListStore   *nst_store_list_groups           (NstStore        *self,
                                               const char      *status_date,
                                               GError         **error);
NstGroup     *nst_store_get_group             (NstStore        *self,
                                               gint64           id,
                                               GError         **error);
/* Inserts (id 0: a draft, gets its id) or updates, with the history of
 * what changed on @changed_on (NULL: today) and @note (nullable). Refused
 * when nst_group_check() fails or the pair has ended. Deleting: drafts only. */
gboolean      nst_store_save_group            (NstStore        *self,
                                               NstGroup        *group,
                                               const char      *changed_on,
                                               const char      *note,
                                               GError         **error);
gboolean      nst_store_delete_group          (NstStore        *self,
                                               gint64           id,
                                               GError         **error);
/* What keeps @group (saved or not) from approval, and warnings: (transfer
 * full) GPtrArray of NstGroupProblem, blocking ones first. */
GPtrArray    *nst_store_list_group_problems   (NstStore        *self,
                                               NstGroup        *group,
                                               GError         **error);
/* Draft → approved → active, or approved → draft; refused with every
 * blocking problem in the message. @group's status follows on success. */
gboolean      nst_store_change_group_status   (NstStore        *self,
                                               NstGroup        *group,
                                               NstGroupStatus   status,
                                               const char      *on_date,
                                               const char      *note,
                                               GError         **error);
/* Finishes (plan done) or terminates (other reasons) an approved or active
 * pair on @ended_on, and its programmes with it. */
gboolean      nst_store_end_group             (NstStore        *self,
                                               NstGroup        *group,
                                               NstEndReason     reason,
                                               const char      *ended_on,
                                               const char      *note,
                                               GError         **error);
gboolean      nst_store_set_group_order       (NstStore        *self,
                                               NstGroup        *group,
                                               gint64           order_id,
                                               const char      *changed_on,
                                               GError         **error);
/* (transfer full) GListStore of NstHistoryEntry, oldest first. */
GListStore   *nst_store_list_group_history    (NstStore        *self,
                                               gint64           group_id,
                                               GError         **error);
/* Mentees in approved and active pairs, -1 on error. */
int           nst_store_count_mentor_load     (NstStore        *self,
                                               gint64           mentor_id,
                                               gint64           except_group_id,
                                               GError         **error);
/* (transfer full) GListStore of NstMentorSuggestion, best first. */
GListStore   *nst_store_suggest_mentors       (NstStore        *self,
                                               gint64           mentee_id,
                                               GError         **error);

/* ---- personalized programmes ---------------------------------------------- */

/* All programmes, latest year first, without their plans but with their
 * progress at @status_date (NULL: today): (transfer full) GListStore of
 * NstProgramme. One with its plan: nst_store_get_programme(), or
 * nst_store_find_group_programme() (NULL without @error when there is none). */
GListStore   *nst_store_list_programmes       (NstStore        *self,
                                               const char      *status_date,
                                               GError         **error);
NstProgramme *nst_store_get_programme         (NstStore        *self,
                                               gint64           id,
                                               GError         **error);
NstProgramme *nst_store_find_group_programme  (NstStore        *self,
                                               gint64           group_id,
                                               guint            school_year,
                                               GError         **error);
/* A new, unsaved programme for the school's current year, from a template
 * (0: none) with its dates moved into the year: (transfer full). */
NstProgramme *nst_store_prepare_programme     (NstStore        *self,
                                               gint64           group_id,
                                               gint64           template_id,
                                               GError         **error);
gboolean      nst_store_expand_plan           (NstStore        *self,
                                               NstProgramme    *programme,
                                               GError         **error);
/* Expands schedules, keeps marks, writes the history; @reason (nullable)
 * is required when the period or plan of a programme under way changes. */
gboolean      nst_store_save_programme        (NstStore        *self,
                                               NstProgramme    *programme,
                                               const char      *reason,
                                               GError         **error);
gboolean      nst_store_delete_programme      (NstStore        *self,
                                               gint64           id,
                                               GError         **error);
gboolean      nst_store_change_programme_status (NstStore      *self,
                                                 NstProgramme  *programme,
                                                 NstProgrammeStatus status,
                                                 const char    *on_date,
                                                 const char    *reason,
                                                 GError       **error);
gboolean      nst_store_end_programme         (NstStore        *self,
                                               NstProgramme    *programme,
                                               NstEndReason     reason,
                                               const char      *ended_on,
                                               const char      *note,
                                               GError         **error);
/* Marks an occurrence of a saved plan done on @done_on (NULL: not done);
 * the object follows, and so do its item's and programme's counts. */
gboolean      nst_store_set_occurrence_done   (NstStore        *self,
                                               NstPlanOccurrence *occurrence,
                                               const char      *done_on,
                                               GError         **error);
GListStore   *nst_store_list_programme_history (NstStore       *self,
                                                gint64          programme_id,
                                                GError        **error);

/* ---- templates ------------------------------------------------------------- */

/* (transfer full) GListStore of NstProgrammeTemplate with their plans, the
 * built-in first; the built-in one cannot be deleted. */
GListStore   *nst_store_list_templates        (NstStore        *self,
                                               GError         **error);
NstProgrammeTemplate *nst_store_get_template  (NstStore        *self,
                                               gint64           id,
                                               GError         **error);
NstProgrammeTemplate *nst_store_save_programme_as_template (NstStore     *self,
                                                            NstProgramme *programme,
                                                            const char   *title,
                                                            GError      **error);
gboolean      nst_store_delete_template       (NstStore        *self,
                                               gint64           id,
                                               GError         **error);

G_END_DECLS
