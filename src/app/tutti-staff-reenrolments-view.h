/* tutti-staff-reenrolments-view.h — STAFF-2, STAFF-4: the office's re-enrolment desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_STAFF_REENROLMENTS_VIEW (tutti_staff_reenrolments_view_get_type ())

G_DECLARE_FINAL_TYPE (TuttiStaffReenrolmentsView, tutti_staff_reenrolments_view,
                      TUTTI, STAFF_REENROLMENTS_VIEW, AdwBin)

void tutti_staff_reenrolments_view_set_client (TuttiStaffReenrolmentsView *self,
                                               TuttiClient                *client);
/* Loads the campaign and its pupils again (staff accounts only); done by
 * itself each time the view is shown. */
void tutti_staff_reenrolments_view_refresh    (TuttiStaffReenrolmentsView *self);
/* Forgets the data of the session that ended. */
void tutti_staff_reenrolments_view_clear      (TuttiStaffReenrolmentsView *self);

G_END_DECLS
