/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nst-doc-template.h"
#include "nst-order.h"
#include "nst-participant.h"
#include "nst-pdf.h"
#include "nst-school.h"
#include "nst-store.h"

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
  gpointer            appendix_data;
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

NstOrderContent *nst_doc_order_curator        (NstSchool       *school,
                                               const GDate     *date,
                                               const char      *template_text,
                                               GError         **error);

typedef struct
{
  gboolean    appoints_curator;  /* or a separate order does */
  const char *start_date;        /* (nullable) ДД.ММ.ГГГГ; the order's date */
  const char *roadmap_period;    /* (nullable) «2025–2028 годы» */
} NstIntroductionOptions;

NstOrderContent *nst_doc_order_introduction   (NstSchool       *school,
                                               const GDate     *date,
                                               const NstIntroductionOptions *options,
                                               const char      *template_text,
                                               GError         **error);

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

guint            nst_doc_count_missing_consents (GListModel        *participants);
gboolean         nst_doc_missing_consents     (NstPdf              *pdf,
                                               const NstDocContext *context,
                                               GListModel          *participants,
                                               NstDocProgressFunc   progress,
                                               gpointer             user_data,
                                               GCancellable        *cancellable,
                                               guint               *n_forms,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NstOrderContent, nst_order_content_free)

G_END_DECLS
