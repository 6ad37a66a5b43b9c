/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-gantt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "schedule/nst-date.h"
#include "gantt/nst-gantt-private.h"
#include "model/nst-plan-item.h"

/* A little tolerance for x → day, so that the left edge of a day maps back
 * to that day whatever the rounding of the division. */
#define DAY_EPSILON 1e-7

/* The narrowest and widest the view may be zoomed to. */
#define MIN_VIEW_DAYS 7.0
#define MAX_VIEW_DAYS (366.0 * 30)

/* How far (in pixels) around a shape a click still hits it. */
#define HIT_TOLERANCE 3.0
#define EDGE_GRIP     5.0

G_DEFINE_QUARK (nst-gantt-error-quark, nst_gantt_error)

/* ---- input ---------------------------------------------------------------- */

typedef struct
{
  NstGanttRowKind kind;
  char *number;
  char *label;
  char *bar_text;
  NstGanttShapeKind shape;
  gboolean can_move;
  gint64 id;
  guint source;
  GObject *object;
  GArray *occurrences;  /* NstGanttOccurrence */
} InputRow;

struct _NstGanttInput
{
  GPtrArray *rows;  /* InputRow */
};

static void
input_row_free (gpointer data)
{
  InputRow *row = data;

  g_free (row->number);
  g_free (row->label);
  g_free (row->bar_text);
  g_clear_object (&row->object);
  g_clear_pointer (&row->occurrences, g_array_unref);
  g_free (row);
}

/**
 * nst_gantt_input_new:
 *
 * Returns: (transfer full): an empty list of rows to lay out
 */
NstGanttInput *
nst_gantt_input_new (void)
{
  NstGanttInput *input = g_new0 (NstGanttInput, 1);

  input->rows = g_ptr_array_new_with_free_func (input_row_free);
  return input;
}

void
nst_gantt_input_free (NstGanttInput *input)
{
  if (input == NULL)
    return;
  g_ptr_array_unref (input->rows);
  g_free (input);
}

guint
nst_gantt_input_get_n_rows (NstGanttInput *input)
{
  return input->rows->len;
}

/**
 * nst_gantt_input_add_group:
 * @title: a section's title, shown across the chart
 * @source: the caller's tag, as for rows
 *
 * Starts a group: the rows added after it belong to it.
 */
void
nst_gantt_input_add_group (NstGanttInput *input,
                           const char    *title,
                           guint          source)
{
  InputRow *row = g_new0 (InputRow, 1);

  row->kind = NST_GANTT_ROW_GROUP;
  row->label = g_strdup (title ? title : "");
  row->source = source;
  row->occurrences = g_array_new (FALSE, FALSE, sizeof (NstGanttOccurrence));
  g_ptr_array_add (input->rows, row);
}

/**
 * nst_gantt_input_add_row:
 * @spec: the row; its strings and occurrences are copied, its object is
 *   referenced
 *
 * Returns: the row's index
 */
guint
nst_gantt_input_add_row (NstGanttInput         *input,
                         const NstGanttRowSpec *spec)
{
  InputRow *row = g_new0 (InputRow, 1);

  row->kind = NST_GANTT_ROW_TASK;
  row->number = g_strdup (spec->number);
  row->label = g_strdup (spec->label ? spec->label : "");
  row->bar_text = g_strdup (spec->bar_text);
  row->shape = spec->shape;
  row->can_move = spec->can_move;
  row->id = spec->id;
  row->source = spec->source;
  row->object = spec->object ? g_object_ref (spec->object) : NULL;
  row->occurrences = g_array_sized_new (FALSE, FALSE, sizeof (NstGanttOccurrence),
                                        spec->n_occurrences);
  g_array_append_vals (row->occurrences, spec->occurrences, spec->n_occurrences);
  g_ptr_array_add (input->rows, row);
  return input->rows->len - 1;
}

static NstGanttShapeKind
shape_for_timing (NstRoadmapTiming timing)
{
  switch (timing)
    {
    case NST_ROADMAP_TIMING_DATE: return NST_GANTT_SHAPE_DIAMOND;
    case NST_ROADMAP_TIMING_RECURRING: return NST_GANTT_SHAPE_MARK;
    case NST_ROADMAP_TIMING_PERIOD:
    case NST_ROADMAP_TIMING_NONE:
    default: return NST_GANTT_SHAPE_BAR;
    }
}

static GArray *
gantt_occurrences (GArray *occurrences)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (NstGanttOccurrence), occurrences->len);

  for (guint i = 0; i < occurrences->len; i++)
    {
      const NstRoadmapOccurrence *o = &g_array_index (occurrences, NstRoadmapOccurrence, i);
      NstGanttOccurrence g;

      g.start = o->start;
      g.due = o->due;
      g_date_clear (&g.done_on, 1);
      if (o->status == NST_ROADMAP_STATUS_DONE && g_date_valid (&o->done_on))
        g.done_on = o->done_on;
      g.cancelled = o->status == NST_ROADMAP_STATUS_CANCELLED;
      g_array_append_val (out, g);
    }
  return out;
}

static void
add_roadmap_item (NstGanttInput   *input,
                  NstRoadmap      *roadmap,
                  NstRoadmapItem  *item,
                  NstQuartersFunc  quarters_for,
                  gpointer         user_data)
{
  g_autoptr(GArray) occurrences = nst_roadmap_dup_item_occurrences (roadmap, item, quarters_for, user_data);
  g_autoptr(GArray) dates = gantt_occurrences (occurrences);
  g_autofree char *number = g_strdup_printf ("%u", nst_roadmap_item_get_position (item) + 1);
  NstGanttRowSpec spec = { 0 };

  spec.number = number;
  spec.label = nst_roadmap_item_get_content (item);
  spec.bar_text = nst_roadmap_item_get_schedule (item);
  spec.shape = shape_for_timing (nst_roadmap_item_get_timing (item));
  spec.can_move = nst_roadmap_item_get_can_move (item);
  spec.id = nst_roadmap_item_get_id (item);
  spec.source = NST_GANTT_SOURCE_ROADMAP;
  spec.object = G_OBJECT (item);
  spec.occurrences = (const NstGanttOccurrence *) dates->data;
  spec.n_occurrences = dates->len;
  nst_gantt_input_add_row (input, &spec);
}

/**
 * nst_gantt_input_add_roadmap:
 * @quarters_for: (nullable): the school's quarters, for rules that follow
 *   them; %NULL for the defaults
 *
 * Adds a group per section and a row per item (source
 * %NST_GANTT_SOURCE_ROADMAP, the #NstRoadmapItem as the row's object), its
 * occurrences expanded over the roadmap's period.
 */
void
nst_gantt_input_add_roadmap (NstGanttInput   *input,
                             NstRoadmap      *roadmap,
                             NstQuartersFunc  quarters_for,
                             gpointer         user_data)
{
  g_autoptr(NstQuartersCache) cache = nst_quarters_cache_new (quarters_for, user_data);

  for (guint s = 0; s < nst_roadmap_get_n_sections (roadmap); s++)
    {
      NstRoadmapSection *section = nst_roadmap_get_section (roadmap, s);

      nst_gantt_input_add_group (input, nst_roadmap_section_get_title (section),
                                 NST_GANTT_SOURCE_ROADMAP);
      for (guint i = 0; i < nst_roadmap_section_get_n_items (section); i++)
        add_roadmap_item (input, roadmap, nst_roadmap_section_get_item (section, i),
                          nst_quarters_cache_func, cache);
    }
}

static NstGanttShapeKind
shape_for_schedule (const char *text)
{
  g_autoptr(NstSchedule) schedule = nst_schedule_parse (text, NULL);

  if (schedule == NULL)
    return NST_GANTT_SHAPE_BAR;
  switch (nst_schedule_get_kind (schedule))
    {
    case NST_SCHEDULE_ON_DATE:
    case NST_SCHEDULE_BY_DATE:
      return NST_GANTT_SHAPE_DIAMOND;
    case NST_SCHEDULE_PERIOD:
    case NST_SCHEDULE_THROUGHOUT:
      return NST_GANTT_SHAPE_BAR;
    case NST_SCHEDULE_YEARLY_BY:
    case NST_SCHEDULE_ONCE_PER_QUARTER:
    case NST_SCHEDULE_QUARTER_END:
    case NST_SCHEDULE_MONTHLY_WEEKDAY:
    default:
      return NST_GANTT_SHAPE_MARK;
    }
}

static void
plan_occurrence (NstPlanOccurrence  *in,
                 NstGanttOccurrence *out)
{
  memset (out, 0, sizeof *out);
  g_date_clear (&out->start, 1);
  g_date_clear (&out->due, 1);
  g_date_clear (&out->done_on, 1);
  nst_date_parse_iso (nst_plan_occurrence_get_due_on (in), &out->due);
  if (!nst_date_parse_iso (nst_plan_occurrence_get_starts_on (in), &out->start))
    out->start = out->due;
  nst_date_parse_iso (nst_plan_occurrence_get_done_on (in), &out->done_on);
}

static void
add_plan_item (NstGanttInput *input,
               NstPlanItem   *item)
{
  GListModel *model = nst_plan_item_get_occurrences (item);
  guint n = model ? g_list_model_get_n_items (model) : 0;
  g_autoptr(GArray) dates = g_array_sized_new (FALSE, TRUE, sizeof (NstGanttOccurrence), n);
  /* Plans number their items from 1 themselves. */
  g_autofree char *number = g_strdup_printf ("%u", nst_plan_item_get_position (item));
  NstGanttRowSpec spec = { 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanOccurrence) o = g_list_model_get_item (model, i);
      NstGanttOccurrence g;

      plan_occurrence (o, &g);
      if (g_date_valid (&g.due))
        g_array_append_val (dates, g);
    }
  spec.number = number;
  spec.label = nst_plan_item_get_activity (item);
  spec.bar_text = nst_plan_item_get_schedule (item);
  spec.shape = shape_for_schedule (nst_plan_item_get_schedule (item));
  spec.id = nst_plan_item_get_id (item);
  spec.source = NST_GANTT_SOURCE_PROGRAMMES;
  spec.object = G_OBJECT (item);
  spec.occurrences = (const NstGanttOccurrence *) dates->data;
  spec.n_occurrences = dates->len;
  nst_gantt_input_add_row (input, &spec);
}

/**
 * nst_gantt_input_add_programme:
 * @programme: a programme with its plan (nst_store_get_programme())
 *
 * For the «Программы пар» toggle: a group named after the pair and a row
 * per plan item (source %NST_GANTT_SOURCE_PROGRAMMES, the #NstPlanItem as
 * the row's object), with its occurrences and their marks. Plans are not
 * moved by dragging.
 */
void
nst_gantt_input_add_programme (NstGanttInput *input,
                               NstProgramme  *programme)
{
  GListModel *items = nst_programme_get_items (programme);
  g_autofree char *title =
    g_strdup_printf (C_("gantt group", "Programme: %s — %s"), nst_programme_get_mentor_name (programme),
                     nst_programme_get_mentee_names (programme));

  nst_gantt_input_add_group (input, title, NST_GANTT_SOURCE_PROGRAMMES);
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);

      add_plan_item (input, item);
    }
}

/* ---- layout --------------------------------------------------------------- */

struct _NstGanttLayout
{
  gatomicrefcount ref_count;
  GArray *rows;            /* NstGanttRow */
  GDate status_date;
  GDate today;
  NstQuartersCache *quarters;
  double first_day;
  double n_days;
};

G_DEFINE_BOXED_TYPE (NstGanttLayout, nst_gantt_layout, nst_gantt_layout_ref, nst_gantt_layout_unref)

static void
clear_row (gpointer data)
{
  NstGanttRow *row = data;

  g_free (row->number);
  g_free (row->label);
  g_free (row->bar_text);
  g_clear_object (&row->object);
  g_free (row->shapes);
  g_free (row->occurrences);
}

static NstDeadlineState
occurrence_state (const NstGanttOccurrence *o,
                  const GDate              *status_date)
{
  return nst_deadline_state (&o->due, g_date_valid (&o->done_on) ? &o->done_on : NULL,
                             o->cancelled, status_date);
}

/* The most pressing state: overdue, due soon, planned, then done; a row
 * whose every occurrence was cancelled is cancelled. */
static NstDeadlineState
row_state (const NstGanttRow *row)
{
  static const int rank[NST_GANTT_N_STATES] = {
    [NST_DEADLINE_OVERDUE] = 4, [NST_DEADLINE_DUE_SOON] = 3, [NST_DEADLINE_PLANNED] = 2,
    [NST_DEADLINE_DONE] = 1, [NST_DEADLINE_CANCELLED] = 0,
  };
  NstDeadlineState best = NST_DEADLINE_CANCELLED;

  if (row->n_shapes == 0)
    return NST_DEADLINE_PLANNED;
  for (guint i = 0; i < row->n_shapes; i++)
    if (rank[row->shapes[i].state] > rank[best])
      best = row->shapes[i].state;
  return best;
}

static void
update_states (NstGanttLayout *self)
{
  for (guint r = 0; r < self->rows->len; r++)
    {
      NstGanttRow *row = &g_array_index (self->rows, NstGanttRow, r);

      for (guint i = 0; i < row->n_shapes; i++)
        row->shapes[i].state = occurrence_state (&row->occurrences[i], &self->status_date);
      row->state = row_state (row);
    }
}

static void
update_x (NstGanttLayout *self)
{
  for (guint r = 0; r < self->rows->len; r++)
    {
      NstGanttRow *row = &g_array_index (self->rows, NstGanttRow, r);

      for (guint i = 0; i < row->n_shapes; i++)
        {
          NstGanttShape *shape = &row->shapes[i];

          shape->x0 = (shape->first_day - self->first_day) / self->n_days;
          shape->x1 = (shape->last_day + 1 - self->first_day) / self->n_days;
          shape->x = (shape->last_day + 0.5 - self->first_day) / self->n_days;
        }
    }
}

static void
fill_row (NstGanttRow *row,
          InputRow    *in,
          guint        index,
          int          group)
{
  memset (row, 0, sizeof *row);
  row->kind = in->kind;
  row->index = index;
  row->group = group;
  row->number = g_strdup (in->number);
  row->label = g_strdup (in->label);
  row->bar_text = g_strdup (in->bar_text);
  row->id = in->id;
  row->source = in->source;
  row->object = in->object ? g_object_ref (in->object) : NULL;
  row->can_move = in->can_move;
  row->shape_kind = in->shape;
  row->bar_text_em = -1;
  row->n_occurrences = row->n_shapes = in->occurrences->len;
  row->occurrences = g_memdup2 (in->occurrences->data, sizeof (NstGanttOccurrence) * in->occurrences->len);
  row->shapes = g_new0 (NstGanttShape, row->n_shapes);
  for (guint i = 0; i < row->n_shapes; i++)
    {
      NstGanttShape *shape = &row->shapes[i];
      const NstGanttOccurrence *o = &row->occurrences[i];

      /* A rule's occurrence over a span (a quarter) is still drawn as a
       * mark at its deadline, with the span behind it. */
      shape->kind = in->shape;
      shape->occurrence = i;
      shape->start = g_date_valid (&o->start) ? o->start : o->due;
      shape->due = o->due;
      shape->first_day = g_date_get_julian (&shape->start);
      shape->last_day = g_date_get_julian (&shape->due);
      if (shape->kind == NST_GANTT_SHAPE_DIAMOND)
        shape->first_day = shape->last_day;
    }
}

/**
 * nst_gantt_layout_new:
 * @input: the rows; the layout copies what it needs
 * @status_date: the day the states are for
 * @today: (nullable): where the today line goes; %NULL for @status_date
 * @quarters_for: (nullable): the school's quarters, for the timescale;
 *   %NULL for the defaults
 * @user_data: for @quarters_for; must outlive the layout
 *
 * The view starts on the rows' extent.
 *
 * Returns: (transfer full): the layout
 */
NstGanttLayout *
nst_gantt_layout_new (NstGanttInput   *input,
                      const GDate     *status_date,
                      const GDate     *today,
                      NstQuartersFunc  quarters_for,
                      gpointer         user_data)
{
  NstGanttLayout *self = g_new0 (NstGanttLayout, 1);
  int group = -1;
  GDate first, last;

  g_atomic_ref_count_init (&self->ref_count);
  self->rows = g_array_sized_new (FALSE, TRUE, sizeof (NstGanttRow), input->rows->len);
  g_array_set_clear_func (self->rows, clear_row);
  self->status_date = *status_date;
  self->today = today ? *today : *status_date;
  self->quarters = nst_quarters_cache_new (quarters_for, user_data);
  g_array_set_size (self->rows, input->rows->len);
  for (guint r = 0; r < input->rows->len; r++)
    {
      InputRow *in = g_ptr_array_index (input->rows, r);

      if (in->kind == NST_GANTT_ROW_GROUP)
        group = r;
      fill_row (&g_array_index (self->rows, NstGanttRow, r), in, r,
                in->kind == NST_GANTT_ROW_GROUP ? -1 : group);
    }
  update_states (self);
  if (!nst_gantt_layout_get_extent (self, &first, &last))
    {
      first = self->today;
      last = self->today;
      g_date_add_months (&last, 1);
    }
  nst_gantt_layout_set_range (self, &first, &last);
  return self;
}

/**
 * nst_gantt_layout_ref:
 *
 * Returns: (transfer full): @layout
 */
NstGanttLayout *
nst_gantt_layout_ref (NstGanttLayout *layout)
{
  g_atomic_ref_count_inc (&layout->ref_count);
  return layout;
}

void
nst_gantt_layout_unref (NstGanttLayout *layout)
{
  if (layout == NULL || !g_atomic_ref_count_dec (&layout->ref_count))
    return;
  g_array_unref (layout->rows);
  nst_quarters_cache_free (layout->quarters);
  g_free (layout);
}

void
nst_gantt_layout_get_quarters (NstGanttLayout    *layout,
                               guint              school_year,
                               NstSchoolQuarters *out)
{
  nst_quarters_cache_func (school_year, out, layout->quarters);
}

/* Only the states change: the shapes stay where they are. */
void
nst_gantt_layout_set_status_date (NstGanttLayout *layout,
                                  const GDate    *status_date)
{
  g_return_if_fail (g_date_valid (status_date));
  layout->status_date = *status_date;
  update_states (layout);
}

void
nst_gantt_layout_get_status_date (NstGanttLayout *layout,
                                  GDate          *out)
{
  *out = layout->status_date;
}

void
nst_gantt_layout_set_today (NstGanttLayout *layout,
                            const GDate    *today)
{
  g_return_if_fail (g_date_valid (today));
  layout->today = *today;
}

void
nst_gantt_layout_get_today (NstGanttLayout *layout,
                            GDate          *out)
{
  *out = layout->today;
}

/**
 * nst_gantt_layout_get_extent:
 * @first: (out): the first day of the earliest shape
 * @last: (out): the last day of the latest
 *
 * Returns: whether there is any shape
 */
gboolean
nst_gantt_layout_get_extent (NstGanttLayout *layout,
                             GDate          *first,
                             GDate          *last)
{
  int lo = G_MAXINT, hi = G_MININT;

  for (guint r = 0; r < layout->rows->len; r++)
    {
      const NstGanttRow *row = &g_array_index (layout->rows, NstGanttRow, r);

      for (guint i = 0; i < row->n_shapes; i++)
        {
          lo = MIN (lo, row->shapes[i].first_day);
          hi = MAX (hi, row->shapes[i].last_day);
        }
    }
  if (lo > hi)
    return FALSE;
  g_date_clear (first, 1);
  g_date_clear (last, 1);
  g_date_set_julian (first, lo);
  g_date_set_julian (last, hi);
  return TRUE;
}

guint
nst_gantt_layout_get_n_rows (NstGanttLayout *layout)
{
  return layout->rows->len;
}

/**
 * nst_gantt_layout_get_row:
 *
 * Returns: (transfer none) (nullable): the row, owned by the layout
 */
const NstGanttRow *
nst_gantt_layout_get_row (NstGanttLayout *layout,
                          guint           index)
{
  return nst_gantt_layout_peek_row (layout, index);
}

NstGanttRow *
nst_gantt_layout_peek_row (NstGanttLayout *layout,
                           guint           index)
{
  if (index >= layout->rows->len)
    return NULL;
  return &g_array_index (layout->rows, NstGanttRow, index);
}

/* The row of the source's item with @id, or -1: to keep the selection
 * across a new layout. */
int
nst_gantt_layout_find_row (NstGanttLayout *layout,
                           guint           source,
                           gint64          id)
{
  for (guint r = 0; r < layout->rows->len; r++)
    {
      const NstGanttRow *row = &g_array_index (layout->rows, NstGanttRow, r);

      if (row->kind == NST_GANTT_ROW_TASK && row->source == source && row->id == id)
        return r;
    }
  return -1;
}

/**
 * nst_gantt_layout_step_row:
 * @row: the selected row, or -1 for none
 * @step: how many items down (negative: up)
 *
 * The item @step items away, passing over section rows and stopping at
 * the first and the last: for the arrow keys.
 *
 * Returns: the row, or -1 when there is no item at all
 */
int
nst_gantt_layout_step_row (NstGanttLayout *layout,
                           int             row,
                           int             step)
{
  int n = layout->rows->len, found = -1;
  int direction = step < 0 ? -1 : 1;
  int left = ABS (step);

  if (row < 0 || row >= n)
    {
      row = direction > 0 ? -1 : n;
      left = MAX (left, 1);
    }
  for (int r = row + direction; r >= 0 && r < n && left > 0; r += direction)
    if (g_array_index (layout->rows, NstGanttRow, r).kind == NST_GANTT_ROW_TASK)
      {
        found = r;
        left--;
      }
  if (found >= 0)
    return found;
  if (row >= 0 && row < n && g_array_index (layout->rows, NstGanttRow, row).kind == NST_GANTT_ROW_TASK)
    return row;
  return -1;
}

static char *
span_text (const GDate *start,
           const GDate *due)
{
  g_autofree char *from = nst_date_format_ru (start);
  g_autofree char *to = nst_date_format_ru (due);

  if (g_date_compare (start, due) == 0)
    return g_steal_pointer (&to);
  return g_strdup_printf (_("from %s to %s"), from, to);
}

static void
append_line (GString    *text,
             const char *format,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_c (text, '\n');
  g_string_append_printf (text, format, value);
}

static void
append_item_facts (GString *text,
                   GObject *object)
{
  if (NST_IS_ROADMAP_ITEM (object))
    {
      NstRoadmapItem *item = NST_ROADMAP_ITEM (object);
      g_autofree char *who = nst_roadmap_item_dup_responsible_text (item);

      append_line (text, _("Responsible: %s"), who);
      append_line (text, _("Expected result: %s"), nst_roadmap_item_get_expected_result (item));
      append_line (text, _("Indicator: %s"), nst_roadmap_item_get_indicator (item));
      append_line (text, _("Target: %s"), nst_roadmap_item_get_indicator_target (item));
      append_line (text, _("Reached: %s"), nst_roadmap_item_get_indicator_value (item));
    }
  else if (NST_IS_PLAN_ITEM (object))
    {
      append_line (text, _("Responsible: %s"), nst_plan_item_get_responsible (NST_PLAN_ITEM (object)));
      append_line (text, _("Expected result: %s"), nst_plan_item_get_expected_result (NST_PLAN_ITEM (object)));
    }
}

/**
 * nst_gantt_layout_dup_tooltip:
 * @shape: the shape under the pointer, or -1 for the row as a whole
 *
 * What a tooltip says about a row: the content, the schedule, the dates of
 * the shape (or the row's first and last), its state at the status date,
 * and for a roadmap item the responsible and the indicator.
 *
 * Returns: (transfer full) (nullable): plain text, %NULL for no row
 */
char *
nst_gantt_layout_dup_tooltip (NstGanttLayout *layout,
                              guint           index,
                              int             shape)
{
  const NstGanttRow *row = nst_gantt_layout_get_row (layout, index);
  GString *text;
  g_autofree char *dates = NULL;
  NstDeadlineState state;

  if (row == NULL)
    return NULL;
  text = g_string_new (row->label);
  if (row->kind == NST_GANTT_ROW_GROUP)
    return g_string_free (text, FALSE);
  append_line (text, _("Schedule: %s"), row->bar_text);
  if (shape >= 0 && (guint) shape < row->n_shapes)
    {
      dates = span_text (&row->shapes[shape].start, &row->shapes[shape].due);
      state = row->shapes[shape].state;
    }
  else
    {
      if (row->n_shapes > 0)
        dates = span_text (&row->shapes[0].start, &row->shapes[row->n_shapes - 1].due);
      state = row->state;
    }
  append_line (text, _("Dates: %s"), dates);
  append_line (text, _("State: %s"), nst_deadline_state_label (state));
  if (shape >= 0 && (guint) shape < row->n_shapes &&
      g_date_valid (&row->occurrences[row->shapes[shape].occurrence].done_on))
    {
      g_autofree char *done = nst_date_format_ru (&row->occurrences[row->shapes[shape].occurrence].done_on);

      append_line (text, _("Done on %s"), done);
    }
  append_item_facts (text, row->object);
  return g_string_free (text, FALSE);
}

/**
 * nst_gantt_layout_count_states:
 * @counts: (out caller-allocates): the number of task rows in each state
 *
 * Returns: the number of task rows
 */
guint
nst_gantt_layout_count_states (NstGanttLayout *layout,
                               guint           counts[NST_GANTT_N_STATES])
{
  guint total = 0;

  memset (counts, 0, sizeof (guint) * NST_GANTT_N_STATES);
  for (guint r = 0; r < layout->rows->len; r++)
    {
      const NstGanttRow *row = &g_array_index (layout->rows, NstGanttRow, r);

      if (row->kind != NST_GANTT_ROW_TASK)
        continue;
      counts[row->state]++;
      total++;
    }
  return total;
}

/* ---- the visible range ------------------------------------------------------ */

/**
 * nst_gantt_layout_set_range:
 * @first: the first day shown
 * @last: the last day shown, inclusive
 */
void
nst_gantt_layout_set_range (NstGanttLayout *layout,
                            const GDate    *first,
                            const GDate    *last)
{
  double from = g_date_get_julian (first);
  double to = g_date_get_julian (last);

  nst_gantt_layout_set_view (layout, MIN (from, to), fabs (to - from) + 1);
}

/**
 * nst_gantt_layout_set_view:
 * @first_day: the Julian day at the left edge (fractional)
 * @n_days: how many days fit across, at least one
 */
void
nst_gantt_layout_set_view (NstGanttLayout *layout,
                           double          first_day,
                           double          n_days)
{
  layout->first_day = first_day;
  layout->n_days = MAX (n_days, 1.0);
  update_x (layout);
}

void
nst_gantt_layout_get_view (NstGanttLayout *layout,
                           double         *first_day,
                           double         *n_days)
{
  if (first_day != NULL)
    *first_day = layout->first_day;
  if (n_days != NULL)
    *n_days = layout->n_days;
}

/**
 * nst_gantt_layout_zoom:
 * @factor: above 1 zooms in, below 1 out
 * @anchor_x: the normalised x that stays on the same day (the pointer)
 *
 * Between a week and thirty years across.
 */
void
nst_gantt_layout_zoom (NstGanttLayout *layout,
                       double          factor,
                       double          anchor_x)
{
  double day = nst_gantt_layout_x_to_day (layout, anchor_x);
  double n_days = CLAMP (layout->n_days / factor, MIN_VIEW_DAYS, MAX_VIEW_DAYS);

  g_return_if_fail (factor > 0);
  nst_gantt_layout_set_view (layout, day - anchor_x * n_days, n_days);
}

/* By @dx of the visible width: 1 is a page to the right. */
void
nst_gantt_layout_scroll (NstGanttLayout *layout,
                         double          dx)
{
  nst_gantt_layout_set_view (layout, layout->first_day + dx * layout->n_days, layout->n_days);
}

double
nst_gantt_layout_day_to_x (NstGanttLayout *layout,
                           double          julian_day)
{
  return (julian_day - layout->first_day) / layout->n_days;
}

double
nst_gantt_layout_x_to_day (NstGanttLayout *layout,
                           double          x)
{
  return layout->first_day + x * layout->n_days;
}

/* The left edge of the day. */
double
nst_gantt_layout_date_to_x (NstGanttLayout *layout,
                            const GDate    *date)
{
  return nst_gantt_layout_day_to_x (layout, g_date_get_julian (date));
}

/**
 * nst_gantt_layout_x_to_date:
 * @out: (out): the day under @x, anything from its left edge to just
 *   before the next day's
 */
void
nst_gantt_layout_x_to_date (NstGanttLayout *layout,
                            double          x,
                            GDate          *out)
{
  double day = floor (nst_gantt_layout_x_to_day (layout, x) + DAY_EPSILON);

  g_date_clear (out, 1);
  g_date_set_julian (out, (guint32) CLAMP (day, 1, G_MAXINT32));
}

/* The middle of the day: the lines are drawn there. */
double
nst_gantt_layout_get_today_x (NstGanttLayout *layout)
{
  return nst_gantt_layout_day_to_x (layout, g_date_get_julian (&layout->today) + 0.5);
}

double
nst_gantt_layout_get_status_x (NstGanttLayout *layout)
{
  return nst_gantt_layout_day_to_x (layout, g_date_get_julian (&layout->status_date) + 0.5);
}

/* ---- pixels ------------------------------------------------------------------ */

guint
nst_gantt_levels_for_ppd (double            ppd,
                          NstGanttBandLevel levels[4])
{
  guint n = 0;

  levels[n++] = NST_GANTT_BAND_YEAR;
  levels[n++] = NST_GANTT_BAND_QUARTER;
  if (ppd >= NST_GANTT_MONTHS_MIN_PPD)
    levels[n++] = NST_GANTT_BAND_MONTH;
  if (ppd >= NST_GANTT_DAYS_MIN_PPD)
    levels[n++] = NST_GANTT_BAND_DAY;
  else if (ppd >= NST_GANTT_WEEKS_MIN_PPD)
    levels[n++] = NST_GANTT_BAND_WEEK;
  return n;
}

/**
 * nst_gantt_view_init:
 * @font_size: of the labels, in the device's units
 *
 * A view with rows and bands sized for @font_size, a labels column of a
 * fourth of the width, nothing selected.
 */
void
nst_gantt_view_init (NstGanttView *view,
                     double        width,
                     double        height,
                     double        font_size)
{
  memset (view, 0, sizeof *view);
  view->width = width;
  view->height = height;
  view->font_size = font_size;
  view->label_width = MAX (width / 4, font_size * 12);
  view->row_height = ceil (font_size * 2.0);
  view->band_height = ceil (font_size * 1.6);
  view->label_lines = 1;
  view->selected_row = -1;
  view->hover_row = -1;
  view->drag_row = -1;
}

double
nst_gantt_view_get_chart_width (const NstGanttView *view)
{
  return MAX (view->width - view->label_width, 1.0);
}

double
nst_gantt_view_get_shape_size (const NstGanttView *view)
{
  return floor (MIN (view->row_height, view->font_size * 2.2) * 0.6);
}

double
nst_gantt_view_get_bar_height (const NstGanttView *view)
{
  return floor (MIN (view->row_height, view->font_size * 2.2) * 0.5);
}

guint
nst_gantt_view_count_bands (const NstGanttView *view,
                            NstGanttLayout     *layout)
{
  NstGanttBandLevel levels[4];

  return nst_gantt_levels_for_ppd (nst_gantt_view_get_chart_width (view) / layout->n_days, levels);
}

double
nst_gantt_view_get_header_height (const NstGanttView *view,
                                  NstGanttLayout     *layout)
{
  return nst_gantt_view_count_bands (view, layout) * view->band_height;
}

/* The timescale and every row: how tall the whole chart is. */
double
nst_gantt_view_get_content_height (const NstGanttView *view,
                                   NstGanttLayout     *layout)
{
  return nst_gantt_view_get_header_height (view, layout) + layout->rows->len * view->row_height;
}

double
nst_gantt_view_x_to_pixel (const NstGanttView *view,
                           double              x)
{
  return view->label_width + x * nst_gantt_view_get_chart_width (view);
}

double
nst_gantt_view_pixel_to_x (const NstGanttView *view,
                           double              pixel)
{
  return (pixel - view->label_width) / nst_gantt_view_get_chart_width (view);
}

/* The top of the row, scrolled. */
double
nst_gantt_view_row_to_pixel (const NstGanttView *view,
                             NstGanttLayout     *layout,
                             guint               row)
{
  return nst_gantt_view_get_header_height (view, layout) + row * view->row_height - view->scroll_y;
}

/* ---- hit-testing ----------------------------------------------------------- */

/* How far (in pixels) the point is from the shape, 0 inside it; G_MAXDOUBLE
 * when it is not near. */
static double
shape_distance (const NstGanttView  *view,
                const NstGanttShape *shape,
                double               shift_days,
                NstGanttLayout      *layout,
                double               px,
                double               dy,
                int                 *edge)
{
  double shift = shift_days / layout->n_days;
  double half;

  *edge = 0;
  if (shape->kind == NST_GANTT_SHAPE_BAR)
    {
      double x0 = nst_gantt_view_x_to_pixel (view, shape->x0 + shift);
      double x1 = nst_gantt_view_x_to_pixel (view, shape->x1 + shift);

      half = nst_gantt_view_get_bar_height (view) / 2;
      if (fabs (dy) > half + HIT_TOLERANCE || px < x0 - HIT_TOLERANCE || px > x1 + HIT_TOLERANCE)
        return G_MAXDOUBLE;
      if (fabs (px - x0) <= EDGE_GRIP && x1 - x0 > 3 * EDGE_GRIP)
        *edge = -1;
      else if (fabs (px - x1) <= EDGE_GRIP && x1 - x0 > 3 * EDGE_GRIP)
        *edge = 1;
      return px < x0 ? x0 - px : px > x1 ? px - x1 : 0;
    }
  half = nst_gantt_view_get_shape_size (view) / 2;
  px -= nst_gantt_view_x_to_pixel (view, shape->x + shift);
  if (fabs (dy) > half + HIT_TOLERANCE || fabs (px) > half + HIT_TOLERANCE)
    return G_MAXDOUBLE;
  return fabs (px);
}

static void
hit_shape (NstGanttLayout     *layout,
           const NstGanttView *view,
           const NstGanttRow  *row,
           double              px,
           double              dy,
           NstGanttHit        *hit)
{
  double best = G_MAXDOUBLE;
  double shift = (int) row->index == view->drag_row ? view->drag_days : 0;

  for (guint i = 0; i < row->n_shapes; i++)
    {
      int edge;
      double d = shape_distance (view, &row->shapes[i], shift, layout, px, dy, &edge);

      /* The nearest wins: marks crowd together when zoomed out. */
      if (d < best)
        {
          best = d;
          hit->area = NST_GANTT_HIT_SHAPE;
          hit->shape = i;
          hit->occurrence = row->shapes[i].occurrence;
          hit->edge = edge;
        }
    }
}

/**
 * nst_gantt_layout_hit:
 * @view: how the chart is framed
 * @px: the pointer, in @view's units from its top left corner
 * @py: the same, down
 * @hit: (out caller-allocates): what is there
 *
 * The one place that turns a point into what it is on: the labels column,
 * the timescale, a row, or a shape of a row (the nearest, when marks crowd
 * together), with the day under the pointer.
 *
 * Returns: whether the point is on a row
 */
gboolean
nst_gantt_layout_hit (NstGanttLayout     *layout,
                      const NstGanttView *view,
                      double              px,
                      double              py,
                      NstGanttHit        *hit)
{
  double header = nst_gantt_view_get_header_height (view, layout);
  double row_top;
  int row;

  memset (hit, 0, sizeof *hit);
  hit->row = hit->shape = hit->occurrence = -1;
  hit->day = nst_gantt_layout_x_to_day (layout, nst_gantt_view_pixel_to_x (view, px));
  if (px < 0 || py < 0 || px >= view->width || py >= view->height)
    return FALSE;
  if (py < header)
    {
      hit->area = px >= view->label_width ? NST_GANTT_HIT_SCALE : NST_GANTT_HIT_NONE;
      return FALSE;
    }
  row_top = py - header + view->scroll_y;
  row = (int) floor (row_top / view->row_height);
  if (row < 0 || row >= (int) layout->rows->len)
    return FALSE;
  hit->row = row;
  if (px < view->label_width)
    {
      hit->area = NST_GANTT_HIT_LABEL;
      return TRUE;
    }
  hit->area = NST_GANTT_HIT_ROW;
  hit_shape (layout, view, &g_array_index (layout->rows, NstGanttRow, row), px,
             row_top - (row + 0.5) * view->row_height, hit);
  return TRUE;
}

/* ---- labels ------------------------------------------------------------------ */

/**
 * nst_gantt_place_label:
 * @x0: the shape's left edge, in the device's units
 * @x1: its right edge
 * @text_width: the text's width
 * @min_x: the left of the space the text may use (the chart's edge)
 * @max_x: its right
 * @padding: between the text and the shape's edges
 * @text_x: (out): where the text starts
 *
 * Inside the visible part of the shape when the text fits there; else
 * after it, else before it.
 */
NstGanttLabelPlace
nst_gantt_place_label (double  x0,
                       double  x1,
                       double  text_width,
                       double  min_x,
                       double  max_x,
                       double  padding,
                       double *text_x)
{
  double visible0 = MAX (x0, min_x);
  double visible1 = MIN (x1, max_x);

  *text_x = 0;
  if (visible1 - visible0 >= text_width + 2 * padding)
    {
      *text_x = visible0 + padding;
      return NST_GANTT_LABEL_INSIDE;
    }
  if (x1 >= min_x && x1 + padding + text_width <= max_x)
    {
      *text_x = x1 + padding;
      return NST_GANTT_LABEL_AFTER;
    }
  if (x0 <= max_x && x0 - padding - text_width >= min_x)
    {
      *text_x = x0 - padding - text_width;
      return NST_GANTT_LABEL_BEFORE;
    }
  return NST_GANTT_LABEL_NONE;
}

gboolean
nst_gantt_bar_has_symbol (const NstGanttView *view,
                          NstDeadlineState    state,
                          double              width)
{
  return state != NST_DEADLINE_PLANNED && width >= 2.5 * nst_gantt_view_get_shape_size (view);
}

/* The first shape that shows, in pixels; @inner_x1 is where the room for
 * text inside it ends, before the symbol at a bar's end. */
static const NstGanttShape *
visible_extent (NstGanttLayout     *layout,
                const NstGanttView *view,
                const NstGanttRow  *row,
                double             *x0,
                double             *x1,
                double             *inner_x1)
{
  double shift = (int) row->index == view->drag_row ? view->drag_days / layout->n_days : 0;
  double size = nst_gantt_view_get_shape_size (view);

  for (guint i = 0; i < row->n_shapes; i++)
    {
      const NstGanttShape *shape = &row->shapes[i];

      if (shape->x1 + shift < 0 || shape->x0 + shift > 1)
        continue;
      if (shape->kind == NST_GANTT_SHAPE_BAR)
        {
          *x0 = nst_gantt_view_x_to_pixel (view, shape->x0 + shift);
          *x1 = nst_gantt_view_x_to_pixel (view, shape->x1 + shift);
          *inner_x1 = *x1;
          if (nst_gantt_bar_has_symbol (view, shape->state, *x1 - *x0))
            *inner_x1 -= size * 1.2;
        }
      else
        {
          *x0 = nst_gantt_view_x_to_pixel (view, shape->x + shift) - size / 2;
          *x1 = *inner_x1 = *x0 + size;
        }
      return shape;
    }
  return NULL;
}

/**
 * nst_gantt_layout_place_row_label:
 * @text_width: measures the row's bar text; called once per row, the
 *   width is kept (in ems of @view's font size)
 * @text_x: (out): where the text starts, in pixels
 * @width: (out): the text's width
 *
 * Where a bar's or a diamond's text goes in @view: inside the bar (clear
 * of its state's symbol) when it fits, else beside it. Rows of marks carry
 * none: their rule's text is in the tooltip.
 */
NstGanttLabelPlace
nst_gantt_layout_place_row_label (NstGanttLayout        *layout,
                                  const NstGanttView    *view,
                                  guint                  index,
                                  NstGanttTextWidthFunc  text_width,
                                  gpointer               user_data,
                                  double                *text_x,
                                  double                *width)
{
  NstGanttRow *row = nst_gantt_layout_peek_row (layout, index);
  double x0, x1, inner_x1, padding = view->font_size * 0.4;
  NstGanttLabelPlace place;

  *text_x = *width = 0;
  if (row == NULL || row->kind != NST_GANTT_ROW_TASK || row->shape_kind == NST_GANTT_SHAPE_MARK ||
      row->bar_text == NULL || *row->bar_text == '\0' ||
      visible_extent (layout, view, row, &x0, &x1, &inner_x1) == NULL)
    return NST_GANTT_LABEL_NONE;
  if (row->bar_text_em < 0)
    row->bar_text_em = text_width (row->bar_text, user_data) / view->font_size;
  *width = row->bar_text_em * view->font_size;
  place = nst_gantt_place_label (x0, inner_x1, *width, view->label_width, view->width,
                                 padding, text_x);
  if (place != NST_GANTT_LABEL_AFTER)
    return place;
  /* Beside the bar means beside its symbol too. */
  if (x1 + padding + *width <= view->width)
    {
      *text_x = x1 + padding;
      return NST_GANTT_LABEL_AFTER;
    }
  return nst_gantt_place_label (x0, x0, *width, view->label_width, x0, padding, text_x);
}
