/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "nst-cli-list.h"
#include "nst-date.h"

/* The widest a column of the text table gets; longer text ends in «…». */
#define TEXT_COLUMN_MAX 44

/* ---- one record, whatever the format ------------------------------------ */

/* JSON and CSV get their fields from the same function through this, so
 * the two formats cannot drift apart and the CSV header is the field names. */
typedef struct _Sink Sink;
struct _Sink
{
  /* @value NULL is "unknown": null in JSON, an empty cell in CSV. */
  void (*text)   (Sink *sink, const char *name, const char *value);
  /* @value < 0 is "unknown". */
  void (*number) (Sink *sink, const char *name, gint64 value);
  void (*flag)   (Sink *sink, const char *name, gboolean value);
  void (*codes)  (Sink *sink, const char *name, GPtrArray *codes);
};

static const char *
or_null (const char *text)
{
  return *text ? text : NULL;
}

static GPtrArray *
missing_consent_codes (NstParticipant *p)
{
  NstConsentMissing missing = nst_participant_get_missing_consents (p);
  GPtrArray *codes = g_ptr_array_new ();

  if (missing & NST_CONSENT_MISSING_PROCESSING)
    g_ptr_array_add (codes, (gpointer) nst_consent_kind_to_code (NST_CONSENT_PROCESSING));
  if (missing & NST_CONSENT_MISSING_MENTOR)
    g_ptr_array_add (codes, (gpointer) nst_consent_kind_to_code (NST_CONSENT_MENTOR));
  return codes;
}

static void
emit_person (NstParticipant *p,
             Sink           *sink)
{
  g_autofree char *full_name = nst_participant_dup_full_name (p);

  sink->number (sink, "id", nst_participant_get_id (p));
  sink->text (sink, "surname", nst_participant_get_surname (p));
  sink->text (sink, "name", nst_participant_get_name (p));
  sink->text (sink, "patronymic", nst_participant_get_patronymic (p));
  sink->text (sink, "full_name", full_name);
  sink->text (sink, "category", nst_category_to_code (nst_participant_get_category (p)));
  sink->text (sink, "category_label", nst_category_label (nst_participant_get_category (p)));
  sink->text (sink, "post", nst_participant_get_post (p));
  sink->text (sink, "class", nst_participant_get_class_name (p));
  sink->text (sink, "subjects", nst_participant_get_subjects (p));
  sink->text (sink, "birth_date", or_null (nst_participant_get_birth_date (p)));
}

static void
emit_experience (NstParticipant *p,
                 const GDate    *today,
                 Sink           *sink)
{
  NstQualification qualification = nst_participant_get_qualification (p);
  const char *teaching = nst_participant_get_teaching_since (p);
  const char *mentoring = nst_participant_get_mentoring_since (p);

  sink->text (sink, "teaching_since", or_null (teaching));
  sink->text (sink, "mentoring_since", or_null (mentoring));
  sink->number (sink, "teaching_years", nst_date_years_since_iso (teaching, today));
  sink->number (sink, "mentoring_years", nst_date_years_since_iso (mentoring, today));
  sink->text (sink, "qualification", nst_qualification_to_code (qualification));
  sink->text (sink, "qualification_label", nst_qualification_label (qualification));
  sink->flag (sink, "young_specialist", nst_participant_get_young_specialist (p));
  sink->flag (sink, "is_mentor", nst_participant_get_is_mentor (p));
  sink->flag (sink, "is_mentee", nst_participant_get_is_mentee (p));
  sink->text (sink, "request", nst_participant_get_request (p));
  sink->text (sink, "competences", nst_participant_get_competences (p));
}

static void
emit_contacts (NstParticipant *p,
               Sink           *sink)
{
  g_autoptr(GPtrArray) missing = missing_consent_codes (p);
  g_autofree char *consent_state = nst_participant_dup_consent_summary (p);

  sink->text (sink, "email", nst_participant_get_email (p));
  sink->text (sink, "phone", nst_participant_get_phone (p));
  sink->text (sink, "contact", nst_participant_get_contact (p));
  sink->text (sink, "note", nst_participant_get_note (p));
  sink->flag (sink, "archived", nst_participant_get_archived (p));
  sink->codes (sink, "missing_consents", missing);
  sink->text (sink, "consent_state", consent_state);
}

static void
emit_participant (NstParticipant *p,
                  const GDate    *today,
                  Sink           *sink)
{
  emit_person (p, sink);
  emit_experience (p, today, sink);
  emit_contacts (p, sink);
}

/* ---- JSON ---------------------------------------------------------------- */

typedef struct
{
  Sink sink;
  JsonBuilder *builder;
} JsonSink;

static void
json_text (Sink       *sink,
           const char *name,
           const char *value)
{
  JsonBuilder *builder = ((JsonSink *) sink)->builder;

  json_builder_set_member_name (builder, name);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
json_number (Sink       *sink,
             const char *name,
             gint64      value)
{
  JsonBuilder *builder = ((JsonSink *) sink)->builder;

  json_builder_set_member_name (builder, name);
  if (value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
json_flag (Sink       *sink,
           const char *name,
           gboolean    value)
{
  JsonBuilder *builder = ((JsonSink *) sink)->builder;

  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
json_codes (Sink       *sink,
            const char *name,
            GPtrArray  *codes)
{
  JsonBuilder *builder = ((JsonSink *) sink)->builder;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < codes->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (codes, i));
  json_builder_end_array (builder);
}

static GBytes *
format_json (GPtrArray   *participants,
             const GDate *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonSink sink = { { json_text, json_number, json_flag, json_codes }, builder };
  gsize length = 0;
  char *data;

  json_builder_begin_array (builder);
  for (guint i = 0; i < participants->len; i++)
    {
      json_builder_begin_object (builder);
      emit_participant (g_ptr_array_index (participants, i), today, &sink.sink);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);
  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';
  return g_bytes_new_take (data, length);
}

/* ---- CSV ----------------------------------------------------------------- */

/* What Russian Excel opens without asking: UTF-8 with a byte order mark,
 * ';' between fields (',' is the decimal separator there), CRLF, and
 * RFC 4180 quoting. */
#define CSV_BOM "\xEF\xBB\xBF"
#define CSV_DELIMITER ';'
#define CSV_EOL "\r\n"

typedef struct
{
  Sink sink;
  GString *out;
  gboolean header; /* write the field names instead of the values */
  gboolean line_started;
} CsvSink;

static void
csv_append_field (CsvSink    *csv,
                  const char *value)
{
  if (csv->line_started)
    g_string_append_c (csv->out, CSV_DELIMITER);
  csv->line_started = TRUE;
  if (strpbrk (value, ";\"\r\n") == NULL)
    {
      g_string_append (csv->out, value);
      return;
    }
  g_string_append_c (csv->out, '"');
  for (const char *c = value; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (csv->out, '"');
      g_string_append_c (csv->out, *c);
    }
  g_string_append_c (csv->out, '"');
}

static void
csv_text (Sink       *sink,
          const char *name,
          const char *value)
{
  CsvSink *csv = (CsvSink *) sink;

  csv_append_field (csv, csv->header ? name : value ? value : "");
}

static void
csv_number (Sink       *sink,
            const char *name,
            gint64      value)
{
  g_autofree char *text = value < 0 ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, value);

  csv_text (sink, name, text);
}

static void
csv_flag (Sink       *sink,
          const char *name,
          gboolean    value)
{
  csv_text (sink, name, value ? "1" : "0");
}

static void
csv_codes (Sink       *sink,
           const char *name,
           GPtrArray  *codes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < codes->len; i++)
    g_string_append_printf (text, "%s%s", i ? "," : "", (const char *) g_ptr_array_index (codes, i));
  csv_text (sink, name, text->str);
}

static void
csv_end_line (CsvSink *csv)
{
  g_string_append (csv->out, CSV_EOL);
  csv->line_started = FALSE;
}

static GBytes *
format_csv (GPtrArray   *participants,
            const GDate *today)
{
  g_autoptr(NstParticipant) blank = nst_participant_new ();
  CsvSink csv = { { csv_text, csv_number, csv_flag, csv_codes }, g_string_new (CSV_BOM), TRUE, FALSE };

  /* The header is a record that prints names: it has every field. */
  emit_participant (blank, today, &csv.sink);
  csv_end_line (&csv);
  csv.header = FALSE;
  for (guint i = 0; i < participants->len; i++)
    {
      emit_participant (g_ptr_array_index (participants, i), today, &csv.sink);
      csv_end_line (&csv);
    }
  return g_string_free_to_bytes (csv.out);
}

/* ---- the text table ------------------------------------------------------ */

enum { COL_ID, COL_NAME, COL_CATEGORY, COL_WHERE, COL_ROLES, COL_CONSENTS, N_COLUMNS };

static char *
roles_text (NstParticipant *p)
{
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();

  if (nst_participant_get_is_mentor (p))
    g_ptr_array_add (roles, (gpointer) _("mentor"));
  if (nst_participant_get_is_mentee (p))
    g_ptr_array_add (roles, (gpointer) _("mentee"));
  if (nst_participant_get_archived (p))
    g_ptr_array_add (roles, (gpointer) _("archived"));
  g_ptr_array_add (roles, NULL);
  return g_strjoinv (", ", (char **) roles->pdata);
}

/* Cuts by characters, not bytes: the text is Cyrillic. */
static char *
shorten (const char *text)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= TEXT_COLUMN_MAX)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, TEXT_COLUMN_MAX - 1);
  return g_strconcat (head, "…", NULL);
}

static void
row_cells (NstParticipant *p,
           char          **cells)
{
  cells[COL_ID] = g_strdup_printf ("%" G_GINT64_FORMAT, nst_participant_get_id (p));
  cells[COL_NAME] = nst_participant_dup_full_name (p);
  cells[COL_CATEGORY] = g_strdup (nst_category_label (nst_participant_get_category (p)));
  cells[COL_WHERE] = shorten (nst_participant_get_post_or_class (p));
  cells[COL_ROLES] = roles_text (p);
  cells[COL_CONSENTS] = nst_participant_dup_consent_summary (p);
}

static void
append_row (GString     *out,
            char *const *cells,
            const guint *widths)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      guint pad = widths[c] - g_utf8_strlen (cells[c], -1);

      if (c == COL_ID)
        g_string_append_printf (out, "%*s%s", pad, "", cells[c]);
      else if (c == N_COLUMNS - 1)
        g_string_append (out, cells[c]);
      else
        g_string_append_printf (out, "%s%*s", cells[c], pad, "");
      g_string_append (out, c == N_COLUMNS - 1 ? "\n" : "  ");
    }
}

static GBytes *
format_text (GPtrArray *participants)
{
  guint n_rows = participants->len + 1;
  g_autofree char **cells = g_new0 (char *, n_rows * N_COLUMNS + 1);
  guint widths[N_COLUMNS] = { 0 };
  GString *out = g_string_new (NULL);

  cells[COL_ID] = g_strdup ("ID");
  cells[COL_NAME] = g_strdup (_("Full name"));
  cells[COL_CATEGORY] = g_strdup (_("Category"));
  cells[COL_WHERE] = g_strdup (_("Post or class"));
  cells[COL_ROLES] = g_strdup (_("Role"));
  cells[COL_CONSENTS] = g_strdup (_("Consents"));
  for (guint r = 1; r < n_rows; r++)
    row_cells (g_ptr_array_index (participants, r - 1), cells + r * N_COLUMNS);
  for (guint i = 0; i < n_rows * N_COLUMNS; i++)
    widths[i % N_COLUMNS] = MAX (widths[i % N_COLUMNS], (guint) g_utf8_strlen (cells[i], -1));
  for (guint r = 0; r < n_rows; r++)
    append_row (out, cells + r * N_COLUMNS, widths);
  for (guint i = 0; i < n_rows * N_COLUMNS; i++)
    g_free (cells[i]);
  return g_string_free_to_bytes (out);
}

/* ---- public -------------------------------------------------------------- */

gboolean
nst_cli_parse_format (const char   *text,
                      NstCliFormat *out)
{
  static const char *const names[] = { "text", "json", "csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out = (NstCliFormat) i;
        return TRUE;
      }
  return FALSE;
}

static int
compare_participants (gconstpointer a,
                      gconstpointer b)
{
  NstParticipant *pa = *(NstParticipant *const *) a;
  NstParticipant *pb = *(NstParticipant *const *) b;
  int order = strcmp (nst_participant_get_sort_key (pa), nst_participant_get_sort_key (pb));

  /* Namesakes keep the order they were entered in. */
  if (order != 0)
    return order;
  return nst_participant_get_id (pa) < nst_participant_get_id (pb) ? -1
       : nst_participant_get_id (pa) > nst_participant_get_id (pb);
}

/**
 * nst_cli_load_sorted_participants:
 *
 * Returns: (transfer full) (element-type NstParticipant): the whole
 *   registry in Russian alphabetical order of the full names
 */
GPtrArray *
nst_cli_load_sorted_participants (NstStore  *store,
                                  GError   **error)
{
  g_autoptr(GListStore) list = nst_store_list_participants (store, error);
  GPtrArray *participants;
  guint n;

  if (list == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  participants = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (participants, g_list_model_get_item (G_LIST_MODEL (list), i));
  g_ptr_array_sort (participants, compare_participants);
  return participants;
}

/**
 * nst_cli_format_participants:
 * @participants: (element-type NstParticipant): in the order to print
 * @today: the day experience is counted to
 *
 * Returns: (transfer full): the listing, UTF-8
 */
GBytes *
nst_cli_format_participants (GPtrArray    *participants,
                             NstCliFormat  format,
                             const GDate  *today)
{
  switch (format)
    {
    case NST_CLI_FORMAT_JSON:
      return format_json (participants, today);
    case NST_CLI_FORMAT_CSV:
      return format_csv (participants, today);
    case NST_CLI_FORMAT_TEXT:
    default:
      return format_text (participants);
    }
}
