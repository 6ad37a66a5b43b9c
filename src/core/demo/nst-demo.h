/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/nst-store.h"

G_BEGIN_DECLS

/* A fictional example school, for trying the program and for benchmarks.
 * Its people are made by a fixed pseudo-random sequence, so the same
 * "today" always gives the same school. */

gboolean  nst_demo_fill             (NstStore  *store,
                                     GError   **error);
gboolean  nst_demo_add_participants (NstStore  *store,
                                     guint      count,
                                     guint32    seed,
                                     GError   **error);

G_END_DECLS
