/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-demo"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "demo/nst-demo-orders.h"
#include "docs/nst-docs.h"
#include "schedule/nst-date.h"
#include "store/nst-store-orders.h"
#include "store/nst-store-roadmap.h"

static void
set_day (GDate      *date,
         guint       day,
         GDateMonth  month,
         guint       year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static gboolean
record (NstStore         *store,
        NstSchool        *school,
        NstOrderContent  *content,
        NstOrder        **recorded,
        GError          **error)
{
  g_autoptr(NstOrder) order = NULL;

  if (content == NULL || (order = nst_doc_order_record (store, school, content, error)) == NULL)
    return FALSE;
  if (recorded != NULL)
    *recorded = g_steal_pointer (&order);
  return TRUE;
}

/* The curator and the introduction order open last school year. */
static gboolean
add_opening_orders (NstStore   *store,
                    NstSchool  *school,
                    NstOrder  **introduction,
                    GError    **error)
{
  NstIntroductionOptions options = { FALSE, NULL, NULL, NULL };
  g_autoptr(NstOrderContent) curator = NULL;
  g_autoptr(NstOrderContent) opening = NULL;
  g_autoptr(NstRoadmap) roadmap = NULL;
  g_autoptr(GError) local = NULL;
  GDate day;

  set_day (&day, 2, G_DATE_SEPTEMBER, nst_school_get_school_year (school) - 1);
  curator = nst_doc_order_curator (school, &day, NULL, error);
  if (!record (store, school, curator, NULL, error))
    return FALSE;
  /* The order approves the demo's roadmap, attached, for its years. */
  if ((roadmap = nst_store_load_current_roadmap (store, &day, &local)) == NULL && local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  options.roadmap = roadmap;
  opening = nst_doc_order_introduction (school, &day, &options, NULL, error);
  return record (store, school, opening, introduction, error);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The order of @day: the pairs as they were, linked; nothing re-approved. */
static gboolean
add_pairs_order (NstStore    *store,
                 NstSchool   *school,
                 NstOrder    *regulation,
                 const char  *day,
                 GArray      *ids,
                 GError     **error)
{
  NstPairsOrderOptions options = { regulation, NULL, TRUE };
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  GDate date;

  nst_date_parse_iso (day, &date);
  pairs = nst_doc_load_pairs (store, (const gint64 *) (gpointer) ids->data, ids->len,
                              nst_school_year_of (&date), error);
  if (pairs == NULL)
    return FALSE;
  content = nst_doc_order_pairs (school, &date, pairs, &options, NULL, error);
  return record (store, school, content, NULL, error);
}

gboolean
nst_demo_add_orders (NstStore    *store,
                     GHashTable  *approvals,
                     GError     **error)
{
  g_autoptr(NstSchool) school = nst_store_load_school (store, error);
  g_autoptr(NstOrder) regulation = NULL;
  g_autofree const char **days = NULL;
  guint n = 0;

  if (school == NULL || !add_opening_orders (store, school, &regulation, error))
    return FALSE;
  days = (const char **) g_hash_table_get_keys_as_array (approvals, &n);
  qsort (days, n, sizeof (char *), compare_days);
  for (guint i = 0; i < n; i++)
    if (!add_pairs_order (store, school, regulation, days[i], g_hash_table_lookup (approvals, days[i]), error))
      return FALSE;
  return TRUE;
}
