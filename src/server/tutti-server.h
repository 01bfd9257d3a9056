/* tutti-server.h — the HTTP server: routing, requests and replies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tutti-core.h"
#include "tutti-mailer.h"
#include "tutti-store.h"

G_BEGIN_DECLS

#define TUTTI_SERVER_DEFAULT_PORT   8642
#define TUTTI_SERVER_DEFAULT_LISTEN "127.0.0.1"

#define TUTTI_SERVER_ERROR (tutti_server_error_quark ())

typedef enum
{
  TUTTI_SERVER_ERROR_FAILED,
  TUTTI_SERVER_ERROR_ADDRESS,
} TuttiServerError;

#define TUTTI_TYPE_SERVER (tutti_server_get_type ())

G_DECLARE_FINAL_TYPE (TuttiServer, tutti_server, TUTTI, SERVER, GObject)

typedef struct _TuttiRequest TuttiRequest;

typedef enum
{
  TUTTI_ROUTE_PUBLIC = 0,
  TUTTI_ROUTE_AUTH   = 1 << 0, /* a valid token, else 401 unauthenticated */
  TUTTI_ROUTE_STAFF  = 1 << 1, /* a staff token, else 403 forbidden (implies AUTH) */
  TUTTI_ROUTE_UPLOAD = 1 << 2, /* the body is a file of up to TUTTI_API_MAX_UPLOAD
                                * bytes, read with tutti_request_get_body() */
} TuttiRouteFlags;

/* A handler answers with one of the tutti_request_reply_*() calls, now or
 * after tutti_request_run_in_thread(). */
typedef void (*TuttiHandler)     (TuttiRequest *request);
typedef void (*TuttiRequestDone) (TuttiRequest *request,
                                  GTask        *task);

GQuark        tutti_server_error_quark  (void);

TuttiServer  *tutti_server_new          (const char       *data_dir,
                                         const char       *mail_from);
/* Opens the database (applying migrations), loads the demo school when
 * asked, and listens on @address:@port (0 picks a free port). */
gboolean      tutti_server_start        (TuttiServer      *self,
                                         const char       *address,
                                         guint             port,
                                         gboolean          demo,
                                         GError          **error);
/* With a certificate the server serves HTTPS only; call before starting. */
void          tutti_server_set_tls_certificate (TuttiServer     *self,
                                                GTlsCertificate *certificate);
/* The URL served, without a trailing slash: "http://127.0.0.1:8642". */
char         *tutti_server_get_url      (TuttiServer      *self);
/* Stops listening and calls @done once the requests in progress have
 * been answered. */
void          tutti_server_shutdown     (TuttiServer      *self,
                                         GCallback         done,
                                         gpointer          user_data);

const char   *tutti_server_get_data_dir (TuttiServer      *self);
/* The main thread's connection; worker threads use tutti_server_open_store(). */
TuttiStore   *tutti_server_get_store    (TuttiServer      *self);
TuttiStore   *tutti_server_open_store   (TuttiServer      *self,
                                         GError          **error);
TuttiMailer  *tutti_server_get_mailer   (TuttiServer      *self);

/* @pattern: a path where a "{name}" segment matches any one segment. */
void          tutti_server_add_route    (TuttiServer      *self,
                                         const char       *method,
                                         const char       *pattern,
                                         TuttiRouteFlags   flags,
                                         TuttiHandler      handler);
/* The same for a path of tutti-api.h as the client formats it
 * (TUTTI_API_…_FMT): each "%…" segment becomes the next of the
 * %NULL-terminated parameter names, so that
 * (TUTTI_API_STAFF_REENROLMENT_DOCUMENT_DECIDE_FMT, "id", "doc_id", NULL)
 * routes ".../reenrolments/{id}/documents/{doc_id}/decide". */
void          tutti_server_add_route_fmt (TuttiServer     *self,
                                          const char      *method,
                                          const char      *path_fmt,
                                          TuttiRouteFlags  flags,
                                          TuttiHandler     handler,
                                          const char      *first_param,
                                          ...) G_GNUC_NULL_TERMINATED;

/* ---- Requests ------------------------------------------------------------ */

TuttiServer  *tutti_request_get_server      (TuttiRequest      *self);
TuttiStore   *tutti_request_get_store       (TuttiRequest      *self);
TuttiLang     tutti_request_get_lang        (TuttiRequest      *self);
const char   *tutti_request_get_method      (TuttiRequest      *self);
const char   *tutti_request_get_path        (TuttiRequest      *self);
const char   *tutti_request_get_header      (TuttiRequest      *self,
                                             const char        *name);
/* The value of a "{name}" segment of the route. */
const char   *tutti_request_get_param       (TuttiRequest      *self,
                                             const char        *name);
/* The value of a query parameter ("?state=submitted"), or %NULL. */
const char   *tutti_request_get_query       (TuttiRequest      *self,
                                             const char        *name);
/* The logged-in account on TUTTI_ROUTE_AUTH routes, else %NULL. */
TuttiAccount *tutti_request_get_account     (TuttiRequest      *self);
/* SHA-256 of the request's bearer token on TUTTI_ROUTE_AUTH routes. */
const char   *tutti_request_get_token_hash  (TuttiRequest      *self);

/* An API error whose message is in the request's language. */
GError       *tutti_request_error_new       (TuttiRequest      *self,
                                             TuttiApiErrorCode  code);

/* The JSON body as a record of @schema, checked: 415 without a JSON
 * Content-Type, 413 over the size limit, 400 for malformed JSON, 422 with
 * the fields in error for missing, mistyped or invalid fields.
 * Returns: (transfer full): the record, or %NULL with an API error. */
/* The same without tutti_record_validate(), for handlers that check
 * some fields their own way. */
gpointer      tutti_request_parse_record    (TuttiRequest      *self,
                                             const TuttiSchema *schema,
                                             GError           **error);
gpointer      tutti_request_read_record     (TuttiRequest      *self,
                                             const TuttiSchema *schema,
                                             GError           **error);
/* The body as received, whatever its type (empty when there is none):
 * 413 file-too-large on a TUTTI_ROUTE_UPLOAD route whose body went over
 * TUTTI_API_MAX_UPLOAD, 413 body-too-large on another over its limit.
 * Returns: (transfer full): the bytes, or %NULL with an API error. */
GBytes       *tutti_request_get_body        (TuttiRequest      *self,
                                             GError           **error);

void          tutti_request_set_header      (TuttiRequest      *self,
                                             const char        *name,
                                             const char        *value);
void          tutti_request_reply_json      (TuttiRequest      *self,
                                             guint              status,
                                             JsonNode          *node);
void          tutti_request_reply_record    (TuttiRequest      *self,
                                             guint              status,
                                             const TuttiSchema *schema,
                                             gconstpointer      record);
void          tutti_request_reply_empty     (TuttiRequest      *self,
                                             guint              status);
/* A body that is not JSON (a PDF…), sent as it is. */
void          tutti_request_reply_bytes     (TuttiRequest      *self,
                                             guint              status,
                                             const char        *content_type,
                                             GBytes            *bytes);
/* API errors answer with their status and JSON; any other error is
 * logged and answers 500 "internal". */
void          tutti_request_reply_error     (TuttiRequest      *self,
                                             const GError      *error);
void          tutti_request_reply_code      (TuttiRequest      *self,
                                             TuttiApiErrorCode  code);

/* Pauses the message and runs @func in a worker thread with @task_data;
 * then @done runs on the main thread and replies. */
void          tutti_request_run_in_thread   (TuttiRequest      *self,
                                             gpointer           task_data,
                                             GDestroyNotify     task_data_free,
                                             GTaskThreadFunc    func,
                                             TuttiRequestDone   done);

G_END_DECLS
