/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nst-page.h"

G_DEFINE_INTERFACE (NstPage, nst_page, GTK_TYPE_WIDGET)

static void
nst_page_default_init (NstPageInterface *iface)
{
}

/**
 * nst_page_get_add_tooltip:
 *
 * Returns: (transfer none) (nullable): what «+» adds here, or %NULL when
 *   this tab adds nothing
 */
const char *
nst_page_get_add_tooltip (NstPage *self)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);

  return iface->get_add_tooltip ? iface->get_add_tooltip (self) : NULL;
}

void
nst_page_add (NstPage *self)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);

  if (iface->add)
    iface->add (self);
}

void
nst_page_focus_search (NstPage *self)
{
  NstPageInterface *iface = NST_PAGE_GET_IFACE (self);

  if (iface->focus_search)
    iface->focus_search (self);
}
