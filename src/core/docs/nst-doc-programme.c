/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <string.h>

#include "schedule/nst-date.h"
#include "docs/nst-doc-private.h"
#include "text/nst-ru-text.h"

/* The personalized programme (персонализированная программа
 * наставничества) as the seed prints one: the approval mark, the title and
 * year, the form, the mentor and mentees with their experience, the
 * request, goal and tasks, the plan with the marks of what is done, the
 * expected result, and the signatures of the mentor, the mentees and the
 * curator. */

#define SIZE 12.0
#define PLAN_SIZE 11.0
#define SIGNATURE_ROW 32.0   /* a signature line, its captions, the space above */

static const NstPdfStyle style_fact = { SIZE, NST_PDF_ALIGN_JUSTIFY, FALSE, 0, 0, 0, 3, FALSE };
static const NstPdfStyle style_item = { SIZE, NST_PDF_ALIGN_JUSTIFY, FALSE, 0, NST_MM (6), 0, 2, FALSE };
static const NstPdfStyle style_heading = { SIZE, NST_PDF_ALIGN_CENTER, TRUE, 0, 0, 8, 6, TRUE };

static void
draw_approval (NstPdf   *pdf,
               NstOrder *approval)
{
  NstPdfStyle style = nst_pdf_style_plain;
  g_autofree char *reference = approval ? nst_order_dup_reference (approval)
                                        : g_strdup ("от «___» __________ 20___ г.\n№ ______");
  g_autofree char *markup = g_markup_printf_escaped ("УТВЕРЖДЕНО\nприказом %s", reference);

  style.size = SIZE;
  style.left_indent = nst_pdf_get_text_width (pdf) * 0.5;
  nst_pdf_paragraph (pdf, &style, markup);
  nst_pdf_space (pdf, 18);
}

/* The kind of document, then the programme's own title and year: the
 * usual title («Персонализированная программа наставничества на
 * 2025/2026 учебный год») is not said twice. */
static void
draw_title (NstPdf       *pdf,
            NstProgramme *programme)
{
  const char *kind = "Персонализированная программа наставничества";
  const char *own = nst_programme_get_title (programme);
  g_autofree char *year = nst_school_year_label (nst_programme_get_school_year (programme));
  g_autofree char *folded_kind = nst_ru_fold (kind);
  g_autofree char *folded_own = nst_ru_fold (own);
  g_autofree char *rest = NULL;
  g_autofree char *markup = NULL;

  if (g_str_has_prefix (folded_own, folded_kind))
    rest = g_strdup (g_utf8_offset_to_pointer (own, g_utf8_strlen (kind, -1)));
  else
    rest = g_strdup_printf ("«%s»", own);
  g_strstrip (rest);
  if (strstr (rest, year) == NULL)
    {
      g_autofree char *with_year = g_strdup_printf ("%s%sна %s учебный год", rest, *rest ? "\n" : "", year);

      g_free (rest);
      rest = g_steal_pointer (&with_year);
    }
  markup = g_markup_printf_escaped ("ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА\n%s", rest);
  nst_pdf_paragraph (pdf, &nst_pdf_style_title, markup);
  nst_pdf_space (pdf, 12);
}

/* The label in bold on a line of its own, then each line of @lines as
 * an item, indented: its wrapped lines keep the indent. */
static void
draw_items (NstPdf     *pdf,
            const char *label,
            char      **lines)
{
  g_autofree char *label_markup = g_markup_printf_escaped ("<b>%s:</b>", label);

  nst_pdf_paragraph (pdf, &style_fact, label_markup);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *markup = NULL;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      markup = g_markup_escape_text (lines[i], -1);
      nst_pdf_paragraph (pdf, &style_item, markup);
    }
}

static guint
count_lines (char **lines)
{
  guint n = 0;

  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      n += *line != '\0';
    }
  return n;
}

/* A fact after its label in bold; a ruled blank when it is not known.
 * A fact of several lines, as a request the curator wrote a line a
 * difficulty, is a list under its label, each line indented: a forced
 * line break would start its next line at the margin, unindented. */
static void
draw_fact (NstPdf     *pdf,
           const char *label,
           const char *text)
{
  g_autofree char *markup = NULL;
  g_autofree char *all = text ? g_strstrip (g_strdup (text)) : NULL;
  g_auto(GStrv) lines = all ? g_strsplit (all, "\n", -1) : NULL;

  if (lines != NULL && count_lines (lines) > 1)
    {
      draw_items (pdf, label, lines);
      return;
    }
  if (all == NULL || *all == '\0')
    {
      g_autofree char *label_markup = g_markup_printf_escaped ("<b>%s:</b>", label);

      nst_pdf_blank (pdf, SIZE, label_markup, NULL);
      nst_pdf_blank (pdf, SIZE, NULL, NULL);
      nst_pdf_space (pdf, 3);
      return;
    }
  markup = g_markup_printf_escaped ("<b>%s:</b> %s", label, g_strstrip (all));
  nst_pdf_paragraph (pdf, &style_fact, markup);
}

static void
draw_form (NstPdf   *pdf,
           NstGroup *group)
{
  g_autoptr(GString) text = g_string_new (nst_doc_form_text (nst_group_get_form (group)));
  const char *model = nst_doc_model_text (nst_group_get_interaction_model (group));

  if (*model)
    g_string_append_printf (text, " (модель взаимодействия: %s)", model);
  g_string_append_printf (text, "; вид наставничества: %s", nst_doc_kind_text (nst_group_get_kind (group)));
  g_string_append (text, nst_group_is_group (group) ? "; работа наставнической группы"
                                                    : "; работа наставнической пары");
  draw_fact (pdf, "Форма наставничества", text->str);
}

static gboolean
is_student (NstParticipant *p)
{
  return nst_participant_get_category (p) == NST_CATEGORY_STUDENT;
}

/* ФИО, post, teaching experience, mentoring experience, counted from the
 * registry's start dates on the document's day: what the registry knows,
 * no blank for what it does not (a partner from a company has no
 * teaching experience to state). A mentee without a start of mentoring
 * has none. */
static char *
person_text (NstParticipant *p,
             gboolean        mentor,
             const GDate    *today)
{
  g_autofree char *name = nst_participant_dup_full_name (p);
  g_autofree char *post = nst_doc_post_text (p);
  g_autofree char *teaching = nst_doc_years_text (nst_participant_get_teaching_since (p), today);
  g_autofree char *mentoring = nst_doc_years_text (nst_participant_get_mentoring_since (p), today);
  GString *text = g_string_new (name);

  if (*post)
    g_string_append_printf (text, ", %s", post);
  if (is_student (p))
    return g_string_free (text, FALSE);
  if (teaching != NULL)
    g_string_append_printf (text, "; педагогический стаж: %s", teaching);
  if (mentoring != NULL || !mentor)
    g_string_append_printf (text, "; стаж наставнической деятельности: %s", mentoring ? mentoring : "нет");
  return g_string_free (text, FALSE);
}

/* A student's difficulties are not professional ones. */
static const char *
request_label (NstDocPair *pair)
{
  if (pair->mentees->len > 0 && is_student (g_ptr_array_index (pair->mentees, 0)))
    return "Запрос (затруднения)";
  return "Запрос (профессиональные затруднения)";
}

static void
draw_people (NstPdf            *pdf,
             NstDocPair        *pair,
             const GDate       *today)
{
  g_autofree char *mentor = person_text (pair->mentor, TRUE, today);

  draw_fact (pdf, "Наставник", mentor);
  if (pair->mentees->len == 1)
    {
      g_autofree char *mentee = person_text (g_ptr_array_index (pair->mentees, 0), FALSE, today);

      draw_fact (pdf, "Наставляемый", mentee);
      return;
    }
  nst_pdf_paragraph (pdf, &style_fact, "<b>Наставляемые:</b>");
  for (guint i = 0; i < pair->mentees->len; i++)
    {
      g_autofree char *mentee = person_text (g_ptr_array_index (pair->mentees, i), FALSE, today);
      g_autofree char *markup = g_markup_printf_escaped ("%u) %s%s", i + 1, mentee,
                                                         i + 1 < pair->mentees->len ? ";" : ".");

      nst_pdf_paragraph (pdf, &style_item, markup);
    }
}


/* The days the activity was done, and how many of its dates that is. */
static char *
mark_cell (NstPlanItem *item)
{
  GListModel *occurrences = nst_plan_item_get_occurrences (item);
  guint n = g_list_model_get_n_items (occurrences), done = 0;
  g_autoptr(GString) days = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanOccurrence) o = g_list_model_get_item (occurrences, i);
      g_autofree char *day = NULL;

      if (!nst_plan_occurrence_is_done (o))
        continue;
      day = nst_date_iso_to_ru (nst_plan_occurrence_get_done_on (o));
      g_string_append_printf (days, "%s%s", done++ ? ", " : "", day);
    }
  if (done == 0)
    return g_strdup ("");
  if (n > 1)
    return g_markup_printf_escaped ("выполнено %s (%u из %u)", days->str, done, n);
  return g_markup_printf_escaped ("выполнено %s", days->str);
}

static void
draw_plan (NstPdf       *pdf,
           NstProgramme *programme)
{
  static const NstPdfColumn columns[] = {
    { 24, NST_PDF_ALIGN_CENTER, FALSE },
    { 118, NST_PDF_ALIGN_LEFT, FALSE },
    { 84, NST_PDF_ALIGN_LEFT, FALSE },
    { 84, NST_PDF_ALIGN_LEFT, FALSE },
    { 88, NST_PDF_ALIGN_LEFT, FALSE },
    { 84, NST_PDF_ALIGN_LEFT, FALSE },
  };
  static const char *const header[] = {
    "№\nп/п", "Мероприятие", "Сроки", "Ответ\u00adственные", "Результат", "Отметка о выполнении",
  };
  GListModel *items = nst_programme_get_items (programme);
  guint n = g_list_model_get_n_items (items);
  g_autoptr(NstPdfTable) table = NULL;

  nst_pdf_paragraph (pdf, &style_heading, "План мероприятий");
  /* Six columns on a portrait page: a size smaller, as tables may be,
   * so that the words of the seed's plan fit their cells. */
  table = nst_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), PLAN_SIZE);
  nst_pdf_table_set_header (table, header);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *activity = g_markup_escape_text (nst_plan_item_get_activity (item), -1);
      g_autofree char *schedule = g_markup_escape_text (nst_plan_item_get_schedule (item), -1);
      g_autofree char *responsible = g_markup_escape_text (nst_plan_item_get_responsible (item), -1);
      g_autofree char *result = g_markup_escape_text (nst_plan_item_get_expected_result (item), -1);
      g_autofree char *mark = mark_cell (item);
      const char *row[] = { number, activity, schedule, responsible, result, mark };

      nst_pdf_table_add_row (table, row);
    }
  g_clear_pointer (&table, nst_pdf_table_free);
  nst_pdf_space (pdf, 10);
}

static void
draw_signatures (NstPdf              *pdf,
                 const NstDocContext *context,
                 NstDocPair          *pair)
{
  g_autoptr(GHashTable) values = nst_doc_school_values (context->school, &context->today);
  const char *curator = g_hash_table_lookup (values, "curator_signature");
  g_autofree char *mentor_name = nst_participant_dup_full_name (pair->mentor);
  g_autofree char *mentor = nst_ru_initials_first (mentor_name);
  const char *mentee_role = pair->mentees->len == 1 ? "Наставляемый" : "Наставляемые";
  double role_width = nst_pdf_text_width (pdf, SIZE, FALSE, mentee_role) + 12;

  nst_pdf_space (pdf, 12);
  nst_pdf_sign_row (pdf, SIZE, "Наставник", role_width, mentor);
  for (guint i = 0; i < pair->mentees->len; i++)
    {
      g_autofree char *name = nst_participant_dup_full_name (g_ptr_array_index (pair->mentees, i));
      g_autofree char *initials = nst_ru_initials_first (name);

      nst_pdf_space (pdf, SIGNATURE_ROW - 24);
      nst_pdf_sign_row (pdf, SIZE, i == 0 ? mentee_role : "", role_width, initials);
    }
  nst_pdf_space (pdf, SIGNATURE_ROW - 24);
  nst_pdf_sign_row (pdf, SIZE, "Куратор", role_width, curator);
}

/**
 * nst_doc_programme:
 * @pair: the pair with its programme (with the plan) and its people
 * @approval: (nullable): the order that approved the programme, cited at
 *   the top right; blanks when none has
 *
 * The personalized programme, signed by the mentor, the mentees and the
 * curator. Experience is counted on the context's day.
 */
gboolean
nst_doc_programme (NstPdf               *pdf,
                   const NstDocContext  *context,
                   NstDocPair           *pair,
                   NstOrder             *approval,
                   GError              **error)
{
  NstProgramme *programme = pair->programme;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;

  g_return_val_if_fail (programme != NULL, FALSE);

  title = g_strdup_printf ("Персонализированная программа наставничества «%s»", nst_programme_get_title (programme));
  period = nst_doc_period_text (nst_programme_get_starts_on (programme), nst_programme_get_ends_on (programme));
  nst_pdf_set_title (pdf, title);
  nst_pdf_begin_document (pdf, NST_PDF_PORTRAIT);
  draw_approval (pdf, approval);
  draw_title (pdf, programme);
  draw_form (pdf, pair->group);
  draw_fact (pdf, "Срок реализации", period);
  draw_people (pdf, pair, &context->today);
  draw_fact (pdf, request_label (pair), nst_programme_get_request (programme));
  draw_fact (pdf, "Цель", nst_programme_get_goal (programme));
  draw_fact (pdf, "Задачи", nst_programme_get_tasks (programme));
  draw_plan (pdf, programme);
  /* The signatures go with the expected result, never alone on a page. */
  nst_pdf_ensure_space (pdf, SIGNATURE_ROW * (pair->mentees->len + 2) + 3 * SIZE * 1.15 + 12);
  draw_fact (pdf, "Ожидаемый результат", nst_programme_get_expected_result (programme));
  if (*nst_programme_get_result (programme))
    draw_fact (pdf, "Результат", nst_programme_get_result (programme));
  draw_signatures (pdf, context, pair);
  return nst_pdf_check (pdf, error);
}
