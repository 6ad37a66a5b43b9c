/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NST_TYPE_DATE_ROW (nst_date_row_get_type ())
G_DECLARE_FINAL_TYPE (NstDateRow, nst_date_row, NST, DATE_ROW, AdwEntryRow)

/* An entry row that takes ДД.ММ.ГГГГ, with a calendar in a popover.
 * :iso-date is "YYYY-MM-DD", or "" when the entry is empty or invalid;
 * :valid is FALSE only while the text is not a date. */

GtkWidget  *nst_date_row_new          (void);
const char *nst_date_row_get_iso_date (NstDateRow *self);
void        nst_date_row_set_iso_date (NstDateRow *self,
                                       const char *iso_date);
gboolean    nst_date_row_get_valid    (NstDateRow *self);

G_END_DECLS
