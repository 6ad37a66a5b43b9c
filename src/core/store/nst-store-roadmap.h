/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/nst-roadmap.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* The roadmap in the database. Every change takes the model objects the
 * view shows, saves in one transaction (or in the caller's), and only then
 * changes the objects, so a view bound to them follows and a failure leaves
 * both as they were.
 *
 * Undo: each change can be undone by another call with the values read
 * from the objects before it — a move by calling it with the old section
 * and position, nst_store_shift_roadmap_item() with -days, a status with
 * the old status, a delete by adding back the same object (it keeps its
 * id), an edit by nst_store_update_roadmap_item() with a copy taken
 * before. */

/* Roadmaps */
GListStore *nst_store_list_roadmaps            (NstStore           *self,
                                                GError            **error);
NstRoadmap *nst_store_load_roadmap             (NstStore           *self,
                                                gint64              id,
                                                GError            **error);
NstRoadmap *nst_store_load_current_roadmap     (NstStore           *self,
                                                const GDate        *today,
                                                GError            **error);
gboolean    nst_store_save_roadmap             (NstStore           *self,
                                                NstRoadmap         *roadmap,
                                                GError            **error);
gboolean    nst_store_delete_roadmap           (NstStore           *self,
                                                gint64              id,
                                                GError            **error);
NstRoadmap *nst_store_add_roadmap_from_template (NstStore          *self,
                                                 guint              first_school_year,
                                                 GError           **error);

/* Sections */
gboolean    nst_store_add_roadmap_section      (NstStore           *self,
                                                NstRoadmap         *roadmap,
                                                NstRoadmapSection  *section,
                                                guint               position,
                                                GError            **error);
gboolean    nst_store_rename_roadmap_section   (NstStore           *self,
                                                NstRoadmapSection  *section,
                                                const char         *title,
                                                GError            **error);
gboolean    nst_store_remove_roadmap_section   (NstStore           *self,
                                                NstRoadmap         *roadmap,
                                                NstRoadmapSection  *section,
                                                GError            **error);
gboolean    nst_store_move_roadmap_section     (NstStore           *self,
                                                NstRoadmap         *roadmap,
                                                NstRoadmapSection  *section,
                                                guint               position,
                                                GError            **error);

/* Items */
gboolean    nst_store_add_roadmap_item         (NstStore           *self,
                                                NstRoadmapSection  *section,
                                                NstRoadmapItem     *item,
                                                guint               position,
                                                GError            **error);
gboolean    nst_store_update_roadmap_item      (NstStore           *self,
                                                NstRoadmapItem     *item,
                                                NstRoadmapItem     *values,
                                                GError            **error);
gboolean    nst_store_remove_roadmap_item      (NstStore           *self,
                                                NstRoadmapSection  *section,
                                                NstRoadmapItem     *item,
                                                GError            **error);
gboolean    nst_store_move_roadmap_item        (NstStore           *self,
                                                NstRoadmap         *roadmap,
                                                NstRoadmapItem     *item,
                                                NstRoadmapSection  *to_section,
                                                guint               position,
                                                GError            **error);
gboolean    nst_store_shift_roadmap_item       (NstStore           *self,
                                                NstRoadmapItem     *item,
                                                int                 days,
                                                GError            **error);
gboolean    nst_store_set_roadmap_item_dates   (NstStore           *self,
                                                NstRoadmapItem     *item,
                                                const GDate        *start,
                                                const GDate        *end,
                                                GError            **error);
gboolean    nst_store_set_roadmap_item_status  (NstStore           *self,
                                                NstRoadmapItem     *item,
                                                NstRoadmapStatus    status,
                                                const GDate        *done_on,
                                                GError            **error);
gboolean    nst_store_set_roadmap_occurrence_status (NstStore      *self,
                                                     NstRoadmapItem *item,
                                                     const GDate   *due,
                                                     NstRoadmapStatus status,
                                                     const GDate   *done_on,
                                                     GError       **error);
gboolean    nst_store_set_roadmap_indicator_value (NstStore        *self,
                                                   NstRoadmapItem  *item,
                                                   const char      *value,
                                                   const GDate     *measured_on,
                                                   GError         **error);

G_END_DECLS
