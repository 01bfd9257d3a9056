/* tutti-reenrolment.h — a pupil's yearly re-enrolment (REE-2..4, MAIL-1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-server.h"

G_BEGIN_DECLS

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
