/* tutti-test-http.h — synchronous requests to a test server, and the
 * assertions the API suites make on their answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "tutti-core.h"
#include "tutti-test-server.h"

G_BEGIN_DECLS

/* The demo school's site, and the demo accounts' passwords. */
#define TUTTI_TEST_SITE            "conservatoire"
#define TUTTI_TEST_FAMILY_PASSWORD "Vitre2026"
#define TUTTI_TEST_STAFF_PASSWORD  "Accueil2026"

typedef struct
{
  guint status;
  GBytes *body;
  JsonNode *json;                /* when the answer is application/json */
  SoupMessageHeaders *headers;
} TuttiTestReply;

void            tutti_test_reply_free    (TuttiTestReply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TuttiTestReply, tutti_test_reply_free)

/* One request, answered synchronously over a session kept for the whole
 * test program. @token (nullable) is sent as a bearer token; @body
 * (nullable) with @content_type: NULL means application/json, "" none at
 * all. @headers: name, value, …, NULL (nullable). */
TuttiTestReply *tutti_test_send          (TuttiTestServer    *server,
                                          const char         *method,
                                          const char         *path,
                                          const char         *token,
                                          const char         *content_type,
                                          GBytes             *body,
                                          const char * const *headers);
/* The same with a body of unknown length, sent without Content-Length. */
TuttiTestReply *tutti_test_send_stream   (TuttiTestServer    *server,
                                          const char         *method,
                                          const char         *path,
                                          const char         *token,
                                          const char         *content_type,
                                          GInputStream       *body,
                                          const char * const *headers);
/* @json (nullable) is the body; @lang (nullable) goes in Accept-Language,
 * @idempotency_key (nullable) in Idempotency-Key. */
TuttiTestReply *tutti_test_request_full  (TuttiTestServer    *server,
                                          const char         *method,
                                          const char         *path,
                                          const char         *token,
                                          const char         *json,
                                          const char         *lang,
                                          const char         *idempotency_key);
TuttiTestReply *tutti_test_request       (TuttiTestServer    *server,
                                          const char         *method,
                                          const char         *path,
                                          const char         *token,
                                          const char         *json);

/* The answer's JSON, which must be an object / an array. */
JsonObject     *tutti_test_reply_object  (TuttiTestReply     *reply);
JsonArray      *tutti_test_reply_array   (TuttiTestReply     *reply);

/* Fails the test, showing the body, unless the answer has @status. */
void            tutti_test_assert_status (TuttiTestReply     *reply,
                                          guint               status);
/* The API's error form, {"error": {"code", "message", "fields"?}}, as
 * application/json with @status and @code; returns "error". */
JsonObject     *tutti_test_assert_error  (TuttiTestReply     *reply,
                                          guint               status,
                                          const char         *code);
/* An error whose fields name exactly the keys given (NULL-terminated),
 * each with a message. */
void            tutti_test_assert_fields (TuttiTestReply     *reply,
                                          guint               status,
                                          const char         *code,
                                          const char         *first_key,
                                          ...) G_GNUC_NULL_TERMINATED;
/* A 422 "invalid" whose fields name @key, among others. */
void            tutti_test_assert_names  (TuttiTestReply     *reply,
                                          const char         *key);
/* The message given for field @key of an error answer. */
const char     *tutti_test_field_message (TuttiTestReply     *reply,
                                          const char         *key);

/* Logs in on the demo site; returns the session (token and account), or
 * fails the test. */
TuttiSession   *tutti_test_login         (TuttiTestServer    *server,
                                          const char         *login,
                                          const char         *password);
char           *tutti_test_login_token   (TuttiTestServer    *server,
                                          const char         *login,
                                          const char         *password);

G_END_DECLS
