/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "io/nst-export.h"
#include "model/nst-roadmap.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* The roadmap as the seed's table has it: section, №, activity, schedule,
 * dates, expected result, indicator, responsible, state. */

NstExportTable *nst_export_roadmap_table (NstRoadmap       *roadmap);
gboolean        nst_export_roadmap       (NstStore         *store,
                                          const char       *path,
                                          NstExportFormat   format,
                                          guint            *n_exported,
                                          GError          **error);

G_END_DECLS
