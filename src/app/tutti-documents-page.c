/* tutti-documents-page.c — FAM-2, REE-3 step 3: the family's documents
 *
 * A GtkColumnView of the documents (name, file name, date, time, size in
 * MB, state with the office's reason for a refusal), a search entry above
 * it, and each row's actions: View (a PDF in a TuttiDocumentView, an
 * image in a window of its own), Import… for a document still to
 * provide, Replace… for a refused one (the new file is sent, then the
 * refused one deleted), and Delete. Import… above the list opens the
 * TuttiImportDialog. Used by the Family view's "My documents" tab and by
 * step 3 of the re-enrolment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-document-opener.h"
#include "tutti-documents-page.h"
#include "tutti-list-item.h"
#include "tutti-list-util.h"
#include "tutti-question.h"
#include "tutti-toasts.h"

/* ---- One row ----------------------------------------------------------------------- */

/* A row's document (TuttiListItem). */
static const TuttiDocument *
item_document (gpointer item)
{
  return tutti_list_item_get_record (item);
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

/* The buttons of a row's Actions cell, in order. */
typedef enum
{
  ACTION_VIEW,
  ACTION_IMPORT,
  ACTION_REPLACE,
  ACTION_DELETE,
  N_ACTIONS
} RowAction;

struct _TuttiDocumentsPage
{
  AdwBin              parent_instance;

  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  AdwStatusPage      *empty_page;
  GtkColumnView      *column_view;
  GtkButton          *import_button;
  GtkLabel           *note_label;

  GListStore         *store;
  GtkFilter          *filter;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  char               *query;
  TuttiClient        *client;
  GCancellable       *cancellable;        /* the list */
  GCancellable       *action_cancellable; /* deleting: not stopped by a refresh */
  TuttiImportDialog  *import_dialog;      /* weak */
  GtkWindow          *viewer;             /* weak */
  TuttiToasts         toasts;
  gboolean            loaded;
  gboolean            read_only;
};

G_DEFINE_FINAL_TYPE (TuttiDocumentsPage, tutti_documents_page, ADW_TYPE_BIN)

static void delete_by_id (TuttiDocumentsPage *self,
                          gint64              id,
                          const char         *file_name,
                          gboolean            replaced);

static TuttiLang
get_lang (TuttiDocumentsPage *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : tutti_lang_from_environment ();
}

static GtkWindow *
get_parent_window (TuttiDocumentsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const char *
document_title (const TuttiDocument *document)
{
  if (document->name != NULL && *document->name != '\0')
    return document->name;
  return document->kind != NULL ? document->kind : "";
}

static const char *
document_file_name (const TuttiDocument *document)
{
  if (document->file_name != NULL && *document->file_name != '\0')
    return document->file_name;
  return document_title (document);
}

static void
show_toast (TuttiDocumentsPage *self,
            const char         *title)
{
  tutti_toasts_show (&self->toasts, title, TUTTI_TOAST_TIMEOUT_DEFAULT, NULL, NULL);
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
      return g_strdup (document_title (document));
    case COLUMN_FILE_NAME:
      return g_strdup (document->id != 0 && document->file_name != NULL ? document->file_name : "");
    case COLUMN_DATE:
      {
        /* The day of the upload, as its stamp says it (the Time column
         * has the time). */
        g_autofree char *day = document->id != 0 && document->uploaded_at != NULL
                               ? g_strndup (document->uploaded_at, 10) : NULL;

        return day != NULL ? tutti_format_date (day, lang) : g_strdup ("");
      }
    case COLUMN_TIME:
      return document->id != 0 ? tutti_format_datetime_time (document->uploaded_at, lang) : g_strdup ("");
    case COLUMN_SIZE:
      return document->id != 0 ? tutti_format_size (document->size, lang) : g_strdup ("");
    case COLUMN_STATE:
      /* A refusal's reason is under the document's name. */
      return g_strdup (tutti_enum_to_label (&tutti_document_state_enum, document->state, lang));
    case COLUMN_ACTIONS:
    case N_COLUMNS:
    default:
      return g_strdup ("");
    }
}

/* The state with the office's reason for a refusal: "Refusé — …". */
static char *
state_text (TuttiDocumentsPage  *self,
            const TuttiDocument *document)
{
  g_autofree char *label = cell_text (self, document, COLUMN_STATE);

  if (document->state == TUTTI_DOCUMENT_REFUSED && document->reason != NULL && *document->reason != '\0')
    return g_strdup_printf ("%s — %s", label, document->reason);
  return g_steal_pointer (&label);
}

/* ---- State and search ------------------------------------------------------------------ */

static void
update_state (TuttiDocumentsPage *self)
{
  if (!self->loaded)
    return;

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, tutti_list_page_name (G_LIST_MODEL (self->store),
                                                                       G_LIST_MODEL (self->filter_model)));
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TuttiDocumentsPage *self = user_data;

  /* Each word typed starts a word of the row, accents and case ignored. */
  return tutti_search_match_prefixes (self->query, tutti_list_item_get_search_text (item));
}

static void
search_changed_cb (TuttiDocumentsPage *self)
{
  if (!tutti_search_update_query (self->search_entry, &self->query))
    return;
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
stop_search_cb (TuttiDocumentsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
tutti_documents_page_focus_search (TuttiDocumentsPage *self)
{
  g_return_if_fail (TUTTI_IS_DOCUMENTS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  tutti_documents_page_focus_search (TUTTI_DOCUMENTS_PAGE (widget));
  return TRUE;
}

/* ---- Loading ------------------------------------------------------------------------- */

/* Its search looks into every cell, one a line, and the office's reason. */
static TuttiListItem *
create_item (TuttiDocumentsPage  *self,
             const TuttiDocument *document)
{
  g_autoptr(GString) search = g_string_new (NULL);

  for (Column column = COLUMN_NAME; column < COLUMN_ACTIONS; column++)
    {
      g_autofree char *text = cell_text (self, document, column);

      g_string_append_printf (search, "%s\n", text);
    }
  if (document->reason != NULL)
    g_string_append_printf (search, "%s\n", document->reason);
  return tutti_list_item_new (tutti_document_copy (document), (GDestroyNotify) tutti_document_free,
                              g_string_free (g_steal_pointer (&search), FALSE));
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  tutti_documents_page_refresh (TUTTI_DOCUMENTS_PAGE (widget));
}

static void
list_documents_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TuttiDocumentsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) items = NULL;

  documents = tutti_client_list_documents_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (documents == NULL)
    {
      g_debug ("Loading the documents: %s", error->message);
      /* The window goes back to the login page by itself. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;
      if (self->loaded && g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
        {
          /* The list shown stays; the reason and a Retry. */
          g_autofree char *title = g_strdup_printf (_("Could not refresh the documents: %s"), error->message);

          tutti_toasts_show (&self->toasts, title, TUTTI_TOAST_TIMEOUT_DEFAULT, "documents.retry", NULL);
          return;
        }
      gtk_spinner_stop (self->spinner);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (items, create_item (self, g_ptr_array_index (documents, i)));
  self->loaded = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  update_state (self);
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
  if (!self->loaded || g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
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
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  self->action_cancellable = g_cancellable_new ();
  if (self->import_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_dialog));
  if (self->viewer != NULL)
    gtk_window_destroy (self->viewer);
  self->loaded = FALSE;
  g_list_store_remove_all (self->store);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* ---- Viewing ----------------------------------------------------------------------------- */

static void
view_document (TuttiDocumentsPage  *self,
               const TuttiDocument *document)
{
  if (document->id == 0 || self->client == NULL)
    return;

  if (self->viewer != NULL)
    gtk_window_destroy (self->viewer);
  g_set_weak_pointer (&self->viewer,
                      tutti_document_opener_open (GTK_WIDGET (self), self->client, TUTTI_DOCUMENT_SOURCE_FAMILY,
                                                  document, document_title (document),
                                                  document_file_name (document)));
}

/* ---- Deleting ----------------------------------------------------------------------------- */

typedef struct
{
  TuttiDocumentsPage *self;
  gint64              id;
  char               *file_name;
  gboolean            replaced;   /* the refused one a new file replaced */
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_clear_object (&data->self);
  g_free (data->file_name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeleteData, delete_data_free)

static void
delete_document_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DeleteData) data = user_data;
  TuttiDocumentsPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!tutti_client_delete_document_finish (TUTTI_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;
      if (data->replaced)
        /* Translators: %s is the reason, from the server */
        title = g_strdup_printf (_("The new document was sent, but the refused one could not be removed: %s"),
                                 error->message);
      else
        /* Translators: the first %s is a file name, the second the reason */
        title = g_strdup_printf (_("“%s” could not be deleted: %s"), data->file_name, error->message);
      /* Gone already or accepted meanwhile: no use trying again. */
      if (!g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND) &&
          !g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_CONFLICT))
        tutti_toasts_show (&self->toasts, title, 0, "documents.delete",
                           g_variant_new ("(xsb)", data->id, data->file_name, data->replaced));
      else
        tutti_toasts_show (&self->toasts, title, 0, NULL, NULL);
    }
  else if (!data->replaced)
    {
      /* Translators: %s is a file name */
      title = g_strdup_printf (_("“%s” deleted"), data->file_name);
      show_toast (self, title);
    }
  tutti_documents_page_refresh (self);
}

static void
delete_by_id (TuttiDocumentsPage *self,
              gint64              id,
              const char         *file_name,
              gboolean            replaced)
{
  DeleteData *data;

  if (self->client == NULL || id == 0)
    return;
  data = g_new0 (DeleteData, 1);
  data->self = g_object_ref (self);
  data->id = id;
  data->file_name = g_strdup (file_name);
  data->replaced = replaced;
  tutti_client_delete_document_async (self->client, id, self->action_cancellable,
                                      delete_document_cb, data);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gint64 id = 0;
  const char *file_name = NULL;
  gboolean replaced = FALSE;

  g_variant_get (parameter, "(x&sb)", &id, &file_name, &replaced);
  delete_by_id (TUTTI_DOCUMENTS_PAGE (widget), id, file_name, replaced);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  TuttiDocumentsPage *self = TUTTI_DOCUMENTS_PAGE (user_data);

  if (g_strcmp0 (response, "delete") != 0)
    return;
  delete_by_id (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "id")),
                g_object_get_data (G_OBJECT (dialog), "file-name"), FALSE);
}

static void
delete_document (TuttiDocumentsPage  *self,
                 const TuttiDocument *document)
{
  AdwMessageDialog *dialog;
  /* Translators: %s is the document's file name; %s is what it is, such as
   * “Relevé d'Identité bancaire” */
  g_autofree char *body = g_strdup_printf (_("“%s” (%s) will be removed from your file."),
                                           document_file_name (document), document_title (document));

  dialog = tutti_question_new (GTK_WIDGET (self), _("Delete This Document?"), body,
                               "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data (G_OBJECT (dialog), "id", GSIZE_TO_POINTER ((gsize) document->id));
  g_object_set_data_full (G_OBJECT (dialog), "file-name", g_strdup (document_file_name (document)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
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
      g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const TuttiDocument *document = item_document (item);
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
  gint64 replaced_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "replaces"));
  g_autofree char *title = NULL;

  if (replaced_id != 0)
    {
      /* Translators: %s is a file name */
      title = g_strdup_printf (_("“%s” sent to the school; it replaces the refused document"),
                               document_file_name (document));
      /* The refused one goes once the new one is safe on the server. */
      delete_by_id (self, replaced_id, g_object_get_data (G_OBJECT (dialog), "replaces-file-name"), TRUE);
    }
  else
    {
      /* Translators: %s is a file name */
      title = g_strdup_printf (_("“%s” sent to the school"), document_file_name (document));
      tutti_documents_page_refresh (self);
    }
  show_toast (self, title);
}

/* @kind: the document to preselect (nullable); @replaces: the refused
 * document the new file replaces, or NULL. */
static void
open_import_dialog (TuttiDocumentsPage  *self,
                    const char          *kind,
                    const TuttiDocument *replaces)
{
  g_autoptr(GPtrArray) kinds = collect_kinds (self);
  TuttiImportDialog *dialog;

  if (self->client == NULL || self->read_only)
    return;
  if (self->import_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_dialog));

  dialog = tutti_import_dialog_new (get_parent_window (self), self->client, kinds, kind);
  if (replaces != NULL)
    {
      g_object_set_data (G_OBJECT (dialog), "replaces", GSIZE_TO_POINTER ((gsize) replaces->id));
      g_object_set_data_full (G_OBJECT (dialog), "replaces-file-name",
                              g_strdup (document_file_name (replaces)), g_free);
      /* Which one is said by the document chosen below the file. */
      gtk_window_set_title (GTK_WINDOW (dialog), _("Replace a Refused Document"));
    }
  g_set_weak_pointer (&self->import_dialog, dialog);
  g_signal_connect_object (dialog, "uploaded", G_CALLBACK (uploaded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_clicked_cb (TuttiDocumentsPage *self)
{
  TuttiListItem *selected = gtk_single_selection_get_selected_item (self->selection);
  const char *kind = selected != NULL ? item_document (selected)->kind : NULL;

  /* Else the first document still to provide. */
  for (guint i = 0; kind == NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (item_document (item)->state == TUTTI_DOCUMENT_TO_PROVIDE)
        kind = item_document (item)->kind;
    }
  open_import_dialog (self, kind, NULL);
}

/* ---- A row's actions --------------------------------------------------------------------------- */

static void
run_action (TuttiDocumentsPage  *self,
            const TuttiDocument *document,
            RowAction            action)
{
  switch (action)
    {
    case ACTION_VIEW:
      view_document (self, document);
      break;
    case ACTION_IMPORT:
      open_import_dialog (self, document->kind, NULL);
      break;
    case ACTION_REPLACE:
      open_import_dialog (self, document->kind, document);
      break;
    case ACTION_DELETE:
      delete_document (self, document);
      break;
    case N_ACTIONS:
    default:
      break;
    }
}

static gboolean
action_shown (TuttiDocumentsPage  *self,
              const TuttiDocument *document,
              RowAction            action)
{
  switch (action)
    {
    case ACTION_VIEW:
      return document->id != 0;
    case ACTION_IMPORT:
      return document->id == 0 && !self->read_only;
    case ACTION_REPLACE:
      return document->id != 0 && document->state == TUTTI_DOCUMENT_REFUSED && !self->read_only;
    case ACTION_DELETE:
      return document->id != 0 && document->state != TUTTI_DOCUMENT_ACCEPTED && !self->read_only;
    case N_ACTIONS:
    default:
      return FALSE;
    }
}

static void
action_clicked_cb (GtkButton          *button,
                   TuttiDocumentsPage *self)
{
  TuttiListItem *item = g_object_get_data (G_OBJECT (button), "item");

  if (item != NULL)
    run_action (self, item_document (item),
                GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "action")));
}

/* Enter or a double-click on a row: what the row is for. */
static void
column_view_activate_cb (TuttiDocumentsPage *self,
                         guint               position)
{
  g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (item == NULL)
    return;
  if (action_shown (self, item_document (item), ACTION_VIEW))
    run_action (self, item_document (item), ACTION_VIEW);
  else if (action_shown (self, item_document (item), ACTION_IMPORT))
    run_action (self, item_document (item), ACTION_IMPORT);
}

/* ---- The columns ------------------------------------------------------------------------------ */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  TuttiDocumentsPage *self = g_object_get_data (G_OBJECT (factory), "tutti-view");
  Column column = GPOINTER_TO_UINT (user_data);

  if (column == COLUMN_ACTIONS)
    {
      /* The buttons one above the other, as words (a refused document
       * has View, Replace… and Delete): narrow enough for the table. */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      static const char * const labels[N_ACTIONS] = {
        [ACTION_VIEW] = N_("View"),
        [ACTION_IMPORT] = N_("Import…"),
        [ACTION_REPLACE] = N_("Replace…"),
        [ACTION_DELETE] = N_("Delete"),
      };

      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      for (RowAction action = 0; action < N_ACTIONS; action++)
        {
          GtkWidget *button = gtk_button_new_with_label (_(labels[action]));

          gtk_widget_add_css_class (button, "flat");
          if (action == ACTION_DELETE)
            gtk_widget_add_css_class (button, "error");
          gtk_widget_set_halign (button, GTK_ALIGN_START);
          g_object_set_data (G_OBJECT (button), "action", GUINT_TO_POINTER (action));
          g_signal_connect (button, "clicked", G_CALLBACK (action_clicked_cb), self);
          gtk_box_append (GTK_BOX (box), button);
        }
      gtk_list_item_set_child (list_item, box);
    }
  else if (column == COLUMN_NAME)
    {
      /* What the document is, and under it why the office refused it. */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *name = gtk_label_new (NULL);
      GtkWidget *reason = gtk_label_new (NULL);

      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_label_set_xalign (GTK_LABEL (name), 0.0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 36);
      gtk_label_set_xalign (GTK_LABEL (reason), 0.0);
      gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (reason), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (reason), 36);
      gtk_widget_add_css_class (reason, "caption");
      gtk_widget_add_css_class (reason, "error");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), reason);
      gtk_list_item_set_child (list_item, box);
    }
  else
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_SIZE ? 1.0 : 0.0);
      /* A file name may be long; a state, a date or a size are read whole. */
      gtk_label_set_wrap (GTK_LABEL (label), column == COLUMN_FILE_NAME);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_list_item_set_child (list_item, label);
    }
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  TuttiDocumentsPage *self = g_object_get_data (G_OBJECT (factory), "tutti-view");
  Column column = GPOINTER_TO_UINT (user_data);
  TuttiListItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (column == COLUMN_ACTIONS)
    {
      const char *title = document_title (item_document (item));

      for (GtkWidget *button = gtk_widget_get_first_child (child);
           button != NULL;
           button = gtk_widget_get_next_sibling (button))
        {
          RowAction action = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "action"));
          g_autofree char *label = NULL;

          g_object_set_data (G_OBJECT (button), "item", item);
          gtk_widget_set_visible (button, action_shown (self, item_document (item), action));
          /* Which document, for a screen reader reading the button alone. */
          switch (action)
            {
            case ACTION_VIEW:
              /* Translators: a button's accessible name; %s is what the document is */
              label = g_strdup_printf (_("View %s"), title);
              break;
            case ACTION_IMPORT:
              /* Translators: a button's accessible name; %s is what the document is */
              label = g_strdup_printf (_("Import %s"), title);
              break;
            case ACTION_REPLACE:
              /* Translators: a button's accessible name; %s is what the document is */
              label = g_strdup_printf (_("Replace %s"), title);
              break;
            case ACTION_DELETE:
            case N_ACTIONS:
            default:
              /* Translators: a button's accessible name; %s is what the document is */
              label = g_strdup_printf (_("Delete %s"), title);
              break;
            }
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        }
    }
  else if (column == COLUMN_NAME)
    {
      GtkWidget *name = gtk_widget_get_first_child (child);
      GtkWidget *reason = gtk_widget_get_next_sibling (name);
      g_autofree char *reason_text = NULL;

      gtk_label_set_label (GTK_LABEL (name), document_title (item_document (item)));
      if (item_document (item)->state == TUTTI_DOCUMENT_REFUSED && item_document (item)->reason != NULL &&
          *item_document (item)->reason != '\0')
        /* Translators: %s is why the school refused a request */
        reason_text = g_strdup_printf (_("Reason: %s"), item_document (item)->reason);
      gtk_label_set_label (GTK_LABEL (reason), reason_text != NULL ? reason_text : "");
      gtk_widget_set_visible (reason, reason_text != NULL);
    }
  else
    {
      g_autofree char *text = cell_text (self, item_document (item), column);

      gtk_label_set_label (GTK_LABEL (child), text);
      gtk_widget_remove_css_class (child, "error");
      gtk_widget_remove_css_class (child, "success");
      gtk_widget_remove_css_class (child, "warning");
      gtk_widget_remove_css_class (child, "dim-label");
      if (column == COLUMN_STATE)
        gtk_widget_add_css_class (child,
                                  item_document (item)->state == TUTTI_DOCUMENT_REFUSED ? "error" :
                                  item_document (item)->state == TUTTI_DOCUMENT_ACCEPTED ? "success" :
                                  item_document (item)->state == TUTTI_DOCUMENT_TO_PROVIDE ? "warning" : "dim-label");
    }
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (column != COLUMN_ACTIONS)
    return;
  for (GtkWidget *button = gtk_widget_get_first_child (child);
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    g_object_set_data (G_OBJECT (button), "item", NULL);
}

static void
add_column (TuttiDocumentsPage *self,
            Column              column,
            const char         *title,
            gboolean            expand)
{
  GtkColumnViewColumn *view_column = tutti_column_view_add_column (self->column_view, title, column,
                                                                   G_CALLBACK (setup_cb), G_CALLBACK (bind_cb),
                                                                   G_CALLBACK (unbind_cb), NULL, self);

  gtk_column_view_column_set_resizable (view_column, FALSE);
  gtk_column_view_column_set_expand (view_column, expand);
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
  g_cancellable_cancel (self->action_cancellable);
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
  g_clear_object (&self->action_cancellable);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_free (self->query);
  tutti_toasts_clear (&self->toasts);

  G_OBJECT_CLASS (tutti_documents_page_parent_class)->finalize (object);
}

static void
tutti_documents_page_class_init (TuttiDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_documents_page_dispose;
  object_class->finalize = tutti_documents_page_finalize;

  gtk_widget_class_install_action (widget_class, "documents.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "documents.delete", "(xsb)", delete_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_cb, NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiDocumentsPage, note_label);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
}

static void
tutti_documents_page_init (TuttiDocumentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tutti_toasts_init (&self->toasts, self->toast_overlay);

  self->cancellable = g_cancellable_new ();
  self->action_cancellable = g_cancellable_new ();
  /* The rows: store → search filter → selection. */
  self->store = g_list_store_new (TUTTI_TYPE_LIST_ITEM);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (self->filter));
  tutti_column_view_show_model (self->column_view, G_LIST_MODEL (self->filter_model));
  self->selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->column_view));
  /* Typing on the list goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  add_column (self, COLUMN_NAME, _("Document"), TRUE);
  add_column (self, COLUMN_FILE_NAME, _("File Name"), FALSE);
  add_column (self, COLUMN_DATE, _("Date"), FALSE);
  add_column (self, COLUMN_TIME, _("Time"), FALSE);
  add_column (self, COLUMN_SIZE, _("Size (MB)"), FALSE);
  add_column (self, COLUMN_STATE, _("State"), FALSE);
  add_column (self, COLUMN_ACTIONS, _("Actions"), FALSE);
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
  guint n;

  g_return_if_fail (TUTTI_IS_DOCUMENTS_PAGE (self));

  self->read_only = read_only;
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), !read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), !read_only);
  adw_status_page_set_description (self->empty_page,
                                   read_only ? _("No document was sent to the school.")
                                             : _("The documents you send to the school are listed here, "
                                                 "with what the office decided. Use Import… to send one."));
  /* The rows' buttons follow. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_list_model_items_changed (G_LIST_MODEL (self->store), 0, n, n);
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
  g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  return item != NULL ? item_document (item) : NULL;
}

char *
tutti_documents_page_get_state_text (TuttiDocumentsPage *self,
                                     guint               position)
{
  const TuttiDocument *document = tutti_documents_page_get_document (self, position);

  return document != NULL ? state_text (self, document) : NULL;
}

char *
tutti_documents_page_get_cell_text (TuttiDocumentsPage *self,
                                    guint               position,
                                    guint               column)
{
  const TuttiDocument *document = tutti_documents_page_get_document (self, position);

  g_return_val_if_fail (column < COLUMN_ACTIONS, NULL);

  return document != NULL ? cell_text (self, document, column) : NULL;
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

GtkSearchEntry *
tutti_documents_page_get_search_entry (TuttiDocumentsPage *self)
{
  return self->search_entry;
}

GtkColumnView *
tutti_documents_page_get_column_view (TuttiDocumentsPage *self)
{
  return self->column_view;
}

guint
tutti_documents_page_get_n_shown (TuttiDocumentsPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

const TuttiDocument *
tutti_documents_page_get_shown (TuttiDocumentsPage *self,
                                guint               position)
{
  g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  return item != NULL ? item_document (item) : NULL;
}

GtkWindow *
tutti_documents_page_get_viewer (TuttiDocumentsPage *self)
{
  return self->viewer;
}

const char *
tutti_documents_page_get_last_toast (TuttiDocumentsPage *self)
{
  return tutti_toasts_get_last_title (&self->toasts);
}

void
tutti_documents_page_run_action (TuttiDocumentsPage *self,
                                 guint               position,
                                 const char         *action)
{
  static const char * const names[N_ACTIONS] = {
    [ACTION_VIEW] = "view",
    [ACTION_IMPORT] = "import",
    [ACTION_REPLACE] = "replace",
    [ACTION_DELETE] = "delete",
  };
  const TuttiDocument *document = tutti_documents_page_get_shown (self, position);

  g_return_if_fail (document != NULL);

  for (RowAction i = 0; i < N_ACTIONS; i++)
    if (g_strcmp0 (action, names[i]) == 0)
      {
        g_return_if_fail (action_shown (self, document, i));
        run_action (self, document, i);
        return;
      }
  g_return_if_reached ();
}
