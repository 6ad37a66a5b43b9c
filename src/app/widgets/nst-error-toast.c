/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-error-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/nst-error-toast.h"

static void
details_clicked_cb (AdwToast  *toast,
                    GtkWindow *parent)
{
  const char *heading = g_object_get_data (G_OBJECT (toast), "nst-error-heading");
  const char *message = g_object_get_data (G_OBJECT (toast), "nst-error-message");
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * nst_error_toast_new:
 * @parent: (nullable): the window the details dialog is modal to
 * @heading: (nullable): what failed, the heading of the details dialog
 * @error: what went wrong; its message says what to do
 *
 * A toast is one line: the whole message is a click away, and the toast
 * stays until the user has seen it.
 *
 * Returns: (transfer full): the toast, for adw_toast_overlay_add_toast()
 */
AdwToast *
nst_error_toast_new (GtkWindow    *parent,
                     const char   *heading,
                     const GError *error)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  /* Toast titles are markup, and an error message may quote anything. */
  title = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data_full (G_OBJECT (toast), "nst-error-heading", g_strdup (heading), g_free);
  g_object_set_data_full (G_OBJECT (toast), "nst-error-message",
                          g_strdup (error->message), g_free);
  if (parent != NULL)
    g_signal_connect_object (toast, "button-clicked", G_CALLBACK (details_clicked_cb), parent, 0);
  else
    g_signal_connect (toast, "button-clicked", G_CALLBACK (details_clicked_cb), NULL);
  return toast;
}
