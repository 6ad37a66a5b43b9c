/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-consent"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/nst-consent.h"
#include "schedule/nst-date.h"

struct _NstConsent
{
  GObject parent_instance;

  gint64 id;
  NstConsentKind kind;
  char *signed_on;
  char *representative_name;
  char *withdrawn_on;
};

G_DEFINE_FINAL_TYPE (NstConsent, nst_consent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_SIGNED_ON,
  PROP_REPRESENTATIVE_NAME,
  PROP_WITHDRAWN_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *kind_codes[NST_N_CONSENT_KINDS] = {
  "processing", "distribution", "mentor",
};

const char *
nst_consent_kind_to_code (NstConsentKind kind)
{
  g_return_val_if_fail (kind < NST_N_CONSENT_KINDS, "processing");
  return kind_codes[kind];
}

NstConsentKind
nst_consent_kind_from_code (const char *code)
{
  for (guint i = 0; i < NST_N_CONSENT_KINDS; i++)
    if (g_strcmp0 (code, kind_codes[i]) == 0)
      return i;
  return NST_CONSENT_PROCESSING;
}

const char *
nst_consent_kind_label (NstConsentKind kind)
{
  switch (kind)
    {
    case NST_CONSENT_PROCESSING: return _("Processing of personal data");
    case NST_CONSENT_DISTRIBUTION: return _("Distribution of personal data");
    case NST_CONSENT_MENTOR: return _("Mentor's consent");
    case NST_N_CONSENT_KINDS:
    default: break;
    }
  return "";
}

static gboolean
replace_text (char       **field,
              const char  *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  if (g_strcmp0 (*field ? *field : "", trimmed) == 0)
    return FALSE;
  g_free (*field);
  *field = g_steal_pointer (&trimmed);
  return TRUE;
}

static void
nst_consent_finalize (GObject *object)
{
  NstConsent *self = NST_CONSENT (object);

  g_free (self->signed_on);
  g_free (self->representative_name);
  g_free (self->withdrawn_on);
  G_OBJECT_CLASS (nst_consent_parent_class)->finalize (object);
}

static void
nst_consent_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NstConsent *self = NST_CONSENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_KIND: g_value_set_uint (value, self->kind); break;
    case PROP_SIGNED_ON: g_value_set_string (value, nst_consent_get_signed_on (self)); break;
    case PROP_REPRESENTATIVE_NAME: g_value_set_string (value, nst_consent_get_representative_name (self)); break;
    case PROP_WITHDRAWN_ON: g_value_set_string (value, nst_consent_get_withdrawn_on (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_consent_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NstConsent *self = NST_CONSENT (object);

  switch (prop_id)
    {
    case PROP_ID: nst_consent_set_id (self, g_value_get_int64 (value)); break;
    case PROP_KIND: nst_consent_set_kind (self, g_value_get_uint (value)); break;
    case PROP_SIGNED_ON: nst_consent_set_signed_on (self, g_value_get_string (value)); break;
    case PROP_REPRESENTATIVE_NAME: nst_consent_set_representative_name (self, g_value_get_string (value)); break;
    case PROP_WITHDRAWN_ON: nst_consent_set_withdrawn_on (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_consent_class_init (NstConsentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_consent_finalize;
  object_class->get_property = nst_consent_get_property;
  object_class->set_property = nst_consent_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, NST_N_CONSENT_KINDS - 1, 0, flags);
  properties[PROP_SIGNED_ON] = g_param_spec_string ("signed-on", NULL, NULL, "", flags);
  properties[PROP_REPRESENTATIVE_NAME] = g_param_spec_string ("representative-name", NULL, NULL, "", flags);
  properties[PROP_WITHDRAWN_ON] = g_param_spec_string ("withdrawn-on", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_consent_init (NstConsent *self)
{
}

NstConsent *
nst_consent_new (NstConsentKind kind)
{
  return g_object_new (NST_TYPE_CONSENT, "kind", kind, NULL);
}

NstConsent *
nst_consent_copy (NstConsent *self)
{
  return g_object_new (NST_TYPE_CONSENT,
                       "id", self->id,
                       "kind", self->kind,
                       "signed-on", self->signed_on,
                       "representative-name", self->representative_name,
                       "withdrawn-on", self->withdrawn_on,
                       NULL);
}

gint64 nst_consent_get_id (NstConsent *self) { return self->id; }

void
nst_consent_set_id (NstConsent *self,
                    gint64      id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

NstConsentKind nst_consent_get_kind (NstConsent *self) { return self->kind; }

void
nst_consent_set_kind (NstConsent     *self,
                      NstConsentKind  kind)
{
  g_return_if_fail (kind < NST_N_CONSENT_KINDS);
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *nst_consent_get_signed_on (NstConsent *self) { return self->signed_on ? self->signed_on : ""; }

void
nst_consent_set_signed_on (NstConsent *self,
                           const char *iso_date)
{
  if (replace_text (&self->signed_on, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_ON]);
}

const char *nst_consent_get_representative_name (NstConsent *self) { return self->representative_name ? self->representative_name : ""; }

void
nst_consent_set_representative_name (NstConsent *self,
                                     const char *name)
{
  if (replace_text (&self->representative_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPRESENTATIVE_NAME]);
}

const char *nst_consent_get_withdrawn_on (NstConsent *self) { return self->withdrawn_on ? self->withdrawn_on : ""; }

void
nst_consent_set_withdrawn_on (NstConsent *self,
                              const char *iso_date)
{
  if (replace_text (&self->withdrawn_on, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITHDRAWN_ON]);
}

gboolean
nst_consent_is_in_force (NstConsent *self)
{
  return *nst_consent_get_signed_on (self) != '\0' &&
         *nst_consent_get_withdrawn_on (self) == '\0';
}

/**
 * nst_consents_missing_given:
 * @present: bits 1 << #NstConsentKind of the consents in force
 *
 * Everyone needs the consent to processing; a mentor also the consent to the
 * appointment. Consent to distribution is optional: it only allows
 * publication on the website.
 */
NstConsentMissing
nst_consents_missing_given (NstParticipant *participant,
                            guint           present)
{
  NstConsentMissing missing = NST_CONSENT_MISSING_NONE;

  if (!(present & (1u << NST_CONSENT_PROCESSING)))
    missing |= NST_CONSENT_MISSING_PROCESSING;
  if (nst_participant_get_is_mentor (participant) &&
      !(present & (1u << NST_CONSENT_MENTOR)))
    missing |= NST_CONSENT_MISSING_MENTOR;
  return missing;
}

/**
 * nst_consents_find_missing:
 * @participant: whose consents these are
 * @consents: (element-type NstConsent) (nullable): all the participant's consents
 */
NstConsentMissing
nst_consents_find_missing (NstParticipant *participant,
                           GPtrArray      *consents)
{
  guint present = 0;

  for (guint i = 0; consents && i < consents->len; i++)
    {
      NstConsent *consent = g_ptr_array_index (consents, i);

      if (nst_consent_is_in_force (consent))
        present |= 1u << consent->kind;
    }
  return nst_consents_missing_given (participant, present);
}

/**
 * nst_consent_check:
 * @today: the day the form is filled in
 *
 * Returns: (transfer full) (nullable): what is wrong with the consent, or
 *   %NULL when it can be saved
 */
char *
nst_consent_check (NstConsent     *self,
                   NstParticipant *participant,
                   const GDate    *today)
{
  GDate signed_on, withdrawn_on;
  gboolean withdrawn = *nst_consent_get_withdrawn_on (self) != '\0';

  if (!nst_date_parse_iso (nst_consent_get_signed_on (self), &signed_on))
    return g_strdup (_("Enter the date the consent was signed"));
  if (g_date_compare (&signed_on, today) > 0)
    return g_strdup (_("The date of signing cannot be in the future"));
  if (withdrawn && !nst_date_parse_iso (nst_consent_get_withdrawn_on (self), &withdrawn_on))
    return g_strdup (_("The date of withdrawal is not a valid date"));
  if (withdrawn && g_date_compare (&withdrawn_on, &signed_on) < 0)
    return g_strdup (_("A consent cannot be withdrawn before it was signed"));
  if (withdrawn && g_date_compare (&withdrawn_on, today) > 0)
    return g_strdup (_("The date of withdrawal cannot be in the future"));
  if (self->kind != NST_CONSENT_MENTOR &&
      *nst_consent_get_representative_name (self) == '\0' &&
      nst_participant_needs_representative (participant, &signed_on))
    return g_strdup (_("The student was under 14: enter the full name of the legal representative who signed"));
  return NULL;
}
