/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-export"

#include "config.h"

#include "io/nst-export-groups.h"
#include "model/nst-group.h"
#include "store/nst-store-groups.h"

static const struct {
  const char *header;
  NstExportKind kind;
  double width;
} columns[] = {
  { "№", NST_EXPORT_NUMBER, 6 },
  { "Наставник", NST_EXPORT_TEXT, 30 },
  { "Наставляемые", NST_EXPORT_TEXT, 40 },
  { "Форма наставничества", NST_EXPORT_TEXT, 24 },
  { "Модель взаимодействия", NST_EXPORT_TEXT, 30 },
  { "Вид", NST_EXPORT_TEXT, 20 },
  { "Начало", NST_EXPORT_DATE, 12 },
  { "Окончание", NST_EXPORT_DATE, 12 },
  { "Состояние", NST_EXPORT_TEXT, 14 },
  { "Приказ №", NST_EXPORT_TEXT, 10 },
  { "Дата приказа", NST_EXPORT_DATE, 12 },
  { "Причина завершения", NST_EXPORT_TEXT, 24 },
  { "Завершено", NST_EXPORT_DATE, 12 },
  { "Примечание", NST_EXPORT_TEXT, 30 },
};

static char *
mentees_text (NstGroup *group)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < nst_group_get_n_mentees (group); i++)
    g_string_append_printf (text, "%s%s", i ? "; " : "", nst_group_get_mentee_name (group, i));
  return g_string_free (text, FALSE);
}

static void
add_group (NstExportTable *table,
           NstGroup       *group)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, nst_group_get_id (group));
  g_autofree char *mentees = mentees_text (group);
  NstEndReason reason = nst_group_get_end_reason (group);

  nst_export_table_begin_row (table);
  nst_export_table_add_cell (table, id);
  nst_export_table_add_cell (table, nst_group_get_mentor_name (group));
  nst_export_table_add_cell (table, mentees);
  nst_export_table_add_cell (table, nst_group_form_label (nst_group_get_form (group)));
  nst_export_table_add_cell (table, nst_interaction_model_label (nst_group_get_interaction_model (group)));
  nst_export_table_add_cell (table, nst_group_kind_label (nst_group_get_kind (group)));
  nst_export_table_add_cell (table, nst_group_get_starts_on (group));
  nst_export_table_add_cell (table, nst_group_get_ends_on (group));
  nst_export_table_add_cell (table, nst_group_status_label (nst_group_get_status (group)));
  nst_export_table_add_cell (table, nst_group_get_order_number (group));
  nst_export_table_add_cell (table, nst_group_get_order_date (group));
  nst_export_table_add_cell (table, reason != NST_END_REASON_NONE ? nst_end_reason_label (reason) : "");
  nst_export_table_add_cell (table, nst_group_get_ended_on (group));
  nst_export_table_add_cell (table, nst_group_get_note (group));
}

/**
 * nst_export_groups_table:
 * @groups: a model of #NstGroup
 *
 * Returns: (transfer full): one row a pair or group, in the model's order
 */
NstExportTable *
nst_export_groups_table (GListModel *groups)
{
  NstExportTable *table = nst_export_table_new ("Пары и группы");

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    nst_export_table_add_column (table, columns[c].header, columns[c].kind, columns[c].width);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(NstGroup) group = g_list_model_get_item (groups, i);

      add_group (table, group);
    }
  return table;
}

/**
 * nst_export_groups:
 * @n_exported: (out) (optional): how many pairs and groups the file holds
 */
gboolean
nst_export_groups (NstStore         *store,
                   const char       *path,
                   NstExportFormat   format,
                   guint            *n_exported,
                   GError          **error)
{
  g_autoptr(GListStore) groups = nst_store_list_groups (store, NULL, error);
  g_autoptr(NstExportTable) table = NULL;

  if (groups == NULL)
    return FALSE;
  table = nst_export_groups_table (G_LIST_MODEL (groups));
  if (!nst_export_table_save (table, path, format, error))
    return FALSE;
  if (n_exported != NULL)
    *n_exported = nst_export_table_get_n_rows (table);
  return TRUE;
}
