/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include "docs/nst-doc-private.h"

typedef struct
{
  NstRoadmap *roadmap;
  char       *school_short_name;
} Appendix;

static void
appendix_free (gpointer data)
{
  Appendix *appendix = data;

  g_object_unref (appendix->roadmap);
  g_free (appendix->school_short_name);
  g_free (appendix);
}

/* The roadmap, the order's only appendix: in landscape, unnumbered as
 * ГОСТ Р 7.0.97 has a single appendix. */
static void
draw_appendix (NstPdf   *pdf,
               NstOrder *order,
               gpointer  user_data)
{
  Appendix *appendix = user_data;

  nst_pdf_set_orientation (pdf, NST_PDF_LANDSCAPE);
  nst_doc_appendix_mark (pdf, 0, order);
  nst_doc_roadmap_body (pdf, appendix->roadmap, appendix->school_short_name);
}

static void
attach_roadmap (NstOrderContent *content,
                NstRoadmap      *roadmap)
{
  Appendix *appendix = g_new0 (Appendix, 1);
  char *period = nst_doc_roadmap_period_text (roadmap);

  if (period != NULL)
    g_hash_table_insert (content->values, g_strdup ("roadmap_period"), period);
  appendix->roadmap = g_object_ref (roadmap);
  appendix->school_short_name = g_strdup (g_hash_table_lookup (content->values, "school_short_name"));
  content->appendix = draw_appendix;
  content->appendix_data = appendix;
  content->appendix_destroy = appendix_free;
}

/**
 * nst_doc_order_introduction:
 * @date: the order's date
 * @options: (nullable): whether it appoints the curator too (the default),
 *   the start date, the roadmap's period
 * @template_text: (nullable): the school's own text; the standard one
 *   when %NULL
 *
 * The order «О внедрении целевой модели наставничества»: introduces the
 * model, approves the school's mentoring programme and the roadmap,
 * appoints the curator unless a separate order does, and gives the
 * curator's tasks; the curator signs the acknowledgement sheet. The
 * roadmap of @options, when there is one, is attached as the appendix
 * and gives the order its period; without one the order cites no
 * appendix. The programme's text is the school's own, not in the
 * database: the order approves it and cites no appendix for it.
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
  static const NstIntroductionOptions standard_options = { TRUE, NULL, NULL, NULL };
  static const char *const needs[] = { "curator_name", "curator_post", "school_website", NULL };
  const char *flags[] = { NULL, NULL, NULL };
  guint n_flags = 0;
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
  if (options->roadmap != NULL)
    attach_roadmap (content, options->roadmap);
  if (options->appoints_curator)
    flags[n_flags++] = "curator";
  flags[n_flags++] = options->roadmap != NULL ? "roadmap" : "no-roadmap";
  if (!nst_doc_require_values (content->values, needs, error) ||
      !nst_order_content_fill (content, template_text, flags, error))
    return NULL;
  nst_order_content_add_reader (content, g_hash_table_lookup (content->values, "curator_name"),
                                g_hash_table_lookup (content->values, "curator_post"));
  return g_steal_pointer (&content);
}
