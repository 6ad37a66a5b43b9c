/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-documents-menu"

#include "config.h"

#include <glib/gi18n.h>

#include "docs/nst-docs.h"
#include "schedule/nst-date.h"
#include "documents/nst-documents-menu.h"
#include "widgets/nst-error-toast.h"
#include "documents/nst-orders-window.h"
#include "documents/nst-print-pdf.h"
#include "store/nst-store-orders.h"
#include "store/nst-store-roadmap.h"
#include "store/nst-store-templates.h"

/* The menu's state, kept on the window: the pages are the window's
 * template children and live as long as it does. */
typedef struct
{
  NstWindow *window;
  GtkMenuButton *button;
  NstRegistryPage *registry_page;
  NstPairsPage *pairs_page;
  NstProgrammesPage *programmes_page;
  GSimpleActionGroup *actions;
  GFile *last_saved;
  guint running;
} Docs;

static Docs *
docs_for (NstWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "nst-documents-menu");
}

static void
docs_free (Docs *docs)
{
  g_clear_object (&docs->actions);
  g_clear_object (&docs->last_saved);
  g_free (docs);
}

static void set_enabled (Docs       *docs,
                         const char *name,
                         gboolean    enabled);

/* ---- toasts and errors ------------------------------------------------- */

static void
open_clicked_cb (AdwToast *toast,
                 GFile    *file)
{
  GtkWindow *window = g_object_get_data (G_OBJECT (toast), "window");

  if (window != NULL)
    nst_documents_launch_file (window, file);
}

static void
show_saved (Docs       *docs,
            GFile      *file,
            const char *message)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *text = message ? g_strdup (message) : g_strdup_printf (_("Saved: %s"), base);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data (G_OBJECT (toast), "window", docs->window);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb), g_object_ref (file),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  nst_window_add_toast (docs->window, toast);
  /* The last document saved is the one «Print Last Document» prints. */
  g_set_object (&docs->last_saved, file);
  set_enabled (docs, "print-last", TRUE);
}

static void
show_error (Docs         *docs,
            const char   *heading,
            const GError *error)
{
  nst_window_add_toast (docs->window, nst_error_toast_new (GTK_WINDOW (docs->window), heading, error));
}

static void
show_refusal (Docs         *docs,
              const char   *heading,
              const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (docs->window), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
init_context (Docs           *docs,
              NstDocContext  *context,
              NstSchool     **school,
              NstOrder      **regulation,
              GError        **error)
{
  NstStore *store = nst_window_get_store (docs->window);
  g_autoptr(GError) local = NULL;

  if ((*school = nst_store_load_school (store, error)) == NULL)
    return FALSE;
  *regulation = nst_store_find_last_order (store, NST_ORDER_KIND_INTRODUCTION, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  nst_doc_context_init (context, *school, *regulation);
  return TRUE;
}

/* ---- choosing the file ----------------------------------------------------- */

/* Writes the document to the file chosen; a refusal already shown returns
 * FALSE with no error. */
typedef gboolean (*WriteFunc) (Docs     *docs,
                               GFile    *file,
                               GError  **error);

typedef struct
{
  Docs *docs;
  WriteFunc write;
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
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (chosen != NULL)
    {
      file = with_pdf_extension (chosen);
      if (choice->write (choice->docs, file, &error))
        show_saved (choice->docs, file, NULL);
      else if (error != NULL)
        show_error (choice->docs, _("Could not save the document"), error);
    }
  g_free (choice);
  g_object_unref (native);
}

static void
choose_file (Docs       *docs,
             const char *title,
             const char *suggested_name,
             WriteFunc   write)
{
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (title, GTK_WINDOW (docs->window), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Save"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();
  Choice *choice = g_new0 (Choice, 1);
  g_autofree char *name = g_strdelimit (g_strdup (suggested_name), "/\\", '-');

  choice->docs = docs;
  choice->write = write;
  gtk_file_filter_set_name (filter, _("PDF document (*.pdf)"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- the registry's documents ------------------------------------------------ */

static NstParticipant *
selected_participant (Docs *docs)
{
  g_autoptr(GPtrArray) chosen = nst_registry_page_dup_selected (docs->registry_page);

  return chosen->len == 1 ? g_object_ref (g_ptr_array_index (chosen, 0)) : NULL;
}

typedef enum
{
  CONSENT_PROCESSING,
  CONSENT_DISTRIBUTION,
  CONSENT_MENTOR,
} Consent;

static gboolean
write_consent (Docs     *docs,
               GFile    *file,
               Consent   kind,
               GError  **error)
{
  g_autoptr(NstParticipant) participant = selected_participant (docs);
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(NstPdf) pdf = NULL;
  NstDocContext context;
  gboolean ok;

  if (participant == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Select one participant"));
      return FALSE;
    }
  if (!init_context (docs, &context, &school, &regulation, error) || (pdf = nst_pdf_new (error)) == NULL)
    return FALSE;
  switch (kind)
    {
    case CONSENT_DISTRIBUTION: ok = nst_doc_consent_distribution (pdf, &context, participant, error); break;
    case CONSENT_MENTOR: ok = nst_doc_consent_mentor (pdf, &context, participant, NULL, error); break;
    case CONSENT_PROCESSING:
    default: ok = nst_doc_consent_processing (pdf, &context, participant, error); break;
    }
  return ok && nst_pdf_save_to_file (pdf, g_file_peek_path (file), error);
}

static gboolean
write_processing (Docs *docs, GFile *file, GError **error)
{
  return write_consent (docs, file, CONSENT_PROCESSING, error);
}

static gboolean
write_distribution (Docs *docs, GFile *file, GError **error)
{
  return write_consent (docs, file, CONSENT_DISTRIBUTION, error);
}

static gboolean
write_mentor (Docs *docs, GFile *file, GError **error)
{
  return write_consent (docs, file, CONSENT_MENTOR, error);
}

static void
consent_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Docs *docs = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  g_autoptr(NstParticipant) participant = selected_participant (docs);
  g_autofree char *person = NULL;
  g_autofree char *file_name = NULL;

  if (participant == NULL)
    return;
  person = nst_participant_dup_full_name (participant);
  if (g_str_equal (name, "consent-distribution"))
    {
      file_name = g_strdup_printf (_("Consent to distribution — %s.pdf"), person);
      choose_file (docs, _("Consent to Distribution of Personal Data"), file_name, write_distribution);
    }
  else if (g_str_equal (name, "consent-mentor"))
    {
      file_name = g_strdup_printf (_("Mentor’s consent — %s.pdf"), person);
      choose_file (docs, _("Mentor’s Consent"), file_name, write_mentor);
    }
  else
    {
      file_name = g_strdup_printf (_("Consent to processing — %s.pdf"), person);
      choose_file (docs, _("Consent to Processing of Personal Data"), file_name, write_processing);
    }
}

static gboolean
write_registry (Docs     *docs,
                GFile    *file,
                GError  **error)
{
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(NstPdf) pdf = NULL;
  NstDocContext context;

  return init_context (docs, &context, &school, &regulation, error) &&
         (pdf = nst_pdf_new (error)) != NULL &&
         nst_doc_registry (pdf, &context, nst_registry_page_get_visible (docs->registry_page), error) &&
         nst_pdf_save_to_file (pdf, g_file_peek_path (file), error);
}

static void
registry_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  choose_file (user_data, _("List of Participants"), _("List of participants.pdf"), write_registry);
}

/* ---- the batch of missing consents ---------------------------------------- */

/* What the thread works on: no widget, so that it may be freed there. */
typedef struct
{
  NstSchool *school;
  NstOrder *regulation;
  GListStore *participants;
  char *path;
  gint done;
  gint total;
} Batch;

static void
batch_free (Batch *batch)
{
  g_clear_object (&batch->school);
  g_clear_object (&batch->regulation);
  g_clear_object (&batch->participants);
  g_free (batch->path);
  g_free (batch);
}

/* What the window shows of it, in the main thread. */
typedef struct
{
  Docs *docs;
  Batch *batch;
  GFile *file;
  GCancellable *cancellable;
  GtkWindow *progress;
  GtkProgressBar *bar;
  guint timeout;
} BatchView;

static void
batch_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  Batch *batch = user_data;

  g_atomic_int_set (&batch->total, (gint) total);
  g_atomic_int_set (&batch->done, (gint) done);
}

static void
batch_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Batch *batch = task_data;
  g_autoptr(NstPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  NstDocContext context;
  guint n_forms = 0;

  nst_doc_context_init (&context, batch->school, batch->regulation);
  if ((pdf = nst_pdf_new (&error)) == NULL ||
      !nst_doc_missing_consents (pdf, &context, G_LIST_MODEL (batch->participants), batch_progress_cb, batch,
                                 cancellable, &n_forms, &error) ||
      (n_forms > 0 && !nst_pdf_save_to_file (pdf, batch->path, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n_forms);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  BatchView *view = user_data;
  gint total = g_atomic_int_get (&view->batch->total);
  gint done = g_atomic_int_get (&view->batch->done);

  if (total > 0)
    {
      g_autofree char *text = g_strdup_printf (_("%d of %d"), done, total);

      gtk_progress_bar_set_fraction (view->bar, (double) done / total);
      gtk_progress_bar_set_text (view->bar, text);
    }
  else
    gtk_progress_bar_pulse (view->bar);
  return G_SOURCE_CONTINUE;
}

static void
batch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  BatchView *view = user_data;
  g_autoptr(GError) error = NULL;
  gssize n_forms = g_task_propagate_int (G_TASK (result), &error);

  g_source_remove (view->timeout);
  view->docs->running--;
  gtk_window_destroy (view->progress);
  if (n_forms < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (view->docs, _("Could not print the consents"), error);
      else
        nst_window_add_toast (view->docs->window, adw_toast_new (_("Printing cancelled")));
    }
  else if (n_forms == 0)
    nst_window_add_toast (view->docs->window, adw_toast_new (_("No consent is missing: nothing to print")));
  else
    {
      g_autofree char *base = g_file_get_basename (view->file);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved: %s, %u form", "Saved: %s, %u forms", (gulong) n_forms),
                         base, (guint) n_forms);

      show_saved (view->docs, view->file, message);
    }
  g_object_unref (view->file);
  g_object_unref (view->cancellable);
  g_object_unref (view->docs->window);
  g_free (view);
}

static gboolean
progress_close_cb (GtkWindow    *progress,
                   GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
  return TRUE;
}

static GtkWindow *
progress_window_new (BatchView *view)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_("Printing the missing consents…"));
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_window_set_title (GTK_WINDOW (window), _("Missing Consents"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (view->docs->window));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, -1);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_add_css_class (title, "heading");
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), cancel);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (g_cancellable_cancel), view->cancellable);
  g_signal_connect (window, "close-request", G_CALLBACK (progress_close_cb), view->cancellable);
  view->bar = GTK_PROGRESS_BAR (bar);
  return GTK_WINDOW (window);
}

/**
 * nst_documents_save_missing_consents:
 *
 * Prints a form for every missing consent of the participants selected in
 * the registry, or of every participant, into @file: in a thread, with a
 * progress window that can cancel it, and a toast when it is done.
 */
void
nst_documents_save_missing_consents (NstWindow *window,
                                     GFile     *file)
{
  Docs *docs = docs_for (window);
  g_autoptr(GPtrArray) chosen = nst_registry_page_dup_selected (docs->registry_page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  Batch *batch = g_new0 (Batch, 1);
  BatchView *view;
  NstDocContext context;

  if (!init_context (docs, &context, &batch->school, &batch->regulation, &error))
    {
      batch_free (batch);
      show_error (docs, _("Could not print the consents"), error);
      return;
    }
  if (chosen->len > 0)
    {
      batch->participants = g_list_store_new (NST_TYPE_PARTICIPANT);
      g_list_store_splice (batch->participants, 0, 0, chosen->pdata, chosen->len);
    }
  else if ((batch->participants = nst_store_list_participants (nst_window_get_store (window), &error)) == NULL)
    {
      batch_free (batch);
      show_error (docs, _("Could not print the consents"), error);
      return;
    }
  batch->path = g_file_get_path (file);
  view = g_new0 (BatchView, 1);
  view->docs = docs;
  g_object_ref (window);
  view->batch = batch;
  view->file = g_object_ref (file);
  view->cancellable = g_cancellable_new ();
  view->progress = progress_window_new (view);
  view->timeout = g_timeout_add (100, update_progress_cb, view);
  docs->running++;
  gtk_window_present (view->progress);
  task = g_task_new (NULL, view->cancellable, batch_done_cb, view);
  g_task_set_source_tag (task, nst_documents_save_missing_consents);
  g_task_set_task_data (task, batch, (GDestroyNotify) batch_free);
  g_task_run_in_thread (task, batch_thread);
}

/**
 * nst_documents_is_busy:
 *
 * Returns: whether a batch of consents is being printed
 */
gboolean
nst_documents_is_busy (NstWindow *window)
{
  return docs_for (window)->running > 0;
}

static void
missing_chosen_cb (GtkNativeDialog *native,
                   int              response,
                   gpointer         user_data)
{
  Docs *docs = user_data;
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (chosen != NULL)
    {
      g_autoptr(GFile) file = with_pdf_extension (chosen);
      nst_documents_save_missing_consents (docs->window, file);
    }
  g_object_unref (native);
}

static void
missing_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Docs *docs = user_data;
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (_("Missing Consents"), GTK_WINDOW (docs->window), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Missing consents.pdf"));
  g_signal_connect (native, "response", G_CALLBACK (missing_chosen_cb), docs);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- the order on pairs ------------------------------------------------------ */

/**
 * nst_documents_save_pairs_order:
 *
 * Issues the order on the pair selected, or on those the order lists by
 * default (the year's drafts and the pairs approved without an order):
 * registered in the journal, written to @file. A refusal is shown in a
 * dialog that says what is missing.
 *
 * Returns: whether the order was issued
 */
gboolean
nst_documents_save_pairs_order (NstWindow *window,
                                GFile     *file)
{
  Docs *docs = docs_for (window);
  NstStore *store = nst_window_get_store (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(NstGroup) selected = nst_pairs_page_dup_selected (docs->pairs_page);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;
  NstPairsOrderOptions options = { NULL, NULL };
  g_autofree char *text = NULL;
  GDate date;

  nst_date_today (&date);
  if ((school = nst_store_load_school (store, &error)) == NULL)
    goto failed;
  if (selected != NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, (gint64) { nst_group_get_id (selected) });
    }
  else if ((ids = nst_doc_find_pairs_to_approve (store, nst_school_get_school_year (school), &error)) == NULL)
    goto failed;
  if (ids->len == 0)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There are no draft pairs or groups to appoint: add them in this tab first"));
      show_refusal (docs, _("Nothing to Order"), error);
      return FALSE;
    }
  if ((pairs = nst_doc_load_pairs (store, (const gint64 *) (gpointer) ids->data, ids->len,
                                   nst_school_get_school_year (school), &error)) == NULL)
    goto failed;
  if (!nst_doc_check_pairs (store, pairs, &error))
    {
      show_refusal (docs, _("The Order Cannot Be Issued"), error);
      return FALSE;
    }
  if ((regulation = nst_store_find_last_order (store, NST_ORDER_KIND_INTRODUCTION, &error)) == NULL && error != NULL)
    goto failed;
  options.regulation = regulation;
  if (((text = nst_store_get_order_template (store, NST_ORDER_KIND_PAIRS, &error)) == NULL && error != NULL) ||
      (content = nst_doc_order_pairs (school, &date, pairs, &options, text, &error)) == NULL ||
      (order = nst_doc_order_issue (store, school, content, FALSE, g_file_peek_path (file), NULL, &error)) == NULL)
    goto failed;
  nst_pairs_page_reload (docs->pairs_page);
  number = nst_order_dup_registration_number (order);
  message = g_strdup_printf (_("Order № %s saved"), number);
  show_saved (docs, file, message);
  return TRUE;

failed:
  show_error (docs, _("Could not issue the order"), error);
  return FALSE;
}

static void
order_chosen_cb (GtkNativeDialog *native,
                 int              response,
                 gpointer         user_data)
{
  Docs *docs = user_data;
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (chosen != NULL)
    {
      g_autoptr(GFile) file = with_pdf_extension (chosen);
      nst_documents_save_pairs_order (docs->window, file);
    }
  g_object_unref (native);
}

static void
order_pairs_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  Docs *docs = user_data;
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (_("Order on Appointing Mentors"), GTK_WINDOW (docs->window),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Order on appointing mentors.pdf"));
  g_signal_connect (native, "response", G_CALLBACK (order_chosen_cb), docs);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- programme and roadmap ----------------------------------------------------- */

static gboolean
write_programme (Docs     *docs,
                 GFile    *file,
                 GError  **error)
{
  NstStore *store = nst_window_get_store (docs->window);
  g_autoptr(NstProgramme) programme = nst_programmes_page_dup_selected (docs->programmes_page);
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(NstOrder) approval = NULL;
  g_autoptr(NstDocPair) pair = NULL;
  g_autoptr(NstPdf) pdf = NULL;
  g_autoptr(GError) local = NULL;
  NstDocContext context;
  gint64 id;

  if (programme == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Select a programme"));
      return FALSE;
    }
  id = nst_programme_get_id (programme);
  if (!init_context (docs, &context, &school, &regulation, error) ||
      (pair = nst_doc_load_programme (store, id, error)) == NULL)
    return FALSE;
  if ((approval = nst_store_get_programme_order (store, id, &local)) == NULL && local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return (pdf = nst_pdf_new (error)) != NULL &&
         nst_doc_programme (pdf, &context, pair, approval, error) &&
         nst_pdf_save_to_file (pdf, g_file_peek_path (file), error);
}

static void
programme_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Docs *docs = user_data;
  g_autoptr(NstProgramme) programme = nst_programmes_page_dup_selected (docs->programmes_page);
  g_autofree char *name = NULL;

  if (programme == NULL)
    return;
  name = g_strdup_printf (_("Programme — %s.pdf"), nst_programme_get_title (programme));
  choose_file (docs, _("Personalized Programme"), name, write_programme);
}

static gboolean
write_roadmap (Docs     *docs,
               GFile    *file,
               GError  **error)
{
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(NstRoadmap) roadmap = NULL;
  g_autoptr(NstPdf) pdf = NULL;
  g_autoptr(GError) local = NULL;
  NstDocContext context;

  if (!init_context (docs, &context, &school, &regulation, error))
    return FALSE;
  if ((roadmap = nst_store_load_current_roadmap (nst_window_get_store (docs->window), &context.today,
                                                 &local)) == NULL)
    {
      if (local == NULL)
        g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("There is no roadmap yet: make one in the «Дорожная карта» tab"));
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return (pdf = nst_pdf_new (error)) != NULL &&
         nst_doc_roadmap (pdf, &context, roadmap, error) &&
         nst_pdf_save_to_file (pdf, g_file_peek_path (file), error);
}

static void
roadmap_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  choose_file (user_data, _("Roadmap"), _("Roadmap.pdf"), write_roadmap);
}

/* ---- the journal -------------------------------------------------------------- */

/**
 * nst_documents_show_journal:
 *
 * Returns: (transfer none): the journal's window, shown
 */
GtkWindow *
nst_documents_show_journal (NstWindow *window)
{
  NstOrdersWindow *journal = nst_orders_window_new (GTK_WINDOW (window), nst_window_get_store (window));

  gtk_window_present (GTK_WINDOW (journal));
  return GTK_WINDOW (journal);
}

static void
journal_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Docs *docs = user_data;

  nst_documents_show_journal (docs->window);
}

/* ---- printing ------------------------------------------------------------------ */

static void
print_last_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  Docs *docs = user_data;
  g_autofree char *title = NULL;

  if (docs->last_saved == NULL)
    return;
  title = g_file_get_basename (docs->last_saved);
  nst_print_pdf_file (GTK_WINDOW (docs->window), docs->last_saved, title);
}

/* ---- the menu ------------------------------------------------------------------ */

static const GActionEntry entries[] = {
  { "missing-consents", missing_action_cb },
  { "consent-processing", consent_action_cb },
  { "consent-distribution", consent_action_cb },
  { "consent-mentor", consent_action_cb },
  { "registry", registry_action_cb },
  { "order-pairs", order_pairs_action_cb },
  { "programme", programme_action_cb },
  { "roadmap", roadmap_action_cb },
  { "journal", journal_action_cb },
  { "print-last", print_last_action_cb },
};

static void
set_enabled (Docs       *docs,
             const char *name,
             gboolean    enabled)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (docs->actions), name)),
                               enabled);
}

/* What needs a selection is insensitive without one. */
static void
update_enabled (Docs *docs)
{
  g_autoptr(NstParticipant) participant = selected_participant (docs);
  g_autoptr(NstProgramme) programme = nst_programmes_page_dup_selected (docs->programmes_page);

  set_enabled (docs, "consent-processing", participant != NULL);
  set_enabled (docs, "consent-distribution", participant != NULL);
  set_enabled (docs, "consent-mentor", participant != NULL);
  set_enabled (docs, "programme", programme != NULL);
  set_enabled (docs, "print-last", docs->last_saved != NULL);
}

static GMenu *
menu_for_page (const char *page)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenu) journal = g_menu_new ();

  if (g_strcmp0 (page, "registry") == 0)
    {
      g_menu_append (section, _("_Missing Consents…"), "docs.missing-consents");
      g_menu_append (section, _("Consent to _Processing of Personal Data…"), "docs.consent-processing");
      g_menu_append (section, _("Consent to _Distribution of Personal Data…"), "docs.consent-distribution");
      g_menu_append (section, _("_Mentor’s Consent…"), "docs.consent-mentor");
      g_menu_append (section, _("_List of Participants…"), "docs.registry");
    }
  else if (g_strcmp0 (page, "pairs") == 0)
    g_menu_append (section, _("_Order on Appointing Mentors…"), "docs.order-pairs");
  else if (g_strcmp0 (page, "programmes") == 0)
    g_menu_append (section, _("_Programme…"), "docs.programme");
  else if (g_strcmp0 (page, "roadmap") == 0)
    g_menu_append (section, _("_Roadmap (Table)…"), "docs.roadmap");
  g_menu_append (journal, _("Orders _Journal…"), "docs.journal");
  g_menu_append (journal, _("Prin_t Last Document…"), "docs.print-last");
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (journal));
  return menu;
}

/**
 * nst_documents_menu_update:
 *
 * Rebuilds the menu for the tab shown.
 */
void
nst_documents_menu_update (NstWindow *window)
{
  Docs *docs = docs_for (window);
  g_autoptr(GMenu) menu = NULL;
  GtkPopover *popover;

  if (docs == NULL)
    return;
  menu = menu_for_page (nst_window_get_visible_page_name (window));
  update_enabled (docs);
  gtk_menu_button_set_menu_model (docs->button, G_MENU_MODEL (menu));
  /* The selection may change while the menu is closed. */
  popover = gtk_menu_button_get_popover (docs->button);
  if (popover != NULL)
    g_signal_connect_swapped (popover, "show", G_CALLBACK (update_enabled), docs);
}

void
nst_documents_menu_attach (NstWindow         *window,
                           GtkMenuButton     *button,
                           NstRegistryPage   *registry_page,
                           NstPairsPage      *pairs_page,
                           NstProgrammesPage *programmes_page)
{
  Docs *docs = g_new0 (Docs, 1);

  docs->window = window;
  docs->button = button;
  docs->registry_page = registry_page;
  docs->pairs_page = pairs_page;
  docs->programmes_page = programmes_page;
  docs->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (docs->actions), entries, G_N_ELEMENTS (entries), docs);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "docs", G_ACTION_GROUP (docs->actions));
  g_object_set_data_full (G_OBJECT (window), "nst-documents-menu", docs, (GDestroyNotify) docs_free);
  nst_documents_menu_update (window);
}
