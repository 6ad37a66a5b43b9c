/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are stored as ISO text (YYYY-MM-DD) and shown as ДД.ММ.ГГГГ. */

gboolean  nst_date_parse_iso      (const char  *text,
                                   GDate       *out);
gboolean  nst_date_parse_ru       (const char  *text,
                                   GDate       *out);
gboolean  nst_date_parse_any      (const char  *text,
                                   GDate       *out);
char     *nst_date_format_iso     (const GDate *date);
char     *nst_date_format_ru      (const GDate *date);
char     *nst_date_iso_to_ru      (const char  *iso);
void      nst_date_today          (GDate       *out);
int       nst_date_full_years     (const GDate *from,
                                   const GDate *to);
int       nst_date_years_since_iso (const char *iso,
                                    const GDate *today);
guint     nst_school_year_of      (const GDate *date);
char     *nst_school_year_label   (guint        start_year);

G_END_DECLS
