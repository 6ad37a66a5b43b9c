/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include "docs/nst-docs.h"

/**
 * nst_doc_order_curator:
 * @date: the order's date
 * @template_text: (nullable): the school's own text; the standard one
 *   when %NULL
 *
 * The order «О назначении куратора реализации программ наставничества»:
 * names the curator of the school's details and lists their duties; the
 * curator signs the acknowledgement sheet.
 *
 * Returns: (transfer full) (nullable): the order's content, for
 *   nst_doc_order_issue()
 */
NstOrderContent *
nst_doc_order_curator (NstSchool    *school,
                       const GDate  *date,
                       const char   *template_text,
                       GError      **error)
{
  static const char *const needs[] = { "curator_name", "curator_post", NULL };
  g_autoptr(NstOrderContent) content = nst_order_content_new (NST_ORDER_KIND_CURATOR, school, date);
  g_autofree char *standard = NULL;

  if (template_text == NULL &&
      (template_text = standard = nst_doc_template_load_default ("order-curator", error)) == NULL)
    return NULL;
  if (!nst_doc_require_values (content->values, needs, error) ||
      !nst_order_content_fill (content, template_text, NULL, error))
    return NULL;
  nst_order_content_add_reader (content, g_hash_table_lookup (content->values, "curator_name"),
                                g_hash_table_lookup (content->values, "curator_post"));
  return g_steal_pointer (&content);
}
