/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-new-programme"

#include "config.h"

#include <glib/gi18n.h>

#include "schedule/nst-date.h"
#include "programmes/nst-new-programme-dialog.h"
#include "text/nst-ru-text.h"
#include "widgets/nst-status-badge.h"
#include "store/nst-store-groups.h"

typedef struct
{
  NstProgrammeReadyFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
  NstStore *store;
  GtkWindow *parent;          /* weak: for errors */
  AdwMessageDialog *dialog;
  gint64 group_id;            /* given, or chosen in the list */
  GListStore *templates;
  GtkListBox *pairs;
  GtkWidget *search;
  AdwComboRow *template_row;
} Chooser;

static void
chooser_free (Chooser *c)
{
  if (c->destroy != NULL)
    c->destroy (c->user_data);
  g_clear_object (&c->store);
  g_clear_object (&c->templates);
  g_clear_weak_pointer (&c->parent);
  g_free (c);
}

static void
update_response (Chooser *c)
{
  adw_message_dialog_set_response_enabled (c->dialog, "create", c->group_id != 0);
}

/* ---- the pairs without a programme this year -------------------------------- */

static gboolean
filter_pair_row (GtkListBoxRow *row,
                 gpointer       user_data)
{
  Chooser *c = user_data;
  g_autofree char *folded = nst_ru_fold (gtk_editable_get_text (GTK_EDITABLE (c->search)));
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  const char *key = g_object_get_data (G_OBJECT (row), "nst-search-key");

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] && !nst_ru_fold_contains (key, words[i]))
      return FALSE;
  return TRUE;
}

static void
pair_selected_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  Chooser       *c)
{
  c->group_id = row ? GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "nst-group-id")) : 0;
  update_response (c);
}

static void
search_changed_cb (Chooser *c)
{
  gtk_list_box_invalidate_filter (c->pairs);
}

static GtkWidget *
pair_row_new (NstGroup *g)
{
  g_autofree char *title = nst_group_dup_title (g);
  g_autofree char *form = nst_capitalize (nst_group_form_label (nst_group_get_form (g)));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", form, nst_group_status_label (nst_group_get_status (g)));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, "pair");
  g_object_set_data (G_OBJECT (row), "nst-group-id", GSIZE_TO_POINTER (nst_group_get_id (g)));
  g_object_set_data_full (G_OBJECT (row), "nst-search-key", g_strdup (nst_group_get_search_key (g)), g_free);
  return row;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  return strcmp (nst_group_get_sort_key (*(NstGroup **) a), nst_group_get_sort_key (*(NstGroup **) b));
}

static gboolean
fill_pairs (Chooser  *c,
            guint     year,
            GError  **error)
{
  g_autoptr(GListStore) groups = nst_store_list_groups (c->store, NULL, error);
  g_autoptr(GListStore) programmes = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);

  if (groups == NULL || (programmes = nst_store_list_programmes (c->store, NULL, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (programmes)); i++)
    {
      g_autoptr(NstProgramme) p = g_list_model_get_item (G_LIST_MODEL (programmes), i);

      if (nst_programme_get_school_year (p) == year)
        g_hash_table_add (taken, g_memdup2 (&(gint64) { nst_programme_get_group_id (p) }, sizeof (gint64)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (groups)); i++)
    {
      NstGroup *g = g_list_model_get_item (G_LIST_MODEL (groups), i);
      gint64 id = nst_group_get_id (g);

      if (nst_group_status_is_ended (nst_group_get_status (g)) || g_hash_table_contains (taken, &id))
        g_object_unref (g);
      else
        g_ptr_array_add (open, g);
    }
  g_ptr_array_sort (open, compare_groups);
  for (guint i = 0; i < open->len; i++)
    gtk_list_box_append (c->pairs, pair_row_new (g_ptr_array_index (open, i)));
  return TRUE;
}

static GtkWidget *
build_pair_chooser (Chooser *c,
                    guint    year)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *placeholder = gtk_label_new (_("Every pair in force already has a programme this year, "
                                            "or there are no pairs yet"));
  g_autoptr(GError) error = NULL;

  c->search = gtk_search_entry_new ();
  g_object_set (c->search, "placeholder-text", _("Search for a pair by name"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search for a pair by name"), -1);
  g_signal_connect_swapped (c->search, "search-changed", G_CALLBACK (search_changed_cb), c);
  c->pairs = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (c->pairs), "pairs");
  gtk_widget_add_css_class (GTK_WIDGET (c->pairs), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->pairs), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pairs without a programme"), -1);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (c->pairs, placeholder);
  gtk_list_box_set_filter_func (c->pairs, filter_pair_row, c, NULL);
  g_signal_connect (c->pairs, "row-selected", G_CALLBACK (pair_selected_cb), c);
  if (!fill_pairs (c, year, &error))
    gtk_label_set_text (GTK_LABEL (placeholder), error->message);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (c->pairs));
  gtk_box_append (GTK_BOX (box), c->search);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

/* ---- templates ------------------------------------------------------------------ */

/* The templates, then «no template»; the built-in one is chosen. */
static GtkWidget *
build_template_row (Chooser *c)
{
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  c->template_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (c->template_row), _("Template"));
  gtk_widget_set_name (GTK_WIDGET (c->template_row), "template");
  if ((c->templates = nst_store_list_templates (c->store, &error)) != NULL)
    n = g_list_model_get_n_items (G_LIST_MODEL (c->templates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstProgrammeTemplate) t = g_list_model_get_item (G_LIST_MODEL (c->templates), i);

      gtk_string_list_append (titles, nst_programme_template_get_title (t));
    }
  gtk_string_list_append (titles, _("No template: an empty plan"));
  adw_combo_row_set_model (c->template_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (c->template_row, 0);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (c->template_row));
  return list;
}

static gint64
chosen_template (Chooser *c)
{
  guint selected = adw_combo_row_get_selected (c->template_row);
  g_autoptr(NstProgrammeTemplate) t = NULL;

  if (c->templates == NULL || selected >= g_list_model_get_n_items (G_LIST_MODEL (c->templates)))
    return 0;
  t = g_list_model_get_item (G_LIST_MODEL (c->templates), selected);
  return nst_programme_template_get_id (t);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Chooser          *c)
{
  g_autoptr(NstProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "create") != 0 || c->group_id == 0)
    return;
  if ((programme = nst_store_prepare_programme (c->store, c->group_id, chosen_template (c), &error)) == NULL)
    {
      if (c->parent != NULL)
        nst_widget_show_error (GTK_WIDGET (c->parent), _("Could not start the programme"), error);
      return;
    }
  c->func (c->parent, programme, c->user_data);
}

GtkWidget *
nst_new_programme_dialog_present (GtkWindow             *parent,
                                  NstStore              *store,
                                  gint64                 group_id,
                                  NstProgrammeReadyFunc  func,
                                  gpointer               user_data,
                                  GDestroyNotify         destroy)
{
  Chooser *c = g_new0 (Chooser, 1);
  g_autoptr(NstSchool) school = nst_store_load_school (store, NULL);
  guint year = school ? nst_school_get_school_year (school) : 0;
  g_autofree char *year_label = nst_school_year_label (year);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  c->func = func;
  c->user_data = user_data;
  c->destroy = destroy;
  c->store = g_object_ref (store);
  g_set_weak_pointer (&c->parent, parent);
  c->group_id = group_id;
  c->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("New Programme"), NULL));
  /* Translators: %s is a school year, «2025/2026» */
  adw_message_dialog_format_body (c->dialog, _("The personalized programme for the school year %s. "
                                               "A template's dates move into this year."), year_label);
  adw_message_dialog_add_responses (c->dialog, "cancel", _("_Cancel"), "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (c->dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (c->dialog, "create");
  adw_message_dialog_set_close_response (c->dialog, "cancel");
  if (group_id == 0)
    gtk_box_append (GTK_BOX (box), build_pair_chooser (c, year));
  gtk_box_append (GTK_BOX (box), build_template_row (c));
  adw_message_dialog_set_extra_child (c->dialog, box);
  g_object_set_data_full (G_OBJECT (c->dialog), "nst-chooser", c, (GDestroyNotify) chooser_free);
  g_signal_connect (c->dialog, "response", G_CALLBACK (response_cb), c);
  update_response (c);
  gtk_window_present (GTK_WINDOW (c->dialog));
  return GTK_WIDGET (c->dialog);
}
