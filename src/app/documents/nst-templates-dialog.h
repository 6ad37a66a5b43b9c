/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "widgets/nst-form-window.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_TEMPLATES_DIALOG (nst_templates_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NstTemplatesDialog, nst_templates_dialog, NST, TEMPLATES_DIALOG, NstFormWindow)

/* «Шаблоны приказов»: the school's own text of each kind of order, with
 * the standard text to go back to. */
NstTemplatesDialog *nst_templates_dialog_new (GtkWindow *parent,
                                              NstStore  *store);

G_END_DECLS
