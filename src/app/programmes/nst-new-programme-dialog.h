/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/nst-programme.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* «Новая программа»: the pair (unless given) and the template to start
 * from, for the school's current year; the answer is a programme prepared
 * by nst_store_prepare_programme(), not yet saved. The dialog owns
 * @user_data and frees it with @destroy. */

typedef void (*NstProgrammeReadyFunc) (GtkWindow    *parent,
                                       NstProgramme *programme,
                                       gpointer      user_data);

GtkWidget *nst_new_programme_dialog_present (GtkWindow             *parent,
                                             NstStore              *store,
                                             gint64                 group_id,
                                             NstProgrammeReadyFunc  func,
                                             gpointer               user_data,
                                             GDestroyNotify         destroy);

G_END_DECLS
