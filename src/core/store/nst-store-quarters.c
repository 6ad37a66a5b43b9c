/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "store/nst-store-private.h"

static gboolean
read_quarter (sqlite3_stmt       *stmt,
              NstSchoolQuarters  *out,
              GError            **error)
{
  int quarter = sqlite3_column_int (stmt, 0);
  GDate starts, ends;

  if (quarter < 1 || quarter > 4 ||
      !nst_date_parse_iso (nst_column_text (stmt, 1), &starts) ||
      !nst_date_parse_iso (nst_column_text (stmt, 2), &ends))
    {
      g_autofree char *year = nst_school_year_label (out->school_year);

      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_CORRUPT,
                   _("The dates of quarter %d of the school year %s are damaged"),
                   quarter, year);
      return FALSE;
    }
  out->starts[quarter - 1] = starts;
  out->ends[quarter - 1] = ends;
  return TRUE;
}

/**
 * nst_store_load_quarters:
 * @school_year: 2025 for 2025/2026
 * @out: (out caller-allocates): the quarters
 *
 * The quarter dates the school set for @school_year, or the usual ones
 * (nst_school_quarters_default()) when it set none.
 */
gboolean
nst_store_load_quarters (NstStore           *self,
                         guint               school_year,
                         NstSchoolQuarters  *out,
                         GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (NST_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  /* Saving writes all four, so the defaults only show through for a year
   * the school never set. */
  nst_school_quarters_default (school_year, out);
  stmt = nst_store_prepare (self, "SELECT quarter, starts_on, ends_on FROM school_quarter "
                                  "WHERE school_year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, school_year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!read_quarter (stmt, out, error))
      return FALSE;
  if (rc != SQLITE_DONE)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the school's quarters"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
                                                format, args));
  va_end (args);
  return FALSE;
}

/* Four quarters in order, apart, inside 1 September – 31 August. */
static gboolean
validate (const NstSchoolQuarters  *q,
          GError                  **error)
{
  g_autofree char *year = nst_school_year_label (q->school_year);
  GDate first, last;

  if (q->school_year < 1900 || q->school_year >= 2200)
    return set_invalid (error, _("The school year %s is out of range"), year);
  for (guint i = 0; i < 4; i++)
    {
      if (!g_date_valid (&q->starts[i]) || !g_date_valid (&q->ends[i]))
        return set_invalid (error, _("Quarter %u of %s has no dates"), i + 1, year);
      if (g_date_compare (&q->ends[i], &q->starts[i]) < 0)
        return set_invalid (error, _("Quarter %u of %s ends before it begins"), i + 1, year);
      if (i > 0 && g_date_compare (&q->starts[i], &q->ends[i - 1]) <= 0)
        return set_invalid (error, _("Quarter %u of %s must begin after quarter %u ends"),
                            i + 1, year, i);
    }
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, G_DATE_SEPTEMBER, q->school_year);
  g_date_set_dmy (&last, 31, G_DATE_AUGUST, q->school_year + 1);
  if (g_date_compare (&q->starts[0], &first) < 0 || g_date_compare (&q->ends[3], &last) > 0)
    return set_invalid (error, _("The quarters of %s must lie between 1 September and 31 August"),
                        year);
  return TRUE;
}

static gboolean
replace_rows (NstStore                 *self,
              const NstSchoolQuarters  *q,
              GError                  **error)
{
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  remove = nst_store_prepare (self, "DELETE FROM school_quarter WHERE school_year = ?1", error);
  if (remove == NULL)
    return FALSE;
  sqlite3_bind_int (remove, 1, q->school_year);
  if (!nst_store_step_done (self, remove, error))
    return FALSE;
  insert = nst_store_prepare (self, "INSERT INTO school_quarter (school_year, quarter, starts_on, ends_on) "
                                    "VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *starts = nst_date_format_iso (&q->starts[i]);
      g_autofree char *ends = nst_date_format_iso (&q->ends[i]);

      sqlite3_reset (insert);
      sqlite3_bind_int (insert, 1, q->school_year);
      sqlite3_bind_int (insert, 2, i + 1);
      sqlite3_bind_text (insert, 3, starts, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, ends, -1, SQLITE_TRANSIENT);
      if (!nst_store_step_done (self, insert, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * nst_store_save_quarters:
 *
 * Replaces the school's quarter dates for @quarters->school_year, all four
 * at once; quarters that overlap, come out of order or leave the school
 * year are refused with NST_STORE_ERROR_INVALID. Runs inside the caller's
 * transaction when there is one.
 */
gboolean
nst_store_save_quarters (NstStore                 *self,
                         const NstSchoolQuarters  *quarters,
                         GError                  **error)
{
  gboolean own;

  g_return_val_if_fail (NST_IS_STORE (self), FALSE);
  g_return_val_if_fail (quarters != NULL, FALSE);

  if (!validate (quarters, error))
    return FALSE;
  own = sqlite3_get_autocommit (nst_store_get_db (self));
  if (own && !nst_store_begin (self, error))
    return FALSE;
  if (!replace_rows (self, quarters, error))
    {
      if (own)
        nst_store_rollback (self);
      return FALSE;
    }
  return !own || nst_store_commit (self, error);
}

/**
 * nst_store_quarters_func:
 * @store: (nullable): an #NstStore
 *
 * An #NstQuartersFunc over the store, for nst_schedule_expand(). A plan
 * still needs dates when the database cannot be read, so a failure is
 * logged and the usual quarters stand in.
 */
void
nst_store_quarters_func (guint              school_year,
                         NstSchoolQuarters *out,
                         gpointer           store)
{
  g_autoptr(GError) error = NULL;

  if (store != NULL && nst_store_load_quarters (NST_STORE (store), school_year, out, &error))
    return;
  if (error != NULL)
    g_warning ("Using the usual quarter dates for %u: %s", school_year, error->message);
  nst_school_quarters_default (school_year, out);
}
