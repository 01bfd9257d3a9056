/* tutti-home.h — the home page (HOME-1..4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-server.h"

G_BEGIN_DECLS

void         tutti_home_register        (TuttiServer  *server);

/* The campaigns open now (flag set, opened, deadline not passed), with
 * their required documents and downloads. */
GPtrArray   *tutti_home_open_campaigns  (TuttiStore   *store,
                                         GError      **error);

/* Whether @campaign is open at @now: its flag set, opened, deadline not
 * passed (REE-4). */
gboolean     tutti_home_campaign_is_open    (const TuttiCampaign  *campaign,
                                             GDateTime            *now);
/* Fills @campaign's required documents and downloads (its offer stays
 * empty), as home shows them. */
gboolean     tutti_home_load_campaign_lists (TuttiStore           *store,
                                             TuttiCampaign        *campaign,
                                             GError              **error);

G_END_DECLS
