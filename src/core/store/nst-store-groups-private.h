/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/nst-store-groups.h"
#include "store/nst-store-private.h"

G_BEGIN_DECLS

/* What nst-store-groups.c lends nst-store-programmes.c. Only in that
 * direction: programmes belong to pairs, so the programmes' queries may use
 * the pairs' and not the reverse. */

char       *nst_store_resolve_date         (const char   *given,
                                            const char   *what,
                                            GError      **error);
GHashTable *nst_store_load_groups_by_id    (NstStore     *self,
                                            gint64        only_id,
                                            GError      **error);
GListStore *nst_store_read_history         (NstStore     *self,
                                            const char   *sql,
                                            gint64        owner_id,
                                            GError      **error);
gboolean    nst_store_add_group_history    (NstStore     *self,
                                            gint64        group_id,
                                            const char   *changed_on,
                                            NstChange     change,
                                            const char   *old_value,
                                            const char   *new_value,
                                            const char   *note,
                                            GError      **error);
gboolean    nst_store_add_programme_history (NstStore    *self,
                                             gint64       programme_id,
                                             const char  *changed_on,
                                             NstChange    change,
                                             const char  *old_value,
                                             const char  *new_value,
                                             const char  *reason,
                                             GError     **error);
gboolean    nst_store_write_group_status   (NstStore        *self,
                                            NstGroup        *stored,
                                            NstGroupStatus   status,
                                            NstEndReason     reason,
                                            const char      *ended_on,
                                            GError         **error);
void        nst_store_apply_group_status   (NstGroup        *group,
                                            NstGroupStatus   status,
                                            NstEndReason     reason,
                                            const char      *ended_on);
gboolean    nst_store_check_end_date       (const char   *ended_on,
                                            const char   *starts_on,
                                            GError      **error);
void        nst_store_invalid              (GError      **error,
                                            const char   *format,
                                            ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
