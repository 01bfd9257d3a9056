/* tutti-accounts.c — accounts, sessions and login attempts in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include "tutti-accounts.h"
#include "tutti-password.h"

gint64
tutti_now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

char *
tutti_iso_from_seconds (gint64 seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

TuttiAccount *
tutti_accounts_load (TuttiStore  *store,
                     gint64       id,
                     GError     **error)
{
  g_autoptr(TuttiAccount) account = NULL;
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_ACCOUNTS, "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tutti_store_step (store, stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return NULL;
    }
  account = tutti_store_read_record (store, TUTTI_TABLE_ACCOUNTS, stmt);
  sqlite3_reset (stmt);

  /* A family account is its guardian: one identity, kept in one place. */
  if (account->guardian_id > 0)
    {
      g_autoptr(TuttiGuardian) guardian = NULL;

      stmt = tutti_store_prepare_select (store, TUTTI_TABLE_GUARDIANS, "WHERE id = ?", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, account->guardian_id);
      if (tutti_store_step (store, stmt, &local_error))
        {
          guardian = tutti_store_read_record (store, TUTTI_TABLE_GUARDIANS, stmt);
          sqlite3_reset (stmt);
        }
      else if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }

      if (guardian != NULL)
        {
          account->civility = guardian->civility;
          replace_string (&account->surname, guardian->surname);
          replace_string (&account->first_name, guardian->first_name);
          replace_string (&account->email, guardian->email);
          if (guardian->lang != NULL && *guardian->lang != '\0')
            replace_string (&account->lang, guardian->lang);
        }
    }

  return g_steal_pointer (&account);
}

gint64
tutti_accounts_find (TuttiStore  *store,
                     const char  *site,
                     const char  *login,
                     char       **password_hash,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  gint64 id;

  stmt = tutti_store_prepare (store,
                              "SELECT id, password_hash FROM accounts WHERE site = ? AND login = ?",
                              error);
  if (stmt == NULL)
    return 0;
  tutti_store_bind_text (stmt, 1, site);
  tutti_store_bind_text (stmt, 2, login);
  if (!tutti_store_step (store, stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return 0;
    }

  id = sqlite3_column_int64 (stmt, 0);
  if (password_hash != NULL)
    *password_hash = tutti_store_column_dup (stmt, 1);
  sqlite3_reset (stmt);
  return id;
}

gint64
tutti_accounts_create (TuttiStore          *store,
                       const TuttiAccount  *account,
                       const char          *password_hash,
                       GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  id = tutti_store_insert (store, TUTTI_TABLE_ACCOUNTS, account, NULL, 0, error);
  if (id == 0)
    return 0;

  stmt = tutti_store_prepare (store,
                              "UPDATE accounts SET password_hash = ?, password_changed_at = ? "
                              "WHERE id = ?",
                              error);
  if (stmt == NULL)
    return 0;
  tutti_store_bind_text (stmt, 1, password_hash);
  if (password_hash != NULL)
    {
      g_autofree char *now = tutti_iso_from_seconds (tutti_now_seconds ());
      tutti_store_bind_text (stmt, 2, now);
    }
  sqlite3_bind_int64 (stmt, 3, id);
  if (!tutti_store_run (store, stmt, error))
    return 0;

  return id;
}

gboolean
tutti_accounts_set_password (TuttiStore  *store,
                             gint64       account_id,
                             const char  *password_hash,
                             GError     **error)
{
  g_autofree char *now = tutti_iso_from_seconds (tutti_now_seconds ());
  sqlite3_stmt *stmt;

  if (!tutti_store_begin (store, error))
    return FALSE;

  stmt = tutti_store_prepare (store,
                              "UPDATE accounts SET password_hash = ?, password_changed_at = ? "
                              "WHERE id = ?",
                              error);
  if (stmt == NULL)
    goto failed;
  tutti_store_bind_text (stmt, 1, password_hash);
  tutti_store_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, account_id);
  if (!tutti_store_run (store, stmt, error))
    goto failed;

  /* A new password ends every session, this one included. */
  if (!tutti_sessions_delete_account (store, account_id, error))
    goto failed;

  return tutti_store_commit (store, error);

failed:
  tutti_store_rollback (store);
  return FALSE;
}

char *
tutti_sessions_create (TuttiStore  *store,
                       gint64       account_id,
                       gint64       now,
                       gint64      *expires,
                       GError     **error)
{
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  sqlite3_stmt *stmt;

  token = tutti_token_generate (error);
  if (token == NULL)
    return NULL;
  token_hash = tutti_token_hash (token);

  stmt = tutti_store_prepare (store,
                              "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) "
                              "VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return NULL;
  tutti_store_bind_text (stmt, 1, token_hash);
  sqlite3_bind_int64 (stmt, 2, account_id);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, now + TUTTI_API_SESSION_SECONDS);
  if (!tutti_store_run (store, stmt, error))
    return NULL;

  if (expires != NULL)
    *expires = now + TUTTI_API_SESSION_SECONDS;
  return g_steal_pointer (&token);
}

gint64
tutti_sessions_lookup (TuttiStore  *store,
                       const char  *token_hash,
                       gint64       now,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  gint64 id;

  stmt = tutti_store_prepare (store,
                              "SELECT account_id FROM sessions WHERE token_hash = ? AND expires_at > ?",
                              error);
  if (stmt == NULL)
    return 0;
  tutti_store_bind_text (stmt, 1, token_hash);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!tutti_store_step (store, stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return 0;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gboolean
tutti_sessions_delete (TuttiStore  *store,
                       const char  *token_hash,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store, "DELETE FROM sessions WHERE token_hash = ?", error);
  if (stmt == NULL)
    return FALSE;
  tutti_store_bind_text (stmt, 1, token_hash);
  return tutti_store_run (store, stmt, error);
}

gboolean
tutti_sessions_delete_account (TuttiStore  *store,
                               gint64       account_id,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store, "DELETE FROM sessions WHERE account_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  return tutti_store_run (store, stmt, error);
}

guint
tutti_attempts_count (TuttiStore  *store,
                      const char  *kind,
                      const char  *site,
                      const char  *login,
                      gint64       since,
                      gint64      *oldest,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  guint count = 0;

  if (oldest != NULL)
    *oldest = 0;

  stmt = tutti_store_prepare (store,
                              "SELECT COUNT(*), MIN(at) FROM login_attempts "
                              "WHERE kind = ? AND site = ? AND login = ? AND at > ?",
                              error);
  if (stmt == NULL)
    return 0;
  tutti_store_bind_text (stmt, 1, kind);
  tutti_store_bind_text (stmt, 2, site);
  tutti_store_bind_text (stmt, 3, login);
  sqlite3_bind_int64 (stmt, 4, since);
  if (tutti_store_step (store, stmt, &local_error))
    {
      count = (guint) sqlite3_column_int (stmt, 0);
      if (oldest != NULL)
        *oldest = sqlite3_column_int64 (stmt, 1);
      sqlite3_reset (stmt);
    }
  else if (local_error != NULL)
    g_propagate_error (error, local_error);

  return count;
}

gboolean
tutti_attempts_record (TuttiStore  *store,
                       const char  *kind,
                       const char  *site,
                       const char  *login,
                       gint64       now,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store,
                              "INSERT INTO login_attempts (kind, site, login, at) VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  tutti_store_bind_text (stmt, 1, kind);
  tutti_store_bind_text (stmt, 2, site);
  tutti_store_bind_text (stmt, 3, login);
  sqlite3_bind_int64 (stmt, 4, now);
  return tutti_store_run (store, stmt, error);
}

gboolean
tutti_attempts_clear (TuttiStore  *store,
                      const char  *kind,
                      const char  *site,
                      const char  *login,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store,
                              "DELETE FROM login_attempts WHERE kind = ? AND site = ? AND login = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  tutti_store_bind_text (stmt, 1, kind);
  tutti_store_bind_text (stmt, 2, site);
  tutti_store_bind_text (stmt, 3, login);
  return tutti_store_run (store, stmt, error);
}

void
tutti_accounts_purge (TuttiStore *store,
                      gint64      now)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store, "DELETE FROM sessions WHERE expires_at <= ?", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, now);
      tutti_store_run (store, stmt, &error);
    }
  stmt = tutti_store_prepare (store, "DELETE FROM login_attempts WHERE at <= ?", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, now - TUTTI_API_LOGIN_WINDOW_SECONDS);
      tutti_store_run (store, stmt, &error);
    }
  if (error != NULL)
    g_message ("Purging old sessions: %s", error->message);
}
