/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The columns of «Программы»: the view's items are NstSlot of
 * NstProgramme; its sorter compares NstProgramme. Returns (transfer none)
 * the pair's column, the default sort. */
GtkColumnViewColumn *nst_programmes_columns_add (GtkColumnView *view);

G_END_DECLS
