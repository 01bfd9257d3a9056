/* tutti-reenrolment.h — a pupil's yearly re-enrolment (REE-2..4, MAIL-1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-server.h"

G_BEGIN_DECLS

/* ---- Types made here until core has them (see API.md) ---------------------- */

/* REE-3 step 4: the places of next year's offer a current course may
 * continue in (the "Cours disponible" column). */
typedef struct
{
  gint64 course_id;
  GPtrArray *offer;               /* TuttiOfferItem */
} TuttiCourseOffer;

/* A pupil's re-enrolment with all that goes with it: the family's and the
 * office's view of REE-2..4 and STAFF-4. */
typedef struct
{
  TuttiReenrolment *reenrolment;  /* state, step, draft: guardians, pupil,
                                   * image rights, courses, free text… */
  TuttiCampaign *campaign;        /* deadline, required documents, downloads */
  gboolean campaign_open;         /* changes are taken (REE-4) */
  gint64 family_id;
  char *family_name;
  GPtrArray *documents;           /* TuttiDocument, with "to-provide" rows */
  GPtrArray *changes;             /* TuttiPendingChange: "Modified elements" */
  GPtrArray *course_offers;       /* TuttiCourseOffer */
} TuttiReenrolmentFile;

/* One line of the office's list (STAFF-4). */
typedef struct
{
  gint64 id;                      /* 0: the family has not started */
  gint64 campaign_id;
  gint64 pupil_id;
  gint64 family_id;
  char *family_name;
  TuttiCivility civility;
  char *surname;
  char *first_name;
  TuttiReenrolmentState state;
  gint64 step;
  char *submitted_at;
  char *decided_at;
  gint64 documents_to_check;      /* the family's documents provided, not decided */
  gint64 changes_pending;         /* contact changes awaiting the office */
} TuttiReenrolmentSummary;

extern const TuttiSchema tutti_course_offer_schema;
extern const TuttiSchema tutti_reenrolment_file_schema;
extern const TuttiSchema tutti_reenrolment_summary_schema;

TuttiCourseOffer        *tutti_course_offer_new           (void);
void                     tutti_course_offer_free          (TuttiCourseOffer        *self);
TuttiReenrolmentFile    *tutti_reenrolment_file_new       (void);
void                     tutti_reenrolment_file_free      (TuttiReenrolmentFile    *self);
TuttiReenrolmentSummary *tutti_reenrolment_summary_new    (void);
void                     tutti_reenrolment_summary_free   (TuttiReenrolmentSummary *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TuttiCourseOffer, tutti_course_offer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TuttiReenrolmentFile, tutti_reenrolment_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TuttiReenrolmentSummary, tutti_reenrolment_summary_free)

/* ---- The area --------------------------------------------------------------- */

/* Free text of step 4, in characters. */
#define TUTTI_REENROLMENT_FREE_TEXT_MAX 2000

void                  tutti_reenrolment_register   (TuttiServer          *server);

/* The file of @pupil_id in @campaign (which it copies): the stored draft
 * over the pupil's file as the office knows it (with the family's pending
 * changes), or that file alone when nothing was saved yet.
 * Returns: (transfer full): the file, or %NULL (@error unset when there
 * is no such pupil). */
TuttiReenrolmentFile *tutti_reenrolment_load_file  (TuttiStore           *store,
                                                    gint64                pupil_id,
                                                    const TuttiCampaign  *campaign,
                                                    GError              **error);

/* The pupil and campaign of re-enrolment @id; FALSE with @error unset
 * when there is none. */
gboolean              tutti_reenrolment_find       (TuttiStore           *store,
                                                    gint64                id,
                                                    gint64               *pupil_id,
                                                    gint64               *campaign_id,
                                                    GError              **error);

/* Writes the state, step, answers, draft and course choices of
 * @file->reenrolment (a new row when its id is 0, which it sets). */
gboolean              tutti_reenrolment_save       (TuttiStore           *store,
                                                    TuttiReenrolmentFile *file,
                                                    GError              **error);

G_END_DECLS
