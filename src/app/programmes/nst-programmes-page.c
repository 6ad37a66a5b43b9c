/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-programmes"

#include "config.h"

#include <glib/gi18n.h>

#include "schedule/nst-date.h"
#include "nst-page.h"
#include "programmes/nst-programme-editor.h"
#include "programmes/nst-programmes-columns.h"
#include "programmes/nst-programmes-documents.h"
#include "programmes/nst-programmes-page.h"
#include "text/nst-ru-text.h"
#include "widgets/nst-listing.h"
#include "widgets/nst-status-badge.h"
#include "store/nst-store-groups.h"

/* The order of the items in the status drop-down of the .ui file. */
enum { STATUS_ANY, STATUS_FIRST, STATUS_OVERDUE = STATUS_FIRST + NST_N_PROGRAMME_STATUSES };
enum { YEAR_ANY = 0 };     /* then the years, as years lists them */

struct _NstProgrammesPage
{
  AdwBin parent_instance;

  NstStore *store;
  NstListing *listing;
  GArray *years;              /* guint, in the order of the year drop-down */

  GtkSearchEntry *search_entry;
  GtkDropDown *status_filter;
  GtkDropDown *year_filter;
  GtkLabel *count_label;
  GtkStack *content_stack;
  GtkColumnView *column_view;
  AdwStatusPage *empty_page;
  GtkWidget *create_button;
  GtkWidget *pairs_button;
};

static void nst_programmes_page_page_init (NstPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NstProgrammesPage, nst_programmes_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (NST_TYPE_PAGE, nst_programmes_page_page_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- filtering --------------------------------------------------------- */

/* The drop-downs; the listing does the search. */
static gboolean
filter_programme (gpointer item,
                  gpointer user_data)
{
  NstProgrammesPage *self = user_data;
  NstProgramme *p = item;
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint year = gtk_drop_down_get_selected (self->year_filter);
  guint overdue = 0;

  if (status == STATUS_OVERDUE)
    {
      nst_programme_get_progress (p, NULL, NULL, NULL, &overdue);
      if (overdue == 0)
        return FALSE;
    }
  else if (status != STATUS_ANY && status != GTK_INVALID_LIST_POSITION &&
           nst_programme_get_status (p) != status - STATUS_FIRST)
    return FALSE;
  return year == YEAR_ANY || year >= self->years->len ||
         nst_programme_get_school_year (p) == g_array_index (self->years, guint, year);
}

static void
filters_changed_cb (NstProgrammesPage *self)
{
  if (self->listing != NULL)
    nst_listing_refilter (self->listing);
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* The school years that have programmes, the latest first. */
static void
fill_year_filter (NstProgrammesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_filter);
  guint keep = selected != YEAR_ANY && selected < self->years->len ? g_array_index (self->years, guint, selected) : 0;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (guint));
  GListModel *programmes = nst_listing_get_items (self->listing);
  guint n = g_list_model_get_n_items (programmes);
  guint position = YEAR_ANY, none = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstProgramme) p = g_list_model_get_item (programmes, i);
      guint year = nst_programme_get_school_year (p);
      gboolean seen = FALSE;

      for (guint k = 0; k < found->len && !seen; k++)
        seen = g_array_index (found, guint, k) == year;
      if (!seen)
        g_array_append_val (found, year);
    }
  g_array_sort (found, compare_years);
  g_array_set_size (self->years, 0);
  g_array_append_val (self->years, none);
  gtk_string_list_append (labels, _("All school years"));
  for (guint i = 0; i < found->len; i++)
    {
      guint year = g_array_index (found, guint, i);
      g_autofree char *label = nst_school_year_label (year);

      g_array_append_val (self->years, year);
      gtk_string_list_append (labels, label);
      if (year == keep)
        position = i + 1;
    }
  gtk_drop_down_set_model (self->year_filter, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_filter, position);
}

/* ---- selection and items ----------------------------------------------- */

static NstProgramme *
selected_programme (NstProgrammesPage *self)
{
  return self->listing ? nst_listing_dup_first_selected (self->listing) : NULL;
}

static void
selection_changed_cb (NstProgrammesPage *self)
{
  g_autoptr(NstProgramme) p = selected_programme (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programmes.open", p != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programmes.delete",
                                 p != NULL && nst_programme_get_status (p) == NST_PROGRAMME_STATUS_DRAFT);
}

static void
select_programme (NstProgrammesPage *self,
                  gint64             id)
{
  nst_listing_select (self->listing, id);
}

static void
programme_saved_cb (NstProgrammesPage *self,
                    NstProgramme      *programme)
{
  nst_programmes_page_reload (self);
  if (programme != NULL)
    select_programme (self, nst_programme_get_id (programme));
}

static void
open_programme (NstProgrammesPage *self,
                NstProgramme      *programme)
{
  if (self->store != NULL)
    nst_programme_editor_open (GTK_WIDGET (self), self->store, programme ? nst_programme_get_id (programme) : 0,
                               G_CALLBACK (programme_saved_cb), G_OBJECT (self));
}

static void
row_activated_cb (NstProgrammesPage *self,
                  NstProgramme      *programme)
{
  open_programme (self, programme);
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NstProgrammesPage *self = NST_PROGRAMMES_PAGE (widget);
  g_autoptr(NstProgramme) p = selected_programme (self);

  if (p != NULL)
    open_programme (self, p);
}

static void
delete_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    NstProgrammesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "nst-programme-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!nst_store_delete_programme (self->store, id, &error))
    {
      nst_widget_show_error (GTK_WIDGET (self), _("Could not delete the programme"), error);
      return;
    }
  nst_programmes_page_reload (self);
  nst_widget_show_toast (GTK_WIDGET (self), adw_toast_new (_("The draft programme is deleted")));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NstProgrammesPage *self = NST_PROGRAMMES_PAGE (widget);
  g_autoptr(NstProgramme) p = selected_programme (self);
  AdwMessageDialog *dialog;

  if (p == NULL || nst_programme_get_status (p) != NST_PROGRAMME_STATUS_DRAFT)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (nst_widget_get_window (widget),
                                                       _("Delete the Draft Programme?"), NULL));
  adw_message_dialog_format_body (dialog, _("The draft “%s” of %s — %s and its plan will be deleted."),
                                  nst_programme_get_title (p), nst_programme_get_mentor_name (p),
                                  nst_programme_get_mentee_names (p));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "nst-programme-id", GSIZE_TO_POINTER (nst_programme_get_id (p)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_pairs_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkWidget *stack = gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "pairs");
}

/* ---- object ------------------------------------------------------------ */

/* Without pairs there is nobody to write a programme for: say so. */
static void
update_empty_page (NstProgrammesPage *self)
{
  g_autoptr(GListStore) groups = NULL;
  gboolean no_pairs;

  /* Only an empty tab says it, so only then is it worth a look. */
  if (self->store == NULL || g_list_model_get_n_items (nst_listing_get_items (self->listing)) > 0)
    return;
  groups = nst_store_list_groups (self->store, NULL, NULL);
  no_pairs = groups == NULL || g_list_model_get_n_items (G_LIST_MODEL (groups)) == 0;

  adw_status_page_set_description (self->empty_page, no_pairs
    ? _("A programme is written for a pair or a group, and there are none yet: form the pairs first.")
    : _("Write each pair's programme for the school year from the built-in template «педагог – педагог» "
        "or from a blank plan."));
  gtk_widget_set_visible (self->pairs_button, no_pairs);
  gtk_widget_set_visible (self->create_button, !no_pairs);
}

static void
set_store (NstProgrammesPage *self,
           NstStore          *store)
{
  if (!g_set_object (&self->store, store))
    return;
  nst_programmes_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static gint64
programme_id (gpointer item)
{
  return nst_programme_get_id (item);
}

static void
build_listing (NstProgrammesPage *self)
{
  self->listing = nst_listing_new (&(NstListingSetup) {
    .item_type = NST_TYPE_PROGRAMME,
    .column_view = self->column_view,
    .sort_column = nst_programmes_columns_add (self->column_view),
    .search_entry = self->search_entry,
    .count_label = self->count_label,
    .content_stack = self->content_stack,
    .delete_action = "programmes.delete",
    .get_id = programme_id,
    .search_key = (NstSlotSearchKey) nst_programme_get_search_key,
    .match = filter_programme,
    .user_data = self,
  });
  g_signal_connect_object (self->listing, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->listing, "activate", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
}

/* Marks and new programmes come from other tabs too: read afresh on view. */
static void
nst_programmes_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (nst_programmes_page_parent_class)->map (widget);
  nst_programmes_page_reload (NST_PROGRAMMES_PAGE (widget));
}

static void
nst_programmes_page_dispose (GObject *object)
{
  NstProgrammesPage *self = NST_PROGRAMMES_PAGE (object);

  g_clear_object (&self->listing);
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_PROGRAMMES_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->years, g_array_unref);
  G_OBJECT_CLASS (nst_programmes_page_parent_class)->dispose (object);
}

static void
nst_programmes_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NstProgrammesPage *self = NST_PROGRAMMES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_programmes_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NstProgrammesPage *self = NST_PROGRAMMES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_programmes_page_class_init (NstProgrammesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nst_programmes_page_dispose;
  object_class->get_property = nst_programmes_page_get_property;
  object_class->set_property = nst_programmes_page_set_property;
  widget_class->map = nst_programmes_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, NST_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/nastavnik/Nastavnik/programmes/nst-programmes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NstProgrammesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammesPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammesPage, year_filter);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammesPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, NstProgrammesPage, pairs_button);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);

  gtk_widget_class_install_action (widget_class, "programmes.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "programmes.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "programmes.show-pairs", NULL, show_pairs_action_cb);
}

static const char *
nst_programmes_page_get_add_tooltip (NstPage *page)
{
  return _("Write a programme for a pair (Ctrl+N)");
}

/* The list selects one item at most. */
static GPtrArray *
nst_programmes_page_dup_selection (NstPage *page)
{
  return nst_listing_dup_selected (NST_PROGRAMMES_PAGE (page)->listing);
}

static void
nst_programmes_page_page_init (NstPageInterface *iface)
{
  iface->get_add_tooltip = nst_programmes_page_get_add_tooltip;
  iface->add = (void (*) (NstPage *)) nst_programmes_page_add_programme;
  iface->focus_search = (void (*) (NstPage *)) nst_programmes_page_focus_search;
  iface->get_visible = (GListModel * (*) (NstPage *)) nst_programmes_page_get_visible;
  iface->dup_selected = nst_programmes_page_dup_selection;
  iface->reload = (void (*) (NstPage *)) nst_programmes_page_reload;
  nst_programmes_documents_page_init (iface);
}

static void
nst_programmes_page_init (NstProgrammesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->years = g_array_new (FALSE, TRUE, sizeof (guint));
  build_listing (self);
  fill_year_filter (self);
  nst_name_drop_down_button (self->status_filter, _("Filter by status"));
  nst_name_drop_down_button (self->year_filter, _("Filter by school year"));
  selection_changed_cb (self);
  update_empty_page (self);
}

void
nst_programmes_page_reload (NstProgrammesPage *self)
{
  g_autoptr(GListStore) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NstProgramme) was_selected = NULL;

  g_return_if_fail (NST_IS_PROGRAMMES_PAGE (self));

  if (self->store == NULL)
    return;
  if ((loaded = nst_store_list_programmes (self->store, NULL, &error)) == NULL)
    {
      nst_widget_show_error (GTK_WIDGET (self), _("Could not read the programmes"), error);
      return;
    }
  was_selected = selected_programme (self);
  nst_listing_set_items (self->listing, G_LIST_MODEL (loaded));
  fill_year_filter (self);
  update_empty_page (self);
  /* The year drop-down is filled anew, which may refilter the list. */
  if (was_selected != NULL)
    select_programme (self, nst_programme_get_id (was_selected));
}

void
nst_programmes_page_add_programme (NstProgrammesPage *self)
{
  open_programme (self, NULL);
}

void
nst_programmes_page_focus_search (NstProgrammesPage *self)
{
  nst_listing_focus_search (self->listing);
}

/**
 * nst_programmes_page_get_visible:
 *
 * Returns: (transfer none): the programmes shown, in their order
 */
GListModel *
nst_programmes_page_get_visible (NstProgrammesPage *self)
{
  return nst_listing_get_visible (self->listing);
}

/**
 * nst_programmes_page_dup_selected:
 *
 * Returns: (transfer full) (nullable): the programme selected
 */
NstProgramme *
nst_programmes_page_dup_selected (NstProgrammesPage *self)
{
  return selected_programme (self);
}
