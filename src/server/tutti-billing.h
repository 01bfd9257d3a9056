/* tutti-billing.h — fees, rentals and their PDF duplicates (BIL-1, BIL-2, STAFF-6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-server.h"

G_BEGIN_DECLS

/* How long an Idempotency-Key answers with its first reply. */
#define TUTTI_BILLING_IDEMPOTENCY_SECONDS (24 * 60 * 60)

void tutti_billing_register (TuttiServer *server);

G_END_DECLS
