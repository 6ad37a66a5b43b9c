/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/nst-group.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_PAIRS_PAGE (nst_pairs_page_get_type ())
G_DECLARE_FINAL_TYPE (NstPairsPage, nst_pairs_page, NST, PAIRS_PAGE, AdwBin)

/* «Пары и группы»: the mentoring pairs and groups, searched, filtered and
 * sorted, with their status, approving order and programme's progress. */

void        nst_pairs_page_reload          (NstPairsPage *self);
void        nst_pairs_page_add_pair        (NstPairsPage *self);
void        nst_pairs_page_focus_search    (NstPairsPage *self);
void        nst_pairs_page_open_pair       (NstPairsPage *self,
                                            NstGroup     *group);
GListModel *nst_pairs_page_get_visible     (NstPairsPage *self);
gboolean    nst_pairs_page_select          (NstPairsPage *self,
                                            gint64        group_id);
NstGroup   *nst_pairs_page_dup_selected    (NstPairsPage *self);

G_END_DECLS
