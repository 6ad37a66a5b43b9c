/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "roadmap/nst-gantt-chart.h"
#include "model/nst-roadmap.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_ROADMAP_PAGE (nst_roadmap_page_get_type ())
G_DECLARE_FINAL_TYPE (NstRoadmapPage, nst_roadmap_page, NST, ROADMAP_PAGE, AdwBin)

/* «Дорожная карта»: the current roadmap on a Gantt chart and in a table,
 * its items edited, reordered and moved with undo, the chart exported and
 * printed. */

void            nst_roadmap_page_reload          (NstRoadmapPage  *self);
void            nst_roadmap_page_add_item        (NstRoadmapPage  *self);
NstRoadmap     *nst_roadmap_page_get_roadmap     (NstRoadmapPage  *self);
NstGanttChart  *nst_roadmap_page_get_chart       (NstRoadmapPage  *self);
GListModel     *nst_roadmap_page_get_items       (NstRoadmapPage  *self);
NstRoadmapItem *nst_roadmap_page_get_selected    (NstRoadmapPage  *self);
void            nst_roadmap_page_select          (NstRoadmapPage  *self,
                                                  NstRoadmapItem  *item);
void            nst_roadmap_page_set_status_date (NstRoadmapPage  *self,
                                                  const GDate     *status_date);
gboolean        nst_roadmap_page_export          (NstRoadmapPage  *self,
                                                  const char      *path,
                                                  GError         **error);
gboolean        nst_roadmap_page_print_to_file   (NstRoadmapPage  *self,
                                                  const char      *path,
                                                  GError         **error);

G_END_DECLS
