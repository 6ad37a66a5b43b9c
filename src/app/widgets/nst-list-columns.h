/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The columns of a list tab. A tab says, for its own column numbers, how
 * a cell is made, how it shows an item and how two items compare; the rest
 * is shared: the factory bound to the stable slots (a cell redraws in place
 * when its slot shows another item), the sorter, the width. */
typedef struct
{
  /* The cell widget of @column, made once per row on screen. */
  GtkWidget * (*setup)   (int       column);
  /* Shows @item in @cell. */
  void        (*render)  (GtkWidget *cell,
                          gpointer   item,
                          int        column);
  /* Orders two items by @column, ties broken: below, at or above zero. */
  int         (*compare) (gpointer   a,
                          gpointer   b,
                          int        column);
} NstColumnKind;

GtkColumnViewColumn *nst_list_column_add (GtkColumnView       *view,
                                          const NstColumnKind *kind,
                                          int                  column,
                                          const char          *title,
                                          int                  fixed_width);

void                 nst_list_column_set_header (GtkColumnViewColumn *column,
                                                 const char          *tooltip,
                                                 gboolean             wrap);

GtkWidget           *nst_cell_label_new  (const char          *css_class);

const char          *nst_list_sort_key   (gpointer             item,
                                          int                  column,
                                          char              *(*text) (gpointer item,
                                                                      int      column));

G_END_DECLS
