/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The texts of orders as the school edits them: the dialog opened through
 * the app action, a text changed, a broken one refused, saved, and found
 * again when the dialog is opened anew; the standard text brought back.
 * Runs under Xvfb with G_DEBUG=fatal-warnings. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "nst-application.h"
#include "model/nst-order.h"
#include "docs/nst-order-template.h"
#include "store/nst-store-templates.h"
#include "documents/nst-templates-dialog.h"
#include "nst-ui-test-util.h"
#include "nst-window.h"

typedef struct
{
  char *dir;
  char *db_path;
  NstApplication *app;
  NstWindow *window;
} Fixture;

#define DIALOG GSIZE_TO_POINTER (NST_TYPE_TEMPLATES_DIALOG)

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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nst-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "school.db", NULL);
  fixture->app = nst_application_new ();
  g_application_set_application_id (G_APPLICATION (fixture->app), "org.nastavnik.Nastavnik.TestTemplates");
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
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_close (GTK_WINDOW (fixture->window));
  nst_test_drain ();
  g_clear_object (&fixture->app);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static GtkWidget *
open_dialog (Fixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "order-templates", NULL);
  g_assert_true (nst_test_wait_for (is_open, DIALOG, 5000));
  return GTK_WIDGET (nst_test_find_toplevel (NST_TYPE_TEMPLATES_DIALOG));
}

static GtkTextBuffer *
dialog_buffer (GtkWidget *dialog)
{
  GtkWidget *view = nst_test_find_named (dialog, "text");

  g_assert_nonnull (view);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static char *
dialog_text (GtkWidget *dialog)
{
  GtkTextBuffer *buffer = dialog_buffer (dialog);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
select_kind (GtkWidget *dialog,
             guint      index)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (nst_test_find_named (dialog, "kind")), index);
  nst_test_drain ();
}

static guint
index_of (const char *kind)
{
  const char *const *kinds = nst_order_template_kinds ();

  for (guint i = 0; kinds[i]; i++)
    if (g_str_equal (kinds[i], kind))
      return i;
  g_assert_not_reached ();
}

static void
test_edit_save_reopen (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *custom = "О назначении куратора\n\nОсобый текст для {school_short_name}.\n\n"
                       "ПРИКАЗЫВАЮ:\n\n* Назначить {curator_name_acc} куратором.\n";
  g_autofree char *standard = nst_order_template_default (NST_ORDER_KIND_CURATOR, NULL);
  g_autofree char *shown = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  NstStore *store = nst_window_get_store (fixture->window);
  GtkWidget *dialog = open_dialog (fixture);
  GtkWidget *save = nst_test_find_named (dialog, "save");
  GtkWidget *error_label = nst_test_find_named (dialog, "error");
  GtkWidget *reset = nst_test_find_named (dialog, "reset");

  select_kind (dialog, index_of (NST_ORDER_KIND_CURATOR));
  shown = dialog_text (dialog);
  g_assert_cmpstr (shown, ==, standard);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_is_sensitive (reset));

  /* A broken field: the error under the text, and no saving. */
  gtk_text_buffer_set_text (dialog_buffer (dialog), "О чём-то\n\nТекст с {no_such_field}.", -1);
  nst_test_drain ();
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "no_such_field"));
  g_assert_false (gtk_widget_is_sensitive (save));

  gtk_text_buffer_set_text (dialog_buffer (dialog), custom, -1);
  nst_test_drain ();
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_is_sensitive (reset));
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (nst_test_wait_for (is_closed, DIALOG, 5000));
  nst_test_drain ();

  stored = nst_store_get_order_template (store, NST_ORDER_KIND_CURATOR, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, custom);

  /* Opened again: the school's text; then the standard one brought back. */
  dialog = open_dialog (fixture);
  select_kind (dialog, index_of (NST_ORDER_KIND_CURATOR));
  g_clear_pointer (&shown, g_free);
  shown = dialog_text (dialog);
  g_assert_cmpstr (shown, ==, custom);
  g_signal_emit_by_name (nst_test_find_named (dialog, "reset"), "clicked");
  nst_test_drain ();
  g_clear_pointer (&shown, g_free);
  shown = dialog_text (dialog);
  g_assert_cmpstr (shown, ==, standard);
  g_signal_emit_by_name (nst_test_find_named (dialog, "save"), "clicked");
  g_assert_true (nst_test_wait_for (is_closed, DIALOG, 5000));
  nst_test_drain ();
  g_clear_pointer (&stored, g_free);
  stored = nst_store_get_order_template (store, NST_ORDER_KIND_CURATOR, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
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
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/templates/edit-save-reopen", Fixture, NULL,
              fixture_set_up, test_edit_save_reopen, fixture_tear_down);
  return g_test_run ();
}
