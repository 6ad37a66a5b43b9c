/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nastavnik-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "nst-cli.h"
#include "schedule/nst-date.h"

/* ---- list ---------------------------------------------------------------- */

typedef struct
{
  const char *target;
  const char *alias;   /* another spelling, or NULL */
  NstCliListFunc list;
} ListTarget;

/* One line a target; each target's code is in the file of its area. */
static const ListTarget targets[] = {
  { "participants", NULL, nst_cli_list_participants },
  { "pairs", "groups", nst_cli_list_pairs },
  { "programmes", "programs", nst_cli_list_programmes },
  { "roadmap", NULL, nst_cli_list_roadmap },
};

static const ListTarget *
find_target (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_strcmp0 (name, targets[i].target) == 0 || g_strcmp0 (name, targets[i].alias) == 0)
      return &targets[i];
  return NULL;
}

static char *
target_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", targets[i].target);
  return g_string_free (names, FALSE);
}

int
nst_cli_list (NstCliContext  *context,
              int             argc,
              char          **argv)
{
  g_autofree char *format_name = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: text (the default), json or csv"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(NstCliRecords) records = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autofree char *names = target_names ();
  NstCliFormat format = NST_CLI_FORMAT_TEXT;
  const ListTarget *target;
  NstStore *store;

  if (!nst_cli_parse_options (&argc, &argv, entries, _("WHAT — participants, pairs, programmes, roadmap"), &error))
    return nst_cli_usage_error ("%s", error->message);
  if (argc < 2)
    return nst_cli_usage_error (_("Say what to list: %s"), names);
  if ((target = find_target (argv[1])) == NULL)
    return nst_cli_usage_error (_("Cannot list “%s”: choose one of %s"), argv[1], names);
  if (argc > 2)
    return nst_cli_usage_error (_("Unexpected argument “%s”"), argv[2]);
  if (format_name != NULL && !nst_cli_parse_format (format_name, &format))
    return nst_cli_usage_error (_("Unknown format “%s”: use text, json or csv"), format_name);

  records = nst_cli_records_new ();
  if ((store = nst_cli_open_store (context, &error)) == NULL ||
      !target->list (store, records, &error))
    return nst_cli_fail (error);
  output = nst_cli_records_format (records, format);
  if (!nst_cli_write_stdout (output, &error))
    return nst_cli_fail (error);
  return EXIT_SUCCESS;
}

/* ---- participants -------------------------------------------------------- */

static const char *
or_null (const char *text)
{
  return *text ? text : NULL;
}

static void
write_person (NstCliRecords  *r,
              NstParticipant *p)
{
  g_autofree char *full_name = nst_participant_dup_full_name (p);

  nst_cli_records_number (r, "id", nst_participant_get_id (p));
  nst_cli_records_text (r, "surname", nst_participant_get_surname (p));
  nst_cli_records_text (r, "name", nst_participant_get_name (p));
  nst_cli_records_text (r, "patronymic", nst_participant_get_patronymic (p));
  nst_cli_records_text (r, "full_name", full_name);
  nst_cli_records_text (r, "category", nst_category_to_code (nst_participant_get_category (p)));
  nst_cli_records_text (r, "category_label", nst_category_label (nst_participant_get_category (p)));
  nst_cli_records_text (r, "post", nst_participant_get_post (p));
  nst_cli_records_text (r, "class", nst_participant_get_class_name (p));
  nst_cli_records_text (r, "subjects", nst_participant_get_subjects (p));
  nst_cli_records_text (r, "birth_date", or_null (nst_participant_get_birth_date (p)));
}

static void
write_experience (NstCliRecords  *r,
                  NstParticipant *p,
                  const GDate    *today)
{
  NstQualification qualification = nst_participant_get_qualification (p);
  const char *teaching = nst_participant_get_teaching_since (p);
  const char *mentoring = nst_participant_get_mentoring_since (p);

  nst_cli_records_text (r, "teaching_since", or_null (teaching));
  nst_cli_records_text (r, "mentoring_since", or_null (mentoring));
  nst_cli_records_number (r, "teaching_years", nst_date_years_since_iso (teaching, today));
  nst_cli_records_number (r, "mentoring_years", nst_date_years_since_iso (mentoring, today));
  nst_cli_records_text (r, "qualification", nst_qualification_to_code (qualification));
  nst_cli_records_text (r, "qualification_label", nst_qualification_label (qualification));
  nst_cli_records_flag (r, "young_specialist", nst_participant_get_young_specialist (p));
  nst_cli_records_flag (r, "is_mentor", nst_participant_get_is_mentor (p));
  nst_cli_records_flag (r, "is_mentee", nst_participant_get_is_mentee (p));
  nst_cli_records_text (r, "request", nst_participant_get_request (p));
  nst_cli_records_text (r, "competences", nst_participant_get_competences (p));
}

static void
write_contacts (NstCliRecords  *r,
                NstParticipant *p)
{
  NstConsentMissing missing = nst_participant_get_missing_consents (p);
  g_autofree char *consent_state = nst_participant_dup_consent_summary (p);
  const char *codes[3] = { NULL };
  guint n = 0;

  if (missing & NST_CONSENT_MISSING_PROCESSING)
    codes[n++] = nst_consent_kind_to_code (NST_CONSENT_PROCESSING);
  if (missing & NST_CONSENT_MISSING_MENTOR)
    codes[n++] = nst_consent_kind_to_code (NST_CONSENT_MENTOR);
  nst_cli_records_text (r, "email", nst_participant_get_email (p));
  nst_cli_records_text (r, "phone", nst_participant_get_phone (p));
  nst_cli_records_text (r, "contact", nst_participant_get_contact (p));
  nst_cli_records_text (r, "note", nst_participant_get_note (p));
  nst_cli_records_flag (r, "archived", nst_participant_get_archived (p));
  nst_cli_records_codes (r, "missing_consents", codes);
  nst_cli_records_text (r, "consent_state", consent_state);
}

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

static GPtrArray *
load_sorted_participants (NstStore  *store,
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

/* The whole registry in Russian alphabetical order, every field. */
gboolean
nst_cli_list_participants (NstStore       *store,
                           NstCliRecords  *records,
                           GError        **error)
{
  const char *columns[] = { "id", "full_name", "category_label", "post_or_class", "roles",
                            "consent_state", NULL };
  const char *titles[] = { "ID", _("Full name"), _("Category"), _("Post or class"), _("Role"),
                           _("Consents"), NULL };
  g_autoptr(GPtrArray) participants = load_sorted_participants (store, error);
  GDate today;

  if (participants == NULL)
    return FALSE;
  nst_date_today (&today);
  nst_cli_records_set_columns (records, columns, titles);
  for (guint i = 0; i < participants->len; i++)
    {
      NstParticipant *p = g_ptr_array_index (participants, i);
      g_autofree char *roles = roles_text (p);

      nst_cli_records_begin (records);
      write_person (records, p);
      write_experience (records, p, &today);
      write_contacts (records, p);
      nst_cli_records_text_only (records, "post_or_class", nst_participant_get_post_or_class (p));
      nst_cli_records_text_only (records, "roles", roles);
    }
  return TRUE;
}
