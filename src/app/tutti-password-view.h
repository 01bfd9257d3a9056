/* tutti-password-view.h — AUTH-3 change password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"
#include "tutti-credentials.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_PASSWORD_VIEW (tutti_password_view_get_type ())

G_DECLARE_FINAL_TYPE (TuttiPasswordView, tutti_password_view, TUTTI, PASSWORD_VIEW, AdwBin)

void tutti_password_view_setup (TuttiPasswordView *self,
                                TuttiClient       *client,
                                TuttiCredentials  *credentials);
/* Empties the form: the session it belonged to ended. */
void tutti_password_view_clear (TuttiPasswordView *self);

G_END_DECLS
