/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include "docs/nst-doc-private.h"

static void
draw_child (NstPdf   *pdf,
            gpointer  user_data)
{
  NstConsentSubject *subject = user_data;
  g_autofree char *last_term = NULL;

  nst_pdf_begin_form (pdf);
  nst_doc_form_title (pdf, "СОГЛАСИЕ",
                      "родителя (законного представителя) на обработку персональных данных "
                      "несовершеннолетнего обучающегося");
  nst_doc_form_representative (pdf, subject, TRUE);
  nst_doc_form_consent_given (pdf, subject,
                              "в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ "
                              "«О персональных данных» и статьёй 64 Семейного кодекса Российской Федерации",
                              "на обработку персональных данных ребёнка на следующих условиях.");
  last_term = nst_doc_form_processing_terms (pdf, subject, TRUE);
  nst_doc_form_rights (pdf, NST_RU_GENDER_UNKNOWN, NULL, last_term);
}

/**
 * nst_doc_consent_child:
 *
 * The consent to processing of a student's personal data that the legal
 * representative signs for a child under 14 (152-ФЗ art. 9): the child's
 * name, birth date and class printed; the representative, their identity
 * document, address and authority left blank to fill in by hand.
 */
gboolean
nst_doc_consent_child (NstPdf               *pdf,
                       const NstDocContext  *context,
                       NstParticipant       *participant,
                       GError              **error)
{
  g_auto(NstConsentSubject) subject = { 0 };
  g_autofree char *title = NULL;

  if (!nst_consent_subject_init (&subject, context, participant, NULL, error))
    return FALSE;
  title = g_strdup_printf ("Согласие законного представителя на обработку персональных данных: %s",
                           subject.full_name);
  nst_pdf_set_title (pdf, title);
  nst_doc_form_fit (pdf, draw_child, &subject);
  return nst_pdf_check (pdf, error);
}
