/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Content lines of iCalendar (RFC 5545 §3.1): «NAME;PARAM=…:value», ended
 * by CRLF and folded so that no line is longer than 75 octets, a
 * continuation line beginning with a space. A fold never falls inside a
 * UTF-8 sequence nor inside an escape: readers that decode line by line
 * (and people looking at the file) see whole letters. Text values are escaped (§3.3.11): a
 * backslash, «;» and «,» get a backslash, a line break becomes «\n», and
 * other control characters, which TEXT may not hold, are left out. */

#define NST_ICAL_LINE_OCTETS 75

void  nst_ical_append_escaped (GString     *out,
                               const char  *text);
void  nst_ical_append_line    (GString     *out,
                               const char  *line);
void  nst_ical_append_value   (GString     *out,
                               const char  *name,
                               const char  *value);
void  nst_ical_append_text    (GString     *out,
                               const char  *name,
                               const char  *text);
void  nst_ical_append_date    (GString     *out,
                               const char  *name,
                               const GDate *date);

G_END_DECLS
