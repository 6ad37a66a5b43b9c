/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-roadmap"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "schedule/nst-date.h"
#include "model/nst-roadmap-item.h"
#include "text/nst-ru-text.h"

/* The text fields share one array, so that their properties, getters and
 * setters are one line each; the order matches the first properties. */
typedef enum
{
  FIELD_CONTENT,
  FIELD_SCHEDULE,
  FIELD_STARTS_ON,
  FIELD_ENDS_ON,
  FIELD_EXPECTED_RESULT,
  FIELD_INDICATOR,
  FIELD_INDICATOR_TARGET,
  FIELD_INDICATOR_VALUE,
  FIELD_INDICATOR_ON,
  FIELD_RESPONSIBLE,
  FIELD_RESPONSIBLE_PEOPLE,
  FIELD_DONE_ON,
  N_FIELDS
} TextField;

struct _NstRoadmapItem
{
  GObject parent_instance;

  gint64 id;
  gint64 section_id;
  guint position;
  char *text[N_FIELDS];
  NstRoadmapStatus status;
  GArray *responsible_ids;  /* gint64 */
  GArray *records;          /* NstRoadmapOccurrence, by due date */

  /* The parsed schedule, dropped when the text changes. */
  NstSchedule *parsed;
  gboolean parsed_valid;
};

G_DEFINE_FINAL_TYPE (NstRoadmapItem, nst_roadmap_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* PROP_CONTENT .. PROP_DONE_ON follow TextField */
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_FIELDS - 1,
  PROP_ID,
  PROP_SECTION_ID,
  PROP_POSITION,
  PROP_STATUS,
  PROP_RESPONSIBLE_IDS,
  PROP_RECORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *text_property_names[N_FIELDS] = {
  "content", "schedule", "starts-on", "ends-on", "expected-result", "indicator",
  "indicator-target", "indicator-value", "indicator-on", "responsible",
  "responsible-people", "done-on",
};

static const char *status_codes[NST_ROADMAP_N_STATUSES] = {
  "planned", "in_progress", "done", "cancelled",
};

const char *
nst_roadmap_status_to_code (NstRoadmapStatus status)
{
  g_return_val_if_fail (status < NST_ROADMAP_N_STATUSES, "planned");
  return status_codes[status];
}

NstRoadmapStatus
nst_roadmap_status_from_code (const char *code)
{
  for (guint i = 0; i < NST_ROADMAP_N_STATUSES; i++)
    if (g_strcmp0 (code, status_codes[i]) == 0)
      return i;
  return NST_ROADMAP_STATUS_PLANNED;
}

const char *
nst_roadmap_status_label (NstRoadmapStatus status)
{
  switch (status)
    {
    case NST_ROADMAP_STATUS_PLANNED: return C_("roadmap status", "planned");
    case NST_ROADMAP_STATUS_IN_PROGRESS: return C_("roadmap status", "in progress");
    case NST_ROADMAP_STATUS_DONE: return C_("roadmap status", "done");
    case NST_ROADMAP_STATUS_CANCELLED: return C_("roadmap status", "cancelled");
    case NST_ROADMAP_N_STATUSES:
    default: break;
    }
  return "";
}

/**
 * nst_roadmap_occurrence_get_state:
 * @status_date: the day to look from («как обстояли дела на …»)
 *
 * Returns: done, due soon, overdue, planned or cancelled at @status_date
 */
NstDeadlineState
nst_roadmap_occurrence_get_state (const NstRoadmapOccurrence *occurrence,
                                  const GDate                *status_date)
{
  gboolean done = occurrence->status == NST_ROADMAP_STATUS_DONE &&
                  g_date_valid (&occurrence->done_on);

  return nst_deadline_state (&occurrence->due, done ? &occurrence->done_on : NULL,
                             occurrence->status == NST_ROADMAP_STATUS_CANCELLED,
                             status_date);
}

/* ---- fields ---------------------------------------------------------------- */

static const char *
get_text (NstRoadmapItem *self,
          TextField       field)
{
  g_return_val_if_fail (NST_IS_ROADMAP_ITEM (self), "");
  return self->text[field] ? self->text[field] : "";
}

/* Stores trimmed text, with "" for nothing, and notifies only on change. */
static gboolean
set_text (NstRoadmapItem *self,
          TextField       field,
          const char     *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  g_return_val_if_fail (NST_IS_ROADMAP_ITEM (self), FALSE);
  if (g_strcmp0 (get_text (self, field), trimmed) == 0)
    return FALSE;
  g_free (self->text[field]);
  self->text[field] = g_steal_pointer (&trimmed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + field]);
  return TRUE;
}

static void
set_date_field (NstRoadmapItem *self,
                TextField       field,
                const GDate    *date)
{
  g_autofree char *iso = date && g_date_valid (date) ? nst_date_format_iso (date) : NULL;

  set_text (self, field, iso);
}

static gboolean
get_date_field (NstRoadmapItem *self,
                TextField       field,
                GDate          *out)
{
  g_date_clear (out, 1);
  return nst_date_parse_iso (get_text (self, field), out);
}

static gboolean
kind_is_dated (NstScheduleKind kind)
{
  return kind == NST_SCHEDULE_ON_DATE || kind == NST_SCHEDULE_BY_DATE ||
         kind == NST_SCHEDULE_PERIOD;
}

/* The dates a dated schedule names: a day, a deadline or a period. */
static gboolean
schedule_own_dates (const NstSchedule *schedule,
                    GDate             *start,
                    GDate             *due)
{
  g_autoptr(GArray) occurrences = NULL;
  GDate from, to;

  if (schedule == NULL || !kind_is_dated (nst_schedule_get_kind (schedule)))
    return FALSE;
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 1900);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2199);
  occurrences = nst_schedule_expand (schedule, &from, &to,
                                     nst_school_quarters_default_func, NULL);
  if (occurrences == NULL || occurrences->len == 0)
    return FALSE;
  *start = g_array_index (occurrences, NstOccurrence, 0).start;
  *due = g_array_index (occurrences, NstOccurrence, occurrences->len - 1).due;
  return TRUE;
}

/* ---- GObject ----------------------------------------------------------------- */

static void
nst_roadmap_item_finalize (GObject *object)
{
  NstRoadmapItem *self = NST_ROADMAP_ITEM (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->text[i]);
  g_clear_pointer (&self->responsible_ids, g_array_unref);
  g_clear_pointer (&self->records, g_array_unref);
  g_clear_pointer (&self->parsed, nst_schedule_free);
  G_OBJECT_CLASS (nst_roadmap_item_parent_class)->finalize (object);
}

static void
nst_roadmap_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NstRoadmapItem *self = NST_ROADMAP_ITEM (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      g_value_set_string (value, get_text (self, prop_id - PROP_FIRST_TEXT));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_SECTION_ID: g_value_set_int64 (value, self->section_id); break;
    case PROP_POSITION: g_value_set_uint (value, self->position); break;
    case PROP_STATUS: g_value_set_uint (value, self->status); break;
    case PROP_RESPONSIBLE_IDS: g_value_set_boxed (value, self->responsible_ids); break;
    case PROP_RECORDS: g_value_set_boxed (value, self->records); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_roadmap_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NstRoadmapItem *self = NST_ROADMAP_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID: nst_roadmap_item_set_id (self, g_value_get_int64 (value)); break;
    case PROP_SECTION_ID: nst_roadmap_item_set_section_id (self, g_value_get_int64 (value)); break;
    case PROP_POSITION: nst_roadmap_item_set_position (self, g_value_get_uint (value)); break;
    case PROP_STATUS: nst_roadmap_item_set_status (self, g_value_get_uint (value)); break;
    case PROP_FIRST_TEXT + FIELD_SCHEDULE:
      nst_roadmap_item_set_schedule (self, g_value_get_string (value));
      break;
    case PROP_FIRST_TEXT + FIELD_DONE_ON:
      nst_roadmap_item_set_done_on (self, g_value_get_string (value));
      break;
    default:
      if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
        set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_roadmap_item_class_init (NstRoadmapItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_roadmap_item_finalize;
  object_class->get_property = nst_roadmap_item_get_property;
  object_class->set_property = nst_roadmap_item_set_property;

  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, "", flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SECTION_ID] =
    g_param_spec_int64 ("section-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, NST_ROADMAP_N_STATUSES - 1, 0, flags);
  /* Boxed GArrays (gint64 and NstRoadmapOccurrence), read through the
   * getters; the properties are there to notify. */
  properties[PROP_RESPONSIBLE_IDS] =
    g_param_spec_boxed ("responsible-ids", NULL, NULL, G_TYPE_ARRAY, read_only);
  properties[PROP_RECORDS] =
    g_param_spec_boxed ("records", NULL, NULL, G_TYPE_ARRAY, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_roadmap_item_init (NstRoadmapItem *self)
{
  self->responsible_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->records = g_array_new (FALSE, FALSE, sizeof (NstRoadmapOccurrence));
}

/* ---- public ---------------------------------------------------------------- */

NstRoadmapItem *
nst_roadmap_item_new (void)
{
  return g_object_new (NST_TYPE_ROADMAP_ITEM, NULL);
}

/**
 * nst_roadmap_item_copy:
 *
 * A detached copy for an editor to change freely, or to keep for «Отменить»
 * after a delete: it keeps the id, the place and the marked occurrences.
 *
 * Returns: (transfer full): the copy
 */
NstRoadmapItem *
nst_roadmap_item_copy (NstRoadmapItem *self)
{
  NstRoadmapItem *copy = nst_roadmap_item_new ();

  copy->id = self->id;
  copy->section_id = self->section_id;
  copy->position = self->position;
  for (guint i = 0; i < N_FIELDS; i++)
    copy->text[i] = g_strdup (self->text[i]);
  copy->status = self->status;
  g_array_append_vals (copy->responsible_ids, self->responsible_ids->data,
                       self->responsible_ids->len);
  g_array_append_vals (copy->records, self->records->data, self->records->len);
  return copy;
}

/**
 * nst_roadmap_item_assign:
 * @values: an edited copy
 *
 * Takes the fields a form edits from @values: texts, dates, status and the
 * responsible people; not the id, place or marked occurrences.
 */
void
nst_roadmap_item_assign (NstRoadmapItem *self,
                         NstRoadmapItem *values)
{
  guint n_ids;
  const gint64 *ids = nst_roadmap_item_get_responsible_ids (values, &n_ids);

  if (self == values)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  nst_roadmap_item_set_schedule (self, get_text (values, FIELD_SCHEDULE));
  for (guint i = 0; i < N_FIELDS; i++)
    if (i != FIELD_SCHEDULE && i != FIELD_DONE_ON)
      set_text (self, i, get_text (values, i));
  nst_roadmap_item_set_status (self, values->status);
  set_text (self, FIELD_DONE_ON, get_text (values, FIELD_DONE_ON));
  nst_roadmap_item_set_responsible_ids (self, ids, n_ids);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64 nst_roadmap_item_get_id (NstRoadmapItem *self) { return self->id; }
gint64 nst_roadmap_item_get_section_id (NstRoadmapItem *self) { return self->section_id; }
guint nst_roadmap_item_get_position (NstRoadmapItem *self) { return self->position; }
NstRoadmapStatus nst_roadmap_item_get_status (NstRoadmapItem *self) { return self->status; }

void
nst_roadmap_item_set_id (NstRoadmapItem *self,
                         gint64          id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
nst_roadmap_item_set_section_id (NstRoadmapItem *self,
                                 gint64          section_id)
{
  if (self->section_id == section_id)
    return;
  self->section_id = section_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION_ID]);
}

void
nst_roadmap_item_set_position (NstRoadmapItem *self,
                               guint           position)
{
  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

#define TEXT_ACCESSORS(field_name, FIELD) \
  const char *nst_roadmap_item_get_##field_name (NstRoadmapItem *self) \
  { return get_text (self, FIELD); } \
  void nst_roadmap_item_set_##field_name (NstRoadmapItem *self, const char *value) \
  { set_text (self, FIELD, value); }

TEXT_ACCESSORS (content, FIELD_CONTENT)
TEXT_ACCESSORS (starts_on, FIELD_STARTS_ON)
TEXT_ACCESSORS (ends_on, FIELD_ENDS_ON)
TEXT_ACCESSORS (expected_result, FIELD_EXPECTED_RESULT)
TEXT_ACCESSORS (indicator, FIELD_INDICATOR)
TEXT_ACCESSORS (indicator_target, FIELD_INDICATOR_TARGET)
TEXT_ACCESSORS (indicator_value, FIELD_INDICATOR_VALUE)
TEXT_ACCESSORS (indicator_on, FIELD_INDICATOR_ON)
TEXT_ACCESSORS (responsible, FIELD_RESPONSIBLE)
TEXT_ACCESSORS (responsible_people, FIELD_RESPONSIBLE_PEOPLE)

const char *
nst_roadmap_item_get_schedule (NstRoadmapItem *self)
{
  return get_text (self, FIELD_SCHEDULE);
}

/**
 * nst_roadmap_item_get_parsed_schedule:
 *
 * Returns: (transfer none) (nullable): the schedule as the program
 *   understands it, or %NULL for a text it does not know («По отдельному
 *   графику») or an empty one
 */
const NstSchedule *
nst_roadmap_item_get_parsed_schedule (NstRoadmapItem *self)
{
  g_return_val_if_fail (NST_IS_ROADMAP_ITEM (self), NULL);

  if (!self->parsed_valid)
    {
      const char *text = get_text (self, FIELD_SCHEDULE);

      self->parsed = *text ? nst_schedule_parse (text, NULL) : NULL;
      self->parsed_valid = TRUE;
    }
  return self->parsed;
}

void
nst_roadmap_item_set_schedule (NstRoadmapItem *self,
                               const char     *schedule)
{
  const NstSchedule *before = nst_roadmap_item_get_parsed_schedule (self);
  gboolean was_dated = before != NULL && kind_is_dated (nst_schedule_get_kind (before));
  GDate start, due;

  g_object_freeze_notify (G_OBJECT (self));
  if (set_text (self, FIELD_SCHEDULE, schedule))
    {
      g_clear_pointer (&self->parsed, nst_schedule_free);
      self->parsed_valid = FALSE;
      if (schedule_own_dates (nst_roadmap_item_get_parsed_schedule (self), &start, &due))
        {
          set_date_field (self, FIELD_STARTS_ON, &start);
          set_date_field (self, FIELD_ENDS_ON, &due);
        }
      else if (was_dated)
        {
          set_text (self, FIELD_STARTS_ON, NULL);
          set_text (self, FIELD_ENDS_ON, NULL);
        }
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Leaving «done» drops its date, as the database wants. */
void
nst_roadmap_item_set_status (NstRoadmapItem   *self,
                             NstRoadmapStatus  status)
{
  g_return_if_fail (status < NST_ROADMAP_N_STATUSES);
  if (self->status == status)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  self->status = status;
  if (status != NST_ROADMAP_STATUS_DONE)
    set_text (self, FIELD_DONE_ON, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
nst_roadmap_item_get_done_on (NstRoadmapItem *self)
{
  return get_text (self, FIELD_DONE_ON);
}

void
nst_roadmap_item_set_done_on (NstRoadmapItem *self,
                              const char     *iso_date)
{
  set_text (self, FIELD_DONE_ON, iso_date);
}

/**
 * nst_roadmap_item_get_responsible_ids:
 * @n_ids: (out): how many
 *
 * Returns: (transfer none) (array length=n_ids): participant ids
 */
const gint64 *
nst_roadmap_item_get_responsible_ids (NstRoadmapItem *self,
                                      guint          *n_ids)
{
  *n_ids = self->responsible_ids->len;
  return (const gint64 *) self->responsible_ids->data;
}

void
nst_roadmap_item_set_responsible_ids (NstRoadmapItem *self,
                                      const gint64   *ids,
                                      guint           n_ids)
{
  if (n_ids == self->responsible_ids->len &&
      (n_ids == 0 || memcmp (ids, self->responsible_ids->data, n_ids * sizeof (gint64)) == 0))
    return;
  g_array_set_size (self->responsible_ids, 0);
  g_array_append_vals (self->responsible_ids, ids, n_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSIBLE_IDS]);
}

/**
 * nst_roadmap_item_dup_responsible_text:
 *
 * Returns: (transfer full): the roles and the people, as one line
 *   («Заместители директора; Иванова М.П., Петров С.А.»)
 */
char *
nst_roadmap_item_dup_responsible_text (NstRoadmapItem *self)
{
  const char *roles = get_text (self, FIELD_RESPONSIBLE);
  const char *people = get_text (self, FIELD_RESPONSIBLE_PEOPLE);

  if (*roles && *people)
    return g_strdup_printf ("%s; %s", roles, people);
  return g_strdup (*roles ? roles : people);
}

NstRoadmapTiming
nst_roadmap_item_get_timing (NstRoadmapItem *self)
{
  const NstSchedule *schedule = nst_roadmap_item_get_parsed_schedule (self);
  GDate start, end;
  gboolean has_start, has_end;

  if (schedule != NULL)
    switch (nst_schedule_get_kind (schedule))
      {
      case NST_SCHEDULE_ON_DATE:
      case NST_SCHEDULE_BY_DATE:
        return NST_ROADMAP_TIMING_DATE;
      case NST_SCHEDULE_PERIOD:
      case NST_SCHEDULE_THROUGHOUT:
        return NST_ROADMAP_TIMING_PERIOD;
      case NST_SCHEDULE_YEARLY_BY:
      case NST_SCHEDULE_ONCE_PER_QUARTER:
      case NST_SCHEDULE_QUARTER_END:
      case NST_SCHEDULE_MONTHLY_WEEKDAY:
      default:
        return NST_ROADMAP_TIMING_RECURRING;
      }
  has_start = get_date_field (self, FIELD_STARTS_ON, &start);
  has_end = get_date_field (self, FIELD_ENDS_ON, &end);
  if (has_start && has_end && g_date_compare (&start, &end) < 0)
    return NST_ROADMAP_TIMING_PERIOD;
  if (has_start || has_end)
    return NST_ROADMAP_TIMING_DATE;
  return NST_ROADMAP_TIMING_NONE;
}

/**
 * nst_roadmap_item_get_can_move:
 *
 * Whether dragging in the chart may move the item: its own dates, not a
 * rule's, which follow the calendar, nor «весь период».
 */
gboolean
nst_roadmap_item_get_can_move (NstRoadmapItem *self)
{
  const NstSchedule *schedule = nst_roadmap_item_get_parsed_schedule (self);

  if (schedule != NULL)
    return kind_is_dated (nst_schedule_get_kind (schedule));
  return nst_roadmap_item_get_timing (self) != NST_ROADMAP_TIMING_NONE;
}

/**
 * nst_roadmap_item_get_dates:
 * @start: (out): the first day, or cleared
 * @end: (out): the last day or the deadline, or cleared
 *
 * The item's own dates: those of a dated schedule, or the bounds of a rule.
 *
 * Returns: whether it has any
 */
gboolean
nst_roadmap_item_get_dates (NstRoadmapItem *self,
                            GDate          *start,
                            GDate          *end)
{
  gboolean has_start = get_date_field (self, FIELD_STARTS_ON, start);
  gboolean has_end = get_date_field (self, FIELD_ENDS_ON, end);

  if (has_start && !has_end)
    *end = *start;
  else if (has_end && !has_start)
    *start = *end;
  return has_start || has_end;
}

/* «До 25.10.2021» stays capitalised when it moves to «До 30.10.2021». */
static gboolean
starts_upper (const char *text)
{
  return g_unichar_isupper (g_utf8_get_char (text));
}

static char *
dated_schedule_text (NstScheduleKind  kind,
                     const char      *before,
                     const GDate     *start,
                     const GDate     *end)
{
  g_autofree char *from = nst_date_format_ru (start);
  g_autofree char *to = nst_date_format_ru (end);
  gboolean upper = starts_upper (before);

  switch (kind)
    {
    case NST_SCHEDULE_ON_DATE:
      return g_strdup (to);
    case NST_SCHEDULE_BY_DATE:
      return g_strdup_printf ("%s %s", upper ? "До" : "до", to);
    case NST_SCHEDULE_PERIOD:
    default:
      return g_strdup_printf ("%s %s по %s", upper ? "С" : "с", from, to);
    }
}

/**
 * nst_roadmap_item_set_dates:
 * @start: (nullable): the first day
 * @end: (nullable): the last day or the deadline
 *
 * Sets the item's dates as a drag in the chart or a date row does. A dated
 * schedule is rewritten to them («до 25.10.2021» becomes «до 30.10.2021»);
 * a rule or an unknown text keeps its words and gets the dates as bounds.
 */
void
nst_roadmap_item_set_dates (NstRoadmapItem *self,
                            const GDate    *start,
                            const GDate    *end)
{
  const NstSchedule *schedule = nst_roadmap_item_get_parsed_schedule (self);
  GDate got_start, got_end;

  g_object_freeze_notify (G_OBJECT (self));
  if (schedule != NULL && kind_is_dated (nst_schedule_get_kind (schedule)) &&
      (start != NULL || end != NULL))
    {
      const GDate *first = start ? start : end;
      const GDate *last = end ? end : start;
      g_autofree char *text =
        dated_schedule_text (nst_schedule_get_kind (schedule),
                             get_text (self, FIELD_SCHEDULE), first, last);

      nst_roadmap_item_set_schedule (self, text);
      /* Whatever words the parser prefers, the dates are the ones asked for. */
      if (!nst_roadmap_item_get_dates (self, &got_start, &got_end) ||
          g_date_compare (&got_end, last) != 0)
        {
          set_date_field (self, FIELD_STARTS_ON, first);
          set_date_field (self, FIELD_ENDS_ON, last);
        }
    }
  else
    {
      set_date_field (self, FIELD_STARTS_ON, start);
      set_date_field (self, FIELD_ENDS_ON, end);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * nst_roadmap_item_get_records:
 *
 * Returns: (transfer none) (element-type NstRoadmapOccurrence): the marked
 *   occurrences of a rule, by due date
 */
GArray *
nst_roadmap_item_get_records (NstRoadmapItem *self)
{
  return self->records;
}

static guint
find_record (GArray      *records,
             const GDate *due,
             gboolean    *found)
{
  guint i;

  for (i = 0; i < records->len; i++)
    {
      int cmp = g_date_compare (&g_array_index (records, NstRoadmapOccurrence, i).due, due);

      if (cmp >= 0)
        {
          *found = cmp == 0;
          return i;
        }
    }
  *found = FALSE;
  return i;
}

/**
 * nst_roadmap_item_set_record:
 * @due: the occurrence's deadline
 * @status: DONE or CANCELLED to mark it, PLANNED to unmark it
 * @done_on: (nullable): the day it was done, for DONE
 *
 * Changes the item in memory only; nst_store_set_roadmap_occurrence_status()
 * saves and then calls this.
 */
void
nst_roadmap_item_set_record (NstRoadmapItem   *self,
                             const GDate      *due,
                             NstRoadmapStatus  status,
                             const GDate      *done_on)
{
  NstRoadmapOccurrence record = { 0 };
  gboolean found;
  guint at = find_record (self->records, due, &found);

  g_return_if_fail (g_date_valid (due));
  if (found)
    g_array_remove_index (self->records, at);
  if (status == NST_ROADMAP_STATUS_DONE || status == NST_ROADMAP_STATUS_CANCELLED)
    {
      record.start = *due;
      record.due = *due;
      record.status = status;
      g_date_clear (&record.done_on, 1);
      if (status == NST_ROADMAP_STATUS_DONE && done_on != NULL)
        record.done_on = *done_on;
      g_array_insert_val (self->records, at, record);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDS]);
}

void
nst_roadmap_item_clear_records (NstRoadmapItem *self)
{
  if (self->records->len == 0)
    return;
  g_array_set_size (self->records, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDS]);
}

static void
append_occurrence (GArray      *out,
                   const GDate *start,
                   const GDate *due)
{
  NstRoadmapOccurrence occurrence = { 0 };

  occurrence.start = *start;
  occurrence.due = *due;
  occurrence.status = NST_ROADMAP_STATUS_PLANNED;
  g_date_clear (&occurrence.done_on, 1);
  g_array_append_val (out, occurrence);
}

static void
expand_rule (NstRoadmapItem *self,
             GArray         *out,
             const GDate    *from,
             const GDate    *to,
             NstQuartersFunc quarters_for,
             gpointer        user_data)
{
  g_autoptr(GArray) dates = NULL;

  dates = nst_schedule_expand (nst_roadmap_item_get_parsed_schedule (self), from, to,
                               quarters_for ? quarters_for : nst_school_quarters_default_func,
                               user_data);
  for (guint i = 0; dates != NULL && i < dates->len; i++)
    append_occurrence (out, &g_array_index (dates, NstOccurrence, i).start,
                       &g_array_index (dates, NstOccurrence, i).due);
}

/* A rule's occurrence takes its own mark; otherwise the item's status. */
static void
apply_status (NstRoadmapItem       *self,
              NstRoadmapOccurrence *occurrence,
              gboolean              use_records)
{
  gboolean found = FALSE;
  guint at = use_records ? find_record (self->records, &occurrence->due, &found) : 0;

  if (found)
    {
      const NstRoadmapOccurrence *record = &g_array_index (self->records, NstRoadmapOccurrence, at);

      occurrence->status = record->status;
      occurrence->done_on = record->done_on;
    }
  else if (self->status == NST_ROADMAP_STATUS_DONE)
    {
      occurrence->status = NST_ROADMAP_STATUS_DONE;
      get_date_field (self, FIELD_DONE_ON, &occurrence->done_on);
    }
  else if (self->status == NST_ROADMAP_STATUS_CANCELLED)
    occurrence->status = NST_ROADMAP_STATUS_CANCELLED;
}

/**
 * nst_roadmap_item_dup_occurrences:
 * @period_start: the roadmap's first day, bounding rules and «весь период»
 *   when the item sets no bounds of its own
 * @period_end: the roadmap's last day
 * @quarters_for: (nullable): the school's quarters; %NULL for the defaults
 *
 * Every dated occurrence of the item with its status: one for a date or a
 * period, one per deadline of a rule, none for an item without dates.
 *
 * Returns: (transfer full) (element-type NstRoadmapOccurrence): the
 *   occurrences in date order
 */
GArray *
nst_roadmap_item_dup_occurrences (NstRoadmapItem  *self,
                                  const GDate     *period_start,
                                  const GDate     *period_end,
                                  NstQuartersFunc  quarters_for,
                                  gpointer         user_data)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (NstRoadmapOccurrence));
  NstRoadmapTiming timing = nst_roadmap_item_get_timing (self);
  GDate start = *period_start, end = *period_end;

  g_return_val_if_fail (NST_IS_ROADMAP_ITEM (self), out);

  if (!nst_roadmap_item_get_dates (self, &start, &end))
    {
      start = *period_start;
      end = *period_end;
    }
  if (timing == NST_ROADMAP_TIMING_DATE)
    append_occurrence (out, &end, &end);
  else if (timing == NST_ROADMAP_TIMING_PERIOD)
    append_occurrence (out, &start, &end);
  else if (timing == NST_ROADMAP_TIMING_RECURRING)
    expand_rule (self, out, &start, &end, quarters_for, user_data);

  for (guint i = 0; i < out->len; i++)
    apply_status (self, &g_array_index (out, NstRoadmapOccurrence, i),
                  timing == NST_ROADMAP_TIMING_RECURRING);
  return out;
}

/**
 * nst_roadmap_item_get_state:
 * @occurrences: (element-type NstRoadmapOccurrence): from
 *   nst_roadmap_item_dup_occurrences()
 *
 * The item's state at @status_date, the most pressing of its occurrences':
 * overdue, then due soon, then planned; done when all are done.
 */
NstDeadlineState
nst_roadmap_item_get_state (NstRoadmapItem *self,
                            GArray         *occurrences,
                            const GDate    *status_date)
{
  gboolean any_planned = FALSE, any_done = FALSE, any_soon = FALSE;

  if (self->status == NST_ROADMAP_STATUS_CANCELLED)
    return NST_DEADLINE_CANCELLED;
  for (guint i = 0; occurrences != NULL && i < occurrences->len; i++)
    switch (nst_roadmap_occurrence_get_state (&g_array_index (occurrences, NstRoadmapOccurrence, i),
                                              status_date))
      {
      case NST_DEADLINE_OVERDUE: return NST_DEADLINE_OVERDUE;
      case NST_DEADLINE_DUE_SOON: any_soon = TRUE; break;
      case NST_DEADLINE_PLANNED: any_planned = TRUE; break;
      case NST_DEADLINE_DONE: any_done = TRUE; break;
      case NST_DEADLINE_CANCELLED:
      default: break;
      }
  if (any_soon)
    return NST_DEADLINE_DUE_SOON;
  if (any_planned)
    return NST_DEADLINE_PLANNED;
  if (any_done)
    return NST_DEADLINE_DONE;
  return occurrences != NULL && occurrences->len > 0 ? NST_DEADLINE_CANCELLED
                                                     : NST_DEADLINE_PLANNED;
}

/* The first number in a text such as «не менее 10 %» or «12,5». */
static gboolean
first_number (const char *text,
              double     *out)
{
  g_autofree char *copy = g_strdup (text);
  char *p = copy, *end = NULL;

  while (*p && !g_ascii_isdigit (*p))
    p++;
  if (*p == '\0')
    return FALSE;
  for (char *q = p; *q && (g_ascii_isdigit (*q) || *q == ',' || *q == '.'); q++)
    if (*q == ',')
      *q = '.';
  *out = g_ascii_strtod (p, &end);
  return end != p;
}

/**
 * nst_roadmap_item_get_indicator_met:
 *
 * Compares the value reached with the target: «не менее 10 %» wants at
 * least 10, «не более 5» at most 5, a bare number at least it.
 *
 * Returns: 1 when the target is met, 0 when not, -1 when either is not a
 *   number
 */
int
nst_roadmap_item_get_indicator_met (NstRoadmapItem *self)
{
  g_autofree char *target = nst_ru_fold (get_text (self, FIELD_INDICATOR_TARGET));
  double want, got;

  if (!first_number (target, &want) ||
      !first_number (get_text (self, FIELD_INDICATOR_VALUE), &got))
    return -1;
  if (strstr (target, "не более") || strstr (target, "не больше") ||
      strstr (target, "≤") || strstr (target, "<="))
    return got <= want;
  return got >= want;
}

static char *
check_date_text (NstRoadmapItem *self,
                 TextField       field,
                 const GDate    *today,
                 const char     *not_a_date,
                 const char     *in_future)
{
  const char *text = get_text (self, field);
  GDate date;

  if (*text == '\0')
    return NULL;
  if (!nst_date_parse_iso (text, &date))
    return g_strdup (not_a_date);
  if (today != NULL && g_date_compare (&date, today) > 0)
    return g_strdup (in_future);
  return NULL;
}

static char *
check_dates (NstRoadmapItem *self)
{
  GDate start, end;
  gboolean has_start = get_date_field (self, FIELD_STARTS_ON, &start);
  gboolean has_end = get_date_field (self, FIELD_ENDS_ON, &end);

  if ((*get_text (self, FIELD_STARTS_ON) && !has_start) ||
      (*get_text (self, FIELD_ENDS_ON) && !has_end))
    return g_strdup (_("The dates are not valid dates"));
  if (has_start && has_end && g_date_compare (&start, &end) > 0)
    return g_strdup (_("The period ends before it starts"));
  return NULL;
}

/* An unknown schedule is free text («По отдельному графику»); a known one
 * with an impossible date is a mistake. */
static char *
check_schedule (NstRoadmapItem *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchedule) schedule = NULL;
  const char *text = get_text (self, FIELD_SCHEDULE);

  if (*text == '\0')
    return NULL;
  schedule = nst_schedule_parse (text, &error);
  if (schedule == NULL && error != NULL &&
      g_error_matches (error, NST_SCHEDULE_ERROR, NST_SCHEDULE_ERROR_UNKNOWN) == FALSE)
    return g_strdup (error->message);
  return NULL;
}

/**
 * nst_roadmap_item_check_field:
 * @today: (nullable): for dates that cannot be in the future
 *
 * Returns: (transfer full) (nullable): what is wrong with @field, or %NULL
 */
char *
nst_roadmap_item_check_field (NstRoadmapItem      *self,
                              NstRoadmapItemField  field,
                              const GDate         *today)
{
  switch (field)
    {
    case NST_ROADMAP_ITEM_FIELD_CONTENT:
      if (*get_text (self, FIELD_CONTENT) == '\0')
        return g_strdup (_("Write what is to be done"));
      return NULL;
    case NST_ROADMAP_ITEM_FIELD_SCHEDULE:
      return check_schedule (self);
    case NST_ROADMAP_ITEM_FIELD_DATES:
      return check_dates (self);
    case NST_ROADMAP_ITEM_FIELD_DONE_ON:
      if (self->status == NST_ROADMAP_STATUS_DONE && *get_text (self, FIELD_DONE_ON) == '\0')
        return g_strdup (_("Enter the date it was done"));
      return check_date_text (self, FIELD_DONE_ON, today,
                              _("The date it was done is not a valid date"),
                              _("The date it was done cannot be in the future"));
    case NST_ROADMAP_ITEM_FIELD_INDICATOR_ON:
      return check_date_text (self, FIELD_INDICATOR_ON, today,
                              _("The date of the indicator's value is not a valid date"),
                              _("The date of the indicator's value cannot be in the future"));
    case NST_ROADMAP_ITEM_N_CHECKED_FIELDS:
    default:
      break;
    }
  return NULL;
}

/**
 * nst_roadmap_item_check:
 *
 * Returns: (transfer full) (nullable): the first problem, or %NULL when
 *   the item can be saved
 */
char *
nst_roadmap_item_check (NstRoadmapItem *self,
                        const GDate    *today)
{
  for (guint f = 0; f < NST_ROADMAP_ITEM_N_CHECKED_FIELDS; f++)
    {
      char *problem = nst_roadmap_item_check_field (self, f, today);

      if (problem != NULL)
        return problem;
    }
  return NULL;
}
