/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "widgets/nst-slot-list.h"

G_BEGIN_DECLS

/* The plumbing every list tab shares: its items, sorted by the column view's
 * headers, filtered by the search field and the tab's own filters, shown
 * through stable slots (NstSlotList), with the selection, the count line,
 * the empty and no-results pages, Delete on the list and the row activated.
 * A tab keeps its own columns, filters and actions, and tells the listing
 * its widgets once:
 *
 *   self->listing = nst_listing_new (&(NstListingSetup) {
 *     .item_type = NST_TYPE_GROUP, .column_view = self->column_view, …
 *   });
 *
 * The tab disposes the listing before its template. */

typedef struct
{
  GType item_type;
  GtkColumnView *column_view;
  GtkColumnViewColumn *sort_column;   /* sorted by it, ascending, at first */
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;              /* «Показано N из M» */
  GtkStack *content_stack;            /* pages "empty", "no-results", "list" */
  gboolean multiple;                  /* many selected at once, or one at most */
  const char *delete_action;          /* what Delete on the list does, or NULL */
  gint64 (*get_id) (gpointer item);
  /* Optional: the order of sort_column, as cheap as can be. Items handed to
   * nst_listing_set_items() are put in it first, so that the column view's
   * sort finds them in order: 10,000 people sort in a few milliseconds
   * instead of the 30 the sorter's comparisons take. */
  GCompareFunc presort;               /* for g_ptr_array_sort() */
  NstSlotSearchKey search_key;
  NstSlotMatch match;                 /* the tab's own filters, or NULL */
  gpointer user_data;                 /* for match */
} NstListingSetup;

#define NST_TYPE_LISTING (nst_listing_get_type ())
G_DECLARE_FINAL_TYPE (NstListing, nst_listing, NST, LISTING, GObject)

NstListing *nst_listing_new                (const NstListingSetup *setup);
void        nst_listing_set_items          (NstListing            *self,
                                            GListModel            *items);
void        nst_listing_put                (NstListing            *self,
                                            gpointer               item);
void        nst_listing_remove             (NstListing            *self,
                                            gint64                 id);
gboolean    nst_listing_select             (NstListing            *self,
                                            gint64                 id);
void        nst_listing_set_loading        (NstListing            *self,
                                            gboolean               loading);
void        nst_listing_refilter           (NstListing            *self);
void        nst_listing_focus_search       (NstListing            *self);
GListModel *nst_listing_get_items          (NstListing            *self);
GListModel *nst_listing_get_visible        (NstListing            *self);
GPtrArray  *nst_listing_dup_selected       (NstListing            *self);
gpointer    nst_listing_dup_first_selected (NstListing            *self);

G_END_DECLS
