/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One line of a pair's or a programme's history: what changed, on which
 * day, the values before and after, and the note or reason given.
 *
 * The values are stored as codes, ISO dates and names, not as sentences, so
 * that nst_history_entry_dup_description() words them in the language of
 * whoever reads the history. */

typedef enum
{
  NST_CHANGE_CREATED,       /* new_value: the status it was created in */
  NST_CHANGE_STATUS,        /* old/new: status codes */
  NST_CHANGE_ENDED,         /* old: status code before; new: end reason code */
  NST_CHANGE_PERIOD,        /* old/new: "YYYY-MM-DD..YYYY-MM-DD", either side may be empty */
  NST_CHANGE_MENTOR,        /* old/new: full names */
  NST_CHANGE_MENTEES,       /* old/new: full names joined by "; " */
  NST_CHANGE_FORM,          /* old/new: form codes */
  NST_CHANGE_MODEL,         /* old/new: interaction model codes ("" for none) */
  NST_CHANGE_KIND,          /* old/new: kind codes */
  NST_CHANGE_ORDER,         /* old/new: order numbers */
  NST_CHANGE_PLAN_ADDED,    /* new: «3. activity (schedule)» */
  NST_CHANGE_PLAN_REMOVED,  /* old: the same */
  NST_CHANGE_PLAN_CHANGED,  /* old/new: the same */
  NST_CHANGE_CONTENT,       /* new: the changed fields' codes, joined by "," */
  NST_N_CHANGES
} NstChange;

const char *nst_change_to_code   (NstChange   change);
NstChange   nst_change_from_code (const char *code);

/* "2025-09-01..2026-05-31", the form NST_CHANGE_PERIOD stores. */
char       *nst_period_to_value  (const char *starts_on,
                                  const char *ends_on);

#define NST_TYPE_HISTORY_ENTRY (nst_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (NstHistoryEntry, nst_history_entry, NST, HISTORY_ENTRY, GObject)

NstHistoryEntry *nst_history_entry_new            (const char      *changed_on,
                                                   NstChange        change,
                                                   const char      *old_value,
                                                   const char      *new_value,
                                                   const char      *note);
const char      *nst_history_entry_get_changed_on (NstHistoryEntry *self);
NstChange        nst_history_entry_get_change     (NstHistoryEntry *self);
const char      *nst_history_entry_get_old_value  (NstHistoryEntry *self);
const char      *nst_history_entry_get_new_value  (NstHistoryEntry *self);
const char      *nst_history_entry_get_note       (NstHistoryEntry *self);
char            *nst_history_entry_dup_description (NstHistoryEntry *self);

G_END_DECLS
