/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the CSV reader and the parsers of cell values, on any
 * bytes. Built with clang by fuzz.sh, apart from the meson build, so
 * that a gcc build needs no clang. A crash it finds is saved under the
 * build folder; copy it to tests/csv/ and test-import reads it from then
 * on. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "io/nst-csv-reader.h"
#include "io/nst-import-fields.h"
#include "schedule/nst-date.h"

static void
parse_cell (const char  *text,
            const GDate *today)
{
  g_autofree char *iso = NULL;
  g_autofree char *surname = NULL, *name = NULL, *patronymic = NULL;
  NstQualification qualification;
  NstCategory category;
  gboolean a, b;
  GDate date;

  nst_date_parse_any (text, &date);
  nst_import_parse_flag (text, &a);
  nst_import_parse_qualification (text, &qualification);
  nst_import_parse_role (text, &a, &b);
  nst_category_parse_label (text, &category);
  nst_import_parse_years (text, today, &iso);
  nst_import_split_full_name (text, &surname, &name, &patronymic);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstCsvTable) table = nst_csv_table_parse ((const char *) data, size, &error);
  guint last_line = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 11, 2025);
  if (table == NULL)
    {
      g_assert (error != NULL && error->domain == NST_CSV_ERROR);
      return 0;
    }
  g_assert (error == NULL);
  for (guint r = 0; r < nst_csv_table_get_n_rows (table); r++)
    {
      guint line = nst_csv_table_get_line (table, r);

      g_assert (line > last_line);
      last_line = line;
      for (guint f = 0; f <= nst_csv_table_get_n_fields (table, r); f++)
        {
          const char *text = nst_csv_table_get_field (table, r, f);

          g_assert (g_utf8_validate (text, -1, NULL));
          if (r == 0)
            nst_import_field_from_header (text);
          else
            parse_cell (text, &today);
        }
    }
  return 0;
}
