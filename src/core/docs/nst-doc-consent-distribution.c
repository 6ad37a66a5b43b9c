/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include "docs/nst-doc-private.h"

/* The data the school would publish in its «Наставничество» section, by
 * category of participant; the subject chooses item by item. */
static const char *const staff_items[] = {
  "Фамилия, имя, отчество",
  "Должность",
  "Преподаваемые предметы",
  "Педагогический стаж, стаж наставнической деятельности, квалификационная категория",
  "Роль в программе наставничества (наставник, наставляемый), состав наставнической пары (группы)",
  "Ход и результаты участия в программе наставничества, достижения",
  "Фотографическое изображение (фото- и видеоматериалы мероприятий)",
  NULL,
};
static const char *const partner_items[] = {
  "Фамилия, имя, отчество",
  "Место работы и должность",
  "Роль в программе наставничества (наставник), состав наставнической пары (группы)",
  "Ход и результаты участия в программе наставничества, достижения",
  "Фотографическое изображение (фото- и видеоматериалы мероприятий)",
  NULL,
};
static const char *const student_items[] = {
  "Фамилия, имя",
  "Отчество",
  "Класс",
  "Роль в программе наставничества (наставник, наставляемый), состав наставнической пары (группы)",
  "Ход и результаты участия в программе наставничества, достижения",
  "Фотографическое изображение (фото- и видеоматериалы мероприятий)",
  NULL,
};

static const char *const *
items_for (NstParticipant *p)
{
  switch (nst_participant_get_category (p))
    {
    case NST_CATEGORY_STUDENT: return student_items;
    case NST_CATEGORY_PARTNER: return partner_items;
    case NST_CATEGORY_TEACHER:
    case NST_CATEGORY_HEAD:
    case NST_N_CATEGORIES:
    default: return staff_items;
    }
}

/* Who the subject is and how to reach them (Roskomnadzor order № 18). */
static void
draw_subject (NstPdf            *pdf,
              NstConsentSubject *subject,
              NstConsentForm     form)
{
  g_autofree char *contact = NULL;
  const char *minor = nst_ru_gendered (subject->gender, "несовершеннолетнего", "несовершеннолетней",
                                       "несовершеннолетнего(ей)");

  if (form == NST_CONSENT_FORM_CHILD)
    {
      nst_doc_form_name (pdf, NULL, "(фамилия, имя, отчество родителя (законного представителя))");
      nst_doc_form_line (pdf, "являясь законным представителем %s <u>%s</u> (далее — субъект "
                         "персональных данных),", minor, subject->genitive);
      nst_pdf_blank (pdf, NST_DOC_FORM_SIZE, "контактная информация:",
                     "(номер телефона, адрес электронной почты или почтовый адрес)");
      return;
    }
  nst_doc_form_name (pdf, subject->full_name, "(фамилия, имя, отчество)");
  contact = nst_doc_contact_text (subject->participant);
  if (contact != NULL)
    nst_doc_form_line (pdf, "контактная информация: <u>%s</u>,", contact);
  else
    nst_pdf_blank (pdf, NST_DOC_FORM_SIZE, "контактная информация:",
                   "(номер телефона, адрес электронной почты или почтовый адрес)");
}

static void
draw_choices (NstPdf            *pdf,
              NstConsentSubject *subject)
{
  static const NstPdfColumn columns[] = {
    { 0.5, NST_PDF_ALIGN_CENTER, FALSE },
    { 4.2, NST_PDF_ALIGN_LEFT, FALSE },
    { 1.2, NST_PDF_ALIGN_CENTER, TRUE },
    { 2.4, NST_PDF_ALIGN_LEFT, FALSE },
    { 1.2, NST_PDF_ALIGN_CENTER, TRUE },
  };
  static const char *const header[] = {
    "№", "Персональные данные", "Разрешаю", "Разрешаю с условиями (указать условия и запреты)", "Запрещаю",
  };
  const char *const *items = items_for (subject->participant);
  g_autoptr(NstPdfTable) table = NULL;

  nst_doc_form_paragraph (pdf, "Категории и перечень персональных данных, на распространение которых даётся "
                          "согласие (в каждой строке отметьте знаком «V» одну графу; в графе условий "
                          "укажите условия и запреты):");
  nst_pdf_space (pdf, 4);
  table = nst_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 11);
  nst_pdf_table_set_header (table, header);
  nst_pdf_table_add_group (table, "Общие персональные данные");
  for (guint i = 0; items[i]; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *row[] = { number, items[i], "", "", "" };

      nst_pdf_table_add_row (table, row);
    }
  g_clear_pointer (&table, nst_pdf_table_free);
  nst_pdf_space (pdf, 4);
  nst_doc_form_paragraph (pdf, "Специальные категории персональных данных и биометрические персональные "
                          "данные для распространения не запрашиваются.");
}

typedef struct
{
  NstConsentSubject *subject;
  NstConsentForm     form;
} DistributionForm;

static void
draw_distribution (NstPdf   *pdf,
                   gpointer  user_data)
{
  DistributionForm *data = user_data;
  NstConsentSubject *subject = data->subject;
  NstConsentForm form = data->form;

  nst_pdf_begin_form (pdf);
  nst_doc_form_title (pdf, "СОГЛАСИЕ", "на обработку персональных данных, разрешённых субъектом "
                      "персональных данных для распространения");
  draw_subject (pdf, subject, form);
  nst_doc_form_consent_given (pdf, subject,
                              "руководствуясь статьёй 10.1 Федерального закона от 27.07.2006 № 152-ФЗ "
                              "«О персональных данных»,",
                              form == NST_CONSENT_FORM_CHILD
                                ? "на распространение персональных данных субъекта персональных данных "
                                  "в целях информационного освещения реализации программ наставничества: "
                                  "размещения в разделе «Наставничество» официального сайта сведений о "
                                  "наставниках и наставляемых, ходе и результатах программ наставничества "
                                  "и лучших практиках."
                                : "на распространение моих персональных данных в целях информационного "
                                  "освещения реализации программ наставничества: размещения в разделе "
                                  "«Наставничество» официального сайта сведений о наставниках и "
                                  "наставляемых, ходе и результатах программ наставничества и лучших "
                                  "практиках.");
  /* The school's details hold only the site's address: the section is
   * named after it, so that the consent does not cover the whole site. */
  nst_doc_form_paragraph (pdf, "Сведения об информационных ресурсах оператора, посредством которых будут "
                          "осуществляться предоставление доступа неограниченному кругу лиц и иные действия "
                          "с персональными данными: <u>%s</u>, раздел «Наставничество».",
                          nst_consent_value (subject, "school_website"));
  draw_choices (pdf, subject);
  nst_doc_form_paragraph (pdf, "Условия, при которых полученные персональные данные могут передаваться "
                          "оператором только по его внутренней сети, обеспечивающей доступ к информации "
                          "лишь для строго определённых сотрудников, либо с использованием "
                          "информационно-телекоммуникационных сетей, либо без передачи полученных "
                          "персональных данных:");
  nst_pdf_blank (pdf, NST_DOC_FORM_SIZE, NULL, "(не устанавливаются либо указать условия)");
  nst_doc_form_closing (pdf, NULL, "Согласие действует со дня его подписания до дня его отзыва. Распространение "
                        "персональных данных прекращается в любое время по требованию субъекта "
                        "персональных данных, направленному оператору в письменной форме; действие "
                        "согласия прекращается с момента поступления оператору такого требования "
                        "(части 12–14 статьи 10.1 Федерального закона «О персональных данных»).",
                        form == NST_CONSENT_FORM_CHILD ? NULL : subject->signature);
  if (form == NST_CONSENT_FORM_MINOR)
    nst_doc_form_parent_approval (pdf, subject, TRUE);
}

/**
 * nst_doc_consent_distribution:
 *
 * The consent to distribution of personal data (152-ФЗ art. 10.1,
 * Roskomnadzor order № 18 of 24.02.2021), a document of its own: the
 * subject and a contact, the operator with its ИНН and ОГРН, the website
 * and its section «Наставничество» where the data appear, the purpose, a choice per item (allowed, with
 * conditions, forbidden), conditions on transfer, the term. A parent signs
 * for a child under 14; from 14 to 18 the parent's block follows.
 */
gboolean
nst_doc_consent_distribution (NstPdf               *pdf,
                              const NstDocContext  *context,
                              NstParticipant       *participant,
                              GError              **error)
{
  static const char *const needs[] = { "school_inn", "school_ogrn", "school_website", NULL };
  NstConsentForm form = nst_consent_form_for (participant, &context->today);
  g_auto(NstConsentSubject) subject = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *operator = NULL;
  g_autofree char *numbers = NULL;

  if (!nst_consent_subject_init (&subject, context, participant, needs, error))
    return FALSE;
  title = g_strdup_printf ("Согласие на распространение персональных данных: %s", subject.full_name);
  nst_pdf_set_title (pdf, title);
  numbers = g_markup_printf_escaped ("ИНН <u>%s</u>, ОГРН <u>%s</u>",
                                     nst_consent_value (&subject, "school_inn"),
                                     nst_consent_value (&subject, "school_ogrn"));
  operator = g_strdup_printf ("%s, %s", subject.operator, numbers);
  g_free (subject.operator);
  subject.operator = g_steal_pointer (&operator);
  nst_doc_form_fit (pdf, draw_distribution, &(DistributionForm) { &subject, form });
  return nst_pdf_check (pdf, error);
}
