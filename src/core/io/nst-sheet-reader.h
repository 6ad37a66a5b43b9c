/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "io/nst-csv-reader.h"

G_BEGIN_DECLS

/* The first worksheet of a spreadsheet as a table of texts, for the import
 * to read as it reads a CSV file: XLSX (Excel 2007 and later), ODS
 * (LibreOffice) and XLS (Excel 97–2003), told apart by their content, not
 * by their name. A row keeps the number the spreadsheet shows; numbers are
 * written as a person would type them («12», not «12.0»), dates as
 * DD.MM.YYYY. */

#define NST_SHEET_ERROR (nst_sheet_error_quark ())

typedef enum
{
  NST_SHEET_ERROR_NOT_A_SHEET,   /* a ZIP or OLE2 file of another kind */
  NST_SHEET_ERROR_DAMAGED,       /* truncated, or not what it claims */
  NST_SHEET_ERROR_ENCRYPTED,     /* protected by a password */
  NST_SHEET_ERROR_TOO_LARGE,
} NstSheetError;

/* No list of participants has more rows than a spreadsheet program shows. */
#define NST_SHEET_MAX_ROWS 1048576u

GQuark        nst_sheet_error_quark      (void);
gboolean      nst_sheet_is_spreadsheet   (const char  *data,
                                          gsize        length);
NstCsvTable  *nst_sheet_table_read_file  (const char  *path,
                                          GError     **error);
char         *nst_sheet_date_from_serial (double       serial,
                                          gboolean     date1904);

G_END_DECLS
