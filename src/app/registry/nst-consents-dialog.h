/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* «Отметить согласия полученными»: which consents came in, and on what day,
 * for the participants selected in the registry. @marked gets the kinds
 * (bits 1 << NstConsentKind) and the ISO day when the user confirms. */
typedef void (*NstConsentsChosenFunc) (guint       kinds,
                                       const char *signed_on,
                                       gpointer    user_data);

void nst_consents_dialog_present (GtkWindow             *parent,
                                  guint                  n_people,
                                  gboolean               any_mentor,
                                  NstConsentsChosenFunc  chosen,
                                  gpointer               user_data,
                                  GDestroyNotify         destroy);

G_END_DECLS
