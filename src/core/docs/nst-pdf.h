/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A small layout engine over libharu for documents that people sign:
 * A4 pages with the margins of ГОСТ Р 7.0.97, fonts embedded, paragraphs
 * justified by word spacing, tables that break across pages, signature
 * blocks and ruled blanks.
 *
 * Drawing is immediate: each call places its block below the previous one
 * and starts a new page when the block does not fit; text never runs into
 * the margins and is never dropped. Drawing calls do not fail one by one:
 * the first error of the PDF library is kept and reported by
 * nst_pdf_check() and by the save functions.
 *
 * Text is UTF-8 with a little markup: <b>…</b> bold, <u>…</u> underlined,
 * a newline breaks the line, and &amp; &lt; &gt; &quot; &apos; stand for
 * themselves. Build it with g_markup_printf_escaped() so that data from
 * the registry cannot be taken for markup. */

#define NST_PDF_ERROR (nst_pdf_error_quark ())

typedef enum
{
  NST_PDF_ERROR_FAILED,
  NST_PDF_ERROR_FONT,
  NST_PDF_ERROR_TEMPLATE,
  NST_PDF_ERROR_INCOMPLETE,       /* nothing to print: no pairs, no programmes… */
  NST_PDF_ERROR_SCHOOL_DETAILS,   /* the school's details lack what it prints */
} NstPdfError;

/* Points from millimetres. */
#define NST_MM(mm) ((mm) * 72.0 / 25.4)

typedef enum
{
  NST_PDF_PORTRAIT,
  NST_PDF_LANDSCAPE,
} NstPdfOrientation;

typedef enum
{
  NST_PDF_ALIGN_LEFT,
  NST_PDF_ALIGN_CENTER,
  NST_PDF_ALIGN_RIGHT,
  NST_PDF_ALIGN_JUSTIFY,
} NstPdfAlign;

typedef struct
{
  double       size;            /* points */
  NstPdfAlign  align;
  gboolean     bold;
  double       first_indent;    /* points, first line only */
  double       left_indent;     /* points, every line */
  double       space_before;    /* points; dropped at the top of a page */
  double       space_after;     /* points */
  gboolean     keep_with_next;  /* move to the next page with two lines of what follows */
} NstPdfStyle;

/* The house styles: 14 pt text justified with a 1.25 cm indent, and so on. */
extern const NstPdfStyle nst_pdf_style_body;      /* 14 pt, justified, indent */
extern const NstPdfStyle nst_pdf_style_plain;     /* 14 pt, left, no indent */
extern const NstPdfStyle nst_pdf_style_title;     /* 14 pt bold, centred */
extern const NstPdfStyle nst_pdf_style_center;    /* 14 pt, centred */
extern const NstPdfStyle nst_pdf_style_form;      /* 12 pt, justified, indent: consent forms */
extern const NstPdfStyle nst_pdf_style_form_plain;/* 12 pt, left */
extern const NstPdfStyle nst_pdf_style_small;     /* 10 pt, left */

typedef struct _NstPdf NstPdf;

GQuark       nst_pdf_error_quark      (void);

NstPdf      *nst_pdf_new              (GError           **error);
void         nst_pdf_free             (NstPdf            *self);
void         nst_pdf_set_title        (NstPdf            *self,
                                       const char        *title);

/* Pages. A document starts on a new page and numbers its pages from 2
 * on, centred in the top margin; a batch holds many documents. */
void         nst_pdf_begin_document   (NstPdf            *self,
                                       NstPdfOrientation  orientation);
void         nst_pdf_begin_form       (NstPdf            *self);
void         nst_pdf_pad_to_even      (NstPdf            *self);
guint        nst_pdf_get_page_in_document (NstPdf        *self);
void         nst_pdf_new_page         (NstPdf            *self);
void         nst_pdf_set_orientation  (NstPdf            *self,
                                       NstPdfOrientation  orientation);
void         nst_pdf_set_page_mark    (NstPdf            *self,
                                       const char        *text);
guint        nst_pdf_get_n_pages      (NstPdf            *self);
double       nst_pdf_get_text_width   (NstPdf            *self);
void         nst_pdf_space            (NstPdf            *self,
                                       double             points);
void         nst_pdf_ensure_space     (NstPdf            *self,
                                       double             points);

/* Keeping blocks together: @draw draws them as a document's code does. */
typedef void (*NstPdfDrawFunc) (NstPdf   *pdf,
                                gpointer  user_data);

guint        nst_pdf_measure_pages    (NstPdf            *self,
                                       NstPdfDrawFunc     draw,
                                       gpointer           user_data);
void         nst_pdf_keep_together    (NstPdf            *self,
                                       NstPdfDrawFunc     draw,
                                       gpointer           user_data);
void         nst_pdf_set_compact      (NstPdf            *self,
                                       gboolean           compact);

/* Text. */
void         nst_pdf_paragraph        (NstPdf            *self,
                                       const NstPdfStyle *style,
                                       const char        *markup);
double       nst_pdf_measure          (NstPdf            *self,
                                       const NstPdfStyle *style,
                                       const char        *markup,
                                       double             width);
double       nst_pdf_text_width       (NstPdf            *self,
                                       double             size,
                                       gboolean           bold,
                                       const char        *text);
void         nst_pdf_left_right       (NstPdf            *self,
                                       const NstPdfStyle *style,
                                       const char        *left_markup,
                                       const char        *right_markup);
void         nst_pdf_bottom_note      (NstPdf            *self,
                                       double             size,
                                       const char        *markup);
void         nst_pdf_rule             (NstPdf            *self);

/* Signatures and blanks. */
void         nst_pdf_signature        (NstPdf            *self,
                                       double             size,
                                       const char        *post,
                                       const char        *name);
void         nst_pdf_sign_here        (NstPdf            *self,
                                       double             size,
                                       const char        *name);
void         nst_pdf_sign_row         (NstPdf            *self,
                                       double             size,
                                       const char        *role,
                                       double             role_width,
                                       const char        *name);

typedef struct
{
  const char *label;     /* markup before the ruled line, or NULL */
  double      weight;    /* share of the row's free width for the line */
  const char *caption;   /* small text under the line, or NULL */
  const char *value;     /* a known fact printed on the line, or NULL */
} NstPdfBlank;

void         nst_pdf_blanks           (NstPdf            *self,
                                       double             size,
                                       const NstPdfBlank *blanks,
                                       guint              n_blanks);
void         nst_pdf_blank            (NstPdf            *self,
                                       double             size,
                                       const char        *label,
                                       const char        *caption);

/* Tables: ruled cells, wrapped text, the header repeated on each page. */
typedef struct
{
  double       weight;    /* share of the table's width */
  NstPdfAlign  align;     /* of the body cells */
  gboolean     checkbox;  /* empty body cells show a box to tick */
} NstPdfColumn;

typedef struct _NstPdfTable NstPdfTable;

NstPdfTable *nst_pdf_table_new        (NstPdf             *pdf,
                                       const NstPdfColumn *columns,
                                       guint               n_columns,
                                       double              size);
void         nst_pdf_table_set_header (NstPdfTable        *self,
                                       const char *const  *cells);
void         nst_pdf_table_set_min_lines (NstPdfTable     *self,
                                       guint               lines);
void         nst_pdf_table_add_row    (NstPdfTable        *self,
                                       const char *const  *cells);
void         nst_pdf_table_add_rows   (NstPdfTable        *self,
                                       const char *const  *cells,
                                       guint               n_rows,
                                       const gboolean     *spans);
void         nst_pdf_table_add_group  (NstPdfTable        *self,
                                       const char         *markup);
void         nst_pdf_table_free       (NstPdfTable        *self);

/* Results. */
gboolean     nst_pdf_check            (NstPdf            *self,
                                       GError           **error);
GBytes      *nst_pdf_save_to_bytes    (NstPdf            *self,
                                       GError           **error);
gboolean     nst_pdf_save_to_file     (NstPdf            *self,
                                       const char        *path,
                                       GError           **error);
gboolean     nst_write_file_atomically (const char       *path,
                                        GBytes           *bytes,
                                        GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstPdf, nst_pdf_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstPdfTable, nst_pdf_table_free)

G_END_DECLS
