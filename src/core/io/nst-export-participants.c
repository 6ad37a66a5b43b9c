/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "io/nst-export-participants.h"
#include "io/nst-import-fields.h"

typedef struct
{
  NstImportField field;
  NstExportKind kind;
  double width;
} ExportColumn;

static const ExportColumn columns[] = {
  { NST_IMPORT_FIELD_SURNAME, NST_EXPORT_TEXT, 16 },
  { NST_IMPORT_FIELD_NAME, NST_EXPORT_TEXT, 14 },
  { NST_IMPORT_FIELD_PATRONYMIC, NST_EXPORT_TEXT, 16 },
  { NST_IMPORT_FIELD_CATEGORY, NST_EXPORT_TEXT, 14 },
  { NST_IMPORT_FIELD_POST, NST_EXPORT_TEXT, 24 },
  { NST_IMPORT_FIELD_CLASS_NAME, NST_EXPORT_TEXT, 7 },
  { NST_IMPORT_FIELD_SUBJECTS, NST_EXPORT_TEXT, 22 },
  { NST_IMPORT_FIELD_BIRTH_DATE, NST_EXPORT_DATE, 12 },
  { NST_IMPORT_FIELD_TEACHING_SINCE, NST_EXPORT_DATE, 13 },
  { NST_IMPORT_FIELD_MENTORING_SINCE, NST_EXPORT_DATE, 13 },
  { NST_IMPORT_FIELD_QUALIFICATION, NST_EXPORT_TEXT, 18 },
  { NST_IMPORT_FIELD_YOUNG_SPECIALIST, NST_EXPORT_TEXT, 11 },
  { NST_IMPORT_FIELD_IS_MENTOR, NST_EXPORT_TEXT, 11 },
  { NST_IMPORT_FIELD_IS_MENTEE, NST_EXPORT_TEXT, 13 },
  { NST_IMPORT_FIELD_REQUEST, NST_EXPORT_TEXT, 30 },
  { NST_IMPORT_FIELD_COMPETENCES, NST_EXPORT_TEXT, 30 },
  { NST_IMPORT_FIELD_EMAIL, NST_EXPORT_TEXT, 24 },
  { NST_IMPORT_FIELD_PHONE, NST_EXPORT_TEXT, 18 },
  { NST_IMPORT_FIELD_CONTACT, NST_EXPORT_TEXT, 16 },
  { NST_IMPORT_FIELD_NOTE, NST_EXPORT_TEXT, 30 },
  { NST_IMPORT_FIELD_ARCHIVED, NST_EXPORT_TEXT, 9 },
};

static const char *
qualification_cell (NstParticipant *p)
{
  NstQualification q = nst_participant_get_qualification (p);

  /* «без категории» means something for staff only. */
  if (q == NST_QUALIFICATION_NONE && nst_participant_get_category (p) == NST_CATEGORY_STUDENT)
    return "";
  return nst_import_qualification_word (q);
}

static const char *
cell_for (NstParticipant *p,
          NstImportField  field)
{
  switch (field)
    {
    case NST_IMPORT_FIELD_SURNAME: return nst_participant_get_surname (p);
    case NST_IMPORT_FIELD_NAME: return nst_participant_get_name (p);
    case NST_IMPORT_FIELD_PATRONYMIC: return nst_participant_get_patronymic (p);
    case NST_IMPORT_FIELD_CATEGORY: return nst_import_category_word (nst_participant_get_category (p));
    case NST_IMPORT_FIELD_POST: return nst_participant_get_post (p);
    case NST_IMPORT_FIELD_CLASS_NAME: return nst_participant_get_class_name (p);
    case NST_IMPORT_FIELD_SUBJECTS: return nst_participant_get_subjects (p);
    case NST_IMPORT_FIELD_BIRTH_DATE: return nst_participant_get_birth_date (p);
    case NST_IMPORT_FIELD_TEACHING_SINCE: return nst_participant_get_teaching_since (p);
    case NST_IMPORT_FIELD_MENTORING_SINCE: return nst_participant_get_mentoring_since (p);
    case NST_IMPORT_FIELD_QUALIFICATION: return qualification_cell (p);
    case NST_IMPORT_FIELD_YOUNG_SPECIALIST:
      return nst_import_flag_word (nst_participant_get_young_specialist (p));
    case NST_IMPORT_FIELD_IS_MENTOR: return nst_import_flag_word (nst_participant_get_is_mentor (p));
    case NST_IMPORT_FIELD_IS_MENTEE: return nst_import_flag_word (nst_participant_get_is_mentee (p));
    case NST_IMPORT_FIELD_REQUEST: return nst_participant_get_request (p);
    case NST_IMPORT_FIELD_COMPETENCES: return nst_participant_get_competences (p);
    case NST_IMPORT_FIELD_EMAIL: return nst_participant_get_email (p);
    case NST_IMPORT_FIELD_PHONE: return nst_participant_get_phone (p);
    case NST_IMPORT_FIELD_CONTACT: return nst_participant_get_contact (p);
    case NST_IMPORT_FIELD_NOTE: return nst_participant_get_note (p);
    case NST_IMPORT_FIELD_ARCHIVED: return nst_import_flag_word (nst_participant_get_archived (p));
    default: break;
    }
  return "";
}

static int
compare_participants (gconstpointer a,
                      gconstpointer b)
{
  NstParticipant *pa = *(NstParticipant *const *) a;
  NstParticipant *pb = *(NstParticipant *const *) b;
  int order = strcmp (nst_participant_get_sort_key (pa), nst_participant_get_sort_key (pb));
  gint64 ia = nst_participant_get_id (pa), ib = nst_participant_get_id (pb);

  if (order != 0)
    return order;
  return ia < ib ? -1 : ia > ib;
}

/**
 * nst_export_participants_table:
 * @participants: a model of #NstParticipant
 *
 * Returns: (transfer full): the participants in Russian alphabetical
 *   order, namesakes in the order they were entered
 */
NstExportTable *
nst_export_participants_table (GListModel *participants)
{
  NstExportTable *table = nst_export_table_new ("Участники");
  guint n = g_list_model_get_n_items (participants);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_full (n, g_object_unref);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    nst_export_table_add_column (table, nst_import_field_header (columns[c].field),
                                 columns[c].kind, columns[c].width);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (participants, i));
  g_ptr_array_sort (sorted, compare_participants);
  for (guint i = 0; i < sorted->len; i++)
    {
      nst_export_table_begin_row (table);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        nst_export_table_add_cell (table, cell_for (g_ptr_array_index (sorted, i), columns[c].field));
    }
  return table;
}

/**
 * nst_export_participants:
 * @n_exported: (out) (optional): how many participants the file holds
 *
 * Writes the whole registry, archived participants too, to @path.
 */
gboolean
nst_export_participants (NstStore         *store,
                         const char       *path,
                         NstExportFormat   format,
                         guint            *n_exported,
                         GError          **error)
{
  g_autoptr(GListStore) participants = nst_store_list_participants (store, error);
  g_autoptr(NstExportTable) table = NULL;

  if (participants == NULL)
    return FALSE;
  table = nst_export_participants_table (G_LIST_MODEL (participants));
  if (!nst_export_table_save (table, path, format, error))
    return FALSE;
  if (n_exported != NULL)
    *n_exported = nst_export_table_get_n_rows (table);
  return TRUE;
}
