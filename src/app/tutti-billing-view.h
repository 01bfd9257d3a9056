/* tutti-billing-view.h — BIL-1, BIL-2: fees and rentals, their totals, their documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_BILLING_VIEW (tutti_billing_view_get_type ())

G_DECLARE_FINAL_TYPE (TuttiBillingView, tutti_billing_view, TUTTI, BILLING_VIEW, AdwBin)

void tutti_billing_view_set_client (TuttiBillingView *self,
                                    TuttiClient      *client);
/* Loads both accounts again; done by itself each time the view is shown. */
void tutti_billing_view_refresh    (TuttiBillingView *self);
/* Forgets the data of the session that ended and closes its documents. */
void tutti_billing_view_clear      (TuttiBillingView *self);

G_END_DECLS
