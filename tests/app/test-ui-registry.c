/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The registry as its user works with it: the real window on a temporary
 * database, a participant added through the form, found by typing, and
 * found again after a restart; the participant and school forms' Save,
 * Cancel and Escape. Runs under Xvfb with G_DEBUG=fatal-warnings, so any
 * GTK warning or critical fails it. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "nst-application.h"
#include "widgets/nst-error-toast.h"
#include "registry/nst-import-dialog.h"
#include "registry/nst-participant-editor.h"
#include "registry/nst-registry-page.h"
#include "nst-school-dialog.h"
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
  /* The tab shown first is built once the window is on screen. */
  nst_test_drain ();
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

#define EDITOR GSIZE_TO_POINTER (NST_TYPE_PARTICIPANT_EDITOR)
#define SCHOOL_DIALOG GSIZE_TO_POINTER (NST_TYPE_SCHOOL_DIALOG)
#define MESSAGE_DIALOG GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)
#define IMPORT_DIALOG GSIZE_TO_POINTER (NST_TYPE_IMPORT_DIALOG)

static GtkWidget *
open_editor (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add", NULL);
  g_assert_true (nst_test_wait_for (is_open, EDITOR, 5000));
  return GTK_WIDGET (nst_test_find_toplevel (NST_TYPE_PARTICIPANT_EDITOR));
}

static GtkWidget *
open_school_dialog (Fixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "school", NULL);
  g_assert_true (nst_test_wait_for (is_open, SCHOOL_DIALOG, 5000));
  return GTK_WIDGET (nst_test_find_toplevel (NST_TYPE_SCHOOL_DIALOG));
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
  GtkWidget *editor = open_editor (fixture);
  GtkWidget *save = nst_test_find_named (editor, "save");

  g_assert_nonnull (save);
  /* An empty form cannot be saved. */
  g_assert_false (gtk_widget_is_sensitive (save));

  set_row_text (editor, "surname", "Ёлкина-Заречная");
  set_row_text (editor, "name", "Анна");
  set_row_text (editor, "patronymic", "Сергеевна");
  g_assert_true (gtk_widget_is_sensitive (save));

  g_signal_emit_by_name (save, "clicked");
  g_assert_true (nst_test_wait_for (is_closed, EDITOR, 5000));
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

static NstParticipant *
visible_at (Fixture *fixture,
            guint    position)
{
  return g_list_model_get_item (nst_registry_page_get_visible (fixture->page), position);
}

/* Several people selected, their consents marked received at once, and
 * taken back with «Отменить». */
static void
test_mark_consents (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkSelectionModel *selection;
  AdwMessageDialog *dialog;
  GtkWidget *view;
  g_autoptr(NstParticipant) first = NULL;
  g_autoptr(NstParticipant) after = NULL;

  start_app (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.load-demo", NULL);
  nst_test_drain ();
  /* Teachers lacking a consent to processing: the category filter's item
   * 1 (NstCategory + 1), the consent filter's item 2. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (nst_test_find_named (GTK_WIDGET (fixture->page), "category_filter")),
                              NST_CATEGORY_TEACHER + 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (nst_test_find_named (GTK_WIDGET (fixture->page), "consent_filter")), 2);
  nst_test_drain ();
  g_assert_cmpuint (visible_count (fixture), >=, 2);
  first = visible_at (fixture, 0);
  g_assert_true (nst_participant_get_missing_consents (first) & NST_CONSENT_MISSING_PROCESSING);
  view = nst_test_find_type (GTK_WIDGET (fixture->page), GTK_TYPE_COLUMN_VIEW);
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  g_assert_true (nst_test_press_shortcut (GTK_WIDGET (fixture->page), GDK_KEY_k, GDK_CONTROL_MASK));
  g_assert_true (nst_test_wait_for (is_open, MESSAGE_DIALOG, 5000));
  dialog = ADW_MESSAGE_DIALOG (nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Mark Consents as Received"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "mark"));
  g_signal_emit_by_name (nst_test_find_button (GTK_WIDGET (dialog), _("_Mark")), "clicked");
  g_assert_true (nst_test_wait_for (is_closed, MESSAGE_DIALOG, 5000));
  nst_test_drain ();

  /* They no longer lack it: the filter lets them go. */
  for (guint i = 0; i < g_list_model_get_n_items (nst_registry_page_get_visible (fixture->page)); i++)
    {
      g_autoptr(NstParticipant) p = visible_at (fixture, i);

      g_assert_cmpint (nst_participant_get_id (p), !=, nst_participant_get_id (first));
    }
  stop_app (fixture);

  /* Recorded for good: they are still there after a restart. */
  start_app (fixture);
  after = nst_store_get_participant (nst_window_get_store (fixture->window), nst_participant_get_id (first), NULL);
  g_assert_nonnull (after);
  g_assert_false (nst_participant_get_missing_consents (after) & NST_CONSENT_MISSING_PROCESSING);
  stop_app (fixture);
}

static gboolean
row_marked (GtkWidget  *form,
            const char *name)
{
  GtkWidget *row = nst_test_find_named (form, name);

  g_assert_nonnull (row);
  return gtk_widget_has_css_class (row, "error");
}

static gboolean
problem_toast_gone (gpointer form)
{
  return nst_test_find_label (form, _("Some fields need correcting")) == NULL;
}

/* Clicks @label in the dialog that asks before changes are lost. */
static void
answer_discard_dialog (const char *label)
{
  AdwMessageDialog *dialog;
  GtkWidget *button;

  g_assert_true (nst_test_wait_for (is_open, MESSAGE_DIALOG, 5000));
  dialog = ADW_MESSAGE_DIALOG (nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Discard changes?"));
  button = nst_test_find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (nst_test_wait_for (is_closed, MESSAGE_DIALOG, 5000));
  nst_test_drain ();
}

static void
test_editor_discard (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *editor;

  start_app (fixture);

  /* Nothing typed: Cancel closes at once. */
  editor = open_editor (fixture);
  g_signal_emit_by_name (nst_test_find_button (editor, _("_Cancel")), "clicked");
  nst_test_drain ();
  g_assert_null (nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (nst_test_wait_for (is_closed, EDITOR, 5000));

  /* Something typed: Escape asks first, and «Continue Editing» keeps it. */
  editor = open_editor (fixture);
  set_row_text (editor, "surname", "Петрова");
  g_assert_true (nst_test_press_shortcut (editor, GDK_KEY_Escape, 0));
  answer_discard_dialog (_("_Continue Editing"));
  g_assert_true (GTK_WIDGET (nst_test_find_toplevel (NST_TYPE_PARTICIPANT_EDITOR)) == editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nst_test_find_named (editor, "surname"))),
                   ==, "Петрова");

  /* «Discard Changes» closes it, and nothing is saved. */
  g_assert_true (nst_test_press_shortcut (editor, GDK_KEY_Escape, 0));
  answer_discard_dialog (_("_Discard Changes"));
  g_assert_true (nst_test_wait_for (is_closed, EDITOR, 5000));
  g_assert_cmpuint (visible_count (fixture), ==, 0);
  stop_app (fixture);
}

static void
test_editor_save_shortcut (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *editor;

  start_app (fixture);
  editor = open_editor (fixture);
  g_assert_false (row_marked (editor, "surname"));

  /* Ctrl+Enter on an empty form says what is wrong instead of nothing. */
  g_assert_true (nst_test_press_shortcut (editor, GDK_KEY_Return, GDK_CONTROL_MASK));
  nst_test_drain ();
  g_assert_true (is_open (EDITOR));
  g_assert_nonnull (nst_test_find_label (editor, _("Some fields need correcting")));
  g_assert_true (row_marked (editor, "surname"));

  set_row_text (editor, "surname", "Ёлкина");
  set_row_text (editor, "name", "Анна");
  set_row_text (editor, "patronymic", "Сергеевна");
  g_assert_false (row_marked (editor, "surname"));
  g_assert_true (nst_test_wait_for (problem_toast_gone, editor, 5000));

  g_assert_true (nst_test_press_shortcut (editor, GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_true (nst_test_wait_for (is_closed, EDITOR, 5000));
  nst_test_drain ();
  assert_found_only (fixture, "Ёлкина");
  stop_app (fixture);
}

static void
school_saved_cb (NstSchoolDialog  *dialog,
                 NstSchool        *school,
                 NstSchool       **saved)
{
  g_assert_null (*saved);
  *saved = g_object_ref (school);
}

static const char *
row_text (GtkWidget  *form,
          const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (nst_test_find_named (form, name)));
}

static void
test_school_save (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NstSchool) saved = NULL;
  GtkWidget *dialog, *save;

  start_app (fixture);
  dialog = open_school_dialog (fixture);
  save = nst_test_find_named (dialog, "save");
  /* Only the full name is required, but a new school has none. */
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_false (row_marked (dialog, "full-name"));

  set_row_text (dialog, "inn", "123");
  g_assert_true (row_marked (dialog, "inn"));
  g_assert_true (nst_test_press_shortcut (dialog, GDK_KEY_Return, GDK_CONTROL_MASK));
  nst_test_drain ();
  g_assert_true (is_open (SCHOOL_DIALOG));
  g_assert_nonnull (nst_test_find_label (dialog, _("Some fields need correcting")));
  g_assert_true (row_marked (dialog, "full-name"));

  set_row_text (dialog, "inn", "7701234567");
  set_row_text (dialog, "full-name", "  МБОУ «Школа № 5»  ");
  g_assert_true (gtk_widget_is_sensitive (save));
  g_signal_connect (dialog, "saved", G_CALLBACK (school_saved_cb), &saved);
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (nst_test_wait_for (is_closed, SCHOOL_DIALOG, 5000));
  g_assert_nonnull (saved);
  g_assert_cmpstr (nst_school_get_text (saved, "full-name"), ==, "МБОУ «Школа № 5»");
  nst_test_drain ();
  g_assert_nonnull (nst_test_find_label (GTK_WIDGET (fixture->window), _("School details saved")));

  /* Opened again: what was saved, and Escape closes at once when
   * nothing changed. */
  dialog = open_school_dialog (fixture);
  g_assert_cmpstr (row_text (dialog, "full-name"), ==, "МБОУ «Школа № 5»");
  g_assert_cmpstr (row_text (dialog, "inn"), ==, "7701234567");
  g_assert_true (nst_test_press_shortcut (dialog, GDK_KEY_Escape, 0));
  nst_test_drain ();
  g_assert_null (nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (nst_test_wait_for (is_closed, SCHOOL_DIALOG, 5000));
  stop_app (fixture);
}


static NstParticipant *
add_person (NstStore    *store,
            const char  *surname,
            const char  *name,
            NstCategory  category,
            const char  *post)
{
  NstParticipant *p = nst_participant_new ();
  g_autoptr(GPtrArray) consents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  nst_participant_set_surname (p, surname);
  nst_participant_set_name (p, name);
  nst_participant_set_category (p, category);
  if (category == NST_CATEGORY_STUDENT)
    {
      nst_participant_set_class_name (p, "7А");
      nst_participant_set_birth_date (p, "2012-03-04");
    }
  else
    nst_participant_set_post (p, post);
  g_assert_true (nst_store_save_participant (store, p, consents, &error));
  g_assert_no_error (error);
  return p;
}

/* «Сведения о школе»: the curator is one of the staff, chosen from a list
 * that has no pupils; the name and post come from the card, and the
 * orders read them back. */
static void
test_school_curator (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(NstParticipant) deputy = NULL;
  g_autoptr(NstParticipant) pupil = NULL;
  g_autoptr(NstSchool) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *name_row, *post_row;
  AdwComboRow *curator;
  GListModel *items;
  NstStore *store;

  start_app (fixture);
  store = nst_window_get_store (fixture->window);
  deputy = add_person (store, "Бирюкова", "Евгения", NST_CATEGORY_HEAD, "заместитель директора по УВР");
  pupil = add_person (store, "Ильин", "Артём", NST_CATEGORY_STUDENT, NULL);
  dialog = open_school_dialog (fixture);
  curator = ADW_COMBO_ROW (nst_test_find_named (dialog, "curator"));
  name_row = nst_test_find_named (dialog, "curator-name");
  post_row = nst_test_find_named (dialog, "curator-post");
  items = adw_combo_row_get_model (curator);
  /* «Not chosen», then the one member of staff: no pupil. */
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (curator), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (name_row));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (items), 1), ==,
                   "Бирюкова Евгения, заместитель директора по УВР");

  adw_combo_row_set_selected (curator, 1);
  nst_test_drain ();
  g_assert_cmpstr (row_text (dialog, "curator-name"), ==, "Бирюкова Евгения");
  g_assert_cmpstr (row_text (dialog, "curator-post"), ==, "заместитель директора по УВР");
  g_assert_false (gtk_widget_is_sensitive (name_row));
  g_assert_false (gtk_widget_is_sensitive (post_row));
  set_row_text (dialog, "full-name", "МБОУ «Школа № 5»");
  g_signal_emit_by_name (nst_test_find_named (dialog, "save"), "clicked");
  g_assert_true (nst_test_wait_for (is_closed, SCHOOL_DIALOG, 5000));
  nst_test_drain ();

  stored = nst_store_load_school (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nst_school_get_curator_id (stored), ==, nst_participant_get_id (deputy));
  g_assert_cmpstr (nst_school_get_text (stored, "curator-name"), ==, "Бирюкова Евгения");

  /* Opened again, she is the one chosen. */
  dialog = open_school_dialog (fixture);
  curator = ADW_COMBO_ROW (nst_test_find_named (dialog, "curator"));
  g_assert_cmpuint (adw_combo_row_get_selected (curator), ==, 1);
  g_assert_true (nst_test_press_shortcut (dialog, GDK_KEY_Escape, 0));
  nst_test_drain ();
  g_assert_null (nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (nst_test_wait_for (is_closed, SCHOOL_DIALOG, 5000));
  stop_app (fixture);
}

/* An error toast shows the message as written, whatever it quotes, and
 * «Details» shows all of it under a heading. */
static void
test_error_toast_details (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                 "The file <school.db> is locked & read-only");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  AdwMessageDialog *dialog;

  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                               nst_error_toast_new (GTK_WINDOW (window), "Could not save", error));
  nst_test_drain ();
  g_assert_nonnull (nst_test_find_label (window, error->message));

  g_signal_emit_by_name (nst_test_find_button (window, _("_Details")), "clicked");
  g_assert_true (nst_test_wait_for (is_open, MESSAGE_DIALOG, 5000));
  dialog = ADW_MESSAGE_DIALOG (nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not save");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, error->message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_signal_emit_by_name (nst_test_find_button (GTK_WIDGET (dialog), _("_Close")), "clicked");
  g_assert_true (nst_test_wait_for (is_closed, MESSAGE_DIALOG, 5000));
  gtk_window_destroy (GTK_WINDOW (window));
  nst_test_drain ();
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

/* The empty registry offers the three ways to fill it; «Импортировать из
 * файла…» opens the import window. */
static void
test_empty_offers_import (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *const labels[] = {
    "_Добавить участника", "_Импортировать из файла…", "_Загрузить пример школы",
  };
  GtkWidget *import = NULL;

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "ru") != 0)
    {
      g_test_skip ("LANGUAGE is not ru");
      return;
    }
  start_app (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *button = nst_test_find_button (GTK_WIDGET (fixture->page), labels[i]);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_is_visible (button) && gtk_widget_is_sensitive (button));
      if (i == 1)
        import = button;
    }
  gtk_widget_activate (import);
  g_assert_true (nst_test_wait_for (is_open, IMPORT_DIALOG, 5000));
  gtk_window_close (nst_test_find_toplevel (NST_TYPE_IMPORT_DIALOG));
  g_assert_true (nst_test_wait_for (is_closed, IMPORT_DIALOG, 5000));
  stop_app (fixture);
}

/* A change made while another tab is shown (here straight in the store, as
 * a pair's form marks a consent) is in the registry when it is shown again. */
static void
test_catch_up_after_other_tab (Fixture       *fixture,
                               gconstpointer  data)
{
  AdwViewStack *stack;
  g_autoptr(NstParticipant) first = NULL;
  g_autoptr(NstParticipant) shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) consents = NULL;
  NstStore *store;

  start_app (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.load-demo", NULL);
  nst_test_drain ();
  g_assert_cmpuint (visible_count (fixture), >, 0);
  first = g_list_model_get_item (nst_registry_page_get_visible (fixture->page), 0);
  stack = ADW_VIEW_STACK (nst_test_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, "pairs");
  nst_test_drain ();
  store = nst_window_get_store (fixture->window);
  consents = nst_store_list_consents (store, nst_participant_get_id (first), &error);
  g_assert_no_error (error);
  nst_participant_set_note (first, "Изменено на другой вкладке");
  g_assert_true (nst_store_save_participant (store, first, consents, &error));
  g_assert_no_error (error);

  adw_view_stack_set_visible_child_name (stack, "registry");
  nst_test_drain ();
  for (guint i = 0; i < visible_count (fixture) && shown == NULL; i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (nst_registry_page_get_visible (fixture->page), i);

      if (nst_participant_get_id (p) == nst_participant_get_id (first))
        shown = g_steal_pointer (&p);
    }
  g_assert_nonnull (shown);
  g_assert_true (shown != first);
  g_assert_cmpstr (nst_participant_get_note (shown), ==, "Изменено на другой вкладке");
  stop_app (fixture);
}

/* The column titles are words, not «Мол.сп.»; a narrow one takes two
 * lines, and each abbreviated or narrow one says in full on hover. */
static void
test_column_titles (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *wanted[][2] = {
    { "Педстаж", "Педагогический стаж, полных лет" },
    { "Стаж наставника", "Стаж наставнической деятельности, полных лет" },
    { "Молодой специалист", "Молодой специалист: первые три года педагогической работы после колледжа или вуза" },
  };
  GtkWidget *view, *header;
  guint found = 0;

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "ru") != 0)
    {
      g_test_skip ("LANGUAGE is not ru");
      return;
    }
  start_app (fixture);
  view = nst_test_find_type (GTK_WIDGET (fixture->page), GTK_TYPE_COLUMN_VIEW);
  header = gtk_widget_get_first_child (view);
  for (GtkWidget *title = gtk_widget_get_first_child (header); title; title = gtk_widget_get_next_sibling (title))
    {
      GtkWidget *label = nst_test_find_type (title, GTK_TYPE_LABEL);
      const char *text = gtk_label_get_text (GTK_LABEL (label));

      g_assert_null (strchr (text, '.'));
      for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
        if (g_str_equal (text, wanted[i][0]))
          {
            g_assert_cmpstr (gtk_widget_get_tooltip_text (title), ==, wanted[i][1]);
            found++;
          }
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (wanted));
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
  g_test_add ("/ui/registry/mark-consents", Fixture, NULL,
              fixture_set_up, test_mark_consents, fixture_tear_down);
  g_test_add ("/ui/editor/discard", Fixture, NULL,
              fixture_set_up, test_editor_discard, fixture_tear_down);
  g_test_add ("/ui/editor/save-shortcut", Fixture, NULL,
              fixture_set_up, test_editor_save_shortcut, fixture_tear_down);
  g_test_add ("/ui/school/save", Fixture, NULL,
              fixture_set_up, test_school_save, fixture_tear_down);
  g_test_add ("/ui/school/curator", Fixture, NULL,
              fixture_set_up, test_school_curator, fixture_tear_down);
  g_test_add_func ("/ui/error-toast/details", test_error_toast_details);
  g_test_add ("/ui/registry/empty-offers-import", Fixture, NULL,
              fixture_set_up, test_empty_offers_import, fixture_tear_down);
  g_test_add ("/ui/window/catch-up-after-other-tab", Fixture, NULL,
              fixture_set_up, test_catch_up_after_other_tab, fixture_tear_down);
  g_test_add ("/ui/registry/column-titles", Fixture, NULL,
              fixture_set_up, test_column_titles, fixture_tear_down);
  g_test_add ("/ui/window/russian-tabs", Fixture, NULL,
              fixture_set_up, test_russian_tabs, fixture_tear_down);
  return g_test_run ();
}
