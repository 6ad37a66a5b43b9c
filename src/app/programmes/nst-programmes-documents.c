/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-programmes-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "io/nst-export-programmes.h"
#include "programmes/nst-programmes-documents.h"

static NstProgramme *
selected_programme (gpointer page)
{
  g_autoptr(GPtrArray) selected = nst_page_dup_selected (NST_PAGE (page));

  return selected->len > 0 ? g_object_ref (g_ptr_array_index (selected, 0)) : NULL;
}

static void
programme_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  g_autoptr(NstProgramme) programme = selected_programme (user_data);

  if (programme != NULL)
    nst_documents_print_programme (nst_page_get_documents (NST_PAGE (user_data)), programme);
}

static const GActionEntry entries[] = {
  { "programme", programme_action_cb },
};

static GMenuModel *
dup_documents_menu (NstPage *self)
{
  GMenu *section = g_menu_new ();

  g_menu_append (section, _("_Programme…"), "page.programme");
  return G_MENU_MODEL (section);
}

static void
add_actions (NstPage    *self,
             GActionMap *actions)
{
  g_action_map_add_action_entries (actions, entries, G_N_ELEMENTS (entries), self);
}

/* The programme is printed for the one selected. */
static void
update_actions (NstPage    *self,
                GActionMap *actions)
{
  g_autoptr(NstProgramme) programme = selected_programme (self);
  GAction *action = g_action_map_lookup_action (actions, "programme");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), programme != NULL);
}

static const char *
get_export_name (NstPage *self)
{
  return _("Programmes.xlsx");
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
  return nst_export_programmes (store, path, format, n_rows, error);
}

void
nst_programmes_documents_page_init (NstPageInterface *iface)
{
  iface->dup_documents_menu = dup_documents_menu;
  iface->add_actions = add_actions;
  iface->update_actions = update_actions;
  iface->get_export_name = get_export_name;
  iface->export = export;
}
