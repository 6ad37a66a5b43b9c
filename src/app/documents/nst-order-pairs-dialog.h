/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/nst-store.h"

G_BEGIN_DECLS

/* Before the order on pairs is issued: the pairs it would fix, the ready
 * ones ticked, each one not ready with what it lacks and, for a missing
 * consent, «Согласие получено сегодня». «Издать приказ (N)» and «Печать
 * проекта» emit "chosen" (draft or not) and close; the caller asks for
 * the file. "consents-recorded" says the registry changed. */

#define NST_TYPE_ORDER_PAIRS_DIALOG (nst_order_pairs_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NstOrderPairsDialog, nst_order_pairs_dialog, NST, ORDER_PAIRS_DIALOG, AdwWindow)

NstOrderPairsDialog *nst_order_pairs_dialog_new          (GtkWindow            *parent,
                                                          NstStore             *store,
                                                          guint                 school_year,
                                                          GArray               *ids,
                                                          GArray               *selected,
                                                          GError              **error);
GArray              *nst_order_pairs_dialog_dup_ticked   (NstOrderPairsDialog  *self);
GArray              *nst_order_pairs_dialog_dup_draft    (NstOrderPairsDialog  *self);
guint                nst_order_pairs_dialog_get_n_ticked (NstOrderPairsDialog  *self);

G_END_DECLS
