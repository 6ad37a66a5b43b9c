/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-group-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "schedule/nst-date.h"
#include "widgets/nst-date-row.h"
#include "pairs/nst-group-editor.h"
#include "model/nst-order.h"
#include "widgets/nst-pair-dialogs.h"
#include "pairs/nst-participant-row.h"
#include "programmes/nst-programme-editor.h"
#include "widgets/nst-row-message.h"
#include "widgets/nst-status-badge.h"
#include "store/nst-store-groups.h"
#include "store/nst-store-orders.h"

/* Mentors a curator can weigh at a glance. */
#define N_SUGGESTIONS 5

struct _NstGroupEditor
{
  NstFormWindow parent_instance;

  NstStore *store;
  NstGroup *original;         /* as stored; NULL while new */
  NstGroup *working;          /* the form as it stands */
  GListStore *participants;
  GHashTable *by_id;          /* gint64 → NstParticipant, borrowed from @participants */
  GHashTable *mentor_excluded;
  GHashTable *mentee_excluded;
  GListStore *suggestions;
  gint64 suggestions_for;     /* the mentee they are for */
  GPtrArray *mentee_rows;
  GPtrArray *problem_rows;
  GPtrArray *suggestion_rows;
  GPtrArray *history_rows;
  gboolean loading;           /* changes come from the program, not the user */
  gboolean show_all;          /* an existing pair, or after a save attempt */
  gboolean form_touched;
  guint problems_source;

  NstRowMessage checks[NST_GROUP_N_CHECKED_FIELDS];
  gboolean touched[NST_GROUP_N_CHECKED_FIELDS];
  GtkWidget *status_pill;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkWidget *save_another_button;
  AdwToastOverlay *toast_overlay;
  GtkWidget *status_group;
  AdwActionRow *status_row;
  AdwActionRow *programme_row;
  GtkWidget *programme_button;
  GtkWidget *approve_button;
  GtkWidget *start_button;
  GtkWidget *finish_button;
  GtkWidget *terminate_button;
  GtkWidget *draft_button;
  GtkWidget *members_group;
  NstParticipantRow *mentor_row;
  NstParticipantRow *mentee_row;
  AdwPreferencesGroup *suggestions_group;
  GtkWidget *form_group;
  AdwComboRow *form_row;
  AdwComboRow *model_row;
  AdwComboRow *kind_row;
  GtkWidget *period_group;
  GtkWidget *starts_row;
  GtkWidget *ends_row;
  GtkWidget *note_row;
  AdwPreferencesGroup *readiness_group;
  GtkWidget *history_group;
  AdwExpanderRow *history_row;
};

G_DEFINE_FINAL_TYPE (NstGroupEditor, nst_group_editor, NST_TYPE_FORM_WINDOW)

enum {
  SAVED,
  PROGRAMME_SAVED,
  CONSENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean validate (NstGroupEditor *self);
static void load_group (NstGroupEditor *self, NstGroup *group);
static void remember_state (NstGroupEditor *self);
static gboolean ensure_saved (NstGroupEditor *self);

/* ---- helpers ----------------------------------------------------------- */

static const char *form_label (guint i) { return nst_group_form_label (i); }
static const char *model_label (guint i) { return nst_interaction_model_label (i + 1); }
static const char *kind_label (guint i) { return nst_group_kind_label (i); }

static gboolean
is_ended (NstGroupEditor *self)
{
  return self->original != NULL && nst_group_status_is_ended (nst_group_get_status (self->original));
}

static NstParticipant *
participant_by_id (NstGroupEditor *self,
                   gint64          id)
{
  return id ? g_hash_table_lookup (self->by_id, &id) : NULL;
}

static char *
describe_participant (NstParticipant *p)
{
  const char *post = nst_participant_get_post_or_class (p);
  g_autofree char *category = nst_capitalize (nst_category_label (nst_participant_get_category (p)));

  return *post ? g_strdup_printf ("%s, %s", category, post) : g_steal_pointer (&category);
}

static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Messages and names may hold «&» or «<»: they are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
clear_group_rows (AdwPreferencesGroup *group,
                  GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
show_error (NstGroupEditor *self,
            const char     *heading,
            const GError   *error)
{
  nst_form_window_show_error (NST_FORM_WINDOW (self), heading, error);
}

static void
show_toast (NstGroupEditor *self,
            const char     *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* ---- members ----------------------------------------------------------- */

static void
update_excluded (NstGroupEditor *self)
{
  gint64 mentor = nst_group_get_mentor_id (self->working);

  g_hash_table_remove_all (self->mentor_excluded);
  g_hash_table_remove_all (self->mentee_excluded);
  for (guint i = 0; i < nst_group_get_n_mentees (self->working); i++)
    {
      gint64 id = nst_group_get_mentee_id (self->working, i);

      g_hash_table_add (self->mentor_excluded, g_memdup2 (&id, sizeof id));
      g_hash_table_add (self->mentee_excluded, g_memdup2 (&id, sizeof id));
    }
  if (mentor != 0)
    g_hash_table_add (self->mentee_excluded, g_memdup2 (&mentor, sizeof mentor));
}

static void remove_mentee_clicked_cb (GtkButton *button, NstGroupEditor *self);

static GtkWidget *
mentee_row_new (NstGroupEditor *self,
                gint64          id,
                const char     *name)
{
  NstParticipant *p = participant_by_id (self, id);
  g_autofree char *caption = p ? describe_participant (p) : NULL;
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s from the pair"), name);
  GtkWidget *row = text_row_new (name, caption);
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *icon = gtk_image_new_from_icon_name ("avatar-default-symbolic");

  gtk_widget_set_name (row, "mentee");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove from the pair"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (button), "nst-participant-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_mentee_clicked_cb), self, 0);
  gtk_widget_set_sensitive (button, !is_ended (self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* One row per mentee, above «Add a mentee». */
static void
fill_mentee_rows (NstGroupEditor *self)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self->mentee_row)));

  for (guint i = 0; i < self->mentee_rows->len; i++)
    gtk_list_box_remove (list, g_ptr_array_index (self->mentee_rows, i));
  g_ptr_array_set_size (self->mentee_rows, 0);
  for (guint i = 0; i < nst_group_get_n_mentees (self->working); i++)
    {
      GtkWidget *row = mentee_row_new (self, nst_group_get_mentee_id (self->working, i),
                                       nst_group_get_mentee_name (self->working, i));

      gtk_list_box_insert (list, row, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->mentee_row)));
      g_ptr_array_add (self->mentee_rows, row);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mentee_row),
                                 nst_group_get_n_mentees (self->working) == 0 ? _("Mentee")
                                                                              : _("Add a mentee"));
}

/* A new pair gets the form the two people's categories make, until the
 * curator chooses one. */
static void
guess_form (NstGroupEditor *self)
{
  NstParticipant *mentor = participant_by_id (self, nst_group_get_mentor_id (self->working));
  NstParticipant *mentee = nst_group_get_n_mentees (self->working) > 0
                         ? participant_by_id (self, nst_group_get_mentee_id (self->working, 0)) : NULL;
  NstGroupForm form;

  if (self->original != NULL || self->form_touched || mentor == NULL || mentee == NULL ||
      !nst_group_form_for (mentor, mentee, &form))
    return;
  self->loading = TRUE;
  adw_combo_row_set_selected (self->form_row, form);
  self->loading = FALSE;
}

static void refresh_suggestions (NstGroupEditor *self);

static void
members_changed (NstGroupEditor *self)
{
  update_excluded (self);
  fill_mentee_rows (self);
  guess_form (self);
  refresh_suggestions (self);
  validate (self);
}

static void
set_mentor (NstGroupEditor *self,
            NstParticipant *mentor)
{
  g_autofree char *name = mentor ? nst_participant_dup_full_name (mentor) : NULL;

  nst_group_set_mentor (self->working, mentor);
  self->loading = TRUE;
  nst_participant_row_set_text_quietly (self->mentor_row, name);
  self->loading = FALSE;
  self->touched[NST_GROUP_FIELD_MENTOR] = TRUE;
  members_changed (self);
}

static void
mentor_picked_cb (NstGroupEditor *self,
                  NstParticipant *participant)
{
  set_mentor (self, participant);
  /* The mentor chosen, the mentee is next: no Tab needed between them. */
  if (nst_group_get_n_mentees (self->working) == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->mentee_row));
}

/* Typing over the chosen mentor's name means choosing another. */
static void
mentor_text_changed_cb (NstGroupEditor *self)
{
  if (self->loading || nst_group_get_mentor_id (self->working) == 0)
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->mentor_row)),
                 nst_group_get_mentor_name (self->working)) == 0)
    return;
  nst_group_set_mentor (self->working, NULL);
  members_changed (self);
}

static void
mentee_picked_cb (NstGroupEditor *self,
                  NstParticipant *participant)
{
  nst_group_add_mentee (self->working, participant);
  self->loading = TRUE;
  nst_participant_row_set_text_quietly (self->mentee_row, "");
  self->loading = FALSE;
  self->touched[NST_GROUP_FIELD_MENTEES] = TRUE;
  members_changed (self);
}

static void
remove_mentee_clicked_cb (GtkButton      *button,
                          NstGroupEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "nst-participant-id"));

  gtk_widget_grab_focus (GTK_WIDGET (self->mentee_row));
  nst_group_remove_mentee (self->working, id);
  self->touched[NST_GROUP_FIELD_MENTEES] = TRUE;
  members_changed (self);
}

/* ---- suggestions --------------------------------------------------------- */

static void take_suggestion_clicked_cb (GtkButton *button, NstGroupEditor *self);

static GtkWidget *
suggestion_row_new (NstGroupEditor      *self,
                    NstMentorSuggestion *s,
                    guint                rank)
{
  NstParticipant *mentor = nst_mentor_suggestion_get_mentor (s);
  g_autofree char *name = nst_participant_dup_full_name (mentor);
  g_autofree char *reasons = nst_mentor_suggestion_dup_reasons_text (s);
  g_autofree char *title = g_strdup_printf ("%u. %s", rank, name);
  GtkWidget *row = text_row_new (title, reasons);
  gboolean chosen = nst_participant_get_id (mentor) == nst_group_get_mentor_id (self->working);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_name (row, "suggestion");
  if (chosen)
    {
      GtkWidget *badge = nst_deadline_badge_new ();

      nst_deadline_badge_set (badge, NST_DEADLINE_DONE, _("Chosen"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  else
    {
      g_autofree char *label = g_strdup_printf (_("Choose %s as the mentor"), name);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("C_hoose"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, !is_ended (self));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "nst-suggestion", g_object_ref (s), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (take_suggestion_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
fill_suggestion_rows (NstGroupEditor *self)
{
  guint n = self->suggestions ? g_list_model_get_n_items (G_LIST_MODEL (self->suggestions)) : 0;

  clear_group_rows (self->suggestions_group, self->suggestion_rows);
  for (guint i = 0; i < MIN (n, N_SUGGESTIONS); i++)
    {
      g_autoptr(NstMentorSuggestion) s = g_list_model_get_item (G_LIST_MODEL (self->suggestions), i);
      GtkWidget *row = suggestion_row_new (self, s, i + 1);

      adw_preferences_group_add (self->suggestions_group, row);
      g_ptr_array_add (self->suggestion_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_group), n > 0 && !is_ended (self));
}

/* For the first mentee: that is whom a pair is formed for. */
static void
refresh_suggestions (NstGroupEditor *self)
{
  gint64 mentee = nst_group_get_n_mentees (self->working) > 0
                ? nst_group_get_mentee_id (self->working, 0) : 0;
  g_autoptr(GError) error = NULL;

  if (mentee != self->suggestions_for)
    {
      g_clear_object (&self->suggestions);
      self->suggestions_for = mentee;
      if (mentee != 0 && (self->suggestions = nst_store_suggest_mentors (self->store, mentee, &error)) == NULL)
        show_error (self, _("Could not suggest mentors"), error);
      if (mentee != 0)
        {
          g_autofree char *description =
            g_strdup_printf (_("For %s, best first: the mentor's profile should answer the mentee's request"),
                             nst_group_get_mentee_name (self->working, 0));

          adw_preferences_group_set_description (self->suggestions_group, description);
        }
    }
  fill_suggestion_rows (self);
}

static void
take_suggestion_clicked_cb (GtkButton      *button,
                            NstGroupEditor *self)
{
  NstMentorSuggestion *s = g_object_get_data (G_OBJECT (button), "nst-suggestion");
  NstParticipant *mentor = participant_by_id (self, nst_participant_get_id (nst_mentor_suggestion_get_mentor (s)));

  gtk_widget_grab_focus (GTK_WIDGET (self->mentor_row));
  set_mentor (self, mentor ? mentor : nst_mentor_suggestion_get_mentor (s));
}

/* ---- what keeps the pair from approval ----------------------------------- */

static void fill_problem_rows (NstGroupEditor *self);

static GtkWidget *
problem_row_new (const char *message,
                 const char *kind_text,
                 const char *icon_name,
                 const char *tone)
{
  GtkWidget *row = text_row_new (message, kind_text);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (icon, tone);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_name (row, "problem");
  return row;
}

static void
add_problem_row (NstGroupEditor *self,
                 GtkWidget      *row)
{
  adw_preferences_group_add (self->readiness_group, row);
  g_ptr_array_add (self->problem_rows, row);
}

/* ---- a consent received, from the readiness list ---------------------------- */

typedef struct
{
  GWeakRef editor;
  NstConsentsMarking marking;
} ConsentMarking;

static void
consent_marking_free (gpointer  data,
                      GClosure *closure)
{
  ConsentMarking *m = data;

  g_weak_ref_clear (&m->editor);
  nst_consents_marking_clear (&m->marking);
  g_free (m);
}

/* The list says at once what is left; the registry's state column is
 * told through ::consents-changed. */
static void
consents_changed (NstGroupEditor *self)
{
  g_clear_handle_id (&self->problems_source, g_source_remove);
  fill_problem_rows (self);
  g_signal_emit (self, signals[CONSENTS_CHANGED], 0);
}

static void
undo_consent_cb (AdwToast       *toast,
                 ConsentMarking *m)
{
  g_autoptr(NstGroupEditor) self = g_weak_ref_get (&m->editor);
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  if (!nst_store_unmark_consents (self->store, &m->marking, &error))
    {
      show_error (self, _("Could not undo"), error);
      return;
    }
  consents_changed (self);
}

static void
consent_received_clicked_cb (GtkButton      *button,
                             NstGroupEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "nst-participant-id"));
  NstConsentKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "nst-consent-kind"));
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(NstParticipant) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  ConsentMarking *m;
  AdwToast *toast;
  GDate day;

  /* The mentor's consent is signed by a mentor: one not marked so in the
   * registry is one once this pair is stored with them as its mentor. */
  if (kind == NST_CONSENT_MENTOR &&
      !nst_participant_get_is_mentor (participant_by_id (self, id)) && !ensure_saved (self))
    return;
  if ((p = nst_store_get_participant (self->store, id, &error)) == NULL)
    {
      show_error (self, _("Could not record the consent"), error);
      return;
    }
  g_ptr_array_add (chosen, g_steal_pointer (&p));
  nst_date_today (&day);
  today = nst_date_format_iso (&day);
  m = g_new0 (ConsentMarking, 1);
  g_weak_ref_init (&m->editor, self);
  if (!nst_store_mark_consents (self->store, chosen, 1u << kind, today, &m->marking, &error))
    {
      consent_marking_free (m, NULL);
      show_error (self, _("Could not record the consent"), error);
      return;
    }
  if (m->marking.consents == 0)
    {
      consent_marking_free (m, NULL);
      show_toast (self, _("This consent is recorded in the participant's card in the registry"));
      fill_problem_rows (self);
      return;
    }
  consents_changed (self);
  toast = adw_toast_new (_("Consent recorded as received today"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_consent_cb), m, consent_marking_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A missing consent that a click can record: not a child's, whose
 * representative signs with a name the card needs. */
static NstConsentKind
receivable_kind (NstGroupEditor  *self,
                 NstGroupProblem *problem)
{
  NstParticipant *p = participant_by_id (self, problem->participant_id);
  GDate today;

  if (p == NULL || is_ended (self))
    return NST_N_CONSENT_KINDS;
  nst_date_today (&today);
  if (problem->kind == NST_GROUP_PROBLEM_MISSING_MENTOR_CONSENT)
    return NST_CONSENT_MENTOR;
  if (problem->kind == NST_GROUP_PROBLEM_MISSING_PROCESSING && !nst_participant_needs_representative (p, &today))
    return NST_CONSENT_PROCESSING;
  return NST_N_CONSENT_KINDS;
}

static void
add_receive_button (NstGroupEditor  *self,
                    GtkWidget       *row,
                    NstGroupProblem *problem)
{
  NstConsentKind kind = receivable_kind (self, problem);
  NstParticipant *p = participant_by_id (self, problem->participant_id);
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  GtkWidget *button;

  if (kind == NST_N_CONSENT_KINDS)
    return;
  name = nst_participant_dup_full_name (p);
  /* Translators: the button's accessible name, «Петров Иван Ильич: Согласие наставника, получено сегодня» */
  label = g_strdup_printf (_("%s: %s, received today"), name, nst_consent_kind_label (kind));
  button = gtk_button_new_with_mnemonic (_("Received _Today"));
  gtk_widget_set_name (button, "consent-received");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Record the consent as signed today"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "nst-participant-id", GSIZE_TO_POINTER (problem->participant_id));
  g_object_set_data (G_OBJECT (button), "nst-consent-kind", GUINT_TO_POINTER (kind));
  g_signal_connect_object (button, "clicked", G_CALLBACK (consent_received_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
fill_problem_rows (NstGroupEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean draft = nst_group_get_status (self->working) == NST_GROUP_STATUS_DRAFT;

  clear_group_rows (self->readiness_group, self->problem_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->readiness_group), !is_ended (self));
  if (is_ended (self))
    return;
  adw_preferences_group_set_title (self->readiness_group, draft ? _("Ready for approval") : _("Remarks"));
  adw_preferences_group_set_description (self->readiness_group, draft
    ? _("A draft is saved as it is; the order approves a pair only when nothing below blocks it")
    : NULL);
  if ((problems = nst_store_list_group_problems (self->store, self->working, &error)) == NULL)
    {
      add_problem_row (self, problem_row_new (error->message, NULL, "dialog-error-symbolic", "error"));
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    {
      NstGroupProblem *p = g_ptr_array_index (problems, i);
      GtkWidget *row;

      /* The form says under each field what the pair itself lacks. */
      if (p->kind == NST_GROUP_PROBLEM_INVALID)
        {
          add_problem_row (self, problem_row_new (_("Complete the pair above to see what its approval needs"),
                                                  NULL, "dialog-information-symbolic", "dim-label"));
          return;
        }
      row = problem_row_new (p->message,
                             p->blocking ? _("Blocks the approval") : _("Warning"),
                             p->blocking ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                             p->blocking ? "error" : "warning");
      add_receive_button (self, row, p);
      add_problem_row (self, row);
    }
  if (problems->len == 0)
    add_problem_row (self, problem_row_new (draft ? _("Nothing stands in the way of approval")
                                                  : _("No remarks"),
                                            NULL, "emblem-ok-symbolic", "success"));
}

static gboolean
problems_timeout_cb (gpointer data)
{
  NstGroupEditor *self = data;

  self->problems_source = 0;
  fill_problem_rows (self);
  return G_SOURCE_REMOVE;
}

/* The checks read the database: not on every keystroke. */
static void
queue_problems (NstGroupEditor *self)
{
  g_clear_handle_id (&self->problems_source, g_source_remove);
  self->problems_source = g_timeout_add (150, problems_timeout_cb, self);
}

/* ---- the form ------------------------------------------------------------ */

static guint
combo_selected (AdwComboRow *row,
                guint        n)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < n ? selected : 0;
}

static void
read_form (NstGroupEditor *self,
           NstGroup       *g)
{
  NstGroupForm form = combo_selected (self->form_row, NST_N_GROUP_FORMS);

  nst_group_set_form (g, form);
  nst_group_set_interaction_model (g, form == NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE
                                      ? combo_selected (self->model_row, NST_N_INTERACTION_MODELS - 1) + 1
                                      : NST_INTERACTION_NONE);
  nst_group_set_kind (g, combo_selected (self->kind_row, NST_N_GROUP_KINDS));
  nst_group_set_starts_on (g, nst_date_row_get_iso_date (NST_DATE_ROW (self->starts_row)));
  nst_group_set_ends_on (g, nst_date_row_get_iso_date (NST_DATE_ROW (self->ends_row)));
  nst_group_set_note (g, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
}

static char *
field_problem (NstGroupEditor *self,
               NstGroupField   field)
{
  GtkWidget *row = self->checks[field].row;

  if (NST_IS_DATE_ROW (row) && !nst_date_row_get_valid (NST_DATE_ROW (row)))
    return g_strdup (_("Enter the date as DD.MM.YYYY"));
  return nst_group_check_field (self->working, field);
}

/* Says under each row what is wrong, and enables «Save» only for a pair
 * that can be saved (as a draft, whatever keeps it from approval). */
static gboolean
validate (NstGroupEditor *self)
{
  gboolean valid = !is_ended (self);

  read_form (self, self->working);
  gtk_widget_set_visible (GTK_WIDGET (self->model_row),
                          nst_group_get_form (self->working) == NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE);
  for (NstGroupField f = 0; f < NST_GROUP_N_CHECKED_FIELDS; f++)
    {
      g_autofree char *problem = field_problem (self, f);

      nst_row_message_show (&self->checks[f], problem, self->show_all || self->touched[f]);
      valid &= problem == NULL;
    }
  nst_form_window_set_can_save (NST_FORM_WINDOW (self), valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "group.save-another", valid && self->original == NULL);
  queue_problems (self);
  return valid;
}

static void
reveal_problems (NstGroupEditor *self)
{
  for (NstGroupField f = 0; f < NST_GROUP_N_CHECKED_FIELDS; f++)
    if (self->checks[f].shown)
      {
        gtk_widget_grab_focus (self->checks[f].row);
        break;
      }
  nst_form_window_show_problems (NST_FORM_WINDOW (self));
}

static void
form_changed_cb (NstGroupEditor *self)
{
  if (!self->loading)
    validate (self);
}

static void
form_selected_cb (NstGroupEditor *self)
{
  if (self->loading)
    return;
  self->form_touched = TRUE;
  validate (self);
}

static void
date_changed_cb (GtkWidget      *row,
                 NstGroupEditor *self)
{
  if (self->loading)
    return;
  for (NstGroupField f = 0; f < NST_GROUP_N_CHECKED_FIELDS; f++)
    if (self->checks[f].row == row)
      self->touched[f] = TRUE;
  validate (self);
}

/* ---- status, programme, history -------------------------------------------- */

static char *
status_details (NstGroup *g)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *order = nst_group_dup_order_label (g);
  g_autofree char *ended_on = nst_date_iso_to_ru (nst_group_get_ended_on (g));

  if (*order != '\0')
    /* Translators: «Приказ № 219 о-д от 01.09.2025» */
    g_string_append_printf (text, _("Order %s"), order);
  else if (nst_group_get_status (g) != NST_GROUP_STATUS_DRAFT)
    g_string_append (text, _("The approving order is not recorded"));
  if (nst_group_status_is_ended (nst_group_get_status (g)))
    {
      g_autofree char *reason = nst_capitalize (nst_end_reason_label (nst_group_get_end_reason (g)));

      if (text->len)
        g_string_append_c (text, '\n');
      /* Translators: «Окончена 31.05.2026: план мероприятий выполнен…» */
      g_string_append_printf (text, _("Ended on %s: %s"), ended_on, reason);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
programme_details (NstGroup *g)
{
  guint overdue = nst_group_get_overdue (g);
  g_autoptr(GString) text = g_string_new (NULL);

  if (nst_group_get_programme_id (g) == 0)
    return g_strdup (_("No programme yet"));
  /* Translators: progress of the plan, «Выполнено 3 из 5 к сроку» */
  g_string_printf (text, _("Done %u of %u due by today"), nst_group_get_progress_done (g),
                   nst_group_get_progress_due (g));
  if (overdue > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; %u activity overdue",
                                               "; %u activities overdue", overdue), overdue);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_status (NstGroupEditor *self)
{
  NstGroup *g = self->original;
  NstGroupStatus status = g ? nst_group_get_status (g) : NST_GROUP_STATUS_DRAFT;
  g_autofree char *details = g ? status_details (g) : NULL;
  g_autofree char *progress = g ? programme_details (g) : NULL;
  g_autofree char *title = g ? nst_group_dup_title (g) : NULL;
  gboolean ended = nst_group_status_is_ended (status);
  gboolean has_programme = g && nst_group_get_programme_id (g) != 0;

  gtk_widget_set_visible (self->status_group, g != NULL);
  gtk_widget_set_visible (self->save_another_button, g == NULL);
  if (g == NULL)
    return;
  nst_status_pill_set_group (self->status_pill, status);
  adw_action_row_set_subtitle (self->status_row, details);
  adw_action_row_set_subtitle (self->programme_row, progress);
  gtk_button_set_label (GTK_BUTTON (self->programme_button), has_programme ? _("_Open…") : _("_Write…"));
  gtk_widget_set_visible (self->programme_button, has_programme || !ended);
  gtk_widget_set_visible (self->approve_button, status == NST_GROUP_STATUS_DRAFT);
  gtk_widget_set_visible (self->start_button, status == NST_GROUP_STATUS_APPROVED);
  gtk_widget_set_visible (self->draft_button, status == NST_GROUP_STATUS_APPROVED);
  gtk_widget_set_visible (self->finish_button, status == NST_GROUP_STATUS_ACTIVE);
  gtk_widget_set_visible (self->terminate_button,
                          status == NST_GROUP_STATUS_APPROVED || status == NST_GROUP_STATUS_ACTIVE);
  gtk_widget_set_visible (gtk_widget_get_parent (self->approve_button), !ended);
  adw_window_title_set_title (self->window_title, nst_group_is_group (g) ? _("Group") : _("Pair"));
  adw_window_title_set_subtitle (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), nst_group_is_group (g) ? _("Group") : _("Pair"));
  gtk_widget_set_sensitive (self->members_group, !ended);
  gtk_widget_set_sensitive (self->form_group, !ended);
  gtk_widget_set_sensitive (self->period_group, !ended);
  gtk_widget_set_visible (self->save_button, !ended);
}

static void
fill_history (NstGroupEditor *self)
{
  g_autoptr(GListStore) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint n;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  gtk_widget_set_visible (self->history_group, self->original != NULL);
  if (self->original == NULL)
    return;
  if ((history = nst_store_list_group_history (self->store, nst_group_get_id (self->original), &error)) == NULL)
    {
      show_error (self, _("Could not read the history"), error);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (history));
  /* The latest first: that is what a curator comes to see. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(NstHistoryEntry) e = g_list_model_get_item (G_LIST_MODEL (history), i);
      g_autofree char *what = nst_history_entry_dup_description (e);
      g_autofree char *day = nst_date_iso_to_ru (nst_history_entry_get_changed_on (e));
      const char *note = nst_history_entry_get_note (e);
      g_autofree char *subtitle = note && *note ? g_strdup_printf ("%s — %s", day, note) : g_strdup (day);
      GtkWidget *row = text_row_new (what, subtitle);

      gtk_widget_set_name (row, "history-entry");
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n), n);
  adw_expander_row_set_subtitle (self->history_row, count);
}

/* ---- saving -------------------------------------------------------------- */

static gboolean
same_members (NstGroup *a,
              NstGroup *b)
{
  if (nst_group_get_mentor_id (a) != nst_group_get_mentor_id (b) ||
      nst_group_get_n_mentees (a) != nst_group_get_n_mentees (b))
    return FALSE;
  for (guint i = 0; i < nst_group_get_n_mentees (a); i++)
    if (!nst_group_has_mentee (b, nst_group_get_mentee_id (a, i)))
      return FALSE;
  return TRUE;
}

/* A pair under an order changes its period or its people by agreement,
 * and the history keeps why. */
static gboolean
needs_reason (NstGroupEditor *self)
{
  if (self->original == NULL || nst_group_get_status (self->original) == NST_GROUP_STATUS_DRAFT)
    return FALSE;
  return g_strcmp0 (nst_group_get_starts_on (self->original), nst_group_get_starts_on (self->working)) != 0 ||
         g_strcmp0 (nst_group_get_ends_on (self->original), nst_group_get_ends_on (self->working)) != 0 ||
         !same_members (self->original, self->working);
}

/* Reads the pair back as stored, with its order and progress, and shows it. */
static void
reload (NstGroupEditor *self,
        gint64          id)
{
  g_autoptr(NstGroup) stored = NULL;
  g_autoptr(GError) error = NULL;

  if ((stored = nst_store_get_group (self->store, id, &error)) == NULL)
    {
      show_error (self, _("Could not read the pair"), error);
      return;
    }
  load_group (self, stored);
  remember_state (self);
  g_signal_emit (self, signals[SAVED], 0, self->original);
}

static gboolean
save_now (NstGroupEditor *self,
          const char     *note)
{
  g_autoptr(NstGroup) group = nst_group_copy (self->working);
  g_autoptr(GError) error = NULL;

  if (!nst_store_save_group (self->store, group, NULL, note, &error))
    {
      show_error (self, _("Could not save the pair"), error);
      return FALSE;
    }
  reload (self, nst_group_get_id (group));
  return TRUE;
}

static gboolean
has_changes (NstGroupEditor *self)
{
  NstFormWindowClass *klass = NST_FORM_WINDOW_GET_CLASS (self);
  g_autofree char *state = klass->dup_state (NST_FORM_WINDOW (self));
  g_autofree char *saved = g_object_get_data (G_OBJECT (self), "nst-saved-state")
                         ? g_strdup (g_object_get_data (G_OBJECT (self), "nst-saved-state")) : NULL;

  return self->original == NULL || g_strcmp0 (state, saved) != 0;
}

static void
remember_state (NstGroupEditor *self)
{
  NstFormWindowClass *klass = NST_FORM_WINDOW_GET_CLASS (self);

  nst_form_window_mark_saved_state (NST_FORM_WINDOW (self));
  g_object_set_data_full (G_OBJECT (self), "nst-saved-state",
                          klass->dup_state (NST_FORM_WINDOW (self)), g_free);
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
  NstGroupEditor *self = NST_GROUP_EDITOR (owner);

  if (save_now (self, reason))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later_cb, g_object_ref (self), g_object_unref);
}

static gboolean
nst_group_editor_save (NstFormWindow *window)
{
  NstGroupEditor *self = NST_GROUP_EDITOR (window);

  self->show_all = TRUE;
  if (!validate (self))
    {
      reveal_problems (self);
      return FALSE;
    }
  if (needs_reason (self))
    {
      nst_reason_dialog_present (GTK_WINDOW (self), _("Why Does the Pair Change?"),
                                 _("The pair is under an order: its period and its members change by "
                                   "agreement, and the history keeps the reason."),
                                 reason_answered, G_OBJECT (self));
      return FALSE;
    }
  return save_now (self, NULL);
}

/* «Сохранить и добавить ещё»: a curator forms a school's pairs one after
 * another, most with the same form and period. The pair is stored, the
 * list shows it, and the form is empty again for the next one's people. */
static void
begin_next (NstGroupEditor *self)
{
  g_autoptr(NstGroup) next = nst_group_new ();

  g_set_object (&self->working, next);
  self->loading = TRUE;
  nst_participant_row_set_text_quietly (self->mentor_row, NULL);
  nst_participant_row_set_text_quietly (self->mentee_row, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  self->loading = FALSE;
  self->show_all = FALSE;
  memset (self->touched, 0, sizeof self->touched);
  update_excluded (self);
  fill_mentee_rows (self);
  refresh_suggestions (self);
  validate (self);
  remember_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->mentor_row));
}

static void
save_another (NstGroupEditor *self)
{
  g_autoptr(NstGroup) group = NULL;
  g_autoptr(NstGroup) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  if (self->original != NULL)
    return;
  self->show_all = TRUE;
  if (!validate (self))
    {
      reveal_problems (self);
      return;
    }
  group = nst_group_copy (self->working);
  if (!nst_store_save_group (self->store, group, NULL, NULL, &error))
    {
      show_error (self, _("Could not save the pair"), error);
      return;
    }
  stored = nst_store_get_group (self->store, nst_group_get_id (group), NULL);
  g_signal_emit (self, signals[SAVED], 0, stored ? stored : group);
  title = nst_group_dup_title (stored ? stored : group);
  begin_next (self);
  /* Translators: after «Сохранить и добавить ещё»; %s is the pair saved */
  text = g_strdup_printf (_("Saved: %s. The form is ready for the next pair"), title);
  show_toast (self, text);
}

static void
save_another_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  save_another (NST_GROUP_EDITOR (widget));
}

/* As Ctrl+Enter: also when the form is wrong, to point at what is. */
static gboolean
save_another_shortcut_cb (GtkWidget *widget,
                          GVariant  *args,
                          gpointer   user_data)
{
  save_another (NST_GROUP_EDITOR (widget));
  return TRUE;
}

/* The life cycle acts on the pair as stored: a form with changes is saved
 * first, which a draft always can be. */
static gboolean
ensure_saved (NstGroupEditor *self)
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
  return save_now (self, NULL);
}

/* ---- the life cycle -------------------------------------------------------- */

static char *
blocking_list (GPtrArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      NstGroupProblem *p = g_ptr_array_index (problems, i);

      if (p->blocking)
        g_string_append_printf (text, "%s• %s", text->len ? "\n" : "", p->message);
    }
  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
find_or_add_order (NstGroupEditor  *self,
                   const char      *number_text,
                   const char      *signed_on,
                   gint64          *order_id,
                   GError         **error)
{
  g_autofree char *suffix = NULL;
  g_autoptr(GListStore) orders = NULL;
  g_autoptr(NstOrder) order = NULL;
  g_autoptr(NstSchool) school = NULL;
  guint number;
  GDate date;

  if (!nst_order_number_parse (number_text, &number, &suffix) || !nst_date_parse_iso (signed_on, &date))
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_INVALID,
                   _("The order number should begin with digits, such as 219 о-д"));
      return FALSE;
    }
  if ((orders = nst_store_list_orders (self->store, NULL, error)) == NULL)
    return FALSE;
  /* An order already in the journal (one order fixes many pairs). */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (orders)); i++)
    {
      g_autoptr(NstOrder) o = g_list_model_get_item (G_LIST_MODEL (orders), i);

      if (nst_order_get_year (o) == g_date_get_year (&date) && nst_order_get_number (o) == number)
        {
          *order_id = nst_order_get_id (o);
          return TRUE;
        }
    }
  if (*suffix == '\0' && (school = nst_store_load_school (self->store, error)) == NULL)
    return FALSE;
  order = nst_order_new (NST_ORDER_KIND_PAIRS,
                         _("On appointing mentors and fixing mentoring pairs and groups"), signed_on);
  nst_order_set_number (order, number, *suffix ? suffix : nst_school_get_text (school, "order-suffix"));
  if (!nst_store_add_order (self->store, order, NULL, error))
    return FALSE;
  *order_id = nst_order_get_id (order);
  return TRUE;
}

static void
approve_answered (GObject    *owner,
                  const char *number,
                  const char *order_date)
{
  NstGroupEditor *self = NST_GROUP_EDITOR (owner);
  g_autoptr(NstGroup) group = nst_group_copy (self->original);
  g_autoptr(GError) error = NULL;
  gint64 order_id = 0;

  if (!nst_store_begin (self->store, &error))
    goto out;
  if (!nst_store_change_group_status (self->store, group, NST_GROUP_STATUS_APPROVED, order_date, NULL, &error) ||
      (*number != '\0' && (!find_or_add_order (self, number, order_date, &order_id, &error) ||
                           !nst_store_set_group_order (self->store, group, order_id, order_date, &error))) ||
      !nst_store_commit (self->store, &error))
    nst_store_rollback (self->store);

out:
  if (error != NULL)
    {
      show_error (self, _("Could not approve the pair"), error);
      return;
    }
  reload (self, nst_group_get_id (group));
  show_toast (self, _("The pair is approved"));
}

static void
refuse_approval (NstGroupEditor *self,
                 const char     *missing)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The Pair Cannot Be Approved Yet"),
                                                _("The order may approve the pair once this is done:")));
  GtkWidget *list = gtk_label_new (missing);

  /* A list reads from the left, one problem a line. */
  gtk_label_set_xalign (GTK_LABEL (list), 0);
  gtk_label_set_wrap (GTK_LABEL (list), TRUE);
  gtk_widget_set_name (list, "missing");
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
approve_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NstGroupEditor *self = NST_GROUP_EDITOR (widget);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;

  if (!ensure_saved (self))
    return;
  if ((problems = nst_store_list_group_problems (self->store, self->original, &error)) == NULL)
    {
      show_error (self, _("Could not check the pair"), error);
      return;
    }
  if ((missing = blocking_list (problems)) != NULL)
    {
      refuse_approval (self, missing);
      return;
    }
  nst_approve_dialog_present (GTK_WINDOW (self),
                              _("The director's order appoints the mentor and fixes the pair. "
                                "Record its number and date once it is signed."),
                              approve_answered, G_OBJECT (self));
}

static void
change_status (NstGroupEditor *self,
               NstGroupStatus  status,
               const char     *done_text)
{
  g_autoptr(NstGroup) group = NULL;
  g_autoptr(GError) error = NULL;

  if (!ensure_saved (self))
    return;
  group = nst_group_copy (self->original);
  if (!nst_store_change_group_status (self->store, group, status, NULL, NULL, &error))
    {
      show_error (self, _("Could not change the status"), error);
      return;
    }
  reload (self, nst_group_get_id (group));
  show_toast (self, done_text);
}

static void
start_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  change_status (NST_GROUP_EDITOR (widget), NST_GROUP_STATUS_ACTIVE, _("The pair is at work"));
}

static void
draft_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  change_status (NST_GROUP_EDITOR (widget), NST_GROUP_STATUS_DRAFT, _("The pair is a draft again"));
}

static void
end_answered (GObject      *owner,
              NstEndReason  reason,
              const char   *ended_on,
              const char   *note)
{
  NstGroupEditor *self = NST_GROUP_EDITOR (owner);
  g_autoptr(NstGroup) group = nst_group_copy (self->original);
  g_autoptr(GError) error = NULL;

  if (!nst_store_end_group (self->store, group, reason, ended_on, note, &error))
    {
      show_error (self, _("Could not end the pair"), error);
      return;
    }
  reload (self, nst_group_get_id (group));
  show_toast (self, nst_group_get_status (group) == NST_GROUP_STATUS_FINISHED ? _("The pair is finished")
                                                                               : _("The pair is terminated"));
}

static void
end_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NstGroupEditor *self = NST_GROUP_EDITOR (widget);
  gboolean finish = g_str_equal (action_name, "group.finish");

  if (!ensure_saved (self))
    return;
  nst_end_dialog_present (GTK_WINDOW (self),
                          finish ? _("Finish the Pair?") : _("Terminate the Pair?"),
                          _("The pair and its programme end on the day given, for the reason chosen "
                            "(section 4.1 of the school's programme). The end is final."),
                          finish ? NST_END_REASON_PLAN_DONE : NST_END_REASON_PARTICIPANT,
                          end_answered, G_OBJECT (self));
}

static void
programme_saved_cb (NstGroupEditor *self)
{
  g_autoptr(NstGroup) stored = nst_store_get_group (self->store, nst_group_get_id (self->original), NULL);

  /* Only the progress changed: the form keeps what is being typed. */
  if (stored != NULL)
    g_set_object (&self->original, stored);
  update_status (self);
  g_signal_emit (self, signals[PROGRAMME_SAVED], 0);
}

static void
programme_clicked_cb (NstGroupEditor *self)
{
  if (self->original == NULL)
    return;
  nst_programme_editor_open_for_group (GTK_WIDGET (self), self->store, nst_group_get_id (self->original),
                                       G_CALLBACK (programme_saved_cb), G_OBJECT (self));
}

/* ---- loading --------------------------------------------------------------- */

/* A new pair works from today to the end of the school year's lessons,
 * 31 May; a curator changes it when it is otherwise. */
static void
set_default_period (NstGroupEditor *self)
{
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  GDate today, last;

  nst_date_today (&today);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, G_DATE_MAY, nst_school_year_of (&today) + 1);
  starts = nst_date_format_iso (&today);
  ends = nst_date_format_iso (&last);
  self->loading = TRUE;
  nst_date_row_set_iso_date (NST_DATE_ROW (self->starts_row), starts);
  nst_date_row_set_iso_date (NST_DATE_ROW (self->ends_row), ends);
  self->loading = FALSE;
}

static void
load_group (NstGroupEditor *self,
            NstGroup       *group)
{
  g_autoptr(NstGroup) copy = nst_group_copy (group);

  g_set_object (&self->original, group);
  g_set_object (&self->working, copy);
  self->loading = TRUE;
  nst_participant_row_set_text_quietly (self->mentor_row, nst_group_get_mentor_name (group));
  adw_combo_row_set_selected (self->form_row, nst_group_get_form (group));
  if (nst_group_get_interaction_model (group) != NST_INTERACTION_NONE)
    adw_combo_row_set_selected (self->model_row, nst_group_get_interaction_model (group) - 1);
  adw_combo_row_set_selected (self->kind_row, nst_group_get_kind (group));
  nst_date_row_set_iso_date (NST_DATE_ROW (self->starts_row), nst_group_get_starts_on (group));
  nst_date_row_set_iso_date (NST_DATE_ROW (self->ends_row), nst_group_get_ends_on (group));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), nst_group_get_note (group));
  self->loading = FALSE;
  self->show_all = TRUE;
  update_excluded (self);
  fill_mentee_rows (self);
  update_status (self);
  fill_history (self);
  refresh_suggestions (self);
  validate (self);
}

static gboolean
load_participants (NstGroupEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  if ((self->participants = nst_store_list_participants (self->store, &error)) == NULL)
    {
      show_error (self, _("Could not read the registry"), error);
      return FALSE;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->participants));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (G_LIST_MODEL (self->participants), i);

      g_hash_table_insert (self->by_id, g_memdup2 (&(gint64) { nst_participant_get_id (p) }, sizeof (gint64)), p);
    }
  nst_participant_row_set_participants (self->mentor_row, G_LIST_MODEL (self->participants));
  nst_participant_row_set_participants (self->mentee_row, G_LIST_MODEL (self->participants));
  return TRUE;
}

/* ---- vfuncs ---------------------------------------------------------------- */

static char *
nst_group_editor_dup_state (NstFormWindow *window)
{
  NstGroupEditor *self = NST_GROUP_EDITOR (window);
  GString *state = g_string_new (NULL);

  g_string_append_printf (state, "%" G_GINT64_FORMAT ":", nst_group_get_mentor_id (self->working));
  for (guint i = 0; i < nst_group_get_n_mentees (self->working); i++)
    g_string_append_printf (state, "%" G_GINT64_FORMAT ",", nst_group_get_mentee_id (self->working, i));
  g_string_append_printf (state, "\x1e%u %u %u\x1f%s\x1f%s\x1f%s",
                          adw_combo_row_get_selected (self->form_row),
                          adw_combo_row_get_selected (self->model_row),
                          adw_combo_row_get_selected (self->kind_row),
                          gtk_editable_get_text (GTK_EDITABLE (self->starts_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->ends_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  return g_string_free (state, FALSE);
}

static void
nst_group_editor_dispose (GObject *object)
{
  NstGroupEditor *self = NST_GROUP_EDITOR (object);

  /* Rows being torn down may still signal: ignore them. */
  self->loading = TRUE;
  g_clear_handle_id (&self->problems_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_GROUP_EDITOR);
  G_OBJECT_CLASS (nst_group_editor_parent_class)->dispose (object);
}

static void
nst_group_editor_finalize (GObject *object)
{
  NstGroupEditor *self = NST_GROUP_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_object (&self->working);
  g_clear_object (&self->participants);
  g_clear_object (&self->suggestions);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->mentor_excluded, g_hash_table_unref);
  g_clear_pointer (&self->mentee_excluded, g_hash_table_unref);
  g_clear_pointer (&self->mentee_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_clear_pointer (&self->suggestion_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (nst_group_editor_parent_class)->finalize (object);
}

static void
nst_group_editor_class_init (NstGroupEditorClass *klass)
{
  static const guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NstFormWindowClass *form_class = NST_FORM_WINDOW_CLASS (klass);

  object_class->dispose = nst_group_editor_dispose;
  object_class->finalize = nst_group_editor_finalize;
  form_class->dup_state = nst_group_editor_dup_state;
  form_class->save = nst_group_editor_save;

  /**
   * NstGroupEditor::saved:
   * @group: the pair as stored, with its id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, NST_TYPE_GROUP);
  signals[PROGRAMME_SAVED] = g_signal_new ("programme-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * NstGroupEditor::consents-changed:
   *
   * A consent was recorded (or taken back) from the readiness list: the
   * registry's state column is out of date.
   */
  signals[CONSENTS_CHANGED] = g_signal_new ("consents-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (NST_TYPE_DATE_ROW);
  g_type_ensure (NST_TYPE_PARTICIPANT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/nastavnik/Nastavnik/pairs/nst-group-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, save_another_button);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, status_group);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, programme_row);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, programme_button);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, approve_button);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, finish_button);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, terminate_button);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, draft_button);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, members_group);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, mentor_row);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, mentee_row);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, suggestions_group);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, form_group);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, form_row);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, model_row);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, period_group);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, ends_row);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, readiness_group);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, NstGroupEditor, history_row);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, programme_clicked_cb);

  gtk_widget_class_install_action (widget_class, "group.approve", NULL, approve_action_cb);
  gtk_widget_class_install_action (widget_class, "group.start", NULL, start_action_cb);
  gtk_widget_class_install_action (widget_class, "group.draft", NULL, draft_action_cb);
  gtk_widget_class_install_action (widget_class, "group.finish", NULL, end_action_cb);
  gtk_widget_class_install_action (widget_class, "group.terminate", NULL, end_action_cb);
  gtk_widget_class_install_action (widget_class, "group.save-another", NULL, save_another_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    gtk_widget_class_add_binding (widget_class, enter_keys[i], GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                  save_another_shortcut_cb, NULL);
}

static const gsize checked_rows[NST_GROUP_N_CHECKED_FIELDS] = {
  [NST_GROUP_FIELD_MENTOR] = G_STRUCT_OFFSET (NstGroupEditor, mentor_row),
  [NST_GROUP_FIELD_MENTEES] = G_STRUCT_OFFSET (NstGroupEditor, mentee_row),
  [NST_GROUP_FIELD_INTERACTION_MODEL] = G_STRUCT_OFFSET (NstGroupEditor, model_row),
  [NST_GROUP_FIELD_STARTS_ON] = G_STRUCT_OFFSET (NstGroupEditor, starts_row),
  [NST_GROUP_FIELD_ENDS_ON] = G_STRUCT_OFFSET (NstGroupEditor, ends_row),
};

static void
init_rows (NstGroupEditor *self)
{
  g_autoptr(GListModel) forms = nst_label_list_new (form_label, NST_N_GROUP_FORMS);
  g_autoptr(GListModel) models = nst_label_list_new (model_label, NST_N_INTERACTION_MODELS - 1);
  g_autoptr(GListModel) kinds = nst_label_list_new (kind_label, NST_N_GROUP_KINDS);

  adw_combo_row_set_model (self->form_row, forms);
  adw_combo_row_set_model (self->model_row, models);
  adw_combo_row_set_model (self->kind_row, kinds);
  /* The seed's own form, the one most pairs of a school take. */
  adw_combo_row_set_selected (self->form_row, NST_GROUP_FORM_PEDAGOGUE_PEDAGOGUE);
  for (NstGroupField f = 0; f < NST_GROUP_N_CHECKED_FIELDS; f++)
    {
      nst_row_message_init (&self->checks[f], *(GtkWidget **) G_STRUCT_MEMBER_P (self, checked_rows[f]));
      nst_row_message_place (&self->checks[f]);
    }
  nst_participant_row_set_prefer (self->mentor_row, NST_PARTICIPANT_ROW_MENTOR);
  nst_participant_row_set_prefer (self->mentee_row, NST_PARTICIPANT_ROW_MENTEE);
  nst_participant_row_set_excluded (self->mentor_row, self->mentor_excluded);
  nst_participant_row_set_excluded (self->mentee_row, self->mentee_excluded);
  g_signal_connect_object (self->mentor_row, "picked", G_CALLBACK (mentor_picked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mentor_row, "changed", G_CALLBACK (mentor_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mentee_row, "picked", G_CALLBACK (mentee_picked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->starts_row, "changed", G_CALLBACK (date_changed_cb), self, 0);
  g_signal_connect_object (self->ends_row, "changed", G_CALLBACK (date_changed_cb), self, 0);
  g_signal_connect_object (self->note_row, "changed", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_name (GTK_WIDGET (self->mentor_row), "mentor");
  gtk_widget_set_name (GTK_WIDGET (self->mentee_row), "add-mentee");
  gtk_widget_set_name (GTK_WIDGET (self->form_row), "form");
  gtk_widget_set_name (GTK_WIDGET (self->model_row), "interaction-model");
  gtk_widget_set_name (GTK_WIDGET (self->kind_row), "kind");
  gtk_widget_set_name (self->starts_row, "starts-on");
  gtk_widget_set_name (self->ends_row, "ends-on");
  gtk_widget_set_name (self->note_row, "note");
  gtk_widget_set_name (self->save_button, "save");
  gtk_widget_set_name (self->save_another_button, "save-another");
}

static void
nst_group_editor_init (NstGroupEditor *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  nst_form_window_set_toast_overlay (NST_FORM_WINDOW (self), self->toast_overlay);
  nst_form_window_set_discard_body (NST_FORM_WINDOW (self),
                                    _("The changes to this pair have not been saved."));
  self->working = nst_group_new ();
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->mentor_excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->mentee_excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->mentee_rows = g_ptr_array_new ();
  self->problem_rows = g_ptr_array_new ();
  self->suggestion_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->status_pill = nst_status_pill_new ();
  adw_action_row_add_suffix (self->status_row, self->status_pill);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->status_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->programme_row), FALSE);
  init_rows (self);
}

/**
 * nst_group_editor_new:
 * @parent: (nullable): the window the editor is modal to
 * @group: (nullable): the pair to open, or %NULL for a new one; it is read
 *   afresh from @store
 *
 * Returns: (transfer none): the editor, not yet shown
 */
NstGroupEditor *
nst_group_editor_new (GtkWindow *parent,
                      NstStore  *store,
                      NstGroup  *group)
{
  NstGroupEditor *self;
  g_autoptr(NstGroup) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NST_IS_STORE (store), NULL);
  g_return_val_if_fail (group == NULL || NST_IS_GROUP (group), NULL);

  self = g_object_new (NST_TYPE_GROUP_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load_participants (self);
  if (group != NULL && (stored = nst_store_get_group (store, nst_group_get_id (group), &error)) == NULL)
    show_error (self, _("Could not read the pair"), error);
  if (stored != NULL)
    load_group (self, stored);
  else
    {
      set_default_period (self);
      update_status (self);
      fill_history (self);
      fill_mentee_rows (self);
      self->loading = FALSE;
      validate (self);
    }
  remember_state (self);
  self->loading = FALSE;
  /* A new pair begins with its mentor; an open one is first read. */
  if (stored == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->mentor_row));
  return self;
}
