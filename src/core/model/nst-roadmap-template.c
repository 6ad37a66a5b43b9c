/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-roadmap"

#include "config.h"

#include <string.h>

#include "schedule/nst-date.h"
#include "model/nst-roadmap-template.h"

/* The seed's words are data, not interface text: never translated. In the
 * texts, {0} … {3} stand for the first school year's calendar year and the
 * three after it, so that the roadmap moves by whole school years. The
 * seed gives an indicator for the first item only; for the items whose
 * expected result names a measure (100 % of consents, 90 % of students at
 * the class hours, 100 % of the roadmap, 3 people at regional events) the
 * measure is its indicator. */

typedef struct
{
  const char *content;
  const char *schedule;
  const char *expected_result;
  const char *indicator;
  const char *indicator_target;
  const char *responsible;
} TemplateItem;

typedef struct
{
  const char *title;
  TemplateItem items[6];  /* up to the first without content */
} TemplateSection;

static const char template_title[] =
  "Дорожная карта реализации Целевой модели наставничества на {0}-{3} год";

static const TemplateSection template_sections[NST_ROADMAP_TEMPLATE_N_SECTIONS] = {
  { "Организационно-методическое сопровождение деятельности", {
    { "Формирование базы наставляемых из числа обучающихся, педагогов, партнеров и т.д.",
      "В течение всего периода реализации ЦМН",
      "Сформирована база наставников",
      "Количество участников, охваченных системой наставничества не менее 10% от общего "
      "количества членов каждой Целевой группы (10% от общего числа обучающихся в школе, "
      "10% от общего числа педагогических работников и т.д)",
      "не менее 10 %",
      "куратор целевой модели наставничества, Директор школы, администрация школы" },
    { "Организация обучения педагогических работников, педагогов-наставников в том числе "
      "с применением образовательных технологий",
      "По отдельному графику",
      "Сформированы группы педагогов-наставников для обучения, проведено не менее 2х "
      "образовательных занятий для каждой группы, оказаны индивидуальные консультации",
      "Количество образовательных занятий для каждой группы",
      "не менее 2",
      "Заместители директора" },
    { "Формирование наставнических пар",
      "В течение всего периода реализации ЦМН",
      "Сформированы наставнические пары",
      "", "",
      "Заместители директора, педагоги-наставники" },
    { "Оформление согласий на обработку персональных данных участников Целевой модели "
      "наставничества и законных представителей обучающихся, не достигших 14-летнего возраста",
      "В течение всего периода реализации ЦМН",
      "Оформлены согласия на обработку персональных данных у 100% участников (из общей базы)",
      "Доля участников с оформленными согласиями на обработку персональных данных",
      "100 %",
      "Заместители директора" },
    { "Организация работы наставнических пар. Совместная работа наставника и наставляемого "
      "в соответствии с разработанным индивидуальным планом",
      "В течение всего периода",
      "Реализация мероприятий в рамках индивидуальных планов",
      "", "",
      "Заместители директора, педагоги-наставники" },
  } },
  { "Программно-методическое сопровождение деятельности", {
    { "Разработка методических материалов, необходимых для реализации программы наставничества",
      "До 01.11 каждого учебного года",
      "Программно-методические материалы",
      "", "",
      "Заместители директора" },
    { "Разработка и утверждение мер по обеспечению доступности программ наставничества "
      "для обучающихся с особыми образовательными потребностями и индивидуальными "
      "возможностями здоровья обучающихся, проявивших выдающиеся способности, обучающихся, "
      "попавших в трудную жизненную ситуацию",
      "До 01.12 каждого учебного года",
      "Распорядительные акты",
      "", "",
      "Директор школы" },
    { "Оформление и публикация лучших практик на сайте школы",
      "В течение всего периода",
      "Лучшие практики наставничества размещены на сайте школы",
      "", "",
      "Заместители директора" },
  } },
  { "Аналитическое сопровождение деятельности, мониторинг", {
    { "Организация диагностики компетенций, возможностей наставников и потребностей наставляемых",
      "1 раз в четверть",
      "Диагностика пройдена 100% участников Целевой модели наставничества, составлены "
      "таблицы по учету изменений",
      "Доля участников Целевой модели наставничества, прошедших диагностику",
      "100 %",
      "Заместители директора" },
    { "Осуществление персонализированного учета обучающихся, молодых специалистов и "
      "педагогов, участвующих в системе наставничества",
      "Сентябрь {0} – Май {3}",
      "Реестр учета обучающихся, молодых специалистов и педагогов, участвующих в системе "
      "наставничества",
      "", "",
      "Куратор целевой модели наставничества, Заместители директора" },
  } },
  { "Информационное сопровождение деятельности", {
    { "Создание специальной рубрики на официальном сайте школы",
      "До 25.10.{0}",
      "Создана рубрика: Наставничество",
      "", "",
      "Куратор целевой модели наставничества" },
    { "Выступление на педагогическом совете с презентацией о реализации Целевой модели "
      "наставничества",
      "До 01.11.{0}",
      "Протокол методического совета, создан реестр потенциальных наставников",
      "", "",
      "Заместители директора" },
    { "Организация тематических классных часов в рамках реализации проекта «Успех каждого "
      "ребенка» с целью информирования обучающихся о реализации Целевой модели наставничества",
      "До 01.10 каждого учебного года",
      "Количество школьников, принявших участие в классных часах не менее, чем 90% от "
      "общего количества обучающихся, создан реестр потенциальных наставников из числа "
      "обучающихся школы",
      "Доля школьников, принявших участие в классных часах, от общего количества обучающихся",
      "не менее 90 %",
      "Заместители директора, классные руководители" },
  } },
  { "Управление реализацией Целевой модели наставничеств на уровне образовательной организации", {
    { "Контроль процедуры внедрения и реализации Целевой модели наставничества",
      "Весь период",
      "Выполнено 100% позиций дорожной карты",
      "Доля выполненных позиций дорожной карты",
      "100 %",
      "Директор школы" },
    { "Контроль за реализацией мероприятий, закрепленных за учреждением в установленные сроки",
      "Весь период",
      "Реализовано 100% мероприятий, закрепленных за учреждением в установленные сроки",
      "Доля мероприятий, реализованных в установленные сроки",
      "100 %",
      "Директор школы" },
    { "Разработка дорожной карты на {0}-{3} учебный год",
      "15.09.{0}",
      "Разработана дорожная карта внедрения методологии (Целевой модели) наставничества "
      "обучающихся",
      "", "",
      "Заместители директора" },
    { "Создание условий для участия представителей образовательной организации в "
      "региональных событиях/ конкурсах/ проектах",
      "Весь период",
      "Не менее 3 представителей школы приняли участие в региональных событиях/ конкурсах/ "
      "проектах",
      "Количество представителей школы, принявших участие в региональных событиях, "
      "конкурсах, проектах",
      "не менее 3",
      "Директор школы" },
  } },
};

/* «{0}» … «{3}» become @first_year … @first_year + 3. */
static char *
fill_years (const char *pattern,
            guint       first_year)
{
  GString *out = g_string_new (NULL);

  for (const char *p = pattern; *p; p++)
    {
      if (p[0] == '{' && p[1] >= '0' && p[1] <= '3' && p[2] == '}')
        {
          g_string_append_printf (out, "%u", first_year + (guint) (p[1] - '0'));
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static NstRoadmapItem *
item_from_template (const TemplateItem *t,
                    guint               first_year)
{
  NstRoadmapItem *item = nst_roadmap_item_new ();
  g_autofree char *content = fill_years (t->content, first_year);
  g_autofree char *schedule = fill_years (t->schedule, first_year);

  nst_roadmap_item_set_content (item, content);
  nst_roadmap_item_set_schedule (item, schedule);
  nst_roadmap_item_set_expected_result (item, t->expected_result);
  nst_roadmap_item_set_indicator (item, t->indicator);
  nst_roadmap_item_set_indicator_target (item, t->indicator_target);
  nst_roadmap_item_set_responsible (item, t->responsible);
  return item;
}

/**
 * nst_roadmap_template_new:
 * @first_school_year: the first school year of the three: 2021 gives the
 *   seed's own dates, 2025 moves them four years on
 *
 * A new roadmap (not saved) from 1 September of @first_school_year to
 * 31 August three years later.
 *
 * Returns: (transfer full): the roadmap
 */
NstRoadmap *
nst_roadmap_template_new (guint first_school_year)
{
  NstRoadmap *roadmap = nst_roadmap_new ();
  g_autofree char *title = fill_years (template_title, first_school_year);
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&start, 1, G_DATE_SEPTEMBER, first_school_year);
  g_date_set_dmy (&end, 31, G_DATE_AUGUST, first_school_year + NST_ROADMAP_TEMPLATE_YEARS);
  nst_roadmap_set_title (roadmap, title);
  nst_roadmap_set_period (roadmap, &start, &end);
  for (guint s = 0; s < G_N_ELEMENTS (template_sections); s++)
    {
      g_autoptr(NstRoadmapSection) section = nst_roadmap_section_new (template_sections[s].title);

      for (guint i = 0; i < G_N_ELEMENTS (template_sections[s].items) &&
                        template_sections[s].items[i].content != NULL; i++)
        {
          g_autoptr(NstRoadmapItem) item =
            item_from_template (&template_sections[s].items[i], first_school_year);

          nst_roadmap_section_append_item (section, item);
        }
      nst_roadmap_append_section (roadmap, section);
    }
  return roadmap;
}
