/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import of participants from CSV and export to CSV and XLSX: the reader
 * on real files in each encoding and delimiter (tests/csv/, written as
 * bytes), the recognition of columns, each kind of invalid row,
 * duplicates, all-or-nothing, and a round trip export → import. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "io/nst-csv-reader.h"
#include "io/nst-csv-writer.h"
#include "io/nst-export-participants.h"
#include "io/nst-import-plan.h"
#include "io/nst-sheet-reader.h"
#include "demo/nst-demo.h"
#include "store/nst-store-private.h"

#define TODAY "2025-11-15"

typedef struct
{
  char *dir;
  NstStore *store;
} Fixture;

/* ---- helpers ------------------------------------------------------------- */

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static NstStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  NstStore *store = nst_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("nst-test-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = open_store (f->dir, "nastavnik.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_free (f->dir);
}

static char *
csv_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "csv", name, NULL);
}

static GBytes *
read_sample (const char *name)
{
  g_autofree char *path = csv_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static NstImportPlan *
plan_for_sample (const char *name)
{
  g_autofree char *path = csv_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NstImportPlan *plan = nst_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static NstImportPlan *
plan_for_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  NstImportPlan *plan = nst_import_plan_new_for_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* (transfer none): the plan keeps its rows. */
static NstImportRow *
row_at (NstImportPlan *plan,
        guint          i)
{
  GListModel *rows = nst_import_plan_get_rows (plan);
  g_autoptr(NstImportRow) row = NULL;

  g_assert_cmpuint (i, <, g_list_model_get_n_items (rows));
  row = g_list_model_get_item (rows, i);
  return row;
}

static NstParticipant *
participant_at (NstImportPlan *plan,
                guint          i)
{
  return nst_import_row_get_participant (row_at (plan, i));
}

static guint
n_rows (NstImportPlan *plan)
{
  return g_list_model_get_n_items (nst_import_plan_get_rows (plan));
}

static void
set_registry (NstImportPlan *plan,
              NstStore      *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) registry = nst_store_list_participants (store, &error);

  g_assert_no_error (error);
  nst_import_plan_set_existing (plan, G_LIST_MODEL (registry));
}

static NstImportCounts
commit_ok (NstImportPlan *plan,
           NstStore      *store)
{
  g_autoptr(GError) error = NULL;
  NstImportCounts counts = { 99, 99, 99 };

  g_assert_true (nst_import_plan_can_commit (plan));
  nst_import_plan_commit (plan, store, NULL, NULL, NULL, &counts, &error);
  g_assert_no_error (error);
  return counts;
}

static gint64
count (NstStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = nst_store_count_participants (store, &error);

  g_assert_no_error (error);
  return n;
}

/* Every field but the id, one line a participant, in a stable order. */
static char *
dump_participant (NstParticipant *p)
{
  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%d|%d|%d|%s|%s|%s|%s|%s|%s|%d",
                          nst_participant_get_surname (p), nst_participant_get_name (p),
                          nst_participant_get_patronymic (p),
                          nst_category_to_code (nst_participant_get_category (p)),
                          nst_participant_get_post (p), nst_participant_get_class_name (p),
                          nst_participant_get_subjects (p), nst_participant_get_birth_date (p),
                          nst_participant_get_teaching_since (p),
                          nst_participant_get_mentoring_since (p),
                          nst_qualification_to_code (nst_participant_get_qualification (p)),
                          nst_participant_get_young_specialist (p),
                          nst_participant_get_is_mentor (p), nst_participant_get_is_mentee (p),
                          nst_participant_get_request (p), nst_participant_get_competences (p),
                          nst_participant_get_email (p), nst_participant_get_phone (p),
                          nst_participant_get_contact (p), nst_participant_get_note (p),
                          nst_participant_get_archived (p));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static GPtrArray *
dump_registry (NstStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = nst_store_list_participants (store, &error);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_ptr_array_add (lines, dump_participant (p));
    }
  g_ptr_array_sort (lines, compare_strings);
  return lines;
}

static void
assert_same_registry (NstStore *a,
                      NstStore *b)
{
  g_autoptr(GPtrArray) da = dump_registry (a);
  g_autoptr(GPtrArray) db = dump_registry (b);

  g_assert_cmpuint (da->len, ==, db->len);
  for (guint i = 0; i < da->len; i++)
    g_assert_cmpstr (g_ptr_array_index (da, i), ==, g_ptr_array_index (db, i));
}

static NstParticipant *
find_participant (NstStore   *store,
                  const char *surname)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = nst_store_list_participants (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_str_equal (nst_participant_get_surname (p), surname))
        return g_steal_pointer (&p);
    }
  g_error ("no participant %s", surname);
}

/* ---- the reader ---------------------------------------------------------- */

/* The four people of the sample files, whatever the encoding. */
static void
check_sample_rows (NstImportPlan *plan)
{
  NstParticipant *p;

  g_assert_cmpuint (n_rows (plan), ==, 4);
  g_assert_cmpuint (nst_import_plan_count (plan, NST_IMPORT_ROW_NEW), ==, 4);
  g_assert_cmpuint (nst_import_plan_get_n_unknown_columns (plan), ==, 0);

  p = participant_at (plan, 0);
  g_assert_cmpuint (nst_import_row_get_line (row_at (plan, 0)), ==, 2);
  g_assert_cmpstr (nst_participant_get_surname (p), ==, "Ёжикова");
  g_assert_cmpstr (nst_participant_get_name (p), ==, "Алёна");
  g_assert_cmpstr (nst_participant_get_patronymic (p), ==, "Петровна");
  g_assert_cmpint (nst_participant_get_category (p), ==, NST_CATEGORY_TEACHER);
  g_assert_cmpstr (nst_participant_get_post (p), ==, "Учитель математики");
  g_assert_cmpstr (nst_participant_get_subjects (p), ==, "Математика; алгебра, геометрия");
  g_assert_cmpstr (nst_participant_get_birth_date (p), ==, "1985-03-12");
  g_assert_cmpstr (nst_participant_get_teaching_since (p), ==, "2013-11-15");
  g_assert_cmpint (nst_participant_get_qualification (p), ==, NST_QUALIFICATION_HIGHEST);
  g_assert_cmpstr (nst_participant_get_email (p), ==, "ezhikova@school.ru");
  g_assert_cmpstr (nst_participant_get_phone (p), ==, "+7 900 123-45-67");
  g_assert_cmpstr (nst_participant_get_note (p), ==, "Наставник \"со стажем\"\nвторая строка");

  /* The quoted line break moved the next record down a line. */
  g_assert_cmpuint (nst_import_row_get_line (row_at (plan, 1)), ==, 4);
  p = participant_at (plan, 1);
  g_assert_cmpstr (nst_participant_get_surname (p), ==, "Смирнов");
  g_assert_cmpint (nst_participant_get_category (p), ==, NST_CATEGORY_STUDENT);
  g_assert_cmpstr (nst_participant_get_class_name (p), ==, "7Б");
  g_assert_cmpstr (nst_participant_get_birth_date (p), ==, "2012-05-01");

  p = participant_at (plan, 2);
  g_assert_cmpint (nst_participant_get_category (p), ==, NST_CATEGORY_HEAD);
  g_assert_cmpint (nst_participant_get_qualification (p), ==, NST_QUALIFICATION_FIRST);
  g_assert_cmpstr (nst_participant_get_note (p), ==, "Примечание, с запятой");

  p = participant_at (plan, 3);
  g_assert_cmpstr (nst_participant_get_surname (p), ==, "Д'Артаньян");
  g_assert_cmpint (nst_participant_get_category (p), ==, NST_CATEGORY_PARTNER);
}

static void
test_csv_samples (void)
{
  static const struct {
    const char *name;
    NstCsvEncoding encoding;
    char delimiter;
  } samples[] = {
    { "utf8-semicolon-lf.csv", NST_CSV_ENCODING_UTF8, ';' },
    { "utf8-bom-comma-crlf.csv", NST_CSV_ENCODING_UTF8_BOM, ',' },
    { "cp1251-semicolon-crlf.csv", NST_CSV_ENCODING_CP1251, ';' },
    { "utf8-tab.csv", NST_CSV_ENCODING_UTF8, '\t' },
    { "utf16le-tab.csv", NST_CSV_ENCODING_UTF16, '\t' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(GBytes) bytes = read_sample (samples[i].name);
      g_autoptr(GError) error = NULL;
      g_autoptr(NstCsvTable) table = NULL;
      g_autoptr(NstImportPlan) plan = NULL;
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      g_test_message ("%s", samples[i].name);
      table = nst_csv_table_parse (data, length, &error);
      g_assert_no_error (error);
      g_assert_cmpint (nst_csv_table_get_encoding (table), ==, samples[i].encoding);
      g_assert_cmpint (nst_csv_table_get_delimiter (table), ==, samples[i].delimiter);
      g_assert_cmpuint (nst_csv_table_get_n_rows (table), ==, 5);
      plan = plan_for_sample (samples[i].name);
      check_sample_rows (plan);
    }
}

static NstCsvTable *
parse_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  NstCsvTable *table = nst_csv_table_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return table;
}

static void
test_csv_quoting (void)
{
  g_autoptr(NstCsvTable) table =
    parse_text ("Фамилия;Имя;Примечание\r\n"
                "  Иванов ; Иван ;\"a;b \"\"c\"\"\r\nd\"\n"
                "\n"
                "   \n"
                "Петров;Пётр;\" keep \"\r"
                "Сидоров;\"Ёж\" ;x;лишнее\n"
                "Короткий");
  g_autoptr(NstCsvTable) commas = parse_text ("Фамилия,\"Имя;Отчество;Класс\",Класс\nА,Б,В\n");
  g_autoptr(NstCsvTable) single = parse_text ("Фамилия\nИванов\n");

  g_assert_cmpuint (nst_csv_table_get_n_rows (table), ==, 5);
  g_assert_cmpstr (nst_csv_table_get_field (table, 1, 0), ==, "Иванов");
  g_assert_cmpstr (nst_csv_table_get_field (table, 1, 1), ==, "Иван");
  g_assert_cmpstr (nst_csv_table_get_field (table, 1, 2), ==, "a;b \"c\"\nd");
  g_assert_cmpuint (nst_csv_table_get_line (table, 1), ==, 2);
  /* Blank lines are no rows but still count as lines. */
  g_assert_cmpuint (nst_csv_table_get_line (table, 2), ==, 6);
  g_assert_cmpstr (nst_csv_table_get_field (table, 2, 2), ==, " keep ");
  g_assert_cmpuint (nst_csv_table_get_line (table, 3), ==, 7);
  g_assert_cmpstr (nst_csv_table_get_field (table, 3, 1), ==, "Ёж");
  g_assert_cmpuint (nst_csv_table_get_n_fields (table, 3), ==, 4);
  g_assert_cmpstr (nst_csv_table_get_field (table, 4, 0), ==, "Короткий");
  g_assert_cmpstr (nst_csv_table_get_field (table, 4, 2), ==, "");

  /* Delimiters inside quotes do not count. */
  g_assert_cmpint (nst_csv_table_get_delimiter (commas), ==, ',');
  g_assert_cmpstr (nst_csv_table_get_field (commas, 0, 1), ==, "Имя;Отчество;Класс");
  g_assert_cmpint (nst_csv_table_get_delimiter (single), ==, ';');
  g_assert_cmpstr (nst_csv_table_get_field (single, 1, 0), ==, "Иванов");
}

static void
assert_unreadable (const char  *data,
                   gsize        length,
                   GQuark       domain,
                   int          code,
                   const char  *fragment)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(NstImportPlan) plan = nst_import_plan_new_for_bytes (bytes, &error);

  g_assert_null (plan);
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
}

static void
assert_sample_unreadable (const char *name,
                          int         code,
                          const char *fragment)
{
  g_autoptr(GBytes) bytes = read_sample (name);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  assert_unreadable (data, length, NST_CSV_ERROR, code, fragment);
}

static void
test_csv_unreadable (void)
{
  g_autofree char *path = csv_path ("bad-unterminated.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NstImportPlan) plan = NULL;

  assert_sample_unreadable ("bad-binary.csv", NST_CSV_ERROR_BINARY, "Line 1:");
  assert_sample_unreadable ("bad-unterminated.csv", NST_CSV_ERROR_UNTERMINATED_QUOTE, "Line 3:");
  assert_sample_unreadable ("bad-encoding.csv", NST_CSV_ERROR_ENCODING, "Line 3:");
  assert_unreadable ("A;B\nC;D\n\0\0", 10, NST_CSV_ERROR, NST_CSV_ERROR_BINARY, "Line 3:");
  assert_unreadable ("\xFF\xFE" "A\0;\0B", 7, NST_CSV_ERROR, NST_CSV_ERROR_ENCODING, NULL);
  assert_unreadable ("\xFF\xFE" "A\0\0\0", 6, NST_CSV_ERROR, NST_CSV_ERROR_BINARY, NULL);
  assert_unreadable ("\xEF\xBB\xBF" "A;\xC3", 6, NST_CSV_ERROR, NST_CSV_ERROR_ENCODING, "Line 1:");
  assert_unreadable ("", 0, NST_IMPORT_ERROR, NST_IMPORT_ERROR_EMPTY, NULL);
  assert_unreadable ("\xEF\xBB\xBF\r\n\r\n", 7, NST_IMPORT_ERROR, NST_IMPORT_ERROR_EMPTY, NULL);

  /* From a file, the message names it. */
  plan = nst_import_plan_new_for_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, NST_CSV_ERROR, NST_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_true (g_str_has_prefix (error->message, "bad-unterminated.csv: "));
}

/* Every file under tests/csv/, the fuzzer's crashes included, is read or
 * refused with a message: never a crash. */
static void
test_csv_every_file (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) file_error = NULL;
      g_autoptr(NstImportPlan) plan = NULL;

      if (name[0] == '.')
        continue;
      bytes = read_sample (name);
      plan = nst_import_plan_new_for_bytes (bytes, &file_error);

      g_assert_true ((plan == NULL) != (file_error == NULL));
      if (plan == NULL)
        g_assert_true (file_error->domain == NST_CSV_ERROR || file_error->domain == NST_IMPORT_ERROR);
      g_assert_true (!g_str_has_prefix (name, "bad-") || plan == NULL);
      n++;
    }
  g_assert_cmpuint (n, >=, 10);
}

/* ---- columns ------------------------------------------------------------- */

static void
test_columns_headers (void)
{
  static const struct {
    const char *header;
    NstImportField field;
  } headers[] = {
    { "Фамилия", NST_IMPORT_FIELD_SURNAME },
    { "  ФАМИЛИЯ ", NST_IMPORT_FIELD_SURNAME },
    { "Last name", NST_IMPORT_FIELD_SURNAME },
    { "surname", NST_IMPORT_FIELD_SURNAME },
    { "имя", NST_IMPORT_FIELD_NAME },
    { "Отчество", NST_IMPORT_FIELD_PATRONYMIC },
    { "Ф.И.О.", NST_IMPORT_FIELD_FULL_NAME },
    { "full_name", NST_IMPORT_FIELD_FULL_NAME },
    { "Категория", NST_IMPORT_FIELD_CATEGORY },
    { "Должность", NST_IMPORT_FIELD_POST },
    { "КЛАСС", NST_IMPORT_FIELD_CLASS_NAME },
    { "Предмет", NST_IMPORT_FIELD_SUBJECTS },
    { "Предметы", NST_IMPORT_FIELD_SUBJECTS },
    { "Дата рождения", NST_IMPORT_FIELD_BIRTH_DATE },
    { "birth_date", NST_IMPORT_FIELD_BIRTH_DATE },
    { "Педагогический стаж с", NST_IMPORT_FIELD_TEACHING_SINCE },
    { "teaching_since", NST_IMPORT_FIELD_TEACHING_SINCE },
    { "Педагогический стаж", NST_IMPORT_FIELD_TEACHING_YEARS },
    { "Педагогический стаж, лет", NST_IMPORT_FIELD_TEACHING_YEARS },
    { "Стаж наставничества с", NST_IMPORT_FIELD_MENTORING_SINCE },
    { "Стаж наставничества", NST_IMPORT_FIELD_MENTORING_YEARS },
    { "Квалификационная категория", NST_IMPORT_FIELD_QUALIFICATION },
    { "E-mail", NST_IMPORT_FIELD_EMAIL },
    { "EMAIL", NST_IMPORT_FIELD_EMAIL },
    { "Эл. почта", NST_IMPORT_FIELD_EMAIL },
    { "Телефон", NST_IMPORT_FIELD_PHONE },
    { "Примечание", NST_IMPORT_FIELD_NOTE },
    { "Молодой специалист", NST_IMPORT_FIELD_YOUNG_SPECIALIST },
    { "Роль", NST_IMPORT_FIELD_ROLE },
    { "В архиве", NST_IMPORT_FIELD_ARCHIVED },
    { "Табельный номер", NST_IMPORT_FIELD_NONE },
    { "", NST_IMPORT_FIELD_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_test_message ("%s", headers[i].header);
      g_assert_cmpint (nst_import_field_from_header (headers[i].header), ==, headers[i].field);
    }
  /* Each field's own header is recognised as itself. */
  for (NstImportField f = NST_IMPORT_FIELD_NONE + 1; f < NST_IMPORT_N_FIELDS; f++)
    g_assert_cmpint (nst_import_field_from_header (nst_import_field_header (f)), ==, f);
}

static void
test_columns_full_name (void)
{
  g_autoptr(NstImportPlan) plan = plan_for_sample ("fio-column.csv");
  NstParticipant *p;

  g_assert_cmpuint (nst_import_plan_get_n_columns (plan), ==, 7);
  g_assert_cmpint (nst_import_plan_get_column_field (plan, 0), ==, NST_IMPORT_FIELD_FULL_NAME);
  g_assert_cmpint (nst_import_plan_get_column_field (plan, 2), ==, NST_IMPORT_FIELD_CLASS_NAME);
  g_assert_cmpint (nst_import_plan_get_column_field (plan, 3), ==, NST_IMPORT_FIELD_BIRTH_DATE);
  g_assert_cmpint (nst_import_plan_get_column_field (plan, 6), ==, NST_IMPORT_FIELD_NONE);
  g_assert_false (nst_import_plan_get_column_known (plan, 6));
  g_assert_true (nst_import_plan_get_column_known (plan, 0));
  g_assert_cmpuint (nst_import_plan_get_n_unknown_columns (plan), ==, 1);
  g_assert_cmpstr (nst_import_plan_get_column_header (plan, 6), ==, "Табельный номер");
  g_assert_true (nst_import_plan_check_columns (plan, NULL));

  p = participant_at (plan, 0);
  g_assert_cmpstr (nst_participant_get_surname (p), ==, "Иванова");
  g_assert_cmpstr (nst_participant_get_name (p), ==, "Мария");
  g_assert_cmpstr (nst_participant_get_patronymic (p), ==, "Петровна");
  g_assert_cmpstr (nst_participant_get_teaching_since (p), ==, "2001-09-01");
  g_assert_cmpstr (nst_participant_get_email (p), ==, "ivanova@school.ru");
  p = participant_at (plan, 1);
  g_assert_cmpstr (nst_participant_get_patronymic (p), ==, "Гусейн оглы");
  p = participant_at (plan, 2);
  g_assert_cmpstr (nst_participant_get_patronymic (p), ==, "");
  g_assert_cmpint (nst_participant_get_category (p), ==, NST_CATEGORY_STUDENT);
  g_assert_cmpstr (nst_participant_get_class_name (p), ==, "5А");
  g_assert_cmpuint (nst_import_plan_count (plan, NST_IMPORT_ROW_INVALID), ==, 0);
}

/* Without a «Молодой специалист» column, a teacher in the first three
 * years of work is suggested as one; a column that says so is obeyed. */
static void
test_young_specialist_suggested (void)
{
  g_autoptr(NstImportPlan) plan =
    plan_for_text ("Фамилия;Имя;Должность;Педагогический стаж с\n"
                   "Новикова;Анна;учитель;01.09.2024\n"
                   "Старова;Вера;учитель;01.09.2001\n"
                   "Петров;Пётр;учитель;\n");
  g_autoptr(NstImportPlan) told =
    plan_for_text ("Фамилия;Имя;Должность;Педагогический стаж с;Молодой специалист\n"
                   "Новикова;Анна;учитель;01.09.2024;нет\n");

  g_assert_true (nst_participant_get_young_specialist (participant_at (plan, 0)));
  g_assert_false (nst_participant_get_young_specialist (participant_at (plan, 1)));
  g_assert_false (nst_participant_get_young_specialist (participant_at (plan, 2)));
  g_assert_false (nst_participant_get_young_specialist (participant_at (told, 0)));
}

/* A school's list numbers its rows: «№ п/п» and its kin are known columns
 * that hold nothing to import. */
static void
test_columns_row_number (void)
{
  static const char *const headers[] = { "№ п/п", "№", "N", "No.", "#", "п/п", "Номер", "N п/п" };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s;Фамилия;Имя;Должность\n1;Иванова;Мария;учитель\n", headers[i]);
      g_autoptr(NstImportPlan) plan = plan_for_text (text);

      g_assert_true (nst_import_plan_get_column_known (plan, 0));
      g_assert_cmpuint (nst_import_plan_get_n_unknown_columns (plan), ==, 0);
      g_assert_cmpint (nst_import_plan_get_column_field (plan, 0), ==, NST_IMPORT_FIELD_NONE);
      g_assert_cmpstr (nst_participant_get_surname (participant_at (plan, 0)), ==, "Иванова");
    }
  g_assert_false (nst_import_header_is_row_number ("Номер телефона"));
  g_assert_false (nst_import_header_is_row_number ("Наставник"));
}

/* A school's list opens with its title and a blank line: the header is
 * found below them, and the rows keep the lines the user sees. A file
 * whose first rows name no two known columns keeps its first as header. */
static void
test_columns_title_rows (void)
{
  g_autoptr(NstImportPlan) titled = plan_for_text (
    "Список педагогических работников МАОУ «СОШ № 1»;;\n"
    ";;\n"
    "Примечание;;\n"
    "Фамилия;Имя;Должность\n"
    "Иванова;Мария;учитель\n");
  g_autoptr(NstImportPlan) plain = plan_for_text ("Фамилия;Кабинет\nИванова;12\n");
  g_autoptr(NstImportPlan) late = NULL;
  GString *text = g_string_new (NULL);

  g_assert_cmpuint (nst_import_plan_get_n_columns (titled), ==, 3);
  g_assert_cmpint (nst_import_plan_get_column_field (titled, 0), ==, NST_IMPORT_FIELD_SURNAME);
  g_assert_cmpuint (g_list_model_get_n_items (nst_import_plan_get_rows (titled)), ==, 1);
  g_assert_cmpstr (nst_participant_get_surname (participant_at (titled, 0)), ==, "Иванова");
  g_assert_cmpuint (nst_import_row_get_line (row_at (titled, 0)), ==, 5);

  /* One known column is not enough to pass rows over. */
  g_assert_cmpint (nst_import_plan_get_column_field (plain, 0), ==, NST_IMPORT_FIELD_SURNAME);
  g_assert_cmpuint (nst_import_row_get_line (row_at (plain, 0)), ==, 2);

  /* Nor is a header below the tenth row looked for. */
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (text, "Строка %u;x\n", i);
  g_string_append (text, "Фамилия;Имя\nИванова;Мария\n");
  late = plan_for_text (text->str);
  g_string_free (text, TRUE);
  g_assert_cmpstr (nst_import_plan_get_column_header (late, 0), ==, "Строка 0");
}

/* A spreadsheet's reader fills the table row by row; a row of empty cells
 * is none, as a blank line is none in CSV. */
static void
test_sheet_table_builder (void)
{
  g_autoptr(NstCsvTable) table = nst_csv_table_new ();
  const char *const header[] = { "Фамилия", "Имя" };
  const char *const blank[] = { "", NULL, "" };
  const char *const row[] = { "Иванова", "Мария", "", "x" };

  nst_csv_table_add_row (table, header, G_N_ELEMENTS (header), 3);
  nst_csv_table_add_row (table, blank, G_N_ELEMENTS (blank), 4);
  for (guint i = 0; i < 100; i++)
    nst_csv_table_add_row (table, row, G_N_ELEMENTS (row), 5 + i);
  g_assert_cmpuint (nst_csv_table_get_n_rows (table), ==, 101);
  g_assert_cmpuint (nst_csv_table_get_line (table, 0), ==, 3);
  g_assert_cmpuint (nst_csv_table_get_line (table, 1), ==, 5);
  g_assert_cmpuint (nst_csv_table_get_n_fields (table, 100), ==, 4);
  g_assert_cmpstr (nst_csv_table_get_field (table, 0, 1), ==, "Имя");
  g_assert_cmpstr (nst_csv_table_get_field (table, 0, 2), ==, "");
  g_assert_cmpstr (nst_csv_table_get_field (table, 100, 0), ==, "Иванова");
  g_assert_cmpstr (nst_csv_table_get_field (table, 100, 3), ==, "x");
}

static void
assert_serial (double      serial,
               gboolean    date1904,
               const char *expected)
{
  g_autofree char *date = nst_sheet_date_from_serial (serial, date1904);

  g_assert_cmpstr (date, ==, expected);
}

/* Excel's day numbers: from 01.01.1900 as 1, with the 29.02.1900 Lotus
 * 1-2-3 had (serial 60) so that every later day is one more; or from
 * 01.01.1904 as 0. A fraction is the time of day. */
/* An XLS whose directory names are longer than their 64 bytes (found by
 * fuzz-sheets: libfreexl would read past them) is damaged, said so, and
 * the real file it was made from still reads. The corpus files carry the
 * fuzzer's mode byte before the file itself. */
static void
test_sheet_damaged_directory (void)
{
  static const char *const names[] = {
    "damaged-directory-1.xls", "damaged-directory-2.xls", "damaged-directory-3.xls",
    "damaged-directory-4.xls", "raw-libreoffice.xls",
  };
  g_autofree char *dir = g_dir_make_tmp ("nst-xls-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fuzz-corpus", "sheets", names[i], NULL);
      g_autofree char *path = g_build_filename (dir, "list.xls", NULL);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(NstCsvTable) table = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (corpus, &data, &length, NULL));
      g_assert_true (g_file_set_contents (path, data + 1, length - 1, NULL));
      table = nst_sheet_table_read_file (path, &error);
      if (i + 1 < G_N_ELEMENTS (names))
        {
          g_assert_null (table);
          g_assert_error (error, NST_SHEET_ERROR, NST_SHEET_ERROR_DAMAGED);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpuint (nst_csv_table_get_n_rows (table), >=, 3);
        }
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_sheet_date_serial (void)
{
  assert_serial (1, FALSE, "01.01.1900");
  assert_serial (59, FALSE, "28.02.1900");
  assert_serial (60, FALSE, "29.02.1900");
  assert_serial (61, FALSE, "01.03.1900");
  assert_serial (31118, FALSE, "12.03.1985");
  assert_serial (45976.75, FALSE, "15.11.2025");
  assert_serial (2958465, FALSE, "31.12.9999");
  assert_serial (0, FALSE, NULL);
  assert_serial (-1, FALSE, NULL);
  assert_serial (2958466, FALSE, NULL);
  assert_serial (NAN, FALSE, NULL);

  assert_serial (0, TRUE, "01.01.1904");
  assert_serial (59, TRUE, "29.02.1904");
  assert_serial (31118 - 1462, TRUE, "12.03.1985");
  assert_serial (44514.5, TRUE, "15.11.2025");
  assert_serial (-1, TRUE, NULL);
}

/* A field of a megabyte is a broken file: the row is refused with its
 * column and why; a line of thousands of columns refuses the file. */
static void
test_size_limits (void)
{
  GString *text = g_string_new ("Фамилия;Имя;Должность;Примечание\n");
  g_autoptr(NstImportPlan) plan = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  NstImportRow *row;

  g_string_append (text, "Иванова;");
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, ";учитель;\nПетрова;Анна;учитель;");
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "ж");   /* a long note is a note */
  g_string_append (text, "\n");
  plan = plan_for_text (text->str);
  row = row_at (plan, 0);
  g_assert_cmpint (nst_import_row_get_status (row), ==, NST_IMPORT_ROW_INVALID);
  g_assert_cmpstr (nst_import_row_get_problem_column (row, 0), ==, "Имя");
  g_assert_nonnull (strstr (nst_import_row_get_problem_reason (row, 0), "1048576"));
  g_assert_cmpint (nst_import_row_get_status (row_at (plan, 1)), !=, NST_IMPORT_ROW_INVALID);

  g_string_assign (text, "Фамилия");
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, ";x");
  bytes = g_bytes_new (text->str, text->len);
  g_assert_null (nst_import_plan_new_for_bytes (bytes, &error));
  g_assert_error (error, NST_CSV_ERROR, NST_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "1000"));
  g_string_free (text, TRUE);
}

static void
test_columns_map (void)
{
  g_autoptr(NstImportPlan) plan =
    plan_for_text ("Сотрудник;Имя;Мобильный;Шифр;Второе имя\n"
                   "Иванов;Иван;+7 900 1;A1;Пётр\n");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (nst_import_plan_get_n_unknown_columns (plan), ==, 4);
  g_assert_false (nst_import_plan_check_columns (plan, &error));
  g_assert_error (error, NST_IMPORT_ERROR, NST_IMPORT_ERROR_NO_NAME_COLUMN);
  g_assert_false (nst_import_plan_can_commit (plan));

  nst_import_plan_map_column (plan, 0, NST_IMPORT_FIELD_SURNAME);
  nst_import_plan_map_column (plan, 2, NST_IMPORT_FIELD_PHONE);
  g_assert_true (nst_import_plan_check_columns (plan, NULL));
  g_assert_cmpuint (nst_import_plan_get_n_unknown_columns (plan), ==, 2);
  g_assert_cmpstr (nst_participant_get_surname (participant_at (plan, 0)), ==, "Иванов");
  g_assert_cmpstr (nst_participant_get_phone (participant_at (plan, 0)), ==, "+7 900 1");

  /* Ignored: known, and its text not used. */
  nst_import_plan_map_column (plan, 3, NST_IMPORT_FIELD_NONE);
  g_assert_true (nst_import_plan_get_column_known (plan, 3));
  g_assert_cmpuint (nst_import_plan_get_n_unknown_columns (plan), ==, 1);

  /* A field has one column: the former one is then ignored. */
  nst_import_plan_map_column (plan, 4, NST_IMPORT_FIELD_NAME);
  g_assert_cmpint (nst_import_plan_get_column_field (plan, 1), ==, NST_IMPORT_FIELD_NONE);
  g_assert_cmpstr (nst_participant_get_name (participant_at (plan, 0)), ==, "Пётр");
  g_assert_cmpuint (nst_import_plan_get_n_unknown_columns (plan), ==, 0);
  g_assert_true (nst_import_plan_can_commit (plan));
}

/* ---- values -------------------------------------------------------------- */

/* A student's class in the «Должность» column, or in «Должность/класс»,
 * is the class; a post that is not a class stays the post, and a teacher
 * keeps «8Б» as written. */
static void
test_class_in_post_column (void)
{
  static const char *const headers[] = { "Должность", "Должность/класс", "Должность (класс)" };

  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    {
      g_autofree char *text = g_strdup_printf ("Фамилия;Имя;Категория;%s;Дата рождения\n"
                                               "Новикова;Дарья;Обучающийся;8Б;01.09.2011\n"
                                               "Новиков;Илья;обучающийся;11 а;02.03.2008\n"
                                               "Петрова;Анна;Педагог;Учитель;\n"
                                               "Сидоров;Иван;Обучающийся;староста;03.04.2012\n"
                                               "Кузнецова;Ольга;Педагог;8Б;\n", headers[h]);
      g_autoptr(NstImportPlan) plan = plan_for_text (text);
      NstParticipant *p;

      g_assert_cmpint (nst_import_plan_get_column_field (plan, 3), ==, NST_IMPORT_FIELD_POST);
      g_assert_cmpuint (nst_import_plan_get_n_unknown_columns (plan), ==, 0);
      p = participant_at (plan, 0);
      g_assert_cmpstr (nst_participant_get_class_name (p), ==, "8Б");
      g_assert_cmpstr (nst_participant_get_post (p), ==, "");
      g_assert_cmpint (nst_import_row_get_status (row_at (plan, 0)), ==, NST_IMPORT_ROW_NEW);
      g_assert_cmpstr (nst_participant_get_class_name (participant_at (plan, 1)), ==, "11 а");
      g_assert_cmpint (nst_import_row_get_status (row_at (plan, 1)), ==, NST_IMPORT_ROW_NEW);
      g_assert_cmpstr (nst_participant_get_post (participant_at (plan, 2)), ==, "Учитель");
      /* Not a class: the student still needs one. */
      g_assert_cmpint (nst_import_row_get_status (row_at (plan, 3)), ==, NST_IMPORT_ROW_INVALID);
      g_assert_cmpstr (nst_import_row_get_problem_column (row_at (plan, 3), 0), ==, "Класс");
      p = participant_at (plan, 4);
      g_assert_cmpstr (nst_participant_get_post (p), ==, "8Б");
      g_assert_cmpstr (nst_participant_get_class_name (p), ==, "");
    }
}

static void
test_values (void)
{
  g_autoptr(NstImportPlan) plan =
    plan_for_text ("Фамилия;Имя;Категория;Квалификационная категория;Роль;Молодой специалист;"
                   "Педагогический стаж с;Педагогический стаж;Стаж наставничества;Телефон;Примечание\n"
                   "Первый;Иван;ПЕДАГОГ;Первая квалификационная категория;наставник;да;;12 лет;3 года;'+7 900;'=СУММ(A1)\n"
                   "Второй;Иван;Партнер;СЗД;Наставляемый;нет;01.09.2001;12;;;'-\n"
                   "Третий;Иван;руководитель;высшая;наставник, наставляемый;Yes;;0;01.09.2020;;'Кавычка\n"
                   "Четвёртый;Иван;teacher;без категории;;;;;;;\n");
  NstParticipant *p;

  g_assert_cmpuint (nst_import_plan_count (plan, NST_IMPORT_ROW_NEW), ==, 4);
  p = participant_at (plan, 0);
  g_assert_cmpint (nst_participant_get_qualification (p), ==, NST_QUALIFICATION_FIRST);
  g_assert_true (nst_participant_get_is_mentor (p));
  g_assert_false (nst_participant_get_is_mentee (p));
  g_assert_true (nst_participant_get_young_specialist (p));
  g_assert_cmpstr (nst_participant_get_teaching_since (p), ==, "2013-11-15");
  g_assert_cmpstr (nst_participant_get_mentoring_since (p), ==, "2022-11-15");
  /* The apostrophe that guards a formula is taken off; another one stays. */
  g_assert_cmpstr (nst_participant_get_phone (p), ==, "+7 900");
  g_assert_cmpstr (nst_participant_get_note (p), ==, "=СУММ(A1)");

  p = participant_at (plan, 1);
  g_assert_cmpint (nst_participant_get_category (p), ==, NST_CATEGORY_PARTNER);
  g_assert_cmpint (nst_participant_get_qualification (p), ==, NST_QUALIFICATION_CONFORMITY);
  g_assert_true (nst_participant_get_is_mentee (p) && !nst_participant_get_is_mentor (p));
  /* The start date wins over the years. */
  g_assert_cmpstr (nst_participant_get_teaching_since (p), ==, "2001-09-01");
  g_assert_cmpstr (nst_participant_get_note (p), ==, "-");

  p = participant_at (plan, 2);
  g_assert_cmpint (nst_participant_get_category (p), ==, NST_CATEGORY_HEAD);
  g_assert_cmpint (nst_participant_get_qualification (p), ==, NST_QUALIFICATION_HIGHEST);
  g_assert_true (nst_participant_get_is_mentee (p) && nst_participant_get_is_mentor (p));
  g_assert_cmpstr (nst_participant_get_teaching_since (p), ==, TODAY);
  g_assert_cmpstr (nst_participant_get_mentoring_since (p), ==, "2020-09-01");
  g_assert_cmpstr (nst_participant_get_note (p), ==, "'Кавычка");

  p = participant_at (plan, 3);
  g_assert_cmpint (nst_participant_get_category (p), ==, NST_CATEGORY_TEACHER);
  g_assert_cmpint (nst_participant_get_qualification (p), ==, NST_QUALIFICATION_NONE);
}

/* ---- invalid rows -------------------------------------------------------- */

static void
test_invalid_rows (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    guint line;
    const char *column;
    const char *fragment;
  } expected[] = {
    { 3, "Дата рождения", "“31.02.2015” is not a date" },
    { 4, "Фамилия", "Enter the surname" },
    { 5, "Категория", "“завхоз”" },
    { 6, "Класс", "A student needs a class" },
    { 7, "Дата рождения", "cannot be in the future" },
    { 8, "Педагогический стаж", "“много” is not a number of years" },
    { 9, "Квалификационная категория", "“вторая”" },
    { 10, "Молодой специалист", "“может быть”" },
    { 11, "Фамилия", "letters" },
    { 13, "Фамилия", "letters" },
  };
  g_autoptr(NstImportPlan) plan = plan_for_sample ("invalid-rows.csv");
  g_autoptr(GError) error = NULL;
  NstImportCounts counts = { 0, 0, 0 };

  g_assert_cmpuint (n_rows (plan), ==, 11);
  g_assert_cmpuint (nst_import_plan_count (plan, NST_IMPORT_ROW_NEW), ==, 1);
  g_assert_cmpuint (nst_import_plan_count (plan, NST_IMPORT_ROW_INVALID), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (nst_import_row_get_line (row_at (plan, 0)), ==, 2);
  g_assert_cmpint (nst_import_row_get_status (row_at (plan, 0)), ==, NST_IMPORT_ROW_NEW);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      NstImportRow *row = row_at (plan, i + 1);
      g_autofree char *text = nst_import_row_dup_problems_text (row);

      g_test_message ("line %u: %s", nst_import_row_get_line (row), text);
      g_assert_cmpuint (nst_import_row_get_line (row), ==, expected[i].line);
      g_assert_cmpint (nst_import_row_get_status (row), ==, NST_IMPORT_ROW_INVALID);
      g_assert_cmpuint (nst_import_row_get_n_problems (row), ==, 1);
      g_assert_cmpstr (nst_import_row_get_problem_column (row, 0), ==, expected[i].column);
      g_assert_cmpint (nst_import_row_get_problem_column_index (row, 0), >=, 0);
      g_assert_nonnull (strstr (nst_import_row_get_problem_reason (row, 0), expected[i].fragment));
    }

  /* Nothing is written while any row is invalid. */
  g_assert_false (nst_import_plan_can_commit (plan));
  g_assert_false (nst_import_plan_commit (plan, f->store, NULL, NULL, NULL, &counts, &error));
  g_assert_error (error, NST_IMPORT_ERROR, NST_IMPORT_ERROR_INVALID_ROWS);
  g_assert_cmpint (count (f->store), ==, 0);
}

/* A column the file lacks is named by its usual header. */
static void
test_invalid_missing_column (void)
{
  g_autoptr(NstImportPlan) plan = plan_for_text ("Фамилия;Категория\nИванов;обучающийся\n");
  NstImportRow *row = row_at (plan, 0);

  g_assert_cmpint (nst_import_row_get_status (row), ==, NST_IMPORT_ROW_INVALID);
  g_assert_cmpuint (nst_import_row_get_n_problems (row), ==, 3);
  g_assert_cmpstr (nst_import_row_get_problem_column (row, 0), ==, "Имя");
  g_assert_cmpint (nst_import_row_get_problem_column_index (row, 0), ==, -1);
  g_assert_cmpstr (nst_import_row_get_problem_column (row, 1), ==, "Класс");
  g_assert_cmpstr (nst_import_row_get_problem_column (row, 2), ==, "Дата рождения");
}

/* ---- commit -------------------------------------------------------------- */

static void
test_commit_new (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(NstImportPlan) plan = plan_for_sample ("cp1251-semicolon-crlf.csv");
  g_autoptr(NstParticipant) p = NULL;
  NstImportCounts counts;

  set_registry (plan, f->store);
  counts = commit_ok (plan, f->store);
  g_assert_cmpuint (counts.added, ==, 4);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.skipped, ==, 0);
  g_assert_cmpint (count (f->store), ==, 4);
  p = find_participant (f->store, "Ёжикова");
  g_assert_cmpstr (nst_participant_get_note (p), ==, "Наставник \"со стажем\"\nвторая строка");
  /* The plan's own rows are left as they were: copies were saved. */
  g_assert_cmpint (nst_participant_get_id (participant_at (plan, 0)), ==, 0);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static void
test_commit_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(NstImportPlan) first = plan_for_sample ("utf8-semicolon-lf.csv");
  g_autoptr(NstImportPlan) plan =
    plan_for_text ("Фамилия;Имя\nАнтонов;Антон\nБорисов;Борис\nСбой;Сергей\nГлебов;Глеб\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  NstImportCounts counts = { 7, 7, 7 };
  guint calls = 0;

  commit_ok (first, f->store);
  g_assert_cmpint (count (f->store), ==, 4);

  /* The database refuses the third row: the first two go too. */
  g_assert_true (nst_store_exec (f->store,
                                 "CREATE TEMP TRIGGER refuse BEFORE INSERT ON participant "
                                 "WHEN NEW.surname = 'Сбой' BEGIN SELECT RAISE(ABORT, 'refused'); END",
                                 NULL));
  set_registry (plan, f->store);
  g_assert_true (nst_import_plan_can_commit (plan));
  g_assert_false (nst_import_plan_commit (plan, f->store, progress_cb, &calls, NULL, &counts, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Line 4: "));
  g_assert_cmpuint (counts.added, ==, 7);
  g_assert_cmpint (count (f->store), ==, 4);
  g_assert_cmpuint (calls, >=, 1);
  g_clear_error (&error);

  /* Cancelled: nothing either. */
  g_assert_true (nst_store_exec (f->store, "DROP TRIGGER refuse", NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (nst_import_plan_commit (plan, f->store, NULL, NULL, cancellable, &counts, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (f->store), ==, 4);

  /* And the store is usable afterwards. */
  counts = commit_ok (plan, f->store);
  g_assert_cmpuint (counts.added, ==, 4);
  g_assert_cmpint (count (f->store), ==, 8);
}

static const char duplicates_csv[] =
  "Фамилия;Имя;Отчество;Категория;Должность;Дата рождения;Телефон;Примечание\n"
  "ЁЖИКОВА;алёна;петровна;педагог;Учитель математики;;+7 900 000-00-00;\n"  /* ФИО and post */
  "Ежикова;Алена;Петровна;педагог;;12.03.1985;;Обновлено\n"                 /* ФИО and birth, ё = е */
  "Смирнов;Пётр;;;;2012-05-01;+7 111;\n"                                     /* a student, no class given */
  "Новиков;Новый;;педагог;Учитель;;;\n"                                      /* new */
  "Новиков;Новый;;педагог;Учитель;;+7 222;\n";                               /* the line above again */

static gint64
prepare_duplicates (Fixture *f)
{
  g_autoptr(NstImportPlan) first = plan_for_sample ("utf8-semicolon-lf.csv");
  g_autoptr(NstParticipant) p = NULL;
  g_autoptr(GPtrArray) consents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  NstConsent *consent = nst_consent_new (NST_CONSENT_PROCESSING);

  commit_ok (first, f->store);
  p = find_participant (f->store, "Ёжикова");
  nst_consent_set_signed_on (consent, "2025-09-01");
  g_ptr_array_add (consents, consent);
  nst_store_save_participant (f->store, p, consents, &error);
  g_assert_no_error (error);
  return nst_participant_get_id (p);
}

static void
assert_statuses (NstImportPlan            *plan,
                 const NstImportRowStatus *statuses)
{
  for (guint i = 0; i < n_rows (plan); i++)
    g_assert_cmpint (nst_import_row_get_status (row_at (plan, i)), ==, statuses[i]);
}

static void
test_duplicates_skip (Fixture       *f,
                      gconstpointer  data)
{
  static const NstImportRowStatus statuses[] = {
    NST_IMPORT_ROW_SKIP, NST_IMPORT_ROW_SKIP, NST_IMPORT_ROW_SKIP, NST_IMPORT_ROW_NEW,
    NST_IMPORT_ROW_SKIP,
  };
  gint64 id = prepare_duplicates (f);
  g_autoptr(NstImportPlan) plan = plan_for_text (duplicates_csv);
  g_autoptr(NstParticipant) p = NULL;
  NstImportCounts counts;

  /* Within the file, before the registry is known: the last row repeats
   * the one before; the first two share no key (post, birth date). */
  g_assert_cmpuint (nst_import_plan_count (plan, NST_IMPORT_ROW_NEW), ==, 4);
  g_assert_cmpuint (nst_import_row_get_duplicate_line (row_at (plan, 4)), ==, 5);
  g_assert_cmpuint (nst_import_row_get_duplicate_line (row_at (plan, 1)), ==, 0);

  set_registry (plan, f->store);
  assert_statuses (plan, statuses);
  g_assert_cmpint (nst_import_row_get_duplicate_id (row_at (plan, 0)), ==, id);
  g_assert_cmpint (nst_import_row_get_duplicate_id (row_at (plan, 1)), ==, id);
  g_assert_cmpuint (nst_import_row_get_duplicate_line (row_at (plan, 4)), ==, 5);
  counts = commit_ok (plan, f->store);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.skipped, ==, 4);
  g_assert_cmpint (count (f->store), ==, 5);
  p = find_participant (f->store, "Ёжикова");
  g_assert_cmpstr (nst_participant_get_phone (p), ==, "+7 900 123-45-67");
  g_clear_object (&p);
  p = find_participant (f->store, "Новиков");
  g_assert_cmpstr (nst_participant_get_phone (p), ==, "");
}

static void
test_duplicates_update (Fixture       *f,
                        gconstpointer  data)
{
  static const NstImportRowStatus statuses[] = {
    NST_IMPORT_ROW_UPDATE, NST_IMPORT_ROW_UPDATE, NST_IMPORT_ROW_UPDATE, NST_IMPORT_ROW_NEW,
    NST_IMPORT_ROW_UPDATE,
  };
  gint64 id = prepare_duplicates (f);
  g_autoptr(NstImportPlan) plan = plan_for_text (duplicates_csv);
  g_autoptr(NstParticipant) p = NULL;
  g_autoptr(GPtrArray) consents = NULL;
  g_autoptr(GError) error = NULL;
  NstImportCounts counts;

  nst_import_plan_set_on_duplicate (plan, NST_IMPORT_DUPLICATES_UPDATE);
  set_registry (plan, f->store);
  assert_statuses (plan, statuses);
  counts = commit_ok (plan, f->store);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.updated, ==, 4);
  g_assert_cmpuint (counts.skipped, ==, 0);
  g_assert_cmpint (count (f->store), ==, 5);

  /* The fields the rows give change; the rest and the consents stay. */
  p = nst_store_get_participant (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nst_participant_get_surname (p), ==, "Ежикова");
  g_assert_cmpstr (nst_participant_get_phone (p), ==, "+7 900 000-00-00");
  g_assert_cmpstr (nst_participant_get_note (p), ==, "Обновлено");
  g_assert_cmpstr (nst_participant_get_post (p), ==, "Учитель математики");
  g_assert_cmpstr (nst_participant_get_email (p), ==, "ezhikova@school.ru");
  g_assert_cmpint (nst_participant_get_qualification (p), ==, NST_QUALIFICATION_HIGHEST);
  consents = nst_store_list_consents (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (consents->len, ==, 1);
  g_clear_object (&p);

  p = find_participant (f->store, "Смирнов");
  g_assert_cmpstr (nst_participant_get_phone (p), ==, "+7 111");
  g_assert_cmpstr (nst_participant_get_class_name (p), ==, "7Б");
  g_assert_cmpint (nst_participant_get_category (p), ==, NST_CATEGORY_STUDENT);
  g_clear_object (&p);
  p = find_participant (f->store, "Новиков");
  g_assert_cmpstr (nst_participant_get_phone (p), ==, "+7 222");

  /* Switching back is only a matter of the preview. */
  nst_import_plan_set_on_duplicate (plan, NST_IMPORT_DUPLICATES_SKIP);
  g_assert_cmpuint (nst_import_plan_count (plan, NST_IMPORT_ROW_UPDATE), ==, 0);
  g_assert_cmpuint (nst_import_plan_count (plan, NST_IMPORT_ROW_SKIP), ==, 4);
}

/* ---- export -------------------------------------------------------------- */

static void
test_export_csv_format (void)
{
  g_autoptr(NstExportTable) table = nst_export_table_new ("Проба");
  g_autoptr(GBytes) bytes = NULL;
  const char *expected =
    "\xEF\xBB\xBF" "Текст;Дата\r\n"
    "\"a;b\";15.11.2025\r\n"
    "\"кавычки \"\"да\"\"\";\r\n"
    "\"две\nстроки\";01.09.2001\r\n"
    "\" пробел\";\r\n"
    "'=1+2;\r\n"
    "'+7 900 123-45-67;\r\n"
    "'-5;\r\n"
    "'@x;\r\n"
    "ёж;\r\n";
  const char *cells[] = { "a;b", "кавычки \"да\"", "две\nстроки", " пробел", "=1+2",
                          "+7 900 123-45-67", "-5", "@x", "ёж" };
  const char *dates[] = { TODAY, "", "2001-09-01", "" };

  nst_export_table_add_column (table, "Текст", NST_EXPORT_TEXT, 10);
  nst_export_table_add_column (table, "Дата", NST_EXPORT_DATE, 10);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      nst_export_table_begin_row (table);
      nst_export_table_add_cell (table, cells[i]);
      if (i < G_N_ELEMENTS (dates))
        nst_export_table_add_cell (table, dates[i]);
    }
  bytes = nst_csv_write_table (table);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   expected, strlen (expected));
}

static char *
export_path (Fixture    *f,
             const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
assert_only_files (const char  *dir_path,
                   const char **names)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "nastavnik.db"))
        continue;
      g_assert_true (g_strv_contains (names, name));
    }
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *csv = export_path (f, "участники.csv");
  g_autofree char *xlsx = export_path (f, "участники.xlsx");
  g_autofree char *copy_dir = g_build_filename (f->dir, "copy", NULL);
  g_autoptr(NstStore) copy = NULL;
  g_autoptr(NstImportPlan) plan = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "участники.csv", "участники.xlsx", "copy", NULL };
  NstImportCounts counts;
  GStatBuf st;
  guint n = 0;

  nst_demo_fill (f->store, &error);
  g_assert_no_error (error);
  nst_export_participants (f->store, csv, NST_EXPORT_FORMAT_CSV, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, count (f->store));
  nst_export_participants (f->store, xlsx, NST_EXPORT_FORMAT_XLSX, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (csv, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (xlsx, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
  assert_only_files (f->dir, names);

  /* Into an empty registry: the same registry. */
  copy = open_store (copy_dir, "copy.db");
  plan = nst_import_plan_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_import_plan_get_n_unknown_columns (plan), ==, 0);
  g_assert_cmpuint (nst_import_plan_count (plan, NST_IMPORT_ROW_INVALID), ==, 0);
  set_registry (plan, copy);
  counts = commit_ok (plan, copy);
  g_assert_cmpuint (counts.added, ==, n);
  assert_same_registry (f->store, copy);

  /* Into the registry it came from, updating: everyone is a duplicate
   * and nothing changes. */
  nst_import_plan_set_on_duplicate (plan, NST_IMPORT_DUPLICATES_UPDATE);
  set_registry (plan, f->store);
  counts = commit_ok (plan, f->store);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.updated, ==, n);
  assert_same_registry (f->store, copy);
}

static void
test_export_atomic (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = export_path (f, "list.csv");
  g_autofree char *under_file = g_build_filename (path, "x.csv", NULL);
  g_autofree char *missing = export_path (f, "no/such/dir/x.xlsx");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "list.csv", NULL };
  NstExportFormat format;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* Failures leave nothing behind and say why. */
  g_assert_false (nst_export_participants (f->store, under_file, NST_EXPORT_FORMAT_CSV, NULL, &error));
  g_assert_error (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, under_file));
  g_clear_error (&error);
  g_assert_false (nst_export_participants (f->store, missing, NST_EXPORT_FORMAT_XLSX, NULL, &error));
  g_assert_error (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (nst_export_participants (f->store, f->dir, NST_EXPORT_FORMAT_CSV, NULL, &error));
  g_assert_error (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_WRITE);
  g_clear_error (&error);
  assert_only_files (f->dir, names);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  /* Success replaces the old file whole. */
  g_assert_true (nst_export_participants (f->store, path, NST_EXPORT_FORMAT_CSV, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Фамилия;Имя;"));
  assert_only_files (f->dir, names);

  g_assert_true (nst_export_format_for_path ("A.XLSX", &format, NULL));
  g_assert_cmpint (format, ==, NST_EXPORT_FORMAT_XLSX);
  g_assert_true (nst_export_format_for_path ("a.Csv", &format, NULL));
  g_assert_cmpint (format, ==, NST_EXPORT_FORMAT_CSV);
  g_assert_false (nst_export_format_for_path ("a.ods", &format, &error));
  g_assert_error (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_UNKNOWN_FORMAT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("NST_TODAY", TODAY, TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/import/csv/samples", test_csv_samples);
  g_test_add_func ("/import/csv/quoting", test_csv_quoting);
  g_test_add_func ("/import/csv/unreadable", test_csv_unreadable);
  g_test_add_func ("/import/csv/every-file", test_csv_every_file);
  g_test_add_func ("/import/columns/headers", test_columns_headers);
  g_test_add_func ("/import/columns/full-name", test_columns_full_name);
  g_test_add_func ("/import/columns/map", test_columns_map);
  g_test_add_func ("/import/columns/row-number", test_columns_row_number);
  g_test_add_func ("/import/young-specialist-suggested", test_young_specialist_suggested);
  g_test_add_func ("/import/columns/title-rows", test_columns_title_rows);
  g_test_add_func ("/import/sheet/table-builder", test_sheet_table_builder);
  g_test_add_func ("/import/sheet/date-serial", test_sheet_date_serial);
  g_test_add_func ("/import/sheet/damaged-directory", test_sheet_damaged_directory);
  g_test_add_func ("/import/size-limits", test_size_limits);
  g_test_add_func ("/import/values", test_values);
  g_test_add_func ("/import/class-in-post-column", test_class_in_post_column);
  ADD ("/import/invalid/rows", test_invalid_rows);
  g_test_add_func ("/import/invalid/missing-column", test_invalid_missing_column);
  ADD ("/import/commit/new", test_commit_new);
  ADD ("/import/commit/all-or-nothing", test_commit_all_or_nothing);
  ADD ("/import/duplicates/skip", test_duplicates_skip);
  ADD ("/import/duplicates/update", test_duplicates_update);
  g_test_add_func ("/export/csv/format", test_export_csv_format);
  ADD ("/export/round-trip", test_export_round_trip);
  ADD ("/export/atomic", test_export_atomic);

  return g_test_run ();
}
