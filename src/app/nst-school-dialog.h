/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "widgets/nst-form-window.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_SCHOOL_DIALOG (nst_school_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NstSchoolDialog, nst_school_dialog, NST, SCHOOL_DIALOG, NstFormWindow)

/* «Сведения о школе»: a modal form over the school's details. Emits
 * ::saved (NstSchool *school) after the store has saved them, then closes. */
NstSchoolDialog *nst_school_dialog_new (GtkWindow *parent,
                                        NstStore  *store);

G_END_DECLS
