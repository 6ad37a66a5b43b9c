/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The order on pairs, prepared in its dialog on the example school: the
 * pairs listed with the ready ones ticked and the others with what they
 * lack; «Согласие получено сегодня» records a consent and makes a pair
 * ready; an unticked pair stays out of the order issued (Enter, then the
 * file chooser); «Печать проекта» writes a draft and leaves the journal
 * alone. Runs under Xvfb with G_DEBUG=fatal-warnings. With
 * NST_TEST_SCREENSHOTS=DIR the dialog is also saved as PNG pictures. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "nst-application.h"
#include "documents/nst-documents.h"
#include "documents/nst-order-pairs-dialog.h"
#include "model/nst-order.h"
#include "pairs/nst-pairs-page.h"
#include "registry/nst-registry-page.h"
#include "store/nst-store-groups.h"
#include "store/nst-store-orders.h"
#include "nst-ui-test-util.h"
#include "nst-window.h"

typedef struct
{
  char *dir;
  char *db_path;
  NstApplication *app;
  NstWindow *window;
  guint consents_recorded;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nst-ui-order-XXXXXX", &error);
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

/* The example school, from the registry's empty page, then the pairs
 * tab: the window remembers its tab between the tests. */
static void
load_demo (Fixture *fixture)
{
  AdwViewStack *stack = ADW_VIEW_STACK (nst_test_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, "registry");
  nst_test_drain ();
  gtk_widget_activate_action (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_REGISTRY_PAGE),
                              "registry.load-demo", NULL);
  nst_test_drain ();
  adw_view_stack_set_visible_child_name (stack, "pairs");
  nst_test_drain ();
}

static NstStore *
store_of (Fixture *fixture)
{
  return nst_window_get_store (fixture->window);
}

static gboolean
dialog_open (gpointer data)
{
  return nst_test_find_toplevel (NST_TYPE_ORDER_PAIRS_DIALOG) != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return !dialog_open (data);
}

static gboolean
chooser_open (gpointer data)
{
  return nst_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

/* The order's dialog, through the window's «Документы» item. */
static NstOrderPairsDialog *
open_dialog (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "page.order-pairs", NULL);
  g_assert_true (nst_test_wait_for (dialog_open, NULL, 5000));
  nst_test_drain ();
  return NST_ORDER_PAIRS_DIALOG (nst_test_find_toplevel (NST_TYPE_ORDER_PAIRS_DIALOG));
}

static gboolean
chooser_closed (gpointer data)
{
  return !chooser_open (data);
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

/* The file chooser GTK shows for the file: @name in the test's folder,
 * typed as a whole path into its name entry. */
static void
answer_chooser (Fixture    *fixture,
                const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  GtkWindow *chooser;

  g_assert_true (nst_test_wait_for (chooser_open, NULL, 5000));
  chooser = nst_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
  g_assert_true (nst_test_wait_for (chooser_has_file, chooser, 5000));
  g_assert_nonnull (nst_test_find_button (GTK_WIDGET (chooser), _("_Save")));
  g_signal_emit_by_name (nst_test_find_button (GTK_WIDGET (chooser), _("_Save")), "clicked");
  /* The chooser checks the folder before it answers. */
  g_assert_true (nst_test_wait_for (chooser_closed, NULL, 5000));
  nst_test_drain ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static GtkWidget *
pair_check (NstOrderPairsDialog *dialog,
            gint64               id)
{
  g_autofree char *name = g_strdup_printf ("pair-check-%lld", (long long) id);

  return nst_test_find_named (GTK_WIDGET (dialog), name);
}

static GtkWidget *
unready_row (NstOrderPairsDialog *dialog,
             gint64               id)
{
  g_autofree char *name = g_strdup_printf ("pair-unready-%lld", (long long) id);

  return nst_test_find_named (GTK_WIDGET (dialog), name);
}

static GtkWidget *
consent_button (NstOrderPairsDialog *dialog,
                gint64               pair,
                gint64               participant,
                const char          *kind)
{
  g_autofree char *name = g_strdup_printf ("consent-%lld-%lld-%s", (long long) pair, (long long) participant, kind);

  return nst_test_find_named (GTK_WIDGET (dialog), name);
}

static NstGroup *
group (Fixture *fixture,
       gint64   id)
{
  g_autoptr(GError) error = NULL;
  NstGroup *g = nst_store_get_group (store_of (fixture), id, &error);

  g_assert_no_error (error);
  return g;
}

static gboolean
has_consent (Fixture        *fixture,
             gint64          participant,
             NstConsentKind  kind,
             const char     *signed_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) consents = nst_store_list_consents (store_of (fixture), participant, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < consents->len; i++)
    if (nst_consent_get_kind (g_ptr_array_index (consents, i)) == kind &&
        g_strcmp0 (nst_consent_get_signed_on (g_ptr_array_index (consents, i)), signed_on) == 0)
      return TRUE;
  return FALSE;
}

static guint
n_orders (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) orders = nst_store_list_orders (store_of (fixture), NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (orders));
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

static char *
surname_of (Fixture *fixture,
            gint64   participant)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstParticipant) p = nst_store_get_participant (store_of (fixture), participant, &error);

  g_assert_no_error (error);
  return g_strdup_printf ("%s %s", nst_participant_get_surname (p), nst_participant_get_name (p));
}

/* With NST_TEST_SCREENSHOTS set, the window as drawn, to look at. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("NST_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  nst_test_drain ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The participant as the registry tab lists it now. */
static NstParticipant *
registry_row (Fixture *fixture,
              gint64   id)
{
  NstRegistryPage *registry =
    NST_REGISTRY_PAGE (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_REGISTRY_PAGE));
  GListModel *shown = nst_registry_page_get_visible (registry);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (shown, i);

      if (nst_participant_get_id (p) == id)
        return g_steal_pointer (&p);
    }
  return NULL;
}

static void
consents_recorded_cb (NstDocuments *documents,
                      Fixture      *fixture)
{
  fixture->consents_recorded++;
}

static void
test_order_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  NstOrderPairsDialog *dialog;
  g_autoptr(NstGroup) g41 = NULL;
  g_autoptr(NstGroup) g43 = NULL;
  g_autoptr(GArray) ticked = NULL;
  g_autofree char *order_path = g_build_filename (fixture->dir, "order.pdf", NULL);
  g_autofree char *draft_path = g_build_filename (fixture->dir, "draft.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *mentee39 = NULL;
  g_autofree char *mentee41 = NULL;
  g_autofree char *mentee43 = NULL;
  GtkWidget *button;
  gint64 mentor43, trainee43;
  guint before;

  start_app (fixture);
  load_demo (fixture);
  g_signal_connect (nst_window_get_documents (fixture->window), "consents-recorded",
                    G_CALLBACK (consents_recorded_cb), fixture);

  /* Nothing selected: the year's drafts, the ready ones ticked, 41–43
   * with what each lacks and a button for each missing consent. */
  dialog = open_dialog (fixture);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  for (gint64 id = 38; id <= 40; id++)
    {
      g_assert_nonnull (pair_check (dialog, id));
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (pair_check (dialog, id))));
      g_assert_null (unready_row (dialog, id));
    }
  for (gint64 id = 41; id <= 43; id++)
    {
      g_assert_null (pair_check (dialog, id));
      g_assert_nonnull (unready_row (dialog, id));
    }
  g_assert_cmpuint (nst_order_pairs_dialog_get_n_ticked (dialog), ==, 3);
  label = g_strdup_printf (_("_Issue Order (%u)"), 3);
  g_assert_nonnull (nst_test_find_button (GTK_WIDGET (dialog), label));
  g41 = group (fixture, 41);
  g43 = group (fixture, 43);
  mentor43 = nst_group_get_mentor_id (g43);
  trainee43 = nst_group_get_mentee_id (g43, 0);
  g_assert_nonnull (consent_button (dialog, 41, nst_group_get_mentor_id (g41), "processing"));
  g_assert_nonnull (consent_button (dialog, 41, nst_group_get_mentee_id (g41, 0), "processing"));
  g_assert_nonnull (consent_button (dialog, 43, mentor43, "mentor"));
  g_assert_nonnull (consent_button (dialog, 43, trainee43, "processing"));
  g_assert_nonnull (nst_test_find_label (GTK_WIDGET (dialog), _("No mentor’s consent")));
  screenshot (GTK_WIDGET (dialog), "order-dialog.png");

  /* «Согласие получено сегодня»: stored, dated today; 43 needs both. */
  g_assert_false (has_consent (fixture, mentor43, NST_CONSENT_MENTOR, "2025-11-15"));
  {
    g_autoptr(NstParticipant) listed = registry_row (fixture, mentor43);

    g_assert_nonnull (listed);
    g_assert_true (nst_participant_get_missing_consents (listed) & NST_CONSENT_MISSING_MENTOR);
  }
  g_signal_emit_by_name (consent_button (dialog, 43, mentor43, "mentor"), "clicked");
  nst_test_drain ();
  g_assert_true (has_consent (fixture, mentor43, NST_CONSENT_MENTOR, "2025-11-15"));
  g_assert_cmpuint (fixture->consents_recorded, ==, 1);
  /* The registry tab, built behind the dialog, shows it too. */
  {
    g_autoptr(NstParticipant) listed = registry_row (fixture, mentor43);

    g_assert_nonnull (listed);
    g_assert_false (nst_participant_get_missing_consents (listed) & NST_CONSENT_MISSING_MENTOR);
  }
  g_assert_null (consent_button (dialog, 43, mentor43, "mentor"));
  g_assert_nonnull (unready_row (dialog, 43));
  g_signal_emit_by_name (consent_button (dialog, 43, trainee43, "processing"), "clicked");
  nst_test_drain ();
  g_assert_true (has_consent (fixture, trainee43, NST_CONSENT_PROCESSING, "2025-11-15"));
  g_assert_null (unready_row (dialog, 43));
  g_assert_nonnull (pair_check (dialog, 43));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (pair_check (dialog, 43))));
  g_assert_cmpuint (nst_order_pairs_dialog_get_n_ticked (dialog), ==, 4);
  screenshot (GTK_WIDGET (dialog), "order-dialog-fixed.png");

  /* 39 unticked; Enter issues the order for the others, after the file. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (pair_check (dialog, 39)), FALSE);
  g_assert_cmpuint (nst_order_pairs_dialog_get_n_ticked (dialog), ==, 3);
  ticked = nst_order_pairs_dialog_dup_ticked (dialog);
  g_assert_cmpuint (ticked->len, ==, 3);
  g_assert_cmpint (g_array_index (ticked, gint64, 0), ==, 38);
  g_assert_cmpint (g_array_index (ticked, gint64, 1), ==, 40);
  g_assert_cmpint (g_array_index (ticked, gint64, 2), ==, 43);
  before = n_orders (fixture);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  g_assert_true (nst_test_press_shortcut (GTK_WIDGET (dialog), GDK_KEY_Return, 0));
  /* A button activated by a key shows itself pressed a moment first. */
  g_assert_true (nst_test_wait_for (dialog_closed, NULL, 5000));
  answer_chooser (fixture, "order.pdf");
  g_assert_cmpuint (n_orders (fixture), ==, before + 1);
  {
    g_autoptr(NstGroup) g38 = group (fixture, 38);
    g_autoptr(NstGroup) g39 = group (fixture, 39);
    g_autoptr(NstGroup) g40 = group (fixture, 40);
    g_autoptr(NstGroup) fixed43 = group (fixture, 43);

    g_assert_cmpint (nst_group_get_order_id (g38), !=, 0);
    g_assert_cmpint (nst_group_get_order_id (g40), ==, nst_group_get_order_id (g38));
    g_assert_cmpint (nst_group_get_order_id (fixed43), ==, nst_group_get_order_id (g38));
    g_assert_cmpint (nst_group_get_order_id (g39), ==, 0);
    g_assert_cmpint (nst_group_get_status (g39), ==, NST_GROUP_STATUS_DRAFT);
    mentee39 = surname_of (fixture, nst_group_get_mentee_id (g39, 0));
  }
  text = pdf_text (order_path);
  mentee43 = surname_of (fixture, trainee43);
  g_assert_nonnull (strstr (text, mentee43));
  g_assert_null (strstr (text, mentee39));
  g_assert_null (strstr (text, "ПРОЕКТ"));
  g_clear_pointer (&text, g_free);

  /* Again: 39 is left, ready; 41 and 42 still lack their consents. The
   * draft lists them all, marked, and the journal stays as it was. */
  dialog = open_dialog (fixture);
  g_assert_nonnull (pair_check (dialog, 39));
  g_assert_null (pair_check (dialog, 38));
  g_assert_nonnull (unready_row (dialog, 41));
  g_assert_nonnull (unready_row (dialog, 42));
  before = n_orders (fixture);
  button = nst_test_find_button (GTK_WIDGET (dialog), _("Print _Draft"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  nst_test_drain ();
  answer_chooser (fixture, "draft.pdf");
  g_assert_cmpuint (n_orders (fixture), ==, before);
  text = pdf_text (draft_path);
  g_assert_nonnull (strstr (text, "ПРОЕКТ"));
  g_assert_nonnull (strstr (text, mentee39));
  mentee41 = surname_of (fixture, nst_group_get_mentee_id (g41, 0));
  g_assert_nonnull (strstr (text, mentee41));
  {
    g_autoptr(NstGroup) g39 = group (fixture, 39);

    g_assert_cmpint (nst_group_get_order_id (g39), ==, 0);
  }

  /* Unticking the last pair leaves nothing to issue. */
  dialog = open_dialog (fixture);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (pair_check (dialog, 39)), FALSE);
  g_free (label);
  label = g_strdup_printf (_("_Issue Order (%u)"), 0);
  button = nst_test_find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_window_close (GTK_WINDOW (dialog));
  nst_test_drain ();
  stop_app (fixture);
}

/* With pairs selected in the tab, only those start ticked. */
static void
test_selected (Fixture       *fixture,
               gconstpointer  data)
{
  NstPairsPage *pairs;
  NstOrderPairsDialog *dialog;

  start_app (fixture);
  load_demo (fixture);
  pairs = NST_PAIRS_PAGE (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_PAIRS_PAGE));
  g_assert_true (nst_pairs_page_select (pairs, 40));
  dialog = open_dialog (fixture);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (pair_check (dialog, 38))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (pair_check (dialog, 39))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (pair_check (dialog, 40))));
  g_assert_cmpuint (nst_order_pairs_dialog_get_n_ticked (dialog), ==, 1);
  /* Escape closes it, and nothing is issued. */
  g_assert_true (nst_test_press_shortcut (GTK_WIDGET (dialog), GDK_KEY_Escape, 0));
  nst_test_drain ();
  g_assert_false (dialog_open (NULL));
  g_assert_false (chooser_open (NULL));
  stop_app (fixture);
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *action)
{
  NstPage *page = nst_window_get_visible_page (fixture->window);

  nst_page_update_actions (page);
  return g_action_group_get_action_enabled (nst_page_get_actions (page), action);
}

static gboolean
message_open (gpointer data)
{
  return nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* A pair an order fixed: «Приказ…» reprints that order; «Новый приказ
 * (изменён состав)…» asks first, then issues a second order that cancels
 * the first in this pair's part and takes the pair. */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(NstGroup) before = NULL;
  g_autoptr(NstGroup) after = NULL;
  g_autoptr(NstOrder) first = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "replace.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *date = NULL;
  NstPairsPage *pairs;
  AdwMessageDialog *question;
  guint orders;

  start_app (fixture);
  load_demo (fixture);
  pairs = NST_PAIRS_PAGE (nst_test_find_type (GTK_WIDGET (fixture->window), NST_TYPE_PAIRS_PAGE));
  /* Nothing selected, or a draft: nothing to replace. */
  g_assert_false (action_enabled (fixture, "order-pairs-replace"));
  g_assert_true (nst_pairs_page_select (pairs, 38));
  g_assert_false (action_enabled (fixture, "order-pairs-replace"));
  g_assert_true (nst_pairs_page_select (pairs, 10));
  g_assert_true (action_enabled (fixture, "order-pairs-replace"));
  before = group (fixture, 10);
  g_assert_cmpint (nst_group_get_order_id (before), !=, 0);
  orders = n_orders (fixture);

  /* Asked the usual way, the order is reprinted: no dialog, no new order. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "page.order-pairs", NULL);
  nst_test_drain ();
  g_assert_false (dialog_open (NULL));
  answer_chooser (fixture, "reprint.pdf");
  g_assert_cmpuint (n_orders (fixture), ==, orders);

  /* On purpose: the question first; cancelled, nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "page.order-pairs-replace", NULL);
  g_assert_true (nst_test_wait_for (message_open, NULL, 5000));
  question = ADW_MESSAGE_DIALOG (nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), nst_group_get_order_number (before)));
  adw_message_dialog_response (question, "cancel");
  nst_test_drain ();
  g_assert_false (chooser_open (NULL));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "page.order-pairs-replace", NULL);
  g_assert_true (nst_test_wait_for (message_open, NULL, 5000));
  question = ADW_MESSAGE_DIALOG (nst_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  screenshot (GTK_WIDGET (question), "order-replace-question.png");
  adw_message_dialog_response (question, "replace");
  nst_test_drain ();
  answer_chooser (fixture, "replace.pdf");
  g_assert_cmpuint (n_orders (fixture), ==, orders + 1);
  after = group (fixture, 10);
  g_assert_cmpint (nst_group_get_order_id (after), !=, nst_group_get_order_id (before));
  first = nst_store_get_order (store_of (fixture), nst_group_get_order_id (before), NULL);
  g_assert_nonnull (first);
  {
    g_autofree char *raw = pdf_text (path);
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

    /* One line, whatever the layout broke. */
    text = g_regex_replace (spaces, raw, -1, 0, " ", 0, NULL);
  }
  date = g_strdup_printf ("%.2s.%.2s.%.4s", nst_group_get_order_date (before) + 8,
                          nst_group_get_order_date (before) + 5, nst_group_get_order_date (before));
  expected = g_strdup_printf ("считать утратившим силу приказ от %s № %s в части закрепления", date,
                              nst_group_get_order_number (before));
  g_assert_nonnull (strstr (text, expected));
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

  g_test_add ("/ui/order-dialog/prepare-issue-draft", Fixture, NULL,
              fixture_set_up, test_order_dialog, fixture_tear_down);
  g_test_add ("/ui/order-dialog/selected", Fixture, NULL,
              fixture_set_up, test_selected, fixture_tear_down);
  g_test_add ("/ui/order-dialog/replace", Fixture, NULL,
              fixture_set_up, test_replace, fixture_tear_down);
  return g_test_run ();
}
