/* tutti-documents-page.c — FAM-2, REE-3 step 3: the family's documents
 *
 * A GtkColumnView of the documents (name, file name, date, time, size in
 * MB, state, view), Import (TuttiImportDialog) and Delete. Used by the
 * Family view's "My documents" tab and by step 3 of the re-enrolment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-document-view.h"
#include "tutti-documents-page.h"

/* ---- One row ----------------------------------------------------------------------- */

#define TUTTI_TYPE_DOCUMENT_ITEM (tutti_document_item_get_type ())
G_DECLARE_FINAL_TYPE (TuttiDocumentItem, tutti_document_item, TUTTI, DOCUMENT_ITEM, GObject)

struct _TuttiDocumentItem
{
  GObject        parent_instance;
  TuttiDocument *document;
};

G_DEFINE_FINAL_TYPE (TuttiDocumentItem, tutti_document_item, G_TYPE_OBJECT)

static void
tutti_document_item_finalize (GObject *object)
{
  g_clear_pointer (&TUTTI_DOCUMENT_ITEM (object)->document, tutti_document_free);
  G_OBJECT_CLASS (tutti_document_item_parent_class)->finalize (object);
}

static void
tutti_document_item_class_init (TuttiDocumentItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tutti_document_item_finalize;
}

static void
tutti_document_item_init (TuttiDocumentItem *self)
{
}

/* ---- The page -------------------------------------------------------------------------- */

typedef enum
{
  COLUMN_NAME,
  COLUMN_FILE_NAME,
  COLUMN_DATE,
  COLUMN_TIME,
  COLUMN_SIZE,
  COLUMN_STATE,
  COLUMN_ACTIONS,
  N_COLUMNS
} Column;

struct _TuttiDocumentsPage
{
  AdwBin             parent_instance;

  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  GtkColumnView     *column_view;
  GtkButton         *import_button;
  GtkLabel          *note_label;

  GListStore        *store;
  GtkSingleSelection *selection;
  TuttiClient       *client;
  GCancellable      *cancellable;
  TuttiImportDialog *import_dialog;   /* weak */
  GtkWindow         *viewer;          /* weak */
  gboolean           read_only;
};

G_DEFINE_FINAL_TYPE (TuttiDocumentsPage, tutti_documents_page, ADW_TYPE_BIN)

static TuttiLang
get_lang (TuttiDocumentsPage *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : tutti_lang_from_environment ();
}

static char *
cell_text (TuttiDocumentsPage  *self,
           const TuttiDocument *document,
           Column               column)
{
  TuttiLang lang = get_lang (self);

  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (document->name != NULL ? document->name : document->kind);
    case COLUMN_FILE_NAME:
      return g_strdup (document->id != 0 && document->file_name != NULL ? document->file_name : "");
    case COLUMN_DATE:
      return document->id != 0 ? tutti_format_datetime (document->uploaded_at, lang) : g_strdup ("");
    case COLUMN_TIME:
      return document->id != 0 ? tutti_format_datetime_time (document->uploaded_at, lang) : g_strdup ("");
    case COLUMN_SIZE:
      return document->id != 0 ? tutti_format_size (document->size, lang) : g_strdup ("");
    case COLUMN_STATE:
      {
        const char *label = tutti_enum_to_label (&tutti_document_state_enum, document->state, lang);

        if (document->state == TUTTI_DOCUMENT_REFUSED && document->reason != NULL && *document->reason != '\0')
          return g_strdup_printf ("%s — %s", label, document->reason);
        return g_strdup (label);
      }
    case COLUMN_ACTIONS:
    case N_COLUMNS:
    default:
      return g_strdup ("");
    }
}

/* ---- Loading ------------------------------------------------------------------------- */

static void
list_documents_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TuttiDocumentsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  documents = tutti_client_list_documents_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  if (documents == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_list_store_remove_all (self->store);
  for (guint i = 0; i < documents->len; i++)
    {
      TuttiDocumentItem *item = g_object_new (TUTTI_TYPE_DOCUMENT_ITEM, NULL);

      item->document = tutti_document_copy (g_ptr_array_index (documents, i));
      g_list_store_append (self->store, item);
      g_object_unref (item);
    }
  gtk_stack_set_visible_child_name (self->stack, "content");
}

void
tutti_documents_page_refresh (TuttiDocumentsPage *self)
{
  g_return_if_fail (TUTTI_IS_DOCUMENTS_PAGE (self));

  if (self->client == NULL || !tutti_client_is_logged_in (self->client))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  tutti_client_list_documents_async (self->client, self->cancellable, list_documents_cb,
                                     g_object_ref (self));
}

void
tutti_documents_page_clear (TuttiDocumentsPage *self)
{
  g_return_if_fail (TUTTI_IS_DOCUMENTS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_list_store_remove_all (self->store);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* ---- Viewing ----------------------------------------------------------------------------- */

static void
fetch_document (TuttiClient         *client,
                const char          *id,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  tutti_client_get_document_async (client, g_ascii_strtoll (id, NULL, 10), cancellable,
                                   callback, user_data);
}

static GBytes *
fetch_document_finish (TuttiClient   *client,
                       GAsyncResult  *result,
                       GError       **error)
{
  return tutti_client_get_document_finish (client, result, NULL, error);
}

static void
get_image_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  bytes = tutti_client_get_document_finish (TUTTI_CLIENT (source), result, NULL, &error);
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      g_debug ("The image: %s", error->message);
      return;
    }
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static void
view_document (TuttiDocumentsPage  *self,
               const TuttiDocument *document)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, document->id);

  if (document->id == 0 || self->client == NULL)
    return;

  if (g_strcmp0 (document->content_type, "application/pdf") == 0)
    {
      TuttiDocumentView *view = tutti_document_view_new (parent, self->client, document->name,
                                                         document->file_name, document->file_name);

      g_set_weak_pointer (&self->viewer, GTK_WINDOW (view));
      tutti_document_view_load (view, id, fetch_document, fetch_document_finish);
      gtk_window_present (GTK_WINDOW (view));
    }
  else
    {
      GtkWidget *window = adw_window_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *header = adw_header_bar_new ();
      GtkWidget *picture = gtk_picture_new ();

      gtk_window_set_title (GTK_WINDOW (window), document->name);
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_modal (GTK_WINDOW (window), TRUE);
      gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
      gtk_widget_set_vexpand (picture, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      document->file_name, -1);
      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), picture);
      adw_window_set_content (ADW_WINDOW (window), box);
      g_set_weak_pointer (&self->viewer, GTK_WINDOW (window));
      tutti_client_get_document_async (self->client, document->id, self->cancellable,
                                       get_image_cb, g_object_ref (picture));
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* ---- Deleting ----------------------------------------------------------------------------- */

static void
delete_document_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TuttiDocumentsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tutti_client_delete_document_finish (TUTTI_CLIENT (source), result, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      AdwMessageDialog *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                           _("The document could not be deleted"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  tutti_documents_page_refresh (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  TuttiDocumentsPage *self = TUTTI_DOCUMENTS_PAGE (g_object_get_data (G_OBJECT (dialog), "page"));
  gint64 id = GPOINTER_TO_SIZE (user_data);

  if (g_strcmp0 (response, "delete") != 0 || self->client == NULL)
    return;
  tutti_client_delete_document_async (self->client, id, self->cancellable,
                                      delete_document_cb, g_object_ref (self));
}

static void
delete_document (TuttiDocumentsPage  *self,
                 const TuttiDocument *document)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Delete this document?"),
                                                       document->file_name));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "page", self);
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb),
                    GSIZE_TO_POINTER ((gsize) document->id));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Importing ------------------------------------------------------------------------------ */

static GPtrArray *
collect_kinds (TuttiDocumentsPage *self)
{
  GPtrArray *kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_document_kind_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr(TuttiDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const TuttiDocument *document = item->document;
      TuttiDocumentKind *kind;

      if (document->kind == NULL || g_strcmp0 (document->kind, TUTTI_API_DOCUMENT_KIND_OTHER) == 0 ||
          g_hash_table_contains (seen, document->kind))
        continue;
      g_hash_table_add (seen, document->kind);
      kind = tutti_document_kind_new ();
      kind->id = g_strdup (document->kind);
      kind->name = g_strdup (document->name);
      g_ptr_array_add (kinds, kind);
    }
  return kinds;
}

static void
uploaded_cb (TuttiImportDialog  *dialog,
             TuttiDocument      *document,
             TuttiDocumentsPage *self)
{
  tutti_documents_page_refresh (self);
}

static void
import_clicked_cb (TuttiDocumentsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GPtrArray) kinds = collect_kinds (self);
  const char *kind = NULL;
  TuttiImportDialog *dialog;
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (self->client == NULL)
    return;
  if (selected != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(TuttiDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), selected);

      kind = item != NULL ? item->document->kind : NULL;
    }
  /* Else the first document still to provide. */
  for (guint i = 0; kind == NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr(TuttiDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (item->document->state == TUTTI_DOCUMENT_TO_PROVIDE)
        kind = item->document->kind;
    }

  dialog = tutti_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->client, kinds, kind);
  g_set_weak_pointer (&self->import_dialog, dialog);
  g_signal_connect_object (dialog, "uploaded", G_CALLBACK (uploaded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The columns ------------------------------------------------------------------------------ */

static void
view_clicked_cb (GtkButton          *button,
                 TuttiDocumentsPage *self)
{
  TuttiDocumentItem *item = g_object_get_data (G_OBJECT (button), "item");

  if (item != NULL)
    view_document (self, item->document);
}

static void
delete_clicked_cb (GtkButton          *button,
                   TuttiDocumentsPage *self)
{
  TuttiDocumentItem *item = g_object_get_data (G_OBJECT (button), "item");

  if (item != NULL)
    delete_document (self, item->document);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          TuttiDocumentsPage       *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  if (column == COLUMN_ACTIONS)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *view = gtk_button_new_with_label (_("View"));
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_tooltip_text (remove, _("Delete"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Delete"), -1);
      gtk_widget_add_css_class (view, "flat");
      gtk_widget_add_css_class (remove, "flat");
      g_signal_connect (view, "clicked", G_CALLBACK (view_clicked_cb), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), view);
      gtk_box_append (GTK_BOX (box), remove);
      gtk_list_item_set_child (list_item, box);
    }
  else
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_SIZE ? 1.0 : 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), column == COLUMN_NAME || column == COLUMN_STATE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), column == COLUMN_NAME ? 36 : 24);
      gtk_list_item_set_child (list_item, label);
    }
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         TuttiDocumentsPage       *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  TuttiDocumentItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (column == COLUMN_ACTIONS)
    {
      GtkWidget *view = gtk_widget_get_first_child (child);
      GtkWidget *remove = gtk_widget_get_next_sibling (view);

      g_object_set_data (G_OBJECT (view), "item", item);
      g_object_set_data (G_OBJECT (remove), "item", item);
      gtk_widget_set_visible (view, item->document->id != 0);
      gtk_widget_set_visible (remove, item->document->id != 0 && !self->read_only &&
                              item->document->state != TUTTI_DOCUMENT_ACCEPTED);
    }
  else
    {
      g_autofree char *text = cell_text (self, item->document, column);

      gtk_label_set_label (GTK_LABEL (child), text);
      gtk_widget_remove_css_class (child, "error");
      gtk_widget_remove_css_class (child, "success");
      gtk_widget_remove_css_class (child, "warning");
      if (column == COLUMN_STATE)
        gtk_widget_add_css_class (child,
                                  item->document->state == TUTTI_DOCUMENT_REFUSED ? "error" :
                                  item->document->state == TUTTI_DOCUMENT_ACCEPTED ? "success" :
                                  item->document->state == TUTTI_DOCUMENT_TO_PROVIDE ? "warning" : "dim-label");
    }
}

static void
add_column (TuttiDocumentsPage *self,
            Column              column,
            const char         *title,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/* ---- GObject ---------------------------------------------------------------------------------- */

static void
retry_clicked_cb (TuttiDocumentsPage *self)
{
  tutti_documents_page_refresh (self);
}

static void
tutti_documents_page_dispose (GObject *object)
{
  TuttiDocumentsPage *self = TUTTI_DOCUMENTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->import_dialog);
  g_clear_weak_pointer (&self->viewer);
  g_clear_object (&self->client);
  /* AdwBin keeps its own pointer to the template's root. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_DOCUMENTS_PAGE);

  G_OBJECT_CLASS (tutti_documents_page_parent_class)->dispose (object);
}

static void
tutti_documents_page_finalize (GObject *object)
{
  TuttiDocumentsPage *self = TUTTI_DOCUMENTS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tutti_documents_page_parent_class)->finalize (object);
}

static void
tutti_documents_page_class_init (TuttiDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_documents_page_dispose;
  object_class->finalize = tutti_documents_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, note_label);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

static void
tutti_documents_page_init (TuttiDocumentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->store = g_list_store_new (TUTTI_TYPE_DOCUMENT_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);

  add_column (self, COLUMN_NAME, _("Document"), TRUE);
  add_column (self, COLUMN_FILE_NAME, _("File Name"), FALSE);
  add_column (self, COLUMN_DATE, _("Date"), FALSE);
  add_column (self, COLUMN_TIME, _("Time"), FALSE);
  add_column (self, COLUMN_SIZE, _("Size (MB)"), FALSE);
  add_column (self, COLUMN_STATE, _("State"), FALSE);
  add_column (self, COLUMN_ACTIONS, _("View"), FALSE);
}

GtkWidget *
tutti_documents_page_new (void)
{
  return g_object_new (TUTTI_TYPE_DOCUMENTS_PAGE, NULL);
}

void
tutti_documents_page_set_client (TuttiDocumentsPage *self,
                                 TuttiClient        *client)
{
  g_return_if_fail (TUTTI_IS_DOCUMENTS_PAGE (self));

  g_set_object (&self->client, client);
}

void
tutti_documents_page_set_read_only (TuttiDocumentsPage *self,
                                    gboolean            read_only)
{
  g_return_if_fail (TUTTI_IS_DOCUMENTS_PAGE (self));

  self->read_only = read_only;
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), !read_only);
  /* The rows' Delete buttons follow. */
  g_list_model_items_changed (G_LIST_MODEL (self->store), 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                              g_list_model_get_n_items (G_LIST_MODEL (self->store)));
}

const char *
tutti_documents_page_get_state (TuttiDocumentsPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
tutti_documents_page_get_n_documents (TuttiDocumentsPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

const TuttiDocument *
tutti_documents_page_get_document (TuttiDocumentsPage *self,
                                   guint               position)
{
  g_autoptr(TuttiDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  return item != NULL ? item->document : NULL;
}

char *
tutti_documents_page_get_state_text (TuttiDocumentsPage *self,
                                     guint               position)
{
  const TuttiDocument *document = tutti_documents_page_get_document (self, position);

  return document != NULL ? cell_text (self, document, COLUMN_STATE) : NULL;
}

GtkButton *
tutti_documents_page_get_import_button (TuttiDocumentsPage *self)
{
  return self->import_button;
}

TuttiImportDialog *
tutti_documents_page_get_import_dialog (TuttiDocumentsPage *self)
{
  return self->import_dialog;
}
