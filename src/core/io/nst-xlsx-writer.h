/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "io/nst-export-table.h"

G_BEGIN_DECLS

/* One sheet named after the table: a bold header row that stays on screen
 * when scrolling and carries a filter, the columns' widths, dates as real
 * dates shown ДД.ММ.ГГГГ, every other cell as text. Writes @path directly;
 * nst_export_table_save() makes it atomic. */

gboolean nst_xlsx_write_table (NstExportTable  *table,
                               const char      *path,
                               GError         **error);

G_END_DECLS
