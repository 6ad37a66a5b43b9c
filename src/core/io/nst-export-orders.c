/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-export"

#include "config.h"

#include "io/nst-export-orders.h"
#include "model/nst-order.h"
#include "store/nst-store-orders.h"

static const struct {
  const char *header;
  NstExportKind kind;
  double width;
} columns[] = {
  { "Рег. №", NST_EXPORT_TEXT, 10 },
  { "Дата", NST_EXPORT_DATE, 12 },
  { "Вид приказа", NST_EXPORT_TEXT, 44 },
  { "Заголовок", NST_EXPORT_TEXT, 70 },
};

/* As the journal's column «вид» reads: the words every order of the kind
 * begins with. Not translated: like the headers, they are the school's
 * Russian records, not the program's interface. */
static const struct {
  const char *code;
  const char *label;
} kinds[] = {
  { NST_ORDER_KIND_INTRODUCTION, "О внедрении целевой модели наставничества" },
  { NST_ORDER_KIND_CURATOR, "О назначении куратора" },
  { NST_ORDER_KIND_PAIRS, "О назначении наставников и закреплении пар" },
  { NST_ORDER_KIND_PROGRAMMES, "Об утверждении программ наставничества" },
  { NST_ORDER_KIND_COMPLETION, "О завершении и поощрении" },
};

/**
 * nst_export_order_kind_label:
 * @kind: one of the NST_ORDER_KIND_ codes
 *
 * Returns: (transfer none): the kind in words; an unknown code as it is
 */
const char *
nst_export_order_kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].code) == 0)
      return kinds[i].label;
  return kind;
}

static void
add_order (NstExportTable *table,
           NstOrder       *order)
{
  g_autofree char *number = nst_order_dup_registration_number (order);

  nst_export_table_begin_row (table);
  nst_export_table_add_cell (table, number);
  nst_export_table_add_cell (table, nst_order_get_signed_on (order));
  nst_export_table_add_cell (table, nst_export_order_kind_label (nst_order_get_kind (order)));
  nst_export_table_add_cell (table, nst_order_get_heading (order));
}

/**
 * nst_export_orders_table:
 * @orders: a model of #NstOrder, the newest first (nst_store_list_orders())
 *
 * Returns: (transfer full): one row an order, the oldest first
 */
NstExportTable *
nst_export_orders_table (GListModel *orders)
{
  NstExportTable *table = nst_export_table_new ("Журнал приказов");
  guint n = g_list_model_get_n_items (orders);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    nst_export_table_add_column (table, columns[c].header, columns[c].kind, columns[c].width);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(NstOrder) order = g_list_model_get_item (orders, i - 1);

      if (!nst_order_is_draft (order))
        add_order (table, order);
    }
  return table;
}

/**
 * nst_export_orders:
 * @n_exported: (out) (optional): how many orders the file holds
 *
 * Writes the whole orders journal to @path; an empty journal gives a file
 * with the header only.
 */
gboolean
nst_export_orders (NstStore         *store,
                   const char       *path,
                   NstExportFormat   format,
                   guint            *n_exported,
                   GError          **error)
{
  g_autoptr(GListStore) orders = nst_store_list_orders (store, NULL, error);
  g_autoptr(NstExportTable) table = NULL;

  if (orders == NULL)
    return FALSE;
  table = nst_export_orders_table (G_LIST_MODEL (orders));
  if (!nst_export_table_save (table, path, format, error))
    return FALSE;
  if (n_exported != NULL)
    *n_exported = nst_export_table_get_n_rows (table);
  return TRUE;
}
