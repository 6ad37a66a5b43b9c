/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include "schedule/nst-date.h"
#include "docs/nst-doc-private.h"

static gboolean
is_staff (NstParticipant *p)
{
  NstCategory category = nst_participant_get_category (p);

  return category == NST_CATEGORY_TEACHER || category == NST_CATEGORY_HEAD;
}

static void
draw_mentees (NstPdf                     *pdf,
              const NstMentorAppointment *appointment)
{
  static const NstPdfColumn columns[] = {
    { 0.5, NST_PDF_ALIGN_CENTER, FALSE },
    { 4, NST_PDF_ALIGN_LEFT, FALSE },
    { 3, NST_PDF_ALIGN_LEFT, FALSE },
  };
  static const char *const header[] = { "№", "Фамилия, имя, отчество наставляемого", "Должность или класс" };
  g_autoptr(NstPdfTable) table = NULL;

  if (appointment == NULL || appointment->mentees == NULL || appointment->mentees->len == 0)
    {
      nst_pdf_blank (pdf, NST_DOC_FORM_SIZE, NULL, NULL);
      nst_pdf_blank (pdf, NST_DOC_FORM_SIZE, NULL,
                     "(фамилия, имя, отчество наставляемого (наставляемых), должность или класс)");
      return;
    }
  table = nst_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 12);
  nst_pdf_table_set_header (table, header);
  for (guint i = 0; i < appointment->mentees->len; i++)
    {
      NstParticipant *mentee = g_ptr_array_index (appointment->mentees, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = nst_participant_dup_full_name (mentee);
      g_autofree char *name_markup = g_markup_escape_text (name, -1);
      g_autofree char *post = g_markup_escape_text (nst_participant_get_post_or_class (mentee), -1);
      const char *row[] = { number, name_markup, post };

      nst_pdf_table_add_row (table, row);
    }
  g_clear_pointer (&table, nst_pdf_table_free);
  nst_pdf_space (pdf, 6);
}

static void
draw_terms (NstPdf                     *pdf,
            const NstMentorAppointment *appointment)
{
  const char *form = appointment ? appointment->form : NULL;
  g_autofree char *starts = nst_date_iso_to_ru (appointment ? appointment->starts_on : NULL);
  g_autofree char *ends = nst_date_iso_to_ru (appointment ? appointment->ends_on : NULL);

  if (form != NULL && *form)
    nst_doc_form_line (pdf, "форма наставничества: <u>%s</u>;", form);
  else
    nst_pdf_blank (pdf, NST_DOC_FORM_SIZE, "форма наставничества:",
                   "(например, «педагог – педагог», «учитель – ученик»)");
  if (*starts && *ends)
    nst_doc_form_line (pdf, "срок наставничества: с <u>%s</u> по <u>%s</u>.", starts, ends);
  else
    nst_doc_form_line (pdf, "срок наставничества: с «___» ____________ 20___ г. "
                       "по «___» ____________ 20___ г.");
}

typedef struct
{
  NstConsentSubject          *subject;
  const NstMentorAppointment *appointment;
  const char                 *closing;
} MentorForm;

static void
draw_mentor_form (NstPdf   *pdf,
                  gpointer  user_data)
{
  MentorForm *form = user_data;
  gboolean staff = is_staff (form->subject->participant);

  nst_pdf_begin_form (pdf);
  nst_doc_form_title (pdf, "СОГЛАСИЕ", staff ? "педагогического работника на осуществление наставничества"
                                             : "на осуществление наставничества");
  nst_doc_form_name (pdf, form->subject->full_name, "(фамилия, имя, отчество)");
  nst_doc_form_work (pdf, form->subject);
  nst_doc_form_line (pdf, "даю согласие на назначение меня наставником:");
  draw_mentees (pdf, form->appointment);
  draw_terms (pdf, form->appointment);
  if (staff)
    nst_doc_form_paragraph (pdf, "Мне разъяснено, что в соответствии со статьёй 351.8 Трудового кодекса "
                            "Российской Федерации наставничество осуществляется с моего письменного "
                            "согласия, а содержание, срок и форма наставничества, размер и порядок выплаты "
                            "за наставническую деятельность устанавливаются трудовым договором или "
                            "дополнительным соглашением к нему.");
  nst_doc_form_closing (pdf, NULL, form->closing, form->subject->signature);
}

/**
 * nst_doc_consent_mentor:
 * @appointment: (nullable): the mentees, form and term when they are
 *   known; blanks when not
 *
 * The written consent to being appointed mentor (Labour Code art. 351.8
 * for staff): who, what post, whom they will mentor, in what form and
 * for how long, acquaintance with the school's regulations, date and
 * signature with its transcript.
 */
gboolean
nst_doc_consent_mentor (NstPdf                      *pdf,
                        const NstDocContext         *context,
                        NstParticipant              *participant,
                        const NstMentorAppointment  *appointment,
                        GError                     **error)
{
  g_auto(NstConsentSubject) subject = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *regulation = NULL;
  g_autofree char *closing = NULL;
  MentorForm form = { &subject, appointment, NULL };

  if (!nst_consent_subject_init (&subject, context, participant, NULL, error))
    return FALSE;
  title = g_strdup_printf ("Согласие на осуществление наставничества: %s", subject.full_name);
  nst_pdf_set_title (pdf, title);
  regulation = context->regulation ? nst_order_dup_reference (context->regulation)
                                   : g_strdup ("от «___» ____________ 20___ г. № ________");
  /* The introduction order approved the school's programme, not a
   * regulation: it is cited by what it approves. */
  closing = g_markup_printf_escaped ("С программой наставничества %s, утверждённой приказом %s, %s.",
                                     nst_consent_value (&subject, "school_short_name"), regulation,
                                     nst_ru_gendered (subject.gender, "ознакомлен", "ознакомлена",
                                                      "ознакомлен(а)"));
  form.closing = closing;
  nst_doc_form_fit (pdf, draw_mentor_form, &form);
  return nst_pdf_check (pdf, error);
}
