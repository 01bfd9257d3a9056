/* tutti-document-view.c — a PDF from the server, previewed, printed and saved (BIL-2)
 *
 * The window downloads the document with the endpoint it is given, then
 * shows its pages one under the other, each a GtkDrawingArea that poppler
 * draws into with cairo at the zoom level; the cairo context of a drawing
 * area is already scaled to the window's scale factor, so the text stays
 * sharp on a HiDPI screen. It fits the width of the window until the
 * reader zooms. Print goes through GtkPrintOperation with poppler's
 * rendering for printing; Save through a native file chooser.
 *
 * Nothing here is about invoices: any PDF the server serves can be shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "tutti-document-view.h"
#include "tutti-window-private.h"

#define ZOOM_MIN          0.25
#define ZOOM_MAX          4.0
/* At 100 % a point is 1/72 inch on a 96 pixels-per-inch screen. */
#define PIXELS_PER_POINT  (96.0 / 72.0)
/* The margin around the pages (pages_box's in the template). */
#define PAGES_MARGIN      18
/* The zoom of a window not laid out yet: A4 a little smaller than 100 %. */
#define DEFAULT_ZOOM      0.9
/* A window being resized fits its width again once this long still. */
#define REFIT_DELAY_MS    100

static const double zoom_levels[] = {
  0.25, 0.33, 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

typedef struct
{
  PopplerPage *page;
  GtkWidget   *area;       /* owned by pages_box */
  double       width;      /* points */
  double       height;
  gboolean     drawn;      /* at the current zoom */
} Page;

struct _TuttiDocumentView
{
  AdwWindow               parent_instance;

  /* Template children */
  AdwWindowTitle         *window_title;
  AdwToastOverlay        *toast_overlay;
  GtkStack               *stack;
  GtkSpinner             *spinner;
  AdwStatusPage          *error_page;
  GtkButton              *retry_button;
  GtkScrolledWindow      *scrolled_window;
  GtkBox                 *pages_box;
  GtkWidget              *zoom_box;
  GtkButton              *zoom_button;
  GtkLabel               *zoom_label;

  TuttiClient            *client;
  char                   *id;
  TuttiDocumentFetchFunc  fetch;
  TuttiDocumentFinishFunc finish;
  char                   *file_name;
  GCancellable           *cancellable;
  guint                   generation;   /* bumped by each download: late answers are dropped */

  GBytes                 *bytes;
  PopplerDocument        *document;
  GPtrArray              *pages;        /* Page */
  double                  widest_page;  /* points */
  double                  zoom;
  gboolean                fit_width;
  guint                   refit_id;

  GtkFileChooserNative   *chooser;
  GtkPrintOperation      *print_operation;
  gboolean                saving;
};

G_DEFINE_FINAL_TYPE (TuttiDocumentView, tutti_document_view, ADW_TYPE_WINDOW)

static void
page_free (gpointer data)
{
  Page *page = data;

  g_clear_object (&page->page);
  g_free (page);
}

static void
show_toast (TuttiDocumentView *self,
            const char        *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* ---- Zoom ------------------------------------------------------------------- */

static void
update_actions (TuttiDocumentView *self)
{
  gboolean shown = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.save", shown && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.print", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.zoom-in", shown && self->zoom < ZOOM_MAX - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.zoom-out", shown && self->zoom > ZOOM_MIN + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.zoom-fit", shown);
  /* No zoom level to show without pages. */
  gtk_widget_set_visible (self->zoom_box, shown);
}

/* The zoom that makes the widest page fill the width of the view. */
static double
get_fit_width_zoom (TuttiDocumentView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scrolled_window);
  double available = gtk_adjustment_get_page_size (adjustment);

  /* Not laid out yet (still downloading): the window's width will do. */
  if (available < 1)
    available = gtk_widget_get_width (GTK_WIDGET (self));
  if (available < 1 || self->widest_page <= 0)
    return DEFAULT_ZOOM;

  return CLAMP ((available - 2 * PAGES_MARGIN) / (self->widest_page * PIXELS_PER_POINT),
                ZOOM_MIN, ZOOM_MAX);
}

static void
set_zoom (TuttiDocumentView *self,
          double             zoom,
          gboolean           fit_width)
{
  g_autofree char *text = NULL;
  int percent;

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  self->fit_width = fit_width;

  if (fabs (zoom - self->zoom) >= 0.0005)
    {
      self->zoom = zoom;
      for (guint i = 0; self->pages != NULL && i < self->pages->len; i++)
        {
          Page *page = g_ptr_array_index (self->pages, i);

          gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (page->area),
                                              MAX (1, (int) ceil (page->width * zoom * PIXELS_PER_POINT)));
          gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (page->area),
                                               MAX (1, (int) ceil (page->height * zoom * PIXELS_PER_POINT)));
          page->drawn = FALSE;
          gtk_widget_queue_draw (page->area);
        }
    }

  percent = (int) round (self->zoom * 100);
  /* Translators: a zoom level, such as “90%”; put a no-break space before
   * “%%” if your language wants one */
  text = g_strdup_printf (C_("zoom level", "%d%%"), percent);
  gtk_label_set_label (self->zoom_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  update_actions (self);
}

static void
zoom_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TuttiDocumentView *self = TUTTI_DOCUMENT_VIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > self->zoom + 0.001)
      {
        set_zoom (self, zoom_levels[i], FALSE);
        return;
      }
}

static void
zoom_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TuttiDocumentView *self = TUTTI_DOCUMENT_VIEW (widget);

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < self->zoom - 0.001)
      {
        set_zoom (self, zoom_levels[i - 1], FALSE);
        return;
      }
}

static void
zoom_fit_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TuttiDocumentView *self = TUTTI_DOCUMENT_VIEW (widget);

  set_zoom (self, get_fit_width_zoom (self), TRUE);
}

static gboolean
refit_cb (gpointer user_data)
{
  TuttiDocumentView *self = user_data;

  self->refit_id = 0;
  if (self->fit_width && self->document != NULL)
    set_zoom (self, get_fit_width_zoom (self), TRUE);

  return G_SOURCE_REMOVE;
}

/* The view's width changed: fit it again, once the resizing settles. */
static void
page_size_changed_cb (TuttiDocumentView *self)
{
  if (!self->fit_width || self->document == NULL)
    return;

  g_clear_handle_id (&self->refit_id, g_source_remove);
  self->refit_id = g_timeout_add (REFIT_DELAY_MS, refit_cb, self);
}

/* Ctrl and the wheel zoom, as in every GNOME viewer. */
static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TuttiDocumentView        *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || self->document == NULL || dy == 0)
    return FALSE;

  if (dy < 0)
    zoom_in_activated (GTK_WIDGET (self), NULL, NULL);
  else
    zoom_out_activated (GTK_WIDGET (self), NULL, NULL);
  return TRUE;
}

/* ---- Showing the pages ------------------------------------------------------ */

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  Page *page = user_data;

  /* The paper, then the page at the size of the area. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_save (cr);
  cairo_scale (cr, width / page->width, height / page->height);
  poppler_page_render (page->page, cr);
  cairo_restore (cr);

  /* The edge of the paper on the window's background. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_stroke (cr);

  page->drawn = TRUE;
}

static void
clear_pages (TuttiDocumentView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
  g_ptr_array_set_size (self->pages, 0);
  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->widest_page = 0;
}

static gboolean
show_document (TuttiDocumentView  *self,
               GBytes             *bytes,
               GError            **error)
{
  PopplerDocument *document;
  int n_pages;

  document = poppler_document_new_from_bytes (bytes, NULL, error);
  if (document == NULL)
    return FALSE;

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages < 1)
    {
      g_object_unref (document);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The document has no pages."));
      return FALSE;
    }

  clear_pages (self);
  self->document = document;
  self->bytes = g_bytes_ref (bytes);

  for (int i = 0; i < n_pages; i++)
    {
      Page *page = g_new0 (Page, 1);
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;

      page->page = poppler_document_get_page (document, i);
      poppler_page_get_size (page->page, &page->width, &page->height);
      page->width = MAX (page->width, 1);
      page->height = MAX (page->height, 1);
      self->widest_page = MAX (self->widest_page, page->width);

      page->area = gtk_drawing_area_new ();
      gtk_widget_set_halign (page->area, GTK_ALIGN_CENTER);
      /* A page to reach with Tab, which the view scrolls to, and whose
       * text a screen reader can read. */
      gtk_widget_set_focusable (page->area, TRUE);
      /* Translators: the accessible name of a page of a document */
      name = g_strdup_printf (_("Page %d of %d"), i + 1, n_pages);
      text = poppler_page_get_text (page->page);
      gtk_accessible_update_property (GTK_ACCESSIBLE (page->area),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text != NULL ? text : "",
                                      -1);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (page->area), draw_page, page, NULL);
      gtk_box_append (self->pages_box, page->area);
      g_ptr_array_add (self->pages, page);
    }

  /* Sizes the pages: a new document fits the width. */
  self->zoom = 0;
  set_zoom (self, get_fit_width_zoom (self), TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_stack_set_visible_child_name (self->stack, "content");

  return TRUE;
}

static void
show_error (TuttiDocumentView *self,
            const GError      *error)
{
  g_autofree char *description = NULL;

  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND))
    description = g_strdup (_("The school’s server does not have this document."));
  else if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE))
    description = g_strdup_printf (_("The server at %s cannot be reached. Check the connection, then try again."),
                                   tutti_client_get_base_url (self->client));
  else if (error->domain == TUTTI_API_ERROR)
    description = g_strdup (error->message);
  else
    /* Translators: %s says why, such as “PDF document is damaged” */
    description = g_strdup_printf (_("The document cannot be read: %s"), error->message);

  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
  update_actions (self);
}

/* ---- Downloading ---------------------------------------------------------------- */

typedef struct
{
  TuttiDocumentView *self;
  guint              generation;
} FetchData;

static void
fetch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  FetchData *data = user_data;
  g_autoptr(TuttiDocumentView) self = data->self;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint generation = data->generation;

  g_free (data);

  bytes = self->finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || generation != self->generation)
    return;

  gtk_spinner_stop (self->spinner);

  if (bytes == NULL || !show_document (self, bytes, &error))
    {
      g_debug ("Downloading the document %s: %s", self->id, error->message);
      show_error (self, error);
    }
}

static void
download (TuttiDocumentView *self)
{
  FetchData *data;

  g_return_if_fail (self->fetch != NULL && self->finish != NULL && self->client != NULL);

  self->generation++;
  clear_pages (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);

  data = g_new0 (FetchData, 1);
  data->self = g_object_ref (self);
  data->generation = self->generation;
  self->fetch (self->client, self->id, self->cancellable, fetch_cb, data);
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  download (TUTTI_DOCUMENT_VIEW (widget));
}

/* ---- Print ---------------------------------------------------------------------- */

/* The whole page on the paper, as large as fits, centred. */
static void
draw_print_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page_nr,
                    gpointer           user_data)
{
  PopplerDocument *document = g_object_get_data (G_OBJECT (operation), "tutti-document");
  PopplerPage *page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double paper_width = gtk_print_context_get_width (context);
  double paper_height = gtk_print_context_get_height (context);
  double width, height, scale;

  if (page == NULL)
    return;

  poppler_page_get_size (page, &width, &height);
  scale = MIN (paper_width / MAX (width, 1), paper_height / MAX (height, 1));
  cairo_translate (cr, (paper_width - width * scale) / 2, (paper_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);

  g_object_unref (page);
}

static GtkPrintOperation *
create_print_operation (TuttiDocumentView *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  const Page *first = g_ptr_array_index (self->pages, 0);

  gtk_print_operation_set_job_name (operation, gtk_window_get_title (GTK_WINDOW (self)));
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (self->document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  /* The document's own paper: A4 for the school's. */
  if (fabs (first->width - 595.28) < 2 && fabs (first->height - 841.89) < 2)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  else
    paper = gtk_paper_size_new_custom ("tutti-document", "",
                                       MIN (first->width, first->height),
                                       MAX (first->width, first->height),
                                       GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_page_setup_set_orientation (page_setup, first->width > first->height
                                              ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                              : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  /* The pages are drawn from the document itself, which the operation
   * keeps should the window close before the printer is done. */
  g_object_set_data_full (G_OBJECT (operation), "tutti-document",
                          g_object_ref (self->document), g_object_unref);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_print_page_cb), NULL);

  return operation;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               TuttiDocumentView       *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  /* Translators: %s says why */
  message = g_strdup_printf (_("Could not print: %s"), error != NULL ? error->message : "");
  show_toast (self, message);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TuttiDocumentView *self = TUTTI_DOCUMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->document == NULL)
    return;

  g_clear_object (&self->print_operation);
  self->print_operation = create_print_operation (self);
  gtk_print_operation_set_allow_async (self->print_operation, TRUE);
  g_signal_connect_object (self->print_operation, "done", G_CALLBACK (print_done_cb), self, 0);

  result = gtk_print_operation_run (self->print_operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      show_toast (self, message);
    }
}

/* ---- Save ----------------------------------------------------------------------- */

typedef struct
{
  TuttiDocumentView *self;
  GFile             *file;
} SaveData;

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(TuttiDocumentView) self = data->self;
  g_autoptr(GFile) file = data->file;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_free (data);

  self->saving = FALSE;
  if (self->cancellable != NULL)
    update_actions (self);

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
        return;
      g_debug ("Saving the document: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not save the document: %s"), error->message);
      show_toast (self, message);
      return;
    }

  if (self->cancellable == NULL)
    return;

  name = g_file_get_basename (file);
  /* Translators: %s is a file name, such as “invoice-12FC01618.pdf” */
  message = g_strdup_printf (_("Saved as %s"), name);
  show_toast (self, message);
}

void
tutti_document_view_save_to (TuttiDocumentView *self,
                             GFile             *file)
{
  SaveData *data;

  g_return_if_fail (TUTTI_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->bytes != NULL);

  self->saving = TRUE;
  update_actions (self);

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  g_file_replace_contents_bytes_async (file, self->bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, save_cb, data);
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     TuttiDocumentView *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->bytes != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        tutti_document_view_save_to (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TuttiDocumentView *self = TUTTI_DOCUMENT_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *downloads = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);

  if (self->bytes == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save Document"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (downloads != NULL && g_file_test (downloads, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (downloads);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), self->file_name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- Public ------------------------------------------------------------------- */

TuttiDocumentView *
tutti_document_view_new (GtkWindow   *parent,
                         TuttiClient *client,
                         const char  *title,
                         const char  *subtitle,
                         const char  *file_name)
{
  TuttiDocumentView *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TUTTI_IS_CLIENT (client), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  self = g_object_new (TUTTI_TYPE_DOCUMENT_VIEW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "title", title,
                       NULL);
  self->client = g_object_ref (client);
  self->file_name = g_strdup (file_name);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  return self;
}

void
tutti_document_view_load (TuttiDocumentView       *self,
                          const char              *id,
                          TuttiDocumentFetchFunc   fetch,
                          TuttiDocumentFinishFunc  finish)
{
  g_return_if_fail (TUTTI_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (fetch != NULL && finish != NULL);

  g_free (self->id);
  self->id = g_strdup (id);
  self->fetch = fetch;
  self->finish = finish;
  download (self);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
tutti_document_view_dispose (GObject *object)
{
  TuttiDocumentView *self = TUTTI_DOCUMENT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refit_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->print_operation);

  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_DOCUMENT_VIEW);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (tutti_document_view_parent_class)->dispose (object);
}

static void
tutti_document_view_finalize (GObject *object)
{
  TuttiDocumentView *self = TUTTI_DOCUMENT_VIEW (object);

  g_free (self->id);
  g_free (self->file_name);

  G_OBJECT_CLASS (tutti_document_view_parent_class)->finalize (object);
}

static void
tutti_document_view_class_init (TuttiDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  static const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };
  static const guint zoom_fit_keys[] = { GDK_KEY_0, GDK_KEY_KP_0 };

  object_class->dispose = tutti_document_view_dispose;
  object_class->finalize = tutti_document_view_finalize;

  gtk_widget_class_install_action (widget_class, "document.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "document.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "document.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "document.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_install_action (widget_class, "document.zoom-fit", NULL, zoom_fit_activated);
  gtk_widget_class_install_action (widget_class, "document.retry", NULL, retry_activated);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_in_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_in_keys[i], GDK_CONTROL_MASK,
                                         "document.zoom-in", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_out_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_out_keys[i], GDK_CONTROL_MASK,
                                         "document.zoom-out", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_fit_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_fit_keys[i], GDK_CONTROL_MASK,
                                         "document.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "document.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "document.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentView, window_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentView, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentView, error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentView, retry_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentView, pages_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentView, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentView, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentView, zoom_label);
}

static void
tutti_document_view_init (TuttiDocumentView *self)
{
  GtkEventController *scroll;

  self->cancellable = g_cancellable_new ();
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->zoom = DEFAULT_ZOOM;
  self->fit_width = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scrolled_window),
                           "notify::page-size", G_CALLBACK (page_size_changed_cb),
                           self, G_CONNECT_SWAPPED);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled_window), scroll);

  set_zoom (self, DEFAULT_ZOOM, TRUE);
}

/* ---- For the UI test ---------------------------------------------------------- */

const char *
tutti_document_view_get_state (TuttiDocumentView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

int
tutti_document_view_get_n_pages (TuttiDocumentView *self)
{
  return self->document != NULL ? poppler_document_get_n_pages (self->document) : 0;
}

guint
tutti_document_view_get_n_pages_drawn (TuttiDocumentView *self)
{
  guint n = 0;

  for (guint i = 0; i < self->pages->len; i++)
    if (((Page *) g_ptr_array_index (self->pages, i))->drawn)
      n++;

  return n;
}

const char *
tutti_document_view_get_file_name (TuttiDocumentView *self)
{
  return self->file_name;
}

gboolean
tutti_document_view_get_saving (TuttiDocumentView *self)
{
  return self->saving;
}

double
tutti_document_view_get_zoom (TuttiDocumentView *self)
{
  return self->zoom;
}

gboolean
tutti_document_view_get_fit_width (TuttiDocumentView *self)
{
  return self->fit_width;
}

const char *
tutti_document_view_get_error (TuttiDocumentView *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") != 0)
    return NULL;
  return adw_status_page_get_description (self->error_page);
}

GtkButton *
tutti_document_view_get_retry_button (TuttiDocumentView *self)
{
  return self->retry_button;
}

/* Print's drawing of the pages, into a PDF file rather than to a printer. */
gboolean
tutti_document_view_export (TuttiDocumentView  *self,
                            const char         *path,
                            GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (self->document != NULL, FALSE);

  operation = create_print_operation (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (self), error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
