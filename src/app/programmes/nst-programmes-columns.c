/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-programmes"

#include "config.h"

#include <glib/gi18n.h>

#include "model/nst-programme.h"
#include "programmes/nst-programmes-columns.h"
#include "text/nst-ru-text.h"
#include "widgets/nst-slot-list.h"
#include "widgets/nst-status-badge.h"

typedef enum
{
  COLUMN_PAIR,
  COLUMN_YEAR,
  COLUMN_TITLE,
  COLUMN_PROGRESS,
  COLUMN_OVERDUE,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

/* ---- cells ------------------------------------------------------------- */

static NstProgramme *
item_programme (GtkListItem *item)
{
  return nst_slot_get_item (gtk_list_item_get_item (item));
}

static char *
pair_text (NstProgramme *p)
{
  const char *mentees = nst_programme_get_mentee_names (p);

  return g_strdup_printf ("%s — %s", nst_programme_get_mentor_name (p), mentees);
}

static char *
cell_text (NstProgramme *p,
           Column        column)
{
  switch (column)
    {
    case COLUMN_PAIR: return pair_text (p);
    case COLUMN_YEAR: return nst_programme_dup_school_year_label (p);
    case COLUMN_TITLE: return g_strdup (nst_programme_get_title (p));
    case COLUMN_PROGRESS: return nst_programme_dup_progress_label (p);
    case COLUMN_OVERDUE:
    case COLUMN_STATUS:
    case N_COLUMNS:
    default: break;
    }
  return g_strdup ("");
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_YEAR)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_TITLE)
    gtk_widget_add_css_class (label, "dim-label");
  nst_cell_tooltip_init (label);
  gtk_list_item_set_child (item, label);
}

static void
setup_progress_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_size_request (label, 56, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Activities done of those due"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_list_item_set_child (item, box);
}

static void
setup_overdue_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  gtk_list_item_set_child (item, nst_deadline_badge_new ());
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gtk_list_item_set_child (item, nst_status_pill_new ());
}

static void
render_progress (GtkListItem *item)
{
  NstProgramme *p = item_programme (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *text = nst_programme_dup_progress_label (p);
  guint done = 0, due = 0;

  nst_programme_get_progress (p, &done, &due, NULL, NULL);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (gtk_widget_get_last_child (box)), due ? (double) done / due : 0);
}

static void
render_overdue (GtkListItem *item)
{
  guint overdue = 0;
  GtkWidget *badge = gtk_list_item_get_child (item);

  nst_programme_get_progress (item_programme (item), NULL, NULL, NULL, &overdue);
  if (overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", overdue),
                                               overdue);

      nst_deadline_badge_set (badge, NST_DEADLINE_OVERDUE, text);
    }
  else
    nst_deadline_badge_set (badge, NST_DEADLINE_PLANNED, "—");
  gtk_widget_set_visible (gtk_widget_get_first_child (badge), overdue > 0);
}

static void
render (GtkListItem *item,
        Column       column)
{
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_PROGRESS:
      render_progress (item);
      break;
    case COLUMN_OVERDUE:
      render_overdue (item);
      break;
    case COLUMN_STATUS:
      nst_status_pill_set_programme (gtk_list_item_get_child (item), nst_programme_get_status (item_programme (item)));
      break;
    default:
      text = cell_text (item_programme (item), column);
      gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
    }
}

static void
slot_item_changed_cb (NstSlot     *slot,
                      GParamSpec  *pspec,
                      GtkListItem *item)
{
  render (item, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "nst-column")));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  NstSlot *slot = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (item), "nst-column", user_data);
  g_signal_connect_object (slot, "notify::item", G_CALLBACK (slot_item_changed_cb), item, 0);
  render (item, GPOINTER_TO_INT (user_data));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), slot_item_changed_cb, item);
}

/* ---- sorting ----------------------------------------------------------- */

static const char *
cached_key (NstProgramme *p,
            Column        column)
{
  static GQuark quarks[N_COLUMNS];
  const char *key;

  if (quarks[column] == 0)
    {
      g_autofree char *name = g_strdup_printf ("nst-programme-sort-key-%d", column);
      quarks[column] = g_quark_from_string (name);
    }
  key = g_object_get_qdata (G_OBJECT (p), quarks[column]);
  if (key == NULL)
    {
      g_autofree char *text = cell_text (p, column);
      char *new_key = nst_ru_collation_key (text);

      g_object_set_qdata_full (G_OBJECT (p), quarks[column], new_key, g_free);
      key = new_key;
    }
  return key;
}

static double
ratio (NstProgramme *p)
{
  guint done = 0, due = 0;

  nst_programme_get_progress (p, &done, &due, NULL, NULL);
  return due ? (double) done / due : 1.0;
}

static int
compare_values (NstProgramme *a,
                NstProgramme *b,
                Column        column)
{
  guint x = 0, y = 0;

  switch (column)
    {
    case COLUMN_YEAR:
      return (int) nst_programme_get_school_year (b) - (int) nst_programme_get_school_year (a);
    case COLUMN_TITLE: return strcmp (cached_key (a, column), cached_key (b, column));
    case COLUMN_PROGRESS: return ratio (a) < ratio (b) ? -1 : ratio (a) > ratio (b);
    case COLUMN_OVERDUE:
      nst_programme_get_progress (a, NULL, NULL, NULL, &x);
      nst_programme_get_progress (b, NULL, NULL, NULL, &y);
      return x > y ? -1 : x < y;
    case COLUMN_STATUS: return (int) nst_programme_get_status (a) - (int) nst_programme_get_status (b);
    case COLUMN_PAIR:
    case N_COLUMNS:
    default: return 0;
    }
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  NstProgramme *x = (NstProgramme *) a, *y = (NstProgramme *) b;
  int order = compare_values (x, y, GPOINTER_TO_INT (user_data));

  if (order == 0)
    order = strcmp (cached_key (x, COLUMN_PAIR), cached_key (y, COLUMN_PAIR));
  if (order == 0)
    order = (int) nst_programme_get_school_year (y) - (int) nst_programme_get_school_year (x);
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* ---- columns ----------------------------------------------------------- */

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            Column         column,
            const char    *title,
            int            fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  if (column == COLUMN_PROGRESS)
    g_signal_connect (factory, "setup", G_CALLBACK (setup_progress_cb), NULL);
  else if (column == COLUMN_OVERDUE)
    g_signal_connect (factory, "setup", G_CALLBACK (setup_overdue_cb), NULL);
  else if (column == COLUMN_STATUS)
    g_signal_connect (factory, "setup", G_CALLBACK (setup_status_cb), NULL);
  else
    g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (col, GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (column), NULL)));
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_fixed_width (col, fixed_width);
  gtk_column_view_append_column (view, col);
  g_object_unref (col);
  return col;
}

GtkColumnViewColumn *
nst_programmes_columns_add (GtkColumnView *view)
{
  GtkColumnViewColumn *pair = add_column (view, COLUMN_PAIR, _("Pair or group"), 300);

  gtk_column_view_column_set_expand (pair, TRUE);
  add_column (view, COLUMN_YEAR, _("School year"), 110);
  gtk_column_view_column_set_expand (add_column (view, COLUMN_TITLE, _("Title"), 280), TRUE);
  add_column (view, COLUMN_PROGRESS, _("Done of due"), 150);
  add_column (view, COLUMN_OVERDUE, _("Overdue"), 140);
  add_column (view, COLUMN_STATUS, _("Status"), 130);
  return pair;
}
