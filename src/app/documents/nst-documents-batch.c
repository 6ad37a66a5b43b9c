/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "documents/nst-documents-private.h"

/* ---- the batch of missing consents ---------------------------------------- */

/* What the thread works on: no widget, so that it may be freed there. */
typedef struct
{
  NstSchool *school;
  NstOrder *regulation;
  GListStore *participants;
  char *path;
  NstDocBatchFlags flags;
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
  NstDocuments *docs;
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
      !nst_doc_missing_consents (pdf, &context, G_LIST_MODEL (batch->participants), batch->flags,
                                 batch_progress_cb, batch,
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
        nst_documents_show_error (view->docs, _("Could not print the consents"), error);
      else
        nst_documents_add_toast (view->docs, adw_toast_new (_("Printing cancelled")));
    }
  else if (n_forms == 0)
    nst_documents_add_toast (view->docs, adw_toast_new (_("No consent is missing: nothing to print")));
  else
    {
      g_autofree char *base = g_file_get_basename (view->file);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved: %s, %u form", "Saved: %s, %u forms", (gulong) n_forms),
                         base, (guint) n_forms);

      nst_documents_show_saved (view->docs, view->file, message);
    }
  g_object_unref (view->file);
  g_object_unref (view->cancellable);
  g_object_unref (view->docs->parent);
  g_object_unref (view->docs);
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
  gtk_window_set_transient_for (GTK_WINDOW (window), view->docs->parent);
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

/* The participants given, or every participant when none is. */
static GListStore *
batch_participants (NstDocuments  *self,
                    GPtrArray     *participants,
                    GError       **error)
{
  GListStore *store;

  if (participants == NULL || participants->len == 0)
    return nst_store_list_participants (self->store, error);
  store = g_list_store_new (NST_TYPE_PARTICIPANT);
  g_list_store_splice (store, 0, 0, participants->pdata, participants->len);
  return store;
}

static void
batch_start (NstDocuments *self,
             Batch        *batch,
             GFile        *file)
{
  g_autoptr(GTask) task = NULL;
  BatchView *view = g_new0 (BatchView, 1);

  /* Both outlive a window closed while the thread works. */
  view->docs = g_object_ref (self);
  g_object_ref (self->parent);
  view->batch = batch;
  view->file = g_object_ref (file);
  view->cancellable = g_cancellable_new ();
  view->progress = progress_window_new (view);
  view->timeout = g_timeout_add (100, update_progress_cb, view);
  self->running++;
  gtk_window_present (view->progress);
  task = g_task_new (NULL, view->cancellable, batch_done_cb, view);
  g_task_set_source_tag (task, nst_documents_save_missing_consents);
  g_task_set_task_data (task, batch, (GDestroyNotify) batch_free);
  g_task_run_in_thread (task, batch_thread);
}

/**
 * nst_documents_save_missing_consents:
 * @participants: (nullable) (element-type NstParticipant): whose consents,
 *   or %NULL (or none) for every participant
 * @duplex_padding: a blank page after each form of an odd count of pages,
 *   so that printed on both sides no sheet holds two people's forms
 *
 * Prints a form for every missing consent into @file: in a thread, with a
 * progress window that can cancel it, and a toast when it is done.
 */
void
nst_documents_save_missing_consents (NstDocuments *self,
                                     GPtrArray    *participants,
                                     gboolean      duplex_padding,
                                     GFile        *file)
{
  g_autoptr(GError) error = NULL;
  Batch *batch = g_new0 (Batch, 1);
  NstDocContext context;

  if (!nst_documents_init_context (self, &context, &batch->school, &batch->regulation, &error) ||
      (batch->participants = batch_participants (self, participants, &error)) == NULL)
    {
      batch_free (batch);
      nst_documents_show_error (self, _("Could not print the consents"), error);
      return;
    }
  batch->path = g_file_get_path (file);
  batch->flags = duplex_padding ? NST_DOC_BATCH_DUPLEX_PADDING : NST_DOC_BATCH_NONE;
  batch_start (self, batch, file);
}

#define DUPLEX_CHOICE "duplex-padding"

typedef struct
{
  GPtrArray      *participants;  /* (nullable) */
  GtkFileChooser *chooser;       /* (unowned) alive until save_missing() */
} MissingRequest;

static void
missing_request_free (MissingRequest *request)
{
  g_clear_pointer (&request->participants, g_ptr_array_unref);
  g_free (request);
}

static void
save_missing (NstDocuments *self,
              GFile        *file,
              gpointer      data)
{
  MissingRequest *request = data;
  const char *duplex = gtk_file_chooser_get_choice (request->chooser, DUPLEX_CHOICE);

  nst_documents_save_missing_consents (self, request->participants, g_strcmp0 (duplex, "false") != 0, file);
}

static void
retry_missing (NstDocuments *self,
               gpointer      participants)
{
  nst_documents_print_missing_consents (self, participants);
}

/**
 * nst_documents_print_missing_consents:
 * @participants: (nullable) (element-type NstParticipant): as for
 *   nst_documents_save_missing_consents()
 */
void
nst_documents_print_missing_consents (NstDocuments *self,
                                      GPtrArray    *participants)
{
  MissingRequest *request;

  if (!nst_documents_check_school (self, nst_doc_consent_facts, retry_missing,
                                   participants ? g_ptr_array_ref (participants) : NULL,
                                   (GDestroyNotify) g_ptr_array_unref))
    return;
  request = g_new0 (MissingRequest, 1);
  request->participants = participants ? g_ptr_array_ref (participants) : NULL;
  request->chooser = nst_documents_new_pdf_chooser (self, _("Missing Consents"), _("Missing consents.pdf"), FALSE,
                                                    save_missing, request, (GDestroyNotify) missing_request_free);
  /* On by default: forms of one and of two pages mixed in one batch would
   * otherwise put two people on one sheet printed on both sides. */
  gtk_file_chooser_add_choice (request->chooser, DUPLEX_CHOICE,
                               _("Pad each form with a blank page to an even number of pages, for two-sided printing"), NULL, NULL);
  gtk_file_chooser_set_choice (request->chooser, DUPLEX_CHOICE, "true");
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (request->chooser));
}
