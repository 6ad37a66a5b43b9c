/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "io/nst-import-fields.h"
#include "io/nst-import-row.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* An import of participants from a CSV file or a spreadsheet's first sheet
 * (io/nst-sheet-reader.h: XLSX, ODS, XLS), previewed before anything is
 * written: every row as it will be imported, its problems with the line
 * and the column, the duplicates, the columns not recognised.
 *
 *   plan = nst_import_plan_new_for_file (file, NULL, &error);
 *   nst_import_plan_set_existing (plan, registry);    duplicates
 *   nst_import_plan_map_column (plan, 3, NST_IMPORT_FIELD_PHONE);
 *   nst_import_plan_commit (plan, store, …, &counts, &error);
 *
 * A plan is used from one thread at a time. Its commit saves copies and
 * leaves the rows as they are, so it may run in a worker thread while the
 * preview stays on screen. */

#define NST_IMPORT_ERROR (nst_import_error_quark ())

typedef enum
{
  NST_IMPORT_ERROR_NO_NAME_COLUMN,   /* neither «Фамилия» nor «ФИО» */
  NST_IMPORT_ERROR_INVALID_ROWS,     /* some rows have problems */
  NST_IMPORT_ERROR_EMPTY,            /* not even a header */
} NstImportError;

typedef enum
{
  NST_IMPORT_DUPLICATES_SKIP,
  NST_IMPORT_DUPLICATES_UPDATE,
} NstImportDuplicates;

typedef struct
{
  guint added;
  guint updated;
  guint skipped;
} NstImportCounts;

/* Called from the committing thread every few hundred rows. */
typedef void (*NstImportProgressFunc) (guint    done,
                                       guint    total,
                                       gpointer user_data);

#define NST_TYPE_IMPORT_PLAN (nst_import_plan_get_type ())
G_DECLARE_FINAL_TYPE (NstImportPlan, nst_import_plan, NST, IMPORT_PLAN, GObject)

GQuark               nst_import_error_quark          (void);

NstImportPlan       *nst_import_plan_new_for_bytes   (GBytes          *bytes,
                                                      GError         **error);
NstImportPlan       *nst_import_plan_new_for_file    (GFile           *file,
                                                      GCancellable    *cancellable,
                                                      GError         **error);

void                 nst_import_plan_set_existing    (NstImportPlan   *self,
                                                      GListModel      *participants);
NstImportDuplicates  nst_import_plan_get_on_duplicate (NstImportPlan  *self);
void                 nst_import_plan_set_on_duplicate (NstImportPlan  *self,
                                                       NstImportDuplicates on_duplicate);

guint                nst_import_plan_get_n_columns   (NstImportPlan   *self);
const char          *nst_import_plan_get_column_header (NstImportPlan *self,
                                                        guint          column);
NstImportField       nst_import_plan_get_column_field (NstImportPlan  *self,
                                                       guint          column);
gboolean             nst_import_plan_get_column_known (NstImportPlan  *self,
                                                       guint          column);
guint                nst_import_plan_get_n_unknown_columns (NstImportPlan *self);
void                 nst_import_plan_map_column      (NstImportPlan   *self,
                                                      guint            column,
                                                      NstImportField   field);
gboolean             nst_import_plan_check_columns   (NstImportPlan   *self,
                                                      GError         **error);

GListModel          *nst_import_plan_get_rows        (NstImportPlan   *self);
guint                nst_import_plan_count           (NstImportPlan   *self,
                                                      NstImportRowStatus status);
gboolean             nst_import_plan_can_commit      (NstImportPlan   *self);

gboolean             nst_import_plan_commit          (NstImportPlan   *self,
                                                      NstStore        *store,
                                                      NstImportProgressFunc progress,
                                                      gpointer         user_data,
                                                      GCancellable    *cancellable,
                                                      NstImportCounts *counts,
                                                      GError         **error);

G_END_DECLS
