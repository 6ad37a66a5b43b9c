/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The list plumbing every list tab shares: the stable slots and their own
 * filter (a keystroke that narrows the search looks only at what is shown,
 * one that widens it at everything, and both give what a full search
 * gives), and the listing over a real column view: the count line, the
 * empty and no-results pages, the selection kept across a reload, Delete
 * on the list. Under Xvfb with fatal warnings. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "text/nst-ru-text.h"
#include "widgets/nst-list-columns.h"
#include "widgets/nst-listing.h"
#include "nst-ui-test-util.h"

/* ---- items: GtkStringObject, «id|Фамилия Имя|tag» ---------------------- */

static const char *people[] = {
  "1|Иванова Мария|a", "2|Иванов Пётр|b", "3|Петрова Алёна|a", "4|Сидоров Иван|b",
  "5|Орлова Ольга|a", "6|Алексеев Игорь|b", "7|Ёлкина Вера|a", "8|Елизаров Иван|b",
};

static GQuark key_quark;

static const char *
search_key (gpointer item)
{
  const char *key = g_object_get_qdata (item, key_quark);

  if (key == NULL)
    {
      g_auto(GStrv) parts = g_strsplit (gtk_string_object_get_string (item), "|", 3);
      char *folded = nst_ru_fold (parts[1]);

      g_object_set_qdata_full (item, key_quark, folded, g_free);
      key = folded;
    }
  return key;
}

static gint64
item_id (gpointer item)
{
  return g_ascii_strtoll (gtk_string_object_get_string (item), NULL, 10);
}

static gboolean
match_tag (gpointer item,
           gpointer user_data)
{
  const char *tag = *(const char **) user_data;
  const char *s = gtk_string_object_get_string (item);

  return tag == NULL || g_str_has_suffix (s, tag);
}

static GListStore *
new_people (void)
{
  GListStore *store = g_list_store_new (GTK_TYPE_STRING_OBJECT);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(GtkStringObject) s = gtk_string_object_new (people[i]);

      g_list_store_append (store, s);
    }
  return store;
}

/* The ids shown, «1 2 3», in order. */
static char *
shown_ids (GListModel *visible)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (visible, i);

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? " " : "", item_id (item));
    }
  return g_string_free (out, FALSE);
}

/* What a search from scratch gives, to compare the incremental one with. */
static char *
expected_ids (const char *typed,
              const char *tag)
{
  g_auto(GStrv) words = nst_ru_search_words (typed);
  g_autoptr(GListStore) all = new_people ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (all), i);

      if (match_tag (item, &tag) && nst_ru_contains_all (search_key (item), words))
        g_string_append_printf (out, "%s%" G_GINT64_FORMAT, out->len ? " " : "", item_id (item));
    }
  return g_string_free (out, FALSE);
}

static guint visible_signals;

static void
count_signal_cb (void)
{
  visible_signals++;
}

static void
test_slot_search_narrows_and_widens (void)
{
  g_autoptr(GListStore) store = new_people ();
  g_autoptr(NstSlotList) slots = nst_slot_list_new (G_LIST_MODEL (store));
  const char *tag = NULL;
  /* Typed letter by letter, with corrections and a second word. */
  const char *typing[] = { "и", "ив", "иван", "ива", "", "е", "ел", "е", "иван и", "иван ива",
                           "иван", "  ", "ОЛ", NULL };
  GListModel *visible = nst_slot_list_get_visible (slots);

  nst_slot_list_set_filter (slots, match_tag, search_key, &tag);
  for (guint i = 0; typing[i]; i++)
    {
      g_autofree char *got = NULL, *want = expected_ids (typing[i], tag);

      nst_slot_list_set_search (slots, typing[i]);
      got = shown_ids (visible);
      g_assert_cmpstr (got, ==, want);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==,
                        g_list_model_get_n_items (visible));
    }
  /* ё is found by е and the other way round. */
  nst_slot_list_set_search (slots, "елкина");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  nst_slot_list_set_search (slots, "Пётр");     /* Пётр and Петрова */
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  nst_slot_list_set_search (slots, "петр иванов");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
}

static void
test_slot_filter_and_source_changes (void)
{
  g_autoptr(GListStore) store = new_people ();
  g_autoptr(NstSlotList) slots = nst_slot_list_new (G_LIST_MODEL (store));
  GListModel *visible = nst_slot_list_get_visible (slots);
  const char *tag = NULL;
  g_autoptr(GtkStringObject) added = gtk_string_object_new ("9|Иваненко Анна|a");
  g_autofree char *got = NULL;

  nst_slot_list_set_filter (slots, match_tag, search_key, &tag);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, G_N_ELEMENTS (people));

  /* The tab's own filter changed: asked again about everyone. */
  tag = "a";
  nst_slot_list_refilter (slots);
  got = shown_ids (visible);
  g_assert_cmpstr (got, ==, "1 3 5 7");
  g_clear_pointer (&got, g_free);

  /* The source grows: the filters apply to the new item at once. */
  nst_slot_list_set_search (slots, "иван");
  g_list_store_append (store, added);
  got = shown_ids (visible);
  g_assert_cmpstr (got, ==, "1 9");
  g_clear_pointer (&got, g_free);

  /* The source loses an item that was shown. */
  g_list_store_remove (store, 0);
  got = shown_ids (visible);
  g_assert_cmpstr (got, ==, "9");
}

static guint slots_changed_at_start;

static void
slots_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  /* Slots are only ever added or removed at the end. */
  if (position < MIN (g_list_model_get_n_items (model), g_list_model_get_n_items (model) - added + removed))
    slots_changed_at_start++;
}

static void
test_slots_stay_in_place (void)
{
  g_autoptr(GListStore) store = new_people ();
  g_autoptr(NstSlotList) slots = nst_slot_list_new (G_LIST_MODEL (store));
  g_autoptr(NstSlot) first = NULL;
  g_autoptr(NstSlot) again = NULL;

  nst_slot_list_set_filter (slots, NULL, search_key, NULL);
  first = g_list_model_get_item (G_LIST_MODEL (slots), 0);
  g_signal_connect_swapped (nst_slot_list_get_visible (slots), "items-changed",
                            G_CALLBACK (count_signal_cb), NULL);
  g_signal_connect (slots, "items-changed", G_CALLBACK (slots_changed_cb), NULL);

  visible_signals = 0;
  nst_slot_list_set_search (slots, "петрова");
  again = g_list_model_get_item (G_LIST_MODEL (slots), 0);
  /* The first slot is the same object, showing another item. */
  g_assert_true (first == again);
  g_assert_cmpint (item_id (nst_slot_get_item (again)), ==, 3);
  g_assert_cmpuint (visible_signals, ==, 1);

  /* A search that shows the same says nothing. */
  nst_slot_list_set_search (slots, "петров");
  nst_slot_list_set_search (slots, "петрова ");
  g_assert_cmpuint (visible_signals, ==, 1);

  nst_slot_list_set_search (slots, "");
  g_assert_cmpuint (visible_signals, ==, 2);
  g_assert_cmpuint (slots_changed_at_start, ==, 0);
}

/* ---- the listing over a column view ------------------------------------ */

static GtkWidget *
setup_cell (int column)
{
  return nst_cell_label_new (NULL);
}

static void
render_cell (GtkWidget *cell,
             gpointer   item,
             int        column)
{
  gtk_label_set_text (GTK_LABEL (cell), gtk_string_object_get_string (item));
}

static int
compare_items (gpointer a,
               gpointer b,
               int      column)
{
  return strcmp (search_key (a), search_key (b));
}

static const NstColumnKind test_columns = { setup_cell, render_cell, compare_items };

typedef struct
{
  GtkWidget *window;
  GtkColumnView *view;
  GtkSearchEntry *entry;
  GtkLabel *count;
  GtkStack *stack;
  NstListing *listing;
  const char *tag;
  guint selection_changes;
  gint64 activated;
} Tab;

static void
activated_cb (NstListing *listing,
              GObject    *item,
              Tab        *tab)
{
  tab->activated = item_id (item);
}

static void
selection_cb (NstListing *listing,
              Tab        *tab)
{
  tab->selection_changes++;
}

static void
tab_init (Tab      *tab,
          gboolean  multiple)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkColumnViewColumn *column;

  tab->window = gtk_window_new ();
  tab->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  tab->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  tab->count = GTK_LABEL (gtk_label_new (NULL));
  tab->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (tab->stack, gtk_label_new ("empty"), "empty");
  gtk_stack_add_named (tab->stack, gtk_label_new ("no results"), "no-results");
  gtk_stack_add_named (tab->stack, GTK_WIDGET (tab->view), "list");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (tab->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (tab->count));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (tab->stack));
  gtk_window_set_child (GTK_WINDOW (tab->window), box);
  column = nst_list_column_add (tab->view, &test_columns, 0, "Name", 0);
  tab->listing = nst_listing_new (&(NstListingSetup) {
    .item_type = GTK_TYPE_STRING_OBJECT,
    .column_view = tab->view,
    .sort_column = column,
    .search_entry = tab->entry,
    .count_label = tab->count,
    .content_stack = tab->stack,
    .multiple = multiple,
    .get_id = item_id,
    .search_key = search_key,
    .match = match_tag,
    .user_data = &tab->tag,
  });
  g_signal_connect (tab->listing, "activate", G_CALLBACK (activated_cb), tab);
  g_signal_connect (tab->listing, "selection-changed", G_CALLBACK (selection_cb), tab);
  gtk_window_present (GTK_WINDOW (tab->window));
  nst_test_drain ();
}

static void
tab_clear (Tab *tab)
{
  g_clear_object (&tab->listing);
  gtk_window_destroy (GTK_WINDOW (tab->window));
  nst_test_drain ();
}

static void
type (Tab        *tab,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (tab->entry), text);
  /* search-changed comes after a delay; the test does not wait for it. */
  g_signal_emit_by_name (tab->entry, "search-changed");
}

static void
test_listing_pages_and_count (void)
{
  Tab tab = { 0 };
  g_autoptr(GListStore) none = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GListStore) everyone = new_people ();
  g_autofree char *sorted = NULL;

  tab_init (&tab, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (tab.stack), ==, "empty");
  nst_listing_set_items (tab.listing, G_LIST_MODEL (everyone));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (tab.stack), ==, "list");
  g_assert_nonnull (strstr (gtk_label_get_text (tab.count), "8"));
  /* Sorted by the column given, in Russian order: Алексеев first, Ёлкина beside Е. */
  sorted = shown_ids (nst_listing_get_visible (tab.listing));
  g_assert_cmpstr (sorted, ==, "6 8 7 2 1 5 3 4");

  type (&tab, "нет такого");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (tab.stack), ==, "no-results");
  g_assert_cmpuint (g_list_model_get_n_items (nst_listing_get_visible (tab.listing)), ==, 0);
  type (&tab, "иван");
  g_assert_cmpuint (g_list_model_get_n_items (nst_listing_get_visible (tab.listing)), ==, 4);

  /* The tab's own filter. */
  tab.tag = "b";
  nst_listing_refilter (tab.listing);
  g_assert_cmpuint (g_list_model_get_n_items (nst_listing_get_visible (tab.listing)), ==, 3);

  nst_listing_set_items (tab.listing, G_LIST_MODEL (none));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (tab.stack), ==, "empty");
  tab_clear (&tab);
}

static void
test_listing_selection (void)
{
  Tab tab = { 0 };
  g_autoptr(GListStore) everyone = new_people ();
  g_autoptr(GListStore) reloaded = new_people ();
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GtkStringObject) renamed = gtk_string_object_new ("3|Петрова-Смирнова Алёна|a");
  g_autoptr(GObject) first = NULL;

  tab_init (&tab, TRUE);
  nst_listing_set_items (tab.listing, G_LIST_MODEL (everyone));
  g_assert_true (nst_listing_select (tab.listing, 3));
  g_assert_true (nst_listing_select (tab.listing, 5));
  g_assert_cmpuint (tab.selection_changes, >=, 2);

  /* A reload brings new objects: the same people stay selected. */
  nst_listing_set_items (tab.listing, G_LIST_MODEL (reloaded));
  chosen = nst_listing_dup_selected (tab.listing);
  g_assert_cmpuint (chosen->len, ==, 2);
  g_assert_cmpint (item_id (g_ptr_array_index (chosen, 0)), ==, 5);
  g_assert_cmpint (item_id (g_ptr_array_index (chosen, 1)), ==, 3);
  g_clear_pointer (&chosen, g_ptr_array_unref);

  /* What is shown changes: the slots would now hold others, so nothing
   * stays selected. */
  type (&tab, "орлова");
  chosen = nst_listing_dup_selected (tab.listing);
  g_assert_cmpuint (chosen->len, ==, 0);
  g_clear_pointer (&chosen, g_ptr_array_unref);
  g_assert_false (nst_listing_select (tab.listing, 3));  /* hidden by the search */
  type (&tab, "");

  /* An item replaced in place, another removed. */
  nst_listing_put (tab.listing, renamed);
  nst_listing_remove (tab.listing, 6);
  g_assert_cmpuint (g_list_model_get_n_items (nst_listing_get_items (tab.listing)), ==, 7);
  first = g_list_model_get_item (nst_listing_get_visible (tab.listing), 0);
  g_assert_cmpint (item_id (first), ==, 8);
  type (&tab, "смирнова");
  g_assert_cmpuint (g_list_model_get_n_items (nst_listing_get_visible (tab.listing)), ==, 1);

  /* A row activated gives its item. */
  g_signal_emit_by_name (tab.view, "activate", 0);
  g_assert_cmpint (tab.activated, ==, 3);
  tab_clear (&tab);
}

static void
test_listing_single (void)
{
  Tab tab = { 0 };
  g_autoptr(GListStore) everyone = new_people ();
  g_autoptr(GObject) selected = NULL;

  tab_init (&tab, FALSE);
  nst_listing_set_items (tab.listing, G_LIST_MODEL (everyone));
  g_assert_null (nst_listing_dup_first_selected (tab.listing));
  nst_listing_select (tab.listing, 3);
  nst_listing_select (tab.listing, 5);
  selected = nst_listing_dup_first_selected (tab.listing);
  g_assert_cmpint (item_id (selected), ==, 5);
  tab_clear (&tab);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  key_quark = g_quark_from_static_string ("test-search-key");

  g_test_add_func ("/slots/search-narrows-and-widens", test_slot_search_narrows_and_widens);
  g_test_add_func ("/slots/filter-and-source-changes", test_slot_filter_and_source_changes);
  g_test_add_func ("/slots/stay-in-place", test_slots_stay_in_place);
  g_test_add_func ("/listing/pages-and-count", test_listing_pages_and_count);
  g_test_add_func ("/listing/selection", test_listing_selection);
  g_test_add_func ("/listing/single", test_listing_single);
  return g_test_run ();
}
