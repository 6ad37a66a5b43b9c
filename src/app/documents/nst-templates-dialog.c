/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-templates-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "docs/nst-order-template.h"
#include "store/nst-store-templates.h"
#include "documents/nst-templates-dialog.h"

/* The texts of every kind are edited at once: switching kinds keeps what
 * was typed, and Save stores the kinds that changed. A text equal to the
 * standard one is stored as no text at all, so that the standard text
 * follows the program's updates. */

struct _NstTemplatesDialog
{
  NstFormWindow parent_instance;

  NstStore *store;
  const char *const *kinds;
  GPtrArray *texts;      /* char *, by kind: as edited */
  GPtrArray *stored;     /* char *, by kind: as in the store */
  GPtrArray *defaults;   /* char *, by kind: the standard texts */
  guint current;
  gboolean loading;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown *kind_dropdown;
  GtkTextView *text_view;
  GtkLabel *error_label;
  GtkLabel *help_label;
  GtkButton *reset_button;
  GtkWidget *save_button;
};

G_DEFINE_FINAL_TYPE (NstTemplatesDialog, nst_templates_dialog, NST_TYPE_FORM_WINDOW)

static char *
buffer_text (NstTemplatesDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_kind (NstTemplatesDialog *self,
           guint               index)
{
  g_auto(GStrv) fields = nst_order_template_fields (self->kinds[index]);
  g_autoptr(GString) help = g_string_new (NULL);
  gboolean loading = self->loading;

  self->current = index;
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            g_ptr_array_index (self->texts, index), -1);
  self->loading = loading;
  for (guint i = 0; fields[i]; i++)
    g_string_append_printf (help, "%s{%s}", i ? ", " : "", fields[i]);
  {
    g_autofree char *line = g_strdup_printf (_("Fields: %s"), help->str);

    gtk_label_set_text (self->help_label, line);
  }
}

/* Checks every kind's text; shows what is wrong with the one shown. */
static gboolean
validate (NstTemplatesDialog *self,
          guint              *first_wrong)
{
  gboolean valid = TRUE;

  for (guint i = 0; self->kinds[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = nst_order_template_check (self->kinds[i], g_ptr_array_index (self->texts, i), &error);

      if (!ok && valid && first_wrong != NULL)
        *first_wrong = i;
      valid &= ok;
      if (i == self->current)
        {
          gtk_label_set_text (self->error_label, ok ? "" : error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), !ok);
        }
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button),
                            g_strcmp0 (g_ptr_array_index (self->texts, self->current),
                                       g_ptr_array_index (self->defaults, self->current)) != 0);
  nst_form_window_set_can_save (NST_FORM_WINDOW (self), valid);
  return valid;
}

/* Callbacks */

static void
text_changed_cb (NstTemplatesDialog *self)
{
  if (self->loading)
    return;
  g_free (self->texts->pdata[self->current]);
  self->texts->pdata[self->current] = buffer_text (self);
  validate (self, NULL);
}

static void
kind_selected_cb (NstTemplatesDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;
  show_kind (self, selected);
  validate (self, NULL);
}

static void
reset_clicked_cb (NstTemplatesDialog *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            g_ptr_array_index (self->defaults, self->current), -1);
}

/* vfuncs */

static char *
nst_templates_dialog_dup_state (NstFormWindow *window)
{
  NstTemplatesDialog *self = NST_TEMPLATES_DIALOG (window);
  GString *state = g_string_new (NULL);

  for (guint i = 0; i < self->texts->len; i++)
    g_string_append_printf (state, "%s\x1f", (char *) g_ptr_array_index (self->texts, i));
  return g_string_free (state, FALSE);
}

static gboolean
nst_templates_dialog_save (NstFormWindow *window)
{
  NstTemplatesDialog *self = NST_TEMPLATES_DIALOG (window);
  g_autoptr(GError) error = NULL;
  guint wrong = 0;

  if (!validate (self, &wrong))
    {
      if (wrong != self->current)
        gtk_drop_down_set_selected (self->kind_dropdown, wrong);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      nst_form_window_show_problems (window);
      return FALSE;
    }
  if (!nst_store_begin (self->store, &error))
    goto failed;
  for (guint i = 0; self->kinds[i]; i++)
    {
      const char *text = g_ptr_array_index (self->texts, i);
      gboolean standard = g_str_equal (text, g_ptr_array_index (self->defaults, i));

      if (g_strcmp0 (text, g_ptr_array_index (self->stored, i)) == 0)
        continue;
      if (standard ? !nst_store_reset_order_template (self->store, self->kinds[i], &error)
                   : !nst_order_template_save (self->store, self->kinds[i], text, &error))
        {
          nst_store_rollback (self->store);
          goto failed;
        }
    }
  if (!nst_store_commit (self->store, &error))
    goto failed;
  return TRUE;

failed:
  nst_form_window_show_error (window, _("Could not save the texts of orders"), error);
  return FALSE;
}

static void
nst_templates_dialog_dispose (GObject *object)
{
  NstTemplatesDialog *self = NST_TEMPLATES_DIALOG (object);

  self->loading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_TEMPLATES_DIALOG);
  G_OBJECT_CLASS (nst_templates_dialog_parent_class)->dispose (object);
}

static void
nst_templates_dialog_finalize (GObject *object)
{
  NstTemplatesDialog *self = NST_TEMPLATES_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->stored, g_ptr_array_unref);
  g_clear_pointer (&self->defaults, g_ptr_array_unref);
  G_OBJECT_CLASS (nst_templates_dialog_parent_class)->finalize (object);
}

static void
nst_templates_dialog_class_init (NstTemplatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NstFormWindowClass *form_class = NST_FORM_WINDOW_CLASS (klass);

  object_class->dispose = nst_templates_dialog_dispose;
  object_class->finalize = nst_templates_dialog_finalize;
  form_class->dup_state = nst_templates_dialog_dup_state;
  form_class->save = nst_templates_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/nastavnik/Nastavnik/documents/nst-templates-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NstTemplatesDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NstTemplatesDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NstTemplatesDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, NstTemplatesDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, NstTemplatesDialog, help_label);
  gtk_widget_class_bind_template_child (widget_class, NstTemplatesDialog, reset_button);
  gtk_widget_class_bind_template_child (widget_class, NstTemplatesDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
}

static void
nst_templates_dialog_init (NstTemplatesDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  nst_form_window_set_toast_overlay (NST_FORM_WINDOW (self), self->toast_overlay);
  nst_form_window_set_discard_body (NST_FORM_WINDOW (self),
                                    _("The changes to the texts of orders have not been saved."));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->stored = g_ptr_array_new_with_free_func (g_free);
  self->defaults = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_set_name (GTK_WIDGET (self->kind_dropdown), "kind");
  gtk_widget_set_name (GTK_WIDGET (self->text_view), "text");
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_name (GTK_WIDGET (self->reset_button), "reset");
  gtk_widget_set_name (self->save_button, "save");
}

static void
load_texts (NstTemplatesDialog *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  self->kinds = nst_order_template_kinds ();
  for (guint i = 0; self->kinds[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      char *standard = nst_order_template_default (self->kinds[i], NULL);
      char *stored = nst_store_get_order_template (self->store, self->kinds[i], &error);

      if (error != NULL)
        nst_form_window_show_error (NST_FORM_WINDOW (self), _("Could not read the texts of orders"), error);
      gtk_string_list_append (titles, nst_order_template_title (self->kinds[i]));
      g_ptr_array_add (self->defaults, standard ? standard : g_strdup (""));
      g_ptr_array_add (self->stored, stored ? stored : g_strdup (g_ptr_array_index (self->defaults, i)));
      g_ptr_array_add (self->texts, g_strdup (g_ptr_array_index (self->stored, i)));
    }
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  show_kind (self, 0);
}

/**
 * nst_templates_dialog_new:
 * @parent: (nullable): the window the dialog is modal to
 *
 * Returns: (transfer none): the dialog, filled from the store, not yet shown
 */
NstTemplatesDialog *
nst_templates_dialog_new (GtkWindow *parent,
                          NstStore  *store)
{
  NstTemplatesDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NST_IS_STORE (store), NULL);

  self = g_object_new (NST_TYPE_TEMPLATES_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load_texts (self);
  nst_form_window_mark_saved_state (NST_FORM_WINDOW (self));
  self->loading = FALSE;
  validate (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}
