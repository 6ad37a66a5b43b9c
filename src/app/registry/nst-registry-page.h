/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_REGISTRY_PAGE (nst_registry_page_get_type ())
G_DECLARE_FINAL_TYPE (NstRegistryPage, nst_registry_page, NST, REGISTRY_PAGE, AdwBin)

/* «Реестр»: the participants, searched, filtered and sorted. */

void        nst_registry_page_add_participant (NstRegistryPage *self);
void        nst_registry_page_focus_search    (NstRegistryPage *self);
void        nst_registry_page_reload          (NstRegistryPage *self);
gboolean    nst_registry_page_is_loading      (NstRegistryPage *self);
GListModel *nst_registry_page_get_visible     (NstRegistryPage *self);
GPtrArray  *nst_registry_page_dup_selected    (NstRegistryPage *self);

G_END_DECLS
