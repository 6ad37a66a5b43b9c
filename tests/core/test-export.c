/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export of the programmes with their plans, of the orders journal, and of
 * the calendar (iCalendar, RFC 5545): the tables' columns and values, the
 * calendar's escaping and folding octet by octet, its events against the
 * occurrences the model expands, and the file written atomically. The
 * calendar read back by a real reader is tests/test-ics.py. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "io/nst-export-calendar.h"
#include "io/nst-export-orders.h"
#include "io/nst-export-programmes.h"
#include "io/nst-ical-writer.h"
#include "schedule/nst-date.h"
#include "demo/nst-demo.h"
#include "nst-groups-test-util.h"
#include "store/nst-store-orders.h"
#include "store/nst-store-roadmap.h"

typedef GroupsFixture Fixture;

/* ---- helpers ------------------------------------------------------------- */

static guint
column_of (NstExportTable *table,
           const char     *header)
{
  for (guint c = 0; c < nst_export_table_get_n_columns (table); c++)
    if (g_str_equal (nst_export_table_get_header (table, c), header))
      return c;
  g_error ("no column «%s»", header);
}

static const char *
cell (NstExportTable *table,
      guint           row,
      const char     *header)
{
  return nst_export_table_get_cell (table, row, column_of (table, header));
}

static void
assert_headers (NstExportTable     *table,
                const char *const  *headers)
{
  g_assert_cmpuint (nst_export_table_get_n_columns (table), ==, g_strv_length ((char **) headers));
  for (guint c = 0; headers[c] != NULL; c++)
    g_assert_cmpstr (nst_export_table_get_header (table, c), ==, headers[c]);
}

static NstPlanItem *
plan_item (const char *activity,
           const char *schedule,
           const char *responsible,
           const char *expected_result)
{
  NstPlanItem *item = nst_plan_item_new ();

  nst_plan_item_set_activity (item, activity);
  nst_plan_item_set_schedule (item, schedule);
  nst_plan_item_set_responsible (item, responsible);
  nst_plan_item_set_expected_result (item, expected_result);
  return item;
}

static NstPlanOccurrence *
occurrence_at (NstProgramme *p,
               guint         item,
               guint         index)
{
  g_autoptr(NstPlanItem) i = g_list_model_get_item (nst_programme_get_items (p), item);
  NstPlanOccurrence *o = g_list_model_get_item (nst_plan_item_get_occurrences (i), index);

  g_object_unref (o);  /* the item keeps it */
  return o;
}

static guint
n_occurrences (NstProgramme *p,
               guint         item)
{
  g_autoptr(NstPlanItem) i = g_list_model_get_item (nst_programme_get_items (p), item);

  return g_list_model_get_n_items (nst_plan_item_get_occurrences (i));
}

static gint64
item_id (NstProgramme *p,
         guint         item)
{
  g_autoptr(NstPlanItem) i = g_list_model_get_item (nst_programme_get_items (p), item);

  return nst_plan_item_get_id (i);
}

/* A pair under way with a plan of three: a deadline with a text that
 * needs escaping, a monthly rule, and a schedule the program cannot read.
 * The deadline is marked done. */
static NstProgramme *
programme_with_plan (Fixture   *f,
                     NstGroup **pair)
{
  g_autoptr(NstParticipant) mentor = add_person (f->store, "Орлова", "Анна", NST_CATEGORY_TEACHER, "математика",
                                                 "2000-08-25", "подготовка к ОГЭ", NULL, PERSON_CONSENTS_ALL);
  g_autoptr(NstParticipant) mentee = add_person (f->store, "Белова", "Вера", NST_CATEGORY_TEACHER, "математика",
                                                 "2024-08-25", NULL, "Планирование уроков", PERSON_CONSENTS_ALL);
  g_autoptr(NstGroup) g = save_active_pair (f->store, mentor, mentee);
  g_autoptr(GError) error = NULL;
  NstProgramme *p = nst_store_prepare_programme (f->store, nst_group_get_id (g), 0, &error);

  g_assert_no_error (error);
  nst_programme_add_item (p, plan_item ("Экскурсия; «ёлка», и \\ путь", "до 01.10.2025", "Наставник",
                                        "Знакомство\nс производством"));
  nst_programme_add_item (p, plan_item ("Посещение уроков", "каждый второй понедельник месяца",
                                        "Наставник, наставляемый", "Рекомендации по уроку"));
  nst_programme_add_item (p, plan_item ("Консультации", "по запросу наставляемого", "Наставник", ""));
  g_assert_true (nst_store_save_programme (f->store, p, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nst_store_change_programme_status (f->store, p, NST_PROGRAMME_STATUS_ACTIVE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nst_store_set_occurrence_done (f->store, occurrence_at (p, 0, 0), "2025-09-30", &error));
  g_assert_no_error (error);
  if (pair != NULL)
    *pair = g_steal_pointer (&g);
  return p;
}

static GPtrArray *
one_programme (NstStore     *store,
               NstProgramme *p)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  /* As loaded, with the pair's names. */
  g_ptr_array_add (array, nst_store_get_programme (store, nst_programme_get_id (p), &error));
  g_assert_no_error (error);
  return array;
}

/* ---- programmes ------------------------------------------------------------ */

static void
test_programmes_table (Fixture       *f,
                       gconstpointer  data)
{
  static const char *const headers[] = {
    "№ пары", "Учебный год", "Наставник", "Наставляемые", "Форма наставничества",
    "Состояние программы", "№", "Мероприятие", "Сроки", "Ответственный",
    "Ожидаемый результат", "Начало", "Срок", "Выполнено", "Состояние", NULL
  };
  g_autoptr(NstGroup) g = NULL;
  g_autoptr(NstProgramme) p = programme_with_plan (f, &g);
  g_autoptr(GPtrArray) programmes = one_programme (f->store, p);
  g_autoptr(NstExportTable) table = NULL;
  g_autofree char *pair_id = g_strdup_printf ("%" G_GINT64_FORMAT, nst_group_get_id (g));
  guint monthly = n_occurrences (p, 1), last;
  GDate today;

  nst_date_today (&today);
  g_assert_cmpuint (monthly, >=, 7);
  table = nst_export_programmes_table (programmes, &today);
  g_assert_cmpstr (nst_export_table_get_title (table), ==, "Программы");
  assert_headers (table, headers);
  g_assert_cmpuint (nst_export_table_get_kind (table, column_of (table, "Срок")), ==, NST_EXPORT_DATE);
  g_assert_cmpuint (nst_export_table_get_kind (table, column_of (table, "№")), ==, NST_EXPORT_NUMBER);
  /* One row an occurrence; the unread schedule has one. */
  g_assert_cmpuint (nst_export_table_get_n_rows (table), ==, 1 + monthly + 1);

  g_assert_cmpstr (cell (table, 0, "№ пары"), ==, pair_id);
  g_assert_cmpstr (cell (table, 0, "Учебный год"), ==, "2025/2026");
  g_assert_cmpstr (cell (table, 0, "Наставник"), ==, "Орлова Анна Ивановна");
  g_assert_cmpstr (cell (table, 0, "Наставляемые"), ==, "Белова Вера Ивановна");
  g_assert_cmpstr (cell (table, 0, "Форма наставничества"), ==,
                   nst_group_form_label (NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE));
  g_assert_cmpstr (cell (table, 0, "Состояние программы"), ==,
                   nst_programme_status_label (NST_PROGRAMME_STATUS_ACTIVE));
  g_assert_cmpstr (cell (table, 0, "№"), ==, "1");
  g_assert_cmpstr (cell (table, 0, "Мероприятие"), ==, "Экскурсия; «ёлка», и \\ путь");
  g_assert_cmpstr (cell (table, 0, "Сроки"), ==, "до 01.10.2025");
  g_assert_cmpstr (cell (table, 0, "Ответственный"), ==, "Наставник");
  g_assert_cmpstr (cell (table, 0, "Ожидаемый результат"), ==, "Знакомство\nс производством");
  g_assert_cmpstr (cell (table, 0, "Начало"), ==, "2025-10-01");
  g_assert_cmpstr (cell (table, 0, "Срок"), ==, "2025-10-01");
  g_assert_cmpstr (cell (table, 0, "Выполнено"), ==, "2025-09-30");
  g_assert_cmpstr (cell (table, 0, "Состояние"), ==, nst_deadline_state_label (NST_DEADLINE_DONE));

  /* The rule: each month's second Monday, the first one overdue today. */
  g_assert_cmpstr (cell (table, 1, "№"), ==, "2");
  g_assert_cmpstr (cell (table, 1, "Срок"), ==, "2025-10-13");
  g_assert_cmpstr (cell (table, 1, "Выполнено"), ==, "");
  g_assert_cmpstr (cell (table, 1, "Состояние"), ==, nst_deadline_state_label (NST_DEADLINE_OVERDUE));
  g_assert_cmpstr (cell (table, 2, "Срок"), ==, "2025-11-10");
  g_assert_cmpstr (cell (table, monthly, "Мероприятие"), ==, "Посещение уроков");

  /* «По запросу»: no dates to filter by, the state the program counts. */
  last = monthly + 1;
  g_assert_cmpstr (cell (table, last, "№"), ==, "3");
  g_assert_cmpstr (cell (table, last, "Сроки"), ==, "по запросу наставляемого");
  g_assert_cmpstr (cell (table, last, "Начало"), ==, "");
  g_assert_cmpstr (cell (table, last, "Срок"), ==, "");
  g_assert_cmpstr (cell (table, last, "Состояние"), ==, nst_deadline_state_label (NST_DEADLINE_PLANNED));
}

/* The pair ends early: what was not done by then will not happen. */
static void
test_programmes_ended (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(NstGroup) g = NULL;
  g_autoptr(NstProgramme) p = programme_with_plan (f, &g);
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(NstExportTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const char *cancelled = nst_deadline_state_label (NST_DEADLINE_CANCELLED);
  GDate today;

  nst_store_end_group (f->store, g, NST_END_REASON_CURATOR, "2025-11-01", "переезд", &error);
  g_assert_no_error (error);
  programmes = one_programme (f->store, p);
  nst_date_today (&today);
  table = nst_export_programmes_table (programmes, &today);
  g_assert_cmpstr (cell (table, 0, "Состояние программы"), ==,
                   nst_programme_status_label (NST_PROGRAMME_STATUS_TERMINATED));
  g_assert_cmpstr (cell (table, 0, "Состояние"), ==, nst_deadline_state_label (NST_DEADLINE_DONE));
  g_assert_cmpstr (cell (table, 1, "Срок"), ==, "2025-10-13");
  g_assert_cmpstr (cell (table, 1, "Состояние"), ==, nst_deadline_state_label (NST_DEADLINE_OVERDUE));
  g_assert_cmpstr (cell (table, 2, "Срок"), ==, "2025-11-10");
  g_assert_cmpstr (cell (table, 2, "Состояние"), ==, cancelled);
  g_assert_cmpstr (cell (table, nst_export_table_get_n_rows (table) - 1, "Состояние"), ==, cancelled);
}

/* A programme without a plan still has its row. */
static void
test_programmes_without_plan (void)
{
  g_autoptr(GPtrArray) programmes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(NstExportTable) table = NULL;
  NstProgramme *p = nst_programme_new ();
  GDate today;

  nst_programme_set_school_year (p, 2025);
  nst_programme_set_group_id (p, 7);
  nst_programme_set_group_facts (p, "Иванова Ирина Петровна", "Петров Пётр Ильич, Ёлкин Олег Олегович",
                                 NST_GROUP_FORM_STUDENT_STUDENT);
  g_ptr_array_add (programmes, p);
  nst_date_today (&today);
  table = nst_export_programmes_table (programmes, &today);
  g_assert_cmpuint (nst_export_table_get_n_rows (table), ==, 1);
  g_assert_cmpstr (cell (table, 0, "№ пары"), ==, "7");
  g_assert_cmpstr (cell (table, 0, "Наставляемые"), ==, "Петров Пётр Ильич, Ёлкин Олег Олегович");
  g_assert_cmpstr (cell (table, 0, "Мероприятие"), ==, "");
  g_assert_cmpstr (cell (table, 0, "Состояние"), ==, "");
}

/* ---- orders ------------------------------------------------------------------ */

static void
add_order (NstStore   *store,
           const char *kind,
           const char *heading,
           const char *signed_on,
           guint       number)
{
  g_autoptr(NstOrder) order = nst_order_new (kind, heading, signed_on);
  g_autoptr(GError) error = NULL;

  nst_order_set_number (order, number, "о-д");
  g_assert_true (nst_store_add_order (store, order, NULL, &error));
  g_assert_no_error (error);
}

static void
test_orders_table (Fixture       *f,
                   gconstpointer  data)
{
  static const char *const headers[] = { "Рег. №", "Дата", "Вид приказа", "Заголовок", NULL };
  g_autofree char *path = g_build_filename (f->dir, "приказы.csv", NULL);
  g_autoptr(GListStore) orders = NULL;
  g_autoptr(NstExportTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint n = 99;

  /* An empty journal: the header alone. */
  g_assert_true (nst_export_orders (f->store, path, NST_EXPORT_FORMAT_CSV, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "\xEF\xBB\xBF" "Рег. №;Дата;Вид приказа;Заголовок\r\n");

  add_order (f->store, NST_ORDER_KIND_CURATOR, "О назначении куратора", "2025-09-09", 219);
  add_order (f->store, NST_ORDER_KIND_INTRODUCTION, "О внедрении целевой модели наставничества",
             "2025-09-01", 201);
  add_order (f->store, "inspection", "О проверке; «итоги»", "2026-01-20", 3);
  orders = nst_store_list_orders (f->store, NULL, &error);
  g_assert_no_error (error);
  table = nst_export_orders_table (G_LIST_MODEL (orders));
  g_assert_cmpstr (nst_export_table_get_title (table), ==, "Журнал приказов");
  assert_headers (table, headers);
  g_assert_cmpuint (nst_export_table_get_kind (table, 1), ==, NST_EXPORT_DATE);
  g_assert_cmpuint (nst_export_table_get_n_rows (table), ==, 3);
  /* Oldest first, as the journal is kept. */
  g_assert_cmpstr (cell (table, 0, "Рег. №"), ==, "201 о-д");
  g_assert_cmpstr (cell (table, 0, "Дата"), ==, "2025-09-01");
  g_assert_cmpstr (cell (table, 0, "Вид приказа"), ==, "О внедрении целевой модели наставничества");
  g_assert_cmpstr (cell (table, 1, "Рег. №"), ==, "219 о-д");
  g_assert_cmpstr (cell (table, 1, "Вид приказа"), ==, "О назначении куратора");
  g_assert_cmpstr (cell (table, 1, "Заголовок"), ==, "О назначении куратора");
  g_assert_cmpstr (cell (table, 2, "Рег. №"), ==, "3 о-д");
  g_assert_cmpstr (cell (table, 2, "Вид приказа"), ==, "inspection");
  g_assert_cmpstr (cell (table, 2, "Заголовок"), ==, "О проверке; «итоги»");
  g_assert_cmpstr (nst_export_order_kind_label (NST_ORDER_KIND_PAIRS), ==,
                   "О назначении наставников и закреплении пар");

  g_clear_pointer (&contents, g_free);
  g_assert_true (nst_export_orders (f->store, path, NST_EXPORT_FORMAT_CSV, &n, &error));
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\r\n201 о-д;01.09.2025;О внедрении"));
  g_assert_nonnull (strstr (contents, "\r\n3 о-д;20.01.2026;inspection;\"О проверке; «итоги»\"\r\n"));
}

/* ---- iCalendar text ------------------------------------------------------------ */

static void
test_ical_escape (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  nst_ical_append_escaped (out, "a\\b;c,d\ne\r\nf\rg\x01h\tё\x7F.");
  g_assert_cmpstr (out->str, ==, "a\\\\b\\;c\\,d\\ne\\nf\\ngh\tё.");
  g_string_truncate (out, 0);
  nst_ical_append_text (out, "SUMMARY", "Встреча, итоги; план");
  g_assert_cmpstr (out->str, ==, "SUMMARY:Встреча\\, итоги\\; план\r\n");
  g_string_truncate (out, 0);
  nst_ical_append_text (out, "X", "bad \xFF byte");
  g_assert_true (g_utf8_validate (out->str, -1, NULL));
}

/* Unfolds @text (RFC 5545 §3.1), content lines ended by CRLF, after
 * checking each physical line. */
static char *
check_and_unfold (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GString *logical = g_string_new (NULL);
  guint n;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (lines) - 1;  /* the empty string after the last CRLF */
  g_assert_cmpstr (lines[n], ==, "");
  g_assert_true (lines[0][0] != ' ');
  for (guint i = 0; i < n; i++)
    {
      gsize length = strlen (lines[i]);
      gsize backslashes = 0;
      gboolean continued = lines[i + 1][0] == ' ';

      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_cmpuint (length, <=, NST_ICAL_LINE_OCTETS);
      g_assert_cmpuint (length, >, 0);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      /* No escape is cut in two: a folded line does not end in half of one. */
      while (backslashes < length && lines[i][length - 1 - backslashes] == '\\')
        backslashes++;
      g_assert_true (!continued || backslashes % 2 == 0);
      g_string_append (logical, lines[i][0] == ' ' ? lines[i] + 1 : lines[i]);
      if (!continued)
        g_string_append (logical, "\r\n");
    }
  return g_string_free (logical, FALSE);
}

static void
test_ical_fold (void)
{
  static const char *const tails[] = {
    "Ёлка", "ж\\nж\\;ж\\,ж\\\\ж", "𝄞 и 😀 — четыре октета", "x", "\\n\\n\\n\\n\\n\\n",
  };

  /* Every place of a cut, for letters of one to four octets and escapes. */
  for (guint pad = 0; pad <= 2 * NST_ICAL_LINE_OCTETS + 4; pad++)
    for (guint t = 0; t < G_N_ELEMENTS (tails); t++)
      {
        g_autoptr(GString) line = g_string_new ("DESCRIPTION:");
        g_autoptr(GString) out = g_string_new (NULL);
        g_autofree char *back = NULL;

        for (guint i = 0; i < pad; i++)
          g_string_append (line, i % 3 ? "ы" : "a");
        for (guint i = 0; i < 6; i++)
          g_string_append (line, tails[t]);
        nst_ical_append_line (out, line->str);
        back = check_and_unfold (out->str);
        g_string_append (line, "\r\n");
        g_assert_cmpstr (back, ==, line->str);
      }
}

/* ---- the calendar --------------------------------------------------------------- */

static char *
calendar_text (NstExportCalendar *calendar)
{
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2025, 11, 15, 9, 30, 5);
  g_autoptr(GBytes) bytes = nst_export_calendar_to_bytes (calendar, stamp);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* The event whose UID is @uid, unfolded, from BEGIN to END. */
static char *
find_event (const char *unfolded,
            const char *uid)
{
  g_autofree char *key = g_strconcat ("UID:", uid, "\r\n", NULL);
  const char *at = strstr (unfolded, key);
  const char *begin, *end;

  g_assert_nonnull (at);
  begin = g_strrstr_len (unfolded, at - unfolded, "BEGIN:VEVENT\r\n");
  end = strstr (at, "END:VEVENT\r\n");
  g_assert_nonnull (begin);
  g_assert_nonnull (end);
  return g_strndup (begin, end - begin);
}

/* The calendar of @p as loaded now, unfolded. */
static char *
programme_calendar (Fixture      *f,
                    NstProgramme *p,
                    guint        *n_events)
{
  g_autoptr(GPtrArray) programmes = one_programme (f->store, p);
  g_autoptr(NstExportCalendar) calendar = nst_export_calendar_new ();
  g_autofree char *text = NULL;

  nst_export_calendar_add_programme (calendar, g_ptr_array_index (programmes, 0));
  *n_events = nst_export_calendar_get_n_events (calendar);
  text = calendar_text (calendar);
  return check_and_unfold (text);
}

static char *
plan_uid (NstProgramme *p,
          guint         item,
          const char   *due)
{
  return g_strdup_printf ("plan-%" G_GINT64_FORMAT "-%s@nastavnik", item_id (p, item), due);
}

static void
test_calendar_programme (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(NstProgramme) p = programme_with_plan (f, NULL);
  g_autofree char *first_uid = plan_uid (p, 0, "20251001");
  g_autofree char *monthly_uid = plan_uid (p, 1, "20251110");
  g_autofree char *unfolded = NULL, *first = NULL, *monthly = NULL;
  guint n_monthly = n_occurrences (p, 1), n;

  unfolded = programme_calendar (f, p, &n);
  /* «По запросу» has no dates of its own: not in the calendar. */
  g_assert_cmpuint (n, ==, 1 + n_monthly);
  g_assert_true (g_str_has_prefix (unfolded, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Nastavnik//"));
  g_assert_nonnull (strstr (unfolded, "\r\nCALSCALE:GREGORIAN\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-WR-CALNAME:Наставник\r\n"));
  g_assert_true (g_str_has_suffix (unfolded, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
  g_assert_cmpuint (count (unfolded, "BEGIN:VEVENT\r\n"), ==, n);
  g_assert_cmpuint (count (unfolded, "DTSTAMP:20251115T093005Z\r\n"), ==, n);
  g_assert_null (strstr (unfolded, "Консультации"));

  first = find_event (unfolded, first_uid);
  g_assert_nonnull (strstr (first, "\r\nDTSTART;VALUE=DATE:20251001\r\nDTEND;VALUE=DATE:20251002\r\n"));
  g_assert_nonnull (strstr (first, "\r\nSUMMARY:Экскурсия\\; «ёлка»\\, и \\\\ путь\r\n"));
  g_assert_nonnull (strstr (first, "\r\nDESCRIPTION:Наставник: Орлова Анна Ивановна\\n"
                                   "Наставляемый: Белова Вера Ивановна\\n"
                                   "Программа: 2025/2026 учебный год\\, мероприятие № 1\\n"
                                   "Сроки: до 01.10.2025\\nОтветственный: Наставник\\n"
                                   "Ожидаемый результат: Знакомство\\nс производством\\n"
                                   "Выполнено: 30.09.2025\r\n"));
  g_assert_nonnull (strstr (first, "\r\nCATEGORIES:Программы наставничества\r\n"));
  g_assert_nonnull (strstr (first, "\r\nSTATUS:CONFIRMED\r\nTRANSP:TRANSPARENT\r\n"));

  monthly = find_event (unfolded, monthly_uid);
  g_assert_nonnull (strstr (monthly, "\r\nDTSTART;VALUE=DATE:20251110\r\nDTEND;VALUE=DATE:20251111\r\n"));
  g_assert_nonnull (strstr (monthly, "\r\nSUMMARY:Посещение уроков\r\n"));
}

/* Ended: what follows the end is cancelled, what came before stays; a
 * draft's plan is tentative. */
static void
test_calendar_programme_states (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(NstGroup) g = NULL;
  g_autoptr(NstProgramme) p = programme_with_plan (f, &g);
  g_autofree char *october_uid = plan_uid (p, 1, "20251013");
  g_autofree char *monthly_uid = plan_uid (p, 1, "20251110");
  g_autofree char *unfolded = NULL, *october = NULL, *monthly = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  nst_store_end_group (f->store, g, NST_END_REASON_CURATOR, "2025-11-01", NULL, &error);
  g_assert_no_error (error);
  unfolded = programme_calendar (f, p, &n);
  october = find_event (unfolded, october_uid);
  g_assert_nonnull (strstr (october, "\r\nSTATUS:CONFIRMED\r\n"));
  monthly = find_event (unfolded, monthly_uid);
  g_assert_nonnull (strstr (monthly, "\r\nSTATUS:CANCELLED\r\n"));
  g_assert_nonnull (strstr (monthly, "\\nОтменено: программа завершена: 01.11.2025\r\n"));
  g_assert_cmpuint (count (unfolded, "STATUS:CANCELLED"), ==, n_occurrences (p, 1) - 1);
  g_assert_cmpuint (count (unfolded, "STATUS:TENTATIVE"), ==, 0);

  /* A draft: nothing is certain yet but what is done. */
  raw_exec (f->store, "UPDATE programme SET status = 'draft', end_reason = NULL, ended_on = NULL");
  g_clear_pointer (&unfolded, g_free);
  unfolded = programme_calendar (f, p, &n);
  g_assert_cmpuint (count (unfolded, "STATUS:TENTATIVE"), ==, n - 1);
  g_assert_cmpuint (count (unfolded, "\\nПрограмма ещё не утверждена\r\n"), ==, n - 1);
}

static char *
ical_date (const GDate *date)
{
  return g_strdup_printf ("%04u%02u%02u", (guint) g_date_get_year (date), (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* Every occurrence of @item an event with its dates, UID and category. */
static void
check_roadmap_item (const char     *unfolded,
                    NstRoadmap     *roadmap,
                    NstRoadmapItem *item,
                    NstStore       *store,
                    guint          *n_events,
                    guint          *n_spans)
{
  g_autoptr(GArray) occurrences = nst_roadmap_dup_item_occurrences (roadmap, item, nst_store_quarters_func, store);

  for (guint o = 0; o < occurrences->len; o++)
    {
      const NstRoadmapOccurrence *occurrence = &g_array_index (occurrences, NstRoadmapOccurrence, o);
      GDate after = occurrence->due;
      g_autofree char *due = ical_date (&occurrence->due);
      g_autofree char *start = ical_date (&occurrence->start);
      g_autofree char *end = NULL, *uid = NULL, *event = NULL, *dates = NULL;

      g_date_add_days (&after, 1);
      end = ical_date (&after);
      uid = g_strdup_printf ("roadmap-%" G_GINT64_FORMAT "-%s@nastavnik", nst_roadmap_item_get_id (item), due);
      event = find_event (unfolded, uid);
      dates = g_strdup_printf ("\r\nDTSTART;VALUE=DATE:%s\r\nDTEND;VALUE=DATE:%s\r\n", start, end);
      g_assert_nonnull (strstr (event, dates));
      g_assert_nonnull (strstr (event, "\r\nCATEGORIES:Дорожная карта\r\n"));
      *n_spans += g_date_days_between (&occurrence->start, &occurrence->due) > 0;
      (*n_events)++;
    }
}

/* Spans: a period of the roadmap from its first day to its last. */
static void
test_calendar_roadmap (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstRoadmap) roadmap = nst_store_add_roadmap_from_template (f->store, 2024, &error);
  g_autoptr(NstExportCalendar) calendar = nst_export_calendar_new ();
  g_autofree char *text = NULL, *unfolded = NULL;
  guint expected = 0, spans = 0;

  g_assert_no_error (error);
  nst_export_calendar_add_roadmap (calendar, roadmap, nst_store_quarters_func, f->store);
  text = calendar_text (calendar);
  unfolded = check_and_unfold (text);
  for (guint s = 0; s < nst_roadmap_get_n_sections (roadmap); s++)
    {
      NstRoadmapSection *section = nst_roadmap_get_section (roadmap, s);

      for (guint i = 0; i < nst_roadmap_section_get_n_items (section); i++)
        check_roadmap_item (unfolded, roadmap, nst_roadmap_section_get_item (section, i), f->store,
                            &expected, &spans);
    }
  g_assert_cmpuint (expected, >, 17);
  g_assert_cmpuint (spans, >, 0);
  g_assert_cmpuint (nst_export_calendar_get_n_events (calendar), ==, expected);
  g_assert_cmpuint (count (unfolded, "BEGIN:VEVENT\r\n"), ==, expected);
  g_assert_nonnull (strstr (unfolded, "\r\nSUMMARY:Формирование наставнических пар\r\n"));
}

/* The events the programmes should give: their dated occurrences. */
static guint
count_dated_occurrences (GPtrArray *programmes)
{
  guint n = 0;

  for (guint p = 0; p < programmes->len; p++)
    {
      GListModel *items = nst_programme_get_items (g_ptr_array_index (programmes, p));

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);

          if (nst_plan_item_get_schedule_understood (item))
            n += g_list_model_get_n_items (nst_plan_item_get_occurrences (item));
        }
    }
  return n;
}

/* The example school whole: every occurrence an event, written atomically;
 * an empty database has nothing to put in a calendar. */
static void
test_calendar_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "календарь.ics", NULL);
  g_autofree char *contents = NULL, *unfolded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) lines = NULL;
  guint n = 0, n_plan = 0;
  GStatBuf st;

  g_assert_false (nst_export_calendar (f->store, path, &n, &error));
  g_assert_error (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (nst_demo_fill (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (nst_export_calendar (f->store, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  unfolded = check_and_unfold (contents);
  lines = g_strsplit (unfolded, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "UID:"))
      {
        g_assert_false (g_hash_table_contains (uids, lines[i]));
        g_hash_table_add (uids, lines[i]);
        n_plan += g_str_has_prefix (lines[i], "UID:plan-");
      }
  g_assert_cmpuint (g_hash_table_size (uids), ==, n);
  g_assert_cmpuint (count (unfolded, "BEGIN:VEVENT\r\n"), ==, n);
  g_assert_cmpuint (count (unfolded, "UID:roadmap-"), >, 17);

  programmes = nst_export_load_programmes (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_plan, >, 100);
  g_assert_cmpuint (n_plan, ==, count_dated_occurrences (programmes));
}

int
main (int   argc,
      char *argv[])
{
  groups_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, groups_fixture_set_up, func, groups_fixture_tear_down)

  ADD ("/export/programmes/table", test_programmes_table);
  ADD ("/export/programmes/ended", test_programmes_ended);
  g_test_add_func ("/export/programmes/without-plan", test_programmes_without_plan);
  ADD ("/export/orders/table", test_orders_table);
  g_test_add_func ("/export/ical/escape", test_ical_escape);
  g_test_add_func ("/export/ical/fold", test_ical_fold);
  ADD ("/export/calendar/programme", test_calendar_programme);
  ADD ("/export/calendar/programme-states", test_calendar_programme_states);
  ADD ("/export/calendar/roadmap", test_calendar_roadmap);
  ADD ("/export/calendar/file", test_calendar_file);

  return g_test_run ();
}
