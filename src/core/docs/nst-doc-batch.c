/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include "docs/nst-doc-private.h"

/* Everyone needs the consent to processing; a mentor the consent to the
 * appointment as well. Archived participants need nothing. */
static NstConsentMissing
missing_of (NstParticipant *p)
{
  if (nst_participant_get_archived (p))
    return NST_CONSENT_MISSING_NONE;
  return nst_participant_get_missing_consents (p);
}

static guint
forms_of (NstConsentMissing missing)
{
  return ((missing & NST_CONSENT_MISSING_PROCESSING) ? 1 : 0) +
         ((missing & NST_CONSENT_MISSING_MENTOR) ? 1 : 0);
}

/* How many forms nst_doc_missing_consents() makes of @participants. */
guint
nst_doc_count_missing_consents (GListModel *participants)
{
  guint n = g_list_model_get_n_items (participants), total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (participants, i);

      total += forms_of (missing_of (p));
    }
  return total;
}

/**
 * nst_doc_missing_consents:
 * @participants: (element-type NstParticipant): whose consents to print,
 *   with their missing consents worked out
 * @flags: %NST_DOC_BATCH_DUPLEX_PADDING pads each form with a blank page
 *   to an even count, so that printed on both sides each person's form
 *   has sheets of its own (%NST_DOC_BATCH_DEFAULT)
 * @progress: (nullable): called after each form with the count done
 * @cancellable: (nullable): checked before each form
 * @n_forms: (out) (optional): how many forms were made
 *
 * One form, each a document of its own, for every missing consent: to
 * processing for everyone, to the appointment for mentors. All in @pdf,
 * which keeps its fonts for the whole batch. Runs in any one thread: the
 * UI gives it copies of the participants and the school.
 *
 * Returns: %FALSE with @error set on failure or %G_IO_ERROR_CANCELLED
 */
gboolean
nst_doc_missing_consents (NstPdf               *pdf,
                          const NstDocContext  *context,
                          GListModel           *participants,
                          NstDocBatchFlags      flags,
                          NstDocProgressFunc    progress,
                          gpointer              user_data,
                          GCancellable         *cancellable,
                          guint                *n_forms,
                          GError              **error)
{
  guint n = g_list_model_get_n_items (participants);
  guint total = nst_doc_count_missing_consents (participants), done = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (participants, i);
      NstConsentMissing missing = missing_of (p);

      if (missing == NST_CONSENT_MISSING_NONE)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if ((missing & NST_CONSENT_MISSING_PROCESSING) &&
          !nst_doc_consent_processing (pdf, context, p, error))
        return FALSE;
      if ((missing & NST_CONSENT_MISSING_PROCESSING) && (flags & NST_DOC_BATCH_DUPLEX_PADDING))
        nst_pdf_pad_to_even (pdf);
      if ((missing & NST_CONSENT_MISSING_MENTOR) &&
          !nst_doc_consent_mentor (pdf, context, p, NULL, error))
        return FALSE;
      if ((missing & NST_CONSENT_MISSING_MENTOR) && (flags & NST_DOC_BATCH_DUPLEX_PADDING))
        nst_pdf_pad_to_even (pdf);
      done += forms_of (missing);
      if (progress != NULL)
        progress (done, total, user_data);
    }
  if (n_forms != NULL)
    *n_forms = done;
  nst_pdf_set_title (pdf, "Согласия участников программ наставничества");
  return TRUE;
}
