/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-pairs"

#include "config.h"

#include <glib/gi18n.h>

#include "model/nst-group.h"
#include "pairs/nst-pairs-columns.h"
#include "text/nst-ru-text.h"
#include "widgets/nst-slot-list.h"
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

static NstGroup *
item_group (GtkListItem *item)
{
  return nst_slot_get_item (gtk_list_item_get_item (item));
}

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

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_KIND || column == COLUMN_ORDER)
    gtk_widget_add_css_class (label, "dim-label");
  if (column == COLUMN_PERIOD || column == COLUMN_ORDER)
    gtk_widget_add_css_class (label, "numeric");
  nst_cell_tooltip_init (label);
  gtk_list_item_set_child (item, label);
}

/* The form, and the model dimmed after it: one column for the two, so
 * that the list fits a window. */
static void
render_form (GtkListItem *item)
{
  NstGroup *g = item_group (item);
  GtkWidget *label = gtk_list_item_get_child (item);
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
render_label (GtkListItem *item,
              Column       column)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (column == COLUMN_FORM)
    {
      render_form (item);
      return;
    }
  text = cell_text (item_group (item), column);
  /* Long texts are cut: the whole text is a hover away. */
  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gtk_list_item_set_child (item, nst_status_pill_new ());
}

/* Done of due, and what is late beside it, in words and with an icon. */
static void
setup_progress_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *overdue = nst_deadline_badge_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  nst_cell_tooltip_init (label);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), overdue);
  gtk_list_item_set_child (item, box);
}

static void
render_progress (GtkListItem *item)
{
  NstGroup *g = item_group (item);
  GtkWidget *box = gtk_list_item_get_child (item);
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
render (GtkListItem *item,
        Column       column)
{
  switch (column)
    {
    case COLUMN_STATUS:
      nst_status_pill_set_group (gtk_list_item_get_child (item), nst_group_get_status (item_group (item)));
      break;
    case COLUMN_PROGRESS:
      render_progress (item);
      break;
    default:
      render_label (item, column);
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
mentees_key (NstGroup *g)
{
  static GQuark quark;
  const char *key;

  if (quark == 0)
    quark = g_quark_from_static_string ("nst-mentees-sort-key");
  key = g_object_get_qdata (G_OBJECT (g), quark);
  if (key == NULL)
    {
      g_autofree char *names = nst_group_dup_mentee_names (g);
      char *new_key = nst_ru_collation_key (names);

      g_object_set_qdata_full (G_OBJECT (g), quark, new_key, g_free);
      key = new_key;
    }
  return key;
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
    case COLUMN_MENTEES: return strcmp (mentees_key (a), mentees_key (b));
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
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  int order = compare_values ((NstGroup *) a, (NstGroup *) b, GPOINTER_TO_INT (user_data));

  /* Ties fall back to the mentor's name, then to the oldest pair. */
  if (order == 0)
    order = strcmp (nst_group_get_sort_key ((NstGroup *) a), nst_group_get_sort_key ((NstGroup *) b));
  if (order == 0)
    order = nst_group_get_id ((NstGroup *) a) < nst_group_get_id ((NstGroup *) b) ? -1
          : nst_group_get_id ((NstGroup *) a) > nst_group_get_id ((NstGroup *) b);
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

  if (column == COLUMN_STATUS)
    g_signal_connect (factory, "setup", G_CALLBACK (setup_status_cb), NULL);
  else if (column == COLUMN_PROGRESS)
    g_signal_connect (factory, "setup", G_CALLBACK (setup_progress_cb), NULL);
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
nst_pairs_columns_add (GtkColumnView *view)
{
  /* The facts a curator looks for first come first; the window's width
   * fits them all, and the mentees take what a wider one leaves. */
  GtkColumnViewColumn *mentor = add_column (view, COLUMN_MENTOR, _("Mentor"), 140);
  GtkColumnViewColumn *mentees = add_column (view, COLUMN_MENTEES, _("Mentees"), 140);

  gtk_column_view_column_set_expand (mentees, TRUE);
  add_column (view, COLUMN_STATUS, _("Status"), 125);
  add_column (view, COLUMN_PROGRESS, _("Programme"), 190);
  add_column (view, COLUMN_PERIOD, _("Period"), 190);
  add_column (view, COLUMN_ORDER, _("Order"), 80);
  add_column (view, COLUMN_FORM, _("Form and model"), 140);
  add_column (view, COLUMN_KIND, _("Kind"), 110);
  return mentor;
}
