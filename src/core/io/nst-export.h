/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "io/nst-export-table.h"

G_BEGIN_DECLS

typedef enum
{
  NST_EXPORT_FORMAT_CSV,
  NST_EXPORT_FORMAT_XLSX,
} NstExportFormat;

gboolean  nst_export_format_for_path  (const char       *path,
                                       NstExportFormat  *format,
                                       GError          **error);
gboolean  nst_export_table_save       (NstExportTable   *table,
                                       const char       *path,
                                       NstExportFormat   format,
                                       GError          **error);
gboolean  nst_export_bytes_save       (GBytes           *bytes,
                                       const char       *path,
                                       GError          **error);

G_END_DECLS
