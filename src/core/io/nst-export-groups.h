/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "io/nst-export.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* Pairs and groups: mentor, mentees, form, model, kind, period, state and
 * the approving order. */

NstExportTable *nst_export_groups_table (GListModel       *groups);
gboolean        nst_export_groups       (NstStore         *store,
                                         const char       *path,
                                         NstExportFormat   format,
                                         guint            *n_exported,
                                         GError          **error);

G_END_DECLS
