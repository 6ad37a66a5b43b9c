/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "text/nst-ru-text.h"

/* ---- search ------------------------------------------------------------ */

static gboolean
folded_finds (const char *haystack,
              const char *needle)
{
  g_autofree char *folded_haystack = nst_ru_fold (haystack);
  g_autofree char *folded_needle = nst_ru_fold (needle);

  return nst_ru_fold_contains (folded_haystack, folded_needle);
}

/* The fast path for Russian and Latin folds exactly as Unicode does. */
static void
test_fold_matches_unicode (void)
{
  for (gunichar c = 1; c < 0x3400; c++)
    {
      char text[8] = { 0 };
      g_autofree char *reference = NULL;
      g_autofree char *folded = NULL;
      GString *expected;

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      g_unichar_to_utf8 (c, text);
      reference = g_utf8_casefold (text, -1);
      expected = g_string_new (NULL);
      for (const char *p = reference; *p; p = g_utf8_next_char (p))
        g_string_append_unichar (expected, g_utf8_get_char (p) == 0x0451 ? 0x0435 : g_utf8_get_char (p));
      folded = nst_ru_fold (text);
      if (g_strcmp0 (folded, expected->str) != 0)
        g_error ("U+%04X folds to “%s”, Unicode says “%s”", c, folded, expected->str);
      g_string_free (expected, TRUE);
    }
}

static void
test_fold_case (void)
{
  g_assert_true (folded_finds ("Иванов Иван Иванович", "иванов"));
  g_assert_true (folded_finds ("Иванов Иван Иванович", "ИВАНОВ"));
  g_assert_true (folded_finds ("Иванов Иван Иванович", "ван ива"));
  g_assert_true (folded_finds ("учитель русского языка", "Русского"));
  g_assert_false (folded_finds ("Иванов Иван Иванович", "петров"));
}

/* Lists are typed with and without ё: either spelling finds either. */
static void
test_fold_yo (void)
{
  g_assert_true (folded_finds ("Ёжов Пётр", "ежов"));
  g_assert_true (folded_finds ("Ёжов Пётр", "ЕЖОВ"));
  g_assert_true (folded_finds ("Ёжов Пётр", "петр"));
  g_assert_true (folded_finds ("Ежов Петр", "ёжов"));
  g_assert_true (folded_finds ("Ежов Петр", "Пётр"));
  g_assert_false (folded_finds ("Ёжов Пётр", "жук"));
}

static void
test_fold_latin (void)
{
  g_assert_true (folded_finds ("Smith John, English teacher", "smith"));
  g_assert_true (folded_finds ("Smith John, English teacher", "ENGLISH"));
  g_assert_true (folded_finds ("Smith John, English teacher", "jOhN"));
  g_assert_false (folded_finds ("Smith John, English teacher", "smyth"));
}

static void
test_fold_edges (void)
{
  g_autofree char *null_folded = nst_ru_fold (NULL);
  g_autofree char *folded = nst_ru_fold ("Ёлка ЁЖ");

  g_assert_cmpstr (null_folded, ==, "");
  g_assert_cmpstr (folded, ==, "елка еж");
  /* An empty search box shows everybody. */
  g_assert_true (folded_finds ("Иванов", ""));
}

/* ---- sorting ----------------------------------------------------------- */

static int
compare_by_key (gconstpointer a,
                gconstpointer b)
{
  g_autofree char *key_a = nst_ru_collation_key (*(const char *const *) a);
  g_autofree char *key_b = nst_ru_collation_key (*(const char *const *) b);

  return strcmp (key_a, key_b);
}

/* Sorts a shuffled copy of @expected (several shuffles, fixed seeds) and
 * checks that the keys put it back in @expected's order. */
static void
assert_sorts_to (const char *const *expected)
{
  guint n = g_strv_length ((char **) expected);
  g_autofree char *wanted = g_strjoinv (", ", (char **) expected);

  for (guint32 seed = 1; seed <= 5; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *got = NULL;

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (names, (gpointer) expected[i]);
      for (guint i = n - 1; i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, i + 1);
          gpointer tmp = names->pdata[i];

          names->pdata[i] = names->pdata[j];
          names->pdata[j] = tmp;
        }
      g_ptr_array_sort (names, compare_by_key);
      g_ptr_array_add (names, NULL);
      got = g_strjoinv (", ", (char **) names->pdata);
      if (g_strcmp0 (got, wanted) != 0)
        {
          g_test_fail_printf ("Expected: %s\nSorted:   %s", wanted, got);
          return;
        }
    }
}

static void
assert_before (const char *first,
               const char *second)
{
  g_autofree char *key_first = nst_ru_collation_key (first);
  g_autofree char *key_second = nst_ru_collation_key (second);

  if (strcmp (key_first, key_second) >= 0)
    g_test_fail_printf ("«%s» should sort before «%s»", first, second);
}

static const char *const russian_order[] = {
  "Абрамов", "Борисова", "Елисеев", "Ёлкин", "Емельянов", "Жуков", "Зайцев",
  "Иванов", "Йодко", "Киселёва", "Шишкин", "Щукин", "Эльдаров", "Юдин",
  "Яковлев", NULL,
};

/* A plain code-point sort puts Ё before А and Е after Ж: the registry
 * must follow the alphabet. */
static void
test_collation_alphabet (void)
{
  assert_sorts_to (russian_order);
  assert_before ("Абрамов", "Ёлкин");
  assert_before ("Ёлкин", "Жуков");
}

/* ё is е at the first level (as in CLDR and in dictionaries); only a tie
 * puts е before ё. */
static void
test_collation_yo (void)
{
  static const char *const names[] = {
    "Елисеев", "Елкин", "Ёлкин", "Елкина", "Ёлкина", "Емельянов", NULL,
  };

  assert_sorts_to (names);
  assert_before ("Федоров Петр", "Фёдоров Пётр");
  assert_before ("Фёдоров Пётр", "Федорова Анна");
}

static void
test_collation_hyphen (void)
{
  static const char *const surnames[] = {
    "Петров", "Петров-Водкин", "Петрова", "Петрова-Соколова", "Петровский", NULL,
  };
  /* As the registry shows full names: a surname is a whole word, so every
   * «Петров …» comes before «Петров-Водкин …» (CLDR: space before hyphen). */
  static const char *const full_names[] = {
    "Петров Иван Сергеевич", "Петров Яков Ильич", "Петров-Водкин Кузьма Сергеевич",
    "Петрова Анна", "Петрова-Соколова Мария", NULL,
  };

  assert_sorts_to (surnames);
  assert_sorts_to (full_names);
}

static void
test_collation_latin_after_cyrillic (void)
{
  static const char *const names[] = {
    "Абрамов", "Ёлкин", "Яковлев", "Яковлева", "adams", "Baker", "smith john",
    "Smith John", "Zhukov", NULL,
  };

  assert_sorts_to (names);
  /* Case is ignored between Latin names as between Cyrillic ones. */
  assert_before ("adams", "Baker");
  assert_before ("Яшин", "Abramov");
}

static void
test_collation_case_breaks_ties (void)
{
  static const char *const names[] = {
    "иванов", "Иванов", "ИВАНОВ", "иванова", "Иванова", "ивашов", NULL,
  };

  assert_sorts_to (names);
  /* Case never outweighs a letter. */
  assert_before ("ИВАНОВ", "иванова");
  assert_before ("Иванов", "иванова");
}

/* A difference of ё outweighs a difference of case (CLDR: accents are the
 * second level, case the third), so «Елкин» < «ёлкин» < «Ёлкин». */
static void
test_collation_yo_before_case (void)
{
  static const char *const names[] = {
    "елкин", "Елкин", "ёлкин", "Ёлкин", NULL,
  };

  assert_sorts_to (names);
}

static void
test_collation_edges (void)
{
  g_autofree char *empty = nst_ru_collation_key ("");
  g_autofree char *null_key = nst_ru_collation_key (NULL);

  g_assert_nonnull (empty);
  g_assert_nonnull (null_key);
  assert_before ("", "А");
  /* A prefix comes first. */
  assert_before ("Иван", "Иванов");
}

/* Keys must not follow the process locale: the app runs under ru_RU.UTF-8,
 * a C locale or whatever a school's computer has. */
static void
test_collation_locale_independent (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *key_env = NULL;
  g_autofree char *key_c = NULL;

  g_assert_nonnull (setlocale (LC_ALL, ""));
  assert_sorts_to (russian_order);
  key_env = nst_ru_collation_key ("Ёлкин-Щедрина Анна");

  g_assert_nonnull (setlocale (LC_ALL, "C"));
  assert_sorts_to (russian_order);
  key_c = nst_ru_collation_key ("Ёлкин-Щедрина Анна");
  g_assert_cmpstr (key_env, ==, key_c);
  g_assert_true (folded_finds ("Ёжов Пётр", "ежов"));

  setlocale (LC_ALL, saved);
}

/* What a search field does with what is typed: every word, folded, must be
 * found; spaces alone search for nothing. */
static void
test_search_words (void)
{
  g_auto(GStrv) words = nst_ru_search_words ("  Ёлкина   7Б ");
  g_auto(GStrv) none = nst_ru_search_words ("   ");
  g_autofree char *haystack = nst_ru_fold ("Ёлкина Анна Сергеевна\n7Б");

  g_assert_nonnull (words);
  g_assert_cmpuint (g_strv_length (words), ==, 2);
  g_assert_cmpstr (words[0], ==, "елкина");
  g_assert_null (none);
  g_assert_true (nst_ru_contains_all (haystack, words));
  g_assert_true (nst_ru_contains_all (haystack, NULL));
  g_clear_pointer (&words, g_strfreev);
  words = nst_ru_search_words ("ёлкина 8а");
  g_assert_false (nst_ru_contains_all (haystack, words));
}

/* Initials as Russian writes them: both parts of a double name, and of a
 * Turkic patronymic only the father's name. */
static void
test_initials (void)
{
  static const struct { const char *part, *initials; } cases[] = {
    { "Мария", "М." }, { "Анна-Мария", "А.-М." }, { "Рашид оглы", "Р." }, { " Ёлкина ", "Ё." }, { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      nst_ru_append_initials (out, cases[i].part);
      g_assert_cmpstr (out->str, ==, cases[i].initials);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* One wrong order must not hide the other cases. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/ru-text/fold/case", test_fold_case);
  g_test_add_func ("/ru-text/initials", test_initials);
  g_test_add_func ("/ru-text/fold/matches-unicode", test_fold_matches_unicode);
  g_test_add_func ("/ru-text/fold/yo", test_fold_yo);
  g_test_add_func ("/ru-text/fold/latin", test_fold_latin);
  g_test_add_func ("/ru-text/fold/edges", test_fold_edges);
  g_test_add_func ("/ru-text/collation/alphabet", test_collation_alphabet);
  g_test_add_func ("/ru-text/collation/yo", test_collation_yo);
  g_test_add_func ("/ru-text/collation/hyphen", test_collation_hyphen);
  g_test_add_func ("/ru-text/collation/latin-after-cyrillic", test_collation_latin_after_cyrillic);
  g_test_add_func ("/ru-text/collation/case-breaks-ties", test_collation_case_breaks_ties);
  g_test_add_func ("/ru-text/collation/yo-before-case", test_collation_yo_before_case);
  g_test_add_func ("/ru-text/collation/edges", test_collation_edges);
  g_test_add_func ("/ru-text/collation/locale-independent", test_collation_locale_independent);
  g_test_add_func ("/ru-text/search-words", test_search_words);

  return g_test_run ();
}
