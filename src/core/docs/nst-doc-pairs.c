/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "schedule/nst-date.h"
#include "docs/nst-doc-private.h"
#include "store/nst-store-groups.h"
#include "store/nst-store-orders.h"

/* What the documents about pairs and groups share: the pairs loaded with
 * their people and programme, the check that they can be approved, the
 * Russian words for their forms and periods, the appendix tables and the
 * acknowledgement sheet. The interface's labels are translated; the
 * documents speak Russian whatever the locale, so they have their own. */

/* ---- words -------------------------------------------------------------------- */

/* Soft hyphens where narrow table columns may break the long words. */
static const char *const form_texts[NST_N_GROUP_FORMS] = {
  "учитель – учитель",
  "педагог – педагог",
  "руководитель образова\u00adтельной органи\u00adзации – учитель",
  "ученик – ученик",
  "студент – ученик",
  "работодатель – ученик",
  "работодатель – студент",
};

static const char *const model_texts[NST_N_INTERACTION_MODELS] = {
  "",
  "опытный педагог – молодой специалист",
  "лидер педагогического сообщества – педагог, испытывающий затруднения в сфере коммуникации",
  "педагог-новатор – консервативный педагог",
  "опытный предметник – неопытный предметник",
};

static const char *const kind_texts[NST_N_GROUP_KINDS] = {
  "традиционное «один-на-один»",
  "в группе",
  "виртуальное (дистанционное)",
  "краткосрочное (целеполагающее)",
  "реверсивное",
  "ситуационное",
  "скоростное",
};

const char *
nst_doc_form_text (NstGroupForm form)
{
  return form < NST_N_GROUP_FORMS ? form_texts[form] : "";
}

const char *
nst_doc_model_text (NstInteractionModel model)
{
  return model < NST_N_INTERACTION_MODELS ? model_texts[model] : "";
}

const char *
nst_doc_kind_text (NstGroupKind kind)
{
  return kind < NST_N_GROUP_KINDS ? kind_texts[kind] : "";
}

/* «с 15.09.2025 по 29.05.2026», with blanks for an end not set. */
char *
nst_doc_period_text (const char *starts_on,
                     const char *ends_on)
{
  g_autofree char *from = nst_date_iso_to_ru (starts_on);
  g_autofree char *to = nst_date_iso_to_ru (ends_on);

  return g_strdup_printf ("с %s по %s", *from ? from : "__________", *to ? to : "__________");
}

/* A post, or «обучающийся 7Б класса» for a student. */
char *
nst_doc_post_text (NstParticipant *p)
{
  const char *class_name = nst_participant_get_class_name (p);
  NstRuGender gender;

  if (nst_participant_get_category (p) != NST_CATEGORY_STUDENT || *class_name == '\0')
    return g_strdup (nst_participant_get_post (p));
  gender = nst_ru_guess_gender (nst_participant_get_name (p), nst_participant_get_patronymic (p));
  return g_strdup_printf ("%s %s класса", nst_ru_gendered (gender, "обучающийся", "обучающаяся", "обучающийся"),
                          class_name);
}

/* A post, or «7Б класс» for a student: a table's cell under «Должность
 * или класс». */
char *
nst_doc_post_or_class_text (NstParticipant *p)
{
  const char *class_name = nst_participant_get_class_name (p);

  if (nst_participant_get_category (p) != NST_CATEGORY_STUDENT || *class_name == '\0')
    return g_strdup (nst_participant_get_post (p));
  return g_strdup_printf ("%s класс", class_name);
}

/* «1 год», «3 года», «12 лет»; %NULL when the start is not known. */
char *
nst_doc_years_text (const char  *since,
                    const GDate *today)
{
  int n = nst_date_years_since_iso (since, today);
  const char *word = "лет";

  if (n < 0)
    return NULL;
  if (n % 100 < 11 || n % 100 > 14)
    {
      if (n % 10 == 1)
        word = "год";
      else if (n % 10 >= 2 && n % 10 <= 4)
        word = "года";
    }
  return g_strdup_printf ("%d %s", n, word);
}

/* How a document cites the order that approved the school's regulations:
 * its date and number, or blanks to fill in by hand. */
char *
nst_doc_regulation_text (NstOrder *regulation)
{
  if (regulation == NULL)
    return g_strdup ("от «___» ____________ 20___ г. № ________");
  return nst_order_dup_reference (regulation);
}

/* The programme's title with its school year, which the usual title
 * («… на 2025/2026 учебный год») already names. */
char *
nst_doc_programme_title (NstProgramme *programme)
{
  const char *title = nst_programme_get_title (programme);
  g_autofree char *year = nst_school_year_label (nst_programme_get_school_year (programme));

  if (strstr (title, year) != NULL)
    return g_markup_escape_text (title, -1);
  return g_markup_printf_escaped ("%s на %s учебный год", title, year);
}

/* ---- loading ------------------------------------------------------------------- */

void
nst_doc_pair_free (NstDocPair *pair)
{
  if (pair == NULL)
    return;
  g_clear_object (&pair->group);
  g_clear_object (&pair->mentor);
  g_clear_pointer (&pair->mentees, g_ptr_array_unref);
  g_clear_object (&pair->programme);
  g_free (pair);
}

static NstDocPair *
load_pair (NstStore  *store,
           NstGroup  *group,
           GError   **error)
{
  g_autoptr(NstDocPair) pair = g_new0 (NstDocPair, 1);
  gint64 id = nst_group_get_id (group);

  pair->group = g_object_ref (group);
  pair->mentees = g_ptr_array_new_with_free_func (g_object_unref);
  if ((pair->mentor = nst_store_get_participant (store, nst_group_get_mentor_id (group), error)) == NULL)
    {
      g_prefix_error (error, _("Pair %lld: "), (long long) id);
      return NULL;
    }
  for (guint i = 0; i < nst_group_get_n_mentees (group); i++)
    {
      NstParticipant *mentee = nst_store_get_participant (store, nst_group_get_mentee_id (group, i), error);

      if (mentee == NULL)
        {
          g_prefix_error (error, _("Pair %lld: "), (long long) id);
          return NULL;
        }
      g_ptr_array_add (pair->mentees, mentee);
    }
  return g_steal_pointer (&pair);
}

/**
 * nst_doc_load_pairs:
 * @group_ids: the pairs and groups, in the order the documents list them
 * @school_year: whose programme each pair brings along (2025 for 2025/2026)
 *
 * Returns: (transfer full) (element-type NstDocPair) (nullable): the pairs
 *   with their people and programme, or %NULL when one is not there
 */
GPtrArray *
nst_doc_load_pairs (NstStore      *store,
                    const gint64  *group_ids,
                    guint          n_ids,
                    guint          school_year,
                    GError       **error)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) nst_doc_pair_free);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(NstGroup) group = nst_store_get_group (store, group_ids[i], error);
      g_autoptr(GError) local = NULL;
      NstDocPair *pair;

      if (group == NULL)
        {
          g_prefix_error (error, _("Pair %lld: "), (long long) group_ids[i]);
          return NULL;
        }
      if ((pair = load_pair (store, group, error)) == NULL)
        return NULL;
      g_ptr_array_add (pairs, pair);
      pair->programme = nst_store_find_group_programme (store, group_ids[i], school_year, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  return g_steal_pointer (&pairs);
}

/**
 * nst_doc_load_programme:
 *
 * Returns: (transfer full) (nullable): the programme with its plan, its
 *   pair and their people
 */
NstDocPair *
nst_doc_load_programme (NstStore  *store,
                        gint64     programme_id,
                        GError   **error)
{
  g_autoptr(NstProgramme) programme = nst_store_get_programme (store, programme_id, error);
  g_autoptr(NstGroup) group = NULL;
  NstDocPair *pair;

  if (programme == NULL)
    {
      g_prefix_error (error, _("Programme %lld: "), (long long) programme_id);
      return NULL;
    }
  if ((group = nst_store_get_group (store, nst_programme_get_group_id (programme), error)) == NULL ||
      (pair = load_pair (store, group, error)) == NULL)
    return NULL;
  pair->programme = g_steal_pointer (&programme);
  return pair;
}

/* Whether the pair's period meets the school year, or it has none yet. */
static gboolean
in_school_year (NstGroup *group,
                guint     school_year)
{
  GDate start, end;
  g_autofree char *first = g_strdup_printf ("%04u-09-01", school_year);
  g_autofree char *last = g_strdup_printf ("%04u-08-31", school_year + 1);
  const char *starts_on = nst_group_get_starts_on (group);
  const char *ends_on = nst_group_get_ends_on (group);

  if (nst_date_parse_iso (starts_on, &start) && g_strcmp0 (starts_on, last) > 0)
    return FALSE;
  if (nst_date_parse_iso (ends_on, &end) && g_strcmp0 (ends_on, first) < 0)
    return FALSE;
  return TRUE;
}

/**
 * nst_doc_find_pairs_to_approve:
 * @school_year: 2025 for 2025/2026
 *
 * What the order fixing pairs lists when not told which: the drafts, and
 * the pairs approved without an order, whose period meets the school year
 * (or has not been set). A pair an order already fixed is not fixed again.
 *
 * Returns: (transfer full) (nullable): their ids (gint64), oldest first
 */
GArray *
nst_doc_find_pairs_to_approve (NstStore  *store,
                               guint      school_year,
                               GError   **error)
{
  g_autoptr(GListStore) groups = nst_store_list_groups (store, NULL, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;

  if (groups == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (groups));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstGroup) group = g_list_model_get_item (G_LIST_MODEL (groups), i);
      NstGroupStatus status = nst_group_get_status (group);
      gint64 id = nst_group_get_id (group);

      if ((status == NST_GROUP_STATUS_DRAFT ||
           (status == NST_GROUP_STATUS_APPROVED && nst_group_get_order_id (group) == 0)) &&
          in_school_year (group, school_year))
        g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/**
 * nst_doc_find_programmes_to_approve:
 * @school_year: 2025 for 2025/2026
 *
 * What the order approving programmes lists when not told which: the
 * year's programmes that no order has approved, not ended, of pairs that
 * are approved or active.
 *
 * Returns: (transfer full) (nullable): their ids (gint64)
 */
GArray *
nst_doc_find_programmes_to_approve (NstStore  *store,
                                    guint      school_year,
                                    GError   **error)
{
  g_autoptr(GListStore) programmes = nst_store_list_programmes (store, NULL, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;

  if (programmes == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (programmes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstProgramme) programme = g_list_model_get_item (G_LIST_MODEL (programmes), i);
      g_autoptr(NstGroup) group = NULL;
      g_autoptr(NstOrder) order = NULL;
      g_autoptr(GError) local = NULL;
      gint64 id = nst_programme_get_id (programme);

      if (nst_programme_get_school_year (programme) != school_year ||
          nst_programme_get_status (programme) >= NST_PROGRAMME_STATUS_FINISHED)
        continue;
      if ((order = nst_store_get_programme_order (store, id, &local)) != NULL)
        continue;
      if (local != NULL ||
          (group = nst_store_get_group (store, nst_programme_get_group_id (programme), &local)) == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (nst_group_get_status (group) == NST_GROUP_STATUS_APPROVED ||
          nst_group_get_status (group) == NST_GROUP_STATUS_ACTIVE)
        g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* ---- what stands in the way ------------------------------------------------------ */

char *
nst_doc_pair_label (NstDocPair *pair)
{
  g_autofree char *title = nst_group_dup_title (pair->group);

  return g_strdup_printf ("№ %" G_GINT64_FORMAT " (%s)", nst_group_get_id (pair->group), title);
}

void
nst_doc_lack_free (NstDocLack *lack)
{
  if (lack == NULL)
    return;
  g_free (lack->message);
  g_free (lack);
}

static void
add_lack (GPtrArray      *lacks,
          char           *message,
          gint64          participant_id,
          NstConsentKind  consent)
{
  NstDocLack *lack = g_new0 (NstDocLack, 1);

  *lack = (NstDocLack) { message, participant_id, consent };
  g_ptr_array_add (lacks, lack);
}

/* A missing consent that a «received today» can put right: the person
 * signs it alone (a child under 14 needs the representative's name). */
static gboolean
consent_of (NstDocPair          *pair,
            NstGroupProblem     *problem,
            NstConsentKind      *kind)
{
  NstParticipant *p = NULL;
  GDate today;

  if (problem->kind == NST_GROUP_PROBLEM_MISSING_PROCESSING)
    *kind = NST_CONSENT_PROCESSING;
  else if (problem->kind == NST_GROUP_PROBLEM_MISSING_MENTOR_CONSENT)
    *kind = NST_CONSENT_MENTOR;
  else
    return FALSE;
  if (nst_participant_get_id (pair->mentor) == problem->participant_id)
    p = pair->mentor;
  for (guint i = 0; p == NULL && i < pair->mentees->len; i++)
    if (nst_participant_get_id (g_ptr_array_index (pair->mentees, i)) == problem->participant_id)
      p = g_ptr_array_index (pair->mentees, i);
  nst_date_today (&today);
  return p != NULL && !nst_participant_needs_representative (p, &today);
}

/**
 * nst_doc_list_pair_lacks:
 * @pair: as the document has it; the database's copy is checked, which
 *   may be newer
 * @replacing: a pair fixed by an order already is to be fixed anew (its
 *   composition changed): checked as a draft is, rather than refused
 *
 * What keeps @pair from approval by the order on pairs, one entry a
 * reason: fixed by an order already, ended, or each blocking problem of a
 * draft (nst_store_list_group_problems()). A missing consent the person
 * can sign alone names them and its kind, so that a window can record it.
 *
 * Returns: (transfer full) (element-type NstDocLack) (nullable): empty
 *   when the pair is ready; %NULL on a store error
 */
GPtrArray *
nst_doc_list_pair_lacks (NstStore    *store,
                         NstDocPair  *pair,
                         gboolean     replacing,
                         GError     **error)
{
  g_autoptr(NstGroup) stored = nst_store_get_group (store, nst_group_get_id (pair->group), error);
  g_autoptr(GPtrArray) lacks = g_ptr_array_new_with_free_func ((GDestroyNotify) nst_doc_lack_free);
  g_autoptr(GPtrArray) problems = NULL;
  NstGroupStatus status;

  if (stored == NULL)
    return NULL;
  status = nst_group_get_status (stored);
  if (nst_group_get_order_id (stored) != 0 && !replacing)
    {
      g_autofree char *date = nst_date_iso_to_ru (nst_group_get_order_date (stored));

      /* Translators: «… fixed by order № 3 о-д of 10.09.2025» */
      add_lack (lacks, g_strdup_printf (_("it is fixed by order № %s of %s already: reprint that one "
                                          "from the orders journal"),
                                        nst_group_get_order_number (stored), date), 0, 0);
    }
  else if (nst_group_status_is_ended (status))
    add_lack (lacks, g_strdup (_("it has ended")), 0, 0);
  else if (status == NST_GROUP_STATUS_DRAFT || nst_group_get_order_id (stored) != 0)
    {
      if ((problems = nst_store_list_group_problems (store, stored, error)) == NULL)
        return NULL;
      for (guint i = 0; i < problems->len; i++)
        {
          NstGroupProblem *problem = g_ptr_array_index (problems, i);
          NstConsentKind kind = NST_CONSENT_PROCESSING;

          if (!problem->blocking)
            continue;
          if (consent_of (pair, problem, &kind))
            add_lack (lacks, g_strdup (problem->message), problem->participant_id, kind);
          else
            add_lack (lacks, g_strdup (problem->message), 0, 0);
        }
    }
  return g_steal_pointer (&lacks);
}

/* Appends what keeps @pair from approval by the order to @out, as the
 * database has the pair now: the document's copy may be older. */
static gboolean
add_pair_problems (NstStore    *store,
                   NstDocPair  *pair,
                   gboolean     replacing,
                   GString     *out,
                   GError     **error)
{
  g_autoptr(GPtrArray) lacks = nst_doc_list_pair_lacks (store, pair, replacing, error);
  g_autoptr(GString) blocking = g_string_new (NULL);
  g_autofree char *label = nst_doc_pair_label (pair);

  if (lacks == NULL)
    return FALSE;
  for (guint i = 0; i < lacks->len; i++)
    g_string_append_printf (blocking, "%s%s", blocking->len ? "; " : "",
                            ((NstDocLack *) g_ptr_array_index (lacks, i))->message);
  if (blocking->len > 0)
    /* Translators: a pair that an order cannot approve: «Pair № 38
     * (Фёдорова К.В. — Герасимова К.Ю.): what is wrong» */
    g_string_append_printf (out, _("\n• Pair %s: %s"), label, blocking->str);
  return TRUE;
}

static gboolean
check_pairs (NstStore   *store,
             GPtrArray  *pairs,
             gboolean    replacing,
             GError    **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint i = 0; i < pairs->len; i++)
    if (!add_pair_problems (store, g_ptr_array_index (pairs, i), replacing, problems, error))
      return FALSE;
  if (problems->len == 0)
    return TRUE;
  g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
               _("The order cannot be issued: some pairs cannot be approved yet. Put this right or leave "
                 "them out of the order:%s"), problems->str);
  return FALSE;
}

/**
 * nst_doc_check_pairs:
 * @pairs: (element-type NstDocPair)
 *
 * Whether an order can approve all of @pairs: none has ended, and every
 * draft among them could be approved (consents, period, archive: see
 * nst_store_list_group_problems()).
 *
 * Returns: %FALSE with %NST_STORE_ERROR_INVALID listing every pair that
 *   cannot be approved and why
 */
gboolean
nst_doc_check_pairs (NstStore   *store,
                     GPtrArray  *pairs,
                     GError    **error)
{
  return check_pairs (store, pairs, FALSE, error);
}

/**
 * nst_doc_check_pairs_replacing:
 *
 * As nst_doc_check_pairs(), for an order that fixes anew the pairs an
 * order fixed already (their composition changed): those are checked as
 * drafts are, with their members as they are now, rather than refused.
 */
gboolean
nst_doc_check_pairs_replacing (NstStore   *store,
                               GPtrArray  *pairs,
                               GError    **error)
{
  return check_pairs (store, pairs, TRUE, error);
}

/**
 * nst_doc_ready_pairs:
 * @pairs: (element-type NstDocPair)
 * @left_out: (out) (optional) (transfer full): each pair that is not ready
 *   and why, a line each («• Pair …: …»), or %NULL when all are
 *
 * The pairs of @pairs that an order can approve now, for an order issued
 * for the ready ones with the others listed beside it.
 *
 * Returns: (transfer container) (element-type NstDocPair) (nullable): the
 *   ready pairs, which still belong to @pairs; %NULL on a store error
 */
GPtrArray *
nst_doc_ready_pairs (NstStore   *store,
                     GPtrArray  *pairs,
                     char      **left_out,
                     GError    **error)
{
  g_autoptr(GPtrArray) ready = g_ptr_array_new ();
  g_autoptr(GString) report = g_string_new (NULL);

  for (guint i = 0; i < pairs->len; i++)
    {
      gsize before = report->len;

      if (!add_pair_problems (store, g_ptr_array_index (pairs, i), FALSE, report, error))
        return NULL;
      if (report->len == before)
        g_ptr_array_add (ready, g_ptr_array_index (pairs, i));
    }
  if (left_out != NULL)
    *left_out = report->len > 0 ? g_strdup (report->str + 1) : NULL;  /* the first «\n» off */
  return g_steal_pointer (&ready);
}

/* The mentor's latest pair or group that has not ended, 0 if none. */
static gint64
find_live_group (GListModel *groups,
                 gint64      mentor_id)
{
  gint64 found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(NstGroup) g = g_list_model_get_item (groups, i);

      if (nst_group_get_mentor_id (g) == mentor_id && !nst_group_status_is_ended (nst_group_get_status (g)) &&
          nst_group_get_id (g) > found)
        found = nst_group_get_id (g);
    }
  return found;
}

/**
 * nst_doc_load_appointment:
 * @pair: (out) (transfer full) (nullable): the mentor's latest pair or
 *   group that has not ended, whose mentees and term the mentor's consent
 *   names; %NULL when there is none yet
 *
 * Returns: %FALSE with %NST_PDF_ERROR_INCOMPLETE when @participant is not
 *   a mentor in the registry and mentors nobody: the mentor's consent is
 *   not theirs to sign
 */
gboolean
nst_doc_load_appointment (NstStore        *store,
                          NstParticipant  *participant,
                          NstDocPair     **pair,
                          GError         **error)
{
  g_autoptr(GListStore) groups = nst_store_list_groups (store, NULL, error);
  g_autoptr(GPtrArray) pairs = NULL;
  gint64 id;

  *pair = NULL;
  if (groups == NULL)
    return FALSE;
  id = find_live_group (G_LIST_MODEL (groups), nst_participant_get_id (participant));
  if (id == 0)
    {
      g_autofree char *name = NULL;

      if (nst_participant_get_is_mentor (participant))
        return TRUE;
      name = nst_participant_dup_full_name (participant);
      g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_INCOMPLETE,
                   _("%s is not a mentor: the mentor’s consent is signed by those who mentor"), name);
      return FALSE;
    }
  if ((pairs = nst_doc_load_pairs (store, &id, 1, 0, error)) == NULL)
    return FALSE;
  *pair = g_ptr_array_steal_index (pairs, 0);
  return TRUE;
}

/**
 * nst_doc_appointment_of:
 *
 * What the mentor's consent says of @pair: its mentees, form and term.
 * The fields point into @pair.
 */
void
nst_doc_appointment_of (NstDocPair           *pair,
                        NstMentorAppointment *appointment)
{
  appointment->mentees = pair->mentees;
  appointment->form = nst_doc_form_text (nst_group_get_form (pair->group));
  appointment->starts_on = nst_group_get_starts_on (pair->group);
  appointment->ends_on = nst_group_get_ends_on (pair->group);
}

/**
 * nst_doc_consent_mentor_of:
 *
 * The mentor's consent of @mentor as the registry has it: the mentees,
 * form and term of their latest pair or group (nst_doc_load_appointment()),
 * or blanks before there is one; refused for someone who mentors nobody.
 */
gboolean
nst_doc_consent_mentor_of (NstPdf               *pdf,
                           const NstDocContext  *context,
                           NstStore             *store,
                           NstParticipant       *mentor,
                           GError              **error)
{
  NstDocPair *pair = NULL;
  NstMentorAppointment appointment = { NULL };
  gboolean ok;

  if (!nst_doc_load_appointment (store, mentor, &pair, error))
    return FALSE;
  if (pair != NULL)
    nst_doc_appointment_of (pair, &appointment);
  ok = nst_doc_consent_mentor (pdf, context, mentor, pair ? &appointment : NULL, error);
  g_clear_pointer (&pair, nst_doc_pair_free);
  return ok;
}

/* ---- the tables -------------------------------------------------------------- */

static char *
escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

static char *
form_cell (NstGroup *group)
{
  return escape (nst_doc_form_text (nst_group_get_form (group)));
}

static char *
period_cell (const char *starts_on,
             const char *ends_on)
{
  g_autofree char *from = nst_date_iso_to_ru (starts_on);
  g_autofree char *to = nst_date_iso_to_ru (ends_on);

  return g_markup_printf_escaped ("с %s\nпо %s", *from ? from : "________", *to ? to : "________");
}

/* Keeps @text alive in @owned and returns it. */
static const char *
keep (GPtrArray *owned,
      char      *text)
{
  g_ptr_array_add (owned, text);
  return text;
}

/**
 * nst_doc_pairs_table:
 * @pairs: (element-type NstDocPair)
 *
 * The table of pairs and groups of an order's appendix, on landscape
 * pages: № | mentor | post | mentee | post or class | form | term; a
 * group's mentees each on their own row beside the merged cells of its
 * mentor.
 */
void
nst_doc_pairs_table (NstPdf    *pdf,
                     GPtrArray *pairs)
{
  static const NstPdfColumn columns[] = {
    { 0.45, NST_PDF_ALIGN_CENTER, FALSE },
    { 1.8, NST_PDF_ALIGN_LEFT, FALSE },
    { 2.2, NST_PDF_ALIGN_LEFT, FALSE },
    { 1.8, NST_PDF_ALIGN_LEFT, FALSE },
    { 2.0, NST_PDF_ALIGN_LEFT, FALSE },
    { 1.8, NST_PDF_ALIGN_LEFT, FALSE },
    { 1.3, NST_PDF_ALIGN_LEFT, FALSE },
  };
  static const char *const header[] = {
    "№\nп/п", "ФИО наставника", "Должность", "ФИО наставляемого", "Должность или класс",
    "Форма наставничества", "Срок",
  };
  static const gboolean spans[] = { TRUE, TRUE, TRUE, FALSE, FALSE, TRUE, TRUE };
  const guint n_columns = G_N_ELEMENTS (columns);
  g_autoptr(NstPdfTable) table = nst_pdf_table_new (pdf, columns, n_columns, 12);

  nst_pdf_table_set_header (table, header);
  for (guint i = 0; i < pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (pairs, i);
      guint n_rows = MAX (pair->mentees->len, 1);
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
      g_autofree const char **cells = g_new0 (const char *, n_rows * n_columns);
      g_autofree char *mentor = nst_participant_dup_full_name (pair->mentor);
      g_autofree char *mentor_post = nst_doc_post_or_class_text (pair->mentor);

      cells[0] = keep (owned, g_strdup_printf ("%u", i + 1));
      cells[1] = keep (owned, escape (mentor));
      cells[2] = keep (owned, escape (mentor_post));
      cells[5] = keep (owned, form_cell (pair->group));
      cells[6] = keep (owned, period_cell (nst_group_get_starts_on (pair->group),
                                           nst_group_get_ends_on (pair->group)));
      for (guint m = 0; m < pair->mentees->len; m++)
        {
          NstParticipant *mentee = g_ptr_array_index (pair->mentees, m);
          g_autofree char *name = nst_participant_dup_full_name (mentee);
          g_autofree char *post = nst_doc_post_or_class_text (mentee);

          cells[m * n_columns + 3] = keep (owned, escape (name));
          cells[m * n_columns + 4] = keep (owned, escape (post));
        }
      nst_pdf_table_add_rows (table, cells, n_rows, spans);
    }
}

/**
 * nst_doc_programmes_table:
 * @pairs: (element-type NstDocPair): each with its programme
 *
 * The list of personalized programmes an order approves: № | the pair |
 * the programme's title | its period.
 */
void
nst_doc_programmes_table (NstPdf    *pdf,
                          GPtrArray *pairs)
{
  static const NstPdfColumn columns[] = {
    { 0.55, NST_PDF_ALIGN_CENTER, FALSE },
    { 3.4, NST_PDF_ALIGN_LEFT, FALSE },
    { 3.8, NST_PDF_ALIGN_LEFT, FALSE },
    { 1.6, NST_PDF_ALIGN_LEFT, FALSE },
  };
  static const char *const header[] = {
    "№\nп/п", "Наставническая пара (группа): наставник — наставляемый",
    "Наименование персонализированной программы наставничества", "Срок реализации",
  };
  g_autoptr(NstPdfTable) table = nst_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 12);
  guint number = 0;

  nst_pdf_table_set_header (table, header);
  for (guint i = 0; i < pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (pairs, i);
      g_autoptr(GString) people = g_string_new (NULL);
      g_autofree char *mentor = NULL;
      g_autofree char *index = NULL;
      g_autofree char *title = NULL;
      g_autofree char *period = NULL;
      g_autofree char *people_markup = NULL;
      const char *row[4];

      if (pair->programme == NULL)
        continue;
      mentor = nst_participant_dup_full_name (pair->mentor);
      g_string_append_printf (people, "%s —", mentor);
      for (guint m = 0; m < pair->mentees->len; m++)
        {
          g_autofree char *mentee = nst_participant_dup_full_name (g_ptr_array_index (pair->mentees, m));

          g_string_append_printf (people, "%s %s", m ? "," : "", mentee);
        }
      index = g_strdup_printf ("%u", ++number);
      title = nst_doc_programme_title (pair->programme);
      period = period_cell (nst_programme_get_starts_on (pair->programme),
                            nst_programme_get_ends_on (pair->programme));
      people_markup = g_markup_escape_text (people->str, -1);
      row[0] = index;
      row[1] = people_markup;
      row[2] = title;
      row[3] = period;
      nst_pdf_table_add_row (table, row);
    }
}

/* ---- the acknowledgement sheet ----------------------------------------------------- */

/* The grade of a class, «9» of «9Б»; 0 when it does not say. */
static guint
class_grade (const char *class_name)
{
  guint64 grade = 0;

  while (g_ascii_isdigit (*class_name) && grade < 100)
    grade = grade * 10 + (*class_name++ - '0');
  return grade <= 11 ? (guint) grade : 0;
}

/* Whether @p signs an acknowledgement sheet of @date themself: adults
 * do, and students of 14 and over (as they sign their own consents); a
 * younger student does not, and the registry keeps no representative to
 * sign instead, so the line is left out. Without a birth date the class
 * tells: from the 9th grade a student is 14 or more. */
static gboolean
signs_for_self (NstParticipant *p,
                const GDate    *date)
{
  int age;

  if (nst_participant_get_category (p) != NST_CATEGORY_STUDENT)
    return TRUE;
  age = nst_participant_get_age (p, date);
  if (age >= 0)
    return age >= NST_STUDENT_SELF_CONSENT_AGE;
  return class_grade (nst_participant_get_class_name (p)) >= 9;
}

/* Once each; the curator, first on the sheet, is not named again. */
static void
add_reader (NstOrderContent *content,
            GHashTable      *seen,
            NstParticipant  *p)
{
  gint64 id = nst_participant_get_id (p);
  g_autofree char *name = nst_participant_dup_full_name (p);
  g_autofree char *post = NULL;

  if (!signs_for_self (p, &content->date) ||
      g_hash_table_contains (seen, &id) ||
      g_strcmp0 (name, g_hash_table_lookup (content->values, "curator_name")) == 0)
    return;
  g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
  post = nst_doc_post_text (p);
  nst_order_content_add_reader (content, name, post);
}

/**
 * nst_doc_add_pair_readers:
 * @mentees: whether the mentees sign too, or only the mentors
 *
 * The acknowledgement sheet of an order about @pairs: the curator, then
 * every mentor and mentee once, in the order the appendix names them;
 * of the students, those of 14 and over on the order's date.
 */
void
nst_doc_add_pair_readers (NstOrderContent *content,
                          GPtrArray       *pairs,
                          gboolean         mentees)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const char *curator = g_hash_table_lookup (content->values, "curator_name");

  if (curator != NULL)
    nst_order_content_add_reader (content, curator, g_hash_table_lookup (content->values, "curator_post"));
  for (guint i = 0; i < pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (pairs, i);

      add_reader (content, seen, pair->mentor);
      for (guint m = 0; mentees && m < pair->mentees->len; m++)
        add_reader (content, seen, g_ptr_array_index (pair->mentees, m));
    }
}

/* ---- approving programmes ------------------------------------------------------- */

/* Whether an order can approve the pair's programme: there is one, it has
 * not ended and nothing is missing from it. */
gboolean
nst_doc_programme_ready (NstDocPair *pair)
{
  g_autofree char *problem = NULL;

  if (pair->programme == NULL || nst_programme_get_status (pair->programme) >= NST_PROGRAMME_STATUS_FINISHED)
    return FALSE;
  problem = nst_programme_check (pair->programme);
  return problem == NULL;
}

/**
 * nst_doc_check_programmes:
 * @pairs: (element-type NstDocPair): each with the programme to approve
 *
 * Whether an order can approve the programmes of @pairs: each is there,
 * complete, not ended, and its pair is approved or active.
 *
 * Returns: %FALSE with %NST_STORE_ERROR_INVALID listing every programme
 *   that cannot be approved and why
 */
gboolean
nst_doc_check_programmes (NstStore   *store,
                          GPtrArray  *pairs,
                          GError    **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint i = 0; i < pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (pairs, i);
      g_autoptr(NstGroup) stored = nst_store_get_group (store, nst_group_get_id (pair->group), error);
      g_autofree char *label = nst_doc_pair_label (pair);
      g_autofree char *problem = NULL;
      NstGroupStatus status;

      if (stored == NULL)
        return FALSE;
      status = nst_group_get_status (stored);
      if (pair->programme == NULL)
        problem = g_strdup (_("it has no programme for the school year"));
      else if (nst_programme_get_status (pair->programme) >= NST_PROGRAMME_STATUS_FINISHED)
        problem = g_strdup (_("its programme has ended"));
      else if ((problem = nst_programme_check (pair->programme)) == NULL &&
               status != NST_GROUP_STATUS_APPROVED && status != NST_GROUP_STATUS_ACTIVE)
        problem = g_strdup (_("the pair is not approved: fix it by the order on pairs first"));
      if (problem != NULL)
        g_string_append_printf (problems, _("\n• Pair %s: %s"), label, problem);
    }
  if (problems->len == 0)
    return TRUE;
  g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
               _("The order cannot be issued: some programmes cannot be approved yet. Put this right or "
                 "leave them out of the order:%s"), problems->str);
  return FALSE;
}

/* A programme approved by @order: under way (a draft starts) and linked
 * to the order, which its document then cites. Inside the order's
 * transaction, on the database's copy, so that a rolled-back attempt
 * leaves the document's copy as it was. */
gboolean
nst_doc_approve_programme (NstStore      *store,
                           NstProgramme  *programme,
                           NstOrder      *order,
                           GError       **error)
{
  g_autoptr(NstProgramme) stored = nst_store_get_programme (store, nst_programme_get_id (programme), error);

  if (stored == NULL)
    return FALSE;
  if (nst_programme_get_status (stored) == NST_PROGRAMME_STATUS_DRAFT &&
      !nst_store_change_programme_status (store, stored, NST_PROGRAMME_STATUS_ACTIVE,
                                          nst_order_get_signed_on (order), NULL, error))
    return FALSE;
  return nst_store_set_programme_order (store, nst_programme_get_id (stored), order, error);
}
