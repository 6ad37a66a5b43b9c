/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-export"

#include "config.h"

#include "io/nst-export-table.h"

G_DEFINE_QUARK (nst-export-error-quark, nst_export_error)

typedef struct
{
  char *header;
  NstExportKind kind;
  double width;
} Column;

struct _NstExportTable
{
  char *title;
  GArray *columns;   /* Column */
  GPtrArray *cells;  /* char *, row after row, n_columns a row */
  guint n_rows;
};

static void
clear_column (gpointer data)
{
  g_free (((Column *) data)->header);
}

/**
 * nst_export_table_new:
 * @title: the sheet's name in a workbook (31 characters at most)
 */
NstExportTable *
nst_export_table_new (const char *title)
{
  NstExportTable *self = g_new0 (NstExportTable, 1);

  self->title = g_strdup (title);
  self->columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_array_set_clear_func (self->columns, clear_column);
  self->cells = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
nst_export_table_free (NstExportTable *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_array_unref (self->columns);
  g_ptr_array_unref (self->cells);
  g_free (self);
}

/* @width in characters, as spreadsheets count them. */
void
nst_export_table_add_column (NstExportTable *self,
                             const char     *header,
                             NstExportKind   kind,
                             double          width)
{
  Column column = { g_strdup (header), kind, width };

  g_return_if_fail (self->n_rows == 0);
  g_array_append_val (self->columns, column);
}

/* Cells not added by the next row are left empty. */
void
nst_export_table_begin_row (NstExportTable *self)
{
  while (self->cells->len < self->n_rows * self->columns->len)
    g_ptr_array_add (self->cells, g_strdup (""));
  self->n_rows++;
}

/* The next cell of the row begun last; a date as YYYY-MM-DD or "". */
void
nst_export_table_add_cell (NstExportTable *self,
                           const char     *value)
{
  g_return_if_fail (self->n_rows > 0);
  g_return_if_fail (self->cells->len < self->n_rows * self->columns->len);
  g_ptr_array_add (self->cells, g_strdup (value ? value : ""));
}

const char *
nst_export_table_get_title (NstExportTable *self)
{
  return self->title;
}

guint
nst_export_table_get_n_columns (NstExportTable *self)
{
  return self->columns->len;
}

guint
nst_export_table_get_n_rows (NstExportTable *self)
{
  return self->n_rows;
}

const char *
nst_export_table_get_header (NstExportTable *self,
                             guint           column)
{
  g_return_val_if_fail (column < self->columns->len, "");
  return g_array_index (self->columns, Column, column).header;
}

NstExportKind
nst_export_table_get_kind (NstExportTable *self,
                           guint           column)
{
  g_return_val_if_fail (column < self->columns->len, NST_EXPORT_TEXT);
  return g_array_index (self->columns, Column, column).kind;
}

double
nst_export_table_get_width (NstExportTable *self,
                            guint           column)
{
  g_return_val_if_fail (column < self->columns->len, 10);
  return g_array_index (self->columns, Column, column).width;
}

/**
 * nst_export_table_get_cell:
 *
 * Returns: (transfer none): the cell's text, "" when the row left it out
 */
const char *
nst_export_table_get_cell (NstExportTable *self,
                           guint           row,
                           guint           column)
{
  guint i = row * self->columns->len + column;

  g_return_val_if_fail (row < self->n_rows && column < self->columns->len, "");
  return i < self->cells->len ? g_ptr_array_index (self->cells, i) : "";
}
