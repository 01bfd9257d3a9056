/* tutti-client.c — the app's side of the HTTP API (libsoup3)
 *
 * Every endpoint is one small pair of functions built on a single private
 * helper, tutti_client_send_async(): it builds the request (URL, language,
 * bearer token, JSON body from a core record, Idempotency-Key), sends it with
 * a deadline, and turns the answer into a core record (or a list of them) or
 * into a GError of the TUTTI_API_ERROR domain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-client"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "tutti-client.h"
#include "tutti-deadline.h"

#define DEFAULT_TIMEOUT_SECONDS 30
#define MAX_TIMEOUT_SECONDS     600
/* A request that carries an Idempotency-Key is tried this many times when
 * the server could not be reached; the key makes the repeat harmless. */
#define MAX_ATTEMPTS            2
#define RETRY_DELAY_MSEC        500
#define HTTP_TOO_MANY_REQUESTS  429

struct _TuttiClient
{
  GObject       parent_instance;

  SoupSession  *session;
  char         *base_url;
  char         *token;
  TuttiAccount *account;
  TuttiLang     lang;
  guint         timeout;
};

G_DEFINE_FINAL_TYPE (TuttiClient, tutti_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TOKEN,
  PROP_LANG,
  PROP_ACCOUNT,
  PROP_TIMEOUT,
  N_PROPS
};

enum {
  SESSION_EXPIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- The request helper --------------------------------------------------- */

typedef enum
{
  REQUEST_NONE        = 0,
  /* The answer is a JSON array of answer_schema records. */
  REQUEST_ANSWER_LIST = 1 << 0,
  /* Sent without the bearer token (sites, log-in, password reset). */
  REQUEST_ANONYMOUS   = 1 << 1,
  /* A 401 does not mean that the session expired (log-out). */
  REQUEST_NO_EXPIRY   = 1 << 2,
  /* Carries an Idempotency-Key (a new one unless the request gives one) and
   * is tried again once when the server could not be reached. */
  REQUEST_IDEMPOTENT  = 1 << 3,
  /* The answer is the body itself, as GBytes, of the media type that
   * accept names (a PDF…); an error still comes as JSON. */
  REQUEST_ANSWER_BYTES = 1 << 4,
} RequestFlags;

typedef struct _Call Call;

/* Runs when the call completes, before the caller's callback, whatever the
 * outcome; *error is the outcome, which the hook may replace. */
typedef void (*RequestDone) (TuttiClient  *self,
                             Call         *call,
                             GError      **error);

typedef struct
{
  const char        *method;
  const char        *path;
  /* The body: a record of body_schema, sent as JSON. */
  const TuttiSchema *body_schema;
  gconstpointer      body;
  /* The answer: a record of answer_schema; NULL to ignore the body. */
  const TuttiSchema *answer_schema;
  /* With REQUEST_ANSWER_LIST: frees one element of the list. */
  GDestroyNotify     element_free;
  RequestFlags       flags;
  const char        *idempotency_key;
  RequestDone        done;
  gpointer           source_tag;
  /* The Accept header; application/json when NULL. */
  const char        *accept;
  /* A body sent as it is (an upload), of raw_content_type. */
  GBytes            *raw_body;
  const char        *raw_content_type;
  /* More request headers: name, value, name, value…, NULL. */
  const char * const *headers;
} Request;

struct _Call
{
  char              *server;
  char              *method;
  GUri              *uri;
  GBytes            *body;
  char              *token;
  char              *idempotency_key;
  TuttiLang          lang;
  guint              timeout;
  const TuttiSchema *answer_schema;
  GDestroyNotify     element_free;
  RequestFlags       flags;
  RequestDone        done;
  TuttiDeadline     *deadline;
  SoupMessage       *message;
  guint              attempt;
  char              *accept;
  char              *content_type;
  char             **headers;
  /* The decoded answer, until the caller's _finish takes it. */
  gpointer           answer;
};

static void
call_free (gpointer data)
{
  Call *call = data;

  if (call->answer != NULL)
    {
      if (call->flags & REQUEST_ANSWER_LIST)
        g_ptr_array_unref (call->answer);
      else if (call->flags & REQUEST_ANSWER_BYTES)
        g_bytes_unref (call->answer);
      else
        tutti_record_free (call->answer_schema, call->answer);
    }
  g_clear_object (&call->message);
  g_clear_pointer (&call->deadline, tutti_deadline_free);
  g_clear_pointer (&call->uri, g_uri_unref);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_free (call->server);
  g_free (call->method);
  g_free (call->token);
  g_free (call->idempotency_key);
  g_free (call->accept);
  g_free (call->content_type);
  g_strfreev (call->headers);
  g_free (call);
}

static void
tutti_client_forget_session (TuttiClient *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->token != NULL)
    {
      g_clear_pointer (&self->token, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
    }
  if (self->account != NULL)
    {
      g_clear_pointer (&self->account, tutti_account_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Takes @error (nullable). */
static void
call_complete (GTask  *task,
               GError *error)
{
  TuttiClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);

  g_clear_pointer (&call->deadline, tutti_deadline_free);

  /* The session the call was made with has ended on the server; tell the
   * app, unless it has already moved on to another session. */
  if (error != NULL &&
      g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED) &&
      call->token != NULL &&
      !(call->flags & REQUEST_NO_EXPIRY) &&
      g_strcmp0 (call->token, self->token) == 0)
    {
      g_debug ("Session expired on %s %s", call->method, g_uri_get_path (call->uri));
      tutti_client_forget_session (self);
      g_signal_emit (self, signals[SESSION_EXPIRED], 0);
    }

  if (call->done != NULL)
    call->done (self, call, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static GError *
unavailable_error (Call         *call,
                   const GError *cause)
{
  gboolean fr = call->lang == TUTTI_LANG_FR;
  g_autofree char *reason = NULL;
  GError *error;

  if (cause == NULL ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    reason = fr
      ? g_strdup_printf ("il n’a pas répondu en %u s", call->timeout)
      : g_strdup_printf ("it did not answer within %u s", call->timeout);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    reason = g_strdup (fr ? "il a refusé la connexion" : "it refused the connection");
  else if (cause->domain == G_RESOLVER_ERROR)
    reason = g_strdup (fr ? "son nom est introuvable" : "its name cannot be found");
  else if (cause->domain == G_TLS_ERROR)
    reason = fr
      ? g_strdup_printf ("la connexion sécurisée a échoué : %s", cause->message)
      : g_strdup_printf ("the secure connection failed: %s", cause->message);
  else
    reason = g_strdup (cause->message);

  if (fr)
    error = g_error_new (TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE,
                         "Impossible de joindre le serveur %s : %s.", call->server, reason);
  else
    error = g_error_new (TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE,
                         "Cannot reach the server %s: %s.", call->server, reason);

  return error;
}

static GError *
unreadable_answer_error (Call         *call,
                         const GError *cause)
{
  if (call->lang == TUTTI_LANG_FR)
    return g_error_new (TUTTI_API_ERROR, TUTTI_API_ERROR_INTERNAL,
                        "La réponse du serveur %s est illisible : %s",
                        call->server, cause->message);
  return g_error_new (TUTTI_API_ERROR, TUTTI_API_ERROR_INTERNAL,
                      "The answer of the server %s cannot be read: %s",
                      call->server, cause->message);
}

/* Retry-After is either a number of seconds or an HTTP date. */
static guint
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;
  GTimeSpan span;

  if (value == NULL)
    return 0;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &seconds, NULL))
    return (guint) seconds;

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return 0;
  now = g_date_time_new_now_utc ();
  span = g_date_time_difference (when, now);
  if (span <= 0)
    return 1;
  return (guint) MIN ((span + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND, G_MAXUINT);
}

static JsonNode *
parse_json (GBytes    *bytes,
            GError   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  JsonNode *root;

  if (size == 0)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           "empty answer");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           "empty answer");
      return NULL;
    }

  return json_node_ref (root);
}

static GError *
answer_error (Call    *call,
              GBytes  *bytes)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (call->message);
  guint status = soup_message_get_status (call->message);
  g_autoptr(JsonNode) root = NULL;
  const char *retry_after;
  GError *error;

  root = parse_json (bytes, NULL);
  error = tutti_api_error_from_json (root, status);

  /* An answer not in the API's format (a proxy's HTML page…) gets the
   * message of its status in the client's language. */
  if (root == NULL)
    {
      g_free (error->message);
      error->message = g_strdup (tutti_api_error_code_message (error->code, call->lang));
    }

  retry_after = soup_message_headers_get_one (headers, "Retry-After");
  if (retry_after != NULL)
    tutti_api_error_set_retry_after (error, parse_retry_after (retry_after));
  else if (status == HTTP_TOO_MANY_REQUESTS)
    g_debug ("429 without Retry-After from %s", call->server);

  return error;
}

static gboolean
decode_answer (Call    *call,
               GBytes  *bytes,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (call->flags & REQUEST_ANSWER_BYTES)
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (call->message);
      const char *type = soup_message_headers_get_content_type (headers, NULL);

      /* A proxy's or a captive portal's page is not the document. */
      if (call->accept != NULL && g_ascii_strcasecmp (type != NULL ? type : "", call->accept) != 0)
        {
          g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s was expected, not %s", call->accept, type != NULL ? type : "nothing");
          g_propagate_error (error, unreadable_answer_error (call, local_error));
          return FALSE;
        }
      call->answer = g_bytes_ref (bytes);
      return TRUE;
    }

  if (call->answer_schema == NULL)
    return TRUE;

  root = parse_json (bytes, &local_error);
  if (root == NULL)
    {
      g_propagate_error (error, unreadable_answer_error (call, local_error));
      return FALSE;
    }

  if (call->flags & REQUEST_ANSWER_LIST)
    {
      g_autoptr(GPtrArray) list = NULL;
      JsonArray *array;
      guint n;

      if (!JSON_NODE_HOLDS_ARRAY (root))
        {
          g_set_error_literal (&local_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                               "a list was expected");
          g_propagate_error (error, unreadable_answer_error (call, local_error));
          return FALSE;
        }

      array = json_node_get_array (root);
      n = json_array_get_length (array);
      list = g_ptr_array_new_full (n, call->element_free);
      for (guint i = 0; i < n; i++)
        {
          gpointer record = tutti_record_from_json (call->answer_schema,
                                                    json_array_get_element (array, i),
                                                    &local_error);
          if (record == NULL)
            {
              g_propagate_error (error, unreadable_answer_error (call, local_error));
              return FALSE;
            }
          g_ptr_array_add (list, record);
        }
      call->answer = g_steal_pointer (&list);
    }
  else
    {
      call->answer = tutti_record_from_json (call->answer_schema, root, &local_error);
      if (call->answer == NULL)
        {
          g_propagate_error (error, unreadable_answer_error (call, local_error));
          return FALSE;
        }
    }

  return TRUE;
}

static void call_send (GTask *task);

static gboolean
on_retry_timeout (gpointer user_data)
{
  call_send (G_TASK (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_send_and_read (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL)
    {
      gboolean expired = tutti_deadline_has_expired (call->deadline);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !expired)
        {
          call_complete (task, g_steal_pointer (&error));
          return;
        }

      if (!expired && call->idempotency_key != NULL && call->attempt < MAX_ATTEMPTS)
        {
          g_autoptr(GSource) source = g_timeout_source_new (RETRY_DELAY_MSEC);
          g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

          g_debug ("%s %s failed (%s); trying again with the same key",
                   call->method, g_uri_get_path (call->uri), error->message);
          g_source_set_name (source, "[tutti] retry");
          g_source_set_callback (source, on_retry_timeout, g_steal_pointer (&task), NULL);
          g_source_attach (source, context);
          return;
        }

      g_debug ("%s %s failed: %s", call->method, g_uri_get_path (call->uri), error->message);
      call_complete (task, unavailable_error (call, expired ? NULL : error));
      return;
    }

  status = soup_message_get_status (call->message);
  g_debug ("%s %s → %u", call->method, g_uri_get_path (call->uri), status);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      call_complete (task, answer_error (call, bytes));
      return;
    }

  if (!decode_answer (call, bytes, &error))
    {
      call_complete (task, g_steal_pointer (&error));
      return;
    }

  call_complete (task, NULL);
}

/* Takes the reference on @task. */
static void
call_send (GTask *task)
{
  TuttiClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_clear_object (&call->message);
  call->message = soup_message_new_from_uri (call->method, call->uri);
  call->attempt++;

  headers = soup_message_get_request_headers (call->message);
  soup_message_headers_replace (headers, "Accept",
                                call->accept != NULL ? call->accept : "application/json");
  soup_message_headers_replace (headers, "Accept-Language", tutti_lang_to_tag (call->lang));
  if (call->token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", call->token, NULL);
      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (call->idempotency_key != NULL)
    soup_message_headers_replace (headers, TUTTI_API_HEADER_IDEMPOTENCY, call->idempotency_key);
  for (guint i = 0; call->headers != NULL && call->headers[i] != NULL && call->headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (headers, call->headers[i], call->headers[i + 1]);
  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (call->message,
                                              call->content_type != NULL
                                              ? call->content_type
                                              : TUTTI_API_CONTENT_TYPE_JSON,
                                              call->body);

  soup_session_send_and_read_async (self->session,
                                    call->message,
                                    G_PRIORITY_DEFAULT,
                                    tutti_deadline_get_cancellable (call->deadline),
                                    on_send_and_read,
                                    task);
}

static GUri *
build_uri (Call        *call,
           const char  *path,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GUri) uri = NULL;
  gboolean fr = call->lang == TUTTI_LANG_FR;
  const char *scheme;

  if (call->server == NULL || *call->server == '\0')
    {
      g_set_error_literal (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE,
                           fr ? "Aucune adresse de serveur n’est configurée."
                              : "No server address is configured.");
      return NULL;
    }

  base = g_strdup (call->server);
  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  text = g_strconcat (base, path, NULL);

  uri = g_uri_parse (text, SOUP_HTTP_URI_FLAGS, &local_error);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      if (fr)
        g_set_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE,
                     "L’adresse du serveur « %s » n’est pas une adresse http ou https valide.",
                     call->server);
      else
        g_set_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE,
                     "The server address “%s” is not a valid http or https address.",
                     call->server);
      return NULL;
    }

  return g_steal_pointer (&uri);
}

static void
tutti_client_send_async (TuttiClient         *self,
                         const Request       *request,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Call *call;

  g_assert (TUTTI_IS_CLIENT (self));
  g_assert (request->answer_schema != NULL || !(request->flags & REQUEST_ANSWER_LIST));
  g_assert (!(request->flags & REQUEST_ANSWER_LIST) || request->element_free != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, request->source_tag);
  /* The outcome is what happened: a log-in that succeeded just before a
   * cancellation keeps its session and says so. */
  g_task_set_check_cancellable (task, FALSE);

  call = g_new0 (Call, 1);
  call->server = g_strdup (self->base_url);
  call->method = g_strdup (request->method);
  call->lang = self->lang;
  call->timeout = self->timeout;
  call->answer_schema = request->answer_schema;
  call->element_free = request->element_free;
  call->flags = request->flags;
  call->done = request->done;
  call->accept = g_strdup (request->accept);
  if (!(request->flags & REQUEST_ANONYMOUS))
    call->token = g_strdup (self->token);
  if (request->flags & REQUEST_IDEMPOTENT)
    call->idempotency_key = request->idempotency_key != NULL
                            ? g_strdup (request->idempotency_key)
                            : g_uuid_string_random ();
  g_task_set_task_data (task, call, call_free);

  call->uri = build_uri (call, request->path, &error);
  if (call->uri == NULL)
    {
      call_complete (task, g_steal_pointer (&error));
      return;
    }

  if (request->body_schema != NULL)
    {
      g_autoptr(JsonNode) node = tutti_record_to_json (request->body_schema, request->body);
      char *text = json_to_string (node, FALSE);

      call->body = g_bytes_new_take (text, strlen (text));
    }
  else if (request->raw_body != NULL)
    {
      call->body = g_bytes_ref (request->raw_body);
      call->content_type = g_strdup (request->raw_content_type != NULL
                                     ? request->raw_content_type
                                     : "application/octet-stream");
    }
  if (request->headers != NULL)
    call->headers = g_strdupv ((char **) request->headers);

  call->deadline = tutti_deadline_new (cancellable, call->timeout * 1000);
  call_send (g_steal_pointer (&task));
}

/* On success, *answer (when not NULL) receives the decoded answer. */
static gboolean
tutti_client_send_finish (TuttiClient   *self,
                          GAsyncResult  *result,
                          gpointer       source_tag,
                          gpointer      *answer,
                          GError       **error)
{
  Call *call;

  g_return_val_if_fail (TUTTI_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  call = g_task_get_task_data (G_TASK (result));
  if (answer != NULL)
    *answer = g_steal_pointer (&call->answer);

  return TRUE;
}

/* ---- GObject --------------------------------------------------------------- */

static void
tutti_client_dispose (GObject *object)
{
  TuttiClient *self = TUTTI_CLIENT (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (tutti_client_parent_class)->dispose (object);
}

static void
tutti_client_finalize (GObject *object)
{
  TuttiClient *self = TUTTI_CLIENT (object);

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->account, tutti_account_free);

  G_OBJECT_CLASS (tutti_client_parent_class)->finalize (object);
}

static void
tutti_client_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TuttiClient *self = TUTTI_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;

    case PROP_LANG:
      g_value_set_int (value, self->lang);
      break;

    case PROP_ACCOUNT:
      g_value_set_boxed (value, self->account);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tutti_client_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TuttiClient *self = TUTTI_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      tutti_client_set_base_url (self, g_value_get_string (value));
      break;

    case PROP_TOKEN:
      tutti_client_set_token (self, g_value_get_string (value));
      break;

    case PROP_LANG:
      tutti_client_set_lang (self, g_value_get_int (value));
      break;

    case PROP_TIMEOUT:
      tutti_client_set_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tutti_client_class_init (TuttiClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tutti_client_dispose;
  object_class->finalize = tutti_client_finalize;
  object_class->get_property = tutti_client_get_property;
  object_class->set_property = tutti_client_set_property;

  /**
   * TuttiClient:base-url:
   *
   * The server's address, such as `https://portail.example.org`; the API's
   * paths are appended to it. Changing it ends the session.
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TuttiClient:token:
   *
   * The bearer token of the session, %NULL when logged out.
   */
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TuttiClient:lang:
   *
   * A #TuttiLang: the language of the server's messages. It starts as the
   * user's language (tutti_lang_from_environment()).
   */
  properties[PROP_LANG] =
    g_param_spec_int ("lang", NULL, NULL,
                      TUTTI_LANG_EN, TUTTI_LANG_FR, TUTTI_LANG_EN,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /**
   * TuttiClient:account:
   *
   * The #TuttiAccount of the session, %NULL when logged out.
   */
  properties[PROP_ACCOUNT] =
    g_param_spec_boxed ("account", NULL, NULL,
                        tutti_account_get_type (),
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  /**
   * TuttiClient:timeout:
   *
   * How many seconds a call may take, retries included, before it fails
   * with %TUTTI_API_ERROR_UNAVAILABLE.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, MAX_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TuttiClient::session-expired:
   *
   * Emitted when the server answers 401 "unauthenticated" to a call made
   * with the current token: the session ended on the server (expiry, log-out
   * elsewhere, password change). The client has forgotten the token and the
   * account when this is emitted.
   */
  signals[SESSION_EXPIRED] =
    g_signal_new ("session-expired",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
tutti_client_init (TuttiClient *self)
{
  g_autofree char *user_agent = g_strdup_printf ("Tutti/%s ", PACKAGE_VERSION);

  self->lang = tutti_lang_from_environment ();
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  /* A trailing space makes libsoup append its own name and version. */
  self->session = soup_session_new_with_options ("user-agent", user_agent, NULL);
}

/* ---- Accessors --------------------------------------------------------------- */

TuttiClient *
tutti_client_new (const char *base_url)
{
  return g_object_new (TUTTI_TYPE_CLIENT,
                       "base-url", base_url,
                       NULL);
}

const char *
tutti_client_get_base_url (TuttiClient *self)
{
  g_return_val_if_fail (TUTTI_IS_CLIENT (self), NULL);

  return self->base_url;
}

/* A token belongs to the server that gave it: another server ends the session. */
void
tutti_client_set_base_url (TuttiClient *self,
                           const char  *base_url)
{
  g_return_if_fail (TUTTI_IS_CLIENT (self));

  if (g_strcmp0 (self->base_url, base_url) == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  tutti_client_forget_session (self);
  g_free (self->base_url);
  self->base_url = g_strdup (base_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
  g_object_thaw_notify (G_OBJECT (self));
}

TuttiLang
tutti_client_get_lang (TuttiClient *self)
{
  g_return_val_if_fail (TUTTI_IS_CLIENT (self), TUTTI_LANG_EN);

  return self->lang;
}

void
tutti_client_set_lang (TuttiClient *self,
                       TuttiLang    lang)
{
  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (lang == TUTTI_LANG_EN || lang == TUTTI_LANG_FR);

  if (self->lang == lang)
    return;

  self->lang = lang;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANG]);
}

const char *
tutti_client_get_token (TuttiClient *self)
{
  g_return_val_if_fail (TUTTI_IS_CLIENT (self), NULL);

  return self->token;
}

/* An empty token is no token. */
void
tutti_client_set_token (TuttiClient *self,
                        const char  *token)
{
  g_return_if_fail (TUTTI_IS_CLIENT (self));

  if (token != NULL && *token == '\0')
    token = NULL;

  if (g_strcmp0 (self->token, token) == 0)
    return;

  g_free (self->token);
  self->token = g_strdup (token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
}

TuttiAccount *
tutti_client_get_account (TuttiClient *self)
{
  g_return_val_if_fail (TUTTI_IS_CLIENT (self), NULL);

  return self->account;
}

gboolean
tutti_client_is_logged_in (TuttiClient *self)
{
  g_return_val_if_fail (TUTTI_IS_CLIENT (self), FALSE);

  return self->token != NULL;
}

guint
tutti_client_get_timeout (TuttiClient *self)
{
  g_return_val_if_fail (TUTTI_IS_CLIENT (self), DEFAULT_TIMEOUT_SECONDS);

  return self->timeout;
}

void
tutti_client_set_timeout (TuttiClient *self,
                          guint        seconds)
{
  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

void
tutti_client_set_tls_database (TuttiClient  *self,
                               GTlsDatabase *database)
{
  g_autoptr(GTlsDatabase) system = NULL;

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  if (database == NULL)
    database = system = g_tls_backend_get_default_database (g_tls_backend_get_default ());
  soup_session_set_tls_database (self->session, database);
}

/* ---- Endpoints --------------------------------------------------------------- */

/* GET /sites */

void
tutti_client_list_sites_async (TuttiClient         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_GET,
    .path = TUTTI_API_SITES,
    .answer_schema = &tutti_site_schema,
    .element_free = (GDestroyNotify) tutti_site_free,
    .flags = REQUEST_ANSWER_LIST | REQUEST_ANONYMOUS,
    .source_tag = tutti_client_list_sites_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type TuttiSite) */
GPtrArray *
tutti_client_list_sites_finish (TuttiClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  gpointer sites = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_list_sites_async, &sites, error))
    return NULL;
  return sites;
}

/* POST /session */

static void
log_in_done (TuttiClient  *self,
             Call         *call,
             GError      **error)
{
  TuttiSession *session = call->answer;

  if (*error != NULL)
    return;

  if (session->token == NULL || *session->token == '\0' || session->account == NULL)
    {
      g_autoptr(GError) cause = g_error_new_literal (JSON_PARSER_ERROR,
                                                     JSON_PARSER_ERROR_INVALID_DATA,
                                                     "the session has no token or no account");
      *error = unreadable_answer_error (call, cause);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  tutti_client_set_token (self, session->token);
  g_clear_pointer (&self->account, tutti_account_free);
  self->account = tutti_account_copy (session->account);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
tutti_client_log_in_async (TuttiClient         *self,
                           const char          *site,
                           const char          *login,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  TuttiLoginRequest body = {
    .site = (char *) site,
    .login = (char *) login,
    .password = (char *) password,
  };
  const Request request = {
    .method = SOUP_METHOD_POST,
    .path = TUTTI_API_SESSION,
    .body_schema = &tutti_login_request_schema,
    .body = &body,
    .answer_schema = &tutti_session_schema,
    .flags = REQUEST_ANONYMOUS,
    .done = log_in_done,
    .source_tag = tutti_client_log_in_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiSession *
tutti_client_log_in_finish (TuttiClient   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  gpointer session = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_log_in_async, &session, error))
    return NULL;
  return session;
}

/* DELETE /session */

static void
log_out_done (TuttiClient  *self,
              Call         *call,
              GError      **error)
{
  /* A session the server no longer knows is as logged out as can be. */
  if (g_error_matches (*error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
    g_clear_error (error);

  if (g_strcmp0 (call->token, self->token) == 0)
    tutti_client_forget_session (self);
}

void
tutti_client_log_out_async (TuttiClient         *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_DELETE,
    .path = TUTTI_API_SESSION,
    .flags = REQUEST_NO_EXPIRY,
    .done = log_out_done,
    .source_tag = tutti_client_log_out_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (self->token == NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, tutti_client_log_out_async);
      g_task_set_check_cancellable (task, FALSE);
      tutti_client_forget_session (self);
      g_task_set_task_data (task, g_new0 (Call, 1), call_free);
      g_task_return_boolean (task, TRUE);
      return;
    }

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

gboolean
tutti_client_log_out_finish (TuttiClient   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return tutti_client_send_finish (self, result, tutti_client_log_out_async, NULL, error);
}

/* POST /password-reset */

void
tutti_client_reset_password_async (TuttiClient         *self,
                                   const char          *site,
                                   const char          *login,
                                   const char          *email,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  TuttiPasswordResetRequest body = {
    .site = (char *) site,
    .login = (char *) login,
    .email = (char *) email,
  };
  const Request request = {
    .method = SOUP_METHOD_POST,
    .path = TUTTI_API_PASSWORD_RESET,
    .body_schema = &tutti_password_reset_request_schema,
    .body = &body,
    .flags = REQUEST_ANONYMOUS,
    .source_tag = tutti_client_reset_password_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

gboolean
tutti_client_reset_password_finish (TuttiClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return tutti_client_send_finish (self, result, tutti_client_reset_password_async, NULL, error);
}

/* PUT /password */

static void
change_password_done (TuttiClient  *self,
                      Call         *call,
                      GError      **error)
{
  /* The server has ended every session of the account. */
  if (*error == NULL && g_strcmp0 (call->token, self->token) == 0)
    tutti_client_forget_session (self);
}

void
tutti_client_change_password_async (TuttiClient         *self,
                                    const char          *current,
                                    const char          *new_password,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  TuttiPasswordChangeRequest body = {
    .current = (char *) current,
    .new_password = (char *) new_password,
  };
  const Request request = {
    .method = SOUP_METHOD_PUT,
    .path = TUTTI_API_PASSWORD,
    .body_schema = &tutti_password_change_request_schema,
    .body = &body,
    .done = change_password_done,
    .source_tag = tutti_client_change_password_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

gboolean
tutti_client_change_password_finish (TuttiClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return tutti_client_send_finish (self, result, tutti_client_change_password_async, NULL, error);
}

/* GET /home */

void
tutti_client_get_home_async (TuttiClient         *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_GET,
    .path = TUTTI_API_HOME,
    .answer_schema = &tutti_home_schema,
    .source_tag = tutti_client_get_home_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiHome *
tutti_client_get_home_finish (TuttiClient   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  gpointer home = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_home_async, &home, error))
    return NULL;
  return home;
}

/* GET /billing/fees, /billing/rentals */

void
tutti_client_get_billing_async (TuttiClient         *self,
                                TuttiBillingKind     kind,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_GET,
    .path = kind == TUTTI_BILLING_RENTAL ? TUTTI_API_BILLING_RENTALS : TUTTI_API_BILLING_FEES,
    .answer_schema = &tutti_billing_statement_schema,
    .source_tag = tutti_client_get_billing_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (kind == TUTTI_BILLING_FEE || kind == TUTTI_BILLING_RENTAL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiBillingStatement *
tutti_client_get_billing_finish (TuttiClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  gpointer statement = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_billing_async, &statement, error))
    return NULL;
  return statement;
}

/* GET /billing/documents/{operation} */

void
tutti_client_get_billing_document_async (TuttiClient         *self,
                                         const char          *operation,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_GET,
    .flags = REQUEST_ANSWER_BYTES,
    .accept = "application/pdf",
    .source_tag = tutti_client_get_billing_document_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (operation != NULL && *operation != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  escaped = g_uri_escape_string (operation, NULL, FALSE);
  path = g_strconcat (TUTTI_API_BILLING_DOCUMENTS "/", escaped, NULL);
  request.path = path;

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

/* Returns: (transfer full): the PDF's bytes. */
GBytes *
tutti_client_get_billing_document_finish (TuttiClient   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  gpointer bytes = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_billing_document_async, &bytes, error))
    return NULL;
  return bytes;
}

/* ---- The family's file (FAM-1, FAM-3, FAM-4, PUP-1..5) -------------------------- */

/* GET /family */

void
tutti_client_get_family_async (TuttiClient         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_GET,
    .path = TUTTI_API_FAMILY,
    .answer_schema = &tutti_family_schema,
    .source_tag = tutti_client_get_family_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiFamily *
tutti_client_get_family_finish (TuttiClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  gpointer family = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_family_async, &family, error))
    return NULL;
  return family;
}

/* PATCH /family/guardians/{id}, PATCH /pupils/{id}: the body is a record of
 * the entity's schema holding nothing but its pending_changes. Sending the
 * same changes again changes nothing on the server, hence the retry. */

static gpointer
copy_change (gconstpointer src,
             gpointer      user_data)
{
  const TuttiPendingChange *change = src;
  TuttiPendingChange *copy = tutti_pending_change_new ();

  copy->field = g_strdup (change->field);
  copy->new_value = g_strdup (change->new_value != NULL ? change->new_value : "");
  return copy;
}

static void
send_patch_async (TuttiClient         *self,
                  TuttiEntity          entity,
                  const char          *path,
                  GPtrArray           *changes,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  const TuttiSchema *schema = tutti_entity_get_schema (entity);
  gpointer body = tutti_record_new (schema);
  const Request request = {
    .method = "PATCH",
    .path = path,
    .body_schema = schema,
    .body = body,
    .answer_schema = schema,
    .flags = REQUEST_IDEMPOTENT,
    .source_tag = source_tag,
  };

  g_ptr_array_extend (*tutti_entity_get_changes (entity, body), changes, copy_change, NULL);
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
  tutti_record_free (schema, body);
}

void
tutti_client_patch_guardian_async (TuttiClient         *self,
                                   gint64               guardian_id,
                                   GPtrArray           *changes,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (changes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_GUARDIAN_FMT, guardian_id);
  send_patch_async (self, TUTTI_ENTITY_GUARDIAN, path, changes,
                    tutti_client_patch_guardian_async, cancellable, callback, user_data);
}

TuttiGuardian *
tutti_client_patch_guardian_finish (TuttiClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  gpointer guardian = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_patch_guardian_async, &guardian, error))
    return NULL;
  return guardian;
}

/* GET /pupils/{id} */

void
tutti_client_get_pupil_async (TuttiClient         *self,
                              gint64               pupil_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_GET,
    .answer_schema = &tutti_pupil_schema,
    .source_tag = tutti_client_get_pupil_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_PUPIL_FMT, pupil_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiPupil *
tutti_client_get_pupil_finish (TuttiClient   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  gpointer pupil = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_pupil_async, &pupil, error))
    return NULL;
  return pupil;
}

/* PATCH /pupils/{id} */

void
tutti_client_patch_pupil_async (TuttiClient         *self,
                                gint64               pupil_id,
                                GPtrArray           *changes,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (changes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_PUPIL_FMT, pupil_id);
  send_patch_async (self, TUTTI_ENTITY_PUPIL, path, changes,
                    tutti_client_patch_pupil_async, cancellable, callback, user_data);
}

TuttiPupil *
tutti_client_patch_pupil_finish (TuttiClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  gpointer pupil = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_patch_pupil_async, &pupil, error))
    return NULL;
  return pupil;
}

/* The lists of a pupil's file: GET /pupils/{id}/courses, /history, /repertoire */

static void
send_pupil_list_async (TuttiClient         *self,
                       const char          *path,
                       const TuttiSchema   *schema,
                       gpointer             source_tag,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_GET,
    .path = path,
    .answer_schema = schema,
    .element_free = schema->free_func,
    .flags = REQUEST_ANSWER_LIST,
    .source_tag = source_tag,
  };

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

void
tutti_client_list_courses_async (TuttiClient         *self,
                                 gint64               pupil_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_PUPIL_COURSES_FMT, pupil_id);
  send_pupil_list_async (self, path, &tutti_course_schema, tutti_client_list_courses_async,
                         cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type TuttiCourse) */
GPtrArray *
tutti_client_list_courses_finish (TuttiClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  gpointer courses = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_list_courses_async, &courses, error))
    return NULL;
  return courses;
}

void
tutti_client_get_course_async (TuttiClient         *self,
                               gint64               pupil_id,
                               gint64               course_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_GET,
    .answer_schema = &tutti_course_schema,
    .source_tag = tutti_client_get_course_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_PUPIL_COURSE_FMT, pupil_id, course_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiCourse *
tutti_client_get_course_finish (TuttiClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  gpointer course = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_course_async, &course, error))
    return NULL;
  return course;
}

void
tutti_client_list_history_async (TuttiClient         *self,
                                 gint64               pupil_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_PUPIL_HISTORY_FMT, pupil_id);
  send_pupil_list_async (self, path, &tutti_history_record_schema, tutti_client_list_history_async,
                         cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type TuttiHistoryRecord) */
GPtrArray *
tutti_client_list_history_finish (TuttiClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  gpointer records = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_list_history_async, &records, error))
    return NULL;
  return records;
}

void
tutti_client_get_history_record_async (TuttiClient         *self,
                                       gint64               pupil_id,
                                       gint64               record_id,
                                       guint                page,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_GET,
    .answer_schema = &tutti_history_record_schema,
    .source_tag = tutti_client_get_history_record_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (page >= 1);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_PUPIL_RECORD_PAGE_FMT, pupil_id, record_id, page);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

static guint
get_header_uint (SoupMessageHeaders *headers,
                 const char         *name,
                 guint               fallback)
{
  const char *value = soup_message_headers_get_one (headers, name);
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &number, NULL))
    return fallback;
  return (guint) number;
}

TuttiHistoryRecord *
tutti_client_get_history_record_finish (TuttiClient   *self,
                                        GAsyncResult  *result,
                                        guint         *page,
                                        guint         *n_pages,
                                        GError       **error)
{
  gpointer record = NULL;
  SoupMessageHeaders *headers;
  Call *call;
  guint current, total;

  if (!tutti_client_send_finish (self, result, tutti_client_get_history_record_async, &record, error))
    return NULL;

  /* The page is told in headers, the body staying a core record. */
  call = g_task_get_task_data (G_TASK (result));
  headers = soup_message_get_response_headers (call->message);
  current = get_header_uint (headers, TUTTI_API_HEADER_PAGE, 1);
  total = get_header_uint (headers, TUTTI_API_HEADER_TOTAL_PAGES, 1);
  if (page != NULL)
    *page = current;
  if (n_pages != NULL)
    *n_pages = MAX (total, current);
  return record;
}

void
tutti_client_list_repertoire_async (TuttiClient         *self,
                                    gint64               pupil_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_PUPIL_REPERTOIRE_FMT, pupil_id);
  send_pupil_list_async (self, path, &tutti_piece_schema, tutti_client_list_repertoire_async,
                         cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type TuttiPiece) */
GPtrArray *
tutti_client_list_repertoire_finish (TuttiClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  gpointer pieces = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_list_repertoire_async, &pieces, error))
    return NULL;
  return pieces;
}

/* ---- The office's validation queue (STAFF-2) ---------------------------------- */

static const char *
entity_path_nick (TuttiEntity entity)
{
  return tutti_enum_to_nick (&tutti_entity_enum, entity);
}

/* GET /staff/changes */

void
tutti_client_list_change_groups_async (TuttiClient         *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_GET,
    .path = TUTTI_API_STAFF_CHANGES,
    .answer_schema = &tutti_change_group_schema,
    .element_free = (GDestroyNotify) tutti_change_group_free,
    .flags = REQUEST_ANSWER_LIST,
    .source_tag = tutti_client_list_change_groups_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type TuttiChangeGroup) */
GPtrArray *
tutti_client_list_change_groups_finish (TuttiClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  gpointer groups = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_list_change_groups_async, &groups, error))
    return NULL;
  return groups;
}

/* GET /staff/changes/{entity}/{id} */

void
tutti_client_get_change_group_async (TuttiClient         *self,
                                     TuttiEntity          entity,
                                     gint64               entity_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_GET,
    .answer_schema = &tutti_change_group_schema,
    .source_tag = tutti_client_get_change_group_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (entity == TUTTI_ENTITY_GUARDIAN || entity == TUTTI_ENTITY_PUPIL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_STAFF_CHANGE_FMT, entity_path_nick (entity), entity_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiChangeGroup *
tutti_client_get_change_group_finish (TuttiClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  gpointer group = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_change_group_async, &group, error))
    return NULL;
  return group;
}

/* POST /staff/changes/{entity}/{id}/decide: the server reads the body as a
 * record of the entity's schema, of which only pending_changes is sent.
 * Not retried by itself: a decision the server applied before the
 * connection broke would come back as a conflict. */

static gpointer
copy_decision (gconstpointer src,
               gpointer      user_data)
{
  const TuttiPendingChange *decision = src;
  TuttiPendingChange *copy = tutti_pending_change_new ();

  copy->id = decision->id;
  copy->state = decision->state;
  copy->new_value = g_strdup (decision->new_value);
  if (decision->state == TUTTI_CHANGE_REFUSED && !tutti_is_blank (decision->reason))
    copy->reason = g_strdup (decision->reason);
  return copy;
}

void
tutti_client_decide_changes_async (TuttiClient         *self,
                                   TuttiEntity          entity,
                                   gint64               entity_id,
                                   GPtrArray           *decisions,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  const TuttiSchema *schema;
  g_autofree char *path = NULL;
  gpointer body;
  Request request = {
    .method = SOUP_METHOD_POST,
    .answer_schema = &tutti_change_group_schema,
    .source_tag = tutti_client_decide_changes_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (entity == TUTTI_ENTITY_GUARDIAN || entity == TUTTI_ENTITY_PUPIL);
  g_return_if_fail (decisions != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  schema = tutti_entity_get_schema (entity);
  body = tutti_record_new (schema);
  g_ptr_array_extend (*tutti_entity_get_changes (entity, body), decisions, copy_decision, NULL);

  path = g_strdup_printf (TUTTI_API_STAFF_CHANGE_FMT "/decide", entity_path_nick (entity), entity_id);
  request.path = path;
  request.body_schema = schema;
  request.body = body;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
  tutti_record_free (schema, body);
}

TuttiChangeGroup *
tutti_client_decide_changes_finish (TuttiClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  gpointer group = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_decide_changes_async, &group, error))
    return NULL;
  return group;
}

/* POST /staff/changes/{entity}/{id}/accept-all, …/refuse-all */

void
tutti_client_accept_all_changes_async (TuttiClient         *self,
                                       TuttiEntity          entity,
                                       gint64               entity_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_POST,
    .answer_schema = &tutti_change_group_schema,
    .source_tag = tutti_client_accept_all_changes_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (entity == TUTTI_ENTITY_GUARDIAN || entity == TUTTI_ENTITY_PUPIL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_STAFF_CHANGE_FMT "/accept-all", entity_path_nick (entity), entity_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiChangeGroup *
tutti_client_accept_all_changes_finish (TuttiClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  gpointer group = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_accept_all_changes_async, &group, error))
    return NULL;
  return group;
}

/* The body, when there is a reason, is read as a TuttiPendingChange. */
void
tutti_client_refuse_all_changes_async (TuttiClient         *self,
                                       TuttiEntity          entity,
                                       gint64               entity_id,
                                       const char          *reason,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(TuttiPendingChange) body = NULL;
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_POST,
    .answer_schema = &tutti_change_group_schema,
    .source_tag = tutti_client_refuse_all_changes_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (entity == TUTTI_ENTITY_GUARDIAN || entity == TUTTI_ENTITY_PUPIL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!tutti_is_blank (reason))
    {
      body = tutti_pending_change_new ();
      body->state = TUTTI_CHANGE_REFUSED;
      body->reason = g_strdup (reason);
      request.body_schema = &tutti_pending_change_schema;
      request.body = body;
    }

  path = g_strdup_printf (TUTTI_API_STAFF_CHANGE_FMT "/refuse-all", entity_path_nick (entity), entity_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiChangeGroup *
tutti_client_refuse_all_changes_finish (TuttiClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  gpointer group = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_refuse_all_changes_async, &group, error))
    return NULL;
  return group;
}

/* ---- Pre-enrolment (PRE-1..4, HOME-4) ----------------------------------------- */

/* GET /offer */

void
tutti_client_get_offer_async (TuttiClient         *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_GET,
    .path = TUTTI_API_OFFER,
    .answer_schema = &tutti_offer_schema,
    .source_tag = tutti_client_get_offer_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiOffer *
tutti_client_get_offer_finish (TuttiClient   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  gpointer offer = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_offer_async, &offer, error))
    return NULL;
  return offer;
}

/* GET /preenrolments/question */

void
tutti_client_get_antispam_question_async (TuttiClient         *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_GET,
    .path = TUTTI_API_PREENROLMENT_QUESTION,
    .answer_schema = &tutti_antispam_question_schema,
    .source_tag = tutti_client_get_antispam_question_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiAntispamQuestion *
tutti_client_get_antispam_question_finish (TuttiClient   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  gpointer question = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_antispam_question_async,
                                 &question, error))
    return NULL;
  return question;
}

/* POST /preenrolments, with an Idempotency-Key: tried again once, with the
 * same key, when the server could not be reached. */

void
tutti_client_submit_preenrolment_async (TuttiClient             *self,
                                        const TuttiPreenrolment *request_body,
                                        const char              *idempotency_key,
                                        GCancellable            *cancellable,
                                        GAsyncReadyCallback      callback,
                                        gpointer                 user_data)
{
  const Request request = {
    .method = SOUP_METHOD_POST,
    .path = TUTTI_API_PREENROLMENTS,
    .body_schema = &tutti_preenrolment_schema,
    .body = request_body,
    .answer_schema = &tutti_preenrolment_schema,
    .flags = REQUEST_IDEMPOTENT,
    .idempotency_key = idempotency_key,
    .source_tag = tutti_client_submit_preenrolment_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (request_body != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiPreenrolment *
tutti_client_submit_preenrolment_finish (TuttiClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  gpointer preenrolment = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_submit_preenrolment_async,
                                 &preenrolment, error))
    return NULL;
  return preenrolment;
}

/* GET /preenrolments */

void
tutti_client_list_preenrolments_async (TuttiClient         *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_GET,
    .path = TUTTI_API_PREENROLMENTS,
    .answer_schema = &tutti_preenrolment_schema,
    .element_free = (GDestroyNotify) tutti_preenrolment_free,
    .flags = REQUEST_ANSWER_LIST,
    .source_tag = tutti_client_list_preenrolments_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type TuttiPreenrolment) */
GPtrArray *
tutti_client_list_preenrolments_finish (TuttiClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  gpointer list = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_list_preenrolments_async, &list, error))
    return NULL;
  return list;
}

/* GET /preenrolments/{id} */

void
tutti_client_get_preenrolment_async (TuttiClient         *self,
                                     gint64               preenrolment_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_GET,
    .answer_schema = &tutti_preenrolment_schema,
    .source_tag = tutti_client_get_preenrolment_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_PREENROLMENT_FMT, preenrolment_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiPreenrolment *
tutti_client_get_preenrolment_finish (TuttiClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  gpointer preenrolment = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_preenrolment_async,
                                 &preenrolment, error))
    return NULL;
  return preenrolment;
}

/* ---- The office's pre-enrolment desk (STAFF-3, STAFF-4) ------------------------ */

/* GET /staff/campaigns */

void
tutti_client_list_staff_campaigns_async (TuttiClient         *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_GET,
    .path = TUTTI_API_STAFF_CAMPAIGNS,
    .answer_schema = &tutti_campaign_schema,
    .element_free = (GDestroyNotify) tutti_campaign_free,
    .flags = REQUEST_ANSWER_LIST,
    .source_tag = tutti_client_list_staff_campaigns_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type TuttiCampaign) */
GPtrArray *
tutti_client_list_staff_campaigns_finish (TuttiClient   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  gpointer list = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_list_staff_campaigns_async, &list, error))
    return NULL;
  return list;
}

/* PATCH /staff/campaigns/{id}: the server changes the members sent, and
 * only those; a whole TuttiCampaign would send its offer and downloads,
 * which PATCH refuses. Hence a body of one member. */

typedef struct
{
  gboolean open;
} CampaignOpenBody;

static const TuttiField campaign_open_fields[] = {
  { "open", TUTTI_FIELD_BOOL, G_STRUCT_OFFSET (CampaignOpenBody, open), TUTTI_FIELD_FLAG_NONE,
    TUTTI_CHECK_NONE, { "Open", "Ouverte" }, NULL, NULL, 0 },
};

static const TuttiSchema campaign_open_schema = {
  "TuttiCampaignOpen", sizeof (CampaignOpenBody), g_free,
  G_N_ELEMENTS (campaign_open_fields), campaign_open_fields
};

void
tutti_client_set_campaign_open_async (TuttiClient         *self,
                                      gint64               campaign_id,
                                      gboolean             open,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  CampaignOpenBody body = { .open = open != FALSE };
  g_autofree char *path = NULL;
  Request request = {
    .method = "PATCH",
    .body_schema = &campaign_open_schema,
    .body = &body,
    .answer_schema = &tutti_campaign_schema,
    /* Opening or closing twice is the same: safe to try again. */
    .flags = REQUEST_IDEMPOTENT,
    .source_tag = tutti_client_set_campaign_open_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_STAFF_CAMPAIGN_FMT, campaign_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiCampaign *
tutti_client_set_campaign_open_finish (TuttiClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  gpointer campaign = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_set_campaign_open_async, &campaign, error))
    return NULL;
  return campaign;
}

/* GET /staff/campaigns/{id} */

void
tutti_client_get_staff_campaign_async (TuttiClient         *self,
                                       gint64               campaign_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_GET,
    .answer_schema = &tutti_campaign_schema,
    .source_tag = tutti_client_get_staff_campaign_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_STAFF_CAMPAIGN_FMT, campaign_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiCampaign *
tutti_client_get_staff_campaign_finish (TuttiClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  gpointer campaign = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_staff_campaign_async, &campaign, error))
    return NULL;
  return campaign;
}

/* POST /staff/campaigns: the whole record goes, ids and all; the server
 * gives the ids and refuses downloads. */

void
tutti_client_create_campaign_async (TuttiClient         *self,
                                    const TuttiCampaign *campaign,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_POST,
    .path = TUTTI_API_STAFF_CAMPAIGNS,
    .body_schema = &tutti_campaign_schema,
    .body = campaign,
    .answer_schema = &tutti_campaign_schema,
    /* No Idempotency-Key on this route: a lost answer is not tried again,
     * which would make a second campaign. */
    .source_tag = tutti_client_create_campaign_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (campaign != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiCampaign *
tutti_client_create_campaign_finish (TuttiClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  gpointer campaign = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_create_campaign_async, &campaign, error))
    return NULL;
  return campaign;
}

/* PATCH /staff/campaigns/{id}: the body is the campaign's own schema cut
 * down to the members asked for, so that each is written by core's codec
 * and the others are absent (not null: absent). */

void
tutti_client_update_campaign_async (TuttiClient          *self,
                                    gint64                campaign_id,
                                    const TuttiCampaign  *changes,
                                    TuttiCampaignMembers  members,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  static const struct
  {
    TuttiCampaignMembers member;
    const char          *key;
  } keys[] = {
    { TUTTI_CAMPAIGN_MEMBER_SCHOOL_YEAR, "school_year" },
    { TUTTI_CAMPAIGN_MEMBER_OPENS_AT, "opens_at" },
    { TUTTI_CAMPAIGN_MEMBER_DEADLINE, "deadline" },
    { TUTTI_CAMPAIGN_MEMBER_OPEN, "open" },
    { TUTTI_CAMPAIGN_MEMBER_REQUIRED_DOCUMENTS, "required_documents" },
  };
  TuttiField fields[G_N_ELEMENTS (keys)];
  TuttiSchema schema = tutti_campaign_schema;
  g_autofree char *path = NULL;
  guint n_fields = 0;
  Request request = {
    .method = "PATCH",
    .body_schema = &schema,
    .body = changes,
    .answer_schema = &tutti_campaign_schema,
    /* The same members again give the same campaign: safe to try again. */
    .flags = REQUEST_IDEMPOTENT,
    .source_tag = tutti_client_update_campaign_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (changes != NULL);
  g_return_if_fail (members != 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (members & keys[i].member)
      fields[n_fields++] = *tutti_schema_lookup (&tutti_campaign_schema, keys[i].key);
  /* The body is written by tutti_client_send_async() before it returns. */
  schema.n_fields = n_fields;
  schema.fields = fields;

  path = g_strdup_printf (TUTTI_API_STAFF_CAMPAIGN_FMT, campaign_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiCampaign *
tutti_client_update_campaign_finish (TuttiClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  gpointer campaign = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_update_campaign_async, &campaign, error))
    return NULL;
  return campaign;
}

/* PUT /staff/campaigns/{id}/offer: {"offer": […]}, the campaign's schema
 * cut down to its offer. */

void
tutti_client_put_campaign_offer_async (TuttiClient         *self,
                                       gint64               campaign_id,
                                       GPtrArray           *offer,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  TuttiSchema schema = tutti_campaign_schema;
  TuttiCampaign body = { .offer = offer };
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_PUT,
    .body_schema = &schema,
    .body = &body,
    .answer_schema = &tutti_campaign_schema,
    /* New items have no id yet: a repeat would add them twice. */
    .source_tag = tutti_client_put_campaign_offer_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (offer != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  schema.n_fields = 1;
  schema.fields = tutti_schema_lookup (&tutti_campaign_schema, "offer");

  path = g_strdup_printf (TUTTI_API_STAFF_CAMPAIGN_OFFER_FMT, campaign_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiCampaign *
tutti_client_put_campaign_offer_finish (TuttiClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  gpointer campaign = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_put_campaign_offer_async, &campaign, error))
    return NULL;
  return campaign;
}

/* POST /staff/campaigns/{id}/downloads */

void
tutti_client_upload_campaign_download_async (TuttiClient         *self,
                                             gint64               campaign_id,
                                             const char          *name,
                                             const char          *file_name,
                                             GBytes              *content,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *escaped_name = NULL;
  g_autofree char *escaped_file_name = NULL;
  const char *headers[5] = { NULL };
  guint n = 0;
  Request request = {
    .method = SOUP_METHOD_POST,
    .answer_schema = &tutti_download_schema,
    .raw_body = content,
    /* The server decides by content; a PDF is all it takes. */
    .raw_content_type = "application/pdf",
    .source_tag = tutti_client_upload_campaign_download_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (content != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (name != NULL && *name != '\0')
    {
      escaped_name = g_uri_escape_string (name, NULL, FALSE);
      headers[n++] = TUTTI_API_HEADER_DOCUMENT_NAME;
      headers[n++] = escaped_name;
    }
  if (file_name != NULL && *file_name != '\0')
    {
      escaped_file_name = g_uri_escape_string (file_name, NULL, FALSE);
      headers[n++] = TUTTI_API_HEADER_FILE_NAME;
      headers[n++] = escaped_file_name;
    }
  request.headers = headers;

  path = g_strdup_printf (TUTTI_API_STAFF_CAMPAIGN_DOWNLOADS_FMT, campaign_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiDownload *
tutti_client_upload_campaign_download_finish (TuttiClient   *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  gpointer download = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_upload_campaign_download_async, &download, error))
    return NULL;
  return download;
}

/* DELETE /staff/campaigns/{id}/downloads/{download_id} */

void
tutti_client_delete_campaign_download_async (TuttiClient         *self,
                                             gint64               campaign_id,
                                             gint64               download_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_DELETE,
    .source_tag = tutti_client_delete_campaign_download_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_STAFF_CAMPAIGN_DOWNLOAD_FMT, campaign_id, download_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

gboolean
tutti_client_delete_campaign_download_finish (TuttiClient   *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return tutti_client_send_finish (self, result, tutti_client_delete_campaign_download_async, NULL, error);
}

/* GET /staff/preenrolments[?state=…] */

void
tutti_client_list_staff_preenrolments_async (TuttiClient         *self,
                                             int                  state,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_GET,
    .answer_schema = &tutti_staff_preenrolment_schema,
    .element_free = (GDestroyNotify) tutti_staff_preenrolment_free,
    .flags = REQUEST_ANSWER_LIST,
    .source_tag = tutti_client_list_staff_preenrolments_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (state >= -1 && state <= TUTTI_PREENROLMENT_REFUSED);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (state >= 0)
    path = g_strdup_printf (TUTTI_API_STAFF_PREENROLMENTS "?state=%s",
                            tutti_enum_to_nick (&tutti_preenrolment_state_enum, state));
  else
    path = g_strdup (TUTTI_API_STAFF_PREENROLMENTS);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type TuttiStaffPreenrolment) */
GPtrArray *
tutti_client_list_staff_preenrolments_finish (TuttiClient   *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  gpointer list = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_list_staff_preenrolments_async,
                                 &list, error))
    return NULL;
  return list;
}

/* GET /staff/preenrolments/{id}, POST …/accept, POST …/refuse */

static void
send_staff_preenrolment_async (TuttiClient         *self,
                               const char          *method,
                               const char          *path,
                               const TuttiSchema   *body_schema,
                               gconstpointer        body,
                               gpointer             source_tag,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  const Request request = {
    .method = method,
    .path = path,
    .body_schema = body_schema,
    .body = body,
    .answer_schema = &tutti_staff_preenrolment_schema,
    .source_tag = source_tag,
  };

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

void
tutti_client_get_staff_preenrolment_async (TuttiClient         *self,
                                           gint64               preenrolment_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_STAFF_PREENROLMENT_FMT, preenrolment_id);
  send_staff_preenrolment_async (self, SOUP_METHOD_GET, path, NULL, NULL,
                                 tutti_client_get_staff_preenrolment_async,
                                 cancellable, callback, user_data);
}

TuttiStaffPreenrolment *
tutti_client_get_staff_preenrolment_finish (TuttiClient   *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  gpointer preenrolment = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_staff_preenrolment_async,
                                 &preenrolment, error))
    return NULL;
  return preenrolment;
}

/* Not retried by itself: a decision the server applied before the
 * connection broke would come back as a conflict. */
void
tutti_client_accept_preenrolment_async (TuttiClient         *self,
                                        gint64               preenrolment_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_STAFF_PREENROLMENT_ACCEPT_FMT, preenrolment_id);
  send_staff_preenrolment_async (self, SOUP_METHOD_POST, path, NULL, NULL,
                                 tutti_client_accept_preenrolment_async,
                                 cancellable, callback, user_data);
}

TuttiStaffPreenrolment *
tutti_client_accept_preenrolment_finish (TuttiClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  gpointer preenrolment = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_accept_preenrolment_async,
                                 &preenrolment, error))
    return NULL;
  return preenrolment;
}

void
tutti_client_refuse_preenrolment_async (TuttiClient         *self,
                                        gint64               preenrolment_id,
                                        const char          *reason,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(TuttiPreenrolmentDecision) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  body = tutti_preenrolment_decision_new ();
  body->reason = g_strdup (reason != NULL ? reason : "");
  path = g_strdup_printf (TUTTI_API_STAFF_PREENROLMENT_REFUSE_FMT, preenrolment_id);
  send_staff_preenrolment_async (self, SOUP_METHOD_POST, path,
                                 &tutti_preenrolment_decision_schema, body,
                                 tutti_client_refuse_preenrolment_async,
                                 cancellable, callback, user_data);
}

TuttiStaffPreenrolment *
tutti_client_refuse_preenrolment_finish (TuttiClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  gpointer preenrolment = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_refuse_preenrolment_async,
                                 &preenrolment, error))
    return NULL;
  return preenrolment;
}

/* ---- Documents (FAM-2) and re-enrolment (REE-2..4, HOME-3) ---------------------- */

/* GET /family/documents */

void
tutti_client_list_documents_async (TuttiClient         *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  const Request request = {
    .method = SOUP_METHOD_GET,
    .path = TUTTI_API_FAMILY_DOCUMENTS,
    .answer_schema = &tutti_document_schema,
    .element_free = (GDestroyNotify) tutti_document_free,
    .flags = REQUEST_ANSWER_LIST,
    .source_tag = tutti_client_list_documents_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

GPtrArray *
tutti_client_list_documents_finish (TuttiClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  gpointer list = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_list_documents_async, &list, error))
    return NULL;
  return list;
}

/* POST /family/documents */

void
tutti_client_upload_document_async (TuttiClient         *self,
                                    const char          *kind,
                                    const char          *file_name,
                                    GBytes              *content,
                                    const char          *idempotency_key,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  const char *content_type;
  const char *headers[5] = { NULL };
  Request request = {
    .method = SOUP_METHOD_POST,
    .path = TUTTI_API_FAMILY_DOCUMENTS,
    .answer_schema = &tutti_document_schema,
    .flags = REQUEST_IDEMPOTENT,
    .idempotency_key = idempotency_key,
    .raw_body = content,
    .source_tag = tutti_client_upload_document_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (kind != NULL && *kind != '\0');
  g_return_if_fail (content != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The server decides by content; this only says what we think it is. */
  content_type = tutti_sniff_content_type (g_bytes_get_data (content, NULL), g_bytes_get_size (content));
  request.raw_content_type = content_type != NULL ? content_type : "application/octet-stream";
  headers[0] = TUTTI_API_HEADER_DOCUMENT_KIND;
  headers[1] = kind;
  if (file_name != NULL && *file_name != '\0')
    {
      escaped = g_uri_escape_string (file_name, NULL, FALSE);
      headers[2] = TUTTI_API_HEADER_FILE_NAME;
      headers[3] = escaped;
    }
  request.headers = headers;

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiDocument *
tutti_client_upload_document_finish (TuttiClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  gpointer document = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_upload_document_async, &document, error))
    return NULL;
  return document;
}

/* GET /family/documents/{id}, GET /staff/documents/{id}: a document's
 * bytes as uploaded, and the type the server found. */

static void
get_document_async (TuttiClient         *self,
                    const char          *path,
                    gpointer             source_tag,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  Request request = {
    .method = SOUP_METHOD_GET,
    .path = path,
    .flags = REQUEST_ANSWER_BYTES,
    .source_tag = source_tag,
  };

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

static GBytes *
get_document_finish (TuttiClient   *self,
                     GAsyncResult  *result,
                     gpointer       source_tag,
                     char         **content_type,
                     GError       **error)
{
  gpointer bytes = NULL;
  Call *call;

  if (!tutti_client_send_finish (self, result, source_tag, &bytes, error))
    return NULL;
  call = g_task_get_task_data (G_TASK (result));
  if (content_type != NULL)
    *content_type = g_strdup (soup_message_headers_get_content_type (
                                soup_message_get_response_headers (call->message), NULL));
  return bytes;
}

void
tutti_client_get_document_async (TuttiClient         *self,
                                 gint64               document_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_FAMILY_DOCUMENT_FMT, document_id);
  get_document_async (self, path, tutti_client_get_document_async, cancellable, callback, user_data);
}

/* Returns: (transfer full): the bytes as uploaded; @content_type (optional)
 * receives the type the server found. */
GBytes *
tutti_client_get_document_finish (TuttiClient   *self,
                                  GAsyncResult  *result,
                                  char         **content_type,
                                  GError       **error)
{
  return get_document_finish (self, result, tutti_client_get_document_async, content_type, error);
}

/* DELETE /family/documents/{id} */

void
tutti_client_delete_document_async (TuttiClient         *self,
                                    gint64               document_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_DELETE,
    .source_tag = tutti_client_delete_document_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_FAMILY_DOCUMENT_FMT, document_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

gboolean
tutti_client_delete_document_finish (TuttiClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return tutti_client_send_finish (self, result, tutti_client_delete_document_async, NULL, error);
}

/* ---- The office's documents (STAFF-2) -------------------------------------------- */

/* GET /staff/documents[?state=…][&family=ID] */

void
tutti_client_list_staff_documents_async (TuttiClient         *self,
                                         int                  state,
                                         gint64               family_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new (TUTTI_API_STAFF_DOCUMENTS);
  Request request = {
    .method = SOUP_METHOD_GET,
    .answer_schema = &tutti_document_schema,
    .element_free = (GDestroyNotify) tutti_document_free,
    .flags = REQUEST_ANSWER_LIST,
    .source_tag = tutti_client_list_staff_documents_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (state >= -1 && state <= TUTTI_DOCUMENT_REFUSED);
  g_return_if_fail (family_id >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (state >= 0)
    g_string_append_printf (path, "?state=%s", tutti_enum_to_nick (&tutti_document_state_enum, state));
  if (family_id > 0)
    g_string_append_printf (path, "%cfamily=%" G_GINT64_FORMAT, state >= 0 ? '&' : '?', family_id);
  request.path = path->str;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type TuttiDocument) */
GPtrArray *
tutti_client_list_staff_documents_finish (TuttiClient   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  gpointer list = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_list_staff_documents_async, &list, error))
    return NULL;
  return list;
}

/* GET /staff/documents/{id} */

void
tutti_client_get_staff_document_async (TuttiClient         *self,
                                       gint64               document_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_STAFF_DOCUMENT_FMT, document_id);
  get_document_async (self, path, tutti_client_get_staff_document_async, cancellable, callback, user_data);
}

/* Returns: (transfer full): as tutti_client_get_document_finish(). */
GBytes *
tutti_client_get_staff_document_finish (TuttiClient   *self,
                                        GAsyncResult  *result,
                                        char         **content_type,
                                        GError       **error)
{
  return get_document_finish (self, result, tutti_client_get_staff_document_async, content_type, error);
}

/* POST /staff/documents/{id}/decide {"state": …, "reason": …}: the server
 * reads only these two members of a TuttiDocument, hence a body of two. */

typedef struct
{
  TuttiDocumentState state;
  char *reason;
} DocumentDecisionBody;

static const TuttiField document_decision_fields[] = {
  { "state", TUTTI_FIELD_ENUM, G_STRUCT_OFFSET (DocumentDecisionBody, state), TUTTI_FIELD_FLAG_NONE,
    TUTTI_CHECK_NONE, { "State", "État" }, &tutti_document_state_enum, NULL, 0 },
  { "reason", TUTTI_FIELD_STRING, G_STRUCT_OFFSET (DocumentDecisionBody, reason), TUTTI_FIELD_FLAG_NONE,
    TUTTI_CHECK_NONE, { "Reason", "Motif" }, NULL, NULL, 0 },
};

static const TuttiSchema document_decision_schema = {
  "TuttiDocumentDecision", sizeof (DocumentDecisionBody), g_free,
  G_N_ELEMENTS (document_decision_fields), document_decision_fields
};

/* Not retried by itself, as the other decisions of the office. */
void
tutti_client_decide_document_async (TuttiClient         *self,
                                    gint64               document_id,
                                    TuttiDocumentState   state,
                                    const char          *reason,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  DocumentDecisionBody body = { .state = state };
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_POST,
    .body_schema = &document_decision_schema,
    .body = &body,
    .answer_schema = &tutti_document_schema,
    .source_tag = tutti_client_decide_document_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (state == TUTTI_DOCUMENT_ACCEPTED || state == TUTTI_DOCUMENT_REFUSED);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The reason goes with a refusal only; an acceptance clears it. */
  if (state == TUTTI_DOCUMENT_REFUSED)
    body.reason = (char *) reason;
  path = g_strdup_printf (TUTTI_API_STAFF_DOCUMENT_DECIDE_FMT, document_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiDocument *
tutti_client_decide_document_finish (TuttiClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  gpointer document = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_decide_document_async, &document, error))
    return NULL;
  return document;
}

/* GET /campaigns/{id}/downloads/{download_id} */

void
tutti_client_get_campaign_download_async (TuttiClient         *self,
                                          gint64               campaign_id,
                                          gint64               download_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_GET,
    .flags = REQUEST_ANSWER_BYTES,
    .accept = "application/pdf",
    .source_tag = tutti_client_get_campaign_download_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf (TUTTI_API_CAMPAIGN_DOWNLOAD_FMT, campaign_id, download_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

GBytes *
tutti_client_get_campaign_download_finish (TuttiClient   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  gpointer bytes = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_get_campaign_download_async, &bytes, error))
    return NULL;
  return bytes;
}

/* The re-enrolment calls all answer a TuttiReenrolmentFile. */
static void
send_reenrolment_async (TuttiClient         *self,
                        const char          *method,
                        const char          *path,
                        const TuttiReenrolment *body,
                        RequestFlags         flags,
                        const char          *idempotency_key,
                        gpointer             source_tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  const Request request = {
    .method = method,
    .path = path,
    .body_schema = body != NULL ? &tutti_reenrolment_schema : NULL,
    .body = body,
    .answer_schema = &tutti_reenrolment_file_schema,
    .flags = flags,
    .idempotency_key = idempotency_key,
    .source_tag = source_tag,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

static TuttiReenrolmentFile *
finish_reenrolment (TuttiClient   *self,
                    GAsyncResult  *result,
                    gpointer       source_tag,
                    GError       **error)
{
  gpointer file = NULL;

  if (!tutti_client_send_finish (self, result, source_tag, &file, error))
    return NULL;
  return file;
}

/* GET /pupils/{id}/reenrolment */

void
tutti_client_get_reenrolment_async (TuttiClient         *self,
                                    gint64               pupil_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf (TUTTI_API_PUPIL_REENROLMENT_FMT, pupil_id);

  send_reenrolment_async (self, SOUP_METHOD_GET, path, NULL, REQUEST_NONE, NULL,
                          tutti_client_get_reenrolment_async, cancellable, callback, user_data);
}

TuttiReenrolmentFile *
tutti_client_get_reenrolment_finish (TuttiClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_reenrolment (self, result, tutti_client_get_reenrolment_async, error);
}

/* PUT /pupils/{id}/reenrolment */

void
tutti_client_save_reenrolment_step_async (TuttiClient            *self,
                                          gint64                  pupil_id,
                                          const TuttiReenrolment *draft,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data)
{
  g_autofree char *path = g_strdup_printf (TUTTI_API_PUPIL_REENROLMENT_FMT, pupil_id);

  g_return_if_fail (draft != NULL && draft->step >= 1 && draft->step <= 5);

  send_reenrolment_async (self, SOUP_METHOD_PUT, path, draft, REQUEST_NONE, NULL,
                          tutti_client_save_reenrolment_step_async, cancellable, callback, user_data);
}

TuttiReenrolmentFile *
tutti_client_save_reenrolment_step_finish (TuttiClient   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_reenrolment (self, result, tutti_client_save_reenrolment_step_async, error);
}

/* POST /pupils/{id}/reenrolment/decline */

void
tutti_client_decline_reenrolment_async (TuttiClient         *self,
                                        gint64               pupil_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf (TUTTI_API_PUPIL_REENROLMENT_DECLINE_FMT, pupil_id);

  send_reenrolment_async (self, SOUP_METHOD_POST, path, NULL, REQUEST_NONE, NULL,
                          tutti_client_decline_reenrolment_async, cancellable, callback, user_data);
}

TuttiReenrolmentFile *
tutti_client_decline_reenrolment_finish (TuttiClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return finish_reenrolment (self, result, tutti_client_decline_reenrolment_async, error);
}

/* POST /pupils/{id}/reenrolment/submit */

void
tutti_client_submit_reenrolment_async (TuttiClient         *self,
                                       gint64               pupil_id,
                                       const char          *idempotency_key,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf (TUTTI_API_PUPIL_REENROLMENT_SUBMIT_FMT, pupil_id);

  send_reenrolment_async (self, SOUP_METHOD_POST, path, NULL, REQUEST_IDEMPOTENT, idempotency_key,
                          tutti_client_submit_reenrolment_async, cancellable, callback, user_data);
}

TuttiReenrolmentFile *
tutti_client_submit_reenrolment_finish (TuttiClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return finish_reenrolment (self, result, tutti_client_submit_reenrolment_async, error);
}

/* POST /staff/reenrolments/{id}/decide */

void
tutti_client_decide_reenrolment_async (TuttiClient           *self,
                                       gint64                 reenrolment_id,
                                       TuttiReenrolmentState  state,
                                       const char            *reason,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  g_autoptr(TuttiReenrolment) body = tutti_reenrolment_new ();
  g_autofree char *path = g_strdup_printf (TUTTI_API_STAFF_REENROLMENT_DECIDE_FMT, reenrolment_id);

  body->state = state;
  body->reason = g_strdup (reason);
  send_reenrolment_async (self, SOUP_METHOD_POST, path, body, REQUEST_NONE, NULL,
                          tutti_client_decide_reenrolment_async, cancellable, callback, user_data);
}

TuttiReenrolmentFile *
tutti_client_decide_reenrolment_finish (TuttiClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return finish_reenrolment (self, result, tutti_client_decide_reenrolment_async, error);
}

/* ---- The office's re-enrolment desk (STAFF-2, STAFF-4) ------------------------------ */

/* GET /staff/reenrolments[?state=…][&campaign=ID] */

void
tutti_client_list_staff_reenrolments_async (TuttiClient         *self,
                                            int                  state,
                                            gint64               campaign_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new (TUTTI_API_STAFF_REENROLMENTS);
  Request request = {
    .method = SOUP_METHOD_GET,
    .answer_schema = &tutti_reenrolment_summary_schema,
    .element_free = (GDestroyNotify) tutti_reenrolment_summary_free,
    .flags = REQUEST_ANSWER_LIST,
    .source_tag = tutti_client_list_staff_reenrolments_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (state >= -1 && state <= TUTTI_REENROLMENT_DECLINED);
  g_return_if_fail (campaign_id >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (state >= 0)
    g_string_append_printf (path, "?state=%s", tutti_enum_to_nick (&tutti_reenrolment_state_enum, state));
  if (campaign_id > 0)
    g_string_append_printf (path, "%ccampaign=%" G_GINT64_FORMAT, state >= 0 ? '&' : '?', campaign_id);
  request.path = path->str;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type TuttiReenrolmentSummary) */
GPtrArray *
tutti_client_list_staff_reenrolments_finish (TuttiClient   *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  gpointer list = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_list_staff_reenrolments_async, &list, error))
    return NULL;
  return list;
}

/* GET /staff/reenrolments/{id} */

void
tutti_client_get_staff_reenrolment_async (TuttiClient         *self,
                                          gint64               reenrolment_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf (TUTTI_API_STAFF_REENROLMENT_FMT, reenrolment_id);

  send_reenrolment_async (self, SOUP_METHOD_GET, path, NULL, REQUEST_NONE, NULL,
                          tutti_client_get_staff_reenrolment_async, cancellable, callback, user_data);
}

TuttiReenrolmentFile *
tutti_client_get_staff_reenrolment_finish (TuttiClient   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_reenrolment (self, result, tutti_client_get_staff_reenrolment_async, error);
}

/* POST /staff/reenrolments/{id}/documents/{doc_id}/decide: the body of
 * POST /staff/documents/{id}/decide. */

void
tutti_client_decide_reenrolment_document_async (TuttiClient         *self,
                                                gint64               reenrolment_id,
                                                gint64               document_id,
                                                TuttiDocumentState   state,
                                                const char          *reason,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  DocumentDecisionBody body = { .state = state };
  g_autofree char *path = NULL;
  Request request = {
    .method = SOUP_METHOD_POST,
    .body_schema = &document_decision_schema,
    .body = &body,
    .answer_schema = &tutti_document_schema,
    .source_tag = tutti_client_decide_reenrolment_document_async,
  };

  g_return_if_fail (TUTTI_IS_CLIENT (self));
  g_return_if_fail (state == TUTTI_DOCUMENT_ACCEPTED || state == TUTTI_DOCUMENT_REFUSED);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The reason goes with a refusal only; an acceptance clears it. */
  if (state == TUTTI_DOCUMENT_REFUSED)
    body.reason = (char *) reason;
  path = g_strdup_printf (TUTTI_API_STAFF_REENROLMENT_DOCUMENT_DECIDE_FMT, reenrolment_id, document_id);
  request.path = path;
  tutti_client_send_async (self, &request, cancellable, callback, user_data);
}

TuttiDocument *
tutti_client_decide_reenrolment_document_finish (TuttiClient   *self,
                                                 GAsyncResult  *result,
                                                 GError       **error)
{
  gpointer document = NULL;

  if (!tutti_client_send_finish (self, result, tutti_client_decide_reenrolment_document_async,
                                 &document, error))
    return NULL;
  return document;
}
