/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <stdarg.h>

#include "schedule/nst-date.h"
#include "docs/nst-doc-private.h"

/* The pieces of the consent forms (152-ФЗ art. 9 part 4): who the subject
 * is, the representative and their authority, the operator, the purpose,
 * the data, the actions and methods, the term and its withdrawal. The
 * forms print what the registry knows and leave ruled blanks for what it
 * must not keep: identity documents and addresses. */

/* A form's sentence runs on from a blank: justified, without an indent. */
static const NstPdfStyle style_run_on = { NST_DOC_FORM_SIZE, NST_PDF_ALIGN_JUSTIFY, FALSE, 0, 0, 0, 0, FALSE };

void
nst_doc_context_init (NstDocContext *context,
                      NstSchool     *school,
                      NstOrder      *regulation)
{
  context->school = school;
  context->regulation = regulation;
  nst_date_today (&context->today);
}

/* «г. Новоозёрск», unless the school wrote the kind of place itself. */
char *
nst_doc_place (const char *city)
{
  static const char *const kinds[] = {
    "г.", "с.", "п.", "пос.", "пгт", "рп", "д.", "ст-ца", "ст.", "х.", "аул", "город", "село", "посёлок",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (city, kinds[i]))
      return g_strdup (city);
  return g_strdup_printf ("г. %s", city);
}

/* ---- the subject ------------------------------------------------------------ */

/**
 * nst_consent_subject_init:
 * @needs: the school's facts the form prints, beyond its name and address
 *
 * Returns: %FALSE with %NST_PDF_ERROR_SCHOOL_DETAILS when the school's details
 *   lack what the form needs
 */
gboolean
nst_consent_subject_init (NstConsentSubject   *subject,
                          const NstDocContext *context,
                          NstParticipant      *participant,
                          const char *const   *needs,
                          GError             **error)
{
  subject->context = context;
  subject->participant = g_object_ref (participant);
  subject->values = nst_doc_school_values (context->school, &context->today);
  if (!nst_doc_require_values (subject->values, nst_doc_consent_facts, error) ||
      (needs != NULL && !nst_doc_require_values (subject->values, needs, error)))
    return FALSE;
  subject->gender = nst_ru_guess_gender (nst_participant_get_name (participant),
                                         nst_participant_get_patronymic (participant));
  subject->full_name = nst_participant_dup_full_name (participant);
  subject->genitive = nst_ru_decline_person (nst_participant_get_surname (participant),
                                             nst_participant_get_name (participant),
                                             nst_participant_get_patronymic (participant),
                                             NST_RU_GENITIVE);
  subject->signature = nst_ru_initials_first (subject->full_name);
  subject->operator = g_markup_printf_escaped ("<u>%s (%s)</u>, адрес: <u>%s</u>",
                                               nst_consent_value (subject, "school_full_name"),
                                               nst_consent_value (subject, "school_short_name"),
                                               nst_consent_value (subject, "school_address"));
  return TRUE;
}

void
nst_consent_subject_clear (NstConsentSubject *subject)
{
  g_clear_object (&subject->participant);
  g_clear_pointer (&subject->values, g_hash_table_unref);
  g_clear_pointer (&subject->full_name, g_free);
  g_clear_pointer (&subject->genitive, g_free);
  g_clear_pointer (&subject->signature, g_free);
  g_clear_pointer (&subject->operator, g_free);
}

const char *
nst_consent_value (NstConsentSubject *subject,
                   const char        *key)
{
  const char *value = g_hash_table_lookup (subject->values, key);

  return value ? value : "";
}

/**
 * nst_consent_form_for:
 *
 * A student under 14 is represented; of 14 to 18 signs with a parent's
 * block. A student whose date of birth is unknown gets the
 * representative's form: a parent may always consent for a minor.
 */
NstConsentForm
nst_consent_form_for (NstParticipant *participant,
                      const GDate    *today)
{
  int age = nst_participant_get_age (participant, today);

  if (nst_participant_get_category (participant) != NST_CATEGORY_STUDENT || age >= 18)
    return NST_CONSENT_FORM_ADULT;
  if (age >= NST_STUDENT_SELF_CONSENT_AGE)
    return NST_CONSENT_FORM_MINOR;
  return NST_CONSENT_FORM_CHILD;
}

/* ---- pieces of the forms -------------------------------------------------------- */

/**
 * nst_doc_form_own_consent:
 * @subtitle: what the consent is, under «СОГЛАСИЕ»
 * @caption: under the signer's name
 *
 * A consent to processing that the subject signs: who they are, their
 * identity document and address (blanks), the operator, the terms and
 * the signature with its transcript.
 */
typedef struct
{
  NstConsentSubject *subject;
  const char        *subtitle;
  const char        *caption;
  gboolean           parent_approval;
} OwnConsent;

static void
draw_own_consent (NstPdf   *pdf,
                  gpointer  user_data)
{
  OwnConsent *form = user_data;
  NstConsentSubject *subject = form->subject;
  g_autofree char *last_term = NULL;

  nst_pdf_begin_form (pdf);
  nst_doc_form_title (pdf, "СОГЛАСИЕ", form->subtitle);
  nst_doc_form_name (pdf, subject->full_name, form->caption);
  nst_doc_form_work (pdf, subject);
  nst_doc_form_identity (pdf);
  nst_doc_form_consent_given (pdf, subject,
                              "в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ "
                              "«О персональных данных» свободно, своей волей и в своём интересе",
                              "на обработку моих персональных данных на следующих условиях.");
  last_term = nst_doc_form_processing_terms (pdf, subject, FALSE);
  nst_doc_form_rights (pdf, subject->gender, subject->signature, last_term);
  if (form->parent_approval)
    nst_doc_form_parent_approval (pdf, subject, FALSE);
}

/**
 * nst_doc_form_own_consent:
 * @parent_approval: with the parent's block below, for a student of 14 to 18
 */
void
nst_doc_form_own_consent (NstPdf            *pdf,
                          NstConsentSubject *subject,
                          const char        *subtitle,
                          const char        *caption,
                          gboolean           parent_approval)
{
  g_autofree char *title = g_strdup_printf ("Согласие на обработку персональных данных: %s",
                                            subject->full_name);
  OwnConsent form = { subject, subtitle, caption, parent_approval };

  nst_pdf_set_title (pdf, title);
  nst_doc_form_fit (pdf, draw_own_consent, &form);
}

/**
 * nst_doc_form_fit:
 * @draw: draws the whole form, from nst_pdf_begin_form() on
 *
 * Draws a form on as few pages as it can: when it would spill onto a
 * page more, set tighter (the lines closer, less space between blocks,
 * the sizes as they are) if that saves the page.
 */
void
nst_doc_form_fit (NstPdf         *pdf,
                  NstPdfDrawFunc  draw,
                  gpointer        user_data)
{
  guint pages = nst_pdf_measure_pages (pdf, draw, user_data);
  gboolean compact = FALSE;

  if (pages > 1)
    {
      nst_pdf_set_compact (pdf, TRUE);
      compact = nst_pdf_measure_pages (pdf, draw, user_data) < pages;
    }
  nst_pdf_set_compact (pdf, compact);
  draw (pdf, user_data);
  nst_pdf_set_compact (pdf, FALSE);
}

void
nst_doc_form_title (NstPdf     *pdf,
                    const char *title,
                    const char *subtitle)
{
  NstPdfStyle style = nst_pdf_style_title;
  g_autofree char *markup = g_markup_printf_escaped ("%s\n%s", title, subtitle);

  style.size = 13;
  nst_pdf_paragraph (pdf, &style, markup);
  nst_pdf_space (pdf, 10);
}

static void
form_vparagraph (NstPdf            *pdf,
                 const NstPdfStyle *style,
                 const char        *format,
                 va_list            args)
{
  g_autofree char *markup = g_markup_vprintf_escaped (format, args);

  nst_pdf_paragraph (pdf, style, markup);
}

/* A justified paragraph of the form from markup made like printf. */
void
nst_doc_form_paragraph (NstPdf     *pdf,
                        const char *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  form_vparagraph (pdf, &nst_pdf_style_form, format, args);
  va_end (args);
}

/* The same for a sentence that runs on from a blank or a line above. */
void
nst_doc_form_line (NstPdf     *pdf,
                   const char *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  form_vparagraph (pdf, &style_run_on, format, args);
  va_end (args);
}

/* «Я, [name] ,» on a ruled line with its caption; blank when @name is %NULL. */
void
nst_doc_form_name (NstPdf     *pdf,
                   const char *name,
                   const char *caption)
{
  g_autofree char *value = name ? g_markup_escape_text (name, -1) : NULL;
  NstPdfBlank blanks[] = {
    { "Я,", 1, caption, value },
    { ",", 0, NULL, NULL },
  };

  nst_pdf_blanks (pdf, NST_DOC_FORM_SIZE, blanks, G_N_ELEMENTS (blanks));
}

/* The identity document and the address: never kept in the registry. */
void
nst_doc_form_identity (NstPdf *pdf)
{
  const NstPdfBlank document[] = {
    { "документ, удостоверяющий личность:", 2, "(вид документа)", NULL },
    { "серия", 1, NULL, NULL },
    { "№", 1.4, NULL, NULL },
  };
  const NstPdfBlank issued[] = {
    { "выдан", 3, "(кем выдан)", NULL },
    { "дата выдачи", 1.2, NULL, NULL },
  };

  nst_pdf_blanks (pdf, NST_DOC_FORM_SIZE, document, G_N_ELEMENTS (document));
  nst_pdf_blanks (pdf, NST_DOC_FORM_SIZE, issued, G_N_ELEMENTS (issued));
  nst_pdf_blank (pdf, NST_DOC_FORM_SIZE, "адрес регистрации:", NULL);
  nst_pdf_blank (pdf, NST_DOC_FORM_SIZE, NULL, "(индекс, населённый пункт, улица, дом, квартира)");
}

/* «дата рождения: 01.02.2011, обучающийся 9Б класса МАОУ «СОШ № 7»,» */
void
nst_doc_form_student_facts (NstPdf            *pdf,
                            NstConsentSubject *subject)
{
  NstParticipant *p = subject->participant;
  g_autofree char *born = nst_date_iso_to_ru (nst_participant_get_birth_date (p));
  const char *class_name = nst_participant_get_class_name (p);

  nst_doc_form_line (pdf, "дата рождения: <u>%s</u>, %s <u>%s</u> класса %s,",
                          *born ? born : "________________",
                          nst_ru_gendered (subject->gender, "обучающийся", "обучающаяся", "обучающийся(аяся)"),
                          *class_name ? class_name : "______",
                          nst_consent_value (subject, "school_short_name"));
}

/* The post and the place of work, as far as the registry knows them; a
 * student's birth date and class. */
void
nst_doc_form_work (NstPdf            *pdf,
                   NstConsentSubject *subject)
{
  NstParticipant *p = subject->participant;
  const char *post = nst_participant_get_post (p);

  switch (nst_participant_get_category (p))
    {
    case NST_CATEGORY_STUDENT:
      nst_doc_form_student_facts (pdf, subject);
      break;
    case NST_CATEGORY_PARTNER:
      if (*post)
        nst_doc_form_line (pdf, "место работы и должность: <u>%s</u>,", post);
      else
        nst_pdf_blank (pdf, NST_DOC_FORM_SIZE, "место работы и должность:", NULL);
      break;
    case NST_CATEGORY_TEACHER:
    case NST_CATEGORY_HEAD:
    case NST_N_CATEGORIES:
    default:
      if (*post)
        nst_doc_form_line (pdf, "должность: <u>%s</u>, место работы: <u>%s</u>,", post,
                           nst_consent_value (subject, "school_short_name"));
      else
        nst_pdf_blank (pdf, NST_DOC_FORM_SIZE, "должность:", NULL);
      break;
    }
}

/* The legal representative, the child and the document of authority. */
void
nst_doc_form_representative (NstPdf            *pdf,
                             NstConsentSubject *subject,
                             gboolean           with_child_facts)
{
  NstParticipant *p = subject->participant;
  g_autofree char *born = nst_date_iso_to_ru (nst_participant_get_birth_date (p));
  const char *class_name = nst_participant_get_class_name (p);
  const char *minor = nst_ru_gendered (subject->gender, "несовершеннолетнего", "несовершеннолетней",
                                       "несовершеннолетнего(ей)");

  nst_doc_form_name (pdf, NULL, "(фамилия, имя, отчество родителя (законного представителя))");
  nst_doc_form_identity (pdf);
  if (with_child_facts)
    nst_doc_form_line (pdf, "являясь законным представителем (родителем, усыновителем, опекуном, "
                            "попечителем) %s <u>%s</u>, дата рождения: <u>%s</u>, %s <u>%s</u> класса %s "
                            "(далее — ребёнок), на основании документа, подтверждающего полномочия:",
                            minor, subject->genitive, *born ? born : "________________",
                            nst_ru_gendered (subject->gender, "обучающегося", "обучающейся", "обучающегося(ейся)"),
                            *class_name ? class_name : "______",
                            nst_consent_value (subject, "school_short_name"));
  else
    nst_doc_form_line (pdf, "являясь законным представителем (родителем, усыновителем, опекуном, "
                            "попечителем) %s <u>%s</u> на основании документа, подтверждающего полномочия:",
                            minor, subject->genitive);
  nst_pdf_blank (pdf, NST_DOC_FORM_SIZE, NULL,
                 "(свидетельство о рождении или иной документ: наименование, серия, номер, дата выдачи)");
}

/* For a student of 14 to 18: the parent's consent under the student's,
 * to processing or, with @distribution, to distribution. */
void
nst_doc_form_parent_approval (NstPdf            *pdf,
                              NstConsentSubject *subject,
                              gboolean           distribution)
{
  NstPdfStyle style = nst_pdf_style_title;

  style.size = 12;
  nst_pdf_space (pdf, 8);
  nst_pdf_ensure_space (pdf, 200);
  nst_pdf_rule (pdf);
  nst_pdf_paragraph (pdf, &style, "Согласие родителя (законного представителя)");
  nst_pdf_space (pdf, 6);
  nst_doc_form_representative (pdf, subject, FALSE);
  nst_doc_form_line (pdf, "даю согласие на %s %s персональных данных на условиях, изложенных выше.",
                          distribution ? "распространение" : "обработку",
                          nst_ru_gendered (subject->gender, "его", "её", "его (её)"));
  nst_pdf_space (pdf, 10);
  nst_pdf_sign_here (pdf, NST_DOC_FORM_SIZE, NULL);
}

/* «…даю согласие оператору — школа, адрес: … (далее — оператор), на …» */
void
nst_doc_form_consent_given (NstPdf            *pdf,
                            NstConsentSubject *subject,
                            const char        *law,
                            const char        *what)
{
  g_autofree char *markup = g_strdup_printf ("%s даю согласие оператору — %s (далее — оператор), %s",
                                             law, subject->operator, what);

  nst_pdf_paragraph (pdf, &style_run_on, markup);
}

static const char *
data_list (NstParticipant *p)
{
  switch (nst_participant_get_category (p))
    {
    case NST_CATEGORY_STUDENT:
      return "фамилия, имя, отчество; дата рождения; класс; образовательные запросы, интересы и "
             "достижения; контактные данные (номер телефона, адрес электронной почты, иные средства "
             "связи); сведения об участии в программах наставничества, их ходе и результатах";
    case NST_CATEGORY_PARTNER:
      return "фамилия, имя, отчество; место работы и должность; компетенции и профиль наставника; "
             "контактные данные (номер телефона, адрес электронной почты, иные средства связи); "
             "сведения об участии в программах наставничества, их ходе и результатах";
    case NST_CATEGORY_TEACHER:
    case NST_CATEGORY_HEAD:
    case NST_N_CATEGORIES:
    default:
      return "фамилия, имя, отчество; должность; преподаваемые предметы; сведения о педагогическом "
             "стаже и стаже наставнической деятельности; квалификационная категория; сведения о "
             "статусе молодого специалиста; профессиональные затруднения и запросы, компетенции и "
             "профиль наставника; контактные данные (номер телефона, адрес электронной почты, иные "
             "средства связи); сведения об участии в программах наставничества, их ходе и результатах";
    }
}

/* Items 4–8 of art. 9 part 4: purpose, data, actions and methods, who
 * else processes, term and withdrawal. The last item, the term, is
 * returned to be drawn with the closing and the signature: a signature
 * never stands alone on a page.
 *
 * Returns: (transfer full): the markup of the last item */
char *
nst_doc_form_processing_terms (NstPdf            *pdf,
                               NstConsentSubject *subject,
                               gboolean           about_child)
{
  const char *school = nst_consent_value (subject, "school_short_name");

  nst_doc_form_paragraph (pdf, "1. Цель обработки: организация и сопровождение наставничества в %s в рамках "
                          "целевой модели наставничества — формирование базы наставников и наставляемых, "
                          "закрепление наставнических пар (групп), разработка и реализация "
                          "персонализированных программ наставничества, мониторинг и оценка их "
                          "результатов, подготовка приказов, отчётов и статистических сведений.", school);
  nst_doc_form_paragraph (pdf, "2. Перечень персональных данных: %s.", data_list (subject->participant));
  nst_doc_form_paragraph (pdf, "3. Перечень действий с персональными данными: сбор, запись, систематизация, "
                          "накопление, хранение, уточнение (обновление, изменение), извлечение, "
                          "использование, передача (предоставление, доступ) в случаях, установленных "
                          "законодательством Российской Федерации, обезличивание, блокирование, удаление, "
                          "уничтожение. Распространение персональных данных настоящим согласием не "
                          "разрешается: на него даётся отдельное согласие.");
  nst_doc_form_paragraph (pdf, "4. Способ обработки: смешанная обработка — с использованием средств "
                          "автоматизации и без их использования.");
  /* Said plainly: the school entrusts the processing to no one else
   * (part 3 of article 6 of 152-ФЗ). */
  nst_doc_form_paragraph (pdf, "5. Обработка персональных данных другому лицу не поручается.");
  return g_markup_printf_escaped ("6. Срок действия и отзыв согласия: согласие действует со дня его подписания "
                                  "до окончания %s в программах наставничества %s, а после него — до "
                                  "истечения сроков хранения документов, установленных законодательством об "
                                  "архивном деле. Согласие может быть отозвано в любое время письменным "
                                  "заявлением, поданным оператору. В случае отзыва согласия оператор прекращает "
                                  "обработку персональных данных и уничтожает их в срок, не превышающий тридцати "
                                  "дней с даты поступления отзыва, если иное не предусмотрено федеральным законом.",
                                  about_child ? "участия ребёнка" : "моего участия", school);
}

typedef struct
{
  const char *previous;
  const char *markup;
  const char *signature;
} Closing;

static void
draw_closing (NstPdf   *pdf,
              gpointer  user_data)
{
  Closing *closing = user_data;

  if (closing->previous != NULL)
    nst_pdf_paragraph (pdf, &nst_pdf_style_form, closing->previous);
  nst_pdf_paragraph (pdf, &nst_pdf_style_form, closing->markup);
  nst_pdf_space (pdf, 14);
  nst_pdf_sign_here (pdf, NST_DOC_FORM_SIZE, closing->signature);
}

/**
 * nst_doc_form_closing:
 * @previous: (nullable): the paragraph above, markup, kept with it
 *
 * A closing sentence and the signature under it, on one page with the
 * paragraph before them: a page never holds only the signature.
 */
void
nst_doc_form_closing (NstPdf     *pdf,
                      const char *previous,
                      const char *markup,
                      const char *signature)
{
  Closing closing = { previous, markup, signature };

  nst_pdf_keep_together (pdf, draw_closing, &closing);
}

/* «ознакомлен(а) с правами субъекта персональных данных», and the
 * signature of @signature (blank when %NULL). */
void
nst_doc_form_rights (NstPdf      *pdf,
                     NstRuGender  signer,
                     const char  *signature,
                     const char  *previous)
{
  g_autofree char *markup =
    g_markup_printf_escaped ("Подтверждаю, что %s с правами субъекта персональных данных, "
                             "предусмотренными главой 3 Федерального закона от 27.07.2006 № 152-ФЗ "
                             "«О персональных данных».",
                             nst_ru_gendered (signer, "ознакомлен", "ознакомлена", "ознакомлен(а)"));

  nst_doc_form_closing (pdf, previous, markup, signature);
}

/**
 * nst_doc_contact_text:
 *
 * Returns: (transfer full) (nullable): «тел. …, e-mail …», or %NULL when
 *   the registry has no contact
 */
char *
nst_doc_contact_text (NstParticipant *participant)
{
  const char *phone = nst_participant_get_phone (participant);
  const char *email = nst_participant_get_email (participant);
  GString *text = g_string_new (NULL);

  if (*phone)
    g_string_append_printf (text, "тел. %s", phone);
  if (*email)
    g_string_append_printf (text, "%se-mail: %s", text->len ? ", " : "", email);
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}
