/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include "docs/nst-doc-private.h"

/**
 * nst_doc_consent_minor:
 *
 * The consent to processing of personal data that a student of 14 to 18
 * signs (152-ФЗ art. 9), with a block below for the parent's consent.
 */
gboolean
nst_doc_consent_minor (NstPdf               *pdf,
                       const NstDocContext  *context,
                       NstParticipant       *participant,
                       GError              **error)
{
  g_auto(NstConsentSubject) subject = { 0 };

  if (!nst_consent_subject_init (&subject, context, participant, NULL, error))
    return FALSE;
  nst_doc_form_own_consent (pdf, &subject, "обучающегося на обработку персональных данных",
                            "(фамилия, имя, отчество обучающегося)", TRUE);
  return nst_pdf_check (pdf, error);
}

/**
 * nst_doc_consent_processing:
 *
 * The consent to processing the participant's age calls for: their own,
 * the representative's for a child under 14, or the student's with the
 * parent's block from 14 to 18.
 */
gboolean
nst_doc_consent_processing (NstPdf               *pdf,
                            const NstDocContext  *context,
                            NstParticipant       *participant,
                            GError              **error)
{
  switch (nst_consent_form_for (participant, &context->today))
    {
    case NST_CONSENT_FORM_CHILD:
      return nst_doc_consent_child (pdf, context, participant, error);
    case NST_CONSENT_FORM_MINOR:
      return nst_doc_consent_minor (pdf, context, participant, error);
    case NST_CONSENT_FORM_ADULT:
    default:
      return nst_doc_consent_adult (pdf, context, participant, error);
    }
}
