/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "schedule/nst-date.h"
#include "model/nst-roadmap-template.h"
#include "store/nst-store-private.h"
#include "store/nst-store-roadmap.h"

/* Column order shared by the SELECT and read_item(). */
#define ITEM_COLUMNS \
  "i.id, i.section_id, i.position, i.content, i.schedule, i.starts_on, i.ends_on, " \
  "i.expected_result, i.indicator, i.indicator_target, i.indicator_value, " \
  "i.indicator_on, i.responsible, i.status, i.done_on"

/* Bound as ?1..?14 by bind_item(); ?15 is the id. */
#define ITEM_VALUES "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14"

/* ---- transactions ------------------------------------------------------- */

/* Runs inside the caller's transaction when there is one, else in its own. */
static gboolean
begin (NstStore  *self,
       gboolean  *own,
       GError   **error)
{
  *own = sqlite3_get_autocommit (nst_store_get_db (self));
  return !*own || nst_store_begin (self, error);
}

static gboolean
finish (NstStore  *self,
        gboolean   own,
        gboolean   ok,
        GError   **error)
{
  if (!own)
    return ok;
  if (!ok)
    {
      nst_store_rollback (self);
      return FALSE;
    }
  return nst_store_commit (self, error);
}

static gboolean
read_failed (NstStore  *self,
             int        rc,
             GError   **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;
  nst_store_set_error (error, nst_store_get_db (self), rc, _("Could not read the roadmap"));
  return TRUE;
}

static gboolean
check_changed (NstStore  *self,
               GError   **error)
{
  if (sqlite3_changes (nst_store_get_db (self)) > 0)
    return TRUE;
  g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
               _("The roadmap item is no longer in the database"));
  return FALSE;
}

static void
bind_date_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const GDate  *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL || !g_date_valid (date))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  iso = nst_date_format_iso (date);
  sqlite3_bind_text (stmt, index, iso, -1, SQLITE_TRANSIENT);
}

/* ---- reading ------------------------------------------------------------ */

static NstRoadmap *
read_roadmap_row (sqlite3_stmt *stmt)
{
  NstRoadmap *roadmap = nst_roadmap_new ();

  nst_roadmap_set_id (roadmap, sqlite3_column_int64 (stmt, 0));
  nst_roadmap_set_title (roadmap, nst_column_text (stmt, 1));
  nst_roadmap_set_starts_on (roadmap, nst_column_text (stmt, 2));
  nst_roadmap_set_ends_on (roadmap, nst_column_text (stmt, 3));
  return roadmap;
}

static NstRoadmapItem *
read_item (sqlite3_stmt *stmt)
{
  NstRoadmapItem *item = nst_roadmap_item_new ();

  nst_roadmap_item_set_id (item, sqlite3_column_int64 (stmt, 0));
  nst_roadmap_item_set_section_id (item, sqlite3_column_int64 (stmt, 1));
  nst_roadmap_item_set_position (item, sqlite3_column_int (stmt, 2));
  nst_roadmap_item_set_content (item, nst_column_text (stmt, 3));
  /* The schedule first: it fills the dates of a dated one, which the
   * stored dates then confirm. */
  nst_roadmap_item_set_schedule (item, nst_column_text (stmt, 4));
  nst_roadmap_item_set_starts_on (item, nst_column_text (stmt, 5));
  nst_roadmap_item_set_ends_on (item, nst_column_text (stmt, 6));
  nst_roadmap_item_set_expected_result (item, nst_column_text (stmt, 7));
  nst_roadmap_item_set_indicator (item, nst_column_text (stmt, 8));
  nst_roadmap_item_set_indicator_target (item, nst_column_text (stmt, 9));
  nst_roadmap_item_set_indicator_value (item, nst_column_text (stmt, 10));
  nst_roadmap_item_set_indicator_on (item, nst_column_text (stmt, 11));
  nst_roadmap_item_set_responsible (item, nst_column_text (stmt, 12));
  nst_roadmap_item_set_status (item, nst_roadmap_status_from_code (nst_column_text (stmt, 13)));
  nst_roadmap_item_set_done_on (item, nst_column_text (stmt, 14));
  return item;
}

static gboolean
load_sections (NstStore    *self,
               NstRoadmap  *roadmap,
               GHashTable  *sections,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT id, title FROM roadmap_section WHERE roadmap_id = ? "
                             "ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nst_roadmap_get_id (roadmap));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NstRoadmapSection) section = nst_roadmap_section_new (nst_column_text (stmt, 1));

      nst_roadmap_section_set_id (section, sqlite3_column_int64 (stmt, 0));
      nst_roadmap_append_section (roadmap, section);
      g_hash_table_insert (sections, GINT_TO_POINTER (nst_roadmap_section_get_id (section)), section);
    }
  return !read_failed (self, rc, error);
}

static gboolean
load_items (NstStore    *self,
            NstRoadmap  *roadmap,
            GHashTable  *sections,
            GHashTable  *items,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT " ITEM_COLUMNS " FROM roadmap_item i "
                             "JOIN roadmap_section s ON s.id = i.section_id "
                             "WHERE s.roadmap_id = ? ORDER BY i.section_id, i.position, i.id",
                       error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nst_roadmap_get_id (roadmap));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NstRoadmapItem) item = read_item (stmt);
      NstRoadmapSection *section =
        g_hash_table_lookup (sections, GINT_TO_POINTER (nst_roadmap_item_get_section_id (item)));

      nst_roadmap_section_append_item (section, item);
      g_hash_table_insert (items, GINT_TO_POINTER (nst_roadmap_item_get_id (item)), item);
    }
  return !read_failed (self, rc, error);
}

static gboolean
load_records (NstStore    *self,
              NstRoadmap  *roadmap,
              GHashTable  *items,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT o.item_id, o.due_on, o.status, o.done_on "
                             "FROM roadmap_occurrence o JOIN roadmap_item i ON i.id = o.item_id "
                             "JOIN roadmap_section s ON s.id = i.section_id "
                             "WHERE s.roadmap_id = ? ORDER BY o.item_id, o.due_on", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nst_roadmap_get_id (roadmap));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NstRoadmapItem *item = g_hash_table_lookup (items, GINT_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
      GDate due, done_on;

      g_date_clear (&done_on, 1);
      if (item == NULL || !nst_date_parse_iso (nst_column_text (stmt, 1), &due))
        continue;
      nst_date_parse_iso (nst_column_text (stmt, 3), &done_on);
      nst_roadmap_item_set_record (item, &due, nst_roadmap_status_from_code (nst_column_text (stmt, 2)),
                                   &done_on);
    }
  return !read_failed (self, rc, error);
}

/* The people's ids and their short names, «Иванова М.П.», in order. */
static void
apply_people (NstRoadmapItem *item,
              GArray         *ids,
              GString        *names)
{
  nst_roadmap_item_set_responsible_ids (item, (const gint64 *) ids->data, ids->len);
  nst_roadmap_item_set_responsible_people (item, names->str);
  g_array_set_size (ids, 0);
  g_string_truncate (names, 0);
}

static gboolean
load_people (NstStore    *self,
             NstRoadmap  *roadmap,
             GHashTable  *items,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT r.item_id, p.id, p.surname, p.name, p.patronymic "
                             "FROM roadmap_item_participant r JOIN participant p ON p.id = r.participant_id "
                             "JOIN roadmap_item i ON i.id = r.item_id "
                             "JOIN roadmap_section s ON s.id = i.section_id "
                             "WHERE s.roadmap_id = ? ORDER BY r.item_id, r.position, p.id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) names = g_string_new (NULL);
  NstRoadmapItem *current = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nst_roadmap_get_id (roadmap));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NstRoadmapItem *item = g_hash_table_lookup (items, GINT_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
      g_autoptr(NstParticipant) person = nst_participant_new ();
      g_autofree char *short_name = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 1);

      if (item != current && current != NULL)
        apply_people (current, ids, names);
      current = item;
      nst_participant_set_surname (person, nst_column_text (stmt, 2));
      nst_participant_set_name (person, nst_column_text (stmt, 3));
      nst_participant_set_patronymic (person, nst_column_text (stmt, 4));
      short_name = nst_participant_dup_short_name (person);
      g_array_append_val (ids, id);
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", short_name);
    }
  if (current != NULL)
    apply_people (current, ids, names);
  return !read_failed (self, rc, error);
}

/* After a save: the names of the item's people, as loading gives them. A
 * failure to read them leaves the old names; the save itself stands. */
static void
refresh_people (NstStore       *self,
                NstRoadmapItem *item)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT r.item_id, p.id, p.surname, p.name, p.patronymic "
                             "FROM roadmap_item_participant r JOIN participant p ON p.id = r.participant_id "
                             "WHERE r.item_id = ? ORDER BY r.position, p.id", NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) names = g_string_new (NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, nst_roadmap_item_get_id (item));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NstParticipant) person = nst_participant_new ();
      g_autofree char *short_name = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 1);

      nst_participant_set_surname (person, nst_column_text (stmt, 2));
      nst_participant_set_name (person, nst_column_text (stmt, 3));
      nst_participant_set_patronymic (person, nst_column_text (stmt, 4));
      short_name = nst_participant_dup_short_name (person);
      g_array_append_val (ids, id);
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", short_name);
    }
  apply_people (item, ids, names);
}

/**
 * nst_store_list_roadmaps:
 *
 * Every roadmap's title and period, without sections, earliest first: for
 * choosing one.
 *
 * Returns: (transfer full): a #GListStore of #NstRoadmap
 */
GListStore *
nst_store_list_roadmaps (NstStore  *self,
                         GError   **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NST_TYPE_ROADMAP);
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT id, title, starts_on, ends_on FROM roadmap "
                             "ORDER BY starts_on, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NstRoadmap) roadmap = read_roadmap_row (stmt);

      g_list_store_append (list, roadmap);
    }
  if (read_failed (self, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * nst_store_load_roadmap:
 *
 * The whole roadmap: sections, items, the marked occurrences and the
 * responsible people, in five queries whatever its size.
 *
 * Returns: (transfer full) (nullable): the roadmap
 */
NstRoadmap *
nst_store_load_roadmap (NstStore  *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT id, title, starts_on, ends_on FROM roadmap WHERE id = ?", error);
  g_autoptr(NstRoadmap) roadmap = NULL;
  g_autoptr(GHashTable) sections = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) items = g_hash_table_new (NULL, NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (!read_failed (self, rc, error))
        g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                     _("The roadmap is no longer in the database"));
      return NULL;
    }
  roadmap = read_roadmap_row (stmt);
  if (!load_sections (self, roadmap, sections, error) ||
      !load_items (self, roadmap, sections, items, error) ||
      !load_records (self, roadmap, items, error) ||
      !load_people (self, roadmap, items, error))
    return NULL;
  return g_steal_pointer (&roadmap);
}

/**
 * nst_store_load_current_roadmap:
 * @today: (nullable): the day; %NULL for nst_date_today()
 *
 * The roadmap whose period holds @today; when none does, the one that
 * starts next, else the last one that ended.
 *
 * Returns: (transfer full) (nullable): the roadmap, or %NULL without
 *   @error when there is none
 */
NstRoadmap *
nst_store_load_current_roadmap (NstStore     *self,
                                const GDate  *today,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT id FROM roadmap ORDER BY "
                             "(?1 BETWEEN starts_on AND ends_on) DESC, "
                             "(starts_on > ?1) DESC, "
                             "CASE WHEN starts_on > ?1 THEN starts_on END ASC, "
                             "ends_on DESC, id DESC LIMIT 1", error);
  g_autofree char *iso = NULL;
  GDate day;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (today == NULL)
    nst_date_today (&day);
  else
    day = *today;
  iso = nst_date_format_iso (&day);
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      read_failed (self, rc, error);
      return NULL;
    }
  return nst_store_load_roadmap (self, sqlite3_column_int64 (stmt, 0), error);
}

/* ---- writing ------------------------------------------------------------ */

static gboolean
check_item (NstRoadmapItem  *item,
            GError         **error)
{
  g_autofree char *problem = NULL;
  GDate today;

  nst_date_today (&today);
  problem = nst_roadmap_item_check (item, &today);
  if (problem == NULL)
    return TRUE;
  g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID, "%s: %s",
               *nst_roadmap_item_get_content (item) ? nst_roadmap_item_get_content (item)
                                                    : _("New roadmap item"),
               problem);
  return FALSE;
}

static void
bind_item (sqlite3_stmt   *stmt,
           NstRoadmapItem *item,
           gint64          section_id,
           guint           position)
{
  sqlite3_bind_int64 (stmt, 1, section_id);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, nst_roadmap_item_get_content (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, nst_roadmap_item_get_schedule (item), -1, SQLITE_TRANSIENT);
  nst_bind_text_or_null (stmt, 5, nst_roadmap_item_get_starts_on (item));
  nst_bind_text_or_null (stmt, 6, nst_roadmap_item_get_ends_on (item));
  sqlite3_bind_text (stmt, 7, nst_roadmap_item_get_expected_result (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, nst_roadmap_item_get_indicator (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, nst_roadmap_item_get_indicator_target (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, nst_roadmap_item_get_indicator_value (item), -1, SQLITE_TRANSIENT);
  nst_bind_text_or_null (stmt, 11, nst_roadmap_item_get_indicator_on (item));
  sqlite3_bind_text (stmt, 12, nst_roadmap_item_get_responsible (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, nst_roadmap_status_to_code (nst_roadmap_item_get_status (item)),
                     -1, SQLITE_STATIC);
  nst_bind_text_or_null (stmt, 14, nst_roadmap_item_get_done_on (item));
}

static gboolean
write_people (NstStore        *self,
              gint64           item_id,
              NstRoadmapItem  *item,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) del =
    nst_store_prepare (self, "DELETE FROM roadmap_item_participant WHERE item_id = ?", error);
  g_autoptr(sqlite3_stmt) ins = NULL;
  guint n_ids;
  const gint64 *ids = nst_roadmap_item_get_responsible_ids (item, &n_ids);

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, item_id);
  if (!nst_store_step_done (self, del, error))
    return FALSE;
  ins = nst_store_prepare (self, "INSERT OR IGNORE INTO roadmap_item_participant "
                                 "(item_id, participant_id, position) VALUES (?, ?, ?)", error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, item_id);
      sqlite3_bind_int64 (ins, 2, ids[i]);
      sqlite3_bind_int (ins, 3, i);
      if (!nst_store_step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_records (NstStore        *self,
               gint64           item_id,
               NstRoadmapItem  *item,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) ins =
    nst_store_prepare (self, "INSERT OR REPLACE INTO roadmap_occurrence "
                             "(item_id, due_on, status, done_on) VALUES (?, ?, ?, ?)", error);
  GArray *records = nst_roadmap_item_get_records (item);

  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      const NstRoadmapOccurrence *r = &g_array_index (records, NstRoadmapOccurrence, i);

      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, item_id);
      bind_date_or_null (ins, 2, &r->due);
      sqlite3_bind_text (ins, 3, nst_roadmap_status_to_code (r->status), -1, SQLITE_STATIC);
      bind_date_or_null (ins, 4, r->status == NST_ROADMAP_STATUS_DONE ? &r->done_on : NULL);
      if (!nst_store_step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

/* Inserts @item under its own id when it has one (putting back a deleted
 * item), with its people and marked occurrences; returns the id. */
static gint64
insert_item (NstStore        *self,
             NstRoadmapItem  *item,
             gint64           section_id,
             guint            position,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "INSERT INTO roadmap_item (section_id, position, content, schedule, "
                             "starts_on, ends_on, expected_result, indicator, indicator_target, "
                             "indicator_value, indicator_on, responsible, status, done_on, id) "
                             "VALUES (" ITEM_VALUES ", ?15)", error);
  gint64 id;

  if (stmt == NULL)
    return 0;
  bind_item (stmt, item, section_id, position);
  if (nst_roadmap_item_get_id (item) != 0)
    sqlite3_bind_int64 (stmt, 15, nst_roadmap_item_get_id (item));
  if (!nst_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (nst_store_get_db (self));
  if (!write_people (self, id, item, error) || !write_records (self, id, item, error))
    return 0;
  return id;
}

/* Writes the positions of a section's items as @order lists them. */
static gboolean
write_order (NstStore   *self,
             gint64      section_id,
             GPtrArray  *order,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "UPDATE roadmap_item SET section_id = ?, position = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < order->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, section_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int64 (stmt, 3, nst_roadmap_item_get_id (g_ptr_array_index (order, i)));
      if (!nst_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
items_of (NstRoadmapSection *section)
{
  GPtrArray *order = g_ptr_array_new ();

  for (guint i = 0; i < nst_roadmap_section_get_n_items (section); i++)
    g_ptr_array_add (order, nst_roadmap_section_get_item (section, i));
  return order;
}

static gboolean
write_section_order (NstStore    *self,
                     NstRoadmap  *roadmap,
                     GPtrArray   *order,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "UPDATE roadmap_section SET position = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < order->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, nst_roadmap_section_get_id (g_ptr_array_index (order, i)));
      if (!nst_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
sections_of (NstRoadmap *roadmap)
{
  GPtrArray *order = g_ptr_array_new ();

  for (guint i = 0; i < nst_roadmap_get_n_sections (roadmap); i++)
    g_ptr_array_add (order, nst_roadmap_get_section (roadmap, i));
  return order;
}

static gint64
insert_section (NstStore           *self,
                gint64              roadmap_id,
                NstRoadmapSection  *section,
                guint               position,
                GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "INSERT INTO roadmap_section (roadmap_id, position, title, id) "
                             "VALUES (?, ?, ?, ?)", error);
  gint64 id;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, roadmap_id);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, nst_roadmap_section_get_title (section), -1, SQLITE_TRANSIENT);
  if (nst_roadmap_section_get_id (section) != 0)
    sqlite3_bind_int64 (stmt, 4, nst_roadmap_section_get_id (section));
  if (!nst_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (nst_store_get_db (self));
  for (guint i = 0; i < nst_roadmap_section_get_n_items (section); i++)
    {
      NstRoadmapItem *item = nst_roadmap_section_get_item (section, i);

      if (!check_item (item, error) || insert_item (self, item, id, i, error) == 0)
        return 0;
    }
  return id;
}

/* After the insert commits: the objects learn their new ids. */
static void
adopt_ids (NstStore          *self,
           NstRoadmapSection *section,
           gint64             section_id)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "SELECT id FROM roadmap_item WHERE section_id = ? "
                             "ORDER BY position", NULL);
  guint i = 0;

  nst_roadmap_section_set_id (section, section_id);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, section_id);
  while (sqlite3_step (stmt) == SQLITE_ROW && i < nst_roadmap_section_get_n_items (section))
    {
      NstRoadmapItem *item = nst_roadmap_section_get_item (section, i++);
      guint n_people;

      nst_roadmap_item_set_id (item, sqlite3_column_int64 (stmt, 0));
      nst_roadmap_item_get_responsible_ids (item, &n_people);
      if (n_people > 0)
        refresh_people (self, item);
    }
}

static gboolean
check_period (NstRoadmap  *roadmap,
              GError     **error)
{
  GDate start, end;

  if (*nst_roadmap_get_title (roadmap) == '\0')
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
                   _("The roadmap needs a title"));
      return FALSE;
    }
  if (!nst_roadmap_get_period (roadmap, &start, &end) || g_date_compare (&start, &end) > 0)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
                   _("The roadmap's period is not a valid period"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_roadmap (NstStore    *self,
               NstRoadmap  *roadmap,
               gint64      *new_id,
               GError     **error)
{
  gboolean is_new = nst_roadmap_get_id (roadmap) == 0;
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, is_new ? "INSERT INTO roadmap (title, starts_on, ends_on) VALUES (?, ?, ?)"
                                    : "UPDATE roadmap SET title = ?, starts_on = ?, ends_on = ? "
                                      "WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, nst_roadmap_get_title (roadmap), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, nst_roadmap_get_starts_on (roadmap), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, nst_roadmap_get_ends_on (roadmap), -1, SQLITE_TRANSIENT);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 4, nst_roadmap_get_id (roadmap));
  if (!nst_store_step_done (self, stmt, error))
    return FALSE;
  if (!is_new)
    return check_changed (self, error);
  *new_id = sqlite3_last_insert_rowid (nst_store_get_db (self));
  return TRUE;
}

/**
 * nst_store_save_roadmap:
 * @roadmap: a new roadmap (id 0), saved with all its sections and items,
 *   or an existing one, whose title and period are saved
 *
 * A new roadmap and its contents get their ids.
 */
gboolean
nst_store_save_roadmap (NstStore    *self,
                        NstRoadmap  *roadmap,
                        GError     **error)
{
  g_autoptr(GArray) section_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean own, ok;
  gint64 id = nst_roadmap_get_id (roadmap);

  if (!check_period (roadmap, error) || !begin (self, &own, error))
    return FALSE;
  ok = write_roadmap (self, roadmap, &id, error);
  for (guint i = 0; ok && nst_roadmap_get_id (roadmap) == 0 && i < nst_roadmap_get_n_sections (roadmap); i++)
    {
      gint64 section_id = insert_section (self, id, nst_roadmap_get_section (roadmap, i), i, error);

      ok = section_id != 0;
      g_array_append_val (section_ids, section_id);
    }
  if (!finish (self, own, ok, error))
    return FALSE;
  if (nst_roadmap_get_id (roadmap) == 0)
    {
      for (guint i = 0; i < section_ids->len; i++)
        adopt_ids (self, nst_roadmap_get_section (roadmap, i), g_array_index (section_ids, gint64, i));
      nst_roadmap_set_id (roadmap, id);
    }
  return TRUE;
}

gboolean
nst_store_delete_roadmap (NstStore  *self,
                          gint64     id,
                          GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = nst_store_prepare (self, "DELETE FROM roadmap WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return nst_store_step_done (self, stmt, error);
}

/**
 * nst_store_add_roadmap_from_template:
 * @first_school_year: 2025 for a roadmap from 01.09.2025 to 31.08.2028
 *
 * Saves the built-in roadmap of the seed (nst_roadmap_template_new())
 * moved to @first_school_year.
 *
 * Returns: (transfer full) (nullable): the saved roadmap
 */
NstRoadmap *
nst_store_add_roadmap_from_template (NstStore  *self,
                                     guint      first_school_year,
                                     GError   **error)
{
  g_autoptr(NstRoadmap) roadmap = nst_roadmap_template_new (first_school_year);

  if (!nst_store_save_roadmap (self, roadmap, error))
    return NULL;
  return g_steal_pointer (&roadmap);
}

/* ---- sections ----------------------------------------------------------- */

/**
 * nst_store_add_roadmap_section:
 * @section: a new section (id 0), or one removed before, which comes back
 *   under its id with its items
 * @position: where, clamped to the end
 */
gboolean
nst_store_add_roadmap_section (NstStore           *self,
                               NstRoadmap         *roadmap,
                               NstRoadmapSection  *section,
                               guint               position,
                               GError            **error)
{
  g_autoptr(GPtrArray) order = sections_of (roadmap);
  gboolean own, ok;
  gint64 id;

  g_return_val_if_fail (nst_roadmap_get_id (roadmap) != 0, FALSE);

  position = MIN (position, order->len);
  g_ptr_array_insert (order, position, section);
  if (!begin (self, &own, error))
    return FALSE;
  id = insert_section (self, nst_roadmap_get_id (roadmap), section, position, error);
  ok = id != 0 && write_section_order (self, roadmap, order, error);
  if (!finish (self, own, ok, error))
    return FALSE;
  adopt_ids (self, section, id);
  nst_roadmap_insert_section (roadmap, position, section);
  return TRUE;
}

gboolean
nst_store_rename_roadmap_section (NstStore           *self,
                                  NstRoadmapSection  *section,
                                  const char         *title,
                                  GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "UPDATE roadmap_section SET title = ? WHERE id = ?", error);
  g_autofree char *trimmed = g_strstrip (g_strdup (title ? title : ""));

  if (*trimmed == '\0')
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID, _("The section needs a title"));
      return FALSE;
    }
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, nst_roadmap_section_get_id (section));
  if (!nst_store_step_done (self, stmt, error) || !check_changed (self, error))
    return FALSE;
  nst_roadmap_section_set_title (section, trimmed);
  return TRUE;
}

/**
 * nst_store_remove_roadmap_section:
 *
 * Deletes the section with its items. @section keeps its id and items, so
 * that nst_store_add_roadmap_section() can put it back.
 */
gboolean
nst_store_remove_roadmap_section (NstStore           *self,
                                  NstRoadmap         *roadmap,
                                  NstRoadmapSection  *section,
                                  GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "DELETE FROM roadmap_section WHERE id = ?", error);
  g_autoptr(GPtrArray) order = sections_of (roadmap);
  g_autoptr(NstRoadmapSection) keep = g_object_ref (section);
  gboolean own, ok;

  if (stmt == NULL)
    return FALSE;
  g_ptr_array_remove (order, section);
  if (!begin (self, &own, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nst_roadmap_section_get_id (section));
  ok = nst_store_step_done (self, stmt, error) && check_changed (self, error) &&
       write_section_order (self, roadmap, order, error);
  if (!finish (self, own, ok, error))
    return FALSE;
  nst_roadmap_remove_section (roadmap, section);
  return TRUE;
}

gboolean
nst_store_move_roadmap_section (NstStore           *self,
                                NstRoadmap         *roadmap,
                                NstRoadmapSection  *section,
                                guint               position,
                                GError            **error)
{
  g_autoptr(GPtrArray) order = sections_of (roadmap);
  g_autoptr(NstRoadmapSection) keep = g_object_ref (section);
  gboolean own, ok;

  if (!g_ptr_array_remove (order, section))
    return TRUE;
  position = MIN (position, order->len);
  g_ptr_array_insert (order, position, section);
  if (!begin (self, &own, error))
    return FALSE;
  ok = write_section_order (self, roadmap, order, error);
  if (!finish (self, own, ok, error))
    return FALSE;
  nst_roadmap_remove_section (roadmap, section);
  nst_roadmap_insert_section (roadmap, position, section);
  return TRUE;
}

/* ---- items -------------------------------------------------------------- */

/**
 * nst_store_add_roadmap_item:
 * @item: a new item (id 0), or one removed before, which comes back under
 *   its id with its people and marked occurrences
 * @position: where in @section, clamped to the end
 *
 * Checks and saves the item and puts it into @section.
 */
gboolean
nst_store_add_roadmap_item (NstStore           *self,
                            NstRoadmapSection  *section,
                            NstRoadmapItem     *item,
                            guint               position,
                            GError            **error)
{
  g_autoptr(GPtrArray) order = items_of (section);
  gboolean own, ok;
  gint64 id;

  g_return_val_if_fail (nst_roadmap_section_get_id (section) != 0, FALSE);

  if (!check_item (item, error) || !begin (self, &own, error))
    return FALSE;
  position = MIN (position, order->len);
  id = insert_item (self, item, nst_roadmap_section_get_id (section), position, error);
  g_ptr_array_insert (order, position, item);
  ok = id != 0;
  /* The new item's row is written by id, like the others. */
  if (ok && nst_roadmap_item_get_id (item) == 0)
    nst_roadmap_item_set_id (item, id);
  ok = ok && write_order (self, nst_roadmap_section_get_id (section), order, error);
  if (!finish (self, own, ok, error))
    {
      if (id != 0 && nst_roadmap_item_get_id (item) == id)
        nst_roadmap_item_set_id (item, 0);
      return FALSE;
    }
  nst_roadmap_section_insert_item (section, position, item);
  refresh_people (self, item);
  return TRUE;
}

/**
 * nst_store_update_roadmap_item:
 * @item: the item in the roadmap
 * @values: the item's new fields: an edited copy, or @item itself
 *
 * Checks and saves @values under @item's id, with the responsible people,
 * then copies them into @item (nst_roadmap_item_assign()).
 */
gboolean
nst_store_update_roadmap_item (NstStore        *self,
                               NstRoadmapItem  *item,
                               NstRoadmapItem  *values,
                               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "UPDATE roadmap_item SET section_id = ?1, position = ?2, content = ?3, "
                             "schedule = ?4, starts_on = ?5, ends_on = ?6, expected_result = ?7, "
                             "indicator = ?8, indicator_target = ?9, indicator_value = ?10, "
                             "indicator_on = ?11, responsible = ?12, status = ?13, done_on = ?14 "
                             "WHERE id = ?15", error);
  gboolean own, ok;

  if (stmt == NULL || !check_item (values, error) || !begin (self, &own, error))
    return FALSE;
  bind_item (stmt, values, nst_roadmap_item_get_section_id (item), nst_roadmap_item_get_position (item));
  sqlite3_bind_int64 (stmt, 15, nst_roadmap_item_get_id (item));
  ok = nst_store_step_done (self, stmt, error) && check_changed (self, error) &&
       write_people (self, nst_roadmap_item_get_id (item), values, error);
  if (!finish (self, own, ok, error))
    return FALSE;
  nst_roadmap_item_assign (item, values);
  refresh_people (self, item);
  return TRUE;
}

/**
 * nst_store_remove_roadmap_item:
 *
 * Deletes the item. @item keeps its id, people and marked occurrences, so
 * that nst_store_add_roadmap_item() can put it back.
 */
gboolean
nst_store_remove_roadmap_item (NstStore           *self,
                               NstRoadmapSection  *section,
                               NstRoadmapItem     *item,
                               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "DELETE FROM roadmap_item WHERE id = ?", error);
  g_autoptr(GPtrArray) order = items_of (section);
  g_autoptr(NstRoadmapItem) keep = g_object_ref (item);
  gboolean own, ok;

  if (stmt == NULL)
    return FALSE;
  g_ptr_array_remove (order, item);
  if (!begin (self, &own, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nst_roadmap_item_get_id (item));
  ok = nst_store_step_done (self, stmt, error) && check_changed (self, error) &&
       write_order (self, nst_roadmap_section_get_id (section), order, error);
  if (!finish (self, own, ok, error))
    return FALSE;
  nst_roadmap_section_remove_item (section, item);
  return TRUE;
}

/**
 * nst_store_move_roadmap_item:
 * @to_section: the section to move to; may be the item's own
 * @position: where in @to_section, clamped to the end
 *
 * Reorders: undo with the section and position the item had before.
 */
gboolean
nst_store_move_roadmap_item (NstStore           *self,
                             NstRoadmap         *roadmap,
                             NstRoadmapItem     *item,
                             NstRoadmapSection  *to_section,
                             guint               position,
                             GError            **error)
{
  NstRoadmapSection *from_section = NULL;
  g_autoptr(GPtrArray) from_order = NULL;
  g_autoptr(GPtrArray) to_order = NULL;
  g_autoptr(NstRoadmapItem) keep = g_object_ref (item);
  gboolean own, ok;

  if (nst_roadmap_find_item (roadmap, nst_roadmap_item_get_id (item), &from_section) != item)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                   _("The roadmap item is no longer in the roadmap"));
      return FALSE;
    }
  from_order = items_of (from_section);
  g_ptr_array_remove (from_order, item);
  to_order = to_section == from_section ? g_ptr_array_ref (from_order) : items_of (to_section);
  position = MIN (position, to_order->len);
  g_ptr_array_insert (to_order, position, item);
  if (!begin (self, &own, error))
    return FALSE;
  ok = write_order (self, nst_roadmap_section_get_id (to_section), to_order, error) &&
       (to_section == from_section ||
        write_order (self, nst_roadmap_section_get_id (from_section), from_order, error));
  if (!finish (self, own, ok, error))
    return FALSE;
  nst_roadmap_section_remove_item (from_section, item);
  nst_roadmap_section_insert_item (to_section, position, item);
  return TRUE;
}

static gboolean
write_dates (NstStore        *self,
             NstRoadmapItem  *values,
             gint64           id,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "UPDATE roadmap_item SET schedule = ?, starts_on = ?, ends_on = ? "
                             "WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, nst_roadmap_item_get_schedule (values), -1, SQLITE_TRANSIENT);
  nst_bind_text_or_null (stmt, 2, nst_roadmap_item_get_starts_on (values));
  nst_bind_text_or_null (stmt, 3, nst_roadmap_item_get_ends_on (values));
  sqlite3_bind_int64 (stmt, 4, id);
  return nst_store_step_done (self, stmt, error) && check_changed (self, error);
}

/**
 * nst_store_set_roadmap_item_dates:
 * @start: (nullable): the first day
 * @end: (nullable): the last day or the deadline
 *
 * Sets the dates as nst_roadmap_item_set_dates() does (a dated schedule is
 * rewritten to them) and saves them. For undo, take the old ones with
 * nst_roadmap_item_get_dates() first.
 */
gboolean
nst_store_set_roadmap_item_dates (NstStore        *self,
                                  NstRoadmapItem  *item,
                                  const GDate     *start,
                                  const GDate     *end,
                                  GError         **error)
{
  g_autoptr(NstRoadmapItem) values = nst_roadmap_item_copy (item);
  g_autofree char *problem = NULL;

  nst_roadmap_item_set_dates (values, start, end);
  problem = nst_roadmap_item_check_field (values, NST_ROADMAP_ITEM_FIELD_DATES, NULL);
  if (problem != NULL)
    {
      g_set_error_literal (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID, problem);
      return FALSE;
    }
  if (!write_dates (self, values, nst_roadmap_item_get_id (item), error))
    return FALSE;
  g_object_freeze_notify (G_OBJECT (item));
  nst_roadmap_item_set_schedule (item, nst_roadmap_item_get_schedule (values));
  nst_roadmap_item_set_starts_on (item, nst_roadmap_item_get_starts_on (values));
  nst_roadmap_item_set_ends_on (item, nst_roadmap_item_get_ends_on (values));
  g_object_thaw_notify (G_OBJECT (item));
  return TRUE;
}

/**
 * nst_store_shift_roadmap_item:
 * @days: how far, later when positive
 *
 * Moves an item's own dates as a drag in the chart does; undo with -@days.
 * Fails with %NST_STORE_ERROR_INVALID for an item whose dates follow a
 * rule (nst_roadmap_item_get_can_move()).
 */
gboolean
nst_store_shift_roadmap_item (NstStore        *self,
                              NstRoadmapItem  *item,
                              int              days,
                              GError         **error)
{
  GDate start, end;

  if (!nst_roadmap_item_get_can_move (item) || !nst_roadmap_item_get_dates (item, &start, &end))
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
                   _("The dates of “%s” follow its schedule; change the schedule instead"),
                   nst_roadmap_item_get_content (item));
      return FALSE;
    }
  if (days == 0)
    return TRUE;
  if (days > 0)
    {
      g_date_add_days (&start, days);
      g_date_add_days (&end, days);
    }
  else
    {
      g_date_subtract_days (&start, -days);
      g_date_subtract_days (&end, -days);
    }
  return nst_store_set_roadmap_item_dates (self, item, &start, &end, error);
}

/**
 * nst_store_set_roadmap_item_status:
 * @done_on: (nullable): the day it was done, needed for DONE
 *
 * Records the item's status; undo with the status and date it had.
 */
gboolean
nst_store_set_roadmap_item_status (NstStore          *self,
                                   NstRoadmapItem    *item,
                                   NstRoadmapStatus   status,
                                   const GDate       *done_on,
                                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "UPDATE roadmap_item SET status = ?, done_on = ? WHERE id = ?", error);
  g_autofree char *iso = NULL;

  if (stmt == NULL)
    return FALSE;
  if (status == NST_ROADMAP_STATUS_DONE && (done_on == NULL || !g_date_valid (done_on)))
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID, _("Enter the date it was done"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, nst_roadmap_status_to_code (status), -1, SQLITE_STATIC);
  bind_date_or_null (stmt, 2, status == NST_ROADMAP_STATUS_DONE ? done_on : NULL);
  sqlite3_bind_int64 (stmt, 3, nst_roadmap_item_get_id (item));
  if (!nst_store_step_done (self, stmt, error) || !check_changed (self, error))
    return FALSE;
  g_object_freeze_notify (G_OBJECT (item));
  nst_roadmap_item_set_status (item, status);
  if (status == NST_ROADMAP_STATUS_DONE)
    iso = nst_date_format_iso (done_on);
  nst_roadmap_item_set_done_on (item, iso);
  g_object_thaw_notify (G_OBJECT (item));
  return TRUE;
}

/**
 * nst_store_set_roadmap_occurrence_status:
 * @due: the occurrence's deadline, as nst_roadmap_item_dup_occurrences()
 *   gave it
 * @status: DONE or CANCELLED to mark it, PLANNED to unmark it
 * @done_on: (nullable): the day it was done, needed for DONE
 *
 * Marks one occurrence of a rule. For an item with one occurrence (a date
 * or a period) this is the item's status. Undo with the occurrence's
 * status and date before.
 */
gboolean
nst_store_set_roadmap_occurrence_status (NstStore          *self,
                                         NstRoadmapItem    *item,
                                         const GDate       *due,
                                         NstRoadmapStatus   status,
                                         const GDate       *done_on,
                                         GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean mark = status == NST_ROADMAP_STATUS_DONE || status == NST_ROADMAP_STATUS_CANCELLED;

  if (nst_roadmap_item_get_timing (item) != NST_ROADMAP_TIMING_RECURRING)
    return nst_store_set_roadmap_item_status (self, item, status, done_on, error);
  if (status == NST_ROADMAP_STATUS_DONE && (done_on == NULL || !g_date_valid (done_on)))
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID, _("Enter the date it was done"));
      return FALSE;
    }
  stmt = nst_store_prepare (self, mark ? "INSERT OR REPLACE INTO roadmap_occurrence "
                                         "(item_id, due_on, status, done_on) VALUES (?1, ?2, ?3, ?4)"
                                       : "DELETE FROM roadmap_occurrence WHERE item_id = ?1 AND due_on = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nst_roadmap_item_get_id (item));
  bind_date_or_null (stmt, 2, due);
  if (mark)
    {
      sqlite3_bind_text (stmt, 3, nst_roadmap_status_to_code (status), -1, SQLITE_STATIC);
      bind_date_or_null (stmt, 4, status == NST_ROADMAP_STATUS_DONE ? done_on : NULL);
    }
  if (!nst_store_step_done (self, stmt, error))
    return FALSE;
  nst_roadmap_item_set_record (item, due, status, done_on);
  return TRUE;
}

/**
 * nst_store_set_roadmap_indicator_value:
 * @value: the value reached («12 %»), "" for none
 * @measured_on: (nullable): the day it was measured
 */
gboolean
nst_store_set_roadmap_indicator_value (NstStore        *self,
                                       NstRoadmapItem  *item,
                                       const char      *value,
                                       const GDate     *measured_on,
                                       GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    nst_store_prepare (self, "UPDATE roadmap_item SET indicator_value = ?, indicator_on = ? "
                             "WHERE id = ?", error);
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));
  g_autofree char *iso = measured_on && g_date_valid (measured_on) ? nst_date_format_iso (measured_on) : NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  nst_bind_text_or_null (stmt, 2, iso);
  sqlite3_bind_int64 (stmt, 3, nst_roadmap_item_get_id (item));
  if (!nst_store_step_done (self, stmt, error) || !check_changed (self, error))
    return FALSE;
  g_object_freeze_notify (G_OBJECT (item));
  nst_roadmap_item_set_indicator_value (item, trimmed);
  nst_roadmap_item_set_indicator_on (item, iso);
  g_object_thaw_notify (G_OBJECT (item));
  return TRUE;
}
