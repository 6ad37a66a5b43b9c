/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-listing"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/nst-listing.h"
#include "widgets/nst-status-badge.h"

struct _NstListing
{
  GObject parent_instance;

  NstListingSetup setup;      /* the widgets are the tab's, not ours */
  GListStore *items;
  GtkSortListModel *sorted;
  NstSlotList *slots;
  GtkSelectionModel *selection;
  gboolean loading;           /* the items are being read */
};

G_DEFINE_FINAL_TYPE (NstListing, nst_listing, G_TYPE_OBJECT)

enum {
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_count (NstListing *self)
{
  /* The column headers stand while the rows are read: no «empty» page
   * flashes by before a full registry. */
  if (self->loading)
    {
      gtk_label_set_text (self->setup.count_label, _("Loading…"));
      gtk_stack_set_visible_child_name (self->setup.content_stack, "list");
      return;
    }
  nst_list_show_count (self->setup.count_label, self->setup.content_stack,
                       G_LIST_MODEL (self->items), nst_slot_list_get_visible (self->slots));
}

/* Slots keep their positions while what they show changes, so a selection
 * would silently move to other items: start it afresh instead. */
static void
visible_changed_cb (NstListing *self)
{
  gtk_selection_model_unselect_all (self->selection);
  update_count (self);
}

static void
selection_changed_cb (NstListing *self)
{
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

static void
search_changed_cb (NstListing     *self,
                   GtkSearchEntry *entry)
{
  nst_slot_list_set_search (self->slots, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (NstListing     *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
row_activated_cb (NstListing *self,
                  guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (nst_slot_list_get_visible (self->slots), position);

  if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0, item);
}

static void
add_delete_shortcut (NstListing *self)
{
  GtkEventController *controller;

  if (self->setup.delete_action == NULL)
    return;
  /* On the list only: in the search field Delete deletes characters. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new (self->setup.delete_action)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new (self->setup.delete_action)));
  gtk_widget_add_controller (GTK_WIDGET (self->setup.column_view), controller);
}

static GtkSelectionModel *
new_selection (NstListing *self)
{
  GtkSingleSelection *single;

  if (self->setup.multiple)
    return GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->slots))));
  single = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  gtk_single_selection_set_autoselect (single, FALSE);
  gtk_single_selection_set_can_unselect (single, TRUE);
  return GTK_SELECTION_MODEL (single);
}

/* Sorted before it is filtered: a keystroke then only re-filters. */
static void
build_models (NstListing *self)
{
  GtkSorter *sorter = g_object_ref (gtk_column_view_get_sorter (self->setup.column_view));

  self->items = g_list_store_new (self->setup.item_type);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->items)), sorter);
  self->slots = nst_slot_list_new (G_LIST_MODEL (self->sorted));
  nst_slot_list_set_filter (self->slots, self->setup.match, self->setup.search_key, self->setup.user_data);
  self->selection = new_selection (self);
  gtk_column_view_set_model (self->setup.column_view, self->selection);
  if (self->setup.sort_column != NULL)
    gtk_column_view_sort_by_column (self->setup.column_view, self->setup.sort_column, GTK_SORT_ASCENDING);
}

static void
connect_widgets (NstListing *self)
{
  g_signal_connect_object (nst_slot_list_get_visible (self->slots), "items-changed",
                           G_CALLBACK (visible_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->setup.search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->setup.search_entry, "stop-search",
                           G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->setup.column_view, "activate",
                           G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->setup.search_entry, GTK_WIDGET (self->setup.column_view));
  add_delete_shortcut (self);
}

static void
nst_listing_dispose (GObject *object)
{
  NstListing *self = NST_LISTING (object);

  /* Before the tab's template goes: its rows then go without a sound. */
  if (self->setup.column_view != NULL)
    gtk_column_view_set_model (self->setup.column_view, NULL);
  self->setup.column_view = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->slots);
  g_clear_object (&self->sorted);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (nst_listing_parent_class)->dispose (object);
}

static void
nst_listing_class_init (NstListingClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nst_listing_dispose;

  /* The selection changed; nst_listing_dup_selected() tells what it is. */
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A row was activated (double click, Enter): the item to open. */
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
}

static void
nst_listing_init (NstListing *self)
{
}

/**
 * nst_listing_new:
 * @setup: the tab's widgets and how to read its items; copied
 *
 * Returns: (transfer full): the listing, showing no items yet
 */
NstListing *
nst_listing_new (const NstListingSetup *setup)
{
  NstListing *self = g_object_new (NST_TYPE_LISTING, NULL);

  self->setup = *setup;
  build_models (self);
  connect_widgets (self);
  update_count (self);
  return self;
}

static GArray *
selected_ids (NstListing *self)
{
  g_autoptr(GPtrArray) chosen = nst_listing_dup_selected (self);
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), chosen->len);

  for (guint i = 0; i < chosen->len; i++)
    {
      gint64 id = self->setup.get_id (g_ptr_array_index (chosen, i));

      g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * nst_listing_set_items:
 * @items: what the tab shows now, read afresh
 *
 * Replaces every item at once; what was selected stays selected while it
 * is shown.
 */
void
nst_listing_set_items (NstListing *self,
                       GListModel *items)
{
  g_autoptr(GArray) keep = selected_ids (self);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (items);

  self->loading = FALSE;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (all, g_list_model_get_item (items, i));
  if (self->setup.presort != NULL)
    g_ptr_array_sort (all, self->setup.presort);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       all->pdata, all->len);
  for (guint i = 0; i < keep->len; i++)
    nst_listing_select (self, g_array_index (keep, gint64, i));
}

static gboolean
find_position (NstListing *self,
               gint64      id,
               guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (self->setup.get_id (item) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Items are replaced, never changed in place, so every cell and the sort
 * order see the new values. */
void
nst_listing_put (NstListing *self,
                 gpointer    item)
{
  guint position;

  if (find_position (self, self->setup.get_id (item), &position))
    g_list_store_splice (self->items, position, 1, &item, 1);
  else
    g_list_store_append (self->items, item);
}

void
nst_listing_remove (NstListing *self,
                    gint64      id)
{
  guint position;

  if (find_position (self, id, &position))
    g_list_store_remove (self->items, position);
}

/**
 * nst_listing_select:
 *
 * Adds the item to the selection (or, selecting one at most, selects it
 * alone) when the filters let it be seen.
 *
 * Returns: whether it is shown
 */
gboolean
nst_listing_select (NstListing *self,
                    gint64      id)
{
  GListModel *visible = nst_slot_list_get_visible (self->slots);
  guint n = g_list_model_get_n_items (visible);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (visible, i);

      if (self->setup.get_id (item) == id)
        return gtk_selection_model_select_item (self->selection, i, !self->setup.multiple);
    }
  return FALSE;
}

/**
 * nst_listing_set_loading:
 *
 * Says «Loading…» until nst_listing_set_items() or
 * nst_listing_set_loading (FALSE).
 */
void
nst_listing_set_loading (NstListing *self,
                         gboolean    loading)
{
  self->loading = loading;
  update_count (self);
}

/* The tab's own filters changed. */
void
nst_listing_refilter (NstListing *self)
{
  nst_slot_list_refilter (self->slots);
}

void
nst_listing_focus_search (NstListing *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->setup.search_entry));
}

/**
 * nst_listing_get_items:
 *
 * Returns: (transfer none): every item, shown or not, in no order
 */
GListModel *
nst_listing_get_items (NstListing *self)
{
  return G_LIST_MODEL (self->items);
}

/**
 * nst_listing_get_visible:
 *
 * Returns: (transfer none): the items shown, in their order
 */
GListModel *
nst_listing_get_visible (NstListing *self)
{
  return nst_slot_list_get_visible (self->slots);
}

/**
 * nst_listing_dup_selected:
 *
 * Returns: (transfer full) (element-type GObject): the items selected, in
 *   their order, perhaps none
 */
GPtrArray *
nst_listing_dup_selected (NstListing *self)
{
  g_autoptr(GtkBitset) bits = gtk_selection_model_get_selection (self->selection);
  GListModel *visible = nst_slot_list_get_visible (self->slots);
  GPtrArray *chosen = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, bits, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (chosen, g_list_model_get_item (visible, position));
  return chosen;
}

/**
 * nst_listing_dup_first_selected:
 *
 * Returns: (transfer full) (nullable) (type GObject): the first item selected
 */
gpointer
nst_listing_dup_first_selected (NstListing *self)
{
  g_autoptr(GPtrArray) chosen = nst_listing_dup_selected (self);

  return chosen->len > 0 ? g_object_ref (g_ptr_array_index (chosen, 0)) : NULL;
}
