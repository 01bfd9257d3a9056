/* tutti-test-http.c — synchronous requests to a test server, and the
 * assertions the API suites make on their answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "tutti-test-http.h"

static SoupSession *
get_session (void)
{
  static SoupSession *session;

  /* Kept for the whole program: one connection pool for every request. */
  if (session == NULL)
    session = soup_session_new_with_options ("timeout", 60, NULL);
  return session;
}

void
tutti_test_reply_free (TuttiTestReply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->json, json_node_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_free (reply);
}

static SoupMessage *
new_message (TuttiTestServer    *server,
             const char         *method,
             const char         *path,
             const char         *token,
             const char * const *headers)
{
  g_autofree char *url = g_strconcat (tutti_test_server_get_url (server), path, NULL);
  SoupMessage *msg = soup_message_new (method, url);
  SoupMessageHeaders *request_headers;

  g_assert_nonnull (msg);
  request_headers = soup_message_get_request_headers (msg);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (request_headers, "Authorization", authorization);
    }
  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    soup_message_headers_replace (request_headers, headers[i], headers[i + 1]);
  return msg;
}

static TuttiTestReply *
send_message (SoupMessage *msg)
{
  g_autoptr(GError) error = NULL;
  TuttiTestReply *reply = g_new0 (TuttiTestReply, 1);
  gsize size;
  const char *data;

  reply->body = soup_session_send_and_read (get_session (), msg, NULL, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  data = g_bytes_get_data (reply->body, &size);
  if (size > 0 && g_strcmp0 (soup_message_headers_get_content_type (reply->headers, NULL),
                             "application/json") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, data, size, NULL))
        reply->json = json_node_ref (json_parser_get_root (parser));
    }
  return reply;
}

TuttiTestReply *
tutti_test_send (TuttiTestServer    *server,
                 const char         *method,
                 const char         *path,
                 const char         *token,
                 const char         *content_type,
                 GBytes             *body,
                 const char * const *headers)
{
  g_autoptr(SoupMessage) msg = new_message (server, method, path, token, headers);

  if (body != NULL)
    {
      if (content_type == NULL)
        content_type = "application/json";
      soup_message_set_request_body_from_bytes (msg, *content_type != '\0' ? content_type : NULL,
                                                body);
    }
  return send_message (msg);
}

TuttiTestReply *
tutti_test_send_stream (TuttiTestServer    *server,
                        const char         *method,
                        const char         *path,
                        const char         *token,
                        const char         *content_type,
                        GInputStream       *body,
                        const char * const *headers)
{
  g_autoptr(SoupMessage) msg = new_message (server, method, path, token, headers);

  soup_message_set_request_body (msg, content_type, body, -1);
  return send_message (msg);
}

TuttiTestReply *
tutti_test_request_full (TuttiTestServer *server,
                         const char      *method,
                         const char      *path,
                         const char      *token,
                         const char      *json,
                         const char      *lang,
                         const char      *idempotency_key)
{
  g_autoptr(GBytes) body = json != NULL ? g_bytes_new (json, strlen (json)) : NULL;
  const char *headers[5];
  guint n = 0;

  if (lang != NULL)
    {
      headers[n++] = "Accept-Language";
      headers[n++] = lang;
    }
  if (idempotency_key != NULL)
    {
      headers[n++] = TUTTI_API_HEADER_IDEMPOTENCY;
      headers[n++] = idempotency_key;
    }
  headers[n] = NULL;
  return tutti_test_send (server, method, path, token, NULL, body, headers);
}

TuttiTestReply *
tutti_test_request (TuttiTestServer *server,
                    const char      *method,
                    const char      *path,
                    const char      *token,
                    const char      *json)
{
  return tutti_test_request_full (server, method, path, token, json, NULL, NULL);
}

JsonObject *
tutti_test_reply_object (TuttiTestReply *reply)
{
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->json));
  return json_node_get_object (reply->json);
}

JsonArray *
tutti_test_reply_array (TuttiTestReply *reply)
{
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (reply->json));
  return json_node_get_array (reply->json);
}

void
tutti_test_assert_status (TuttiTestReply *reply,
                          guint           status)
{
  if (reply->status != status)
    g_error ("expected %u, got %u: %.*s", status, reply->status,
             (int) MIN (g_bytes_get_size (reply->body), 2000),
             (const char *) g_bytes_get_data (reply->body, NULL));
}

JsonObject *
tutti_test_assert_error (TuttiTestReply *reply,
                         guint           status,
                         const char     *code)
{
  JsonObject *error;

  tutti_test_assert_status (reply, status);
  g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==,
                   "application/json");
  error = json_object_get_object_member (tutti_test_reply_object (reply), "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_cmpstr (json_object_get_string_member (error, "message"), !=, "");
  return error;
}

void
tutti_test_assert_fields (TuttiTestReply *reply,
                          guint           status,
                          const char     *code,
                          const char     *first_key,
                          ...)
{
  JsonObject *error = tutti_test_assert_error (reply, status, code);
  JsonObject *fields = json_object_get_object_member (error, "fields");
  guint n_keys = 0;
  va_list args;

  g_assert_nonnull (fields);
  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      if (!json_object_has_member (fields, key))
        {
          g_autofree char *text = json_to_string (reply->json, FALSE);
          g_error ("%u %s does not name “%s”: %s", status, code, key, text);
        }
      g_assert_cmpstr (json_object_get_string_member (fields, key), !=, "");
      n_keys++;
    }
  va_end (args);
  if (json_object_get_size (fields) != n_keys)
    {
      g_autofree char *text = json_to_string (reply->json, FALSE);
      g_error ("%u %s names more than expected: %s", status, code, text);
    }
}

void
tutti_test_assert_names (TuttiTestReply *reply,
                         const char     *key)
{
  JsonObject *error = tutti_test_assert_error (reply, 422, "invalid");
  JsonObject *fields = json_object_get_object_member (error, "fields");

  g_assert_nonnull (fields);
  if (!json_object_has_member (fields, key))
    {
      g_autofree char *text = json_to_string (reply->json, FALSE);
      g_error ("422 does not name “%s”: %s", key, text);
    }
  g_assert_cmpstr (json_object_get_string_member (fields, key), !=, "");
}

const char *
tutti_test_field_message (TuttiTestReply *reply,
                          const char     *key)
{
  JsonObject *error = json_object_get_object_member (tutti_test_reply_object (reply), "error");
  JsonObject *fields;

  g_assert_nonnull (error);
  fields = json_object_get_object_member (error, "fields");
  g_assert_nonnull (fields);
  return json_object_get_string_member (fields, key);
}

TuttiSession *
tutti_test_login (TuttiTestServer *server,
                  const char      *login,
                  const char      *password)
{
  g_autoptr(TuttiLoginRequest) login_request = tutti_login_request_new ();
  g_autoptr(TuttiTestReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  TuttiSession *session;

  login_request->site = g_strdup (TUTTI_TEST_SITE);
  login_request->login = g_strdup (login);
  login_request->password = g_strdup (password);
  body = tutti_record_to_data (&tutti_login_request_schema, login_request);
  reply = tutti_test_request (server, "POST", TUTTI_API_SESSION, NULL, body);
  tutti_test_assert_status (reply, 201);
  session = tutti_session_from_json (reply->json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (session->token), >=, 22); /* ≥ 128 bits in base64 */
  g_assert_nonnull (session->account);
  g_assert_cmpint (g_ascii_strcasecmp (session->account->login, login), ==, 0);
  return session;
}

char *
tutti_test_login_token (TuttiTestServer *server,
                        const char      *login,
                        const char      *password)
{
  g_autoptr(TuttiSession) session = tutti_test_login (server, login, password);

  return g_steal_pointer (&session->token);
}
