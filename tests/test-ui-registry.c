/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The registry as its user works with it: the real window on a temporary
 * database, a participant added through the form, found by typing, and
 * found again after a restart. Runs under Xvfb with G_DEBUG=fatal-warnings,
 * so any GTK warning or critical fails it. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "nst-application.h"
#include "nst-participant-editor.h"
#include "nst-registry-page.h"
#include "nst-ui-test-util.h"
#include "nst-window.h"

typedef struct
{
  char *dir;
  char *db_path;
  NstApplication *app;
  NstWindow *window;
  NstRegistryPage *page;
} Fixture;

static void
start_app (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  static guint starts;
  g_autofree char *app_id = g_strdup_printf ("org.nastavnik.Nastavnik.Test%u", ++starts);

  fixture->app = nst_application_new ();
  /* A restart in the same process gets a new bus name: GApplication may keep
   * the old one exported until the main loop is gone. */
  g_application_set_application_id (G_APPLICATION (fixture->app), app_id);
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  nst_application_set_database_path (fixture->app, fixture->db_path);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = NST_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  fixture->page = NST_REGISTRY_PAGE (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_REGISTRY_PAGE));
  g_assert_nonnull (fixture->page);
  nst_test_drain ();
}

static void
stop_app (Fixture *fixture)
{
  gtk_window_close (GTK_WINDOW (fixture->window));
  nst_test_drain ();
  g_clear_object (&fixture->app);
  fixture->window = NULL;
  fixture->page = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nst-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "school.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static guint
visible_count (Fixture *fixture)
{
  return g_list_model_get_n_items (nst_registry_page_get_visible (fixture->page));
}

static gboolean
editor_is_open (gpointer data)
{
  return nst_test_find_toplevel (NST_TYPE_PARTICIPANT_EDITOR) != NULL;
}

static gboolean
editor_is_closed (gpointer data)
{
  return !editor_is_open (data);
}

static void
set_row_text (GtkWidget  *editor,
              const char *name,
              const char *text)
{
  GtkWidget *row = nst_test_find_named (editor, name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  nst_test_drain ();
}

static void
add_participant_through_form (Fixture *fixture)
{
  GtkWidget *editor, *save;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add", NULL);
  g_assert_true (nst_test_wait_for (editor_is_open, NULL, 5000));
  editor = GTK_WIDGET (nst_test_find_toplevel (NST_TYPE_PARTICIPANT_EDITOR));
  save = nst_test_find_named (editor, "save");
  g_assert_nonnull (save);
  /* An empty form cannot be saved. */
  g_assert_false (gtk_widget_is_sensitive (save));

  set_row_text (editor, "surname", "Ёлкина-Заречная");
  set_row_text (editor, "name", "Анна");
  set_row_text (editor, "patronymic", "Сергеевна");
  g_assert_true (gtk_widget_is_sensitive (save));

  g_signal_emit_by_name (save, "clicked");
  g_assert_true (nst_test_wait_for (editor_is_closed, NULL, 5000));
  nst_test_drain ();
}

static void
type_search (Fixture    *fixture,
             const char *text)
{
  GtkWidget *entry = nst_test_find_type (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  nst_test_drain ();
  g_assert_true (gtk_widget_has_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  nst_test_drain ();
}

static void
assert_found_only (Fixture    *fixture,
                   const char *surname)
{
  g_autoptr(NstParticipant) found = NULL;

  g_assert_cmpuint (visible_count (fixture), ==, 1);
  found = g_list_model_get_item (nst_registry_page_get_visible (fixture->page), 0);
  g_assert_cmpstr (nst_participant_get_surname (found), ==, surname);
}

static void
test_add_find_restart (Fixture       *fixture,
                       gconstpointer  data)
{
  start_app (fixture);
  g_assert_cmpuint (visible_count (fixture), ==, 0);

  add_participant_through_form (fixture);
  g_assert_cmpuint (visible_count (fixture), ==, 1);

  /* Lower case, and е for ё, as people type. */
  type_search (fixture, "елкина");
  assert_found_only (fixture, "Ёлкина-Заречная");
  type_search (fixture, "петров");
  g_assert_cmpuint (visible_count (fixture), ==, 0);
  stop_app (fixture);

  start_app (fixture);
  type_search (fixture, "ёлкина-зареч");
  assert_found_only (fixture, "Ёлкина-Заречная");
  stop_app (fixture);
}

static void
test_demo_delete_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkSelectionModel *selection;
  GtkWidget *view;
  guint before;

  start_app (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.load-demo", NULL);
  nst_test_drain ();
  before = visible_count (fixture);
  g_assert_cmpuint (before, >, 600);

  type_search (fixture, "иванов");
  g_assert_cmpuint (visible_count (fixture), >, 0);
  view = nst_test_find_type (GTK_WIDGET (fixture->page), GTK_TYPE_COLUMN_VIEW);
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.delete", NULL);
  nst_test_drain ();
  type_search (fixture, "");
  g_assert_cmpuint (visible_count (fixture), ==, before - 1);
  stop_app (fixture);

  /* Deleted for good once the window has gone without «Отменить». */
  start_app (fixture);
  g_assert_cmpuint (visible_count (fixture), ==, before - 1);
  stop_app (fixture);
}

/* Under LANGUAGE=ru every word is Russian: the tabs are the first thing seen. */
static void
test_russian_tabs (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwViewStack *stack;
  AdwViewStackPage *page;

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "ru") != 0)
    {
      g_test_skip ("LANGUAGE is not ru");
      return;
    }
  start_app (fixture);
  stack = ADW_VIEW_STACK (nst_test_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));
  page = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "registry"));
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "Реестр");
  page = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "pairs"));
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "Пары и группы");
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

  g_test_add ("/ui/registry/add-find-restart", Fixture, NULL,
              fixture_set_up, test_add_find_restart, fixture_tear_down);
  g_test_add ("/ui/registry/demo-delete", Fixture, NULL,
              fixture_set_up, test_demo_delete_undo, fixture_tear_down);
  g_test_add ("/ui/window/russian-tabs", Fixture, NULL,
              fixture_set_up, test_russian_tabs, fixture_tear_down);
  return g_test_run ();
}
