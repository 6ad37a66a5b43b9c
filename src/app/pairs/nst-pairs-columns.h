/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The columns of «Пары и группы»: how each cell shows a pair and how each
 * column sorts. The view's items are NstSlot of NstGroup; its sorter
 * compares NstGroup. Returns (transfer none) the mentor's column, the
 * default sort. */
GtkColumnViewColumn *nst_pairs_columns_add (GtkColumnView *view);

G_END_DECLS
