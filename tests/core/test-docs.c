/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The documents, read back with a real PDF reader: poppler's pdftotext,
 * pdfinfo and pdffonts, and qpdf. Run with TZ=UTC NST_TODAY=2025-11-15. */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "docs/nst-docs.h"
#include "docs/nst-ru-case.h"
#include "schedule/nst-date.h"
#include "demo/nst-demo.h"
#include "store/nst-store-groups.h"
#include "store/nst-store-orders.h"
#include "store/nst-store-roadmap.h"
#include "docs/nst-order-template.h"
#include "store/nst-store-templates.h"
#include "store/nst-store.h"

#define A4_SHORT 595.276
#define A4_LONG 841.89
#define MARGIN_LEFT (30 * 72 / 25.4)
#define MARGIN_LEFT_FORM (20 * 72 / 25.4)   /* a consent: kept less than ten years */
#define MARGIN_RIGHT (10 * 72 / 25.4)
#define MARGIN_TOP (20 * 72 / 25.4)
#define MARGIN_BOTTOM (20 * 72 / 25.4)

static char *tmp_dir;

/* ---- reading PDFs back ------------------------------------------------------------ */

static char *
run (const char *const *argv,
     int               *status,
     char             **err)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, err, &wait_status, &error));
  g_assert_no_error (error);
  if (status != NULL)
    *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  return out;
}

static char *
pdf_text (const char *path,
          gboolean    layout,
          int         first,
          int         last)
{
  g_autofree char *f = g_strdup_printf ("%d", first);
  g_autofree char *l = g_strdup_printf ("%d", last);
  const char *argv_layout[] = { "pdftotext", "-layout", "-f", f, "-l", l, path, "-", NULL };
  const char *argv_raw[] = { "pdftotext", "-f", f, "-l", l, path, "-", NULL };
  g_autofree char *err = NULL;
  int status;
  char *out = run (layout ? argv_layout : argv_raw, &status, &err);

  g_assert_cmpint (status, ==, 0);
  /* CP1251 fonts extract without a word from poppler. */
  g_assert_cmpstr (err, ==, "");
  return out;
}

/* In the order it was drawn: a table's cells one after the other, each
 * with its lines together. */
static char *
pdf_raw_text (const char *path,
              int         first,
              int         last)
{
  g_autofree char *f = g_strdup_printf ("%d", first);
  g_autofree char *l = g_strdup_printf ("%d", last);
  const char *argv[] = { "pdftotext", "-raw", "-f", f, "-l", l, path, "-", NULL };
  g_autofree char *err = NULL;
  int status;
  char *out = run (argv, &status, &err);

  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  return out;
}

static char *
all_text (const char *path)
{
  return pdf_text (path, TRUE, 1, 100000);
}

/* Text with its lines joined as a reader would: a hyphen at a line's end
 * joins the words, other breaks are spaces. */
static char *
flowing_text (const char *path)
{
  g_autofree char *raw = pdf_text (path, FALSE, 1, 100000);
  GString *out = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '\f')
        continue;
      if (out->len && out->str[out->len - 1] != '-')
        g_string_append_c (out, ' ');
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv, NULL, NULL);
  const char *pages = strstr (out, "Pages:");

  g_assert_nonnull (pages);
  return atoi (pages + 6);
}

typedef struct
{
  double x1, y1, x2, y2;
  char *text;
} Word;

typedef struct
{
  double width, height;
  GArray *words;   /* Word */
} Page;

static void
page_clear (gpointer data)
{
  Page *page = data;

  for (guint i = 0; i < page->words->len; i++)
    g_free (g_array_index (page->words, Word, i).text);
  g_array_unref (page->words);
}

/* Every word with its box, from pdftotext -bbox. */
static GArray *
pdf_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *html = run (argv, NULL, NULL);
  g_autoptr(GRegex) page_re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">", 0, 0, NULL);
  g_autoptr(GRegex) word_re =
    g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                 0, 0, NULL);
  GArray *pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_auto(GStrv) chunks = g_regex_split (page_re, html, 0);

  g_array_set_clear_func (pages, page_clear);
  /* g_regex_split() puts the captured width and height before each page's words. */
  for (guint i = 1; chunks[i] && chunks[i + 1] && chunks[i + 2]; i += 3)
    {
      Page page = { g_ascii_strtod (chunks[i], NULL), g_ascii_strtod (chunks[i + 1], NULL),
                    g_array_new (FALSE, TRUE, sizeof (Word)) };
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (word_re, chunks[i + 2], 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *x1 = g_match_info_fetch (match, 1);
          g_autofree char *y1 = g_match_info_fetch (match, 2);
          g_autofree char *x2 = g_match_info_fetch (match, 3);
          g_autofree char *y2 = g_match_info_fetch (match, 4);
          Word word = { g_ascii_strtod (x1, NULL), g_ascii_strtod (y1, NULL),
                        g_ascii_strtod (x2, NULL), g_ascii_strtod (y2, NULL),
                        g_match_info_fetch (match, 5) };

          g_array_append_val (page.words, word);
          g_match_info_next (match, NULL);
        }
      g_array_append_val (pages, page);
    }
  return pages;
}

static gboolean
all_digits (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return *text != '\0';
}

/* Nothing outside the margins but the page number, centred in the top
 * margin from the second page of a document on. */
static void
assert_margins_from (const char *path,
                     double      margin_left)
{
  g_autoptr(GArray) pages = pdf_words (path);

  g_assert_cmpuint (pages->len, >, 0);
  for (guint p = 0; p < pages->len; p++)
    {
      Page *page = &g_array_index (pages, Page, p);
      double left = margin_left - 0.5, right = page->width - MARGIN_RIGHT + 0.5;
      double top = MARGIN_TOP - 0.5, bottom = page->height - MARGIN_BOTTOM + 0.5;

      for (guint w = 0; w < page->words->len; w++)
        {
          Word *word = &g_array_index (page->words, Word, w);

          if (word->y2 < top && all_digits (word->text))
            {
              g_assert_cmpfloat (ABS ((word->x1 + word->x2) / 2 - (margin_left + page->width - MARGIN_RIGHT) / 2), <, 1);
              g_assert_cmpint (atoi (word->text), >=, 2);
              continue;
            }
          if (word->x1 < left || word->x2 > right || word->y1 < top || word->y2 > bottom)
            g_error ("%s, page %u: “%s” at %.1f,%.1f–%.1f,%.1f lies in the margins",
                     path, p + 1, word->text, word->x1, word->y1, word->x2, word->y2);
        }
    }
}

static void
assert_margins (const char *path)
{
  assert_margins_from (path, MARGIN_LEFT);
}

static void
assert_page_sizes (const char *path,
                   gboolean    landscape)
{
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "100000", path, NULL };
  g_autofree char *out = run (argv, NULL, NULL);
  const char *expected = landscape ? "841.89 x 595.276 pts (A4)" : "595.276 x 841.89 pts (A4)";
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint sizes = 0;

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "Page") && strstr (lines[i], "size:"))
      {
        g_assert_nonnull (strstr (lines[i], expected));
        sizes++;
      }
  g_assert_cmpuint (sizes, ==, pdf_pages (path));
}

/* Each page's orientation, «P» or «L», in order: every page is A4. */
static char *
page_orientations (const char *path)
{
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "100000", path, NULL };
  g_autofree char *out = run (argv, NULL, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GString *result = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "Page") && strstr (lines[i], "size:"))
      {
        if (strstr (lines[i], "595.276 x 841.89 pts (A4)") != NULL)
          g_string_append_c (result, 'P');
        else if (strstr (lines[i], "841.89 x 595.276 pts (A4)") != NULL)
          g_string_append_c (result, 'L');
        else
          g_error ("%s: not an A4 page: %s", path, lines[i]);
      }
  g_assert_cmpuint (result->len, ==, pdf_pages (path));
  return g_string_free (result, FALSE);
}

/* qpdf finds nothing; every font is embedded. */
static void
assert_valid (const char *path)
{
  const char *qpdf[] = { "qpdf", "--check", path, NULL };
  const char *fonts[] = { "pdffonts", path, NULL };
  g_autofree char *check = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  check = run (qpdf, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors found"));
  list = run (fonts, &status, NULL);
  lines = g_strsplit (list, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 3);
  for (guint i = 2; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (lines[i], " ", -1);
      gboolean embedded = FALSE;

      /* name type… encoding emb sub uni id gen: «yes» in the emb column. */
      for (guint f = 0; fields[f]; f++)
        if (g_str_equal (fields[f], "yes") || g_str_equal (fields[f], "no"))
          {
            embedded = g_str_equal (fields[f], "yes");
            break;
          }
      g_assert_true (embedded);
    }
}

static void
assert_document (const char *path,
                 gboolean    landscape)
{
  assert_valid (path);
  assert_page_sizes (path, landscape);
  assert_margins (path);
}

/* A form: portrait, with the 20 mm left margin. */
static void
assert_form_document (const char *path)
{
  assert_valid (path);
  assert_page_sizes (path, FALSE);
  assert_margins_from (path, MARGIN_LEFT_FORM);
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the document:\n%s", needle, text);
}

/* Words of a table's cell come back over several lines. */
static void
assert_matches (const char *text,
                const char *pattern)
{
  if (!g_regex_match_simple (pattern, text, 0, 0))
    g_error ("“%s” does not match the document:\n%s", pattern, text);
}

/* @phrase with any white space between its words, as a table cell's
 * lines come back. */
static void
assert_has_words (const char *text,
                  const char *phrase)
{
  g_auto(GStrv) words = g_strsplit (phrase, " ", -1);
  g_autoptr(GString) pattern = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (words[i], -1);

      g_string_append_printf (pattern, "%s%s", i ? "\\s+" : "", escaped);
    }
  assert_matches (text, pattern->str);
}

static char *
temp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
save (NstPdf     *pdf,
      const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nst_pdf_save_to_file (pdf, path, &error));
  g_assert_no_error (error);
}

/* ---- the engine ---------------------------------------------------------------- */

static void
test_exact_text (void)
{
  const char *text = "В соответствии с приказом № 218 о-д от 09.09.2021 «О внедрении целевой модели "
                     "наставничества» — ёлка, Ёж, объём; Gérard Müller.";
  g_autofree char *path = temp_path ("exact.pdf");
  g_autofree char *markup = g_markup_escape_text (text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(NstPdf) pdf = nst_pdf_new (&error);
  g_autofree char *back = NULL;

  g_assert_no_error (error);
  nst_pdf_begin_document (pdf, NST_PDF_PORTRAIT);
  nst_pdf_paragraph (pdf, &nst_pdf_style_body, markup);
  save (pdf, path);
  back = flowing_text (path);
  g_assert_cmpstr (back, ==, text);
  assert_document (path, FALSE);
}

/* What CP1251 lacks goes through libharu's UTF-8 encoder: in Liberation
 * Serif when it has the glyph (Ә), in PT Serif when it does not (₽). Both
 * come back; poppler grumbles about libharu's ToUnicode map, so only here
 * its warnings are let pass. */
static void
test_fallback_font (void)
{
  g_autofree char *path = temp_path ("fallback.pdf");
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  const char *argv[] = { "pdftotext", path, "-", NULL };
  const char *fonts[] = { "pdffonts", path, NULL };
  g_autofree char *text = NULL;
  g_autofree char *list = NULL;

  nst_pdf_paragraph (pdf, &nst_pdf_style_body, "Премия 100 ₽ вручена: Әлфия Нуриева.");
  save (pdf, path);
  text = run (argv, NULL, NULL);
  assert_has (text, "Премия 100 ₽ вручена: Әлфия Нуриева.");
  list = run (fonts, NULL, NULL);
  assert_has (list, "PTSerif-Regular");
  assert_has (list, "LiberationSerif");
  assert_valid (path);
}

static void
draw_kept (NstPdf   *pdf,
           gpointer  user_data)
{
  nst_pdf_paragraph (pdf, &nst_pdf_style_body, "Последний пункт, который идёт вместе с подписью.");
  nst_pdf_paragraph (pdf, &nst_pdf_style_body, "Подтверждаю, что ознакомлен.");
  nst_pdf_sign_here (pdf, 12, "И.И. Иванов");
}

static void
draw_form_start (NstPdf   *pdf,
                 gpointer  user_data)
{
  nst_pdf_begin_form (pdf);
}

/* Blocks kept together go to the next page whole when they would break;
 * a dry run measures them and leaves the PDF as it was. */
static void
test_keep_together (void)
{
  g_autofree char *path = temp_path ("keep.pdf");
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;
  guint lines = 0;

  nst_pdf_begin_document (pdf, NST_PDF_PORTRAIT);
  /* Fill the page to a line or two above its bottom. */
  while (nst_pdf_measure_pages (pdf, draw_kept, NULL) == 0)
    {
      g_autofree char *line = g_strdup_printf ("Строка %u.", ++lines);

      nst_pdf_paragraph (pdf, &nst_pdf_style_plain, line);
    }
  g_assert_cmpuint (lines, >, 20);
  g_assert_cmpuint (nst_pdf_get_n_pages (pdf), ==, 1);
  nst_pdf_keep_together (pdf, draw_kept, NULL);
  g_assert_cmpuint (nst_pdf_get_n_pages (pdf), ==, 2);
  /* A fresh document counts its first page. */
  g_assert_cmpuint (nst_pdf_measure_pages (pdf, draw_form_start, NULL), ==, 1);
  g_assert_cmpuint (nst_pdf_get_n_pages (pdf), ==, 2);
  save (pdf, path);
  g_assert_cmpuint (pdf_pages (path), ==, 2);
  page1 = pdf_text (path, FALSE, 1, 1);
  page2 = pdf_text (path, FALSE, 2, 2);
  g_assert_null (strstr (page1, "Последний пункт"));
  g_assert_null (strstr (page1, "(подпись)"));
  assert_has (page2, "Последний пункт");
  assert_has (page2, "Подтверждаю");
  assert_has (page2, "(подпись)");
}

/* A blank page pads a document of an odd count of pages, and only that. */
static void
test_pad_to_even (void)
{
  g_autofree char *path = temp_path ("pad.pdf");
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autofree char *blank = NULL;

  nst_pdf_begin_form (pdf);
  nst_pdf_paragraph (pdf, &nst_pdf_style_form, "Первая форма.");
  nst_pdf_pad_to_even (pdf);
  g_assert_cmpuint (nst_pdf_get_n_pages (pdf), ==, 2);
  nst_pdf_pad_to_even (pdf);
  g_assert_cmpuint (nst_pdf_get_n_pages (pdf), ==, 2);
  nst_pdf_begin_form (pdf);
  nst_pdf_paragraph (pdf, &nst_pdf_style_form, "Вторая форма.");
  save (pdf, path);
  g_assert_cmpuint (pdf_pages (path), ==, 3);
  blank = pdf_text (path, FALSE, 2, 2);
  /* No page number, no text: the back of the first form. */
  g_assert_cmpstr (g_strstrip (blank), ==, "");
  assert_margins_from (path, MARGIN_LEFT_FORM);
}

/* Thousands of numbered words flow over pages, in order, none lost; a
 * word wider than the line is broken, not dropped. */
static void
test_flow_and_long_words (void)
{
  g_autofree char *path = temp_path ("flow.pdf");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) long_word = g_string_new (NULL);
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autofree char *back = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GRegex) space = NULL;
  const char *p;

  for (guint i = 0; i < 2500; i++)
    g_string_append_printf (text, "%sслово%u", i ? " " : "", i);
  for (guint i = 0; i < 40; i++)
    g_string_append (long_word, "наставничество");
  g_string_append_printf (text, " %s конец", long_word->str);
  nst_pdf_begin_document (pdf, NST_PDF_PORTRAIT);
  nst_pdf_paragraph (pdf, &nst_pdf_style_body, text->str);
  save (pdf, path);
  g_assert_cmpuint (pdf_pages (path), >=, 3);
  back = flowing_text (path);
  p = back;
  for (guint i = 0; i < 2500; i++)
    {
      g_autofree char *word = g_strdup_printf ("слово%u ", i);

      p = strstr (p, word);
      g_assert_nonnull (p);
    }
  space = g_regex_new ("\\s+", 0, 0, NULL);
  squeezed = g_regex_replace_literal (space, p, -1, 0, "", 0, NULL);
  assert_has (squeezed, long_word->str);
  assert_document (path, FALSE);
}

/* Justified lines reach the right margin; a paragraph's first line is
 * indented 1.25 cm; its last line is not stretched. */
static void
test_justify (void)
{
  g_autofree char *path = temp_path ("justify.pdf");
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GHashTable) line_ends = g_hash_table_new (g_direct_hash, g_direct_equal);
  Page *page;
  double first_x = 1e9, right = A4_SHORT - MARGIN_RIGHT;
  guint full_lines = 0;

  nst_pdf_begin_document (pdf, NST_PDF_PORTRAIT);
  nst_pdf_paragraph (pdf, &nst_pdf_style_body,
                     "Куратор организует формирование базы наставников и наставляемых, оформление "
                     "согласий участников, подготовку приказов о закреплении наставнических пар и групп, "
                     "мониторинг реализации персонализированных программ наставничества и подготовку "
                     "ежегодного аналитического отчёта о работе.");
  save (pdf, path);
  pages = pdf_words (path);
  page = &g_array_index (pages, Page, 0);
  for (guint i = 0; i < page->words->len; i++)
    {
      Word *w = &g_array_index (page->words, Word, i);
      gpointer key = GINT_TO_POINTER ((int) (w->y1 * 10));
      double end = GPOINTER_TO_INT (g_hash_table_lookup (line_ends, key)) / 100.0;

      if (i == 0)
        first_x = w->x1;
      g_hash_table_insert (line_ends, key, GINT_TO_POINTER ((int) (MAX (end, w->x2) * 100)));
    }
  g_assert_cmpfloat (ABS (first_x - (MARGIN_LEFT + 12.5 * 72 / 25.4)), <, 0.6);
  {
    GHashTableIter iter;
    gpointer key, value;
    double last_y = 0, last_end = 0;

    g_hash_table_iter_init (&iter, line_ends);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        double end = GPOINTER_TO_INT (value) / 100.0;

        if (GPOINTER_TO_INT (key) > last_y)
          {
            last_y = GPOINTER_TO_INT (key);
            last_end = end;
          }
        if (ABS (end - right) < 0.6)
          full_lines++;
      }
    g_assert_cmpuint (full_lines, ==, g_hash_table_size (line_ends) - 1);
    g_assert_cmpfloat (last_end, <, right - 20);
  }
}

static void
test_table_header_repeats (void)
{
  static const NstPdfColumn columns[] = {
    { 0.5, NST_PDF_ALIGN_CENTER, FALSE }, { 3, NST_PDF_ALIGN_LEFT, FALSE }, { 2, NST_PDF_ALIGN_LEFT, TRUE },
  };
  static const char *const header[] = { "№", "Наименование мероприятия", "Отметка" };
  g_autofree char *path = temp_path ("table.pdf");
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autoptr(NstPdfTable) table = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *page3 = NULL;
  g_autofree char *all = NULL;

  nst_pdf_begin_document (pdf, NST_PDF_PORTRAIT);
  nst_pdf_paragraph (pdf, &nst_pdf_style_title, "План мероприятий");
  table = nst_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 12);
  nst_pdf_table_set_header (table, header);
  nst_pdf_table_add_group (table, "Организационный раздел");
  for (guint i = 1; i <= 90; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", i);
      g_autofree char *activity = g_strdup_printf ("Мероприятие номер %u, описание которого занимает "
                                                   "не одну строку в узкой графе таблицы", i);
      const char *row[] = { n, activity, "" };

      nst_pdf_table_add_row (table, row);
    }
  /* A row taller than a page goes on over the next. */
  {
    g_autoptr(GString) huge = g_string_new (NULL);
    const char *row[] = { "91", NULL, "" };

    for (guint i = 0; i < 120; i++)
      g_string_append_printf (huge, "строка%u\n", i);
    row[1] = huge->str;
    nst_pdf_table_add_row (table, row);
  }
  g_clear_pointer (&table, nst_pdf_table_free);
  save (pdf, path);
  g_assert_cmpuint (pdf_pages (path), >=, 4);
  page2 = pdf_text (path, TRUE, 2, 2);
  page3 = pdf_text (path, TRUE, 3, 3);
  assert_has (page2, "Наименование мероприятия");
  assert_has (page3, "Наименование мероприятия");
  all = flowing_text (path);
  assert_has (all, "Мероприятие номер 90,");
  assert_has (all, "строка0 ");
  assert_has (all, "строка119");
  assert_document (path, FALSE);
}

static void
test_landscape_and_numbers (void)
{
  g_autofree char *path = temp_path ("landscape.pdf");
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autofree char *first = NULL;

  nst_pdf_begin_document (pdf, NST_PDF_LANDSCAPE);
  for (guint i = 0; i < 60; i++)
    nst_pdf_paragraph (pdf, &nst_pdf_style_body, "Альбомная страница для широких таблиц.");
  save (pdf, path);
  g_assert_cmpuint (pdf_pages (path), >=, 2);
  /* No number on the first page; assert_margins() checks the rest. */
  first = pdf_text (path, TRUE, 1, 1);
  g_assert_false (g_regex_match_simple ("^\\s*1\\s*$", first, G_REGEX_MULTILINE, 0));
  assert_document (path, TRUE);
}

static void
test_atomic_write_missing_folder (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-folder", "x.pdf", NULL);
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autoptr(GError) error = NULL;

  nst_pdf_paragraph (pdf, &nst_pdf_style_body, "Текст");
  g_assert_false (nst_pdf_save_to_file (pdf, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "x.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

static void
test_atomic_write_read_only (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "read-only", NULL);
  g_autofree char *path = g_build_filename (dir, "x.pdf", NULL);
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0555), ==, 0);
  if (access (dir, W_OK) == 0)
    {
      g_test_skip ("permissions do not bind this user (root)");
      return;
    }
  nst_pdf_paragraph (pdf, &nst_pdf_style_body, "Текст");
  g_assert_false (nst_pdf_save_to_file (pdf, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpuint (count_files (dir), ==, 0);
}

/* A disk that fills up halfway: the write fails, and the half file and
 * the old file are gone/kept as they were. The file size limit stands in
 * for a full disk, whoever runs the test. */
static void
test_atomic_write_full (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_build_filename (tmp_dir, "full", NULL);
      g_autofree char *path = g_build_filename (dir, "x.pdf", NULL);
      struct rlimit limit = { 1000, 1000 };
      g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *kept = NULL;

      g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      nst_pdf_paragraph (pdf, &nst_pdf_style_body, "Текст, которому не хватит места на диске.");
      g_assert_false (nst_pdf_save_to_file (pdf, path, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "x.pdf"));
      g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
      g_assert_cmpstr (kept, ==, "old");
      g_assert_cmpuint (count_files (dir), ==, 1);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ---- Russian names ------------------------------------------------------------------ */

static void
test_cases (void)
{
  static const struct { const char *nominative, *accusative, *genitive, *dative; } names[] = {
    { "Иванова Мария Петровна", "Иванову Марию Петровну", "Ивановой Марии Петровны", "Ивановой Марии Петровне" },
    { "Петров Иван Сергеевич", "Петрова Ивана Сергеевича", "Петрова Ивана Сергеевича", "Петрову Ивану Сергеевичу" },
    { "Бирюкова Евгения Кирилловна", "Бирюкову Евгению Кирилловну", "Бирюковой Евгении Кирилловны",
      "Бирюковой Евгении Кирилловне" },
    { "Высоцкая Елена Кирилловна", "Высоцкую Елену Кирилловну", "Высоцкой Елены Кирилловны", "Высоцкой Елене Кирилловне" },
    { "Чайковский Пётр Ильич", "Чайковского Петра Ильича", "Чайковского Петра Ильича", "Чайковскому Петру Ильичу" },
    { "Шевчук Ольга Андреевна", "Шевчук Ольгу Андреевну", "Шевчук Ольги Андреевны", "Шевчук Ольге Андреевне" },
    { "Черных Илья Игоревич", "Черных Илью Игоревича", "Черных Ильи Игоревича", "Черных Илье Игоревичу" },
    { "Гоголь Николай Васильевич", "Гоголя Николая Васильевича", "Гоголя Николая Васильевича", "Гоголю Николаю Васильевичу" },
    { "Шевченко Любовь Ивановна", "Шевченко Любовь Ивановну", "Шевченко Любови Ивановны", "Шевченко Любови Ивановне" },
    { "Толстой Лев Николаевич", "Толстого Льва Николаевича", "Толстого Льва Николаевича", "Толстому Льву Николаевичу" },
    { "Петров-Водкин Кузьма Сергеевич", "Петрова-Водкина Кузьму Сергеевича", "Петрова-Водкина Кузьмы Сергеевича",
      "Петрову-Водкину Кузьме Сергеевичу" },
    /* A double first name declines in both parts. */
    { "Петрова Анна-Мария Ивановна", "Петрову Анну-Марию Ивановну", "Петровой Анны-Марии Ивановны",
      "Петровой Анне-Марии Ивановне" },
    /* A Turkic patronymic stays as it is; the surname and the name decline. */
    { "Мамедов Ахмед Рашид оглы", "Мамедова Ахмеда Рашид оглы", "Мамедова Ахмеда Рашид оглы",
      "Мамедову Ахмеду Рашид оглы" },
    { "Алиева Лейла Рашид кызы", "Алиеву Лейлу Рашид кызы", "Алиевой Лейлы Рашид кызы", "Алиевой Лейле Рашид кызы" },
  };
  static const struct { const char *post, *accusative, *dative; } posts[] = {
    { "Заместитель директора по УВР", "заместителя директора по УВР", "заместителю директора по УВР" },
    { "учитель начальных классов", "учителя начальных классов", "учителю начальных классов" },
    { "педагог-психолог", "педагога-психолога", "педагогу-психологу" },
    { "социальный педагог", "социального педагога", "социальному педагогу" },
    { "старший вожатый", "старшего вожатого", "старшему вожатому" },
    { "заведующий библиотекой", "заведующего библиотекой", "заведующему библиотекой" },
    { "Директор", "директора", "директору" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *acc = nst_ru_decline_full_name (names[i].nominative, NST_RU_ACCUSATIVE);
      g_autofree char *gen = nst_ru_decline_full_name (names[i].nominative, NST_RU_GENITIVE);
      g_autofree char *dat = nst_ru_decline_full_name (names[i].nominative, NST_RU_DATIVE);

      g_assert_cmpstr (acc, ==, names[i].accusative);
      g_assert_cmpstr (gen, ==, names[i].genitive);
      g_assert_cmpstr (dat, ==, names[i].dative);
    }
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      g_autofree char *acc = nst_ru_decline_post (posts[i].post, NST_RU_ACCUSATIVE);
      g_autofree char *dat = nst_ru_decline_post (posts[i].post, NST_RU_DATIVE);

      g_assert_cmpstr (acc, ==, posts[i].accusative);
      g_assert_cmpstr (dat, ==, posts[i].dative);
    }
  {
    g_autofree char *initials = nst_ru_initials_first ("Иванова Мария Петровна");

    g_assert_cmpstr (initials, ==, "М.П. Иванова");
  }
  {
    g_autofree char *double_name = nst_ru_initials_first ("Петрова Анна-Мария Ивановна");
    g_autofree char *turkic = nst_ru_initials_first ("Мамедов Ахмед Рашид оглы");

    g_assert_cmpstr (double_name, ==, "А.-М.И. Петрова");
    g_assert_cmpstr (turkic, ==, "А.Р. Мамедов");
  }
  g_assert_cmpint (nst_ru_guess_gender_full ("Мамедов Ахмед Рашид оглы"), ==, NST_RU_GENDER_MALE);
  g_assert_cmpint (nst_ru_guess_gender_full ("Алиева Лейла Рашид кызы"), ==, NST_RU_GENDER_FEMALE);
  g_assert_cmpint (nst_ru_guess_gender ("Мария", "Петровна"), ==, NST_RU_GENDER_FEMALE);
  g_assert_cmpint (nst_ru_guess_gender ("Никита", NULL), ==, NST_RU_GENDER_MALE);
}

/* ---- the store and the school ------------------------------------------------------- */

typedef struct
{
  char *db_path;
  NstStore *store;
  NstSchool *school;
  GListStore *participants;
  NstDocContext context;
  guint demo_orders;   /* the example school's journal, before the test's */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("docs-%u.sqlite", counter++);

  f->db_path = temp_path (name);
  f->store = nst_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (nst_demo_fill (f->store, &error));
  g_assert_no_error (error);
  f->school = nst_store_load_school (f->store, &error);
  f->participants = nst_store_list_participants (f->store, &error);
  g_assert_no_error (error);
  nst_doc_context_init (&f->context, f->school, NULL);
  {
    g_autoptr(GListStore) journal = nst_store_list_orders (f->store, NULL, &error);

    f->demo_orders = g_list_model_get_n_items (G_LIST_MODEL (journal));
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->participants);
  g_clear_object (&f->school);
  g_clear_object (&f->store);
  g_free (f->db_path);
}

static NstParticipant *
find_participant (Fixture     *f,
                  NstCategory  category,
                  int          min_age,
                  int          max_age,
                  gboolean     mentor)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->participants));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (G_LIST_MODEL (f->participants), i);
      int age = nst_participant_get_age (p, &f->context.today);

      if (nst_participant_get_category (p) == category &&
          (min_age < 0 || (age >= min_age && age <= max_age)) &&
          (!mentor || nst_participant_get_is_mentor (p)))
        return g_steal_pointer (&p);
    }
  g_assert_not_reached ();
}

static void
test_journal_numbers (Fixture       *f,
                      gconstpointer  data)
{
  static const char *const dates[] = { "2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02" };
  /* The example school's journal has three orders of 2025 already. */
  static const guint expected[] = { 4, 5, 1, 2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) found = nst_store_list_orders (f->store, "НАЗНАЧЕНИИ", &error);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (found));

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(NstOrder) order = nst_order_new (NST_ORDER_KIND_CURATOR, "О назначении куратора", dates[i]);
      g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-", 5);
      guint number;

      g_assert_true (nst_store_next_order_number (f->store, nst_order_get_year (order), &number, &error));
      g_assert_cmpuint (number, ==, expected[i]);
      nst_order_set_number (order, number, "о-д");
      g_assert_true (nst_store_add_order (f->store, order, bytes, &error));
      g_assert_no_error (error);
    }
  /* A number the year already has is refused. */
  {
    g_autoptr(NstOrder) twin = nst_order_new (NST_ORDER_KIND_CURATOR, "Двойник", "2026-03-01");

    nst_order_set_number (twin, 2, "о-д");
    g_assert_false (nst_store_add_order (f->store, twin, NULL, &error));
    g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_clear_object (&found);
  found = nst_store_list_orders (f->store, "НАЗНАЧЕНИИ", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, before + 4);
  g_clear_object (&found);
  found = nst_store_list_orders (f->store, "31.12.2025", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  {
    g_autoptr(NstOrder) first = g_list_model_get_item (G_LIST_MODEL (found), 0);
    g_autofree char *number = nst_order_dup_registration_number (first);

    g_assert_cmpstr (number, ==, "5 о-д");
  }
}

static char *
issue (Fixture         *f,
       NstOrderContent *content,
       const char      *name,
       gboolean         draft,
       NstOrder       **order_out,
       GBytes         **bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = temp_path (name);
  NstOrder *order = nst_doc_order_issue (f->store, f->school, content, draft, path, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (order);
  if (order_out != NULL)
    *order_out = order;
  else
    g_object_unref (order);
  return path;
}

static void
assert_order_requisites (const char *path,
                         const char *number)
{
  g_autofree char *text = all_text (path);
  g_autofree char *flowing = flowing_text (path);
  g_autofree char *date_line = g_strdup_printf ("15.11.2025\\s+№ %s\\n", number);

  assert_has (flowing, "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 7»");
  assert_has (flowing, "(МАОУ «СОШ № 7»)");
  assert_has (text, "ПРИКАЗ\n");
  /* The date and the number on one line. */
  g_assert_true (g_regex_match_simple (date_line, text, 0, 0));
  assert_has (text, "г. Новоозёрск");
  assert_has (text, "ПРИКАЗЫВАЮ:");
  assert_has (text, "1. ");
  assert_has (text, "Директор");
  assert_has (text, "ЛИСТ ОЗНАКОМЛЕНИЯ");
  assert_has (flowing, "Фамилия, имя, отчество");
  assert_has (flowing, "Дата ознакомления");
  /* The order itself and its acknowledgement sheet are portrait; a wide
   * appendix may be landscape. */
  {
    g_autofree char *orientations = page_orientations (path);

    g_assert_cmpint (orientations[0], ==, 'P');
    g_assert_cmpint (orientations[strlen (orientations) - 1], ==, 'P');
  }
  assert_valid (path);
  assert_margins (path);
}

/* The executor's mark: small, at the bottom left of the order's last page. */
static void
assert_executor_mark (const char *path,
                      const char *surname)
{
  g_autoptr(GArray) pages = pdf_words (path);
  gboolean found = FALSE;

  for (guint p = 0; p < pages->len && !found; p++)
    {
      Page *page = &g_array_index (pages, Page, p);

      for (guint w = 0; w < page->words->len; w++)
        {
          Word *word = &g_array_index (page->words, Word, w);

          if (g_str_equal (word->text, surname) && word->y2 - word->y1 < 12 &&
              ABS (word->x1 - MARGIN_LEFT) < 1 && word->y2 > page->height - MARGIN_BOTTOM - 30)
            found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_order_curator (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate date;
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *path = NULL;
  g_autofree char *flowing = NULL;
  g_autofree char *curator = g_strdup (nst_school_get_text (f->school, "curator-name"));
  g_autofree char *curator_acc = nst_ru_decline_full_name (curator, NST_RU_ACCUSATIVE);
  g_auto(GStrv) parts = g_strsplit (curator, " ", -1);

  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_curator (f->school, &date, NULL, &error);
  g_assert_no_error (error);
  path = issue (f, content, "order-curator.pdf", FALSE, &order, &bytes);
  g_assert_cmpuint (nst_order_get_number (order), ==, 4);  /* after the example school's three of 2025 */
  assert_order_requisites (path, "4 о-д");
  flowing = flowing_text (path);
  assert_has (flowing, "О назначении куратора реализации программ наставничества");
  assert_has (flowing, curator_acc);
  assert_has (flowing, "351.8 Трудового кодекса");
  assert_executor_mark (path, parts[0]);
  /* A reprint from the journal is the same file. */
  stored = nst_store_get_order_pdf (f->store, nst_order_get_id (order), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, bytes));
  /* A second appointment ends the first, in the point before the
   * director's control. */
  {
    g_autoptr(NstOrderContent) second = nst_doc_order_curator (f->school, &date, NULL, &error);
    g_autoptr(NstOrder) previous = nst_store_find_last_order (f->store, NST_ORDER_KIND_CURATOR, &error);
    g_autofree char *path2 = NULL;
    g_autofree char *text2 = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (nst_order_get_id (previous), ==, nst_order_get_id (order));
    nst_order_content_supersede (second, previous);
    path2 = issue (f, second, "order-curator-2.pdf", FALSE, NULL, NULL);
    text2 = flowing_text (path2);
    assert_has (text2, "3. Признать утратившим силу приказ от 15.11.2025 № 4 о-д «О назначении куратора "
                       "реализации программ наставничества».");
    assert_has (text2, "4. Контроль за исполнением настоящего приказа оставляю за собой.");
    g_assert_null (strstr (flowing, "утратившим силу"));
  }
}

/* An appendix, as the order on pairs will have: its mark at the top right
 * of a new page, page numbers going on. */
static void
draw_appendix (NstPdf   *pdf,
               NstOrder *order,
               gpointer  user_data)
{
  static const NstPdfColumn columns[] = { { 0.5, NST_PDF_ALIGN_CENTER, FALSE }, { 4, NST_PDF_ALIGN_LEFT, FALSE } };
  static const char *const header[] = { "№", "ФИО наставника" };
  g_autoptr(NstPdfTable) table = NULL;

  nst_doc_appendix_mark (pdf, 1, order);
  table = nst_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 12);
  nst_pdf_table_set_header (table, header);
  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", i);
      const char *row[] = { n, "Иванова Мария Петровна" };

      nst_pdf_table_add_row (table, row);
    }
}

static void
test_order_appendix (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GDate date;

  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_curator (f->school, &date, NULL, &error);
  g_assert_no_error (error);
  content->appendix = draw_appendix;
  path = issue (f, content, "order-appendix.pdf", FALSE, NULL, NULL);
  assert_order_requisites (path, "4 о-д");
  text = all_text (path);
  g_assert_true (g_regex_match_simple ("Приложение 1\\s+к приказу от 15\\.11\\.2025 № 4 о-д", text, 0, 0));
  g_assert_cmpuint (pdf_pages (path), >=, 4);
}

static void
test_order_introduction (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  NstIntroductionOptions separate = { FALSE, "01.12.2025", "2025–2028 годы", NULL };
  NstIntroductionOptions attached = { TRUE, NULL, "2030–2033 годы", NULL };
  g_autoptr(NstRoadmap) roadmap = NULL;
  g_autoptr(NstOrderContent) with_roadmap = NULL;
  g_autofree char *path3 = NULL;
  g_autofree char *text3 = NULL;
  g_autofree char *orientations = NULL;
  g_autofree char *order_text = NULL;
  const char *sheet;
  GDate date;
  g_autoptr(NstOrderContent) with_curator = NULL;
  g_autoptr(NstOrderContent) without = NULL;
  g_autoptr(NstOrder) draft = NULL;
  g_autoptr(GListStore) journal = NULL;
  g_autofree char *path1 = NULL;
  g_autofree char *path2 = NULL;
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;

  nst_date_parse_iso ("2025-11-15", &date);
  with_curator = nst_doc_order_introduction (f->school, &date, NULL, NULL, &error);
  g_assert_no_error (error);
  path1 = issue (f, with_curator, "order-introduction.pdf", FALSE, NULL, NULL);
  assert_order_requisites (path1, "4 о-д");
  text1 = flowing_text (path1);
  assert_has (text1, "О внедрении целевой модели наставничества");
  /* Nothing attached, nothing cited: the programme is the school's own
   * text, and no roadmap was given. */
  assert_has (text1, "Утвердить программу наставничества МАОУ «СОШ № 7».");
  assert_has (text1, "Утвердить дорожную карту внедрения целевой модели наставничества в МАОУ «СОШ № 7» на 2025–2028 годы.");
  g_assert_null (strstr (text1, "приложени"));
  g_assert_null (strstr (text1, "Приложени"));
  assert_has (text1, "куратором реализации программ наставничества в МАОУ «СОШ № 7» (далее — куратор)");
  assert_has (text1, "https://sosh7.novoozyorsk.example");

  without = nst_doc_order_introduction (f->school, &date, &separate, NULL, &error);
  g_assert_no_error (error);
  path2 = issue (f, without, "order-introduction-draft.pdf", TRUE, &draft, NULL);
  g_assert_true (nst_order_is_draft (draft));
  text2 = flowing_text (path2);
  assert_has (text2, "№ ________");
  assert_has (text2, "с 01.12.2025");
  assert_has (text2, "на 2025–2028 годы");
  g_assert_null (strstr (text2, "(далее — куратор)"));
  /* A draft leaves the journal alone. */
  journal = nst_store_list_orders (f->store, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, f->demo_orders + 1);

  /* With the roadmap: attached as the appendix, in landscape, and its own
   * years are the order's, whatever period was asked for. */
  roadmap = nst_store_load_current_roadmap (f->store, &date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (roadmap);
  g_assert_nonnull (strstr (nst_roadmap_get_title (roadmap), "2024-2027"));
  attached.roadmap = roadmap;
  with_roadmap = nst_doc_order_introduction (f->school, &date, &attached, NULL, &error);
  g_assert_no_error (error);
  path3 = issue (f, with_roadmap, "order-introduction-roadmap.pdf", TRUE, NULL, NULL);
  text3 = flowing_text (path3);
  sheet = strstr (text3, "ЛИСТ ОЗНАКОМЛЕНИЯ");
  g_assert_nonnull (sheet);
  order_text = g_strndup (text3, strstr (text3, "Приложение к приказу") - text3);
  assert_has (order_text, "на 2024–2027 годы (приложение).");
  g_assert_null (strstr (text3, "2030"));
  g_assert_null (strstr (order_text, "приложение 1"));
  g_assert_null (strstr (order_text, "приложение 2"));
  assert_has (text3, "Приложение к приказу от 15.11.2025 № _____");
  assert_has (text3, nst_roadmap_get_title (roadmap));
  assert_has (text3, "Организационно-методическое сопровождение деятельности");
  orientations = page_orientations (path3);
  g_assert_true (g_regex_match_simple ("^P+L+P$", orientations, 0, 0));
}

static void
test_order_template_errors (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) empty = nst_school_new ();
  GDate date;
  NstOrderContent *content;

  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_curator (f->school, &date, "О чём-то\n\nТекст с {no_such_field}.", &error);
  g_assert_null (content);
  g_assert_error (error, NST_PDF_ERROR, NST_PDF_ERROR_TEMPLATE);
  g_assert_nonnull (strstr (error->message, "no_such_field"));
  g_clear_error (&error);

  content = nst_doc_order_curator (empty, &date, NULL, &error);
  g_assert_null (content);
  g_assert_error (error, NST_PDF_ERROR, NST_PDF_ERROR_SCHOOL_DETAILS);
}

/* The school's own text of a kind: stored once it parses, printed in
 * place of the standard one, and gone again on reset. */
static void
test_order_school_template (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *standard = nst_order_template_default (NST_ORDER_KIND_CURATOR, &error);
  g_autofree char *custom = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *path = NULL;
  g_autofree char *flowing = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_auto(GStrv) fields = nst_order_template_fields (NST_ORDER_KIND_PAIRS);
  GDate date;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (standard, "ПРИКАЗЫВАЮ:"));
  g_assert_cmpstr (nst_order_template_title (NST_ORDER_KIND_CURATOR), ==, "О назначении куратора");
  g_assert_true (g_strv_contains (nst_order_template_kinds (), NST_ORDER_KIND_COMPLETION));
  g_assert_true (g_strv_contains ((const char *const *) fields, "pairs_terms"));
  g_assert_true (g_strv_contains ((const char *const *) fields, "school_short_name"));

  /* None stored: the standard text. */
  g_assert_null (nst_store_get_order_template (f->store, NST_ORDER_KIND_CURATOR, &error));
  g_assert_no_error (error);

  custom = g_strdup ("О назначении куратора\n\n"
                     "Для порядка в {school_short_name} особым образом.\n\n"
                     "ПРИКАЗЫВАЮ:\n\n"
                     "* Назначить {curator_post_acc} {curator_name_acc} куратором.\n");
  g_assert_true (nst_order_template_save (f->store, NST_ORDER_KIND_CURATOR, custom, &error));
  g_assert_no_error (error);

  /* A broken text is refused, naming the field, and the stored one stays. */
  g_assert_false (nst_order_template_save (f->store, NST_ORDER_KIND_CURATOR,
                                           "О чём-то\n\nТекст с {no_such_field}.", &error));
  g_assert_error (error, NST_PDF_ERROR, NST_PDF_ERROR_TEMPLATE);
  g_assert_nonnull (strstr (error->message, "no_such_field"));
  g_clear_error (&error);
  g_assert_false (nst_order_template_save (f->store, NST_ORDER_KIND_PAIRS,
                                           "О парах\n\n[programmes] * {nope}", &error));
  g_assert_error (error, NST_PDF_ERROR, NST_PDF_ERROR_TEMPLATE);
  g_clear_error (&error);
  g_assert_null (nst_store_get_order_template (f->store, NST_ORDER_KIND_PAIRS, &error));
  g_assert_no_error (error);
  stored = nst_store_get_order_template (f->store, NST_ORDER_KIND_CURATOR, &error);
  g_assert_cmpstr (stored, ==, custom);

  /* Issued with the stored text, as the menu and the CLI do. */
  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_curator (f->school, &date, stored, &error);
  g_assert_no_error (error);
  path = issue (f, content, "order-curator-custom.pdf", FALSE, NULL, NULL);
  flowing = flowing_text (path);
  assert_has (flowing, "особым образом");

  /* Reset: the standard text again. */
  g_clear_pointer (&stored, g_free);
  g_assert_true (nst_store_reset_order_template (f->store, NST_ORDER_KIND_CURATOR, &error));
  g_assert_no_error (error);
  stored = nst_store_get_order_template (f->store, NST_ORDER_KIND_CURATOR, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
}

/* A failed order leaves neither a file nor a journal entry. */
static void
test_order_failure_leaves_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autoptr(GListStore) journal = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-folder", "order.pdf", NULL);
  GDate date;

  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_curator (f->school, &date, NULL, &error);
  order = nst_doc_order_issue (f->store, f->school, content, FALSE, path, NULL, &error);
  g_assert_null (order);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  journal = nst_store_list_orders (f->store, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, f->demo_orders);
}

typedef gboolean (*ConsentFunc) (NstPdf *, const NstDocContext *, NstParticipant *, GError **);

static char *
print_consent (Fixture        *f,
               ConsentFunc     func,
               NstParticipant *p,
               const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstPdf) pdf = nst_pdf_new (&error);
  char *path = temp_path (name);

  g_assert_true (func (pdf, &f->context, p, &error));
  g_assert_no_error (error);
  save (pdf, path);
  assert_form_document (path);
  return path;
}

/* 152-ФЗ art. 9 part 4: operator, purpose, data, actions, methods, third
 * parties, term and withdrawal, signature. */
static void
assert_processing_terms (const char *text)
{
  assert_has (text, "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 7» (МАОУ «СОШ № 7»)");
  assert_has (text, "адрес: 666684, Иркутская область, г. Новоозёрск, ул. Школьная, д. 7");
  assert_has (text, "Цель обработки");
  assert_has (text, "Перечень персональных данных");
  assert_has (text, "Перечень действий");
  assert_has (text, "Способ обработки: смешанная");
  assert_has (text, "Обработка персональных данных другому лицу не поручается.");
  g_assert_null (strstr (text, "по поручению оператора"));
  assert_has (text, "Срок действия и отзыв согласия");
  assert_has (text, "(подпись)");
  assert_has (text, "(расшифровка подписи)");
  assert_has (text, "(вид документа)");
  assert_has (text, "(кем выдан)");
}

static void
test_consent_adult (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(NstParticipant) teacher = find_participant (f, NST_CATEGORY_TEACHER, -1, 0, FALSE);
  g_autofree char *path = print_consent (f, nst_doc_consent_processing, teacher, "consent-adult.pdf");
  g_autofree char *text = flowing_text (path);
  g_autofree char *name = nst_participant_dup_full_name (teacher);
  g_autofree char *initials = nst_ru_initials_first (name);

  assert_has (text, "СОГЛАСИЕ на обработку персональных данных");
  assert_has (text, name);
  assert_has (text, nst_participant_get_post (teacher));
  assert_has (text, initials);
  assert_processing_terms (text);
  g_assert_null (strstr (text, "законного представителя"));
  g_assert_cmpuint (pdf_pages (path), ==, 1);
}

static void
test_consent_child (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(NstParticipant) child = find_participant (f, NST_CATEGORY_STUDENT, 7, 13, FALSE);
  g_autofree char *path = print_consent (f, nst_doc_consent_processing, child, "consent-child.pdf");
  g_autofree char *text = flowing_text (path);
  g_autofree char *genitive = nst_ru_decline_person (nst_participant_get_surname (child),
                                                     nst_participant_get_name (child),
                                                     nst_participant_get_patronymic (child),
                                                     NST_RU_GENITIVE);
  g_autofree char *born = nst_date_iso_to_ru (nst_participant_get_birth_date (child));

  g_assert_cmpint (nst_consent_form_for (child, &f->context.today), ==, NST_CONSENT_FORM_CHILD);
  assert_has (text, "родителя (законного представителя) на обработку персональных данных");
  assert_has (text, "(фамилия, имя, отчество родителя (законного представителя))");
  assert_has (text, genitive);
  assert_has (text, born);
  assert_has (text, nst_participant_get_class_name (child));
  assert_has (text, "свидетельство о рождении");
  assert_processing_terms (text);
  /* It spilt its signature onto a second page: set tighter, it fits. */
  g_assert_cmpuint (pdf_pages (path), ==, 1);
}

static void
test_consent_minor (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(NstParticipant) minor = find_participant (f, NST_CATEGORY_STUDENT, 14, 17, FALSE);
  g_autofree char *path = print_consent (f, nst_doc_consent_processing, minor, "consent-minor.pdf");
  g_autofree char *text = flowing_text (path);
  g_autofree char *name = nst_participant_dup_full_name (minor);
  g_autofree char *initials = nst_ru_initials_first (name);

  g_assert_cmpint (nst_consent_form_for (minor, &f->context.today), ==, NST_CONSENT_FORM_MINOR);
  assert_has (text, "обучающегося на обработку персональных данных");
  assert_has (text, name);
  assert_has (text, initials);
  assert_has (text, "Согласие родителя (законного представителя)");
  assert_processing_terms (text);
}

static void
test_consent_distribution (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(NstParticipant) teacher = find_participant (f, NST_CATEGORY_TEACHER, -1, 0, FALSE);
  g_autofree char *path = print_consent (f, nst_doc_consent_distribution, teacher, "consent-distribution.pdf");
  g_autofree char *text = flowing_text (path);
  g_autofree char *layout = all_text (path);
  g_autofree char *name = nst_participant_dup_full_name (teacher);

  assert_has (text, "разрешённых субъектом персональных данных для распространения");
  assert_has (text, name);
  assert_has (text, "контактная информация");
  assert_has (text, "ИНН 3817012344");
  assert_has (text, "ОГРН 1023801593419");
  /* The section where the data appear, not only the site's root. */
  assert_has (text, "с персональными данными: https://sosh7.novoozyorsk.example, раздел «Наставничество».");
  assert_has (text, "статьёй 10.1");
  assert_has (layout, "Разрешаю");
  assert_has (layout, "Запрещаю");
  assert_has (text, "условиями");
  assert_has (text, "Фамилия, имя, отчество");
  assert_has (text, "до дня его отзыва");
  /* Never part of another consent. */
  g_assert_null (strstr (text, "Цель обработки: организация"));
}

static void
test_consent_mentor (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(NstParticipant) mentor = find_participant (f, NST_CATEGORY_TEACHER, -1, 0, TRUE);
  g_autoptr(NstParticipant) mentee = find_participant (f, NST_CATEGORY_STUDENT, 10, 12, FALSE);
  g_autoptr(GPtrArray) mentees = g_ptr_array_new ();
  NstMentorAppointment appointment = { mentees, "учитель – ученик", "2025-11-20", "2026-05-31" };
  g_autoptr(GError) error = NULL;
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autofree char *path = temp_path ("consent-mentor.pdf");
  g_autofree char *text = NULL;
  g_autofree char *name = nst_participant_dup_full_name (mentor);
  g_autofree char *mentee_name = nst_participant_dup_full_name (mentee);

  g_ptr_array_add (mentees, mentee);
  g_assert_true (nst_doc_consent_mentor (pdf, &f->context, mentor, &appointment, &error));
  save (pdf, path);
  assert_form_document (path);
  text = flowing_text (path);
  assert_has (text, name);
  assert_has (text, nst_participant_get_post (mentor));
  assert_has (text, "даю согласие на назначение меня наставником");
  assert_has (text, mentee_name);
  assert_has (text, "учитель – ученик");
  assert_has (text, "с 20.11.2025 по 31.05.2026");
  assert_has (text, "статьёй 351.8 Трудового кодекса");
  assert_has (text, "С программой наставничества МАОУ «СОШ № 7», утверждённой приказом");
  g_assert_null (strstr (text, "Положени"));
  assert_has (text, "(расшифровка подписи)");
  g_assert_cmpuint (pdf_pages (path), ==, 1);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

/* Each form of a batch starts on an odd page when @padded, so that printed
 * on both sides no sheet holds two people; a blank page is blank; no page
 * holds only the signature block: where a signature is, the text it
 * closes is too. */
static void
assert_batch_pages (const char *path,
                    guint       n_forms,
                    gboolean    padded)
{
  guint n = pdf_pages (path), starts = 0, blanks = 0;

  if (padded)
    g_assert_cmpuint (n % 2, ==, 0);
  for (guint page = 1; page <= n; page++)
    {
      g_autofree char *text = pdf_text (path, TRUE, page, page);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      guint filled = 0;

      for (guint i = 0; lines[i]; i++)
        if (*g_strstrip (lines[i]) != '\0' && !g_str_equal (lines[i], "\f"))
          filled++;
      if (filled == 0)
        {
          g_assert_true (padded);
          /* The back of a form, never the front of the next. */
          g_assert_cmpuint (page % 2, ==, 0);
          blanks++;
          continue;
        }
      if (g_regex_match_simple ("^\\s*СОГЛАСИЕ\\s*$", text, G_REGEX_MULTILINE, 0))
        {
          if (padded)
            g_assert_cmpuint (page % 2, ==, 1);
          starts++;
        }
      else if (strstr (text, "(расшифровка подписи)") != NULL && filled < 10)
        g_error ("%s, page %u: the signature without the text above it:\n%s", path, page, text);
    }
  g_assert_cmpuint (starts, ==, n_forms);
  if (!padded)
    g_assert_cmpuint (blanks, ==, 0);
  else
    g_assert_cmpuint (blanks, >, 0);
}

static void
test_missing_batch (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = temp_path ("missing.pdf");
  g_autofree char *text = NULL;
  guint expected = nst_doc_count_missing_consents (G_LIST_MODEL (f->participants));
  guint forms = 0, calls = 0, titles = 0;

  g_assert_cmpuint (expected, >, 10);
  g_assert_true (nst_doc_missing_consents (pdf, &f->context, G_LIST_MODEL (f->participants),
                                           NST_DOC_BATCH_DEFAULT, progress_cb, &calls, cancellable, &forms, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (forms, ==, expected);
  g_assert_cmpuint (calls, >, 0);
  save (pdf, path);
  assert_form_document (path);
  text = all_text (path);
  for (const char *p = text; (p = strstr (p, "СОГЛАСИЕ")) != NULL; p++)
    titles++;
  g_assert_cmpuint (titles, ==, expected);
  assert_batch_pages (path, expected, TRUE);

  /* Without the padding, the forms follow each other. */
  g_clear_pointer (&pdf, nst_pdf_free);
  pdf = nst_pdf_new (NULL);
  g_assert_true (nst_doc_missing_consents (pdf, &f->context, G_LIST_MODEL (f->participants),
                                           NST_DOC_BATCH_NONE, NULL, NULL, NULL, &forms, &error));
  save (pdf, path);
  assert_batch_pages (path, expected, FALSE);

  g_clear_pointer (&pdf, nst_pdf_free);
  pdf = nst_pdf_new (NULL);
  g_cancellable_cancel (cancellable);
  g_assert_false (nst_doc_missing_consents (pdf, &f->context, G_LIST_MODEL (f->participants),
                                            NST_DOC_BATCH_DEFAULT, NULL, NULL, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_registry (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autofree char *path = temp_path ("registry.pdf");
  g_autofree char *page2 = NULL;
  g_autofree char *text = NULL;

  g_assert_true (nst_doc_registry (pdf, &f->context, G_LIST_MODEL (f->participants), &error));
  g_assert_no_error (error);
  save (pdf, path);
  assert_document (path, TRUE);
  g_assert_cmpuint (pdf_pages (path), >, 2);
  page2 = pdf_text (path, TRUE, 2, 2);
  assert_has (page2, "Фамилия, имя, отчество");
  text = flowing_text (path);
  assert_has (text, "РЕЕСТР");
  assert_has (text, "по состоянию на 15.11.2025");
  assert_has (text, "Педагогические работники");
  assert_has (text, "Обучающиеся");
  assert_has (text, "Всего участников:");
}

/* ---- pairs, programmes, the roadmap ------------------------------------------------ */

static const char *const test_surnames[] = {
  "Абрамова", "Белова", "Васильева", "Горбунова", "Денисова", "Ершова", "Жукова", "Зайцева",
  "Игнатьева", "Комарова", "Лаптева", "Мельникова", "Некрасова", "Осипова", "Полякова", "Родионова",
  "Савельева", "Тимофеева", "Ушакова", "Фролова", "Харитонова", "Цветкова", "Чистякова", "Шубина",
  "Щербакова", "Юдина", "Яковлева", "Архипова", "Блинова", "Воронцова",
};

/* A participant saved with @consents (NULL: none), teaching since
 * @teaching_since and mentoring since @mentoring_since when given. */
static NstParticipant *
add_person (Fixture           *f,
            const char        *surname,
            const char        *name,
            NstCategory        category,
            const char        *post_or_class,
            const char        *teaching_since,
            const char        *mentoring_since,
            const NstConsentKind *consents,
            guint              n_consents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  NstParticipant *p = nst_participant_new ();

  nst_participant_set_surname (p, surname);
  nst_participant_set_name (p, name);
  nst_participant_set_patronymic (p, "Сергеевна");
  nst_participant_set_category (p, category);
  if (category == NST_CATEGORY_STUDENT)
    {
      nst_participant_set_class_name (p, post_or_class);
      nst_participant_set_birth_date (p, "2009-03-01");
      nst_participant_set_is_mentee (p, TRUE);
    }
  else
    nst_participant_set_post (p, post_or_class);
  if (teaching_since != NULL)
    nst_participant_set_teaching_since (p, teaching_since);
  if (mentoring_since != NULL)
    nst_participant_set_mentoring_since (p, mentoring_since);
  for (guint i = 0; i < n_consents; i++)
    {
      NstConsent *c = nst_consent_new (consents[i]);

      nst_consent_set_signed_on (c, "2025-09-05");
      g_ptr_array_add (list, c);
      if (consents[i] == NST_CONSENT_MENTOR)
        nst_participant_set_is_mentor (p, TRUE);
    }
  if (!nst_participant_get_is_mentor (p))
    nst_participant_set_is_mentee (p, TRUE);
  g_assert_true (nst_store_save_participant (f->store, p, list, &error));
  g_assert_no_error (error);
  return p;
}

static const NstConsentKind mentor_consents[] = { NST_CONSENT_PROCESSING, NST_CONSENT_MENTOR };
static const NstConsentKind mentee_consents[] = { NST_CONSENT_PROCESSING };

static gint64
save_group (Fixture        *f,
            NstParticipant *mentor,
            NstParticipant **mentees,
            guint           n_mentees,
            NstGroupForm    form,
            const char     *starts_on,
            const char     *ends_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstGroup) group = nst_group_new ();

  nst_group_set_form (group, form);
  if (form == NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE)
    nst_group_set_interaction_model (group, NST_INTERACTION_EXPERIENCED_YOUNG);
  nst_group_set_kind (group, n_mentees > 1 ? NST_GROUP_KIND_GROUP : NST_GROUP_KIND_TRADITIONAL);
  nst_group_set_mentor (group, mentor);
  for (guint i = 0; i < n_mentees; i++)
    nst_group_add_mentee (group, mentees[i]);
  nst_group_set_starts_on (group, starts_on);
  nst_group_set_ends_on (group, ends_on);
  g_assert_true (nst_store_save_group (f->store, group, "2025-11-01", NULL, &error));
  g_assert_no_error (error);
  return nst_group_get_id (group);
}

/* @n teacher pairs, each with its own mentor and mentee, all consents in
 * place; the ids go into @ids. */
static void
add_teacher_pairs (Fixture *f,
                   guint    n,
                   guint    first_name,
                   GArray  *ids)
{
  for (guint i = 0; i < n; i++)
    {
      const char *surname = test_surnames[(first_name + i) % G_N_ELEMENTS (test_surnames)];
      g_autoptr(NstParticipant) mentor = add_person (f, surname, "Анна", NST_CATEGORY_TEACHER, "учитель математики",
                                                     "2010-09-01", "2020-09-01", mentor_consents, 2);
      g_autoptr(NstParticipant) mentee = add_person (f, surname, "Вера", NST_CATEGORY_TEACHER, "учитель физики",
                                                     "2024-09-01", NULL, mentee_consents, 1);
      gint64 id = save_group (f, mentor, &mentee, 1, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE,
                              "2025-09-15", "2026-05-29");

      g_array_append_val (ids, id);
    }
}

static GPtrArray *
load_pairs (Fixture *f,
            GArray  *ids)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *pairs = nst_doc_load_pairs (f->store, (const gint64 *) (gpointer) ids->data, ids->len, 2025, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pairs);
  return pairs;
}

/* The order introducing the model, which the others cite. */
static NstOrder *
issue_introduction (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  NstOrder *order = NULL;
  g_autofree char *path = NULL;
  GDate date;

  nst_date_parse_iso ("2025-09-01", &date);
  content = nst_doc_order_introduction (f->school, &date, NULL, NULL, &error);
  g_assert_no_error (error);
  path = issue (f, content, "introduction-for-pairs.pdf", FALSE, &order, NULL);
  return order;
}

static guint
count_orders (Fixture *f)
{
  g_autoptr(GListStore) journal = nst_store_list_orders (f->store, NULL, NULL);

  return g_list_model_get_n_items (G_LIST_MODEL (journal));
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* The pages of appendix @number: from its mark to the next appendix or
 * the acknowledgement sheet, 1-based. */
static void
find_appendix (const char *path,
               guint       number,
               guint      *first,
               guint      *last)
{
  g_autofree char *mark = g_strdup_printf ("Приложение %u", number);
  guint n = pdf_pages (path);

  *first = *last = 0;
  for (guint p = 1; p <= n; p++)
    {
      g_autofree char *text = pdf_text (path, TRUE, p, p);

      if (*first == 0 && strstr (text, mark) != NULL)
        *first = p;
      else if (*first != 0 && (strstr (text, "Приложение ") != NULL || strstr (text, "ЛИСТ ОЗНАКОМЛЕНИЯ") != NULL))
        break;
      if (*first != 0)
        *last = p;
    }
  g_assert_cmpuint (*first, >, 0);
}

/* A one-pair order: its last page never holds only the executor's mark;
 * the mark goes with the signature, and the signature with the text. */
static void
test_order_one_pair (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrder) regulation = issue_introduction (f);
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  NstPairsOrderOptions options = { NULL, NULL };
  g_autofree char *path = NULL;
  guint n, mark_page = 0;
  GDate date;

  add_teacher_pairs (f, 1, 0, ids);
  pairs = load_pairs (f, ids);
  nst_date_parse_iso ("2025-11-15", &date);
  options.regulation = regulation;
  content = nst_doc_order_pairs (f->school, &date, pairs, &options, NULL, &error);
  g_assert_no_error (error);
  path = issue (f, content, "order-one-pair.pdf", TRUE, &order, NULL);
  n = pdf_pages (path);
  for (guint page = 1; page <= n; page++)
    {
      g_autofree char *text = pdf_text (path, TRUE, page, page);

      if (strstr (text, "Приложение 1") != NULL)
        break;
      if (strstr (text, "Бирюкова Евгения Кирилловна\n") != NULL &&
          strstr (text, "+7 (39535) 5-17-07") != NULL)
        {
          mark_page = page;
          /* The signature and the point above it are on the mark's page. */
          assert_has (text, "Директор");
          assert_has (text, "Контроль за исполнением настоящего приказа");
        }
      else
        g_assert_null (strstr (text, "Директор "));
    }
  g_assert_cmpuint (mark_page, >, 0);
}

/* The demo's order of 2025 on pairs fixes a first-grader's pair: the
 * first-grader is in its appendix but does not sign its acknowledgement
 * sheet; a student of 14 and over does, and the staff. */
static void
test_order_acknowledgement_adults (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) journal = nst_store_list_orders (f->store, NULL, &error);
  g_autofree char *path = temp_path ("demo-pairs-order.pdf");
  g_autofree char *text = NULL;
  g_autofree char *appendix = NULL;
  g_autofree char *sheet = NULL;
  gint64 id = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (journal));
  const char *at;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstOrder) order = g_list_model_get_item (G_LIST_MODEL (journal), i);

      if (g_str_equal (nst_order_get_kind (order), NST_ORDER_KIND_PAIRS) && nst_order_get_year (order) == 2025 &&
          nst_order_get_number (order) == 1)
        id = nst_order_get_id (order);
    }
  g_assert_cmpint (id, >, 0);
  g_assert_true (nst_doc_order_reprint (f->store, id, path, NULL, &error));
  g_assert_no_error (error);
  text = flowing_text (path);
  at = strstr (text, "ЛИСТ ОЗНАКОМЛЕНИЯ");
  g_assert_nonnull (at);
  appendix = g_strndup (text, at - text);
  sheet = g_strdup (at);
  /* Журавлёва София Евгеньевна, 1А: fixed by the order, not a signer. */
  assert_has (appendix, "Журавлёва София");
  g_assert_null (strstr (sheet, "Журавлёва"));
  g_assert_false (g_regex_match_simple ("обучающ\\S+ [1-7][А-Я] класса", sheet, 0, 0));
  /* A teacher and a senior student sign. */
  assert_has (sheet, "учитель");
  g_assert_true (g_regex_match_simple ("обучающ\\S+ (9|10|11)[А-Я] класса", sheet, 0, 0));
}

static void
test_order_pairs (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrder) regulation = issue_introduction (f);
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autoptr(NstParticipant) leader = NULL;
  NstParticipant *members[3];
  NstPairsOrderOptions options = { NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *flowing = NULL;
  g_autofree char *orientations = NULL;
  g_autofree char *appendix_text = NULL;
  GString *appendix = g_string_new (NULL);
  guint first, last;
  gint64 group_id;
  GDate date;

  add_teacher_pairs (f, 24, 0, ids);
  /* A group: one mentor beside her three mentees. */
  leader = add_person (f, "Громова", "Алиса", NST_CATEGORY_STUDENT, "11А", NULL, NULL, mentor_consents, 2);
  members[0] = add_person (f, "Киселёва", "Ольга", NST_CATEGORY_STUDENT, "9А", NULL, NULL, mentee_consents, 1);
  members[1] = add_person (f, "Лукина", "Дарья", NST_CATEGORY_STUDENT, "9Б", NULL, NULL, mentee_consents, 1);
  members[2] = add_person (f, "Маслова", "Ирина", NST_CATEGORY_STUDENT, "9В", NULL, NULL, mentee_consents, 1);
  group_id = save_group (f, leader, members, 3, NST_GROUP_FORM_STUDENT_STUDENT, "2025-10-01", "2026-04-30");
  g_array_insert_val (ids, 3, group_id);
  pairs = load_pairs (f, ids);

  nst_date_parse_iso ("2025-11-15", &date);
  options.regulation = regulation;
  content = nst_doc_order_pairs (f->school, &date, pairs, &options, NULL, &error);
  g_assert_no_error (error);
  path = issue (f, content, "order-pairs.pdf", FALSE, &order, NULL);
  g_assert_cmpstr (nst_order_get_kind (order), ==, NST_ORDER_KIND_PAIRS);
  assert_order_requisites (path, "5 о-д");
  flowing = flowing_text (path);
  assert_has (flowing, "О назначении наставников и закреплении наставнических пар (групп)");
  /* The preamble: the Labour Code, the school's regulations with their
   * order, the written consents. */
  assert_has (flowing, "статьёй 351.8 Трудового кодекса Российской Федерации");
  /* The introduction order is cited by what it approves: the programme. */
  assert_has (flowing, "программой наставничества МАОУ «СОШ № 7», утверждённой приказом от 01.09.2025 № 4 о-д");
  g_assert_null (strstr (flowing, "Положени"));
  assert_has (flowing, "на основании письменных согласий");
  /* The points: pairs per appendix 1, the programmes' deadline, the
   * curator, pay and addenda, control. */
  assert_has (flowing, "закрепить наставнические пары (группы) в составе, по формам наставничества и на сроки согласно списку (приложение 1)");
  assert_has (flowing, "в срок до 15.12.2025 разработать персонализированные программы наставничества");
  /* The curator as the registry has her (nst_store_school_curator()). */
  {
    g_autofree char *post = nst_ru_decline_post (nst_school_get_text (f->school, "curator-post"), NST_RU_ACCUSATIVE);
    g_autofree char *item = g_strdup_printf ("куратора реализации программ наставничества %s Бирюкову Евгению Кирилловну", post);

    assert_has (flowing, item);
  }
  assert_has (flowing, "мониторинг реализации персонализированных программ наставничества");
  assert_has (flowing, "выплату за наставническую деятельность");
  assert_has (flowing, "дополнительные соглашения к трудовым договорам");
  assert_has (flowing, "Контроль за исполнением настоящего приказа оставляю за собой.");
  g_assert_null (strstr (flowing, "(приложение 2)"));
  assert_executor_mark (path, "Бирюкова");

  /* Appendix 1 on landscape pages, its header on each of them. */
  find_appendix (path, 1, &first, &last);
  g_assert_cmpuint (last, >, first);
  orientations = page_orientations (path);
  for (guint p = 1; p <= strlen (orientations); p++)
    g_assert_cmpint (orientations[p - 1], ==, p >= first && p <= last ? 'L' : 'P');
  for (guint p = first; p <= last; p++)
    {
      g_autofree char *page = pdf_raw_text (path, p, p);

      assert_has (page, "п/п");
      assert_has_words (page, "ФИО наставника");
      assert_matches (page, "ФИО\\s+наставляемого");
      assert_matches (page, "Должность\\s+или\\s+класс");
      assert_matches (page, "Форма\\s+наставничества");
      assert_has (page, "Срок");
      g_string_append (appendix, page);
    }
  appendix_text = g_string_free (appendix, FALSE);
  g_assert_true (g_regex_match_simple ("Приложение 1\\s+к приказу от 15\\.11\\.2025 № 5 о-д", appendix_text, 0, 0));
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *mentee = g_strdup_printf ("%s Вера", test_surnames[i]);

      assert_has (appendix_text, mentee);
    }
  assert_has (appendix_text, "педагог – педагог");
  assert_has (appendix_text, "ученик – ученик");
  assert_has (appendix_text, "с 15.09.2025");
  assert_has (appendix_text, "по 29.05.2026");
  assert_has (appendix_text, "9Б класс");
  /* The group's mentor once, beside each of her mentees. */
  g_assert_cmpuint (count_occurrences (appendix_text, "Громова Алиса"), ==, 1);
  assert_has (appendix_text, "Киселёва Ольга");
  assert_has (appendix_text, "Лукина Дарья");
  assert_has (appendix_text, "Маслова Ирина");

  /* The acknowledgement sheet names everyone once: the curator, 25
   * mentors and 27 mentees. */
  {
    g_autofree char *sheet = pdf_raw_text (path, last + 1, pdf_pages (path));

    assert_has (sheet, "ЛИСТ ОЗНАКОМЛЕНИЯ");
    assert_has (sheet, "Бирюкова Евгения");
    assert_has (sheet, "обучающаяся 9В класса");
    g_assert_cmpuint (count_occurrences (sheet, "Громова Алиса"), ==, 1);
    g_assert_true (g_regex_match_simple ("\\n53 ", sheet, 0, 0));
    g_assert_false (g_regex_match_simple ("\\n54 ", sheet, 0, 0));
  }

  /* Issued, the order approved the pairs and linked them to itself. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(NstGroup) group = nst_store_get_group (f->store, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      g_assert_cmpint (nst_group_get_status (group), ==, NST_GROUP_STATUS_APPROVED);
      g_assert_cmpint (nst_group_get_order_id (group), ==, nst_order_get_id (order));
      g_assert_cmpstr (nst_group_get_order_number (group), ==, "5 о-д");
      g_assert_cmpstr (nst_group_get_order_date (group), ==, "2025-11-15");
    }
  for (guint i = 0; i < 3; i++)
    g_object_unref (members[i]);
}

/* A pair that cannot be approved refuses the whole order: no journal
 * entry, no file, no status changed; the message names every such pair
 * and what it lacks. */
static void
test_order_pairs_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autoptr(NstParticipant) mentor = NULL;
  g_autoptr(NstParticipant) mentee = NULL;
  g_autoptr(NstParticipant) mentor2 = NULL;
  g_autoptr(NstParticipant) mentee2 = NULL;
  g_autofree char *path = temp_path ("order-pairs-refused.pdf");
  guint orders = count_orders (f);
  gint64 id;
  GDate date;

  add_teacher_pairs (f, 3, 0, ids);
  mentor = add_person (f, "Орлова", "Нина", NST_CATEGORY_TEACHER, "учитель химии", "2005-09-01", NULL, mentor_consents, 2);
  mentee = add_person (f, "Панова", "Юлия", NST_CATEGORY_TEACHER, "учитель химии", "2025-09-01", NULL, NULL, 0);
  id = save_group (f, mentor, &mentee, 1, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE, "2025-09-15", "2026-05-29");
  g_array_append_val (ids, id);
  /* A mentor without the written consent of art. 351.8. */
  mentor2 = add_person (f, "Рябова", "Алла", NST_CATEGORY_TEACHER, "учитель химии", "2005-09-01", NULL, mentee_consents, 1);
  mentee2 = add_person (f, "Сорокина", "Зоя", NST_CATEGORY_TEACHER, "учитель химии", "2025-09-01", NULL, mentee_consents, 1);
  id = save_group (f, mentor2, &mentee2, 1, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE, "2025-09-15", "2026-05-29");
  g_array_append_val (ids, id);
  pairs = load_pairs (f, ids);

  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_pairs (f->school, &date, pairs, NULL, NULL, &error);
  g_assert_no_error (error);
  order = nst_doc_order_issue (f->store, f->school, content, FALSE, path, NULL, &error);
  g_assert_null (order);
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  assert_has (error->message, "Панова Юлия Сергеевна");
  assert_has (error->message, "Рябова Алла Сергеевна");
  g_assert_null (strstr (error->message, test_surnames[0]));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_orders (f), ==, orders);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(NstGroup) group = nst_store_get_group (f->store, g_array_index (ids, gint64, i), &error);

      g_assert_cmpint (nst_group_get_status (group), ==, NST_GROUP_STATUS_DRAFT);
      g_assert_cmpint (nst_group_get_order_id (group), ==, 0);
    }

  /* A draft prints whatever stands in the way, and changes nothing. */
  g_clear_object (&order);
  order = nst_doc_order_issue (f->store, f->school, content, TRUE, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nst_order_is_draft (order));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_orders (f), ==, orders);
  /* Blanks where the journal has no order on the regulations. */
  {
    g_autofree char *flowing = flowing_text (path);

    assert_has (flowing, "№ ________");
    assert_has (flowing, "утверждённой приказом от «___» ____________ 20___ г. № ________");
  }
  /* The number the refusal did not take goes to the next order. */
  g_clear_object (&order);
  g_ptr_array_remove_range (pairs, 3, 2);
  g_clear_pointer (&content, nst_order_content_free);
  content = nst_doc_order_pairs (f->school, &date, pairs, NULL, NULL, &error);
  g_assert_no_error (error);
  order = nst_doc_order_issue (f->store, f->school, content, FALSE, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_order_get_number (order), ==, 4);  /* after the example school's three of 2025 */
}

/* A write that fails after the order was applied undoes it all; the same
 * content issued again then applies it in full. */
static void
test_order_pairs_retry (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) failed = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autofree char *nowhere = g_build_filename (tmp_dir, "no-such-folder", "pairs.pdf", NULL);
  g_autofree char *path = temp_path ("order-pairs-retry.pdf");
  GDate date;

  add_teacher_pairs (f, 2, 20, ids);
  pairs = load_pairs (f, ids);
  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_pairs (f->school, &date, pairs, NULL, NULL, &error);
  g_assert_no_error (error);
  failed = nst_doc_order_issue (f->store, f->school, content, FALSE, nowhere, NULL, &error);
  g_assert_null (failed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_orders (f), ==, f->demo_orders);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(NstGroup) group = nst_store_get_group (f->store, g_array_index (ids, gint64, i), &error);

      g_assert_cmpint (nst_group_get_status (group), ==, NST_GROUP_STATUS_DRAFT);
      g_assert_cmpint (nst_group_get_order_id (group), ==, 0);
    }
  order = nst_doc_order_issue (f->store, f->school, content, FALSE, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nst_order_get_number (order), ==, 4);  /* after the example school's three of 2025 */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(NstGroup) group = nst_store_get_group (f->store, g_array_index (ids, gint64, i), &error);

      g_assert_cmpint (nst_group_get_status (group), ==, NST_GROUP_STATUS_APPROVED);
      g_assert_cmpint (nst_group_get_order_id (group), ==, nst_order_get_id (order));
    }
}

/* What each pair lacks, as a window shows it: a missing consent names
 * whose and which, so that it can be recorded; a pair an order fixed says
 * so, unless it is being fixed anew. */
static void
test_pair_lacks (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) lacks = NULL;
  g_autoptr(NstParticipant) mentor = NULL;
  g_autoptr(NstParticipant) mentee = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autofree char *path = NULL;
  NstDocLack *lack;
  gint64 id;
  GDate date;

  /* The mentor has no mentor's consent, the mentee none at all. */
  mentor = add_person (f, "Рябова", "Алла", NST_CATEGORY_TEACHER, "учитель химии", "2005-09-01", NULL,
                       mentee_consents, 1);
  mentee = add_person (f, "Сорокина", "Зоя", NST_CATEGORY_TEACHER, "учитель химии", "2025-09-01", NULL, NULL, 0);
  id = save_group (f, mentor, &mentee, 1, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE, "2025-09-15", "2026-05-29");
  g_array_append_val (ids, id);
  add_teacher_pairs (f, 1, 3, ids);
  pairs = load_pairs (f, ids);
  lacks = nst_doc_list_pair_lacks (f->store, g_ptr_array_index (pairs, 0), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lacks->len, ==, 2);
  for (guint i = 0; i < lacks->len; i++)
    {
      lack = g_ptr_array_index (lacks, i);
      if (lack->participant_id == nst_participant_get_id (mentor))
        g_assert_cmpint (lack->consent, ==, NST_CONSENT_MENTOR);
      else
        {
          g_assert_cmpint (lack->participant_id, ==, nst_participant_get_id (mentee));
          g_assert_cmpint (lack->consent, ==, NST_CONSENT_PROCESSING);
        }
      g_assert_nonnull (lack->message);
    }
  g_clear_pointer (&lacks, g_ptr_array_unref);
  lacks = nst_doc_list_pair_lacks (f->store, g_ptr_array_index (pairs, 1), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lacks->len, ==, 0);
  g_clear_pointer (&lacks, g_ptr_array_unref);

  /* Fixed by an order: said so, with no one to record; fixed anew, ready. */
  g_ptr_array_remove_index (pairs, 0);
  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_pairs (f->school, &date, pairs, NULL, NULL, &error);
  g_assert_no_error (error);
  path = issue (f, content, "order-pairs-lacks.pdf", FALSE, NULL, NULL);
  lacks = nst_doc_list_pair_lacks (f->store, g_ptr_array_index (pairs, 0), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lacks->len, ==, 1);
  lack = g_ptr_array_index (lacks, 0);
  g_assert_cmpint (lack->participant_id, ==, 0);
  assert_has (lack->message, "4 о-д");
  g_clear_pointer (&lacks, g_ptr_array_unref);
  lacks = nst_doc_list_pair_lacks (f->store, g_ptr_array_index (pairs, 0), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lacks->len, ==, 0);
}

/* A pair fixed by an order, whose composition changed: a new order for it
 * is refused unless it replaces the first on purpose; then it says which
 * order it cancels in that pair's part, and the pair moves to it, while
 * the first stays in the journal and keeps its other pairs. */
static void
test_order_pairs_replace (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) first = NULL;
  g_autoptr(NstOrder) second = NULL;
  g_autoptr(NstOrder) refused = NULL;
  g_autoptr(NstGroup) group = NULL;
  g_autoptr(NstParticipant) newcomer = NULL;
  g_autoptr(NstOrder) kept = NULL;
  g_autofree char *path = NULL;
  g_autofree char *flowing = NULL;
  NstPairsOrderOptions options = { NULL, NULL, FALSE, TRUE };
  gint64 changed_id;
  guint orders;
  GDate date;

  add_teacher_pairs (f, 2, 7, ids);
  pairs = load_pairs (f, ids);
  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_pairs (f->school, &date, pairs, NULL, NULL, &error);
  g_assert_no_error (error);
  g_free (issue (f, content, "order-pairs-first.pdf", FALSE, &first, NULL));
  g_clear_pointer (&content, nst_order_content_free);

  /* The first pair's mentee changes. */
  changed_id = g_array_index (ids, gint64, 0);
  group = nst_store_get_group (f->store, changed_id, &error);
  g_assert_no_error (error);
  newcomer = add_person (f, "Уварова", "Лидия", NST_CATEGORY_TEACHER, "учитель физики", "2025-09-01", NULL,
                         mentee_consents, 1);
  nst_group_clear_mentees (group);
  nst_group_add_mentee (group, newcomer);
  g_assert_true (nst_store_save_group (f->store, group, "2025-11-15", NULL, &error));
  g_assert_no_error (error);
  changed = nst_doc_load_pairs (f->store, &changed_id, 1, 2025, &error);
  g_assert_no_error (error);

  /* Without the choice: refused, nothing issued. */
  orders = count_orders (f);
  content = nst_doc_order_pairs (f->school, &date, changed, NULL, NULL, &error);
  g_assert_no_error (error);
  path = temp_path ("order-pairs-not-replaced.pdf");
  refused = nst_doc_order_issue (f->store, f->school, content, FALSE, path, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  assert_has (error->message, "4 о-д");
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_orders (f), ==, orders);
  g_clear_pointer (&content, nst_order_content_free);
  g_clear_pointer (&path, g_free);

  /* Replacing: the new order cites the first, and takes the pair. */
  content = nst_doc_order_pairs (f->school, &date, changed, &options, NULL, &error);
  g_assert_no_error (error);
  path = issue (f, content, "order-pairs-replacing.pdf", FALSE, &second, NULL);
  g_assert_cmpuint (nst_order_get_number (second), ==, 5);
  flowing = flowing_text (path);
  assert_has (flowing, "В связи с изменением состава наставнической пары наставника Зайцевой Анны Сергеевны "
                       "считать утратившим силу приказ от 15.11.2025 № 4 о-д в части закрепления этой "
                       "наставнической пары.");
  assert_has (flowing, "Уварова Лидия");
  assert_has (flowing, "Контроль за исполнением настоящего приказа оставляю за собой.");
  g_clear_object (&group);
  group = nst_store_get_group (f->store, changed_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nst_group_get_order_id (group), ==, nst_order_get_id (second));
  g_assert_cmpint (nst_group_get_status (group), ==, NST_GROUP_STATUS_APPROVED);
  g_clear_object (&group);
  group = nst_store_get_group (f->store, g_array_index (ids, gint64, 1), &error);
  g_assert_cmpint (nst_group_get_order_id (group), ==, nst_order_get_id (first));
  kept = nst_store_get_order (f->store, nst_order_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_cmpuint (count_orders (f), ==, orders + 1);
}

/* Pairs whose programmes are written: the order approves them too
 * (appendix 2), and they start. */
static void
test_order_pairs_with_programmes (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autofree char *path = NULL;
  g_autofree char *flowing = NULL;
  g_autofree char *appendix = NULL;
  guint first, last;
  GDate date;

  add_teacher_pairs (f, 3, 5, ids);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(NstProgramme) programme =
        nst_store_prepare_programme (f->store, g_array_index (ids, gint64, i), NST_BUILTIN_TEMPLATE_ID, &error);

      g_assert_no_error (error);
      nst_programme_set_title (programme, "Становление молодого учителя");
      g_assert_true (nst_store_save_programme (f->store, programme, NULL, &error));
      g_assert_no_error (error);
    }
  pairs = load_pairs (f, ids);
  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_pairs (f->school, &date, pairs, NULL, NULL, &error);
  g_assert_no_error (error);
  path = issue (f, content, "order-pairs-programmes.pdf", FALSE, &order, NULL);
  flowing = flowing_text (path);
  /* One period for all: the order names it. */
  assert_has (flowing, "на период с 15.09.2025 по 29.05.2026 в составе и по формам наставничества");
  assert_has (flowing, "Утвердить персонализированные программы наставничества закреплённых наставнических пар (групп) (приложение 2)");
  g_assert_null (strstr (flowing, "разработать персонализированные"));
  find_appendix (path, 2, &first, &last);
  appendix = pdf_raw_text (path, first, last);
  assert_has (appendix, "Перечень утверждаемых персонализированных программ наставничества");
  assert_has_words (appendix, "Становление молодого учителя на 2025/2026 учебный год");
  for (guint i = 0; i < pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (pairs, i);
      g_autoptr(NstProgramme) programme = nst_store_get_programme (f->store, nst_programme_get_id (pair->programme), &error);
      g_autoptr(NstOrder) approval = nst_store_get_programme_order (f->store, nst_programme_get_id (pair->programme), &error);

      g_assert_no_error (error);
      g_assert_cmpint (nst_programme_get_status (programme), ==, NST_PROGRAMME_STATUS_ACTIVE);
      g_assert_nonnull (approval);
      g_assert_cmpint (nst_order_get_id (approval), ==, nst_order_get_id (order));
    }
}

static NstDocPair *
approved_pair_with_programme (Fixture    *f,
                              guint       surname,
                              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(NstGroup) group = NULL;
  g_autoptr(NstProgramme) programme = NULL;

  add_teacher_pairs (f, 1, surname, ids);
  group = nst_store_get_group (f->store, g_array_index (ids, gint64, 0), &error);
  g_assert_true (nst_store_change_group_status (f->store, group, NST_GROUP_STATUS_APPROVED, "2025-10-01", NULL, &error));
  g_assert_no_error (error);
  programme = nst_store_prepare_programme (f->store, nst_group_get_id (group), NST_BUILTIN_TEMPLATE_ID, &error);
  nst_programme_set_title (programme, title);
  nst_programme_set_request (programme, "Затруднения в организации урока и в работе с родителями");
  nst_programme_set_goal (programme, "Профессиональное становление молодого специалиста");
  nst_programme_set_tasks (programme, "Освоить нормативную базу\nОвладеть методами обучения\nПодготовить открытый урок");
  nst_programme_set_expected_result (programme, "Присвоение квалификационной категории");
  g_assert_true (nst_store_save_programme (f->store, programme, NULL, &error));
  g_assert_no_error (error);
  return nst_doc_load_programme (f->store, nst_programme_get_id (programme), &error);
}

/* A draft carries «ПРОЕКТ» at the top of every page, a signed order on
 * none. */
static void
assert_draft_mark (const char *path,
                   gboolean    draft)
{
  guint pages = pdf_pages (path);

  for (guint p = 1; p <= pages; p++)
    {
      g_autofree char *text = pdf_text (path, FALSE, p, p);
      g_auto(GStrv) lines = g_strsplit (text, "\n", 4);
      gboolean marked = FALSE;

      for (guint i = 0; lines[i] && i < 3; i++)
        marked |= g_str_equal (g_strstrip (lines[i]), "ПРОЕКТ");
      g_assert_true (marked == draft);
      if (!draft)
        g_assert_null (strstr (text, "ПРОЕКТ"));
    }
}

/* «Куратору …, заместителю директора по УВР Бирюковой Евгении Кирилловне,
 * <verb>»: after «Куратору» the post and the name are in the dative, set
 * off by commas. */
static void
assert_curator_dative (Fixture    *f,
                       const char *flowing,
                       const char *verb)
{
  g_autofree char *post = nst_ru_decline_post (nst_school_get_text (f->school, "curator-post"), NST_RU_DATIVE);
  g_autofree char *name = nst_ru_decline_full_name (nst_school_get_text (f->school, "curator-name"), NST_RU_DATIVE);
  g_autofree char *item = g_strdup_printf ("Куратору реализации программ наставничества, %s %s, %s", post, name, verb);

  assert_has (flowing, item);
}

static void
test_order_programmes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) nst_doc_pair_free);
  g_autoptr(NstOrder) regulation = issue_introduction (f);
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree char *path = NULL;
  g_autofree char *flowing = NULL;
  guint first, last;
  GDate date;

  for (guint i = 0; i < 22; i++)
    {
      g_autofree char *title = g_strdup_printf ("Программа № %u: методическое сопровождение", i + 1);

      g_ptr_array_add (pairs, approved_pair_with_programme (f, i, title));
    }
  /* What the order lists by default: these, not yet approved by order. */
  found = nst_doc_find_programmes_to_approve (f->store, 2025, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (pairs, i);
      gboolean listed = FALSE;

      for (guint j = 0; j < found->len; j++)
        listed |= g_array_index (found, gint64, j) == nst_programme_get_id (pair->programme);
      g_assert_true (listed);
    }
  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_programmes (f->school, &date, pairs, regulation, NULL, &error);
  g_assert_no_error (error);
  path = issue (f, content, "order-programmes.pdf", FALSE, &order, NULL);
  assert_order_requisites (path, "5 о-д");
  g_assert_cmpstr (nst_order_get_kind (order), ==, NST_ORDER_KIND_PROGRAMMES);
  flowing = flowing_text (path);
  assert_has (flowing, "Об утверждении персонализированных программ наставничества");
  assert_has (flowing, "программой наставничества МАОУ «СОШ № 7», утверждённой приказом от 01.09.2025 № 4 о-д");
  assert_has (flowing, "в 2025/2026 учебном году");
  assert_has (flowing, "Утвердить персонализированные программы наставничества согласно перечню (приложение 1)");
  assert_curator_dative (f, flowing, "осуществлять мониторинг");
  find_appendix (path, 1, &first, &last);
  g_assert_cmpuint (last, >, first);
  for (guint p = first; p <= last; p++)
    {
      g_autofree char *page = pdf_raw_text (path, p, p);

      assert_matches (page, "Наименование\\s+персонализированной\\s+программы\\s+наставничества");
    }
  {
    g_autofree char *raw = pdf_raw_text (path, first, last);

    assert_has_words (raw, "Программа № 22: методическое сопровождение на 2025/2026 учебный год");
    assert_has_words (raw, "Абрамова Анна Сергеевна — Абрамова Вера Сергеевна");
  }
  {
    g_autofree char *orientations = page_orientations (path);

    g_assert_cmpint (orientations[first - 1], ==, 'P');
  }
  for (guint i = 0; i < pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (pairs, i);
      g_autoptr(NstProgramme) programme = nst_store_get_programme (f->store, nst_programme_get_id (pair->programme), &error);
      g_autoptr(NstOrder) approval = nst_store_get_programme_order (f->store, nst_programme_get_id (pair->programme), &error);

      g_assert_cmpint (nst_programme_get_status (programme), ==, NST_PROGRAMME_STATUS_ACTIVE);
      g_assert_cmpint (nst_order_get_id (approval), ==, nst_order_get_id (order));
    }
  g_clear_pointer (&found, g_array_unref);
  found = nst_doc_find_programmes_to_approve (f->store, 2025, &error);
  for (guint j = 0; j < found->len; j++)
    g_assert_cmpint (g_array_index (found, gint64, j), !=,
                     nst_programme_get_id (((NstDocPair *) g_ptr_array_index (pairs, 0))->programme));
}

/* A programme whose pair is still a draft cannot be approved: nothing is
 * issued. */
static void
test_order_programmes_refused (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autoptr(NstProgramme) programme = NULL;
  g_autofree char *path = temp_path ("order-programmes-refused.pdf");
  guint orders = count_orders (f);
  NstDocPair *pair;
  GDate date;

  add_teacher_pairs (f, 1, 7, ids);
  programme = nst_store_prepare_programme (f->store, g_array_index (ids, gint64, 0), NST_BUILTIN_TEMPLATE_ID, &error);
  g_assert_true (nst_store_save_programme (f->store, programme, NULL, &error));
  pairs = load_pairs (f, ids);
  pair = g_ptr_array_index (pairs, 0);
  g_assert_nonnull (pair->programme);
  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_programmes (f->school, &date, pairs, NULL, NULL, &error);
  g_assert_no_error (error);
  order = nst_doc_order_issue (f->store, f->school, content, FALSE, path, NULL, &error);
  g_assert_null (order);
  g_assert_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID);
  assert_has (error->message, test_surnames[7]);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_orders (f), ==, orders);
  g_clear_object (&programme);
  programme = nst_store_get_programme (f->store, nst_programme_get_id (pair->programme), NULL);
  g_assert_cmpint (nst_programme_get_status (programme), ==, NST_PROGRAMME_STATUS_DRAFT);
}

static void
test_order_completion (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrderContent) each = NULL;
  g_autofree char *path = NULL;
  g_autofree char *path2 = NULL;
  g_autofree char *flowing = NULL;
  g_autofree char *rewards_text = NULL;
  const char *const one_each[] = { "почётная грамота", "благодарственное письмо", "премия", NULL };
  const char *const too_few[] = { "премия", "грамота", NULL };
  guint first, last;
  GDate date;

  add_teacher_pairs (f, 3, 10, ids);
  pairs = load_pairs (f, ids);
  nst_date_parse_iso ("2025-11-15", &date);
  g_assert_null (nst_doc_order_completion (f->school, &date, pairs, NULL, too_few, NULL, &error));
  g_assert_error (error, NST_PDF_ERROR, NST_PDF_ERROR_INCOMPLETE);
  g_clear_error (&error);

  /* Undated, it takes the day the latest pair ended once that is past,
   * else today. These pairs have no programmes: their own end counts. */
  {
    GDate latest, end, chosen, later;

    g_date_clear (&latest, 1);
    for (guint i = 0; i < pairs->len; i++)
      {
        NstDocPair *pair = g_ptr_array_index (pairs, i);

        g_assert_null (pair->programme);
        g_assert_true (nst_date_parse_iso (nst_group_get_ends_on (pair->group), &end));
        if (i == 0 || g_date_compare (&end, &latest) > 0)
          latest = end;
      }
    g_assert_cmpint (g_date_compare (&latest, &date), >, 0);
    nst_doc_completion_default_date (pairs, &date, &chosen);
    g_assert_cmpint (g_date_compare (&chosen, &date), ==, 0);
    later = latest;
    g_date_add_days (&later, 30);
    nst_doc_completion_default_date (pairs, &later, &chosen);
    g_assert_cmpint (g_date_compare (&chosen, &latest), ==, 0);
  }
  content = nst_doc_order_completion (f->school, &date, pairs, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  path = issue (f, content, "order-completion.pdf", FALSE, NULL, NULL);
  assert_order_requisites (path, "4 о-д");
  flowing = flowing_text (path);
  assert_has (flowing, "О завершении реализации персонализированных программ наставничества и поощрении наставников");
  assert_has (flowing, "Считать завершённой реализацию персонализированных программ наставничества");
  assert_has (flowing, "(приложение 1)");
  assert_has (flowing, "Поощрить наставников за результативную наставническую деятельность согласно списку (приложение 2)");
  assert_curator_dative (f, flowing, "внести сведения");
  find_appendix (path, 2, &first, &last);
  rewards_text = pdf_text (path, TRUE, first, last);
  assert_has (rewards_text, "Вид поощрения");
  assert_has (rewards_text, "Должность");
  g_assert_cmpuint (count_occurrences (rewards_text, "Благодарность"), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_has (rewards_text, test_surnames[10 + i]);

  each = nst_doc_order_completion (f->school, &date, pairs, NULL, one_each, NULL, &error);
  g_assert_no_error (error);
  path2 = issue (f, each, "order-completion-2.pdf", TRUE, NULL, NULL);
  g_assert_cmpuint (pdf_pages (path2), >, 2);
  assert_draft_mark (path2, TRUE);
  assert_draft_mark (path, FALSE);
  g_clear_pointer (&rewards_text, g_free);
  find_appendix (path2, 2, &first, &last);
  rewards_text = pdf_text (path2, TRUE, first, last);
  assert_has (rewards_text, "Почётная грамота");
  assert_has (rewards_text, "Благодарственное письмо");
  assert_has (rewards_text, "Премия");
}

/* @lower is on the line under @upper, in the same table cell. */
static void
assert_words_stacked (const char *path,
                      const char *upper,
                      const char *lower)
{
  g_autoptr(GArray) pages = pdf_words (path);

  for (guint p = 0; p < pages->len; p++)
    {
      Page *page = &g_array_index (pages, Page, p);

      for (guint i = 0; i < page->words->len; i++)
        for (guint j = 0; j < page->words->len; j++)
          {
            Word *a = &g_array_index (page->words, Word, i);
            Word *b = &g_array_index (page->words, Word, j);

            if (g_str_equal (a->text, upper) && g_str_has_prefix (b->text, lower) &&
                ABS (a->x1 - b->x1) < 1 && b->y1 > a->y1 && b->y1 - a->y1 < 20)
              return;
          }
    }
  g_error ("%s: “%s” is not under “%s”", path, lower, upper);
}

/* The demo's programme 8: a partner from a technopark mentors a group.
 * The programme states what the registry knows of the mentor's
 * experience, and no blank for the rest; a request written a line a
 * difficulty is a list whose lines, and their wrapped lines, keep the
 * indent. */
static void
test_programme_partner_and_lines (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstDocPair) pair = nst_doc_load_programme (f->store, 8, &error);
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autofree char *path = temp_path ("programme-partner.pdf");
  g_autofree char *flowing = NULL;
  g_autofree char *layout = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_request = FALSE;
  guint request_lines = 0;

  g_assert_no_error (error);
  g_assert_cmpint (nst_participant_get_category (pair->mentor), ==, NST_CATEGORY_PARTNER);
  g_assert_cmpstr (nst_participant_get_teaching_since (pair->mentor), ==, "");
  nst_programme_set_request (pair->programme,
                             "Проект по истории родного края\n"
                             "Трудности с чтением и пересказом текстов научно-популярного стиля, с выделением "
                             "главной мысли и составлением плана прочитанного\n"
                             "Подготовка к олимпиаде по информатике");
  g_assert_true (nst_doc_programme (pdf, &f->context, pair, NULL, &error));
  g_assert_no_error (error);
  save (pdf, path);
  assert_document (path, FALSE);
  flowing = flowing_text (path);
  layout = pdf_text (path, TRUE, 1, 1);
  g_assert_null (strstr (flowing, "____:"));
  g_assert_null (strstr (flowing, "стаж: ____"));
  assert_has (flowing, "Наставник: Беляев Николай Игоревич, педагог дополнительного образования детского "
                       "технопарка «Кванториум»; стаж наставнической деятельности: 3 года");
  g_assert_null (strstr (flowing, "Беляев Николай Игоревич, педагог дополнительного образования детского "
                                  "технопарка «Кванториум»; педагогический"));
  /* Every line of the request, wrapped ones too, at one indent. */
  lines = g_strsplit (layout, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (g_str_has_prefix (lines[i], "Запрос (затруднения):"))
        {
          g_assert_cmpstr (g_strstrip (lines[i]), ==, "Запрос (затруднения):");
          in_request = TRUE;
          continue;
        }
      if (!in_request)
        continue;
      if (g_str_has_prefix (lines[i], "Цель:"))
        break;
      g_assert_true (g_str_has_prefix (lines[i], "    "));
      g_assert_false (g_ascii_isspace (lines[i][4]));
      request_lines++;
    }
  g_assert_true (in_request);
  /* Three lines, one of them wrapped. */
  g_assert_cmpuint (request_lines, >=, 4);
}

static void
test_programme_document (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstDocPair) pair = approved_pair_with_programme (f, 3, "Становление молодого учителя");
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autoptr(NstPdf) pdf2 = nst_pdf_new (NULL);
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autoptr(NstOrder) approval = NULL;
  g_autoptr(NstPlanItem) item = NULL;
  g_autoptr(NstPlanOccurrence) occurrence = NULL;
  g_autofree char *path = temp_path ("programme.pdf");
  g_autofree char *path2 = temp_path ("programme-approved.pdf");
  g_autofree char *flowing = NULL;
  g_autofree char *layout = NULL;
  g_autofree char *flowing2 = NULL;
  GDate date;

  /* Mark the first activity done. */
  item = g_list_model_get_item (nst_programme_get_items (pair->programme), 0);
  occurrence = g_list_model_get_item (nst_plan_item_get_occurrences (item), 0);
  g_assert_true (nst_store_set_occurrence_done (f->store, occurrence, "2025-10-10", &error));
  g_assert_no_error (error);
  /* Read back, with the mark. */
  {
    gint64 id = nst_programme_get_id (pair->programme);

    g_clear_pointer (&pair, nst_doc_pair_free);
    pair = nst_doc_load_programme (f->store, id, &error);
    g_assert_no_error (error);
  }

  g_assert_true (nst_doc_programme (pdf, &f->context, pair, NULL, &error));
  g_assert_no_error (error);
  save (pdf, path);
  assert_document (path, FALSE);
  flowing = flowing_text (path);
  layout = all_text (path);
  /* The approval mark with blanks until an order approves it. */
  assert_has (flowing, "УТВЕРЖДЕНО приказом от «___» __________ 20___ г. № ______");
  assert_has (flowing, "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА «Становление молодого учителя» на 2025/2026 учебный год");
  assert_has (flowing, "Форма наставничества: педагог – педагог (модель взаимодействия: опытный педагог – молодой специалист)");
  assert_has (flowing, "Срок реализации: с ");
  /* Experience counted on 15.11.2025 from the registry's start dates. */
  assert_has (flowing, "Наставник: Горбунова Анна Сергеевна, учитель математики; педагогический стаж: 15 лет; "
                       "стаж наставнической деятельности: 5 лет");
  assert_has (flowing, "Наставляемый: Горбунова Вера Сергеевна, учитель физики; педагогический стаж: 1 год; "
                       "стаж наставнической деятельности: нет");
  assert_has (flowing, "Запрос (профессиональные затруднения): Затруднения в организации урока");
  assert_has (flowing, "Цель: Профессиональное становление молодого специалиста");
  assert_has (flowing, "Задачи: Освоить нормативную базу Овладеть методами обучения Подготовить открытый урок");
  assert_has (flowing, "План мероприятий");
  assert_has (layout, "Мероприятие");
  assert_has (layout, "Сроки");
  assert_has (layout, "Результат");
  assert_has (flowing, "Отметка о выполнении");
  assert_words_stacked (path, "выполнено", "10.10.2025");
  assert_has (flowing, "Ожидаемый результат: Присвоение квалификационной категории");
  assert_has (layout, "Наставник");
  assert_has (layout, "Наставляемый");
  assert_has (layout, "Куратор");
  assert_has (layout, "А.С. Горбунова");
  assert_has (layout, "В.С. Горбунова");
  assert_has (layout, "Е.К. Бирюкова");
  g_assert_cmpuint (count_occurrences (layout, "(подпись)"), ==, 3);

  /* Approved by order, it cites the order. */
  g_ptr_array_add (pairs, pair);
  nst_date_parse_iso ("2025-11-15", &date);
  content = nst_doc_order_programmes (f->school, &date, pairs, NULL, NULL, &error);
  g_free (issue (f, content, "order-programmes-for-programme.pdf", FALSE, &order, NULL));
  approval = nst_store_get_programme_order (f->store, nst_programme_get_id (pair->programme), &error);
  g_assert_nonnull (approval);
  g_assert_true (nst_doc_programme (pdf2, &f->context, pair, approval, &error));
  save (pdf2, path2);
  flowing2 = flowing_text (path2);
  assert_has (flowing2, "УТВЕРЖДЕНО приказом от 15.11.2025 № 4 о-д");
}

/* Years in Russian: 1 год, 3 года, 11 лет, 22 года. */
static void
test_programme_years (Fixture       *f,
                      gconstpointer  data)
{
  static const struct { const char *since; const char *text; } cases[] = {
    { "2024-09-01", "1 год" }, { "2022-09-01", "3 года" }, { "2014-09-01", "11 лет" },
    { "2003-09-01", "22 года" }, { "2020-11-16", "4 года" }, { "1994-01-01", "31 год" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NstParticipant) mentor =
        add_person (f, test_surnames[i], "Ева", NST_CATEGORY_TEACHER, "учитель", cases[i].since, NULL, mentor_consents, 2);
      g_autoptr(NstParticipant) mentee =
        add_person (f, test_surnames[i], "Яна", NST_CATEGORY_TEACHER, "учитель", "2025-09-01", NULL, mentee_consents, 1);
      gint64 id = save_group (f, mentor, &mentee, 1, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE, "2025-09-15", "2026-05-29");
      g_autoptr(NstProgramme) programme = nst_store_prepare_programme (f->store, id, NST_BUILTIN_TEMPLATE_ID, &error);
      g_autoptr(NstDocPair) pair = NULL;
      g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
      g_autofree char *name = g_strdup_printf ("years-%u.pdf", i);
      g_autofree char *path = temp_path (name);
      g_autofree char *flowing = NULL;
      g_autofree char *expected = g_strdup_printf ("педагогический стаж: %s Наставляемый:", cases[i].text);

      g_assert_true (nst_store_save_programme (f->store, programme, NULL, &error));
      pair = nst_doc_load_programme (f->store, nst_programme_get_id (programme), &error);
      g_assert_true (nst_doc_programme (pdf, &f->context, pair, NULL, &error));
      save (pdf, path);
      flowing = flowing_text (path);
      assert_has (flowing, expected);
      /* A mentor whose mentoring start is not known: the line is left
       * out, not a blank. */
      g_assert_null (strstr (flowing, "стаж наставнической деятельности: ____"));
    }
}

static void
test_roadmap_document (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) roadmap = nst_store_load_current_roadmap (f->store, &f->context.today, &error);
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autoptr(NstPdf) pdf2 = nst_pdf_new (NULL);
  g_autoptr(NstOrder) regulation = NULL;
  g_autofree char *path = temp_path ("roadmap.pdf");
  g_autofree char *path2 = temp_path ("roadmap-approved.pdf");
  g_autofree char *flowing = NULL;
  g_autofree char *page2 = NULL;
  NstDocContext context;

  g_assert_no_error (error);
  g_assert_nonnull (roadmap);
  g_assert_true (nst_doc_roadmap (pdf, &f->context, roadmap, &error));
  g_assert_no_error (error);
  save (pdf, path);
  assert_document (path, TRUE);
  g_assert_cmpuint (pdf_pages (path), >=, 2);
  flowing = flowing_text (path);
  assert_has (flowing, nst_roadmap_get_title (roadmap));
  assert_has (flowing, "УТВЕРЖДЕНА приказом от «___» __________ 20___ г. № ______");
  for (guint s = 0; s < nst_roadmap_get_n_sections (roadmap); s++)
    {
      NstRoadmapSection *section = nst_roadmap_get_section (roadmap, s);
      g_autofree char *title = g_strdup_printf ("%u. %s", s + 1, nst_roadmap_section_get_title (section));

      assert_has (flowing, title);
    }
  {
    g_autofree char *layout = all_text (path);

    g_assert_true (g_regex_match_simple ("1\\.1 +Формирование базы +В течение всего", layout, 0, 0));
    g_assert_true (g_regex_match_simple ("\\n *5\\.4 +Создание условий", layout, 0, 0));
  }
  assert_has (flowing, "(целевое значение: не менее 10 %)");
  assert_has (flowing, "До 25.10.");
  page2 = pdf_text (path, TRUE, 2, 2);
  assert_has (page2, "Содержание");
  assert_has (page2, "Сроки");
  assert_has (page2, "Ожидаемый результат");
  assert_has (page2, "Показатели");
  assert_has (page2, "эффективности");
  assert_has (page2, "Ответственный");

  regulation = issue_introduction (f);
  nst_doc_context_init (&context, f->school, regulation);
  context.today = f->context.today;
  g_assert_true (nst_doc_roadmap (pdf2, &context, roadmap, &error));
  save (pdf2, path2);
  g_clear_pointer (&flowing, g_free);
  flowing = flowing_text (path2);
  assert_has (flowing, "УТВЕРЖДЕНА приказом от 01.09.2025 № 4 о-д «О внедрении целевой модели наставничества»");
}

/* Merged cells: a block that fits goes whole to the next page; one taller
 * than a page goes on row by row with the merged text repeated; nothing
 * is lost. */
static void
test_table_merged_rows (void)
{
  static const NstPdfColumn columns[] = {
    { 0.5, NST_PDF_ALIGN_CENTER, FALSE }, { 3, NST_PDF_ALIGN_LEFT, FALSE }, { 3, NST_PDF_ALIGN_LEFT, FALSE },
  };
  static const char *const header[] = { "№", "Наставник", "Наставляемый" };
  static const gboolean spans[] = { TRUE, TRUE, FALSE };
  g_autofree char *path = temp_path ("merged.pdf");
  g_autoptr(NstPdf) pdf = nst_pdf_new (NULL);
  g_autoptr(NstPdfTable) table = NULL;
  g_autofree char *all = NULL;

  nst_pdf_begin_document (pdf, NST_PDF_PORTRAIT);
  table = nst_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 12);
  nst_pdf_table_set_header (table, header);
  for (guint block = 1; block <= 3; block++)
    {
      guint n = block == 3 ? 70 : 12;
      g_autofree const char **cells = g_new0 (const char *, n * 3);
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < n; i++)
        {
          char *number = g_strdup_printf ("%u", block);
          char *mentor = g_strdup_printf ("Наставник-%u", block);
          char *mentee = g_strdup_printf ("Наставляемый-%u-%u", block, i + 1);

          g_ptr_array_add (owned, number);
          g_ptr_array_add (owned, mentor);
          g_ptr_array_add (owned, mentee);
          cells[i * 3] = number;
          cells[i * 3 + 1] = mentor;
          cells[i * 3 + 2] = mentee;
        }
      nst_pdf_table_add_rows (table, cells, n, spans);
    }
  g_clear_pointer (&table, nst_pdf_table_free);
  save (pdf, path);
  assert_document (path, FALSE);
  all = pdf_raw_text (path, 1, 100);
  for (guint block = 1; block <= 3; block++)
    for (guint i = 1; i <= (block == 3 ? 70u : 12u); i++)
      {
        g_autofree char *mentee = g_strdup_printf ("Наставляемый-%u-%u\n", block, i);

        assert_has (all, mentee);
      }
  /* Merged: once per block that fits a page. */
  g_assert_cmpuint (count_occurrences (all, "Наставник-1"), ==, 1);
  g_assert_cmpuint (count_occurrences (all, "Наставник-2"), ==, 1);
  g_assert_cmpuint (count_occurrences (all, "Наставник-3"), >=, 2);
  for (guint p = 2; p <= pdf_pages (path); p++)
    {
      g_autofree char *page = pdf_raw_text (path, p, p);

      assert_has (page, "Наставляемый\n");
    }
}

/* A document is written whole or not at all, readable by its owner only,
 * and replacing a file of another mode leaves it 0600 too. */
static void
test_write_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nst-test-write-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Согласие.pdf", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 test", 13);
  g_autoptr(GDir) listing = NULL;
  GStatBuf st;
  guint files = 0;

  g_assert_no_error (error);
  g_assert_true (nst_write_file_atomically (path, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (nst_write_file_atomically (path, bytes, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  listing = g_dir_open (dir, 0, &error);
  while (g_dir_read_name (listing) != NULL)
    files++;
  g_assert_cmpuint (files, ==, 1);   /* no temporary beside it */
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("nastavnik-docs-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/docs/engine/exact-text", test_exact_text);
  g_test_add_func ("/docs/engine/write-private", test_write_private);
  g_test_add_func ("/docs/engine/fallback-font", test_fallback_font);
  g_test_add_func ("/docs/engine/flow-and-long-words", test_flow_and_long_words);
  g_test_add_func ("/docs/engine/justify", test_justify);
  g_test_add_func ("/docs/engine/keep-together", test_keep_together);
  g_test_add_func ("/docs/engine/pad-to-even", test_pad_to_even);
  g_test_add_func ("/docs/engine/table-header-repeats", test_table_header_repeats);
  g_test_add_func ("/docs/engine/table-merged-rows", test_table_merged_rows);
  g_test_add_func ("/docs/engine/landscape-and-page-numbers", test_landscape_and_numbers);
  g_test_add_func ("/docs/engine/atomic-write/missing-folder", test_atomic_write_missing_folder);
  g_test_add_func ("/docs/engine/atomic-write/read-only", test_atomic_write_read_only);
  g_test_add_func ("/docs/engine/atomic-write/full", test_atomic_write_full);
  g_test_add_func ("/docs/russian-cases", test_cases);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/docs/journal/numbers-by-year", test_journal_numbers);
  ADD ("/docs/order/curator", test_order_curator);
  ADD ("/docs/order/introduction", test_order_introduction);
  ADD ("/docs/order/appendix", test_order_appendix);
  ADD ("/docs/order/template-errors", test_order_template_errors);
  ADD ("/docs/order/school-template", test_order_school_template);
  ADD ("/docs/order/failure-leaves-nothing", test_order_failure_leaves_nothing);
  ADD ("/docs/consent/adult", test_consent_adult);
  ADD ("/docs/consent/child", test_consent_child);
  ADD ("/docs/consent/minor", test_consent_minor);
  ADD ("/docs/consent/distribution", test_consent_distribution);
  ADD ("/docs/consent/mentor", test_consent_mentor);
  ADD ("/docs/consent/missing-batch", test_missing_batch);
  ADD ("/docs/registry", test_registry);
  ADD ("/docs/order/pairs", test_order_pairs);
  ADD ("/docs/order/one-pair", test_order_one_pair);
  ADD ("/docs/order/acknowledgement-adults", test_order_acknowledgement_adults);
  ADD ("/docs/order/pairs-refused", test_order_pairs_refused);
  ADD ("/docs/order/pairs-retry", test_order_pairs_retry);
  ADD ("/docs/order/pair-lacks", test_pair_lacks);
  ADD ("/docs/order/pairs-replace", test_order_pairs_replace);
  ADD ("/docs/order/pairs-with-programmes", test_order_pairs_with_programmes);
  ADD ("/docs/order/programmes", test_order_programmes);
  ADD ("/docs/order/programmes-refused", test_order_programmes_refused);
  ADD ("/docs/order/completion", test_order_completion);
  ADD ("/docs/programme", test_programme_document);
  ADD ("/docs/programme/partner-and-lines", test_programme_partner_and_lines);
  ADD ("/docs/programme/years", test_programme_years);
  ADD ("/docs/roadmap", test_roadmap_document);
#undef ADD

  status = g_test_run ();
  if (g_getenv ("NST_KEEP_TEST_FILES") == NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("chmod -R u+w '%s' && rm -rf '%s'", tmp_dir, tmp_dir);

      if (system (cmd) != 0)
        g_printerr ("could not remove %s\n", tmp_dir);
    }
  g_free (tmp_dir);
  return status;
}
