/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-row-message"

#include "config.h"

#include "widgets/nst-row-message.h"

static GtkWidget *
message_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

/**
 * nst_row_message_init:
 * @row: the row the message is about
 *
 * Makes the message row, hidden. Place it with nst_row_message_place(), or
 * add @self->message_row right after @row where the list is not at hand
 * (inside an AdwExpanderRow).
 */
void
nst_row_message_init (NstRowMessage *self,
                      GtkWidget     *row)
{
  GtkWidget *label = message_label_new ();

  self->row = row;
  self->label = GTK_LABEL (label);
  self->shown = FALSE;
  self->message_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->message_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self->message_row), FALSE);
  gtk_widget_set_visible (self->message_row, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                  -1);
}

/* Puts the message right under its row, in the row's boxed list. */
void
nst_row_message_place (NstRowMessage *self)
{
  GtkWidget *list = gtk_widget_get_parent (self->row);

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  gtk_list_box_insert (GTK_LIST_BOX (list), self->message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->row)) + 1);
}

/**
 * nst_row_message_show:
 * @problem: (nullable): what is wrong, or %NULL when nothing is
 * @reveal: %FALSE while the user has not touched a field of a new form,
 *   so that an empty form does not greet them with a list of complaints
 *
 * Returns: whether the message now shows; a hidden row shows none
 */
gboolean
nst_row_message_show (NstRowMessage *self,
                      const char    *problem,
                      gboolean       reveal)
{
  gboolean shown = problem != NULL && reveal && gtk_widget_get_visible (self->row);

  gtk_label_set_text (self->label, problem ? problem : "");
  gtk_widget_set_visible (self->message_row, shown);
  /* Takes off only the mark it put on: a date row marks itself while its
   * text is no date, and that mark is the date row's to take off. */
  if (shown)
    gtk_widget_add_css_class (self->row, "error");
  else if (self->shown)
    gtk_widget_remove_css_class (self->row, "error");
  self->shown = shown;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->row), GTK_ACCESSIBLE_STATE_INVALID,
                               shown ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  return shown;
}
