/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds of order (приказ) the program prints, as the journal keeps them. */
#define NST_ORDER_KIND_INTRODUCTION "introduction"  /* О внедрении целевой модели */
#define NST_ORDER_KIND_CURATOR      "curator"       /* О назначении куратора */
#define NST_ORDER_KIND_PAIRS        "pairs"         /* О назначении наставников и закреплении пар */
#define NST_ORDER_KIND_PROGRAMMES   "programmes"    /* Об утверждении программ */
#define NST_ORDER_KIND_COMPLETION   "completion"    /* О завершении и поощрении */

const char *const *nst_order_kinds          (void);
gboolean           nst_order_kind_is_known  (const char *kind);

#define NST_TYPE_ORDER (nst_order_get_type ())
G_DECLARE_FINAL_TYPE (NstOrder, nst_order, NST, ORDER, GObject)

/* One entry of the orders journal: its registration number is the number
 * within the calendar year of its date, with the school's suffix
 * («219 о-д»); 0 while it is a draft. */

NstOrder   *nst_order_new                    (const char *kind,
                                              const char *heading,
                                              const char *signed_on);
gint64      nst_order_get_id                 (NstOrder   *self);
void        nst_order_set_id                 (NstOrder   *self,
                                              gint64      id);
const char *nst_order_get_kind               (NstOrder   *self);
const char *nst_order_get_heading            (NstOrder   *self);
void        nst_order_set_heading            (NstOrder   *self,
                                              const char *heading);
const char *nst_order_get_signed_on          (NstOrder   *self);
void        nst_order_set_signed_on          (NstOrder   *self,
                                              const char *iso_date);
guint       nst_order_get_year               (NstOrder   *self);
guint       nst_order_get_number             (NstOrder   *self);
const char *nst_order_get_suffix             (NstOrder   *self);
void        nst_order_set_number             (NstOrder   *self,
                                              guint       number,
                                              const char *suffix);
gboolean    nst_order_is_draft               (NstOrder   *self);
char       *nst_order_dup_registration_number (NstOrder  *self);
char       *nst_order_dup_reference          (NstOrder   *self);
const char *nst_order_get_search_key         (NstOrder   *self);

G_END_DECLS
