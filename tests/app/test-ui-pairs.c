/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pairs and programmes as the curator works with them: the real window on
 * a temporary database with a few teachers; a pair formed through the
 * editor by typing names, its programme made from the built-in template,
 * an activity marked done and the progress seen to change in the programme
 * and in the list of pairs; a group of one mentee refused with its
 * message; an approval refused with the list of missing consents. Runs
 * under Xvfb with G_DEBUG=fatal-warnings, so any GTK warning fails it. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "nst-application.h"
#include "demo/nst-demo.h"
#include "model/nst-consent.h"
#include "pairs/nst-group-editor.h"
#include "pairs/nst-pairs-page.h"
#include "pairs/nst-participant-row.h"
#include "programmes/nst-plan-row.h"
#include "programmes/nst-programme-editor.h"
#include "programmes/nst-programmes-page.h"
#include "registry/nst-registry-page.h"
#include "store/nst-store-groups.h"
#include "nst-ui-test-util.h"
#include "widgets/nst-date-row.h"
#include "nst-window.h"

typedef struct
{
  char *dir;
  char *db_path;
  NstApplication *app;
  NstWindow *window;
  NstPairsPage *pairs;
} Fixture;

/* ---- the school ---------------------------------------------------------- */

static void
add_teacher (NstStore   *store,
             const char *surname,
             const char *name,
             const char *patronymic,
             gboolean    mentor,
             gboolean    with_consents)
{
  g_autoptr(NstParticipant) p = nst_participant_new ();
  g_autoptr(GPtrArray) consents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  nst_participant_set_surname (p, surname);
  nst_participant_set_name (p, name);
  nst_participant_set_patronymic (p, patronymic);
  nst_participant_set_category (p, NST_CATEGORY_TEACHER);
  nst_participant_set_post (p, "учитель математики");
  nst_participant_set_subjects (p, "математика");
  nst_participant_set_is_mentor (p, mentor);
  nst_participant_set_is_mentee (p, !mentor);
  nst_participant_set_teaching_since (p, mentor ? "2001-09-01" : "2024-09-01");
  if (mentor)
    nst_participant_set_competences (p, "подготовка к ОГЭ по математике, цифровые платформы");
  else
    nst_participant_set_request (p, "подготовка учащихся к ОГЭ по математике");
  if (with_consents)
    {
      NstConsent *processing = nst_consent_new (NST_CONSENT_PROCESSING);

      nst_consent_set_signed_on (processing, "2025-09-01");
      g_ptr_array_add (consents, processing);
      if (mentor)
        {
          NstConsent *consent = nst_consent_new (NST_CONSENT_MENTOR);

          nst_consent_set_signed_on (consent, "2025-09-01");
          g_ptr_array_add (consents, consent);
        }
    }
  g_assert_true (nst_store_save_participant (store, p, consents, &error));
  g_assert_no_error (error);
}

static void
fill_school (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstStore) store = nst_store_open (fixture->db_path, &error);

  g_assert_no_error (error);
  add_teacher (store, "Смирнова", "Мария", "Петровна", TRUE, TRUE);
  add_teacher (store, "Ёлкина", "Анна", "Сергеевна", FALSE, TRUE);
  add_teacher (store, "Кузнецов", "Олег", "Иванович", TRUE, FALSE);
  add_teacher (store, "Петров", "Иван", "Ильич", FALSE, FALSE);
}

/* ---- the window ------------------------------------------------------------ */

static void
start_app (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  static guint starts;
  g_autofree char *app_id = g_strdup_printf ("org.nastavnik.Nastavnik.TestPairs%u", ++starts);
  AdwViewStack *stack;

  fixture->app = nst_application_new ();
  /* A new bus name each time: GApplication may keep the old one exported
   * until the main loop is gone. */
  g_application_set_application_id (G_APPLICATION (fixture->app), app_id);
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  nst_application_set_database_path (fixture->app, fixture->db_path);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = NST_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  stack = ADW_VIEW_STACK (nst_test_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "pairs");
  /* Already the tab shown (the window remembers it): built once the
   * window is on screen. */
  nst_test_drain ();
  fixture->pairs = NST_PAIRS_PAGE (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_PAIRS_PAGE));
  g_assert_nonnull (fixture->pairs);
  nst_test_drain ();
}

static void
stop_app (Fixture *fixture)
{
  gtk_window_close (GTK_WINDOW (fixture->window));
  nst_test_drain ();
  g_clear_object (&fixture->app);
  fixture->window = NULL;
  fixture->pairs = NULL;
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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nst-ui-pairs-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "school.db", NULL);
  fill_school (fixture);
}

/* The example school: hundreds of people, some named Новиков. */
static void
fixture_set_up_demo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstStore) store = NULL;

  fixture->dir = g_dir_make_tmp ("nst-ui-pairs-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "school.db", NULL);
  store = nst_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (nst_demo_fill (store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
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

#define GROUP_EDITOR GSIZE_TO_POINTER (NST_TYPE_GROUP_EDITOR)
#define PROGRAMME_EDITOR GSIZE_TO_POINTER (NST_TYPE_PROGRAMME_EDITOR)
#define MESSAGE_DIALOG GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)

static GtkWidget *
wait_for (gpointer type)
{
  g_assert_true (nst_test_wait_for (is_open, type, 5000));
  nst_test_drain ();
  return GTK_WIDGET (nst_test_find_toplevel (GPOINTER_TO_SIZE (type)));
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = nst_test_find_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

/* As the curator does: a few letters, then Enter takes the first match. */
static void
pick_by_typing (GtkWidget  *editor,
                const char *row_name,
                const char *typed)
{
  GtkWidget *row = named (editor, row_name);

  gtk_editable_set_text (GTK_EDITABLE (row), typed);
  nst_test_drain ();
  g_assert_cmpuint (nst_participant_row_get_n_matches (NST_PARTICIPANT_ROW (row)), >=, 1);
  g_signal_emit_by_name (row, "entry-activated");
  nst_test_drain ();
}

static void
set_text (GtkWidget  *editor,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (editor, name)), text);
  nst_test_drain ();
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = nst_test_find_button (root, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  nst_test_drain ();
}

static GtkWidget *
open_pair_editor (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add", NULL);
  return wait_for (GROUP_EDITOR);
}

static NstGroup *
visible_pair (Fixture *fixture,
              guint    index)
{
  return g_list_model_get_item (nst_pairs_page_get_visible (fixture->pairs), index);
}

/* ---- the tests --------------------------------------------------------------- */

static GtkWidget *
find_live_check (GtkWidget *root)
{
  if (GTK_IS_CHECK_BUTTON (root) && g_strcmp0 (gtk_widget_get_name (root), "occurrence") == 0 &&
      gtk_widget_is_sensitive (root) && !gtk_check_button_get_active (GTK_CHECK_BUTTON (root)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_live_check (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_plan_rows (GtkWidget *editor)
{
  GtkWidget *plan = named (editor, "plan");
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (plan); child; child = gtk_widget_get_next_sibling (child))
    n += NST_IS_PLAN_ROW (child);
  return n;
}

static void
form_pair (Fixture *fixture)
{
  GtkWidget *editor = open_pair_editor (fixture);
  GtkWidget *save = named (editor, "save");
  g_autoptr(NstGroup) pair = NULL;

  g_assert_false (gtk_widget_is_sensitive (save));
  pick_by_typing (editor, "mentor", "смирн");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "mentor"))), ==,
                   "Смирнова Мария Петровна");
  /* е for ё, in lower case, as people type. */
  pick_by_typing (editor, "add-mentee", "елкина");
  g_assert_nonnull (nst_test_find_named (editor, "mentee"));
  /* Mentors are suggested for the mentee, the one chosen marked. */
  g_assert_nonnull (nst_test_find_named (editor, "suggestion"));
  /* Two teachers make «педагог – педагог», which needs a model: the first. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (named (editor, "form"))), ==,
                    NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE);
  set_text (editor, "starts-on", "01.09.2025");
  set_text (editor, "ends-on", "31.05.2026");
  g_assert_true (gtk_widget_is_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (nst_test_wait_for (is_closed, GROUP_EDITOR, 5000));
  nst_test_drain ();

  g_assert_cmpuint (g_list_model_get_n_items (nst_pairs_page_get_visible (fixture->pairs)), ==, 1);
  pair = visible_pair (fixture, 0);
  g_assert_cmpstr (nst_group_get_mentor_name (pair), ==, "Смирнова Мария Петровна");
  g_assert_cmpuint (nst_group_get_n_mentees (pair), ==, 1);
  g_assert_cmpint (nst_group_get_status (pair), ==, NST_GROUP_STATUS_DRAFT);
  g_assert_cmpint (nst_group_get_programme_id (pair), ==, 0);
}

static void
write_programme_from_template (Fixture *fixture)
{
  GtkWidget *dialog, *editor;

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (nst_test_find_type (GTK_WIDGET (fixture->pairs), GTK_TYPE_COLUMN_VIEW)))), 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->pairs), "pairs.programme", NULL);
  dialog = wait_for (MESSAGE_DIALOG);
  /* The built-in «педагог – педагог» template is offered first. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (named (dialog, "template"))), ==, 0);
  click (dialog, _("C_reate"));
  editor = wait_for (PROGRAMME_EDITOR);
  /* The seed's seven activities, their dates moved into 2025/2026. */
  g_assert_cmpuint (count_plan_rows (editor), ==, 7);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "schedule"))), ==,
                   "Январь 2025 Сентябрь 2026");
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  g_assert_true (nst_test_wait_for (is_closed, PROGRAMME_EDITOR, 5000));
  nst_test_drain ();
}

static void
test_pair_programme_progress (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(NstGroup) before = NULL;
  g_autoptr(NstGroup) after = NULL;
  GtkWidget *editor, *check, *bar;
  g_autofree char *bar_before = NULL;

  start_app (fixture);
  form_pair (fixture);
  write_programme_from_template (fixture);
  before = visible_pair (fixture, 0);
  g_assert_cmpint (nst_group_get_programme_id (before), !=, 0);

  /* Opened again from the list, it is the same programme, and a date of
   * its plan is marked done at once. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (nst_test_find_type (GTK_WIDGET (fixture->pairs), GTK_TYPE_COLUMN_VIEW)))), 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->pairs), "pairs.programme", NULL);
  editor = wait_for (PROGRAMME_EDITOR);
  bar = nst_test_find_type (editor, GTK_TYPE_PROGRESS_BAR);
  bar_before = g_strdup (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)));
  check = find_live_check (editor);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  nst_test_drain ();
  g_assert_cmpstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), !=, bar_before);

  /* Nothing typed: Escape closes at once, and the list shows the mark. */
  g_assert_true (nst_test_press_shortcut (editor, GDK_KEY_Escape, 0));
  g_assert_true (nst_test_wait_for (is_closed, PROGRAMME_EDITOR, 5000));
  nst_test_drain ();
  after = visible_pair (fixture, 0);
  g_assert_cmpuint (nst_group_get_progress_done (after), ==, nst_group_get_progress_done (before) + 1);
  stop_app (fixture);
}

static void
test_group_needs_two (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *editor;

  start_app (fixture);
  editor = open_pair_editor (fixture);
  /* A new pair runs from today (NST_TODAY) to the end of the school year. */
  g_assert_cmpstr (nst_date_row_get_iso_date (NST_DATE_ROW (named (editor, "starts-on"))), ==, "2025-11-15");
  g_assert_cmpstr (nst_date_row_get_iso_date (NST_DATE_ROW (named (editor, "ends-on"))), ==, "2026-05-31");
  pick_by_typing (editor, "mentor", "смирнова");
  pick_by_typing (editor, "add-mentee", "ёлкина");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "kind")), NST_GROUP_KIND_GROUP);
  nst_test_drain ();
  g_assert_false (gtk_widget_is_sensitive (named (editor, "save")));

  /* Ctrl+Enter says why instead of saving. */
  g_assert_true (nst_test_press_shortcut (editor, GDK_KEY_Return, GDK_CONTROL_MASK));
  nst_test_drain ();
  g_assert_true (is_open (GROUP_EDITOR));
  g_assert_nonnull (nst_test_find_label (editor, _("A group needs at least two mentees: add another, "
                                                   "or choose another kind to make it a pair")));
  g_assert_true (gtk_widget_has_css_class (named (editor, "add-mentee"), "error"));

  /* A second mentee makes it a group that can be saved. */
  pick_by_typing (editor, "add-mentee", "петров");
  g_assert_true (gtk_widget_is_sensitive (named (editor, "save")));
  gtk_window_destroy (GTK_WINDOW (editor));
  nst_test_drain ();
  stop_app (fixture);
}

static gboolean
body_mentions (const char *body,
               const char *name)
{
  return body != NULL && strstr (body, name) != NULL;
}

static gboolean
shows_blocking (gpointer editor)
{
  return nst_test_find_label (editor, _("Blocks the approval")) != NULL;
}

static void
test_approval_needs_consents (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(NstGroup) pair = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *editor;
  const char *body;

  start_app (fixture);
  editor = open_pair_editor (fixture);
  pick_by_typing (editor, "mentor", "кузнецов");
  pick_by_typing (editor, "add-mentee", "петров");
  set_text (editor, "starts-on", "01.09.2025");
  set_text (editor, "ends-on", "31.05.2026");

  /* Approval saves the draft first, then refuses with what is missing. */
  gtk_widget_activate_action (editor, "group.approve", NULL);
  dialog = ADW_MESSAGE_DIALOG (wait_for (MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("The Pair Cannot Be Approved Yet"));
  body = gtk_label_get_text (GTK_LABEL (adw_message_dialog_get_extra_child (dialog)));
  g_assert_true (body_mentions (body, "Кузнецов Олег Иванович"));
  g_assert_true (body_mentions (body, "Петров Иван Ильич"));
  g_assert_nonnull (strstr (body, "•"));
  click (GTK_WIDGET (dialog), _("_Close"));
  g_assert_true (nst_test_wait_for (is_closed, MESSAGE_DIALOG, 5000));

  /* The draft is kept, and says under «Ready for approval» what blocks it. */
  g_assert_true (nst_test_wait_for (shows_blocking, editor, 5000));
  g_assert_nonnull (nst_test_find_label (editor, _("Blocks the approval")));
  gtk_window_destroy (GTK_WINDOW (editor));
  nst_test_drain ();
  nst_pairs_page_reload (fixture->pairs);
  g_assert_cmpuint (g_list_model_get_n_items (nst_pairs_page_get_visible (fixture->pairs)), ==, 1);
  pair = visible_pair (fixture, 0);
  g_assert_cmpint (nst_group_get_status (pair), ==, NST_GROUP_STATUS_DRAFT);
  stop_app (fixture);
}

/* Clicks @label in the dialog on top after typing @text into its row. */
static void
answer_text_dialog (const char *row_name,
                    const char *text,
                    const char *label)
{
  GtkWidget *dialog = wait_for (MESSAGE_DIALOG);

  if (text != NULL)
    set_text (dialog, row_name, text);
  click (dialog, label);
  g_assert_true (nst_test_wait_for (is_closed, MESSAGE_DIALOG, 5000));
  nst_test_drain ();
}

static gboolean
history_says (GtkWidget  *editor,
              const char *reason)
{
  for (GtkWidget *w = nst_test_find_named (editor, "history-entry"); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_ACTION_ROW (w) && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (w)), reason) != NULL)
      return TRUE;
  return FALSE;
}

/* Approved by an order typed by hand, started, its programme started;
 * then the period extended, which asks why and keeps it in the history;
 * and the programme kept as a template. */
static void
test_approve_extend (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(NstGroup) pair = NULL;
  g_autoptr(GListStore) templates = NULL;
  GtkWidget *editor;
  NstStore *store;

  start_app (fixture);
  store = nst_window_get_store (fixture->window);
  form_pair (fixture);
  pair = visible_pair (fixture, 0);
  nst_pairs_page_open_pair (fixture->pairs, pair);
  editor = wait_for (GROUP_EDITOR);
  gtk_widget_activate_action (editor, "group.approve", NULL);
  answer_text_dialog ("order-number", "219 о-д", _("_Approve"));
  g_assert_nonnull (nst_test_find_label (editor, _("The pair is approved")));
  gtk_widget_activate_action (editor, "group.start", NULL);
  nst_test_drain ();
  gtk_window_destroy (GTK_WINDOW (editor));
  nst_test_drain ();
  g_clear_object (&pair);
  pair = visible_pair (fixture, 0);
  g_assert_cmpint (nst_group_get_status (pair), ==, NST_GROUP_STATUS_ACTIVE);
  g_assert_cmpstr (nst_group_get_order_number (pair), ==, "219 о-д");

  write_programme_from_template (fixture);
  nst_programme_editor_open_for_group (GTK_WIDGET (fixture->pairs), store, nst_group_get_id (pair), NULL, NULL);
  editor = wait_for (PROGRAMME_EDITOR);
  gtk_widget_activate_action (editor, "programme.start", NULL);
  nst_test_drain ();
  g_assert_true (gtk_widget_get_visible (named (editor, "ends-on")));

  /* Under way, a longer period needs a reason (seed 4.2). */
  set_text (editor, "ends-on", "30.06.2026");
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  answer_text_dialog ("dialog-text", "по согласию сторон", _("_Save"));
  g_assert_true (nst_test_wait_for (is_closed, PROGRAMME_EDITOR, 5000));
  nst_programme_editor_open_for_group (GTK_WIDGET (fixture->pairs), store, nst_group_get_id (pair), NULL, NULL);
  editor = wait_for (PROGRAMME_EDITOR);
  g_assert_true (history_says (editor, "по согласию сторон"));

  /* Kept as a template beside the built-in one. */
  gtk_widget_activate_action (editor, "programme.save-template", NULL);
  answer_text_dialog ("dialog-text", "Мой шаблон", _("_Save"));
  templates = nst_store_list_templates (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (templates)), ==, 2);
  g_assert_true (nst_test_press_shortcut (editor, GDK_KEY_Escape, 0));
  g_assert_true (nst_test_wait_for (is_closed, PROGRAMME_EDITOR, 5000));
  stop_app (fixture);
}

static NstPlanRow *
plan_row (GtkWidget *editor,
          guint      index)
{
  GtkWidget *child = gtk_widget_get_first_child (named (editor, "plan"));

  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    if (NST_IS_PLAN_ROW (child) && index-- == 0)
      return NST_PLAN_ROW (child);
  g_assert_not_reached ();
}

/* The plan as a table: a row added, typed, moved up and removed; the plan
 * replaced from the template; and closing with changes asks first. */
static void
test_plan_rows (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *editor, *dialog;
  NstPlanRow *row;
  GtkTextBuffer *buffer;

  start_app (fixture);
  form_pair (fixture);
  write_programme_from_template (fixture);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (nst_test_find_type (GTK_WIDGET (fixture->pairs), GTK_TYPE_COLUMN_VIEW)))), 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->pairs), "pairs.programme", NULL);
  editor = wait_for (PROGRAMME_EDITOR);

  gtk_widget_activate_action (editor, "programme.add-item", NULL);
  nst_test_drain ();
  g_assert_cmpuint (count_plan_rows (editor), ==, 8);
  row = plan_row (editor, 7);
  /* An empty row keeps the plan from being saved, and says why. */
  g_assert_false (gtk_widget_is_sensitive (named (editor, "save")));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (GTK_WIDGET (row), "activity")));
  gtk_text_buffer_set_text (buffer, "Итоговая встреча", -1);
  set_text (GTK_WIDGET (row), "schedule", "до 25.05.2026");
  g_assert_true (gtk_widget_is_sensitive (named (editor, "save")));
  gtk_widget_activate_action (GTK_WIDGET (row), "plan-row.move-up", NULL);
  nst_test_drain ();
  g_assert_true (plan_row (editor, 6) == row);
  gtk_widget_activate_action (GTK_WIDGET (plan_row (editor, 0)), "plan-row.remove", NULL);
  nst_test_drain ();
  g_assert_cmpuint (count_plan_rows (editor), ==, 7);

  /* The template puts its seven activities back, once asked. */
  gtk_widget_activate_action (editor, "programme.fill-template", "x", (gint64) NST_BUILTIN_TEMPLATE_ID);
  dialog = wait_for (MESSAGE_DIALOG);
  click (dialog, _("_Replace"));
  g_assert_true (nst_test_wait_for (is_closed, MESSAGE_DIALOG, 5000));
  nst_test_drain ();
  g_assert_cmpuint (count_plan_rows (editor), ==, 7);

  /* A changed plan is not lost by Escape. */
  g_assert_true (nst_test_press_shortcut (editor, GDK_KEY_Escape, 0));
  dialog = wait_for (MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, _("Discard changes?"));
  click (dialog, _("_Discard Changes"));
  g_assert_true (nst_test_wait_for (is_closed, PROGRAMME_EDITOR, 5000));
  stop_app (fixture);
}


/* ---- consents recorded from the readiness list -------------------------------- */

static guint
count_named (GtkWidget  *root,
             const char *name)
{
  guint n = g_strcmp0 (gtk_widget_get_name (root), name) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_named (child, name);
  return n;
}

static gboolean
shows_ready (gpointer editor)
{
  return nst_test_find_label (editor, _("Nothing stands in the way of approval")) != NULL;
}

static void
show_tab (Fixture    *fixture,
          const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (nst_test_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, name);
  nst_test_drain ();
}

static NstParticipant *
registry_person (Fixture    *fixture,
                 const char *surname)
{
  NstRegistryPage *registry =
    NST_REGISTRY_PAGE (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_REGISTRY_PAGE));
  GListModel *visible;

  g_assert_nonnull (registry);
  visible = nst_registry_page_get_visible (registry);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (visible, i);

      if (g_str_equal (nst_participant_get_surname (p), surname))
        return g_steal_pointer (&p);
    }
  g_assert_not_reached ();
}

/* Кузнецов (a mentor) and Петров have no consents: each missing one has
 * «Получено сегодня» in the readiness list, which records it dated today,
 * and the pair is ready; the registry's state column follows. */
static void
test_consent_received_today (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(NstParticipant) before = NULL;
  g_autoptr(NstParticipant) after = NULL;
  g_autoptr(GPtrArray) consents = NULL;
  g_autoptr(GError) error = NULL;
  NstStore *store;
  GtkWidget *editor, *button;
  guint rounds = 0;

  start_app (fixture);
  store = nst_window_get_store (fixture->window);
  /* The registry built and read, then back to the pairs. */
  show_tab (fixture, "registry");
  show_tab (fixture, "pairs");
  before = registry_person (fixture, "Кузнецов");
  g_assert_true (nst_participant_get_missing_consents (before) & NST_CONSENT_MISSING_PROCESSING);
  editor = open_pair_editor (fixture);
  pick_by_typing (editor, "mentor", "кузнецов");
  pick_by_typing (editor, "add-mentee", "петров");
  g_assert_true (nst_test_wait_for (shows_blocking, editor, 5000));
  /* Processing for both, the mentor's consent for Кузнецов. */
  g_assert_cmpuint (count_named (editor, "consent-received"), ==, 3);
  /* «Отменить» takes the consent back, and its button returns. */
  g_signal_emit_by_name (nst_test_find_named (editor, "consent-received"), "clicked");
  nst_test_drain ();
  g_assert_cmpuint (count_named (editor, "consent-received"), ==, 2);
  /* The toast's, not «Отменить» of the header bar (Cancel, the same word). */
  click (nst_test_find_type (editor, ADW_TYPE_TOAST_OVERLAY), _("_Undo"));
  g_assert_cmpuint (count_named (editor, "consent-received"), ==, 3);
  while ((button = nst_test_find_named (editor, "consent-received")) != NULL)
    {
      guint left = count_named (editor, "consent-received");

      g_signal_emit_by_name (button, "clicked");
      nst_test_drain ();
      /* At once, not after the list's next check. */
      g_assert_cmpuint (count_named (editor, "consent-received"), ==, left - 1);
      g_assert_nonnull (nst_test_find_label (editor, _("Consent recorded as received today")));
      g_assert_cmpuint (++rounds, <=, 3);
    }
  g_assert_true (shows_ready (editor));
  g_assert_null (nst_test_find_label (editor, _("Blocks the approval")));

  /* Stored, signed on NST_TODAY. */
  consents = nst_store_list_consents (store, nst_participant_get_id (before), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (consents->len, ==, 2);
  for (guint i = 0; i < consents->len; i++)
    g_assert_cmpstr (nst_consent_get_signed_on (g_ptr_array_index (consents, i)), ==, "2025-11-15");
  /* The registry, in the window behind, shows them all present. */
  after = registry_person (fixture, "Кузнецов");
  g_assert_cmpuint (nst_participant_get_missing_consents (after), ==, 0);

  /* Saved, the pair can be approved. */
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  g_assert_true (nst_test_wait_for (is_closed, GROUP_EDITOR, 5000));
  nst_test_drain ();
  {
    g_autoptr(NstGroup) pair = visible_pair (fixture, 0);
    g_autoptr(GPtrArray) problems = nst_store_list_group_problems (store, pair, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < problems->len; i++)
      g_assert_false (((NstGroupProblem *) g_ptr_array_index (problems, i))->blocking);
  }
  stop_app (fixture);
}

static GtkWidget *
find_receive_button (GtkWidget      *root,
                     NstConsentKind  kind)
{
  if (g_strcmp0 (gtk_widget_get_name (root), "consent-received") == 0 &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (root), "nst-consent-kind")) == kind)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_receive_button (child, kind);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Петров is not marked a mentor in the registry: he signs the mentor's
 * consent as this pair's mentor, so the new pair is saved as a draft
 * first, and then it is recorded. */
static void
test_mentor_consent_new_mentor (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) consents = NULL;
  g_autoptr(NstGroup) pair = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor, *button;

  start_app (fixture);
  editor = open_pair_editor (fixture);
  pick_by_typing (editor, "mentor", "петров");
  pick_by_typing (editor, "add-mentee", "ёлкина");
  g_assert_true (nst_test_wait_for (shows_blocking, editor, 5000));
  button = find_receive_button (editor, NST_CONSENT_MENTOR);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  nst_test_drain ();
  g_assert_null (find_receive_button (editor, NST_CONSENT_MENTOR));
  g_assert_cmpuint (g_list_model_get_n_items (nst_pairs_page_get_visible (fixture->pairs)), ==, 1);
  pair = visible_pair (fixture, 0);
  consents = nst_store_list_consents (nst_window_get_store (fixture->window), nst_group_get_mentor_id (pair), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (consents->len, ==, 1);
  g_assert_cmpint (nst_consent_get_kind (g_ptr_array_index (consents, 0)), ==, NST_CONSENT_MENTOR);
  gtk_window_destroy (GTK_WINDOW (editor));
  nst_test_drain ();
  stop_app (fixture);
}

/* ---- «Сохранить и добавить ещё» -------------------------------------------------- */

static gboolean
has_focus_within (GtkWidget *editor,
                  GtkWidget *row)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static void
test_save_and_add_another (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(NstGroup) first = NULL;
  GtkWidget *editor, *mentor;

  start_app (fixture);
  editor = open_pair_editor (fixture);
  mentor = named (editor, "mentor");
  g_assert_true (gtk_widget_get_visible (named (editor, "save-another")));
  pick_by_typing (editor, "mentor", "смирн");
  pick_by_typing (editor, "add-mentee", "елкина");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "interaction-model")), 1);
  set_text (editor, "starts-on", "01.09.2025");
  nst_test_drain ();

  /* Ctrl+Shift+Enter: saved, and the form is open again, empty of people. */
  g_assert_true (nst_test_press_shortcut (editor, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  nst_test_drain ();
  g_assert_true (is_open (GROUP_EDITOR));
  g_assert_cmpuint (g_list_model_get_n_items (nst_pairs_page_get_visible (fixture->pairs)), ==, 1);
  first = visible_pair (fixture, 0);
  g_assert_cmpstr (nst_group_get_mentor_name (first), ==, "Смирнова Мария Петровна");
  g_assert_cmpstr (nst_group_get_mentee_name (first, 0), ==, "Ёлкина Анна Сергеевна");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mentor)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "add-mentee"))), ==, "");
  g_assert_null (nst_test_find_named (editor, "mentee"));
  g_assert_true (has_focus_within (editor, mentor));
  /* The form, its model and the period stay for the next pair. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (named (editor, "form"))), ==,
                    NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (named (editor, "interaction-model"))), ==, 1);
  g_assert_cmpstr (nst_date_row_get_iso_date (NST_DATE_ROW (named (editor, "starts-on"))), ==, "2025-09-01");
  g_assert_cmpstr (nst_date_row_get_iso_date (NST_DATE_ROW (named (editor, "ends-on"))), ==, "2026-05-31");
  /* No people yet: nothing to save, and no complaint shown before a try. */
  g_assert_false (gtk_widget_is_sensitive (named (editor, "save-another")));
  g_assert_false (gtk_widget_has_css_class (mentor, "error"));

  /* The second through the button. */
  pick_by_typing (editor, "mentor", "кузнецов");
  pick_by_typing (editor, "add-mentee", "петров");
  g_assert_true (gtk_widget_is_sensitive (named (editor, "save-another")));
  g_signal_emit_by_name (named (editor, "save-another"), "clicked");
  nst_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (nst_pairs_page_get_visible (fixture->pairs)), ==, 2);

  /* Nothing typed since: Escape closes without asking. */
  g_assert_true (nst_test_press_shortcut (editor, GDK_KEY_Escape, 0));
  g_assert_true (nst_test_wait_for (is_closed, GROUP_EDITOR, 5000));
  g_assert_null (nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* A pair opened again has no «Сохранить и добавить ещё». */
  nst_pairs_page_open_pair (fixture->pairs, first);
  editor = wait_for (GROUP_EDITOR);
  g_assert_false (gtk_widget_get_visible (named (editor, "save-another")));
  gtk_window_destroy (GTK_WINDOW (editor));
  nst_test_drain ();
  stop_app (fixture);
}

/* ---- the name typed finds that name first ------------------------------------------ */

static const char *
shown_title (GtkWidget *row,
             guint      index)
{
  GtkListBox *list = GTK_LIST_BOX (nst_test_find_type (row, GTK_TYPE_LIST_BOX));
  GtkListBoxRow *item = gtk_list_box_get_row_at_index (list, index);
  GtkWidget *box = gtk_list_box_row_get_child (item);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));
}

/* As the keyboard does, to the row's own key handler. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
  nst_test_drain ();
}

/* In the example school «нови» is in every «Иванович» and «Романович», and
 * a mentee marked so came before the Новиковы: Enter took the wrong one. */
/* A new pair is typed without the mouse: the mentor's name, Enter, and the
 * cursor is in the mentee's field. */
static void
test_mentor_then_mentee (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *editor, *mentor, *mentee, *focus;

  start_app (fixture);
  editor = open_pair_editor (fixture);
  mentor = named (editor, "mentor");
  mentee = named (editor, "add-mentee");
  gtk_editable_set_text (GTK_EDITABLE (mentor), "нови");
  nst_test_drain ();
  g_signal_emit_by_name (mentor, "entry-activated");
  nst_test_drain ();
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (mentor)), "Новиков"));
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_nonnull (focus);
  g_assert_true (focus == mentee || gtk_widget_is_ancestor (focus, mentee));
  /* Not closed, which would ask about the unsaved pair. */
  gtk_window_destroy (GTK_WINDOW (editor));
  nst_test_drain ();
  stop_app (fixture);
}

static void
test_completion_order (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *editor, *mentor, *mentee;
  NstParticipantRow *row;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  start_app (fixture);
  editor = open_pair_editor (fixture);
  mentee = named (editor, "add-mentee");
  row = NST_PARTICIPANT_ROW (mentee);
  gtk_editable_set_text (GTK_EDITABLE (mentee), "Нови");
  nst_test_drain ();
  g_assert_cmpuint (nst_participant_row_get_n_matches (row), >, 4);
  /* The surnames that begin so, the one marked a mentee first; then the rest. */
  g_assert_cmpstr (shown_title (mentee, 0), ==, "Новиков Георгий Владимирович");
  for (guint i = 1; i < 4; i++)
    g_assert_true (g_str_has_prefix (shown_title (mentee, i), "Новиков"));
  g_assert_false (g_str_has_prefix (shown_title (mentee, 4), "Новиков"));
  g_signal_emit_by_name (mentee, "entry-activated");
  nst_test_drain ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (named (editor, "mentee"))), ==,
                   "Новиков Георгий Владимирович");
  /* Enter again in the emptied field takes no one more. */
  g_signal_emit_by_name (mentee, "entry-activated");
  nst_test_drain ();
  g_assert_cmpuint (count_named (editor, "mentee"), ==, 1);

  /* The mentor's field: the first shown is what Enter puts in it. */
  mentor = named (editor, "mentor");
  row = NST_PARTICIPANT_ROW (mentor);
  gtk_editable_set_text (GTK_EDITABLE (mentor), "нови");
  nst_test_drain ();
  first = nst_participant_dup_full_name (nst_participant_row_get_match (row, 0));
  second = nst_participant_dup_full_name (nst_participant_row_get_match (row, 1));
  g_assert_true (g_str_has_prefix (first, "Новиков"));
  g_assert_cmpstr (shown_title (mentor, 0), ==, first);
  g_signal_emit_by_name (mentor, "entry-activated");
  nst_test_drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mentor)), ==, first);

  /* Down, then Enter: the one highlighted. */
  gtk_editable_set_text (GTK_EDITABLE (mentor), "нови");
  nst_test_drain ();
  press_key (mentor, GDK_KEY_Down);
  g_signal_emit_by_name (mentor, "entry-activated");
  nst_test_drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mentor)), ==, second);

  /* A click takes the row clicked. */
  gtk_editable_set_text (GTK_EDITABLE (mentor), "нови");
  nst_test_drain ();
  {
    GtkListBox *list = GTK_LIST_BOX (nst_test_find_type (mentor, GTK_TYPE_LIST_BOX));
    g_autofree char *third = g_strdup (shown_title (mentor, 2));

    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 2));
    nst_test_drain ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mentor)), ==, third);
  }
  gtk_window_destroy (GTK_WINDOW (editor));
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
      return 77; /* meson's "skipped" */
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/pairs/programme-progress", Fixture, NULL,
              fixture_set_up, test_pair_programme_progress, fixture_tear_down);
  g_test_add ("/ui/pairs/group-needs-two", Fixture, NULL,
              fixture_set_up, test_group_needs_two, fixture_tear_down);
  g_test_add ("/ui/pairs/approval-needs-consents", Fixture, NULL,
              fixture_set_up, test_approval_needs_consents, fixture_tear_down);
  g_test_add ("/ui/pairs/consent-received-today", Fixture, NULL,
              fixture_set_up, test_consent_received_today, fixture_tear_down);
  g_test_add ("/ui/pairs/mentor-consent-new-mentor", Fixture, NULL,
              fixture_set_up, test_mentor_consent_new_mentor, fixture_tear_down);
  g_test_add ("/ui/pairs/save-and-add-another", Fixture, NULL,
              fixture_set_up, test_save_and_add_another, fixture_tear_down);
  g_test_add ("/ui/pairs/completion-order", Fixture, NULL,
              fixture_set_up_demo, test_completion_order, fixture_tear_down);
  g_test_add ("/ui/pairs/mentor-then-mentee", Fixture, NULL,
              fixture_set_up_demo, test_mentor_then_mentee, fixture_tear_down);
  g_test_add ("/ui/programmes/approve-extend", Fixture, NULL,
              fixture_set_up, test_approve_extend, fixture_tear_down);
  g_test_add ("/ui/programmes/plan-rows", Fixture, NULL,
              fixture_set_up, test_plan_rows, fixture_tear_down);
  return g_test_run ();
}
