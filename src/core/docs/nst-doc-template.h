/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "model/nst-school.h"

G_BEGIN_DECLS

/* The text of an order as a template the school can edit: the heading on
 * the first line, paragraphs between blank lines, «ПРИКАЗЫВАЮ:» on its own,
 * points as «* » and sub-points as «** » (numbered when printed), a leading
 * «[flag] » keeps a paragraph only when the flag is set, «#» starts a
 * comment line, and {field} stands for a fact from the registry («{{» and
 * «}}» for braces). The standard texts are in templates/ as data. */

typedef enum
{
  NST_ORDER_BLOCK_TEXT,      /* a paragraph of the preamble or after the points */
  NST_ORDER_BLOCK_ORDERING,  /* «ПРИКАЗЫВАЮ:» */
  NST_ORDER_BLOCK_POINT,     /* a numbered point or sub-point */
} NstOrderBlockType;

typedef struct
{
  NstOrderBlockType type;
  guint level;               /* 1 a point, 2 a sub-point */
  char *number;              /* «2.», «2.1.» for points, else NULL */
  char *text;                /* plain text, fields filled in */
} NstOrderBlock;

void        nst_order_block_free          (NstOrderBlock  *block);

char       *nst_doc_template_load_default (const char     *name,
                                           GError        **error);
gboolean    nst_doc_template_expand       (const char     *text,
                                           GHashTable     *values,
                                           const char *const *flags,
                                           char          **heading,
                                           GPtrArray     **blocks,
                                           GError        **error);
char       *nst_doc_fill_fields           (const char     *text,
                                           GHashTable     *values,
                                           GError        **error);

/* The facts templates may use: the school's details, the date, the
 * curator's name and post in the cases orders need (…_acc, …_gen,
 * …_dat); a school detail left empty is there with a %NULL value, so that
 * using it says what to fill in. */
GHashTable *nst_doc_school_values         (NstSchool      *school,
                                           const GDate    *date);
gboolean    nst_doc_require_values        (GHashTable     *values,
                                           const char *const *keys,
                                           GError        **error);

/* The school's facts a kind of document is never printed without; the
 * documents require them from these lists, and the window asks for them
 * before it asks where to save. */
extern const char *const nst_doc_list_facts[];      /* registry, roadmap, programme */
extern const char *const nst_doc_consent_facts[];   /* the operator of every consent form */
extern const char *const nst_doc_order_facts[];     /* the requisites of every order */
gboolean    nst_doc_check_school_facts    (NstSchool      *school,
                                           const char *const *facts,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstOrderBlock, nst_order_block_free)

G_END_DECLS
