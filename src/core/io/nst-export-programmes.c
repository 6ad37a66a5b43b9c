/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-export"

#include "config.h"

#include <string.h>

#include "schedule/nst-date.h"
#include "io/nst-export-programmes.h"
#include "store/nst-store-groups.h"

static const struct {
  const char *header;
  NstExportKind kind;
  double width;
} columns[] = {
  { "№ пары", NST_EXPORT_NUMBER, 7 },
  { "Учебный год", NST_EXPORT_TEXT, 11 },
  { "Наставник", NST_EXPORT_TEXT, 30 },
  { "Наставляемые", NST_EXPORT_TEXT, 40 },
  { "Форма наставничества", NST_EXPORT_TEXT, 24 },
  { "Состояние программы", NST_EXPORT_TEXT, 16 },
  { "№", NST_EXPORT_NUMBER, 5 },
  { "Мероприятие", NST_EXPORT_TEXT, 40 },
  { "Сроки", NST_EXPORT_TEXT, 26 },
  { "Ответственный", NST_EXPORT_TEXT, 22 },
  { "Ожидаемый результат", NST_EXPORT_TEXT, 32 },
  { "Начало", NST_EXPORT_DATE, 12 },
  { "Срок", NST_EXPORT_DATE, 12 },
  { "Выполнено", NST_EXPORT_DATE, 12 },
  { "Состояние", NST_EXPORT_TEXT, 14 },
};

/* The first six cells: the programme's. */
static void
add_programme_cells (NstExportTable *table,
                     NstProgramme   *programme)
{
  g_autofree char *pair = g_strdup_printf ("%" G_GINT64_FORMAT, nst_programme_get_group_id (programme));
  g_autofree char *year = nst_programme_dup_school_year_label (programme);

  nst_export_table_begin_row (table);
  nst_export_table_add_cell (table, pair);
  nst_export_table_add_cell (table, year);
  nst_export_table_add_cell (table, nst_programme_get_mentor_name (programme));
  nst_export_table_add_cell (table, nst_programme_get_mentee_names (programme));
  nst_export_table_add_cell (table, nst_group_form_label (nst_programme_get_form (programme)));
  nst_export_table_add_cell (table, nst_programme_status_label (nst_programme_get_status (programme)));
}

static void
add_item_cells (NstExportTable *table,
                NstPlanItem    *item)
{
  g_autofree char *number = g_strdup_printf ("%u", nst_plan_item_get_position (item));

  nst_export_table_add_cell (table, number);
  nst_export_table_add_cell (table, nst_plan_item_get_activity (item));
  nst_export_table_add_cell (table, nst_plan_item_get_schedule (item));
  nst_export_table_add_cell (table, nst_plan_item_get_responsible (item));
  nst_export_table_add_cell (table, nst_plan_item_get_expected_result (item));
}

static void
add_occurrence_cells (NstExportTable    *table,
                      NstProgramme      *programme,
                      NstPlanItem       *item,
                      NstPlanOccurrence *occurrence,
                      const GDate       *status_date)
{
  gboolean dated = nst_plan_item_get_schedule_understood (item);
  const char *starts_on = nst_plan_occurrence_get_starts_on (occurrence);
  NstDeadlineState state = nst_plan_occurrence_get_state (occurrence, status_date);

  if (nst_export_occurrence_is_cancelled (programme, occurrence))
    state = NST_DEADLINE_CANCELLED;
  nst_export_table_add_cell (table, dated && *starts_on ? starts_on : "");
  nst_export_table_add_cell (table, dated ? nst_plan_occurrence_get_due_on (occurrence) : "");
  nst_export_table_add_cell (table, nst_plan_occurrence_get_done_on (occurrence));
  nst_export_table_add_cell (table, nst_deadline_state_label (state));
}

static void
add_item (NstExportTable *table,
          NstProgramme   *programme,
          NstPlanItem    *item,
          const GDate    *status_date)
{
  GListModel *occurrences = nst_plan_item_get_occurrences (item);
  guint n = g_list_model_get_n_items (occurrences);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanOccurrence) occurrence = g_list_model_get_item (occurrences, i);

      add_programme_cells (table, programme);
      add_item_cells (table, item);
      add_occurrence_cells (table, programme, item, occurrence, status_date);
    }
  if (n == 0)
    {
      add_programme_cells (table, programme);
      add_item_cells (table, item);
    }
}

/**
 * nst_export_occurrence_is_cancelled:
 *
 * Returns: whether @occurrence will not happen: @programme ended (early
 *   or not) before it was due, and it was not done
 */
gboolean
nst_export_occurrence_is_cancelled (NstProgramme      *programme,
                                    NstPlanOccurrence *occurrence)
{
  const char *ended_on = nst_programme_get_ended_on (programme);

  return *ended_on != '\0' && !nst_plan_occurrence_is_done (occurrence) &&
         strcmp (nst_plan_occurrence_get_due_on (occurrence), ended_on) > 0;
}

/**
 * nst_export_programmes_table:
 * @programmes: (element-type NstProgramme): programmes with their plans
 * @status_date: the day the states are for
 *
 * Returns: (transfer full): one row a plan item's occurrence, programme
 *   after programme in @programmes' order, items in the plan's order
 */
NstExportTable *
nst_export_programmes_table (GPtrArray   *programmes,
                             const GDate *status_date)
{
  NstExportTable *table = nst_export_table_new ("Программы");

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    nst_export_table_add_column (table, columns[c].header, columns[c].kind, columns[c].width);
  for (guint p = 0; p < programmes->len; p++)
    {
      NstProgramme *programme = g_ptr_array_index (programmes, p);
      GListModel *items = nst_programme_get_items (programme);
      guint n = g_list_model_get_n_items (items);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);

          add_item (table, programme, item, status_date);
        }
      if (n == 0)
        add_programme_cells (table, programme);
    }
  return table;
}

/**
 * nst_export_load_programmes:
 *
 * Returns: (transfer full) (element-type NstProgramme) (nullable): every
 *   programme with its plan and the plan's occurrences, the latest school
 *   year first, or %NULL with @error
 */
GPtrArray *
nst_export_load_programmes (NstStore  *store,
                            GError   **error)
{
  g_autoptr(GListStore) listed = nst_store_list_programmes (store, NULL, error);
  g_autoptr(GPtrArray) programmes = g_ptr_array_new_with_free_func (g_object_unref);

  if (listed == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (listed)); i++)
    {
      g_autoptr(NstProgramme) row = g_list_model_get_item (G_LIST_MODEL (listed), i);
      NstProgramme *programme = nst_store_get_programme (store, nst_programme_get_id (row), error);

      if (programme == NULL)
        return NULL;
      g_ptr_array_add (programmes, programme);
    }
  return g_steal_pointer (&programmes);
}

/**
 * nst_export_programmes:
 * @n_exported: (out) (optional): how many rows the file holds
 *
 * Writes every programme and its plan to @path, with the states of today.
 */
gboolean
nst_export_programmes (NstStore         *store,
                       const char       *path,
                       NstExportFormat   format,
                       guint            *n_exported,
                       GError          **error)
{
  g_autoptr(GPtrArray) programmes = nst_export_load_programmes (store, error);
  g_autoptr(NstExportTable) table = NULL;
  GDate today;

  if (programmes == NULL)
    return FALSE;
  nst_date_today (&today);
  table = nst_export_programmes_table (programmes, &today);
  if (!nst_export_table_save (table, path, format, error))
    return FALSE;
  if (n_exported != NULL)
    *n_exported = nst_export_table_get_n_rows (table);
  return TRUE;
}
