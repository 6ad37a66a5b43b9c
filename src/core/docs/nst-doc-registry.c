/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <string.h>

#include "schedule/nst-date.h"
#include "docs/nst-doc-private.h"

/* The registry list (база наставников и наставляемых): everyone in the
 * registry but the archived, by category and name, on landscape pages. */

static const struct
{
  NstCategory category;
  const char *title;
} groups[] = {
  { NST_CATEGORY_HEAD, "Руководители" },
  { NST_CATEGORY_TEACHER, "Педагогические работники" },
  { NST_CATEGORY_STUDENT, "Обучающиеся" },
  { NST_CATEGORY_PARTNER, "Партнёры" },
};

static const char *const qualifications[NST_N_QUALIFICATIONS] = {
  "без категории", "соответствие должности", "первая", "высшая",
};

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  NstParticipant *pa = *(NstParticipant **) a;
  NstParticipant *pb = *(NstParticipant **) b;

  return strcmp (nst_participant_get_sort_key (pa), nst_participant_get_sort_key (pb));
}

static char *
years (const char  *iso,
       const GDate *today)
{
  int n = nst_date_years_since_iso (iso, today);

  return n >= 0 ? g_strdup_printf ("%d", n) : g_strdup ("");
}

static const char *
role (NstParticipant *p)
{
  gboolean mentor = nst_participant_get_is_mentor (p);
  gboolean mentee = nst_participant_get_is_mentee (p);

  if (mentor && mentee)
    return "наставник, наставляемый";
  return mentor ? "наставник" : mentee ? "наставляемый" : "";
}

static void
add_participant (NstPdfTable    *table,
                 NstParticipant *p,
                 guint           number,
                 const GDate    *today)
{
  NstConsentMissing missing = nst_participant_get_missing_consents (p);
  gboolean student = nst_participant_get_category (p) == NST_CATEGORY_STUDENT;
  g_autofree char *index = g_strdup_printf ("%u", number);
  g_autofree char *name = nst_participant_dup_full_name (p);
  g_autofree char *name_markup = g_markup_escape_text (name, -1);
  g_autofree char *post = g_markup_escape_text (nst_participant_get_post_or_class (p), -1);
  g_autofree char *subjects = g_markup_escape_text (nst_participant_get_subjects (p), -1);
  g_autofree char *teaching = years (nst_participant_get_teaching_since (p), today);
  g_autofree char *mentoring = years (nst_participant_get_mentoring_since (p), today);
  const char *row[] = {
    index, name_markup, post, subjects, teaching, mentoring,
    student ? "" : qualifications[nst_participant_get_qualification (p)],
    role (p),
    (missing & NST_CONSENT_MISSING_PROCESSING) ? "нет" : "есть",
    !nst_participant_get_is_mentor (p) ? "" : (missing & NST_CONSENT_MISSING_MENTOR) ? "нет" : "есть",
  };

  nst_pdf_table_add_row (table, row);
}

static guint
add_group (NstPdfTable  *table,
           GPtrArray    *people,
           const char   *title,
           guint         number,
           const GDate  *today)
{
  if (people->len == 0)
    return number;
  g_ptr_array_sort (people, compare_names);
  nst_pdf_table_add_group (table, title);
  for (guint i = 0; i < people->len; i++)
    add_participant (table, g_ptr_array_index (people, i), ++number, today);
  return number;
}

static guint
draw_table (NstPdf              *pdf,
            const NstDocContext *context,
            GListModel          *participants)
{
  static const NstPdfColumn columns[] = {
    { 0.45, NST_PDF_ALIGN_CENTER, FALSE },
    { 2.6, NST_PDF_ALIGN_LEFT, FALSE },
    { 2.2, NST_PDF_ALIGN_LEFT, FALSE },
    { 2.2, NST_PDF_ALIGN_LEFT, FALSE },
    { 0.8, NST_PDF_ALIGN_CENTER, FALSE },
    { 0.95, NST_PDF_ALIGN_CENTER, FALSE },
    { 1.3, NST_PDF_ALIGN_LEFT, FALSE },
    { 1.3, NST_PDF_ALIGN_LEFT, FALSE },
    { 1.0, NST_PDF_ALIGN_CENTER, FALSE },
    { 1.0, NST_PDF_ALIGN_CENTER, FALSE },
  };
  /* Soft hyphens (U+00AD) where the narrow headings may break. */
  static const char *const header[] = {
    "№", "Фамилия, имя, отчество", "Должность или класс", "Предметы", "Пед. стаж, лет",
    "Стаж настав\u00adниче\u00adства, лет", "Квалифи\u00adкацион\u00adная категория", "Роль в программе",
    "Согласие на обра\u00adботку ПДн", "Согласие настав\u00adника",
  };
  g_autoptr(NstPdfTable) table = nst_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 10);
  guint n = g_list_model_get_n_items (participants), number = 0;

  nst_pdf_table_set_header (table, header);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        {
          NstParticipant *p = g_list_model_get_item (participants, i);

          if (nst_participant_get_category (p) == groups[g].category && !nst_participant_get_archived (p))
            g_ptr_array_add (people, p);
          else
            g_object_unref (p);
        }
      number = add_group (table, people, groups[g].title, number, &context->today);
    }
  return number;
}

/**
 * nst_doc_registry:
 * @participants: (element-type NstParticipant): the registry
 *
 * The registry list: a landscape table of everyone not archived, grouped
 * by category, with post or class, subjects, experience, category, role
 * and consents; the curator signs it.
 */
gboolean
nst_doc_registry (NstPdf               *pdf,
                  const NstDocContext  *context,
                  GListModel           *participants,
                  GError              **error)
{
  g_autoptr(GHashTable) values = nst_doc_school_values (context->school, &context->today);
  g_autofree char *date = nst_date_format_ru (&context->today);
  g_autofree char *title = NULL;
  g_autofree char *total = NULL;
  const char *curator = g_hash_table_lookup (values, "curator_signature");
  guint count;

  if (!nst_doc_require_values (values, nst_doc_list_facts, error))
    return FALSE;
  nst_pdf_set_title (pdf, "Реестр участников программ наставничества");
  nst_pdf_begin_document (pdf, NST_PDF_LANDSCAPE);
  title = g_markup_printf_escaped ("РЕЕСТР\nучастников программ наставничества (база наставников и "
                                   "наставляемых) %s\nпо состоянию на %s",
                                   (const char *) g_hash_table_lookup (values, "school_short_name"), date);
  nst_pdf_paragraph (pdf, &nst_pdf_style_title, title);
  nst_pdf_space (pdf, 10);
  count = draw_table (pdf, context, participants);
  total = g_strdup_printf ("Всего участников: %u.", count);
  nst_pdf_space (pdf, 8);
  nst_pdf_paragraph (pdf, &nst_pdf_style_form_plain, total);
  if (curator != NULL)
    {
      g_autofree char *post = g_markup_escape_text (g_hash_table_lookup (values, "curator_post"), -1);
      g_autofree char *name = g_markup_escape_text (curator, -1);

      nst_pdf_space (pdf, 24);
      nst_pdf_signature (pdf, 12, post, name);
    }
  return nst_pdf_check (pdf, error);
}
