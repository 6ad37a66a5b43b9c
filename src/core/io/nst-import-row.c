/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-import"

#include "config.h"

#include "io/nst-import-private.h"

typedef struct
{
  int column;          /* in the file, or -1 when the file has no such column */
  char *column_name;
  char *reason;
  gboolean from_rules;
} Problem;

struct _NstImportRow
{
  GObject parent_instance;

  guint line;
  NstImportRowStatus status;
  NstParticipant *participant;
  gint64 duplicate_id;
  guint duplicate_line;
  guint32 given;
  GArray *problems;    /* Problem, NULL while there are none */
};

G_DEFINE_FINAL_TYPE (NstImportRow, nst_import_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LINE,
  PROP_STATUS,
  PROP_PARTICIPANT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_problem (gpointer data)
{
  Problem *problem = data;

  g_free (problem->column_name);
  g_free (problem->reason);
}

static void
nst_import_row_finalize (GObject *object)
{
  NstImportRow *self = NST_IMPORT_ROW (object);

  g_clear_object (&self->participant);
  g_clear_pointer (&self->problems, g_array_unref);
  G_OBJECT_CLASS (nst_import_row_parent_class)->finalize (object);
}

static void
nst_import_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NstImportRow *self = NST_IMPORT_ROW (object);

  switch (prop_id)
    {
    case PROP_LINE: g_value_set_uint (value, self->line); break;
    case PROP_STATUS: g_value_set_uint (value, self->status); break;
    case PROP_PARTICIPANT: g_value_set_object (value, self->participant); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_import_row_class_init (NstImportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_import_row_finalize;
  object_class->get_property = nst_import_row_get_property;

  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, NST_IMPORT_ROW_INVALID, 0, flags);
  properties[PROP_PARTICIPANT] =
    g_param_spec_object ("participant", NULL, NULL, NST_TYPE_PARTICIPANT, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_import_row_init (NstImportRow *self)
{
}

/**
 * nst_import_row_new:
 * @participant: (transfer none): the row as it will be imported
 */
NstImportRow *
nst_import_row_new (guint           line,
                    NstParticipant *participant)
{
  NstImportRow *self = g_object_new (NST_TYPE_IMPORT_ROW, NULL);

  self->line = line;
  self->participant = g_object_ref (participant);
  return self;
}

/* The line of the file the row starts on, from 1 (the header's is 1). */
guint
nst_import_row_get_line (NstImportRow *self)
{
  g_return_val_if_fail (NST_IS_IMPORT_ROW (self), 0);
  return self->line;
}

NstImportRowStatus
nst_import_row_get_status (NstImportRow *self)
{
  g_return_val_if_fail (NST_IS_IMPORT_ROW (self), NST_IMPORT_ROW_INVALID);
  return self->status;
}

void
nst_import_row_set_status (NstImportRow       *self,
                           NstImportRowStatus  status)
{
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * nst_import_row_get_participant:
 *
 * Returns: (transfer none): the participant as the row gives it; the
 *   import saves copies, so this one never gets an id
 */
NstParticipant *
nst_import_row_get_participant (NstImportRow *self)
{
  g_return_val_if_fail (NST_IS_IMPORT_ROW (self), NULL);
  return self->participant;
}

/* The participant of the registry the row duplicates, or 0. */
gint64
nst_import_row_get_duplicate_id (NstImportRow *self)
{
  return self->duplicate_id;
}

/* The earlier line of the same file the row duplicates, or 0. */
guint
nst_import_row_get_duplicate_line (NstImportRow *self)
{
  return self->duplicate_line;
}

void
nst_import_row_set_duplicate (NstImportRow *self,
                              gint64        id,
                              guint         line)
{
  self->duplicate_id = id;
  self->duplicate_line = line;
}

guint32
nst_import_row_get_given (NstImportRow *self)
{
  return self->given;
}

void
nst_import_row_add_given (NstImportRow *self,
                          guint32       bits)
{
  self->given |= bits;
}

guint
nst_import_row_get_n_problems (NstImportRow *self)
{
  return self->problems ? self->problems->len : 0;
}

void
nst_import_row_add_problem (NstImportRow *self,
                            int           column,
                            const char   *column_name,
                            const char   *reason,
                            gboolean      from_rules)
{
  Problem problem = { column, g_strdup (column_name), g_strdup (reason), from_rules };

  if (self->problems == NULL)
    {
      self->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
      g_array_set_clear_func (self->problems, clear_problem);
    }
  g_array_append_val (self->problems, problem);
}

void
nst_import_row_clear_rule_problems (NstImportRow *self)
{
  for (guint i = nst_import_row_get_n_problems (self); i > 0; i--)
    if (g_array_index (self->problems, Problem, i - 1).from_rules)
      g_array_remove_index (self->problems, i - 1);
}

/**
 * nst_import_row_get_problem_column:
 *
 * Returns: (transfer none): the column's header in the file, or the
 *   usual name of a column the file lacks
 */
const char *
nst_import_row_get_problem_column (NstImportRow *self,
                                   guint         index)
{
  g_return_val_if_fail (index < nst_import_row_get_n_problems (self), "");
  return g_array_index (self->problems, Problem, index).column_name;
}

/* The column's position in the file, or -1 when the file lacks it. */
int
nst_import_row_get_problem_column_index (NstImportRow *self,
                                         guint         index)
{
  g_return_val_if_fail (index < nst_import_row_get_n_problems (self), -1);
  return g_array_index (self->problems, Problem, index).column;
}

const char *
nst_import_row_get_problem_reason (NstImportRow *self,
                                   guint         index)
{
  g_return_val_if_fail (index < nst_import_row_get_n_problems (self), "");
  return g_array_index (self->problems, Problem, index).reason;
}

/**
 * nst_import_row_dup_problems_text:
 *
 * Returns: (transfer full): «Дата рождения: …; Класс: …», or "" for a
 *   valid row
 */
char *
nst_import_row_dup_problems_text (NstImportRow *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < nst_import_row_get_n_problems (self); i++)
    g_string_append_printf (text, "%s%s: %s", i ? "; " : "",
                            nst_import_row_get_problem_column (self, i),
                            nst_import_row_get_problem_reason (self, i));
  return g_string_free (text, FALSE);
}
