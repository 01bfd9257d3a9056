/* tutti-staff-queue-view.c — STAFF-1, STAFF-2: the office's validation queue
 *
 * First page: every record (a guardian or a pupil) whose changes await the
 * office, in a GtkColumnView — a GListStore of TuttiStaffQueueItem, filtered
 * by the search entry, sorted by the column headers, the oldest submission
 * first to start with: first come, first served. Enter or a double-click
 * opens the record on the second page: each field old → new with an Accept
 * and a Refuse toggle, and under each refusal an optional reason. Apply
 * sends the decisions taken; Accept All and Refuse All… decide every change
 * shown at once.
 *
 * Only the changes shown are decided (POST …/decide with their ids): a
 * change the family sent while the page was open is never accepted unseen,
 * and one decided meanwhile by someone else comes back as a conflict, after
 * which the page reloads and keeps what was chosen for the others.
 *
 * The queue is the first of two tabs, each with a badge counting what
 * awaits: the second lists the documents families sent
 * (TuttiStaffDocumentsPage). Refreshing the view refreshes both, so that
 * n-records and n-documents, which the sidebar adds up, stay current.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tutti-call.h"
#include "tutti-list-util.h"
#include "tutti-question.h"
#include "tutti-record-details.h"
#include "tutti-staff-documents-page.h"
#include "tutti-staff-queue-view.h"
#include "tutti-toasts.h"
#include "tutti-window-private.h"

/* ---- Text helpers ------------------------------------------------------------- */

/* "Monsieur Z-TEST Essai" */
static char *
format_group_person (const TuttiChangeGroup *group,
                     TuttiLang               lang)
{
  return tutti_format_person_with_civility (group->civility, group->surname, group->first_name, lang);
}

/* The label of the field @key of a guardian or a pupil, from core. */
static const char *
field_label (TuttiEntity  entity,
             const char  *key,
             TuttiLang    lang)
{
  const TuttiField *field = tutti_schema_lookup (tutti_entity_get_schema (entity), key);

  return field != NULL ? tutti_text_get (&field->label, lang) : key;
}

/* A value in its text form as people read it ("(empty)", a date…). */
static char *
format_value (TuttiEntity  entity,
              const char  *key,
              const char  *text,
              TuttiLang    lang)
{
  const TuttiField *field = tutti_schema_lookup (tutti_entity_get_schema (entity), key);

  if (field != NULL)
    return tutti_field_format_text (field, text, lang);
  return g_strdup (text != NULL ? text : "");
}

/* ---- One record of the queue, as the list shows it ------------------------------ */

#define TUTTI_TYPE_STAFF_QUEUE_ITEM (tutti_staff_queue_item_get_type ())

G_DECLARE_FINAL_TYPE (TuttiStaffQueueItem, tutti_staff_queue_item, TUTTI, STAFF_QUEUE_ITEM, GObject)

struct _TuttiStaffQueueItem
{
  GObject           parent_instance;

  TuttiChangeGroup *group;
  /* As shown, in the user's language. */
  char             *family_text;
  char             *person_text;
  const char       *kind_text;      /* core's: "Responsable", "Élève" */
  char             *fields_text;
  char             *date_text;
  /* For sorting and searching. */
  gint64            submitted;      /* Unix time; G_MAXINT64 when unknown */
  char             *family_key;
  char             *person_key;
  char             *fields_key;
  char             *search_text;
};

G_DEFINE_FINAL_TYPE (TuttiStaffQueueItem, tutti_staff_queue_item, G_TYPE_OBJECT)

static void
tutti_staff_queue_item_finalize (GObject *object)
{
  TuttiStaffQueueItem *self = TUTTI_STAFF_QUEUE_ITEM (object);

  g_clear_pointer (&self->group, tutti_change_group_free);
  g_free (self->family_text);
  g_free (self->person_text);
  g_free (self->fields_text);
  g_free (self->date_text);
  g_free (self->family_key);
  g_free (self->person_key);
  g_free (self->fields_key);
  g_free (self->search_text);

  G_OBJECT_CLASS (tutti_staff_queue_item_parent_class)->finalize (object);
}

static void
tutti_staff_queue_item_class_init (TuttiStaffQueueItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tutti_staff_queue_item_finalize;
}

static void
tutti_staff_queue_item_init (TuttiStaffQueueItem *self)
{
}

static TuttiStaffQueueItem *
tutti_staff_queue_item_new (const TuttiChangeGroup *group,
                            TuttiLang               lang)
{
  TuttiStaffQueueItem *self = g_object_new (TUTTI_TYPE_STAFF_QUEUE_ITEM, NULL);
  g_autoptr(GString) fields = g_string_new (NULL);
  g_autoptr(GString) person_order = g_string_new (NULL);
  g_autoptr(GDateTime) submitted = tutti_parse_datetime (group->submitted_at);
  g_autofree char *search = NULL;

  self->group = tutti_change_group_copy (group);
  self->family_text = g_strdup (group->family_name != NULL ? group->family_name : "");
  self->person_text = format_group_person (group, lang);
  self->kind_text = tutti_enum_to_label (&tutti_entity_enum, group->entity, lang);
  for (guint i = 0; group->changes != NULL && i < group->changes->len; i++)
    {
      const TuttiPendingChange *change = g_ptr_array_index (group->changes, i);

      if (fields->len > 0)
        /* Translators: between the fields of a record in the list, as in
         * “Town, Mobile phone” */
        g_string_append (fields, _(", "));
      g_string_append (fields, field_label (group->entity, change->field, lang));
    }
  self->fields_text = g_string_free (g_steal_pointer (&fields), FALSE);
  self->date_text = tutti_format_datetime (group->submitted_at, lang);

  self->submitted = submitted != NULL ? g_date_time_to_unix (submitted) : G_MAXINT64;
  self->family_key = tutti_sort_key (self->family_text);
  g_string_append_printf (person_order, "%s %s",
                          group->surname != NULL ? group->surname : "",
                          group->first_name != NULL ? group->first_name : "");
  self->person_key = tutti_sort_key (person_order->str);
  self->fields_key = tutti_sort_key (self->fields_text);

  search = g_strjoin ("\n", self->family_text, self->person_text,
                      self->kind_text != NULL ? self->kind_text : "",
                      self->fields_text, NULL);
  self->search_text = tutti_search_fold (search);

  return self;
}

/* ---- Columns ------------------------------------------------------------------ */

typedef enum
{
  COLUMN_FAMILY,
  COLUMN_PERSON,
  COLUMN_FIELDS,
  COLUMN_DATE,
  N_COLUMNS
} Column;

static int
compare_dates (const TuttiStaffQueueItem *a,
               const TuttiStaffQueueItem *b)
{
  if (a->submitted != b->submitted)
    return a->submitted < b->submitted ? -1 : 1;
  return strcmp (a->person_key, b->person_key);
}

static int
compare_family (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int cmp = strcmp (TUTTI_STAFF_QUEUE_ITEM ((gpointer) a)->family_key,
                    TUTTI_STAFF_QUEUE_ITEM ((gpointer) b)->family_key);

  return cmp != 0 ? cmp : compare_dates (a, b);
}

static int
compare_person (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int cmp = strcmp (TUTTI_STAFF_QUEUE_ITEM ((gpointer) a)->person_key,
                    TUTTI_STAFF_QUEUE_ITEM ((gpointer) b)->person_key);

  return cmp != 0 ? cmp : compare_dates (a, b);
}

static int
compare_fields (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int cmp = strcmp (TUTTI_STAFF_QUEUE_ITEM ((gpointer) a)->fields_key,
                    TUTTI_STAFF_QUEUE_ITEM ((gpointer) b)->fields_key);

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
  [COLUMN_FAMILY] = compare_family,
  [COLUMN_PERSON] = compare_person,
  [COLUMN_FIELDS] = compare_fields,
  [COLUMN_DATE]   = compare_date,
};

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *widget;

  if (column == COLUMN_PERSON)
    {
      GtkWidget *name = tutti_cell_line_new ();
      GtkWidget *kind = tutti_cell_line_new ();

      /* The name, and under it which kind of record it is. */
      widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (name), 16);
      gtk_label_set_ellipsize (GTK_LABEL (kind), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (kind, "caption");
      gtk_widget_add_css_class (kind, "dim-label");
      gtk_box_append (GTK_BOX (widget), name);
      gtk_box_append (GTK_BOX (widget), kind);
    }
  else
    {
      widget = tutti_cell_line_new ();
      if (column == COLUMN_DATE)
        gtk_widget_add_css_class (widget, "numeric");
      else
        {
          gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (widget), column == COLUMN_FAMILY ? 10 : 16);
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
  TuttiStaffQueueItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *widget = gtk_list_item_get_child (list_item);

  switch (column)
    {
    case COLUMN_PERSON:
      {
        GtkWidget *name = gtk_widget_get_first_child (widget);
        GtkWidget *kind = gtk_widget_get_next_sibling (name);

        gtk_label_set_label (GTK_LABEL (name), item->person_text);
        gtk_widget_set_tooltip_text (name, item->person_text);
        gtk_label_set_label (GTK_LABEL (kind), item->kind_text != NULL ? item->kind_text : "");
      }
      break;

    case COLUMN_FAMILY:
      gtk_label_set_label (GTK_LABEL (widget), item->family_text);
      gtk_widget_set_tooltip_text (widget, *item->family_text != '\0' ? item->family_text : NULL);
      break;

    case COLUMN_FIELDS:
      gtk_label_set_label (GTK_LABEL (widget), item->fields_text);
      /* The whole list when the column is too narrow for it. */
      gtk_widget_set_tooltip_text (widget, *item->fields_text != '\0' ? item->fields_text : NULL);
      break;

    case COLUMN_DATE:
    case N_COLUMNS:
    default:
      gtk_label_set_label (GTK_LABEL (widget), item->date_text);
      break;
    }
}

/* ---- One change of the open record ---------------------------------------------- */

typedef enum
{
  DECISION_NONE,
  DECISION_ACCEPT,
  DECISION_REFUSE,
} Decision;

typedef struct
{
  TuttiStaffQueueView *view;           /* unowned */
  TuttiPendingChange  *change;
  AdwPreferencesRow   *row;
  GtkLabel            *values_label;
  GtkToggleButton     *accept_button;
  GtkToggleButton     *refuse_button;
  AdwEntryRow         *reason_row;
} ChangeRow;

/* What was chosen for a change, kept across a reload of the record. */
typedef struct
{
  Decision  decision;
  char     *reason;
} Kept;

static void
kept_free (gpointer data)
{
  Kept *kept = data;

  g_free (kept->reason);
  g_free (kept);
}

/* ---- The view ----------------------------------------------------------------- */

struct _TuttiStaffQueueView
{
  AdwBin               parent_instance;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwViewSwitcher     *switcher;
  AdwViewStack        *view_stack;
  AdwViewStackPage    *changes_page;
  AdwViewStackPage    *documents_tab;
  TuttiStaffDocumentsPage *documents_page;
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkButton           *refresh_button;
  GtkStack            *queue_stack;
  GtkSpinner          *queue_spinner;
  AdwStatusPage       *queue_error_page;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkButton           *back_button;
  AdwWindowTitle      *detail_title;
  AdwPreferencesPage  *detail_page;
  AdwPreferencesGroup *message_group;
  GtkLabel            *message_label;
  GtkButton           *retry_button;
  AdwPreferencesGroup *changes_group;
  GtkButton           *refuse_all_button;
  GtkButton           *accept_all_button;
  GtkLabel            *summary_label;
  GtkButton           *apply_button;
  GtkSpinner          *apply_spinner;

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
  guint                n_records;

  /* The record open on the second page. */
  TuttiChangeGroup    *detail;
  GPtrArray           *change_rows;  /* ChangeRow */
  guint                detail_serial; /* bumped at each opening and closing */
  gboolean             detail_open;
  gboolean             detail_loading;
  gboolean             busy;          /* decisions on their way */

  TuttiToasts          toasts;
};

G_DEFINE_FINAL_TYPE (TuttiStaffQueueView, tutti_staff_queue_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_RECORDS,
  PROP_N_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_detail (TuttiStaffQueueView *self);

static TuttiLang
get_lang (TuttiStaffQueueView *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : TUTTI_LANG_EN;
}

static void
show_toast (TuttiStaffQueueView *self,
            const char          *title,
            const char          *retry_action)
{
  tutti_toasts_show (&self->toasts, title, TUTTI_TOAST_TIMEOUT_DEFAULT, retry_action, NULL);
}

/* A call of the queue; with @detail, about the record open on the second page. */
static TuttiCall *
call_new (TuttiStaffQueueView *self,
          gboolean             detail)
{
  return tutti_call_new (self, &self->generation, detail ? &self->detail_serial : NULL, self->cancellable);
}

/* ---- The queue ---------------------------------------------------------------- */

static void
set_n_records (TuttiStaffQueueView *self,
               guint                n_records)
{
  if (self->n_records == n_records)
    return;
  self->n_records = n_records;
  /* The tab's badge counts them too. */
  adw_view_stack_page_set_badge_number (self->changes_page, n_records);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RECORDS]);
}

/* The documents awaiting a decision: on their tab's badge, and for the
 * window's count. */
static void
documents_page_notify_n_documents_cb (TuttiStaffQueueView *self)
{
  adw_view_stack_page_set_badge_number (self->documents_tab,
                                        tutti_staff_documents_page_get_n_documents (self->documents_page));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);
}

static void
update_list_page (TuttiStaffQueueView *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0;

  gtk_stack_set_visible_child_name (self->list_stack, any ? "list" : "no-results");
}

static void
set_groups (TuttiStaffQueueView *self,
            GPtrArray           *groups)
{
  TuttiLang lang = get_lang (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    g_ptr_array_add (items, tutti_staff_queue_item_new (g_ptr_array_index (groups, i), lang));

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  update_list_page (self);
  gtk_stack_set_visible_child_name (self->queue_stack, items->len > 0 ? "content" : "empty");
  set_n_records (self, items->len);
}

static void
list_change_groups_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(TuttiCall) call = user_data;
  TuttiStaffQueueView *self = call->owner;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = tutti_client_list_change_groups_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_is_wanted (call, error))
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->queue_spinner);

  if (groups == NULL)
    {
      g_debug ("Loading the validation queue: %s", error->message);

      /* The window goes back to the login page by itself. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;

      if (!self->loaded)
        {
          g_autofree char *description = tutti_call_describe_error (self->client, error);

          adw_status_page_set_description (self->queue_error_page, description);
          gtk_stack_set_visible_child_name (self->queue_stack, "error");
        }
      else
        show_toast (self, _("Could not refresh the changes to validate"), "staff-queue.refresh");
      return;
    }

  self->loaded = TRUE;
  set_groups (self, groups);
}

void
tutti_staff_queue_view_refresh (TuttiStaffQueueView *self)
{
  TuttiAccount *account;

  g_return_if_fail (TUTTI_IS_STAFF_QUEUE_VIEW (self));

  if (self->client == NULL || !tutti_client_is_logged_in (self->client) || self->loading)
    return;
  /* The queue is the office's: a family's token would only get a 403. */
  account = tutti_client_get_account (self->client);
  if (account == NULL || account->role != TUTTI_ROLE_STAFF)
    return;

  /* The documents' tab too, so that both counts are fresh. */
  tutti_staff_documents_page_refresh (self->documents_page);

  self->loading = TRUE;
  if (!self->loaded)
    {
      gtk_stack_set_visible_child_name (self->queue_stack, "loading");
      gtk_spinner_start (self->queue_spinner);
    }

  tutti_client_list_change_groups_async (self->client, self->cancellable,
                                         list_change_groups_cb, call_new (self, FALSE));
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tutti_staff_queue_view_refresh (TUTTI_STAFF_QUEUE_VIEW (widget));
}

/* ---- Search --------------------------------------------------------------------- */

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  TuttiStaffQueueView *self = user_data;

  return tutti_search_match_words (TUTTI_STAFF_QUEUE_ITEM (item)->search_text, self->query);
}

static void
search_changed_cb (TuttiStaffQueueView *self,
                   GtkSearchEntry      *entry)
{
  g_clear_pointer (&self->query, g_strfreev);
  self->query = tutti_search_words (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Escape empties the search. */
static void
stop_search_cb (TuttiStaffQueueView *self,
                GtkSearchEntry      *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
filter_items_changed_cb (TuttiStaffQueueView *self)
{
  update_list_page (self);
}

static gboolean
queue_page_shown (TuttiStaffQueueView *self)
{
  return gtk_widget_is_drawable (GTK_WIDGET (self)) && !self->detail_open &&
         g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "changes") == 0;
}

/* A tab shown again shows fresh data. */
static void
view_stack_visible_child_cb (TuttiStaffQueueView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    tutti_staff_queue_view_refresh (self);
}

/* Ctrl+F, from anywhere in the window while the queue is shown. */
static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  TuttiStaffQueueView *self = TUTTI_STAFF_QUEUE_VIEW (widget);

  if (!queue_page_shown (self) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->queue_stack), "content") != 0)
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Ctrl+R and F5, while the queue is shown. */
static gboolean
refresh_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  TuttiStaffQueueView *self = TUTTI_STAFF_QUEUE_VIEW (widget);

  if (!queue_page_shown (self))
    return FALSE;

  tutti_staff_queue_view_refresh (self);
  return TRUE;
}

/* ---- The open record: decisions -------------------------------------------------- */

static Decision
change_row_get_decision (ChangeRow *row)
{
  if (gtk_toggle_button_get_active (row->accept_button))
    return DECISION_ACCEPT;
  if (gtk_toggle_button_get_active (row->refuse_button))
    return DECISION_REFUSE;
  return DECISION_NONE;
}

static void
change_row_set_decision (ChangeRow  *row,
                         Decision    decision,
                         const char *reason)
{
  gtk_toggle_button_set_active (row->accept_button, decision == DECISION_ACCEPT);
  gtk_toggle_button_set_active (row->refuse_button, decision == DECISION_REFUSE);
  if (reason != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row->reason_row), reason);
}

static void
update_actions (TuttiStaffQueueView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_decided = 0;
  guint n_rows = self->change_rows->len;

  for (guint i = 0; i < n_rows; i++)
    if (change_row_get_decision (g_ptr_array_index (self->change_rows, i)) != DECISION_NONE)
      n_decided++;

  gtk_widget_action_set_enabled (widget, "staff-queue.apply", !self->busy && n_decided > 0);
  gtk_widget_action_set_enabled (widget, "staff-queue.accept-all", !self->busy && n_rows > 0);
  gtk_widget_action_set_enabled (widget, "staff-queue.refuse-all", !self->busy && n_rows > 0);
  gtk_widget_action_set_enabled (widget, "staff-queue.back", !self->busy);
  adw_leaflet_set_can_navigate_back (self->leaflet, !self->busy);
}

static void
update_summary (TuttiStaffQueueView *self)
{
  guint counts[3] = { 0, 0, 0 };
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->change_rows->len; i++)
    counts[change_row_get_decision (g_ptr_array_index (self->change_rows, i))]++;

  /* Translators: under the changes of a record, counted as they are decided */
  summary = g_strdup_printf (_("Accepted: %u · Refused: %u · To decide: %u"),
                             counts[DECISION_ACCEPT], counts[DECISION_REFUSE], counts[DECISION_NONE]);
  /* A narrow window wraps it rather than cutting it. */
  gtk_label_set_label (self->summary_label, summary);
  update_actions (self);
}

/* Accept and Refuse exclude each other; pressing the active one again
 * leaves the change undecided. */
static void
decision_toggled_cb (GtkToggleButton *button,
                     ChangeRow       *row)
{
  GtkToggleButton *other = button == row->accept_button ? row->refuse_button : row->accept_button;
  gboolean accepted, refused;

  if (gtk_toggle_button_get_active (button) && gtk_toggle_button_get_active (other))
    gtk_toggle_button_set_active (other, FALSE);

  accepted = gtk_toggle_button_get_active (row->accept_button);
  refused = gtk_toggle_button_get_active (row->refuse_button);
  if (accepted)
    gtk_widget_add_css_class (GTK_WIDGET (row->accept_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->accept_button), "suggested-action");
  if (refused)
    gtk_widget_add_css_class (GTK_WIDGET (row->refuse_button), "destructive-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->refuse_button), "destructive-action");
  gtk_widget_set_visible (GTK_WIDGET (row->reason_row), refused);

  update_summary (row->view);
}

static GtkToggleButton *
new_decision_button (const char *label,
                     const char *accessible)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return GTK_TOGGLE_BUTTON (button);
}

static ChangeRow *
change_row_new (TuttiStaffQueueView      *self,
                const TuttiPendingChange *change)
{
  TuttiLang lang = get_lang (self);
  TuttiEntity entity = self->detail->entity;
  const char *label = field_label (entity, change->field, lang);
  g_autofree char *old_value = format_value (entity, change->field, change->old_value, lang);
  g_autofree char *new_value = format_value (entity, change->field, change->new_value, lang);
  g_autofree char *values = NULL;
  g_autofree char *reason_title = NULL;
  g_autofree char *accept_name = NULL;
  g_autofree char *refuse_name = NULL;
  ChangeRow *row = g_new0 (ChangeRow, 1);
  GtkWidget *box;
  GtkWidget *texts;
  GtkWidget *name_label;
  GtkWidget *buttons;

  row->view = self;
  row->change = tutti_pending_change_copy (change);

  /* As a property: the field's name small above "VITRE → VITRÉ", which
   * is what the office reads, the new value in bold. */
  row->row = ADW_PREFERENCES_ROW (g_object_ref_sink (adw_preferences_row_new ()));
  adw_preferences_row_set_title (row->row, label);
  adw_preferences_row_set_use_markup (row->row, FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), texts);

  name_label = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_widget_add_css_class (name_label, "caption");
  gtk_widget_add_css_class (name_label, "dim-label");
  gtk_box_append (GTK_BOX (texts), name_label);

  values = g_markup_printf_escaped ("%s  →  <b>%s</b>", old_value, new_value);
  row->values_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_markup (row->values_label, values);
  gtk_label_set_xalign (row->values_label, 0.0);
  gtk_label_set_wrap (row->values_label, TRUE);
  gtk_label_set_wrap_mode (row->values_label, PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (row->values_label));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  /* Translators: what a screen reader says of a button; %s is a field, such as “Town” */
  accept_name = g_strdup_printf (_("Accept the change to “%s”"), label);
  /* Translators: what a screen reader says of a button; %s is a field, such as “Town” */
  refuse_name = g_strdup_printf (_("Refuse the change to “%s”"), label);
  row->accept_button = g_object_ref (new_decision_button (_("Accept"), accept_name));
  row->refuse_button = g_object_ref (new_decision_button (_("Refuse"), refuse_name));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (row->accept_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (row->refuse_button));
  gtk_box_append (GTK_BOX (box), buttons);
  /* A screen reader says the values with each choice. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row->accept_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row->values_label, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row->refuse_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row->values_label, NULL,
                                  -1);
  g_signal_connect (row->accept_button, "toggled", G_CALLBACK (decision_toggled_cb), row);
  g_signal_connect (row->refuse_button, "toggled", G_CALLBACK (decision_toggled_cb), row);

  /* Shown under a refusal: the reason the family will read. */
  row->reason_row = ADW_ENTRY_ROW (g_object_ref_sink (adw_entry_row_new ()));
  /* Translators: %s is a field, such as “Town” */
  reason_title = g_strdup_printf (_("Reason for refusing “%s” (optional)"), label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->reason_row), reason_title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->reason_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (row->reason_row), FALSE);

  adw_preferences_group_add (self->changes_group, GTK_WIDGET (row->row));
  adw_preferences_group_add (self->changes_group, GTK_WIDGET (row->reason_row));

  return row;
}

static void
change_row_free (gpointer data)
{
  ChangeRow *row = data;

  g_signal_handlers_disconnect_by_data (row->accept_button, row);
  g_signal_handlers_disconnect_by_data (row->refuse_button, row);
  if (gtk_widget_get_parent (GTK_WIDGET (row->row)) != NULL)
    adw_preferences_group_remove (row->view->changes_group, GTK_WIDGET (row->row));
  if (gtk_widget_get_parent (GTK_WIDGET (row->reason_row)) != NULL)
    adw_preferences_group_remove (row->view->changes_group, GTK_WIDGET (row->reason_row));
  g_clear_object (&row->accept_button);
  g_clear_object (&row->refuse_button);
  g_clear_object (&row->row);
  g_clear_object (&row->reason_row);
  g_clear_pointer (&row->change, tutti_pending_change_free);
  g_free (row);
}

static ChangeRow *
find_change_row (TuttiStaffQueueView *self,
                 const char          *field)
{
  for (guint i = 0; i < self->change_rows->len; i++)
    {
      ChangeRow *row = g_ptr_array_index (self->change_rows, i);

      if (g_strcmp0 (row->change->field, field) == 0)
        return row;
    }
  return NULL;
}

/* What was chosen for each change shown, by the change's id. */
static GHashTable *
save_decisions (TuttiStaffQueueView *self)
{
  GHashTable *kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, kept_free);

  for (guint i = 0; i < self->change_rows->len; i++)
    {
      ChangeRow *row = g_ptr_array_index (self->change_rows, i);
      Kept *decision = g_new0 (Kept, 1);

      decision->decision = change_row_get_decision (row);
      decision->reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->reason_row)));
      g_hash_table_insert (kept, g_memdup2 (&row->change->id, sizeof (gint64)), decision);
    }
  return kept;
}

static void
show_message (TuttiStaffQueueView *self,
              const char          *message,
              const char          *retry_action)
{
  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), retry_action != NULL);
  if (retry_action != NULL)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button), retry_action);
  gtk_widget_set_visible (GTK_WIDGET (self->message_group), TRUE);
}

static void
hide_message (TuttiStaffQueueView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->message_group), FALSE);
  gtk_label_set_label (self->message_label, "");
}

/* Shows self->detail; @keep: what was chosen for the changes still there
 * stays chosen. */
static void
rebuild_detail (TuttiStaffQueueView *self,
                gboolean             keep)
{
  const TuttiChangeGroup *group = self->detail;
  TuttiLang lang = get_lang (self);
  g_autoptr(GHashTable) kept = keep ? save_decisions (self) : NULL;
  g_autofree char *person = format_group_person (group, lang);
  g_autofree char *subtitle = NULL;
  g_autofree char *when = tutti_format_datetime (group->submitted_at, lang);
  g_autofree char *description = NULL;

  g_ptr_array_set_size (self->change_rows, 0);

  /* Translators: under a person's name: the kind of record (“Guardian”,
   * “Pupil”) and the family's name */
  subtitle = g_strdup_printf (_("%s · %s family"),
                              tutti_enum_to_label (&tutti_entity_enum, group->entity, lang),
                              group->family_name != NULL ? group->family_name : "");
  adw_window_title_set_title (self->detail_title, person);
  adw_window_title_set_subtitle (self->detail_title, subtitle);

  if (*when != '\0')
    /* Translators: %s is a date and time, such as “28/11/2026 at 19:32” */
    description = g_strdup_printf (_("Sent on %s"), when);
  adw_preferences_group_set_description (self->changes_group, description);

  for (guint i = 0; group->changes != NULL && i < group->changes->len; i++)
    {
      const TuttiPendingChange *change = g_ptr_array_index (group->changes, i);
      ChangeRow *row;
      Kept *decision;

      if (change->state != TUTTI_CHANGE_PENDING)
        continue;
      row = change_row_new (self, change);
      g_ptr_array_add (self->change_rows, row);
      decision = kept != NULL ? g_hash_table_lookup (kept, &change->id) : NULL;
      if (decision != NULL)
        change_row_set_decision (row, decision->decision, decision->reason);
    }

  update_summary (self);
}

/* ---- The open record: opening, closing, reloading -------------------------------- */

static void
open_detail (TuttiStaffQueueView    *self,
             const TuttiChangeGroup *group)
{
  ChangeRow *first;

  self->detail_serial++;
  self->detail_open = TRUE;
  self->detail_loading = FALSE;
  tutti_toasts_dismiss (&self->toasts);
  g_clear_pointer (&self->detail, tutti_change_group_free);
  self->detail = tutti_change_group_copy (group);

  hide_message (self);
  rebuild_detail (self, FALSE);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  /* A record open is a page of its own, with its way back: no tabs. */
  gtk_widget_set_visible (GTK_WIDGET (self->switcher), FALSE);

  first = self->change_rows->len > 0 ? g_ptr_array_index (self->change_rows, 0) : NULL;
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first->accept_button));

  /* What the queue listed may be a little old: check it. */
  load_detail (self);
}

/* Back to the queue; the page keeps its rows until the next opening, so
 * that it does not empty while it slides away. */
static void
forget_detail (TuttiStaffQueueView *self)
{
  if (!self->detail_open)
    return;
  self->detail_serial++;
  self->detail_open = FALSE;
  self->detail_loading = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->switcher), TRUE);
}

static void
close_detail (TuttiStaffQueueView *self)
{
  forget_detail (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "queue");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* The leaflet went back by itself: Alt+Left, a swipe, the mouse's back button. */
static void
leaflet_visible_child_cb (TuttiStaffQueueView *self)
{
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "queue") == 0)
    forget_detail (self);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  close_detail (TUTTI_STAFF_QUEUE_VIEW (widget));
}

static void
get_change_group_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TuttiCall) call = user_data;
  TuttiStaffQueueView *self = call->owner;
  g_autoptr(TuttiChangeGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *person = NULL;
  g_autofree char *title = NULL;
  guint n_pending = 0;

  group = tutti_client_get_change_group_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_is_wanted (call, error))
    return;

  self->detail_loading = FALSE;

  if (group == NULL)
    {
      g_debug ("Loading a record's changes: %s", error->message);

      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND))
        {
          close_detail (self);
          show_toast (self, _("This record no longer exists"), NULL);
          tutti_staff_queue_view_refresh (self);
          return;
        }
      show_message (self, error->message, "staff-queue.reload-detail");
      return;
    }

  for (guint i = 0; group->changes != NULL && i < group->changes->len; i++)
    if (((TuttiPendingChange *) g_ptr_array_index (group->changes, i))->state == TUTTI_CHANGE_PENDING)
      n_pending++;

  if (n_pending == 0)
    {
      person = format_group_person (self->detail, get_lang (self));
      /* Translators: %s is a person, such as “Monsieur Z-TEST Essai” */
      title = g_strdup_printf (_("The changes of %s have already been decided"), person);
      close_detail (self);
      show_toast (self, title, NULL);
      tutti_staff_queue_view_refresh (self);
      return;
    }

  if (!tutti_record_equal (&tutti_change_group_schema, self->detail, group))
    {
      tutti_change_group_free (self->detail);
      self->detail = g_steal_pointer (&group);
      rebuild_detail (self, TRUE);
    }
}

static void
load_detail (TuttiStaffQueueView *self)
{
  if (self->detail == NULL || self->detail_loading || self->client == NULL)
    return;

  self->detail_loading = TRUE;
  tutti_client_get_change_group_async (self->client, self->detail->entity, self->detail->entity_id,
                                       self->cancellable, get_change_group_cb, call_new (self, TRUE));
}

static void
reload_detail_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TuttiStaffQueueView *self = TUTTI_STAFF_QUEUE_VIEW (widget);

  hide_message (self);
  load_detail (self);
}

/* ---- The open record: applying ---------------------------------------------------- */

static void
set_busy (TuttiStaffQueueView *self,
          gboolean             busy)
{
  self->busy = busy;
  /* The choices wait for the answer; the reasons stay as they are (a
   * focused entry made insensitive would lose its focus-out). */
  for (guint i = 0; i < self->change_rows->len; i++)
    {
      ChangeRow *row = g_ptr_array_index (self->change_rows, i);

      gtk_widget_set_sensitive (GTK_WIDGET (row->accept_button), !busy);
      gtk_widget_set_sensitive (GTK_WIDGET (row->refuse_button), !busy);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->apply_spinner), busy);
  if (busy)
    gtk_spinner_start (self->apply_spinner);
  else
    gtk_spinner_stop (self->apply_spinner);
  update_actions (self);
}

/* "Monsieur Z-TEST Essai: 2 changes accepted, 1 refused" */
static char *
format_outcome (const char *person,
                guint       n_accepted,
                guint       n_refused)
{
  g_autofree char *outcome = NULL;

  if (n_accepted > 0 && n_refused > 0)
    {
      g_autofree char *accepted = g_strdup_printf (ngettext ("%u change accepted", "%u changes accepted",
                                                             n_accepted), n_accepted);
      /* Translators: follows “2 changes accepted, ”: the changes refused */
      g_autofree char *refused = g_strdup_printf (ngettext ("%u refused", "%u refused", n_refused),
                                                  n_refused);

      /* Translators: “2 changes accepted” and “1 refused” */
      outcome = g_strdup_printf (_("%s, %s"), accepted, refused);
    }
  else if (n_refused > 0)
    outcome = g_strdup_printf (ngettext ("%u change refused", "%u changes refused", n_refused), n_refused);
  else
    outcome = g_strdup_printf (ngettext ("%u change accepted", "%u changes accepted", n_accepted), n_accepted);

  /* Translators: a person, such as “Monsieur Z-TEST Essai”, and what was
   * decided, such as “2 changes accepted, 1 refused” */
  return g_strdup_printf (_("%s: %s"), person, outcome);
}

static void
decide_changes_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TuttiCall) call = user_data;
  TuttiStaffQueueView *self = call->owner;
  g_autoptr(TuttiChangeGroup) decided = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *person = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *message = NULL;
  guint n_accepted = 0;
  guint n_refused = 0;

  decided = tutti_client_decide_changes_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_is_wanted (call, error))
    return;

  set_busy (self, FALSE);

  if (decided == NULL)
    {
      g_debug ("Deciding a record's changes: %s", error->message);

      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND))
        {
          close_detail (self);
          show_toast (self, _("This record no longer exists"), NULL);
          tutti_staff_queue_view_refresh (self);
          return;
        }
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_CONFLICT))
        {
          /* Nothing was decided: reload, keeping the choices for the rest. */
          show_message (self,
                        _("Some of these changes have just been decided by someone else, or edited again "
                          "by the family. The list is up to date again: check your decisions and "
                          "apply them once more."),
                        NULL);
          load_detail (self);
          return;
        }

      /* Translators: %s says why, such as “Cannot reach the server …” */
      message = g_strdup_printf (_("Your decisions could not be applied. %s"), error->message);
      show_message (self, message, "staff-queue.apply");
      return;
    }

  for (guint i = 0; decided->changes != NULL && i < decided->changes->len; i++)
    {
      const TuttiPendingChange *change = g_ptr_array_index (decided->changes, i);

      if (change->state == TUTTI_CHANGE_ACCEPTED)
        n_accepted++;
      else if (change->state == TUTTI_CHANGE_REFUSED)
        n_refused++;
    }

  person = format_group_person (self->detail, get_lang (self));
  outcome = format_outcome (person, n_accepted, n_refused);
  close_detail (self);
  show_toast (self, outcome, NULL);
  tutti_staff_queue_view_refresh (self);
}

static void
apply (TuttiStaffQueueView *self)
{
  g_autoptr(GPtrArray) decisions = NULL;

  if (self->busy || self->detail == NULL || !self->detail_open)
    return;

  decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_pending_change_free);
  for (guint i = 0; i < self->change_rows->len; i++)
    {
      ChangeRow *row = g_ptr_array_index (self->change_rows, i);
      Decision decision = change_row_get_decision (row);
      TuttiPendingChange *sent;

      if (decision == DECISION_NONE)
        continue;
      sent = tutti_pending_change_new ();
      sent->id = row->change->id;
      /* The value shown: if the family edited it since, nothing is decided. */
      sent->new_value = g_strdup (row->change->new_value);
      sent->state = decision == DECISION_ACCEPT ? TUTTI_CHANGE_ACCEPTED : TUTTI_CHANGE_REFUSED;
      if (decision == DECISION_REFUSE)
        sent->reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->reason_row))));
      g_ptr_array_add (decisions, sent);
    }
  if (decisions->len == 0)
    return;

  hide_message (self);
  set_busy (self, TRUE);
  tutti_client_decide_changes_async (self->client, self->detail->entity, self->detail->entity_id,
                                     decisions, self->cancellable, decide_changes_cb,
                                     call_new (self, FALSE));
}

static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  apply (TUTTI_STAFF_QUEUE_VIEW (widget));
}

static void
decide_all (TuttiStaffQueueView *self,
            Decision             decision,
            const char          *reason)
{
  for (guint i = 0; i < self->change_rows->len; i++)
    change_row_set_decision (g_ptr_array_index (self->change_rows, i), decision, reason);
  apply (self);
}

static void
accept_all_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  decide_all (TUTTI_STAFF_QUEUE_VIEW (widget), DECISION_ACCEPT, NULL);
}

static void
refuse_all_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        TuttiStaffQueueView *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "refuse") != 0 || !self->detail_open || self->busy)
    return;

  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  decide_all (self, DECISION_REFUSE, reason);
}

/* Asks for the reason the family will read, which may stay empty. */
static void
refuse_all_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TuttiStaffQueueView *self = TUTTI_STAFF_QUEUE_VIEW (widget);
  g_autofree char *person = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->detail == NULL || self->busy)
    return;

  person = format_group_person (self->detail, get_lang (self));
  if (self->change_rows->len == 1)
    /* Translators: %s is a person, such as “Monsieur Z-TEST Essai” */
    body = g_strdup_printf (_("The change requested for %s will be refused. The family will read the reason "
                              "you give here."), person);
  else
    /* Translators: %s is a person, such as “Monsieur Z-TEST Essai” */
    body = g_strdup_printf (_("Every change requested for %s will be refused. The family will read the reason "
                              "you give here."), person);
  dialog = tutti_question_new (widget,
                               self->change_rows->len == 1 ? _("Refuse the Change?") : _("Refuse All the Changes?"),
                               body,
                               "refuse", self->change_rows->len == 1 ? _("_Refuse") : _("_Refuse All"),
                               ADW_RESPONSE_DESTRUCTIVE);
  /* The reason may stay empty: Enter in it refuses. */
  adw_message_dialog_set_default_response (dialog, "refuse");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for the refusal"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (refuse_all_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ---- Opening from the queue ------------------------------------------------------ */

/* Enter or a double-click on a record (GtkColumnView::activate). */
static void
column_view_activate_cb (TuttiStaffQueueView *self,
                         guint                position,
                         GtkColumnView       *column_view)
{
  g_autoptr(TuttiStaffQueueItem) item = NULL;

  item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (column_view)), position);
  if (item != NULL)
    open_detail (self, item->group);
}

/* ---- Public ------------------------------------------------------------------- */

void
tutti_staff_queue_view_clear (TuttiStaffQueueView *self)
{
  g_return_if_fail (TUTTI_IS_STAFF_QUEUE_VIEW (self));

  self->generation++;
  self->loading = FALSE;
  self->loaded = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  forget_detail (self);
  set_busy (self, FALSE);
  hide_message (self);
  g_ptr_array_set_size (self->change_rows, 0);
  g_clear_pointer (&self->detail, tutti_change_group_free);
  adw_leaflet_set_visible_child_name (self->leaflet, "queue");

  g_list_store_remove_all (self->store);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_spinner_stop (self->queue_spinner);
  gtk_stack_set_visible_child_name (self->queue_stack, "loading");
  tutti_toasts_dismiss (&self->toasts);
  tutti_toasts_forget (&self->toasts);
  set_n_records (self, 0);

  tutti_staff_documents_page_clear (self->documents_page);
  adw_view_stack_set_visible_child_name (self->view_stack, "changes");
}

void
tutti_staff_queue_view_set_client (TuttiStaffQueueView *self,
                                   TuttiClient         *client)
{
  TuttiLang lang;

  g_return_if_fail (TUTTI_IS_STAFF_QUEUE_VIEW (self));

  g_set_object (&self->client, client);
  tutti_staff_documents_page_set_client (self->documents_page, client);

  /* The columns' titles: core's labels where it has them. */
  lang = get_lang (self);
  gtk_column_view_column_set_title (self->columns[COLUMN_FAMILY],
                                    tutti_text_get (&tutti_schema_lookup (&tutti_change_group_schema,
                                                                          "family_name")->label, lang));
  gtk_column_view_column_set_title (self->columns[COLUMN_PERSON], _("Person Concerned"));
  gtk_column_view_column_set_title (self->columns[COLUMN_FIELDS],
                                    tutti_text_get (&tutti_schema_lookup (&tutti_change_group_schema,
                                                                          "changes")->label, lang));
  gtk_column_view_column_set_title (self->columns[COLUMN_DATE],
                                    tutti_text_get (&tutti_schema_lookup (&tutti_change_group_schema,
                                                                          "submitted_at")->label, lang));
}

guint
tutti_staff_queue_view_get_n_records (TuttiStaffQueueView *self)
{
  g_return_val_if_fail (TUTTI_IS_STAFF_QUEUE_VIEW (self), 0);

  return self->n_records;
}

guint
tutti_staff_queue_view_get_n_documents (TuttiStaffQueueView *self)
{
  g_return_val_if_fail (TUTTI_IS_STAFF_QUEUE_VIEW (self), 0);

  return tutti_staff_documents_page_get_n_documents (self->documents_page);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
tutti_staff_queue_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tutti_staff_queue_view_parent_class)->map (widget);

  /* The first time, and fresh data each time the view is shown again. */
  tutti_staff_queue_view_refresh (TUTTI_STAFF_QUEUE_VIEW (widget));
}

static void
tutti_staff_queue_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TuttiStaffQueueView *self = TUTTI_STAFF_QUEUE_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_RECORDS:
      g_value_set_uint (value, self->n_records);
      break;

    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, tutti_staff_queue_view_get_n_documents (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tutti_staff_queue_view_dispose (GObject *object)
{
  TuttiStaffQueueView *self = TUTTI_STAFF_QUEUE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->change_rows != NULL)
    g_ptr_array_set_size (self->change_rows, 0);

  /* AdwBin unparents its child itself: drop it first, so that a child
   * bound as a template child is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_STAFF_QUEUE_VIEW);

  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_pointer (&self->detail, tutti_change_group_free);

  G_OBJECT_CLASS (tutti_staff_queue_view_parent_class)->dispose (object);
}

static void
tutti_staff_queue_view_finalize (GObject *object)
{
  TuttiStaffQueueView *self = TUTTI_STAFF_QUEUE_VIEW (object);

  g_clear_pointer (&self->change_rows, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_strfreev);
  tutti_toasts_clear (&self->toasts);

  G_OBJECT_CLASS (tutti_staff_queue_view_parent_class)->finalize (object);
}

static void
tutti_staff_queue_view_class_init (TuttiStaffQueueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tutti_staff_queue_view_get_property;
  object_class->dispose = tutti_staff_queue_view_dispose;
  object_class->finalize = tutti_staff_queue_view_finalize;
  widget_class->map = tutti_staff_queue_view_map;

  properties[PROP_N_RECORDS] =
    g_param_spec_uint ("n-records", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DOCUMENTS] =
    g_param_spec_uint ("n-documents", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "staff-queue.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "staff-queue.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "staff-queue.apply", NULL, apply_activated);
  gtk_widget_class_install_action (widget_class, "staff-queue.accept-all", NULL, accept_all_activated);
  gtk_widget_class_install_action (widget_class, "staff-queue.refuse-all", NULL, refuse_all_activated);
  gtk_widget_class_install_action (widget_class, "staff-queue.reload-detail", NULL, reload_detail_activated);

  g_type_ensure (TUTTI_TYPE_STAFF_DOCUMENTS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-staff-queue-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, switcher);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, changes_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, documents_tab);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, documents_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, queue_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, queue_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, queue_error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, back_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, detail_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, message_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, message_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, retry_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, changes_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, refuse_all_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, accept_all_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, apply_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffQueueView, apply_spinner);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, documents_page_notify_n_documents_cb);
}

static void
setup_columns (TuttiStaffQueueView *self)
{
  self->store = g_list_store_new (TUTTI_TYPE_STAFF_QUEUE_ITEM);
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
                                                       NULL, column_compare[c], self);
      gtk_column_view_column_set_expand (self->columns[c], c == COLUMN_PERSON || c == COLUMN_FIELDS);
    }

  /* The column headers sort the list; first come, first served to start with. */
  self->sort_model = tutti_column_view_show_sorted_model (self->column_view, G_LIST_MODEL (self->filter_model),
                                                          self->columns[COLUMN_DATE], GTK_SORT_ASCENDING);

  /* Typing in the list searches it. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

static void
tutti_staff_queue_view_init (TuttiStaffQueueView *self)
{
  self->cancellable = g_cancellable_new ();
  self->change_rows = g_ptr_array_new_with_free_func (change_row_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  tutti_toasts_init (&self->toasts, self->toast_overlay);

  setup_columns (self);
  update_summary (self);

  tutti_list_add_shortcuts (GTK_WIDGET (self), focus_search_cb, refresh_shortcut_cb);
}

/* ---- For the UI test ---------------------------------------------------------- */

TuttiStaffDocumentsPage *
tutti_staff_queue_view_get_documents_page (TuttiStaffQueueView *self)
{
  return self->documents_page;
}

const char *
tutti_staff_queue_view_get_tab (TuttiStaffQueueView *self)
{
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/* As clicking the tab does. */
void
tutti_staff_queue_view_show_tab (TuttiStaffQueueView *self,
                                 const char          *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
tutti_staff_queue_view_get_state (TuttiStaffQueueView *self)
{
  return gtk_stack_get_visible_child_name (self->queue_stack);
}

const char *
tutti_staff_queue_view_get_page_name (TuttiStaffQueueView *self)
{
  return self->detail_open ? "detail" : "queue";
}

GtkSearchEntry *
tutti_staff_queue_view_get_search_entry (TuttiStaffQueueView *self)
{
  return self->search_entry;
}

GtkColumnView *
tutti_staff_queue_view_get_column_view (TuttiStaffQueueView *self)
{
  return self->column_view;
}

GtkButton *
tutti_staff_queue_view_get_refresh_button (TuttiStaffQueueView *self)
{
  return self->refresh_button;
}

guint
tutti_staff_queue_view_get_n_shown (TuttiStaffQueueView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

const TuttiChangeGroup *
tutti_staff_queue_view_get_shown_group (TuttiStaffQueueView *self,
                                        guint                position)
{
  g_autoptr(TuttiStaffQueueItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  /* The store keeps the item, and the item its group. */
  return item != NULL ? item->group : NULL;
}

const TuttiChangeGroup *
tutti_staff_queue_view_get_detail_group (TuttiStaffQueueView *self)
{
  return self->detail_open ? self->detail : NULL;
}

gboolean
tutti_staff_queue_view_get_detail_loading (TuttiStaffQueueView *self)
{
  return self->detail_loading;
}

AdwWindowTitle *
tutti_staff_queue_view_get_detail_title (TuttiStaffQueueView *self)
{
  return self->detail_title;
}

AdwPreferencesRow *
tutti_staff_queue_view_get_change_row (TuttiStaffQueueView *self,
                                       const char          *field)
{
  ChangeRow *row = find_change_row (self, field);

  return row != NULL ? row->row : NULL;
}

GtkLabel *
tutti_staff_queue_view_get_values_label (TuttiStaffQueueView *self,
                                         const char          *field)
{
  ChangeRow *row = find_change_row (self, field);

  return row != NULL ? row->values_label : NULL;
}

GtkToggleButton *
tutti_staff_queue_view_get_accept_button (TuttiStaffQueueView *self,
                                          const char          *field)
{
  ChangeRow *row = find_change_row (self, field);

  return row != NULL ? row->accept_button : NULL;
}

GtkToggleButton *
tutti_staff_queue_view_get_refuse_button (TuttiStaffQueueView *self,
                                          const char          *field)
{
  ChangeRow *row = find_change_row (self, field);

  return row != NULL ? row->refuse_button : NULL;
}

AdwEntryRow *
tutti_staff_queue_view_get_reason_row (TuttiStaffQueueView *self,
                                       const char          *field)
{
  ChangeRow *row = find_change_row (self, field);

  return row != NULL ? row->reason_row : NULL;
}

GtkButton *
tutti_staff_queue_view_get_apply_button (TuttiStaffQueueView *self)
{
  return self->apply_button;
}

GtkButton *
tutti_staff_queue_view_get_accept_all_button (TuttiStaffQueueView *self)
{
  return self->accept_all_button;
}

GtkButton *
tutti_staff_queue_view_get_refuse_all_button (TuttiStaffQueueView *self)
{
  return self->refuse_all_button;
}

GtkButton *
tutti_staff_queue_view_get_back_button (TuttiStaffQueueView *self)
{
  return self->back_button;
}

GtkLabel *
tutti_staff_queue_view_get_summary_label (TuttiStaffQueueView *self)
{
  return self->summary_label;
}

gboolean
tutti_staff_queue_view_get_busy (TuttiStaffQueueView *self)
{
  return self->busy;
}

const char *
tutti_staff_queue_view_get_message (TuttiStaffQueueView *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_group)))
    return NULL;
  return gtk_label_get_label (self->message_label);
}

const char *
tutti_staff_queue_view_get_last_toast (TuttiStaffQueueView *self)
{
  return tutti_toasts_get_last_title (&self->toasts);
}
