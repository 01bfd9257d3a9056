/* test-preenrolment.c — the offer, pre-enrolment requests and the office's
 * answers (PRE-1..4, HOME-4, STAFF-3, STAFF-4, MAIL-1) against a real
 * tutti-server process
 *
 * One demo server for the whole program. Each test makes the requests it
 * looks at; the one that closes the campaign opens it again before it ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "tutti-core.h"
#include "tutti-test-http.h"

#define ZTEST_EMAIL "test@vitrecommunaute.org"
#define ACCORDION_LABEL "Accordéon chromatique – Argentré-du-Plessis – cursus classique"

#define QUESTION_PATH        TUTTI_API_PREENROLMENTS "/question"
#define STAFF_CAMPAIGNS      TUTTI_API_STAFF "/campaigns"
#define STAFF_PREENROLMENTS  TUTTI_API_STAFF "/preenrolments"

static TuttiTestServer *server;

static char *ztest_token;
static char *cmartin_token;
static char *pmartin_token;
static char *staff_token;

/* From GET /offer, once. */
static gint64 campaign_id;
static int start_year;               /* 2027 for "2027/2028" */
static gint64 accordion_id;          /* Argentré-du-Plessis, from 7 */
static gint64 choir_id;              /* Chorale enfants, 7 to 11 */
static gint64 full_id;               /* no place left */
static gint64 full_min_age;
static gint64 piano_id;              /* Vitré, from 7 */

/* ---- HTTP --------------------------------------------------------------------- */

static TuttiTestReply *
request_full (const char *method,
              const char *path,
              const char *token,
              const char *body,
              const char *lang,
              const char *idempotency_key)
{
  return tutti_test_request_full (server, method, path, token, body, lang, idempotency_key);
}

static TuttiTestReply *
get (const char *path,
     const char *token)
{
  return request_full ("GET", path, token, NULL, NULL, NULL);
}

static TuttiTestReply *
post (const char *path,
      const char *token,
      const char *body)
{
  return request_full ("POST", path, token, body, NULL, NULL);
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

  words = g_strsplit (raw->str, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree guchar *bytes = NULL;
      g_autofree char *b64 = NULL;
      gsize length;

      if (*words[i] == '\0')
        continue;
      if (!g_str_has_prefix (words[i], "=?UTF-8?B?") || !g_str_has_suffix (words[i], "?="))
        {
          if (decoded->len > 0)
            g_string_append_c (decoded, ' ');
          g_string_append (decoded, words[i]);
          continue;
        }
      b64 = g_strndup (words[i] + 10, strlen (words[i]) - 12);
      bytes = g_base64_decode (b64, &length);
      g_string_append_len (decoded, (const char *) bytes, length);
    }
  g_assert_true (g_utf8_validate (decoded->str, -1, NULL));
  return g_strdup (decoded->str);
}

/* ---- Requests ------------------------------------------------------------------ */

/* A question from the server, and its answer worked out from its text
 * ("Combien font 9 et 29 ?", "What is 9 plus 29?"). */
static TuttiAntispamQuestion *
get_question (const char  *token,
              const char  *lang,
              char       **answer)
{
  g_autoptr(TuttiTestReply) reply = request_full ("GET", QUESTION_PATH, token, NULL, lang, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  TuttiAntispamQuestion *question;
  int sum = 0;
  guint n_numbers = 0;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Cache-Control"), ==, "no-store");
  question = tutti_antispam_question_from_json (reply->json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (question->id);
  g_assert_nonnull (question->question);

  regex = g_regex_new ("[0-9]+", 0, 0, &error);
  g_assert_no_error (error);
  g_regex_match (regex, question->question, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *number = g_match_info_fetch (match, 0);

      sum += atoi (number);
      n_numbers++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n_numbers, ==, 2);
  if (answer != NULL)
    *answer = g_strdup_printf ("%d", sum);
  return question;
}

/* "2020-03-15" for a child aged @age on 31 December of the school year. */
static char *
birth_date_for_age (int age)
{
  return g_strdup_printf ("%04d-03-15", start_year - age);
}

/* A new pupil aged @age choosing the offer items listed (0-terminated). */
static TuttiNewPupil *
new_pupil (const char *first_name,
           int         age,
           gint64      first_offer,
           ...)
{
  TuttiNewPupil *pupil = tutti_new_pupil_new ();
  va_list args;

  pupil->civility = TUTTI_CIVILITY_MRS;
  pupil->surname = g_strdup ("Z-TEST");
  pupil->first_name = g_strdup (first_name);
  pupil->birth_date = birth_date_for_age (age);
  pupil->birth_place = g_strdup ("Vitré");
  pupil->school_level = g_strdup ("CE1");

  va_start (args, first_offer);
  for (gint64 offer = first_offer; offer != 0; offer = va_arg (args, gint64))
    {
      TuttiPreenrolmentChoice *choice = tutti_preenrolment_choice_new ();

      choice->offer_id = offer;
      g_ptr_array_add (pupil->choices, choice);
    }
  va_end (args);
  return pupil;
}

/* A request of @token's family with a fresh question answered, guardian
 * 1's e-mail (@email) and the consent; the pupils are the caller's. */
static TuttiPreenrolment *
new_request (const char *token,
             const char *email)
{
  TuttiPreenrolment *request = tutti_preenrolment_new ();
  g_autoptr(TuttiAntispamQuestion) question = NULL;
  char *answer = NULL;

  question = get_question (token, "fr", &answer);
  request->antispam_id = g_strdup (question->id);
  request->antispam_answer = answer;
  request->email_confirmation = g_strdup (email);
  request->consent = TRUE;
  return request;
}

static TuttiTestReply *
submit (const char              *token,
        const TuttiPreenrolment *preenrolment,
        const char              *key)
{
  g_autofree char *body = tutti_record_to_data (&tutti_preenrolment_schema, preenrolment);

  return request_full ("POST", TUTTI_API_PREENROLMENTS, token, body, "fr", key);
}

static TuttiPreenrolment *
preenrolment_from_reply (TuttiTestReply *reply,
                         guint  status)
{
  g_autoptr(GError) error = NULL;
  TuttiPreenrolment *preenrolment;

  g_assert_cmpuint (reply->status, ==, status);
  preenrolment = tutti_preenrolment_from_json (reply->json, &error);
  g_assert_no_error (error);
  return preenrolment;
}

/* Sends a request for one child aged @age in @offer; returns its id. */
static gint64
submit_one (const char *first_name,
            int         age,
            gint64      offer)
{
  g_autoptr(TuttiPreenrolment) request = new_request (ztest_token, ZTEST_EMAIL);
  g_autoptr(TuttiPreenrolment) saved = NULL;
  g_autoptr(TuttiTestReply) reply = NULL;

  g_ptr_array_add (request->pupils, new_pupil (first_name, age, offer, (gint64) 0));
  reply = submit (ztest_token, request, NULL);
  saved = preenrolment_from_reply (reply, 201);
  g_assert_cmpint (saved->id, >, 0);
  return saved->id;
}

static char *
preenrolment_path (gint64 id)
{
  return g_strdup_printf (TUTTI_API_PREENROLMENTS "/%" G_GINT64_FORMAT, id);
}

static char *
staff_path (gint64      id,
            const char *tail)
{
  return g_strdup_printf (STAFF_PREENROLMENTS "/%" G_GINT64_FORMAT "%s", id, tail != NULL ? tail : "");
}

static guint
count_requests (const char *token)
{
  g_autoptr(TuttiTestReply) reply = get (TUTTI_API_PREENROLMENTS, token);

  g_assert_cmpuint (reply->status, ==, 200);
  return json_array_get_length (tutti_test_reply_array (reply));
}

/* The offer's item @id as GET /offer gives it now. */
static TuttiOfferItem *
get_offer_item (gint64 id)
{
  g_autoptr(TuttiTestReply) reply = get (TUTTI_API_OFFER, ztest_token);
  JsonArray *items;

  g_assert_cmpuint (reply->status, ==, 200);
  items = json_object_get_array_member (tutti_test_reply_object (reply), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TuttiOfferItem) item = tutti_offer_item_from_json (json_array_get_element (items, i),
                                                                   &error);

      g_assert_no_error (error);
      if (item->id == id)
        return g_steal_pointer (&item);
    }
  g_assert_not_reached ();
  return NULL;
}

/* ---- The offer (PRE-1) ---------------------------------------------------------- */

static gboolean
strv_has (JsonObject *object,
          const char *member,
          const char *value)
{
  JsonArray *array = json_object_get_array_member (object, member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

/* The demo offer's items the tests use, found once through the API. */
static void
find_offer (void)
{
  g_autoptr(TuttiTestReply) reply = get (TUTTI_API_OFFER, ztest_token);
  JsonObject *offer = tutti_test_reply_object (reply);
  JsonArray *items = json_object_get_array_member (offer, "items");

  g_assert_cmpuint (reply->status, ==, 200);
  campaign_id = json_object_get_int_member (offer, "campaign_id");
  start_year = atoi (json_object_get_string_member (offer, "school_year"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TuttiOfferItem) item = tutti_offer_item_from_json (json_array_get_element (items, i),
                                                                   &error);

      g_assert_no_error (error);
      if (g_strcmp0 (item->discipline, "Accordéon chromatique") == 0 &&
          g_strcmp0 (item->site, "Argentré-du-Plessis") == 0)
        accordion_id = item->id;
      else if (g_strcmp0 (item->discipline, "Chorale enfants") == 0 && choir_id == 0 &&
               item->places_left > 0)
        choir_id = item->id;
      else if (g_strcmp0 (item->discipline, "Piano") == 0 && g_strcmp0 (item->site, "Vitré") == 0)
        piano_id = item->id;
      if (item->places_left == 0 && full_id == 0)
        {
          full_id = item->id;
          full_min_age = item->min_age != TUTTI_NO_VALUE ? item->min_age : 10;
        }
    }
  g_assert_cmpint (campaign_id, >, 0);
  g_assert_cmpint (start_year, >=, 2026);
  g_assert_cmpint (accordion_id, >, 0);
  g_assert_cmpint (choir_id, >, 0);
  g_assert_cmpint (piano_id, >, 0);
  g_assert_cmpint (full_id, >, 0);
}

static void
test_offer (void)
{
  g_autoptr(TuttiTestReply) reply = get (TUTTI_API_OFFER, ztest_token);
  g_autoptr(TuttiTestReply) unauthenticated = get (TUTTI_API_OFFER, NULL);
  g_autoptr(TuttiTestReply) staff = get (TUTTI_API_OFFER, staff_token);
  g_autofree char *school_year = g_strdup_printf ("%d/%d", start_year, start_year + 1);
  g_autofree char *age_date = g_strdup_printf ("%d-12-31", start_year);
  JsonObject *offer = tutti_test_reply_object (reply);
  JsonArray *items;
  const char * const disciplines[] = {
    "Piano", "Violon", "Violoncelle", "Guitare classique", "Flûte traversière", "Clarinette",
    "Saxophone", "Trompette", "Batterie", "Accordéon chromatique", "Chant lyrique",
    "Chorale enfants", "Théâtre enfants (8-11 ans)", "Théâtre adolescents (12-15 ans)",
    "Théâtre adultes", "Orchestre à cordes", "Atelier musiques actuelles", "Éveil musical",
    "Parcours découvertes instrumentales", "Culture musicale 1C1",
  };
  const char * const sites[] = {
    "Vitré", "Argentré-du-Plessis", "Châteaubourg", "La Guerche-de-Bretagne",
  };
  guint n_accordions = 0;

  g_assert_cmpuint (reply->status, ==, 200);
  tutti_test_assert_error (unauthenticated, 401, "unauthenticated");
  g_assert_cmpuint (staff->status, ==, 200);

  /* Ages count on 31 December of the campaign's school year. */
  g_assert_cmpstr (json_object_get_string_member (offer, "school_year"), ==, school_year);
  g_assert_cmpstr (json_object_get_string_member (offer, "age_date"), ==, age_date);
  g_assert_cmpint (json_object_get_int_member (offer, "campaign_id"), ==, campaign_id);
  g_assert_nonnull (json_object_get_string_member (offer, "deadline"));

  for (guint i = 0; i < G_N_ELEMENTS (disciplines); i++)
    if (!strv_has (offer, "disciplines", disciplines[i]))
      g_error ("The offer has no %s", disciplines[i]);
  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    g_assert_true (strv_has (offer, "sites", sites[i]));
  g_assert_true (strv_has (offer, "cursus", "Cursus classique"));
  g_assert_true (strv_has (offer, "cursus", "Art dramatique"));
  g_assert_true (strv_has (offer, "cursus", "Musiques actuelles"));

  items = json_object_get_array_member (offer, "items");
  g_assert_cmpuint (json_array_get_length (items), >, 36);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TuttiOfferItem) item = tutti_offer_item_from_json (json_array_get_element (items, i),
                                                                   &error);

      g_assert_no_error (error);
      g_assert_cmpint (item->id, >, 0);
      g_assert_nonnull (item->discipline);
      g_assert_nonnull (item->site);
      g_assert_true (item->places_left == TUTTI_NO_VALUE || item->places_left >= 0);
      if (g_strcmp0 (item->discipline, "Accordéon chromatique") != 0)
        continue;
      /* "01 ACCORDEON CHROMATIQUE Site d'Argentré Du Plessis CURSUS
       * CLASSIQUE (Enfants à partir de 7 ans / Etudiants)" */
      g_assert_cmpint (item->id, ==, accordion_id);
      g_assert_cmpstr (item->site, ==, "Argentré-du-Plessis");
      g_assert_cmpstr (item->cursus, ==, "Cursus classique");
      g_assert_cmpint (item->min_age, ==, 7);
      g_assert_cmpint (item->max_age, ==, TUTTI_NO_VALUE);
      g_assert_cmpint (item->places_left, >, 2);
      n_accordions++;
    }
  g_assert_cmpuint (n_accordions, ==, 1);
}

/* ---- The question (PRE-3) --------------------------------------------------------- */

static void
test_question (void)
{
  g_autoptr(TuttiAntispamQuestion) fr = NULL;
  g_autoptr(TuttiAntispamQuestion) en = NULL;
  g_autoptr(TuttiTestReply) staff = get (QUESTION_PATH, staff_token);
  g_autofree char *fr_answer = NULL;
  g_autofree char *en_answer = NULL;

  fr = get_question (ztest_token, "fr", &fr_answer);
  g_assert_true (g_str_has_prefix (fr->question, "Combien font "));
  g_assert_true (g_str_has_suffix (fr->question, " ?"));
  en = get_question (ztest_token, "en", &en_answer);
  g_assert_true (g_str_has_prefix (en->question, "What is "));
  g_assert_true (g_str_has_suffix (en->question, "?"));

  /* Random ids (256 bits, base64url) that tell nothing of the answer. */
  g_assert_cmpstr (fr->id, !=, en->id);
  g_assert_cmpuint (strlen (fr->id), ==, 43);
  g_assert_cmpuint (strspn (fr->id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                    "abcdefghijklmnopqrstuvwxyz0123456789-_"), ==, 43);

  /* A staff account has no family to pre-enrol. */
  tutti_test_assert_error (staff, 404, "not-found");
}

/* ---- Requests (PRE-1..4, MAIL-1) ------------------------------------------------ */

static void
test_submit (void)
{
  g_autoptr(TuttiPreenrolment) request = new_request (ztest_token, "  TEST@VitreCommunaute.org ");
  g_autoptr(TuttiPreenrolment) saved = NULL;
  g_autoptr(TuttiPreenrolment) read = NULL;
  g_autoptr(TuttiTestReply) reply = NULL;
  g_autoptr(TuttiTestReply) one = NULL;
  g_autoptr(TuttiTestReply) list = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *to = NULL;
  g_autofree char *birth = NULL;
  TuttiNewPupil *pupil;
  TuttiPreenrolmentChoice *choice;
  guint mails = outbox_count ();
  guint before = count_requests (ztest_token);

  /* A 7-year-old on 31 December of the school year, as in the guide. */
  g_ptr_array_add (request->pupils, new_pupil ("Nouvel élève", 7, accordion_id, (gint64) 0));
  reply = submit (ztest_token, request, NULL);
  saved = preenrolment_from_reply (reply, 201);

  g_assert_cmpint (saved->id, >, 0);
  g_assert_cmpint (saved->state, ==, TUTTI_PREENROLMENT_SUBMITTED);
  g_assert_nonnull (saved->submitted_at);
  g_assert_true (saved->consent);
  g_assert_null (saved->antispam_id);
  g_assert_null (saved->antispam_answer);
  g_assert_cmpuint (saved->pupils->len, ==, 1);
  pupil = g_ptr_array_index (saved->pupils, 0);
  g_assert_cmpstr (pupil->first_name, ==, "Nouvel élève");
  birth = birth_date_for_age (7);
  g_assert_cmpstr (pupil->birth_date, ==, birth);
  g_assert_cmpuint (pupil->choices->len, ==, 1);
  choice = g_ptr_array_index (pupil->choices, 0);
  g_assert_cmpint (choice->offer_id, ==, accordion_id);
  g_assert_cmpstr (choice->label, ==, ACCORDION_LABEL);

  /* The family reads it back, newest first. */
  g_assert_cmpuint (count_requests (ztest_token), ==, before + 1);
  list = get (TUTTI_API_PREENROLMENTS, ztest_token);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tutti_test_reply_array (list), 0),
                                               "id"), ==, saved->id);
  path = preenrolment_path (saved->id);
  one = get (path, ztest_token);
  read = preenrolment_from_reply (one, 200);
  g_assert_cmpint (read->state, ==, TUTTI_PREENROLMENT_SUBMITTED);
  g_assert_cmpuint (read->pupils->len, ==, 1);

  /* PRE-4: the confirmation, to guardian 1, in French. */
  g_assert_cmpuint (outbox_count (), ==, mails + 1);
  message = last_message ();
  to = message_header (message, "To");
  g_assert_cmpstr (to, ==, "Monsieur Z-TEST Essai <" ZTEST_EMAIL ">");
  subject = message_header (message, "Subject");
  g_assert_cmpstr (subject, ==, "Confirmation de prise en compte - Demande de pré-inscription");
  g_assert_nonnull (strstr (message, "Bonjour Monsieur Z-TEST Essai,"));
  g_assert_nonnull (strstr (message, "- Z-TEST Nouvel élève, né(e) le 15/03/"));
  g_assert_nonnull (strstr (message, ACCORDION_LABEL));
  g_assert_nonnull (strstr (message,
                            "Seul le conservatoire pourra vous confirmer, au plus tard fin août"));
  g_assert_nonnull (strstr (message, "02 99 74 68 64 / conservatoire@vitrecommunaute.org"));
}

/* Guardian 1 is the family's first: Paul MARTIN (English) types Claire's
 * address, and she gets the confirmation in French. */
static void
test_guardian_1 (void)
{
  g_autoptr(TuttiPreenrolment) request = NULL;
  g_autoptr(TuttiFamily) family = NULL;
  g_autoptr(TuttiTestReply) family_reply = get (TUTTI_API_FAMILY, pmartin_token);
  g_autoptr(TuttiTestReply) mismatch = NULL;
  g_autoptr(TuttiTestReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *to = NULL;
  TuttiGuardian *claire, *paul;
  TuttiNewPupil *pupil;
  guint mails;

  g_assert_cmpuint (family_reply->status, ==, 200);
  family = tutti_family_from_json (family_reply->json, &error);
  g_assert_no_error (error);
  claire = g_ptr_array_index (family->guardians, 0);
  paul = g_ptr_array_index (family->guardians, 1);
  g_assert_cmpstr (claire->first_name, ==, "Claire");
  g_assert_cmpstr (claire->email, !=, paul->email);

  request = new_request (pmartin_token, paul->email);
  pupil = new_pupil ("Lou", 8, piano_id, (gint64) 0);
  g_free (pupil->surname);
  pupil->surname = g_strdup ("MARTIN");
  g_ptr_array_add (request->pupils, pupil);
  mismatch = submit (pmartin_token, request, NULL);
  tutti_test_assert_fields (mismatch, 422, "invalid", "email_confirmation", NULL);

  /* The same question still answers: only a wrong answer spends it. */
  mails = outbox_count ();
  g_free (request->email_confirmation);
  request->email_confirmation = g_strdup (claire->email);
  reply = submit (pmartin_token, request, NULL);
  g_assert_cmpuint (reply->status, ==, 201);
  g_assert_cmpuint (outbox_count (), ==, mails + 1);
  message = last_message ();
  to = message_header (message, "To");
  g_assert_nonnull (strstr (to, claire->email));
  g_assert_nonnull (strstr (message, "Bonjour Madame MARTIN Claire,"));
  g_assert_nonnull (strstr (message, "- MARTIN Lou, né(e) le"));
}

static void
test_conditions (void)
{
  g_autoptr(TuttiPreenrolment) request = new_request (ztest_token, ZTEST_EMAIL);
  g_autoptr(TuttiTestReply) young = NULL;
  g_autoptr(TuttiTestReply) several = NULL;
  g_autoptr(TuttiTestReply) fixed = NULL;
  g_autoptr(TuttiTestReply) empty = NULL;
  g_autofree char *born_later = NULL;
  TuttiNewPupil *pupil;
  guint mails = outbox_count ();
  guint before = count_requests (ztest_token);

  /* A 5-year-old for an offer from 7: the choice is named, with why. */
  g_ptr_array_add (request->pupils, new_pupil ("Petite", 5, accordion_id, (gint64) 0));
  young = submit (ztest_token, request, NULL);
  tutti_test_assert_fields (young, 422, "invalid", "pupils.0.choices.0", NULL);
  g_assert_nonnull (strstr (tutti_test_field_message (young, "pupils.0.choices.0"), "à partir de 7 ans"));
  g_assert_nonnull (strstr (tutti_test_field_message (young, "pupils.0.choices.0"), "aura 5 ans"));

  /* Each fault by its place: too old for the children's choir, no place
   * left, not in the offer, chosen twice, born after today. */
  g_ptr_array_add (request->pupils, new_pupil ("Grande", 12, piano_id, choir_id, (gint64) 0));
  g_ptr_array_add (request->pupils, new_pupil ("Autre", (int) full_min_age, full_id, (gint64) 999999,
                                               (gint64) 0));
  g_ptr_array_add (request->pupils, new_pupil ("Double", 9, piano_id, piano_id, (gint64) 0));
  g_ptr_array_add (request->pupils, new_pupil ("Futur", 0, piano_id, (gint64) 0));
  pupil = g_ptr_array_index (request->pupils, 4);
  g_free (pupil->birth_date);
  born_later = g_strdup_printf ("%d-01-01", start_year + 2);
  pupil->birth_date = g_strdup (born_later);
  several = submit (ztest_token, request, NULL);
  tutti_test_assert_fields (several, 422, "invalid",
                 "pupils.0.choices.0", "pupils.1.choices.1", "pupils.2.choices.0",
                 "pupils.2.choices.1", "pupils.3.choices.1", "pupils.4.birth_date", NULL);
  g_assert_nonnull (strstr (tutti_test_field_message (several, "pupils.1.choices.1"), "de 7 à 11 ans"));

  /* Core's rules: a pupil without a name or a choice. */
  g_ptr_array_set_size (request->pupils, 0);
  g_ptr_array_add (request->pupils, new_pupil ("", 7, (gint64) 0));
  empty = submit (ztest_token, request, NULL);
  tutti_test_assert_fields (empty, 422, "invalid", "pupils.0.first_name", "pupils.0.choices", NULL);
  g_assert_cmpuint (count_requests (ztest_token), ==, before);
  g_assert_cmpuint (outbox_count (), ==, mails);

  /* What was typed stays good: corrected, it goes with the same question. */
  g_ptr_array_set_size (request->pupils, 0);
  g_ptr_array_add (request->pupils, new_pupil ("Petite", 7, accordion_id, choir_id, (gint64) 0));
  fixed = submit (ztest_token, request, NULL);
  g_assert_cmpuint (fixed->status, ==, 201);
  g_assert_cmpuint (count_requests (ztest_token), ==, before + 1);
}

static void
test_antispam (void)
{
  g_autoptr(TuttiPreenrolment) request = new_request (ztest_token, ZTEST_EMAIL);
  g_autoptr(TuttiAntispamQuestion) foreign = NULL;
  g_autoptr(TuttiTestReply) wrong = NULL;
  g_autoptr(TuttiTestReply) spent = NULL;
  g_autoptr(TuttiTestReply) unknown = NULL;
  g_autoptr(TuttiTestReply) other_account = NULL;
  g_autoptr(TuttiTestReply) missing = NULL;
  g_autofree char *right = g_strdup (request->antispam_answer);
  g_autofree char *foreign_answer = NULL;
  guint before = count_requests (ztest_token);
  guint mails = outbox_count ();

  g_ptr_array_add (request->pupils, new_pupil ("Anti", 8, piano_id, (gint64) 0));

  /* A wrong answer: named, and the question is spent. */
  g_free (request->antispam_answer);
  request->antispam_answer = g_strdup_printf ("%d", atoi (right) + 1);
  wrong = submit (ztest_token, request, NULL);
  tutti_test_assert_fields (wrong, 422, "invalid", "antispam_answer", NULL);

  g_free (request->antispam_answer);
  request->antispam_answer = g_strdup (right);
  spent = submit (ztest_token, request, NULL);
  tutti_test_assert_fields (spent, 422, "invalid", "antispam_id", NULL);

  /* An id the server never gave, and another account's question. */
  g_free (request->antispam_id);
  request->antispam_id = g_strdup ("9-29");
  g_free (request->antispam_answer);
  request->antispam_answer = g_strdup ("38");
  unknown = submit (ztest_token, request, NULL);
  tutti_test_assert_fields (unknown, 422, "invalid", "antispam_id", NULL);

  foreign = get_question (cmartin_token, "fr", &foreign_answer);
  g_free (request->antispam_id);
  request->antispam_id = g_strdup (foreign->id);
  g_free (request->antispam_answer);
  request->antispam_answer = g_strdup (foreign_answer);
  other_account = submit (ztest_token, request, NULL);
  tutti_test_assert_fields (other_account, 422, "invalid", "antispam_id", NULL);

  /* The question cannot be skipped. */
  g_clear_pointer (&request->antispam_id, g_free);
  g_clear_pointer (&request->antispam_answer, g_free);
  missing = submit (ztest_token, request, NULL);
  tutti_test_assert_fields (missing, 422, "invalid", "antispam_id", "antispam_answer", NULL);

  g_assert_cmpuint (count_requests (ztest_token), ==, before);
  g_assert_cmpuint (outbox_count (), ==, mails);
}

static void
test_email_mismatch (void)
{
  g_autoptr(TuttiPreenrolment) request = new_request (ztest_token, "autre@vitrecommunaute.org");
  g_autoptr(TuttiTestReply) mismatch = NULL;
  g_autoptr(TuttiTestReply) malformed = NULL;
  guint before = count_requests (ztest_token);

  g_ptr_array_add (request->pupils, new_pupil ("Mail", 8, piano_id, (gint64) 0));
  mismatch = submit (ztest_token, request, NULL);
  tutti_test_assert_fields (mismatch, 422, "invalid", "email_confirmation", NULL);
  g_assert_nonnull (strstr (tutti_test_field_message (mismatch, "email_confirmation"), "responsable 1"));

  g_free (request->email_confirmation);
  request->email_confirmation = g_strdup ("test-at-vitrecommunaute.org");
  malformed = submit (ztest_token, request, NULL);
  tutti_test_assert_fields (malformed, 422, "invalid", "email_confirmation", NULL);
  g_assert_cmpuint (count_requests (ztest_token), ==, before);
}

static void
test_consent (void)
{
  g_autoptr(TuttiPreenrolment) request = new_request (ztest_token, ZTEST_EMAIL);
  g_autoptr(TuttiTestReply) refused = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(TuttiTestReply) absent = NULL;
  g_autofree char *body = NULL;
  guint before = count_requests (ztest_token);

  g_ptr_array_add (request->pupils, new_pupil ("Accord", 8, piano_id, (gint64) 0));
  request->consent = FALSE;
  refused = submit (ztest_token, request, NULL);
  tutti_test_assert_fields (refused, 422, "invalid", "consent", NULL);
  g_assert_nonnull (strstr (tutti_test_field_message (refused, "consent"), "J’accepte"));

  /* Not sent at all is not consent either. */
  node = tutti_record_to_json (&tutti_preenrolment_schema, request);
  json_object_remove_member (json_node_get_object (node), "consent");
  body = json_to_string (node, FALSE);
  absent = request_full ("POST", TUTTI_API_PREENROLMENTS, ztest_token, body, "en", NULL);
  tutti_test_assert_fields (absent, 422, "invalid", "consent", NULL);
  g_assert_cmpstr (tutti_test_field_message (absent, "consent"), ==, "Tick “I accept” to save the request.");
  g_assert_cmpuint (count_requests (ztest_token), ==, before);
}

static void
test_question_reused (void)
{
  g_autoptr(TuttiPreenrolment) request = new_request (ztest_token, ZTEST_EMAIL);
  g_autoptr(TuttiTestReply) first = NULL;
  g_autoptr(TuttiTestReply) again = NULL;
  guint before = count_requests (ztest_token);

  g_ptr_array_add (request->pupils, new_pupil ("Once", 9, piano_id, (gint64) 0));
  first = submit (ztest_token, request, NULL);
  g_assert_cmpuint (first->status, ==, 201);

  /* A saved request spent its question: sent again, it is refused. */
  again = submit (ztest_token, request, NULL);
  tutti_test_assert_fields (again, 422, "invalid", "antispam_id", NULL);
  g_assert_cmpuint (count_requests (ztest_token), ==, before + 1);
}

static void
test_idempotency (void)
{
  g_autoptr(TuttiPreenrolment) request = new_request (ztest_token, ZTEST_EMAIL);
  g_autoptr(TuttiTestReply) first = NULL;
  g_autoptr(TuttiTestReply) second = NULL;
  g_autoptr(TuttiTestReply) other = NULL;
  g_autoptr(TuttiTestReply) bad_key = NULL;
  g_autofree char *key = g_uuid_string_random ();
  guint before = count_requests (ztest_token);
  guint mails = outbox_count ();

  g_ptr_array_add (request->pupils, new_pupil ("Retry", 10, piano_id, (gint64) 0));
  first = submit (ztest_token, request, key);
  g_assert_cmpuint (first->status, ==, 201);
  g_assert_null (soup_message_headers_get_one (first->headers, TUTTI_API_HEADER_REPLAYED));

  /* The retry gets the first answer again, and nothing is done twice. */
  second = submit (ztest_token, request, key);
  g_assert_cmpuint (second->status, ==, 201);
  g_assert_cmpstr (soup_message_headers_get_one (second->headers, TUTTI_API_HEADER_REPLAYED),
                   ==, "true");
  g_assert_true (g_bytes_equal (first->body, second->body));
  g_assert_cmpuint (count_requests (ztest_token), ==, before + 1);
  g_assert_cmpuint (outbox_count (), ==, mails + 1);

  /* The same key for another request: refused. */
  ((TuttiNewPupil *) g_ptr_array_index (request->pupils, 0))->first_name[0] = 'B';
  other = submit (ztest_token, request, key);
  tutti_test_assert_fields (other, 409, "conflict", TUTTI_API_HEADER_IDEMPOTENCY, NULL);

  bad_key = submit (ztest_token, request, "two words");
  tutti_test_assert_error (bad_key, 400, "bad-request");
  g_assert_cmpuint (count_requests (ztest_token), ==, before + 1);
}

static void
test_foreign (void)
{
  gint64 id = submit_one ("Privée", 8, piano_id);
  g_autofree char *path = preenrolment_path (id);
  g_autoptr(TuttiTestReply) own = get (path, ztest_token);
  g_autoptr(TuttiTestReply) foreign = get (path, cmartin_token);
  g_autoptr(TuttiTestReply) missing = get (TUTTI_API_PREENROLMENTS "/999999", cmartin_token);
  g_autoptr(TuttiTestReply) not_number = get (TUTTI_API_PREENROLMENTS "/abc", cmartin_token);
  g_autoptr(TuttiTestReply) staff = get (path, staff_token);
  g_autoptr(TuttiTestReply) list = get (TUTTI_API_PREENROLMENTS, cmartin_token);
  JsonArray *array = tutti_test_reply_array (list);

  g_assert_cmpuint (own->status, ==, 200);
  tutti_test_assert_error (foreign, 404, "not-found");
  tutti_test_assert_error (missing, 404, "not-found");
  tutti_test_assert_error (not_number, 404, "not-found");
  tutti_test_assert_error (staff, 404, "not-found");
  g_assert_true (g_bytes_equal (foreign->body, missing->body));
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, i), "id"),
                     !=, id);
}

/* ---- The office (STAFF-3, STAFF-4) --------------------------------------------- */

static void
test_staff_forbidden (void)
{
  const char * const paths[] = {
    STAFF_PREENROLMENTS, STAFF_PREENROLMENTS "/1", STAFF_PREENROLMENTS "?state=submitted",
  };
  const char * const posts[] = {
    STAFF_PREENROLMENTS "/1/accept", STAFF_PREENROLMENTS "/1/refuse",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(TuttiTestReply) family = get (paths[i], ztest_token);
      g_autoptr(TuttiTestReply) nobody = get (paths[i], NULL);

      tutti_test_assert_error (family, 403, "forbidden");
      tutti_test_assert_error (nobody, 401, "unauthenticated");
    }
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      g_autoptr(TuttiTestReply) family = post (posts[i], ztest_token, "{\"reason\": \"Complet\"}");

      tutti_test_assert_error (family, 403, "forbidden");
    }
}

/* The staff list (with ?state=) holds @id. */
static gboolean
staff_list_has (const char *query,
                gint64      id)
{
  g_autofree char *path = g_strconcat (STAFF_PREENROLMENTS, query, NULL);
  g_autoptr(TuttiTestReply) reply = get (path, staff_token);
  JsonArray *array;

  g_assert_cmpuint (reply->status, ==, 200);
  array = tutti_test_reply_array (reply);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (json_object_get_int_member (json_array_get_object_element (array, i), "id") == id)
      return TRUE;
  return FALSE;
}

static void
test_staff_accept (void)
{
  gint64 id = submit_one ("Accordéoniste", 7, accordion_id);
  g_autoptr(TuttiOfferItem) before = get_offer_item (accordion_id);
  g_autoptr(TuttiOfferItem) after = NULL;
  g_autofree char *detail_path = staff_path (id, NULL);
  g_autofree char *accept_path = staff_path (id, "/accept");
  g_autofree char *family_path = preenrolment_path (id);
  g_autofree char *pupil_path = NULL;
  g_autofree char *courses_path = NULL;
  g_autofree char *birth = birth_date_for_age (7);
  g_autoptr(TuttiTestReply) detail = get (detail_path, staff_token);
  g_autoptr(TuttiTestReply) accepted = NULL;
  g_autoptr(TuttiTestReply) again = NULL;
  g_autoptr(TuttiTestReply) home_reply = NULL;
  g_autoptr(TuttiTestReply) pupil_reply = NULL;
  g_autoptr(TuttiTestReply) courses_reply = NULL;
  g_autoptr(TuttiTestReply) family_reply = NULL;
  g_autoptr(TuttiTestReply) bad_state = NULL;
  g_autoptr(TuttiHome) home = NULL;
  g_autoptr(TuttiPupil) pupil = NULL;
  g_autoptr(TuttiPreenrolment) outcome = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonArray *courses;
  gint64 pupil_id = 0;
  gboolean seen_course = FALSE;

  g_assert_true (staff_list_has ("", id));
  g_assert_true (staff_list_has ("?state=submitted", id));
  g_assert_false (staff_list_has ("?state=accepted", id));
  bad_state = get (STAFF_PREENROLMENTS "?state=pending", staff_token);
  tutti_test_assert_fields (bad_state, 422, "invalid", "state", NULL);

  /* The office opens the request: the family, guardian 1, the pupils. */
  g_assert_cmpuint (detail->status, ==, 200);
  object = tutti_test_reply_object (detail);
  g_assert_cmpstr (json_object_get_string_member (object, "family_name"), ==, "Z-TEST");
  g_assert_cmpstr (json_object_get_string_member (object, "email"), ==, ZTEST_EMAIL);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "submitted");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "pupils")), ==, 1);

  accepted = post (accept_path, staff_token, NULL);
  g_assert_cmpuint (accepted->status, ==, 200);
  object = tutti_test_reply_object (accepted);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "accepted");
  g_assert_nonnull (json_object_get_string_member (object, "decided_at"));
  g_assert_true (staff_list_has ("?state=accepted", id));
  g_assert_false (staff_list_has ("?state=submitted", id));

  /* Once only; the place is taken. */
  again = post (accept_path, staff_token, NULL);
  tutti_test_assert_error (again, 409, "conflict");
  after = get_offer_item (accordion_id);
  g_assert_cmpint (after->places_left, ==, before->places_left - 1);

  /* The family sees the outcome, and its new pupil with the course. */
  family_reply = get (family_path, ztest_token);
  outcome = preenrolment_from_reply (family_reply, 200);
  g_assert_cmpint (outcome->state, ==, TUTTI_PREENROLMENT_ACCEPTED);

  home_reply = get (TUTTI_API_HOME, ztest_token);
  g_assert_cmpuint (home_reply->status, ==, 200);
  home = tutti_home_from_json (home_reply->json, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < home->pupils->len; i++)
    {
      TuttiHomePupil *home_pupil = g_ptr_array_index (home->pupils, i);

      if (g_strcmp0 (home_pupil->first_name, "Accordéoniste") == 0)
        pupil_id = home_pupil->id;
    }
  g_assert_cmpint (pupil_id, >, 0);

  pupil_path = g_strdup_printf (TUTTI_API_PUPIL_FMT, pupil_id);
  pupil_reply = get (pupil_path, ztest_token);
  g_assert_cmpuint (pupil_reply->status, ==, 200);
  pupil = tutti_pupil_from_json (pupil_reply->json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pupil->surname, ==, "Z-TEST");
  g_assert_cmpstr (pupil->birth_date, ==, birth);
  g_assert_cmpint (pupil->civility, ==, TUTTI_CIVILITY_MRS);
  g_assert_true (pupil->use_guardian_contact);
  g_assert_cmpstr (pupil->postcode, ==, "35500");

  courses_path = g_strdup_printf (TUTTI_API_PUPIL_COURSES_FMT, pupil_id);
  courses_reply = get (courses_path, ztest_token);
  g_assert_cmpuint (courses_reply->status, ==, 200);
  courses = tutti_test_reply_array (courses_reply);
  for (guint i = 0; i < json_array_get_length (courses); i++)
    {
      g_autoptr(TuttiCourse) course = NULL;

      course = tutti_course_from_json (json_array_get_element (courses, i), &error);

      g_assert_no_error (error);
      if (g_strcmp0 (course->name, "Accordéon chromatique") == 0)
        {
          g_assert_cmpstr (course->site, ==, "Argentré-du-Plessis");
          g_assert_cmpstr (course->cursus, ==, "Cursus classique");
          g_assert_true (course->active);
          seen_course = TRUE;
        }
    }
  g_assert_true (seen_course);

  /* Another family does not see it. */
  {
    g_autoptr(TuttiTestReply) foreign = get (pupil_path, cmartin_token);

    tutti_test_assert_error (foreign, 404, "not-found");
  }
}

static void
test_staff_refuse (void)
{
  gint64 id = submit_one ("Refusée", 9, piano_id);
  g_autofree char *refuse_path = staff_path (id, "/refuse");
  g_autofree char *accept_path = staff_path (id, "/accept");
  g_autofree char *family_path = preenrolment_path (id);
  g_autoptr(TuttiTestReply) no_reason = NULL;
  g_autoptr(TuttiTestReply) refused = NULL;
  g_autoptr(TuttiTestReply) accept = NULL;
  g_autoptr(TuttiTestReply) family_reply = NULL;
  g_autoptr(TuttiTestReply) missing = NULL;
  g_autoptr(TuttiPreenrolment) outcome = NULL;
  JsonObject *object;

  no_reason = post (refuse_path, staff_token, "{\"reason\": \"  \"}");
  tutti_test_assert_fields (no_reason, 422, "invalid", "reason", NULL);

  refused = post (refuse_path, staff_token, "{\"reason\": \"Classe de piano complète à Vitré\"}");
  g_assert_cmpuint (refused->status, ==, 200);
  object = tutti_test_reply_object (refused);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "refused");
  g_assert_cmpstr (json_object_get_string_member (object, "reason"), ==,
                   "Classe de piano complète à Vitré");

  accept = post (accept_path, staff_token, NULL);
  tutti_test_assert_error (accept, 409, "conflict");

  family_reply = get (family_path, ztest_token);
  outcome = preenrolment_from_reply (family_reply, 200);
  g_assert_cmpint (outcome->state, ==, TUTTI_PREENROLMENT_REFUSED);
  g_assert_cmpstr (outcome->reason, ==, "Classe de piano complète à Vitré");

  missing = post (STAFF_PREENROLMENTS "/999999/refuse", staff_token, "{\"reason\": \"Non\"}");
  tutti_test_assert_error (missing, 404, "not-found");
}

/* PATCH /staff/campaigns/{id} {"open": @open}: the office's campaign
 * routes (STAFF-3), for pre-enrolment as for re-enrolment. */
static TuttiTestReply *
set_campaign_open (gboolean open)
{
  g_autofree char *path = g_strdup_printf (STAFF_CAMPAIGNS "/%" G_GINT64_FORMAT, campaign_id);

  return request_full ("PATCH", path, staff_token, open ? "{\"open\": true}" : "{\"open\": false}",
                       NULL, NULL);
}

/* The campaign closes, then opens again for the tests that follow. */
static void
test_closed_campaign (void)
{
  g_autoptr(TuttiPreenrolment) request = new_request (ztest_token, ZTEST_EMAIL);
  g_autoptr(TuttiTestReply) closed = NULL;
  g_autoptr(TuttiTestReply) refused = NULL;
  g_autoptr(TuttiTestReply) offer = NULL;
  g_autoptr(TuttiTestReply) question = NULL;
  g_autoptr(TuttiTestReply) home_reply = NULL;
  g_autoptr(TuttiTestReply) family_list = NULL;
  g_autoptr(TuttiTestReply) opened = NULL;
  g_autoptr(TuttiTestReply) offer_again = NULL;
  g_autoptr(TuttiTestReply) saved = NULL;
  g_autoptr(TuttiHome) home = NULL;
  g_autoptr(GError) error = NULL;
  guint before = count_requests (ztest_token);

  g_ptr_array_add (request->pupils, new_pupil ("Tardive", 8, piano_id, (gint64) 0));

  closed = set_campaign_open (FALSE);
  g_assert_cmpuint (closed->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (closed), "kind"), ==, "preenrolment");
  g_assert_false (json_object_get_boolean_member (tutti_test_reply_object (closed), "open"));

  refused = submit (ztest_token, request, NULL);
  tutti_test_assert_error (refused, 409, "campaign-closed");
  offer = get (TUTTI_API_OFFER, ztest_token);
  tutti_test_assert_error (offer, 409, "campaign-closed");
  question = get (QUESTION_PATH, ztest_token);
  tutti_test_assert_error (question, 409, "campaign-closed");
  g_assert_cmpuint (count_requests (ztest_token), ==, before);

  /* HOME-4: no "Make a new request" while it is closed; the requests made
   * stay readable. */
  home_reply = get (TUTTI_API_HOME, ztest_token);
  home = tutti_home_from_json (home_reply->json, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < home->campaigns->len; i++)
    g_assert_cmpint (((TuttiCampaign *) g_ptr_array_index (home->campaigns, i))->kind, !=,
                     TUTTI_CAMPAIGN_PREENROLMENT);
  family_list = get (TUTTI_API_PREENROLMENTS, ztest_token);
  g_assert_cmpuint (family_list->status, ==, 200);

  opened = set_campaign_open (TRUE);
  g_assert_cmpuint (opened->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (tutti_test_reply_object (opened), "open"));
  offer_again = get (TUTTI_API_OFFER, ztest_token);
  g_assert_cmpuint (offer_again->status, ==, 200);

  /* The request sent while closed kept its question. */
  saved = submit (ztest_token, request, NULL);
  g_assert_cmpuint (saved->status, ==, 201);
  g_assert_cmpuint (count_requests (ztest_token), ==, before + 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/preenrolment/offer", test_offer);
  g_test_add_func ("/preenrolment/question", test_question);
  g_test_add_func ("/preenrolment/submit", test_submit);
  g_test_add_func ("/preenrolment/guardian-1", test_guardian_1);
  g_test_add_func ("/preenrolment/conditions", test_conditions);
  g_test_add_func ("/preenrolment/antispam", test_antispam);
  g_test_add_func ("/preenrolment/email-mismatch", test_email_mismatch);
  g_test_add_func ("/preenrolment/consent", test_consent);
  g_test_add_func ("/preenrolment/question-reused", test_question_reused);
  g_test_add_func ("/preenrolment/idempotency", test_idempotency);
  g_test_add_func ("/preenrolment/foreign", test_foreign);
  g_test_add_func ("/preenrolment/staff/forbidden", test_staff_forbidden);
  g_test_add_func ("/preenrolment/staff/accept", test_staff_accept);
  g_test_add_func ("/preenrolment/staff/refuse", test_staff_refuse);
  g_test_add_func ("/preenrolment/closed-campaign", test_closed_campaign);

  server = tutti_test_server_start (TRUE, NULL);
  ztest_token = tutti_test_login_token (server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  cmartin_token = tutti_test_login_token (server, "cmartin", TUTTI_TEST_FAMILY_PASSWORD);
  pmartin_token = tutti_test_login_token (server, "pmartin", TUTTI_TEST_FAMILY_PASSWORD);
  staff_token = tutti_test_login_token (server, "secretariat", TUTTI_TEST_STAFF_PASSWORD);
  find_offer ();

  status = g_test_run ();

  tutti_test_server_stop (server);
  g_free (ztest_token);
  g_free (cmartin_token);
  g_free (pmartin_token);
  g_free (staff_token);
  return status;
}
