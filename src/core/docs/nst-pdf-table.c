/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include "docs/nst-pdf-private.h"

#define PAD_X 3.0
#define PAD_Y 2.0
#define RULE_WIDTH 0.5

struct _NstPdfTable
{
  NstPdf *pdf;
  NstPdfColumn *columns;
  guint n_columns;
  double *x;                /* left edges, and the right edge of the last */
  double size;
  double leading;
  GPtrArray *header;        /* NstPdfLayout, or NULL without a header */
  double header_height;
  guint header_page;        /* the page the header was last drawn on */
  guint min_lines;          /* of a body row */
};

/* One row being placed: a layout per cell, or one for a group row. */
typedef struct
{
  NstPdfLayout **cells;
  guint n_cells;
  guint n_lines;
  gboolean is_header;
  gboolean is_group;
  gboolean *boxes;          /* cells drawn as a box to tick */
} Row;

/**
 * nst_pdf_table_new:
 * @size: the text size; 12 pt by the house rules, smaller for wide tables
 *
 * A table across the text width, starting below what is on the page.
 *
 * Returns: (transfer full): the table; free it with nst_pdf_table_free()
 *   when its last row is added
 */
NstPdfTable *
nst_pdf_table_new (NstPdf             *pdf,
                   const NstPdfColumn *columns,
                   guint               n_columns,
                   double              size)
{
  NstPdfTable *self = g_new0 (NstPdfTable, 1);
  double total = 0, x;

  g_return_val_if_fail (n_columns > 0, NULL);
  if (!pdf->has_page)
    nst_pdf_begin_document (pdf, NST_PDF_PORTRAIT);
  self->pdf = pdf;
  self->columns = g_memdup2 (columns, n_columns * sizeof *columns);
  self->n_columns = n_columns;
  self->size = size;
  self->leading = size * NST_PDF_LEADING;
  self->x = g_new (double, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    total += columns[i].weight;
  x = pdf->left;
  for (guint i = 0; i < n_columns; i++)
    {
      self->x[i] = x;
      x += nst_pdf_get_text_width (pdf) * columns[i].weight / total;
    }
  self->x[n_columns] = pdf->right;
  return self;
}

static NstPdfLayout *
cell_layout (NstPdfTable *self,
             guint        first,
             guint        last,
             NstPdfAlign  align,
             gboolean     bold,
             const char  *markup)
{
  NstPdfStyle style = { self->size, align, bold, 0, 0, 0, 0, FALSE };

  return nst_pdf_layout_new (self->pdf, &style, markup,
                             self->x[last + 1] - self->x[first] - 2 * PAD_X);
}

static void
row_clear (Row *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    nst_pdf_layout_free (row->cells[i]);
  g_free (row->cells);
  g_free (row->boxes);
}

static guint
row_lines (Row *row,
           guint min_lines)
{
  guint lines = MAX (min_lines, 1);

  for (guint i = 0; i < row->n_cells; i++)
    lines = MAX (lines, row->cells[i]->lines->len);
  return lines;
}

/* Draws lines [from, from + count) of @row at the top of the free space,
 * with the cell borders, and moves below it. */
static void
draw_row_part (NstPdfTable *self,
               Row         *row,
               guint        from,
               guint        count)
{
  NstPdf *pdf = self->pdf;
  double height = count * self->leading + 2 * PAD_Y;
  double top = pdf->y;

  for (guint c = 0; c < row->n_cells; c++)
    {
      NstPdfLayout *layout = row->cells[c];
      double x = self->x[row->n_cells == 1 ? 0 : c];
      double right = self->x[row->n_cells == 1 ? self->n_columns : c + 1];
      double line_top = top - PAD_Y;

      /* Header cells sit in the middle of their row. */
      if (row->is_header && from == 0)
        line_top -= (row->n_lines - layout->lines->len) * self->leading / 2;
      if (row->boxes != NULL && row->boxes[c] && from == 0)
        {
          double side = self->size * 0.75;

          nst_pdf_stroke_rect (pdf, (x + right - side) / 2, top - PAD_Y - (self->leading + side) / 2,
                               side, side, RULE_WIDTH);
        }
      for (guint l = from; l < from + count && l < layout->lines->len; l++)
        nst_pdf_layout_draw_line (pdf, layout, l, x + PAD_X, line_top - (l - from) * self->leading);
    }
  /* The borders in one path, after the text: no text inside a path. */
  for (guint c = 0; c < row->n_cells && !pdf->dry_run; c++)
    {
      double x = self->x[row->n_cells == 1 ? 0 : c];
      double right = self->x[row->n_cells == 1 ? self->n_columns : c + 1];

      if (c == 0)
        HPDF_Page_SetLineWidth (pdf->page, RULE_WIDTH);
      HPDF_Page_Rectangle (pdf->page, x, top - height, right - x, height);
      if (c == row->n_cells - 1)
        HPDF_Page_Stroke (pdf->page);
    }
  pdf->y -= height;
  pdf->at_page_top = FALSE;
}

static void
draw_header (NstPdfTable *self)
{
  Row row = { 0 };

  if (self->header == NULL)
    return;
  row.cells = (NstPdfLayout **) self->header->pdata;
  row.n_cells = self->header->len;
  row.is_header = TRUE;
  row.n_lines = row_lines (&row, 1);
  draw_row_part (self, &row, 0, row.n_lines);
  self->header_page = self->pdf->n_pages;
}

static void
new_page_with_header (NstPdfTable *self)
{
  nst_pdf_new_page (self->pdf);
  draw_header (self);
}

static double
space_left (NstPdfTable *self)
{
  return self->pdf->y - self->pdf->bottom + 0.01;
}

/* Places a row: whole on this page, or whole on the next, or, when it is
 * taller than a page, line by line over as many pages as it takes. */
static void
place_row (NstPdfTable *self,
           Row         *row)
{
  NstPdf *pdf = self->pdf;
  double page_room = pdf->top - pdf->bottom - self->header_height;
  guint from = 0;

  row->n_lines = row_lines (row, row->is_group ? 1 : self->min_lines);
  if (self->header != NULL && self->header_page != pdf->n_pages)
    {
      /* The header never stays alone at the bottom of a page. */
      nst_pdf_ensure_space (pdf, self->header_height + MIN (row->n_lines, 2) * self->leading + 2 * PAD_Y);
      draw_header (self);
    }
  if (row->n_lines * self->leading + 2 * PAD_Y > space_left (self) &&
      row->n_lines * self->leading + 2 * PAD_Y <= page_room)
    new_page_with_header (self);
  while (from < row->n_lines && !nst_pdf_failed (pdf))
    {
      guint fit = (guint) MAX (0, (space_left (self) - 2 * PAD_Y) / self->leading);
      guint count = MIN (fit, row->n_lines - from);

      if (count == 0)
        {
          new_page_with_header (self);
          continue;
        }
      draw_row_part (self, row, from, count);
      from += count;
      if (from < row->n_lines)
        new_page_with_header (self);
    }
}

/**
 * nst_pdf_table_set_header:
 * @cells: one markup per column
 *
 * The header row, bold and centred; drawn now and again at the top of
 * every page the table runs onto.
 */
void
nst_pdf_table_set_header (NstPdfTable       *self,
                          const char *const *cells)
{
  Row row = { 0 };

  g_clear_pointer (&self->header, g_ptr_array_unref);
  self->header = g_ptr_array_new_with_free_func ((GDestroyNotify) nst_pdf_layout_free);
  for (guint i = 0; i < self->n_columns; i++)
    g_ptr_array_add (self->header, cell_layout (self, i, i, NST_PDF_ALIGN_CENTER, TRUE, cells[i]));
  row.cells = (NstPdfLayout **) self->header->pdata;
  row.n_cells = self->header->len;
  self->header_height = row_lines (&row, 1) * self->leading + 2 * PAD_Y;
  self->header_page = 0;
}

void
nst_pdf_table_add_row (NstPdfTable       *self,
                       const char *const *cells)
{
  Row row = { 0 };

  if (nst_pdf_failed (self->pdf))
    return;
  row.n_cells = self->n_columns;
  row.cells = g_new (NstPdfLayout *, row.n_cells);
  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *text = cells[i] ? cells[i] : "";

      if (self->columns[i].checkbox && *text == '\0')
        {
          if (row.boxes == NULL)
            row.boxes = g_new0 (gboolean, row.n_cells);
          row.boxes[i] = TRUE;
        }
      row.cells[i] = cell_layout (self, i, i, self->columns[i].align, FALSE, text);
    }
  place_row (self, &row);
  row_clear (&row);
}

/* ---- rows with merged cells ------------------------------------------------ */

/* Rows [from, to) of a block, their heights in lines with the last one
 * stretched until the merged cells' text fits. */
static double
block_height (NstPdfTable *self,
              Row         *rows,
              guint        from,
              guint        to,
              guint        span_lines,
              double      *extra)
{
  double sum = 0, needed = span_lines * self->leading + 2 * PAD_Y;

  for (guint i = from; i < to; i++)
    sum += rows[i].n_lines * self->leading + 2 * PAD_Y;
  if (extra != NULL)
    *extra = MAX (0, needed - sum);
  return MAX (sum, needed);
}

static void
draw_block (NstPdfTable    *self,
            Row            *rows,
            guint           from,
            guint           to,
            const gboolean *spans,
            guint           span_lines)
{
  NstPdf *pdf = self->pdf;
  double extra, total = block_height (self, rows, from, to, span_lines, &extra);
  double top = pdf->y;

  for (guint c = 0; c < self->n_columns; c++)
    {
      double y = top;

      for (guint i = spans[c] ? 0 : from; i < (spans[c] ? 1 : to); i++)
        {
          NstPdfLayout *layout = rows[i].cells[c];

          for (guint l = 0; l < layout->lines->len; l++)
            nst_pdf_layout_draw_line (pdf, layout, l, self->x[c] + PAD_X, y - PAD_Y - l * self->leading);
          y -= rows[i].n_lines * self->leading + 2 * PAD_Y;
        }
    }
  if (pdf->dry_run)
    {
      pdf->y -= total;
      pdf->at_page_top = FALSE;
      return;
    }
  HPDF_Page_SetLineWidth (pdf->page, RULE_WIDTH);
  for (guint c = 0; c < self->n_columns; c++)
    {
      double width = self->x[c + 1] - self->x[c], y = top;

      if (spans[c])
        {
          HPDF_Page_Rectangle (pdf->page, self->x[c], top - total, width, total);
          continue;
        }
      for (guint i = from; i < to; i++)
        {
          double height = rows[i].n_lines * self->leading + 2 * PAD_Y + (i == to - 1 ? extra : 0);

          HPDF_Page_Rectangle (pdf->page, self->x[c], y - height, width, height);
          y -= height;
        }
    }
  HPDF_Page_Stroke (pdf->page);
  pdf->y -= total;
  pdf->at_page_top = FALSE;
}

/* A block no page can hold: its rows one by one, each with the merged
 * cells' text, so that nothing is lost. */
static void
add_rows_unmerged (NstPdfTable        *self,
                   const char *const  *cells,
                   guint               from,
                   guint               n_rows,
                   const gboolean     *spans)
{
  g_autofree const char **row = g_new (const char *, self->n_columns);

  for (guint i = from; i < n_rows; i++)
    {
      for (guint c = 0; c < self->n_columns; c++)
        row[c] = cells[(spans[c] ? 0 : i) * self->n_columns + c];
      nst_pdf_table_add_row (self, row);
    }
}

static void
place_block (NstPdfTable        *self,
             Row                *rows,
             const char *const  *cells,
             guint               n_rows,
             const gboolean     *spans,
             guint               span_lines)
{
  NstPdf *pdf = self->pdf;
  double page_room = pdf->top - pdf->bottom - self->header_height;
  guint from = 0;
  gboolean fresh;

  if (self->header != NULL && self->header_page != pdf->n_pages)
    {
      nst_pdf_ensure_space (pdf, self->header_height + 2 * self->leading + 2 * PAD_Y);
      draw_header (self);
    }
  if (block_height (self, rows, 0, n_rows, span_lines, NULL) > space_left (self) &&
      block_height (self, rows, 0, n_rows, span_lines, NULL) <= page_room)
    new_page_with_header (self);
  /* Nothing but the header above: a new page would not give more room. */
  fresh = pdf->y >= pdf->top - self->header_height - 0.01;
  /* What does not fit goes on over the next page, the merged cells
   * repeated beside the rows there. */
  while (from < n_rows && !nst_pdf_failed (pdf))
    {
      guint to = from;

      while (to < n_rows && block_height (self, rows, from, to + 1, span_lines, NULL) <= space_left (self))
        to++;
      if (to == from && fresh)
        {
          add_rows_unmerged (self, cells, from, n_rows, spans);
          return;
        }
      if (to > from)
        {
          draw_block (self, rows, from, to, spans, span_lines);
          from = to;
        }
      fresh = FALSE;
      if (from < n_rows)
        {
          new_page_with_header (self);
          fresh = TRUE;
        }
    }
}

/**
 * nst_pdf_table_add_rows:
 * @cells: @n_rows rows of one markup per column, row after row
 * @spans: (nullable): per column, whether its cell is merged down all the
 *   rows, with the first row's text
 *
 * Rows that belong together, such as a mentor and each mentee of a group:
 * the merged cells run down beside the others. The block stays on one
 * page when a page can hold it.
 */
void
nst_pdf_table_add_rows (NstPdfTable        *self,
                        const char *const  *cells,
                        guint               n_rows,
                        const gboolean     *spans)
{
  g_autofree Row *rows = NULL;
  guint span_lines = 0;

  if (nst_pdf_failed (self->pdf) || n_rows == 0)
    return;
  if (spans == NULL || n_rows == 1)
    {
      for (guint i = 0; i < n_rows; i++)
        nst_pdf_table_add_row (self, cells + i * self->n_columns);
      return;
    }
  rows = g_new0 (Row, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      rows[i].n_cells = self->n_columns;
      rows[i].cells = g_new (NstPdfLayout *, self->n_columns);
      for (guint c = 0; c < self->n_columns; c++)
        {
          const char *text = cells[i * self->n_columns + c];

          rows[i].cells[c] = cell_layout (self, c, c, self->columns[c].align, FALSE,
                                          (spans[c] && i > 0) || text == NULL ? "" : text);
        }
      rows[i].n_lines = MAX (self->min_lines, 1);
      for (guint c = 0; c < self->n_columns; c++)
        if (!spans[c])
          rows[i].n_lines = MAX (rows[i].n_lines, rows[i].cells[c]->lines->len);
    }
  for (guint c = 0; c < self->n_columns; c++)
    if (spans[c])
      span_lines = MAX (span_lines, rows[0].cells[c]->lines->len);
  place_block (self, rows, cells, n_rows, spans, span_lines);
  for (guint i = 0; i < n_rows; i++)
    row_clear (&rows[i]);
}

/* A row across all columns, bold and centred: the title of a group of rows. */
void
nst_pdf_table_add_group (NstPdfTable *self,
                         const char  *markup)
{
  Row row = { 0 };

  if (nst_pdf_failed (self->pdf))
    return;
  row.n_cells = 1;
  row.cells = g_new (NstPdfLayout *, 1);
  row.cells[0] = cell_layout (self, 0, self->n_columns - 1, NST_PDF_ALIGN_CENTER, TRUE, markup);
  /* A group's title goes with at least the first line of its first row. */
  row.is_group = TRUE;
  if (space_left (self) < (row_lines (&row, 1) + 1) * self->leading + 4 * PAD_Y &&
      !self->pdf->at_page_top && self->header_page == self->pdf->n_pages)
    new_page_with_header (self);
  place_row (self, &row);
  row_clear (&row);
}

/* Body rows at least @lines high: room for a signature. */
void
nst_pdf_table_set_min_lines (NstPdfTable *self,
                             guint        lines)
{
  self->min_lines = lines;
}

void
nst_pdf_table_free (NstPdfTable *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_free (self->columns);
  g_free (self->x);
  g_free (self);
}
