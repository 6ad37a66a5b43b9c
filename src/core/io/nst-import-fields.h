/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/nst-participant.h"

G_BEGIN_DECLS

/* The columns of a table of participants, shared by the import and the
 * export so that whatever is exported imports back. Their names and
 * values are Russian words, the same in every locale: a file is data that
 * schools pass around, not interface text. */
typedef enum
{
  NST_IMPORT_FIELD_NONE,             /* a column ignored */
  NST_IMPORT_FIELD_SURNAME,
  NST_IMPORT_FIELD_NAME,
  NST_IMPORT_FIELD_PATRONYMIC,
  NST_IMPORT_FIELD_FULL_NAME,        /* «Иванова Мария Петровна», split in three */
  NST_IMPORT_FIELD_CATEGORY,
  NST_IMPORT_FIELD_POST,
  NST_IMPORT_FIELD_CLASS_NAME,
  NST_IMPORT_FIELD_SUBJECTS,
  NST_IMPORT_FIELD_BIRTH_DATE,
  NST_IMPORT_FIELD_TEACHING_SINCE,
  NST_IMPORT_FIELD_TEACHING_YEARS,   /* whole years, back from today */
  NST_IMPORT_FIELD_MENTORING_SINCE,
  NST_IMPORT_FIELD_MENTORING_YEARS,
  NST_IMPORT_FIELD_QUALIFICATION,
  NST_IMPORT_FIELD_YOUNG_SPECIALIST,
  NST_IMPORT_FIELD_IS_MENTOR,
  NST_IMPORT_FIELD_IS_MENTEE,
  NST_IMPORT_FIELD_ROLE,             /* «наставник», «наставляемый» or both */
  NST_IMPORT_FIELD_REQUEST,
  NST_IMPORT_FIELD_COMPETENCES,
  NST_IMPORT_FIELD_EMAIL,
  NST_IMPORT_FIELD_PHONE,
  NST_IMPORT_FIELD_CONTACT,
  NST_IMPORT_FIELD_NOTE,
  NST_IMPORT_FIELD_ARCHIVED,
  NST_IMPORT_N_FIELDS
} NstImportField;

const char     *nst_import_field_header        (NstImportField  field);
NstImportField  nst_import_field_from_header   (const char     *header);
gboolean        nst_import_header_is_row_number (const char *header);
char           *nst_import_fold_header         (const char     *header);

gboolean        nst_import_parse_flag          (const char     *text,
                                                gboolean       *out);
gboolean        nst_import_parse_qualification (const char     *text,
                                                NstQualification *out);
gboolean        nst_import_parse_role          (const char     *text,
                                                gboolean       *is_mentor,
                                                gboolean       *is_mentee);
gboolean        nst_import_parse_years         (const char     *text,
                                                const GDate    *today,
                                                char          **iso_since);
void            nst_import_split_full_name     (const char     *text,
                                                char          **surname,
                                                char          **name,
                                                char          **patronymic);

const char     *nst_import_category_word       (NstCategory     category);
const char     *nst_import_qualification_word  (NstQualification qualification);
const char     *nst_import_flag_word           (gboolean        value);

G_END_DECLS
