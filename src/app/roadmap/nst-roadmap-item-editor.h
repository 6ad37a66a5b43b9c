/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "widgets/nst-form-window.h"
#include "model/nst-roadmap.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_ROADMAP_ITEM_EDITOR (nst_roadmap_item_editor_get_type ())
G_DECLARE_FINAL_TYPE (NstRoadmapItemEditor, nst_roadmap_item_editor, NST, ROADMAP_ITEM_EDITOR, NstFormWindow)

/* A modal form for one roadmap item: section, content, schedule, result,
 * indicator, responsible roles and people, status, and the marks of a
 * rule's occurrences. @item is %NULL for a new item, which goes into
 * @section at @position. Saves through the store, then emits ::saved
 * (NstRoadmapItem *item, NstRoadmapItem *before) — @before is a copy of
 * the item as it was (with its section id and position), %NULL for a new
 * one — and closes. */
NstRoadmapItemEditor *nst_roadmap_item_editor_new (GtkWindow         *parent,
                                                   NstStore          *store,
                                                   NstRoadmap        *roadmap,
                                                   NstRoadmapItem    *item,
                                                   NstRoadmapSection *section,
                                                   guint              position,
                                                   const GDate       *status_date);

G_END_DECLS
