/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-status-badge"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/nst-error-toast.h"
#include "widgets/nst-status-badge.h"

static const char *const tone_classes[] = { "accent", "success", "warning", "error", "dim-label", NULL };

static void
set_tone (GtkWidget  *widget,
          const char *tone)
{
  for (guint i = 0; tone_classes[i] != NULL; i++)
    gtk_widget_remove_css_class (widget, tone_classes[i]);
  if (tone != NULL)
    gtk_widget_add_css_class (widget, tone);
}

GtkWidget *
nst_status_pill_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  nst_cell_tooltip_init (label);
  gtk_widget_add_css_class (label, "status-pill");
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static const char *
group_tone (NstGroupStatus status)
{
  switch (status)
    {
    case NST_GROUP_STATUS_APPROVED: return "accent";
    case NST_GROUP_STATUS_ACTIVE: return "success";
    case NST_GROUP_STATUS_TERMINATED: return "warning";
    case NST_GROUP_STATUS_DRAFT:
    case NST_GROUP_STATUS_FINISHED:
    case NST_N_GROUP_STATUSES:
    default: return NULL;
    }
}

/* One word in a narrow column; the whole label is a hover away. */
static const char *
group_short_label (NstGroupStatus status)
{
  switch (status)
    {
    case NST_GROUP_STATUS_DRAFT: return C_("pair status, short", "Draft");
    case NST_GROUP_STATUS_APPROVED: return C_("pair status, short", "Approved");
    case NST_GROUP_STATUS_ACTIVE: return C_("pair status, short", "Active");
    case NST_GROUP_STATUS_FINISHED: return C_("pair status, short", "Finished");
    case NST_GROUP_STATUS_TERMINATED: return C_("pair status, short", "Terminated");
    case NST_N_GROUP_STATUSES:
    default: return "";
    }
}

void
nst_status_pill_set_group (GtkWidget      *pill,
                           NstGroupStatus  status)
{
  g_autofree char *full = nst_capitalize (nst_group_status_label (status));

  gtk_label_set_text (GTK_LABEL (pill), group_short_label (status));
  nst_cell_tooltip_set (pill, full);
  set_tone (pill, group_tone (status));
}

void
nst_status_pill_set_programme (GtkWidget          *pill,
                               NstProgrammeStatus  status)
{
  g_autofree char *text = nst_capitalize (nst_programme_status_label (status));

  gtk_label_set_text (GTK_LABEL (pill), text);
  set_tone (pill, status == NST_PROGRAMME_STATUS_ACTIVE ? "success"
                : status == NST_PROGRAMME_STATUS_TERMINATED ? "warning" : NULL);
}

/* An icon and words in a box: the icon is decoration, the words are read. */
GtkWidget *
nst_deadline_badge_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

const char *
nst_deadline_icon_name (NstDeadlineState state)
{
  switch (state)
    {
    case NST_DEADLINE_DONE: return "emblem-ok-symbolic";
    case NST_DEADLINE_OVERDUE: return "dialog-warning-symbolic";
    case NST_DEADLINE_DUE_SOON: return "alarm-symbolic";
    case NST_DEADLINE_CANCELLED: return "process-stop-symbolic";
    case NST_DEADLINE_PLANNED:
    default: return "radio-symbolic";
    }
}

const char *
nst_deadline_style_class (NstDeadlineState state)
{
  switch (state)
    {
    case NST_DEADLINE_DONE: return "success";
    case NST_DEADLINE_OVERDUE: return "error";
    case NST_DEADLINE_DUE_SOON: return "warning";
    case NST_DEADLINE_CANCELLED:
    case NST_DEADLINE_PLANNED:
    default: return "dim-label";
    }
}

/**
 * nst_deadline_badge_set:
 * @text: (nullable): the words to show; %NULL for the state's name
 */
void
nst_deadline_badge_set (GtkWidget        *badge,
                        NstDeadlineState  state,
                        const char       *text)
{
  GtkWidget *image = gtk_widget_get_first_child (badge);
  GtkWidget *label = gtk_widget_get_last_child (badge);
  g_autofree char *words = nst_capitalize (text ? text : nst_deadline_state_label (state));

  gtk_image_set_from_icon_name (GTK_IMAGE (image), nst_deadline_icon_name (state));
  gtk_label_set_text (GTK_LABEL (label), words);
  set_tone (badge, nst_deadline_style_class (state));
}

/* Labels in the core are written to stand inside a sentence. */
char *
nst_capitalize (const char *text)
{
  g_autofree char *first = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  first = g_utf8_strup (text, g_utf8_next_char (text) - text);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

/* A list of capitalized labels, for a combo row or a drop-down. */
GListModel *
nst_label_list_new (const char *(*label_of) (guint),
                    guint        n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = nst_capitalize (label_of (i));

      gtk_string_list_append (list, text);
    }
  return G_LIST_MODEL (list);
}

/* GTK 4.8 names a drop-down's inner button after its type, «GtkToggleButton»,
 * which is what a screen reader would say: give it the drop-down's name. */
void
nst_name_drop_down_button (GtkDropDown *drop_down,
                           const char  *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

GtkWindow *
nst_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The nearest toast overlay: the window's, or an editor's own. */
/* A list tab's «Показано N из M», and which of its pages shows: "empty"
 * when there is nothing at all, "no-results" when the filters hide
 * everything, else "list". */
void
nst_list_show_count (GtkLabel   *count_label,
                     GtkStack   *content_stack,
                     GListModel *all,
                     GListModel *shown)
{
  guint total = g_list_model_get_n_items (all);
  guint n_shown = g_list_model_get_n_items (shown);
  g_autofree char *text = g_strdup_printf (_("Showing %u of %u"), n_shown, total);

  gtk_label_set_text (count_label, text);
  gtk_stack_set_visible_child_name (content_stack,
                                    total == 0 ? "empty" : n_shown == 0 ? "no-results" : "list");
}

void
nst_widget_show_toast (GtkWidget *widget,
                       AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
nst_widget_show_error (GtkWidget    *widget,
                       const char   *heading,
                       const GError *error)
{
  nst_widget_show_toast (widget, nst_error_toast_new (nst_widget_get_window (widget), heading, error));
}

static GQuark
tooltip_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("nst-cell-tooltip");
  return quark;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());

  if (text == NULL && GTK_IS_LABEL (widget) &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    text = gtk_label_get_text (GTK_LABEL (widget));
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * nst_cell_tooltip_init:
 *
 * A list cell's tooltip, asked for only when the pointer rests on it: a
 * label cut short shows its whole text, and nst_cell_tooltip_set() gives
 * any other. Setting tooltips as rows are filled would cost GTK 4.8 a
 * tooltip query per cell on every keystroke of a search.
 */
void
nst_cell_tooltip_init (GtkWidget *widget)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

/* @text: (nullable): the tooltip, or %NULL for a cut label's own text */
void
nst_cell_tooltip_set (GtkWidget  *widget,
                      const char *text)
{
  g_object_set_qdata_full (G_OBJECT (widget), tooltip_quark (), g_strdup (text), g_free);
}
