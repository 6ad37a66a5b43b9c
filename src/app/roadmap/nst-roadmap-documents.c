/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-roadmap-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "io/nst-export-roadmap.h"
#include "roadmap/nst-roadmap-documents.h"

static void
roadmap_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  nst_documents_print_roadmap (nst_page_get_documents (NST_PAGE (user_data)));
}

static const GActionEntry entries[] = {
  { "roadmap", roadmap_action_cb },
};

static GMenuModel *
dup_documents_menu (NstPage *self)
{
  GMenu *section = g_menu_new ();

  g_menu_append (section, _("_Roadmap (Table)…"), "page.roadmap");
  return G_MENU_MODEL (section);
}

static void
add_actions (NstPage    *self,
             GActionMap *actions)
{
  g_action_map_add_action_entries (actions, entries, G_N_ELEMENTS (entries), self);
}

static const char *
get_export_name (NstPage *self)
{
  return _("Roadmap.xlsx");
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
  return nst_export_roadmap (store, path, format, n_rows, error);
}

void
nst_roadmap_documents_page_init (NstPageInterface *iface)
{
  iface->dup_documents_menu = dup_documents_menu;
  iface->add_actions = add_actions;
  iface->get_export_name = get_export_name;
  iface->export = export;
}
