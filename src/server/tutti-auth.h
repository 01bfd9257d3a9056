/* tutti-auth.h — sites, sessions and passwords (AUTH-1..4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-server.h"

G_BEGIN_DECLS

void tutti_auth_register (TuttiServer *server);

G_END_DECLS
