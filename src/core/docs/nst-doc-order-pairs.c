/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "docs/nst-doc-private.h"
#include "docs/nst-ru-case.h"
#include "store/nst-store-groups.h"

/* «О назначении наставников и закреплении наставнических пар (групп)»: the
 * main order. Appendix 1 lists the pairs and groups, appendix 2 the
 * programmes it approves; issued, it approves the pairs and links them
 * and their programmes to itself. */

typedef struct
{
  GPtrArray *pairs;        /* NstDocPair */
  GPtrArray *programmes;   /* NstDocPair (not owned): those whose programme it approves */
  gboolean history;        /* see NstPairsOrderOptions */
  gboolean replace;        /* see NstPairsOrderOptions */
} PairsOrder;

static void
pairs_order_free (PairsOrder *data)
{
  g_ptr_array_unref (data->programmes);
  g_ptr_array_unref (data->pairs);
  g_free (data);
}

static void
draw_appendix_title (NstPdf     *pdf,
                     const char *title)
{
  nst_pdf_paragraph (pdf, &nst_pdf_style_title, title);
  nst_pdf_space (pdf, 10);
}

static void
draw_appendices (NstPdf   *pdf,
                 NstOrder *order,
                 gpointer  user_data)
{
  PairsOrder *data = user_data;

  nst_pdf_set_orientation (pdf, NST_PDF_LANDSCAPE);
  nst_doc_appendix_mark (pdf, 1, order);
  draw_appendix_title (pdf, "Состав наставнических пар (групп)");
  nst_doc_pairs_table (pdf, data->pairs);
  if (data->programmes->len == 0)
    return;
  nst_pdf_set_orientation (pdf, NST_PDF_PORTRAIT);
  nst_doc_appendix_mark (pdf, 2, order);
  draw_appendix_title (pdf, "Перечень утверждаемых персонализированных программ наставничества");
  nst_doc_programmes_table (pdf, data->programmes);
}

/* An order of the past: the pairs it approved went on since, some have
 * ended; it is linked to them, nothing changes. */
static gboolean
link_history (NstStore    *store,
              PairsOrder  *data,
              NstOrder    *order,
              GError     **error)
{
  for (guint i = 0; i < data->pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (data->pairs, i);
      g_autoptr(NstGroup) stored = nst_store_get_group (store, nst_group_get_id (pair->group), error);

      if (stored == NULL ||
          !nst_store_set_group_order (store, stored, nst_order_get_id (order), nst_order_get_signed_on (order), error))
        return FALSE;
    }
  return TRUE;
}

/* Refused as a whole when any pair cannot be approved; else each draft is
 * approved on the order's date, and every pair and approved programme
 * linked to the order: a pair fixed anew moves to it from the earlier
 * order, which stays in the journal as it was issued. */
static gboolean
apply_order (NstStore  *store,
             NstOrder  *order,
             gpointer   user_data,
             GError   **error)
{
  PairsOrder *data = user_data;
  const char *day = nst_order_get_signed_on (order);

  if (data->history)
    return link_history (store, data, order, error);
  if (!(data->replace ? nst_doc_check_pairs_replacing (store, data->pairs, error)
                      : nst_doc_check_pairs (store, data->pairs, error)))
    return FALSE;
  for (guint i = 0; i < data->pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (data->pairs, i);
      /* The database's copy: a rolled-back attempt leaves the document's
       * as it was, for the next. */
      g_autoptr(NstGroup) stored = nst_store_get_group (store, nst_group_get_id (pair->group), error);

      if (stored == NULL)
        return FALSE;
      if (nst_group_get_status (stored) == NST_GROUP_STATUS_DRAFT &&
          !nst_store_change_group_status (store, stored, NST_GROUP_STATUS_APPROVED, day, NULL, error))
        return FALSE;
      if (!nst_store_set_group_order (store, stored, nst_order_get_id (order), day, error))
        return FALSE;
    }
  for (guint i = 0; i < data->programmes->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (data->programmes, i);

      if (!nst_doc_approve_programme (store, pair->programme, order, error))
        return FALSE;
    }
  return TRUE;
}

/* «на период с … по … в составе и по формам наставничества» when every
 * pair shares the period, else the appendix gives each its own. */
static char *
pairs_terms (GPtrArray *pairs)
{
  NstDocPair *first = g_ptr_array_index (pairs, 0);
  const char *starts_on = nst_group_get_starts_on (first->group);
  const char *ends_on = nst_group_get_ends_on (first->group);
  g_autofree char *period = NULL;

  for (guint i = 1; i < pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (pairs, i);

      if (g_strcmp0 (starts_on, nst_group_get_starts_on (pair->group)) != 0 ||
          g_strcmp0 (ends_on, nst_group_get_ends_on (pair->group)) != 0)
        return g_strdup ("в составе, по формам наставничества и на сроки");
    }
  period = nst_doc_period_text (starts_on, ends_on);
  return g_strdup_printf ("на период %s в составе и по формам наставничества", period);
}

/* ---- a changed composition --------------------------------------------------- */

/* «наставнической пары наставника Фёдоровой Ксении Вадимовны», or of
 * several pairs and groups. */
static char *
replaced_pairs_text (GPtrArray *pairs)
{
  g_autoptr(GString) mentors = g_string_new (NULL);
  NstDocPair *first = g_ptr_array_index (pairs, 0);

  for (guint i = 0; i < pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (pairs, i);
      g_autofree char *name = nst_participant_dup_full_name (pair->mentor);
      g_autofree char *genitive = nst_ru_decline_full_name (name, NST_RU_GENITIVE);

      g_string_append_printf (mentors, "%s%s", i ? ", " : "", genitive);
    }
  if (pairs->len > 1)
    return g_strdup_printf ("наставнических пар (групп) наставников %s", mentors->str);
  return g_strdup_printf ("%s наставника %s",
                          nst_group_is_group (first->group) ? "наставнической группы" : "наставнической пары",
                          mentors->str);
}

/* For each earlier order among @pairs, in the order first met: «В связи с
 * изменением состава наставнической пары наставника … считать утратившим
 * силу приказ от 10.09.2025 № 3 о-д в части закрепления этой
 * наставнической пары.» */
static void
add_replaced_points (NstOrderContent *content,
                     GPtrArray       *pairs)
{
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < pairs->len; i++)
    {
      NstGroup *group = ((NstDocPair *) g_ptr_array_index (pairs, i))->group;
      gint64 order_id = nst_group_get_order_id (group);
      g_autoptr(GPtrArray) same = g_ptr_array_new ();
      g_autofree char *date = NULL;
      g_autofree char *which = NULL;
      gboolean seen = FALSE;

      for (guint d = 0; d < done->len; d++)
        seen |= g_array_index (done, gint64, d) == order_id;
      if (order_id == 0 || seen)
        continue;
      g_array_append_val (done, order_id);
      for (guint j = i; j < pairs->len; j++)
        if (nst_group_get_order_id (((NstDocPair *) g_ptr_array_index (pairs, j))->group) == order_id)
          g_ptr_array_add (same, g_ptr_array_index (pairs, j));
      date = nst_date_iso_to_ru (nst_group_get_order_date (group));
      which = replaced_pairs_text (same);
      nst_order_content_insert_point (content,
                                      g_strdup_printf ("В связи с изменением состава %s считать утратившим силу "
                                                       "приказ от %s №\u00a0%s в части закрепления %s.",
                                                       which, date, nst_group_get_order_number (group),
                                                       same->len > 1 ? "этих наставнических пар (групп)"
                                                       : nst_group_is_group (group) ? "этой наставнической группы"
                                                       : "этой наставнической пары"));
    }
}

static void
set_values (NstOrderContent            *content,
            GPtrArray                  *pairs,
            const NstPairsOrderOptions *options)
{
  GDate deadline = content->date;

  if (options->deadline != NULL)
    deadline = *options->deadline;
  else
    g_date_add_months (&deadline, 1);
  g_hash_table_insert (content->values, g_strdup ("regulation"), nst_doc_regulation_text (options->regulation));
  g_hash_table_insert (content->values, g_strdup ("pairs_terms"), pairs_terms (pairs));
  g_hash_table_insert (content->values, g_strdup ("programmes_deadline"), nst_date_format_ru (&deadline));
}

/**
 * nst_doc_order_pairs:
 * @date: the order's date
 * @pairs: (element-type NstDocPair): the pairs and groups it fixes, each
 *   with its programme of the year if it has one; the content keeps a
 *   reference
 * @options: (nullable): the regulations' order to cite, the deadline for
 *   the programmes
 * @template_text: (nullable): the school's own text; the standard one
 *   when %NULL
 *
 * The order «О назначении наставников и закреплении наставнических пар
 * (групп)»: citing art. 351.8 of the Labour Code, the school's regulations
 * and the participants' consents, it fixes the pairs (appendix 1),
 * approves the programmes that are ready (appendix 2) or sets a deadline
 * for them, charges the curator with support and monitoring, and sets the
 * mentors' pay and addenda. Everyone it names signs the acknowledgement
 * sheet. Issued with nst_doc_order_issue(), it approves the pairs and
 * links them and the programmes to itself, or is refused as a whole.
 * With @options->replace, a pair an order fixed already is fixed anew:
 * the order cancels the earlier one in that pair's part, naming it, and
 * approves the pair's programme again when it is ready.
 *
 * Returns: (transfer full) (nullable): the order's content
 */
NstOrderContent *
nst_doc_order_pairs (NstSchool                   *school,
                     const GDate                 *date,
                     GPtrArray                   *pairs,
                     const NstPairsOrderOptions  *options,
                     const char                  *template_text,
                     GError                     **error)
{
  static const NstPairsOrderOptions standard_options = { NULL, NULL, FALSE, FALSE };
  g_autoptr(NstOrderContent) content = nst_order_content_new (NST_ORDER_KIND_PAIRS, school, date);
  g_autofree char *standard = NULL;
  PairsOrder *data;
  const char *flags[] = { NULL, NULL };

  if (pairs->len == 0)
    {
      g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_INCOMPLETE,
                   _("There are no pairs or groups to put in the order: form them first, or choose them"));
      return NULL;
    }
  if (options == NULL)
    options = &standard_options;
  if (template_text == NULL &&
      (template_text = standard = nst_doc_template_load_default ("order-pairs", error)) == NULL)
    return NULL;
  data = g_new0 (PairsOrder, 1);
  data->pairs = g_ptr_array_ref (pairs);
  data->programmes = g_ptr_array_new ();
  data->history = options->history;
  data->replace = options->replace && !options->history;
  content->appendix = draw_appendices;
  content->registered = apply_order;
  content->appendix_data = data;
  content->appendix_destroy = (GDestroyNotify) pairs_order_free;
  /* An order of the past came before the programmes: they were written
   * afterwards, by the deadline it set. */
  for (guint i = 0; i < pairs->len && !data->history; i++)
    if (nst_doc_programme_ready (g_ptr_array_index (pairs, i)))
      g_ptr_array_add (data->programmes, g_ptr_array_index (pairs, i));
  flags[0] = data->programmes->len == pairs->len ? "programmes"
           : data->programmes->len > 0 ? "some_programmes" : "no_programmes";
  set_values (content, pairs, options);
  if (!nst_order_content_fill (content, template_text, flags, error))
    return NULL;
  if (data->replace)
    add_replaced_points (content, pairs);
  nst_doc_add_pair_readers (content, pairs, TRUE);
  return g_steal_pointer (&content);
}
