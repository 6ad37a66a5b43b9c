/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nst-page.h"

G_BEGIN_DECLS

/* What «Пары и группы» prints and exports: the order on appointing mentors
 * for the pair selected (or the year's drafts); «Экспорт…» saves the pairs
 * and groups. */

void nst_pairs_documents_page_init (NstPageInterface *iface);

G_END_DECLS
