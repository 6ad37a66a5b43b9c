/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_ORDERS_WINDOW (nst_orders_window_get_type ())
G_DECLARE_FINAL_TYPE (NstOrdersWindow, nst_orders_window, NST, ORDERS_WINDOW, AdwWindow)

/* «Журнал приказов»: the orders printed, searched; each opened or saved
 * again from the PDF the journal keeps, so that a reprint is identical. */

NstOrdersWindow *nst_orders_window_new        (GtkWindow       *parent,
                                               NstStore        *store);
GListModel      *nst_orders_window_get_orders (NstOrdersWindow *self);
void             nst_orders_window_reload     (NstOrdersWindow *self);

/* Opens a document in the desktop's viewer; a failure is a toast. */
void             nst_documents_launch_file    (GtkWindow       *parent,
                                               GFile           *file);

G_END_DECLS
