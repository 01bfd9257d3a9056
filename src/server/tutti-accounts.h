/* tutti-accounts.h — accounts, sessions and login attempts in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-store.h"

G_BEGIN_DECLS

/* Kinds of counted attempts (login_attempts.kind). */
#define TUTTI_ATTEMPT_LOGIN "login"
#define TUTTI_ATTEMPT_RESET "reset"

/* Seconds since the epoch, the clock of sessions and attempts. */
gint64        tutti_now_seconds              (void);
/* ISO 8601 with the local offset: "2026-10-31T23:59:00+01:00". */
char         *tutti_iso_from_seconds         (gint64         seconds);

/* The account with its identity (from its guardian for a family account).
 * Returns: %NULL with @error unset when there is no such account. */
TuttiAccount *tutti_accounts_load            (TuttiStore    *store,
                                              gint64         id,
                                              GError       **error);
/* Finds a login on a site (case-insensitively).
 * Returns: the account id, or 0 (with @error unset) when unknown. */
gint64        tutti_accounts_find            (TuttiStore    *store,
                                              const char    *site,
                                              const char    *login,
                                              char         **password_hash,
                                              GError       **error);
/* Creates an account; family accounts name their guardian and family. */
gint64        tutti_accounts_create          (TuttiStore    *store,
                                              const TuttiAccount *account,
                                              const char    *password_hash,
                                              GError       **error);
/* Replaces the password hash and ends every session of the account. */
gboolean      tutti_accounts_set_password    (TuttiStore    *store,
                                              gint64         account_id,
                                              const char    *password_hash,
                                              GError       **error);

/* A new session: returns the token (only its hash is stored). */
char         *tutti_sessions_create          (TuttiStore    *store,
                                              gint64         account_id,
                                              gint64         now,
                                              gint64        *expires,
                                              GError       **error);
/* The account of a live session, or 0. */
gint64        tutti_sessions_lookup          (TuttiStore    *store,
                                              const char    *token_hash,
                                              gint64         now,
                                              GError       **error);
gboolean      tutti_sessions_delete          (TuttiStore    *store,
                                              const char    *token_hash,
                                              GError       **error);
gboolean      tutti_sessions_delete_account  (TuttiStore    *store,
                                              gint64         account_id,
                                              GError       **error);

/* Attempts of @kind for @site/@login since @since, and the time of the
 * oldest of them (0 when none). */
guint         tutti_attempts_count           (TuttiStore    *store,
                                              const char    *kind,
                                              const char    *site,
                                              const char    *login,
                                              gint64         since,
                                              gint64        *oldest,
                                              GError       **error);
gboolean      tutti_attempts_record          (TuttiStore    *store,
                                              const char    *kind,
                                              const char    *site,
                                              const char    *login,
                                              gint64         now,
                                              GError       **error);
gboolean      tutti_attempts_clear           (TuttiStore    *store,
                                              const char    *kind,
                                              const char    *site,
                                              const char    *login,
                                              GError       **error);

/* Drops expired sessions and attempts older than the window. */
void          tutti_accounts_purge           (TuttiStore    *store,
                                              gint64         now);

G_END_DECLS
