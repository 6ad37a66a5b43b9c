/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/nst-roadmap-item.h"

G_BEGIN_DECLS

/* A section of a roadmap («Организационно-методическое сопровождение
 * деятельности») and its items, in order. */

#define NST_TYPE_ROADMAP_SECTION (nst_roadmap_section_get_type ())
G_DECLARE_FINAL_TYPE (NstRoadmapSection, nst_roadmap_section, NST, ROADMAP_SECTION, GObject)

NstRoadmapSection *nst_roadmap_section_new          (const char        *title);
NstRoadmapSection *nst_roadmap_section_copy         (NstRoadmapSection *self);
gint64             nst_roadmap_section_get_id       (NstRoadmapSection *self);
void               nst_roadmap_section_set_id       (NstRoadmapSection *self,
                                                     gint64             id);
gint64             nst_roadmap_section_get_roadmap_id (NstRoadmapSection *self);
void               nst_roadmap_section_set_roadmap_id (NstRoadmapSection *self,
                                                       gint64             roadmap_id);
guint              nst_roadmap_section_get_position (NstRoadmapSection *self);
void               nst_roadmap_section_set_position (NstRoadmapSection *self,
                                                     guint              position);
const char        *nst_roadmap_section_get_title    (NstRoadmapSection *self);
void               nst_roadmap_section_set_title    (NstRoadmapSection *self,
                                                     const char        *title);
GListModel        *nst_roadmap_section_get_items    (NstRoadmapSection *self);
guint              nst_roadmap_section_get_n_items  (NstRoadmapSection *self);
NstRoadmapItem    *nst_roadmap_section_get_item     (NstRoadmapSection *self,
                                                     guint              position);
void               nst_roadmap_section_insert_item  (NstRoadmapSection *self,
                                                     guint              position,
                                                     NstRoadmapItem    *item);
void               nst_roadmap_section_append_item  (NstRoadmapSection *self,
                                                     NstRoadmapItem    *item);
gboolean           nst_roadmap_section_remove_item  (NstRoadmapSection *self,
                                                     NstRoadmapItem    *item);

G_END_DECLS
