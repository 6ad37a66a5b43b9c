/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures the Gantt chart as issue «The roadmap and its Gantt chart» asks:
 * a roadmap of 1,000 items, a third of them rules that recur (quarterly,
 * yearly, monthly), laid out and drawn as one 1200 × 700 frame on an image
 * surface, at the zooms the tab offers and scrolled top, middle and bottom.
 * Target: a frame under 8 ms. Prints figures; asserts nothing, since shared
 * machines are noisy.
 *
 *   bench-gantt [ITEMS] */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "schedule/nst-date.h"
#include "gantt/nst-gantt-render.h"
#include "model/nst-roadmap.h"

#define FRAMES    40
#define TARGET_MS 8.0
#define WIDTH     1200
#define HEIGHT    700

static const char *const rules[] = {
  "1 раз в четверть", "до 01.11 каждого учебного года", "в конце каждой четверти",
  "каждый второй понедельник месяца",
};

static const char *const words[] = {
  "Организация", "диагностики", "компетенций", "наставников", "и", "потребностей",
  "наставляемых", "в", "рамках", "реализации", "Целевой", "модели", "наставничества",
};

/* A sentence of 6–13 words, as the roadmap's contents are. */
static char *
content_for (guint i)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "Мероприятие %u:", i + 1);
  for (guint w = 0; w < 6 + i % 8; w++)
    g_string_append_printf (text, " %s", words[(i + w * 3) % G_N_ELEMENTS (words)]);
  return g_string_free (text, FALSE);
}

static char *
schedule_for (guint i)
{
  GDate start, end;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (i % 3 == 0)
    return g_strdup (rules[(i / 3) % G_N_ELEMENTS (rules)]);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_SEPTEMBER, 2025);
  g_date_add_days (&start, (i * 37) % 1000);
  if (i % 3 == 1)
    {
      from = nst_date_format_ru (&start);
      return g_strdup_printf ("до %s", from);
    }
  end = start;
  g_date_add_days (&end, 20 + (i * 53) % 300);
  from = nst_date_format_ru (&start);
  to = nst_date_format_ru (&end);
  return g_strdup_printf ("с %s по %s", from, to);
}

static NstRoadmap *
make_roadmap (guint n_items)
{
  NstRoadmap *roadmap = nst_roadmap_new ();
  NstRoadmapSection *section = NULL;

  nst_roadmap_set_title (roadmap, "Дорожная карта на 2025-2028 год");
  nst_roadmap_set_starts_on (roadmap, "2025-09-01");
  nst_roadmap_set_ends_on (roadmap, "2028-08-31");
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NstRoadmapItem) item = nst_roadmap_item_new ();
      g_autofree char *content = content_for (i);
      g_autofree char *schedule = schedule_for (i);

      if (i % 50 == 0)
        {
          g_autofree char *title = g_strdup_printf ("Раздел %u", i / 50 + 1);
          g_autoptr(NstRoadmapSection) fresh = nst_roadmap_section_new (title);

          nst_roadmap_append_section (roadmap, fresh);
          section = fresh;
        }
      nst_roadmap_item_set_content (item, content);
      nst_roadmap_item_set_schedule (item, schedule);
      if (i % 7 == 0)
        {
          nst_roadmap_item_set_status (item, NST_ROADMAP_STATUS_DONE);
          nst_roadmap_item_set_done_on (item, "2025-10-01");
        }
      nst_roadmap_section_append_item (section, item);
    }
  return roadmap;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
frame_ms (cairo_t            *cr,
          NstGanttLayout     *layout,
          const NstGanttView *view,
          const NstGanttPalette *palette,
          double              first_day,
          double              n_days)
{
  gint64 start = g_get_monotonic_time ();

  /* A frame of zoom or scroll: a new view, then the drawing. */
  nst_gantt_layout_set_view (layout, first_day, n_days);
  nst_gantt_render (cr, layout, view, palette);
  cairo_surface_flush (cairo_get_target (cr));
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  guint n_items = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  static const struct { const char *name; double days; } zooms[] = {
    { "whole period (3 years)", 1096 }, { "one school year", 365 },
    { "one quarter", 61 }, { "three weeks", 21 },
  };
  g_autoptr(NstRoadmap) roadmap = NULL;
  g_autoptr(NstGanttInput) input = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  NstGanttLayout *layout;
  NstGanttPalette palette;
  NstGanttView view;
  GDate today, start;
  gint64 t0;
  double worst = 0, content_height, first_frame;
  guint marks = 0;

  setlocale (LC_ALL, "");
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_NOVEMBER, 2025);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_SEPTEMBER, 2025);
  roadmap = make_roadmap (n_items);

  t0 = g_get_monotonic_time ();
  input = nst_gantt_input_new ();
  nst_gantt_input_add_roadmap (input, roadmap, NULL, NULL);
  g_print ("%u items: expanding the schedules: %.1f ms\n", n_items,
           (g_get_monotonic_time () - t0) / 1000.0);
  t0 = g_get_monotonic_time ();
  layout = nst_gantt_layout_new (input, &today, &today, NULL, NULL);
  g_print ("laying out the rows and states: %.1f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  for (guint r = 0; r < nst_gantt_layout_get_n_rows (layout); r++)
    if (nst_gantt_layout_get_row (layout, r)->shape_kind == NST_GANTT_SHAPE_MARK)
      marks += nst_gantt_layout_get_row (layout, r)->n_shapes;
  g_print ("%u rows, %u marks of recurring items\n", nst_gantt_layout_get_n_rows (layout), marks);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  nst_gantt_palette_init_light (&palette);
  nst_gantt_view_init (&view, WIDTH, HEIGHT, 13);
  first_frame = frame_ms (cr, layout, &view, &palette, g_date_get_julian (&start), 1096);
  g_print ("first frame (measures the texts once): %.2f ms\n", first_frame);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double times[FRAMES], sum = 0;

      for (guint f = 0; f < FRAMES; f++)
        {
          /* Scrolling across and down while zoomed. */
          double first = g_date_get_julian (&start) + (f % 10) * zooms[z].days / 20;

          content_height = nst_gantt_view_get_content_height (&view, layout);
          view.scroll_y = (f % 3) * (content_height - HEIGHT) / 2;
          times[f] = frame_ms (cr, layout, &view, &palette, first, zooms[z].days);
          sum += times[f];
        }
      qsort (times, FRAMES, sizeof (double), compare_doubles);
      worst = MAX (worst, times[FRAMES - 1]);
      g_print ("frame %u×%u, %-24s median %.2f ms, mean %.2f ms, max %.2f ms\n",
               WIDTH, HEIGHT, zooms[z].name, times[FRAMES / 2], sum / FRAMES, times[FRAMES - 1]);
    }
  g_print ("worst frame %.2f ms: %s (target %.0f ms)\n", worst,
           worst < TARGET_MS ? "under the target" : "OVER the target", TARGET_MS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  nst_gantt_layout_unref (layout);
  return 0;
}
