/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-slot-list"

#include "config.h"

#include <string.h>

#include "text/nst-ru-text.h"
#include "widgets/nst-slot-list.h"

/* A cell that shows the slot's item, called when it changes. */
typedef struct
{
  NstSlotWatch func;
  gpointer user_data;
} Watch;

struct _NstSlot
{
  GObject parent_instance;

  GObject *item;
  GArray *watches;   /* Watch, or NULL while none */
};

G_DEFINE_FINAL_TYPE (NstSlot, nst_slot, G_TYPE_OBJECT)

enum {
  SLOT_PROP_0,
  SLOT_PROP_ITEM,
  SLOT_N_PROPS
};

static GParamSpec *slot_properties[SLOT_N_PROPS];

static void
nst_slot_dispose (GObject *object)
{
  g_clear_object (&NST_SLOT (object)->item);
  g_clear_pointer (&NST_SLOT (object)->watches, g_array_unref);
  G_OBJECT_CLASS (nst_slot_parent_class)->dispose (object);
}

static void
nst_slot_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  if (prop_id == SLOT_PROP_ITEM)
    g_value_set_object (value, NST_SLOT (object)->item);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
nst_slot_class_init (NstSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nst_slot_dispose;
  object_class->get_property = nst_slot_get_property;
  slot_properties[SLOT_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
nst_slot_init (NstSlot *self)
{
}

/**
 * nst_slot_get_item:
 *
 * Returns: (transfer none) (type GObject): the item the slot shows now
 */
gpointer
nst_slot_get_item (NstSlot *self)
{
  return self->item;
}

/* Takes ownership of @item. */
static void
slot_take_item (NstSlot *self,
                GObject *item)
{
  if (self->item == item)
    {
      g_clear_object (&item);
      return;
    }
  g_clear_object (&self->item);
  self->item = item;
  /* Some 200 rows of 9 cells each redraw on a keystroke: a direct call
   * each, not a signal emission. */
  for (guint i = 0; self->watches != NULL && i < self->watches->len; i++)
    {
      Watch *watch = &g_array_index (self->watches, Watch, i);

      watch->func (self, watch->user_data);
    }
  g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_ITEM]);
}

/**
 * nst_slot_watch:
 *
 * Calls @func whenever the slot shows another item, until
 * nst_slot_unwatch() with the same @func and @user_data.
 */
void
nst_slot_watch (NstSlot      *self,
                NstSlotWatch  func,
                gpointer      user_data)
{
  Watch watch = { func, user_data };

  if (self->watches == NULL)
    self->watches = g_array_new (FALSE, FALSE, sizeof (Watch));
  g_array_append_val (self->watches, watch);
}

void
nst_slot_unwatch (NstSlot      *self,
                  NstSlotWatch  func,
                  gpointer      user_data)
{
  for (guint i = 0; self->watches != NULL && i < self->watches->len; i++)
    {
      Watch *watch = &g_array_index (self->watches, Watch, i);

      if (watch->func == func && watch->user_data == user_data)
        {
          g_array_remove_index_fast (self->watches, i);
          return;
        }
    }
}

/* ---- the items shown, as a list model of their own --------------------- */

/* What the slots show, in order: for the documents, the export and the
 * count line, which want the items and not the slots. */
#define NST_TYPE_VISIBLE_ITEMS (nst_visible_items_get_type ())
G_DECLARE_FINAL_TYPE (NstVisibleItems, nst_visible_items, NST, VISIBLE_ITEMS, GObject)

struct _NstVisibleItems
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *slots;   /* the slot list's, or NULL once it is gone */
};

static void nst_visible_items_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NstVisibleItems, nst_visible_items, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, nst_visible_items_model_init))

static GType
nst_visible_items_get_item_type (GListModel *model)
{
  return NST_VISIBLE_ITEMS (model)->item_type;
}

static guint
nst_visible_items_get_n_items (GListModel *model)
{
  GPtrArray *slots = NST_VISIBLE_ITEMS (model)->slots;

  return slots ? slots->len : 0;
}

static gpointer
nst_visible_items_get_item (GListModel *model,
                            guint       position)
{
  GPtrArray *slots = NST_VISIBLE_ITEMS (model)->slots;

  if (slots == NULL || position >= slots->len)
    return NULL;
  return g_object_ref (NST_SLOT (g_ptr_array_index (slots, position))->item);
}

static void
nst_visible_items_model_init (GListModelInterface *iface)
{
  iface->get_item_type = nst_visible_items_get_item_type;
  iface->get_n_items = nst_visible_items_get_n_items;
  iface->get_item = nst_visible_items_get_item;
}

static void
nst_visible_items_class_init (NstVisibleItemsClass *klass)
{
}

static void
nst_visible_items_init (NstVisibleItems *self)
{
}

/* ---- the slot list ------------------------------------------------------ */

struct _NstSlotList
{
  GObject parent_instance;

  GListModel *source;
  GPtrArray *all;           /* the source's items, in its order */
  GPtrArray *keys;          /* const char *: their folded search keys */
  GByteArray *passes;       /* whether each passes the tab's own filters */
  GArray *shown;            /* guint: positions in all of what the slots show */
  GPtrArray *slots;         /* NstSlot, one per position of shown */
  NstVisibleItems *visible;

  NstSlotMatch match;
  NstSlotSearchKey search_key;
  gpointer user_data;
  char **words;             /* folded search words, or NULL */
};

static void nst_slot_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NstSlotList, nst_slot_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, nst_slot_list_model_init))

static GType
nst_slot_list_get_item_type (GListModel *model)
{
  return NST_TYPE_SLOT;
}

static guint
nst_slot_list_get_n_items (GListModel *model)
{
  return NST_SLOT_LIST (model)->slots->len;
}

static gpointer
nst_slot_list_get_item (GListModel *model,
                        guint       position)
{
  NstSlotList *self = NST_SLOT_LIST (model);

  if (position >= self->slots->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
nst_slot_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = nst_slot_list_get_item_type;
  iface->get_n_items = nst_slot_list_get_n_items;
  iface->get_item = nst_slot_list_get_item;
}

/* Puts the items at @positions into the slots: a slot whose item is the
 * same is left alone, only the count's difference is added or removed at
 * the end. Takes ownership of @positions. */
static void
show_positions (NstSlotList *self,
                GArray      *positions)
{
  guint old_n = self->slots->len, new_n = positions->len;
  guint kept = MIN (old_n, new_n);
  gboolean changed = old_n != new_n;

  g_array_unref (self->shown);
  self->shown = positions;
  for (guint i = 0; i < kept; i++)
    {
      NstSlot *slot = g_ptr_array_index (self->slots, i);
      GObject *item = g_ptr_array_index (self->all, g_array_index (positions, guint, i));

      if (slot->item != item)
        {
          slot_take_item (slot, g_object_ref (item));
          changed = TRUE;
        }
    }
  if (new_n > old_n)
    {
      for (guint i = old_n; i < new_n; i++)
        {
          NstSlot *slot = g_object_new (NST_TYPE_SLOT, NULL);

          slot->item = g_object_ref (g_ptr_array_index (self->all, g_array_index (positions, guint, i)));
          g_ptr_array_add (self->slots, slot);
        }
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
    }
  else if (new_n < old_n)
    {
      g_ptr_array_remove_range (self->slots, new_n, old_n - new_n);
      g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
    }
  if (changed)
    g_list_model_items_changed (G_LIST_MODEL (self->visible), 0, old_n, new_n);
}

static gboolean
shows (NstSlotList *self,
       guint        position)
{
  const char *key;

  if (!self->passes->data[position])
    return FALSE;
  if (self->words == NULL)
    return TRUE;
  key = g_ptr_array_index (self->keys, position);
  for (guint w = 0; self->words[w]; w++)
    if (strstr (key, self->words[w]) == NULL)
      return FALSE;
  return TRUE;
}

/* Looks at every item, or, when the search only narrowed, at those shown. */
static void
filter (NstSlotList *self,
        gboolean     narrowed)
{
  guint n = narrowed ? self->shown->len : self->all->len;
  GArray *positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), MIN (n, 1024));

  for (guint i = 0; i < n; i++)
    {
      guint position = narrowed ? g_array_index (self->shown, guint, i) : i;

      if (shows (self, position))
        g_array_append_val (positions, position);
    }
  show_positions (self, positions);
}

static void
ask_match (NstSlotList *self)
{
  for (guint i = 0; i < self->all->len; i++)
    self->passes->data[i] = self->match == NULL ||
                            self->match (g_ptr_array_index (self->all, i), self->user_data);
}

/* Whatever the source did, it is read again whole: a sort reorders it all,
 * a replaced item is a new object. Cheap beside what a list view costs. */
static void
source_items_changed_cb (NstSlotList *self,
                         guint        position,
                         guint        removed,
                         guint        added)
{
  guint n = g_list_model_get_n_items (self->source);

  g_ptr_array_set_size (self->all, 0);
  g_ptr_array_set_size (self->keys, 0);
  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (self->source, i);

      g_ptr_array_add (self->all, item);
      g_ptr_array_add (self->keys, (gpointer) (self->search_key ? self->search_key (item) : ""));
    }
  g_byte_array_set_size (self->passes, n);
  ask_match (self);
  filter (self, FALSE);
}

static void
nst_slot_list_dispose (GObject *object)
{
  NstSlotList *self = NST_SLOT_LIST (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_items_changed_cb, self);
  g_clear_object (&self->source);
  if (self->visible != NULL)
    self->visible->slots = NULL;
  g_clear_object (&self->visible);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->passes, g_byte_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->words, g_strfreev);
  G_OBJECT_CLASS (nst_slot_list_parent_class)->dispose (object);
}

static void
nst_slot_list_class_init (NstSlotListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nst_slot_list_dispose;
}

static void
nst_slot_list_init (NstSlotList *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->keys = g_ptr_array_new ();
  self->passes = g_byte_array_new ();
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * nst_slot_list_new:
 * @source: (transfer none): the model to show
 *
 * Returns: (transfer full): a list of #NstSlot following @source
 */
NstSlotList *
nst_slot_list_new (GListModel *source)
{
  NstSlotList *self = g_object_new (NST_TYPE_SLOT_LIST, NULL);

  self->source = g_object_ref (source);
  self->visible = g_object_new (NST_TYPE_VISIBLE_ITEMS, NULL);
  self->visible->item_type = g_list_model_get_item_type (source);
  self->visible->slots = self->slots;
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (source_items_changed_cb), self);
  source_items_changed_cb (self, 0, 0, g_list_model_get_n_items (source));
  return self;
}

/**
 * nst_slot_list_set_filter:
 * @match: (nullable): the tab's own filters
 * @search_key: (nullable): the items' folded search keys; without it the
 *   search finds nothing but the empty text
 *
 * Shows only the items that @match lets through and whose search key holds
 * every word of the search.
 */
void
nst_slot_list_set_filter (NstSlotList      *self,
                          NstSlotMatch      match,
                          NstSlotSearchKey  search_key,
                          gpointer          user_data)
{
  self->match = match;
  self->search_key = search_key;
  self->user_data = user_data;
  source_items_changed_cb (self, 0, 0, 0);
}

/* Every item that holds all the new words holds all the old ones when each
 * old word is part of a new one: «ива» → «иван», «учит» → «учит м». */
static gboolean
search_narrowed (char **old_words,
                 char **new_words)
{
  if (new_words == NULL)
    return old_words == NULL;
  for (guint o = 0; old_words && old_words[o]; o++)
    {
      gboolean kept = FALSE;

      for (guint n = 0; new_words[n] && !kept; n++)
        kept = strstr (new_words[n], old_words[o]) != NULL;
      if (!kept)
        return FALSE;
    }
  return TRUE;
}

/**
 * nst_slot_list_set_search:
 * @typed: (nullable): what the user typed in the search field
 */
void
nst_slot_list_set_search (NstSlotList *self,
                          const char  *typed)
{
  char **words = nst_ru_search_words (typed);
  gboolean narrowed = search_narrowed (self->words, words);

  g_strfreev (self->words);
  self->words = words;
  filter (self, narrowed);
}

/* The tab's own filters changed: ask them again about every item. */
void
nst_slot_list_refilter (NstSlotList *self)
{
  ask_match (self);
  filter (self, FALSE);
}

/**
 * nst_slot_list_get_source:
 *
 * Returns: (transfer none): the model shown
 */
GListModel *
nst_slot_list_get_source (NstSlotList *self)
{
  return self->source;
}

/**
 * nst_slot_list_get_visible:
 *
 * Returns: (transfer none): the items the slots show, in their order
 */
GListModel *
nst_slot_list_get_visible (NstSlotList *self)
{
  return G_LIST_MODEL (self->visible);
}
