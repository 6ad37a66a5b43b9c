/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-list-columns"

#include "config.h"

#include "text/nst-ru-text.h"
#include "widgets/nst-list-columns.h"
#include "widgets/nst-slot-list.h"
#include "widgets/nst-status-badge.h"

/* What a column's factory and sorter know: owned by the column. */
typedef struct
{
  const NstColumnKind *kind;
  int column;
} ColumnData;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ColumnData               *data)
{
  gtk_list_item_set_child (item, data->kind->setup (data->column));
}

static void
render (GtkListItem *item,
        ColumnData  *data)
{
  data->kind->render (gtk_list_item_get_child (item),
                      nst_slot_get_item (gtk_list_item_get_item (item)), data->column);
}

/* A slot that shows another item redraws its cells in place. */
static void
slot_item_changed (NstSlot  *slot,
                   gpointer  item)
{
  render (item, g_object_get_data (G_OBJECT (item), "nst-column"));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         ColumnData               *data)
{
  g_object_set_data (G_OBJECT (item), "nst-column", data);
  nst_slot_watch (gtk_list_item_get_item (item), slot_item_changed, item);
  render (item, data);
}

/* GTK unbinds a row before it binds it to another slot or drops it. */
static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  nst_slot_unwatch (gtk_list_item_get_item (item), slot_item_changed, item);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  ColumnData *data = user_data;
  int order = data->kind->compare ((gpointer) a, (gpointer) b, data->column);

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/**
 * nst_list_column_add:
 * @fixed_width: the width in pixels, or 0 for a column that takes what the
 *   others leave
 *
 * Appends a resizable, sortable column to @view.
 *
 * Returns: (transfer none): the column
 */
GtkColumnViewColumn *
nst_list_column_add (GtkColumnView       *view,
                     const NstColumnKind *kind,
                     int                  column,
                     const char          *title,
                     int                  fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnData *data = g_new0 (ColumnData, 1);
  GtkColumnViewColumn *col;

  data->kind = kind;
  data->column = column;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  col = gtk_column_view_column_new (title, factory);
  g_object_set_data_full (G_OBJECT (col), "nst-column-data", data, g_free);
  gtk_column_view_column_set_sorter (col, GTK_SORTER (gtk_custom_sorter_new (compare_cb, data, NULL)));
  gtk_column_view_column_set_resizable (col, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (col, fixed_width);
  else
    gtk_column_view_column_set_expand (col, TRUE);
  gtk_column_view_append_column (view, col);
  g_object_unref (col);
  return col;
}

static GtkWidget *
find_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The header's title widget that shows @column: the view makes one per
 * visible column, in their order. */
static GtkWidget *
header_title (GtkColumnViewColumn *column)
{
  GtkColumnView *view = gtk_column_view_column_get_column_view (column);
  GListModel *columns = view ? gtk_column_view_get_columns (view) : NULL;
  GtkWidget *header = view ? gtk_widget_get_first_child (GTK_WIDGET (view)) : NULL;
  guint index = 0;

  if (header == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, i);

      if (c == column)
        break;
      index += gtk_column_view_column_get_visible (c);
    }
  for (GtkWidget *title = gtk_widget_get_first_child (header); title; title = gtk_widget_get_next_sibling (title))
    if (g_str_equal (G_OBJECT_TYPE_NAME (title), "GtkColumnViewTitle") && index-- == 0)
      return title;
  return NULL;
}

/**
 * nst_list_column_set_header:
 * @tooltip: (nullable): what an abbreviated title means, in full
 * @wrap: whether a title of several words takes two lines rather than
 *   widening a narrow column
 *
 * GTK 4.8 gives a column's header neither a tooltip nor a factory: this
 * reaches the title the view made for @column. Should another GTK make it
 * otherwise (the title's label not found), the header stays as it was.
 */
void
nst_list_column_set_header (GtkColumnViewColumn *column,
                            const char          *tooltip,
                            gboolean             wrap)
{
  GtkWidget *title = header_title (column);
  GtkWidget *label = title ? find_label (title) : NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  if (label == NULL || g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)),
                                  gtk_column_view_column_get_title (column)) != 0)
    return;
  gtk_widget_set_tooltip_text (title, tooltip);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
    }
}

/**
 * nst_cell_label_new:
 * @css_class: (nullable): "dim-label", "numeric"…
 *
 * Returns: (transfer floating): a left-aligned label that ellipsizes and
 *   shows its whole text on hover
 */
GtkWidget *
nst_cell_label_new (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  nst_cell_tooltip_init (label);
  return label;
}

/**
 * nst_list_sort_key:
 * @text: the text that @column sorts by
 *
 * The Russian collation key of @column's text, made once per item: a sort
 * of 10,000 rows compares each many times.
 *
 * Returns: (transfer none): the key, owned by @item
 */
const char *
nst_list_sort_key (gpointer   item,
                   int        column,
                   char    *(*text) (gpointer item,
                                     int      column))
{
  static GQuark quarks[32];
  GQuark quark;
  const char *key;

  g_return_val_if_fail (column >= 0 && column < (int) G_N_ELEMENTS (quarks), "");

  if (quarks[column] == 0)
    {
      g_autofree char *name = g_strdup_printf ("nst-sort-key-%d", column);

      quarks[column] = g_quark_from_string (name);
    }
  quark = quarks[column];
  key = g_object_get_qdata (item, quark);
  if (key == NULL)
    {
      g_autofree char *source = text (item, column);
      char *new_key = nst_ru_collation_key (source);

      g_object_set_qdata_full (item, quark, new_key, g_free);
      key = new_key;
    }
  return key;
}
