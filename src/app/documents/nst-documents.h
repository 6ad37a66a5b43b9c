/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/nst-consent.h"
#include "model/nst-group.h"
#include "model/nst-participant.h"
#include "model/nst-programme.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* What the «Документы» menu prints, for whichever tab asks: each document
 * from what it is given, saved where the user chooses, with a toast to
 * open it. The window makes one and hands it to its tabs; nothing here
 * knows a tab. Its own actions, for the prefix "docs", are the journal's
 * and «Напечатать последний документ…». */

#define NST_TYPE_DOCUMENTS (nst_documents_get_type ())
G_DECLARE_FINAL_TYPE (NstDocuments, nst_documents, NST, DOCUMENTS, GObject)

NstDocuments *nst_documents_new                   (GtkWindow       *parent,
                                                   NstStore        *store,
                                                   AdwToastOverlay *toasts);
GActionGroup *nst_documents_get_actions           (NstDocuments    *self);
GMenuModel   *nst_documents_build_menu            (NstDocuments    *self,
                                                   GMenuModel      *page_section);

/* Each asks where to save, then writes. */
void          nst_documents_print_consent         (NstDocuments    *self,
                                                   NstParticipant  *participant,
                                                   NstConsentKind   kind);
void          nst_documents_print_registry        (NstDocuments    *self,
                                                   GListModel      *participants);
void          nst_documents_print_missing_consents (NstDocuments   *self,
                                                   GPtrArray       *participants);
GtkWindow    *nst_documents_print_pairs_order     (NstDocuments    *self,
                                                   NstGroup        *group,
                                                   GArray          *selected);
GtkWindow    *nst_documents_print_pairs_order_replacing (NstDocuments *self,
                                                         NstGroup     *group);
void          nst_documents_print_programme       (NstDocuments    *self,
                                                   NstProgramme    *programme);
void          nst_documents_print_roadmap         (NstDocuments    *self);

/* The code paths behind them, after the file is chosen. */
void          nst_documents_save_missing_consents (NstDocuments    *self,
                                                   GPtrArray       *participants,
                                                   gboolean         duplex_padding,
                                                   GFile           *file);
gboolean      nst_documents_is_busy               (NstDocuments    *self);
gboolean      nst_documents_save_pairs_order      (NstDocuments    *self,
                                                   NstGroup        *group,
                                                   GFile           *file);
GtkWindow    *nst_documents_show_journal          (NstDocuments    *self);
void          nst_documents_school_saved          (NstDocuments    *self);
void          nst_documents_school_dialog_closed  (NstDocuments    *self);

G_END_DECLS
