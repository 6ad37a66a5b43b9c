/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "schedule/nst-date.h"
#include "io/nst-import-fields.h"
#include "text/nst-ru-text.h"

typedef struct
{
  const char *header;     /* what the export writes */
  const char *synonyms;   /* other headers recognised, '|' between them */
} FieldInfo;

/* Headers are compared folded, letters and digits only: «E-mail», «email»
 * and «Эл. почта» differ from «ЭЛ ПОЧТА» in nothing that counts. The
 * English names include those of `nastavnik-cli list --format csv`. */
static const FieldInfo fields[NST_IMPORT_N_FIELDS] = {
  [NST_IMPORT_FIELD_NONE] = { "", "" },
  [NST_IMPORT_FIELD_SURNAME] = { "Фамилия", "Surname|Last name|Family name" },
  [NST_IMPORT_FIELD_NAME] = { "Имя", "Name|First name|Given name" },
  [NST_IMPORT_FIELD_PATRONYMIC] = { "Отчество", "Patronymic|Middle name" },
  [NST_IMPORT_FIELD_FULL_NAME] = { "ФИО", "Фамилия, имя, отчество|Full name|Участник" },
  [NST_IMPORT_FIELD_CATEGORY] = { "Категория", "Категория участника|Целевая группа|Category" },
  [NST_IMPORT_FIELD_POST] = { "Должность", "Должность/класс|Должность (класс)|Должность, класс|"
                               "Post|Position|Job title" },
  [NST_IMPORT_FIELD_CLASS_NAME] = { "Класс", "Class|Class name" },
  [NST_IMPORT_FIELD_SUBJECTS] = { "Предмет", "Предметы|Преподаваемый предмет|"
                                  "Преподаваемые предметы|Subject|Subjects" },
  [NST_IMPORT_FIELD_BIRTH_DATE] = { "Дата рождения", "Birth date|Date of birth|Birthday" },
  [NST_IMPORT_FIELD_TEACHING_SINCE] = { "Педагогический стаж с", "Педстаж с|Стаж с|"
                                        "Начало педагогического стажа|Teaching since" },
  [NST_IMPORT_FIELD_TEACHING_YEARS] = { "Педагогический стаж", "Педагогический стаж, лет|"
                                        "Педстаж|Стаж|Стаж, лет|Teaching experience|"
                                        "Teaching years" },
  [NST_IMPORT_FIELD_MENTORING_SINCE] = { "Стаж наставничества с",
                                         "Стаж наставнической деятельности с|Mentoring since" },
  [NST_IMPORT_FIELD_MENTORING_YEARS] = { "Стаж наставничества", "Стаж наставничества, лет|"
                                         "Стаж наставнической деятельности|"
                                         "Mentoring experience|Mentoring years" },
  [NST_IMPORT_FIELD_QUALIFICATION] = { "Квалификационная категория",
                                       "Квалификация|Qualification|Qualification category" },
  [NST_IMPORT_FIELD_YOUNG_SPECIALIST] = { "Молодой специалист", "Young specialist" },
  [NST_IMPORT_FIELD_IS_MENTOR] = { "Наставник", "Mentor|Is mentor" },
  [NST_IMPORT_FIELD_IS_MENTEE] = { "Наставляемый", "Mentee|Is mentee" },
  [NST_IMPORT_FIELD_ROLE] = { "Роль", "Роли|Role|Roles" },
  [NST_IMPORT_FIELD_REQUEST] = { "Запрос", "Запрос наставляемого|Request" },
  [NST_IMPORT_FIELD_COMPETENCES] = { "Компетенции", "Профиль|Профиль наставника|Competences" },
  [NST_IMPORT_FIELD_EMAIL] = { "E-mail", "Эл. почта|Электронная почта|Почта" },
  [NST_IMPORT_FIELD_PHONE] = { "Телефон", "Тел.|Мобильный телефон|Phone|Telephone" },
  [NST_IMPORT_FIELD_CONTACT] = { "Связь", "Канал связи|Contact" },
  [NST_IMPORT_FIELD_NOTE] = { "Примечание", "Примечания|Комментарий|Note|Notes" },
  [NST_IMPORT_FIELD_ARCHIVED] = { "В архиве", "Архив|Archived" },
};

/**
 * nst_import_field_header:
 *
 * Returns: (transfer none): the column's Russian name, as the export writes
 *   it and as messages name a column the file does not have
 */
const char *
nst_import_field_header (NstImportField field)
{
  g_return_val_if_fail (field < NST_IMPORT_N_FIELDS, "");
  return fields[field].header;
}

/**
 * nst_import_fold_header:
 *
 * Returns: (transfer full): @header folded, letters and digits only
 */
char *
nst_import_fold_header (const char *header)
{
  g_autofree char *folded = nst_ru_fold (header);
  GString *key = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static void
add_header (GHashTable     *table,
            const char     *header,
            NstImportField  field)
{
  char *key = nst_import_fold_header (header);

  if (*key == '\0' || g_hash_table_contains (table, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (table, key, GUINT_TO_POINTER (field));
}

static GHashTable *
build_header_table (void)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (NstImportField f = NST_IMPORT_FIELD_NONE + 1; f < NST_IMPORT_N_FIELDS; f++)
    {
      g_auto(GStrv) synonyms = g_strsplit (fields[f].synonyms, "|", -1);

      add_header (table, fields[f].header, f);
      for (guint i = 0; synonyms[i] != NULL; i++)
        add_header (table, synonyms[i], f);
    }
  return table;
}

/* NST_IMPORT_FIELD_NONE for a header it does not know. */
NstImportField
nst_import_field_from_header (const char *header)
{
  static GHashTable *table;
  g_autofree char *key = NULL;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, build_header_table ());
  key = nst_import_fold_header (header);
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, key));
}

/* «№», «№ п/п», «N», «No.», «#», «п/п», «Номер»: the column that numbers
 * the rows of a school's list. */
gboolean
nst_import_header_is_row_number (const char *header)
{
  static const char *const keys[] = { "пп", "n", "nпп", "no", "нпп", "номер", "номерпп", NULL };
  g_autofree char *key = nst_import_fold_header (header);

  if (*key == '\0')
    return strstr (header, "№") != NULL || strchr (header, '#') != NULL;
  return g_strv_contains (keys, key);
}

static gboolean
folded_in (const char *folded,
           const char *words)
{
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (folded, list[i]))
      return TRUE;
  return FALSE;
}

/* «да»/«нет» as the export writes them, and what else people type. */
gboolean
nst_import_parse_flag (const char *text,
                       gboolean   *out)
{
  g_autofree char *folded = nst_ru_fold (text);

  g_strstrip (folded);
  if (folded_in (folded, "да|д|yes|y|true|1|+|x|х|v|✓|✔"))
    *out = TRUE;
  else if (folded_in (folded, "нет|н|no|n|false|0|-|"))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* The beginning of the word is enough: «первая», «первая категория»,
 * «Первая квалификационная категория» are one thing. */
gboolean
nst_import_parse_qualification (const char       *text,
                                NstQualification *out)
{
  g_autofree char *folded = nst_import_fold_header (text);

  if (g_str_has_prefix (folded, "высш") || g_str_equal (folded, "highest"))
    *out = NST_QUALIFICATION_HIGHEST;
  else if (g_str_has_prefix (folded, "перв") || g_str_equal (folded, "first"))
    *out = NST_QUALIFICATION_FIRST;
  else if (g_str_has_prefix (folded, "соотв") || g_str_equal (folded, "сзд") ||
           g_str_equal (folded, "conformity"))
    *out = NST_QUALIFICATION_CONFORMITY;
  else if (g_str_has_prefix (folded, "без") || g_str_equal (folded, "нет") ||
           g_str_equal (folded, "none") || *folded == '\0')
    *out = NST_QUALIFICATION_NONE;
  else
    {
      for (NstQualification q = 0; q < NST_N_QUALIFICATIONS; q++)
        {
          g_autofree char *label = nst_import_fold_header (nst_qualification_label (q));

          if (g_str_equal (folded, label))
            {
              *out = q;
              return TRUE;
            }
        }
      return FALSE;
    }
  return TRUE;
}

/* «наставник», «наставляемый», «наставник, наставляемый», in any case. */
gboolean
nst_import_parse_role (const char *text,
                       gboolean   *is_mentor,
                       gboolean   *is_mentee)
{
  g_autofree char *folded = nst_ru_fold (text);
  g_auto(GStrv) words = g_strsplit_set (folded, ",;/ +\t\n", -1);
  gboolean mentor = FALSE, mentee = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];

      if (*w == '\0' || g_str_equal (w, "и") || g_str_equal (w, "and"))
        continue;
      if (g_str_has_prefix (w, "наставляем") || g_str_equal (w, "mentee"))
        mentee = TRUE;
      else if (g_str_has_prefix (w, "наставни") || g_str_equal (w, "mentor"))
        mentor = TRUE;
      else
        return FALSE;
    }
  *is_mentor = mentor;
  *is_mentee = mentee;
  return TRUE;
}

/* Whole years, maybe followed by a word («12 лет»): the start date that
 * many years before @today, so that it stays true next year. */
gboolean
nst_import_parse_years (const char   *text,
                        const GDate  *today,
                        char        **iso_since)
{
  const char *p = text;
  guint64 years = 0;
  GDate since;

  while (*p == ' ')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p) && years <= 100)
    years = years * 10 + (guint64) (*p++ - '0');
  if (years > 100)
    return FALSE;
  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && c != ' ' && c != '.')
        return FALSE;
    }
  since = *today;
  g_date_subtract_years (&since, (guint) years);
  *iso_since = nst_date_format_iso (&since);
  return TRUE;
}

/* «Иванова Мария Петровна»: the surname, the name, and the rest as the
 * patronymic, so that «Гусейн оглы» stays whole. */
void
nst_import_split_full_name (const char  *text,
                            char       **surname,
                            char       **name,
                            char       **patronymic)
{
  g_autoptr(GString) spaced = g_string_new (text);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  /* Byte-wise splitting must not meet the no-break space's two bytes. */
  g_string_replace (spaced, "\u00a0", " ", 0);
  parts = g_strsplit_set (spaced->str, " \t\r\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (words, parts[i]);
  *surname = g_strdup (words->len > 0 ? g_ptr_array_index (words, 0) : "");
  *name = g_strdup (words->len > 1 ? g_ptr_array_index (words, 1) : "");
  g_ptr_array_remove_range (words, 0, MIN (words->len, 2));
  g_ptr_array_add (words, NULL);
  *patronymic = g_strjoinv (" ", (char **) words->pdata);
}

const char *
nst_import_category_word (NstCategory category)
{
  static const char *words[NST_N_CATEGORIES] = {
    "педагог", "обучающийся", "партнёр", "руководитель",
  };

  g_return_val_if_fail (category < NST_N_CATEGORIES, "");
  return words[category];
}

const char *
nst_import_qualification_word (NstQualification qualification)
{
  static const char *words[NST_N_QUALIFICATIONS] = {
    "без категории", "соответствие занимаемой должности", "первая", "высшая",
  };

  g_return_val_if_fail (qualification < NST_N_QUALIFICATIONS, "");
  return words[qualification];
}

const char *
nst_import_flag_word (gboolean value)
{
  return value ? "да" : "нет";
}
