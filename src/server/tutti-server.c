/* tutti-server.c — the HTTP server: routing, requests and replies
 *
 * One SoupServer on the main loop. Each request is matched against a
 * table of routes (method + path pattern) that the handler areas register
 * (tutti-auth.c, tutti-home.c…). Bodies are collected by this file, up to
 * the route's limit, so that an oversized body costs no memory; replies
 * and errors take the API's JSON form in the request's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <errno.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>

#include "tutti-accounts.h"
#include "tutti-auth.h"
#include "tutti-billing.h"
#include "tutti-campaigns.h"
#include "tutti-demo.h"
#include "tutti-documents.h"
#include "tutti-family.h"
#include "tutti-home.h"
#include "tutti-password.h"
#include "tutti-preenrolment.h"
#include "tutti-reenrolment.h"
#include "tutti-server.h"
#include "tutti-staff.h"

/* Expired sessions and old attempts are swept this often. */
#define PURGE_INTERVAL_SECONDS (60 * 60)

typedef struct
{
  char *method;
  char **segments;        /* the pattern split on "/" */
  TuttiRouteFlags flags;
  TuttiHandler handler;
} TuttiRoute;

struct _TuttiServer
{
  GObject parent_instance;

  char *data_dir;
  char *mail_from;
  GTlsCertificate *tls_certificate;   /* HTTPS only when set */

  SoupServer *soup;
  TuttiStore *store;
  TuttiMailer *mailer;
  GPtrArray *routes;      /* TuttiRoute */

  guint purge_source;
  guint n_busy;           /* requests waiting for a worker thread */
  gboolean shutting_down;
  GCallback shutdown_done;
  gpointer shutdown_data;
};

G_DEFINE_FINAL_TYPE (TuttiServer, tutti_server, G_TYPE_OBJECT)

G_DEFINE_QUARK (tutti-server-error-quark, tutti_server_error)

/* The body as received, kept on the message. */
typedef struct
{
  GByteArray *data;
  gsize limit;
  gboolean too_large;
} TuttiBody;

#define BODY_KEY "tutti-body"
#define START_KEY "tutti-start"
#define GONE_KEY "tutti-gone"

struct _TuttiRequest
{
  int ref_count;
  TuttiServer *server;
  SoupServerMessage *msg;
  const TuttiRoute *route;
  GHashTable *params;
  GHashTable *query;      /* name → value, or NULL */
  TuttiLang lang;
  TuttiAccount *account;
  char *token_hash;
  gboolean replied;
  gboolean paused;
};

static void
tutti_route_free (gpointer data)
{
  TuttiRoute *route = data;

  g_free (route->method);
  g_strfreev (route->segments);
  g_free (route);
}

static void
tutti_server_dispose (GObject *object)
{
  TuttiServer *self = (TuttiServer *) object;

  g_clear_handle_id (&self->purge_source, g_source_remove);
  if (self->soup != NULL)
    {
      soup_server_disconnect (self->soup);
      g_clear_object (&self->soup);
    }
  g_clear_object (&self->store);
  g_clear_object (&self->mailer);
  g_clear_object (&self->tls_certificate);

  G_OBJECT_CLASS (tutti_server_parent_class)->dispose (object);
}

static void
tutti_server_finalize (GObject *object)
{
  TuttiServer *self = (TuttiServer *) object;

  g_clear_pointer (&self->routes, g_ptr_array_unref);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->mail_from, g_free);

  G_OBJECT_CLASS (tutti_server_parent_class)->finalize (object);
}

static void
tutti_server_class_init (TuttiServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tutti_server_dispose;
  object_class->finalize = tutti_server_finalize;
}

static void
tutti_server_init (TuttiServer *self)
{
  self->routes = g_ptr_array_new_with_free_func (tutti_route_free);
}

TuttiServer *
tutti_server_new (const char *data_dir,
                  const char *mail_from)
{
  TuttiServer *self;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (TUTTI_TYPE_SERVER, NULL);
  self->data_dir = g_strdup (data_dir);
  self->mail_from = g_strdup (mail_from);

  /* Each area registers its routes; later areas add a line here. */
  tutti_auth_register (self);
  tutti_home_register (self);
  tutti_family_register (self);
  tutti_staff_register (self);
  tutti_billing_register (self);
  tutti_preenrolment_register (self);
  tutti_documents_register (self);
  tutti_reenrolment_register (self);
  tutti_campaigns_register (self);

  return self;
}

const char *
tutti_server_get_data_dir (TuttiServer *self)
{
  g_return_val_if_fail (TUTTI_IS_SERVER (self), NULL);
  return self->data_dir;
}

TuttiStore *
tutti_server_get_store (TuttiServer *self)
{
  g_return_val_if_fail (TUTTI_IS_SERVER (self), NULL);
  return self->store;
}

TuttiStore *
tutti_server_open_store (TuttiServer  *self,
                         GError      **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (TUTTI_IS_SERVER (self), NULL);

  path = g_build_filename (self->data_dir, "tutti.sqlite", NULL);
  return tutti_store_new (path, error);
}

TuttiMailer *
tutti_server_get_mailer (TuttiServer *self)
{
  g_return_val_if_fail (TUTTI_IS_SERVER (self), NULL);
  return self->mailer;
}

void
tutti_server_add_route (TuttiServer     *self,
                        const char      *method,
                        const char      *pattern,
                        TuttiRouteFlags  flags,
                        TuttiHandler     handler)
{
  TuttiRoute *route;

  g_return_if_fail (TUTTI_IS_SERVER (self));
  g_return_if_fail (method != NULL && pattern != NULL && pattern[0] == '/');

  route = g_new0 (TuttiRoute, 1);
  route->method = g_strdup (method);
  route->segments = g_strsplit (pattern + 1, "/", -1);
  route->flags = (flags & TUTTI_ROUTE_STAFF) ? (flags | TUTTI_ROUTE_AUTH) : flags;
  route->handler = handler;
  g_ptr_array_add (self->routes, route);
}

void
tutti_server_add_route_fmt (TuttiServer     *self,
                            const char      *method,
                            const char      *path_fmt,
                            TuttiRouteFlags  flags,
                            TuttiHandler     handler,
                            const char      *first_param,
                            ...)
{
  g_auto(GStrv) segments = NULL;
  g_autofree char *pattern = NULL;
  const char *param = first_param;
  va_list args;

  g_return_if_fail (TUTTI_IS_SERVER (self));
  g_return_if_fail (path_fmt != NULL && path_fmt[0] == '/');

  segments = g_strsplit (path_fmt, "/", -1);
  va_start (args, first_param);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] != '%')
        continue;
      if (param == NULL)
        {
          va_end (args);
          g_critical ("Route %s %s: a parameter name is missing", method, path_fmt);
          return;
        }
      g_free (segments[i]);
      segments[i] = g_strdup_printf ("{%s}", param);
      param = va_arg (args, const char *);
    }
  va_end (args);
  if (param != NULL)
    {
      g_critical ("Route %s %s: more parameter names than parameters", method, path_fmt);
      return;
    }

  pattern = g_strjoinv ("/", segments);
  tutti_server_add_route (self, method, pattern, flags, handler);
}

/* Whether @path's segments match @route; fills @params when given. */
static gboolean
route_matches (const TuttiRoute  *route,
               char             **path_segments,
               GHashTable        *params)
{
  guint i;

  for (i = 0; route->segments[i] != NULL && path_segments[i] != NULL; i++)
    {
      const char *pattern = route->segments[i];
      gsize len = strlen (pattern);

      if (len > 2 && pattern[0] == '{' && pattern[len - 1] == '}')
        {
          if (path_segments[i][0] == '\0')
            return FALSE;
          if (params != NULL)
            g_hash_table_insert (params, g_strndup (pattern + 1, len - 2),
                                 g_strdup (path_segments[i]));
        }
      else if (!g_str_equal (pattern, path_segments[i]))
        return FALSE;
    }

  return route->segments[i] == NULL && path_segments[i] == NULL;
}

/* The route for @method and @path. Without one, @allow lists the methods
 * the path accepts (empty when the path is unknown). */
static const TuttiRoute *
find_route (TuttiServer  *self,
            const char   *method,
            const char   *path,
            GHashTable   *params,
            GString      *allow)
{
  g_auto(GStrv) segments = NULL;

  if (path == NULL || path[0] != '/')
    return NULL;

  segments = g_strsplit (path + 1, "/", -1);
  for (guint i = 0; i < self->routes->len; i++)
    {
      const TuttiRoute *route = g_ptr_array_index (self->routes, i);

      if (!route_matches (route, segments, NULL))
        continue;
      if (g_str_equal (route->method, method))
        {
          if (params != NULL)
            route_matches (route, segments, params);
          return route;
        }
      if (allow != NULL && strstr (allow->str, route->method) == NULL)
        {
          if (allow->len > 0)
            g_string_append (allow, ", ");
          g_string_append (allow, route->method);
        }
    }
  return NULL;
}

/* ---- Requests ------------------------------------------------------------ */

static TuttiRequest *
tutti_request_new (TuttiServer       *server,
                   SoupServerMessage *msg)
{
  TuttiRequest *self = g_new0 (TuttiRequest, 1);
  const char *accept_language;

  self->ref_count = 1;
  self->server = g_object_ref (server);
  self->msg = g_object_ref (msg);
  self->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  accept_language = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                  "Accept-Language");
  self->lang = tutti_lang_from_accept_language (accept_language);

  return self;
}

static TuttiRequest *
tutti_request_ref (TuttiRequest *self)
{
  self->ref_count++;
  return self;
}

static void
tutti_request_unref (TuttiRequest *self)
{
  if (--self->ref_count > 0)
    return;

  g_clear_object (&self->msg);
  g_clear_object (&self->server);
  g_clear_pointer (&self->params, g_hash_table_unref);
  g_clear_pointer (&self->query, g_hash_table_unref);
  g_clear_pointer (&self->account, tutti_account_free);
  g_clear_pointer (&self->token_hash, g_free);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TuttiRequest, tutti_request_unref)

TuttiServer *
tutti_request_get_server (TuttiRequest *self)
{
  return self->server;
}

TuttiStore *
tutti_request_get_store (TuttiRequest *self)
{
  return self->server->store;
}

TuttiLang
tutti_request_get_lang (TuttiRequest *self)
{
  return self->lang;
}

const char *
tutti_request_get_method (TuttiRequest *self)
{
  return soup_server_message_get_method (self->msg);
}

const char *
tutti_request_get_path (TuttiRequest *self)
{
  return g_uri_get_path (soup_server_message_get_uri (self->msg));
}

const char *
tutti_request_get_header (TuttiRequest *self,
                          const char   *name)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (self->msg), name);
}

const char *
tutti_request_get_param (TuttiRequest *self,
                         const char   *name)
{
  return g_hash_table_lookup (self->params, name);
}

const char *
tutti_request_get_query (TuttiRequest *self,
                         const char   *name)
{
  return self->query != NULL ? g_hash_table_lookup (self->query, name) : NULL;
}

TuttiAccount *
tutti_request_get_account (TuttiRequest *self)
{
  return self->account;
}

const char *
tutti_request_get_token_hash (TuttiRequest *self)
{
  return self->token_hash;
}

GError *
tutti_request_error_new (TuttiRequest      *self,
                         TuttiApiErrorCode  code)
{
  return tutti_api_error_new (code, tutti_api_error_code_message (code, self->lang));
}

void
tutti_request_set_header (TuttiRequest *self,
                          const char   *name,
                          const char   *value)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (self->msg), name, value);
}

static void
finish_reply (TuttiRequest *self)
{
  self->replied = TRUE;
  if (self->paused)
    {
      self->paused = FALSE;
      /* A client that left while its request waited has no I/O to resume. */
      if (g_object_get_data (G_OBJECT (self->msg), GONE_KEY) == NULL)
        soup_server_message_unpause (self->msg);
    }
}

void
tutti_request_reply_json (TuttiRequest *self,
                          guint         status,
                          JsonNode     *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *text;
  gsize length;

  g_return_if_fail (!self->replied);

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);

  soup_server_message_set_status (self->msg, status, NULL);
  soup_server_message_set_response (self->msg, TUTTI_API_CONTENT_TYPE_JSON,
                                    SOUP_MEMORY_TAKE, text, length);
  finish_reply (self);
}

void
tutti_request_reply_record (TuttiRequest      *self,
                            guint              status,
                            const TuttiSchema *schema,
                            gconstpointer      record)
{
  g_autoptr(JsonNode) node = tutti_record_to_json (schema, record);

  tutti_request_reply_json (self, status, node);
}

void
tutti_request_reply_empty (TuttiRequest *self,
                           guint         status)
{
  g_return_if_fail (!self->replied);

  soup_server_message_set_status (self->msg, status, NULL);
  finish_reply (self);
}

void
tutti_request_reply_bytes (TuttiRequest *self,
                           guint         status,
                           const char   *content_type,
                           GBytes       *bytes)
{
  g_return_if_fail (!self->replied);
  g_return_if_fail (bytes != NULL);

  soup_server_message_set_status (self->msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (self->msg),
                                "Content-Type", content_type);
  soup_message_body_append_bytes (soup_server_message_get_response_body (self->msg), bytes);
  finish_reply (self);
}

void
tutti_request_reply_error (TuttiRequest *self,
                           const GError *error)
{
  g_autoptr(GError) internal = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint retry_after;

  g_return_if_fail (error != NULL);

  if (error->domain != TUTTI_API_ERROR)
    {
      /* Details stay in the log; the client learns only that it failed. */
      g_warning ("%s %s: %s", tutti_request_get_method (self),
                 tutti_request_get_path (self), error->message);
      internal = tutti_request_error_new (self, TUTTI_API_ERROR_INTERNAL);
      error = internal;
    }

  retry_after = tutti_api_error_get_retry_after (error);
  if (retry_after > 0)
    {
      char seconds[16];

      g_snprintf (seconds, sizeof seconds, "%u", retry_after);
      tutti_request_set_header (self, "Retry-After", seconds);
    }
  if (error->code == TUTTI_API_ERROR_UNAUTHENTICATED)
    tutti_request_set_header (self, "WWW-Authenticate", "Bearer");

  node = tutti_api_error_to_json (error);
  tutti_request_reply_json (self, tutti_api_error_code_to_status (error->code), node);
}

void
tutti_request_reply_code (TuttiRequest      *self,
                          TuttiApiErrorCode  code)
{
  g_autoptr(GError) error = tutti_request_error_new (self, code);

  tutti_request_reply_error (self, error);
}

/* The type part of Content-Type must be JSON; a charset, if any, UTF-8. */
static gboolean
is_json_content_type (SoupMessageHeaders *headers)
{
  g_autoptr(GHashTable) params = NULL;
  const char *type;
  const char *charset;

  type = soup_message_headers_get_content_type (headers, &params);
  if (type == NULL || g_ascii_strcasecmp (type, "application/json") != 0)
    return FALSE;
  charset = params != NULL ? g_hash_table_lookup (params, "charset") : NULL;
  return charset == NULL || g_ascii_strcasecmp (charset, "utf-8") == 0;
}

/* Adds to @error the fields of @fields (key → message). */
static void
add_fields (GError     *error,
            GHashTable *fields)
{
  GHashTableIter iter;
  gpointer key, value;

  if (fields == NULL)
    return;
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    tutti_api_error_add_field (error, key, value);
}

gpointer
tutti_request_parse_record (TuttiRequest       *self,
                            const TuttiSchema  *schema,
                            GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  TuttiBody *body = g_object_get_data (G_OBJECT (self->msg), BODY_KEY);
  SoupMessageBody *soup_body;
  const char *data;
  gsize length;
  JsonNode *root;
  gpointer record;

  if (body != NULL && body->too_large)
    {
      g_propagate_error (error, tutti_request_error_new (self, TUTTI_API_ERROR_BODY_TOO_LARGE));
      return NULL;
    }

  if (!is_json_content_type (soup_server_message_get_request_headers (self->msg)))
    {
      g_propagate_error (error, tutti_request_error_new (self, TUTTI_API_ERROR_UNSUPPORTED_MEDIA_TYPE));
      return NULL;
    }

  if (body != NULL)
    {
      data = (const char *) body->data->data;
      length = body->data->len;
    }
  else
    {
      soup_body = soup_server_message_get_request_body (self->msg);
      data = soup_body->data;
      length = soup_body->length;
    }

  parser = json_parser_new_immutable ();
  if (length == 0 || !g_utf8_validate (data, length, NULL) ||
      !json_parser_load_from_data (parser, data, length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, tutti_request_error_new (self, TUTTI_API_ERROR_BAD_REQUEST));
      return NULL;
    }

  record = tutti_record_from_json_lang (schema, root, self->lang, &local_error);
  if (record == NULL)
    {
      g_autoptr(GError) invalid_error = tutti_request_error_new (self, TUTTI_API_ERROR_INVALID);
      JsonObject *object = json_node_get_object (root);

      /* Mistyped fields: keep the codec's per-field messages; and name the
       * missing ones too, so that one answer lists every field to fix. */
      if (local_error != NULL && local_error->domain == TUTTI_API_ERROR)
        add_fields (invalid_error, tutti_api_error_get_fields (local_error));
      for (guint i = 0; i < schema->n_fields; i++)
        {
          const TuttiField *field = &schema->fields[i];
          JsonNode *member = json_object_get_member (object, field->key);
          g_autofree char *message = NULL;

          if (!(field->flags & TUTTI_FIELD_FLAG_REQUIRED) ||
              (member != NULL && !JSON_NODE_HOLDS_NULL (member)))
            continue;
          message = tutti_field_check_text (field, "", self->lang);
          if (message != NULL)
            tutti_api_error_add_field (invalid_error, field->key, message);
        }
      if (tutti_api_error_get_fields (invalid_error) == NULL)
        tutti_api_error_add_field (invalid_error, "",
                                   local_error != NULL ? local_error->message : "");
      g_propagate_error (error, g_steal_pointer (&invalid_error));
      return NULL;
    }

  return record;
}

gpointer
tutti_request_read_record (TuttiRequest       *self,
                           const TuttiSchema  *schema,
                           GError            **error)
{
  g_autoptr(GHashTable) invalid = NULL;
  gpointer record;

  record = tutti_request_parse_record (self, schema, error);
  if (record == NULL)
    return NULL;

  /* Missing and invalid fields, named one by one, in the request's language. */
  invalid = tutti_record_validate (schema, record, self->lang);
  if (invalid != NULL && g_hash_table_size (invalid) > 0)
    {
      GError *invalid_error = tutti_request_error_new (self, TUTTI_API_ERROR_INVALID);

      add_fields (invalid_error, invalid);
      g_propagate_error (error, invalid_error);
      tutti_record_free (schema, record);
      return NULL;
    }

  return record;
}

GBytes *
tutti_request_get_body (TuttiRequest  *self,
                        GError       **error)
{
  TuttiBody *body = g_object_get_data (G_OBJECT (self->msg), BODY_KEY);

  if (body == NULL)
    return soup_message_body_flatten (soup_server_message_get_request_body (self->msg));

  if (body->too_large)
    {
      g_propagate_error (error, tutti_request_error_new (self, (self->route->flags & TUTTI_ROUTE_UPLOAD)
                                                               ? TUTTI_API_ERROR_FILE_TOO_LARGE
                                                               : TUTTI_API_ERROR_BODY_TOO_LARGE));
      return NULL;
    }

  /* No copy: the array is complete and no longer changes. */
  return g_bytes_new_with_free_func (body->data->data, body->data->len,
                                     (GDestroyNotify) g_byte_array_unref,
                                     g_byte_array_ref (body->data));
}

static void finish_shutdown (TuttiServer *self);

typedef struct
{
  TuttiRequest *request;
  TuttiRequestDone done;
} TuttiThreadCall;

static void
thread_call_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TuttiThreadCall *call = user_data;
  TuttiServer *self = call->request->server;
  g_autoptr(TuttiServer) hold = g_object_ref (self);

  call->done (call->request, G_TASK (result));
  tutti_store_end_reads (self->store);
  if (!call->request->replied)
    {
      g_critical ("%s %s: handler did not reply", tutti_request_get_method (call->request),
                  tutti_request_get_path (call->request));
      tutti_request_reply_code (call->request, TUTTI_API_ERROR_INTERNAL);
    }
  tutti_request_unref (call->request);
  g_free (call);

  self->n_busy--;
  if (self->shutting_down && self->n_busy == 0)
    finish_shutdown (self);
}

void
tutti_request_run_in_thread (TuttiRequest     *self,
                             gpointer          task_data,
                             GDestroyNotify    task_data_free,
                             GTaskThreadFunc   func,
                             TuttiRequestDone  done)
{
  g_autoptr(GTask) task = NULL;
  TuttiThreadCall *call;

  g_return_if_fail (!self->replied && !self->paused);

  call = g_new0 (TuttiThreadCall, 1);
  call->request = tutti_request_ref (self);
  call->done = done;

  self->paused = TRUE;
  soup_server_message_pause (self->msg);
  self->server->n_busy++;

  task = g_task_new (self->server, NULL, thread_call_done, call);
  g_task_set_source_tag (task, tutti_request_run_in_thread);
  g_task_set_task_data (task, task_data, task_data_free);
  g_task_run_in_thread (task, func);
}

/* ---- Dispatch ------------------------------------------------------------ */

/* Sets the request's account from its bearer token; FALSE when there is no
 * live session. */
static gboolean
authenticate (TuttiRequest  *request,
              GError       **error)
{
  const char *authorization = tutti_request_get_header (request, "Authorization");
  TuttiStore *store = request->server->store;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  gint64 account_id;

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    return FALSE;

  token = g_strstrip (g_strdup (authorization + 7));
  if (*token == '\0')
    return FALSE;
  token_hash = tutti_token_hash (token);
  account_id = tutti_sessions_lookup (store, token_hash, tutti_now_seconds (), error);
  if (account_id == 0)
    return FALSE;

  request->account = tutti_accounts_load (store, account_id, error);
  if (request->account == NULL)
    return FALSE;

  request->token_hash = g_steal_pointer (&token_hash);
  return TRUE;
}

static void
handle_request (SoupServer        *soup,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  TuttiServer *self = user_data;
  g_autoptr(TuttiRequest) request = tutti_request_new (self, msg);
  g_autoptr(GString) allow = g_string_new (NULL);
  const char *method = soup_server_message_get_method (msg);

  if (query != NULL)
    request->query = g_hash_table_ref (query);
  request->route = find_route (self, method, path, request->params, allow);
  if (request->route == NULL)
    {
      if (allow->len > 0)
        {
          tutti_request_set_header (request, "Allow", allow->str);
          tutti_request_reply_code (request, TUTTI_API_ERROR_METHOD_NOT_ALLOWED);
        }
      else
        tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }

  if (self->shutting_down)
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_UNAVAILABLE);
      return;
    }

  if (request->route->flags & TUTTI_ROUTE_AUTH)
    {
      g_autoptr(GError) error = NULL;

      if (!authenticate (request, &error))
        {
          if (error != NULL)
            tutti_request_reply_error (request, error);
          else
            tutti_request_reply_code (request, TUTTI_API_ERROR_UNAUTHENTICATED);
          return;
        }
      if ((request->route->flags & TUTTI_ROUTE_STAFF) &&
          request->account->role != TUTTI_ROLE_STAFF)
        {
          tutti_request_reply_code (request, TUTTI_API_ERROR_FORBIDDEN);
          return;
        }
    }

  request->route->handler (request);
  tutti_store_end_reads (request->server->store);

  if (!request->replied && !request->paused)
    {
      g_critical ("%s %s: handler did not reply", method, path);
      tutti_request_reply_code (request, TUTTI_API_ERROR_INTERNAL);
    }
}

static void
tutti_body_free (gpointer data)
{
  TuttiBody *body = data;

  g_byte_array_unref (body->data);
  g_free (body);
}

static void
got_chunk (SoupServerMessage *msg,
           GBytes            *chunk,
           gpointer           user_data)
{
  TuttiBody *body = g_object_get_data (G_OBJECT (msg), BODY_KEY);
  gsize size;
  gconstpointer data = g_bytes_get_data (chunk, &size);

  if (body == NULL || body->too_large)
    return;

  /* Past the limit, the rest is read and dropped: the client still gets
   * its 413 answer rather than a reset connection. */
  if (body->data->len + size > body->limit)
    {
      body->too_large = TRUE;
      g_byte_array_set_size (body->data, 0);
      return;
    }
  g_byte_array_append (body->data, data, size);
}

/* Runs once the headers are in, before the body: the body is collected
 * here rather than by libsoup, up to the limit. */
static void
handle_early (SoupServer        *soup,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  TuttiServer *self = user_data;
  TuttiBody *body;
  goffset declared;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const TuttiRoute *route;

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);

  /* Uploads take a file's limit, every other body the JSON one. */
  route = find_route (self, soup_server_message_get_method (msg), path, NULL, NULL);

  body = g_new0 (TuttiBody, 1);
  body->data = g_byte_array_new ();
  body->limit = route != NULL && (route->flags & TUTTI_ROUTE_UPLOAD)
                ? TUTTI_API_MAX_UPLOAD : TUTTI_API_MAX_JSON_BODY;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    {
      declared = soup_message_headers_get_content_length (headers);
      if (declared > (goffset) body->limit)
        body->too_large = TRUE;
    }
  g_object_set_data_full (G_OBJECT (msg), BODY_KEY, body, tutti_body_free);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk), NULL);
}

static void
request_started (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  gint64 *start = g_new (gint64, 1);

  *start = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (msg), START_KEY, start, g_free);
}

/* One line per request: method, path without the query, status and time.
 * Never a header or a body, where passwords and tokens travel. */
static void
log_request (SoupServerMessage *msg,
             const char        *note)
{
  gint64 *start = g_object_get_data (G_OBJECT (msg), START_KEY);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  gint64 ms = start != NULL ? (g_get_monotonic_time () - *start) / 1000 : 0;

  /* Escaped, so that a crafted path cannot forge log lines. */
  path = g_strescape (uri != NULL ? g_uri_get_path (uri) : "-", NULL);

  fprintf (stderr, "%s %s %s %u %" G_GINT64_FORMAT "ms%s\n",
           stamp, method != NULL ? method : "-", path,
           soup_server_message_get_status (msg), ms, note);
  fflush (stderr);
}

static void
request_finished (SoupServer        *soup,
                  SoupServerMessage *msg,
                  gpointer           user_data)
{
  log_request (msg, "");
}

static void
request_aborted (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  g_object_set_data (G_OBJECT (msg), GONE_KEY, GINT_TO_POINTER (TRUE));
  log_request (msg, " aborted");
}

static gboolean
purge_cb (gpointer user_data)
{
  TuttiServer *self = user_data;

  tutti_accounts_purge (self->store, tutti_now_seconds ());
  return G_SOURCE_CONTINUE;
}

gboolean
tutti_server_start (TuttiServer  *self,
                    const char   *address,
                    guint         port,
                    gboolean      demo,
                    GError      **error)
{
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autofree char *outbox = NULL;

  g_return_val_if_fail (TUTTI_IS_SERVER (self), FALSE);
  g_return_val_if_fail (self->soup == NULL, FALSE);

  if (address == NULL)
    address = TUTTI_SERVER_DEFAULT_LISTEN;

  socket_address = g_inet_socket_address_new_from_string (address, port);
  if (socket_address == NULL)
    {
      g_set_error (error, TUTTI_SERVER_ERROR, TUTTI_SERVER_ERROR_ADDRESS,
                   "“%s” is not an IP address", address);
      return FALSE;
    }

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Creating %s: %s", self->data_dir, g_strerror (saved_errno));
      return FALSE;
    }

  self->store = tutti_server_open_store (self, error);
  if (self->store == NULL)
    return FALSE;

  outbox = g_build_filename (self->data_dir, "outbox", NULL);
  self->mailer = tutti_mailer_new (outbox, self->mail_from);

  tutti_accounts_purge (self->store, tutti_now_seconds ());
  if (demo && !tutti_demo_load (self->store, error))
    return FALSE;

  /* Made once now rather than during the first unknown login. */
  tutti_password_init ();

  self->soup = soup_server_new ("server-header", "tutti-server/" PACKAGE_VERSION " ",
                               "tls-certificate", self->tls_certificate,
                               NULL);
  soup_server_add_early_handler (self->soup, NULL, handle_early, self, NULL);
  soup_server_add_handler (self->soup, NULL, handle_request, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_finished), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (request_aborted), self);

  if (!soup_server_listen (self->soup, socket_address,
                           self->tls_certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0,
                           error))
    return FALSE;

  self->purge_source = g_timeout_add_seconds (PURGE_INTERVAL_SECONDS, purge_cb, self);

  return TRUE;
}

/* With a certificate, the server serves HTTPS only. Call before starting. */
void
tutti_server_set_tls_certificate (TuttiServer     *self,
                                  GTlsCertificate *certificate)
{
  g_return_if_fail (TUTTI_IS_SERVER (self));
  g_return_if_fail (self->soup == NULL);

  g_set_object (&self->tls_certificate, certificate);
}

char *
tutti_server_get_url (TuttiServer *self)
{
  GSList *uris;
  char *url = NULL;

  g_return_val_if_fail (TUTTI_IS_SERVER (self), NULL);

  if (self->soup == NULL)
    return NULL;

  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    {
      GUri *uri = uris->data;

      url = g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri),
                             g_uri_get_host (uri), g_uri_get_port (uri));
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

/* Once nothing waits on a worker: stop listening, close connections. */
static void
finish_shutdown (TuttiServer *self)
{
  GCallback done = self->shutdown_done;

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);

  self->shutdown_done = NULL;
  if (done != NULL)
    ((void (*) (gpointer)) done) (self->shutdown_data);
}

void
tutti_server_shutdown (TuttiServer *self,
                       GCallback    done,
                       gpointer     user_data)
{
  g_return_if_fail (TUTTI_IS_SERVER (self));

  /* New requests get 503 from now on; those in a worker finish first. */
  self->shutting_down = TRUE;
  self->shutdown_done = done;
  self->shutdown_data = user_data;
  g_clear_handle_id (&self->purge_source, g_source_remove);

  if (self->n_busy == 0)
    finish_shutdown (self);
}
