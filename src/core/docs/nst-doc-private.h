/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "docs/nst-docs.h"
#include "docs/nst-ru-case.h"

G_BEGIN_DECLS

/* What the documents share: the place line of an order, and the pieces of
 * the consent forms. */

#define NST_DOC_FORM_SIZE 12.0   /* the text of the forms */

char       *nst_doc_place                (const char        *city);

/* Pairs and groups in documents (nst-doc-pairs.c). */
const char *nst_doc_form_text            (NstGroupForm       form);
const char *nst_doc_model_text           (NstInteractionModel model);
const char *nst_doc_kind_text            (NstGroupKind       kind);
char       *nst_doc_period_text          (const char        *starts_on,
                                          const char        *ends_on);
char       *nst_doc_post_text            (NstParticipant    *participant);
char       *nst_doc_post_or_class_text   (NstParticipant    *participant);
char       *nst_doc_years_text           (const char        *since,
                                          const GDate       *today);
char       *nst_doc_regulation_text      (NstOrder          *regulation);
char       *nst_doc_programme_title      (NstProgramme      *programme);
void        nst_doc_roadmap_body         (NstPdf            *pdf,
                                          NstRoadmap        *roadmap,
                                          const char        *school_short_name);
char       *nst_doc_roadmap_period_text  (NstRoadmap        *roadmap);
char       *nst_doc_pair_label           (NstDocPair        *pair);
void        nst_doc_pairs_table          (NstPdf            *pdf,
                                          GPtrArray         *pairs);
void        nst_doc_programmes_table     (NstPdf            *pdf,
                                          GPtrArray         *pairs);
void        nst_doc_add_pair_readers     (NstOrderContent   *content,
                                          GPtrArray         *pairs,
                                          gboolean           mentees);
gboolean    nst_doc_programme_ready      (NstDocPair        *pair);
gboolean    nst_doc_approve_programme    (NstStore          *store,
                                          NstProgramme      *programme,
                                          NstOrder          *order,
                                          GError           **error);

/* The person a consent is about, with what the forms print of them. */
typedef struct
{
  const NstDocContext *context;
  NstParticipant      *participant;
  GHashTable          *values;       /* the school's facts */
  NstRuGender          gender;
  char                *full_name;    /* «Иванова Мария Петровна» */
  char                *genitive;     /* «Ивановой Марии Петровны» */
  char                *signature;    /* «М.П. Иванова» */
  char                *operator;     /* markup: the school, its name and address */
} NstConsentSubject;

gboolean    nst_consent_subject_init     (NstConsentSubject   *subject,
                                          const NstDocContext *context,
                                          NstParticipant      *participant,
                                          const char *const   *needs,
                                          GError             **error);
void        nst_consent_subject_clear    (NstConsentSubject   *subject);
const char *nst_consent_value            (NstConsentSubject   *subject,
                                          const char          *key);

void        nst_doc_form_own_consent     (NstPdf              *pdf,
                                          NstConsentSubject   *subject,
                                          const char          *subtitle,
                                          const char          *caption,
                                          gboolean             parent_approval);
void        nst_doc_form_fit             (NstPdf              *pdf,
                                          NstPdfDrawFunc       draw,
                                          gpointer             user_data);
void        nst_doc_form_title           (NstPdf              *pdf,
                                          const char          *title,
                                          const char          *subtitle);
void        nst_doc_form_paragraph       (NstPdf              *pdf,
                                          const char          *format,
                                          ...) G_GNUC_PRINTF (2, 3);
void        nst_doc_form_line            (NstPdf              *pdf,
                                          const char          *format,
                                          ...) G_GNUC_PRINTF (2, 3);
void        nst_doc_form_name            (NstPdf              *pdf,
                                          const char          *name,
                                          const char          *caption);
void        nst_doc_form_identity        (NstPdf              *pdf);
void        nst_doc_form_student_facts   (NstPdf              *pdf,
                                          NstConsentSubject   *subject);
void        nst_doc_form_work            (NstPdf              *pdf,
                                          NstConsentSubject   *subject);
void        nst_doc_form_representative  (NstPdf              *pdf,
                                          NstConsentSubject   *subject,
                                          gboolean             with_child_facts);
void        nst_doc_form_parent_approval (NstPdf              *pdf,
                                          NstConsentSubject   *subject,
                                          gboolean             distribution);
void        nst_doc_form_consent_given   (NstPdf              *pdf,
                                          NstConsentSubject   *subject,
                                          const char          *law,
                                          const char          *what);
char       *nst_doc_form_processing_terms (NstPdf             *pdf,
                                           NstConsentSubject  *subject,
                                           gboolean            about_child);
void        nst_doc_form_rights          (NstPdf              *pdf,
                                          NstRuGender          signer,
                                          const char          *signature,
                                          const char          *previous);
void        nst_doc_form_closing         (NstPdf              *pdf,
                                          const char          *previous,
                                          const char          *markup,
                                          const char          *signature);
char       *nst_doc_contact_text         (NstParticipant      *participant);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NstConsentSubject, nst_consent_subject_clear)

G_END_DECLS
