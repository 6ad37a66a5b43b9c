/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The registry's columns: how each cell shows a participant and how each
 * column sorts. The view's items are NstSlot of NstParticipant; its sorter
 * compares NstParticipant. Returns (transfer none) the ФИО column, the
 * default sort. */
GtkColumnViewColumn *nst_registry_columns_add (GtkColumnView *view);

G_END_DECLS
