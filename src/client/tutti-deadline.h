/* tutti-deadline.h — a child GCancellable that also fires after a delay
 *
 * The client and the keyring wrap every call in one of these so that nothing
 * waits forever: the call is cancelled when the caller's cancellable is, or
 * when the delay has passed, and the caller can tell which one happened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _TuttiDeadline TuttiDeadline;

/* The timer runs on the thread-default main context of the caller. */
TuttiDeadline *tutti_deadline_new             (GCancellable  *parent,
                                               guint          timeout_msec);
GCancellable  *tutti_deadline_get_cancellable (TuttiDeadline *self);
/* %TRUE when the delay passed before the parent was cancelled. */
gboolean       tutti_deadline_has_expired     (TuttiDeadline *self);
void           tutti_deadline_free            (TuttiDeadline *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TuttiDeadline, tutti_deadline_free)

G_END_DECLS
