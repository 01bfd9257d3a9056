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

#include "tutti-document-view.h"
#include "tutti-staff-documents-page.h"
#include "tutti-window-private.h"

/* ---- Text helpers ------------------------------------------------------------- */

/* What searching compares: lower case, accents dropped, so that "quotient"
 * finds "Quotient" and "attestation" finds "ATTESTATION". */
static char *
fold_for_search (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (bare, g_unichar_isspace (c) ? ' ' : c);
    }

  return g_utf8_casefold (bare->str, -1);
}

/* A key that sorts as people expect ("é" with "e", case aside). */
static char *
sort_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  return g_utf8_collate_key_for_filename (folded, -1);
}

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
  self->kind_key = sort_key (self->kind_text);
  self->file_key = sort_key (self->file_text);

  search = g_strjoin ("\n", self->family_text, self->kind_text, self->file_text, NULL);
  self->search_text = fold_for_search (search);

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

static GtkWidget *
new_cell_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  return label;
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
      GtkWidget *kind = new_cell_label ();
      GtkWidget *file = new_cell_label ();

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
      widget = new_cell_label ();
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
  char               **query;                /* folded words, all to be found */

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
  AdwMessageDialog    *refusal;      /* (weak): the refusal's dialog open */
  AdwToast            *toast;        /* (weak): the one shown */
  char                *last_toast;
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

/* A toast says what was just done: an older one does not wait its turn
 * before it. @retry_action (nullable) with @retry_target, a document id. */
static void
dismiss_toast (TuttiStaffDocumentsPage *self)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_clear_weak_pointer (&self->toast);
}

static void
show_toast (TuttiStaffDocumentsPage *self,
            const char              *title,
            const char              *retry_action,
            gint64                   retry_target)
{
  AdwToast *toast;

  dismiss_toast (self);
  toast = adw_toast_new (title);
  g_set_weak_pointer (&self->toast, toast);

  if (retry_action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Retry"));
      adw_toast_set_action_name (toast, retry_action);
      if (retry_target > 0)
        adw_toast_set_action_target_value (toast, g_variant_new_int64 (retry_target));
      /* Long enough to read why and to press Retry. */
      adw_toast_set_timeout (toast, 10);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
}

/* Calls carry the page, the generation they were made in, and the
 * document they are about. */
typedef struct
{
  TuttiStaffDocumentsPage *self;
  guint                    generation;
  gint64                   document_id;
  TuttiDocumentState       state;
} CallData;

static CallData *
call_data_new (TuttiStaffDocumentsPage *self,
               gint64                   document_id,
               TuttiDocumentState       state)
{
  CallData *data = g_new0 (CallData, 1);

  data->self = g_object_ref (self);
  data->generation = self->generation;
  data->document_id = document_id;
  data->state = state;
  return data;
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
  CallData *data = user_data;
  g_autoptr(TuttiStaffDocumentsPage) self = data->self;
  guint generation = data->generation;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  g_free (data);

  documents = tutti_client_list_staff_documents_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || generation != self->generation)
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
          g_autofree char *description = NULL;

          if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE) ||
              error->domain != TUTTI_API_ERROR)
            description = g_strdup_printf (_("The server at %s cannot be reached. Check the connection, then try again."),
                                           tutti_client_get_base_url (self->client));
          else
            description = g_strdup (error->message);
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
                                           list_documents_cb, call_data_new (self, 0, 0));
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
  const char *text = TUTTI_STAFF_DOCUMENT_ITEM (item)->search_text;

  for (guint i = 0; self->query != NULL && self->query[i] != NULL; i++)
    if (strstr (text, self->query[i]) == NULL)
      return FALSE;

  return TRUE;
}

static void
search_changed_cb (TuttiStaffDocumentsPage *self,
                   GtkSearchEntry          *entry)
{
  g_autofree char *folded = fold_for_search (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_auto(GStrv) parts = g_strsplit (folded, " ", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  guint n_words = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      {
        g_strv_builder_add (words, parts[i]);
        n_words++;
      }

  g_clear_pointer (&self->query, g_strfreev);
  if (n_words > 0)
    self->query = g_strv_builder_end (words);

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

static void
fetch_document (TuttiClient         *client,
                const char          *id,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  tutti_client_get_staff_document_async (client, g_ascii_strtoll (id, NULL, 10), cancellable,
                                         callback, user_data);
}

static GBytes *
fetch_document_finish (TuttiClient   *client,
                       GAsyncResult  *result,
                       GError       **error)
{
  return tutti_client_get_staff_document_finish (client, result, NULL, error);
}

/* Under a document's name in its preview: its file and its family. */
static char *
format_preview_subtitle (TuttiStaffDocumentItem *item)
{
  /* Translators: under a document's name in its preview: the file
   * name, then the family, such as “caf.pdf · No. 3” */
  return g_strdup_printf (_("%s · %s"), item->file_text, item->family_text);
}

/* An image (JPEG, PNG) in a window of its own: its spinner, its error with
 * Retry, then the picture scaled to the window. */
typedef struct
{
  GtkWidget    *window;       /* unowned: the struct lives as long as it */
  GtkStack     *stack;
  GtkPicture   *picture;
  AdwStatusPage *error_page;
  TuttiClient  *client;
  GCancellable *cancellable;
  gint64        document_id;
} ImagePreview;

static void
image_preview_free (gpointer data)
{
  ImagePreview *preview = data;

  g_cancellable_cancel (preview->cancellable);
  g_clear_object (&preview->cancellable);
  g_clear_object (&preview->client);
  g_free (preview);
}

static void
image_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkWidget) window = user_data;
  ImagePreview *preview = g_object_get_data (G_OBJECT (window), "tutti-image-preview");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  bytes = tutti_client_get_staff_document_finish (TUTTI_CLIENT (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || preview == NULL)
    return;
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      g_debug ("An image to check: %s", error->message);
      adw_status_page_set_description (preview->error_page,
                                       error->domain == TUTTI_API_ERROR
                                       ? error->message
                                       : _("The image could not be read."));
      gtk_stack_set_visible_child_name (preview->stack, "error");
      return;
    }

  gtk_picture_set_paintable (preview->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (preview->stack, "content");
}

static void
image_preview_load (ImagePreview *preview)
{
  gtk_stack_set_visible_child_name (preview->stack, "loading");
  tutti_client_get_staff_document_async (preview->client, preview->document_id, preview->cancellable,
                                         image_loaded_cb, g_object_ref (preview->window));
}

static void
image_retry_clicked_cb (GtkButton    *button,
                        ImagePreview *preview)
{
  image_preview_load (preview);
}

static GtkWindow *
image_preview_new (TuttiStaffDocumentsPage *self,
                   TuttiStaffDocumentItem  *item)
{
  ImagePreview *preview = g_new0 (ImagePreview, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  g_autofree char *subtitle = format_preview_subtitle (item);
  GtkWidget *title = adw_window_title_new (item->kind_text, subtitle);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *retry = gtk_button_new_with_mnemonic (_("_Retry"));
  GtkWindow *window;

  window = GTK_WINDOW (adw_window_new ());
  preview->window = GTK_WIDGET (window);
  preview->client = g_object_ref (self->client);
  preview->cancellable = g_cancellable_new ();
  preview->document_id = item->document->id;
  g_object_set_data_full (G_OBJECT (window), "tutti-image-preview", preview, image_preview_free);
  /* Closed before the image came: nothing more to wait for. */
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (g_cancellable_cancel), preview->cancellable);

  gtk_window_set_title (window, item->kind_text);
  gtk_window_set_transient_for (window, get_parent_window (self));
  gtk_window_set_modal (window, TRUE);
  gtk_window_set_default_size (window, 720, 800);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  preview->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (preview->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (preview->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (preview->stack));

  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_tooltip_text (spinner, _("Loading…"));
  gtk_stack_add_named (preview->stack, spinner, "loading");

  preview->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (preview->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (preview->error_page, _("Could Not Show the Document"));
  gtk_widget_set_halign (retry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (retry, "pill");
  gtk_widget_add_css_class (retry, "suggested-action");
  g_signal_connect (retry, "clicked", G_CALLBACK (image_retry_clicked_cb), preview);
  adw_status_page_set_child (preview->error_page, retry);
  gtk_stack_add_named (preview->stack, GTK_WIDGET (preview->error_page), "error");

  preview->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (preview->picture, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (preview->picture), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (preview->picture), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (preview->picture), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (preview->picture), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (preview->picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, item->file_text, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (preview->picture));
  gtk_stack_add_named (preview->stack, scrolled, "content");

  adw_window_set_content (ADW_WINDOW (window), box);
  image_preview_load (preview);
  return window;
}

static void
close_preview (TuttiStaffDocumentsPage *self)
{
  if (self->preview != NULL)
    gtk_window_destroy (self->preview);
  g_clear_weak_pointer (&self->preview);
}

static void
view_item (TuttiStaffDocumentsPage *self,
           TuttiStaffDocumentItem  *item)
{
  g_autofree char *id = NULL;
  g_autofree char *subtitle = NULL;
  GtkWindow *window;

  if (self->client == NULL)
    return;

  close_preview (self);
  if (g_strcmp0 (item->document->content_type, "application/pdf") == 0)
    {
      TuttiDocumentView *view;

      subtitle = format_preview_subtitle (item);
      view = tutti_document_view_new (get_parent_window (self), self->client, item->kind_text, subtitle,
                                      *item->file_text != '\0' ? item->file_text : "document.pdf");
      id = g_strdup_printf ("%" G_GINT64_FORMAT, item->document->id);
      tutti_document_view_load (view, id, fetch_document, fetch_document_finish);
      window = GTK_WINDOW (view);
    }
  else
    window = image_preview_new (self, item);

  g_set_weak_pointer (&self->preview, window);
  gtk_window_present (window);
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
  CallData *data = user_data;
  g_autoptr(TuttiStaffDocumentsPage) self = data->self;
  guint generation = data->generation;
  gint64 document_id = data->document_id;
  TuttiDocumentState state = data->state;
  g_autoptr(TuttiDocument) decided = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;
  TuttiStaffDocumentItem *item;
  guint position = 0;

  g_free (data);

  decided = tutti_client_decide_document_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || generation != self->generation)
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

  dismiss_toast (self);
  set_item_busy (self, item, TRUE);
  tutti_client_decide_document_async (self->client, document_id, state, reason, self->cancellable,
                                      decide_document_cb, call_data_new (self, document_id, state));
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

/* What the dialog keeps: the document, the reason's row and its error. */
typedef struct
{
  gint64       document_id;
  AdwEntryRow *reason_row;
  GtkWidget   *error_row;
  GtkLabel    *error_label;
} Refusal;

/* The reason is required and as long as core allows; the message under
 * the row says what is wrong once something was typed, or what the
 * server said. */
static void
refusal_check (AdwMessageDialog *dialog,
               Refusal          *refusal,
               TuttiLang         lang,
               const char       *server_error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (refusal->reason_row));
  g_autofree char *problem = NULL;

  if (server_error != NULL)
    problem = g_strdup (server_error);
  else if (!tutti_is_blank (text))
    problem = tutti_field_check_text (tutti_schema_lookup (&tutti_document_schema, "reason"), text, lang);

  adw_message_dialog_set_response_enabled (dialog, "refuse", !tutti_is_blank (text) && problem == NULL);
  gtk_label_set_label (refusal->error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (refusal->error_row, problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (refusal->reason_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (refusal->reason_row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (refusal->reason_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
reason_changed_cb (GtkEditable      *editable,
                   AdwMessageDialog *dialog)
{
  Refusal *refusal = g_object_get_data (G_OBJECT (dialog), "tutti-refusal");
  TuttiStaffDocumentsPage *self = g_object_get_data (G_OBJECT (dialog), "tutti-page");

  refusal_check (dialog, refusal, get_lang (self), NULL);
}

static void
reason_activated_cb (AdwEntryRow      *row,
                     AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "refuse"))
    adw_message_dialog_response (dialog, "refuse");
}

static void
refusal_response_cb (AdwMessageDialog        *dialog,
                     const char              *response,
                     TuttiStaffDocumentsPage *self)
{
  Refusal *refusal = g_object_get_data (G_OBJECT (dialog), "tutti-refusal");
  char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (refusal->reason_row))));

  /* Kept whatever the answer: Refuse… again starts from it. */
  g_hash_table_replace (self->reasons, g_memdup2 (&refusal->document_id, sizeof (gint64)), reason);

  if (g_strcmp0 (response, "refuse") != 0 || *reason == '\0')
    return;
  decide (self, refusal->document_id, TUTTI_DOCUMENT_REFUSED);
}

static void
open_refusal (TuttiStaffDocumentsPage *self,
              TuttiStaffDocumentItem  *item,
              const char              *error_message)
{
  TuttiLang lang = get_lang (self);
  const char *label = field_label ("reason", lang);
  g_autofree char *title = g_strdup_printf ("%s *", label);
  g_autofree char *body = NULL;
  const char *kept = g_hash_table_lookup (self->reasons, &item->document->id);
  Refusal *refusal = g_new0 (Refusal, 1);
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *error_box;
  GtkWidget *error_icon;

  if (self->refusal != NULL)
    gtk_window_destroy (GTK_WINDOW (self->refusal));

  /* Translators: the first %s is a file name, the second a kind of document,
   * the third a family, such as “No. 3” */
  body = g_strdup_printf (_("“%s” (%s) of family %s will be refused. The family reads the reason with its "
                            "documents and can send another one."),
                          item->file_text, item->kind_text, item->family_text);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self),
                                                       _("Refuse This Document?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "refuse", _("_Refuse"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "refuse", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "refuse", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  refusal->document_id = item->document->id;
  refusal->reason_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (refusal->reason_row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (refusal->reason_row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (refusal->reason_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                  -1);

  /* Under the row: what is wrong with the reason. */
  error_icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (error_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
  refusal->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (refusal->error_label, TRUE);
  gtk_label_set_xalign (refusal->error_label, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (refusal->error_label), TRUE);
  error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (error_box, "tutti-field-error");
  gtk_box_append (GTK_BOX (error_box), error_icon);
  gtk_box_append (GTK_BOX (error_box), GTK_WIDGET (refusal->error_label));
  refusal->error_row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                     "activatable", FALSE,
                                     "focusable", FALSE,
                                     "visible", FALSE,
                                     "child", error_box,
                                     NULL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (refusal->reason_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, refusal->error_label, NULL,
                                  -1);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (refusal->reason_row));
  gtk_list_box_append (GTK_LIST_BOX (list), refusal->error_row);
  adw_message_dialog_set_extra_child (dialog, list);

  g_object_set_data_full (G_OBJECT (dialog), "tutti-refusal", refusal, g_free);
  g_object_set_data (G_OBJECT (dialog), "tutti-page", self);
  if (kept != NULL)
    gtk_editable_set_text (GTK_EDITABLE (refusal->reason_row), kept);
  refusal_check (dialog, refusal, lang, error_message);
  g_signal_connect_object (refusal->reason_row, "changed", G_CALLBACK (reason_changed_cb), dialog, 0);
  g_signal_connect_object (refusal->reason_row, "entry-activated", G_CALLBACK (reason_activated_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (refusal_response_cb), self, 0);

  g_set_weak_pointer (&self->refusal, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (refusal->reason_row));
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
  dismiss_toast (self);
  g_clear_pointer (&self->last_toast, g_free);
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
  g_clear_weak_pointer (&self->toast);

  G_OBJECT_CLASS (tutti_staff_documents_page_parent_class)->dispose (object);
}

static void
tutti_staff_documents_page_finalize (GObject *object)
{
  TuttiStaffDocumentsPage *self = TUTTI_STAFF_DOCUMENTS_PAGE (object);

  g_clear_pointer (&self->reasons, g_hash_table_unref);
  g_clear_pointer (&self->query, g_strfreev);
  g_free (self->last_toast);

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
  GtkSingleSelection *selection;
  GtkSorter *sorter;

  self->store = g_list_store_new (TUTTI_TYPE_STAFF_DOCUMENT_ITEM);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_item, self, NULL));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (self->filter));
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (filter_items_changed_cb), self);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (NULL, factory);
      if (column_compare[c] != NULL)
        {
          g_autoptr(GtkSorter) column_sorter = GTK_SORTER (gtk_custom_sorter_new (column_compare[c], NULL, NULL));

          gtk_column_view_column_set_sorter (column, column_sorter);
          gtk_column_view_column_set_resizable (column, TRUE);
        }
      gtk_column_view_column_set_expand (column, c == COLUMN_KIND);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[c] = column;
    }

  /* The column headers sort the list; first come, first served to start with. */
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (sorter));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_DATE], GTK_SORT_ASCENDING);

  /* Typing in the list searches it. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

static void
tutti_staff_documents_page_init (TuttiStaffDocumentsPage *self)
{
  GtkEventController *controller;
  GtkShortcutController *shortcuts;

  self->cancellable = g_cancellable_new ();
  self->reasons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_columns (self);

  controller = gtk_shortcut_controller_new ();
  shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (focus_search_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_r, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_F5, 0)),
                                                          gtk_callback_action_new (refresh_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
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
  return self->refusal;
}

AdwEntryRow *
tutti_staff_documents_page_get_refusal_reason_row (TuttiStaffDocumentsPage *self)
{
  Refusal *refusal = self->refusal != NULL ? g_object_get_data (G_OBJECT (self->refusal), "tutti-refusal") : NULL;

  return refusal != NULL ? refusal->reason_row : NULL;
}

const char *
tutti_staff_documents_page_get_refusal_error (TuttiStaffDocumentsPage *self)
{
  Refusal *refusal = self->refusal != NULL ? g_object_get_data (G_OBJECT (self->refusal), "tutti-refusal") : NULL;

  if (refusal == NULL || !gtk_widget_get_visible (refusal->error_row))
    return NULL;
  return gtk_label_get_label (refusal->error_label);
}

const char *
tutti_staff_documents_page_get_last_toast (TuttiStaffDocumentsPage *self)
{
  return self->last_toast;
}
