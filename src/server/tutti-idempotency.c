/* tutti-idempotency.c — Idempotency-Key: a retried write gets the first answer again
 *
 * A write that a retry could repeat (a payment, a pre-enrolment request)
 * accepts an Idempotency-Key header. The first successful answer is kept
 * with the key, per account, for a day, with the digest of the request it
 * answered; the same key with the same request gets that answer again, byte
 * for byte, and nothing is done twice; the same key with another request is
 * refused. Handlers do the lookup, their write and the keeping of the
 * answer in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <string.h>

#include "tutti-accounts.h"
#include "tutti-idempotency.h"

static const TuttiText msg_key_reused = {
  "This Idempotency-Key was already used for another request.",
  "Cette clé Idempotency-Key a déjà servi pour une autre requête.",
};

void
tutti_idempotent_answer_clear (TuttiIdempotentAnswer *answer)
{
  g_clear_pointer (&answer->content_type, g_free);
  g_clear_pointer (&answer->body, g_bytes_unref);
}

gboolean
tutti_idempotency_key_is_valid (const char *key)
{
  gsize length;

  if (key == NULL)
    return FALSE;
  length = strlen (key);
  if (length == 0 || length > 255)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (*p < 0x21 || *p > 0x7e)
      return FALSE;
  return TRUE;
}

char *
tutti_idempotency_digest (const char *method,
                          const char *path,
                          const char *canonical)
{
  g_autofree char *request_text = g_strdup_printf ("%s %s\n%s", method, path,
                                                   canonical != NULL ? canonical : "");

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, request_text, -1);
}

gboolean
tutti_idempotency_lookup (TuttiStore             *store,
                          gint64                  account_id,
                          const char             *key,
                          const char             *method,
                          const char             *path,
                          const char             *digest,
                          TuttiIdempotentAnswer  *answer,
                          GError                **error)
{
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store, "DELETE FROM idempotency_keys WHERE created_at <= ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tutti_now_seconds () - TUTTI_IDEMPOTENCY_SECONDS);
  if (!tutti_store_run (store, stmt, error))
    return FALSE;

  stmt = tutti_store_prepare (store,
                              "SELECT method, path, request_sha256, status, content_type, body "
                              "FROM idempotency_keys WHERE account_id = ? AND key = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  tutti_store_bind_text (stmt, 2, key);
  if (!tutti_store_step (store, stmt, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      answer->found = FALSE;
      return TRUE;
    }

  answer->found = TRUE;
  answer->same_request =
    g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), method) == 0 &&
    g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), path) == 0 &&
    g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), digest) == 0;
  answer->status = sqlite3_column_int (stmt, 3);
  answer->content_type = tutti_store_column_dup (stmt, 4);
  answer->body = g_bytes_new (sqlite3_column_blob (stmt, 5), sqlite3_column_bytes (stmt, 5));
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
tutti_idempotency_store (TuttiStore  *store,
                         gint64       account_id,
                         const char  *key,
                         const char  *method,
                         const char  *path,
                         const char  *digest,
                         guint        status,
                         const char  *content_type,
                         GBytes      *body,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer data = g_bytes_get_data (body, &size);

  stmt = tutti_store_prepare (store,
                              "INSERT INTO idempotency_keys (account_id, key, method, path, status, "
                              "content_type, body, created_at, request_sha256) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  tutti_store_bind_text (stmt, 2, key);
  tutti_store_bind_text (stmt, 3, method);
  tutti_store_bind_text (stmt, 4, path);
  sqlite3_bind_int (stmt, 5, (int) status);
  tutti_store_bind_text (stmt, 6, content_type);
  sqlite3_bind_blob (stmt, 7, data, (int) size, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, tutti_now_seconds ());
  tutti_store_bind_text (stmt, 9, digest);
  return tutti_store_run (store, stmt, error);
}

void
tutti_idempotency_reply (TuttiRequest                *request,
                         const TuttiIdempotentAnswer *answer)
{
  if (!answer->same_request)
    {
      g_autoptr(GError) conflict = tutti_request_error_new (request, TUTTI_API_ERROR_CONFLICT);

      tutti_api_error_add_field (conflict, TUTTI_API_HEADER_IDEMPOTENCY,
                                 tutti_text_get (&msg_key_reused, tutti_request_get_lang (request)));
      tutti_request_reply_error (request, conflict);
      return;
    }

  tutti_request_set_header (request, TUTTI_API_HEADER_REPLAYED, "true");
  tutti_request_reply_bytes (request, answer->status,
                             answer->content_type != NULL ? answer->content_type
                                                          : TUTTI_API_CONTENT_TYPE_JSON,
                             answer->body);
}
