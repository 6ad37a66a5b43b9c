/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-programmes"

#include "config.h"

#include <glib/gi18n.h>

#include "model/nst-programme.h"
#include "programmes/nst-programmes-columns.h"
#include "text/nst-ru-text.h"
#include "widgets/nst-list-columns.h"
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

static GtkWidget *
progress_cell_new (void)
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
  return box;
}

static GtkWidget *
setup_cell (int column)
{
  switch (column)
    {
    case COLUMN_PROGRESS: return progress_cell_new ();
    case COLUMN_OVERDUE: return nst_deadline_badge_new ();
    case COLUMN_STATUS: return nst_status_pill_new ();
    case COLUMN_YEAR: return nst_cell_label_new ("numeric");
    case COLUMN_TITLE: return nst_cell_label_new ("dim-label");
    default: return nst_cell_label_new (NULL);
    }
}

static void
render_progress (GtkWidget    *box,
                 NstProgramme *p)
{
  g_autofree char *text = nst_programme_dup_progress_label (p);
  guint done = 0, due = 0;

  nst_programme_get_progress (p, &done, &due, NULL, NULL);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (gtk_widget_get_last_child (box)), due ? (double) done / due : 0);
}

static void
render_overdue (GtkWidget    *badge,
                NstProgramme *p)
{
  guint overdue = 0;

  nst_programme_get_progress (p, NULL, NULL, NULL, &overdue);
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
render_cell (GtkWidget *cell,
             gpointer   item,
             int        column)
{
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_PROGRESS:
      render_progress (cell, item);
      break;
    case COLUMN_OVERDUE:
      render_overdue (cell, item);
      break;
    case COLUMN_STATUS:
      nst_status_pill_set_programme (cell, nst_programme_get_status (item));
      break;
    default:
      text = cell_text (item, column);
      gtk_label_set_text (GTK_LABEL (cell), text);
    }
}

/* ---- sorting ----------------------------------------------------------- */

static char *
sort_text (gpointer item,
           int      column)
{
  return cell_text (item, column);
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
    case COLUMN_TITLE: return strcmp (nst_list_sort_key (a, column, sort_text), nst_list_sort_key (b, column, sort_text));
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
compare_items (gpointer a,
               gpointer b,
               int      column)
{
  int order = compare_values (a, b, column);

  if (order == 0)
    order = strcmp (nst_list_sort_key (a, COLUMN_PAIR, sort_text), nst_list_sort_key (b, COLUMN_PAIR, sort_text));
  if (order == 0)
    order = (int) nst_programme_get_school_year (b) - (int) nst_programme_get_school_year (a);
  return order;
}

/* ---- columns ----------------------------------------------------------- */

static const NstColumnKind programme_columns = { setup_cell, render_cell, compare_items };

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            Column         column,
            const char    *title,
            int            fixed_width)
{
  return nst_list_column_add (view, &programme_columns, column, title, fixed_width);
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
