/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/nst-store.h"

G_BEGIN_DECLS

/* The texts of orders a school may rewrite: the kinds (NST_ORDER_KIND_
 * codes) with their titles, the standard texts from templates/, the
 * {fields} a text may use and its check; the store keeps the school's own
 * (store/nst-store-templates.h). */

const char *const *nst_order_template_kinds    (void);
const char        *nst_order_template_title    (const char  *kind);
char              *nst_order_template_default  (const char  *kind,
                                                GError     **error);
char             **nst_order_template_fields   (const char  *kind);
gboolean           nst_order_template_check    (const char  *kind,
                                                const char  *text,
                                                GError     **error);

gboolean           nst_order_template_save     (NstStore    *store,
                                                const char  *kind,
                                                const char  *text,
                                                GError     **error);

G_END_DECLS
