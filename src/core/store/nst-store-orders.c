/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "text/nst-ru-text.h"
#include "store/nst-store-groups-private.h"
#include "store/nst-store-orders.h"

#define ORDER_COLUMNS "id, kind, heading, signed_on, number, suffix"

static NstOrder *
read_order (sqlite3_stmt *stmt)
{
  NstOrder *order = nst_order_new (nst_column_text (stmt, 1), nst_column_text (stmt, 2),
                                   nst_column_text (stmt, 3));

  nst_order_set_id (order, sqlite3_column_int64 (stmt, 0));
  nst_order_set_number (order, sqlite3_column_int (stmt, 4), nst_column_text (stmt, 5));
  return order;
}

/**
 * nst_store_next_order_number:
 * @year: the calendar year of the order's date
 * @number: (out): the number the next order of @year takes
 *
 * Numbers run within a calendar year: the first order of January is 1.
 * Call it inside the transaction that adds the order, so that nobody takes
 * the number meanwhile.
 */
gboolean
nst_store_next_order_number (NstStore  *self,
                             guint      year,
                             guint     *number,
                             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT COALESCE(MAX(number), 0) + 1 FROM school_order WHERE year = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the orders journal"));
      return FALSE;
    }
  *number = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/**
 * nst_store_add_order:
 * @order: a numbered order; its id is set on success
 * @pdf: (nullable): the document as printed
 *
 * Registers @order in the journal. A number the year already has is
 * refused (%NST_STORE_ERROR_INVALID).
 */
gboolean
nst_store_add_order (NstStore  *self,
                     NstOrder  *order,
                     GBytes    *pdf,
                     GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize size = 0;
  const void *data = pdf ? g_bytes_get_data (pdf, &size) : NULL;

  if (nst_order_is_draft (order) || nst_order_get_year (order) == 0)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
                   _("An order needs a date and a number to be registered"));
      return FALSE;
    }
  stmt = nst_store_prepare (self, "INSERT INTO school_order (year, number, suffix, signed_on, kind, heading, pdf) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, nst_order_get_year (order));
  sqlite3_bind_int (stmt, 2, nst_order_get_number (order));
  sqlite3_bind_text (stmt, 3, nst_order_get_suffix (order), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, nst_order_get_signed_on (order), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, nst_order_get_kind (order), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, nst_order_get_heading (order), -1, SQLITE_TRANSIENT);
  if (data != NULL)
    sqlite3_bind_blob64 (stmt, 7, data, size, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 7);
  if (!nst_store_step_done (self, stmt, error))
    return FALSE;
  nst_order_set_id (order, sqlite3_last_insert_rowid (nst_store_get_db (self)));
  return TRUE;
}

/**
 * nst_store_list_orders:
 * @search: (nullable): words to look for in the heading, number and date,
 *   matched as Russian text (case and ё folded)
 *
 * Returns: (transfer full) (nullable): a #GListStore of #NstOrder, the
 *   newest first
 */
GListStore *
nst_store_list_orders (NstStore    *self,
                       const char  *search,
                       GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NST_TYPE_ORDER);
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT " ORDER_COLUMNS " FROM school_order "
                             "ORDER BY signed_on DESC, year DESC, number DESC", error);
  g_autofree char *needle = nst_ru_fold (search ? search : "");
  int rc;

  if (stmt == NULL)
    return NULL;
  g_strstrip (needle);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NstOrder) order = read_order (stmt);

      if (nst_ru_fold_contains (nst_order_get_search_key (order), needle))
        g_list_store_append (list, order);
    }
  if (rc != SQLITE_DONE)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the orders journal"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

static sqlite3_stmt *
select_one (NstStore    *self,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = nst_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return g_steal_pointer (&stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                 _("The order is no longer in the journal"));
  else
    nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the orders journal"));
  return NULL;
}

/**
 * nst_store_get_order:
 *
 * Returns: (transfer full) (nullable): the order, or %NULL with
 *   %NST_STORE_ERROR_NOT_FOUND
 */
NstOrder *
nst_store_get_order (NstStore  *self,
                     gint64     id,
                     GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    select_one (self, "SELECT " ORDER_COLUMNS " FROM school_order WHERE id = ?", id, error);

  return stmt ? read_order (stmt) : NULL;
}

/**
 * nst_store_get_order_pdf:
 *
 * Returns: (transfer full) (nullable): the document exactly as it was
 *   printed, or %NULL with an error when the order has none
 */
GBytes *
nst_store_get_order_pdf (NstStore  *self,
                         gint64     id,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = select_one (self, "SELECT pdf FROM school_order WHERE id = ?", id, error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_column_type (stmt, 0) != SQLITE_BLOB)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                   _("The journal keeps no document for this order"));
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/**
 * nst_store_find_last_order:
 * @kind: one of the NST_ORDER_KIND_ codes
 *
 * The latest order of a kind, as a document cites the order that approved
 * the school's regulations.
 *
 * Returns: (transfer full) (nullable): the order, or %NULL with @error
 *   unset when the journal has none of that kind
 */
NstOrder *
nst_store_find_last_order (NstStore    *self,
                           const char  *kind,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT " ORDER_COLUMNS " FROM school_order WHERE kind = ? "
                             "ORDER BY signed_on DESC, year DESC, number DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return read_order (stmt);
  if (rc != SQLITE_DONE)
    nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the orders journal"));
  return NULL;
}

/**
 * nst_store_set_programme_order:
 * @order: a registered order, or %NULL to unlink
 *
 * Links a programme to the order that approved it, with a line in the
 * programme's history dated as the order. Works inside the caller's
 * transaction.
 */
gboolean
nst_store_set_programme_order (NstStore  *self,
                               gint64     programme_id,
                               NstOrder  *order,
                               GError   **error)
{
  g_autoptr(NstOrder) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *old_number = NULL;
  g_autofree char *new_number = order ? nst_order_dup_registration_number (order) : NULL;
  g_autoptr(GError) local = NULL;

  if ((old = nst_store_get_programme_order (self, programme_id, &local)) == NULL && local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  old_number = old ? nst_order_dup_registration_number (old) : NULL;
  stmt = nst_store_prepare (self, "UPDATE programme SET order_id = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  if (order != NULL)
    sqlite3_bind_int64 (stmt, 1, nst_order_get_id (order));
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, programme_id);
  if (!nst_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (nst_store_get_db (self)) == 0)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                   _("The programme is no longer in the database"));
      return FALSE;
    }
  return nst_store_add_programme_history (self, programme_id, order ? nst_order_get_signed_on (order) : NULL,
                                          NST_CHANGE_ORDER, old_number, new_number, NULL, error);
}

/**
 * nst_store_get_programme_order:
 *
 * Returns: (transfer full) (nullable): the order that approved the
 *   programme, or %NULL with @error unset when none did
 */
NstOrder *
nst_store_get_programme_order (NstStore  *self,
                               gint64     programme_id,
                               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT o.id, o.kind, o.heading, o.signed_on, o.number, o.suffix "
                             "FROM programme p JOIN school_order o ON o.id = p.order_id WHERE p.id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return read_order (stmt);
  if (rc != SQLITE_DONE)
    nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the orders journal"));
  return NULL;
}
