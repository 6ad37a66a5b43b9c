/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-pairs-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "io/nst-export-groups.h"
#include "pairs/nst-pairs-documents.h"

/* One pair selected that an order fixed has that order reprinted; else
 * the order's dialog lists the pairs to fix, the selected ones ticked —
 * those the user chose: the pair the list selected after a save (the last
 * of five just made) does not untick the other four. */
static void
order_pairs_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autoptr(GPtrArray) selected = nst_page_dup_selected (NST_PAGE (user_data));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  NstDocuments *documents = nst_page_get_documents (NST_PAGE (user_data));
  gboolean chosen = TRUE;

  g_object_get (user_data, "selection-chosen", &chosen, NULL);
  if (selected->len == 1 && nst_group_get_order_id (g_ptr_array_index (selected, 0)) != 0)
    {
      nst_documents_print_pairs_order (documents, g_ptr_array_index (selected, 0), NULL);
      return;
    }
  for (guint i = 0; i < selected->len && chosen; i++)
    g_array_append_val (ids, (gint64) { nst_group_get_id (g_ptr_array_index (selected, i)) });
  nst_documents_print_pairs_order (documents, NULL, ids);
}

/* The one pair selected that an order fixed, not ended: the one a new
 * order may fix anew after its composition changed. */
static NstGroup *
fixed_pair (NstPage *page)
{
  g_autoptr(GPtrArray) selected = nst_page_dup_selected (page);
  NstGroup *group;

  if (selected->len != 1)
    return NULL;
  group = g_ptr_array_index (selected, 0);
  if (nst_group_get_order_id (group) == 0 || nst_group_status_is_ended (nst_group_get_status (group)))
    return NULL;
  return g_object_ref (group);
}

static void
order_replace_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  g_autoptr(NstGroup) group = fixed_pair (NST_PAGE (user_data));

  if (group != NULL)
    nst_documents_print_pairs_order_replacing (nst_page_get_documents (NST_PAGE (user_data)), group);
}

static const GActionEntry entries[] = {
  { "order-pairs", order_pairs_action_cb },
  { "order-pairs-replace", order_replace_action_cb },
};

static GMenuModel *
dup_documents_menu (NstPage *self)
{
  GMenu *section = g_menu_new ();

  g_menu_append (section, _("_Order on Appointing Mentors…"), "page.order-pairs");
  g_menu_append (section, _("_New Order (Composition Changed)…"), "page.order-pairs-replace");
  return G_MENU_MODEL (section);
}

static void
add_actions (NstPage    *self,
             GActionMap *actions)
{
  g_action_map_add_action_entries (actions, entries, G_N_ELEMENTS (entries), self);
  /* The list shows each pair's approving order. */
  g_signal_connect_object (nst_page_get_documents (self), "order-issued",
                           G_CALLBACK (nst_page_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (nst_page_get_documents (self), "consents-recorded",
                           G_CALLBACK (nst_page_reload), self, G_CONNECT_SWAPPED);
}

static void
update_actions (NstPage    *self,
                GActionMap *actions)
{
  g_autoptr(NstGroup) group = fixed_pair (self);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (actions, "order-pairs-replace")),
                               group != NULL);
}

static const char *
get_export_name (NstPage *self)
{
  return _("Pairs and groups.xlsx");
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
  return nst_export_groups (store, path, format, n_rows, error);
}

void
nst_pairs_documents_page_init (NstPageInterface *iface)
{
  iface->dup_documents_menu = dup_documents_menu;
  iface->add_actions = add_actions;
  iface->update_actions = update_actions;
  iface->get_export_name = get_export_name;
  iface->export = export;
}
