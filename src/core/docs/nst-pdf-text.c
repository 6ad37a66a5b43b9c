/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-docs"

#include "config.h"

#include <hpdf_fontdef.h>
#include <string.h>

#include "docs/nst-pdf-private.h"

static gboolean
slot_is_single_byte (guint slot)
{
  NstPdfEnc enc = slot % NST_PDF_N_ENCS;

  return enc == NST_PDF_ENC_CP1251 || enc == NST_PDF_ENC_CP1252;
}

/* ---- markup ---------------------------------------------------------------- */

enum
{
  CHAR_BOLD = 1 << 0,
  CHAR_UNDERLINE = 1 << 1,
  CHAR_GLUE = 1 << 2,
  CHAR_HYPHEN = 1 << 3,
};

typedef struct
{
  gunichar c;    /* ' ' a space, '\n' a line break */
  guint    flags;
} MarkupChar;

static gboolean
parse_tag (const char **p,
           int         *bold,
           int         *underline)
{
  static const struct { const char *tag; int bold, underline; } tags[] = {
    { "<b>", 1, 0 }, { "</b>", -1, 0 }, { "<u>", 0, 1 }, { "</u>", 0, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (g_str_has_prefix (*p, tags[i].tag))
      {
        *bold = MAX (0, *bold + tags[i].bold);
        *underline = MAX (0, *underline + tags[i].underline);
        *p += strlen (tags[i].tag);
        return TRUE;
      }
  return FALSE;
}

static gunichar
parse_entity (const char **p)
{
  static const struct { const char *name; gunichar c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_has_prefix (*p, entities[i].name))
      {
        *p += strlen (entities[i].name);
        return entities[i].c;
      }
  *p += 1;
  return '&';
}

/* What a character becomes on paper: spaces of any kind one space, line
 * separators a break, invisible and control characters nothing. */
static gunichar
normalise_char (gunichar c)
{
  if (c == '\t' || c == 0x2002 || c == 0x2003 || c == 0x2009)
    return ' ';
  if (c == '\n' || c == 0x2028 || c == 0x2029)
    return '\n';
  if (c < 0x20 || (c >= 0x7F && c < 0xA0) ||
      (c >= 0x200B && c <= 0x200F) || c == 0xFEFF)
    return 0;
  return c;
}

static void
append_char (GArray   *chars,
             gunichar  c,
             guint     flags)
{
  MarkupChar mc = { c, flags };
  MarkupChar *last = chars->len ? &g_array_index (chars, MarkupChar, chars->len - 1) : NULL;

  /* One space between words; none at the start of a line. */
  if (c == ' ' && (last == NULL || last->c == ' ' || last->c == '\n' || last->c == 0xA0))
    return;
  if (c == '\n' && last != NULL && last->c == ' ')
    chars->len--;
  g_array_append_val (chars, mc);
}

static GArray *
parse_markup (const char *markup)
{
  GArray *chars = g_array_sized_new (FALSE, FALSE, sizeof (MarkupChar), strlen (markup));
  int bold = 0, underline = 0;

  for (const char *p = markup; *p;)
    {
      gunichar c;

      if (*p == '<' && parse_tag (&p, &bold, &underline))
        continue;
      if (*p == '&')
        c = parse_entity (&p);
      else
        {
          c = g_utf8_get_char_validated (p, -1);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              c = 0xFFFD;
              p++;
            }
          else
            p = g_utf8_next_char (p);
        }
      if ((c = normalise_char (c)) != 0)
        append_char (chars, c, (bold ? CHAR_BOLD : 0) | (underline ? CHAR_UNDERLINE : 0));
    }
  while (chars->len && g_array_index (chars, MarkupChar, chars->len - 1).c == ' ')
    chars->len--;
  return chars;
}

/* ---- where a line must not break ----------------------------------------- */

static gboolean
is_word_char (gunichar c)
{
  return c != ' ' && c != '\n' && c != 0xA0;
}

/* The word that ends just before @end, as UTF-8. */
static void
word_before (GArray  *chars,
             guint    end,
             GString *out)
{
  guint start = end;

  while (start > 0 && is_word_char (g_array_index (chars, MarkupChar, start - 1).c))
    start--;
  g_string_truncate (out, 0);
  for (guint i = start; i < end; i++)
    g_string_append_unichar (out, g_array_index (chars, MarkupChar, i).c);
}

static void
word_after (GArray  *chars,
            guint    start,
            GString *out)
{
  g_string_truncate (out, 0);
  for (guint i = start; i < chars->len && is_word_char (g_array_index (chars, MarkupChar, i).c); i++)
    g_string_append_unichar (out, g_array_index (chars, MarkupChar, i).c);
}

static gboolean
is_short_word (const char *word)
{
  glong length = g_utf8_strlen (word, -1);

  if (length < 1 || length > 2)
    return FALSE;
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x0400 || c > 0x04FF)
        return FALSE;
    }
  return TRUE;
}

/* Russian typesetting: no break around «№», after a short preposition or
 * an abbreviation such as «ст.», before a dash, between a year and «г.»,
 * or between «приложение» and its number. */
static gboolean
space_is_glue (GArray  *chars,
               guint    i,
               GString *before,
               GString *after)
{
  static const char *const abbreviations[] = {
    "№", "ст.", "ч.", "п.", "пп.", "г.", "ул.", "д.", "т.", "тел.", "им.", NULL,
  };

  word_before (chars, i, before);
  word_after (chars, i + 1, after);
  if (after->len == 0 || before->len == 0)
    return FALSE;
  if (g_strv_contains (abbreviations, before->str) || is_short_word (before->str))
    return TRUE;
  /* «СОШ № 7» and «от 25.12.2019 № Р-145» stay whole. */
  if (g_str_has_prefix (after->str, "—") || g_str_has_prefix (after->str, "–") ||
      g_str_equal (after->str, "№"))
    return TRUE;
  if ((g_str_equal (after->str, "г.") || g_str_has_prefix (after->str, "г.,") ||
       g_str_has_prefix (after->str, "гг.")) && g_ascii_isdigit (before->str[before->len - 1]))
    return TRUE;
  /* «(приложение 1)» keeps its number. */
  if (strstr (before->str, "риложени") != NULL && g_ascii_isdigit (after->str[0]))
    return TRUE;
  return FALSE;
}

static void
mark_glue (GArray *chars)
{
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);

  for (guint i = 0; i < chars->len; i++)
    {
      MarkupChar *mc = &g_array_index (chars, MarkupChar, i);

      if (mc->c == 0xA0)
        {
          mc->c = ' ';
          mc->flags |= CHAR_GLUE;
        }
      else if (mc->c == ' ' && space_is_glue (chars, i, before, after))
        mc->flags |= CHAR_GLUE;
      /* «учебно-воспитательной» may break after its hyphen. */
      else if (mc->c == '-' && i > 0 && i + 2 < chars->len &&
               g_unichar_isalpha (g_array_index (chars, MarkupChar, i - 1).c) &&
               g_unichar_isalpha (g_array_index (chars, MarkupChar, i + 1).c) &&
               g_unichar_isalpha (g_array_index (chars, MarkupChar, i + 2).c))
        mc->flags |= CHAR_HYPHEN;
    }
}

/* ---- items --------------------------------------------------------------- */

static NstPdfItem
make_item (NstPdf         *self,
           const MarkupChar *mc,
           double          size)
{
  NstPdfItem item = { 0 };
  guint face = (mc->flags & CHAR_BOLD) ? 1 : 0;
  gunichar c = mc->c;
  guint8 byte;
  NstPdfEnc enc;

  if (mc->flags & CHAR_UNDERLINE)
    item.flags |= NST_PDF_ITEM_UNDERLINE;
  if (mc->flags & CHAR_HYPHEN)
    item.flags |= NST_PDF_ITEM_HYPHEN;
  if (c == '\n')
    {
      item.flags = NST_PDF_ITEM_NEWLINE;
      item.slot = NST_PDF_SLOT (face, NST_PDF_ENC_CP1251);
      return item;
    }
  if (c == ' ')
    item.flags |= NST_PDF_ITEM_SPACE | ((mc->flags & CHAR_GLUE) ? NST_PDF_ITEM_GLUE : 0);
  /* A soft hyphen carries the width of the hyphen it becomes at a break. */
  if (c == 0x00AD)
    {
      item.flags |= NST_PDF_ITEM_SHY;
      c = '-';
    }
  if ((byte = nst_pdf_enc_byte (NST_PDF_ENC_CP1251, c)) != 0)
    enc = NST_PDF_ENC_CP1251;
  else if ((byte = nst_pdf_enc_byte (NST_PDF_ENC_CP1252, c)) != 0)
    enc = NST_PDF_ENC_CP1252;
  else if (c <= 0xFFFF && HPDF_TTFontDef_GetGlyphid (self->main_def[face], c) != 0)
    enc = NST_PDF_ENC_UTF8_MAIN;
  else
    enc = NST_PDF_ENC_UTF8_FALLBACK;
  item.slot = NST_PDF_SLOT (face, enc);
  if (byte != 0)
    {
      nst_pdf_slot_font (self, item.slot);
      item.bytes[0] = byte;
      item.n_bytes = 1;
      item.width = self->slots[item.slot].widths[byte] * size / 1000.0;
    }
  else
    {
      HPDF_Font font = nst_pdf_slot_font (self, item.slot);

      /* libharu's UTF-8 encoder reads the Basic Multilingual Plane only. */
      if (c > 0xFFFF)
        c = 0xFFFD;
      item.n_bytes = g_unichar_to_utf8 (c, item.bytes);
      item.width = font ? HPDF_Font_GetUnicodeWidth (font, c) * size / 1000.0 : 0;
    }
  return item;
}

static GArray *
make_items (NstPdf     *self,
            const char *markup,
            gboolean    bold,
            double      size)
{
  g_autoptr(GArray) chars = parse_markup (markup);
  GArray *items = g_array_sized_new (FALSE, FALSE, sizeof (NstPdfItem), chars->len);

  mark_glue (chars);
  for (guint i = 0; i < chars->len; i++)
    {
      MarkupChar mc = g_array_index (chars, MarkupChar, i);
      NstPdfItem item;

      if (bold)
        mc.flags |= CHAR_BOLD;
      item = make_item (self, &mc, size);
      g_array_append_val (items, item);
    }
  return items;
}

/* ---- line breaking --------------------------------------------------------- */

static gboolean
is_stretchable (const NstPdfItem *item)
{
  return (item->flags & NST_PDF_ITEM_SPACE) && !(item->flags & NST_PDF_ITEM_GLUE);
}

/* Soft hyphens show only at the end of a line that breaks at them. */
static gboolean
is_drawn (const NstPdfLine *line,
          const NstPdfItem *item,
          guint             index)
{
  if (item->flags & NST_PDF_ITEM_NEWLINE)
    return FALSE;
  if (item->flags & NST_PDF_ITEM_SHY)
    return line->hyphen && index == line->end - 1;
  return TRUE;
}

static void
add_line (NstPdfLayout *layout,
          guint         start,
          guint         end,
          double        indent,
          gboolean      justify,
          gboolean      hyphen)
{
  NstPdfLine line = { start, end, 0, indent, 0, justify, hyphen };

  for (guint i = start; i < end; i++)
    {
      const NstPdfItem *item = &g_array_index (layout->items, NstPdfItem, i);

      if (!is_drawn (&line, item, i))
        continue;
      line.width += item->width;
      if (is_stretchable (item))
        line.n_spaces++;
    }
  g_array_append_val (layout->lines, line);
}

/* Greedy breaking at spaces and soft hyphens; a word wider than the line
 * is broken between letters, so that nothing is lost. Returns where the
 * next line starts. */
static guint
break_line (NstPdfLayout *layout,
            guint         start,
            double        indent)
{
  GArray *items = layout->items;
  double avail = layout->width - indent, width = 0;
  int last_space = -1, last_shy = -1, last_hyphen = -1;
  guint i;

  for (i = start; i < items->len; i++)
    {
      const NstPdfItem *item = &g_array_index (items, NstPdfItem, i);
      gboolean breakable = is_stretchable (item);

      if (item->flags & NST_PDF_ITEM_NEWLINE)
        {
          add_line (layout, start, i, indent, FALSE, FALSE);
          return i + 1;
        }
      if (item->flags & NST_PDF_ITEM_SHY)
        {
          if (width + item->width <= avail + 0.001)
            last_shy = i;
          continue;
        }
      if (!breakable && width + item->width > avail + 0.001)
        {
          if (last_hyphen > last_space && last_hyphen > last_shy)
            {
              add_line (layout, start, last_hyphen + 1, indent, TRUE, FALSE);
              return last_hyphen + 1;
            }
          if (last_shy > last_space)
            {
              add_line (layout, start, last_shy + 1, indent, TRUE, TRUE);
              return last_shy + 1;
            }
          if (last_space >= 0)
            {
              add_line (layout, start, last_space, indent, TRUE, FALSE);
              return last_space + 1;
            }
          /* A word wider than the line: as many letters as fit, at least one. */
          i = MAX (i, start + 1);
          add_line (layout, start, i, indent, FALSE, FALSE);
          return i;
        }
      if (breakable)
        last_space = i;
      width += item->width;
      if (item->flags & NST_PDF_ITEM_HYPHEN)
        last_hyphen = i;
    }
  add_line (layout, start, i, indent, FALSE, FALSE);
  return i;
}

static void
break_lines (NstPdfLayout      *layout,
             const NstPdfStyle *style)
{
  guint pos = 0;
  gboolean first = TRUE;

  while (pos < layout->items->len || first)
    {
      double indent = style->left_indent + (first ? style->first_indent : 0);

      /* A line never starts with the space it broke at. */
      while (!first && pos < layout->items->len &&
             is_stretchable (&g_array_index (layout->items, NstPdfItem, pos)))
        pos++;
      if (!first && pos >= layout->items->len)
        break;
      pos = break_line (layout, pos, indent);
      first = FALSE;
    }
}

/**
 * nst_pdf_layout_new:
 * @width: of the box, in points
 *
 * Returns: (transfer full): @markup broken into lines for the box
 */
NstPdfLayout *
nst_pdf_layout_new (NstPdf            *self,
                    const NstPdfStyle *style,
                    const char        *markup,
                    double             width)
{
  NstPdfLayout *layout = g_new0 (NstPdfLayout, 1);

  layout->size = style->size;
  layout->leading = nst_pdf_leading (self, style->size);
  layout->width = width;
  layout->align = style->align;
  layout->items = make_items (self, markup ? markup : "", style->bold, style->size);
  layout->lines = g_array_new (FALSE, FALSE, sizeof (NstPdfLine));
  break_lines (layout, style);
  return layout;
}

void
nst_pdf_layout_free (NstPdfLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->items);
  g_array_unref (layout->lines);
  g_free (layout);
}

double
nst_pdf_layout_height (NstPdfLayout *layout)
{
  return layout->lines->len * layout->leading;
}

/* The width of the longest line, indent included. */
double
nst_pdf_layout_line_width (NstPdfLayout *layout)
{
  double width = 0;

  for (guint i = 0; i < layout->lines->len; i++)
    {
      const NstPdfLine *line = &g_array_index (layout->lines, NstPdfLine, i);

      width = MAX (width, line->indent + line->width);
    }
  return width;
}

/* ---- drawing --------------------------------------------------------------- */

/* The baseline of a line box whose top is @top: the glyphs' box (ascent
 * 0.891, descent 0.216 of the size in Liberation Serif) centred in it. */
double
nst_pdf_baseline (double top,
                  double size,
                  double leading)
{
  return top - (leading - 1.107 * size) / 2 - 0.891 * size;
}

static double
line_offset (NstPdfLayout     *layout,
             const NstPdfLine *line,
             double           *word_space)
{
  double free = layout->width - line->indent - line->width;

  *word_space = 0;
  switch (layout->align)
    {
    case NST_PDF_ALIGN_CENTER:
      return line->indent + MAX (0, free) / 2;
    case NST_PDF_ALIGN_RIGHT:
      return line->indent + MAX (0, free);
    case NST_PDF_ALIGN_JUSTIFY:
      if (line->justify && line->n_spaces > 0 && free > 0)
        *word_space = free / line->n_spaces;
      return line->indent;
    case NST_PDF_ALIGN_LEFT:
    default:
      return line->indent;
    }
}

static void
draw_underlines (NstPdf           *self,
                 NstPdfLayout     *layout,
                 const NstPdfLine *line,
                 double            x,
                 double            baseline,
                 double            word_space)
{
  double start = -1, y = baseline - layout->size * 0.15;

  for (guint i = line->start; i <= line->end; i++)
    {
      const NstPdfItem *item = i < line->end ? &g_array_index (layout->items, NstPdfItem, i) : NULL;
      gboolean underlined;

      if (item != NULL && !is_drawn (line, item, i))
        continue;
      underlined = item != NULL && (item->flags & NST_PDF_ITEM_UNDERLINE);
      if (underlined && start < 0)
        start = x;
      else if (!underlined && start >= 0)
        {
          nst_pdf_stroke_line (self, start, y, x, y, 0.5);
          start = -1;
        }
      if (item != NULL)
        x += item->width + (is_stretchable (item) ? word_space : 0);
    }
}

/**
 * nst_pdf_layout_draw_line:
 * @x: the left of the layout's box
 * @top: the top of the line's box
 *
 * Draws one line in runs of one font each; a justified line stretches its
 * spaces through the word spacing, so that words keep their letters
 * together and the text extracts with its spaces.
 */
void
nst_pdf_layout_draw_line (NstPdf       *self,
                          NstPdfLayout *layout,
                          guint         index,
                          double        x,
                          double        top)
{
  const NstPdfLine *line = &g_array_index (layout->lines, NstPdfLine, index);
  double baseline = nst_pdf_baseline (top, layout->size, layout->leading);
  double word_space, pos;
  gboolean underline = FALSE;
  char buffer[1024];

  if (nst_pdf_failed (self) || self->dry_run || line->end <= line->start)
    return;
  x += line_offset (layout, line, &word_space);
  pos = x;
  HPDF_Page_BeginText (self->page);
  for (guint i = line->start; i < line->end;)
    {
      const NstPdfItem *first = &g_array_index (layout->items, NstPdfItem, i);
      /* Spaces that must not stretch go out on their own, at no extra width. */
      gboolean rigid = (first->flags & NST_PDF_ITEM_SPACE) && !is_stretchable (first);
      double run_space = rigid ? 0 : word_space;
      guint slot = first->slot;
      gsize length = 0;
      double width = 0;
      guint spaces = 0;

      for (; i < line->end; i++)
        {
          const NstPdfItem *item = &g_array_index (layout->items, NstPdfItem, i);
          gboolean item_rigid = (item->flags & NST_PDF_ITEM_SPACE) && !is_stretchable (item);

          if (!is_drawn (line, item, i))
            continue;
          if (item->slot != slot || item_rigid != rigid || length + item->n_bytes >= sizeof buffer)
            break;
          memcpy (buffer + length, item->bytes, item->n_bytes);
          length += item->n_bytes;
          width += item->width;
          spaces += is_stretchable (item) ? 1 : 0;
          underline |= (item->flags & NST_PDF_ITEM_UNDERLINE) != 0;
        }
      if (length == 0)
        continue;
      buffer[length] = '\0';
      nst_pdf_use_font (self, nst_pdf_slot_font (self, slot), layout->size);
      if (slot_is_single_byte (slot))
        nst_pdf_use_word_space (self, run_space);
      HPDF_Page_TextOut (self->page, pos, baseline, buffer);
      pos += width + spaces * run_space;
    }
  HPDF_Page_EndText (self->page);
  if (underline)
    draw_underlines (self, layout, line, x, baseline, word_space);
}

/* ---- blocks of text ---------------------------------------------------------- */

/**
 * nst_pdf_paragraph:
 *
 * Draws @markup below what is on the page, line by line, going on to the
 * next page when the page is full. At least two lines go together at the
 * bottom of a page.
 */
void
nst_pdf_paragraph (NstPdf            *self,
                   const NstPdfStyle *style,
                   const char        *markup)
{
  g_autoptr(NstPdfLayout) layout = NULL;
  double need;

  if (!self->has_page)
    nst_pdf_begin_document (self, NST_PDF_PORTRAIT);
  if (nst_pdf_failed (self))
    return;
  nst_pdf_space (self, style->space_before);
  layout = nst_pdf_layout_new (self, style, markup, nst_pdf_get_text_width (self));
  need = MIN (layout->lines->len, 2) * layout->leading;
  if (style->keep_with_next)
    need = nst_pdf_layout_height (layout) + 2 * nst_pdf_style_body.size * NST_PDF_LEADING;
  nst_pdf_ensure_space (self, need);
  for (guint i = 0; i < layout->lines->len && !nst_pdf_failed (self); i++)
    {
      if (self->y - layout->leading < self->bottom - 0.01)
        nst_pdf_new_page (self);
      nst_pdf_layout_draw_line (self, layout, i, self->left, self->y);
      self->y -= layout->leading;
      self->at_page_top = FALSE;
    }
  nst_pdf_space (self, style->space_after);
}

/* The height @markup takes in a box @width wide (the text width when 0). */
double
nst_pdf_measure (NstPdf            *self,
                 const NstPdfStyle *style,
                 const char        *markup,
                 double             width)
{
  g_autoptr(NstPdfLayout) layout = NULL;

  if (width <= 0)
    width = self->has_page ? nst_pdf_get_text_width (self) : NST_MM (170);
  layout = nst_pdf_layout_new (self, style, markup, width);
  return nst_pdf_layout_height (layout);
}

/* The width of @markup set on one line. */
double
nst_pdf_text_width (NstPdf     *self,
                    double      size,
                    gboolean    bold,
                    const char *markup)
{
  g_autoptr(GArray) items = make_items (self, markup, bold, size);
  double width = 0;

  for (guint i = 0; i < items->len; i++)
    if (!(g_array_index (items, NstPdfItem, i).flags & NST_PDF_ITEM_SHY))
      width += g_array_index (items, NstPdfItem, i).width;
  return width;
}

/**
 * nst_pdf_left_right:
 *
 * One line with @left_markup at the left margin and @right_markup at the
 * right one, as the date and the number of an order; when they do not fit
 * side by side, one under the other.
 */
void
nst_pdf_left_right (NstPdf            *self,
                    const NstPdfStyle *style,
                    const char        *left_markup,
                    const char        *right_markup)
{
  NstPdfStyle right_style = *style;
  double width, leading = nst_pdf_leading (self, style->size);
  g_autoptr(NstPdfLayout) left = NULL;
  g_autoptr(NstPdfLayout) right = NULL;

  if (!self->has_page)
    nst_pdf_begin_document (self, NST_PDF_PORTRAIT);
  if (nst_pdf_failed (self))
    return;
  width = nst_pdf_get_text_width (self);
  right_style.align = NST_PDF_ALIGN_RIGHT;
  right_style.first_indent = right_style.left_indent = 0;
  left = nst_pdf_layout_new (self, style, left_markup, width);
  right = nst_pdf_layout_new (self, &right_style, right_markup, width);
  if (left->lines->len != 1 || right->lines->len != 1 ||
      nst_pdf_layout_line_width (left) + nst_pdf_layout_line_width (right) + 12 > width)
    {
      nst_pdf_paragraph (self, style, left_markup);
      nst_pdf_paragraph (self, &right_style, right_markup);
      return;
    }
  nst_pdf_space (self, style->space_before);
  nst_pdf_ensure_space (self, leading);
  nst_pdf_layout_draw_line (self, left, 0, self->left, self->y);
  nst_pdf_layout_draw_line (self, right, 0, self->left, self->y);
  self->y -= leading;
  self->at_page_top = FALSE;
  nst_pdf_space (self, style->space_after);
}

/**
 * nst_pdf_bottom_note:
 *
 * Small text at the bottom left of the page, as the executor's mark of an
 * order on its last page; on a new page when the text above reaches down
 * to where it goes. Nothing else goes on the page after it.
 */
void
nst_pdf_bottom_note (NstPdf     *self,
                     double      size,
                     const char *markup)
{
  NstPdfStyle style = { size, NST_PDF_ALIGN_LEFT, FALSE, 0, 0, 0, 0, FALSE };
  g_autoptr(NstPdfLayout) layout = NULL;
  double height, top;

  if (!self->has_page)
    nst_pdf_begin_document (self, NST_PDF_PORTRAIT);
  if (nst_pdf_failed (self))
    return;
  layout = nst_pdf_layout_new (self, &style, markup, nst_pdf_get_text_width (self) * 0.6);
  height = nst_pdf_layout_height (layout);
  /* A little air between the text and the note. */
  if (self->y - height - size < self->bottom)
    nst_pdf_new_page (self);
  top = self->bottom + height;
  for (guint i = 0; i < layout->lines->len; i++)
    nst_pdf_layout_draw_line (self, layout, i, self->left, top - i * layout->leading);
  self->y = self->bottom;
  self->at_page_top = FALSE;
}
