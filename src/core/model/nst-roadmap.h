/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/nst-roadmap-item.h"
#include "model/nst-roadmap-section.h"

G_BEGIN_DECLS

/* A roadmap (дорожная карта): a multi-year plan in sections of items. The
 * store loads it whole (nst_store_load_roadmap()); its lists are
 * GListModels that the store keeps in step when it moves things, so views
 * bound to them follow. */

#define NST_TYPE_ROADMAP (nst_roadmap_get_type ())
G_DECLARE_FINAL_TYPE (NstRoadmap, nst_roadmap, NST, ROADMAP, GObject)

NstRoadmap        *nst_roadmap_new              (void);
gint64             nst_roadmap_get_id           (NstRoadmap        *self);
void               nst_roadmap_set_id           (NstRoadmap        *self,
                                                 gint64             id);
const char        *nst_roadmap_get_title        (NstRoadmap        *self);
void               nst_roadmap_set_title        (NstRoadmap        *self,
                                                 const char        *title);
/* ISO dates of the roadmap's period. */
const char        *nst_roadmap_get_starts_on    (NstRoadmap        *self);
void               nst_roadmap_set_starts_on    (NstRoadmap        *self,
                                                 const char        *iso_date);
const char        *nst_roadmap_get_ends_on      (NstRoadmap        *self);
void               nst_roadmap_set_ends_on      (NstRoadmap        *self,
                                                 const char        *iso_date);
gboolean           nst_roadmap_get_period       (NstRoadmap        *self,
                                                 GDate             *start,
                                                 GDate             *end);
void               nst_roadmap_set_period       (NstRoadmap        *self,
                                                 const GDate       *start,
                                                 const GDate       *end);

GListModel        *nst_roadmap_get_sections     (NstRoadmap        *self);
guint              nst_roadmap_get_n_sections   (NstRoadmap        *self);
NstRoadmapSection *nst_roadmap_get_section      (NstRoadmap        *self,
                                                 guint              position);
void               nst_roadmap_insert_section   (NstRoadmap        *self,
                                                 guint              position,
                                                 NstRoadmapSection *section);
void               nst_roadmap_append_section   (NstRoadmap        *self,
                                                 NstRoadmapSection *section);
gboolean           nst_roadmap_remove_section   (NstRoadmap        *self,
                                                 NstRoadmapSection *section);
NstRoadmapSection *nst_roadmap_find_section     (NstRoadmap        *self,
                                                 gint64             section_id);
NstRoadmapItem    *nst_roadmap_find_item        (NstRoadmap        *self,
                                                 gint64             item_id,
                                                 NstRoadmapSection **section);
guint              nst_roadmap_count_items      (NstRoadmap        *self);

GArray            *nst_roadmap_dup_item_occurrences (NstRoadmap     *self,
                                                     NstRoadmapItem *item,
                                                     NstQuartersFunc quarters_for,
                                                     gpointer        user_data);

/* The quarters of each school year asked for, kept after the first time,
 * so that expanding a thousand rules or drawing a frame does not ask the
 * database again: pass nst_quarters_cache_func() with the cache. */
typedef struct _NstQuartersCache NstQuartersCache;

NstQuartersCache  *nst_quarters_cache_new       (NstQuartersFunc    quarters_for,
                                                 gpointer           user_data);
void               nst_quarters_cache_free      (NstQuartersCache  *cache);
void               nst_quarters_cache_func      (guint              school_year,
                                                 NstSchoolQuarters *out,
                                                 gpointer           cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstQuartersCache, nst_quarters_cache_free)

G_END_DECLS
