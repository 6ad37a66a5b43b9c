/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-print-pdf"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtk/gtkunixprint.h>

#include "documents/nst-print-pdf.h"

/* What the dialog's response needs; the dialog keeps it. */
typedef struct
{
  GtkWindow *parent;
  GFile *pdf;
  char *title;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->pdf);
  g_free (request->title);
  g_free (request);
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
job_sent_cb (GtkPrintJob  *job,
             gpointer      user_data,
             const GError *error)
{
  GtkWindow *parent = user_data;

  if (error != NULL)
    show_message (parent, _("Could not print the document"), error->message);
}

static void
send (Request          *request,
      GtkPrinter       *printer,
      GtkPrintSettings *settings,
      GtkPageSetup     *page_setup)
{
  g_autoptr(GtkPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (!gtk_printer_accepts_pdf (printer))
    {
      body = g_strdup_printf (_("The printer “%s” cannot print PDF documents directly. "
                                "Choose another printer, or open the document and print it from the PDF viewer."),
                              gtk_printer_get_name (printer));
      show_message (request->parent, _("This Printer Does Not Accept PDF"), body);
      return;
    }
  job = gtk_print_job_new (request->title, printer, settings, page_setup);
  if (!gtk_print_job_set_source_file (job, g_file_peek_path (request->pdf), &error))
    {
      show_message (request->parent, _("Could not print the document"), error->message);
      return;
    }
  /* The print backend keeps its own reference to the job until it is sent. */
  gtk_print_job_send (job, job_sent_cb, g_object_ref (request->parent), g_object_unref);
}

static void
response_cb (GtkDialog *dialog,
             int        response,
             Request   *request)
{
  GtkPrintUnixDialog *print_dialog = GTK_PRINT_UNIX_DIALOG (dialog);

  if (response == GTK_RESPONSE_OK)
    {
      GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (print_dialog);
      g_autoptr(GtkPrintSettings) settings = gtk_print_unix_dialog_get_settings (print_dialog);
      GtkPageSetup *page_setup = gtk_print_unix_dialog_get_page_setup (print_dialog);

      if (printer != NULL)
        send (request, printer, settings, page_setup);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/**
 * nst_print_pdf_file:
 * @parent: the window the dialog is modal to
 * @pdf: a local PDF file
 * @title: the job's title, as the print queue shows it
 *
 * Shows the print dialog and sends @pdf itself to the printer chosen.
 */
void
nst_print_pdf_file (GtkWindow  *parent,
                    GFile      *pdf,
                    const char *title)
{
  GtkWidget *dialog;
  Request *request;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_FILE (pdf) && g_file_peek_path (pdf) != NULL);

  request = g_new0 (Request, 1);
  request->parent = g_object_ref (parent);
  request->pdf = g_object_ref (pdf);
  request->title = title != NULL ? g_strdup (title) : g_file_get_basename (pdf);
  dialog = gtk_print_unix_dialog_new (_("Print"), parent);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_print_unix_dialog_set_manual_capabilities (GTK_PRINT_UNIX_DIALOG (dialog),
                                                 GTK_PRINT_CAPABILITY_PAGE_SET | GTK_PRINT_CAPABILITY_COPIES |
                                                 GTK_PRINT_CAPABILITY_COLLATE | GTK_PRINT_CAPABILITY_REVERSE |
                                                 GTK_PRINT_CAPABILITY_GENERATE_PDF);
  gtk_print_unix_dialog_set_embed_page_setup (GTK_PRINT_UNIX_DIALOG (dialog), FALSE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), request,
                         (GClosureNotify) (void (*) (void)) request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
