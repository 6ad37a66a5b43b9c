/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures the batch of consent forms, as issue «Signed-ready PDF
 * documents» asks: 1,000 forms in one PDF in under 2 seconds, from the
 * participants to the file written. A mix like a school's: staff with
 * their processing and mentor consents, children under 14 (the parent's
 * form), students of 14 to 18 (two blocks). Prints figures; asserts
 * nothing, since shared machines are noisy.
 *
 *   bench-docs [FORMS] */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "docs/nst-docs.h"
#include "schedule/nst-date.h"

#define RUNS 3
#define TARGET_MS 2000.0

static const char *surnames[] = {
  "Иванова", "Смирнова", "Кузнецова", "Попова", "Васильева", "Петрова", "Соколова",
  "Михайлова", "Новикова", "Фёдорова", "Морозова", "Волкова", "Алексеева", "Лебедева",
};
static const char *names[] = {
  "Анна", "Мария", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Юлия",
};
static const char *patronymics[] = {
  "Александровна", "Сергеевна", "Дмитриевна", "Андреевна", "Алексеевна", "Ивановна", "Петровна",
};

static NstSchool *
make_school (void)
{
  NstSchool *school = nst_school_new ();

  nst_school_set_text (school, "full-name", "Муниципальное автономное общеобразовательное "
                       "учреждение «Средняя общеобразовательная школа № 7»");
  nst_school_set_text (school, "short-name", "МАОУ «СОШ № 7»");
  nst_school_set_text (school, "legal-address", "666684, Иркутская область, г. Новоозёрск, ул. Школьная, д. 7");
  nst_school_set_text (school, "city", "Новоозёрск");
  nst_school_set_text (school, "inn", "3817012344");
  nst_school_set_text (school, "ogrn", "1023801593419");
  nst_school_set_text (school, "website", "https://sosh7.novoozyorsk.example");
  return school;
}

/* Participants whose missing consents come to @forms forms. */
static GListStore *
make_participants (guint forms)
{
  GListStore *list = g_list_store_new (NST_TYPE_PARTICIPANT);

  for (guint i = 0, made = 0; made < forms; i++)
    {
      g_autoptr(NstParticipant) p = nst_participant_new ();
      g_autofree char *born = g_strdup_printf ("%u-%02u-%02u", 2008 + i % 12, 1 + i % 12, 1 + i % 28);
      gboolean staff = i % 5 == 0;
      NstConsentMissing missing = NST_CONSENT_MISSING_PROCESSING;

      nst_participant_set_id (p, i + 1);
      nst_participant_set_surname (p, surnames[i % G_N_ELEMENTS (surnames)]);
      nst_participant_set_name (p, names[i % G_N_ELEMENTS (names)]);
      nst_participant_set_patronymic (p, patronymics[i % G_N_ELEMENTS (patronymics)]);
      nst_participant_set_category (p, staff ? NST_CATEGORY_TEACHER : NST_CATEGORY_STUDENT);
      if (staff)
        {
          nst_participant_set_post (p, "учитель русского языка и литературы");
          nst_participant_set_is_mentor (p, TRUE);
          if (made + 2 <= forms)
            missing |= NST_CONSENT_MISSING_MENTOR;
        }
      else
        {
          nst_participant_set_class_name (p, "7Б");
          nst_participant_set_birth_date (p, born);
        }
      nst_participant_set_missing_consents (p, missing);
      made += (missing & NST_CONSENT_MISSING_MENTOR) ? 2 : 1;
      g_list_store_append (list, p);
    }
  return list;
}

int
main (int   argc,
      char *argv[])
{
  guint forms = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  g_autoptr(NstSchool) school = make_school ();
  g_autoptr(GListStore) participants = make_participants (forms);
  g_autofree char *dir = g_dir_make_tmp ("nastavnik-bench-docs-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "forms.pdf", NULL);
  NstDocContext context;
  double best = G_MAXDOUBLE;
  guint pages = 0, made = 0;
  goffset size = 0;

  setlocale (LC_ALL, "");
  nst_doc_context_init (&context, school, NULL);
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(NstPdf) pdf = nst_pdf_new (&error);
      double ms;

      if (pdf == NULL ||
          !nst_doc_missing_consents (pdf, &context, G_LIST_MODEL (participants), NST_DOC_BATCH_DEFAULT,
                                     NULL, NULL, NULL, &made, &error) ||
          !nst_pdf_save_to_file (pdf, path, &error))
        {
          g_printerr ("bench-docs: %s\n", error->message);
          return EXIT_FAILURE;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      best = MIN (best, ms);
      pages = nst_pdf_get_n_pages (pdf);
      g_print ("run %u: %u forms, %u pages in %.0f ms\n", run + 1, made, pages, ms);
    }
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

    size = info ? g_file_info_get_size (info) : 0;
  }
  g_print ("consent forms: %u forms (%u pages, %.1f MB) in one PDF: best %.0f ms (target under %.0f ms) — %s\n",
           made, pages, size / 1e6, best, TARGET_MS, best < TARGET_MS ? "ok" : "SLOW");
  g_unlink (path);
  g_rmdir (dir);
  return EXIT_SUCCESS;
}
