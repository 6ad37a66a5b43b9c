/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Russian text helpers that do not depend on the process locale. SQLite's
 * LIKE, lower() and NOCASE fold ASCII only and g_utf8_collate() follows the
 * locale, so search and sort keys are built here instead. */

char     *nst_ru_fold            (const char *text);
char     *nst_ru_collation_key   (const char *text);
gboolean  nst_ru_fold_contains   (const char *folded_haystack,
                                  const char *folded_needle);
char    **nst_ru_search_words    (const char *typed);
gboolean  nst_ru_contains_all    (const char *folded_haystack,
                                  char      **folded_words);
void      nst_ru_append_initials (GString    *out,
                                  const char *part);

G_END_DECLS
