/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-group"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "model/nst-group.h"
#include "text/nst-ru-text.h"

typedef enum
{
  FIELD_STARTS_ON,
  FIELD_ENDS_ON,
  FIELD_ENDED_ON,
  FIELD_NOTE,
  FIELD_ORDER_NUMBER,
  FIELD_ORDER_DATE,
  FIELD_MENTOR_NAME,
  N_FIELDS
} TextField;

typedef struct
{
  gint64 id;
  char *name;
} Member;

struct _NstGroup
{
  GObject parent_instance;

  gint64 id;
  char *text[N_FIELDS];
  NstGroupForm form;
  NstInteractionModel model;
  NstGroupKind kind;
  NstGroupStatus status;
  NstEndReason end_reason;
  gint64 order_id;
  gint64 mentor_id;
  GArray *mentees; /* of Member */

  gint64 programme_id;
  guint done;
  guint due;
  guint total;
  guint overdue;

  char *search_key;
  char *sort_key;
};

G_DEFINE_FINAL_TYPE (NstGroup, nst_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* PROP_STARTS_ON .. PROP_MENTOR_NAME follow TextField */
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_FIELDS - 1,
  PROP_ID,
  PROP_FORM,
  PROP_INTERACTION_MODEL,
  PROP_KIND,
  PROP_STATUS,
  PROP_END_REASON,
  PROP_ORDER_ID,
  PROP_MENTOR_ID,
  /* Read-only, derived. */
  PROP_N_MENTEES,
  PROP_MENTEE_NAMES,
  PROP_IS_GROUP,
  PROP_TITLE,
  PROP_PERIOD_LABEL,
  PROP_FORM_LABEL,
  PROP_KIND_LABEL,
  PROP_STATUS_LABEL,
  PROP_ORDER_LABEL,
  PROP_PROGRAMME_ID,
  PROP_PROGRESS_DONE,
  PROP_PROGRESS_DUE,
  PROP_PROGRESS_TOTAL,
  PROP_OVERDUE,
  PROP_PROGRESS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *text_property_names[N_FIELDS] = {
  "starts-on", "ends-on", "ended-on", "note", "order-number", "order-date", "mentor-name",
};

static const char *form_codes[NST_N_GROUP_FORMS] = {
  "teacher-teacher", "pedagogue-pedagogue", "head-teacher", "student-student",
  "undergraduate-student", "employer-student", "employer-undergraduate",
};

static const char *model_codes[NST_N_INTERACTION_MODELS] = {
  NULL, "experienced-young", "leader-communication", "innovator-conservative",
  "subject-experienced-novice",
};

static const char *kind_codes[NST_N_GROUP_KINDS] = {
  "traditional", "group", "virtual", "short-term", "reverse", "situational", "speed",
};

static const char *status_codes[NST_N_GROUP_STATUSES] = {
  "draft", "approved", "active", "finished", "terminated",
};

static const char *reason_codes[NST_N_END_REASONS] = {
  NULL, "plan-done", "participant", "curator",
};

/* ---- codes and labels ---------------------------------------------------- */

static guint
code_index (const char *const *codes,
            guint              n_codes,
            const char        *code,
            guint              fallback)
{
  for (guint i = 0; i < n_codes; i++)
    if (codes[i] != NULL && g_strcmp0 (code, codes[i]) == 0)
      return i;
  return fallback;
}

const char *
nst_group_form_to_code (NstGroupForm form)
{
  g_return_val_if_fail (form < NST_N_GROUP_FORMS, form_codes[0]);
  return form_codes[form];
}

NstGroupForm
nst_group_form_from_code (const char *code)
{
  return code_index (form_codes, NST_N_GROUP_FORMS, code, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE);
}

const char *
nst_group_form_label (NstGroupForm form)
{
  switch (form)
    {
    /* Translators: the forms of mentoring of the federal target model, in
     * Russian «учитель – учитель», «педагог – педагог», «руководитель
     * образовательной организации – учитель», «ученик – ученик», «студент –
     * ученик», «работодатель – ученик», «работодатель – студент». */
    case NST_GROUP_FORM_TEACHER_TEACHER: return C_("form", "teacher – teacher");
    case NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE: return C_("form", "educator – educator");
    case NST_GROUP_FORM_HEAD_TEACHER: return C_("form", "head of the school – teacher");
    case NST_GROUP_FORM_STUDENT_STUDENT: return C_("form", "student – student");
    case NST_GROUP_FORM_UNDERGRADUATE_STUDENT: return C_("form", "college student – school student");
    case NST_GROUP_FORM_EMPLOYER_STUDENT: return C_("form", "employer – school student");
    case NST_GROUP_FORM_EMPLOYER_UNDERGRADUATE: return C_("form", "employer – college student");
    case NST_N_GROUP_FORMS:
    default: break;
    }
  return "";
}

const char *
nst_interaction_model_to_code (NstInteractionModel model)
{
  g_return_val_if_fail (model < NST_N_INTERACTION_MODELS, NULL);
  return model_codes[model];
}

NstInteractionModel
nst_interaction_model_from_code (const char *code)
{
  return code_index (model_codes, NST_N_INTERACTION_MODELS, code, NST_INTERACTION_NONE);
}

const char *
nst_interaction_model_label (NstInteractionModel model)
{
  switch (model)
    {
    case NST_INTERACTION_NONE: return "";
    case NST_INTERACTION_EXPERIENCED_YOUNG:
      /* Translators: the interaction models of the seed programme, 3.3.1–3.3.4:
       * «опытный педагог – молодой специалист», «лидер педагогического
       * сообщества – педагог, испытывающий профессиональные затруднения в сфере
       * коммуникации», «педагог-новатор – консервативный педагог», «опытный
       * предметник – неопытный предметник». */
      return C_("model", "experienced educator – young specialist");
    case NST_INTERACTION_LEADER_COMMUNICATION:
      return C_("model", "leader of the teaching community – educator with difficulties in communication");
    case NST_INTERACTION_INNOVATOR_CONSERVATIVE:
      return C_("model", "innovative educator – conservative educator");
    case NST_INTERACTION_SUBJECT_NOVICE:
      return C_("model", "experienced subject teacher – inexperienced subject teacher");
    case NST_N_INTERACTION_MODELS:
    default: break;
    }
  return "";
}

const char *
nst_group_kind_to_code (NstGroupKind kind)
{
  g_return_val_if_fail (kind < NST_N_GROUP_KINDS, kind_codes[0]);
  return kind_codes[kind];
}

NstGroupKind
nst_group_kind_from_code (const char *code)
{
  return code_index (kind_codes, NST_N_GROUP_KINDS, code, NST_GROUP_KIND_TRADITIONAL);
}

const char *
nst_group_kind_label (NstGroupKind kind)
{
  switch (kind)
    {
    /* Translators: the kinds of mentoring: традиционное «один-на-один», в
     * группе, виртуальное (дистанционное), краткосрочное (целеполагающее),
     * реверсивное, ситуационное, скоростное. */
    case NST_GROUP_KIND_TRADITIONAL: return C_("kind", "traditional one-to-one");
    case NST_GROUP_KIND_GROUP: return C_("kind", "in a group");
    case NST_GROUP_KIND_VIRTUAL: return C_("kind", "virtual (remote)");
    case NST_GROUP_KIND_SHORT_TERM: return C_("kind", "short-term (goal-setting)");
    case NST_GROUP_KIND_REVERSE: return C_("kind", "reverse");
    case NST_GROUP_KIND_SITUATIONAL: return C_("kind", "situational");
    case NST_GROUP_KIND_SPEED: return C_("kind", "speed");
    case NST_N_GROUP_KINDS:
    default: break;
    }
  return "";
}

const char *
nst_group_status_to_code (NstGroupStatus status)
{
  g_return_val_if_fail (status < NST_N_GROUP_STATUSES, status_codes[0]);
  return status_codes[status];
}

NstGroupStatus
nst_group_status_from_code (const char *code)
{
  return code_index (status_codes, NST_N_GROUP_STATUSES, code, NST_GROUP_STATUS_DRAFT);
}

const char *
nst_group_status_label (NstGroupStatus status)
{
  switch (status)
    {
    /* Translators: a pair's status: проект, утверждена приказом, действует,
     * завершена, прекращена. */
    case NST_GROUP_STATUS_DRAFT: return C_("group status", "draft");
    case NST_GROUP_STATUS_APPROVED: return C_("group status", "approved by order");
    case NST_GROUP_STATUS_ACTIVE: return C_("group status", "active");
    case NST_GROUP_STATUS_FINISHED: return C_("group status", "finished");
    case NST_GROUP_STATUS_TERMINATED: return C_("group status", "terminated");
    case NST_N_GROUP_STATUSES:
    default: break;
    }
  return "";
}

const char *
nst_end_reason_to_code (NstEndReason reason)
{
  g_return_val_if_fail (reason < NST_N_END_REASONS, NULL);
  return reason_codes[reason];
}

NstEndReason
nst_end_reason_from_code (const char *code)
{
  return code_index (reason_codes, NST_N_END_REASONS, code, NST_END_REASON_NONE);
}

const char *
nst_end_reason_label (NstEndReason reason)
{
  switch (reason)
    {
    case NST_END_REASON_NONE: return "";
    case NST_END_REASON_PLAN_DONE:
      /* Translators: why a programme ended, seed 4.1: «план мероприятий
       * выполнен в полном объёме», «по инициативе наставника или
       * наставляемого и/или обоюдному решению (по уважительным
       * обстоятельствам)», «по инициативе куратора». */
      return _("the plan of activities is done in full");
    case NST_END_REASON_PARTICIPANT:
      return _("on the initiative of the mentor or the mentee, or by mutual decision, for good reason");
    case NST_END_REASON_CURATOR: return _("on the curator's initiative");
    case NST_N_END_REASONS:
    default: break;
    }
  return "";
}

gboolean
nst_group_status_is_ended (NstGroupStatus status)
{
  return status == NST_GROUP_STATUS_FINISHED || status == NST_GROUP_STATUS_TERMINATED;
}

/* The plan done in full finishes; any other reason terminates. */
NstGroupStatus
nst_end_reason_status (NstEndReason reason)
{
  return reason == NST_END_REASON_PLAN_DONE ? NST_GROUP_STATUS_FINISHED
                                            : NST_GROUP_STATUS_TERMINATED;
}

/**
 * nst_group_status_check_change:
 *
 * The life cycle: a draft is approved by order; an approved pair starts
 * (becomes active) or goes back to draft (the order was not signed), or is
 * terminated before it starts; an active pair finishes or is terminated.
 * The end is final. A draft is deleted, not ended.
 *
 * Returns: (transfer full) (nullable): why @from cannot become @to, or
 *   %NULL when it can
 */
char *
nst_group_status_check_change (NstGroupStatus from,
                               NstGroupStatus to)
{
  static const guint allowed[NST_N_GROUP_STATUSES] = {
    [NST_GROUP_STATUS_DRAFT] = 1u << NST_GROUP_STATUS_APPROVED,
    [NST_GROUP_STATUS_APPROVED] = 1u << NST_GROUP_STATUS_DRAFT | 1u << NST_GROUP_STATUS_ACTIVE |
                                  1u << NST_GROUP_STATUS_TERMINATED,
    [NST_GROUP_STATUS_ACTIVE] = 1u << NST_GROUP_STATUS_FINISHED | 1u << NST_GROUP_STATUS_TERMINATED,
  };

  g_return_val_if_fail (from < NST_N_GROUP_STATUSES && to < NST_N_GROUP_STATUSES, NULL);
  if (allowed[from] & (1u << to))
    return NULL;
  if (from == to)
    return g_strdup_printf (_("The pair is already “%s”"), nst_group_status_label (to));
  if (nst_group_status_is_ended (from))
    return g_strdup (_("The pair has ended: its end is final. Form a new pair instead"));
  if (from == NST_GROUP_STATUS_DRAFT && to == NST_GROUP_STATUS_TERMINATED)
    return g_strdup (_("A draft is not ended: delete it instead"));
  if (from == NST_GROUP_STATUS_DRAFT)
    return g_strdup (_("A draft must first be approved by order"));
  if (to == NST_GROUP_STATUS_FINISHED)
    return g_strdup (_("Only an active pair can finish: start it first, or terminate it"));
  return g_strdup_printf (_("A pair that is “%s” cannot become “%s”"),
                          nst_group_status_label (from), nst_group_status_label (to));
}

/**
 * nst_period_label:
 * @starts_on: (nullable): ISO date
 * @ends_on: (nullable): ISO date
 *
 * Returns: (transfer full): «с 01.09.2025 по 31.05.2026», a half of it when
 *   one end is not set, or "" when neither is
 */
char *
nst_period_label (const char *starts_on,
                  const char *ends_on)
{
  g_autofree char *from = nst_date_iso_to_ru (starts_on);
  g_autofree char *to = nst_date_iso_to_ru (ends_on);

  if (*from && *to)
    /* Translators: a period, «с 01.09.2025 по 31.05.2026» */
    return g_strdup_printf (_("from %s to %s"), from, to);
  if (*from)
    /* Translators: a period with no end yet, «с 01.09.2025» */
    return g_strdup_printf (_("from %s"), from);
  if (*to)
    /* Translators: a period with no start yet, «по 31.05.2026» */
    return g_strdup_printf (_("until %s"), to);
  return g_strdup ("");
}

/* ---- the object ------------------------------------------------------------ */

static void
clear_member (gpointer data)
{
  Member *m = data;

  g_clear_pointer (&m->name, g_free);
}

static void
drop_derived_keys (NstGroup *self)
{
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->sort_key, g_free);
}

static void
notify (NstGroup *self,
        guint     prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* The members changed: so did everything shown from their names. */
static void
notify_members (NstGroup *self)
{
  drop_derived_keys (self);
  notify (self, PROP_N_MENTEES);
  notify (self, PROP_MENTEE_NAMES);
  notify (self, PROP_TITLE);
}

static const char *
get_text (NstGroup  *self,
          TextField  field)
{
  g_return_val_if_fail (NST_IS_GROUP (self), "");
  return self->text[field] ? self->text[field] : "";
}

static gboolean
set_text (NstGroup   *self,
          TextField   field,
          const char *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  g_return_val_if_fail (NST_IS_GROUP (self), FALSE);
  if (g_strcmp0 (get_text (self, field), trimmed) == 0)
    return FALSE;
  g_free (self->text[field]);
  self->text[field] = g_steal_pointer (&trimmed);
  notify (self, PROP_FIRST_TEXT + field);
  switch (field)
    {
    case FIELD_STARTS_ON:
    case FIELD_ENDS_ON:
      notify (self, PROP_PERIOD_LABEL);
      break;
    case FIELD_ORDER_NUMBER:
    case FIELD_ORDER_DATE:
      notify (self, PROP_ORDER_LABEL);
      break;
    case FIELD_MENTOR_NAME:
      drop_derived_keys (self);
      notify (self, PROP_TITLE);
      break;
    case FIELD_ENDED_ON:
    case FIELD_NOTE:
    case N_FIELDS:
    default:
      break;
    }
  return TRUE;
}

static void
nst_group_finalize (GObject *object)
{
  NstGroup *self = NST_GROUP (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->text[i]);
  g_array_unref (self->mentees);
  drop_derived_keys (self);
  G_OBJECT_CLASS (nst_group_parent_class)->finalize (object);
}

static void
get_derived_property (NstGroup *self,
                      guint     prop_id,
                      GValue   *value)
{
  switch (prop_id)
    {
    case PROP_N_MENTEES: g_value_set_uint (value, self->mentees->len); break;
    case PROP_MENTEE_NAMES: g_value_take_string (value, nst_group_dup_mentee_names (self)); break;
    case PROP_IS_GROUP: g_value_set_boolean (value, nst_group_is_group (self)); break;
    case PROP_TITLE: g_value_take_string (value, nst_group_dup_title (self)); break;
    case PROP_PERIOD_LABEL: g_value_take_string (value, nst_group_dup_period_label (self)); break;
    case PROP_FORM_LABEL: g_value_set_string (value, nst_group_form_label (self->form)); break;
    case PROP_KIND_LABEL: g_value_set_string (value, nst_group_kind_label (self->kind)); break;
    case PROP_STATUS_LABEL: g_value_set_string (value, nst_group_status_label (self->status)); break;
    case PROP_ORDER_LABEL: g_value_take_string (value, nst_group_dup_order_label (self)); break;
    case PROP_PROGRAMME_ID: g_value_set_int64 (value, self->programme_id); break;
    case PROP_PROGRESS_DONE: g_value_set_uint (value, self->done); break;
    case PROP_PROGRESS_DUE: g_value_set_uint (value, self->due); break;
    case PROP_PROGRESS_TOTAL: g_value_set_uint (value, self->total); break;
    case PROP_OVERDUE: g_value_set_uint (value, self->overdue); break;
    case PROP_PROGRESS_LABEL: g_value_take_string (value, nst_group_dup_progress_label (self)); break;
    default: g_assert_not_reached ();
    }
}

static void
nst_group_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NstGroup *self = NST_GROUP (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      g_value_set_string (value, get_text (self, prop_id - PROP_FIRST_TEXT));
      return;
    }
  if (prop_id >= PROP_N_MENTEES && prop_id < N_PROPS)
    {
      get_derived_property (self, prop_id, value);
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_FORM: g_value_set_uint (value, self->form); break;
    case PROP_INTERACTION_MODEL: g_value_set_uint (value, self->model); break;
    case PROP_KIND: g_value_set_uint (value, self->kind); break;
    case PROP_STATUS: g_value_set_uint (value, self->status); break;
    case PROP_END_REASON: g_value_set_uint (value, self->end_reason); break;
    case PROP_ORDER_ID: g_value_set_int64 (value, self->order_id); break;
    case PROP_MENTOR_ID: g_value_set_int64 (value, self->mentor_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_group_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NstGroup *self = NST_GROUP (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: nst_group_set_id (self, g_value_get_int64 (value)); break;
    case PROP_FORM: nst_group_set_form (self, g_value_get_uint (value)); break;
    case PROP_INTERACTION_MODEL: nst_group_set_interaction_model (self, g_value_get_uint (value)); break;
    case PROP_KIND: nst_group_set_kind (self, g_value_get_uint (value)); break;
    case PROP_STATUS: nst_group_set_status (self, g_value_get_uint (value)); break;
    case PROP_END_REASON: nst_group_set_end_reason (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
read_only_uint (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
read_only_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
install_derived_properties (void)
{
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_N_MENTEES] = read_only_uint ("n-mentees");
  properties[PROP_MENTEE_NAMES] = read_only_string ("mentee-names");
  properties[PROP_IS_GROUP] = g_param_spec_boolean ("is-group", NULL, NULL, FALSE, ro);
  properties[PROP_TITLE] = read_only_string ("title");
  properties[PROP_PERIOD_LABEL] = read_only_string ("period-label");
  properties[PROP_FORM_LABEL] = read_only_string ("form-label");
  properties[PROP_KIND_LABEL] = read_only_string ("kind-label");
  properties[PROP_STATUS_LABEL] = read_only_string ("status-label");
  properties[PROP_ORDER_LABEL] = read_only_string ("order-label");
  properties[PROP_PROGRAMME_ID] = g_param_spec_int64 ("programme-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PROGRESS_DONE] = read_only_uint ("progress-done");
  properties[PROP_PROGRESS_DUE] = read_only_uint ("progress-due");
  properties[PROP_PROGRESS_TOTAL] = read_only_uint ("progress-total");
  properties[PROP_OVERDUE] = read_only_uint ("overdue");
  properties[PROP_PROGRESS_LABEL] = read_only_string ("progress-label");
}

static void
nst_group_class_init (NstGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_group_finalize;
  object_class->get_property = nst_group_get_property;
  object_class->set_property = nst_group_set_property;

  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, "", flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FORM] = g_param_spec_uint ("form", NULL, NULL, 0, NST_N_GROUP_FORMS - 1,
                                             NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE, flags);
  properties[PROP_INTERACTION_MODEL] =
    g_param_spec_uint ("interaction-model", NULL, NULL, 0, NST_N_INTERACTION_MODELS - 1, 0, flags);
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, NST_N_GROUP_KINDS - 1, 0, flags);
  properties[PROP_STATUS] = g_param_spec_uint ("status", NULL, NULL, 0, NST_N_GROUP_STATUSES - 1, 0, flags);
  properties[PROP_END_REASON] =
    g_param_spec_uint ("end-reason", NULL, NULL, 0, NST_N_END_REASONS - 1, 0, flags);
  /* The order and the members are set with their names, by functions. */
  properties[PROP_ORDER_ID] = g_param_spec_int64 ("order-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_MENTOR_ID] = g_param_spec_int64 ("mentor-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  install_derived_properties ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_group_init (NstGroup *self)
{
  self->form = NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE;
  self->mentees = g_array_new (FALSE, TRUE, sizeof (Member));
  g_array_set_clear_func (self->mentees, clear_member);
}

/**
 * nst_group_new:
 *
 * A new draft: form «педагог – педагог», kind «один-на-один», no members.
 *
 * Returns: (transfer full): the group
 */
NstGroup *
nst_group_new (void)
{
  return g_object_new (NST_TYPE_GROUP, NULL);
}

/**
 * nst_group_copy:
 *
 * A detached copy for an editor to change freely.
 *
 * Returns: (transfer full): the copy
 */
NstGroup *
nst_group_copy (NstGroup *self)
{
  NstGroup *copy = nst_group_new ();

  copy->id = self->id;
  for (guint i = 0; i < N_FIELDS; i++)
    copy->text[i] = g_strdup (self->text[i]);
  copy->form = self->form;
  copy->model = self->model;
  copy->kind = self->kind;
  copy->status = self->status;
  copy->end_reason = self->end_reason;
  copy->order_id = self->order_id;
  copy->mentor_id = self->mentor_id;
  for (guint i = 0; i < self->mentees->len; i++)
    {
      Member *m = &g_array_index (self->mentees, Member, i);
      Member c = { m->id, g_strdup (m->name) };

      g_array_append_val (copy->mentees, c);
    }
  copy->programme_id = self->programme_id;
  copy->done = self->done;
  copy->due = self->due;
  copy->total = self->total;
  copy->overdue = self->overdue;
  return copy;
}

gint64 nst_group_get_id (NstGroup *self) { return self->id; }

void
nst_group_set_id (NstGroup *self,
                  gint64    id)
{
  if (self->id == id)
    return;
  self->id = id;
  notify (self, PROP_ID);
}

NstGroupForm nst_group_get_form (NstGroup *self) { return self->form; }

void
nst_group_set_form (NstGroup     *self,
                    NstGroupForm  form)
{
  g_return_if_fail (form < NST_N_GROUP_FORMS);
  if (self->form == form)
    return;
  self->form = form;
  drop_derived_keys (self);
  notify (self, PROP_FORM);
  notify (self, PROP_FORM_LABEL);
}

NstInteractionModel nst_group_get_interaction_model (NstGroup *self) { return self->model; }

void
nst_group_set_interaction_model (NstGroup            *self,
                                 NstInteractionModel  model)
{
  g_return_if_fail (model < NST_N_INTERACTION_MODELS);
  if (self->model == model)
    return;
  self->model = model;
  drop_derived_keys (self);
  notify (self, PROP_INTERACTION_MODEL);
}

NstGroupKind nst_group_get_kind (NstGroup *self) { return self->kind; }

void
nst_group_set_kind (NstGroup     *self,
                    NstGroupKind  kind)
{
  gboolean was_group = nst_group_is_group (self);

  g_return_if_fail (kind < NST_N_GROUP_KINDS);
  if (self->kind == kind)
    return;
  self->kind = kind;
  drop_derived_keys (self);
  notify (self, PROP_KIND);
  notify (self, PROP_KIND_LABEL);
  if (was_group != nst_group_is_group (self))
    notify (self, PROP_IS_GROUP);
}

#define TEXT_ACCESSORS(field_name, FIELD) \
  const char *nst_group_get_##field_name (NstGroup *self) \
  { return get_text (self, FIELD); } \
  void nst_group_set_##field_name (NstGroup *self, const char *value) \
  { set_text (self, FIELD, value); }

TEXT_ACCESSORS (starts_on, FIELD_STARTS_ON)
TEXT_ACCESSORS (ends_on, FIELD_ENDS_ON)
TEXT_ACCESSORS (ended_on, FIELD_ENDED_ON)
TEXT_ACCESSORS (note, FIELD_NOTE)

NstGroupStatus nst_group_get_status (NstGroup *self) { return self->status; }

/* Sets the value only: the store checks and records a change of status
 * (nst_store_change_group_status()). */
void
nst_group_set_status (NstGroup       *self,
                      NstGroupStatus  status)
{
  g_return_if_fail (status < NST_N_GROUP_STATUSES);
  if (self->status == status)
    return;
  self->status = status;
  drop_derived_keys (self);
  notify (self, PROP_STATUS);
  notify (self, PROP_STATUS_LABEL);
}

NstEndReason nst_group_get_end_reason (NstGroup *self) { return self->end_reason; }

void
nst_group_set_end_reason (NstGroup     *self,
                          NstEndReason  reason)
{
  g_return_if_fail (reason < NST_N_END_REASONS);
  if (self->end_reason == reason)
    return;
  self->end_reason = reason;
  notify (self, PROP_END_REASON);
}

gint64 nst_group_get_order_id (NstGroup *self) { return self->order_id; }
const char *nst_group_get_order_number (NstGroup *self) { return get_text (self, FIELD_ORDER_NUMBER); }
const char *nst_group_get_order_date (NstGroup *self) { return get_text (self, FIELD_ORDER_DATE); }

/**
 * nst_group_set_order:
 * @order_id: the order in the journal, 0 for none
 * @number: (nullable): its number as written, «219 о-д»
 * @iso_date: (nullable): the day it was signed
 */
void
nst_group_set_order (NstGroup   *self,
                     gint64      order_id,
                     const char *number,
                     const char *iso_date)
{
  if (self->order_id != order_id)
    {
      self->order_id = order_id;
      notify (self, PROP_ORDER_ID);
    }
  set_text (self, FIELD_ORDER_NUMBER, number);
  set_text (self, FIELD_ORDER_DATE, iso_date);
}

gint64 nst_group_get_mentor_id (NstGroup *self) { return self->mentor_id; }
const char *nst_group_get_mentor_name (NstGroup *self) { return get_text (self, FIELD_MENTOR_NAME); }

/**
 * nst_group_set_mentor_id:
 * @id: the participant, 0 for none
 * @full_name: (nullable): their full name, for display and search
 */
void
nst_group_set_mentor_id (NstGroup   *self,
                         gint64      id,
                         const char *full_name)
{
  if (self->mentor_id != id)
    {
      self->mentor_id = id;
      notify (self, PROP_MENTOR_ID);
    }
  set_text (self, FIELD_MENTOR_NAME, full_name);
}

/**
 * nst_group_set_mentor:
 * @participant: (nullable): the mentor, %NULL for none
 */
void
nst_group_set_mentor (NstGroup       *self,
                      NstParticipant *participant)
{
  g_autofree char *name = participant ? nst_participant_dup_full_name (participant) : NULL;

  nst_group_set_mentor_id (self, participant ? nst_participant_get_id (participant) : 0, name);
}

guint nst_group_get_n_mentees (NstGroup *self) { return self->mentees->len; }

gint64
nst_group_get_mentee_id (NstGroup *self,
                         guint     index)
{
  g_return_val_if_fail (index < self->mentees->len, 0);
  return g_array_index (self->mentees, Member, index).id;
}

const char *
nst_group_get_mentee_name (NstGroup *self,
                           guint     index)
{
  g_return_val_if_fail (index < self->mentees->len, "");
  return g_array_index (self->mentees, Member, index).name;
}

gboolean
nst_group_has_mentee (NstGroup *self,
                      gint64    participant_id)
{
  for (guint i = 0; i < self->mentees->len; i++)
    if (g_array_index (self->mentees, Member, i).id == participant_id)
      return TRUE;
  return FALSE;
}

static void
notify_count_change (NstGroup *self,
                     gboolean  was_group)
{
  notify_members (self);
  if (was_group != nst_group_is_group (self))
    notify (self, PROP_IS_GROUP);
}

/**
 * nst_group_add_mentee_id:
 * @full_name: (nullable): for display and search
 *
 * Returns: %FALSE when the participant is already a mentee here
 */
gboolean
nst_group_add_mentee_id (NstGroup   *self,
                         gint64      id,
                         const char *full_name)
{
  gboolean was_group = nst_group_is_group (self);
  Member m = { id, g_strdup (full_name ? full_name : "") };

  g_return_val_if_fail (id > 0, FALSE);
  if (nst_group_has_mentee (self, id))
    {
      g_free (m.name);
      return FALSE;
    }
  g_array_append_val (self->mentees, m);
  notify_count_change (self, was_group);
  return TRUE;
}

gboolean
nst_group_add_mentee (NstGroup       *self,
                      NstParticipant *participant)
{
  g_autofree char *name = nst_participant_dup_full_name (participant);

  return nst_group_add_mentee_id (self, nst_participant_get_id (participant), name);
}

gboolean
nst_group_remove_mentee (NstGroup *self,
                         gint64    participant_id)
{
  gboolean was_group = nst_group_is_group (self);

  for (guint i = 0; i < self->mentees->len; i++)
    if (g_array_index (self->mentees, Member, i).id == participant_id)
      {
        g_array_remove_index (self->mentees, i);
        notify_count_change (self, was_group);
        return TRUE;
      }
  return FALSE;
}

void
nst_group_clear_mentees (NstGroup *self)
{
  gboolean was_group = nst_group_is_group (self);

  if (self->mentees->len == 0)
    return;
  g_array_set_size (self->mentees, 0);
  notify_count_change (self, was_group);
}

static gboolean
set_count (NstGroup *self,
           guint    *field,
           guint     value,
           guint     prop_id)
{
  if (*field == value)
    return FALSE;
  *field = value;
  notify (self, prop_id);
  return TRUE;
}

/**
 * nst_group_set_progress:
 * @programme_id: the programme counted, 0 for none
 * @done: occurrences done by the status date
 * @due: occurrences due by the status date, or done early
 * @total: all occurrences of the plan
 * @overdue: due before the status date and not done
 */
void
nst_group_set_progress (NstGroup *self,
                        gint64    programme_id,
                        guint     done,
                        guint     due,
                        guint     total,
                        guint     overdue)
{
  gboolean changed = FALSE;

  if (self->programme_id != programme_id)
    {
      self->programme_id = programme_id;
      notify (self, PROP_PROGRAMME_ID);
      changed = TRUE;
    }
  changed |= set_count (self, &self->done, done, PROP_PROGRESS_DONE);
  changed |= set_count (self, &self->due, due, PROP_PROGRESS_DUE);
  changed |= set_count (self, &self->total, total, PROP_PROGRESS_TOTAL);
  changed |= set_count (self, &self->overdue, overdue, PROP_OVERDUE);
  if (changed)
    notify (self, PROP_PROGRESS_LABEL);
}

gint64 nst_group_get_programme_id (NstGroup *self) { return self->programme_id; }
guint nst_group_get_progress_done (NstGroup *self) { return self->done; }
guint nst_group_get_progress_due (NstGroup *self) { return self->due; }
guint nst_group_get_progress_total (NstGroup *self) { return self->total; }
guint nst_group_get_overdue (NstGroup *self) { return self->overdue; }

/* ---- derived facts --------------------------------------------------------- */

/* Kind «в группе» makes a group; every other kind a pair. */
gboolean
nst_group_is_group (NstGroup *self)
{
  return self->kind == NST_GROUP_KIND_GROUP;
}

/**
 * nst_group_dup_mentee_names:
 *
 * Returns: (transfer full): the mentees' full names, joined by ", "
 */
char *
nst_group_dup_mentee_names (NstGroup *self)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < self->mentees->len; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "",
                            g_array_index (self->mentees, Member, i).name);
  return g_string_free (names, FALSE);
}

/* «Иванова Мария Петровна» → «Иванова М.П.» */
static void
append_short_name (GString    *out,
                   const char *full_name)
{
  g_auto(GStrv) parts = g_strsplit (full_name, " ", 3);

  if (parts[0] == NULL)
    return;
  g_string_append (out, parts[0]);
  for (guint i = 1; parts[i] && i < 3; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (i == 1)
        g_string_append_c (out, ' ');
      nst_ru_append_initials (out, parts[i]);
    }
}

/**
 * nst_group_dup_title:
 *
 * Returns: (transfer full): «Иванова М.П. — Петров И.И.», the mentor and
 *   the mentees by short names
 */
char *
nst_group_dup_title (NstGroup *self)
{
  GString *title = g_string_new (NULL);

  append_short_name (title, get_text (self, FIELD_MENTOR_NAME));
  g_string_append (title, " — ");
  for (guint i = 0; i < self->mentees->len; i++)
    {
      if (i > 0)
        g_string_append (title, ", ");
      append_short_name (title, g_array_index (self->mentees, Member, i).name);
    }
  return g_string_free (title, FALSE);
}

char *
nst_group_dup_period_label (NstGroup *self)
{
  return nst_period_label (get_text (self, FIELD_STARTS_ON), get_text (self, FIELD_ENDS_ON));
}

/**
 * nst_group_dup_order_label:
 *
 * Returns: (transfer full): «№ 219 о-д от 01.09.2025», or "" without an order
 */
char *
nst_group_dup_order_label (NstGroup *self)
{
  g_autofree char *date = nst_date_iso_to_ru (get_text (self, FIELD_ORDER_DATE));
  const char *number = get_text (self, FIELD_ORDER_NUMBER);

  if (*number == '\0')
    return g_strdup ("");
  if (*date == '\0')
    return g_strdup_printf (_("No. %s"), number);
  /* Translators: an order's number and date, «№ 219 о-д от 01.09.2025» */
  return g_strdup_printf (_("No. %s of %s"), number, date);
}

/**
 * nst_group_dup_progress_label:
 *
 * Returns: (transfer full): «5 of 8» (done of due), or "" without a programme
 */
char *
nst_group_dup_progress_label (NstGroup *self)
{
  if (self->programme_id == 0)
    return g_strdup ("");
  /* Translators: a plan's progress: activities done of those due by now */
  return g_strdup_printf (_("%u of %u"), self->done, self->due);
}

/**
 * nst_group_get_search_key:
 *
 * Returns: (transfer none): the folded text search looks in: the names,
 *   form, model, kind and status
 */
const char *
nst_group_get_search_key (NstGroup *self)
{
  if (self->search_key == NULL)
    {
      g_autofree char *mentees = nst_group_dup_mentee_names (self);
      g_autofree char *all = g_strjoin ("\n", get_text (self, FIELD_MENTOR_NAME), mentees,
                                        nst_group_form_label (self->form),
                                        nst_interaction_model_label (self->model),
                                        nst_group_kind_label (self->kind),
                                        nst_group_status_label (self->status), NULL);

      self->search_key = nst_ru_fold (all);
    }
  return self->search_key;
}

/**
 * nst_group_get_sort_key:
 *
 * Returns: (transfer none): the collation key of the mentor's name
 */
const char *
nst_group_get_sort_key (NstGroup *self)
{
  if (self->sort_key == NULL)
    self->sort_key = nst_ru_collation_key (get_text (self, FIELD_MENTOR_NAME));
  return self->sort_key;
}

/**
 * nst_group_matches:
 * @folded_query: a query folded with nst_ru_fold(); every word must occur
 *
 * Returns: whether the group matches the search
 */
gboolean
nst_group_matches (NstGroup   *self,
                   const char *folded_query)
{
  g_auto(GStrv) words = g_strsplit (folded_query ? folded_query : "", " ", -1);
  const char *key = nst_group_get_search_key (self);

  for (guint i = 0; words[i]; i++)
    if (*words[i] && !nst_ru_fold_contains (key, words[i]))
      return FALSE;
  return TRUE;
}

/* ---- checks ---------------------------------------------------------------- */

static char *
check_mentor (NstGroup *self)
{
  if (self->mentor_id == 0)
    return g_strdup (_("Choose the mentor"));
  if (nst_group_has_mentee (self, self->mentor_id))
    return g_strdup_printf (_("Nobody mentors themselves: %s is both the mentor and a mentee. "
                              "Choose another mentor or remove them from the mentees"),
                            get_text (self, FIELD_MENTOR_NAME));
  return NULL;
}

static char *
check_mentees (NstGroup *self)
{
  guint n = self->mentees->len;

  if (n == 0)
    return g_strdup (_("Add a mentee"));
  if (nst_group_is_group (self) && n < 2)
    return g_strdup (_("A group needs at least two mentees: add another, "
                       "or choose another kind to make it a pair"));
  if (!nst_group_is_group (self) && n > 1)
    return g_strdup_printf (_("A pair has exactly one mentee, and %u are chosen: remove the others, "
                              "or choose the kind “%s” to make it a group"),
                            n, nst_group_kind_label (NST_GROUP_KIND_GROUP));
  return NULL;
}

static char *
check_model (NstGroup *self)
{
  gboolean pedagogue = self->form == NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE;

  if (pedagogue && self->model == NST_INTERACTION_NONE)
    return g_strdup_printf (_("Choose the interaction model of the form “%s”"),
                            nst_group_form_label (NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE));
  if (!pedagogue && self->model != NST_INTERACTION_NONE)
    return g_strdup_printf (_("An interaction model belongs to the form “%s” only: clear it"),
                            nst_group_form_label (NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE));
  return NULL;
}

static char *
check_date (const char *iso)
{
  GDate date;

  if (*iso != '\0' && !nst_date_parse_iso (iso, &date))
    return g_strdup (_("Not a valid date: enter it as DD.MM.YYYY"));
  return NULL;
}

static char *
check_ends_on (NstGroup *self)
{
  GDate from, to;
  char *problem = check_date (get_text (self, FIELD_ENDS_ON));

  if (problem != NULL)
    return problem;
  if (nst_date_parse_iso (get_text (self, FIELD_STARTS_ON), &from) &&
      nst_date_parse_iso (get_text (self, FIELD_ENDS_ON), &to) &&
      g_date_compare (&to, &from) < 0)
    return g_strdup (_("The period ends before it starts: check the dates"));
  return NULL;
}

/**
 * nst_group_check_field:
 *
 * The rules that need nothing but the group itself. Those that need the
 * registry and the other pairs (consents, ages, the mentor's load) are in
 * nst_store_list_group_problems().
 *
 * Returns: (transfer full) (nullable): what is wrong with @field, or %NULL
 */
char *
nst_group_check_field (NstGroup      *self,
                       NstGroupField  field)
{
  switch (field)
    {
    case NST_GROUP_FIELD_MENTOR: return check_mentor (self);
    case NST_GROUP_FIELD_MENTEES: return check_mentees (self);
    case NST_GROUP_FIELD_INTERACTION_MODEL: return check_model (self);
    case NST_GROUP_FIELD_STARTS_ON: return check_date (get_text (self, FIELD_STARTS_ON));
    case NST_GROUP_FIELD_ENDS_ON: return check_ends_on (self);
    case NST_GROUP_N_CHECKED_FIELDS:
    default: break;
    }
  return NULL;
}

/**
 * nst_group_check:
 *
 * Returns: (transfer full) (nullable): the first problem, or %NULL when the
 *   group can be saved (as a draft)
 */
char *
nst_group_check (NstGroup *self)
{
  for (NstGroupField f = 0; f < NST_GROUP_N_CHECKED_FIELDS; f++)
    {
      char *problem = nst_group_check_field (self, f);

      if (problem != NULL)
        return problem;
    }
  return NULL;
}
