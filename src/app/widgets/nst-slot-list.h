/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* GTK 4.8's list views throw away and rebuild every row widget whose item
 * changes position, which costs ~150 ms when a keystroke turns 10,000 rows
 * into 300. NstSlotList shows a source model through stable slots: slot i
 * always stays item i of the list view and only its :item changes, so the
 * rows on screen just update their text. Items are added or removed only at
 * the end, when the count changes. */

#define NST_TYPE_SLOT (nst_slot_get_type ())
G_DECLARE_FINAL_TYPE (NstSlot, nst_slot, NST, SLOT, GObject)

gpointer     nst_slot_get_item         (NstSlot    *self);

#define NST_TYPE_SLOT_LIST (nst_slot_list_get_type ())
G_DECLARE_FINAL_TYPE (NstSlotList, nst_slot_list, NST, SLOT_LIST, GObject)

NstSlotList *nst_slot_list_new         (GListModel  *source);
GListModel  *nst_slot_list_get_source  (NstSlotList *self);

G_END_DECLS
