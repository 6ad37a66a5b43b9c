/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "documents/nst-documents-private.h"
#include "documents/nst-orders-window.h"
#include "documents/nst-print-pdf.h"
#include "store/nst-store-orders.h"
#include "widgets/nst-error-toast.h"

G_DEFINE_FINAL_TYPE (NstDocuments, nst_documents, G_TYPE_OBJECT)

enum {
  ORDER_ISSUED,
  CONSENTS_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_print_last_enabled (NstDocuments *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "print-last");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->last_saved != NULL);
}

/* ---- toasts and errors ------------------------------------------------- */

static void
open_clicked_cb (AdwToast *toast,
                 GFile    *file)
{
  GtkWindow *window = g_object_get_data (G_OBJECT (toast), "window");

  if (window != NULL)
    nst_documents_launch_file (window, file);
}

void
nst_documents_add_toast (NstDocuments *self,
                         AdwToast     *toast)
{
  adw_toast_overlay_add_toast (self->toasts, toast);
}

void
nst_documents_show_saved (NstDocuments *self,
                          GFile        *file,
                          const char   *message)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *text = message ? g_strdup (message) : g_strdup_printf (_("Saved: %s"), base);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data (G_OBJECT (toast), "window", self->parent);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb), g_object_ref (file),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  nst_documents_add_toast (self, toast);
  /* The last document saved is the one «Print Last Document» prints. */
  g_set_object (&self->last_saved, file);
  set_print_last_enabled (self);
}

typedef struct _NstDocumentsRequest
{
  NstDocumentsRetry retry;
  gpointer data;
  GDestroyNotify destroy;
} Retry;

static void
retry_free (Retry *retry)
{
  if (retry->destroy != NULL && retry->data != NULL)
    retry->destroy (retry->data);
  g_free (retry);
}

static void
forget_retry (NstDocuments *self)
{
  g_clear_pointer (&self->waiting, retry_free);
}

static void
school_details_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            NstDocuments     *self)
{
  Retry *retry = g_object_steal_data (G_OBJECT (dialog), "nst-retry");

  if (g_str_equal (response, "school"))
    {
      forget_retry (self);
      self->waiting = g_steal_pointer (&retry);
      gtk_widget_activate_action (GTK_WIDGET (self->parent), "app.school", NULL);
    }
  if (retry != NULL)
    retry_free (retry);
}

/* A document the school's details do not allow yet: the way to them, not
 * only the refusal; with @retry (nullable), the document follows once
 * they are saved. */
static void
show_school_details_needed (NstDocuments *self,
                            const char   *heading,
                            const GError *error,
                            Retry        *retry)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, heading, error->message));

  adw_message_dialog_add_responses (dialog, "close", _("_Close"),
                                    "school", _("_Fill In the School’s Details…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "school", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "school");
  adw_message_dialog_set_close_response (dialog, "close");
  if (retry != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "nst-retry", retry, (GDestroyNotify) retry_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (school_details_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * nst_documents_school_saved:
 *
 * The school's details were saved: the document that sent the user to
 * them is printed now.
 */
void
nst_documents_school_saved (NstDocuments *self)
{
  Retry *retry = g_steal_pointer (&self->waiting);

  if (retry == NULL)
    return;
  if (retry->retry != NULL)
    retry->retry (self, retry->data);
  retry_free (retry);
}

/**
 * nst_documents_school_dialog_closed:
 *
 * Closed without saving, or after: nothing is printed later by surprise.
 */
void
nst_documents_school_dialog_closed (NstDocuments *self)
{
  forget_retry (self);
}

/* Before any file is asked for: the school's details the document cannot
 * be printed without, or the way to them, and @retry (nullable) once they
 * are filled in. @destroy frees @data either way. */
gboolean
nst_documents_check_school (NstDocuments      *self,
                            const char *const *facts,
                            NstDocumentsRetry  retry,
                            gpointer           data,
                            GDestroyNotify     destroy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = nst_store_load_school (self->store, &error);
  Retry *later;

  if (school != NULL && nst_doc_check_school_facts (school, facts, &error))
    {
      if (destroy != NULL && data != NULL)
        destroy (data);
      return TRUE;
    }
  later = g_new0 (Retry, 1);
  *later = (Retry) { retry, data, destroy };
  if (g_error_matches (error, NST_PDF_ERROR, NST_PDF_ERROR_SCHOOL_DETAILS))
    show_school_details_needed (self, _("The School’s Details Are Needed"), error, later);
  else
    {
      retry_free (later);
      nst_documents_show_error (self, _("Could not read the school’s details"), error);
    }
  return FALSE;
}

void
nst_documents_show_error (NstDocuments *self,
                          const char   *heading,
                          const GError *error)
{
  if (g_error_matches (error, NST_PDF_ERROR, NST_PDF_ERROR_SCHOOL_DETAILS))
    show_school_details_needed (self, heading, error, NULL);
  else
    nst_documents_add_toast (self, nst_error_toast_new (self->parent, heading, error));
}

void
nst_documents_show_refusal (NstDocuments *self,
                            const char   *heading,
                            const GError *error)
{
  GtkWidget *dialog;

  if (g_error_matches (error, NST_PDF_ERROR, NST_PDF_ERROR_SCHOOL_DETAILS))
    {
      show_school_details_needed (self, heading, error, NULL);
      return;
    }
  dialog = adw_message_dialog_new (self->parent, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The school and the regulation every document names. */
gboolean
nst_documents_init_context (NstDocuments   *self,
                            NstDocContext  *context,
                            NstSchool     **school,
                            NstOrder      **regulation,
                            GError        **error)
{
  g_autoptr(GError) local = NULL;

  if ((*school = nst_store_load_school (self->store, error)) == NULL)
    return FALSE;
  *regulation = nst_store_find_last_order (self->store, NST_ORDER_KIND_INTRODUCTION, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  nst_doc_context_init (context, *school, *regulation);
  return TRUE;
}

/* ---- choosing the file ----------------------------------------------------- */

typedef struct
{
  NstDocuments *self;
  NstDocumentsSaveFunc save;
  gpointer data;
  GDestroyNotify destroy;
} Choice;

static GFile *
with_pdf_extension (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;

  if (base == NULL || g_str_has_suffix (base, ".pdf") || g_str_has_suffix (base, ".PDF") ||
      (parent = g_file_get_parent (file)) == NULL)
    return g_object_ref (file);
  name = g_strconcat (base, ".pdf", NULL);
  return g_file_get_child (parent, name);
}

static void
chosen_cb (GtkNativeDialog *native,
           int              response,
           gpointer         user_data)
{
  Choice *choice = user_data;
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (chosen != NULL)
    {
      g_autoptr(GFile) file = with_pdf_extension (chosen);

      choice->save (choice->self, file, choice->data);
    }
  if (choice->destroy != NULL && choice->data != NULL)
    choice->destroy (choice->data);
  g_object_unref (choice->self);
  g_free (choice);
  g_object_unref (native);
}

static void
add_pdf_filter (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF document (*.pdf)"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

/* The chooser nst_documents_choose_pdf() shows, not shown yet: for a
 * caller's choices (gtk_file_chooser_add_choice()), which go in before it
 * is shown. It lives until @save has run; show it with
 * gtk_native_dialog_show(). */
GtkFileChooser *
nst_documents_new_pdf_chooser (NstDocuments         *self,
                          const char           *title,
                          const char           *suggested_name,
                          gboolean              pdf_filter,
                          NstDocumentsSaveFunc  save,
                          gpointer              data,
                          GDestroyNotify        destroy)
{
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (title, self->parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  Choice *choice = g_new0 (Choice, 1);
  g_autofree char *name = g_strdelimit (g_strdup (suggested_name), "/\\", '-');

  *choice = (Choice) { g_object_ref (self), save, data, destroy };
  if (pdf_filter)
    add_pdf_filter (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (chosen_cb), choice);
  return GTK_FILE_CHOOSER (native);
}

/* Asks where to save; @data is what @save writes, freed with @destroy
 * whatever the answer. */
void
nst_documents_choose_pdf (NstDocuments         *self,
                          const char           *title,
                          const char           *suggested_name,
                          gboolean              pdf_filter,
                          NstDocumentsSaveFunc  save,
                          gpointer              data,
                          GDestroyNotify        destroy)
{
  GtkFileChooser *chooser =
    nst_documents_new_pdf_chooser (self, title, suggested_name, pdf_filter, save, data, destroy);

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the journal and printing ---------------------------------------------- */

/**
 * nst_documents_show_journal:
 *
 * Returns: (transfer none): the journal's window, shown
 */
GtkWindow *
nst_documents_show_journal (NstDocuments *self)
{
  NstOrdersWindow *journal = nst_orders_window_new (self->parent, self->store);

  gtk_window_present (GTK_WINDOW (journal));
  return GTK_WINDOW (journal);
}

static void
journal_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  nst_documents_show_journal (user_data);
}

static void
print_last_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  NstDocuments *self = user_data;
  g_autofree char *title = NULL;

  if (self->last_saved == NULL)
    return;
  title = g_file_get_basename (self->last_saved);
  nst_print_pdf_file (self->parent, self->last_saved, title);
}

static const GActionEntry entries[] = {
  { "journal", journal_action_cb },
  { "print-last", print_last_action_cb },
};

/* ---- the object ---------------------------------------------------------------- */

static void
nst_documents_dispose (GObject *object)
{
  NstDocuments *self = NST_DOCUMENTS (object);

  forget_retry (self);
  g_clear_object (&self->actions);
  g_clear_object (&self->last_saved);
  g_clear_object (&self->toasts);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (nst_documents_parent_class)->dispose (object);
}

static void
nst_documents_class_init (NstDocumentsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nst_documents_dispose;

  /* An order was registered in the journal: the tab that lists what it
   * orders shows it approved. */
  signals[ORDER_ISSUED] = g_signal_new ("order-issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, NST_TYPE_ORDER);
  /* Consents were recorded on the way to an order: the tabs that show
   * them, and the pairs' readiness, read them again. */
  signals[CONSENTS_RECORDED] = g_signal_new ("consents-recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
nst_documents_init (NstDocuments *self)
{
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  set_print_last_enabled (self);
}

/**
 * nst_documents_new:
 * @parent: (transfer none): the window the dialogs belong to; it owns the
 *   result
 * @toasts: where the toasts go
 *
 * Returns: (transfer full): what prints the documents of @store
 */
NstDocuments *
nst_documents_new (GtkWindow       *parent,
                   NstStore        *store,
                   AdwToastOverlay *toasts)
{
  NstDocuments *self = g_object_new (NST_TYPE_DOCUMENTS, NULL);

  self->parent = parent;
  self->store = g_object_ref (store);
  /* Kept: a batch may finish while its window is being destroyed. */
  self->toasts = g_object_ref (toasts);
  return self;
}

/**
 * nst_documents_get_actions:
 *
 * Returns: (transfer none): "journal" and "print-last", for the prefix "docs"
 */
GActionGroup *
nst_documents_get_actions (NstDocuments *self)
{
  return G_ACTION_GROUP (self->actions);
}

/**
 * nst_documents_build_menu:
 * @page_section: (nullable): the current tab's documents
 *
 * Returns: (transfer full): the «Документы» menu: the tab's section, then
 *   the journal's, which every tab shares
 */
GMenuModel *
nst_documents_build_menu (NstDocuments *self,
                          GMenuModel   *page_section)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) journal = g_menu_new ();

  g_menu_append (journal, _("Orders _Journal…"), "docs.journal");
  g_menu_append (journal, _("Prin_t Last Document…"), "docs.print-last");
  if (page_section != NULL && g_menu_model_get_n_items (page_section) > 0)
    g_menu_append_section (menu, NULL, page_section);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (journal));
  return G_MENU_MODEL (menu);
}

/**
 * nst_documents_is_busy:
 *
 * Returns: whether a batch of consents is being printed
 */
gboolean
nst_documents_is_busy (NstDocuments *self)
{
  return self->running > 0;
}

/* For nst-documents-print.c, which issues the orders. */
void
nst_documents_emit_order_issued (NstDocuments *self,
                                 NstOrder     *order)
{
  g_signal_emit (self, signals[ORDER_ISSUED], 0, order);
}

/* For nst-documents-print.c, whose order dialog records consents. */
void
nst_documents_emit_consents_recorded (NstDocuments *self)
{
  g_signal_emit (self, signals[CONSENTS_RECORDED], 0);
}
