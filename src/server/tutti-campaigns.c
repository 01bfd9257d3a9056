/* tutti-campaigns.c — campaigns run by the office, and its re-enrolment desk (REE-1, REE-4, HOME-3, STAFF-2..4)
 *
 * The office opens a campaign (POST /staff/campaigns) with its school
 * year, opening and deadline, the documents families must provide and
 * next year's offer; uploads the PDFs families can download (POST
 * …/downloads, checked by content as families' documents are); replaces
 * the offer (PUT …/offer); moves the deadline or closes it early (PATCH).
 * Two campaigns of one kind are never open over the same dates, so that
 * "the" campaign of a family is always clear. Families download the PDFs
 * with GET /campaigns/{id}/downloads/{download_id} (HOME-3).
 *
 * The re-enrolment desk (STAFF-4): every pupil of the school with the
 * state of their re-enrolment in a campaign, filtered by state; one
 * re-enrolment's whole file; the decision on it (validated or refused,
 * with a reason), and on each of the family's documents. The contact
 * changes of step 1 are decided in the office's usual queue
 * (tutti-staff.c), as any change of the family file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "tutti-campaigns.h"
#include "tutti-documents.h"
#include "tutti-family.h"
#include "tutti-home.h"
#include "tutti-reenrolment.h"

#define MAX_KIND_ID_LENGTH  64

/* ---- Texts ------------------------------------------------------------------ */

static const TuttiText msg_school_year = {
  "Write the school year as 2027/2028.",
  "Écrivez l’année scolaire sous la forme 2027/2028.",
};
static const TuttiText msg_deadline_order = {
  "The deadline must come after the opening.",
  "La date limite doit suivre l’ouverture.",
};
static const TuttiText msg_deadline_past = {
  "The deadline is already past.",
  "La date limite est déjà passée.",
};
static const TuttiText msg_downloads = {
  "Upload each download with POST …/downloads.",
  "Déposez chaque document à télécharger avec POST …/downloads.",
};
static const TuttiText msg_offer_put = {
  "Change the offer with PUT …/offer.",
  "Modifiez l’offre avec PUT …/offer.",
};
static const TuttiText msg_not_editable = {
  "This cannot be changed.",
  "Ceci ne peut pas être modifié.",
};
static const TuttiText msg_kind_id = {
  "An identifier of lower-case letters, digits and hyphens (family-quotient).",
  "Un identifiant fait de minuscules, de chiffres et de tirets (family-quotient).",
};
static const TuttiText msg_kind_other = {
  "“other” is for documents no campaign asks for.",
  "« other » désigne les documents qu’aucune campagne ne demande.",
};
static const TuttiText msg_kind_twice = {
  "This document is listed twice.",
  "Ce document figure deux fois.",
};
static const TuttiText msg_kind_name = {
  "Name this new document.",
  "Donnez un nom à ce nouveau document.",
};
static const TuttiText msg_overlap = {
  "Another campaign of this kind is open over these dates: close it first.",
  "Une autre campagne de ce type est ouverte sur ces dates : fermez-la d’abord.",
};
static const TuttiText msg_offer_missing = {
  "Send the whole offer as “offer”: [...].",
  "Envoyez toute l’offre dans « offer » : [...].",
};
static const TuttiText msg_offer_unknown = {
  "This place is not one of this campaign’s.",
  "Ce créneau n’appartient pas à cette campagne.",
};
static const TuttiText msg_offer_twice = {
  "This place is listed twice.",
  "Ce créneau figure deux fois.",
};
static const TuttiText msg_offer_chosen = {
  "Families have chosen places this offer would remove: keep them.",
  "Des familles ont choisi des créneaux que cette offre supprimerait : conservez-les.",
};
static const TuttiText msg_pdf_only = {
  "Downloads are PDF files.",
  "Les documents à télécharger sont des fichiers PDF.",
};
static const TuttiText msg_bad_state = {
  "Choose one of “to-do”, “in-progress”, “submitted”, “validated”, “refused”, “declined”.",
  "Choisissez « to-do », « in-progress », « submitted », « validated », « refused » ou « declined ».",
};
static const TuttiText msg_decide = {
  "Choose “validated” or “refused”.",
  "Choisissez « validated » ou « refused ».",
};
static const TuttiText msg_reason = {
  "Give the reason of the refusal.",
  "Indiquez le motif du refus.",
};
static const TuttiText msg_not_sent = {
  "This re-enrolment has not been sent by the family.",
  "Cette réinscription n’a pas été envoyée par la famille.",
};

/* ---- Helpers ------------------------------------------------------------------ */

static GError *
api_error (TuttiApiErrorCode  code,
           TuttiLang          lang)
{
  return tutti_api_error_new (code, tutti_api_error_code_message (code, lang));
}

static void
add_field (GError          *error,
           const char      *key,
           const TuttiText *message,
           TuttiLang        lang)
{
  tutti_api_error_add_field (error, key, tutti_text_get (message, lang));
}

static gboolean
has_fields (const GError *error)
{
  return tutti_api_error_get_fields (error) != NULL;
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

/* The JSON object of the body, to tell a member sent as false or null from
 * one not sent (the record cannot). Call after tutti_request_parse_record(). */
static JsonObject *
body_members (TuttiRequest *request)
{
  g_autoptr(GBytes) body = tutti_request_get_body (request, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data;
  JsonNode *root;

  if (body == NULL)
    return json_object_new ();
  data = g_bytes_get_data (body, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return json_object_new ();
  return json_object_ref (json_node_get_object (root));
}

static gint64
param_id (TuttiRequest *request,
          const char   *name)
{
  return tutti_family_parse_id (tutti_request_get_param (request, name));
}

/* ---- Campaigns ------------------------------------------------------------------ */

gboolean
tutti_campaigns_is_open (const TuttiCampaign *campaign)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return campaign != NULL && tutti_home_campaign_is_open (campaign, now);
}

GPtrArray *
tutti_campaigns_load_offer (TuttiStore  *store,
                            gint64       campaign_id,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_OFFER_ITEMS,
                                     "WHERE campaign_id = ? ORDER BY discipline, site, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return tutti_store_read_records (store, TUTTI_TABLE_OFFER_ITEMS, stmt, error);
}

static gboolean
complete_campaign (TuttiStore     *store,
                   TuttiCampaign  *campaign,
                   gboolean        with_offer,
                   GError        **error)
{
  if (!tutti_home_load_campaign_lists (store, campaign, error))
    return FALSE;
  if (with_offer)
    {
      GPtrArray *offer = tutti_campaigns_load_offer (store, campaign->id, error);

      if (offer == NULL)
        return FALSE;
      g_clear_pointer (&campaign->offer, g_ptr_array_unref);
      campaign->offer = offer;
    }
  return TRUE;
}

TuttiCampaign *
tutti_campaigns_load (TuttiStore  *store,
                      gint64       id,
                      gboolean     with_offer,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;
  sqlite3_stmt *stmt;

  if (id <= 0)
    return NULL;
  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_CAMPAIGNS, "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = tutti_store_read_records (store, TUTTI_TABLE_CAMPAIGNS, stmt, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  campaign = g_ptr_array_steal_index (rows, 0);
  if (!complete_campaign (store, campaign, with_offer, error))
    return NULL;
  return g_steal_pointer (&campaign);
}

/* Whether @campaign has opened at @now (no opening date: from the start). */
static gboolean
has_opened (const TuttiCampaign *campaign,
            GDateTime           *now)
{
  g_autoptr(GDateTime) opens = tutti_parse_datetime (campaign->opens_at);

  return opens == NULL || g_date_time_compare (opens, now) <= 0;
}

TuttiCampaign *
tutti_campaigns_current (TuttiStore         *store,
                         TuttiCampaignKind   kind,
                         GError            **error)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(TuttiCampaign) campaign = NULL;
  TuttiCampaign *open = NULL;
  TuttiCampaign *latest = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_CAMPAIGNS,
                                     "WHERE kind = ? ORDER BY opens_at, id", error);
  if (stmt == NULL)
    return NULL;
  tutti_store_bind_text (stmt, 1, tutti_enum_to_nick (&tutti_campaign_kind_enum, kind));
  campaigns = tutti_store_read_records (store, TUTTI_TABLE_CAMPAIGNS, stmt, error);
  if (campaigns == NULL)
    return NULL;

  /* In opening order: the last one open now, else the last one opened. */
  for (guint i = 0; i < campaigns->len; i++)
    {
      TuttiCampaign *candidate = g_ptr_array_index (campaigns, i);

      if (tutti_home_campaign_is_open (candidate, now))
        open = candidate;
      if (has_opened (candidate, now))
        latest = candidate;
    }
  if (open == NULL && latest == NULL)
    return NULL;
  campaign = tutti_campaign_copy (open != NULL ? open : latest);
  if (!complete_campaign (store, campaign, FALSE, error))
    return NULL;
  return g_steal_pointer (&campaign);
}

/* ---- The office's campaigns (REE-1, STAFF-3) --------------------------------------- */

static void
reply_campaign (TuttiRequest *request,
                guint         status,
                gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiCampaign) campaign = tutti_campaigns_load (tutti_request_get_store (request), id, TRUE,
                                                            &error);

  if (campaign == NULL)
    reply_error_or_not_found (request, error);
  else
    tutti_request_reply_record (request, status, &tutti_campaign_schema, campaign);
}

/* GET /staff/campaigns: every campaign, the latest first, with its offer. */
static void
staff_campaigns_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_CAMPAIGNS, "ORDER BY opens_at DESC, id DESC", &error);
  if (stmt != NULL)
    campaigns = tutti_store_read_records (store, TUTTI_TABLE_CAMPAIGNS, stmt, &error);
  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    if (!complete_campaign (store, g_ptr_array_index (campaigns, i), TRUE, &error))
      g_clear_pointer (&campaigns, g_ptr_array_unref);
  if (campaigns == NULL)
    tutti_request_reply_error (request, error);
  else
    reply_list (request, &tutti_campaign_schema, campaigns);
}

/* GET /staff/campaigns/{id} */
static void
staff_campaign_get (TuttiRequest *request)
{
  reply_campaign (request, SOUP_STATUS_OK, param_id (request, "id"));
}

/* "2027/2028" */
static gboolean
school_year_is_valid (const char *text)
{
  guint64 first, second;

  if (text == NULL || strlen (text) != 9 || text[4] != '/')
    return FALSE;
  for (guint i = 0; i < 9; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;
  first = g_ascii_strtoull (text, NULL, 10);
  second = g_ascii_strtoull (text + 5, NULL, 10);
  return second == first + 1;
}

static gboolean
kind_id_is_valid (const char *id)
{
  gsize length = id != NULL ? strlen (id) : 0;

  if (length == 0 || length > MAX_KIND_ID_LENGTH || id[0] == '-')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
kind_exists (TuttiStore  *store,
             const char  *id,
             gboolean    *exists,
             GError     **error)
{
  GError *local_error = NULL;
  sqlite3_stmt *stmt = tutti_store_prepare (store, "SELECT 1 FROM document_kinds WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  tutti_store_bind_text (stmt, 1, id);
  *exists = tutti_store_step (store, stmt, &local_error);
  if (*exists)
    sqlite3_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* The documents a campaign asks for: known kinds by id, new ones with a name. */
static gboolean
check_kinds (TuttiStore  *store,
             GPtrArray   *kinds,
             TuttiLang    lang,
             GError      *invalid,
             GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < kinds->len; i++)
    {
      const TuttiDocumentKind *kind = g_ptr_array_index (kinds, i);
      g_autofree char *id_key = g_strdup_printf ("required_documents.%u.id", i);
      g_autofree char *name_key = g_strdup_printf ("required_documents.%u.name", i);
      gboolean exists;

      if (!kind_id_is_valid (kind->id))
        {
          add_field (invalid, id_key, &msg_kind_id, lang);
          continue;
        }
      if (g_str_equal (kind->id, TUTTI_API_DOCUMENT_KIND_OTHER))
        {
          add_field (invalid, id_key, &msg_kind_other, lang);
          continue;
        }
      if (g_hash_table_contains (seen, kind->id))
        {
          add_field (invalid, id_key, &msg_kind_twice, lang);
          continue;
        }
      g_hash_table_add (seen, kind->id);
      if (!kind_exists (store, kind->id, &exists, error))
        return FALSE;
      if (!exists && tutti_is_blank (kind->name))
        add_field (invalid, name_key, &msg_kind_name, lang);
    }
  return TRUE;
}

/* Creates the new kinds and links every kind to the campaign, in order. */
static gboolean
write_kinds (TuttiStore  *store,
             gint64       campaign_id,
             GPtrArray   *kinds,
             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store, "DELETE FROM campaign_documents WHERE campaign_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (!tutti_store_run (store, stmt, error))
    return FALSE;

  for (guint i = 0; i < kinds->len; i++)
    {
      const TuttiDocumentKind *kind = g_ptr_array_index (kinds, i);
      gboolean exists;

      if (!kind_exists (store, kind->id, &exists, error))
        return FALSE;
      if (!exists && tutti_store_insert (store, TUTTI_TABLE_DOCUMENT_KINDS, kind, NULL, 0, error) == 0)
        return FALSE;
      stmt = tutti_store_prepare (store,
                                  "INSERT INTO campaign_documents (campaign_id, kind_id, position) "
                                  "VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, campaign_id);
      tutti_store_bind_text (stmt, 2, kind->id);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!tutti_store_run (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
check_offer_items (GPtrArray *offer,
                   TuttiLang  lang,
                   GError    *invalid)
{
  for (guint i = 0; i < offer->len; i++)
    {
      g_autoptr(GHashTable) problems = tutti_record_validate (&tutti_offer_item_schema,
                                                              g_ptr_array_index (offer, i), lang);
      GHashTableIter iter;
      gpointer key, message;

      if (problems == NULL)
        continue;
      g_hash_table_iter_init (&iter, problems);
      while (g_hash_table_iter_next (&iter, &key, &message))
        {
          g_autofree char *path = g_strdup_printf ("offer.%u.%s", i, (const char *) key);

          tutti_api_error_add_field (invalid, path, message);
        }
    }
}

/* Whether another campaign of @kind, flagged open, runs over some of
 * [@opens_at, @deadline]. */
static gboolean
overlaps_open (TuttiStore         *store,
               gint64              except_id,
               TuttiCampaignKind   kind,
               const char         *opens_at,
               const char         *deadline,
               gboolean           *overlap,
               GError            **error)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GDateTime) start = tutti_parse_datetime (opens_at);
  g_autoptr(GDateTime) end = tutti_parse_datetime (deadline);
  sqlite3_stmt *stmt;

  *overlap = FALSE;
  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_CAMPAIGNS, "WHERE kind = ? AND open = 1 AND id != ?",
                                     error);
  if (stmt == NULL)
    return FALSE;
  tutti_store_bind_text (stmt, 1, tutti_enum_to_nick (&tutti_campaign_kind_enum, kind));
  sqlite3_bind_int64 (stmt, 2, except_id);
  campaigns = tutti_store_read_records (store, TUTTI_TABLE_CAMPAIGNS, stmt, error);
  if (campaigns == NULL)
    return FALSE;
  for (guint i = 0; i < campaigns->len; i++)
    {
      const TuttiCampaign *other = g_ptr_array_index (campaigns, i);
      g_autoptr(GDateTime) other_start = tutti_parse_datetime (other->opens_at);
      g_autoptr(GDateTime) other_end = tutti_parse_datetime (other->deadline);

      /* Missing dates run without end. */
      if ((other_end == NULL || start == NULL || g_date_time_compare (start, other_end) < 0) &&
          (end == NULL || other_start == NULL || g_date_time_compare (other_start, end) < 0))
        *overlap = TRUE;
    }
  return TRUE;
}

/* The rules both POST and PATCH apply to the campaign as it would be. */
static void
check_campaign (const TuttiCampaign *campaign,
                gboolean             new_campaign,
                TuttiLang            lang,
                GError              *invalid)
{
  g_autoptr(GDateTime) opens = tutti_parse_datetime (campaign->opens_at);
  g_autoptr(GDateTime) deadline = tutti_parse_datetime (campaign->deadline);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (!school_year_is_valid (campaign->school_year))
    add_field (invalid, "school_year", &msg_school_year, lang);
  if (deadline == NULL)
    {
      g_autofree char *message = tutti_field_check_text (tutti_schema_lookup (&tutti_campaign_schema,
                                                                              "deadline"), "", lang);

      tutti_api_error_add_field (invalid, "deadline", message);
    }
  else if (opens != NULL && g_date_time_compare (deadline, opens) <= 0)
    add_field (invalid, "deadline", &msg_deadline_order, lang);
  else if (new_campaign && g_date_time_compare (deadline, now) <= 0)
    add_field (invalid, "deadline", &msg_deadline_past, lang);
}

static gboolean
write_offer_item (TuttiStore      *store,
                  gint64           campaign_id,
                  TuttiOfferItem  *item,
                  GError         **error)
{
  sqlite3_stmt *stmt;

  if (item->id <= 0)
    {
      item->id = tutti_store_insert (store, TUTTI_TABLE_OFFER_ITEMS, item, "campaign_id", campaign_id, error);
      return item->id != 0;
    }
  stmt = tutti_store_prepare (store,
                              "UPDATE offer_items SET discipline = ?, site = ?, cursus = ?, day = ?, "
                              "\"time\" = ?, min_age = ?, max_age = ?, places_left = ? "
                              "WHERE id = ? AND campaign_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  tutti_store_bind_text (stmt, 1, item->discipline);
  tutti_store_bind_text (stmt, 2, item->site);
  tutti_store_bind_text (stmt, 3, item->cursus);
  tutti_store_bind_text (stmt, 4, tutti_enum_to_nick (&tutti_weekday_enum, item->day));
  tutti_store_bind_text (stmt, 5, item->time);
  tutti_store_bind_int (stmt, 6, item->min_age);
  tutti_store_bind_int (stmt, 7, item->max_age);
  tutti_store_bind_int (stmt, 8, item->places_left);
  sqlite3_bind_int64 (stmt, 9, item->id);
  sqlite3_bind_int64 (stmt, 10, campaign_id);
  return tutti_store_run (store, stmt, error);
}

/* POST /staff/campaigns */
static void
staff_campaign_post (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(JsonObject) members = NULL;
  gboolean overlap;

  campaign = tutti_request_parse_record (request, &tutti_campaign_schema, &error);
  if (campaign == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  members = body_members (request);

  /* Open unless said otherwise; from now unless said otherwise. */
  if (!json_object_has_member (members, "open"))
    campaign->open = TRUE;
  if (campaign->opens_at == NULL)
    campaign->opens_at = tutti_datetime_now ();
  campaign->id = 0;

  invalid = api_error (TUTTI_API_ERROR_INVALID, lang);
  check_campaign (campaign, TRUE, lang, invalid);
  if (campaign->downloads->len > 0)
    add_field (invalid, "downloads", &msg_downloads, lang);
  if (!check_kinds (store, campaign->required_documents, lang, invalid, &error))
    goto failed;
  for (guint i = 0; i < campaign->offer->len; i++)
    ((TuttiOfferItem *) g_ptr_array_index (campaign->offer, i))->id = 0;
  check_offer_items (campaign->offer, lang, invalid);
  if (has_fields (invalid))
    {
      tutti_request_reply_error (request, invalid);
      return;
    }

  if (campaign->open)
    {
      if (!overlaps_open (store, 0, campaign->kind, campaign->opens_at, campaign->deadline, &overlap, &error))
        goto failed;
      if (overlap)
        {
          error = api_error (TUTTI_API_ERROR_CONFLICT, lang);
          add_field (error, "open", &msg_overlap, lang);
          goto failed;
        }
    }

  if (!tutti_store_begin (store, &error))
    goto failed;
  campaign->id = tutti_store_insert (store, TUTTI_TABLE_CAMPAIGNS, campaign, NULL, 0, &error);
  if (campaign->id == 0 || !write_kinds (store, campaign->id, campaign->required_documents, &error))
    goto rollback;
  for (guint i = 0; i < campaign->offer->len; i++)
    if (!write_offer_item (store, campaign->id, g_ptr_array_index (campaign->offer, i), &error))
      goto rollback;
  if (!tutti_store_commit (store, &error))
    goto rollback;

  reply_campaign (request, SOUP_STATUS_CREATED, campaign->id);
  return;

rollback:
  tutti_store_rollback (store);
failed:
  tutti_request_reply_error (request, error);
}

/* PATCH /staff/campaigns/{id}: school_year, opens_at, deadline, open,
 * required_documents; the members sent, and only those, change. */
static void
staff_campaign_patch (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  static const char * const editable[] = {
    "school_year", "opens_at", "deadline", "open", "required_documents", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(TuttiCampaign) body = NULL;
  g_autoptr(JsonObject) members = NULL;
  g_autoptr(GList) names = NULL;
  gboolean kinds_sent;
  gboolean overlap;
  sqlite3_stmt *stmt;

  campaign = tutti_campaigns_load (store, param_id (request, "id"), FALSE, &error);
  if (campaign == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }
  body = tutti_request_parse_record (request, &tutti_campaign_schema, &error);
  if (body == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  members = body_members (request);

  invalid = api_error (TUTTI_API_ERROR_INVALID, lang);
  names = json_object_get_members (members);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strv_contains (editable, name) ||
          (g_str_equal (name, "id") && body->id == campaign->id) ||
          (g_str_equal (name, "kind") && body->kind == campaign->kind))
        continue;
      add_field (invalid, name,
                 g_str_equal (name, "offer") ? &msg_offer_put
                 : g_str_equal (name, "downloads") ? &msg_downloads : &msg_not_editable,
                 lang);
    }

  if (json_object_has_member (members, "school_year"))
    {
      g_free (campaign->school_year);
      campaign->school_year = g_strdup (body->school_year);
    }
  if (json_object_has_member (members, "opens_at"))
    {
      g_free (campaign->opens_at);
      campaign->opens_at = g_strdup (body->opens_at);
    }
  if (json_object_has_member (members, "deadline"))
    {
      g_free (campaign->deadline);
      campaign->deadline = g_strdup (body->deadline);
    }
  if (json_object_has_member (members, "open"))
    campaign->open = body->open;
  kinds_sent = json_object_has_member (members, "required_documents");

  check_campaign (campaign, FALSE, lang, invalid);
  if (kinds_sent && !check_kinds (store, body->required_documents, lang, invalid, &error))
    goto failed;
  if (has_fields (invalid))
    {
      tutti_request_reply_error (request, invalid);
      return;
    }

  if (campaign->open)
    {
      if (!overlaps_open (store, campaign->id, campaign->kind, campaign->opens_at, campaign->deadline,
                          &overlap, &error))
        goto failed;
      if (overlap)
        {
          error = api_error (TUTTI_API_ERROR_CONFLICT, lang);
          add_field (error, "open", &msg_overlap, lang);
          goto failed;
        }
    }

  if (!tutti_store_begin (store, &error))
    goto failed;
  stmt = tutti_store_prepare (store,
                              "UPDATE campaigns SET school_year = ?, opens_at = ?, deadline = ?, open = ? "
                              "WHERE id = ?", &error);
  if (stmt == NULL)
    goto rollback;
  tutti_store_bind_text (stmt, 1, campaign->school_year);
  tutti_store_bind_text (stmt, 2, campaign->opens_at);
  tutti_store_bind_text (stmt, 3, campaign->deadline);
  sqlite3_bind_int (stmt, 4, campaign->open ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, campaign->id);
  if (!tutti_store_run (store, stmt, &error))
    goto rollback;
  if (kinds_sent && !write_kinds (store, campaign->id, body->required_documents, &error))
    goto rollback;
  if (!tutti_store_commit (store, &error))
    goto rollback;

  reply_campaign (request, SOUP_STATUS_OK, campaign->id);
  return;

rollback:
  tutti_store_rollback (store);
failed:
  tutti_request_reply_error (request, error);
}

/* Whether a re-enrolment of @campaign_id chose offer item @item_id. */
static gboolean
offer_item_chosen (TuttiStore  *store,
                   gint64       campaign_id,
                   gint64       item_id,
                   gboolean    *chosen,
                   GError     **error)
{
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store,
                              "SELECT 1 FROM reenrolment_courses JOIN reenrolments "
                              "ON reenrolments.id = reenrolment_id "
                              "WHERE campaign_id = ? AND offer_id = ? LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  *chosen = tutti_store_step (store, stmt, &local_error);
  if (*chosen)
    sqlite3_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* PUT /staff/campaigns/{id}/offer: {"offer": [TuttiOfferItem…]}, the whole
 * offer: items with an id of this campaign are updated, those without
 * added, the others removed (unless a family chose them). */
static void
staff_offer_put (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(TuttiCampaign) body = NULL;
  g_autoptr(JsonObject) members = NULL;
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  sqlite3_stmt *stmt;

  campaign = tutti_campaigns_load (store, param_id (request, "id"), TRUE, &error);
  if (campaign == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }
  body = tutti_request_parse_record (request, &tutti_campaign_schema, &error);
  if (body == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  members = body_members (request);

  invalid = api_error (TUTTI_API_ERROR_INVALID, lang);
  if (!json_object_has_member (members, "offer"))
    add_field (invalid, "offer", &msg_offer_missing, lang);
  for (guint i = 0; i < campaign->offer->len; i++)
    {
      const TuttiOfferItem *item = g_ptr_array_index (campaign->offer, i);

      g_hash_table_add (existing, g_memdup2 (&item->id, sizeof item->id));
    }
  for (guint i = 0; i < body->offer->len; i++)
    {
      const TuttiOfferItem *item = g_ptr_array_index (body->offer, i);
      g_autofree char *id_key = g_strdup_printf ("offer.%u.id", i);

      if (item->id <= 0)
        continue;
      if (!g_hash_table_contains (existing, &item->id))
        add_field (invalid, id_key, &msg_offer_unknown, lang);
      else if (g_hash_table_contains (kept, &item->id))
        add_field (invalid, id_key, &msg_offer_twice, lang);
      else
        g_hash_table_add (kept, g_memdup2 (&item->id, sizeof item->id));
    }
  check_offer_items (body->offer, lang, invalid);
  if (has_fields (invalid))
    {
      tutti_request_reply_error (request, invalid);
      return;
    }

  /* A place a family chose stays. */
  g_hash_table_iter_init (&iter, existing);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean chosen;

      if (g_hash_table_contains (kept, key))
        continue;
      if (!offer_item_chosen (store, campaign->id, *(gint64 *) key, &chosen, &error))
        goto failed;
      if (chosen)
        {
          error = api_error (TUTTI_API_ERROR_CONFLICT, lang);
          add_field (error, "offer", &msg_offer_chosen, lang);
          goto failed;
        }
    }

  if (!tutti_store_begin (store, &error))
    goto failed;
  g_hash_table_iter_init (&iter, existing);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (g_hash_table_contains (kept, key))
        continue;
      stmt = tutti_store_prepare (store, "DELETE FROM offer_items WHERE id = ? AND campaign_id = ?", &error);
      if (stmt == NULL)
        goto rollback;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      sqlite3_bind_int64 (stmt, 2, campaign->id);
      if (!tutti_store_run (store, stmt, &error))
        goto rollback;
    }
  for (guint i = 0; i < body->offer->len; i++)
    if (!write_offer_item (store, campaign->id, g_ptr_array_index (body->offer, i), &error))
      goto rollback;
  if (!tutti_store_commit (store, &error))
    goto rollback;

  reply_campaign (request, SOUP_STATUS_OK, campaign->id);
  return;

rollback:
  tutti_store_rollback (store);
failed:
  tutti_request_reply_error (request, error);
}

/* -- Downloads (HOME-3) -- */

typedef struct
{
  TuttiServer *server;
  gint64 campaign_id;
  TuttiDownload *download;
  GBytes *content;
} DownloadJob;

static void
download_job_free (gpointer data)
{
  DownloadJob *job = data;

  g_clear_object (&job->server);
  g_clear_pointer (&job->download, tutti_download_free);
  g_clear_pointer (&job->content, g_bytes_unref);
  g_free (job);
}

static void
download_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  DownloadJob *job = task_data;
  g_autoptr(TuttiStore) store = NULL;
  GError *error = NULL;
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer data = g_bytes_get_data (job->content, &size);

  store = tutti_server_open_store (job->server, &error);
  if (store == NULL || !tutti_store_begin (store, &error))
    goto failed;
  job->download->id = tutti_store_insert (store, TUTTI_TABLE_DOWNLOADS, job->download, "campaign_id",
                                          job->campaign_id, &error);
  if (job->download->id == 0)
    goto rollback;
  stmt = tutti_store_prepare (store, "UPDATE downloads SET content_type = 'application/pdf', content = ? "
                                     "WHERE id = ?", &error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_blob (stmt, 1, data, (int) size, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, job->download->id);
  if (!tutti_store_run (store, stmt, &error) || !tutti_store_commit (store, &error))
    goto rollback;
  g_task_return_boolean (task, TRUE);
  return;

rollback:
  tutti_store_rollback (store);
failed:
  g_task_return_error (task, error);
}

static void
download_done (TuttiRequest *request,
               GTask        *task)
{
  DownloadJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    tutti_request_reply_error (request, error);
  else
    tutti_request_reply_record (request, SOUP_STATUS_CREATED, &tutti_download_schema, job->download);
}

/* POST /staff/campaigns/{id}/downloads: the PDF is the body; its name in
 * X-Document-Name, its file name in X-File-Name (percent-encoded). */
static void
staff_download_post (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *name = NULL;
  const char *type;
  DownloadJob *job;
  gsize size;
  gconstpointer data;

  campaign = tutti_campaigns_load (store, param_id (request, "id"), FALSE, &error);
  if (campaign == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }
  content = tutti_request_get_body (request, &error);
  if (content == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  data = g_bytes_get_data (content, &size);
  type = tutti_sniff_content_type (data, size);
  if (g_strcmp0 (type, "application/pdf") != 0)
    {
      error = api_error (TUTTI_API_ERROR_UNSUPPORTED_FILE_TYPE, lang);
      add_field (error, "file", &msg_pdf_only, lang);
      tutti_request_reply_error (request, error);
      return;
    }

  file_name = tutti_documents_header_name (request, TUTTI_API_HEADER_FILE_NAME);
  if (file_name == NULL)
    file_name = g_strdup ("document.pdf");
  name = tutti_documents_header_name (request, TUTTI_API_HEADER_DOCUMENT_NAME);
  if (name == NULL)
    {
      const char *dot = strrchr (file_name, '.');

      name = dot != NULL && dot != file_name ? g_strndup (file_name, dot - file_name) : g_strdup (file_name);
    }

  job = g_new0 (DownloadJob, 1);
  job->server = g_object_ref (tutti_request_get_server (request));
  job->campaign_id = campaign->id;
  job->download = tutti_download_new ();
  job->download->name = g_steal_pointer (&name);
  job->download->file_name = g_steal_pointer (&file_name);
  job->download->size = (gint64) size;
  job->content = g_steal_pointer (&content);
  tutti_request_run_in_thread (request, job, download_job_free, download_thread, download_done);
}

/* DELETE /staff/campaigns/{id}/downloads/{download_id} */
static void
staff_download_delete (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int changed;

  stmt = tutti_store_prepare (store, "DELETE FROM downloads WHERE id = ? AND campaign_id = ?", &error);
  if (stmt == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, param_id (request, "download_id"));
  sqlite3_bind_int64 (stmt, 2, param_id (request, "id"));
  if (!tutti_store_run (store, stmt, &error))
    {
      tutti_request_reply_error (request, error);
      return;
    }
  changed = sqlite3_changes (sqlite3_db_handle (stmt));
  if (changed == 0)
    tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
  else
    tutti_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}

/* GET /campaigns/{id}/downloads/{download_id}: the PDF, for any account. */
static void
download_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *disposition = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store,
                              "SELECT file_name, content_type, content FROM downloads "
                              "WHERE id = ? AND campaign_id = ? AND content IS NOT NULL", &error);
  if (stmt == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, param_id (request, "download_id"));
  sqlite3_bind_int64 (stmt, 2, param_id (request, "id"));
  if (!tutti_store_step (store, stmt, &error))
    {
      reply_error_or_not_found (request, error);
      return;
    }
  file_name = tutti_store_column_dup (stmt, 0);
  content_type = tutti_store_column_dup (stmt, 1);
  content = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
  sqlite3_reset (stmt);

  disposition = tutti_documents_disposition (file_name != NULL ? file_name : "document.pdf");
  tutti_request_set_header (request, "Content-Disposition", disposition);
  tutti_request_set_header (request, "X-Content-Type-Options", "nosniff");
  tutti_request_reply_bytes (request, SOUP_STATUS_OK,
                             content_type != NULL ? content_type : "application/pdf", content);
}

/* ---- The re-enrolment desk (STAFF-4) ---------------------------------------------- */

/* GET /staff/reenrolments[?state=…][&campaign=ID]: every pupil of the
 * school in the campaign (the current one by default), by family. */
static void
staff_reenrolments_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  const char *state = tutti_request_get_query (request, "state");
  const char *campaign_text = tutti_request_get_query (request, "campaign");
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(GPtrArray) list = tutti_record_list_new (&tutti_reenrolment_summary_schema);
  sqlite3_stmt *stmt;

  if (state != NULL && tutti_enum_from_nick (&tutti_reenrolment_state_enum, state) < 0)
    {
      error = api_error (TUTTI_API_ERROR_INVALID, lang);
      add_field (error, "state", &msg_bad_state, lang);
      tutti_request_reply_error (request, error);
      return;
    }
  if (campaign_text != NULL)
    {
      campaign = tutti_campaigns_load (store, tutti_family_parse_id (campaign_text), FALSE, &error);
      if (campaign == NULL || campaign->kind != TUTTI_CAMPAIGN_REENROLMENT)
        {
          reply_error_or_not_found (request, error);
          return;
        }
    }
  else
    {
      campaign = tutti_campaigns_current (store, TUTTI_CAMPAIGN_REENROLMENT, &error);
      if (campaign == NULL)
        {
          if (error != NULL)
            tutti_request_reply_error (request, error);
          else
            reply_list (request, &tutti_reenrolment_summary_schema, list);
          return;
        }
    }

  stmt = tutti_store_prepare (store,
                              "SELECT p.id, p.family_id, f.name, p.civility, p.surname, p.first_name, "
                              "  r.id, r.state, r.step, r.submitted_at, r.decided_at, "
                              "  (SELECT COUNT(*) FROM documents d "
                              "   WHERE d.family_id = p.family_id AND d.state = 'provided'), "
                              "  (SELECT COUNT(*) FROM pending_changes c "
                              "   WHERE c.family_id = p.family_id AND c.state = 'pending' "
                              "   AND (c.entity = 'guardian' OR (c.entity = 'pupil' AND c.entity_id = p.id))) "
                              "FROM pupils p JOIN families f ON f.id = p.family_id "
                              "LEFT JOIN reenrolments r ON r.pupil_id = p.id AND r.campaign_id = ?1 "
                              "WHERE ?2 IS NULL OR COALESCE(r.state, 'to-do') = ?2 "
                              "ORDER BY f.name, p.surname, p.first_name, p.id",
                              &error);
  if (stmt == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, campaign->id);
  tutti_store_bind_text (stmt, 2, state);
  while (tutti_store_step (store, stmt, &error))
    {
      TuttiReenrolmentSummary *summary = tutti_reenrolment_summary_new ();
      const char *civility = (const char *) sqlite3_column_text (stmt, 3);
      const char *row_state = (const char *) sqlite3_column_text (stmt, 7);

      summary->pupil_id = sqlite3_column_int64 (stmt, 0);
      summary->family_id = sqlite3_column_int64 (stmt, 1);
      summary->family_name = tutti_store_column_dup (stmt, 2);
      summary->civility = MAX (0, tutti_enum_from_nick (&tutti_civility_enum, civility));
      summary->surname = tutti_store_column_dup (stmt, 4);
      summary->first_name = tutti_store_column_dup (stmt, 5);
      summary->id = sqlite3_column_int64 (stmt, 6);
      summary->campaign_id = campaign->id;
      summary->state = row_state != NULL
                       ? MAX (0, tutti_enum_from_nick (&tutti_reenrolment_state_enum, row_state))
                       : TUTTI_REENROLMENT_TO_DO;
      summary->step = sqlite3_column_int64 (stmt, 8);
      summary->submitted_at = tutti_store_column_dup (stmt, 9);
      summary->decided_at = tutti_store_column_dup (stmt, 10);
      summary->documents_to_check = sqlite3_column_int64 (stmt, 11);
      summary->changes_pending = sqlite3_column_int64 (stmt, 12);
      g_ptr_array_add (list, summary);
    }
  if (error != NULL)
    tutti_request_reply_error (request, error);
  else
    reply_list (request, &tutti_reenrolment_summary_schema, list);
}

/* The re-enrolment of the route's {id}, whole. */
static TuttiReenrolmentFile *
load_staff_file (TuttiRequest  *request,
                 GError       **error)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(TuttiCampaign) campaign = NULL;
  gint64 pupil_id = 0;
  gint64 campaign_id = 0;

  if (!tutti_reenrolment_find (store, param_id (request, "id"), &pupil_id, &campaign_id, error))
    return NULL;
  campaign = tutti_campaigns_load (store, campaign_id, FALSE, error);
  if (campaign == NULL)
    return NULL;
  return tutti_reenrolment_load_file (store, pupil_id, campaign, error);
}

/* GET /staff/reenrolments/{id} */
static void
staff_reenrolment_get (TuttiRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiReenrolmentFile) file = load_staff_file (request, &error);

  if (file == NULL)
    reply_error_or_not_found (request, error);
  else
    tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_reenrolment_file_schema, file);
}

/* POST /staff/reenrolments/{id}/decide: {"state": "validated"|"refused",
 * "reason"}; the family sees it on home (HOME-3). */
static void
staff_reenrolment_decide (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiReenrolmentFile) file = load_staff_file (request, &error);
  g_autoptr(TuttiReenrolmentFile) decided = NULL;
  g_autoptr(TuttiReenrolment) body = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *too_long = NULL;
  g_autofree char *now = NULL;
  TuttiReenrolmentState state;
  sqlite3_stmt *stmt;

  if (file == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }
  body = tutti_request_parse_record (request, &tutti_reenrolment_schema, &error);
  if (body == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  error = api_error (TUTTI_API_ERROR_INVALID, lang);
  reason = g_strstrip (g_strdup (body->reason != NULL ? body->reason : ""));
  if (body->state != TUTTI_REENROLMENT_VALIDATED && body->state != TUTTI_REENROLMENT_REFUSED)
    add_field (error, "state", &msg_decide, lang);
  else if (body->state == TUTTI_REENROLMENT_REFUSED && *reason == '\0')
    add_field (error, "reason", &msg_reason, lang);
  too_long = tutti_field_check_text (tutti_schema_lookup (&tutti_reenrolment_schema, "reason"), reason, lang);
  if (too_long != NULL)
    tutti_api_error_add_field (error, "reason", too_long);
  if (has_fields (error))
    {
      tutti_request_reply_error (request, error);
      return;
    }
  g_clear_error (&error);

  state = file->reenrolment->state;
  if (state != TUTTI_REENROLMENT_SUBMITTED && state != TUTTI_REENROLMENT_VALIDATED &&
      state != TUTTI_REENROLMENT_REFUSED)
    {
      error = api_error (TUTTI_API_ERROR_CONFLICT, lang);
      add_field (error, "state", &msg_not_sent, lang);
      tutti_request_reply_error (request, error);
      return;
    }

  now = tutti_datetime_now ();
  stmt = tutti_store_prepare (store, "UPDATE reenrolments SET state = ?, reason = ?, decided_at = ? WHERE id = ?",
                              &error);
  if (stmt == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  tutti_store_bind_text (stmt, 1, tutti_enum_to_nick (&tutti_reenrolment_state_enum, body->state));
  tutti_store_bind_text (stmt, 2, body->state == TUTTI_REENROLMENT_REFUSED ? reason : NULL);
  tutti_store_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, file->reenrolment->id);
  if (!tutti_store_run (store, stmt, &error))
    {
      tutti_request_reply_error (request, error);
      return;
    }

  decided = tutti_reenrolment_load_file (store, file->reenrolment->pupil_id, file->campaign, &error);
  if (decided == NULL)
    reply_error_or_not_found (request, error);
  else
    tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_reenrolment_file_schema, decided);
}

/* POST /staff/reenrolments/{id}/documents/{doc_id}/decide: one of the
 * family's documents, as POST /staff/documents/{id}/decide. */
static void
staff_reenrolment_document_decide (TuttiRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiReenrolmentFile) file = load_staff_file (request, &error);
  gint64 document_id = param_id (request, "doc_id");

  if (file == NULL || document_id <= 0)
    {
      reply_error_or_not_found (request, error);
      return;
    }
  tutti_documents_decide (request, document_id, file->family_id);
}

void
tutti_campaigns_register (TuttiServer *server)
{
  tutti_server_add_route_fmt (server, "GET", TUTTI_API_CAMPAIGN_DOWNLOAD_FMT, TUTTI_ROUTE_AUTH,
                              download_get, "id", "download_id", NULL);

  tutti_server_add_route (server, "GET", TUTTI_API_STAFF_CAMPAIGNS, TUTTI_ROUTE_STAFF, staff_campaigns_get);
  tutti_server_add_route (server, "POST", TUTTI_API_STAFF_CAMPAIGNS, TUTTI_ROUTE_STAFF, staff_campaign_post);
  tutti_server_add_route_fmt (server, "GET", TUTTI_API_STAFF_CAMPAIGN_FMT, TUTTI_ROUTE_STAFF,
                              staff_campaign_get, "id", NULL);
  tutti_server_add_route_fmt (server, "PATCH", TUTTI_API_STAFF_CAMPAIGN_FMT, TUTTI_ROUTE_STAFF,
                              staff_campaign_patch, "id", NULL);
  tutti_server_add_route_fmt (server, "PUT", TUTTI_API_STAFF_CAMPAIGN_OFFER_FMT, TUTTI_ROUTE_STAFF,
                              staff_offer_put, "id", NULL);
  tutti_server_add_route_fmt (server, "POST", TUTTI_API_STAFF_CAMPAIGN_DOWNLOADS_FMT,
                              TUTTI_ROUTE_STAFF | TUTTI_ROUTE_UPLOAD, staff_download_post, "id", NULL);
  tutti_server_add_route_fmt (server, "DELETE", TUTTI_API_STAFF_CAMPAIGN_DOWNLOAD_FMT,
                              TUTTI_ROUTE_STAFF, staff_download_delete, "id", "download_id", NULL);

  tutti_server_add_route (server, "GET", TUTTI_API_STAFF_REENROLMENTS, TUTTI_ROUTE_STAFF,
                          staff_reenrolments_get);
  tutti_server_add_route_fmt (server, "GET", TUTTI_API_STAFF_REENROLMENT_FMT, TUTTI_ROUTE_STAFF,
                              staff_reenrolment_get, "id", NULL);
  tutti_server_add_route_fmt (server, "POST", TUTTI_API_STAFF_REENROLMENT_DECIDE_FMT, TUTTI_ROUTE_STAFF,
                              staff_reenrolment_decide, "id", NULL);
  tutti_server_add_route_fmt (server, "POST", TUTTI_API_STAFF_REENROLMENT_DOCUMENT_DECIDE_FMT,
                              TUTTI_ROUTE_STAFF, staff_reenrolment_document_decide, "id", "doc_id", NULL);
}
