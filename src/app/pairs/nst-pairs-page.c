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
#include "widgets/nst-slot-list.h"
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
  GListStore *groups;
  GtkSortListModel *sorted;
  GtkFilterListModel *filtered;
  NstSlotList *slots;
  GtkSingleSelection *selection;
  GtkCustomFilter *filter;
  char **search_words;       /* folded */
  GArray *mentor_ids;        /* gint64, in the order of the mentor drop-down */
  gboolean registry_empty;

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
  if (mentor != MENTOR_ANY && mentor < self->mentor_ids->len &&
      nst_group_get_mentor_id (g) != g_array_index (self->mentor_ids, gint64, mentor))
    return FALSE;
  return self->search_words == NULL ||
         nst_ru_contains_all (nst_group_get_search_key (g), self->search_words);
}

static void
update_count_and_state (NstPairsPage *self)
{
  nst_list_show_count (self->count_label, self->content_stack,
                       G_LIST_MODEL (self->groups), G_LIST_MODEL (self->filtered));
}

static void
visible_changed_cb (NstPairsPage *self)
{
  /* Slots keep their places while what they show changes: a selection
   * would silently move to another pair. */
  if (self->selection != NULL)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  update_count_and_state (self);
}

static void
search_changed_cb (NstPairsPage *self)
{
  g_clear_pointer (&self->search_words, g_strfreev);
  self->search_words = nst_ru_search_words (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (NstPairsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
filters_changed_cb (NstPairsPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
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
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  guint position = MENTOR_ANY;
  gint64 none = 0;

  for (guint i = 0; i < n; i++)
    {
      NstGroup *g = g_list_model_get_item (G_LIST_MODEL (self->groups), i);
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
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
}

static void
selection_changed_cb (NstPairsPage *self)
{
  g_autoptr(NstGroup) g = selected_group (self);

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
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstGroup) g = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (nst_group_get_id (g) == group_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- editing ----------------------------------------------------------- */

static void
group_saved_cb (NstPairsPage *self,
                NstGroup     *group)
{
  nst_pairs_page_reload (self);
  nst_pairs_page_select (self, nst_group_get_id (group));
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
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (NstPairsPage *self,
                  guint         position)
{
  g_autoptr(NstGroup) g = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (g != NULL)
    nst_pairs_page_open_pair (self, g);
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

static void
build_models (NstPairsPage *self)
{
  GtkColumnViewColumn *mentor_column = nst_pairs_columns_add (self->column_view);
  GtkSorter *sorter = g_object_ref (gtk_column_view_get_sorter (self->column_view));

  /* Sort before filtering: a keystroke then only re-filters. */
  self->groups = g_list_store_new (NST_TYPE_GROUP);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->groups)), sorter);
  self->filter = gtk_custom_filter_new (filter_group, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->slots = nst_slot_list_new (G_LIST_MODEL (self->filtered));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, mentor_column, GTK_SORT_ASCENDING);

  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (visible_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->groups, "items-changed",
                           G_CALLBACK (update_count_and_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
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

static void
add_delete_shortcut (NstPairsPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* On the list only: in the search field Delete deletes characters. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("pairs.delete")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("pairs.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);
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

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_PAIRS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->slots);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorted);
  g_clear_object (&self->groups);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search_words, g_strfreev);
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
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

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
  NstGroup *selected = nst_pairs_page_dup_selected (NST_PAIRS_PAGE (page));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  if (selected != NULL)
    g_ptr_array_add (items, selected);
  return items;
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
  build_models (self);
  build_filters (self);
  add_delete_shortcut (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  selection_changed_cb (self);
  update_count_and_state (self);
  update_empty_page (self);
}

void
nst_pairs_page_reload (NstPairsPage *self)
{
  g_autoptr(GListStore) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(NstGroup) was_selected = NULL;
  guint n;

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
  n = g_list_model_get_n_items (G_LIST_MODEL (loaded));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (loaded), i));
  g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                       items->pdata, items->len);
  fill_mentor_filter (self);
  update_empty_page (self);
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
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * nst_pairs_page_get_visible:
 *
 * Returns: (transfer none): the pairs shown, in their order
 */
GListModel *
nst_pairs_page_get_visible (NstPairsPage *self)
{
  return G_LIST_MODEL (self->filtered);
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
