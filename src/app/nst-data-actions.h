/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nst-window.h"

G_BEGIN_DECLS

/* The main menu's «Импорт…», «Экспорт…», «Экспорт в календарь…» and «Резервная копия…». */

void nst_data_actions_import (NstWindow *window);
void nst_data_actions_export (NstWindow *window);
void nst_data_actions_export_calendar (NstWindow *window);
void nst_data_actions_backup (NstWindow *window);

G_END_DECLS
