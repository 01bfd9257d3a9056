/* tutti-campaign-dialog.h — STAFF-3, REE-1: a new campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_CAMPAIGN_DIALOG (tutti_campaign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TuttiCampaignDialog, tutti_campaign_dialog, TUTTI, CAMPAIGN_DIALOG, AdwWindow)

/* A modal dialog over @parent that creates a campaign with @client.
 * @campaigns (element-type TuttiCampaign, the latest first) are those the
 * school has: their documents are offered, and the latest one of the
 * kind chosen gives its documents and can give its course offer. Emits
 * ::created (TuttiCampaign) once the server made it, then closes. */
TuttiCampaignDialog *tutti_campaign_dialog_new (GtkWindow   *parent,
                                                TuttiClient *client,
                                                GPtrArray   *campaigns);

G_END_DECLS
