/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "schedule/nst-date.h"
#include "gantt/nst-gantt-layout.h"
#include "gantt/nst-gantt-render.h"
#include "model/nst-plan-item.h"
#include "model/nst-roadmap-template.h"

static GDate
iso (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (nst_date_parse_iso (text, &date));
  return date;
}

static NstGanttLayout *
roadmap_layout (NstRoadmap *roadmap,
                const char *status_date)
{
  g_autoptr(NstGanttInput) input = nst_gantt_input_new ();
  GDate status = iso (status_date);

  nst_gantt_input_add_roadmap (input, roadmap, NULL, NULL);
  return nst_gantt_layout_new (input, &status, &status, NULL, NULL);
}

/* The seed's roadmap moved to 2025/2026, as of 15.11.2025: «До 25.10.2025»
 * not done (overdue), «15.09.2025» done. */
static NstRoadmap *
sample_roadmap (void)
{
  NstRoadmap *roadmap = nst_roadmap_template_new (2025);
  NstRoadmapItem *done = nst_roadmap_section_get_item (nst_roadmap_get_section (roadmap, 4), 2);

  nst_roadmap_item_set_status (done, NST_ROADMAP_STATUS_DONE);
  nst_roadmap_item_set_done_on (done, "2025-09-10");
  return roadmap;
}

static int
find_label (NstGanttLayout *layout,
            const char     *prefix)
{
  for (guint r = 0; r < nst_gantt_layout_get_n_rows (layout); r++)
    if (g_str_has_prefix (nst_gantt_layout_get_row (layout, r)->label, prefix))
      return r;
  g_assert_not_reached ();
}

/* Rows of one bar each, named «Строка N», in @groups groups. */
static NstGanttLayout *
synthetic_layout (guint       groups,
                  guint       per_group,
                  const char *first,
                  const char *last)
{
  g_autoptr(NstGanttInput) input = nst_gantt_input_new ();
  GDate status = iso (first);
  guint n = 0;

  for (guint g = 0; g < groups; g++)
    {
      g_autofree char *title = g_strdup_printf ("Раздел %u", g + 1);

      nst_gantt_input_add_group (input, title, 0);
      for (guint i = 0; i < per_group; i++)
        {
          g_autofree char *label = g_strdup_printf ("Строка %u", ++n);
          NstGanttOccurrence o = { 0 };
          NstGanttRowSpec spec = { 0 };

          o.start = iso (first);
          o.due = iso (last);
          g_date_clear (&o.done_on, 1);
          spec.label = label;
          spec.shape = NST_GANTT_SHAPE_BAR;
          spec.id = n;
          spec.occurrences = &o;
          spec.n_occurrences = 1;
          nst_gantt_input_add_row (input, &spec);
        }
    }
  return nst_gantt_layout_new (input, &status, &status, NULL, NULL);
}

/* ---- dates and x ------------------------------------------------------------- */

/* Every day maps to x and back, at every zoom, from any first day. */
static void
test_x_round_trip (void)
{
  g_autoptr(NstRoadmap) roadmap = sample_roadmap ();
  NstGanttLayout *layout = roadmap_layout (roadmap, "2025-11-15");
  static const double zooms[] = { 7, 10, 14, 31, 92, 183, 365, 1096, 3653 };
  static const double offsets[] = { 0, 0.25, 0.5, 0.9999 };
  GDate start = iso ("2025-09-01");

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
      {
        double first = g_date_get_julian (&start) + offsets[o];

        nst_gantt_layout_set_view (layout, first, zooms[z]);
        g_assert_cmpfloat (nst_gantt_layout_day_to_x (layout, first), ==, 0);
        g_assert_cmpfloat_with_epsilon (nst_gantt_layout_day_to_x (layout, first + zooms[z]), 1, 1e-12);
        for (int d = 0; d <= (int) zooms[z]; d++)
          {
            GDate day, back;
            double x;

            g_date_clear (&day, 1);
            g_date_set_julian (&day, (guint32) floor (first) + d);
            x = nst_gantt_layout_date_to_x (layout, &day);
            /* The left edge, the middle and the end of the day are all it. */
            for (double part = 0; part < 1; part += 0.499)
              {
                nst_gantt_layout_x_to_date (layout, x + part / zooms[z], &back);
                g_assert_cmpint (g_date_compare (&day, &back), ==, 0);
              }
            nst_gantt_layout_x_to_date (layout, x + 1 / zooms[z], &back);
            g_assert_cmpint (g_date_get_julian (&back), ==, g_date_get_julian (&day) + 1);
          }
      }
  nst_gantt_layout_unref (layout);
}

static void
test_zoom (void)
{
  g_autoptr(NstRoadmap) roadmap = sample_roadmap ();
  NstGanttLayout *layout = roadmap_layout (roadmap, "2025-11-15");
  GDate a = iso ("2025-09-01"), b = iso ("2028-08-31");
  double first, n, day;

  nst_gantt_layout_set_range (layout, &a, &b);
  nst_gantt_layout_get_view (layout, &first, &n);
  g_assert_cmpfloat (first, ==, g_date_get_julian (&a));
  g_assert_cmpfloat (n, ==, 1096);
  day = nst_gantt_layout_x_to_day (layout, 0.3);
  nst_gantt_layout_zoom (layout, 2, 0.3);
  nst_gantt_layout_get_view (layout, &first, &n);
  g_assert_cmpfloat (n, ==, 548);
  g_assert_cmpfloat_with_epsilon (nst_gantt_layout_x_to_day (layout, 0.3), day, 1e-9);
  /* No closer than a week. */
  for (guint i = 0; i < 20; i++)
    nst_gantt_layout_zoom (layout, 2, 0.5);
  nst_gantt_layout_get_view (layout, &first, &n);
  g_assert_cmpfloat (n, ==, 7);
  nst_gantt_layout_scroll (layout, 1);
  g_assert_cmpfloat_with_epsilon (nst_gantt_layout_x_to_day (layout, 0), first + 7, 1e-9);
  nst_gantt_layout_unref (layout);
}

/* ---- rows and shapes ---------------------------------------------------------- */

static void
test_rows (void)
{
  g_autoptr(NstRoadmap) roadmap = sample_roadmap ();
  NstGanttLayout *layout = roadmap_layout (roadmap, "2025-11-15");
  const NstGanttRow *row;
  guint groups = 0, counts[NST_GANTT_N_STATES];
  GDate first, last;

  g_assert_cmpuint (nst_gantt_layout_get_n_rows (layout), ==, 5 + NST_ROADMAP_TEMPLATE_N_ITEMS);
  for (guint r = 0; r < nst_gantt_layout_get_n_rows (layout); r++)
    {
      row = nst_gantt_layout_get_row (layout, r);
      g_assert_cmpuint (row->index, ==, r);
      if (row->kind == NST_GANTT_ROW_GROUP)
        {
          groups++;
          g_assert_cmpint (row->group, ==, -1);
        }
      else
        {
          g_assert_cmpint (row->group, >=, 0);
          g_assert_cmpint (nst_gantt_layout_get_row (layout, row->group)->kind, ==, NST_GANTT_ROW_GROUP);
          g_assert_true (NST_IS_ROADMAP_ITEM (row->object));
        }
    }
  g_assert_cmpuint (groups, ==, 5);

  row = nst_gantt_layout_get_row (layout, find_label (layout, "Организация диагностики"));
  g_assert_cmpint (row->shape_kind, ==, NST_GANTT_SHAPE_MARK);
  g_assert_cmpuint (row->n_shapes, ==, 12);
  g_assert_cmpint (row->state, ==, NST_DEADLINE_OVERDUE);
  row = nst_gantt_layout_get_row (layout, find_label (layout, "Создание специальной рубрики"));
  g_assert_cmpint (row->shape_kind, ==, NST_GANTT_SHAPE_DIAMOND);
  g_assert_cmpuint (row->n_shapes, ==, 1);
  g_assert_cmpint (row->shapes[0].state, ==, NST_DEADLINE_OVERDUE);
  g_assert_cmpstr (row->bar_text, ==, "До 25.10.2025");
  g_assert_true (row->can_move);
  row = nst_gantt_layout_get_row (layout, find_label (layout, "Разработка дорожной карты"));
  g_assert_cmpint (row->state, ==, NST_DEADLINE_DONE);
  row = nst_gantt_layout_get_row (layout, find_label (layout, "Организация обучения"));
  g_assert_cmpuint (row->n_shapes, ==, 0);
  g_assert_cmpint (row->state, ==, NST_DEADLINE_PLANNED);

  /* The view starts on the extent: the roadmap's period. */
  g_assert_true (nst_gantt_layout_get_extent (layout, &first, &last));
  g_assert_cmpint (g_date_get_julian (&first), ==, g_date_get_julian ((GDate[]) { iso ("2025-09-01") }));
  g_assert_cmpint (g_date_get_julian (&last), ==, g_date_get_julian ((GDate[]) { iso ("2028-08-31") }));
  g_assert_cmpfloat (nst_gantt_layout_get_row (layout, find_label (layout, "Контроль процедуры"))->shapes[0].x0, ==, 0);
  g_assert_cmpfloat_with_epsilon (nst_gantt_layout_get_row (layout, find_label (layout, "Контроль процедуры"))->shapes[0].x1, 1, 1e-12);

  /* States follow the status date; the shapes stay. */
  g_assert_cmpuint (nst_gantt_layout_count_states (layout, counts), ==, NST_ROADMAP_TEMPLATE_N_ITEMS);
  g_assert_cmpuint (counts[NST_DEADLINE_OVERDUE], ==, 5);
  nst_gantt_layout_set_status_date (layout, (GDate[]) { iso ("2025-10-20") });
  row = nst_gantt_layout_get_row (layout, find_label (layout, "Создание специальной рубрики"));
  g_assert_cmpint (row->state, ==, NST_DEADLINE_DUE_SOON);
  nst_gantt_layout_set_status_date (layout, (GDate[]) { iso ("2025-09-05") });
  /* Done on 10.09, so not yet on 05.09, when it was due in ten days. */
  g_assert_cmpint (nst_gantt_layout_get_row (layout, find_label (layout, "Разработка дорожной карты"))->state,
                   ==, NST_DEADLINE_DUE_SOON);
  nst_gantt_layout_unref (layout);
}

/* Rows from the pairs' programmes join the roadmap's, under their own
 * group, and are found by source and id. */
static void
test_programme_rows (void)
{
  g_autoptr(NstRoadmap) roadmap = sample_roadmap ();
  g_autoptr(NstGanttInput) input = nst_gantt_input_new ();
  NstGanttOccurrence o[2] = { 0 };
  NstGanttRowSpec spec = { 0 };
  NstGanttLayout *layout;
  GDate status = iso ("2025-11-15");
  int row;

  nst_gantt_input_add_roadmap (input, roadmap, NULL, NULL);
  nst_gantt_input_add_group (input, "Программа: Иванова М.П. – Петров С.А.", 1);
  o[0].start = o[0].due = iso ("2025-11-10");
  o[0].done_on = iso ("2025-11-10");
  o[1].start = o[1].due = iso ("2025-12-08");
  g_date_clear (&o[1].done_on, 1);
  spec.label = "Онлайн-семинар о работе цифровых платформ";
  spec.bar_text = "Каждый второй понедельник месяца";
  spec.shape = NST_GANTT_SHAPE_MARK;
  spec.source = 1;
  spec.id = 42;
  spec.occurrences = o;
  spec.n_occurrences = 2;
  nst_gantt_input_add_row (input, &spec);
  layout = nst_gantt_layout_new (input, &status, &status, NULL, NULL);
  row = nst_gantt_layout_find_row (layout, 1, 42);
  g_assert_cmpint (row, ==, (int) nst_gantt_layout_get_n_rows (layout) - 1);
  g_assert_cmpint (nst_gantt_layout_get_row (layout, row)->shapes[0].state, ==, NST_DEADLINE_DONE);
  g_assert_cmpint (nst_gantt_layout_get_row (layout, row)->shapes[1].state, ==, NST_DEADLINE_PLANNED);
  g_assert_cmpint (nst_gantt_layout_find_row (layout, 0, 42), ==, -1);
  nst_gantt_layout_unref (layout);
}

/* A pair's programme from the pairs' model, as the «Программы пар» toggle
 * adds it. */
static void
test_plan_rows (void)
{
  g_autoptr(NstRoadmap) roadmap = sample_roadmap ();
  g_autoptr(NstGanttInput) input = nst_gantt_input_new ();
  g_autoptr(NstProgramme) programme = nst_programme_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func (g_object_unref);
  NstPlanItem *seminar = nst_plan_item_new ();
  NstPlanItem *visit = nst_plan_item_new ();
  NstPlanOccurrence *o;
  GDate status = iso ("2025-11-15");
  NstGanttLayout *layout;
  const NstGanttRow *row;
  g_autofree char *tooltip = NULL;
  int first;

  nst_programme_set_group_facts (programme, "Иванова М.П.", "Петров С.А.", NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE);
  nst_plan_item_set_id (seminar, 7);
  nst_plan_item_set_activity (seminar, "Онлайн-семинар о работе цифровых платформ");
  nst_plan_item_set_schedule (seminar, "Каждый второй понедельник месяца");
  nst_plan_item_set_responsible (seminar, "Педагог наставник");
  o = nst_plan_occurrence_new (NULL, "2025-11-10");
  nst_plan_occurrence_set_done_on (o, "2025-11-10");
  g_ptr_array_add (occurrences, o);
  g_ptr_array_add (occurrences, nst_plan_occurrence_new (NULL, "2025-12-08"));
  nst_plan_item_set_occurrences (seminar, occurrences);
  nst_plan_item_set_id (visit, 8);
  nst_plan_item_set_activity (visit, "Определение средств обратной связи");
  nst_plan_item_set_schedule (visit, "с 01.09.2025 по 31.05.2026");
  g_ptr_array_add (items, seminar);
  g_ptr_array_add (items, visit);
  nst_programme_set_items (programme, items);

  nst_gantt_input_add_roadmap (input, roadmap, NULL, NULL);
  nst_gantt_input_add_programme (input, programme);
  layout = nst_gantt_layout_new (input, &status, &status, NULL, NULL);
  first = nst_gantt_layout_find_row (layout, NST_GANTT_SOURCE_PROGRAMMES, 7);
  g_assert_cmpint (first, >, 0);
  row = nst_gantt_layout_get_row (layout, first - 1);
  g_assert_cmpint (row->kind, ==, NST_GANTT_ROW_GROUP);
  g_assert_nonnull (strstr (row->label, "Иванова М.П."));
  g_assert_nonnull (strstr (row->label, "Петров С.А."));
  row = nst_gantt_layout_get_row (layout, first);
  g_assert_cmpint (row->shape_kind, ==, NST_GANTT_SHAPE_MARK);
  g_assert_cmpuint (row->n_shapes, ==, 2);
  g_assert_cmpint (row->shapes[0].state, ==, NST_DEADLINE_DONE);
  g_assert_cmpint (row->shapes[1].state, ==, NST_DEADLINE_PLANNED);
  g_assert_true (NST_IS_PLAN_ITEM (row->object));
  g_assert_cmpstr (row->number, ==, "1");
  g_assert_false (row->can_move);
  tooltip = nst_gantt_layout_dup_tooltip (layout, first, 0);
  g_assert_nonnull (strstr (tooltip, "Онлайн-семинар"));
  g_assert_nonnull (strstr (tooltip, "10.11.2025"));
  g_assert_nonnull (strstr (tooltip, "Педагог наставник"));
  /* No occurrences yet: a row with nothing on it. */
  row = nst_gantt_layout_get_row (layout, nst_gantt_layout_find_row (layout, NST_GANTT_SOURCE_PROGRAMMES, 8));
  g_assert_cmpint (row->shape_kind, ==, NST_GANTT_SHAPE_BAR);
  nst_gantt_layout_unref (layout);
}

static void
test_step_and_tooltip (void)
{
  g_autoptr(NstRoadmap) roadmap = sample_roadmap ();
  NstGanttLayout *layout = roadmap_layout (roadmap, "2025-11-15");
  int last = nst_gantt_layout_get_n_rows (layout) - 1;
  int overdue = find_label (layout, "Создание специальной рубрики");
  g_autofree char *tooltip = nst_gantt_layout_dup_tooltip (layout, overdue, 0);
  g_autofree char *group = nst_gantt_layout_dup_tooltip (layout, 0, -1);

  /* Arrows pass over section rows and stop at the ends. */
  g_assert_cmpint (nst_gantt_layout_step_row (layout, -1, 1), ==, 1);
  g_assert_cmpint (nst_gantt_layout_step_row (layout, 1, -1), ==, 1);
  g_assert_cmpint (nst_gantt_layout_step_row (layout, 5, 1), ==, 7);
  g_assert_cmpint (nst_gantt_layout_step_row (layout, 7, -1), ==, 5);
  g_assert_cmpint (nst_gantt_layout_step_row (layout, 1, 3), ==, 3 + 1);
  g_assert_cmpint (nst_gantt_layout_step_row (layout, last, 1), ==, last);
  g_assert_cmpint (nst_gantt_layout_step_row (layout, -1, -1), ==, last);
  g_assert_cmpint (nst_gantt_layout_step_row (layout, 1, 1000), ==, last);

  g_assert_true (g_str_has_prefix (tooltip, "Создание специальной рубрики"));
  g_assert_nonnull (strstr (tooltip, "До 25.10.2025"));
  g_assert_nonnull (strstr (tooltip, nst_deadline_state_label (NST_DEADLINE_OVERDUE)));
  g_assert_nonnull (strstr (tooltip, "Куратор целевой модели наставничества"));
  g_assert_cmpstr (group, ==, "Организационно-методическое сопровождение деятельности");
  g_assert_null (nst_gantt_layout_dup_tooltip (layout, 1000, -1));
  nst_gantt_layout_unref (layout);
}

/* ---- the timescale -------------------------------------------------------------- */

static double
fixed_width_cb (const char *text,
                gpointer    user_data)
{
  return g_utf8_strlen (text, -1) * 6.0;
}

static void
test_scale_levels (void)
{
  g_autoptr(NstRoadmap) roadmap = sample_roadmap ();
  NstGanttLayout *layout = roadmap_layout (roadmap, "2025-11-15");
  static const struct { double days; guint n_bands; NstGanttBandLevel last; } cases[] = {
    { 1096, 2, NST_GANTT_BAND_QUARTER },  /* 0.9 px a day at 1000 px */
    { 365, 3, NST_GANTT_BAND_MONTH },
    { 120, 4, NST_GANTT_BAND_WEEK },
    { 31, 4, NST_GANTT_BAND_DAY },
  };
  GDate start = iso ("2025-09-01");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NstGanttScale) scale = NULL;
      double width = cases[i].days * (cases[i].days > 1000 ? 0.5 : cases[i].days > 300 ? 1 : cases[i].days > 100 ? 5 : 20);
      const NstGanttBand *band;

      nst_gantt_layout_set_view (layout, g_date_get_julian (&start), cases[i].days);
      scale = nst_gantt_scale_new (layout, width, fixed_width_cb, NULL);
      g_assert_cmpuint (nst_gantt_scale_get_n_bands (scale), ==, cases[i].n_bands);
      band = nst_gantt_scale_get_band (scale, cases[i].n_bands - 1);
      g_assert_cmpint (band->level, ==, cases[i].last);
      g_assert_cmpint (nst_gantt_scale_get_band (scale, 0)->level, ==, NST_GANTT_BAND_YEAR);
      /* Ticks tile the band: each starts where the one before ends. */
      for (guint b = 0; b < nst_gantt_scale_get_n_bands (scale); b++)
        {
          const NstGanttBand *each = nst_gantt_scale_get_band (scale, b);

          g_assert_cmpuint (each->n_ticks, >, 0);
          g_assert_cmpfloat (each->ticks[0].x0, <=, 0);
          g_assert_cmpfloat (each->ticks[each->n_ticks - 1].x1, >=, 1 - 1e-9);
          for (guint t = 1; t < each->n_ticks; t++)
            g_assert_cmpfloat_with_epsilon (each->ticks[t].x0, each->ticks[t - 1].x1, 1e-9);
        }
    }
  nst_gantt_layout_unref (layout);
}

/* Quarters with the holidays between them, from the default dates, and one
 * kind of label across a band. */
static void
test_scale_quarters (void)
{
  g_autoptr(NstRoadmap) roadmap = sample_roadmap ();
  NstGanttLayout *layout = roadmap_layout (roadmap, "2025-11-15");
  g_autoptr(NstGanttScale) scale = NULL;
  const NstGanttBand *quarters, *months;
  NstSchoolQuarters q;
  GDate a = iso ("2025-09-01"), b = iso ("2026-08-31");
  guint holidays = 0, regular = 0;

  nst_school_quarters_default (2025, &q);
  nst_gantt_layout_set_range (layout, &a, &b);
  scale = nst_gantt_scale_new (layout, 1200, fixed_width_cb, NULL);
  quarters = nst_gantt_scale_find_band (scale, NST_GANTT_BAND_QUARTER);
  months = nst_gantt_scale_find_band (scale, NST_GANTT_BAND_MONTH);
  g_assert_nonnull (quarters);
  g_assert_nonnull (months);
  for (guint t = 0; t < quarters->n_ticks; t++)
    {
      const NstGanttTick *tick = &quarters->ticks[t];

      if (tick->holiday)
        holidays++;
      else
        {
          g_assert_cmpint (g_date_compare (&tick->first, &q.starts[regular]), ==, 0);
          g_assert_cmpint (g_date_compare (&tick->last, &q.ends[regular]), ==, 0);
          regular++;
        }
    }
  g_assert_cmpuint (regular, ==, 4);
  g_assert_cmpuint (holidays, ==, 4);
  g_assert_cmpuint (months->n_ticks, ==, 12);
  /* 100 px a month: «September» fits, so every month has its full name. */
  for (guint t = 0; t < months->n_ticks; t++)
    {
      g_assert_nonnull (months->ticks[t].label);
      g_assert_cmpuint (g_utf8_strlen (months->ticks[t].label, -1), >, 3);
    }
  nst_gantt_layout_unref (layout);
}

/* ---- hit-testing and labels ------------------------------------------------------ */

static void
test_hit (void)
{
  g_autoptr(NstRoadmap) roadmap = sample_roadmap ();
  NstGanttLayout *layout = roadmap_layout (roadmap, "2025-11-15");
  GDate a = iso ("2025-09-01"), b = iso ("2026-08-31");
  int diamond_row = find_label (layout, "Создание специальной рубрики");
  int marks_row = find_label (layout, "Организация диагностики");
  int bar_row = find_label (layout, "Осуществление персонализированного");
  const NstGanttRow *row;
  NstGanttView view;
  NstGanttHit hit;
  double cx, cy, x0, x1;

  nst_gantt_layout_set_range (layout, &a, &b);
  nst_gantt_view_init (&view, 1200, 700, 12);

  row = nst_gantt_layout_get_row (layout, diamond_row);
  cx = nst_gantt_view_x_to_pixel (&view, row->shapes[0].x);
  cy = nst_gantt_view_row_to_pixel (&view, layout, diamond_row) + view.row_height / 2;
  g_assert_true (nst_gantt_layout_hit (layout, &view, cx + 0.5, cy - 2, &hit));
  g_assert_cmpint (hit.area, ==, NST_GANTT_HIT_SHAPE);
  g_assert_cmpint (hit.row, ==, diamond_row);
  g_assert_cmpint (hit.shape, ==, 0);
  g_assert_cmpint ((int) floor (hit.day), ==, (int) g_date_get_julian (&row->shapes[0].due));
  /* Beside it, on the same row. */
  g_assert_true (nst_gantt_layout_hit (layout, &view, cx + 60, cy, &hit));
  g_assert_cmpint (hit.area, ==, NST_GANTT_HIT_ROW);
  g_assert_cmpint (hit.shape, ==, -1);

  /* The nearest mark of a rule, with its occurrence. */
  row = nst_gantt_layout_get_row (layout, marks_row);
  cx = nst_gantt_view_x_to_pixel (&view, row->shapes[1].x);
  cy = nst_gantt_view_row_to_pixel (&view, layout, marks_row) + view.row_height / 2;
  g_assert_true (nst_gantt_layout_hit (layout, &view, cx - 1, cy, &hit));
  g_assert_cmpint (hit.area, ==, NST_GANTT_HIT_SHAPE);
  g_assert_cmpint (hit.occurrence, ==, 1);

  /* A bar, and the grips at its ends: all of it in sight. */
  b = iso ("2028-12-31");
  nst_gantt_layout_set_range (layout, &a, &b);
  row = nst_gantt_layout_get_row (layout, bar_row);
  x0 = nst_gantt_view_x_to_pixel (&view, MAX (row->shapes[0].x0, 0));
  x1 = nst_gantt_view_x_to_pixel (&view, row->shapes[0].x1);
  cy = nst_gantt_view_row_to_pixel (&view, layout, bar_row) + view.row_height / 2;
  g_assert_true (nst_gantt_layout_hit (layout, &view, (x0 + x1) / 2, cy, &hit));
  g_assert_cmpint (hit.area, ==, NST_GANTT_HIT_SHAPE);
  g_assert_cmpint (hit.edge, ==, 0);
  g_assert_true (nst_gantt_layout_hit (layout, &view, x1 - 1, cy, &hit));
  g_assert_cmpint (hit.edge, ==, 1);

  /* The labels column, the timescale, below the rows, outside. */
  g_assert_true (nst_gantt_layout_hit (layout, &view, 10, cy, &hit));
  g_assert_cmpint (hit.area, ==, NST_GANTT_HIT_LABEL);
  g_assert_cmpint (hit.row, ==, bar_row);
  g_assert_false (nst_gantt_layout_hit (layout, &view, 600, 5, &hit));
  g_assert_cmpint (hit.area, ==, NST_GANTT_HIT_SCALE);
  g_assert_false (nst_gantt_layout_hit (layout, &view, 600, 699, &hit));
  g_assert_cmpint (hit.row, ==, -1);
  g_assert_false (nst_gantt_layout_hit (layout, &view, -1, 300, &hit));

  /* Scrolled: the same point is a row further down. */
  view.scroll_y = view.row_height;
  g_assert_true (nst_gantt_layout_hit (layout, &view, 10, cy, &hit));
  g_assert_cmpint (hit.row, ==, bar_row + 1);

  /* A row drawn moved by a drag is hit where it is drawn. */
  b = iso ("2026-08-31");
  nst_gantt_layout_set_range (layout, &a, &b);
  view.scroll_y = 0;
  view.drag_row = diamond_row;
  view.drag_days = 30;
  row = nst_gantt_layout_get_row (layout, diamond_row);
  cx = nst_gantt_view_x_to_pixel (&view, nst_gantt_layout_day_to_x (layout, row->shapes[0].last_day + 30.5));
  cy = nst_gantt_view_row_to_pixel (&view, layout, diamond_row) + view.row_height / 2;
  g_assert_true (nst_gantt_layout_hit (layout, &view, cx, cy, &hit));
  g_assert_cmpint (hit.area, ==, NST_GANTT_HIT_SHAPE);
  nst_gantt_layout_unref (layout);
}

static void
test_label_place (void)
{
  double x;

  g_assert_cmpint (nst_gantt_place_label (100, 300, 80, 0, 1000, 4, &x), ==, NST_GANTT_LABEL_INSIDE);
  g_assert_cmpfloat (x, ==, 104);
  g_assert_cmpint (nst_gantt_place_label (100, 150, 80, 0, 1000, 4, &x), ==, NST_GANTT_LABEL_AFTER);
  g_assert_cmpfloat (x, ==, 154);
  g_assert_cmpint (nst_gantt_place_label (900, 950, 80, 0, 1000, 4, &x), ==, NST_GANTT_LABEL_BEFORE);
  g_assert_cmpfloat (x, ==, 816);
  g_assert_cmpint (nst_gantt_place_label (10, 990, 2000, 0, 1000, 4, &x), ==, NST_GANTT_LABEL_NONE);
  /* A bar scrolled half out of sight keeps its text in the part shown. */
  g_assert_cmpint (nst_gantt_place_label (-500, 300, 80, 0, 1000, 4, &x), ==, NST_GANTT_LABEL_INSIDE);
  g_assert_cmpfloat (x, ==, 4);
}

static void
test_row_label_place (void)
{
  g_autoptr(NstRoadmap) roadmap = sample_roadmap ();
  NstGanttLayout *layout = roadmap_layout (roadmap, "2025-11-15");
  GDate a = iso ("2025-09-01"), b = iso ("2026-08-31");
  NstGanttView view;
  double x, width;

  nst_gantt_layout_set_range (layout, &a, &b);
  nst_gantt_view_init (&view, 1200, 700, 12);
  /* «Весь период» on a bar across the chart: inside. */
  g_assert_cmpint (nst_gantt_layout_place_row_label (layout, &view, find_label (layout, "Контроль процедуры"),
                                                     fixed_width_cb, NULL, &x, &width),
                   ==, NST_GANTT_LABEL_INSIDE);
  g_assert_cmpfloat (width, ==, 6.0 * g_utf8_strlen ("Весь период", -1));
  /* A deadline: beside its diamond. */
  g_assert_cmpint (nst_gantt_layout_place_row_label (layout, &view, find_label (layout, "Создание специальной"),
                                                     fixed_width_cb, NULL, &x, &width),
                   ==, NST_GANTT_LABEL_AFTER);
  /* A rule's marks carry no text. */
  g_assert_cmpint (nst_gantt_layout_place_row_label (layout, &view, find_label (layout, "Организация диагностики"),
                                                     fixed_width_cb, NULL, &x, &width),
                   ==, NST_GANTT_LABEL_NONE);
  nst_gantt_layout_unref (layout);
}

/* ---- pages ------------------------------------------------------------------------ */

static void
assert_tiling (NstGanttLayout         *layout,
               const NstGanttPageSpec *spec)
{
  g_autoptr(GArray) tiles = NULL;
  guint n_columns, n_lines;
  double first_day, n_days;
  double room = spec->page_width - 2 * spec->margin - spec->view.label_width;

  nst_gantt_layout_get_view (layout, &first_day, &n_days);
  tiles = nst_gantt_layout_paginate (layout, spec, &n_columns, &n_lines);
  g_assert_cmpuint (tiles->len, ==, n_columns * n_lines);
  for (guint i = 0; i < tiles->len; i++)
    {
      const NstGanttTile *t = &g_array_index (tiles, NstGanttTile, i);

      g_assert_cmpuint (t->page, ==, i);
      g_assert_cmpuint (t->line * n_columns + t->column, ==, i);
      g_assert_cmpfloat (t->chart_width, <=, room + 1e-6);
      g_assert_cmpfloat (t->n_days, >, 0);
      g_assert_cmpuint (t->n_rows, >, 0);
      /* Across: the first starts with the range, each next on the day
       * after, the last ends with it. Down likewise with rows. */
      if (t->column == 0)
        g_assert_cmpfloat (t->first_day, ==, floor (first_day));
      else
        {
          const NstGanttTile *left = &g_array_index (tiles, NstGanttTile, i - 1);

          g_assert_cmpfloat (t->first_day, ==, left->first_day + left->n_days);
          g_assert_cmpuint (t->first_row, ==, left->first_row);
          g_assert_cmpuint (t->n_rows, ==, left->n_rows);
          /* One scale on every page. */
          g_assert_cmpfloat_with_epsilon (t->chart_width / t->n_days, left->chart_width / left->n_days, 1e-9);
        }
      if (t->column + 1 == n_columns)
        g_assert_cmpfloat (t->first_day + t->n_days, ==, ceil (first_day + n_days));
      if (t->line == 0)
        g_assert_cmpuint (t->first_row, ==, 0);
      else
        {
          const NstGanttTile *above = &g_array_index (tiles, NstGanttTile, i - n_columns);

          g_assert_cmpuint (t->first_row, ==, above->first_row + above->n_rows);
          g_assert_cmpfloat (t->first_day, ==, above->first_day);
        }
      if (t->line + 1 == n_lines)
        g_assert_cmpuint (t->first_row + t->n_rows, ==, nst_gantt_layout_get_n_rows (layout));
      else
        /* A section's title is never the last row of a page. */
        g_assert_cmpint (nst_gantt_layout_get_row (layout, t->first_row + t->n_rows - 1)->kind,
                         ==, NST_GANTT_ROW_TASK);
    }
}

static void
test_pages_tiling (void)
{
  NstGanttLayout *layout = synthetic_layout (6, 15, "2025-09-01", "2028-08-31");
  NstGanttPageSpec spec;
  g_autoptr(GArray) tiles = NULL;
  guint n_columns, n_lines;

  nst_gantt_page_spec_init_a4 (&spec);
  g_assert_cmpfloat (spec.page_width, >, spec.page_height);
  assert_tiling (layout, &spec);
  tiles = nst_gantt_layout_paginate (layout, &spec, &n_columns, &n_lines);
  g_assert_cmpuint (n_columns, ==, 2);
  g_assert_cmpuint (n_lines, ==, 5);
  /* Pages break between months when they can. */
  {
    GDate second;

    g_date_clear (&second, 1);
    g_date_set_julian (&second, (guint32) g_array_index (tiles, NstGanttTile, 1).first_day);
    g_assert_cmpuint (g_date_get_day (&second), ==, 1);
  }

  /* Other scales and ranges, fractional views included. */
  spec.min_ppd = 0;
  assert_tiling (layout, &spec);
  spec.min_ppd = 3;
  assert_tiling (layout, &spec);
  nst_gantt_layout_set_view (layout, g_date_get_julian ((GDate[]) { iso ("2025-10-10") }) + 0.4, 200.3);
  assert_tiling (layout, &spec);
  spec.view.row_height = 60;
  assert_tiling (layout, &spec);
  nst_gantt_layout_unref (layout);

  /* A single row, a single page. */
  layout = synthetic_layout (1, 1, "2025-09-01", "2025-12-31");
  spec.min_ppd = 1;
  g_clear_pointer (&tiles, g_array_unref);
  tiles = nst_gantt_layout_paginate (layout, &spec, &n_columns, &n_lines);
  g_assert_cmpuint (tiles->len, ==, 1);
  nst_gantt_layout_unref (layout);
}

static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Every page of the PDF has the labels column, the timescale, and the
 * labels of its own rows only, read back by poppler's pdftotext. */
static void
test_pages_pdf (void)
{
  NstGanttLayout *layout = synthetic_layout (6, 15, "2025-09-01", "2028-08-31");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) tiles = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nst-test-gantt-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  NstGanttExportOptions options = { "Дорожная карта", NULL, 0, NULL };
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  NstGanttPageSpec spec;
  double first_day, n_days;

  if (pdftotext == NULL)
    {
      g_test_skip ("no pdftotext");
      nst_gantt_layout_unref (layout);
      return;
    }
  g_assert_no_error (error);
  nst_gantt_page_spec_init_a4 (&spec);
  nst_gantt_layout_get_view (layout, &first_day, &n_days);
  tiles = nst_gantt_layout_paginate (layout, &spec, NULL, NULL);
  nst_gantt_export_pdf (layout, path, &options, &error);
  g_assert_no_error (error);
  /* The view is put back. */
  {
    double f, n;

    nst_gantt_layout_get_view (layout, &f, &n);
    g_assert_cmpfloat (f, ==, first_day);
    g_assert_cmpfloat (n, ==, n_days);
  }
  for (guint i = 0; i < tiles->len; i++)
    {
      const NstGanttTile *t = &g_array_index (tiles, NstGanttTile, i);
      g_autofree char *page = g_strdup_printf ("%u", i + 1);
      g_autofree char *text = run ((const char *[]) { "pdftotext", "-f", page, "-l", page, path, "-", NULL });
      g_autofree char *sheet = g_strdup_printf ("%u", (guint) tiles->len);

      g_assert_nonnull (strstr (text, C_("gantt column", "Activity")));
      g_assert_nonnull (strstr (text, "Дорожная карта"));
      g_assert_nonnull (strstr (text, "/20"));   /* a school year, «2025/2026» */
      g_assert_nonnull (strstr (text, sheet));
      for (guint r = 0; r < nst_gantt_layout_get_n_rows (layout); r++)
        {
          g_autofree char *label = g_strdup_printf ("%s\n", nst_gantt_layout_get_row (layout, r)->label);
          gboolean here = r >= t->first_row && r < t->first_row + t->n_rows;

          g_assert_true ((strstr (text, label) != NULL) == here);
        }
    }
  g_unlink (path);
  g_rmdir (dir);
  nst_gantt_layout_unref (layout);
}

/* ---- drawing ------------------------------------------------------------------------- */

typedef struct
{
  guint8 r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 argb;
  Pixel p;

  cairo_surface_flush (surface);
  argb = *(const guint32 *) (const void *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  p.r = (argb >> 16) & 0xff;
  p.g = (argb >> 8) & 0xff;
  p.b = argb & 0xff;
  return p;
}

static void
assert_color (cairo_surface_t     *surface,
              int                  x,
              int                  y,
              const NstGanttColor *color)
{
  Pixel p = pixel_at (surface, x, y);

  g_test_message ("(%d, %d): %02x%02x%02x, want %02x%02x%02x", x, y, p.r, p.g, p.b,
                  (int) round (color->red * 255), (int) round (color->green * 255),
                  (int) round (color->blue * 255));
  g_assert_cmpint (abs (p.r - (int) round (color->red * 255)), <=, 3);
  g_assert_cmpint (abs (p.g - (int) round (color->green * 255)), <=, 3);
  g_assert_cmpint (abs (p.b - (int) round (color->blue * 255)), <=, 3);
}

static void
test_render_probe (void)
{
  g_autoptr(NstRoadmap) roadmap = sample_roadmap ();
  NstGanttLayout *layout = roadmap_layout (roadmap, "2025-11-15");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 700);
  cairo_t *cr = cairo_create (surface);
  GDate a = iso ("2025-09-01"), b = iso ("2026-08-31");
  NstGanttPalette palette;
  NstGanttView view;
  int overdue = find_label (layout, "Создание специальной рубрики");
  int done = find_label (layout, "Разработка дорожной карты");
  double today, r;
  int x, y;

  nst_gantt_palette_init_light (&palette);
  nst_gantt_layout_set_range (layout, &a, &b);
  nst_gantt_view_init (&view, 1200, 700, 12);
  nst_gantt_render (cr, layout, &view, &palette);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  /* The today line: two pixels wide, on the middle of 15.11.2025, over
   * everything in the rows (row 10 is a section's, shaded). */
  today = nst_gantt_view_x_to_pixel (&view, nst_gantt_layout_get_today_x (layout));
  g_assert_cmpfloat_with_epsilon (today, view.label_width + (75.5 / 365) * 900, 1e-6);
  y = (int) nst_gantt_view_row_to_pixel (&view, layout, 10) + 2;
  assert_color (surface, (int) round (today) - 1, y, &palette.accent);
  assert_color (surface, (int) round (today), y, &palette.accent);
  assert_color (surface, (int) round (today) + 3, y, &palette.header);

  /* The overdue deadline in the overdue colour, the done one in the done
   * colour (beside the ! and ✓ drawn on them). */
  r = nst_gantt_view_get_shape_size (&view) * 1.15 / 2;
  x = (int) (nst_gantt_view_x_to_pixel (&view, nst_gantt_layout_get_row (layout, overdue)->shapes[0].x) - r * 0.5);
  y = (int) (nst_gantt_view_row_to_pixel (&view, layout, overdue) + view.row_height / 2);
  assert_color (surface, x, y, &palette.states[NST_DEADLINE_OVERDUE]);
  x = (int) (nst_gantt_view_x_to_pixel (&view, nst_gantt_layout_get_row (layout, done)->shapes[0].x) + r * 0.55);
  y = (int) (nst_gantt_view_row_to_pixel (&view, layout, done) + view.row_height / 2) - 1;
  assert_color (surface, x, y, &palette.states[NST_DEADLINE_DONE]);

  /* A section row is shaded across the chart; the corner too. */
  y = (int) nst_gantt_view_row_to_pixel (&view, layout, 0) + 2;
  assert_color (surface, 400, y, &palette.header);
  assert_color (surface, 2, 2, &palette.header);

  /* Dark: the same chart on a dark ground. */
  nst_gantt_palette_init_dark (&palette);
  nst_gantt_render (cr, layout, &view, &palette);
  assert_color (surface, 1190, 690, &palette.background);
  x = (int) (nst_gantt_view_x_to_pixel (&view, nst_gantt_layout_get_row (layout, overdue)->shapes[0].x) - r * 0.5);
  y = (int) (nst_gantt_view_row_to_pixel (&view, layout, overdue) + view.row_height / 2);
  assert_color (surface, x, y, &palette.states[NST_DEADLINE_OVERDUE]);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  nst_gantt_layout_unref (layout);
}

/* A thousand rows cost no more than the ones in sight, and a view scrolled
 * past the end draws nothing but the frame. */
static void
test_render_many (void)
{
  NstGanttLayout *layout = synthetic_layout (20, 50, "2025-09-01", "2026-05-31");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 400);
  cairo_t *cr = cairo_create (surface);
  NstGanttPalette palette;
  NstGanttView view;

  nst_gantt_palette_init_light (&palette);
  nst_gantt_view_init (&view, 800, 400, 11);
  view.scroll_y = 500 * view.row_height;
  view.selected_row = 501;
  view.hover_row = 502;
  nst_gantt_render (cr, layout, &view, &palette);
  view.scroll_y = 5000 * view.row_height;
  nst_gantt_render (cr, layout, &view, &palette);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  nst_gantt_layout_unref (layout);
}

static void
test_legend (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 40);
  cairo_t *cr = cairo_create (surface);
  NstGanttPalette palette;
  double width, height;

  nst_gantt_palette_init_light (&palette);
  nst_gantt_render_legend (cr, &palette, NULL, 12, 4, 4, &width, &height);
  g_assert_cmpfloat (width, >, 200);
  g_assert_cmpfloat (height, >, 12);
  /* The first symbol: done, filled in its colour. */
  assert_color (surface, 10, 12, &palette.states[NST_DEADLINE_DONE]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- files ----------------------------------------------------------------------------- */

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_export (void)
{
  g_autoptr(NstRoadmap) roadmap = sample_roadmap ();
  NstGanttLayout *layout = roadmap_layout (roadmap, "2025-11-15");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nst-test-gantt-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.PDF", NULL);
  g_autofree char *txt = g_build_filename (dir, "chart.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *contents = NULL;
  NstGanttExportOptions options = { nst_roadmap_get_title (roadmap), NULL, 1200, NULL };
  gsize length;

  g_assert_no_error (error);
  /* A file already there is replaced whole. */
  g_file_set_contents (png, "old", -1, &error);
  g_assert_no_error (error);
  nst_gantt_export (layout, png, &options, &error);
  g_assert_no_error (error);
  g_file_get_contents (png, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 8, "\211PNG\r\n\032\n", 8);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (void *) (contents + 16)), ==, 1200);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (void *) (contents + 20)), >, 600);

  nst_gantt_export (layout, pdf, &options, &error);
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* Nothing but the two files: no temporary file stays behind. */
  g_assert_cmpuint (count_entries (dir), ==, 2);
  /* The chart names people: both files are their owner's only. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (png, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_stat (pdf, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }

  g_assert_false (nst_gantt_export (layout, missing, &options, &error));
  g_assert_error (error, NST_GANTT_ERROR, NST_GANTT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);
  g_assert_false (nst_gantt_export (layout, txt, &options, &error));
  g_assert_error (error, NST_GANTT_ERROR, NST_GANTT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 2);

  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
  nst_gantt_layout_unref (layout);
}

static void
test_export_too_large (void)
{
  NstGanttLayout *layout = synthetic_layout (20, 60, "2025-09-01", "2026-05-31");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nst-test-gantt-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);

  g_assert_false (nst_gantt_export_png (layout, png, NULL, &error));
  g_assert_error (error, NST_GANTT_ERROR, NST_GANTT_ERROR_TOO_LARGE);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_rmdir (dir);
  nst_gantt_layout_unref (layout);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gantt/x/round-trip", test_x_round_trip);
  g_test_add_func ("/gantt/x/zoom", test_zoom);
  g_test_add_func ("/gantt/rows/roadmap", test_rows);
  g_test_add_func ("/gantt/rows/programmes", test_programme_rows);
  g_test_add_func ("/gantt/rows/plan", test_plan_rows);
  g_test_add_func ("/gantt/rows/step-and-tooltip", test_step_and_tooltip);
  g_test_add_func ("/gantt/scale/levels", test_scale_levels);
  g_test_add_func ("/gantt/scale/quarters", test_scale_quarters);
  g_test_add_func ("/gantt/hit", test_hit);
  g_test_add_func ("/gantt/labels/place", test_label_place);
  g_test_add_func ("/gantt/labels/rows", test_row_label_place);
  g_test_add_func ("/gantt/pages/tiling", test_pages_tiling);
  g_test_add_func ("/gantt/pages/pdf", test_pages_pdf);
  g_test_add_func ("/gantt/render/probe", test_render_probe);
  g_test_add_func ("/gantt/render/many", test_render_many);
  g_test_add_func ("/gantt/render/legend", test_legend);
  g_test_add_func ("/gantt/export/files", test_export);
  g_test_add_func ("/gantt/export/too-large", test_export_too_large);

  status = g_test_run ();
  nst_gantt_render_release_fonts ();
  return status;
}
