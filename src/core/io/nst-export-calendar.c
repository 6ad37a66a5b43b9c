/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "schedule/nst-date.h"
#include "io/nst-export-calendar.h"
#include "io/nst-export-programmes.h"
#include "io/nst-export.h"
#include "io/nst-ical-writer.h"
#include "store/nst-store-roadmap.h"

#define PRODID "-//Nastavnik//Nastavnik " PACKAGE_VERSION "//RU"
#define UID_DOMAIN "nastavnik"

/* The words of DESCRIPTION and CATEGORIES are Russian as written, like
 * the exported tables' headers: they are the school's records. */
#define CATEGORY_ROADMAP "Дорожная карта"
#define CATEGORY_PROGRAMMES "Программы наставничества"

typedef enum
{
  EVENT_CONFIRMED,
  EVENT_TENTATIVE,
  EVENT_CANCELLED,
} EventStatus;

static const char *const status_codes[] = { "CONFIRMED", "TENTATIVE", "CANCELLED" };

typedef struct
{
  char *uid;
  GDate start;
  GDate last;            /* the last day, inclusive */
  char *summary;
  char *description;
  const char *category;  /* static */
  EventStatus status;
} Event;

struct _NstExportCalendar
{
  GArray *events;  /* Event */
};

static void
clear_event (gpointer data)
{
  Event *event = data;

  g_free (event->uid);
  g_free (event->summary);
  g_free (event->description);
}

static char *
make_uid (const char  *kind,
          gint64       item_id,
          const GDate *due)
{
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%04u%02u%02u@" UID_DOMAIN, kind, item_id,
                          (guint) g_date_get_year (due), (guint) g_date_get_month (due),
                          (guint) g_date_get_day (due));
}

/* A line «label: value» of a description; nothing when @value is empty. */
static void
describe (GString    *text,
          const char *label,
          const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  if (label != NULL)
    g_string_append_printf (text, "%s: %s", label, value);
  else
    g_string_append (text, value);
}

static void
describe_date (GString     *text,
               const char  *label,
               const GDate *date)
{
  g_autofree char *day = nst_date_format_ru (date);

  describe (text, label, day);
}

static void
add_event (NstExportCalendar *self,
           char              *uid,
           const GDate       *start,
           const GDate       *last,
           const char        *summary,
           GString           *description,
           const char        *category,
           EventStatus        status)
{
  Event event = { uid, *start, *last, g_strdup (summary), g_string_free (description, FALSE),
                  category, status };

  /* A span the wrong way round would make DTEND precede DTSTART. */
  if (!g_date_valid (&event.start) || g_date_compare (&event.start, &event.last) > 0)
    event.start = event.last;
  g_array_append_val (self->events, event);
}

/* ---- the roadmap ----------------------------------------------------------- */

static GString *
describe_roadmap_item (NstRoadmapSection *section,
                       guint              s,
                       guint              i,
                       NstRoadmapItem    *item)
{
  GString *text = g_string_new (NULL);
  g_autofree char *place = g_strdup_printf ("%s, № %u.%u", nst_roadmap_section_get_title (section),
                                            s + 1, i + 1);
  g_autofree char *responsible = nst_roadmap_item_dup_responsible_text (item);

  describe (text, "Дорожная карта", place);
  describe (text, "Сроки", nst_roadmap_item_get_schedule (item));
  describe (text, "Ответственные", responsible);
  describe (text, "Ожидаемый результат", nst_roadmap_item_get_expected_result (item));
  return text;
}

static void
add_roadmap_item (NstExportCalendar *self,
                  NstRoadmap        *roadmap,
                  guint              s,
                  guint              i,
                  NstQuartersFunc    quarters_for,
                  gpointer           user_data)
{
  NstRoadmapSection *section = nst_roadmap_get_section (roadmap, s);
  NstRoadmapItem *item = nst_roadmap_section_get_item (section, i);
  g_autoptr(GArray) occurrences = nst_roadmap_dup_item_occurrences (roadmap, item, quarters_for, user_data);

  for (guint o = 0; o < occurrences->len; o++)
    {
      const NstRoadmapOccurrence *occurrence = &g_array_index (occurrences, NstRoadmapOccurrence, o);
      GString *text = describe_roadmap_item (section, s, i, item);
      EventStatus status = EVENT_CONFIRMED;

      if (occurrence->status == NST_ROADMAP_STATUS_DONE && g_date_valid (&occurrence->done_on))
        describe_date (text, "Выполнено", &occurrence->done_on);
      else if (occurrence->status == NST_ROADMAP_STATUS_CANCELLED)
        {
          describe (text, NULL, "Отменено");
          status = EVENT_CANCELLED;
        }
      add_event (self, make_uid ("roadmap", nst_roadmap_item_get_id (item), &occurrence->due),
                 &occurrence->start, &occurrence->due, nst_roadmap_item_get_content (item),
                 text, CATEGORY_ROADMAP, status);
    }
}

/**
 * nst_export_calendar_add_roadmap:
 * @quarters_for: (nullable): the school's quarters, for rules that follow
 *   them; %NULL for the defaults
 *
 * Adds an event for each occurrence of each item of @roadmap.
 */
void
nst_export_calendar_add_roadmap (NstExportCalendar *self,
                                 NstRoadmap        *roadmap,
                                 NstQuartersFunc    quarters_for,
                                 gpointer           user_data)
{
  for (guint s = 0; s < nst_roadmap_get_n_sections (roadmap); s++)
    {
      NstRoadmapSection *section = nst_roadmap_get_section (roadmap, s);

      for (guint i = 0; i < nst_roadmap_section_get_n_items (section); i++)
        add_roadmap_item (self, roadmap, s, i, quarters_for, user_data);
    }
}

/* ---- the programmes -------------------------------------------------------- */

static GString *
describe_plan_item (NstProgramme *programme,
                    NstPlanItem  *item)
{
  GString *text = g_string_new (NULL);
  const char *mentees = nst_programme_get_mentee_names (programme);
  g_autofree char *year = nst_programme_dup_school_year_label (programme);
  g_autofree char *place = g_strdup_printf ("%s учебный год, мероприятие № %u", year,
                                            nst_plan_item_get_position (item));

  describe (text, "Наставник", nst_programme_get_mentor_name (programme));
  describe (text, strstr (mentees, ", ") ? "Наставляемые" : "Наставляемый", mentees);
  describe (text, "Программа", place);
  describe (text, "Сроки", nst_plan_item_get_schedule (item));
  describe (text, "Ответственный", nst_plan_item_get_responsible (item));
  describe (text, "Ожидаемый результат", nst_plan_item_get_expected_result (item));
  return text;
}

static void
add_plan_occurrence (NstExportCalendar *self,
                     NstProgramme      *programme,
                     NstPlanItem       *item,
                     NstPlanOccurrence *occurrence)
{
  GString *text;
  GDate start, due, done;
  EventStatus status = EVENT_CONFIRMED;

  if (!nst_date_parse_iso (nst_plan_occurrence_get_due_on (occurrence), &due))
    return;
  if (!nst_date_parse_iso (nst_plan_occurrence_get_starts_on (occurrence), &start))
    start = due;
  text = describe_plan_item (programme, item);
  if (nst_date_parse_iso (nst_plan_occurrence_get_done_on (occurrence), &done))
    describe_date (text, "Выполнено", &done);
  else if (nst_export_occurrence_is_cancelled (programme, occurrence))
    {
      g_autofree char *ended = nst_date_iso_to_ru (nst_programme_get_ended_on (programme));

      describe (text, "Отменено: программа завершена", ended);
      status = EVENT_CANCELLED;
    }
  else if (nst_programme_get_status (programme) == NST_PROGRAMME_STATUS_DRAFT)
    {
      describe (text, NULL, "Программа ещё не утверждена");
      status = EVENT_TENTATIVE;
    }
  add_event (self, make_uid ("plan", nst_plan_item_get_id (item), &due), &start, &due,
             nst_plan_item_get_activity (item), text, CATEGORY_PROGRAMMES, status);
}

/**
 * nst_export_calendar_add_programme:
 * @programme: a programme with its plan (nst_store_get_programme())
 *
 * Adds an event for each dated occurrence of @programme's plan.
 */
void
nst_export_calendar_add_programme (NstExportCalendar *self,
                                   NstProgramme      *programme)
{
  GListModel *items = nst_programme_get_items (programme);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);
      GListModel *occurrences = nst_plan_item_get_occurrences (item);

      if (!nst_plan_item_get_schedule_understood (item))
        continue;
      for (guint o = 0; o < g_list_model_get_n_items (occurrences); o++)
        {
          g_autoptr(NstPlanOccurrence) occurrence = g_list_model_get_item (occurrences, o);

          add_plan_occurrence (self, programme, item, occurrence);
        }
    }
}

/* ---- the file ---------------------------------------------------------------- */

NstExportCalendar *
nst_export_calendar_new (void)
{
  NstExportCalendar *self = g_new0 (NstExportCalendar, 1);

  self->events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_array_set_clear_func (self->events, clear_event);
  return self;
}

void
nst_export_calendar_free (NstExportCalendar *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->events);
  g_free (self);
}

guint
nst_export_calendar_get_n_events (NstExportCalendar *self)
{
  return self->events->len;
}

static void
append_event (GString     *out,
              const Event *event,
              const char  *stamp)
{
  GDate end = event->last;

  g_date_add_days (&end, 1);
  nst_ical_append_line (out, "BEGIN:VEVENT");
  nst_ical_append_value (out, "UID", event->uid);
  nst_ical_append_value (out, "DTSTAMP", stamp);
  nst_ical_append_date (out, "DTSTART", &event->start);
  nst_ical_append_date (out, "DTEND", &end);
  nst_ical_append_text (out, "SUMMARY", event->summary);
  if (*event->description != '\0')
    nst_ical_append_text (out, "DESCRIPTION", event->description);
  nst_ical_append_text (out, "CATEGORIES", event->category);
  nst_ical_append_value (out, "STATUS", status_codes[event->status]);
  nst_ical_append_value (out, "TRANSP", "TRANSPARENT");
  nst_ical_append_line (out, "END:VEVENT");
}

/**
 * nst_export_calendar_to_bytes:
 * @stamp: when the file is made (DTSTAMP), in any time zone
 *
 * Returns: (transfer full): the calendar as an iCalendar file
 */
GBytes *
nst_export_calendar_to_bytes (NstExportCalendar *self,
                              GDateTime         *stamp)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (stamp);
  g_autofree char *dtstamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  GString *out = g_string_new (NULL);

  nst_ical_append_line (out, "BEGIN:VCALENDAR");
  nst_ical_append_value (out, "VERSION", "2.0");
  nst_ical_append_value (out, "PRODID", PRODID);
  nst_ical_append_value (out, "CALSCALE", "GREGORIAN");
  nst_ical_append_value (out, "METHOD", "PUBLISH");
  nst_ical_append_text (out, "X-WR-CALNAME", "Наставник");
  for (guint i = 0; i < self->events->len; i++)
    append_event (out, &g_array_index (self->events, Event, i), dtstamp);
  nst_ical_append_line (out, "END:VCALENDAR");
  return g_string_free_to_bytes (out);
}

static gboolean
add_current_roadmap (NstExportCalendar  *self,
                     NstStore           *store,
                     GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(NstRoadmap) roadmap = NULL;
  g_autoptr(NstQuartersCache) quarters = nst_quarters_cache_new (nst_store_quarters_func, store);
  GDate today;

  nst_date_today (&today);
  roadmap = nst_store_load_current_roadmap (store, &today, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (roadmap != NULL)
    nst_export_calendar_add_roadmap (self, roadmap, nst_quarters_cache_func, quarters);
  return TRUE;
}

/**
 * nst_export_calendar:
 * @n_events: (out) (optional): how many events the file holds
 *
 * Writes the current roadmap's occurrences and every programme's to @path
 * (FILE.ics), atomically and privately as the other exports. Refused when
 * there is not one dated occurrence: a calendar without events is not a
 * valid iCalendar file.
 */
gboolean
nst_export_calendar (NstStore    *store,
                     const char  *path,
                     guint       *n_events,
                     GError     **error)
{
  g_autoptr(NstExportCalendar) calendar = nst_export_calendar_new ();
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GBytes) bytes = NULL;

  if (!add_current_roadmap (calendar, store, error) ||
      (programmes = nst_export_load_programmes (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < programmes->len; i++)
    nst_export_calendar_add_programme (calendar, g_ptr_array_index (programmes, i));
  if (calendar->events->len == 0)
    {
      g_set_error (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_FAILED,
                   _("There is nothing with dates to put in a calendar yet: "
                     "neither the roadmap nor the programmes have dated activities"));
      return FALSE;
    }
  bytes = nst_export_calendar_to_bytes (calendar, now);
  if (!nst_export_bytes_save (bytes, path, error))
    return FALSE;
  if (n_events != NULL)
    *n_events = calendar->events->len;
  return TRUE;
}
