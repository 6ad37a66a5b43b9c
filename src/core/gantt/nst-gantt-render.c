/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-gantt"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "schedule/nst-date.h"
#include "gantt/nst-gantt-private.h"
#include "gantt/nst-gantt-render.h"

#define DEFAULT_FONT "Sans"

typedef struct
{
  cairo_t *cr;
  NstGanttLayout *layout;
  const NstGanttView *view;
  const NstGanttPalette *palette;
  PangoLayout *text;
  PangoFontDescription *font;
  PangoFontDescription *bold;
  PangoFontDescription *small;
  NstGanttScale *scale;
  double header;       /* the timescale's height */
  double chart_width;
  guint first_row;     /* the rows in sight */
  guint end_row;
} Painter;

/* ---- palettes ------------------------------------------------------------ */

static NstGanttColor
rgb (guint32 hex,
     double  alpha)
{
  NstGanttColor c = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                      (hex & 0xff) / 255.0, alpha };

  return c;
}

/**
 * nst_gantt_palette_init_light:
 *
 * libadwaita's light colours: for the CLI's files and for tests.
 */
void
nst_gantt_palette_init_light (NstGanttPalette *palette)
{
  palette->states[NST_DEADLINE_PLANNED] = rgb (0x3584e4, 1);
  palette->states[NST_DEADLINE_DUE_SOON] = rgb (0xc88800, 1);
  palette->states[NST_DEADLINE_OVERDUE] = rgb (0xc01c28, 1);
  palette->states[NST_DEADLINE_DONE] = rgb (0x26a269, 1);
  palette->states[NST_DEADLINE_CANCELLED] = rgb (0x77767b, 1);
  palette->on_state = rgb (0xffffff, 1);
  palette->accent = rgb (0x1c71d8, 1);
  palette->foreground = rgb (0x1e1e1e, 1);
  palette->dim = rgb (0x5e5c64, 1);
  palette->grid = rgb (0x000000, 0.11);
  palette->holiday = rgb (0x9a9996, 0.16);
  palette->background = rgb (0xffffff, 1);
  palette->header = rgb (0xf6f5f4, 1);
}

/**
 * nst_gantt_palette_init_dark:
 *
 * libadwaita's dark colours.
 */
void
nst_gantt_palette_init_dark (NstGanttPalette *palette)
{
  palette->states[NST_DEADLINE_PLANNED] = rgb (0x78aeed, 1);
  palette->states[NST_DEADLINE_DUE_SOON] = rgb (0xf8e45c, 1);
  palette->states[NST_DEADLINE_OVERDUE] = rgb (0xff7b63, 1);
  palette->states[NST_DEADLINE_DONE] = rgb (0x57e389, 1);
  palette->states[NST_DEADLINE_CANCELLED] = rgb (0x9a9996, 1);
  palette->on_state = rgb (0x1e1e1e, 1);
  palette->accent = rgb (0x99c1f1, 1);
  palette->foreground = rgb (0xffffff, 1);
  palette->dim = rgb (0xc0bfbc, 1);
  palette->grid = rgb (0xffffff, 0.12);
  palette->holiday = rgb (0xffffff, 0.07);
  palette->background = rgb (0x1e1e1e, 1);
  palette->header = rgb (0x303030, 1);
}

static void
set_color (cairo_t             *cr,
           const NstGanttColor *color,
           double               alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* ---- text -------------------------------------------------------------------- */

static PangoFontDescription *
font_new (const char *family,
          double      size,
          PangoWeight weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, family ? family : DEFAULT_FONT);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  return font;
}

static void
set_text (PangoLayout          *text,
          PangoFontDescription *font,
          const char           *string,
          double                width,
          int                   lines)
{
  pango_layout_set_font_description (text, font);
  pango_layout_set_text (text, string, -1);
  pango_layout_set_width (text, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_height (text, -MAX (lines, 1));
  pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (text, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
}

static double
text_width (PangoLayout *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (text, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* Draws the text with its left edge at @x, centred on @cy. */
static void
show_text (Painter             *p,
           double               x,
           double               cy,
           const NstGanttColor *color)
{
  PangoRectangle logical;

  pango_layout_get_extents (p->text, NULL, &logical);
  set_color (p->cr, color, 1);
  cairo_move_to (p->cr, x, cy - (double) logical.height / PANGO_SCALE / 2);
  pango_cairo_show_layout (p->cr, p->text);
}

static double
measure_small_cb (const char *string,
                  gpointer    user_data)
{
  Painter *p = user_data;

  set_text (p->text, p->small, string, -1, 1);
  return text_width (p->text);
}

/* ---- symbols ----------------------------------------------------------------- */

static void
diamond_path (cairo_t *cr,
              double   cx,
              double   cy,
              double   r)
{
  cairo_move_to (cr, cx, cy - r);
  cairo_line_to (cr, cx + r, cy);
  cairo_line_to (cr, cx, cy + r);
  cairo_line_to (cr, cx - r, cy);
  cairo_close_path (cr);
}

static void
shape_path (cairo_t           *cr,
            NstGanttShapeKind  kind,
            double             cx,
            double             cy,
            double             r)
{
  cairo_new_path (cr);
  if (kind == NST_GANTT_SHAPE_DIAMOND)
    diamond_path (cr, cx, cy, r);
  else
    cairo_arc (cr, cx, cy, r * 0.82, 0, 2 * G_PI);
}

/* ✓, ! and × as strokes, so no font needs the glyphs. */
static void
glyph (cairo_t             *cr,
       NstDeadlineState     state,
       double               cx,
       double               cy,
       double               r,
       const NstGanttColor *color)
{
  cairo_save (cr);
  set_color (cr, color, 1);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, MAX (1.0, r * 0.28));
  cairo_new_path (cr);
  if (state == NST_DEADLINE_DONE)
    {
      cairo_move_to (cr, cx - r * 0.42, cy + r * 0.02);
      cairo_line_to (cr, cx - r * 0.12, cy + r * 0.32);
      cairo_line_to (cr, cx + r * 0.44, cy - r * 0.3);
      cairo_stroke (cr);
    }
  else if (state == NST_DEADLINE_OVERDUE)
    {
      cairo_move_to (cr, cx, cy - r * 0.45);
      cairo_line_to (cr, cx, cy + r * 0.1);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy + r * 0.4, r * 0.15, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else if (state == NST_DEADLINE_CANCELLED)
    {
      cairo_set_line_width (cr, MAX (1.0, r * 0.18));
      cairo_move_to (cr, cx - r * 0.35, cy - r * 0.35);
      cairo_line_to (cr, cx + r * 0.35, cy + r * 0.35);
      cairo_move_to (cr, cx + r * 0.35, cy - r * 0.35);
      cairo_line_to (cr, cx - r * 0.35, cy + r * 0.35);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/**
 * nst_gantt_render_symbol:
 * @kind: a diamond or a mark (a bar is drawn as a mark)
 * @size: the symbol's width
 *
 * One state's symbol, as the chart draws it: for a legend of the widget's
 * own.
 */
void
nst_gantt_render_symbol (cairo_t               *cr,
                         const NstGanttPalette *palette,
                         NstGanttShapeKind      kind,
                         NstDeadlineState       state,
                         double                 cx,
                         double                 cy,
                         double                 size)
{
  const NstGanttColor *color = &palette->states[state];
  double r = size / 2;

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1.0, size * 0.12));
  shape_path (cr, kind, cx, cy, r);
  switch (state)
    {
    case NST_DEADLINE_PLANNED:
      set_color (cr, &palette->background, 1);
      cairo_fill_preserve (cr);
      set_color (cr, color, 1);
      cairo_stroke (cr);
      break;
    case NST_DEADLINE_DUE_SOON:
      /* Half full: the time is running out. */
      set_color (cr, &palette->background, 1);
      cairo_fill_preserve (cr);
      cairo_save (cr);
      cairo_clip_preserve (cr);
      cairo_rectangle (cr, cx - r, cy, 2 * r, r);
      set_color (cr, color, 1);
      cairo_fill (cr);
      cairo_restore (cr);
      shape_path (cr, kind, cx, cy, r);
      set_color (cr, color, 1);
      cairo_stroke (cr);
      break;
    case NST_DEADLINE_CANCELLED:
      set_color (cr, &palette->background, 1);
      cairo_fill_preserve (cr);
      set_color (cr, color, 1);
      cairo_set_dash (cr, (double[]) { 2, 2 }, 2, 0);
      cairo_stroke (cr);
      glyph (cr, state, cx, cy, r, color);
      break;
    case NST_DEADLINE_OVERDUE:
    case NST_DEADLINE_DONE:
    default:
      set_color (cr, color, 1);
      cairo_fill (cr);
      glyph (cr, state, cx, cy, r, &palette->on_state);
      break;
    }
  cairo_restore (cr);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}


/* ---- rows ---------------------------------------------------------------------- */

static double
shift_of (Painter           *p,
          const NstGanttRow *row)
{
  double first_day, n_days;

  if ((int) row->index != p->view->drag_row)
    return 0;
  nst_gantt_layout_get_view (p->layout, &first_day, &n_days);
  return p->view->drag_days / n_days;
}

static double
px (Painter *p,
    double   x)
{
  return nst_gantt_view_x_to_pixel (p->view, x);
}

/* A planned bar shows how much of its time has passed by the status date. */
static void
bar_progress (Painter *p,
              double   x0,
              double   x1,
              double   y,
              double   h)
{
  double status = px (p, nst_gantt_layout_get_status_x (p->layout));

  if (status <= x0)
    return;
  cairo_save (p->cr);
  rounded_rect (p->cr, x0, y, x1 - x0, h, 2);
  cairo_clip (p->cr);
  cairo_rectangle (p->cr, x0, y, MIN (status, x1) - x0, h);
  set_color (p->cr, &p->palette->states[NST_DEADLINE_PLANNED], 0.3);
  cairo_fill (p->cr);
  cairo_restore (p->cr);
}

static void
draw_bar (Painter             *p,
          const NstGanttShape *shape,
          double               cy,
          double               shift)
{
  const NstGanttColor *color = &p->palette->states[shape->state];
  double h = nst_gantt_view_get_bar_height (p->view);
  double size = nst_gantt_view_get_shape_size (p->view);
  double x0 = px (p, shape->x0 + shift), x1 = MAX (px (p, shape->x1 + shift), x0 + 2);
  double y = cy - h / 2;

  cairo_set_line_width (p->cr, 1);
  rounded_rect (p->cr, x0 + 0.5, y + 0.5, x1 - x0 - 1, h - 1, 2);
  switch (shape->state)
    {
    case NST_DEADLINE_PLANNED:
    case NST_DEADLINE_DUE_SOON:
      set_color (p->cr, color, shape->state == NST_DEADLINE_PLANNED ? 0.18 : 0.45);
      cairo_fill_preserve (p->cr);
      set_color (p->cr, color, 1);
      cairo_stroke (p->cr);
      if (shape->state == NST_DEADLINE_PLANNED)
        bar_progress (p, x0, x1, y, h);
      break;
    case NST_DEADLINE_CANCELLED:
      set_color (p->cr, color, 1);
      cairo_set_dash (p->cr, (double[]) { 3, 2 }, 2, 0);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      cairo_move_to (p->cr, x0, cy);
      cairo_line_to (p->cr, x1, cy);
      cairo_stroke (p->cr);
      break;
    case NST_DEADLINE_OVERDUE:
    case NST_DEADLINE_DONE:
    default:
      set_color (p->cr, color, 1);
      cairo_fill (p->cr);
      break;
    }
  if (nst_gantt_bar_has_symbol (p->view, shape->state, x1 - x0))
    nst_gantt_render_symbol (p->cr, p->palette, NST_GANTT_SHAPE_MARK, shape->state,
                             x1 - size * 0.6, cy, size * 0.95);
}

static void
draw_point (Painter             *p,
            const NstGanttShape *shape,
            double               cy,
            double               shift)
{
  double size = nst_gantt_view_get_shape_size (p->view);
  double x = px (p, shape->x + shift);

  /* A rule's occurrence that spans a quarter: the span behind the mark. */
  if (shape->kind == NST_GANTT_SHAPE_MARK && shape->first_day < shape->last_day)
    {
      set_color (p->cr, &p->palette->states[shape->state], 0.3);
      cairo_set_line_width (p->cr, MAX (2.0, size * 0.18));
      cairo_move_to (p->cr, px (p, shape->x0 + shift), cy);
      cairo_line_to (p->cr, x, cy);
      cairo_stroke (p->cr);
    }
  nst_gantt_render_symbol (p->cr, p->palette, shape->kind, shape->state, x, cy,
                           shape->kind == NST_GANTT_SHAPE_MARK ? size * 0.9 : size * 1.15);
}

static void
draw_bar_text (Painter           *p,
               const NstGanttRow *row,
               double             cy)
{
  double x, width;
  NstGanttLabelPlace place =
    nst_gantt_layout_place_row_label (p->layout, p->view, row->index, measure_small_cb, p,
                                      &x, &width);
  const NstGanttColor *color = &p->palette->foreground;

  if (place == NST_GANTT_LABEL_NONE)
    return;
  if (place == NST_GANTT_LABEL_INSIDE && row->n_shapes > 0 &&
      (row->state == NST_DEADLINE_DONE || row->state == NST_DEADLINE_OVERDUE))
    color = &p->palette->on_state;
  set_text (p->text, p->small, row->bar_text, -1, 1);
  show_text (p, x, cy, place == NST_GANTT_LABEL_INSIDE ? color : &p->palette->dim);
}

static void
draw_row_shapes (Painter           *p,
                 const NstGanttRow *row,
                 double             cy)
{
  double shift = shift_of (p, row);

  for (guint i = 0; i < row->n_shapes; i++)
    {
      const NstGanttShape *shape = &row->shapes[i];

      if (shape->x1 + shift < -0.05 || shape->x0 + shift > 1.05)
        continue;
      if (shape->kind == NST_GANTT_SHAPE_BAR)
        draw_bar (p, shape, cy, shift);
      else
        draw_point (p, shape, cy, shift);
    }
  draw_bar_text (p, row, cy);
}

static double
row_top (Painter *p,
         guint    index)
{
  return p->header + index * p->view->row_height - p->view->scroll_y;
}

/* Section rows, the selection and the hover, across labels and chart. */
static void
draw_row_backgrounds (Painter *p)
{
  for (guint r = p->first_row; r < p->end_row; r++)
    {
      const NstGanttRow *row = nst_gantt_layout_get_row (p->layout, r);
      double top = row_top (p, r);

      if (row->kind == NST_GANTT_ROW_GROUP)
        {
          cairo_rectangle (p->cr, 0, top, p->view->width, p->view->row_height);
          set_color (p->cr, &p->palette->header, 1);
          cairo_fill (p->cr);
        }
      if ((int) r == p->view->selected_row || (int) r == p->view->hover_row)
        {
          cairo_rectangle (p->cr, 0, top, p->view->width, p->view->row_height);
          set_color (p->cr, &p->palette->accent, (int) r == p->view->selected_row ? 0.16 : 0.07);
          cairo_fill (p->cr);
        }
      cairo_rectangle (p->cr, 0, floor (top + p->view->row_height) - 0.5, p->view->width, 0.5);
      set_color (p->cr, &p->palette->grid, 0.6);
      cairo_fill (p->cr);
    }
}

/* ---- the chart's body ---------------------------------------------------------- */

static void
clip_rect (cairo_t *cr,
           double   x,
           double   y,
           double   w,
           double   h)
{
  cairo_rectangle (cr, x, y, MAX (w, 0), MAX (h, 0));
  cairo_clip (cr);
}

static void
vertical_line (Painter             *p,
               double               x,
               double               y0,
               double               y1,
               const NstGanttColor *color,
               double               alpha,
               double               width)
{
  double at = round (px (p, x)) + (fmod (width, 2) == 1 ? 0.5 : 0);

  set_color (p->cr, color, alpha);
  cairo_set_line_width (p->cr, width);
  cairo_move_to (p->cr, at, y0);
  cairo_line_to (p->cr, at, y1);
  cairo_stroke (p->cr);
}

static void
draw_holidays (Painter *p,
               double   bottom)
{
  const NstGanttBand *band = nst_gantt_scale_find_band (p->scale, NST_GANTT_BAND_QUARTER);
  const NstGanttBand *days = nst_gantt_scale_find_band (p->scale, NST_GANTT_BAND_DAY);

  for (guint pass = 0; pass < 2; pass++)
    {
      const NstGanttBand *b = pass == 0 ? band : days;

      for (guint i = 0; b != NULL && i < b->n_ticks; i++)
        if (b->ticks[i].holiday)
          {
            double x0 = px (p, b->ticks[i].x0), x1 = px (p, b->ticks[i].x1);

            cairo_rectangle (p->cr, x0, p->header, x1 - x0, bottom - p->header);
            set_color (p->cr, &p->palette->holiday, pass == 0 ? 1 : 0.6);
            cairo_fill (p->cr);
          }
    }
}

/* Light lines at the finest ticks, stronger at quarters, strongest at
 * school years. */
static void
draw_grid (Painter *p,
           double   bottom)
{
  guint n = nst_gantt_scale_get_n_bands (p->scale);

  for (guint b = n; b-- > 0;)
    {
      const NstGanttBand *band = nst_gantt_scale_get_band (p->scale, b);
      double alpha = band->level == NST_GANTT_BAND_YEAR ? 2.0 : band->level == NST_GANTT_BAND_QUARTER ? 1.1 : 0.55;

      if (band->level != NST_GANTT_BAND_YEAR && band->level != NST_GANTT_BAND_QUARTER &&
          b + 1 != n)
        continue;
      for (guint i = 0; i < band->n_ticks; i++)
        if (band->ticks[i].x0 > 0)
          vertical_line (p, band->ticks[i].x0, p->header, bottom, &p->palette->grid, alpha, 1);
    }
}

/* A small label in a pill, beside a vertical line, at the top of the
 * rows; @line 1 puts it under the first, so that two never overlap. */
static void
draw_line_tag (Painter             *p,
               double               x,
               guint                line,
               const char          *label,
               const NstGanttColor *fill,
               const NstGanttColor *ink)
{
  double pad = p->view->font_size * 0.35;
  double h = p->view->font_size * 1.35;
  double w, left, top = p->header + 2 + line * (h + 2);

  set_text (p->text, p->small, label, -1, 1);
  w = text_width (p->text) + 2 * pad;
  left = x + 3;
  if (left + w > p->view->width)
    left = x - 3 - w;
  rounded_rect (p->cr, left, top, w, h, h / 2);
  set_color (p->cr, fill, 1);
  cairo_fill (p->cr);
  show_text (p, left + pad, top + h / 2, ink);
}

static void
draw_date_lines (Painter *p,
                 double   bottom)
{
  double today = nst_gantt_layout_get_today_x (p->layout);
  double status = nst_gantt_layout_get_status_x (p->layout);
  GDate status_date, today_date;

  nst_gantt_layout_get_status_date (p->layout, &status_date);
  nst_gantt_layout_get_today (p->layout, &today_date);
  if (g_date_compare (&status_date, &today_date) != 0 && status >= 0 && status <= 1)
    {
      g_autofree char *date = nst_date_format_ru (&status_date);
      g_autofree char *label = g_strdup_printf (_("as of %s"), date);
      double at = round (px (p, status)) + 0.5;

      set_color (p->cr, &p->palette->dim, 1);
      cairo_set_line_width (p->cr, 1.5);
      cairo_set_dash (p->cr, (double[]) { 4, 3 }, 2, 0);
      cairo_move_to (p->cr, at, p->header);
      cairo_line_to (p->cr, at, bottom);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      draw_line_tag (p, at, today >= 0 && today <= 1 ? 1 : 0, label, &p->palette->dim,
                     &p->palette->background);
    }
  if (today >= 0 && today <= 1)
    {
      vertical_line (p, today, p->header, bottom, &p->palette->accent, 1, 2);
      draw_line_tag (p, round (px (p, today)), 0, _("today"), &p->palette->accent, &p->palette->background);
    }
}

static void
draw_body (Painter *p)
{
  double bottom = MIN (p->view->height, row_top (p, nst_gantt_layout_get_n_rows (p->layout)));

  cairo_save (p->cr);
  clip_rect (p->cr, p->view->label_width, p->header, p->chart_width, p->view->height - p->header);
  draw_holidays (p, bottom);
  draw_grid (p, bottom);
  for (guint r = p->first_row; r < p->end_row; r++)
    {
      const NstGanttRow *row = nst_gantt_layout_get_row (p->layout, r);

      if (row->kind == NST_GANTT_ROW_TASK)
        draw_row_shapes (p, row, row_top (p, r) + p->view->row_height / 2);
    }
  draw_date_lines (p, bottom);
  cairo_restore (p->cr);
}

/* ---- the labels column ----------------------------------------------------------- */

static void
draw_row_label (Painter           *p,
                const NstGanttRow *row,
                double             top)
{
  double pad = p->view->font_size * 0.5;
  double number_width = p->view->font_size * 1.6;
  double symbol = p->view->font_size * 0.85;
  double cy = top + p->view->row_height / 2;
  double x = pad;

  if (row->kind == NST_GANTT_ROW_GROUP)
    {
      set_text (p->text, p->bold, row->label, p->view->label_width - 2 * pad, p->view->label_lines);
      show_text (p, x, cy, &p->palette->foreground);
      return;
    }
  if (row->number != NULL)
    {
      set_text (p->text, p->small, row->number, -1, 1);
      show_text (p, x, cy, &p->palette->dim);
      x += number_width;
    }
  set_text (p->text, p->font, row->label,
            p->view->label_width - x - pad * 2 - symbol, p->view->label_lines);
  show_text (p, x, cy, &p->palette->foreground);
  if (row->n_shapes > 0)
    nst_gantt_render_symbol (p->cr, p->palette, NST_GANTT_SHAPE_MARK, row->state,
                             p->view->label_width - pad - symbol / 2, cy, symbol);
}

static void
draw_labels (Painter *p)
{
  cairo_save (p->cr);
  clip_rect (p->cr, 0, p->header, p->view->label_width, p->view->height - p->header);
  for (guint r = p->first_row; r < p->end_row; r++)
    draw_row_label (p, nst_gantt_layout_get_row (p->layout, r), row_top (p, r));
  cairo_restore (p->cr);
}

/* ---- the timescale ---------------------------------------------------------------- */

static void
draw_band (Painter            *p,
           const NstGanttBand *band,
           double              top)
{
  double h = p->view->band_height;

  for (guint i = 0; i < band->n_ticks; i++)
    {
      const NstGanttTick *tick = &band->ticks[i];
      double x0 = px (p, tick->x0), x1 = px (p, tick->x1);

      if (tick->holiday)
        {
          cairo_rectangle (p->cr, x0, top, x1 - x0, h);
          set_color (p->cr, &p->palette->holiday, 1.4);
          cairo_fill (p->cr);
        }
      if (tick->x0 > 0)
        {
          cairo_rectangle (p->cr, round (x0), top, 1, h);
          set_color (p->cr, &p->palette->grid, 1.2);
          cairo_fill (p->cr);
        }
      if (tick->label == NULL)
        continue;
      set_text (p->text, band->level == NST_GANTT_BAND_YEAR ? p->bold : p->small, tick->label, -1, 1);
      show_text (p, px (p, tick->label_x) - text_width (p->text) / 2, top + h / 2,
                 band->level == NST_GANTT_BAND_YEAR ? &p->palette->foreground : &p->palette->dim);
    }
  cairo_rectangle (p->cr, p->view->label_width, floor (top + h) - 1, p->chart_width, 1);
  set_color (p->cr, &p->palette->grid, 1.2);
  cairo_fill (p->cr);
}

static void
draw_header (Painter *p)
{
  guint n = nst_gantt_scale_get_n_bands (p->scale);

  cairo_save (p->cr);
  cairo_rectangle (p->cr, 0, 0, p->view->width, p->header);
  set_color (p->cr, &p->palette->header, 1);
  cairo_fill (p->cr);
  clip_rect (p->cr, p->view->label_width, 0, p->chart_width, p->header);
  for (guint b = 0; b < n; b++)
    draw_band (p, nst_gantt_scale_get_band (p->scale, b), b * p->view->band_height);
  cairo_restore (p->cr);

  /* The corner names the labels column. */
  cairo_save (p->cr);
  clip_rect (p->cr, 0, 0, p->view->label_width, p->header);
  set_text (p->text, p->bold, C_("gantt column", "Activity"), p->view->label_width, 1);
  show_text (p, p->view->font_size * 0.5, p->header - p->view->band_height / 2,
             &p->palette->dim);
  cairo_restore (p->cr);
}

static void
draw_frame (Painter *p)
{
  double bottom = MIN (p->view->height, row_top (p, nst_gantt_layout_get_n_rows (p->layout)));

  set_color (p->cr, &p->palette->grid, 2.2);
  cairo_rectangle (p->cr, floor (p->view->label_width) - 1, 0, 1, MAX (bottom, p->header));
  cairo_fill (p->cr);
  cairo_rectangle (p->cr, 0, floor (p->header) - 1, p->view->width, 1);
  cairo_fill (p->cr);
}

/* ---- the whole ---------------------------------------------------------------------- */

static void
painter_init (Painter               *p,
              cairo_t               *cr,
              NstGanttLayout        *layout,
              const NstGanttView    *view,
              const NstGanttPalette *palette)
{
  guint n_rows = nst_gantt_layout_get_n_rows (layout);
  double rows_height;

  p->cr = cr;
  p->layout = layout;
  p->view = view;
  p->palette = palette;
  p->text = pango_cairo_create_layout (cr);
  p->font = font_new (view->font_family, view->font_size, PANGO_WEIGHT_NORMAL);
  p->bold = font_new (view->font_family, view->font_size * 0.95, PANGO_WEIGHT_BOLD);
  p->small = font_new (view->font_family, view->font_size * 0.9, PANGO_WEIGHT_NORMAL);
  p->chart_width = nst_gantt_view_get_chart_width (view);
  p->header = nst_gantt_view_get_header_height (view, layout);
  p->scale = nst_gantt_scale_new (layout, p->chart_width, measure_small_cb, p);
  rows_height = MAX (view->height - p->header, 0);
  p->first_row = MIN (n_rows, (guint) MAX (0, floor (view->scroll_y / view->row_height)));
  p->end_row = MIN (n_rows, (guint) MAX (0, ceil ((view->scroll_y + rows_height) / view->row_height)));
}

static void
painter_clear (Painter *p)
{
  g_clear_object (&p->text);
  g_clear_pointer (&p->font, pango_font_description_free);
  g_clear_pointer (&p->bold, pango_font_description_free);
  g_clear_pointer (&p->small, pango_font_description_free);
  g_clear_pointer (&p->scale, nst_gantt_scale_free);
}

/**
 * nst_gantt_render:
 * @cr: where to draw, with (0, 0) at the chart's top left corner
 * @view: the frame in @cr's units: size, labels column, rows, scroll,
 *   selection
 *
 * Draws the chart: the timescale on top, the row labels on the left, the
 * rows in sight with their shapes and texts, the holidays, the grid, the
 * today and status date lines. Only the rows in sight are drawn, so a
 * frame costs the same for ten items or a thousand.
 */
void
nst_gantt_render (cairo_t               *cr,
                  NstGanttLayout        *layout,
                  const NstGanttView    *view,
                  const NstGanttPalette *palette)
{
  Painter p = { 0 };

  cairo_save (cr);
  clip_rect (cr, 0, 0, view->width, view->height);
  painter_init (&p, cr, layout, view, palette);
  set_color (cr, &palette->background, 1);
  cairo_paint (cr);
  draw_row_backgrounds (&p);
  draw_body (&p);
  draw_labels (&p);
  draw_header (&p);
  draw_frame (&p);
  painter_clear (&p);
  cairo_restore (cr);
}

/**
 * nst_gantt_render_legend:
 * @x: the left of the legend
 * @y: its top
 * @width: (out) (optional): how wide it came out
 * @height: (out) (optional): how tall
 *
 * The states with their symbols and the kinds of shapes, in one line.
 */
void
nst_gantt_render_legend (cairo_t               *cr,
                         const NstGanttPalette *palette,
                         const char            *font_family,
                         double                 font_size,
                         double                 x,
                         double                 y,
                         double                *width,
                         double                *height)
{
  static const NstDeadlineState order[] = {
    NST_DEADLINE_DONE, NST_DEADLINE_DUE_SOON, NST_DEADLINE_OVERDUE,
    NST_DEADLINE_PLANNED, NST_DEADLINE_CANCELLED,
  };
  const char *kinds[] = { C_("gantt legend", "period"), C_("gantt legend", "deadline"),
                          C_("gantt legend", "each occurrence of a rule") };
  g_autoptr(PangoLayout) text = pango_cairo_create_layout (cr);
  PangoFontDescription *font = font_new (font_family, font_size, PANGO_WEIGHT_NORMAL);
  double size = font_size * 1.1, cy = y + font_size, left = x;
  PangoRectangle logical;

  cairo_save (cr);
  for (guint i = 0; i < G_N_ELEMENTS (order) + G_N_ELEMENTS (kinds); i++)
    {
      gboolean state = i < G_N_ELEMENTS (order);
      guint k = i - G_N_ELEMENTS (order);

      if (state)
        nst_gantt_render_symbol (cr, palette, NST_GANTT_SHAPE_MARK, order[i], x + size / 2, cy, size);
      else if (k == NST_GANTT_SHAPE_BAR)
        {
          rounded_rect (cr, x, cy - size * 0.3, size * 1.6, size * 0.6, 2);
          set_color (cr, &palette->dim, 0.6);
          cairo_fill (cr);
        }
      else
        {
          shape_path (cr, k, x + size / 2, cy, size / 2);
          set_color (cr, &palette->dim, 0.6);
          cairo_fill (cr);
        }
      x += (!state && k == NST_GANTT_SHAPE_BAR ? size * 1.6 : size) + font_size * 0.4;
      set_text (text, font, state ? nst_deadline_state_label (order[i]) : kinds[k], -1, 1);
      set_color (cr, state ? &palette->foreground : &palette->dim, 1);
      pango_layout_get_extents (text, NULL, &logical);
      cairo_move_to (cr, x, cy - (double) logical.height / PANGO_SCALE / 2);
      pango_cairo_show_layout (cr, text);
      x += text_width (text) + font_size * (i + 1 == G_N_ELEMENTS (order) ? 2.5 : 1.2);
    }
  cairo_restore (cr);
  pango_font_description_free (font);
  if (width != NULL)
    *width = x - left;
  if (height != NULL)
    *height = font_size * 2;
}

/* Not cairo_debug_reset_static_data(): it asserts that no cairo font is
 * alive anywhere, and under load a command once aborted there after its
 * chart was written. What it would free is reachable, not leaked. */
void
nst_gantt_render_release_fonts (void)
{
  pango_cairo_font_map_set_default (NULL);
  FcFini ();
}
