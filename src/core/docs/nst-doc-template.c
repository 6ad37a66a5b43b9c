/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "schedule/nst-date.h"
#include "docs/nst-doc-template.h"
#include "docs/nst-pdf.h"
#include "docs/nst-ru-case.h"

/* Made by glib-compile-resources from nst-docs.gresource.xml. */
GResource *nst_docs_get_resource (void);

#define ORDERING_WORD "ПРИКАЗЫВАЮ:"

void
nst_order_block_free (NstOrderBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->number);
  g_free (block->text);
  g_free (block);
}

/**
 * nst_doc_template_load_default:
 * @name: «order-curator», «order-introduction»…
 *
 * Returns: (transfer full) (nullable): the standard text of a document
 */
char *
nst_doc_template_load_default (const char  *name,
                               GError     **error)
{
  g_autofree char *path = g_strdup_printf ("/org/nastavnik/Nastavnik/docs/templates/%s.txt", name);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (nst_docs_get_resource (), path,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* ---- the facts ------------------------------------------------------------- */

/* Fields that come from the school's details, with what to fill in. */
static const struct
{
  const char *key;
  const char *field;
  const char *label;
} school_fields[] = {
  { "school_full_name", "full-name", N_("full name") },
  { "school_short_name", "short-name", N_("short name") },
  { "school_city", "city", N_("city") },
  { "school_address", "legal-address", N_("legal address") },
  { "school_phone", "phone", N_("phone") },
  { "school_email", "email", N_("e-mail") },
  { "school_website", "website", N_("website") },
  { "school_inn", "inn", N_("INN") },
  { "school_ogrn", "ogrn", N_("OGRN") },
  { "director_post", "director-post", N_("director's post") },
  { "director_name", "director-name", N_("director's name") },
  { "director_signature", "director-name", N_("director's name") },
  { "curator_post", "curator-post", N_("curator's post") },
  { "curator_post_acc", "curator-post", N_("curator's post") },
  { "curator_post_dat", "curator-post", N_("curator's post") },
  { "curator_name", "curator-name", N_("curator's name") },
  { "curator_name_acc", "curator-name", N_("curator's name") },
  { "curator_name_gen", "curator-name", N_("curator's name") },
  { "curator_name_dat", "curator-name", N_("curator's name") },
  { "curator_signature", "curator-name", N_("curator's name") },
};

static const char *
label_of (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (school_fields); i++)
    if (g_str_equal (school_fields[i].key, key))
      return _(school_fields[i].label);
  return key;
}

static char *
derive (const char *key,
        const char *value)
{
  if (g_str_has_suffix (key, "_post_acc"))
    return nst_ru_decline_post (value, NST_RU_ACCUSATIVE);
  if (g_str_has_suffix (key, "_name_acc"))
    return nst_ru_decline_full_name (value, NST_RU_ACCUSATIVE);
  if (g_str_has_suffix (key, "_name_gen"))
    return nst_ru_decline_full_name (value, NST_RU_GENITIVE);
  /* «Куратору …, заместителю директора Ивановой Марии Петровне, …» */
  if (g_str_has_suffix (key, "_post_dat"))
    return nst_ru_decline_post (value, NST_RU_DATIVE);
  if (g_str_has_suffix (key, "_name_dat"))
    return nst_ru_decline_full_name (value, NST_RU_DATIVE);
  if (g_str_has_suffix (key, "_signature"))
    return nst_ru_initials_first (value);
  return g_strdup (value);
}

/**
 * nst_doc_school_values:
 * @date: the document's date
 *
 * Returns: (transfer full): field name → text (or %NULL where the school's
 *   details lack it)
 */
GHashTable *
nst_doc_school_values (NstSchool   *school,
                       const GDate *date)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint year = g_date_get_year (date);
  guint school_year = nst_school_year_of (date);

  for (guint i = 0; i < G_N_ELEMENTS (school_fields); i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (nst_school_get_text (school, school_fields[i].field)));

      g_hash_table_insert (values, g_strdup (school_fields[i].key),
                           *value ? derive (school_fields[i].key, value) : NULL);
    }
  g_hash_table_insert (values, g_strdup ("order_date"), nst_date_format_ru (date));
  g_hash_table_insert (values, g_strdup ("start_date"), nst_date_format_ru (date));
  g_hash_table_insert (values, g_strdup ("year"), g_strdup_printf ("%u", year));
  g_hash_table_insert (values, g_strdup ("school_year"), nst_school_year_label (school_year));
  g_hash_table_insert (values, g_strdup ("roadmap_period"),
                       g_strdup_printf ("%u–%u годы", school_year, school_year + 3));
  return values;
}

static void
set_incomplete (GError    **error,
                GPtrArray  *missing)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < missing->len; i++)
    {
      const char *label = label_of (g_ptr_array_index (missing, i));

      if (strstr (list->str, label) == NULL)
        g_string_append_printf (list, "%s%s", list->len ? ", " : "", label);
    }
  g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_SCHOOL_DETAILS,
               _("Fill in the school’s details first: %s"), list->str);
}

const char *const nst_doc_list_facts[] = { "school_short_name", NULL };
const char *const nst_doc_consent_facts[] = {
  "school_full_name", "school_short_name", "school_address", NULL,
};
const char *const nst_doc_order_facts[] = {
  "school_full_name", "school_short_name", "school_city", "director_post", "director_name", NULL,
};

/**
 * nst_doc_check_school_facts:
 * @facts: one of the nst_doc_…_facts lists
 *
 * Returns: %FALSE with %NST_PDF_ERROR_SCHOOL_DETAILS, saying what to fill
 *   in, when the school's details lack one of @facts
 */
gboolean
nst_doc_check_school_facts (NstSchool         *school,
                            const char *const *facts,
                            GError           **error)
{
  GDate today;
  g_autoptr(GHashTable) values = NULL;

  nst_date_today (&today);
  values = nst_doc_school_values (school, &today);
  return nst_doc_require_values (values, facts, error);
}

/* %FALSE, saying what to fill in, when a fact a document needs is missing. */
gboolean
nst_doc_require_values (GHashTable         *values,
                        const char *const  *keys,
                        GError            **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  for (guint i = 0; keys[i]; i++)
    if (g_hash_table_lookup (values, keys[i]) == NULL)
      g_ptr_array_add (missing, (gpointer) keys[i]);
  if (missing->len == 0)
    return TRUE;
  set_incomplete (error, missing);
  return FALSE;
}

/* ---- fields ------------------------------------------------------------------ */

static gboolean
fill_fields (const char *text,
             GHashTable *values,
             GString    *out,
             GPtrArray  *missing,
             GError    **error)
{
  for (const char *p = text; *p; p++)
    {
      const char *end;
      g_autofree char *key = NULL;
      gpointer value;

      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (*p != '{' || (end = strchr (p, '}')) == NULL)
        {
          g_string_append_c (out, *p);
          continue;
        }
      key = g_strstrip (g_strndup (p + 1, end - p - 1));
      if (!g_hash_table_lookup_extended (values, key, NULL, &value))
        {
          g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_TEMPLATE,
                       _("The document’s text has an unknown field “{%s}”"), key);
          return FALSE;
        }
      if (value == NULL)
        g_ptr_array_add (missing, g_steal_pointer (&key));
      else
        g_string_append (out, value);
      p = end;
    }
  return TRUE;
}

/**
 * nst_doc_fill_fields:
 *
 * Returns: (transfer full) (nullable): @text with its {fields} filled in
 */
char *
nst_doc_fill_fields (const char  *text,
                     GHashTable  *values,
                     GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  if (!fill_fields (text, values, out, missing, error))
    return NULL;
  if (missing->len > 0)
    {
      set_incomplete (error, missing);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- the structure ------------------------------------------------------------ */

/* Paragraphs: lines between blank lines, joined; comments dropped. */
static GPtrArray *
split_paragraphs (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) current = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '#')
        continue;
      if (*line == '\0')
        {
          if (current->len)
            g_ptr_array_add (paragraphs, g_strdup (current->str));
          g_string_truncate (current, 0);
          continue;
        }
      g_string_append_printf (current, "%s%s", current->len ? " " : "", line);
      /* The heading is its own paragraph even without a blank line after it. */
      if (paragraphs->len == 0)
        {
          g_ptr_array_add (paragraphs, g_strdup (current->str));
          g_string_truncate (current, 0);
        }
    }
  if (current->len)
    g_ptr_array_add (paragraphs, g_strdup (current->str));
  return paragraphs;
}

/* Drops a leading «[flag] »; %FALSE when the flag is not set. */
static gboolean
take_flag (const char        **text,
           const char *const  *flags)
{
  const char *end;
  g_autofree char *flag = NULL;

  if (**text != '[' || (end = strchr (*text, ']')) == NULL)
    return TRUE;
  flag = g_strndup (*text + 1, end - *text - 1);
  *text = end + 1;
  while (**text == ' ')
    (*text)++;
  return flags != NULL && g_strv_contains (flags, flag);
}

static NstOrderBlock *
make_block (const char *paragraph,
            guint      *point,
            guint      *sub_point)
{
  NstOrderBlock *block = g_new0 (NstOrderBlock, 1);

  if (g_str_has_prefix (paragraph, "** "))
    {
      block->type = NST_ORDER_BLOCK_POINT;
      block->level = 2;
      block->number = g_strdup_printf ("%u.%u.", MAX (*point, 1), ++*sub_point);
      paragraph += 3;
    }
  else if (g_str_has_prefix (paragraph, "* "))
    {
      block->type = NST_ORDER_BLOCK_POINT;
      block->level = 1;
      block->number = g_strdup_printf ("%u.", ++*point);
      *sub_point = 0;
      paragraph += 2;
    }
  else if (g_str_equal (paragraph, ORDERING_WORD))
    block->type = NST_ORDER_BLOCK_ORDERING;
  block->text = g_strdup (paragraph);
  return block;
}

/**
 * nst_doc_template_expand:
 * @flags: (nullable): the flags set, for «[flag]» paragraphs
 * @heading: (out): the heading, filled in
 * @blocks: (out) (element-type NstOrderBlock): the paragraphs and points
 *
 * Returns: %FALSE with %NST_PDF_ERROR_TEMPLATE for an unknown field or a
 *   text without a heading, %NST_PDF_ERROR_SCHOOL_DETAILS when the school's
 *   details lack a fact the text uses
 */
gboolean
nst_doc_template_expand (const char         *text,
                         GHashTable         *values,
                         const char *const  *flags,
                         char              **heading,
                         GPtrArray         **blocks,
                         GError            **error)
{
  g_autoptr(GPtrArray) paragraphs = split_paragraphs (text);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) nst_order_block_free);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) filled = g_string_new (NULL);
  guint point = 0, sub_point = 0;

  if (paragraphs->len == 0)
    {
      g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_TEMPLATE, _("The document’s text is empty"));
      return FALSE;
    }
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const char *paragraph = g_ptr_array_index (paragraphs, i);

      if (!take_flag (&paragraph, flags))
        continue;
      g_string_truncate (filled, 0);
      if (!fill_fields (paragraph, values, filled, missing, error))
        return FALSE;
      g_ptr_array_add (result, make_block (filled->str, &point, &sub_point));
    }
  if (missing->len > 0)
    {
      set_incomplete (error, missing);
      return FALSE;
    }
  if (result->len == 0)
    {
      g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_TEMPLATE, _("The document’s text is empty"));
      return FALSE;
    }
  *heading = g_strdup (((NstOrderBlock *) g_ptr_array_index (result, 0))->text);
  g_ptr_array_remove_index (result, 0);
  *blocks = g_steal_pointer (&result);
  return TRUE;
}
