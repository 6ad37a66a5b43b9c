/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-programme"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/nst-programme-template.h"

typedef enum
{
  FIELD_TITLE,
  FIELD_REQUEST,
  FIELD_GOAL,
  FIELD_TASKS,
  FIELD_EXPECTED_RESULT,
  N_FIELDS
} TextField;

struct _NstProgrammeTemplate
{
  GObject parent_instance;

  gint64 id;
  char *text[N_FIELDS];
  guint form;
  gboolean builtin;
  guint school_year;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (NstProgrammeTemplate, nst_programme_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_FIELDS - 1,
  PROP_ID,
  PROP_FORM,
  PROP_BUILTIN,
  PROP_SCHOOL_YEAR,
  PROP_ITEMS,
  PROP_FORM_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *text_property_names[N_FIELDS] = {
  "title", "request", "goal", "tasks", "expected-result",
};

static const char *
get_text (NstProgrammeTemplate *self,
          TextField             field)
{
  return self->text[field] ? self->text[field] : "";
}

static void
set_text (NstProgrammeTemplate *self,
          TextField             field,
          const char           *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  if (g_strcmp0 (get_text (self, field), trimmed) == 0)
    return;
  g_free (self->text[field]);
  self->text[field] = g_steal_pointer (&trimmed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + field]);
}

static void
nst_programme_template_finalize (GObject *object)
{
  NstProgrammeTemplate *self = NST_PROGRAMME_TEMPLATE (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->text[i]);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (nst_programme_template_parent_class)->finalize (object);
}

static void
nst_programme_template_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  NstProgrammeTemplate *self = NST_PROGRAMME_TEMPLATE (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      g_value_set_string (value, get_text (self, prop_id - PROP_FIRST_TEXT));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_FORM: g_value_set_uint (value, self->form); break;
    case PROP_BUILTIN: g_value_set_boolean (value, self->builtin); break;
    case PROP_SCHOOL_YEAR: g_value_set_uint (value, self->school_year); break;
    case PROP_ITEMS: g_value_set_object (value, self->items); break;
    case PROP_FORM_LABEL: g_value_set_string (value, nst_programme_template_get_form_label (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_programme_template_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  NstProgrammeTemplate *self = NST_PROGRAMME_TEMPLATE (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: nst_programme_template_set_id (self, g_value_get_int64 (value)); break;
    case PROP_FORM: nst_programme_template_set_form (self, g_value_get_uint (value)); break;
    case PROP_BUILTIN: nst_programme_template_set_builtin (self, g_value_get_boolean (value)); break;
    case PROP_SCHOOL_YEAR: nst_programme_template_set_school_year (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_programme_template_class_init (NstProgrammeTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_programme_template_finalize;
  object_class->get_property = nst_programme_template_get_property;
  object_class->set_property = nst_programme_template_set_property;

  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, "", flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FORM] = g_param_spec_uint ("form", NULL, NULL, 0, NST_TEMPLATE_ANY_FORM,
                                             NST_TEMPLATE_ANY_FORM, flags);
  properties[PROP_BUILTIN] = g_param_spec_boolean ("builtin", NULL, NULL, FALSE, flags);
  properties[PROP_SCHOOL_YEAR] = g_param_spec_uint ("school-year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_ITEMS] = g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_FORM_LABEL] = g_param_spec_string ("form-label", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_programme_template_init (NstProgrammeTemplate *self)
{
  self->form = NST_TEMPLATE_ANY_FORM;
  self->items = g_list_store_new (NST_TYPE_PLAN_ITEM);
}

NstProgrammeTemplate *
nst_programme_template_new (void)
{
  return g_object_new (NST_TYPE_PROGRAMME_TEMPLATE, NULL);
}

gint64 nst_programme_template_get_id (NstProgrammeTemplate *self) { return self->id; }

void
nst_programme_template_set_id (NstProgrammeTemplate *self,
                               gint64                id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define TEXT_ACCESSORS(field_name, FIELD) \
  const char *nst_programme_template_get_##field_name (NstProgrammeTemplate *self) \
  { return get_text (self, FIELD); } \
  void nst_programme_template_set_##field_name (NstProgrammeTemplate *self, const char *value) \
  { set_text (self, FIELD, value); }

TEXT_ACCESSORS (title, FIELD_TITLE)
TEXT_ACCESSORS (request, FIELD_REQUEST)
TEXT_ACCESSORS (goal, FIELD_GOAL)
TEXT_ACCESSORS (tasks, FIELD_TASKS)
TEXT_ACCESSORS (expected_result, FIELD_EXPECTED_RESULT)

guint nst_programme_template_get_form (NstProgrammeTemplate *self) { return self->form; }

/* @form: an #NstGroupForm, or %NST_TEMPLATE_ANY_FORM */
void
nst_programme_template_set_form (NstProgrammeTemplate *self,
                                 guint                 form)
{
  g_return_if_fail (form <= NST_TEMPLATE_ANY_FORM);
  if (self->form == form)
    return;
  self->form = form;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM_LABEL]);
}

gboolean nst_programme_template_get_builtin (NstProgrammeTemplate *self) { return self->builtin; }

void
nst_programme_template_set_builtin (NstProgrammeTemplate *self,
                                    gboolean              builtin)
{
  if (self->builtin == !!builtin)
    return;
  self->builtin = !!builtin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILTIN]);
}

guint nst_programme_template_get_school_year (NstProgrammeTemplate *self) { return self->school_year; }

void
nst_programme_template_set_school_year (NstProgrammeTemplate *self,
                                        guint                 start_year)
{
  if (self->school_year == start_year)
    return;
  self->school_year = start_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_YEAR]);
}

/**
 * nst_programme_template_get_items:
 *
 * Returns: (transfer none): a #GListModel of #NstPlanItem, without occurrences
 */
GListModel *
nst_programme_template_get_items (NstProgrammeTemplate *self)
{
  return G_LIST_MODEL (self->items);
}

/**
 * nst_programme_template_set_items:
 * @items: (element-type NstPlanItem): in plan order
 */
void
nst_programme_template_set_items (NstProgrammeTemplate *self,
                                  GPtrArray            *items)
{
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
}

const char *
nst_programme_template_get_form_label (NstProgrammeTemplate *self)
{
  if (self->form >= NST_N_GROUP_FORMS)
    /* Translators: a template good for any form of mentoring */
    return C_("form", "any");
  return nst_group_form_label (self->form);
}

/* A year the schedules of a school might name. */
static gboolean
is_year_at (const char *p,
            const char *start)
{
  int year;

  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  if (g_ascii_isdigit (p[4]) || (p > start && g_ascii_isdigit (p[-1])))
    return FALSE;
  year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
  return year >= 1990 && year <= 2200;
}

/* «29.02.» just before the year at @p, in @out's last six bytes. */
static gboolean
ends_with_feb_29 (GString *out)
{
  return out->len >= 6 && memcmp (out->str + out->len - 6, "29.02.", 6) == 0 &&
         (out->len == 6 || !g_ascii_isdigit (out->str[out->len - 7]));
}

/**
 * nst_schedule_text_shift_years:
 *
 * Returns: (transfer full): @text with every year moved by @years
 */
char *
nst_schedule_text_shift_years (const char *text,
                               int         years)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; )
    {
      if (is_year_at (p, text))
        {
          int year = (int) strtol (p, NULL, 10) + years;

          if (ends_with_feb_29 (out) && !g_date_is_leap_year (year))
            out->str[out->len - 5] = '8';
          g_string_append_printf (out, "%04d", year);
          p += 4;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}
