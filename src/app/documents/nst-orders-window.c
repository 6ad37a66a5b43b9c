/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-orders-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "schedule/nst-date.h"
#include "widgets/nst-error-toast.h"
#include "model/nst-order.h"
#include "documents/nst-orders-window.h"
#include "documents/nst-print-pdf.h"
#include "store/nst-store-orders.h"

struct _NstOrdersWindow
{
  AdwWindow parent_instance;

  NstStore *store;
  GListStore *orders;
  GtkSingleSelection *selection;

  AdwToastOverlay *toast_overlay;
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkColumnView *column_view;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (NstOrdersWindow, nst_orders_window, ADW_TYPE_WINDOW)

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_DATE,
  COLUMN_KIND,
  COLUMN_HEADING,
} Column;

/* ---- opening files ------------------------------------------------------ */

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;
  dialog = adw_message_dialog_new (parent, _("Could not open the document"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
nst_documents_launch_file (GtkWindow *parent,
                           GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, launched_cb, g_object_ref (parent));
}

/* ---- the list ----------------------------------------------------------- */

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, NST_ORDER_KIND_INTRODUCTION) == 0)
    return _("Introduction of the mentoring model");
  if (g_strcmp0 (kind, NST_ORDER_KIND_CURATOR) == 0)
    return _("Appointment of the curator");
  if (g_strcmp0 (kind, NST_ORDER_KIND_PAIRS) == 0)
    return _("Appointment of mentors");
  if (g_strcmp0 (kind, NST_ORDER_KIND_PROGRAMMES) == 0)
    return _("Approval of programmes");
  if (g_strcmp0 (kind, NST_ORDER_KIND_COMPLETION) == 0)
    return _("Completion and rewards");
  return kind;
}

static char *
column_text (NstOrder *order,
             Column    column)
{
  switch (column)
    {
    case COLUMN_NUMBER: return nst_order_dup_registration_number (order);
    case COLUMN_DATE: return nst_date_iso_to_ru (nst_order_get_signed_on (order));
    case COLUMN_KIND: return g_strdup (kind_label (nst_order_get_kind (order)));
    case COLUMN_HEADING:
    default: return g_strdup (nst_order_get_heading (order));
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == COLUMN_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  NstOrder *order = gtk_list_item_get_item (item);
  g_autofree char *text = column_text (order, GPOINTER_TO_INT (user_data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_column (NstOrdersWindow *self,
            const char      *title,
            Column           column,
            gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

static NstOrder *
selected_order (NstOrdersWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
selection_changed_cb (NstOrdersWindow *self)
{
  gboolean any = selected_order (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.open", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.save-as", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.print", any);
}

static void
show_error (NstOrdersWindow *self,
            const char      *heading,
            const GError    *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, nst_error_toast_new (GTK_WINDOW (self), heading, error));
}

void
nst_orders_window_reload (NstOrdersWindow *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) orders = nst_store_list_orders (self->store, search, &error);
  guint n;

  g_list_store_remove_all (self->orders);
  if (orders == NULL)
    show_error (self, _("Could not read the orders journal"), error);
  else
    for (guint i = 0, n_orders = g_list_model_get_n_items (G_LIST_MODEL (orders)); i < n_orders; i++)
      {
        g_autoptr(NstOrder) order = g_list_model_get_item (G_LIST_MODEL (orders), i);
        g_list_store_append (self->orders, order);
      }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->orders));
  if (n == 0 && *search != '\0')
    {
      adw_status_page_set_title (self->status_page, _("No orders found"));
      adw_status_page_set_description (self->status_page, _("Try another number, date or word of the heading"));
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("No orders yet"));
      adw_status_page_set_description (self->status_page,
                                       _("An order printed from the «Документы» menu is kept here with its number"));
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  selection_changed_cb (self);
}

/* ---- open and save as ---------------------------------------------------- */

static char *
file_name_for (NstOrder *order)
{
  g_autofree char *number = nst_order_dup_registration_number (order);
  g_autofree char *date = nst_date_iso_to_ru (nst_order_get_signed_on (order));
  g_autofree char *name = g_strdup_printf (_("Order № %s of %s.pdf"), number, date);

  return g_strdelimit (g_steal_pointer (&name), "/\\", '-');
}

static gboolean
write_order (NstOrdersWindow  *self,
             NstOrder         *order,
             GFile            *file,
             GError          **error)
{
  g_autoptr(GBytes) pdf = nst_store_get_order_pdf (self->store, nst_order_get_id (order), error);

  if (pdf == NULL)
    return FALSE;
  /* Readable by its owner only, as every document: 0600. */
  return g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

/* Writes the order's stored PDF to a file of the cache, for the viewer or
 * the printer. */
static GFile *
write_cache_file (NstOrdersWindow  *self,
                  NstOrder         *order,
                  GError          **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "nastavnik", NULL);
  g_autofree char *name = file_name_for (order);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      return NULL;
    }
  if (!write_order (self, order, file, error))
    return NULL;
  return g_steal_pointer (&file);
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NstOrdersWindow *self = NST_ORDERS_WINDOW (widget);
  NstOrder *order = selected_order (self);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (order == NULL)
    return;
  if ((file = write_cache_file (self, order, &error)) == NULL)
    {
      show_error (self, _("Could not open the order"), error);
      return;
    }
  nst_documents_launch_file (GTK_WINDOW (self), file);
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  NstOrdersWindow *self = NST_ORDERS_WINDOW (widget);
  NstOrder *order = selected_order (self);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (order == NULL)
    return;
  if ((file = write_cache_file (self, order, &error)) == NULL)
    {
      show_error (self, _("Could not print the order"), error);
      return;
    }
  title = file_name_for (order);
  nst_print_pdf_file (GTK_WINDOW (self), file, title);
}

static void
save_response_cb (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  NstOrdersWindow *self = NST_ORDERS_WINDOW (user_data);
  NstOrder *order = g_object_get_data (G_OBJECT (native), "order");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    {
      if (write_order (self, order, file, &error))
        {
          g_autofree char *base = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (_("Saved: %s"), base);
          g_autofree char *escaped = g_markup_escape_text (text, -1);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
        }
      else
        show_error (self, _("Could not save the file"), error);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
save_as_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NstOrdersWindow *self = NST_ORDERS_WINDOW (widget);
  NstOrder *order = selected_order (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (order == NULL)
    return;
  name = file_name_for (order);
  native = gtk_file_chooser_native_new (_("Save the Order"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data_full (G_OBJECT (native), "order", g_object_ref (order), g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
activate_cb (NstOrdersWindow *self,
             guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "orders.open", NULL);
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (NST_ORDERS_WINDOW (widget)->search_entry));
}

/* ---- object ------------------------------------------------------------ */

static void
nst_orders_window_dispose (GObject *object)
{
  NstOrdersWindow *self = NST_ORDERS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_ORDERS_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->orders);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (nst_orders_window_parent_class)->dispose (object);
}

static void
nst_orders_window_class_init (NstOrdersWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = nst_orders_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/nastavnik/Nastavnik/documents/nst-orders-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NstOrdersWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NstOrdersWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NstOrdersWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, NstOrdersWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, NstOrdersWindow, status_page);
  gtk_widget_class_install_action (widget_class, "orders.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "orders.save-as", NULL, save_as_action_cb);
  gtk_widget_class_install_action (widget_class, "orders.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "orders.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "orders.search", NULL);
}

static void
nst_orders_window_init (NstOrdersWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->orders = g_list_store_new (NST_TYPE_ORDER);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->orders)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_column (self, _("№"), COLUMN_NUMBER, FALSE);
  add_column (self, _("Date"), COLUMN_DATE, FALSE);
  add_column (self, _("Kind"), COLUMN_KIND, FALSE);
  add_column (self, _("Heading"), COLUMN_HEADING, TRUE);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (nst_orders_window_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

NstOrdersWindow *
nst_orders_window_new (GtkWindow *parent,
                       NstStore  *store)
{
  NstOrdersWindow *self = g_object_new (NST_TYPE_ORDERS_WINDOW, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  nst_orders_window_reload (self);
  return self;
}

/**
 * nst_orders_window_get_orders:
 *
 * Returns: (transfer none): the orders shown
 */
GListModel *
nst_orders_window_get_orders (NstOrdersWindow *self)
{
  return G_LIST_MODEL (self->orders);
}
