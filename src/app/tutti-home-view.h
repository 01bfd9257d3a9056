/* tutti-home-view.h — HOME-1..4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_HOME_VIEW (tutti_home_view_get_type ())

G_DECLARE_FINAL_TYPE (TuttiHomeView, tutti_home_view, TUTTI, HOME_VIEW, AdwBin)

void             tutti_home_view_set_client (TuttiHomeView *self,
                                             TuttiClient   *client);
/* Loads GET /home again; done by itself each time the view is shown. */
void             tutti_home_view_refresh    (TuttiHomeView *self);
/* Forgets the data of the session that ended. */
void             tutti_home_view_clear      (TuttiHomeView *self);
/* (nullable): the last home loaded; TuttiHomeView:home tells when it changes. */
const TuttiHome *tutti_home_view_get_home   (TuttiHomeView *self);

G_END_DECLS
