/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/nst-participant.h"

G_BEGIN_DECLS

#define NST_TYPE_PARTICIPANT_ROW (nst_participant_row_get_type ())
G_DECLARE_FINAL_TYPE (NstParticipantRow, nst_participant_row, NST, PARTICIPANT_ROW, AdwEntryRow)

/* An entry row that finds a participant of the registry as a name is typed:
 * the matches show in a list under the row (Russian folded: «елкина» finds
 * «Ёлкина»), those whose surname begins with the text first, then those
 * with another word of the name beginning so, then the rest; Up and Down
 * choose, Enter takes the one highlighted (the first unless moved), a
 * click the one clicked, and ::picked tells which. Focus stays in the entry all along. */

typedef enum
{
  NST_PARTICIPANT_ROW_ANY,
  NST_PARTICIPANT_ROW_MENTOR,   /* those marked as mentors come first */
  NST_PARTICIPANT_ROW_MENTEE,   /* those marked as mentees come first */
} NstParticipantRowPrefer;

GtkWidget *nst_participant_row_new             (void);
void       nst_participant_row_set_participants (NstParticipantRow      *self,
                                                 GListModel             *participants);
void       nst_participant_row_set_prefer      (NstParticipantRow      *self,
                                                 NstParticipantRowPrefer prefer);
void       nst_participant_row_set_excluded    (NstParticipantRow      *self,
                                                 GHashTable             *ids);
void       nst_participant_row_set_text_quietly (NstParticipantRow     *self,
                                                 const char             *text);
guint      nst_participant_row_get_n_matches   (NstParticipantRow      *self);
NstParticipant *nst_participant_row_get_match  (NstParticipantRow      *self,
                                                 guint                   index);
gboolean   nst_participant_row_pick            (NstParticipantRow      *self,
                                                 guint                   index);

G_END_DECLS
