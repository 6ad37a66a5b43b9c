/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-gantt-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "schedule/nst-date.h"
#include "roadmap/nst-gantt-chart.h"
#include "model/nst-plan-item.h"
#include "model/nst-roadmap-item.h"

/* Room left around the period when scrolling, in days. */
#define PERIOD_MARGIN_DAYS 14.0
/* The narrowest view: a few weeks. */
#define MIN_VIEW_DAYS 14.0
/* One step of the − / + buttons and keys; Ctrl+scroll zooms by a power of it. */
#define ZOOM_STEP 1.5

typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,   /* a bar or a diamond, by whole days */
  DRAG_PAN,    /* the chart, across time and down the rows */
} DragMode;

struct _NstGanttChart
{
  GtkWidget parent_instance;

  NstGanttLayout *layout;
  NstGanttView frame;        /* the core's frame in pixels: redone on size and font changes only */
  NstGanttPalette palette;
  char *font_family;
  double font_size;
  gboolean has_period;
  GDate period_first;
  GDate period_last;

  GtkAdjustment *hadjustment;  /* in days: value is the first day shown */
  GtkAdjustment *vadjustment;  /* in pixels: value is how far the rows are scrolled */
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;
  gboolean configuring;

  DragMode drag_mode;
  double drag_first_day;     /* for panning: where the view was when the drag began */
  double drag_scroll_y;
  double pointer_x;          /* for zooming around the pointer */
  gboolean pointer_inside;
  GtkWidget *tooltip_label;  /* kept: the tooltip wraps long items */
};

G_DEFINE_FINAL_TYPE_WITH_CODE (NstGanttChart, nst_gantt_chart, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  ROW_ACTIVATED,
  MOVE_REQUESTED,
  VIEW_CHANGED,
  PALETTE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- helpers ------------------------------------------------------------ */

static const NstGanttRow *
task_row (NstGanttChart *self,
          int            index)
{
  const NstGanttRow *row;

  if (self->layout == NULL || index < 0)
    return NULL;
  row = nst_gantt_layout_get_row (self->layout, index);
  return row != NULL && row->kind == NST_GANTT_ROW_TASK ? row : NULL;
}

static double
view_first_day (NstGanttChart *self)
{
  double first_day = 0;

  if (self->layout != NULL)
    nst_gantt_layout_get_view (self->layout, &first_day, NULL);
  return first_day;
}

static double
view_n_days (NstGanttChart *self)
{
  double n_days = 1;

  if (self->layout != NULL)
    nst_gantt_layout_get_view (self->layout, NULL, &n_days);
  return n_days;
}

static double
pixels_per_day (NstGanttChart *self)
{
  return nst_gantt_view_get_chart_width (&self->frame) / view_n_days (self);
}

static double
rows_page_height (NstGanttChart *self)
{
  if (self->layout == NULL)
    return 1;
  return MAX (self->frame.height - nst_gantt_view_get_header_height (&self->frame, self->layout), 1);
}

static double
rows_height (NstGanttChart *self)
{
  if (self->layout == NULL)
    return 0;
  return nst_gantt_layout_get_n_rows (self->layout) * self->frame.row_height;
}

/* The days a scrollbar can reach: the period and every shape, with a
 * margin. */
static void
get_domain (NstGanttChart *self,
            double        *lower,
            double        *upper)
{
  GDate first, last;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  if (self->has_period)
    {
      lo = g_date_get_julian (&self->period_first);
      hi = g_date_get_julian (&self->period_last) + 1;
    }
  if (self->layout != NULL && nst_gantt_layout_get_extent (self->layout, &first, &last))
    {
      lo = MIN (lo, g_date_get_julian (&first));
      hi = MAX (hi, g_date_get_julian (&last) + 1);
    }
  if (lo > hi)
    {
      lo = view_first_day (self);
      hi = lo + view_n_days (self);
    }
  *lower = lo - PERIOD_MARGIN_DAYS;
  *upper = hi + PERIOD_MARGIN_DAYS;
}

/* The widest view: the whole period, or everything without one. */
static double
max_view_days (NstGanttChart *self)
{
  double lower, upper;

  if (self->has_period)
    return g_date_get_julian (&self->period_last) - g_date_get_julian (&self->period_first) + 1.0;
  get_domain (self, &lower, &upper);
  return upper - lower;
}

/* ---- the frame and the scrollbars ------------------------------------------ */

static void
configure_adjustments (NstGanttChart *self)
{
  double lower, upper, first_day = view_first_day (self), n_days = view_n_days (self);
  double page = rows_page_height (self), total = rows_height (self);

  get_domain (self, &lower, &upper);
  self->frame.scroll_y = CLAMP (self->frame.scroll_y, 0, MAX (total - page, 0));
  self->configuring = TRUE;
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, first_day, lower, upper,
                              n_days / 10, n_days * 0.9, n_days);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, self->frame.scroll_y, 0, MAX (total, page),
                              self->frame.row_height, page * 0.9, page);
  self->configuring = FALSE;
}

/* Keeps the view inside the domain, between a few weeks and the whole. */
static void
clamp_view (NstGanttChart *self)
{
  double lower, upper, first_day, n_days;

  if (self->layout == NULL)
    return;
  get_domain (self, &lower, &upper);
  n_days = CLAMP (view_n_days (self), MIN_VIEW_DAYS, MAX (max_view_days (self), MIN_VIEW_DAYS));
  first_day = CLAMP (view_first_day (self), lower, MAX (upper - n_days, lower));
  nst_gantt_layout_set_view (self->layout, first_day, n_days);
}

static void
view_changed (NstGanttChart *self)
{
  clamp_view (self);
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

static double
widget_font_size (NstGanttChart *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double dpi = pango_cairo_context_get_resolution (context);
  double size;

  if (font == NULL || pango_font_description_get_size (font) <= 0)
    return 14.0;
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    size *= (dpi > 0 ? dpi : 96.0) / 72.0;
  return size;
}

static void
update_font (NstGanttChart *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  const char *family = font ? pango_font_description_get_family (font) : NULL;

  g_free (self->font_family);
  self->font_family = g_strdup (family);
  self->font_size = widget_font_size (self);
}

/* The frame keeps the selection, the hover, the drag and the scroll; the
 * rest follows the size and the font. */
static void
update_frame (NstGanttChart *self)
{
  NstGanttView old = self->frame;
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);

  nst_gantt_view_init (&self->frame, width, height, self->font_size);
  self->frame.font_family = self->font_family;
  self->frame.label_width = round (CLAMP (width * 0.3, MIN (self->font_size * 14, width / 2),
                                          self->font_size * 32));
  self->frame.row_height = ceil (self->font_size * 2.1);
  self->frame.scroll_y = old.scroll_y;
  self->frame.selected_row = old.selected_row;
  self->frame.hover_row = old.hover_row;
  self->frame.drag_row = old.drag_row;
  self->frame.drag_days = old.drag_days;
}

static NstGanttColor
color_from_rgba (const GdkRGBA *rgba,
                 double         alpha)
{
  NstGanttColor color = { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };

  return color;
}

static gboolean
lookup_color (NstGanttChart *self,
              const char    *name,
              GdkRGBA       *out)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  return gtk_style_context_lookup_color (context, name, out);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
set_from_theme (NstGanttChart *self,
                const char    *name,
                NstGanttColor *color)
{
  GdkRGBA rgba;

  if (lookup_color (self, name, &rgba))
    *color = color_from_rgba (&rgba, 1);
}

/* The background of the labels column and the timescale: the view's, a
 * shade towards the text. */
static NstGanttColor
shade (const GdkRGBA *background,
       const GdkRGBA *foreground,
       double         amount)
{
  NstGanttColor color = {
    background->red + (foreground->red - background->red) * amount,
    background->green + (foreground->green - background->green) * amount,
    background->blue + (foreground->blue - background->blue) * amount,
    1,
  };

  return color;
}

/* libadwaita's named colours, so that the dark style and high contrast
 * work; the core's palettes where the theme does not say. */
static void
update_palette (NstGanttChart *self)
{
  NstGanttPalette *p = &self->palette;
  GdkRGBA fg, bg;

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    nst_gantt_palette_init_dark (p);
  else
    nst_gantt_palette_init_light (p);
  set_from_theme (self, "accent_color", &p->accent);
  set_from_theme (self, "accent_color", &p->states[NST_DEADLINE_PLANNED]);
  set_from_theme (self, "warning_color", &p->states[NST_DEADLINE_DUE_SOON]);
  set_from_theme (self, "error_color", &p->states[NST_DEADLINE_OVERDUE]);
  set_from_theme (self, "success_color", &p->states[NST_DEADLINE_DONE]);
  if (lookup_color (self, "view_fg_color", &fg) && lookup_color (self, "view_bg_color", &bg))
    {
      p->foreground = color_from_rgba (&fg, 1);
      p->dim = color_from_rgba (&fg, 0.62);
      p->grid = color_from_rgba (&fg, 0.11);
      p->holiday = color_from_rgba (&fg, 0.055);
      p->states[NST_DEADLINE_CANCELLED] = color_from_rgba (&fg, 0.5);
      p->background = color_from_rgba (&bg, 1);
      /* ✓ and ! cut out of a filled shape: the background shows through. */
      p->on_state = color_from_rgba (&bg, 1);
      p->header = shade (&bg, &fg, 0.045);
    }
  g_signal_emit (self, signals[PALETTE_CHANGED], 0);
}

/* ---- selection ---------------------------------------------------------------- */

static void
update_accessible_description (NstGanttChart *self)
{
  const NstGanttRow *row = task_row (self, self->frame.selected_row);
  g_autofree char *text = NULL;

  if (row != NULL)
    /* Translators: the selected row of the chart: its text, then its state */
    text = g_strdup_printf (_("Selected: %s — %s"), row->label, nst_deadline_state_label (row->state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text ? text : _("Use the arrow keys to choose an item, Enter to open it"),
                                  -1);
}

/* The row comes into sight down the chart; across time too when none of
 * its shapes is in the visible days. */
static void
reveal_row (NstGanttChart *self,
            int            index)
{
  const NstGanttRow *row = task_row (self, index);
  double top = index * self->frame.row_height, page = rows_page_height (self);
  double scroll_y = self->frame.scroll_y, best = G_MAXDOUBLE, target = 0;

  if (row == NULL)
    return;
  if (top < scroll_y)
    scroll_y = top;
  else if (top + self->frame.row_height > scroll_y + page)
    scroll_y = top + self->frame.row_height - page;
  self->frame.scroll_y = scroll_y;
  for (guint i = 0; i < row->n_shapes; i++)
    {
      const NstGanttShape *shape = &row->shapes[i];

      if (shape->x1 > 0 && shape->x0 < 1)
        {
          best = -1;
          break;
        }
      if (fabs (shape->x - 0.5) < best)
        {
          best = fabs (shape->x - 0.5);
          target = shape->last_day + 0.5;
        }
    }
  if (best >= 0 && best < G_MAXDOUBLE)
    nst_gantt_layout_set_view (self->layout, target - view_n_days (self) / 2, view_n_days (self));
  view_changed (self);
}

static int
next_task_row (NstGanttChart *self,
               int            from,
               int            step)
{
  int n = self->layout ? (int) nst_gantt_layout_get_n_rows (self->layout) : 0;

  for (int r = from + step; r >= 0 && r < n; r += step)
    if (task_row (self, r) != NULL)
      return r;
  return -1;
}

static void
activate_selected (NstGanttChart *self)
{
  if (task_row (self, self->frame.selected_row) != NULL)
    g_signal_emit (self, signals[ROW_ACTIVATED], 0, self->frame.selected_row);
}

/* ---- the tooltip ----------------------------------------------------------------- */

static char *
format_span (const GDate *start,
             const GDate *due)
{
  g_autofree char *from = nst_date_format_ru (start);
  g_autofree char *to = nst_date_format_ru (due);

  if (g_date_compare (start, due) == 0)
    /* Translators: a deadline, «до 25.10.2025» */
    return g_strdup_printf (_("by %s"), to);
  /* Translators: a period, «с 01.09.2025 по 31.05.2026» */
  return g_strdup_printf (_("from %s to %s"), from, to);
}

static void
append_line (GString    *markup,
             const char *title,
             const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_markup_printf_escaped ("\n<b>%s</b> %s", title, value);
  g_string_append (markup, escaped);
}

static void
append_roadmap_item (GString        *markup,
                     NstRoadmapItem *item)
{
  g_autofree char *responsible = nst_roadmap_item_dup_responsible_text (item);
  g_autoptr(GString) indicator = g_string_new (nst_roadmap_item_get_indicator (item));
  const char *target = nst_roadmap_item_get_indicator_target (item);
  const char *value = nst_roadmap_item_get_indicator_value (item);

  append_line (markup, _("Schedule:"), nst_roadmap_item_get_schedule (item));
  append_line (markup, _("Responsible:"), responsible);
  if (*target != '\0')
    g_string_append_printf (indicator, indicator->len ? "; %s %s" : "%s %s", _("target"), target);
  if (*value != '\0')
    {
      g_autofree char *on = nst_date_iso_to_ru (nst_roadmap_item_get_indicator_on (item));

      g_string_append_printf (indicator, indicator->len ? "; %s %s" : "%s %s", _("reached"), value);
      if (*on != '\0')
        /* Translators: when the indicator's value was measured, «(на 01.10.2025)» */
        g_string_append_printf (indicator, _(" (as of %s)"), on);
    }
  append_line (markup, _("Indicator:"), indicator->str);
  append_line (markup, _("Status:"), nst_roadmap_status_label (nst_roadmap_item_get_status (item)));
}

static void
append_plan_item (GString     *markup,
                  NstPlanItem *item)
{
  append_line (markup, _("Schedule:"), nst_plan_item_get_schedule (item));
  append_line (markup, _("Responsible:"), nst_plan_item_get_responsible (item));
  append_line (markup, _("Expected result:"), nst_plan_item_get_expected_result (item));
}

static char *
tooltip_markup (NstGanttChart     *self,
                const NstGanttRow *row,
                int                shape_index)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (row->label, -1);
  g_autofree char *status_text = NULL;
  g_autofree char *state_line = NULL;
  GDate status_date;

  g_string_append_printf (markup, "<b>%s</b>", title);
  if (row->object != NULL && NST_IS_ROADMAP_ITEM (row->object))
    append_roadmap_item (markup, NST_ROADMAP_ITEM (row->object));
  else if (row->object != NULL && NST_IS_PLAN_ITEM (row->object))
    append_plan_item (markup, NST_PLAN_ITEM (row->object));
  if (shape_index >= 0 && (guint) shape_index < row->n_shapes)
    {
      const NstGanttShape *shape = &row->shapes[shape_index];
      g_autofree char *span = format_span (&shape->start, &shape->due);
      g_autofree char *line = g_strdup_printf ("%s — %s", span, nst_deadline_state_label (shape->state));

      append_line (markup, row->n_shapes > 1 ? _("This time:") : _("Dates:"), line);
    }
  nst_gantt_layout_get_status_date (self->layout, &status_date);
  status_text = nst_date_format_ru (&status_date);
  /* Translators: «Состояние на 15.11.2025:» */
  state_line = g_strdup_printf (_("State as of %s:"), status_text);
  append_line (markup, state_line, nst_deadline_state_label (row->state));
  if (row->can_move && row->object != NULL)
    {
      g_autofree char *hint = g_markup_escape_text (_("Drag to move; double-click to open"), -1);

      g_string_append_printf (markup, "\n<small>%s</small>", hint);
    }
  return g_string_free (markup, FALSE);
}

static gboolean
nst_gantt_chart_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  NstGanttChart *self = NST_GANTT_CHART (widget);
  const NstGanttRow *row;
  g_autofree char *markup = NULL;
  NstGanttHit hit;
  double top;

  if (self->layout == NULL || self->drag_mode != DRAG_NONE)
    return FALSE;
  if (keyboard_mode)
    {
      hit.row = self->frame.selected_row;
      hit.shape = -1;
    }
  else
    nst_gantt_layout_hit (self->layout, &self->frame, x, y, &hit);
  if ((row = task_row (self, hit.row)) == NULL)
    return FALSE;
  markup = tooltip_markup (self, row, hit.shape);
  if (self->tooltip_label == NULL)
    {
      self->tooltip_label = g_object_ref_sink (gtk_label_new (NULL));
      gtk_label_set_wrap (GTK_LABEL (self->tooltip_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (self->tooltip_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (self->tooltip_label), 64);
      gtk_label_set_xalign (GTK_LABEL (self->tooltip_label), 0);
    }
  gtk_label_set_markup (GTK_LABEL (self->tooltip_label), markup);
  gtk_tooltip_set_custom (tooltip, self->tooltip_label);
  top = nst_gantt_view_row_to_pixel (&self->frame, self->layout, hit.row);
  if (hit.shape >= 0)
    {
      double cx = nst_gantt_view_x_to_pixel (&self->frame, row->shapes[hit.shape].x);

      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) cx - 6, (int) top, 12,
                                                           (int) self->frame.row_height });
    }
  else
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { 0, (int) top, (int) self->frame.width,
                                                         (int) self->frame.row_height });
  return TRUE;
}

/* ---- input ----------------------------------------------------------------------- */

static gboolean
hit_test (NstGanttChart *self,
          double         x,
          double         y,
          NstGanttHit   *hit)
{
  if (self->layout == NULL)
    {
      hit->area = NST_GANTT_HIT_NONE;
      hit->row = hit->shape = hit->occurrence = -1;
      return FALSE;
    }
  return nst_gantt_layout_hit (self->layout, &self->frame, x, y, hit);
}

static gboolean
on_movable_shape (NstGanttChart     *self,
                  const NstGanttHit *hit)
{
  const NstGanttRow *row = task_row (self, hit->row);

  return row != NULL && hit->area == NST_GANTT_HIT_SHAPE && row->can_move;
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  NstGanttChart   *self)
{
  NstGanttHit hit;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  hit_test (self, x, y, &hit);
  if (task_row (self, hit.row) == NULL)
    return;
  nst_gantt_chart_select_row (self, hit.row);
  if (n_press == 2)
    activate_selected (self);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               NstGanttChart  *self)
{
  NstGanttHit hit;

  hit_test (self, x, y, &hit);
  if (on_movable_shape (self, &hit))
    {
      self->drag_mode = DRAG_MOVE;
      self->frame.drag_row = hit.row;
      self->frame.drag_days = 0;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  else if (self->layout != NULL && x >= self->frame.label_width)
    {
      self->drag_mode = DRAG_PAN;
      self->drag_first_day = view_first_day (self);
      self->drag_scroll_y = self->frame.scroll_y;
    }
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                NstGanttChart  *self)
{
  double ppd = pixels_per_day (self);

  if (self->drag_mode == DRAG_MOVE)
    {
      double days = round (dx / ppd);

      if (days != self->frame.drag_days)
        {
          self->frame.drag_days = days;
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
    }
  else if (self->drag_mode == DRAG_PAN)
    {
      nst_gantt_layout_set_view (self->layout, self->drag_first_day - dx / ppd, view_n_days (self));
      self->frame.scroll_y = self->drag_scroll_y - dy;
      view_changed (self);
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             NstGanttChart  *self)
{
  int row = self->frame.drag_row;
  int days = (int) self->frame.drag_days;
  DragMode mode = self->drag_mode;

  self->drag_mode = DRAG_NONE;
  self->frame.drag_row = -1;
  self->frame.drag_days = 0;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (mode == DRAG_MOVE && days != 0)
    nst_gantt_chart_request_move (self, row, days);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           NstGanttChart            *self)
{
  NstGanttHit hit;
  int hover;

  self->pointer_x = x;
  self->pointer_inside = TRUE;
  if (self->drag_mode != DRAG_NONE)
    return;
  hit_test (self, x, y, &hit);
  hover = task_row (self, hit.row) != NULL ? hit.row : -1;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), on_movable_shape (self, &hit) ? "grab" : NULL);
  if (hover != self->frame.hover_row)
    {
      self->frame.hover_row = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          NstGanttChart            *self)
{
  self->pointer_inside = FALSE;
  if (self->frame.hover_row != -1)
    {
      self->frame.hover_row = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
zoom_at (NstGanttChart *self,
         double         factor,
         double         anchor_x)
{
  if (self->layout == NULL)
    return;
  nst_gantt_layout_zoom (self->layout, factor, CLAMP (anchor_x, 0, 1));
  view_changed (self);
}

/* Ctrl+scroll zooms around the pointer; plain scrolling is the scrolled
 * window's. */
static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           NstGanttChart            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return GDK_EVENT_PROPAGATE;
  zoom_at (self, pow (ZOOM_STEP, -dy / 2), nst_gantt_view_pixel_to_x (&self->frame, self->pointer_x));
  return GDK_EVENT_STOP;
}

/* ---- keys ---------------------------------------------------------------------------- */

static gboolean
move_selection_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  NstGanttChart *self = NST_GANTT_CHART (widget);
  int step = g_variant_get_int32 (args);
  int n = self->layout ? (int) nst_gantt_layout_get_n_rows (self->layout) : 0;
  int from = self->frame.selected_row;
  int to;

  if (step == G_MAXINT32 || step == G_MININT32)
    to = step > 0 ? next_task_row (self, n, -1) : next_task_row (self, -1, 1);
  else if (from < 0)
    to = step > 0 ? next_task_row (self, -1, 1) : next_task_row (self, n, -1);
  else
    to = next_task_row (self, from, step > 0 ? 1 : -1);
  if (to >= 0)
    nst_gantt_chart_select_row (self, to);
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  activate_selected (NST_GANTT_CHART (widget));
  return TRUE;
}

static gboolean
scroll_days_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  NstGanttChart *self = NST_GANTT_CHART (widget);

  if (self->layout == NULL)
    return FALSE;
  nst_gantt_layout_scroll (self->layout, g_variant_get_double (args));
  view_changed (self);
  return TRUE;
}

static gboolean
zoom_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  NstGanttChart *self = NST_GANTT_CHART (widget);
  double factor = g_variant_get_double (args);

  if (factor == 0)
    nst_gantt_chart_show_period (self);
  else
    nst_gantt_chart_zoom (self, factor);
  return TRUE;
}

/* ---- GtkScrollable ------------------------------------------------------------------- */

static void
hadjustment_value_changed_cb (GtkAdjustment *adjustment,
                              NstGanttChart *self)
{
  if (self->configuring || self->layout == NULL)
    return;
  nst_gantt_layout_set_view (self->layout, gtk_adjustment_get_value (adjustment), view_n_days (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

static void
vadjustment_value_changed_cb (GtkAdjustment *adjustment,
                              NstGanttChart *self)
{
  if (self->configuring)
    return;
  self->frame.scroll_y = gtk_adjustment_get_value (adjustment);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (NstGanttChart  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                GCallback       callback)
{
  if (adjustment != NULL && *slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, callback, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", callback, self);
  configure_adjustments (self);
}

/* ---- GtkWidget ------------------------------------------------------------------------- */

static void
draw_focus (NstGanttChart *self,
            GtkSnapshot   *snapshot)
{
  const NstGanttColor *c = &self->palette.accent;
  GdkRGBA color = { c->red, c->green, c->blue, c->alpha };
  GdkRGBA colors[4] = { color, color, color, color };
  float widths[4] = { 2, 2, 2, 2 };
  double header = nst_gantt_view_get_header_height (&self->frame, self->layout);
  double top, height;
  GskRoundedRect outline;

  if (!gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    return;
  if (task_row (self, self->frame.selected_row) != NULL)
    {
      top = nst_gantt_view_row_to_pixel (&self->frame, self->layout, self->frame.selected_row);
      height = self->frame.row_height;
      if (top < header)
        return;
    }
  else
    {
      top = header;
      height = self->frame.height - header;
    }
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, top + 1, self->frame.width - 2,
                                                                 height - 2), 3);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
nst_gantt_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  NstGanttChart *self = NST_GANTT_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  nst_gantt_render (cr, self->layout, &self->frame, &self->palette);
  cairo_destroy (cr);
  draw_focus (self, snapshot);
}

static void
nst_gantt_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  NstGanttChart *self = NST_GANTT_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) (self->font_size * 24);
      *natural = (int) (self->font_size * 60);
    }
  else
    {
      /* The rows scroll: a tall roadmap asks for no more than a screenful. */
      *minimum = (int) (self->font_size * 12);
      *natural = (int) CLAMP (self->frame.band_height * 4 + rows_height (self), *minimum,
                              self->font_size * 48);
    }
}

static void
nst_gantt_chart_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  NstGanttChart *self = NST_GANTT_CHART (widget);

  update_frame (self);
  clamp_view (self);
  configure_adjustments (self);
}

static void
nst_gantt_chart_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  NstGanttChart *self = NST_GANTT_CHART (widget);

  GTK_WIDGET_CLASS (nst_gantt_chart_parent_class)->css_changed (widget, change);
  update_font (self);
  update_palette (self);
  update_frame (self);
  gtk_widget_queue_resize (widget);
}

static void
nst_gantt_chart_focus_changed_cb (NstGanttChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
nst_gantt_chart_dispose (GObject *object)
{
  NstGanttChart *self = NST_GANTT_CHART (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, hadjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, vadjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->layout, nst_gantt_layout_unref);
  g_clear_object (&self->tooltip_label);
  G_OBJECT_CLASS (nst_gantt_chart_parent_class)->dispose (object);
}

static void
nst_gantt_chart_finalize (GObject *object)
{
  NstGanttChart *self = NST_GANTT_CHART (object);

  g_free (self->font_family);
  G_OBJECT_CLASS (nst_gantt_chart_parent_class)->finalize (object);
}

static void
nst_gantt_chart_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NstGanttChart *self = NST_GANTT_CHART (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT: g_value_set_object (value, self->hadjustment); break;
    case PROP_VADJUSTMENT: g_value_set_object (value, self->vadjustment); break;
    case PROP_HSCROLL_POLICY: g_value_set_enum (value, self->hscroll_policy); break;
    case PROP_VSCROLL_POLICY: g_value_set_enum (value, self->vscroll_policy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_gantt_chart_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NstGanttChart *self = NST_GANTT_CHART (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value),
                      G_CALLBACK (hadjustment_value_changed_cb));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value),
                      G_CALLBACK (vadjustment_value_changed_cb));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  modifiers,
             GtkShortcutFunc  callback,
             GVariant        *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (callback, NULL, NULL));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_widget_class_add_shortcut (widget_class, shortcut);
  g_object_unref (shortcut);
}

static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  static const guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space };
  static const struct { guint key; GdkModifierType mods; double factor; } zoom_keys[] = {
    { GDK_KEY_plus, 0, ZOOM_STEP }, { GDK_KEY_equal, 0, ZOOM_STEP }, { GDK_KEY_KP_Add, 0, ZOOM_STEP },
    { GDK_KEY_minus, 0, 1 / ZOOM_STEP }, { GDK_KEY_KP_Subtract, 0, 1 / ZOOM_STEP },
    { GDK_KEY_plus, GDK_CONTROL_MASK, ZOOM_STEP }, { GDK_KEY_equal, GDK_CONTROL_MASK, ZOOM_STEP },
    { GDK_KEY_minus, GDK_CONTROL_MASK, 1 / ZOOM_STEP }, { GDK_KEY_0, GDK_CONTROL_MASK, 0 },
  };

  add_binding (widget_class, GDK_KEY_Up, 0, move_selection_cb, g_variant_new_int32 (-1));
  add_binding (widget_class, GDK_KEY_KP_Up, 0, move_selection_cb, g_variant_new_int32 (-1));
  add_binding (widget_class, GDK_KEY_Down, 0, move_selection_cb, g_variant_new_int32 (1));
  add_binding (widget_class, GDK_KEY_KP_Down, 0, move_selection_cb, g_variant_new_int32 (1));
  add_binding (widget_class, GDK_KEY_Home, 0, move_selection_cb, g_variant_new_int32 (G_MININT32));
  add_binding (widget_class, GDK_KEY_End, 0, move_selection_cb, g_variant_new_int32 (G_MAXINT32));
  add_binding (widget_class, GDK_KEY_Left, 0, scroll_days_cb, g_variant_new_double (-0.1));
  add_binding (widget_class, GDK_KEY_Right, 0, scroll_days_cb, g_variant_new_double (0.1));
  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    add_binding (widget_class, enter_keys[i], 0, activate_cb, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
    add_binding (widget_class, zoom_keys[i].key, zoom_keys[i].mods, zoom_key_cb,
                 g_variant_new_double (zoom_keys[i].factor));
}

static void
nst_gantt_chart_class_init (NstGanttChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nst_gantt_chart_dispose;
  object_class->finalize = nst_gantt_chart_finalize;
  object_class->get_property = nst_gantt_chart_get_property;
  object_class->set_property = nst_gantt_chart_set_property;
  widget_class->snapshot = nst_gantt_chart_snapshot;
  widget_class->measure = nst_gantt_chart_measure;
  widget_class->size_allocate = nst_gantt_chart_size_allocate;
  widget_class->css_changed = nst_gantt_chart_css_changed;
  widget_class->query_tooltip = nst_gantt_chart_query_tooltip;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  /**
   * NstGanttChart::row-activated:
   * @row: the layout's row, a task
   *
   * A double click or Enter: open the item.
   */
  signals[ROW_ACTIVATED] = g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * NstGanttChart::move-requested:
   * @object: the row's object
   * @days: how far, later when positive
   *
   * A drag ended: the handler moves the item (or refuses) and gives the
   * chart a new layout.
   */
  signals[MOVE_REQUESTED] = g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_INT);
  signals[VIEW_CHANGED] = g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  signals[PALETTE_CHANGED] = g_signal_new ("palette-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  add_key_bindings (widget_class);
  gtk_widget_class_set_css_name (widget_class, "ganttchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
nst_gantt_chart_init (NstGanttChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  self->font_size = 14.0;
  nst_gantt_view_init (&self->frame, 1, 1, self->font_size);
  nst_gantt_palette_init_light (&self->palette);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, motion);

  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, scroll);

  g_signal_connect (widget, "notify::has-focus", G_CALLBACK (nst_gantt_chart_focus_changed_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Gantt chart of the roadmap"), -1);
  update_accessible_description (self);
}

/* ---- public ------------------------------------------------------------------------------ */

GtkWidget *
nst_gantt_chart_new (void)
{
  return g_object_new (NST_TYPE_GANTT_CHART, NULL);
}

/**
 * nst_gantt_chart_get_layout:
 *
 * Returns: (transfer none) (nullable): the layout drawn
 */
NstGanttLayout *
nst_gantt_chart_get_layout (NstGanttChart *self)
{
  g_return_val_if_fail (NST_IS_GANTT_CHART (self), NULL);
  return self->layout;
}

/**
 * nst_gantt_chart_set_layout:
 * @layout: (nullable): the chart to draw; the widget takes a reference
 *   and changes its view as the user zooms and scrolls
 *
 * A new layout of the same chart (after an edit) keeps the days in view
 * and the selected item; the first one shows the whole period.
 */
void
nst_gantt_chart_set_layout (NstGanttChart  *self,
                            NstGanttLayout *layout)
{
  const NstGanttRow *selected;
  guint source = 0;
  gint64 id = 0;
  gboolean had_layout, had_selection;
  double first_day, n_days;

  g_return_if_fail (NST_IS_GANTT_CHART (self));

  if (layout == self->layout)
    return;
  had_layout = self->layout != NULL;
  selected = task_row (self, self->frame.selected_row);
  if ((had_selection = selected != NULL))
    {
      source = selected->source;
      id = selected->id;
    }
  if (had_layout)
    nst_gantt_layout_get_view (self->layout, &first_day, &n_days);
  g_clear_pointer (&self->layout, nst_gantt_layout_unref);
  self->layout = layout ? nst_gantt_layout_ref (layout) : NULL;
  self->frame.selected_row = self->frame.hover_row = self->frame.drag_row = -1;
  self->frame.drag_days = 0;
  self->drag_mode = DRAG_NONE;
  if (self->layout != NULL && had_layout)
    nst_gantt_layout_set_view (self->layout, first_day, n_days);
  else if (self->layout != NULL && self->has_period)
    nst_gantt_layout_set_range (self->layout, &self->period_first, &self->period_last);
  if (self->layout != NULL && had_selection)
    self->frame.selected_row = nst_gantt_layout_find_row (self->layout, source, id);
  update_accessible_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  view_changed (self);
  if (had_selection && self->frame.selected_row < 0)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/**
 * nst_gantt_chart_set_period:
 *
 * The roadmap's period: what «Весь период» shows, and the days the
 * scrollbar reaches (with a margin).
 */
void
nst_gantt_chart_set_period (NstGanttChart *self,
                            const GDate   *first,
                            const GDate   *last)
{
  g_return_if_fail (NST_IS_GANTT_CHART (self));

  self->has_period = first != NULL && last != NULL && g_date_valid (first) && g_date_valid (last);
  if (self->has_period)
    {
      self->period_first = *first;
      self->period_last = *last;
    }
  view_changed (self);
}

void
nst_gantt_chart_set_status_date (NstGanttChart *self,
                                 const GDate   *status_date)
{
  g_return_if_fail (NST_IS_GANTT_CHART (self));

  if (self->layout == NULL)
    return;
  nst_gantt_layout_set_status_date (self->layout, status_date);
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * nst_gantt_chart_zoom:
 * @factor: above 1 zooms in, below 1 out
 *
 * Around the pointer when it is over the chart, else around the middle.
 */
void
nst_gantt_chart_zoom (NstGanttChart *self,
                      double         factor)
{
  double anchor = 0.5;

  g_return_if_fail (NST_IS_GANTT_CHART (self));

  if (self->pointer_inside && self->pointer_x >= self->frame.label_width)
    anchor = nst_gantt_view_pixel_to_x (&self->frame, self->pointer_x);
  zoom_at (self, factor, anchor);
}

gboolean
nst_gantt_chart_can_zoom_in (NstGanttChart *self)
{
  g_return_val_if_fail (NST_IS_GANTT_CHART (self), FALSE);
  return self->layout != NULL && view_n_days (self) > MIN_VIEW_DAYS + 0.01;
}

gboolean
nst_gantt_chart_can_zoom_out (NstGanttChart *self)
{
  g_return_val_if_fail (NST_IS_GANTT_CHART (self), FALSE);

  return self->layout != NULL && view_n_days (self) < max_view_days (self) - 0.01;
}

/* «Весь период»: the roadmap's period, or every shape without one. */
void
nst_gantt_chart_show_period (NstGanttChart *self)
{
  GDate first, last;

  g_return_if_fail (NST_IS_GANTT_CHART (self));

  if (self->layout == NULL)
    return;
  if (self->has_period)
    nst_gantt_layout_set_range (self->layout, &self->period_first, &self->period_last);
  else if (nst_gantt_layout_get_extent (self->layout, &first, &last))
    nst_gantt_layout_set_range (self->layout, &first, &last);
  view_changed (self);
}

/* Puts @date in the middle, at the same zoom. */
void
nst_gantt_chart_show_date (NstGanttChart *self,
                           const GDate   *date)
{
  double n_days;

  g_return_if_fail (NST_IS_GANTT_CHART (self));

  if (self->layout == NULL)
    return;
  n_days = view_n_days (self);
  nst_gantt_layout_set_view (self->layout, g_date_get_julian (date) + 0.5 - n_days / 2, n_days);
  view_changed (self);
}

/**
 * nst_gantt_chart_get_visible_range:
 * @first: (out): the first day at least partly in view
 * @last: (out): the last
 *
 * Returns: whether there is a chart
 */
gboolean
nst_gantt_chart_get_visible_range (NstGanttChart *self,
                                   GDate         *first,
                                   GDate         *last)
{
  g_return_val_if_fail (NST_IS_GANTT_CHART (self), FALSE);

  if (self->layout == NULL)
    return FALSE;
  nst_gantt_layout_x_to_date (self->layout, 0, first);
  nst_gantt_layout_x_to_date (self->layout, 1 - 1e-6, last);
  return TRUE;
}

int
nst_gantt_chart_get_selected_row (NstGanttChart *self)
{
  g_return_val_if_fail (NST_IS_GANTT_CHART (self), -1);
  return task_row (self, self->frame.selected_row) ? self->frame.selected_row : -1;
}

/**
 * nst_gantt_chart_get_selected_object:
 *
 * Returns: (transfer none) (nullable): the selected row's object
 */
GObject *
nst_gantt_chart_get_selected_object (NstGanttChart *self)
{
  const NstGanttRow *row;

  g_return_val_if_fail (NST_IS_GANTT_CHART (self), NULL);
  row = task_row (self, self->frame.selected_row);
  return row ? row->object : NULL;
}

/**
 * nst_gantt_chart_select_row:
 * @row: a task row of the layout, or -1 for none
 *
 * Brings the row into view.
 */
void
nst_gantt_chart_select_row (NstGanttChart *self,
                            int            row)
{
  g_return_if_fail (NST_IS_GANTT_CHART (self));

  if (task_row (self, row) == NULL)
    row = -1;
  if (row == self->frame.selected_row)
    return;
  self->frame.selected_row = row;
  if (row >= 0)
    reveal_row (self, row);
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

gboolean
nst_gantt_chart_select_item (NstGanttChart *self,
                             guint          source,
                             gint64         id)
{
  int row;

  g_return_val_if_fail (NST_IS_GANTT_CHART (self), FALSE);

  row = self->layout ? nst_gantt_layout_find_row (self->layout, source, id) : -1;
  nst_gantt_chart_select_row (self, row);
  return row >= 0;
}

/**
 * nst_gantt_chart_request_move:
 * @row: a task row that can move
 * @days: how far, later when positive
 *
 * What the end of a drag does: emits ::move-requested. For the keyboard
 * and for tests.
 */
void
nst_gantt_chart_request_move (NstGanttChart *self,
                              int            row,
                              int            days)
{
  const NstGanttRow *task;

  g_return_if_fail (NST_IS_GANTT_CHART (self));

  task = task_row (self, row);
  if (task == NULL || !task->can_move || task->object == NULL || days == 0)
    return;
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, task->object, days);
}

/**
 * nst_gantt_chart_get_palette:
 *
 * Returns: (transfer none): the colours the chart draws with, from the theme
 */
const NstGanttPalette *
nst_gantt_chart_get_palette (NstGanttChart *self)
{
  g_return_val_if_fail (NST_IS_GANTT_CHART (self), NULL);
  return &self->palette;
}

/**
 * nst_gantt_chart_get_frame:
 *
 * Returns: (transfer none): the frame in pixels the chart draws and hits in
 */
const NstGanttView *
nst_gantt_chart_get_frame (NstGanttChart *self)
{
  g_return_val_if_fail (NST_IS_GANTT_CHART (self), NULL);
  return &self->frame;
}

/**
 * nst_gantt_chart_get_shape_point:
 * @x: (out): the middle of the row's first shape in view, in the widget
 * @y: (out): the same, down
 *
 * Where a click would land on the row's shape.
 *
 * Returns: whether the row has a shape in view, the row scrolled into
 *   sight
 */
gboolean
nst_gantt_chart_get_shape_point (NstGanttChart *self,
                                 int            row,
                                 double        *x,
                                 double        *y)
{
  const NstGanttRow *task;

  g_return_val_if_fail (NST_IS_GANTT_CHART (self), FALSE);

  if ((task = task_row (self, row)) == NULL)
    return FALSE;
  for (guint i = 0; i < task->n_shapes; i++)
    {
      const NstGanttShape *shape = &task->shapes[i];
      double mid = shape->kind == NST_GANTT_SHAPE_BAR ? (MAX (shape->x0, 0) + MIN (shape->x1, 1)) / 2
                                                      : shape->x;

      if (mid < 0 || mid > 1)
        continue;
      *x = nst_gantt_view_x_to_pixel (&self->frame, mid);
      *y = nst_gantt_view_row_to_pixel (&self->frame, self->layout, row) + self->frame.row_height / 2;
      return *y >= nst_gantt_view_get_header_height (&self->frame, self->layout) && *y < self->frame.height;
    }
  return FALSE;
}
