/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-programme"

#include "config.h"

#include "schedule/nst-date.h"
#include "model/nst-plan-occurrence.h"

struct _NstPlanOccurrence
{
  GObject parent_instance;

  gint64 item_id;
  char *starts_on;
  char *due_on;
  char *done_on;
};

G_DEFINE_FINAL_TYPE (NstPlanOccurrence, nst_plan_occurrence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM_ID,
  PROP_STARTS_ON,
  PROP_DUE_ON,
  PROP_DONE_ON,
  PROP_DONE,
  PROP_DUE_ON_LABEL,
  PROP_DONE_ON_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nst_plan_occurrence_finalize (GObject *object)
{
  NstPlanOccurrence *self = NST_PLAN_OCCURRENCE (object);

  g_free (self->starts_on);
  g_free (self->due_on);
  g_free (self->done_on);
  G_OBJECT_CLASS (nst_plan_occurrence_parent_class)->finalize (object);
}

static void
nst_plan_occurrence_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NstPlanOccurrence *self = NST_PLAN_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_ITEM_ID: g_value_set_int64 (value, self->item_id); break;
    case PROP_STARTS_ON: g_value_set_string (value, nst_plan_occurrence_get_starts_on (self)); break;
    case PROP_DUE_ON: g_value_set_string (value, nst_plan_occurrence_get_due_on (self)); break;
    case PROP_DONE_ON: g_value_set_string (value, nst_plan_occurrence_get_done_on (self)); break;
    case PROP_DONE: g_value_set_boolean (value, nst_plan_occurrence_is_done (self)); break;
    case PROP_DUE_ON_LABEL: g_value_take_string (value, nst_date_iso_to_ru (self->due_on)); break;
    case PROP_DONE_ON_LABEL: g_value_take_string (value, nst_date_iso_to_ru (self->done_on)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_plan_occurrence_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NstPlanOccurrence *self = NST_PLAN_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_ITEM_ID: nst_plan_occurrence_set_item_id (self, g_value_get_int64 (value)); break;
    case PROP_STARTS_ON: self->starts_on = g_value_dup_string (value); break;
    case PROP_DUE_ON: self->due_on = g_value_dup_string (value); break;
    case PROP_DONE_ON: nst_plan_occurrence_set_done_on (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_plan_occurrence_class_init (NstPlanOccurrenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_plan_occurrence_finalize;
  object_class->get_property = nst_plan_occurrence_get_property;
  object_class->set_property = nst_plan_occurrence_set_property;

  properties[PROP_ITEM_ID] = g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STARTS_ON] = g_param_spec_string ("starts-on", NULL, NULL, "", construct);
  properties[PROP_DUE_ON] = g_param_spec_string ("due-on", NULL, NULL, "", construct);
  properties[PROP_DONE_ON] = g_param_spec_string ("done-on", NULL, NULL, "", flags);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, ro);
  properties[PROP_DUE_ON_LABEL] = g_param_spec_string ("due-on-label", NULL, NULL, "", ro);
  properties[PROP_DONE_ON_LABEL] = g_param_spec_string ("done-on-label", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_plan_occurrence_init (NstPlanOccurrence *self)
{
}

/**
 * nst_plan_occurrence_new:
 * @starts_on: (nullable): ISO date a span starts; %NULL or @due_on for a
 *   deadline
 * @due_on: ISO date it is due
 *
 * Returns: (transfer full): an occurrence not yet done
 */
NstPlanOccurrence *
nst_plan_occurrence_new (const char *starts_on,
                         const char *due_on)
{
  return g_object_new (NST_TYPE_PLAN_OCCURRENCE,
                       "starts-on", starts_on && *starts_on ? starts_on : due_on,
                       "due-on", due_on,
                       NULL);
}

gint64 nst_plan_occurrence_get_item_id (NstPlanOccurrence *self) { return self->item_id; }

void
nst_plan_occurrence_set_item_id (NstPlanOccurrence *self,
                                 gint64             item_id)
{
  if (self->item_id == item_id)
    return;
  self->item_id = item_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_ID]);
}

const char *nst_plan_occurrence_get_starts_on (NstPlanOccurrence *self) { return self->starts_on ? self->starts_on : ""; }
const char *nst_plan_occurrence_get_due_on (NstPlanOccurrence *self) { return self->due_on ? self->due_on : ""; }
const char *nst_plan_occurrence_get_done_on (NstPlanOccurrence *self) { return self->done_on ? self->done_on : ""; }
gboolean nst_plan_occurrence_is_done (NstPlanOccurrence *self) { return self->done_on != NULL && *self->done_on; }

/**
 * nst_plan_occurrence_set_done_on:
 * @iso_date: (nullable): the day it was done, %NULL or "" for not done
 *
 * Sets the value only; nst_store_set_occurrence_done() records it.
 */
void
nst_plan_occurrence_set_done_on (NstPlanOccurrence *self,
                                 const char        *iso_date)
{
  gboolean was_done = nst_plan_occurrence_is_done (self);

  if (g_strcmp0 (nst_plan_occurrence_get_done_on (self), iso_date ? iso_date : "") == 0)
    return;
  g_free (self->done_on);
  self->done_on = g_strdup (iso_date ? iso_date : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_ON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_ON_LABEL]);
  if (was_done != nst_plan_occurrence_is_done (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

/* Done after the status date counts as not done yet at that date. */
NstDeadlineState
nst_plan_occurrence_get_state (NstPlanOccurrence *self,
                               const GDate       *status_date)
{
  GDate due, done;
  gboolean has_done = nst_date_parse_iso (self->done_on, &done);

  if (!nst_date_parse_iso (self->due_on, &due))
    return NST_DEADLINE_PLANNED;
  return nst_deadline_state (&due, has_done ? &done : NULL, FALSE, status_date);
}
