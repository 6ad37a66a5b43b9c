/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include "docs/nst-pdf-private.h"

#define CAPTION_SIZE 8.0
#define GAP 6.0
#define RULE_WIDTH 0.5

static void
start_block (NstPdf *self,
             double  height)
{
  if (!self->has_page)
    nst_pdf_begin_document (self, NST_PDF_PORTRAIT);
  nst_pdf_ensure_space (self, height);
}

/* One line of text in the box from @x, @width wide, whose top is @top. */
static void
draw_text (NstPdf     *self,
           double      x,
           double      top,
           double      size,
           NstPdfAlign align,
           double      width,
           const char *markup)
{
  NstPdfStyle style = { size, align, FALSE, 0, 0, 0, 0, FALSE };
  g_autoptr(NstPdfLayout) layout = NULL;

  if (markup == NULL || *markup == '\0')
    return;
  /* Wide enough never to wrap: callers measured what they draw. */
  layout = nst_pdf_layout_new (self, &style, markup, MAX (width, nst_pdf_text_width (self, size, FALSE, markup) + 1));
  if (layout->lines->len > 0)
    nst_pdf_layout_draw_line (self, layout, 0, x, top);
}

/* A known fact on a ruled line: smaller when it would not fit. */
static double
fit_size (NstPdf     *self,
          double      size,
          double      width,
          const char *markup)
{
  while (size > 7 && nst_pdf_text_width (self, size, FALSE, markup) > width - 4)
    size -= 0.5;
  return size;
}

static void
draw_rule_with_caption (NstPdf     *self,
                        double      x,
                        double      width,
                        double      top,
                        double      size,
                        const char *value,
                        const char *caption)
{
  double leading = nst_pdf_leading (self, size);
  double baseline = nst_pdf_baseline (top, size, leading);
  double rule_y = baseline - 2;

  if (value != NULL && *value != '\0')
    {
      double value_size = fit_size (self, size, width, value);

      draw_text (self, x, top - (size - value_size) * 0.9125, value_size, NST_PDF_ALIGN_CENTER, width, value);
    }
  if (caption != NULL && *caption != '\0')
    draw_text (self, x, rule_y - 0.5, CAPTION_SIZE, NST_PDF_ALIGN_CENTER, width, caption);
  nst_pdf_stroke_line (self, x, rule_y, x + width, rule_y, RULE_WIDTH);
}

static gboolean
blanks_have_captions (const NstPdfBlank *blanks,
                      guint              n_blanks)
{
  for (guint i = 0; i < n_blanks; i++)
    if (blanks[i].caption != NULL && *blanks[i].caption != '\0')
      return TRUE;
  return FALSE;
}

/**
 * nst_pdf_blanks:
 *
 * A row of ruled blanks for what is written in by hand, each after its
 * label and with a small caption under it: «паспорт: серия ___ № ___».
 * The lines share the width the labels leave, by their weights; a row
 * too narrow for its labels becomes a row a blank.
 */
void
nst_pdf_blanks (NstPdf            *self,
                double             size,
                const NstPdfBlank *blanks,
                guint              n_blanks)
{
  double leading = nst_pdf_leading (self, size), free, weights = 0, x, top;
  double height = leading + (blanks_have_captions (blanks, n_blanks) ? nst_pdf_leading (self, CAPTION_SIZE) + 2 : 0);
  g_autofree double *label_widths = g_new0 (double, n_blanks);

  start_block (self, height);
  if (nst_pdf_failed (self))
    return;
  free = nst_pdf_get_text_width (self) - GAP * (n_blanks - 1);
  for (guint i = 0; i < n_blanks; i++)
    {
      if (blanks[i].label != NULL && *blanks[i].label != '\0')
        label_widths[i] = nst_pdf_text_width (self, size, FALSE, blanks[i].label) + 3;
      free -= label_widths[i];
      weights += blanks[i].weight;
    }
  if (n_blanks > 1 && free < 30 * n_blanks)
    {
      for (guint i = 0; i < n_blanks; i++)
        nst_pdf_blanks (self, size, &blanks[i], 1);
      return;
    }
  x = self->left;
  top = self->y;
  for (guint i = 0; i < n_blanks; i++)
    {
      double width = weights > 0 ? MAX (0, free) * blanks[i].weight / weights : 0;

      draw_text (self, x, top, size, NST_PDF_ALIGN_LEFT, label_widths[i], blanks[i].label);
      x += label_widths[i];
      if (width > 0)
        draw_rule_with_caption (self, x, width, top, size, blanks[i].value, blanks[i].caption);
      x += width + GAP;
    }
  self->y -= height;
  self->at_page_top = FALSE;
}

/* One blank to the right margin after @label. */
void
nst_pdf_blank (NstPdf     *self,
               double      size,
               const char *label,
               const char *caption)
{
  NstPdfBlank blank = { label, 1, caption, NULL };

  nst_pdf_blanks (self, size, &blank, 1);
}

/**
 * nst_pdf_signature:
 * @post: the signer's post, on the left; it may wrap
 * @name: «И.О. Фамилия», on the right, level with the post's last line
 *
 * The signature block of an order or a letter; the space between is for
 * the signature.
 */
void
nst_pdf_signature (NstPdf     *self,
                   double      size,
                   const char *post,
                   const char *name)
{
  NstPdfStyle left = { size, NST_PDF_ALIGN_LEFT, FALSE, 0, 0, 0, 0, FALSE };
  g_autoptr(NstPdfLayout) layout = NULL;
  double width, top;

  if (!self->has_page)
    nst_pdf_begin_document (self, NST_PDF_PORTRAIT);
  if (nst_pdf_failed (self))
    return;
  width = nst_pdf_get_text_width (self);
  layout = nst_pdf_layout_new (self, &left, post, width * 0.5);
  start_block (self, nst_pdf_layout_height (layout));
  top = self->y;
  for (guint i = 0; i < layout->lines->len; i++)
    nst_pdf_layout_draw_line (self, layout, i, self->left, top - i * layout->leading);
  top -= (MAX (layout->lines->len, 1) - 1) * layout->leading;
  draw_text (self, self->left, top, size, NST_PDF_ALIGN_RIGHT, width, name);
  self->y = top - layout->leading;
  self->at_page_top = FALSE;
}

/**
 * nst_pdf_sign_here:
 * @name: (nullable): the transcript of the signature, «И.О. Фамилия»;
 *   %NULL leaves it blank for the signer to write
 *
 * The end of a form: the date to write in on the left; the line for the
 * signature and its transcript on the right, with captions.
 */
void
nst_pdf_sign_here (NstPdf     *self,
                   double      size,
                   const char *name)
{
  const char *date = "«____» _______________ 20____ г.";
  double leading = nst_pdf_leading (self, size);
  double height = leading + nst_pdf_leading (self, CAPTION_SIZE);
  double width, date_width, name_width, sign_width, x, top;

  start_block (self, height);
  if (nst_pdf_failed (self))
    return;
  width = nst_pdf_get_text_width (self);
  date_width = nst_pdf_text_width (self, size, FALSE, date);
  name_width = MAX (width * 0.28, name ? nst_pdf_text_width (self, size, FALSE, name) + 8 : 0);
  sign_width = width * 0.22;
  if (date_width + GAP * 3 + sign_width + name_width > width)
    {
      nst_pdf_paragraph (self, &nst_pdf_style_form_plain, date);
      start_block (self, height);
      date_width = 0;
    }
  top = self->y;
  if (date_width > 0)
    draw_text (self, self->left, top, size, NST_PDF_ALIGN_LEFT, date_width, date);
  x = self->right - name_width;
  draw_rule_with_caption (self, x, name_width, top, size, name, "(расшифровка подписи)");
  draw_text (self, x - GAP * 1.5, top, size, NST_PDF_ALIGN_LEFT, GAP, "/");
  x -= GAP * 2 + sign_width;
  draw_rule_with_caption (self, x, sign_width, top, size, NULL, "(подпись)");
  self->y -= height;
  self->at_page_top = FALSE;
}

/**
 * nst_pdf_sign_row:
 * @role: who signs, on the left: «Наставник»
 * @role_width: points kept for the role, so that a column of rows lines
 *   up; 0 for the role's own width
 * @name: (nullable): the transcript, «И.О. Фамилия», printed on its line
 *
 * A signature line of a document several people sign: the role, a line
 * for the signature and one with its transcript, each with its caption.
 */
void
nst_pdf_sign_row (NstPdf     *self,
                  double      size,
                  const char *role,
                  double      role_width,
                  const char *name)
{
  double height = nst_pdf_leading (self, size) + nst_pdf_leading (self, CAPTION_SIZE);
  double width, name_width, sign_width, x, top;

  start_block (self, height);
  if (nst_pdf_failed (self))
    return;
  width = nst_pdf_get_text_width (self);
  role_width = MAX (role_width, nst_pdf_text_width (self, size, FALSE, role) + GAP);
  name_width = MAX (width * 0.3, name ? nst_pdf_text_width (self, size, FALSE, name) + 8 : 0);
  sign_width = MIN (width * 0.3, width - role_width - name_width - GAP * 3);
  top = self->y;
  draw_text (self, self->left, top, size, NST_PDF_ALIGN_LEFT, role_width, role);
  x = self->left + role_width;
  draw_rule_with_caption (self, x, sign_width, top, size, NULL, "(подпись)");
  x += sign_width + GAP;
  draw_text (self, x, top, size, NST_PDF_ALIGN_LEFT, GAP, "/");
  x += GAP * 2;
  draw_rule_with_caption (self, x, MIN (name_width, self->right - x), top, size, name, "(расшифровка подписи)");
  self->y -= height;
  self->at_page_top = FALSE;
}
