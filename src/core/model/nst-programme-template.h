/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/nst-group.h"
#include "model/nst-plan-item.h"

G_BEGIN_DECLS

/* A plan to start programmes from: the seed's «педагог – педагог» plan is
 * built in (it cannot be deleted), and any programme can be saved as one.
 * Its dated schedules belong to "school-year"; a programme made from it
 * moves them into its own year (nst_schedule_text_shift_years()). */

/* "form" of a template good for any form. */
#define NST_TEMPLATE_ANY_FORM NST_N_GROUP_FORMS

#define NST_TYPE_PROGRAMME_TEMPLATE (nst_programme_template_get_type ())
G_DECLARE_FINAL_TYPE (NstProgrammeTemplate, nst_programme_template, NST, PROGRAMME_TEMPLATE, GObject)

NstProgrammeTemplate *nst_programme_template_new           (void);
gint64       nst_programme_template_get_id              (NstProgrammeTemplate *self);
void         nst_programme_template_set_id              (NstProgrammeTemplate *self,
                                                         gint64                id);
const char  *nst_programme_template_get_title           (NstProgrammeTemplate *self);
void         nst_programme_template_set_title           (NstProgrammeTemplate *self,
                                                         const char           *title);
guint        nst_programme_template_get_form            (NstProgrammeTemplate *self);
void         nst_programme_template_set_form            (NstProgrammeTemplate *self,
                                                         guint                 form);
gboolean     nst_programme_template_get_builtin         (NstProgrammeTemplate *self);
void         nst_programme_template_set_builtin         (NstProgrammeTemplate *self,
                                                         gboolean              builtin);
guint        nst_programme_template_get_school_year     (NstProgrammeTemplate *self);
void         nst_programme_template_set_school_year     (NstProgrammeTemplate *self,
                                                         guint                 start_year);
const char  *nst_programme_template_get_request         (NstProgrammeTemplate *self);
void         nst_programme_template_set_request         (NstProgrammeTemplate *self,
                                                         const char           *request);
const char  *nst_programme_template_get_goal            (NstProgrammeTemplate *self);
void         nst_programme_template_set_goal            (NstProgrammeTemplate *self,
                                                         const char           *goal);
const char  *nst_programme_template_get_tasks           (NstProgrammeTemplate *self);
void         nst_programme_template_set_tasks           (NstProgrammeTemplate *self,
                                                         const char           *tasks);
const char  *nst_programme_template_get_expected_result (NstProgrammeTemplate *self);
void         nst_programme_template_set_expected_result (NstProgrammeTemplate *self,
                                                         const char           *expected_result);
GListModel  *nst_programme_template_get_items           (NstProgrammeTemplate *self);
void         nst_programme_template_set_items           (NstProgrammeTemplate *self,
                                                         GPtrArray            *items);
const char  *nst_programme_template_get_form_label      (NstProgrammeTemplate *self);

/* Schedules' years moved by @years: «до 01.11.2021» → «до 01.11.2025»,
 * «Январь 2021 Сентябрь 2022» → «Январь 2025 Сентябрь 2026»; 29.02 of a
 * year that is not leap becomes 28.02. */
char        *nst_schedule_text_shift_years              (const char           *text,
                                                         int                   years);

G_END_DECLS
