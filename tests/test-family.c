/* test-family.c — family and pupil files, pending changes and the staff's
 * validation queue (FAM-1, FAM-3, FAM-4, PUP-1..5, STAFF-1, STAFF-2, MAIL-1)
 * against a real tutti-server process
 *
 * One demo server for the whole program. Each test changes fields no
 * other test looks at, so that the order of the tests does not matter
 * beyond what a test sets up itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include <libsoup/soup.h>
#include <string.h>

#include "tutti-core.h"
#include "tutti-test-http.h"

#define MISSING_ID "999999"

static TuttiTestServer *server;

/* Tokens and ids of the demo, found once through the API. */
static char *ztest_token;
static char *cmartin_token;
static char *pmartin_token;
static char *staff_token;
static gint64 ztest_guardian;
static gint64 ztest_pupil;
static gint64 ztest_course;
static gint64 ztest_cmg_record;     /* CMG MAA Niveau 1: 12 evaluations */
static gint64 claire_guardian;
static gint64 paul_guardian;
static gint64 martin_pupils[3];     /* Léa, Hugo, Chloé */
static gint64 martin_course;
static gint64 martin_record;

/* ---- HTTP ------------------------------------------------------------------ */

/* One request, answered synchronously; @body is sent as JSON, @lang
 * becomes Accept-Language. */
static TuttiTestReply *
request_full (const char *method,
              const char *path,
              const char *token,
              const char *body,
              const char *lang)
{
  return tutti_test_request_full (server, method, path, token, body, lang, NULL);
}

static TuttiTestReply *
request (const char *method,
         const char *path,
         const char *token,
         const char *body)
{
  return request_full (method, path, token, body, NULL);
}

static TuttiTestReply *
get (const char *path,
     const char *token)
{
  return request ("GET", path, token, NULL);
}

/* {"pending_changes": [{"field", "new_value"}…]} from field/value pairs. */
static char *
changes_body (const char *first_field,
              ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  va_list args;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pending_changes");
  json_builder_begin_array (builder);
  va_start (args, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, field);
      json_builder_set_member_name (builder, "new_value");
      json_builder_add_string_value (builder, value);
      json_builder_end_object (builder);
    }
  va_end (args);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char *
guardian_path (gint64 id)
{
  return g_strdup_printf (TUTTI_API_FAMILY "/guardians/%" G_GINT64_FORMAT, id);
}

static char *
pupil_path (gint64      id,
            const char *tail)
{
  return g_strdup_printf (TUTTI_API_PUPILS "/%" G_GINT64_FORMAT "%s", id, tail != NULL ? tail : "");
}

static char *
staff_path (const char *entity,
            gint64      id,
            const char *tail)
{
  return g_strdup_printf (TUTTI_API_STAFF "/changes/%s/%" G_GINT64_FORMAT "%s", entity, id,
                          tail != NULL ? tail : "");
}

/* ---- Records ----------------------------------------------------------------- */

static TuttiFamily *
get_family (const char *token)
{
  g_autoptr(TuttiTestReply) reply = get (TUTTI_API_FAMILY, token);
  g_autoptr(GError) error = NULL;
  TuttiFamily *family;

  g_assert_cmpuint (reply->status, ==, 200);
  family = tutti_family_from_json (reply->json, &error);
  g_assert_no_error (error);
  return family;
}

static TuttiGuardian *
guardian_from_reply (TuttiTestReply *reply,
                     guint  status)
{
  g_autoptr(GError) error = NULL;
  TuttiGuardian *guardian;

  g_assert_cmpuint (reply->status, ==, status);
  guardian = tutti_guardian_from_json (reply->json, &error);
  g_assert_no_error (error);
  return guardian;
}

static TuttiGuardian *
get_guardian (const char *token,
              gint64      id)
{
  g_autofree char *path = guardian_path (id);
  g_autoptr(TuttiTestReply) reply = get (path, token);

  return guardian_from_reply (reply, 200);
}

static TuttiPupil *
pupil_from_reply (TuttiTestReply *reply,
                  guint  status)
{
  g_autoptr(GError) error = NULL;
  TuttiPupil *pupil;

  g_assert_cmpuint (reply->status, ==, status);
  pupil = tutti_pupil_from_json (reply->json, &error);
  g_assert_no_error (error);
  return pupil;
}

static TuttiPupil *
get_pupil (const char *token,
           gint64      id)
{
  g_autofree char *path = pupil_path (id, NULL);
  g_autoptr(TuttiTestReply) reply = get (path, token);

  return pupil_from_reply (reply, 200);
}

/* Records of @schema from a JSON list, in an array that frees them. */
static GPtrArray *
get_list (const char        *path,
          const char        *token,
          const TuttiSchema *schema)
{
  g_autoptr(TuttiTestReply) reply = get (path, token);
  GPtrArray *records = tutti_record_list_new (schema);
  JsonArray *array;

  g_assert_cmpuint (reply->status, ==, 200);
  array = tutti_test_reply_array (reply);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) error = NULL;
      gpointer record = tutti_record_from_json (schema, json_array_get_element (array, i), &error);

      g_assert_no_error (error);
      g_ptr_array_add (records, record);
    }
  return records;
}

/* The change of @field in @changes, or NULL; fails when it is there twice. */
static TuttiPendingChange *
find_change (GPtrArray  *changes,
             const char *field)
{
  TuttiPendingChange *found = NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      TuttiPendingChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->field, field) != 0)
        continue;
      g_assert_null (found);
      found = change;
    }
  return found;
}

/* ---- Outbox ------------------------------------------------------------------- */

static guint
outbox_count (void)
{
  g_autoptr(GPtrArray) files = tutti_test_server_list_outbox (server);
  return files->len;
}

static char *
last_message (void)
{
  g_autoptr(GPtrArray) files = tutti_test_server_list_outbox (server);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_cmpuint (files->len, >, 0);
  g_file_get_contents (g_ptr_array_index (files, files->len - 1), &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* A header's value, unfolded, with RFC 2047 "B" encoded-words decoded. */
static char *
message_header (const char *message,
                const char *name)
{
  g_autofree char *prefix = g_strconcat ("\r\n", name, ": ", NULL);
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GString) decoded = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  const char *p = strstr (message, prefix);

  g_assert_nonnull (p);
  p += strlen (prefix);
  for (;;)
    {
      const char *end = strstr (p, "\r\n");

      g_assert_nonnull (end);
      g_string_append_len (raw, p, end - p);
      if (end[2] != ' ' && end[2] != '\t')
        break;
      g_string_append_c (raw, ' ');
      p = end + 3;
    }

  if (!g_str_has_prefix (raw->str, "=?UTF-8?B?"))
    return g_strdup (raw->str);

  words = g_strsplit (raw->str, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree guchar *bytes = NULL;
      g_autofree char *b64 = NULL;
      gsize length;

      if (*words[i] == '\0')
        continue;
      g_assert_true (g_str_has_prefix (words[i], "=?UTF-8?B?") && g_str_has_suffix (words[i], "?="));
      b64 = g_strndup (words[i] + 10, strlen (words[i]) - 12);
      bytes = g_base64_decode (b64, &length);
      g_string_append_len (decoded, (const char *) bytes, length);
    }
  g_assert_true (g_utf8_validate (decoded->str, -1, NULL));
  return g_strdup (decoded->str);
}

/* ---- Family (FAM-1, FAM-3, FAM-4) ----------------------------------------------- */

static void
test_family_ztest (void)
{
  g_autoptr(TuttiFamily) family = get_family (ztest_token);
  TuttiGuardian *guardian;
  g_autoptr(TuttiGuardian) alone = NULL;

  g_assert_cmpint (family->id, >, 0);
  g_assert_cmpstr (family->name, ==, "Z-TEST");
  g_assert_cmpuint (family->guardians->len, ==, 1);
  guardian = g_ptr_array_index (family->guardians, 0);
  g_assert_cmpint (guardian->id, ==, ztest_guardian);
  g_assert_cmpint (guardian->civility, ==, TUTTI_CIVILITY_MR);
  g_assert_cmpstr (guardian->surname, ==, "Z-TEST");
  g_assert_cmpstr (guardian->first_name, ==, "Essai");
  g_assert_cmpstr (guardian->address, ==, "6 rue de Verdun");
  g_assert_cmpstr (guardian->postcode, ==, "35500");
  g_assert_cmpstr (guardian->email, ==, "test@vitrecommunaute.org");
  g_assert_cmpstr (guardian->home_phone, ==, "0299746864");
  g_assert_cmpstr (guardian->login, ==, "ztest1");
  g_assert_nonnull (guardian->pending_changes);

  /* FAM-4: the school's contact line. */
  g_assert_nonnull (family->school);
  g_assert_cmpstr (family->school->phone, ==, "02 99 74 68 64");
  g_assert_cmpstr (family->school->email, ==, "conservatoire@vitrecommunaute.org");

  /* One guardian alone: the same record. */
  alone = get_guardian (ztest_token, ztest_guardian);
  g_assert_cmpstr (alone->surname, ==, "Z-TEST");
  g_assert_cmpstr (alone->email, ==, guardian->email);
}

static void
test_family_martin (void)
{
  g_autoptr(TuttiFamily) family = get_family (pmartin_token);
  g_autoptr(TuttiFamily) same = get_family (cmartin_token);
  g_autofree char *claire_path = guardian_path (claire_guardian);
  g_autofree char *paul_path = guardian_path (paul_guardian);
  g_autofree char *claire_body = changes_body ("work_phone", "02 99 75 00 11", NULL);
  g_autofree char *paul_body = changes_body ("profession", "Technicien de maintenance industrielle",
                                             NULL);
  g_autoptr(TuttiTestReply) claire_reply = NULL;
  g_autoptr(TuttiTestReply) paul_reply = NULL;
  g_autoptr(TuttiGuardian) claire = NULL;
  g_autoptr(TuttiGuardian) paul = NULL;
  g_autoptr(TuttiFamily) after = NULL;
  TuttiPendingChange *change;

  /* FAM-3: two guardians, each with their own login. */
  g_assert_cmpstr (family->name, ==, "MARTIN");
  g_assert_cmpuint (family->guardians->len, ==, 2);
  g_assert_cmpstr (((TuttiGuardian *) g_ptr_array_index (family->guardians, 0))->first_name, ==, "Claire");
  g_assert_cmpstr (((TuttiGuardian *) g_ptr_array_index (family->guardians, 0))->login, ==, "cmartin");
  g_assert_cmpstr (((TuttiGuardian *) g_ptr_array_index (family->guardians, 1))->first_name, ==, "Paul");
  g_assert_cmpstr (((TuttiGuardian *) g_ptr_array_index (family->guardians, 1))->login, ==, "pmartin");
  g_assert_true (tutti_record_equal (&tutti_family_schema, family, same));

  /* Each guardian can edit either record: Paul edits Claire's, Claire Paul's. */
  claire_reply = request ("PATCH", claire_path, pmartin_token, claire_body);
  claire = guardian_from_reply (claire_reply, 202);
  g_assert_null (claire->work_phone);
  change = find_change (claire->pending_changes, "work_phone");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->new_value, ==, "02 99 75 00 11");

  paul_reply = request ("PATCH", paul_path, cmartin_token, paul_body);
  paul = guardian_from_reply (paul_reply, 202);
  g_assert_cmpstr (paul->profession, ==, "Technicien de maintenance");
  change = find_change (paul->pending_changes, "profession");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->old_value, ==, "Technicien de maintenance");
  g_assert_cmpstr (change->new_value, ==, "Technicien de maintenance industrielle");

  /* Both markers, whoever looks. */
  after = get_family (pmartin_token);
  g_assert_nonnull (find_change (((TuttiGuardian *) g_ptr_array_index (after->guardians, 0))->pending_changes,
                                 "work_phone"));
  g_assert_nonnull (find_change (((TuttiGuardian *) g_ptr_array_index (after->guardians, 1))->pending_changes,
                                 "profession"));
}

static void
test_family_invalid (void)
{
  g_autofree char *path = guardian_path (ztest_guardian);
  g_autofree char *several = changes_body ("postcode", "3550", "email", "nobody@", "surname", "",
                                           "login", "zz", NULL);
  g_autofree char *kinds = changes_body ("birth_date", "2016-13-45", "family_situation", "complicated",
                                         "mobile_phone", "12", "birth_department", "123456",
                                         "shoe_size", "42", NULL);
  g_autofree char *english = changes_body ("town", "", NULL);
  g_autoptr(TuttiTestReply) reply_several = NULL;
  g_autoptr(TuttiTestReply) reply_kinds = NULL;
  g_autoptr(TuttiTestReply) reply_english = NULL;
  g_autoptr(TuttiTestReply) reply_stray = NULL;
  g_autoptr(TuttiTestReply) reply_empty = NULL;
  g_autoptr(TuttiTestReply) reply_not_json = NULL;
  g_autoptr(TuttiTestReply) reply_mistyped = NULL;
  g_autoptr(TuttiGuardian) guardian = NULL;
  JsonObject *error;
  guint before = outbox_count ();

  /* Each field in error named: bad postcode, bad e-mail, an empty
   * required field, a field the family may not change. */
  reply_several = request ("PATCH", path, ztest_token, several);
  tutti_test_assert_fields (reply_several, 422, "invalid", "postcode", "email", "surname", "login", NULL);
  error = json_object_get_object_member (tutti_test_reply_object (reply_several), "error");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (error, "fields"),
                                                  "surname"), ==, "Ce champ est obligatoire.");

  /* Values of the wrong form, rules of core, an unknown field. */
  reply_kinds = request ("PATCH", path, ztest_token, kinds);
  tutti_test_assert_fields (reply_kinds, 422, "invalid", "birth_date", "family_situation", "mobile_phone",
                         "birth_department", "shoe_size", NULL);

  /* In the request's language. */
  reply_english = request_full ("PATCH", path, ztest_token, english, "en");
  tutti_test_assert_fields (reply_english, 422, "invalid", "town", NULL);
  error = json_object_get_object_member (tutti_test_reply_object (reply_english), "error");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (error, "fields"),
                                                  "town"), ==, "This field is required.");

  /* Fields sent as a partial record rather than as changes. */
  reply_stray = request ("PATCH", path, ztest_token,
                         "{\"town\": \"RENNES\", \"login\": \"x\", \"pending_changes\": "
                         "[{\"field\": \"profession\", \"new_value\": \"Luthier\"}]}");
  tutti_test_assert_fields (reply_stray, 422, "invalid", "town", "login", NULL);

  reply_empty = request ("PATCH", path, ztest_token, "{\"pending_changes\": []}");
  tutti_test_assert_fields (reply_empty, 422, "invalid", "pending_changes", NULL);
  reply_mistyped = request ("PATCH", path, ztest_token,
                            "{\"pending_changes\": [{\"field\": \"town\", \"new_value\": 5}]}");
  tutti_test_assert_names (reply_mistyped, "pending_changes.0.new_value");
  reply_not_json = request ("PATCH", path, ztest_token, "{\"pending_changes\": [");
  tutti_test_assert_error (reply_not_json, 400, "bad-request");

  /* Nothing stored, nothing mailed. */
  guardian = get_guardian (ztest_token, ztest_guardian);
  g_assert_null (find_change (guardian->pending_changes, "postcode"));
  g_assert_null (find_change (guardian->pending_changes, "profession"));
  g_assert_cmpuint (outbox_count (), ==, before);
}

/* The staff queue's group of one record, or NULL. */
static JsonObject *
find_group (JsonArray  *queue,
            const char *entity,
            gint64      id)
{
  for (guint i = 0; i < json_array_get_length (queue); i++)
    {
      JsonObject *group = json_array_get_object_element (queue, i);

      if (g_str_equal (json_object_get_string_member (group, "entity"), entity) &&
          json_object_get_int_member (group, "entity_id") == id)
        return group;
    }
  return NULL;
}

/* The change of @field in a staff group, or NULL. */
static JsonObject *
find_group_change (JsonObject *group,
                   const char *field)
{
  JsonArray *changes = json_object_get_array_member (group, "changes");

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (g_str_equal (json_object_get_string_member (change, "field"), field))
        return change;
    }
  return NULL;
}

static char *
decision_body (gint64      id,
               const char *state,
               const char *reason)
{
  if (reason != NULL)
    return g_strdup_printf ("{\"pending_changes\": [{\"id\": %" G_GINT64_FORMAT ", \"state\": \"%s\", "
                            "\"reason\": \"%s\"}]}", id, state, reason);
  return g_strdup_printf ("{\"pending_changes\": [{\"id\": %" G_GINT64_FORMAT ", \"state\": \"%s\"}]}",
                          id, state);
}

static void
test_lifecycle_accept (void)
{
  g_autofree char *path = guardian_path (ztest_guardian);
  g_autofree char *first = changes_body ("town", "RENNES", NULL);
  g_autofree char *second = changes_body ("town", "CHATEAUBOURG", NULL);
  g_autofree char *record_path = staff_path ("guardian", ztest_guardian, NULL);
  g_autofree char *decide_path = staff_path ("guardian", ztest_guardian, "/decide");
  g_autofree char *decision = NULL;
  g_autofree char *message = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *to = NULL;
  g_autoptr(TuttiTestReply) reply = NULL;
  g_autoptr(TuttiTestReply) reply2 = NULL;
  g_autoptr(TuttiTestReply) queue = NULL;
  g_autoptr(TuttiTestReply) detail = NULL;
  g_autoptr(TuttiTestReply) decided = NULL;
  g_autoptr(TuttiTestReply) queue_after = NULL;
  g_autoptr(TuttiGuardian) patched = NULL;
  g_autoptr(TuttiGuardian) patched2 = NULL;
  TuttiGuardian *read_back;
  g_autoptr(TuttiGuardian) applied = NULL;
  g_autoptr(TuttiFamily) family = NULL;
  TuttiPendingChange *change;
  JsonObject *group;
  JsonObject *staff_change;
  JsonArray *decided_changes;
  gint64 change_id;
  guint before = outbox_count ();

  /* 202: the record read back keeps its value; the new one is pending. */
  reply = request ("PATCH", path, ztest_token, first);
  patched = guardian_from_reply (reply, 202);
  g_assert_cmpstr (patched->town, ==, "VITRE");
  change = find_change (patched->pending_changes, "town");
  g_assert_nonnull (change);
  g_assert_cmpint (change->entity, ==, TUTTI_ENTITY_GUARDIAN);
  g_assert_cmpint (change->entity_id, ==, ztest_guardian);
  g_assert_cmpstr (change->old_value, ==, "VITRE");
  g_assert_cmpstr (change->new_value, ==, "RENNES");
  g_assert_cmpint (change->state, ==, TUTTI_CHANGE_PENDING);
  g_assert_nonnull (change->created_at);
  g_assert_null (change->decided_at);
  change_id = change->id;

  /* The acknowledgement, in ztest1's French (MAIL-1). */
  g_assert_cmpuint (outbox_count (), ==, before + 1);
  message = last_message ();
  to = message_header (message, "To");
  g_assert_cmpstr (to, ==, "Monsieur Z-TEST Essai <test@vitrecommunaute.org>");
  subject = message_header (message, "Subject");
  g_assert_cmpstr (subject, ==, "Accusé de réception - Modification de la fiche de Z-TEST Essai");
  g_assert_nonnull (strstr (message, "\r\n\r\nBonjour Monsieur Z-TEST Essai,\r\n"));
  g_assert_nonnull (strstr (message, "\r\n- Ville : RENNES\r\n"));
  g_assert_nonnull (strstr (message, "après validation par le secrétariat"));
  g_assert_nonnull (strstr (message, "02 99 74 68 64 / conservatoire@vitrecommunaute.org"));

  /* Read again: the current value and the pending one. */
  family = get_family (ztest_token);
  read_back = g_ptr_array_index (family->guardians, 0);
  g_assert_cmpstr (read_back->town, ==, "VITRE");
  g_assert_cmpstr (find_change (read_back->pending_changes, "town")->new_value, ==, "RENNES");

  /* A second edit replaces the pending value: still one change, same row. */
  reply2 = request ("PATCH", path, ztest_token, second);
  patched2 = guardian_from_reply (reply2, 202);
  g_assert_cmpstr (patched2->town, ==, "VITRE");
  change = find_change (patched2->pending_changes, "town");
  g_assert_nonnull (change);
  g_assert_cmpint (change->id, ==, change_id);
  g_assert_cmpstr (change->old_value, ==, "VITRE");
  g_assert_cmpstr (change->new_value, ==, "CHATEAUBOURG");
  g_assert_cmpuint (outbox_count (), ==, before + 2);

  /* The office's queue lists it: family, person, fields, date. */
  queue = get (TUTTI_API_STAFF "/changes", staff_token);
  g_assert_cmpuint (queue->status, ==, 200);
  group = find_group (tutti_test_reply_array (queue), "guardian", ztest_guardian);
  g_assert_nonnull (group);
  g_assert_cmpstr (json_object_get_string_member (group, "family_name"), ==, "Z-TEST");
  g_assert_cmpstr (json_object_get_string_member (group, "surname"), ==, "Z-TEST");
  g_assert_cmpstr (json_object_get_string_member (group, "first_name"), ==, "Essai");
  g_assert_cmpstr (json_object_get_string_member (group, "submitted_at"), !=, "");
  staff_change = find_group_change (group, "town");
  g_assert_nonnull (staff_change);
  g_assert_cmpint (json_object_get_int_member (staff_change, "id"), ==, change_id);

  /* One record, old → new, with the field's label (here in English). */
  detail = request_full ("GET", record_path, staff_token, NULL, "en");
  g_assert_cmpuint (detail->status, ==, 200);
  staff_change = find_group_change (tutti_test_reply_object (detail), "town");
  g_assert_nonnull (staff_change);
  g_assert_cmpstr (json_object_get_string_member (staff_change, "old_value"), ==, "VITRE");
  g_assert_cmpstr (json_object_get_string_member (staff_change, "new_value"), ==, "CHATEAUBOURG");
  g_assert_cmpstr (json_object_get_string_member (staff_change, "label"), ==, "Town");

  /* Accepted: the value applies, the marker goes. */
  decision = decision_body (change_id, "accepted", NULL);
  decided = request ("POST", decide_path, staff_token, decision);
  g_assert_cmpuint (decided->status, ==, 200);
  decided_changes = json_object_get_array_member (tutti_test_reply_object (decided), "changes");
  g_assert_cmpuint (json_array_get_length (decided_changes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (decided_changes, 0),
                                                  "state"), ==, "accepted");

  applied = get_guardian (ztest_token, ztest_guardian);
  g_assert_cmpstr (applied->town, ==, "CHATEAUBOURG");
  g_assert_null (find_change (applied->pending_changes, "town"));

  queue_after = get (TUTTI_API_STAFF "/changes", staff_token);
  group = find_group (tutti_test_reply_array (queue_after), "guardian", ztest_guardian);
  g_assert_true (group == NULL || find_group_change (group, "town") == NULL);
}

static void
test_lifecycle_refuse (void)
{
  g_autofree char *path = guardian_path (ztest_guardian);
  g_autofree char *first = changes_body ("mobile_phone", "06 12 34 56", NULL);
  g_autofree char *fixed = NULL;
  g_autofree char *again = changes_body ("mobile_phone", "06 12 34 56 78", NULL);
  g_autofree char *decide_path = staff_path ("guardian", ztest_guardian, "/decide");
  g_autofree char *decision = NULL;
  g_autoptr(TuttiTestReply) reply = NULL;
  g_autoptr(TuttiTestReply) invalid = NULL;
  g_autoptr(TuttiTestReply) decided = NULL;
  g_autoptr(TuttiTestReply) reply_again = NULL;
  g_autoptr(TuttiGuardian) patched = NULL;
  g_autoptr(TuttiGuardian) refused = NULL;
  g_autoptr(TuttiGuardian) edited = NULL;
  TuttiPendingChange *change;
  gint64 change_id;

  /* Not a phone number: refused by core's rule. */
  invalid = request ("PATCH", path, ztest_token, first);
  tutti_test_assert_fields (invalid, 422, "invalid", "mobile_phone", NULL);

  fixed = changes_body ("mobile_phone", "06 12 34 56 00", NULL);
  reply = request ("PATCH", path, ztest_token, fixed);
  patched = guardian_from_reply (reply, 202);
  change_id = find_change (patched->pending_changes, "mobile_phone")->id;

  /* Refused with a reason: the record keeps its value, the family sees why. */
  decision = decision_body (change_id, "refused", "Numéro à confirmer par téléphone");
  decided = request ("POST", decide_path, staff_token, decision);
  g_assert_cmpuint (decided->status, ==, 200);

  refused = get_guardian (ztest_token, ztest_guardian);
  g_assert_null (refused->mobile_phone);
  change = find_change (refused->pending_changes, "mobile_phone");
  g_assert_nonnull (change);
  g_assert_cmpint (change->state, ==, TUTTI_CHANGE_REFUSED);
  g_assert_cmpstr (change->reason, ==, "Numéro à confirmer par téléphone");
  g_assert_cmpstr (change->new_value, ==, "06 12 34 56 00");
  g_assert_nonnull (change->decided_at);

  /* A new edit of the field: pending again, the refusal no longer shown. */
  reply_again = request ("PATCH", path, ztest_token, again);
  edited = guardian_from_reply (reply_again, 202);
  change = find_change (edited->pending_changes, "mobile_phone");
  g_assert_nonnull (change);
  g_assert_cmpint (change->state, ==, TUTTI_CHANGE_PENDING);
  g_assert_cmpint (change->id, !=, change_id);
  g_assert_null (change->reason);
}

static void
test_lifecycle_withdraw (void)
{
  g_autofree char *path = guardian_path (ztest_guardian);
  g_autofree char *edit = changes_body ("profession", "Accordeur de pianos", NULL);
  g_autofree char *back = changes_body ("profession", "", NULL);
  g_autofree char *message = NULL;
  g_autoptr(TuttiTestReply) reply = NULL;
  g_autoptr(TuttiTestReply) reply_back = NULL;
  g_autoptr(TuttiTestReply) reply_same = NULL;
  g_autoptr(TuttiGuardian) edited = NULL;
  g_autoptr(TuttiGuardian) withdrawn = NULL;
  g_autoptr(TuttiGuardian) unchanged = NULL;
  guint before;

  reply = request ("PATCH", path, ztest_token, edit);
  edited = guardian_from_reply (reply, 202);
  g_assert_nonnull (find_change (edited->pending_changes, "profession"));

  /* Back to the current (empty) value: the pending change is dropped. */
  before = outbox_count ();
  reply_back = request ("PATCH", path, ztest_token, back);
  withdrawn = guardian_from_reply (reply_back, 202);
  g_assert_null (withdrawn->profession);
  g_assert_null (find_change (withdrawn->pending_changes, "profession"));
  g_assert_cmpuint (outbox_count (), ==, before + 1);
  message = last_message ();
  g_assert_nonnull (strstr (message, "- Profession : (vide) (modification retirée"));

  /* The same again: nothing to do, nothing mailed. */
  reply_same = request ("PATCH", path, ztest_token, back);
  unchanged = guardian_from_reply (reply_same, 202);
  g_assert_null (find_change (unchanged->pending_changes, "profession"));
  g_assert_cmpuint (outbox_count (), ==, before + 1);
}

static void
test_mail_english (void)
{
  g_autofree char *path = guardian_path (paul_guardian);
  g_autofree char *body = changes_body ("family_situation", "civil-partnership",
                                        "birth_date", "1979-11-24", NULL);
  g_autofree char *message = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *to = NULL;
  g_autoptr(TuttiTestReply) reply = NULL;
  g_autoptr(TuttiGuardian) paul = NULL;
  guint before = outbox_count ();

  /* Paul reads English: his acknowledgement too, whatever the request says. */
  reply = request_full ("PATCH", path, pmartin_token, body, "fr");
  paul = guardian_from_reply (reply, 202);
  g_assert_cmpint (paul->family_situation, ==, TUTTI_FAMILY_SITUATION_MARRIED);
  g_assert_cmpstr (find_change (paul->pending_changes, "family_situation")->new_value, ==,
                   "civil-partnership");

  g_assert_cmpuint (outbox_count (), ==, before + 1);
  message = last_message ();
  to = message_header (message, "To");
  g_assert_cmpstr (to, ==, "Mr MARTIN Paul <paul.martin@example.org>");
  subject = message_header (message, "Subject");
  g_assert_cmpstr (subject, ==, "Acknowledgement - Changes to the file of MARTIN Paul");
  g_assert_nonnull (strstr (message, "\r\n\r\nHello Mr MARTIN Paul,\r\n"));
  /* Labels from core; values as people read them. */
  g_assert_nonnull (strstr (message, "\r\n- Family situation: Civil partnership\r\n"));
  g_assert_nonnull (strstr (message, "\r\n- Date of birth: "));
  g_assert_nonnull (strstr (message, "once the school office has validated them"));
}

/* ---- Pupils (PUP-1..5) ------------------------------------------------------------ */

static void
test_pupil_identity (void)
{
  g_autoptr(TuttiPupil) pupil = get_pupil (ztest_token, ztest_pupil);
  g_autofree char *path = pupil_path (ztest_pupil, NULL);
  g_autofree char *good = changes_body ("school_level", "6e", "image_rights", "yes",
                                        "use_guardian_contact", "false", NULL);
  g_autofree char *bad = changes_body ("postcode", "ABCDE", "image_rights", "maybe",
                                       "birth_date", "", "emergency_phone", "12",
                                       "use_guardian_contact", "sometimes", "family_id", "2", NULL);
  g_autofree char *message = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *to = NULL;
  g_autoptr(TuttiTestReply) reply_bad = NULL;
  g_autoptr(TuttiTestReply) reply = NULL;
  g_autoptr(TuttiPupil) patched = NULL;
  guint before;

  g_assert_cmpint (pupil->id, ==, ztest_pupil);
  g_assert_cmpstr (pupil->surname, ==, "Z-TEST");
  g_assert_cmpstr (pupil->first_name, ==, "Essai");
  g_assert_cmpstr (pupil->birth_date, ==, "2016-01-01");
  g_assert_cmpstr (pupil->postcode, ==, "35500");
  g_assert_true (pupil->use_guardian_contact);
  g_assert_cmpint (pupil->image_rights, ==, TUTTI_IMAGE_RIGHTS_UNANSWERED);
  g_assert_cmpuint (pupil->pending_changes->len, ==, 0);

  reply_bad = request ("PATCH", path, ztest_token, bad);
  tutti_test_assert_fields (reply_bad, 422, "invalid", "postcode", "image_rights", "birth_date", "emergency_phone",
                         "use_guardian_contact", "family_id", NULL);

  /* PUP-2 saves as FAM-1: pending, acknowledged to the logged-in guardian. */
  before = outbox_count ();
  reply = request ("PATCH", path, ztest_token, good);
  patched = pupil_from_reply (reply, 202);
  g_assert_cmpstr (patched->school_level, ==, "CM2");
  g_assert_true (patched->use_guardian_contact);
  g_assert_cmpstr (find_change (patched->pending_changes, "school_level")->new_value, ==, "6e");
  g_assert_cmpstr (find_change (patched->pending_changes, "image_rights")->new_value, ==, "yes");
  g_assert_cmpstr (find_change (patched->pending_changes, "use_guardian_contact")->old_value, ==, "true");
  g_assert_cmpint (find_change (patched->pending_changes, "use_guardian_contact")->entity, ==,
                   TUTTI_ENTITY_PUPIL);

  g_assert_cmpuint (outbox_count (), ==, before + 1);
  message = last_message ();
  to = message_header (message, "To");
  g_assert_cmpstr (to, ==, "Monsieur Z-TEST Essai <test@vitrecommunaute.org>");
  subject = message_header (message, "Subject");
  g_assert_cmpstr (subject, ==, "Accusé de réception - Modification de la fiche de Z-TEST Essai");
  g_assert_nonnull (strstr (message, "(Élève) :\r\n"));
  g_assert_nonnull (strstr (message, "\r\n- Niveau scolaire : 6e\r\n"));
  g_assert_nonnull (strstr (message, "\r\n- Droit à l’image : Oui\r\n"));
  g_assert_nonnull (strstr (message, "\r\n- Utiliser les coordonnées du responsable légal : Non\r\n"));
}

static void
test_pupil_courses (void)
{
  g_autofree char *list_path = pupil_path (ztest_pupil, "/courses");
  g_autofree char *tail = g_strdup_printf ("/courses/%" G_GINT64_FORMAT, ztest_course);
  g_autofree char *course_path = pupil_path (ztest_pupil, tail);
  g_autoptr(GPtrArray) courses = get_list (list_path, ztest_token, &tutti_course_schema);
  g_autoptr(TuttiTestReply) reply = get (course_path, ztest_token);
  g_autoptr(TuttiCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  TuttiCourse *listed;
  TuttiAbsence *absence;

  /* PUP-3, as the guide's Cours tab. */
  g_assert_cmpuint (courses->len, ==, 1);
  listed = g_ptr_array_index (courses, 0);
  g_assert_cmpstr (listed->name, ==, "Parcours découvertes instrumentales - Vitré");
  g_assert_false (listed->school_hours);
  g_assert_cmpstr (listed->teacher, ==, "BLANCHARD Laure");
  g_assert_null (listed->cycle);
  g_assert_cmpstr (listed->room, ==, "Vitré-Berlioz (Vitré)");
  g_assert_cmpint (listed->day, ==, TUTTI_WEEKDAY_MONDAY);
  g_assert_cmpstr (listed->time, ==, "17:00");
  g_assert_cmpint (listed->duration, ==, 75);
  /* The list leaves the nested lists empty. */
  g_assert_cmpuint (listed->evaluations->len, ==, 0);
  g_assert_cmpuint (listed->absences->len, ==, 0);

  /* The course sheet: its evaluations (newest first) and absences. */
  g_assert_cmpuint (reply->status, ==, 200);
  course = tutti_course_from_json (reply->json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (course->id, ==, ztest_course);
  g_assert_cmpuint (course->evaluations->len, ==, 3);
  g_assert_cmpstr (((TuttiEvaluation *) g_ptr_array_index (course->evaluations, 0))->type, ==,
                   "Atelier de découverte");
  g_assert_cmpint (((TuttiEvaluation *) g_ptr_array_index (course->evaluations, 2))->mark, ==, 400);
  g_assert_cmpint (((TuttiEvaluation *) g_ptr_array_index (course->evaluations, 2))->denominator, ==, 500);
  g_assert_cmpuint (course->absences->len, ==, 1);
  absence = g_ptr_array_index (course->absences, 0);
  g_assert_true (absence->justified);
  g_assert_cmpstr (absence->reason, ==, "Maladie");
  g_assert_cmpint (absence->duration, ==, 75);
}

static void
assert_page (gint64      record_id,
             const char *page,
             guint       n_expected,
             const char *total,
             const char *pages,
             TuttiHistoryRecord **out_record)
{
  g_autofree char *tail = page != NULL
    ? g_strdup_printf ("/history/%" G_GINT64_FORMAT "/pages/%s", record_id, page)
    : g_strdup_printf ("/history/%" G_GINT64_FORMAT, record_id);
  g_autofree char *path = pupil_path (ztest_pupil, tail);
  g_autoptr(TuttiTestReply) reply = get (path, ztest_token);
  g_autoptr(GError) error = NULL;
  TuttiHistoryRecord *record;

  g_assert_cmpuint (reply->status, ==, 200);
  record = tutti_history_record_from_json (reply->json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record->evaluations->len, ==, n_expected);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "X-Page"), ==,
                   page != NULL ? page : "1");
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "X-Per-Page"), ==, "10");
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "X-Total"), ==, total);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "X-Total-Pages"), ==, pages);
  *out_record = record;
}

static void
test_pupil_history (void)
{
  g_autofree char *list_path = pupil_path (ztest_pupil, "/history");
  g_autoptr(GPtrArray) records = get_list (list_path, ztest_token, &tutti_history_record_schema);
  g_autoptr(TuttiHistoryRecord) page1 = NULL;
  g_autoptr(TuttiHistoryRecord) page2 = NULL;
  g_autoptr(TuttiHistoryRecord) explicit1 = NULL;
  const char * const beyond[] = { "3", "0", "-1", "x", "01x" };
  TuttiHistoryRecord *cmg = NULL;
  TuttiHistoryRecord *maa = NULL;

  /* PUP-4: the guide's two 2021/2022 records. */
  g_assert_cmpuint (records->len, ==, 2);
  for (guint i = 0; i < records->len; i++)
    {
      TuttiHistoryRecord *record = g_ptr_array_index (records, i);

      g_assert_cmpstr (record->year, ==, "2021/2022");
      g_assert_cmpuint (record->evaluations->len, ==, 0);
      if (g_strcmp0 (record->class_name, "CMG MAA Niveau 1") == 0)
        cmg = record;
      else if (g_strcmp0 (record->class_name, "Claviers Musiques Actuelles") == 0)
        maa = record;
    }
  g_assert_nonnull (cmg);
  g_assert_nonnull (maa);
  g_assert_cmpstr (cmg->department, ==, "Culture musicale générale");
  g_assert_cmpstr (cmg->teacher, ==, "GROSS Florent");
  g_assert_cmpstr (cmg->start_date, ==, "2021-09-13");
  g_assert_cmpstr (cmg->end_date, ==, "2022-07-07");
  g_assert_cmpint (cmg->hours_planned, ==, 33 * 60);
  g_assert_cmpstr (cmg->class_admitted, ==, "CMG MAA Niveau 2");
  g_assert_cmpstr (maa->cycle, ==, "1C1A-MAA");
  g_assert_cmpstr (maa->teacher, ==, "AUDUSSEAU Vincent");

  /* The record, its evaluations ten a page in date order: "1 / 2". */
  assert_page (cmg->id, NULL, 10, "12", "2", &page1);
  g_assert_cmpstr (page1->class_name, ==, "CMG MAA Niveau 1");
  g_assert_cmpstr (((TuttiEvaluation *) g_ptr_array_index (page1->evaluations, 0))->date, ==, "2021-09-27");
  for (guint i = 1; i < page1->evaluations->len; i++)
    g_assert_cmpstr (((TuttiEvaluation *) g_ptr_array_index (page1->evaluations, i - 1))->date, <,
                     ((TuttiEvaluation *) g_ptr_array_index (page1->evaluations, i))->date);
  assert_page (cmg->id, "1", 10, "12", "2", &explicit1);
  g_assert_true (tutti_record_equal (&tutti_history_record_schema, page1, explicit1));
  assert_page (cmg->id, "2", 2, "12", "2", &page2);
  g_assert_cmpstr (((TuttiEvaluation *) g_ptr_array_index (page2->evaluations, 1))->type, ==,
                   "Examen de fin d'année");

  /* The year's average is that of its twelve marks, with its letter;
   * the other record's is the guide's. */
  {
    gint64 sum = 0, n = 0;

    for (guint i = 0; i < page1->evaluations->len + page2->evaluations->len; i++)
      {
        TuttiEvaluation *evaluation = i < page1->evaluations->len
                                      ? g_ptr_array_index (page1->evaluations, i)
                                      : g_ptr_array_index (page2->evaluations, i - page1->evaluations->len);

        if (evaluation->mark != TUTTI_NO_VALUE)
          {
            sum += evaluation->mark;
            n++;
          }
      }
    g_assert_cmpint (n, ==, 12);
    g_assert_cmpint (cmg->average, ==, (sum + n / 2) / n);
    g_assert_cmpstr (cmg->letter_average, ==, "B");
    g_assert_cmpstr (cmg->mention, ==, "Bien");
    g_assert_cmpint (maa->average, ==, 380);
    g_assert_cmpstr (maa->letter_average, ==, "B");
  }

  /* No such page. */
  for (guint i = 0; i < G_N_ELEMENTS (beyond); i++)
    {
      g_autofree char *tail = g_strdup_printf ("/history/%" G_GINT64_FORMAT "/pages/%s", cmg->id, beyond[i]);
      g_autofree char *path = pupil_path (ztest_pupil, tail);
      g_autoptr(TuttiTestReply) reply = get (path, ztest_token);

      tutti_test_assert_error (reply, 404, "not-found");
    }
}

static void
test_pupil_repertoire (void)
{
  g_autofree char *path = pupil_path (ztest_pupil, "/repertoire");
  g_autoptr(GPtrArray) pieces = get_list (path, ztest_token, &tutti_piece_schema);
  gboolean let_it_be = FALSE;

  /* PUP-5: this year's piece first, then 2021/2022's. */
  g_assert_cmpuint (pieces->len, ==, 4);
  g_assert_cmpstr (((TuttiPiece *) g_ptr_array_index (pieces, 0))->title, ==, "Au clair de la lune");
  for (guint i = 0; i < pieces->len; i++)
    {
      TuttiPiece *piece = g_ptr_array_index (pieces, i);

      g_assert_cmpint (piece->pupil_id, ==, ztest_pupil);
      if (g_strcmp0 (piece->title, "Let It Be") == 0)
        {
          let_it_be = TRUE;
          g_assert_cmpstr (piece->composer, ==, "Lennon / McCartney");
          g_assert_cmpint (piece->kind, ==, TUTTI_PIECE_PERFORMED);
          g_assert_cmpstr (piece->date, ==, "2022-03-26");
        }
    }
  g_assert_true (let_it_be);
}

/* Every MARTIN pupil has courses with evaluations and absences, a history
 * and a repertoire; Léa's last year fills three pages. */
static void
test_pupils_martin (void)
{
  guint n_absences = 0;
  gboolean thirty = FALSE;

  for (guint p = 0; p < G_N_ELEMENTS (martin_pupils); p++)
    {
      g_autofree char *courses_path = pupil_path (martin_pupils[p], "/courses");
      g_autofree char *history_path = pupil_path (martin_pupils[p], "/history");
      g_autofree char *repertoire_path = pupil_path (martin_pupils[p], "/repertoire");
      g_autoptr(GPtrArray) courses = get_list (courses_path, cmartin_token, &tutti_course_schema);
      g_autoptr(GPtrArray) history = get_list (history_path, pmartin_token, &tutti_history_record_schema);
      g_autoptr(GPtrArray) pieces = get_list (repertoire_path, cmartin_token, &tutti_piece_schema);
      guint pupil_absences = 0;

      g_assert_cmpuint (courses->len, >=, 1);
      for (guint c = 0; c < courses->len; c++)
        {
          TuttiCourse *listed = g_ptr_array_index (courses, c);
          g_autofree char *tail = g_strdup_printf ("/courses/%" G_GINT64_FORMAT, listed->id);
          g_autofree char *path = pupil_path (martin_pupils[p], tail);
          g_autoptr(TuttiTestReply) reply = get (path, cmartin_token);
          g_autoptr(TuttiCourse) course = NULL;
          g_autoptr(GError) error = NULL;

          g_assert_cmpuint (reply->status, ==, 200);
          course = tutti_course_from_json (reply->json, &error);
          g_assert_no_error (error);
          g_assert_cmpint (course->pupil_id, ==, martin_pupils[p]);
          g_assert_cmpuint (course->evaluations->len, >=, 3);
          pupil_absences += course->absences->len;
          /* Monday first. */
          if (c > 0)
            g_assert_cmpint (((TuttiCourse *) g_ptr_array_index (courses, c - 1))->day, <=, listed->day);
        }
      g_assert_cmpuint (pupil_absences, >=, 1);
      n_absences += pupil_absences;

      g_assert_cmpuint (history->len, >=, 1);
      for (guint r = 0; r < history->len; r++)
        {
          TuttiHistoryRecord *record = g_ptr_array_index (history, r);
          g_autofree char *tail = g_strdup_printf ("/history/%" G_GINT64_FORMAT, record->id);
          g_autofree char *path = pupil_path (martin_pupils[p], tail);
          g_autoptr(TuttiTestReply) reply = get (path, cmartin_token);
          const char *total;

          g_assert_cmpuint (reply->status, ==, 200);
          total = soup_message_headers_get_one (reply->headers, "X-Total");
          g_assert_nonnull (total);
          if (g_str_equal (total, "30"))
            {
              g_autofree char *page_tail = g_strdup_printf ("/history/%" G_GINT64_FORMAT "/pages/3",
                                                            record->id);
              g_autofree char *page_path = pupil_path (martin_pupils[p], page_tail);
              g_autoptr(TuttiTestReply) page = get (page_path, cmartin_token);

              thirty = TRUE;
              g_assert_cmpuint (p, ==, 0);
              g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "X-Total-Pages"), ==, "3");
              g_assert_cmpuint (page->status, ==, 200);
              g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tutti_test_reply_object (page),
                                                                                     "evaluations")), ==, 10);
            }
          /* The latest year first. */
          if (r > 0)
            g_assert_cmpstr (((TuttiHistoryRecord *) g_ptr_array_index (history, r - 1))->year, >=,
                             record->year);
          /* Marked years have an average out of 5.00 and its letter; éveil
           * (Chloé) is not marked. */
          if (p < 2)
            {
              g_assert_cmpint (record->average, >=, 250);
              g_assert_cmpint (record->average, <=, 500);
              g_assert_nonnull (record->letter_average);
              g_assert_nonnull (record->mention);
            }
          else
            {
              g_assert_cmpint (record->average, ==, TUTTI_NO_VALUE);
              g_assert_null (record->letter_average);
            }
        }
      g_assert_cmpuint (pieces->len, >=, 1);
    }
  g_assert_cmpuint (n_absences, >=, 3);
  g_assert_true (thirty);
}

/* ---- Another family's ids: 404 as a missing one ------------------------------------- */

/* @path as @token, answered 404 exactly as @missing_path is. */
static void
assert_same_404 (const char *method,
                 const char *path,
                 const char *missing_path,
                 const char *token,
                 const char *body)
{
  g_autoptr(TuttiTestReply) reply = request (method, path, token, body);
  g_autoptr(TuttiTestReply) missing = request (method, missing_path, token, body);

  tutti_test_assert_error (reply, 404, "not-found");
  tutti_test_assert_error (missing, 404, "not-found");
  if (!g_bytes_equal (reply->body, missing->body))
    g_error ("%s %s answers otherwise than %s", method, path, missing_path);
}

typedef struct
{
  const char *token;      /* asking */
  gint64 guardian;        /* someone else's */
  gint64 pupil;
  gint64 course;
  gint64 record;
  gint64 own_pupil;       /* the asker's */
} Foreign;

static void
check_foreign (const Foreign *foreign,
               const char    *pupil_text,
               const char    *guardian_text)
{
  g_autofree char *guardian_body = changes_body ("town", "LAVAL", NULL);
  g_autofree char *pupil_body = changes_body ("school_level", "3e", NULL);
  g_autofree char *guardian = guardian_text != NULL ? g_strdup (guardian_text)
                                                     : g_strdup_printf ("%" G_GINT64_FORMAT, foreign->guardian);
  g_autofree char *pupil = pupil_text != NULL ? g_strdup (pupil_text)
                                               : g_strdup_printf ("%" G_GINT64_FORMAT, foreign->pupil);
  struct { const char *method; char *path; char *missing; const char *body; } cases[] = {
    { "GET", g_strdup_printf (TUTTI_API_FAMILY "/guardians/%s", guardian),
      g_strdup (TUTTI_API_FAMILY "/guardians/" MISSING_ID), NULL },
    { "PATCH", g_strdup_printf (TUTTI_API_FAMILY "/guardians/%s", guardian),
      g_strdup (TUTTI_API_FAMILY "/guardians/" MISSING_ID), guardian_body },
    { "GET", g_strdup_printf (TUTTI_API_PUPILS "/%s", pupil),
      g_strdup (TUTTI_API_PUPILS "/" MISSING_ID), NULL },
    { "PATCH", g_strdup_printf (TUTTI_API_PUPILS "/%s", pupil),
      g_strdup (TUTTI_API_PUPILS "/" MISSING_ID), pupil_body },
    { "GET", g_strdup_printf (TUTTI_API_PUPILS "/%s/courses", pupil),
      g_strdup (TUTTI_API_PUPILS "/" MISSING_ID "/courses"), NULL },
    { "GET", g_strdup_printf (TUTTI_API_PUPILS "/%s/courses/%" G_GINT64_FORMAT, pupil, foreign->course),
      g_strdup (TUTTI_API_PUPILS "/" MISSING_ID "/courses/" MISSING_ID), NULL },
    { "GET", g_strdup_printf (TUTTI_API_PUPILS "/%s/history", pupil),
      g_strdup (TUTTI_API_PUPILS "/" MISSING_ID "/history"), NULL },
    { "GET", g_strdup_printf (TUTTI_API_PUPILS "/%s/history/%" G_GINT64_FORMAT, pupil, foreign->record),
      g_strdup (TUTTI_API_PUPILS "/" MISSING_ID "/history/" MISSING_ID), NULL },
    { "GET", g_strdup_printf (TUTTI_API_PUPILS "/%s/history/%" G_GINT64_FORMAT "/pages/1", pupil,
                              foreign->record),
      g_strdup (TUTTI_API_PUPILS "/" MISSING_ID "/history/" MISSING_ID "/pages/1"), NULL },
    { "GET", g_strdup_printf (TUTTI_API_PUPILS "/%s/repertoire", pupil),
      g_strdup (TUTTI_API_PUPILS "/" MISSING_ID "/repertoire"), NULL },
    /* The asker's own pupil with another family's course or record. */
    { "GET", g_strdup_printf (TUTTI_API_PUPILS "/%" G_GINT64_FORMAT "/courses/%" G_GINT64_FORMAT,
                              foreign->own_pupil, foreign->course),
      g_strdup_printf (TUTTI_API_PUPILS "/%" G_GINT64_FORMAT "/courses/" MISSING_ID, foreign->own_pupil),
      NULL },
    { "GET", g_strdup_printf (TUTTI_API_PUPILS "/%" G_GINT64_FORMAT "/history/%" G_GINT64_FORMAT,
                              foreign->own_pupil, foreign->record),
      g_strdup_printf (TUTTI_API_PUPILS "/%" G_GINT64_FORMAT "/history/" MISSING_ID, foreign->own_pupil),
      NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_same_404 (cases[i].method, cases[i].path, cases[i].missing, foreign->token, cases[i].body);
      g_free (cases[i].path);
      g_free (cases[i].missing);
    }
}

static void
test_foreign (void)
{
  g_autoptr(TuttiPupil) lea = NULL;
  g_autoptr(TuttiPupil) essai = NULL;
  g_autoptr(TuttiGuardian) claire = NULL;
  g_autoptr(TuttiGuardian) essai_guardian = NULL;
  g_autoptr(TuttiTestReply) staff_family = NULL;
  g_autoptr(TuttiTestReply) staff_pupil = NULL;
  g_autofree char *lea_path = pupil_path (martin_pupils[0], NULL);
  const Foreign ztest_asks_martin = {
    ztest_token, claire_guardian, martin_pupils[0], martin_course, martin_record, ztest_pupil
  };
  const Foreign martin_asks_ztest = {
    cmartin_token, ztest_guardian, ztest_pupil, ztest_course, ztest_cmg_record, martin_pupils[1]
  };
  const char * const not_ids[] = { "abc", "-1", "0", "1.0", "%20", "1e3", "99999999999999999999" };
  TuttiPendingChange *change;

  check_foreign (&ztest_asks_martin, NULL, NULL);
  check_foreign (&martin_asks_ztest, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (not_ids); i++)
    check_foreign (&ztest_asks_martin, not_ids[i], not_ids[i]);

  /* The foreign PATCHes changed nothing. */
  lea = get_pupil (cmartin_token, martin_pupils[0]);
  g_assert_null (find_change (lea->pending_changes, "school_level"));
  claire = get_guardian (cmartin_token, claire_guardian);
  g_assert_null (find_change (claire->pending_changes, "town"));
  essai = get_pupil (ztest_token, ztest_pupil);
  g_assert_cmpstr (essai->school_level, ==, "CM2");
  change = find_change (essai->pending_changes, "school_level");
  g_assert_true (change == NULL || g_strcmp0 (change->new_value, "3e") != 0);
  essai_guardian = get_guardian (ztest_token, ztest_guardian);
  change = find_change (essai_guardian->pending_changes, "town");
  g_assert_true (change == NULL || g_strcmp0 (change->new_value, "LAVAL") != 0);

  /* Staff have no family: the family's routes are not theirs. */
  staff_family = get (TUTTI_API_FAMILY, staff_token);
  tutti_test_assert_error (staff_family, 404, "not-found");
  staff_pupil = get (lea_path, staff_token);
  tutti_test_assert_error (staff_pupil, 404, "not-found");
}

/* ---- Staff (STAFF-1, STAFF-2) --------------------------------------------------------- */

static void
test_staff_forbidden (void)
{
  g_autofree char *record = staff_path ("guardian", ztest_guardian, NULL);
  g_autofree char *decide = staff_path ("guardian", ztest_guardian, "/decide");
  g_autofree char *accept_all = staff_path ("guardian", ztest_guardian, "/accept-all");
  g_autofree char *refuse_all = staff_path ("guardian", ztest_guardian, "/refuse-all");
  g_autofree char *body = decision_body (1, "accepted", NULL);
  struct { const char *method; const char *path; const char *body; } routes[] = {
    { "GET", TUTTI_API_STAFF "/changes", NULL },
    { "GET", record, NULL },
    { "POST", decide, body },
    { "POST", accept_all, NULL },
    { "POST", refuse_all, "{}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      g_autoptr(TuttiTestReply) anonymous = request (routes[i].method, routes[i].path, NULL, routes[i].body);
      g_autoptr(TuttiTestReply) family = request (routes[i].method, routes[i].path, ztest_token, routes[i].body);
      g_autoptr(TuttiTestReply) other = request (routes[i].method, routes[i].path, pmartin_token, routes[i].body);

      tutti_test_assert_error (anonymous, 401, "unauthenticated");
      tutti_test_assert_error (family, 403, "forbidden");
      tutti_test_assert_error (other, 403, "forbidden");
    }
}

static void
test_staff_errors (void)
{
  g_autofree char *path = pupil_path (martin_pupils[2], NULL);
  g_autofree char *body = changes_body ("birth_place", "Vitré", NULL);
  g_autofree char *decide = staff_path ("pupil", martin_pupils[2], "/decide");
  g_autofree char *missing = staff_path ("pupil", 999999, NULL);
  g_autofree char *unknown = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *good = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *edit = changes_body ("birth_place", "Fougères", NULL);
  g_autofree char *stale = NULL;
  g_autoptr(TuttiTestReply) patched = NULL;
  g_autoptr(TuttiTestReply) edited = NULL;
  g_autoptr(TuttiTestReply) reply_stale = NULL;
  g_autoptr(TuttiTestReply) reverted = NULL;
  g_autoptr(TuttiTestReply) bad_entity = NULL;
  g_autoptr(TuttiTestReply) bad_id = NULL;
  g_autoptr(TuttiTestReply) no_record = NULL;
  g_autoptr(TuttiTestReply) reply_unknown = NULL;
  g_autoptr(TuttiTestReply) reply_pending = NULL;
  g_autoptr(TuttiTestReply) reply_empty = NULL;
  g_autoptr(TuttiTestReply) reply_twice = NULL;
  g_autoptr(TuttiTestReply) reply_good = NULL;
  g_autoptr(TuttiTestReply) reply_again = NULL;
  g_autoptr(TuttiPupil) chloe = NULL;
  g_autoptr(TuttiPupil) accepted = NULL;
  gint64 change_id;

  patched = request ("PATCH", path, cmartin_token, body);
  chloe = pupil_from_reply (patched, 202);
  change_id = find_change (chloe->pending_changes, "birth_place")->id;

  bad_entity = get (TUTTI_API_STAFF "/changes/teacher/1", staff_token);
  tutti_test_assert_error (bad_entity, 404, "not-found");
  bad_id = get (TUTTI_API_STAFF "/changes/pupil/abc", staff_token);
  tutti_test_assert_error (bad_id, 404, "not-found");
  no_record = get (missing, staff_token);
  tutti_test_assert_error (no_record, 404, "not-found");

  /* A change of another record, a state that decides nothing, none, twice. */
  unknown = decision_body (change_id + 100000, "accepted", NULL);
  reply_unknown = request ("POST", decide, staff_token, unknown);
  tutti_test_assert_fields (reply_unknown, 422, "invalid", "pending_changes.0.id", NULL);
  pending = decision_body (change_id, "pending", NULL);
  reply_pending = request ("POST", decide, staff_token, pending);
  tutti_test_assert_fields (reply_pending, 422, "invalid", "pending_changes.0.state", NULL);
  reply_empty = request ("POST", decide, staff_token, "{\"pending_changes\": []}");
  tutti_test_assert_fields (reply_empty, 422, "invalid", "pending_changes", NULL);
  twice = g_strdup_printf ("{\"pending_changes\": [{\"id\": %" G_GINT64_FORMAT ", \"state\": \"accepted\"},"
                           " {\"id\": %" G_GINT64_FORMAT ", \"state\": \"refused\"}]}", change_id, change_id);
  reply_twice = request ("POST", decide, staff_token, twice);
  tutti_test_assert_fields (reply_twice, 422, "invalid", "pending_changes.1.id", NULL);

  /* The family edits the change after the office saw "Vitré": accepting
   * what was seen is a conflict naming the value, and decides nothing. */
  edited = request ("PATCH", path, cmartin_token, edit);
  g_assert_cmpuint (edited->status, ==, 202);
  stale = g_strdup_printf ("{\"pending_changes\": [{\"id\": %" G_GINT64_FORMAT ", \"state\": \"accepted\","
                           " \"new_value\": \"Vitré\"}]}", change_id);
  reply_stale = request ("POST", decide, staff_token, stale);
  tutti_test_assert_error (reply_stale, 409, "conflict");
  g_assert_true (json_object_has_member (json_object_get_object_member (
                   json_object_get_object_member (tutti_test_reply_object (reply_stale), "error"), "fields"),
                 "pending_changes.0.new_value"));
  reverted = request ("PATCH", path, cmartin_token, body);
  g_assert_cmpuint (reverted->status, ==, 202);

  /* Decided once, with the value seen; deciding it again is a conflict. */
  good = g_strdup_printf ("{\"pending_changes\": [{\"id\": %" G_GINT64_FORMAT ", \"state\": \"accepted\","
                          " \"new_value\": \"Vitré\"}]}", change_id);
  reply_good = request ("POST", decide, staff_token, good);
  g_assert_cmpuint (reply_good->status, ==, 200);
  reply_again = request ("POST", decide, staff_token, good);
  tutti_test_assert_error (reply_again, 409, "conflict");

  accepted = get_pupil (pmartin_token, martin_pupils[2]);
  g_assert_cmpstr (accepted->birth_place, ==, "Vitré");
  g_assert_null (find_change (accepted->pending_changes, "birth_place"));
}

static void
test_staff_all (void)
{
  g_autofree char *path = pupil_path (martin_pupils[1], NULL);
  g_autofree char *first = changes_body ("person_to_notify", "MARTIN Claire", "emergency_phone",
                                         "02 99 75 12 34", NULL);
  g_autofree char *second = changes_body ("email", "hugo.martin@example.org", "mobile_phone",
                                          "07 11 22 33 44", NULL);
  g_autofree char *record = staff_path ("pupil", martin_pupils[1], NULL);
  g_autofree char *accept_all = staff_path ("pupil", martin_pupils[1], "/accept-all");
  g_autofree char *refuse_all = staff_path ("pupil", martin_pupils[1], "/refuse-all");
  g_autoptr(TuttiTestReply) patched = NULL;
  g_autoptr(TuttiTestReply) detail = NULL;
  g_autoptr(TuttiTestReply) accepted = NULL;
  g_autoptr(TuttiTestReply) patched2 = NULL;
  g_autoptr(TuttiTestReply) refused = NULL;
  g_autoptr(TuttiTestReply) nothing_left = NULL;
  g_autoptr(TuttiPupil) hugo = NULL;
  g_autoptr(TuttiPupil) hugo_refused = NULL;
  JsonArray *changes;
  TuttiPendingChange *change;

  patched = request ("PATCH", path, pmartin_token, first);
  g_assert_cmpuint (patched->status, ==, 202);

  detail = get (record, staff_token);
  g_assert_cmpuint (detail->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (detail), "first_name"), ==, "Hugo");
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (detail), "family_name"), ==, "MARTIN");
  g_assert_cmpstr (json_object_get_string_member (find_group_change (tutti_test_reply_object (detail),
                                                                     "person_to_notify"), "label"),
                   ==, "Personne à prévenir");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tutti_test_reply_object (detail),
                                                                         "changes")), ==, 2);

  /* Accept all: both values apply. */
  accepted = request ("POST", accept_all, staff_token, NULL);
  g_assert_cmpuint (accepted->status, ==, 200);
  changes = json_object_get_array_member (tutti_test_reply_object (accepted), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);
  hugo = get_pupil (cmartin_token, martin_pupils[1]);
  g_assert_cmpstr (hugo->person_to_notify, ==, "MARTIN Claire");
  g_assert_cmpstr (hugo->emergency_phone, ==, "02 99 75 12 34");
  g_assert_cmpuint (hugo->pending_changes->len, ==, 0);

  /* Refuse all with one reason: values kept, both refusals shown. */
  patched2 = request ("PATCH", path, cmartin_token, second);
  g_assert_cmpuint (patched2->status, ==, 202);
  refused = request ("POST", refuse_all, staff_token, "{\"reason\": \"Hugo est mineur : coordonnées du responsable\"}");
  g_assert_cmpuint (refused->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tutti_test_reply_object (refused),
                                                                         "changes")), ==, 2);
  hugo_refused = get_pupil (pmartin_token, martin_pupils[1]);
  g_assert_cmpstr (hugo_refused->email, ==, "claire.martin@example.org");
  g_assert_null (hugo_refused->mobile_phone);
  g_assert_cmpuint (hugo_refused->pending_changes->len, ==, 2);
  change = find_change (hugo_refused->pending_changes, "email");
  g_assert_cmpint (change->state, ==, TUTTI_CHANGE_REFUSED);
  g_assert_cmpstr (change->reason, ==, "Hugo est mineur : coordonnées du responsable");
  g_assert_cmpint (find_change (hugo_refused->pending_changes, "mobile_phone")->state, ==,
                   TUTTI_CHANGE_REFUSED);

  /* Nothing left: an empty decision, not an error. */
  nothing_left = request ("POST", accept_all, staff_token, NULL);
  g_assert_cmpuint (nothing_left->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tutti_test_reply_object (nothing_left),
                                                                         "changes")), ==, 0);
}

/* ---- Set-up ------------------------------------------------------------------------------- */

static gint64
first_id (const char        *path,
          const char        *token,
          const TuttiSchema *schema)
{
  g_autoptr(GPtrArray) records = get_list (path, token, schema);

  g_assert_cmpuint (records->len, >, 0);
  /* Every list's records start with their integer id. */
  return G_STRUCT_MEMBER (gint64, g_ptr_array_index (records, 0), schema->fields[0].offset);
}

static void
find_demo_ids (void)
{
  g_autoptr(TuttiFamily) ztest = NULL;
  g_autoptr(TuttiFamily) martin = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(TuttiTestReply) ztest_home = NULL;
  g_autoptr(TuttiTestReply) martin_home = NULL;
  g_autoptr(TuttiHome) home = NULL;
  g_autoptr(TuttiHome) home2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *courses = NULL;
  g_autofree char *history_path = NULL;
  g_autofree char *martin_courses = NULL;
  g_autofree char *martin_history = NULL;

  ztest_token = tutti_test_login_token (server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  cmartin_token = tutti_test_login_token (server, "cmartin", TUTTI_TEST_FAMILY_PASSWORD);
  pmartin_token = tutti_test_login_token (server, "pmartin", TUTTI_TEST_FAMILY_PASSWORD);
  staff_token = tutti_test_login_token (server, "secretariat", TUTTI_TEST_STAFF_PASSWORD);

  ztest = get_family (ztest_token);
  ztest_guardian = ((TuttiGuardian *) g_ptr_array_index (ztest->guardians, 0))->id;
  martin = get_family (cmartin_token);
  claire_guardian = ((TuttiGuardian *) g_ptr_array_index (martin->guardians, 0))->id;
  paul_guardian = ((TuttiGuardian *) g_ptr_array_index (martin->guardians, 1))->id;

  ztest_home = get (TUTTI_API_HOME, ztest_token);
  home = tutti_home_from_json (ztest_home->json, &error);
  g_assert_no_error (error);
  ztest_pupil = ((TuttiHomePupil *) g_ptr_array_index (home->pupils, 0))->id;
  martin_home = get (TUTTI_API_HOME, cmartin_token);
  home2 = tutti_home_from_json (martin_home->json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (home2->pupils->len, ==, 3);
  /* Home lists them by birth date: Léa, Hugo, Chloé. */
  for (guint i = 0; i < 3; i++)
    martin_pupils[i] = ((TuttiHomePupil *) g_ptr_array_index (home2->pupils, i))->id;

  courses = pupil_path (ztest_pupil, "/courses");
  ztest_course = first_id (courses, ztest_token, &tutti_course_schema);
  history_path = pupil_path (ztest_pupil, "/history");
  history = get_list (history_path, ztest_token, &tutti_history_record_schema);
  for (guint i = 0; i < history->len; i++)
    if (g_strcmp0 (((TuttiHistoryRecord *) g_ptr_array_index (history, i))->class_name,
                   "CMG MAA Niveau 1") == 0)
      ztest_cmg_record = ((TuttiHistoryRecord *) g_ptr_array_index (history, i))->id;
  g_assert_cmpint (ztest_cmg_record, >, 0);
  martin_courses = pupil_path (martin_pupils[0], "/courses");
  martin_course = first_id (martin_courses, cmartin_token, &tutti_course_schema);
  martin_history = pupil_path (martin_pupils[0], "/history");
  martin_record = first_id (martin_history, cmartin_token, &tutti_history_record_schema);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/family/get/ztest", test_family_ztest);
  g_test_add_func ("/family/get/martin-two-guardians", test_family_martin);
  g_test_add_func ("/family/patch/invalid", test_family_invalid);
  g_test_add_func ("/family/patch/accept", test_lifecycle_accept);
  g_test_add_func ("/family/patch/refuse", test_lifecycle_refuse);
  g_test_add_func ("/family/patch/withdraw", test_lifecycle_withdraw);
  g_test_add_func ("/family/patch/mail-english", test_mail_english);
  g_test_add_func ("/family/pupils/identity", test_pupil_identity);
  g_test_add_func ("/family/pupils/courses", test_pupil_courses);
  g_test_add_func ("/family/pupils/history", test_pupil_history);
  g_test_add_func ("/family/pupils/repertoire", test_pupil_repertoire);
  g_test_add_func ("/family/pupils/martin", test_pupils_martin);
  g_test_add_func ("/family/foreign", test_foreign);
  g_test_add_func ("/family/staff/forbidden", test_staff_forbidden);
  g_test_add_func ("/family/staff/errors", test_staff_errors);
  g_test_add_func ("/family/staff/all", test_staff_all);

  server = tutti_test_server_start (TRUE, NULL);
  find_demo_ids ();

  status = g_test_run ();

  tutti_test_server_stop (server);
  g_free (ztest_token);
  g_free (cmartin_token);
  g_free (pmartin_token);
  g_free (staff_token);
  return status;
}
