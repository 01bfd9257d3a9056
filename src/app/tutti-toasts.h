/* tutti-toasts.h — a view's toasts: the last one replaces the one shown,
 * with Retry where trying again helps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* AdwToast's own timeout, in seconds; 0 keeps a toast until it is closed. */
#define TUTTI_TOAST_TIMEOUT_DEFAULT 5

/* Kept in the view's instance, which owns @overlay (a template child). */
typedef struct
{
  AdwToastOverlay *overlay;
  AdwToast        *shown;        /* (weak): the toast on screen */
  char            *last_title;   /* what the last one said, for the UI tests */
} TuttiToasts;

void        tutti_toasts_init      (TuttiToasts     *toasts,
                                    AdwToastOverlay *overlay);
/* Shows @title (plain text, a server's words as they are) for @timeout
 * seconds, dismissing the toast shown: "closed" then "open" must not
 * leave "closed" on screen. With @retry_action (nullable), a Retry button
 * activates it with @retry_target (nullable, a floating reference is
 * taken). */
void        tutti_toasts_show      (TuttiToasts     *toasts,
                                    const char      *title,
                                    guint            timeout,
                                    const char      *retry_action,
                                    GVariant        *retry_target);
void        tutti_toasts_dismiss   (TuttiToasts     *toasts);
/* Dismisses the toast shown and forgets the last title: the session ended. */
void        tutti_toasts_forget    (TuttiToasts     *toasts);
/* For finalize. */
void        tutti_toasts_clear     (TuttiToasts     *toasts);
/* (nullable): what the last toast said. */
const char *tutti_toasts_get_last_title (TuttiToasts *toasts);

G_END_DECLS
