/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "io/nst-import-plan.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_IMPORT_DIALOG (nst_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NstImportDialog, nst_import_dialog, NST, IMPORT_DIALOG, AdwWindow)

/* «Импорт участников»: a modal window that reads a CSV file, shows every
 * row as it will be imported with the invalid ones and their reasons, lets
 * unknown columns be mapped or left out and duplicates be skipped or
 * updated, and imports all or nothing in a worker thread.
 *
 * Emits ::imported (guint added, guint updated, guint skipped) after the
 * import has been committed, then closes: the caller reloads the registry
 * and shows nst_import_dialog_dup_summary() in a toast. */
NstImportDialog *nst_import_dialog_new          (GtkWindow             *parent,
                                                 NstStore              *store);
void             nst_import_dialog_load_file    (NstImportDialog       *self,
                                                 GFile                 *file);
NstImportPlan   *nst_import_dialog_get_plan     (NstImportDialog       *self);
char            *nst_import_dialog_dup_summary  (guint                  added,
                                                 guint                  updated,
                                                 guint                  skipped);

G_END_DECLS
