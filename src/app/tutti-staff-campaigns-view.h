/* tutti-staff-campaigns-view.h — STAFF-3, REE-1: the office's campaigns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_STAFF_CAMPAIGNS_VIEW (tutti_staff_campaigns_view_get_type ())

G_DECLARE_FINAL_TYPE (TuttiStaffCampaignsView, tutti_staff_campaigns_view,
                      TUTTI, STAFF_CAMPAIGNS_VIEW, AdwBin)

void tutti_staff_campaigns_view_set_client (TuttiStaffCampaignsView *self,
                                            TuttiClient             *client);
/* Loads the campaigns again; done by itself each time the view is shown. */
void tutti_staff_campaigns_view_refresh    (TuttiStaffCampaignsView *self);
/* Forgets the data of the session that ended. */
void tutti_staff_campaigns_view_clear      (TuttiStaffCampaignsView *self);

G_END_DECLS
