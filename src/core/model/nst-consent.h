/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "model/nst-participant.h"

G_BEGIN_DECLS

typedef enum
{
  NST_CONSENT_PROCESSING,   /* обработка персональных данных, 152-ФЗ ст. 9 */
  NST_CONSENT_DISTRIBUTION, /* распространение, 152-ФЗ ст. 10.1 */
  NST_CONSENT_MENTOR,       /* согласие наставника, ТК РФ ст. 351.8 */
  NST_N_CONSENT_KINDS
} NstConsentKind;

const char     *nst_consent_kind_to_code   (NstConsentKind kind);
NstConsentKind  nst_consent_kind_from_code (const char    *code);
const char     *nst_consent_kind_label     (NstConsentKind kind);

#define NST_TYPE_CONSENT (nst_consent_get_type ())
G_DECLARE_FINAL_TYPE (NstConsent, nst_consent, NST, CONSENT, GObject)

NstConsent     *nst_consent_new                     (NstConsentKind  kind);
NstConsent     *nst_consent_copy                    (NstConsent     *self);
gint64          nst_consent_get_id                  (NstConsent     *self);
void            nst_consent_set_id                  (NstConsent     *self,
                                                     gint64          id);
NstConsentKind  nst_consent_get_kind                (NstConsent     *self);
void            nst_consent_set_kind                (NstConsent     *self,
                                                     NstConsentKind  kind);
const char     *nst_consent_get_signed_on           (NstConsent     *self);
void            nst_consent_set_signed_on           (NstConsent     *self,
                                                     const char     *iso_date);
const char     *nst_consent_get_representative_name (NstConsent     *self);
void            nst_consent_set_representative_name (NstConsent     *self,
                                                     const char     *name);
const char     *nst_consent_get_withdrawn_on        (NstConsent     *self);
void            nst_consent_set_withdrawn_on        (NstConsent     *self,
                                                     const char     *iso_date);
gboolean        nst_consent_is_in_force             (NstConsent     *self);

char           *nst_consent_check                   (NstConsent     *self,
                                                     NstParticipant *participant,
                                                     const GDate    *today);

NstConsentMissing nst_consents_missing_given        (NstParticipant *participant,
                                                     guint           present);
NstConsentMissing nst_consents_find_missing         (NstParticipant *participant,
                                                     GPtrArray      *consents);

G_END_DECLS
