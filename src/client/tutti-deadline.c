/* tutti-deadline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-client"

#include "tutti-deadline.h"

struct _TuttiDeadline
{
  GCancellable *cancellable;
  GCancellable *parent;
  gulong parent_handler;
  GSource *timeout_source;
  gboolean expired;
};

static void
on_parent_cancelled (GCancellable *parent,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
on_timeout (gpointer user_data)
{
  TuttiDeadline *self = user_data;

  self->expired = TRUE;
  g_clear_pointer (&self->timeout_source, g_source_unref);
  g_cancellable_cancel (self->cancellable);

  return G_SOURCE_REMOVE;
}

TuttiDeadline *
tutti_deadline_new (GCancellable *parent,
                    guint         timeout_msec)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  TuttiDeadline *self;

  g_return_val_if_fail (parent == NULL || G_IS_CANCELLABLE (parent), NULL);

  self = g_new0 (TuttiDeadline, 1);
  self->cancellable = g_cancellable_new ();

  if (parent != NULL)
    {
      self->parent = g_object_ref (parent);
      /* Called at once when the parent is already cancelled. */
      self->parent_handler = g_cancellable_connect (parent,
                                                    G_CALLBACK (on_parent_cancelled),
                                                    g_object_ref (self->cancellable),
                                                    g_object_unref);
    }

  self->timeout_source = g_timeout_source_new (timeout_msec);
  g_source_set_name (self->timeout_source, "[tutti] deadline");
  g_source_set_callback (self->timeout_source, on_timeout, self, NULL);
  g_source_attach (self->timeout_source, context);

  return self;
}

GCancellable *
tutti_deadline_get_cancellable (TuttiDeadline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->cancellable;
}

gboolean
tutti_deadline_has_expired (TuttiDeadline *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->expired && !g_cancellable_is_cancelled (self->parent);
}

void
tutti_deadline_free (TuttiDeadline *self)
{
  if (self == NULL)
    return;

  if (self->timeout_source != NULL)
    {
      g_source_destroy (self->timeout_source);
      g_clear_pointer (&self->timeout_source, g_source_unref);
    }
  if (self->parent != NULL)
    {
      /* A no-op for the id 0 of an already cancelled parent. */
      g_cancellable_disconnect (self->parent, self->parent_handler);
      g_clear_object (&self->parent);
    }
  g_clear_object (&self->cancellable);
  g_free (self);
}
