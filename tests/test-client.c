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

static TuttiBillingStatement *
get_billing (TuttiClient       *client,
             TuttiBillingKind   kind,
             GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_billing_async (client, kind, NULL, on_result, &result);
  return tutti_client_get_billing_finish (client, wait_for_result (&result), error);
}

static GBytes *
get_billing_document (TuttiClient  *client,
                      const char   *operation,
                      GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_billing_document_async (client, operation, NULL, on_result, &result);
  return tutti_client_get_billing_document_finish (client, wait_for_result (&result), error);
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

/* BIL-1: the guide's 2012 lines of Z-TEST, newest first, and their totals. */
static void
test_billing (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiBillingStatement) fees = NULL;
  g_autoptr(TuttiBillingStatement) rentals = NULL;
  g_autoptr(GError) error = NULL;
  const TuttiBillingLine *receipt;
  const TuttiBillingLine *invoice;
  gint64 invoiced = 0, paid = 0;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);

  fees = get_billing (fixture->client, TUTTI_BILLING_FEE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fees);
  g_assert_cmpint (fees->kind, ==, TUTTI_BILLING_FEE);
  g_assert_cmpuint (fees->lines->len, ==, 2);
  receipt = g_ptr_array_index (fees->lines, 0);
  invoice = g_ptr_array_index (fees->lines, 1);
  g_assert_cmpstr (receipt->operation, ==, "12RC01632");
  g_assert_cmpstr (receipt->date, ==, "2012-11-19");
  g_assert_cmpint (receipt->payment_method, ==, TUTTI_PAYMENT_CHEQUE);
  g_assert_cmpint (receipt->credit, ==, 8400);
  g_assert_cmpint (receipt->debit, ==, 0);
  g_assert_cmpstr (invoice->operation, ==, "12FC01618");
  g_assert_cmpstr (invoice->date, ==, "2012-10-11");
  g_assert_cmpstr (invoice->label, ==, "AVIS DES SOMMES A PAYER");
  g_assert_cmpint (invoice->debit, ==, 8400);
  g_assert_false (invoice->discount);
  g_assert_cmpint (fees->invoiced, ==, 8400);
  g_assert_cmpint (fees->paid, ==, 8400);
  g_assert_cmpint (fees->balance, ==, 0);

  rentals = get_billing (fixture->client, TUTTI_BILLING_RENTAL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rentals);
  g_assert_cmpint (rentals->kind, ==, TUTTI_BILLING_RENTAL);
  for (guint i = 0; i < rentals->lines->len; i++)
    {
      const TuttiBillingLine *line = g_ptr_array_index (rentals->lines, i);

      g_assert_cmpint (line->kind, ==, TUTTI_BILLING_RENTAL);
      invoiced += line->debit;
      paid += line->credit;
    }
  g_assert_cmpint (rentals->invoiced, ==, invoiced);
  g_assert_cmpint (rentals->paid, ==, paid);
  g_assert_cmpint (rentals->balance, ==, invoiced - paid);

  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* A family with money owed: the balance is what remains to pay. */
static void
test_billing_balance_due (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = log_in (fixture->client, "cmartin", PASSWORD, &error);
  g_assert_no_error (error);

  for (TuttiBillingKind kind = TUTTI_BILLING_FEE; kind <= TUTTI_BILLING_RENTAL; kind++)
    {
      g_autoptr(TuttiBillingStatement) statement = get_billing (fixture->client, kind, &error);

      g_assert_no_error (error);
      g_assert_cmpint (statement->kind, ==, kind);
      g_assert_cmpuint (statement->lines->len, >, 50);
      g_assert_cmpint (statement->balance, ==, statement->invoiced - statement->paid);
      g_test_message ("%s: %u lines, balance %" G_GINT64_FORMAT,
                      tutti_enum_to_nick (&tutti_billing_kind_enum, kind),
                      statement->lines->len, statement->balance);
    }
}

/* Not logged in: a 401, and no session ends. */
static void
test_billing_unauthenticated (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(TuttiBillingStatement) fees = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  fees = get_billing (fixture->client, TUTTI_BILLING_FEE, &error);
  g_assert_null (fees);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  pdf = get_billing_document (fixture->client, "12FC01618", &error);
  g_assert_null (pdf);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED);
  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* BIL-2: the PDF of one of the family's operations; another family's, or
 * none, is not found — the same answer. */
static void
test_billing_document (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(TuttiClient) martin = fixture_new_client (fixture, NULL);
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiSession) martin_session = NULL;
  g_autoptr(TuttiBillingStatement) martin_fees = NULL;
  g_autoptr(GError) error = NULL;
  const TuttiBillingLine *foreign;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);

  {
    g_autoptr(GBytes) pdf = get_billing_document (fixture->client, "12FC01618", &error);
    gsize size;
    const char *data;

    g_assert_no_error (error);
    g_assert_nonnull (pdf);
    data = g_bytes_get_data (pdf, &size);
    g_assert_cmpuint (size, >, 1000);
    g_assert_true (g_str_has_prefix (data, "%PDF-"));
  }

  {
    g_autoptr(GBytes) pdf = get_billing_document (fixture->client, "12RC01632", &error);

    g_assert_no_error (error);
    g_assert_nonnull (pdf);
  }

  {
    g_autoptr(GBytes) pdf = get_billing_document (fixture->client, "99XX00000", &error);

    g_assert_null (pdf);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Characters a path must escape reach the server as one segment, which
   * it refuses as a malformed operation number rather than serve another
   * route. */
  {
    g_autoptr(GBytes) pdf = get_billing_document (fixture->client, "../fees?x=1 #", &error);

    g_assert_null (pdf);
    g_assert_nonnull (error);
    g_assert_true (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND) ||
                   g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_REQUEST));
    g_clear_error (&error);
  }

  /* An operation of the MARTIN family. */
  martin_session = log_in (martin, "cmartin", PASSWORD, &error);
  g_assert_no_error (error);
  martin_fees = get_billing (martin, TUTTI_BILLING_FEE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (martin_fees->lines->len, >, 0);
  foreign = g_ptr_array_index (martin_fees->lines, 0);
  {
    g_autoptr(GBytes) mine = get_billing_document (martin, foreign->operation, &error);

    g_assert_no_error (error);
    g_assert_nonnull (mine);
  }
  {
    g_autoptr(GBytes) theirs = get_billing_document (fixture->client, foreign->operation, &error);

    g_assert_null (theirs);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* None of that ended a session. */
  g_assert_cmpuint (fixture->expired, ==, 0);
  g_assert_true (tutti_client_is_logged_in (fixture->client));
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

  /* A document that is a web page, not the PDF asked for. */
  fake_answer (fake, 200, "<html>Welcome</html>");
  {
    g_autoptr(GBytes) pdf = get_billing_document (client, "12FC01618", &error);

    g_assert_null (pdf);
    g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INTERNAL);
    g_test_message ("%s", error->message);
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

/* A document is asked for as a PDF, by its escaped operation number, and
 * comes back as the very bytes sent. */
static void
test_fake_document (Fake          *fake,
                    gconstpointer  user_data)
{
  g_autoptr(TuttiClient) client = tutti_client_new (fake->url);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  static const char body[] = "%PDF-1.5 not really";
  gsize size;

  tutti_client_set_token (client, "token");
  g_free (fake->content_type);
  fake->content_type = g_strdup ("application/pdf");
  fake_answer (fake, 200, body);

  pdf = get_billing_document (client, "12 FC/01", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (pdf, &size), size, body, strlen (body));
  g_assert_cmpstr (fake->method, ==, "GET");
  g_assert_cmpstr (fake->path, ==, TUTTI_API_BILLING_DOCUMENTS "/12 FC/01");
  g_assert_cmpstr (fake->authorization, ==, "Bearer token");
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

/* ---- The office's validation queue (STAFF-2) ------------------------------------ */

#define STAFF_LOGIN    "secretariat"
#define STAFF_PASSWORD "Accueil2026"

static GPtrArray *
list_change_groups (TuttiClient  *client,
                    GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_list_change_groups_async (client, NULL, on_result, &result);
  return tutti_client_list_change_groups_finish (client, wait_for_result (&result), error);
}

static TuttiChangeGroup *
get_change_group (TuttiClient  *client,
                  TuttiEntity   entity,
                  gint64        entity_id,
                  GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_change_group_async (client, entity, entity_id, NULL, on_result, &result);
  return tutti_client_get_change_group_finish (client, wait_for_result (&result), error);
}

static TuttiChangeGroup *
decide_changes (TuttiClient  *client,
                TuttiEntity   entity,
                gint64        entity_id,
                GPtrArray    *decisions,
                GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_decide_changes_async (client, entity, entity_id, decisions, NULL, on_result, &result);
  return tutti_client_decide_changes_finish (client, wait_for_result (&result), error);
}

static TuttiChangeGroup *
accept_all_changes (TuttiClient  *client,
                    TuttiEntity   entity,
                    gint64        entity_id,
                    GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_accept_all_changes_async (client, entity, entity_id, NULL, on_result, &result);
  return tutti_client_accept_all_changes_finish (client, wait_for_result (&result), error);
}

static TuttiChangeGroup *
refuse_all_changes (TuttiClient  *client,
                    TuttiEntity   entity,
                    gint64        entity_id,
                    const char   *reason,
                    GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_refuse_all_changes_async (client, entity, entity_id, reason, NULL, on_result, &result);
  return tutti_client_refuse_all_changes_finish (client, wait_for_result (&result), error);
}

/* A family's request straight through HTTP (the family's side of the
 * client is not what these tests are about); the answer's JSON. */
static JsonNode *
family_request (Fixture    *fixture,
                const char *token,
                const char *method,
                const char *path,
                const char *body,
                guint       expected_status)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (tutti_test_server_get_url (fixture->server), path, NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, expected_status);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                             g_bytes_get_size (answer), &error));
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static void
family_patch_guardian (Fixture    *fixture,
                       const char *token,
                       gint64      guardian_id,
                       const char *body)
{
  g_autofree char *path = g_strdup_printf (TUTTI_API_GUARDIAN_FMT, guardian_id);
  g_autoptr(JsonNode) answer = family_request (fixture, token, "PATCH", path, body, 202);

  g_assert_nonnull (answer);
}

static TuttiGuardian *
family_get_guardian (Fixture    *fixture,
                     const char *token,
                     gint64      guardian_id)
{
  g_autofree char *path = g_strdup_printf (TUTTI_API_GUARDIAN_FMT, guardian_id);
  g_autoptr(JsonNode) answer = family_request (fixture, token, "GET", path, NULL, 200);
  g_autoptr(GError) error = NULL;
  TuttiGuardian *guardian = tutti_guardian_from_json (answer, &error);

  g_assert_no_error (error);
  return guardian;
}

static const TuttiChangeGroup *
find_group (GPtrArray   *groups,
            TuttiEntity  entity,
            gint64       entity_id)
{
  for (guint i = 0; i < groups->len; i++)
    {
      const TuttiChangeGroup *group = g_ptr_array_index (groups, i);

      if (group->entity == entity && group->entity_id == entity_id)
        return group;
    }
  return NULL;
}

static const TuttiPendingChange *
find_change_of_field (GPtrArray  *changes,
                      const char *field)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const TuttiPendingChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->field, field) == 0)
        return change;
    }
  return NULL;
}

static TuttiPendingChange *
new_decision (gint64            id,
              TuttiChangeState  state,
              const char       *reason)
{
  TuttiPendingChange *decision = tutti_pending_change_new ();

  decision->id = id;
  decision->state = state;
  decision->reason = g_strdup (reason);
  return decision;
}

/* Logs @fixture's client in as Z-TEST's guardian and a new client as the
 * office; the guardian's id. */
static gint64
log_in_family_and_staff (Fixture      *fixture,
                         TuttiClient **staff)
{
  g_autoptr(TuttiSession) family_session = NULL;
  g_autoptr(TuttiSession) staff_session = NULL;
  g_autoptr(GError) error = NULL;

  family_session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (family_session->account->guardian_id, >, 0);

  *staff = fixture_new_client (fixture, NULL);
  staff_session = log_in (*staff, STAFF_LOGIN, STAFF_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (staff_session->account->role, ==, TUTTI_ROLE_STAFF);

  return family_session->account->guardian_id;
}

/* The queue lists the record, field by field; deciding applies the
 * accepted value, keeps the refusal's reason for the family, and a second
 * decision on the same change is a conflict. */
static void
test_staff_decide (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TuttiClient) staff = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) groups_after = NULL;
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_pending_change_free);
  g_autoptr(TuttiChangeGroup) group = NULL;
  g_autoptr(TuttiChangeGroup) decided = NULL;
  g_autoptr(TuttiChangeGroup) again = NULL;
  g_autoptr(TuttiChangeGroup) left = NULL;
  g_autoptr(TuttiGuardian) guardian = NULL;
  g_autoptr(GError) error = NULL;
  const TuttiChangeGroup *listed;
  const TuttiPendingChange *town;
  const TuttiPendingChange *phone;
  const TuttiPendingChange *refused;
  gint64 guardian_id;

  guardian_id = log_in_family_and_staff (fixture, &staff);
  family_patch_guardian (fixture, tutti_client_get_token (fixture->client), guardian_id,
                         "{\"pending_changes\": [{\"field\": \"town\", \"new_value\": \"VITRÉ\"},"
                         " {\"field\": \"mobile_phone\", \"new_value\": \"0612345678\"}]}");

  /* The demo's BERTHELOT change first: the oldest submission first. */
  groups = list_change_groups (staff, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, >=, 2);
  for (guint i = 1; i < groups->len; i++)
    {
      const TuttiChangeGroup *previous = g_ptr_array_index (groups, i - 1);
      const TuttiChangeGroup *current = g_ptr_array_index (groups, i);

      g_assert_cmpstr (previous->submitted_at, <=, current->submitted_at);
    }
  listed = find_group (groups, TUTTI_ENTITY_GUARDIAN, guardian_id);
  g_assert_nonnull (listed);
  g_assert_cmpstr (listed->family_name, ==, "Z-TEST");
  g_assert_cmpint (listed->civility, ==, TUTTI_CIVILITY_MR);
  g_assert_cmpstr (listed->surname, ==, "Z-TEST");
  g_assert_cmpstr (listed->first_name, ==, "Essai");
  g_assert_nonnull (listed->submitted_at);
  g_assert_cmpuint (listed->changes->len, ==, 2);

  group = get_change_group (staff, TUTTI_ENTITY_GUARDIAN, guardian_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (group->family_id, ==, listed->family_id);
  g_assert_cmpuint (group->changes->len, ==, 2);
  town = find_change_of_field (group->changes, "town");
  phone = find_change_of_field (group->changes, "mobile_phone");
  g_assert_nonnull (town);
  g_assert_nonnull (phone);
  g_assert_cmpstr (town->old_value, ==, "VITRE");
  g_assert_cmpstr (town->new_value, ==, "VITRÉ");
  g_assert_cmpint (town->state, ==, TUTTI_CHANGE_PENDING);
  g_assert_cmpstr (phone->new_value, ==, "0612345678");

  g_ptr_array_add (decisions, new_decision (town->id, TUTTI_CHANGE_ACCEPTED, "ignored: accepted"));
  g_ptr_array_add (decisions, new_decision (phone->id, TUTTI_CHANGE_REFUSED, "Numéro incomplet"));
  decided = decide_changes (staff, TUTTI_ENTITY_GUARDIAN, guardian_id, decisions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decided->changes->len, ==, 2);
  g_assert_cmpint (find_change_of_field (decided->changes, "town")->state, ==, TUTTI_CHANGE_ACCEPTED);
  g_assert_null (find_change_of_field (decided->changes, "town")->reason);
  refused = find_change_of_field (decided->changes, "mobile_phone");
  g_assert_cmpint (refused->state, ==, TUTTI_CHANGE_REFUSED);
  g_assert_cmpstr (refused->reason, ==, "Numéro incomplet");
  g_assert_nonnull (refused->decided_at);

  /* Decided already: nothing happens, and the office is told. */
  again = decide_changes (staff, TUTTI_ENTITY_GUARDIAN, guardian_id, decisions, &error);
  g_assert_null (again);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_CONFLICT);
  g_clear_error (&error);

  left = get_change_group (staff, TUTTI_ENTITY_GUARDIAN, guardian_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->changes->len, ==, 0);
  groups_after = list_change_groups (staff, &error);
  g_assert_no_error (error);
  g_assert_null (find_group (groups_after, TUTTI_ENTITY_GUARDIAN, guardian_id));
  g_assert_cmpuint (groups_after->len, ==, groups->len - 1);

  /* The family sees the town applied and the refusal with its reason. */
  guardian = family_get_guardian (fixture, tutti_client_get_token (fixture->client), guardian_id);
  g_assert_cmpstr (guardian->town, ==, "VITRÉ");
  g_assert_cmpstr (guardian->mobile_phone, !=, "0612345678");
  refused = find_change_of_field (guardian->pending_changes, "mobile_phone");
  g_assert_nonnull (refused);
  g_assert_cmpint (refused->state, ==, TUTTI_CHANGE_REFUSED);
  g_assert_cmpstr (refused->reason, ==, "Numéro incomplet");
  g_assert_null (find_change_of_field (guardian->pending_changes, "town"));

  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* Every change of a record at once, with or without a reason. */
static void
test_staff_accept_refuse_all (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(TuttiClient) staff = NULL;
  g_autoptr(TuttiChangeGroup) accepted = NULL;
  g_autoptr(TuttiChangeGroup) refused = NULL;
  g_autoptr(TuttiChangeGroup) nothing = NULL;
  g_autoptr(TuttiChangeGroup) berthelot_refused = NULL;
  g_autoptr(TuttiGuardian) guardian = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  const TuttiChangeGroup *berthelot = NULL;
  const TuttiPendingChange *change;
  gint64 guardian_id;

  guardian_id = log_in_family_and_staff (fixture, &staff);

  family_patch_guardian (fixture, tutti_client_get_token (fixture->client), guardian_id,
                         "{\"pending_changes\": [{\"field\": \"town\", \"new_value\": \"RENNES\"},"
                         " {\"field\": \"postcode\", \"new_value\": \"35000\"}]}");
  accepted = accept_all_changes (staff, TUTTI_ENTITY_GUARDIAN, guardian_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accepted->changes->len, ==, 2);
  for (guint i = 0; i < accepted->changes->len; i++)
    g_assert_cmpint (((TuttiPendingChange *) g_ptr_array_index (accepted->changes, i))->state,
                     ==, TUTTI_CHANGE_ACCEPTED);

  family_patch_guardian (fixture, tutti_client_get_token (fixture->client), guardian_id,
                         "{\"pending_changes\": [{\"field\": \"email\", \"new_value\": \"essai@example.org\"}]}");
  refused = refuse_all_changes (staff, TUTTI_ENTITY_GUARDIAN, guardian_id, "Justificatif manquant", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refused->changes->len, ==, 1);
  change = g_ptr_array_index (refused->changes, 0);
  g_assert_cmpstr (change->field, ==, "email");
  g_assert_cmpint (change->state, ==, TUTTI_CHANGE_REFUSED);
  g_assert_cmpstr (change->reason, ==, "Justificatif manquant");

  /* Nothing left to decide: nothing decided, no error. */
  nothing = accept_all_changes (staff, TUTTI_ENTITY_GUARDIAN, guardian_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nothing->changes->len, ==, 0);

  guardian = family_get_guardian (fixture, tutti_client_get_token (fixture->client), guardian_id);
  g_assert_cmpstr (guardian->town, ==, "RENNES");
  g_assert_cmpstr (guardian->postcode, ==, "35000");
  g_assert_cmpstr (guardian->email, ==, EMAIL);

  /* A refusal without a reason: the demo's BERTHELOT phone. */
  groups = list_change_groups (staff, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < groups->len; i++)
    {
      const TuttiChangeGroup *group = g_ptr_array_index (groups, i);

      if (g_strcmp0 (group->family_name, "BERTHELOT") == 0)
        berthelot = group;
    }
  g_assert_nonnull (berthelot);
  berthelot_refused = refuse_all_changes (staff, berthelot->entity, berthelot->entity_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (berthelot_refused->changes->len, ==, 1);
  change = g_ptr_array_index (berthelot_refused->changes, 0);
  g_assert_cmpint (change->state, ==, TUTTI_CHANGE_REFUSED);
  g_assert_null (change->reason);

  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* A family's token never reaches the queue; an unknown record is 404. */
static void
test_staff_forbidden (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(TuttiClient) staff = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_pending_change_free);
  g_autoptr(TuttiChangeGroup) group = NULL;
  g_autoptr(TuttiChangeGroup) decided = NULL;
  g_autoptr(TuttiChangeGroup) accepted = NULL;
  g_autoptr(TuttiChangeGroup) missing = NULL;
  g_autoptr(GError) error = NULL;
  gint64 guardian_id;

  guardian_id = log_in_family_and_staff (fixture, &staff);

  groups = list_change_groups (fixture->client, &error);
  g_assert_null (groups);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_FORBIDDEN);
  g_clear_error (&error);

  group = get_change_group (fixture->client, TUTTI_ENTITY_GUARDIAN, guardian_id, &error);
  g_assert_null (group);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_ptr_array_add (decisions, new_decision (1, TUTTI_CHANGE_ACCEPTED, NULL));
  decided = decide_changes (fixture->client, TUTTI_ENTITY_GUARDIAN, guardian_id, decisions, &error);
  g_assert_null (decided);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_FORBIDDEN);
  g_clear_error (&error);

  accepted = accept_all_changes (fixture->client, TUTTI_ENTITY_GUARDIAN, guardian_id, &error);
  g_assert_null (accepted);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_FORBIDDEN);
  g_clear_error (&error);

  missing = get_change_group (staff, TUTTI_ENTITY_PUPIL, 999999, &error);
  g_assert_null (missing);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Refused, not logged out. */
  g_assert_true (tutti_client_is_logged_in (fixture->client));
  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* ---- The family's file (FAM-1, FAM-3, FAM-4, PUP-1..5) ----------------------------- */

static TuttiFamily *
get_family (TuttiClient  *client,
            GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_family_async (client, NULL, on_result, &result);
  return tutti_client_get_family_finish (client, wait_for_result (&result), error);
}

/* One change, as the forms send them: field and new value. */
static GPtrArray *
make_changes (const char *field,
              const char *new_value,
              ...)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_pending_change_free);
  va_list args;

  va_start (args, new_value);
  while (field != NULL)
    {
      TuttiPendingChange *change = tutti_pending_change_new ();

      change->field = g_strdup (field);
      change->new_value = g_strdup (new_value);
      g_ptr_array_add (changes, change);
      field = va_arg (args, const char *);
      if (field != NULL)
        new_value = va_arg (args, const char *);
    }
  va_end (args);

  return changes;
}

static TuttiGuardian *
patch_guardian (TuttiClient  *client,
                gint64        guardian_id,
                GPtrArray    *changes,
                GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_patch_guardian_async (client, guardian_id, changes, NULL, on_result, &result);
  return tutti_client_patch_guardian_finish (client, wait_for_result (&result), error);
}

static TuttiPupil *
get_pupil (TuttiClient  *client,
           gint64        pupil_id,
           GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_pupil_async (client, pupil_id, NULL, on_result, &result);
  return tutti_client_get_pupil_finish (client, wait_for_result (&result), error);
}

static TuttiPupil *
patch_pupil (TuttiClient  *client,
             gint64        pupil_id,
             GPtrArray    *changes,
             GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_patch_pupil_async (client, pupil_id, changes, NULL, on_result, &result);
  return tutti_client_patch_pupil_finish (client, wait_for_result (&result), error);
}

static GPtrArray *
list_courses (TuttiClient  *client,
              gint64        pupil_id,
              GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_list_courses_async (client, pupil_id, NULL, on_result, &result);
  return tutti_client_list_courses_finish (client, wait_for_result (&result), error);
}

static TuttiCourse *
get_course (TuttiClient  *client,
            gint64        pupil_id,
            gint64        course_id,
            GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_course_async (client, pupil_id, course_id, NULL, on_result, &result);
  return tutti_client_get_course_finish (client, wait_for_result (&result), error);
}

static GPtrArray *
list_history (TuttiClient  *client,
              gint64        pupil_id,
              GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_list_history_async (client, pupil_id, NULL, on_result, &result);
  return tutti_client_list_history_finish (client, wait_for_result (&result), error);
}

static TuttiHistoryRecord *
get_history_record (TuttiClient  *client,
                    gint64        pupil_id,
                    gint64        record_id,
                    guint         page,
                    guint        *page_out,
                    guint        *n_pages,
                    GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_history_record_async (client, pupil_id, record_id, page, NULL, on_result, &result);
  return tutti_client_get_history_record_finish (client, wait_for_result (&result), page_out, n_pages, error);
}

static GPtrArray *
list_repertoire (TuttiClient  *client,
                 gint64        pupil_id,
                 GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_list_repertoire_async (client, pupil_id, NULL, on_result, &result);
  return tutti_client_list_repertoire_finish (client, wait_for_result (&result), error);
}

/* The first pupil of the logged-in family, as home lists it. */
static gint64
first_pupil_id (TuttiClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiHome) home = get_home (client, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (home->pupils->len, >=, 1);
  return ((TuttiHomePupil *) g_ptr_array_index (home->pupils, 0))->id;
}

static const TuttiPendingChange *
find_change (GPtrArray  *changes,
             const char *field)
{
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const TuttiPendingChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->field, field) == 0)
        return change;
    }

  return NULL;
}

/* FAM-1, FAM-3, FAM-4: the guardians and the school's contact line. */
static void
test_family (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(TuttiClient) martin = fixture_new_client (fixture, NULL);
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiSession) martin_session = NULL;
  g_autoptr(TuttiFamily) family = NULL;
  g_autoptr(TuttiFamily) martins = NULL;
  g_autoptr(GError) error = NULL;
  const TuttiGuardian *guardian;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);
  family = get_family (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (family);
  g_assert_cmpuint (family->guardians->len, ==, 1);
  guardian = g_ptr_array_index (family->guardians, 0);
  g_assert_cmpint (guardian->id, ==, session->account->guardian_id);
  g_assert_cmpint (guardian->civility, ==, TUTTI_CIVILITY_MR);
  g_assert_cmpstr (guardian->surname, ==, "Z-TEST");
  g_assert_cmpstr (guardian->town, ==, "VITRE");
  g_assert_cmpstr (guardian->postcode, ==, "35500");
  g_assert_cmpstr (guardian->email, ==, EMAIL);
  g_assert_nonnull (family->school);
  g_assert_nonnull (family->school->phone);
  g_assert_cmpstr (family->school->email, ==, "conservatoire@vitrecommunaute.org");

  /* MARTIN: two guardians, Claire then Paul. */
  martin_session = log_in (martin, "cmartin", PASSWORD, &error);
  g_assert_no_error (error);
  martins = get_family (martin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (martins->guardians->len, ==, 2);
  g_assert_cmpstr (((TuttiGuardian *) g_ptr_array_index (martins->guardians, 0))->first_name, ==, "Claire");
  g_assert_cmpstr (((TuttiGuardian *) g_ptr_array_index (martins->guardians, 1))->first_name, ==, "Paul");

  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* FAM-1: a change waits for the office, the record keeps its value; an
 * invalid one names its field; another family's guardian is not found. */
static void
test_family_patch (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TuttiClient) martin = fixture_new_client (fixture, NULL);
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiSession) martin_session = NULL;
  g_autoptr(TuttiGuardian) guardian = NULL;
  g_autoptr(TuttiGuardian) again = NULL;
  g_autoptr(TuttiGuardian) refused = NULL;
  g_autoptr(TuttiGuardian) foreign = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GError) error = NULL;
  const TuttiPendingChange *change;
  GHashTable *fields;
  guint n_mails;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);

  outbox = tutti_test_server_list_outbox (fixture->server);
  n_mails = outbox->len;
  g_clear_pointer (&outbox, g_ptr_array_unref);

  changes = make_changes ("town", "VITRÉ", "profession", "Luthier", NULL);
  guardian = patch_guardian (fixture->client, session->account->guardian_id, changes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (guardian);
  g_assert_cmpstr (guardian->town, ==, "VITRE");
  change = find_change (guardian->pending_changes, "town");
  g_assert_nonnull (change);
  g_assert_cmpint (change->state, ==, TUTTI_CHANGE_PENDING);
  g_assert_cmpstr (change->old_value, ==, "VITRE");
  g_assert_cmpstr (change->new_value, ==, "VITRÉ");
  g_assert_nonnull (find_change (guardian->pending_changes, "profession"));
  outbox = tutti_test_server_list_outbox (fixture->server);
  g_assert_cmpuint (outbox->len, ==, n_mails + 1);

  /* The same again: harmless, one change per field. */
  again = patch_guardian (fixture->client, session->account->guardian_id, changes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->pending_changes->len, ==, guardian->pending_changes->len);

  /* 422: each field refused by name, nothing stored. */
  bad = make_changes ("postcode", "355", "surname", "", NULL);
  refused = patch_guardian (fixture->client, session->account->guardian_id, bad, &error);
  g_assert_null (refused);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID);
  fields = tutti_api_error_get_fields (error);
  g_assert_nonnull (fields);
  g_assert_nonnull (g_hash_table_lookup (fields, "postcode"));
  g_assert_nonnull (g_hash_table_lookup (fields, "surname"));
  g_clear_error (&error);

  /* Another family's guardian: 404, like one that does not exist. */
  martin_session = log_in (martin, "cmartin", PASSWORD, &error);
  g_assert_no_error (error);
  foreign = patch_guardian (fixture->client, martin_session->account->guardian_id, changes, &error);
  g_assert_null (foreign);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND);

  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* PUP-2: the pupil's record, its changes pending; another family's pupil
 * is not found. */
static void
test_pupil (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(TuttiClient) martin = fixture_new_client (fixture, NULL);
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiSession) martin_session = NULL;
  g_autoptr(TuttiPupil) pupil = NULL;
  g_autoptr(TuttiPupil) patched = NULL;
  g_autoptr(TuttiPupil) foreign = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  const TuttiPendingChange *change;
  gint64 pupil_id, martin_pupil_id;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);
  pupil_id = first_pupil_id (fixture->client);

  pupil = get_pupil (fixture->client, pupil_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pupil->surname, ==, "Z-TEST");
  g_assert_cmpstr (pupil->birth_date, ==, "2016-01-01");

  changes = make_changes ("image_rights", "yes", "emergency_phone", "0299746864", NULL);
  patched = patch_pupil (fixture->client, pupil_id, changes, &error);
  g_assert_no_error (error);
  change = find_change (patched->pending_changes, "image_rights");
  g_assert_nonnull (change);
  g_assert_cmpint (change->state, ==, TUTTI_CHANGE_PENDING);
  g_assert_cmpstr (change->new_value, ==, "yes");
  g_assert_cmpint (patched->image_rights, ==, pupil->image_rights);

  martin_session = log_in (martin, "cmartin", PASSWORD, &error);
  g_assert_no_error (error);
  martin_pupil_id = first_pupil_id (martin);
  foreign = get_pupil (fixture->client, martin_pupil_id, &error);
  g_assert_null (foreign);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&patched, tutti_pupil_free);
  patched = patch_pupil (fixture->client, martin_pupil_id, changes, &error);
  g_assert_null (patched);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND);

  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* PUP-3..5: courses and a course's sheet, the history paged, the repertoire. */
static void
test_pupil_file (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(TuttiCourse) course = NULL;
  g_autoptr(TuttiCourse) missing = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(TuttiHistoryRecord) first = NULL;
  g_autoptr(TuttiHistoryRecord) second = NULL;
  g_autoptr(TuttiHistoryRecord) past_end = NULL;
  g_autoptr(GPtrArray) pieces = NULL;
  g_autoptr(GError) error = NULL;
  const TuttiCourse *listed;
  const TuttiHistoryRecord *record = NULL;
  gint64 pupil_id;
  guint page = 0, n_pages = 0;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);
  pupil_id = first_pupil_id (fixture->client);

  courses = list_courses (fixture->client, pupil_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (courses->len, >=, 1);
  listed = g_ptr_array_index (courses, 0);
  g_assert_cmpstr (listed->name, ==, "Parcours découvertes instrumentales - Vitré");
  g_assert_cmpstr (listed->teacher, ==, "BLANCHARD Laure");
  g_assert_cmpint (listed->day, ==, TUTTI_WEEKDAY_MONDAY);
  g_assert_cmpstr (listed->time, ==, "17:00");
  g_assert_cmpint (listed->duration, ==, 75);

  course = get_course (fixture->client, pupil_id, listed->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (course->evaluations->len, ==, 3);
  g_assert_cmpuint (course->absences->len, >=, 1);

  missing = get_course (fixture->client, pupil_id, 999999, &error);
  g_assert_null (missing);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  history = list_history (fixture->client, pupil_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      const TuttiHistoryRecord *candidate = g_ptr_array_index (history, i);

      if (g_strcmp0 (candidate->class_name, "CMG MAA Niveau 1") == 0)
        record = candidate;
    }
  g_assert_nonnull (record);
  g_assert_cmpstr (record->year, ==, "2021/2022");

  /* 12 evaluations, 10 a page. */
  first = get_history_record (fixture->client, pupil_id, record->id, 1, &page, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page, ==, 1);
  g_assert_cmpuint (n_pages, ==, 2);
  g_assert_cmpuint (first->evaluations->len, ==, 10);
  g_assert_cmpstr (first->start_date, ==, "2021-09-13");
  g_assert_cmpstr (first->end_date, ==, "2022-07-07");
  g_assert_cmpint (first->hours_planned, ==, 33 * 60);
  g_assert_cmpstr (first->class_admitted, ==, "CMG MAA Niveau 2");

  second = get_history_record (fixture->client, pupil_id, record->id, 2, &page, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page, ==, 2);
  g_assert_cmpuint (second->evaluations->len, ==, 2);

  past_end = get_history_record (fixture->client, pupil_id, record->id, 3, &page, &n_pages, &error);
  g_assert_null (past_end);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  pieces = list_repertoire (fixture->client, pupil_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pieces->len, ==, 4);
  for (guint i = 0; i < pieces->len; i++)
    g_assert_nonnull (((TuttiPiece *) g_ptr_array_index (pieces, i))->title);

  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* ---- Pre-enrolment (PRE-1..4, HOME-4, STAFF-3, STAFF-4) ------------------------------ */

static TuttiOffer *
get_offer (TuttiClient  *client,
           GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_offer_async (client, NULL, on_result, &result);
  return tutti_client_get_offer_finish (client, wait_for_result (&result), error);
}

static TuttiAntispamQuestion *
get_question (TuttiClient  *client,
              GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_antispam_question_async (client, NULL, on_result, &result);
  return tutti_client_get_antispam_question_finish (client, wait_for_result (&result), error);
}

static TuttiPreenrolment *
submit_preenrolment (TuttiClient              *client,
                     const TuttiPreenrolment  *request,
                     const char               *key,
                     GError                  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_submit_preenrolment_async (client, request, key, NULL, on_result, &result);
  return tutti_client_submit_preenrolment_finish (client, wait_for_result (&result), error);
}

static GPtrArray *
list_preenrolments (TuttiClient  *client,
                    GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_list_preenrolments_async (client, NULL, on_result, &result);
  return tutti_client_list_preenrolments_finish (client, wait_for_result (&result), error);
}

static TuttiPreenrolment *
get_preenrolment (TuttiClient  *client,
                  gint64        id,
                  GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_preenrolment_async (client, id, NULL, on_result, &result);
  return tutti_client_get_preenrolment_finish (client, wait_for_result (&result), error);
}

static GPtrArray *
list_staff_campaigns (TuttiClient  *client,
                      GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_list_staff_campaigns_async (client, NULL, on_result, &result);
  return tutti_client_list_staff_campaigns_finish (client, wait_for_result (&result), error);
}

static TuttiCampaign *
set_campaign_open (TuttiClient  *client,
                   gint64        id,
                   gboolean      open,
                   GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_set_campaign_open_async (client, id, open, NULL, on_result, &result);
  return tutti_client_set_campaign_open_finish (client, wait_for_result (&result), error);
}

static GPtrArray *
list_staff_preenrolments (TuttiClient  *client,
                          int           state,
                          GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_list_staff_preenrolments_async (client, state, NULL, on_result, &result);
  return tutti_client_list_staff_preenrolments_finish (client, wait_for_result (&result), error);
}

static TuttiStaffPreenrolment *
get_staff_preenrolment (TuttiClient  *client,
                        gint64        id,
                        GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_staff_preenrolment_async (client, id, NULL, on_result, &result);
  return tutti_client_get_staff_preenrolment_finish (client, wait_for_result (&result), error);
}

static TuttiStaffPreenrolment *
accept_preenrolment (TuttiClient  *client,
                     gint64        id,
                     GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_accept_preenrolment_async (client, id, NULL, on_result, &result);
  return tutti_client_accept_preenrolment_finish (client, wait_for_result (&result), error);
}

static TuttiStaffPreenrolment *
refuse_preenrolment (TuttiClient  *client,
                     gint64        id,
                     const char   *reason,
                     GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_refuse_preenrolment_async (client, id, reason, NULL, on_result, &result);
  return tutti_client_refuse_preenrolment_finish (client, wait_for_result (&result), error);
}

/* "What is 9 plus 29?": the sum of the two numbers. */
static char *
answer_of (const char *question)
{
  gint64 sum = 0;
  guint n = 0;

  for (const char *p = question; *p != '\0';)
    {
      if (g_ascii_isdigit (*p))
        {
          char *end = NULL;

          sum += g_ascii_strtoll (p, &end, 10);
          n++;
          p = end;
        }
      else
        p++;
    }
  g_assert_cmpuint (n, ==, 2);
  return g_strdup_printf ("%" G_GINT64_FORMAT, sum);
}

/* A request for @first_name, 7 on the offer's date, in the demo's
 * "Accordéon chromatique – Argentré-du-Plessis – Cursus classique". */
static TuttiPreenrolment *
new_request (const TuttiOffer *offer,
             const char       *first_name)
{
  TuttiPreenrolment *request = tutti_preenrolment_new ();
  TuttiNewPupil *pupil = tutti_new_pupil_new ();
  TuttiPreenrolmentChoice *choice = tutti_preenrolment_choice_new ();
  int year = 0;

  g_assert_true (tutti_parse_date (offer->age_date, &year, NULL, NULL));
  pupil->civility = TUTTI_CIVILITY_MRS;
  pupil->surname = g_strdup ("Z-TEST");
  pupil->first_name = g_strdup (first_name);
  pupil->birth_date = g_strdup_printf ("%04d-03-15", year - 7);
  for (guint i = 0; i < offer->items->len; i++)
    {
      const TuttiOfferItem *item = g_ptr_array_index (offer->items, i);

      if (g_strcmp0 (item->discipline, "Accordéon chromatique") == 0 &&
          g_strcmp0 (item->site, "Argentré-du-Plessis") == 0)
        choice->offer_id = item->id;
    }
  g_assert_cmpint (choice->offer_id, >, 0);
  g_ptr_array_add (pupil->choices, choice);
  g_ptr_array_add (request->pupils, pupil);
  request->email_confirmation = g_strdup (EMAIL);
  request->consent = TRUE;
  return request;
}

static gint64
submit_answered (TuttiClient       *client,
                 TuttiPreenrolment *request,
                 const char        *key)
{
  g_autoptr(TuttiAntispamQuestion) question = NULL;
  g_autoptr(TuttiPreenrolment) saved = NULL;
  g_autoptr(GError) error = NULL;

  question = get_question (client, &error);
  g_assert_no_error (error);
  g_free (request->antispam_id);
  g_free (request->antispam_answer);
  request->antispam_id = g_strdup (question->id);
  request->antispam_answer = answer_of (question->question);
  saved = submit_preenrolment (client, request, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->state, ==, TUTTI_PREENROLMENT_SUBMITTED);
  return saved->id;
}

/* PRE-1..4, HOME-4: the offer, the question, a refusal that names its
 * field, the same key tried again, the family's list. */
static void
test_preenrolment_family (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiOffer) offer = NULL;
  g_autoptr(TuttiAntispamQuestion) question = NULL;
  g_autoptr(TuttiPreenrolment) request = NULL;
  g_autoptr(TuttiPreenrolment) refused = NULL;
  g_autoptr(TuttiPreenrolment) saved = NULL;
  g_autoptr(TuttiPreenrolment) again = NULL;
  g_autoptr(TuttiPreenrolment) one = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();
  TuttiPreenrolmentChoice *choice;
  GHashTable *fields;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);

  offer = get_offer (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (offer->campaign_id, >, 0);
  g_assert_nonnull (offer->age_date);
  g_assert_cmpuint (offer->items->len, >, 0);
  g_assert_true (g_strv_contains ((const char * const *) offer->disciplines, "Accordéon chromatique"));

  question = get_question (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (question->question, "What is"));

  /* A wrong answer: 422 naming antispam_answer, nothing saved. */
  request = new_request (offer, "Léa");
  request->antispam_id = g_strdup (question->id);
  request->antispam_answer = g_strdup ("-1");
  refused = submit_preenrolment (fixture->client, request, key, &error);
  g_assert_null (refused);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID);
  fields = tutti_api_error_get_fields (error);
  g_assert_nonnull (fields);
  g_assert_true (g_hash_table_contains (fields, "antispam_answer"));
  g_clear_error (&error);

  /* The same key for the corrected request: a refusal keeps nothing. */
  g_clear_pointer (&question, tutti_antispam_question_free);
  question = get_question (fixture->client, &error);
  g_assert_no_error (error);
  g_free (request->antispam_id);
  g_free (request->antispam_answer);
  request->antispam_id = g_strdup (question->id);
  request->antispam_answer = answer_of (question->question);
  saved = submit_preenrolment (fixture->client, request, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->id, >, 0);
  g_assert_cmpint (saved->state, ==, TUTTI_PREENROLMENT_SUBMITTED);
  g_assert_cmpuint (saved->pupils->len, ==, 1);
  choice = g_ptr_array_index (((TuttiNewPupil *) g_ptr_array_index (saved->pupils, 0))->choices, 0);
  g_assert_cmpstr (choice->label, ==, "Accordéon chromatique – Argentré-du-Plessis – cursus classique");

  /* Sent again with the same key (an answer lost on the way): the same
   * request, not a second one. */
  again = submit_preenrolment (fixture->client, request, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, saved->id);

  requests = list_preenrolments (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_cmpint (((TuttiPreenrolment *) g_ptr_array_index (requests, 0))->id, ==, saved->id);

  one = get_preenrolment (fixture->client, saved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (one->state, ==, TUTTI_PREENROLMENT_SUBMITTED);
  g_assert_null (get_preenrolment (fixture->client, saved->id + 1000, &error));
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The office's routes are not the family's. */
  g_assert_null (list_staff_preenrolments (fixture->client, -1, &error));
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_FORBIDDEN);

  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* STAFF-3, STAFF-4: close and open the campaign; refuse one request with
 * its reason, accept another; the family sees both outcomes and the new
 * pupil. */
static void
test_preenrolment_staff (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TuttiClient) staff = fixture_new_client (fixture, NULL);
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiSession) staff_session = NULL;
  g_autoptr(TuttiOffer) offer = NULL;
  g_autoptr(TuttiOffer) closed_offer = NULL;
  g_autoptr(TuttiPreenrolment) first = NULL;
  g_autoptr(TuttiPreenrolment) second = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(TuttiCampaign) closed = NULL;
  g_autoptr(TuttiCampaign) opened = NULL;
  g_autoptr(GPtrArray) submitted = NULL;
  g_autoptr(TuttiStaffPreenrolment) detail = NULL;
  g_autoptr(TuttiStaffPreenrolment) refused = NULL;
  g_autoptr(TuttiStaffPreenrolment) accepted = NULL;
  g_autoptr(TuttiStaffPreenrolment) twice = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(TuttiHome) home = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_id, second_id;
  gboolean found = FALSE;

  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);
  staff_session = log_in (staff, "secretariat", "Accueil2026", &error);
  g_assert_no_error (error);

  offer = get_offer (fixture->client, &error);
  g_assert_no_error (error);
  first = new_request (offer, "Léa");
  second = new_request (offer, "Hugo");
  first_id = submit_answered (fixture->client, first, NULL);
  second_id = submit_answered (fixture->client, second, NULL);

  /* STAFF-3 */
  campaigns = list_staff_campaigns (staff, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < campaigns->len; i++)
    if (((TuttiCampaign *) g_ptr_array_index (campaigns, i))->id == offer->campaign_id)
      found = TRUE;
  g_assert_true (found);
  closed = set_campaign_open (staff, offer->campaign_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (closed->open);
  g_assert_cmpint (closed->kind, ==, TUTTI_CAMPAIGN_PREENROLMENT);
  closed_offer = get_offer (fixture->client, &error);
  g_assert_null (closed_offer);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_CAMPAIGN_CLOSED);
  g_clear_error (&error);
  opened = set_campaign_open (staff, offer->campaign_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (opened->open);

  /* STAFF-4 */
  submitted = list_staff_preenrolments (staff, TUTTI_PREENROLMENT_SUBMITTED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (submitted->len, >=, 2);
  for (guint i = 0; i < submitted->len; i++)
    g_assert_cmpint (((TuttiStaffPreenrolment *) g_ptr_array_index (submitted, i))->state, ==,
                     TUTTI_PREENROLMENT_SUBMITTED);
  detail = get_staff_preenrolment (staff, first_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detail->family_name, ==, "Z-TEST");
  g_assert_cmpstr (detail->email, ==, EMAIL);

  refused = refuse_preenrolment (staff, first_id, "Classe complète", &error);
  g_assert_no_error (error);
  g_assert_cmpint (refused->state, ==, TUTTI_PREENROLMENT_REFUSED);
  g_assert_cmpstr (refused->reason, ==, "Classe complète");
  g_assert_nonnull (refused->decided_at);
  accepted = accept_preenrolment (staff, second_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (accepted->state, ==, TUTTI_PREENROLMENT_ACCEPTED);
  twice = accept_preenrolment (staff, first_id, &error);
  g_assert_null (twice);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_CONFLICT);
  g_clear_error (&error);

  /* HOME-4, HOME-2: the family's side. */
  requests = list_preenrolments (fixture->client, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < requests->len; i++)
    {
      TuttiPreenrolment *request = g_ptr_array_index (requests, i);

      if (request->id == first_id)
        {
          g_assert_cmpint (request->state, ==, TUTTI_PREENROLMENT_REFUSED);
          g_assert_cmpstr (request->reason, ==, "Classe complète");
        }
      else if (request->id == second_id)
        g_assert_cmpint (request->state, ==, TUTTI_PREENROLMENT_ACCEPTED);
    }
  home = get_home (fixture->client, &error);
  g_assert_no_error (error);
  found = FALSE;
  for (guint i = 0; i < home->pupils->len; i++)
    if (g_strcmp0 (((TuttiHomePupil *) g_ptr_array_index (home->pupils, i))->first_name, "Hugo") == 0)
      found = TRUE;
  g_assert_true (found);
  g_assert_cmpuint (home->preenrolments->len, ==, 2);

  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* STAFF-3, REE-1: a campaign made, its members patched one by one, its
 * offer put, a download uploaded and deleted — each with the client's
 * one call. */

static TuttiCampaign *
campaign_result (TuttiClient   *client,
                 GAsyncResult **slot,
                 TuttiCampaign *(*finish) (TuttiClient *, GAsyncResult *, GError **),
                 GError       **error)
{
  return finish (client, wait_for_result (slot), error);
}

static void
test_staff_campaign (Fixture       *fixture,
                     gconstpointer  user_data)
{
  /* The smallest PDF core's sniffer and the server accept. */
  static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(TuttiCampaign) draft = tutti_campaign_new ();
  g_autoptr(TuttiCampaign) created = NULL;
  g_autoptr(TuttiCampaign) changes = tutti_campaign_new ();
  g_autoptr(TuttiCampaign) patched = NULL;
  g_autoptr(TuttiCampaign) refused = NULL;
  g_autoptr(TuttiCampaign) offered = NULL;
  g_autoptr(TuttiCampaign) fetched = NULL;
  g_autoptr(TuttiDownload) download = NULL;
  g_autoptr(GBytes) content = g_bytes_new_static (pdf, sizeof pdf - 1);
  g_autoptr(GPtrArray) offer = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) opens = g_date_time_add_days (now, 400);
  g_autoptr(GDateTime) deadline = g_date_time_add_days (now, 430);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 440);
  TuttiDocumentKind *kind;
  TuttiOfferItem *item;
  GHashTable *fields;
  gboolean deleted;

  session = log_in (fixture->client, "secretariat", "Accueil2026", &error);
  g_assert_no_error (error);

  /* Created closed, a year ahead: no overlap with the demo's. */
  draft->kind = TUTTI_CAMPAIGN_REENROLMENT;
  draft->school_year = g_strdup ("2029/2030");
  draft->opens_at = g_date_time_format (opens, "%Y-%m-%dT%H:%M:%S%:z");
  draft->deadline = g_date_time_format (deadline, "%Y-%m-%dT23:59:00%:z");
  draft->open = FALSE;
  kind = tutti_document_kind_new ();
  kind->id = g_strdup ("family-quotient");
  g_ptr_array_add (draft->required_documents, kind);
  item = tutti_offer_item_new ();
  item->discipline = g_strdup ("Violon");
  item->site = g_strdup ("Vitré");
  item->day = TUTTI_WEEKDAY_WEDNESDAY;
  item->time = g_strdup ("14:00");
  item->min_age = 7;
  item->places_left = 4;
  g_ptr_array_add (draft->offer, item);
  tutti_client_create_campaign_async (fixture->client, draft, NULL, on_result, &result);
  created = campaign_result (fixture->client, &result, tutti_client_create_campaign_finish, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (created->id, >, 0);
  g_assert_false (created->open);
  g_assert_cmpuint (created->required_documents->len, ==, 1);
  g_assert_cmpuint (created->offer->len, ==, 1);
  g_assert_cmpint (((TuttiOfferItem *) g_ptr_array_index (created->offer, 0))->id, >, 0);

  /* Only the deadline and a new document kind. */
  changes->deadline = g_date_time_format (later, "%Y-%m-%dT23:59:00%:z");
  kind = tutti_document_kind_new ();
  kind->id = g_strdup ("school-certificate-test");
  kind->name = g_strdup ("Certificat de scolarité");
  kind->required = TRUE;
  g_ptr_array_add (changes->required_documents, kind);
  tutti_client_update_campaign_async (fixture->client, created->id, changes,
                                      TUTTI_CAMPAIGN_MEMBER_DEADLINE | TUTTI_CAMPAIGN_MEMBER_REQUIRED_DOCUMENTS,
                                      NULL, on_result, &result);
  patched = campaign_result (fixture->client, &result, tutti_client_update_campaign_finish, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (patched->deadline, ==, changes->deadline);
  g_assert_cmpstr (patched->school_year, ==, "2029/2030");
  g_assert_false (patched->open);
  g_assert_cmpuint (patched->required_documents->len, ==, 1);
  g_assert_cmpstr (((TuttiDocumentKind *) g_ptr_array_index (patched->required_documents, 0))->name, ==,
                   "Certificat de scolarité");

  /* A refusal names its field. */
  g_free (changes->school_year);
  changes->school_year = g_strdup ("2029/2031");
  tutti_client_update_campaign_async (fixture->client, created->id, changes, TUTTI_CAMPAIGN_MEMBER_SCHOOL_YEAR,
                                      NULL, on_result, &result);
  refused = campaign_result (fixture->client, &result, tutti_client_update_campaign_finish, &error);
  g_clear_object (&result);
  g_assert_null (refused);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID);
  fields = tutti_api_error_get_fields (error);
  g_assert_nonnull (fields);
  g_assert_true (g_hash_table_contains (fields, "school_year"));
  g_clear_error (&error);

  /* The offer: the first item kept and changed, one added. */
  offer = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_offer_item_free);
  item = tutti_offer_item_copy (g_ptr_array_index (patched->offer, 0));
  item->places_left = 2;
  g_ptr_array_add (offer, item);
  item = tutti_offer_item_new ();
  item->discipline = g_strdup ("Alto");
  item->site = g_strdup ("Châteaubourg");
  g_ptr_array_add (offer, item);
  tutti_client_put_campaign_offer_async (fixture->client, created->id, offer, NULL, on_result, &result);
  offered = campaign_result (fixture->client, &result, tutti_client_put_campaign_offer_finish, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (offered->offer->len, ==, 2);

  /* A download, with names in UTF-8. */
  tutti_client_upload_campaign_download_async (fixture->client, created->id, "Règlement intérieur",
                                               "règlement.pdf", content, NULL, on_result, &result);
  download = tutti_client_upload_campaign_download_finish (fixture->client, wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (download->name, ==, "Règlement intérieur");
  g_assert_cmpstr (download->file_name, ==, "règlement.pdf");
  g_assert_cmpint (download->size, ==, sizeof pdf - 1);

  tutti_client_get_staff_campaign_async (fixture->client, created->id, NULL, on_result, &result);
  fetched = campaign_result (fixture->client, &result, tutti_client_get_staff_campaign_finish, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (fetched->downloads->len, ==, 1);
  g_assert_cmpuint (fetched->offer->len, ==, 2);

  tutti_client_delete_campaign_download_async (fixture->client, created->id, download->id, NULL,
                                               on_result, &result);
  deleted = tutti_client_delete_campaign_download_finish (fixture->client, wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (deleted);

  g_assert_cmpuint (fixture->expired, ==, 0);
}

/* ---- The office's re-enrolment desk (STAFF-2, STAFF-4) --------------------------- */

static GPtrArray *
list_staff_reenrolments (TuttiClient  *client,
                         int           state,
                         gint64        campaign_id,
                         GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_list_staff_reenrolments_async (client, state, campaign_id, NULL, on_result, &result);
  return tutti_client_list_staff_reenrolments_finish (client, wait_for_result (&result), error);
}

static TuttiReenrolmentFile *
get_staff_reenrolment (TuttiClient  *client,
                       gint64        id,
                       GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_get_staff_reenrolment_async (client, id, NULL, on_result, &result);
  return tutti_client_get_staff_reenrolment_finish (client, wait_for_result (&result), error);
}

static TuttiDocument *
decide_reenrolment_document (TuttiClient         *client,
                             gint64               id,
                             gint64               document_id,
                             TuttiDocumentState   state,
                             const char          *reason,
                             GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_decide_reenrolment_document_async (client, id, document_id, state, reason, NULL,
                                                  on_result, &result);
  return tutti_client_decide_reenrolment_document_finish (client, wait_for_result (&result), error);
}

/* The list, by state and campaign; one file; its document decided through
 * the re-enrolment, a refusal needing its reason; a family is refused. */
static void
test_staff_reenrolments (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) submitted = NULL;
  g_autoptr(GPtrArray) in_campaign = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(TuttiReenrolmentFile) file = NULL;
  g_autoptr(TuttiDocument) refused = NULL;
  g_autoptr(TuttiDocument) accepted = NULL;
  g_autoptr(TuttiDocument) unknown = NULL;
  g_autoptr(GError) error = NULL;
  const TuttiReenrolmentSummary *lea = NULL;
  gboolean not_started = FALSE;
  gint64 document_id = 0;

  session = log_in (fixture->client, "secretariat", "Accueil2026", &error);
  g_assert_no_error (error);

  all = list_staff_reenrolments (fixture->client, -1, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const TuttiReenrolmentSummary *summary = g_ptr_array_index (all, i);

      if (g_strcmp0 (summary->family_name, "MARTIN") == 0 && g_strcmp0 (summary->first_name, "Léa") == 0)
        lea = summary;
      if (summary->id == 0 && summary->state == TUTTI_REENROLMENT_TO_DO)
        not_started = TRUE;
    }
  g_assert_nonnull (lea);
  g_assert_true (not_started);
  g_assert_cmpint (lea->state, ==, TUTTI_REENROLMENT_SUBMITTED);
  g_assert_cmpint (lea->id, >, 0);
  g_assert_cmpint (lea->documents_to_check, ==, 1);

  /* ?state=submitted, then &campaign= as well: the same rows. */
  submitted = list_staff_reenrolments (fixture->client, TUTTI_REENROLMENT_SUBMITTED, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (submitted->len, >, 0);
  g_assert_cmpuint (submitted->len, <, all->len);
  for (guint i = 0; i < submitted->len; i++)
    g_assert_cmpint (((TuttiReenrolmentSummary *) g_ptr_array_index (submitted, i))->state, ==,
                     TUTTI_REENROLMENT_SUBMITTED);
  in_campaign = list_staff_reenrolments (fixture->client, TUTTI_REENROLMENT_SUBMITTED, lea->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (in_campaign->len, ==, submitted->len);
  none = list_staff_reenrolments (fixture->client, -1, lea->campaign_id + 1000, &error);
  g_assert_null (none);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  file = get_staff_reenrolment (fixture->client, lea->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (file->reenrolment->id, ==, lea->id);
  g_assert_cmpstr (file->family_name, ==, "MARTIN");
  for (guint i = 0; i < file->documents->len; i++)
    {
      const TuttiDocument *document = g_ptr_array_index (file->documents, i);

      if (document->id != 0 && document->state == TUTTI_DOCUMENT_PROVIDED)
        document_id = document->id;
    }
  g_assert_cmpint (document_id, >, 0);

  /* A refusal needs its reason; a decision can be changed. */
  g_assert_null (decide_reenrolment_document (fixture->client, lea->id, document_id,
                                              TUTTI_DOCUMENT_REFUSED, NULL, &error));
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID);
  g_assert_nonnull (g_hash_table_lookup (tutti_api_error_get_fields (error), "reason"));
  g_clear_error (&error);
  refused = decide_reenrolment_document (fixture->client, lea->id, document_id, TUTTI_DOCUMENT_REFUSED,
                                         "Attestation de plus de 4 mois", &error);
  g_assert_no_error (error);
  g_assert_cmpint (refused->state, ==, TUTTI_DOCUMENT_REFUSED);
  g_assert_cmpstr (refused->reason, ==, "Attestation de plus de 4 mois");
  accepted = decide_reenrolment_document (fixture->client, lea->id, document_id, TUTTI_DOCUMENT_ACCEPTED,
                                          "ignored", &error);
  g_assert_no_error (error);
  g_assert_cmpint (accepted->state, ==, TUTTI_DOCUMENT_ACCEPTED);
  g_assert_null (accepted->reason);
  unknown = decide_reenrolment_document (fixture->client, lea->id, document_id + 1000,
                                         TUTTI_DOCUMENT_ACCEPTED, NULL, &error);
  g_assert_null (unknown);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The office's desk is not the family's. */
  g_clear_pointer (&session, tutti_session_free);
  session = log_in (fixture->client, LOGIN, PASSWORD, &error);
  g_assert_no_error (error);
  g_clear_pointer (&none, g_ptr_array_unref);
  none = list_staff_reenrolments (fixture->client, -1, 0, &error);
  g_assert_null (none);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_assert_cmpuint (fixture->expired, ==, 0);
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
  ADD_SERVER_TEST ("/client/billing", test_billing);
  ADD_SERVER_TEST ("/client/billing/balance-due", test_billing_balance_due);
  ADD_SERVER_TEST ("/client/billing/unauthenticated", test_billing_unauthenticated);
  ADD_SERVER_TEST ("/client/billing/document", test_billing_document);
  ADD_SERVER_TEST ("/client/staff/decide", test_staff_decide);
  ADD_SERVER_TEST ("/client/staff/accept-refuse-all", test_staff_accept_refuse_all);
  ADD_SERVER_TEST ("/client/staff/forbidden", test_staff_forbidden);
  ADD_SERVER_TEST ("/client/family", test_family);
  ADD_SERVER_TEST ("/client/family/patch", test_family_patch);
  ADD_SERVER_TEST ("/client/pupil", test_pupil);
  ADD_SERVER_TEST ("/client/pupil/file", test_pupil_file);
  ADD_SERVER_TEST ("/client/preenrolment/family", test_preenrolment_family);
  ADD_SERVER_TEST ("/client/preenrolment/staff", test_preenrolment_staff);
  ADD_SERVER_TEST ("/client/staff/campaign", test_staff_campaign);
  ADD_SERVER_TEST ("/client/staff/reenrolments", test_staff_reenrolments);

  g_test_add_func ("/client/unavailable", test_unavailable);
  g_test_add_func ("/client/bad-base-url", test_bad_base_url);
  g_test_add_func ("/client/properties", test_properties);

  ADD_FAKE_TEST ("/client/fake/request-headers", test_request_headers);
  ADD_FAKE_TEST ("/client/fake/document", test_fake_document);
  ADD_FAKE_TEST ("/client/fake/retry-after", test_retry_after);
  ADD_FAKE_TEST ("/client/fake/unreadable-answers", test_unreadable_answers);
  ADD_FAKE_TEST ("/client/fake/timeout", test_timeout);

  return g_test_run ();
}
