/* test-client.c — TuttiClient against a real tutti-server, and against a
 * small in-process SoupServer for what a real server never does (hang,
 * answer garbage, send a Retry-After date…).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "tutti-client.h"
#include "tutti-test-server.h"

#define SITE     "conservatoire"
#define LOGIN    "ztest1"
#define PASSWORD "Vitre2026"
#define EMAIL    "test@vitrecommunaute.org"

/* ---- Waiting ------------------------------------------------------------------ */

/* Iterates the default main context until the callback has stored its result. */
static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static GPtrArray *
list_sites (TuttiClient  *client,
            GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_list_sites_async (client, NULL, on_result, &result);
  return tutti_client_list_sites_finish (client, wait_for_result (&result), error);
}

static TuttiSession *
log_in (TuttiClient  *client,
        const char   *login,
        const char   *password,
        GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_log_in_async (client, SITE, login, password, NULL, on_result, &result);
  return tutti_client_log_in_finish (client, wait_for_result (&result), error);
}

static gboolean
log_out (TuttiClient  *client,
         GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_log_out_async (client, NULL, on_result, &result);
  return tutti_client_log_out_finish (client, wait_for_result (&result), error);
}

static gboolean
reset_password (TuttiClient  *client,
                const char   *login,
                const char   *email,
                GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_reset_password_async (client, SITE, login, email, NULL, on_result, &result);
  return tutti_client_reset_password_finish (client, wait_for_result (&result), error);
}

static gboolean
change_password (TuttiClient  *client,
                 const char   *current,
                 const char   *new_password,
                 GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_change_password_async (client, current, new_password, NULL, on_result, &result);
  return tutti_client_change_password_finish (client, wait_for_result (&result), error);
}

static TuttiHome *
get_home (TuttiClient  *client,
          GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_home_async (client, NULL, on_result, &result);
  return tutti_client_get_home_finish (client, wait_for_result (&result), error);
}

static void
on_counted (gpointer  instance,
            gpointer  user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
on_notify_counted (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* ---- Against tutti-server ------------------------------------------------------ */

typedef struct
{
  TuttiTestServer *server;
  TuttiClient *client;
  guint expired;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->server = tutti_test_server_start (TRUE, NULL);
  fixture->client = tutti_client_new (tutti_test_server_get_url (fixture->server));
  tutti_client_set_lang (fixture->client, TUTTI_LANG_EN);
  g_signal_connect (fixture->client, "session-expired", G_CALLBACK (on_counted), &fixture->expired);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->client);
  tutti_test_server_stop (fixture->server);
}

/* Another client of the same server. */
static TuttiClient *
fixture_new_client (Fixture    *fixture,
                    const char *token)
{
  TuttiClient *client = tutti_client_new (tutti_test_server_get_url (fixture->server));

  tutti_client_set_lang (client, TUTTI_LANG_EN);
  tutti_client_set_token (client, token);
  return client;
}

static void
test_sites (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  sites = list_sites (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sites);
  g_assert_cmpuint (sites->len, >=, 1);

  for (guint i = 0; i < sites->len; i++)
    {
      TuttiSite *site = g_ptr_array_index (sites, i);

      g_assert_nonnull (site->id);
      g_assert_nonnull (site->name);
      if (g_str_equal (site->id, SITE))
        found = TRUE;
    }
  g_assert_true (found);
}

static void
test_log_in_good (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(GError) error = NULL;
  TuttiAccount *account;
  guint token_notified = 0;
  guint account_notified = 0;

  g_signal_connect (fixture->client, "notify::token",
                    G_CALLBACK (on_notify_counted), &token_notified);
  g_signal_connect (fixture->client, "notify::account",
                    G_CALLBACK (on_notify_counted), &account_notified);

  g_assert_false (tutti_client_is_logged_in (fixture->client));
  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_nonnull (session->token);
  g_assert_cmpuint (strlen (session->token), >=, 22); /* ≥ 128 bits, encoded */
  g_assert_nonnull (session->expires_at);
  g_assert_nonnull (session->account);

  g_assert_true (tutti_client_is_logged_in (fixture->client));
  g_assert_cmpstr (tutti_client_get_token (fixture->client), ==, session->token);
  g_assert_cmpuint (token_notified, ==, 1);
  g_assert_cmpuint (account_notified, ==, 1);

  account = tutti_client_get_account (fixture->client);
  g_assert_nonnull (account);
  g_assert_cmpstr (account->login, ==, LOGIN);
  g_assert_cmpstr (account->surname, ==, "Z-TEST");
  g_assert_cmpstr (account->first_name, ==, "Essai");
  g_assert_cmpint (account->civility, ==, TUTTI_CIVILITY_MR);
  g_assert_cmpint (account->role, ==, TUTTI_ROLE_FAMILY);

  /* The property hands out a copy. */
  {
    g_autoptr(TuttiAccount) copy = NULL;

    g_object_get (fixture->client, "account", &copy, NULL);
    g_assert_nonnull (copy);
    g_assert_true (copy != account);
    g_assert_cmpstr (copy->surname, ==, "Z-TEST");
  }

  g_assert_cmpuint (fixture->expired, ==, 0);
}

static void
test_log_in_staff (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = log_in (fixture->client, "secretariat", "Accueil2026", &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_cmpint (tutti_client_get_account (fixture->client)->role, ==, TUTTI_ROLE_STAFF);
}

static void
test_log_in_bad (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) wrong_password = NULL;
  g_autoptr(GError) unknown_login = NULL;
  g_autoptr(TuttiSession) session = NULL;

  session = log_in (fixture->client, LOGIN, "Wrong2026", &wrong_password);
  g_assert_null (session);
  g_assert_error (wrong_password, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_CREDENTIALS);
  g_assert_null (tutti_client_get_token (fixture->client));
  g_assert_null (tutti_client_get_account (fixture->client));

  /* One message that does not say which part was wrong (AUTH-1). */
  session = log_in (fixture->client, "nobody", "Wrong2026", &unknown_login);
  g_assert_null (session);
  g_assert_error (unknown_login, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_CREDENTIALS);
  g_assert_cmpstr (wrong_password->message, ==, unknown_login->message);
  g_assert_null (tutti_client_get_token (fixture->client));

  g_assert_cmpuint (fixture->expired, ==, 0);
}

static void
test_log_in_too_many_attempts (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  guint retry_after;

  for (guint i = 0; i < TUTTI_API_LOGIN_MAX_FAILURES; i++)
    {
      g_autoptr(TuttiSession) session = log_in (fixture->client, LOGIN, "Wrong2026", &error);

      g_assert_null (session);
      g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_CREDENTIALS);
      g_clear_error (&error);
    }

  {
    g_autoptr(TuttiSession) session = log_in (fixture->client, LOGIN, "Wrong2026", &error);

    g_assert_null (session);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_TOO_MANY_ATTEMPTS);
    retry_after = tutti_api_error_get_retry_after (error);
    g_assert_cmpuint (retry_after, >, 0);
    g_assert_cmpuint (retry_after, <=, TUTTI_API_LOGIN_WINDOW_SECONDS);
    g_test_message ("429: %s (retry after %u s)", error->message, retry_after);
    g_clear_error (&error);
  }

  /* Even the right password waits now. */
  {
    g_autoptr(TuttiSession) session = log_in (fixture->client, LOGIN, PASSWORD, &error);

    g_assert_null (session);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_TOO_MANY_ATTEMPTS);
    g_assert_null (tutti_client_get_token (fixture->client));
  }
}

static void
test_home (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiHome) home = NULL;
  g_autoptr(GError) error = NULL;
  gboolean pupil_found = FALSE;
  gboolean reenrolment = FALSE;
  gboolean preenrolment = FALSE;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);

  home = get_home (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (home);

  g_assert_nonnull (home->account);
  g_assert_cmpstr (home->account->surname, ==, "Z-TEST");
  g_assert_cmpstr (home->account->first_name, ==, "Essai");

  g_assert_nonnull (home->pupils);
  for (guint i = 0; i < home->pupils->len; i++)
    {
      TuttiHomePupil *pupil = g_ptr_array_index (home->pupils, i);

      if (g_strcmp0 (pupil->surname, "Z-TEST") == 0 && g_strcmp0 (pupil->first_name, "Essai") == 0)
        pupil_found = TRUE;
    }
  g_assert_true (pupil_found);

  g_assert_nonnull (home->campaigns);
  for (guint i = 0; i < home->campaigns->len; i++)
    {
      TuttiCampaign *campaign = g_ptr_array_index (home->campaigns, i);

      g_assert_nonnull (campaign->deadline);
      if (campaign->kind == TUTTI_CAMPAIGN_REENROLMENT)
        reenrolment = TRUE;
      else if (campaign->kind == TUTTI_CAMPAIGN_PREENROLMENT)
        preenrolment = TRUE;
    }
  g_assert_true (reenrolment);
  g_assert_true (preenrolment);

  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* Not logged in: a 401 is not a session that expired. */
static void
test_home_unauthenticated (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TuttiHome) home = NULL;
  g_autoptr(GError) error = NULL;

  home = get_home (fixture->client, &error);
  g_assert_null (home);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED);
  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* The session ends elsewhere (here: another client logs out with the same
 * token); the next call of this client tells the app once. */
static void
test_session_expired (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiClient) other = NULL;
  g_autoptr(GError) error = NULL;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);

  other = fixture_new_client (fixture, session->token);
  g_assert_true (log_out (other, &error));
  g_assert_no_error (error);
  g_assert_null (tutti_client_get_token (other));

  {
    g_autoptr(TuttiHome) home = get_home (fixture->client, &error);

    g_assert_null (home);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED);
    g_clear_error (&error);
  }
  g_assert_cmpuint (fixture->expired, ==, 1);
  g_assert_false (tutti_client_is_logged_in (fixture->client));
  g_assert_null (tutti_client_get_account (fixture->client));

  /* Once only: the client is logged out now. */
  {
    g_autoptr(TuttiHome) home = get_home (fixture->client, &error);

    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED);
    g_clear_error (&error);
  }
  g_assert_cmpuint (fixture->expired, ==, 1);
}

/* Logging out with a token the server no longer knows is still a log-out,
 * and not a session that expired. */
static void
test_log_out_stale (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiClient) other = NULL;
  g_autoptr(GError) error = NULL;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);

  other = fixture_new_client (fixture, session->token);
  g_assert_true (log_out (other, &error));
  g_assert_no_error (error);

  g_assert_true (log_out (fixture->client, &error));
  g_assert_no_error (error);
  g_assert_null (tutti_client_get_token (fixture->client));
  g_assert_cmpuint (fixture->expired, ==, 0);
}

static void
test_log_out (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiClient) other = NULL;
  g_autoptr(GError) error = NULL;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);

  g_assert_true (log_out (fixture->client, &error));
  g_assert_no_error (error);
  g_assert_false (tutti_client_is_logged_in (fixture->client));
  g_assert_null (tutti_client_get_token (fixture->client));
  g_assert_null (tutti_client_get_account (fixture->client));

  /* The server forgot the session. */
  other = fixture_new_client (fixture, session->token);
  {
    g_autoptr(TuttiHome) home = get_home (other, &error);

    g_assert_null (home);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED);
    g_clear_error (&error);
  }

  /* Logging out again is harmless. */
  g_assert_true (log_out (fixture->client, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->expired, ==, 0);
}

static void
test_change_password_policy (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *fields;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);

  g_assert_false (change_password (fixture->client, PASSWORD, "weak", &error));
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_PASSWORD_POLICY);
  fields = tutti_api_error_get_fields (error);
  g_assert_nonnull (fields);
  g_assert_nonnull (g_hash_table_lookup (fields, "new"));
  g_test_message ("policy: %s", (const char *) g_hash_table_lookup (fields, "new"));
  g_clear_error (&error);

  /* A wrong current password is a field error, not an ended session. */
  g_assert_false (change_password (fixture->client, "Wrong2026", "Nouveau2027", &error));
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID);
  fields = tutti_api_error_get_fields (error);
  g_assert_nonnull (fields);
  g_assert_nonnull (g_hash_table_lookup (fields, "current"));
  g_clear_error (&error);

  /* Still logged in, and the session still works. */
  g_assert_cmpstr (tutti_client_get_token (fixture->client), ==, session->token);
  {
    g_autoptr(TuttiHome) home = get_home (fixture->client, &error);

    g_assert_no_error (error);
    g_assert_nonnull (home);
  }
  g_assert_cmpuint (fixture->expired, ==, 0);
}

static void
test_change_password_success (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiClient) other = NULL;
  g_autoptr(GError) error = NULL;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);

  g_assert_true (change_password (fixture->client, PASSWORD, "Nouveau2027", &error));
  g_assert_no_error (error);
  g_assert_null (tutti_client_get_token (fixture->client));
  g_assert_false (tutti_client_is_logged_in (fixture->client));
  g_assert_cmpuint (fixture->expired, ==, 0);

  /* The old token is dead. */
  other = fixture_new_client (fixture, session->token);
  {
    g_autoptr(TuttiHome) home = get_home (other, &error);

    g_assert_null (home);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED);
    g_clear_error (&error);
  }

  /* The old password too; the new one works. */
  {
    g_autoptr(TuttiSession) old = log_in (fixture->client, LOGIN, PASSWORD, &error);

    g_assert_null (old);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_CREDENTIALS);
    g_clear_error (&error);
  }
  {
    g_autoptr(TuttiSession) renewed = log_in (fixture->client, LOGIN, "Nouveau2027", &error);

    g_assert_no_error (error);
    g_assert_nonnull (renewed);
    g_assert_true (tutti_client_is_logged_in (fixture->client));
  }
}

static void
test_reset_password (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* The same answer whether or not identifier and e-mail match (AUTH-2). */
  g_assert_true (reset_password (fixture->client, LOGIN, EMAIL, &error));
  g_assert_no_error (error);
  g_assert_true (reset_password (fixture->client, LOGIN, "someone@example.org", &error));
  g_assert_no_error (error);
  g_assert_true (reset_password (fixture->client, "nobody", EMAIL, &error));
  g_assert_no_error (error);
  g_assert_false (tutti_client_is_logged_in (fixture->client));
}

/* Accept-Language follows the client's language. */
static void
test_lang (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) english = NULL;
  g_autoptr(GError) french = NULL;
  g_autoptr(TuttiSession) session = NULL;
  guint lang_notified = 0;

  session = log_in (fixture->client, LOGIN, "Wrong2026", &english);
  g_assert_error (english, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_CREDENTIALS);

  g_signal_connect (fixture->client, "notify::lang",
                    G_CALLBACK (on_notify_counted), &lang_notified);
  tutti_client_set_lang (fixture->client, TUTTI_LANG_FR);
  tutti_client_set_lang (fixture->client, TUTTI_LANG_FR);
  g_assert_cmpuint (lang_notified, ==, 1);
  g_assert_cmpint (tutti_client_get_lang (fixture->client), ==, TUTTI_LANG_FR);

  session = log_in (fixture->client, LOGIN, "Wrong2026", &french);
  g_assert_error (french, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_CREDENTIALS);

  g_test_message ("en: %s / fr: %s", english->message, french->message);
  g_assert_cmpstr (english->message, !=, french->message);
  g_assert_cmpstr (english->message, ==,
                   tutti_api_error_code_message (TUTTI_API_ERROR_BAD_CREDENTIALS, TUTTI_LANG_EN));
  g_assert_cmpstr (french->message, ==,
                   tutti_api_error_code_message (TUTTI_API_ERROR_BAD_CREDENTIALS, TUTTI_LANG_FR));
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* Cancelled while on its way. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(TuttiSession) session = NULL;

    tutti_client_log_in_async (fixture->client, SITE, LOGIN, PASSWORD,
                               cancellable, on_result, &result);
    g_cancellable_cancel (cancellable);
    session = tutti_client_log_in_finish (fixture->client, wait_for_result (&result), &error);
    g_assert_null (session);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (tutti_client_get_token (fixture->client));
    g_clear_error (&error);
  }

  /* Cancelled before it started. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) sites = NULL;

    g_cancellable_cancel (cancellable);
    tutti_client_list_sites_async (fixture->client, cancellable, on_result, &result);
    sites = tutti_client_list_sites_finish (fixture->client, wait_for_result (&result), &error);
    g_assert_null (sites);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  /* The client still works afterwards. */
  {
    g_autoptr(GPtrArray) sites = list_sites (fixture->client, &error);

    g_assert_no_error (error);
    g_assert_nonnull (sites);
  }
}

/* ---- Without a server ------------------------------------------------------------ */

/* A loopback port on which nothing listens. */
static guint16
closed_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);

  return port;
}

static void
test_unavailable (void)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());
  g_autoptr(TuttiClient) client = tutti_client_new (url);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  gint64 start;

  tutti_client_set_lang (client, TUTTI_LANG_EN);

  start = g_get_monotonic_time ();
  sites = list_sites (client, &error);
  g_assert_null (sites);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (error->message, url));
  g_test_message ("en: %s", error->message);
  g_clear_error (&error);

  tutti_client_set_lang (client, TUTTI_LANG_FR);
  session = log_in (client, LOGIN, PASSWORD, &error);
  g_assert_null (session);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, url));
  g_assert_nonnull (strstr (error->message, "Impossible"));
  g_test_message ("fr: %s", error->message);
  g_assert_null (tutti_client_get_token (client));
  g_clear_error (&error);

  /* A log-out that cannot reach the server still forgets the session. */
  tutti_client_set_token (client, "stale-token");
  g_assert_false (log_out (client, &error));
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE);
  g_assert_null (tutti_client_get_token (client));
}

static void
test_bad_base_url (void)
{
  const char * const urls[] = { NULL, "", "not a url", "ftp://example.org", "http://" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(TuttiClient) client = tutti_client_new (urls[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) sites = NULL;

      tutti_client_set_lang (client, TUTTI_LANG_EN);
      sites = list_sites (client, &error);
      g_assert_null (sites);
      g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE);
      g_test_message ("%s: %s", urls[i] ? urls[i] : "(null)", error->message);
    }
}

static void
test_properties (void)
{
  g_autoptr(TuttiClient) client = tutti_client_new ("http://127.0.0.1:1");
  g_autofree char *base_url = NULL;
  g_autofree char *token = NULL;
  guint token_notified = 0;
  guint timeout = 0;
  int lang = -1;

  g_signal_connect (client, "notify::token", G_CALLBACK (on_notify_counted), &token_notified);

  g_object_set (client, "token", "abc", "lang", TUTTI_LANG_FR, "timeout", 5, NULL);
  g_object_get (client,
                "base-url", &base_url,
                "token", &token,
                "lang", &lang,
                "timeout", &timeout,
                NULL);
  g_assert_cmpstr (base_url, ==, "http://127.0.0.1:1");
  g_assert_cmpstr (token, ==, "abc");
  g_assert_cmpint (lang, ==, TUTTI_LANG_FR);
  g_assert_cmpuint (timeout, ==, 5);
  g_assert_true (tutti_client_is_logged_in (client));
  g_assert_cmpuint (token_notified, ==, 1);

  /* Same value: no notification. */
  tutti_client_set_token (client, "abc");
  g_assert_cmpuint (token_notified, ==, 1);

  /* A token is for the server that gave it. */
  tutti_client_set_base_url (client, "http://127.0.0.1:2");
  g_assert_null (tutti_client_get_token (client));
  g_assert_cmpuint (token_notified, ==, 2);
}

/* ---- Against a fake server -------------------------------------------------------- */

typedef struct
{
  SoupServer *server;
  char *url;
  /* What the handler answers. */
  guint status;
  char *content_type;
  char *body;
  char *retry_after;
  gboolean hang;
  /* What it saw last. */
  char *method;
  char *path;
  char *request_content_type;
  char *accept_language;
  char *authorization;
  char *idempotency_key;
  char *request_body;
  GPtrArray *paused;
} Fake;

static void
keep (char       **field,
      const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
fake_handler (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fake *fake = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  SoupMessageBody *body = soup_server_message_get_request_body (message);

  keep (&fake->method, soup_server_message_get_method (message));
  keep (&fake->path, path);
  keep (&fake->request_content_type, soup_message_headers_get_one (headers, "Content-Type"));
  keep (&fake->accept_language, soup_message_headers_get_one (headers, "Accept-Language"));
  keep (&fake->authorization, soup_message_headers_get_one (headers, "Authorization"));
  keep (&fake->idempotency_key, soup_message_headers_get_one (headers, "Idempotency-Key"));
  g_clear_pointer (&fake->request_body, g_free);
  if (body->length > 0)
    fake->request_body = g_strndup (body->data, body->length);

  if (fake->hang)
    {
      soup_server_message_pause (message);
      g_ptr_array_add (fake->paused, g_object_ref (message));
      return;
    }

  if (fake->retry_after != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                  "Retry-After", fake->retry_after);
  soup_server_message_set_status (message, fake->status, NULL);
  if (fake->body != NULL)
    soup_server_message_set_response (message, fake->content_type, SOUP_MEMORY_COPY,
                                      fake->body, strlen (fake->body));
}

static void
fake_set_up (Fake          *fake,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fake->paused = g_ptr_array_new_with_free_func (g_object_unref);
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, NULL, fake_handler, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fake->server);
  g_assert_nonnull (uris);
  fake->url = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  fake->status = SOUP_STATUS_OK;
  fake->content_type = g_strdup ("application/json");
}

static void
fake_tear_down (Fake          *fake,
                gconstpointer  user_data)
{
  /* Let the paused messages go before the server does. */
  for (guint i = 0; i < fake->paused->len; i++)
    {
      SoupServerMessage *message = g_ptr_array_index (fake->paused, i);

      soup_server_message_set_status (message, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_unpause (message);
    }
  g_clear_pointer (&fake->paused, g_ptr_array_unref);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_free (fake->url);
  g_free (fake->content_type);
  g_free (fake->body);
  g_free (fake->retry_after);
  g_free (fake->method);
  g_free (fake->path);
  g_free (fake->request_content_type);
  g_free (fake->accept_language);
  g_free (fake->authorization);
  g_free (fake->idempotency_key);
  g_free (fake->request_body);
}

static void
fake_answer (Fake       *fake,
             guint       status,
             const char *body)
{
  fake->status = status;
  g_free (fake->body);
  fake->body = g_strdup (body);
}

static void
test_request_headers (Fake          *fake,
                      gconstpointer  user_data)
{
  g_autoptr(TuttiClient) client = tutti_client_new (fake->url);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;

  /* The log-in: JSON from the core request type, no token. */
  tutti_client_set_lang (client, TUTTI_LANG_FR);
  tutti_client_set_token (client, "old-token");
  fake_answer (fake, 401, "{\"error\":{\"code\":\"bad-credentials\",\"message\":\"Non.\"}}");
  {
    g_autoptr(TuttiSession) session = log_in (client, LOGIN, "pass\"word€", &error);

    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_CREDENTIALS);
    g_assert_cmpstr (error->message, ==, "Non.");
    g_clear_error (&error);
  }
  g_assert_cmpstr (fake->method, ==, "POST");
  g_assert_cmpstr (fake->path, ==, TUTTI_API_SESSION);
  g_assert_cmpstr (fake->request_content_type, ==, TUTTI_API_CONTENT_TYPE_JSON);
  g_assert_cmpstr (fake->accept_language, ==, "fr");
  g_assert_null (fake->authorization);
  g_assert_null (fake->idempotency_key);
  body = json_from_string (fake->request_body, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (body));
  object = json_node_get_object (body);
  g_assert_cmpstr (json_object_get_string_member (object, "site"), ==, SITE);
  g_assert_cmpstr (json_object_get_string_member (object, "login"), ==, LOGIN);
  g_assert_cmpstr (json_object_get_string_member (object, "password"), ==, "pass\"word€");
  /* A refused log-in leaves the previous session alone. */
  g_assert_cmpstr (tutti_client_get_token (client), ==, "old-token");

  /* A logged-in call: the bearer token, English, no body. */
  tutti_client_set_lang (client, TUTTI_LANG_EN);
  fake_answer (fake, 500, "{\"error\":{\"code\":\"internal\",\"message\":\"Oops.\"}}");
  {
    g_autoptr(TuttiHome) home = get_home (client, &error);

    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INTERNAL);
    g_clear_error (&error);
  }
  g_assert_cmpstr (fake->method, ==, "GET");
  g_assert_cmpstr (fake->path, ==, TUTTI_API_HOME);
  g_assert_cmpstr (fake->authorization, ==, "Bearer old-token");
  g_assert_cmpstr (fake->accept_language, ==, "en");
  g_assert_null (fake->request_content_type);
  g_assert_null (fake->request_body);

  /* The password change sends {"current", "new"}. */
  fake_answer (fake, 204, NULL);
  g_assert_true (change_password (client, "Old1pass", "New1pass", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fake->method, ==, "PUT");
  g_assert_cmpstr (fake->path, ==, TUTTI_API_PASSWORD);
  g_assert_cmpstr (fake->authorization, ==, "Bearer old-token");
  g_clear_pointer (&body, json_node_unref);
  body = json_from_string (fake->request_body, &error);
  g_assert_no_error (error);
  object = json_node_get_object (body);
  g_assert_cmpstr (json_object_get_string_member (object, "current"), ==, "Old1pass");
  g_assert_cmpstr (json_object_get_string_member (object, "new"), ==, "New1pass");
  g_assert_null (tutti_client_get_token (client));
}

static void
test_retry_after (Fake          *fake,
                  gconstpointer  user_data)
{
  g_autoptr(TuttiClient) client = tutti_client_new (fake->url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 300);
  g_autofree char *http_date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

  fake_answer (fake, 429, "{\"error\":{\"code\":\"too-many-attempts\",\"message\":\"Wait.\"}}");
  fake->retry_after = g_strdup ("120");
  {
    g_autoptr(TuttiSession) session = log_in (client, LOGIN, PASSWORD, &error);

    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_TOO_MANY_ATTEMPTS);
    g_assert_cmpuint (tutti_api_error_get_retry_after (error), ==, 120);
    g_clear_error (&error);
  }

  /* Retry-After may also be an HTTP date. */
  g_free (fake->retry_after);
  fake->retry_after = g_strdup (http_date);
  {
    g_autoptr(TuttiSession) session = log_in (client, LOGIN, PASSWORD, &error);

    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_TOO_MANY_ATTEMPTS);
    g_assert_cmpuint (tutti_api_error_get_retry_after (error), >=, 290);
    g_assert_cmpuint (tutti_api_error_get_retry_after (error), <=, 301);
  }
}

static void
test_unreadable_answers (Fake          *fake,
                         gconstpointer  user_data)
{
  g_autoptr(TuttiClient) client = tutti_client_new (fake->url);
  g_autoptr(GError) error = NULL;

  tutti_client_set_lang (client, TUTTI_LANG_FR);
  tutti_client_set_token (client, "token");

  /* A 200 that is not JSON. */
  fake_answer (fake, 200, "<html>Welcome</html>");
  {
    g_autoptr(TuttiHome) home = get_home (client, &error);

    g_assert_null (home);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INTERNAL);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }

  /* A list where a record was expected, and the reverse. */
  fake_answer (fake, 200, "[]");
  {
    g_autoptr(TuttiHome) home = get_home (client, &error);

    g_assert_null (home);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INTERNAL);
    g_clear_error (&error);
  }
  fake_answer (fake, 200, "{\"id\": \"conservatoire\"}");
  {
    g_autoptr(GPtrArray) sites = list_sites (client, &error);

    g_assert_null (sites);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INTERNAL);
    g_clear_error (&error);
  }

  /* An empty 200. */
  fake_answer (fake, 200, NULL);
  {
    g_autoptr(TuttiHome) home = get_home (client, &error);

    g_assert_null (home);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INTERNAL);
    g_clear_error (&error);
  }

  /* A proxy's error page: named after its status, in the client's language. */
  g_free (fake->content_type);
  fake->content_type = g_strdup ("text/html");
  fake_answer (fake, 502, "<html>Bad gateway</html>");
  {
    g_autoptr(TuttiHome) home = get_home (client, &error);

    g_assert_null (home);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INTERNAL);
    g_assert_cmpstr (error->message, ==,
                     tutti_api_error_code_message (TUTTI_API_ERROR_INTERNAL, TUTTI_LANG_FR));
    g_clear_error (&error);
  }

  /* None of that ended the session. */
  g_assert_cmpstr (tutti_client_get_token (client), ==, "token");

  /* A list of sites that is fine. */
  fake_answer (fake, 200, "[{\"id\": \"conservatoire\", \"name\": \"Conservatoire\"}]");
  {
    g_autoptr(GPtrArray) sites = list_sites (client, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sites->len, ==, 1);
    g_assert_cmpstr (((TuttiSite *) g_ptr_array_index (sites, 0))->name, ==, "Conservatoire");
    g_assert_null (fake->authorization);
  }
}

/* A server that accepts and never answers: the call gives up at its timeout. */
static void
test_timeout (Fake          *fake,
              gconstpointer  user_data)
{
  g_autoptr(TuttiClient) client = tutti_client_new (fake->url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  gint64 start;

  tutti_client_set_lang (client, TUTTI_LANG_EN);
  tutti_client_set_timeout (client, 1);
  fake->hang = TRUE;

  start = g_get_monotonic_time ();
  sites = list_sites (client, &error);
  g_assert_null (sites);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC - G_USEC_PER_SEC / 10);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (error->message, fake->url));
  g_test_message ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* Loopback traffic must not go through a proxy of the environment. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");

#define ADD_SERVER_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_FAKE_TEST(path, func) \
  g_test_add (path, Fake, NULL, fake_set_up, func, fake_tear_down)

  ADD_SERVER_TEST ("/client/sites", test_sites);
  ADD_SERVER_TEST ("/client/log-in/good", test_log_in_good);
  ADD_SERVER_TEST ("/client/log-in/staff", test_log_in_staff);
  ADD_SERVER_TEST ("/client/log-in/bad", test_log_in_bad);
  ADD_SERVER_TEST ("/client/log-in/too-many-attempts", test_log_in_too_many_attempts);
  ADD_SERVER_TEST ("/client/home", test_home);
  ADD_SERVER_TEST ("/client/home/unauthenticated", test_home_unauthenticated);
  ADD_SERVER_TEST ("/client/session-expired", test_session_expired);
  ADD_SERVER_TEST ("/client/log-out", test_log_out);
  ADD_SERVER_TEST ("/client/log-out/stale", test_log_out_stale);
  ADD_SERVER_TEST ("/client/change-password/policy", test_change_password_policy);
  ADD_SERVER_TEST ("/client/change-password/success", test_change_password_success);
  ADD_SERVER_TEST ("/client/reset-password", test_reset_password);
  ADD_SERVER_TEST ("/client/lang", test_lang);
  ADD_SERVER_TEST ("/client/cancelled", test_cancelled);

  g_test_add_func ("/client/unavailable", test_unavailable);
  g_test_add_func ("/client/bad-base-url", test_bad_base_url);
  g_test_add_func ("/client/properties", test_properties);

  ADD_FAKE_TEST ("/client/fake/request-headers", test_request_headers);
  ADD_FAKE_TEST ("/client/fake/retry-after", test_retry_after);
  ADD_FAKE_TEST ("/client/fake/unreadable-answers", test_unreadable_answers);
  ADD_FAKE_TEST ("/client/fake/timeout", test_timeout);

  return g_test_run ();
}
