/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "io/nst-export.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* The orders journal (журнал регистрации приказов) as it is kept on
 * paper: oldest first, with the registration number («219 о-д»), the date,
 * the kind and the heading. Drafts are not in the journal. */

const char     *nst_export_order_kind_label (const char       *kind);
NstExportTable *nst_export_orders_table     (GListModel       *orders);
gboolean        nst_export_orders           (NstStore         *store,
                                             const char       *path,
                                             NstExportFormat   format,
                                             guint            *n_exported,
                                             GError          **error);

G_END_DECLS
