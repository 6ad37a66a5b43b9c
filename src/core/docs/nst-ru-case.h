/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Russian names and posts in the cases that documents need: «назначить
 * куратором заместителя директора Иванову Марию Петровну», «законный
 * представитель несовершеннолетнего Петрова Ивана», «куратору, заместителю
 * директора Ивановой Марии Петровне». The rules cover the
 * common patterns of Russian names; what they do not recognise is left in
 * the nominative, which reads oddly but never misspells a name. */

typedef enum
{
  NST_RU_GENDER_UNKNOWN,
  NST_RU_GENDER_MALE,
  NST_RU_GENDER_FEMALE,
} NstRuGender;

typedef enum
{
  NST_RU_GENITIVE,
  NST_RU_ACCUSATIVE,
  NST_RU_DATIVE,
} NstRuCase;

NstRuGender  nst_ru_guess_gender       (const char  *name,
                                        const char  *patronymic);
NstRuGender  nst_ru_guess_gender_full  (const char  *full_name);
const char  *nst_ru_gendered           (NstRuGender  gender,
                                        const char  *male,
                                        const char  *female,
                                        const char  *unknown);
char        *nst_ru_decline_person     (const char  *surname,
                                        const char  *name,
                                        const char  *patronymic,
                                        NstRuCase    ru_case);
char        *nst_ru_decline_full_name  (const char  *full_name,
                                        NstRuCase    ru_case);
char        *nst_ru_decline_post       (const char  *post,
                                        NstRuCase    ru_case);
char        *nst_ru_initials_first     (const char  *full_name);

G_END_DECLS
