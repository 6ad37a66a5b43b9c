/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include "docs/nst-docs.h"

/**
 * nst_doc_order_introduction:
 * @date: the order's date
 * @options: (nullable): whether it appoints the curator too (the default),
 *   the start date, the roadmap's period
 * @template_text: (nullable): the school's own text; the standard one
 *   when %NULL
 *
 * The order «О внедрении целевой модели наставничества»: introduces the
 * model, approves the programme (appendix 1) and the roadmap (appendix 2),
 * appoints the curator unless a separate order does, and gives the
 * curator's tasks; the curator signs the acknowledgement sheet.
 *
 * Returns: (transfer full) (nullable): the order's content, for
 *   nst_doc_order_issue()
 */
NstOrderContent *
nst_doc_order_introduction (NstSchool                    *school,
                            const GDate                  *date,
                            const NstIntroductionOptions *options,
                            const char                   *template_text,
                            GError                      **error)
{
  static const NstIntroductionOptions standard_options = { TRUE, NULL, NULL };
  static const char *const needs[] = { "curator_name", "curator_post", "school_website", NULL };
  const char *const flags[] = { "curator", NULL };
  g_autoptr(NstOrderContent) content = nst_order_content_new (NST_ORDER_KIND_INTRODUCTION, school, date);
  g_autofree char *standard = NULL;

  if (options == NULL)
    options = &standard_options;
  if (template_text == NULL &&
      (template_text = standard = nst_doc_template_load_default ("order-introduction", error)) == NULL)
    return NULL;
  if (options->start_date != NULL)
    g_hash_table_insert (content->values, g_strdup ("start_date"), g_strdup (options->start_date));
  if (options->roadmap_period != NULL)
    g_hash_table_insert (content->values, g_strdup ("roadmap_period"), g_strdup (options->roadmap_period));
  if (!nst_doc_require_values (content->values, needs, error) ||
      !nst_order_content_fill (content, template_text, options->appoints_curator ? flags : NULL, error))
    return NULL;
  nst_order_content_add_reader (content, g_hash_table_lookup (content->values, "curator_name"),
                                g_hash_table_lookup (content->values, "curator_post"));
  return g_steal_pointer (&content);
}
