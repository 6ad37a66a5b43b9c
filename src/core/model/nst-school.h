/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NST_TYPE_SCHOOL (nst_school_get_type ())
G_DECLARE_FINAL_TYPE (NstSchool, nst_school, NST, SCHOOL, GObject)

/* The school's details (сведения об образовательной организации). Its text
 * properties are named after the columns of the school table, with '-' for
 * '_', so that the store reads and writes them by name. */

NstSchool   *nst_school_new               (void);
const char  *const *nst_school_text_fields (void);
const char  *nst_school_get_text          (NstSchool  *self,
                                           const char *field);
void         nst_school_set_text          (NstSchool  *self,
                                           const char *field,
                                           const char *value);
guint        nst_school_get_school_year   (NstSchool  *self);
void         nst_school_set_school_year   (NstSchool  *self,
                                           guint       start_year);
guint        nst_school_get_mentee_limit  (NstSchool  *self);
void         nst_school_set_mentee_limit  (NstSchool  *self,
                                           guint       limit);
gint64       nst_school_get_curator_id    (NstSchool  *self);
void         nst_school_set_curator_id    (NstSchool  *self,
                                           gint64      id);
gboolean     nst_school_is_empty          (NstSchool  *self);
char        *nst_school_check_field       (NstSchool  *self,
                                           const char *field);

G_END_DECLS
