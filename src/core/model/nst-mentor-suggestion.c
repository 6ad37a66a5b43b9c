/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-suggestion"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "model/nst-mentor-suggestion.h"
#include "text/nst-ru-text.h"

/* The weights of the criteria. A shared subject and the request met by the
 * profile lead (seed 3.1); experience adds a little; a full load or an
 * existing pair push a mentor down without hiding them. */
#define SCORE_SHARED_SUBJECT   30
#define SCORE_REQUEST_WORD     15
#define MAX_REQUEST_WORDS       3
#define SCORE_GAP_LARGE        10  /* 5 years or more */
#define SCORE_GAP_SMALL         5  /* 2 to 4 years */
#define SCORE_MENTORING         3
#define SCORE_FREE              5
#define SCORE_PER_MENTEE       -5
#define SCORE_AT_LIMIT        -40
#define SCORE_NO_FORM         -30
#define SCORE_NO_CONSENT       -5
#define SCORE_ALREADY_PAIRED -100

#define MIN_WORD_CHARS          3
#define MIN_STEM_CHARS          5

struct _NstMentorSuggestion
{
  GObject parent_instance;

  NstParticipant *mentor;
  int score;
  GPtrArray *reasons; /* NULL-terminated, of char* */
  guint load;
  gboolean over_limit;
  gboolean already_paired;
  gboolean has_form;
  NstGroupForm form;
};

G_DEFINE_FINAL_TYPE (NstMentorSuggestion, nst_mentor_suggestion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MENTOR,
  PROP_SCORE,
  PROP_REASONS,
  PROP_REASONS_TEXT,
  PROP_LOAD,
  PROP_OVER_LIMIT,
  PROP_ALREADY_PAIRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Folded words too common to say anything about a match. */
static const char *const stop_words[] = {
  "и", "в", "во", "на", "по", "для", "с", "со", "к", "ко", "о", "об", "от", "до", "за",
  "из", "не", "как", "при", "над", "под", "без", "или", "что", "это", "все", "его", "ее",
  "их", "мне", "меня", "мой", "моя", "мои", "свой", "своей", "своих", "через", "после",
  "перед", "между", "очень", "также", "нужна", "нужен", "нужно", "нужны", "помощь",
  "помочь", "хочу", "трудности", "трудность", "сложности", "вопросы", "работа", "работе",
  "работы", "умение", "навыки", "освоение",
};

/* ---- words ----------------------------------------------------------------- */

static gboolean
is_stop_word (const char *folded)
{
  for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
    if (g_str_equal (folded, stop_words[i]))
      return TRUE;
  return FALSE;
}

/* Letters and digits in a row, folded; each with the original beside it. */
static void
split_words (const char *text,
             GPtrArray  *folded,
             GPtrArray  *original)
{
  const char *start = NULL;

  for (const char *p = text ? text : "";; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word_char = c != 0 && (g_unichar_isalnum (c) || c == '-');

      if (word_char && start == NULL)
        start = p;
      else if (!word_char && start != NULL)
        {
          g_autofree char *word = g_strndup (start, p - start);

          g_ptr_array_add (folded, nst_ru_fold (word));
          if (original != NULL)
            g_ptr_array_add (original, g_steal_pointer (&word));
          start = NULL;
        }
      if (c == 0)
        break;
    }
}

/* Russian words change their endings: «математике», «математика». Two
 * words match when equal, or when both are long enough and share all but
 * their last two letters (at least five). */
static gboolean
words_match (const char *a,
             const char *b)
{
  glong len_a = g_utf8_strlen (a, -1), len_b = g_utf8_strlen (b, -1);
  glong shorter = MIN (len_a, len_b), common = 0;

  if (g_str_equal (a, b))
    return TRUE;
  if (shorter < MIN_STEM_CHARS)
    return FALSE;
  while (*a && *b && g_utf8_get_char (a) == g_utf8_get_char (b))
    {
      common++;
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
  return common >= MAX (MIN_STEM_CHARS, shorter - 2);
}

static gboolean
counts_as_word (const char *folded)
{
  return g_utf8_strlen (folded, -1) >= MIN_WORD_CHARS && !is_stop_word (folded) &&
         !g_ascii_isdigit (*folded);
}

/**
 * nst_request_words_in_profile:
 *
 * Returns: (transfer full): the words of @request, as written there, that
 *   the profile has
 */
GStrv
nst_request_words_in_profile (const char *request,
                              const char *profile)
{
  g_autoptr(GPtrArray) request_folded = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) request_words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) profile_folded = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found_folded = g_ptr_array_new ();

  split_words (request, request_folded, request_words);
  split_words (profile, profile_folded, NULL);
  for (guint i = 0; i < request_folded->len; i++)
    {
      const char *word = g_ptr_array_index (request_folded, i);
      gboolean seen = FALSE, in_profile = FALSE;

      if (!counts_as_word (word))
        continue;
      for (guint k = 0; k < found_folded->len && !seen; k++)
        seen = words_match (word, g_ptr_array_index (found_folded, k));
      for (guint k = 0; k < profile_folded->len && !in_profile && !seen; k++)
        in_profile = words_match (word, g_ptr_array_index (profile_folded, k));
      if (seen || !in_profile)
        continue;
      g_ptr_array_add (found_folded, (gpointer) word);
      g_ptr_array_add (found, g_strdup (g_ptr_array_index (request_words, i)));
    }
  g_ptr_array_add (found, NULL);
  return (GStrv) g_ptr_array_steal (found, NULL);
}

/* The subjects in both lists, as the mentor writes them. */
static GPtrArray *
shared_subjects (const char *mentor_subjects,
                 const char *mentee_subjects)
{
  g_auto(GStrv) mine = g_strsplit_set (mentor_subjects, ",;", -1);
  g_auto(GStrv) theirs = g_strsplit_set (mentee_subjects, ",;", -1);
  GPtrArray *shared = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; mine[i]; i++)
    {
      g_autofree char *a = nst_ru_fold (g_strstrip (mine[i]));

      for (guint k = 0; *a && theirs[k]; k++)
        {
          g_autofree char *b = nst_ru_fold (g_strstrip (theirs[k]));

          if (g_str_equal (a, b))
            {
              g_ptr_array_add (shared, g_strdup (mine[i]));
              break;
            }
        }
    }
  return shared;
}

/* ---- forms ----------------------------------------------------------------- */

static gboolean
is_staff (NstCategory category)
{
  return category == NST_CATEGORY_TEACHER || category == NST_CATEGORY_HEAD;
}

gboolean
nst_group_form_fits (NstGroupForm form,
                     NstCategory  mentor,
                     NstCategory  mentee)
{
  switch (form)
    {
    case NST_GROUP_FORM_TEACHER_TEACHER:
    case NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE:
      return is_staff (mentor) && is_staff (mentee);
    case NST_GROUP_FORM_HEAD_TEACHER:
      return mentor == NST_CATEGORY_HEAD && is_staff (mentee);
    case NST_GROUP_FORM_STUDENT_STUDENT:
      return mentor == NST_CATEGORY_STUDENT && mentee == NST_CATEGORY_STUDENT;
    /* College students and employers come from outside: partners. */
    case NST_GROUP_FORM_UNDERGRADUATE_STUDENT:
    case NST_GROUP_FORM_EMPLOYER_STUDENT:
      return mentor == NST_CATEGORY_PARTNER && mentee == NST_CATEGORY_STUDENT;
    case NST_GROUP_FORM_EMPLOYER_UNDERGRADUATE:
      return mentor == NST_CATEGORY_PARTNER && mentee == NST_CATEGORY_PARTNER;
    case NST_N_GROUP_FORMS:
    default:
      break;
    }
  return FALSE;
}

/**
 * nst_group_form_for:
 * @form: (out): the form that suits
 *
 * Returns: whether some form suits the pair's categories
 */
gboolean
nst_group_form_for (NstParticipant *mentor,
                    NstParticipant *mentee,
                    NstGroupForm   *form)
{
  NstCategory a = nst_participant_get_category (mentor);
  NstCategory b = nst_participant_get_category (mentee);
  static const NstGroupForm preferred[] = {
    NST_GROUP_FORM_HEAD_TEACHER, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE,
    NST_GROUP_FORM_STUDENT_STUDENT, NST_GROUP_FORM_EMPLOYER_STUDENT,
    NST_GROUP_FORM_EMPLOYER_UNDERGRADUATE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (preferred); i++)
    if (nst_group_form_fits (preferred[i], a, b))
      {
        *form = preferred[i];
        return TRUE;
      }
  return FALSE;
}

/* ---- scoring --------------------------------------------------------------- */

static void
add_reason (NstMentorSuggestion *self,
            int                  points,
            char                *reason)
{
  self->score += points;
  /* Keep the array NULL-terminated for get_reasons(). */
  g_ptr_array_insert (self->reasons, self->reasons->len - 1, reason);
}

static void
score_subjects (NstMentorSuggestion *self,
                NstParticipant      *mentee,
                NstParticipant      *mentor)
{
  g_autoptr(GPtrArray) shared = shared_subjects (nst_participant_get_subjects (mentor),
                                                 nst_participant_get_subjects (mentee));
  g_autofree char *list = NULL;

  if (shared->len == 0)
    return;
  g_ptr_array_add (shared, NULL);
  list = g_strjoinv (", ", (char **) shared->pdata);
  add_reason (self, SCORE_SHARED_SUBJECT, g_strdup_printf (_("Shared subject: %s"), list));
}

static void
score_request (NstMentorSuggestion *self,
               NstParticipant      *mentee,
               NstParticipant      *mentor)
{
  g_autofree char *profile = g_strjoin ("\n", nst_participant_get_competences (mentor),
                                        nst_participant_get_subjects (mentor), NULL);
  g_auto(GStrv) words = nst_request_words_in_profile (nst_participant_get_request (mentee), profile);
  guint n = g_strv_length (words);
  g_autofree char *list = NULL;

  if (n == 0)
    return;
  list = g_strjoinv (", ", words);
  add_reason (self, SCORE_REQUEST_WORD * MIN (n, MAX_REQUEST_WORDS),
              g_strdup_printf (_("The request matches the profile: %s"), list));
}

static void
score_experience (NstMentorSuggestion *self,
                  NstParticipant      *mentee,
                  NstParticipant      *mentor,
                  const GDate         *today)
{
  int mentor_years = nst_date_years_since_iso (nst_participant_get_teaching_since (mentor), today);
  int mentee_years = nst_date_years_since_iso (nst_participant_get_teaching_since (mentee), today);
  int mentoring = nst_date_years_since_iso (nst_participant_get_mentoring_since (mentor), today);
  int gap = mentor_years - mentee_years;

  if (mentor_years >= 0 && mentee_years >= 0 && gap >= 2)
    add_reason (self, gap >= 5 ? SCORE_GAP_LARGE : SCORE_GAP_SMALL,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%d year more teaching experience",
                                              "%d years more teaching experience", gap), gap));
  else if (mentor_years >= 0 && mentee_years >= 0 && gap < 0)
    add_reason (self, 0, g_strdup (_("Less teaching experience than the mentee: reverse mentoring")));
  if (mentoring >= 1)
    add_reason (self, SCORE_MENTORING,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Has mentored for %d year",
                                              "Has mentored for %d years", mentoring), mentoring));
}

static void
score_load (NstMentorSuggestion  *self,
            const NstMentorFacts *facts)
{
  self->load = facts->load;
  self->over_limit = facts->load >= facts->limit;
  if (self->over_limit)
    add_reason (self, SCORE_AT_LIMIT,
                g_strdup_printf (_("At the school's limit: already mentors %u of at most %u"),
                                 facts->load, facts->limit));
  else if (facts->load > 0)
    add_reason (self, SCORE_PER_MENTEE * (int) facts->load,
                g_strdup_printf (_("Mentors %u of at most %u"), facts->load, facts->limit));
  else
    add_reason (self, SCORE_FREE, g_strdup (_("Mentors nobody yet")));
}

static void
score_standing (NstMentorSuggestion  *self,
                NstParticipant       *mentee,
                NstParticipant       *mentor,
                const NstMentorFacts *facts)
{
  self->has_form = nst_group_form_for (mentor, mentee, &self->form);
  if (!self->has_form)
    add_reason (self, SCORE_NO_FORM,
                g_strdup (_("No form of mentoring suits their categories in the registry")));
  if (!facts->has_mentor_consent)
    add_reason (self, SCORE_NO_CONSENT, g_strdup (_("No mentor's consent on record yet")));
  self->already_paired = facts->already_paired;
  if (facts->already_paired)
    add_reason (self, SCORE_ALREADY_PAIRED, g_strdup (_("Already paired with this mentee")));
}

/**
 * nst_mentor_suggestion_new_scored:
 * @today: for years of experience
 *
 * Returns: (transfer full): @mentor scored for @mentee, with the reasons
 */
NstMentorSuggestion *
nst_mentor_suggestion_new_scored (NstParticipant       *mentee,
                                  NstParticipant       *mentor,
                                  const NstMentorFacts *facts,
                                  const GDate          *today)
{
  NstMentorSuggestion *self = g_object_new (NST_TYPE_MENTOR_SUGGESTION, NULL);

  self->mentor = g_object_ref (mentor);
  score_subjects (self, mentee, mentor);
  score_request (self, mentee, mentor);
  score_experience (self, mentee, mentor, today);
  score_load (self, facts);
  score_standing (self, mentee, mentor, facts);
  return self;
}

/* ---- the object ------------------------------------------------------------ */

static void
nst_mentor_suggestion_finalize (GObject *object)
{
  NstMentorSuggestion *self = NST_MENTOR_SUGGESTION (object);

  g_clear_object (&self->mentor);
  g_ptr_array_unref (self->reasons);
  G_OBJECT_CLASS (nst_mentor_suggestion_parent_class)->finalize (object);
}

static void
nst_mentor_suggestion_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NstMentorSuggestion *self = NST_MENTOR_SUGGESTION (object);

  switch (prop_id)
    {
    case PROP_MENTOR: g_value_set_object (value, self->mentor); break;
    case PROP_SCORE: g_value_set_int (value, self->score); break;
    case PROP_REASONS: g_value_set_boxed (value, self->reasons->pdata); break;
    case PROP_REASONS_TEXT: g_value_take_string (value, nst_mentor_suggestion_dup_reasons_text (self)); break;
    case PROP_LOAD: g_value_set_uint (value, self->load); break;
    case PROP_OVER_LIMIT: g_value_set_boolean (value, self->over_limit); break;
    case PROP_ALREADY_PAIRED: g_value_set_boolean (value, self->already_paired); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_mentor_suggestion_class_init (NstMentorSuggestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nst_mentor_suggestion_finalize;
  object_class->get_property = nst_mentor_suggestion_get_property;

  properties[PROP_MENTOR] = g_param_spec_object ("mentor", NULL, NULL, NST_TYPE_PARTICIPANT, ro);
  properties[PROP_SCORE] = g_param_spec_int ("score", NULL, NULL, G_MININT, G_MAXINT, 0, ro);
  properties[PROP_REASONS] = g_param_spec_boxed ("reasons", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_REASONS_TEXT] = g_param_spec_string ("reasons-text", NULL, NULL, "", ro);
  properties[PROP_LOAD] = g_param_spec_uint ("load", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_OVER_LIMIT] = g_param_spec_boolean ("over-limit", NULL, NULL, FALSE, ro);
  properties[PROP_ALREADY_PAIRED] = g_param_spec_boolean ("already-paired", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_mentor_suggestion_init (NstMentorSuggestion *self)
{
  self->reasons = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->reasons, NULL);
}

/**
 * nst_mentor_suggestion_get_mentor:
 *
 * Returns: (transfer none): the mentor proposed
 */
NstParticipant *
nst_mentor_suggestion_get_mentor (NstMentorSuggestion *self)
{
  return self->mentor;
}

int nst_mentor_suggestion_get_score (NstMentorSuggestion *self) { return self->score; }
guint nst_mentor_suggestion_get_load (NstMentorSuggestion *self) { return self->load; }
gboolean nst_mentor_suggestion_get_over_limit (NstMentorSuggestion *self) { return self->over_limit; }
gboolean nst_mentor_suggestion_get_already_paired (NstMentorSuggestion *self) { return self->already_paired; }

/**
 * nst_mentor_suggestion_get_reasons:
 *
 * Returns: (transfer none): the reasons, translated, strongest first
 */
const char *const *
nst_mentor_suggestion_get_reasons (NstMentorSuggestion *self)
{
  return (const char *const *) self->reasons->pdata;
}

/**
 * nst_mentor_suggestion_dup_reasons_text:
 *
 * Returns: (transfer full): the reasons joined by "; "
 */
char *
nst_mentor_suggestion_dup_reasons_text (NstMentorSuggestion *self)
{
  return g_strjoinv ("; ", (char **) self->reasons->pdata);
}

/**
 * nst_mentor_suggestion_get_form:
 * @form: (out): the form their categories make
 *
 * Returns: whether a form suits them
 */
gboolean
nst_mentor_suggestion_get_form (NstMentorSuggestion *self,
                                NstGroupForm        *form)
{
  if (self->has_form)
    *form = self->form;
  return self->has_form;
}

/* Best first; equal scores by the mentor's name. A #GCompareDataFunc for
 * g_list_store_sort(). */
int
nst_mentor_suggestion_compare (gconstpointer a,
                               gconstpointer b,
                               gpointer      user_data)
{
  NstMentorSuggestion *x = (NstMentorSuggestion *) a;
  NstMentorSuggestion *y = (NstMentorSuggestion *) b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return g_strcmp0 (nst_participant_get_sort_key (x->mentor),
                    nst_participant_get_sort_key (y->mentor));
}
