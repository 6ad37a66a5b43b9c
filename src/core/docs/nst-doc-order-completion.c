/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "docs/nst-doc-private.h"

/* «О завершении реализации персонализированных программ наставничества и
 * поощрении наставников»: the pairs whose programmes are done (appendix
 * 1) and the mentors' rewards (appendix 2: ФИО | должность | вид
 * поощрения). It records what happened: ending pairs stays with the
 * pairs' own life cycle. */

#define STANDARD_REWARD "благодарность"

typedef struct
{
  GPtrArray *pairs;    /* NstDocPair */
  GPtrArray *mentors;  /* NstParticipant (not owned), each once */
  GStrv      rewards;  /* one per mentor */
} CompletionOrder;

static void
completion_order_free (CompletionOrder *data)
{
  g_ptr_array_unref (data->mentors);
  g_ptr_array_unref (data->pairs);
  g_strfreev (data->rewards);
  g_free (data);
}

/* «благодарность» → «Благодарность», as a table's cell begins. */
static char *
capitalised (const char *text)
{
  g_autofree char *first = g_utf8_strup (text, g_utf8_next_char (text) - text);

  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static void
draw_rewards (NstPdf          *pdf,
              CompletionOrder *data)
{
  static const NstPdfColumn columns[] = {
    { 0.55, NST_PDF_ALIGN_CENTER, FALSE },
    { 3.2, NST_PDF_ALIGN_LEFT, FALSE },
    { 3.0, NST_PDF_ALIGN_LEFT, FALSE },
    { 2.8, NST_PDF_ALIGN_LEFT, FALSE },
  };
  static const char *const header[] = { "№\nп/п", "Фамилия, имя, отчество наставника", "Должность",
                                         "Вид поощрения" };
  g_autoptr(NstPdfTable) table = nst_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 12);

  nst_pdf_table_set_header (table, header);
  for (guint i = 0; i < data->mentors->len; i++)
    {
      NstParticipant *mentor = g_ptr_array_index (data->mentors, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = nst_participant_dup_full_name (mentor);
      g_autofree char *post = nst_doc_post_text (mentor);
      g_autofree char *reward = capitalised (data->rewards[i]);
      g_autofree char *name_markup = g_markup_escape_text (name, -1);
      g_autofree char *post_markup = g_markup_escape_text (post, -1);
      g_autofree char *reward_markup = g_markup_escape_text (reward, -1);
      const char *row[] = { number, name_markup, post_markup, reward_markup };

      nst_pdf_table_add_row (table, row);
    }
}

static void
draw_appendices (NstPdf   *pdf,
                 NstOrder *order,
                 gpointer  user_data)
{
  CompletionOrder *data = user_data;

  nst_pdf_set_orientation (pdf, NST_PDF_LANDSCAPE);
  nst_doc_appendix_mark (pdf, 1, order);
  nst_pdf_paragraph (pdf, &nst_pdf_style_title,
                     "Наставнические пары (группы), завершившие реализацию персонализированных программ "
                     "наставничества");
  nst_pdf_space (pdf, 10);
  nst_doc_pairs_table (pdf, data->pairs);
  nst_pdf_set_orientation (pdf, NST_PDF_PORTRAIT);
  nst_doc_appendix_mark (pdf, 2, order);
  nst_pdf_paragraph (pdf, &nst_pdf_style_title, "Поощрение наставников");
  nst_pdf_space (pdf, 10);
  draw_rewards (pdf, data);
}

static GPtrArray *
collect_mentors (GPtrArray *pairs)
{
  GPtrArray *mentors = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (pairs, i);
      gint64 id = nst_participant_get_id (pair->mentor);

      if (g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (mentors, pair->mentor);
    }
  return mentors;
}

/* One kind of reward for everyone, or one for each mentor in order. */
static GStrv
assign_rewards (const char *const  *rewards,
                guint               n_mentors,
                GError            **error)
{
  guint n = rewards ? g_strv_length ((GStrv) rewards) : 0;
  GStrv out;

  if (n > 1 && n != n_mentors)
    {
      g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_INCOMPLETE,
                   _("Give one kind of reward for all the mentors, or one for each of the %u mentors "
                     "in the order they are listed (%u given)"), n_mentors, n);
      return NULL;
    }
  out = g_new0 (char *, n_mentors + 1);
  for (guint i = 0; i < n_mentors; i++)
    {
      const char *reward = n == 0 ? STANDARD_REWARD : rewards[n == 1 ? 0 : i];
      g_autofree char *stripped = g_strstrip (g_strdup (reward));

      out[i] = g_strdup (*stripped ? stripped : STANDARD_REWARD);
    }
  return out;
}

/**
 * nst_doc_order_completion:
 * @date: the order's date
 * @pairs: (element-type NstDocPair): the pairs whose programmes are done;
 *   the content keeps a reference
 * @regulation: (nullable): the order that approved the school's
 *   regulations, cited
 * @rewards: (nullable) (array zero-terminated=1): the kind of reward
 *   («благодарность», «почётная грамота»): one for all the mentors, or one
 *   for each in the order they are listed; «благодарность» when %NULL
 * @template_text: (nullable): the school's own text; the standard one
 *   when %NULL
 *
 * The order «О завершении реализации персонализированных программ
 * наставничества и поощрении наставников».
 *
 * Returns: (transfer full) (nullable): the order's content
 */
NstOrderContent *
nst_doc_order_completion (NstSchool          *school,
                          const GDate        *date,
                          GPtrArray          *pairs,
                          NstOrder           *regulation,
                          const char *const  *rewards,
                          const char         *template_text,
                          GError            **error)
{
  g_autoptr(NstOrderContent) content = nst_order_content_new (NST_ORDER_KIND_COMPLETION, school, date);
  g_autofree char *standard = NULL;
  g_autoptr(GPtrArray) mentors = NULL;
  CompletionOrder *data;
  GStrv assigned;

  if (pairs->len == 0)
    {
      g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_INCOMPLETE,
                   _("Choose the pairs and groups whose programmes are done"));
      return NULL;
    }
  mentors = collect_mentors (pairs);
  if ((assigned = assign_rewards (rewards, mentors->len, error)) == NULL)
    return NULL;
  data = g_new0 (CompletionOrder, 1);
  data->pairs = g_ptr_array_ref (pairs);
  data->mentors = g_steal_pointer (&mentors);
  data->rewards = assigned;
  content->appendix = draw_appendices;
  content->appendix_data = data;
  content->appendix_destroy = (GDestroyNotify) completion_order_free;
  if (template_text == NULL &&
      (template_text = standard = nst_doc_template_load_default ("order-completion", error)) == NULL)
    return NULL;
  g_hash_table_insert (content->values, g_strdup ("regulation"), nst_doc_regulation_text (regulation));
  if (!nst_order_content_fill (content, template_text, NULL, error))
    return NULL;
  nst_doc_add_pair_readers (content, pairs, TRUE);
  return g_steal_pointer (&content);
}

/* The last day of a pair's programme, or of the pair when it has none. */
static gboolean
pair_end (NstDocPair *pair,
          GDate      *end)
{
  const char *ends_on = pair->programme ? nst_programme_get_ends_on (pair->programme) : NULL;

  if (ends_on == NULL || *ends_on == '\0')
    ends_on = nst_group_get_ends_on (pair->group);
  return ends_on != NULL && nst_date_parse_iso (ends_on, end);
}

/**
 * nst_doc_completion_default_date:
 * @pairs: (element-type NstDocPair): the pairs whose programmes are done
 * @today: today
 * @date: (out): the order's date
 *
 * The date an order on completion takes when none is given: the last day
 * of the latest programme it completes, when that day is past, for the
 * order records what happened then; else today.
 */
void
nst_doc_completion_default_date (GPtrArray   *pairs,
                                 const GDate *today,
                                 GDate       *date)
{
  gboolean found = FALSE;
  GDate latest;

  g_date_clear (&latest, 1);
  for (guint i = 0; i < pairs->len; i++)
    {
      GDate end;

      if (pair_end (g_ptr_array_index (pairs, i), &end) &&
          (!found || g_date_compare (&end, &latest) > 0))
        {
          latest = end;
          found = TRUE;
        }
    }
  *date = found && g_date_compare (&latest, today) < 0 ? latest : *today;
}
