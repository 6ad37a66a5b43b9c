/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-ru-text"

#include "config.h"

#include <string.h>

#include "text/nst-ru-text.h"

/* Russian and Latin letters fold without a table: the registry folds every
 * name, post and subject at start, 10,000 people in a few milliseconds. */
static gboolean
append_folded_fast (GString  *out,
                    gunichar  c)
{
  if (c < 0x80)
    g_string_append_c (out, g_ascii_tolower ((char) c));
  else if (c == 0x0401 || c == 0x0451)   /* Ё, ё */
    g_string_append_unichar (out, 0x0435);  /* е */
  else if (c >= 0x0410 && c <= 0x042F)   /* А–Я */
    g_string_append_unichar (out, c + 0x20);
  else if (c >= 0x0430 && c <= 0x044F)   /* а–я */
    g_string_append_unichar (out, c);
  else
    return FALSE;
  return TRUE;
}

/**
 * nst_ru_fold:
 * @text: (nullable): UTF-8 text
 *
 * Folds @text for case-insensitive search: Unicode case folding, then ё to е,
 * so that «ежов» finds «Ёжов».
 *
 * Returns: (transfer full): the folded text, never %NULL
 */
char *
nst_ru_fold (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *folded = NULL;

      if (append_folded_fast (out, c))
        continue;
      /* Anything else as Unicode folds it («ß» is «ss»), ё again to е. */
      folded = g_utf8_casefold (p, g_utf8_next_char (p) - p);
      for (const char *f = folded; *f; f = g_utf8_next_char (f))
        {
          gunichar fc = g_utf8_get_char (f);

          g_string_append_unichar (out, fc == 0x0451 ? 0x0435 : fc);
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
nst_ru_fold_contains (const char *folded_haystack,
                      const char *folded_needle)
{
  if (folded_needle == NULL || *folded_needle == '\0')
    return TRUE;
  return strstr (folded_haystack, folded_needle) != NULL;
}

/**
 * nst_ru_search_words:
 * @typed: (nullable): what the user typed in a search field
 *
 * Returns: (transfer full) (nullable): the folded words, or %NULL when
 *   nothing but spaces was typed
 */
char **
nst_ru_search_words (const char *typed)
{
  g_autofree char *folded = nst_ru_fold (typed);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean any = FALSE;

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      {
        g_strv_builder_add (builder, words[i]);
        any = TRUE;
      }
  return any ? g_strv_builder_end (builder) : NULL;
}

/* Every word must be found: «иванова 7б» narrows to one class. */
gboolean
nst_ru_contains_all (const char  *folded_haystack,
                     char       **folded_words)
{
  for (guint i = 0; folded_words && folded_words[i]; i++)
    if (!nst_ru_fold_contains (folded_haystack, folded_words[i]))
      return FALSE;
  return TRUE;
}

/* Weights of the Russian alphabet, А to Я, with Ё sharing Е's primary weight
 * as Russian dictionaries do; the secondary level puts е before ё. */
static guint
cyrillic_rank (gunichar lower)
{
  if (lower == 0x0451)
    return 5; /* ё sorts as е */
  if (lower >= 0x0430 && lower <= 0x0435)
    return lower - 0x0430;
  if (lower >= 0x0436 && lower <= 0x044F)
    return lower - 0x0430;
  return G_MAXUINT;
}

/* Primary weights are single bytes between 0x02 and 0xFE so that the key is
 * an ordinary NUL-terminated string compared with strcmp(): separators, then
 * digits, then Cyrillic, then Latin, then everything else. */
static void
append_primary (GString  *key,
                gunichar  c)
{
  gunichar lower = g_unichar_tolower (c);
  guint rank;

  if (g_unichar_isspace (c))
    {
      g_string_append_c (key, 0x02);
      return;
    }
  if (c == '-' || c == 0x2010 || c == 0x2011)
    {
      g_string_append_c (key, 0x03);
      return;
    }
  if (c >= '0' && c <= '9')
    {
      g_string_append_c (key, (char) (0x10 + (c - '0')));
      return;
    }
  rank = cyrillic_rank (lower);
  if (rank != G_MAXUINT)
    {
      g_string_append_c (key, (char) (0x20 + rank));
      return;
    }
  if (lower >= 'a' && lower <= 'z')
    {
      g_string_append_c (key, (char) (0x50 + (lower - 'a')));
      return;
    }
  if (g_unichar_ispunct (c))
    return; /* quotes and dots do not take part in the order */

  /* Anything else keeps its code point order after the alphabets. */
  g_string_append_c (key, (char) 0xF0);
  g_string_append_printf (key, "%06X", (guint) c);
}

static void
append_secondary (GString  *key,
                  gunichar  c)
{
  g_string_append_c (key, g_unichar_tolower (c) == 0x0451 ? 0x03 : 0x02);
}

static void
append_tertiary (GString  *key,
                 gunichar  c)
{
  g_string_append_c (key, g_unichar_isupper (c) ? 0x03 : 0x02);
}

/**
 * nst_ru_collation_key:
 * @text: (nullable): UTF-8 text
 *
 * Builds a key whose strcmp() order is Russian alphabetical order, whatever
 * the locale: Абрамов, Ёлкин, Жуков; Cyrillic before Latin; case and ё only
 * break ties.
 *
 * Returns: (transfer full): the key
 */
char *
nst_ru_collation_key (const char *text)
{
  GString *key = g_string_new (NULL);

  if (text == NULL)
    return g_string_free (key, FALSE);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    append_primary (key, g_utf8_get_char (p));
  g_string_append_c (key, 0x01);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    append_secondary (key, g_utf8_get_char (p));
  g_string_append_c (key, 0x01);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    append_tertiary (key, g_utf8_get_char (p));
  return g_string_free (key, FALSE);
}

/**
 * nst_ru_append_initials:
 * @out: where the initials go
 * @part: a name or a patronymic: «Мария», «Анна-Мария», «Рашид оглы»
 *
 * Appends the initials of one part of a name as Russian writes them: «М.»,
 * each part of a double name with its hyphen («А.-М.»), and of a Turkic
 * patronymic only the father's name («Р.», not «Р.о.»).
 */
void
nst_ru_append_initials (GString    *out,
                        const char *part)
{
  g_autofree char *clean = g_strstrip (g_strdup (part ? part : ""));
  const char *end = strchr (clean, ' ');
  g_autofree char *word = end ? g_strndup (clean, end - clean) : g_strdup (clean);
  g_auto(GStrv) pieces = g_strsplit (word, "-", -1);
  gboolean first = TRUE;

  for (guint i = 0; pieces[i]; i++)
    {
      if (*pieces[i] == '\0')
        continue;
      if (!first)
        g_string_append_c (out, '-');
      g_string_append_unichar (out, g_utf8_get_char (pieces[i]));
      g_string_append_c (out, '.');
      first = FALSE;
    }
}
