/* SPDX-License-Identifier: GPL-3.0-or-later */
/* «nastavnik-cli school show» and «school set --field value…»: the school's
 * details, without which no document prints, from the command line too. */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "model/nst-school.h"
#include "nst-cli.h"
#include "schedule/nst-date.h"

/* The titles of the fields, as «Сведения о школе» shows them. */
static const struct
{
  const char *field;
  const char *title;
} field_titles[] = {
  { "full-name", N_("Full name of the school") },
  { "short-name", N_("Short name of the school") },
  { "legal-address", N_("Legal address") },
  { "city", N_("City or town") },
  { "email", N_("E-mail") },
  { "phone", N_("Phone") },
  { "inn", N_("INN") },
  { "ogrn", N_("OGRN") },
  { "website", N_("Website") },
  { "director-post", N_("Director's post") },
  { "director-name", N_("Director's full name") },
  { "curator-post", N_("Curator's post") },
  { "curator-name", N_("Curator's full name") },
  { "order-suffix", N_("Order number suffix (such as о-д)") },
};

static const char *
title_of (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_titles); i++)
    if (g_str_equal (field_titles[i].field, field))
      return _(field_titles[i].title);
  return field;
}

/* ---- show --------------------------------------------------------------- */

static void
write_field (NstCliRecords *records,
             const char    *field,
             const char    *title,
             const char    *value)
{
  nst_cli_records_begin (records);
  nst_cli_records_text (records, "field", field);
  nst_cli_records_text (records, "title", title);
  nst_cli_records_text (records, "value", value);
}

static int
show (NstCliContext  *context,
      int             argc,
      char          **argv)
{
  static const char *const columns[] = { "title", "value", NULL };
  const char *titles[] = { _("Detail"), _("Value"), NULL };
  g_autofree char *format_name = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: text (the default), json or csv"), N_("FORMAT") },
    { NULL }
  };
  const char *const *fields = nst_school_text_fields ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NstCliRecords) records = nst_cli_records_new ();
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autofree char *year = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *curator_id = NULL;
  NstCliFormat format = NST_CLI_FORMAT_TEXT;
  NstStore *store;

  if (!nst_cli_parse_options (&argc, &argv, entries, NULL, &error))
    return nst_cli_usage_error ("%s", error->message);
  if (argc > 1)
    return nst_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  if (format_name != NULL && !nst_cli_parse_format (format_name, &format))
    return nst_cli_usage_error (_("Unknown format “%s”: use text, json or csv"), format_name);
  if ((store = nst_cli_open_store (context, &error)) == NULL ||
      (school = nst_store_load_school (store, &error)) == NULL)
    return nst_cli_fail (error);

  nst_cli_records_set_columns (records, columns, titles);
  for (guint i = 0; fields[i]; i++)
    write_field (records, fields[i], title_of (fields[i]), nst_school_get_text (school, fields[i]));
  /* The curator's name and post above are the registry's when chosen. */
  curator_id = nst_school_get_curator_id (school) ? g_strdup_printf ("%" G_GINT64_FORMAT,
                                                                     nst_school_get_curator_id (school))
                                                  : g_strdup ("");
  write_field (records, "curator-id", _("Curator from the registry (participant number)"), curator_id);
  year = nst_school_year_label (nst_school_get_school_year (school));
  write_field (records, "school-year", _("Current school year"), year);
  limit = g_strdup_printf ("%u", nst_school_get_mentee_limit (school));
  write_field (records, "mentee-limit", _("Mentees per mentor"), limit);
  output = nst_cli_records_format (records, format);
  if (!nst_cli_write_stdout (output, &error))
    return nst_cli_fail (error);
  return EXIT_SUCCESS;
}

/* ---- set ---------------------------------------------------------------- */

/* «2025», «2025/2026» or «2025-2026»: the year the school year begins. */
static gboolean
parse_school_year (const char *text,
                   guint      *start_year)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "/-–", 2);
  guint64 first, second;

  if (!g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 2000, 2100, &first, NULL))
    return FALSE;
  if (parts[1] != NULL &&
      (!g_ascii_string_to_unsigned (g_strstrip (parts[1]), 10, 2001, 2101, &second, NULL) ||
       second != first + 1))
    return FALSE;
  *start_year = (guint) first;
  return TRUE;
}

/* One --FIELD option for each text field of the school, the field's title
 * for its help. @values gets what was given, NULL for the rest. */
static GOptionEntry *
text_options (char **values)
{
  const char *const *fields = nst_school_text_fields ();
  guint n = g_strv_length ((char **) fields);
  GOptionEntry *entries = g_new0 (GOptionEntry, n + 4);

  for (guint i = 0; i < n; i++)
    {
      entries[i].long_name = fields[i];
      entries[i].arg = G_OPTION_ARG_STRING;
      entries[i].arg_data = &values[i];
      entries[i].description = title_of (fields[i]);
      entries[i].arg_description = N_("TEXT");
    }
  return entries;
}

/* Puts the values given into @school, each checked as the form checks it. */
static gboolean
apply_texts (NstSchool  *school,
             char      **values,
             gboolean   *any,
             GError    **error)
{
  const char *const *fields = nst_school_text_fields ();

  for (guint i = 0; fields[i]; i++)
    {
      g_autofree char *problem = NULL;

      if (values[i] == NULL)
        continue;
      *any = TRUE;
      nst_school_set_text (school, fields[i], g_strstrip (values[i]));
      if ((problem = nst_school_check_field (school, fields[i])) != NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--%s: %s", fields[i], problem);
          return FALSE;
        }
    }
  return TRUE;
}

static int
set (NstCliContext  *context,
     int             argc,
     char          **argv)
{
  guint n_fields = g_strv_length ((char **) nst_school_text_fields ());
  g_autofree char **values = g_new0 (char *, n_fields + 1);
  g_autofree GOptionEntry *entries = text_options (values);
  g_autofree char *year_text = NULL;
  int limit = 0;
  gint64 curator_id = -1;
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstParticipant) curator = NULL;
  g_autofree char *missing = NULL;
  gboolean any = FALSE;
  guint year = 0;
  NstStore *store;
  int status = EXIT_SUCCESS;

  entries[n_fields] = (GOptionEntry) { "school-year", 0, 0, G_OPTION_ARG_STRING, &year_text,
                                       N_("Current school year"), "2025/2026" };
  entries[n_fields + 1] = (GOptionEntry) { "mentee-limit", 0, 0, G_OPTION_ARG_INT, &limit,
                                           N_("Mentees per mentor"), N_("N") };
  entries[n_fields + 2] = (GOptionEntry) { "curator-id", 0, 0, G_OPTION_ARG_INT64, &curator_id,
                                           N_("The curator, a teacher or head from the registry "
                                              "(«list participants» gives the numbers); 0 for none"),
                                           N_("ID") };
  if (!nst_cli_parse_options (&argc, &argv, entries, NULL, &error))
    status = nst_cli_usage_error ("%s", error->message);
  else if (argc > 1)
    status = nst_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  else if (year_text != NULL && !parse_school_year (year_text, &year))
    status = nst_cli_usage_error (_("--school-year: write the year it begins, such as 2025 or 2025/2026"));
  else if (limit != 0 && (limit < 1 || limit > 100))
    status = nst_cli_usage_error (_("--mentee-limit: from 1 to 100"));
  else if ((store = nst_cli_open_store (context, &error)) == NULL ||
           (school = nst_store_load_school (store, &error)) == NULL)
    status = nst_cli_fail (error);
  else if (!apply_texts (school, values, &any, &error))
    status = nst_cli_usage_error ("%s", error->message);
  else if (curator_id < -1)
    status = nst_cli_usage_error (_("--curator-id: a participant's number, or 0 for none"));
  else if (curator_id > 0 && (curator = nst_store_get_staff_member (store, curator_id, &error)) == NULL)
    status = error->domain == NST_STORE_ERROR && error->code == NST_STORE_ERROR_INVALID
           ? nst_cli_usage_error ("--curator-id: %s", error->message) : nst_cli_fail (error);
  else if (!any && year == 0 && limit == 0 && curator_id < 0)
    status = nst_cli_usage_error (_("Say what to set, such as --full-name \"…\"; "
                                    "«nastavnik-cli school set --help» lists them"));
  else if ((missing = nst_school_check_field (school, "full-name")) != NULL)
    status = nst_cli_usage_error ("--full-name: %s", missing);
  else
    {
      if (year != 0)
        nst_school_set_school_year (school, year);
      if (limit != 0)
        nst_school_set_mentee_limit (school, (guint) limit);
      if (curator_id >= 0)
        nst_school_set_curator_id (school, curator_id);
      if (!nst_store_save_school (store, school, &error))
        status = nst_cli_fail (error);
      else
        g_print ("%s\n", _("The school's details are saved"));
    }
  for (guint i = 0; i < n_fields; i++)
    g_free (values[i]);
  return status;
}

/* ---- the command ---------------------------------------------------------- */

int
nst_cli_school (NstCliContext  *context,
                int             argc,
                char          **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return show (context, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "set"))
    return set (context, argc - 1, argv + 1);
  if (argc >= 2)
    return nst_cli_usage_error (_("Cannot do “%s” with the school: use show or set"), argv[1]);
  return nst_cli_usage_error (_("Say what to do with the school's details: show or set"));
}
