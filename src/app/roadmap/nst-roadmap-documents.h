/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nst-page.h"

G_BEGIN_DECLS

/* What «Дорожная карта» prints and exports: the current roadmap as a
 * table; «Экспорт…» saves its items. */

void nst_roadmap_documents_page_init (NstPageInterface *iface);

G_END_DECLS
