/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  NST_CLI_FORMAT_TEXT,
  NST_CLI_FORMAT_JSON,
  NST_CLI_FORMAT_CSV,
} NstCliFormat;

gboolean nst_cli_parse_format (const char   *text,
                               NstCliFormat *out);

/* Records written once and printed as JSON, CSV or a text table, so that
 * every listing has the three formats and they cannot drift apart: the CSV
 * header and the JSON members are the field names, in the order written.
 *
 *   records = nst_cli_records_new ();
 *   for each item:
 *     nst_cli_records_begin (records);
 *     nst_cli_records_text (records, "surname", …); …
 *   bytes = nst_cli_records_format (records, format);
 */
typedef struct _NstCliRecords NstCliRecords;

NstCliRecords *nst_cli_records_new          (void);
void           nst_cli_records_free         (NstCliRecords       *self);
void           nst_cli_records_begin        (NstCliRecords       *self);
/* @value NULL is "unknown": null in JSON, an empty cell in CSV. */
void           nst_cli_records_text         (NstCliRecords       *self,
                                             const char          *name,
                                             const char          *value);
/* @value < 0 is "unknown". */
void           nst_cli_records_number       (NstCliRecords       *self,
                                             const char          *name,
                                             gint64               value);
void           nst_cli_records_flag         (NstCliRecords       *self,
                                             const char          *name,
                                             gboolean             value);
void           nst_cli_records_codes        (NstCliRecords       *self,
                                             const char          *name,
                                             const char *const   *codes);
/* A cell of the text table only, such as a shortened or combined value. */
void           nst_cli_records_text_only    (NstCliRecords       *self,
                                             const char          *name,
                                             const char          *value);
/* The text table's columns: field names and their (translated) titles,
 * both NULL-terminated; the first column is right-aligned when numeric. */
void           nst_cli_records_set_columns  (NstCliRecords       *self,
                                             const char *const   *fields,
                                             const char *const   *titles);
GBytes        *nst_cli_records_format       (NstCliRecords       *self,
                                             NstCliFormat         format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstCliRecords, nst_cli_records_free)

G_END_DECLS
