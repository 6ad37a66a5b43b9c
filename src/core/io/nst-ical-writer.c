/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-export"

#include "config.h"

#include <string.h>

#include "io/nst-ical-writer.h"

/**
 * nst_ical_append_escaped:
 * @text: UTF-8; invalid sequences become U+FFFD
 *
 * Appends @text as an iCalendar TEXT value, escaped.
 */
void
nst_ical_append_escaped (GString    *out,
                         const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ';': g_string_append (out, "\\;"); break;
        case ',': g_string_append (out, "\\,"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r':
          /* CRLF and a lone CR are one line break each. */
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        case '\t': g_string_append_c (out, '\t'); break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7F)
            g_string_append_c (out, *p);
          break;
        }
    }
}

/* The octets of the UTF-8 letter at @p. */
static gsize
letter_length (const char *p)
{
  gsize n = 1;

  if ((guchar) *p >= 0xC0)
    while (n < 4 && ((guchar) p[n] & 0xC0) == 0x80)
      n++;
  return n;
}

/* What a fold must not split: a letter, or an escape such as «\n» with
 * the letter it escapes. */
static gsize
unit_length (const char *p)
{
  if (*p == '\\' && p[1] != '\0')
    return 1 + letter_length (p + 1);
  return letter_length (p);
}

/**
 * nst_ical_append_line:
 * @line: a whole content line without its CRLF
 *
 * Appends @line folded at %NST_ICAL_LINE_OCTETS octets, and CRLF. A fold
 * splits neither a letter nor an escape, so each physical line is valid
 * UTF-8 and readers that unfold carelessly still read «\n» whole.
 */
void
nst_ical_append_line (GString    *out,
                      const char *line)
{
  gsize used = 0;

  while (*line != '\0')
    {
      gsize n = unit_length (line);

      if (used + n > NST_ICAL_LINE_OCTETS)
        {
          g_string_append (out, "\r\n ");
          used = 1;
        }
      g_string_append_len (out, line, n);
      used += n;
      line += n;
    }
  g_string_append (out, "\r\n");
}

/* «NAME:value» with @value as it is (already in iCalendar syntax). */
void
nst_ical_append_value (GString    *out,
                       const char *name,
                       const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);

  nst_ical_append_line (out, line);
}

/* «NAME:text» with @text escaped. */
void
nst_ical_append_text (GString    *out,
                      const char *name,
                      const char *text)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  nst_ical_append_escaped (line, text);
  nst_ical_append_line (out, line->str);
}

/* «NAME;VALUE=DATE:YYYYMMDD», a day without a time: all-day events. */
void
nst_ical_append_date (GString     *out,
                      const char  *name,
                      const GDate *date)
{
  g_autofree char *line = g_strdup_printf ("%s;VALUE=DATE:%04u%02u%02u", name,
                                           (guint) g_date_get_year (date),
                                           (guint) g_date_get_month (date),
                                           (guint) g_date_get_day (date));

  nst_ical_append_line (out, line);
}
