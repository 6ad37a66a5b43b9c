/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-registry"

#include "config.h"

#include <glib/gi18n.h>

#include "schedule/nst-date.h"
#include "model/nst-participant.h"
#include "registry/nst-registry-columns.h"
#include "text/nst-ru-text.h"
#include "widgets/nst-list-columns.h"

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

static gboolean consent_query_tooltip (GtkWidget *box, int x, int y, gboolean keyboard,
                                       GtkTooltip *tooltip, gpointer data);

static GtkWidget *
setup_cell (int column)
{
  GtkWidget *box, *label;

  switch (column)
    {
    case COLUMN_CONSENTS:
      /* The consent state as an icon and words, never by colour alone. */
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_has_tooltip (box, TRUE);
      g_signal_connect (box, "query-tooltip", G_CALLBACK (consent_query_tooltip), NULL);
      gtk_box_append (GTK_BOX (box), gtk_image_new ());
      /* Not ellipsized: the longest state fits, and an ellipsized label
       * costs every keystroke a millisecond over 200 rows. */
      label = gtk_label_new (NULL);
      gtk_box_append (GTK_BOX (box), label);
      return box;
    case COLUMN_TEACHING:
    case COLUMN_MENTORING:
      label = nst_cell_label_new ("numeric");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      return label;
    case COLUMN_SUBJECTS:
    case COLUMN_QUALIFICATION:
      return nst_cell_label_new ("dim-label");
    default:
      return nst_cell_label_new (NULL);
    }
}

static void
render_label (GtkWidget      *label,
              NstParticipant *p,
              Column          column)
{
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

/* The state in full, on hover: the cell has room for a few words only. */
static const char *
consent_tooltip (NstConsentMissing missing)
{
  switch ((guint) missing)
    {
    case NST_CONSENT_MISSING_NONE: return NULL;
    case NST_CONSENT_MISSING_PROCESSING: return _("No consent to the processing of personal data");
    case NST_CONSENT_MISSING_MENTOR: return _("No mentor's written consent, which a mentor gives before the order");
    default: return _("Neither the consent to the processing of personal data nor the mentor's consent");
    }
}

static gboolean
consent_query_tooltip (GtkWidget  *box,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    data)
{
  const char *text = consent_tooltip (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "nst-missing")));

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
render_consent (GtkWidget      *box,
                NstParticipant *p)
{
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  g_autofree char *summary = nst_participant_dup_consent_summary (p);
  gboolean complete = nst_participant_get_missing_consents (p) == NST_CONSENT_MISSING_NONE;
  const char *tone = complete ? "success" : "warning";

  gtk_label_set_text (GTK_LABEL (label), summary);
  /* The tooltip is asked for on hover (consent_query_tooltip): setting
   * one at every bind cost a keystroke 35 ms over 200 rows. */
  g_object_set_data (G_OBJECT (box), "nst-missing", GUINT_TO_POINTER (nst_participant_get_missing_consents (p)));
  /* A keystroke redraws some 200 rows: the icon and the style only when
   * they change, as looking them up again costs more than the text. */
  if (gtk_widget_has_css_class (box, tone))
    return;
  gtk_image_set_from_icon_name (GTK_IMAGE (image), complete ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_set_css_classes (box, (const char *[]) { tone, NULL });
}

static void
render_cell (GtkWidget *cell,
             gpointer   item,
             int        column)
{
  if (column == COLUMN_CONSENTS)
    render_consent (cell, item);
  else
    render_label (cell, item, column);
}

/* ---- sorting ----------------------------------------------------------- */

static char *
sort_text (gpointer item,
           int      column)
{
  return cell_text (item, column);
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
      return strcmp (nst_list_sort_key (a, column, sort_text), nst_list_sort_key (b, column, sort_text));
    case COLUMN_NAME:
    case N_COLUMNS:
    default:
      return 0;
    }
}

static int
compare_items (gpointer a,
               gpointer b,
               int      column)
{
  int order = compare_values (a, b, column);

  /* Ties fall back to the name, so equal values still read alphabetically. */
  if (order == 0)
    order = strcmp (nst_participant_get_sort_key (a), nst_participant_get_sort_key (b));
  return order;
}

/* ---- columns ----------------------------------------------------------- */

static const NstColumnKind participant_columns = { setup_cell, render_cell, compare_items };

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            Column         column,
            const char    *title,
            int            fixed_width)
{
  return nst_list_column_add (view, &participant_columns, column, title, fixed_width);
}

GtkColumnViewColumn *
nst_registry_columns_add (GtkColumnView *view)
{
  /* Widths fit a 1200-pixel window; the name takes what is left over. The
   * titles are whole words: a narrow column's title of two words takes two
   * lines, and «Педстаж», the word schools use, says in full on hover. */
  GtkColumnViewColumn *name = add_column (view, COLUMN_NAME, _("Full name"), 215);

  gtk_column_view_column_set_expand (name, TRUE);
  add_column (view, COLUMN_CATEGORY, _("Category"), 115);
  add_column (view, COLUMN_POST, _("Post or class"), 140);
  add_column (view, COLUMN_SUBJECTS, _("Subjects"), 100);
  nst_list_column_set_header (add_column (view, COLUMN_TEACHING, _("Teaching, yrs"), 80),
                              _("Teaching experience, full years"), TRUE);
  nst_list_column_set_header (add_column (view, COLUMN_MENTORING, _("Mentoring, yrs"), 100),
                              _("Mentoring experience, full years"), TRUE);
  add_column (view, COLUMN_QUALIFICATION, _("Qualification"), 112);
  nst_list_column_set_header (add_column (view, COLUMN_YOUNG, _("Young specialist"), 100),
                              _("Young specialist: in the first three years of teaching after college "
                                "or university"), TRUE);
  nst_list_column_set_header (add_column (view, COLUMN_CONSENTS, _("Consents"), 230),
                              _("Consents to the processing of personal data and, for mentors, "
                                "the mentor's consent"), FALSE);
  return name;
}
