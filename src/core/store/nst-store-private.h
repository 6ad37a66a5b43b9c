/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "store/nst-store.h"

G_BEGIN_DECLS

/* For the store's own files (one per entity): the connection and the
 * helpers that turn SQLite's codes into NST_STORE_ERROR. */

sqlite3      *nst_store_get_db         (NstStore      *self);
gboolean      nst_store_exec           (NstStore      *self,
                                        const char    *sql,
                                        GError       **error);
sqlite3_stmt *nst_store_prepare        (NstStore      *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      nst_store_step_done      (NstStore      *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
void          nst_store_set_error      (GError       **error,
                                        sqlite3       *db,
                                        int            rc,
                                        const char    *what);
void          nst_bind_text_or_null    (sqlite3_stmt  *stmt,
                                        int            index,
                                        const char    *text);
const char   *nst_column_text          (sqlite3_stmt  *stmt,
                                        int            column);

/* A statement from the store's cache; nst_stmt_release() gives it back. */
typedef struct
{
  sqlite3_stmt *stmt;
  NstStore     *store;
  char         *sql;
} NstStmt;

NstStmt      *nst_store_prepare_cached (NstStore      *self,
                                        const char    *sql,
                                        GError       **error);
void          nst_stmt_release         (NstStmt       *handle);
void          nst_store_clear_statement_cache (NstStore *self);

guint         nst_migrations_count     (void);
const char   *nst_migration_sql        (guint          to_version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstStmt, nst_stmt_release)

G_END_DECLS
