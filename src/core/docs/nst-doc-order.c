/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "schedule/nst-date.h"
#include "docs/nst-doc-private.h"
#include "docs/nst-docs.h"
#include "store/nst-store-orders.h"

/* Orders: the requisites of ГОСТ Р 7.0.97 around the text a kind of order
 * fills from its template, the director's signature, the executor's mark,
 * the appendices and the acknowledgement sheet; and the journal entry. */


static const NstPdfStyle style_document_kind = { 16, NST_PDF_ALIGN_CENTER, TRUE, 0, 0, 0, 0, TRUE };
static const NstPdfStyle style_organisation = { 14, NST_PDF_ALIGN_CENTER, TRUE, 0, 0, 0, 0, TRUE };
static const NstPdfStyle style_ordering = { 14, NST_PDF_ALIGN_LEFT, FALSE, 0, 0, 6, 6, TRUE };

/* ---- content ----------------------------------------------------------------- */

static void
reader_free (NstDocReader *reader)
{
  g_free (reader->name);
  g_free (reader->post);
  g_free (reader);
}

/**
 * nst_order_content_new:
 * @date: the order's date
 *
 * Returns: (transfer full): an order of @kind with no text yet, and the
 *   school's facts for its template
 */
NstOrderContent *
nst_order_content_new (const char  *kind,
                       NstSchool   *school,
                       const GDate *date)
{
  NstOrderContent *content = g_new0 (NstOrderContent, 1);

  content->kind = g_strdup (kind);
  content->date = *date;
  content->readers = g_ptr_array_new_with_free_func ((GDestroyNotify) reader_free);
  content->values = nst_doc_school_values (school, date);
  return content;
}

void
nst_order_content_free (NstOrderContent *content)
{
  if (content == NULL)
    return;
  if (content->appendix_destroy != NULL)
    content->appendix_destroy (content->appendix_data);
  g_free (content->kind);
  g_free (content->heading);
  g_clear_pointer (&content->blocks, g_ptr_array_unref);
  g_ptr_array_unref (content->readers);
  g_hash_table_unref (content->values);
  g_free (content);
}

/**
 * nst_order_content_fill:
 * @template_text: the text of the order with its {fields}
 *
 * Fills the heading and the text from the template and the facts.
 */
gboolean
nst_order_content_fill (NstOrderContent    *content,
                        const char         *template_text,
                        const char *const  *flags,
                        GError            **error)
{
  g_clear_pointer (&content->heading, g_free);
  g_clear_pointer (&content->blocks, g_ptr_array_unref);
  return nst_doc_require_values (content->values, nst_doc_order_facts, error) &&
         nst_doc_template_expand (template_text, content->values, flags,
                                  &content->heading, &content->blocks, error);
}

/* Everyone the order names signs the acknowledgement sheet. */
void
nst_order_content_add_reader (NstOrderContent *content,
                              const char      *name,
                              const char      *post)
{
  NstDocReader *reader = g_new0 (NstDocReader, 1);

  reader->name = g_strdup (name ? name : "");
  reader->post = g_strdup (post ? post : "");
  g_ptr_array_add (content->readers, reader);
}

/* «3.», «3.1.»: the points numbered again after one is inserted. */
static void
renumber_points (GPtrArray *blocks)
{
  guint point = 0, sub_point = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      NstOrderBlock *block = g_ptr_array_index (blocks, i);

      if (block->type != NST_ORDER_BLOCK_POINT)
        continue;
      g_free (block->number);
      if (block->level == 1)
        {
          block->number = g_strdup_printf ("%u.", ++point);
          sub_point = 0;
        }
      else
        block->number = g_strdup_printf ("%u.%u.", MAX (point, 1), ++sub_point);
    }
}

/**
 * nst_order_content_insert_point:
 * @text: (transfer full): the point's text, plain
 *
 * Adds a point before the last one (the director's control), numbered
 * with the others: what an order says beside its template's text.
 */
void
nst_order_content_insert_point (NstOrderContent *content,
                                char            *text)
{
  NstOrderBlock *block = g_new0 (NstOrderBlock, 1);
  guint at = content->blocks->len;

  for (guint i = 0; i < content->blocks->len; i++)
    {
      NstOrderBlock *b = g_ptr_array_index (content->blocks, i);

      if (b->type == NST_ORDER_BLOCK_POINT && b->level == 1)
        at = i;
    }
  block->type = NST_ORDER_BLOCK_POINT;
  block->level = 1;
  block->text = text;
  g_ptr_array_insert (content->blocks, at, block);
  renumber_points (content->blocks);
}

/**
 * nst_order_content_supersede:
 * @previous: the earlier order this one replaces, as a second curator
 *   appointment replaces the first
 *
 * Adds the point «Признать утратившим силу приказ от … № … «…».» before
 * the last point (the director's control), so that two orders on the same
 * matter are not both in force.
 */
void
nst_order_content_supersede (NstOrderContent *content,
                             NstOrder        *previous)
{
  g_autofree char *reference = nst_order_dup_reference (previous);

  nst_order_content_insert_point (content, g_strdup_printf ("Признать утратившим силу приказ %s «%s».", reference,
                                                            nst_order_get_heading (previous)));
}

/* ---- the document -------------------------------------------------------------- */

static const char *
value (NstOrderContent *content,
       const char      *key)
{
  const char *text = g_hash_table_lookup (content->values, key);

  return text ? text : "";
}

static void
draw_requisites (NstPdf          *pdf,
                 NstOrder        *order,
                 NstOrderContent *content)
{
  g_autofree char *organisation = g_markup_printf_escaped ("%s\n(%s)", value (content, "school_full_name"),
                                                           value (content, "school_short_name"));
  g_autofree char *date = nst_date_format_ru (&content->date);
  g_autofree char *number = nst_order_dup_registration_number (order);
  g_autofree char *number_markup = g_markup_printf_escaped ("№ %s", number ? number : "________");
  g_autofree char *place = nst_doc_place (value (content, "school_city"));
  g_autofree char *place_markup = g_markup_escape_text (place, -1);
  g_autofree char *heading = g_markup_escape_text (content->heading, -1);

  nst_pdf_paragraph (pdf, &style_organisation, organisation);
  nst_pdf_space (pdf, 18);
  nst_pdf_paragraph (pdf, &style_document_kind, "ПРИКАЗ");
  nst_pdf_space (pdf, 12);
  nst_pdf_left_right (pdf, &nst_pdf_style_plain, date, number_markup);
  nst_pdf_paragraph (pdf, &nst_pdf_style_center, place_markup);
  nst_pdf_space (pdf, 18);
  nst_pdf_paragraph (pdf, &nst_pdf_style_title, heading);
  nst_pdf_space (pdf, 12);
}

/* ГОСТ: two or three blank lines between the text and the signature. */
#define SIGNATURE_GAP (3 * 14 * 1.15)

static double
signature_height (NstPdf          *pdf,
                  NstOrderContent *content)
{
  g_autofree char *post = g_markup_escape_text (value (content, "director_post"), -1);
  NstPdfStyle style = nst_pdf_style_plain;

  return SIGNATURE_GAP + nst_pdf_measure (pdf, &style, post, nst_pdf_get_text_width (pdf) * 0.5);
}

static char *
block_markup (NstOrderBlock      *block,
              const NstPdfStyle **style)
{
  *style = block->type == NST_ORDER_BLOCK_ORDERING ? &style_ordering : &nst_pdf_style_body;
  if (block->type == NST_ORDER_BLOCK_POINT)
    return g_markup_printf_escaped ("%s %s", block->number, block->text);
  return g_markup_escape_text (block->text, -1);
}

static void
draw_signature (NstPdf          *pdf,
                NstOrderContent *content)
{
  g_autofree char *post = g_markup_escape_text (value (content, "director_post"), -1);
  g_autofree char *name = g_markup_escape_text (value (content, "director_signature"), -1);

  nst_pdf_ensure_space (pdf, signature_height (pdf, content));
  nst_pdf_space (pdf, SIGNATURE_GAP);
  nst_pdf_signature (pdf, 14, post, name);
}

/* The executor's mark: who prepared the order and their phone, small at
 * the bottom left of its last page. The curator drafts these orders. */
static void
draw_executor (NstPdf          *pdf,
               NstOrderContent *content)
{
  const char *name = g_hash_table_lookup (content->values, "curator_name");
  const char *phone = g_hash_table_lookup (content->values, "school_phone");
  g_autofree char *markup = NULL;

  if (name == NULL)
    return;
  markup = phone ? g_markup_printf_escaped ("%s\n%s", name, phone) : g_markup_escape_text (name, -1);
  nst_pdf_bottom_note (pdf, 10, markup);
}

typedef struct
{
  NstOrderContent   *content;
  const NstPdfStyle *style;
  const char        *last;     /* (nullable) the last paragraph's markup */
} Ending;

static void
draw_ending (NstPdf   *pdf,
             gpointer  user_data)
{
  Ending *ending = user_data;

  if (ending->last != NULL)
    nst_pdf_paragraph (pdf, ending->style, ending->last);
  draw_signature (pdf, ending->content);
  draw_executor (pdf, ending->content);
}

/* The text, the signature and the executor's mark. Neither the signature
 * nor the mark ever stands alone on a page: they go together, and with
 * the last paragraph when it is short, to the next page when they do not
 * fit. */
static void
draw_body (NstPdf          *pdf,
           NstOrderContent *content)
{
  Ending ending = { content, NULL, NULL };
  g_autofree char *last = NULL;

  for (guint i = 0; i < content->blocks->len; i++)
    {
      const NstPdfStyle *style;
      g_autofree char *markup = block_markup (g_ptr_array_index (content->blocks, i), &style);

      if (i == content->blocks->len - 1 &&
          nst_pdf_measure (pdf, style, markup, 0) <= 4 * style->size * 1.15)
        {
          ending.style = style;
          ending.last = last = g_steal_pointer (&markup);
          break;
        }
      nst_pdf_paragraph (pdf, style, markup);
    }
  nst_pdf_keep_together (pdf, draw_ending, &ending);
}

static void
draw_acknowledgement (NstPdf          *pdf,
                      NstOrder        *order,
                      NstOrderContent *content)
{
  static const NstPdfColumn columns[] = {
    { 0.7, NST_PDF_ALIGN_CENTER, FALSE },
    { 3.2, NST_PDF_ALIGN_LEFT, FALSE },
    { 2.8, NST_PDF_ALIGN_LEFT, FALSE },
    { 1.7, NST_PDF_ALIGN_LEFT, FALSE },
    { 2.0, NST_PDF_ALIGN_LEFT, FALSE },
  };
  static const char *const header[] = {
    "№\nп/п", "Фамилия, имя, отчество", "Должность", "Подпись", "Дата ознакомления",
  };
  g_autofree char *reference = nst_order_dup_reference (order);
  g_autofree char *subtitle = g_markup_printf_escaped ("с приказом %s «%s»", reference, content->heading);
  g_autoptr(NstPdfTable) table = NULL;

  if (content->readers->len == 0)
    return;
  nst_pdf_new_page (pdf);
  nst_pdf_paragraph (pdf, &nst_pdf_style_title, "ЛИСТ ОЗНАКОМЛЕНИЯ");
  nst_pdf_paragraph (pdf, &nst_pdf_style_center, subtitle);
  nst_pdf_space (pdf, 12);
  table = nst_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 12);
  nst_pdf_table_set_header (table, header);
  nst_pdf_table_set_min_lines (table, 2);
  for (guint i = 0; i < content->readers->len; i++)
    {
      NstDocReader *reader = g_ptr_array_index (content->readers, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = g_markup_escape_text (reader->name, -1);
      g_autofree char *post = g_markup_escape_text (reader->post, -1);
      const char *row[] = { number, name, post, "", "" };

      nst_pdf_table_add_row (table, row);
    }
}

/**
 * nst_doc_order:
 * @order: the journal entry: its date and number (none for a draft)
 *
 * Draws an order: requisites, text, signature, executor's mark,
 * appendices, acknowledgement sheet; a draft with «ПРОЕКТ» atop each
 * page.
 */
gboolean
nst_doc_order (NstPdf           *pdf,
               NstSchool        *school,
               NstOrder         *order,
               NstOrderContent  *content,
               GError          **error)
{
  g_autofree char *reference = nst_order_dup_reference (order);
  g_autofree char *title = g_strdup_printf ("Приказ %s «%s»", reference, content->heading);

  g_return_val_if_fail (content->heading != NULL && content->blocks != NULL, FALSE);

  if (!nst_doc_require_values (content->values, nst_doc_order_facts, error))
    return FALSE;
  nst_pdf_set_title (pdf, title);
  /* A draft has no number yet; «ПРОЕКТ» on each of its pages keeps it
   * from passing for the order itself. */
  nst_pdf_set_page_mark (pdf, nst_order_get_number (order) == 0 ? "ПРОЕКТ" : NULL);
  nst_pdf_begin_document (pdf, NST_PDF_PORTRAIT);
  draw_requisites (pdf, order, content);
  draw_body (pdf, content);
  if (content->appendix != NULL)
    content->appendix (pdf, order, content->appendix_data);
  /* An appendix may have turned the pages to landscape. */
  nst_pdf_set_orientation (pdf, NST_PDF_PORTRAIT);
  draw_acknowledgement (pdf, order, content);
  nst_pdf_set_page_mark (pdf, NULL);
  return nst_pdf_check (pdf, error);
}

/**
 * nst_doc_appendix_mark:
 *
 * Starts appendix @number of an order on a new page, in the orientation
 * set with nst_pdf_set_orientation(), with its mark at the top right:
 * «Приложение 1 к приказу от 15.11.2025 № 219 о-д»; a single appendix,
 * @number 0, is not numbered.
 */
void
nst_doc_appendix_mark (NstPdf   *pdf,
                       guint     number,
                       NstOrder *order)
{
  NstPdfStyle style = nst_pdf_style_plain;
  g_autofree char *reference = nst_order_dup_reference (order);
  g_autofree char *markup = number > 0 ? g_markup_printf_escaped ("Приложение %u\nк приказу %s", number, reference)
                                       : g_markup_printf_escaped ("Приложение\nк приказу %s", reference);

  nst_pdf_new_page (pdf);
  style.left_indent = nst_pdf_get_text_width (pdf) * 0.55;
  nst_pdf_paragraph (pdf, &style, markup);
  nst_pdf_space (pdf, 12);
}

/* ---- the journal -------------------------------------------------------------- */

static GBytes *
render (NstSchool        *school,
        NstOrder         *order,
        NstOrderContent  *content,
        GError          **error)
{
  g_autoptr(NstPdf) pdf = nst_pdf_new (error);

  if (pdf == NULL || !nst_doc_order (pdf, school, order, content, error))
    return NULL;
  return nst_pdf_save_to_bytes (pdf, error);
}

/* Numbers the order, draws it, registers it, applies it to the registry
 * and saves it, all or nothing: the file comes last, so that a refusal
 * leaves none. */
static GBytes *
register_and_render (NstStore         *store,
                     NstSchool        *school,
                     NstOrder         *order,
                     NstOrderContent  *content,
                     const char       *path,
                     gboolean         *written,
                     GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guint number;

  if (!nst_store_next_order_number (store, nst_order_get_year (order), &number, error))
    return NULL;
  nst_order_set_number (order, number, nst_school_get_text (school, "order-suffix"));
  if ((bytes = render (school, order, content, error)) == NULL)
    return NULL;
  if (!nst_store_add_order (store, order, bytes, error))
    return NULL;
  if (content->registered != NULL && !content->registered (store, order, content->appendix_data, error))
    return NULL;
  if (path != NULL && !(*written = nst_write_file_atomically (path, bytes, error)))
    return NULL;
  return g_steal_pointer (&bytes);
}

/**
 * nst_doc_order_issue:
 * @store: (nullable): the journal; may be %NULL for a draft
 * @draft: print without a number and leave the journal alone
 * @path: (nullable): where to save the PDF
 * @pdf_bytes: (out) (optional) (transfer full): the PDF
 *
 * Prints an order. Unless a draft, it takes the next number of its
 * calendar year, goes into the journal with its PDF and makes the changes
 * to the registry it orders (@content's registered function), in one
 * transaction: a failure or a refusal anywhere leaves neither a journal
 * entry, nor a change, nor a file.
 *
 * Returns: (transfer full) (nullable): the order as registered
 */
NstOrder *
nst_doc_order_issue (NstStore         *store,
                     NstSchool        *school,
                     NstOrderContent  *content,
                     gboolean          draft,
                     const char       *path,
                     GBytes          **pdf_bytes,
                     GError          **error)
{
  g_autofree char *date = nst_date_format_iso (&content->date);
  g_autoptr(NstOrder) order = nst_order_new (content->kind, content->heading, date);
  g_autoptr(GBytes) bytes = NULL;
  gboolean written = FALSE;

  g_return_val_if_fail (draft || store != NULL, NULL);

  if (draft)
    {
      if ((bytes = render (school, order, content, error)) == NULL ||
          (path != NULL && !nst_write_file_atomically (path, bytes, error)))
        return NULL;
    }
  else
    {
      if (!nst_store_begin (store, error))
        return NULL;
      bytes = register_and_render (store, school, order, content, path, &written, error);
      if (bytes == NULL || !nst_store_commit (store, error))
        {
          nst_store_rollback (store);
          if (written)
            g_unlink (path);
          return NULL;
        }
    }
  if (pdf_bytes != NULL)
    *pdf_bytes = g_steal_pointer (&bytes);
  return g_steal_pointer (&order);
}

/**
 * nst_doc_order_record:
 *
 * Puts an order into the journal as nst_doc_order_issue() does, with the
 * next number, its PDF and @content's changes, but inside the caller's
 * transaction and without a file: for a history written in one go, as
 * the example school's.
 *
 * Returns: (transfer full) (nullable): the order as registered
 */
NstOrder *
nst_doc_order_record (NstStore         *store,
                      NstSchool        *school,
                      NstOrderContent  *content,
                      GError          **error)
{
  g_autofree char *date = nst_date_format_iso (&content->date);
  g_autoptr(NstOrder) order = nst_order_new (content->kind, content->heading, date);
  g_autoptr(GBytes) bytes = NULL;
  gboolean written = FALSE;

  bytes = register_and_render (store, school, order, content, NULL, &written, error);
  return bytes != NULL ? g_steal_pointer (&order) : NULL;
}

/**
 * nst_doc_order_reprint:
 * @order: (out) (optional) (transfer full): the order reprinted
 *
 * Writes the PDF of an order in the journal, as it was issued, to @path:
 * an order is reprinted, never issued twice for the same pairs.
 */
gboolean
nst_doc_order_reprint (NstStore     *store,
                       gint64        order_id,
                       const char   *path,
                       NstOrder    **order,
                       GError      **error)
{
  g_autoptr(NstOrder) found = nst_store_get_order (store, order_id, error);
  g_autoptr(GBytes) pdf = NULL;

  if (found == NULL || (pdf = nst_store_get_order_pdf (store, order_id, error)) == NULL ||
      !nst_write_file_atomically (path, pdf, error))
    return FALSE;
  if (order != NULL)
    *order = g_steal_pointer (&found);
  return TRUE;
}
