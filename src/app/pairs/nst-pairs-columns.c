/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-pairs"

#include "config.h"

#include <glib/gi18n.h>

#include "model/nst-group.h"
#include "pairs/nst-pairs-columns.h"
#include "text/nst-ru-text.h"
#include "widgets/nst-list-columns.h"
#include "widgets/nst-status-badge.h"

typedef enum
{
  COLUMN_MENTOR,
  COLUMN_MENTEES,
  COLUMN_FORM,    /* and the interaction model, when the form has one */
  COLUMN_KIND,
  COLUMN_PERIOD,
  COLUMN_STATUS,
  COLUMN_ORDER,
  COLUMN_PROGRESS,
  N_COLUMNS
} Column;

/* ---- cells ------------------------------------------------------------- */

/* «Алексеев И.Г., Орлова О.Н.»: full names do not fit a list of pairs;
 * the tooltip still gives them whole. */
static char *
short_person_names (const char *names)
{
  g_auto(GStrv) people = g_strsplit (names ? names : "", ", ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; people[i]; i++)
    {
      g_auto(GStrv) words = g_strsplit (people[i], " ", -1);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, words[0]);
      for (guint w = 1; words[0] && words[w]; w++)
        if (*words[w])
          {
            g_string_append (out, w == 1 ? " " : "");
            g_string_append_unichar (out, g_utf8_get_char (words[w]));
            g_string_append_c (out, '.');
          }
    }
  return g_string_free (out, FALSE);
}

static char *
cell_text (NstGroup *g,
           Column    column)
{
  switch (column)
    {
    case COLUMN_MENTOR: return short_person_names (nst_group_get_mentor_name (g));
    case COLUMN_MENTEES:
      {
        g_autofree char *names = nst_group_dup_mentee_names (g);
        return short_person_names (names);
      }
    case COLUMN_FORM: return nst_capitalize (nst_group_form_label (nst_group_get_form (g)));
    case COLUMN_KIND: return nst_capitalize (nst_group_kind_label (nst_group_get_kind (g)));
    case COLUMN_PERIOD: return nst_group_dup_period_label (g);
    case COLUMN_ORDER:
      {
        char *order = nst_group_dup_order_label (g);

        if (*order != '\0')
          return order;
        g_free (order);
        return g_strdup ("—");
      }
    case COLUMN_STATUS:
    case COLUMN_PROGRESS:
    case N_COLUMNS:
    default: break;
    }
  return g_strdup ("");
}

/* Done of due, and what is late beside it, in words and with an icon. */
static GtkWidget *
progress_cell_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_append (GTK_BOX (box), nst_cell_label_new ("numeric"));
  gtk_box_append (GTK_BOX (box), nst_deadline_badge_new ());
  return box;
}

static GtkWidget *
setup_cell (int column)
{
  GtkWidget *label;

  switch (column)
    {
    case COLUMN_STATUS: return nst_status_pill_new ();
    case COLUMN_PROGRESS: return progress_cell_new ();
    case COLUMN_KIND: return nst_cell_label_new ("dim-label");
    case COLUMN_PERIOD: return nst_cell_label_new ("numeric");
    case COLUMN_ORDER:
      label = nst_cell_label_new ("dim-label");
      gtk_widget_add_css_class (label, "numeric");
      return label;
    default: return nst_cell_label_new (NULL);
    }
}

/* The form, and the model dimmed after it: one column for the two, so
 * that the list fits a window. */
static void
render_form (GtkWidget *label,
             NstGroup  *g)
{
  g_autofree char *form = cell_text (g, COLUMN_FORM);
  g_autofree char *model = nst_capitalize (nst_interaction_model_label (nst_group_get_interaction_model (g)));
  g_autofree char *markup = NULL;
  g_autofree char *tooltip = NULL;

  if (*model == '\0')
    {
      gtk_label_set_text (GTK_LABEL (label), form);
      nst_cell_tooltip_set (label, NULL);
      return;
    }
  markup = g_markup_printf_escaped ("%s <span alpha=\"55%%\">· %s</span>", form, model);
  tooltip = g_strdup_printf ("%s\n%s", form, model);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  nst_cell_tooltip_set (label, tooltip);
}

static void
render_progress (GtkWidget *box,
                 NstGroup  *g)
{
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *overdue = gtk_widget_get_last_child (box);
  g_autofree char *progress = nst_group_dup_progress_label (g);
  guint late = nst_group_get_overdue (g);

  gtk_label_set_text (GTK_LABEL (label), *progress ? progress : "—");
  nst_cell_tooltip_set (label, *progress ? _("Activities done of those due by today") : _("No programme yet"));
  gtk_widget_set_visible (overdue, late > 0);
  if (late > 0)
    {
      /* Translators: in the list of pairs, how many activities are late */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", late), late);

      nst_deadline_badge_set (overdue, NST_DEADLINE_OVERDUE, text);
    }
}

static void
render_cell (GtkWidget *cell,
             gpointer   item,
             int        column)
{
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_STATUS:
      nst_status_pill_set_group (cell, nst_group_get_status (item));
      break;
    case COLUMN_PROGRESS:
      render_progress (cell, item);
      break;
    case COLUMN_FORM:
      render_form (cell, item);
      break;
    default:
      /* Long texts are cut: the whole text is a hover away. */
      text = cell_text (item, column);
      gtk_label_set_text (GTK_LABEL (cell), text);
    }
}

/* ---- sorting ----------------------------------------------------------- */

/* The mentees sort by their full names, not the short ones shown. */
static char *
sort_text (gpointer item,
           int      column)
{
  return nst_group_dup_mentee_names (item);
}

/* Undated last, whichever way the column sorts. */
static int
compare_dates (const char *a,
               const char *b)
{
  if (*a == '\0' || *b == '\0')
    return (*a == '\0') - (*b == '\0');
  return strcmp (a, b);
}

/* Most overdue first, then the least done. */
static int
compare_progress (NstGroup *a,
                  NstGroup *b)
{
  guint da = nst_group_get_progress_due (a), db = nst_group_get_progress_due (b);
  double ra = da ? (double) nst_group_get_progress_done (a) / da : 1.0;
  double rb = db ? (double) nst_group_get_progress_done (b) / db : 1.0;

  if (nst_group_get_overdue (a) != nst_group_get_overdue (b))
    return nst_group_get_overdue (a) > nst_group_get_overdue (b) ? -1 : 1;
  if ((nst_group_get_programme_id (a) == 0) != (nst_group_get_programme_id (b) == 0))
    return nst_group_get_programme_id (a) == 0 ? 1 : -1;
  return ra < rb ? -1 : ra > rb;
}

static int
compare_values (NstGroup *a,
                NstGroup *b,
                Column    column)
{
  switch (column)
    {
    case COLUMN_MENTEES: return strcmp (nst_list_sort_key (a, column, sort_text), nst_list_sort_key (b, column, sort_text));
    case COLUMN_FORM:
      if (nst_group_get_form (a) != nst_group_get_form (b))
        return (int) nst_group_get_form (a) - (int) nst_group_get_form (b);
      return (int) nst_group_get_interaction_model (a) - (int) nst_group_get_interaction_model (b);
    case COLUMN_KIND: return (int) nst_group_get_kind (a) - (int) nst_group_get_kind (b);
    case COLUMN_PERIOD: return compare_dates (nst_group_get_starts_on (a), nst_group_get_starts_on (b));
    case COLUMN_STATUS: return (int) nst_group_get_status (a) - (int) nst_group_get_status (b);
    case COLUMN_ORDER: return compare_dates (nst_group_get_order_date (a), nst_group_get_order_date (b));
    case COLUMN_PROGRESS: return compare_progress (a, b);
    case COLUMN_MENTOR:
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

  /* Ties fall back to the mentor's name, then to the oldest pair. */
  if (order == 0)
    order = strcmp (nst_group_get_sort_key (a), nst_group_get_sort_key (b));
  if (order == 0)
    order = nst_group_get_id (a) < nst_group_get_id (b) ? -1 : nst_group_get_id (a) > nst_group_get_id (b);
  return order;
}

/* ---- columns ----------------------------------------------------------- */

static const NstColumnKind group_columns = { setup_cell, render_cell, compare_items };

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            Column         column,
            const char    *title,
            int            fixed_width)
{
  return nst_list_column_add (view, &group_columns, column, title, fixed_width);
}

GtkColumnViewColumn *
nst_pairs_columns_add (GtkColumnView *view)
{
  /* The facts a curator looks for first come first; the window's width
   * fits them all, and the mentees take what a wider one leaves. */
  GtkColumnViewColumn *mentor = add_column (view, COLUMN_MENTOR, _("Mentor"), 140);
  GtkColumnViewColumn *mentees = add_column (view, COLUMN_MENTEES, _("Mentees"), 130);

  gtk_column_view_column_set_expand (mentees, TRUE);
  add_column (view, COLUMN_STATUS, _("Status"), 120);
  add_column (view, COLUMN_PROGRESS, _("Programme"), 170);
  /* «с 15.09.2024 по 29.05.2026» and «№ 219 о-д от 01.09.2025» whole. */
  add_column (view, COLUMN_PERIOD, _("Period"), 202);
  add_column (view, COLUMN_ORDER, _("Order"), 172);
  add_column (view, COLUMN_FORM, _("Form and model"), 135);
  add_column (view, COLUMN_KIND, _("Kind"), 100);
  return mentor;
}
