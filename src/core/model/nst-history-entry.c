/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "model/nst-group.h"
#include "model/nst-history-entry.h"

struct _NstHistoryEntry
{
  GObject parent_instance;

  char *changed_on;
  NstChange change;
  char *old_value;
  char *new_value;
  char *note;
};

G_DEFINE_FINAL_TYPE (NstHistoryEntry, nst_history_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHANGED_ON,
  PROP_CHANGE,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_NOTE,
  PROP_CHANGED_ON_LABEL,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *change_codes[NST_N_CHANGES] = {
  "created", "status", "ended", "period", "mentor", "mentees", "form", "model", "kind",
  "order", "plan-added", "plan-removed", "plan-changed", "content",
};

const char *
nst_change_to_code (NstChange change)
{
  g_return_val_if_fail (change < NST_N_CHANGES, change_codes[0]);
  return change_codes[change];
}

NstChange
nst_change_from_code (const char *code)
{
  for (guint i = 0; i < NST_N_CHANGES; i++)
    if (g_strcmp0 (code, change_codes[i]) == 0)
      return i;
  return NST_CHANGE_CONTENT;
}

/**
 * nst_period_to_value:
 * @starts_on: (nullable):
 * @ends_on: (nullable):
 *
 * Returns: (transfer full): "YYYY-MM-DD..YYYY-MM-DD"
 */
char *
nst_period_to_value (const char *starts_on,
                     const char *ends_on)
{
  return g_strdup_printf ("%s..%s", starts_on ? starts_on : "", ends_on ? ends_on : "");
}

static char *
period_from_value (const char *value)
{
  g_auto(GStrv) ends = g_strsplit (value, "..", 2);
  char *label;

  if (ends[0] == NULL || ends[1] == NULL)
    return g_strdup (value);
  label = nst_period_label (ends[0], ends[1]);
  if (*label == '\0')
    {
      g_free (label);
      /* Translators: in a history, a period that was not set */
      return g_strdup (C_("period", "not set"));
    }
  return label;
}

static const char *
content_field_label (const char *code)
{
  /* Translators: the parts of a personalized programme, in a history line */
  if (g_str_equal (code, "title")) return C_("programme field", "title");
  if (g_str_equal (code, "request")) return C_("programme field", "request");
  if (g_str_equal (code, "goal")) return C_("programme field", "goal");
  if (g_str_equal (code, "tasks")) return C_("programme field", "tasks");
  if (g_str_equal (code, "expected-result")) return C_("programme field", "expected result");
  if (g_str_equal (code, "result")) return C_("programme field", "result");
  return code;
}

static char *
content_labels (const char *codes)
{
  g_auto(GStrv) parts = g_strsplit (codes, ",", -1);
  GString *labels = g_string_new (NULL);

  for (guint i = 0; parts[i]; i++)
    g_string_append_printf (labels, "%s%s", i ? ", " : "", content_field_label (parts[i]));
  return g_string_free (labels, FALSE);
}

static const char *
or_none (const char *text)
{
  /* Translators: in a history, a value that was empty */
  return text && *text ? text : C_("value", "none");
}

/* Status, form, model and kind: translated labels of the stored codes. */
static char *
describe_coded (NstHistoryEntry *self)
{
  const char *before = "", *after = "";
  const char *format = NULL;

  switch (self->change)
    {
    case NST_CHANGE_STATUS:
      before = nst_group_status_label (nst_group_status_from_code (self->old_value));
      after = nst_group_status_label (nst_group_status_from_code (self->new_value));
      /* Translators: a history line, «Статус: проект → утверждена приказом» */
      format = _("Status: %s → %s");
      break;
    case NST_CHANGE_FORM:
      before = nst_group_form_label (nst_group_form_from_code (self->old_value));
      after = nst_group_form_label (nst_group_form_from_code (self->new_value));
      format = _("Form: %s → %s");
      break;
    case NST_CHANGE_MODEL:
      before = nst_interaction_model_label (nst_interaction_model_from_code (self->old_value));
      after = nst_interaction_model_label (nst_interaction_model_from_code (self->new_value));
      format = _("Interaction model: %s → %s");
      break;
    case NST_CHANGE_KIND:
      before = nst_group_kind_label (nst_group_kind_from_code (self->old_value));
      after = nst_group_kind_label (nst_group_kind_from_code (self->new_value));
      format = _("Kind: %s → %s");
      break;
    default:
      g_assert_not_reached ();
    }
  return g_strdup_printf (format, or_none (before), or_none (after));
}

static char *
describe_period (NstHistoryEntry *self)
{
  g_autofree char *before = period_from_value (self->old_value);
  g_autofree char *after = period_from_value (self->new_value);

  /* Translators: a history line, «Срок: с … по … → с … по …» */
  return g_strdup_printf (_("Period: %s → %s"), before, after);
}

static char *
describe_plain (NstHistoryEntry *self)
{
  switch (self->change)
    {
    case NST_CHANGE_CREATED:
      return g_strdup (_("Created"));
    case NST_CHANGE_ENDED:
      /* Translators: a history line, «Завершена: план мероприятий выполнен в полном объёме» */
      return g_strdup_printf (_("Ended: %s"),
                              nst_end_reason_label (nst_end_reason_from_code (self->new_value)));
    case NST_CHANGE_MENTOR:
      return g_strdup_printf (_("Mentor: %s → %s"), or_none (self->old_value), or_none (self->new_value));
    case NST_CHANGE_MENTEES:
      return g_strdup_printf (_("Mentees: %s → %s"), or_none (self->old_value), or_none (self->new_value));
    case NST_CHANGE_ORDER:
      return g_strdup_printf (_("Approving order: %s → %s"), or_none (self->old_value),
                              or_none (self->new_value));
    case NST_CHANGE_PLAN_ADDED:
      return g_strdup_printf (_("Plan: added %s"), self->new_value);
    case NST_CHANGE_PLAN_REMOVED:
      return g_strdup_printf (_("Plan: removed %s"), self->old_value);
    case NST_CHANGE_PLAN_CHANGED:
      return g_strdup_printf (_("Plan: %s → %s"), self->old_value, self->new_value);
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/**
 * nst_history_entry_dup_description:
 *
 * Returns: (transfer full): the change in words, «Статус: проект →
 *   утверждена приказом», without the date and the note
 */
char *
nst_history_entry_dup_description (NstHistoryEntry *self)
{
  switch (self->change)
    {
    case NST_CHANGE_STATUS:
    case NST_CHANGE_FORM:
    case NST_CHANGE_MODEL:
    case NST_CHANGE_KIND:
      return describe_coded (self);
    case NST_CHANGE_PERIOD:
      return describe_period (self);
    case NST_CHANGE_CONTENT:
      {
        g_autofree char *labels = content_labels (self->new_value);

        /* Translators: a history line, «Изменено: цель, задачи» */
        return g_strdup_printf (_("Changed: %s"), labels);
      }
    case NST_N_CHANGES:
      break;
    default:
      return describe_plain (self);
    }
  return g_strdup ("");
}

static void
nst_history_entry_finalize (GObject *object)
{
  NstHistoryEntry *self = NST_HISTORY_ENTRY (object);

  g_free (self->changed_on);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self->note);
  G_OBJECT_CLASS (nst_history_entry_parent_class)->finalize (object);
}

static void
nst_history_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NstHistoryEntry *self = NST_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CHANGED_ON: g_value_set_string (value, self->changed_on); break;
    case PROP_CHANGE: g_value_set_uint (value, self->change); break;
    case PROP_OLD_VALUE: g_value_set_string (value, self->old_value); break;
    case PROP_NEW_VALUE: g_value_set_string (value, self->new_value); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_CHANGED_ON_LABEL: g_value_take_string (value, nst_date_iso_to_ru (self->changed_on)); break;
    case PROP_DESCRIPTION: g_value_take_string (value, nst_history_entry_dup_description (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_history_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NstHistoryEntry *self = NST_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CHANGED_ON: self->changed_on = g_value_dup_string (value); break;
    case PROP_CHANGE: self->change = g_value_get_uint (value); break;
    case PROP_OLD_VALUE: self->old_value = g_value_dup_string (value); break;
    case PROP_NEW_VALUE: self->new_value = g_value_dup_string (value); break;
    case PROP_NOTE: self->note = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_history_entry_constructed (GObject *object)
{
  NstHistoryEntry *self = NST_HISTORY_ENTRY (object);

  /* Never NULL, so that getters and descriptions need no checks. */
  if (self->changed_on == NULL) self->changed_on = g_strdup ("");
  if (self->old_value == NULL) self->old_value = g_strdup ("");
  if (self->new_value == NULL) self->new_value = g_strdup ("");
  if (self->note == NULL) self->note = g_strdup ("");
  G_OBJECT_CLASS (nst_history_entry_parent_class)->constructed (object);
}

static void
nst_history_entry_class_init (NstHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                      G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_history_entry_finalize;
  object_class->constructed = nst_history_entry_constructed;
  object_class->get_property = nst_history_entry_get_property;
  object_class->set_property = nst_history_entry_set_property;

  properties[PROP_CHANGED_ON] = g_param_spec_string ("changed-on", NULL, NULL, "", flags);
  properties[PROP_CHANGE] = g_param_spec_uint ("change", NULL, NULL, 0, NST_N_CHANGES - 1, 0, flags);
  properties[PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, "", flags);
  properties[PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, "", flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);
  properties[PROP_CHANGED_ON_LABEL] = g_param_spec_string ("changed-on-label", NULL, NULL, "", ro);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_history_entry_init (NstHistoryEntry *self)
{
}

/**
 * nst_history_entry_new:
 * @changed_on: ISO date of the change
 * @old_value: (nullable):
 * @new_value: (nullable):
 * @note: (nullable): the note or reason given
 *
 * Returns: (transfer full): the entry
 */
NstHistoryEntry *
nst_history_entry_new (const char *changed_on,
                       NstChange   change,
                       const char *old_value,
                       const char *new_value,
                       const char *note)
{
  return g_object_new (NST_TYPE_HISTORY_ENTRY,
                       "changed-on", changed_on,
                       "change", change,
                       "old-value", old_value,
                       "new-value", new_value,
                       "note", note,
                       NULL);
}

const char *nst_history_entry_get_changed_on (NstHistoryEntry *self) { return self->changed_on; }
NstChange nst_history_entry_get_change (NstHistoryEntry *self) { return self->change; }
const char *nst_history_entry_get_old_value (NstHistoryEntry *self) { return self->old_value; }
const char *nst_history_entry_get_new_value (NstHistoryEntry *self) { return self->new_value; }
const char *nst_history_entry_get_note (NstHistoryEntry *self) { return self->note; }
