/* tutti-idempotency.h — Idempotency-Key: a retried write gets the first answer again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-server.h"

G_BEGIN_DECLS

/* How long a key answers with its first reply. */
#define TUTTI_IDEMPOTENCY_SECONDS (24 * 60 * 60)

/* What a key answered the first time (table idempotency_keys). */
typedef struct
{
  gboolean found;
  gboolean same_request;  /* same method, path and body as understood */
  guint status;
  char *content_type;
  GBytes *body;
} TuttiIdempotentAnswer;

void      tutti_idempotent_answer_clear  (TuttiIdempotentAnswer  *answer);

/* A key is 1 to 255 visible ASCII characters (a UUID, typically). */
gboolean  tutti_idempotency_key_is_valid (const char             *key);

/* SHA-256 of "@method @path\n@canonical", @canonical being the body as
 * understood (the record as JSON): tells a retry from another request. */
char     *tutti_idempotency_digest       (const char             *method,
                                          const char             *path,
                                          const char             *canonical);

/* Forgets keys older than TUTTI_IDEMPOTENCY_SECONDS, then looks @key up
 * for @account_id; @answer says whether it answered this same request.
 * Run inside the write's transaction. */
gboolean  tutti_idempotency_lookup       (TuttiStore             *store,
                                          gint64                  account_id,
                                          const char             *key,
                                          const char             *method,
                                          const char             *path,
                                          const char             *digest,
                                          TuttiIdempotentAnswer  *answer,
                                          GError                **error);

/* Keeps @status and @body as the answer of @key, in the write's
 * transaction. */
gboolean  tutti_idempotency_store        (TuttiStore             *store,
                                          gint64                  account_id,
                                          const char             *key,
                                          const char             *method,
                                          const char             *path,
                                          const char             *digest,
                                          guint                   status,
                                          const char             *content_type,
                                          GBytes                 *body,
                                          GError                **error);

/* Answers with a key found by tutti_idempotency_lookup(): the first answer
 * again, byte for byte, with "Idempotent-Replayed: true"; or 409 conflict
 * naming Idempotency-Key when the key answered another request. */
void      tutti_idempotency_reply        (TuttiRequest                *request,
                                          const TuttiIdempotentAnswer *answer);

G_END_DECLS
