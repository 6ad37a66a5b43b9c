/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures the import of participants from CSV, as issue «Import and
 * export» asks: 10,000 rows in under 1 second, from the file's bytes to
 * the committed transaction, into an empty database; then the same file
 * again with every row a duplicate to update. Prints figures; asserts
 * nothing, since shared machines are noisy.
 *
 *   bench-import [ROWS] */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "io/nst-import-plan.h"
#include "store/nst-store.h"

#define RUNS 5
#define TARGET_MS 1000.0

static const char *surnames[] = {
  "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
  "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
  "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
  "Захаров",
};
static const char *names[] = {
  "Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Иван", "Артём",
  "Михаил", "Никита", "Егор", "Илья", "Кирилл", "Роман", "Пётр", "Олег", "Глеб", "Лев",
  "Тимофей", "Матвей",
};
static const char *patronymics[] = {
  "Александрович", "Сергеевич", "Дмитриевич", "Андреевич", "Алексеевич", "Иванович",
  "Петрович", "Олегович", "Юрьевич", "Викторович", "Николаевич", "Павлович", "Романович",
  "Ильич", "Кириллович", "Григорьевич", "Евгеньевич", "Борисович", "Львович", "Фёдорович",
  "Семёнович", "Степанович",
};

/* Every row a different person: the surname, name and patronymic run
 * through 25 × 20 × 22 = 11,000 combinations. */
static GBytes *
make_csv (guint rows)
{
  GString *csv = g_string_new ("\xEF\xBB\xBF" "Фамилия;Имя;Отчество;Категория;Должность;Класс;"
                               "Предмет;Дата рождения;Педагогический стаж;"
                               "Квалификационная категория;E-mail;Телефон;Примечание\r\n");

  for (guint i = 0; i < rows; i++)
    {
      const char *surname = surnames[i % G_N_ELEMENTS (surnames)];
      const char *name = names[(i / G_N_ELEMENTS (surnames)) % G_N_ELEMENTS (names)];
      const char *patronymic =
        patronymics[(i / (G_N_ELEMENTS (surnames) * G_N_ELEMENTS (names))) % G_N_ELEMENTS (patronymics)];
      gboolean staff = i % 10 == 0;

      g_string_append_printf (csv, "%s;%s;%s;%s;%s;%s;%s;%02u.%02u.%u;%s;%s;u%u@school.ru;"
                              "+7 900 %03u-%02u-%02u;\"Строка %u; с \"\"кавычками\"\"\"\r\n",
                              surname, name, patronymic, staff ? "педагог" : "обучающийся",
                              staff ? "Учитель" : "", staff ? "" : "7Б",
                              staff ? "Математика" : "", 1 + i % 28, 1 + i % 12,
                              staff ? 1960 + i % 40 : 2008 + i % 10, staff ? "12" : "",
                              staff ? "первая" : "", i, i % 1000, i % 100, (i / 100) % 100, i);
    }
  return g_string_free_to_bytes (csv);
}

/* The database, its journal files and backups. */
static void
remove_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_stats (const char *what,
             GArray     *ms,
             double      target)
{
  double median;

  g_array_sort (ms, compare_doubles);
  median = g_array_index (ms, double, ms->len / 2);
  g_print ("%-44s median %7.1f ms  max %7.1f ms  (n=%u", what, median,
           g_array_index (ms, double, ms->len - 1), ms->len);
  if (target > 0)
    g_print (", target < %.0f ms: %s", target, median < target ? "met" : "NOT MET");
  g_print (")\n");
}

/* Reads, checks and commits @csv into @store; returns the milliseconds
 * of reading and checking in @plan_ms and of the whole in the result. */
static double
import_once (NstStore            *store,
             GBytes              *csv,
             NstImportDuplicates  on_duplicate,
             guint                expected,
             double              *plan_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstImportPlan) plan = NULL;
  g_autoptr(GListStore) registry = NULL;
  NstImportCounts counts;
  gint64 start = g_get_monotonic_time ();

  plan = nst_import_plan_new_for_bytes (csv, &error);
  g_assert_no_error (error);
  registry = nst_store_list_participants (store, &error);
  g_assert_no_error (error);
  nst_import_plan_set_on_duplicate (plan, on_duplicate);
  nst_import_plan_set_existing (plan, G_LIST_MODEL (registry));
  *plan_ms = elapsed_ms (start);
  if (!nst_import_plan_commit (plan, store, NULL, NULL, NULL, &counts, &error))
    g_error ("import failed: %s", error->message);
  if (counts.added + counts.updated != expected)
    g_error ("imported %u + %u of %u", counts.added, counts.updated, expected);
  return elapsed_ms (start);
}

int
main (int   argc,
      char *argv[])
{
  guint rows = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GArray) plan_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) update_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *title = NULL;

  setlocale (LC_ALL, "");
  g_setenv ("NST_TODAY", "2025-11-15", FALSE);
  csv = make_csv (rows);
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("nst-bench-import-XXXXXX", &error);
      g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
      g_autoptr(NstStore) store = nst_store_open (path, &error);
      double parse, total, ignored;

      g_assert_no_error (error);
      total = import_once (store, csv, NST_IMPORT_DUPLICATES_SKIP, rows, &parse);
      g_array_append_val (plan_ms, parse);
      g_array_append_val (total_ms, total);
      total = import_once (store, csv, NST_IMPORT_DUPLICATES_UPDATE, rows, &ignored);
      g_array_append_val (update_ms, total);
      g_clear_object (&store);
      remove_files (dir);
      g_rmdir (dir);
    }
  g_print ("CSV of %u rows, %.1f MB\n", rows, g_bytes_get_size (csv) / 1e6);
  print_stats ("read and check (preview)", plan_ms, 0);
  title = g_strdup_printf ("import %u rows into an empty registry", rows);
  print_stats (title, total_ms, rows == 10000 ? TARGET_MS : 0);
  print_stats ("the same file again, every row updated", update_ms, 0);
  return EXIT_SUCCESS;
}
