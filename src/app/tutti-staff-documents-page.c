/* tutti-staff-documents-page.c — STAFF-2: the documents awaiting the office's decision
 *
 * The documents families sent and nobody has decided yet (GET
 * /staff/documents?state=provided), in a GtkColumnView — a GListStore of
 * TuttiStaffDocumentItem, filtered by the search entry, sorted by the
 * column headers, the oldest first to start with: first come, first
 * served. Each row has View, Accept and Refuse…; Enter or a double-click
 * views it too: a PDF in TuttiDocumentView, an image in a window of its
 * own. Refuse… asks for the reason the family will read, which cannot be
 * left empty. A decided document leaves the list; a decision that fails
 * says why in a toast with Retry, and a refusal the server finds wrong
 * comes back in its dialog with what was typed.
 *
 * The staff list names a document's family by its number only (TuttiDocument
 * has no family name), so the Family column shows that number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tutti-call.h"
#include "tutti-document-opener.h"
#include "tutti-list-util.h"
#include "tutti-reason-dialog.h"
#include "tutti-staff-documents-page.h"
#include "tutti-toasts.h"
#include "tutti-window-private.h"

/* ---- Text helpers ------------------------------------------------------------- */

/* The family's name, as the server gives it to the office; its number
 * ("No. 3") only if it has none. */
static char *
format_family (const TuttiDocument *document)
{
  g_autofree char *number = NULL;

  if (!tutti_is_blank (document->family_name))
    return g_strdup (document->family_name);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, document->family_id);
  /* Translators: a family known by its number in the school's files, such as “No. 3” */
  return g_strdup_printf (_("No. %s"), number);
}

static const char *
field_label (const char *key,
             TuttiLang   lang)
{
  return tutti_text_get (&tutti_schema_lookup (&tutti_document_schema, key)->label, lang);
}

/* ---- One document of the list, as the list shows it ----------------------------- */

#define TUTTI_TYPE_STAFF_DOCUMENT_ITEM (tutti_staff_document_item_get_type ())

G_DECLARE_FINAL_TYPE (TuttiStaffDocumentItem, tutti_staff_document_item, TUTTI, STAFF_DOCUMENT_ITEM, GObject)

struct _TuttiStaffDocumentItem
{
  GObject        parent_instance;

  TuttiDocument *document;
  /* As shown, in the user's language. */
  char          *family_text;
  char          *kind_text;
  char          *file_text;
  char          *date_text;
  char          *file_size_text;  /* "caf.pdf · 0,12 Mo" */
  /* For sorting and searching. */
  gint64         uploaded;      /* Unix time; G_MAXINT64 when unknown */
  char          *kind_key;
  char          *file_key;
  char          *search_text;
  /* A decision on its way. */
  gboolean       busy;
};

enum {
  ITEM_PROP_0,
  ITEM_PROP_BUSY,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

G_DEFINE_FINAL_TYPE (TuttiStaffDocumentItem, tutti_staff_document_item, G_TYPE_OBJECT)

static void
tutti_staff_document_item_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TuttiStaffDocumentItem *self = TUTTI_STAFF_DOCUMENT_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tutti_staff_document_item_finalize (GObject *object)
{
  TuttiStaffDocumentItem *self = TUTTI_STAFF_DOCUMENT_ITEM (object);

  g_clear_pointer (&self->document, tutti_document_free);
  g_free (self->family_text);
  g_free (self->kind_text);
  g_free (self->file_text);
  g_free (self->date_text);
  g_free (self->file_size_text);
  g_free (self->kind_key);
  g_free (self->file_key);
  g_free (self->search_text);

  G_OBJECT_CLASS (tutti_staff_document_item_parent_class)->finalize (object);
}

static void
tutti_staff_document_item_class_init (TuttiStaffDocumentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tutti_staff_document_item_get_property;
  object_class->finalize = tutti_staff_document_item_finalize;

  item_properties[ITEM_PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
tutti_staff_document_item_init (TuttiStaffDocumentItem *self)
{
}

static void
tutti_staff_document_item_set_busy (TuttiStaffDocumentItem *self,
                                    gboolean                busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_BUSY]);
}

static TuttiStaffDocumentItem *
tutti_staff_document_item_new (const TuttiDocument *document,
                               TuttiLang            lang)
{
  TuttiStaffDocumentItem *self = g_object_new (TUTTI_TYPE_STAFF_DOCUMENT_ITEM, NULL);
  g_autoptr(GDateTime) uploaded = tutti_parse_datetime (document->uploaded_at);
  g_autofree char *search = NULL;
  g_autofree char *size = NULL;

  self->document = tutti_document_copy (document);
  self->family_text = format_family (document);
  self->kind_text = g_strdup (!tutti_is_blank (document->name) ? document->name
                              : document->kind != NULL ? document->kind : "");
  self->file_text = g_strdup (document->file_name != NULL ? document->file_name : "");
  self->date_text = tutti_format_datetime (document->uploaded_at, lang);
  size = tutti_format_size (document->size, lang);
  self->file_size_text = *self->file_text != '\0' ? g_strdup_printf ("%s · %s", self->file_text, size)
                                                   : g_strdup (size);

  self->uploaded = uploaded != NULL ? g_date_time_to_unix (uploaded) : G_MAXINT64;
  self->kind_key = tutti_sort_key_for_filename (self->kind_text);
  self->file_key = tutti_sort_key_for_filename (self->file_text);

  search = g_strjoin ("\n", self->family_text, self->kind_text, self->file_text, NULL);
  self->search_text = tutti_search_fold (search);

  return self;
}

/* ---- Columns ------------------------------------------------------------------ */

/* The document's kind and, under it, its file name and size share a
 * column, so that the row's buttons fit beside them. */
typedef enum
{
  COLUMN_FAMILY,
  COLUMN_KIND,
  COLUMN_DATE,
  COLUMN_ACTIONS,
  N_COLUMNS
} Column;

/* The field of TuttiDocument whose label titles each column. */
static const char * const column_keys[N_COLUMNS] = {
  [COLUMN_FAMILY]  = "family_id",
  [COLUMN_KIND]    = "name",
  [COLUMN_DATE]    = "uploaded_at",
  [COLUMN_ACTIONS] = NULL,
};

#define ITEM(p) TUTTI_STAFF_DOCUMENT_ITEM ((gpointer) (p))

static int
compare_dates (const TuttiStaffDocumentItem *a,
               const TuttiStaffDocumentItem *b)
{
  if (a->uploaded != b->uploaded)
    return a->uploaded < b->uploaded ? -1 : 1;
  if (a->document->id != b->document->id)
    return a->document->id < b->document->id ? -1 : 1;
  return 0;
}

static int
compare_family (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  gint64 fa = ITEM (a)->document->family_id;
  gint64 fb = ITEM (b)->document->family_id;

  if (fa != fb)
    return fa < fb ? -1 : 1;
  return compare_dates (a, b);
}

static int
compare_kind (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  int cmp = strcmp (ITEM (a)->kind_key, ITEM (b)->kind_key);

  if (cmp == 0)
    cmp = strcmp (ITEM (a)->file_key, ITEM (b)->file_key);
  return cmp != 0 ? cmp : compare_dates (a, b);
}


static int
compare_date (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return compare_dates (a, b);
}

static const GCompareDataFunc column_compare[N_COLUMNS] = {
  [COLUMN_FAMILY]  = compare_family,
  [COLUMN_KIND]    = compare_kind,
  [COLUMN_DATE]    = compare_date,
  [COLUMN_ACTIONS] = NULL,
};

/* The buttons of a row's last cell. */
typedef struct
{
  GtkWidget *view_button;
  GtkWidget *accept_button;
  GtkWidget *refuse_button;
  GtkWidget *spinner;
  TuttiStaffDocumentItem *item;   /* the one bound */
  gulong     busy_handler;
} ActionsCell;

static void
actions_cell_free (gpointer data)
{
  ActionsCell *cell = data;

  if (cell->item != NULL)
    g_clear_signal_handler (&cell->busy_handler, cell->item);
  g_clear_object (&cell->item);
  g_free (cell);
}

static void
actions_cell_update (ActionsCell *cell)
{
  gboolean busy = cell->item != NULL && cell->item->busy;

  gtk_widget_set_sensitive (cell->accept_button, !busy);
  gtk_widget_set_sensitive (cell->refuse_button, !busy);
  gtk_widget_set_visible (cell->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (cell->spinner), busy);
}

static GtkWidget *
new_row_button (const char *label,
                const char *icon_name,
                const char *action_name)
{
  GtkWidget *button = gtk_button_new ();

  if (label != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (button), label);
      gtk_button_set_use_underline (GTK_BUTTON (button), FALSE);
    }
  else
    gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
  /* The document's id comes when the row is bound; until then, none. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *widget;

  if (column == COLUMN_ACTIONS)
    {
      ActionsCell *cell = g_new0 (ActionsCell, 1);

      widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_halign (widget, GTK_ALIGN_END);
      gtk_widget_set_margin_end (widget, 6);
      cell->view_button = new_row_button (NULL, "x-office-document-symbolic", "staff-documents.view");
      gtk_widget_add_css_class (cell->view_button, "flat");
      gtk_widget_set_tooltip_text (cell->view_button, _("View"));
      cell->accept_button = new_row_button (_("Accept"), NULL, "staff-documents.accept");
      cell->refuse_button = new_row_button (_("Refuse…"), NULL, "staff-documents.refuse");
      cell->spinner = gtk_spinner_new ();
      gtk_widget_set_visible (cell->spinner, FALSE);
      gtk_widget_set_tooltip_text (cell->spinner, _("Sending the decision…"));
      gtk_box_append (GTK_BOX (widget), cell->spinner);
      gtk_box_append (GTK_BOX (widget), cell->view_button);
      gtk_box_append (GTK_BOX (widget), cell->accept_button);
      gtk_box_append (GTK_BOX (widget), cell->refuse_button);
      g_object_set_data_full (G_OBJECT (widget), "tutti-actions-cell", cell, actions_cell_free);
    }
  else if (column == COLUMN_KIND)
    {
      GtkWidget *kind = tutti_cell_line_new ();
      GtkWidget *file = tutti_cell_line_new ();

      /* The kind, and under it the file's name and size. */
      widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
      gtk_label_set_ellipsize (GTK_LABEL (kind), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (kind), 16);
      gtk_label_set_ellipsize (GTK_LABEL (file), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_add_css_class (file, "caption");
      gtk_widget_add_css_class (file, "dim-label");
      gtk_box_append (GTK_BOX (widget), kind);
      gtk_box_append (GTK_BOX (widget), file);
    }
  else
    {
      widget = tutti_cell_line_new ();
      if (column == COLUMN_DATE)
        gtk_widget_add_css_class (widget, "numeric");
      else
        {
          gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (widget), 5);
        }
    }

  gtk_list_item_set_child (list_item, widget);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  TuttiStaffDocumentItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_ACTIONS:
      {
        ActionsCell *cell = g_object_get_data (G_OBJECT (widget), "tutti-actions-cell");
        GVariant *target = g_variant_new_int64 (item->document->id);
        g_autofree char *view_name = NULL;
        g_autofree char *accept_name = NULL;
        g_autofree char *refuse_name = NULL;

        g_variant_ref_sink (target);
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (cell->view_button), target);
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (cell->accept_button), target);
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (cell->refuse_button), target);
        g_variant_unref (target);

        /* Translators: what a screen reader says of a button; %s is a file name */
        view_name = g_strdup_printf (_("View “%s”"), item->file_text);
        /* Translators: what a screen reader says of a button; %s is a file name */
        accept_name = g_strdup_printf (_("Accept “%s”"), item->file_text);
        /* Translators: what a screen reader says of a button; %s is a file name */
        refuse_name = g_strdup_printf (_("Refuse “%s”"), item->file_text);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell->view_button),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, view_name, -1);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell->accept_button),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, accept_name, -1);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell->refuse_button),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, refuse_name, -1);

        cell->item = g_object_ref (item);
        cell->busy_handler = g_signal_connect_swapped (item, "notify::busy",
                                                       G_CALLBACK (actions_cell_update), cell);
        actions_cell_update (cell);
      }
      return;

    case COLUMN_FAMILY:
      text = item->family_text;
      break;

    case COLUMN_KIND:
      {
        GtkWidget *kind = gtk_widget_get_first_child (widget);
        GtkWidget *file = gtk_widget_get_next_sibling (kind);

        gtk_label_set_label (GTK_LABEL (kind), item->kind_text);
        /* Whole, when the column is too narrow for them. */
        gtk_widget_set_tooltip_text (kind, *item->kind_text != '\0' ? item->kind_text : NULL);
        gtk_label_set_label (GTK_LABEL (file), item->file_size_text);
        gtk_widget_set_tooltip_text (file, item->file_size_text);
      }
      return;

    case COLUMN_DATE:
    case N_COLUMNS:
    default:
      text = item->date_text;
      break;
    }

  gtk_label_set_label (GTK_LABEL (widget), text);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  ActionsCell *cell;

  if (column != COLUMN_ACTIONS || widget == NULL)
    return;

  cell = g_object_get_data (G_OBJECT (widget), "tutti-actions-cell");
  if (cell->item != NULL)
    g_clear_signal_handler (&cell->busy_handler, cell->item);
  g_clear_object (&cell->item);
}

/* ---- The page ----------------------------------------------------------------- */

struct _TuttiStaffDocumentsPage
{
  AdwBin               parent_instance;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  GtkSearchEntry      *search_entry;
  GtkButton           *refresh_button;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;

  GtkColumnViewColumn *columns[N_COLUMNS];   /* owned by the column view */
  GListStore          *store;
  GtkFilter           *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  char               **query;                /* tutti_search_words(), all to be found */

  TuttiClient         *client;
  GCancellable        *cancellable;
  guint                generation;   /* bumped by clear(): late answers are dropped */
  gboolean             loading;
  gboolean             loaded;
  guint                n_documents;
  guint                n_deciding;

  /* The reason last typed for each document refused, by id: kept for a
   * retry and for the dialog that comes back after a refusal. */
  GHashTable          *reasons;

  GtkWindow           *preview;      /* (weak): the preview open */
  TuttiReasonDialog   *refusal;      /* (weak): the refusal's dialog open */
  TuttiToasts          toasts;
};

G_DEFINE_FINAL_TYPE (TuttiStaffDocumentsPage, tutti_staff_documents_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static TuttiLang
get_lang (TuttiStaffDocumentsPage *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : TUTTI_LANG_EN;
}

static GtkWindow *
get_parent_window (TuttiStaffDocumentsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* @retry_action (nullable) with @retry_target, a document id: long
 * enough to read why and to press Retry. */
static void
show_toast (TuttiStaffDocumentsPage *self,
            const char              *title,
            const char              *retry_action,
            gint64                   retry_target)
{
  tutti_toasts_show (&self->toasts, title, retry_action != NULL ? 10 : TUTTI_TOAST_TIMEOUT_DEFAULT,
                     retry_action, retry_target > 0 ? g_variant_new_int64 (retry_target) : NULL);
}

/* A call about the document @document_id (0: the list) deciding @state. */
static TuttiCall *
call_new (TuttiStaffDocumentsPage *self,
          gint64                   document_id,
          TuttiDocumentState       state)
{
  TuttiCall *call = tutti_call_new (self, &self->generation, NULL, self->cancellable);

  call->id = document_id;
  call->state = state;
  return call;
}

/* ---- The list ----------------------------------------------------------------- */

static void
set_n_documents (TuttiStaffDocumentsPage *self,
                 guint                    n_documents)
{
  if (self->n_documents == n_documents)
    return;
  self->n_documents = n_documents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);
}

static void
update_list_page (TuttiStaffDocumentsPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0;

  gtk_stack_set_visible_child_name (self->list_stack, any ? "list" : "no-results");
  if (self->loaded)
    gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "content" : "empty");
  set_n_documents (self, n_items);
}

static TuttiStaffDocumentItem *
find_item (TuttiStaffDocumentsPage *self,
           gint64                   document_id,
           guint                   *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TuttiStaffDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (item->document->id == document_id)
        {
          if (position != NULL)
            *position = i;
          /* The store keeps it. */
          return item;
        }
    }
  return NULL;
}

/* Whether the list already shows @documents, as they are. */
static gboolean
shows_documents (TuttiStaffDocumentsPage *self,
                 GPtrArray               *documents)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (documents == NULL || n != documents->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TuttiStaffDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (!tutti_record_equal (&tutti_document_schema, item->document, g_ptr_array_index (documents, i)))
        return FALSE;
    }
  return TRUE;
}

/* The list as the server sent it; a document whose decision is on its
 * way stays busy. A refresh that brings nothing new leaves the rows as
 * they are, so that a click on one is not lost. */
static void
set_documents (TuttiStaffDocumentsPage *self,
               GPtrArray               *documents)
{
  TuttiLang lang = get_lang (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (shows_documents (self, documents))
    {
      update_list_page (self);
      return;
    }

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      const TuttiDocument *document = g_ptr_array_index (documents, i);
      TuttiStaffDocumentItem *old = find_item (self, document->id, NULL);
      TuttiStaffDocumentItem *item = tutti_staff_document_item_new (document, lang);

      item->busy = old != NULL && old->busy;
      g_ptr_array_add (items, item);
    }

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  update_list_page (self);
}

static void
list_documents_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TuttiCall) call = user_data;
  TuttiStaffDocumentsPage *self = call->owner;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  documents = tutti_client_list_staff_documents_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_is_wanted (call, error))
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);

  if (documents == NULL)
    {
      g_debug ("Loading the documents to check: %s", error->message);

      /* The window goes back to the login page by itself. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;

      if (!self->loaded)
        {
          g_autofree char *description = tutti_call_describe_error (self->client, error);

          adw_status_page_set_description (self->error_page, description);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        show_toast (self, _("Could not refresh the documents to check"), "staff-documents.refresh", 0);
      return;
    }

  self->loaded = TRUE;
  set_documents (self, documents);
}

void
tutti_staff_documents_page_refresh (TuttiStaffDocumentsPage *self)
{
  TuttiAccount *account;

  g_return_if_fail (TUTTI_IS_STAFF_DOCUMENTS_PAGE (self));

  if (self->client == NULL || !tutti_client_is_logged_in (self->client) || self->loading)
    return;
  /* The documents of every family are the office's: a family's token
   * would only get a 403. */
  account = tutti_client_get_account (self->client);
  if (account == NULL || account->role != TUTTI_ROLE_STAFF)
    return;

  self->loading = TRUE;
  if (!self->loaded)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }

  tutti_client_list_staff_documents_async (self->client, TUTTI_DOCUMENT_PROVIDED, 0, self->cancellable,
                                           list_documents_cb, call_new (self, 0, 0));
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tutti_staff_documents_page_refresh (TUTTI_STAFF_DOCUMENTS_PAGE (widget));
}

/* ---- Search --------------------------------------------------------------------- */

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  TuttiStaffDocumentsPage *self = user_data;

  return tutti_search_match_words (TUTTI_STAFF_DOCUMENT_ITEM (item)->search_text, self->query);
}

static void
search_changed_cb (TuttiStaffDocumentsPage *self,
                   GtkSearchEntry          *entry)
{
  g_clear_pointer (&self->query, g_strfreev);
  self->query = tutti_search_words (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Escape empties the search. */
static void
stop_search_cb (TuttiStaffDocumentsPage *self,
                GtkSearchEntry          *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
filter_items_changed_cb (TuttiStaffDocumentsPage *self)
{
  update_list_page (self);
}

/* Ctrl+F, from anywhere in the window while the page is shown. */
static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  TuttiStaffDocumentsPage *self = TUTTI_STAFF_DOCUMENTS_PAGE (widget);

  if (!gtk_widget_is_drawable (widget) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "content") != 0)
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Ctrl+R and F5, while the page is shown. */
static gboolean
refresh_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  if (!gtk_widget_is_drawable (widget))
    return FALSE;

  tutti_staff_documents_page_refresh (TUTTI_STAFF_DOCUMENTS_PAGE (widget));
  return TRUE;
}

/* ---- Viewing -------------------------------------------------------------------- */

/* Under a document's name in its preview: its file and its family. */
static char *
format_preview_subtitle (TuttiStaffDocumentItem *item)
{
  /* Translators: under a document's name in its preview: the file
   * name, then the family, such as “caf.pdf · No. 3” */
  return g_strdup_printf (_("%s · %s"), item->file_text, item->family_text);
}

static void
close_preview (TuttiStaffDocumentsPage *self)
{
  if (self->preview != NULL)
    gtk_window_destroy (self->preview);
  g_clear_weak_pointer (&self->preview);
}

/* A PDF in TuttiDocumentView, an image in a window of its own. */
static void
view_item (TuttiStaffDocumentsPage *self,
           TuttiStaffDocumentItem  *item)
{
  g_autofree char *subtitle = NULL;

  if (self->client == NULL)
    return;

  close_preview (self);
  subtitle = format_preview_subtitle (item);
  g_set_weak_pointer (&self->preview,
                      tutti_document_opener_open (GTK_WIDGET (self), self->client, TUTTI_DOCUMENT_SOURCE_STAFF,
                                                  item->document, item->kind_text, subtitle));
}

static void
view_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TuttiStaffDocumentsPage *self = TUTTI_STAFF_DOCUMENTS_PAGE (widget);
  TuttiStaffDocumentItem *item = find_item (self, g_variant_get_int64 (parameter), NULL);

  if (item != NULL)
    view_item (self, item);
}

/* Enter or a double-click on a row (GtkColumnView::activate). */
static void
column_view_activate_cb (TuttiStaffDocumentsPage *self,
                         guint                    position,
                         GtkColumnView           *column_view)
{
  g_autoptr(TuttiStaffDocumentItem) item = NULL;

  item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (column_view)), position);
  if (item != NULL)
    view_item (self, item);
}

/* ---- Deciding ------------------------------------------------------------------- */

static void open_refusal (TuttiStaffDocumentsPage *self,
                          TuttiStaffDocumentItem  *item,
                          const char              *error_message);

static void
set_item_busy (TuttiStaffDocumentsPage *self,
               TuttiStaffDocumentItem  *item,
               gboolean                 busy)
{
  if (item->busy == !!busy)
    return;
  tutti_staff_document_item_set_busy (item, busy);
  if (busy)
    self->n_deciding++;
  else if (self->n_deciding > 0)
    self->n_deciding--;
}

static void
decide_document_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TuttiCall) call = user_data;
  TuttiStaffDocumentsPage *self = call->owner;
  gint64 document_id = call->id;
  TuttiDocumentState state = call->state;
  g_autoptr(TuttiDocument) decided = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;
  TuttiStaffDocumentItem *item;
  guint position = 0;

  decided = tutti_client_decide_document_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_is_wanted (call, error))
    return;

  item = find_item (self, document_id, &position);
  if (item != NULL)
    set_item_busy (self, item, FALSE);
  else if (self->n_deciding > 0)
    self->n_deciding--;

  /* Kept apart: the item may leave the list below. */
  file_name = g_strdup (item != NULL ? item->file_text
                        : decided != NULL && decided->file_name != NULL ? decided->file_name : "");

  if (decided == NULL)
    {
      GHashTable *fields = tutti_api_error_get_fields (error);
      const char *reason_error = fields != NULL ? g_hash_table_lookup (fields, "reason") : NULL;

      g_debug ("Deciding a document: %s", error->message);

      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND))
        {
          /* Translators: %s is a file name */
          title = g_strdup_printf (_("“%s” no longer exists: the family deleted it"), file_name);
          show_toast (self, title, NULL, 0);
          tutti_staff_documents_page_refresh (self);
          return;
        }
      /* The reason refused: back in its dialog, with what was typed. */
      if (state == TUTTI_DOCUMENT_REFUSED && reason_error != NULL && item != NULL)
        {
          open_refusal (self, item, reason_error);
          return;
        }

      if (state == TUTTI_DOCUMENT_ACCEPTED)
        /* Translators: %s is a file name; then the reason, such as “The server cannot be reached.” */
        title = g_strdup_printf (_("Could not accept “%s”. %s"), file_name, error->message);
      else
        /* Translators: %s is a file name; then the reason, such as “The server cannot be reached.” */
        title = g_strdup_printf (_("Could not refuse “%s”. %s"), file_name, error->message);
      show_toast (self, title,
                  item == NULL ? NULL
                  : state == TUTTI_DOCUMENT_ACCEPTED ? "staff-documents.accept" : "staff-documents.send-refusal",
                  document_id);
      return;
    }

  /* Decided: it leaves the list. */
  g_hash_table_remove (self->reasons, &document_id);
  if (item != NULL)
    {
      g_list_store_remove (self->store, position);
      update_list_page (self);
    }
  if (decided->state == TUTTI_DOCUMENT_ACCEPTED)
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("“%s” accepted"), file_name);
  else
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("“%s” refused: the family can see why"), file_name);
  show_toast (self, title, NULL, 0);
}

static void
decide (TuttiStaffDocumentsPage *self,
        gint64                   document_id,
        TuttiDocumentState       state)
{
  TuttiStaffDocumentItem *item = find_item (self, document_id, NULL);
  const char *reason = NULL;

  if (item == NULL || item->busy || self->client == NULL)
    return;
  if (state == TUTTI_DOCUMENT_REFUSED)
    {
      reason = g_hash_table_lookup (self->reasons, &document_id);
      if (tutti_is_blank (reason))
        return;
    }

  tutti_toasts_dismiss (&self->toasts);
  set_item_busy (self, item, TRUE);
  tutti_client_decide_document_async (self->client, document_id, state, reason, self->cancellable,
                                      decide_document_cb, call_new (self, document_id, state));
}

static void
accept_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  decide (TUTTI_STAFF_DOCUMENTS_PAGE (widget), g_variant_get_int64 (parameter), TUTTI_DOCUMENT_ACCEPTED);
}

/* Retry of a refusal that could not be sent: the same reason again. */
static void
send_refusal_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  decide (TUTTI_STAFF_DOCUMENTS_PAGE (widget), g_variant_get_int64 (parameter), TUTTI_DOCUMENT_REFUSED);
}

/* ---- The refusal's dialog ----------------------------------------------------------- */

static void
refusal_response_cb (TuttiReasonDialog       *dialog,
                     const char              *response,
                     TuttiStaffDocumentsPage *self)
{
  gint64 document_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "tutti-document-id"));
  char *reason = tutti_reason_dialog_dup_reason (dialog);

  /* Kept whatever the answer: Refuse… again starts from it. */
  g_hash_table_replace (self->reasons, g_memdup2 (&document_id, sizeof (gint64)),
                        reason != NULL ? reason : g_strdup (""));

  if (g_strcmp0 (response, TUTTI_REASON_DIALOG_REFUSE) != 0 || reason == NULL)
    return;
  decide (self, document_id, TUTTI_DOCUMENT_REFUSED);
}

/* The reason is required and as long as core allows; @error_message
 * (nullable): what the server said of the reason last sent. */
static void
open_refusal (TuttiStaffDocumentsPage *self,
              TuttiStaffDocumentItem  *item,
              const char              *error_message)
{
  const char *kept = g_hash_table_lookup (self->reasons, &item->document->id);
  g_autofree char *body = NULL;
  TuttiReasonDialog *dialog;

  if (self->refusal != NULL)
    gtk_window_destroy (GTK_WINDOW (self->refusal));

  /* Translators: the first %s is a file name, the second a kind of document,
   * the third a family, such as “No. 3” */
  body = g_strdup_printf (_("“%s” (%s) of family %s will be refused. The family reads the reason with its "
                            "documents and can send another one."),
                          item->file_text, item->kind_text, item->family_text);
  dialog = tutti_reason_dialog_new (get_parent_window (self), _("Refuse This Document?"), body,
                                    tutti_schema_lookup (&tutti_document_schema, "reason"), TRUE,
                                    get_lang (self));
  g_object_set_data (G_OBJECT (dialog), "tutti-document-id", GSIZE_TO_POINTER ((gsize) item->document->id));
  if (kept != NULL || error_message != NULL)
    tutti_reason_dialog_set_reason (dialog, kept, error_message);
  g_signal_connect_object (dialog, "response", G_CALLBACK (refusal_response_cb), self, 0);

  g_set_weak_pointer (&self->refusal, dialog);
  tutti_reason_dialog_present (dialog);
}

static void
refuse_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TuttiStaffDocumentsPage *self = TUTTI_STAFF_DOCUMENTS_PAGE (widget);
  TuttiStaffDocumentItem *item = find_item (self, g_variant_get_int64 (parameter), NULL);

  if (item != NULL && !item->busy)
    open_refusal (self, item, NULL);
}

/* ---- Public ------------------------------------------------------------------- */

void
tutti_staff_documents_page_clear (TuttiStaffDocumentsPage *self)
{
  g_return_if_fail (TUTTI_IS_STAFF_DOCUMENTS_PAGE (self));

  self->generation++;
  self->loading = FALSE;
  self->loaded = FALSE;
  self->n_deciding = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  close_preview (self);
  if (self->refusal != NULL)
    gtk_window_destroy (GTK_WINDOW (self->refusal));
  g_clear_weak_pointer (&self->refusal);
  g_hash_table_remove_all (self->reasons);

  g_list_store_remove_all (self->store);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  tutti_toasts_forget (&self->toasts);
  set_n_documents (self, 0);
}

void
tutti_staff_documents_page_set_client (TuttiStaffDocumentsPage *self,
                                       TuttiClient             *client)
{
  TuttiLang lang;

  g_return_if_fail (TUTTI_IS_STAFF_DOCUMENTS_PAGE (self));

  g_set_object (&self->client, client);

  /* The columns' titles: core's labels of the document's fields. */
  lang = get_lang (self);
  for (guint c = 0; c < N_COLUMNS; c++)
    if (column_keys[c] != NULL)
      gtk_column_view_column_set_title (self->columns[c], field_label (column_keys[c], lang));
}

guint
tutti_staff_documents_page_get_n_documents (TuttiStaffDocumentsPage *self)
{
  g_return_val_if_fail (TUTTI_IS_STAFF_DOCUMENTS_PAGE (self), 0);

  return self->n_documents;
}

/* ---- GObject ---------------------------------------------------------------- */

static void
tutti_staff_documents_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  TuttiStaffDocumentsPage *self = TUTTI_STAFF_DOCUMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, self->n_documents);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tutti_staff_documents_page_dispose (GObject *object)
{
  TuttiStaffDocumentsPage *self = TUTTI_STAFF_DOCUMENTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  close_preview (self);
  if (self->refusal != NULL)
    gtk_window_destroy (GTK_WINDOW (self->refusal));
  g_clear_weak_pointer (&self->refusal);

  /* AdwBin unparents its child itself: drop it first, so that a child
   * bound as a template child is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_STAFF_DOCUMENTS_PAGE);

  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (tutti_staff_documents_page_parent_class)->dispose (object);
}

static void
tutti_staff_documents_page_finalize (GObject *object)
{
  TuttiStaffDocumentsPage *self = TUTTI_STAFF_DOCUMENTS_PAGE (object);

  g_clear_pointer (&self->reasons, g_hash_table_unref);
  g_clear_pointer (&self->query, g_strfreev);
  tutti_toasts_clear (&self->toasts);

  G_OBJECT_CLASS (tutti_staff_documents_page_parent_class)->finalize (object);
}

static void
tutti_staff_documents_page_class_init (TuttiStaffDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tutti_staff_documents_page_get_property;
  object_class->dispose = tutti_staff_documents_page_dispose;
  object_class->finalize = tutti_staff_documents_page_finalize;

  properties[PROP_N_DOCUMENTS] =
    g_param_spec_uint ("n-documents", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "staff-documents.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "staff-documents.view", "x", view_activated);
  gtk_widget_class_install_action (widget_class, "staff-documents.accept", "x", accept_activated);
  gtk_widget_class_install_action (widget_class, "staff-documents.refuse", "x", refuse_activated);
  gtk_widget_class_install_action (widget_class, "staff-documents.send-refusal", "x", send_refusal_activated);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-staff-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffDocumentsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffDocumentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffDocumentsPage, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffDocumentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffDocumentsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffDocumentsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffDocumentsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffDocumentsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
}

static void
setup_columns (TuttiStaffDocumentsPage *self)
{
  self->store = g_list_store_new (TUTTI_TYPE_STAFF_DOCUMENT_ITEM);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_item, self, NULL));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (self->filter));
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (filter_items_changed_cb), self);

  /* Titled once the client says in which language. */
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      self->columns[c] = tutti_column_view_add_column (self->column_view, NULL, c,
                                                       G_CALLBACK (setup_cell_cb), G_CALLBACK (bind_cell_cb),
                                                       G_CALLBACK (unbind_cell_cb), column_compare[c], self);
      gtk_column_view_column_set_resizable (self->columns[c], column_compare[c] != NULL);
      gtk_column_view_column_set_expand (self->columns[c], c == COLUMN_KIND);
    }

  /* The column headers sort the list; first come, first served to start with. */
  self->sort_model = tutti_column_view_show_sorted_model (self->column_view, G_LIST_MODEL (self->filter_model),
                                                          self->columns[COLUMN_DATE], GTK_SORT_ASCENDING);

  /* Typing in the list searches it. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

static void
tutti_staff_documents_page_init (TuttiStaffDocumentsPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->reasons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  tutti_toasts_init (&self->toasts, self->toast_overlay);

  setup_columns (self);

  tutti_list_add_shortcuts (GTK_WIDGET (self), focus_search_cb, refresh_shortcut_cb);
}

/* ---- For the UI test ---------------------------------------------------------- */

const char *
tutti_staff_documents_page_get_state (TuttiStaffDocumentsPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkSearchEntry *
tutti_staff_documents_page_get_search_entry (TuttiStaffDocumentsPage *self)
{
  return self->search_entry;
}

GtkColumnView *
tutti_staff_documents_page_get_column_view (TuttiStaffDocumentsPage *self)
{
  return self->column_view;
}

guint
tutti_staff_documents_page_get_n_shown (TuttiStaffDocumentsPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

const TuttiDocument *
tutti_staff_documents_page_get_shown_document (TuttiStaffDocumentsPage *self,
                                               guint                    position)
{
  g_autoptr(TuttiStaffDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  /* The store keeps the item, and the item its document. */
  return item != NULL ? item->document : NULL;
}

gboolean
tutti_staff_documents_page_get_busy (TuttiStaffDocumentsPage *self)
{
  return self->n_deciding > 0;
}

gboolean
tutti_staff_documents_page_get_loading (TuttiStaffDocumentsPage *self)
{
  return self->loading;
}

GtkWindow *
tutti_staff_documents_page_get_preview (TuttiStaffDocumentsPage *self)
{
  return self->preview;
}

AdwMessageDialog *
tutti_staff_documents_page_get_refusal_dialog (TuttiStaffDocumentsPage *self)
{
  return self->refusal != NULL ? ADW_MESSAGE_DIALOG (self->refusal) : NULL;
}

AdwEntryRow *
tutti_staff_documents_page_get_refusal_reason_row (TuttiStaffDocumentsPage *self)
{
  return self->refusal != NULL ? tutti_reason_dialog_get_reason_row (self->refusal) : NULL;
}

const char *
tutti_staff_documents_page_get_refusal_error (TuttiStaffDocumentsPage *self)
{
  return self->refusal != NULL ? tutti_reason_dialog_get_error (self->refusal) : NULL;
}

const char *
tutti_staff_documents_page_get_last_toast (TuttiStaffDocumentsPage *self)
{
  return tutti_toasts_get_last_title (&self->toasts);
}
