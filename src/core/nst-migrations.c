/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-store"

#include "config.h"

#include "nst-store-private.h"

/* Migration N takes a database from user_version N-1 to N. Each runs in one
 * transaction with its version bump, so a failure leaves the previous
 * version intact. Never edit a migration that has shipped: add one. */
static const char *const migrations[] = {
  /* 1: the whole domain as DOMAIN.md describes it. */
  "CREATE TABLE school ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  full_name TEXT NOT NULL DEFAULT '', short_name TEXT NOT NULL DEFAULT '',"
  "  legal_address TEXT NOT NULL DEFAULT '', city TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',"
  "  inn TEXT NOT NULL DEFAULT '', ogrn TEXT NOT NULL DEFAULT '',"
  "  website TEXT NOT NULL DEFAULT '',"
  "  director_post TEXT NOT NULL DEFAULT '', director_name TEXT NOT NULL DEFAULT '',"
  "  curator_post TEXT NOT NULL DEFAULT '', curator_name TEXT NOT NULL DEFAULT '',"
  "  order_suffix TEXT NOT NULL DEFAULT '',"
  "  school_year INTEGER NOT NULL,"
  "  mentee_limit INTEGER NOT NULL DEFAULT 3 CHECK (mentee_limit > 0));"

  /* The school's own quarter dates (четверти) for each school year. */
  "CREATE TABLE school_quarter ("
  "  school_year INTEGER NOT NULL, quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),"
  "  starts_on TEXT NOT NULL, ends_on TEXT NOT NULL,"
  "  PRIMARY KEY (school_year, quarter));"

  "CREATE TABLE participant ("
  "  id INTEGER PRIMARY KEY,"
  "  surname TEXT NOT NULL CHECK (surname <> ''), name TEXT NOT NULL CHECK (name <> ''),"
  "  patronymic TEXT NOT NULL DEFAULT '',"
  "  category TEXT NOT NULL CHECK (category IN ('teacher','student','partner','head')),"
  "  post TEXT NOT NULL DEFAULT '', class_name TEXT NOT NULL DEFAULT '',"
  "  subjects TEXT NOT NULL DEFAULT '',"
  "  birth_date TEXT, teaching_since TEXT, mentoring_since TEXT,"
  "  qualification TEXT NOT NULL DEFAULT 'none'"
  "    CHECK (qualification IN ('none','conformity','first','highest')),"
  "  young_specialist INTEGER NOT NULL DEFAULT 0,"
  "  is_mentor INTEGER NOT NULL DEFAULT 0, is_mentee INTEGER NOT NULL DEFAULT 0,"
  "  request TEXT NOT NULL DEFAULT '', competences TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',"
  "  contact TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',"
  "  archived INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL DEFAULT (datetime('now')),"
  "  updated_at TEXT NOT NULL DEFAULT (datetime('now')));"

  "CREATE TABLE consent ("
  "  id INTEGER PRIMARY KEY,"
  "  participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('processing','distribution','mentor')),"
  "  signed_on TEXT NOT NULL, representative_name TEXT NOT NULL DEFAULT '',"
  "  withdrawn_on TEXT, note TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX consent_by_participant ON consent(participant_id);"

  /* Orders (приказы) and their journal. */
  "CREATE TABLE school_order ("
  "  id INTEGER PRIMARY KEY, year INTEGER NOT NULL, number INTEGER NOT NULL,"
  "  suffix TEXT NOT NULL DEFAULT '', signed_on TEXT NOT NULL,"
  "  kind TEXT NOT NULL, heading TEXT NOT NULL, pdf BLOB,"
  "  created_at TEXT NOT NULL DEFAULT (datetime('now')),"
  "  UNIQUE (year, number));"

  /* Pairs and groups: one mentor, one or more mentees. */
  "CREATE TABLE mentoring_group ("
  "  id INTEGER PRIMARY KEY, form TEXT NOT NULL, interaction_model TEXT,"
  "  kind TEXT NOT NULL, starts_on TEXT, ends_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (status IN ('draft','approved','active','finished','terminated')),"
  "  end_reason TEXT, ended_on TEXT,"
  "  order_id INTEGER REFERENCES school_order(id),"
  "  created_at TEXT NOT NULL DEFAULT (datetime('now')));"
  "CREATE TABLE group_member ("
  "  group_id INTEGER NOT NULL REFERENCES mentoring_group(id) ON DELETE CASCADE,"
  "  participant_id INTEGER NOT NULL REFERENCES participant(id),"
  "  role TEXT NOT NULL CHECK (role IN ('mentor','mentee')),"
  "  PRIMARY KEY (group_id, participant_id));"
  "CREATE INDEX group_member_by_participant ON group_member(participant_id);"
  "CREATE TABLE group_history ("
  "  id INTEGER PRIMARY KEY,"
  "  group_id INTEGER NOT NULL REFERENCES mentoring_group(id) ON DELETE CASCADE,"
  "  changed_on TEXT NOT NULL, what TEXT NOT NULL, details TEXT NOT NULL DEFAULT '');"

  /* Personalized programmes and their plans. */
  "CREATE TABLE programme ("
  "  id INTEGER PRIMARY KEY,"
  "  group_id INTEGER NOT NULL REFERENCES mentoring_group(id) ON DELETE CASCADE,"
  "  school_year INTEGER NOT NULL, title TEXT NOT NULL DEFAULT '',"
  "  request TEXT NOT NULL DEFAULT '', goal TEXT NOT NULL DEFAULT '',"
  "  tasks TEXT NOT NULL DEFAULT '', expected_result TEXT NOT NULL DEFAULT '',"
  "  result TEXT NOT NULL DEFAULT '', order_id INTEGER REFERENCES school_order(id),"
  "  UNIQUE (group_id, school_year));"
  "CREATE TABLE plan_item ("
  "  id INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, activity TEXT NOT NULL, schedule TEXT NOT NULL DEFAULT '',"
  "  responsible TEXT NOT NULL DEFAULT '', expected_result TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE plan_occurrence ("
  "  plan_item_id INTEGER NOT NULL REFERENCES plan_item(id) ON DELETE CASCADE,"
  "  due_on TEXT NOT NULL, done_on TEXT, PRIMARY KEY (plan_item_id, due_on));"
  "CREATE TABLE programme_history ("
  "  id INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,"
  "  changed_on TEXT NOT NULL, reason TEXT NOT NULL, details TEXT NOT NULL DEFAULT '');"

  /* The multi-year roadmap (дорожная карта). */
  "CREATE TABLE roadmap ("
  "  id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
  "  starts_on TEXT NOT NULL, ends_on TEXT NOT NULL);"
  "CREATE TABLE roadmap_section ("
  "  id INTEGER PRIMARY KEY,"
  "  roadmap_id INTEGER NOT NULL REFERENCES roadmap(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, title TEXT NOT NULL);"
  "CREATE TABLE roadmap_item ("
  "  id INTEGER PRIMARY KEY,"
  "  section_id INTEGER NOT NULL REFERENCES roadmap_section(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, content TEXT NOT NULL, schedule TEXT NOT NULL DEFAULT '',"
  "  starts_on TEXT, ends_on TEXT, expected_result TEXT NOT NULL DEFAULT '',"
  "  indicator TEXT NOT NULL DEFAULT '', indicator_target TEXT NOT NULL DEFAULT '',"
  "  indicator_value TEXT NOT NULL DEFAULT '', responsible TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'planned'"
  "    CHECK (status IN ('planned','in_progress','done','cancelled')),"
  "  done_on TEXT);"
  "CREATE TABLE roadmap_occurrence ("
  "  item_id INTEGER NOT NULL REFERENCES roadmap_item(id) ON DELETE CASCADE,"
  "  due_on TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'planned', done_on TEXT,"
  "  PRIMARY KEY (item_id, due_on));"

  /* Quarterly diagnostics of mentors' competences and mentees' needs. */
  "CREATE TABLE diagnostic ("
  "  id INTEGER PRIMARY KEY,"
  "  participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,"
  "  school_year INTEGER NOT NULL, quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),"
  "  kind TEXT NOT NULL, score REAL, note TEXT NOT NULL DEFAULT '',"
  "  recorded_on TEXT NOT NULL);",
};

guint
nst_migrations_count (void)
{
  return G_N_ELEMENTS (migrations);
}

const char *
nst_migration_sql (guint to_version)
{
  g_return_val_if_fail (to_version >= 1 && to_version <= G_N_ELEMENTS (migrations), NULL);
  return migrations[to_version - 1];
}
