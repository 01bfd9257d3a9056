/* tutti-family-view.h — FAM-1, FAM-3, FAM-4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_FAMILY_VIEW (tutti_family_view_get_type ())

G_DECLARE_FINAL_TYPE (TuttiFamilyView, tutti_family_view, TUTTI, FAMILY_VIEW, AdwBin)

void tutti_family_view_set_client (TuttiFamilyView *self,
                                   TuttiClient     *client);
/* Loads GET /family again; done by itself each time the view is shown,
 * unless a form has changes not saved. */
void tutti_family_view_refresh    (TuttiFamilyView *self);
/* Forgets the data of the session that ended. */
void tutti_family_view_clear      (TuttiFamilyView *self);

G_END_DECLS
