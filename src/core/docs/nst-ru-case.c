/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <string.h>

#include "docs/nst-ru-case.h"
#include "text/nst-ru-text.h"

/* ---- words ------------------------------------------------------------- */

/* The lower-case form of @word, for matching its ending. */
static char *
lower (const char *word)
{
  return g_utf8_strdown (word, -1);
}

static gboolean
ends (const char *lower_word,
      const char *suffix)
{
  return g_str_has_suffix (lower_word, suffix);
}

/* The letter before the last @n letters of @lower_word, or 0. */
static gunichar
letter_before (const char *lower_word,
               glong       n)
{
  glong length = g_utf8_strlen (lower_word, -1);

  if (length <= n)
    return 0;
  return g_utf8_get_char (g_utf8_offset_to_pointer (lower_word, length - n - 1));
}

static gboolean
is_vowel (gunichar c)
{
  return c != 0 && g_utf8_strchr ("аеёиоуыэюя", -1, c) != NULL;
}

/* «ы» after most consonants, «и» after г, к, х and the hushing ones. */
static const char *
genitive_a (const char *lower_word)
{
  gunichar c = letter_before (lower_word, 1);

  return (c != 0 && g_utf8_strchr ("гкхжшчщ", -1, c) != NULL) ? "и" : "ы";
}

/* The ending for @ru_case of the three a word may take. */
static const char *
form (NstRuCase   ru_case,
      const char *genitive,
      const char *accusative,
      const char *dative)
{
  switch (ru_case)
    {
    case NST_RU_GENITIVE: return genitive;
    case NST_RU_ACCUSATIVE: return accusative;
    case NST_RU_DATIVE:
    default: return dative;
    }
}

/* @word with its last @drop letters replaced by @ending, in the case
 * (upper or lower) of the word's last letter. */
static char *
with_ending (const char *word,
             glong       drop,
             const char *ending)
{
  glong length = g_utf8_strlen (word, -1);
  const char *cut = g_utf8_offset_to_pointer (word, MAX (0, length - drop));
  const char *last = g_utf8_offset_to_pointer (word, MAX (0, length - 1));
  GString *out = g_string_new_len (word, cut - word);

  if (length > 1 && g_unichar_isupper (g_utf8_get_char (last)))
    {
      g_autofree char *upper = g_utf8_strup (ending, -1);

      g_string_append (out, upper);
    }
  else
    g_string_append (out, ending);
  return g_string_free (out, FALSE);
}

/* ---- gender ------------------------------------------------------------- */

static const char *const male_names_in_a[] = {
  "никита", "илья", "кузьма", "фома", "лука", "савва", "данила", "гаврила",
  "фока", "миша", "саша", "женя", "ваня", "петя", "дима", NULL,
};

static const char *const female_names_in_soft_sign[] = {
  "любовь", "нинель", "адель", "ассоль", "габриэль", "рахиль", "юдифь", "эсфирь", NULL,
};

/**
 * nst_ru_guess_gender:
 *
 * By the patronymic, which is certain, else by the name.
 */
NstRuGender
nst_ru_guess_gender (const char *name,
                     const char *patronymic)
{
  g_autofree char *p = lower (patronymic ? patronymic : "");
  g_autofree char *n = lower (name ? name : "");

  if (ends (p, "ич") || ends (p, "оглы") || ends (p, "улы"))
    return NST_RU_GENDER_MALE;
  if (ends (p, "на") || ends (p, "кызы") || ends (p, "қызы"))
    return NST_RU_GENDER_FEMALE;
  if (*n == '\0')
    return NST_RU_GENDER_UNKNOWN;
  if (g_strv_contains (male_names_in_a, n))
    return NST_RU_GENDER_MALE;
  if (g_strv_contains (female_names_in_soft_sign, n) || ends (n, "а") || ends (n, "я"))
    return NST_RU_GENDER_FEMALE;
  if (ends (n, "ь"))
    return NST_RU_GENDER_UNKNOWN;
  return NST_RU_GENDER_MALE;
}

/* The Turkic patronymic is two words, the father's name and «оглы» (son)
 * or «кызы» (daughter): «Мамедов Ахмед Рашид оглы». */
static gboolean
is_patronymic_particle (const char *word)
{
  static const char *const particles[] = { "оглы", "оглу", "улы", "уулу", "кызы", "қызы", "гызы", NULL };
  g_autofree char *w = lower (word);

  return g_strv_contains (particles, w);
}

/* «Фамилия Имя Отчество» in its parts; the patronymic may be «Рашид оглы».
 * %FALSE for what does not look like a full name. */
static gboolean
split_full_name (const char  *full_name,
                 GStrv       *parts_out,
                 const char **surname,
                 const char **name,
                 char       **patronymic)
{
  g_autofree char *clean = g_strstrip (g_strdup (full_name ? full_name : ""));
  g_auto(GStrv) parts = g_strsplit_set (clean, " ", -1);
  guint n = g_strv_length (parts);

  if (n == 4 && is_patronymic_particle (parts[3]))
    *patronymic = g_strdup_printf ("%s %s", parts[2], parts[3]);
  else if (n == 2 || n == 3)
    *patronymic = n > 2 ? g_strdup (parts[2]) : NULL;
  else
    return FALSE;
  *surname = parts[0];
  *name = parts[1];
  *parts_out = g_steal_pointer (&parts);
  return TRUE;
}

NstRuGender
nst_ru_guess_gender_full (const char *full_name)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *patronymic = NULL;
  const char *surname, *name;

  if (!split_full_name (full_name, &parts, &surname, &name, &patronymic))
    return nst_ru_guess_gender (NULL, NULL);
  return nst_ru_guess_gender (name, patronymic);
}

/* The form of a word that agrees with the gender: «согласен», «согласна»,
 * «согласен(на)» when the registry cannot tell. */
const char *
nst_ru_gendered (NstRuGender  gender,
                 const char  *male,
                 const char  *female,
                 const char  *unknown)
{
  switch (gender)
    {
    case NST_RU_GENDER_MALE: return male;
    case NST_RU_GENDER_FEMALE: return female;
    case NST_RU_GENDER_UNKNOWN:
    default: return unknown;
    }
}

/* ---- names --------------------------------------------------------------- */

/* Names whose vowel drops: Пётр – Петра, Лев – Льва, Павел – Павла. */
static const struct { const char *name, *stem; } fleeting[] = {
  { "пётр", "Петр" }, { "петр", "Петр" }, { "лев", "Льв" }, { "павел", "Павл" },
};

static char *
decline_name_part (const char  *word,
                   NstRuGender  gender,
                   NstRuCase    ru_case)
{
  g_autofree char *w = lower (word);

  if (gender == NST_RU_GENDER_MALE)
    {
      for (guint i = 0; i < G_N_ELEMENTS (fleeting); i++)
        if (g_str_equal (w, fleeting[i].name))
          return g_strconcat (fleeting[i].stem, form (ru_case, "а", "а", "у"), NULL);
      if (ends (w, "й") || ends (w, "ь"))
        return with_ending (word, 1, form (ru_case, "я", "я", "ю"));
      if (ends (w, "а"))
        return with_ending (word, 1, form (ru_case, genitive_a (w), "у", "е"));
      if (ends (w, "я"))
        return with_ending (word, 1, form (ru_case, "и", "ю", "е"));
      if (!is_vowel (letter_before (w, 0)) && g_unichar_isalpha (letter_before (w, 0)))
        return with_ending (word, 0, form (ru_case, "а", "а", "у"));
      return g_strdup (word);
    }
  if (ends (w, "ия"))
    return with_ending (word, 1, form (ru_case, "и", "ю", "и"));
  if (ends (w, "а"))
    return with_ending (word, 1, form (ru_case, genitive_a (w), "у", "е"));
  if (ends (w, "я"))
    return with_ending (word, 1, form (ru_case, "и", "ю", "е"));
  if (ends (w, "ь") && ru_case != NST_RU_ACCUSATIVE)
    return with_ending (word, 1, "и");
  return g_strdup (word);
}

/* Each part of a double name declines: Анна-Мария – Анны-Марии. */
static char *
decline_name (const char  *name,
              NstRuGender  gender,
              NstRuCase    ru_case)
{
  g_auto(GStrv) parts = g_strsplit (name, "-", -1);

  for (guint i = 0; parts[i]; i++)
    {
      char *declined = decline_name_part (parts[i], gender, ru_case);

      g_free (parts[i]);
      parts[i] = declined;
    }
  return g_strjoinv ("-", parts);
}

static char *
decline_patronymic (const char  *word,
                    NstRuGender  gender,
                    NstRuCase    ru_case)
{
  g_autofree char *w = lower (word);

  if (gender == NST_RU_GENDER_MALE && ends (w, "ич"))
    return with_ending (word, 0, form (ru_case, "а", "а", "у"));
  if (gender == NST_RU_GENDER_FEMALE && ends (w, "на"))
    return with_ending (word, 1, form (ru_case, "ы", "у", "е"));
  return g_strdup (word);
}

static char *
decline_surname_part (const char  *word,
                      NstRuGender  gender,
                      NstRuCase    ru_case)
{
  g_autofree char *w = lower (word);
  gunichar before_last = letter_before (w, 1);
  gboolean back = g_utf8_strchr ("кгх", -1, letter_before (w, 2)) != NULL;

  if (g_utf8_strlen (w, -1) < 2 || ends (w, "ых") || ends (w, "их"))
    return g_strdup (word);
  if (gender == NST_RU_GENDER_MALE)
    {
      if (ends (w, "ый") || ends (w, "ой"))
        return with_ending (word, 2, form (ru_case, "ого", "ого", "ому"));
      if (ends (w, "ий"))
        return with_ending (word, 2, back ? form (ru_case, "ого", "ого", "ому")
                                          : form (ru_case, "его", "его", "ему"));
      if (ends (w, "й") || ends (w, "ь"))
        return with_ending (word, 1, form (ru_case, "я", "я", "ю"));
      if (ends (w, "а") && !is_vowel (before_last))
        return with_ending (word, 1, form (ru_case, genitive_a (w), "у", "е"));
      if (ends (w, "я") && !is_vowel (before_last))
        return with_ending (word, 1, form (ru_case, "и", "ю", "е"));
      if (g_unichar_isalpha (letter_before (w, 0)) && !is_vowel (letter_before (w, 0)))
        return with_ending (word, 0, form (ru_case, "а", "а", "у"));
      return g_strdup (word);
    }
  if (ends (w, "ова") || ends (w, "ева") || ends (w, "ёва") || ends (w, "ина") || ends (w, "ына"))
    return with_ending (word, 1, form (ru_case, "ой", "у", "ой"));
  if (ends (w, "ая"))
    return with_ending (word, 2, form (ru_case, "ой", "ую", "ой"));
  if (ends (w, "яя"))
    return with_ending (word, 2, form (ru_case, "ей", "юю", "ей"));
  if (ends (w, "ия"))
    return with_ending (word, 1, form (ru_case, "и", "ю", "и"));
  if (ends (w, "а") && !is_vowel (before_last))
    return with_ending (word, 1, form (ru_case, genitive_a (w), "у", "е"));
  if (ends (w, "я") && !is_vowel (before_last))
    return with_ending (word, 1, form (ru_case, "и", "ю", "е"));
  return g_strdup (word);
}

/* Each part of a double surname declines: Петров-Водкин – Петрова-Водкина. */
static char *
decline_surname (const char  *surname,
                 NstRuGender  gender,
                 NstRuCase    ru_case)
{
  g_auto(GStrv) parts = g_strsplit (surname, "-", -1);

  for (guint i = 0; parts[i]; i++)
    {
      char *declined = decline_surname_part (parts[i], gender, ru_case);

      g_free (parts[i]);
      parts[i] = declined;
    }
  return g_strjoinv ("-", parts);
}

/**
 * nst_ru_decline_person:
 *
 * Returns: (transfer full): «Фамилия Имя Отчество» in @ru_case; as given
 *   when the gender cannot be told
 */
char *
nst_ru_decline_person (const char *surname,
                       const char *name,
                       const char *patronymic,
                       NstRuCase   ru_case)
{
  NstRuGender gender = nst_ru_guess_gender (name, patronymic);
  GString *out = g_string_new (NULL);
  const char *parts[3] = { surname, name, patronymic };

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *declined = NULL;

      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (gender == NST_RU_GENDER_UNKNOWN)
        declined = g_strdup (parts[i]);
      else if (i == 0)
        declined = decline_surname (parts[i], gender, ru_case);
      else if (i == 1)
        declined = decline_name (parts[i], gender, ru_case);
      else
        declined = decline_patronymic (parts[i], gender, ru_case);
      g_string_append_printf (out, "%s%s", out->len ? " " : "", declined);
    }
  return g_string_free (out, FALSE);
}

char *
nst_ru_decline_full_name (const char *full_name,
                          NstRuCase   ru_case)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *patronymic = NULL;
  const char *surname, *name;

  if (!split_full_name (full_name, &parts, &surname, &name, &patronymic))
    return g_strstrip (g_strdup (full_name ? full_name : ""));
  return nst_ru_decline_person (surname, name, patronymic, ru_case);
}

/* ---- posts --------------------------------------------------------------- */

static gboolean
is_abbreviation (const char *word)
{
  gboolean upper = FALSE;

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      upper |= g_unichar_isupper (c);
    }
  return upper;
}

/* An adjective or participle before the noun: «старший», «социальный». */
static char *
decline_adjective (const char *word,
                   NstRuCase   ru_case)
{
  g_autofree char *w = lower (word);
  gboolean back = g_utf8_strchr ("кгх", -1, letter_before (w, 2)) != NULL;

  if (ends (w, "ый") || ends (w, "ой"))
    return with_ending (word, 2, form (ru_case, "ого", "ого", "ому"));
  if (ends (w, "ий"))
    return with_ending (word, 2, back ? form (ru_case, "ого", "ого", "ому")
                                      : form (ru_case, "его", "его", "ему"));
  if (ends (w, "ая"))
    return with_ending (word, 2, form (ru_case, "ой", "ую", "ой"));
  if (ends (w, "яя"))
    return with_ending (word, 2, form (ru_case, "ей", "юю", "ей"));
  return NULL;
}

static char *
decline_noun (const char *word,
              NstRuCase   ru_case)
{
  g_auto(GStrv) parts = g_strsplit (word, "-", -1);

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *w = lower (parts[i]);
      gunichar last = letter_before (w, 0);
      char *declined;

      if (is_abbreviation (parts[i]) || last == 0)
        continue;
      if (ends (w, "ь") || ends (w, "й"))
        declined = with_ending (parts[i], 1, form (ru_case, "я", "я", "ю"));
      else if (ends (w, "а"))
        declined = with_ending (parts[i], 1, form (ru_case, genitive_a (w), "у", "е"));
      else if (ends (w, "я"))
        declined = with_ending (parts[i], 1, form (ru_case, "и", "ю", "е"));
      else if (g_unichar_isalpha (last) && !is_vowel (last))
        declined = with_ending (parts[i], 0, form (ru_case, "а", "а", "у"));
      else
        continue;
      g_free (parts[i]);
      parts[i] = declined;
    }
  return g_strjoinv ("-", parts);
}

/**
 * nst_ru_decline_post:
 *
 * A post in running text: its leading adjectives and its first noun
 * decline, the rest stays («заместитель директора по УВР» – «заместителя
 * директора по УВР»), and it starts with a small letter.
 *
 * Returns: (transfer full): the post in @ru_case
 */
char *
nst_ru_decline_post (const char *post,
                     NstRuCase   ru_case)
{
  g_autofree char *clean = g_strstrip (g_strdup (post ? post : ""));
  g_auto(GStrv) words = g_strsplit (clean, " ", -1);
  g_autofree char *joined = NULL;

  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *w = lower (words[i]);
      /* «заведующий библиотекой»: the participle is the noun here. */
      gboolean noun_like = g_str_has_prefix (w, "заведующ");
      char *declined;

      if (*words[i] == '\0' || is_abbreviation (words[i]))
        break;
      declined = decline_adjective (words[i], ru_case);
      if (declined == NULL)
        declined = decline_noun (words[i], ru_case);
      else if (!noun_like)
        {
          g_free (words[i]);
          words[i] = declined;
          continue;
        }
      g_free (words[i]);
      words[i] = declined;
      break;
    }
  joined = g_strjoinv (" ", words);
  /* A capital only where the post began a line of the school's details. */
  if (g_unichar_isupper (g_utf8_get_char (joined)) &&
      g_utf8_strlen (joined, -1) > 1 &&
      g_unichar_islower (g_utf8_get_char (g_utf8_next_char (joined))))
    {
      char first[8] = { 0 };
      const char *rest = g_utf8_next_char (joined);

      g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (joined)), first);
      return g_strconcat (first, rest, NULL);
    }
  return g_steal_pointer (&joined);
}

/**
 * nst_ru_initials_first:
 *
 * Returns: (transfer full): «М.П. Иванова» from «Иванова Мария Петровна»,
 *   as a signature's transcript is written; «А.-М. Петрова» for a double
 *   name, «А.Р. Мамедов» from «Мамедов Ахмед Рашид оглы»
 */
char *
nst_ru_initials_first (const char *full_name)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *patronymic = NULL;
  const char *surname, *name;
  GString *out;

  if (!split_full_name (full_name, &parts, &surname, &name, &patronymic))
    return g_strstrip (g_strdup (full_name ? full_name : ""));
  out = g_string_new (NULL);
  nst_ru_append_initials (out, name);
  nst_ru_append_initials (out, patronymic);
  g_string_append_printf (out, " %s", surname);
  return g_string_free (out, FALSE);
}
