/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/nst-roadmap.h"

G_BEGIN_DECLS

/* The seed's roadmap (МАОУ «СОШ № 11», order № 218 о-д of 09.09.2021),
 * built in: five sections, seventeen items, word for word, with their
 * schedules as the program reads them. It was written for the school years
 * 2021/2022 to 2023/2024. */

#define NST_ROADMAP_TEMPLATE_FIRST_YEAR 2021
#define NST_ROADMAP_TEMPLATE_YEARS      3
#define NST_ROADMAP_TEMPLATE_N_SECTIONS 5
#define NST_ROADMAP_TEMPLATE_N_ITEMS    17

NstRoadmap *nst_roadmap_template_new (guint       first_school_year);

G_END_DECLS
