/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-plan-row"

#include "config.h"

#include <glib/gi18n.h>

#include "schedule/nst-date.h"
#include "programmes/nst-plan-row.h"
#include "widgets/nst-status-badge.h"

/* The columns of the paper table; the activity takes what is left. */
#define NUMBER_WIDTH 28
#define SCHEDULE_WIDTH 220
#define RESPONSIBLE_WIDTH 150
#define EXPECTED_WIDTH 210
#define STATE_WIDTH 135
#define MENU_WIDTH 34
#define SPACING 8

struct _NstPlanRow
{
  GtkListBoxRow parent_instance;

  NstPlanItem *item;
  guint number;
  gboolean touched;
  gboolean rendering;

  GtkWidget *number_label;
  GtkTextView *activity;
  GtkWidget *schedule;
  GtkTextView *responsible;
  GtkTextView *expected;
  GtkWidget *state;
  GtkWidget *menu_button;
  GtkWidget *occurrences;
  GtkWidget *message;
};

G_DEFINE_FINAL_TYPE (NstPlanRow, nst_plan_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  SCHEDULE_CHANGED,
  MOVE,
  REMOVE,
  MARK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- fields ------------------------------------------------------------ */

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (g_steal_pointer (&text));
}

static GtkWidget *
field_new (GtkTextView **view_out,
           int           width)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = gtk_text_view_new ();

  gtk_widget_add_css_class (box, "nst-field");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 7);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 7);
  /* Not the view: its expanding would make every column expand. */
  gtk_box_append (GTK_BOX (box), view);
  /* GTK 4.8 lays out a text view's lines only where it is seen: one
   * that starts 0 pixels high never would be. A line's height to begin. */
  gtk_widget_set_size_request (view, -1, 32);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  if (width > 0)
    gtk_widget_set_size_request (box, width, -1);
  else
    gtk_widget_set_hexpand (box, TRUE);
  *view_out = GTK_TEXT_VIEW (view);
  return box;
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static void
name_fields (NstPlanRow *self)
{
  g_autofree char *activity = g_strdup_printf (_("Activity %u"), self->number);
  g_autofree char *schedule = g_strdup_printf (_("Schedule of activity %u"), self->number);
  g_autofree char *responsible = g_strdup_printf (_("Responsible for activity %u"), self->number);
  g_autofree char *expected = g_strdup_printf (_("Expected result of activity %u"), self->number);
  g_autofree char *menu = g_strdup_printf (_("Actions on activity %u"), self->number);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->activity), GTK_ACCESSIBLE_PROPERTY_LABEL, activity, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->schedule), GTK_ACCESSIBLE_PROPERTY_LABEL, schedule, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->responsible), GTK_ACCESSIBLE_PROPERTY_LABEL, responsible, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expected), GTK_ACCESSIBLE_PROPERTY_LABEL, expected, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (self->menu_button); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, menu, -1);
}

/* ---- occurrences --------------------------------------------------------- */

static char *
occurrence_when (NstPlanOccurrence *o)
{
  g_autofree char *start = nst_date_iso_to_ru (nst_plan_occurrence_get_starts_on (o));
  g_autofree char *due = nst_date_iso_to_ru (nst_plan_occurrence_get_due_on (o));

  if (g_strcmp0 (nst_plan_occurrence_get_starts_on (o), nst_plan_occurrence_get_due_on (o)) == 0 || *start == '\0')
    return g_steal_pointer (&due);
  return g_strdup_printf ("%s – %s", start, due);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  NstPlanRow     *self)
{
  NstPlanOccurrence *o = g_object_get_data (G_OBJECT (check), "nst-occurrence");

  if (!self->rendering)
    g_signal_emit (self, signals[MARK], 0, o, gtk_check_button_get_active (check));
}

static GtkWidget *
occurrence_chip_new (NstPlanRow        *self,
                     NstPlanOccurrence *o,
                     const GDate       *status_date,
                     gboolean           live)
{
  g_autofree char *when = occurrence_when (o);
  g_autofree char *done_on = nst_date_iso_to_ru (nst_plan_occurrence_get_done_on (o));
  g_autofree char *name = g_strdup_printf (_("Activity %u done, due %s"), self->number, when);
  g_autofree char *done_text = NULL;
  NstDeadlineState state = nst_plan_occurrence_get_state (o, status_date);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *check = gtk_check_button_new_with_label (when);
  GtkWidget *badge = nst_deadline_badge_new ();

  gtk_widget_set_name (check, "occurrence");
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), nst_plan_occurrence_is_done (o));
  g_object_set_data_full (G_OBJECT (check), "nst-occurrence", g_object_ref (o), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
  gtk_widget_set_sensitive (check, live);
  if (!live)
    gtk_widget_set_tooltip_text (check, _("Save the programme to mark its activities done"));
  if (nst_plan_occurrence_is_done (o))
    /* Translators: an activity's state, «выполнено 14.11.2025» */
    done_text = g_strdup_printf (_("done %s"), done_on);
  nst_deadline_badge_set (badge, state, done_text);
  gtk_widget_add_css_class (badge, "caption");
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

/**
 * nst_plan_row_show_occurrences:
 * @status_date: the day states are counted at
 * @marks_live: whether the occurrences are stored as shown, so that a
 *   mark can be written at once
 */
void
nst_plan_row_show_occurrences (NstPlanRow  *self,
                               const GDate *status_date,
                               gboolean     marks_live)
{
  GListModel *occurrences = nst_plan_item_get_occurrences (self->item);
  guint n = g_list_model_get_n_items (occurrences);
  GtkWidget *child;

  g_return_if_fail (NST_IS_PLAN_ROW (self));

  self->rendering = TRUE;
  while ((child = gtk_widget_get_first_child (self->occurrences)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->occurrences), child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanOccurrence) o = g_list_model_get_item (occurrences, i);

      gtk_flow_box_append (GTK_FLOW_BOX (self->occurrences),
                           occurrence_chip_new (self, o, status_date, marks_live));
    }
  gtk_widget_set_visible (self->occurrences, n > 0);
  nst_deadline_badge_set (self->state, nst_plan_item_get_state (self->item, status_date), NULL);
  self->rendering = FALSE;
}

/* ---- callbacks ------------------------------------------------------------- */

static void
text_changed_cb (NstPlanRow *self)
{
  if (self->rendering)
    return;
  self->touched = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
schedule_changed_cb (NstPlanRow *self)
{
  if (self->rendering)
    return;
  self->touched = TRUE;
  g_signal_emit (self, signals[SCHEDULE_CHANGED], 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
move_up_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, -1);
}

static void
move_down_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, 1);
}

static void
remove_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

/* ---- object ------------------------------------------------------------------ */

static void
nst_plan_row_dispose (GObject *object)
{
  NstPlanRow *self = NST_PLAN_ROW (object);

  self->rendering = TRUE;
  g_clear_object (&self->item);
  G_OBJECT_CLASS (nst_plan_row_parent_class)->dispose (object);
}

static void
nst_plan_row_class_init (NstPlanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nst_plan_row_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SCHEDULE_CHANGED] = g_signal_new ("schedule-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MARK] = g_signal_new ("mark", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 2, NST_TYPE_PLAN_OCCURRENCE, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "plan-row.move-up", NULL, move_up_action_cb);
  gtk_widget_class_install_action (widget_class, "plan-row.move-down", NULL, move_down_action_cb);
  gtk_widget_class_install_action (widget_class, "plan-row.remove", NULL, remove_action_cb);
}

static GtkWidget *
menu_button_new (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (moves, _("Move _Up"), "plan-row.move-up");
  g_menu_append (moves, _("Move _Down"), "plan-row.move-down");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append (menu, _("_Remove the Activity"), "plan-row.remove");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Move or remove the activity"));
  gtk_widget_set_size_request (button, MENU_WIDTH, -1);
  return button;
}

static GtkWidget *
build_line (NstPlanRow *self)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, SPACING);

  self->number_label = gtk_label_new (NULL);
  gtk_widget_set_size_request (self->number_label, NUMBER_WIDTH, -1);
  gtk_widget_set_valign (self->number_label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->number_label, 8);
  gtk_label_set_xalign (GTK_LABEL (self->number_label), 1);
  gtk_widget_add_css_class (self->number_label, "numeric");
  gtk_widget_add_css_class (self->number_label, "dim-label");
  gtk_box_append (GTK_BOX (line), self->number_label);
  gtk_box_append (GTK_BOX (line), field_new (&self->activity, 0));
  self->schedule = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->schedule), _("e.g. once a quarter"));
  gtk_widget_set_size_request (self->schedule, SCHEDULE_WIDTH, -1);
  gtk_widget_set_valign (self->schedule, GTK_ALIGN_START);
  gtk_widget_set_name (self->schedule, "schedule");
  gtk_box_append (GTK_BOX (line), self->schedule);
  gtk_box_append (GTK_BOX (line), field_new (&self->responsible, RESPONSIBLE_WIDTH));
  gtk_box_append (GTK_BOX (line), field_new (&self->expected, EXPECTED_WIDTH));
  self->state = nst_deadline_badge_new ();
  /* As wide whatever it says, so that the columns stay in line. */
  gtk_label_set_width_chars (GTK_LABEL (gtk_widget_get_last_child (self->state)), 15);
  gtk_label_set_max_width_chars (GTK_LABEL (gtk_widget_get_last_child (self->state)), 15);
  gtk_widget_set_size_request (self->state, STATE_WIDTH, -1);
  gtk_widget_set_valign (self->state, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->state, 8);
  gtk_box_append (GTK_BOX (line), self->state);
  self->menu_button = menu_button_new ();
  gtk_box_append (GTK_BOX (line), self->menu_button);
  gtk_widget_set_name (GTK_WIDGET (self->activity), "activity");
  gtk_widget_set_name (GTK_WIDGET (self->responsible), "responsible");
  gtk_widget_set_name (GTK_WIDGET (self->expected), "expected-result");
  return line;
}

static void
nst_plan_row_init (NstPlanRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  int indent = NUMBER_WIDTH + SPACING;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), build_line (self));

  self->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_widget_add_css_class (self->message, "caption");
  gtk_widget_set_margin_start (self->message, indent);
  gtk_widget_set_visible (self->message, FALSE);
  gtk_box_append (GTK_BOX (box), self->message);

  self->occurrences = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->occurrences), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->occurrences), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->occurrences), 6);
  gtk_widget_set_margin_start (self->occurrences, indent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->occurrences), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dates of the activity"), -1);
  gtk_box_append (GTK_BOX (box), self->occurrences);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->activity), "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->responsible), "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->expected), "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->schedule, "changed", G_CALLBACK (schedule_changed_cb), self);
}

/**
 * nst_plan_row_new:
 * @item: the row edits this item (nst_plan_row_read() writes it)
 */
NstPlanRow *
nst_plan_row_new (NstPlanItem *item)
{
  NstPlanRow *self = g_object_new (NST_TYPE_PLAN_ROW, NULL);

  self->item = g_object_ref (item);
  self->rendering = TRUE;
  set_view_text (self->activity, nst_plan_item_get_activity (item));
  gtk_editable_set_text (GTK_EDITABLE (self->schedule), nst_plan_item_get_schedule (item));
  set_view_text (self->responsible, nst_plan_item_get_responsible (item));
  set_view_text (self->expected, nst_plan_item_get_expected_result (item));
  self->rendering = FALSE;
  return self;
}

NstPlanItem *
nst_plan_row_get_item (NstPlanRow *self)
{
  g_return_val_if_fail (NST_IS_PLAN_ROW (self), NULL);
  return self->item;
}

/* @count: how many rows the plan has, to offer only the moves there are. */
void
nst_plan_row_set_number (NstPlanRow *self,
                         guint       number,
                         guint       count)
{
  g_autofree char *text = g_strdup_printf ("%u", number);

  g_return_if_fail (NST_IS_PLAN_ROW (self));

  self->number = number;
  gtk_label_set_text (GTK_LABEL (self->number_label), text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan-row.move-up", number > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan-row.move-down", number < count);
  name_fields (self);
}

/* Writes what is typed into the item. */
void
nst_plan_row_read (NstPlanRow *self)
{
  g_autofree char *activity = view_text (self->activity);
  g_autofree char *schedule = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->schedule))));
  g_autofree char *responsible = view_text (self->responsible);
  g_autofree char *expected = view_text (self->expected);

  g_return_if_fail (NST_IS_PLAN_ROW (self));

  nst_plan_item_set_activity (self->item, activity);
  nst_plan_item_set_schedule (self->item, schedule);
  nst_plan_item_set_responsible (self->item, responsible);
  nst_plan_item_set_expected_result (self->item, expected);
}

static void
show_message (NstPlanRow *self,
              const char *text,
              const char *tone)
{
  gtk_label_set_text (GTK_LABEL (self->message), text ? text : "");
  gtk_widget_set_visible (self->message, text != NULL);
  gtk_widget_remove_css_class (self->message, "error");
  gtk_widget_remove_css_class (self->message, "warning");
  if (tone != NULL)
    gtk_widget_add_css_class (self->message, tone);
  if (text != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->schedule),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->message, NULL, -1);
}

/**
 * nst_plan_row_check:
 * @reveal: say what is missing even before the row was touched
 *
 * Says under the row what is wrong: a missing activity or schedule keeps
 * the plan from being saved; a schedule the program does not understand
 * only warns, as it still makes one occurrence over the whole period.
 *
 * Returns: whether the row can be saved
 */
gboolean
nst_plan_row_check (NstPlanRow *self,
                    gboolean    reveal)
{
  g_autofree char *problem = NULL;
  g_autoptr(NstSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (NST_IS_PLAN_ROW (self), FALSE);

  nst_plan_row_read (self);
  if ((problem = nst_plan_item_check (self->item)) != NULL)
    {
      show_message (self, reveal || self->touched ? problem : NULL, "error");
      if ((reveal || self->touched) && *nst_plan_item_get_schedule (self->item) == '\0')
        gtk_widget_add_css_class (self->schedule, "error");
      else
        gtk_widget_remove_css_class (self->schedule, "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (self->schedule, "error");
  if ((schedule = nst_schedule_parse (nst_plan_item_get_schedule (self->item), &error)) == NULL)
    {
      /* Translators: %s says why the schedule is not understood */
      g_autofree char *text = g_strdup_printf (_("%s. The program will count it as one activity over the whole period."),
                                               error->message);

      show_message (self, text, "warning");
      return TRUE;
    }
  show_message (self, NULL, NULL);
  return TRUE;
}

void
nst_plan_row_set_editable (NstPlanRow *self,
                           gboolean    editable)
{
  g_return_if_fail (NST_IS_PLAN_ROW (self));

  gtk_text_view_set_editable (self->activity, editable);
  gtk_text_view_set_editable (self->responsible, editable);
  gtk_text_view_set_editable (self->expected, editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->schedule), editable);
  gtk_widget_set_visible (self->menu_button, editable);
}

char *
nst_plan_row_dup_state (NstPlanRow *self)
{
  g_autofree char *activity = view_text (self->activity);
  g_autofree char *responsible = view_text (self->responsible);
  g_autofree char *expected = view_text (self->expected);

  return g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s\x1f%s", nst_plan_item_get_id (self->item),
                          activity, gtk_editable_get_text (GTK_EDITABLE (self->schedule)), responsible, expected);
}

void
nst_plan_row_focus (NstPlanRow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->activity));
}

static GtkWidget *
header_label (const char *text,
              int         width)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  if (width > 0)
    gtk_widget_set_size_request (label, width, -1);
  else
    gtk_widget_set_hexpand (label, TRUE);
  return label;
}

/* The table's column titles, aligned with the rows' fields. */
GtkWidget *
nst_plan_row_new_header (void)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, SPACING);
  GtkWidget *number = header_label (_("No."), NUMBER_WIDTH);

  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_box_append (GTK_BOX (line), number);
  gtk_box_append (GTK_BOX (line), header_label (_("Activity"), 0));
  gtk_box_append (GTK_BOX (line), header_label (_("Schedule"), SCHEDULE_WIDTH));
  gtk_box_append (GTK_BOX (line), header_label (_("Responsible"), RESPONSIBLE_WIDTH));
  gtk_box_append (GTK_BOX (line), header_label (_("Expected result"), EXPECTED_WIDTH));
  gtk_box_append (GTK_BOX (line), header_label (_("State"), STATE_WIDTH));
  gtk_box_append (GTK_BOX (line), header_label ("", MENU_WIDTH));
  /* Over the rows' fields: the list's frame and the rows' margins. */
  gtk_widget_set_margin_start (line, 7);
  gtk_widget_set_margin_end (line, 7);
  gtk_widget_set_margin_bottom (line, 6);
  return line;
}
