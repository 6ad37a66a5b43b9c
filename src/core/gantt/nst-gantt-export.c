/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-gantt"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "schedule/nst-date.h"
#include "gantt/nst-gantt-private.h"
#include "gantt/nst-gantt-render.h"

/* The chart as files: a PNG of the whole, or landscape A4 pages that tile
 * it. Both are written to a temporary file beside the target and renamed
 * over it, so a failure never leaves half a file under the user's name. */

#define PNG_DEFAULT_WIDTH 1600
#define PNG_FONT_SIZE     13.0
#define CAIRO_MAX_SIZE    32767

/* ---- writing a file whole or not at all ---------------------------------------- */

typedef struct
{
  const char *path;
  char *temp_path;
  int fd;
  int saved_errno;
} Sink;

static gboolean
sink_open (Sink        *sink,
           const char  *path,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);

  sink->path = path;
  sink->saved_errno = 0;
  sink->temp_path = g_build_filename (dir, name, NULL);
  /* The chart names people: for its owner's eyes only, like the documents. */
  sink->fd = g_mkstemp_full (sink->temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (sink->fd < 0)
    {
      int saved = errno;

      g_set_error (error, NST_GANTT_ERROR, NST_GANTT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      g_clear_pointer (&sink->temp_path, g_free);
      return FALSE;
    }
  return TRUE;
}

static cairo_status_t
sink_write_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* Renames the file into place when @status says all went well; otherwise,
 * or when that fails, removes it and says why. */
static gboolean
sink_close (Sink            *sink,
            cairo_status_t   status,
            GError         **error)
{
  int saved = sink->saved_errno;

  if (status == CAIRO_STATUS_SUCCESS && fsync (sink->fd) != 0)
    saved = errno;
  if (close (sink->fd) != 0 && saved == 0)
    saved = errno;
  if (status == CAIRO_STATUS_SUCCESS && saved == 0 && g_rename (sink->temp_path, sink->path) != 0)
    saved = errno;
  if (status != CAIRO_STATUS_SUCCESS || saved != 0)
    {
      g_unlink (sink->temp_path);
      g_set_error (error, NST_GANTT_ERROR, NST_GANTT_ERROR_WRITE, _("Could not write “%s”: %s"),
                   sink->path, saved != 0 ? g_strerror (saved) : cairo_status_to_string (status));
    }
  g_clear_pointer (&sink->temp_path, g_free);
  return status == CAIRO_STATUS_SUCCESS && saved == 0;
}

/* ---- headings --------------------------------------------------------------------- */

static void
show (cairo_t              *cr,
      PangoLayout          *text,
      const char           *string,
      PangoFontDescription *font,
      const NstGanttColor  *color,
      double                x,
      double                y,
      double                max_width,
      gboolean              right)
{
  PangoRectangle logical;

  pango_layout_set_font_description (text, font);
  pango_layout_set_text (text, string, -1);
  pango_layout_set_width (text, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_get_extents (text, NULL, &logical);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_move_to (cr, right ? x - (double) logical.width / PANGO_SCALE : x, y);
  pango_cairo_show_layout (cr, text);
}

/* The title on the left; the status date (and the sheet) on the right. */
static void
draw_heading (cairo_t               *cr,
              NstGanttLayout        *layout,
              const NstGanttPalette *palette,
              const char            *title,
              const char            *sheet,
              const char            *font_family,
              double                 font_size,
              double                 x,
              double                 y,
              double                 width)
{
  g_autoptr(PangoLayout) text = pango_cairo_create_layout (cr);
  PangoFontDescription *bold = pango_font_description_new ();
  PangoFontDescription *plain = pango_font_description_new ();
  g_autofree char *date = NULL;
  g_autofree char *status = NULL;
  PangoRectangle logical;
  GDate status_date;

  nst_gantt_layout_get_status_date (layout, &status_date);
  date = nst_date_format_ru (&status_date);
  status = sheet ? g_strdup_printf (_("Status as of %s · %s"), date, sheet)
                 : g_strdup_printf (_("Status as of %s"), date);
  pango_font_description_set_family (bold, font_family ? font_family : "Sans");
  pango_font_description_set_family (plain, font_family ? font_family : "Sans");
  pango_font_description_set_absolute_size (bold, font_size * 1.15 * PANGO_SCALE);
  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (plain, font_size * PANGO_SCALE);
  show (cr, text, status, plain, &palette->dim, x + width, y + font_size * 0.25, -1, TRUE);
  pango_layout_get_extents (text, NULL, &logical);
  if (title != NULL)
    show (cr, text, title, bold, &palette->foreground, x, y,
          width - (double) logical.width / PANGO_SCALE - font_size * 2, FALSE);
  pango_font_description_free (bold);
  pango_font_description_free (plain);
}

/* ---- PNG ---------------------------------------------------------------------------- */

static const NstGanttPalette *
palette_of (const NstGanttExportOptions *options,
            NstGanttPalette             *light)
{
  if (options != NULL && options->palette != NULL)
    return options->palette;
  nst_gantt_palette_init_light (light);
  return light;
}

/**
 * nst_gantt_export_png:
 * @layout: the chart, over the range it shows
 * @path: the file to write (replaced whole, or left as it was)
 * @options: (nullable): title, palette, width
 *
 * The whole chart as one image: the heading, the timescale, every row and
 * the legend.
 */
gboolean
nst_gantt_export_png (NstGanttLayout               *layout,
                      const char                   *path,
                      const NstGanttExportOptions  *options,
                      GError                      **error)
{
  NstGanttPalette light;
  const NstGanttPalette *palette = palette_of (options, &light);
  double width = options && options->png_width > 0 ? options->png_width : PNG_DEFAULT_WIDTH;
  double font = PNG_FONT_SIZE, heading = font * 3, footer = font * 3, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  NstGanttView view;
  Sink sink;

  nst_gantt_view_init (&view, width, 0, font);
  view.label_width = round (width * 0.3);
  view.label_lines = 2;
  view.row_height = ceil (font * 2.9);
  view.band_height = ceil (font * 1.7);
  view.height = nst_gantt_view_get_content_height (&view, layout);
  height = ceil (heading + view.height + footer);
  if (width > CAIRO_MAX_SIZE || height > CAIRO_MAX_SIZE)
    {
      g_set_error (error, NST_GANTT_ERROR, NST_GANTT_ERROR_TOO_LARGE,
                   _("The chart is too large for an image (%.0f × %.0f pixels); export it as PDF"),
                   width, height);
      return FALSE;
    }
  if (!sink_open (&sink, path, error))
    return FALSE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, palette->background.red, palette->background.green,
                         palette->background.blue, 1);
  cairo_paint (cr);
  draw_heading (cr, layout, palette, options ? options->title : NULL, NULL, NULL, font,
                font * 0.6, font * 0.8, width - font * 1.2);
  cairo_translate (cr, 0, heading);
  nst_gantt_render (cr, layout, &view, palette);
  nst_gantt_render_legend (cr, palette, NULL, font, font * 0.6, view.height + font * 0.5, NULL, NULL);
  cairo_destroy (cr);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, sink_write_cb, &sink);
  cairo_surface_destroy (surface);
  return sink_close (&sink, status, error);
}

/* ---- PDF ------------------------------------------------------------------------------ */

/**
 * nst_gantt_render_page:
 * @spec: the page and the frame
 * @tile: which part of the chart, from nst_gantt_layout_paginate()
 * @n_pages: for «Лист 2 из 4»
 * @options: (nullable): title and palette
 *
 * One printed page: the heading, the tile's part of the chart with the
 * labels column and a timescale of its own, and the legend at the foot.
 * For the print dialog as much as for the PDF. Sets @layout's view to the
 * tile's days: keep the view to put it back.
 */
void
nst_gantt_render_page (cairo_t                     *cr,
                       NstGanttLayout              *layout,
                       const NstGanttPageSpec      *spec,
                       const NstGanttTile          *tile,
                       guint                        n_pages,
                       const NstGanttExportOptions *options)
{
  NstGanttPalette light;
  const NstGanttPalette *palette = palette_of (options, &light);
  NstGanttView view = spec->view;
  g_autofree char *sheet = g_strdup_printf (_("sheet %u of %u"), tile->page + 1, n_pages);
  double inner = spec->page_width - 2 * spec->margin;

  nst_gantt_layout_set_view (layout, tile->first_day, tile->n_days);
  view.width = view.label_width + tile->chart_width;
  view.scroll_y = tile->first_row * view.row_height;
  view.height = nst_gantt_view_get_header_height (&view, layout) + tile->n_rows * view.row_height;
  view.selected_row = view.hover_row = view.drag_row = -1;

  cairo_save (cr);
  draw_heading (cr, layout, palette, options ? options->title : NULL, sheet, view.font_family,
                view.font_size * 1.2, spec->margin, spec->margin, inner);
  cairo_translate (cr, spec->margin, spec->margin + spec->heading_height);
  nst_gantt_render (cr, layout, &view, palette);
  cairo_restore (cr);
  nst_gantt_render_legend (cr, palette, view.font_family, view.font_size, spec->margin,
                           spec->page_height - spec->margin - spec->footer_height + 4, NULL, NULL);
}

/**
 * nst_gantt_export_pdf:
 * @layout: the chart, over the range to print
 * @path: the file to write (replaced whole, or left as it was)
 * @options: (nullable): title, palette, pages
 *
 * Vector pages (landscape A4 unless @options say otherwise) that tile the
 * chart, each with the labels and the timescale. @layout's view is put
 * back afterwards.
 */
gboolean
nst_gantt_export_pdf (NstGanttLayout               *layout,
                      const char                   *path,
                      const NstGanttExportOptions  *options,
                      GError                      **error)
{
  NstGanttPageSpec a4;
  const NstGanttPageSpec *spec = options && options->pages ? options->pages : &a4;
  g_autoptr(GArray) tiles = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double first_day, n_days;
  Sink sink;

  nst_gantt_page_spec_init_a4 (&a4);
  if (!sink_open (&sink, path, error))
    return FALSE;
  nst_gantt_layout_get_view (layout, &first_day, &n_days);
  tiles = nst_gantt_layout_paginate (layout, spec, NULL, NULL);
  surface = cairo_pdf_surface_create_for_stream (sink_write_cb, &sink, spec->page_width,
                                                 spec->page_height);
  if (options && options->title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, _("Nastavnik"));
  cr = cairo_create (surface);
  for (guint i = 0; i < tiles->len; i++)
    {
      nst_gantt_render_page (cr, layout, spec, &g_array_index (tiles, NstGanttTile, i),
                             tiles->len, options);
      cairo_show_page (cr);
    }
  nst_gantt_layout_set_view (layout, first_day, n_days);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return sink_close (&sink, status, error);
}

/**
 * nst_gantt_export:
 *
 * nst_gantt_export_png() or nst_gantt_export_pdf() by @path's extension.
 */
gboolean
nst_gantt_export (NstGanttLayout               *layout,
                  const char                   *path,
                  const NstGanttExportOptions  *options,
                  GError                      **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    return nst_gantt_export_png (layout, path, options, error);
  if (g_str_has_suffix (lower, ".pdf"))
    return nst_gantt_export_pdf (layout, path, options, error);
  g_set_error (error, NST_GANTT_ERROR, NST_GANTT_ERROR_FORMAT,
               _("“%s” is neither a PNG nor a PDF file: name it .png or .pdf"), path);
  return FALSE;
}
