/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "io/nst-export-table.h"

G_BEGIN_DECLS

/* CSV as Russian Excel opens it by a double click: UTF-8 with a byte order
 * mark, `;` between fields, CRLF line ends, RFC 4180 quoting, dates as
 * ДД.ММ.ГГГГ.
 *
 * Formula injection: a cell beginning with = + - @ (or a tab or CR) would
 * be run as a formula by Excel and LibreOffice, so it gets a leading
 * apostrophe, which spreadsheets read as "this is text". Telephone numbers
 * such as «+7 900 123-45-67» get it too: unguarded, Excel turns them into
 * a formula or a number (79001234567, or -1128 for «+7-900-123-45-67»),
 * which is exactly what a Russian Excel user does not want; with the
 * apostrophe the number stays as written. The importer takes the
 * apostrophe off again, so an export imports back unchanged. XLSX needs
 * none of this: its cells are typed, and text is never a formula. */

void    nst_csv_append_cell   (GString         *out,
                               const char      *text);
GBytes *nst_csv_write_table   (NstExportTable  *table);

G_END_DECLS
