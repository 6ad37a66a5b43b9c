/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "model/nst-participant.h"

G_BEGIN_DECLS

/* What the import will do with a row of the file. */
typedef enum
{
  NST_IMPORT_ROW_NEW,       /* added to the registry */
  NST_IMPORT_ROW_UPDATE,    /* a duplicate, updated from the row */
  NST_IMPORT_ROW_SKIP,      /* a duplicate, left as it is */
  NST_IMPORT_ROW_INVALID,   /* has problems: nothing is imported until fixed */
} NstImportRowStatus;

#define NST_TYPE_IMPORT_ROW (nst_import_row_get_type ())
G_DECLARE_FINAL_TYPE (NstImportRow, nst_import_row, NST, IMPORT_ROW, GObject)

guint               nst_import_row_get_line           (NstImportRow  *self);
NstImportRowStatus  nst_import_row_get_status         (NstImportRow  *self);
NstParticipant     *nst_import_row_get_participant    (NstImportRow  *self);
gint64              nst_import_row_get_duplicate_id   (NstImportRow  *self);
guint               nst_import_row_get_duplicate_line (NstImportRow  *self);
guint               nst_import_row_get_n_problems     (NstImportRow  *self);
const char         *nst_import_row_get_problem_column (NstImportRow  *self,
                                                       guint          index);
int                 nst_import_row_get_problem_column_index (NstImportRow *self,
                                                             guint         index);
const char         *nst_import_row_get_problem_reason (NstImportRow  *self,
                                                       guint          index);
char               *nst_import_row_dup_problems_text  (NstImportRow  *self);

G_END_DECLS
