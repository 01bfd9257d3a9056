/* tutti-call.h — a view's call to the server on its way, and the spinner
 * that waits with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

/* The user data of a view's call: it keeps the view alive until the
 * answer comes, and remembers what the answer is still wanted for — the
 * view's generation (bumped when the session ends) and, for a call about
 * the thing open on a detail page, the page's serial (bumped at each
 * opening and closing). */
typedef struct
{
  gpointer      owner;            /* a reference while the call is on its way */
  gint64        id;               /* what the call is about, when it says */
  int           state;            /* the decision it sends, when it is one */

  /*< private >*/
  const guint  *generation;
  guint         generation_then;
  const guint  *serial;
  guint         serial_then;
  GCancellable *cancellable;
} TuttiCall;

/* A call of @owner (a GObject), made in its *@generation and, when
 * @serial is not %NULL, about its detail *@serial; both counters are
 * fields of @owner. @cancellable: the one the call is sent with. */
TuttiCall  *tutti_call_new              (gpointer            owner,
                                         const guint        *generation,
                                         const guint        *serial,
                                         GCancellable       *cancellable);
void        tutti_call_free             (TuttiCall          *call);
/* Whether the answer still matters: not cancelled, the owner's generation
 * (and serial) the same as when the call was made. */
gboolean    tutti_call_is_wanted        (const TuttiCall    *call,
                                         const GError       *error);

/* Takes @call: the reference it kept goes to *@owner_out (a pointer to
 * the owner's type, for a g_autoptr()); whether the answer is wanted. */
gboolean    tutti_call_take             (TuttiCall          *call,
                                         const GError       *error,
                                         gpointer            owner_out);

/* What went wrong, as a page in place of a list says it: that the server
 * cannot be reached, naming it, or the server's own words. */
char       *tutti_call_describe_error   (TuttiClient        *client,
                                         const GError       *error);

/* Starts @spinner — showing it first when @reveal — only if the answer
 * takes longer than a glance, so that a quick one does not flash it.
 * *@source_id keeps the wait: the owner clears it when it goes away. */
void        tutti_spinner_start_later   (GtkSpinner         *spinner,
                                         gboolean            reveal,
                                         guint              *source_id);
/* Stops @spinner, or its wait — hiding it when @hide. */
void        tutti_spinner_stop          (GtkSpinner         *spinner,
                                         gboolean            hide,
                                         guint              *source_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TuttiCall, tutti_call_free)

G_END_DECLS
