/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/nst-order.h"
#include "store/nst-store-private.h"
#include "store/nst-store-templates.h"

/* The store keeps the texts as strings; what they may say is for the
 * documents (docs/nst-order-template.c) to check. */
static gboolean
check_kind (const char  *kind,
            GError     **error)
{
  if (nst_order_kind_is_known (kind))
    return TRUE;
  g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
               _("Unknown kind of order “%s”"), kind ? kind : "");
  return FALSE;
}

/**
 * nst_store_get_order_template:
 *
 * Returns: (transfer full) (nullable): the school's text of @kind, or
 *   %NULL with @error unset when it prints the standard one
 */
char *
nst_store_get_order_template (NstStore    *self,
                              const char  *kind,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT body FROM document_template WHERE kind = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return g_strdup (nst_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the texts of orders"));
  return NULL;
}

/**
 * nst_store_save_order_template:
 *
 * Stores the school's text of @kind as it is. Check it first with
 * nst_order_template_check(), or save through nst_order_template_save().
 */
gboolean
nst_store_save_order_template (NstStore    *self,
                               const char  *kind,
                               const char  *text,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_kind (kind, error))
    return FALSE;
  stmt = nst_store_prepare (self, "INSERT INTO document_template (kind, body) VALUES (?, ?) "
                                  "ON CONFLICT(kind) DO UPDATE SET body = excluded.body, "
                                  "updated_at = datetime('now')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  return nst_store_step_done (self, stmt, error);
}

/* Back to the standard text of @kind. */
gboolean
nst_store_reset_order_template (NstStore    *self,
                                const char  *kind,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_kind (kind, error))
    return FALSE;
  stmt = nst_store_prepare (self, "DELETE FROM document_template WHERE kind = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  return nst_store_step_done (self, stmt, error);
}
