/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *nst_error_toast_new (GtkWindow    *parent,
                               const char   *heading,
                               const GError *error);

G_END_DECLS
