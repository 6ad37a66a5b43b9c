/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "model/nst-participant.h"

G_BEGIN_DECLS

/* A mentoring pair or group (наставническая пара / группа): one mentor and
 * one or more mentees, in a form, an interaction model and a kind, over a
 * period, through a life cycle.
 *
 * Pair or group: the kind says it. Kind «в группе» (%NST_GROUP_KIND_GROUP)
 * is a group and needs at least two mentees; every other kind is a pair
 * with exactly one mentee.
 *
 * Each enum has a code (what the database stores, stable, English) and a
 * label (translated, for the interface). */

/* Форма наставничества. */
typedef enum
{
  NST_GROUP_FORM_TEACHER_TEACHER,        /* учитель – учитель */
  NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE,    /* педагог – педагог */
  NST_GROUP_FORM_HEAD_TEACHER,           /* руководитель образовательной организации – учитель */
  NST_GROUP_FORM_STUDENT_STUDENT,        /* ученик – ученик */
  NST_GROUP_FORM_UNDERGRADUATE_STUDENT,  /* студент – ученик */
  NST_GROUP_FORM_EMPLOYER_STUDENT,       /* работодатель – ученик */
  NST_GROUP_FORM_EMPLOYER_UNDERGRADUATE, /* работодатель – студент */
  NST_N_GROUP_FORMS
} NstGroupForm;

/* Модель взаимодействия within «педагог – педагог» (seed 3.3.1–3.3.4). */
typedef enum
{
  NST_INTERACTION_NONE,                   /* other forms */
  NST_INTERACTION_EXPERIENCED_YOUNG,      /* опытный педагог – молодой специалист */
  NST_INTERACTION_LEADER_COMMUNICATION,   /* лидер педагогического сообщества – педагог,
                                             испытывающий затруднения в сфере коммуникации */
  NST_INTERACTION_INNOVATOR_CONSERVATIVE, /* педагог-новатор – консервативный педагог */
  NST_INTERACTION_SUBJECT_NOVICE,         /* опытный предметник – неопытный предметник */
  NST_N_INTERACTION_MODELS
} NstInteractionModel;

/* Вид наставничества. */
typedef enum
{
  NST_GROUP_KIND_TRADITIONAL, /* традиционное «один-на-один» */
  NST_GROUP_KIND_GROUP,       /* в группе */
  NST_GROUP_KIND_VIRTUAL,     /* виртуальное (дистанционное) */
  NST_GROUP_KIND_SHORT_TERM,  /* краткосрочное (целеполагающее) */
  NST_GROUP_KIND_REVERSE,     /* реверсивное */
  NST_GROUP_KIND_SITUATIONAL, /* ситуационное */
  NST_GROUP_KIND_SPEED,       /* скоростное */
  NST_N_GROUP_KINDS
} NstGroupKind;

/* The life cycle: draft → approved → active → finished, or terminated.
 * See nst_group_status_check_change(). */
typedef enum
{
  NST_GROUP_STATUS_DRAFT,      /* проект */
  NST_GROUP_STATUS_APPROVED,   /* утверждена приказом */
  NST_GROUP_STATUS_ACTIVE,     /* действует */
  NST_GROUP_STATUS_FINISHED,   /* завершена */
  NST_GROUP_STATUS_TERMINATED, /* прекращена */
  NST_N_GROUP_STATUSES
} NstGroupStatus;

/* Why a programme or a pair ended (seed 4.1). The plan done in full
 * finishes it; the other two terminate it. */
typedef enum
{
  NST_END_REASON_NONE,
  NST_END_REASON_PLAN_DONE,   /* план мероприятий выполнен в полном объёме */
  NST_END_REASON_PARTICIPANT, /* по инициативе наставника или наставляемого и/или обоюдному решению */
  NST_END_REASON_CURATOR,     /* по инициативе куратора */
  NST_N_END_REASONS
} NstEndReason;

/* The fields an editor checks one by one, to say under each what is wrong. */
typedef enum
{
  NST_GROUP_FIELD_MENTOR,
  NST_GROUP_FIELD_MENTEES,
  NST_GROUP_FIELD_INTERACTION_MODEL,
  NST_GROUP_FIELD_STARTS_ON,
  NST_GROUP_FIELD_ENDS_ON,
  NST_GROUP_N_CHECKED_FIELDS
} NstGroupField;

const char          *nst_group_form_to_code        (NstGroupForm         form);
NstGroupForm         nst_group_form_from_code      (const char          *code);
const char          *nst_group_form_label          (NstGroupForm         form);
const char          *nst_interaction_model_to_code (NstInteractionModel  model);   /* NULL for none */
NstInteractionModel  nst_interaction_model_from_code (const char        *code);
const char          *nst_interaction_model_label   (NstInteractionModel  model);
const char          *nst_group_kind_to_code        (NstGroupKind         kind);
NstGroupKind         nst_group_kind_from_code      (const char          *code);
const char          *nst_group_kind_label          (NstGroupKind         kind);
const char          *nst_group_status_to_code      (NstGroupStatus       status);
NstGroupStatus       nst_group_status_from_code    (const char          *code);
const char          *nst_group_status_label        (NstGroupStatus       status);
const char          *nst_end_reason_to_code        (NstEndReason         reason);  /* NULL for none */
NstEndReason         nst_end_reason_from_code      (const char          *code);
const char          *nst_end_reason_label          (NstEndReason         reason);

gboolean             nst_group_status_is_ended     (NstGroupStatus       status);
NstGroupStatus       nst_end_reason_status         (NstEndReason         reason);
char                *nst_group_status_check_change (NstGroupStatus       from,
                                                    NstGroupStatus       to);

char                *nst_period_label              (const char          *starts_on,
                                                    const char          *ends_on);

#define NST_TYPE_GROUP (nst_group_get_type ())
G_DECLARE_FINAL_TYPE (NstGroup, nst_group, NST, GROUP, GObject)

NstGroup            *nst_group_new                 (void);
NstGroup            *nst_group_copy                (NstGroup            *self);

gint64               nst_group_get_id              (NstGroup            *self);
void                 nst_group_set_id              (NstGroup            *self,
                                                    gint64               id);
NstGroupForm         nst_group_get_form            (NstGroup            *self);
void                 nst_group_set_form            (NstGroup            *self,
                                                    NstGroupForm         form);
NstInteractionModel  nst_group_get_interaction_model (NstGroup          *self);
void                 nst_group_set_interaction_model (NstGroup          *self,
                                                      NstInteractionModel model);
NstGroupKind         nst_group_get_kind            (NstGroup            *self);
void                 nst_group_set_kind            (NstGroup            *self,
                                                    NstGroupKind         kind);
const char          *nst_group_get_starts_on       (NstGroup            *self);
void                 nst_group_set_starts_on       (NstGroup            *self,
                                                    const char          *iso_date);
const char          *nst_group_get_ends_on         (NstGroup            *self);
void                 nst_group_set_ends_on         (NstGroup            *self,
                                                    const char          *iso_date);
NstGroupStatus       nst_group_get_status          (NstGroup            *self);
void                 nst_group_set_status          (NstGroup            *self,
                                                    NstGroupStatus       status);
NstEndReason         nst_group_get_end_reason      (NstGroup            *self);
void                 nst_group_set_end_reason      (NstGroup            *self,
                                                    NstEndReason         reason);
const char          *nst_group_get_ended_on        (NstGroup            *self);
void                 nst_group_set_ended_on        (NstGroup            *self,
                                                    const char          *iso_date);
const char          *nst_group_get_note            (NstGroup            *self);
void                 nst_group_set_note            (NstGroup            *self,
                                                    const char          *note);

/* The approving order, once orders exist: 0 and "" until then. */
gint64               nst_group_get_order_id        (NstGroup            *self);
const char          *nst_group_get_order_number    (NstGroup            *self);
const char          *nst_group_get_order_date      (NstGroup            *self);
void                 nst_group_set_order           (NstGroup            *self,
                                                    gint64               order_id,
                                                    const char          *number,
                                                    const char          *iso_date);

/* Members. The names are what the list shows and search looks in; the
 * store fills them, and the setters below take them from @participant. */
gint64               nst_group_get_mentor_id       (NstGroup            *self);
const char          *nst_group_get_mentor_name     (NstGroup            *self);
void                 nst_group_set_mentor          (NstGroup            *self,
                                                    NstParticipant      *participant);
void                 nst_group_set_mentor_id       (NstGroup            *self,
                                                    gint64               id,
                                                    const char          *full_name);
guint                nst_group_get_n_mentees       (NstGroup            *self);
gint64               nst_group_get_mentee_id       (NstGroup            *self,
                                                    guint                index);
const char          *nst_group_get_mentee_name     (NstGroup            *self,
                                                    guint                index);
gboolean             nst_group_has_mentee          (NstGroup            *self,
                                                    gint64               participant_id);
gboolean             nst_group_add_mentee          (NstGroup            *self,
                                                    NstParticipant      *participant);
gboolean             nst_group_add_mentee_id       (NstGroup            *self,
                                                    gint64               id,
                                                    const char          *full_name);
gboolean             nst_group_remove_mentee       (NstGroup            *self,
                                                    gint64               participant_id);
void                 nst_group_clear_mentees       (NstGroup            *self);

/* Progress of the group's latest programme at the status date, set by
 * nst_store_list_groups(); all 0 when it has none. */
void                 nst_group_set_progress        (NstGroup            *self,
                                                    gint64               programme_id,
                                                    guint                done,
                                                    guint                due,
                                                    guint                total,
                                                    guint                overdue);
gint64               nst_group_get_programme_id    (NstGroup            *self);
guint                nst_group_get_progress_done   (NstGroup            *self);
guint                nst_group_get_progress_due    (NstGroup            *self);
guint                nst_group_get_progress_total  (NstGroup            *self);
guint                nst_group_get_overdue         (NstGroup            *self);

/* Derived facts, for columns and search. */
gboolean             nst_group_is_group            (NstGroup            *self);
char                *nst_group_dup_mentee_names    (NstGroup            *self);
char                *nst_group_dup_title           (NstGroup            *self);
char                *nst_group_dup_period_label    (NstGroup            *self);
char                *nst_group_dup_order_label     (NstGroup            *self);
char                *nst_group_dup_progress_label  (NstGroup            *self);
const char          *nst_group_get_search_key      (NstGroup            *self);
const char          *nst_group_get_sort_key        (NstGroup            *self);
gboolean             nst_group_matches             (NstGroup            *self,
                                                    const char          *folded_query);

char                *nst_group_check_field         (NstGroup            *self,
                                                    NstGroupField        field);
char                *nst_group_check               (NstGroup            *self);

G_END_DECLS
