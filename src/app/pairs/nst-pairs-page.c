/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-pairs"

#include "config.h"

#include <glib/gi18n.h>

#include "pairs/nst-group-editor.h"
#include "nst-page.h"
#include "pairs/nst-pairs-columns.h"
#include "pairs/nst-pairs-documents.h"
#include "pairs/nst-pairs-page.h"
#include "programmes/nst-programme-editor.h"
#include "text/nst-ru-text.h"
#include "widgets/nst-listing.h"
#include "widgets/nst-status-badge.h"
#include "store/nst-store-groups.h"

/* The order of the items in the status drop-down of the .ui file. */
enum { STATUS_ANY, STATUS_IN_FORCE, STATUS_FIRST, STATUS_OVERDUE = STATUS_FIRST + NST_N_GROUP_STATUSES };
enum { FORM_ANY = 0 };      /* then NstGroupForm + 1 */
enum { MENTOR_ANY = 0 };    /* then the mentors, as mentor_ids lists them */

struct _NstPairsPage
{
  AdwBin parent_instance;

  NstStore *store;
  NstListing *listing;
  GArray *mentor_ids;        /* gint64, in the order of the mentor drop-down */
  gboolean registry_empty;
  /* The selection is the pair last saved, put there to show it, not one
   * the user chose: the order's dialog then ticks every ready pair. */
  gboolean selection_shows_saved;
  gboolean selecting_saved;

  GtkSearchEntry *search_entry;
  GtkDropDown *status_filter;
  GtkDropDown *form_filter;
  GtkDropDown *mentor_filter;
  GtkLabel *count_label;
  GtkStack *content_stack;
  GtkColumnView *column_view;
  AdwStatusPage *empty_page;
  GtkWidget *form_pair_button;
  GtkWidget *registry_button;
};

static void nst_pairs_page_page_init (NstPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NstPairsPage, nst_pairs_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (NST_TYPE_PAGE, nst_pairs_page_page_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTION_CHOSEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- filtering --------------------------------------------------------- */

static gboolean
matches_status (NstPairsPage *self,
                NstGroup     *g)
{
  guint selected = gtk_drop_down_get_selected (self->status_filter);

  if (selected == STATUS_ANY || selected == GTK_INVALID_LIST_POSITION)
    return TRUE;
  if (selected == STATUS_IN_FORCE)
    return !nst_group_status_is_ended (nst_group_get_status (g));
  if (selected == STATUS_OVERDUE)
    return nst_group_get_overdue (g) > 0;
  return nst_group_get_status (g) == selected - STATUS_FIRST;
}

/* The drop-downs; the listing does the search. */
static gboolean
filter_group (gpointer item,
              gpointer user_data)
{
  NstPairsPage *self = user_data;
  NstGroup *g = item;
  guint form = gtk_drop_down_get_selected (self->form_filter);
  guint mentor = gtk_drop_down_get_selected (self->mentor_filter);

  if (!matches_status (self, g))
    return FALSE;
  if (form != FORM_ANY && form != GTK_INVALID_LIST_POSITION && nst_group_get_form (g) != form - 1)
    return FALSE;
  return mentor == MENTOR_ANY || mentor >= self->mentor_ids->len ||
         nst_group_get_mentor_id (g) == g_array_index (self->mentor_ids, gint64, mentor);
}

static void
filters_changed_cb (NstPairsPage *self)
{
  if (self->listing != NULL)
    nst_listing_refilter (self->listing);
}

static int
compare_by_mentor (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (nst_group_get_sort_key (*(NstGroup **) a), nst_group_get_sort_key (*(NstGroup **) b));
}

/* The mentors who have pairs, by name, for the mentor drop-down; the
 * mentor chosen stays chosen while they have a pair. */
static void
fill_mentor_filter (NstPairsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->mentor_filter);
  gint64 keep = selected != MENTOR_ANY && selected < self->mentor_ids->len
              ? g_array_index (self->mentor_ids, gint64, selected) : 0;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) firsts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *groups = nst_listing_get_items (self->listing);
  guint n = g_list_model_get_n_items (groups);
  guint position = MENTOR_ANY;
  gint64 none = 0;

  for (guint i = 0; i < n; i++)
    {
      NstGroup *g = g_list_model_get_item (groups, i);
      gint64 id = nst_group_get_mentor_id (g);

      if (g_hash_table_contains (seen, &id))
        {
          g_object_unref (g);
          continue;
        }
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (firsts, g);
    }
  g_ptr_array_sort (firsts, compare_by_mentor);
  g_array_set_size (self->mentor_ids, 0);
  g_array_append_val (self->mentor_ids, none);
  gtk_string_list_append (names, _("All mentors"));
  for (guint i = 0; i < firsts->len; i++)
    {
      NstGroup *g = g_ptr_array_index (firsts, i);
      gint64 id = nst_group_get_mentor_id (g);

      g_array_append_val (self->mentor_ids, id);
      gtk_string_list_append (names, nst_group_get_mentor_name (g));
      if (id == keep)
        position = i + 1;
    }
  gtk_drop_down_set_model (self->mentor_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->mentor_filter, position);
}

/* ---- selection and items ----------------------------------------------- */

static NstGroup *
selected_group (NstPairsPage *self)
{
  return self->listing ? nst_listing_dup_first_selected (self->listing) : NULL;
}

static void
selection_changed_cb (NstPairsPage *self)
{
  g_autoptr(NstGroup) g = selected_group (self);

  self->selection_shows_saved = self->selecting_saved;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pairs.open", g != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pairs.programme",
                                 g != NULL && (nst_group_get_programme_id (g) != 0 ||
                                               !nst_group_status_is_ended (nst_group_get_status (g))));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pairs.delete",
                                 g != NULL && nst_group_get_status (g) == NST_GROUP_STATUS_DRAFT);
}

/**
 * nst_pairs_page_select:
 *
 * Selects the pair and shows it, when the filters let it be seen.
 *
 * Returns: whether it is shown
 */
gboolean
nst_pairs_page_select (NstPairsPage *self,
                       gint64        group_id)
{
  return nst_listing_select (self->listing, group_id);
}

/* ---- editing ----------------------------------------------------------- */

/* Who mentors, even in a draft, needs the mentor's consent: the
 * registry's state column follows the pairs and the consents recorded
 * here. The window reloads it; the tab knows no other tab. */
static void
registry_out_of_date (NstPairsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.reload-registry", NULL);
}

static void
group_saved_cb (NstPairsPage *self,
                NstGroup     *group)
{
  self->selecting_saved = TRUE;
  nst_pairs_page_reload (self);
  nst_pairs_page_select (self, nst_group_get_id (group));
  self->selecting_saved = FALSE;
  registry_out_of_date (self);
}

static void
programme_saved_cb (NstPairsPage *self)
{
  nst_pairs_page_reload (self);
}

void
nst_pairs_page_open_pair (NstPairsPage *self,
                          NstGroup     *group)
{
  NstGroupEditor *editor;

  if (self->store == NULL)
    return;
  editor = nst_group_editor_new (nst_widget_get_window (GTK_WIDGET (self)), self->store, group);
  g_signal_connect_object (editor, "saved", G_CALLBACK (group_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "programme-saved", G_CALLBACK (programme_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "consents-changed", G_CALLBACK (registry_out_of_date), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (NstPairsPage *self,
                  NstGroup     *group)
{
  nst_pairs_page_open_pair (self, group);
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NstPairsPage *self = NST_PAIRS_PAGE (widget);
  g_autoptr(NstGroup) g = selected_group (self);

  if (g != NULL)
    nst_pairs_page_open_pair (self, g);
}

static void
programme_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NstPairsPage *self = NST_PAIRS_PAGE (widget);
  g_autoptr(NstGroup) g = selected_group (self);

  if (g != NULL)
    nst_programme_editor_open_for_group (GTK_WIDGET (self), self->store, nst_group_get_id (g),
                                         G_CALLBACK (programme_saved_cb), G_OBJECT (self));
}

/* ---- deleting ---------------------------------------------------------- */

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    NstPairsPage     *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "nst-group-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!nst_store_delete_group (self->store, id, &error))
    {
      nst_widget_show_error (GTK_WIDGET (self), _("Could not delete the pair"), error);
      return;
    }
  nst_pairs_page_reload (self);
  nst_widget_show_toast (GTK_WIDGET (self), adw_toast_new (_("The draft pair is deleted")));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NstPairsPage *self = NST_PAIRS_PAGE (widget);
  g_autoptr(NstGroup) g = selected_group (self);
  g_autofree char *title = NULL;
  AdwMessageDialog *dialog;

  if (g == NULL || nst_group_get_status (g) != NST_GROUP_STATUS_DRAFT)
    return;
  title = nst_group_dup_title (g);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (nst_widget_get_window (widget),
                                                       _("Delete the Draft Pair?"), NULL));
  /* Translators: %s is the pair, «Иванова М. П. — Петров И. И.» */
  adw_message_dialog_format_body (dialog, _("The draft “%s”, its history and its programme will be deleted. "
                                            "Pairs that were approved stay on record: end them instead."), title);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "nst-group-id", GSIZE_TO_POINTER (nst_group_get_id (g)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_registry_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GtkWidget *stack = gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "registry");
}

/* ---- object ------------------------------------------------------------ */

/* With an empty registry there is nobody to pair: say where to begin. */
static void
update_empty_page (NstPairsPage *self)
{
  gint64 count = self->store ? nst_store_count_participants (self->store, NULL) : 0;

  self->registry_empty = count <= 0;
  adw_status_page_set_description (self->empty_page, self->registry_empty
    ? _("Pairs are formed from the participants of the registry, and it is empty: fill the registry first.")
    : _("Form the school's mentoring pairs and groups from the participants of the registry."));
  gtk_widget_set_visible (self->registry_button, self->registry_empty);
  gtk_widget_set_visible (self->form_pair_button, !self->registry_empty);
}

static void
set_store (NstPairsPage *self,
           NstStore     *store)
{
  if (!g_set_object (&self->store, store))
    return;
  nst_pairs_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static gint64
group_id (gpointer item)
{
  return nst_group_get_id (item);
}

static void
build_listing (NstPairsPage *self)
{
  self->listing = nst_listing_new (&(NstListingSetup) {
    .item_type = NST_TYPE_GROUP,
    .column_view = self->column_view,
    .sort_column = nst_pairs_columns_add (self->column_view),
    .search_entry = self->search_entry,
    .count_label = self->count_label,
    .content_stack = self->content_stack,
    .delete_action = "pairs.delete",
    .get_id = group_id,
    .search_key = (NstSlotSearchKey) nst_group_get_search_key,
    .match = filter_group,
    .user_data = self,
  });
  g_signal_connect_object (self->listing, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->listing, "activate", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
}

static void
build_filters (NstPairsPage *self)
{
  g_autoptr(GtkStringList) forms = gtk_string_list_new (NULL);
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_string_list_append (forms, _("All forms"));
  for (guint i = 0; i < NST_N_GROUP_FORMS; i++)
    {
      g_autofree char *label = nst_capitalize (nst_group_form_label (i));

      gtk_string_list_append (forms, label);
    }
  gtk_drop_down_set_model (self->form_filter, G_LIST_MODEL (forms));
  gtk_drop_down_set_expression (self->mentor_filter, expression);
  gtk_expression_unref (expression);
  self->mentor_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  fill_mentor_filter (self);
  nst_name_drop_down_button (self->status_filter, _("Filter by status"));
  nst_name_drop_down_button (self->form_filter, _("Filter by form"));
  nst_name_drop_down_button (self->mentor_filter, _("Filter by mentor"));
}

/* The registry or a programme may have changed in another tab: what the
 * list shows is read afresh whenever it comes into view. */
static void
nst_pairs_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (nst_pairs_page_parent_class)->map (widget);
  nst_pairs_page_reload (NST_PAIRS_PAGE (widget));
}

static void
nst_pairs_page_dispose (GObject *object)
{
  NstPairsPage *self = NST_PAIRS_PAGE (object);

  g_clear_object (&self->listing);
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_PAIRS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->mentor_ids, g_array_unref);
  G_OBJECT_CLASS (nst_pairs_page_parent_class)->dispose (object);
}

static void
nst_pairs_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NstPairsPage *self = NST_PAIRS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_SELECTION_CHOSEN: g_value_set_boolean (value, !self->selection_shows_saved); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_pairs_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NstPairsPage *self = NST_PAIRS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_pairs_page_class_init (NstPairsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nst_pairs_page_dispose;
  object_class->get_property = nst_pairs_page_get_property;
  object_class->set_property = nst_pairs_page_set_property;
  widget_class->map = nst_pairs_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, NST_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the pairs selected are the user's choice, rather than the one
   * the list selected to show it was saved. */
  properties[PROP_SELECTION_CHOSEN] =
    g_param_spec_boolean ("selection-chosen", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/nastavnik/Nastavnik/pairs/nst-pairs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NstPairsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NstPairsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, NstPairsPage, form_filter);
  gtk_widget_class_bind_template_child (widget_class, NstPairsPage, mentor_filter);
  gtk_widget_class_bind_template_child (widget_class, NstPairsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, NstPairsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, NstPairsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, NstPairsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, NstPairsPage, form_pair_button);
  gtk_widget_class_bind_template_child (widget_class, NstPairsPage, registry_button);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);

  gtk_widget_class_install_action (widget_class, "pairs.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "pairs.programme", NULL, programme_action_cb);
  gtk_widget_class_install_action (widget_class, "pairs.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "pairs.show-registry", NULL, show_registry_action_cb);
}

static const char *
nst_pairs_page_get_add_tooltip (NstPage *page)
{
  return _("Form a pair or a group (Ctrl+N)");
}

/* The list selects one item at most. */
static GPtrArray *
nst_pairs_page_dup_selection (NstPage *page)
{
  return nst_listing_dup_selected (NST_PAIRS_PAGE (page)->listing);
}

static void
nst_pairs_page_page_init (NstPageInterface *iface)
{
  iface->get_add_tooltip = nst_pairs_page_get_add_tooltip;
  iface->add = (void (*) (NstPage *)) nst_pairs_page_add_pair;
  iface->focus_search = (void (*) (NstPage *)) nst_pairs_page_focus_search;
  iface->get_visible = (GListModel * (*) (NstPage *)) nst_pairs_page_get_visible;
  iface->dup_selected = nst_pairs_page_dup_selection;
  iface->reload = (void (*) (NstPage *)) nst_pairs_page_reload;
  nst_pairs_documents_page_init (iface);
}

static void
nst_pairs_page_init (NstPairsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_listing (self);
  build_filters (self);
  selection_changed_cb (self);
  update_empty_page (self);
}

void
nst_pairs_page_reload (NstPairsPage *self)
{
  g_autoptr(GListStore) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NstGroup) was_selected = NULL;

  g_return_if_fail (NST_IS_PAIRS_PAGE (self));

  if (self->store == NULL)
    return;
  loaded = nst_store_list_groups (self->store, NULL, &error);
  if (loaded == NULL)
    {
      nst_widget_show_error (GTK_WIDGET (self), _("Could not read the pairs"), error);
      return;
    }
  was_selected = selected_group (self);
  nst_listing_set_items (self->listing, G_LIST_MODEL (loaded));
  fill_mentor_filter (self);
  update_empty_page (self);
  /* The mentor drop-down is filled anew, which may refilter the list. */
  if (was_selected != NULL)
    nst_pairs_page_select (self, nst_group_get_id (was_selected));
}

void
nst_pairs_page_add_pair (NstPairsPage *self)
{
  nst_pairs_page_open_pair (self, NULL);
}

void
nst_pairs_page_focus_search (NstPairsPage *self)
{
  nst_listing_focus_search (self->listing);
}

/**
 * nst_pairs_page_get_visible:
 *
 * Returns: (transfer none): the pairs shown, in their order
 */
GListModel *
nst_pairs_page_get_visible (NstPairsPage *self)
{
  return nst_listing_get_visible (self->listing);
}

/**
 * nst_pairs_page_dup_selected:
 *
 * Returns: (transfer full) (nullable): the pair or group selected
 */
NstGroup *
nst_pairs_page_dup_selected (NstPairsPage *self)
{
  return selected_group (self);
}
