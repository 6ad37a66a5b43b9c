/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <xlsxwriter.h>

#include "schedule/nst-date.h"
#include "io/nst-export-table.h"
#include "io/nst-xlsx-writer.h"

#define DATE_FORMAT "dd.mm.yyyy"

typedef struct
{
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header;
  lxw_format *date;
  lxw_error failure;     /* the first, if any */
} Writer;

static void
note (Writer    *w,
      lxw_error  rc)
{
  if (w->failure == LXW_NO_ERROR)
    w->failure = rc;
}

static void
write_cell (Writer        *w,
            lxw_row_t      row,
            lxw_col_t      column,
            NstExportKind  kind,
            const char    *value)
{
  GDate date;

  if (*value == '\0')
    return;
  if (kind == NST_EXPORT_DATE && nst_date_parse_iso (value, &date))
    {
      lxw_datetime datetime = { g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 0, 0, 0 };

      note (w, worksheet_write_datetime (w->sheet, row, column, &datetime, w->date));
    }
  else if (kind == NST_EXPORT_NUMBER)
    note (w, worksheet_write_number (w->sheet, row, column, g_ascii_strtod (value, NULL), NULL));
  else
    note (w, worksheet_write_string (w->sheet, row, column, value, NULL));
}

static void
write_sheet (Writer         *w,
             NstExportTable *table)
{
  guint n_columns = nst_export_table_get_n_columns (table);
  guint n_rows = nst_export_table_get_n_rows (table);

  for (guint c = 0; c < n_columns; c++)
    {
      NstExportKind kind = nst_export_table_get_kind (table, c);

      note (w, worksheet_set_column (w->sheet, c, c, nst_export_table_get_width (table, c),
                                     kind == NST_EXPORT_DATE ? w->date : NULL));
      note (w, worksheet_write_string (w->sheet, 0, c, nst_export_table_get_header (table, c),
                                       w->header));
    }
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      write_cell (w, r + 1, c, nst_export_table_get_kind (table, c),
                  nst_export_table_get_cell (table, r, c));
  worksheet_freeze_panes (w->sheet, 1, 0);
  if (n_columns > 0)
    note (w, worksheet_autofilter (w->sheet, 0, 0, n_rows, n_columns - 1));
}

static void
add_formats (Writer *w)
{
  w->header = workbook_add_format (w->workbook);
  format_set_bold (w->header);
  format_set_text_wrap (w->header);
  format_set_align (w->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bottom (w->header, LXW_BORDER_THIN);
  format_set_bg_color (w->header, 0xE8EEF7);
  w->date = workbook_add_format (w->workbook);
  format_set_num_format (w->date, DATE_FORMAT);
  format_set_align (w->date, LXW_ALIGN_LEFT);
}

gboolean
nst_xlsx_write_table (NstExportTable  *table,
                      const char      *path,
                      GError         **error)
{
  Writer w = { NULL };
  lxw_doc_properties properties = { 0 };
  lxw_error rc;

  if ((w.workbook = workbook_new (path)) == NULL ||
      (w.sheet = workbook_add_worksheet (w.workbook, nst_export_table_get_title (table))) == NULL)
    {
      if (w.workbook != NULL)
        lxw_workbook_free (w.workbook);
      g_set_error (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_FAILED,
                   _("Could not start the workbook"));
      return FALSE;
    }
  properties.title = (char *) nst_export_table_get_title (table);
  properties.author = (char *) "Наставник";
  workbook_set_properties (w.workbook, &properties);
  add_formats (&w);
  write_sheet (&w, table);
  rc = workbook_close (w.workbook);
  if (w.failure == LXW_NO_ERROR)
    w.failure = rc;
  if (w.failure != LXW_NO_ERROR)
    {
      g_set_error (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_FAILED,
                   _("Could not write the workbook: %s"), lxw_strerror (w.failure));
      return FALSE;
    }
  return TRUE;
}
