/* tutti-auth.c — sites, sessions and passwords (AUTH-1..4)
 *
 * GET /sites, POST and DELETE /session, POST /password-reset, PUT /password.
 * Hashing runs in a worker thread; the database is touched on the main
 * thread, except by the password reset, whose worker opens its own
 * connection so that the new password is stored before it is mailed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "tutti-accounts.h"
#include "tutti-auth.h"
#include "tutti-password.h"

/* The one message of a wrong current password (AUTH-3). */
static const TuttiText current_password_wrong = {
  "The current password is not correct.",
  "Le mot de passe actuel est incorrect.",
};

/* The credentials e-mail (AUTH-2, AUTH-6, MAIL-1), as the guide shows it. */
static const TuttiText credentials_subject = {
  "Credentials - Tutti family portal",
  "Identifiants - Portail Tutti",
};
static const TuttiText credentials_greeting = { "Hello", "Bonjour" };
static const TuttiText credentials_intro = {
  "Please find below your credentials for the family portal of the school.",
  "Veuillez trouver ci-dessous vos identifiants pour l'accès au portail des familles.",
};
/* French puts a space before the colon. */
static const TuttiText colon = { ": ", " : " };
static const TuttiText credentials_site = { "Site", "Site" };
static const TuttiText credentials_login = { "Identifier", "Identifiant" };
static const TuttiText credentials_password = { "Password", "Mot de passe" };
static const TuttiText credentials_notice = {
  "A new password is made at each request: the previous one no longer works. "
  "You can change it at any time in the Password menu.",
  "À chaque demande, un nouveau mot de passe est généré : le précédent ne "
  "fonctionne plus. Vous pouvez le modifier à tout moment dans le menu Mot de passe.",
};
static const TuttiText credentials_contact = {
  "If you did not ask for it, please contact the office",
  "Si vous n'êtes pas à l'origine de cette demande, contactez le secrétariat",
};

static void
wipe_string (char *text)
{
  if (text != NULL)
    explicit_bzero (text, strlen (text));
  g_free (text);
}

/* 429 with the seconds until the oldest counted attempt leaves the window,
 * or NULL while fewer than the maximum were made. */
static GError *
check_attempts (TuttiRequest  *request,
                const char    *kind,
                const char    *site,
                const char    *login,
                GError       **error)
{
  TuttiStore *store = tutti_request_get_store (request);
  gint64 now = tutti_now_seconds ();
  gint64 oldest = 0;
  GError *local_error = NULL;
  GError *limited;
  guint count;

  count = tutti_attempts_count (store, kind, site, login,
                                now - TUTTI_API_LOGIN_WINDOW_SECONDS, &oldest, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (count < TUTTI_API_LOGIN_MAX_FAILURES)
    return NULL;

  limited = tutti_request_error_new (request, TUTTI_API_ERROR_TOO_MANY_ATTEMPTS);
  tutti_api_error_set_retry_after (limited,
                                   (guint) MAX (1, oldest + TUTTI_API_LOGIN_WINDOW_SECONDS - now));
  return limited;
}

/* ---- GET /sites ----------------------------------------------------------- */

static void
sites_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_SITES, "ORDER BY name", &error);
  if (stmt != NULL)
    sites = tutti_store_read_records (store, TUTTI_TABLE_SITES, stmt, &error);
  if (sites == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  for (guint i = 0; i < sites->len; i++)
    json_array_add_element (array, tutti_site_to_json (g_ptr_array_index (sites, i)));
  json_node_set_array (node, array);
  tutti_request_reply_json (request, SOUP_STATUS_OK, node);
}

/* ---- POST /session -------------------------------------------------------- */

typedef struct
{
  char *site;
  char *login;
  char *password;
  char *hash;
  gint64 account_id;
  gboolean ok;
} LoginJob;

static void
login_job_free (gpointer data)
{
  LoginJob *job = data;

  g_free (job->site);
  g_free (job->login);
  wipe_string (job->password);
  g_free (job->hash);
  g_free (job);
}

static void
login_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  LoginJob *job = task_data;

  /* Unknown logins are hashed too (against a dummy): same time, same answer. */
  job->ok = tutti_password_verify (job->password, job->hash) && job->account_id > 0;
  g_task_return_boolean (task, TRUE);
}

static void
login_done (TuttiRequest *request,
            GTask        *task)
{
  LoginJob *job = g_task_get_task_data (task);
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiSession) session = NULL;
  g_autofree char *token = NULL;
  gint64 now = tutti_now_seconds ();
  gint64 expires = 0;

  if (!job->ok)
    {
      if (!tutti_attempts_record (store, TUTTI_ATTEMPT_LOGIN, job->site, job->login, now, &error))
        tutti_request_reply_error (request, error);
      else
        tutti_request_reply_code (request, TUTTI_API_ERROR_BAD_CREDENTIALS);
      return;
    }

  if (!tutti_attempts_clear (store, TUTTI_ATTEMPT_LOGIN, job->site, job->login, &error) ||
      (token = tutti_sessions_create (store, job->account_id, now, &expires, &error)) == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  session = tutti_session_new ();
  session->token = g_steal_pointer (&token);
  session->expires_at = tutti_iso_from_seconds (expires);
  session->account = tutti_accounts_load (store, job->account_id, &error);
  if (session->account == NULL)
    {
      if (error == NULL)
        error = tutti_request_error_new (request, TUTTI_API_ERROR_BAD_CREDENTIALS);
      tutti_request_reply_error (request, error);
      return;
    }

  tutti_request_reply_record (request, SOUP_STATUS_CREATED, &tutti_session_schema, session);
  wipe_string (g_steal_pointer (&session->token));
}

static void
session_create (TuttiRequest *request)
{
  g_autoptr(TuttiLoginRequest) login = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) limited = NULL;
  LoginJob *job;

  login = tutti_request_read_record (request, &tutti_login_request_schema, &error);
  if (login == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  /* Counted per login whether it exists or not, and checked before the
   * password: a right password after too many failures still waits. */
  limited = check_attempts (request, TUTTI_ATTEMPT_LOGIN, login->site, login->login, &error);
  if (limited != NULL || error != NULL)
    {
      tutti_request_reply_error (request, limited != NULL ? limited : error);
      return;
    }

  job = g_new0 (LoginJob, 1);
  job->site = g_strdup (login->site);
  job->login = g_strdup (login->login);
  job->password = g_steal_pointer (&login->password);
  job->account_id = tutti_accounts_find (tutti_request_get_store (request),
                                         login->site, login->login, &job->hash, &error);
  if (error != NULL)
    {
      login_job_free (job);
      tutti_request_reply_error (request, error);
      return;
    }

  tutti_request_run_in_thread (request, job, login_job_free, login_thread, login_done);
}

/* ---- DELETE /session ------------------------------------------------------ */

static void
session_delete (TuttiRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!tutti_sessions_delete (tutti_request_get_store (request),
                              tutti_request_get_token_hash (request), &error))
    tutti_request_reply_error (request, error);
  else
    tutti_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}

/* ---- POST /password-reset ------------------------------------------------- */

typedef struct
{
  TuttiServer *server;
  gint64 account_id;    /* 0 when site, login and e-mail did not match */
  TuttiLang lang;
  char *site_name;
  char *login;
  char *to_name;
  char *to_address;
  char *school_phone;
  char *school_email;
  char *school_name;
} ResetJob;

static void
reset_job_free (gpointer data)
{
  ResetJob *job = data;

  g_clear_object (&job->server);
  g_free (job->site_name);
  g_free (job->login);
  g_free (job->to_name);
  g_free (job->to_address);
  g_free (job->school_phone);
  g_free (job->school_email);
  g_free (job->school_name);
  g_free (job);
}

static void
append_line (GString         *body,
             const TuttiText *label,
             TuttiLang        lang,
             const char      *value)
{
  g_string_append (body, tutti_text_get (label, lang));
  g_string_append (body, tutti_text_get (&colon, lang));
  g_string_append (body, value != NULL ? value : "");
  g_string_append_c (body, '\n');
}

static char *
compose_credentials (ResetJob   *job,
                     const char *password)
{
  GString *body = g_string_new (NULL);
  TuttiLang lang = job->lang;
  g_autofree char *contact = g_strdup_printf ("%s / %s",
                                              job->school_phone != NULL ? job->school_phone : "",
                                              job->school_email != NULL ? job->school_email : "");

  g_string_append_printf (body, "%s %s,\n\n", tutti_text_get (&credentials_greeting, lang),
                          job->to_name);
  g_string_append (body, tutti_text_get (&credentials_intro, lang));
  g_string_append (body, "\n\n");
  append_line (body, &credentials_site, lang, job->site_name);
  append_line (body, &credentials_login, lang, job->login);
  append_line (body, &credentials_password, lang, password);
  g_string_append_c (body, '\n');
  g_string_append (body, tutti_text_get (&credentials_notice, lang));
  g_string_append (body, "\n\n");
  append_line (body, &credentials_contact, lang, contact);
  if (job->school_name != NULL)
    g_string_append_printf (body, "\n%s\n", job->school_name);

  return g_string_free (body, FALSE);
}

static void
reset_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ResetJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiStore) store = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *file_name = NULL;
  char *password = NULL;
  char *body = NULL;

  /* Both branches hash once, so that the answer takes as long either way. */
  password = tutti_password_generate (&error);
  if (password != NULL)
    hash = tutti_password_hash (password, &error);
  if (hash == NULL || job->account_id == 0)
    goto out;

  /* Stored first: the old password stops working before the new one is sent. */
  store = tutti_server_open_store (job->server, &error);
  if (store == NULL || !tutti_accounts_set_password (store, job->account_id, hash, &error))
    goto out;

  body = compose_credentials (job, password);
  file_name = tutti_mailer_send (tutti_server_get_mailer (job->server),
                                 job->to_name, job->to_address,
                                 tutti_text_get (&credentials_subject, job->lang),
                                 body, &error);

out:
  /* The answer is 202 whatever happened here, or it would tell who exists. */
  if (error != NULL)
    g_warning ("Password reset: %s", error->message);
  else if (file_name != NULL)
    g_message ("Password reset: credentials mailed as %s", file_name);
  wipe_string (password);
  wipe_string (body);
  g_task_return_boolean (task, TRUE);
}

static void
reset_done (TuttiRequest *request,
            GTask        *task)
{
  tutti_request_reply_empty (request, SOUP_STATUS_ACCEPTED);
}

static char *
lookup_site_name (TuttiStore *store,
                  const char *site)
{
  sqlite3_stmt *stmt = tutti_store_prepare (store, "SELECT name FROM sites WHERE id = ?", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup (site);
  tutti_store_bind_text (stmt, 1, site);
  if (tutti_store_step (store, stmt, NULL))
    {
      name = tutti_store_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  return name != NULL ? name : g_strdup (site);
}

static gboolean
fill_reset_job (TuttiRequest               *request,
                ResetJob                   *job,
                TuttiPasswordResetRequest  *reset,
                GError                    **error)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(TuttiAccount) account = NULL;
  g_autoptr(TuttiSchool) school = NULL;
  g_autofree char *email = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  id = tutti_accounts_find (store, reset->site, reset->login, NULL, error);
  if (id == 0)
    return error == NULL || *error == NULL;

  account = tutti_accounts_load (store, id, error);
  if (account == NULL)
    return error == NULL || *error == NULL;

  email = g_strstrip (g_strdup (reset->email));
  if (account->email == NULL || g_ascii_strcasecmp (account->email, email) != 0)
    return TRUE;

  job->account_id = id;
  job->lang = tutti_lang_from_tag (account->lang);
  job->login = g_strdup (account->login);
  job->to_address = g_strdup (account->email);
  job->to_name = g_strdup_printf ("%s %s %s",
                                  tutti_enum_to_label (&tutti_civility_enum, account->civility, job->lang),
                                  account->surname != NULL ? account->surname : "",
                                  account->first_name != NULL ? account->first_name : "");
  g_strstrip (job->to_name);
  job->site_name = lookup_site_name (store, account->site);

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_SCHOOL, "WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if (tutti_store_step (store, stmt, &local_error))
    {
      school = tutti_store_read_record (store, TUTTI_TABLE_SCHOOL, stmt);
      sqlite3_reset (stmt);
      job->school_name = g_strdup (school->name);
      job->school_phone = g_strdup (school->phone);
      job->school_email = g_strdup (school->email);
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static void
password_reset (TuttiRequest *request)
{
  g_autoptr(TuttiPasswordResetRequest) reset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) limited = NULL;
  ResetJob *job;

  reset = tutti_request_read_record (request, &tutti_password_reset_request_schema, &error);
  if (reset == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  /* Every request counts, matched or not (AUTH-2: rate-limited). */
  limited = check_attempts (request, TUTTI_ATTEMPT_RESET, reset->site, reset->login, &error);
  if (limited != NULL || error != NULL)
    {
      tutti_request_reply_error (request, limited != NULL ? limited : error);
      return;
    }
  if (!tutti_attempts_record (tutti_request_get_store (request), TUTTI_ATTEMPT_RESET,
                              reset->site, reset->login, tutti_now_seconds (), &error))
    {
      tutti_request_reply_error (request, error);
      return;
    }

  job = g_new0 (ResetJob, 1);
  job->server = g_object_ref (tutti_request_get_server (request));
  if (!fill_reset_job (request, job, reset, &error))
    {
      reset_job_free (job);
      tutti_request_reply_error (request, error);
      return;
    }

  tutti_request_run_in_thread (request, job, reset_job_free, reset_thread, reset_done);
}

/* ---- PUT /password -------------------------------------------------------- */

typedef struct
{
  gint64 account_id;
  char *current;
  char *new_password;
  char *hash;
  char *new_hash;
  gboolean ok;
} ChangeJob;

static void
change_job_free (gpointer data)
{
  ChangeJob *job = data;

  wipe_string (job->current);
  wipe_string (job->new_password);
  g_free (job->hash);
  g_free (job->new_hash);
  g_free (job);
}

static void
change_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ChangeJob *job = task_data;
  g_autoptr(GError) error = NULL;

  job->ok = tutti_password_verify (job->current, job->hash);
  if (job->ok)
    {
      job->new_hash = tutti_password_hash (job->new_password, &error);
      if (job->new_hash == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
change_done (TuttiRequest *request,
             GTask        *task)
{
  ChangeJob *job = g_task_get_task_data (task);
  TuttiAccount *account = tutti_request_get_account (request);
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      tutti_request_reply_error (request, error);
      return;
    }

  if (!job->ok)
    {
      g_autoptr(GError) invalid = tutti_request_error_new (request, TUTTI_API_ERROR_INVALID);

      /* Guessing the current password counts like failed logins. */
      if (!tutti_attempts_record (store, TUTTI_ATTEMPT_LOGIN, account->site, account->login,
                                  tutti_now_seconds (), &error))
        {
          tutti_request_reply_error (request, error);
          return;
        }
      tutti_api_error_add_field (invalid, "current",
                                 tutti_text_get (&current_password_wrong,
                                                 tutti_request_get_lang (request)));
      tutti_request_reply_error (request, invalid);
      return;
    }

  /* Every session of the account dies, the current one included. */
  if (!tutti_accounts_set_password (store, job->account_id, job->new_hash, &error))
    tutti_request_reply_error (request, error);
  else
    tutti_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}

static void
password_change (TuttiRequest *request)
{
  const char *new_key = "new";
  g_autoptr(TuttiPasswordChangeRequest) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) limited = NULL;
  g_autoptr(GHashTable) invalid = NULL;
  TuttiAccount *account = tutti_request_get_account (request);
  TuttiLang lang = tutti_request_get_lang (request);
  TuttiPasswordRule unmet;
  ChangeJob *job;

  change = tutti_request_parse_record (request, &tutti_password_change_request_schema, &error);
  if (change == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  for (guint i = 0; i < tutti_password_change_request_schema.n_fields; i++)
    if (G_STRUCT_OFFSET (TuttiPasswordChangeRequest, new_password) ==
        (glong) tutti_password_change_request_schema.fields[i].offset)
      new_key = tutti_password_change_request_schema.fields[i].key;

  /* Missing fields are "invalid"; a new password that breaks the policy is
   * "password-policy", naming each unmet rule (AUTH-3). */
  invalid = tutti_record_validate (&tutti_password_change_request_schema, change, lang);
  if (invalid != NULL && !tutti_is_blank (change->new_password))
    g_hash_table_remove (invalid, new_key);
  if (invalid != NULL && g_hash_table_size (invalid) > 0)
    {
      g_autoptr(GError) invalid_error = tutti_request_error_new (request, TUTTI_API_ERROR_INVALID);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, invalid);
      while (g_hash_table_iter_next (&iter, &key, &value))
        tutti_api_error_add_field (invalid_error, key, value);
      tutti_request_reply_error (request, invalid_error);
      return;
    }

  unmet = tutti_password_check (change->new_password);
  if (unmet != 0)
    {
      g_autoptr(GError) policy = tutti_request_error_new (request, TUTTI_API_ERROR_PASSWORD_POLICY);
      g_autofree char *rules = tutti_password_rules_message (unmet, lang);

      tutti_api_error_add_field (policy, new_key, rules);
      tutti_request_reply_error (request, policy);
      return;
    }

  limited = check_attempts (request, TUTTI_ATTEMPT_LOGIN, account->site, account->login, &error);
  if (limited != NULL || error != NULL)
    {
      tutti_request_reply_error (request, limited != NULL ? limited : error);
      return;
    }

  job = g_new0 (ChangeJob, 1);
  job->current = g_steal_pointer (&change->current);
  job->new_password = g_steal_pointer (&change->new_password);
  job->account_id = tutti_accounts_find (tutti_request_get_store (request),
                                         account->site, account->login, &job->hash, &error);
  if (job->account_id == 0)
    {
      change_job_free (job);
      if (error == NULL)
        error = tutti_request_error_new (request, TUTTI_API_ERROR_UNAUTHENTICATED);
      tutti_request_reply_error (request, error);
      return;
    }

  tutti_request_run_in_thread (request, job, change_job_free, change_thread, change_done);
}

void
tutti_auth_register (TuttiServer *server)
{
  tutti_server_add_route (server, "GET", TUTTI_API_SITES, TUTTI_ROUTE_PUBLIC, sites_get);
  tutti_server_add_route (server, "POST", TUTTI_API_SESSION, TUTTI_ROUTE_PUBLIC, session_create);
  tutti_server_add_route (server, "DELETE", TUTTI_API_SESSION, TUTTI_ROUTE_AUTH, session_delete);
  tutti_server_add_route (server, "POST", TUTTI_API_PASSWORD_RESET, TUTTI_ROUTE_PUBLIC, password_reset);
  tutti_server_add_route (server, "PUT", TUTTI_API_PASSWORD, TUTTI_ROUTE_AUTH, password_change);
}
