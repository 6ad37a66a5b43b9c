/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "io/nst-export.h"
#include "model/nst-programme.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* The personalized programmes with their plans, one row a dated
 * occurrence of a plan item: the pair, the school year and the
 * programme's state, then the item (№, activity, schedule, responsible,
 * expected result), then the occurrence (start, due, done, state). One
 * row an occurrence rather than one an item because that is what a
 * school does in Excel with a plan: filter it by month or by state («what
 * is due in December», «what is overdue»), which needs one date a cell.
 *
 * An item whose schedule the program does not understand («по запросу»)
 * gets one row with its schedule as written and no dates: the program
 * counts it over the whole period, but it has no date to filter by. A
 * programme without a plan gets one row, so that every programme is in
 * the file. Occurrences that were not done by the day an ended programme
 * ended are «cancelled»: they will not happen. */

GPtrArray      *nst_export_load_programmes    (NstStore          *store,
                                               GError           **error);
gboolean        nst_export_occurrence_is_cancelled (NstProgramme      *programme,
                                                    NstPlanOccurrence *occurrence);
NstExportTable *nst_export_programmes_table   (GPtrArray         *programmes,
                                               const GDate       *status_date);
gboolean        nst_export_programmes         (NstStore          *store,
                                               const char        *path,
                                               NstExportFormat    format,
                                               guint             *n_exported,
                                               GError           **error);

G_END_DECLS
