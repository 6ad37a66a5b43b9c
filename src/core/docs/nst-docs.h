/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "docs/nst-doc-template.h"
#include "model/nst-consent.h"
#include "model/nst-group.h"
#include "model/nst-order.h"
#include "model/nst-participant.h"
#include "docs/nst-pdf.h"
#include "model/nst-programme.h"
#include "model/nst-roadmap.h"
#include "model/nst-school.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

/* The documents, one function each in its own file, drawn with the layout
 * engine of nst-pdf.h. The texts are Russian legal text: data, not
 * interface strings. Every document starts on a new page of the #NstPdf it
 * is given, so that a batch puts many into one file. */

typedef struct
{
  NstSchool *school;
  GDate      today;       /* the date of the documents */
  NstOrder  *regulation;  /* (nullable) the order that approved the school's
                           * mentoring regulations, which consents cite */
} NstDocContext;

void      nst_doc_context_init   (NstDocContext  *context,
                                  NstSchool      *school,
                                  NstOrder       *regulation);

/* ---- orders ---------------------------------------------------------------- */

typedef struct
{
  char *name;   /* «Иванова Мария Петровна» */
  char *post;   /* a post, or a class for a student */
} NstDocReader;

typedef void (*NstDocAppendixFunc) (NstPdf   *pdf,
                                    NstOrder *order,
                                    gpointer  user_data);

/* What an order changes in the registry once it is in the journal: runs
 * inside the journal's transaction, and a failure undoes all of it. */
typedef gboolean (*NstDocRegisterFunc) (NstStore  *store,
                                        NstOrder  *order,
                                        gpointer   user_data,
                                        GError   **error);

/* What an order says, before it has a number: the kind's own code makes it
 * from the template, the common code prints it with the requisites. */
typedef struct
{
  char               *kind;
  GDate               date;
  char               *heading;
  GPtrArray          *blocks;    /* NstOrderBlock */
  GPtrArray          *readers;   /* NstDocReader: the acknowledgement sheet */
  GHashTable         *values;    /* the facts the text was filled with */
  NstDocAppendixFunc  appendix;  /* (nullable) draws the appendices */
  NstDocRegisterFunc  registered; /* (nullable) applies the order to the registry */
  gpointer            appendix_data;    /* for both */
  GDestroyNotify      appendix_destroy;
} NstOrderContent;

NstOrderContent *nst_order_content_new        (const char      *kind,
                                               NstSchool       *school,
                                               const GDate     *date);
void             nst_order_content_free       (NstOrderContent *content);
gboolean         nst_order_content_fill       (NstOrderContent *content,
                                               const char      *template_text,
                                               const char *const *flags,
                                               GError         **error);
void             nst_order_content_add_reader (NstOrderContent *content,
                                               const char      *name,
                                               const char      *post);

void             nst_order_content_insert_point (NstOrderContent *content,
                                                 char            *text);
void             nst_order_content_supersede  (NstOrderContent *content,
                                               NstOrder        *previous);
NstOrderContent *nst_doc_order_curator        (NstSchool       *school,
                                               const GDate     *date,
                                               const char      *template_text,
                                               GError         **error);

typedef struct
{
  gboolean    appoints_curator;  /* or a separate order does */
  const char *start_date;        /* (nullable) ДД.ММ.ГГГГ; the order's date */
  const char *roadmap_period;    /* (nullable) «2025–2028 годы», when there
                                  * is no @roadmap; the school year's four
                                  * years when %NULL */
  NstRoadmap *roadmap;           /* (nullable) the roadmap the order
                                  * approves: its appendix, and its period
                                  * the order's */
} NstIntroductionOptions;

NstOrderContent *nst_doc_order_introduction   (NstSchool       *school,
                                               const GDate     *date,
                                               const NstIntroductionOptions *options,
                                               const char      *template_text,
                                               GError         **error);

/* ---- pairs, groups and their programmes --------------------------------- */

/* A pair or group with what the documents print of it. */
typedef struct
{
  NstGroup       *group;
  NstParticipant *mentor;
  GPtrArray      *mentees;    /* NstParticipant, in the pair's order */
  NstProgramme   *programme;  /* (nullable) with its plan */
} NstDocPair;

void             nst_doc_pair_free            (NstDocPair      *pair);
GPtrArray       *nst_doc_load_pairs           (NstStore        *store,
                                               const gint64    *group_ids,
                                               guint            n_ids,
                                               guint            school_year,
                                               GError         **error);
NstDocPair      *nst_doc_load_programme       (NstStore        *store,
                                               gint64           programme_id,
                                               GError         **error);
GArray          *nst_doc_find_pairs_to_approve (NstStore       *store,
                                                guint           school_year,
                                                GError        **error);
GArray          *nst_doc_find_programmes_to_approve (NstStore  *store,
                                                     guint      school_year,
                                                     GError   **error);
/* One thing that keeps a pair from approval (nst_doc_list_pair_lacks()). */
typedef struct
{
  char           *message;         /* what is wrong and what to do, translated */
  gint64          participant_id;  /* whose consent is missing, when a «received
                                    * today» puts it right; 0 otherwise */
  NstConsentKind  consent;         /* that consent's kind */
} NstDocLack;

void             nst_doc_lack_free            (NstDocLack      *lack);
GPtrArray       *nst_doc_list_pair_lacks      (NstStore        *store,
                                               NstDocPair      *pair,
                                               gboolean         replacing,
                                               GError         **error);
gboolean         nst_doc_check_pairs          (NstStore        *store,
                                               GPtrArray       *pairs,
                                               GError         **error);
gboolean         nst_doc_check_pairs_replacing (NstStore       *store,
                                                GPtrArray      *pairs,
                                                GError        **error);
GPtrArray       *nst_doc_ready_pairs          (NstStore        *store,
                                               GPtrArray       *pairs,
                                               char           **left_out,
                                               GError         **error);
gboolean         nst_doc_check_programmes     (NstStore        *store,
                                               GPtrArray       *pairs,
                                               GError         **error);

typedef struct
{
  NstOrder    *regulation;  /* (nullable) the order that approved the school's
                             * regulations (положение), cited; blanks if none */
  const GDate *deadline;    /* (nullable) for the programmes not yet written;
                             * a month after the order when %NULL */
  gboolean     history;     /* an order of the school's past: the pairs were
                             * approved by it already; it only links them */
  gboolean     replace;     /* the pairs an order fixed already are fixed
                             * anew (a changed composition): the order
                             * cancels the earlier one in their part and
                             * they move to it; that one stays in the journal */
} NstPairsOrderOptions;

NstOrderContent *nst_doc_order_pairs          (NstSchool       *school,
                                               const GDate     *date,
                                               GPtrArray       *pairs,
                                               const NstPairsOrderOptions *options,
                                               const char      *template_text,
                                               GError         **error);
NstOrderContent *nst_doc_order_programmes     (NstSchool       *school,
                                               const GDate     *date,
                                               GPtrArray       *pairs,
                                               NstOrder        *regulation,
                                               const char      *template_text,
                                               GError         **error);
NstOrderContent *nst_doc_order_completion     (NstSchool       *school,
                                               const GDate     *date,
                                               GPtrArray       *pairs,
                                               NstOrder        *regulation,
                                               const char *const *rewards,
                                               const char      *template_text,
                                               GError         **error);
void             nst_doc_completion_default_date (GPtrArray   *pairs,
                                                  const GDate *today,
                                                  GDate       *date);

gboolean         nst_doc_programme            (NstPdf              *pdf,
                                               const NstDocContext *context,
                                               NstDocPair          *pair,
                                               NstOrder            *approval,
                                               GError             **error);
gboolean         nst_doc_roadmap              (NstPdf              *pdf,
                                               const NstDocContext *context,
                                               NstRoadmap          *roadmap,
                                               GError             **error);

gboolean         nst_doc_order                (NstPdf          *pdf,
                                               NstSchool       *school,
                                               NstOrder        *order,
                                               NstOrderContent *content,
                                               GError         **error);
void             nst_doc_appendix_mark        (NstPdf          *pdf,
                                               guint            number,
                                               NstOrder        *order);
NstOrder        *nst_doc_order_issue          (NstStore        *store,
                                               NstSchool       *school,
                                               NstOrderContent *content,
                                               gboolean         draft,
                                               const char      *path,
                                               GBytes         **pdf_bytes,
                                               GError         **error);
gboolean         nst_doc_order_reprint        (NstStore        *store,
                                               gint64           order_id,
                                               const char      *path,
                                               NstOrder       **order,
                                               GError         **error);
NstOrder        *nst_doc_order_record         (NstStore        *store,
                                               NstSchool       *school,
                                               NstOrderContent *content,
                                               GError         **error);

/* ---- consents -------------------------------------------------------------- */

/* Who signs a consent to processing (152-ФЗ art. 9). */
typedef enum
{
  NST_CONSENT_FORM_ADULT,   /* the participant */
  NST_CONSENT_FORM_CHILD,   /* a student under 14: the legal representative */
  NST_CONSENT_FORM_MINOR,   /* a student of 14 to 18, and the parent below */
} NstConsentForm;

NstConsentForm   nst_consent_form_for         (NstParticipant  *participant,
                                               const GDate     *today);

gboolean         nst_doc_consent_processing   (NstPdf              *pdf,
                                               const NstDocContext *context,
                                               NstParticipant      *participant,
                                               GError             **error);
gboolean         nst_doc_consent_adult        (NstPdf              *pdf,
                                               const NstDocContext *context,
                                               NstParticipant      *participant,
                                               GError             **error);
gboolean         nst_doc_consent_child        (NstPdf              *pdf,
                                               const NstDocContext *context,
                                               NstParticipant      *participant,
                                               GError             **error);
gboolean         nst_doc_consent_minor        (NstPdf              *pdf,
                                               const NstDocContext *context,
                                               NstParticipant      *participant,
                                               GError             **error);
gboolean         nst_doc_consent_distribution (NstPdf              *pdf,
                                               const NstDocContext *context,
                                               NstParticipant      *participant,
                                               GError             **error);

/* What the registry knows of the appointment a mentor consents to; all of
 * it may be missing, and the form then has blanks. */
typedef struct
{
  GPtrArray  *mentees;    /* (nullable) NstParticipant */
  const char *form;       /* (nullable) «педагог – педагог» */
  const char *starts_on;  /* (nullable) ISO */
  const char *ends_on;    /* (nullable) ISO */
} NstMentorAppointment;

gboolean         nst_doc_load_appointment     (NstStore                   *store,
                                               NstParticipant             *participant,
                                               NstDocPair                **pair,
                                               GError                    **error);
void             nst_doc_appointment_of       (NstDocPair                 *pair,
                                               NstMentorAppointment       *appointment);
gboolean         nst_doc_consent_mentor_of    (NstPdf                     *pdf,
                                               const NstDocContext        *context,
                                               NstStore                   *store,
                                               NstParticipant             *mentor,
                                               GError                    **error);
gboolean         nst_doc_consent_mentor       (NstPdf                     *pdf,
                                               const NstDocContext        *context,
                                               NstParticipant             *participant,
                                               const NstMentorAppointment *appointment,
                                               GError                    **error);

/* ---- lists and batches --------------------------------------------------- */

gboolean         nst_doc_registry             (NstPdf              *pdf,
                                               const NstDocContext *context,
                                               GListModel          *participants,
                                               GError             **error);

typedef void (*NstDocProgressFunc) (guint    done,
                                    guint    total,
                                    gpointer user_data);

typedef enum
{
  NST_DOC_BATCH_NONE           = 0,
  NST_DOC_BATCH_DUPLEX_PADDING = 1 << 0,  /* each form on an even count of pages */
} NstDocBatchFlags;

#define NST_DOC_BATCH_DEFAULT NST_DOC_BATCH_DUPLEX_PADDING

guint            nst_doc_count_missing_consents (GListModel        *participants);
gboolean         nst_doc_missing_consents     (NstPdf              *pdf,
                                               const NstDocContext *context,
                                               GListModel          *participants,
                                               NstDocBatchFlags     flags,
                                               NstDocProgressFunc   progress,
                                               gpointer             user_data,
                                               GCancellable        *cancellable,
                                               guint               *n_forms,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstOrderContent, nst_order_content_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstDocPair, nst_doc_pair_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstDocLack, nst_doc_lack_free)

G_END_DECLS
