/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "schedule/nst-date.h"
#include "store/nst-store-private.h"

#define BUSY_TIMEOUT_MS 2000

struct _NstStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  guint schema_version;
  GHashTable *statements;   /* SQL text → idle prepared sqlite3_stmt */
};

G_DEFINE_FINAL_TYPE (NstStore, nst_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (nst-store-error-quark, nst_store_error)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
nst_store_finalize (GObject *object)
{
  NstStore *self = NST_STORE (object);

  /* sqlite3_close_v2 would only defer the close while statements live. */
  nst_store_clear_statement_cache (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  G_OBJECT_CLASS (nst_store_parent_class)->finalize (object);
}

static void
nst_store_class_init (NstStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nst_store_finalize;
}

static void
nst_store_init (NstStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/* ---- errors ------------------------------------------------------------ */

static NstStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return NST_STORE_ERROR_LOCKED;
    case SQLITE_READONLY:
    case SQLITE_PERM: return NST_STORE_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return NST_STORE_ERROR_CORRUPT;
    case SQLITE_FULL: return NST_STORE_ERROR_FULL;
    case SQLITE_CONSTRAINT: return NST_STORE_ERROR_INVALID;
    default: return NST_STORE_ERROR_FAILED;
    }
}

static const char *
advice_for (NstStoreError code)
{
  switch (code)
    {
    case NST_STORE_ERROR_LOCKED:
      return _("The database is in use by another program. Close it and try again.");
    case NST_STORE_ERROR_READ_ONLY:
      return _("The database file or its folder cannot be written to. Check the permissions.");
    case NST_STORE_ERROR_CORRUPT:
      return _("The file is damaged or is not a Nastavnik database. Restore a backup copy.");
    case NST_STORE_ERROR_FULL:
      return _("The disk is full. Free some space and try again.");
    default:
      return NULL;
    }
}

/* SQLite says why in English; the user reads it in their language. */
static const char *
reason_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return _("the database is locked");
    case SQLITE_READONLY: return _("the database can only be read");
    case SQLITE_PERM:
    case SQLITE_AUTH: return _("access is denied");
    case SQLITE_CORRUPT: return _("the database file is damaged");
    case SQLITE_NOTADB: return _("the file is not a database");
    case SQLITE_FULL: return _("the disk is full");
    case SQLITE_CANTOPEN: return _("the file cannot be opened");
    case SQLITE_IOERR: return _("the disk could not be read or written");
    case SQLITE_NOMEM: return _("there is not enough memory");
    case SQLITE_CONSTRAINT: return _("the data break a rule of the database");
    case SQLITE_TOOBIG: return _("the data are too large");
    case SQLITE_PROTOCOL:
    case SQLITE_NOLFS: return _("the file system does not allow it");
    default: return _("the database reported an error");
    }
}

/* The message says what failed and why in the user's words, what to do,
 * and SQLite's own English last, as a detail for whoever helps. */
void
nst_store_set_error (GError    **error,
                     sqlite3    *db,
                     int         rc,
                     const char *what)
{
  NstStoreError code = error_code_for (rc);
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  const char *advice = advice_for (code);

  /* Translators: the last %s is SQLite's English message, left as it is */
  g_set_error (error, NST_STORE_ERROR, code, _("%s: %s.%s%s (SQLite: %s)"), what, reason_for (rc),
               advice ? " " : "", advice ? advice : "", detail);
}

/* ---- statements -------------------------------------------------------- */

sqlite3 *
nst_store_get_db (NstStore *self)
{
  return self->db;
}

gboolean
nst_store_exec (NstStore    *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      nst_store_set_error (error, self->db, rc, _("Database request failed"));
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
nst_store_prepare (NstStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      nst_store_set_error (error, self->db, rc, _("Database request failed"));
      return NULL;
    }
  return stmt;
}

/**
 * nst_store_prepare_cached:
 *
 * Like nst_store_prepare() but keeps the compiled statement for the next
 * call with the same SQL: the import runs the same few queries per row and
 * compiling them dominated its time. A statement already stepping (a nested
 * use of the same SQL) is not shared: the caller gets a fresh one.
 *
 * Returns: (transfer full) (nullable): release with nst_stmt_release()
 */
NstStmt *
nst_store_prepare_cached (NstStore    *self,
                          const char  *sql,
                          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gpointer key = NULL;
  NstStmt *handle;

  /* Taken out while in use, so a nested caller prepares its own. */
  if (g_hash_table_steal_extended (self->statements, sql, &key, (gpointer *) &stmt))
    g_free (key);
  if (stmt == NULL && (stmt = nst_store_prepare (self, sql, error)) == NULL)
    return NULL;
  handle = g_new0 (NstStmt, 1);
  handle->stmt = stmt;
  handle->store = g_object_ref (self);
  handle->sql = g_strdup (sql);
  return handle;
}

/* Puts the statement back for the next use, unless the cache already got
 * one for the same SQL meanwhile (a nested use): then it is finalized. */
void
nst_stmt_release (NstStmt *handle)
{
  NstStore *self = handle->store;

  sqlite3_reset (handle->stmt);
  sqlite3_clear_bindings (handle->stmt);
  if (!g_hash_table_contains (self->statements, handle->sql))
    g_hash_table_insert (self->statements, g_steal_pointer (&handle->sql), handle->stmt);
  else
    sqlite3_finalize (handle->stmt);
  g_free (handle->sql);
  g_object_unref (self);
  g_free (handle);
}

/* For what needs no open statements: closing, backups. */
void
nst_store_clear_statement_cache (NstStore *self)
{
  if (self->statements != NULL)
    g_hash_table_remove_all (self->statements);
}

gboolean
nst_store_step_done (NstStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      nst_store_set_error (error, self->db, rc, _("Could not save to the database"));
      return FALSE;
    }
  return TRUE;
}

void
nst_bind_text_or_null (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
nst_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

gboolean
nst_store_begin (NstStore  *self,
                 GError   **error)
{
  return nst_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
nst_store_commit (NstStore  *self,
                  GError   **error)
{
  if (nst_store_exec (self, "COMMIT", error))
    return TRUE;
  nst_store_rollback (self);
  return FALSE;
}

void
nst_store_rollback (NstStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- paths ------------------------------------------------------------- */

/**
 * nst_store_default_path:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/nastavnik/nastavnik.db
 */
char *
nst_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "nastavnik", "nastavnik.db", NULL);
}

/* Only the default location is ours to create; a folder the user named and
 * that does not exist is more likely a typo, so nst_store_open() reports it. */
gboolean
nst_store_prepare_default_directory (const char  *path,
                                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NO_DIRECTORY,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Creates a new database file readable by its owner only: it holds
 * children's personal data. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);

  if (fd < 0 && errno != EEXIST)
    {
      int saved = errno;

      g_set_error (error, NST_STORE_ERROR,
                   saved == EACCES || saved == EROFS ? NST_STORE_ERROR_READ_ONLY
                                                     : NST_STORE_ERROR_FAILED,
                   _("Could not create the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

/* An empty file that is there already is someone's (a mistaken name, a
 * failed copy): it is not quietly turned into a database. Ours are made by
 * create_private_file() in the same call. */
static gboolean
check_not_empty_file (const char  *path,
                      GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > 0)
    return TRUE;
  g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
               _("“%s” is an empty file, not a database of Nastavnik. Choose another file, "
                 "or delete this one to begin a new database under its name."), path);
  return FALSE;
}

/* A file copied in (0644), and the -wal and -shm that follow its mode, are
 * made readable by their owner only: they hold children's personal data. */
static void
make_private (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0 && S_ISREG (st.st_mode) && (st.st_mode & 077) != 0 &&
          st.st_uid == getuid ())
        g_chmod (file, st.st_mode & 0700);
    }
}

/* A backup cut short by a kill leaves «….backup-….db.part» and its journal
 * beside the database: a half copy of personal data, of no use to anyone. */
static void
remove_leftovers (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".backup-", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix) &&
        (g_str_has_suffix (name, ".db.part") || g_str_has_suffix (name, ".db.part-journal")))
      {
        g_autofree char *leftover = g_build_filename (dir, name, NULL);

        g_unlink (leftover);
      }
}

static gboolean
check_location (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NO_DIRECTORY,
                   _("The folder “%s” does not exist. Create it or choose another database file."),
                   dir);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_FAILED,
                   _("“%s” is a folder, not a database file."), path);
      return FALSE;
    }
  return check_not_empty_file (path, error);
}

/* ---- opening ----------------------------------------------------------- */

static gboolean
read_user_version (NstStore  *self,
                   guint     *version,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      nst_store_set_error (error, self->db, rc, _("Could not read the database"));
      return FALSE;
    }
  *version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
check_integrity (NstStore  *self,
                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      nst_store_set_error (error, self->db, rc, _("Could not read the database"));
      return FALSE;
    }
  if (g_strcmp0 (nst_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_CORRUPT,
                   _("The database is damaged (%s). Restore a backup copy."),
                   nst_column_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

static gboolean has_backup_of_today (const char *db_path);

/* The whole file is read through (17 ms at 10,000 participants) at the
 * first start of each day, before the day's backup copy is taken, so that
 * a damaged file is never copied over good copies; later in the day the
 * query that meets damage reports it. */
static gboolean
check_integrity_daily (NstStore  *self,
                       GError   **error)
{
  return has_backup_of_today (self->path) || check_integrity (self, error);
}

/* Version 0 with tables is another program's database, not a new one. */
static gboolean
check_empty (NstStore  *self,
             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      nst_store_set_error (error, self->db, rc, _("Could not read the database"));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) != 0)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_CORRUPT,
                   _("“%s” is a database of another program, not of Nastavnik."), self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure_connection (NstStore  *self,
                      GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is read-only. Check the file's permissions."),
                   self->path);
      return FALSE;
    }
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode=WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || g_ascii_strcasecmp (nst_column_text (stmt, 0), "wal") != 0)
    {
      nst_store_set_error (error, self->db, rc == SQLITE_ROW ? SQLITE_READONLY : rc,
                           _("Could not prepare the database for writing"));
      return FALSE;
    }
  return nst_store_exec (self, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL", error);
}

static gboolean
migrate (NstStore  *self,
         GError   **error)
{
  guint latest = nst_migrations_count ();

  if (self->schema_version > 0 && self->schema_version < latest &&
      !nst_store_backup (self, error))
    return FALSE;

  while (self->schema_version < latest)
    {
      guint next = self->schema_version + 1;
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version=%u", next);

      if (!nst_store_begin (self, error))
        return FALSE;
      if (!nst_store_exec (self, nst_migration_sql (next), error) ||
          !nst_store_exec (self, bump, error) ||
          !nst_store_commit (self, error))
        {
          nst_store_rollback (self);
          g_prefix_error (error, _("Could not update the database to version %u: "), next);
          return FALSE;
        }
      self->schema_version = next;
    }
  return TRUE;
}

static gboolean
open_connection (NstStore  *self,
                 GError   **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      nst_store_set_error (error, self->db, rc, _("Could not open the database"));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  return TRUE;
}

/**
 * nst_store_open:
 * @path: the database file; created (mode 0600) when it does not exist
 *
 * Opens the database and brings its schema up to date. A file the program
 * cannot use — too new, damaged, locked or read-only — is left untouched
 * and reported in @error with what to do.
 *
 * Returns: (transfer full) (nullable): the store
 */
NstStore *
nst_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(NstStore) self = g_object_new (NST_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  if (!check_location (path, error) || !create_private_file (path, error))
    return NULL;
  make_private (path);
  remove_leftovers (path);
  if (!open_connection (self, error) ||
      !read_user_version (self, &self->schema_version, error))
    return NULL;

  if (self->schema_version > nst_migrations_count ())
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was made by a newer version of Nastavnik "
                     "(schema %u, this program knows up to %u). Update the program."),
                   path, self->schema_version, nst_migrations_count ());
      return NULL;
    }
  if (self->schema_version == 0 && !check_empty (self, error))
    return NULL;
  if ((self->schema_version > 0 && !check_integrity_daily (self, error)) ||
      !configure_connection (self, error) || !migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * nst_store_open_reader:
 * @path: a database that nst_store_open() has opened, so checked and
 *   brought up to date
 *
 * A second connection, read only, for reading on another thread while the
 * program's own store goes on in the main one (the database is in WAL mode:
 * the reader sees what was committed when it began). Nothing is checked or
 * migrated again.
 *
 * Returns: (transfer full) (nullable): the store
 */
NstStore *
nst_store_open_reader (const char  *path,
                       GError     **error)
{
  g_autoptr(NstStore) self = g_object_new (NST_TYPE_STORE, NULL);
  int rc;

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      nst_store_set_error (error, self->db, rc, _("Could not open the database"));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (!read_user_version (self, &self->schema_version, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * nst_store_get_change_count:
 *
 * Returns: how many rows this store has inserted, changed or deleted since
 *   it was opened: a view that read its data at one count is out of date
 *   at another
 */
guint64
nst_store_get_change_count (NstStore *self)
{
  g_return_val_if_fail (NST_IS_STORE (self), 0);
  return (guint64) sqlite3_total_changes64 (self->db);
}

const char *
nst_store_get_path (NstStore *self)
{
  return self->path;
}

guint
nst_store_get_schema_version (NstStore *self)
{
  return self->schema_version;
}

guint
nst_store_latest_schema_version (void)
{
  return nst_migrations_count ();
}

/* ---- backups ----------------------------------------------------------- */

static char *
backup_prefix (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  return g_strconcat (base, ".backup-", NULL);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
has_backup_of_today (const char *db_path)
{
  g_autoptr(GPtrArray) backups = nst_store_list_backups (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y%m%d-");
  g_autofree char *prefix = backup_prefix (db_path);

  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (backups, i));

      if (g_str_has_prefix (base + strlen (prefix), today))
        return TRUE;
    }
  return FALSE;
}

/**
 * nst_store_list_backups:
 *
 * Returns: (transfer full) (element-type utf8): full paths of the backup
 *   copies next to @db_path, oldest first
 */
GPtrArray *
nst_store_list_backups (const char *db_path)
{
  g_autofree char *dir_path = g_path_get_dirname (db_path);
  g_autofree char *prefix = backup_prefix (db_path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (backups, g_build_filename (dir_path, name, NULL));
  /* The names end in a timestamp, so name order is age order. */
  g_ptr_array_sort (backups, compare_paths);
  return backups;
}

static void
prune_backups (const char *db_path)
{
  g_autoptr(GPtrArray) backups = nst_store_list_backups (db_path);

  for (guint i = 0; i + NST_STORE_BACKUPS_KEPT < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
}

static gboolean
copy_database (sqlite3     *source,
               const char  *target_path,
               GError     **error)
{
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (target_path, &target,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", source, "main");
      if (backup != NULL)
        {
          do
            rc = sqlite3_backup_step (backup, -1);
          while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (target);
    }
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    nst_store_set_error (error, target, rc, _("Could not make a backup copy"));
  sqlite3_close (target);
  return rc == SQLITE_OK || rc == SQLITE_DONE;
}

/**
 * nst_store_backup:
 *
 * Copies the database with SQLite's online backup into
 * «nastavnik.db.backup-YYYYMMDD-HHMMSS.db» next to it, through a temporary
 * file so that a failed copy leaves nothing half-written, and keeps the
 * last %NST_STORE_BACKUPS_KEPT copies.
 */
gboolean
nst_store_backup (NstStore  *self,
                  GError   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
  g_autofree char *prefix = backup_prefix (self->path);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *name = g_strconcat (prefix, stamp, ".db", NULL);
  g_autofree char *target = g_build_filename (dir, name, NULL);

  if (!nst_store_backup_to (self, target, error))
    return FALSE;
  prune_backups (self->path);
  return TRUE;
}

/**
 * nst_store_backup_to:
 * @path: where the user wants the copy
 *
 * A copy of the whole database made with SQLite's online backup, through a
 * temporary file next to @path, so that a failure leaves no half copy.
 */
gboolean
nst_store_backup_to (NstStore    *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *partial = g_strconcat (path, ".part", NULL);

  g_unlink (partial);
  /* The copy must not wait on, or copy around, idle statements of ours. */
  nst_store_clear_statement_cache (self);
  if (!create_private_file (partial, error) || !copy_database (self->db, partial, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_FAILED,
                   _("Could not make a backup copy: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* A database with no school details, nobody in the registry, no roadmap
 * and no order: nothing a backup or the example school could spoil. It asks
 * about the whole file, so it lives with the backups that need it. */
gboolean
nst_store_is_empty (NstStore  *self,
                    gboolean  *empty,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT (SELECT count(*) FROM school) + "
                             "(SELECT count(*) FROM participant) + "
                             "(SELECT count(*) FROM roadmap) + "
                             "(SELECT count(*) FROM school_order)", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      nst_store_set_error (error, nst_store_get_db (self), sqlite3_errcode (nst_store_get_db (self)),
                           _("Could not read the database"));
      return FALSE;
    }
  *empty = sqlite3_column_int64 (stmt, 0) == 0;
  return TRUE;
}

/* One copy a day is enough to undo a day's mistakes without filling the disk. */
gboolean
nst_store_backup_daily (NstStore  *self,
                        GError   **error)
{
  gboolean empty = FALSE;

  /* A new, empty database has nothing worth a copy. */
  if (!nst_store_is_empty (self, &empty, error))
    return FALSE;
  if (empty || has_backup_of_today (self->path))
    return TRUE;
  return nst_store_backup (self, error);
}
