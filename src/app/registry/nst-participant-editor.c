/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-participant-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "schedule/nst-date.h"
#include "widgets/nst-date-row.h"
#include "registry/nst-participant-editor.h"
#include "widgets/nst-row-message.h"

typedef enum
{
  CONSENT_SIGNED,
  CONSENT_REPRESENTATIVE,
  CONSENT_WITHDRAWN,
  N_CONSENT_CHECKS
} ConsentCheck;

/* The rows of one consent, inside its expander row. */
typedef struct
{
  NstParticipantEditor *editor;
  gint64 id;
  gboolean touched;
  AdwExpanderRow *expander;
  GtkWidget *warning;
  AdwComboRow *kind;
  NstDateRow *signed_on;
  AdwEntryRow *representative;
  NstDateRow *withdrawn_on;
  GtkWidget *remove_button;
  NstRowMessage messages[N_CONSENT_CHECKS];
} ConsentRows;

struct _NstParticipantEditor
{
  NstFormWindow parent_instance;

  NstStore *store;
  NstParticipant *original;  /* NULL for a new participant */
  NstParticipant *working;   /* the form as it stands, for the checks */
  GPtrArray *consents;       /* ConsentRows */
  gboolean loading;          /* changes come from the program, not the user */
  gboolean show_all;         /* an existing participant, or after a save attempt */
  gboolean consents_unreadable;

  NstRowMessage checks[NST_PARTICIPANT_N_CHECKED_FIELDS];
  gboolean touched[NST_PARTICIPANT_N_CHECKED_FIELDS];

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  AdwToastOverlay *toast_overlay;
  GtkWidget *surname_row;
  GtkWidget *name_row;
  GtkWidget *patronymic_row;
  AdwComboRow *category_row;
  GtkWidget *post_row;
  GtkWidget *class_row;
  GtkWidget *subjects_row;
  GtkWidget *birth_row;
  GtkWidget *teaching_row;
  GtkWidget *mentoring_row;
  AdwComboRow *qualification_row;
  GtkSwitch *young_switch;
  GtkSwitch *mentor_switch;
  GtkSwitch *mentee_switch;
  GtkWidget *request_row;
  GtkWidget *competences_row;
  GtkWidget *email_row;
  GtkWidget *phone_row;
  GtkWidget *contact_row;
  GtkWidget *note_row;
  GtkWidget *add_consent_row;
};

G_DEFINE_FINAL_TYPE (NstParticipantEditor, nst_participant_editor, NST_TYPE_FORM_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The text rows, by the NstParticipant property they edit; the property
 * name is also the row's widget name, so that tests find the rows. */
typedef struct
{
  const char *property;
  gsize offset;
} TextRow;

#define ROW_AT(self, offset) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (offset)))
#define ROW_OFFSET(member) G_STRUCT_OFFSET (NstParticipantEditor, member)

static const TextRow text_rows[] = {
  { "surname", ROW_OFFSET (surname_row) },
  { "name", ROW_OFFSET (name_row) },
  { "patronymic", ROW_OFFSET (patronymic_row) },
  { "post", ROW_OFFSET (post_row) },
  { "class-name", ROW_OFFSET (class_row) },
  { "subjects", ROW_OFFSET (subjects_row) },
  { "birth-date", ROW_OFFSET (birth_row) },
  { "teaching-since", ROW_OFFSET (teaching_row) },
  { "mentoring-since", ROW_OFFSET (mentoring_row) },
  { "request", ROW_OFFSET (request_row) },
  { "competences", ROW_OFFSET (competences_row) },
  { "email", ROW_OFFSET (email_row) },
  { "phone", ROW_OFFSET (phone_row) },
  { "contact", ROW_OFFSET (contact_row) },
  { "note", ROW_OFFSET (note_row) },
};

static const gsize checked_rows[NST_PARTICIPANT_N_CHECKED_FIELDS] = {
  [NST_PARTICIPANT_FIELD_SURNAME] = ROW_OFFSET (surname_row),
  [NST_PARTICIPANT_FIELD_NAME] = ROW_OFFSET (name_row),
  [NST_PARTICIPANT_FIELD_PATRONYMIC] = ROW_OFFSET (patronymic_row),
  [NST_PARTICIPANT_FIELD_CLASS_NAME] = ROW_OFFSET (class_row),
  [NST_PARTICIPANT_FIELD_BIRTH_DATE] = ROW_OFFSET (birth_row),
  [NST_PARTICIPANT_FIELD_TEACHING_SINCE] = ROW_OFFSET (teaching_row),
  [NST_PARTICIPANT_FIELD_MENTORING_SINCE] = ROW_OFFSET (mentoring_row),
};

static gboolean validate (NstParticipantEditor *self);

/* Dates */

static gboolean
row_text_is_date (GtkWidget *row)
{
  return !NST_IS_DATE_ROW (row) || nst_date_row_get_valid (NST_DATE_ROW (row));
}

static const char *
date_format_problem (void)
{
  return _("Enter the date as DD.MM.YYYY");
}

/* Helpers */

static GListModel *
capitalized_labels (const char *(*label_of) (guint),
                    guint        n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *label = label_of (i);
      g_autofree char *first = g_utf8_strup (label, g_utf8_next_char (label) - label);
      g_autofree char *text = g_strconcat (first, g_utf8_next_char (label), NULL);

      gtk_string_list_append (list, *label ? text : "");
    }
  return G_LIST_MODEL (list);
}

static const char *category_label (guint i) { return nst_category_label (i); }
static const char *qualification_label (guint i) { return nst_qualification_label (i); }
static const char *consent_kind_label (guint i) { return nst_consent_kind_label (i); }

static guint
combo_selected (AdwComboRow *row,
                guint        n)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < n ? selected : 0;
}

/* The participant's own fields */

static void
read_form (NstParticipantEditor *self,
           NstParticipant       *p)
{
  NstCategory category = combo_selected (self->category_row, NST_N_CATEGORIES);

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    {
      GtkWidget *row = ROW_AT (self, text_rows[i].offset);
      const char *value = NST_IS_DATE_ROW (row)
        ? nst_date_row_get_iso_date (NST_DATE_ROW (row))
        : gtk_editable_get_text (GTK_EDITABLE (row));

      g_object_set (p, text_rows[i].property, value, NULL);
    }
  /* The class row stays filled while hidden, so that switching the
   * category back and forth loses nothing, but only a student has one. */
  if (category != NST_CATEGORY_STUDENT)
    nst_participant_set_class_name (p, "");
  nst_participant_set_category (p, category);
  nst_participant_set_qualification (p, combo_selected (self->qualification_row,
                                                        NST_N_QUALIFICATIONS));
  nst_participant_set_young_specialist (p, gtk_switch_get_active (self->young_switch));
  nst_participant_set_is_mentor (p, gtk_switch_get_active (self->mentor_switch));
  nst_participant_set_is_mentee (p, gtk_switch_get_active (self->mentee_switch));
}

static void
load_participant (NstParticipantEditor *self,
                  NstParticipant       *p)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    {
      GtkWidget *row = ROW_AT (self, text_rows[i].offset);
      g_autofree char *value = NULL;

      g_object_get (p, text_rows[i].property, &value, NULL);
      if (NST_IS_DATE_ROW (row))
        nst_date_row_set_iso_date (NST_DATE_ROW (row), value);
      else
        gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
    }
  adw_combo_row_set_selected (self->category_row, nst_participant_get_category (p));
  adw_combo_row_set_selected (self->qualification_row, nst_participant_get_qualification (p));
  gtk_switch_set_active (self->young_switch, nst_participant_get_young_specialist (p));
  gtk_switch_set_active (self->mentor_switch, nst_participant_get_is_mentor (p));
  gtk_switch_set_active (self->mentee_switch, nst_participant_get_is_mentee (p));
}

static char *
field_problem (NstParticipantEditor *self,
               NstParticipantField   field,
               const GDate          *today)
{
  if (!row_text_is_date (self->checks[field].row))
    return g_strdup (date_format_problem ());
  return nst_participant_check_field (self->working, field, today);
}

/* Consents */

static NstConsent *
consent_from_rows (ConsentRows *c)
{
  NstConsent *consent = nst_consent_new (combo_selected (c->kind, NST_N_CONSENT_KINDS));

  nst_consent_set_id (consent, c->id);
  nst_consent_set_signed_on (consent, nst_date_row_get_iso_date (c->signed_on));
  nst_consent_set_representative_name (consent,
                                       gtk_editable_get_text (GTK_EDITABLE (c->representative)));
  nst_consent_set_withdrawn_on (consent, nst_date_row_get_iso_date (c->withdrawn_on));
  return consent;
}

static GPtrArray *
consents_from_rows (NstParticipantEditor *self)
{
  GPtrArray *consents = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->consents->len; i++)
    g_ptr_array_add (consents, consent_from_rows (g_ptr_array_index (self->consents, i)));
  return consents;
}

/* nst_consent_check() says what is wrong but not where: find the row by
 * checking again with the later fields made harmless. */
static ConsentCheck
consent_problem_row (NstConsent     *consent,
                     NstParticipant *participant,
                     const GDate    *today)
{
  g_autoptr(NstConsent) probe = nst_consent_copy (consent);
  g_autofree char *signing = NULL;
  g_autofree char *withdrawal = NULL;

  nst_consent_set_representative_name (probe, "-");
  nst_consent_set_withdrawn_on (probe, "");
  if ((signing = nst_consent_check (probe, participant, today)) != NULL)
    return CONSENT_SIGNED;
  nst_consent_set_withdrawn_on (probe, nst_consent_get_withdrawn_on (consent));
  if ((withdrawal = nst_consent_check (probe, participant, today)) != NULL)
    return CONSENT_WITHDRAWN;
  return CONSENT_REPRESENTATIVE;
}

/* The representative signs for a student under 14 on the day of signing;
 * a name already entered stays visible whatever the dates say. */
static void
update_representative_row (NstParticipantEditor *self,
                           ConsentRows          *c,
                           NstConsent           *consent,
                           const GDate          *today)
{
  GDate signed_on;
  gboolean needed;

  if (!nst_date_parse_iso (nst_consent_get_signed_on (consent), &signed_on))
    signed_on = *today;
  needed = nst_consent_get_kind (consent) != NST_CONSENT_MENTOR &&
           nst_participant_needs_representative (self->working, &signed_on);
  gtk_widget_set_visible (GTK_WIDGET (c->representative),
                          needed || *nst_consent_get_representative_name (consent) != '\0');
}

static char *
consent_subtitle (NstConsent *consent)
{
  g_autofree char *signed_on = nst_date_iso_to_ru (nst_consent_get_signed_on (consent));
  g_autofree char *withdrawn_on = nst_date_iso_to_ru (nst_consent_get_withdrawn_on (consent));
  const char *representative = nst_consent_get_representative_name (consent);
  g_autofree char *text = NULL;

  if (*withdrawn_on != '\0')
    /* Translators: %s is a date, ДД.ММ.ГГГГ */
    text = g_strdup_printf (_("Withdrawn on %s"), withdrawn_on);
  else if (*signed_on == '\0')
    text = g_strdup (_("The date of signing is not entered"));
  else if (*representative != '\0')
    /* Translators: the first %s is a date, the second the full name of the
     * parent or guardian who signed for a student */
    text = g_strdup_printf (_("Signed on %s by the legal representative %s"),
                            signed_on, representative);
  else
    /* Translators: %s is a date, ДД.ММ.ГГГГ */
    text = g_strdup_printf (_("Signed on %s"), signed_on);
  /* Row subtitles are markup. */
  return g_markup_escape_text (text, -1);
}

static gboolean
validate_consent (NstParticipantEditor *self,
                  ConsentRows          *c,
                  const GDate          *today)
{
  g_autoptr(NstConsent) consent = consent_from_rows (c);
  g_autofree char *problem = nst_consent_check (consent, self->working, today);
  g_autofree char *subtitle = consent_subtitle (consent);
  const char *problems[N_CONSENT_CHECKS] = { NULL, };
  gboolean reveal = self->show_all || c->touched;
  gboolean shown = FALSE;
  gboolean valid = TRUE;

  update_representative_row (self, c, consent, today);
  if (!nst_date_row_get_valid (c->signed_on))
    problems[CONSENT_SIGNED] = date_format_problem ();
  if (!nst_date_row_get_valid (c->withdrawn_on))
    problems[CONSENT_WITHDRAWN] = date_format_problem ();
  if (problem != NULL)
    {
      ConsentCheck where = consent_problem_row (consent, self->working, today);

      if (problems[where] == NULL)
        problems[where] = problem;
    }
  for (guint i = 0; i < N_CONSENT_CHECKS; i++)
    {
      shown |= nst_row_message_show (&c->messages[i], problems[i], reveal);
      valid &= problems[i] == NULL;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (c->expander),
                                 nst_consent_kind_label (nst_consent_get_kind (consent)));
  adw_expander_row_set_subtitle (c->expander, subtitle);
  /* Says so even when the row is folded. */
  gtk_widget_set_visible (c->warning, shown);
  return valid;
}

static void
consent_changed_cb (ConsentRows *c)
{
  if (c->editor->loading)
    return;
  c->touched = TRUE;
  validate (c->editor);
}

static void
disconnect_consent_rows (ConsentRows *c)
{
  g_signal_handlers_disconnect_by_data (c->kind, c);
  g_signal_handlers_disconnect_by_data (c->signed_on, c);
  g_signal_handlers_disconnect_by_data (c->representative, c);
  g_signal_handlers_disconnect_by_data (c->withdrawn_on, c);
  g_signal_handlers_disconnect_by_data (c->remove_button, c);
}

static void
remove_consent_clicked_cb (ConsentRows *c)
{
  NstParticipantEditor *self = c->editor;
  GtkWidget *expander = GTK_WIDGET (c->expander);

  disconnect_consent_rows (c);
  gtk_widget_grab_focus (self->add_consent_row);
  gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (expander)), expander);
  g_ptr_array_remove (self->consents, c);
  validate (self);
}

static GtkWidget *
remove_button_row (ConsentRows *c)
{
  GtkWidget *row = gtk_list_box_row_new ();

  c->remove_button = gtk_button_new_with_mnemonic (_("_Remove consent"));
  gtk_widget_set_halign (c->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (c->remove_button, 6);
  gtk_widget_set_margin_bottom (c->remove_button, 6);
  gtk_widget_add_css_class (c->remove_button, "flat");
  gtk_widget_add_css_class (c->remove_button, "destructive-action");
  gtk_widget_set_name (c->remove_button, "remove-consent");
  g_signal_connect_swapped (c->remove_button, "clicked",
                            G_CALLBACK (remove_consent_clicked_cb), c);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), c->remove_button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
consent_row_new (GType       type,
                 const char *title,
                 const char *name)
{
  return g_object_new (type, "title", title, "name", name, NULL);
}

static void
build_consent_rows (ConsentRows *c)
{
  g_autoptr(GListModel) kinds = capitalized_labels (consent_kind_label, NST_N_CONSENT_KINDS);

  c->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  gtk_widget_set_name (GTK_WIDGET (c->expander), "consent");
  c->warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (c->warning, "error");
  gtk_widget_set_tooltip_text (c->warning, _("This consent needs correcting"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->warning),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("This consent needs correcting"),
                                  -1);
  gtk_widget_set_visible (c->warning, FALSE);
  adw_expander_row_add_action (c->expander, c->warning);
  c->kind = ADW_COMBO_ROW (consent_row_new (ADW_TYPE_COMBO_ROW, _("Type of consent"),
                                            "consent-kind"));
  adw_combo_row_set_model (c->kind, kinds);
  c->signed_on = NST_DATE_ROW (consent_row_new (NST_TYPE_DATE_ROW, _("Signed on"),
                                                "consent-signed-on"));
  c->representative = ADW_ENTRY_ROW (consent_row_new (ADW_TYPE_ENTRY_ROW,
                                                      _("Full name of the legal representative"),
                                                      "consent-representative"));
  c->withdrawn_on = NST_DATE_ROW (consent_row_new (NST_TYPE_DATE_ROW, _("Withdrawn on"),
                                                   "consent-withdrawn-on"));
  nst_row_message_init (&c->messages[CONSENT_SIGNED], GTK_WIDGET (c->signed_on));
  nst_row_message_init (&c->messages[CONSENT_REPRESENTATIVE], GTK_WIDGET (c->representative));
  nst_row_message_init (&c->messages[CONSENT_WITHDRAWN], GTK_WIDGET (c->withdrawn_on));

  adw_expander_row_add_row (c->expander, GTK_WIDGET (c->kind));
  adw_expander_row_add_row (c->expander, GTK_WIDGET (c->signed_on));
  adw_expander_row_add_row (c->expander, c->messages[CONSENT_SIGNED].message_row);
  adw_expander_row_add_row (c->expander, GTK_WIDGET (c->representative));
  adw_expander_row_add_row (c->expander, c->messages[CONSENT_REPRESENTATIVE].message_row);
  adw_expander_row_add_row (c->expander, GTK_WIDGET (c->withdrawn_on));
  adw_expander_row_add_row (c->expander, c->messages[CONSENT_WITHDRAWN].message_row);
  adw_expander_row_add_row (c->expander, remove_button_row (c));
}

static ConsentRows *
add_consent_rows (NstParticipantEditor *self,
                  NstConsent           *consent,
                  gboolean              expanded)
{
  ConsentRows *c = g_new0 (ConsentRows, 1);
  GtkWidget *list = gtk_widget_get_parent (self->add_consent_row);

  c->editor = self;
  c->id = nst_consent_get_id (consent);
  build_consent_rows (c);
  adw_combo_row_set_selected (c->kind, nst_consent_get_kind (consent));
  nst_date_row_set_iso_date (c->signed_on, nst_consent_get_signed_on (consent));
  gtk_editable_set_text (GTK_EDITABLE (c->representative),
                         nst_consent_get_representative_name (consent));
  nst_date_row_set_iso_date (c->withdrawn_on, nst_consent_get_withdrawn_on (consent));
  adw_expander_row_set_expanded (c->expander, expanded);

  g_signal_connect_swapped (c->kind, "notify::selected", G_CALLBACK (consent_changed_cb), c);
  g_signal_connect_swapped (c->signed_on, "changed", G_CALLBACK (consent_changed_cb), c);
  g_signal_connect_swapped (c->representative, "changed", G_CALLBACK (consent_changed_cb), c);
  g_signal_connect_swapped (c->withdrawn_on, "changed", G_CALLBACK (consent_changed_cb), c);

  /* New consents go above «Add consent», which stays last. */
  gtk_list_box_insert (GTK_LIST_BOX (list), GTK_WIDGET (c->expander),
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->add_consent_row)));
  g_ptr_array_add (self->consents, c);
  return c;
}

/* A required consent that is missing first, then any kind not yet there. */
static NstConsentKind
first_missing_kind (NstParticipantEditor *self)
{
  g_autoptr(GPtrArray) consents = consents_from_rows (self);
  NstConsentMissing missing = nst_consents_find_missing (self->working, consents);
  gboolean present[NST_N_CONSENT_KINDS] = { FALSE, };

  if (missing & NST_CONSENT_MISSING_PROCESSING)
    return NST_CONSENT_PROCESSING;
  if (missing & NST_CONSENT_MISSING_MENTOR)
    return NST_CONSENT_MENTOR;
  for (guint i = 0; i < consents->len; i++)
    present[nst_consent_get_kind (g_ptr_array_index (consents, i))] = TRUE;
  for (guint kind = 0; kind < NST_N_CONSENT_KINDS; kind++)
    if (!present[kind])
      return kind;
  return NST_CONSENT_PROCESSING;
}

static void
load_consents (NstParticipantEditor *self)
{
  g_autoptr(GPtrArray) consents = NULL;
  g_autoptr(GError) error = NULL;

  consents = nst_store_list_consents (self->store, nst_participant_get_id (self->original), &error);
  if (consents == NULL)
    {
      /* Saving would replace the stored consents with none: refuse. */
      self->consents_unreadable = TRUE;
      gtk_widget_set_sensitive (self->add_consent_row, FALSE);
      nst_form_window_show_error (NST_FORM_WINDOW (self), _("Could not read the consents"), error);
      return;
    }
  for (guint i = 0; i < consents->len; i++)
    add_consent_rows (self, g_ptr_array_index (consents, i), FALSE);
}

/* The whole form */

/* Checks every field, says under each row what is wrong, and enables
 * «Save» only for a form that can be saved. */
static gboolean
validate (NstParticipantEditor *self)
{
  gboolean valid = !self->consents_unreadable;
  GDate today;

  nst_date_today (&today);
  read_form (self, self->working);
  gtk_widget_set_visible (self->class_row,
                          nst_participant_get_category (self->working) == NST_CATEGORY_STUDENT);
  for (NstParticipantField f = 0; f < NST_PARTICIPANT_N_CHECKED_FIELDS; f++)
    {
      g_autofree char *problem = field_problem (self, f, &today);

      nst_row_message_show (&self->checks[f], problem,
                            self->show_all || self->touched[f]);
      valid &= problem == NULL;
    }
  for (guint i = 0; i < self->consents->len; i++)
    valid &= validate_consent (self, g_ptr_array_index (self->consents, i), &today);

  nst_form_window_set_can_save (NST_FORM_WINDOW (self), valid);
  return valid;
}

/* After a refused save: open what hides a problem and go to the first. */
static void
reveal_problems (NstParticipantEditor *self)
{
  GtkWidget *first = NULL;

  for (NstParticipantField f = 0; f < NST_PARTICIPANT_N_CHECKED_FIELDS && first == NULL; f++)
    if (self->checks[f].shown)
      first = self->checks[f].row;
  for (guint i = 0; i < self->consents->len; i++)
    {
      ConsentRows *c = g_ptr_array_index (self->consents, i);

      for (guint k = 0; k < N_CONSENT_CHECKS; k++)
        if (c->messages[k].shown)
          {
            adw_expander_row_set_expanded (c->expander, TRUE);
            if (first == NULL)
              first = c->messages[k].row;
          }
    }
  if (first != NULL)
    gtk_widget_grab_focus (first);
  nst_form_window_show_problems (NST_FORM_WINDOW (self));
}

/* Callbacks */

static void
text_changed_cb (GtkWidget            *row,
                 NstParticipantEditor *self)
{
  if (self->loading)
    return;
  for (NstParticipantField f = 0; f < NST_PARTICIPANT_N_CHECKED_FIELDS; f++)
    if (self->checks[f].row == row)
      self->touched[f] = TRUE;
  validate (self);
}

static void
form_changed_cb (NstParticipantEditor *self)
{
  if (!self->loading)
    validate (self);
}

/* Once the new rows have their place on the page, so that the scrolled
 * window can bring them into view. */
static gboolean
focus_when_placed_cb (gpointer data)
{
  GtkWidget *widget = data;

  if (gtk_widget_get_root (widget) != NULL)
    gtk_widget_grab_focus (widget);
  return G_SOURCE_REMOVE;
}

static void
add_consent_activated_cb (NstParticipantEditor *self)
{
  g_autoptr(NstConsent) consent = nst_consent_new (first_missing_kind (self));
  g_autofree char *today_iso = NULL;
  ConsentRows *c;
  GDate today;

  nst_date_today (&today);
  today_iso = nst_date_format_iso (&today);
  nst_consent_set_signed_on (consent, today_iso);
  self->loading = TRUE;
  c = add_consent_rows (self, consent, TRUE);
  self->loading = FALSE;
  validate (self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_when_placed_cb,
                   g_object_ref (c->kind), g_object_unref);
}

/* vfuncs */

static char *
nst_participant_editor_dup_state (NstFormWindow *window)
{
  NstParticipantEditor *self = NST_PARTICIPANT_EDITOR (window);
  GString *state = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    g_string_append_printf (state, "%s\x1f",
                            gtk_editable_get_text (GTK_EDITABLE (ROW_AT (self, text_rows[i].offset))));
  g_string_append_printf (state, "%u %u %d %d %d\x1e",
                          adw_combo_row_get_selected (self->category_row),
                          adw_combo_row_get_selected (self->qualification_row),
                          gtk_switch_get_active (self->young_switch),
                          gtk_switch_get_active (self->mentor_switch),
                          gtk_switch_get_active (self->mentee_switch));
  for (guint i = 0; i < self->consents->len; i++)
    {
      ConsentRows *c = g_ptr_array_index (self->consents, i);

      g_string_append_printf (state, "%u\x1f%s\x1f%s\x1f%s\x1e",
                              adw_combo_row_get_selected (c->kind),
                              gtk_editable_get_text (GTK_EDITABLE (c->signed_on)),
                              gtk_editable_get_text (GTK_EDITABLE (c->representative)),
                              gtk_editable_get_text (GTK_EDITABLE (c->withdrawn_on)));
    }
  return g_string_free (state, FALSE);
}

static gboolean
nst_participant_editor_save (NstFormWindow *window)
{
  NstParticipantEditor *self = NST_PARTICIPANT_EDITOR (window);
  g_autoptr(NstParticipant) participant = NULL;
  g_autoptr(GPtrArray) consents = NULL;
  g_autoptr(GError) error = NULL;

  self->show_all = TRUE;
  if (!validate (self))
    {
      reveal_problems (self);
      return FALSE;
    }
  /* A fresh object each time: a failed save must leave nothing behind,
   * not even an id the store gave before it rolled back. */
  participant = self->original ? nst_participant_copy (self->original) : nst_participant_new ();
  read_form (self, participant);
  consents = consents_from_rows (self);
  if (!nst_store_save_participant (self->store, participant, consents, &error))
    {
      nst_form_window_show_error (window, _("Could not save the participant"), error);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, participant);
  return TRUE;
}

static void
nst_participant_editor_dispose (GObject *object)
{
  NstParticipantEditor *self = NST_PARTICIPANT_EDITOR (object);

  /* Rows being torn down may still signal: ignore them. */
  self->loading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_PARTICIPANT_EDITOR);
  G_OBJECT_CLASS (nst_participant_editor_parent_class)->dispose (object);
}

static void
nst_participant_editor_finalize (GObject *object)
{
  NstParticipantEditor *self = NST_PARTICIPANT_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_object (&self->working);
  g_clear_pointer (&self->consents, g_ptr_array_unref);
  G_OBJECT_CLASS (nst_participant_editor_parent_class)->finalize (object);
}

static void
nst_participant_editor_class_init (NstParticipantEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NstFormWindowClass *form_class = NST_FORM_WINDOW_CLASS (klass);

  object_class->dispose = nst_participant_editor_dispose;
  object_class->finalize = nst_participant_editor_finalize;
  form_class->dup_state = nst_participant_editor_dup_state;
  form_class->save = nst_participant_editor_save;

  /**
   * NstParticipantEditor::saved:
   * @participant: the participant as saved, with its id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, NST_TYPE_PARTICIPANT);

  g_type_ensure (NST_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/nastavnik/Nastavnik/registry/nst-participant-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, surname_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, patronymic_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, post_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, class_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, subjects_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, birth_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, teaching_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, mentoring_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, qualification_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, young_switch);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, mentor_switch);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, mentee_switch);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, request_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, competences_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, NstParticipantEditor, add_consent_row);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_consent_activated_cb);
}

static void
nst_participant_editor_init (NstParticipantEditor *self)
{
  g_autoptr(GListModel) categories = NULL;
  g_autoptr(GListModel) qualifications = NULL;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  nst_form_window_set_toast_overlay (NST_FORM_WINDOW (self), self->toast_overlay);
  nst_form_window_set_discard_body (NST_FORM_WINDOW (self),
                                    _("The changes to this participant have not been saved."));

  self->working = nst_participant_new ();
  self->consents = g_ptr_array_new_with_free_func (g_free);
  categories = capitalized_labels (category_label, NST_N_CATEGORIES);
  qualifications = capitalized_labels (qualification_label, NST_N_QUALIFICATIONS);
  adw_combo_row_set_model (self->category_row, categories);
  adw_combo_row_set_model (self->qualification_row, qualifications);

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    {
      GtkWidget *row = ROW_AT (self, text_rows[i].offset);

      gtk_widget_set_name (row, text_rows[i].property);
      g_signal_connect_object (row, "changed", G_CALLBACK (text_changed_cb), self, 0);
    }
  for (NstParticipantField f = 0; f < NST_PARTICIPANT_N_CHECKED_FIELDS; f++)
    {
      nst_row_message_init (&self->checks[f], ROW_AT (self, checked_rows[f]));
      nst_row_message_place (&self->checks[f]);
    }
  gtk_widget_set_name (GTK_WIDGET (self->category_row), "category");
  gtk_widget_set_name (GTK_WIDGET (self->qualification_row), "qualification");
  gtk_widget_set_name (self->save_button, "save");
  gtk_widget_set_name (self->add_consent_row, "add-consent");
}

/**
 * nst_participant_editor_new:
 * @parent: (nullable): the window the editor is modal to
 * @participant: (nullable): the participant to edit, or %NULL for a new one;
 *   the editor works on a copy
 *
 * Returns: (transfer none): the editor, not yet shown
 */
NstParticipantEditor *
nst_participant_editor_new (GtkWindow      *parent,
                            NstStore       *store,
                            NstParticipant *participant)
{
  NstParticipantEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NST_IS_STORE (store), NULL);
  g_return_val_if_fail (participant == NULL || NST_IS_PARTICIPANT (participant), NULL);

  self = g_object_new (NST_TYPE_PARTICIPANT_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (participant != NULL)
    {
      g_autofree char *full_name = nst_participant_dup_full_name (participant);

      self->original = nst_participant_copy (participant);
      self->show_all = TRUE;
      gtk_window_set_title (GTK_WINDOW (self), _("Participant"));
      adw_window_title_set_title (self->window_title, _("Participant"));
      adw_window_title_set_subtitle (self->window_title, full_name);
      load_participant (self, self->original);
      load_consents (self);
    }
  nst_form_window_mark_saved_state (NST_FORM_WINDOW (self));
  self->loading = FALSE;
  validate (self);
  gtk_widget_grab_focus (self->surname_row);
  return self;
}
