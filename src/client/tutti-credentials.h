/* tutti-credentials.h — "remember me" in the desktop keyring (AUTH-5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TUTTI_TYPE_CREDENTIALS (tutti_credentials_get_type ())

G_DECLARE_FINAL_TYPE (TuttiCredentials, tutti_credentials, TUTTI, CREDENTIALS, GObject)

/* One credential per server URL: the site, the login and the password.
 * Every call fails fast (within a few seconds at most, never a hang, never a
 * prompt) with G_IO_ERROR_NOT_SUPPORTED when no Secret Service answers. */

TuttiCredentials *tutti_credentials_new              (void);

/* Whether a Secret Service answers; the app offers "remember me" only then. */
void              tutti_credentials_probe_async      (TuttiCredentials     *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          tutti_credentials_probe_finish     (TuttiCredentials     *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void              tutti_credentials_store_async      (TuttiCredentials     *self,
                                                      const char           *server_url,
                                                      const char           *site,
                                                      const char           *login,
                                                      const char           *password,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          tutti_credentials_store_finish     (TuttiCredentials     *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Returns %TRUE and fills the out arguments when a credential is stored for
 * the server; %FALSE without error when none is. */
void              tutti_credentials_lookup_async     (TuttiCredentials     *self,
                                                      const char           *server_url,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          tutti_credentials_lookup_finish    (TuttiCredentials     *self,
                                                      GAsyncResult         *result,
                                                      char                **site,
                                                      char                **login,
                                                      char                **password,
                                                      GError              **error);

void              tutti_credentials_clear_async      (TuttiCredentials     *self,
                                                      const char           *server_url,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          tutti_credentials_clear_finish     (TuttiCredentials     *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
