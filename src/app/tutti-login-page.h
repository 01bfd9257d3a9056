/* tutti-login-page.h — AUTH-1 log in, AUTH-5 log in by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"
#include "tutti-credentials.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_LOGIN_PAGE (tutti_login_page_get_type ())

G_DECLARE_FINAL_TYPE (TuttiLoginPage, tutti_login_page, TUTTI, LOGIN_PAGE, AdwBin)

/* ::logged-in is emitted once the client holds a session. */

void        tutti_login_page_setup          (TuttiLoginPage   *self,
                                             TuttiClient      *client,
                                             TuttiCredentials *credentials,
                                             GSettings        *settings);
/* Loads the sites, offers "remember me" when a keyring answers and logs in
 * by itself when a credential is stored for the server. */
void        tutti_login_page_start          (TuttiLoginPage   *self);
/* Back to the form after a log-out or the end of a session: the identifier
 * stays, the password goes; @message (nullable) says why. */
void        tutti_login_page_reset          (TuttiLoginPage   *self,
                                             const char       *message);
void        tutti_login_page_set_remember   (TuttiLoginPage   *self,
                                             gboolean          remember);
/* The name of the site @site_id as the server gave it, or @site_id. */
const char *tutti_login_page_get_site_name  (TuttiLoginPage   *self,
                                             const char       *site_id);

G_END_DECLS
