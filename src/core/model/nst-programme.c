/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-programme"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "model/nst-programme.h"
#include "text/nst-ru-text.h"

typedef enum
{
  FIELD_TITLE,
  FIELD_REQUEST,
  FIELD_GOAL,
  FIELD_TASKS,
  FIELD_EXPECTED_RESULT,
  FIELD_RESULT,
  FIELD_STARTS_ON,
  FIELD_ENDS_ON,
  FIELD_ENDED_ON,
  FIELD_MENTOR_NAME,
  FIELD_MENTEE_NAMES,
  FIELD_STATUS_DATE,
  N_FIELDS
} TextField;

struct _NstProgramme
{
  GObject parent_instance;

  gint64 id;
  gint64 group_id;
  gint64 template_id;
  guint school_year;
  char *text[N_FIELDS];
  NstProgrammeStatus status;
  NstEndReason end_reason;
  NstGroupForm form;

  GListStore *items;
  gboolean items_loaded;
  /* Counts the store made, for a programme loaded without its items. */
  guint done, due, total, overdue;

  char *search_key;
};

G_DEFINE_FINAL_TYPE (NstProgramme, nst_programme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_FIELDS - 1,
  PROP_ID,
  PROP_GROUP_ID,
  PROP_TEMPLATE_ID,
  PROP_SCHOOL_YEAR,
  PROP_STATUS,
  PROP_END_REASON,
  /* Read-only. */
  PROP_FORM,
  PROP_ITEMS,
  PROP_PROGRESS_DONE,
  PROP_PROGRESS_DUE,
  PROP_PROGRESS_TOTAL,
  PROP_OVERDUE,
  PROP_PROGRESS_LABEL,
  PROP_PERIOD_LABEL,
  PROP_SCHOOL_YEAR_LABEL,
  PROP_STATUS_LABEL,
  PROP_FORM_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *text_property_names[N_FIELDS] = {
  "title", "request", "goal", "tasks", "expected-result", "result", "starts-on",
  "ends-on", "ended-on", "mentor-name", "mentee-names", "status-date",
};

static const char *status_codes[NST_N_PROGRAMME_STATUSES] = {
  "draft", "active", "finished", "terminated",
};

const char *
nst_programme_status_to_code (NstProgrammeStatus status)
{
  g_return_val_if_fail (status < NST_N_PROGRAMME_STATUSES, status_codes[0]);
  return status_codes[status];
}

NstProgrammeStatus
nst_programme_status_from_code (const char *code)
{
  for (guint i = 0; i < NST_N_PROGRAMME_STATUSES; i++)
    if (g_strcmp0 (code, status_codes[i]) == 0)
      return i;
  return NST_PROGRAMME_STATUS_DRAFT;
}

const char *
nst_programme_status_label (NstProgrammeStatus status)
{
  switch (status)
    {
    /* Translators: a programme's status: проект, выполняется, завершена, прекращена */
    case NST_PROGRAMME_STATUS_DRAFT: return C_("programme status", "draft");
    case NST_PROGRAMME_STATUS_ACTIVE: return C_("programme status", "in progress");
    case NST_PROGRAMME_STATUS_FINISHED: return C_("programme status", "finished");
    case NST_PROGRAMME_STATUS_TERMINATED: return C_("programme status", "terminated");
    case NST_N_PROGRAMME_STATUSES:
    default: break;
    }
  return "";
}

/* ---- the object ------------------------------------------------------------ */

static void
notify (NstProgramme *self,
        guint         prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
notify_progress (NstProgramme *self)
{
  notify (self, PROP_PROGRESS_DONE);
  notify (self, PROP_PROGRESS_DUE);
  notify (self, PROP_PROGRESS_TOTAL);
  notify (self, PROP_OVERDUE);
  notify (self, PROP_PROGRESS_LABEL);
}

static const char *
get_text (NstProgramme *self,
          TextField     field)
{
  g_return_val_if_fail (NST_IS_PROGRAMME (self), "");
  return self->text[field] ? self->text[field] : "";
}

static void
set_text (NstProgramme *self,
          TextField     field,
          const char   *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  g_return_if_fail (NST_IS_PROGRAMME (self));
  if (g_strcmp0 (get_text (self, field), trimmed) == 0)
    return;
  g_free (self->text[field]);
  self->text[field] = g_steal_pointer (&trimmed);
  g_clear_pointer (&self->search_key, g_free);
  notify (self, PROP_FIRST_TEXT + field);
  if (field == FIELD_STARTS_ON || field == FIELD_ENDS_ON)
    notify (self, PROP_PERIOD_LABEL);
  else if (field == FIELD_STATUS_DATE)
    notify_progress (self);
}

static void
item_done_changed_cb (NstPlanItem  *item,
                      GParamSpec   *pspec,
                      NstProgramme *self)
{
  notify_progress (self);
}

static void
nst_programme_finalize (GObject *object)
{
  NstProgramme *self = NST_PROGRAMME (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->text[i]);
  g_clear_object (&self->items);
  g_clear_pointer (&self->search_key, g_free);
  G_OBJECT_CLASS (nst_programme_parent_class)->finalize (object);
}

static void
get_derived_property (NstProgramme *self,
                      guint         prop_id,
                      GValue       *value)
{
  guint done, due, total, overdue;

  nst_programme_get_progress (self, &done, &due, &total, &overdue);
  switch (prop_id)
    {
    case PROP_FORM: g_value_set_uint (value, self->form); break;
    case PROP_ITEMS: g_value_set_object (value, self->items); break;
    case PROP_PROGRESS_DONE: g_value_set_uint (value, done); break;
    case PROP_PROGRESS_DUE: g_value_set_uint (value, due); break;
    case PROP_PROGRESS_TOTAL: g_value_set_uint (value, total); break;
    case PROP_OVERDUE: g_value_set_uint (value, overdue); break;
    case PROP_PROGRESS_LABEL: g_value_take_string (value, nst_programme_dup_progress_label (self)); break;
    case PROP_PERIOD_LABEL: g_value_take_string (value, nst_programme_dup_period_label (self)); break;
    case PROP_SCHOOL_YEAR_LABEL: g_value_take_string (value, nst_programme_dup_school_year_label (self)); break;
    case PROP_STATUS_LABEL: g_value_set_string (value, nst_programme_status_label (self->status)); break;
    case PROP_FORM_LABEL: g_value_set_string (value, nst_group_form_label (self->form)); break;
    default: g_assert_not_reached ();
    }
}

static void
nst_programme_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NstProgramme *self = NST_PROGRAMME (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      g_value_set_string (value, get_text (self, prop_id - PROP_FIRST_TEXT));
      return;
    }
  if (prop_id >= PROP_FORM && prop_id < N_PROPS)
    {
      get_derived_property (self, prop_id, value);
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_GROUP_ID: g_value_set_int64 (value, self->group_id); break;
    case PROP_TEMPLATE_ID: g_value_set_int64 (value, self->template_id); break;
    case PROP_SCHOOL_YEAR: g_value_set_uint (value, self->school_year); break;
    case PROP_STATUS: g_value_set_uint (value, self->status); break;
    case PROP_END_REASON: g_value_set_uint (value, self->end_reason); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_programme_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NstProgramme *self = NST_PROGRAMME (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: nst_programme_set_id (self, g_value_get_int64 (value)); break;
    case PROP_GROUP_ID: nst_programme_set_group_id (self, g_value_get_int64 (value)); break;
    case PROP_TEMPLATE_ID: nst_programme_set_template_id (self, g_value_get_int64 (value)); break;
    case PROP_SCHOOL_YEAR: nst_programme_set_school_year (self, g_value_get_uint (value)); break;
    case PROP_STATUS: nst_programme_set_status (self, g_value_get_uint (value)); break;
    case PROP_END_REASON: nst_programme_set_end_reason (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_read_only (void)
{
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_FORM] = g_param_spec_uint ("form", NULL, NULL, 0, NST_N_GROUP_FORMS - 1,
                                             NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE, ro);
  properties[PROP_ITEMS] = g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_PROGRESS_DONE] = g_param_spec_uint ("progress-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PROGRESS_DUE] = g_param_spec_uint ("progress-due", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PROGRESS_TOTAL] = g_param_spec_uint ("progress-total", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_OVERDUE] = g_param_spec_uint ("overdue", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PROGRESS_LABEL] = g_param_spec_string ("progress-label", NULL, NULL, "", ro);
  properties[PROP_PERIOD_LABEL] = g_param_spec_string ("period-label", NULL, NULL, "", ro);
  properties[PROP_SCHOOL_YEAR_LABEL] = g_param_spec_string ("school-year-label", NULL, NULL, "", ro);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, "", ro);
  properties[PROP_FORM_LABEL] = g_param_spec_string ("form-label", NULL, NULL, "", ro);
}

static void
nst_programme_class_init (NstProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_programme_finalize;
  object_class->get_property = nst_programme_get_property;
  object_class->set_property = nst_programme_set_property;

  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, "", flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_GROUP_ID] = g_param_spec_int64 ("group-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TEMPLATE_ID] = g_param_spec_int64 ("template-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SCHOOL_YEAR] = g_param_spec_uint ("school-year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, NST_N_PROGRAMME_STATUSES - 1, 0, flags);
  properties[PROP_END_REASON] =
    g_param_spec_uint ("end-reason", NULL, NULL, 0, NST_N_END_REASONS - 1, 0, flags);
  install_read_only ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_programme_init (NstProgramme *self)
{
  self->form = NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE;
  self->items = g_list_store_new (NST_TYPE_PLAN_ITEM);
}

/**
 * nst_programme_new:
 *
 * Returns: (transfer full): an empty draft with an empty plan
 */
NstProgramme *
nst_programme_new (void)
{
  NstProgramme *self = g_object_new (NST_TYPE_PROGRAMME, NULL);

  self->items_loaded = TRUE;
  return self;
}

/**
 * nst_programme_copy:
 *
 * A detached copy, with copies of the plan's items, for an editor.
 *
 * Returns: (transfer full): the copy
 */
NstProgramme *
nst_programme_copy (NstProgramme *self)
{
  NstProgramme *copy = nst_programme_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  copy->id = self->id;
  copy->group_id = self->group_id;
  copy->template_id = self->template_id;
  copy->school_year = self->school_year;
  for (guint i = 0; i < N_FIELDS; i++)
    copy->text[i] = g_strdup (self->text[i]);
  copy->status = self->status;
  copy->end_reason = self->end_reason;
  copy->form = self->form;
  copy->done = self->done;
  copy->due = self->due;
  copy->total = self->total;
  copy->overdue = self->overdue;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_ptr_array_add (items, nst_plan_item_copy (item));
    }
  nst_programme_set_items (copy, items);
  copy->items_loaded = self->items_loaded;
  return copy;
}

#define INT_ACCESSORS(type, name, PROP) \
  type nst_programme_get_##name (NstProgramme *self) { return self->name; } \
  void nst_programme_set_##name (NstProgramme *self, type value) \
  { \
    if (self->name == value) \
      return; \
    self->name = value; \
    notify (self, PROP); \
  }

INT_ACCESSORS (gint64, id, PROP_ID)
INT_ACCESSORS (gint64, group_id, PROP_GROUP_ID)
INT_ACCESSORS (gint64, template_id, PROP_TEMPLATE_ID)
INT_ACCESSORS (NstEndReason, end_reason, PROP_END_REASON)

guint nst_programme_get_school_year (NstProgramme *self) { return self->school_year; }

void
nst_programme_set_school_year (NstProgramme *self,
                               guint         start_year)
{
  if (self->school_year == start_year)
    return;
  self->school_year = start_year;
  notify (self, PROP_SCHOOL_YEAR);
  notify (self, PROP_SCHOOL_YEAR_LABEL);
}

NstProgrammeStatus nst_programme_get_status (NstProgramme *self) { return self->status; }

void
nst_programme_set_status (NstProgramme       *self,
                          NstProgrammeStatus  status)
{
  g_return_if_fail (status < NST_N_PROGRAMME_STATUSES);
  if (self->status == status)
    return;
  self->status = status;
  notify (self, PROP_STATUS);
  notify (self, PROP_STATUS_LABEL);
}

#define TEXT_ACCESSORS(field_name, FIELD) \
  const char *nst_programme_get_##field_name (NstProgramme *self) \
  { return get_text (self, FIELD); } \
  void nst_programme_set_##field_name (NstProgramme *self, const char *value) \
  { set_text (self, FIELD, value); }

TEXT_ACCESSORS (title, FIELD_TITLE)
TEXT_ACCESSORS (request, FIELD_REQUEST)
TEXT_ACCESSORS (goal, FIELD_GOAL)
TEXT_ACCESSORS (tasks, FIELD_TASKS)
TEXT_ACCESSORS (expected_result, FIELD_EXPECTED_RESULT)
TEXT_ACCESSORS (result, FIELD_RESULT)
TEXT_ACCESSORS (starts_on, FIELD_STARTS_ON)
TEXT_ACCESSORS (ends_on, FIELD_ENDS_ON)
TEXT_ACCESSORS (ended_on, FIELD_ENDED_ON)

const char *nst_programme_get_mentor_name (NstProgramme *self) { return get_text (self, FIELD_MENTOR_NAME); }
const char *nst_programme_get_mentee_names (NstProgramme *self) { return get_text (self, FIELD_MENTEE_NAMES); }
NstGroupForm nst_programme_get_form (NstProgramme *self) { return self->form; }

/**
 * nst_programme_set_group_facts:
 * @mentor_name: the mentor's full name
 * @mentee_names: the mentees' full names, joined by ", "
 */
void
nst_programme_set_group_facts (NstProgramme *self,
                               const char   *mentor_name,
                               const char   *mentee_names,
                               NstGroupForm  form)
{
  set_text (self, FIELD_MENTOR_NAME, mentor_name);
  set_text (self, FIELD_MENTEE_NAMES, mentee_names);
  if (self->form != form)
    {
      self->form = form;
      g_clear_pointer (&self->search_key, g_free);
      notify (self, PROP_FORM);
      notify (self, PROP_FORM_LABEL);
    }
}

/* ---- the plan -------------------------------------------------------------- */

/**
 * nst_programme_get_items:
 *
 * Returns: (transfer none): a #GListModel of #NstPlanItem in plan order
 */
GListModel *
nst_programme_get_items (NstProgramme *self)
{
  return G_LIST_MODEL (self->items);
}

/* FALSE for a programme from nst_store_list_programmes(), which leaves the
 * plan out: load it with nst_store_get_programme() to see or change it. */
gboolean
nst_programme_get_items_loaded (NstProgramme *self)
{
  return self->items_loaded;
}

static void
renumber (NstProgramme *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      nst_plan_item_set_position (item, i + 1);
    }
}

static void
watch_item (NstProgramme *self,
            NstPlanItem  *item)
{
  g_signal_connect_object (item, "notify::n-done", G_CALLBACK (item_done_changed_cb), self, 0);
  g_signal_connect_object (item, "notify::n-occurrences", G_CALLBACK (item_done_changed_cb), self, 0);
}

/**
 * nst_programme_set_items:
 * @items: (element-type NstPlanItem): the plan, in order; numbered 1, 2, …
 */
void
nst_programme_set_items (NstProgramme *self,
                         GPtrArray    *items)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < items->len; i++)
    watch_item (self, g_ptr_array_index (items, i));
  g_list_store_splice (self->items, 0, before, items->pdata, items->len);
  self->items_loaded = TRUE;
  renumber (self);
  notify_progress (self);
}

/* Appends @item and numbers it. */
void
nst_programme_add_item (NstProgramme *self,
                        NstPlanItem  *item)
{
  watch_item (self, item);
  g_list_store_append (self->items, item);
  renumber (self);
  notify_progress (self);
}

void
nst_programme_remove_item (NstProgramme *self,
                           guint         index)
{
  g_return_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (self->items)));
  g_list_store_remove (self->items, index);
  renumber (self);
  notify_progress (self);
}

void
nst_programme_move_item (NstProgramme *self,
                         guint         from,
                         guint         to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(NstPlanItem) item = NULL;

  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->items), from);
  g_list_store_remove (self->items, from);
  g_list_store_insert (self->items, to, item);
  renumber (self);
}

/* ---- progress -------------------------------------------------------------- */

/* "" means today, so that a programme kept open shows today's state. */
const char *nst_programme_get_status_date (NstProgramme *self) { return get_text (self, FIELD_STATUS_DATE); }

/**
 * nst_programme_set_status_date:
 * @iso_date: (nullable): the day progress is counted at; %NULL for today
 */
void
nst_programme_set_status_date (NstProgramme *self,
                               const char   *iso_date)
{
  set_text (self, FIELD_STATUS_DATE, iso_date);
}

static void
status_date (NstProgramme *self,
             GDate        *out)
{
  if (!nst_date_parse_iso (get_text (self, FIELD_STATUS_DATE), out))
    nst_date_today (out);
}

/**
 * nst_programme_get_progress:
 * @done: (out) (optional): occurrences done by the status date
 * @due: (out) (optional): occurrences due by then, or done early
 * @total: (out) (optional): all occurrences
 * @overdue: (out) (optional): due before the status date and not done
 */
void
nst_programme_get_progress (NstProgramme *self,
                            guint        *done,
                            guint        *due,
                            guint        *total,
                            guint        *overdue)
{
  guint n_done = self->done, n_due = self->due, n_total = self->total, n_overdue = self->overdue;

  if (self->items_loaded)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
      GDate date;

      status_date (self, &date);
      n_done = n_due = n_total = n_overdue = 0;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NstPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
          guint d, u, o;

          nst_plan_item_count (item, &date, &d, &u, &o);
          n_done += d;
          n_due += u;
          n_overdue += o;
          n_total += g_list_model_get_n_items (nst_plan_item_get_occurrences (item));
        }
    }
  if (done) *done = n_done;
  if (due) *due = n_due;
  if (total) *total = n_total;
  if (overdue) *overdue = n_overdue;
}

/* For a programme loaded without its plan. */
void
nst_programme_set_progress (NstProgramme *self,
                            guint         done,
                            guint         due,
                            guint         total,
                            guint         overdue)
{
  self->items_loaded = FALSE;
  self->done = done;
  self->due = due;
  self->total = total;
  self->overdue = overdue;
  notify_progress (self);
}

/**
 * nst_programme_dup_progress_label:
 *
 * Returns: (transfer full): «5 of 8» (done of due)
 */
char *
nst_programme_dup_progress_label (NstProgramme *self)
{
  guint done, due;

  nst_programme_get_progress (self, &done, &due, NULL, NULL);
  return g_strdup_printf (_("%u of %u"), done, due);
}

char *
nst_programme_dup_period_label (NstProgramme *self)
{
  return nst_period_label (get_text (self, FIELD_STARTS_ON), get_text (self, FIELD_ENDS_ON));
}

char *
nst_programme_dup_school_year_label (NstProgramme *self)
{
  if (self->school_year == 0)
    return g_strdup ("");
  return nst_school_year_label (self->school_year);
}

/**
 * nst_programme_get_search_key:
 *
 * Returns: (transfer none): folded title, names and form, for search
 */
const char *
nst_programme_get_search_key (NstProgramme *self)
{
  if (self->search_key == NULL)
    {
      g_autofree char *all = g_strjoin ("\n", get_text (self, FIELD_TITLE),
                                        get_text (self, FIELD_MENTOR_NAME),
                                        get_text (self, FIELD_MENTEE_NAMES),
                                        nst_group_form_label (self->form), NULL);

      self->search_key = nst_ru_fold (all);
    }
  return self->search_key;
}

/* ---- checks ---------------------------------------------------------------- */

static char *
check_start (NstProgramme *self)
{
  GDate start;
  const char *iso = get_text (self, FIELD_STARTS_ON);

  if (*iso == '\0')
    return g_strdup (_("Enter the day the programme starts"));
  if (!nst_date_parse_iso (iso, &start))
    return g_strdup (_("Not a valid date: enter it as DD.MM.YYYY"));
  if (self->school_year != 0 && nst_school_year_of (&start) != self->school_year)
    {
      g_autofree char *year = nst_school_year_label (self->school_year);

      return g_strdup_printf (_("The programme is for the school year %s: "
                                "let it start within that year"), year);
    }
  return NULL;
}

static char *
check_end (NstProgramme *self)
{
  GDate start, end;
  const char *iso = get_text (self, FIELD_ENDS_ON);

  if (*iso == '\0')
    return g_strdup (_("Enter the day the programme ends"));
  if (!nst_date_parse_iso (iso, &end))
    return g_strdup (_("Not a valid date: enter it as DD.MM.YYYY"));
  if (nst_date_parse_iso (get_text (self, FIELD_STARTS_ON), &start) &&
      g_date_compare (&end, &start) < 0)
    return g_strdup (_("The period ends before it starts: check the dates"));
  return NULL;
}

static char *
check_plan (NstProgramme *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (self->items_loaded && n == 0)
    return g_strdup (_("Add at least one activity to the plan"));
  for (guint i = 0; self->items_loaded && i < n; i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_autofree char *problem = nst_plan_item_check (item);

      if (problem != NULL)
        /* Translators: «Мероприятие 3: Укажите сроки …» */
        return g_strdup_printf (_("Activity %u: %s"), i + 1, problem);
    }
  return NULL;
}

/**
 * nst_programme_check_field:
 *
 * Returns: (transfer full) (nullable): what is wrong with @field, or %NULL
 */
char *
nst_programme_check_field (NstProgramme      *self,
                           NstProgrammeField  field)
{
  switch (field)
    {
    case NST_PROGRAMME_FIELD_TITLE:
      if (*get_text (self, FIELD_TITLE) == '\0')
        return g_strdup (_("Enter the programme's title"));
      return NULL;
    case NST_PROGRAMME_FIELD_STARTS_ON: return check_start (self);
    case NST_PROGRAMME_FIELD_ENDS_ON: return check_end (self);
    case NST_PROGRAMME_FIELD_PLAN: return check_plan (self);
    case NST_PROGRAMME_N_CHECKED_FIELDS:
    default: break;
    }
  return NULL;
}

/**
 * nst_programme_check:
 *
 * Returns: (transfer full) (nullable): the first problem, or %NULL when the
 *   programme can be saved
 */
char *
nst_programme_check (NstProgramme *self)
{
  for (NstProgrammeField f = 0; f < NST_PROGRAMME_N_CHECKED_FIELDS; f++)
    {
      char *problem = nst_programme_check_field (self, f);

      if (problem != NULL)
        return problem;
    }
  return NULL;
}
