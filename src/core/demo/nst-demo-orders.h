/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/nst-store.h"

G_BEGIN_DECLS

/* The example school's orders journal: the curator's appointment and the
 * introduction of the mentoring system at the start of last school year,
 * then, for each day pairs were approved, the order that fixed them, with
 * its number and its PDF, linked to its pairs and their programmes. Runs
 * inside the caller's transaction. @approvals maps an ISO day to a GArray
 * of the gint64 ids of the pairs and groups approved that day. */

gboolean  nst_demo_add_orders (NstStore    *store,
                               GHashTable  *approvals,
                               GError     **error);

G_END_DECLS
