/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/nst-group.h"

G_BEGIN_DECLS

/* The small questions the life cycle of a pair or a programme asks: the
 * approving order, why and when it ends, why a plan under way changes.
 * Each is an AdwMessageDialog modal to @parent; @func runs on the answer
 * only while @owner is alive. */

typedef void (*NstApproveFunc) (GObject    *owner,
                                const char *order_number,   /* "" when not given */
                                const char *order_date);    /* ISO */
typedef void (*NstEndFunc)     (GObject    *owner,
                                NstEndReason reason,
                                const char *ended_on,        /* ISO */
                                const char *note);
typedef void (*NstReasonFunc)  (GObject    *owner,
                                const char *reason);

GtkWidget *nst_approve_dialog_present (GtkWindow      *parent,
                                       const char     *body,
                                       NstApproveFunc  func,
                                       GObject        *owner);
GtkWidget *nst_end_dialog_present     (GtkWindow      *parent,
                                       const char     *heading,
                                       const char     *body,
                                       NstEndReason    reason,
                                       NstEndFunc      func,
                                       GObject        *owner);
GtkWidget *nst_reason_dialog_present  (GtkWindow      *parent,
                                       const char     *heading,
                                       const char     *body,
                                       NstReasonFunc   func,
                                       GObject        *owner);
GtkWidget *nst_text_dialog_present    (GtkWindow      *parent,
                                       const char     *heading,
                                       const char     *body,
                                       const char     *row_title,
                                       const char     *text,
                                       const char     *response_label,
                                       NstReasonFunc   func,
                                       GObject        *owner);

gboolean   nst_order_number_parse     (const char     *text,
                                       guint          *number,
                                       char          **suffix);

G_END_DECLS
