/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-pair-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "schedule/nst-date.h"
#include "widgets/nst-date-row.h"
#include "widgets/nst-pair-dialogs.h"
#include "widgets/nst-status-badge.h"

typedef struct
{
  GWeakRef owner;
  GCallback func;
  AdwMessageDialog *dialog;
  const char *response;      /* the one that answers */
  GtkWidget *number;
  GtkWidget *date;
  AdwComboRow *reason;
  GtkWidget *note;
} Answer;

static void
answer_free (Answer *answer)
{
  g_weak_ref_clear (&answer->owner);
  g_free (answer);
}

static Answer *
answer_new (AdwMessageDialog *dialog,
            const char       *response,
            GCallback         func,
            GObject          *owner)
{
  Answer *answer = g_new0 (Answer, 1);

  g_weak_ref_init (&answer->owner, owner);
  answer->func = func;
  answer->dialog = dialog;
  answer->response = response;
  g_object_set_data_full (G_OBJECT (dialog), "nst-answer", answer, (GDestroyNotify) answer_free);
  return answer;
}

static GtkListBox *
boxed_list_new (AdwMessageDialog *dialog)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_message_dialog_set_extra_child (dialog, list);
  return GTK_LIST_BOX (list);
}

static AdwMessageDialog *
dialog_new (GtkWindow  *parent,
            const char *heading,
            const char *body,
            const char *response,
            const char *response_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label, NULL);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  return dialog;
}

static GtkWidget *
today_row (const char *title,
           const char *name)
{
  GtkWidget *row = nst_date_row_new ();
  g_autofree char *today_iso = NULL;
  GDate today;

  nst_date_today (&today);
  today_iso = nst_date_format_iso (&today);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  nst_date_row_set_iso_date (NST_DATE_ROW (row), today_iso);
  return row;
}

static const char *
entry_text (GtkWidget *row)
{
  return row ? gtk_editable_get_text (GTK_EDITABLE (row)) : "";
}

/* ---- order numbers --------------------------------------------------------- */

/**
 * nst_order_number_parse:
 * @text: «219 о-д», «№ 219», «219»
 * @number: (out): 219
 * @suffix: (out) (transfer full): «о-д», or "" when none was written
 *
 * Returns: whether @text is an order number
 */
gboolean
nst_order_number_parse (const char  *text,
                        guint       *number,
                        char       **suffix)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  const char *p = copy;
  guint64 value;
  char *end;

  if (g_str_has_prefix (p, "№"))
    p += strlen ("№");
  while (*p == ' ')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  value = g_ascii_strtoull (p, &end, 10);
  if (value == 0 || value > G_MAXINT)
    return FALSE;
  *number = (guint) value;
  *suffix = g_strstrip (g_strdup (end));
  return TRUE;
}

/* ---- approval -------------------------------------------------------------- */

static void
approve_check_cb (Answer *answer)
{
  const char *number = entry_text (answer->number);
  g_autofree char *suffix = NULL;
  guint n;
  gboolean number_ok = *number == '\0' || nst_order_number_parse (number, &n, &suffix);
  gboolean date_ok = *nst_date_row_get_iso_date (NST_DATE_ROW (answer->date)) != '\0';

  if (number_ok)
    gtk_widget_remove_css_class (answer->number, "error");
  else
    gtk_widget_add_css_class (answer->number, "error");
  adw_message_dialog_set_response_enabled (answer->dialog, answer->response, number_ok && date_ok);
}

static void
approve_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Answer           *answer)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&answer->owner);
  g_autofree char *number = NULL;

  if (owner == NULL || g_strcmp0 (response, answer->response) != 0)
    return;
  number = g_strstrip (g_strdup (entry_text (answer->number)));
  ((NstApproveFunc) answer->func) (owner, number, nst_date_row_get_iso_date (NST_DATE_ROW (answer->date)));
}

GtkWidget *
nst_approve_dialog_present (GtkWindow      *parent,
                            const char     *body,
                            NstApproveFunc  func,
                            GObject        *owner)
{
  AdwMessageDialog *dialog = dialog_new (parent, _("Approve by Order"), body, "approve", _("_Approve"));
  Answer *answer = answer_new (dialog, "approve", G_CALLBACK (func), owner);
  GtkListBox *list = boxed_list_new (dialog);

  answer->number = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (answer->number),
                                 _("Order number, such as 219 о-д (if signed)"));
  gtk_widget_set_name (answer->number, "order-number");
  answer->date = today_row (_("Order date"), "order-date");
  gtk_list_box_append (list, answer->number);
  gtk_list_box_append (list, answer->date);
  g_signal_connect_swapped (answer->number, "changed", G_CALLBACK (approve_check_cb), answer);
  g_signal_connect_swapped (answer->date, "changed", G_CALLBACK (approve_check_cb), answer);
  g_signal_connect (dialog, "response", G_CALLBACK (approve_response_cb), answer);
  approve_check_cb (answer);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

/* ---- the end ---------------------------------------------------------------- */

static const char *
end_reason_label (guint i)
{
  return nst_end_reason_label (i + 1);
}

static void
end_check_cb (Answer *answer)
{
  adw_message_dialog_set_response_enabled (answer->dialog, answer->response,
                                           *nst_date_row_get_iso_date (NST_DATE_ROW (answer->date)) != '\0');
}

static void
end_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 Answer           *answer)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&answer->owner);
  g_autofree char *note = NULL;

  if (owner == NULL || g_strcmp0 (response, answer->response) != 0)
    return;
  note = g_strstrip (g_strdup (entry_text (answer->note)));
  ((NstEndFunc) answer->func) (owner, adw_combo_row_get_selected (answer->reason) + 1,
                               nst_date_row_get_iso_date (NST_DATE_ROW (answer->date)), note);
}

GtkWidget *
nst_end_dialog_present (GtkWindow    *parent,
                        const char   *heading,
                        const char   *body,
                        NstEndReason  reason,
                        NstEndFunc    func,
                        GObject      *owner)
{
  AdwMessageDialog *dialog = dialog_new (parent, heading, body, "end", _("_End"));
  Answer *answer = answer_new (dialog, "end", G_CALLBACK (func), owner);
  GtkListBox *list = boxed_list_new (dialog);
  g_autoptr(GListModel) reasons = nst_label_list_new (end_reason_label, NST_N_END_REASONS - 1);

  adw_message_dialog_set_response_appearance (dialog, "end", ADW_RESPONSE_DESTRUCTIVE);
  answer->reason = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (answer->reason), _("Reason"));
  adw_combo_row_set_model (answer->reason, reasons);
  adw_combo_row_set_selected (answer->reason, reason > NST_END_REASON_NONE ? reason - 1 : 0);
  gtk_widget_set_name (GTK_WIDGET (answer->reason), "end-reason");
  answer->date = today_row (_("Ended on"), "ended-on");
  answer->note = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (answer->note), _("Note (optional)"));
  gtk_widget_set_name (answer->note, "end-note");
  gtk_list_box_append (list, GTK_WIDGET (answer->reason));
  gtk_list_box_append (list, answer->date);
  gtk_list_box_append (list, answer->note);
  g_signal_connect_swapped (answer->date, "changed", G_CALLBACK (end_check_cb), answer);
  g_signal_connect (dialog, "response", G_CALLBACK (end_response_cb), answer);
  end_check_cb (answer);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

/* ---- reasons ---------------------------------------------------------------- */

static void
reason_check_cb (Answer *answer)
{
  g_autofree char *reason = g_strstrip (g_strdup (entry_text (answer->note)));

  adw_message_dialog_set_response_enabled (answer->dialog, answer->response, *reason != '\0');
}

static void
reason_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Answer           *answer)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&answer->owner);
  g_autofree char *reason = NULL;

  if (owner == NULL || g_strcmp0 (response, answer->response) != 0)
    return;
  reason = g_strstrip (g_strdup (entry_text (answer->note)));
  ((NstReasonFunc) answer->func) (owner, reason);
}

/**
 * nst_text_dialog_present:
 * @row_title: what to type
 * @text: (nullable): what the row holds at first
 *
 * Asks for a line of text, which may not be blank.
 */
GtkWidget *
nst_text_dialog_present (GtkWindow     *parent,
                         const char    *heading,
                         const char    *body,
                         const char    *row_title,
                         const char    *text,
                         const char    *response_label,
                         NstReasonFunc  func,
                         GObject       *owner)
{
  AdwMessageDialog *dialog = dialog_new (parent, heading, body, "save", response_label);
  Answer *answer = answer_new (dialog, "save", G_CALLBACK (func), owner);
  GtkListBox *list = boxed_list_new (dialog);

  answer->note = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (answer->note), row_title);
  gtk_editable_set_text (GTK_EDITABLE (answer->note), text ? text : "");
  gtk_widget_set_name (answer->note, "dialog-text");
  gtk_list_box_append (list, answer->note);
  g_signal_connect_swapped (answer->note, "changed", G_CALLBACK (reason_check_cb), answer);
  g_signal_connect (dialog, "response", G_CALLBACK (reason_response_cb), answer);
  reason_check_cb (answer);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (answer->note);
  return GTK_WIDGET (dialog);
}

GtkWidget *
nst_reason_dialog_present (GtkWindow     *parent,
                           const char    *heading,
                           const char    *body,
                           NstReasonFunc  func,
                           GObject       *owner)
{
  return nst_text_dialog_present (parent, heading, body, _("Reason"), NULL, _("_Save"), func, owner);
}
