/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The first hour, as issue 13 tells it: a new user on an empty database
 * imports the school's Excel list (a title above the header, «№ п/п»),
 * forms five pairs without the mouse, fills in the school's details when
 * a document asks for them, prints every missing consent form, marks the
 * consents received and prints the order fixing the five pairs — from the
 * window alone. Each thing the user does (a click, a key, a name typed) is
 * counted, and the count is held under a bound so that the way does not
 * grow longer unnoticed. Runs under Xvfb with G_DEBUG=fatal-warnings: a
 * GTK warning or critical anywhere on the way fails it. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <xlsxwriter.h>

#include "nst-application.h"
#include "documents/nst-documents.h"
#include "documents/nst-order-pairs-dialog.h"
#include "pairs/nst-group-editor.h"
#include "pairs/nst-pairs-page.h"
#include "registry/nst-import-dialog.h"
#include "registry/nst-registry-page.h"
#include "store/nst-store-groups.h"
#include "store/nst-store-orders.h"
#include "nst-school-dialog.h"
#include "nst-ui-test-util.h"
#include "nst-window.h"

/* What the user does on the way, each click, key or text typed one: 52
 * when this was written (issue 13 measured 82 before, and set 40 as the
 * goal): import 4, five pairs 27, the school's details 9 when the first
 * document asks for them, the consent forms 4, marking them received 3,
 * the order 5. */
#define ACTIONS_BOUND 52

typedef struct
{
  char *dir;
  char *db_path;
  NstApplication *app;
  NstWindow *window;
  guint actions;
} Fixture;

static const char *const mentors[] = { "Орлова", "Волков", "Зайцева", "Киселёв", "Лебедева" };
static const char *const mentees[] = { "Новикова", "Морозов", "Павлова", "Соколов", "Титова" };

/* ---- the school's list, as Excel writes it ---------------------------- */

static char *
write_staff_list (const char *dir)
{
  static const char *const names[][3] = {
    { "Орлова", "Ирина", "Сергеевна" }, { "Волков", "Андрей", "Петрович" },
    { "Зайцева", "Елена", "Викторовна" }, { "Киселёв", "Олег", "Иванович" },
    { "Лебедева", "Анна", "Михайловна" }, { "Новикова", "Дарья", "Олеговна" },
    { "Морозов", "Илья", "Андреевич" }, { "Павлова", "Ксения", "Юрьевна" },
    { "Соколов", "Максим", "Денисович" }, { "Титова", "Полина", "Романовна" },
  };
  char *path = g_build_filename (dir, "Список педагогов.xlsx", NULL);
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (book, "Лист1");
  static const char *const header[] = { "№ п/п", "Фамилия", "Имя", "Отчество", "Должность",
                                         "Категория", "Педагогический стаж с" };

  worksheet_write_string (sheet, 0, 0, "Список педагогических работников МАОУ «СОШ № 1»", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (sheet, 2, c, header[c], NULL);
  for (guint r = 0; r < G_N_ELEMENTS (names); r++)
    {
      worksheet_write_number (sheet, 3 + r, 0, r + 1, NULL);
      for (guint c = 0; c < 3; c++)
        worksheet_write_string (sheet, 3 + r, 1 + c, names[r][c], NULL);
      worksheet_write_string (sheet, 3 + r, 4, r < 5 ? "учитель высшей категории" : "учитель", NULL);
      worksheet_write_string (sheet, 3 + r, 5, "Педагог", NULL);
      worksheet_write_string (sheet, 3 + r, 6, r < 5 ? "01.09.2001" : "01.09.2024", NULL);
    }
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);
  return path;
}

/* ---- the app ---------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nst-ui-first-hour-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "school.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  nst_test_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
start_app (Fixture *fixture)
{
  fixture->window = nst_test_start_app (&fixture->app, fixture->db_path);
}

static void
stop_app (Fixture *fixture)
{
  nst_test_stop_app (&fixture->app, fixture->window);
  fixture->window = NULL;
}

/* @type is a GType in a pointer. */
static gboolean
is_open (gpointer type)
{
  return nst_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
is_closed (gpointer type)
{
  return !is_open (type);
}

static GtkWindow *
wait_for (GType type)
{
  if (!nst_test_wait_for (is_open, GSIZE_TO_POINTER (type), 5000))
    g_error ("no %s came", g_type_name (type));
  nst_test_drain ();
  return nst_test_find_toplevel (type);
}

static void
wait_closed (GType type)
{
  g_assert_true (nst_test_wait_for (is_closed, GSIZE_TO_POINTER (type), 10000));
  nst_test_drain ();
}

/* ---- what the user does, each counted --------------------------------- */

static void
click (Fixture    *fixture,
       GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = nst_test_find_button (root, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button) && gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  nst_test_drain ();
  fixture->actions++;
}

static void
key (Fixture         *fixture,
     GtkWidget       *widget,
     guint            keyval,
     GdkModifierType  modifiers)
{
  g_assert_true (nst_test_press_shortcut (widget, keyval, modifiers));
  nst_test_drain ();
  fixture->actions++;
}

/* A menu item of «Документы» or the main menu: opening it and choosing. */
static void
menu_item (Fixture    *fixture,
           const char *action)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL);
  nst_test_drain ();
  fixture->actions += 2;
}

static void
type_into (Fixture    *fixture,
           GtkWidget  *editable,
           const char *text)
{
  g_assert_nonnull (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  nst_test_drain ();
  fixture->actions++;
}

/* A name typed into a participant field, and Enter. */
static void
type_and_pick (Fixture    *fixture,
               GtkWidget  *row,
               const char *typed)
{
  type_into (fixture, row, typed);
  g_signal_emit_by_name (row, "entry-activated");
  nst_test_drain ();
  fixture->actions++;
}

static void
show_tab (Fixture    *fixture,
          const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (nst_test_find_type (GTK_WIDGET (fixture->window),
                                                                             ADW_TYPE_VIEW_STACK)), name);
  nst_test_drain ();
  fixture->actions++;
}

static gboolean
not_busy (gpointer documents)
{
  return !nst_documents_is_busy (documents);
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

/* The save dialog: a name typed (the folder is the test's) and Enter. */
static char *
save_as (Fixture    *fixture,
         const char *name)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  GtkWindow *chooser = wait_for (GTK_TYPE_FILE_CHOOSER_DIALOG);

  /* The user keeps the name suggested; the test puts the file in its
   * own folder, which is not counted. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
  g_assert_true (nst_test_wait_for (chooser_has_file, chooser, 5000));
  click (fixture, GTK_WIDGET (chooser), _("_Save"));
  wait_closed (GTK_TYPE_FILE_CHOOSER_DIALOG);
  /* A batch of forms is written on a thread. */
  g_assert_true (nst_test_wait_for (not_busy, nst_window_get_documents (fixture->window), 30000));
  nst_test_drain ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static char *
pdf_text (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("pdftotext -layout %s -", quoted);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_command_line_sync (command, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* ---- the way ---------------------------------------------------------- */

static gboolean
has_plan (gpointer dialog)
{
  return nst_import_dialog_get_plan (dialog) != NULL;
}

static void
import_list (Fixture *fixture)
{
  g_autofree char *path = write_staff_list (fixture->dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NstRegistryPage *registry =
    NST_REGISTRY_PAGE (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_REGISTRY_PAGE));
  GtkWindow *dialog;

  click (fixture, GTK_WIDGET (registry), "_Импортировать из файла…");
  dialog = wait_for (NST_TYPE_IMPORT_DIALOG);
  /* «Выбрать файл…» and a double click in GTK's chooser, which the
   * import's own test drives; here the file goes straight in. */
  nst_import_dialog_load_file (NST_IMPORT_DIALOG (dialog), file);
  fixture->actions += 2;
  g_assert_true (nst_test_wait_for (has_plan, dialog, 10000));
  nst_test_drain ();
  g_assert_cmpuint (nst_import_plan_count (nst_import_dialog_get_plan (NST_IMPORT_DIALOG (dialog)),
                                           NST_IMPORT_ROW_NEW), ==, 10);
  g_assert_cmpuint (nst_import_plan_get_n_unknown_columns (nst_import_dialog_get_plan (NST_IMPORT_DIALOG (dialog))),
                    ==, 0);
  click (fixture, GTK_WIDGET (dialog), "_Импортировать");
  wait_closed (NST_TYPE_IMPORT_DIALOG);
  g_assert_cmpuint (g_list_model_get_n_items (nst_registry_page_get_visible (registry)), ==, 10);
}

static void
form_pairs (Fixture *fixture)
{
  NstPairsPage *pairs;
  GtkWindow *editor;

  show_tab (fixture, "pairs");
  pairs = NST_PAIRS_PAGE (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_PAIRS_PAGE));
  /* Ctrl+N, an application shortcut (the «+» button's). */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add", NULL);
  fixture->actions++;
  editor = wait_for (NST_TYPE_GROUP_EDITOR);
  for (guint i = 0; i < G_N_ELEMENTS (mentors); i++)
    {
      GtkWidget *mentor = nst_test_find_named (GTK_WIDGET (editor), "mentor");
      GtkWidget *focus;

      /* The cursor is in the mentor's field; Enter takes the name, and
       * the cursor goes on to the mentee's. */
      focus = gtk_window_get_focus (editor);
      g_assert_true (focus != NULL && (focus == mentor || gtk_widget_is_ancestor (focus, mentor)));
      type_and_pick (fixture, mentor, mentors[i]);
      g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (mentor)), mentors[i]));
      focus = gtk_window_get_focus (editor);
      g_assert_true (gtk_widget_is_ancestor (focus, nst_test_find_named (GTK_WIDGET (editor), "add-mentee")));
      type_and_pick (fixture, nst_test_find_named (GTK_WIDGET (editor), "add-mentee"), mentees[i]);
      g_assert_nonnull (nst_test_find_named (GTK_WIDGET (editor), "mentee"));
      if (i + 1 < G_N_ELEMENTS (mentors))
        key (fixture, GTK_WIDGET (editor), GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
      else
        key (fixture, GTK_WIDGET (editor), GDK_KEY_Return, GDK_CONTROL_MASK);
    }
  wait_closed (NST_TYPE_GROUP_EDITOR);
  g_assert_cmpuint (g_list_model_get_n_items (nst_page_get_visible (NST_PAGE (pairs))), ==, 5);
}

static void
set_field (Fixture    *fixture,
           GtkWidget  *dialog,
           const char *name,
           const char *text)
{
  type_into (fixture, nst_test_find_named (dialog, name), text);
}

/* Reached from the refusal of the first document that needs them; only
 * what the consent forms and the order cannot be printed without. */
static void
fill_in_school (Fixture *fixture)
{
  GtkWindow *refusal = wait_for (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *dialog;
  AdwComboRow *curator;

  click (fixture, GTK_WIDGET (refusal), "_Заполнить сведения о школе…");
  dialog = GTK_WIDGET (wait_for (NST_TYPE_SCHOOL_DIALOG));
  set_field (fixture, dialog, "full-name", "Муниципальное автономное общеобразовательное учреждение "
                                           "«Средняя общеобразовательная школа № 1»");
  set_field (fixture, dialog, "short-name", "МАОУ «СОШ № 1»");
  set_field (fixture, dialog, "city", "г. Новоозёрск");
  set_field (fixture, dialog, "legal-address", "663100, г. Новоозёрск, ул. Школьная, д. 1");
  set_field (fixture, dialog, "director-name", "Фомин Юрий Вячеславович");
  /* The curator from the staff: the list opened, a name chosen. */
  curator = ADW_COMBO_ROW (nst_test_find_type (dialog, ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (curator);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (curator)), ==, 11);
  adw_combo_row_set_selected (curator, 1);
  nst_test_drain ();
  fixture->actions += 2;
  key (fixture, dialog, GDK_KEY_Return, GDK_CONTROL_MASK);
  wait_closed (NST_TYPE_SCHOOL_DIALOG);
}

static void
print_missing_consents (Fixture *fixture)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  show_tab (fixture, "registry");
  menu_item (fixture, "page.missing-consents");
  /* A new school has no details yet: the way to them, and once they are
   * saved the forms follow, with no second trip to the menu. */
  fill_in_school (fixture);
  path = save_as (fixture, "Недостающие согласия.pdf");
  text = pdf_text (path);
  for (guint i = 0; i < G_N_ELEMENTS (mentors); i++)
    {
      g_assert_nonnull (strstr (text, mentors[i]));
      g_assert_nonnull (strstr (text, mentees[i]));
    }
  g_assert_nonnull (strstr (text, "МАОУ «СОШ № 1»"));
}

static void
mark_consents_received (Fixture *fixture)
{
  NstRegistryPage *registry =
    NST_REGISTRY_PAGE (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_REGISTRY_PAGE));
  GtkWidget *view = nst_test_find_type (GTK_WIDGET (registry), GTK_TYPE_COLUMN_VIEW);
  GtkWindow *dialog;

  /* Ctrl+A in the list, Ctrl+K, «Отметить». */
  gtk_selection_model_select_all (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  fixture->actions++;
  key (fixture, GTK_WIDGET (registry), GDK_KEY_k, GDK_CONTROL_MASK);
  dialog = wait_for (ADW_TYPE_MESSAGE_DIALOG);
  click (fixture, GTK_WIDGET (dialog), _("_Mark"));
  wait_closed (ADW_TYPE_MESSAGE_DIALOG);
}

static void
print_order (Fixture *fixture)
{
  g_autoptr(GListStore) orders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;

  show_tab (fixture, "pairs");
  menu_item (fixture, "page.order-pairs");
  dialog = wait_for (NST_TYPE_ORDER_PAIRS_DIALOG);
  /* Every pair is ready now, and ticked. */
  g_assert_cmpuint (nst_order_pairs_dialog_get_n_ticked (NST_ORDER_PAIRS_DIALOG (dialog)), ==, 5);
  key (fixture, GTK_WIDGET (dialog), GDK_KEY_Return, 0);
  wait_closed (NST_TYPE_ORDER_PAIRS_DIALOG);
  path = save_as (fixture, "Приказ о назначении наставников.pdf");

  orders = nst_store_list_orders (nst_window_get_store (fixture->window), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (orders)), ==, 1);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "ПРИКАЗ"));
  g_assert_null (strstr (text, "ПРОЕКТ"));
  for (guint i = 0; i < G_N_ELEMENTS (mentors); i++)
    {
      g_assert_nonnull (strstr (text, mentors[i]));
      g_assert_nonnull (strstr (text, mentees[i]));
    }
}

static void
test_first_hour (Fixture       *fixture,
                 gconstpointer  data)
{
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "ru") != 0)
    {
      g_test_skip ("LANGUAGE is not ru");
      return;
    }
  start_app (fixture);
  import_list (fixture);
  form_pairs (fixture);
  print_missing_consents (fixture);
  mark_consents_received (fixture);
  print_order (fixture);
  g_test_message ("the first hour took %u actions (bound %u)", fixture->actions, ACTIONS_BOUND);
  g_print ("# the first hour: %u actions\n", fixture->actions);
  g_assert_cmpuint (fixture->actions, <=, ACTIONS_BOUND);
  stop_app (fixture);
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
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/first-hour", Fixture, NULL, fixture_set_up, test_first_hour, fixture_tear_down);
  return g_test_run ();
}
