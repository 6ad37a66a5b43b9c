/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  NST_CATEGORY_TEACHER,
  NST_CATEGORY_STUDENT,
  NST_CATEGORY_PARTNER,
  NST_CATEGORY_HEAD,
  NST_N_CATEGORIES
} NstCategory;

typedef enum
{
  NST_QUALIFICATION_NONE,
  NST_QUALIFICATION_CONFORMITY,
  NST_QUALIFICATION_FIRST,
  NST_QUALIFICATION_HIGHEST,
  NST_N_QUALIFICATIONS
} NstQualification;

/* Which required consents are missing, as bits. */
typedef enum
{
  NST_CONSENT_MISSING_NONE       = 0,
  NST_CONSENT_MISSING_PROCESSING = 1 << 0,
  NST_CONSENT_MISSING_MENTOR     = 1 << 1,
} NstConsentMissing;

#define NST_STUDENT_SELF_CONSENT_AGE 14

/* The fields a form checks one by one, to say under each what is wrong. */
typedef enum
{
  NST_PARTICIPANT_FIELD_SURNAME,
  NST_PARTICIPANT_FIELD_NAME,
  NST_PARTICIPANT_FIELD_PATRONYMIC,
  NST_PARTICIPANT_FIELD_CLASS_NAME,
  NST_PARTICIPANT_FIELD_BIRTH_DATE,
  NST_PARTICIPANT_FIELD_TEACHING_SINCE,
  NST_PARTICIPANT_FIELD_MENTORING_SINCE,
  NST_PARTICIPANT_N_CHECKED_FIELDS
} NstParticipantField;

const char       *nst_category_to_code       (NstCategory       category);
NstCategory       nst_category_from_code     (const char       *code);
const char       *nst_category_label         (NstCategory       category);
gboolean          nst_category_parse_label   (const char       *text,
                                              NstCategory      *out);
const char       *nst_qualification_to_code  (NstQualification  qualification);
NstQualification  nst_qualification_from_code (const char      *code);
const char       *nst_qualification_label    (NstQualification  qualification);

#define NST_TYPE_PARTICIPANT (nst_participant_get_type ())
G_DECLARE_FINAL_TYPE (NstParticipant, nst_participant, NST, PARTICIPANT, GObject)

NstParticipant   *nst_participant_new                (void);
NstParticipant   *nst_participant_copy               (NstParticipant  *self);

gint64            nst_participant_get_id             (NstParticipant  *self);
void              nst_participant_set_id             (NstParticipant  *self,
                                                      gint64           id);
const char       *nst_participant_get_surname        (NstParticipant  *self);
void              nst_participant_set_surname        (NstParticipant  *self,
                                                      const char      *surname);
const char       *nst_participant_get_name           (NstParticipant  *self);
void              nst_participant_set_name           (NstParticipant  *self,
                                                      const char      *name);
const char       *nst_participant_get_patronymic     (NstParticipant  *self);
void              nst_participant_set_patronymic     (NstParticipant  *self,
                                                      const char      *patronymic);
NstCategory       nst_participant_get_category       (NstParticipant  *self);
void              nst_participant_set_category       (NstParticipant  *self,
                                                      NstCategory      category);
const char       *nst_participant_get_post           (NstParticipant  *self);
void              nst_participant_set_post           (NstParticipant  *self,
                                                      const char      *post);
const char       *nst_participant_get_class_name     (NstParticipant  *self);
void              nst_participant_set_class_name     (NstParticipant  *self,
                                                      const char      *class_name);
const char       *nst_participant_get_subjects       (NstParticipant  *self);
void              nst_participant_set_subjects       (NstParticipant  *self,
                                                      const char      *subjects);
const char       *nst_participant_get_birth_date     (NstParticipant  *self);
void              nst_participant_set_birth_date     (NstParticipant  *self,
                                                      const char      *iso_date);
const char       *nst_participant_get_teaching_since (NstParticipant  *self);
void              nst_participant_set_teaching_since (NstParticipant  *self,
                                                      const char      *iso_date);
const char       *nst_participant_get_mentoring_since (NstParticipant *self);
void              nst_participant_set_mentoring_since (NstParticipant *self,
                                                       const char     *iso_date);
NstQualification  nst_participant_get_qualification  (NstParticipant  *self);
void              nst_participant_set_qualification  (NstParticipant  *self,
                                                      NstQualification qualification);
gboolean          nst_participant_get_young_specialist (NstParticipant *self);
void              nst_participant_set_young_specialist (NstParticipant *self,
                                                        gboolean        young_specialist);
gboolean          nst_participant_get_is_mentor      (NstParticipant  *self);
void              nst_participant_set_is_mentor      (NstParticipant  *self,
                                                      gboolean         is_mentor);
gboolean          nst_participant_get_is_mentee      (NstParticipant  *self);
void              nst_participant_set_is_mentee      (NstParticipant  *self,
                                                      gboolean         is_mentee);
const char       *nst_participant_get_request        (NstParticipant  *self);
void              nst_participant_set_request        (NstParticipant  *self,
                                                      const char      *request);
const char       *nst_participant_get_competences    (NstParticipant  *self);
void              nst_participant_set_competences    (NstParticipant  *self,
                                                      const char      *competences);
const char       *nst_participant_get_email          (NstParticipant  *self);
void              nst_participant_set_email          (NstParticipant  *self,
                                                      const char      *email);
const char       *nst_participant_get_phone          (NstParticipant  *self);
void              nst_participant_set_phone          (NstParticipant  *self,
                                                      const char      *phone);
const char       *nst_participant_get_contact        (NstParticipant  *self);
void              nst_participant_set_contact        (NstParticipant  *self,
                                                      const char      *contact);
const char       *nst_participant_get_note           (NstParticipant  *self);
void              nst_participant_set_note           (NstParticipant  *self,
                                                      const char      *note);
gboolean          nst_participant_get_archived       (NstParticipant  *self);
void              nst_participant_set_archived       (NstParticipant  *self,
                                                      gboolean         archived);
NstConsentMissing nst_participant_get_missing_consents (NstParticipant *self);
void              nst_participant_set_missing_consents (NstParticipant *self,
                                                        NstConsentMissing missing);

/* Derived facts. */
char             *nst_participant_dup_full_name      (NstParticipant  *self);
char             *nst_participant_dup_short_name     (NstParticipant  *self);
const char       *nst_participant_get_sort_key       (NstParticipant  *self);
const char       *nst_participant_get_search_key     (NstParticipant  *self);
const char       *nst_participant_get_post_or_class  (NstParticipant  *self);
int               nst_participant_get_age            (NstParticipant  *self,
                                                      const GDate     *today);
gboolean          nst_participant_needs_representative (NstParticipant *self,
                                                        const GDate    *today);
char             *nst_participant_dup_consent_summary (NstParticipant *self);

char             *nst_participant_check_field        (NstParticipant      *self,
                                                      NstParticipantField  field,
                                                      const GDate         *today);
char             *nst_participant_check              (NstParticipant      *self,
                                                      const GDate         *today);

G_END_DECLS
