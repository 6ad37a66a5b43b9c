/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "nst-application.h"
#include "nst-window.h"

G_BEGIN_DECLS

/* Helpers for tests that drive the real window in-process. */

GtkWidget *nst_test_find_named     (GtkWidget  *root,
                                    const char *name);
GtkWidget *nst_test_find_type      (GtkWidget  *root,
                                    GType       type);
GtkWidget *nst_test_find_label     (GtkWidget  *root,
                                    const char *text);
GtkWidget *nst_test_find_button    (GtkWidget  *root,
                                    const char *label);
GtkWindow *nst_test_find_toplevel  (GType       type);
gboolean   nst_test_press_shortcut (GtkWidget       *widget,
                                    guint            keyval,
                                    GdkModifierType  modifiers);
gboolean   nst_test_wait_for       (gboolean  (*condition) (gpointer data),
                                    gpointer    data,
                                    guint       timeout_ms);
void       nst_test_drain          (void);
NstWindow *nst_test_start_app      (NstApplication **app,
                                    const char      *db_path);
void       nst_test_stop_app       (NstApplication **app,
                                    NstWindow       *window);
void       nst_test_remove_dir     (const char      *dir);

G_END_DECLS
