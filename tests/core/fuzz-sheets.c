/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the spreadsheet reader (XLSX, ODS, XLS) on any bytes.
 * Built with clang by fuzz.sh, as fuzz-csv.c is.
 *
 * Mutated ZIP archives mostly fail their checksums before any XML is read,
 * so the input's first byte chooses what the rest is:
 *   '0' (and any byte ≡ 0 mod 3)  the file itself: a ZIP, an OLE2 file, anything;
 *   '1'  the XML members of an XLSX, apart by the line SEPARATOR, in the order
 *        of xlsx_members[], stored in a fresh archive;
 *   '2'  the content.xml of an ODS, stored after its mimetype.
 * A crash it finds is saved under the build folder; what it means goes into
 * tests/core/test-import.c or tests/cli/test-import-sheets.py. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>
#include <zip.h>

#include "io/nst-sheet-reader.h"

#define SEPARATOR "\n-- next --\n"

static const char *const xlsx_members[] = {
  "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
  "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
};

static const char ods_mimetype[] = "application/vnd.oasis.opendocument.spreadsheet";

/* One file for the whole run: the reader wants a path. */
static const char *
scratch_path (void)
{
  static char *path;

  if (path == NULL)
    {
      int fd = g_file_open_tmp ("nst-fuzz-sheets-XXXXXX", &path, NULL);

      g_assert (fd >= 0);
      g_close (fd, NULL);
    }
  return path;
}

static void
add_stored (zip_t      *zip,
            const char *name,
            const char *data,
            gsize       length)
{
  zip_source_t *source = zip_source_buffer (zip, data, length, 0);
  zip_int64_t index;

  g_assert (source != NULL);
  index = zip_file_add (zip, name, source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
  g_assert (index >= 0);
  zip_set_file_compression (zip, (zip_uint64_t) index, ZIP_CM_STORE, 0);
}

/* @parts: the members' texts, each up to the next separator. */
static void
write_archive (const char        *path,
               const char        *body,
               gsize              length,
               const char *const *names,
               guint              n_names,
               gboolean           ods)
{
  const char *end = body + length;
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);

  g_assert (zip != NULL);
  if (ods)
    add_stored (zip, "mimetype", ods_mimetype, strlen (ods_mimetype));
  for (guint i = 0; i < n_names && body <= end; i++)
    {
      const char *next = g_strstr_len (body, end - body, SEPARATOR);
      const char *stop = next ? next : end;

      add_stored (zip, names[i], body, stop - body);
      body = stop + strlen (SEPARATOR);
    }
  g_assert (zip_close (zip) == 0);
}

static void
write_input (const uint8_t *data,
             size_t         size)
{
  const char *path = scratch_path ();
  const char *body = (const char *) data + 1;
  static const char *const ods_members[] = { "content.xml" };

  switch (data[0] % 3)
    {
    case 1:
      write_archive (path, body, size - 1, xlsx_members, G_N_ELEMENTS (xlsx_members), FALSE);
      break;
    case 2:
      write_archive (path, body, size - 1, ods_members, 1, TRUE);
      break;
    default:
      g_assert (g_file_set_contents (path, body, size - 1, NULL));
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstCsvTable) table = NULL;
  guint last_line = 0;

  if (size == 0)
    return 0;
  write_input (data, size);
  table = nst_sheet_table_read_file (scratch_path (), &error);
  if (table == NULL)
    {
      /* Refused, always with a reason the import can tell the user. */
      g_assert (error != NULL);
      g_assert (error->domain == NST_SHEET_ERROR || error->domain == NST_CSV_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL) && error->message[0] != '\0');
      return 0;
    }
  g_assert (error == NULL);
  for (guint r = 0; r < nst_csv_table_get_n_rows (table); r++)
    {
      guint line = nst_csv_table_get_line (table, r);

      /* Rows in the order the spreadsheet shows them, at its own numbers. */
      g_assert (line > last_line && line <= NST_SHEET_MAX_ROWS + 1);
      last_line = line;
      for (guint f = 0; f <= nst_csv_table_get_n_fields (table, r); f++)
        g_assert (g_utf8_validate (nst_csv_table_get_field (table, r, f), -1, NULL));
    }
  return 0;
}
