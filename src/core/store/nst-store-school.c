/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/nst-store-private.h"

/* The school table's text columns are the school's text fields, with '_'. */
static char *
column_of (const char *field)
{
  return g_strdelimit (g_strdup (field), "-", '_');
}

/**
 * nst_store_load_school:
 *
 * Returns: (transfer full): the school's details; defaults when none were saved
 */
NstSchool *
nst_store_load_school (NstStore  *self,
                       GError   **error)
{
  const char *const *fields = nst_school_text_fields ();
  g_autoptr(NstSchool) school = nst_school_new ();
  g_autoptr(GString) sql = g_string_new ("SELECT school_year, mentee_limit");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  for (guint i = 0; fields[i]; i++)
    {
      g_autofree char *column = column_of (fields[i]);
      g_string_append_printf (sql, ", %s", column);
    }
  g_string_append (sql, " FROM school WHERE id = 1");
  if ((stmt = nst_store_prepare (self, sql->str, error)) == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return g_steal_pointer (&school);
  if (rc != SQLITE_ROW)
    {
      nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the school's details"));
      return NULL;
    }
  nst_school_set_school_year (school, sqlite3_column_int (stmt, 0));
  nst_school_set_mentee_limit (school, sqlite3_column_int (stmt, 1));
  for (guint i = 0; fields[i]; i++)
    nst_school_set_text (school, fields[i], nst_column_text (stmt, i + 2));
  return g_steal_pointer (&school);
}

gboolean
nst_store_save_school (NstStore   *self,
                       NstSchool  *school,
                       GError    **error)
{
  const char *const *fields = nst_school_text_fields ();
  g_autoptr(GString) columns = g_string_new ("id, school_year, mentee_limit");
  g_autoptr(GString) values = g_string_new ("1, ?1, ?2");
  g_autoptr(GString) sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  for (guint i = 0; fields[i]; i++)
    {
      g_autofree char *column = column_of (fields[i]);

      g_string_append_printf (columns, ", %s", column);
      g_string_append_printf (values, ", ?%u", i + 3);
    }
  sql = g_string_new (NULL);
  g_string_printf (sql, "INSERT OR REPLACE INTO school (%s) VALUES (%s)",
                   columns->str, values->str);
  if ((stmt = nst_store_prepare (self, sql->str, error)) == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, nst_school_get_school_year (school));
  sqlite3_bind_int (stmt, 2, nst_school_get_mentee_limit (school));
  for (guint i = 0; fields[i]; i++)
    sqlite3_bind_text (stmt, i + 3, nst_school_get_text (school, fields[i]), -1, SQLITE_TRANSIENT);
  return nst_store_step_done (self, stmt, error);
}
