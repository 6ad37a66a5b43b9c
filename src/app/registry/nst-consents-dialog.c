/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-registry"

#include "config.h"

#include <glib/gi18n.h>

#include "model/nst-consent.h"
#include "registry/nst-consents-dialog.h"
#include "schedule/nst-date.h"
#include "widgets/nst-date-row.h"

typedef struct
{
  GtkCheckButton *kinds[NST_N_CONSENT_KINDS];
  NstDateRow *date_row;
  NstConsentsChosenFunc chosen;
  gpointer user_data;
  GDestroyNotify destroy;
} Choice;

static void
choice_free (Choice *choice)
{
  if (choice->destroy != NULL)
    choice->destroy (choice->user_data);
  g_free (choice);
}

static guint
chosen_kinds (Choice *choice)
{
  guint kinds = 0;

  for (guint k = 0; k < NST_N_CONSENT_KINDS; k++)
    if (choice->kinds[k] != NULL && gtk_check_button_get_active (choice->kinds[k]))
      kinds |= 1u << k;
  return kinds;
}

/* «Отметить» only with a kind ticked and a date that is one. */
static void
update_response (AdwMessageDialog *dialog)
{
  Choice *choice = g_object_get_data (G_OBJECT (dialog), "nst-choice");
  const char *day = nst_date_row_get_iso_date (choice->date_row);

  adw_message_dialog_set_response_enabled (dialog, "mark", chosen_kinds (choice) != 0 && *day != '\0');
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response)
{
  Choice *choice = g_object_get_data (G_OBJECT (dialog), "nst-choice");

  if (g_strcmp0 (response, "mark") == 0)
    choice->chosen (chosen_kinds (choice), nst_date_row_get_iso_date (choice->date_row), choice->user_data);
}

static GtkWidget *
kind_row (Choice          *choice,
          AdwMessageDialog *dialog,
          NstConsentKind   kind,
          const char      *title,
          const char      *subtitle,
          gboolean         active,
          gboolean         sensitive)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_sensitive (row, sensitive);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_response), dialog);
  choice->kinds[kind] = GTK_CHECK_BUTTON (check);
  return row;
}

static GtkWidget *
build_form (Choice           *choice,
            AdwMessageDialog *dialog,
            gboolean          any_mentor)
{
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *today = NULL;
  GDate date;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list),
                       kind_row (choice, dialog, NST_CONSENT_PROCESSING, _("Processing of personal data"),
                                 _("Everyone; for a child under 14 the representative signs it in the card"),
                                 TRUE, TRUE));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       kind_row (choice, dialog, NST_CONSENT_DISTRIBUTION, _("Distribution of personal data"),
                                 _("Publication on the school's website"), FALSE, TRUE));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       kind_row (choice, dialog, NST_CONSENT_MENTOR, _("Mentor's consent"),
                                 any_mentor ? _("Those selected who mentor") : _("None of those selected mentors"),
                                 any_mentor, any_mentor));
  choice->date_row = NST_DATE_ROW (nst_date_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice->date_row), _("Signed on"));
  nst_date_today (&date);
  today = nst_date_format_iso (&date);
  nst_date_row_set_iso_date (choice->date_row, today);
  g_signal_connect_swapped (choice->date_row, "notify::iso-date", G_CALLBACK (update_response), dialog);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (choice->date_row));
  return list;
}

/**
 * nst_consents_dialog_present:
 * @any_mentor: whether someone selected mentors, so that the mentor's
 *   consent can be ticked
 */
void
nst_consents_dialog_present (GtkWindow             *parent,
                             guint                  n_people,
                             gboolean               any_mentor,
                             NstConsentsChosenFunc  chosen,
                             gpointer               user_data,
                             GDestroyNotify         destroy)
{
  Choice *choice = g_new0 (Choice, 1);
  g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "The consents signed by the %u participant selected",
                                                        "The consents signed by the %u participants selected",
                                                        n_people), n_people);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Mark Consents as Received"), body));

  *choice = (Choice) { .chosen = chosen, .user_data = user_data, .destroy = destroy };
  g_object_set_data_full (G_OBJECT (dialog), "nst-choice", choice, (GDestroyNotify) choice_free);
  adw_message_dialog_set_extra_child (dialog, build_form (choice, dialog, any_mentor));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "mark", _("_Mark"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "mark", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "mark");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  update_response (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}
