/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/nst-programme.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_PROGRAMMES_PAGE (nst_programmes_page_get_type ())
G_DECLARE_FINAL_TYPE (NstProgrammesPage, nst_programmes_page, NST, PROGRAMMES_PAGE, AdwBin)

/* «Программы»: the pairs' personalized programmes with their progress,
 * searched, filtered by status and school year, and sorted. */

void        nst_programmes_page_reload        (NstProgrammesPage *self);
void        nst_programmes_page_add_programme (NstProgrammesPage *self);
void        nst_programmes_page_focus_search  (NstProgrammesPage *self);
GListModel *nst_programmes_page_get_visible   (NstProgrammesPage *self);
NstProgramme *nst_programmes_page_dup_selected (NstProgrammesPage *self);

G_END_DECLS
