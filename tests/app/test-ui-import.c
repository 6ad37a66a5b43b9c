/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import window as its user works with it: a file with an invalid row
 * is previewed and refused; another file is read, its unknown column mapped
 * through its row, duplicates set to update, and «Импортировать» imports it
 * in the worker thread. Runs under Xvfb with G_DEBUG=fatal-warnings. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "registry/nst-import-dialog.h"
#include "nst-ui-test-util.h"

typedef struct
{
  char *dir;
  NstStore *store;
  NstImportDialog *dialog;
  NstImportPlan *shown;
  gboolean imported;
  guint counts[3];
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("nst-ui-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "school.db", NULL);
  f->store = nst_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GObject *
child (Fixture    *f,
       const char *id)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->dialog), NST_TYPE_IMPORT_DIALOG, id);

  g_assert_nonnull (object);
  return object;
}

static GFile *
write_csv (Fixture    *f,
           const char *name,
           const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

static gboolean
new_plan_shown (gpointer data)
{
  Fixture *f = data;
  NstImportPlan *plan = nst_import_dialog_get_plan (f->dialog);
  GtkStack *stack = GTK_STACK (child (f, "stack"));

  return plan != NULL && plan != f->shown &&
         g_str_equal (gtk_stack_get_visible_child_name (stack), "preview");
}

static void
load_and_wait (Fixture *f,
               GFile   *file)
{
  nst_import_dialog_load_file (f->dialog, file);
  g_assert_true (nst_test_wait_for (new_plan_shown, f, 10000));
  f->shown = nst_import_dialog_get_plan (f->dialog);
  nst_test_drain ();
}

static void
imported_cb (NstImportDialog *dialog,
             guint            added,
             guint            updated,
             guint            skipped,
             Fixture         *f)
{
  f->imported = TRUE;
  f->counts[0] = added;
  f->counts[1] = updated;
  f->counts[2] = skipped;
}

static gboolean
import_finished (gpointer data)
{
  return ((Fixture *) data)->imported;
}

static AdwComboRow *
column_row (Fixture    *f,
            const char *title)
{
  GtkWidget *group = GTK_WIDGET (child (f, "columns_group"));

  for (GtkWidget *w = gtk_widget_get_first_child (group); w != NULL;)
    {
      if (ADW_IS_COMBO_ROW (w) &&
          g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title))
        return ADW_COMBO_ROW (w);
      /* Depth first through the group's own boxes. */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != group && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == group ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_error ("no row for the column %s", title);
}

static void
test_preview_and_import (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) bad = write_csv (f, "bad.csv",
                                    "Фамилия;Имя;Дата рождения\n"
                                    "Иванов;Иван;31.02.2015\n"
                                    "Петров;Пётр;01.01.1990\n");
  g_autoptr(GFile) good = write_csv (f, "good.csv",
                                     "Фамилия;Имя;Должность;Мобильный\n"
                                     "Иванов;Иван;Учитель;+7 900\n"
                                     "Петров;Пётр;Учитель;+7 901\n");
  static const char existing_csv[] = "Фамилия;Имя;Должность\nИванов;Иван;Учитель\n";
  g_autoptr(GBytes) existing = g_bytes_new_static (existing_csv, sizeof existing_csv - 1);
  g_autoptr(NstImportPlan) first = NULL;
  g_autoptr(GListStore) registry = NULL;
  g_autoptr(GError) error = NULL;
  GtkColumnView *view;
  NstImportCounts counts;

  /* Ivanov is in the registry already. */
  first = nst_import_plan_new_for_bytes (existing, &error);
  g_assert_no_error (error);
  nst_import_plan_commit (first, f->store, NULL, NULL, NULL, &counts, &error);
  g_assert_no_error (error);

  f->dialog = nst_import_dialog_new (NULL, f->store);
  g_signal_connect (f->dialog, "imported", G_CALLBACK (imported_cb), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
  nst_test_drain ();

  /* An invalid row: shown with its reason, and nothing can be imported. */
  load_and_wait (f, bad);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (f, "import_button"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (f, "problem_label"))));
  view = GTK_COLUMN_VIEW (child (f, "rows_view"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 2);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (f, "errors_only_check")), TRUE);
  nst_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (f, "errors_only_check")), FALSE);

  /* Another file: its unknown column mapped, duplicates updated. */
  load_and_wait (f, good);
  g_assert_cmpuint (nst_import_plan_get_n_unknown_columns (f->shown), ==, 1);
  adw_combo_row_set_selected (column_row (f, "Мобильный"), NST_IMPORT_FIELD_PHONE);
  g_assert_cmpint (nst_import_plan_get_column_field (f->shown, 3), ==, NST_IMPORT_FIELD_PHONE);
  g_assert_cmpuint (nst_import_plan_get_n_unknown_columns (f->shown), ==, 0);
  g_assert_cmpuint (nst_import_plan_count (f->shown, NST_IMPORT_ROW_SKIP), ==, 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "duplicates_row")), 1);
  g_assert_cmpuint (nst_import_plan_count (f->shown, NST_IMPORT_ROW_UPDATE), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (child (f, "import_button"))));

  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  gtk_widget_activate (GTK_WIDGET (child (f, "import_button")));
  g_assert_true (nst_test_wait_for (import_finished, f, 10000));
  nst_test_drain ();
  g_assert_null (f->dialog);
  g_assert_cmpuint (f->counts[0], ==, 1);
  g_assert_cmpuint (f->counts[1], ==, 1);
  g_assert_cmpuint (f->counts[2], ==, 0);

  registry = nst_store_list_participants (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (registry)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (G_LIST_MODEL (registry), i);

      g_assert_true (g_str_has_prefix (nst_participant_get_phone (p), "+7 90"));
    }
}

/* A file's name as the chooser shows it, for a filter to match. */
static gboolean
filter_matches (GtkFileFilter *filter,
                const char    *name)
{
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  return gtk_filter_match (GTK_FILTER (filter), info);
}

static gboolean
chooser_shown (gpointer data)
{
  return nst_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

/* «Выбрать файл…» asks for a table of any kind the import reads: every
 * table first, then each kind alone, then all files. */
static void
test_chooser_filters (Fixture       *f,
                      gconstpointer  data)
{
  static const char *const names[] = {
    "Таблицы (CSV, XLSX, ODS, XLS)", "CSV", "Excel (XLSX)", "LibreOffice (ODS)",
    "Excel 97–2003 (XLS)", "Все файлы",
  };
  static const char *const tables[] = { "список.csv", "Список.XLSX", "педагоги.ods", "старый.xls" };
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) all_tables = NULL;
  GtkWindow *chooser;

  f->dialog = nst_import_dialog_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->dialog));
  nst_test_drain ();
  gtk_widget_activate (nst_test_find_button (GTK_WIDGET (f->dialog), "_Выбрать файл…"));
  nst_test_drain ();
  g_assert_true (nst_test_wait_for (chooser_shown, NULL, 10000));
  chooser = nst_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);

  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, names[i]);
    }
  all_tables = g_list_model_get_item (filters, 0);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GtkFileFilter) alone = g_list_model_get_item (filters, i + 1);

      g_assert_true (filter_matches (all_tables, tables[i]));
      g_assert_true (filter_matches (alone, tables[i]));
      g_assert_false (filter_matches (alone, tables[(i + 1) % G_N_ELEMENTS (tables)]));
    }
  g_assert_false (filter_matches (all_tables, "письмо.docx"));
  g_assert_false (filter_matches (all_tables, "приказ.pdf"));

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  nst_test_drain ();
  g_assert_null (nst_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  nst_test_drain ();
}

static void
test_summary (void)
{
  g_autofree char *text = nst_import_dialog_dup_summary (3, 2, 1);

  g_assert_nonnull (strstr (text, "3"));
  g_assert_nonnull (strstr (text, "2"));
  g_assert_nonnull (strstr (text, "1"));
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run the suite under xvfb-run, as the README says.\n");
      return 77; /* meson's "skipped" */
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("NST_TODAY", "2025-11-15", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/import/preview-and-import", Fixture, NULL,
              fixture_set_up, test_preview_and_import, fixture_tear_down);
  g_test_add ("/ui/import/chooser-filters", Fixture, NULL,
              fixture_set_up, test_chooser_filters, fixture_tear_down);
  g_test_add_func ("/ui/import/summary", test_summary);
  return g_test_run ();
}
