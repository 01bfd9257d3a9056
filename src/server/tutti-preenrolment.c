/* tutti-preenrolment.c — the offer and pre-enrolment of new pupils (PRE-1..4, STAFF-3, STAFF-4)
 *
 * A family reads the school's offer for next year (GET /offer), asks for
 * an anti-spam question (GET /preenrolments/question) and sends one
 * request for one or more new pupils with their chosen disciplines (POST
 * /preenrolments). The server checks everything again: the pupils'
 * fields, that each choice is in the open campaign's offer with a place
 * left and an age that fits on 31 December of the school year, guardian
 * 1's e-mail typed again, the answer to its own question, the consent.
 * A saved request is acknowledged by e-mail (PRE-4, MAIL-1) and waits for
 * the office, which accepts it — the new pupils join the family with their
 * courses — or refuses it with a reason (STAFF-4). The family reads its
 * requests and their outcome with GET /preenrolments. The office opens and
 * closes the campaign as any other, with /staff/campaigns (STAFF-3,
 * tutti-campaigns.c): outside it, the offer, the question and new requests
 * answer 409 campaign-closed.
 *
 * The anti-spam question's id is 256 random bits; its answer stays in
 * antispam_challenges, tied to the account, for an hour. A wrong answer
 * spends the question, so that it cannot be tried again; a saved request
 * spends it too. A request refused for another reason keeps it, so that
 * the family can correct and send again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "tutti-accounts.h"
#include "tutti-family.h"
#include "tutti-home.h"
#include "tutti-idempotency.h"
#include "tutti-password.h"
#include "tutti-preenrolment.h"

/* ---- Texts ------------------------------------------------------------------ */

static const TuttiText msg_not_offered = {
  "This discipline is not in the offer of the pre-enrolment campaign.",
  "Cette discipline ne fait pas partie de l’offre de la campagne de pré-inscription.",
};
static const TuttiText msg_chosen_twice = {
  "This discipline is already chosen for this pupil.",
  "Cette discipline est déjà choisie pour cet élève.",
};
static const TuttiText msg_full = {
  "There is no place left in this class.",
  "Il n’y a plus de place dans ce cours.",
};
static const TuttiText msg_too_many_pupils = {
  "A request holds at most 10 pupils.",
  "Une demande compte au plus 10 élèves.",
};
static const TuttiText msg_too_many_choices = {
  "Choose at most 5 disciplines for one pupil.",
  "Choisissez au plus 5 disciplines pour un élève.",
};
static const TuttiText msg_born_later = {
  "The date of birth cannot be after today.",
  "La date de naissance ne peut pas être postérieure à aujourd’hui.",
};
static const TuttiText msg_born_long_ago = {
  "Enter a date of birth after 1900.",
  "Saisissez une date de naissance postérieure à 1900.",
};
static const TuttiText msg_email_mismatch = {
  "This address is not guardian 1’s e-mail.",
  "Cette adresse ne correspond pas à l’e-mail du responsable 1.",
};
static const TuttiText msg_wrong_answer = {
  "This is not the right answer. Answer the new question.",
  "Ce n’est pas la bonne réponse. Répondez à la nouvelle question.",
};
static const TuttiText msg_question_spent = {
  "This question has expired or was already answered. Answer the new question.",
  "Cette question a expiré ou a déjà reçu une réponse. Répondez à la nouvelle question.",
};
static const TuttiText msg_consent = {
  "Tick “I accept” to save the request.",
  "Cochez « J’accepte » pour enregistrer la demande.",
};
static const TuttiText msg_decided = {
  "This request has already been answered.",
  "Cette demande a déjà reçu une réponse.",
};
static const TuttiText msg_choose_state = {
  "Choose \"submitted\", \"accepted\" or \"refused\".",
  "Choisissez « submitted », « accepted » ou « refused ».",
};

/* PRE-4: the confirmation e-mail. */
static const TuttiText mail_subject = {
  "Confirmation of receipt - Pre-enrolment request",
  "Confirmation de prise en compte - Demande de pré-inscription",
};
static const TuttiText mail_greeting = { "Hello", "Bonjour" };
static const TuttiText mail_born = { "born on", "né(e) le" };
static const TuttiText mail_outro = {
  "Only the school can confirm the enrolment, at the latest at the end of August.",
  "Seul le conservatoire pourra vous confirmer, au plus tard fin août, la validation "
  "de la demande d’inscription.",
};
static const TuttiText mail_contact = {
  "For any request contact the office: ",
  "Pour toute demande contacter le secrétariat : ",
};

/* ---- Helpers ------------------------------------------------------------------ */

/* The caller's family; 0 for staff, who have none (404, as on the family's
 * other routes). */
static gint64
caller_family_id (TuttiRequest *request)
{
  TuttiAccount *account = tutti_request_get_account (request);

  return account != NULL && account->role == TUTTI_ROLE_FAMILY && account->family_id > 0
         ? account->family_id : 0;
}

static void
reply_error_or_not_found (TuttiRequest *request,
                          const GError *error)
{
  if (error != NULL)
    tutti_request_reply_error (request, error);
  else
    tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
}

/* [records…], as GET /sites answers a list. */
static void
reply_list (TuttiRequest      *request,
            const TuttiSchema *schema,
            GPtrArray         *records)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < records->len; i++)
    json_array_add_element (array, tutti_record_to_json (schema, g_ptr_array_index (records, i)));
  json_node_set_array (node, array);
  tutti_request_reply_json (request, SOUP_STATUS_OK, node);
}

/* 422 invalid naming each of @fields (key → message). */
static void
reply_invalid (TuttiRequest *request,
               GHashTable   *fields)
{
  g_autoptr(GError) error = tutti_request_error_new (request, TUTTI_API_ERROR_INVALID);
  GHashTableIter iter;
  gpointer key, message;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &message))
    tutti_api_error_add_field (error, key, message);
  tutti_request_reply_error (request, error);
}

/* Adds @message for @key unless the key already has one. */
static void
add_field (GHashTable *fields,
           const char *key,
           const char *message)
{
  if (!g_hash_table_contains (fields, key))
    g_hash_table_insert (fields, g_strdup (key), g_strdup (message));
}

static GHashTable *
fields_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static char *
now_iso (void)
{
  return tutti_iso_from_seconds (tutti_now_seconds ());
}

/* 2027 for "2027/2028"; 0 when it is not a school year. */
static int
school_year_start (const char *school_year)
{
  g_autofree char *first_text = NULL;
  guint64 first, second;

  if (school_year == NULL || strlen (school_year) != 9 || school_year[4] != '/' ||
      strspn (school_year, "0123456789") != 4 || strspn (school_year + 5, "0123456789") != 4)
    return 0;
  first_text = g_strndup (school_year, 4);
  if (!g_ascii_string_to_unsigned (first_text, 10, 1900, 9998, &first, NULL) ||
      !g_ascii_string_to_unsigned (school_year + 5, 10, 1901, 9999, &second, NULL) ||
      second != first + 1)
    return 0;
  return (int) first;
}

/* Guardian 1 of the family: the first one, to whom the school writes. */
static TuttiGuardian *
load_guardian_1 (TuttiStore  *store,
                 gint64       family_id,
                 GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_GUARDIANS,
                                     "WHERE family_id = ? ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  rows = tutti_store_read_records (store, TUTTI_TABLE_GUARDIANS, stmt, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    return tutti_guardian_new ();
  return g_ptr_array_steal_index (rows, 0);
}

static TuttiSchool *
load_school (TuttiStore  *store,
             GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_SCHOOL, "WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  rows = tutti_store_read_records (store, TUTTI_TABLE_SCHOOL, stmt, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    return tutti_school_new ();
  return g_ptr_array_steal_index (rows, 0);
}

/* ---- Campaigns ------------------------------------------------------------------ */

/* The pre-enrolment campaign open now, or %NULL (with @error unset when
 * none is open). */
static TuttiCampaign *
load_open_campaign (TuttiStore  *store,
                    GError     **error)
{
  g_autoptr(GPtrArray) campaigns = tutti_home_open_campaigns (store, error);

  if (campaigns == NULL)
    return NULL;
  for (guint i = 0; i < campaigns->len; i++)
    {
      TuttiCampaign *campaign = g_ptr_array_index (campaigns, i);

      if (campaign->kind == TUTTI_CAMPAIGN_PREENROLMENT)
        return g_ptr_array_steal_index (campaigns, i);
    }
  return NULL;
}

static GPtrArray *
load_offer_items (TuttiStore  *store,
                  gint64       campaign_id,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_OFFER_ITEMS,
                                     "WHERE campaign_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return tutti_store_read_records (store, TUTTI_TABLE_OFFER_ITEMS, stmt, error);
}

/* One item of the offer; with @campaign_id > 0, only of that campaign. */
static TuttiOfferItem *
load_offer_item (TuttiStore  *store,
                 gint64       id,
                 gint64       campaign_id,
                 GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_OFFER_ITEMS,
                                     campaign_id > 0 ? "WHERE id = ? AND campaign_id = ?"
                                                     : "WHERE id = ?",
                                     error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (campaign_id > 0)
    sqlite3_bind_int64 (stmt, 2, campaign_id);
  rows = tutti_store_read_records (store, TUTTI_TABLE_OFFER_ITEMS, stmt, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

/* Each distinct non-empty value, in the order met. */
static char **
distinct_values (GPtrArray *items,
                 gsize      offset)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < items->len; i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, g_ptr_array_index (items, i), offset);

      if (tutti_is_blank (value) || !g_hash_table_add (seen, (gpointer) value))
        continue;
      g_strv_builder_add (builder, value);
    }
  return g_strv_builder_end (builder);
}

/* ---- GET /offer (PRE-1) ------------------------------------------------------ */

static void
offer_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(TuttiOffer) offer = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  int year;

  campaign = load_open_campaign (store, &error);
  if (campaign == NULL)
    {
      if (error != NULL)
        tutti_request_reply_error (request, error);
      else
        tutti_request_reply_code (request, TUTTI_API_ERROR_CAMPAIGN_CLOSED);
      return;
    }
  items = load_offer_items (store, campaign->id, &error);
  if (items == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  offer = tutti_offer_new ();
  offer->campaign_id = campaign->id;
  offer->school_year = g_strdup (campaign->school_year);
  offer->deadline = g_strdup (campaign->deadline);
  year = school_year_start (campaign->school_year);
  if (year > 0)
    offer->age_date = g_strdup_printf ("%04d-12-31", year);
  offer->disciplines = distinct_values (items, G_STRUCT_OFFSET (TuttiOfferItem, discipline));
  offer->sites = distinct_values (items, G_STRUCT_OFFSET (TuttiOfferItem, site));
  offer->cursus = distinct_values (items, G_STRUCT_OFFSET (TuttiOfferItem, cursus));
  g_clear_pointer (&offer->items, g_ptr_array_unref);
  offer->items = g_steal_pointer (&items);

  tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_offer_schema, offer);
}

/* ---- GET /preenrolments/question (PRE-3) ---------------------------------------- */

typedef struct
{
  char *question_fr;
  char *question_en;
  char *answer;
} Question;

static void
question_clear (Question *question)
{
  g_clear_pointer (&question->question_fr, g_free);
  g_clear_pointer (&question->question_en, g_free);
  g_clear_pointer (&question->answer, g_free);
}

/* One of the school's questions (table antispam_questions) at random, or
 * a sum of two numbers when it has none. */
static gboolean
pick_question (TuttiStore  *store,
               Question    *question,
               GError     **error)
{
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store,
                              "SELECT question, question_en, answer FROM antispam_questions "
                              "WHERE answer IS NOT NULL AND answer != '' "
                              "ORDER BY random() LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (tutti_store_step (store, stmt, &local_error))
    {
      question->question_fr = tutti_store_column_dup (stmt, 0);
      question->question_en = tutti_store_column_dup (stmt, 1);
      question->answer = tutti_store_column_dup (stmt, 2);
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  {
    int a = g_random_int_range (2, 16);
    int b = g_random_int_range (10, 40);

    question->question_fr = g_strdup_printf ("Combien font %d et %d ?", a, b);
    question->question_en = g_strdup_printf ("What is %d plus %d?", a, b);
    question->answer = g_strdup_printf ("%d", a + b);
  }
  return TRUE;
}

static void
question_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiAccount *account = tutti_request_get_account (request);
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(TuttiAntispamQuestion) reply = tutti_antispam_question_new ();
  g_autoptr(GError) error = NULL;
  Question question = { NULL, NULL, NULL };
  gint64 now = tutti_now_seconds ();
  sqlite3_stmt *stmt;

  if (caller_family_id (request) == 0)
    {
      reply_error_or_not_found (request, NULL);
      return;
    }
  campaign = load_open_campaign (store, &error);
  if (campaign == NULL)
    {
      if (error != NULL)
        tutti_request_reply_error (request, error);
      else
        tutti_request_reply_code (request, TUTTI_API_ERROR_CAMPAIGN_CLOSED);
      return;
    }

  reply->id = tutti_token_generate (&error);
  if (reply->id == NULL || !pick_question (store, &question, &error))
    goto failed;
  reply->question = g_strdup (tutti_request_get_lang (request) == TUTTI_LANG_EN &&
                              !tutti_is_blank (question.question_en)
                              ? question.question_en : question.question_fr);

  if (!tutti_store_begin (store, &error))
    goto failed;

  /* Expired questions go; an account keeps its latest few only. */
  stmt = tutti_store_prepare (store, "DELETE FROM antispam_challenges WHERE expires_at <= ?", &error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, now);
  if (!tutti_store_run (store, stmt, &error))
    goto rollback;
  stmt = tutti_store_prepare (store,
                              "DELETE FROM antispam_challenges WHERE account_id = ?1 AND id NOT IN "
                              "(SELECT id FROM antispam_challenges WHERE account_id = ?1 "
                              " ORDER BY created_at DESC, rowid DESC LIMIT ?2)",
                              &error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, account->id);
  sqlite3_bind_int (stmt, 2, TUTTI_PREENROLMENT_MAX_QUESTIONS - 1);
  if (!tutti_store_run (store, stmt, &error))
    goto rollback;

  stmt = tutti_store_prepare (store,
                              "INSERT INTO antispam_challenges (id, account_id, answer, created_at, "
                              "expires_at) VALUES (?, ?, ?, ?, ?)",
                              &error);
  if (stmt == NULL)
    goto rollback;
  tutti_store_bind_text (stmt, 1, reply->id);
  sqlite3_bind_int64 (stmt, 2, account->id);
  tutti_store_bind_text (stmt, 3, question.answer);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, now + TUTTI_PREENROLMENT_QUESTION_SECONDS);
  if (!tutti_store_run (store, stmt, &error) || !tutti_store_commit (store, &error))
    goto rollback;

  question_clear (&question);
  tutti_request_set_header (request, "Cache-Control", "no-store");
  tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_antispam_question_schema, reply);
  return;

rollback:
  tutti_store_rollback (store);
failed:
  question_clear (&question);
  tutti_request_reply_error (request, error);
}

typedef enum
{
  ANSWER_RIGHT,
  ANSWER_WRONG,
  ANSWER_SPENT,           /* unknown, another account's, expired or used */
} AnswerCheck;

/* Whether @given answers @expected: the same whole number, or the same
 * text without regard to case and surrounding space. */
static gboolean
answer_matches (const char *expected,
                const char *given)
{
  g_autofree char *a = g_strstrip (g_strdup (expected != NULL ? expected : ""));
  g_autofree char *b = g_strstrip (g_strdup (given != NULL ? given : ""));
  g_autofree char *a_folded = NULL;
  g_autofree char *b_folded = NULL;
  gint64 a_number, b_number;

  if (*a == '\0' || *b == '\0')
    return FALSE;
  if (g_ascii_string_to_signed (a, 10, G_MININT32, G_MAXINT32, &a_number, NULL) &&
      g_ascii_string_to_signed (b, 10, G_MININT32, G_MAXINT32, &b_number, NULL))
    return a_number == b_number;
  a_folded = g_utf8_casefold (a, -1);
  b_folded = g_utf8_casefold (b, -1);
  return g_strcmp0 (a_folded, b_folded) == 0;
}

/* Checks the answer to the account's question @id; a wrong answer spends
 * the question (in the caller's transaction). */
static gboolean
check_answer (TuttiStore   *store,
              gint64        account_id,
              const char   *id,
              const char   *given,
              gint64        now,
              AnswerCheck  *check,
              GError      **error)
{
  GError *local_error = NULL;
  g_autofree char *expected = NULL;
  gboolean spent;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store,
                              "SELECT answer, expires_at, used_at FROM antispam_challenges "
                              "WHERE id = ? AND account_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  tutti_store_bind_text (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  if (!tutti_store_step (store, stmt, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      *check = ANSWER_SPENT;
      return TRUE;
    }
  expected = tutti_store_column_dup (stmt, 0);
  spent = sqlite3_column_int64 (stmt, 1) <= now || sqlite3_column_type (stmt, 2) != SQLITE_NULL;
  sqlite3_reset (stmt);

  if (spent)
    *check = ANSWER_SPENT;
  else if (answer_matches (expected, given))
    *check = ANSWER_RIGHT;
  else
    *check = ANSWER_WRONG;
  return TRUE;
}

static gboolean
spend_question (TuttiStore  *store,
                const char  *id,
                gint64       now,
                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store, "UPDATE antispam_challenges SET used_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  tutti_store_bind_text (stmt, 2, id);
  return tutti_store_run (store, stmt, error);
}

/* ---- Reading requests ------------------------------------------------------------ */

/* The pupils of request @id, each with its choices. */
static gboolean
load_new_pupils (TuttiStore          *store,
                 gint64               id,
                 TuttiPreenrolment   *preenrolment,
                 GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) pupils = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store,
                              "SELECT id FROM preenrolment_pupils WHERE preenrolment_id = ? ORDER BY id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (tutti_store_step (store, stmt, &local_error))
    {
      gint64 pupil_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, pupil_id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_PREENROLMENT_PUPILS,
                                     "WHERE preenrolment_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  pupils = tutti_store_read_records (store, TUTTI_TABLE_PREENROLMENT_PUPILS, stmt, error);
  if (pupils == NULL)
    return FALSE;
  /* Both read on one connection, with no write between them. */
  if (pupils->len != ids->len)
    {
      g_set_error (error, TUTTI_STORE_ERROR, TUTTI_STORE_ERROR_FAILED,
                   "The pupils of request %" G_GINT64_FORMAT " changed while read", id);
      return FALSE;
    }

  for (guint i = 0; i < pupils->len; i++)
    {
      TuttiNewPupil *pupil = g_ptr_array_index (pupils, i);
      GPtrArray *choices;

      stmt = tutti_store_prepare_select (store, TUTTI_TABLE_PREENROLMENT_CHOICES,
                                         "WHERE new_pupil_id = ? ORDER BY id", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      choices = tutti_store_read_records (store, TUTTI_TABLE_PREENROLMENT_CHOICES, stmt, error);
      if (choices == NULL)
        return FALSE;
      g_clear_pointer (&pupil->choices, g_ptr_array_unref);
      pupil->choices = choices;
    }

  g_clear_pointer (&preenrolment->pupils, g_ptr_array_unref);
  preenrolment->pupils = g_steal_pointer (&pupils);
  return TRUE;
}

/* Request @id with its pupils and choices; with @family_id > 0, only when
 * it is that family's. %NULL with @error unset when there is none. */
static TuttiPreenrolment *
load_preenrolment (TuttiStore  *store,
                   gint64       id,
                   gint64       family_id,
                   GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TuttiPreenrolment) preenrolment = NULL;
  sqlite3_stmt *stmt;

  if (id <= 0)
    return NULL;
  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_PREENROLMENTS,
                                     family_id > 0 ? "WHERE id = ? AND family_id = ?" : "WHERE id = ?",
                                     error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (family_id > 0)
    sqlite3_bind_int64 (stmt, 2, family_id);
  rows = tutti_store_read_records (store, TUTTI_TABLE_PREENROLMENTS, stmt, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  preenrolment = g_ptr_array_steal_index (rows, 0);
  if (!load_new_pupils (store, id, preenrolment, error))
    return NULL;
  /* The answers of the confirmation page are not given back. */
  g_clear_pointer (&preenrolment->antispam_id, g_free);
  g_clear_pointer (&preenrolment->antispam_answer, g_free);
  return g_steal_pointer (&preenrolment);
}

/* The ids of @sql's rows (one bound integer, or none when @value is 0, or
 * one bound text). */
static GArray *
load_ids (TuttiStore  *store,
          const char  *sql,
          gint64       value,
          const char  *text,
          GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (value > 0)
    sqlite3_bind_int64 (stmt, 1, value);
  else if (text != NULL)
    tutti_store_bind_text (stmt, 1, text);
  while (tutti_store_step (store, stmt, &local_error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* ---- GET /preenrolments, GET /preenrolments/{id} (HOME-4) ------------------------ */

GPtrArray *
tutti_preenrolment_list (TuttiStore  *store,
                         gint64       family_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) list = tutti_record_list_new (&tutti_preenrolment_schema);
  g_autoptr(GArray) ids = NULL;

  if (family_id <= 0)
    return g_steal_pointer (&list);
  ids = load_ids (store, "SELECT id FROM preenrolments WHERE family_id = ? ORDER BY id DESC",
                  family_id, NULL, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      GError *local_error = NULL;
      TuttiPreenrolment *preenrolment;

      preenrolment = load_preenrolment (store, g_array_index (ids, gint64, i), family_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (preenrolment != NULL)
        g_ptr_array_add (list, preenrolment);
    }
  return g_steal_pointer (&list);
}

static void
preenrolments_get (TuttiRequest *request)
{
  gint64 family_id = caller_family_id (request);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  if (family_id == 0)
    {
      reply_error_or_not_found (request, NULL);
      return;
    }
  list = tutti_preenrolment_list (tutti_request_get_store (request), family_id, &error);
  if (list == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  reply_list (request, &tutti_preenrolment_schema, list);
}

static void
preenrolment_get (TuttiRequest *request)
{
  gint64 family_id = caller_family_id (request);
  gint64 id = tutti_family_parse_id (tutti_request_get_param (request, "id"));
  g_autoptr(TuttiPreenrolment) preenrolment = NULL;
  g_autoptr(GError) error = NULL;

  if (family_id > 0)
    preenrolment = load_preenrolment (tutti_request_get_store (request), id, family_id, &error);
  if (preenrolment == NULL)
    reply_error_or_not_found (request, error);
  else
    tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_preenrolment_schema, preenrolment);
}

/* ---- POST /preenrolments (PRE-1..4) -------------------------------------------- */

/* "Ouvert à partir de 7 ans (âge au 31/12/2027) ; l’élève aura 5 ans." */
static char *
age_message (const TuttiOfferItem *item,
             int                   age,
             const char           *age_date,
             TuttiLang             lang)
{
  g_autofree char *date = tutti_format_date (age_date, lang);
  g_autofree char *rule = NULL;
  gboolean has_min = item->min_age != TUTTI_NO_VALUE;
  gboolean has_max = item->max_age != TUTTI_NO_VALUE;

  if (lang == TUTTI_LANG_FR)
    {
      if (has_min && has_max)
        rule = g_strdup_printf ("Ouvert de %" G_GINT64_FORMAT " à %" G_GINT64_FORMAT " ans",
                                item->min_age, item->max_age);
      else if (has_min)
        rule = g_strdup_printf ("Ouvert à partir de %" G_GINT64_FORMAT " ans", item->min_age);
      else
        rule = g_strdup_printf ("Ouvert jusqu’à %" G_GINT64_FORMAT " ans", item->max_age);
      return g_strdup_printf ("%s (âge au %s) ; l’élève aura %d an%s.", rule, date, age,
                              age > 1 ? "s" : "");
    }

  if (has_min && has_max)
    rule = g_strdup_printf ("Open from age %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                            item->min_age, item->max_age);
  else if (has_min)
    rule = g_strdup_printf ("Open from age %" G_GINT64_FORMAT, item->min_age);
  else
    rule = g_strdup_printf ("Open up to age %" G_GINT64_FORMAT, item->max_age);
  return g_strdup_printf ("%s (age on %s); the pupil will be %d.", rule, date, age);
}

/* Checks each pupil's date of birth and choices against the campaign's
 * offer, naming each fault ("pupils.0.choices.1"), and gives each choice
 * the offer's label. */
static gboolean
check_pupils (TuttiStore          *store,
              const TuttiCampaign *campaign,
              TuttiPreenrolment   *body,
              GHashTable          *fields,
              TuttiLang            lang,
              GError             **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *age_date = NULL;
  int start_year = school_year_start (campaign->school_year);

  age_date = g_strdup_printf ("%04d-12-31", start_year);
  if (body->pupils->len > TUTTI_PREENROLMENT_MAX_PUPILS)
    add_field (fields, "pupils", tutti_text_get (&msg_too_many_pupils, lang));

  for (guint i = 0; i < body->pupils->len && i < TUTTI_PREENROLMENT_MAX_PUPILS; i++)
    {
      TuttiNewPupil *pupil = g_ptr_array_index (body->pupils, i);
      g_autofree char *birth_key = g_strdup_printf ("pupils.%u.birth_date", i);
      int year = 0, month, day;
      int age = -1;

      if (!g_hash_table_contains (fields, birth_key) &&
          tutti_parse_date (pupil->birth_date, &year, &month, &day))
        {
          if (strcmp (pupil->birth_date, today) > 0)
            add_field (fields, birth_key, tutti_text_get (&msg_born_later, lang));
          else if (year < 1900)
            add_field (fields, birth_key, tutti_text_get (&msg_born_long_ago, lang));
          else if (start_year > 0)
            age = tutti_age_on_date (pupil->birth_date, age_date);
        }

      if (pupil->choices->len > TUTTI_PREENROLMENT_MAX_CHOICES)
        {
          g_autofree char *key = g_strdup_printf ("pupils.%u.choices", i);

          add_field (fields, key, tutti_text_get (&msg_too_many_choices, lang));
          continue;
        }

      for (guint j = 0; j < pupil->choices->len; j++)
        {
          TuttiPreenrolmentChoice *choice = g_ptr_array_index (pupil->choices, j);
          g_autofree char *key = g_strdup_printf ("pupils.%u.choices.%u", i, j);
          g_autoptr(TuttiOfferItem) item = NULL;
          gboolean twice = FALSE;

          item = load_offer_item (store, choice->offer_id, campaign->id, error);
          if (item == NULL)
            {
              if (error != NULL && *error != NULL)
                return FALSE;
              add_field (fields, key, tutti_text_get (&msg_not_offered, lang));
              continue;
            }
          g_free (choice->label);
          choice->label = tutti_offer_item_label (item, lang);

          for (guint k = 0; k < j; k++)
            {
              const TuttiPreenrolmentChoice *earlier = g_ptr_array_index (pupil->choices, k);

              twice = twice || earlier->offer_id == choice->offer_id;
            }
          if (twice)
            add_field (fields, key, tutti_text_get (&msg_chosen_twice, lang));
          else if (age >= 0 && !tutti_offer_item_accepts_age (item, pupil->birth_date, age_date))
            {
              g_autofree char *message = age_message (item, age, age_date, lang);

              add_field (fields, key, message);
            }
          else if (item->places_left != TUTTI_NO_VALUE && item->places_left <= 0)
            add_field (fields, key, tutti_text_get (&msg_full, lang));
        }
    }
  return TRUE;
}

/* Whether @typed is @email, without regard to case and surrounding space. */
static gboolean
same_email (const char *typed,
            const char *email)
{
  g_autofree char *a = g_strstrip (g_strdup (typed != NULL ? typed : ""));
  g_autofree char *b = g_strstrip (g_strdup (email != NULL ? email : ""));
  g_autofree char *a_folded = g_utf8_casefold (a, -1);
  g_autofree char *b_folded = g_utf8_casefold (b, -1);

  return *a != '\0' && g_strcmp0 (a_folded, b_folded) == 0;
}

/* "Monsieur Z-TEST Essai" */
static char *
person_name (TuttiCivility  civility,
             const char    *surname,
             const char    *first_name,
             TuttiLang      lang)
{
  return g_strstrip (g_strdup_printf ("%s %s %s",
                                      tutti_enum_to_label (&tutti_civility_enum, civility, lang),
                                      surname != NULL ? surname : "",
                                      first_name != NULL ? first_name : ""));
}

static char *
compose_mail (TuttiLang                lang,
              const char              *to_name,
              const TuttiPreenrolment *preenrolment,
              const char              *school_year,
              const TuttiSchool       *school)
{
  GString *body = g_string_new (NULL);
  g_autofree char *when = tutti_format_datetime (preenrolment->submitted_at, lang);

  g_string_append_printf (body, "%s %s,\n\n", tutti_text_get (&mail_greeting, lang), to_name);
  if (lang == TUTTI_LANG_FR)
    g_string_append_printf (body, "Nous avons bien reçu votre demande de pré-inscription n° %"
                            G_GINT64_FORMAT " pour l’année scolaire %s, enregistrée le %s :",
                            preenrolment->id, school_year != NULL ? school_year : "", when);
  else
    g_string_append_printf (body, "We have received your pre-enrolment request no. %"
                            G_GINT64_FORMAT " for the school year %s, saved on %s:",
                            preenrolment->id, school_year != NULL ? school_year : "", when);
  g_string_append (body, "\n\n");

  for (guint i = 0; i < preenrolment->pupils->len; i++)
    {
      const TuttiNewPupil *pupil = g_ptr_array_index (preenrolment->pupils, i);
      g_autofree char *born = tutti_format_date (pupil->birth_date, lang);

      g_string_append_printf (body, "- %s %s, %s %s\n", pupil->surname, pupil->first_name,
                              tutti_text_get (&mail_born, lang), born);
      for (guint j = 0; j < pupil->choices->len; j++)
        {
          const TuttiPreenrolmentChoice *choice = g_ptr_array_index (pupil->choices, j);

          g_string_append_printf (body, "  · %s\n", choice->label);
        }
    }

  g_string_append_c (body, '\n');
  g_string_append (body, tutti_text_get (&mail_outro, lang));
  g_string_append (body, "\n\n");
  if (school != NULL)
    {
      g_string_append_printf (body, "%s%s / %s\n", tutti_text_get (&mail_contact, lang),
                              school->phone != NULL ? school->phone : "",
                              school->email != NULL ? school->email : "");
      if (school->name != NULL)
        g_string_append_printf (body, "\n%s\n", school->name);
    }
  return g_string_free (body, FALSE);
}

typedef struct
{
  TuttiMailer *mailer;
  char *to_name;
  char *to_address;
  char *subject;
  char *body;
  GBytes *answer;         /* the 201's body */
} MailJob;

static void
mail_job_free (gpointer data)
{
  MailJob *job = data;

  g_clear_object (&job->mailer);
  g_free (job->to_name);
  g_free (job->to_address);
  g_free (job->subject);
  g_free (job->body);
  g_clear_pointer (&job->answer, g_bytes_unref);
  g_free (job);
}

static void
mail_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  MailJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;

  file_name = tutti_mailer_send (job->mailer, job->to_name, job->to_address,
                                 job->subject, job->body, &error);
  /* The request is saved whatever happens to the mail. */
  if (file_name == NULL)
    g_warning ("Pre-enrolment confirmation to %s: %s", job->to_address, error->message);
  else
    g_debug ("Pre-enrolment confirmation mailed as %s", file_name);
  g_task_return_boolean (task, TRUE);
}

static void
mail_done (TuttiRequest *request,
           GTask        *task)
{
  MailJob *job = g_task_get_task_data (task);

  tutti_request_reply_bytes (request, SOUP_STATUS_CREATED, TUTTI_API_CONTENT_TYPE_JSON, job->answer);
}

/* Writes the request, its pupils and choices; sets its id. */
static gboolean
insert_preenrolment (TuttiStore         *store,
                     TuttiPreenrolment  *preenrolment,
                     gint64              campaign_id,
                     GError            **error)
{
  preenrolment->id = tutti_store_insert (store, TUTTI_TABLE_PREENROLMENTS, preenrolment,
                                         "campaign_id", campaign_id, error);
  if (preenrolment->id == 0)
    return FALSE;

  for (guint i = 0; i < preenrolment->pupils->len; i++)
    {
      TuttiNewPupil *pupil = g_ptr_array_index (preenrolment->pupils, i);
      gint64 pupil_id;

      pupil_id = tutti_store_insert (store, TUTTI_TABLE_PREENROLMENT_PUPILS, pupil,
                                     "preenrolment_id", preenrolment->id, error);
      if (pupil_id == 0)
        return FALSE;
      for (guint j = 0; j < pupil->choices->len; j++)
        if (tutti_store_insert (store, TUTTI_TABLE_PREENROLMENT_CHOICES,
                                g_ptr_array_index (pupil->choices, j),
                                "new_pupil_id", pupil_id, error) == 0)
          return FALSE;
    }
  return TRUE;
}

static void
preenrolments_post (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiAccount *account = tutti_request_get_account (request);
  TuttiLang lang = tutti_request_get_lang (request);
  const char *key = tutti_request_get_header (request, TUTTI_API_HEADER_IDEMPOTENCY);
  const char *method = tutti_request_get_method (request);
  const char *path = tutti_request_get_path (request);
  gint64 family_id = caller_family_id (request);
  gint64 now = tutti_now_seconds ();
  g_autoptr(TuttiPreenrolment) body = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(TuttiGuardian) guardian = NULL;
  g_autoptr(TuttiSchool) school = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *answer_text = NULL;
  g_autofree char *question_id = NULL;
  TuttiIdempotentAnswer answer = { 0 };
  AnswerCheck check = ANSWER_SPENT;
  TuttiLang mail_lang;
  MailJob *job;

  if (family_id == 0)
    {
      reply_error_or_not_found (request, NULL);
      return;
    }
  if (key != NULL && !tutti_idempotency_key_is_valid (key))
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_BAD_REQUEST);
      return;
    }
  body = tutti_request_parse_record (request, &tutti_preenrolment_schema, &error);
  if (body == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  /* The address typed again counts without its surrounding space. */
  if (body->email_confirmation != NULL)
    g_strstrip (body->email_confirmation);
  canonical = tutti_record_to_data (&tutti_preenrolment_schema, body);
  digest = tutti_idempotency_digest (method, path, canonical);

  if (!tutti_store_begin (store, &error))
    goto failed;

  if (key != NULL)
    {
      if (!tutti_idempotency_lookup (store, account->id, key, method, path, digest, &answer, &error))
        goto rollback;
      if (answer.found)
        {
          tutti_store_rollback (store);
          tutti_idempotency_reply (request, &answer);
          tutti_idempotent_answer_clear (&answer);
          return;
        }
    }

  campaign = load_open_campaign (store, &error);
  if (campaign == NULL)
    {
      tutti_store_rollback (store);
      if (error != NULL)
        tutti_request_reply_error (request, error);
      else
        tutti_request_reply_code (request, TUTTI_API_ERROR_CAMPAIGN_CLOSED);
      return;
    }

  /* Every fault named in one answer: core's rules first, then the offer,
   * guardian 1's e-mail, the consent and the question. */
  fields = tutti_record_validate (&tutti_preenrolment_schema, body, lang);
  if (fields == NULL)
    fields = fields_new ();
  if (!check_pupils (store, campaign, body, fields, lang, &error))
    goto rollback;

  guardian = load_guardian_1 (store, family_id, &error);
  if (guardian == NULL)
    goto rollback;
  if (!g_hash_table_contains (fields, "email_confirmation") &&
      !same_email (body->email_confirmation, guardian->email))
    add_field (fields, "email_confirmation", tutti_text_get (&msg_email_mismatch, lang));

  if (!body->consent)
    add_field (fields, "consent", tutti_text_get (&msg_consent, lang));

  if (!g_hash_table_contains (fields, "antispam_id") &&
      !g_hash_table_contains (fields, "antispam_answer"))
    {
      if (!check_answer (store, account->id, body->antispam_id, body->antispam_answer, now,
                         &check, &error))
        goto rollback;
      if (check == ANSWER_SPENT)
        add_field (fields, "antispam_id", tutti_text_get (&msg_question_spent, lang));
      else if (check == ANSWER_WRONG)
        {
          /* Spent, so that it cannot be tried again: kept even though the
           * request is refused. */
          if (!spend_question (store, body->antispam_id, now, &error))
            goto rollback;
          add_field (fields, "antispam_answer", tutti_text_get (&msg_wrong_answer, lang));
        }
    }

  if (g_hash_table_size (fields) > 0)
    {
      if (check == ANSWER_WRONG)
        {
          if (!tutti_store_commit (store, &error))
            goto rollback;
        }
      else
        tutti_store_rollback (store);
      reply_invalid (request, fields);
      return;
    }

  /* The request as it is kept: the server's fields, not the client's. */
  question_id = g_steal_pointer (&body->antispam_id);
  g_clear_pointer (&body->antispam_answer, g_free);
  g_clear_pointer (&body->reason, g_free);
  g_clear_pointer (&body->submitted_at, g_free);
  g_clear_pointer (&body->decided_at, g_free);
  body->id = 0;
  body->family_id = family_id;
  body->state = TUTTI_PREENROLMENT_SUBMITTED;
  body->submitted_at = tutti_iso_from_seconds (now);

  if (!insert_preenrolment (store, body, campaign->id, &error) ||
      !spend_question (store, question_id, now, &error))
    goto rollback;

  answer_text = tutti_record_to_data (&tutti_preenrolment_schema, body);
  job = g_new0 (MailJob, 1);
  job->answer = g_bytes_new (answer_text, strlen (answer_text));
  if (key != NULL &&
      !tutti_idempotency_store (store, account->id, key, method, path, digest, SOUP_STATUS_CREATED,
                                TUTTI_API_CONTENT_TYPE_JSON, job->answer, &error))
    {
      mail_job_free (job);
      goto rollback;
    }
  if (!tutti_store_commit (store, &error))
    {
      mail_job_free (job);
      goto rollback;
    }

  /* PRE-4: the confirmation, to guardian 1 in their language. */
  school = load_school (store, &error);
  if (school == NULL)
    {
      g_warning ("Pre-enrolment confirmation: %s", error->message);
      g_clear_error (&error);
    }
  mail_lang = !tutti_is_blank (guardian->lang) ? tutti_lang_from_tag (guardian->lang) : lang;
  job->mailer = g_object_ref (tutti_server_get_mailer (tutti_request_get_server (request)));
  job->to_name = person_name (guardian->civility, guardian->surname, guardian->first_name, mail_lang);
  job->to_address = g_strdup (guardian->email);
  job->subject = g_strdup (tutti_text_get (&mail_subject, mail_lang));
  job->body = compose_mail (mail_lang, job->to_name, body, campaign->school_year, school);
  if (tutti_is_blank (job->to_address))
    {
      tutti_request_reply_bytes (request, SOUP_STATUS_CREATED, TUTTI_API_CONTENT_TYPE_JSON,
                                 job->answer);
      mail_job_free (job);
      return;
    }
  tutti_request_run_in_thread (request, job, mail_job_free, mail_thread, mail_done);
  return;

rollback:
  tutti_store_rollback (store);
failed:
  tutti_request_reply_error (request, error);
}

/* ---- The office: requests (STAFF-4) ------------------------------------------- */

/* The school year of request @id's campaign. */
static gboolean
load_school_year (TuttiStore  *store,
                  gint64       id,
                  char       **school_year,
                  GError     **error)
{
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store,
                              "SELECT campaigns.school_year "
                              "FROM preenrolments "
                              "LEFT JOIN campaigns ON campaigns.id = preenrolments.campaign_id "
                              "WHERE preenrolments.id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tutti_store_step (store, stmt, &local_error))
    {
      g_propagate_error (error, local_error != NULL ? local_error
                                                    : g_error_new_literal (TUTTI_STORE_ERROR,
                                                                           TUTTI_STORE_ERROR_FAILED,
                                                                           "No such request"));
      return FALSE;
    }
  *school_year = tutti_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Request @id as the office sees it, or %NULL (with @error unset when
 * there is none). */
static TuttiStaffPreenrolment *
load_staff_view (TuttiStore  *store,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(TuttiPreenrolment) preenrolment = NULL;
  g_autoptr(TuttiStaffPreenrolment) view = NULL;
  g_autoptr(TuttiGuardian) guardian = NULL;

  preenrolment = load_preenrolment (store, id, 0, error);
  if (preenrolment == NULL)
    return NULL;

  view = tutti_staff_preenrolment_new ();
  view->id = preenrolment->id;
  view->family_id = preenrolment->family_id;
  view->state = preenrolment->state;
  view->submitted_at = g_steal_pointer (&preenrolment->submitted_at);
  view->decided_at = g_steal_pointer (&preenrolment->decided_at);
  view->reason = g_steal_pointer (&preenrolment->reason);
  g_clear_pointer (&view->pupils, g_ptr_array_unref);
  view->pupils = g_steal_pointer (&preenrolment->pupils);
  if (!load_school_year (store, id, &view->school_year, error))
    return NULL;

  view->family_name = tutti_family_load_name (store, view->family_id, error);
  if (error != NULL && *error != NULL)
    return NULL;
  guardian = load_guardian_1 (store, view->family_id, error);
  if (guardian == NULL)
    return NULL;
  view->civility = guardian->civility;
  view->surname = g_steal_pointer (&guardian->surname);
  view->first_name = g_steal_pointer (&guardian->first_name);
  view->email = g_steal_pointer (&guardian->email);
  return g_steal_pointer (&view);
}

/* GET /staff/preenrolments[?state=submitted|accepted|refused]: the
 * requests, the oldest first. */
static void
staff_list (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  const char *state = tutti_request_get_query (request, "state");
  g_autoptr(GPtrArray) list = tutti_record_list_new (&tutti_staff_preenrolment_schema);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  if (state != NULL && tutti_enum_from_nick (&tutti_preenrolment_state_enum, state) < 0)
    {
      g_autoptr(GHashTable) fields = fields_new ();

      add_field (fields, "state", tutti_text_get (&msg_choose_state, tutti_request_get_lang (request)));
      reply_invalid (request, fields);
      return;
    }

  if (state != NULL)
    ids = load_ids (store, "SELECT id FROM preenrolments WHERE state = ? ORDER BY submitted_at, id",
                    0, state, &error);
  else
    ids = load_ids (store, "SELECT id FROM preenrolments ORDER BY submitted_at, id", 0, NULL, &error);
  if (ids == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      TuttiStaffPreenrolment *view = load_staff_view (store, g_array_index (ids, gint64, i), &error);

      if (view == NULL)
        {
          reply_error_or_not_found (request, error);
          return;
        }
      g_ptr_array_add (list, view);
    }
  reply_list (request, &tutti_staff_preenrolment_schema, list);
}

static void
staff_get (TuttiRequest *request)
{
  gint64 id = tutti_family_parse_id (tutti_request_get_param (request, "id"));
  g_autoptr(TuttiStaffPreenrolment) view = NULL;
  g_autoptr(GError) error = NULL;

  view = load_staff_view (tutti_request_get_store (request), id, &error);
  if (view == NULL)
    reply_error_or_not_found (request, error);
  else
    tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_staff_preenrolment_schema, view);
}

/* The request of the route's {id}, still awaiting an answer, in the
 * caller's transaction; else replies (404, 409) and rolls back. */
static TuttiPreenrolment *
begin_decision (TuttiRequest *request,
                gint64       *id)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(TuttiPreenrolment) preenrolment = NULL;
  g_autoptr(GError) error = NULL;

  *id = tutti_family_parse_id (tutti_request_get_param (request, "id"));
  if (!tutti_store_begin (store, &error))
    {
      tutti_request_reply_error (request, error);
      return NULL;
    }
  preenrolment = load_preenrolment (store, *id, 0, &error);
  if (preenrolment == NULL)
    {
      tutti_store_rollback (store);
      reply_error_or_not_found (request, error);
      return NULL;
    }
  if (preenrolment->state != TUTTI_PREENROLMENT_SUBMITTED)
    {
      g_autoptr(GError) conflict = tutti_request_error_new (request, TUTTI_API_ERROR_CONFLICT);

      tutti_store_rollback (store);
      tutti_api_error_add_field (conflict, "state",
                                 tutti_text_get (&msg_decided, tutti_request_get_lang (request)));
      tutti_request_reply_error (request, conflict);
      return NULL;
    }
  return g_steal_pointer (&preenrolment);
}

/* Marks the request decided, commits and answers with it. */
static void
finish_decision (TuttiRequest            *request,
                 gint64                   id,
                 TuttiPreenrolmentState   state,
                 const char              *reason)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(TuttiStaffPreenrolment) view = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = now_iso ();
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store,
                              "UPDATE preenrolments SET state = ?, reason = ?, decided_at = ? "
                              "WHERE id = ?",
                              &error);
  if (stmt == NULL)
    goto rollback;
  tutti_store_bind_text (stmt, 1, tutti_enum_to_nick (&tutti_preenrolment_state_enum, state));
  tutti_store_bind_text (stmt, 2, reason);
  tutti_store_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, id);
  if (!tutti_store_run (store, stmt, &error) || !tutti_store_commit (store, &error))
    goto rollback;

  view = load_staff_view (store, id, &error);
  if (view == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }
  tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_staff_preenrolment_schema, view);
  return;

rollback:
  tutti_store_rollback (store);
  tutti_request_reply_error (request, error);
}

/* The pupil a new pupil becomes, with guardian 1's contact details. */
static TuttiPupil *
new_pupil_record (const TuttiNewPupil  *new_pupil,
                  gint64                family_id,
                  const TuttiGuardian  *guardian)
{
  TuttiPupil *pupil = tutti_pupil_new ();

  pupil->family_id = family_id;
  pupil->civility = new_pupil->civility;
  pupil->surname = g_strdup (new_pupil->surname);
  pupil->first_name = g_strdup (new_pupil->first_name);
  pupil->birth_date = g_strdup (new_pupil->birth_date);
  pupil->birth_place = g_strdup (new_pupil->birth_place);
  pupil->school_level = g_strdup (new_pupil->school_level);
  pupil->image_rights = TUTTI_IMAGE_RIGHTS_UNANSWERED;
  pupil->use_guardian_contact = TRUE;
  pupil->address = g_strdup (guardian->address);
  pupil->postcode = g_strdup (guardian->postcode);
  pupil->town = g_strdup (guardian->town);
  pupil->email = g_strdup (guardian->email);
  return pupil;
}

/* Takes one place of @item and gives @pupil_id its course. */
static gboolean
enrol_in (TuttiStore            *store,
          gint64                 pupil_id,
          const TuttiOfferItem  *item,
          GError               **error)
{
  g_autoptr(TuttiCourse) course = tutti_course_new ();
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store,
                              "UPDATE offer_items SET places_left = places_left - 1 "
                              "WHERE id = ? AND places_left IS NOT NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  if (!tutti_store_run (store, stmt, error))
    return FALSE;

  course->pupil_id = pupil_id;
  course->name = g_strdup (item->discipline);
  course->cursus = g_strdup (item->cursus);
  course->site = g_strdup (item->site);
  course->day = item->day;
  course->time = g_strdup (item->time);
  course->active = TRUE;
  return tutti_store_insert (store, TUTTI_TABLE_COURSES, course, NULL, 0, error) != 0;
}

/* POST /staff/preenrolments/{id}/accept: each new pupil joins the family
 * with a course per choice, each taking a place; all or nothing. */
static void
staff_accept (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  g_autoptr(TuttiPreenrolment) preenrolment = NULL;
  g_autoptr(TuttiGuardian) guardian = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) conflict = NULL;
  gint64 id;

  preenrolment = begin_decision (request, &id);
  if (preenrolment == NULL)
    return;

  guardian = load_guardian_1 (store, preenrolment->family_id, &error);
  if (guardian == NULL)
    goto rollback;

  for (guint i = 0; i < preenrolment->pupils->len; i++)
    {
      const TuttiNewPupil *new_pupil = g_ptr_array_index (preenrolment->pupils, i);
      g_autoptr(TuttiPupil) pupil = new_pupil_record (new_pupil, preenrolment->family_id, guardian);
      gint64 pupil_id;

      pupil_id = tutti_store_insert (store, TUTTI_TABLE_PUPILS, pupil, NULL, 0, &error);
      if (pupil_id == 0)
        goto rollback;

      for (guint j = 0; j < new_pupil->choices->len; j++)
        {
          const TuttiPreenrolmentChoice *choice = g_ptr_array_index (new_pupil->choices, j);
          g_autoptr(TuttiOfferItem) item = NULL;
          g_autofree char *key = g_strdup_printf ("pupils.%u.choices.%u", i, j);

          item = load_offer_item (store, choice->offer_id, 0, &error);
          if (item == NULL && error != NULL)
            goto rollback;
          if (item == NULL || (item->places_left != TUTTI_NO_VALUE && item->places_left <= 0))
            {
              if (conflict == NULL)
                conflict = tutti_request_error_new (request, TUTTI_API_ERROR_CONFLICT);
              tutti_api_error_add_field (conflict, key,
                                         tutti_text_get (item == NULL ? &msg_not_offered : &msg_full,
                                                         lang));
              continue;
            }
          if (!enrol_in (store, pupil_id, item, &error))
            goto rollback;
        }
    }

  if (conflict != NULL)
    {
      /* No place taken, no pupil added: the office frees a place or
       * refuses the request. */
      tutti_store_rollback (store);
      tutti_request_reply_error (request, conflict);
      return;
    }
  finish_decision (request, id, TUTTI_PREENROLMENT_ACCEPTED, NULL);
  return;

rollback:
  tutti_store_rollback (store);
  tutti_request_reply_error (request, error);
}

/* POST /staff/preenrolments/{id}/refuse {"reason"}: the family reads the
 * reason with its request. */
static void
staff_refuse (TuttiRequest *request)
{
  g_autoptr(TuttiPreenrolmentDecision) decision = NULL;
  g_autoptr(TuttiPreenrolment) preenrolment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gint64 id;

  decision = tutti_request_read_record (request, &tutti_preenrolment_decision_schema, &error);
  if (decision == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  preenrolment = begin_decision (request, &id);
  if (preenrolment == NULL)
    return;
  reason = g_strstrip (g_strdup (decision->reason));
  finish_decision (request, id, TUTTI_PREENROLMENT_REFUSED, reason);
}

void
tutti_preenrolment_register (TuttiServer *server)
{
  tutti_server_add_route (server, "GET", TUTTI_API_OFFER, TUTTI_ROUTE_AUTH, offer_get);
  tutti_server_add_route (server, "GET", TUTTI_API_PREENROLMENTS, TUTTI_ROUTE_AUTH, preenrolments_get);
  tutti_server_add_route (server, "POST", TUTTI_API_PREENROLMENTS, TUTTI_ROUTE_AUTH, preenrolments_post);
  /* Before "{id}", which would take "question" for an id. */
  tutti_server_add_route (server, "GET", TUTTI_API_PREENROLMENT_QUESTION, TUTTI_ROUTE_AUTH,
                          question_get);
  tutti_server_add_route_fmt (server, "GET", TUTTI_API_PREENROLMENT_FMT, TUTTI_ROUTE_AUTH,
                              preenrolment_get, "id", NULL);

  tutti_server_add_route (server, "GET", TUTTI_API_STAFF_PREENROLMENTS, TUTTI_ROUTE_STAFF, staff_list);
  tutti_server_add_route_fmt (server, "GET", TUTTI_API_STAFF_PREENROLMENT_FMT, TUTTI_ROUTE_STAFF,
                              staff_get, "id", NULL);
  tutti_server_add_route_fmt (server, "POST", TUTTI_API_STAFF_PREENROLMENT_ACCEPT_FMT, TUTTI_ROUTE_STAFF,
                              staff_accept, "id", NULL);
  tutti_server_add_route_fmt (server, "POST", TUTTI_API_STAFF_PREENROLMENT_REFUSE_FMT, TUTTI_ROUTE_STAFF,
                              staff_refuse, "id", NULL);
}
