/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/nst-programme.h"
#include "model/nst-roadmap.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* The roadmap's and the programmes' dated occurrences as an iCalendar file
 * (RFC 5545) that GNOME Calendar and Thunderbird import: one all-day event
 * an occurrence, a day or a span (DTEND is the day after the last, as
 * RFC 5545 wants for dates). SUMMARY is the item's content or activity;
 * DESCRIPTION says where it comes from (the roadmap's section and №, or
 * the pair and the programme's year), the schedule as written, who is
 * responsible, the expected result, and when it was done.
 *
 * Each event's UID is made from the item's id and the occurrence's due
 * day (roadmap-<id>-<YYYYMMDD>@nastavnik, plan-<id>-<YYYYMMDD>@nastavnik),
 * so importing a newer export updates the events instead of doubling
 * them. STATUS is CANCELLED for what will not happen (an occurrence
 * cancelled on the roadmap, or due after its programme ended without
 * being done), TENTATIVE for what a draft programme plans and is not done
 * yet, CONFIRMED otherwise; events are TRANSPARENT, so they do not make
 * anyone busy.
 *
 * A plan item whose schedule the program does not understand («по
 * запросу») has no dates of its own and is left out; so are roadmap items
 * without dates. */

typedef struct _NstExportCalendar NstExportCalendar;

NstExportCalendar *nst_export_calendar_new           (void);
void               nst_export_calendar_free          (NstExportCalendar *self);
void               nst_export_calendar_add_roadmap   (NstExportCalendar *self,
                                                      NstRoadmap        *roadmap,
                                                      NstQuartersFunc    quarters_for,
                                                      gpointer           user_data);
void               nst_export_calendar_add_programme (NstExportCalendar *self,
                                                      NstProgramme      *programme);
guint              nst_export_calendar_get_n_events  (NstExportCalendar *self);
GBytes            *nst_export_calendar_to_bytes      (NstExportCalendar *self,
                                                      GDateTime         *stamp);
gboolean           nst_export_calendar               (NstStore          *store,
                                                      const char        *path,
                                                      guint             *n_events,
                                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstExportCalendar, nst_export_calendar_free)

G_END_DECLS
