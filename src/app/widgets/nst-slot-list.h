/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* GTK 4.8's list views throw away and rebuild every row widget whose item
 * changes position, which costs ~150 ms when a keystroke turns 10,000 rows
 * into 300. NstSlotList shows a source model through stable slots: slot i
 * always stays item i of the list view and only its :item changes, so the
 * rows on screen just update their text. Items are added or removed only at
 * the end, when the count changes.
 *
 * It also filters, faster than GtkFilterListModel can: the tab's own
 * filters (drop-downs) are asked once per item when they change and kept
 * as a bit per item, the folded search keys are kept in one array, and a
 * keystroke that only narrows the search looks at the items still shown. */

#define NST_TYPE_SLOT (nst_slot_get_type ())
G_DECLARE_FINAL_TYPE (NstSlot, nst_slot, NST, SLOT, GObject)

typedef void (*NstSlotWatch) (NstSlot  *slot,
                              gpointer  user_data);

gpointer     nst_slot_get_item         (NstSlot      *self);
void         nst_slot_watch            (NstSlot      *self,
                                        NstSlotWatch  func,
                                        gpointer      user_data);
void         nst_slot_unwatch          (NstSlot      *self,
                                        NstSlotWatch  func,
                                        gpointer      user_data);

/* Whether @item passes the tab's own filters, the search aside. */
typedef gboolean     (*NstSlotMatch)     (gpointer item,
                                          gpointer user_data);
/* The item's folded search key (nst_ru_fold), owned by the item. */
typedef const char * (*NstSlotSearchKey) (gpointer item);

#define NST_TYPE_SLOT_LIST (nst_slot_list_get_type ())
G_DECLARE_FINAL_TYPE (NstSlotList, nst_slot_list, NST, SLOT_LIST, GObject)

NstSlotList *nst_slot_list_new         (GListModel       *source);
void         nst_slot_list_set_filter  (NstSlotList      *self,
                                        NstSlotMatch      match,
                                        NstSlotSearchKey  search_key,
                                        gpointer          user_data);
void         nst_slot_list_set_search  (NstSlotList      *self,
                                        const char       *typed);
void         nst_slot_list_refilter    (NstSlotList      *self);
GListModel  *nst_slot_list_get_source  (NstSlotList      *self);
GListModel  *nst_slot_list_get_visible (NstSlotList      *self);

G_END_DECLS
