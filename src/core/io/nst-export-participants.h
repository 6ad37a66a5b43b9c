/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "io/nst-export.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* The registry as a table whose columns are those the import recognises
 * (nst-import-fields.h), so that an exported file imports back into the
 * same registry. Consents are not in it: they are records of their own. */

NstExportTable *nst_export_participants_table (GListModel       *participants);
gboolean        nst_export_participants       (NstStore         *store,
                                               const char       *path,
                                               NstExportFormat   format,
                                               guint            *n_exported,
                                               GError          **error);

G_END_DECLS
