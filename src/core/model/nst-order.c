/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-order"

#include "config.h"

#include "schedule/nst-date.h"
#include "model/nst-order.h"
#include "text/nst-ru-text.h"

struct _NstOrder
{
  GObject parent_instance;

  gint64 id;
  char *kind;
  char *heading;
  char *signed_on;
  guint number;
  char *suffix;
  char *search_key;
};

G_DEFINE_FINAL_TYPE (NstOrder, nst_order, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_HEADING,
  PROP_SIGNED_ON,
  PROP_NUMBER,
  PROP_SUFFIX,
  PROP_REGISTRATION_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
replace_text (char       **field,
              const char  *value)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  return TRUE;
}

static void
nst_order_finalize (GObject *object)
{
  NstOrder *self = NST_ORDER (object);

  g_free (self->kind);
  g_free (self->heading);
  g_free (self->signed_on);
  g_free (self->suffix);
  g_free (self->search_key);
  G_OBJECT_CLASS (nst_order_parent_class)->finalize (object);
}

static void
nst_order_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NstOrder *self = NST_ORDER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_HEADING: g_value_set_string (value, self->heading); break;
    case PROP_SIGNED_ON: g_value_set_string (value, self->signed_on); break;
    case PROP_NUMBER: g_value_set_uint (value, self->number); break;
    case PROP_SUFFIX: g_value_set_string (value, self->suffix); break;
    case PROP_REGISTRATION_NUMBER: g_value_take_string (value, nst_order_dup_registration_number (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_order_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NstOrder *self = NST_ORDER (object);

  switch (prop_id)
    {
    case PROP_ID: nst_order_set_id (self, g_value_get_int64 (value)); break;
    case PROP_KIND: replace_text (&self->kind, g_value_get_string (value)); break;
    case PROP_HEADING: nst_order_set_heading (self, g_value_get_string (value)); break;
    case PROP_SIGNED_ON: nst_order_set_signed_on (self, g_value_get_string (value)); break;
    case PROP_NUMBER: nst_order_set_number (self, g_value_get_uint (value), self->suffix); break;
    case PROP_SUFFIX: nst_order_set_number (self, self->number, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_order_class_init (NstOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_order_finalize;
  object_class->get_property = nst_order_get_property;
  object_class->set_property = nst_order_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADING] = g_param_spec_string ("heading", NULL, NULL, "", flags);
  properties[PROP_SIGNED_ON] = g_param_spec_string ("signed-on", NULL, NULL, "", flags);
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_SUFFIX] = g_param_spec_string ("suffix", NULL, NULL, "", flags);
  properties[PROP_REGISTRATION_NUMBER] =
    g_param_spec_string ("registration-number", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_order_init (NstOrder *self)
{
  self->kind = g_strdup ("");
  self->heading = g_strdup ("");
  self->signed_on = g_strdup ("");
  self->suffix = g_strdup ("");
}

/**
 * nst_order_new:
 * @signed_on: the order's date, ISO
 *
 * Returns: (transfer full): a draft order, not yet numbered
 */
NstOrder *
nst_order_new (const char *kind,
               const char *heading,
               const char *signed_on)
{
  return g_object_new (NST_TYPE_ORDER, "kind", kind, "heading", heading,
                       "signed-on", signed_on, NULL);
}

gint64 nst_order_get_id (NstOrder *self) { return self->id; }
const char *nst_order_get_kind (NstOrder *self) { return self->kind; }
const char *nst_order_get_heading (NstOrder *self) { return self->heading; }
const char *nst_order_get_signed_on (NstOrder *self) { return self->signed_on; }
guint nst_order_get_number (NstOrder *self) { return self->number; }
const char *nst_order_get_suffix (NstOrder *self) { return self->suffix; }

void
nst_order_set_id (NstOrder *self,
                  gint64    id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
nst_order_set_heading (NstOrder   *self,
                       const char *heading)
{
  if (!replace_text (&self->heading, heading))
    return;
  g_clear_pointer (&self->search_key, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
}

void
nst_order_set_signed_on (NstOrder   *self,
                         const char *iso_date)
{
  if (!replace_text (&self->signed_on, iso_date))
    return;
  g_clear_pointer (&self->search_key, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_ON]);
}

/* The journal numbers orders within the calendar year of their date. */
guint
nst_order_get_year (NstOrder *self)
{
  GDate date;

  return nst_date_parse_iso (self->signed_on, &date) ? g_date_get_year (&date) : 0;
}

void
nst_order_set_number (NstOrder   *self,
                      guint       number,
                      const char *suffix)
{
  gboolean number_changed = self->number != number;
  gboolean suffix_changed = replace_text (&self->suffix, suffix);

  self->number = number;
  if (!number_changed && !suffix_changed)
    return;
  g_clear_pointer (&self->search_key, g_free);
  if (number_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
  if (suffix_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUFFIX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRATION_NUMBER]);
}

gboolean
nst_order_is_draft (NstOrder *self)
{
  return self->number == 0;
}

/**
 * nst_order_dup_registration_number:
 *
 * Returns: (transfer full) (nullable): «219 о-д», or %NULL for a draft
 */
char *
nst_order_dup_registration_number (NstOrder *self)
{
  if (self->number == 0)
    return NULL;
  if (*self->suffix == '\0')
    return g_strdup_printf ("%u", self->number);
  return g_strdup_printf ("%u %s", self->number, self->suffix);
}

/**
 * nst_order_dup_reference:
 *
 * Returns: (transfer full): «от 09.09.2021 № 218 о-д», as documents cite
 *   an order; blanks for what a draft lacks
 */
char *
nst_order_dup_reference (NstOrder *self)
{
  g_autofree char *date = nst_date_iso_to_ru (self->signed_on);
  g_autofree char *number = nst_order_dup_registration_number (self);

  return g_strdup_printf ("от %s № %s", date && *date ? date : "__________",
                          number ? number : "_____");
}

/* The folded text the journal's search looks in: heading, number, date. */
const char *
nst_order_get_search_key (NstOrder *self)
{
  if (self->search_key == NULL)
    {
      g_autofree char *number = nst_order_dup_registration_number (self);
      g_autofree char *date = nst_date_iso_to_ru (self->signed_on);
      g_autofree char *all = g_strjoin ("\n", self->heading, number ? number : "",
                                        date ? date : "", self->signed_on, NULL);

      self->search_key = nst_ru_fold (all);
    }
  return self->search_key;
}

/**
 * nst_order_kinds:
 *
 * Returns: (transfer none): every NST_ORDER_KIND_ code, %NULL-terminated
 */
const char *const *
nst_order_kinds (void)
{
  static const char *const kinds[] = {
    NST_ORDER_KIND_INTRODUCTION, NST_ORDER_KIND_CURATOR, NST_ORDER_KIND_PAIRS,
    NST_ORDER_KIND_PROGRAMMES, NST_ORDER_KIND_COMPLETION, NULL,
  };

  return kinds;
}

gboolean
nst_order_kind_is_known (const char *kind)
{
  return kind != NULL && g_strv_contains (nst_order_kinds (), kind);
}
