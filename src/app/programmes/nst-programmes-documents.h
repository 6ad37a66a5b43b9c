/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nst-page.h"

G_BEGIN_DECLS

/* What «Программы» prints and exports: the programme selected, with its
 * approving order; «Экспорт…» saves the programmes. */

void nst_programmes_documents_page_init (NstPageInterface *iface);

G_END_DECLS
