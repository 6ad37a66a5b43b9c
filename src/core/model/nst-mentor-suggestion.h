/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "model/nst-group.h"
#include "model/nst-participant.h"

G_BEGIN_DECLS

/* A mentor proposed for a mentee (seed 3.1: the mentor's profile must
 * match the mentee's request), with a score to rank by and the reasons, in
 * words, that made it. nst_store_suggest_mentors() ranks the registry's
 * mentors; nst_mentor_suggestion_new_scored() scores one, for tests and
 * for callers that hold the facts already. */

#define NST_TYPE_MENTOR_SUGGESTION (nst_mentor_suggestion_get_type ())
G_DECLARE_FINAL_TYPE (NstMentorSuggestion, nst_mentor_suggestion, NST, MENTOR_SUGGESTION, GObject)

/**
 * NstMentorFacts:
 * @load: mentees the mentor has now, in approved and active pairs
 * @limit: the school's limit of mentees per mentor
 * @already_paired: the mentor has a pair (draft, approved or active) with
 *   this mentee
 * @has_mentor_consent: the mentor's written consent is on record
 */
typedef struct
{
  guint load;
  guint limit;
  gboolean already_paired;
  gboolean has_mentor_consent;
} NstMentorFacts;

NstMentorSuggestion *nst_mentor_suggestion_new_scored (NstParticipant       *mentee,
                                                       NstParticipant       *mentor,
                                                       const NstMentorFacts *facts,
                                                       const GDate          *today);
NstParticipant      *nst_mentor_suggestion_get_mentor (NstMentorSuggestion  *self);
int                  nst_mentor_suggestion_get_score  (NstMentorSuggestion  *self);
const char *const   *nst_mentor_suggestion_get_reasons (NstMentorSuggestion *self);
char                *nst_mentor_suggestion_dup_reasons_text (NstMentorSuggestion *self);
guint                nst_mentor_suggestion_get_load   (NstMentorSuggestion  *self);
gboolean             nst_mentor_suggestion_get_over_limit (NstMentorSuggestion *self);
gboolean             nst_mentor_suggestion_get_already_paired (NstMentorSuggestion *self);
gboolean             nst_mentor_suggestion_get_form   (NstMentorSuggestion  *self,
                                                       NstGroupForm         *form);
int                  nst_mentor_suggestion_compare    (gconstpointer         a,
                                                       gconstpointer         b,
                                                       gpointer              user_data);

/* The form the registry's categories make of a mentor and a mentee, if any:
 * two teachers «педагог – педагог», a head and a teacher «руководитель –
 * учитель», two students «ученик – ученик», a partner and a student
 * «работодатель – ученик». */
gboolean             nst_group_form_for               (NstParticipant       *mentor,
                                                       NstParticipant       *mentee,
                                                       NstGroupForm         *form);
/* Whether @form suits a mentor and a mentee of these categories. */
gboolean             nst_group_form_fits              (NstGroupForm          form,
                                                       NstCategory           mentor,
                                                       NstCategory           mentee);

/* Words of @request found in @profile, folded; short and common words
 * left out, Russian endings allowed to differ («математике» finds
 * «математика»). Each word once, in the order of @request. */
GStrv                nst_request_words_in_profile     (const char           *request,
                                                       const char           *profile);

G_END_DECLS
