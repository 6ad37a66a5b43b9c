/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include "docs/nst-doc-private.h"

/**
 * nst_doc_consent_adult:
 *
 * The consent to processing of personal data (152-ФЗ art. 9) that an adult
 * participant signs: a member of staff, a partner, a student of 18.
 */
gboolean
nst_doc_consent_adult (NstPdf               *pdf,
                       const NstDocContext  *context,
                       NstParticipant       *participant,
                       GError              **error)
{
  g_auto(NstConsentSubject) subject = { 0 };

  if (!nst_consent_subject_init (&subject, context, participant, NULL, error))
    return FALSE;
  nst_doc_form_own_consent (pdf, &subject, "на обработку персональных данных", "(фамилия, имя, отчество)", FALSE);
  return nst_pdf_check (pdf, error);
}
