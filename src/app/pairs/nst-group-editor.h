/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "widgets/nst-form-window.h"
#include "model/nst-group.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_GROUP_EDITOR (nst_group_editor_get_type ())
G_DECLARE_FINAL_TYPE (NstGroupEditor, nst_group_editor, NST, GROUP_EDITOR, NstFormWindow)

/* A pair or a group: its members picked from the registry by name, with
 * mentors suggested for the mentee; its form, kind and period; what keeps
 * it from approval; its life cycle (approval by order, start, end with a
 * reason) and its history.
 *
 * ::saved (NstGroup) tells of every change written, the window staying
 * open after a change of status; ::programme-saved of a change to the
 * pair's programme made from here. */

NstGroupEditor *nst_group_editor_new (GtkWindow *parent,
                                      NstStore  *store,
                                      NstGroup  *group);

G_END_DECLS
