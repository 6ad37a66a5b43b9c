/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NST_TYPE_FORM_WINDOW (nst_form_window_get_type ())
G_DECLARE_DERIVABLE_TYPE (NstFormWindow, nst_form_window, NST, FORM_WINDOW, AdwWindow)

/* A modal form that saves or is cancelled: the Save action (form.save,
 * Ctrl+Enter, Ctrl+S), Escape and Cancel (window.close) that ask before
 * unsaved changes are lost, and the toasts that say what went wrong.
 *
 * @dup_state: the form as it stands, as a string, to tell whether anything
 *   changed since nst_form_window_mark_saved_state()
 * @save: checks and saves the form; returns %TRUE when saved, and the
 *   window then closes. Runs even while Save is insensitive, so that
 *   Ctrl+Enter on a wrong form can point at what is wrong. */
struct _NstFormWindowClass
{
  AdwWindowClass parent_class;

  char     *(*dup_state) (NstFormWindow *self);
  gboolean  (*save)      (NstFormWindow *self);
};

void nst_form_window_set_toast_overlay  (NstFormWindow   *self,
                                         AdwToastOverlay *overlay);
void nst_form_window_set_discard_body   (NstFormWindow   *self,
                                         const char      *body);
void nst_form_window_mark_saved_state   (NstFormWindow   *self);
void nst_form_window_set_can_save       (NstFormWindow   *self,
                                         gboolean         can_save);
void nst_form_window_show_error         (NstFormWindow   *self,
                                         const char      *heading,
                                         const GError    *error);
void nst_form_window_show_problems      (NstFormWindow   *self);
void nst_form_window_dismiss_problems   (NstFormWindow   *self);

G_END_DECLS
