/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nst-page.h"

G_BEGIN_DECLS

/* What «Реестр» prints and exports: the consent forms of the participant
 * selected, the missing consents of those selected (or of everyone), the
 * list of participants shown; «Экспорт…» saves the registry. */

void nst_registry_documents_page_init (NstPageInterface *iface);

G_END_DECLS
