/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "docs/nst-docs.h"
#include "nst-cli.h"
#include "nst-date.h"
#include "nst-store-orders.h"

/* print KIND [options] -o FILE.pdf: the signed-ready documents. Orders go
 * into the journal with the next number unless --draft; a failure leaves
 * no file behind. */

typedef struct
{
  char *output;
  gboolean missing;
  gint64 participant;
  char *consent_kind;
  char *date;
  gboolean draft;
  char *start;
  char *period;
  gboolean no_curator;
} PrintOptions;

typedef int (*PrintFunc) (NstCliContext *context,
                          PrintOptions  *options);

static void
print_options_clear (PrintOptions *options)
{
  g_free (options->output);
  g_free (options->consent_kind);
  g_free (options->date);
  g_free (options->start);
  g_free (options->period);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PrintOptions, print_options_clear)

/* ---- helpers ---------------------------------------------------------------- */

static int
check_no_order_options (PrintOptions *options)
{
  if (options->draft || options->date || options->start || options->period || options->no_curator)
    return nst_cli_usage_error (_("--date, --draft, --start, --period and --no-curator go with orders"));
  return EXIT_SUCCESS;
}

static NstSchool *
load_school (NstCliContext  *context,
             GError        **error)
{
  NstStore *store = nst_cli_open_store (context, error);

  return store ? nst_store_load_school (store, error) : NULL;
}

static int
save_pdf (NstPdf     *pdf,
          const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!nst_pdf_save_to_file (pdf, path, &error))
    return nst_cli_fail (error);
  return EXIT_SUCCESS;
}

/* ---- consents ------------------------------------------------------------------ */

static gboolean
parse_consent_kind (const char     *text,
                    NstConsentKind *kind)
{
  for (NstConsentKind k = 0; k < NST_N_CONSENT_KINDS; k++)
    if (g_strcmp0 (text, nst_consent_kind_to_code (k)) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

static int
check_consent_options (PrintOptions   *options,
                       NstConsentKind *kind)
{
  if (options->missing && options->participant != 0)
    return nst_cli_usage_error (_("Use either --missing or --participant, not both"));
  if (!options->missing && options->participant == 0)
    return nst_cli_usage_error (_("Say whose consents to print: --missing or --participant ID"));
  if (options->missing && options->consent_kind != NULL)
    return nst_cli_usage_error (_("--kind goes with --participant"));
  if (options->participant != 0 &&
      (options->consent_kind == NULL || !parse_consent_kind (options->consent_kind, kind)))
    return nst_cli_usage_error (_("Say which consent to print: --kind processing, distribution or mentor"));
  return EXIT_SUCCESS;
}

static gboolean
init_context (NstCliContext  *cli,
              NstDocContext  *context,
              NstSchool     **school,
              NstOrder      **regulation,
              GError        **error)
{
  g_autoptr(GError) local = NULL;

  if ((*school = load_school (cli, error)) == NULL)
    return FALSE;
  *regulation = nst_store_find_last_order (cli->store, NST_ORDER_KIND_INTRODUCTION, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  nst_doc_context_init (context, *school, *regulation);
  return TRUE;
}

static gboolean
print_missing (NstCliContext  *cli,
               NstPdf         *pdf,
               NstDocContext  *context,
               guint          *n_forms,
               GError        **error)
{
  g_autoptr(GListStore) participants = nst_store_list_participants (cli->store, error);

  return participants != NULL &&
         nst_doc_missing_consents (pdf, context, G_LIST_MODEL (participants), NULL, NULL, NULL,
                                   n_forms, error);
}

static gboolean
print_one (NstCliContext   *cli,
           NstPdf          *pdf,
           NstDocContext   *context,
           gint64           id,
           NstConsentKind   kind,
           GError         **error)
{
  g_autoptr(NstParticipant) participant = nst_store_get_participant (cli->store, id, error);

  if (participant == NULL)
    return FALSE;
  switch (kind)
    {
    case NST_CONSENT_DISTRIBUTION:
      return nst_doc_consent_distribution (pdf, context, participant, error);
    case NST_CONSENT_MENTOR:
      return nst_doc_consent_mentor (pdf, context, participant, NULL, error);
    case NST_CONSENT_PROCESSING:
    case NST_N_CONSENT_KINDS:
    default:
      return nst_doc_consent_processing (pdf, context, participant, error);
    }
}

static int
print_consents (NstCliContext *cli,
                PrintOptions  *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(NstPdf) pdf = NULL;
  NstConsentKind kind = NST_CONSENT_PROCESSING;
  NstDocContext context;
  guint n_forms = 1;
  int status;

  if ((status = check_no_order_options (options)) != EXIT_SUCCESS ||
      (status = check_consent_options (options, &kind)) != EXIT_SUCCESS)
    return status;
  if (!init_context (cli, &context, &school, &regulation, &error) ||
      (pdf = nst_pdf_new (&error)) == NULL)
    return nst_cli_fail (error);
  if (options->missing ? !print_missing (cli, pdf, &context, &n_forms, &error)
                       : !print_one (cli, pdf, &context, options->participant, kind, &error))
    return nst_cli_fail (error);
  if (n_forms == 0)
    {
      g_print ("%s\n", _("No consent is missing: nothing to print"));
      return EXIT_SUCCESS;
    }
  if ((status = save_pdf (pdf, options->output)) == EXIT_SUCCESS && options->missing)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u form printed",
                                                               "%u forms printed", n_forms), n_forms);
      g_print ("%s\n", message);
    }
  return status;
}

/* ---- orders -------------------------------------------------------------------- */

static int
check_order_options (PrintOptions *options,
                     GDate        *date)
{
  if (options->missing || options->participant != 0 || options->consent_kind != NULL)
    return nst_cli_usage_error (_("--missing, --participant and --kind go with “consents”"));
  if (options->date == NULL)
    nst_date_today (date);
  else if (!nst_date_parse_any (options->date, date))
    return nst_cli_usage_error (_("Not a date: “%s”; write it as DD.MM.YYYY"), options->date);
  return EXIT_SUCCESS;
}

static int
issue (NstCliContext   *cli,
       PrintOptions    *options,
       NstSchool       *school,
       NstOrderContent *content)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstOrder) order = nst_doc_order_issue (cli->store, school, content, options->draft,
                                                   options->output, NULL, &error);
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;

  if (order == NULL)
    return nst_cli_fail (error);
  if (options->draft)
    return EXIT_SUCCESS;
  number = nst_order_dup_registration_number (order);
  date = nst_date_iso_to_ru (nst_order_get_signed_on (order));
  message = g_strdup_printf (_("Order № %s of %s registered in the journal"), number, date);
  g_print ("%s\n", message);
  return EXIT_SUCCESS;
}

static int
print_order (NstCliContext *cli,
             PrintOptions  *options,
             const char    *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  NstIntroductionOptions introduction = { !options->no_curator, NULL, options->period };
  g_autofree char *start = NULL;
  GDate date, start_date;
  int status;

  if ((status = check_order_options (options, &date)) != EXIT_SUCCESS)
    return status;
  if (options->start != NULL)
    {
      if (!nst_date_parse_any (options->start, &start_date))
        return nst_cli_usage_error (_("Not a date: “%s”; write it as DD.MM.YYYY"), options->start);
      introduction.start_date = start = nst_date_format_ru (&start_date);
    }
  if ((school = load_school (cli, &error)) == NULL)
    return nst_cli_fail (error);
  if (g_str_equal (kind, NST_ORDER_KIND_CURATOR))
    content = nst_doc_order_curator (school, &date, NULL, &error);
  else
    content = nst_doc_order_introduction (school, &date, &introduction, NULL, &error);
  if (content == NULL)
    return nst_cli_fail (error);
  return issue (cli, options, school, content);
}

static int
print_order_curator (NstCliContext *cli,
                     PrintOptions  *options)
{
  return print_order (cli, options, NST_ORDER_KIND_CURATOR);
}

static int
print_order_introduction (NstCliContext *cli,
                          PrintOptions  *options)
{
  return print_order (cli, options, NST_ORDER_KIND_INTRODUCTION);
}

/* ---- the registry -------------------------------------------------------------- */

static int
print_registry (NstCliContext *cli,
                PrintOptions  *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(GListStore) participants = NULL;
  g_autoptr(NstPdf) pdf = NULL;
  NstDocContext context;
  int status;

  if ((status = check_no_order_options (options)) != EXIT_SUCCESS)
    return status;
  if (options->missing || options->participant != 0 || options->consent_kind != NULL)
    return nst_cli_usage_error (_("--missing, --participant and --kind go with “consents”"));
  if (!init_context (cli, &context, &school, &regulation, &error) ||
      (participants = nst_store_list_participants (cli->store, &error)) == NULL ||
      (pdf = nst_pdf_new (&error)) == NULL ||
      !nst_doc_registry (pdf, &context, G_LIST_MODEL (participants), &error))
    return nst_cli_fail (error);
  return save_pdf (pdf, options->output);
}

/* ---- the command ------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  PrintFunc run;
} PrintKind;

/* One line a kind of document. */
static const PrintKind kinds[] = {
  { "consents", print_consents },
  { "order-curator", print_order_curator },
  { "order-introduction", print_order_introduction },
  { "registry", print_registry },
};

static const PrintKind *
find_kind (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (name, kinds[i].name))
      return &kinds[i];
  return NULL;
}

static char *
kind_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", kinds[i].name);
  return g_string_free (names, FALSE);
}

int
nst_cli_print (NstCliContext  *context,
               int             argc,
               char          **argv)
{
  g_auto(PrintOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("The PDF file to write"), N_("FILE") },
    { "missing", 0, 0, G_OPTION_ARG_NONE, &options.missing,
      N_("consents: a form for every missing consent of every participant"), NULL },
    { "participant", 0, 0, G_OPTION_ARG_INT64, &options.participant,
      N_("consents: the participant’s number in the registry"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options.consent_kind,
      N_("consents: processing, distribution or mentor"), N_("KIND") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &options.date,
      N_("orders: the order’s date (today when not given)"), N_("DD.MM.YYYY") },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &options.draft,
      N_("orders: print without a number and leave the journal alone"), NULL },
    { "start", 0, 0, G_OPTION_ARG_STRING, &options.start,
      N_("order-introduction: the day the model starts (the order’s date when not given)"), N_("DD.MM.YYYY") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &options.period,
      N_("order-introduction: the roadmap’s period, as the order words it"), N_("TEXT") },
    { "no-curator", 0, 0, G_OPTION_ARG_NONE, &options.no_curator,
      N_("order-introduction: the curator is appointed by a separate order"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *names = kind_names ();
  const PrintKind *kind;

  if (!nst_cli_parse_options (&argc, &argv, entries,
                              _("KIND -o FILE.pdf — consents, order-curator, order-introduction, registry"),
                              &error))
    return nst_cli_usage_error ("%s", error->message);
  if (argc < 2)
    return nst_cli_usage_error (_("Say what to print: %s"), names);
  if ((kind = find_kind (argv[1])) == NULL)
    return nst_cli_usage_error (_("Cannot print “%s”: choose one of %s"), argv[1], names);
  if (argc > 2)
    return nst_cli_usage_error (_("Unexpected argument “%s”"), argv[2]);
  if (options.output == NULL)
    return nst_cli_usage_error (_("Say where to save the document: -o FILE.pdf"));
  return kind->run (context, &options);
}
