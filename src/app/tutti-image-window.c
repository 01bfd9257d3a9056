/* tutti-image-window.c — an image from the server, in a window of its own
 *
 * The picture side of TuttiDocumentView: a document a family sent as a
 * JPEG or a PNG is downloaded with the same fetch functions, a spinner
 * while it comes, then the picture scaled to the window, or why it could
 * not be shown with Retry. Escape and Ctrl+W close it, which stops the
 * download.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-call.h"
#include "tutti-image-window.h"

struct _TuttiImageWindow
{
  AdwWindow                parent_instance;

  /* Template children */
  AdwWindowTitle          *window_title;
  GtkStack                *stack;
  GtkSpinner              *spinner;
  AdwStatusPage           *error_page;
  GtkPicture              *picture;

  TuttiClient             *client;
  GCancellable            *cancellable;
  guint                    generation;     /* bumped at each download */
  char                    *id;
  TuttiDocumentFetchFunc   fetch;
  TuttiDocumentFinishFunc  finish;
};

G_DEFINE_FINAL_TYPE (TuttiImageWindow, tutti_image_window, ADW_TYPE_WINDOW)

static void
show_error (TuttiImageWindow *self,
            const GError     *error)
{
  g_autofree char *description = NULL;

  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND))
    description = g_strdup (_("The school’s server does not have this document."));
  else if (error->domain == TUTTI_API_ERROR)
    description = tutti_call_describe_error (self->client, error);
  else
    /* Bytes that are no image GTK can read. */
    description = g_strdup (_("The image could not be read."));

  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
fetch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TuttiCall) call = user_data;
  TuttiImageWindow *self = call->owner;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  bytes = self->finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_is_wanted (call, error))
    return;

  gtk_spinner_stop (self->spinner);
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      g_debug ("Downloading the image %s: %s", self->id, error->message);
      show_error (self, error);
      return;
    }

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
download (TuttiImageWindow *self)
{
  g_return_if_fail (self->fetch != NULL && self->finish != NULL && self->client != NULL);

  self->generation++;
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
  self->fetch (self->client, self->id, self->cancellable, fetch_cb,
               tutti_call_new (self, &self->generation, NULL, self->cancellable));
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  download (TUTTI_IMAGE_WINDOW (widget));
}

/* ---- Public ------------------------------------------------------------------- */

TuttiImageWindow *
tutti_image_window_new (GtkWindow   *parent,
                        TuttiClient *client,
                        const char  *title,
                        const char  *subtitle,
                        const char  *description)
{
  TuttiImageWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TUTTI_IS_CLIENT (client), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (TUTTI_TYPE_IMAGE_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "title", title,
                       NULL);
  self->client = g_object_ref (client);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description != NULL ? description : title,
                                  -1);
  return self;
}

void
tutti_image_window_load (TuttiImageWindow        *self,
                         const char              *id,
                         TuttiDocumentFetchFunc   fetch,
                         TuttiDocumentFinishFunc  finish)
{
  g_return_if_fail (TUTTI_IS_IMAGE_WINDOW (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (fetch != NULL && finish != NULL);

  g_free (self->id);
  self->id = g_strdup (id);
  self->fetch = fetch;
  self->finish = finish;
  download (self);
}

const char *
tutti_image_window_get_state (TuttiImageWindow *self)
{
  g_return_val_if_fail (TUTTI_IS_IMAGE_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
tutti_image_window_get_error (TuttiImageWindow *self)
{
  g_return_val_if_fail (TUTTI_IS_IMAGE_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") != 0)
    return NULL;
  return adw_status_page_get_description (self->error_page);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
tutti_image_window_dispose (GObject *object)
{
  TuttiImageWindow *self = TUTTI_IMAGE_WINDOW (object);

  /* Closed before the image came: nothing more to wait for. */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_IMAGE_WINDOW);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (tutti_image_window_parent_class)->dispose (object);
}

static void
tutti_image_window_finalize (GObject *object)
{
  TuttiImageWindow *self = TUTTI_IMAGE_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->id);

  G_OBJECT_CLASS (tutti_image_window_parent_class)->finalize (object);
}

static void
tutti_image_window_class_init (TuttiImageWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_image_window_dispose;
  object_class->finalize = tutti_image_window_finalize;

  gtk_widget_class_install_action (widget_class, "image.retry", NULL, retry_activated);
  /* As the PDF's window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-image-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiImageWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiImageWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiImageWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiImageWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiImageWindow, picture);
}

static void
tutti_image_window_init (TuttiImageWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
