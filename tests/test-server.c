/* test-server.c — the HTTP API against a real tutti-server process
 *
 * Most tests share one demo server and use their own demo accounts, so
 * that one test's failed logins or new password do not disturb another.
 * Tests that need a server of their own (the access log, --demo twice)
 * start one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include <libsoup/soup.h>
#include <string.h>

#include "tutti-core.h"
#include "tutti-test-http.h"


static TuttiTestServer *shared_server;

/* One request, answered synchronously. @body is sent with @content_type
 * (JSON when NULL, none when ""); @lang becomes Accept-Language. */
static TuttiTestReply *
request_full (TuttiTestServer *server,
              const char      *method,
              const char      *path,
              const char      *token,
              const char      *body,
              gssize           body_length,
              const char      *content_type,
              const char      *lang)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *headers[] = { "Accept-Language", lang, NULL };

  if (body != NULL)
    bytes = g_bytes_new (body, body_length < 0 ? strlen (body) : (gsize) body_length);
  return tutti_test_send (server, method, path, token, content_type, bytes,
                          lang != NULL ? headers : NULL);
}

static TuttiTestReply *
request (const char *method,
         const char *path,
         const char *token,
         const char *body)
{
  return request_full (shared_server, method, path, token, body, -1, NULL, NULL);
}

static char *
login_body (const char *login,
            const char *password)
{
  g_autoptr(TuttiLoginRequest) login_request = tutti_login_request_new ();

  login_request->site = g_strdup (TUTTI_TEST_SITE);
  login_request->login = g_strdup (login);
  login_request->password = g_strdup (password);
  return tutti_record_to_data (&tutti_login_request_schema, login_request);
}

static TuttiTestReply *
login_on (TuttiTestServer *server,
          const char      *login,
          const char      *password)
{
  g_autofree char *body = login_body (login, password);

  return request_full (server, "POST", TUTTI_API_SESSION, NULL, body, -1, NULL, NULL);
}

static TuttiHome *
get_home_on (TuttiTestServer *server,
             const char      *token)
{
  g_autoptr(TuttiTestReply) reply = request_full (server, "GET", TUTTI_API_HOME, token, NULL, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  TuttiHome *home;

  g_assert_cmpuint (reply->status, ==, 200);
  home = tutti_home_from_json (reply->json, &error);
  g_assert_no_error (error);
  return home;
}

/* ---- Sites and sessions (AUTH-1, AUTH-4) ----------------------------------- */

static void
test_sites (void)
{
  g_autoptr(TuttiTestReply) reply = request ("GET", TUTTI_API_SITES, NULL, NULL);
  g_autoptr(TuttiSite) site = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *sites;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (reply->json));
  sites = json_node_get_array (reply->json);
  g_assert_cmpuint (json_array_get_length (sites), ==, 1);
  site = tutti_site_from_json (json_array_get_element (sites, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (site->id, ==, TUTTI_TEST_SITE);
  g_assert_cmpstr (site->name, ==, "Conservatoire");
}

static void
test_login_good (void)
{
  g_autoptr(TuttiTestReply) reply = login_on (shared_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(TuttiSession) tutti_session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_cmpuint (reply->status, ==, 201);
  tutti_session = tutti_session_from_json (reply->json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tutti_session->account->login, ==, "ztest1");
  g_assert_cmpint (tutti_session->account->role, ==, TUTTI_ROLE_FAMILY);
  g_assert_cmpint (tutti_session->account->civility, ==, TUTTI_CIVILITY_MR);
  g_assert_cmpstr (tutti_session->account->surname, ==, "Z-TEST");
  g_assert_cmpstr (tutti_session->account->first_name, ==, "Essai");
  g_assert_cmpstr (tutti_session->account->email, ==, "test@vitrecommunaute.org");

  /* It expires, and later than now. */
  expires = tutti_parse_datetime (tutti_session->expires_at);
  g_assert_nonnull (expires);
  g_assert_cmpint (g_date_time_compare (expires, now), >, 0);

  /* The login is not case-sensitive. */
  g_free (tutti_test_login_token (shared_server, "ZTEST1", TUTTI_TEST_FAMILY_PASSWORD));
}

static void
test_login_bad (void)
{
  g_autoptr(TuttiTestReply) wrong_password = login_on (shared_server, "slegall", "Vitre2025");
  g_autoptr(TuttiTestReply) unknown_login = login_on (shared_server, "nobody-here", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(TuttiTestReply) wrong_site = NULL;
  JsonObject *error_wrong, *error_unknown;
  g_autoptr(TuttiLoginRequest) login_request = tutti_login_request_new ();
  g_autofree char *body = NULL;

  /* One message, whichever part was wrong (AUTH-1). */
  error_wrong = tutti_test_assert_error (wrong_password, 401, "bad-credentials");
  error_unknown = tutti_test_assert_error (unknown_login, 401, "bad-credentials");
  g_assert_cmpstr (json_object_get_string_member (error_wrong, "message"), ==,
                   json_object_get_string_member (error_unknown, "message"));
  g_assert_false (json_object_has_member (error_wrong, "fields"));

  login_request->site = g_strdup ("elsewhere");
  login_request->login = g_strdup ("slegall");
  login_request->password = g_strdup (TUTTI_TEST_FAMILY_PASSWORD);
  body = tutti_record_to_data (&tutti_login_request_schema, login_request);
  wrong_site = request ("POST", TUTTI_API_SESSION, NULL, body);
  tutti_test_assert_error (wrong_site, 401, "bad-credentials");

  /* And the right password still works after a failure. */
  g_free (tutti_test_login_token (shared_server, "slegall", TUTTI_TEST_FAMILY_PASSWORD));
}

static void
check_too_many (const char *login,
                const char *password)
{
  g_autoptr(TuttiTestReply) limited = NULL;
  const char *retry_after;
  guint64 seconds;

  for (guint i = 0; i < TUTTI_API_LOGIN_MAX_FAILURES; i++)
    {
      g_autoptr(TuttiTestReply) reply = login_on (shared_server, login, "Wrong-pass1");
      tutti_test_assert_error (reply, 401, "bad-credentials");
    }

  /* Limited, even with the right password. */
  limited = login_on (shared_server, login, password);
  tutti_test_assert_error (limited, 429, "too-many-attempts");
  retry_after = soup_message_headers_get_one (limited->headers, "Retry-After");
  g_assert_nonnull (retry_after);
  g_assert_true (g_ascii_string_to_unsigned (retry_after, 10, 1, TUTTI_API_LOGIN_WINDOW_SECONDS,
                                             &seconds, NULL));
  /* The oldest failure is seconds old: it leaves the window in about 15 minutes. */
  g_assert_cmpuint (seconds, >=, TUTTI_API_LOGIN_WINDOW_SECONDS - 60);
}

static void
test_login_too_many (void)
{
  check_too_many ("ihamon", TUTTI_TEST_FAMILY_PASSWORD);
  /* Unknown logins are limited alike: a 429 tells nothing about who exists. */
  check_too_many ("ghost", TUTTI_TEST_FAMILY_PASSWORD);
}

static void
test_unauthenticated (void)
{
  g_autoptr(TuttiTestReply) no_token = request ("GET", TUTTI_API_HOME, NULL, NULL);
  g_autoptr(TuttiTestReply) bad_token = request ("GET", TUTTI_API_HOME, "not-a-token", NULL);
  g_autoptr(TuttiTestReply) no_token_logout = request ("DELETE", TUTTI_API_SESSION, NULL, NULL);
  g_autoptr(TuttiTestReply) no_token_password = request ("PUT", TUTTI_API_PASSWORD, NULL,
                                                "{\"current\":\"Vitre2026\",\"new\":\"Nouveau2027\"}");

  tutti_test_assert_error (no_token, 401, "unauthenticated");
  tutti_test_assert_error (bad_token, 401, "unauthenticated");
  tutti_test_assert_error (no_token_logout, 401, "unauthenticated");
  tutti_test_assert_error (no_token_password, 401, "unauthenticated");
}

static void
test_logout (void)
{
  g_autofree char *token = tutti_test_login_token (shared_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  g_autofree char *other = tutti_test_login_token (shared_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(TuttiHome) home = get_home_on (shared_server, token);
  g_autoptr(TuttiTestReply) logout = request ("DELETE", TUTTI_API_SESSION, token, NULL);
  g_autoptr(TuttiTestReply) after = request ("GET", TUTTI_API_HOME, token, NULL);
  g_autoptr(TuttiTestReply) again = request ("DELETE", TUTTI_API_SESSION, token, NULL);
  g_autoptr(TuttiHome) other_home = NULL;

  g_assert_cmpuint (logout->status, ==, 204);
  g_assert_cmpuint (g_bytes_get_size (logout->body), ==, 0);
  tutti_test_assert_error (after, 401, "unauthenticated");
  tutti_test_assert_error (again, 401, "unauthenticated");

  /* Only that session ended. */
  other_home = get_home_on (shared_server, other);
  g_assert_cmpstr (other_home->account->login, ==, "ztest1");
}

/* ---- Home (HOME-1..4) ------------------------------------------------------- */

static void
test_home_ztest (void)
{
  g_autofree char *token = tutti_test_login_token (shared_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(TuttiHome) home = get_home_on (shared_server, token);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  TuttiHomePupil *pupil;
  gboolean seen_reenrolment = FALSE, seen_preenrolment = FALSE;

  /* HOME-1: "Logged in as MONSIEUR Z-TEST ESSAI" */
  g_assert_cmpint (home->account->civility, ==, TUTTI_CIVILITY_MR);
  g_assert_cmpstr (home->account->surname, ==, "Z-TEST");
  g_assert_cmpstr (home->account->first_name, ==, "Essai");

  /* FAM-4: the contact line */
  g_assert_nonnull (home->school);
  g_assert_cmpstr (home->school->phone, ==, "02 99 74 68 64");
  g_assert_cmpstr (home->school->email, ==, "conservatoire@vitrecommunaute.org");

  /* HOME-2 */
  g_assert_cmpuint (home->pupils->len, ==, 1);
  pupil = g_ptr_array_index (home->pupils, 0);
  g_assert_cmpstr (pupil->surname, ==, "Z-TEST");
  g_assert_cmpstr (pupil->first_name, ==, "Essai");
  g_assert_cmpint (pupil->reenrolment_state, ==, TUTTI_REENROLMENT_TO_DO);

  /* HOME-3, HOME-4: both campaigns, open, with a deadline to come */
  g_assert_cmpuint (home->campaigns->len, ==, 2);
  for (guint i = 0; i < home->campaigns->len; i++)
    {
      TuttiCampaign *campaign = g_ptr_array_index (home->campaigns, i);
      g_autoptr(GDateTime) deadline = tutti_parse_datetime (campaign->deadline);

      g_assert_true (campaign->open);
      g_assert_nonnull (deadline);
      g_assert_cmpint (g_date_time_compare (deadline, now), >, 0);
      g_assert_cmpint (g_date_time_difference (deadline, now), <, 60 * G_TIME_SPAN_DAY);

      if (campaign->kind == TUTTI_CAMPAIGN_REENROLMENT)
        {
          TuttiDocumentKind *kind;

          seen_reenrolment = TRUE;
          g_assert_cmpint (g_date_time_get_hour (deadline), ==, 23);
          g_assert_cmpint (g_date_time_get_minute (deadline), ==, 59);
          g_assert_cmpuint (campaign->required_documents->len, ==, 3);
          kind = g_ptr_array_index (campaign->required_documents, 0);
          g_assert_cmpstr (kind->name, ==, "Attestation de quotient familial de moins de 4 mois");
          kind = g_ptr_array_index (campaign->required_documents, 1);
          g_assert_cmpstr (kind->name, ==, "Formulaire de demande de Prélèvement Automatique");
          kind = g_ptr_array_index (campaign->required_documents, 2);
          g_assert_cmpstr (kind->name, ==, "Relevé d'Identité bancaire");
          g_assert_cmpuint (campaign->downloads->len, >, 0);
        }
      else if (campaign->kind == TUTTI_CAMPAIGN_PREENROLMENT)
        seen_preenrolment = TRUE;
    }
  g_assert_true (seen_reenrolment);
  g_assert_true (seen_preenrolment);
}

static void
test_home_martin (void)
{
  g_autofree char *claire = tutti_test_login_token (shared_server, "cmartin", TUTTI_TEST_FAMILY_PASSWORD);
  g_autofree char *paul = tutti_test_login_token (shared_server, "pmartin", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(TuttiHome) home_claire = get_home_on (shared_server, claire);
  g_autoptr(TuttiHome) home_paul = get_home_on (shared_server, paul);
  gboolean seen_submitted = FALSE;

  /* Two guardians, each with their own login, one family of three. */
  g_assert_cmpint (home_claire->account->civility, ==, TUTTI_CIVILITY_MRS);
  g_assert_cmpstr (home_claire->account->first_name, ==, "Claire");
  g_assert_cmpstr (home_paul->account->first_name, ==, "Paul");
  g_assert_cmpint (home_claire->account->family_id, ==, home_paul->account->family_id);
  g_assert_cmpuint (home_claire->pupils->len, ==, 3);
  g_assert_cmpuint (home_paul->pupils->len, ==, 3);
  for (guint i = 0; i < home_claire->pupils->len; i++)
    {
      TuttiHomePupil *pupil = g_ptr_array_index (home_claire->pupils, i);

      g_assert_cmpstr (pupil->surname, ==, "MARTIN");
      if (pupil->reenrolment_state == TUTTI_REENROLMENT_SUBMITTED)
        seen_submitted = TRUE;
    }
  g_assert_true (seen_submitted);
}

static void
test_home_staff (void)
{
  g_autofree char *token = tutti_test_login_token (shared_server, "secretariat", "Accueil2026");
  g_autoptr(TuttiHome) home = get_home_on (shared_server, token);

  g_assert_cmpint (home->account->role, ==, TUTTI_ROLE_STAFF);
  g_assert_nonnull (home->school);
  g_assert_cmpuint (home->pupils->len, ==, 0);
  g_assert_cmpuint (home->campaigns->len, ==, 2);
}

/* ---- Password change (AUTH-3) ---------------------------------------------- */

static char *
change_body (const char *current,
             const char *new_password)
{
  g_autoptr(TuttiPasswordChangeRequest) change = tutti_password_change_request_new ();

  change->current = g_strdup (current);
  change->new_password = g_strdup (new_password);
  return tutti_record_to_data (&tutti_password_change_request_schema, change);
}

static void
test_password_change (void)
{
  g_autofree char *token = tutti_test_login_token (shared_server, "yberthelot", TUTTI_TEST_FAMILY_PASSWORD);
  g_autofree char *other_token = tutti_test_login_token (shared_server, "yberthelot", TUTTI_TEST_FAMILY_PASSWORD);
  g_autofree char *weak = change_body (TUTTI_TEST_FAMILY_PASSWORD, "abc");
  g_autofree char *wrong_current = change_body ("Vitre2025", "Nouveau2027");
  g_autofree char *good = change_body (TUTTI_TEST_FAMILY_PASSWORD, "Nouveau2027");
  g_autoptr(TuttiTestReply) weak_fr = NULL;
  g_autoptr(TuttiTestReply) weak_en = NULL;
  g_autoptr(TuttiTestReply) wrong = NULL;
  g_autoptr(TuttiTestReply) missing = NULL;
  g_autoptr(TuttiTestReply) changed = NULL;
  g_autoptr(TuttiTestReply) old_token = NULL;
  g_autoptr(TuttiTestReply) other_session = NULL;
  g_autoptr(TuttiTestReply) old_password = NULL;
  g_autofree char *rules_fr = NULL;
  g_autofree char *rules_en = NULL;
  g_autofree char *new_token = NULL;
  JsonObject *error, *fields;
  TuttiPasswordRule unmet = tutti_password_check ("abc");

  /* Policy unmet: 422 password-policy naming each unmet rule, in the
   * request's language, with the same words as core's checklist. */
  g_assert_true (unmet & TUTTI_PASSWORD_TOO_SHORT);
  g_assert_true (unmet & TUTTI_PASSWORD_NO_UPPER);
  g_assert_true (unmet & TUTTI_PASSWORD_NO_DIGIT);
  weak_fr = request_full (shared_server, "PUT", TUTTI_API_PASSWORD, token, weak, -1, NULL, "fr");
  error = tutti_test_assert_error (weak_fr, 422, "password-policy");
  fields = json_object_get_object_member (error, "fields");
  rules_fr = tutti_password_rules_message (unmet, TUTTI_LANG_FR);
  g_assert_cmpstr (json_object_get_string_member (fields, "new"), ==, rules_fr);

  weak_en = request_full (shared_server, "PUT", TUTTI_API_PASSWORD, token, weak, -1, NULL, "en");
  error = tutti_test_assert_error (weak_en, 422, "password-policy");
  fields = json_object_get_object_member (error, "fields");
  rules_en = tutti_password_rules_message (unmet, TUTTI_LANG_EN);
  g_assert_cmpstr (json_object_get_string_member (fields, "new"), ==, rules_en);
  g_assert_cmpstr (rules_fr, !=, rules_en);

  /* Wrong current password: 422 invalid on "current". */
  wrong = request ("PUT", TUTTI_API_PASSWORD, token, wrong_current);
  error = tutti_test_assert_error (wrong, 422, "invalid");
  fields = json_object_get_object_member (error, "fields");
  g_assert_true (json_object_has_member (fields, "current"));
  g_assert_false (json_object_has_member (fields, "new"));

  /* Missing: named. */
  missing = request ("PUT", TUTTI_API_PASSWORD, token, "{\"new\":\"Nouveau2027\"}");
  error = tutti_test_assert_error (missing, 422, "invalid");
  g_assert_true (json_object_has_member (json_object_get_object_member (error, "fields"), "current"));

  /* Success: 204, and every session of the account ends. */
  changed = request ("PUT", TUTTI_API_PASSWORD, token, good);
  g_assert_cmpuint (changed->status, ==, 204);
  old_token = request ("GET", TUTTI_API_HOME, token, NULL);
  tutti_test_assert_error (old_token, 401, "unauthenticated");
  other_session = request ("GET", TUTTI_API_HOME, other_token, NULL);
  tutti_test_assert_error (other_session, 401, "unauthenticated");

  /* The new password works, the old one no longer. */
  old_password = login_on (shared_server, "yberthelot", TUTTI_TEST_FAMILY_PASSWORD);
  tutti_test_assert_error (old_password, 401, "bad-credentials");
  new_token = tutti_test_login_token (shared_server, "yberthelot", "Nouveau2027");
}

/* ---- Password reset (AUTH-2, MAIL-1) ----------------------------------------- */

static char *
reset_body (const char *login,
            const char *email)
{
  g_autoptr(TuttiPasswordResetRequest) reset = tutti_password_reset_request_new ();

  reset->site = g_strdup (TUTTI_TEST_SITE);
  reset->login = g_strdup (login);
  reset->email = g_strdup (email);
  return tutti_record_to_data (&tutti_password_reset_request_schema, reset);
}

static guint
outbox_count (void)
{
  g_autoptr(GPtrArray) files = tutti_test_server_list_outbox (shared_server);
  return files->len;
}

static char *
last_message (void)
{
  g_autoptr(GPtrArray) files = tutti_test_server_list_outbox (shared_server);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_cmpuint (files->len, >, 0);
  g_file_get_contents (g_ptr_array_index (files, files->len - 1), &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The value after "@label" on a line of its own, up to CRLF. */
static char *
find_line_value (const char *message,
                 const char *label)
{
  const char *start = strstr (message, label);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (label);
  end = strstr (start, "\r\n");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static void
assert_crlf_only (const char *message)
{
  for (const char *p = message; *p != '\0'; p++)
    if (*p == '\n')
      g_assert_true (p > message && p[-1] == '\r');
}

static void
test_password_reset (void)
{
  g_autofree char *before_token = tutti_test_login_token (shared_server, "cmartin", TUTTI_TEST_FAMILY_PASSWORD);
  g_autofree char *no_match = reset_body ("cmartin", "someone.else@example.org");
  g_autofree char *unknown = reset_body ("nobody-at-all", "claire.martin@example.org");
  g_autofree char *match = reset_body ("cmartin", "Claire.Martin@example.org");
  g_autoptr(TuttiTestReply) reply_no_match = NULL;
  g_autoptr(TuttiTestReply) reply_unknown = NULL;
  g_autoptr(TuttiTestReply) reply_match = NULL;
  g_autoptr(TuttiTestReply) old_password = NULL;
  g_autoptr(TuttiTestReply) old_session = NULL;
  g_autofree char *message = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *password = NULL;
  g_autofree char *new_token = NULL;
  guint before = outbox_count ();

  /* No match: 202, nothing sent. */
  reply_no_match = request ("POST", TUTTI_API_PASSWORD_RESET, NULL, no_match);
  g_assert_cmpuint (reply_no_match->status, ==, 202);
  reply_unknown = request ("POST", TUTTI_API_PASSWORD_RESET, NULL, unknown);
  g_assert_cmpuint (reply_unknown->status, ==, 202);
  g_assert_cmpuint (outbox_count (), ==, before);

  /* A match (e-mail compared without case): the same answer, and a mail. */
  reply_match = request ("POST", TUTTI_API_PASSWORD_RESET, NULL, match);
  g_assert_cmpuint (reply_match->status, ==, 202);
  g_assert_true (g_bytes_equal (reply_match->body, reply_no_match->body));
  g_assert_true (g_bytes_equal (reply_match->body, reply_unknown->body));
  g_assert_cmpuint (outbox_count (), ==, before + 1);

  /* In Claire's language (French), as the guide's "Identifiants" mail. */
  message = last_message ();
  assert_crlf_only (message);
  to = find_line_value (message, "\r\nTo: ");
  g_assert_nonnull (strstr (to, "<claire.martin@example.org>"));
  subject = find_line_value (message, "\r\nSubject: ");
  g_assert_cmpstr (subject, ==, "Identifiants - Portail Tutti");
  g_assert_nonnull (strstr (message, "\r\nMIME-Version: 1.0\r\n"));
  g_assert_nonnull (strstr (message, "\r\nContent-Type: text/plain; charset=utf-8\r\n"));
  g_assert_nonnull (strstr (message, "\r\nMessage-ID: <"));
  g_assert_true (g_str_has_prefix (message, "Date: "));
  /* The sender's name is not ASCII: an RFC 2047 encoded-word. */
  g_assert_nonnull (strstr (message, "\r\nFrom: =?UTF-8?B?"));
  g_assert_nonnull (strstr (message, "<conservatoire@vitrecommunaute.org>\r\n"));
  g_assert_nonnull (strstr (message, "Identifiant : cmartin\r\n"));
  password = find_line_value (message, "Mot de passe : ");
  g_assert_cmpint (tutti_password_check (password), ==, 0);

  /* The old password and sessions stop working; the new one works. */
  old_password = login_on (shared_server, "cmartin", TUTTI_TEST_FAMILY_PASSWORD);
  tutti_test_assert_error (old_password, 401, "bad-credentials");
  old_session = request ("GET", TUTTI_API_HOME, before_token, NULL);
  tutti_test_assert_error (old_session, 401, "unauthenticated");
  new_token = tutti_test_login_token (shared_server, "cmartin", password);
}

static void
test_password_reset_english (void)
{
  g_autofree char *match = reset_body ("pmartin", "paul.martin@example.org");
  g_autoptr(TuttiTestReply) reply = NULL;
  g_autofree char *message = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *password = NULL;
  g_autofree char *token = NULL;
  guint before = outbox_count ();

  /* Paul reads English: the mail follows the recipient, not the request. */
  reply = request_full (shared_server, "POST", TUTTI_API_PASSWORD_RESET, NULL, match, -1, NULL, "fr");
  g_assert_cmpuint (reply->status, ==, 202);
  g_assert_cmpuint (outbox_count (), ==, before + 1);

  message = last_message ();
  subject = find_line_value (message, "\r\nSubject: ");
  g_assert_cmpstr (subject, ==, "Credentials - Tutti family portal");
  g_assert_nonnull (strstr (message, "Identifier: pmartin\r\n"));
  password = find_line_value (message, "Password: ");
  token = tutti_test_login_token (shared_server, "pmartin", password);
}

static void
test_password_reset_limited (void)
{
  g_autofree char *body = reset_body ("reset-ghost", "ghost@example.org");
  g_autoptr(TuttiTestReply) limited = NULL;

  for (guint i = 0; i < TUTTI_API_LOGIN_MAX_FAILURES; i++)
    {
      g_autoptr(TuttiTestReply) reply = request ("POST", TUTTI_API_PASSWORD_RESET, NULL, body);
      g_assert_cmpuint (reply->status, ==, 202);
    }
  limited = request ("POST", TUTTI_API_PASSWORD_RESET, NULL, body);
  tutti_test_assert_error (limited, 429, "too-many-attempts");
  g_assert_nonnull (soup_message_headers_get_one (limited->headers, "Retry-After"));
}

/* ---- Bad input: a clear 4xx, never a 500 ------------------------------------ */

static void
test_bad_json (void)
{
  g_autoptr(TuttiTestReply) malformed = request ("POST", TUTTI_API_SESSION, NULL, "{\"site\": \"conservatoire\",");
  g_autoptr(TuttiTestReply) not_object = request ("POST", TUTTI_API_SESSION, NULL, "[1, 2, 3]");
  g_autoptr(TuttiTestReply) empty = request ("POST", TUTTI_API_SESSION, NULL, "");
  g_autoptr(TuttiTestReply) not_utf8 = request ("POST", TUTTI_API_SESSION, NULL, "{\"site\": \"\xff\xfe\"}");

  tutti_test_assert_error (malformed, 400, "bad-request");
  tutti_test_assert_error (not_object, 400, "bad-request");
  tutti_test_assert_error (empty, 400, "bad-request");
  tutti_test_assert_error (not_utf8, 400, "bad-request");
}

static void
test_missing_field (void)
{
  g_autoptr(TuttiTestReply) reply = request ("POST", TUTTI_API_SESSION, NULL, "{\"site\": \"conservatoire\"}");
  g_autoptr(TuttiTestReply) reset = request ("POST", TUTTI_API_PASSWORD_RESET, NULL,
                                    "{\"site\": \"conservatoire\", \"login\": \"ztest1\", \"email\": \"\"}");
  JsonObject *error = tutti_test_assert_error (reply, 422, "invalid");
  JsonObject *fields = json_object_get_object_member (error, "fields");

  g_assert_nonnull (fields);
  g_assert_true (json_object_has_member (fields, "login"));
  g_assert_true (json_object_has_member (fields, "password"));
  g_assert_false (json_object_has_member (fields, "site"));

  error = tutti_test_assert_error (reset, 422, "invalid");
  g_assert_true (json_object_has_member (json_object_get_object_member (error, "fields"), "email"));
}

static void
test_wrong_type (void)
{
  g_autoptr(TuttiTestReply) reply = request ("POST", TUTTI_API_SESSION, NULL,
                                    "{\"site\": 12, \"login\": [\"ztest1\"], \"password\": \"x\"}");
  g_autoptr(TuttiTestReply) with_missing = request ("POST", TUTTI_API_SESSION, NULL, "{\"site\": true}");
  JsonObject *error = tutti_test_assert_error (reply, 422, "invalid");
  JsonObject *fields = json_object_get_object_member (error, "fields");

  g_assert_true (json_object_has_member (fields, "site"));
  g_assert_true (json_object_has_member (fields, "login"));
  g_assert_false (json_object_has_member (fields, "password"));

  /* Every field to fix in one answer: the mistyped and the missing. */
  error = tutti_test_assert_error (with_missing, 422, "invalid");
  fields = json_object_get_object_member (error, "fields");
  g_assert_true (json_object_has_member (fields, "site"));
  g_assert_true (json_object_has_member (fields, "login"));
  g_assert_true (json_object_has_member (fields, "password"));
}

static void
test_body_too_large (void)
{
  gsize size = TUTTI_API_MAX_JSON_BODY + 1024;
  g_autofree char *body = g_malloc (size + 1);
  g_autoptr(TuttiTestReply) reply = NULL;
  g_autoptr(TuttiTestReply) after = NULL;

  /* Valid JSON, only too big. */
  memset (body, 'a', size);
  memcpy (body, "{\"site\":\"", 9);
  memcpy (body + size - 2, "\"}", 2);
  body[size] = '\0';

  reply = request ("POST", TUTTI_API_SESSION, NULL, body);
  tutti_test_assert_error (reply, 413, "body-too-large");

  /* The server is still fine. */
  after = request ("GET", TUTTI_API_SITES, NULL, NULL);
  g_assert_cmpuint (after->status, ==, 200);
}

static void
test_wrong_content_type (void)
{
  g_autofree char *body = login_body ("ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(TuttiTestReply) text = request_full (shared_server, "POST", TUTTI_API_SESSION, NULL,
                                        body, -1, "text/plain", NULL);
  g_autoptr(TuttiTestReply) form = request_full (shared_server, "POST", TUTTI_API_SESSION, NULL,
                                        "site=conservatoire", -1,
                                        "application/x-www-form-urlencoded", NULL);
  g_autoptr(TuttiTestReply) latin1 = request_full (shared_server, "POST", TUTTI_API_SESSION, NULL,
                                          body, -1, "application/json; charset=iso-8859-1", NULL);
  g_autoptr(TuttiTestReply) missing = request_full (shared_server, "POST", TUTTI_API_SESSION, NULL,
                                           body, -1, "", NULL);
  g_autoptr(TuttiTestReply) with_charset = request_full (shared_server, "POST", TUTTI_API_SESSION, NULL,
                                                body, -1, "application/json; charset=UTF-8", NULL);

  tutti_test_assert_error (text, 415, "unsupported-media-type");
  tutti_test_assert_error (form, 415, "unsupported-media-type");
  tutti_test_assert_error (latin1, 415, "unsupported-media-type");
  tutti_test_assert_error (missing, 415, "unsupported-media-type");
  g_assert_cmpuint (with_charset->status, ==, 201);
}

static void
test_unknown_path (void)
{
  g_autoptr(TuttiTestReply) unknown = request ("GET", TUTTI_API_PREFIX "/nowhere", NULL, NULL);
  g_autoptr(TuttiTestReply) root = request ("GET", "/", NULL, NULL);
  g_autoptr(TuttiTestReply) trailing = request ("GET", TUTTI_API_SITES "/extra", NULL, NULL);

  tutti_test_assert_error (unknown, 404, "not-found");
  tutti_test_assert_error (root, 404, "not-found");
  tutti_test_assert_error (trailing, 404, "not-found");
}

static void
test_wrong_method (void)
{
  g_autoptr(TuttiTestReply) get_session = request ("GET", TUTTI_API_SESSION, NULL, NULL);
  g_autoptr(TuttiTestReply) post_home = request ("POST", TUTTI_API_HOME, NULL, "{}");
  g_autoptr(TuttiTestReply) delete_sites = request ("DELETE", TUTTI_API_SITES, NULL, NULL);
  const char *allow;

  tutti_test_assert_error (get_session, 405, "method-not-allowed");
  allow = soup_message_headers_get_one (get_session->headers, "Allow");
  g_assert_nonnull (allow);
  g_assert_nonnull (strstr (allow, "POST"));
  g_assert_nonnull (strstr (allow, "DELETE"));
  g_assert_null (strstr (allow, "GET"));

  tutti_test_assert_error (post_home, 405, "method-not-allowed");
  g_assert_cmpstr (soup_message_headers_get_one (post_home->headers, "Allow"), ==, "GET");
  tutti_test_assert_error (delete_sites, 405, "method-not-allowed");
}

/* ---- Languages ---------------------------------------------------------------- */

static void
test_accept_language (void)
{
  g_autofree char *body = login_body ("lang-nobody", "Wrong-pass1");
  g_autoptr(TuttiTestReply) fr = request_full (shared_server, "POST", TUTTI_API_SESSION, NULL, body, -1, NULL,
                                      "fr-FR,fr;q=0.9,en;q=0.8");
  g_autoptr(TuttiTestReply) en = request_full (shared_server, "POST", TUTTI_API_SESSION, NULL, body, -1, NULL,
                                      "en-GB,en;q=0.9");
  g_autoptr(TuttiTestReply) not_found_en = request_full (shared_server, "GET", "/nowhere", NULL, NULL, 0, NULL, "en");
  g_autoptr(TuttiTestReply) not_found_fr = request_full (shared_server, "GET", "/nowhere", NULL, NULL, 0, NULL, "fr");
  g_autoptr(TuttiTestReply) missing_en = request_full (shared_server, "POST", TUTTI_API_SESSION, NULL, "{}", -1, NULL, "en");
  g_autoptr(TuttiTestReply) missing_fr = request_full (shared_server, "POST", TUTTI_API_SESSION, NULL, "{}", -1, NULL, "fr");
  JsonObject *error;
  const char *field_en, *field_fr;

  error = tutti_test_assert_error (fr, 401, "bad-credentials");
  g_assert_cmpstr (json_object_get_string_member (error, "message"), ==,
                   tutti_api_error_code_message (TUTTI_API_ERROR_BAD_CREDENTIALS, TUTTI_LANG_FR));
  error = tutti_test_assert_error (en, 401, "bad-credentials");
  g_assert_cmpstr (json_object_get_string_member (error, "message"), ==,
                   tutti_api_error_code_message (TUTTI_API_ERROR_BAD_CREDENTIALS, TUTTI_LANG_EN));

  error = tutti_test_assert_error (not_found_en, 404, "not-found");
  g_assert_cmpstr (json_object_get_string_member (error, "message"), ==,
                   tutti_api_error_code_message (TUTTI_API_ERROR_NOT_FOUND, TUTTI_LANG_EN));
  error = tutti_test_assert_error (not_found_fr, 404, "not-found");
  g_assert_cmpstr (json_object_get_string_member (error, "message"), ==,
                   tutti_api_error_code_message (TUTTI_API_ERROR_NOT_FOUND, TUTTI_LANG_FR));

  /* Field messages too. */
  error = tutti_test_assert_error (missing_en, 422, "invalid");
  field_en = json_object_get_string_member (json_object_get_object_member (error, "fields"), "login");
  error = tutti_test_assert_error (missing_fr, 422, "invalid");
  field_fr = json_object_get_string_member (json_object_get_object_member (error, "fields"), "login");
  g_assert_cmpstr (field_en, !=, field_fr);
}

/* ---- The access log -------------------------------------------------------- */

static gboolean
is_access_line (const char *line)
{
  return g_regex_match_simple ("^\\S+ (GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) /\\S* [1-5][0-9][0-9] [0-9]+ms$",
                               line, 0, 0);
}

static guint
count_access_lines (TuttiTestServer *server,
                    char          ***lines_out)
{
  g_autofree char *log = tutti_test_server_get_log (server);
  g_auto(GStrv) lines = g_strsplit (log, "\n", -1);
  g_autoptr(GStrvBuilder) access = g_strv_builder_new ();
  guint count = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (is_access_line (lines[i]))
      {
        g_strv_builder_add (access, lines[i]);
        count++;
      }
  if (lines_out != NULL)
    *lines_out = g_strv_builder_end (access);
  return count;
}

static void
test_access_log (void)
{
  TuttiTestServer *server = tutti_test_server_start (TRUE, NULL);
  g_autofree char *token = NULL;
  g_autofree char *bad = login_body ("ztest1", "Secret-Wrong9");
  g_autofree char *change = change_body (TUTTI_TEST_FAMILY_PASSWORD, "Autre-Secret9");
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 deadline;
  guint expected = 7;

  {
    g_autoptr(TuttiTestReply) r1 = request_full (server, "GET", TUTTI_API_SITES "?x=secret-query", NULL, NULL, 0, NULL, NULL);
    g_autoptr(TuttiTestReply) r2 = request_full (server, "POST", TUTTI_API_SESSION, NULL, bad, -1, NULL, NULL);
    g_autoptr(TuttiTestReply) r4 = NULL;
    g_autoptr(TuttiTestReply) r5 = NULL;
    g_autoptr(TuttiTestReply) r6 = NULL;
    g_autoptr(TuttiTestReply) r7 = NULL;

    token = tutti_test_login_token (server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);                   /* 3 */
    r4 = request_full (server, "GET", TUTTI_API_HOME, token, NULL, 0, NULL, NULL);
    r5 = request_full (server, "PUT", TUTTI_API_PASSWORD, token, change, -1, NULL, NULL);
    r6 = request_full (server, "GET", "/no/such/path", NULL, NULL, 0, NULL, NULL);
    r7 = request_full (server, "DELETE", TUTTI_API_SESSION, token, NULL, 0, NULL, NULL);
    g_assert_cmpuint (r1->status, ==, 200);
    g_assert_cmpuint (r5->status, ==, 204);
  }

  /* The line is written once the answer has gone: wait for it briefly. */
  deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while (count_access_lines (server, NULL) < expected && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);

  g_assert_cmpuint (count_access_lines (server, &lines), ==, expected);
  g_assert_nonnull (strstr (lines[0], " GET " TUTTI_API_SITES " 200 "));
  g_assert_nonnull (strstr (lines[1], " POST " TUTTI_API_SESSION " 401 "));
  g_assert_nonnull (strstr (lines[2], " POST " TUTTI_API_SESSION " 201 "));
  g_assert_nonnull (strstr (lines[3], " GET " TUTTI_API_HOME " 200 "));
  g_assert_nonnull (strstr (lines[4], " PUT " TUTTI_API_PASSWORD " 204 "));
  g_assert_nonnull (strstr (lines[5], " GET /no/such/path 404 "));
  g_assert_nonnull (strstr (lines[6], " DELETE " TUTTI_API_SESSION " 401 "));

  /* Nothing secret anywhere in the log. */
  log = tutti_test_server_get_log (server);
  g_assert_null (strstr (log, TUTTI_TEST_FAMILY_PASSWORD));
  g_assert_null (strstr (log, "Secret-Wrong9"));
  g_assert_null (strstr (log, "Autre-Secret9"));
  g_assert_null (strstr (log, token));
  g_assert_null (strstr (log, "secret-query"));

  tutti_test_server_stop (server);
}

/* ---- --demo twice ------------------------------------------------------------ */

static void
count_demo (TuttiTestServer *server,
            guint           *n_sites,
            guint           *n_ztest_pupils,
            guint           *n_martin_pupils,
            guint           *n_campaigns)
{
  g_autoptr(TuttiTestReply) sites = request_full (server, "GET", TUTTI_API_SITES, NULL, NULL, 0, NULL, NULL);
  g_autofree char *ztest = tutti_test_login_token (server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  g_autofree char *martin = tutti_test_login_token (server, "pmartin", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(TuttiHome) ztest_home = get_home_on (server, ztest);
  g_autoptr(TuttiHome) martin_home = get_home_on (server, martin);

  *n_sites = json_array_get_length (json_node_get_array (sites->json));
  *n_ztest_pupils = ztest_home->pupils->len;
  *n_martin_pupils = martin_home->pupils->len;
  *n_campaigns = ztest_home->campaigns->len;
}

static void
test_demo_twice (void)
{
  TuttiTestServer *server = tutti_test_server_start (TRUE, NULL);
  guint sites, ztest, martin, campaigns;
  guint sites2, ztest2, martin2, campaigns2;
  g_autofree char *log = NULL;

  count_demo (server, &sites, &ztest, &martin, &campaigns);
  g_assert_cmpuint (sites, ==, 1);
  g_assert_cmpuint (ztest, ==, 1);
  g_assert_cmpuint (martin, ==, 3);
  g_assert_cmpuint (campaigns, ==, 2);

  /* Same data dir, --demo again: nothing added. */
  tutti_test_server_restart (server, TRUE, NULL);
  count_demo (server, &sites2, &ztest2, &martin2, &campaigns2);
  g_assert_cmpuint (sites2, ==, sites);
  g_assert_cmpuint (ztest2, ==, ztest);
  g_assert_cmpuint (martin2, ==, martin);
  g_assert_cmpuint (campaigns2, ==, campaigns);
  log = tutti_test_server_get_log (server);
  g_assert_nonnull (strstr (log, "already loaded"));

  tutti_test_server_stop (server);
}

static void
test_no_demo (void)
{
  TuttiTestServer *server = tutti_test_server_start (FALSE, NULL);
  g_autoptr(TuttiTestReply) sites = request_full (server, "GET", TUTTI_API_SITES, NULL, NULL, 0, NULL, NULL);
  g_autoptr(TuttiTestReply) login = login_on (server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);

  /* Demo accounts exist only with --demo. */
  g_assert_cmpuint (sites->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (sites->json)), ==, 0);
  tutti_test_assert_error (login, 401, "bad-credentials");

  tutti_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/sites", test_sites);
  g_test_add_func ("/server/login/good", test_login_good);
  g_test_add_func ("/server/login/bad", test_login_bad);
  g_test_add_func ("/server/login/too-many", test_login_too_many);
  g_test_add_func ("/server/login/unauthenticated", test_unauthenticated);
  g_test_add_func ("/server/logout", test_logout);
  g_test_add_func ("/server/home/ztest", test_home_ztest);
  g_test_add_func ("/server/home/martin", test_home_martin);
  g_test_add_func ("/server/home/staff", test_home_staff);
  g_test_add_func ("/server/password/change", test_password_change);
  g_test_add_func ("/server/password/reset", test_password_reset);
  g_test_add_func ("/server/password/reset-english", test_password_reset_english);
  g_test_add_func ("/server/password/reset-limited", test_password_reset_limited);
  g_test_add_func ("/server/bad-input/json", test_bad_json);
  g_test_add_func ("/server/bad-input/missing-field", test_missing_field);
  g_test_add_func ("/server/bad-input/wrong-type", test_wrong_type);
  g_test_add_func ("/server/bad-input/too-large", test_body_too_large);
  g_test_add_func ("/server/bad-input/content-type", test_wrong_content_type);
  g_test_add_func ("/server/bad-input/unknown-path", test_unknown_path);
  g_test_add_func ("/server/bad-input/wrong-method", test_wrong_method);
  g_test_add_func ("/server/accept-language", test_accept_language);
  g_test_add_func ("/server/access-log", test_access_log);
  g_test_add_func ("/server/demo/twice", test_demo_twice);
  g_test_add_func ("/server/demo/absent", test_no_demo);

  shared_server = tutti_test_server_start (TRUE, NULL);

  status = g_test_run ();

  tutti_test_server_stop (shared_server);
  return status;
}
