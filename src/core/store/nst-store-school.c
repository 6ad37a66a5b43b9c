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
  g_autoptr(GString) sql = g_string_new ("SELECT school_year, mentee_limit, curator_id");
  g_autofree char *curator_name = NULL;
  g_autofree char *curator_post = NULL;
  gint64 curator_id = 0;
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
  nst_school_set_curator_id (school, sqlite3_column_int64 (stmt, 2));
  for (guint i = 0; fields[i]; i++)
    nst_school_set_text (school, fields[i], nst_column_text (stmt, i + 3));
  /* Whoever reads the school (the orders, «school show», the dialog) reads
   * the curator as resolved here, never the stored text beside an id. */
  if (!nst_store_school_curator (self, school, &curator_name, &curator_post, &curator_id, error))
    return NULL;
  /* One who has since left the staff is no longer chosen: a save then
   * keeps the text rather than being refused. */
  nst_school_set_curator_id (school, curator_id);
  nst_school_set_text (school, "curator-name", curator_name);
  nst_school_set_text (school, "curator-post", curator_post);
  return g_steal_pointer (&school);
}

static gboolean
is_staff (NstParticipant *p)
{
  NstCategory category = nst_participant_get_category (p);

  return category == NST_CATEGORY_TEACHER || category == NST_CATEGORY_HEAD;
}

/**
 * nst_store_get_staff_member:
 * @id: a participant's id
 *
 * The participant @id, if a curator can be: a teacher or one of the
 * school's heads. Refused with a message that says which it is not.
 *
 * Returns: (transfer full) (nullable): the participant
 */
NstParticipant *
nst_store_get_staff_member (NstStore  *self,
                            gint64     id,
                            GError   **error)
{
  g_autoptr(NstParticipant) p = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;

  if ((p = nst_store_get_participant (self, id, &local)) == NULL)
    {
      if (g_error_matches (local, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
                       _("There is no participant number %s in the registry"), number);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (is_staff (p))
    return g_steal_pointer (&p);
  name = nst_participant_dup_full_name (p);
  g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
               _("%s is not on the school's staff (%s): the curator is a teacher or one of the heads"),
               name, nst_category_label (nst_participant_get_category (p)));
  return NULL;
}

/**
 * nst_store_school_curator:
 * @school: the school's details, with the curator's id and the texts as
 *   entered
 * @name: (out) (transfer full): whom the orders name as the curator
 * @post: (out) (transfer full): the curator's post
 * @chosen: (out) (optional): the participant they are, 0 for the texts
 *
 * The one answer to «who is the curator»: the participant chosen from
 * the registry's staff, by the name the registry has and the post of
 * their card (the school's curator post where the card has none); the
 * texts as entered when no one is chosen, or the one chosen has left the
 * registry or the staff.
 */
gboolean
nst_store_school_curator (NstStore   *self,
                          NstSchool  *school,
                          char      **name,
                          char      **post,
                          gint64     *chosen,
                          GError    **error)
{
  gint64 id = nst_school_get_curator_id (school);
  g_autoptr(NstParticipant) p = NULL;
  g_autoptr(GError) local = NULL;

  if (id != 0 && (p = nst_store_get_staff_member (self, id, &local)) == NULL &&
      !g_error_matches (local, NST_STORE_ERROR, NST_STORE_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (chosen != NULL)
    *chosen = p != NULL ? id : 0;
  if (p == NULL)
    {
      *name = g_strdup (nst_school_get_text (school, "curator-name"));
      *post = g_strdup (nst_school_get_text (school, "curator-post"));
      return TRUE;
    }
  *name = nst_participant_dup_full_name (p);
  *post = g_strdup (*nst_participant_get_post (p) ? nst_participant_get_post (p)
                                                   : nst_school_get_text (school, "curator-post"));
  return TRUE;
}

gboolean
nst_store_save_school (NstStore   *self,
                       NstSchool  *school,
                       GError    **error)
{
  const char *const *fields = nst_school_text_fields ();
  g_autoptr(GString) columns = g_string_new ("id, school_year, mentee_limit, curator_id");
  g_autoptr(GString) values = g_string_new ("1, ?1, ?2, ?3");
  gint64 curator_id = nst_school_get_curator_id (school);
  g_autoptr(GString) sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  for (guint i = 0; fields[i]; i++)
    {
      g_autofree char *column = column_of (fields[i]);

      g_string_append_printf (columns, ", %s", column);
      g_string_append_printf (values, ", ?%u", i + 4);
    }
  if (curator_id != 0)
    {
      g_autoptr(NstParticipant) curator = nst_store_get_staff_member (self, curator_id, error);

      if (curator == NULL)
        return FALSE;
    }
  sql = g_string_new (NULL);
  g_string_printf (sql, "INSERT OR REPLACE INTO school (%s) VALUES (%s)",
                   columns->str, values->str);
  if ((stmt = nst_store_prepare (self, sql->str, error)) == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, nst_school_get_school_year (school));
  sqlite3_bind_int (stmt, 2, nst_school_get_mentee_limit (school));
  if (curator_id != 0)
    sqlite3_bind_int64 (stmt, 3, curator_id);
  else
    sqlite3_bind_null (stmt, 3);
  for (guint i = 0; fields[i]; i++)
    sqlite3_bind_text (stmt, i + 4, nst_school_get_text (school, fields[i]), -1, SQLITE_TRANSIENT);
  return nst_store_step_done (self, stmt, error);
}
