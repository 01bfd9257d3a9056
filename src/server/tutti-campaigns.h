/* tutti-campaigns.h — campaigns run by the office, and its re-enrolment desk (REE-1, REE-4, HOME-3, STAFF-2..4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-server.h"

G_BEGIN_DECLS

void           tutti_campaigns_register  (TuttiServer        *server);

/* The campaign @id with its required documents and downloads, and its
 * offer when @with_offer (else an empty offer).
 * Returns: (transfer full): the campaign, or %NULL (@error unset when
 * there is none). */
TuttiCampaign *tutti_campaigns_load      (TuttiStore         *store,
                                          gint64              id,
                                          gboolean            with_offer,
                                          GError            **error);

/* The campaign of @kind families work on: the one open now, else the
 * latest one that has opened (closed early or past its deadline: what was
 * done in it stays readable, REE-4). With its documents and downloads, an
 * empty offer.
 * Returns: (transfer full): the campaign, or %NULL (@error unset when
 * there is none). */
TuttiCampaign *tutti_campaigns_current   (TuttiStore         *store,
                                          TuttiCampaignKind   kind,
                                          GError            **error);

/* Open now: flag set, opened, deadline not passed. */
gboolean       tutti_campaigns_is_open   (const TuttiCampaign *campaign);

/* The offer items of @campaign_id, by discipline, site and id. */
GPtrArray     *tutti_campaigns_load_offer (TuttiStore        *store,
                                           gint64             campaign_id,
                                           GError           **error);

G_END_DECLS
