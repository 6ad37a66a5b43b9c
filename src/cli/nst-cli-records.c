/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "nst-cli-records.h"

/* The widest a column of the text table gets; longer text ends in «…». */
#define TEXT_COLUMN_MAX 44

/* What Russian Excel opens without asking: UTF-8 with a byte order mark,
 * ';' between fields (',' is the decimal separator there), CRLF, and
 * RFC 4180 quoting. */
#define CSV_BOM "\xEF\xBB\xBF"
#define CSV_DELIMITER ';'
#define CSV_EOL "\r\n"

struct _NstCliRecords
{
  JsonArray *records;      /* JsonObject each, members in the order written */
  JsonArray *text_cells;   /* a JsonObject per record for text_only cells */
  JsonObject *current;
  JsonObject *current_text;
  char **columns;
  char **titles;
};

gboolean
nst_cli_parse_format (const char   *text,
                      NstCliFormat *out)
{
  static const char *const names[] = { "text", "json", "csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out = (NstCliFormat) i;
        return TRUE;
      }
  return FALSE;
}

NstCliRecords *
nst_cli_records_new (void)
{
  NstCliRecords *self = g_new0 (NstCliRecords, 1);

  self->records = json_array_new ();
  self->text_cells = json_array_new ();
  return self;
}

void
nst_cli_records_free (NstCliRecords *self)
{
  json_array_unref (self->records);
  json_array_unref (self->text_cells);
  g_strfreev (self->columns);
  g_strfreev (self->titles);
  g_free (self);
}

void
nst_cli_records_begin (NstCliRecords *self)
{
  self->current = json_object_new ();
  self->current_text = json_object_new ();
  json_array_add_object_element (self->records, self->current);
  json_array_add_object_element (self->text_cells, self->current_text);
}

void
nst_cli_records_text (NstCliRecords *self,
                      const char    *name,
                      const char    *value)
{
  if (value == NULL)
    json_object_set_null_member (self->current, name);
  else
    json_object_set_string_member (self->current, name, value);
}

void
nst_cli_records_number (NstCliRecords *self,
                        const char    *name,
                        gint64         value)
{
  if (value < 0)
    json_object_set_null_member (self->current, name);
  else
    json_object_set_int_member (self->current, name, value);
}

void
nst_cli_records_flag (NstCliRecords *self,
                      const char    *name,
                      gboolean       value)
{
  json_object_set_boolean_member (self->current, name, value);
}

void
nst_cli_records_codes (NstCliRecords     *self,
                       const char        *name,
                       const char *const *codes)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; codes && codes[i]; i++)
    json_array_add_string_element (array, codes[i]);
  json_object_set_array_member (self->current, name, array);
}

void
nst_cli_records_text_only (NstCliRecords *self,
                           const char    *name,
                           const char    *value)
{
  json_object_set_string_member (self->current_text, name, value ? value : "");
}

void
nst_cli_records_set_columns (NstCliRecords     *self,
                             const char *const *fields,
                             const char *const *titles)
{
  g_strfreev (self->columns);
  g_strfreev (self->titles);
  self->columns = g_strdupv ((char **) fields);
  self->titles = g_strdupv ((char **) titles);
}

/* A cell as plain text: what CSV and the text table print. */
static char *
node_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_string_append_printf (text, "%s%s", i ? "," : "", json_array_get_string_element (array, i));
      return g_string_free (text, FALSE);
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN: return g_strdup (json_node_get_boolean (node) ? "1" : "0");
    case G_TYPE_INT64: return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    default: return g_strdup (json_node_get_string (node));
    }
}

static GBytes *
format_json (NstCliRecords *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(GString) out = NULL;
  g_autofree char *data = NULL;

  json_node_set_array (root, self->records);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, NULL);
  out = g_string_new (data);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static void
csv_append_field (GString    *out,
                  gboolean    first,
                  const char *value)
{
  if (!first)
    g_string_append_c (out, CSV_DELIMITER);
  if (strpbrk (value, ";\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *c = value; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

static GBytes *
format_csv (NstCliRecords *self)
{
  GString *out = g_string_new (CSV_BOM);
  guint n = json_array_get_length (self->records);
  g_autoptr(GList) names = NULL;

  if (n == 0)
    return g_string_free_to_bytes (out);
  /* The header is the first record's field names: every record has them all. */
  names = json_object_get_members (json_array_get_object_element (self->records, 0));
  for (GList *l = names; l; l = l->next)
    csv_append_field (out, l == names, l->data);
  g_string_append (out, CSV_EOL);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *record = json_array_get_object_element (self->records, i);

      for (GList *l = names; l; l = l->next)
        {
          g_autofree char *text = node_text (json_object_get_member (record, l->data));
          csv_append_field (out, l == names, text);
        }
      g_string_append (out, CSV_EOL);
    }
  return g_string_free_to_bytes (out);
}

/* Cuts by characters, not bytes: the text is Cyrillic. */
static char *
shorten (const char *text)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= TEXT_COLUMN_MAX)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, TEXT_COLUMN_MAX - 1);
  return g_strconcat (head, "…", NULL);
}

static char *
text_cell (NstCliRecords *self,
           guint          row,
           const char    *field)
{
  JsonObject *extra = json_array_get_object_element (self->text_cells, row);
  JsonObject *record = json_array_get_object_element (self->records, row);
  g_autofree char *text = NULL;

  if (json_object_has_member (extra, field))
    text = g_strdup (json_object_get_string_member (extra, field));
  else
    text = node_text (json_object_get_member (record, field));
  return shorten (text);
}

static void
append_row (GString      *out,
            char *const  *cells,
            const guint  *widths,
            guint         n_columns,
            gboolean      numeric_first)
{
  for (guint c = 0; c < n_columns; c++)
    {
      guint pad = widths[c] - g_utf8_strlen (cells[c], -1);

      if (c == 0 && numeric_first)
        g_string_append_printf (out, "%*s%s", pad, "", cells[c]);
      else if (c == n_columns - 1)
        g_string_append (out, cells[c]);
      else
        g_string_append_printf (out, "%s%*s", cells[c], pad, "");
      g_string_append (out, c == n_columns - 1 ? "\n" : "  ");
    }
}

static GBytes *
format_text (NstCliRecords *self)
{
  guint n_columns = self->columns ? g_strv_length (self->columns) : 0;
  guint n_rows = json_array_get_length (self->records) + 1;
  g_autofree char **cells = NULL;
  g_autofree guint *widths = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (n_columns > 0, g_string_free_to_bytes (out));
  cells = g_new0 (char *, n_rows * n_columns);
  widths = g_new0 (guint, n_columns);
  for (guint c = 0; c < n_columns; c++)
    cells[c] = g_strdup (self->titles[c]);
  for (guint r = 1; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      cells[r * n_columns + c] = text_cell (self, r - 1, self->columns[c]);
  for (guint i = 0; i < n_rows * n_columns; i++)
    widths[i % n_columns] = MAX (widths[i % n_columns], (guint) g_utf8_strlen (cells[i], -1));
  for (guint r = 0; r < n_rows; r++)
    append_row (out, cells + r * n_columns, widths, n_columns, g_str_equal (self->columns[0], "id"));
  for (guint i = 0; i < n_rows * n_columns; i++)
    g_free (cells[i]);
  return g_string_free_to_bytes (out);
}

/**
 * nst_cli_records_format:
 *
 * Returns: (transfer full): the records in @format, UTF-8
 */
GBytes *
nst_cli_records_format (NstCliRecords *self,
                        NstCliFormat   format)
{
  switch (format)
    {
    case NST_CLI_FORMAT_JSON: return format_json (self);
    case NST_CLI_FORMAT_CSV: return format_csv (self);
    case NST_CLI_FORMAT_TEXT:
    default: return format_text (self);
    }
}
