/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pairs/nst-pairs-page.h"
#include "programmes/nst-programmes-page.h"
#include "registry/nst-registry-page.h"
#include "nst-window.h"

G_BEGIN_DECLS

/* The «Документы» menu of the header bar: what the current tab can print,
 * each document saved where the user chooses, with a toast to open it. */

void       nst_documents_menu_attach           (NstWindow         *window,
                                                GtkMenuButton     *button,
                                                NstRegistryPage   *registry_page,
                                                NstPairsPage      *pairs_page,
                                                NstProgrammesPage *programmes_page);
void       nst_documents_menu_update           (NstWindow         *window);

/* The code paths behind the menu, after the file is chosen. */
void       nst_documents_save_missing_consents (NstWindow         *window,
                                                GFile             *file);
gboolean   nst_documents_is_busy               (NstWindow         *window);
gboolean   nst_documents_save_pairs_order      (NstWindow         *window,
                                                GFile             *file);
GtkWindow *nst_documents_show_journal          (NstWindow         *window);

G_END_DECLS
