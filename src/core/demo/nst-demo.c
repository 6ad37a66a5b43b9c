/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "schedule/nst-date.h"
#include "demo/nst-demo.h"
#include "demo/nst-demo-pairs.h"
#include "demo/nst-demo-roadmap.h"

/* The fixed seed of the example school: change it and every demonstration,
 * screenshot and test that counts its people changes too. */
#define DEMO_SEED 0x5C4007u

/* ---- a pseudo-random sequence of our own -------------------------------- */

/* xorshift32: g_random's sequence is not promised to stay the same between
 * GLib versions, and the example school must. */
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

static void
rng_init (Rng     *rng,
          guint32  seed)
{
  /* Spread small seeds over the state; zero would stay zero for ever. */
  rng->state = (seed * 2654435761u) ^ 0x6D2B79F5u;
  if (rng->state == 0)
    rng->state = 0x6D2B79F5u;
  for (guint i = 0; i < 8; i++)
    rng_next (rng);
}

/* 0 .. n-1 */
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

static gboolean
rng_permille (Rng   *rng,
              guint  permille)
{
  return rng_below (rng, 1000) < permille;
}

#define PICK(rng, table) ((table)[rng_below ((rng), G_N_ELEMENTS (table))])

/* ---- the data the people are made of ----------------------------------- */

typedef struct
{
  const char *name;
  const char *son;       /* patronymic of his son */
  const char *daughter;  /* and of his daughter */
  gboolean dated;        /* rarely given to boys born after 2005 */
} MaleName;

static const MaleName male_names[] = {
  { "Александр", "Александрович", "Александровна" },
  { "Алексей", "Алексеевич", "Алексеевна" },
  { "Андрей", "Андреевич", "Андреевна" },
  { "Антон", "Антонович", "Антоновна" },
  { "Артём", "Артёмович", "Артёмовна" },
  { "Борис", "Борисович", "Борисовна", TRUE },
  { "Вадим", "Вадимович", "Вадимовна", TRUE },
  { "Валерий", "Валерьевич", "Валерьевна", TRUE },
  { "Василий", "Васильевич", "Васильевна" },
  { "Виктор", "Викторович", "Викторовна", TRUE },
  { "Владимир", "Владимирович", "Владимировна" },
  { "Владислав", "Владиславович", "Владиславовна" },
  { "Вячеслав", "Вячеславович", "Вячеславовна", TRUE },
  { "Геннадий", "Геннадьевич", "Геннадьевна", TRUE },
  { "Георгий", "Георгиевич", "Георгиевна" },
  { "Григорий", "Григорьевич", "Григорьевна" },
  { "Денис", "Денисович", "Денисовна" },
  { "Дмитрий", "Дмитриевич", "Дмитриевна" },
  { "Евгений", "Евгеньевич", "Евгеньевна" },
  { "Егор", "Егорович", "Егоровна" },
  { "Иван", "Иванович", "Ивановна" },
  { "Игорь", "Игоревич", "Игоревна", TRUE },
  { "Илья", "Ильич", "Ильинична" },
  { "Кирилл", "Кириллович", "Кирилловна" },
  { "Константин", "Константинович", "Константиновна" },
  { "Лев", "Львович", "Львовна" },
  { "Леонид", "Леонидович", "Леонидовна", TRUE },
  { "Максим", "Максимович", "Максимовна" },
  { "Матвей", "Матвеевич", "Матвеевна" },
  { "Михаил", "Михайлович", "Михайловна" },
  { "Никита", "Никитич", "Никитична" },
  { "Николай", "Николаевич", "Николаевна" },
  { "Олег", "Олегович", "Олеговна", TRUE },
  { "Павел", "Павлович", "Павловна" },
  { "Пётр", "Петрович", "Петровна" },
  { "Роман", "Романович", "Романовна" },
  { "Семён", "Семёнович", "Семёновна" },
  { "Сергей", "Сергеевич", "Сергеевна" },
  { "Степан", "Степанович", "Степановна" },
  { "Тимофей", "Тимофеевич", "Тимофеевна" },
  { "Фёдор", "Фёдорович", "Фёдоровна" },
  { "Юрий", "Юрьевич", "Юрьевна", TRUE },
  { "Ярослав", "Ярославович", "Ярославовна" },
};

/* Women's names differ more between generations than men's. */
static const char *const female_names_adult[] = {
  "Анна", "Валентина", "Галина", "Екатерина", "Елена", "Ирина", "Лариса",
  "Людмила", "Марина", "Мария", "Надежда", "Наталья", "Оксана", "Ольга",
  "Светлана", "Татьяна", "Юлия", "Алёна", "Вера", "Лидия", "Евгения",
};

static const char *const female_names_child[] = {
  "Алиса", "Алёна", "Анастасия", "Анна", "Арина", "Варвара", "Василиса",
  "Вероника", "Виктория", "Дарья", "Ева", "Екатерина", "Елизавета", "Злата",
  "Кира", "Ксения", "Мария", "Милана", "Полина", "София", "Таисия",
  "Ульяна",
};

/* Masculine forms; feminine_surname() makes the other. */
static const char *const surnames[] = {
  "Абрамов", "Александров", "Алексеев", "Андреев", "Антонов", "Афанасьев",
  "Баранов", "Белов", "Беляев", "Бирюков", "Богданов", "Бондаренко",
  "Борисов", "Быков", "Васильев", "Виноградов", "Вишневский", "Власов",
  "Волков", "Воробьёв", "Воронин", "Высоцкий", "Гаврилов", "Герасимов",
  "Голубев", "Гончаров", "Грачёв", "Григорьев", "Гришин", "Гусев",
  "Давыдов", "Данилов", "Денисов", "Дмитриев", "Егоров", "Ежов",
  "Ёлкин", "Ермаков", "Ефимов", "Жуков", "Журавлёв", "Зайцев",
  "Захаров", "Ильин", "Исаев", "Казаков", "Калинин", "Карпов",
  "Киселёв", "Климов", "Ковалёв", "Козлов", "Колесников", "Комаров",
  "Коновалов", "Королёв", "Котов", "Крылов", "Кудрявцев", "Кузнецов",
  "Кузьмин", "Куликов", "Лазарев", "Лебедев", "Леонов", "Макаров",
  "Максимов", "Марков", "Мартынов", "Маслов", "Матвеев", "Медведев",
  "Мельников", "Миронов", "Михайлов", "Морозов", "Назаров", "Никитин",
  "Николаев", "Новиков", "Овчинников", "Орлов", "Осипов", "Островский",
  "Павлов", "Петров", "Поляков", "Пономарёв", "Попов", "Потапов",
  "Прохоров", "Рябов", "Родионов", "Романов", "Савельев", "Седых",
  "Семёнов", "Сергеев", "Сидоров", "Смирнов", "Соболев", "Соколов",
  "Соловьёв", "Сорокин", "Степанов", "Тарасов", "Тимофеев", "Титов",
  "Тихонов", "Ткаченко", "Трофимов", "Успенский", "Фёдоров", "Филатов",
  "Филиппов", "Фомин", "Фролов", "Черных", "Чернышёв", "Щербаков",
  "Яковлев",
};

static const char *const double_surnames[] = {
  "Петров-Водкин", "Соколов-Микитов", "Римский-Корсаков", "Мамин-Сибиряк",
  "Бонч-Бруевич", "Новиков-Прибой",
};

typedef struct
{
  NstCategory category;
  const char *post;
  const char *subjects;
  const char *competence; /* what a mentor in this post can offer */
  guint count;            /* in the example school */
  guint female_percent;
} StaffPost;

/* The director comes first and the deputy who curates mentoring second:
 * the school's details name them. */
static const StaffPost staff_posts[] = {
  { NST_CATEGORY_HEAD, "директор", "история",
    "управление образовательной организацией; нормативное обеспечение наставничества", 1, 60 },
  { NST_CATEGORY_HEAD, "заместитель директора по учебно-воспитательной работе", "математика",
    "организация учебного процесса; внутришкольный контроль; подготовка к ГИА", 1, 90 },
  { NST_CATEGORY_HEAD, "заместитель директора по воспитательной работе", "обществознание",
    "программа воспитания; работа классных руководителей; профилактика", 1, 90 },
  { NST_CATEGORY_HEAD, "заместитель директора по научно-методической работе", "русский язык, литература",
    "методическая работа; аттестация педагогов; конкурсы профессионального мастерства", 1, 90 },
  { NST_CATEGORY_TEACHER, "учитель начальных классов",
    "русский язык, литературное чтение, математика, окружающий мир",
    "адаптация первоклассников; формирование навыка чтения", 8, 100 },
  { NST_CATEGORY_TEACHER, "учитель русского языка и литературы", "русский язык, литература",
    "подготовка к итоговому сочинению и ЕГЭ по русскому языку", 5, 95 },
  { NST_CATEGORY_TEACHER, "учитель математики", "математика, алгебра, геометрия, вероятность и статистика",
    "подготовка к ОГЭ и ЕГЭ по математике; олимпиадная математика", 6, 80 },
  { NST_CATEGORY_TEACHER, "учитель информатики", "информатика",
    "программирование на Python; подготовка к ЕГЭ по информатике", 2, 40 },
  { NST_CATEGORY_TEACHER, "учитель физики", "физика, астрономия",
    "лабораторный практикум; подготовка к олимпиадам по физике", 2, 50 },
  { NST_CATEGORY_TEACHER, "учитель химии", "химия",
    "школьный химический эксперимент; подготовка к ЕГЭ по химии", 1, 90 },
  { NST_CATEGORY_TEACHER, "учитель биологии", "биология",
    "исследовательские проекты по биологии и экологии", 2, 90 },
  { NST_CATEGORY_TEACHER, "учитель географии", "география",
    "краеведение; работа с картой и ГИС", 1, 80 },
  { NST_CATEGORY_TEACHER, "учитель истории и обществознания", "история, обществознание",
    "подготовка к ЕГЭ по истории и обществознанию; музейная педагогика", 3, 75 },
  { NST_CATEGORY_TEACHER, "учитель английского языка", "английский язык",
    "коммуникативная методика; подготовка к ОГЭ по английскому языку", 5, 95 },
  { NST_CATEGORY_TEACHER, "учитель немецкого языка", "немецкий язык",
    "второй иностранный язык; международные проекты", 1, 95 },
  { NST_CATEGORY_TEACHER, "учитель физической культуры", "физическая культура",
    "подготовка к сдаче норм ГТО; школьный спортивный клуб", 3, 40 },
  { NST_CATEGORY_TEACHER, "учитель музыки", "музыка", "школьный хор; проектная деятельность", 1, 90 },
  { NST_CATEGORY_TEACHER, "учитель изобразительного искусства", "изобразительное искусство",
    "проектная деятельность; оформление школьных выставок", 1, 90 },
  { NST_CATEGORY_TEACHER, "учитель технологии", "технология, труд",
    "техническое творчество; 3D-моделирование", 2, 50 },
  { NST_CATEGORY_TEACHER, "учитель ОБЗР", "основы безопасности и защиты Родины",
    "безопасность жизнедеятельности; первая помощь", 1, 30 },
  { NST_CATEGORY_TEACHER, "педагог-психолог", "",
    "психологическое сопровождение; профилактика выгорания; конфликты в классе", 1, 100 },
  { NST_CATEGORY_TEACHER, "учитель-логопед", "", "коррекция нарушений устной и письменной речи", 1, 100 },
  { NST_CATEGORY_TEACHER, "социальный педагог", "", "работа с семьями; профилактика правонарушений", 1, 90 },
  { NST_CATEGORY_TEACHER, "педагог-организатор", "", "организация школьных мероприятий; ученическое самоуправление", 1, 80 },
  { NST_CATEGORY_TEACHER, "педагог дополнительного образования", "робототехника, театральная студия",
    "робототехника; школьный театр", 2, 60 },
  { NST_CATEGORY_TEACHER, "педагог-библиотекарь", "", "читательская грамотность; школьный медиацентр", 1, 100 },
  { NST_CATEGORY_TEACHER, "советник директора по воспитанию", "",
    "Движение первых; работа с детскими общественными объединениями", 1, 70 },
  { NST_CATEGORY_PARTNER, "инженер-технолог АО «Новоозёрский лесопромышленный комбинат»", "",
    "профориентация; технологии деревообработки; охрана труда", 1, 30 },
  { NST_CATEGORY_PARTNER, "преподаватель ГАПОУ «Новоозёрский индустриальный техникум»", "",
    "профориентация; подготовка к чемпионату «Профессионалы»; черчение", 1, 50 },
  { NST_CATEGORY_PARTNER, "педагог дополнительного образования детского технопарка «Кванториум»", "",
    "робототехника; программирование; инженерные проекты", 1, 30 },
  { NST_CATEGORY_PARTNER, "врач-педиатр ОГБУЗ «Новоозёрская городская больница»", "",
    "здоровый образ жизни; профориентация в медицину", 1, 70 },
};

static const char *const mentor_strengths[] = {
  "сопровождение молодых специалистов",
  "формирующее оценивание",
  "проектная и исследовательская деятельность обучающихся",
  "работа с одарёнными детьми",
  "цифровые образовательные ресурсы (ФГИС «Моя школа», Сферум)",
  "классное руководство и работа с родителями",
  "инклюзивное образование",
  "подготовка к аттестации на квалификационную категорию",
};

static const char *const teacher_difficulties[] = {
  "планирование уроков по обновлённым ФГОС",
  "поддержание дисциплины на уроке",
  "работа с родителями обучающихся",
  "составление рабочей программы",
  "оценивание и ведение электронного журнала",
  "подготовка к аттестации на соответствие занимаемой должности",
  "работа с обучающимися с ОВЗ",
  "классное руководство",
  "распределение времени и профилактика выгорания",
};

static const char *const student_requests_primary[] = {
  "Адаптация к школе, трудности в общении с одноклассниками",
  "Трудности с чтением и пересказом",
  "Помощь в освоении таблицы умножения",
  "Подготовка к олимпиаде по окружающему миру",
};

static const char *const student_requests_middle[] = {
  "Трудности в учёбе по математике",
  "Адаптация в новом классе после перевода",
  "Подготовка к олимпиаде по биологии",
  "Проект по истории родного края",
  "Организация времени и выполнение домашних заданий",
  "Подготовка к олимпиаде по информатике",
};

static const char *const student_requests_ninth[] = {
  "Подготовка к ОГЭ по математике",
  "Подготовка к ОГЭ по русскому языку",
  "Профориентация: выбор профиля или колледжа",
  "Итоговое собеседование по русскому языку",
};

static const char *const student_requests_senior[] = {
  "Подготовка к ЕГЭ по профильной математике",
  "Подготовка к ЕГЭ по химии и биологии",
  "Профориентация: выбор вуза и специальности",
  "Индивидуальный проект",
  "Подготовка к региональному этапу олимпиады по физике",
};

static const char *const student_mentor_offers[] = {
  "Призёр регионального этапа олимпиады по информатике; помощь в подготовке к олимпиадам",
  "Председатель совета обучающихся; организация школьных мероприятий",
  "Волонтёр; помощь пятиклассникам в адаптации",
  "Победитель конкурса проектов; помощь в проектной работе",
};

static const char *const contact_channels[] = {
  "Сферум", "Telegram", "VK Мессенджер", "ZOOM", "электронная почта",
};

/* а … я; ё is handled apart. */
static const char *const latin_letters[] = {
  "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
  "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
};

/* ---- the generator's state ---------------------------------------------- */

typedef struct
{
  NstStore *store;
  Rng rng;
  GDate today;
  guint school_year;
  guint added;
} Demo;

static void
demo_init (Demo     *demo,
           NstStore *store,
           guint32   seed)
{
  demo->store = store;
  rng_init (&demo->rng, seed);
  nst_date_today (&demo->today);
  demo->school_year = nst_school_year_of (&demo->today);
  demo->added = 0;
}

/* ---- dates ---------------------------------------------------------------- */

static void
set_dmy (GDate      *date,
         guint       day,
         GDateMonth  month,
         guint       year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* A day from @first to @last, never after today. It draws one number
 * whatever the span, so that the people after it do not depend on today. */
static char *
random_date (Demo        *demo,
             const GDate *first,
             const GDate *last)
{
  GDate date = *first;
  int span = g_date_days_between (first, last);
  guint offset = rng_below (&demo->rng, MAX (span, 0) + 1);

  g_date_add_days (&date, offset);
  if (g_date_compare (&date, &demo->today) > 0)
    date = demo->today;
  return nst_date_format_iso (&date);
}

static char *
random_date_dmy (Demo       *demo,
                 guint       first_day,
                 GDateMonth  first_month,
                 guint       first_year,
                 guint       last_day,
                 GDateMonth  last_month,
                 guint       last_year)
{
  GDate first, last;

  set_dmy (&first, first_day, first_month, first_year);
  set_dmy (&last, last_day, last_month, last_year);
  return random_date (demo, &first, &last);
}

/* Consents were collected in September, or since then if it is still
 * September. */
static char *
signing_date (Demo *demo)
{
  return random_date_dmy (demo, 1, G_DATE_SEPTEMBER, demo->school_year,
                          30, G_DATE_SEPTEMBER, demo->school_year);
}

/* ---- names ---------------------------------------------------------------- */

/* Иванов → Иванова, Высоцкий → Высоцкая, Черных and Бонч stay; each part of
 * a double surname agrees on its own: Мамина-Сибиряк. */
static char *
feminine_surname (const char *masculine)
{
  g_auto(GStrv) parts = g_strsplit (masculine, "-", -1);

  for (guint i = 0; parts[i]; i++)
    {
      char *part = parts[i];

      if (g_str_has_suffix (part, "ов") || g_str_has_suffix (part, "ев") ||
          g_str_has_suffix (part, "ёв") || g_str_has_suffix (part, "ин") ||
          g_str_has_suffix (part, "ын"))
        parts[i] = g_strconcat (part, "а", NULL);
      else if (g_str_has_suffix (part, "ий") || g_str_has_suffix (part, "ой"))
        {
          /* Both endings are two Cyrillic letters: four bytes. */
          part[strlen (part) - strlen ("ий")] = '\0';
          parts[i] = g_strconcat (part, "ая", NULL);
        }
      else
        continue;
      g_free (part);
    }
  return g_strjoinv ("-", parts);
}

static const char *
random_family (Demo *demo)
{
  if (rng_percent (&demo->rng, 2))
    return PICK (&demo->rng, double_surnames);
  return PICK (&demo->rng, surnames);
}

static char *
surname_for (const char *family,
             gboolean    female)
{
  return female ? feminine_surname (family) : g_strdup (family);
}

static const char *
random_male_name (Demo     *demo,
                  gboolean  child)
{
  const MaleName *name;

  do
    name = &PICK (&demo->rng, male_names);
  while (child && name->dated);
  return name->name;
}

/* Sets a whole ФИО and returns the father, whose name the patronymic carries. */
static const MaleName *
set_random_name (Demo           *demo,
                 NstParticipant *p,
                 const char     *family,
                 gboolean        female,
                 gboolean        child)
{
  g_autofree char *surname = surname_for (family, female);
  const MaleName *father = &PICK (&demo->rng, male_names);

  nst_participant_set_surname (p, surname);
  if (female)
    nst_participant_set_name (p, child ? PICK (&demo->rng, female_names_child)
                                       : PICK (&demo->rng, female_names_adult));
  else
    nst_participant_set_name (p, random_male_name (demo, child));
  nst_participant_set_patronymic (p, female ? father->daughter : father->son);
  return father;
}

/* The parent who signs for a child: mother or father, with the family's
 * surname in their own gender. */
static char *
make_representative (Demo           *demo,
                     const char     *family,
                     const MaleName *father)
{
  gboolean mother = rng_percent (&demo->rng, 70);
  g_autofree char *surname = surname_for (family, mother);
  const char *name = mother ? PICK (&demo->rng, female_names_adult) : father->name;
  const MaleName *grandfather = &PICK (&demo->rng, male_names);

  return g_strdup_printf ("%s %s %s", surname, name,
                          mother ? grandfather->daughter : grandfather->son);
}

static void
append_latin (GString    *out,
              const char *text,
              int         max_chars)
{
  for (const char *p = text; *p && max_chars != 0; p = g_utf8_next_char (p), max_chars--)
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c == 0x0451) /* ё */
        g_string_append (out, "e");
      else if (c >= 0x0430 && c <= 0x044F)
        g_string_append (out, latin_letters[c - 0x0430]);
      else if (c < 0x80 && (g_ascii_isalnum (c) || c == '-'))
        g_string_append_c (out, (char) c);
    }
}

/* ivanova.ma@sosh7.example: the reserved .example domain, so that nobody
 * writes to a real address by mistake. */
static char *
make_email (NstParticipant *p)
{
  GString *email = g_string_new (NULL);

  append_latin (email, nst_participant_get_surname (p), -1);
  g_string_append_c (email, '.');
  append_latin (email, nst_participant_get_name (p), 1);
  append_latin (email, nst_participant_get_patronymic (p), 1);
  g_string_append (email, "@sosh7.example");
  return g_string_free (email, FALSE);
}

/* The parts are drawn one statement each: the order in which a call's
 * arguments are evaluated is unspecified, and the sequence must not depend
 * on the compiler. */
static char *
make_phone (Demo *demo)
{
  guint code = rng_below (&demo->rng, 100);
  guint first = rng_below (&demo->rng, 1000);
  guint second = rng_below (&demo->rng, 100);
  guint third = rng_below (&demo->rng, 100);

  return g_strdup_printf ("+7 (9%02u) %03u-%02u-%02u", code, first, second, third);
}

/* 2 or 3 different items of @table, joined by "; ". */
static void
append_some (Demo              *demo,
             GString           *text,
             const char *const *table,
             guint              n_table,
             guint              count)
{
  guint order[16];

  g_assert (n_table <= G_N_ELEMENTS (order) && count <= n_table);
  for (guint i = 0; i < n_table; i++)
    order[i] = i;
  for (guint i = 0; i < count; i++)
    {
      guint j = i + rng_below (&demo->rng, n_table - i);
      guint swap = order[i];

      order[i] = order[j];
      order[j] = swap;
      g_string_append_printf (text, "%s%s", text->len ? "; " : "", table[order[i]]);
    }
}

/* ---- staff ---------------------------------------------------------------- */

/* Years of teaching: about one in eight is a young specialist. */
static guint
staff_years (Demo        *demo,
             NstCategory  category)
{
  if (category == NST_CATEGORY_HEAD)
    return 15 + rng_below (&demo->rng, 21);
  if (rng_percent (&demo->rng, 12))
    return rng_below (&demo->rng, 3);
  return 3 + rng_below (&demo->rng, 36);
}

static NstQualification
qualification_for (Demo  *demo,
                   guint  years)
{
  guint roll = rng_below (&demo->rng, 100);

  if (years < 2)
    return NST_QUALIFICATION_NONE;
  if (years < 5)
    return roll < 15 ? NST_QUALIFICATION_NONE
         : roll < 75 ? NST_QUALIFICATION_CONFORMITY : NST_QUALIFICATION_FIRST;
  if (years < 15)
    return roll < 15 ? NST_QUALIFICATION_CONFORMITY
         : roll < 70 ? NST_QUALIFICATION_FIRST : NST_QUALIFICATION_HIGHEST;
  return roll < 5 ? NST_QUALIFICATION_CONFORMITY
       : roll < 35 ? NST_QUALIFICATION_FIRST : NST_QUALIFICATION_HIGHEST;
}

/* Teachers start in the last weeks of August. */
static void
set_career (Demo           *demo,
            NstParticipant *p,
            guint           years)
{
  guint age = 22 + years + rng_below (&demo->rng, 6);
  guint year = demo->school_year - years;
  g_autofree char *born = random_date_dmy (demo, 1, G_DATE_JANUARY, demo->school_year - age,
                                           31, G_DATE_DECEMBER, demo->school_year - age);
  g_autofree char *since = NULL;

  nst_participant_set_birth_date (p, born);
  if (nst_participant_get_category (p) == NST_CATEGORY_PARTNER)
    return;
  since = random_date_dmy (demo, 15, G_DATE_AUGUST, year, 1, G_DATE_SEPTEMBER, year);
  nst_participant_set_teaching_since (p, since);
  nst_participant_set_qualification (p, qualification_for (demo, years));
  nst_participant_set_young_specialist (p, nst_date_years_since_iso (since, &demo->today) < 3);
}

static void
make_mentor (Demo            *demo,
             NstParticipant  *p,
             const StaffPost *post,
             guint            max_years)
{
  guint ago = rng_below (&demo->rng, MIN (max_years, 8) + 1);
  g_autofree char *since = random_date_dmy (demo, 1, G_DATE_SEPTEMBER, demo->school_year - ago,
                                            31, G_DATE_OCTOBER, demo->school_year - ago);
  g_autoptr(GString) offer = g_string_new (post->competence);

  if (post->category != NST_CATEGORY_PARTNER)
    append_some (demo, offer, mentor_strengths, G_N_ELEMENTS (mentor_strengths),
                 1 + rng_below (&demo->rng, 2));
  nst_participant_set_is_mentor (p, TRUE);
  nst_participant_set_mentoring_since (p, since);
  nst_participant_set_competences (p, offer->str);
}

static void
make_staff_mentee (Demo           *demo,
                   NstParticipant *p)
{
  g_autoptr(GString) request = g_string_new (NULL);

  nst_participant_set_is_mentee (p, TRUE);
  if (!nst_participant_get_young_specialist (p))
    {
      /* Reverse mentoring: a young colleague helps with the new tools. */
      nst_participant_set_request (p, "Освоение цифровых инструментов: ФГИС «Моя школа», "
                                      "интерактивная панель, онлайн-тесты");
      return;
    }
  append_some (demo, request, teacher_difficulties, G_N_ELEMENTS (teacher_difficulties),
               2 + rng_below (&demo->rng, 2));
  g_string_prepend (request, "Нужна помощь: ");
  nst_participant_set_request (p, request->str);
}

/* Partners come to mentor; experienced teachers mentor often, young
 * specialists are all mentored. */
static void
set_staff_roles (Demo            *demo,
                 NstParticipant  *p,
                 const StaffPost *post,
                 guint            years)
{
  gboolean experienced = years >= 8 &&
    nst_participant_get_qualification (p) >= NST_QUALIFICATION_FIRST;

  if (post->category == NST_CATEGORY_PARTNER)
    make_mentor (demo, p, post, 4);
  else if (experienced && rng_percent (&demo->rng, 40))
    make_mentor (demo, p, post, years - 5);

  if (nst_participant_get_young_specialist (p) ||
      (post->category == NST_CATEGORY_TEACHER && !nst_participant_get_is_mentor (p) &&
       years >= 25 && rng_percent (&demo->rng, 10)))
    make_staff_mentee (demo, p);
}

static void
set_staff_contacts (Demo           *demo,
                    NstParticipant *p)
{
  g_autofree char *email = make_email (p);
  g_autofree char *phone = make_phone (demo);

  if (nst_participant_get_category (p) != NST_CATEGORY_PARTNER)
    nst_participant_set_email (p, email);
  nst_participant_set_phone (p, phone);
  nst_participant_set_contact (p, PICK (&demo->rng, contact_channels));
  if (nst_participant_get_category (p) == NST_CATEGORY_TEACHER && rng_percent (&demo->rng, 5))
    nst_participant_set_note (p, "Внешний совместитель");
}

static NstParticipant *
make_staff (Demo            *demo,
            const StaffPost *post)
{
  NstParticipant *p = nst_participant_new ();
  gboolean female = rng_percent (&demo->rng, post->female_percent);
  guint years = post->category == NST_CATEGORY_PARTNER ? 5 + rng_below (&demo->rng, 25)
                                                       : staff_years (demo, post->category);

  set_random_name (demo, p, random_family (demo), female, FALSE);
  nst_participant_set_category (p, post->category);
  nst_participant_set_post (p, post->post);
  nst_participant_set_subjects (p, post->subjects);
  set_career (demo, p, years);
  set_staff_roles (demo, p, post, years);
  set_staff_contacts (demo, p);
  return p;
}

/* ---- students ------------------------------------------------------------- */

/* Born in the school year that makes a child of grade @grade; one in ten
 * of the younger ones started school a year later. */
static char *
student_birth_date (Demo  *demo,
                    guint  grade)
{
  guint first_year = demo->school_year - 6 - grade;

  if (grade <= 5 && rng_percent (&demo->rng, 10))
    first_year--;
  return random_date_dmy (demo, 1, G_DATE_SEPTEMBER, first_year,
                          31, G_DATE_AUGUST, first_year + 1);
}

static const char *
student_request (Demo  *demo,
                 guint  grade)
{
  if (grade <= 4)
    return PICK (&demo->rng, student_requests_primary);
  if (grade <= 8)
    return PICK (&demo->rng, student_requests_middle);
  if (grade == 9)
    return PICK (&demo->rng, student_requests_ninth);
  return PICK (&demo->rng, student_requests_senior);
}

/* Some students ask for a mentor; a few seniors mentor younger ones. */
static void
set_student_roles (Demo           *demo,
                   NstParticipant *p,
                   guint           grade)
{
  if (grade >= 10 && rng_percent (&demo->rng, 4))
    {
      g_autofree char *since = signing_date (demo);

      nst_participant_set_is_mentor (p, TRUE);
      nst_participant_set_mentoring_since (p, since);
      nst_participant_set_competences (p, PICK (&demo->rng, student_mentor_offers));
    }
  else if (rng_percent (&demo->rng, 6))
    {
      nst_participant_set_is_mentee (p, TRUE);
      nst_participant_set_request (p, student_request (demo, grade));
    }
  if (grade >= 9 && rng_percent (&demo->rng, 40))
    nst_participant_set_contact (p, PICK (&demo->rng, contact_channels));
  if (rng_permille (&demo->rng, 4))
    {
      nst_participant_set_archived (p, TRUE);
      nst_participant_set_note (p, "Выбыл(а) в другую школу");
    }
}

/* @representative: (out): who signs for the child */
static NstParticipant *
make_student (Demo        *demo,
              guint        grade,
              const char  *letter,
              char       **representative)
{
  NstParticipant *p = nst_participant_new ();
  const char *family = random_family (demo);
  gboolean female = rng_percent (&demo->rng, 50);
  const MaleName *father = set_random_name (demo, p, family, female, TRUE);
  g_autofree char *class_name = g_strdup_printf ("%u%s", grade, letter);
  g_autofree char *born = student_birth_date (demo, grade);

  nst_participant_set_category (p, NST_CATEGORY_STUDENT);
  nst_participant_set_class_name (p, class_name);
  nst_participant_set_birth_date (p, born);
  set_student_roles (demo, p, grade);
  *representative = make_representative (demo, family, father);
  return p;
}

/* ---- consents and saving -------------------------------------------------- */

/* A consent in force unless the dice withdraw it; a child under 14 on the
 * day of signing has a parent sign instead (152-ФЗ). */
static NstConsent *
make_consent (Demo           *demo,
              NstParticipant *p,
              NstConsentKind  kind,
              const char     *representative)
{
  NstConsent *consent = nst_consent_new (kind);
  g_autofree char *signed_on = signing_date (demo);
  GDate signed_date;

  nst_consent_set_signed_on (consent, signed_on);
  nst_date_parse_iso (signed_on, &signed_date);
  if (kind != NST_CONSENT_MENTOR && representative != NULL &&
      nst_participant_needs_representative (p, &signed_date))
    nst_consent_set_representative_name (consent, representative);
  if (kind != NST_CONSENT_MENTOR && rng_permille (&demo->rng, 8))
    {
      g_autofree char *withdrawn = random_date (demo, &signed_date, &demo->today);

      nst_consent_set_withdrawn_on (consent, withdrawn);
    }
  return consent;
}

/* About one in ten has not brought the processing consent yet, and some
 * mentors not their own: the registry must show what to chase. The
 * heads, who keep the registry, have signed theirs. */
static GPtrArray *
make_consents (Demo           *demo,
               NstParticipant *p,
               const char     *representative)
{
  GPtrArray *consents = g_ptr_array_new_with_free_func (g_object_unref);
  NstCategory category = nst_participant_get_category (p);
  gboolean student = category == NST_CATEGORY_STUDENT;

  if (rng_percent (&demo->rng, 91) || category == NST_CATEGORY_HEAD)
    {
      g_ptr_array_add (consents, make_consent (demo, p, NST_CONSENT_PROCESSING, representative));
      if (rng_percent (&demo->rng, student ? 20 : 35))
        g_ptr_array_add (consents, make_consent (demo, p, NST_CONSENT_DISTRIBUTION, representative));
    }
  if (nst_participant_get_is_mentor (p) && rng_percent (&demo->rng, 85))
    g_ptr_array_add (consents, make_consent (demo, p, NST_CONSENT_MENTOR, NULL));
  return consents;
}

static gboolean
save (Demo            *demo,
      NstParticipant  *p,
      const char      *representative,
      GError         **error)
{
  g_autoptr(GPtrArray) consents = make_consents (demo, p, representative);

  if (!nst_store_save_participant (demo->store, p, consents, error))
    return FALSE;
  demo->added++;
  return TRUE;
}

static NstParticipant *
add_staff (Demo             *demo,
           const StaffPost  *post,
           GError          **error)
{
  g_autoptr(NstParticipant) p = make_staff (demo, post);

  if (!save (demo, p, NULL, error))
    return NULL;
  return g_steal_pointer (&p);
}

static gboolean
add_student (Demo        *demo,
             guint        grade,
             const char  *letter,
             GError     **error)
{
  g_autofree char *representative = NULL;
  g_autoptr(NstParticipant) p = make_student (demo, grade, letter, &representative);

  return save (demo, p, representative, error);
}

/* ---- the example school --------------------------------------------------- */

static gboolean
save_school (Demo            *demo,
             NstParticipant  *director,
             NstParticipant  *curator,
             GError         **error)
{
  g_autoptr(NstSchool) school = nst_school_new ();
  g_autofree char *director_name = nst_participant_dup_full_name (director);
  g_autofree char *curator_name = nst_participant_dup_full_name (curator);

  nst_school_set_text (school, "full-name", "Муниципальное автономное общеобразовательное "
                       "учреждение «Средняя общеобразовательная школа № 7»");
  nst_school_set_text (school, "short-name", "МАОУ «СОШ № 7»");
  nst_school_set_text (school, "legal-address",
                       "666684, Иркутская область, г. Новоозёрск, ул. Школьная, д. 7");
  nst_school_set_text (school, "city", "Новоозёрск");
  nst_school_set_text (school, "email", "sosh7@novoozyorsk.example");
  nst_school_set_text (school, "phone", "+7 (39535) 5-17-07");
  /* Both numbers have valid check digits. */
  nst_school_set_text (school, "inn", "3817012344");
  nst_school_set_text (school, "ogrn", "1023801593419");
  nst_school_set_text (school, "website", "https://sosh7.novoozyorsk.example");
  nst_school_set_text (school, "director-post", "Директор");
  nst_school_set_text (school, "director-name", director_name);
  /* The curator is one of the staff: the orders take the name and post
   * from the registry; the texts stay for a school that chooses no one. */
  nst_school_set_curator_id (school, nst_participant_get_id (curator));
  nst_school_set_text (school, "curator-post", "Заместитель директора по УВР");
  nst_school_set_text (school, "curator-name", curator_name);
  nst_school_set_text (school, "order-suffix", "о-д");
  nst_school_set_school_year (school, demo->school_year);
  return nst_store_save_school (demo->store, school, error);
}

static gboolean
add_all_staff (Demo    *demo,
               GError **error)
{
  g_autoptr(NstParticipant) director = NULL;
  g_autoptr(NstParticipant) curator = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (staff_posts); i++)
    for (guint k = 0; k < staff_posts[i].count; k++)
      {
        g_autoptr(NstParticipant) p = add_staff (demo, &staff_posts[i], error);

        if (p == NULL)
          return FALSE;
        if (director == NULL)
          director = g_steal_pointer (&p);
        else if (curator == NULL)
          curator = g_steal_pointer (&p);
      }
  return save_school (demo, director, curator, error);
}

/* Classes 1А … 11Б of 24 to 30 pupils. */
static gboolean
add_all_students (Demo    *demo,
                  GError **error)
{
  static const char *const letters[] = { "А", "Б" };

  for (guint grade = 1; grade <= 11; grade++)
    for (guint l = 0; l < G_N_ELEMENTS (letters); l++)
      {
        guint size = 24 + rng_below (&demo->rng, 7);

        for (guint i = 0; i < size; i++)
          if (!add_student (demo, grade, letters[l], error))
            return FALSE;
      }
  return TRUE;
}

static gboolean
check_empty (NstStore  *store,
             GError   **error)
{
  gboolean empty = FALSE;

  if (!nst_store_is_empty (store, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_EMPTY,
                   _("The database is not empty: the example school goes only into a new database"));
      return FALSE;
    }
  return TRUE;
}

/**
 * nst_demo_fill:
 * @store: a database with no school details and nobody in the registry
 *
 * Fills @store with the example school МАОУ «СОШ № 7»: its details, about
 * sixty staff and six hundred students with their consents, some of them
 * missing on purpose, and their pairs, groups and programmes
 * (nst_demo_add_pairs()). All or nothing, in one transaction. The people depend
 * only on nst_date_today(), so NST_TODAY fixes them.
 *
 * Returns: %FALSE with @error set (%NST_STORE_ERROR_NOT_EMPTY when the
 *   database already holds data)
 */
gboolean
nst_demo_fill (NstStore  *store,
               GError   **error)
{
  Demo demo;

  g_return_val_if_fail (NST_IS_STORE (store), FALSE);

  demo_init (&demo, store, DEMO_SEED);
  if (!nst_store_begin (store, error))
    return FALSE;
  /* Checked inside the transaction, so nobody can fill it meanwhile. */
  if (!check_empty (store, error) ||
      !add_all_staff (&demo, error) ||
      !add_all_students (&demo, error) ||
      !nst_demo_add_roadmap (store, error) ||
      !nst_demo_add_pairs (store, error))
    {
      nst_store_rollback (store);
      return FALSE;
    }
  return nst_store_commit (store, error);
}

static gboolean
add_random_participant (Demo    *demo,
                        GError **error)
{
  static const char *const letters[] = { "А", "Б", "В" };
  g_autoptr(NstParticipant) staff = NULL;
  guint grade;

  if (rng_percent (&demo->rng, 90))
    {
      grade = 1 + rng_below (&demo->rng, 11);
      return add_student (demo, grade, PICK (&demo->rng, letters), error);
    }
  staff = add_staff (demo, &PICK (&demo->rng, staff_posts), error);
  return staff != NULL;
}

/**
 * nst_demo_add_participants:
 * @store: any database
 * @count: how many people to add
 * @seed: the pseudo-random sequence to make them with
 *
 * Adds @count people like the example school's, nine students to one member
 * of staff, in one transaction: for benchmarks and tests of large
 * registries. The school's details are left alone.
 */
gboolean
nst_demo_add_participants (NstStore  *store,
                           guint      count,
                           guint32    seed,
                           GError   **error)
{
  Demo demo;

  g_return_val_if_fail (NST_IS_STORE (store), FALSE);

  demo_init (&demo, store, seed);
  if (!nst_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < count; i++)
    if (!add_random_participant (&demo, error))
      {
        nst_store_rollback (store);
        return FALSE;
      }
  return nst_store_commit (store, error);
}
