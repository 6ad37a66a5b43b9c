/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/nst-store.h"

G_BEGIN_DECLS

/* The example school's pairs, groups and programmes, formed over the
 * registry nst_demo_fill() has just made: about forty pairs and three
 * groups in every state of the life cycle, last year's finished ones
 * among them; every active one with a programme for the current school
 * year (the «педагог – педагог» ones from the seed's template), some of
 * the work done and some of it late. The same "today" gives the same
 * pairs. Runs inside the caller's transaction. */

gboolean  nst_demo_add_pairs (NstStore  *store,
                              GError   **error);

G_END_DECLS
