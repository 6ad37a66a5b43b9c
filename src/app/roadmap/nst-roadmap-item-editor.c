/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-roadmap-item-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "schedule/nst-date.h"
#include "widgets/nst-date-row.h"
#include "roadmap/nst-roadmap-item-editor.h"
#include "widgets/nst-row-message.h"
#include "store/nst-store-roadmap.h"

/* How an occurrence of a rule is marked, in its drop-down's order. */
enum { MARK_NONE, MARK_DONE, MARK_CANCELLED, N_MARKS };

/* The rows of one occurrence, inside its expander row. */
typedef struct
{
  NstRoadmapItemEditor *editor;
  GDate start;
  GDate due;
  gboolean touched;
  AdwExpanderRow *expander;
  AdwComboRow *mark;
  NstDateRow *done_on;
  NstRowMessage message;
} OccurrenceRows;

struct _NstRoadmapItemEditor
{
  NstFormWindow parent_instance;

  NstStore *store;
  NstRoadmap *roadmap;
  NstRoadmapItem *item;        /* the item in the roadmap; NULL for a new one */
  NstRoadmapItem *before;      /* a copy as it was, for undo */
  NstRoadmapItem *working;     /* the form as it stands, with the marks */
  NstRoadmapSection *section;  /* where a new item goes */
  guint position;
  GDate status_date;
  GDate today;
  gboolean loading;            /* changes come from the program, not the user */
  gboolean show_all;           /* an existing item, or after a save attempt */
  gboolean dates_from_schedule; /* the date rows show a dated schedule's dates */
  GArray *people;              /* gint64: the people responsible, in order */
  GArray *candidates;          /* gint64: the drop-down's people, in its order */
  GHashTable *names;           /* participant id → "Full Name, post" */
  GPtrArray *person_rows;      /* AdwActionRow */
  GPtrArray *occurrences;      /* OccurrenceRows */
  GtkWidget *schedule_hint_row;
  GtkLabel *schedule_hint;

  NstRowMessage checks[NST_ROADMAP_ITEM_N_CHECKED_FIELDS];
  gboolean touched[NST_ROADMAP_ITEM_N_CHECKED_FIELDS];

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  AdwToastOverlay *toast_overlay;
  AdwComboRow *section_row;
  GtkWidget *content_row;
  GtkWidget *schedule_row;
  GtkWidget *starts_row;
  GtkWidget *ends_row;
  GtkWidget *result_row;
  GtkWidget *indicator_row;
  GtkWidget *target_row;
  GtkWidget *value_row;
  GtkWidget *measured_row;
  AdwPreferencesGroup *people_group;
  GtkDropDown *person_drop_down;
  GtkWidget *add_person_button;
  GtkWidget *roles_row;
  AdwComboRow *status_row;
  GtkWidget *done_row;
  AdwPreferencesGroup *occurrences_group;
};

G_DEFINE_FINAL_TYPE (NstRoadmapItemEditor, nst_roadmap_item_editor, NST_TYPE_FORM_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean validate (NstRoadmapItemEditor *self);

#define ROW_AT(self, offset) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (offset)))
#define ROW_OFFSET(member) G_STRUCT_OFFSET (NstRoadmapItemEditor, member)

/* The rows the user types in, by the name tests find them under. */
static const struct { const char *name; gsize offset; } text_rows[] = {
  { "content", ROW_OFFSET (content_row) },
  { "schedule", ROW_OFFSET (schedule_row) },
  { "starts-on", ROW_OFFSET (starts_row) },
  { "ends-on", ROW_OFFSET (ends_row) },
  { "expected-result", ROW_OFFSET (result_row) },
  { "indicator", ROW_OFFSET (indicator_row) },
  { "indicator-target", ROW_OFFSET (target_row) },
  { "indicator-value", ROW_OFFSET (value_row) },
  { "indicator-on", ROW_OFFSET (measured_row) },
  { "responsible", ROW_OFFSET (roles_row) },
  { "done-on", ROW_OFFSET (done_row) },
};

static const gsize checked_rows[NST_ROADMAP_ITEM_N_CHECKED_FIELDS] = {
  [NST_ROADMAP_ITEM_FIELD_CONTENT] = ROW_OFFSET (content_row),
  [NST_ROADMAP_ITEM_FIELD_SCHEDULE] = ROW_OFFSET (schedule_row),
  [NST_ROADMAP_ITEM_FIELD_DATES] = ROW_OFFSET (ends_row),
  [NST_ROADMAP_ITEM_FIELD_DONE_ON] = ROW_OFFSET (done_row),
  [NST_ROADMAP_ITEM_FIELD_INDICATOR_ON] = ROW_OFFSET (measured_row),
};

/* ---- helpers ---------------------------------------------------------- */

static const char *
date_format_problem (void)
{
  return _("Enter the date as DD.MM.YYYY");
}

static char *
capitalize (const char *text)
{
  char first[8] = { 0 };

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static char *
row_text (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
row_date (GtkWidget *row)
{
  return nst_date_row_get_iso_date (NST_DATE_ROW (row));
}

static void
set_row_text (GtkWidget  *row,
              const char *text)
{
  if (NST_IS_DATE_ROW (row))
    nst_date_row_set_iso_date (NST_DATE_ROW (row), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
set_row_date (GtkWidget   *row,
              const GDate *date)
{
  g_autofree char *iso = date ? nst_date_format_iso (date) : NULL;

  nst_date_row_set_iso_date (NST_DATE_ROW (row), iso);
}

static char *
format_span (const GDate *start,
             const GDate *due)
{
  g_autofree char *from = nst_date_format_ru (start);
  g_autofree char *to = nst_date_format_ru (due);

  if (g_date_compare (start, due) == 0)
    /* Translators: a deadline, «до 25.10.2025» */
    return g_strdup_printf (_("by %s"), to);
  /* Translators: a period, «с 01.09.2025 по 31.05.2026» */
  return g_strdup_printf (_("from %s to %s"), from, to);
}

static NstRoadmapSection *
selected_section (NstRoadmapItemEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->section_row);

  if (selected >= nst_roadmap_get_n_sections (self->roadmap))
    return self->section;
  return nst_roadmap_get_section (self->roadmap, selected);
}

static NstRoadmapStatus
selected_status (NstRoadmapItemEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  return selected < NST_ROADMAP_N_STATUSES ? selected : NST_ROADMAP_STATUS_PLANNED;
}

/* ---- the item's fields ---------------------------------------------------- */

static void
read_form (NstRoadmapItemEditor *self,
           NstRoadmapItem       *item)
{
  g_autofree char *content = row_text (self->content_row);
  g_autofree char *schedule = row_text (self->schedule_row);
  g_autofree char *result = row_text (self->result_row);
  g_autofree char *indicator = row_text (self->indicator_row);
  g_autofree char *target = row_text (self->target_row);
  g_autofree char *value = row_text (self->value_row);
  g_autofree char *roles = row_text (self->roles_row);
  NstRoadmapStatus status = selected_status (self);

  g_object_freeze_notify (G_OBJECT (item));
  nst_roadmap_item_set_content (item, content);
  /* The schedule first: a dated one sets the dates, which the rows mirror. */
  nst_roadmap_item_set_schedule (item, schedule);
  nst_roadmap_item_set_starts_on (item, row_date (self->starts_row));
  nst_roadmap_item_set_ends_on (item, row_date (self->ends_row));
  nst_roadmap_item_set_expected_result (item, result);
  nst_roadmap_item_set_indicator (item, indicator);
  nst_roadmap_item_set_indicator_target (item, target);
  nst_roadmap_item_set_indicator_value (item, value);
  nst_roadmap_item_set_indicator_on (item, row_date (self->measured_row));
  nst_roadmap_item_set_responsible (item, roles);
  nst_roadmap_item_set_responsible_ids (item, (const gint64 *) self->people->data, self->people->len);
  nst_roadmap_item_set_status (item, status);
  nst_roadmap_item_set_done_on (item, status == NST_ROADMAP_STATUS_DONE ? row_date (self->done_row) : "");
  g_object_thaw_notify (G_OBJECT (item));
}

static void
load_item (NstRoadmapItemEditor *self,
           NstRoadmapItem       *item)
{
  guint n_ids;
  const gint64 *ids = nst_roadmap_item_get_responsible_ids (item, &n_ids);

  set_row_text (self->content_row, nst_roadmap_item_get_content (item));
  set_row_text (self->schedule_row, nst_roadmap_item_get_schedule (item));
  set_row_text (self->starts_row, nst_roadmap_item_get_starts_on (item));
  set_row_text (self->ends_row, nst_roadmap_item_get_ends_on (item));
  set_row_text (self->result_row, nst_roadmap_item_get_expected_result (item));
  set_row_text (self->indicator_row, nst_roadmap_item_get_indicator (item));
  set_row_text (self->target_row, nst_roadmap_item_get_indicator_target (item));
  set_row_text (self->value_row, nst_roadmap_item_get_indicator_value (item));
  set_row_text (self->measured_row, nst_roadmap_item_get_indicator_on (item));
  set_row_text (self->roles_row, nst_roadmap_item_get_responsible (item));
  set_row_text (self->done_row, nst_roadmap_item_get_done_on (item));
  adw_combo_row_set_selected (self->status_row, nst_roadmap_item_get_status (item));
  g_array_set_size (self->people, 0);
  g_array_append_vals (self->people, ids, n_ids);
}

static char *
field_problem (NstRoadmapItemEditor *self,
               NstRoadmapItemField   field)
{
  GtkWidget *row = self->checks[field].row;

  if (field == NST_ROADMAP_ITEM_FIELD_DATES &&
      (!nst_date_row_get_valid (NST_DATE_ROW (self->starts_row)) ||
       !nst_date_row_get_valid (NST_DATE_ROW (self->ends_row))))
    return g_strdup (date_format_problem ());
  if (NST_IS_DATE_ROW (row) && !nst_date_row_get_valid (NST_DATE_ROW (row)))
    return g_strdup (date_format_problem ());
  return nst_roadmap_item_check_field (self->working, field, &self->today);
}

/* ---- the schedule ----------------------------------------------------------- */

static char *
schedule_hint (NstRoadmapItemEditor *self,
               const NstSchedule    *schedule,
               const GError         *error)
{
  GDate start, due;

  if (error != NULL && !g_error_matches (error, NST_SCHEDULE_ERROR, NST_SCHEDULE_ERROR_UNKNOWN))
    return NULL;  /* said in red under the row */
  if (error != NULL)
    return g_strdup (_("The program does not read this schedule and keeps it as written: "
                       "enter the dates below to place the item on the chart."));
  if (schedule == NULL)
    return g_strdup (_("No schedule yet: write one, or enter the dates below."));
  if (nst_schedule_get_dates (schedule, &start, &due))
    {
      g_autofree char *span = format_span (&start, &due);

      /* Translators: how the program reads a schedule, «Понятно: до 25.10.2025» */
      return g_strdup_printf (_("Read as: %s"), span);
    }
  if (nst_schedule_get_kind (schedule) == NST_SCHEDULE_THROUGHOUT)
    return g_strdup (_("Read as: the whole period of the roadmap, or the dates below."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Read as a rule: %u time within the period; mark it below.",
                                       "Read as a rule: %u times within the period; mark each below.",
                                       self->occurrences->len),
                          self->occurrences->len);
}

/* A dated schedule («до 25.10.2025») gives the dates: the rows show them
 * and wait; otherwise they are the item's own dates or bound its rule. */
static void
sync_dates_with_schedule (NstRoadmapItemEditor *self)
{
  g_autofree char *text = row_text (self->schedule_row);
  g_autoptr(NstSchedule) schedule = *text ? nst_schedule_parse (text, NULL) : NULL;
  gboolean was_loading = self->loading;
  GDate start, due;
  gboolean dated = schedule != NULL && nst_schedule_get_dates (schedule, &start, &due);

  /* Leaving a dated schedule for a rule must not bound the rule to the
   * old deadline. */
  if (dated || self->dates_from_schedule)
    {
      self->loading = TRUE;
      set_row_date (self->starts_row, dated ? &start : NULL);
      set_row_date (self->ends_row, dated ? &due : NULL);
      self->loading = was_loading;
    }
  self->dates_from_schedule = dated;
  gtk_widget_set_sensitive (self->starts_row, !dated);
  gtk_widget_set_sensitive (self->ends_row, !dated);
}

static void
update_schedule_hint (NstRoadmapItemEditor *self)
{
  g_autofree char *text = row_text (self->schedule_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(NstSchedule) schedule = *text ? nst_schedule_parse (text, &error) : NULL;
  g_autofree char *hint = schedule_hint (self, schedule, error);

  gtk_label_set_text (self->schedule_hint, hint ? hint : "");
  gtk_widget_set_visible (self->schedule_hint_row, hint != NULL);
}

static void
build_schedule_hint (NstRoadmapItemEditor *self)
{
  GtkWidget *list = gtk_widget_get_parent (self->schedule_row);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  self->schedule_hint = GTK_LABEL (label);
  self->schedule_hint_row = gtk_list_box_row_new ();
  gtk_widget_set_name (self->schedule_hint_row, "schedule-hint");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->schedule_hint_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->schedule_hint_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self->schedule_hint_row), FALSE);
  /* After the schedule's own error message, which is placed first. */
  gtk_list_box_insert (GTK_LIST_BOX (list), self->schedule_hint_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->schedule_row)) + 2);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->schedule_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
}

/* ---- occurrences of a rule --------------------------------------------------- */

static NstRoadmapStatus
mark_status (OccurrenceRows *c)
{
  switch (adw_combo_row_get_selected (c->mark))
    {
    case MARK_DONE: return NST_ROADMAP_STATUS_DONE;
    case MARK_CANCELLED: return NST_ROADMAP_STATUS_CANCELLED;
    default: return NST_ROADMAP_STATUS_PLANNED;
    }
}

static char *
occurrence_problem (OccurrenceRows *c,
                    const GDate    *today)
{
  GDate done_on;

  if (mark_status (c) != NST_ROADMAP_STATUS_DONE)
    return NULL;
  if (!nst_date_row_get_valid (c->done_on))
    return g_strdup (date_format_problem ());
  if (!nst_date_parse_iso (nst_date_row_get_iso_date (c->done_on), &done_on))
    return g_strdup (_("Enter the date it was done"));
  if (g_date_compare (&done_on, today) > 0)
    return g_strdup (_("The date it was done cannot be in the future"));
  return NULL;
}

/* The mark goes into the working item, which keeps it by due date even
 * while the rule is being retyped. */
static void
store_mark (OccurrenceRows *c)
{
  NstRoadmapItemEditor *self = c->editor;
  NstRoadmapStatus status = mark_status (c);
  GDate done_on;
  gboolean has_date = nst_date_parse_iso (nst_date_row_get_iso_date (c->done_on), &done_on);

  nst_roadmap_item_set_record (self->working, &c->due, status,
                               status == NST_ROADMAP_STATUS_DONE && has_date ? &done_on : NULL);
}

static void
update_occurrence_subtitle (NstRoadmapItemEditor       *self,
                            OccurrenceRows             *c,
                            const NstRoadmapOccurrence *occurrence)
{
  g_autofree char *state = capitalize (nst_deadline_state_label (
                             nst_roadmap_occurrence_get_state (occurrence, &self->status_date)));
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (occurrence->status == NST_ROADMAP_STATUS_DONE && g_date_valid (&occurrence->done_on))
    {
      g_autofree char *done_on = nst_date_format_ru (&occurrence->done_on);

      /* Translators: an occurrence's state and the day it was done, «Выполнено 20.10.2025» */
      text = g_strdup_printf (_("%s on %s"), state, done_on);
    }
  escaped = g_markup_escape_text (text ? text : state, -1);
  adw_expander_row_set_subtitle (c->expander, escaped);
}

static void
occurrence_changed_cb (OccurrenceRows *c)
{
  NstRoadmapItemEditor *self = c->editor;

  if (self->loading)
    return;
  c->touched = TRUE;
  if (mark_status (c) == NST_ROADMAP_STATUS_DONE && *nst_date_row_get_iso_date (c->done_on) == '\0' &&
      *gtk_editable_get_text (GTK_EDITABLE (c->done_on)) == '\0')
    {
      GDate day = g_date_compare (&c->due, &self->today) < 0 ? c->due : self->today;

      self->loading = TRUE;
      set_row_date (GTK_WIDGET (c->done_on), &day);
      self->loading = FALSE;
    }
  store_mark (c);
  validate (self);
}

static void
occurrence_rows_free (OccurrenceRows *c)
{
  g_signal_handlers_disconnect_by_data (c->mark, c);
  g_signal_handlers_disconnect_by_data (c->done_on, c);
  adw_preferences_group_remove (c->editor->occurrences_group, GTK_WIDGET (c->expander));
  g_free (c);
}

static OccurrenceRows *
occurrence_rows_new (NstRoadmapItemEditor       *self,
                     const NstRoadmapOccurrence *occurrence)
{
  g_autoptr(GtkStringList) marks = gtk_string_list_new ((const char *[]) {
    C_("occurrence", "Not marked"), C_("occurrence", "Done"), C_("occurrence", "Cancelled"), NULL });
  OccurrenceRows *c = g_new0 (OccurrenceRows, 1);
  g_autofree char *span = format_span (&occurrence->start, &occurrence->due);

  c->editor = self;
  c->start = occurrence->start;
  c->due = occurrence->due;
  c->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  gtk_widget_set_name (GTK_WIDGET (c->expander), "occurrence");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (c->expander), span);
  c->mark = ADW_COMBO_ROW (g_object_new (ADW_TYPE_COMBO_ROW, "title", _("Mark"),
                                         "name", "occurrence-mark", NULL));
  adw_combo_row_set_model (c->mark, G_LIST_MODEL (marks));
  c->done_on = NST_DATE_ROW (g_object_new (NST_TYPE_DATE_ROW, "title", _("Done on"),
                                           "name", "occurrence-done-on", NULL));
  nst_row_message_init (&c->message, GTK_WIDGET (c->done_on));
  adw_expander_row_add_row (c->expander, GTK_WIDGET (c->mark));
  adw_expander_row_add_row (c->expander, GTK_WIDGET (c->done_on));
  adw_expander_row_add_row (c->expander, c->message.message_row);

  adw_combo_row_set_selected (c->mark, occurrence->status == NST_ROADMAP_STATUS_DONE ? MARK_DONE
                                       : occurrence->status == NST_ROADMAP_STATUS_CANCELLED ? MARK_CANCELLED
                                       : MARK_NONE);
  set_row_date (GTK_WIDGET (c->done_on), g_date_valid (&occurrence->done_on) ? &occurrence->done_on : NULL);
  g_signal_connect_swapped (c->mark, "notify::selected", G_CALLBACK (occurrence_changed_cb), c);
  g_signal_connect_swapped (c->done_on, "changed", G_CALLBACK (occurrence_changed_cb), c);
  adw_preferences_group_add (self->occurrences_group, GTK_WIDGET (c->expander));
  return c;
}

static gboolean
same_occurrences (NstRoadmapItemEditor *self,
                  GArray               *list)
{
  if (list->len != self->occurrences->len)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      OccurrenceRows *c = g_ptr_array_index (self->occurrences, i);
      NstRoadmapOccurrence *o = &g_array_index (list, NstRoadmapOccurrence, i);

      if (g_date_compare (&c->due, &o->due) != 0 || g_date_compare (&c->start, &o->start) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The occurrences of the rule as typed; rows stay while the dates do. */
static void
update_occurrences (NstRoadmapItemEditor *self)
{
  g_autoptr(GArray) list = NULL;
  gboolean was_loading = self->loading;

  if (nst_roadmap_item_get_timing (self->working) == NST_ROADMAP_TIMING_RECURRING)
    list = nst_roadmap_dup_item_occurrences (self->roadmap, self->working,
                                             nst_store_quarters_func, self->store);
  else
    list = g_array_new (FALSE, FALSE, sizeof (NstRoadmapOccurrence));
  if (!same_occurrences (self, list))
    {
      self->loading = TRUE;
      g_ptr_array_set_size (self->occurrences, 0);
      for (guint i = 0; i < list->len; i++)
        g_ptr_array_add (self->occurrences,
                         occurrence_rows_new (self, &g_array_index (list, NstRoadmapOccurrence, i)));
      self->loading = was_loading;
    }
  for (guint i = 0; i < list->len; i++)
    update_occurrence_subtitle (self, g_ptr_array_index (self->occurrences, i),
                                &g_array_index (list, NstRoadmapOccurrence, i));
  gtk_widget_set_visible (GTK_WIDGET (self->occurrences_group), list->len > 0);
}

/* ---- the people responsible ------------------------------------------------- */

static void rebuild_people_rows (NstRoadmapItemEditor *self);

static void
remove_person_clicked_cb (GtkWidget            *button,
                          NstRoadmapItemEditor *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "nst-id");

  for (guint i = 0; i < self->people->len; i++)
    if (g_array_index (self->people, gint64, i) == id)
      {
        g_array_remove_index (self->people, i);
        break;
      }
  gtk_widget_grab_focus (GTK_WIDGET (self->person_drop_down));
  rebuild_people_rows (self);
  validate (self);
}

static GtkWidget *
person_row_new (NstRoadmapItemEditor *self,
                gint64                id)
{
  const char *known = g_hash_table_lookup (self->names, &id);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* The number goes in through %s: xgettext cannot see a G_GINT64_FORMAT. */
  g_autofree char *fallback = g_strdup_printf (_("Participant No. %s"), number);
  const char *name = known ? known : fallback;
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s from those responsible"), name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_set_name (row, "person");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove from those responsible"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_object_set_data_full (G_OBJECT (button), "nst-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_person_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
rebuild_people_rows (NstRoadmapItemEditor *self)
{
  for (guint i = 0; i < self->person_rows->len; i++)
    adw_preferences_group_remove (self->people_group, g_ptr_array_index (self->person_rows, i));
  g_ptr_array_set_size (self->person_rows, 0);
  for (guint i = 0; i < self->people->len; i++)
    {
      GtkWidget *row = person_row_new (self, g_array_index (self->people, gint64, i));

      adw_preferences_group_add (self->people_group, row);
      g_ptr_array_add (self->person_rows, row);
    }
}

static void
add_person_clicked_cb (NstRoadmapItemEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->person_drop_down);
  gint64 id;

  if (selected >= self->candidates->len)
    return;
  id = g_array_index (self->candidates, gint64, selected);
  for (guint i = 0; i < self->people->len; i++)
    if (g_array_index (self->people, gint64, i) == id)
      return;
  g_array_append_val (self->people, id);
  rebuild_people_rows (self);
  validate (self);
}

static void
setup_person_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_person_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkStringObject *string = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (string));
}

/* Staff who can answer for an item: everyone current but the students. */
static void
load_candidates (NstRoadmapItemEditor *self)
{
  g_autoptr(GListStore) people = nst_store_list_participants (self->store, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  guint n = people ? g_list_model_get_n_items (G_LIST_MODEL (people)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (G_LIST_MODEL (people), i);
      g_autofree char *full_name = nst_participant_dup_full_name (p);
      const char *post = nst_participant_get_post (p);
      gint64 id = nst_participant_get_id (p);
      char *name = *post ? g_strdup_printf ("%s, %s", full_name, post) : g_strdup (full_name);

      g_hash_table_insert (self->names, g_memdup2 (&id, sizeof id), name);
      if (nst_participant_get_archived (p) || nst_participant_get_category (p) == NST_CATEGORY_STUDENT)
        continue;
      gtk_string_list_append (names, name);
      g_array_append_val (self->candidates, id);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_person_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_person_cb), NULL);
  gtk_drop_down_set_factory (self->person_drop_down, factory);
  gtk_drop_down_set_expression (self->person_drop_down,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_model (self->person_drop_down, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (GTK_WIDGET (self->person_drop_down), self->candidates->len > 0);
  gtk_widget_set_sensitive (self->add_person_button, self->candidates->len > 0);
}

/* ---- the whole form ------------------------------------------------------------ */

/* Checks every field, says under each row what is wrong, and enables
 * «Save» only for a form that can be saved. */
static gboolean
validate (NstRoadmapItemEditor *self)
{
  gboolean valid = TRUE;

  sync_dates_with_schedule (self);
  read_form (self, self->working);
  update_occurrences (self);
  update_schedule_hint (self);
  gtk_widget_set_visible (self->done_row, selected_status (self) == NST_ROADMAP_STATUS_DONE);
  for (NstRoadmapItemField f = 0; f < NST_ROADMAP_ITEM_N_CHECKED_FIELDS; f++)
    {
      g_autofree char *problem = field_problem (self, f);

      nst_row_message_show (&self->checks[f], problem, self->show_all || self->touched[f]);
      valid &= problem == NULL;
    }
  for (guint i = 0; i < self->occurrences->len; i++)
    {
      OccurrenceRows *c = g_ptr_array_index (self->occurrences, i);
      g_autofree char *problem = occurrence_problem (c, &self->today);

      nst_row_message_show (&c->message, problem, self->show_all || c->touched);
      valid &= problem == NULL;
    }
  nst_form_window_set_can_save (NST_FORM_WINDOW (self), valid);
  return valid;
}

/* After a refused save: open what hides a problem and go to the first. */
static void
reveal_problems (NstRoadmapItemEditor *self)
{
  GtkWidget *first = NULL;

  for (NstRoadmapItemField f = 0; f < NST_ROADMAP_ITEM_N_CHECKED_FIELDS && first == NULL; f++)
    if (self->checks[f].shown)
      first = self->checks[f].row;
  for (guint i = 0; i < self->occurrences->len; i++)
    {
      OccurrenceRows *c = g_ptr_array_index (self->occurrences, i);

      if (c->message.shown)
        {
          adw_expander_row_set_expanded (c->expander, TRUE);
          if (first == NULL)
            first = GTK_WIDGET (c->done_on);
        }
    }
  if (first != NULL)
    gtk_widget_grab_focus (first);
  nst_form_window_show_problems (NST_FORM_WINDOW (self));
}

static void
text_changed_cb (GtkWidget            *row,
                 NstRoadmapItemEditor *self)
{
  if (self->loading)
    return;
  for (NstRoadmapItemField f = 0; f < NST_ROADMAP_ITEM_N_CHECKED_FIELDS; f++)
    if (self->checks[f].row == row)
      self->touched[f] = TRUE;
  if (row == self->starts_row)
    self->touched[NST_ROADMAP_ITEM_FIELD_DATES] = TRUE;
  validate (self);
}

static void
form_changed_cb (NstRoadmapItemEditor *self)
{
  if (!self->loading)
    validate (self);
}

static void
status_changed_cb (NstRoadmapItemEditor *self)
{
  if (self->loading)
    return;
  /* Done today, unless the user says otherwise. */
  if (selected_status (self) == NST_ROADMAP_STATUS_DONE &&
      *gtk_editable_get_text (GTK_EDITABLE (self->done_row)) == '\0')
    {
      self->loading = TRUE;
      set_row_date (self->done_row, &self->today);
      self->loading = FALSE;
    }
  validate (self);
}

/* ---- saving ------------------------------------------------------------------------ */

/* The marks the form wants, for the occurrences the rule has now. */
static GArray *
wanted_records (NstRoadmapItemEditor *self)
{
  GArray *wanted = g_array_new (FALSE, TRUE, sizeof (NstRoadmapOccurrence));

  for (guint i = 0; i < self->occurrences->len; i++)
    {
      OccurrenceRows *c = g_ptr_array_index (self->occurrences, i);
      NstRoadmapOccurrence record = { 0 };

      record.status = mark_status (c);
      if (record.status == NST_ROADMAP_STATUS_PLANNED)
        continue;
      record.start = record.due = c->due;
      g_date_clear (&record.done_on, 1);
      if (record.status == NST_ROADMAP_STATUS_DONE)
        nst_date_parse_iso (nst_date_row_get_iso_date (c->done_on), &record.done_on);
      g_array_append_val (wanted, record);
    }
  return wanted;
}

static gboolean
same_record (const NstRoadmapOccurrence *a,
             const NstRoadmapOccurrence *b)
{
  if (a->status != b->status)
    return FALSE;
  if (a->status != NST_ROADMAP_STATUS_DONE)
    return TRUE;
  return g_date_valid (&a->done_on) == g_date_valid (&b->done_on) &&
         (!g_date_valid (&a->done_on) || g_date_compare (&a->done_on, &b->done_on) == 0);
}

static const NstRoadmapOccurrence *
find_record (GArray      *records,
             const GDate *due)
{
  for (guint i = 0; i < records->len; i++)
    if (g_date_compare (&g_array_index (records, NstRoadmapOccurrence, i).due, due) == 0)
      return &g_array_index (records, NstRoadmapOccurrence, i);
  return NULL;
}

/* Saves the marks that differ from the item's: new ones, changed ones,
 * and those taken off. */
static gboolean
save_records (NstRoadmapItemEditor  *self,
              NstRoadmapItem        *item,
              GError               **error)
{
  g_autoptr(GArray) wanted = wanted_records (self);
  g_autoptr(GArray) current = g_array_copy (nst_roadmap_item_get_records (item));

  if (nst_roadmap_item_get_timing (item) != NST_ROADMAP_TIMING_RECURRING)
    return TRUE;
  for (guint i = 0; i < current->len; i++)
    {
      NstRoadmapOccurrence *now = &g_array_index (current, NstRoadmapOccurrence, i);

      if (find_record (wanted, &now->due) == NULL &&
          !nst_store_set_roadmap_occurrence_status (self->store, item, &now->due,
                                                    NST_ROADMAP_STATUS_PLANNED, NULL, error))
        return FALSE;
    }
  for (guint i = 0; i < wanted->len; i++)
    {
      NstRoadmapOccurrence *want = &g_array_index (wanted, NstRoadmapOccurrence, i);
      const NstRoadmapOccurrence *now = find_record (current, &want->due);

      if ((now == NULL || !same_record (now, want)) &&
          !nst_store_set_roadmap_occurrence_status (self->store, item, &want->due, want->status,
                                                    g_date_valid (&want->done_on) ? &want->done_on : NULL,
                                                    error))
        return FALSE;
    }
  return TRUE;
}

/* Puts the item in memory back as it was after a failed save. */
static void
restore_item (NstRoadmapItemEditor *self)
{
  GArray *records = nst_roadmap_item_get_records (self->before);

  nst_roadmap_item_assign (self->item, self->before);
  nst_roadmap_item_clear_records (self->item);
  for (guint i = 0; i < records->len; i++)
    {
      NstRoadmapOccurrence *r = &g_array_index (records, NstRoadmapOccurrence, i);

      nst_roadmap_item_set_record (self->item, &r->due, r->status,
                                   g_date_valid (&r->done_on) ? &r->done_on : NULL);
    }
}

static gboolean
save_existing (NstRoadmapItemEditor  *self,
               GError               **error)
{
  g_autoptr(NstRoadmapItem) values = nst_roadmap_item_copy (self->item);
  NstRoadmapSection *section = selected_section (self);
  gboolean moves = nst_roadmap_item_get_section_id (self->item) != nst_roadmap_section_get_id (section);
  gboolean ok;

  read_form (self, values);
  if (!nst_store_begin (self->store, error))
    return FALSE;
  ok = nst_store_update_roadmap_item (self->store, self->item, values, error) &&
       save_records (self, self->item, error) &&
       (!moves || nst_store_move_roadmap_item (self->store, self->roadmap, self->item, section,
                                               nst_roadmap_section_get_n_items (section), error)) &&
       nst_store_commit (self->store, error);
  if (!ok)
    {
      nst_store_rollback (self->store);
      restore_item (self);
    }
  return ok;
}

static gboolean
save_new (NstRoadmapItemEditor  *self,
          NstRoadmapItem        *item,
          GError               **error)
{
  g_autoptr(GArray) wanted = wanted_records (self);
  NstRoadmapSection *section = selected_section (self);
  guint position = section == self->section ? self->position : nst_roadmap_section_get_n_items (section);

  read_form (self, item);
  for (guint i = 0; i < wanted->len; i++)
    {
      NstRoadmapOccurrence *r = &g_array_index (wanted, NstRoadmapOccurrence, i);

      nst_roadmap_item_set_record (item, &r->due, r->status,
                                   g_date_valid (&r->done_on) ? &r->done_on : NULL);
    }
  return nst_store_add_roadmap_item (self->store, section, item, position, error);
}

static char *
nst_roadmap_item_editor_dup_state (NstFormWindow *window)
{
  NstRoadmapItemEditor *self = NST_ROADMAP_ITEM_EDITOR (window);
  GString *state = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    g_string_append_printf (state, "%s\x1f",
                            gtk_editable_get_text (GTK_EDITABLE (ROW_AT (self, text_rows[i].offset))));
  g_string_append_printf (state, "%u %u\x1e", adw_combo_row_get_selected (self->section_row),
                          adw_combo_row_get_selected (self->status_row));
  for (guint i = 0; i < self->people->len; i++)
    g_string_append_printf (state, "%" G_GINT64_FORMAT " ", g_array_index (self->people, gint64, i));
  for (guint i = 0; i < self->occurrences->len; i++)
    {
      OccurrenceRows *c = g_ptr_array_index (self->occurrences, i);

      g_string_append_printf (state, "\x1e%u %u\x1f%s", g_date_get_julian (&c->due),
                              adw_combo_row_get_selected (c->mark),
                              gtk_editable_get_text (GTK_EDITABLE (c->done_on)));
    }
  return g_string_free (state, FALSE);
}

static gboolean
nst_roadmap_item_editor_save (NstFormWindow *window)
{
  NstRoadmapItemEditor *self = NST_ROADMAP_ITEM_EDITOR (window);
  g_autoptr(NstRoadmapItem) created = NULL;
  g_autoptr(GError) error = NULL;

  self->show_all = TRUE;
  if (!validate (self))
    {
      reveal_problems (self);
      return FALSE;
    }
  if (self->item != NULL)
    {
      if (!save_existing (self, &error))
        {
          nst_form_window_show_error (window, _("Could not save the item"), error);
          return FALSE;
        }
      g_signal_emit (self, signals[SAVED], 0, self->item, self->before);
      return TRUE;
    }
  /* A fresh object each time: a failed save leaves nothing behind. */
  created = nst_roadmap_item_new ();
  if (!save_new (self, created, &error))
    {
      nst_form_window_show_error (window, _("Could not add the item"), error);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, created, NULL);
  return TRUE;
}

/* ---- object ---------------------------------------------------------------------------- */

static void
nst_roadmap_item_editor_dispose (GObject *object)
{
  NstRoadmapItemEditor *self = NST_ROADMAP_ITEM_EDITOR (object);

  /* Rows being torn down may still signal: ignore them. */
  self->loading = TRUE;
  if (self->occurrences != NULL)
    g_ptr_array_set_size (self->occurrences, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_ROADMAP_ITEM_EDITOR);
  G_OBJECT_CLASS (nst_roadmap_item_editor_parent_class)->dispose (object);
}

static void
nst_roadmap_item_editor_finalize (GObject *object)
{
  NstRoadmapItemEditor *self = NST_ROADMAP_ITEM_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->roadmap);
  g_clear_object (&self->item);
  g_clear_object (&self->before);
  g_clear_object (&self->working);
  g_clear_object (&self->section);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->candidates, g_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->person_rows, g_ptr_array_unref);
  g_clear_pointer (&self->occurrences, g_ptr_array_unref);
  G_OBJECT_CLASS (nst_roadmap_item_editor_parent_class)->finalize (object);
}

static void
nst_roadmap_item_editor_class_init (NstRoadmapItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NstFormWindowClass *form_class = NST_FORM_WINDOW_CLASS (klass);

  object_class->dispose = nst_roadmap_item_editor_dispose;
  object_class->finalize = nst_roadmap_item_editor_finalize;
  form_class->dup_state = nst_roadmap_item_editor_dup_state;
  form_class->save = nst_roadmap_item_editor_save;

  /**
   * NstRoadmapItemEditor::saved:
   * @item: the item as saved, in the roadmap
   * @before: (nullable): a copy of it as it was; %NULL for a new item
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 NST_TYPE_ROADMAP_ITEM, NST_TYPE_ROADMAP_ITEM);

  g_type_ensure (NST_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/nastavnik/Nastavnik/roadmap/nst-roadmap-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, section_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, content_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, ends_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, result_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, target_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, value_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, measured_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, people_group);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, person_drop_down);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, add_person_button);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, roles_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, done_row);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapItemEditor, occurrences_group);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_person_clicked_cb);
}

static void
fill_choices (NstRoadmapItemEditor *self)
{
  g_autoptr(GtkStringList) sections = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  for (guint i = 0; i < nst_roadmap_get_n_sections (self->roadmap); i++)
    gtk_string_list_append (sections, nst_roadmap_section_get_title (nst_roadmap_get_section (self->roadmap, i)));
  for (guint i = 0; i < NST_ROADMAP_N_STATUSES; i++)
    {
      g_autofree char *label = capitalize (nst_roadmap_status_label (i));

      gtk_string_list_append (statuses, label);
    }
  adw_combo_row_set_model (self->section_row, G_LIST_MODEL (sections));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
}

static void
nst_roadmap_item_editor_init (NstRoadmapItemEditor *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  nst_form_window_set_toast_overlay (NST_FORM_WINDOW (self), self->toast_overlay);
  nst_form_window_set_discard_body (NST_FORM_WINDOW (self),
                                    _("The changes to this roadmap item have not been saved."));

  self->working = nst_roadmap_item_new ();
  self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->person_rows = g_ptr_array_new ();
  self->occurrences = g_ptr_array_new_with_free_func ((GDestroyNotify) occurrence_rows_free);
  nst_date_today (&self->today);

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    {
      GtkWidget *row = ROW_AT (self, text_rows[i].offset);

      gtk_widget_set_name (row, text_rows[i].name);
      g_signal_connect_object (row, "changed", G_CALLBACK (text_changed_cb), self, 0);
    }
  for (NstRoadmapItemField f = 0; f < NST_ROADMAP_ITEM_N_CHECKED_FIELDS; f++)
    {
      nst_row_message_init (&self->checks[f], ROW_AT (self, checked_rows[f]));
      nst_row_message_place (&self->checks[f]);
    }
  build_schedule_hint (self);
  gtk_widget_set_name (GTK_WIDGET (self->section_row), "section");
  gtk_widget_set_name (GTK_WIDGET (self->status_row), "status");
  gtk_widget_set_name (self->save_button, "save");
}

/**
 * nst_roadmap_item_editor_new:
 * @parent: (nullable): the window the editor is modal to
 * @item: (nullable): the item to edit, in @roadmap; %NULL for a new one
 * @section: the section a new item goes to (the user may choose another)
 * @position: its place there
 * @status_date: the day the occurrences' states are shown for
 *
 * Returns: (transfer none): the editor, not yet shown
 */
NstRoadmapItemEditor *
nst_roadmap_item_editor_new (GtkWindow         *parent,
                             NstStore          *store,
                             NstRoadmap        *roadmap,
                             NstRoadmapItem    *item,
                             NstRoadmapSection *section,
                             guint              position,
                             const GDate       *status_date)
{
  NstRoadmapItemEditor *self;
  guint section_index = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NST_IS_STORE (store), NULL);
  g_return_val_if_fail (NST_IS_ROADMAP (roadmap), NULL);
  g_return_val_if_fail (NST_IS_ROADMAP_SECTION (section), NULL);

  self = g_object_new (NST_TYPE_ROADMAP_ITEM_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->roadmap = g_object_ref (roadmap);
  self->section = g_object_ref (section);
  self->position = position;
  self->status_date = *status_date;
  fill_choices (self);
  load_candidates (self);
  for (guint i = 0; i < nst_roadmap_get_n_sections (roadmap); i++)
    if (nst_roadmap_get_section (roadmap, i) == section)
      section_index = i;
  adw_combo_row_set_selected (self->section_row, section_index);
  if (item != NULL)
    {
      self->item = g_object_ref (item);
      self->before = nst_roadmap_item_copy (item);
      g_object_unref (self->working);
      self->working = nst_roadmap_item_copy (item);
      self->show_all = TRUE;
      gtk_window_set_title (GTK_WINDOW (self), _("Roadmap item"));
      adw_window_title_set_title (self->window_title, _("Roadmap item"));
      adw_window_title_set_subtitle (self->window_title, nst_roadmap_section_get_title (section));
      load_item (self, item);
    }
  rebuild_people_rows (self);
  validate (self);
  nst_form_window_mark_saved_state (NST_FORM_WINDOW (self));
  self->loading = FALSE;
  gtk_widget_grab_focus (self->content_row);
  return self;
}
