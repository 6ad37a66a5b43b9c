/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-demo"

#include "config.h"

#include <string.h>

#include "schedule/nst-date.h"
#include "demo/nst-demo-orders.h"
#include "demo/nst-demo-pairs.h"
#include "store/nst-store-groups.h"

/* A sequence of its own, so that the registry before it stays as it was. */
#define PAIRS_SEED 0x9A125u

/* Staff who ask for a mentor on top of the young specialists the registry
 * has: novices in their subject, and veterans who want the new tools. */
#define STAFF_RECRUITS 16

/* ---- a pseudo-random sequence (xorshift32, as nst-demo.c) ------------------ */

typedef struct
{
  guint32 state;
} Rng;

static guint32
rng_next (Rng *rng)
{
  guint32 x = rng->state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return rng->state = x;
}

static guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (((guint64) rng_next (rng) * n) >> 32);
}

static gboolean
rng_percent (Rng   *rng,
             guint  percent)
{
  return rng_below (rng, 100) < percent;
}

/* ---- the state ----------------------------------------------------------------- */

typedef struct
{
  NstStore *store;
  Rng rng;
  GDate today;
  guint year;          /* the current school year */
  guint limit;
  GPtrArray *people;   /* NstParticipant: the registry */
  GHashTable *load;    /* mentor id → mentees in approved and active pairs */
  GPtrArray *staff;    /* mentees ready for approval, in a shuffled order */
  GPtrArray *students;
  GPtrArray *unready;  /* mentees whose consents are missing */
  guint pairs;
  GHashTable *approvals;  /* ISO day → GArray of the gint64 ids approved that day */
} Pairs;

typedef enum
{
  TARGET_DRAFT,         /* some consent missing: the rule, shown */
  TARGET_READY_DRAFT,   /* everything in place for the next order */
  TARGET_APPROVED,
  TARGET_ACTIVE,
  TARGET_END_ACTIVE,    /* terminated this year after it started */
  TARGET_END_APPROVED,  /* terminated before it got going */
  TARGET_FINISHED,      /* last year's, plan done */
  TARGET_TERMINATED,    /* last year's, ended early */
} Target;

/* ---- dates --------------------------------------------------------------------- */

static char *
iso_day (guint      year,
         GDateMonth month,
         guint      day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return nst_date_format_iso (&date);
}

/* @days after today (before, when negative), never before the school
 * year's first day. */
static char *
from_today (Pairs *p,
            int    days)
{
  GDate date = p->today, first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_SEPTEMBER, p->year);
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  if (g_date_compare (&date, &first) < 0)
    date = first;
  return nst_date_format_iso (&date);
}

static gboolean
has_come (Pairs      *p,
          const char *iso)
{
  g_autofree char *today = nst_date_format_iso (&p->today);

  return strcmp (iso, today) <= 0;
}

static gboolean
is_past (Pairs      *p,
         const char *iso)
{
  g_autofree char *today = nst_date_format_iso (&p->today);

  return strcmp (iso, today) < 0;
}

/* «{Y}» and «{Y1}» in a schedule: this school year's two calendar years. */
static char *
with_years (const char *format,
            guint       year)
{
  g_autofree char *first = g_strdup_printf ("%u", year);
  g_autofree char *second = g_strdup_printf ("%u", year + 1);
  g_auto(GStrv) parts = g_strsplit (format, "{Y1}", -1);
  g_autofree char *half = g_strjoinv (second, parts);
  g_auto(GStrv) rest = g_strsplit (half, "{Y}", -1);

  return g_strjoinv (first, rest);
}

/* ---- the registry ------------------------------------------------------------------- */

static gboolean
is_ready (NstParticipant *p)
{
  return !nst_participant_get_archived (p) &&
         nst_participant_get_missing_consents (p) == NST_CONSENT_MISSING_NONE;
}

static int
teaching_years (Pairs          *p,
                NstParticipant *person)
{
  return nst_date_years_since_iso (nst_participant_get_teaching_since (person), &p->today);
}

static const char *const staff_requests[] = {
  "Нужна помощь: составление рабочей программы; оценивание и ведение электронного журнала",
  "Нужна помощь: поддержание дисциплины на уроке; работа с родителями обучающихся",
  "Нужна помощь: подготовка обучающихся к ОГЭ по предмету; методика урока по обновлённым ФГОС",
  "Нужна помощь: подготовка к аттестации на квалификационную категорию",
  "Нужна помощь: работа с обучающимися с ОВЗ; формирующее оценивание",
};

static gboolean
recruit (Pairs           *p,
         NstParticipant  *person,
         GError         **error)
{
  g_autoptr(GPtrArray) consents = nst_store_list_consents (p->store, nst_participant_get_id (person), error);

  if (consents == NULL)
    return FALSE;
  nst_participant_set_is_mentee (person, TRUE);
  if (teaching_years (p, person) >= 25)
    nst_participant_set_request (person, "Освоение цифровых инструментов: ФГИС «Моя школа», "
                                         "интерактивная панель, онлайн-тесты");
  else
    nst_participant_set_request (person, staff_requests[rng_below (&p->rng, G_N_ELEMENTS (staff_requests))]);
  return nst_store_save_participant (p->store, person, consents, error);
}

/* Teachers new to their subject or long in it, who are neither mentors
 * nor mentees yet, ask for a mentor too. */
static gboolean
recruit_staff (Pairs   *p,
               GError **error)
{
  guint recruited = 0;

  for (guint i = 0; i < p->people->len && recruited < STAFF_RECRUITS; i++)
    {
      NstParticipant *person = g_ptr_array_index (p->people, i);
      int years = teaching_years (p, person);

      if (nst_participant_get_category (person) != NST_CATEGORY_TEACHER ||
          nst_participant_get_is_mentor (person) || nst_participant_get_is_mentee (person) ||
          nst_participant_get_archived (person) || years < 0 || (years >= 10 && years < 20) ||
          !rng_percent (&p->rng, 75))
        continue;
      if (!recruit (p, person, error))
        return FALSE;
      recruited++;
    }
  return TRUE;
}

static void
shuffle (Pairs     *p,
         GPtrArray *array)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = rng_below (&p->rng, i);
      gpointer swap = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = swap;
    }
}

static void
sort_mentees (Pairs *p)
{
  for (guint i = 0; i < p->people->len; i++)
    {
      NstParticipant *person = g_ptr_array_index (p->people, i);

      if (!nst_participant_get_is_mentee (person) || nst_participant_get_is_mentor (person) ||
          nst_participant_get_archived (person))
        continue;
      if (!is_ready (person))
        g_ptr_array_add (p->unready, person);
      else if (nst_participant_get_category (person) == NST_CATEGORY_STUDENT)
        g_ptr_array_add (p->students, person);
      else
        g_ptr_array_add (p->staff, person);
    }
  shuffle (p, p->staff);
  shuffle (p, p->students);
  shuffle (p, p->unready);
}

static NstParticipant *
take (GPtrArray *pool)
{
  if (pool->len == 0)
    return NULL;
  return g_ptr_array_steal_index (pool, 0);
}

static guint
load_of (Pairs          *p,
         NstParticipant *mentor)
{
  gint64 id = nst_participant_get_id (mentor);

  return GPOINTER_TO_UINT (g_hash_table_lookup (p->load, &id));
}

static void
add_load (Pairs          *p,
          NstParticipant *mentor,
          int             mentees)
{
  gint64 id = nst_participant_get_id (mentor);

  g_hash_table_insert (p->load, g_memdup2 (&id, sizeof id),
                       GUINT_TO_POINTER (load_of (p, mentor) + mentees));
}

/* The best mentor for @mentee by the suggestions' own scoring, among those
 * a form suits; @standing: with their consents and a free place. */
static NstParticipant *
pick_mentor (Pairs          *p,
             NstParticipant *mentee,
             gboolean        standing,
             guint           places)
{
  g_autoptr(NstMentorSuggestion) best = NULL;

  for (guint i = 0; i < p->people->len; i++)
    {
      NstParticipant *m = g_ptr_array_index (p->people, i);
      NstMentorFacts facts = { load_of (p, m), p->limit, FALSE,
                               !(nst_participant_get_missing_consents (m) & NST_CONSENT_MISSING_MENTOR) };
      g_autoptr(NstMentorSuggestion) s = NULL;
      NstGroupForm form;

      if (!nst_participant_get_is_mentor (m) || nst_participant_get_archived (m) || m == mentee ||
          (standing && (!is_ready (m) || facts.load + places > p->limit)))
        continue;
      s = nst_mentor_suggestion_new_scored (mentee, m, &facts, &p->today);
      if (!nst_mentor_suggestion_get_form (s, &form))
        continue;
      if (best == NULL || nst_mentor_suggestion_compare (s, best, NULL) < 0)
        g_set_object (&best, s);
    }
  return best ? nst_mentor_suggestion_get_mentor (best) : NULL;
}

/* ---- forming ---------------------------------------------------------------------- */

static NstInteractionModel
model_for (Pairs          *p,
           NstParticipant *mentee)
{
  const char *request = nst_participant_get_request (mentee);

  if (nst_participant_get_young_specialist (mentee))
    return NST_INTERACTION_EXPERIENCED_YOUNG;
  if (teaching_years (p, mentee) >= 25)
    return NST_INTERACTION_INNOVATOR_CONSERVATIVE;
  if (strstr (request, "дисциплин") != NULL || strstr (request, "родител") != NULL)
    return NST_INTERACTION_LEADER_COMMUNICATION;
  return NST_INTERACTION_SUBJECT_NOVICE;
}

static NstGroupKind
kind_for (Pairs          *p,
          NstParticipant *mentor,
          NstParticipant *mentee)
{
  gboolean student = nst_participant_get_category (mentee) == NST_CATEGORY_STUDENT;
  guint roll = rng_below (&p->rng, 100);

  if (!student && teaching_years (p, mentor) < teaching_years (p, mentee))
    return NST_GROUP_KIND_REVERSE;
  if (roll < 65)
    return NST_GROUP_KIND_TRADITIONAL;
  if (roll < 82)
    return NST_GROUP_KIND_VIRTUAL;
  return student ? NST_GROUP_KIND_SHORT_TERM : NST_GROUP_KIND_SITUATIONAL;
}

static NstGroup *
form_group (Pairs           *p,
            NstParticipant  *mentor,
            NstParticipant **mentees,
            guint            n,
            NstGroupKind     kind,
            const char      *starts_on,
            const char      *ends_on,
            const char      *created_on,
            GError         **error)
{
  g_autoptr(NstGroup) g = nst_group_new ();
  NstGroupForm form = NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE;

  nst_group_form_for (mentor, mentees[0], &form);
  nst_group_set_form (g, form);
  if (form == NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE)
    nst_group_set_interaction_model (g, model_for (p, mentees[0]));
  nst_group_set_kind (g, kind);
  nst_group_set_mentor (g, mentor);
  for (guint i = 0; i < n; i++)
    nst_group_add_mentee (g, mentees[i]);
  nst_group_set_starts_on (g, starts_on);
  nst_group_set_ends_on (g, ends_on);
  if (!nst_store_save_group (p->store, g, created_on, NULL, error))
    return NULL;
  p->pairs++;
  return g_steal_pointer (&g);
}

/* Who was approved when: the orders that fixed them (nst-demo-orders.c). */
static void
note_approval (Pairs      *p,
               NstGroup   *g,
               const char *on_date)
{
  GArray *ids = g_hash_table_lookup (p->approvals, on_date);
  gint64 id = nst_group_get_id (g);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (p->approvals, g_strdup (on_date), ids);
    }
  g_array_append_val (ids, id);
}

/* Approval is refused while consents are missing: such a pair stays a
 * draft, as it would at a real school. */
static gboolean
advance (Pairs           *p,
         NstGroup        *g,
         NstGroupStatus   status,
         const char      *on_date,
         GError         **error)
{
  g_autoptr(GError) local = NULL;

  if (nst_store_change_group_status (p->store, g, status, on_date, NULL, &local))
    {
      if (status == NST_GROUP_STATUS_APPROVED)
        note_approval (p, g, on_date);
      return TRUE;
    }
  if (g_error_matches (local, NST_STORE_ERROR, NST_STORE_ERROR_INVALID))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* ---- programmes ------------------------------------------------------------------ */

typedef struct
{
  const char *activity;
  const char *schedule; /* with {Y} and {Y1} for the school year's years */
  const char *responsible;
  const char *result;
} PlanRow;

static const PlanRow exam_plan[] = {
  { "Входная диагностика по предмету", "до 30.09.{Y}", "Наставник", "Определены пробелы в знаниях" },
  { "Разбор заданий экзаменационного формата", "каждый второй понедельник месяца",
    "Наставник, наставляемый", "Освоены типовые задания" },
  { "Пробная работа и её анализ", "в конце каждой четверти", "Наставник",
    "Результат пробной работы не ниже запланированного" },
  { "Консультация перед экзаменом", "с 01.05.{Y1} по 25.05.{Y1}", "Наставник", "Наставляемый готов к экзамену" },
};

static const PlanRow student_plan[] = {
  { "Знакомство, определение целей и правил общения", "до 30.09.{Y}", "Наставник, наставляемый",
    "Составлен план встреч" },
  { "Встреча наставника и наставляемого", "каждый первый четверг месяца", "Наставник",
    "Наставляемый получает поддержку" },
  { "Подведение итогов четверти", "в конце каждой четверти", "Наставник, наставляемый",
    "Отмечены успехи и трудности" },
  { "Участие в школьном конкурсе или проекте", "с 01.02.{Y1} по 31.03.{Y1}", "Наставляемый",
    "Работа представлена на конкурсе" },
  { "Итоговая встреча, рефлексия", "до 25.05.{Y1}", "Наставник, наставляемый", "Отзыв наставляемого о программе" },
};

static const PlanRow employer_plan[] = {
  { "Экскурсия на предприятие", "до 31.10.{Y}", "Наставник", "Наставляемые знакомы с производством" },
  { "Профориентационная встреча", "один раз в четверть", "Наставник", "Сделан осознанный выбор профиля" },
  { "Проект под руководством наставника", "с 01.12.{Y} по 30.04.{Y1}", "Наставник, наставляемые",
    "Проект защищён на школьной конференции" },
  { "Итоговая встреча", "до 25.05.{Y1}", "Наставник", "Отзыв наставляемых о программе" },
};

static const PlanRow staff_plan[] = {
  { "Методическая консультация по рабочей программе", "до 01.10.{Y}", "Наставник", "Рабочая программа составлена" },
  { "Посещение уроков наставляемого", "каждый второй понедельник месяца", "Наставник",
    "Даны рекомендации по уроку" },
  { "Анализ результатов четверти", "в конце каждой четверти", "Наставник, наставляемый", "Выявлены затруднения" },
  { "Открытый урок наставляемого", "с 01.02.{Y1} по 31.03.{Y1}", "Наставляемый", "Проведён открытый урок" },
  { "Отчёт о выполнении программы", "до 25.05.{Y1}", "Наставник", "Отчёт сдан куратору" },
};

static void
add_rows (NstProgramme  *programme,
          const PlanRow *rows,
          guint          n,
          guint          year)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanItem) item = nst_plan_item_new ();
      g_autofree char *schedule = with_years (rows[i].schedule, year);

      nst_plan_item_set_activity (item, rows[i].activity);
      nst_plan_item_set_schedule (item, schedule);
      nst_plan_item_set_responsible (item, rows[i].responsible);
      nst_plan_item_set_expected_result (item, rows[i].result);
      nst_programme_add_item (programme, item);
    }
}

static void
add_plan (NstProgramme *programme,
          NstGroup     *g,
          const char   *request,
          guint         year)
{
  switch (nst_group_get_form (g))
    {
    case NST_GROUP_FORM_EMPLOYER_STUDENT:
    case NST_GROUP_FORM_UNDERGRADUATE_STUDENT:
    case NST_GROUP_FORM_EMPLOYER_UNDERGRADUATE:
      add_rows (programme, employer_plan, G_N_ELEMENTS (employer_plan), year);
      break;
    case NST_GROUP_FORM_STUDENT_STUDENT:
      if (strstr (request, "ОГЭ") || strstr (request, "ЕГЭ") || strstr (request, "олимпиад"))
        add_rows (programme, exam_plan, G_N_ELEMENTS (exam_plan), year);
      else
        add_rows (programme, student_plan, G_N_ELEMENTS (student_plan), year);
      break;
    case NST_GROUP_FORM_TEACHER_TEACHER:
    case NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE:
    case NST_GROUP_FORM_HEAD_TEACHER:
    case NST_N_GROUP_FORMS:
    default:
      add_rows (programme, staff_plan, G_N_ELEMENTS (staff_plan), year);
      break;
    }
}

/* Last year's programme, written the way the curator did then. */
static NstProgramme *
past_programme (Pairs    *p,
                NstGroup *g)
{
  NstProgramme *programme = nst_programme_new ();
  g_autofree char *label = nst_school_year_label (p->year - 1);
  g_autofree char *title = g_strdup_printf ("Персонализированная программа наставничества на %s учебный год", label);

  nst_programme_set_group_id (programme, nst_group_get_id (g));
  nst_programme_set_school_year (programme, p->year - 1);
  nst_programme_set_title (programme, title);
  nst_programme_set_starts_on (programme, nst_group_get_starts_on (g));
  nst_programme_set_ends_on (programme, nst_group_get_ends_on (g));
  nst_programme_set_expected_result (programme, "Наставляемый уверенно справляется с профессиональными задачами");
  add_plan (programme, g, "", p->year - 1);
  return programme;
}

/* Work whose day has come is done, but for @lag percent of it; done on the
 * day it was due or a few days before. */
static gboolean
mark_work (Pairs         *p,
           NstProgramme  *programme,
           guint          lag,
           GError       **error)
{
  GListModel *items = nst_programme_get_items (programme);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);
      GListModel *occurrences = nst_plan_item_get_occurrences (item);

      for (guint k = 0; k < g_list_model_get_n_items (occurrences); k++)
        {
          g_autoptr(NstPlanOccurrence) o = g_list_model_get_item (occurrences, k);
          const char *due = nst_plan_occurrence_get_due_on (o);
          GDate done;

          if (!is_past (p, due) || rng_percent (&p->rng, lag))
            continue;
          nst_date_parse_iso (due, &done);
          g_date_subtract_days (&done, rng_below (&p->rng, 3));
          {
            g_autofree char *done_on = nst_date_format_iso (&done);

            if (!nst_store_set_occurrence_done (p->store, o, done_on, error))
              return FALSE;
          }
        }
    }
  return TRUE;
}

/* A lag for each programme: most keep up, some fall behind. */
static guint
random_lag (Pairs *p)
{
  guint roll = rng_below (&p->rng, 100);

  return roll < 65 ? 8 : roll < 90 ? 35 : 75;
}

/* The goal and tasks as a school writes them, so that the printed
 * programme reads like a real one rather than a form with blanks. */
static void
fill_aims (NstProgramme *programme,
           gboolean      pedagogue)
{
  if (*nst_programme_get_goal (programme) == '\0')
    nst_programme_set_goal (programme, pedagogue
      ? "Профессиональное становление наставляемого, развитие его методической "
        "компетентности и закрепление в профессии"
      : "Раскрытие потенциала наставляемого, рост его учебных результатов и "
        "уверенности в себе");
  if (*nst_programme_get_expected_result (programme) == '\0')
    nst_programme_set_expected_result (programme, pedagogue
      ? "Присвоение квалификационной категории, повышение качества обучения"
      : "Наставляемый ставит себе цели и добивается их; его результаты растут");
  if (*nst_programme_get_tasks (programme) == '\0')
    nst_programme_set_tasks (programme, pedagogue
      ? "Помочь освоить современные формы и методы обучения; сформировать навыки "
        "работы с цифровыми платформами; подготовить к аттестации на "
        "квалификационную категорию"
      : "Выявить трудности и интересы наставляемого; составить с ним план "
        "развития; поддерживать его участие в проектах и конкурсах");
}

static NstProgramme *
current_programme (Pairs     *p,
                   NstGroup  *g,
                   GError   **error)
{
  gboolean pedagogue = nst_group_get_form (g) == NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE;
  g_autoptr(NstProgramme) programme =
    nst_store_prepare_programme (p->store, nst_group_get_id (g), pedagogue ? NST_BUILTIN_TEMPLATE_ID : 0, error);

  if (programme == NULL)
    return NULL;
  if (!pedagogue)
    add_plan (programme, g, nst_programme_get_request (programme), p->year);
  fill_aims (programme, pedagogue);
  if (!nst_store_save_programme (p->store, programme, NULL, error))
    return NULL;
  return g_steal_pointer (&programme);
}

/* A programme under way: started with the pair, its work marked. */
static gboolean
run_programme (Pairs         *p,
               NstGroup      *g,
               NstProgramme  *programme,
               guint          lag,
               GError       **error)
{
  return nst_store_change_programme_status (p->store, programme, NST_PROGRAMME_STATUS_ACTIVE,
                                            nst_group_get_starts_on (g), NULL, error) &&
         mark_work (p, programme, lag, error);
}

/* ---- last year -------------------------------------------------------------------- */

static NstParticipant *
take_any_ready (Pairs *p,
                guint  index)
{
  GPtrArray *pool = index % 2 ? p->students : p->staff;

  if (pool->len == 0)
    pool = pool == p->staff ? p->students : p->staff;
  /* Last year's mentees may well have a pair again: not taken. */
  return pool->len ? g_ptr_array_index (pool, (index / 2) % pool->len) : NULL;
}

static gboolean
add_last_year (Pairs   *p,
               guint    index,
               Target   target,
               GError **error)
{
  NstParticipant *mentee = take_any_ready (p, index);
  NstParticipant *mentor = mentee ? pick_mentor (p, mentee, TRUE, 1) : NULL;
  guint y = p->year - 1;
  g_autofree char *created = iso_day (y, G_DATE_SEPTEMBER, 5);
  g_autofree char *approved = iso_day (y, G_DATE_SEPTEMBER, 10);
  g_autofree char *starts = iso_day (y, G_DATE_SEPTEMBER, 15);
  g_autofree char *ends = iso_day (y + 1, G_DATE_MAY, 29);
  g_autofree char *stopped = iso_day (y + 1, G_DATE_FEBRUARY, 13);
  g_autoptr(NstGroup) g = NULL;
  g_autoptr(NstProgramme) programme = NULL;
  gboolean finished = target == TARGET_FINISHED;

  if (mentor == NULL)
    return TRUE;
  g = form_group (p, mentor, &mentee, 1, kind_for (p, mentor, mentee), starts, ends, created, error);
  if (g == NULL || !advance (p, g, NST_GROUP_STATUS_APPROVED, approved, error) ||
      !advance (p, g, NST_GROUP_STATUS_ACTIVE, starts, error))
    return FALSE;
  if (nst_group_get_status (g) != NST_GROUP_STATUS_ACTIVE)
    return TRUE;
  programme = past_programme (p, g);
  if (!nst_store_save_programme (p->store, programme, NULL, error) ||
      !run_programme (p, g, programme, finished ? 0 : 50, error))
    return FALSE;
  if (finished)
    {
      nst_programme_set_result (programme, nst_group_get_form (g) == NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE
                                           ? "Присвоена первая квалификационная категория"
                                           : "Программа выполнена в полном объёме");
      if (!nst_store_save_programme (p->store, programme, NULL, error))
        return FALSE;
    }
  return nst_store_end_group (p->store, g, finished ? NST_END_REASON_PLAN_DONE : NST_END_REASON_CURATOR,
                              finished ? ends : stopped,
                              finished ? NULL : "Программа не выполнялась: встречи не проводились",
                              error);
}

/* ---- this year's groups ------------------------------------------------------------ */

static NstParticipant *
find_mentor (Pairs       *p,
             NstCategory  category,
             const char  *post_part,
             guint        places)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < p->people->len; i++)
      {
        NstParticipant *m = g_ptr_array_index (p->people, i);

        if (nst_participant_get_is_mentor (m) && is_ready (m) &&
            nst_participant_get_category (m) == category &&
            load_of (p, m) + places <= p->limit &&
            (pass == 1 || post_part == NULL || strstr (nst_participant_get_post (m), post_part)))
          return m;
      }
  return NULL;
}

static gboolean
add_group (Pairs        *p,
           NstParticipant *mentor,
           GPtrArray    *pool,
           guint         n,
           gboolean      active,
           GError      **error)
{
  NstParticipant *mentees[3];
  g_autofree char *created = iso_day (p->year, G_DATE_SEPTEMBER, 3);
  g_autofree char *approved = iso_day (p->year, G_DATE_SEPTEMBER, 10);
  g_autofree char *starts = iso_day (p->year, G_DATE_SEPTEMBER, 15);
  g_autofree char *ends = iso_day (p->year + 1, G_DATE_MAY, 29);
  g_autoptr(NstGroup) g = NULL;
  g_autoptr(NstProgramme) programme = NULL;

  if (mentor == NULL || pool->len < n)
    return TRUE;
  for (guint i = 0; i < n; i++)
    mentees[i] = take (pool);
  g = form_group (p, mentor, mentees, n, NST_GROUP_KIND_GROUP, starts, ends, created, error);
  if (g == NULL || !advance (p, g, NST_GROUP_STATUS_APPROVED, approved, error))
    return FALSE;
  if (nst_group_get_status (g) == NST_GROUP_STATUS_APPROVED)
    add_load (p, mentor, n);
  if (!active)
    return TRUE;
  if (!advance (p, g, NST_GROUP_STATUS_ACTIVE, starts, error))
    return FALSE;
  if (nst_group_get_status (g) != NST_GROUP_STATUS_ACTIVE)
    return TRUE;
  programme = current_programme (p, g, error);
  return programme != NULL && run_programme (p, g, programme, random_lag (p), error);
}

/* A partner's group of students, a deputy's group of young teachers, and
 * a senior student's group not started yet. */
static gboolean
add_groups (Pairs   *p,
            GError **error)
{
  NstParticipant *partner = find_mentor (p, NST_CATEGORY_PARTNER, "Кванториум", 3);
  NstParticipant *deputy = find_mentor (p, NST_CATEGORY_HEAD, "научно-методической", 2);
  NstParticipant *senior = NULL;

  if (!add_group (p, partner, p->students, 3, TRUE, error))
    return FALSE;
  if (deputy == NULL)
    deputy = find_mentor (p, NST_CATEGORY_TEACHER, NULL, 2);
  if (!add_group (p, deputy, p->staff, 2, TRUE, error))
    return FALSE;
  senior = find_mentor (p, NST_CATEGORY_STUDENT, NULL, 2);
  return add_group (p, senior, p->students, 2, FALSE, error);
}

/* ---- this year's pairs ----------------------------------------------------------- */

typedef struct
{
  char *created;
  char *approved;
  char *starts;
  char *ends;
} Dates;

static void
dates_clear (Dates *d)
{
  g_free (d->created);
  g_free (d->approved);
  g_free (d->starts);
  g_free (d->ends);
}

/* Pairs under way started in September; those approved lately start
 * soon; drafts were made in the last days. */
static void
dates_for (Pairs  *p,
           Target  target,
           Dates  *d)
{
  guint y = p->year;

  d->ends = iso_day (y + 1, G_DATE_MAY, 29);
  switch (target)
    {
    case TARGET_ACTIVE:
    case TARGET_END_ACTIVE:
      d->created = iso_day (y, G_DATE_SEPTEMBER, 1 + rng_below (&p->rng, 7));
      d->approved = iso_day (y, G_DATE_SEPTEMBER, 10);
      d->starts = iso_day (y, G_DATE_SEPTEMBER, 15 + rng_below (&p->rng, 10));
      break;
    case TARGET_END_APPROVED:
      d->created = iso_day (y, G_DATE_SEPTEMBER, 20);
      d->approved = iso_day (y, G_DATE_SEPTEMBER, 26);
      d->starts = iso_day (y, G_DATE_OCTOBER, 1);
      break;
    case TARGET_APPROVED:
      d->created = from_today (p, -12);
      d->approved = from_today (p, -4);
      d->starts = from_today (p, 3 + rng_below (&p->rng, 14));
      break;
    case TARGET_DRAFT:
    case TARGET_READY_DRAFT:
    case TARGET_FINISHED:
    case TARGET_TERMINATED:
    default:
      d->created = from_today (p, -(int) rng_below (&p->rng, 6));
      d->starts = from_today (p, 14);
      break;
    }
  if (strcmp (d->starts, d->ends) > 0)
    {
      g_free (d->starts);
      d->starts = g_strdup (d->ends);
    }
}

static NstParticipant *
mentee_for (Pairs  *p,
            Target  target)
{
  gboolean student_first = rng_percent (&p->rng, 50);
  GPtrArray *first = student_first ? p->students : p->staff;
  GPtrArray *second = student_first ? p->staff : p->students;
  NstParticipant *mentee = NULL;

  if (target == TARGET_DRAFT)
    mentee = take (p->unready);
  if (mentee == NULL)
    mentee = take (first);
  if (mentee == NULL)
    mentee = take (second);
  if (mentee == NULL)
    mentee = take (p->unready);
  return mentee;
}

/* Ends a pair this year, when its day has come. */
static gboolean
end_this_year (Pairs     *p,
               NstGroup  *g,
               Target     target,
               GError   **error)
{
  gboolean started = target == TARGET_END_ACTIVE;
  g_autofree char *day = iso_day (p->year, G_DATE_OCTOBER, started ? 24 : 17);

  if (!has_come (p, day) || strcmp (day, nst_group_get_starts_on (g)) < 0)
    return TRUE;
  return nst_store_end_group (p->store, g, started ? NST_END_REASON_PARTICIPANT : NST_END_REASON_CURATOR, day,
                              started ? "Наставляемый перешёл в другую школу"
                                      : "Наставник не приступил к работе с парой",
                              error);
}

static gboolean
run_pair (Pairs     *p,
          NstGroup  *g,
          Target     target,
          Dates     *d,
          GError   **error)
{
  g_autoptr(NstProgramme) programme = NULL;
  gboolean starts = target == TARGET_ACTIVE || target == TARGET_END_ACTIVE;

  if (!advance (p, g, NST_GROUP_STATUS_APPROVED, d->approved, error))
    return FALSE;
  if (nst_group_get_status (g) != NST_GROUP_STATUS_APPROVED)
    return TRUE;
  if (starts && !advance (p, g, NST_GROUP_STATUS_ACTIVE, d->starts, error))
    return FALSE;
  if (starts || rng_percent (&p->rng, 50))
    {
      if ((programme = current_programme (p, g, error)) == NULL)
        return FALSE;
      if (starts && !run_programme (p, g, programme, random_lag (p), error))
        return FALSE;
    }
  if (target == TARGET_END_ACTIVE || target == TARGET_END_APPROVED)
    return end_this_year (p, g, target, error);
  return TRUE;
}

static gboolean
add_pair (Pairs   *p,
          Target   target,
          GError **error)
{
  NstParticipant *mentee = mentee_for (p, target);
  gboolean standing = target != TARGET_DRAFT && is_ready (mentee);
  NstParticipant *mentor = NULL;
  g_autoptr(NstGroup) g = NULL;
  Dates d = { NULL };
  gboolean ok;

  if (mentee == NULL)
    return TRUE;
  if (standing)
    mentor = pick_mentor (p, mentee, TRUE, 1);
  if (mentor == NULL)
    {
      /* No free mentor with consents: the curator drafts it anyway. */
      target = TARGET_DRAFT;
      mentor = pick_mentor (p, mentee, FALSE, 1);
    }
  if (mentor == NULL)
    return TRUE;
  dates_for (p, target, &d);
  g = form_group (p, mentor, &mentee, 1, kind_for (p, mentor, mentee), d.starts, d.ends, d.created, error);
  ok = g != NULL;
  /* Its mentor's place is kept for the order that will approve it. */
  if (ok && target == TARGET_READY_DRAFT)
    add_load (p, mentor, 1);
  if (ok && target != TARGET_DRAFT && target != TARGET_READY_DRAFT)
    {
      add_load (p, mentor, 1);
      ok = run_pair (p, g, target, &d, error);
      if (nst_group_get_status (g) == NST_GROUP_STATUS_DRAFT ||
          nst_group_status_is_ended (nst_group_get_status (g)))
        add_load (p, mentor, -1);
    }
  dates_clear (&d);
  return ok;
}

static const struct
{
  Target target;
  guint count;
} this_year[] = {
  { TARGET_END_APPROVED, 1 },
  { TARGET_END_ACTIVE, 2 },
  { TARGET_APPROVED, 4 },
  { TARGET_ACTIVE, 20 },
  { TARGET_READY_DRAFT, 3 },
  { TARGET_DRAFT, 3 },
};

static gboolean
add_this_year (Pairs   *p,
               GError **error)
{
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (Target));

  for (guint i = 0; i < G_N_ELEMENTS (this_year); i++)
    for (guint k = 0; k < this_year[i].count; k++)
      g_array_append_val (targets, this_year[i].target);
  /* The rarer states first, so that each has its pairs when mentors with
   * consents and free places run short. */
  for (guint i = 0; i < targets->len; i++)
    if (!add_pair (p, g_array_index (targets, Target, i), error))
      return FALSE;
  return TRUE;
}

/* ---- the whole --------------------------------------------------------------------- */

static gboolean
pairs_init (Pairs     *p,
            NstStore  *store,
            GError   **error)
{
  g_autoptr(GListStore) registry = nst_store_list_participants (store, error);
  g_autoptr(NstSchool) school = NULL;
  guint n;

  if (registry == NULL || (school = nst_store_load_school (store, error)) == NULL)
    return FALSE;
  p->store = store;
  p->rng.state = PAIRS_SEED;
  nst_date_today (&p->today);
  p->year = nst_school_get_school_year (school);
  p->limit = nst_school_get_mentee_limit (school);
  p->people = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (registry));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (p->people, g_list_model_get_item (G_LIST_MODEL (registry), i));
  p->load = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  p->staff = g_ptr_array_new ();
  p->students = g_ptr_array_new ();
  p->unready = g_ptr_array_new ();
  p->approvals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  return TRUE;
}

static void
pairs_clear (Pairs *p)
{
  g_clear_pointer (&p->people, g_ptr_array_unref);
  g_clear_pointer (&p->load, g_hash_table_unref);
  g_clear_pointer (&p->staff, g_ptr_array_unref);
  g_clear_pointer (&p->students, g_ptr_array_unref);
  g_clear_pointer (&p->unready, g_ptr_array_unref);
  g_clear_pointer (&p->approvals, g_hash_table_unref);
}

/**
 * nst_demo_add_pairs:
 * @store: the example school's database, inside the caller's transaction
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
nst_demo_add_pairs (NstStore  *store,
                    GError   **error)
{
  Pairs p = { NULL };
  gboolean ok;

  if (!pairs_init (&p, store, error))
    {
      pairs_clear (&p);
      return FALSE;
    }
  ok = recruit_staff (&p, error);
  if (ok)
    sort_mentees (&p);
  for (guint i = 0; ok && i < 7; i++)
    ok = add_last_year (&p, i, i < 5 ? TARGET_FINISHED : TARGET_TERMINATED, error);
  ok = ok && add_groups (&p, error) && add_this_year (&p, error) &&
       nst_demo_add_orders (store, p.approvals, error);
  pairs_clear (&p);
  return ok;
}
