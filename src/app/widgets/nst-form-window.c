/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-form-window"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/nst-error-toast.h"
#include "widgets/nst-form-window.h"

typedef struct
{
  AdwToastOverlay *toast_overlay;  /* a descendant: not owned */
  AdwToast *problem_toast;         /* «Some fields need correcting», while it shows */
  char *saved_state;               /* to tell whether anything changed */
  char *discard_body;
  gboolean closing;                /* saved or discarded: close without asking */
} NstFormWindowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (NstFormWindow, nst_form_window, ADW_TYPE_WINDOW)

static gboolean
has_changes (NstFormWindow *self)
{
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);
  NstFormWindowClass *klass = NST_FORM_WINDOW_GET_CLASS (self);
  g_autofree char *state = NULL;

  if (klass->dup_state == NULL)
    return FALSE;
  state = klass->dup_state (self);
  return g_strcmp0 (state, priv->saved_state) != 0;
}

static void
save (NstFormWindow *self)
{
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);
  NstFormWindowClass *klass = NST_FORM_WINDOW_GET_CLASS (self);

  g_return_if_fail (klass->save != NULL);

  if (!klass->save (self))
    return;
  priv->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The dialog is still busy with its response: close once it is done, so
 * that it does not outlive this window in the middle of its signal. */
static gboolean
close_discarded_cb (gpointer data)
{
  NstFormWindow *self = data;
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);

  priv->closing = TRUE;
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
ask_to_discard (NstFormWindow *self)
{
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard changes?"),
                                                       priv->discard_body));
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

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (NST_FORM_WINDOW (widget));
}

/* Not the form.save action: that is disabled while the form is wrong, and
 * the shortcut should then point at what is wrong. */
static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  save (NST_FORM_WINDOW (widget));
  return TRUE;
}

static gboolean
nst_form_window_close_request (GtkWindow *window)
{
  NstFormWindow *self = NST_FORM_WINDOW (window);
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);

  if (!priv->closing && has_changes (self))
    {
      ask_to_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (nst_form_window_parent_class)->close_request (window);
}

static void
nst_form_window_dispose (GObject *object)
{
  NstFormWindow *self = NST_FORM_WINDOW (object);
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);

  priv->toast_overlay = NULL;
  g_clear_object (&priv->problem_toast);
  G_OBJECT_CLASS (nst_form_window_parent_class)->dispose (object);
}

static void
nst_form_window_finalize (GObject *object)
{
  NstFormWindow *self = NST_FORM_WINDOW (object);
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);

  g_clear_pointer (&priv->saved_state, g_free);
  g_clear_pointer (&priv->discard_body, g_free);
  G_OBJECT_CLASS (nst_form_window_parent_class)->finalize (object);
}

static void
nst_form_window_class_init (NstFormWindowClass *klass)
{
  static const guint save_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_s };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nst_form_window_dispose;
  object_class->finalize = nst_form_window_finalize;
  window_class->close_request = nst_form_window_close_request;

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (save_keys); i++)
    gtk_widget_class_add_binding (widget_class, save_keys[i], GDK_CONTROL_MASK,
                                  save_shortcut_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nst_form_window_init (NstFormWindow *self)
{
}

/**
 * nst_form_window_set_toast_overlay:
 * @overlay: where the form's toasts show, a descendant of @self
 *
 * For a subclass's init, after its template.
 */
void
nst_form_window_set_toast_overlay (NstFormWindow   *self,
                                   AdwToastOverlay *overlay)
{
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);

  g_return_if_fail (NST_IS_FORM_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  priv->toast_overlay = overlay;
}

/**
 * nst_form_window_set_discard_body:
 * @body: what would be lost, said when the user closes with unsaved changes
 */
void
nst_form_window_set_discard_body (NstFormWindow *self,
                                  const char    *body)
{
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);

  g_return_if_fail (NST_IS_FORM_WINDOW (self));

  g_free (priv->discard_body);
  priv->discard_body = g_strdup (body);
}

/* Once the form is filled: closing from here on asks only after a change. */
void
nst_form_window_mark_saved_state (NstFormWindow *self)
{
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);
  NstFormWindowClass *klass = NST_FORM_WINDOW_GET_CLASS (self);

  g_return_if_fail (NST_IS_FORM_WINDOW (self));
  g_return_if_fail (klass->dup_state != NULL);

  g_free (priv->saved_state);
  priv->saved_state = klass->dup_state (self);
}

/* Enables Save for a form that can be saved; the problem toast goes away
 * by itself once it can. */
void
nst_form_window_set_can_save (NstFormWindow *self,
                              gboolean       can_save)
{
  g_return_if_fail (NST_IS_FORM_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", can_save);
  if (can_save)
    nst_form_window_dismiss_problems (self);
}

void
nst_form_window_show_error (NstFormWindow *self,
                            const char    *heading,
                            const GError  *error)
{
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);

  g_return_if_fail (NST_IS_FORM_WINDOW (self));
  g_return_if_fail (priv->toast_overlay != NULL);

  adw_toast_overlay_add_toast (priv->toast_overlay,
                               nst_error_toast_new (GTK_WINDOW (self), heading, error));
}

/* After a refused save. */
void
nst_form_window_show_problems (NstFormWindow *self)
{
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);
  g_autofree char *title = NULL;

  g_return_if_fail (NST_IS_FORM_WINDOW (self));
  g_return_if_fail (priv->toast_overlay != NULL);

  nst_form_window_dismiss_problems (self);
  /* Toast titles are markup. */
  title = g_markup_escape_text (_("Some fields need correcting"), -1);
  priv->problem_toast = adw_toast_new (title);
  adw_toast_set_priority (priv->problem_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (priv->toast_overlay, g_object_ref (priv->problem_toast));
}

void
nst_form_window_dismiss_problems (NstFormWindow *self)
{
  NstFormWindowPrivate *priv = nst_form_window_get_instance_private (self);

  g_return_if_fail (NST_IS_FORM_WINDOW (self));

  if (priv->problem_toast == NULL)
    return;
  adw_toast_dismiss (priv->problem_toast);
  g_clear_object (&priv->problem_toast);
}
