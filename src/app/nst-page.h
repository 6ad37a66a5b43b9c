/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a tab of the window can do for the header bar: the «+» button
 * (Ctrl+N) adds in the current tab, Ctrl+F searches in it. A tab that
 * cannot add returns NULL from get_add_tooltip. */

#define NST_TYPE_PAGE (nst_page_get_type ())
G_DECLARE_INTERFACE (NstPage, nst_page, NST, PAGE, GtkWidget)

struct _NstPageInterface
{
  GTypeInterface parent_iface;

  const char * (*get_add_tooltip) (NstPage *self);
  void         (*add)             (NstPage *self);
  void         (*focus_search)    (NstPage *self);
};

const char *nst_page_get_add_tooltip (NstPage *self);
void        nst_page_add             (NstPage *self);
void        nst_page_focus_search    (NstPage *self);

G_END_DECLS
