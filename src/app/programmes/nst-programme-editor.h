/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "widgets/nst-form-window.h"
#include "model/nst-programme.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_PROGRAMME_EDITOR (nst_programme_editor_get_type ())
G_DECLARE_FINAL_TYPE (NstProgrammeEditor, nst_programme_editor, NST, PROGRAMME_EDITOR, NstFormWindow)

/* A personalized programme: its title and period, the pair's people from
 * the registry, the request, goal, tasks and expected result, and the plan
 * as a table whose schedules expand into dates that are marked done at
 * once; its progress, its life cycle and its history. A template fills
 * the plan; the programme can be kept as a template.
 *
 * ::saved (NstProgramme) tells of every change written, marks included. */

NstProgrammeEditor *nst_programme_editor_new            (GtkWindow    *parent,
                                                         NstStore     *store,
                                                         NstProgramme *programme);
void                nst_programme_editor_open           (GtkWidget    *from,
                                                         NstStore     *store,
                                                         gint64        programme_id,
                                                         GCallback     saved_cb,
                                                         GObject      *owner);
void                nst_programme_editor_open_for_group (GtkWidget    *from,
                                                         NstStore     *store,
                                                         gint64        group_id,
                                                         GCallback     saved_cb,
                                                         GObject      *owner);

G_END_DECLS
