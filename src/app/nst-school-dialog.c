/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-school-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "schedule/nst-date.h"
#include "widgets/nst-row-message.h"
#include "nst-school-dialog.h"

#define FIRST_SCHOOL_YEAR 2021
#define LAST_SCHOOL_YEAR 2030
#define MAX_TEXT_FIELDS 32

/* One text field of the school: its row, and what is wrong with it. The
 * row's builder id and widget name are the field's name (see
 * nst_school_text_fields()). */
typedef struct
{
  const char *name;
  NstRowMessage message;
  gboolean touched;
} TextField;

struct _NstSchoolDialog
{
  NstFormWindow parent_instance;

  NstStore *store;
  GPtrArray *staff;           /* NstParticipant: the curator row's items after «not chosen» */
  TextField fields[MAX_TEXT_FIELDS];
  guint n_fields;
  guint first_year;
  gboolean loading;
  gboolean show_all;
  gboolean load_failed;

  /* Template widgets */
  GtkWidget *save_button;
  AdwToastOverlay *toast_overlay;
  AdwComboRow *school_year_row;
  AdwComboRow *curator_row;
  GtkSpinButton *mentee_limit_spin;
};

G_DEFINE_FINAL_TYPE (NstSchoolDialog, nst_school_dialog, NST_TYPE_FORM_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
field_row (TextField *f)
{
  return f->message.row;
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

static gboolean validate (NstSchoolDialog *self);

static TextField *
field_named (NstSchoolDialog *self,
             const char      *name)
{
  for (guint i = 0; i < self->n_fields; i++)
    if (g_str_equal (self->fields[i].name, name))
      return &self->fields[i];
  g_return_val_if_reached (NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (nst_participant_get_sort_key (*(NstParticipant **) a),
                 nst_participant_get_sort_key (*(NstParticipant **) b));
}

/* The staff of the registry, alphabetically, after «not chosen»; one who
 * is the curator but has left for the archive stays choosable. */
static void
setup_curators (NstSchoolDialog *self,
                gint64           curator_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->staff, 0);
  if ((people = nst_store_list_participants (self->store, &error)) == NULL)
    nst_form_window_show_error (NST_FORM_WINDOW (self), _("Could not read the registry"), error);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (people)); i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (G_LIST_MODEL (people), i);
      NstCategory category = nst_participant_get_category (p);

      if ((category == NST_CATEGORY_TEACHER || category == NST_CATEGORY_HEAD) &&
          (!nst_participant_get_archived (p) || nst_participant_get_id (p) == curator_id))
        g_ptr_array_add (self->staff, g_steal_pointer (&p));
    }
  g_ptr_array_sort (self->staff, compare_names);
  gtk_string_list_append (names, _("Not chosen: the name and post as typed below"));
  for (guint i = 0; i < self->staff->len; i++)
    {
      NstParticipant *p = g_ptr_array_index (self->staff, i);
      g_autofree char *name = nst_participant_dup_full_name (p);
      const char *post = nst_participant_get_post (p);
      g_autofree char *label = *post ? g_strdup_printf ("%s, %s", name, post) : g_strdup (name);

      gtk_string_list_append (names, label);
      if (nst_participant_get_id (p) == curator_id)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->curator_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->curator_row, selected);
}

static NstParticipant *
chosen_curator (NstSchoolDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->curator_row);

  return selected >= 1 && selected <= self->staff->len ? g_ptr_array_index (self->staff, selected - 1) : NULL;
}

/* The one chosen gives the name, and the post when the card has one: the
 * rows show it and are not for typing. */
static void
show_curator (NstSchoolDialog *self)
{
  NstParticipant *p = chosen_curator (self);
  GtkWidget *name_row = field_row (field_named (self, "curator-name"));
  GtkWidget *post_row = field_row (field_named (self, "curator-post"));
  gboolean has_post = p != NULL && *nst_participant_get_post (p) != '\0';

  if (p != NULL)
    {
      g_autofree char *name = nst_participant_dup_full_name (p);

      gtk_editable_set_text (GTK_EDITABLE (name_row), name);
      if (has_post)
        gtk_editable_set_text (GTK_EDITABLE (post_row), nst_participant_get_post (p));
    }
  gtk_widget_set_sensitive (name_row, p == NULL);
  gtk_widget_set_sensitive (post_row, !has_post);
}

static void
curator_selected_cb (NstSchoolDialog *self)
{
  gboolean loading = self->loading;

  if (self->staff == NULL)
    return;
  self->loading = TRUE;
  show_curator (self);
  self->loading = loading;
  if (!loading)
    validate (self);
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
      nst_form_window_show_error (NST_FORM_WINDOW (self), _("Could not read the school's details"),
                                  error);
      school = nst_school_new ();
    }
  for (guint i = 0; i < self->n_fields; i++)
    gtk_editable_set_text (GTK_EDITABLE (field_row (&self->fields[i])),
                           nst_school_get_text (school, self->fields[i].name));
  setup_school_years (self, nst_school_get_school_year (school));
  setup_curators (self, nst_school_get_curator_id (school));
  show_curator (self);
  gtk_adjustment_set_upper (adjustment, MAX (20, nst_school_get_mentee_limit (school)));
  gtk_spin_button_set_value (self->mentee_limit_spin, nst_school_get_mentee_limit (school));
  self->show_all = !nst_school_is_empty (school);
}

static NstSchool *
read_form (NstSchoolDialog *self)
{
  NstSchool *school = nst_school_new ();

  for (guint i = 0; i < self->n_fields; i++)
    nst_school_set_text (school, self->fields[i].name,
                         gtk_editable_get_text (GTK_EDITABLE (field_row (&self->fields[i]))));
  nst_school_set_school_year (school,
                              self->first_year + adw_combo_row_get_selected (self->school_year_row));
  nst_school_set_mentee_limit (school, gtk_spin_button_get_value_as_int (self->mentee_limit_spin));
  nst_school_set_curator_id (school, chosen_curator (self) ? nst_participant_get_id (chosen_curator (self)) : 0);
  return school;
}

static gboolean
validate (NstSchoolDialog *self)
{
  g_autoptr(NstSchool) school = read_form (self);
  gboolean valid = !self->load_failed;

  for (guint i = 0; i < self->n_fields; i++)
    {
      TextField *f = &self->fields[i];
      g_autofree char *problem = nst_school_check_field (school, f->name);

      nst_row_message_show (&f->message, problem, self->show_all || f->touched);
      valid &= problem == NULL;
    }
  nst_form_window_set_can_save (NST_FORM_WINDOW (self), valid);
  return valid;
}

/* Callbacks */

static void
text_changed_cb (GtkWidget       *row,
                 NstSchoolDialog *self)
{
  if (self->loading)
    return;
  for (guint i = 0; i < self->n_fields; i++)
    if (field_row (&self->fields[i]) == row)
      self->fields[i].touched = TRUE;
  validate (self);
}

static void
form_changed_cb (NstSchoolDialog *self)
{
  if (!self->loading)
    validate (self);
}

/* vfuncs */

static char *
nst_school_dialog_dup_state (NstFormWindow *window)
{
  NstSchoolDialog *self = NST_SCHOOL_DIALOG (window);
  GString *state = g_string_new (NULL);

  for (guint i = 0; i < self->n_fields; i++)
    g_string_append_printf (state, "%s\x1f",
                            gtk_editable_get_text (GTK_EDITABLE (field_row (&self->fields[i]))));
  g_string_append_printf (state, "%u %d %u", adw_combo_row_get_selected (self->school_year_row),
                          gtk_spin_button_get_value_as_int (self->mentee_limit_spin),
                          adw_combo_row_get_selected (self->curator_row));
  return g_string_free (state, FALSE);
}

static gboolean
nst_school_dialog_save (NstFormWindow *window)
{
  NstSchoolDialog *self = NST_SCHOOL_DIALOG (window);
  g_autoptr(NstSchool) school = NULL;
  g_autoptr(GError) error = NULL;

  self->show_all = TRUE;
  if (!validate (self))
    {
      for (guint i = 0; i < self->n_fields; i++)
        if (self->fields[i].message.shown)
          {
            gtk_widget_grab_focus (field_row (&self->fields[i]));
            break;
          }
      if (!self->load_failed)
        nst_form_window_show_problems (window);
      return FALSE;
    }
  school = read_form (self);
  if (!nst_store_save_school (self->store, school, &error))
    {
      nst_form_window_show_error (window, _("Could not save the school's details"), error);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, school);
  return TRUE;
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
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  G_OBJECT_CLASS (nst_school_dialog_parent_class)->finalize (object);
}

static void
nst_school_dialog_class_init (NstSchoolDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NstFormWindowClass *form_class = NST_FORM_WINDOW_CLASS (klass);
  const char *const *fields = nst_school_text_fields ();

  object_class->dispose = nst_school_dialog_dispose;
  object_class->finalize = nst_school_dialog_finalize;
  form_class->dup_state = nst_school_dialog_dup_state;
  form_class->save = nst_school_dialog_save;

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
  gtk_widget_class_bind_template_child (widget_class, NstSchoolDialog, curator_row);
  gtk_widget_class_bind_template_child (widget_class, NstSchoolDialog, mentee_limit_spin);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, curator_selected_cb);
}

static void
nst_school_dialog_init (NstSchoolDialog *self)
{
  const char *const *fields = nst_school_text_fields ();

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  nst_form_window_set_toast_overlay (NST_FORM_WINDOW (self), self->toast_overlay);
  nst_form_window_set_discard_body (NST_FORM_WINDOW (self),
                                    _("The changes to the school's details have not been saved."));
  self->staff = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      TextField *f = &self->fields[self->n_fields];
      GObject *row = gtk_widget_get_template_child (GTK_WIDGET (self), NST_TYPE_SCHOOL_DIALOG,
                                                    fields[i]);

      g_return_if_fail (self->n_fields < MAX_TEXT_FIELDS);
      g_return_if_fail (ADW_IS_ENTRY_ROW (row));
      f->name = fields[i];
      gtk_widget_set_name (GTK_WIDGET (row), fields[i]);
      nst_row_message_init (&f->message, GTK_WIDGET (row));
      nst_row_message_place (&f->message);
      g_signal_connect_object (row, "changed", G_CALLBACK (text_changed_cb), self, 0);
      self->n_fields++;
    }
  gtk_widget_set_name (self->save_button, "save");
  gtk_widget_set_name (GTK_WIDGET (self->school_year_row), "school-year");
  gtk_widget_set_name (GTK_WIDGET (self->curator_row), "curator");
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
  nst_form_window_mark_saved_state (NST_FORM_WINDOW (self));
  self->loading = FALSE;
  validate (self);
  gtk_widget_grab_focus (field_row (&self->fields[0]));
  return self;
}
