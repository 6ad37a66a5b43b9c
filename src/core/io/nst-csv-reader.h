/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A CSV file as Excel or LibreOffice saves it, read whole into memory:
 * UTF-8 with or without a byte order mark, Windows-1251, or UTF-16 with a
 * byte order mark («Unicode text»); fields separated by `;`, `,` or tab,
 * whichever the header line uses most outside quotes; RFC 4180 quoting with
 * delimiters, doubled quotes and line breaks inside; CRLF, LF or CR line
 * ends. Spaces around a field (outside its quotes) are dropped; blank lines
 * are skipped. It depends on GLib only, so that the fuzzer builds it alone. */

#define NST_CSV_ERROR (nst_csv_error_quark ())

typedef enum
{
  NST_CSV_ERROR_BINARY,              /* NUL bytes: not a text file */
  NST_CSV_ERROR_ENCODING,            /* neither UTF-8 nor Windows-1251 */
  NST_CSV_ERROR_UNTERMINATED_QUOTE,  /* a quoted field never closed */
  NST_CSV_ERROR_TOO_LARGE,
} NstCsvError;

typedef enum
{
  NST_CSV_ENCODING_UTF8,
  NST_CSV_ENCODING_UTF8_BOM,
  NST_CSV_ENCODING_CP1251,
  NST_CSV_ENCODING_UTF16,
} NstCsvEncoding;

/* Files above this are refused rather than read: a school's registry is a
 * few hundred kilobytes. */
#define NST_CSV_MAX_SIZE (256u * 1024 * 1024)
/* A list of participants has some thirty columns; a line of thousands is
 * not one (and would make every row a long loop). */
#define NST_CSV_MAX_FIELDS 1000

typedef struct _NstCsvTable NstCsvTable;

GQuark          nst_csv_error_quark          (void);
NstCsvTable    *nst_csv_table_parse          (const char   *data,
                                              gsize         length,
                                              GError      **error);
void            nst_csv_table_free           (NstCsvTable  *self);

/* For another reader (a spreadsheet's) to give its rows as a table. */
NstCsvTable    *nst_csv_table_new            (void);
void            nst_csv_table_add_row        (NstCsvTable        *self,
                                              const char *const  *fields,
                                              guint               n_fields,
                                              guint               line);

guint           nst_csv_table_get_n_rows     (NstCsvTable  *self);
guint           nst_csv_table_get_n_fields   (NstCsvTable  *self,
                                              guint         row);
const char     *nst_csv_table_get_field      (NstCsvTable  *self,
                                              guint         row,
                                              guint         field);
guint           nst_csv_table_get_line       (NstCsvTable  *self,
                                              guint         row);
char            nst_csv_table_get_delimiter  (NstCsvTable  *self);
NstCsvEncoding  nst_csv_table_get_encoding   (NstCsvTable  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstCsvTable, nst_csv_table_free)

G_END_DECLS
