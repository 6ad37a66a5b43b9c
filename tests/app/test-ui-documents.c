/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The «Документы» menu through its own code paths: the menu follows the
 * tab, each tab's items enabled for its selection; the missing consents of the example school printed in their thread
 * to a PDF that poppler reads; the order on pairs refused with a dialog,
 * then issued for a pair and found, and searched, in the orders journal.
 * Runs under Xvfb with G_DEBUG=fatal-warnings. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "nst-application.h"
#include "documents/nst-documents.h"
#include "model/nst-order.h"
#include "store/nst-store-orders.h"
#include "documents/nst-orders-window.h"
#include "pairs/nst-pairs-page.h"
#include "roadmap/nst-roadmap-page.h"
#include "documents/nst-print-pdf.h"
#include "registry/nst-registry-page.h"
#include "nst-ui-test-util.h"
#include "nst-school-dialog.h"
#include "store/nst-store-groups.h"
#include "nst-window.h"

typedef struct
{
  char *dir;
  char *db_path;
  NstApplication *app;
  NstWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nst-ui-docs-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "school.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
start_app (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  static guint starts;
  g_autofree char *app_id = g_strdup_printf ("org.nastavnik.Nastavnik.TestDocs%u", ++starts);

  fixture->app = nst_application_new ();
  /* Each test's application has a bus name of its own: GApplication may
   * keep the last one exported until the main loop is gone. */
  g_application_set_application_id (G_APPLICATION (fixture->app), app_id);
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  nst_application_set_database_path (fixture->app, fixture->db_path);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = NST_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  nst_test_drain ();
}

static void
stop_app (Fixture *fixture)
{
  gtk_window_close (GTK_WINDOW (fixture->window));
  nst_test_drain ();
  g_clear_object (&fixture->app);
  fixture->window = NULL;
}

/* An attribute ("action" or "label") of the items of the menu's section
 * @n: the tab's first, then the journal's. */
static GStrv
menu_items (Fixture    *fixture,
            int         n,
            const char *attribute)
{
  GtkWidget *button = nst_test_find_named (GTK_WIDGET (fixture->window), "documents-button");
  GMenuModel *menu;
  GMenuModel *section;
  g_autoptr(GStrvBuilder) actions = g_strv_builder_new ();

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_cmpint (n, <, g_menu_model_get_n_items (menu));
  section = g_menu_model_get_item_link (menu, n, G_MENU_LINK_SECTION);
  for (int i = 0; i < g_menu_model_get_n_items (section); i++)
    {
      g_autofree char *value = NULL;

      g_menu_model_get_item_attribute (section, i, attribute, "s", &value);
      g_strv_builder_add (actions, value);
    }
  g_object_unref (section);
  return g_strv_builder_end (actions);
}

static GStrv
menu_actions (Fixture *fixture)
{
  return menu_items (fixture, 0, G_MENU_ATTRIBUTE_ACTION);
}

/* Shows @page_name and checks the «Документы» menu: the tab's own items,
 * as the user reads them, then the journal's, the same for every tab. */
static void
assert_menu_for (Fixture           *fixture,
                 const char        *page_name,
                 const char *const *actions,
                 const char        *label)
{
  AdwViewStack *stack = ADW_VIEW_STACK (nst_test_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));
  g_auto(GStrv) shown = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) journal = NULL;

  adw_view_stack_set_visible_child_name (stack, page_name);
  nst_test_drain ();
  shown = menu_actions (fixture);
  g_assert_cmpstrv (shown, actions);
  labels = menu_items (fixture, 0, G_MENU_ATTRIBUTE_LABEL);
  g_assert_true (g_strv_contains ((const char *const *) labels, label));
  journal = menu_items (fixture, 1, G_MENU_ATTRIBUTE_ACTION);
  g_assert_cmpstrv (journal, ((const char *const[]) { "docs.journal", "docs.print-last", NULL }));
}

/* Whether the visible tab's @action is enabled, as when the menu opens. */
static gboolean
action_enabled (Fixture    *fixture,
                const char *action)
{
  NstPage *page = nst_window_get_visible_page (fixture->window);

  nst_page_update_actions (page);
  return g_action_group_get_action_enabled (nst_page_get_actions (page), action);
}

static gboolean
not_busy (gpointer data)
{
  return !nst_documents_is_busy (data);
}

static int
pdf_pages (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("pdfinfo %s", quoted);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *pages;
  int status = 0;

  g_spawn_command_line_sync (command, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

static gboolean
file_chooser_open (gpointer data)
{
  return nst_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
message_dialog_open (gpointer data)
{
  return nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

typedef struct
{
  NstOrdersWindow *journal;
  guint n;
} Expect;

static gboolean
shows_n (gpointer data)
{
  Expect *expect = data;

  return g_list_model_get_n_items (nst_orders_window_get_orders (expect->journal)) == expect->n;
}

static gboolean
print_dialog_open (gpointer data)
{
  return nst_test_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG) != NULL;
}

static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  NstRegistryPage *registry;
  NstPairsPage *pairs;
  NstDocuments *documents;
  GtkSelectionModel *selection;
  g_autoptr(NstGroup) group = NULL;
  GtkWidget *search;
  g_auto(GStrv) actions = NULL;
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing.pdf", NULL);
  g_autofree char *order_path = g_build_filename (fixture->dir, "order.pdf", NULL);
  g_autofree char *refused_path = g_build_filename (fixture->dir, "refused.pdf", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) order_file = g_file_new_for_path (order_path);
  g_autoptr(GFile) refused = g_file_new_for_path (refused_path);
  g_autoptr(NstOrder) order = NULL;
  NstOrdersWindow *journal;
  GtkWidget *print_button;
  GtkWindow *dialog;
  Expect expect;

  start_app (fixture);
  registry = NST_REGISTRY_PAGE (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_REGISTRY_PAGE));
  /* Hidden tabs are built when first shown, not at start. */
  g_assert_null (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_PAIRS_PAGE));
  g_assert_null (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_ROADMAP_PAGE));
  documents = nst_window_get_documents (fixture->window);
  gtk_widget_activate_action (GTK_WIDGET (registry), "registry.load-demo", NULL);
  nst_test_drain ();

  /* The menu follows the tab: each shows its own documents, and those
   * that need a selection wait for one. */
  assert_menu_for (fixture, "registry",
                   (const char *const[]) { "page.missing-consents", "page.consent-processing",
                                           "page.consent-distribution", "page.consent-mentor",
                                           "page.registry", NULL },
                   _("_Missing Consents…"));
  g_assert_true (action_enabled (fixture, "missing-consents"));
  g_assert_false (action_enabled (fixture, "consent-processing"));
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (nst_test_find_type (GTK_WIDGET (registry),
                                                                              GTK_TYPE_COLUMN_VIEW)));
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_true (action_enabled (fixture, "consent-processing"));
  gtk_selection_model_unselect_all (selection);
  assert_menu_for (fixture, "programmes", (const char *const[]) { "page.programme", NULL }, _("_Programme…"));
  g_assert_false (action_enabled (fixture, "programme"));
  assert_menu_for (fixture, "roadmap", (const char *const[]) { "page.roadmap", NULL }, _("_Roadmap (Table)…"));
  g_assert_cmpstr (nst_page_get_export_name (nst_window_get_visible_page (fixture->window)), ==,
                   _("Roadmap.xlsx"));
  assert_menu_for (fixture, "pairs", (const char *const[]) { "page.order-pairs", "page.order-pairs-replace", NULL },
                   _("_Order on Appointing Mentors…"));
  pairs = NST_PAIRS_PAGE (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_PAIRS_PAGE));
  g_assert_nonnull (pairs);
  /* «Экспорт…» saves what the visible tab lists, under its own name. */
  g_assert_cmpstr (nst_page_get_export_name (nst_window_get_visible_page (fixture->window)), ==,
                   _("Pairs and groups.xlsx"));
  actions = menu_actions (fixture);
  g_assert_false (g_strv_contains ((const char *const *) actions, "page.missing-consents"));

  /* The batch of missing consents, in its thread, to a real PDF: none
   * selected in the registry is everyone. */
  nst_documents_save_missing_consents (documents, NULL, TRUE, missing);
  g_assert_true (nst_documents_is_busy (documents));
  g_assert_true (nst_test_wait_for (not_busy, documents, 60000));
  nst_test_drain ();
  g_assert_true (g_file_test (missing_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (pdf_pages (missing_path), >, 10);
  /* Padded for two-sided printing: an even count. */
  g_assert_cmpint (pdf_pages (missing_path) % 2, ==, 0);
  /* From the menu, the file dialog offers the padding, on by default. */
  nst_documents_print_missing_consents (documents, NULL);
  g_assert_true (nst_test_wait_for (file_chooser_open, NULL, 5000));
  {
    GtkFileChooser *chooser = GTK_FILE_CHOOSER (nst_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
    GtkWindow *complaint;

    g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "duplex-padding"), ==, "true");
    nst_test_drain ();
    /* Under the test's bare session the dialog may complain of a folder
     * it cannot list: not ours. */
    if ((complaint = nst_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG)) != NULL)
      gtk_window_destroy (complaint);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    nst_test_drain ();
  }
  g_assert_null (nst_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  /* Turned off, the forms follow each other with no blank page. */
  {
    g_autofree char *single_path = g_build_filename (fixture->dir, "single-sided.pdf", NULL);
    g_autoptr(GFile) single = g_file_new_for_path (single_path);

    nst_documents_save_missing_consents (documents, NULL, FALSE, single);
    g_assert_true (nst_test_wait_for (not_busy, documents, 60000));
    nst_test_drain ();
    g_assert_cmpint (pdf_pages (single_path), <, pdf_pages (missing_path));
  }

  /* The default set of pairs is refused, saying why, and writes nothing. */
  nst_pairs_page_reload (pairs);
  nst_test_drain ();
  g_assert_false (nst_documents_save_pairs_order (documents, NULL, refused));
  g_assert_true (nst_test_wait_for (message_dialog_open, NULL, 5000));
  gtk_window_destroy (nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  nst_test_drain ();
  g_assert_false (g_file_test (refused_path, G_FILE_TEST_EXISTS));
  /* From the menu, before any file is asked for, the order's dialog
   * (test-ui-order-dialog.c drives it); Escape closes it. */
  {
    GtkWindow *prepare = nst_documents_print_pairs_order (documents, NULL, NULL);
    GType type;

    g_assert_nonnull (prepare);
    type = G_OBJECT_TYPE (prepare);
    nst_test_drain ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (prepare)));
    g_assert_true (nst_test_press_shortcut (GTK_WIDGET (prepare), GDK_KEY_Escape, 0));
    nst_test_drain ();
    g_assert_null (nst_test_find_toplevel (type));
  }

  /* A draft that can be appointed: the order is issued and journaled. */
  g_assert_true (nst_pairs_page_select (pairs, 38));
  group = nst_pairs_page_dup_selected (pairs);
  g_assert_true (nst_documents_save_pairs_order (documents, group, order_file));
  nst_test_drain ();
  g_assert_cmpint (pdf_pages (order_path), >=, 2);
  /* A pair an order fixed already: that order is reprinted, not issued again. */
  {
    g_autoptr(NstGroup) fixed = NULL;
    g_autoptr(GListStore) before = nst_store_list_orders (nst_window_get_store (fixture->window), NULL, NULL);
    g_autoptr(GListStore) after = NULL;
    g_autofree char *reprint_path = g_build_filename (fixture->dir, "reprint.pdf", NULL);
    g_autoptr(GFile) reprint = g_file_new_for_path (reprint_path);

    g_assert_true (nst_pairs_page_select (pairs, 10));
    fixed = nst_pairs_page_dup_selected (pairs);
    g_assert_cmpint (nst_group_get_order_id (fixed), !=, 0);
    g_assert_true (nst_documents_save_pairs_order (documents, fixed, reprint));
    nst_test_drain ();
    g_assert_cmpint (pdf_pages (reprint_path), >=, 1);
    after = nst_store_list_orders (nst_window_get_store (fixture->window), NULL, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==,
                      g_list_model_get_n_items (G_LIST_MODEL (before)));
  }

  journal = NST_ORDERS_WINDOW (nst_documents_show_journal (documents));
  nst_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (nst_orders_window_get_orders (journal)), >=, 1);
  order = g_list_model_get_item (nst_orders_window_get_orders (journal), 0);
  g_assert_cmpstr (nst_order_get_kind (order), ==, NST_ORDER_KIND_PAIRS);

  /* «Распечатать…» follows the selection; the print module shows GTK's
   * print dialog, modal to the journal, which is closed unused. */
  print_button = nst_test_find_named (GTK_WIDGET (journal), "print-button");
  g_assert_nonnull (print_button);
  g_assert_true (gtk_widget_get_sensitive (print_button));
  nst_print_pdf_file (GTK_WINDOW (journal), order_file, "order.pdf");
  g_assert_true (nst_test_wait_for (print_dialog_open, NULL, 5000));
  dialog = nst_test_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (journal));
  gtk_window_destroy (dialog);
  nst_test_drain ();

  /* Searched: its day finds it, nonsense finds nothing. */
  search = nst_test_find_type (GTK_WIDGET (journal), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "xyzzy");
  expect = (Expect) { journal, 0 };
  g_assert_true (nst_test_wait_for (shows_n, &expect, 5000));
  g_assert_nonnull (nst_test_find_label (GTK_WIDGET (journal), _("No orders found")));
  /* The example school's journal has orders of its own: the day of the
   * test's order finds it alone. */
  gtk_editable_set_text (GTK_EDITABLE (search), "15.11.2025");
  expect = (Expect) { journal, 1 };
  g_assert_true (nst_test_wait_for (shows_n, &expect, 5000));
  gtk_window_destroy (GTK_WINDOW (journal));
  nst_test_drain ();
  stop_app (fixture);
}

static gboolean
school_dialog_open (gpointer data)
{
  return nst_test_find_toplevel (NST_TYPE_SCHOOL_DIALOG) != NULL;
}

/* A document the school's details do not allow yet is refused with the
 * way to them: «Заполнить сведения о школе…» opens the form; no file. */
static void
test_school_details_needed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "order.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(GError) error = NULL;
  NstStore *store;
  GtkWindow *dialog;
  GtkWidget *button;
  GtkWidget *registry;
  g_autoptr(NstGroup) ready = NULL;

  start_app (fixture);
  /* The window opens on the tab it was left on, which builds first. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (nst_test_find_type (GTK_WIDGET (fixture->window),
                                                                             ADW_TYPE_VIEW_STACK)),
                                         "registry");
  nst_test_drain ();
  registry = nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_REGISTRY_PAGE);
  g_assert_nonnull (registry);
  gtk_widget_activate_action (registry, "registry.load-demo", NULL);
  nst_test_drain ();
  store = nst_window_get_store (fixture->window);
  school = nst_store_load_school (store, &error);
  g_assert_no_error (error);
  nst_school_set_text (school, "full-name", "");
  nst_school_set_text (school, "director-name", "");
  g_assert_true (nst_store_save_school (store, school, &error));
  g_assert_no_error (error);

  /* Pair 38 of the example school is ready for its order. */
  ready = nst_store_get_group (store, 38, &error);
  g_assert_no_error (error);
  g_assert_false (nst_documents_save_pairs_order (nst_window_get_documents (fixture->window), ready, file));
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_true (nst_test_wait_for (message_dialog_open, NULL, 5000));
  dialog = nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Сначала заполните сведения о школе"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "school");
  button = nst_test_find_button (GTK_WIDGET (dialog), "_Заполнить сведения о школе…");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  g_assert_true (nst_test_wait_for (school_dialog_open, NULL, 5000));
  gtk_window_close (nst_test_find_toplevel (NST_TYPE_SCHOOL_DIALOG));
  nst_test_drain ();
  stop_app (fixture);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run the suite under xvfb-run, as the README says.\n");
      return 77;
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/documents/batch-order-journal", Fixture, NULL,
              fixture_set_up, test_documents, fixture_tear_down);
  g_test_add ("/ui/documents/school-details-needed", Fixture, NULL,
              fixture_set_up, test_school_details_needed, fixture_tear_down);
  return g_test_run ();
}
