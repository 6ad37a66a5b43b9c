/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <string.h>

#include "docs/nst-doc-private.h"

/* The roadmap (дорожная карта) as the seed prints it: a landscape table
 * № | содержание | сроки | ожидаемый результат | показатели эффективности
 * | ответственный, grouped by section, under the mark of the order that
 * approved it. */

static void
draw_approval (NstPdf   *pdf,
               NstOrder *regulation)
{
  NstPdfStyle style = nst_pdf_style_plain;
  g_autofree char *reference = regulation ? nst_order_dup_reference (regulation)
                                          : g_strdup ("от «___» __________ 20___ г. № ______");
  g_autofree char *markup = regulation
    ? g_markup_printf_escaped ("УТВЕРЖДЕНА\nприказом %s\n«%s»", reference, nst_order_get_heading (regulation))
    : g_markup_printf_escaped ("УТВЕРЖДЕНА\nприказом %s", reference);

  style.size = 12;
  style.left_indent = nst_pdf_get_text_width (pdf) * 0.62;
  nst_pdf_paragraph (pdf, &style, markup);
  nst_pdf_space (pdf, 12);
}

/* The indicator and, unless it says so already, its target. */
static char *
indicator_cell (NstRoadmapItem *item)
{
  const char *indicator = nst_roadmap_item_get_indicator (item);
  const char *target = nst_roadmap_item_get_indicator_target (item);

  if (*target == '\0' || strstr (indicator, target) != NULL)
    return g_markup_escape_text (indicator, -1);
  if (*indicator == '\0')
    return g_markup_printf_escaped ("Целевое значение: %s", target);
  return g_markup_printf_escaped ("%s\n(целевое значение: %s)", indicator, target);
}

static void
add_item (NstPdfTable    *table,
          NstRoadmapItem *item,
          guint           section,
          guint           number)
{
  g_autofree char *index = g_strdup_printf ("%u.%u", section, number);
  g_autofree char *content = g_markup_escape_text (nst_roadmap_item_get_content (item), -1);
  g_autofree char *schedule = g_markup_escape_text (nst_roadmap_item_get_schedule (item), -1);
  g_autofree char *result = g_markup_escape_text (nst_roadmap_item_get_expected_result (item), -1);
  g_autofree char *indicator = indicator_cell (item);
  g_autofree char *responsible_text = nst_roadmap_item_dup_responsible_text (item);
  g_autofree char *responsible = g_markup_escape_text (responsible_text, -1);
  const char *row[] = { index, content, schedule, result, indicator, responsible };

  nst_pdf_table_add_row (table, row);
}

static void
draw_table (NstPdf     *pdf,
            NstRoadmap *roadmap)
{
  static const NstPdfColumn columns[] = {
    { 0.6, NST_PDF_ALIGN_CENTER, FALSE },
    { 3.3, NST_PDF_ALIGN_LEFT, FALSE },
    { 1.8, NST_PDF_ALIGN_LEFT, FALSE },
    { 2.7, NST_PDF_ALIGN_LEFT, FALSE },
    { 2.7, NST_PDF_ALIGN_LEFT, FALSE },
    { 2.1, NST_PDF_ALIGN_LEFT, FALSE },
  };
  static const char *const header[] = {
    "№\nп/п", "Содержание", "Сроки", "Ожидаемый результат", "Показатели эффективности", "Ответственный",
  };
  g_autoptr(NstPdfTable) table = nst_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 12);
  guint n_sections = nst_roadmap_get_n_sections (roadmap);

  nst_pdf_table_set_header (table, header);
  for (guint s = 0; s < n_sections; s++)
    {
      NstRoadmapSection *section = nst_roadmap_get_section (roadmap, s);
      guint n_items = nst_roadmap_section_get_n_items (section);
      g_autofree char *title = g_markup_printf_escaped ("%u. %s", s + 1, nst_roadmap_section_get_title (section));

      nst_pdf_table_add_group (table, title);
      for (guint i = 0; i < n_items; i++)
        add_item (table, nst_roadmap_section_get_item (section, i), s + 1, i + 1);
    }
}

/* The roadmap's title and table, as a document of its own or an order's
 * appendix draws them below its mark. */
void
nst_doc_roadmap_body (NstPdf     *pdf,
                      NstRoadmap *roadmap,
                      const char *school_short_name)
{
  g_autofree char *title = g_markup_printf_escaped ("%s\n%s", nst_roadmap_get_title (roadmap), school_short_name);

  nst_pdf_paragraph (pdf, &nst_pdf_style_title, title);
  nst_pdf_space (pdf, 10);
  draw_table (pdf, roadmap);
}

/**
 * nst_doc_roadmap_period_text:
 *
 * Returns: (transfer full) (nullable): «2024–2027 годы», the calendar
 *   years the roadmap's period spans, or %NULL when it has none
 */
char *
nst_doc_roadmap_period_text (NstRoadmap *roadmap)
{
  GDate start, end;

  if (!nst_roadmap_get_period (roadmap, &start, &end))
    return NULL;
  if (g_date_get_year (&start) == g_date_get_year (&end))
    return g_strdup_printf ("%u год", g_date_get_year (&start));
  return g_strdup_printf ("%u–%u годы", g_date_get_year (&start), g_date_get_year (&end));
}

/**
 * nst_doc_roadmap:
 * @context: the school, and the order that approved the roadmap with the
 *   model (cited at the top right; blanks when none)
 *
 * The roadmap in landscape: its title, then the table grouped by section.
 */
gboolean
nst_doc_roadmap (NstPdf               *pdf,
                 const NstDocContext  *context,
                 NstRoadmap           *roadmap,
                 GError              **error)
{
  g_autoptr(GHashTable) values = nst_doc_school_values (context->school, &context->today);

  if (!nst_doc_require_values (values, nst_doc_list_facts, error))
    return FALSE;
  nst_pdf_set_title (pdf, nst_roadmap_get_title (roadmap));
  nst_pdf_begin_document (pdf, NST_PDF_LANDSCAPE);
  draw_approval (pdf, context->regulation);
  nst_doc_roadmap_body (pdf, roadmap, g_hash_table_lookup (values, "school_short_name"));
  return nst_pdf_check (pdf, error);
}
