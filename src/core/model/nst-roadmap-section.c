/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-roadmap"

#include "config.h"

#include "model/nst-roadmap-section.h"

struct _NstRoadmapSection
{
  GObject parent_instance;

  gint64 id;
  gint64 roadmap_id;
  guint position;
  char *title;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (NstRoadmapSection, nst_roadmap_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROADMAP_ID,
  PROP_POSITION,
  PROP_TITLE,
  PROP_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Positions follow the list, so that what the store writes is what the
 * list shows. */
static void
renumber (NstRoadmapSection *self,
          guint              from)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = from; i < n; i++)
    {
      g_autoptr(NstRoadmapItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      nst_roadmap_item_set_position (item, i);
    }
}

static void
nst_roadmap_section_finalize (GObject *object)
{
  NstRoadmapSection *self = NST_ROADMAP_SECTION (object);

  g_free (self->title);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (nst_roadmap_section_parent_class)->finalize (object);
}

static void
nst_roadmap_section_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NstRoadmapSection *self = NST_ROADMAP_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_ROADMAP_ID: g_value_set_int64 (value, self->roadmap_id); break;
    case PROP_POSITION: g_value_set_uint (value, self->position); break;
    case PROP_TITLE: g_value_set_string (value, nst_roadmap_section_get_title (self)); break;
    case PROP_ITEMS: g_value_set_object (value, self->items); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_roadmap_section_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NstRoadmapSection *self = NST_ROADMAP_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID: nst_roadmap_section_set_id (self, g_value_get_int64 (value)); break;
    case PROP_ROADMAP_ID: nst_roadmap_section_set_roadmap_id (self, g_value_get_int64 (value)); break;
    case PROP_POSITION: nst_roadmap_section_set_position (self, g_value_get_uint (value)); break;
    case PROP_TITLE: nst_roadmap_section_set_title (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_roadmap_section_class_init (NstRoadmapSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_roadmap_section_finalize;
  object_class->get_property = nst_roadmap_section_get_property;
  object_class->set_property = nst_roadmap_section_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ROADMAP_ID] =
    g_param_spec_int64 ("roadmap-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_roadmap_section_init (NstRoadmapSection *self)
{
  self->items = g_list_store_new (NST_TYPE_ROADMAP_ITEM);
}

NstRoadmapSection *
nst_roadmap_section_new (const char *title)
{
  return g_object_new (NST_TYPE_ROADMAP_SECTION, "title", title, NULL);
}

/**
 * nst_roadmap_section_copy:
 *
 * A deep copy, items included, to keep for «Отменить» after a delete.
 *
 * Returns: (transfer full): the copy
 */
NstRoadmapSection *
nst_roadmap_section_copy (NstRoadmapSection *self)
{
  NstRoadmapSection *copy = nst_roadmap_section_new (self->title);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  copy->id = self->id;
  copy->roadmap_id = self->roadmap_id;
  copy->position = self->position;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstRoadmapItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_autoptr(NstRoadmapItem) item_copy = nst_roadmap_item_copy (item);

      g_list_store_append (copy->items, item_copy);
    }
  return copy;
}

gint64 nst_roadmap_section_get_id (NstRoadmapSection *self) { return self->id; }
gint64 nst_roadmap_section_get_roadmap_id (NstRoadmapSection *self) { return self->roadmap_id; }
guint nst_roadmap_section_get_position (NstRoadmapSection *self) { return self->position; }

/* The items learn their section's id, which a new section gets on saving. */
void
nst_roadmap_section_set_id (NstRoadmapSection *self,
                            gint64             id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (self->id == id)
    return;
  self->id = id;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstRoadmapItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      nst_roadmap_item_set_section_id (item, id);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
nst_roadmap_section_set_roadmap_id (NstRoadmapSection *self,
                                    gint64             roadmap_id)
{
  if (self->roadmap_id == roadmap_id)
    return;
  self->roadmap_id = roadmap_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROADMAP_ID]);
}

void
nst_roadmap_section_set_position (NstRoadmapSection *self,
                                  guint              position)
{
  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
nst_roadmap_section_get_title (NstRoadmapSection *self)
{
  return self->title ? self->title : "";
}

void
nst_roadmap_section_set_title (NstRoadmapSection *self,
                               const char        *title)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (title ? title : ""));

  if (g_strcmp0 (nst_roadmap_section_get_title (self), trimmed) == 0)
    return;
  g_free (self->title);
  self->title = g_steal_pointer (&trimmed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * nst_roadmap_section_get_items:
 *
 * Returns: (transfer none): a #GListModel of #NstRoadmapItem, in order
 */
GListModel *
nst_roadmap_section_get_items (NstRoadmapSection *self)
{
  return G_LIST_MODEL (self->items);
}

guint
nst_roadmap_section_get_n_items (NstRoadmapSection *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/**
 * nst_roadmap_section_get_item:
 *
 * Returns: (transfer none) (nullable): the item at @position
 */
NstRoadmapItem *
nst_roadmap_section_get_item (NstRoadmapSection *self,
                              guint              position)
{
  g_autoptr(NstRoadmapItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  /* The list holds its own reference. */
  return item;
}

/**
 * nst_roadmap_section_insert_item:
 * @position: where, clamped to the end
 *
 * Puts @item into the list (in memory only) and renumbers the positions.
 */
void
nst_roadmap_section_insert_item (NstRoadmapSection *self,
                                 guint              position,
                                 NstRoadmapItem    *item)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  position = MIN (position, n);
  nst_roadmap_item_set_section_id (item, self->id);
  g_list_store_insert (self->items, position, item);
  renumber (self, position);
}

void
nst_roadmap_section_append_item (NstRoadmapSection *self,
                                 NstRoadmapItem    *item)
{
  nst_roadmap_section_insert_item (self, G_MAXUINT, item);
}

gboolean
nst_roadmap_section_remove_item (NstRoadmapSection *self,
                                 NstRoadmapItem    *item)
{
  guint position;

  if (!g_list_store_find (self->items, item, &position))
    return FALSE;
  g_list_store_remove (self->items, position);
  renumber (self, position);
  return TRUE;
}
