/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "docs/nst-doc-private.h"

/* «Об утверждении персонализированных программ наставничества»: the list
 * of programmes in appendix 1; issued, it starts them and links them to
 * itself, which their documents then cite. */

static void
draw_appendix (NstPdf   *pdf,
               NstOrder *order,
               gpointer  user_data)
{
  nst_doc_appendix_mark (pdf, 1, order);
  nst_pdf_paragraph (pdf, &nst_pdf_style_title, "Перечень персонализированных программ наставничества");
  nst_pdf_space (pdf, 10);
  nst_doc_programmes_table (pdf, user_data);
}

static gboolean
apply_order (NstStore  *store,
             NstOrder  *order,
             gpointer   user_data,
             GError   **error)
{
  GPtrArray *pairs = user_data;

  if (!nst_doc_check_programmes (store, pairs, error))
    return FALSE;
  for (guint i = 0; i < pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (pairs, i);

      if (!nst_doc_approve_programme (store, pair->programme, order, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * nst_doc_order_programmes:
 * @date: the order's date
 * @pairs: (element-type NstDocPair): each with the programme to approve;
 *   the content keeps a reference
 * @regulation: (nullable): the order that approved the school's
 *   regulations, cited
 * @template_text: (nullable): the school's own text; the standard one
 *   when %NULL
 *
 * The order «Об утверждении персонализированных программ наставничества»:
 * approves the programmes listed in its appendix; the curator and the
 * pairs' members sign the acknowledgement sheet. Issued with
 * nst_doc_order_issue(), it starts the programmes and links them to
 * itself, or is refused as a whole (nst_doc_check_programmes()).
 *
 * Returns: (transfer full) (nullable): the order's content
 */
NstOrderContent *
nst_doc_order_programmes (NstSchool    *school,
                          const GDate  *date,
                          GPtrArray    *pairs,
                          NstOrder     *regulation,
                          const char   *template_text,
                          GError      **error)
{
  g_autoptr(NstOrderContent) content = nst_order_content_new (NST_ORDER_KIND_PROGRAMMES, school, date);
  g_autofree char *standard = NULL;
  guint school_year = 0;

  for (guint i = 0; i < pairs->len && school_year == 0; i++)
    {
      NstDocPair *pair = g_ptr_array_index (pairs, i);

      if (pair->programme != NULL)
        school_year = nst_programme_get_school_year (pair->programme);
    }
  if (school_year == 0)
    {
      g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_INCOMPLETE,
                   _("There are no programmes to put in the order: write them first, or choose them"));
      return NULL;
    }
  if (template_text == NULL &&
      (template_text = standard = nst_doc_template_load_default ("order-programmes", error)) == NULL)
    return NULL;
  g_hash_table_insert (content->values, g_strdup ("regulation"), nst_doc_regulation_text (regulation));
  g_hash_table_insert (content->values, g_strdup ("school_year"), nst_school_year_label (school_year));
  content->appendix = draw_appendix;
  content->registered = apply_order;
  content->appendix_data = g_ptr_array_ref (pairs);
  content->appendix_destroy = (GDestroyNotify) g_ptr_array_unref;
  if (!nst_order_content_fill (content, template_text, NULL, error))
    return NULL;
  nst_doc_add_pair_readers (content, pairs, TRUE);
  return g_steal_pointer (&content);
}
