/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "io/nst-csv-reader.h"
#include "schedule/nst-date.h"
#include "io/nst-import-plan.h"
#include "io/nst-import-private.h"
#include "io/nst-sheet-reader.h"
#include "text/nst-ru-text.h"

#define N_STATUSES (NST_IMPORT_ROW_INVALID + 1)
#define PROGRESS_EVERY 200

struct _NstImportPlan
{
  GObject parent_instance;

  NstCsvTable *table;
  guint header_row;           /* the table's row that names the columns */
  guint n_columns;
  NstImportField *fields;     /* per column */
  gboolean *known;            /* per column: recognised, or decided by the user */
  int field_column[NST_IMPORT_N_FIELDS];   /* first column of each field, or -1 */
  NstImportDuplicates on_duplicate;
  GListStore *rows;           /* NstImportRow, for the preview */
  GPtrArray *row_array;       /* the same rows, read by the commit's thread */
  GPtrArray *existing;        /* NstParticipant: the registry, for duplicates */
  guint counts[N_STATUSES];
  GDate today;
};

G_DEFINE_FINAL_TYPE (NstImportPlan, nst_import_plan, G_TYPE_OBJECT)
G_DEFINE_QUARK (nst-import-error-quark, nst_import_error)

enum {
  PROP_0,
  PROP_ON_DUPLICATE,
  PROP_N_NEW,
  PROP_N_UPDATED,
  PROP_N_SKIPPED,
  PROP_N_INVALID,
  PROP_N_UNKNOWN_COLUMNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the participant's text fields --------------------------------------- */

typedef struct
{
  NstImportField field;
  const char *(*get) (NstParticipant *self);
  void (*set) (NstParticipant *self, const char *value);
} TextAccess;

static const TextAccess text_fields[] = {
  { NST_IMPORT_FIELD_SURNAME, nst_participant_get_surname, nst_participant_set_surname },
  { NST_IMPORT_FIELD_NAME, nst_participant_get_name, nst_participant_set_name },
  { NST_IMPORT_FIELD_PATRONYMIC, nst_participant_get_patronymic, nst_participant_set_patronymic },
  { NST_IMPORT_FIELD_POST, nst_participant_get_post, nst_participant_set_post },
  { NST_IMPORT_FIELD_CLASS_NAME, nst_participant_get_class_name, nst_participant_set_class_name },
  { NST_IMPORT_FIELD_SUBJECTS, nst_participant_get_subjects, nst_participant_set_subjects },
  { NST_IMPORT_FIELD_BIRTH_DATE, nst_participant_get_birth_date, nst_participant_set_birth_date },
  { NST_IMPORT_FIELD_TEACHING_SINCE, nst_participant_get_teaching_since,
    nst_participant_set_teaching_since },
  { NST_IMPORT_FIELD_MENTORING_SINCE, nst_participant_get_mentoring_since,
    nst_participant_set_mentoring_since },
  { NST_IMPORT_FIELD_REQUEST, nst_participant_get_request, nst_participant_set_request },
  { NST_IMPORT_FIELD_COMPETENCES, nst_participant_get_competences,
    nst_participant_set_competences },
  { NST_IMPORT_FIELD_EMAIL, nst_participant_get_email, nst_participant_set_email },
  { NST_IMPORT_FIELD_PHONE, nst_participant_get_phone, nst_participant_set_phone },
  { NST_IMPORT_FIELD_CONTACT, nst_participant_get_contact, nst_participant_set_contact },
  { NST_IMPORT_FIELD_NOTE, nst_participant_get_note, nst_participant_set_note },
};

static const TextAccess *
find_text_field (NstImportField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (text_fields[i].field == field)
      return &text_fields[i];
  return NULL;
}

/* An update changes what the row gives and keeps the rest: a file that
 * leaves a cell empty does not erase what the registry knows. */
static void
merge_given (NstParticipant *dst,
             NstParticipant *src,
             guint32         given)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (given & NST_IMPORT_FIELD_BIT (text_fields[i].field))
      text_fields[i].set (dst, text_fields[i].get (src));
  if (given & NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_CATEGORY))
    nst_participant_set_category (dst, nst_participant_get_category (src));
  if (given & NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_QUALIFICATION))
    nst_participant_set_qualification (dst, nst_participant_get_qualification (src));
  if (given & NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_YOUNG_SPECIALIST))
    nst_participant_set_young_specialist (dst, nst_participant_get_young_specialist (src));
  if (given & NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_IS_MENTOR))
    nst_participant_set_is_mentor (dst, nst_participant_get_is_mentor (src));
  if (given & NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_IS_MENTEE))
    nst_participant_set_is_mentee (dst, nst_participant_get_is_mentee (src));
  if (given & NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_ARCHIVED))
    nst_participant_set_archived (dst, nst_participant_get_archived (src));
}

/* ---- duplicates ---------------------------------------------------------- */

/* Whom a row turns out to be: someone in the registry (id > 0) or an
 * earlier row of the file (line > 0). */
typedef struct
{
  NstParticipant *participant;   /* borrowed */
  gint64 id;
  guint line;
} Target;

#define N_KEYS 3

/* Same ФИО and date of birth; or, for staff, same ФИО and post; or, when
 * neither is known, the same ФИО alone. Folded, so that case and ё do
 * not make two people of one. */
static void
participant_keys (NstParticipant *p,
                  char           *keys[N_KEYS])
{
  g_autofree char *full = nst_participant_dup_full_name (p);
  g_autofree char *fio = nst_ru_fold (full);
  const char *birth = nst_participant_get_birth_date (p);
  const char *post = nst_participant_get_post (p);
  gboolean staff = nst_participant_get_category (p) != NST_CATEGORY_STUDENT;

  keys[0] = *birth ? g_strconcat ("b\x1f", fio, "\x1f", birth, NULL) : NULL;
  if (staff && *post)
    {
      g_autofree char *folded_post = nst_ru_fold (post);

      keys[1] = g_strconcat ("p\x1f", fio, "\x1f", folded_post, NULL);
    }
  else
    keys[1] = NULL;
  keys[2] = (*birth == '\0' && *post == '\0') ? g_strconcat ("n\x1f", fio, NULL) : NULL;
}

static void
free_keys (char *keys[N_KEYS])
{
  for (guint i = 0; i < N_KEYS; i++)
    g_free (keys[i]);
}

static Target *
index_lookup (GHashTable     *index,
              NstParticipant *p)
{
  char *keys[N_KEYS];
  Target *found = NULL;

  participant_keys (p, keys);
  for (guint i = 0; i < N_KEYS && found == NULL; i++)
    if (keys[i] != NULL)
      found = g_hash_table_lookup (index, keys[i]);
  free_keys (keys);
  return found;
}

/* The first holder of a key keeps it. */
static void
index_add (GHashTable     *index,
           NstParticipant *p,
           Target         *target)
{
  char *keys[N_KEYS];

  participant_keys (p, keys);
  for (guint i = 0; i < N_KEYS; i++)
    {
      if (keys[i] != NULL && !g_hash_table_contains (index, keys[i]))
        g_hash_table_insert (index, g_steal_pointer (&keys[i]), target);
      g_free (keys[i]);
    }
}

static Target *
target_new (GPtrArray      *targets,
            NstParticipant *participant,
            guint           line)
{
  Target *target = g_new (Target, 1);

  target->participant = participant;
  target->id = nst_participant_get_id (participant);
  target->line = line;
  g_ptr_array_add (targets, target);
  return target;
}

/* Decides the rows' fates in file order, the same way for the preview and
 * for the commit: each row is new, or the duplicate of a participant of
 * the registry or of an earlier row, which it updates or leaves alone. */
typedef struct
{
  GHashTable *index;     /* key → Target */
  GPtrArray *targets;    /* Target, owned */
  GPtrArray *keep;       /* NstParticipant: updated copies, owned */
  NstImportDuplicates on_duplicate;
} Resolver;

static void
resolver_init (Resolver            *r,
               GPtrArray           *existing,
               NstImportDuplicates  on_duplicate)
{
  r->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->targets = g_ptr_array_new_with_free_func (g_free);
  r->keep = g_ptr_array_new_with_free_func (g_object_unref);
  r->on_duplicate = on_duplicate;
  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      NstParticipant *p = g_ptr_array_index (existing, i);

      index_add (r->index, p, target_new (r->targets, p, 0));
    }
}

static void
resolver_clear (Resolver *r)
{
  g_clear_pointer (&r->index, g_hash_table_unref);
  g_clear_pointer (&r->targets, g_ptr_array_unref);
  g_clear_pointer (&r->keep, g_ptr_array_unref);
}

/* For an update, @merged is the participant as the row leaves it: the
 * duplicate with the fields the row gives (owned by the resolver). */
static NstImportRowStatus
resolver_decide (Resolver        *r,
                 NstImportRow    *row,
                 Target         **target,
                 NstParticipant **merged)
{
  *merged = NULL;
  if ((*target = index_lookup (r->index, nst_import_row_get_participant (row))) == NULL)
    return NST_IMPORT_ROW_NEW;
  if (r->on_duplicate == NST_IMPORT_DUPLICATES_SKIP)
    return NST_IMPORT_ROW_SKIP;
  *merged = nst_participant_copy ((*target)->participant);
  g_ptr_array_add (r->keep, *merged);
  merge_given (*merged, nst_import_row_get_participant (row), nst_import_row_get_given (row));
  return NST_IMPORT_ROW_UPDATE;
}

/* Makes the row's result what later rows are compared with. */
static void
resolver_accept (Resolver           *r,
                 NstImportRow       *row,
                 NstImportRowStatus  status,
                 Target             *target,
                 NstParticipant     *result)
{
  if (status == NST_IMPORT_ROW_NEW)
    target = target_new (r->targets, result, nst_import_row_get_line (row));
  else if (status == NST_IMPORT_ROW_UPDATE)
    target->participant = result;
  else
    return;
  index_add (r->index, result, target);
}

static void check_rules (NstImportPlan  *self,
                         NstImportRow   *row,
                         NstParticipant *p);

static NstImportRowStatus
resolve_row (NstImportPlan *self,
             Resolver      *r,
             NstImportRow  *row)
{
  NstImportRowStatus status;
  NstParticipant *merged, *result;
  Target *target;

  nst_import_row_clear_rule_problems (row);
  nst_import_row_set_duplicate (row, 0, 0);
  if (nst_import_row_get_n_problems (row) > 0)
    return NST_IMPORT_ROW_INVALID;
  status = resolver_decide (r, row, &target, &merged);
  if (target != NULL)
    nst_import_row_set_duplicate (row, target->id, target->line);
  if (status == NST_IMPORT_ROW_SKIP)
    return status;
  result = merged ? merged : nst_import_row_get_participant (row);
  check_rules (self, row, result);
  if (nst_import_row_get_n_problems (row) > 0)
    return NST_IMPORT_ROW_INVALID;
  resolver_accept (r, row, status, target, result);
  return status;
}

static void
set_counts (NstImportPlan *self,
            const guint    counts[N_STATUSES])
{
  static const guint props[N_STATUSES] = {
    [NST_IMPORT_ROW_NEW] = PROP_N_NEW,
    [NST_IMPORT_ROW_UPDATE] = PROP_N_UPDATED,
    [NST_IMPORT_ROW_SKIP] = PROP_N_SKIPPED,
    [NST_IMPORT_ROW_INVALID] = PROP_N_INVALID,
  };

  for (guint s = 0; s < N_STATUSES; s++)
    if (self->counts[s] != counts[s])
      {
        self->counts[s] = counts[s];
        g_object_notify_by_pspec (G_OBJECT (self), properties[props[s]]);
      }
}

static void
resolve (NstImportPlan *self)
{
  Resolver r;
  guint counts[N_STATUSES] = { 0 };

  resolver_init (&r, self->existing, self->on_duplicate);
  for (guint i = 0; i < self->row_array->len; i++)
    {
      NstImportRow *row = g_ptr_array_index (self->row_array, i);
      NstImportRowStatus status = resolve_row (self, &r, row);

      nst_import_row_set_status (row, status);
      counts[status]++;
    }
  resolver_clear (&r);
  set_counts (self, counts);
}

/* ---- reading the rows ---------------------------------------------------- */

static const char *
column_header (NstImportPlan *self,
               guint          column)
{
  return nst_csv_table_get_field (self->table, self->header_row, column);
}

/* Trimmed, and without the apostrophe that keeps a spreadsheet from taking
 * «+7 …» or «=…» for a formula: our own CSV export writes it. */
static char *
cell_text (NstImportPlan *self,
           guint          row,
           guint          column)
{
  char *text = g_strstrip (g_strdup (nst_csv_table_get_field (self->table, row, column)));

  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@", text[1]) != NULL)
    memmove (text, text + 1, strlen (text));
  return text;
}

/* The longest text a cell of @field may hold: a name is no page long, and
 * a megabyte in a first name is a broken file, not a name. */
static guint
max_length_of (NstImportField field)
{
  switch (field)
    {
    case NST_IMPORT_FIELD_REQUEST:
    case NST_IMPORT_FIELD_COMPETENCES:
    case NST_IMPORT_FIELD_NOTE:
      return 10000;
    case NST_IMPORT_FIELD_SURNAME:
    case NST_IMPORT_FIELD_NAME:
    case NST_IMPORT_FIELD_PATRONYMIC:
      return 100;
    default:
      return 500;
    }
}

static gboolean
row_is_empty (NstImportPlan *self,
              guint          row)
{
  guint n = nst_csv_table_get_n_fields (self->table, row);

  for (guint c = 0; c < n; c++)
    for (const char *p = nst_csv_table_get_field (self->table, row, c); *p; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

static char *
parse_date (const char  *text,
            char       **iso)
{
  GDate date;

  if (!nst_date_parse_any (text, &date))
    return g_strdup_printf (_("“%s” is not a date: enter it as DD.MM.YYYY"), text);
  *iso = nst_date_format_iso (&date);
  return NULL;
}

/* Years of experience, unless the file also has the start date for it. */
static char *
apply_years (NstImportPlan  *self,
             NstImportRow   *row,
             guint           csv_row,
             NstImportField  since_field,
             const char     *text)
{
  int since_column = self->field_column[since_field];
  g_autofree char *since_text = NULL;
  g_autofree char *iso = NULL;
  GDate date;

  if (since_column >= 0 && *(since_text = cell_text (self, csv_row, since_column)) != '\0')
    return NULL;
  if (nst_date_parse_any (text, &date))
    iso = nst_date_format_iso (&date);
  else if (!nst_import_parse_years (text, &self->today, &iso))
    return g_strdup_printf (_("“%s” is not a number of years"), text);
  find_text_field (since_field)->set (nst_import_row_get_participant (row), iso);
  nst_import_row_add_given (row, NST_IMPORT_FIELD_BIT (since_field));
  return NULL;
}

static char *
apply_flag (NstImportRow   *row,
            NstImportField  field,
            const char     *text)
{
  NstParticipant *p = nst_import_row_get_participant (row);
  gboolean value;

  if (!nst_import_parse_flag (text, &value))
    return g_strdup_printf (_("“%s” is neither «да» nor «нет»"), text);
  if (field == NST_IMPORT_FIELD_YOUNG_SPECIALIST)
    nst_participant_set_young_specialist (p, value);
  else if (field == NST_IMPORT_FIELD_IS_MENTOR)
    nst_participant_set_is_mentor (p, value);
  else if (field == NST_IMPORT_FIELD_IS_MENTEE)
    nst_participant_set_is_mentee (p, value);
  else
    nst_participant_set_archived (p, value);
  nst_import_row_add_given (row, NST_IMPORT_FIELD_BIT (field));
  return NULL;
}

static char *
apply_full_name (NstImportPlan *self,
                 NstImportRow  *row,
                 const char    *text)
{
  NstParticipant *p = nst_import_row_get_participant (row);
  g_autofree char *surname = NULL, *name = NULL, *patronymic = NULL;

  /* Separate columns say it better. */
  if (self->field_column[NST_IMPORT_FIELD_SURNAME] >= 0)
    return NULL;
  nst_import_split_full_name (text, &surname, &name, &patronymic);
  nst_participant_set_surname (p, surname);
  nst_participant_set_name (p, name);
  nst_participant_set_patronymic (p, patronymic);
  nst_import_row_add_given (row, NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_SURNAME) |
                                 NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_NAME) |
                                 NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_PATRONYMIC));
  return NULL;
}

static char *
apply_choice (NstImportRow   *row,
              NstImportField  field,
              const char     *text)
{
  NstParticipant *p = nst_import_row_get_participant (row);
  NstCategory category;
  NstQualification qualification;
  gboolean mentor, mentee;

  if (field == NST_IMPORT_FIELD_CATEGORY)
    {
      if (!nst_category_parse_label (text, &category))
        return g_strdup_printf (_("Unknown category “%s”: use педагог, обучающийся, "
                                  "партнёр or руководитель"), text);
      nst_participant_set_category (p, category);
    }
  else if (field == NST_IMPORT_FIELD_QUALIFICATION)
    {
      if (!nst_import_parse_qualification (text, &qualification))
        return g_strdup_printf (_("Unknown qualification category “%s”: use без категории, "
                                  "соответствие, первая or высшая"), text);
      nst_participant_set_qualification (p, qualification);
    }
  else
    {
      if (!nst_import_parse_role (text, &mentor, &mentee))
        return g_strdup_printf (_("Unknown role “%s”: use наставник, наставляемый or both"),
                                text);
      nst_participant_set_is_mentor (p, mentor);
      nst_participant_set_is_mentee (p, mentee);
      nst_import_row_add_given (row, NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_IS_MENTOR) |
                                     NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_IS_MENTEE));
      return NULL;
    }
  nst_import_row_add_given (row, NST_IMPORT_FIELD_BIT (field));
  return NULL;
}

/* Returns the problem with the cell, or NULL. */
static char *
apply_cell (NstImportPlan *self,
            NstImportRow  *row,
            guint          csv_row,
            NstImportField field,
            const char    *text)
{
  const TextAccess *access = find_text_field (field);
  g_autofree char *iso = NULL;
  char *problem;

  switch (field)
    {
    case NST_IMPORT_FIELD_FULL_NAME:
      return apply_full_name (self, row, text);
    case NST_IMPORT_FIELD_BIRTH_DATE:
    case NST_IMPORT_FIELD_TEACHING_SINCE:
    case NST_IMPORT_FIELD_MENTORING_SINCE:
      if ((problem = parse_date (text, &iso)) != NULL)
        return problem;
      text = iso;
      break;
    case NST_IMPORT_FIELD_TEACHING_YEARS:
      return apply_years (self, row, csv_row, NST_IMPORT_FIELD_TEACHING_SINCE, text);
    case NST_IMPORT_FIELD_MENTORING_YEARS:
      return apply_years (self, row, csv_row, NST_IMPORT_FIELD_MENTORING_SINCE, text);
    case NST_IMPORT_FIELD_CATEGORY:
    case NST_IMPORT_FIELD_QUALIFICATION:
    case NST_IMPORT_FIELD_ROLE:
      return apply_choice (row, field, text);
    case NST_IMPORT_FIELD_YOUNG_SPECIALIST:
    case NST_IMPORT_FIELD_IS_MENTOR:
    case NST_IMPORT_FIELD_IS_MENTEE:
    case NST_IMPORT_FIELD_ARCHIVED:
      return apply_flag (row, field, text);
    default:
      break;
    }
  if (access == NULL)
    return NULL;
  access->set (nst_import_row_get_participant (row), text);
  nst_import_row_add_given (row, NST_IMPORT_FIELD_BIT (field));
  return NULL;
}

/* The participant's own rules, each against the column it comes from. */
static void
check_rules (NstImportPlan  *self,
             NstImportRow   *row,
             NstParticipant *p)
{
  static const struct {
    NstParticipantField check;
    NstImportField field;
    NstImportField alternative;
  } checks[] = {
    { NST_PARTICIPANT_FIELD_SURNAME, NST_IMPORT_FIELD_SURNAME, NST_IMPORT_FIELD_FULL_NAME },
    { NST_PARTICIPANT_FIELD_NAME, NST_IMPORT_FIELD_NAME, NST_IMPORT_FIELD_FULL_NAME },
    { NST_PARTICIPANT_FIELD_PATRONYMIC, NST_IMPORT_FIELD_PATRONYMIC, NST_IMPORT_FIELD_FULL_NAME },
    { NST_PARTICIPANT_FIELD_CLASS_NAME, NST_IMPORT_FIELD_CLASS_NAME, NST_IMPORT_FIELD_NONE },
    { NST_PARTICIPANT_FIELD_BIRTH_DATE, NST_IMPORT_FIELD_BIRTH_DATE, NST_IMPORT_FIELD_NONE },
    { NST_PARTICIPANT_FIELD_TEACHING_SINCE, NST_IMPORT_FIELD_TEACHING_SINCE,
      NST_IMPORT_FIELD_TEACHING_YEARS },
    { NST_PARTICIPANT_FIELD_MENTORING_SINCE, NST_IMPORT_FIELD_MENTORING_SINCE,
      NST_IMPORT_FIELD_MENTORING_YEARS },
  };
  int reported = -2;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      int column = self->field_column[checks[i].field];
      g_autofree char *problem = NULL;

      if (column < 0 && checks[i].alternative != NST_IMPORT_FIELD_NONE)
        column = self->field_column[checks[i].alternative];
      /* One problem is enough for the ФИО column. */
      if (column >= 0 && column == reported)
        continue;
      problem = nst_participant_check_field (p, checks[i].check, &self->today);
      if (problem == NULL)
        continue;
      nst_import_row_add_problem (row, column,
                                  column >= 0 ? column_header (self, column)
                                              : nst_import_field_header (checks[i].field),
                                  problem, TRUE);
      reported = column;
    }
}

/* A file that does not say who is a young specialist still says when each
 * teacher began: one in the first three years of work is suggested as one
 * (a new person only; the registry's own mark is not overruled). */
static void
suggest_young_specialist (NstImportPlan  *self,
                          NstImportRow   *row,
                          NstParticipant *p)
{
  int years;

  if (nst_import_row_get_given (row) & NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_YOUNG_SPECIALIST) ||
      nst_participant_get_category (p) != NST_CATEGORY_TEACHER)
    return;
  years = nst_date_years_since_iso (nst_participant_get_teaching_since (p), &self->today);
  if (years >= 0 && years < 3)
    nst_participant_set_young_specialist (p, TRUE);
}

/* «8Б», «8 Б», «8-б», «11»: what a school writes for a class. */
static gboolean
looks_like_class (const char *text)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^\\s*(1[01]|[1-9])\\s*[-–]?\\s*\\p{Cyrillic}?\\s*$",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (regex, text, 0, NULL);
}

/* A school's list often puts a student's class where staff have their
 * post («Должность»: «8Б»), or names the column «Должность/класс». */
static void
take_class_from_post (NstImportRow   *row,
                      NstParticipant *p)
{
  g_autofree char *class_name = NULL;

  if (nst_participant_get_category (p) != NST_CATEGORY_STUDENT ||
      *nst_participant_get_class_name (p) != '\0' ||
      !looks_like_class (nst_participant_get_post (p)))
    return;
  class_name = g_strstrip (g_strdup (nst_participant_get_post (p)));
  nst_participant_set_class_name (p, class_name);
  nst_participant_set_post (p, "");
  nst_import_row_add_given (row, NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_CLASS_NAME));
}

static NstImportRow *
build_row (NstImportPlan *self,
           guint          csv_row)
{
  g_autoptr(NstParticipant) p = nst_participant_new ();
  NstImportRow *row = nst_import_row_new (nst_csv_table_get_line (self->table, csv_row), p);

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *text = NULL;
      g_autofree char *problem = NULL;
      glong length;

      if (self->fields[c] == NST_IMPORT_FIELD_NONE ||
          *(text = cell_text (self, csv_row, c)) == '\0')
        continue;
      if ((length = g_utf8_strlen (text, -1)) > (glong) max_length_of (self->fields[c]))
        problem = g_strdup_printf (_("Too long: %ld characters, at most %u"),
                                   length, max_length_of (self->fields[c]));
      else
        problem = apply_cell (self, row, csv_row, self->fields[c], text);
      if (problem != NULL)
        nst_import_row_add_problem (row, c, column_header (self, c), problem, FALSE);
    }
  /* Without a category, a class tells a student from a member of staff. */
  if (!(nst_import_row_get_given (row) & NST_IMPORT_FIELD_BIT (NST_IMPORT_FIELD_CATEGORY)))
    nst_participant_set_category (p, *nst_participant_get_class_name (p)
                                     ? NST_CATEGORY_STUDENT : NST_CATEGORY_TEACHER);
  take_class_from_post (row, p);
  suggest_young_specialist (self, row, p);
  return row;
}

static void
build_rows (NstImportPlan *self)
{
  guint n = nst_csv_table_get_n_rows (self->table);
  guint old = self->row_array->len;

  g_ptr_array_set_size (self->row_array, 0);
  for (guint r = self->header_row + 1; r < n; r++)
    if (!row_is_empty (self, r))
      g_ptr_array_add (self->row_array, build_row (self, r));
  resolve (self);
  g_list_store_splice (self->rows, 0, old, self->row_array->pdata, self->row_array->len);
}

/* ---- columns ------------------------------------------------------------- */

static void
update_field_columns (NstImportPlan *self)
{
  for (guint f = 0; f < NST_IMPORT_N_FIELDS; f++)
    self->field_column[f] = -1;
  for (guint c = 0; c < self->n_columns; c++)
    if (self->fields[c] != NST_IMPORT_FIELD_NONE && self->field_column[self->fields[c]] < 0)
      self->field_column[self->fields[c]] = (int) c;
}

/* A school's list often opens with its title («Список педагогических
 * работников МАОУ …») and a blank line: the header is the first of the
 * first rows that names at least two known columns, or else the first. */
#define HEADER_SEARCH_ROWS 10

static guint
find_header_row (NstCsvTable *table)
{
  guint n = MIN (nst_csv_table_get_n_rows (table), HEADER_SEARCH_ROWS);

  for (guint r = 0; r < n; r++)
    {
      guint known = 0;

      for (guint c = 0; c < nst_csv_table_get_n_fields (table, r) && known < 2; c++)
        known += nst_import_field_from_header (nst_csv_table_get_field (table, r, c)) !=
                 NST_IMPORT_FIELD_NONE;
      if (known >= 2)
        return r;
    }
  return 0;
}

/* A column named twice is recognised once; an unnamed one is ignored. */
static void
recognise_columns (NstImportPlan *self)
{
  self->header_row = find_header_row (self->table);
  self->n_columns = nst_csv_table_get_n_fields (self->table, self->header_row);
  self->fields = g_new0 (NstImportField, self->n_columns);
  self->known = g_new0 (gboolean, self->n_columns);
  update_field_columns (self);
  for (guint c = 0; c < self->n_columns; c++)
    {
      NstImportField field = nst_import_field_from_header (column_header (self, c));

      if (field != NST_IMPORT_FIELD_NONE && self->field_column[field] >= 0)
        field = NST_IMPORT_FIELD_NONE;
      self->fields[c] = field;
      /* «№ п/п» numbers the rows: nothing to take, nothing to warn of. */
      self->known[c] = field != NST_IMPORT_FIELD_NONE || *column_header (self, c) == '\0' ||
                       nst_import_header_is_row_number (column_header (self, c));
      if (field != NST_IMPORT_FIELD_NONE)
        self->field_column[field] = (int) c;
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
nst_import_plan_finalize (GObject *object)
{
  NstImportPlan *self = NST_IMPORT_PLAN (object);

  g_clear_pointer (&self->table, nst_csv_table_free);
  g_free (self->fields);
  g_free (self->known);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->row_array, g_ptr_array_unref);
  g_clear_pointer (&self->existing, g_ptr_array_unref);
  G_OBJECT_CLASS (nst_import_plan_parent_class)->finalize (object);
}

static void
nst_import_plan_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NstImportPlan *self = NST_IMPORT_PLAN (object);

  switch (prop_id)
    {
    case PROP_ON_DUPLICATE: g_value_set_uint (value, self->on_duplicate); break;
    case PROP_N_NEW: g_value_set_uint (value, self->counts[NST_IMPORT_ROW_NEW]); break;
    case PROP_N_UPDATED: g_value_set_uint (value, self->counts[NST_IMPORT_ROW_UPDATE]); break;
    case PROP_N_SKIPPED: g_value_set_uint (value, self->counts[NST_IMPORT_ROW_SKIP]); break;
    case PROP_N_INVALID: g_value_set_uint (value, self->counts[NST_IMPORT_ROW_INVALID]); break;
    case PROP_N_UNKNOWN_COLUMNS:
      g_value_set_uint (value, nst_import_plan_get_n_unknown_columns (self));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_import_plan_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NstImportPlan *self = NST_IMPORT_PLAN (object);

  switch (prop_id)
    {
    case PROP_ON_DUPLICATE: nst_import_plan_set_on_duplicate (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
count_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
nst_import_plan_class_init (NstImportPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nst_import_plan_finalize;
  object_class->get_property = nst_import_plan_get_property;
  object_class->set_property = nst_import_plan_set_property;

  properties[PROP_ON_DUPLICATE] =
    g_param_spec_uint ("on-duplicate", NULL, NULL, 0, NST_IMPORT_DUPLICATES_UPDATE,
                       NST_IMPORT_DUPLICATES_SKIP,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_NEW] = count_property ("n-new");
  properties[PROP_N_UPDATED] = count_property ("n-updated");
  properties[PROP_N_SKIPPED] = count_property ("n-skipped");
  properties[PROP_N_INVALID] = count_property ("n-invalid");
  properties[PROP_N_UNKNOWN_COLUMNS] = count_property ("n-unknown-columns");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_import_plan_init (NstImportPlan *self)
{
  self->rows = g_list_store_new (NST_TYPE_IMPORT_ROW);
  self->row_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->on_duplicate = NST_IMPORT_DUPLICATES_SKIP;
  nst_date_today (&self->today);
}

/* ---- public -------------------------------------------------------------- */

/* Takes @table. */
static NstImportPlan *
plan_new_for_table (NstCsvTable  *table,
                    GError      **error)
{
  NstImportPlan *self;

  if (nst_csv_table_get_n_rows (table) == 0)
    {
      nst_csv_table_free (table);
      g_set_error (error, NST_IMPORT_ERROR, NST_IMPORT_ERROR_EMPTY,
                   _("The file is empty: it has not even a header line"));
      return NULL;
    }
  self = g_object_new (NST_TYPE_IMPORT_PLAN, NULL);
  self->table = table;
  recognise_columns (self);
  build_rows (self);
  return self;
}

/**
 * nst_import_plan_new_for_bytes:
 * @bytes: the CSV file's contents
 *
 * Reads the file, recognises its columns and checks every row; nothing
 * is written and no database is needed.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL when the file
 *   cannot be read, with @error naming the line
 */
NstImportPlan *
nst_import_plan_new_for_bytes (GBytes  *bytes,
                               GError **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  NstCsvTable *table = nst_csv_table_parse (data, length, error);

  return table ? plan_new_for_table (table, error) : NULL;
}

/* A spreadsheet is told from a CSV file by its first bytes, not by its
 * name: a table saved as «.csv» by mistake still reads. */
static gboolean
file_is_spreadsheet (GFile        *file,
                     GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  char head[8];
  gsize n = 0;

  return stream != NULL &&
         g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n,
                                  cancellable, NULL) &&
         nst_sheet_is_spreadsheet (head, n);
}

static NstImportPlan *
plan_new_for_spreadsheet (GFile   *file,
                          GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  NstCsvTable *table;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("A spreadsheet can be read from a local file only: copy it to this computer"));
      return NULL;
    }
  table = nst_sheet_table_read_file (path, error);
  return table ? plan_new_for_table (table, error) : NULL;
}

/**
 * nst_import_plan_new_for_file:
 * @file: a CSV file, or the first worksheet of an XLSX, ODS or XLS one
 *
 * Returns: (transfer full) (nullable): the plan of importing @file
 */
NstImportPlan *
nst_import_plan_new_for_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  NstImportPlan *self;

  if (file_is_spreadsheet (file, cancellable))
    self = plan_new_for_spreadsheet (file, error);
  else if ((bytes = g_file_load_bytes (file, cancellable, NULL, error)) == NULL)
    return NULL;
  else
    self = nst_import_plan_new_for_bytes (bytes, error);
  if (self == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_prefix_error (error, "%s: ", name);
    }
  return self;
}

/**
 * nst_import_plan_set_existing:
 * @participants: (nullable): the registry, a model of #NstParticipant
 *
 * Gives the registry the rows are compared with for duplicates. The plan
 * keeps the participants, not the model, so the model may change later.
 */
void
nst_import_plan_set_existing (NstImportPlan *self,
                              GListModel    *participants)
{
  guint n = participants ? g_list_model_get_n_items (participants) : 0;

  g_return_if_fail (NST_IS_IMPORT_PLAN (self));
  g_clear_pointer (&self->existing, g_ptr_array_unref);
  self->existing = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->existing, g_list_model_get_item (participants, i));
  resolve (self);
}

NstImportDuplicates
nst_import_plan_get_on_duplicate (NstImportPlan *self)
{
  g_return_val_if_fail (NST_IS_IMPORT_PLAN (self), NST_IMPORT_DUPLICATES_SKIP);
  return self->on_duplicate;
}

/* Duplicates are skipped unless told otherwise: an import never changes
 * what the registry holds without being asked to. */
void
nst_import_plan_set_on_duplicate (NstImportPlan       *self,
                                  NstImportDuplicates  on_duplicate)
{
  g_return_if_fail (NST_IS_IMPORT_PLAN (self));
  if (self->on_duplicate == on_duplicate)
    return;
  self->on_duplicate = on_duplicate;
  resolve (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ON_DUPLICATE]);
}

guint
nst_import_plan_get_n_columns (NstImportPlan *self)
{
  g_return_val_if_fail (NST_IS_IMPORT_PLAN (self), 0);
  return self->n_columns;
}

/**
 * nst_import_plan_get_column_header:
 *
 * Returns: (transfer none): the column's header as the file has it
 */
const char *
nst_import_plan_get_column_header (NstImportPlan *self,
                                   guint          column)
{
  g_return_val_if_fail (NST_IS_IMPORT_PLAN (self) && column < self->n_columns, "");
  return column_header (self, column);
}

NstImportField
nst_import_plan_get_column_field (NstImportPlan *self,
                                  guint          column)
{
  g_return_val_if_fail (NST_IS_IMPORT_PLAN (self) && column < self->n_columns,
                        NST_IMPORT_FIELD_NONE);
  return self->fields[column];
}

/* FALSE for a column whose header was not recognised and that the user
 * has neither mapped nor chosen to ignore: it is ignored meanwhile. */
gboolean
nst_import_plan_get_column_known (NstImportPlan *self,
                                  guint          column)
{
  g_return_val_if_fail (NST_IS_IMPORT_PLAN (self) && column < self->n_columns, TRUE);
  return self->known[column];
}

guint
nst_import_plan_get_n_unknown_columns (NstImportPlan *self)
{
  guint n = 0;

  for (guint c = 0; c < self->n_columns; c++)
    n += !self->known[c];
  return n;
}

/**
 * nst_import_plan_map_column:
 * @field: what the column holds, or %NST_IMPORT_FIELD_NONE to ignore it
 *
 * A field has one column: the column that had @field before is ignored.
 * The rows are read again.
 */
void
nst_import_plan_map_column (NstImportPlan  *self,
                            guint           column,
                            NstImportField  field)
{
  guint unknown;

  g_return_if_fail (NST_IS_IMPORT_PLAN (self));
  g_return_if_fail (column < self->n_columns && field < NST_IMPORT_N_FIELDS);
  unknown = nst_import_plan_get_n_unknown_columns (self);
  for (guint c = 0; field != NST_IMPORT_FIELD_NONE && c < self->n_columns; c++)
    if (self->fields[c] == field)
      self->fields[c] = NST_IMPORT_FIELD_NONE;
  self->fields[column] = field;
  self->known[column] = TRUE;
  update_field_columns (self);
  build_rows (self);
  if (unknown != nst_import_plan_get_n_unknown_columns (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNKNOWN_COLUMNS]);
}

/* A file must say who each row is: by surname or by full name. */
gboolean
nst_import_plan_check_columns (NstImportPlan  *self,
                               GError        **error)
{
  g_return_val_if_fail (NST_IS_IMPORT_PLAN (self), FALSE);
  if (self->field_column[NST_IMPORT_FIELD_SURNAME] >= 0 ||
      self->field_column[NST_IMPORT_FIELD_FULL_NAME] >= 0)
    return TRUE;
  g_set_error (error, NST_IMPORT_ERROR, NST_IMPORT_ERROR_NO_NAME_COLUMN,
               _("The file has no “%s” or “%s” column: name the column of surnames so in "
                 "the header line, or choose it in the import window"),
               nst_import_field_header (NST_IMPORT_FIELD_SURNAME),
               nst_import_field_header (NST_IMPORT_FIELD_FULL_NAME));
  return FALSE;
}

/**
 * nst_import_plan_get_rows:
 *
 * Returns: (transfer none): a model of #NstImportRow in file order,
 *   replaced whole when a column is mapped
 */
GListModel *
nst_import_plan_get_rows (NstImportPlan *self)
{
  g_return_val_if_fail (NST_IS_IMPORT_PLAN (self), NULL);
  return G_LIST_MODEL (self->rows);
}

guint
nst_import_plan_count (NstImportPlan      *self,
                       NstImportRowStatus  status)
{
  g_return_val_if_fail (NST_IS_IMPORT_PLAN (self) && status < N_STATUSES, 0);
  return self->counts[status];
}

gboolean
nst_import_plan_can_commit (NstImportPlan *self)
{
  g_return_val_if_fail (NST_IS_IMPORT_PLAN (self), FALSE);
  return nst_import_plan_check_columns (self, NULL) &&
         self->counts[NST_IMPORT_ROW_INVALID] == 0 && self->row_array->len > 0;
}

/* ---- commit -------------------------------------------------------------- */

static gboolean
commit_row (Resolver        *r,
            NstStore        *store,
            NstImportRow    *row,
            NstImportCounts *counts,
            GError         **error)
{
  g_autoptr(GPtrArray) consents = NULL;
  NstParticipant *merged, *copy;
  Target *target;

  switch (resolver_decide (r, row, &target, &merged))
    {
    case NST_IMPORT_ROW_NEW:
      copy = nst_participant_copy (nst_import_row_get_participant (row));
      g_ptr_array_add (r->keep, copy);
      if (!nst_store_save_participant (store, copy, NULL, error))
        return FALSE;
      resolver_accept (r, row, NST_IMPORT_ROW_NEW, NULL, copy);
      counts->added++;
      break;
    case NST_IMPORT_ROW_UPDATE:
      /* Saving replaces the consents: the participant's own go back in. */
      consents = nst_store_list_consents (store, nst_participant_get_id (merged), error);
      if (consents == NULL || !nst_store_save_participant (store, merged, consents, error))
        return FALSE;
      resolver_accept (r, row, NST_IMPORT_ROW_UPDATE, target, merged);
      counts->updated++;
      break;
    case NST_IMPORT_ROW_SKIP:
    case NST_IMPORT_ROW_INVALID:
    default:
      counts->skipped++;
      break;
    }
  return TRUE;
}

/* Duplicates are found again against the registry as it is inside the
 * transaction, not as it was when the preview was made. The rows are only
 * read: what is saved are copies. */
static gboolean
commit_rows (NstImportPlan          *self,
             NstStore               *store,
             NstImportProgressFunc   progress,
             gpointer                user_data,
             GCancellable           *cancellable,
             NstImportCounts        *counts,
             GError                **error)
{
  g_autoptr(GListStore) registry = nst_store_list_participants (store, error);
  g_autoptr(GPtrArray) existing = NULL;
  guint n = self->row_array->len;
  gboolean ok = TRUE;
  Resolver r;

  if (registry == NULL)
    return FALSE;
  existing = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (registry)); i++)
    g_ptr_array_add (existing, g_list_model_get_item (G_LIST_MODEL (registry), i));
  resolver_init (&r, existing, self->on_duplicate);
  for (guint i = 0; ok && i < n; i++)
    {
      NstImportRow *row = g_ptr_array_index (self->row_array, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if (progress != NULL && i % PROGRESS_EVERY == 0)
        progress (i, n, user_data);
      if (ok && !(ok = commit_row (&r, store, row, counts, error)))
        g_prefix_error (error, _("Line %u: "), nst_import_row_get_line (row));
    }
  resolver_clear (&r);
  if (ok && progress != NULL)
    progress (n, n, user_data);
  return ok;
}

/**
 * nst_import_plan_commit:
 * @store: the database; its connection must not be used by another thread
 *   meanwhile
 * @progress: (nullable) (scope call): told how far the commit is
 * @counts: (out caller-allocates): how many were added, updated, skipped
 *
 * Imports every row in one transaction: all of them, or, on any error or
 * cancellation, none. A plan with invalid rows imports nothing.
 */
gboolean
nst_import_plan_commit (NstImportPlan          *self,
                        NstStore               *store,
                        NstImportProgressFunc   progress,
                        gpointer                user_data,
                        GCancellable           *cancellable,
                        NstImportCounts        *counts,
                        GError                **error)
{
  NstImportCounts result = { 0, 0, 0 };
  guint invalid;

  g_return_val_if_fail (NST_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (NST_IS_STORE (store), FALSE);
  if (!nst_import_plan_check_columns (self, error))
    return FALSE;
  if ((invalid = self->counts[NST_IMPORT_ROW_INVALID]) > 0)
    {
      g_set_error (error, NST_IMPORT_ERROR, NST_IMPORT_ERROR_INVALID_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row has errors: nothing was imported",
                                "%u rows have errors: nothing was imported", invalid),
                   invalid);
      return FALSE;
    }
  if (!nst_store_begin (store, error))
    return FALSE;
  if (!commit_rows (self, store, progress, user_data, cancellable, &result, error))
    {
      nst_store_rollback (store);
      return FALSE;
    }
  if (!nst_store_commit (store, error))
    return FALSE;
  if (counts != NULL)
    *counts = result;
  return TRUE;
}
