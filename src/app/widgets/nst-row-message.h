/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What is wrong with a row of a boxed list, said in a line of its own
 * under it: a caption in a list row of its own, which a screen reader
 * reads as the row's description. Embedded in the form that owns it. */
typedef struct
{
  GtkWidget *row;
  GtkWidget *message_row;   /* goes right after @row in the same list */
  GtkLabel *label;
  gboolean shown;
} NstRowMessage;

void     nst_row_message_init  (NstRowMessage *self,
                                GtkWidget     *row);
void     nst_row_message_place (NstRowMessage *self);
gboolean nst_row_message_show  (NstRowMessage *self,
                                const char    *problem,
                                gboolean       reveal);

G_END_DECLS
