/* tutti-import-dialog.c — FAM-2, REE-3 step 3: importing a document
 *
 * Pick a file (GtkFileChooserNative), say which document it is, check its
 * type by content with core, offer to reduce an image over the limit
 * (gdk-pixbuf, in a thread), preview it (poppler's first page, or the
 * picture), then upload it with the same Idempotency-Key on every try.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-import"

#include "config.h"

#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <poppler.h>
#include <string.h>

#include "tutti-import-dialog.h"

struct _TuttiImportDialog
{
  AdwWindow          parent_instance;

  GtkButton         *choose_button;
  GtkLabel          *file_label;
  GtkDropDown       *kind_dropdown;
  GtkPicture        *preview;
  GtkLabel          *message_label;
  GtkButton         *shrink_button;
  GtkProgressBar    *progress;
  GtkButton         *import_button;
  GtkButton         *cancel_button;

  TuttiClient       *client;
  GPtrArray         *kinds;          /* TuttiDocumentKind, "other" last */
  GCancellable      *cancellable;
  GtkFileChooserNative *chooser;
  GFile             *file;
  char              *file_name;
  GBytes            *content;
  const char        *content_type;
  char              *idempotency_key;
  const char        *state;
  guint              pulse_id;
};

G_DEFINE_FINAL_TYPE (TuttiImportDialog, tutti_import_dialog, ADW_TYPE_WINDOW)

enum {
  UPLOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_state (TuttiImportDialog *self,
           const char        *state,
           const char        *message)
{
  gboolean busy = g_strcmp0 (state, "reading") == 0 || g_strcmp0 (state, "shrinking") == 0 ||
                  g_strcmp0 (state, "uploading") == 0;

  self->state = state;
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  if (g_strcmp0 (state, "invalid") == 0 || g_strcmp0 (state, "error") == 0 ||
      g_strcmp0 (state, "too-large") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->shrink_button), g_strcmp0 (state, "too-large") == 0 &&
                          self->content_type != NULL && g_str_has_prefix (self->content_type, "image/"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            g_strcmp0 (state, "ready") == 0 || g_strcmp0 (state, "error") == 0);
  gtk_button_set_label (self->import_button,
                        g_strcmp0 (state, "error") == 0 ? _("Try Again") : _("Import"));
}

static gboolean
pulse_cb (gpointer data)
{
  TuttiImportDialog *self = data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

/* ---- Preview ---------------------------------------------------------------- */

static GdkTexture *
render_pdf_page (GBytes *bytes)
{
  PopplerDocument *document;
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, scale;
  GdkTexture *texture;

  document = poppler_document_new_from_bytes (bytes, NULL, NULL);
  if (document == NULL)
    return NULL;
  page = poppler_document_get_n_pages (document) > 0 ? poppler_document_get_page (document, 0) : NULL;
  g_object_unref (document);
  if (page == NULL)
    return NULL;
  poppler_page_get_size (page, &width, &height);
  scale = 240.0 / MAX (height, 1.0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  g_object_unref (page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  {
    g_autoptr(GBytes) data = g_bytes_new (cairo_image_surface_get_data (surface),
                                          (gsize) cairo_image_surface_get_stride (surface) *
                                          cairo_image_surface_get_height (surface));

    texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                      cairo_image_surface_get_height (surface),
                                      GDK_MEMORY_DEFAULT, data,
                                      cairo_image_surface_get_stride (surface));
  }
  cairo_surface_destroy (surface);
  return texture;
}

static void
show_preview (TuttiImportDialog *self)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (self->content != NULL && g_strcmp0 (self->content_type, "application/pdf") == 0)
    texture = render_pdf_page (self->content);
  else if (self->content != NULL && self->content_type != NULL)
    texture = gdk_texture_new_from_bytes (self->content, NULL);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->preview), texture != NULL);
}

/* ---- The file ------------------------------------------------------------------- */

static void
check_content (TuttiImportDialog *self)
{
  gsize size = g_bytes_get_size (self->content);
  g_autofree char *size_text = tutti_format_size ((gint64) size, tutti_client_get_lang (self->client));
  g_autofree char *label = NULL;

  self->content_type = tutti_sniff_content_type (g_bytes_get_data (self->content, NULL), size);
  /* A new file, a new upload: a new key. */
  g_clear_pointer (&self->idempotency_key, g_free);
  self->idempotency_key = g_uuid_string_random ();

  label = g_strdup_printf ("%s (%s)", self->file_name, size_text);
  gtk_label_set_label (self->file_label, label);
  show_preview (self);

  if (self->content_type == NULL)
    {
      set_state (self, "invalid",
                 _("This file is not a PDF, JPEG or PNG document, whatever its name says. "
                   "Choose another file."));
      return;
    }
  if (size > TUTTI_API_MAX_UPLOAD)
    {
      if (g_str_has_prefix (self->content_type, "image/"))
        set_state (self, "too-large",
                   _("This image is larger than 2 MB. It can be reduced so that it fits."));
      else
        set_state (self, "too-large",
                   _("This document is larger than 2 MB. Scan it again at a lower resolution, "
                     "or choose another file."));
      return;
    }
  set_state (self, "ready", NULL);
}

static void
load_contents_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TuttiImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &data, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_state (self, "invalid", error->message);
      return;
    }
  g_clear_pointer (&self->content, g_bytes_unref);
  self->content = g_bytes_new_take (data, length);
  check_content (self);
}

void
tutti_import_dialog_set_file (TuttiImportDialog *self,
                              GFile             *file)
{
  g_return_if_fail (TUTTI_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_free (self->file_name);
  self->file_name = g_file_get_basename (file);
  g_clear_pointer (&self->content, g_bytes_unref);
  self->content_type = NULL;
  gtk_label_set_label (self->file_label, self->file_name);
  set_state (self, "reading", NULL);
  g_file_load_contents_async (file, self->cancellable, load_contents_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     TuttiImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        tutti_import_dialog_set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (TuttiImportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a Document"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF, JPEG or PNG documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- Reducing an image -------------------------------------------------------- */

GBytes *
tutti_shrink_image (GBytes  *image,
                    gsize    max_bytes,
                    GError **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (image);
  g_autoptr(GdkPixbuf) original = NULL;
  static const int qualities[] = { 85, 70, 55 };
  double scale = 1.0;

  original = gdk_pixbuf_new_from_stream (stream, NULL, error);
  if (original == NULL)
    return NULL;

  for (guint round = 0; round < 12; round++)
    {
      int width = MAX (1, (int) (gdk_pixbuf_get_width (original) * scale));
      int height = MAX (1, (int) (gdk_pixbuf_get_height (original) * scale));
      g_autoptr(GdkPixbuf) scaled = NULL;
      g_autoptr(GdkPixbuf) flat = NULL;

      scaled = gdk_pixbuf_scale_simple (original, width, height, GDK_INTERP_BILINEAR);
      /* JPEG has no alpha: flatten on white. */
      if (gdk_pixbuf_get_has_alpha (scaled))
        flat = gdk_pixbuf_composite_color_simple (scaled, width, height, GDK_INTERP_NEAREST,
                                                  255, 8, 0xffffffff, 0xffffffff);
      else
        flat = g_object_ref (scaled);

      for (guint q = 0; q < G_N_ELEMENTS (qualities); q++)
        {
          g_autofree char *quality = g_strdup_printf ("%d", qualities[q]);
          char *buffer = NULL;
          gsize size = 0;

          if (!gdk_pixbuf_save_to_buffer (flat, &buffer, &size, "jpeg", error,
                                          "quality", quality, NULL))
            return NULL;
          if (size <= max_bytes)
            return g_bytes_new_take (buffer, size);
          g_free (buffer);
        }
      scale *= 0.75;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the image could not be reduced enough");
  return NULL;
}

static void
shrink_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes = tutti_shrink_image (task_data, TUTTI_API_MAX_UPLOAD, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
shrink_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  TuttiImportDialog *self = TUTTI_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);

  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_state (self, "invalid", _("This image could not be reduced. Choose another file."));
      return;
    }
  g_clear_pointer (&self->content, g_bytes_unref);
  self->content = g_steal_pointer (&bytes);
  if (!g_str_has_suffix (self->file_name, ".jpg"))
    {
      char *dot = strrchr (self->file_name, '.');
      g_autofree char *base = dot != NULL ? g_strndup (self->file_name, dot - self->file_name)
                                          : g_strdup (self->file_name);

      g_free (self->file_name);
      self->file_name = g_strconcat (base, ".jpg", NULL);
    }
  check_content (self);
}

static void
shrink_clicked_cb (TuttiImportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->content == NULL)
    return;
  set_state (self, "shrinking", _("Reducing the image…"));
  task = g_task_new (self, self->cancellable, shrink_cb, NULL);
  g_task_set_task_data (task, g_bytes_ref (self->content), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, shrink_thread);
}

/* ---- Uploading ------------------------------------------------------------------- */

static void
upload_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TuttiImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiDocument) document = NULL;

  document = tutti_client_upload_document_finish (TUTTI_CLIENT (source), result, &error);
  if (self->pulse_id != 0)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (document == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_state (self, "error", error->message);
      return;
    }
  set_state (self, "done", NULL);
  g_signal_emit (self, signals[UPLOADED], 0, document);
  gtk_window_close (GTK_WINDOW (self));
}

static void
import_clicked_cb (TuttiImportDialog *self)
{
  guint position = gtk_drop_down_get_selected (self->kind_dropdown);
  const TuttiDocumentKind *kind;

  if (self->content == NULL || position >= self->kinds->len)
    return;
  kind = g_ptr_array_index (self->kinds, position);
  set_state (self, "uploading", _("Sending the document…"));
  self->pulse_id = g_timeout_add (100, pulse_cb, self);
  tutti_client_upload_document_async (self->client, kind->id, self->file_name, self->content,
                                      self->idempotency_key, self->cancellable,
                                      upload_cb, g_object_ref (self));
}

/* ---- GObject ------------------------------------------------------------------------ */

static gboolean
close_request_cb (TuttiImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
tutti_import_dialog_dispose (GObject *object)
{
  TuttiImportDialog *self = TUTTI_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->pulse_id != 0)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->client);
  g_clear_object (&self->file);
  g_clear_pointer (&self->content, g_bytes_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (tutti_import_dialog_parent_class)->dispose (object);
}

static void
tutti_import_dialog_finalize (GObject *object)
{
  TuttiImportDialog *self = TUTTI_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_free (self->file_name);
  g_free (self->idempotency_key);

  G_OBJECT_CLASS (tutti_import_dialog_parent_class)->finalize (object);
}

static void
tutti_import_dialog_class_init (TuttiImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_import_dialog_dispose;
  object_class->finalize = tutti_import_dialog_finalize;

  signals[UPLOADED] =
    g_signal_new ("uploaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiImportDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TuttiImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, TuttiImportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiImportDialog, shrink_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, TuttiImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiImportDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, shrink_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tutti_import_dialog_init (TuttiImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->state = "choose";
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (gtk_window_close), self);
}

TuttiImportDialog *
tutti_import_dialog_new (GtkWindow   *parent,
                         TuttiClient *client,
                         GPtrArray   *kinds,
                         const char  *kind)
{
  TuttiImportDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  TuttiDocumentKind *other;
  guint selected = 0;

  g_return_val_if_fail (TUTTI_IS_CLIENT (client), NULL);

  self = g_object_new (TUTTI_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->client = g_object_ref (client);
  self->kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_document_kind_free);
  for (guint i = 0; kinds != NULL && i < kinds->len; i++)
    g_ptr_array_add (self->kinds, tutti_document_kind_copy (g_ptr_array_index (kinds, i)));
  other = tutti_document_kind_new ();
  other->id = g_strdup (TUTTI_API_DOCUMENT_KIND_OTHER);
  other->name = g_strdup (_("Other document"));
  g_ptr_array_add (self->kinds, other);

  for (guint i = 0; i < self->kinds->len; i++)
    {
      const TuttiDocumentKind *k = g_ptr_array_index (self->kinds, i);

      gtk_string_list_append (names, k->name != NULL ? k->name : k->id);
      if (g_strcmp0 (k->id, kind) == 0)
        selected = i;
    }
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->kind_dropdown, selected);
  set_state (self, "choose", NULL);

  return self;
}

const char *
tutti_import_dialog_get_state (TuttiImportDialog *self)
{
  return self->state;
}

const char *
tutti_import_dialog_get_message (TuttiImportDialog *self)
{
  return gtk_label_get_label (self->message_label);
}

GtkDropDown *
tutti_import_dialog_get_kind_dropdown (TuttiImportDialog *self)
{
  return self->kind_dropdown;
}

GtkButton *
tutti_import_dialog_get_import_button (TuttiImportDialog *self)
{
  return self->import_button;
}

GtkButton *
tutti_import_dialog_get_shrink_button (TuttiImportDialog *self)
{
  return self->shrink_button;
}
