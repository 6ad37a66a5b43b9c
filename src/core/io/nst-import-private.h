/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "io/nst-import-fields.h"
#include "io/nst-import-row.h"

G_BEGIN_DECLS

/* For the plan, which builds its rows: the rows are read-only to others. */

#define NST_IMPORT_FIELD_BIT(field) (1u << (field))

NstImportRow *nst_import_row_new               (guint               line,
                                                NstParticipant     *participant);
/* @from_rules: a problem of the participant's rules, found again each
 * time duplicates are resolved (an update is checked as merged), rather
 * than of a cell's text, found once. */
void          nst_import_row_add_problem       (NstImportRow       *self,
                                                int                 column,
                                                const char         *column_name,
                                                const char         *reason,
                                                gboolean            from_rules);
void          nst_import_row_clear_rule_problems (NstImportRow     *self);
void          nst_import_row_set_status        (NstImportRow       *self,
                                                NstImportRowStatus  status);
void          nst_import_row_set_duplicate     (NstImportRow       *self,
                                                gint64              id,
                                                guint               line);
/* Which participant fields the row gives (NST_IMPORT_FIELD_BIT of the
 * plain fields): an update changes those and keeps the rest. */
guint32       nst_import_row_get_given         (NstImportRow       *self);
void          nst_import_row_add_given         (NstImportRow       *self,
                                                guint32             bits);

G_END_DECLS
