/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/nst-order.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* The orders journal (журнал регистрации приказов): the table school_order.
 * An order keeps the PDF that was printed, so that a reprint is identical. */

gboolean    nst_store_next_order_number (NstStore    *self,
                                         guint        year,
                                         guint       *number,
                                         GError     **error);
gboolean    nst_store_add_order         (NstStore    *self,
                                         NstOrder    *order,
                                         GBytes      *pdf,
                                         GError     **error);
GListStore *nst_store_list_orders       (NstStore    *self,
                                         const char  *search,
                                         GError     **error);
NstOrder   *nst_store_get_order         (NstStore    *self,
                                         gint64       id,
                                         GError     **error);
GBytes     *nst_store_get_order_pdf     (NstStore    *self,
                                         gint64       id,
                                         GError     **error);
NstOrder   *nst_store_find_last_order   (NstStore    *self,
                                         const char  *kind,
                                         GError     **error);

/* The order that approved a personalized programme (programme.order_id),
 * as the programme's document cites it. */
gboolean    nst_store_set_programme_order (NstStore  *self,
                                           gint64     programme_id,
                                           NstOrder  *order,
                                           GError   **error);
NstOrder   *nst_store_get_programme_order (NstStore  *self,
                                           gint64     programme_id,
                                           GError   **error);

G_END_DECLS
