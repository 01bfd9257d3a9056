/* tutti-staff-preenrolments-view.h — STAFF-3, STAFF-4: the office's pre-enrolment desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_STAFF_PREENROLMENTS_VIEW (tutti_staff_preenrolments_view_get_type ())

G_DECLARE_FINAL_TYPE (TuttiStaffPreenrolmentsView, tutti_staff_preenrolments_view,
                      TUTTI, STAFF_PREENROLMENTS_VIEW, AdwBin)

void tutti_staff_preenrolments_view_set_client (TuttiStaffPreenrolmentsView *self,
                                                TuttiClient                 *client);
/* Loads the campaign and the requests again; done by itself each time the
 * view is shown. */
void tutti_staff_preenrolments_view_refresh    (TuttiStaffPreenrolmentsView *self);
/* Forgets the data of the session that ended. */
void tutti_staff_preenrolments_view_clear      (TuttiStaffPreenrolmentsView *self);

G_END_DECLS
