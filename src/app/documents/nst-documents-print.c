/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "documents/nst-documents-private.h"
#include "documents/nst-order-pairs-dialog.h"
#include "schedule/nst-date.h"
#include "store/nst-store-orders.h"
#include "store/nst-store-roadmap.h"
#include "store/nst-store-templates.h"

/* One document at a time, from what the tab gives: a document written to
 * a file is reported with a toast that opens it. */

typedef gboolean (*WriteFunc) (NstDocuments  *self,
                               NstPdf        *pdf,
                               NstDocContext *context,
                               gpointer       data,
                               GError       **error);

/* The school's context, the document, the file: what every simple
 * document does around its own @write. */
static gboolean
write_pdf (NstDocuments  *self,
           GFile         *file,
           WriteFunc      write,
           gpointer       data,
           GError       **error)
{
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstOrder) regulation = NULL;
  g_autoptr(NstPdf) pdf = NULL;
  NstDocContext context;

  return nst_documents_init_context (self, &context, &school, &regulation, error) &&
         (pdf = nst_pdf_new (error)) != NULL &&
         write (self, pdf, &context, data, error) &&
         nst_pdf_save_to_file (pdf, g_file_peek_path (file), error);
}

static void
report (NstDocuments *self,
        GFile        *file,
        gboolean      ok,
        GError       *error)
{
  if (ok)
    nst_documents_show_saved (self, file, NULL);
  else if (error != NULL)
    nst_documents_show_error (self, _("Could not save the document"), error);
}

/* ---- consents ------------------------------------------------------------------ */

typedef struct
{
  NstParticipant *participant;
  NstConsentKind kind;
} Consent;

static void
consent_free (Consent *consent)
{
  g_object_unref (consent->participant);
  g_free (consent);
}

static gboolean
write_consent (NstDocuments  *self,
               NstPdf        *pdf,
               NstDocContext *context,
               gpointer       data,
               GError       **error)
{
  Consent *consent = data;

  switch (consent->kind)
    {
    case NST_CONSENT_DISTRIBUTION:
      return nst_doc_consent_distribution (pdf, context, consent->participant, error);
    case NST_CONSENT_MENTOR:
      return nst_doc_consent_mentor_of (pdf, context, self->store, consent->participant, error);
    case NST_CONSENT_PROCESSING:
    default:
      return nst_doc_consent_processing (pdf, context, consent->participant, error);
    }
}

static void
save_consent (NstDocuments *self,
              GFile        *file,
              gpointer      data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = write_pdf (self, file, write_consent, data, &error);

  report (self, file, ok, error);
}

/**
 * nst_documents_print_consent:
 *
 * A consent form of @participant, filled in.
 */
static Consent *
consent_new (NstParticipant *participant,
             NstConsentKind  kind)
{
  Consent *consent = g_new0 (Consent, 1);

  *consent = (Consent) { g_object_ref (participant), kind };
  return consent;
}

static void
retry_consent (NstDocuments *self,
               gpointer      data)
{
  Consent *consent = data;

  nst_documents_print_consent (self, consent->participant, consent->kind);
}

void
nst_documents_print_consent (NstDocuments   *self,
                             NstParticipant *participant,
                             NstConsentKind  kind)
{
  g_autofree char *person = nst_participant_dup_full_name (participant);
  g_autofree char *file_name = NULL;
  const char *title;

  /* One request for after the school's details, one for the chooser. */
  if (!nst_documents_check_school (self, nst_doc_consent_facts, retry_consent, consent_new (participant, kind),
                                   (GDestroyNotify) consent_free))
    return;
  switch (kind)
    {
    case NST_CONSENT_DISTRIBUTION:
      file_name = g_strdup_printf (_("Consent to distribution — %s.pdf"), person);
      title = _("Consent to Distribution of Personal Data");
      break;
    case NST_CONSENT_MENTOR:
      file_name = g_strdup_printf (_("Mentor’s consent — %s.pdf"), person);
      title = _("Mentor’s Consent");
      break;
    case NST_CONSENT_PROCESSING:
    default:
      file_name = g_strdup_printf (_("Consent to processing — %s.pdf"), person);
      title = _("Consent to Processing of Personal Data");
      break;
    }
  nst_documents_choose_pdf (self, title, file_name, TRUE, save_consent, consent_new (participant, kind),
                            (GDestroyNotify) consent_free);
}

/* ---- the list of participants -------------------------------------------------- */

static gboolean
write_registry (NstDocuments  *self,
                NstPdf        *pdf,
                NstDocContext *context,
                gpointer       data,
                GError       **error)
{
  return nst_doc_registry (pdf, context, data, error);
}

static void
save_registry (NstDocuments *self,
               GFile        *file,
               gpointer      data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = write_pdf (self, file, write_registry, data, &error);

  report (self, file, ok, error);
}

static void
retry_registry (NstDocuments *self,
                gpointer      participants)
{
  nst_documents_print_registry (self, participants);
}

/**
 * nst_documents_print_registry:
 * @participants: the participants listed, as they are when the file is
 *   chosen
 */
void
nst_documents_print_registry (NstDocuments *self,
                              GListModel   *participants)
{
  if (!nst_documents_check_school (self, nst_doc_list_facts, retry_registry,
                                   g_object_ref (participants), g_object_unref))
    return;
  nst_documents_choose_pdf (self, _("List of Participants"), _("List of participants.pdf"), TRUE,
                            save_registry, g_object_ref (participants), g_object_unref);
}

/* ---- the programme ---------------------------------------------------------------- */

static gboolean
write_programme (NstDocuments  *self,
                 NstPdf        *pdf,
                 NstDocContext *context,
                 gpointer       data,
                 GError       **error)
{
  gint64 id = nst_programme_get_id (data);
  g_autoptr(NstOrder) approval = NULL;
  g_autoptr(NstDocPair) pair = NULL;
  g_autoptr(GError) local = NULL;

  if ((pair = nst_doc_load_programme (self->store, id, error)) == NULL)
    return FALSE;
  if ((approval = nst_store_get_programme_order (self->store, id, &local)) == NULL && local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return nst_doc_programme (pdf, context, pair, approval, error);
}

static void
save_programme (NstDocuments *self,
                GFile        *file,
                gpointer      data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = write_pdf (self, file, write_programme, data, &error);

  report (self, file, ok, error);
}

static void
retry_programme (NstDocuments *self,
                 gpointer      programme)
{
  nst_documents_print_programme (self, programme);
}

/**
 * nst_documents_print_programme:
 *
 * The personalized programme of a pair, with its approving order.
 */
void
nst_documents_print_programme (NstDocuments *self,
                               NstProgramme *programme)
{
  g_autofree char *name = g_strdup_printf (_("Programme — %s.pdf"), nst_programme_get_title (programme));

  if (!nst_documents_check_school (self, nst_doc_list_facts, retry_programme,
                                   g_object_ref (programme), g_object_unref))
    return;
  nst_documents_choose_pdf (self, _("Personalized Programme"), name, TRUE,
                            save_programme, g_object_ref (programme), g_object_unref);
}

/* ---- the roadmap -------------------------------------------------------------------- */

static gboolean
write_roadmap (NstDocuments  *self,
               NstPdf        *pdf,
               NstDocContext *context,
               gpointer       data,
               GError       **error)
{
  g_autoptr(NstRoadmap) roadmap = NULL;
  g_autoptr(GError) local = NULL;

  if ((roadmap = nst_store_load_current_roadmap (self->store, &context->today, &local)) == NULL)
    {
      if (local == NULL)
        g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("There is no roadmap yet: make one in the «Дорожная карта» tab"));
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return nst_doc_roadmap (pdf, context, roadmap, error);
}

static void
save_roadmap (NstDocuments *self,
              GFile        *file,
              gpointer      data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = write_pdf (self, file, write_roadmap, NULL, &error);

  report (self, file, ok, error);
}

static void
retry_roadmap (NstDocuments *self,
               gpointer      data)
{
  nst_documents_print_roadmap (self);
}

/**
 * nst_documents_print_roadmap:
 *
 * The current roadmap as a table.
 */
void
nst_documents_print_roadmap (NstDocuments *self)
{
  if (!nst_documents_check_school (self, nst_doc_list_facts, retry_roadmap,
                                   NULL, NULL))
    return;
  nst_documents_choose_pdf (self, _("Roadmap"), _("Roadmap.pdf"), TRUE, save_roadmap, NULL, NULL);
}

/* ---- the order on pairs ------------------------------------------------------ */

/* The pair given, or those the order lists by default: the year's drafts
 * and the pairs approved without an order; then those of @selected that
 * these leave out, so that what the user chose is listed. */
static GArray *
pairs_to_order (NstDocuments  *self,
                NstSchool     *school,
                NstGroup      *group,
                GArray        *selected,
                GError       **error)
{
  GArray *ids;

  if (group != NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, (gint64) { nst_group_get_id (group) });
      return ids;
    }
  if ((ids = nst_doc_find_pairs_to_approve (self->store, nst_school_get_school_year (school), error)) == NULL)
    return NULL;
  for (guint i = 0; selected != NULL && i < selected->len; i++)
    {
      gint64 id = g_array_index (selected, gint64, i);
      gboolean listed = FALSE;

      for (guint j = 0; j < ids->len && !listed; j++)
        listed = g_array_index (ids, gint64, j) == id;
      if (!listed)
        g_array_append_val (ids, id);
    }
  return ids;
}

static void
refuse_nothing_to_order (NstDocuments *self)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                                 _("There are no draft pairs or groups to appoint: add them in "
                                                   "this tab first"));

  nst_documents_show_refusal (self, _("Nothing to Order"), error);
}

/* The order's text for @ids, as issued or as a draft. */
static NstOrderContent *
pairs_order_content (NstDocuments  *self,
                     NstSchool     *school,
                     GPtrArray     *pairs,
                     gboolean       replace,
                     GError       **error)
{
  g_autoptr(NstOrder) regulation = NULL;
  g_autofree char *text = NULL;
  NstPairsOrderOptions options = { NULL, NULL };
  GDate date;

  nst_date_today (&date);
  if ((regulation = nst_store_find_last_order (self->store, NST_ORDER_KIND_INTRODUCTION, error)) == NULL &&
      *error != NULL)
    return NULL;
  options.regulation = regulation;
  options.replace = replace;
  if ((text = nst_store_get_order_template (self->store, NST_ORDER_KIND_PAIRS, error)) == NULL && *error != NULL)
    return NULL;
  return nst_doc_order_pairs (school, &date, pairs, &options, text, error);
}

/* Writes and registers the order; a refusal is shown at once and returns
 * NULL with no error. @replace: the pairs an order fixed are fixed anew. */
static NstOrder *
issue_pairs_order (NstDocuments  *self,
                   NstSchool     *school,
                   GArray        *ids,
                   gboolean       replace,
                   GFile         *file,
                   GError       **error)
{
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  GError *refusal = NULL;

  if ((pairs = nst_doc_load_pairs (self->store, (const gint64 *) (gpointer) ids->data, ids->len,
                                   nst_school_get_school_year (school), error)) == NULL)
    return NULL;
  if (!(replace ? nst_doc_check_pairs_replacing (self->store, pairs, &refusal)
                : nst_doc_check_pairs (self->store, pairs, &refusal)))
    {
      nst_documents_show_refusal (self, _("The Order Cannot Be Issued"), refusal);
      g_error_free (refusal);
      return NULL;
    }
  if ((content = pairs_order_content (self, school, pairs, replace, error)) == NULL)
    return NULL;
  return nst_doc_order_issue (self->store, school, content, FALSE, g_file_peek_path (file), NULL, error);
}

static gboolean
reprint_pairs_order (NstDocuments *self,
                     gint64        order_id,
                     GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;

  if (!nst_doc_order_reprint (self->store, order_id, g_file_peek_path (file), &order, &error))
    {
      nst_documents_show_error (self, _("Could not reprint the order"), error);
      return FALSE;
    }
  number = nst_order_dup_registration_number (order);
  date = nst_date_iso_to_ru (nst_order_get_signed_on (order));
  message = g_strdup_printf (_("The pair is fixed by order № %s of %s: reprinted from the journal"), number, date);
  nst_documents_show_saved (self, file, message);
  return TRUE;
}

/* Issues the order for @ids, written to @file, and says so. */
static gboolean
save_order_for_ids (NstDocuments *self,
                    NstSchool    *school,
                    GArray       *ids,
                    gboolean      replace,
                    GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;

  if ((order = issue_pairs_order (self, school, ids, replace, file, &error)) == NULL)
    {
      if (error != NULL)
        nst_documents_show_error (self, _("Could not issue the order"), error);
      return FALSE;
    }
  nst_documents_emit_order_issued (self, order);
  number = nst_order_dup_registration_number (order);
  message = g_strdup_printf (_("Order № %s saved"), number);
  nst_documents_show_saved (self, file, message);
  return TRUE;
}

/**
 * nst_documents_save_pairs_order:
 * @group: (nullable): the pair or group to appoint, or %NULL for those the
 *   order lists by default
 *
 * Issues the order on appointing mentors: registered in the journal,
 * written to @file. A refusal is shown in a dialog that says what is
 * missing.
 *
 * Returns: whether the order was issued
 */
gboolean
nst_documents_save_pairs_order (NstDocuments *self,
                                NstGroup     *group,
                                GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(GArray) ids = NULL;

  /* A pair fixed by an order has that order: reprinted, never issued twice. */
  if (group != NULL && nst_group_get_order_id (group) != 0)
    return reprint_pairs_order (self, nst_group_get_order_id (group), file);
  if ((school = nst_store_load_school (self->store, &error)) == NULL ||
      (ids = pairs_to_order (self, school, group, NULL, &error)) == NULL)
    goto failed;
  if (ids->len == 0)
    {
      refuse_nothing_to_order (self);
      return FALSE;
    }
  return save_order_for_ids (self, school, ids, FALSE, file);

failed:
  nst_documents_show_error (self, _("Could not issue the order"), error);
  return FALSE;
}

static void
save_pairs_order (NstDocuments *self,
                  GFile        *file,
                  gpointer      data)
{
  nst_documents_save_pairs_order (self, data, file);
}

static void
save_ready_pairs_order (NstDocuments *self,
                        GFile        *file,
                        gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = nst_store_load_school (self->store, &error);

  if (school == NULL)
    nst_documents_show_error (self, _("Could not issue the order"), error);
  else
    save_order_for_ids (self, school, data, FALSE, file);
}

/* The order as it would be, «ПРОЕКТ» on every page, without a number: the
 * journal and the pairs are left as they are, so that unready pairs may
 * be in it too. */
static void
save_draft_pairs_order (NstDocuments *self,
                        GFile        *file,
                        gpointer      data)
{
  GArray *ids = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(NstOrderContent) content = NULL;
  g_autoptr(NstOrder) order = NULL;

  if ((school = nst_store_load_school (self->store, &error)) == NULL ||
      (pairs = nst_doc_load_pairs (self->store, (const gint64 *) (gpointer) ids->data, ids->len,
                                   nst_school_get_school_year (school), &error)) == NULL ||
      (content = pairs_order_content (self, school, pairs, FALSE, &error)) == NULL ||
      (order = nst_doc_order_issue (self->store, school, content, TRUE, g_file_peek_path (file), NULL,
                                    &error)) == NULL)
    {
      nst_documents_show_error (self, _("Could not print the draft"), error);
      return;
    }
  nst_documents_show_saved (self, file, _("Draft order saved: it is not in the journal"));
}

static void
order_chosen_cb (NstOrderPairsDialog *dialog,
                 gboolean             draft,
                 NstDocuments        *self)
{
  if (draft)
    nst_documents_choose_pdf (self, _("Draft Order on Appointing Mentors"), _("Draft order on appointing mentors.pdf"),
                              FALSE, save_draft_pairs_order, nst_order_pairs_dialog_dup_draft (dialog),
                              (GDestroyNotify) g_array_unref);
  else
    nst_documents_choose_pdf (self, _("Order on Appointing Mentors"), _("Order on appointing mentors.pdf"), FALSE,
                              save_ready_pairs_order, nst_order_pairs_dialog_dup_ticked (dialog),
                              (GDestroyNotify) g_array_unref);
}

typedef struct
{
  NstGroup *group;
  GArray *selected;
} PairsOrderRequest;

static PairsOrderRequest *
retry_pairs_order_new (NstGroup *group,
                       GArray   *selected)
{
  PairsOrderRequest *request = g_new0 (PairsOrderRequest, 1);

  request->group = group ? g_object_ref (group) : NULL;
  request->selected = selected ? g_array_ref (selected) : NULL;
  return request;
}

static void
retry_pairs_order_free (PairsOrderRequest *request)
{
  g_clear_object (&request->group);
  g_clear_pointer (&request->selected, g_array_unref);
  g_free (request);
}

static void
retry_pairs_order (NstDocuments *self,
                   gpointer      data)
{
  PairsOrderRequest *request = data;

  nst_documents_print_pairs_order (self, request->group, request->selected);
}

/**
 * nst_documents_print_pairs_order:
 * @group: (nullable): as for nst_documents_save_pairs_order()
 * @selected: (nullable) (element-type gint64): with no @group, the pairs
 *   the user had selected: listed, and the only ones ticked
 *
 * A pair fixed by an order has it reprinted from the journal. Otherwise
 * the order preparation dialog comes first: the pairs it would fix, the
 * ready ones ticked, what the others lack and how to put it right; then
 * the file for the order, or for its draft.
 *
 * Returns: (transfer none) (nullable): the dialog, when one is shown
 */
GtkWindow *
nst_documents_print_pairs_order (NstDocuments *self,
                                 NstGroup     *group,
                                 GArray       *selected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(GArray) ids = NULL;
  NstOrderPairsDialog *dialog;

  if (group != NULL && nst_group_get_order_id (group) != 0)
    {
      nst_documents_choose_pdf (self, _("Order on Appointing Mentors"), _("Order on appointing mentors.pdf"), FALSE,
                                save_pairs_order, g_object_ref (group), g_object_unref);
      return NULL;
    }
  if ((school = nst_store_load_school (self->store, &error)) == NULL ||
      (ids = pairs_to_order (self, school, group, selected, &error)) == NULL)
    {
      nst_documents_show_error (self, _("Could not issue the order"), error);
      return NULL;
    }
  if (ids->len == 0)
    {
      refuse_nothing_to_order (self);
      return NULL;
    }
  if (!nst_documents_check_school (self, nst_doc_order_facts, retry_pairs_order,
                                   retry_pairs_order_new (group, selected), (GDestroyNotify) retry_pairs_order_free))
    return NULL;
  if ((dialog = nst_order_pairs_dialog_new (self->parent, self->store, nst_school_get_school_year (school),
                                            ids, group == NULL ? selected : NULL, &error)) == NULL)
    {
      nst_documents_show_error (self, _("Could not read the pairs"), error);
      return NULL;
    }
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (order_chosen_cb), self, 0);
  g_signal_connect_object (dialog, "consents-recorded", G_CALLBACK (nst_documents_emit_consents_recorded),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* ---- a new order for a changed composition -------------------------------------- */

static void
save_replacing_order (NstDocuments *self,
                      GFile        *file,
                      gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = nst_store_load_school (self->store, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (school == NULL)
    {
      nst_documents_show_error (self, _("Could not issue the order"), error);
      return;
    }
  g_array_append_val (ids, (gint64) { nst_group_get_id (data) });
  save_order_for_ids (self, school, ids, TRUE, file);
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     NstDocuments     *self)
{
  NstGroup *group = g_object_get_data (G_OBJECT (dialog), "nst-group");

  if (g_strcmp0 (response, "replace") == 0)
    nst_documents_choose_pdf (self, _("Order on Appointing Mentors"), _("Order on appointing mentors.pdf"), FALSE,
                              save_replacing_order, g_object_ref (group), g_object_unref);
}

/**
 * nst_documents_print_pairs_order_replacing:
 * @group: a pair or group an order fixed, whose composition changed
 *
 * A new order for @group, asked for on purpose: it says so first, and
 * that the earlier order loses force in this pair's part but stays in
 * the journal; then the file, and the order fixes the pair as it is now.
 *
 * Returns: (transfer none): the question asked
 */
GtkWindow *
nst_documents_print_pairs_order_replacing (NstDocuments *self,
                                           NstGroup     *group)
{
  g_autofree char *date = nst_date_iso_to_ru (nst_group_get_order_date (group));
  g_autofree char *body =
    g_strdup_printf (_("The pair is fixed by order № %s of %s. A new order fixes it as it is now and cancels "
                       "that order in this pair’s part; the earlier order stays in the journal."),
                     nst_group_get_order_number (group), date);
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("New Order for the Pair?"), body));

  g_object_set_data_full (G_OBJECT (dialog), "nst-group", g_object_ref (group), g_object_unref);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_New Order…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "replace");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
