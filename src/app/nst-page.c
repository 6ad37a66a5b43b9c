/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nst-page.h"
#include "store/nst-store.h"

G_DEFINE_INTERFACE (NstPage, nst_page, GTK_TYPE_WIDGET)

/* The interface keeps each page's documents and actions itself, so that
 * no tab needs a property or a field for them. */
static GQuark
documents_quark (void)
{
  return g_quark_from_static_string ("nst-page-documents");
}

static GQuark
actions_quark (void)
{
  return g_quark_from_static_string ("nst-page-actions");
}

static void
nst_page_default_init (NstPageInterface *iface)
{
}

/**
 * nst_page_get_add_tooltip:
 *
 * Returns: (transfer none) (nullable): what «+» adds here, or %NULL when
 *   this tab adds nothing
 */
const char *
nst_page_get_add_tooltip (NstPage *self)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);

  return iface->get_add_tooltip ? iface->get_add_tooltip (self) : NULL;
}

void
nst_page_add (NstPage *self)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);

  if (iface->add)
    iface->add (self);
}

void
nst_page_focus_search (NstPage *self)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);

  if (iface->focus_search)
    iface->focus_search (self);
}

/**
 * nst_page_get_visible:
 *
 * Returns: (transfer none) (nullable): the items the tab shows, in their
 *   order, or %NULL when it is not a list
 */
GListModel *
nst_page_get_visible (NstPage *self)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);

  return iface->get_visible ? iface->get_visible (self) : NULL;
}

/**
 * nst_page_dup_selected:
 *
 * Returns: (transfer full) (element-type GObject): the items selected,
 *   perhaps none
 */
GPtrArray *
nst_page_dup_selected (NstPage *self)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);

  return iface->dup_selected ? iface->dup_selected (self) : g_ptr_array_new_with_free_func (g_object_unref);
}

/* The store's change count a page's data were read at, kept on the page:
 * shown again at another count, it reads them anew (nst_page_catch_up). */
#define CHANGES_SEEN "nst-page-changes-seen"

static NstStore *
dup_store (NstPage *self)
{
  NstStore *store = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (self), "store") != NULL)
    g_object_get (self, "store", &store, NULL);
  return store;
}

/**
 * nst_page_mark_seen:
 *
 * The page shows the database as it is now: it is leaving the screen, or
 * it has just read its data.
 */
void
nst_page_mark_seen (NstPage *self)
{
  g_autoptr(NstStore) store = dup_store (self);
  guint64 *seen;

  if (store == NULL)
    return;
  seen = g_new (guint64, 1);
  *seen = nst_store_get_change_count (store);
  g_object_set_data_full (G_OBJECT (self), CHANGES_SEEN, seen, g_free);
}

/**
 * nst_page_catch_up:
 *
 * Shown again: reads its data anew when the database changed since it was
 * last marked seen (another tab, a dialog), and only then.
 */
void
nst_page_catch_up (NstPage *self)
{
  g_autoptr(NstStore) store = dup_store (self);
  guint64 *seen = g_object_get_data (G_OBJECT (self), CHANGES_SEEN);

  if (store != NULL && seen != NULL && *seen != nst_store_get_change_count (store))
    nst_page_reload (self);
}

void
nst_page_reload (NstPage *self)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);

  if (iface->reload)
    iface->reload (self);
  /* An eager reload (after a pair is saved, a consent recorded) spares
   * the one the tab would do when shown again. */
  nst_page_mark_seen (self);
}

/**
 * nst_page_set_documents:
 *
 * Gives the page what prints its documents, once; the page's actions
 * ("page.NAME") are made then, bound to it.
 */
void
nst_page_set_documents (NstPage      *self,
                        NstDocuments *documents)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);
  GSimpleActionGroup *actions;

  g_return_if_fail (NST_IS_DOCUMENTS (documents));
  if (nst_page_get_documents (self) != NULL)
    return;
  g_object_set_qdata_full (G_OBJECT (self), documents_quark (), g_object_ref (documents), g_object_unref);
  actions = g_simple_action_group_new ();
  if (iface->add_actions)
    iface->add_actions (self, G_ACTION_MAP (actions));
  g_object_set_qdata_full (G_OBJECT (self), actions_quark (), actions, g_object_unref);
  nst_page_update_actions (self);
}

/**
 * nst_page_get_documents:
 *
 * Returns: (transfer none) (nullable): what prints this tab's documents
 */
NstDocuments *
nst_page_get_documents (NstPage *self)
{
  return g_object_get_qdata (G_OBJECT (self), documents_quark ());
}

/**
 * nst_page_dup_documents_menu:
 *
 * Returns: (transfer full) (nullable): the tab's section of the
 *   «Документы» menu, or %NULL when it prints nothing of its own
 */
GMenuModel *
nst_page_dup_documents_menu (NstPage *self)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);

  return iface->dup_documents_menu ? iface->dup_documents_menu (self) : NULL;
}

/**
 * nst_page_get_actions:
 *
 * Returns: (transfer none) (nullable): the actions the tab's menu section
 *   names, for the prefix "page"; %NULL before nst_page_set_documents()
 */
GActionGroup *
nst_page_get_actions (NstPage *self)
{
  return g_object_get_qdata (G_OBJECT (self), actions_quark ());
}

/**
 * nst_page_update_actions:
 *
 * Enables the actions that need a selection only when there is one: the
 * selection changes while the menu is closed, so it is asked again.
 */
void
nst_page_update_actions (NstPage *self)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);
  GActionGroup *actions = nst_page_get_actions (self);

  if (actions != NULL && iface->update_actions)
    iface->update_actions (self, G_ACTION_MAP (actions));
}

/**
 * nst_page_get_export_name:
 *
 * Returns: (transfer none) (nullable): the file name «Экспорт…» offers,
 *   or %NULL when this tab exports nothing
 */
const char *
nst_page_get_export_name (NstPage *self)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);

  return iface->get_export_name ? iface->get_export_name (self) : NULL;
}

/**
 * nst_page_export:
 *
 * Writes what the tab lists to @path as a table; @n_rows gets the rows.
 */
gboolean
nst_page_export (NstPage          *self,
                 const char       *path,
                 NstExportFormat   format,
                 guint            *n_rows,
                 GError          **error)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);

  /* The window asks only a tab that names its export. */
  g_return_val_if_fail (iface->export != NULL, FALSE);
  return iface->export (self, path, format, n_rows, error);
}
