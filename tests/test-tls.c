/* test-tls.c — tutti-server over HTTPS, and the client checking its certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include <string.h>

#include "tutti-client.h"
#include "tutti-test-server.h"

typedef struct
{
  TuttiTestServer *server;
  char *cert;
  char *key;
  char *other_cert;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *args[5];

  fixture->cert = g_test_build_filename (G_TEST_DIST, "data", "server-cert.pem", NULL);
  fixture->key = g_test_build_filename (G_TEST_DIST, "data", "server-key.pem", NULL);
  fixture->other_cert = g_test_build_filename (G_TEST_DIST, "data", "other-cert.pem", NULL);

  args[0] = "--tls-certificate";
  args[1] = fixture->cert;
  args[2] = "--tls-key";
  args[3] = fixture->key;
  args[4] = NULL;
  fixture->server = tutti_test_server_start (TRUE, args);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tutti_test_server_stop (fixture->server);
  g_free (fixture->cert);
  g_free (fixture->key);
  g_free (fixture->other_cert);
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* GET /sites through @client; the sites, or %NULL with @error set. */
static GPtrArray *
list_sites (TuttiClient  *client,
            GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_client_list_sites_async (client, NULL, on_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return tutti_client_list_sites_finish (client, result, error);
}

static void
test_https_only (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *url = tutti_test_server_get_url (fixture->server);

  g_assert_true (g_str_has_prefix (url, "https://"));
}

static void
test_trusted (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) database = g_tls_file_database_new (fixture->cert, &error);
  g_autoptr(TuttiClient) client = tutti_client_new (tutti_test_server_get_url (fixture->server));
  g_autoptr(GPtrArray) sites = NULL;

  g_assert_no_error (error);
  tutti_client_set_tls_database (client, database);
  sites = list_sites (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sites->len, >, 0);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiClient) client = tutti_client_new (tutti_test_server_get_url (fixture->server));
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GTlsDatabase) other = NULL;

  /* The system's certificates do not know the test server's. */
  sites = list_sites (client, &error);
  g_assert_null (sites);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  /* Nor does another certificate. */
  other = g_tls_file_database_new (fixture->other_cert, &error);
  g_assert_no_error (error);
  tutti_client_set_tls_database (client, other);
  sites = list_sites (client, &error);
  g_assert_null (sites);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  /* Back to the system's certificates. */
  tutti_client_set_tls_database (client, NULL);
  sites = list_sites (client, &error);
  g_assert_null (sites);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE);
}

static void
test_plain_http_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *http = g_strconcat ("http://", tutti_test_server_get_url (fixture->server) + strlen ("https://"), NULL);
  g_autoptr(TuttiClient) client = tutti_client_new (http);
  g_autoptr(GPtrArray) sites = NULL;

  tutti_client_set_timeout (client, 5);
  sites = list_sites (client, &error);
  g_assert_null (sites);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tls/https-only", Fixture, NULL, fixture_set_up, test_https_only, fixture_tear_down);
  g_test_add ("/tls/trusted", Fixture, NULL, fixture_set_up, test_trusted, fixture_tear_down);
  g_test_add ("/tls/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/tls/plain-http", Fixture, NULL, fixture_set_up, test_plain_http_refused, fixture_tear_down);

  return g_test_run ();
}
