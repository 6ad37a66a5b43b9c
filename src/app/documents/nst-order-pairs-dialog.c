/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-order-pairs-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "docs/nst-docs.h"
#include "documents/nst-order-pairs-dialog.h"
#include "schedule/nst-date.h"
#include "widgets/nst-error-toast.h"

/* The rows are made again from the database after every consent
 * recorded: one person's consent may make several pairs ready at once.
 * What the user ticked is kept by pair; a pair that has just become ready
 * joins the ticked ones, since putting it right was the point. */

struct _NstOrderPairsDialog
{
  AdwWindow parent_instance;

  NstStore *store;
  GPtrArray *pairs;        /* NstDocPair, in the order's order */
  GHashTable *ticked;      /* gint64 * of the pairs ticked */
  GHashTable *ready;       /* gint64 * of the pairs ready at the last look */
  GHashTable *draftable;   /* gint64 * of the drafts not ready yet */
  GArray *selected;        /* (nullable) gint64: ticked at the start when ready */

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkWidget *ready_group;
  GtkWidget *unready_group;
  GtkListBox *ready_list;
  GtkListBox *unready_list;
  GtkButton *issue_button;
};

G_DEFINE_FINAL_TYPE (NstOrderPairsDialog, nst_order_pairs_dialog, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  CONSENTS_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static gint64
pair_id (NstDocPair *pair)
{
  return nst_group_get_id (pair->group);
}

/* ---- the buttons ---------------------------------------------------------------- */

static void
update_buttons (NstOrderPairsDialog *self)
{
  guint n = nst_order_pairs_dialog_get_n_ticked (self);
  g_autofree char *label = g_strdup_printf (_("_Issue Order (%u)"), n);

  gtk_button_set_label (self->issue_button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.issue", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.draft",
                                 n > 0 || g_hash_table_size (self->draftable) > 0);
}

static void
tick_toggled_cb (GtkCheckButton      *check,
                 NstOrderPairsDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "nst-pair-id"));

  if (gtk_check_button_get_active (check))
    id_set_add (self->ticked, id);
  else
    g_hash_table_remove (self->ticked, &id);
  update_buttons (self);
}

/* ---- the rows ----------------------------------------------------------------------- */

/* «Павлова Е.И. → Крылова Т.К.», and the mentees of a group after commas. */
static char *
pair_title (NstDocPair *pair)
{
  g_autofree char *mentor = nst_participant_dup_short_name (pair->mentor);
  g_autoptr(GString) title = g_string_new (mentor);

  g_string_append (title, " → ");
  for (guint i = 0; i < pair->mentees->len; i++)
    {
      g_autofree char *mentee = nst_participant_dup_short_name (g_ptr_array_index (pair->mentees, i));

      g_string_append_printf (title, "%s%s", i ? ", " : "", mentee);
    }
  return g_markup_escape_text (title->str, -1);
}

/* «№ 38 · работодатель – обучающийся · с 29.11.2025 по 29.05.2026» */
static char *
pair_subtitle (NstDocPair *pair)
{
  g_autofree char *period = nst_group_dup_period_label (pair->group);
  g_autofree char *text = NULL;

  /* Translators: the pair's number, its form and its period */
  text = g_strdup_printf (_("№ %lld · %s · %s"), (long long) pair_id (pair),
                          nst_group_form_label (nst_group_get_form (pair->group)), period);
  return g_markup_escape_text (text, -1);
}

static GtkWidget *
ready_row (NstOrderPairsDialog *self,
           NstDocPair          *pair)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *title = pair_title (pair);
  g_autofree char *subtitle = pair_subtitle (pair);
  g_autofree char *name = g_strdup_printf ("pair-check-%lld", (long long) pair_id (pair));
  gint64 id = pair_id (pair);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (check, name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->ticked, &id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (check), "nst-pair-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (check, "toggled", G_CALLBACK (tick_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static NstParticipant *
member_of (NstDocPair *pair,
           gint64      participant_id)
{
  if (nst_participant_get_id (pair->mentor) == participant_id)
    return pair->mentor;
  for (guint i = 0; i < pair->mentees->len; i++)
    if (nst_participant_get_id (g_ptr_array_index (pair->mentees, i)) == participant_id)
      return g_ptr_array_index (pair->mentees, i);
  return NULL;
}

static const char *
missing_text (NstConsentKind kind)
{
  switch (kind)
    {
    case NST_CONSENT_MENTOR:
      return _("No mentor’s consent");
    case NST_CONSENT_DISTRIBUTION:
      return _("No consent to the distribution of personal data");
    case NST_CONSENT_PROCESSING:
    default:
      return _("No consent to the processing of personal data");
    }
}

static void consent_clicked_cb (GtkButton           *button,
                                NstOrderPairsDialog *self);

/* A missing consent: whose and which, and the button that records it. */
static GtkWidget *
consent_row (NstOrderPairsDialog *self,
             NstDocPair          *pair,
             NstDocLack          *lack)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Consent Received _Today"));
  NstParticipant *p = member_of (pair, lack->participant_id);
  g_autofree char *person = p ? nst_participant_dup_full_name (p) : g_strdup ("");
  g_autofree char *title = g_markup_escape_text (person, -1);
  g_autofree char *name = g_strdup_printf ("consent-%lld-%lld-%s", (long long) pair_id (pair),
                                           (long long) lack->participant_id,
                                           nst_consent_kind_to_code (lack->consent));
  g_autofree char *tooltip = g_strdup_printf (_("Record that %s signed it today"), person);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), missing_text (lack->consent));
  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "nst-participant-id", GSIZE_TO_POINTER ((gsize) lack->participant_id));
  g_object_set_data (G_OBJECT (button), "nst-consent-kind", GUINT_TO_POINTER (lack->consent));
  g_signal_connect_object (button, "clicked", G_CALLBACK (consent_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* Anything else: what is wrong and what to do, in words. */
static GtkWidget *
lack_row (NstDocLack *lack)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *title = g_markup_escape_text (lack->message, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static GtkWidget *
unready_row (NstOrderPairsDialog *self,
             NstDocPair          *pair,
             GPtrArray           *lacks)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *title = pair_title (pair);
  g_autofree char *subtitle = pair_subtitle (pair);
  g_autofree char *name = g_strdup_printf ("pair-unready-%lld", (long long) pair_id (pair));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_set_name (row, name);
  /* Not ticked, and not to be: the order would be refused. */
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (check, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);
  for (guint i = 0; i < lacks->len; i++)
    {
      NstDocLack *lack = g_ptr_array_index (lacks, i);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                lack->participant_id != 0 ? consent_row (self, pair, lack) : lack_row (lack));
    }
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Whether a pair ready when the dialog opens starts ticked: all are, or
 * those the user had selected. */
static gboolean
ticked_at_start (NstOrderPairsDialog *self,
                 gint64               id)
{
  return self->selected == NULL || self->selected->len == 0 || contains_id (self->selected, id);
}

/* The rows as the database has the pairs now. @first: the dialog is new. */
static gboolean
refresh (NstOrderPairsDialog  *self,
         gboolean              first,
         GError              **error)
{
  g_autoptr(GPtrArray) all_lacks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint n_ready = 0;

  for (guint i = 0; i < self->pairs->len; i++)
    {
      GPtrArray *lacks = nst_doc_list_pair_lacks (self->store, g_ptr_array_index (self->pairs, i), FALSE, error);

      if (lacks == NULL)
        return FALSE;
      g_ptr_array_add (all_lacks, lacks);
    }
  clear_list (self->ready_list);
  clear_list (self->unready_list);
  g_hash_table_remove_all (self->draftable);
  for (guint i = 0; i < self->pairs->len; i++)
    {
      NstDocPair *pair = g_ptr_array_index (self->pairs, i);
      GPtrArray *lacks = g_ptr_array_index (all_lacks, i);
      gint64 id = pair_id (pair);

      if (lacks->len == 0)
        {
          if (first ? ticked_at_start (self, id) : !g_hash_table_contains (self->ready, &id))
            id_set_add (self->ticked, id);
          if (!g_hash_table_contains (self->ready, &id))
            id_set_add (self->ready, id);
          gtk_list_box_append (self->ready_list, ready_row (self, pair));
          n_ready++;
          continue;
        }
      g_hash_table_remove (self->ready, &id);
      g_hash_table_remove (self->ticked, &id);
      if (nst_group_get_status (pair->group) == NST_GROUP_STATUS_DRAFT && nst_group_get_order_id (pair->group) == 0)
        id_set_add (self->draftable, id);
      gtk_list_box_append (self->unready_list, unready_row (self, pair, lacks));
    }
  gtk_widget_set_visible (self->ready_group, n_ready > 0);
  gtk_widget_set_visible (self->unready_group, n_ready < self->pairs->len);
  update_buttons (self);
  return TRUE;
}

static void
show_error (NstOrderPairsDialog *self,
            const char          *heading,
            const GError        *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, nst_error_toast_new (GTK_WINDOW (self), heading, error));
}

static void
consent_clicked_cb (GtkButton           *button,
                    NstOrderPairsDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "nst-participant-id"));
  NstConsentKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "nst-consent-kind"));
  g_autoptr(GError) error = NULL;
  g_autoptr(NstParticipant) person = nst_store_get_participant (self->store, id, &error);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  NstConsentsMarking marking = { NULL };
  guint recorded;
  GDate date;

  if (person == NULL)
    {
      show_error (self, _("Could not record the consent"), error);
      return;
    }
  nst_date_today (&date);
  today = nst_date_format_iso (&date);
  g_ptr_array_add (people, person);
  if (!nst_store_mark_consents (self->store, people, 1u << kind, today, &marking, &error))
    {
      show_error (self, _("Could not record the consent"), error);
      return;
    }
  recorded = marking.consents;
  nst_consents_marking_clear (&marking);
  name = nst_participant_dup_short_name (person);
  message = recorded > 0 ? g_strdup_printf (_("Consent recorded: %s"), name)
                         : g_strdup_printf (_("%s cannot sign this consent alone: record it in their card"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  if (recorded > 0)
    g_signal_emit (self, signals[CONSENTS_RECORDED], 0);
  if (!refresh (self, FALSE, &error))
    show_error (self, _("Could not read the pairs"), error);
}

/* ---- the answers ------------------------------------------------------------------ */

static void
choose (NstOrderPairsDialog *self,
        gboolean             draft)
{
  g_object_ref (self);
  g_signal_emit (self, signals[CHOSEN], 0, draft);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
issue_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  choose (NST_ORDER_PAIRS_DIALOG (widget), FALSE);
}

static void
draft_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  choose (NST_ORDER_PAIRS_DIALOG (widget), TRUE);
}

/* ---- the object ------------------------------------------------------------------- */

static void
nst_order_pairs_dialog_dispose (GObject *object)
{
  NstOrderPairsDialog *self = NST_ORDER_PAIRS_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  g_clear_pointer (&self->ticked, g_hash_table_unref);
  g_clear_pointer (&self->ready, g_hash_table_unref);
  g_clear_pointer (&self->draftable, g_hash_table_unref);
  g_clear_pointer (&self->selected, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), NST_TYPE_ORDER_PAIRS_DIALOG);
  G_OBJECT_CLASS (nst_order_pairs_dialog_parent_class)->dispose (object);
}

static void
nst_order_pairs_dialog_class_init (NstOrderPairsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = nst_order_pairs_dialog_dispose;

  /* "chosen" (gboolean draft): «Издать приказ» or «Печать проекта»; the
   * dialog closes after it. "consents-recorded": the registry changed. */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[CONSENTS_RECORDED] = g_signal_new ("consents-recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/nastavnik/Nastavnik/documents/nst-order-pairs-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NstOrderPairsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, NstOrderPairsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NstOrderPairsDialog, ready_group);
  gtk_widget_class_bind_template_child (widget_class, NstOrderPairsDialog, unready_group);
  gtk_widget_class_bind_template_child (widget_class, NstOrderPairsDialog, ready_list);
  gtk_widget_class_bind_template_child (widget_class, NstOrderPairsDialog, unready_list);
  gtk_widget_class_bind_template_child (widget_class, NstOrderPairsDialog, issue_button);

  gtk_widget_class_install_action (widget_class, "order.issue", NULL, issue_action_cb);
  gtk_widget_class_install_action (widget_class, "order.draft", NULL, draft_action_cb);
  /* Escape cancels; Enter issues, the issue button being the default. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nst_order_pairs_dialog_init (NstOrderPairsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->issue_button));
  self->ticked = id_set_new ();
  self->ready = id_set_new ();
  self->draftable = id_set_new ();
}

/**
 * nst_order_pairs_dialog_new:
 * @ids: the pairs and groups the order would fix, in its order
 * @selected: (nullable): those chosen in the tab, ticked alone when ready;
 *   every ready pair is ticked when %NULL or empty
 *
 * Returns: (transfer none) (nullable): the dialog, to be presented; %NULL
 *   when the pairs cannot be read
 */
NstOrderPairsDialog *
nst_order_pairs_dialog_new (GtkWindow  *parent,
                            NstStore   *store,
                            guint       school_year,
                            GArray     *ids,
                            GArray     *selected,
                            GError    **error)
{
  g_autoptr(GPtrArray) pairs = nst_doc_load_pairs (store, (const gint64 *) (gpointer) ids->data, ids->len,
                                                   school_year, error);
  g_autofree char *year = NULL;
  g_autofree char *subtitle = NULL;
  NstOrderPairsDialog *self;

  if (pairs == NULL)
    return NULL;
  self = g_object_new (NST_TYPE_ORDER_PAIRS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->pairs = g_steal_pointer (&pairs);
  self->selected = selected ? g_array_ref (selected) : NULL;
  year = nst_school_year_label (school_year);
  subtitle = g_strdup_printf (_("%s school year"), year);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (!refresh (self, TRUE, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  /* Enter issues, as in a message dialog, and Tab goes on from there. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->issue_button));
  return self;
}

/* The ids of the pairs, in the order's order, that are in @set or @also. */
static GArray *
ids_in (NstOrderPairsDialog *self,
        GHashTable          *set,
        GHashTable          *also)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->pairs->len; i++)
    {
      gint64 id = pair_id (g_ptr_array_index (self->pairs, i));

      if (g_hash_table_contains (set, &id) || (also != NULL && g_hash_table_contains (also, &id)))
        g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * nst_order_pairs_dialog_dup_ticked:
 *
 * Returns: (transfer full) (element-type gint64): the pairs ticked: what
 *   the order fixes
 */
GArray *
nst_order_pairs_dialog_dup_ticked (NstOrderPairsDialog *self)
{
  return ids_in (self, self->ticked, NULL);
}

/**
 * nst_order_pairs_dialog_dup_draft:
 *
 * Returns: (transfer full) (element-type gint64): what a draft lists: the
 *   pairs ticked and the drafts not ready yet
 */
GArray *
nst_order_pairs_dialog_dup_draft (NstOrderPairsDialog *self)
{
  return ids_in (self, self->ticked, self->draftable);
}

guint
nst_order_pairs_dialog_get_n_ticked (NstOrderPairsDialog *self)
{
  return g_hash_table_size (self->ticked);
}
