/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The roadmap tab as its user works with it: the real window on a
 * temporary database, the school's roadmap loaded from the empty tab, the
 * chart zoomed, an item selected where the chart draws it, dragged to
 * another date and put back with Ctrl+Z, reordered, deleted and restored,
 * edited in its form; the chart's pixels and its exports. Runs under Xvfb
 * with G_DEBUG=fatal-warnings, so any GTK warning or critical fails it. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "nst-application.h"
#include "schedule/nst-date.h"
#include "roadmap/nst-gantt-chart.h"
#include "roadmap/nst-roadmap-item-editor.h"
#include "roadmap/nst-roadmap-page.h"
#include "model/nst-roadmap-template.h"
#include "store/nst-store-roadmap.h"
#include "nst-ui-test-util.h"
#include "nst-window.h"

typedef struct
{
  char *dir;
  char *db_path;
  NstApplication *app;
  NstWindow *window;
  NstRoadmapPage *page;
  NstGanttChart *chart;
} Fixture;

#define EDITOR GSIZE_TO_POINTER (NST_TYPE_ROADMAP_ITEM_EDITOR)

static void
start_app (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  static guint starts;
  g_autofree char *app_id = g_strdup_printf ("org.nastavnik.Nastavnik.RoadmapTest%u", ++starts);
  GtkWidget *stack;

  fixture->app = nst_application_new ();
  g_application_set_application_id (G_APPLICATION (fixture->app), app_id);
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  nst_application_set_database_path (fixture->app, fixture->db_path);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = NST_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);

  /* Open the tab as a click on «Дорожная карта» does. */
  stack = nst_test_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "roadmap");
  nst_test_drain ();
  fixture->page = NST_ROADMAP_PAGE (nst_test_find_type (GTK_WIDGET (fixture->window),
                                                        NST_TYPE_ROADMAP_PAGE));
  g_assert_nonnull (fixture->page);
  fixture->chart = nst_roadmap_page_get_chart (fixture->page);
  nst_test_drain ();
}

static void
stop_app (Fixture *fixture)
{
  gtk_window_close (GTK_WINDOW (fixture->window));
  nst_test_drain ();
  g_clear_object (&fixture->app);
  fixture->window = NULL;
  fixture->page = NULL;
  fixture->chart = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nst-ui-roadmap-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "school.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* ---- helpers ------------------------------------------------------------ */

static GDate
iso (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (nst_date_parse_iso (text, &date));
  return date;
}

static gboolean
chart_ready (gpointer data)
{
  Fixture *fixture = data;

  return nst_gantt_chart_get_layout (fixture->chart) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (fixture->chart)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->chart)) > 300;
}

static void
load_template (Fixture *fixture)
{
  GtkWidget *load = nst_test_find_button (GTK_WIDGET (fixture->page),
                                          _("_Load the School's Roadmap (2021–2024)"));

  g_assert_nonnull (load);
  g_assert_true (gtk_widget_get_mapped (load));
  g_assert_null (nst_roadmap_page_get_roadmap (fixture->page));
  g_signal_emit_by_name (load, "clicked");
  g_assert_true (nst_test_wait_for (chart_ready, fixture, 5000));
  nst_test_drain ();
}

static int
visible_days (Fixture *fixture)
{
  GDate first, last;

  g_assert_true (nst_gantt_chart_get_visible_range (fixture->chart, &first, &last));
  return g_date_days_between (&first, &last) + 1;
}

/* The row of the item whose schedule starts with @prefix. */
static int
find_row_by_schedule (Fixture    *fixture,
                      const char *prefix)
{
  NstGanttLayout *layout = nst_gantt_chart_get_layout (fixture->chart);

  for (guint r = 0; r < nst_gantt_layout_get_n_rows (layout); r++)
    {
      const NstGanttRow *row = nst_gantt_layout_get_row (layout, r);

      if (row->kind == NST_GANTT_ROW_TASK && row->bar_text && g_str_has_prefix (row->bar_text, prefix))
        return r;
    }
  g_assert_not_reached ();
}

static NstRoadmapItem *
row_item (Fixture *fixture,
          int      row)
{
  const NstGanttRow *r = nst_gantt_layout_get_row (nst_gantt_chart_get_layout (fixture->chart), row);

  g_assert_true (NST_IS_ROADMAP_ITEM (r->object));
  return NST_ROADMAP_ITEM (r->object);
}

/* The item as the database has it now, read afresh. */
static NstRoadmapItem *
stored_item (Fixture        *fixture,
             NstRoadmapItem *item)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) roadmap = NULL;
  NstRoadmapItem *found;

  roadmap = nst_store_load_roadmap (nst_window_get_store (fixture->window),
                                    nst_roadmap_get_id (nst_roadmap_page_get_roadmap (fixture->page)),
                                    &error);
  g_assert_no_error (error);
  found = nst_roadmap_find_item (roadmap, nst_roadmap_item_get_id (item), NULL);
  return found ? g_object_ref (found) : NULL;
}

static NstRoadmapItem *
table_selected (Fixture *fixture)
{
  GtkWidget *view = nst_test_find_type (GTK_WIDGET (fixture->page), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
}

static void
action (Fixture    *fixture,
        const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), name, NULL));
  nst_test_drain ();
}

/* ---- the chart ----------------------------------------------------------- */

static void
check_zoom (Fixture *fixture)
{
  GDate first, last;
  GDate start = iso ("2025-09-01"), end = iso ("2028-08-31"), today = iso ("2025-11-15");
  int whole = visible_days (fixture);
  int zoomed;

  /* It opens on the whole period: 01.09.2025 – 31.08.2028. */
  g_assert_true (nst_gantt_chart_get_visible_range (fixture->chart, &first, &last));
  g_assert_cmpint (g_date_days_between (&start, &first), ==, 0);
  g_assert_cmpint (g_date_days_between (&end, &last), ==, 0);

  action (fixture, "roadmap.zoom-in");
  action (fixture, "roadmap.zoom-in");
  zoomed = visible_days (fixture);
  g_assert_cmpint (zoomed, <, whole / 2);
  action (fixture, "roadmap.zoom-out");
  g_assert_cmpint (visible_days (fixture), >, zoomed);

  /* Down to a few weeks, where the weeks show, and no further. */
  for (int i = 0; i < 20; i++)
    nst_gantt_chart_zoom (fixture->chart, 2);
  nst_test_drain ();
  g_assert_cmpint (visible_days (fixture), <=, 15);
  g_assert_false (gtk_widget_is_sensitive (nst_test_find_named (GTK_WIDGET (fixture->page), "zoom-in")));

  action (fixture, "roadmap.show-today");
  g_assert_true (nst_gantt_chart_get_visible_range (fixture->chart, &first, &last));
  g_assert_cmpint (g_date_compare (&first, &today), <=, 0);
  g_assert_cmpint (g_date_compare (&last, &today), >=, 0);

  action (fixture, "roadmap.show-period");
  g_assert_cmpint (visible_days (fixture), ==, whole);
  g_assert_false (gtk_widget_is_sensitive (nst_test_find_named (GTK_WIDGET (fixture->page), "zoom-out")));
}

/* What the widget draws, as pixels: its own snapshot, rendered by the
 * window's renderer. */
static GdkTexture *
render_chart (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->chart);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static gboolean
pixel_is (const guchar        *data,
          gsize                stride,
          int                  x,
          int                  y,
          const NstGanttColor *color)
{
  /* GDK_MEMORY_DEFAULT: B8G8R8A8 premultiplied, opaque here. */
  const guchar *p = data + y * stride + x * 4;

  return fabs (p[2] / 255.0 - color->red) < 0.08 &&
         fabs (p[1] / 255.0 - color->green) < 0.08 &&
         fabs (p[0] / 255.0 - color->blue) < 0.08;
}

static void
check_today_line (Fixture *fixture)
{
  NstGanttLayout *layout = nst_gantt_chart_get_layout (fixture->chart);
  const NstGanttView *frame = nst_gantt_chart_get_frame (fixture->chart);
  const NstGanttPalette *palette = nst_gantt_chart_get_palette (fixture->chart);
  g_autoptr(GdkTexture) texture = render_chart (fixture);
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc (width * height * 4);
  double x = nst_gantt_view_x_to_pixel (frame, nst_gantt_layout_get_today_x (layout));
  double header = nst_gantt_view_get_header_height (frame, layout);
  int y = (int) (header + (frame->height - header) * 0.8);
  int group_y = (int) (header + frame->row_height / 2);
  int at = (int) round (x);

  gdk_texture_download (texture, data, width * 4);
  g_assert_cmpint (at, >, frame->label_width);
  g_assert_cmpint (at, <, width);
  /* The 2-pixel line covers the pixels on either side of its middle. */
  g_assert_true (pixel_is (data, width * 4, at - 1, y, &palette->accent) ||
                 pixel_is (data, width * 4, at, y, &palette->accent));
  /* And not beside it, on a section's row. */
  g_assert_cmpint (nst_gantt_layout_get_row (layout, 0)->kind, ==, NST_GANTT_ROW_GROUP);
  g_assert_true (pixel_is (data, width * 4, at - 1, group_y, &palette->accent) ||
                 pixel_is (data, width * 4, at, group_y, &palette->accent));
  g_assert_false (pixel_is (data, width * 4, at - 6, group_y, &palette->accent));
}

/* Selects the item with «До 25.10.2025» as a click at its diamond does,
 * drags it a week later, and undoes. */
static void
check_select_move_undo (Fixture *fixture)
{
  NstGanttLayout *layout = nst_gantt_chart_get_layout (fixture->chart);
  const NstGanttView *frame = nst_gantt_chart_get_frame (fixture->chart);
  int row = find_row_by_schedule (fixture, "До 25.10.2025");
  NstRoadmapItem *item = row_item (fixture, row);
  gint64 id = nst_roadmap_item_get_id (item);
  g_autoptr(NstRoadmapItem) stored = NULL;
  g_autofree char *by = NULL;
  g_autofree char *toast = NULL;
  NstGanttHit hit;
  double x, y;

  /* Scrolled down to it, as with the mouse wheel. */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->chart)),
                            row * frame->row_height);
  nst_test_drain ();
  g_assert_true (nst_gantt_chart_get_shape_point (fixture->chart, row, &x, &y));
  g_assert_true (nst_gantt_layout_hit (layout, frame, x, y, &hit));
  g_assert_cmpint (hit.row, ==, row);
  g_assert_cmpint (hit.area, ==, NST_GANTT_HIT_SHAPE);
  nst_gantt_chart_select_row (fixture->chart, hit.row);
  nst_test_drain ();
  g_assert_true (nst_roadmap_page_get_selected (fixture->page) == item);
  g_assert_true (table_selected (fixture) == item);
  /* Not done by 15.11.2025: overdue. */
  g_assert_cmpint (nst_gantt_layout_get_row (layout, row)->state, ==, NST_DEADLINE_OVERDUE);

  /* Arrow keys move the selection to the next item. */
  g_assert_true (nst_test_press_shortcut (GTK_WIDGET (fixture->chart), GDK_KEY_Down, 0));
  g_assert_true (nst_roadmap_page_get_selected (fixture->page) != item);
  g_assert_true (nst_test_press_shortcut (GTK_WIDGET (fixture->chart), GDK_KEY_Up, 0));
  g_assert_true (nst_roadmap_page_get_selected (fixture->page) == item);

  /* Escape puts the toast «Дорожная карта загружена» away. */
  nst_test_press_shortcut (nst_test_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY),
                           GDK_KEY_Escape, 0);

  /* What a drag of seven days does when released. */
  nst_gantt_chart_request_move (fixture->chart, row, 7);
  nst_test_drain ();
  g_assert_cmpstr (nst_roadmap_item_get_ends_on (item), ==, "2025-11-01");
  g_assert_cmpstr (nst_roadmap_item_get_schedule (item), ==, "До 01.11.2025");
  stored = stored_item (fixture, item);
  g_assert_cmpstr (nst_roadmap_item_get_ends_on (stored), ==, "2025-11-01");
  g_clear_object (&stored);
  /* The chart follows, and keeps the item selected. */
  row = nst_gantt_chart_get_selected_row (fixture->chart);
  g_assert_cmpint (nst_gantt_layout_get_row (nst_gantt_chart_get_layout (fixture->chart), row)->id, ==, id);
  by = g_strdup_printf (_("by %s"), "01.11.2025");
  toast = g_strdup_printf (_("Moved: %s"), by);
  g_assert_nonnull (nst_test_find_label (GTK_WIDGET (fixture->window), toast));

  g_assert_true (nst_test_press_shortcut (GTK_WIDGET (fixture->page), GDK_KEY_z, GDK_CONTROL_MASK));
  nst_test_drain ();
  g_assert_cmpstr (nst_roadmap_item_get_ends_on (item), ==, "2025-10-25");
  g_assert_cmpstr (nst_roadmap_item_get_schedule (item), ==, "До 25.10.2025");
  stored = stored_item (fixture, item);
  g_assert_cmpstr (nst_roadmap_item_get_ends_on (stored), ==, "2025-10-25");

  /* A rule's marks follow the calendar: they do not move. */
  row = find_row_by_schedule (fixture, "1 раз в четверть");
  g_assert_false (nst_gantt_layout_get_row (nst_gantt_chart_get_layout (fixture->chart), row)->can_move);
}

static void
check_status_date (Fixture *fixture)
{
  int row = find_row_by_schedule (fixture, "До 25.10.2025");
  GDate day = iso ("2025-10-01");
  g_autofree char *label = g_strdup_printf (_("As of: %s"), "01.10.2025");
  NstGanttLayout *layout;

  nst_roadmap_page_set_status_date (fixture->page, &day);
  nst_test_drain ();
  layout = nst_gantt_chart_get_layout (fixture->chart);
  g_assert_cmpint (nst_gantt_layout_get_row (layout, row)->state, ==, NST_DEADLINE_PLANNED);
  g_assert_nonnull (nst_test_find_label (GTK_WIDGET (fixture->page), label));
  action (fixture, "roadmap.status-today");
  g_assert_cmpint (nst_gantt_layout_get_row (layout, row)->state, ==, NST_DEADLINE_OVERDUE);
}

/* ---- the table ------------------------------------------------------------- */

static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  return item;
}

static void
check_reorder_delete (Fixture *fixture)
{
  GListModel *items = nst_roadmap_page_get_items (fixture->page);
  g_autoptr(NstRoadmapItem) first = g_list_model_get_item (items, 0);
  g_autoptr(NstRoadmapItem) second = g_list_model_get_item (items, 1);
  g_autoptr(NstRoadmapItem) stored = NULL;
  guint n = g_list_model_get_n_items (items);

  g_assert_cmpuint (n, ==, NST_ROADMAP_TEMPLATE_N_ITEMS);
  nst_roadmap_page_select (fixture->page, first);
  nst_test_drain ();
  g_assert_true (table_selected (fixture) == first);
  g_assert_false (gtk_widget_is_sensitive (nst_test_find_named (GTK_WIDGET (fixture->page), "move-up")));

  action (fixture, "roadmap.move-down");
  g_assert_cmpuint (nst_roadmap_item_get_position (first), ==, 1);
  g_assert_cmpuint (nst_roadmap_item_get_position (second), ==, 0);
  g_assert_true (item_at (items, 1) == first);
  stored = stored_item (fixture, first);
  g_assert_cmpuint (nst_roadmap_item_get_position (stored), ==, 1);
  g_clear_object (&stored);
  action (fixture, "roadmap.undo");
  g_assert_cmpuint (nst_roadmap_item_get_position (first), ==, 0);
  stored = stored_item (fixture, first);
  g_assert_cmpuint (nst_roadmap_item_get_position (stored), ==, 0);
  g_clear_object (&stored);

  nst_roadmap_page_select (fixture->page, second);
  action (fixture, "roadmap.delete");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n - 1);
  g_assert_null (stored_item (fixture, second));
  action (fixture, "roadmap.undo");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n);
  stored = stored_item (fixture, second);
  g_assert_nonnull (stored);
  g_assert_cmpuint (nst_roadmap_item_get_position (stored), ==, 1);
  g_assert_true (nst_roadmap_page_get_selected (fixture->page) == second);
}

/* ---- the editor ----------------------------------------------------------------- */

static gboolean
is_open (gpointer type)
{
  return nst_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
is_closed (gpointer type)
{
  return !is_open (type);
}

static void
set_row_text (GtkWidget  *editor,
              const char *name,
              const char *text)
{
  GtkWidget *row = nst_test_find_named (editor, name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  nst_test_drain ();
}

static gboolean
row_marked (GtkWidget  *form,
            const char *name)
{
  return gtk_widget_has_css_class (nst_test_find_named (form, name), "error");
}

static void
check_editor (Fixture *fixture)
{
  GListModel *items = nst_roadmap_page_get_items (fixture->page);
  g_autoptr(NstRoadmapItem) item = g_list_model_get_item (items, 2);
  g_autoptr(NstRoadmapItem) stored = NULL;
  g_autofree char *content = g_strdup (nst_roadmap_item_get_content (item));
  GtkWidget *editor;
  guint n = g_list_model_get_n_items (items);

  /* Enter on the chart opens the selected item. */
  nst_roadmap_page_select (fixture->page, item);
  g_assert_true (nst_test_press_shortcut (GTK_WIDGET (fixture->chart), GDK_KEY_Return, 0));
  g_assert_true (nst_test_wait_for (is_open, EDITOR, 5000));
  editor = GTK_WIDGET (nst_test_find_toplevel (NST_TYPE_ROADMAP_ITEM_EDITOR));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nst_test_find_named (editor, "content"))), ==, content);
  set_row_text (editor, "content", "Формирование наставнических пар и групп");
  g_assert_true (nst_test_press_shortcut (editor, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_true (nst_test_wait_for (is_closed, EDITOR, 5000));
  nst_test_drain ();
  g_assert_cmpstr (nst_roadmap_item_get_content (item), ==, "Формирование наставнических пар и групп");
  stored = stored_item (fixture, item);
  g_assert_cmpstr (nst_roadmap_item_get_content (stored), ==, "Формирование наставнических пар и групп");
  g_clear_object (&stored);
  action (fixture, "roadmap.undo");
  g_assert_cmpstr (nst_roadmap_item_get_content (item), ==, content);

  /* A new item: an impossible date is said under the schedule. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add", NULL);
  g_assert_true (nst_test_wait_for (is_open, EDITOR, 5000));
  editor = GTK_WIDGET (nst_test_find_toplevel (NST_TYPE_ROADMAP_ITEM_EDITOR));
  g_assert_false (gtk_widget_is_sensitive (nst_test_find_named (editor, "save")));
  set_row_text (editor, "content", "Встреча с родителями наставляемых");
  set_row_text (editor, "schedule", "до 31.02.2026");
  g_assert_true (row_marked (editor, "schedule"));
  g_assert_false (gtk_widget_is_sensitive (nst_test_find_named (editor, "save")));
  set_row_text (editor, "schedule", "до 20.12.2025");
  g_assert_false (row_marked (editor, "schedule"));
  /* A dated schedule gives the dates. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nst_test_find_named (editor, "ends-on"))), ==,
                   "20.12.2025");
  g_signal_emit_by_name (nst_test_find_named (editor, "save"), "clicked");
  g_assert_true (nst_test_wait_for (is_closed, EDITOR, 5000));
  nst_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n + 1);
  g_assert_cmpstr (nst_roadmap_item_get_content (nst_roadmap_page_get_selected (fixture->page)), ==,
                   "Встреча с родителями наставляемых");
  g_assert_cmpint (nst_gantt_layout_get_row (nst_gantt_chart_get_layout (fixture->chart),
                                             nst_gantt_chart_get_selected_row (fixture->chart))->shape_kind,
                   ==, NST_GANTT_SHAPE_DIAMOND);
  action (fixture, "roadmap.undo");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n);
}

/* A rule's occurrences each get their own mark in the form. */
static void
check_occurrences (Fixture *fixture)
{
  int row = find_row_by_schedule (fixture, "1 раз в четверть");
  NstRoadmapItem *item = row_item (fixture, row);
  GtkWidget *editor, *mark;
  GArray *records;

  nst_gantt_chart_select_row (fixture->chart, row);
  action (fixture, "roadmap.edit");
  g_assert_true (nst_test_wait_for (is_open, EDITOR, 5000));
  editor = GTK_WIDGET (nst_test_find_toplevel (NST_TYPE_ROADMAP_ITEM_EDITOR));
  /* Three school years of four quarters. */
  mark = nst_test_find_named (editor, "occurrence-mark");
  g_assert_nonnull (mark);
  adw_combo_row_set_selected (ADW_COMBO_ROW (mark), 1);
  nst_test_drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nst_test_find_named (editor, "occurrence-done-on"))),
                   !=, "");
  g_assert_true (nst_test_press_shortcut (editor, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_true (nst_test_wait_for (is_closed, EDITOR, 5000));
  nst_test_drain ();
  records = nst_roadmap_item_get_records (item);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpint (g_array_index (records, NstRoadmapOccurrence, 0).status, ==, NST_ROADMAP_STATUS_DONE);
  row = nst_gantt_chart_get_selected_row (fixture->chart);
  g_assert_cmpint (nst_gantt_layout_get_row (nst_gantt_chart_get_layout (fixture->chart), row)->shapes[0].state,
                   ==, NST_DEADLINE_DONE);
  action (fixture, "roadmap.undo");
  g_assert_cmpuint (nst_roadmap_item_get_records (item)->len, ==, 0);
}

/* ---- exports ----------------------------------------------------------------- */

/* Pages of a PDF as a real reader (poppler's pdfinfo) counts them. */
static guint
pdf_pages (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("pdfinfo %s", quoted);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *pages;
  int status;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
check_exports (Fixture *fixture)
{
  g_autofree char *png = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "chart.pdf", NULL);
  g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (nst_roadmap_page_export (fixture->page, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpint (memcmp (contents, "\x89PNG", 4), ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (nst_roadmap_page_export (fixture->page, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpint (memcmp (contents, "%PDF", 4), ==, 0);
  g_clear_pointer (&contents, g_free);

  /* «Печать…» draws the same pages through GTK's print operation. */
  g_assert_true (nst_roadmap_page_print_to_file (fixture->page, printed, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (printed, &contents, &length, NULL));
  g_assert_cmpint (memcmp (contents, "%PDF", 4), ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), >=, 1);
  g_assert_cmpuint (pdf_pages (printed), ==, pdf_pages (pdf));
}

/* ---- the tests --------------------------------------------------------------- */

static void
test_roadmap_tab (Fixture       *fixture,
                  gconstpointer  data)
{
  NstGanttLayout *layout;

  start_app (fixture);
  load_template (fixture);
  layout = nst_gantt_chart_get_layout (fixture->chart);
  g_assert_cmpuint (nst_gantt_layout_get_n_rows (layout), ==,
                    NST_ROADMAP_TEMPLATE_N_SECTIONS + NST_ROADMAP_TEMPLATE_N_ITEMS);
  g_assert_cmpuint (g_list_model_get_n_items (nst_roadmap_page_get_items (fixture->page)), ==,
                    NST_ROADMAP_TEMPLATE_N_ITEMS);
  check_zoom (fixture);
  check_today_line (fixture);
  check_select_move_undo (fixture);
  check_status_date (fixture);
  check_reorder_delete (fixture);
  check_editor (fixture);
  check_occurrences (fixture);
  check_exports (fixture);

  /* The pairs' programmes as rows: none in this school, and no harm. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (nst_test_find_named (GTK_WIDGET (fixture->page),
                                                                        "programmes")), TRUE);
  nst_test_drain ();
  g_assert_cmpuint (nst_gantt_layout_get_n_rows (nst_gantt_chart_get_layout (fixture->chart)), ==,
                    NST_ROADMAP_TEMPLATE_N_SECTIONS + NST_ROADMAP_TEMPLATE_N_ITEMS);
  stop_app (fixture);

  /* The roadmap is there after a restart. */
  start_app (fixture);
  g_assert_true (nst_test_wait_for (chart_ready, fixture, 5000));
  g_assert_nonnull (nst_roadmap_page_get_roadmap (fixture->page));
  stop_app (fixture);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run the suite under xvfb-run, as the README says.\n");
      return 77; /* meson's "skipped" */
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/roadmap/tab", Fixture, NULL, fixture_set_up, test_roadmap_tab, fixture_tear_down);
  return g_test_run ();
}
