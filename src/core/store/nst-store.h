/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/nst-consent.h"
#include "model/nst-participant.h"
#include "schedule/nst-schedule.h"
#include "model/nst-school.h"

G_BEGIN_DECLS

#define NST_STORE_ERROR (nst_store_error_quark ())

typedef enum
{
  NST_STORE_ERROR_FAILED,
  NST_STORE_ERROR_NO_DIRECTORY,
  NST_STORE_ERROR_CORRUPT,
  NST_STORE_ERROR_TOO_NEW,
  NST_STORE_ERROR_LOCKED,
  NST_STORE_ERROR_READ_ONLY,
  NST_STORE_ERROR_FULL,
  NST_STORE_ERROR_NOT_FOUND,
  NST_STORE_ERROR_NOT_EMPTY,
  NST_STORE_ERROR_INVALID,
} NstStoreError;

#define NST_STORE_BACKUPS_KEPT 7

#define NST_TYPE_STORE (nst_store_get_type ())
G_DECLARE_FINAL_TYPE (NstStore, nst_store, NST, STORE, GObject)

GQuark       nst_store_error_quark        (void);
char        *nst_store_default_path       (void);
gboolean     nst_store_prepare_default_directory (const char *path,
                                                  GError    **error);
NstStore    *nst_store_open               (const char  *path,
                                           GError     **error);
NstStore    *nst_store_open_reader        (const char  *path,
                                           GError     **error);
guint64      nst_store_get_change_count   (NstStore    *self);
const char  *nst_store_get_path           (NstStore    *self);
guint        nst_store_get_schema_version (NstStore    *self);
guint        nst_store_latest_schema_version (void);
gboolean     nst_store_backup             (NstStore    *self,
                                           GError     **error);
gboolean     nst_store_backup_daily       (NstStore    *self,
                                           GError     **error);
gboolean     nst_store_backup_to          (NstStore    *self,
                                           const char  *path,
                                           GError     **error);
GPtrArray   *nst_store_list_backups       (const char  *db_path);

gboolean     nst_store_begin              (NstStore    *self,
                                           GError     **error);
gboolean     nst_store_commit             (NstStore    *self,
                                           GError     **error);
void         nst_store_rollback           (NstStore    *self);

/* School */
NstSchool   *nst_store_load_school        (NstStore    *self,
                                           GError     **error);
gboolean     nst_store_save_school        (NstStore    *self,
                                           NstSchool   *school,
                                           GError     **error);
gboolean     nst_store_school_curator     (NstStore    *self,
                                           NstSchool   *school,
                                           char       **name,
                                           char       **post,
                                           gint64      *chosen,
                                           GError     **error);
NstParticipant *nst_store_get_staff_member (NstStore   *self,
                                           gint64       id,
                                           GError     **error);
gboolean     nst_store_is_empty           (NstStore    *self,
                                           gboolean    *empty,
                                           GError     **error);

/* Participants and their consents */

/* What nst_store_mark_consents() did. */
typedef struct
{
  GPtrArray *changed;            /* NstParticipant, as saved, with their consents now */
  GPtrArray *previous;           /* NstParticipant, as they were */
  GPtrArray *previous_consents;  /* GPtrArray of NstConsent, one per previous */
  guint consents;                /* how many consents were recorded */
  guint left_out;                /* people who could not sign some kinds */
} NstConsentsMarking;

GListStore     *nst_store_list_participants   (NstStore        *self,
                                               GError         **error);
void            nst_store_list_participants_async  (NstStore            *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GListStore     *nst_store_list_participants_finish (NstStore            *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
gboolean        nst_store_mark_consents       (NstStore           *self,
                                               GPtrArray          *participants,
                                               guint               kinds,
                                               const char         *signed_on,
                                               NstConsentsMarking *marking,
                                               GError            **error);
gboolean        nst_store_unmark_consents     (NstStore           *self,
                                               NstConsentsMarking *marking,
                                               GError            **error);
void            nst_consents_marking_clear    (NstConsentsMarking *marking);
NstParticipant *nst_store_get_participant     (NstStore        *self,
                                               gint64           id,
                                               GError         **error);
GPtrArray      *nst_store_list_consents       (NstStore        *self,
                                               gint64           participant_id,
                                               GError         **error);
gboolean        nst_store_save_participant    (NstStore        *self,
                                               NstParticipant  *participant,
                                               GPtrArray       *consents,
                                               GError         **error);
gboolean        nst_store_insert_participant_with_id (NstStore  *self,
                                                      NstParticipant *participant,
                                                      GPtrArray *consents,
                                                      GError   **error);
gboolean        nst_store_delete_participant  (NstStore        *self,
                                               gint64           id,
                                               GError         **error);
gboolean        nst_store_set_participant_archived (NstStore   *self,
                                                    gint64      id,
                                                    gboolean    archived,
                                                    GError    **error);
gboolean        nst_store_participant_is_referenced (NstStore  *self,
                                                     gint64     id,
                                                     gboolean  *referenced,
                                                     GError   **error);
gint64          nst_store_count_participants  (NstStore        *self,
                                               GError         **error);

/* School quarters */
gboolean        nst_store_load_quarters       (NstStore                *self,
                                               guint                    school_year,
                                               NstSchoolQuarters       *out,
                                               GError                 **error);
gboolean        nst_store_save_quarters       (NstStore                *self,
                                               const NstSchoolQuarters *quarters,
                                               GError                 **error);
void            nst_store_quarters_func       (guint                    school_year,
                                               NstSchoolQuarters       *out,
                                               gpointer                 store);

G_END_DECLS
