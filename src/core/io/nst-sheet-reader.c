/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-sheet"

#include "config.h"

#include <freexl.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>
#include <zip.h>

#include "io/nst-sheet-reader.h"

G_DEFINE_QUARK (nst-sheet-error-quark, nst_sheet_error)

#define ZIP_MAGIC "PK\x03\x04"
#define OLE2_MAGIC "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

/* The last day a spreadsheet counts to, 31.12.9999: serial 2958465. */
#define MAX_SERIAL 2958465.0

/* ---- errors -------------------------------------------------------------- */

static void
set_damaged (GError **error)
{
  g_set_error (error, NST_SHEET_ERROR, NST_SHEET_ERROR_DAMAGED,
               _("The spreadsheet is damaged or incomplete: open it in the spreadsheet "
                 "program and save it again"));
}

static void
set_encrypted (GError **error)
{
  g_set_error (error, NST_SHEET_ERROR, NST_SHEET_ERROR_ENCRYPTED,
               _("The file is protected by a password: remove the password in the "
                 "spreadsheet program, or save the table without one"));
}

/* An OLE2 file of Word, say, or a text file read as a spreadsheet. */
static void
set_not_a_sheet (GError **error)
{
  g_set_error (error, NST_SHEET_ERROR, NST_SHEET_ERROR_NOT_A_SHEET,
               _("The file is not an XLSX, ODS or XLS spreadsheet"));
}

static void
set_too_large (GError **error)
{
  g_set_error (error, NST_SHEET_ERROR, NST_SHEET_ERROR_TOO_LARGE,
               _("The spreadsheet is too large for a table of participants "
                 "(%u MB at most, unpacked)"),
               NST_CSV_MAX_SIZE / (1024 * 1024));
}

/* ---- values as text ------------------------------------------------------ */

/**
 * nst_sheet_date_from_serial:
 * @serial: days as a spreadsheet counts them; a fraction is the time
 * @date1904: whether the workbook counts from 1904 (old Excel for Mac)
 *
 * The 1900 system counts 1 for 01.01.1900 and, as Lotus 1-2-3 did, has a
 * 29.02.1900 that never was (serial 60): it is given as such, for the user
 * to see the date the spreadsheet shows. The 1904 system counts 0 for
 * 01.01.1904.
 *
 * Returns: (transfer full) (nullable): DD.MM.YYYY, or %NULL for no date
 */
char *
nst_sheet_date_from_serial (double   serial,
                            gboolean date1904)
{
  GDate date;
  double days;

  if (!isfinite (serial) || serial > MAX_SERIAL)
    return NULL;
  days = floor (serial);
  if (date1904)
    {
      if (days < 0)
        return NULL;
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
    }
  else
    {
      if (days < 1)
        return NULL;
      if (days == 60)
        return g_strdup ("29.02.1900");
      /* Before the fake day the count starts a day later. */
      g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
      if (days > 60)
        days--;
    }
  g_date_add_days (&date, (guint) days);
  if (g_date_get_year (&date) > 9999)
    return NULL;
  return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (&date),
                          (guint) g_date_get_month (&date), g_date_get_year (&date));
}

/* «1985-03-12» or «1985-03-12T10:00:00» as 12.03.1985; NULL if it is not
 * one. */
static char *
date_from_iso (const char *text)
{
  guint year, month, day;
  char rest = '\0';

  if (text == NULL || strlen (text) < 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) < 3 ||
      (rest != '\0' && rest != 'T' && rest != ' ') ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%02u.%02u.%04u", day, month, year);
}

/* As a person would type it: «12», not «12.0» or «1.2E+1». */
static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0)
    return g_strdup ("0");
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

static char *
format_number (const char *text)
{
  char *end = NULL;
  double value;

  if (text == NULL)
    return g_strdup ("");
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return g_strdup (text);
  return format_double (value);
}

/* ---- the rows ------------------------------------------------------------ */

typedef struct
{
  NstCsvTable *table;
  GPtrArray *fields;   /* char *: the row being read */
  guint n_rows;        /* rows given to the table */
} Sheet;

static void
sheet_init (Sheet *sheet)
{
  sheet->table = nst_csv_table_new ();
  sheet->fields = g_ptr_array_new_with_free_func (g_free);
  sheet->n_rows = 0;
}

static void
sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->table, nst_csv_table_free);
  g_clear_pointer (&sheet->fields, g_ptr_array_unref);
}

/* An empty cell is never stored, so that the columns a spreadsheet
 * formats to its last (16,384 of them) cost nothing. */
static gboolean
sheet_set_cell (Sheet       *sheet,
                guint64      column,
                guint        line,
                const char  *text,
                GError     **error)
{
  if (text == NULL || *text == '\0')
    return TRUE;
  if (column >= NST_CSV_MAX_FIELDS)
    {
      g_set_error (error, NST_SHEET_ERROR, NST_SHEET_ERROR_TOO_LARGE,
                   _("Row %u has more than %u columns: this is not a table of participants"),
                   line, NST_CSV_MAX_FIELDS);
      return FALSE;
    }
  while (sheet->fields->len < column)
    g_ptr_array_add (sheet->fields, g_strdup (""));
  if (column < sheet->fields->len)
    {
      g_free (sheet->fields->pdata[column]);
      sheet->fields->pdata[column] = g_strdup (text);
    }
  else
    g_ptr_array_add (sheet->fields, g_strdup (text));
  return TRUE;
}

/* Gives the row read so far @repeat times (ODS stores equal rows once). */
static gboolean
sheet_end_row (Sheet    *sheet,
               guint     line,
               guint64   repeat,
               GError  **error)
{
  if (sheet->fields->len == 0)
    return TRUE;
  if (repeat > NST_SHEET_MAX_ROWS - sheet->n_rows)
    {
      g_set_error (error, NST_SHEET_ERROR, NST_SHEET_ERROR_TOO_LARGE,
                   _("The spreadsheet has more than %u rows: this is not a table of participants"),
                   NST_SHEET_MAX_ROWS);
      return FALSE;
    }
  for (guint64 i = 0; i < repeat; i++)
    nst_csv_table_add_row (sheet->table, (const char *const *) sheet->fields->pdata,
                           sheet->fields->len, (guint) MIN (line + i, G_MAXUINT));
  sheet->n_rows += (guint) repeat;
  g_ptr_array_set_size (sheet->fields, 0);
  return TRUE;
}

static NstCsvTable *
sheet_steal_table (Sheet *sheet)
{
  return g_steal_pointer (&sheet->table);
}

/* ---- XML ----------------------------------------------------------------- */

/* Parse errors come back as the reader's result; libxml2 is not to print
 * them on the terminal. */
static void
ignore_xml_error (void                    *arg,
                  const char              *msg,
                  xmlParserSeverities      severity,
                  xmlTextReaderLocatorPtr  locator)
{
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

/* No network, no entities expanded: a spreadsheet needs neither. */
static xmlTextReader *
xml_reader_new (GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlTextReader *reader = xmlReaderForMemory (data, (int) length, NULL, NULL,
                                              XML_PARSE_NONET | XML_PARSE_COMPACT);

  if (reader != NULL)
    xmlTextReaderSetErrorHandler (reader, ignore_xml_error, NULL);
  return reader;
}

static gboolean
is_element (xmlTextReader *reader,
            const char    *local_name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0;
}

static gboolean
is_end_element (xmlTextReader *reader,
                const char    *local_name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0;
}

static char *
attribute (xmlTextReader *reader,
           const char    *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
attribute_ns (xmlTextReader *reader,
              const char    *local_name,
              const char    *ns)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) local_name,
                                                (const xmlChar *) ns);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static guint64
attribute_count (xmlTextReader *reader,
                 const char    *local_name,
                 const char    *ns)
{
  g_autofree char *value = attribute_ns (reader, local_name, ns);
  guint64 n = value ? g_ascii_strtoull (value, NULL, 10) : 1;

  return MAX (n, 1);
}

/* The text inside the current element, to its end: for a <t> of XLSX. */
static int
read_element_text (xmlTextReader *reader,
                   GString       *out)
{
  int depth = xmlTextReaderDepth (reader);
  int ret;

  if (xmlTextReaderIsEmptyElement (reader))
    return 1;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
        break;
      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
          type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        g_string_append (out, (const char *) xmlTextReaderConstValue (reader));
    }
  return ret;
}

/* ---- ZIP ----------------------------------------------------------------- */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (zip_t, zip_discard)

/* A member of the archive, or NULL without @error when it has none such.
 * @budget is what may still be unpacked: a small file that unpacks to
 * gigabytes is refused before it is. */
static GBytes *
zip_read_member (zip_t       *zip,
                 const char  *name,
                 guint64     *budget,
                 GError     **error)
{
  zip_stat_t st;
  zip_file_t *file;
  g_autofree char *data = NULL;
  zip_int64_t n;

  zip_stat_init (&st);
  if (zip_stat (zip, name, 0, &st) < 0)
    return NULL;
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > *budget)
    {
      set_too_large (error);
      return NULL;
    }
  *budget -= st.size;
  if ((file = zip_fopen (zip, name, 0)) == NULL)
    {
      if (zip_error_code_zip (zip_get_error (zip)) == ZIP_ER_NOPASSWD)
        set_encrypted (error);
      else
        set_damaged (error);
      return NULL;
    }
  data = g_malloc (st.size + 1);
  n = zip_fread (file, data, st.size);
  /* Closing is where a bad checksum is told. */
  if (zip_fclose (file) != 0 || n < 0 || (zip_uint64_t) n != st.size)
    {
      set_damaged (error);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), st.size);
}

/* A member the spreadsheet cannot be without. */
static GBytes *
zip_read_required (zip_t       *zip,
                   const char  *name,
                   guint64     *budget,
                   GError     **error)
{
  GError *local = NULL;
  GBytes *bytes = zip_read_member (zip, name, budget, &local);

  if (bytes == NULL && local == NULL)
    set_damaged (error);
  else if (local != NULL)
    g_propagate_error (error, local);
  return bytes;
}

/* ---- XLSX ---------------------------------------------------------------- */

typedef struct
{
  GPtrArray *strings;      /* char *: the shared strings */
  GArray *xf_is_date;      /* gboolean: per cell style */
  gboolean date1904;
  char *sheet_path;        /* the first worksheet in the archive */
} Workbook;

static void
workbook_clear (Workbook *book)
{
  g_clear_pointer (&book->strings, g_ptr_array_unref);
  g_clear_pointer (&book->xf_is_date, g_array_unref);
  g_clear_pointer (&book->sheet_path, g_free);
}

/* Excel's own date formats: 14–22 and 45–47. */
static gboolean
builtin_format_is_date (guint64 id)
{
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

/* A format code with days, months or years is a date; one of minutes only
 * («[h]:mm», «mm:ss») is a time. Quoted text, escaped characters and
 * [sections] (colours, locales, elapsed hours) are no part of it. */
static gboolean
format_code_is_date (const char *code)
{
  gboolean day_or_year = FALSE, month_or_minute = FALSE, time = FALSE;

  for (const char *p = code; p != NULL && *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (c == '"')
        {
          const char *close = strchr (p + 1, '"');

          if (close == NULL)
            break;
          p = close;
        }
      else if (c == '\\' || c == '_' || c == '*')
        {
          if (*++p == '\0')
            break;
        }
      else if (c == '[')
        {
          const char *close = strchr (p + 1, ']');

          if (close == NULL)
            break;
          time |= strchr ("hms", g_ascii_tolower (p[1])) != NULL;
          p = close;
        }
      else if (c == 'd' || c == 'y')
        day_or_year = TRUE;
      else if (c == 'm')
        month_or_minute = TRUE;
      else if (c == 'h' || c == 's')
        time = TRUE;
    }
  return day_or_year || (month_or_minute && !time);
}

static int
read_styles (Workbook *book,
             GBytes   *bytes)
{
  g_autoptr(xmlTextReader) reader = xml_reader_new (bytes);
  /* numFmtId → 2 for a date format, 1 for another */
  g_autoptr(GHashTable) custom = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, NULL);
  int xfs_depth = -1;
  int ret;

  if (reader == NULL)
    return -1;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "numFmt"))
        {
          g_autofree char *id = attribute (reader, "numFmtId");
          g_autofree char *code = attribute (reader, "formatCode");
          gint64 *key = g_new (gint64, 1);

          *key = id ? g_ascii_strtoll (id, NULL, 10) : -1;
          g_hash_table_insert (custom, key, GINT_TO_POINTER (format_code_is_date (code) ? 2 : 1));
        }
      else if (is_element (reader, "cellXfs") && !xmlTextReaderIsEmptyElement (reader))
        xfs_depth = xmlTextReaderDepth (reader);
      else if (is_end_element (reader, "cellXfs"))
        xfs_depth = -1;
      else if (xfs_depth >= 0 && is_element (reader, "xf") &&
               xmlTextReaderDepth (reader) == xfs_depth + 1)
        {
          g_autofree char *id_text = attribute (reader, "numFmtId");
          gint64 id = id_text ? g_ascii_strtoll (id_text, NULL, 10) : 0;
          int kind = GPOINTER_TO_INT (g_hash_table_lookup (custom, &id));
          gboolean is_date = kind != 0 ? kind == 2 : builtin_format_is_date (id);

          g_array_append_val (book->xf_is_date, is_date);
        }
    }
  return ret;
}

static int
read_shared_strings (Workbook *book,
                     GBytes   *bytes)
{
  g_autoptr(xmlTextReader) reader = xml_reader_new (bytes);
  g_autoptr(GString) text = g_string_new (NULL);
  int phonetic_depth = -1;
  int ret;

  if (reader == NULL)
    return -1;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "si"))
        {
          g_string_truncate (text, 0);
          if (xmlTextReaderIsEmptyElement (reader))
            g_ptr_array_add (book->strings, g_strdup (""));
        }
      else if (is_end_element (reader, "si"))
        g_ptr_array_add (book->strings, g_strdup (text->str));
      /* A Japanese reading of the text is not the text. */
      else if (is_element (reader, "rPh") && !xmlTextReaderIsEmptyElement (reader))
        phonetic_depth = xmlTextReaderDepth (reader);
      else if (is_end_element (reader, "rPh"))
        phonetic_depth = -1;
      else if (phonetic_depth < 0 && is_element (reader, "t") &&
               (ret = read_element_text (reader, text)) != 1)
        break;
    }
  return ret;
}

/* The first <sheet> of <sheets>, found through the workbook's
 * relationships; the date system from <workbookPr>. */
static int
read_workbook (Workbook *book,
               GBytes   *workbook,
               GBytes   *rels)
{
  g_autoptr(xmlTextReader) reader = xml_reader_new (workbook);
  g_autofree char *rel_id = NULL;
  int ret;

  if (reader == NULL)
    return -1;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "workbookPr"))
      {
        g_autofree char *value = attribute (reader, "date1904");

        book->date1904 = g_strcmp0 (value, "1") == 0 || g_strcmp0 (value, "true") == 0;
      }
    else if (is_element (reader, "sheet") && rel_id == NULL)
      {
        /* r:id, in the relationships namespace of transitional or strict. */
        while (xmlTextReaderMoveToNextAttribute (reader) == 1)
          if (g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), "id") == 0 &&
              xmlTextReaderConstNamespaceUri (reader) != NULL)
            rel_id = g_strdup ((const char *) xmlTextReaderConstValue (reader));
        xmlTextReaderMoveToElement (reader);
      }
  if (ret != 0 || rel_id == NULL || rels == NULL)
    return ret;

  g_clear_pointer (&reader, xmlFreeTextReader);
  if ((reader = xml_reader_new (rels)) == NULL)
    return -1;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "Relationship"))
      {
        g_autofree char *id = attribute (reader, "Id");
        g_autofree char *target = attribute (reader, "Target");

        if (g_strcmp0 (id, rel_id) != 0 || target == NULL)
          continue;
        g_free (book->sheet_path);
        book->sheet_path = target[0] == '/' ? g_strdup (target + 1)
                                            : g_strconcat ("xl/", target, NULL);
      }
  return ret;
}

/* «C5» → column 2 (from 0) and row 5; FALSE if it is not a reference. */
static gboolean
parse_cell_reference (const char *ref,
                      guint64    *column,
                      guint64    *row)
{
  guint64 c = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && c <= G_MAXUINT32; p++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (p == ref || c == 0 || !g_ascii_isdigit (*p))
    return FALSE;
  *column = c - 1;
  *row = g_ascii_strtoull (p, NULL, 10);
  return TRUE;
}

typedef struct
{
  char *type;      /* t: s, inlineStr, str, b, e, d, or n (the default) */
  guint style;     /* s */
  GString *value;  /* <v> */
  GString *inline_text;   /* <is> */
} Cell;

/* The children of a <c>: its <v> and its inline <is><t>. */
static int
read_cell_content (xmlTextReader *reader,
                   Cell          *cell)
{
  int depth = xmlTextReaderDepth (reader);
  int phonetic_depth = -1;
  int ret = 1;

  if (xmlTextReaderIsEmptyElement (reader))
    return 1;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
          xmlTextReaderDepth (reader) == depth)
        break;
      if (is_element (reader, "v"))
        ret = read_element_text (reader, cell->value);
      else if (is_element (reader, "rPh") && !xmlTextReaderIsEmptyElement (reader))
        phonetic_depth = xmlTextReaderDepth (reader);
      else if (is_end_element (reader, "rPh"))
        phonetic_depth = -1;
      else if (is_element (reader, "t") && phonetic_depth < 0)
        ret = read_element_text (reader, cell->inline_text);
      if (ret != 1)
        break;
    }
  return ret;
}

static char *
xlsx_cell_text (Workbook *book,
                Cell     *cell)
{
  const char *type = cell->type ? cell->type : "n";

  if (g_str_equal (type, "s"))
    {
      guint64 index = g_ascii_strtoull (cell->value->str, NULL, 10);

      return g_strdup (index < book->strings->len && cell->value->len > 0
                       ? book->strings->pdata[index] : "");
    }
  if (g_str_equal (type, "inlineStr"))
    return g_strdup (cell->inline_text->str);
  if (g_str_equal (type, "d"))
    {
      char *date = date_from_iso (cell->value->str);

      return date ? date : g_strdup (cell->value->str);
    }
  if (g_str_equal (type, "n") && cell->value->len > 0)
    {
      if (cell->style < book->xf_is_date->len &&
          g_array_index (book->xf_is_date, gboolean, cell->style))
        {
          char *date = nst_sheet_date_from_serial (g_ascii_strtod (cell->value->str, NULL),
                                                   book->date1904);
          if (date != NULL)
            return date;
        }
      return format_number (cell->value->str);
    }
  return g_strdup (cell->value->str);
}

static gboolean
read_xlsx_sheet (Workbook  *book,
                 GBytes    *bytes,
                 Sheet     *sheet,
                 GError   **error)
{
  g_autoptr(xmlTextReader) reader = xml_reader_new (bytes);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) inline_text = g_string_new (NULL);
  guint64 line = 0, next_column = 0;
  int ret;

  if (reader == NULL)
    {
      set_damaged (error);
      return FALSE;
    }
  while ((ret = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "row"))
      {
        g_autofree char *r = attribute (reader, "r");
        guint64 number = r ? g_ascii_strtoull (r, NULL, 10) : 0;

        line = number > line ? number : line + 1;
        next_column = 0;
      }
    else if (is_end_element (reader, "row"))
      {
        if (!sheet_end_row (sheet, (guint) MIN (line, G_MAXUINT), 1, error))
          return FALSE;
      }
    else if (is_element (reader, "c"))
      {
        g_autofree char *ref = attribute (reader, "r");
        g_autofree char *style = attribute (reader, "s");
        g_autofree char *text = NULL;
        Cell cell = { attribute (reader, "t"), 0, value, inline_text };
        guint64 column = next_column, row;

        if (ref != NULL && !parse_cell_reference (ref, &column, &row))
          column = next_column;
        cell.style = style ? (guint) g_ascii_strtoull (style, NULL, 10) : 0;
        g_string_truncate (value, 0);
        g_string_truncate (inline_text, 0);
        ret = read_cell_content (reader, &cell);
        text = xlsx_cell_text (book, &cell);
        g_free (cell.type);
        next_column = column + 1;
        if (ret != 1)
          break;
        if (!sheet_set_cell (sheet, column, (guint) MIN (line, G_MAXUINT), text, error))
          return FALSE;
      }
  if (ret != 0)
    {
      set_damaged (error);
      return FALSE;
    }
  return TRUE;
}

static NstCsvTable *
read_xlsx (zip_t    *zip,
           guint64  *budget,
           GError  **error)
{
  g_autoptr(GBytes) workbook = NULL;
  g_autoptr(GBytes) rels = NULL;
  g_autoptr(GBytes) styles = NULL;
  g_autoptr(GBytes) strings = NULL;
  g_autoptr(GBytes) sheet_xml = NULL;
  Workbook book = { g_ptr_array_new_with_free_func (g_free),
                    g_array_new (FALSE, FALSE, sizeof (gboolean)), FALSE, NULL };
  Sheet sheet;
  NstCsvTable *table = NULL;
  GError *local = NULL;

  sheet_init (&sheet);
  if ((workbook = zip_read_required (zip, "xl/workbook.xml", budget, error)) == NULL)
    goto out;
  rels = zip_read_member (zip, "xl/_rels/workbook.xml.rels", budget, &local);
  if (local == NULL)
    styles = zip_read_member (zip, "xl/styles.xml", budget, &local);
  if (local == NULL)
    strings = zip_read_member (zip, "xl/sharedStrings.xml", budget, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      goto out;
    }
  if (read_workbook (&book, workbook, rels) != 0 ||
      (styles != NULL && read_styles (&book, styles) != 0) ||
      (strings != NULL && read_shared_strings (&book, strings) != 0))
    {
      set_damaged (error);
      goto out;
    }
  sheet_xml = zip_read_required (zip, book.sheet_path ? book.sheet_path : "xl/worksheets/sheet1.xml",
                                 budget, error);
  if (sheet_xml != NULL && read_xlsx_sheet (&book, sheet_xml, &sheet, error))
    table = sheet_steal_table (&sheet);
out:
  workbook_clear (&book);
  sheet_clear (&sheet);
  return table;
}

/* ---- ODS ----------------------------------------------------------------- */

/* The text of a cell's paragraphs, a line each; <text:s text:c="3"/> is
 * three spaces. A comment on the cell is not its text. */
static int
read_ods_cell_text (xmlTextReader *reader,
                    GString       *out)
{
  int depth = xmlTextReaderDepth (reader);
  int annotation_depth = -1;
  gboolean first_paragraph = TRUE;
  int ret;

  if (xmlTextReaderIsEmptyElement (reader))
    return 1;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int node_depth = xmlTextReaderDepth (reader);

      if (type == XML_READER_TYPE_END_ELEMENT && node_depth == depth)
        break;
      if (annotation_depth >= 0)
        {
          if (type == XML_READER_TYPE_END_ELEMENT && node_depth == annotation_depth)
            annotation_depth = -1;
          continue;
        }
      if (is_element (reader, "annotation") && !xmlTextReaderIsEmptyElement (reader))
        annotation_depth = node_depth;
      else if (is_element (reader, "p") || is_element (reader, "h"))
        {
          if (!first_paragraph)
            g_string_append_c (out, '\n');
          first_paragraph = FALSE;
        }
      else if (is_element (reader, "s"))
        for (guint64 n = MIN (attribute_count (reader, "c", NS_TEXT), 1000); n > 0; n--)
          g_string_append_c (out, ' ');
      else if (is_element (reader, "tab"))
        g_string_append_c (out, '\t');
      else if (is_element (reader, "line-break"))
        g_string_append_c (out, '\n');
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
               type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        g_string_append (out, (const char *) xmlTextReaderConstValue (reader));
    }
  return ret;
}

/* A number as its value, not as it is shown («12», not «12,0 ₽»); a date
 * as DD.MM.YYYY; a yes or no as true or false; NULL for anything else, which is taken as it is shown. */
static char *
ods_cell_value (xmlTextReader *reader)
{
  g_autofree char *type = attribute_ns (reader, "value-type", NS_OFFICE);
  g_autofree char *value = NULL;

  if (type == NULL || g_str_equal (type, "string"))
    return NULL;
  if (g_str_equal (type, "float") || g_str_equal (type, "percentage") ||
      g_str_equal (type, "currency"))
    {
      value = attribute_ns (reader, "value", NS_OFFICE);
      return value ? format_number (value) : NULL;
    }
  if (g_str_equal (type, "date"))
    {
      value = attribute_ns (reader, "date-value", NS_OFFICE);
      return date_from_iso (value);
    }
  /* «true», not the «ИСТИНА» a Russian Calc shows. */
  if (g_str_equal (type, "boolean"))
    return attribute_ns (reader, "boolean-value", NS_OFFICE);
  return NULL;
}

static gboolean
read_ods_cell (xmlTextReader  *reader,
               Sheet          *sheet,
               guint64        *column,
               guint64         line,
               GError        **error)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  guint64 repeat = attribute_count (reader, "number-columns-repeated", NS_TABLE);
  g_autofree char *text = ods_cell_value (reader);

  if (read_ods_cell_text (reader, shown) != 1)
    {
      set_damaged (error);
      return FALSE;
    }
  if (text == NULL)
    text = g_strdup (shown->str);
  /* An empty cell repeated to the sheet's last column is only skipped. */
  if (*text != '\0')
    for (guint64 i = 0; i < repeat; i++)
      if (!sheet_set_cell (sheet, *column + i, (guint) MIN (line, G_MAXUINT), text, error))
        return FALSE;
  *column = repeat > G_MAXUINT64 - *column ? G_MAXUINT64 : *column + repeat;
  return TRUE;
}

/* Rows sit in the table itself or in its header-rows and row-groups; a
 * table inside a cell is not read. */
static gboolean
read_ods_table (xmlTextReader  *reader,
                Sheet          *sheet,
                GError        **error)
{
  int table_depth = xmlTextReaderDepth (reader);
  guint64 line = 1, column = 0, repeat = 1;
  int ret;

  if (xmlTextReaderIsEmptyElement (reader))
    return TRUE;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      if (is_end_element (reader, "table") && xmlTextReaderDepth (reader) == table_depth)
        return TRUE;
      if (is_element (reader, "table-row"))
        {
          repeat = attribute_count (reader, "number-rows-repeated", NS_TABLE);
          column = 0;
          if (!xmlTextReaderIsEmptyElement (reader))
            continue;
        }
      else if (is_element (reader, "table-cell") || is_element (reader, "covered-table-cell"))
        {
          if (!read_ods_cell (reader, sheet, &column, line, error))
            return FALSE;
          continue;
        }
      else if (!is_end_element (reader, "table-row"))
        continue;
      /* The end of a row: empty rows repeated are counted, never made. */
      if (!sheet_end_row (sheet, (guint) MIN (line, G_MAXUINT), repeat, error))
        return FALSE;
      line = repeat > G_MAXUINT64 - line ? G_MAXUINT64 : line + repeat;
    }
  set_damaged (error);
  return FALSE;
}

static NstCsvTable *
read_ods (zip_t    *zip,
          guint64  *budget,
          GError  **error)
{
  g_autoptr(GBytes) content = zip_read_required (zip, "content.xml", budget, error);
  g_autoptr(xmlTextReader) reader = NULL;
  NstCsvTable *table = NULL;
  Sheet sheet;
  int ret;

  if (content == NULL)
    return NULL;
  if ((reader = xml_reader_new (content)) == NULL)
    {
      set_damaged (error);
      return NULL;
    }
  sheet_init (&sheet);
  while ((ret = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "table") &&
        g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (reader), NS_TABLE) == 0)
      break;
  if (ret == 1 ? read_ods_table (reader, &sheet, error) : ret == 0)
    table = sheet_steal_table (&sheet);
  else if (ret < 0)
    set_damaged (error);
  sheet_clear (&sheet);
  return table;
}

/* ---- the archive --------------------------------------------------------- */

static gboolean
zip_is_ods (zip_t   *zip,
            guint64 *budget)
{
  g_autoptr(GBytes) mimetype = zip_read_member (zip, "mimetype", budget, NULL);
  gsize length = 0;
  const char *data = mimetype ? g_bytes_get_data (mimetype, &length) : NULL;

  return data != NULL && length == strlen (ODS_MIMETYPE) &&
         memcmp (data, ODS_MIMETYPE, length) == 0;
}

static NstCsvTable *
read_zip (const char  *path,
          GError     **error)
{
  g_autoptr(zip_t) zip = NULL;
  guint64 budget = NST_CSV_MAX_SIZE;
  int code = 0;

  if ((zip = zip_open (path, ZIP_RDONLY, &code)) == NULL)
    {
      set_damaged (error);
      return NULL;
    }
  if (zip_name_locate (zip, "xl/workbook.xml", 0) >= 0)
    return read_xlsx (zip, &budget, error);
  if (zip_is_ods (zip, &budget))
    return read_ods (zip, &budget, error);
  g_set_error (error, NST_SHEET_ERROR, NST_SHEET_ERROR_NOT_A_SHEET,
               _("The file is an archive, but not an XLSX or ODS spreadsheet"));
  return NULL;
}

/* ---- XLS ----------------------------------------------------------------- */

/* Excel keeps a workbook with a password to open as an OLE2 file with an
 * «EncryptedPackage» stream. Its name is in a directory entry: UTF-16,
 * at the start of a 128-byte slot, with its length, 34 bytes, at 64. */
static gboolean
ole2_has_encrypted_package (const char *data,
                            gsize       length)
{
  static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0\0";

  for (gsize at = 512; at + 128 <= length; at += 128)
    if (memcmp (data + at, name, sizeof name) == 0 &&
        (guchar) data[at + 64] == sizeof name && data[at + 65] == 0)
      return TRUE;
  return FALSE;
}

static guint32
read_le32 (const char *at)
{
  guint32 value;

  memcpy (&value, at, sizeof value);
  return GUINT32_FROM_LE (value);
}

static guint16
read_le16 (const char *at)
{
  guint16 value;

  memcpy (&value, at, sizeof value);
  return GUINT16_FROM_LE (value);
}

#define OLE2_END_OF_CHAIN 0xFFFFFFFEu
#define OLE2_HEADER_FAT_SECTORS 109u

/* The sector after @sector in the file allocation table, or
 * OLE2_END_OF_CHAIN when the table cannot say; the first 109 sectors of the
 * table are named in the header, which is as far as a list of participants
 * (up to 7 MB) goes. */
static guint32
ole2_next_sector (const char *data,
                  gsize       length,
                  gsize       sector_size,
                  guint32     sector,
                  gboolean   *known)
{
  guint32 per_sector = sector_size / 4;
  guint32 fat_index = sector / per_sector;
  guint32 fat_sector;
  guint64 at;

  *known = fat_index < OLE2_HEADER_FAT_SECTORS;
  if (!*known)
    return OLE2_END_OF_CHAIN;
  fat_sector = read_le32 (data + 0x4C + 4 * fat_index);
  at = ((guint64) fat_sector + 1) * sector_size + 4 * (sector % per_sector);
  if (fat_sector >= OLE2_END_OF_CHAIN - 4 || at + 4 > length)
    return G_MAXUINT32;
  return read_le32 (data + at);
}

/* libfreexl 1.0.6 converts a directory entry's name by the length the
 * entry gives, reading past the 64 bytes the name has: a damaged file
 * would have it read memory not its own (the fuzzer found it). So the
 * directory is walked here first, every name at most 64 bytes. */
static gboolean
ole2_directory_is_sound (const char *data,
                         gsize       length)
{
  guint16 shift;
  gsize sector_size;
  guint32 sector;
  gboolean known = TRUE;

  if (length < 512)
    return FALSE;
  shift = read_le16 (data + 0x1E);
  if (shift != 9 && shift != 12)
    return FALSE;
  sector_size = (gsize) 1 << shift;
  sector = read_le32 (data + 0x30);
  for (gsize steps = 0; known && sector != OLE2_END_OF_CHAIN; steps++)
    {
      guint64 at = ((guint64) sector + 1) * sector_size;

      if (steps > length / sector_size || at + sector_size > length)
        return FALSE;
      for (gsize entry = 0; entry < sector_size; entry += 128)
        if (read_le16 (data + at + entry + 64) > 64)
          return FALSE;
      sector = ole2_next_sector (data, length, sector_size, sector, &known);
    }
  return TRUE;
}

static char *
xls_cell_text (const FreeXL_CellValue *value)
{
  switch (value->type)
    {
    case FREEXL_CELL_INT:
      return g_strdup_printf ("%d", value->value.int_value);
    case FREEXL_CELL_DOUBLE:
      return format_double (value->value.double_value);
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
      {
        char *date = date_from_iso (value->value.text_value);

        return date ? date : g_strdup (value->value.text_value);
      }
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_TIME:
      return g_strdup (value->value.text_value);
    case FREEXL_CELL_NULL:
    default:
      return NULL;
    }
}

static gboolean
read_xls_cells (const void  *handle,
                Sheet       *sheet,
                GError     **error)
{
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;

  if (freexl_select_active_worksheet (handle, 0) != FREEXL_OK ||
      freexl_worksheet_dimensions (handle, &n_rows, &n_columns) != FREEXL_OK)
    {
      set_damaged (error);
      return FALSE;
    }
  for (unsigned int r = 0; r < n_rows; r++)
    {
      for (unsigned short c = 0; c < n_columns; c++)
        {
          FreeXL_CellValue value;
          g_autofree char *text = NULL;

          if (freexl_get_cell_value (handle, r, c, &value) != FREEXL_OK)
            {
              set_damaged (error);
              return FALSE;
            }
          text = xls_cell_text (&value);
          if (!sheet_set_cell (sheet, c, r + 1, text, error))
            return FALSE;
        }
      if (!sheet_end_row (sheet, r + 1, 1, error))
        return FALSE;
    }
  return TRUE;
}

static NstCsvTable *
read_xls (const char  *path,
          const char  *data,
          gsize        length,
          GError     **error)
{
  const void *handle = NULL;
  unsigned int password = FREEXL_BIFF_PLAIN;
  NstCsvTable *table = NULL;
  int code;
  Sheet sheet;

  if (ole2_has_encrypted_package (data, length))
    {
      set_encrypted (error);
      return NULL;
    }
  if (!ole2_directory_is_sound (data, length))
    {
      set_damaged (error);
      return NULL;
    }
  if ((code = freexl_open (path, &handle)) == FREEXL_BIFF_WORKBOOK_NOT_FOUND)
    set_not_a_sheet (error);
  else if (code != FREEXL_OK)
    set_damaged (error);
  else if (freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &password) != FREEXL_OK ||
           password == FREEXL_BIFF_OBFUSCATED)
    set_encrypted (error);
  else
    {
      sheet_init (&sheet);
      if (read_xls_cells (handle, &sheet, error))
        table = sheet_steal_table (&sheet);
      sheet_clear (&sheet);
    }
  freexl_close (handle);
  return table;
}

/* ---- public -------------------------------------------------------------- */

/**
 * nst_sheet_is_spreadsheet:
 * @data: the file's first bytes, eight are enough
 *
 * Returns: whether the file is a ZIP archive (XLSX, ODS) or an OLE2
 *   compound file (XLS) rather than text
 */
gboolean
nst_sheet_is_spreadsheet (const char *data,
                          gsize       length)
{
  return (length >= 4 && memcmp (data, ZIP_MAGIC, 4) == 0) ||
         (length >= 8 && memcmp (data, OLE2_MAGIC, 8) == 0);
}

/**
 * nst_sheet_table_read_file:
 * @path: an XLSX, ODS or XLS file
 *
 * Reads the first worksheet: row 0 of the table is the first row with
 * something in it, each row's line the number the spreadsheet shows.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error
 */
NstCsvTable *
nst_sheet_table_read_file (const char  *path,
                           GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  const char *data;
  gsize length;

  if ((mapped = g_mapped_file_new (path, FALSE, error)) == NULL)
    return NULL;
  data = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  if (length > NST_CSV_MAX_SIZE)
    {
      set_too_large (error);
      return NULL;
    }
  if (length >= 4 && memcmp (data, ZIP_MAGIC, 4) == 0)
    return read_zip (path, error);
  if (length >= 8 && memcmp (data, OLE2_MAGIC, 8) == 0)
    return read_xls (path, data, length, error);
  set_not_a_sheet (error);
  return NULL;
}
