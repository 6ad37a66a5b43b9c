/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-slot-list"

#include "config.h"

#include "widgets/nst-slot-list.h"

struct _NstSlot
{
  GObject parent_instance;

  GObject *item;
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
  g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_ITEM]);
}

struct _NstSlotList
{
  GObject parent_instance;

  GListModel *source;
  GPtrArray *slots;
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

static void
source_items_changed_cb (NstSlotList *self,
                         guint        position,
                         guint        removed,
                         guint        added)
{
  guint old_n = self->slots->len;
  guint new_n = g_list_model_get_n_items (self->source);
  guint kept = MIN (old_n, new_n);

  /* Everything from @position on may have moved: refill the kept slots. */
  for (guint i = position; i < kept; i++)
    slot_take_item (g_ptr_array_index (self->slots, i), g_list_model_get_item (self->source, i));

  if (new_n > old_n)
    {
      for (guint i = old_n; i < new_n; i++)
        {
          NstSlot *slot = g_object_new (NST_TYPE_SLOT, NULL);

          slot->item = g_list_model_get_item (self->source, i);
          g_ptr_array_add (self->slots, slot);
        }
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
    }
  else if (new_n < old_n)
    {
      g_ptr_array_remove_range (self->slots, new_n, old_n - new_n);
      g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
    }
}

static void
nst_slot_list_dispose (GObject *object)
{
  NstSlotList *self = NST_SLOT_LIST (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_items_changed_cb, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
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
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (source_items_changed_cb), self);
  source_items_changed_cb (self, 0, 0, g_list_model_get_n_items (source));
  return self;
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
