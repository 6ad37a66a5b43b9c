/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-roadmap"

#include "config.h"

#include "schedule/nst-date.h"
#include "model/nst-roadmap.h"

struct _NstRoadmap
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *starts_on;
  char *ends_on;
  GListStore *sections;
};

G_DEFINE_FINAL_TYPE (NstRoadmap, nst_roadmap, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  PROP_SECTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
renumber (NstRoadmap *self,
          guint       from)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));

  for (guint i = from; i < n; i++)
    {
      g_autoptr(NstRoadmapSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      nst_roadmap_section_set_position (section, i);
    }
}

static void
nst_roadmap_finalize (GObject *object)
{
  NstRoadmap *self = NST_ROADMAP (object);

  g_free (self->title);
  g_free (self->starts_on);
  g_free (self->ends_on);
  g_clear_object (&self->sections);
  G_OBJECT_CLASS (nst_roadmap_parent_class)->finalize (object);
}

static void
nst_roadmap_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NstRoadmap *self = NST_ROADMAP (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, nst_roadmap_get_title (self)); break;
    case PROP_STARTS_ON: g_value_set_string (value, nst_roadmap_get_starts_on (self)); break;
    case PROP_ENDS_ON: g_value_set_string (value, nst_roadmap_get_ends_on (self)); break;
    case PROP_SECTIONS: g_value_set_object (value, self->sections); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_roadmap_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NstRoadmap *self = NST_ROADMAP (object);

  switch (prop_id)
    {
    case PROP_ID: nst_roadmap_set_id (self, g_value_get_int64 (value)); break;
    case PROP_TITLE: nst_roadmap_set_title (self, g_value_get_string (value)); break;
    case PROP_STARTS_ON: nst_roadmap_set_starts_on (self, g_value_get_string (value)); break;
    case PROP_ENDS_ON: nst_roadmap_set_ends_on (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_roadmap_class_init (NstRoadmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_roadmap_finalize;
  object_class->get_property = nst_roadmap_get_property;
  object_class->set_property = nst_roadmap_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_STARTS_ON] = g_param_spec_string ("starts-on", NULL, NULL, "", flags);
  properties[PROP_ENDS_ON] = g_param_spec_string ("ends-on", NULL, NULL, "", flags);
  properties[PROP_SECTIONS] =
    g_param_spec_object ("sections", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_roadmap_init (NstRoadmap *self)
{
  self->sections = g_list_store_new (NST_TYPE_ROADMAP_SECTION);
}

NstRoadmap *
nst_roadmap_new (void)
{
  return g_object_new (NST_TYPE_ROADMAP, NULL);
}

gint64 nst_roadmap_get_id (NstRoadmap *self) { return self->id; }

/* The sections learn their roadmap's id, which a new one gets on saving. */
void
nst_roadmap_set_id (NstRoadmap *self,
                    gint64      id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));

  if (self->id == id)
    return;
  self->id = id;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstRoadmapSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      nst_roadmap_section_set_roadmap_id (section, id);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *nst_roadmap_get_title (NstRoadmap *self) { return self->title ? self->title : ""; }
const char *nst_roadmap_get_starts_on (NstRoadmap *self) { return self->starts_on ? self->starts_on : ""; }
const char *nst_roadmap_get_ends_on (NstRoadmap *self) { return self->ends_on ? self->ends_on : ""; }

void
nst_roadmap_set_title (NstRoadmap *self,
                       const char *title)
{
  if (replace_text (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
nst_roadmap_set_starts_on (NstRoadmap *self,
                           const char *iso_date)
{
  if (replace_text (&self->starts_on, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_ON]);
}

void
nst_roadmap_set_ends_on (NstRoadmap *self,
                         const char *iso_date)
{
  if (replace_text (&self->ends_on, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDS_ON]);
}

/**
 * nst_roadmap_get_period:
 * @start: (out): the first day
 * @end: (out): the last day
 *
 * Returns: whether both dates are set and valid
 */
gboolean
nst_roadmap_get_period (NstRoadmap *self,
                        GDate      *start,
                        GDate      *end)
{
  gboolean ok;

  g_date_clear (start, 1);
  g_date_clear (end, 1);
  ok = nst_date_parse_iso (nst_roadmap_get_starts_on (self), start);

  return nst_date_parse_iso (nst_roadmap_get_ends_on (self), end) && ok;
}

void
nst_roadmap_set_period (NstRoadmap  *self,
                        const GDate *start,
                        const GDate *end)
{
  g_autofree char *from = nst_date_format_iso (start);
  g_autofree char *to = nst_date_format_iso (end);

  nst_roadmap_set_starts_on (self, from);
  nst_roadmap_set_ends_on (self, to);
}

/**
 * nst_roadmap_get_sections:
 *
 * Returns: (transfer none): a #GListModel of #NstRoadmapSection, in order
 */
GListModel *
nst_roadmap_get_sections (NstRoadmap *self)
{
  return G_LIST_MODEL (self->sections);
}

guint
nst_roadmap_get_n_sections (NstRoadmap *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->sections));
}

/**
 * nst_roadmap_get_section:
 *
 * Returns: (transfer none) (nullable): the section at @position
 */
NstRoadmapSection *
nst_roadmap_get_section (NstRoadmap *self,
                         guint       position)
{
  g_autoptr(NstRoadmapSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), position);

  /* The list holds its own reference. */
  return section;
}

/* In memory only; renumbers the positions. */
void
nst_roadmap_insert_section (NstRoadmap        *self,
                            guint              position,
                            NstRoadmapSection *section)
{
  position = MIN (position, nst_roadmap_get_n_sections (self));
  nst_roadmap_section_set_roadmap_id (section, self->id);
  g_list_store_insert (self->sections, position, section);
  renumber (self, position);
}

void
nst_roadmap_append_section (NstRoadmap        *self,
                            NstRoadmapSection *section)
{
  nst_roadmap_insert_section (self, G_MAXUINT, section);
}

gboolean
nst_roadmap_remove_section (NstRoadmap        *self,
                            NstRoadmapSection *section)
{
  guint position;

  if (!g_list_store_find (self->sections, section, &position))
    return FALSE;
  g_list_store_remove (self->sections, position);
  renumber (self, position);
  return TRUE;
}

/**
 * nst_roadmap_find_section:
 *
 * Returns: (transfer none) (nullable): the section with @section_id
 */
NstRoadmapSection *
nst_roadmap_find_section (NstRoadmap *self,
                          gint64      section_id)
{
  for (guint i = 0; i < nst_roadmap_get_n_sections (self); i++)
    {
      NstRoadmapSection *section = nst_roadmap_get_section (self, i);

      if (nst_roadmap_section_get_id (section) == section_id)
        return section;
    }
  return NULL;
}

/**
 * nst_roadmap_find_item:
 * @section: (out) (optional) (transfer none): its section
 *
 * Returns: (transfer none) (nullable): the item with @item_id
 */
NstRoadmapItem *
nst_roadmap_find_item (NstRoadmap         *self,
                       gint64              item_id,
                       NstRoadmapSection **section)
{
  for (guint i = 0; i < nst_roadmap_get_n_sections (self); i++)
    {
      NstRoadmapSection *s = nst_roadmap_get_section (self, i);

      for (guint j = 0; j < nst_roadmap_section_get_n_items (s); j++)
        {
          NstRoadmapItem *item = nst_roadmap_section_get_item (s, j);

          if (nst_roadmap_item_get_id (item) != item_id)
            continue;
          if (section != NULL)
            *section = s;
          return item;
        }
    }
  return NULL;
}

guint
nst_roadmap_count_items (NstRoadmap *self)
{
  guint count = 0;

  for (guint i = 0; i < nst_roadmap_get_n_sections (self); i++)
    count += nst_roadmap_section_get_n_items (nst_roadmap_get_section (self, i));
  return count;
}

/**
 * nst_roadmap_dup_item_occurrences:
 * @quarters_for: (nullable): the school's quarters; %NULL for the defaults
 *
 * nst_roadmap_item_dup_occurrences() over this roadmap's period.
 *
 * Returns: (transfer full) (element-type NstRoadmapOccurrence): the
 *   occurrences in date order
 */
GArray *
nst_roadmap_dup_item_occurrences (NstRoadmap     *self,
                                  NstRoadmapItem *item,
                                  NstQuartersFunc quarters_for,
                                  gpointer        user_data)
{
  GDate start, end;

  if (!nst_roadmap_get_period (self, &start, &end))
    {
      /* Without a period only the item's own dates count. */
      nst_date_today (&start);
      end = start;
    }
  return nst_roadmap_item_dup_occurrences (item, &start, &end, quarters_for, user_data);
}

/* ---- quarters ------------------------------------------------------------ */

struct _NstQuartersCache
{
  NstQuartersFunc quarters_for;
  gpointer user_data;
  GHashTable *years;  /* school year → NstSchoolQuarters */
};

/**
 * nst_quarters_cache_new:
 * @quarters_for: (nullable): where the quarters come from, such as
 *   nst_store_quarters_func() with the store; %NULL for the defaults
 * @user_data: for @quarters_for; must outlive the cache
 *
 * Returns: (transfer full): an empty cache
 */
NstQuartersCache *
nst_quarters_cache_new (NstQuartersFunc quarters_for,
                        gpointer        user_data)
{
  NstQuartersCache *cache = g_new0 (NstQuartersCache, 1);

  cache->quarters_for = quarters_for ? quarters_for : nst_school_quarters_default_func;
  cache->user_data = user_data;
  cache->years = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  return cache;
}

void
nst_quarters_cache_free (NstQuartersCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->years);
  g_free (cache);
}

/* An NstQuartersFunc over a cache. */
void
nst_quarters_cache_func (guint              school_year,
                         NstSchoolQuarters *out,
                         gpointer           user_data)
{
  NstQuartersCache *cache = user_data;
  NstSchoolQuarters *quarters = g_hash_table_lookup (cache->years, GUINT_TO_POINTER (school_year));

  if (quarters == NULL)
    {
      quarters = g_new0 (NstSchoolQuarters, 1);
      quarters->school_year = school_year;
      g_date_clear (quarters->starts, 4);
      g_date_clear (quarters->ends, 4);
      cache->quarters_for (school_year, quarters, cache->user_data);
      g_hash_table_insert (cache->years, GUINT_TO_POINTER (school_year), quarters);
    }
  *out = *quarters;
}
