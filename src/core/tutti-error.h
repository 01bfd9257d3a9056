/* tutti-error.h — the API's error codes, one table shared by app and server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tutti-lang.h"

G_BEGIN_DECLS

#define TUTTI_API_ERROR (tutti_api_error_quark ())

/* Each code has its kebab-case name on the wire and its HTTP status.
 * Keep in step with the table in tutti-error.c and with API.md. */
typedef enum
{
  TUTTI_API_ERROR_BAD_REQUEST,            /* 400 bad-request */
  TUTTI_API_ERROR_BAD_CREDENTIALS,        /* 401 bad-credentials */
  TUTTI_API_ERROR_UNAUTHENTICATED,        /* 401 unauthenticated */
  TUTTI_API_ERROR_FORBIDDEN,              /* 403 forbidden */
  TUTTI_API_ERROR_NOT_FOUND,              /* 404 not-found */
  TUTTI_API_ERROR_METHOD_NOT_ALLOWED,     /* 405 method-not-allowed */
  TUTTI_API_ERROR_CAMPAIGN_CLOSED,        /* 409 campaign-closed */
  TUTTI_API_ERROR_CONFLICT,               /* 409 conflict */
  TUTTI_API_ERROR_FILE_TOO_LARGE,         /* 413 file-too-large */
  TUTTI_API_ERROR_BODY_TOO_LARGE,         /* 413 body-too-large */
  TUTTI_API_ERROR_UNSUPPORTED_FILE_TYPE,  /* 415 unsupported-file-type */
  TUTTI_API_ERROR_UNSUPPORTED_MEDIA_TYPE, /* 415 unsupported-media-type */
  TUTTI_API_ERROR_INVALID,                /* 422 invalid */
  TUTTI_API_ERROR_PASSWORD_POLICY,        /* 422 password-policy */
  TUTTI_API_ERROR_TOO_MANY_ATTEMPTS,      /* 429 too-many-attempts */
  TUTTI_API_ERROR_INTERNAL,               /* 500 internal */
  TUTTI_API_ERROR_UNAVAILABLE,            /* 503 unavailable; also "server unreachable" on the client */
  TUTTI_API_ERROR_UNKNOWN,                /* a code this build does not know */
} TuttiApiErrorCode;

#define TUTTI_API_ERROR_N_CODES (TUTTI_API_ERROR_UNKNOWN + 1)

GQuark             tutti_api_error_quark            (void);

const char        *tutti_api_error_code_to_string   (TuttiApiErrorCode  code);
TuttiApiErrorCode  tutti_api_error_code_from_string (const char        *name);
guint              tutti_api_error_code_to_status   (TuttiApiErrorCode  code);
const char        *tutti_api_error_code_message     (TuttiApiErrorCode  code,
                                                     TuttiLang          lang);

/* Extended error data: the per-field messages of a 422, and Retry-After. */
GError            *tutti_api_error_new              (TuttiApiErrorCode  code,
                                                     const char        *message);
void               tutti_api_error_add_field        (GError            *error,
                                                     const char        *field,
                                                     const char        *message);
GHashTable        *tutti_api_error_get_fields       (const GError      *error);
guint              tutti_api_error_get_retry_after  (const GError      *error);
void               tutti_api_error_set_retry_after  (GError            *error,
                                                     guint              seconds);

/* {"error": {"code", "message", "fields"?}} both ways. */
JsonNode          *tutti_api_error_to_json          (const GError      *error);
GError            *tutti_api_error_from_json        (JsonNode          *node,
                                                     guint              http_status);

G_END_DECLS
