/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-demo"

#include "config.h"

#include <string.h>

#include "demo/nst-demo-roadmap.h"
#include "model/nst-roadmap-template.h"
#include "schedule/nst-date.h"
#include "store/nst-store-roadmap.h"
#include "text/nst-ru-text.h"

/* Which items the demonstration leaves late: the diagnostics of the last
 * quarter and this year's methodical materials. */
#define DEMO_SECTION_ORGANISATION 0
#define DEMO_SECTION_METHODS      1
#define DEMO_SECTION_ANALYSIS     2
#define DEMO_SECTION_INFORMATION  3
#define DEMO_TRAINING             1  /* «По отдельному графику» */

static NstRoadmapItem *
demo_item (NstRoadmap *roadmap,
           guint       section,
           guint       position)
{
  return nst_roadmap_section_get_item (nst_roadmap_get_section (roadmap, section), position);
}

static void
days_from (const GDate *day,
           int          days,
           GDate       *out)
{
  *out = *day;
  if (days >= 0)
    g_date_add_days (out, days);
  else
    g_date_subtract_days (out, -days);
}

/* Past deadlines done a few days early; a rule's last past one left
 * undone when @late; periods under way in progress. */
static void
demo_progress (NstRoadmap     *roadmap,
               NstRoadmapItem *item,
               const GDate    *today,
               gboolean        late)
{
  g_autoptr(GArray) occurrences = nst_roadmap_dup_item_occurrences (roadmap, item, NULL, NULL);
  guint past = 0;

  for (guint i = 0; i < occurrences->len; i++)
    if (g_date_compare (&g_array_index (occurrences, NstRoadmapOccurrence, i).due, today) < 0)
      past = i + 1;
  if (nst_roadmap_item_get_timing (item) == NST_ROADMAP_TIMING_RECURRING)
    {
      for (guint i = 0; i < past; i++)
        {
          const NstRoadmapOccurrence *o = &g_array_index (occurrences, NstRoadmapOccurrence, i);
          GDate done_on;

          if (late && i == past - 1)
            continue;
          days_from (&o->due, -(int) (1 + i % 5), &done_on);
          nst_roadmap_item_set_record (item, &o->due, NST_ROADMAP_STATUS_DONE, &done_on);
        }
      return;
    }
  if (past > 0)
    {
      g_autofree char *iso = NULL;
      GDate done_on;

      days_from (&g_array_index (occurrences, NstRoadmapOccurrence, 0).due, -3, &done_on);
      iso = nst_date_format_iso (&done_on);
      nst_roadmap_item_set_status (item, NST_ROADMAP_STATUS_DONE);
      nst_roadmap_item_set_done_on (item, iso);
    }
  else if (occurrences->len > 0 &&
           g_date_compare (&g_array_index (occurrences, NstRoadmapOccurrence, 0).start, today) <= 0)
    nst_roadmap_item_set_status (item, NST_ROADMAP_STATUS_IN_PROGRESS);
}

static void
demo_indicator (NstRoadmapItem *item,
                const char     *value,
                const GDate    *today,
                int             days_ago)
{
  g_autofree char *iso = NULL;
  GDate on;

  days_from (today, -days_ago, &on);
  iso = nst_date_format_iso (&on);
  nst_roadmap_item_set_indicator_value (item, value);
  nst_roadmap_item_set_indicator_on (item, iso);
}

/* The deputy directors of the example school answer for the items that
 * name «Заместители директора». */
static gboolean
demo_people (NstStore    *store,
             NstRoadmap  *roadmap,
             GError     **error)
{
  g_autoptr(GListStore) people = nst_store_list_participants (store, error);
  g_autoptr(GArray) deputies = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (people)) && deputies->len < 2; i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (G_LIST_MODEL (people), i);
      g_autofree char *post = nst_ru_fold (nst_participant_get_post (p));
      gint64 id = nst_participant_get_id (p);

      if (strstr (post, "заместитель директора") != NULL)
        g_array_append_val (deputies, id);
    }
  for (guint s = 0; s < nst_roadmap_get_n_sections (roadmap); s++)
    for (guint i = 0; i < nst_roadmap_section_get_n_items (nst_roadmap_get_section (roadmap, s)); i++)
      {
        NstRoadmapItem *item = demo_item (roadmap, s, i);

        if (strstr (nst_roadmap_item_get_responsible (item), "Заместители директора") != NULL)
          nst_roadmap_item_set_responsible_ids (item, (const gint64 *) deputies->data, deputies->len);
      }
  return TRUE;
}

/**
 * nst_demo_add_roadmap:
 * @store: the example school's database, inside nst_demo_fill()'s
 *   transaction or on its own
 *
 * Adds the built-in roadmap for the school year before today's and the two
 * after, as the example school has kept it: past deadlines done, the
 * latest quarter's diagnostics and this year's methodical materials late,
 * the teachers' training («по отдельному графику») ending within days, the
 * indicators measured. Depends only on nst_date_today().
 */
gboolean
nst_demo_add_roadmap (NstStore  *store,
                      GError   **error)
{
  g_autoptr(NstRoadmap) roadmap = NULL;
  GDate today, start, end;

  nst_date_today (&today);
  roadmap = nst_roadmap_template_new (nst_school_year_of (&today) - 1);

  days_from (&today, -24, &start);
  days_from (&today, 9, &end);
  nst_roadmap_item_set_dates (demo_item (roadmap, DEMO_SECTION_ORGANISATION, DEMO_TRAINING),
                              &start, &end);
  for (guint s = 0; s < nst_roadmap_get_n_sections (roadmap); s++)
    for (guint i = 0; i < nst_roadmap_section_get_n_items (nst_roadmap_get_section (roadmap, s)); i++)
      demo_progress (roadmap, demo_item (roadmap, s, i), &today,
                     (s == DEMO_SECTION_ANALYSIS && i == 0) || (s == DEMO_SECTION_METHODS && i == 0));

  demo_indicator (demo_item (roadmap, DEMO_SECTION_ORGANISATION, 0), "12 %", &today, 40);
  demo_indicator (demo_item (roadmap, DEMO_SECTION_ORGANISATION, 3), "96 %", &today, 12);
  demo_indicator (demo_item (roadmap, DEMO_SECTION_INFORMATION, 2), "93 %", &today, 44);
  if (!demo_people (store, roadmap, error))
    return FALSE;
  return nst_store_save_roadmap (store, roadmap, error);
}
