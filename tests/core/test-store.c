/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <linux/capability.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* The private header gives the migrations' SQL and the store's connection,
 * so that tests can build old databases and look under the store. */
#include "docs/nst-docs.h"
#include "schedule/nst-date.h"
#include "store/nst-store-private.h"
#include "store/nst-store-templates.h"

#define TODAY "2025-11-15"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* ---- files ------------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("nst-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "nastavnik.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));
  g_free (f->dir);
  g_free (f->path);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_unchanged (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) after = read_bytes (path);

  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_true (g_bytes_equal (after, before));
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
write_random (const char *path,
              goffset     offset,
              gsize       length,
              guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint8 *garbage = g_malloc (length);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  for (gsize i = 0; i < length; i++)
    garbage[i] = g_rand_int_range (rand, 0, 256);
  g_assert_cmpint (pwrite (fd, garbage, length, offset), ==, (gssize) length);
  g_assert_cmpint (close (fd), ==, 0);
}

/* ---- raw SQLite, beside the store -------------------------------------- */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    g_error ("Could not open %s: %s", path, sqlite3_errstr (rc));
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return sqlite3_column_int64 (stmt, 0);
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
raw_int_in_file (const char *path,
                 const char *sql)
{
  sqlite3 *db = raw_open (path);
  gint64 value = raw_int (db, sql);

  sqlite3_close (db);
  return value;
}

/* Every table, index and its SQL, to compare two databases' schemas. */
static char *
dump_schema (const char *path)
{
  sqlite3 *db = raw_open (path);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_master "
                                           "ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (dump, "%s %s: %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

/* What an older program would have left: migrations 1..@version run by
 * hand, in rollback-journal mode, with one participant when the table
 * exists. */
static void
build_database_at (const char *path,
                   guint       version)
{
  sqlite3 *db = raw_open (path);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version=%u", version);

  for (guint v = 1; v <= version; v++)
    raw_exec (db, nst_migration_sql (v));
  raw_exec (db, bump);
  if (version >= 1)
    raw_exec (db, "INSERT INTO participant (id, surname, name, category) "
                  "VALUES (42, 'Старожилова', 'Алёна', 'teacher')");
  sqlite3_close (db);
}

/* ---- store helpers ----------------------------------------------------- */

static NstStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  NstStore *store = nst_store_open (path, &error);

  /* Fatal even with non-fatal assertions: nothing can go on from here. */
  if (store == NULL)
    g_error ("Could not open %s: %s", path, error ? error->message : "(no error)");
  return store;
}

/* A file the program cannot use is refused with the right code, a message
 * for the user, and not a byte changed. */
static void
assert_open_refused (const char   *path,
                     NstStoreError code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstStore) store = nst_store_open (path, &error);

  if (store != NULL || error == NULL)
    {
      g_test_fail_printf ("%s was opened; expected NST_STORE_ERROR %d", path, code);
      return;
    }
  g_test_message ("%s → %s", path, error->message);
  if (error->domain != NST_STORE_ERROR || error->code != (int) code)
    g_test_fail_printf ("Expected NST_STORE_ERROR %d, got %s %d: %s", code,
                        g_quark_to_string (error->domain), error->code, error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
}

static NstParticipant *
new_teacher (const char *surname,
             const char *name)
{
  NstParticipant *p = nst_participant_new ();

  nst_participant_set_surname (p, surname);
  nst_participant_set_name (p, name);
  nst_participant_set_category (p, NST_CATEGORY_TEACHER);
  return p;
}

static NstParticipant *
new_student (const char *surname,
             const char *name,
             const char *birth_date,
             const char *class_name)
{
  NstParticipant *p = nst_participant_new ();

  nst_participant_set_surname (p, surname);
  nst_participant_set_name (p, name);
  nst_participant_set_category (p, NST_CATEGORY_STUDENT);
  nst_participant_set_birth_date (p, birth_date);
  nst_participant_set_class_name (p, class_name);
  return p;
}

static GPtrArray *
consents_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static void
add_consent (GPtrArray      *consents,
             NstConsentKind  kind,
             const char     *signed_on,
             const char     *representative,
             const char     *withdrawn_on)
{
  NstConsent *consent = nst_consent_new (kind);

  nst_consent_set_signed_on (consent, signed_on);
  nst_consent_set_representative_name (consent, representative);
  nst_consent_set_withdrawn_on (consent, withdrawn_on);
  g_ptr_array_add (consents, consent);
}

static void
save_ok (NstStore       *store,
         NstParticipant *p,
         GPtrArray      *consents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nst_store_save_participant (store, p, consents, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nst_participant_get_id (p), >, 0);
}

static NstParticipant *
get_ok (NstStore *store,
        gint64    id)
{
  g_autoptr(GError) error = NULL;
  NstParticipant *p = nst_store_get_participant (store, id, &error);

  if (p == NULL)
    g_error ("Could not read participant %" G_GINT64_FORMAT ": %s", id,
             error ? error->message : "(no error)");
  return p;
}

static gint64
count_ok (NstStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 count = nst_store_count_participants (store, &error);

  g_assert_no_error (error);
  return count;
}

/* Every property, so that a field added to the class but forgotten by
 * the store fails here. */
static void
assert_same_properties (gpointer a,
                        gpointer b)
{
  guint n = 0;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value_a = G_VALUE_INIT;
      g_auto(GValue) value_b = G_VALUE_INIT;

      g_value_init (&value_a, specs[i]->value_type);
      g_value_init (&value_b, specs[i]->value_type);
      g_object_get_property (a, specs[i]->name, &value_a);
      g_object_get_property (b, specs[i]->name, &value_b);
      if (g_param_values_cmp (specs[i], &value_a, &value_b) != 0)
        {
          g_autofree char *text_a = g_strdup_value_contents (&value_a);
          g_autofree char *text_b = g_strdup_value_contents (&value_b);

          g_test_fail_printf ("%s “%s” differs: %.300s ≠ %.300s", G_OBJECT_TYPE_NAME (a),
                              specs[i]->name, text_a, text_b);
        }
    }
}

static void
assert_same_consents (GPtrArray *expected,
                      GPtrArray *actual)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < MIN (expected->len, actual->len); i++)
    assert_same_properties (g_ptr_array_index (expected, i), g_ptr_array_index (actual, i));
}

static NstParticipant *
find_in_list (GListModel *list,
              gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (list, i);

      if (nst_participant_get_id (p) == id)
        return p;
    }
  g_error ("Participant %" G_GINT64_FORMAT " is not in the list", id);
  return NULL;
}

static gint64
count_consent_rows (NstStore *store,
                    gint64    participant_id)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM consent WHERE participant_id = %" G_GINT64_FORMAT,
                     participant_id);

  return raw_int (nst_store_get_db (store), sql);
}

/* ---- migrations -------------------------------------------------------- */

/* A new file: the latest schema, private to its owner, in WAL mode. */
static void
test_open_new (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(NstStore) store = NULL;
  g_autoptr(NstParticipant) p = new_teacher ("Первова", "Анна");
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *mode = NULL;
  gboolean empty = FALSE;
  sqlite3 *other;

  g_assert_cmpuint (nst_store_latest_schema_version (), >=, 1);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  store = open_store (f->path);
  g_assert_cmpstr (nst_store_get_path (store), ==, f->path);
  g_assert_cmpuint (nst_store_get_schema_version (store), ==, nst_store_latest_schema_version ());
  g_assert_true (nst_store_is_empty (store, &empty, &error));
  g_assert_no_error (error);
  g_assert_true (empty);

  /* Children's personal data: the owner only, WAL file included. */
  g_assert_cmphex (file_mode (f->path), ==, 0600);
  save_ok (store, p, NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmphex (file_mode (wal), ==, 0600);

  other = raw_open (f->path);
  mode = raw_text (other, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (raw_int (other, "PRAGMA user_version"), ==, nst_store_latest_schema_version ());
  g_assert_cmpint (raw_int (other, "SELECT count(*) FROM participant"), ==, 1);
  sqlite3_close (other);
  g_assert_true (nst_store_is_empty (store, &empty, &error));
  g_assert_false (empty);
}

/* A roadmap alone, or an order alone, is work a backup must keep and the
 * example school must not be poured over. */
static void
test_open_not_empty_with_roadmap (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  gboolean empty = FALSE;

  raw_exec (nst_store_get_db (store), "INSERT INTO roadmap (title, starts_on, ends_on) "
                                      "VALUES ('Дорожная карта', '2025-09-01', '2028-08-31')");
  g_assert_true (nst_store_is_empty (store, &empty, &error));
  g_assert_no_error (error);
  g_assert_false (empty);
}

/* Foreign keys are on in the store's connection: an orphan consent is refused. */
static void
test_open_foreign_keys (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  sqlite3 *db = nst_store_get_db (store);

  g_assert_cmpint (raw_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO consent (participant_id, kind, signed_on) "
                                     "VALUES (999, 'processing', '2025-01-01')", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_FOREIGNKEY);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM consent"), ==, 0);
}

/* Reopening an up-to-date database keeps it and copies nothing. */
static void
test_open_again (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstParticipant) p = new_teacher ("Первова", "Анна");
  g_autoptr(GPtrArray) backups = NULL;

  save_ok (store, p, NULL);
  g_clear_object (&store);
  store = open_store (f->path);
  g_assert_cmpuint (nst_store_get_schema_version (store), ==, nst_store_latest_schema_version ());
  g_assert_cmpint (count_ok (store), ==, 1);
  backups = nst_store_list_backups (f->path);
  g_assert_cmpuint (backups->len, ==, 0);
}

/* An empty file that was there already is not ours: refused, left as it is. */
static void
test_open_empty_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, &error));
  assert_open_refused (f->path, NST_STORE_ERROR_INVALID);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (f->path), !=, 0);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (f->path, &st), ==, 0);
    g_assert_cmpint (st.st_size, ==, 0);
  }
}

/* A database copied in with 0644 is made private, with its -wal and -shm;
 * a backup cut short is cleared away, other files are not touched. */
static void
test_open_makes_private (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *part = g_strconcat (f->path, ".backup-20261201-101010-000001.db.part", NULL);
  g_autofree char *journal = g_strconcat (f->path, ".backup-20261201-101010-000001.db.part-journal", NULL);
  g_autofree char *other = g_build_filename (f->dir, "notes.db.part", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (file_mode (f->path), ==, 0600);
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_file_set_contents ((const char *[]) { part, journal, other }[i], "half", -1, &error));
  store = open_store (f->path);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_unlink (other);
}

static void
check_migration_from (Fixture    *f,
                      guint       version,
                      const char *fresh_schema)
{
  g_autofree char *name = g_strdup_printf ("from-%u.db", version);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(NstStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *schema = NULL;

  build_database_at (path, version);
  if (version >= 1)
    {
      sqlite3 *db = raw_open (path);

      /* A school whose curator was typed in, before version 5. */
      raw_exec (db, "INSERT INTO school (id, school_year, full_name, curator_post, curator_name) "
                    "VALUES (1, 2025, 'МАОУ «СОШ № 1»', 'Заместитель директора', 'Прежняя Анна Ивановна')");
      sqlite3_close (db);
    }
  store = open_store (path);
  g_assert_cmpuint (nst_store_get_schema_version (store), ==, nst_store_latest_schema_version ());
  if (version >= 1)
    {
      g_autoptr(NstSchool) school = nst_store_load_school (store, NULL);

      /* Version 5: no one chosen from the registry, the text kept. */
      g_assert_nonnull (school);
      g_assert_cmpint (nst_school_get_curator_id (school), ==, 0);
      g_assert_cmpstr (nst_school_get_text (school, "curator-name"), ==, "Прежняя Анна Ивановна");
      g_assert_cmpstr (nst_school_get_text (school, "curator-post"), ==, "Заместитель директора");
      g_assert_cmpint (raw_int (nst_store_get_db (store),
                                "SELECT count(*) FROM pragma_table_info('school') WHERE name = 'curator_id'"), ==, 1);
    }
  backups = nst_store_list_backups (path);
  if (version >= 1)
    {
      g_autoptr(NstParticipant) kept = get_ok (store, 42);
      const char *backup;

      g_assert_cmpstr (nst_participant_get_surname (kept), ==, "Старожилова");
      g_assert_cmpstr (nst_participant_get_name (kept), ==, "Алёна");
      /* The copy is the database as it was before the update. */
      g_assert_cmpuint (backups->len, ==, 1);
      backup = g_ptr_array_index (backups, 0);
      g_assert_cmpint (raw_int_in_file (backup, "PRAGMA user_version"), ==, version);
      g_assert_cmpint (raw_int_in_file (backup, "SELECT count(*) FROM participant"), ==, 1);
    }
  else
    g_assert_cmpuint (backups->len, ==, 0);
  g_clear_object (&store);

  g_assert_cmpint (raw_int_in_file (path, "PRAGMA user_version"), ==,
                   nst_store_latest_schema_version ());
  schema = dump_schema (path);
  g_assert_cmpstr (schema, ==, fresh_schema);
}

static void
test_migrate_from_each_version (Fixture       *f,
                                gconstpointer  data)
{
  guint latest = nst_store_latest_schema_version ();
  g_autofree char *fresh_path = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *fresh_schema = NULL;

  g_object_unref (open_store (fresh_path));
  fresh_schema = dump_schema (fresh_path);

  for (guint version = 0; version < latest; version++)
    check_migration_from (f, version, fresh_schema);
  if (latest < 2)
    g_test_message ("Only migration 1 exists: the backup before an update is "
                    "checked once there is a version 1 database to update");
}

/* Version 3 to 4: the data stays, and the texts of orders have their table. */
static void
test_migrate_3_to_4 (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "three.db", NULL);
  g_autoptr(NstStore) store = NULL;
  g_autoptr(NstParticipant) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  build_database_at (path, 3);
  store = open_store (path);
  g_assert_cmpuint (nst_store_get_schema_version (store), >=, 4);
  kept = get_ok (store, 42);
  g_assert_cmpstr (nst_participant_get_surname (kept), ==, "Старожилова");
  g_assert_null (nst_store_get_order_template (store, "curator", &error));
  g_assert_no_error (error);
  g_assert_true (nst_store_save_order_template (store, "curator", "О куратора\n\nТекст.", &error));
  g_assert_no_error (error);
  text = nst_store_get_order_template (store, "curator", &error);
  g_assert_cmpstr (text, ==, "О куратора\n\nТекст.");
}

/* ---- school ------------------------------------------------------------ */

static void
fill_school (NstSchool  *school,
             const char *tag)
{
  const char *const *fields = nst_school_text_fields ();

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *value =
        g_strdup_printf ("%s %u: МБОУ «СОШ № 5 „Ёлочка“» — 'кавычки' \"quotes\" %s",
                         fields[i], i, tag);

      nst_school_set_text (school, fields[i], value);
    }
}

static void
test_school_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstSchool) school = nst_store_load_school (store, NULL);
  g_autoptr(NstSchool) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gboolean empty = FALSE;

  /* Nothing saved yet: the defaults of the current school year. */
  g_assert_nonnull (school);
  g_assert_true (nst_school_is_empty (school));
  g_assert_cmpuint (nst_school_get_school_year (school), ==, 2025);
  g_assert_cmpuint (nst_school_get_mentee_limit (school), ==, 3);

  fill_school (school, "первое");
  nst_school_set_school_year (school, 2031);
  nst_school_set_mentee_limit (school, 5);
  g_assert_true (nst_store_save_school (store, school, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = open_store (f->path);
  loaded = nst_store_load_school (store, &error);
  g_assert_no_error (error);
  assert_same_properties (school, loaded);
  g_assert_cmpuint (nst_school_get_school_year (loaded), ==, 2031);
  g_assert_cmpuint (nst_school_get_mentee_limit (loaded), ==, 5);
  g_assert_false (nst_school_is_empty (loaded));
  g_assert_true (nst_store_is_empty (store, &empty, &error));
  g_assert_false (empty);

  /* Saving again replaces the details. */
  fill_school (school, "второе");
  nst_school_set_mentee_limit (school, 2);
  g_assert_true (nst_store_save_school (store, school, &error));
  g_clear_object (&loaded);
  loaded = nst_store_load_school (store, &error);
  g_assert_no_error (error);
  assert_same_properties (school, loaded);
  g_assert_cmpint (raw_int (nst_store_get_db (store), "SELECT count(*) FROM school"), ==, 1);
}


/* The curator chosen from the registry: the orders take the name and post
 * from the card, and follow a rename; a student or an unknown number is
 * refused; with no one chosen (or the one chosen gone), the text. */
static void
test_school_curator (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstSchool) school = nst_school_new ();
  g_autoptr(NstSchool) loaded = NULL;
  g_autoptr(NstParticipant) deputy = new_teacher ("Бирюкова", "Евгения");
  g_autoptr(NstParticipant) teacher = new_teacher ("Соколова", "Анна");
  g_autoptr(NstParticipant) pupil = new_student ("Ильин", "Артём", "2012-03-04", "7А");
  g_autoptr(NstOrderContent) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *post = NULL;
  GDate date;

  nst_participant_set_patronymic (deputy, "Кирилловна");
  nst_participant_set_category (deputy, NST_CATEGORY_HEAD);
  nst_participant_set_post (deputy, "заместитель директора по УВР");
  nst_participant_set_patronymic (teacher, "Петровна");
  save_ok (store, deputy, NULL);
  save_ok (store, teacher, NULL);
  save_ok (store, pupil, NULL);
  nst_school_set_text (school, "full-name", "МАОУ «СОШ № 7»");
  nst_school_set_text (school, "short-name", "СОШ № 7");
  nst_school_set_text (school, "city", "Новоозёрск");
  nst_school_set_text (school, "director-name", "Фомин Юрий Вячеславович");
  nst_school_set_text (school, "curator-post", "Куратор программ наставничества");
  nst_school_set_text (school, "curator-name", "Набранная Вручную");

  /* Only the staff. */
  nst_school_set_curator_id (school, nst_participant_get_id (pupil));
  g_assert_false (nst_store_save_school (store, school, &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ильин"));
  g_clear_error (&error);
  nst_school_set_curator_id (school, 999999);
  g_assert_false (nst_store_save_school (store, school, &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The deputy: her name and the post on her card. */
  nst_school_set_curator_id (school, nst_participant_get_id (deputy));
  g_assert_true (nst_store_save_school (store, school, &error));
  g_assert_no_error (error);
  loaded = nst_store_load_school (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nst_school_get_curator_id (loaded), ==, nst_participant_get_id (deputy));
  g_assert_cmpstr (nst_school_get_text (loaded, "curator-name"), ==, "Бирюкова Евгения Кирилловна");
  g_assert_cmpstr (nst_school_get_text (loaded, "curator-post"), ==, "заместитель директора по УВР");
  g_assert_true (nst_store_school_curator (store, school, &name, &post, NULL, &error));
  g_assert_cmpstr (name, ==, "Бирюкова Евгения Кирилловна");

  /* Renamed in the registry: the next order names her so. */
  nst_participant_set_surname (deputy, "Орлова");
  save_ok (store, deputy, NULL);
  g_clear_object (&loaded);
  loaded = nst_store_load_school (store, &error);
  g_assert_no_error (error);
  nst_date_parse_iso ("2025-11-15", &date);
  order = nst_doc_order_curator (loaded, &date, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (order->values, "curator_name"), ==, "Орлова Евгения Кирилловна");
  g_assert_cmpstr (g_hash_table_lookup (order->values, "curator_name_acc"), ==, "Орлову Евгению Кирилловну");

  /* A card without a post: the school's curator post. */
  nst_school_set_curator_id (school, nst_participant_get_id (teacher));
  g_assert_true (nst_store_save_school (store, school, &error));
  g_clear_object (&loaded);
  loaded = nst_store_load_school (store, &error);
  g_assert_cmpstr (nst_school_get_text (loaded, "curator-name"), ==, "Соколова Анна Петровна");
  g_assert_cmpstr (nst_school_get_text (loaded, "curator-post"), ==, "Куратор программ наставничества");

  /* One who leaves the staff (made a partner) is no longer chosen; the
   * details still save. */
  nst_participant_set_category (teacher, NST_CATEGORY_PARTNER);
  save_ok (store, teacher, NULL);
  g_clear_object (&loaded);
  loaded = nst_store_load_school (store, &error);
  g_assert_cmpint (nst_school_get_curator_id (loaded), ==, 0);
  g_assert_cmpstr (nst_school_get_text (loaded, "curator-post"), ==, "Куратор программ наставничества");
  g_assert_true (nst_store_save_school (store, loaded, &error));
  g_assert_no_error (error);
  nst_participant_set_category (teacher, NST_CATEGORY_TEACHER);
  save_ok (store, teacher, NULL);
  g_assert_true (nst_store_save_school (store, school, &error));

  /* She leaves the registry: no one is chosen, the text is what is left. */
  g_assert_true (nst_store_delete_participant (store, nst_participant_get_id (teacher), &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = nst_store_load_school (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nst_school_get_curator_id (loaded), ==, 0);
  g_assert_cmpstr (nst_school_get_text (loaded, "curator-name"), ==, "Набранная Вручную");
}

/* ---- participants ------------------------------------------------------ */

static char *
long_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; text->len < 100000; i++)
    g_string_append_printf (text, "Строка %u:\t«ёлки», \"quotes\", 'apostrophes'; "
                            "DROP TABLE participant; --\n", i);
  g_string_append (text, "Конец.");
  return g_string_free (text, FALSE);
}

static NstParticipant *
new_full_teacher (void)
{
  NstParticipant *p = new_teacher ("Ёлкина-Щедрина", "Анна-Мария");
  g_autofree char *note = long_text ();

  nst_participant_set_patronymic (p, "Д'Артаньяновна");
  nst_participant_set_post (p, "Учитель русского языка и литературы, классный руководитель");
  nst_participant_set_class_name (p, "7Б");
  nst_participant_set_subjects (p, "Русский язык; литература; «Родная речь»");
  nst_participant_set_birth_date (p, "1980-02-29");
  nst_participant_set_teaching_since (p, "2003-09-01");
  nst_participant_set_mentoring_since (p, "2020-09-01");
  nst_participant_set_qualification (p, NST_QUALIFICATION_HIGHEST);
  nst_participant_set_young_specialist (p, TRUE);
  nst_participant_set_is_mentor (p, TRUE);
  nst_participant_set_is_mentee (p, TRUE);
  nst_participant_set_request (p, "Robert'); DROP TABLE participant; -- «запрос» \"в кавычках\"");
  nst_participant_set_competences (p, "ИКТ,\nпроектная деятельность,\nёмкие формулировки");
  nst_participant_set_email (p, "anna-maria.yolkina@school5.ru");
  nst_participant_set_phone (p, "+7 (912) 345-67-89");
  nst_participant_set_contact (p, "каб. 214, вт/чт после 14:00");
  nst_participant_set_note (p, note);
  return p;
}

static GPtrArray *
all_kinds_of_consents (void)
{
  GPtrArray *consents = consents_new ();

  add_consent (consents, NST_CONSENT_PROCESSING, "2025-09-01", "", "");
  add_consent (consents, NST_CONSENT_DISTRIBUTION, "2025-09-01",
               "Ёлкин-Щедрин Пётр Ильич", "2025-10-01");
  add_consent (consents, NST_CONSENT_MENTOR, "2025-09-02", "", "");
  return consents;
}

static void
test_participant_round_trip (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstParticipant) teacher = new_full_teacher ();
  g_autoptr(NstParticipant) student = new_student ("Д'Артаньян", "Анна Мария", "2013-05-20", "5А");
  g_autoptr(GPtrArray) teacher_consents = all_kinds_of_consents ();
  g_autoptr(GPtrArray) student_consents = consents_new ();
  g_autoptr(NstParticipant) loaded = NULL;
  g_autoptr(GPtrArray) loaded_consents = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;

  add_consent (student_consents, NST_CONSENT_PROCESSING, "2025-09-01",
               "Д'Артаньян Шарль Ожьеевич", "");
  add_consent (student_consents, NST_CONSENT_DISTRIBUTION, "2025-09-01",
               "Д'Артаньян Шарль Ожьеевич", "2025-09-15");
  save_ok (store, teacher, teacher_consents);
  save_ok (store, student, student_consents);
  g_assert_cmpint (nst_participant_get_id (teacher), !=, nst_participant_get_id (student));
  for (guint i = 0; i < teacher_consents->len; i++)
    g_assert_cmpint (nst_consent_get_id (g_ptr_array_index (teacher_consents, i)), >, 0);
  g_assert_cmpuint (nst_participant_get_missing_consents (teacher), ==, NST_CONSENT_MISSING_NONE);
  g_clear_object (&store);

  store = open_store (f->path);
  loaded = get_ok (store, nst_participant_get_id (teacher));
  assert_same_properties (teacher, loaded);
  g_assert_cmpuint (strlen (nst_participant_get_note (loaded)), >=, 100000);
  loaded_consents = nst_store_list_consents (store, nst_participant_get_id (teacher), &error);
  g_assert_no_error (error);
  assert_same_consents (teacher_consents, loaded_consents);

  g_clear_object (&loaded);
  g_clear_pointer (&loaded_consents, g_ptr_array_unref);
  loaded = get_ok (store, nst_participant_get_id (student));
  assert_same_properties (student, loaded);
  loaded_consents = nst_store_list_consents (store, nst_participant_get_id (student), &error);
  assert_same_consents (student_consents, loaded_consents);

  list = nst_store_list_participants (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  assert_same_properties (teacher, find_in_list (G_LIST_MODEL (list),
                                                 nst_participant_get_id (teacher)));
  assert_same_properties (student, find_in_list (G_LIST_MODEL (list),
                                                 nst_participant_get_id (student)));
}

static void
got_list_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GListStore **list = user_data;
  g_autoptr(GError) error = NULL;

  *list = nst_store_list_participants_finish (NST_STORE (source), result, &error);
  g_assert_no_error (error);
}

/* «Фамилия,Фамилия» of what the thread read, in its order. */
static char *
listed_async (NstStore *store)
{
  g_autoptr(GListStore) list = NULL;
  GString *out = g_string_new (NULL);

  nst_store_list_participants_async (store, NULL, got_list_cb, &list);
  while (list == NULL)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_string_append_printf (out, "%s%s", i ? "," : "", nst_participant_get_surname (p));
      g_assert_cmpuint (nst_participant_get_missing_consents (p), !=, NST_CONSENT_MISSING_NONE);
    }
  return g_string_free (out, FALSE);
}

/* The registry read on another thread, by a connection of its own: in name
 * order, and with what the program's own store has committed. */
static void
test_participant_list_async (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstParticipant) a = new_teacher ("Яковлева", "Анна");
  g_autoptr(NstParticipant) b = new_teacher ("Ёлкин", "Борис");
  g_autoptr(NstParticipant) c = new_teacher ("Абрамов", "Виктор");
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  save_ok (store, a, NULL);
  save_ok (store, b, NULL);
  names = listed_async (store);
  g_assert_cmpstr (names, ==, "Ёлкин,Яковлева");
  g_clear_pointer (&names, g_free);

  save_ok (store, c, NULL);
  g_assert_true (nst_store_delete_participant (store, nst_participant_get_id (a), &error));
  g_assert_no_error (error);
  names = listed_async (store);
  g_assert_cmpstr (names, ==, "Абрамов,Ёлкин");
}

/* Consents received from several people at once, all in one go, and
 * taken back with «Отменить»; a child under 14 and a non-mentor are left
 * out of what they cannot sign. */
static void
test_participant_mark_consents (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstParticipant) teacher = new_teacher ("Орлова", "Анна");
  g_autoptr(NstParticipant) mentor = new_teacher ("Зайцев", "Пётр");
  g_autoptr(NstParticipant) child = new_student ("Котов", "Илья", "2017-03-01", "3А");
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) consents = NULL;
  g_autoptr(GError) error = NULL;
  NstConsentsMarking marking;
  guint all = (1u << NST_CONSENT_PROCESSING) | (1u << NST_CONSENT_MENTOR);

  nst_participant_set_is_mentor (mentor, TRUE);
  save_ok (store, teacher, NULL);
  save_ok (store, mentor, NULL);
  save_ok (store, child, NULL);
  g_ptr_array_add (people, teacher);
  g_ptr_array_add (people, mentor);
  g_ptr_array_add (people, child);

  g_assert_false (nst_store_mark_consents (store, people, all, "15.11", &marking, &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (nst_store_mark_consents (store, people, all, "2025-11-15", &marking, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (marking.consents, ==, 3);          /* the teacher's, the mentor's two */
  g_assert_cmpuint (marking.changed->len, ==, 2);      /* the child is not among them */
  g_assert_cmpuint (marking.left_out, ==, 2);          /* the child; the teacher, not a mentor */
  g_assert_cmpuint (nst_participant_get_missing_consents (g_ptr_array_index (marking.changed, 1)), ==,
                    NST_CONSENT_MISSING_NONE);
  consents = nst_store_list_consents (store, nst_participant_get_id (mentor), &error);
  g_assert_cmpuint (consents->len, ==, 2);
  g_assert_cmpstr (nst_consent_get_signed_on (g_ptr_array_index (consents, 0)), ==, "2025-11-15");
  g_clear_pointer (&consents, g_ptr_array_unref);

  /* Again: what is in force already is not recorded twice. */
  {
    NstConsentsMarking again;

    g_assert_true (nst_store_mark_consents (store, people, all, "2025-11-16", &again, &error));
    g_assert_cmpuint (again.consents, ==, 0);
    nst_consents_marking_clear (&again);
  }

  g_assert_true (nst_store_unmark_consents (store, &marking, &error));
  g_assert_no_error (error);
  consents = nst_store_list_consents (store, nst_participant_get_id (mentor), &error);
  g_assert_cmpuint (consents->len, ==, 0);
  nst_consents_marking_clear (&marking);
}

/* Every category and qualification comes back as it went in. */
static void
test_participant_enums (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);

  for (guint c = 0; c < NST_N_CATEGORIES; c++)
    for (guint q = 0; q < NST_N_QUALIFICATIONS; q++)
      {
        g_autoptr(NstParticipant) p = new_student ("Перечнев", "Иван", "2000-01-01", "11А");
        g_autoptr(NstParticipant) loaded = NULL;

        nst_participant_set_category (p, c);
        nst_participant_set_qualification (p, q);
        save_ok (store, p, NULL);
        loaded = get_ok (store, nst_participant_get_id (p));
        g_assert_cmpuint (nst_participant_get_category (loaded), ==, c);
        g_assert_cmpuint (nst_participant_get_qualification (loaded), ==, q);
        assert_same_properties (p, loaded);
      }
}

static void
test_participant_update (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstParticipant) p = new_full_teacher ();
  g_autoptr(GPtrArray) consents = all_kinds_of_consents ();
  g_autoptr(GPtrArray) changed = consents_new ();
  g_autoptr(NstParticipant) loaded = NULL;
  g_autoptr(GPtrArray) loaded_consents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  save_ok (store, p, consents);
  id = nst_participant_get_id (p);
  nst_participant_set_surname (p, "Щедрина");
  nst_participant_set_patronymic (p, "");
  nst_participant_set_birth_date (p, "");
  nst_participant_set_is_mentor (p, FALSE);
  nst_participant_set_qualification (p, NST_QUALIFICATION_FIRST);
  nst_participant_set_note (p, "короче");
  add_consent (changed, NST_CONSENT_PROCESSING, "2025-11-01", "", "");
  save_ok (store, p, changed);

  g_assert_cmpint (nst_participant_get_id (p), ==, id);
  g_assert_cmpint (count_ok (store), ==, 1);
  loaded = get_ok (store, id);
  assert_same_properties (p, loaded);
  g_assert_cmpstr (nst_participant_get_birth_date (loaded), ==, "");
  /* The new consents replace the old ones. */
  loaded_consents = nst_store_list_consents (store, id, &error);
  g_assert_no_error (error);
  assert_same_consents (changed, loaded_consents);
  g_assert_cmpint (count_consent_rows (store, id), ==, 1);
}

static void
test_participant_delete (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstParticipant) p = new_full_teacher ();
  g_autoptr(NstParticipant) other = new_teacher ("Остаётся", "Ольга");
  g_autoptr(GPtrArray) consents = all_kinds_of_consents ();
  g_autoptr(GPtrArray) other_consents = all_kinds_of_consents ();
  g_autoptr(NstParticipant) gone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  save_ok (store, p, consents);
  save_ok (store, other, other_consents);
  id = nst_participant_get_id (p);
  g_assert_cmpint (count_consent_rows (store, id), ==, 3);

  g_assert_true (nst_store_delete_participant (store, id, &error));
  g_assert_no_error (error);
  gone = nst_store_get_participant (store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_ok (store), ==, 1);
  /* The consents go with the person; nobody else's do. */
  g_assert_cmpint (count_consent_rows (store, id), ==, 0);
  g_assert_cmpint (count_consent_rows (store, nst_participant_get_id (other)), ==, 3);
}

/* «Отменить» after a delete puts the person back under the same id. */
static void
test_participant_undo_delete (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstParticipant) p = new_full_teacher ();
  g_autoptr(GPtrArray) consents = all_kinds_of_consents ();
  g_autoptr(NstParticipant) restored = NULL;
  g_autoptr(NstParticipant) newcomer = new_teacher ("Новикова", "Нина");
  g_autoptr(GPtrArray) loaded_consents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  save_ok (store, p, consents);
  id = nst_participant_get_id (p);
  g_assert_true (nst_store_delete_participant (store, id, &error));

  g_assert_true (nst_store_insert_participant_with_id (store, p, consents, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nst_participant_get_id (p), ==, id);
  restored = get_ok (store, id);
  assert_same_properties (p, restored);
  loaded_consents = nst_store_list_consents (store, id, &error);
  g_assert_no_error (error);
  assert_same_consents (consents, loaded_consents);

  /* Undoing twice must not make a second copy. */
  g_assert_false (nst_store_insert_participant_with_id (store, p, consents, &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_ok (store), ==, 1);
  g_assert_cmpint (count_consent_rows (store, id), ==, 3);

  save_ok (store, newcomer, NULL);
  g_assert_cmpint (nst_participant_get_id (newcomer), !=, id);
}

static void
test_participant_archive (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstParticipant) p = new_teacher ("Архипова", "Алла");
  g_autoptr(NstParticipant) loaded = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  save_ok (store, p, NULL);
  id = nst_participant_get_id (p);
  g_assert_true (nst_store_set_participant_archived (store, id, TRUE, &error));
  g_assert_no_error (error);
  loaded = get_ok (store, id);
  g_assert_true (nst_participant_get_archived (loaded));
  /* Archived people stay in the list (the view filters them). */
  list = nst_store_list_participants (store, &error);
  g_assert_no_error (error);
  g_assert_true (nst_participant_get_archived (find_in_list (G_LIST_MODEL (list), id)));

  g_assert_true (nst_store_set_participant_archived (store, id, FALSE, &error));
  g_clear_object (&loaded);
  loaded = get_ok (store, id);
  g_assert_false (nst_participant_get_archived (loaded));
}

static gboolean
is_referenced (NstStore *store,
               gint64    id)
{
  g_autoptr(GError) error = NULL;
  gboolean referenced = FALSE;

  g_assert_true (nst_store_participant_is_referenced (store, id, &referenced, &error));
  g_assert_no_error (error);
  return referenced;
}

static void
test_participant_referenced (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstParticipant) mentor = new_teacher ("Наставникова", "Мария");
  g_autoptr(NstParticipant) diagnosed = new_teacher ("Диагностова", "Дина");
  g_autoptr(NstParticipant) unrelated = new_teacher ("Свободнова", "Вера");
  g_autoptr(GError) error = NULL;
  g_autofree char *member = NULL;
  g_autofree char *diagnostic = NULL;
  sqlite3 *db = nst_store_get_db (store);

  save_ok (store, mentor, NULL);
  save_ok (store, diagnosed, NULL);
  save_ok (store, unrelated, NULL);
  g_assert_false (is_referenced (store, nst_participant_get_id (mentor)));

  member = g_strdup_printf ("INSERT INTO group_member (group_id, participant_id, role) "
                            "VALUES (1, %" G_GINT64_FORMAT ", 'mentor')",
                            nst_participant_get_id (mentor));
  diagnostic = g_strdup_printf ("INSERT INTO diagnostic (participant_id, school_year, quarter, "
                                "kind, recorded_on) VALUES (%" G_GINT64_FORMAT ", 2025, 1, "
                                "'competences', '2025-10-01')",
                                nst_participant_get_id (diagnosed));
  raw_exec (db, "INSERT INTO mentoring_group (id, form, kind) "
                "VALUES (1, 'teacher-teacher', 'traditional')");
  raw_exec (db, member);
  raw_exec (db, diagnostic);
  g_assert_true (is_referenced (store, nst_participant_get_id (mentor)));
  g_assert_true (is_referenced (store, nst_participant_get_id (diagnosed)));
  g_assert_false (is_referenced (store, nst_participant_get_id (unrelated)));

  /* A member of a pair cannot be deleted behind the pair's back. */
  g_assert_false (nst_store_delete_participant (store, nst_participant_get_id (mentor), &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  g_assert_cmpint (count_ok (store), ==, 3);
}

/* ---- missing consents -------------------------------------------------- */

typedef struct
{
  const char *surname;
  gboolean is_mentor;
  /* kind:signed:withdrawn, separated by spaces; withdrawn may be empty */
  const char *consents;
  NstConsentMissing expected;
} MissingCase;

static const MissingCase missing_cases[] = {
  { "Безсогласий", FALSE, "", NST_CONSENT_MISSING_PROCESSING },
  { "Обработкин", FALSE, "processing:2025-09-01:", NST_CONSENT_MISSING_NONE },
  { "Наставников", TRUE, "processing:2025-09-01:", NST_CONSENT_MISSING_MENTOR },
  { "Ничегов", TRUE, "", NST_CONSENT_MISSING_PROCESSING | NST_CONSENT_MISSING_MENTOR },
  { "Полнов", TRUE, "processing:2025-09-01: mentor:2025-09-01:", NST_CONSENT_MISSING_NONE },
  { "Отозвалов", FALSE, "processing:2025-09-01:2025-10-01", NST_CONSENT_MISSING_PROCESSING },
  { "Передумов", TRUE, "processing:2025-09-01: mentor:2025-09-01:2025-10-01",
    NST_CONSENT_MISSING_MENTOR },
  { "Распространов", FALSE, "distribution:2025-09-01:", NST_CONSENT_MISSING_PROCESSING },
  { "Непубличнов", TRUE,
    "processing:2025-09-01: mentor:2025-09-01: distribution:2025-09-01:2025-09-02",
    NST_CONSENT_MISSING_NONE },
  { "Вернувшийся", FALSE, "processing:2025-01-10:2025-02-01 processing:2025-09-01:",
    NST_CONSENT_MISSING_NONE },
};

static GPtrArray *
parse_consents (const char *spec)
{
  g_auto(GStrv) items = g_strsplit (spec, " ", -1);
  GPtrArray *consents = consents_new ();

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (*items[i] == '\0')
        continue;
      parts = g_strsplit (items[i], ":", 3);
      add_consent (consents, nst_consent_kind_from_code (parts[0]), parts[1], "", parts[2]);
    }
  return consents;
}

static void
test_consents_missing (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (missing_cases); i++)
    {
      NstParticipant *p = new_teacher (missing_cases[i].surname, "Тест");
      g_autoptr(GPtrArray) consents = parse_consents (missing_cases[i].consents);

      nst_participant_set_is_mentor (p, missing_cases[i].is_mentor);
      save_ok (store, p, consents);
      g_assert_cmpuint (nst_participant_get_missing_consents (p), ==, missing_cases[i].expected);
      g_ptr_array_add (saved, p);
    }

  /* The registry's list and a single read agree with the rules. */
  list = nst_store_list_participants (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < saved->len; i++)
    {
      gint64 id = nst_participant_get_id (g_ptr_array_index (saved, i));
      NstParticipant *listed = find_in_list (G_LIST_MODEL (list), id);
      g_autoptr(NstParticipant) single = get_ok (store, id);
      NstConsentMissing expected = missing_cases[i].expected;

      g_test_message ("%s", missing_cases[i].surname);
      g_assert_cmpuint (nst_participant_get_missing_consents (listed), ==, expected);
      g_assert_cmpuint (nst_participant_get_missing_consents (single), ==, expected);
    }
}

/* ---- validation -------------------------------------------------------- */

static void
assert_save_refused (NstStore       *store,
                     NstParticipant *p,
                     GPtrArray      *consents)
{
  g_autoptr(GError) error = NULL;
  gint64 id = nst_participant_get_id (p);
  gint64 people = count_ok (store);
  gint64 consent_rows = raw_int (nst_store_get_db (store), "SELECT count(*) FROM consent");

  g_assert_false (nst_store_save_participant (store, p, consents, &error));
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpint (nst_participant_get_id (p), ==, id);
  g_assert_cmpint (count_ok (store), ==, people);
  g_assert_cmpint (raw_int (nst_store_get_db (store), "SELECT count(*) FROM consent"),
                   ==, consent_rows);
}

static void
test_validation_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstParticipant) no_surname = new_teacher ("", "Иван");
  g_autoptr(NstParticipant) no_name = new_teacher ("Иванов", "");
  g_autoptr(NstParticipant) digits = new_teacher ("Иванов2", "Иван");
  g_autoptr(NstParticipant) future = new_teacher ("Будущев", "Иван");
  g_autoptr(NstParticipant) no_class = new_student ("Бесклассов", "Иван", "2010-01-01", "");
  g_autoptr(NstParticipant) no_birth = new_student ("Безднев", "Иван", "", "9А");
  g_autoptr(NstParticipant) young = new_student ("Младшева", "Аня", "2015-03-10", "4Б");
  g_autoptr(GPtrArray) no_representative = consents_new ();
  g_autoptr(GPtrArray) distribution_alone = consents_new ();
  g_autoptr(GPtrArray) future_consent = consents_new ();
  g_autoptr(GPtrArray) withdrawn_first = consents_new ();

  nst_participant_set_birth_date (future, "2025-11-16");
  add_consent (no_representative, NST_CONSENT_PROCESSING, "2025-09-01", "", "");
  add_consent (distribution_alone, NST_CONSENT_PROCESSING, "2025-09-01", "Младшев Пётр", "");
  add_consent (distribution_alone, NST_CONSENT_DISTRIBUTION, "2025-09-01", "", "");
  add_consent (future_consent, NST_CONSENT_PROCESSING, "2025-11-16", "", "");
  add_consent (withdrawn_first, NST_CONSENT_PROCESSING, "2025-09-01", "", "2025-08-31");

  assert_save_refused (store, no_surname, NULL);
  assert_save_refused (store, no_name, NULL);
  assert_save_refused (store, digits, NULL);
  assert_save_refused (store, future, NULL);
  assert_save_refused (store, no_class, NULL);
  assert_save_refused (store, no_birth, NULL);
  assert_save_refused (store, young, no_representative);
  assert_save_refused (store, young, distribution_alone);
  g_assert_cmpint (count_ok (store), ==, 0);

  /* A valid person with a consent dated tomorrow or withdrawn before signing. */
  nst_participant_set_surname (no_surname, "Фамилиев");
  assert_save_refused (store, no_surname, future_consent);
  assert_save_refused (store, no_surname, withdrawn_first);

  /* The same people, put right, are accepted: each was refused for its fault. */
  save_ok (store, no_surname, NULL);
  g_ptr_array_remove_index (distribution_alone, 1);
  save_ok (store, young, distribution_alone);
  g_assert_cmpint (count_ok (store), ==, 2);
}

/* 152-ФЗ: the age that counts is the age on the day of signing. */
static void
test_validation_representative_age (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstParticipant) student = new_student ("Рубежный", "Саша", "2011-09-02", "8В");
  g_autoptr(GPtrArray) day_before = consents_new ();
  g_autoptr(GPtrArray) birthday = consents_new ();
  g_autoptr(GPtrArray) with_parent = consents_new ();
  g_autoptr(GPtrArray) mentor_alone = consents_new ();

  add_consent (day_before, NST_CONSENT_PROCESSING, "2025-09-01", "", "");
  add_consent (birthday, NST_CONSENT_PROCESSING, "2025-09-02", "", "");
  add_consent (with_parent, NST_CONSENT_PROCESSING, "2025-09-01", "Рубежная Ольга Ивановна", "");
  add_consent (mentor_alone, NST_CONSENT_MENTOR, "2025-09-01", "", "");

  assert_save_refused (store, student, day_before);
  save_ok (store, student, birthday);
  save_ok (store, student, with_parent);
  save_ok (store, student, mentor_alone);
}

/* A refused update changes nothing that was stored. */
static void
test_validation_update_refused (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstParticipant) p = new_full_teacher ();
  g_autoptr(NstParticipant) before = NULL;
  g_autoptr(NstParticipant) after = NULL;
  g_autoptr(GPtrArray) consents = all_kinds_of_consents ();
  g_autoptr(GPtrArray) bad = consents_new ();
  g_autoptr(GPtrArray) loaded = NULL;

  save_ok (store, p, consents);
  before = get_ok (store, nst_participant_get_id (p));
  add_consent (bad, NST_CONSENT_PROCESSING, "2030-01-01", "", "");
  nst_participant_set_note (p, "изменено");
  assert_save_refused (store, p, bad);
  nst_participant_set_surname (p, "");
  assert_save_refused (store, p, consents);

  after = get_ok (store, nst_participant_get_id (p));
  assert_same_properties (before, after);
  loaded = nst_store_list_consents (store, nst_participant_get_id (p), NULL);
  assert_same_consents (consents, loaded);
}

static void
assert_field (NstParticipant      *p,
              NstParticipantField  field,
              const char          *expected_part)
{
  GDate today;
  g_autofree char *problem = NULL;

  g_assert_true (nst_date_parse_iso (TODAY, &today));
  problem = nst_participant_check_field (p, field, &today);
  if (expected_part == NULL)
    {
      if (problem != NULL)
        g_test_fail_printf ("Field %d: unexpected problem «%s»", field, problem);
      return;
    }
  if (problem == NULL || strstr (problem, expected_part) == NULL)
    g_test_fail_printf ("Field %d: expected a message with «%s», got «%s»", field,
                        expected_part, problem ? problem : "(none)");
}

static void
test_validation_fields_required (void)
{
  g_autoptr(NstParticipant) p = new_student ("", "", "", "");

  assert_field (p, NST_PARTICIPANT_FIELD_SURNAME, "surname");
  assert_field (p, NST_PARTICIPANT_FIELD_NAME, "first name");
  assert_field (p, NST_PARTICIPANT_FIELD_PATRONYMIC, NULL);
  assert_field (p, NST_PARTICIPANT_FIELD_CLASS_NAME, "class");
  assert_field (p, NST_PARTICIPANT_FIELD_BIRTH_DATE, "DD.MM.YYYY");
  assert_field (p, NST_PARTICIPANT_FIELD_TEACHING_SINCE, NULL);
  assert_field (p, NST_PARTICIPANT_FIELD_MENTORING_SINCE, NULL);

  /* Staff need neither a class nor a date of birth. */
  nst_participant_set_category (p, NST_CATEGORY_TEACHER);
  assert_field (p, NST_PARTICIPANT_FIELD_CLASS_NAME, NULL);
  assert_field (p, NST_PARTICIPANT_FIELD_BIRTH_DATE, NULL);
}

/* Names: letters, joined by single hyphens, spaces or apostrophes. */
static void
test_validation_fields_names (void)
{
  static const char *const good[] = { "Петров-Водкин", "Д'Артаньян", "Анна Мария", "Ёлкина" };
  static const char *const bad[] = { "Иванов2", "Петров--Водкин", "-Петров", "Петров-",
                                     "Ив@нов", "'", "Анна  Мария" };
  g_autoptr(NstParticipant) p = new_teacher ("", "");

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      nst_participant_set_surname (p, good[i]);
      nst_participant_set_name (p, good[i]);
      nst_participant_set_patronymic (p, good[i]);
      assert_field (p, NST_PARTICIPANT_FIELD_SURNAME, NULL);
      assert_field (p, NST_PARTICIPANT_FIELD_NAME, NULL);
      assert_field (p, NST_PARTICIPANT_FIELD_PATRONYMIC, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      nst_participant_set_surname (p, bad[i]);
      nst_participant_set_name (p, bad[i]);
      nst_participant_set_patronymic (p, bad[i]);
      assert_field (p, NST_PARTICIPANT_FIELD_SURNAME, "letters");
      assert_field (p, NST_PARTICIPANT_FIELD_NAME, "letters");
      assert_field (p, NST_PARTICIPANT_FIELD_PATRONYMIC, "letters");
    }
  /* The short name of a double name and of a Turkic patronymic. */
  {
    g_autofree char *double_name = NULL;
    g_autofree char *turkic = NULL;

    nst_participant_set_surname (p, "Петрова");
    nst_participant_set_name (p, "Анна-Мария");
    nst_participant_set_patronymic (p, "Ивановна");
    double_name = nst_participant_dup_short_name (p);
    g_assert_cmpstr (double_name, ==, "Петрова А.-М.И.");
    nst_participant_set_surname (p, "Мамедов");
    nst_participant_set_name (p, "Ахмед");
    nst_participant_set_patronymic (p, "Рашид оглы");
    turkic = nst_participant_dup_short_name (p);
    g_assert_cmpstr (turkic, ==, "Мамедов А.Р.");
  }
}

static void
assert_school_field (NstSchool  *school,
                     const char *field,
                     const char *value,
                     gboolean    valid)
{
  g_autofree char *problem = NULL;

  nst_school_set_text (school, field, value);
  problem = nst_school_check_field (school, field);
  if (valid)
    g_assert_null (problem);
  else
    g_assert_nonnull (problem);
}

/* The school: only the full name is required; what else is entered must
 * be a real INN, OGRN, e-mail address or web address. */
static void
test_validation_school_fields (void)
{
  g_autoptr(NstSchool) school = nst_school_new ();
  const char *const *fields = nst_school_text_fields ();

  for (guint i = 0; fields[i] != NULL; i++)
    assert_school_field (school, fields[i], "", !g_str_equal (fields[i], "full-name"));
  assert_school_field (school, "full-name", "  ", FALSE);
  assert_school_field (school, "full-name", "МБОУ «Школа № 5»", TRUE);

  assert_school_field (school, "inn", "7701234567", TRUE);
  assert_school_field (school, "inn", "770123456789", TRUE);
  assert_school_field (school, "inn", " 7701234567 ", TRUE);
  assert_school_field (school, "inn", "77012345678", FALSE);
  assert_school_field (school, "inn", "77012З4567", FALSE);
  assert_school_field (school, "ogrn", "1027700000000", TRUE);
  assert_school_field (school, "ogrn", "102770000000000", TRUE);
  assert_school_field (school, "ogrn", "10277000000001", FALSE);
  assert_school_field (school, "email", "school5@example.ru", TRUE);
  assert_school_field (school, "email", "school5@example", FALSE);
  assert_school_field (school, "email", "@example.ru", FALSE);
  assert_school_field (school, "email", "school 5@example.ru", FALSE);
  assert_school_field (school, "email", "a@b@example.ru", FALSE);
  assert_school_field (school, "website", "https://school5.ru", TRUE);
  assert_school_field (school, "website", "HTTP://school5.ru", TRUE);
  assert_school_field (school, "website", "school5.ru", FALSE);
  assert_school_field (school, "website", "https://", FALSE);
  /* Free text, never refused. */
  assert_school_field (school, "phone", "+7 (495) 000-00-00 доб. 5", TRUE);
}

/* Dates: valid, not in the future; today itself is fine. */
static void
test_validation_fields_dates (void)
{
  g_autoptr(NstParticipant) p = new_student ("Датов", "Дан", "", "7Б");

  nst_participant_set_birth_date (p, "2012-02-30");
  assert_field (p, NST_PARTICIPANT_FIELD_BIRTH_DATE, "DD.MM.YYYY");
  nst_participant_set_birth_date (p, "2025-11-16");
  assert_field (p, NST_PARTICIPANT_FIELD_BIRTH_DATE, "future");
  nst_participant_set_birth_date (p, TODAY);
  assert_field (p, NST_PARTICIPANT_FIELD_BIRTH_DATE, NULL);
  nst_participant_set_teaching_since (p, "2026-09-01");
  assert_field (p, NST_PARTICIPANT_FIELD_TEACHING_SINCE, "future");
  nst_participant_set_teaching_since (p, "2003-09-01");
  assert_field (p, NST_PARTICIPANT_FIELD_TEACHING_SINCE, NULL);
  nst_participant_set_mentoring_since (p, "01.09.2020");
  assert_field (p, NST_PARTICIPANT_FIELD_MENTORING_SINCE, "DD.MM.YYYY");
  nst_participant_set_mentoring_since (p, "2025-11-16");
  assert_field (p, NST_PARTICIPANT_FIELD_MENTORING_SINCE, "future");
  assert_field (p, NST_PARTICIPANT_FIELD_CLASS_NAME, NULL);
}

/* ---- files the program cannot use -------------------------------------- */

static void
fill_with_people (NstStore *store,
                  guint     count)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = long_text ();

  g_assert_true (nst_store_begin (store, &error));
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *short_note = g_strdup_printf ("Заметка %u", i);
      g_autoptr(NstParticipant) p = new_teacher ("Участникова", "Ольга");

      nst_participant_set_note (p, i % 10 == 0 ? note : short_note);
      save_ok (store, p, NULL);
    }
  g_assert_true (nst_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
test_bad_too_new (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version=%u",
                                           nst_store_latest_schema_version () + 5);
  sqlite3 *db;

  fill_with_people (store, 20);
  g_clear_object (&store);
  db = raw_open (f->path);
  raw_exec (db, bump);
  sqlite3_close (db);

  before = read_bytes (f->path);
  assert_open_refused (f->path, NST_STORE_ERROR_TOO_NEW);
  assert_unchanged (f->path, before);
  backups = nst_store_list_backups (f->path);
  g_assert_cmpuint (backups->len, ==, 0);
}

static void
test_bad_garbage (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;

  write_random (f->path, 0, 64 * 1024, 1);
  before = read_bytes (f->path);
  assert_open_refused (f->path, NST_STORE_ERROR_CORRUPT);
  assert_unchanged (f->path, before);
}

static void
test_bad_damaged_pages (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(GBytes) before = NULL;

  fill_with_people (store, 100);
  g_clear_object (&store);
  before = read_bytes (f->path);
  g_assert_cmpuint (g_bytes_get_size (before), >, 64 * 1024);
  g_clear_pointer (&before, g_bytes_unref);

  /* The header survives, so the file still looks like a database. */
  write_random (f->path, 4096, 32 * 1024, 2);
  before = read_bytes (f->path);
  assert_open_refused (f->path, NST_STORE_ERROR_CORRUPT);
  assert_unchanged (f->path, before);
}

/* The whole file is checked at the first start of a day, before its backup;
 * later that day a damaged page is reported by the read that meets it, and
 * the next day's start refuses the file again. */
static void
test_bad_damaged_after_backup (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) people = NULL;

  fill_with_people (store, 100);
  g_assert_true (nst_store_backup_daily (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  backups = nst_store_list_backups (f->path);
  g_assert_cmpuint (backups->len, ==, 1);

  write_random (f->path, 4096, 32 * 1024, 2);
  store = nst_store_open (f->path, &error);
  g_assert_no_error (error);
  people = nst_store_list_participants (store, &error);
  g_assert_null (people);
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Restore a backup copy"));
  g_clear_object (&store);

  /* The next day: no copy of today yet. */
  g_unlink (g_ptr_array_index (backups, 0));
  assert_open_refused (f->path, NST_STORE_ERROR_CORRUPT);
}

/* Somebody else's SQLite file, picked by mistake, is not ours to convert. */
static void
test_bad_foreign_database (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  sqlite3 *db = raw_open (f->path);

  raw_exec (db, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                "INSERT INTO moz_places (url) VALUES ('https://example.org/')");
  sqlite3_close (db);
  before = read_bytes (f->path);

  store = nst_store_open (f->path, &error);
  if (store != NULL || error == NULL)
    g_test_fail_printf ("Another program's database was opened as a Nastavnik database");
  else
    {
      g_assert_true (error->domain == NST_STORE_ERROR);
      g_assert_cmpuint (strlen (error->message), >, 0);
    }
  assert_unchanged (f->path, before);
}

static gboolean
drop_file_capabilities (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct caps[_LINUX_CAPABILITY_U32S_3];
  const int dropped[] = { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER };

  memset (caps, 0, sizeof caps);
  if (syscall (SYS_capget, &header, caps) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    {
      caps[CAP_TO_INDEX (dropped[i])].effective &= ~CAP_TO_MASK (dropped[i]);
      caps[CAP_TO_INDEX (dropped[i])].permitted &= ~CAP_TO_MASK (dropped[i]);
    }
  return syscall (SYS_capset, &header, caps) == 0;
}

enum { CHILD_OK, CHILD_OPENED, CHILD_WRONG_ERROR, CHILD_STILL_WRITABLE = 77 };

/* In a child process, because root ignores file permissions: there the
 * child first gives up the capabilities that let root write anyway. */
static int
open_read_only_in_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  NstStore *store;
  int fd;

  if (getuid () == 0 && !drop_file_capabilities ())
    return CHILD_STILL_WRITABLE;
  fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      close (fd);
      return CHILD_STILL_WRITABLE;
    }
  store = nst_store_open (path, &error);
  if (store != NULL)
    return CHILD_OPENED;
  if (!g_error_matches (error, NST_STORE_ERROR, NST_STORE_ERROR_READ_ONLY) ||
      *error->message == '\0')
    {
      g_printerr ("Expected READ_ONLY, got %s %d: %s\n", g_quark_to_string (error->domain),
                  error->code, error->message);
      return CHILD_WRONG_ERROR;
    }
  g_test_message ("%s → %s", path, error->message);
  return CHILD_OK;
}

static void
test_bad_read_only (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(GBytes) before = NULL;
  int status = 0;
  pid_t pid;

  fill_with_people (store, 5);
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
  before = read_bytes (f->path);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (open_read_only_in_child (f->path));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == CHILD_STILL_WRITABLE)
    {
      g_test_skip ("Running as root and cannot give up CAP_DAC_OVERRIDE: "
                   "a 0400 file is still writable, so read-only cannot be tested");
      return;
    }
  g_assert_cmpint (WEXITSTATUS (status), ==, CHILD_OK);
  assert_unchanged (f->path, before);
}

/* Another program holds the database: the user is told to close it, and
 * the file can be opened once it has. */
static void
test_bad_locked (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(NstStore) store = NULL;
  sqlite3 *holder;

  build_database_at (f->path, nst_store_latest_schema_version ());
  before = read_bytes (f->path);
  holder = raw_open (f->path);
  raw_exec (holder, "PRAGMA journal_mode=DELETE; PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE;"
                    "INSERT INTO participant (surname, name, category) "
                    "VALUES ('Занятов', 'Пётр', 'teacher')");

  assert_open_refused (f->path, NST_STORE_ERROR_LOCKED);
  assert_unchanged (f->path, before);

  raw_exec (holder, "ROLLBACK");
  sqlite3_close (holder);
  store = open_store (f->path);
  g_assert_cmpint (count_ok (store), ==, 1);
}

static void
test_bad_no_directory (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "Документы", NULL);
  g_autofree char *path = g_build_filename (missing, "nastavnik.db", NULL);

  assert_open_refused (path, NST_STORE_ERROR_NO_DIRECTORY);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_folder (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  assert_open_refused (f->path, NST_STORE_ERROR_FAILED);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
}

/* ---- backups ----------------------------------------------------------- */

static GPtrArray *
backup_ok (NstStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nst_store_backup (store, &error));
  g_assert_no_error (error);
  return nst_store_list_backups (nst_store_get_path (store));
}

static char *
backup_path_at (Fixture    *f,
                const char *stamp)
{
  g_autofree char *name = g_strdup_printf ("nastavnik.db.backup-%s.db", stamp);

  return g_build_filename (f->dir, name, NULL);
}

/* Backup names carry the second they were made in; to check pruning
 * without sleeping, each copy is moved to a distinct older name. */
static void
test_backup_keeps_last (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(GPtrArray) backups = NULL;

  fill_with_people (store, 3);
  for (guint i = 1; i <= 9; i++)
    {
      g_autofree char *stamp = g_strdup_printf ("20200101-00000%u", i);
      g_autofree char *older = backup_path_at (f, stamp);

      g_clear_pointer (&backups, g_ptr_array_unref);
      backups = backup_ok (store);
      g_assert_cmpuint (backups->len, ==, MIN (i, NST_STORE_BACKUPS_KEPT));
      if (i < 9)
        g_assert_cmpint (g_rename (g_ptr_array_index (backups, backups->len - 1), older), ==, 0);
    }

  /* The oldest two went; the newest is the copy just made. */
  for (guint i = 1; i <= 8; i++)
    {
      g_autofree char *stamp = g_strdup_printf ("20200101-00000%u", i);
      g_autofree char *older = backup_path_at (f, stamp);

      g_assert_true (g_file_test (older, G_FILE_TEST_EXISTS) == (i >= 3));
    }
  g_assert_cmpuint (backups->len, ==, NST_STORE_BACKUPS_KEPT);
  g_assert_null (strstr (g_ptr_array_index (backups, backups->len - 1), "backup-2020"));
  for (guint i = 0; i < backups->len; i++)
    g_assert_cmphex (file_mode (g_ptr_array_index (backups, i)), ==, 0600);
}

/* Two copies made within one second (a backup before an update, then one
 * asked for by the user) must not overwrite each other. */
static void
test_backup_same_second (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(GPtrArray) backups = NULL;
  gint64 started, finished;

  fill_with_people (store, 3);
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      g_autoptr(GPtrArray) old = nst_store_list_backups (f->path);

      for (guint i = 0; i < old->len; i++)
        g_unlink (g_ptr_array_index (old, i));
      started = g_get_real_time () / G_USEC_PER_SEC;
      g_ptr_array_unref (backup_ok (store));
      g_clear_pointer (&backups, g_ptr_array_unref);
      backups = backup_ok (store);
      finished = g_get_real_time () / G_USEC_PER_SEC;
      if (started == finished)
        break;
    }
  g_assert_cmpint (started, ==, finished);
  g_assert_cmpuint (backups->len, ==, 2);
}

static void
test_backup_daily (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *midnight = g_date_time_format (now, "%Y%m%d-000000");
  g_autofree char *this_morning = backup_path_at (f, midnight);
  g_autofree char *yesterday = backup_path_at (f, "20000101-235959");

  /* An empty new database is not worth a copy. */
  g_assert_true (nst_store_backup_daily (store, &error));
  g_assert_no_error (error);
  backups = nst_store_list_backups (f->path);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  fill_with_people (store, 3);
  g_assert_true (nst_store_backup_daily (store, &error));
  g_assert_no_error (error);
  backups = nst_store_list_backups (f->path);
  g_assert_cmpuint (backups->len, ==, 1);

  /* Under another name of the same day, so that a second copy would not
   * simply replace the first. */
  g_assert_cmpint (g_rename (g_ptr_array_index (backups, 0), this_morning), ==, 0);
  g_assert_true (nst_store_backup_daily (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = nst_store_list_backups (f->path);
  g_assert_cmpuint (backups->len, ==, 1);

  /* Today's copy is from an earlier day now: a new one is due. */
  g_assert_cmpint (g_rename (this_morning, yesterday), ==, 0);
  g_assert_true (nst_store_backup_daily (store, &error));
  g_assert_true (nst_store_backup_daily (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = nst_store_list_backups (f->path);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, yesterday);
}

static gboolean
has_partial_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".part"))
      return TRUE;
  return FALSE;
}

/* A backup is a database the program opens, with what was saved before it. */
static void
test_backup_restorable (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstStore) restored = NULL;
  g_autoptr(NstParticipant) teacher = new_full_teacher ();
  g_autoptr(NstParticipant) later = new_teacher ("Позднякова", "Поля");
  g_autoptr(GPtrArray) consents = all_kinds_of_consents ();
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) restored_consents = NULL;
  g_autoptr(NstParticipant) restored_teacher = NULL;
  g_autoptr(NstSchool) school = nst_school_new ();
  g_autoptr(NstSchool) restored_school = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;

  fill_school (school, "для копии");
  g_assert_true (nst_store_save_school (store, school, &error));
  fill_with_people (store, 30);
  save_ok (store, teacher, consents);
  backups = backup_ok (store);
  save_ok (store, later, NULL);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_false (has_partial_files (f->dir));
  g_assert_cmphex (file_mode (g_ptr_array_index (backups, 0)), ==, 0600);

  restored = open_store (g_ptr_array_index (backups, 0));
  g_assert_cmpint (count_ok (restored), ==, 31);
  restored_teacher = get_ok (restored, nst_participant_get_id (teacher));
  assert_same_properties (teacher, restored_teacher);
  restored_consents = nst_store_list_consents (restored, nst_participant_get_id (teacher), &error);
  g_assert_no_error (error);
  assert_same_consents (consents, restored_consents);
  restored_school = nst_store_load_school (restored, &error);
  g_assert_no_error (error);
  assert_same_properties (school, restored_school);
  integrity = raw_text (nst_store_get_db (restored), "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
}

/* «Резервная копия…»: a copy where the user chose, which opens with the
 * same registry; a folder that cannot be written leaves nothing. */
static void
test_backup_to_chosen_file (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(NstStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (f->dir, "копия.db", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "нет-такой-папки", "копия.db", NULL);

  fill_with_people (store, 12);
  g_assert_true (nst_store_backup_to (store, target, &error));
  g_assert_no_error (error);
  g_assert_false (has_partial_files (f->dir));
  g_assert_cmphex (file_mode (target), ==, 0600);
  copy = open_store (target);
  g_assert_cmpint (count_ok (copy), ==, 12);

  g_assert_false (nst_store_backup_to (store, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

/* ---- volume ------------------------------------------------------------ */

static void
test_bulk (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;
  const guint count = 10000;

  g_assert_true (nst_store_begin (store, &error));
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *note = g_strdup_printf ("Заметка %u", i);
      g_autoptr(NstParticipant) p = new_teacher ("Массовая", "Мария");
      g_autoptr(GPtrArray) consents = consents_new ();

      nst_participant_set_note (p, note);
      add_consent (consents, NST_CONSENT_PROCESSING, "2025-09-01", "", "");
      save_ok (store, p, consents);
    }
  g_assert_true (nst_store_commit (store, &error));
  g_assert_no_error (error);

  list = nst_store_list_participants (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, count);
  g_assert_cmpint (count_ok (store), ==, count);
  g_assert_cmpint (raw_int (nst_store_get_db (store), "SELECT count(*) FROM consent"), ==, count);
}

/* The cache gives right rows twice, a fresh statement to a nested use of
 * the same SQL, a working statement after an error, and a clean close. */
#define CACHE_SQL "SELECT x FROM cache_t WHERE x >= ? ORDER BY x"

static int
cached_sum (NstStore *store,
            int       from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstStmt) s = nst_store_prepare_cached (store, CACHE_SQL, &error);
  int sum = 0;

  g_assert_no_error (error);
  sqlite3_bind_int (s->stmt, 1, from);
  while (sqlite3_step (s->stmt) == SQLITE_ROW)
    sum += sqlite3_column_int (s->stmt, 0);
  return sum;
}

static void
test_statement_cache (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(NstStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  int nested = 0;

  g_assert_true (nst_store_exec (store, "CREATE TABLE cache_t (x INTEGER UNIQUE);"
                                 "INSERT INTO cache_t VALUES (1), (2), (3)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cached_sum (store, 1), ==, 6);
  g_assert_cmpint (cached_sum (store, 2), ==, 5);
  {
    g_autoptr(NstStmt) outer = nst_store_prepare_cached (store, CACHE_SQL, &error);

    sqlite3_bind_int (outer->stmt, 1, 1);
    while (sqlite3_step (outer->stmt) == SQLITE_ROW)
      nested += sqlite3_column_int (outer->stmt, 0) * cached_sum (store, 3);
  }
  g_assert_cmpint (nested, ==, 18);
  g_assert_cmpint (cached_sum (store, 1), ==, 6);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(NstStmt) ins =
        nst_store_prepare_cached (store, "INSERT INTO cache_t VALUES (?)", &error);

      sqlite3_bind_int (ins->stmt, 1, 3);
      g_assert_false (nst_store_step_done (store, ins->stmt, &error));
      g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  {
    g_autoptr(NstStmt) ins =
      nst_store_prepare_cached (store, "INSERT INTO cache_t VALUES (?)", &error);

    sqlite3_bind_int (ins->stmt, 1, 4);
    g_assert_true (nst_store_step_done (store, ins->stmt, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (cached_sum (store, 1), ==, 10);
  /* Closing with statements in the cache: leak detection would tell. */
  g_clear_object (&store);
  store = open_store (f->path);
  g_assert_cmpint (cached_sum (store, 4), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* Fixed for direct runs too: validation compares dates with today. */
  g_setenv ("NST_TODAY", TODAY, TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  /* A failed check goes on to the next test; helpers that cannot go on
   * (opening a store, raw SQL) stay fatal. */
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open/not-empty-with-roadmap", test_open_not_empty_with_roadmap);
  ADD ("/store/open/new", test_open_new);
  ADD ("/store/open/foreign-keys", test_open_foreign_keys);
  ADD ("/store/open/again", test_open_again);
  ADD ("/store/open/empty-file", test_open_empty_file);
  ADD ("/store/open/makes-private", test_open_makes_private);
  ADD ("/store/open/migrate-from-each-version", test_migrate_from_each_version);
  ADD ("/store/open/migrate-3-to-4", test_migrate_3_to_4);
  ADD ("/store/school/round-trip", test_school_round_trip);
  ADD ("/store/school/curator", test_school_curator);
  ADD ("/store/participant/list-async", test_participant_list_async);
  ADD ("/store/participant/mark-consents", test_participant_mark_consents);
  ADD ("/store/participant/round-trip", test_participant_round_trip);
  ADD ("/store/statement-cache", test_statement_cache);
  ADD ("/store/participant/enums", test_participant_enums);
  ADD ("/store/participant/update", test_participant_update);
  ADD ("/store/participant/delete", test_participant_delete);
  ADD ("/store/participant/undo-delete", test_participant_undo_delete);
  ADD ("/store/participant/archive", test_participant_archive);
  ADD ("/store/participant/referenced", test_participant_referenced);
  ADD ("/store/consents/missing", test_consents_missing);
  ADD ("/store/validation/refused", test_validation_refused);
  ADD ("/store/validation/representative-age", test_validation_representative_age);
  ADD ("/store/validation/update-refused", test_validation_update_refused);
  g_test_add_func ("/store/validation/fields/required", test_validation_fields_required);
  g_test_add_func ("/store/validation/fields/names", test_validation_fields_names);
  g_test_add_func ("/store/validation/fields/dates", test_validation_fields_dates);
  g_test_add_func ("/store/validation/school-fields", test_validation_school_fields);
  ADD ("/store/bad-file/too-new", test_bad_too_new);
  ADD ("/store/bad-file/garbage", test_bad_garbage);
  ADD ("/store/bad-file/damaged-pages", test_bad_damaged_pages);
  ADD ("/store/bad-file/damaged-after-backup", test_bad_damaged_after_backup);
  ADD ("/store/bad-file/foreign-database", test_bad_foreign_database);
  ADD ("/store/bad-file/read-only", test_bad_read_only);
  ADD ("/store/bad-file/locked", test_bad_locked);
  ADD ("/store/bad-file/no-directory", test_bad_no_directory);
  ADD ("/store/bad-file/folder", test_bad_folder);
  ADD ("/store/backup/keeps-last", test_backup_keeps_last);
  ADD ("/store/backup/same-second", test_backup_same_second);
  ADD ("/store/backup/daily", test_backup_daily);
  ADD ("/store/backup/restorable", test_backup_restorable);
  ADD ("/store/backup/to-chosen-file", test_backup_to_chosen_file);
  ADD ("/store/bulk", test_bulk);

#undef ADD

  return g_test_run ();
}
