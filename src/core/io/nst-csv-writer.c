/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-export"

#include "config.h"

#include <string.h>

#include "io/nst-csv-writer.h"
#include "schedule/nst-date.h"

#define DELIMITER ';'

static gboolean
starts_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/* Quoted when it holds what would end it, or spaces at its ends that a
 * reader trims. */
static gboolean
needs_quotes (const char *text)
{
  gsize length = strlen (text);

  if (length == 0)
    return FALSE;
  if (text[0] == ' ' || text[length - 1] == ' ')
    return TRUE;
  for (const char *p = text; *p; p++)
    if (*p == DELIMITER || *p == '"' || *p == '\n' || *p == '\r')
      return TRUE;
  return FALSE;
}

void
nst_csv_append_cell (GString    *out,
                     const char *text)
{
  gboolean quoted = needs_quotes (text);

  if (quoted)
    g_string_append_c (out, '"');
  if (starts_formula (text))
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quoted)
    g_string_append_c (out, '"');
}

static void
append_row (GString        *out,
            NstExportTable *table,
            int             row)
{
  guint n = nst_export_table_get_n_columns (table);

  for (guint c = 0; c < n; c++)
    {
      if (c > 0)
        g_string_append_c (out, DELIMITER);
      if (row < 0)
        nst_csv_append_cell (out, nst_export_table_get_header (table, c));
      else if (nst_export_table_get_kind (table, c) == NST_EXPORT_DATE)
        {
          g_autofree char *date = nst_date_iso_to_ru (nst_export_table_get_cell (table, row, c));

          nst_csv_append_cell (out, date);
        }
      else
        nst_csv_append_cell (out, nst_export_table_get_cell (table, row, c));
    }
  g_string_append (out, "\r\n");
}

/**
 * nst_csv_write_table:
 *
 * Returns: (transfer full): the file's bytes, header line first
 */
GBytes *
nst_csv_write_table (NstExportTable *table)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  append_row (out, table, -1);
  for (guint r = 0; r < nst_export_table_get_n_rows (table); r++)
    append_row (out, table, (int) r);
  return g_string_free_to_bytes (out);
}
