/* tutti-client.h — the app's side of the HTTP API (libsoup3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tutti-core.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_CLIENT (tutti_client_get_type ())

G_DECLARE_FINAL_TYPE (TuttiClient, tutti_client, TUTTI, CLIENT, GObject)

/* Every _finish reports API errors in the TUTTI_API_ERROR domain with the
 * API's code (tutti_api_error_get_fields() for a 422's fields,
 * tutti_api_error_get_retry_after() for a 429), and a server that cannot be
 * reached as TUTTI_API_ERROR_UNAVAILABLE. Cancelling gives G_IO_ERROR_CANCELLED.
 * A 401 "unauthenticated" on a logged-in client also emits ::session-expired,
 * after the client has forgotten its token and account. Each call gives up
 * after the client's timeout (30 s), as TUTTI_API_ERROR_UNAVAILABLE. */

TuttiClient   *tutti_client_new                     (const char           *base_url);
const char    *tutti_client_get_base_url            (TuttiClient          *self);
void           tutti_client_set_base_url            (TuttiClient          *self,
                                                     const char           *base_url);
/* The language of the server's messages (Accept-Language). */
TuttiLang      tutti_client_get_lang                (TuttiClient          *self);
void           tutti_client_set_lang                (TuttiClient          *self,
                                                     TuttiLang             lang);
/* The bearer token, set by a successful log-in and cleared by log-out. */
const char    *tutti_client_get_token               (TuttiClient          *self);
void           tutti_client_set_token               (TuttiClient          *self,
                                                     const char           *token);
/* (nullable): the account of the current session. */
TuttiAccount  *tutti_client_get_account             (TuttiClient          *self);
gboolean       tutti_client_is_logged_in            (TuttiClient          *self);
/* How many seconds a call may take before it fails as unavailable (30). */
guint          tutti_client_get_timeout             (TuttiClient          *self);
void           tutti_client_set_timeout             (TuttiClient          *self,
                                                     guint                 seconds);
/* The certificates HTTPS servers are checked against (default: the
 * system's). A server whose certificate does not verify is unavailable. */
void           tutti_client_set_tls_database        (TuttiClient          *self,
                                                     GTlsDatabase         *database);

/* GET /sites → GPtrArray of TuttiSite */
void           tutti_client_list_sites_async        (TuttiClient          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray     *tutti_client_list_sites_finish       (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* POST /session; on success the client keeps the token and the account. */
void           tutti_client_log_in_async            (TuttiClient          *self,
                                                     const char           *site,
                                                     const char           *login,
                                                     const char           *password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiSession  *tutti_client_log_in_finish           (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* DELETE /session; the client forgets its token whatever the answer. */
void           tutti_client_log_out_async           (TuttiClient          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       tutti_client_log_out_finish          (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* POST /password-reset (202 whether or not they matched) */
void           tutti_client_reset_password_async    (TuttiClient          *self,
                                                     const char           *site,
                                                     const char           *login,
                                                     const char           *email,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       tutti_client_reset_password_finish   (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* PUT /password; the server ends the session: log in again afterwards. */
void           tutti_client_change_password_async   (TuttiClient          *self,
                                                     const char           *current,
                                                     const char           *new_password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       tutti_client_change_password_finish  (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /home */
void           tutti_client_get_home_async          (TuttiClient          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiHome     *tutti_client_get_home_finish         (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
