/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <hpdf.h>

#include "docs/nst-pdf.h"

G_BEGIN_DECLS

/* How a character reaches the page. CP1251 covers Russian text and its
 * punctuation («», №, —) and extracts cleanly; CP1252 the Latin letters of
 * foreign names; what neither covers goes through libharu's UTF-8 encoder
 * (whose ToUnicode map poppler grumbles about), in Liberation Serif when it
 * has the glyph and in PT Serif otherwise. */
typedef enum
{
  NST_PDF_ENC_CP1251,
  NST_PDF_ENC_CP1252,
  NST_PDF_ENC_UTF8_MAIN,
  NST_PDF_ENC_UTF8_FALLBACK,
  NST_PDF_N_ENCS
} NstPdfEnc;

#define NST_PDF_N_FACES 2
#define NST_PDF_SLOT(bold, enc) ((bold) * NST_PDF_N_ENCS + (enc))
#define NST_PDF_N_SLOTS (NST_PDF_N_FACES * NST_PDF_N_ENCS)

typedef struct
{
  HPDF_Font font;        /* NULL until first used */
  float     widths[256]; /* single-byte encodings: glyph widths, 1/1000 em */
} NstPdfFontSlot;

enum
{
  NST_PDF_ITEM_SPACE     = 1 << 0,  /* a space: stretches when justified */
  NST_PDF_ITEM_GLUE      = 1 << 1,  /* a space no line may break at */
  NST_PDF_ITEM_UNDERLINE = 1 << 2,
  NST_PDF_ITEM_NEWLINE   = 1 << 3,  /* a forced line break; draws nothing */
  NST_PDF_ITEM_SHY       = 1 << 4,  /* a soft hyphen: a hyphen only at a line's end */
  NST_PDF_ITEM_HYPHEN    = 1 << 5,  /* the hyphen of a compound word: a line may break after it */
};

/* One character, encoded for its font, with its width at the text's size. */
typedef struct
{
  float  width;
  guint8 slot;
  guint8 flags;
  guint8 n_bytes;
  char   bytes[5];
} NstPdfItem;

typedef struct
{
  guint    start;      /* items [start, end) */
  guint    end;
  double   width;      /* natural width, points */
  double   indent;     /* points from the left of the box */
  guint    n_spaces;   /* spaces that stretch */
  gboolean justify;
  gboolean hyphen;     /* ends in a soft hyphen, drawn as «-» */
} NstPdfLine;

/* A block of text broken into lines for a box of a given width. */
typedef struct
{
  GArray      *items;  /* NstPdfItem */
  GArray      *lines;  /* NstPdfLine */
  double       size;
  double       leading;
  double       width;
  NstPdfAlign  align;
} NstPdfLayout;

struct _NstPdf
{
  HPDF_Doc doc;
  GError *error;                      /* the first failure */

  const char *main_font[NST_PDF_N_FACES];      /* libharu's names */
  const char *fallback_font[NST_PDF_N_FACES];  /* loaded on demand */
  HPDF_FontDef main_def[NST_PDF_N_FACES];
  gboolean utf8_ready;
  NstPdfFontSlot slots[NST_PDF_N_SLOTS];

  HPDF_Page page;
  NstPdfOrientation orientation;
  double page_width, page_height;
  double left, right, top, bottom;    /* the text area, PDF coordinates */
  double y;                           /* top of the free space */
  gboolean at_page_top;
  gboolean has_page;                  /* a page is begun, real or in a dry run */
  guint page_in_document;
  guint n_pages;
  char *page_mark;                    /* (nullable) text atop every page */
  double margin_left;                 /* of the document's pages */
  gboolean compact;                   /* tighter lines and spaces: see nst_pdf_set_compact() */

  /* A dry run (nst_pdf_measure_pages()): the blocks move down and break
   * pages as they would, but nothing reaches the PDF. */
  gboolean dry_run;
  guint dry_pages;                    /* pages the dry run has begun */

  /* What the page's graphics state holds, to skip repeated operators. */
  HPDF_Font state_font;
  double state_size;
  double state_word_space;
};

#define NST_PDF_LEADING 1.15   /* line height ÷ font size: single spacing */
#define NST_PDF_COMPACT_LEADING 1.08  /* the same, set tight to fit a form on its page */

double        nst_pdf_leading         (NstPdf        *self,
                                       double         size);

void          nst_pdf_fail            (NstPdf        *self,
                                       GError        *error);
gboolean      nst_pdf_failed          (NstPdf        *self);
const char   *nst_pdf_fallback_font   (NstPdf        *self,
                                       guint          face);
void          nst_pdf_enable_utf8     (NstPdf        *self);
guint8        nst_pdf_enc_byte        (NstPdfEnc      enc,
                                       gunichar       c);
HPDF_Font     nst_pdf_slot_font       (NstPdf        *self,
                                       guint          slot);
void          nst_pdf_use_font        (NstPdf        *self,
                                       HPDF_Font      font,
                                       double         size);
void          nst_pdf_use_word_space  (NstPdf        *self,
                                       double         word_space);
void          nst_pdf_stroke_line     (NstPdf        *self,
                                       double         x1,
                                       double         y1,
                                       double         x2,
                                       double         y2,
                                       double         width);
void          nst_pdf_stroke_rect     (NstPdf        *self,
                                       double         x,
                                       double         y,
                                       double         w,
                                       double         h,
                                       double         line_width);

/* Text encoding, line breaking and drawing (nst-pdf-text.c). */
NstPdfLayout *nst_pdf_layout_new      (NstPdf            *self,
                                       const NstPdfStyle *style,
                                       const char        *markup,
                                       double             width);
void          nst_pdf_layout_free     (NstPdfLayout      *layout);
double        nst_pdf_layout_height   (NstPdfLayout      *layout);
double        nst_pdf_layout_line_width (NstPdfLayout    *layout);
void          nst_pdf_layout_draw_line (NstPdf           *self,
                                        NstPdfLayout     *layout,
                                        guint             line,
                                        double            x,
                                        double            top);
double        nst_pdf_baseline        (double             top,
                                       double             size,
                                       double             leading);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstPdfLayout, nst_pdf_layout_free)

G_END_DECLS
