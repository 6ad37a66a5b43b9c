/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-school"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "model/nst-school.h"

static const char *const text_fields[] = {
  "full-name", "short-name", "legal-address", "city", "email", "phone",
  "inn", "ogrn", "website", "director-post", "director-name",
  "curator-post", "curator-name", "order-suffix", NULL,
};
#define N_TEXT_FIELDS (G_N_ELEMENTS (text_fields) - 1)

struct _NstSchool
{
  GObject parent_instance;

  char *text[N_TEXT_FIELDS];
  guint school_year;
  guint mentee_limit;
  gint64 curator_id;
};

G_DEFINE_FINAL_TYPE (NstSchool, nst_school, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_TEXT_FIELDS - 1,
  PROP_SCHOOL_YEAR,
  PROP_MENTEE_LIMIT,
  PROP_CURATOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
field_index (const char *field)
{
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (g_str_equal (field, text_fields[i]))
      return i;
  return -1;
}

static gboolean
all_digits (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');
  const char *dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || strchr (text, ' ') != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gboolean
is_web_address (const char *text)
{
  return (g_ascii_strncasecmp (text, "http://", 7) == 0 && text[7] != '\0') ||
         (g_ascii_strncasecmp (text, "https://", 8) == 0 && text[8] != '\0');
}

static void
nst_school_finalize (GObject *object)
{
  NstSchool *self = NST_SCHOOL (object);

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (nst_school_parent_class)->finalize (object);
}

static void
nst_school_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NstSchool *self = NST_SCHOOL (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    g_value_set_string (value, nst_school_get_text (self, text_fields[prop_id - PROP_FIRST_TEXT]));
  else if (prop_id == PROP_SCHOOL_YEAR)
    g_value_set_uint (value, self->school_year);
  else if (prop_id == PROP_MENTEE_LIMIT)
    g_value_set_uint (value, self->mentee_limit);
  else if (prop_id == PROP_CURATOR_ID)
    g_value_set_int64 (value, self->curator_id);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
nst_school_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NstSchool *self = NST_SCHOOL (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    nst_school_set_text (self, text_fields[prop_id - PROP_FIRST_TEXT], g_value_get_string (value));
  else if (prop_id == PROP_SCHOOL_YEAR)
    nst_school_set_school_year (self, g_value_get_uint (value));
  else if (prop_id == PROP_MENTEE_LIMIT)
    nst_school_set_mentee_limit (self, g_value_get_uint (value));
  else if (prop_id == PROP_CURATOR_ID)
    nst_school_set_curator_id (self, g_value_get_int64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
nst_school_class_init (NstSchoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_school_finalize;
  object_class->get_property = nst_school_get_property;
  object_class->set_property = nst_school_set_property;

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    properties[PROP_FIRST_TEXT + i] = g_param_spec_string (text_fields[i], NULL, NULL, "", flags);
  properties[PROP_SCHOOL_YEAR] =
    g_param_spec_uint ("school-year", NULL, NULL, 1990, 2200, 2025, flags);
  properties[PROP_MENTEE_LIMIT] =
    g_param_spec_uint ("mentee-limit", NULL, NULL, 1, 100, 3, flags);
  /* The curator chosen from the registry's staff, 0 for none: then the
   * curator-name and curator-post texts are all there is. */
  properties[PROP_CURATOR_ID] =
    g_param_spec_int64 ("curator-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_school_init (NstSchool *self)
{
  GDate today;

  nst_date_today (&today);
  self->school_year = nst_school_year_of (&today);
  self->mentee_limit = 3;
  self->text[field_index ("order-suffix")] = g_strdup ("о-д");
  self->text[field_index ("director-post")] = g_strdup ("Директор");
}

NstSchool *
nst_school_new (void)
{
  return g_object_new (NST_TYPE_SCHOOL, NULL);
}

/**
 * nst_school_text_fields:
 *
 * Returns: (transfer none): the %NULL-terminated names of the text fields
 */
const char *const *
nst_school_text_fields (void)
{
  return text_fields;
}

const char *
nst_school_get_text (NstSchool  *self,
                     const char *field)
{
  int i = field_index (field);

  g_return_val_if_fail (i >= 0, "");
  return self->text[i] ? self->text[i] : "";
}

void
nst_school_set_text (NstSchool  *self,
                     const char *field,
                     const char *value)
{
  int i = field_index (field);
  g_autofree char *trimmed = NULL;

  g_return_if_fail (i >= 0);
  trimmed = g_strstrip (g_strdup (value ? value : ""));
  if (g_strcmp0 (nst_school_get_text (self, field), trimmed) == 0)
    return;
  g_free (self->text[i]);
  self->text[i] = g_steal_pointer (&trimmed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + i]);
}

guint nst_school_get_school_year (NstSchool *self) { return self->school_year; }

void
nst_school_set_school_year (NstSchool *self,
                            guint      start_year)
{
  if (self->school_year == start_year)
    return;
  self->school_year = start_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_YEAR]);
}

guint nst_school_get_mentee_limit (NstSchool *self) { return self->mentee_limit; }

void
nst_school_set_mentee_limit (NstSchool *self,
                             guint      limit)
{
  if (self->mentee_limit == limit)
    return;
  self->mentee_limit = limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENTEE_LIMIT]);
}

gint64 nst_school_get_curator_id (NstSchool *self) { return self->curator_id; }

/**
 * nst_school_set_curator_id:
 * @id: a participant of the registry's staff, or 0 for none
 *
 * The store resolves the curator's name and post from that participant
 * (nst_store_school_curator()).
 */
void
nst_school_set_curator_id (NstSchool *self,
                           gint64     id)
{
  if (self->curator_id == id)
    return;
  self->curator_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURATOR_ID]);
}

/* No name yet: the details were never entered. */
gboolean
nst_school_is_empty (NstSchool *self)
{
  return *nst_school_get_text (self, "full-name") == '\0' &&
         *nst_school_get_text (self, "short-name") == '\0';
}

/**
 * nst_school_check_field:
 * @field: one of nst_school_text_fields()
 *
 * Only the full name is required: the rest may wait until a document
 * needs it, but what is entered must be right.
 *
 * Returns: (transfer full) (nullable): what is wrong with @field, or %NULL
 */
char *
nst_school_check_field (NstSchool  *self,
                        const char *field)
{
  const char *value;
  gsize length;

  g_return_val_if_fail (NST_IS_SCHOOL (self), NULL);
  g_return_val_if_fail (field_index (field) >= 0, NULL);

  value = nst_school_get_text (self, field);
  length = strlen (value);
  if (g_str_equal (field, "full-name"))
    return length == 0 ? g_strdup (_("Enter the full name of the school, as in its charter")) : NULL;
  if (length == 0)
    return NULL;
  if (g_str_equal (field, "inn") && (!all_digits (value) || (length != 10 && length != 12)))
    return g_strdup (_("The INN has 10 or 12 digits"));
  if (g_str_equal (field, "ogrn") && (!all_digits (value) || (length != 13 && length != 15)))
    return g_strdup (_("The OGRN has 13 or 15 digits"));
  if (g_str_equal (field, "email") && !is_email (value))
    return g_strdup (_("Enter an e-mail address such as school@example.ru"));
  if (g_str_equal (field, "website") && !is_web_address (value))
    return g_strdup (_("Enter the address with http:// or https:// at the start"));
  return NULL;
}
