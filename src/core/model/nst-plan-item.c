/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-programme"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "model/nst-plan-item.h"
#include "schedule/nst-schedule.h"

typedef enum
{
  FIELD_ACTIVITY,
  FIELD_SCHEDULE,
  FIELD_RESPONSIBLE,
  FIELD_EXPECTED_RESULT,
  N_FIELDS
} TextField;

typedef enum
{
  UNDERSTOOD_UNKNOWN,
  UNDERSTOOD_YES,
  UNDERSTOOD_NO,
} Understood;

struct _NstPlanItem
{
  GObject parent_instance;

  gint64 id;
  guint position;
  char *text[N_FIELDS];
  Understood understood;
  GListStore *occurrences;
};

G_DEFINE_FINAL_TYPE (NstPlanItem, nst_plan_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_FIELDS - 1,
  PROP_ID,
  PROP_POSITION,
  PROP_SCHEDULE_UNDERSTOOD,
  PROP_OCCURRENCES,
  PROP_N_OCCURRENCES,
  PROP_N_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *text_property_names[N_FIELDS] = {
  "activity", "schedule", "responsible", "expected-result",
};

static const char *
get_text (NstPlanItem *self,
          TextField    field)
{
  g_return_val_if_fail (NST_IS_PLAN_ITEM (self), "");
  return self->text[field] ? self->text[field] : "";
}

static void
set_text (NstPlanItem *self,
          TextField    field,
          const char  *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));
  gboolean was_understood;

  g_return_if_fail (NST_IS_PLAN_ITEM (self));
  if (g_strcmp0 (get_text (self, field), trimmed) == 0)
    return;
  was_understood = field == FIELD_SCHEDULE && nst_plan_item_get_schedule_understood (self);
  g_free (self->text[field]);
  self->text[field] = g_steal_pointer (&trimmed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + field]);
  if (field == FIELD_SCHEDULE)
    {
      self->understood = UNDERSTOOD_UNKNOWN;
      if (was_understood != nst_plan_item_get_schedule_understood (self))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE_UNDERSTOOD]);
    }
}

static guint
count_done (NstPlanItem *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->occurrences));
  guint done = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanOccurrence) o = g_list_model_get_item (G_LIST_MODEL (self->occurrences), i);

      done += nst_plan_occurrence_is_done (o);
    }
  return done;
}

static void
occurrence_done_changed_cb (NstPlanOccurrence *occurrence,
                            GParamSpec        *pspec,
                            NstPlanItem       *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

static void
nst_plan_item_finalize (GObject *object)
{
  NstPlanItem *self = NST_PLAN_ITEM (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->text[i]);
  g_clear_object (&self->occurrences);
  G_OBJECT_CLASS (nst_plan_item_parent_class)->finalize (object);
}

static void
nst_plan_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NstPlanItem *self = NST_PLAN_ITEM (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      g_value_set_string (value, get_text (self, prop_id - PROP_FIRST_TEXT));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_POSITION: g_value_set_uint (value, self->position); break;
    case PROP_SCHEDULE_UNDERSTOOD: g_value_set_boolean (value, nst_plan_item_get_schedule_understood (self)); break;
    case PROP_OCCURRENCES: g_value_set_object (value, self->occurrences); break;
    case PROP_N_OCCURRENCES: g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self->occurrences))); break;
    case PROP_N_DONE: g_value_set_uint (value, count_done (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_plan_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NstPlanItem *self = NST_PLAN_ITEM (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: nst_plan_item_set_id (self, g_value_get_int64 (value)); break;
    case PROP_POSITION: nst_plan_item_set_position (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_plan_item_class_init (NstPlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_plan_item_finalize;
  object_class->get_property = nst_plan_item_get_property;
  object_class->set_property = nst_plan_item_set_property;

  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, "", flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_SCHEDULE_UNDERSTOOD] =
    g_param_spec_boolean ("schedule-understood", NULL, NULL, FALSE, ro);
  properties[PROP_OCCURRENCES] =
    g_param_spec_object ("occurrences", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_N_OCCURRENCES] = g_param_spec_uint ("n-occurrences", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_plan_item_init (NstPlanItem *self)
{
  self->occurrences = g_list_store_new (NST_TYPE_PLAN_OCCURRENCE);
}

NstPlanItem *
nst_plan_item_new (void)
{
  return g_object_new (NST_TYPE_PLAN_ITEM, NULL);
}

/**
 * nst_plan_item_copy:
 *
 * A detached copy with copies of the occurrences, for an editor.
 *
 * Returns: (transfer full): the copy
 */
NstPlanItem *
nst_plan_item_copy (NstPlanItem *self)
{
  NstPlanItem *copy = nst_plan_item_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->occurrences));
  g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func (g_object_unref);

  copy->id = self->id;
  copy->position = self->position;
  for (guint i = 0; i < N_FIELDS; i++)
    copy->text[i] = g_strdup (self->text[i]);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanOccurrence) o = g_list_model_get_item (G_LIST_MODEL (self->occurrences), i);
      NstPlanOccurrence *c = nst_plan_occurrence_new (nst_plan_occurrence_get_starts_on (o),
                                                      nst_plan_occurrence_get_due_on (o));

      nst_plan_occurrence_set_item_id (c, nst_plan_occurrence_get_item_id (o));
      nst_plan_occurrence_set_done_on (c, nst_plan_occurrence_get_done_on (o));
      g_ptr_array_add (occurrences, c);
    }
  nst_plan_item_set_occurrences (copy, occurrences);
  return copy;
}

gint64 nst_plan_item_get_id (NstPlanItem *self) { return self->id; }

void
nst_plan_item_set_id (NstPlanItem *self,
                      gint64       id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

guint nst_plan_item_get_position (NstPlanItem *self) { return self->position; }

void
nst_plan_item_set_position (NstPlanItem *self,
                            guint        position)
{
  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

#define TEXT_ACCESSORS(field_name, FIELD) \
  const char *nst_plan_item_get_##field_name (NstPlanItem *self) \
  { return get_text (self, FIELD); } \
  void nst_plan_item_set_##field_name (NstPlanItem *self, const char *value) \
  { set_text (self, FIELD, value); }

TEXT_ACCESSORS (activity, FIELD_ACTIVITY)
TEXT_ACCESSORS (schedule, FIELD_SCHEDULE)
TEXT_ACCESSORS (responsible, FIELD_RESPONSIBLE)
TEXT_ACCESSORS (expected_result, FIELD_EXPECTED_RESULT)

gboolean
nst_plan_item_get_schedule_understood (NstPlanItem *self)
{
  if (self->understood == UNDERSTOOD_UNKNOWN)
    {
      g_autoptr(NstSchedule) schedule = nst_schedule_parse (get_text (self, FIELD_SCHEDULE), NULL);

      self->understood = schedule != NULL ? UNDERSTOOD_YES : UNDERSTOOD_NO;
    }
  return self->understood == UNDERSTOOD_YES;
}

/**
 * nst_plan_item_get_occurrences:
 *
 * Returns: (transfer none): a #GListModel of #NstPlanOccurrence, in date order
 */
GListModel *
nst_plan_item_get_occurrences (NstPlanItem *self)
{
  return G_LIST_MODEL (self->occurrences);
}

/**
 * nst_plan_item_set_occurrences:
 * @occurrences: (element-type NstPlanOccurrence): in date order
 *
 * Replaces the occurrences; the store does this when it loads or expands
 * the plan.
 */
void
nst_plan_item_set_occurrences (NstPlanItem *self,
                               GPtrArray   *occurrences)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->occurrences));

  for (guint i = 0; i < occurrences->len; i++)
    g_signal_connect_object (g_ptr_array_index (occurrences, i), "notify::done",
                             G_CALLBACK (occurrence_done_changed_cb), self, 0);
  g_list_store_splice (self->occurrences, 0, before, occurrences->pdata, occurrences->len);
  if (before != occurrences->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OCCURRENCES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

/**
 * nst_plan_item_find_occurrence:
 *
 * Returns: (transfer none) (nullable): the occurrence due on @due_on
 */
NstPlanOccurrence *
nst_plan_item_find_occurrence (NstPlanItem *self,
                               const char  *due_on)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->occurrences));

  for (guint i = 0; i < n; i++)
    {
      NstPlanOccurrence *o = g_list_model_get_item (G_LIST_MODEL (self->occurrences), i);

      g_object_unref (o); /* the store keeps it */
      if (g_strcmp0 (nst_plan_occurrence_get_due_on (o), due_on) == 0)
        return o;
    }
  return NULL;
}

/**
 * nst_plan_item_count:
 * @done: (out) (optional): occurrences done by @status_date
 * @due: (out) (optional): occurrences due by @status_date, or done by then
 * @overdue: (out) (optional): due before @status_date and not done by then
 */
void
nst_plan_item_count (NstPlanItem *self,
                     const GDate *status_date,
                     guint       *done,
                     guint       *due,
                     guint       *overdue)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->occurrences));
  guint n_done = 0, n_due = 0, n_overdue = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanOccurrence) o = g_list_model_get_item (G_LIST_MODEL (self->occurrences), i);

      switch (nst_plan_occurrence_get_state (o, status_date))
        {
        case NST_DEADLINE_DONE: n_done++; n_due++; break;
        case NST_DEADLINE_OVERDUE: n_overdue++; n_due++; break;
        case NST_DEADLINE_DUE_SOON:
        case NST_DEADLINE_PLANNED:
        case NST_DEADLINE_CANCELLED:
        default:
          {
            GDate due_date;

            /* Due today is due, though not yet late. */
            if (g_date_valid (status_date) &&
                nst_date_parse_iso (nst_plan_occurrence_get_due_on (o), &due_date) &&
                g_date_compare (&due_date, status_date) == 0)
              n_due++;
          }
          break;
        }
    }
  if (done) *done = n_done;
  if (due) *due = n_due;
  if (overdue) *overdue = n_overdue;
}

/**
 * nst_plan_item_get_state:
 *
 * The item as one mark: done when every occurrence is, overdue when one is,
 * due soon when the next one is, planned otherwise.
 */
NstDeadlineState
nst_plan_item_get_state (NstPlanItem *self,
                         const GDate *status_date)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->occurrences));
  gboolean soon = FALSE, all_done = n > 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanOccurrence) o = g_list_model_get_item (G_LIST_MODEL (self->occurrences), i);
      NstDeadlineState state = nst_plan_occurrence_get_state (o, status_date);

      if (state == NST_DEADLINE_OVERDUE)
        return NST_DEADLINE_OVERDUE;
      soon |= state == NST_DEADLINE_DUE_SOON;
      all_done &= state == NST_DEADLINE_DONE;
    }
  if (all_done)
    return NST_DEADLINE_DONE;
  return soon ? NST_DEADLINE_DUE_SOON : NST_DEADLINE_PLANNED;
}

/**
 * nst_plan_item_dup_summary:
 *
 * Returns: (transfer full): «3. Activity (schedule)», as a history shows it
 */
char *
nst_plan_item_dup_summary (NstPlanItem *self)
{
  const char *schedule = get_text (self, FIELD_SCHEDULE);

  if (*schedule == '\0')
    return g_strdup_printf ("%u. %s", self->position, get_text (self, FIELD_ACTIVITY));
  return g_strdup_printf ("%u. %s (%s)", self->position, get_text (self, FIELD_ACTIVITY), schedule);
}

/**
 * nst_plan_item_check:
 *
 * Returns: (transfer full) (nullable): what is wrong, or %NULL. A schedule
 *   the program does not understand is not wrong: it is one occurrence over
 *   the whole period (see nst_plan_item_get_schedule_understood()).
 */
char *
nst_plan_item_check (NstPlanItem *self)
{
  if (*get_text (self, FIELD_ACTIVITY) == '\0')
    return g_strdup (_("Enter the activity"));
  if (*get_text (self, FIELD_SCHEDULE) == '\0')
    return g_strdup (_("Enter the schedule: a date such as 01.11.2025, a period, "
                       "or a rule such as “once a quarter”"));
  return NULL;
}
