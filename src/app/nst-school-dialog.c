/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-school-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nst-date.h"
#include "nst-school-dialog.h"

#define FIRST_SCHOOL_YEAR 2021
#define LAST_SCHOOL_YEAR 2030
#define MAX_TEXT_FIELDS 32

/* One text field of the school: its row, and what is wrong with it said
 * in a line of its own under the row. The row's builder id and widget
 * name are the field's name (see nst_school_text_fields()). */
typedef struct
{
  const char *name;
  GtkWidget *row;
  GtkWidget *message_row;
  GtkLabel *message;
  gboolean touched;
} TextField;

struct _NstSchoolDialog
{
  AdwWindow parent_instance;

  NstStore *store;
  TextField fields[MAX_TEXT_FIELDS];
  guint n_fields;
  guint first_year;
  char *initial_state;
  gboolean loading;
  gboolean show_all;
  gboolean closing;
  AdwToast *problem_toast;   /* «Some fields need correcting», while it shows */
  gboolean load_failed;

  /* Template widgets */
  GtkWidget *save_button;
  AdwToastOverlay *toast_overlay;
  AdwComboRow *school_year_row;
  GtkSpinButton *mentee_limit_spin;
};

G_DEFINE_FINAL_TYPE (NstSchoolDialog, nst_school_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean validate (NstSchoolDialog *self);

/* Checks */

static gboolean
all_digits (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');
  const char *dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || strchr (text, ' ') != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gboolean
is_web_address (const char *text)
{
  return (g_ascii_strncasecmp (text, "http://", 7) == 0 && text[7] != '\0') ||
         (g_ascii_strncasecmp (text, "https://", 8) == 0 && text[8] != '\0');
}

/* Only the full name is required: the rest may wait until a document
 * needs it. */
static const char *
field_problem (const char *field,
               const char *value)
{
  gsize length = strlen (value);

  if (g_str_equal (field, "full-name"))
    return length == 0 ? _("Enter the full name of the school, as in its charter") : NULL;
  if (length == 0)
    return NULL;
  if (g_str_equal (field, "inn") && (!all_digits (value) || (length != 10 && length != 12)))
    return _("The INN has 10 or 12 digits");
  if (g_str_equal (field, "ogrn") && (!all_digits (value) || (length != 13 && length != 15)))
    return _("The OGRN has 13 or 15 digits");
  if (g_str_equal (field, "email") && !is_email (value))
    return _("Enter an e-mail address such as school@example.ru");
  if (g_str_equal (field, "website") && !is_web_address (value))
    return _("Enter the address with http:// or https:// at the start");
  return NULL;
}

static char *
field_text (TextField *f)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->row))));
}

static void
show_problem (TextField  *f,
              const char *problem,
              gboolean    reveal)
{
  gboolean shown = problem != NULL && reveal;

  gtk_label_set_text (f->message, problem ? problem : "");
  gtk_widget_set_visible (f->message_row, shown);
  if (shown)
    gtk_widget_add_css_class (f->row, "error");
  else
    gtk_widget_remove_css_class (f->row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (f->row), GTK_ACCESSIBLE_STATE_INVALID,
                               shown ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* Helpers */

/* Toast titles are markup. */
static AdwToast *
toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  return toast;
}

static void
error_details_cb (AdwToast  *toast,
                  GtkWindow *window)
{
  const char *heading = g_object_get_data (G_OBJECT (toast), "nst-error-heading");
  const char *message = g_object_get_data (G_OBJECT (toast), "nst-error-message");
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A toast is one line: the whole message, which says what to do, is a
 * click away, and the toast stays until the user has seen it. */
static void
show_error (NstSchoolDialog *self,
            const char      *heading,
            const GError    *error)
{
  AdwToast *toast = toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data_full (G_OBJECT (toast), "nst-error-heading", g_strdup (heading), g_free);
  g_object_set_data_full (G_OBJECT (toast), "nst-error-message",
                          g_strdup (error->message), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (error_details_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
dismiss_problem_toast (NstSchoolDialog *self)
{
  if (self->problem_toast == NULL)
    return;
  adw_toast_dismiss (self->problem_toast);
  g_clear_object (&self->problem_toast);
}

/* After a refused save; it goes away by itself once the form is right. */
static void
show_problem_toast (NstSchoolDialog *self)
{
  dismiss_problem_toast (self);
  self->problem_toast = toast_new (_("Some fields need correcting"));
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->problem_toast));
}

static void
add_message_row (TextField *f)
{
  GtkWidget *list = gtk_widget_get_parent (f->row);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");

  f->message = GTK_LABEL (label);
  f->message_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (f->message_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (f->message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (f->message_row), FALSE);
  gtk_widget_set_visible (f->message_row, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (f->row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                  -1);
  /* Right under its row, in the row's boxed list. */
  gtk_list_box_insert (GTK_LIST_BOX (list), f->message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (f->row)) + 1);
}

static void
setup_school_years (NstSchoolDialog *self,
                    guint            year)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  guint last = MAX (LAST_SCHOOL_YEAR, year);

  /* A year outside the usual range stays choosable rather than lost. */
  self->first_year = MIN (FIRST_SCHOOL_YEAR, year);
  for (guint y = self->first_year; y <= last; y++)
    {
      g_autofree char *label = nst_school_year_label (y);

      gtk_string_list_append (years, label);
    }
  adw_combo_row_set_model (self->school_year_row, G_LIST_MODEL (years));
  adw_combo_row_set_selected (self->school_year_row, year - self->first_year);
}

static void
load_school (NstSchoolDialog *self)
{
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(GError) error = NULL;
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (self->mentee_limit_spin);

  school = nst_store_load_school (self->store, &error);
  if (school == NULL)
    {
      /* Saving now would write the defaults over the real details. */
      self->load_failed = TRUE;
      show_error (self, _("Could not read the school's details"), error);
      school = nst_school_new ();
    }
  for (guint i = 0; i < self->n_fields; i++)
    gtk_editable_set_text (GTK_EDITABLE (self->fields[i].row),
                           nst_school_get_text (school, self->fields[i].name));
  setup_school_years (self, nst_school_get_school_year (school));
  gtk_adjustment_set_upper (adjustment, MAX (20, nst_school_get_mentee_limit (school)));
  gtk_spin_button_set_value (self->mentee_limit_spin, nst_school_get_mentee_limit (school));
  self->show_all = !nst_school_is_empty (school);
}

static NstSchool *
read_form (NstSchoolDialog *self)
{
  NstSchool *school = nst_school_new ();

  for (guint i = 0; i < self->n_fields; i++)
    {
      g_autofree char *value = field_text (&self->fields[i]);

      nst_school_set_text (school, self->fields[i].name, value);
    }
  nst_school_set_school_year (school,
                              self->first_year + adw_combo_row_get_selected (self->school_year_row));
  nst_school_set_mentee_limit (school, gtk_spin_button_get_value_as_int (self->mentee_limit_spin));
  return school;
}

static char *
dup_form_state (NstSchoolDialog *self)
{
  GString *state = g_string_new (NULL);

  for (guint i = 0; i < self->n_fields; i++)
    g_string_append_printf (state, "%s\x1f", gtk_editable_get_text (GTK_EDITABLE (self->fields[i].row)));
  g_string_append_printf (state, "%u %d", adw_combo_row_get_selected (self->school_year_row),
                          gtk_spin_button_get_value_as_int (self->mentee_limit_spin));
  return g_string_free (state, FALSE);
}

static gboolean
has_changes (NstSchoolDialog *self)
{
  g_autofree char *state = dup_form_state (self);

  return g_strcmp0 (state, self->initial_state) != 0;
}

static gboolean
validate (NstSchoolDialog *self)
{
  gboolean valid = !self->load_failed;

  for (guint i = 0; i < self->n_fields; i++)
    {
      TextField *f = &self->fields[i];
      g_autofree char *value = field_text (f);
      const char *problem = field_problem (f->name, value);

      show_problem (f, problem, self->show_all || f->touched);
      valid &= problem == NULL;
    }
  gtk_widget_set_sensitive (self->save_button, valid);
  if (valid)
    dismiss_problem_toast (self);
  return valid;
}

static void
save (NstSchoolDialog *self)
{
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(GError) error = NULL;

  self->show_all = TRUE;
  if (!validate (self))
    {
      for (guint i = 0; i < self->n_fields; i++)
        if (gtk_widget_get_visible (self->fields[i].message_row))
          {
            gtk_widget_grab_focus (self->fields[i].row);
            break;
          }
      if (!self->load_failed)
        show_problem_toast (self);
      return;
    }
  school = read_form (self);
  if (!nst_store_save_school (self->store, school, &error))
    {
      show_error (self, _("Could not save the school's details"), error);
      return;
    }
  self->closing = TRUE;
  g_signal_emit (self, signals[SAVED], 0, school);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The dialog is still busy with its response: close once it is done, so
 * that it does not outlive this window in the middle of its signal. */
static gboolean
close_discarded_cb (gpointer data)
{
  NstSchoolDialog *self = data;

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_discarded_cb,
                     g_object_ref (user_data), g_object_unref);
}

static void
ask_to_discard (NstSchoolDialog *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard changes?"),
                                                       _("The changes to the school's details have not been saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "continue", _("_Continue Editing"),
                                    "discard", _("_Discard Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
text_changed_cb (GtkWidget       *row,
                 NstSchoolDialog *self)
{
  if (self->loading)
    return;
  for (guint i = 0; i < self->n_fields; i++)
    if (self->fields[i].row == row)
      self->fields[i].touched = TRUE;
  validate (self);
}

static void
form_changed_cb (NstSchoolDialog *self)
{
  if (!self->loading)
    validate (self);
}

static void
cancel_clicked_cb (NstSchoolDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (NstSchoolDialog *self)
{
  save (self);
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  save (NST_SCHOOL_DIALOG (widget));
  return TRUE;
}

static gboolean
close_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

/* vfuncs */

static gboolean
nst_school_dialog_close_request (GtkWindow *window)
{
  NstSchoolDialog *self = NST_SCHOOL_DIALOG (window);

  if (!self->closing && has_changes (self))
    {
      ask_to_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (nst_school_dialog_parent_class)->close_request (window);
}

static void
nst_school_dialog_dispose (GObject *object)
{
  NstSchoolDialog *self = NST_SCHOOL_DIALOG (object);

  self->loading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_SCHOOL_DIALOG);
  G_OBJECT_CLASS (nst_school_dialog_parent_class)->dispose (object);
}

static void
nst_school_dialog_finalize (GObject *object)
{
  NstSchoolDialog *self = NST_SCHOOL_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->initial_state, g_free);
  g_clear_object (&self->problem_toast);
  G_OBJECT_CLASS (nst_school_dialog_parent_class)->finalize (object);
}

static void
bind_shortcuts (GtkWidgetClass *widget_class)
{
  static const guint save_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_s };

  for (guint i = 0; i < G_N_ELEMENTS (save_keys); i++)
    gtk_widget_class_add_binding (widget_class, save_keys[i], GDK_CONTROL_MASK,
                                  save_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_shortcut_cb, NULL);
}

static void
nst_school_dialog_class_init (NstSchoolDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  const char *const *fields = nst_school_text_fields ();

  object_class->dispose = nst_school_dialog_dispose;
  object_class->finalize = nst_school_dialog_finalize;
  window_class->close_request = nst_school_dialog_close_request;

  /**
   * NstSchoolDialog::saved:
   * @school: the details as saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, NST_TYPE_SCHOOL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/nastavnik/Nastavnik/nst-school-dialog.ui");
  /* The text rows are found by name in init, so that a new field of the
   * school needs only its row in the .ui file. */
  for (guint i = 0; fields[i] != NULL; i++)
    gtk_widget_class_bind_template_child_full (widget_class, fields[i], FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, NstSchoolDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, NstSchoolDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NstSchoolDialog, school_year_row);
  gtk_widget_class_bind_template_child (widget_class, NstSchoolDialog, mentee_limit_spin);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  bind_shortcuts (widget_class);
}

static void
nst_school_dialog_init (NstSchoolDialog *self)
{
  const char *const *fields = nst_school_text_fields ();

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; fields[i] != NULL; i++)
    {
      TextField *f = &self->fields[self->n_fields];
      GObject *row = gtk_widget_get_template_child (GTK_WIDGET (self), NST_TYPE_SCHOOL_DIALOG,
                                                    fields[i]);

      g_return_if_fail (self->n_fields < MAX_TEXT_FIELDS);
      g_return_if_fail (ADW_IS_ENTRY_ROW (row));
      f->name = fields[i];
      f->row = GTK_WIDGET (row);
      gtk_widget_set_name (f->row, fields[i]);
      add_message_row (f);
      g_signal_connect_object (row, "changed", G_CALLBACK (text_changed_cb), self, 0);
      self->n_fields++;
    }
  gtk_widget_set_name (self->save_button, "save");
  gtk_widget_set_name (GTK_WIDGET (self->school_year_row), "school-year");
  gtk_widget_set_name (GTK_WIDGET (self->mentee_limit_spin), "mentee-limit");
}

/**
 * nst_school_dialog_new:
 * @parent: (nullable): the window the dialog is modal to
 *
 * Returns: (transfer none): the dialog, filled from the store, not yet shown
 */
NstSchoolDialog *
nst_school_dialog_new (GtkWindow *parent,
                       NstStore  *store)
{
  NstSchoolDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NST_IS_STORE (store), NULL);

  self = g_object_new (NST_TYPE_SCHOOL_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load_school (self);
  self->initial_state = dup_form_state (self);
  self->loading = FALSE;
  validate (self);
  gtk_widget_grab_focus (self->fields[0].row);
  return self;
}
