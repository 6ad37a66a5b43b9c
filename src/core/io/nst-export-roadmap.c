/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "io/nst-export-roadmap.h"
#include "model/nst-roadmap-item.h"
#include "model/nst-roadmap-section.h"
#include "store/nst-store-roadmap.h"

static const struct {
  const char *header;
  NstExportKind kind;
  double width;
} columns[] = {
  { "Раздел", NST_EXPORT_TEXT, 28 },
  { "№", NST_EXPORT_TEXT, 6 },
  { "Мероприятие", NST_EXPORT_TEXT, 48 },
  { "Сроки", NST_EXPORT_TEXT, 22 },
  { "Начало", NST_EXPORT_DATE, 12 },
  { "Окончание", NST_EXPORT_DATE, 12 },
  { "Ожидаемый результат", NST_EXPORT_TEXT, 36 },
  { "Показатель", NST_EXPORT_TEXT, 28 },
  { "Целевое значение", NST_EXPORT_TEXT, 12 },
  { "Достигнуто", NST_EXPORT_TEXT, 12 },
  { "Ответственные", NST_EXPORT_TEXT, 28 },
  { "Состояние", NST_EXPORT_TEXT, 14 },
  { "Выполнено", NST_EXPORT_DATE, 12 },
};

static void
add_item (NstExportTable    *table,
          NstRoadmapSection *section,
          NstRoadmapItem    *item,
          const char        *number)
{
  g_autofree char *responsible = nst_roadmap_item_dup_responsible_text (item);

  nst_export_table_begin_row (table);
  nst_export_table_add_cell (table, nst_roadmap_section_get_title (section));
  nst_export_table_add_cell (table, number);
  nst_export_table_add_cell (table, nst_roadmap_item_get_content (item));
  nst_export_table_add_cell (table, nst_roadmap_item_get_schedule (item));
  nst_export_table_add_cell (table, nst_roadmap_item_get_starts_on (item));
  nst_export_table_add_cell (table, nst_roadmap_item_get_ends_on (item));
  nst_export_table_add_cell (table, nst_roadmap_item_get_expected_result (item));
  nst_export_table_add_cell (table, nst_roadmap_item_get_indicator (item));
  nst_export_table_add_cell (table, nst_roadmap_item_get_indicator_target (item));
  nst_export_table_add_cell (table, nst_roadmap_item_get_indicator_value (item));
  nst_export_table_add_cell (table, responsible);
  nst_export_table_add_cell (table, nst_roadmap_status_label (nst_roadmap_item_get_status (item)));
  nst_export_table_add_cell (table, nst_roadmap_item_get_done_on (item));
}

/**
 * nst_export_roadmap_table:
 *
 * Returns: (transfer full): one row an item, section after section,
 *   numbered «section.item»
 */
NstExportTable *
nst_export_roadmap_table (NstRoadmap *roadmap)
{
  NstExportTable *table = nst_export_table_new ("Дорожная карта");
  GListModel *sections = nst_roadmap_get_sections (roadmap);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    nst_export_table_add_column (table, columns[c].header, columns[c].kind, columns[c].width);
  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(NstRoadmapSection) section = g_list_model_get_item (sections, s);
      GListModel *items = nst_roadmap_section_get_items (section);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(NstRoadmapItem) item = g_list_model_get_item (items, i);
          g_autofree char *number = g_strdup_printf ("%u.%u", s + 1, i + 1);

          add_item (table, section, item, number);
        }
    }
  return table;
}

/**
 * nst_export_roadmap:
 * @n_exported: (out) (optional): how many items the file holds
 *
 * Writes the current roadmap (nst_store_load_current_roadmap()) to @path.
 */
gboolean
nst_export_roadmap (NstStore         *store,
                    const char       *path,
                    NstExportFormat   format,
                    guint            *n_exported,
                    GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(NstRoadmap) roadmap = nst_store_load_current_roadmap (store, NULL, &local_error);
  g_autoptr(NstExportTable) table = NULL;

  if (roadmap == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_FAILED,
                     _("There is no roadmap to export yet"));
      return FALSE;
    }
  table = nst_export_roadmap_table (roadmap);
  if (!nst_export_table_save (table, path, format, error))
    return FALSE;
  if (n_exported != NULL)
    *n_exported = nst_export_table_get_n_rows (table);
  return TRUE;
}
