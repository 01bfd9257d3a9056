/* tutti-password.h — password hashes, session tokens and generated passwords
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TUTTI_PASSWORD_ERROR (tutti_password_error_quark ())

typedef enum
{
  TUTTI_PASSWORD_ERROR_RANDOM,
  TUTTI_PASSWORD_ERROR_HASH,
} TuttiPasswordError;

/* Bytes of a session token: 256 bits from the OS. */
#define TUTTI_TOKEN_BYTES 32

GQuark    tutti_password_error_quark (void);

/* @length bytes from the kernel's CSPRNG (getrandom(2)). */
gboolean  tutti_random_bytes         (guint8      *buffer,
                                      gsize        length,
                                      GError     **error);

/* A yescrypt hash ("$y$…") of @password, with a fresh salt. Slow on
 * purpose: call it from a worker thread. */
char     *tutti_password_hash        (const char  *password,
                                      GError     **error);
/* Prepares what verifying needs; call once at start (it hashes once). */
void      tutti_password_init        (void);
/* Whether @password matches @hash, compared in constant time. A NULL or
 * malformed @hash never matches (but costs the same time). */
gboolean  tutti_password_verify      (const char  *password,
                                      const char  *hash);

/* A new password that meets the policy (tutti_password_check() == 0),
 * without easily confused characters. */
char     *tutti_password_generate    (GError     **error);

/* A new session token (base64url, no padding) and its stored form. */
char     *tutti_token_generate       (GError     **error);
char     *tutti_token_hash           (const char  *token);

G_END_DECLS
