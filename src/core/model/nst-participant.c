/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-participant"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "model/nst-participant.h"
#include "text/nst-ru-text.h"

/* The text fields share one array, so that their properties, getters and
 * setters are one line each; the order matches the first properties. */
typedef enum
{
  FIELD_SURNAME,
  FIELD_NAME,
  FIELD_PATRONYMIC,
  FIELD_POST,
  FIELD_CLASS_NAME,
  FIELD_SUBJECTS,
  FIELD_BIRTH_DATE,
  FIELD_TEACHING_SINCE,
  FIELD_MENTORING_SINCE,
  FIELD_REQUEST,
  FIELD_COMPETENCES,
  FIELD_EMAIL,
  FIELD_PHONE,
  FIELD_CONTACT,
  FIELD_NOTE,
  N_FIELDS
} TextField;

struct _NstParticipant
{
  GObject parent_instance;

  gint64 id;
  char *text[N_FIELDS];
  NstCategory category;
  NstQualification qualification;
  gboolean young_specialist;
  gboolean is_mentor;
  gboolean is_mentee;
  gboolean archived;
  NstConsentMissing missing_consents;

  /* Caches of derived keys, dropped when a field they use changes. */
  char *sort_key;
  char *search_key;
};

G_DEFINE_FINAL_TYPE (NstParticipant, nst_participant, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* PROP_SURNAME .. PROP_NOTE follow TextField */
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_FIELDS - 1,
  PROP_ID,
  PROP_CATEGORY,
  PROP_QUALIFICATION,
  PROP_YOUNG_SPECIALIST,
  PROP_IS_MENTOR,
  PROP_IS_MENTEE,
  PROP_ARCHIVED,
  PROP_MISSING_CONSENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *text_property_names[N_FIELDS] = {
  "surname", "name", "patronymic", "post", "class-name", "subjects",
  "birth-date", "teaching-since", "mentoring-since", "request", "competences",
  "email", "phone", "contact", "note",
};

static const char *category_codes[NST_N_CATEGORIES] = {
  "teacher", "student", "partner", "head",
};

static const char *qualification_codes[NST_N_QUALIFICATIONS] = {
  "none", "conformity", "first", "highest",
};

const char *
nst_category_to_code (NstCategory category)
{
  g_return_val_if_fail (category < NST_N_CATEGORIES, "teacher");
  return category_codes[category];
}

NstCategory
nst_category_from_code (const char *code)
{
  for (guint i = 0; i < NST_N_CATEGORIES; i++)
    if (g_strcmp0 (code, category_codes[i]) == 0)
      return i;
  return NST_CATEGORY_TEACHER;
}

const char *
nst_category_label (NstCategory category)
{
  switch (category)
    {
    case NST_CATEGORY_TEACHER: return C_("category", "teacher");
    case NST_CATEGORY_STUDENT: return C_("category", "student");
    case NST_CATEGORY_PARTNER: return C_("category", "partner");
    case NST_CATEGORY_HEAD: return C_("category", "head");
    case NST_N_CATEGORIES:
    default: break;
    }
  return "";
}

/* Accepts a code, an English label or the Russian word in any case. */
gboolean
nst_category_parse_label (const char  *text,
                          NstCategory *out)
{
  static const char *russian[NST_N_CATEGORIES] = {
    "педагог", "обучающийся", "партнёр", "руководитель",
  };
  g_autofree char *folded = nst_ru_fold (text);

  for (guint i = 0; i < NST_N_CATEGORIES; i++)
    {
      g_autofree char *ru = nst_ru_fold (russian[i]);
      g_autofree char *label = nst_ru_fold (nst_category_label (i));

      if (g_str_equal (folded, ru) || g_str_equal (folded, label) ||
          g_str_equal (folded, category_codes[i]))
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
nst_qualification_to_code (NstQualification qualification)
{
  g_return_val_if_fail (qualification < NST_N_QUALIFICATIONS, "none");
  return qualification_codes[qualification];
}

NstQualification
nst_qualification_from_code (const char *code)
{
  for (guint i = 0; i < NST_N_QUALIFICATIONS; i++)
    if (g_strcmp0 (code, qualification_codes[i]) == 0)
      return i;
  return NST_QUALIFICATION_NONE;
}

const char *
nst_qualification_label (NstQualification qualification)
{
  switch (qualification)
    {
    case NST_QUALIFICATION_NONE: return _("no category");
    case NST_QUALIFICATION_CONFORMITY: return _("conformity to the post");
    case NST_QUALIFICATION_FIRST: return _("first");
    case NST_QUALIFICATION_HIGHEST: return _("highest");
    case NST_N_QUALIFICATIONS:
    default: break;
    }
  return "";
}

static void
drop_derived_keys (NstParticipant *self)
{
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_pointer (&self->search_key, g_free);
}

static const char *
get_text (NstParticipant *self,
          TextField       field)
{
  g_return_val_if_fail (NST_IS_PARTICIPANT (self), "");
  return self->text[field] ? self->text[field] : "";
}

/* Stores trimmed text, with "" for nothing, and notifies only on change. */
static void
set_text (NstParticipant *self,
          TextField       field,
          const char     *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  g_return_if_fail (NST_IS_PARTICIPANT (self));
  if (g_strcmp0 (get_text (self, field), trimmed) == 0)
    return;
  g_free (self->text[field]);
  self->text[field] = g_steal_pointer (&trimmed);
  drop_derived_keys (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + field]);
}

static void
set_flag (NstParticipant *self,
          gboolean       *flag,
          gboolean        value,
          guint           prop_id)
{
  value = !!value;
  if (*flag == value)
    return;
  *flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
nst_participant_finalize (GObject *object)
{
  NstParticipant *self = NST_PARTICIPANT (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->text[i]);
  drop_derived_keys (self);
  G_OBJECT_CLASS (nst_participant_parent_class)->finalize (object);
}

static void
nst_participant_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NstParticipant *self = NST_PARTICIPANT (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      g_value_set_string (value, get_text (self, prop_id - PROP_FIRST_TEXT));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CATEGORY: g_value_set_uint (value, self->category); break;
    case PROP_QUALIFICATION: g_value_set_uint (value, self->qualification); break;
    case PROP_YOUNG_SPECIALIST: g_value_set_boolean (value, self->young_specialist); break;
    case PROP_IS_MENTOR: g_value_set_boolean (value, self->is_mentor); break;
    case PROP_IS_MENTEE: g_value_set_boolean (value, self->is_mentee); break;
    case PROP_ARCHIVED: g_value_set_boolean (value, self->archived); break;
    case PROP_MISSING_CONSENTS: g_value_set_uint (value, self->missing_consents); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_participant_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NstParticipant *self = NST_PARTICIPANT (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: nst_participant_set_id (self, g_value_get_int64 (value)); break;
    case PROP_CATEGORY: nst_participant_set_category (self, g_value_get_uint (value)); break;
    case PROP_QUALIFICATION: nst_participant_set_qualification (self, g_value_get_uint (value)); break;
    case PROP_YOUNG_SPECIALIST: nst_participant_set_young_specialist (self, g_value_get_boolean (value)); break;
    case PROP_IS_MENTOR: nst_participant_set_is_mentor (self, g_value_get_boolean (value)); break;
    case PROP_IS_MENTEE: nst_participant_set_is_mentee (self, g_value_get_boolean (value)); break;
    case PROP_ARCHIVED: nst_participant_set_archived (self, g_value_get_boolean (value)); break;
    case PROP_MISSING_CONSENTS: nst_participant_set_missing_consents (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS);
}

static void
nst_participant_class_init (NstParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_participant_finalize;
  object_class->get_property = nst_participant_get_property;
  object_class->set_property = nst_participant_set_property;

  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, "", flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CATEGORY] =
    g_param_spec_uint ("category", NULL, NULL, 0, NST_N_CATEGORIES - 1, 0, flags);
  properties[PROP_QUALIFICATION] =
    g_param_spec_uint ("qualification", NULL, NULL, 0, NST_N_QUALIFICATIONS - 1, 0, flags);
  properties[PROP_YOUNG_SPECIALIST] = boolean_property ("young-specialist");
  properties[PROP_IS_MENTOR] = boolean_property ("is-mentor");
  properties[PROP_IS_MENTEE] = boolean_property ("is-mentee");
  properties[PROP_ARCHIVED] = boolean_property ("archived");
  properties[PROP_MISSING_CONSENTS] =
    g_param_spec_uint ("missing-consents", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_participant_init (NstParticipant *self)
{
}

NstParticipant *
nst_participant_new (void)
{
  return g_object_new (NST_TYPE_PARTICIPANT, NULL);
}

/**
 * nst_participant_copy:
 *
 * A detached copy for an editor to change freely.
 *
 * Returns: (transfer full): the copy
 */
NstParticipant *
nst_participant_copy (NstParticipant *self)
{
  NstParticipant *copy = nst_participant_new ();

  copy->id = self->id;
  for (guint i = 0; i < N_FIELDS; i++)
    copy->text[i] = g_strdup (self->text[i]);
  copy->category = self->category;
  copy->qualification = self->qualification;
  copy->young_specialist = self->young_specialist;
  copy->is_mentor = self->is_mentor;
  copy->is_mentee = self->is_mentee;
  copy->archived = self->archived;
  copy->missing_consents = self->missing_consents;
  return copy;
}

gint64 nst_participant_get_id (NstParticipant *self) { return self->id; }

void
nst_participant_set_id (NstParticipant *self,
                        gint64          id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define TEXT_ACCESSORS(field_name, FIELD) \
  const char *nst_participant_get_##field_name (NstParticipant *self) \
  { return get_text (self, FIELD); } \
  void nst_participant_set_##field_name (NstParticipant *self, const char *value) \
  { set_text (self, FIELD, value); }

TEXT_ACCESSORS (surname, FIELD_SURNAME)
TEXT_ACCESSORS (name, FIELD_NAME)
TEXT_ACCESSORS (patronymic, FIELD_PATRONYMIC)
TEXT_ACCESSORS (post, FIELD_POST)
TEXT_ACCESSORS (class_name, FIELD_CLASS_NAME)
TEXT_ACCESSORS (subjects, FIELD_SUBJECTS)
TEXT_ACCESSORS (birth_date, FIELD_BIRTH_DATE)
TEXT_ACCESSORS (teaching_since, FIELD_TEACHING_SINCE)
TEXT_ACCESSORS (mentoring_since, FIELD_MENTORING_SINCE)
TEXT_ACCESSORS (request, FIELD_REQUEST)
TEXT_ACCESSORS (competences, FIELD_COMPETENCES)
TEXT_ACCESSORS (email, FIELD_EMAIL)
TEXT_ACCESSORS (phone, FIELD_PHONE)
TEXT_ACCESSORS (contact, FIELD_CONTACT)
TEXT_ACCESSORS (note, FIELD_NOTE)

NstCategory nst_participant_get_category (NstParticipant *self) { return self->category; }

void
nst_participant_set_category (NstParticipant *self,
                              NstCategory     category)
{
  g_return_if_fail (category < NST_N_CATEGORIES);
  if (self->category == category)
    return;
  self->category = category;
  drop_derived_keys (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

NstQualification nst_participant_get_qualification (NstParticipant *self) { return self->qualification; }

void
nst_participant_set_qualification (NstParticipant   *self,
                                   NstQualification  qualification)
{
  g_return_if_fail (qualification < NST_N_QUALIFICATIONS);
  if (self->qualification == qualification)
    return;
  self->qualification = qualification;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUALIFICATION]);
}

gboolean nst_participant_get_young_specialist (NstParticipant *self) { return self->young_specialist; }
void nst_participant_set_young_specialist (NstParticipant *self, gboolean value)
{ set_flag (self, &self->young_specialist, value, PROP_YOUNG_SPECIALIST); }
gboolean nst_participant_get_is_mentor (NstParticipant *self) { return self->is_mentor; }
void nst_participant_set_is_mentor (NstParticipant *self, gboolean value)
{ set_flag (self, &self->is_mentor, value, PROP_IS_MENTOR); }
gboolean nst_participant_get_is_mentee (NstParticipant *self) { return self->is_mentee; }
void nst_participant_set_is_mentee (NstParticipant *self, gboolean value)
{ set_flag (self, &self->is_mentee, value, PROP_IS_MENTEE); }
gboolean nst_participant_get_archived (NstParticipant *self) { return self->archived; }
void nst_participant_set_archived (NstParticipant *self, gboolean value)
{ set_flag (self, &self->archived, value, PROP_ARCHIVED); }

NstConsentMissing nst_participant_get_missing_consents (NstParticipant *self) { return self->missing_consents; }

void
nst_participant_set_missing_consents (NstParticipant    *self,
                                      NstConsentMissing  missing)
{
  if (self->missing_consents == missing)
    return;
  self->missing_consents = missing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSING_CONSENTS]);
}

/* «Иванова Мария Петровна»; a missing patronymic leaves no double space. */
char *
nst_participant_dup_full_name (NstParticipant *self)
{
  GString *name = g_string_new (get_text (self, FIELD_SURNAME));

  for (TextField f = FIELD_NAME; f <= FIELD_PATRONYMIC; f++)
    if (*get_text (self, f))
      g_string_append_printf (name, "%s%s", name->len ? " " : "", get_text (self, f));
  return g_string_free (name, FALSE);
}

/* «Иванова М.П.», as orders and acknowledgement sheets write names. */
char *
nst_participant_dup_short_name (NstParticipant *self)
{
  GString *name = g_string_new (get_text (self, FIELD_SURNAME));

  for (TextField f = FIELD_NAME; f <= FIELD_PATRONYMIC; f++)
    {
      const char *part = get_text (self, f);

      if (*part == '\0')
        continue;
      if (f == FIELD_NAME)
        g_string_append_c (name, ' ');
      nst_ru_append_initials (name, part);
    }
  return g_string_free (name, FALSE);
}

/**
 * nst_participant_get_sort_key:
 *
 * Returns: (transfer none): the Russian collation key of the full name
 */
const char *
nst_participant_get_sort_key (NstParticipant *self)
{
  if (self->sort_key == NULL)
    {
      g_autofree char *full = nst_participant_dup_full_name (self);

      self->sort_key = nst_ru_collation_key (full);
    }
  return self->sort_key;
}

/**
 * nst_participant_get_search_key:
 *
 * Returns: (transfer none): the folded text that search looks in: full
 *   name, post, class and subjects
 */
const char *
nst_participant_get_search_key (NstParticipant *self)
{
  if (self->search_key == NULL)
    {
      g_autofree char *full = nst_participant_dup_full_name (self);
      g_autofree char *all = g_strjoin ("\n", full, get_text (self, FIELD_POST),
                                        get_text (self, FIELD_CLASS_NAME),
                                        get_text (self, FIELD_SUBJECTS), NULL);

      self->search_key = nst_ru_fold (all);
    }
  return self->search_key;
}

/* A student's class stands where a member of staff has a post. */
const char *
nst_participant_get_post_or_class (NstParticipant *self)
{
  if (self->category == NST_CATEGORY_STUDENT && *get_text (self, FIELD_CLASS_NAME))
    return get_text (self, FIELD_CLASS_NAME);
  return get_text (self, FIELD_POST);
}

/* -1 when the date of birth is not known. */
int
nst_participant_get_age (NstParticipant *self,
                         const GDate    *today)
{
  return nst_date_years_since_iso (get_text (self, FIELD_BIRTH_DATE), today);
}

/* 152-ФЗ: for a student under 14 a legal representative signs. */
gboolean
nst_participant_needs_representative (NstParticipant *self,
                                      const GDate    *today)
{
  int age = nst_participant_get_age (self, today);

  return self->category == NST_CATEGORY_STUDENT &&
         age >= 0 && age < NST_STUDENT_SELF_CONSENT_AGE;
}

/**
 * nst_participant_dup_consent_summary:
 *
 * Returns: (transfer full): «все согласия» or what is missing
 */
char *
nst_participant_dup_consent_summary (NstParticipant *self)
{
  /* Whole phrases, not pieces, so that each language can word them. */
  switch ((guint) self->missing_consents)
    {
    case NST_CONSENT_MISSING_NONE:
      return g_strdup (_("All present"));
    case NST_CONSENT_MISSING_PROCESSING:
      return g_strdup (_("Missing: personal data"));
    case NST_CONSENT_MISSING_MENTOR:
      return g_strdup (_("Missing: mentor's"));
    default:
      return g_strdup (_("Missing: personal data, mentor's"));
    }
}

/* Letters, with hyphens, spaces and apostrophes inside: «Петров-Водкин»,
 * «Д'Артаньян», «Анна Мария». */
static gboolean
is_name_part (const char *text)
{
  gunichar prev = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean joiner = c == '-' || c == ' ' || c == '\'' || c == 0x2019;

      if (!g_unichar_isalpha (c) && !joiner)
        return FALSE;
      if (joiner && (prev == 0 || !g_unichar_isalpha (prev)))
        return FALSE;
      prev = c;
    }
  return prev == 0 || g_unichar_isalpha (prev);
}

static char *
check_name_part (const char *text,
                 gboolean    required,
                 const char *missing_message)
{
  if (*text == '\0')
    return required ? g_strdup (missing_message) : NULL;
  if (!is_name_part (text))
    return g_strdup (_("Use letters only, with a hyphen or a space between parts"));
  return NULL;
}

static char *
check_past_date (const char  *iso,
                 gboolean     required,
                 const GDate *today)
{
  GDate date;

  if (*iso == '\0')
    return required ? g_strdup (_("Enter the date as DD.MM.YYYY")) : NULL;
  if (!nst_date_parse_iso (iso, &date))
    return g_strdup (_("Not a valid date: enter it as DD.MM.YYYY"));
  if (g_date_compare (&date, today) > 0)
    return g_strdup (_("The date cannot be in the future"));
  return NULL;
}

/**
 * nst_participant_check_field:
 * @today: the day of the check, so that tests can fix it
 *
 * Returns: (transfer full) (nullable): what is wrong with @field, or %NULL
 */
char *
nst_participant_check_field (NstParticipant      *self,
                             NstParticipantField  field,
                             const GDate         *today)
{
  gboolean student = self->category == NST_CATEGORY_STUDENT;

  switch (field)
    {
    case NST_PARTICIPANT_FIELD_SURNAME:
      return check_name_part (get_text (self, FIELD_SURNAME), TRUE, _("Enter the surname"));
    case NST_PARTICIPANT_FIELD_NAME:
      return check_name_part (get_text (self, FIELD_NAME), TRUE, _("Enter the first name"));
    case NST_PARTICIPANT_FIELD_PATRONYMIC:
      return check_name_part (get_text (self, FIELD_PATRONYMIC), FALSE, NULL);
    case NST_PARTICIPANT_FIELD_CLASS_NAME:
      if (student && *get_text (self, FIELD_CLASS_NAME) == '\0')
        return g_strdup (_("A student needs a class, such as 7Б"));
      return NULL;
    case NST_PARTICIPANT_FIELD_BIRTH_DATE:
      return check_past_date (get_text (self, FIELD_BIRTH_DATE), student, today);
    case NST_PARTICIPANT_FIELD_TEACHING_SINCE:
      return check_past_date (get_text (self, FIELD_TEACHING_SINCE), FALSE, today);
    case NST_PARTICIPANT_FIELD_MENTORING_SINCE:
      return check_past_date (get_text (self, FIELD_MENTORING_SINCE), FALSE, today);
    case NST_PARTICIPANT_N_CHECKED_FIELDS:
    default:
      break;
    }
  return NULL;
}

/**
 * nst_participant_check:
 *
 * Returns: (transfer full) (nullable): the first problem, or %NULL when the
 *   participant can be saved
 */
char *
nst_participant_check (NstParticipant *self,
                       const GDate    *today)
{
  for (NstParticipantField f = 0; f < NST_PARTICIPANT_N_CHECKED_FIELDS; f++)
    {
      g_autofree char *problem = nst_participant_check_field (self, f, today);

      if (problem != NULL)
        return g_steal_pointer (&problem);
    }
  return NULL;
}
