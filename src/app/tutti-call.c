/* tutti-call.c — a view's call to the server on its way, and the spinner
 * that waits with it
 *
 * Every view sends its calls with the same user data and drops the
 * answers of a session that ended, of a page closed since, or of a view
 * gone: here once, rather than a LoadData or a CallData in each view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-call.h"

/* How long an answer may take before its spinner shows. */
#define SPINNER_DELAY_MS 150

TuttiCall *
tutti_call_new (gpointer      owner,
                const guint  *generation,
                const guint  *serial,
                GCancellable *cancellable)
{
  TuttiCall *call;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (generation != NULL, NULL);

  call = g_new0 (TuttiCall, 1);
  call->owner = g_object_ref (owner);
  call->generation = generation;
  call->generation_then = *generation;
  call->serial = serial;
  call->serial_then = serial != NULL ? *serial : 0;
  call->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return call;
}

void
tutti_call_free (TuttiCall *call)
{
  if (call == NULL)
    return;
  g_clear_object (&call->cancellable);
  g_clear_object (&call->owner);
  g_free (call);
}

gboolean
tutti_call_is_wanted (const TuttiCall *call,
                      const GError    *error)
{
  g_return_val_if_fail (call != NULL, FALSE);

  /* The owner cancels its cancellable when it goes away or the session
   * ends: an answer that came just before is dropped too. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (call->cancellable))
    return FALSE;
  if (*call->generation != call->generation_then)
    return FALSE;
  return call->serial == NULL || *call->serial == call->serial_then;
}

gboolean
tutti_call_take (TuttiCall    *call,
                 const GError *error,
                 gpointer      owner_out)
{
  gboolean wanted;

  g_return_val_if_fail (call != NULL, FALSE);
  g_return_val_if_fail (owner_out != NULL, FALSE);

  wanted = tutti_call_is_wanted (call, error);
  *(gpointer *) owner_out = g_steal_pointer (&call->owner);
  tutti_call_free (call);
  return wanted;
}

char *
tutti_call_describe_error (TuttiClient  *client,
                           const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE) ||
      error->domain != TUTTI_API_ERROR)
    return g_strdup_printf (_("The server at %s cannot be reached. Check the connection, then try again."),
                            client != NULL ? tutti_client_get_base_url (client) : "");
  return g_strdup (error->message);
}

/* ---- The spinner's wait ------------------------------------------------------- */

typedef struct
{
  GtkSpinner *spinner;
  gboolean    reveal;
  guint      *source_id;
} SpinnerWait;

static void
spinner_wait_free (gpointer data)
{
  SpinnerWait *wait = data;

  g_object_unref (wait->spinner);
  g_free (wait);
}

static gboolean
spinner_wait_cb (gpointer data)
{
  SpinnerWait *wait = data;

  *wait->source_id = 0;
  if (wait->reveal)
    gtk_widget_set_visible (GTK_WIDGET (wait->spinner), TRUE);
  gtk_spinner_start (wait->spinner);
  return G_SOURCE_REMOVE;
}

void
tutti_spinner_start_later (GtkSpinner *spinner,
                           gboolean    reveal,
                           guint      *source_id)
{
  SpinnerWait *wait;

  g_return_if_fail (GTK_IS_SPINNER (spinner));
  g_return_if_fail (source_id != NULL);

  g_clear_handle_id (source_id, g_source_remove);
  wait = g_new0 (SpinnerWait, 1);
  wait->spinner = g_object_ref (spinner);
  wait->reveal = reveal;
  wait->source_id = source_id;
  *source_id = g_timeout_add_full (G_PRIORITY_DEFAULT, SPINNER_DELAY_MS, spinner_wait_cb, wait,
                                   spinner_wait_free);
}

void
tutti_spinner_stop (GtkSpinner *spinner,
                    gboolean    hide,
                    guint      *source_id)
{
  g_return_if_fail (GTK_IS_SPINNER (spinner));
  g_return_if_fail (source_id != NULL);

  g_clear_handle_id (source_id, g_source_remove);
  gtk_spinner_stop (spinner);
  if (hide)
    gtk_widget_set_visible (GTK_WIDGET (spinner), FALSE);
}
