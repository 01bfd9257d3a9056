/* tutti-staff.h — the office's validation queue of pending changes (STAFF-1, STAFF-2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-server.h"

G_BEGIN_DECLS

void         tutti_staff_register       (TuttiServer  *server);

G_END_DECLS
