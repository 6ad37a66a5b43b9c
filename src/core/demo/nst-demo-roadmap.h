/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/nst-store.h"

G_BEGIN_DECLS

/* For nst_demo_fill(): the built-in roadmap (nst_roadmap_template_new())
 * for the three school years around today's, with some work done, some
 * due soon and some late. */

gboolean  nst_demo_add_roadmap (NstStore  *store,
                                GError   **error);

G_END_DECLS
