/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "schedule/nst-date.h"
#include "widgets/nst-date-row.h"

struct _NstDateRow
{
  AdwEntryRow parent_instance;

  GtkWidget *button;
  GtkWidget *popover;
  GtkCalendar *calendar;

  char *iso_date;
  gboolean valid;

  /* The month the calendar shows, to tell a click on a day from paging. */
  int shown_year;
  int shown_month;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (NstDateRow, nst_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_ISO_DATE,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remember_shown_month (NstDateRow *self)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);

  self->shown_year = g_date_time_get_year (shown);
  self->shown_month = g_date_time_get_month (shown);
}

/* The calendar opens on the date in the entry, or on today. */
static void
sync_calendar (NstDateRow *self)
{
  g_autoptr(GDateTime) date = NULL;
  GDate day;

  if (!nst_date_parse_iso (self->iso_date, &day))
    nst_date_today (&day);
  date = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                g_date_get_day (&day), 0, 0, 0);
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->syncing = FALSE;
  remember_shown_month (self);
}

static void
pick_calendar_date (NstDateRow *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (picked),
                  g_date_time_get_month (picked), g_date_time_get_year (picked));
  text = nst_date_format_ru (&day);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
}

static void
update_from_text (NstDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *iso = NULL;
  gboolean valid = TRUE;
  GDate date;

  if (nst_date_parse_any (trimmed, &date))
    iso = nst_date_format_iso (&date);
  else
    valid = *trimmed == '\0';

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");

  if (g_strcmp0 (self->iso_date, iso ? iso : "") != 0)
    {
      g_free (self->iso_date);
      self->iso_date = iso ? g_steal_pointer (&iso) : g_strdup ("");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISO_DATE]);
    }
  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
changed_cb (NstDateRow *self)
{
  update_from_text (self);
}

static void
popover_show_cb (NstDateRow *self)
{
  sync_calendar (self);
}

/* Keyboard selection (Space) lands here; paging to another month also
 * selects a day there, which is not a choice. The calendar tells of the
 * new day before it tells of the new month. */
static void
day_selected_cb (NstDateRow *self)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);
  gboolean same_month = g_date_time_get_year (shown) == self->shown_year &&
                        g_date_time_get_month (shown) == self->shown_month;

  if (!self->syncing && same_month)
    pick_calendar_date (self);
}

static void
month_shown_cb (NstDateRow *self)
{
  remember_shown_month (self);
}

/* A click on the day that is already selected selects nothing new, so a
 * click on any day number counts as the choice. */
static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             NstDateRow      *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  if (picked != NULL && gtk_widget_has_css_class (picked, "day-number") &&
      gtk_widget_get_visible (self->popover))
    pick_calendar_date (self);
}

static gboolean
calendar_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         NstDateRow            *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;
  pick_calendar_date (self);
  return GDK_EVENT_STOP;
}

static void
build_calendar_button (NstDateRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_object (self->calendar, "day-selected",
                           G_CALLBACK (day_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::month",
                           G_CALLBACK (month_shown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::year",
                           G_CALLBACK (month_shown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (calendar_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), keys);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), GTK_WIDGET (self->calendar));
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_show_cb),
                           self, G_CONNECT_SWAPPED);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->button, _("Choose a date"));
  gtk_widget_add_css_class (self->button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a date"),
                                  -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->button);
}

static void
nst_date_row_finalize (GObject *object)
{
  NstDateRow *self = NST_DATE_ROW (object);

  g_clear_pointer (&self->iso_date, g_free);
  G_OBJECT_CLASS (nst_date_row_parent_class)->finalize (object);
}

static void
nst_date_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  NstDateRow *self = NST_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_ISO_DATE:
      g_value_set_string (value, self->iso_date);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_date_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  NstDateRow *self = NST_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_ISO_DATE:
      nst_date_row_set_iso_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_date_row_class_init (NstDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nst_date_row_finalize;
  object_class->get_property = nst_date_row_get_property;
  object_class->set_property = nst_date_row_set_property;

  properties[PROP_ISO_DATE] =
    g_param_spec_string ("iso-date", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nst_date_row_init (NstDateRow *self)
{
  self->iso_date = g_strdup ("");
  self->valid = TRUE;
  build_calendar_button (self);
  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
}

GtkWidget *
nst_date_row_new (void)
{
  return g_object_new (NST_TYPE_DATE_ROW, NULL);
}

/**
 * nst_date_row_get_iso_date:
 *
 * Returns: (transfer none): "YYYY-MM-DD", or "" for no date or a wrong one
 */
const char *
nst_date_row_get_iso_date (NstDateRow *self)
{
  g_return_val_if_fail (NST_IS_DATE_ROW (self), "");
  return self->iso_date;
}

/**
 * nst_date_row_set_iso_date:
 * @iso_date: (nullable): "YYYY-MM-DD", or %NULL or "" for no date
 *
 * Shows the date as ДД.ММ.ГГГГ.
 */
void
nst_date_row_set_iso_date (NstDateRow *self,
                           const char *iso_date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (NST_IS_DATE_ROW (self));
  text = nst_date_iso_to_ru (iso_date);
  /* A stored value that is not a date stays visible, marked as wrong,
   * rather than vanish on the next save. */
  gtk_editable_set_text (GTK_EDITABLE (self),
                         *text == '\0' && iso_date != NULL ? iso_date : text);
}

gboolean
nst_date_row_get_valid (NstDateRow *self)
{
  g_return_val_if_fail (NST_IS_DATE_ROW (self), FALSE);
  return self->valid;
}
