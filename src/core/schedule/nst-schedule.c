/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "schedule/nst-date.h"
#include "text/nst-ru-text.h"
#include "schedule/nst-schedule.h"

/* How a schedule is read: the text is folded (case, ё), dashes and
 * separating punctuation become spaces around '-', and the words become
 * tokens (numbers, dates, day-months, school years). Then each rule tries to
 * read all of the tokens; the first that does wins. A note such as «или по
 * запросу наставляемого» may follow any rule: it changes no date, so it is
 * read past and lives on only in the source text. */

struct _NstSchedule
{
  NstScheduleKind kind;
  char *source;
  GDate first;          /* ON_DATE, BY_DATE: the date; PERIOD: its first day */
  GDate last;           /* PERIOD: its last day */
  gboolean months;      /* PERIOD written as months: «сентябрь 2025 – май 2026» */
  guint quarter;        /* PERIOD of a quarter (1–4): dates come from the quarters */
  guint quarter_year;   /* that quarter's school year, 0 when the text gave none */
  guint day;            /* YEARLY_BY */
  guint month;          /* YEARLY_BY */
  int nth;              /* MONTHLY_WEEKDAY: 1–4, or -1 for the last */
  GDateWeekday weekday; /* MONTHLY_WEEKDAY */
};

G_DEFINE_QUARK (nst-schedule-error-quark, nst_schedule_error)

/* Shown when a text is not understood: Russian data, not interface words. */
static const char examples[] =
  "«15.09.2021», «до 25.10.2021», «с 01.09.2025 по 31.05.2026», "
  "«сентябрь 2025 – май 2026», «I четверть 2025/2026», "
  "«до 01.11 каждого учебного года», «1 раз в четверть», "
  "«в конце каждой четверти», «каждый второй понедельник месяца», «весь период»";

static const char *const month_names[] = {
  "январь", "февраль", "март", "апрель", "май", "июнь",
  "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
};

/* ---- words ------------------------------------------------------------- */

typedef enum
{
  TOKEN_WORD,
  TOKEN_NUMBER,      /* digits only */
  TOKEN_DATE,        /* «15.09.2021», «15 сентября 2021» */
  TOKEN_DAY_MONTH,   /* «01.11», «1 ноября» */
  TOKEN_SCHOOL_YEAR, /* «2025/2026» */
} TokenKind;

typedef struct
{
  TokenKind kind;
  const char *word;  /* folded; owned by the word list */
  guint number;      /* NUMBER: its value; SCHOOL_YEAR: its first year */
  guint digits;      /* NUMBER */
  GDate date;        /* DATE */
  guint day;         /* DAY_MONTH */
  guint month;       /* DAY_MONTH */
} Token;

typedef struct
{
  const Token *tokens;
  guint n;
  guint pos;
} Cursor;

static gboolean
is_dash (gunichar c)
{
  /* Hyphen-minus, the Unicode hyphens and dashes, and the minus sign. */
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == ',' || c == ';' ||
         c == '(' || c == ')' || c == '"' || c == 0x00AB || c == 0x00BB;
}

static char *
normalise (const char *text)
{
  g_autofree char *folded = nst_ru_fold (text);
  GString *out = g_string_sized_new (strlen (folded) + 8);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_dash (c))
        g_string_append (out, " - ");
      else if (is_separator (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Words without their trailing dots («г.», «2021 г.», a sentence's end),
 * with the common slips mended: a Latin «c» for «с», «в течении». */
static GStrv
split_words (const char *text)
{
  g_autofree char *normal = normalise (text);
  g_auto(GStrv) parts = g_strsplit (normal, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      gsize len = strlen (parts[i]);

      while (len > 0 && parts[i][len - 1] == '.')
        parts[i][--len] = '\0';
      if (len == 0)
        continue;
      if (g_str_equal (parts[i], "c"))
        g_strv_builder_add (builder, "с");
      else if (g_str_equal (parts[i], "течении"))
        g_strv_builder_add (builder, "течение");
      else
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

/* Month names in any case form («январь», «января», «мая», «марте») and
 * the usual abbreviations; 0 for any other word. */
static guint
month_of (const char *word)
{
  static const char *const stems[] = {
    "январ", "феврал", "март", "апрел", "ма", "июн",
    "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
  };
  static const char *const abbreviations[] = {
    "янв", "фев", "мар", "апр", "май", "июн",
    "июл", "авг", "сен", "окт", "ноя", "дек",
  };

  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    {
      const char *ending;
      const char *const *endings;
      static const char *const soft[] = { "ь", "я", "е", "ю", "ем", NULL };
      static const char *const hard[] = { "", "а", "е", "у", "ом", NULL };
      static const char *const may[] = { "й", "я", "е", "ю", "ем", NULL };

      if (g_str_equal (word, abbreviations[i]) ||
          (i == 8 && g_str_equal (word, "сент")) || (i == 10 && g_str_equal (word, "нояб")))
        return i + 1;
      if (!g_str_has_prefix (word, stems[i]))
        continue;
      ending = word + strlen (stems[i]);
      endings = (i == 2 || i == 7) ? hard : i == 4 ? may : soft;
      if (g_strv_contains (endings, ending))
        return i + 1;
    }
  return 0;
}

/* Reads up to @max digits at *@p; returns how many it read. */
static guint
scan_number (const char **p,
             guint        max,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  return n;
}

static gboolean
is_year (guint year)
{
  return year >= 1900 && year <= 2200;
}

static gboolean
set_date (Token   *token,
          guint    day,
          guint    month,
          guint    year,
          GError **error)
{
  if (!is_year (year) || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, NST_SCHEDULE_ERROR, NST_SCHEDULE_ERROR_BAD_DATE,
                   _("There is no date %02u.%02u.%04u in the calendar"), day, month, year);
      return FALSE;
    }
  token->kind = TOKEN_DATE;
  g_date_clear (&token->date, 1);
  g_date_set_dmy (&token->date, day, month, year);
  return TRUE;
}

/* A day and month that some year has: 29.02 is allowed, 30.02 is not. */
static gboolean
set_day_month (Token   *token,
               guint    day,
               guint    month,
               GError **error)
{
  if (month < 1 || month > 12 || day < 1 || day > g_date_get_days_in_month (month, 2000))
    {
      g_set_error (error, NST_SCHEDULE_ERROR, NST_SCHEDULE_ERROR_BAD_DATE,
                   _("There is no date %02u.%02u in the calendar"), day, month);
      return FALSE;
    }
  token->kind = TOKEN_DAY_MONTH;
  token->day = day;
  token->month = month;
  return TRUE;
}

/* «Д.ММ», «ДД.ММ.ГГГГ»: FALSE with @error set for a date that does not
 * exist, FALSE without it for a word of another shape. */
static gboolean
lex_dotted (const char  *word,
            Token       *token,
            GError     **error)
{
  const char *p = word;
  guint day, month, year;

  if (scan_number (&p, 2, &day) == 0 || *p++ != '.' || scan_number (&p, 2, &month) == 0)
    return FALSE;
  if (*p == '\0')
    return set_day_month (token, day, month, error);
  if (*p++ != '.' || scan_number (&p, 4, &year) != 4 || *p != '\0')
    return FALSE;
  return set_date (token, day, month, year, error);
}

/* «2025/2026» or «2025/26». */
static gboolean
lex_school_year (const char *word,
                 Token      *token)
{
  const char *p = word;
  guint first, second, digits;

  if (scan_number (&p, 4, &first) != 4 || *p++ != '/')
    return FALSE;
  digits = scan_number (&p, 4, &second);
  if (*p != '\0' || !is_year (first))
    return FALSE;
  if (!((digits == 4 && second == first + 1) || (digits == 2 && second == (first + 1) % 100)))
    return FALSE;
  token->kind = TOKEN_SCHOOL_YEAR;
  token->number = first;
  return TRUE;
}

static gboolean
lex_word (const char  *word,
          Token       *token,
          GError     **error)
{
  const char *p = word;
  guint digits;
  GError *local = NULL;

  memset (token, 0, sizeof *token);
  token->word = word;
  digits = scan_number (&p, 9, &token->number);
  if (digits > 0 && *p == '\0')
    {
      token->kind = TOKEN_NUMBER;
      token->digits = digits;
      return TRUE;
    }
  if (lex_dotted (word, token, &local) || lex_school_year (word, token))
    return TRUE;
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  token->kind = TOKEN_WORD;
  return TRUE;
}

static gboolean
token_is_year (const Token *token)
{
  return token->kind == TOKEN_NUMBER && token->digits == 4 && is_year (token->number);
}

static gboolean
token_ends_in_year (const Token *token)
{
  return token->kind == TOKEN_DATE || token->kind == TOKEN_SCHOOL_YEAR || token_is_year (token);
}

/* «г.», «года», «учебного года» after a year say nothing more. */
static guint
count_year_words (const Token *t,
                  guint        n)
{
  static const char *const units[] = { "г", "гг", "год", "года", NULL };
  static const char *const school[] = { "учебного", "учебный", "уч", NULL };

  if (n >= 1 && g_strv_contains (units, t[0].word))
    return 1;
  if (n >= 2 && g_strv_contains (school, t[0].word) && g_strv_contains (units, t[1].word))
    return 2;
  return 0;
}

/* «15 сентября 2021» is a date, «1 ноября» a day-month. */
static gboolean
combine_words (const Token  *t,
               guint         n,
               Token        *out,
               guint        *used,
               GError      **error)
{
  guint month;

  *used = 1;
  *out = t[0];
  if (t[0].kind != TOKEN_NUMBER || t[0].digits > 2 || n < 2 ||
      t[1].kind != TOKEN_WORD || (month = month_of (t[1].word)) == 0)
    return TRUE;
  if (n >= 3 && token_is_year (&t[2]))
    {
      *used = 3;
      return set_date (out, t[0].number, month, t[2].number, error);
    }
  *used = 2;
  return set_day_month (out, t[0].number, month, error);
}

static GArray *
lex (char   **words,
     GError **error)
{
  guint n = g_strv_length (words);
  g_autoptr(GArray) raw = g_array_sized_new (FALSE, TRUE, sizeof (Token), n);
  g_autoptr(GArray) tokens = g_array_sized_new (FALSE, TRUE, sizeof (Token), n);
  const Token *t;

  g_array_set_size (raw, n);
  for (guint i = 0; i < n; i++)
    if (!lex_word (words[i], &g_array_index (raw, Token, i), error))
      return NULL;
  t = (const Token *) raw->data;
  for (guint i = 0; i < n;)
    {
      Token token;
      guint used;

      if (!combine_words (t + i, n - i, &token, &used, error))
        return NULL;
      g_array_append_val (tokens, token);
      i += used;
      if (token_ends_in_year (&token))
        i += count_year_words (t + i, n - i);
    }
  return g_steal_pointer (&tokens);
}

/* ---- reading the tokens ------------------------------------------------ */

static const Token *
peek (const Cursor *c)
{
  return c->pos < c->n ? &c->tokens[c->pos] : NULL;
}

/* One word slot of a phrase: alternatives split by '|', optional when it
 * ends in '?'. */
static gboolean
slot_matches (const char  *slot,
              const Token *token)
{
  g_auto(GStrv) alternatives = NULL;

  /* «1 ноября» became one token that kept the word «1»: not a word now. */
  if (token->kind != TOKEN_WORD && token->kind != TOKEN_NUMBER)
    return FALSE;
  alternatives = g_strsplit (slot, "|", -1);
  return g_strv_contains ((const char *const *) alternatives, token->word);
}

/* Reads a phrase such as "в течение всего? учебного? года" in full, or
 * nothing. Optional words are taken greedily. */
static gboolean
accept (Cursor     *c,
        const char *phrase)
{
  g_auto(GStrv) slots = g_strsplit (phrase, " ", -1);
  guint pos = c->pos;

  for (guint i = 0; slots[i]; i++)
    {
      gsize len = strlen (slots[i]);
      gboolean optional = len > 0 && slots[i][len - 1] == '?';

      if (optional)
        slots[i][len - 1] = '\0';
      if (pos < c->n && slot_matches (slots[i], &c->tokens[pos]))
        pos++;
      else if (!optional)
        return FALSE;
    }
  c->pos = pos;
  return TRUE;
}

static const Token *
accept_kind (Cursor    *c,
             TokenKind  kind)
{
  const Token *token = peek (c);

  if (token == NULL || token->kind != kind)
    return NULL;
  c->pos++;
  return token;
}

static gboolean
accept_year (Cursor *c,
             guint  *year)
{
  const Token *token = peek (c);

  if (token == NULL || !token_is_year (token))
    return FALSE;
  *year = token->number;
  c->pos++;
  return TRUE;
}

static gboolean
accept_month (Cursor *c,
              guint  *month)
{
  const Token *token = peek (c);

  if (token == NULL || token->kind != TOKEN_WORD || (*month = month_of (token->word)) == 0)
    return FALSE;
  c->pos++;
  return TRUE;
}

/* The end of the text, or a note that changes no date: «или по запросу
 * наставляемого», «и по необходимости», «либо при необходимости». */
static gboolean
at_end (const Cursor *c)
{
  Cursor rest = *c;

  if (rest.pos == rest.n)
    return TRUE;
  return accept (&rest, "или|и|либо|а по|при");
}

/* The tail of «в течение всего периода реализации ЦМН». */
static void
skip_period_tail (Cursor *c)
{
  Cursor rest = *c;

  if (accept (&rest, "реализации|действия|программы"))
    c->pos = c->n;
}

/* ---- rules ------------------------------------------------------------- */

static gboolean
match_throughout (Cursor      *c,
                  NstSchedule *s)
{
  if (accept (c, "в|на течение|протяжении всего? периода|срока") ||
      accept (c, "весь учебный? период|год|срок"))
    skip_period_tail (c);
  else if (!accept (c, "постоянно") &&
           !accept (c, "в|на течение|протяжении всего? учебного|календарного? года"))
    return FALSE;
  s->kind = NST_SCHEDULE_THROUGHOUT;
  return at_end (c);
}

static gboolean
match_once_per_quarter (Cursor      *c,
                        NstSchedule *s)
{
  if (!accept (c, "один|1? раз в каждую? четверть") &&
      !accept (c, "ежеквартально|ежечетвертно") &&
      !accept (c, "каждую четверть"))
    return FALSE;
  s->kind = NST_SCHEDULE_ONCE_PER_QUARTER;
  return at_end (c);
}

static gboolean
match_quarter_end (Cursor      *c,
                   NstSchedule *s)
{
  if (!accept (c, "в? конце|конец каждой? четверти") &&
      !accept (c, "по окончании|окончанию|завершении|итогам каждой? четверти"))
    return FALSE;
  s->kind = NST_SCHEDULE_QUARTER_END;
  return at_end (c);
}

/* 1–4, -1 for «последний», 0 for another word; any gender and case. */
static int
ordinal_of (const char *word)
{
  static const char *const forms[][7] = {
    { "первый", "первая", "первую", "первое", "первой", "первого", NULL },
    { "второй", "вторая", "вторую", "второе", "второго", NULL },
    { "третий", "третья", "третью", "третье", "третьей", "третьего", NULL },
    { "четвертый", "четвертая", "четвертую", "четвертое", "четвертой", "четвертого", NULL },
    { "последний", "последняя", "последнюю", "последнее", "последней", "последнего", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_strv_contains (forms[i], word))
      return i < 4 ? (int) i + 1 : -1;
  return 0;
}

static GDateWeekday
weekday_of (const char *word)
{
  static const char *const forms[][3] = {
    { "понедельник", NULL },
    { "вторник", NULL },
    { "среда", "среду", NULL },
    { "четверг", NULL },
    { "пятница", "пятницу", NULL },
    { "суббота", "субботу", NULL },
    { "воскресенье", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_strv_contains (forms[i], word))
      return (GDateWeekday) (G_DATE_MONDAY + i);
  return G_DATE_BAD_WEEKDAY;
}

static gboolean
match_monthly_weekday (Cursor      *c,
                       NstSchedule *s)
{
  const Token *token;

  accept (c, "каждый|каждую|каждое?");
  if ((token = peek (c)) == NULL || (s->nth = ordinal_of (token->word)) == 0)
    return FALSE;
  c->pos++;
  if ((token = peek (c)) == NULL || (s->weekday = weekday_of (token->word)) == G_DATE_BAD_WEEKDAY)
    return FALSE;
  c->pos++;
  if (!accept (c, "каждого? месяца"))
    return FALSE;
  s->kind = NST_SCHEDULE_MONTHLY_WEEKDAY;
  return at_end (c);
}

static gboolean
accept_deadline (Cursor *c)
{
  return accept (c, "в? срок? до") || accept (c, "к") || accept (c, "не позднее|позже");
}

/* «до 01.11 каждого учебного года», «ежегодно до 01.12»; «до 01.11» alone
 * names no year, so it too comes back every school year. */
static gboolean
match_yearly_by (Cursor      *c,
                 NstSchedule *s)
{
  const Token *token;

  accept (c, "ежегодно");
  if (!accept_deadline (c) || (token = accept_kind (c, TOKEN_DAY_MONTH)) == NULL)
    return FALSE;
  if (!accept (c, "ежегодно"))
    accept (c, "каждого|каждый|в|на учебного|учебный|учебном? года|год|году");
  s->kind = NST_SCHEDULE_YEARLY_BY;
  s->day = token->day;
  s->month = token->month;
  return at_end (c);
}

static gboolean
match_by_date (Cursor      *c,
               NstSchedule *s)
{
  const Token *token;

  if (!accept_deadline (c) || (token = accept_kind (c, TOKEN_DATE)) == NULL)
    return FALSE;
  s->kind = NST_SCHEDULE_BY_DATE;
  s->first = token->date;
  return at_end (c);
}

static gboolean
match_on_date (Cursor      *c,
               NstSchedule *s)
{
  const Token *token;

  if ((token = accept_kind (c, TOKEN_DATE)) == NULL)
    return FALSE;
  s->kind = NST_SCHEDULE_ON_DATE;
  s->first = token->date;
  return at_end (c);
}

/* «с 01.09.2025 по 31.05.2026», «01.09.2025 – 31.05.2026». */
static gboolean
match_date_period (Cursor      *c,
                   NstSchedule *s)
{
  const Token *first, *last;

  accept (c, "с|со|от?");
  if ((first = accept_kind (c, TOKEN_DATE)) == NULL)
    return FALSE;
  accept (c, "-|по|до?");
  if ((last = accept_kind (c, TOKEN_DATE)) == NULL)
    return FALSE;
  s->kind = NST_SCHEDULE_PERIOD;
  s->first = first->date;
  s->last = last->date;
  return at_end (c);
}

static void
set_months (NstSchedule *s,
            guint        first_month,
            guint        first_year,
            guint        last_month,
            guint        last_year)
{
  s->kind = NST_SCHEDULE_PERIOD;
  s->months = TRUE;
  g_date_clear (&s->first, 1);
  g_date_clear (&s->last, 1);
  g_date_set_dmy (&s->first, 1, first_month, first_year);
  g_date_set_dmy (&s->last, g_date_get_days_in_month (last_month, last_year),
                  last_month, last_year);
}

/* «январь 2021», «сентябрь 2025 – май 2026», «Январь 2021 Сентябрь 2022»
 * (a space is all the seed puts between them), «сентябрь–октябрь 2025».
 * Without its own year the first month is the last one before the second,
 * as in «сентябрь – май 2026». */
static gboolean
match_month_period (Cursor      *c,
                    NstSchedule *s)
{
  gboolean from = accept (c, "с|со|от");
  gboolean joined;
  guint m1, y1, m2, y2;
  gboolean has_y1;

  if (!accept_month (c, &m1))
    return FALSE;
  has_y1 = accept_year (c, &y1);
  joined = accept (c, "-|по|до");
  if (!accept_month (c, &m2))
    {
      /* «с января 2021» alone has no end. */
      if (!has_y1 || from || joined)
        return FALSE;
      set_months (s, m1, y1, m1, y1);
      return at_end (c);
    }
  if (!accept_year (c, &y2))
    return FALSE;
  if (!has_y1)
    y1 = m1 <= m2 ? y2 : y2 - 1;
  set_months (s, m1, y1, m2, y2);
  return at_end (c);
}

/* «I», «1», «первая»: 1–4, else 0. */
static guint
quarter_number_of (const Token *token)
{
  static const char *const roman[] = { "i", "ii", "iii", "iv" };
  int ordinal;

  if (token->kind == TOKEN_NUMBER)
    return token->digits == 1 && token->number >= 1 && token->number <= 4 ? token->number : 0;
  for (guint i = 0; i < G_N_ELEMENTS (roman); i++)
    if (g_str_equal (token->word, roman[i]))
      return i + 1;
  ordinal = ordinal_of (token->word);
  return ordinal > 0 ? (guint) ordinal : 0;
}

/* The school year after a quarter: «2025/2026», «2025–2026», or one year,
 * the autumn's for quarters 1–2 and the spring's for 3–4. 0 for none. */
static gboolean
accept_quarter_year (Cursor *c,
                     guint   quarter,
                     guint  *school_year)
{
  const Token *token;
  guint first, second;

  *school_year = 0;
  if ((token = accept_kind (c, TOKEN_SCHOOL_YEAR)) != NULL)
    *school_year = token->number;
  else if (accept_year (c, &first))
    {
      Cursor rest = *c;

      if (accept (&rest, "-") && accept_year (&rest, &second))
        {
          if (second != first + 1)
            return FALSE;
          *c = rest;
          *school_year = first;
        }
      else
        *school_year = quarter <= 2 ? first : first - 1;
    }
  return TRUE;
}

static gboolean
match_quarter_period (Cursor      *c,
                      NstSchedule *s)
{
  const Token *token;

  accept (c, "в|во? течение?");
  if ((token = peek (c)) == NULL || (s->quarter = quarter_number_of (token)) == 0)
    return FALSE;
  c->pos++;
  if (!accept (c, "четверть|четверти") || !accept_quarter_year (c, s->quarter, &s->quarter_year))
    return FALSE;
  s->kind = NST_SCHEDULE_PERIOD;
  return at_end (c);
}

typedef gboolean (*Rule) (Cursor      *c,
                          NstSchedule *s);

static gboolean
match_rules (GArray      *tokens,
             NstSchedule *s)
{
  static const Rule rules[] = {
    match_throughout, match_once_per_quarter, match_quarter_end,
    match_monthly_weekday, match_yearly_by, match_by_date, match_on_date,
    match_date_period, match_month_period, match_quarter_period,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      Cursor c = { (const Token *) tokens->data, tokens->len, 0 };
      NstSchedule attempt = { 0 };

      if (rules[i] (&c, &attempt))
        {
          *s = attempt;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
check_period (const NstSchedule  *s,
              GError            **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (s->kind != NST_SCHEDULE_PERIOD || s->quarter != 0 ||
      g_date_compare (&s->first, &s->last) <= 0)
    return TRUE;
  first = nst_date_format_ru (&s->first);
  last = nst_date_format_ru (&s->last);
  g_set_error (error, NST_SCHEDULE_ERROR, NST_SCHEDULE_ERROR_BAD_PERIOD,
               _("The period from %s to %s ends before it starts"), first, last);
  return FALSE;
}

static void
set_unknown_error (GError     **error,
                   const char  *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    {
      g_set_error (error, NST_SCHEDULE_ERROR, NST_SCHEDULE_ERROR_UNKNOWN,
                   /* Translators: %s lists examples, kept in Russian */
                   _("The schedule is empty. Write a date, a period or a rule, for example: %s"),
                   examples);
      return;
    }
  g_set_error (error, NST_SCHEDULE_ERROR, NST_SCHEDULE_ERROR_UNKNOWN,
               /* Translators: the first %s is the text typed, the second lists
                * examples, kept in Russian */
               _("“%s” is not a schedule the program understands. Write a date, "
                 "a period or a rule, for example: %s"),
               trimmed, examples);
}

/**
 * nst_schedule_parse:
 * @text: a schedule as a school writes it
 *
 * Returns: (transfer full) (nullable): the schedule, or %NULL with @error
 *   set in NST_SCHEDULE_ERROR
 */
NstSchedule *
nst_schedule_parse (const char  *text,
                    GError     **error)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(NstSchedule) schedule = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  words = split_words (text);
  if ((tokens = lex (words, error)) == NULL)
    return NULL;
  schedule = g_new0 (NstSchedule, 1);
  if (tokens->len == 0 || !match_rules (tokens, schedule))
    {
      set_unknown_error (error, text);
      return NULL;
    }
  if (!check_period (schedule, error))
    return NULL;
  schedule->source = g_strdup (text);
  return g_steal_pointer (&schedule);
}

/**
 * nst_schedule_copy:
 *
 * Returns: (transfer full): a copy of @self, source text included
 */
NstSchedule *
nst_schedule_copy (const NstSchedule *self)
{
  NstSchedule *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->source = g_strdup (self->source);
  return copy;
}

void
nst_schedule_free (NstSchedule *self)
{
  if (self == NULL)
    return;
  g_free (self->source);
  g_free (self);
}

NstScheduleKind
nst_schedule_get_kind (const NstSchedule *self)
{
  g_return_val_if_fail (self != NULL, NST_SCHEDULE_ON_DATE);

  return self->kind;
}

/**
 * nst_schedule_get_source_text:
 *
 * Returns: (transfer none): the text as it was typed
 */
const char *
nst_schedule_get_source_text (const NstSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

/**
 * nst_schedule_get_dates:
 * @start: (out): the first day
 * @due: (out): the last day, or the deadline
 *
 * The dates the text itself names, for a date, a deadline or a period of
 * dates or months. A quarter's dates depend on the school's quarters (see
 * nst_schedule_get_quarter()) and a rule's on the window, so for them this
 * returns %FALSE.
 */
gboolean
nst_schedule_get_dates (const NstSchedule *self,
                        GDate             *start,
                        GDate             *due)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (start != NULL && due != NULL, FALSE);

  switch (self->kind)
    {
    case NST_SCHEDULE_ON_DATE:
    case NST_SCHEDULE_BY_DATE:
      *start = self->first;
      *due = self->first;
      return TRUE;
    case NST_SCHEDULE_PERIOD:
      if (self->quarter != 0)
        return FALSE;
      *start = self->first;
      *due = self->last;
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * nst_schedule_get_quarter:
 * @school_year: (out) (optional): the quarter's school year, 0 when the
 *   text named none
 *
 * Returns: 1–4 for a period that is a quarter («I четверть 2025/2026»),
 *   else 0
 */
guint
nst_schedule_get_quarter (const NstSchedule *self,
                          guint             *school_year)
{
  g_return_val_if_fail (self != NULL, 0);

  if (school_year != NULL)
    *school_year = self->quarter_year;
  return self->quarter;
}

/* ---- normalised text --------------------------------------------------- */

static char *
month_year_text (const GDate *date)
{
  return g_strdup_printf ("%s %u", month_names[g_date_get_month (date) - 1],
                          g_date_get_year (date));
}

static char *
period_to_text (const NstSchedule *s)
{
  static const char *const roman[] = { "I", "II", "III", "IV" };
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (s->quarter != 0 && s->quarter_year == 0)
    return g_strdup_printf ("%s четверть", roman[s->quarter - 1]);
  if (s->quarter != 0)
    return g_strdup_printf ("%s четверть %u/%u", roman[s->quarter - 1],
                            s->quarter_year, s->quarter_year + 1);
  if (!s->months)
    {
      first = nst_date_format_ru (&s->first);
      last = nst_date_format_ru (&s->last);
      return g_strdup_printf ("с %s по %s", first, last);
    }
  first = month_year_text (&s->first);
  if (g_date_get_month (&s->first) == g_date_get_month (&s->last) &&
      g_date_get_year (&s->first) == g_date_get_year (&s->last))
    return g_steal_pointer (&first);
  last = month_year_text (&s->last);
  return g_strdup_printf ("%s – %s", first, last);
}

/* «каждый второй понедельник», «каждую вторую среду», «каждое второе
 * воскресенье»: the words agree with the weekday's gender. */
static char *
monthly_to_text (const NstSchedule *s)
{
  static const char *const weekdays[] = {
    "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье",
  };
  static const guint gender[] = { 0, 0, 1, 0, 1, 1, 2 };
  static const char *const every[] = { "каждый", "каждую", "каждое" };
  static const char *const ordinals[][3] = {
    { "первый", "первую", "первое" },
    { "второй", "вторую", "второе" },
    { "третий", "третью", "третье" },
    { "четвёртый", "четвёртую", "четвёртое" },
    { "последний", "последнюю", "последнее" },
  };
  guint day = s->weekday - G_DATE_MONDAY;
  guint g = gender[day];
  guint n = s->nth < 0 ? 4 : (guint) s->nth - 1;

  return g_strdup_printf ("%s %s %s месяца", every[g], ordinals[n][g], weekdays[day]);
}

/**
 * nst_schedule_to_text:
 *
 * The schedule in the program's own words, dates as ДД.ММ.ГГГГ; it reads
 * back as the same schedule. Data, not interface text: never translated.
 *
 * Returns: (transfer full): the normalised text
 */
char *
nst_schedule_to_text (const NstSchedule *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case NST_SCHEDULE_ON_DATE:
      return nst_date_format_ru (&self->first);
    case NST_SCHEDULE_BY_DATE:
      date = nst_date_format_ru (&self->first);
      return g_strdup_printf ("до %s", date);
    case NST_SCHEDULE_PERIOD:
      return period_to_text (self);
    case NST_SCHEDULE_YEARLY_BY:
      return g_strdup_printf ("до %02u.%02u каждого учебного года", self->day, self->month);
    case NST_SCHEDULE_ONCE_PER_QUARTER:
      return g_strdup ("один раз в четверть");
    case NST_SCHEDULE_QUARTER_END:
      return g_strdup ("в конце каждой четверти");
    case NST_SCHEDULE_MONTHLY_WEEKDAY:
      return monthly_to_text (self);
    case NST_SCHEDULE_THROUGHOUT:
      return g_strdup ("весь период");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- expansion --------------------------------------------------------- */

typedef struct
{
  GDate from;
  GDate to;
  NstQuartersFunc quarters_for;
  gpointer user_data;
  NstSchoolQuarters quarters;  /* of the school year asked for last */
  gboolean have_quarters;
  GArray *out;
} Expansion;

static const NstSchoolQuarters *
quarters_of (Expansion *x,
             guint      school_year)
{
  if (!x->have_quarters || x->quarters.school_year != school_year)
    {
      x->quarters.school_year = school_year;
      g_date_clear (x->quarters.starts, 4);
      g_date_clear (x->quarters.ends, 4);
      x->quarters_for (school_year, &x->quarters, x->user_data);
      x->quarters.school_year = school_year;
      x->have_quarters = TRUE;
    }
  return &x->quarters;
}

static gboolean
quarter_is_valid (const NstSchoolQuarters *q,
                  guint                    i)
{
  return g_date_valid (&q->starts[i]) && g_date_valid (&q->ends[i]) &&
         g_date_compare (&q->starts[i], &q->ends[i]) <= 0;
}

/* The part of [@start, @due] inside the window, if any. */
static void
add_span (Expansion   *x,
          const GDate *start,
          const GDate *due)
{
  NstOccurrence occurrence;

  if (g_date_compare (due, &x->from) < 0 || g_date_compare (start, &x->to) > 0)
    return;
  occurrence.start = g_date_compare (start, &x->from) < 0 ? x->from : *start;
  occurrence.due = g_date_compare (due, &x->to) > 0 ? x->to : *due;
  g_array_append_val (x->out, occurrence);
}

static void
add_day (Expansion   *x,
         const GDate *day)
{
  add_span (x, day, day);
}

/* A day and month in a school year: September to December in its first
 * calendar year. 29.02 falls on 28.02 in other years. */
static void
day_in_school_year (guint  day,
                    guint  month,
                    guint  school_year,
                    GDate *out)
{
  guint year = month >= G_DATE_SEPTEMBER ? school_year : school_year + 1;

  g_date_clear (out, 1);
  g_date_set_dmy (out, MIN (day, g_date_get_days_in_month (month, year)), month, year);
}

static void
expand_yearly (const NstSchedule *s,
               Expansion         *x)
{
  for (guint y = nst_school_year_of (&x->from); y <= nst_school_year_of (&x->to); y++)
    {
      GDate due;

      day_in_school_year (s->day, s->month, y, &due);
      add_day (x, &due);
    }
}

static void
expand_quarters (const NstSchedule *s,
                 Expansion         *x)
{
  for (guint y = nst_school_year_of (&x->from); y <= nst_school_year_of (&x->to); y++)
    {
      const NstSchoolQuarters *q = quarters_of (x, y);

      for (guint i = 0; i < 4; i++)
        {
          if (!quarter_is_valid (q, i))
            continue;
          if (s->kind == NST_SCHEDULE_ONCE_PER_QUARTER)
            add_span (x, &q->starts[i], &q->ends[i]);
          else
            add_day (x, &q->ends[i]);
        }
    }
}

/* The quarter the text named, or without a year the first quarter of that
 * number that meets the window. */
static void
expand_quarter_period (const NstSchedule *s,
                       Expansion         *x)
{
  guint first = s->quarter_year ? s->quarter_year : nst_school_year_of (&x->from);
  guint last = s->quarter_year ? s->quarter_year : nst_school_year_of (&x->to);

  for (guint y = first; y <= last; y++)
    {
      const NstSchoolQuarters *q = quarters_of (x, y);
      guint before = x->out->len;

      if (quarter_is_valid (q, s->quarter - 1))
        add_span (x, &q->starts[s->quarter - 1], &q->ends[s->quarter - 1]);
      if (x->out->len > before)
        return;
    }
}

/* The @nth @weekday of a month (-1: the last); FALSE when the month has no
 * fifth one. */
static gboolean
nth_weekday (int           nth,
             GDateWeekday  weekday,
             guint         month,
             guint         year,
             GDate        *out)
{
  guint days = g_date_get_days_in_month (month, year);
  guint day;

  g_date_clear (out, 1);
  if (nth < 0)
    {
      g_date_set_dmy (out, days, month, year);
      day = days - ((int) g_date_get_weekday (out) - (int) weekday + 7) % 7;
    }
  else
    {
      g_date_set_dmy (out, 1, month, year);
      day = 1 + ((int) weekday - (int) g_date_get_weekday (out) + 7) % 7 + 7 * (nth - 1);
      if (day > days)
        return FALSE;
    }
  g_date_set_day (out, day);
  return TRUE;
}

/* Seminars and visits happen while school is in: days in the summer or the
 * holidays between quarters are left out. */
static void
expand_monthly (const NstSchedule *s,
                Expansion         *x)
{
  /* Months counted from year 0, so that a loop crosses New Year plainly. */
  guint first = g_date_get_year (&x->from) * 12 + g_date_get_month (&x->from) - 1;
  guint last = g_date_get_year (&x->to) * 12 + g_date_get_month (&x->to) - 1;

  for (guint m = first; m <= last; m++)
    {
      GDate day;

      if (!nth_weekday (s->nth, s->weekday, m % 12 + 1, m / 12, &day))
        continue;
      if (nst_school_quarters_which (quarters_of (x, nst_school_year_of (&day)), &day) != 0)
        add_day (x, &day);
    }
}

static void
expand_into (const NstSchedule *s,
             Expansion         *x)
{
  switch (s->kind)
    {
    case NST_SCHEDULE_ON_DATE:
    case NST_SCHEDULE_BY_DATE:
      add_day (x, &s->first);
      break;
    case NST_SCHEDULE_PERIOD:
      if (s->quarter != 0)
        expand_quarter_period (s, x);
      else
        add_span (x, &s->first, &s->last);
      break;
    case NST_SCHEDULE_YEARLY_BY:
      expand_yearly (s, x);
      break;
    case NST_SCHEDULE_ONCE_PER_QUARTER:
    case NST_SCHEDULE_QUARTER_END:
      expand_quarters (s, x);
      break;
    case NST_SCHEDULE_MONTHLY_WEEKDAY:
      expand_monthly (s, x);
      break;
    case NST_SCHEDULE_THROUGHOUT:
      /* «весь период», «в течение года»: the whole of the plan's period,
       * one span, however many school years it covers. */
      add_span (x, &x->from, &x->to);
      break;
    default:
      g_return_if_reached ();
    }
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  const NstOccurrence *x = a;
  const NstOccurrence *y = b;
  int by_start = g_date_compare (&x->start, &y->start);

  return by_start != 0 ? by_start : g_date_compare (&x->due, &y->due);
}

/**
 * nst_schedule_expand:
 * @self: a schedule
 * @from: the window's first day
 * @to: the window's last day
 * @quarters_for: (nullable): the school's quarters; %NULL for the defaults
 * @user_data: for @quarters_for
 *
 * Spans that reach outside the window are cut to it. A date or deadline
 * outside the window gives nothing.
 *
 * Returns: (transfer full) (element-type NstOccurrence): the occurrences
 */
GArray *
nst_schedule_expand (const NstSchedule *self,
                     const GDate       *from,
                     const GDate       *to,
                     NstQuartersFunc    quarters_for,
                     gpointer           user_data)
{
  Expansion x = { 0 };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  x.out = g_array_new (FALSE, TRUE, sizeof (NstOccurrence));
  if (g_date_compare (from, to) > 0)
    return x.out;
  x.from = *from;
  x.to = *to;
  x.quarters_for = quarters_for ? quarters_for : nst_school_quarters_default_func;
  x.user_data = user_data;
  expand_into (self, &x);
  g_array_sort (x.out, compare_occurrences);
  return x.out;
}

/* ---- quarters ---------------------------------------------------------- */

/* A quarter begins on a school day: a Saturday or Sunday start moves on to
 * the Monday. */
static void
set_quarter (NstSchoolQuarters *out,
             guint              i,
             guint              start_day,
             GDateMonth         start_month,
             guint              end_day,
             GDateMonth         end_month)
{
  guint start_year = start_month >= G_DATE_SEPTEMBER ? out->school_year : out->school_year + 1;
  guint end_year = end_month >= G_DATE_SEPTEMBER ? out->school_year : out->school_year + 1;
  GDateWeekday weekday;

  g_date_clear (&out->starts[i], 1);
  g_date_clear (&out->ends[i], 1);
  g_date_set_dmy (&out->starts[i], start_day, start_month, start_year);
  g_date_set_dmy (&out->ends[i], end_day, end_month, end_year);
  weekday = g_date_get_weekday (&out->starts[i]);
  if (weekday >= G_DATE_SATURDAY)
    g_date_add_days (&out->starts[i], G_DATE_SUNDAY - weekday + 1);
}

/**
 * nst_school_quarters_default:
 *
 * The usual dates when the school has set none: 1 Sep – 26 Oct,
 * 5 Nov – 28 Dec, 9 Jan – 22 Mar, 1 Apr – 26 May, each start moved off a
 * weekend to the Monday. Regions differ by a few days; the school can set
 * its own.
 */
void
nst_school_quarters_default (guint              school_year,
                             NstSchoolQuarters *out)
{
  g_return_if_fail (out != NULL);

  out->school_year = school_year;
  set_quarter (out, 0, 1, G_DATE_SEPTEMBER, 26, G_DATE_OCTOBER);
  set_quarter (out, 1, 5, G_DATE_NOVEMBER, 28, G_DATE_DECEMBER);
  set_quarter (out, 2, 9, G_DATE_JANUARY, 22, G_DATE_MARCH);
  set_quarter (out, 3, 1, G_DATE_APRIL, 26, G_DATE_MAY);
}

/* An NstQuartersFunc that gives the defaults. */
void
nst_school_quarters_default_func (guint              school_year,
                                  NstSchoolQuarters *out,
                                  gpointer           user_data)
{
  nst_school_quarters_default (school_year, out);
}

guint
nst_school_quarters_which (const NstSchoolQuarters *quarters,
                           const GDate             *date)
{
  g_return_val_if_fail (quarters != NULL, 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  for (guint i = 0; i < 4; i++)
    if (quarter_is_valid (quarters, i) &&
        g_date_compare (&quarters->starts[i], date) <= 0 &&
        g_date_compare (date, &quarters->ends[i]) <= 0)
      return i + 1;
  return 0;
}

/* ---- deadlines --------------------------------------------------------- */

/**
 * nst_deadline_state:
 * @due: when it is due
 * @done_on: (nullable): when it was done; %NULL or a cleared date if not
 * @cancelled: whether it was cancelled
 * @status_date: the day the state is for
 *
 * Work done after @status_date was not yet done on that day.
 */
NstDeadlineState
nst_deadline_state (const GDate *due,
                    const GDate *done_on,
                    gboolean     cancelled,
                    const GDate *status_date)
{
  GDate soon;

  g_return_val_if_fail (due != NULL && g_date_valid (due), NST_DEADLINE_PLANNED);
  g_return_val_if_fail (status_date != NULL && g_date_valid (status_date), NST_DEADLINE_PLANNED);

  if (done_on != NULL && g_date_valid (done_on) && g_date_compare (done_on, status_date) <= 0)
    return NST_DEADLINE_DONE;
  if (cancelled)
    return NST_DEADLINE_CANCELLED;
  if (g_date_compare (due, status_date) < 0)
    return NST_DEADLINE_OVERDUE;
  soon = *status_date;
  g_date_add_days (&soon, NST_DEADLINE_SOON_DAYS);
  if (g_date_compare (due, &soon) <= 0)
    return NST_DEADLINE_DUE_SOON;
  return NST_DEADLINE_PLANNED;
}

/**
 * nst_deadline_state_label:
 *
 * Returns: (transfer none): the state's name, translated
 */
const char *
nst_deadline_state_label (NstDeadlineState state)
{
  switch (state)
    {
    case NST_DEADLINE_PLANNED:
      return _("planned");
    case NST_DEADLINE_DUE_SOON:
      return _("due soon");
    case NST_DEADLINE_OVERDUE:
      return _("overdue");
    case NST_DEADLINE_DONE:
      return _("done");
    case NST_DEADLINE_CANCELLED:
      return _("cancelled");
    default:
      g_return_val_if_reached ("");
    }
}
