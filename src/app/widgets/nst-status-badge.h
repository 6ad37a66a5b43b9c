/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/nst-group.h"
#include "model/nst-programme.h"
#include "schedule/nst-schedule.h"

G_BEGIN_DECLS

/* States shown the same way in every list and editor of pairs and
 * programmes: a pill with the status in words, or an icon with words for
 * a deadline (✓ done, ! overdue, a clock when due soon, a hollow mark when
 * planned). Colour only adds to the words, never replaces them. */

GtkWidget  *nst_status_pill_new             (void);
void        nst_status_pill_set_group       (GtkWidget          *pill,
                                             NstGroupStatus      status);
void        nst_status_pill_set_programme   (GtkWidget          *pill,
                                             NstProgrammeStatus  status);

GtkWidget  *nst_deadline_badge_new          (void);
void        nst_deadline_badge_set          (GtkWidget          *badge,
                                             NstDeadlineState    state,
                                             const char         *text);
const char *nst_deadline_icon_name          (NstDeadlineState    state);
const char *nst_deadline_style_class        (NstDeadlineState    state);

char       *nst_capitalize                  (const char         *text);
GListModel *nst_label_list_new              (const char *(*label_of) (guint),
                                             guint               n);
void        nst_name_drop_down_button       (GtkDropDown        *drop_down,
                                             const char         *name);
void        nst_list_show_count             (GtkLabel           *count_label,
                                             GtkStack           *content_stack,
                                             GListModel         *all,
                                             GListModel         *shown);
void        nst_widget_show_toast           (GtkWidget          *widget,
                                             AdwToast           *toast);
void        nst_widget_show_error           (GtkWidget          *widget,
                                             const char         *heading,
                                             const GError       *error);
GtkWindow  *nst_widget_get_window           (GtkWidget          *widget);
void        nst_cell_tooltip_init           (GtkWidget          *widget);
void        nst_cell_tooltip_set            (GtkWidget          *widget,
                                             const char         *text);

G_END_DECLS
