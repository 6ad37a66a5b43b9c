/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "io/nst-csv-reader.h"

typedef struct
{
  guint first;     /* index of its first field in offsets */
  guint n_fields;
  guint line;      /* the line it starts on, from 1 */
} Row;

/* The decoded text is unquoted in place: a field never grows when its
 * quotes are taken out, so each is written back over what was read, ended
 * by a NUL where its delimiter or line end was. One allocation for the
 * text, two arrays of integers, whatever the number of fields. */
struct _NstCsvTable
{
  char *text;
  GString *built;    /* the text of a table filled row by row, or NULL */
  GArray *offsets;   /* guint: where each field starts in text */
  GArray *rows;      /* Row */
  char delimiter;
  NstCsvEncoding encoding;
};

G_DEFINE_QUARK (nst-csv-error-quark, nst_csv_error)

/* Lines end in LF, CRLF or a lone CR. */
static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n')))
      line++;
  return line;
}

static char *
decode_utf16 (const char  *data,
              gsize        length,
              gsize       *out_length,
              GError     **error)
{
  gboolean little = (guchar) data[0] == 0xFF;
  g_autofree char *text = g_convert (data + 2, length - 2, "UTF-8",
                                     little ? "UTF-16LE" : "UTF-16BE",
                                     NULL, out_length, NULL);

  if (text == NULL)
    {
      g_set_error (error, NST_CSV_ERROR, NST_CSV_ERROR_ENCODING,
                   _("The file is marked as Unicode (UTF-16) but is not valid UTF-16 text"));
      return NULL;
    }
  if (strlen (text) != *out_length)
    {
      g_set_error (error, NST_CSV_ERROR, NST_CSV_ERROR_BINARY,
                   _("Line %u: the file holds binary data, not text; save the table as CSV"),
                   line_at (text, strlen (text)));
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* Valid UTF-8 is taken as UTF-8: Windows-1251 Cyrillic text is almost never
 * valid UTF-8, while the reverse is always "valid" CP1251. */
static char *
decode_8bit (const char      *data,
             gsize            length,
             gsize           *out_length,
             NstCsvEncoding  *encoding,
             GError         **error)
{
  const char *end = NULL;
  gsize bytes_read = 0;
  char *text;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *encoding = NST_CSV_ENCODING_UTF8_BOM;
      if (!g_utf8_validate (data + 3, length - 3, &end))
        {
          g_set_error (error, NST_CSV_ERROR, NST_CSV_ERROR_ENCODING,
                       _("Line %u: the file is marked as UTF-8 but is not valid UTF-8 text"),
                       line_at (data, end - data));
          return NULL;
        }
      *out_length = length - 3;
      return g_strndup (data + 3, length - 3);
    }
  if (g_utf8_validate (data, length, NULL))
    {
      *encoding = NST_CSV_ENCODING_UTF8;
      *out_length = length;
      return g_strndup (data, length);
    }
  *encoding = NST_CSV_ENCODING_CP1251;
  text = g_convert (data, length, "UTF-8", "CP1251", &bytes_read, out_length, NULL);
  if (text == NULL)
    g_set_error (error, NST_CSV_ERROR, NST_CSV_ERROR_ENCODING,
                 _("Line %u: the file is neither UTF-8 nor Windows-1251 text"),
                 line_at (data, MIN (bytes_read, length)));
  return text;
}

static char *
decode (const char      *data,
        gsize            length,
        gsize           *out_length,
        NstCsvEncoding  *encoding,
        GError         **error)
{
  const char *nul;

  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      *encoding = NST_CSV_ENCODING_UTF16;
      return decode_utf16 (data, length, out_length, error);
    }
  if ((nul = memchr (data, '\0', length)) != NULL)
    {
      g_set_error (error, NST_CSV_ERROR, NST_CSV_ERROR_BINARY,
                   _("Line %u: the file holds binary data, not text; save the table as CSV"),
                   line_at (data, nul - data));
      return NULL;
    }
  return decode_8bit (data, length, out_length, encoding, error);
}

/* The delimiter the header line uses most outside quotes; a single column
 * has none, and then any will do. */
static char
detect_delimiter (const char *text,
                  gsize       length)
{
  guint semicolons = 0, commas = 0, tabs = 0;
  gboolean quoted = FALSE;
  gsize i = 0;

  while (i < length && (text[i] == '\n' || text[i] == '\r'))
    i++;
  for (; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else
        {
          semicolons += c == ';';
          commas += c == ',';
          tabs += c == '\t';
        }
    }
  if (semicolons > 0 && semicolons >= tabs && semicolons >= commas)
    return ';';
  if (tabs > 0 && tabs >= commas)
    return '\t';
  return commas > 0 ? ',' : ';';
}

typedef struct
{
  char *buf;
  gsize length;
  gsize r;        /* next byte to read */
  gsize w;        /* next byte to write; never past r but at the very end */
  guint line;
  char delimiter;
} Cursor;

static gboolean
is_blank (Cursor *c,
          char    ch)
{
  return ch == ' ' || (ch == '\t' && c->delimiter != '\t');
}

/* After the opening quote: copies up to the closing one, a doubled quote
 * as one, a line break inside as LF. */
static gboolean
read_quoted (Cursor  *c,
             GError **error)
{
  guint open_line = c->line;

  c->r++;
  for (;;)
    {
      char ch;

      if (c->r >= c->length)
        {
          g_set_error (error, NST_CSV_ERROR, NST_CSV_ERROR_UNTERMINATED_QUOTE,
                       _("Line %u: a quoted field opens here and is never closed"), open_line);
          return FALSE;
        }
      ch = c->buf[c->r++];
      if (ch == '"')
        {
          if (c->r < c->length && c->buf[c->r] == '"')
            c->r++;
          else
            return TRUE;
        }
      else if (ch == '\r')
        {
          c->line++;
          if (c->r < c->length && c->buf[c->r] == '\n')
            c->r++;
          ch = '\n';
        }
      else if (ch == '\n')
        c->line++;
      c->buf[c->w++] = ch;
    }
}

/* One field; on return the cursor is on its delimiter or line end. Text
 * after a closing quote is kept, as spreadsheets do, and a quote inside an
 * unquoted field is an ordinary character. */
static gboolean
read_field (Cursor  *c,
            gsize   *start,
            GError **error)
{
  gsize keep;

  while (c->r < c->length && is_blank (c, c->buf[c->r]))
    c->r++;
  *start = keep = c->w;
  if (c->r < c->length && c->buf[c->r] == '"')
    {
      if (!read_quoted (c, error))
        return FALSE;
      keep = c->w;
      while (c->r < c->length && is_blank (c, c->buf[c->r]))
        c->r++;
    }
  while (c->r < c->length)
    {
      char ch = c->buf[c->r];

      if (ch == c->delimiter || ch == '\n' || ch == '\r')
        break;
      c->buf[c->w++] = ch;
      c->r++;
    }
  while (c->w > keep && is_blank (c, c->buf[c->w - 1]))
    c->w--;
  return TRUE;
}

/* Returns TRUE at the end of the record, moving past its line end. */
static gboolean
end_field (Cursor *c)
{
  char ch;

  if (c->r >= c->length)
    {
      c->buf[c->w++] = '\0';
      return TRUE;
    }
  /* Read before writing: the NUL may land on this very byte. */
  ch = c->buf[c->r++];
  c->buf[c->w++] = '\0';
  if (ch == c->delimiter)
    return FALSE;
  if (ch == '\r' && c->r < c->length && c->buf[c->r] == '\n')
    c->r++;
  c->line++;
  return TRUE;
}

static gboolean
read_record (NstCsvTable  *self,
             Cursor       *c,
             GError      **error)
{
  Row row = { self->offsets->len, 0, c->line };
  gsize first_start = c->w;
  gboolean done = FALSE;

  while (!done)
    {
      gsize start;
      guint offset;

      if (!read_field (c, &start, error))
        return FALSE;
      offset = (guint) start;
      g_array_append_val (self->offsets, offset);
      row.n_fields++;
      done = end_field (c);
      if (!done && row.n_fields >= NST_CSV_MAX_FIELDS)
        {
          g_set_error (error, NST_CSV_ERROR, NST_CSV_ERROR_TOO_LARGE,
                       _("Line %u has more than %u columns: this is not a table of participants"),
                       row.line, NST_CSV_MAX_FIELDS);
          return FALSE;
        }
    }
  /* A blank line is no record. */
  if (row.n_fields == 1 && c->buf[first_start] == '\0')
    {
      g_array_set_size (self->offsets, row.first);
      c->w = first_start;
      return TRUE;
    }
  g_array_append_val (self->rows, row);
  return TRUE;
}

/**
 * nst_csv_table_parse:
 * @data: the file's bytes
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error
 *   naming the line when the file is not readable text
 */
NstCsvTable *
nst_csv_table_parse (const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(NstCsvTable) self = g_new0 (NstCsvTable, 1);
  gsize text_length = 0;
  Cursor c;

  if (length > NST_CSV_MAX_SIZE)
    {
      g_set_error (error, NST_CSV_ERROR, NST_CSV_ERROR_TOO_LARGE,
                   _("The file is too large for a table of participants (%u MB at most)"),
                   NST_CSV_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->text = decode (data ? data : "", length, &text_length, &self->encoding, error);
  if (self->text == NULL)
    return NULL;
  /* Room for the NUL that ends a last field with no line end. */
  self->text = g_realloc (self->text, text_length + 1);
  self->text[text_length] = '\0';
  self->delimiter = detect_delimiter (self->text, text_length);

  c = (Cursor) { self->text, text_length, 0, 0, 1, self->delimiter };
  while (c.r < c.length)
    if (!read_record (self, &c, error))
      return NULL;
  return g_steal_pointer (&self);
}

/**
 * nst_csv_table_new:
 *
 * An empty table, for a reader of another format to fill with
 * nst_csv_table_add_row(); its delimiter and encoding mean nothing.
 *
 * Returns: (transfer full): the table
 */
NstCsvTable *
nst_csv_table_new (void)
{
  NstCsvTable *self = g_new0 (NstCsvTable, 1);

  self->built = g_string_new (NULL);
  self->text = self->built->str;
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->delimiter = ';';
  self->encoding = NST_CSV_ENCODING_UTF8;
  return self;
}

/**
 * nst_csv_table_add_row:
 * @fields: (array length=n_fields): the row's texts, UTF-8
 * @line: the number the user knows the row by, from 1: a spreadsheet's row
 *
 * Appends a row. A row of empty fields is no record, as a blank line is
 * none in a CSV file.
 */
void
nst_csv_table_add_row (NstCsvTable        *self,
                       const char *const  *fields,
                       guint               n_fields,
                       guint               line)
{
  Row row = { self->offsets->len, n_fields, line };
  gboolean blank = TRUE;

  g_return_if_fail (self->built != NULL);
  for (guint i = 0; i < n_fields && blank; i++)
    blank = fields[i] == NULL || fields[i][0] == '\0';
  if (blank)
    return;
  for (guint i = 0; i < n_fields; i++)
    {
      guint offset = (guint) self->built->len;

      g_array_append_val (self->offsets, offset);
      g_string_append (self->built, fields[i] != NULL ? fields[i] : "");
      g_string_append_c (self->built, '\0');
    }
  /* Appending may have moved the text. */
  self->text = self->built->str;
  g_array_append_val (self->rows, row);
}

void
nst_csv_table_free (NstCsvTable *self)
{
  if (self == NULL)
    return;
  if (self->built != NULL)
    g_string_free (self->built, TRUE);
  else
    g_free (self->text);
  if (self->offsets != NULL)
    g_array_unref (self->offsets);
  if (self->rows != NULL)
    g_array_unref (self->rows);
  g_free (self);
}

/* Rows count the header too: row 0 is the first record of the file. */
guint
nst_csv_table_get_n_rows (NstCsvTable *self)
{
  return self->rows->len;
}

guint
nst_csv_table_get_n_fields (NstCsvTable *self,
                            guint        row)
{
  g_return_val_if_fail (row < self->rows->len, 0);
  return g_array_index (self->rows, Row, row).n_fields;
}

/**
 * nst_csv_table_get_field:
 *
 * Returns: (transfer none): the field's text, "" past the end of a short row
 */
const char *
nst_csv_table_get_field (NstCsvTable *self,
                         guint        row,
                         guint        field)
{
  const Row *r;

  g_return_val_if_fail (row < self->rows->len, "");
  r = &g_array_index (self->rows, Row, row);
  if (field >= r->n_fields)
    return "";
  return self->text + g_array_index (self->offsets, guint, r->first + field);
}

guint
nst_csv_table_get_line (NstCsvTable *self,
                        guint        row)
{
  g_return_val_if_fail (row < self->rows->len, 0);
  return g_array_index (self->rows, Row, row).line;
}

char
nst_csv_table_get_delimiter (NstCsvTable *self)
{
  return self->delimiter;
}

NstCsvEncoding
nst_csv_table_get_encoding (NstCsvTable *self)
{
  return self->encoding;
}
