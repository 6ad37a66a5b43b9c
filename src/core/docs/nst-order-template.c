/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "docs/nst-doc-template.h"
#include "docs/nst-order-template.h"
#include "docs/nst-pdf.h"
#include "model/nst-order.h"
#include "store/nst-store-templates.h"

/* The kinds a school may rewrite, with their titles (Russian: the
 * documents' own names, data like their texts). */
static const struct
{
  const char *kind;
  const char *title;
  const char *fields;   /* the facts the kind adds to the school's */
} kinds[] = {
  { NST_ORDER_KIND_INTRODUCTION, "О внедрении целевой модели наставничества", NULL },
  { NST_ORDER_KIND_CURATOR, "О назначении куратора", NULL },
  { NST_ORDER_KIND_PAIRS, "О назначении наставников и закреплении пар", "regulation pairs_terms programmes_deadline" },
  { NST_ORDER_KIND_PROGRAMMES, "Об утверждении персонализированных программ", "regulation" },
  { NST_ORDER_KIND_COMPLETION, "О завершении наставничества и поощрении", "regulation" },
};

static const char *const kind_codes[] = {
  NST_ORDER_KIND_INTRODUCTION, NST_ORDER_KIND_CURATOR, NST_ORDER_KIND_PAIRS,
  NST_ORDER_KIND_PROGRAMMES, NST_ORDER_KIND_COMPLETION, NULL,
};

static int
find_kind (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      return i;
  return -1;
}

static gboolean
check_kind (const char  *kind,
            GError     **error)
{
  if (find_kind (kind) >= 0)
    return TRUE;
  g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
               _("Unknown kind of order “%s”"), kind ? kind : "");
  return FALSE;
}

/**
 * nst_order_template_kinds:
 *
 * Returns: (transfer none): the kinds of order whose text a school may edit
 */
const char *const *
nst_order_template_kinds (void)
{
  return kind_codes;
}

/* Returns: (nullable): the kind's title («О назначении куратора») */
const char *
nst_order_template_title (const char *kind)
{
  int i = find_kind (kind);

  return i >= 0 ? kinds[i].title : NULL;
}

/**
 * nst_order_template_default:
 *
 * Returns: (transfer full) (nullable): the standard text of a kind
 */
char *
nst_order_template_default (const char  *kind,
                            GError     **error)
{
  g_autofree char *name = NULL;

  if (!check_kind (kind, error))
    return NULL;
  name = g_strdup_printf ("order-%s", kind);
  return nst_doc_template_load_default (name, error);
}

/* Every field a text of @kind may use, each with a stand-in value. */
static GHashTable *
sample_values (const char *kind)
{
  g_autoptr(NstSchool) school = nst_school_new ();
  GDate date;
  GHashTable *values;
  GHashTableIter iter;
  gpointer key, value;
  int i = find_kind (kind);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2025);
  values = nst_doc_school_values (school, &date);
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (value == NULL)
      g_hash_table_iter_replace (&iter, g_strdup ("…"));
  if (i >= 0 && kinds[i].fields != NULL)
    {
      g_auto(GStrv) extra = g_strsplit (kinds[i].fields, " ", -1);

      for (guint j = 0; extra[j]; j++)
        g_hash_table_insert (values, g_strdup (extra[j]), g_strdup ("…"));
    }
  return values;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/**
 * nst_order_template_fields:
 *
 * Returns: (transfer full): the {fields} a text of @kind may use, sorted
 */
char **
nst_order_template_fields (const char *kind)
{
  g_autoptr(GHashTable) values = sample_values (kind);
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (values, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char **result;

  for (guint i = 0; keys[i]; i++)
    g_strv_builder_add (builder, keys[i]);
  result = g_strv_builder_end (builder);
  g_qsort_with_data (result, g_strv_length (result), sizeof (char *), compare_strings, NULL);
  return result;
}

/* The flags a text uses, so that every paragraph is checked. */
static char **
flags_of (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);
      const char *end;

      if (*line == '[' && (end = strchr (line, ']')) != NULL)
        {
          g_autofree char *flag = g_strndup (line + 1, end - line - 1);

          g_strv_builder_add (builder, flag);
        }
    }
  return g_strv_builder_end (builder);
}

/**
 * nst_order_template_check:
 *
 * Parses @text as the documents do, with every flag set.
 *
 * Returns: %FALSE with %NST_PDF_ERROR_TEMPLATE naming what is wrong: an
 *   unknown {field}, an empty text
 */
gboolean
nst_order_template_check (const char  *kind,
                          const char  *text,
                          GError     **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_auto(GStrv) flags = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(GPtrArray) blocks = NULL;

  if (!check_kind (kind, error))
    return FALSE;
  values = sample_values (kind);
  flags = flags_of (text);
  return nst_doc_template_expand (text, values, (const char *const *) flags, &heading, &blocks, error);
}

/**
 * nst_order_template_save:
 *
 * Stores the school's text of @kind once it parses; a text that does not
 * is refused and nothing changes. The check is here, not in the store,
 * because only the documents know what a text may say.
 */
gboolean
nst_order_template_save (NstStore    *store,
                         const char  *kind,
                         const char  *text,
                         GError     **error)
{
  return nst_order_template_check (kind, text, error) &&
         nst_store_save_order_template (store, kind, text, error);
}
