/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "docs/nst-pdf-private.h"

/* Debian's fonts-liberation2 (metrically Times New Roman) and, for what it
 * lacks, fonts-paratype. */
#define FONT_DIR_LIBERATION "/usr/share/fonts/truetype/liberation2/"
#define FONT_DIR_PARATYPE "/usr/share/fonts/truetype/paratype/"

static const char *const main_font_files[NST_PDF_N_FACES] = {
  FONT_DIR_LIBERATION "LiberationSerif-Regular.ttf",
  FONT_DIR_LIBERATION "LiberationSerif-Bold.ttf",
};
static const char *const fallback_font_files[NST_PDF_N_FACES] = {
  FONT_DIR_PARATYPE "PTF55F.ttf",
  FONT_DIR_PARATYPE "PTF75F.ttf",
};

/* ГОСТ Р 7.0.97: left 30 mm for documents kept over ten years, 20 mm
 * for the others (the forms). */
#define MARGIN_LEFT   NST_MM (30)
#define MARGIN_LEFT_FORM NST_MM (20)
#define MARGIN_RIGHT  NST_MM (10)
#define MARGIN_TOP    NST_MM (20)
#define MARGIN_BOTTOM NST_MM (20)
#define PAGE_NUMBER_SIZE 12.0
#define PAGE_MARK_SIZE 14.0

const NstPdfStyle nst_pdf_style_body = { 14, NST_PDF_ALIGN_JUSTIFY, FALSE, NST_MM (12.5), 0, 0, 0, FALSE };
const NstPdfStyle nst_pdf_style_plain = { 14, NST_PDF_ALIGN_LEFT, FALSE, 0, 0, 0, 0, FALSE };
const NstPdfStyle nst_pdf_style_title = { 14, NST_PDF_ALIGN_CENTER, TRUE, 0, 0, 0, 0, TRUE };
const NstPdfStyle nst_pdf_style_center = { 14, NST_PDF_ALIGN_CENTER, FALSE, 0, 0, 0, 0, FALSE };
const NstPdfStyle nst_pdf_style_form = { 12, NST_PDF_ALIGN_JUSTIFY, FALSE, NST_MM (12.5), 0, 0, 0, FALSE };
const NstPdfStyle nst_pdf_style_form_plain = { 12, NST_PDF_ALIGN_LEFT, FALSE, 0, 0, 0, 0, FALSE };
const NstPdfStyle nst_pdf_style_small = { 10, NST_PDF_ALIGN_LEFT, FALSE, 0, 0, 0, 0, FALSE };

G_DEFINE_QUARK (nst-pdf-error-quark, nst_pdf_error)

/* ---- errors ---------------------------------------------------------------- */

/* Keeps the first error; later ones are usually its consequences. */
void
nst_pdf_fail (NstPdf *self,
              GError *error)
{
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
}

gboolean
nst_pdf_failed (NstPdf *self)
{
  return self->error != NULL;
}

static void
error_cb (HPDF_STATUS  error_no,
          HPDF_STATUS  detail_no,
          void        *user_data)
{
  NstPdf *self = user_data;
  GError *error;

  switch (error_no)
    {
    case HPDF_FAILD_TO_ALLOC_MEM:
      error = g_error_new (NST_PDF_ERROR, NST_PDF_ERROR_FAILED,
                           _("Not enough memory to make the document"));
      break;
    case HPDF_TTF_INVALID_CMAP:
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_MISSING_TABLE:
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
    case HPDF_INVALID_FONTDEF_DATA:
      error = g_error_new (NST_PDF_ERROR, NST_PDF_ERROR_FONT,
                           _("A font file cannot be used (PDF library error 0x%04X)"),
                           (guint) error_no);
      break;
    default:
      error = g_error_new (NST_PDF_ERROR, NST_PDF_ERROR_FAILED,
                           _("The PDF library failed (error 0x%04X, detail %u)"),
                           (guint) error_no, (guint) detail_no);
      break;
    }
  nst_pdf_fail (self, error);
}

/**
 * nst_pdf_check:
 *
 * Returns: %FALSE with @error set when anything drawn so far failed
 */
gboolean
nst_pdf_check (NstPdf  *self,
               GError **error)
{
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  return TRUE;
}

/* ---- the document -------------------------------------------------------- */

static const char *
load_font (NstPdf      *self,
           const char  *path,
           const char  *package,
           GError     **error)
{
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_FONT,
                   _("The font file %s is missing: install the package %s"), path, package);
      return NULL;
    }
  name = HPDF_LoadTTFontFromFile (self->doc, path, HPDF_TRUE);
  if (name == NULL || self->error != NULL)
    {
      if (self->error != NULL)
        g_propagate_prefixed_error (error, g_steal_pointer (&self->error), "%s: ", path);
      else
        g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_FONT,
                     _("The font file %s cannot be read"), path);
      return NULL;
    }
  return name;
}

/**
 * nst_pdf_new:
 *
 * A new, empty PDF with its fonts loaded. One #NstPdf can hold many
 * documents (see nst_pdf_begin_document()): fonts are loaded and embedded
 * once.
 *
 * Returns: (transfer full) (nullable): the PDF, or %NULL with @error set
 *   when a font is missing
 */
NstPdf *
nst_pdf_new (GError **error)
{
  g_autoptr(NstPdf) self = g_new0 (NstPdf, 1);

  self->doc = HPDF_New (error_cb, self);
  if (self->doc == NULL)
    {
      g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_FAILED,
                   _("Not enough memory to make the document"));
      return NULL;
    }
  HPDF_SetCompressionMode (self->doc, HPDF_COMP_ALL);
  self->margin_left = MARGIN_LEFT;
  for (guint face = 0; face < NST_PDF_N_FACES; face++)
    {
      self->main_font[face] = load_font (self, main_font_files[face], "fonts-liberation2", error);
      if (self->main_font[face] == NULL)
        return NULL;
      self->main_def[face] = HPDF_GetFontDef (self->doc, self->main_font[face]);
    }
  HPDF_SetInfoAttr (self->doc, HPDF_INFO_CREATOR, "Nastavnik " PACKAGE_VERSION);
  if (!nst_pdf_check (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
nst_pdf_free (NstPdf *self)
{
  if (self == NULL)
    return;
  if (self->doc != NULL)
    HPDF_Free (self->doc);
  g_clear_error (&self->error);
  g_free (self->page_mark);
  g_free (self);
}

/* The fallback face, loaded the first time a character needs it. */
const char *
nst_pdf_fallback_font (NstPdf *self,
                       guint   face)
{
  g_autoptr(GError) error = NULL;

  if (self->fallback_font[face] == NULL)
    {
      self->fallback_font[face] = load_font (self, fallback_font_files[face], "fonts-paratype", &error);
      if (self->fallback_font[face] == NULL)
        nst_pdf_fail (self, g_steal_pointer (&error));
    }
  return self->fallback_font[face];
}

void
nst_pdf_set_title (NstPdf     *self,
                   const char *title)
{
  /* Info strings go out as UTF-16 only through the UTF-8 encoder. */
  nst_pdf_enable_utf8 (self);
  HPDF_SetCurrentEncoder (self->doc, "UTF-8");
  HPDF_SetInfoAttr (self->doc, HPDF_INFO_TITLE, title);
}

/* ---- fonts and encodings ------------------------------------------------- */

/* Here, under the pages, because a page draws its number: the text layout
 * (nst-pdf-text.c) sits on this file, not the reverse. */

/* Unicode of the bytes 0x80..0xFF of Windows-1251 (0 where none). */
static const guint16 cp1251_high[128] = {
  0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
  0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
  0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
  0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
  0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
  0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
  0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
};

/* Windows-1252 differs from Latin-1 only in 0x80..0x9F. */
static const guint16 cp1252_high[32] = {
  0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000,
  0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,
};

static gunichar
enc_char (NstPdfEnc enc,
          guint     byte)
{
  if (byte < 0x20)
    return 0;
  if (byte < 0x80)
    return byte;
  if (enc == NST_PDF_ENC_CP1251)
    return byte >= 0xC0 ? 0x0410 + (byte - 0xC0) : cp1251_high[byte - 0x80];
  return byte < 0xA0 ? cp1252_high[byte - 0x80] : byte;
}

/* The byte of @c in @enc, or 0. */
guint8
nst_pdf_enc_byte (NstPdfEnc enc,
                  gunichar  c)
{
  if (c >= 0x20 && c < 0x80)
    return c;
  if (enc == NST_PDF_ENC_CP1251)
    {
      if (c >= 0x0410 && c <= 0x044F)
        return 0xC0 + (c - 0x0410);
      for (guint i = 0; i < 64; i++)
        if (cp1251_high[i] == c)
          return 0x80 + i;
      return 0;
    }
  if (c >= 0xA0 && c <= 0xFF)
    return c;
  for (guint i = 0; i < 32; i++)
    if (cp1252_high[i] == c)
      return 0x80 + i;
  return 0;
}

void
nst_pdf_enable_utf8 (NstPdf *self)
{
  if (!self->utf8_ready)
    {
      HPDF_UseUTFEncodings (self->doc);
      self->utf8_ready = TRUE;
    }
}

/**
 * nst_pdf_slot_font:
 *
 * The font of a face and an encoding, made on first use; for the
 * single-byte encodings, with the widths of its 256 codes.
 */
HPDF_Font
nst_pdf_slot_font (NstPdf *self,
                   guint   slot)
{
  NstPdfFontSlot *s = &self->slots[slot];
  guint face = slot / NST_PDF_N_ENCS;
  NstPdfEnc enc = slot % NST_PDF_N_ENCS;
  const char *name = self->main_font[face];

  if (s->font != NULL)
    return s->font;
  switch (enc)
    {
    case NST_PDF_ENC_CP1251:
      s->font = HPDF_GetFont (self->doc, name, "CP1251");
      break;
    case NST_PDF_ENC_CP1252:
      s->font = HPDF_GetFont (self->doc, name, "CP1252");
      break;
    case NST_PDF_ENC_UTF8_FALLBACK:
      name = nst_pdf_fallback_font (self, face);
      G_GNUC_FALLTHROUGH;
    case NST_PDF_ENC_UTF8_MAIN:
    case NST_PDF_N_ENCS:
    default:
      nst_pdf_enable_utf8 (self);
      if (name != NULL)
        s->font = HPDF_GetFont (self->doc, name, "UTF-8");
      return s->font;
    }
  for (guint b = 0; s->font != NULL && b < 256; b++)
    {
      gunichar c = enc_char (enc, b);

      s->widths[b] = c ? HPDF_Font_GetUnicodeWidth (s->font, c) : 0;
    }
  return s->font;
}

/* ---- pages --------------------------------------------------------------- */

/* The width of a number as nst_pdf_text_width() measures it (each
 * character's width rounded to a float, then summed), without the text
 * layout above this file. */
static double
digits_width (NstPdf     *self,
              guint       slot,
              double      size,
              const char *digits)
{
  double width = 0;

  if (nst_pdf_slot_font (self, slot) == NULL)
    return 0;
  for (const char *d = digits; *d; d++)
    width += (float) (self->slots[slot].widths[(guint8) *d] * size / 1000.0);
  return width;
}

static void
draw_page_number (NstPdf *self)
{
  guint slot = NST_PDF_SLOT (0, NST_PDF_ENC_CP1251);
  g_autofree char *number = g_strdup_printf ("%u", self->page_in_document);
  double width = digits_width (self, slot, PAGE_NUMBER_SIZE, number);
  /* Centred over the text area, in the middle of the top margin. */
  double x = (self->left + self->right - width) / 2;
  double y = self->page_height - MARGIN_TOP / 2 - PAGE_NUMBER_SIZE * 0.3;

  if (self->dry_run)
    return;
  HPDF_Page_BeginText (self->page);
  nst_pdf_use_font (self, nst_pdf_slot_font (self, slot), PAGE_NUMBER_SIZE);
  nst_pdf_use_word_space (self, 0);
  HPDF_Page_TextOut (self->page, x, y, number);
  HPDF_Page_EndText (self->page);
}

/* The page mark at the top right, in the top margin beside the page
 * number: it stays out of the text's flow, so that no page breaks
 * differently for it. Drawn here rather than by the text layout, which
 * itself starts pages; its letters are Russian, in CP1251. */
static void
draw_page_mark (NstPdf *self)
{
  guint slot = NST_PDF_SLOT (1, NST_PDF_ENC_CP1251);
  GString *bytes = g_string_new (NULL);
  g_autofree char *text = NULL;
  double width = 0, x, y;

  if (self->dry_run || nst_pdf_slot_font (self, slot) == NULL)
    {
      g_string_free (bytes, TRUE);
      return;
    }
  for (const char *p = self->page_mark; *p; p = g_utf8_next_char (p))
    {
      guint8 b = nst_pdf_enc_byte (NST_PDF_ENC_CP1251, g_utf8_get_char (p));

      if (b == 0)
        continue;
      g_string_append_c (bytes, b);
      width += (float) (self->slots[slot].widths[b] * PAGE_MARK_SIZE / 1000.0);
    }
  text = g_string_free (bytes, FALSE);
  x = self->right - width;
  y = self->page_height - MARGIN_TOP / 2 - PAGE_MARK_SIZE * 0.3;
  HPDF_Page_BeginText (self->page);
  nst_pdf_use_font (self, nst_pdf_slot_font (self, slot), PAGE_MARK_SIZE);
  nst_pdf_use_word_space (self, 0);
  HPDF_Page_TextOut (self->page, x, y, text);
  HPDF_Page_EndText (self->page);
}

void
nst_pdf_new_page (NstPdf *self)
{
  HPDF_PageDirection direction =
    self->orientation == NST_PDF_LANDSCAPE ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT;

  if (nst_pdf_failed (self))
    return;
  if (self->dry_run)
    {
      /* A4 in points, as libharu sets it. */
      self->page_width = direction == HPDF_PAGE_LANDSCAPE ? 842 : 595;
      self->page_height = direction == HPDF_PAGE_LANDSCAPE ? 595 : 842;
      self->dry_pages++;
    }
  else
    {
      self->page = HPDF_AddPage (self->doc);
      if (self->page == NULL)
        return;
      HPDF_Page_SetSize (self->page, HPDF_PAGE_SIZE_A4, direction);
      self->page_width = HPDF_Page_GetWidth (self->page);
      self->page_height = HPDF_Page_GetHeight (self->page);
    }
  self->has_page = TRUE;
  self->left = self->margin_left;
  self->right = self->page_width - MARGIN_RIGHT;
  self->top = self->page_height - MARGIN_TOP;
  self->bottom = MARGIN_BOTTOM;
  self->y = self->top;
  self->at_page_top = TRUE;
  self->state_font = NULL;
  self->state_size = 0;
  self->state_word_space = 0;
  self->page_in_document++;
  self->n_pages++;
  if (self->page_in_document >= 2)
    draw_page_number (self);
  if (self->page_mark != NULL)
    draw_page_mark (self);
}

/**
 * nst_pdf_set_page_mark:
 * @text: (nullable): plain Russian text, bold at the top right of every
 *   page from the next one on, as «ПРОЕКТ» on a draft; %NULL for none
 */
void
nst_pdf_set_page_mark (NstPdf     *self,
                       const char *text)
{
  g_free (self->page_mark);
  self->page_mark = g_strdup (text);
}

/**
 * nst_pdf_begin_document:
 *
 * Starts a document on a new page of the given orientation; its pages are
 * numbered from 1, and the number is shown from page 2.
 */
void
nst_pdf_begin_document (NstPdf            *self,
                        NstPdfOrientation  orientation)
{
  self->orientation = orientation;
  self->page_in_document = 0;
  self->margin_left = MARGIN_LEFT;
  nst_pdf_new_page (self);
}

/**
 * nst_pdf_begin_form:
 *
 * Starts a form that a person fills in and signs (a consent): portrait,
 * and with the 20 mm left margin of a document kept for less than ten
 * years, which leaves a one-page form room for its signature.
 */
void
nst_pdf_begin_form (NstPdf *self)
{
  self->orientation = NST_PDF_PORTRAIT;
  self->page_in_document = 0;
  self->margin_left = MARGIN_LEFT_FORM;
  nst_pdf_new_page (self);
}

/**
 * nst_pdf_pad_to_even:
 *
 * Ends the document on an even page: after an odd count, a blank page
 * (no number, no mark), so that a batch printed on both sides of the
 * sheet never puts two documents, two people's consents, on one sheet.
 */
void
nst_pdf_pad_to_even (NstPdf *self)
{
  HPDF_PageDirection direction =
    self->orientation == NST_PDF_LANDSCAPE ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT;

  if (!self->has_page || self->dry_run || nst_pdf_failed (self) || self->page_in_document % 2 == 0)
    return;
  self->page = HPDF_AddPage (self->doc);
  if (self->page == NULL)
    return;
  HPDF_Page_SetSize (self->page, HPDF_PAGE_SIZE_A4, direction);
  self->state_font = NULL;
  self->state_size = 0;
  self->state_word_space = 0;
  self->y = self->top;
  self->at_page_top = TRUE;
  self->page_in_document++;
  self->n_pages++;
}

guint
nst_pdf_get_page_in_document (NstPdf *self)
{
  return self->page_in_document;
}

/**
 * nst_pdf_set_compact:
 *
 * From now on, lines closer together (still single-spaced within the
 * ГОСТ's tolerance) and half the vertical space between blocks: for a
 * form that would spill a few lines onto a second page. Sizes stay.
 */
void
nst_pdf_set_compact (NstPdf   *self,
                     gboolean  compact)
{
  self->compact = compact;
}

double
nst_pdf_leading (NstPdf *self,
                 double  size)
{
  return size * (self->compact ? NST_PDF_COMPACT_LEADING : NST_PDF_LEADING);
}

/* ---- dry runs ----------------------------------------------------------- */

typedef struct
{
  double page_width, page_height, left, right, top, bottom, y, margin_left;
  gboolean at_page_top, has_page;
  guint page_in_document, n_pages;
  NstPdfOrientation orientation;
} Position;

static void
save_position (NstPdf   *self,
               Position *position)
{
  *position = (Position) {
    self->page_width, self->page_height, self->left, self->right, self->top, self->bottom,
    self->y, self->margin_left, self->at_page_top, self->has_page,
    self->page_in_document, self->n_pages, self->orientation,
  };
}

static void
restore_position (NstPdf         *self,
                  const Position *p)
{
  self->page_width = p->page_width;
  self->page_height = p->page_height;
  self->left = p->left;
  self->right = p->right;
  self->top = p->top;
  self->bottom = p->bottom;
  self->y = p->y;
  self->margin_left = p->margin_left;
  self->at_page_top = p->at_page_top;
  self->has_page = p->has_page;
  self->page_in_document = p->page_in_document;
  self->n_pages = p->n_pages;
  self->orientation = p->orientation;
}

/**
 * nst_pdf_measure_pages:
 * @draw: draws blocks as a document's code does
 *
 * Runs @draw without putting anything into the PDF, to see how the blocks
 * would fall: how many new pages they would begin (a document that
 * begins with nst_pdf_begin_document() counts its first page). The
 * position is as before afterwards. Dry runs do not nest.
 *
 * Returns: the pages @draw would begin
 */
guint
nst_pdf_measure_pages (NstPdf         *self,
                       NstPdfDrawFunc  draw,
                       gpointer        user_data)
{
  Position position;
  guint pages;

  g_return_val_if_fail (!self->dry_run, 0);
  save_position (self, &position);
  self->dry_run = TRUE;
  self->dry_pages = 0;
  draw (self, user_data);
  pages = self->dry_pages;
  self->dry_run = FALSE;
  restore_position (self, &position);
  return pages;
}

/**
 * nst_pdf_keep_together:
 *
 * Draws the blocks of @draw on one page: on the next one when they would
 * break below what is on this page, as the last lines of a form with its
 * signature. Blocks taller than a page break as they must.
 */
void
nst_pdf_keep_together (NstPdf         *self,
                       NstPdfDrawFunc  draw,
                       gpointer        user_data)
{
  if (!self->dry_run && self->has_page && !self->at_page_top &&
      nst_pdf_measure_pages (self, draw, user_data) > 0)
    nst_pdf_new_page (self);
  draw (self, user_data);
}

/* The pages from the next one on: a wide appendix in landscape within a
 * portrait document, and back. */
void
nst_pdf_set_orientation (NstPdf            *self,
                         NstPdfOrientation  orientation)
{
  self->orientation = orientation;
}

guint
nst_pdf_get_n_pages (NstPdf *self)
{
  return self->n_pages;
}

double
nst_pdf_get_text_width (NstPdf *self)
{
  return self->right - self->left;
}

/* Vertical space; none at the top of a page, where it would only push the
 * text down. */
void
nst_pdf_space (NstPdf *self,
               double  points)
{
  if (!self->has_page || self->at_page_top)
    return;
  if (self->compact)
    points /= 2;
  if (self->y - points < self->bottom)
    self->y = self->bottom;
  else
    self->y -= points;
}

/* A new page unless @points fit below the text drawn so far. */
void
nst_pdf_ensure_space (NstPdf *self,
                      double  points)
{
  if (!self->has_page)
    nst_pdf_begin_document (self, NST_PDF_PORTRAIT);
  else if (!self->at_page_top && self->y - points < self->bottom - 0.01)
    nst_pdf_new_page (self);
}

/* ---- graphics state ------------------------------------------------------ */

void
nst_pdf_use_font (NstPdf    *self,
                  HPDF_Font  font,
                  double     size)
{
  if (font == NULL || (font == self->state_font && size == self->state_size))
    return;
  HPDF_Page_SetFontAndSize (self->page, font, size);
  self->state_font = font;
  self->state_size = size;
}

void
nst_pdf_use_word_space (NstPdf *self,
                        double  word_space)
{
  if (word_space == self->state_word_space)
    return;
  HPDF_Page_SetWordSpace (self->page, word_space);
  self->state_word_space = word_space;
}

void
nst_pdf_stroke_line (NstPdf *self,
                     double  x1,
                     double  y1,
                     double  x2,
                     double  y2,
                     double  width)
{
  if (self->dry_run)
    return;
  HPDF_Page_SetLineWidth (self->page, width);
  HPDF_Page_MoveTo (self->page, x1, y1);
  HPDF_Page_LineTo (self->page, x2, y2);
  HPDF_Page_Stroke (self->page);
}

void
nst_pdf_stroke_rect (NstPdf *self,
                     double  x,
                     double  y,
                     double  w,
                     double  h,
                     double  line_width)
{
  if (self->dry_run)
    return;
  HPDF_Page_SetLineWidth (self->page, line_width);
  HPDF_Page_Rectangle (self->page, x, y, w, h);
  HPDF_Page_Stroke (self->page);
}

/* A thin rule across the text area, between the parts of a form. */
void
nst_pdf_rule (NstPdf *self)
{
  nst_pdf_ensure_space (self, 12);
  if (nst_pdf_failed (self))
    return;
  if (!self->dry_run)
    nst_pdf_stroke_line (self, self->left, self->y - 6, self->right, self->y - 6, 0.5);
  self->y -= 12;
  self->at_page_top = FALSE;
}

/* ---- saving -------------------------------------------------------------- */

/**
 * nst_pdf_save_to_bytes:
 *
 * Returns: (transfer full) (nullable): the whole PDF
 */
GBytes *
nst_pdf_save_to_bytes (NstPdf  *self,
                       GError **error)
{
  g_autoptr(GByteArray) data = NULL;
  HPDF_UINT32 size;

  if (self->n_pages == 0)
    nst_pdf_begin_document (self, NST_PDF_PORTRAIT);
  if (!nst_pdf_check (self, error))
    return NULL;
  if (HPDF_SaveToStream (self->doc) != HPDF_OK || !nst_pdf_check (self, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_FAILED, _("The document could not be made"));
      return NULL;
    }
  size = HPDF_GetStreamSize (self->doc);
  data = g_byte_array_sized_new (size);
  g_byte_array_set_size (data, size);
  for (HPDF_UINT32 done = 0; done < size;)
    {
      HPDF_UINT32 chunk = size - done;
      HPDF_STATUS status = HPDF_ReadFromStream (self->doc, data->data + done, &chunk);

      done += chunk;
      if ((status != HPDF_OK && status != HPDF_STREAM_EOF) || (chunk == 0 && done < size))
        {
          g_set_error (error, NST_PDF_ERROR, NST_PDF_ERROR_FAILED, _("The document could not be made"));
          return NULL;
        }
    }
  /* Reaching the end of the stream counts as an error to libharu. */
  HPDF_ResetError (self->doc);
  HPDF_ResetStream (self->doc);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* «.Приказ.pdf.XXXXXX» beside «Приказ.pdf»: hidden, and named after it. */
static char *
temporary_name (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (".", base, ".XXXXXX", NULL);

  return g_build_filename (dir, name, NULL);
}

/**
 * nst_write_file_atomically:
 *
 * Writes @bytes to a temporary file in the folder of @path and renames it
 * into place, so that a failure (a full disk, a read-only folder) leaves
 * neither a half file nor a changed one, and says why. The file is
 * readable by its owner only (0600), the temporary too: documents hold
 * personal data, children's among them.
 */
gboolean
nst_write_file_atomically (const char  *path,
                           GBytes      *bytes,
                           GError     **error)
{
  g_autofree char *temp = temporary_name (path);
  g_autofree char *display = g_filename_display_name (path);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  int fd, saved;

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not save “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      goto failed;
    }
  if (close (fd) != 0 || rename (temp, path) != 0)
    {
      saved = errno;
      goto failed;
    }
  return TRUE;

failed:
  g_unlink (temp);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               _("Could not save “%s”: %s"), display, g_strerror (saved));
  return FALSE;
}

gboolean
nst_pdf_save_to_file (NstPdf      *self,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = nst_pdf_save_to_bytes (self, error);

  return bytes != NULL && nst_write_file_atomically (path, bytes, error);
}
