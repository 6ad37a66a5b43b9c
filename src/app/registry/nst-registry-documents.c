/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-registry-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "io/nst-export-participants.h"
#include "registry/nst-registry-documents.h"

/* A consent form is for one person: with several selected it is not clear
 * whose. */
static NstParticipant *
selected_participant (gpointer page)
{
  g_autoptr(GPtrArray) chosen = nst_page_dup_selected (NST_PAGE (page));

  return chosen->len == 1 ? g_object_ref (g_ptr_array_index (chosen, 0)) : NULL;
}

static NstDocuments *
documents_of (gpointer page)
{
  return nst_page_get_documents (NST_PAGE (page));
}

static void
missing_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_autoptr(GPtrArray) chosen = nst_page_dup_selected (NST_PAGE (user_data));

  nst_documents_print_missing_consents (documents_of (user_data), chosen);
}

static void
consent_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  const char *name = g_action_get_name (G_ACTION (action));
  g_autoptr(NstParticipant) participant = selected_participant (user_data);
  NstConsentKind kind = g_str_equal (name, "consent-distribution") ? NST_CONSENT_DISTRIBUTION
                        : g_str_equal (name, "consent-mentor") ? NST_CONSENT_MENTOR
                        : NST_CONSENT_PROCESSING;

  if (participant != NULL)
    nst_documents_print_consent (documents_of (user_data), participant, kind);
}

static void
registry_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  nst_documents_print_registry (documents_of (user_data), nst_page_get_visible (NST_PAGE (user_data)));
}

static const GActionEntry entries[] = {
  { "missing-consents", missing_action_cb },
  { "consent-processing", consent_action_cb },
  { "consent-distribution", consent_action_cb },
  { "consent-mentor", consent_action_cb },
  { "registry", registry_action_cb },
};

static GMenuModel *
dup_documents_menu (NstPage *self)
{
  GMenu *section = g_menu_new ();

  g_menu_append (section, _("_Missing Consents…"), "page.missing-consents");
  g_menu_append (section, _("Consent to _Processing of Personal Data…"), "page.consent-processing");
  g_menu_append (section, _("Consent to _Distribution of Personal Data…"), "page.consent-distribution");
  g_menu_append (section, _("_Mentor’s Consent…"), "page.consent-mentor");
  g_menu_append (section, _("_List of Participants…"), "page.registry");
  return G_MENU_MODEL (section);
}

static void
add_actions (NstPage    *self,
             GActionMap *actions)
{
  g_action_map_add_action_entries (actions, entries, G_N_ELEMENTS (entries), self);
  /* The order's dialog records consents: the state column follows. */
  g_signal_connect_object (documents_of (self), "consents-recorded",
                           G_CALLBACK (nst_page_reload), self, G_CONNECT_SWAPPED);
}

static void
set_enabled (GActionMap *actions,
             const char *name,
             gboolean    enabled)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (actions, name)), enabled);
}

/* The consent forms need one participant selected. */
static void
update_actions (NstPage    *self,
                GActionMap *actions)
{
  g_autoptr(NstParticipant) participant = selected_participant (self);

  set_enabled (actions, "consent-processing", participant != NULL);
  set_enabled (actions, "consent-distribution", participant != NULL);
  /* Only a mentor signs the mentor's consent: one the registry marks so,
   * or one who mentors in a pair and has not signed it. */
  set_enabled (actions, "consent-mentor",
               participant != NULL &&
               (nst_participant_get_is_mentor (participant) ||
                (nst_participant_get_missing_consents (participant) & NST_CONSENT_MISSING_MENTOR)));
}

static const char *
get_export_name (NstPage *self)
{
  return _("Registry.xlsx");
}

static gboolean
export (NstPage          *self,
        const char       *path,
        NstExportFormat   format,
        guint            *n_rows,
        GError          **error)
{
  g_autoptr(NstStore) store = NULL;

  g_object_get (self, "store", &store, NULL);
  return nst_export_participants (store, path, format, n_rows, error);
}

void
nst_registry_documents_page_init (NstPageInterface *iface)
{
  iface->dup_documents_menu = dup_documents_menu;
  iface->add_actions = add_actions;
  iface->update_actions = update_actions;
  iface->get_export_name = get_export_name;
  iface->export = export;
}
