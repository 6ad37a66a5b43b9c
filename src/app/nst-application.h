/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_TYPE_APPLICATION (nst_application_get_type ())
G_DECLARE_FINAL_TYPE (NstApplication, nst_application, NST, APPLICATION, AdwApplication)

NstApplication *nst_application_new               (void);
const char     *nst_application_get_database_path (NstApplication *self);
void            nst_application_set_database_path (NstApplication *self,
                                                   const char     *path);

G_END_DECLS
