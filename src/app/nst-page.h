/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "documents/nst-documents.h"
#include "io/nst-export.h"

G_BEGIN_DECLS

/* What a tab of the window offers the header bar, so that the window knows
 * no tab by name: the «+» button (Ctrl+N) adds in the current tab, Ctrl+F
 * searches in it, the «Документы» menu shows the tab's documents for its
 * selection, «Экспорт…» saves what the tab lists. Every part is optional:
 * a tab that cannot add returns NULL from get_add_tooltip, one without
 * documents NULL from dup_documents_menu, one that exports nothing NULL
 * from get_export_name. */

#define NST_TYPE_PAGE (nst_page_get_type ())
G_DECLARE_INTERFACE (NstPage, nst_page, NST, PAGE, GtkWidget)

struct _NstPageInterface
{
  GTypeInterface parent_iface;

  const char * (*get_add_tooltip)    (NstPage          *self);
  void         (*add)                (NstPage          *self);
  void         (*focus_search)       (NstPage          *self);

  /* What the tab's documents are made of, so that they need not know the
   * tab: the items shown, in their order; those selected; a reload after
   * a document changed them (an order approves pairs). */
  GListModel * (*get_visible)        (NstPage          *self);
  GPtrArray  * (*dup_selected)       (NstPage          *self);
  void         (*reload)             (NstPage          *self);

  /* The tab's section of the «Документы» menu; its items name actions
   * "page.NAME", which add_actions puts in @actions once the page has its
   * NstDocuments, and update_actions enables for the selection. */
  GMenuModel * (*dup_documents_menu) (NstPage          *self);
  void         (*add_actions)        (NstPage          *self,
                                      GActionMap       *actions);
  void         (*update_actions)     (NstPage          *self,
                                      GActionMap       *actions);

  /* «Экспорт…»: the file name offered, then the rows written to @path. */
  const char * (*get_export_name)    (NstPage          *self);
  gboolean     (*export)             (NstPage          *self,
                                      const char       *path,
                                      NstExportFormat   format,
                                      guint            *n_rows,
                                      GError          **error);
};

const char   *nst_page_get_add_tooltip    (NstPage          *self);
void          nst_page_add                (NstPage          *self);
void          nst_page_focus_search       (NstPage          *self);
GListModel   *nst_page_get_visible        (NstPage          *self);
GPtrArray    *nst_page_dup_selected       (NstPage          *self);
void          nst_page_reload             (NstPage          *self);
void          nst_page_mark_seen          (NstPage          *self);
void          nst_page_catch_up           (NstPage          *self);

void          nst_page_set_documents      (NstPage          *self,
                                           NstDocuments     *documents);
NstDocuments *nst_page_get_documents      (NstPage          *self);
GMenuModel   *nst_page_dup_documents_menu (NstPage          *self);
GActionGroup *nst_page_get_actions        (NstPage          *self);
void          nst_page_update_actions     (NstPage          *self);

const char   *nst_page_get_export_name    (NstPage          *self);
gboolean      nst_page_export             (NstPage          *self,
                                           const char       *path,
                                           NstExportFormat   format,
                                           guint            *n_rows,
                                           GError          **error);

G_END_DECLS
