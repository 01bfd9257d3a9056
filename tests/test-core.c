/* test-core.c — libtutti-core: passwords, JSON of every type, formatting, validation, offer rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include "tutti-core.h"

#include <string.h>

#define NBSP "\u00a0"
#define NNBSP "\u202f"

/* ---- Password policy ------------------------------------------------------ */

static void
test_password_rules (void)
{
  g_assert_cmpint (tutti_password_check ("Vitre2026"), ==, 0);
  g_assert_cmpint (tutti_password_check ("Abcdefg1"), ==, 0);          /* exactly 8 */
  g_assert_cmpint (tutti_password_check ("Abcdefghijklmnopqrs1"), ==, 0); /* exactly 20 */

  g_assert_cmpint (tutti_password_check ("Abcdef1"), ==, TUTTI_PASSWORD_TOO_SHORT);
  g_assert_cmpint (tutti_password_check ("Abcdefghijklmnopqrst1"), ==, TUTTI_PASSWORD_TOO_LONG);
  g_assert_cmpint (tutti_password_check ("abcdefg1"), ==, TUTTI_PASSWORD_NO_UPPER);
  g_assert_cmpint (tutti_password_check ("ABCDEFG1"), ==, TUTTI_PASSWORD_NO_LOWER);
  g_assert_cmpint (tutti_password_check ("Abcdefgh"), ==, TUTTI_PASSWORD_NO_DIGIT);
  g_assert_cmpint (tutti_password_check (""), ==,
                   TUTTI_PASSWORD_TOO_SHORT | TUTTI_PASSWORD_NO_UPPER |
                   TUTTI_PASSWORD_NO_LOWER | TUTTI_PASSWORD_NO_DIGIT);
  g_assert_cmpint (tutti_password_check (NULL), !=, 0);
  /* Length counts characters, not bytes. */
  g_assert_cmpint (tutti_password_check ("Éléphant9"), ==, 0);
  g_assert_cmpint (tutti_password_check ("Éléphant9éééééééééééé"), ==, TUTTI_PASSWORD_TOO_LONG);
}

static void
test_password_messages (void)
{
  g_autofree char *fr = tutti_password_rules_message (TUTTI_PASSWORD_NO_UPPER | TUTTI_PASSWORD_NO_DIGIT,
                                                      TUTTI_LANG_FR);
  g_autofree char *en = tutti_password_rules_message (TUTTI_PASSWORD_TOO_SHORT, TUTTI_LANG_EN);

  g_assert_cmpstr (fr, ==, "Le mot de passe doit comporter : au moins une lettre majuscule, "
                           "au moins un chiffre.");
  g_assert_cmpstr (en, ==, "The password needs: at least 8 characters.");
  g_assert_null (tutti_password_rules_message (0, TUTTI_LANG_FR));

  for (guint i = 0; i < TUTTI_PASSWORD_N_RULES; i++)
    {
      TuttiPasswordRule rule = tutti_password_rule_nth (i);

      g_assert_cmpstr (tutti_password_rule_describe (rule, TUTTI_LANG_FR), !=, "");
      g_assert_cmpstr (tutti_password_rule_describe (rule, TUTTI_LANG_EN), !=,
                       tutti_password_rule_describe (rule, TUTTI_LANG_FR));
    }
  g_assert_nonnull (strstr (tutti_password_policy_summary (TUTTI_LANG_FR), "entre 8 et 20"));
}

/* ---- JSON of every type ----------------------------------------------------- */

/* Gives every field of a record a value that is not the default, so that a
 * round trip that drops or mangles a field shows. */
static void
fill_record (const TuttiSchema *schema,
             gpointer           record,
             guint              depth,
             guint              seed)
{
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];
      gpointer member = G_STRUCT_MEMBER_P (record, field->offset);

      switch (field->kind)
        {
        case TUTTI_FIELD_STRING:
          g_free (*(char **) member);
          *(char **) member = g_strdup_printf ("%s é «%u» \"q\"\n", field->key, seed);
          break;
        case TUTTI_FIELD_DATE:
          g_free (*(char **) member);
          *(char **) member = g_strdup_printf ("2026-10-%02u", 1 + seed % 28);
          break;
        case TUTTI_FIELD_DATETIME:
          g_free (*(char **) member);
          *(char **) member = g_strdup ("2026-10-31T23:59:00+01:00");
          break;
        case TUTTI_FIELD_TIME:
          g_free (*(char **) member);
          *(char **) member = g_strdup ("17:00");
          break;
        case TUTTI_FIELD_INT:
        case TUTTI_FIELD_MINUTES:
        case TUTTI_FIELD_MONEY:
        case TUTTI_FIELD_DECIMAL:
          *(gint64 *) member = 8400 + seed + i;
          break;
        case TUTTI_FIELD_BOOL:
          *(gboolean *) member = TRUE;
          break;
        case TUTTI_FIELD_ENUM:
          *(int *) member = (int) field->enum_type->n_values - 1;
          break;
        case TUTTI_FIELD_OBJECT:
          if (depth < 3)
            {
              gpointer child = tutti_record_new (field->schema);
              fill_record (field->schema, child, depth + 1, seed + 1);
              *(gpointer *) member = child;
            }
          break;
        case TUTTI_FIELD_LIST:
          if (depth < 3)
            for (guint j = 0; j < 2; j++)
              {
                gpointer child = tutti_record_new (field->schema);
                fill_record (field->schema, child, depth + 1, seed + j);
                g_ptr_array_add (*(GPtrArray **) member, child);
              }
          break;
        case TUTTI_FIELD_STRV:
          g_strfreev (*(char ***) member);
          *(char ***) member = g_strsplit ("a,b", ",", -1);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
test_json_round_trip (gconstpointer data)
{
  const TuttiSchema *schema = data;
  g_autoptr(GError) error = NULL;
  gpointer record = tutti_record_new (schema);
  gpointer empty = tutti_record_new (schema);
  gpointer decoded, copy, decoded_empty;
  g_autofree char *json = NULL;
  g_autofree char *json2 = NULL;
  g_autofree char *json_empty = NULL;

  fill_record (schema, record, 0, 1);
  json = tutti_record_to_data (schema, record);
  decoded = tutti_record_from_data (schema, json, -1, &error);
  g_assert_no_error (error);
  json2 = tutti_record_to_data (schema, decoded);
  g_assert_cmpstr (json, ==, json2);
  g_assert_true (tutti_record_equal (schema, record, decoded));

  /* Every field appears under its key. */
  for (guint i = 0; i < schema->n_fields; i++)
    {
      g_autofree char *needle = g_strdup_printf ("\"%s\":", schema->fields[i].key);
      g_assert_nonnull (strstr (json, needle));
    }

  copy = tutti_record_copy (schema, record);
  g_assert_true (tutti_record_equal (schema, record, copy));
  g_assert_false (tutti_record_equal (schema, record, empty));

  /* The empty record survives too: nulls stay null, lists stay empty. */
  json_empty = tutti_record_to_data (schema, empty);
  decoded_empty = tutti_record_from_data (schema, json_empty, -1, &error);
  g_assert_no_error (error);
  g_assert_true (tutti_record_equal (schema, empty, decoded_empty));

  tutti_record_free (schema, record);
  tutti_record_free (schema, empty);
  tutti_record_free (schema, decoded);
  tutti_record_free (schema, decoded_empty);
  tutti_record_free (schema, copy);
}

static void
test_json_typed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiBillingLine) line = NULL;
  g_autoptr(TuttiBillingLine) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  GValue value = G_VALUE_INIT;

  line = tutti_record_from_data (&tutti_billing_line_schema,
                                 "{\"date\":\"2012-10-11\",\"operation\":\"12FC01618\","
                                 "\"label\":\"AVIS DES SOMMES A PAYER\",\"debit\":8400,"
                                 "\"payment_method\":\"cheque\",\"kind\":\"fee\"}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (line->debit, ==, 8400);
  g_assert_cmpint (line->credit, ==, 0);
  g_assert_cmpint (line->payment_method, ==, TUTTI_PAYMENT_CHEQUE);
  g_assert_cmpstr (tutti_enum_to_label (&tutti_payment_method_enum, line->payment_method, TUTTI_LANG_FR), ==, "Chèque");

  /* Boxed types work with GValue. */
  g_value_init (&value, tutti_billing_line_get_type ());
  g_value_set_boxed (&value, line);
  copy = g_value_dup_boxed (&value);
  g_value_unset (&value);
  g_assert_cmpstr (copy->operation, ==, "12FC01618");

  node = tutti_billing_line_to_json (line);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "debit"), ==, 8400);
}

static void
test_json_refusals (void)
{
  g_autoptr(GError) error = NULL;
  GHashTable *fields;
  gpointer record;

  /* Money through a float is refused: no float drift. */
  record = tutti_record_from_data (&tutti_billing_line_schema, "{\"debit\": 84.0}", -1, &error);
  g_assert_null (record);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID);
  fields = tutti_api_error_get_fields (error);
  g_assert_nonnull (g_hash_table_lookup (fields, "debit"));
  g_clear_error (&error);

  /* Every wrongly typed field is named, nested ones with their path. */
  record = tutti_record_from_data (&tutti_session_schema,
                                   "{\"token\": 12, \"expires_at\": \"tomorrow\","
                                   " \"account\": {\"role\": \"king\", \"family_id\": \"x\"}}",
                                   -1, &error);
  g_assert_null (record);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID);
  fields = tutti_api_error_get_fields (error);
  g_assert_cmpuint (g_hash_table_size (fields), ==, 4);
  g_assert_true (g_hash_table_contains (fields, "token"));
  g_assert_true (g_hash_table_contains (fields, "expires_at"));
  g_assert_true (g_hash_table_contains (fields, "account.role"));
  g_assert_true (g_hash_table_contains (fields, "account.family_id"));
  g_clear_error (&error);

  /* The messages speak the language asked for: the server's answers
   * follow the request's Accept-Language. */
  {
    g_autoptr(JsonNode) node = json_from_string ("{\"debit\": \"84\", \"date\": \"hier\"}", NULL);

    record = tutti_record_from_json_lang (&tutti_billing_line_schema, node, TUTTI_LANG_FR, &error);
    g_assert_null (record);
    fields = tutti_api_error_get_fields (error);
    g_assert_cmpstr (g_hash_table_lookup (fields, "debit"), ==, "doit être un nombre entier");
    g_assert_cmpstr (g_hash_table_lookup (fields, "date"), ==, "doit être une date (AAAA-MM-JJ)");
    g_clear_error (&error);
    record = tutti_record_from_json (&tutti_billing_line_schema, node, &error);
    g_assert_null (record);
    fields = tutti_api_error_get_fields (error);
    g_assert_cmpstr (g_hash_table_lookup (fields, "debit"), ==, "must be a whole number");
    g_clear_error (&error);
  }

  /* Malformed JSON and a non-object. */
  record = tutti_record_from_data (&tutti_login_request_schema, "{\"site\": ", -1, &error);
  g_assert_null (record);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_REQUEST);
  g_clear_error (&error);
  record = tutti_record_from_data (&tutti_login_request_schema, "[1, 2]", -1, &error);
  g_assert_null (record);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID);
  g_clear_error (&error);

  /* Invalid dates and times by the calendar, not just by shape. */
  record = tutti_record_from_data (&tutti_pupil_schema, "{\"birth_date\": \"2026-02-30\"}", -1, &error);
  g_assert_null (record);
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID);
  g_clear_error (&error);
  record = tutti_record_from_data (&tutti_course_schema, "{\"time\": \"24:00\"}", -1, &error);
  g_assert_null (record);
  g_clear_error (&error);

  /* Unknown members are ignored; missing ones take their defaults. */
  record = tutti_record_from_data (&tutti_history_record_schema, "{\"year\": \"2021/2022\", \"x\": 1}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((TuttiHistoryRecord *) record)->average, ==, TUTTI_NO_VALUE);
  g_assert_nonnull (((TuttiHistoryRecord *) record)->evaluations);
  tutti_record_free (&tutti_history_record_schema, record);
}

static void
test_record_text (void)
{
  g_autoptr(TuttiGuardian) guardian = tutti_guardian_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *civility = NULL;
  g_autofree char *town = NULL;

  g_assert_true (tutti_record_set_text (&tutti_guardian_schema, guardian, "civility", "mrs", &error));
  g_assert_true (tutti_record_set_text (&tutti_guardian_schema, guardian, "town", "VITRE", &error));
  g_assert_true (tutti_record_set_text (&tutti_guardian_schema, guardian, "birth_date", "1980-05-04", &error));
  g_assert_no_error (error);
  g_assert_cmpint (guardian->civility, ==, TUTTI_CIVILITY_MRS);
  civility = tutti_record_get_text (&tutti_guardian_schema, guardian, "civility");
  town = tutti_record_get_text (&tutti_guardian_schema, guardian, "town");
  g_assert_cmpstr (civility, ==, "mrs");
  g_assert_cmpstr (town, ==, "VITRE");

  g_assert_false (tutti_record_set_text (&tutti_guardian_schema, guardian, "civility", "king", &error));
  g_assert_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tutti_record_set_text (&tutti_guardian_schema, guardian, "birth_date", "31/02/1980", &error));
  g_clear_error (&error);
  g_assert_false (tutti_record_set_text (&tutti_guardian_schema, guardian, "nope", "x", &error));
  g_clear_error (&error);
}

/* ---- Validation ----------------------------------------------------------- */

static void
test_validate_email (void)
{
  const char *good[] = { "test@vitrecommunaute.org", "a.b-c+d@x.fr", "o'neil@mail.co.uk" };
  const char *bad[] = { "", "test", "test@", "@x.fr", "a@b", "a..b@x.fr", ".a@x.fr", "a.@x.fr",
                        "a@x..fr", "a@-x.fr", "a b@x.fr", "a@x.fr1", "a@@x.fr", "a@x_y.fr" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (tutti_validate_email (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (tutti_validate_email (bad[i]));
}

static void
test_validate_postcode_phone (void)
{
  g_autofree char *normal = NULL;

  g_assert_true (tutti_validate_postcode ("35500"));
  g_assert_true (tutti_validate_postcode ("01000"));
  g_assert_true (tutti_validate_postcode (" 20000 "));
  g_assert_false (tutti_validate_postcode ("3550"));
  g_assert_false (tutti_validate_postcode ("355000"));
  g_assert_false (tutti_validate_postcode ("00100"));
  g_assert_false (tutti_validate_postcode ("3550A"));
  g_assert_false (tutti_validate_postcode ("99000"));

  g_assert_true (tutti_validate_phone ("0299746864"));
  g_assert_true (tutti_validate_phone ("02 99 74 68 64"));
  g_assert_true (tutti_validate_phone ("02.99.74.68.64"));
  g_assert_true (tutti_validate_phone ("+33 2 99 74 68 64"));
  g_assert_true (tutti_validate_phone ("+44 20 7946 0958"));
  g_assert_false (tutti_validate_phone ("029974686"));
  g_assert_false (tutti_validate_phone ("0099746864"));
  g_assert_false (tutti_validate_phone ("+33 02 99 74 68 64"));
  g_assert_false (tutti_validate_phone ("02 99 74 68 6x"));
  g_assert_false (tutti_validate_phone ("+1234"));

  normal = tutti_phone_normalize ("0299746864");
  g_assert_cmpstr (normal, ==, "02 99 74 68 64");

  g_assert_true (tutti_validate_department ("35"));
  g_assert_true (tutti_validate_department ("2A"));
  g_assert_true (tutti_validate_department ("974"));
  g_assert_true (tutti_validate_department ("99"));
  g_assert_false (tutti_validate_department ("20"));
  g_assert_false (tutti_validate_department ("00"));
  g_assert_false (tutti_validate_department ("977"));
  g_assert_false (tutti_validate_department ("Ille-et-Vilaine"));
}

static void
test_validate_record (void)
{
  g_autoptr(TuttiGuardian) guardian = tutti_guardian_new ();
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GHashTable) errors_en = NULL;
  g_autoptr(TuttiLoginRequest) login = tutti_login_request_new ();
  g_autoptr(GHashTable) login_errors = NULL;

  guardian->civility = TUTTI_CIVILITY_MR;
  guardian->surname = g_strdup ("Z-TEST");
  guardian->first_name = g_strdup ("Essai");
  guardian->address = g_strdup ("6 rue de Verdun");
  guardian->postcode = g_strdup ("3550");
  guardian->town = g_strdup ("  ");
  guardian->email = g_strdup ("test@vitrecommunaute");
  guardian->home_phone = g_strdup ("0299746864");
  guardian->mobile_phone = g_strdup ("12");

  errors = tutti_record_validate (&tutti_guardian_schema, guardian, TUTTI_LANG_FR);
  g_assert_nonnull (errors);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 4);
  g_assert_cmpstr (g_hash_table_lookup (errors, "town"), ==, "Ce champ est obligatoire.");
  g_assert_nonnull (strstr (g_hash_table_lookup (errors, "postcode"), "5 chiffres"));
  g_assert_true (g_hash_table_contains (errors, "email"));
  g_assert_true (g_hash_table_contains (errors, "mobile_phone"));

  errors_en = tutti_record_validate (&tutti_guardian_schema, guardian, TUTTI_LANG_EN);
  g_assert_cmpstr (g_hash_table_lookup (errors_en, "town"), ==, "This field is required.");

  g_free (guardian->postcode);
  guardian->postcode = g_strdup ("35500");
  g_free (guardian->town);
  guardian->town = g_strdup ("VITRE");
  g_free (guardian->email);
  guardian->email = g_strdup ("test@vitrecommunaute.org");
  g_clear_pointer (&guardian->mobile_phone, g_free);
  g_assert_null (tutti_record_validate (&tutti_guardian_schema, guardian, TUTTI_LANG_FR));

  /* A required enum without a value, and a required string missing. */
  guardian->civility = TUTTI_CIVILITY_NONE;
  g_clear_pointer (&errors, g_hash_table_unref);
  errors = tutti_record_validate (&tutti_guardian_schema, guardian, TUTTI_LANG_FR);
  g_assert_true (g_hash_table_contains (errors, "civility"));

  login_errors = tutti_record_validate (&tutti_login_request_schema, login, TUTTI_LANG_EN);
  g_assert_cmpuint (g_hash_table_size (login_errors), ==, 3);

  /* The labels are there in both languages. */
  g_assert_cmpstr (tutti_text_get (&tutti_schema_lookup (&tutti_guardian_schema, "postcode")->label,
                                   TUTTI_LANG_FR), ==, "Code postal");
  g_assert_cmpstr (tutti_text_get (&tutti_schema_lookup (&tutti_guardian_schema, "postcode")->label,
                                   TUTTI_LANG_EN), ==, "Postcode");
}

static void
test_validate_password_field (void)
{
  const TuttiField *field = tutti_schema_lookup (&tutti_password_change_request_schema, "new");
  g_autofree char *message = tutti_field_check_text (field, "abc", TUTTI_LANG_EN);

  g_assert_nonnull (field);
  g_assert_nonnull (strstr (message, "at least 8 characters"));
  g_assert_nonnull (strstr (message, "upper-case"));
  g_assert_null (tutti_field_check_text (field, "Vitre2026", TUTTI_LANG_EN));
}

/* ---- Formatting ----------------------------------------------------------- */

#define ASSERT_FORMAT(call, expected) \
  G_STMT_START { g_autofree char *s_ = (call); g_assert_cmpstr (s_, ==, (expected)); } G_STMT_END

static void
test_format_dates (void)
{
  ASSERT_FORMAT (tutti_format_date ("2026-10-31", TUTTI_LANG_FR), "31/10/2026");
  ASSERT_FORMAT (tutti_format_date ("2026-10-31", TUTTI_LANG_EN), "31 Oct 2026");
  ASSERT_FORMAT (tutti_format_date ("2016-01-01", TUTTI_LANG_FR), "01/01/2016");
  ASSERT_FORMAT (tutti_format_date ("2026-10-31T23:59:00+01:00", TUTTI_LANG_FR), "31/10/2026");
  ASSERT_FORMAT (tutti_format_date ("nonsense", TUTTI_LANG_FR), "");
  ASSERT_FORMAT (tutti_format_date (NULL, TUTTI_LANG_FR), "");

  ASSERT_FORMAT (tutti_format_time ("23:59", TUTTI_LANG_FR), "23:59");
  ASSERT_FORMAT (tutti_format_time ("23:59", TUTTI_LANG_EN), "11:59" NBSP "PM");
  ASSERT_FORMAT (tutti_format_time ("00:05", TUTTI_LANG_EN), "12:05" NBSP "AM");
  ASSERT_FORMAT (tutti_format_time ("17:00", TUTTI_LANG_FR), "17:00");

  /* The time is read in the offset it was written with, whatever TZ is. */
  ASSERT_FORMAT (tutti_format_datetime ("2026-10-31T23:59:00+01:00", TUTTI_LANG_FR), "31/10/2026 à 23:59");
  ASSERT_FORMAT (tutti_format_datetime ("2026-10-31T23:59:00+01:00", TUTTI_LANG_EN),
                 "31 Oct 2026 at 11:59" NBSP "PM");
  ASSERT_FORMAT (tutti_format_deadline ("2026-10-31T23:59:00+01:00", TUTTI_LANG_FR),
                 "Jusqu’au 31/10/2026 à 23:59");
  ASSERT_FORMAT (tutti_format_deadline ("2026-10-31T23:59:00+01:00", TUTTI_LANG_EN),
                 "Until 31 Oct 2026 at 11:59" NBSP "PM");
  ASSERT_FORMAT (tutti_format_datetime_time ("2026-10-31T09:05:00+01:00", TUTTI_LANG_FR), "09:05");
}

static void
test_format_numbers (void)
{
  ASSERT_FORMAT (tutti_format_duration (75, TUTTI_LANG_FR), "01:15");
  ASSERT_FORMAT (tutti_format_duration (75, TUTTI_LANG_EN), "1:15");
  ASSERT_FORMAT (tutti_format_duration (33 * 60, TUTTI_LANG_FR), "33:00");
  ASSERT_FORMAT (tutti_format_duration (0, TUTTI_LANG_FR), "00:00");

  ASSERT_FORMAT (tutti_format_money (8400, TUTTI_LANG_FR), "84,00" NBSP "€");
  ASSERT_FORMAT (tutti_format_money (8400, TUTTI_LANG_EN), "€84.00");
  ASSERT_FORMAT (tutti_format_money (0, TUTTI_LANG_FR), "0,00" NBSP "€");
  ASSERT_FORMAT (tutti_format_money (5, TUTTI_LANG_FR), "0,05" NBSP "€");
  ASSERT_FORMAT (tutti_format_money (123456, TUTTI_LANG_FR), "1" NNBSP "234,56" NBSP "€");
  ASSERT_FORMAT (tutti_format_money (123456, TUTTI_LANG_EN), "€1,234.56");
  ASSERT_FORMAT (tutti_format_money (-8400, TUTTI_LANG_FR), "-84,00" NBSP "€");
  ASSERT_FORMAT (tutti_format_money (-8400, TUTTI_LANG_EN), "-€84.00");
  ASSERT_FORMAT (tutti_format_money (100000000, TUTTI_LANG_EN), "€1,000,000.00");
  ASSERT_FORMAT (tutti_format_money (G_MININT64, TUTTI_LANG_EN), "-€92,233,720,368,547,758.08");

  ASSERT_FORMAT (tutti_format_decimal (350, TUTTI_LANG_FR), "3,50");
  ASSERT_FORMAT (tutti_format_decimal (500, TUTTI_LANG_EN), "5.00");

  ASSERT_FORMAT (tutti_format_size (0, TUTTI_LANG_FR), "0,00" NBSP "Mo");
  ASSERT_FORMAT (tutti_format_size (312, TUTTI_LANG_FR), "0,01" NBSP "Mo");
  ASSERT_FORMAT (tutti_format_size (2 * 1024 * 1024, TUTTI_LANG_EN), "2.00" NBSP "MB");
  ASSERT_FORMAT (tutti_format_size (262144, TUTTI_LANG_FR), "0,25" NBSP "Mo");
}

static void
test_date_from_display (void)
{
  ASSERT_FORMAT (tutti_date_from_display ("31/10/2026", TUTTI_LANG_FR), "2026-10-31");
  ASSERT_FORMAT (tutti_date_from_display ("1/1/2016", TUTTI_LANG_FR), "2016-01-01");
  ASSERT_FORMAT (tutti_date_from_display ("31 Oct 2026", TUTTI_LANG_EN), "2026-10-31");
  ASSERT_FORMAT (tutti_date_from_display ("31 octobre 2026", TUTTI_LANG_FR), "2026-10-31");
  ASSERT_FORMAT (tutti_date_from_display ("2026-10-31", TUTTI_LANG_EN), "2026-10-31");
  g_assert_null (tutti_date_from_display ("31/02/2026", TUTTI_LANG_FR));
  g_assert_null (tutti_date_from_display ("31/10/26", TUTTI_LANG_FR));
  g_assert_null (tutti_date_from_display ("hier", TUTTI_LANG_FR));
  g_assert_null (tutti_date_from_display ("", TUTTI_LANG_FR));
}

/* ---- Errors and languages ------------------------------------------------- */

static void
test_api_errors (void)
{
  g_autoptr(GError) error = tutti_api_error_new (TUTTI_API_ERROR_INVALID, "Some fields are not valid.");
  g_autoptr(GError) back = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) bare = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpstr (tutti_api_error_code_to_string (TUTTI_API_ERROR_TOO_MANY_ATTEMPTS), ==, "too-many-attempts");
  g_assert_cmpint (tutti_api_error_code_from_string ("campaign-closed"), ==, TUTTI_API_ERROR_CAMPAIGN_CLOSED);
  g_assert_cmpint (tutti_api_error_code_from_string ("nope"), ==, TUTTI_API_ERROR_UNKNOWN);
  g_assert_cmpuint (tutti_api_error_code_to_status (TUTTI_API_ERROR_BAD_CREDENTIALS), ==, 401);
  g_assert_cmpuint (tutti_api_error_code_to_status (TUTTI_API_ERROR_FILE_TOO_LARGE), ==, 413);
  g_assert_cmpuint (tutti_api_error_code_to_status (TUTTI_API_ERROR_UNSUPPORTED_FILE_TYPE), ==, 415);
  g_assert_cmpuint (tutti_api_error_code_to_status (TUTTI_API_ERROR_PASSWORD_POLICY), ==, 422);
  g_assert_cmpstr (tutti_api_error_code_message (TUTTI_API_ERROR_BAD_CREDENTIALS, TUTTI_LANG_FR), ==,
                   "Identifiant ou mot de passe incorrect.");

  tutti_api_error_add_field (error, "postcode", "Saisissez un code postal");
  tutti_api_error_add_field (error, "email", "Adresse invalide");
  node = tutti_api_error_to_json (error);
  json = json_to_string (node, FALSE);
  g_assert_cmpstr (json, ==,
                   "{\"error\":{\"code\":\"invalid\",\"message\":\"Some fields are not valid.\","
                   "\"fields\":{\"email\":\"Adresse invalide\",\"postcode\":\"Saisissez un code postal\"}}}");

  back = tutti_api_error_from_json (node, 422);
  g_assert_error (back, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID);
  g_assert_cmpstr (g_hash_table_lookup (tutti_api_error_get_fields (back), "postcode"), ==,
                   "Saisissez un code postal");

  /* The extended data survives g_error_copy. */
  tutti_api_error_set_retry_after (back, 600);
  copy = g_error_copy (back);
  g_assert_cmpuint (tutti_api_error_get_retry_after (copy), ==, 600);
  g_assert_cmpuint (g_hash_table_size (tutti_api_error_get_fields (copy)), ==, 2);

  /* A body that is not the API's format still maps by status. */
  bare = tutti_api_error_from_json (NULL, 404);
  g_assert_error (bare, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND);
}

static void
test_lang (void)
{
  g_assert_cmpint (tutti_lang_from_accept_language ("fr-FR,fr;q=0.9,en;q=0.8"), ==, TUTTI_LANG_FR);
  g_assert_cmpint (tutti_lang_from_accept_language ("en-GB,en;q=0.9,fr;q=0.5"), ==, TUTTI_LANG_EN);
  g_assert_cmpint (tutti_lang_from_accept_language ("de, en;q=0.3"), ==, TUTTI_LANG_EN);
  g_assert_cmpint (tutti_lang_from_accept_language ("de"), ==, TUTTI_LANG_FR);
  g_assert_cmpint (tutti_lang_from_accept_language (NULL), ==, TUTTI_LANG_FR);
  g_assert_cmpint (tutti_lang_from_tag ("fr_FR.UTF-8"), ==, TUTTI_LANG_FR);
  g_assert_cmpint (tutti_lang_from_tag ("french"), ==, TUTTI_LANG_EN);
  g_assert_cmpstr (tutti_lang_to_tag (TUTTI_LANG_FR), ==, "fr");
}

/* ---- Uploads: the type by content ------------------------------------------- */

static const char sniff_pdf[] =
  "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
  "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
  "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
  "trailer\n<< /Size 3 /Root 1 0 R >>\n%%EOF\n";

/* A 1×1 grey PNG: signature, IHDR, IDAT, IEND. */
static const guint8 sniff_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00,
  0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x68, 0x00, 0x00, 0x00,
  0x82, 0x00, 0x81, 0xda, 0x45, 0x08, 0x3b, 0x00, 0x00, 0x00, 0x00, 0x49,
  0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* A baseline JPEG of one 8×8 grey block: SOI, APP0, DQT, SOF0, two
 * one-code Huffman tables, a scan, EOI. */
static GByteArray *
make_sniff_jpeg (void)
{
  static const guint8 head[] = {
    0xff, 0xd8,
    0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
    0x00, 0x00,
  };
  static const guint8 frame[] = {
    0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00,
  };
  static const guint8 scan[] = {
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,
    0x3f,
    0xff, 0xd9,
  };
  GByteArray *jpeg = g_byte_array_new ();
  guint8 dqt[69] = { 0xff, 0xdb, 0x00, 0x43, 0x00 };

  memset (dqt + 5, 1, 64);
  g_byte_array_append (jpeg, head, sizeof head);
  g_byte_array_append (jpeg, dqt, sizeof dqt);
  g_byte_array_append (jpeg, frame, sizeof frame);
  for (guint t = 0; t < 2; t++)
    {
      guint8 dht[22] = { 0xff, 0xc4, 0x00, 0x14 };

      dht[4] = t == 0 ? 0x00 : 0x10;   /* DC 0, AC 0 */
      dht[5] = 1;                       /* one code of one bit, for symbol 0 */
      g_byte_array_append (jpeg, dht, sizeof dht);
    }
  g_byte_array_append (jpeg, scan, sizeof scan);
  return jpeg;
}

#define SNIFF_TEXT(text) tutti_sniff_content_type ((const guint8 *) (text), strlen (text))

static void
test_sniff_good (void)
{
  g_autoptr(GByteArray) jpeg = make_sniff_jpeg ();
  g_autofree char *padded = g_strconcat (sniff_pdf, "\r\n\n  ", NULL);

  g_assert_cmpstr (SNIFF_TEXT (sniff_pdf), ==, "application/pdf");
  /* Some writers leave blanks after the end marker. */
  g_assert_cmpstr (SNIFF_TEXT (padded), ==, "application/pdf");
  g_assert_cmpstr (tutti_sniff_content_type (sniff_png, sizeof sniff_png), ==, "image/png");
  g_assert_cmpstr (tutti_sniff_content_type (jpeg->data, jpeg->len), ==, "image/jpeg");
}

static void
test_sniff_refused (void)
{
  g_autoptr(GByteArray) jpeg = make_sniff_jpeg ();
  static const char gif[] = "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00"
                            "!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00"
                            "\x00\x02\x02\x44\x01\x00;";

  /* Empty. */
  g_assert_null (tutti_sniff_content_type (NULL, 0));
  g_assert_null (tutti_sniff_content_type ((const guint8 *) "", 0));

  /* Truncated: each cut before its end marker or inside its structure. */
  g_assert_null (tutti_sniff_content_type ((const guint8 *) sniff_pdf, strlen (sniff_pdf) - 7));
  g_assert_null (tutti_sniff_content_type ((const guint8 *) sniff_pdf, 8));
  g_assert_null (tutti_sniff_content_type (sniff_png, sizeof sniff_png - 6));
  g_assert_null (tutti_sniff_content_type (sniff_png, 8));
  g_assert_null (tutti_sniff_content_type (jpeg->data, jpeg->len - 2));
  g_assert_null (tutti_sniff_content_type (jpeg->data, 20));

  /* A text named .pdf, or one that only starts like a PDF. */
  g_assert_null (SNIFF_TEXT ("Attestation CAF de la famille MARTIN\n"));
  g_assert_null (SNIFF_TEXT ("%PDF-1.5 not really"));
  g_assert_null (SNIFF_TEXT ("%PDF-x.y\n%%EOF\n"));

  /* A GIF is an image, but not one the school takes. */
  g_assert_null (tutti_sniff_content_type ((const guint8 *) gif, sizeof gif - 1));
}

/* ---- Rules of the offer --------------------------------------------------------- */

static TuttiOfferItem *
offer_item (const char *discipline,
            const char *site,
            const char *cursus,
            gint64      min_age,
            gint64      max_age)
{
  TuttiOfferItem *item = tutti_offer_item_new ();

  item->discipline = g_strdup (discipline);
  item->site = g_strdup (site);
  item->cursus = g_strdup (cursus);
  item->min_age = min_age;
  item->max_age = max_age;
  return item;
}

static void
test_offer_item_label (void)
{
  g_autoptr(TuttiOfferItem) full = offer_item ("Accordéon chromatique", "Argentré-du-Plessis",
                                               "Cursus classique", 7, TUTTI_NO_VALUE);
  g_autoptr(TuttiOfferItem) no_site = offer_item ("Violon", "  ", "Émergence", TUTTI_NO_VALUE,
                                                  TUTTI_NO_VALUE);
  g_autoptr(TuttiOfferItem) alone = offer_item ("Éveil musical", NULL, "", TUTTI_NO_VALUE,
                                                TUTTI_NO_VALUE);
  g_autofree char *fr = tutti_offer_item_label (full, TUTTI_LANG_FR);
  g_autofree char *en = tutti_offer_item_label (full, TUTTI_LANG_EN);
  g_autofree char *accented = tutti_offer_item_label (no_site, TUTTI_LANG_FR);
  g_autofree char *discipline = tutti_offer_item_label (alone, TUTTI_LANG_EN);

  g_assert_cmpstr (fr, ==, "Accordéon chromatique – Argentré-du-Plessis – cursus classique");
  g_assert_cmpstr (en, ==, fr);
  /* The cursus's first letter in lower case, accents included; no blank site. */
  g_assert_cmpstr (accented, ==, "Violon – émergence");
  g_assert_cmpstr (discipline, ==, "Éveil musical");
}

static void
test_offer_item_age (void)
{
  g_autoptr(TuttiOfferItem) from_7 = offer_item ("Accordéon chromatique", NULL, NULL, 7, TUTTI_NO_VALUE);
  g_autoptr(TuttiOfferItem) up_to_10 = offer_item ("Éveil", NULL, NULL, TUTTI_NO_VALUE, 10);
  g_autoptr(TuttiOfferItem) from_4_to_6 = offer_item ("Jardin musical", NULL, NULL, 4, 6);
  g_autoptr(TuttiOfferItem) any = offer_item ("Chorale", NULL, NULL, TUTTI_NO_VALUE, TUTTI_NO_VALUE);
  const char *age_date = "2027-12-31";

  /* Ages on 31 December of the school year's first year. */
  g_assert_cmpint (tutti_age_on_date ("2020-03-15", age_date), ==, 7);
  g_assert_cmpint (tutti_age_on_date ("2020-12-31", age_date), ==, 7);
  g_assert_cmpint (tutti_age_on_date ("2020-03-15", "2027-03-14"), ==, 6);
  g_assert_cmpint (tutti_age_on_date ("2020-03-15", "2027-03-15"), ==, 7);
  g_assert_cmpint (tutti_age_on_date ("2020-02-29", "2021-02-28"), ==, 0);
  g_assert_cmpint (tutti_age_on_date ("2020-02-29", "2021-03-01"), ==, 1);
  g_assert_cmpint (tutti_age_on_date ("2028-01-01", age_date), ==, -1);
  g_assert_cmpint (tutti_age_on_date ("15/03/2020", age_date), ==, -1);
  g_assert_cmpint (tutti_age_on_date ("2020-03-15", NULL), ==, -1);

  g_assert_true (tutti_offer_item_accepts_age (from_7, "2020-03-15", age_date));
  g_assert_true (tutti_offer_item_accepts_age (from_7, "2020-12-31", age_date));
  g_assert_false (tutti_offer_item_accepts_age (from_7, "2021-01-01", age_date));
  g_assert_true (tutti_offer_item_accepts_age (from_7, "1950-06-01", age_date));

  g_assert_true (tutti_offer_item_accepts_age (up_to_10, "2017-01-01", age_date));
  g_assert_false (tutti_offer_item_accepts_age (up_to_10, "2016-12-31", age_date));

  g_assert_false (tutti_offer_item_accepts_age (from_4_to_6, "2024-01-01", age_date));
  g_assert_true (tutti_offer_item_accepts_age (from_4_to_6, "2023-12-31", age_date));
  g_assert_true (tutti_offer_item_accepts_age (from_4_to_6, "2021-01-01", age_date));
  g_assert_false (tutti_offer_item_accepts_age (from_4_to_6, "2020-12-31", age_date));

  g_assert_true (tutti_offer_item_accepts_age (any, "2026-05-01", age_date));

  /* A date that is not one is the date's own fault, not the age's. */
  g_assert_true (tutti_offer_item_accepts_age (from_7, "", age_date));
  g_assert_true (tutti_offer_item_accepts_age (from_7, "2021-02-30", age_date));
  g_assert_true (tutti_offer_item_accepts_age (from_7, "2021-01-01", NULL));
}

/* ---- The shapes of re-enrolment and pre-enrolment ------------------------------- */

static void
test_enrolment_shapes (void)
{
  const TuttiField *free_text = tutti_schema_lookup (&tutti_reenrolment_schema, "free_text");
  g_autoptr(TuttiReenrolment) reenrolment = tutti_reenrolment_new ();
  g_autoptr(TuttiPreenrolmentDecision) decision = tutti_preenrolment_decision_new ();
  g_autoptr(TuttiHome) home = tutti_home_new ();
  g_autoptr(TuttiOffer) offer = NULL;
  g_autoptr(GHashTable) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home_json = NULL;
  GString *text = g_string_new (NULL);

  /* Step 4's free text: 2000 characters, not one more. */
  g_assert_nonnull (free_text);
  g_assert_cmpuint (free_text->max_length, ==, TUTTI_REENROLMENT_FREE_TEXT_MAX);
  for (guint i = 0; i < TUTTI_REENROLMENT_FREE_TEXT_MAX; i++)
    g_string_append (text, "é");
  g_assert_null (tutti_field_check_text (free_text, text->str, TUTTI_LANG_FR));
  g_string_append_c (text, 'x');
  reenrolment->free_text = g_string_free (text, FALSE);
  problems = tutti_record_validate (&tutti_reenrolment_schema, reenrolment, TUTTI_LANG_EN);
  g_assert_nonnull (problems);
  g_assert_true (g_hash_table_contains (problems, "free_text"));
  g_clear_pointer (&problems, g_hash_table_unref);

  /* A refusal needs its reason. */
  problems = tutti_record_validate (&tutti_preenrolment_decision_schema, decision, TUTTI_LANG_FR);
  g_assert_nonnull (problems);
  g_assert_true (g_hash_table_contains (problems, "reason"));
  g_clear_pointer (&problems, g_hash_table_unref);
  decision->reason = g_strdup ("Classe complète");
  g_assert_null (tutti_record_validate (&tutti_preenrolment_decision_schema, decision, TUTTI_LANG_FR));

  /* The offer as GET /offer sends it. */
  offer = tutti_record_from_data (&tutti_offer_schema,
                                  "{\"campaign_id\":2,\"school_year\":\"2027/2028\","
                                  "\"deadline\":\"2027-06-30T23:00:00+02:00\",\"age_date\":\"2027-12-31\","
                                  "\"disciplines\":[\"Violon\"],\"sites\":[\"Vitré\"],\"cursus\":[],"
                                  "\"items\":[{\"id\":5,\"discipline\":\"Violon\",\"site\":\"Vitré\","
                                  "\"min_age\":7,\"max_age\":null,\"places_left\":0}]}",
                                  -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (offer->age_date, ==, "2027-12-31");
  g_assert_cmpstr (offer->disciplines[0], ==, "Violon");
  g_assert_cmpuint (offer->items->len, ==, 1);
  g_assert_true (tutti_offer_item_accepts_age (g_ptr_array_index (offer->items, 0), "2020-05-01",
                                               offer->age_date));

  /* Home carries the family's requests (HOME-4), a list never null. */
  g_assert_nonnull (home->preenrolments);
  home_json = tutti_record_to_data (&tutti_home_schema, home);
  g_assert_nonnull (strstr (home_json, "\"preenrolments\":[]"));
  g_assert_nonnull (tutti_schema_lookup (&tutti_preenrolment_schema, "decided_at"));
}

static void
test_api_paths (void)
{
  g_autofree char *document = g_strdup_printf (TUTTI_API_FAMILY_DOCUMENT_FMT, (gint64) 12);
  g_autofree char *submit = g_strdup_printf (TUTTI_API_PUPIL_REENROLMENT_SUBMIT_FMT, (gint64) 3);
  g_autofree char *download = g_strdup_printf (TUTTI_API_CAMPAIGN_DOWNLOAD_FMT, (gint64) 1, (gint64) 4);
  g_autofree char *doc_decide = g_strdup_printf (TUTTI_API_STAFF_REENROLMENT_DOCUMENT_DECIDE_FMT,
                                                 (gint64) 7, (gint64) 8);
  g_autofree char *refuse = g_strdup_printf (TUTTI_API_STAFF_PREENROLMENT_REFUSE_FMT, (gint64) 9);

  g_assert_cmpstr (document, ==, "/api/v1/family/documents/12");
  g_assert_cmpstr (submit, ==, "/api/v1/pupils/3/reenrolment/submit");
  g_assert_cmpstr (download, ==, "/api/v1/campaigns/1/downloads/4");
  g_assert_cmpstr (doc_decide, ==, "/api/v1/staff/reenrolments/7/documents/8/decide");
  g_assert_cmpstr (refuse, ==, "/api/v1/staff/preenrolments/9/refuse");
  g_assert_cmpstr (TUTTI_API_PREENROLMENT_QUESTION, ==, "/api/v1/preenrolments/question");
  g_assert_cmpstr (TUTTI_API_HEADER_FILE_NAME, ==, "X-File-Name");
  g_assert_cmpstr (TUTTI_API_DOCUMENT_KIND_OTHER, ==, "other");
}

int
main (int   argc,
      char *argv[])
{
  const TuttiSchema * const *schemas;
  guint n_schemas;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/password/rules", test_password_rules);
  g_test_add_func ("/core/password/messages", test_password_messages);

  schemas = tutti_types_get_schemas (&n_schemas);
  for (guint i = 0; i < n_schemas; i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/json/round-trip/%s", schemas[i]->name);
      g_test_add_data_func (path, schemas[i], test_json_round_trip);
    }
  g_test_add_func ("/core/json/typed", test_json_typed);
  g_test_add_func ("/core/json/refusals", test_json_refusals);
  g_test_add_func ("/core/json/text", test_record_text);

  g_test_add_func ("/core/validate/email", test_validate_email);
  g_test_add_func ("/core/validate/postcode-phone", test_validate_postcode_phone);
  g_test_add_func ("/core/validate/record", test_validate_record);
  g_test_add_func ("/core/validate/password-field", test_validate_password_field);

  g_test_add_func ("/core/format/dates", test_format_dates);
  g_test_add_func ("/core/format/numbers", test_format_numbers);
  g_test_add_func ("/core/format/date-from-display", test_date_from_display);

  g_test_add_func ("/core/sniff/good", test_sniff_good);
  g_test_add_func ("/core/sniff/refused", test_sniff_refused);

  g_test_add_func ("/core/offer/label", test_offer_item_label);
  g_test_add_func ("/core/offer/age", test_offer_item_age);
  g_test_add_func ("/core/json/enrolment-shapes", test_enrolment_shapes);
  g_test_add_func ("/core/api/paths", test_api_paths);

  g_test_add_func ("/core/errors", test_api_errors);
  g_test_add_func ("/core/lang", test_lang);

  return g_test_run ();
}
