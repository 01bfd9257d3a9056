/* tutti-staff-queue-view.h — STAFF-1, STAFF-2: the office's validation queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_STAFF_QUEUE_VIEW (tutti_staff_queue_view_get_type ())

G_DECLARE_FINAL_TYPE (TuttiStaffQueueView, tutti_staff_queue_view, TUTTI, STAFF_QUEUE_VIEW, AdwBin)

void   tutti_staff_queue_view_set_client     (TuttiStaffQueueView *self,
                                              TuttiClient         *client);
/* Loads GET /staff/changes again (staff accounts only); done by itself each
 * time the view is shown. */
void   tutti_staff_queue_view_refresh        (TuttiStaffQueueView *self);
/* Forgets the data of the session that ended. */
void   tutti_staff_queue_view_clear          (TuttiStaffQueueView *self);
/* How many records await the office, as last loaded;
 * TuttiStaffQueueView:n-records tells when it changes. */
guint  tutti_staff_queue_view_get_n_records  (TuttiStaffQueueView *self);
/* How many documents await a decision, as last loaded (its Documents
 * tab); TuttiStaffQueueView:n-documents tells when it changes. */
guint  tutti_staff_queue_view_get_n_documents (TuttiStaffQueueView *self);

G_END_DECLS
