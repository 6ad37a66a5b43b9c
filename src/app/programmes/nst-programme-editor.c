/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-programme-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "schedule/nst-date.h"
#include "widgets/nst-date-row.h"
#include "programmes/nst-new-programme-dialog.h"
#include "widgets/nst-pair-dialogs.h"
#include "programmes/nst-plan-row.h"
#include "programmes/nst-programme-editor.h"
#include "widgets/nst-row-message.h"
#include "widgets/nst-status-badge.h"
#include "store/nst-store-groups.h"

typedef enum
{
  TEXT_REQUEST,
  TEXT_GOAL,
  TEXT_TASKS,
  TEXT_EXPECTED,
  TEXT_RESULT,
  N_TEXTS
} Text;

/* The programme's properties the text areas edit; also their names. */
static const char *const text_properties[N_TEXTS] = {
  "request", "goal", "tasks", "expected-result", "result",
};

enum { CHECK_TITLE, CHECK_STARTS_ON, CHECK_ENDS_ON, N_CHECKS };

struct _NstProgrammeEditor
{
  NstFormWindow parent_instance;

  NstStore *store;
  NstProgramme *programme;   /* the form as it stands, with its plan */
  NstProgramme *saved;       /* as stored; NULL while new */
  GPtrArray *plan_rows;      /* NstPlanRow, in the plan's order */
  GPtrArray *people_rows;
  GPtrArray *history_rows;
  GtkTextView *texts[N_TEXTS];
  GtkWidget *status_pill;
  GtkWidget *overdue_badge;
  NstRowMessage checks[N_CHECKS];
  gboolean touched[N_CHECKS];
  gboolean loading;
  gboolean show_all;
  guint expand_source;
  GDate today;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkWidget *template_button;
  AdwToastOverlay *toast_overlay;
  GtkWidget *progress_group;
  AdwActionRow *status_row;
  AdwActionRow *progress_row;
  GtkProgressBar *progress_bar;
  GtkWidget *lifecycle_box;
  GtkWidget *start_button;
  GtkWidget *end_button;
  GtkWidget *draft_button;
  GtkWidget *main_group;
  GtkWidget *title_row;
  AdwActionRow *year_row;
  AdwActionRow *form_row;
  GtkWidget *starts_row;
  GtkWidget *ends_row;
  AdwPreferencesGroup *people_group;
  AdwPreferencesGroup *content_group;
  GtkWidget *plan_group;
  GtkListBox *plan_list;
  GtkWidget *plan_message;
  GtkWidget *add_item_button;
  GtkWidget *history_group;
  AdwExpanderRow *history_row;
};

G_DEFINE_FINAL_TYPE (NstProgrammeEditor, nst_programme_editor, NST_TYPE_FORM_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean validate (NstProgrammeEditor *self);
static void render_plan (NstProgrammeEditor *self);

/* ---- helpers ----------------------------------------------------------- */

static gboolean
is_ended (NstProgrammeEditor *self)
{
  return nst_programme_get_status (self->programme) >= NST_PROGRAMME_STATUS_FINISHED;
}

static void
show_error (NstProgrammeEditor *self,
            const char         *heading,
            const GError       *error)
{
  nst_form_window_show_error (NST_FORM_WINDOW (self), heading, error);
}

static void
show_toast (NstProgrammeEditor *self,
            const char         *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
today_iso (NstProgrammeEditor *self)
{
  return nst_date_format_iso (&self->today);
}

/* ---- the people ------------------------------------------------------------- */

static char *
years_phrase (const char  *since,
              const GDate *today,
              const char  *(*format) (int))
{
  int years = nst_date_years_since_iso (since, today);

  return years < 0 ? NULL : g_strdup_printf (format (years), years);
}

static const char *
teaching_format (int years)
{
  /* Translators: «педагогический стаж 12 лет» */
  return g_dngettext (GETTEXT_PACKAGE, "teaching experience %d year", "teaching experience %d years", years);
}

static const char *
mentoring_format (int years)
{
  /* Translators: «стаж наставничества 5 лет» */
  return g_dngettext (GETTEXT_PACKAGE, "mentoring experience %d year", "mentoring experience %d years", years);
}

static char *
person_facts (NstParticipant *p,
              const char     *role,
              const GDate    *today)
{
  g_autoptr(GString) text = g_string_new (role);
  g_autofree char *teaching = years_phrase (nst_participant_get_teaching_since (p), today, teaching_format);
  g_autofree char *mentoring = years_phrase (nst_participant_get_mentoring_since (p), today, mentoring_format);
  const char *post = nst_participant_get_post_or_class (p);

  if (*post != '\0')
    g_string_append_printf (text, " · %s", post);
  if (teaching != NULL)
    g_string_append_printf (text, " · %s", teaching);
  if (mentoring != NULL)
    g_string_append_printf (text, " · %s", mentoring);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_person_row (NstProgrammeEditor *self,
                gint64              id,
                const char         *fallback_name,
                const char         *role)
{
  g_autoptr(NstParticipant) p = nst_store_get_participant (self->store, id, NULL);
  g_autofree char *name = p ? nst_participant_dup_full_name (p) : g_strdup (fallback_name);
  g_autofree char *facts = p ? person_facts (p, role, &self->today) : g_strdup (role);
  GtkWidget *row = text_row_new (name, facts);

  gtk_widget_set_name (row, "person");
  adw_preferences_group_add (self->people_group, row);
  g_ptr_array_add (self->people_rows, row);
}

static void
fill_people (NstProgrammeEditor *self,
             NstGroup           *group)
{
  g_autofree char *form = nst_capitalize (nst_group_form_label (nst_group_get_form (group)));
  NstInteractionModel model = nst_group_get_interaction_model (group);
  g_autofree char *form_text = model == NST_INTERACTION_NONE ? g_strdup (form)
    : g_strdup_printf ("%s: %s", form, nst_interaction_model_label (model));

  for (guint i = 0; i < self->people_rows->len; i++)
    adw_preferences_group_remove (self->people_group, g_ptr_array_index (self->people_rows, i));
  g_ptr_array_set_size (self->people_rows, 0);
  add_person_row (self, nst_group_get_mentor_id (group), nst_group_get_mentor_name (group), _("Mentor"));
  for (guint i = 0; i < nst_group_get_n_mentees (group); i++)
    add_person_row (self, nst_group_get_mentee_id (group, i), nst_group_get_mentee_name (group, i), _("Mentee"));
  adw_action_row_set_subtitle (self->form_row, form_text);
}

/* ---- progress, status and history -------------------------------------------- */

static void
update_progress (NstProgrammeEditor *self)
{
  guint done = 0, due = 0, total = 0, overdue = 0;
  g_autofree char *text = NULL;
  g_autofree char *fraction = NULL;

  nst_programme_get_progress (self->programme, &done, &due, &total, &overdue);
  /* Translators: «Выполнено 3 из 5 к сроку; всего в плане 24 даты» */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u done; %u date in the plan in all",
                                       "%u of %u done; %u dates in the plan in all", total),
                          done, due, total);
  adw_action_row_set_subtitle (self->progress_row, text);
  gtk_progress_bar_set_fraction (self->progress_bar, due ? (double) done / due : 0.0);
  fraction = g_strdup_printf (_("%u of %u"), done, due);
  gtk_progress_bar_set_text (self->progress_bar, fraction);
  gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
  gtk_widget_set_visible (self->overdue_badge, overdue > 0);
  if (overdue > 0)
    {
      g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", overdue),
                                               overdue);

      nst_deadline_badge_set (self->overdue_badge, NST_DEADLINE_OVERDUE, late);
    }
}

static char *
status_details (NstProgramme *p)
{
  g_autofree char *ended_on = nst_date_iso_to_ru (nst_programme_get_ended_on (p));
  g_autofree char *reason = nst_capitalize (nst_end_reason_label (nst_programme_get_end_reason (p)));

  if (nst_programme_get_status (p) < NST_PROGRAMME_STATUS_FINISHED)
    return g_strdup (nst_programme_get_status (p) == NST_PROGRAMME_STATUS_DRAFT
                     ? _("Being written: it starts with its pair once the pair is approved")
                     : _("Under way: its plan is corrected or extended with a reason"));
  return g_strdup_printf (_("Ended on %s: %s"), ended_on, reason);
}

static void
update_status (NstProgrammeEditor *self)
{
  NstProgrammeStatus status = nst_programme_get_status (self->programme);
  gboolean ended = is_ended (self);
  g_autofree char *details = status_details (self->programme);

  nst_status_pill_set_programme (self->status_pill, status);
  adw_action_row_set_subtitle (self->status_row, details);
  gtk_widget_set_visible (self->lifecycle_box, self->saved != NULL && !ended);
  gtk_widget_set_visible (self->start_button, status == NST_PROGRAMME_STATUS_DRAFT);
  gtk_widget_set_visible (self->draft_button, status == NST_PROGRAMME_STATUS_ACTIVE);
  gtk_widget_set_visible (self->end_button, status == NST_PROGRAMME_STATUS_ACTIVE);
  gtk_widget_set_visible (self->save_button, !ended);
  gtk_widget_set_visible (self->template_button, !ended);
  gtk_widget_set_visible (self->add_item_button, !ended);
  gtk_widget_set_sensitive (self->main_group, !ended);
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_group), !ended);
  for (guint i = 0; i < self->plan_rows->len; i++)
    nst_plan_row_set_editable (g_ptr_array_index (self->plan_rows, i), !ended);
}

static void
fill_history (NstProgrammeEditor *self)
{
  g_autoptr(GListStore) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint n;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  gtk_widget_set_visible (self->history_group, self->saved != NULL);
  if (self->saved == NULL)
    return;
  if ((history = nst_store_list_programme_history (self->store, nst_programme_get_id (self->saved), &error)) == NULL)
    {
      show_error (self, _("Could not read the history"), error);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (history));
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(NstHistoryEntry) e = g_list_model_get_item (G_LIST_MODEL (history), i);
      g_autofree char *what = nst_history_entry_dup_description (e);
      g_autofree char *day = nst_date_iso_to_ru (nst_history_entry_get_changed_on (e));
      const char *note = nst_history_entry_get_note (e);
      /* Translators: a history line's date and the reason given, «14.11.2025 — по согласию сторон» */
      g_autofree char *subtitle = note && *note ? g_strdup_printf (_("%s — reason: %s"), day, note) : g_strdup (day);
      GtkWidget *row = text_row_new (what, subtitle);

      gtk_widget_set_name (row, "history-entry");
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n), n);
  adw_expander_row_set_subtitle (self->history_row, count);
}

/* ---- the plan ------------------------------------------------------------------ */

static NstPlanItem *
saved_item (NstProgrammeEditor *self,
            gint64              id)
{
  GListModel *items = self->saved ? nst_programme_get_items (self->saved) : NULL;

  for (guint i = 0; id != 0 && items && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);

      if (nst_plan_item_get_id (item) == id)
        return item;  /* @self->saved keeps it */
    }
  return NULL;
}

static gboolean
same_period (NstProgrammeEditor *self)
{
  return self->saved != NULL &&
         g_strcmp0 (nst_programme_get_starts_on (self->saved), nst_programme_get_starts_on (self->programme)) == 0 &&
         g_strcmp0 (nst_programme_get_ends_on (self->saved), nst_programme_get_ends_on (self->programme)) == 0;
}

/* A mark is written at once, so the dates shown must be the stored ones:
 * those of a saved item whose schedule and period are unchanged. */
static gboolean
marks_live (NstProgrammeEditor *self,
            NstPlanItem        *item)
{
  NstPlanItem *stored = saved_item (self, nst_plan_item_get_id (item));

  return stored != NULL && !is_ended (self) && same_period (self) &&
         g_strcmp0 (nst_plan_item_get_schedule (stored), nst_plan_item_get_schedule (item)) == 0;
}

static void
render_plan (NstProgrammeEditor *self)
{
  for (guint i = 0; i < self->plan_rows->len; i++)
    {
      NstPlanRow *row = g_ptr_array_index (self->plan_rows, i);

      nst_plan_row_show_occurrences (row, &self->today, marks_live (self, nst_plan_row_get_item (row)));
    }
  update_progress (self);
}

static void
renumber (NstProgrammeEditor *self)
{
  for (guint i = 0; i < self->plan_rows->len; i++)
    nst_plan_row_set_number (g_ptr_array_index (self->plan_rows, i), i + 1, self->plan_rows->len);
}

static void
read_form (NstProgrammeEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  nst_programme_set_title (self->programme, title);
  nst_programme_set_starts_on (self->programme, nst_date_row_get_iso_date (NST_DATE_ROW (self->starts_row)));
  nst_programme_set_ends_on (self->programme, nst_date_row_get_iso_date (NST_DATE_ROW (self->ends_row)));
  for (Text t = 0; t < N_TEXTS; t++)
    {
      g_autofree char *text = view_text (self->texts[t]);

      g_object_set (self->programme, text_properties[t], g_strstrip (text), NULL);
    }
  for (guint i = 0; i < self->plan_rows->len; i++)
    nst_plan_row_read (g_ptr_array_index (self->plan_rows, i));
}

static gboolean
expand_timeout_cb (gpointer data)
{
  NstProgrammeEditor *self = data;

  self->expand_source = 0;
  read_form (self);
  /* A period that is not yet a period keeps the dates shown. */
  if (nst_store_expand_plan (self->store, self->programme, NULL))
    render_plan (self);
  return G_SOURCE_REMOVE;
}

/* The dates follow the schedule and the period as they are typed. */
static void
queue_expand (NstProgrammeEditor *self)
{
  g_clear_handle_id (&self->expand_source, g_source_remove);
  self->expand_source = g_timeout_add (300, expand_timeout_cb, self);
}

static guint
row_index (NstProgrammeEditor *self,
           NstPlanRow         *row)
{
  guint index = 0;

  g_ptr_array_find (self->plan_rows, row, &index);
  return index;
}

static void
row_changed_cb (NstProgrammeEditor *self)
{
  if (!self->loading)
    validate (self);
}

static void
row_schedule_changed_cb (NstProgrammeEditor *self)
{
  if (!self->loading)
    queue_expand (self);
}

static void
row_mark_cb (NstPlanRow         *row,
             NstPlanOccurrence  *occurrence,
             gboolean            done,
             NstProgrammeEditor *self)
{
  g_autofree char *day = today_iso (self);
  g_autoptr(GError) error = NULL;

  if (!nst_store_set_occurrence_done (self->store, occurrence, done ? day : NULL, &error))
    show_error (self, _("Could not mark the activity"), error);
  else
    g_signal_emit (self, signals[SAVED], 0, self->programme);
  nst_plan_row_show_occurrences (row, &self->today, marks_live (self, nst_plan_row_get_item (row)));
  update_progress (self);
}

static void row_move_cb (NstPlanRow *row, int delta, NstProgrammeEditor *self);
static void row_remove_cb (NstPlanRow *row, NstProgrammeEditor *self);

static NstPlanRow *
add_plan_row (NstProgrammeEditor *self,
              NstPlanItem        *item,
              int                 position)
{
  NstPlanRow *row = nst_plan_row_new (item);

  g_signal_connect_object (row, "changed", G_CALLBACK (row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "schedule-changed", G_CALLBACK (row_schedule_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "mark", G_CALLBACK (row_mark_cb), self, 0);
  g_signal_connect_object (row, "move", G_CALLBACK (row_move_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (row_remove_cb), self, 0);
  gtk_list_box_insert (self->plan_list, GTK_WIDGET (row), position);
  g_ptr_array_insert (self->plan_rows, position, row);
  nst_plan_row_set_editable (row, !is_ended (self));
  return row;
}

static void
fill_plan (NstProgrammeEditor *self)
{
  GListModel *items = nst_programme_get_items (self->programme);

  for (guint i = 0; i < self->plan_rows->len; i++)
    gtk_list_box_remove (self->plan_list, g_ptr_array_index (self->plan_rows, i));
  g_ptr_array_set_size (self->plan_rows, 0);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);

      add_plan_row (self, item, -1);
    }
  renumber (self);
  render_plan (self);
}

static gboolean
focus_row_cb (gpointer data)
{
  if (gtk_widget_get_root (data) != NULL)
    nst_plan_row_focus (data);
  return G_SOURCE_REMOVE;
}

static void
add_item_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NstProgrammeEditor *self = NST_PROGRAMME_EDITOR (widget);
  g_autoptr(NstPlanItem) item = nst_plan_item_new ();
  NstPlanRow *row;

  nst_programme_add_item (self->programme, item);
  row = add_plan_row (self, item, -1);
  renumber (self);
  render_plan (self);
  validate (self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_row_cb, g_object_ref (row), g_object_unref);
}

static void
row_move_cb (NstPlanRow         *row,
             int                 delta,
             NstProgrammeEditor *self)
{
  guint from = row_index (self, row);
  int to = (int) from + delta;

  if (to < 0 || to >= (int) self->plan_rows->len)
    return;
  g_object_ref (row);
  nst_programme_move_item (self->programme, from, to);
  gtk_list_box_remove (self->plan_list, GTK_WIDGET (row));
  g_ptr_array_remove_index (self->plan_rows, from);
  gtk_list_box_insert (self->plan_list, GTK_WIDGET (row), to);
  g_ptr_array_insert (self->plan_rows, to, row);
  g_object_unref (row);
  renumber (self);
  validate (self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_row_cb, g_object_ref (row), g_object_unref);
}

static void
row_remove_cb (NstPlanRow         *row,
               NstProgrammeEditor *self)
{
  guint index = row_index (self, row);

  nst_programme_remove_item (self->programme, index);
  g_ptr_array_remove_index (self->plan_rows, index);
  gtk_list_box_remove (self->plan_list, GTK_WIDGET (row));
  gtk_widget_grab_focus (self->add_item_button);
  renumber (self);
  update_progress (self);
  validate (self);
}

/* ---- checks -------------------------------------------------------------------- */

static GtkWidget *
check_row (NstProgrammeEditor *self,
           guint               check)
{
  return check == CHECK_TITLE ? self->title_row : check == CHECK_STARTS_ON ? self->starts_row : self->ends_row;
}

static char *
check_problem (NstProgrammeEditor *self,
               guint               check)
{
  static const NstProgrammeField fields[N_CHECKS] = {
    NST_PROGRAMME_FIELD_TITLE, NST_PROGRAMME_FIELD_STARTS_ON, NST_PROGRAMME_FIELD_ENDS_ON,
  };
  GtkWidget *row = check_row (self, check);

  if (NST_IS_DATE_ROW (row) && !nst_date_row_get_valid (NST_DATE_ROW (row)))
    return g_strdup (_("Enter the date as DD.MM.YYYY"));
  return nst_programme_check_field (self->programme, fields[check]);
}

static gboolean
validate (NstProgrammeEditor *self)
{
  gboolean valid = !is_ended (self);
  gboolean empty;

  read_form (self);
  for (guint c = 0; c < N_CHECKS; c++)
    {
      g_autofree char *problem = check_problem (self, c);

      nst_row_message_show (&self->checks[c], problem, self->show_all || self->touched[c]);
      valid &= problem == NULL;
    }
  for (guint i = 0; i < self->plan_rows->len; i++)
    valid &= nst_plan_row_check (g_ptr_array_index (self->plan_rows, i), self->show_all);
  empty = self->plan_rows->len == 0;
  gtk_label_set_text (GTK_LABEL (self->plan_message), _("Add at least one activity to the plan, or fill it from a template"));
  gtk_widget_set_visible (self->plan_message, empty && self->show_all);
  valid &= !empty;
  nst_form_window_set_can_save (NST_FORM_WINDOW (self), valid);
  return valid;
}

static void
reveal_problems (NstProgrammeEditor *self)
{
  for (guint c = 0; c < N_CHECKS; c++)
    if (self->checks[c].shown)
      {
        gtk_widget_grab_focus (self->checks[c].row);
        break;
      }
  nst_form_window_show_problems (NST_FORM_WINDOW (self));
}

static void
text_changed_cb (GtkWidget          *row,
                 NstProgrammeEditor *self)
{
  if (self->loading)
    return;
  for (guint c = 0; c < N_CHECKS; c++)
    if (self->checks[c].row == row)
      self->touched[c] = TRUE;
  validate (self);
  if (row == self->starts_row || row == self->ends_row)
    queue_expand (self);
}

static void
content_changed_cb (NstProgrammeEditor *self)
{
  if (!self->loading)
    validate (self);
}

/* ---- saving ---------------------------------------------------------------------- */

static gboolean
item_text_equal (NstPlanItem *a,
                 NstPlanItem *b)
{
  return g_strcmp0 (nst_plan_item_get_activity (a), nst_plan_item_get_activity (b)) == 0 &&
         g_strcmp0 (nst_plan_item_get_schedule (a), nst_plan_item_get_schedule (b)) == 0 &&
         g_strcmp0 (nst_plan_item_get_responsible (a), nst_plan_item_get_responsible (b)) == 0 &&
         g_strcmp0 (nst_plan_item_get_expected_result (a), nst_plan_item_get_expected_result (b)) == 0;
}

static gboolean
plan_changed (NstProgrammeEditor *self)
{
  GListModel *items = nst_programme_get_items (self->programme);
  guint n = g_list_model_get_n_items (items);

  if (n != g_list_model_get_n_items (nst_programme_get_items (self->saved)))
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);
      NstPlanItem *stored = saved_item (self, nst_plan_item_get_id (item));

      if (stored == NULL || !item_text_equal (stored, item))
        return TRUE;
    }
  return FALSE;
}

/* Seed 4.2: a programme under way is extended or corrected by agreement,
 * and the history keeps why. */
static gboolean
needs_reason (NstProgrammeEditor *self)
{
  if (self->saved == NULL || nst_programme_get_status (self->saved) == NST_PROGRAMME_STATUS_DRAFT)
    return FALSE;
  read_form (self);
  return !same_period (self) || plan_changed (self);
}

static gboolean
save_now (NstProgrammeEditor *self,
          const char         *reason)
{
  g_autoptr(GError) error = NULL;

  read_form (self);
  if (!nst_store_save_programme (self->store, self->programme, reason, &error))
    {
      show_error (self, _("Could not save the programme"), error);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, self->programme);
  return TRUE;
}

/* The dialog that asked is still busy with its answer: close once it is
 * done, so that it does not outlive the window it belongs to. */
static gboolean
close_later_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
reason_answered (GObject    *owner,
                 const char *reason)
{
  NstProgrammeEditor *self = NST_PROGRAMME_EDITOR (owner);

  if (!save_now (self, reason))
    return;
  nst_form_window_mark_saved_state (NST_FORM_WINDOW (self));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later_cb, g_object_ref (self), g_object_unref);
}

static void
ask_reason (NstProgrammeEditor *self,
            NstReasonFunc       func)
{
  nst_reason_dialog_present (GTK_WINDOW (self), _("Why Does the Programme Change?"),
                             _("The programme is under way: its period is extended and its plan corrected "
                               "by mutual agreement (section 4.2), and the history keeps the reason."),
                             func, G_OBJECT (self));
}

static gboolean
nst_programme_editor_save (NstFormWindow *window)
{
  NstProgrammeEditor *self = NST_PROGRAMME_EDITOR (window);

  self->show_all = TRUE;
  if (!validate (self))
    {
      reveal_problems (self);
      return FALSE;
    }
  if (needs_reason (self))
    {
      ask_reason (self, reason_answered);
      return FALSE;
    }
  return save_now (self, NULL);
}

/* ---- loading --------------------------------------------------------------------- */

static void
load_programme (NstProgrammeEditor *self,
                NstProgramme       *programme)
{
  g_autoptr(NstGroup) group = nst_store_get_group (self->store, nst_programme_get_group_id (programme), NULL);
  g_autofree char *year = nst_programme_dup_school_year_label (programme);
  g_autofree char *pair = group ? nst_group_dup_title (group) : NULL;
  g_autoptr(GError) error = NULL;

  g_set_object (&self->programme, programme);
  self->loading = TRUE;
  /* The dates as the period and the quarters make them, the marks kept. */
  if (!nst_store_expand_plan (self->store, self->programme, &error))
    g_debug ("The plan is not expanded: %s", error->message);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), nst_programme_get_title (programme));
  adw_action_row_set_subtitle (self->year_row, year);
  nst_date_row_set_iso_date (NST_DATE_ROW (self->starts_row), nst_programme_get_starts_on (programme));
  nst_date_row_set_iso_date (NST_DATE_ROW (self->ends_row), nst_programme_get_ends_on (programme));
  for (Text t = 0; t < N_TEXTS; t++)
    {
      g_autofree char *text = NULL;

      g_object_get (programme, text_properties[t], &text, NULL);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->texts[t]), text ? text : "", -1);
    }
  if (group != NULL)
    fill_people (self, group);
  adw_window_title_set_subtitle (self->window_title, pair);
  fill_plan (self);
  gtk_widget_set_visible (self->progress_group, self->saved != NULL);
  update_status (self);
  fill_history (self);
  self->loading = FALSE;
  validate (self);
}

/* After a change of status: everything as stored. */
static gboolean
reload (NstProgrammeEditor *self)
{
  g_autoptr(NstProgramme) stored = NULL;
  g_autoptr(GError) error = NULL;

  if ((stored = nst_store_get_programme (self->store, nst_programme_get_id (self->programme), &error)) == NULL)
    {
      show_error (self, _("Could not read the programme"), error);
      return FALSE;
    }
  g_clear_object (&self->saved);
  self->saved = nst_programme_copy (stored);
  load_programme (self, stored);
  nst_form_window_mark_saved_state (NST_FORM_WINDOW (self));
  g_signal_emit (self, signals[SAVED], 0, self->programme);
  return TRUE;
}

static gboolean
has_changes (NstProgrammeEditor *self)
{
  NstFormWindowClass *klass = NST_FORM_WINDOW_GET_CLASS (self);
  g_autofree char *state = klass->dup_state (NST_FORM_WINDOW (self));
  const char *saved = g_object_get_data (G_OBJECT (self), "nst-saved-state");

  return self->saved == NULL || g_strcmp0 (state, saved) != 0;
}

static void
remember_state (NstProgrammeEditor *self)
{
  NstFormWindowClass *klass = NST_FORM_WINDOW_GET_CLASS (self);

  nst_form_window_mark_saved_state (NST_FORM_WINDOW (self));
  g_object_set_data_full (G_OBJECT (self), "nst-saved-state", klass->dup_state (NST_FORM_WINDOW (self)), g_free);
}

/* The life cycle acts on the programme as stored. */
static gboolean
ensure_saved (NstProgrammeEditor *self)
{
  if (!has_changes (self))
    return TRUE;
  self->show_all = TRUE;
  if (!validate (self))
    {
      reveal_problems (self);
      return FALSE;
    }
  if (needs_reason (self))
    {
      show_toast (self, _("Save the changes first: they need a reason"));
      return FALSE;
    }
  if (!save_now (self, NULL) || !reload (self))
    return FALSE;
  remember_state (self);
  return TRUE;
}

/* ---- the life cycle ---------------------------------------------------------------- */

static void
change_status (NstProgrammeEditor *self,
               NstProgrammeStatus  status,
               const char         *done_text)
{
  g_autoptr(GError) error = NULL;

  if (!ensure_saved (self))
    return;
  if (!nst_store_change_programme_status (self->store, self->programme, status, NULL, NULL, &error))
    {
      show_error (self, _("Could not change the status"), error);
      return;
    }
  if (reload (self))
    remember_state (self);
  show_toast (self, done_text);
}

static void
start_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  change_status (NST_PROGRAMME_EDITOR (widget), NST_PROGRAMME_STATUS_ACTIVE, _("The programme is under way"));
}

static void
draft_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  change_status (NST_PROGRAMME_EDITOR (widget), NST_PROGRAMME_STATUS_DRAFT, _("The programme is a draft again"));
}

static void
end_answered (GObject      *owner,
              NstEndReason  reason,
              const char   *ended_on,
              const char   *note)
{
  NstProgrammeEditor *self = NST_PROGRAMME_EDITOR (owner);
  g_autoptr(GError) error = NULL;

  if (!nst_store_end_programme (self->store, self->programme, reason, ended_on, note, &error))
    {
      show_error (self, _("Could not end the programme"), error);
      return;
    }
  if (reload (self))
    remember_state (self);
  show_toast (self, _("The programme has ended"));
}

static void
end_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NstProgrammeEditor *self = NST_PROGRAMME_EDITOR (widget);

  if (!ensure_saved (self))
    return;
  nst_end_dialog_present (GTK_WINDOW (self), _("End the Programme?"),
                          _("The programme ends on the day given, for the reason chosen (section 4.1). "
                            "The pair goes on until it is ended itself."),
                          NST_END_REASON_PLAN_DONE, end_answered, G_OBJECT (self));
}

/* ---- templates ------------------------------------------------------------------- */

static void
apply_template (NstProgrammeEditor   *self,
                NstProgrammeTemplate *template)
{
  GListModel *items = nst_programme_template_get_items (template);
  guint year = nst_programme_get_school_year (self->programme);
  guint from = nst_programme_template_get_school_year (template);
  int shift = from == 0 || year == 0 ? 0 : (int) year - (int) from;

  read_form (self);
  while (g_list_model_get_n_items (nst_programme_get_items (self->programme)) > 0)
    nst_programme_remove_item (self->programme, 0);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NstPlanItem) source = g_list_model_get_item (items, i);
      g_autoptr(NstPlanItem) item = nst_plan_item_new ();
      g_autofree char *schedule = nst_schedule_text_shift_years (nst_plan_item_get_schedule (source), shift);

      nst_plan_item_set_activity (item, nst_plan_item_get_activity (source));
      nst_plan_item_set_schedule (item, schedule);
      nst_plan_item_set_responsible (item, nst_plan_item_get_responsible (source));
      nst_plan_item_set_expected_result (item, nst_plan_item_get_expected_result (source));
      nst_programme_add_item (self->programme, item);
    }
  if (*nst_programme_get_request (self->programme) == '\0')
    nst_programme_set_request (self->programme, nst_programme_template_get_request (template));
  nst_programme_set_goal (self->programme, nst_programme_template_get_goal (template));
  nst_programme_set_tasks (self->programme, nst_programme_template_get_tasks (template));
  nst_programme_set_expected_result (self->programme, nst_programme_template_get_expected_result (template));
  nst_programme_set_template_id (self->programme, nst_programme_template_get_id (template));
  g_object_ref (self->programme);
  load_programme (self, self->programme);
  g_object_unref (self->programme);
}

static void
replace_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     NstProgrammeEditor *self)
{
  NstProgrammeTemplate *template = g_object_get_data (G_OBJECT (dialog), "nst-template");

  if (g_strcmp0 (response, "replace") == 0)
    apply_template (self, template);
}

static void
fill_template_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NstProgrammeEditor *self = NST_PROGRAMME_EDITOR (widget);
  g_autoptr(NstProgrammeTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if ((template = nst_store_get_template (self->store, g_variant_get_int64 (parameter), &error)) == NULL)
    {
      show_error (self, _("Could not read the template"), error);
      return;
    }
  if (self->plan_rows->len == 0)
    {
      apply_template (self, template);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Plan?"),
                                                       _("The plan, the goal, the tasks and the expected result "
                                                         "are replaced with the template's. Nothing is saved "
                                                         "until you save the programme.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "nst-template", g_steal_pointer (&template), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void fill_template_menu (NstProgrammeEditor *self);

static void
template_title_answered (GObject    *owner,
                         const char *title)
{
  NstProgrammeEditor *self = NST_PROGRAMME_EDITOR (owner);
  g_autoptr(NstProgrammeTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  read_form (self);
  if ((template = nst_store_save_programme_as_template (self->store, self->programme, title, &error)) == NULL)
    {
      show_error (self, _("Could not save the template"), error);
      return;
    }
  /* Translators: %s is the template's title */
  text = g_strdup_printf (_("Template “%s” saved"), title);
  show_toast (self, text);
  fill_template_menu (self);
}

static void
save_template_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NstProgrammeEditor *self = NST_PROGRAMME_EDITOR (widget);

  nst_text_dialog_present (GTK_WINDOW (self), _("Save as Template"),
                           _("The plan, the goal, the tasks and the expected result are kept as a template "
                             "for other pairs; the marks are not."),
                           _("Template title"), nst_programme_get_title (self->programme), _("_Save"),
                           template_title_answered, G_OBJECT (self));
}

static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
fill_template_menu (NstProgrammeEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) fill = g_menu_new ();
  g_autoptr(GMenu) keep = g_menu_new ();
  g_autoptr(GListStore) templates = nst_store_list_templates (self->store, NULL);
  guint n = templates ? g_list_model_get_n_items (G_LIST_MODEL (templates)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstProgrammeTemplate) t = g_list_model_get_item (G_LIST_MODEL (templates), i);
      g_autofree char *label = escape_mnemonic (nst_programme_template_get_title (t));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "programme.fill-template",
                                               g_variant_new_int64 (nst_programme_template_get_id (t)));
      g_menu_append_item (fill, item);
    }
  g_menu_append (keep, _("_Save as Template…"), "programme.save-template");
  g_menu_append_section (menu, _("Fill the plan from a template"), G_MENU_MODEL (fill));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (keep));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->template_button), G_MENU_MODEL (menu));
}

/* ---- vfuncs ---------------------------------------------------------------------- */

static char *
nst_programme_editor_dup_state (NstFormWindow *window)
{
  NstProgrammeEditor *self = NST_PROGRAMME_EDITOR (window);
  GString *state = g_string_new (NULL);

  g_string_append_printf (state, "%s\x1f%s\x1f%s\x1e",
                          gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->starts_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->ends_row)));
  for (Text t = 0; t < N_TEXTS; t++)
    {
      g_autofree char *text = view_text (self->texts[t]);

      g_string_append_printf (state, "%s\x1f", text);
    }
  for (guint i = 0; i < self->plan_rows->len; i++)
    {
      g_autofree char *row = nst_plan_row_dup_state (g_ptr_array_index (self->plan_rows, i));

      g_string_append_printf (state, "\x1e%s", row);
    }
  return g_string_free (state, FALSE);
}

static void
nst_programme_editor_dispose (GObject *object)
{
  NstProgrammeEditor *self = NST_PROGRAMME_EDITOR (object);

  self->loading = TRUE;
  g_clear_handle_id (&self->expand_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_PROGRAMME_EDITOR);
  G_OBJECT_CLASS (nst_programme_editor_parent_class)->dispose (object);
}

static void
nst_programme_editor_finalize (GObject *object)
{
  NstProgrammeEditor *self = NST_PROGRAMME_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->programme);
  g_clear_object (&self->saved);
  g_clear_pointer (&self->plan_rows, g_ptr_array_unref);
  g_clear_pointer (&self->people_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (nst_programme_editor_parent_class)->finalize (object);
}

static void
nst_programme_editor_class_init (NstProgrammeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NstFormWindowClass *form_class = NST_FORM_WINDOW_CLASS (klass);

  object_class->dispose = nst_programme_editor_dispose;
  object_class->finalize = nst_programme_editor_finalize;
  form_class->dup_state = nst_programme_editor_dup_state;
  form_class->save = nst_programme_editor_save;

  /**
   * NstProgrammeEditor::saved:
   * @programme: the programme as it now stands in the store
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, NST_TYPE_PROGRAMME);

  g_type_ensure (NST_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/nastavnik/Nastavnik/programmes/nst-programme-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, template_button);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, progress_group);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, progress_row);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, lifecycle_box);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, end_button);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, draft_button);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, main_group);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, form_row);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, ends_row);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, people_group);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, content_group);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, plan_group);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, plan_list);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, plan_message);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, add_item_button);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammeEditor, history_row);

  gtk_widget_class_install_action (widget_class, "programme.add-item", NULL, add_item_action_cb);
  gtk_widget_class_install_action (widget_class, "programme.start", NULL, start_action_cb);
  gtk_widget_class_install_action (widget_class, "programme.draft", NULL, draft_action_cb);
  gtk_widget_class_install_action (widget_class, "programme.end", NULL, end_action_cb);
  gtk_widget_class_install_action (widget_class, "programme.fill-template", "x", fill_template_action_cb);
  gtk_widget_class_install_action (widget_class, "programme.save-template", NULL, save_template_action_cb);
}

static const char *
text_title (Text t)
{
  switch (t)
    {
    case TEXT_REQUEST: return _("Request or difficulties");
    case TEXT_GOAL: return _("Goal");
    case TEXT_TASKS: return _("Tasks");
    case TEXT_EXPECTED: return _("Expected result");
    case TEXT_RESULT: return _("Result achieved");
    case N_TEXTS:
    default: return "";
    }
}

/* A titled text that wraps, in a card like the boxed lists around it. */
static void
build_text_areas (NstProgrammeEditor *self)
{
  for (Text t = 0; t < N_TEXTS; t++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new (text_title (t));
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *view = gtk_text_view_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "nst-text-card");
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
      gtk_widget_set_size_request (view, -1, 44);
      gtk_widget_set_name (view, text_properties[t]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, text_title (t), -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                               G_CALLBACK (content_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (card), view);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), card);
      gtk_widget_set_margin_top (box, t == 0 ? 0 : 12);
      adw_preferences_group_add (self->content_group, box);
      self->texts[t] = GTK_TEXT_VIEW (view);
    }
}

static void
nst_programme_editor_init (NstProgrammeEditor *self)
{
  GtkWidget *header = nst_plan_row_new_header ();
  GtkWidget *plan_box;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  nst_form_window_set_toast_overlay (NST_FORM_WINDOW (self), self->toast_overlay);
  nst_form_window_set_discard_body (NST_FORM_WINDOW (self),
                                    _("The changes to this programme have not been saved."));
  nst_date_today (&self->today);
  self->plan_rows = g_ptr_array_new ();
  self->people_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->status_pill = nst_status_pill_new ();
  adw_action_row_add_suffix (self->status_row, self->status_pill);
  self->overdue_badge = nst_deadline_badge_new ();
  gtk_widget_set_visible (self->overdue_badge, FALSE);
  adw_action_row_add_suffix (self->progress_row, self->overdue_badge);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->status_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->year_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->form_row), FALSE);
  build_text_areas (self);
  plan_box = gtk_widget_get_parent (GTK_WIDGET (self->plan_list));
  gtk_box_prepend (GTK_BOX (plan_box), header);
  nst_row_message_init (&self->checks[CHECK_TITLE], self->title_row);
  nst_row_message_init (&self->checks[CHECK_STARTS_ON], self->starts_row);
  nst_row_message_init (&self->checks[CHECK_ENDS_ON], self->ends_row);
  for (guint c = 0; c < N_CHECKS; c++)
    {
      nst_row_message_place (&self->checks[c]);
      g_signal_connect_object (self->checks[c].row, "changed", G_CALLBACK (text_changed_cb), self, 0);
    }
  gtk_widget_set_name (self->title_row, "title");
  gtk_widget_set_name (self->starts_row, "starts-on");
  gtk_widget_set_name (self->ends_row, "ends-on");
  gtk_widget_set_name (self->save_button, "save");
  gtk_widget_set_name (GTK_WIDGET (self->plan_list), "plan");
}

/**
 * nst_programme_editor_new:
 * @parent: (nullable): the window the editor is modal to
 * @programme: a new programme with its plan (nst_store_prepare_programme()),
 *   or a stored one, which is read afresh
 *
 * Returns: (transfer none): the editor, not yet shown
 */
NstProgrammeEditor *
nst_programme_editor_new (GtkWindow    *parent,
                          NstStore     *store,
                          NstProgramme *programme)
{
  NstProgrammeEditor *self;
  g_autoptr(NstProgramme) working = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NST_IS_STORE (store), NULL);
  g_return_val_if_fail (NST_IS_PROGRAMME (programme), NULL);

  self = g_object_new (NST_TYPE_PROGRAMME_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (nst_programme_get_id (programme) != 0 &&
      (working = nst_store_get_programme (store, nst_programme_get_id (programme), &error)) == NULL)
    show_error (self, _("Could not read the programme"), error);
  if (working == NULL)
    working = nst_programme_copy (programme);
  else
    self->saved = nst_programme_copy (working);
  self->show_all = self->saved != NULL;
  gtk_window_set_title (GTK_WINDOW (self), self->saved ? _("Personalized programme") : _("New programme"));
  adw_window_title_set_title (self->window_title,
                              self->saved ? _("Personalized programme") : _("New programme"));
  fill_template_menu (self);
  load_programme (self, working);
  remember_state (self);
  /* A new programme begins with its title; an open one is first read. */
  if (self->saved == NULL)
    gtk_widget_grab_focus (self->title_row);
  return self;
}

typedef struct
{
  GWeakRef owner;
  GCallback saved_cb;
  NstStore *store;
} Opener;

static void
opener_free (Opener *o)
{
  g_weak_ref_clear (&o->owner);
  g_clear_object (&o->store);
  g_free (o);
}

static void
present_editor (GtkWindow    *parent,
                NstStore     *store,
                NstProgramme *programme,
                GCallback     saved_cb,
                GObject      *owner)
{
  NstProgrammeEditor *editor = nst_programme_editor_new (parent, store, programme);

  if (saved_cb != NULL && owner != NULL)
    g_signal_connect_object (editor, "saved", saved_cb, owner, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
prepared_cb (GtkWindow    *parent,
             NstProgramme *programme,
             gpointer      user_data)
{
  Opener *o = user_data;
  g_autoptr(GObject) owner = g_weak_ref_get (&o->owner);

  present_editor (parent, o->store, programme, o->saved_cb, owner);
}

static Opener *
opener_new (NstStore  *store,
            GCallback  saved_cb,
            GObject   *owner)
{
  Opener *o = g_new0 (Opener, 1);

  g_weak_ref_init (&o->owner, owner);
  o->saved_cb = saved_cb;
  o->store = g_object_ref (store);
  return o;
}

/**
 * nst_programme_editor_open:
 * @from: a widget of the window the editor is modal to
 * @programme_id: the programme, or 0 to choose a pair for a new one
 * @saved_cb: (nullable): connected, swapped, to ::saved with @owner
 */
void
nst_programme_editor_open (GtkWidget *from,
                           NstStore  *store,
                           gint64     programme_id,
                           GCallback  saved_cb,
                           GObject   *owner)
{
  g_autoptr(NstProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  if (programme_id == 0)
    {
      nst_new_programme_dialog_present (nst_widget_get_window (from), store, 0, prepared_cb,
                                        opener_new (store, saved_cb, owner), (GDestroyNotify) opener_free);
      return;
    }
  if ((programme = nst_store_get_programme (store, programme_id, &error)) == NULL)
    nst_widget_show_error (from, _("Could not open the programme"), error);
  else
    present_editor (nst_widget_get_window (from), store, programme, saved_cb, owner);
}

/**
 * nst_programme_editor_open_for_group:
 * @from: a widget of the window the editor is modal to
 * @saved_cb: (nullable): connected, swapped, to ::saved with @owner
 *
 * Opens the pair's programme for the current school year, or asks for the
 * template of a new one.
 */
void
nst_programme_editor_open_for_group (GtkWidget *from,
                                     NstStore  *store,
                                     gint64     group_id,
                                     GCallback  saved_cb,
                                     GObject   *owner)
{
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(NstProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  if ((school = nst_store_load_school (store, &error)) == NULL)
    {
      nst_widget_show_error (from, _("Could not open the programme"), error);
      return;
    }
  programme = nst_store_find_group_programme (store, group_id, nst_school_get_school_year (school), &error);
  if (programme != NULL)
    present_editor (nst_widget_get_window (from), store, programme, saved_cb, owner);
  else if (error != NULL)
    nst_widget_show_error (from, _("Could not open the programme"), error);
  else
    nst_new_programme_dialog_present (nst_widget_get_window (from), store, group_id, prepared_cb,
                                      opener_new (store, saved_cb, owner), (GDestroyNotify) opener_free);
}
