/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "widgets/nst-form-window.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_PARTICIPANT_EDITOR (nst_participant_editor_get_type ())
G_DECLARE_FINAL_TYPE (NstParticipantEditor, nst_participant_editor, NST, PARTICIPANT_EDITOR, NstFormWindow)

/* A modal form for one participant and their consents. @participant is
 * %NULL for a new one. Emits ::saved (NstParticipant *saved) after the
 * store has saved it, then closes. */
NstParticipantEditor *nst_participant_editor_new (GtkWindow      *parent,
                                                  NstStore       *store,
                                                  NstParticipant *participant);

G_END_DECLS
