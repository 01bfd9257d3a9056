/* tutti-preenrolment.h — the offer and pre-enrolment of new pupils (PRE-1..4, STAFF-3, STAFF-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-server.h"

G_BEGIN_DECLS

/* An anti-spam question answers one request within this time. */
#define TUTTI_PREENROLMENT_QUESTION_SECONDS  (60 * 60)
/* Questions an account may hold at once; asking for more forgets the oldest. */
#define TUTTI_PREENROLMENT_MAX_QUESTIONS     20
/* New pupils in one request, and disciplines chosen for one pupil. */
#define TUTTI_PREENROLMENT_MAX_PUPILS        10
#define TUTTI_PREENROLMENT_MAX_CHOICES       5

void       tutti_preenrolment_register (TuttiServer  *server);

/* The pre-enrolment requests of @family_id, newest first, each with its
 * pupils and choices, as GET /preenrolments and GET /home give them (empty
 * for no family).
 * Returns: (transfer full): TuttiPreenrolment records, or %NULL on error. */
GPtrArray *tutti_preenrolment_list     (TuttiStore   *store,
                                        gint64        family_id,
                                        GError      **error);

G_END_DECLS
