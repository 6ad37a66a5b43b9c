/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-store"

#include "config.h"

#include "store/nst-store-private.h"

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

  /* 2: pairs and programmes (issue «Pairs and groups»). Migration 1's
   * tables stay as they are: SQLite changes a CHECK only by rebuilding a
   * table, so new columns come with ALTER TABLE and the codes of columns
   * that have no CHECK are guarded by triggers. */
  "CREATE TABLE programme_template ("
  "  id INTEGER PRIMARY KEY, title TEXT NOT NULL, form TEXT NOT NULL DEFAULT '',"
  "  builtin INTEGER NOT NULL DEFAULT 0,"
  /* The school year its dated schedules were written for, 0 for none: a
   * new programme shifts them into its own year. */
  "  school_year INTEGER NOT NULL DEFAULT 0,"
  "  request TEXT NOT NULL DEFAULT '', goal TEXT NOT NULL DEFAULT '',"
  "  tasks TEXT NOT NULL DEFAULT '', expected_result TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL DEFAULT (datetime('now')));"
  "CREATE TABLE programme_template_item ("
  "  template_id INTEGER NOT NULL REFERENCES programme_template(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, activity TEXT NOT NULL, schedule TEXT NOT NULL DEFAULT '',"
  "  responsible TEXT NOT NULL DEFAULT '', expected_result TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (template_id, position));"

  "ALTER TABLE mentoring_group ADD COLUMN note TEXT NOT NULL DEFAULT '';"
  "CREATE INDEX mentoring_group_by_status ON mentoring_group(status);"
  "CREATE UNIQUE INDEX group_member_one_mentor ON group_member(group_id) WHERE role = 'mentor';"
  "CREATE TRIGGER mentoring_group_codes_insert BEFORE INSERT ON mentoring_group"
  "  WHEN NEW.form NOT IN ('teacher-teacher','pedagogue-pedagogue','head-teacher',"
  "                        'student-student','undergraduate-student','employer-student',"
  "                        'employer-undergraduate')"
  "    OR NEW.kind NOT IN ('traditional','group','virtual','short-term','reverse',"
  "                        'situational','speed')"
  "    OR (NEW.interaction_model IS NOT NULL AND NEW.interaction_model NOT IN"
  "        ('experienced-young','leader-communication','innovator-conservative',"
  "         'subject-experienced-novice'))"
  "    OR (NEW.end_reason IS NOT NULL AND NEW.end_reason NOT IN"
  "        ('plan-done','participant','curator'))"
  "    OR (NEW.status IN ('finished','terminated')"
  "        AND (NEW.end_reason IS NULL OR NEW.ended_on IS NULL))"
  "  BEGIN SELECT RAISE(ABORT, 'mentoring_group: unknown code or an end without reason and date'); END;"
  "CREATE TRIGGER mentoring_group_codes_update BEFORE UPDATE ON mentoring_group"
  "  WHEN NEW.form NOT IN ('teacher-teacher','pedagogue-pedagogue','head-teacher',"
  "                        'student-student','undergraduate-student','employer-student',"
  "                        'employer-undergraduate')"
  "    OR NEW.kind NOT IN ('traditional','group','virtual','short-term','reverse',"
  "                        'situational','speed')"
  "    OR (NEW.interaction_model IS NOT NULL AND NEW.interaction_model NOT IN"
  "        ('experienced-young','leader-communication','innovator-conservative',"
  "         'subject-experienced-novice'))"
  "    OR (NEW.end_reason IS NOT NULL AND NEW.end_reason NOT IN"
  "        ('plan-done','participant','curator'))"
  "    OR (NEW.status IN ('finished','terminated')"
  "        AND (NEW.end_reason IS NULL OR NEW.ended_on IS NULL))"
  "  BEGIN SELECT RAISE(ABORT, 'mentoring_group: unknown code or an end without reason and date'); END;"

  /* History keeps the values before and after, as codes, ISO dates and
   * names, so that it reads in the language of whoever looks at it. */
  "ALTER TABLE group_history ADD COLUMN old_value TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE group_history ADD COLUMN new_value TEXT NOT NULL DEFAULT '';"
  "CREATE INDEX group_history_by_group ON group_history(group_id);"

  "ALTER TABLE programme ADD COLUMN starts_on TEXT;"
  "ALTER TABLE programme ADD COLUMN ends_on TEXT;"
  "ALTER TABLE programme ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'"
  "  CHECK (status IN ('draft','active','finished','terminated'));"
  "ALTER TABLE programme ADD COLUMN end_reason TEXT"
  "  CHECK (end_reason IS NULL OR end_reason IN ('plan-done','participant','curator'));"
  "ALTER TABLE programme ADD COLUMN ended_on TEXT;"
  "ALTER TABLE programme ADD COLUMN template_id INTEGER"
  "  REFERENCES programme_template(id) ON DELETE SET NULL;"
  "CREATE INDEX plan_item_by_programme ON plan_item(programme_id, position);"
  /* A rule's occurrence may be a span (a period, «в течение года»). */
  "ALTER TABLE plan_occurrence ADD COLUMN starts_on TEXT;"
  "ALTER TABLE programme_history ADD COLUMN what TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE programme_history ADD COLUMN old_value TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE programme_history ADD COLUMN new_value TEXT NOT NULL DEFAULT '';"
  "CREATE INDEX programme_history_by_programme ON programme_history(programme_id);"

  /* The seed's plan «педагог – педагог» (МАОУ «СОШ № 11», 2021), word for
   * word: built in, so that every database has it and nobody deletes it. */
  "INSERT INTO programme_template (id, title, form, builtin, school_year, expected_result)"
  "  VALUES (1, 'Персонализированная программа наставничества «педагог – педагог»',"
  "          'pedagogue-pedagogue', 1, 2021,"
  "          'Присвоение квалификационной категории педагогическому работнику "
  "(молодому специалисту), повышение качества образования обучающихся.');"
  "INSERT INTO programme_template_item"
  "  (template_id, position, activity, schedule, responsible, expected_result) VALUES"
  "  (1, 1, 'Определение средств обратной связи (WhatsApp, Viber)',"
  "   'Январь 2021 Сентябрь 2022', 'Педагог наставник, Наставляемый',"
  "   'Обратная связь между наставнической парой'),"
  "  (1, 2, 'Онлайн-планерка по формированию КОП (контрольно-оценочная процедура) "
  "с использованием ООП (общеобразовательная программа) с применением универсального "
  "кодификатора по предмету',"
  "   'Один раз в четверть', 'Педагог наставник',"
  "   'Реализация ООП по предмету и формирование КОП'),"
  "  (1, 3, 'Анализ КОП по предмету проведение через цифровую платформу',"
  "   'Конец каждой четверти', 'Педагог наставник',"
  "   'Достижение результата обученности учащихся'),"
  "  (1, 4, 'Онлайн-семинар о работе цифровых платформ и использование их в своей работе',"
  "   'Каждый второй понедельник месяца', 'Педагог наставник',"
  "   'Использование цифровых платформ в своей педагогической деятельности'),"
  "  (1, 5, 'Онлайн-вебинары по конструированию инструкционной карты к уроку',"
  "   'Каждый первый четверг месяца', 'Педагог наставник',"
  "   'Использование методов и приемов в деятельности наставляемого на уроках'),"
  "  (1, 6, 'Посещение учебных занятий через цифровую платформу ZOOM',"
  "   'Каждый первый вторник месяца или по запросу наставляемого', 'Педагог наставник',"
  "   'Продуктивная организация педагогической деятельности наставляемого и отработка "
  "навыков в использовании методов обучения на уроках'),"
  "  (1, 7, 'Транслирование педагогического опыта на профессиональных онлайн-конкурсах "
  "и на образовательном контенте МАОУ СОШ № 11, выступление и обобщение опыта на разном "
  "уровне (федеральном, региональном и муниципальном)',"
  "   'В течении года', 'Педагог наставник, наставляемый',"
  "   'Обобщение опыта наставнической парой');",

  /* 3: the roadmap (issue «The roadmap and its Gantt chart»). Migration 1's
   * tables stay; codes of columns without a CHECK are guarded by triggers. */
  /* Responsible people from the registry, beside the roles written as text
   * («Заместители директора»); a person who leaves the registry leaves the
   * item's list, not the item. */
  "CREATE TABLE roadmap_item_participant ("
  "  item_id INTEGER NOT NULL REFERENCES roadmap_item(id) ON DELETE CASCADE,"
  "  participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (item_id, participant_id));"
  "CREATE INDEX roadmap_item_participant_by_participant"
  "  ON roadmap_item_participant(participant_id);"
  "CREATE INDEX roadmap_section_by_roadmap ON roadmap_section(roadmap_id, position);"
  "CREATE INDEX roadmap_item_by_section ON roadmap_item(section_id, position);"
  /* The day the indicator's value was measured («на 15.05.2025 — 12 %»). */
  "ALTER TABLE roadmap_item ADD COLUMN indicator_on TEXT;"
  "CREATE TRIGGER roadmap_item_done_insert BEFORE INSERT ON roadmap_item"
  "  WHEN (NEW.status = 'done') <> (NEW.done_on IS NOT NULL)"
  "  BEGIN SELECT RAISE(ABORT, 'roadmap_item: done needs its date, and only done has one'); END;"
  "CREATE TRIGGER roadmap_item_done_update BEFORE UPDATE ON roadmap_item"
  "  WHEN (NEW.status = 'done') <> (NEW.done_on IS NOT NULL)"
  "  BEGIN SELECT RAISE(ABORT, 'roadmap_item: done needs its date, and only done has one'); END;"
  /* Only occurrences someone marked are stored; the rest are planned. */
  "CREATE TRIGGER roadmap_occurrence_codes_insert BEFORE INSERT ON roadmap_occurrence"
  "  WHEN NEW.status NOT IN ('done','cancelled')"
  "    OR (NEW.status = 'done') <> (NEW.done_on IS NOT NULL)"
  "  BEGIN SELECT RAISE(ABORT, 'roadmap_occurrence: unknown status or a done without date'); END;"
  "CREATE TRIGGER roadmap_occurrence_codes_update BEFORE UPDATE ON roadmap_occurrence"
  "  WHEN NEW.status NOT IN ('done','cancelled')"
  "    OR (NEW.status = 'done') <> (NEW.done_on IS NOT NULL)"
  "  BEGIN SELECT RAISE(ABORT, 'roadmap_occurrence: unknown status or a done without date'); END;",

  /* 4: the school's own text of each kind of order (issue «Editable order
   * templates»); a kind without a row prints the standard text. */
  "CREATE TABLE document_template ("
  "  kind TEXT PRIMARY KEY,"
  "  body TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL DEFAULT (datetime('now')));",

  /* 5: the curator chosen from the registry's staff (issue «The first
   * hour»): the orders take the name and post from the participant, so
   * that they and the registry cannot disagree; curator_name and
   * curator_post stay as the text for a school that chooses no one. */
  "ALTER TABLE school ADD COLUMN curator_id INTEGER"
  "  REFERENCES participant(id) ON DELETE SET NULL;",
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
