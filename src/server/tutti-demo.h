/* tutti-demo.h — the demo school of API.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-store.h"

G_BEGIN_DECLS

/* Every demo family account's password, and the staff account's. */
#define TUTTI_DEMO_FAMILY_PASSWORD "Vitre2026"
#define TUTTI_DEMO_STAFF_LOGIN     "secretariat"
#define TUTTI_DEMO_STAFF_PASSWORD  "Accueil2026"
#define TUTTI_DEMO_SITE_ID         "conservatoire"

/* Loads the demo school once per database; later calls do nothing. */
gboolean tutti_demo_load (TuttiStore  *store,
                          GError     **error);

G_END_DECLS
