/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/nst-store.h"

G_BEGIN_DECLS

/* The school's own texts of orders (the table document_template): one per
 * kind of order, NST_ORDER_KIND_ codes; a kind without one prints the
 * standard text from docs/templates/. The store keeps strings: the kinds'
 * titles, standard texts and the check of a text are in
 * docs/nst-order-template.h. */

char              *nst_store_get_order_template   (NstStore    *self,
                                                   const char  *kind,
                                                   GError     **error);
gboolean           nst_store_save_order_template  (NstStore    *self,
                                                   const char  *kind,
                                                   const char  *text,
                                                   GError     **error);
gboolean           nst_store_reset_order_template (NstStore    *self,
                                                   const char  *kind,
                                                   GError     **error);

G_END_DECLS
