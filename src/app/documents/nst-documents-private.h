/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "docs/nst-doc-template.h"
#include "docs/nst-docs.h"
#include "documents/nst-documents.h"

G_BEGIN_DECLS

/* Shared by the files of NstDocuments: nst-documents.c (the object, the
 * file chooser, the toasts, the journal), nst-documents-print.c (one
 * document at a time) and nst-documents-batch.c (the missing consents). */

/* What the user asked for, done again once the school's details they
 * were sent to fill in are saved. */
typedef void (*NstDocumentsRetry) (NstDocuments *self,
                                   gpointer      data);

struct _NstDocuments
{
  GObject parent_instance;

  /* The window owns this object, so it is not referenced back. */
  GtkWindow *parent;
  NstStore *store;
  AdwToastOverlay *toasts;
  GSimpleActionGroup *actions;
  GFile *last_saved;
  guint running;
  /* The document to print once the school's details are filled in. */
  struct _NstDocumentsRequest *waiting;
};

/* Saves to the file chosen (with ".pdf" added when missing) and reports. */
typedef void (*NstDocumentsSaveFunc) (NstDocuments *self,
                                      GFile        *file,
                                      gpointer      data);

gboolean        nst_documents_check_school    (NstDocuments      *self,
                                               const char *const *facts,
                                               NstDocumentsRetry  retry,
                                               gpointer           data,
                                               GDestroyNotify     destroy);
GtkFileChooser *nst_documents_new_pdf_chooser (NstDocuments *self,
                                      const char            *title,
                                      const char            *suggested_name,
                                      gboolean               pdf_filter,
                                      NstDocumentsSaveFunc   save,
                                      gpointer               data,
                                      GDestroyNotify         destroy);
void     nst_documents_choose_pdf    (NstDocuments          *self,
                                      const char            *title,
                                      const char            *suggested_name,
                                      gboolean               pdf_filter,
                                      NstDocumentsSaveFunc   save,
                                      gpointer               data,
                                      GDestroyNotify         destroy);
void     nst_documents_add_toast     (NstDocuments          *self,
                                      AdwToast              *toast);
void     nst_documents_show_saved    (NstDocuments          *self,
                                      GFile                 *file,
                                      const char            *message);
void     nst_documents_show_error    (NstDocuments          *self,
                                      const char            *heading,
                                      const GError          *error);
void     nst_documents_show_refusal  (NstDocuments          *self,
                                      const char            *heading,
                                      const GError          *error);
gboolean nst_documents_init_context  (NstDocuments          *self,
                                      NstDocContext         *context,
                                      NstSchool            **school,
                                      NstOrder             **regulation,
                                      GError               **error);
void     nst_documents_emit_order_issued (NstDocuments      *self,
                                          NstOrder          *order);
void     nst_documents_emit_consents_recorded (NstDocuments *self);

G_END_DECLS
