/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-registry"

#include "config.h"

#include <glib/gi18n.h>

#include "schedule/nst-date.h"
#include "model/nst-participant.h"
#include "registry/nst-registry-columns.h"
#include "text/nst-ru-text.h"
#include "widgets/nst-slot-list.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_CATEGORY,
  COLUMN_POST,
  COLUMN_SUBJECTS,
  COLUMN_TEACHING,
  COLUMN_MENTORING,
  COLUMN_QUALIFICATION,
  COLUMN_YOUNG,
  COLUMN_CONSENTS,
  N_COLUMNS
} Column;

/* ---- cells ------------------------------------------------------------- */

static GDate *
today (void)
{
  /* Experience is counted to today; the registry is reloaded with the program. */
  static GDate date;

  if (!g_date_valid (&date))
    nst_date_today (&date);
  return &date;
}

static char *
years_text (const char *since_iso)
{
  int years = nst_date_years_since_iso (since_iso, today ());

  return years < 0 ? g_strdup ("—") : g_strdup_printf ("%d", years);
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
  if (column == COLUMN_TEACHING || column == COLUMN_MENTORING)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  if (column == COLUMN_SUBJECTS || column == COLUMN_QUALIFICATION)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static NstParticipant *
item_participant (GtkListItem *item)
{
  return nst_slot_get_item (gtk_list_item_get_item (item));
}

static char *
cell_text (NstParticipant *p,
           Column          column)
{
  switch (column)
    {
    case COLUMN_NAME: return nst_participant_dup_full_name (p);
    case COLUMN_CATEGORY: return g_strdup (nst_category_label (nst_participant_get_category (p)));
    case COLUMN_POST: return g_strdup (nst_participant_get_post_or_class (p));
    case COLUMN_SUBJECTS: return g_strdup (nst_participant_get_subjects (p));
    case COLUMN_TEACHING: return years_text (nst_participant_get_teaching_since (p));
    case COLUMN_MENTORING: return years_text (nst_participant_get_mentoring_since (p));
    case COLUMN_QUALIFICATION:
      return g_strdup (nst_participant_get_category (p) == NST_CATEGORY_STUDENT ? "" :
                       nst_qualification_label (nst_participant_get_qualification (p)));
    case COLUMN_YOUNG: return g_strdup (nst_participant_get_young_specialist (p) ? _("yes") : "");
    case COLUMN_CONSENTS:
    case N_COLUMNS:
    default: break;
    }
  return g_strdup ("");
}

static void
render_label (GtkListItem *item,
              Column       column)
{
  NstParticipant *p = item_participant (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (p, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == COLUMN_NAME)
    {
      /* Archived people stay findable but look retired. */
      if (nst_participant_get_archived (p))
        gtk_widget_add_css_class (label, "dim-label");
      else
        gtk_widget_remove_css_class (label, "dim-label");
    }
}

/* The consent state as an icon and words, never by colour alone. */
static void
setup_consent_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
render_consent (GtkListItem *item)
{
  NstParticipant *p = item_participant (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  g_autofree char *summary = nst_participant_dup_consent_summary (p);
  gboolean complete = nst_participant_get_missing_consents (p) == NST_CONSENT_MISSING_NONE;

  gtk_image_set_from_icon_name (GTK_IMAGE (image),
                                complete ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_label_set_text (GTK_LABEL (label), summary);
  gtk_widget_set_css_classes (box, (const char *[]) { complete ? "success" : "warning", NULL });
}

static void
render (GtkListItem *item,
        Column       column)
{
  if (column == COLUMN_CONSENTS)
    render_consent (item);
  else
    render_label (item, column);
}

/* A slot that shows another participant redraws its cells in place. */
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
cached_key (NstParticipant *p,
            Column          column)
{
  static GQuark quarks[N_COLUMNS];
  const char *key;

  if (quarks[column] == 0)
    {
      g_autofree char *name = g_strdup_printf ("nst-sort-key-%d", column);
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

/* Empty dates last in either direction would need the sort order; putting
 * them after all dates keeps «—» together at one end. */
static int
compare_since (const char *a,
               const char *b)
{
  if (*a == '\0' || *b == '\0')
    return (*a == '\0') - (*b == '\0');
  return -strcmp (a, b); /* an earlier date is more years */
}

static int
compare_values (NstParticipant *a,
                NstParticipant *b,
                Column          column)
{
  switch (column)
    {
    case COLUMN_CATEGORY:
      return (int) nst_participant_get_category (a) - (int) nst_participant_get_category (b);
    case COLUMN_TEACHING:
      return compare_since (nst_participant_get_teaching_since (a), nst_participant_get_teaching_since (b));
    case COLUMN_MENTORING:
      return compare_since (nst_participant_get_mentoring_since (a), nst_participant_get_mentoring_since (b));
    case COLUMN_QUALIFICATION:
      return (int) nst_participant_get_qualification (a) - (int) nst_participant_get_qualification (b);
    case COLUMN_YOUNG:
      return nst_participant_get_young_specialist (b) - nst_participant_get_young_specialist (a);
    case COLUMN_CONSENTS:
      return (int) nst_participant_get_missing_consents (b) - (int) nst_participant_get_missing_consents (a);
    case COLUMN_POST:
    case COLUMN_SUBJECTS:
      return strcmp (cached_key (a, column), cached_key (b, column));
    case COLUMN_NAME:
    case N_COLUMNS:
    default:
      return 0;
    }
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  int order = compare_values ((NstParticipant *) a, (NstParticipant *) b, GPOINTER_TO_INT (user_data));

  /* Ties fall back to the name, so equal values still read alphabetically. */
  if (order == 0)
    order = strcmp (nst_participant_get_sort_key ((NstParticipant *) a),
                    nst_participant_get_sort_key ((NstParticipant *) b));
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

  if (column == COLUMN_CONSENTS)
    g_signal_connect (factory, "setup", G_CALLBACK (setup_consent_cb), NULL);
  else
    g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (col, GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (column), NULL)));
  gtk_column_view_column_set_resizable (col, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (col, fixed_width);
  else
    gtk_column_view_column_set_expand (col, TRUE);
  gtk_column_view_append_column (view, col);
  g_object_unref (col);
  return col;
}

GtkColumnViewColumn *
nst_registry_columns_add (GtkColumnView *view)
{
  /* Widths fit a 1200-pixel window; the name takes what is left over. */
  GtkColumnViewColumn *name = add_column (view, COLUMN_NAME, _("Full name"), 275);

  gtk_column_view_column_set_expand (name, TRUE);
  add_column (view, COLUMN_CATEGORY, _("Category"), 125);
  add_column (view, COLUMN_POST, _("Post or class"), 170);
  add_column (view, COLUMN_SUBJECTS, _("Subjects"), 130);
  add_column (view, COLUMN_TEACHING, _("Teaching, yrs"), 70);
  add_column (view, COLUMN_MENTORING, _("Mentoring, yrs"), 80);
  add_column (view, COLUMN_QUALIFICATION, _("Qualification"), 120);
  add_column (view, COLUMN_YOUNG, _("Young spec."), 60);
  add_column (view, COLUMN_CONSENTS, _("Consents"), 170);
  return name;
}
