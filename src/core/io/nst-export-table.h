/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The error domain of every export. Here, with the table, so that the
 * writers (CSV, XLSX) can report in it without depending on nst-export.c,
 * which calls them. */
#define NST_EXPORT_ERROR (nst_export_error_quark ())

typedef enum
{
  NST_EXPORT_ERROR_FAILED,
  NST_EXPORT_ERROR_UNKNOWN_FORMAT,
  NST_EXPORT_ERROR_WRITE,
} NstExportError;

GQuark          nst_export_error_quark      (void);

/* A table to export, apart from the file format: columns with a header,
 * a kind and a width, and rows of text cells. Dates are ISO text
 * (YYYY-MM-DD) here; each writer shows them its own way. Every export
 * (participants, pairs, programmes, the roadmap) builds one of these and
 * hands it to nst_export_table_save(). */

typedef enum
{
  NST_EXPORT_TEXT,
  NST_EXPORT_DATE,
  NST_EXPORT_NUMBER,
} NstExportKind;

typedef struct _NstExportTable NstExportTable;

NstExportTable *nst_export_table_new        (const char      *title);
void            nst_export_table_free       (NstExportTable  *self);
void            nst_export_table_add_column (NstExportTable  *self,
                                             const char      *header,
                                             NstExportKind    kind,
                                             double           width);
void            nst_export_table_begin_row  (NstExportTable  *self);
void            nst_export_table_add_cell   (NstExportTable  *self,
                                             const char      *value);

const char     *nst_export_table_get_title      (NstExportTable *self);
guint           nst_export_table_get_n_columns  (NstExportTable *self);
guint           nst_export_table_get_n_rows     (NstExportTable *self);
const char     *nst_export_table_get_header     (NstExportTable *self,
                                                 guint           column);
NstExportKind   nst_export_table_get_kind       (NstExportTable *self,
                                                 guint           column);
double          nst_export_table_get_width      (NstExportTable *self,
                                                 guint           column);
const char     *nst_export_table_get_cell       (NstExportTable *self,
                                                 guint           row,
                                                 guint           column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstExportTable, nst_export_table_free)

G_END_DECLS
