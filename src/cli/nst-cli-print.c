/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "docs/nst-docs.h"
#include "nst-cli.h"
#include "schedule/nst-date.h"
#include "store/nst-store-groups.h"
#include "store/nst-store-orders.h"
#include "store/nst-store-roadmap.h"
#include "store/nst-store-templates.h"

/* print KIND [options] -o FILE.pdf: the signed-ready documents. Orders go
 * into the journal with the next number unless --draft, and make the
 * changes they order (the order on pairs approves them); a failure or a
 * refusal leaves no file behind. */

typedef struct
{
  char *output;
  gboolean missing;
  gboolean no_duplex_padding;
  gint64 participant;
  char *consent_kind;
  char *date;
  gboolean draft;
  char *start;
  char *period;
  gboolean no_curator;
  char *pairs;
  char *programmes;
  char **rewards;
  char *deadline;
  gboolean ready_only;
  gboolean replace;
  gint64 id;            /* programme ID */
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
  g_free (options->pairs);
  g_free (options->programmes);
  g_strfreev (options->rewards);
  g_free (options->deadline);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PrintOptions, print_options_clear)

/* ---- helpers ---------------------------------------------------------------- */

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
  if (!options->missing && options->no_duplex_padding)
    return nst_cli_usage_error (_("--no-duplex-padding goes with --missing"));
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
               gboolean        duplex_padding,
               guint          *n_forms,
               GError        **error)
{
  g_autoptr(GListStore) participants = nst_store_list_participants (cli->store, error);
  NstDocBatchFlags flags = duplex_padding ? NST_DOC_BATCH_DUPLEX_PADDING : NST_DOC_BATCH_NONE;

  return participants != NULL &&
         nst_doc_missing_consents (pdf, context, G_LIST_MODEL (participants), flags, NULL, NULL, NULL,
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
      return nst_doc_consent_mentor_of (pdf, context, cli->store, participant, error);
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

  if ((status = check_consent_options (options, &kind)) != EXIT_SUCCESS)
    return status;
  if (!init_context (cli, &context, &school, &regulation, &error) ||
      (pdf = nst_pdf_new (&error)) == NULL)
    return nst_cli_fail (error);
  if (options->missing ? !print_missing (cli, pdf, &context, !options->no_duplex_padding, &n_forms, &error)
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
  g_autofree char *text = NULL;
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
  if ((school = load_school (cli, &error)) == NULL ||
      ((text = nst_store_get_order_template (cli->store, kind, &error)) == NULL && error != NULL))
    return nst_cli_fail (error);
  if (g_str_equal (kind, NST_ORDER_KIND_CURATOR))
    {
      g_autoptr(NstOrder) previous = NULL;

      content = nst_doc_order_curator (school, &date, text, &error);
      /* A new curator's appointment ends the earlier one. */
      if (content != NULL &&
          (previous = nst_store_find_last_order (cli->store, NST_ORDER_KIND_CURATOR, &error)) == NULL &&
          error != NULL)
        return nst_cli_fail (error);
      if (previous != NULL)
        nst_order_content_supersede (content, previous);
    }
  else
    {
      /* The roadmap the order approves goes with it, and its years are
       * the order's. */
      g_autoptr(NstRoadmap) roadmap = nst_store_load_current_roadmap (cli->store, &date, &error);

      if (roadmap == NULL && error != NULL)
        return nst_cli_fail (error);
      introduction.roadmap = roadmap;
      content = nst_doc_order_introduction (school, &date, &introduction, text, &error);
    }
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

/* ---- pairs and programmes ------------------------------------------------------ */

/* «3,7, 12» → 3, 7, 12, each once. */
static GArray *
parse_ids (const char  *option,
           const char  *text,
           GError     **error)
{
  g_auto(GStrv) words = g_strsplit_set (text, ", ", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; words[i]; i++)
    {
      guint64 id;
      gboolean seen = FALSE;

      if (*words[i] == '\0')
        continue;
      if (!g_ascii_string_to_unsigned (words[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s: “%s” is not a number from the list"), option, words[i]);
          return NULL;
        }
      for (guint j = 0; j < ids->len; j++)
        seen |= g_array_index (ids, gint64, j) == (gint64) id;
      if (!seen)
        g_array_append_val (ids, (gint64) { (gint64) id });
    }
  if (ids->len == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: give the numbers, separated by commas"), option);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static NstOrder *
find_regulation (NstCliContext  *cli,
                 GError        **error)
{
  return nst_store_find_last_order (cli->store, NST_ORDER_KIND_INTRODUCTION, error);
}

/* A draft is printed whatever stands in the way; say what would. */
static void
warn_if_refused (NstCliContext *cli,
                 GPtrArray     *pairs,
                 gboolean       programmes)
{
  g_autoptr(GError) error = NULL;

  if (programmes ? nst_doc_check_programmes (cli->store, pairs, &error)
                 : nst_doc_check_pairs (cli->store, pairs, &error))
    return;
  g_printerr ("%s\n", _("The draft is printed; the order itself would be refused:"));
  g_printerr ("%s\n", error->message);
}

/* The pairs given, or those the order on pairs lists by default. */
static GPtrArray *
load_pairs (NstCliContext  *cli,
            NstSchool      *school,
            GArray         *given,
            GError        **error)
{
  guint school_year = nst_school_get_school_year (school);
  g_autoptr(GArray) ids = given ? g_array_ref (given) : nst_doc_find_pairs_to_approve (cli->store, school_year, error);

  if (ids == NULL)
    return NULL;
  return nst_doc_load_pairs (cli->store, (const gint64 *) (gpointer) ids->data, ids->len, school_year, error);
}

/* Pairs that one order fixed already: that order is reprinted from the
 * journal, never issued again. -1 when they are not such pairs. */
static int
reprint_if_ordered (NstCliContext *cli,
                    PrintOptions  *options,
                    GPtrArray     *pairs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  gint64 id = nst_group_get_order_id (((NstDocPair *) g_ptr_array_index (pairs, 0))->group);

  for (guint i = 1; i < pairs->len && id != 0; i++)
    if (nst_group_get_order_id (((NstDocPair *) g_ptr_array_index (pairs, i))->group) != id)
      id = 0;
  if (id == 0)
    return -1;
  if (!nst_doc_order_reprint (cli->store, id, options->output, &order, &error))
    return nst_cli_fail (error);
  number = nst_order_dup_registration_number (order);
  date = nst_date_iso_to_ru (nst_order_get_signed_on (order));
  g_print (_("Order № %s of %s fixed these pairs already: reprinted from the journal\n"), number, date);
  g_print ("%s\n", _("For a new order on them (a changed composition) add --replace: it cancels that order "
                     "in their part."));
  return EXIT_SUCCESS;
}

static gboolean
any_ordered (GPtrArray *pairs)
{
  for (guint i = 0; i < pairs->len; i++)
    if (nst_group_get_order_id (((NstDocPair *) g_ptr_array_index (pairs, i))->group) != 0)
      return TRUE;
  return FALSE;
}

/* --ready-only: the pairs an order can fix now; the others are named on
 * stderr with what each lacks. Takes @pairs. */
static GPtrArray *
keep_ready_pairs (NstCliContext  *cli,
                  GPtrArray      *pairs,
                  GError        **error)
{
  g_autoptr(GPtrArray) all = pairs;
  g_autoptr(GPtrArray) ready = NULL;
  g_autofree char *left_out = NULL;
  GPtrArray *kept;

  if ((ready = nst_doc_ready_pairs (cli->store, all, &left_out, error)) == NULL)
    return NULL;
  if (ready->len == 0)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
                   _("None of the pairs is ready for the order:\n%s"), left_out ? left_out : "");
      return NULL;
    }
  if (left_out != NULL)
    g_printerr ("%s\n%s\n", _("Left out of the order, not ready yet:"), left_out);
  /* The ready ones, owned now: the rest go with @all. */
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) nst_doc_pair_free);
  for (guint i = 0; i < ready->len; i++)
    {
      guint position;

      g_ptr_array_find (all, g_ptr_array_index (ready, i), &position);
      g_ptr_array_add (kept, g_ptr_array_steal_index (all, position));
    }
  return kept;
}

static int
print_order_pairs (NstCliContext *cli,
                   PrintOptions  *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  NstPairsOrderOptions pairs_options = { NULL, NULL };
  g_autofree char *text = NULL;
  GDate date, deadline;
  int status;

  if ((status = check_order_options (options, &date)) != EXIT_SUCCESS)
    return status;
  if (options->deadline != NULL)
    {
      if (!nst_date_parse_any (options->deadline, &deadline))
        return nst_cli_usage_error (_("Not a date: “%s”; write it as DD.MM.YYYY"), options->deadline);
      pairs_options.deadline = &deadline;
    }
  if (options->pairs != NULL && (ids = parse_ids ("--pairs", options->pairs, &error)) == NULL)
    return nst_cli_usage_error ("%s", error->message);
  if ((school = load_school (cli, &error)) == NULL ||
      (pairs = load_pairs (cli, school, ids, &error)) == NULL)
    return nst_cli_fail (error);
  if (!options->draft && !options->replace && (status = reprint_if_ordered (cli, options, pairs)) >= 0)
    return status;
  if (options->ready_only && (pairs = keep_ready_pairs (cli, g_steal_pointer (&pairs), &error)) == NULL)
    return nst_cli_fail (error);
  if ((regulation = find_regulation (cli, &error)) == NULL && error != NULL)
    return nst_cli_fail (error);
  pairs_options.regulation = regulation;
  pairs_options.replace = options->replace;
  if (((text = nst_store_get_order_template (cli->store, NST_ORDER_KIND_PAIRS, &error)) == NULL && error != NULL) ||
      (content = nst_doc_order_pairs (school, &date, pairs, &pairs_options, text, &error)) == NULL)
    return nst_cli_fail (error);
  if (options->draft)
    warn_if_refused (cli, pairs, FALSE);
  else if (!(options->replace ? nst_doc_check_pairs_replacing (cli->store, pairs, &error)
                              : nst_doc_check_pairs (cli->store, pairs, &error)))
    {
      /* Refused before a number is taken: say the ways out. */
      nst_cli_fail (error);
      g_printerr ("%s\n", _("With --ready-only the order fixes the pairs that are ready and lists the others."));
      if (!options->replace && any_ordered (pairs))
        g_printerr ("%s\n", _("With --replace a new order fixes the pairs an order fixed already, and cancels "
                              "that order in their part."));
      return EXIT_FAILURE;
    }
  if ((status = issue (cli, options, school, content)) == EXIT_SUCCESS && !options->draft)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pair or group fixed by the order",
                                      "%u pairs and groups fixed by the order", pairs->len), pairs->len);

      g_print ("%s\n", message);
    }
  return status;
}

static GPtrArray *
load_programmes (NstCliContext  *cli,
                 NstSchool      *school,
                 GArray         *given,
                 GError        **error)
{
  g_autoptr(GArray) ids = given ? g_array_ref (given)
                                : nst_doc_find_programmes_to_approve (cli->store, nst_school_get_school_year (school),
                                                                      error);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) nst_doc_pair_free);

  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      NstDocPair *pair = nst_doc_load_programme (cli->store, g_array_index (ids, gint64, i), error);

      if (pair == NULL)
        return NULL;
      g_ptr_array_add (pairs, pair);
    }
  return g_steal_pointer (&pairs);
}

static int
print_order_programmes (NstCliContext *cli,
                        PrintOptions  *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autofree char *text = NULL;
  GDate date;
  int status;

  if ((status = check_order_options (options, &date)) != EXIT_SUCCESS)
    return status;
  if (options->programmes != NULL && (ids = parse_ids ("--programmes", options->programmes, &error)) == NULL)
    return nst_cli_usage_error ("%s", error->message);
  if ((school = load_school (cli, &error)) == NULL ||
      (pairs = load_programmes (cli, school, ids, &error)) == NULL)
    return nst_cli_fail (error);
  if ((regulation = find_regulation (cli, &error)) == NULL && error != NULL)
    return nst_cli_fail (error);
  if (((text = nst_store_get_order_template (cli->store, NST_ORDER_KIND_PROGRAMMES, &error)) == NULL && error != NULL) ||
      (content = nst_doc_order_programmes (school, &date, pairs, regulation, text, &error)) == NULL)
    return nst_cli_fail (error);
  if (options->draft)
    warn_if_refused (cli, pairs, TRUE);
  return issue (cli, options, school, content);
}

static int
print_order_completion (NstCliContext *cli,
                        PrintOptions  *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autofree char *text = NULL;
  GDate date;
  int status;

  if ((status = check_order_options (options, &date)) != EXIT_SUCCESS)
    return status;
  if (options->pairs == NULL)
    return nst_cli_usage_error (_("Say whose programmes are done: --pairs ID,…"));
  if ((ids = parse_ids ("--pairs", options->pairs, &error)) == NULL)
    return nst_cli_usage_error ("%s", error->message);
  if ((school = load_school (cli, &error)) == NULL ||
      (pairs = nst_doc_load_pairs (cli->store, (const gint64 *) (gpointer) ids->data, ids->len,
                                   nst_school_get_school_year (school), &error)) == NULL)
    return nst_cli_fail (error);
  /* Programmes that ended on 29.05 are recorded as done then, not on the
   * day the order happens to be printed. */
  if (options->date == NULL)
    {
      GDate today;

      nst_date_today (&today);
      nst_doc_completion_default_date (pairs, &today, &date);
    }
  if ((regulation = find_regulation (cli, &error)) == NULL && error != NULL)
    return nst_cli_fail (error);
  if ((text = nst_store_get_order_template (cli->store, NST_ORDER_KIND_COMPLETION, &error)) == NULL && error != NULL)
    return nst_cli_fail (error);
  content = nst_doc_order_completion (school, &date, pairs, regulation, (const char *const *) options->rewards,
                                      text, &error);
  if (content == NULL)
    return nst_cli_fail (error);
  return issue (cli, options, school, content);
}

static int
print_programme (NstCliContext *cli,
                 PrintOptions  *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(NstOrder) approval = NULL;
  g_autoptr(NstDocPair) pair = NULL;
  g_autoptr(NstPdf) pdf = NULL;
  NstDocContext context;

  if (!init_context (cli, &context, &school, &regulation, &error) ||
      (pair = nst_doc_load_programme (cli->store, options->id, &error)) == NULL)
    return nst_cli_fail (error);
  if ((approval = nst_store_get_programme_order (cli->store, options->id, &error)) == NULL && error != NULL)
    return nst_cli_fail (error);
  if ((pdf = nst_pdf_new (&error)) == NULL ||
      !nst_doc_programme (pdf, &context, pair, approval, &error))
    return nst_cli_fail (error);
  return save_pdf (pdf, options->output);
}

static int
print_roadmap (NstCliContext *cli,
               PrintOptions  *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(NstRoadmap) roadmap = NULL;
  g_autoptr(NstPdf) pdf = NULL;
  NstDocContext context;

  if (!init_context (cli, &context, &school, &regulation, &error))
    return nst_cli_fail (error);
  if ((roadmap = nst_store_load_current_roadmap (cli->store, &context.today, &error)) == NULL)
    {
      if (error != NULL)
        return nst_cli_fail (error);
      nst_cli_print_error (_("The database has no roadmap yet: make one in the «Дорожная карта» tab"));
      return EXIT_FAILURE;
    }
  if ((pdf = nst_pdf_new (&error)) == NULL ||
      !nst_doc_roadmap (pdf, &context, roadmap, &error))
    return nst_cli_fail (error);
  return save_pdf (pdf, options->output);
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

  if (!init_context (cli, &context, &school, &regulation, &error) ||
      (participants = nst_store_list_participants (cli->store, &error)) == NULL ||
      (pdf = nst_pdf_new (&error)) == NULL ||
      !nst_doc_registry (pdf, &context, G_LIST_MODEL (participants), &error))
    return nst_cli_fail (error);
  return save_pdf (pdf, options->output);
}

/* ---- the command ------------------------------------------------------------------ */

/* The options a kind of document takes; any other is a mistake. */
typedef enum
{
  OPT_MISSING     = 1 << 0,
  OPT_PARTICIPANT = 1 << 1,
  OPT_KIND        = 1 << 2,
  OPT_DATE        = 1 << 3,
  OPT_DRAFT       = 1 << 4,
  OPT_START       = 1 << 5,
  OPT_PERIOD      = 1 << 6,
  OPT_NO_CURATOR  = 1 << 7,
  OPT_PAIRS       = 1 << 8,
  OPT_PROGRAMMES  = 1 << 9,
  OPT_REWARD      = 1 << 10,
  OPT_DEADLINE    = 1 << 11,
  OPT_READY_ONLY  = 1 << 12,
  OPT_NO_DUPLEX_PADDING = 1 << 13,
  OPT_REPLACE     = 1 << 14,
} PrintOption;

#define OPT_ORDER (OPT_DATE | OPT_DRAFT)

typedef struct
{
  const char *name;
  const char *alias;
  PrintFunc run;
  PrintOption options;
  gboolean takes_id;
} PrintKind;

/* One line a kind of document. */
static const PrintKind kinds[] = {
  { "consents", NULL, print_consents,
    OPT_MISSING | OPT_PARTICIPANT | OPT_KIND | OPT_NO_DUPLEX_PADDING, FALSE },
  { "order-completion", NULL, print_order_completion, OPT_ORDER | OPT_PAIRS | OPT_REWARD, FALSE },
  { "order-curator", NULL, print_order_curator, OPT_ORDER, FALSE },
  { "order-introduction", NULL, print_order_introduction, OPT_ORDER | OPT_START | OPT_PERIOD | OPT_NO_CURATOR, FALSE },
  { "order-pairs", NULL, print_order_pairs,
    OPT_ORDER | OPT_PAIRS | OPT_DEADLINE | OPT_READY_ONLY | OPT_REPLACE, FALSE },
  { "order-programmes", NULL, print_order_programmes, OPT_ORDER | OPT_PROGRAMMES, FALSE },
  { "programme", "program", print_programme, 0, TRUE },
  { "registry", NULL, print_registry, 0, FALSE },
  { "roadmap", NULL, print_roadmap, 0, FALSE },
};

static const PrintKind *
find_kind (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (name, kinds[i].name) || g_strcmp0 (name, kinds[i].alias) == 0)
      return &kinds[i];
  return NULL;
}

static char *
kind_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_string_append_printf (names, "%s%s%s", i ? ", " : "", kinds[i].name, kinds[i].takes_id ? " ID" : "");
  return g_string_free (names, FALSE);
}

static int
check_options (const PrintKind *kind,
               PrintOptions    *options)
{
  const struct
  {
    PrintOption option;
    gboolean given;
    const char *name;
  } given[] = {
    { OPT_MISSING, options->missing, "--missing" },
    { OPT_PARTICIPANT, options->participant != 0, "--participant" },
    { OPT_KIND, options->consent_kind != NULL, "--kind" },
    { OPT_DATE, options->date != NULL, "--date" },
    { OPT_DRAFT, options->draft, "--draft" },
    { OPT_START, options->start != NULL, "--start" },
    { OPT_PERIOD, options->period != NULL, "--period" },
    { OPT_NO_CURATOR, options->no_curator, "--no-curator" },
    { OPT_PAIRS, options->pairs != NULL, "--pairs" },
    { OPT_PROGRAMMES, options->programmes != NULL, "--programmes" },
    { OPT_REWARD, options->rewards != NULL, "--reward" },
    { OPT_DEADLINE, options->deadline != NULL, "--deadline" },
    { OPT_READY_ONLY, options->ready_only, "--ready-only" },
    { OPT_NO_DUPLEX_PADDING, options->no_duplex_padding, "--no-duplex-padding" },
    { OPT_REPLACE, options->replace, "--replace" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    if (given[i].given && !(kind->options & given[i].option))
      return nst_cli_usage_error (_("%s does not go with “%s”"), given[i].name, kind->name);
  return EXIT_SUCCESS;
}

/* The programme's number after «programme», and nothing after the kind of
 * any other document. */
static int
take_arguments (const PrintKind  *kind,
                int               argc,
                char            **argv,
                PrintOptions     *options)
{
  guint64 id;

  if (!kind->takes_id)
    return argc > 2 ? nst_cli_usage_error (_("Unexpected argument “%s”"), argv[2]) : EXIT_SUCCESS;
  if (argc < 3)
    return nst_cli_usage_error (_("Say which programme to print: %s ID (see “list programmes”)"), kind->name);
  if (argc > 3)
    return nst_cli_usage_error (_("Unexpected argument “%s”"), argv[3]);
  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    return nst_cli_usage_error (_("“%s” is not a programme’s number"), argv[2]);
  options->id = (gint64) id;
  return EXIT_SUCCESS;
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
    { "no-duplex-padding", 0, 0, G_OPTION_ARG_NONE, &options.no_duplex_padding,
      N_("consents --missing: no blank page after a form of an odd count of pages (printing on one side)"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &options.date,
      N_("orders: the order’s date (today when not given; order-completion: the day the latest of its programmes ended, when that is past)"), N_("DD.MM.YYYY") },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &options.draft,
      N_("orders: print without a number and leave the journal alone"), NULL },
    { "start", 0, 0, G_OPTION_ARG_STRING, &options.start,
      N_("order-introduction: the day the model starts (the order’s date when not given)"), N_("DD.MM.YYYY") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &options.period,
      N_("order-introduction: the roadmap’s period, as the order words it, when the database has no roadmap "
         "(else the roadmap’s own)"), N_("TEXT") },
    { "no-curator", 0, 0, G_OPTION_ARG_NONE, &options.no_curator,
      N_("order-introduction: the curator is appointed by a separate order"), NULL },
    { "pairs", 0, 0, G_OPTION_ARG_STRING, &options.pairs,
      N_("order-pairs, order-completion: the pairs and groups, by number (order-pairs: the year’s drafts "
         "and the pairs approved without an order when not given)"), N_("ID,…") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &options.deadline,
      N_("order-pairs: the day the programmes not yet written are due (a month after the order when not given)"),
      N_("DD.MM.YYYY") },
    { "ready-only", 0, 0, G_OPTION_ARG_NONE, &options.ready_only,
      N_("order-pairs: fix only the pairs that are ready, and list the others with what each lacks"), NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &options.replace,
      N_("order-pairs: a new order for pairs an order fixed already (a changed composition); it cancels "
         "that order in their part, which stays in the journal"), NULL },
    { "programmes", 0, 0, G_OPTION_ARG_STRING, &options.programmes,
      N_("order-programmes: the programmes, by number (the year’s programmes no order has approved when not given)"),
      N_("ID,…") },
    { "reward", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.rewards,
      N_("order-completion: the kind of reward, once for all the mentors or once for each (благодарность "
         "when not given)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *names = kind_names ();
  const PrintKind *kind;
  int status;

  if (!nst_cli_parse_options (&argc, &argv, entries,
                              _("KIND -o FILE.pdf — consents, order-pairs, order-programmes, order-completion, "
                                "order-curator, order-introduction, programme ID, registry, roadmap"),
                              &error))
    return nst_cli_usage_error ("%s", error->message);
  if (argc < 2)
    return nst_cli_usage_error (_("Say what to print: %s"), names);
  if ((kind = find_kind (argv[1])) == NULL)
    return nst_cli_usage_error (_("Cannot print “%s”: choose one of %s"), argv[1], names);
  if ((status = take_arguments (kind, argc, argv, &options)) != EXIT_SUCCESS ||
      (status = check_options (kind, &options)) != EXIT_SUCCESS)
    return status;
  if (options.output == NULL)
    return nst_cli_usage_error (_("Say where to save the document: -o FILE.pdf"));
  return kind->run (context, &options);
}
