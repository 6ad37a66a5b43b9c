/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/nst-store-groups.h"
#include "store/nst-store-private.h"

G_BEGIN_DECLS

/* Shared by test-groups.c and test-programmes.c: a store on a temporary
 * file, people with or without their consents, and raw SQL beside it. */

#define TEST_TODAY "2025-11-15"

typedef struct
{
  char *dir;
  char *path;
  NstStore *store;
} GroupsFixture;

void            groups_fixture_set_up    (GroupsFixture *f,
                                          gconstpointer  data);
void            groups_fixture_tear_down (GroupsFixture *f,
                                          gconstpointer  data);
void            groups_test_init         (int           *argc,
                                          char        ***argv);

typedef enum
{
  PERSON_CONSENTS_ALL,        /* processing, and the mentor's for a mentor */
  PERSON_CONSENTS_NONE,
  PERSON_CONSENTS_PROCESSING, /* no mentor's consent */
} PersonConsents;

/* A participant saved in the registry; a mentor when @competences is set. */
NstParticipant *add_person               (NstStore      *store,
                                          const char    *surname,
                                          const char    *name,
                                          NstCategory    category,
                                          const char    *subjects,
                                          const char    *teaching_since,
                                          const char    *competences,
                                          const char    *request,
                                          PersonConsents consents);
NstGroup       *make_pair                (NstParticipant *mentor,
                                          NstParticipant *mentee,
                                          const char     *starts_on,
                                          const char     *ends_on);
NstGroup       *save_pair                (NstStore       *store,
                                          NstParticipant *mentor,
                                          NstParticipant *mentee);
NstGroup       *save_active_pair         (NstStore       *store,
                                          NstParticipant *mentor,
                                          NstParticipant *mentee);

void            raw_exec                 (NstStore      *store,
                                          const char    *sql);
gint64          raw_int                  (NstStore      *store,
                                          const char    *sql);
void            assert_invalid           (GError        *error,
                                          const char    *words);

G_END_DECLS
