/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "documents/nst-documents.h"
#include "nst-application.h"
#include "nst-page.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_WINDOW (nst_window_get_type ())
G_DECLARE_FINAL_TYPE (NstWindow, nst_window, NST, WINDOW, AdwApplicationWindow)

NstWindow *nst_window_new                 (NstApplication *application,
                                           NstStore       *store);
NstStore  *nst_window_get_store           (NstWindow      *self);
void       nst_window_show_school_dialog  (NstWindow      *self);
void       nst_window_add_toast           (NstWindow      *self,
                                           AdwToast       *toast);
void       nst_window_reload_registry     (NstWindow      *self);
NstPage   *nst_window_get_visible_page    (NstWindow      *self);
NstDocuments *nst_window_get_documents    (NstWindow      *self);

G_END_DECLS
