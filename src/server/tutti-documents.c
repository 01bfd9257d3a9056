/* tutti-documents.c — a family's supporting documents (FAM-2, REE-3 step 3, STAFF-2)
 *
 * A family uploads a document as the raw body of POST /family/documents,
 * saying which it is in X-Document-Kind: one the open re-enrolment
 * campaign asks for, or "other". At most TUTTI_API_MAX_UPLOAD bytes: the
 * server stops keeping the body once past it (413 file-too-large). The
 * type is read from the content alone, whatever the name and the
 * Content-Type say: a PDF, a JPEG or a PNG with the minimal structure of
 * one, else 415 unsupported-file-type.
 *
 * The file goes to DATA_DIR/documents/ in a worker thread: written under a
 * temporary name, synced, renamed, the directory synced; then its row
 * (size, SHA-256, path) is committed. A crash leaves either the whole file
 * and its row, or no row (at worst a file no row names). Uploads honour
 * Idempotency-Key (tutti-idempotency.c).
 *
 * The list shows each document with its state (provided, accepted,
 * refused with the office's reason) and a "to provide" row for each
 * document the open campaign asks for and the family has not sent. A
 * document can be read back and deleted until the office accepts it.
 * Another family's document answers 404 exactly as a missing one.
 *
 * The office lists the documents to check, reads them and accepts or
 * refuses each with a reason (/staff/documents).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <unistd.h>

#include "tutti-campaigns.h"
#include "tutti-documents.h"
#include "tutti-family.h"
#include "tutti-idempotency.h"

/* File and display names, in characters. */
#define MAX_NAME_LENGTH 255

/* ---- Texts ------------------------------------------------------------------ */

static const TuttiText msg_kind_missing = {
  "Say which document this is (X-Document-Kind).",
  "Indiquez de quel document il s’agit (X-Document-Kind).",
};
static const TuttiText msg_kind_unknown = {
  "Choose one of the documents the campaign asks for, or “other”.",
  "Choisissez l’une des pièces demandées par la campagne, ou « other ».",
};
static const TuttiText msg_type = {
  "Only PDF, JPEG and PNG files are accepted; this file is none of them, or it is damaged.",
  "Seuls les fichiers PDF, JPEG et PNG sont acceptés ; ce fichier n’en est pas un, ou il est endommagé.",
};
static const TuttiText msg_too_large = {
  "A document is 2 MB at most.",
  "Un document fait au plus 2 Mo.",
};
static const TuttiText msg_accepted = {
  "The office has accepted this document: it can no longer be deleted.",
  "Le secrétariat a accepté ce document : il ne peut plus être supprimé.",
};
static const TuttiText msg_choose_decision = {
  "Choose “accepted” or “refused”.",
  "Choisissez « accepted » ou « refused ».",
};
static const TuttiText msg_reason = {
  "Give the reason of the refusal.",
  "Indiquez le motif du refus.",
};
static const TuttiText msg_bad_state = {
  "Choose one of “to-provide”, “provided”, “accepted”, “refused”.",
  "Choisissez « to-provide », « provided », « accepted » ou « refused ».",
};

static const char *
extension_for_type (const char *content_type)
{
  if (g_strcmp0 (content_type, "image/png") == 0)
    return ".png";
  if (g_strcmp0 (content_type, "image/jpeg") == 0)
    return ".jpg";
  return ".pdf";
}

/* ---- Names ------------------------------------------------------------------ */

char *
tutti_documents_header_name (TuttiRequest *request,
                             const char   *header)
{
  const char *value = tutti_request_get_header (request, header);
  g_autofree char *decoded = NULL;
  g_autofree char *base = NULL;
  GString *name;
  char *result;
  const char *p;
  glong length = 0;

  if (value == NULL)
    return NULL;
  decoded = g_uri_unescape_string (value, NULL);
  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    return NULL;

  /* The last part of a path, whichever separator the sender's system uses. */
  p = strrchr (decoded, '/');
  base = g_strdup (p != NULL ? p + 1 : decoded);
  p = strrchr (base, '\\');
  name = g_string_new (NULL);
  for (p = p != NULL ? p + 1 : base; *p != '\0' && length < MAX_NAME_LENGTH; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        continue;
      g_string_append_unichar (name, c);
      length++;
    }
  result = g_strstrip (g_string_free (name, FALSE));
  if (*result == '\0' || g_str_equal (result, ".") || g_str_equal (result, ".."))
    g_clear_pointer (&result, g_free);
  return result;
}

char *
tutti_documents_disposition (const char *file_name)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  for (const char *p = file_name; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      g_string_append_c (ascii, c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_');
    }
  escaped = g_uri_escape_string (file_name, NULL, FALSE);
  return g_strdup_printf ("inline; filename=\"%s\"; filename*=UTF-8''%s", ascii->str, escaped);
}

/* ---- Store ------------------------------------------------------------------ */

static GError *
api_error (TuttiApiErrorCode  code,
           TuttiLang          lang)
{
  return tutti_api_error_new (code, tutti_api_error_code_message (code, lang));
}

static GError *
api_error_field (TuttiApiErrorCode  code,
                 TuttiLang          lang,
                 const char        *field,
                 const TuttiText   *message)
{
  GError *error = api_error (code, lang);

  tutti_api_error_add_field (error, field, tutti_text_get (message, lang));
  return error;
}

/* The document @id (of @family_id when > 0), or %NULL with @error unset. */
static TuttiDocument *
load_document (TuttiStore  *store,
               gint64       id,
               gint64       family_id,
               GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  if (id <= 0)
    return NULL;
  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_DOCUMENTS,
                                     family_id > 0 ? "WHERE id = ? AND family_id = ?" : "WHERE id = ?",
                                     error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (family_id > 0)
    sqlite3_bind_int64 (stmt, 2, family_id);
  rows = tutti_store_read_records (store, TUTTI_TABLE_DOCUMENTS, stmt, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

/* The file name under DATA_DIR/documents of document @id, or %NULL when
 * its content is in its row. */
static char *
load_path (TuttiStore  *store,
           gint64       id,
           GError     **error)
{
  sqlite3_stmt *stmt = tutti_store_prepare (store, "SELECT path FROM documents WHERE id = ?", error);
  char *path = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (tutti_store_step (store, stmt, error))
    {
      path = tutti_store_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  return path;
}

typedef enum
{
  KIND_UNKNOWN,           /* no such kind */
  KIND_NOT_ASKED,         /* a kind no campaign asks for */
  KIND_OTHER,             /* "other": always welcome */
  KIND_OPEN,              /* asked for by a campaign open now */
  KIND_CLOSED,            /* asked for only by campaigns now closed */
} KindStatus;

static gboolean
kind_status (TuttiStore  *store,
             const char  *kind,
             KindStatus  *status,
             char       **name,
             GError     **error)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  *status = KIND_UNKNOWN;
  stmt = tutti_store_prepare (store, "SELECT name FROM document_kinds WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  tutti_store_bind_text (stmt, 1, kind);
  if (!tutti_store_step (store, stmt, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      return TRUE;
    }
  if (name != NULL)
    *name = tutti_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  if (g_str_equal (kind, TUTTI_API_DOCUMENT_KIND_OTHER))
    {
      *status = KIND_OTHER;
      return TRUE;
    }

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_CAMPAIGNS,
                                     "WHERE id IN (SELECT campaign_id FROM campaign_documents "
                                     "WHERE kind_id = ?)", error);
  if (stmt == NULL)
    return FALSE;
  tutti_store_bind_text (stmt, 1, kind);
  campaigns = tutti_store_read_records (store, TUTTI_TABLE_CAMPAIGNS, stmt, error);
  if (campaigns == NULL)
    return FALSE;

  *status = campaigns->len == 0 ? KIND_NOT_ASKED : KIND_CLOSED;
  for (guint i = 0; i < campaigns->len; i++)
    if (tutti_campaigns_is_open (g_ptr_array_index (campaigns, i)))
      *status = KIND_OPEN;
  return TRUE;
}

GPtrArray *
tutti_documents_list (TuttiStore          *store,
                      gint64               family_id,
                      const TuttiCampaign *campaign,
                      GError             **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree gboolean *listed = NULL;
  GPtrArray *list;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_DOCUMENTS,
                                     "WHERE family_id = ? ORDER BY uploaded_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  documents = tutti_store_read_records (store, TUTTI_TABLE_DOCUMENTS, stmt, error);
  if (documents == NULL)
    return NULL;

  list = tutti_record_list_new (&tutti_document_schema);
  listed = g_new0 (gboolean, documents->len + 1);
  for (guint k = 0; campaign != NULL && k < campaign->required_documents->len; k++)
    {
      const TuttiDocumentKind *kind = g_ptr_array_index (campaign->required_documents, k);
      gboolean found = FALSE;

      for (guint i = 0; i < documents->len; i++)
        {
          const TuttiDocument *document = g_ptr_array_index (documents, i);

          if (listed[i] || g_strcmp0 (document->kind, kind->id) != 0)
            continue;
          g_ptr_array_add (list, tutti_document_copy (document));
          listed[i] = TRUE;
          found = TRUE;
        }
      if (!found)
        {
          TuttiDocument *missing = tutti_document_new ();

          missing->family_id = family_id;
          missing->kind = g_strdup (kind->id);
          missing->name = g_strdup (kind->name);
          missing->state = TUTTI_DOCUMENT_TO_PROVIDE;
          g_ptr_array_add (list, missing);
        }
    }
  for (guint i = 0; i < documents->len; i++)
    if (!listed[i])
      g_ptr_array_add (list, tutti_document_copy (g_ptr_array_index (documents, i)));
  return list;
}

/* ---- Writing a file ------------------------------------------------------------- */

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *what,
              const char  *path)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s %s: %s", what, path, g_strerror (saved_errno));
  return FALSE;
}

/* @dir/@name holds @content entirely, or does not exist: temporary file,
 * write, fsync, rename, fsync of the directory. */
static gboolean
write_atomically (const char  *dir,
                  const char  *name,
                  GBytes      *content,
                  GError     **error)
{
  g_autofree char *tmp_path = g_build_filename (dir, ".upload-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  const guint8 *data;
  gsize size;
  gsize done = 0;
  int saved_errno;
  int fd;
  int dir_fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_io_error (error, errno, "Creating", dir);

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_io_error (error, errno, "Creating", tmp_path);

  data = g_bytes_get_data (content, &size);
  while (done < size)
    {
      gssize written = write (fd, data + done, size - done);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        goto failed;
      done += (gsize) written;
    }
  if (fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (g_rename (tmp_path, path) != 0)
    goto failed;

  /* The rename itself must survive a crash. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0 || fsync (dir_fd) != 0)
    {
      saved_errno = errno;
      if (dir_fd >= 0)
        close (dir_fd);
      g_unlink (path);
      return set_io_error (error, saved_errno, "Syncing", dir);
    }
  close (dir_fd);
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp_path);
  return set_io_error (error, saved_errno, "Writing", tmp_path);
}

/* ---- Requests ------------------------------------------------------------------ */

static gint64
caller_family_id (TuttiRequest *request)
{
  TuttiAccount *account = tutti_request_get_account (request);

  return account != NULL && account->family_id > 0 ? account->family_id : 0;
}

static void
reply_list (TuttiRequest *request,
            GPtrArray    *documents)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < documents->len; i++)
    json_array_add_element (array, tutti_document_to_json (g_ptr_array_index (documents, i)));
  json_node_set_array (node, array);
  tutti_request_reply_json (request, SOUP_STATUS_OK, node);
}

/* GET /family/documents */
static void
documents_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  gint64 family_id = caller_family_id (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  if (family_id <= 0)
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }

  /* "To provide" rows only while the campaign that asks is open. */
  campaign = tutti_campaigns_current (store, TUTTI_CAMPAIGN_REENROLMENT, &error);
  if (error != NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  if (campaign != NULL && !tutti_campaigns_is_open (campaign))
    g_clear_pointer (&campaign, tutti_campaign_free);

  documents = tutti_documents_list (store, family_id, campaign, &error);
  if (documents == NULL)
    tutti_request_reply_error (request, error);
  else
    reply_list (request, documents);
}

/* -- Upload -- */

typedef struct
{
  TuttiServer *server;
  TuttiLang lang;
  gint64 account_id;
  gint64 family_id;
  char *method;
  char *path;
  char *key;
  char *kind;
  char *file_name;
  GBytes *content;
  /* results */
  GBytes *answer;
  TuttiIdempotentAnswer replay;
} UploadJob;

static void
upload_job_free (gpointer data)
{
  UploadJob *job = data;

  g_clear_object (&job->server);
  g_free (job->method);
  g_free (job->path);
  g_free (job->key);
  g_free (job->kind);
  g_free (job->file_name);
  g_clear_pointer (&job->content, g_bytes_unref);
  g_clear_pointer (&job->answer, g_bytes_unref);
  tutti_idempotent_answer_clear (&job->replay);
  g_free (job);
}

static gboolean
upload_lookup (UploadJob   *job,
               TuttiStore  *store,
               const char  *digest,
               GError     **error)
{
  if (job->key == NULL)
    return TRUE;
  return tutti_idempotency_lookup (store, job->account_id, job->key, job->method, job->path,
                                   digest, &job->replay, error);
}

static void
upload_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  UploadJob *job = task_data;
  g_autoptr(TuttiStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiDocument) document = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *stored_name = NULL;
  g_autofree char *stored_path = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *answer = NULL;
  const char *content_type;
  KindStatus status;
  gsize size;
  gconstpointer data = g_bytes_get_data (job->content, &size);
  sqlite3_stmt *stmt;

  store = tutti_server_open_store (job->server, &error);
  if (store == NULL)
    goto failed;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, job->content);
  canonical = g_strdup_printf ("%s\n%s\n%s", job->kind, job->file_name != NULL ? job->file_name : "",
                               sha256);
  digest = tutti_idempotency_digest (job->method, job->path, canonical);

  /* A retry answers as the first time, whatever changed since. */
  if (!upload_lookup (job, store, digest, &error))
    goto failed;
  if (job->replay.found)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!kind_status (store, job->kind, &status, &kind_name, &error))
    goto failed;
  if (status == KIND_UNKNOWN || status == KIND_NOT_ASKED)
    {
      error = api_error_field (TUTTI_API_ERROR_INVALID, job->lang, TUTTI_API_HEADER_DOCUMENT_KIND,
                               &msg_kind_unknown);
      goto failed;
    }
  if (status == KIND_CLOSED)
    {
      error = api_error (TUTTI_API_ERROR_CAMPAIGN_CLOSED, job->lang);
      goto failed;
    }

  content_type = tutti_sniff_content_type (data, size);
  if (content_type == NULL)
    {
      error = api_error_field (TUTTI_API_ERROR_UNSUPPORTED_FILE_TYPE, job->lang, "file", &msg_type);
      goto failed;
    }

  /* The file first, under a name of its own; then the row that names it. */
  dir = g_build_filename (tutti_server_get_data_dir (job->server), TUTTI_DOCUMENTS_DIR, NULL);
  uuid = g_uuid_string_random ();
  stored_name = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", job->family_id, uuid);
  stored_path = g_build_filename (dir, stored_name, NULL);
  if (!write_atomically (dir, stored_name, job->content, &error))
    goto failed;

  document = tutti_document_new ();
  document->family_id = job->family_id;
  document->kind = g_strdup (job->kind);
  document->name = g_strdup (kind_name);
  document->file_name = job->file_name != NULL
                        ? g_strdup (job->file_name)
                        : g_strconcat ("document", extension_for_type (content_type), NULL);
  document->content_type = g_strdup (content_type);
  document->size = (gint64) size;
  document->sha256 = g_steal_pointer (&sha256);
  document->uploaded_at = tutti_datetime_now ();
  document->state = TUTTI_DOCUMENT_PROVIDED;

  if (!tutti_store_begin (store, &error))
    goto unlink;
  /* Looked up again in the transaction: two retries may have raced. */
  if (!upload_lookup (job, store, digest, &error))
    goto rollback;
  if (job->replay.found)
    {
      tutti_store_rollback (store);
      g_unlink (stored_path);
      g_task_return_boolean (task, TRUE);
      return;
    }
  document->id = tutti_store_insert (store, TUTTI_TABLE_DOCUMENTS, document, NULL, 0, &error);
  if (document->id == 0)
    goto rollback;
  stmt = tutti_store_prepare (store, "UPDATE documents SET path = ? WHERE id = ?", &error);
  if (stmt == NULL)
    goto rollback;
  tutti_store_bind_text (stmt, 1, stored_name);
  sqlite3_bind_int64 (stmt, 2, document->id);
  if (!tutti_store_run (store, stmt, &error))
    goto rollback;

  answer = tutti_record_to_data (&tutti_document_schema, document);
  job->answer = g_bytes_new (answer, strlen (answer));
  if (job->key != NULL &&
      !tutti_idempotency_store (store, job->account_id, job->key, job->method, job->path, digest,
                                SOUP_STATUS_CREATED, TUTTI_API_CONTENT_TYPE_JSON, job->answer, &error))
    goto rollback;
  if (!tutti_store_commit (store, &error))
    goto rollback;

  g_debug ("Document %" G_GINT64_FORMAT " stored as %s (%" G_GSIZE_FORMAT " bytes)",
           document->id, stored_name, size);
  g_task_return_boolean (task, TRUE);
  return;

rollback:
  tutti_store_rollback (store);
unlink:
  g_unlink (stored_path);
failed:
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
upload_done (TuttiRequest *request,
             GTask        *task)
{
  UploadJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    tutti_request_reply_error (request, error);
  else if (job->replay.found)
    tutti_idempotency_reply (request, &job->replay);
  else
    tutti_request_reply_bytes (request, SOUP_STATUS_CREATED, TUTTI_API_CONTENT_TYPE_JSON, job->answer);
}

/* POST /family/documents: the file is the body. */
static void
document_post (TuttiRequest *request)
{
  TuttiLang lang = tutti_request_get_lang (request);
  gint64 family_id = caller_family_id (request);
  const char *key = tutti_request_get_header (request, TUTTI_API_HEADER_IDEMPOTENCY);
  g_autofree char *kind = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = NULL;
  UploadJob *job;

  if (family_id <= 0)
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }
  if (key != NULL && !tutti_idempotency_key_is_valid (key))
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_BAD_REQUEST);
      return;
    }

  content = tutti_request_get_body (request, &error);
  if (content == NULL)
    {
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_FILE_TOO_LARGE))
        tutti_api_error_add_field (error, "file", tutti_text_get (&msg_too_large, lang));
      tutti_request_reply_error (request, error);
      return;
    }

  kind = g_strdup (tutti_request_get_header (request, TUTTI_API_HEADER_DOCUMENT_KIND));
  if (kind != NULL)
    g_strstrip (kind);
  if (kind == NULL || *kind == '\0')
    {
      error = api_error_field (TUTTI_API_ERROR_INVALID, lang, TUTTI_API_HEADER_DOCUMENT_KIND,
                               &msg_kind_missing);
      tutti_request_reply_error (request, error);
      return;
    }

  job = g_new0 (UploadJob, 1);
  job->server = g_object_ref (tutti_request_get_server (request));
  job->lang = lang;
  job->account_id = tutti_request_get_account (request)->id;
  job->family_id = family_id;
  job->method = g_strdup (tutti_request_get_method (request));
  job->path = g_strdup (tutti_request_get_path (request));
  job->key = g_strdup (key);
  job->kind = g_steal_pointer (&kind);
  job->file_name = tutti_documents_header_name (request, TUTTI_API_HEADER_FILE_NAME);
  job->content = g_steal_pointer (&content);
  tutti_request_run_in_thread (request, job, upload_job_free, upload_thread, upload_done);
}

/* -- Reading one back -- */

typedef struct
{
  char *path;
  char *content_type;
  char *file_name;
  GBytes *content;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->path);
  g_free (job->content_type);
  g_free (job->file_name);
  g_clear_pointer (&job->content, g_bytes_unref);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (job->path, &contents, &length, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->content = g_bytes_new_take (contents, length);
  g_task_return_boolean (task, TRUE);
}

static void
reply_content (TuttiRequest  *request,
               const char    *content_type,
               const char    *file_name,
               GBytes        *content)
{
  g_autofree char *disposition = tutti_documents_disposition (file_name != NULL ? file_name : "document");

  tutti_request_set_header (request, "Content-Disposition", disposition);
  tutti_request_set_header (request, "X-Content-Type-Options", "nosniff");
  tutti_request_reply_bytes (request, SOUP_STATUS_OK,
                             content_type != NULL ? content_type : "application/octet-stream", content);
}

static void
read_done (TuttiRequest *request,
           GTask        *task)
{
  ReadJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    tutti_request_reply_error (request, error);
  else
    reply_content (request, job->content_type, job->file_name, job->content);
}

/* The content of document @id (of @family_id when > 0), read in a worker. */
static void
reply_document_content (TuttiRequest *request,
                        gint64        id,
                        gint64        family_id)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiDocument) document = load_document (store, id, family_id, &error);
  g_autofree char *path = NULL;
  ReadJob *job;
  sqlite3_stmt *stmt;

  if (document == NULL)
    {
      if (error != NULL)
        tutti_request_reply_error (request, error);
      else
        tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }

  path = load_path (store, document->id, &error);
  if (error != NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  if (path == NULL)
    {
      g_autoptr(GBytes) content = NULL;

      /* Content kept in the row (rows older than migration 3, the demo's). */
      stmt = tutti_store_prepare (store, "SELECT content FROM documents WHERE id = ?", &error);
      if (stmt == NULL)
        {
          tutti_request_reply_error (request, error);
          return;
        }
      sqlite3_bind_int64 (stmt, 1, document->id);
      if (!tutti_store_step (store, stmt, &error))
        {
          if (error != NULL)
            tutti_request_reply_error (request, error);
          else
            tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
          return;
        }
      content = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      sqlite3_reset (stmt);
      reply_content (request, document->content_type, document->file_name, content);
      return;
    }

  job = g_new0 (ReadJob, 1);
  job->path = g_build_filename (tutti_server_get_data_dir (tutti_request_get_server (request)),
                                TUTTI_DOCUMENTS_DIR, path, NULL);
  job->content_type = g_strdup (document->content_type);
  job->file_name = g_strdup (document->file_name);
  tutti_request_run_in_thread (request, job, read_job_free, read_thread, read_done);
}

/* GET /family/documents/{id} */
static void
document_get (TuttiRequest *request)
{
  gint64 family_id = caller_family_id (request);
  gint64 id = tutti_family_parse_id (tutti_request_get_param (request, "id"));

  if (family_id <= 0 || id <= 0)
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }
  reply_document_content (request, id, family_id);
}

/* DELETE /family/documents/{id} */
static void
document_delete (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  gint64 family_id = caller_family_id (request);
  gint64 id = tutti_family_parse_id (tutti_request_get_param (request, "id"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiDocument) document = NULL;
  g_autofree char *path = NULL;
  KindStatus status;
  sqlite3_stmt *stmt;

  if (family_id > 0)
    document = load_document (store, id, family_id, &error);
  if (document == NULL)
    goto failed;

  if (document->state == TUTTI_DOCUMENT_ACCEPTED)
    {
      error = api_error_field (TUTTI_API_ERROR_CONFLICT, lang, "state", &msg_accepted);
      goto failed;
    }
  if (document->kind != NULL)
    {
      if (!kind_status (store, document->kind, &status, NULL, &error))
        goto failed;
      if (status == KIND_CLOSED)
        {
          error = api_error (TUTTI_API_ERROR_CAMPAIGN_CLOSED, lang);
          goto failed;
        }
    }

  path = load_path (store, document->id, &error);
  if (error != NULL)
    goto failed;
  stmt = tutti_store_prepare (store, "DELETE FROM documents WHERE id = ? AND family_id = ?", &error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, document->id);
  sqlite3_bind_int64 (stmt, 2, family_id);
  if (!tutti_store_run (store, stmt, &error))
    goto failed;

  /* The row is gone first: a crash now leaves a file nothing names. */
  if (path != NULL)
    {
      g_autofree char *file = g_build_filename (tutti_server_get_data_dir (tutti_request_get_server (request)),
                                                TUTTI_DOCUMENTS_DIR, path, NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_warning ("Removing %s: %s", file, g_strerror (errno));
    }
  tutti_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
  return;

failed:
  if (error != NULL)
    tutti_request_reply_error (request, error);
  else
    tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
}

/* ---- The office (STAFF-2) ------------------------------------------------------- */

/* The office sees whose each document is. */
static gboolean
fill_family_names (TuttiStore  *store,
                   GPtrArray   *documents,
                   GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < documents->len; i++)
    {
      TuttiDocument *document = g_ptr_array_index (documents, i);
      const char *name = g_hash_table_lookup (names, &document->family_id);

      if (name == NULL)
        {
          char *text = NULL;

          if (!tutti_store_query_text (store, "SELECT name FROM families WHERE id = ?",
                                       document->family_id, &text, error))
            return FALSE;
          name = text != NULL ? text : g_strdup ("");
          g_hash_table_insert (names, g_memdup2 (&document->family_id, sizeof (gint64)), (char *) name);
        }
      g_free (document->family_name);
      document->family_name = *name != '\0' ? g_strdup (name) : NULL;
    }
  return TRUE;
}

/* GET /staff/documents[?state=provided][&family=ID]: oldest first, each
 * with its family's name. */
static void
staff_documents_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  const char *state_text = tutti_request_get_query (request, "state");
  const char *family_text = tutti_request_get_query (request, "family");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  gint64 family_id = 0;
  sqlite3_stmt *stmt;

  if (state_text != NULL && tutti_enum_from_nick (&tutti_document_state_enum, state_text) < 0)
    {
      error = api_error_field (TUTTI_API_ERROR_INVALID, lang, "state", &msg_bad_state);
      tutti_request_reply_error (request, error);
      return;
    }
  if (family_text != NULL && (family_id = tutti_family_parse_id (family_text)) <= 0)
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_DOCUMENTS,
                                     "WHERE (?1 IS NULL OR state = ?1) AND (?2 IS NULL OR family_id = ?2) "
                                     "ORDER BY uploaded_at, id", &error);
  if (stmt == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  tutti_store_bind_text (stmt, 1, state_text);
  tutti_store_bind_int (stmt, 2, family_id > 0 ? family_id : TUTTI_NO_VALUE);
  documents = tutti_store_read_records (store, TUTTI_TABLE_DOCUMENTS, stmt, &error);
  if (documents == NULL || !fill_family_names (store, documents, &error))
    tutti_request_reply_error (request, error);
  else
    reply_list (request, documents);
}

/* GET /staff/documents/{id} */
static void
staff_document_get (TuttiRequest *request)
{
  gint64 id = tutti_family_parse_id (tutti_request_get_param (request, "id"));

  if (id <= 0)
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }
  reply_document_content (request, id, 0);
}

void
tutti_documents_decide (TuttiRequest *request,
                        gint64        document_id,
                        gint64        family_id)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiDocument) document = NULL;
  g_autoptr(TuttiDocument) decision = NULL;
  g_autoptr(TuttiDocument) decided = NULL;
  g_autofree char *now = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *too_long = NULL;
  sqlite3_stmt *stmt;

  document = load_document (store, document_id, family_id, &error);
  if (document == NULL)
    goto failed;

  decision = tutti_request_parse_record (request, &tutti_document_schema, &error);
  if (decision == NULL)
    goto failed;
  if (decision->state != TUTTI_DOCUMENT_ACCEPTED && decision->state != TUTTI_DOCUMENT_REFUSED)
    {
      error = api_error_field (TUTTI_API_ERROR_INVALID, lang, "state", &msg_choose_decision);
      goto failed;
    }
  reason = g_strstrip (g_strdup (decision->reason != NULL ? decision->reason : ""));
  if (decision->state == TUTTI_DOCUMENT_REFUSED && *reason == '\0')
    {
      error = api_error_field (TUTTI_API_ERROR_INVALID, lang, "reason", &msg_reason);
      goto failed;
    }
  too_long = tutti_field_check_text (tutti_schema_lookup (&tutti_document_schema, "reason"), reason, lang);
  if (too_long != NULL)
    {
      error = api_error (TUTTI_API_ERROR_INVALID, lang);
      tutti_api_error_add_field (error, "reason", too_long);
      goto failed;
    }

  now = tutti_datetime_now ();
  stmt = tutti_store_prepare (store, "UPDATE documents SET state = ?, reason = ?, decided_at = ? WHERE id = ?",
                              &error);
  if (stmt == NULL)
    goto failed;
  tutti_store_bind_text (stmt, 1, tutti_enum_to_nick (&tutti_document_state_enum, decision->state));
  tutti_store_bind_text (stmt, 2, decision->state == TUTTI_DOCUMENT_REFUSED ? reason : NULL);
  tutti_store_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, document->id);
  if (!tutti_store_run (store, stmt, &error))
    goto failed;

  decided = load_document (store, document->id, 0, &error);
  if (decided == NULL)
    goto failed;
  tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_document_schema, decided);
  return;

failed:
  if (error != NULL)
    tutti_request_reply_error (request, error);
  else
    tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
}

/* POST /staff/documents/{id}/decide */
static void
staff_document_decide (TuttiRequest *request)
{
  gint64 id = tutti_family_parse_id (tutti_request_get_param (request, "id"));

  if (id <= 0)
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }
  tutti_documents_decide (request, id, 0);
}

void
tutti_documents_register (TuttiServer *server)
{
  tutti_server_add_route (server, "GET", TUTTI_API_FAMILY_DOCUMENTS, TUTTI_ROUTE_AUTH, documents_get);
  tutti_server_add_route (server, "POST", TUTTI_API_FAMILY_DOCUMENTS,
                          TUTTI_ROUTE_AUTH | TUTTI_ROUTE_UPLOAD, document_post);
  tutti_server_add_route_fmt (server, "GET", TUTTI_API_FAMILY_DOCUMENT_FMT, TUTTI_ROUTE_AUTH,
                              document_get, "id", NULL);
  tutti_server_add_route_fmt (server, "DELETE", TUTTI_API_FAMILY_DOCUMENT_FMT, TUTTI_ROUTE_AUTH,
                              document_delete, "id", NULL);

  tutti_server_add_route (server, "GET", TUTTI_API_STAFF_DOCUMENTS, TUTTI_ROUTE_STAFF,
                          staff_documents_get);
  tutti_server_add_route_fmt (server, "GET", TUTTI_API_STAFF_DOCUMENT_FMT, TUTTI_ROUTE_STAFF,
                              staff_document_get, "id", NULL);
  tutti_server_add_route_fmt (server, "POST", TUTTI_API_STAFF_DOCUMENT_DECIDE_FMT, TUTTI_ROUTE_STAFF,
                              staff_document_decide, "id", NULL);
}
