/* tutti-home.c — the home page (HOME-1..4)
 *
 * GET /home: who is logged in, the school's contact line, the family's
 * pupils with their re-enrolment state, the campaigns open now and the
 * family's pre-enrolment requests with their outcome.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <libsoup/soup.h>

#include "tutti-home.h"
#include "tutti-preenrolment.h"

/* Lists of a record made with tutti_xxx_new() may or may not exist yet. */
static GPtrArray *
ensure_list (GPtrArray      **list,
             GDestroyNotify   free_func)
{
  if (*list == NULL)
    *list = g_ptr_array_new_with_free_func (free_func);
  return *list;
}

static void
append_records (GPtrArray         **list,
                GDestroyNotify      free_func,
                GPtrArray          *records)
{
  GPtrArray *target = ensure_list (list, free_func);

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (target, g_ptr_array_index (records, i));
  /* Moved, not freed. */
  g_ptr_array_set_free_func (records, NULL);
  g_ptr_array_set_size (records, 0);
}

/* Whether @campaign is open at @now: its flag, its opening and deadline. */
static gboolean
campaign_is_open (const TuttiCampaign *campaign,
                  GDateTime           *now)
{
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) opens = NULL;

  if (!campaign->open)
    return FALSE;
  if (campaign->opens_at != NULL && *campaign->opens_at != '\0')
    {
      opens = tutti_parse_datetime (campaign->opens_at);
      if (opens != NULL && g_date_time_compare (now, opens) < 0)
        return FALSE;
    }
  if (campaign->deadline != NULL && *campaign->deadline != '\0')
    {
      deadline = tutti_parse_datetime (campaign->deadline);
      if (deadline != NULL && g_date_time_compare (now, deadline) > 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_campaign_lists (TuttiStore     *store,
                     TuttiCampaign  *campaign,
                     GError        **error)
{
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GPtrArray) downloads = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_DOCUMENT_KINDS,
                                     "JOIN campaign_documents ON kind_id = document_kinds.id "
                                     "WHERE campaign_id = ? ORDER BY position",
                                     error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign->id);
  kinds = tutti_store_read_records (store, TUTTI_TABLE_DOCUMENT_KINDS, stmt, error);
  if (kinds == NULL)
    return FALSE;
  append_records (&campaign->required_documents, (GDestroyNotify) tutti_document_kind_free, kinds);

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_DOWNLOADS,
                                     "WHERE campaign_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign->id);
  downloads = tutti_store_read_records (store, TUTTI_TABLE_DOWNLOADS, stmt, error);
  if (downloads == NULL)
    return FALSE;
  append_records (&campaign->downloads, (GDestroyNotify) tutti_download_free, downloads);

  ensure_list (&campaign->offer, (GDestroyNotify) tutti_offer_item_free);
  return TRUE;
}

static int
compare_campaigns (gconstpointer a,
                   gconstpointer b)
{
  const TuttiCampaign *campaign_a = *(TuttiCampaign * const *) a;
  const TuttiCampaign *campaign_b = *(TuttiCampaign * const *) b;

  if (campaign_a->kind != campaign_b->kind)
    return campaign_a->kind < campaign_b->kind ? -1 : 1;
  return g_strcmp0 (campaign_a->deadline, campaign_b->deadline);
}

GPtrArray *
tutti_home_open_campaigns (TuttiStore  *store,
                           GError     **error)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_CAMPAIGNS,
                                     "WHERE open = 1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  campaigns = tutti_store_read_records (store, TUTTI_TABLE_CAMPAIGNS, stmt, error);
  if (campaigns == NULL)
    return NULL;
  open = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_campaign_free);
  for (guint i = 0; i < campaigns->len; )
    {
      TuttiCampaign *campaign = g_ptr_array_index (campaigns, i);

      if (!campaign_is_open (campaign, now))
        {
          i++;
          continue;
        }
      if (!load_campaign_lists (store, campaign, error))
        return NULL;
      g_ptr_array_add (open, g_ptr_array_steal_index (campaigns, i));
    }
  /* Re-enrolment first, as on the guide's home page. */
  g_ptr_array_sort (open, compare_campaigns);
  return g_steal_pointer (&open);
}

static gboolean
load_pupils (TuttiStore     *store,
             TuttiHome      *home,
             gint64          reenrolment_campaign,
             GError        **error)
{
  g_autoptr(GPtrArray) pupils = NULL;
  sqlite3_stmt *stmt;

  ensure_list (&home->pupils, (GDestroyNotify) tutti_home_pupil_free);
  if (home->account->family_id <= 0)
    return TRUE;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_PUPILS,
                                     "WHERE family_id = ? ORDER BY birth_date, first_name, id",
                                     error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, home->account->family_id);
  pupils = tutti_store_read_records (store, TUTTI_TABLE_PUPILS, stmt, error);
  if (pupils == NULL)
    return FALSE;

  for (guint i = 0; i < pupils->len; i++)
    {
      TuttiPupil *pupil = g_ptr_array_index (pupils, i);
      TuttiHomePupil *home_pupil = tutti_home_pupil_new ();
      GError *local_error = NULL;

      home_pupil->id = pupil->id;
      home_pupil->civility = pupil->civility;
      home_pupil->surname = g_strdup (pupil->surname);
      home_pupil->first_name = g_strdup (pupil->first_name);
      home_pupil->reenrolment_state = TUTTI_REENROLMENT_TO_DO;
      g_ptr_array_add (home->pupils, home_pupil);

      if (reenrolment_campaign <= 0)
        continue;

      stmt = tutti_store_prepare (store,
                                  "SELECT state FROM reenrolments WHERE pupil_id = ? AND campaign_id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pupil->id);
      sqlite3_bind_int64 (stmt, 2, reenrolment_campaign);
      if (tutti_store_step (store, stmt, &local_error))
        {
          int state = tutti_enum_from_nick (&tutti_reenrolment_state_enum,
                                            (const char *) sqlite3_column_text (stmt, 0));

          if (state >= 0)
            home_pupil->reenrolment_state = state;
          sqlite3_reset (stmt);
        }
      else if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }
  return TRUE;
}

static void
home_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(TuttiHome) home = tutti_home_new ();
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GPtrArray) preenrolments = NULL;
  g_autoptr(GError) error = NULL;
  GError *local_error = NULL;
  gint64 reenrolment_campaign = 0;
  sqlite3_stmt *stmt;

  g_clear_pointer (&home->account, tutti_account_free);
  home->account = tutti_account_copy (tutti_request_get_account (request));

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_SCHOOL, "WHERE id = 1", &error);
  if (stmt == NULL)
    goto failed;
  if (tutti_store_step (store, stmt, &local_error))
    {
      g_clear_pointer (&home->school, tutti_school_free);
      home->school = tutti_store_read_record (store, TUTTI_TABLE_SCHOOL, stmt);
      sqlite3_reset (stmt);
    }
  else if (local_error != NULL)
    {
      g_propagate_error (&error, local_error);
      goto failed;
    }

  campaigns = tutti_home_open_campaigns (store, &error);
  if (campaigns == NULL)
    goto failed;
  for (guint i = 0; i < campaigns->len; i++)
    {
      TuttiCampaign *campaign = g_ptr_array_index (campaigns, i);

      if (campaign->kind == TUTTI_CAMPAIGN_REENROLMENT && reenrolment_campaign == 0)
        reenrolment_campaign = campaign->id;
    }
  append_records (&home->campaigns, (GDestroyNotify) tutti_campaign_free, campaigns);

  if (!load_pupils (store, home, reenrolment_campaign, &error))
    goto failed;

  /* HOME-4: the family's pre-enrolment requests and their outcome. */
  preenrolments = tutti_preenrolment_list (store, home->account->family_id, &error);
  if (preenrolments == NULL)
    goto failed;
  append_records (&home->preenrolments, (GDestroyNotify) tutti_preenrolment_free, preenrolments);

  tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_home_schema, home);
  return;

failed:
  tutti_request_reply_error (request, error);
}

gboolean
tutti_home_campaign_is_open (const TuttiCampaign *campaign,
                             GDateTime           *now)
{
  return campaign_is_open (campaign, now);
}

gboolean
tutti_home_load_campaign_lists (TuttiStore     *store,
                                TuttiCampaign  *campaign,
                                GError        **error)
{
  return load_campaign_lists (store, campaign, error);
}

void
tutti_home_register (TuttiServer *server)
{
  tutti_server_add_route (server, "GET", TUTTI_API_HOME, TUTTI_ROUTE_AUTH, home_get);
}
