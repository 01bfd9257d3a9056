/* tutti-staff-reenrolments-view.c — STAFF-2, STAFF-4: the office's re-enrolment desk
 *
 * The current re-enrolment campaign and every pupil of it
 * (GET /staff/reenrolments), in a GtkColumnView — a GListStore of
 * TuttiListItem, filtered by state and by a search on the
 * family and the pupil. A pupil whose family has started opens its whole
 * file (GET /staff/reenrolments/{id}) on the leaflet's second page: the
 * contact changes of step 1, decided here through the office's usual
 * queue (POST /staff/changes/…/decide), the image rights, the documents
 * with a preview and Accept / Refuse with a reason, the courses with the
 * place chosen in next year's offer and the free text, then Validate or
 * Refuse the re-enrolment itself, once the family has sent it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-call.h"
#include "tutti-campaign-form.h"
#include "tutti-document-opener.h"
#include "tutti-list-item.h"
#include "tutti-list-page.h"
#include "tutti-list-util.h"
#include "tutti-question.h"
#include "tutti-reason-dialog.h"
#include "tutti-record-details.h"
#include "tutti-staff-reenrolments-view.h"
#include "tutti-toasts.h"
#include "tutti-window-private.h"

/* ---- A pupil of the campaign as a list item ----------------------------------------- */

/* "Z-TEST Essai" */
static char *
format_pupil_name (const TuttiReenrolmentSummary *summary)
{
  return tutti_format_person_name (summary->surname, summary->first_name);
}

/* Takes @summary; its search looks into the family and the pupil. */
static TuttiListItem *
item_new (TuttiReenrolmentSummary *summary)
{
  g_autofree char *pupil = format_pupil_name (summary);

  return tutti_list_item_new (summary, (GDestroyNotify) tutti_reenrolment_summary_free,
                              g_strdup_printf ("%s %s", summary->family_name != NULL ? summary->family_name : "",
                                               pupil));
}

/* ---- The view ------------------------------------------------------------------------- */

enum {
  COLUMN_FAMILY,
  COLUMN_PUPIL,
  COLUMN_STATE,
  COLUMN_SUBMITTED,
  COLUMN_DOCUMENTS,
  COLUMN_CHANGES,
  N_COLUMNS
};

/* The drop-down's entries: all, then each TuttiReenrolmentState in order. */
#define FILTER_ALL 0
#define N_STATES (TUTTI_REENROLMENT_DECLINED + 1)

/* What a decision is about. */
typedef enum
{
  DECIDE_REENROLMENT,
  DECIDE_DOCUMENT,
  DECIDE_CHANGE,
} DecisionKind;

typedef struct _Decision Decision;

struct _TuttiStaffReenrolmentsView
{
  AdwBin               parent_instance;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  AdwActionRow        *campaign_row;
  GtkLabel            *campaign_state_label;
  GtkDropDown         *state_dropdown;
  GtkSearchEntry      *search_entry;
  GtkButton           *refresh_button;
  GtkStack            *list_stack;
  GtkSpinner          *list_spinner;
  AdwStatusPage       *list_error_page;
  GtkColumnView       *column_view;
  GtkButton           *back_button;
  AdwWindowTitle      *detail_title;
  GtkButton           *reload_button;
  GtkStack            *detail_stack;
  GtkSpinner          *detail_spinner;
  AdwStatusPage       *detail_error_page;
  GtkScrolledWindow   *detail_scroll;
  GtkBox              *sections_box;
  GtkLabel            *decision_label;
  GtkButton           *refuse_button;
  GtkButton           *validate_button;
  GtkSpinner          *decide_spinner;

  GListStore          *store;
  GtkFilter           *filter;
  GtkFilterListModel  *filter_model;

  TuttiClient         *client;
  GCancellable        *cancellable;
  guint                generation;
  TuttiListPage        list;
  gboolean             refresh_again;
  TuttiCampaign       *campaign;

  /* The file open on the detail page. */
  gint64               detail_id;
  TuttiReenrolmentFile *file;
  guint                detail_serial;
  gboolean             detail_loading;
  guint                detail_spinner_id;
  /* "accept-document/12", "document/12"… → the widget; the sections own them. */
  GHashTable          *widgets;

  gboolean             deciding;
  guint                decide_spinner_id;
  Decision            *failed;           /* what Retry sends again */
  GtkWindow           *viewer;           /* weak: the preview open */
  TuttiToasts          toasts;
};

G_DEFINE_FINAL_TYPE (TuttiStaffReenrolmentsView, tutti_staff_reenrolments_view, ADW_TYPE_BIN)

struct _Decision
{
  TuttiStaffReenrolmentsView *self;      /* a reference while on its way */
  guint                       generation;
  DecisionKind                kind;
  gint64                      reenrolment_id;
  gint64                      id;        /* the document's or the change's */
  TuttiEntity                 entity;    /* the change's record */
  gint64                      entity_id;
  char                       *new_value; /* the change's value, as the office saw it */
  int                         state;
  char                       *reason;
};

static Decision *
decision_new (TuttiStaffReenrolmentsView *self,
              DecisionKind                kind,
              gint64                      id,
              int                         state)
{
  Decision *decision = g_new0 (Decision, 1);

  decision->kind = kind;
  decision->reenrolment_id = self->file != NULL ? self->file->reenrolment->id : 0;
  decision->id = id;
  decision->state = state;
  return decision;
}

static Decision *
decision_copy (const Decision *decision)
{
  Decision *copy = g_memdup2 (decision, sizeof (Decision));

  copy->self = NULL;
  copy->new_value = g_strdup (decision->new_value);
  copy->reason = g_strdup (decision->reason);
  return copy;
}

static void
decision_free (Decision *decision)
{
  g_clear_object (&decision->self);
  g_free (decision->new_value);
  g_free (decision->reason);
  g_free (decision);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Decision, decision_free)

static TuttiLang
get_lang (TuttiStaffReenrolmentsView *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : TUTTI_LANG_EN;
}

/* ---- Toasts --------------------------------------------------------------------------- */

static void
show_toast (TuttiStaffReenrolmentsView *self,
            const char                 *title)
{
  tutti_toasts_show (&self->toasts, title, 4, NULL, NULL);
}

/* With Retry, until it is pressed or closed. */
static void
error_toast (TuttiStaffReenrolmentsView *self,
             const char                 *title,
             const char                 *action)
{
  tutti_toasts_show (&self->toasts, title, action != NULL ? 0 : 6, action, NULL);
}

/* ---- Words ---------------------------------------------------------------------------- */

static const char *
document_style_class (TuttiDocumentState state)
{
  switch (state)
    {
    case TUTTI_DOCUMENT_TO_PROVIDE:
      return "todo";
    case TUTTI_DOCUMENT_PROVIDED:
      return "pending";
    case TUTTI_DOCUMENT_ACCEPTED:
      return "done";
    case TUTTI_DOCUMENT_REFUSED:
    default:
      return "refused";
    }
}

static const char *
change_style_class (TuttiChangeState state)
{
  switch (state)
    {
    case TUTTI_CHANGE_PENDING:
      return "pending";
    case TUTTI_CHANGE_ACCEPTED:
      return "done";
    case TUTTI_CHANGE_REFUSED:
    default:
      return "refused";
    }
}

/* The label of the field @key of @schema, from core. */
static const char *
label_of (const TuttiSchema *schema,
          const char        *key,
          TuttiLang          lang)
{
  const TuttiField *field = tutti_schema_lookup (schema, key);

  return field != NULL ? tutti_text_get (&field->label, lang) : key;
}

/* ---- The columns ---------------------------------------------------------------------- */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = tutti_cell_label_new ();

  if (column == COLUMN_STATE)
    {
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "tutti-state");
    }
  if (column == COLUMN_SUBMITTED || column == COLUMN_DOCUMENTS || column == COLUMN_CHANGES)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_DOCUMENTS || column == COLUMN_CHANGES)
    gtk_label_set_xalign (GTK_LABEL (label), 0.5f);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  TuttiStaffReenrolmentsView *self = g_object_get_data (G_OBJECT (factory), "tutti-view");
  const TuttiReenrolmentSummary *summary = tutti_list_item_get_record (gtk_list_item_get_item (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);
  TuttiLang lang = get_lang (self);
  g_autofree char *text = NULL;
  gint64 count;

  switch (GPOINTER_TO_UINT (user_data))
    {
    case COLUMN_FAMILY:
      text = g_strdup (summary->family_name != NULL ? summary->family_name : "");
      break;
    case COLUMN_PUPIL:
      text = format_pupil_name (summary);
      break;
    case COLUMN_STATE:
      tutti_tag_set (GTK_LABEL (label), tutti_enum_to_label (&tutti_reenrolment_state_enum, summary->state, lang),
               tutti_reenrolment_state_style (summary->state));
      gtk_widget_set_tooltip_text (label, gtk_label_get_label (GTK_LABEL (label)));
      return;
    case COLUMN_SUBMITTED:
      text = tutti_format_datetime (summary->submitted_at, lang);
      break;
    case COLUMN_DOCUMENTS:
    case COLUMN_CHANGES:
    default:
      count = GPOINTER_TO_UINT (user_data) == COLUMN_DOCUMENTS ? summary->documents_to_check
                                                               : summary->changes_pending;
      text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
      if (count > 0)
        {
          gtk_widget_remove_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, "heading");
        }
      else
        {
          gtk_widget_remove_css_class (label, "heading");
          gtk_widget_add_css_class (label, "dim-label");
        }
      break;
    }
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, *text != '\0' ? text : NULL);
}

static void
add_columns (TuttiStaffReenrolmentsView *self)
{
  TuttiLang lang = tutti_lang_from_environment ();
  const char *titles[N_COLUMNS] = {
    label_of (&tutti_reenrolment_summary_schema, "family_name", lang),
    label_of (&tutti_reenrolment_summary_schema, "pupil_id", lang),
    label_of (&tutti_reenrolment_summary_schema, "state", lang),
    label_of (&tutti_reenrolment_summary_schema, "submitted_at", lang),
    label_of (&tutti_reenrolment_summary_schema, "documents_to_check", lang),
    label_of (&tutti_reenrolment_summary_schema, "changes_pending", lang),
  };

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkColumnViewColumn *column = tutti_column_view_add_column (self->column_view, titles[c], c,
                                                                  G_CALLBACK (setup_cell_cb),
                                                                  G_CALLBACK (bind_cell_cb),
                                                                  NULL, NULL, self);

      gtk_column_view_column_set_expand (column, c == COLUMN_FAMILY || c == COLUMN_PUPIL);
    }
}

/* ---- Filtering ---------------------------------------------------------------------------- */

static gboolean
filter_item (gpointer object,
             gpointer user_data)
{
  TuttiStaffReenrolmentsView *self = user_data;
  const TuttiReenrolmentSummary *summary = tutti_list_item_get_record (object);
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (selected != FILTER_ALL && selected != GTK_INVALID_LIST_POSITION &&
      (guint) summary->state != selected - 1)
    return FALSE;

  return tutti_search_match_prefixes (search, tutti_list_item_get_search_text (object));
}

static void
filter_changed_cb (TuttiStaffReenrolmentsView *self)
{
  /* The drop-down gets its model before the list is made. */
  if (self->filter == NULL)
    return;
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  tutti_list_page_update (&self->list);
}

static void
stop_search_cb (TuttiStaffReenrolmentsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---- The campaign --------------------------------------------------------------------- */

/* The campaign's row: its year, deadline, how many pupils and how many
 * re-enrolments await the office. */
static void
show_campaign (TuttiStaffReenrolmentsView *self)
{
  TuttiLang lang = get_lang (self);
  const TuttiCampaign *campaign = self->campaign;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *deadline = NULL;
  guint n_pupils = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n_to_validate = 0;
  gboolean open_now;

  gtk_widget_set_visible (GTK_WIDGET (self->campaign_state_label), campaign != NULL);
  if (campaign == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->campaign_row), _("Re-enrolment"));
      adw_action_row_set_subtitle (self->campaign_row, _("No re-enrolment campaign has been created."));
      return;
    }

  for (guint i = 0; i < n_pupils; i++)
    {
      g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (((TuttiReenrolmentSummary *) tutti_list_item_get_record (item))->state == TUTTI_REENROLMENT_SUBMITTED)
        n_to_validate++;
    }

  open_now = tutti_campaign_form_is_open_now (campaign);
  title = tutti_campaign_form_heading (campaign);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->campaign_row), title);

  deadline = tutti_format_deadline (campaign->deadline, lang);
  g_string_append (subtitle, deadline);
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, ngettext ("%u pupil", "%u pupils", n_pupils), n_pupils);
  g_string_append (subtitle, " · ");
  /* Translators: how many re-enrolments the families sent and the office has not decided */
  g_string_append_printf (subtitle, ngettext ("%u to validate", "%u to validate", n_to_validate), n_to_validate);
  adw_action_row_set_subtitle (self->campaign_row, subtitle->str);

  tutti_tag_set (self->campaign_state_label, open_now ? _("Open") : _("Closed"), open_now ? "done" : "refused");
}

/* A call of the list; with @detail, about the file open on the detail page. */
static TuttiCall *
call_new (TuttiStaffReenrolmentsView *self,
          gboolean                    detail)
{
  return tutti_call_new (self, &self->generation, detail ? &self->detail_serial : NULL, self->cancellable);
}

static void
list_campaigns_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TuttiCall) call = user_data;
  TuttiStaffReenrolmentsView *self = call->owner;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  const TuttiCampaign *found;

  campaigns = tutti_client_list_staff_campaigns_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_is_wanted (call, error))
    return;

  if (campaigns == NULL)
    {
      g_debug ("Loading the campaigns: %s", error->message);
      if (!g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        adw_action_row_set_subtitle (self->campaign_row, error->message);
      return;
    }

  /* The one GET /staff/reenrolments lists by default. */
  found = tutti_campaign_form_find_current (campaigns, TUTTI_CAMPAIGN_REENROLMENT);
  g_clear_pointer (&self->campaign, tutti_campaign_free);
  if (found != NULL)
    self->campaign = tutti_campaign_copy (found);
  show_campaign (self);
}

static void
list_reenrolments_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(TuttiCall) call = user_data;
  TuttiStaffReenrolmentsView *self = call->owner;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) items = NULL;

  summaries = tutti_client_list_staff_reenrolments_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_is_wanted (call, error))
    return;

  if (summaries != NULL)
    {
      items = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < summaries->len; i++)
        g_ptr_array_add (items, item_new (tutti_reenrolment_summary_copy (g_ptr_array_index (summaries, i))));
    }
  if (!tutti_list_page_finish_load (&self->list, items, error, &self->toasts,
                                    _("Could not refresh the re-enrolments"), "staff-reenrolments.refresh"))
    {
      self->refresh_again = FALSE;
      return;
    }
  show_campaign (self);

  /* A decision came while this list was on its way. */
  if (self->refresh_again)
    {
      self->refresh_again = FALSE;
      tutti_staff_reenrolments_view_refresh (self);
    }
}

void
tutti_staff_reenrolments_view_refresh (TuttiStaffReenrolmentsView *self)
{
  TuttiAccount *account;

  g_return_if_fail (TUTTI_IS_STAFF_REENROLMENTS_VIEW (self));

  account = self->client != NULL ? tutti_client_get_account (self->client) : NULL;
  if (account == NULL || account->role != TUTTI_ROLE_STAFF)
    return;
  if (!tutti_list_page_start_load (&self->list))
    {
      self->refresh_again = TRUE;
      return;
    }

  tutti_client_list_staff_campaigns_async (self->client, self->cancellable,
                                           list_campaigns_cb, call_new (self, FALSE));
  tutti_client_list_staff_reenrolments_async (self->client, -1, 0, self->cancellable,
                                              list_reenrolments_cb, call_new (self, FALSE));
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tutti_staff_reenrolments_view_refresh (TUTTI_STAFF_REENROLMENTS_VIEW (widget));
}

/* The list's row of re-enrolment @id, its state as decided now; the next
 * refresh brings the counts. */
static void
update_item_state (TuttiStaffReenrolmentsView  *self,
                   const TuttiReenrolment      *reenrolment)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      const TuttiReenrolmentSummary *shown = tutti_list_item_get_record (item);

      if (shown->id == reenrolment->id)
        {
          TuttiReenrolmentSummary *summary = tutti_reenrolment_summary_copy (shown);
          g_autoptr(TuttiListItem) replacement = NULL;

          summary->state = reenrolment->state;
          g_free (summary->decided_at);
          summary->decided_at = g_strdup (reenrolment->decided_at);
          replacement = item_new (summary);
          g_list_store_splice (self->store, i, 1, (gpointer *) &replacement, 1);
          break;
        }
    }
  tutti_list_page_update (&self->list);
  show_campaign (self);
}

/* ---- The file: its sections ----------------------------------------------------------- */

static void
keep_widget (TuttiStaffReenrolmentsView *self,
             const char                 *what,
             gint64                      id,
             GtkWidget                  *widget)
{
  g_hash_table_insert (self->widgets, g_strdup_printf ("%s/%" G_GINT64_FORMAT, what, id), widget);
}

static GtkWidget *
find_widget (TuttiStaffReenrolmentsView *self,
             const char                 *what,
             gint64                      id)
{
  g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, what, id);

  return g_hash_table_lookup (self->widgets, key);
}

/* A button of a row, for the action @action_name on @id. */
static GtkWidget *
new_row_button (TuttiStaffReenrolmentsView *self,
                const char                 *label,
                const char                 *icon_name,
                const char                 *accessible_label,
                const char                 *action_name,
                gint64                      id)
{
  GtkWidget *button = gtk_button_new ();

  if (icon_name != NULL)
    {
      gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
      gtk_widget_set_tooltip_text (button, label);
    }
  else
    gtk_button_set_label (GTK_BUTTON (button), label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  /* The target first: a name without it is an action of another type. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

static GtkWidget *
new_group (TuttiStaffReenrolmentsView *self,
           const char                 *title,
           const char                 *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->sections_box, group);
  return group;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (!tutti_is_blank (subtitle))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
add_file_section (TuttiStaffReenrolmentsView *self)
{
  const TuttiReenrolmentFile *file = self->file;
  const TuttiReenrolment *reenrolment = file->reenrolment;
  TuttiLang lang = get_lang (self);
  g_autofree char *pupil = reenrolment->pupil != NULL ? tutti_format_person_with_civility (reenrolment->pupil->civility,
                                                                                      reenrolment->pupil->surname,
                                                                                      reenrolment->pupil->first_name,
                                                                                      lang) : NULL;
  GtkWidget *group = new_group (self, _("Re-enrolment File"), NULL);
  GtkWidget *row;

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             tutti_record_details_row_new (label_of (&tutti_reenrolment_summary_schema,
                                                                     "family_name", lang),
                                                           file->family_name));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             tutti_record_details_row_new (label_of (&tutti_reenrolment_schema, "pupil", lang),
                                                           pupil));

  row = new_row (label_of (&tutti_reenrolment_schema, "state", lang), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             tutti_tag_new (tutti_enum_to_label (&tutti_reenrolment_state_enum, reenrolment->state, lang),
                                      tutti_reenrolment_state_style (reenrolment->state)));
  gtk_widget_set_name (row, "state");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  if (reenrolment->state == TUTTI_REENROLMENT_IN_PROGRESS)
    {
      /* Translators: where the family stopped among the six steps */
      g_autofree char *step = g_strdup_printf (_("Step %u of 6"), (guint) CLAMP (reenrolment->step, 1, 6));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 tutti_record_details_row_new (label_of (&tutti_reenrolment_schema, "step", lang),
                                                               step));
    }
  if (reenrolment->submitted_at != NULL)
    {
      g_autofree char *submitted = tutti_format_datetime (reenrolment->submitted_at, lang);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 tutti_record_details_row_new (label_of (&tutti_reenrolment_schema,
                                                                         "submitted_at", lang),
                                                               submitted));
    }
  if (reenrolment->decided_at != NULL &&
      (reenrolment->state == TUTTI_REENROLMENT_VALIDATED || reenrolment->state == TUTTI_REENROLMENT_REFUSED))
    {
      g_autofree char *decided = tutti_format_datetime (reenrolment->decided_at, lang);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 tutti_record_details_row_new (label_of (&tutti_reenrolment_schema,
                                                                         "decided_at", lang),
                                                               decided));
    }
  if (reenrolment->state == TUTTI_REENROLMENT_REFUSED && !tutti_is_blank (reenrolment->reason))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               tutti_record_details_row_new (label_of (&tutti_reenrolment_schema, "reason", lang),
                                                             reenrolment->reason));
}

/* Whose record a change is, a guardian of the file or the pupil: "Z-TEST
 * Essai (Guardian)", for a parent may share the pupil's name. */
static char *
change_owner (const TuttiReenrolmentFile *file,
              const TuttiPendingChange   *change,
              TuttiLang                   lang)
{
  const TuttiReenrolment *reenrolment = file->reenrolment;
  const char *role = tutti_enum_to_label (&tutti_entity_enum, change->entity, lang);
  g_autofree char *name = NULL;

  if (change->entity == TUTTI_ENTITY_PUPIL && reenrolment->pupil != NULL)
    name = tutti_format_person_name (reenrolment->pupil->surname, reenrolment->pupil->first_name);
  for (guint i = 0; name == NULL && reenrolment->guardians != NULL && i < reenrolment->guardians->len; i++)
    {
      const TuttiGuardian *guardian = g_ptr_array_index (reenrolment->guardians, i);

      if (change->entity == TUTTI_ENTITY_GUARDIAN && guardian->id == change->entity_id)
        name = tutti_format_person_name (guardian->surname, guardian->first_name);
    }
  if (name == NULL)
    return g_strdup (role);
  /* Translators: a person and their place in the family, such as “Z-TEST Essai (Guardian)” */
  return g_strdup_printf (_("%s (%s)"), name, role);
}

/* "Modified elements": decided in the office's usual queue, from here. */
static void
add_changes_section (TuttiStaffReenrolmentsView *self)
{
  const TuttiReenrolmentFile *file = self->file;
  TuttiLang lang = get_lang (self);
  GtkWidget *group = new_group (self, _("Modified Elements"),
                                _("What the family changed in its file: contact details, image rights. "
                                  "Deciding a change here decides it in the Validation queue too."));

  if (file->changes == NULL || file->changes->len == 0)
    {
      GtkWidget *row = new_row (_("No change to the file"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      return;
    }

  for (guint i = 0; i < file->changes->len; i++)
    {
      const TuttiPendingChange *change = g_ptr_array_index (file->changes, i);
      const TuttiField *field = tutti_schema_lookup (tutti_entity_get_schema (change->entity), change->field);
      g_autofree char *owner = change_owner (file, change, lang);
      g_autofree char *old_text = field != NULL ? tutti_field_format_text (field, change->old_value, lang)
                                                : g_strdup (change->old_value);
      g_autofree char *new_text = field != NULL ? tutti_field_format_text (field, change->new_value, lang)
                                                : g_strdup (change->new_value);
      /* Translators: a changed field: whose, which field */
      g_autofree char *title = g_strdup_printf (_("%s — %s"), owner,
                                                field != NULL ? tutti_text_get (&field->label, lang)
                                                              : change->field);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      gboolean decidable = change->id != 0 && change->state == TUTTI_CHANGE_PENDING;
      GtkWidget *row;

      /* Translators: a field's old value → its new value */
      g_string_append_printf (subtitle, _("%s → %s"), old_text != NULL ? old_text : "",
                              new_text != NULL ? new_text : "");
      if (change->state == TUTTI_CHANGE_REFUSED && !tutti_is_blank (change->reason))
        {
          g_string_append_c (subtitle, '\n');
          /* Translators: %s is why the office refused a change or a document */
          g_string_append_printf (subtitle, _("Reason: %s"), change->reason);
        }
      row = new_row (title, subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 tutti_tag_new (change->id == 0 ? _("Not sent yet")
                                                          : tutti_enum_to_label (&tutti_change_state_enum,
                                                                                 change->state, lang),
                                          change->id == 0 ? "todo" : change_style_class (change->state)));
      if (decidable)
        {
          /* Translators: an accessible name: accept the change of this field */
          g_autofree char *accept_name = g_strdup_printf (_("Accept “%s”"), title);
          /* Translators: an accessible name: refuse the change of this field */
          g_autofree char *refuse_name = g_strdup_printf (_("Refuse “%s”"), title);
          GtkWidget *accept = new_row_button (self, _("Accept"), NULL, accept_name,
                                              "staff-reenrolments.accept-change", change->id);
          GtkWidget *refuse = new_row_button (self, _("Refuse…"), NULL, refuse_name,
                                              "staff-reenrolments.refuse-change", change->id);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row), refuse);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);
          keep_widget (self, "accept-change", change->id, accept);
          keep_widget (self, "refuse-change", change->id, refuse);
        }
      if (change->id != 0)
        keep_widget (self, "change", change->id, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_authorisations_section (TuttiStaffReenrolmentsView *self)
{
  const TuttiReenrolment *reenrolment = self->file->reenrolment;
  TuttiLang lang = get_lang (self);
  GtkWidget *group = new_group (self, _("Authorisations"), NULL);
  GtkWidget *row;

  row = tutti_record_details_row_new (label_of (&tutti_reenrolment_schema, "image_rights", lang),
                                      tutti_enum_to_label (&tutti_image_rights_enum, reenrolment->image_rights,
                                                           lang));
  gtk_widget_set_name (row, "image_rights");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_documents_section (TuttiStaffReenrolmentsView *self)
{
  const TuttiReenrolmentFile *file = self->file;
  TuttiLang lang = get_lang (self);
  GtkWidget *group = new_group (self, _("Documents"), NULL);

  if (file->documents == NULL || file->documents->len == 0)
    {
      GtkWidget *row = new_row (_("No document is asked for"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      return;
    }

  for (guint i = 0; i < file->documents->len; i++)
    {
      const TuttiDocument *document = g_ptr_array_index (file->documents, i);
      const char *name = !tutti_is_blank (document->name) ? document->name : document->kind;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      if (document->id == 0)
        g_string_append (subtitle, _("Not provided yet"));
      else
        {
          g_autofree char *date = tutti_format_datetime (document->uploaded_at, lang);
          g_autofree char *size = tutti_format_size (document->size, lang);

          g_string_append_printf (subtitle, "%s · %s · %s",
                                  document->file_name != NULL ? document->file_name : "", date, size);
        }
      if (document->state == TUTTI_DOCUMENT_REFUSED && !tutti_is_blank (document->reason))
        {
          g_string_append_c (subtitle, '\n');
          g_string_append_printf (subtitle, _("Reason: %s"), document->reason);
        }

      row = new_row (name, subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 tutti_tag_new (tutti_enum_to_label (&tutti_document_state_enum, document->state, lang),
                                          document_style_class (document->state)));
      if (document->id != 0)
        {
          /* Translators: an accessible name: preview, accept or refuse this document */
          g_autofree char *preview_name = g_strdup_printf (_("Preview “%s”"), name);
          g_autofree char *accept_name = g_strdup_printf (_("Accept “%s”"), name);
          g_autofree char *refuse_name = g_strdup_printf (_("Refuse “%s”"), name);
          GtkWidget *preview = new_row_button (self, _("Preview"), "document-print-preview-symbolic",
                                               preview_name, "staff-reenrolments.preview-document",
                                               document->id);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row), preview);
          keep_widget (self, "preview-document", document->id, preview);
          /* A decision can be changed: the other one stays offered. */
          if (document->state != TUTTI_DOCUMENT_REFUSED)
            {
              GtkWidget *refuse = new_row_button (self, _("Refuse…"), NULL, refuse_name,
                                                  "staff-reenrolments.refuse-document", document->id);

              adw_action_row_add_suffix (ADW_ACTION_ROW (row), refuse);
              keep_widget (self, "refuse-document", document->id, refuse);
            }
          if (document->state != TUTTI_DOCUMENT_ACCEPTED)
            {
              GtkWidget *accept = new_row_button (self, _("Accept"), NULL, accept_name,
                                                  "staff-reenrolments.accept-document", document->id);

              adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);
              keep_widget (self, "accept-document", document->id, accept);
            }
          keep_widget (self, "document", document->id, row);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/* The place chosen for a course, from the offer the file came with. */
static const TuttiOfferItem *
find_offer_item (const TuttiReenrolmentFile *file,
                 const TuttiCourseChoice    *choice)
{
  if (choice->offer_id == TUTTI_NO_VALUE || choice->offer_id == 0)
    return NULL;
  for (guint i = 0; file->course_offers != NULL && i < file->course_offers->len; i++)
    {
      const TuttiCourseOffer *offer = g_ptr_array_index (file->course_offers, i);

      for (guint j = 0; offer->offer != NULL && j < offer->offer->len; j++)
        {
          const TuttiOfferItem *item = g_ptr_array_index (offer->offer, j);

          if (item->id == choice->offer_id)
            return item;
        }
    }
  for (guint i = 0; file->campaign != NULL && file->campaign->offer != NULL && i < file->campaign->offer->len; i++)
    {
      const TuttiOfferItem *item = g_ptr_array_index (file->campaign->offer, i);

      if (item->id == choice->offer_id)
        return item;
    }
  return NULL;
}

static void
add_courses_section (TuttiStaffReenrolmentsView *self)
{
  const TuttiReenrolmentFile *file = self->file;
  const TuttiReenrolment *reenrolment = file->reenrolment;
  TuttiLang lang = get_lang (self);
  GtkWidget *group = new_group (self, _("Courses"), NULL);
  GtkWidget *row;

  if (reenrolment->courses == NULL || reenrolment->courses->len == 0)
    {
      row = new_row (_("No course this year"), NULL);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  for (guint i = 0; reenrolment->courses != NULL && i < reenrolment->courses->len; i++)
    {
      const TuttiCourseChoice *choice = g_ptr_array_index (reenrolment->courses, i);
      const TuttiOfferItem *item = find_offer_item (file, choice);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      if (!tutti_is_blank (choice->cursus))
        g_string_append (subtitle, choice->cursus);
      if (!tutti_is_blank (choice->cycle))
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          /* Translators: a field's label and its value, such as “Cycle: 1er cycle” */
          g_string_append_printf (subtitle, _("%s: %s"), label_of (&tutti_course_choice_schema, "cycle", lang),
                                  choice->cycle);
        }
      if (choice->school_hours)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "",
                                label_of (&tutti_course_choice_schema, "school_hours", lang));
      if (choice->reenrol)
        {
          g_autofree char *place = item != NULL ? tutti_campaign_form_format_place (item, lang) : NULL;

          if (subtitle->len > 0)
            g_string_append_c (subtitle, '\n');
          /* Translators: the place chosen in next year's offer, or “As this year” */
          g_string_append_printf (subtitle, _("Place chosen: %s"), place != NULL ? place : _("As this year"));
        }

      row = new_row (choice->course_name, subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 tutti_tag_new (choice->reenrol ? _("Re-enrols") : _("Does not re-enrol"),
                                          choice->reenrol ? "done" : "declined"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  row = tutti_record_details_row_new (label_of (&tutti_reenrolment_schema, "free_text", lang),
                                      reenrolment->free_text);
  gtk_widget_set_name (row, "free_text");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* How many documents and changes of the file still await the office. */
static void
count_to_check (const TuttiReenrolmentFile *file,
                guint                      *n_documents,
                guint                      *n_changes)
{
  *n_documents = 0;
  *n_changes = 0;
  for (guint i = 0; file->documents != NULL && i < file->documents->len; i++)
    {
      const TuttiDocument *document = g_ptr_array_index (file->documents, i);

      if (document->id != 0 && document->state == TUTTI_DOCUMENT_PROVIDED)
        (*n_documents)++;
    }
  for (guint i = 0; file->changes != NULL && i < file->changes->len; i++)
    {
      const TuttiPendingChange *change = g_ptr_array_index (file->changes, i);

      if (change->id != 0 && change->state == TUTTI_CHANGE_PENDING)
        (*n_changes)++;
    }
}

static gboolean
can_validate (TuttiReenrolmentState state)
{
  return state == TUTTI_REENROLMENT_SUBMITTED || state == TUTTI_REENROLMENT_REFUSED;
}

static gboolean
can_refuse (TuttiReenrolmentState state)
{
  return state == TUTTI_REENROLMENT_SUBMITTED || state == TUTTI_REENROLMENT_VALIDATED;
}

/* Validate and Refuse, enabled as the state allows (the server answers a
 * re-enrolment not sent with a conflict), with why when they are not. */
static void
update_actions (TuttiStaffReenrolmentsView *self)
{
  const TuttiReenrolment *reenrolment = self->file != NULL ? self->file->reenrolment : NULL;
  gboolean ready = reenrolment != NULL && !self->deciding && !self->detail_loading;
  TuttiLang lang = get_lang (self);
  g_autofree char *text = NULL;
  const char * const row_actions[] = {
    "staff-reenrolments.accept-document", "staff-reenrolments.refuse-document",
    "staff-reenrolments.accept-change", "staff-reenrolments.refuse-change",
  };

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-reenrolments.validate",
                                 ready && can_validate (reenrolment->state));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-reenrolments.refuse",
                                 ready && can_refuse (reenrolment->state));
  for (guint i = 0; i < G_N_ELEMENTS (row_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), row_actions[i], ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-reenrolments.reload-detail",
                                 self->detail_id != 0 && !self->deciding && !self->detail_loading);

  if (reenrolment == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->decision_label), FALSE);
      return;
    }

  switch (reenrolment->state)
    {
    case TUTTI_REENROLMENT_TO_DO:
    case TUTTI_REENROLMENT_IN_PROGRESS:
      text = g_strdup (_("The family has not sent this re-enrolment yet: it can be validated or refused "
                         "once sent."));
      break;
    case TUTTI_REENROLMENT_DECLINED:
      text = g_strdup (_("The family does not wish to re-enrol this pupil: there is nothing to validate."));
      break;
    case TUTTI_REENROLMENT_VALIDATED:
      {
        g_autofree char *decided = tutti_format_datetime (reenrolment->decided_at, lang);

        /* Translators: %s is a date and time */
        text = g_strdup_printf (_("Validated on %s. You can still refuse it."), decided);
      }
      break;
    case TUTTI_REENROLMENT_REFUSED:
      {
        g_autofree char *decided = tutti_format_datetime (reenrolment->decided_at, lang);

        /* Translators: %s is a date and time */
        text = g_strdup_printf (_("Refused on %s. You can still validate it."), decided);
      }
      break;
    case TUTTI_REENROLMENT_SUBMITTED:
    default:
      {
        guint n_documents, n_changes;

        count_to_check (self->file, &n_documents, &n_changes);
        if (n_documents > 0 || n_changes > 0)
          text = g_strdup (_("Check the documents and the changes above before validating."));
      }
      break;
    }
  gtk_label_set_label (self->decision_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->decision_label), text != NULL);
}

static void
show_file (TuttiStaffReenrolmentsView *self)
{
  const TuttiReenrolmentFile *file = self->file;
  g_autofree char *pupil = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *child;

  g_hash_table_remove_all (self->widgets);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);

  pupil = file->reenrolment->pupil != NULL
          ? tutti_format_person_name (file->reenrolment->pupil->surname, file->reenrolment->pupil->first_name)
          : g_strdup ("");
  /* Translators: %s is a pupil, such as “Z-TEST Essai” */
  title = g_strdup_printf (_("Re-enrolment of %s"), pupil);
  if (file->campaign != NULL && !tutti_is_blank (file->campaign->school_year))
    subtitle = g_strdup_printf ("%s · %s", file->family_name != NULL ? file->family_name : "",
                                file->campaign->school_year);
  else
    subtitle = g_strdup (file->family_name);
  adw_window_title_set_title (self->detail_title, title);
  adw_window_title_set_subtitle (self->detail_title, subtitle);

  add_file_section (self);
  add_changes_section (self);
  add_authorisations_section (self);
  add_documents_section (self);
  add_courses_section (self);
  update_actions (self);
}

/* ---- The file: loading ---------------------------------------------------------------- */

static void
get_file_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TuttiCall) call = user_data;
  TuttiStaffReenrolmentsView *self = call->owner;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiReenrolmentFile) file = NULL;

  file = tutti_client_get_staff_reenrolment_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_is_wanted (call, error))
    return;

  self->detail_loading = FALSE;
  tutti_spinner_stop (self->detail_spinner, FALSE, &self->detail_spinner_id);

  if (file == NULL)
    {
      g_debug ("Loading a re-enrolment: %s", error->message);
      update_actions (self);
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;
      if (self->file == NULL)
        {
          adw_status_page_set_description (self->detail_error_page, error->message);
          gtk_stack_set_visible_child_name (self->detail_stack, "error");
        }
      else
        error_toast (self, error->message, "staff-reenrolments.reload-detail");
      return;
    }

  g_clear_pointer (&self->file, tutti_reenrolment_file_free);
  self->file = g_steal_pointer (&file);
  show_file (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "content");
}

static void
load_file (TuttiStaffReenrolmentsView *self)
{
  if (self->detail_id == 0 || self->client == NULL || self->detail_loading)
    return;

  self->detail_loading = TRUE;
  update_actions (self);
  if (self->file == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "loading");
      tutti_spinner_start_later (self->detail_spinner, FALSE, &self->detail_spinner_id);
    }
  tutti_client_get_staff_reenrolment_async (self->client, self->detail_id, self->cancellable,
                                            get_file_cb, call_new (self, TRUE));
}

static void
reload_detail_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  load_file (TUTTI_STAFF_REENROLMENTS_VIEW (widget));
}

static void
open_position (TuttiStaffReenrolmentsView *self,
               guint                       position)
{
  g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);
  const TuttiReenrolmentSummary *summary = item != NULL ? tutti_list_item_get_record (item) : NULL;
  g_autofree char *pupil = NULL;
  g_autofree char *title = NULL;

  if (summary == NULL)
    return;

  /* Nothing to open before the family starts. */
  pupil = format_pupil_name (summary);
  if (summary->id == 0)
    {
      /* Translators: %s is a pupil, such as “Z-TEST Essai” */
      g_autofree char *message = g_strdup_printf (_("The family has not started the re-enrolment of %s yet"),
                                                  pupil);

      show_toast (self, message);
      return;
    }

  self->detail_serial++;
  self->detail_id = summary->id;
  self->detail_loading = FALSE;
  g_clear_pointer (&self->file, tutti_reenrolment_file_free);
  g_clear_pointer (&self->failed, decision_free);
  g_hash_table_remove_all (self->widgets);

  /* Translators: %s is a pupil, such as “Z-TEST Essai” */
  title = g_strdup_printf (_("Re-enrolment of %s"), pupil);
  adw_window_title_set_title (self->detail_title, title);
  adw_window_title_set_subtitle (self->detail_title, summary->family_name);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroll), 0);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
  load_file (self);
}

static void
column_view_activate_cb (TuttiStaffReenrolmentsView *self,
                         guint                       position)
{
  open_position (self, position);
}

/* Back to the list; the page keeps its sections until the next opening,
 * so that it does not empty while it slides away. */
static void
forget_detail (TuttiStaffReenrolmentsView *self)
{
  self->detail_serial++;
  self->detail_id = 0;
  self->detail_loading = FALSE;
  g_clear_handle_id (&self->detail_spinner_id, g_source_remove);
  update_actions (self);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
leaflet_visible_child_cb (TuttiStaffReenrolmentsView *self)
{
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") == 0)
    {
      forget_detail (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
}

/* ---- Previewing a document ------------------------------------------------------------ */

static void
preview_document (TuttiStaffReenrolmentsView *self,
                  const TuttiDocument        *document)
{
  const char *name = !tutti_is_blank (document->name) ? document->name : document->file_name;

  if (self->viewer != NULL)
    gtk_window_destroy (self->viewer);
  g_set_weak_pointer (&self->viewer,
                      tutti_document_opener_open (GTK_WIDGET (self), self->client, TUTTI_DOCUMENT_SOURCE_STAFF,
                                                  document, name != NULL ? name : "", document->file_name));
}

static const TuttiDocument *
find_document (TuttiStaffReenrolmentsView *self,
               gint64                      id)
{
  for (guint i = 0; self->file != NULL && i < self->file->documents->len; i++)
    {
      const TuttiDocument *document = g_ptr_array_index (self->file->documents, i);

      if (document->id == id)
        return document;
    }
  return NULL;
}

static const TuttiPendingChange *
find_change (TuttiStaffReenrolmentsView *self,
             gint64                      id)
{
  for (guint i = 0; self->file != NULL && i < self->file->changes->len; i++)
    {
      const TuttiPendingChange *change = g_ptr_array_index (self->file->changes, i);

      if (change->id == id)
        return change;
    }
  return NULL;
}

static void
preview_document_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (widget);
  const TuttiDocument *document = find_document (self, g_variant_get_int64 (parameter));

  if (document != NULL && self->client != NULL)
    preview_document (self, document);
}

/* ---- Deciding ------------------------------------------------------------------------- */

static void
set_deciding (TuttiStaffReenrolmentsView *self,
              gboolean                    deciding)
{
  self->deciding = deciding;
  if (deciding)
    tutti_spinner_start_later (self->decide_spinner, TRUE, &self->decide_spinner_id);
  else
    tutti_spinner_stop (self->decide_spinner, TRUE, &self->decide_spinner_id);
  update_actions (self);
}

static void ask_reason (TuttiStaffReenrolmentsView *self,
                        const Decision             *decision,
                        const char                 *text,
                        const char                 *error);

/* The end of a decision's journey, whatever it decided: FALSE when the view
 * has moved on or the decision failed (and said so). */
static gboolean
decision_done (Decision *decision,
               GError   *error)
{
  TuttiStaffReenrolmentsView *self = decision->self;
  GHashTable *fields;
  const char *reason_error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || decision->generation != self->generation)
    return FALSE;

  set_deciding (self, FALSE);
  if (error == NULL)
    return TRUE;

  g_debug ("Deciding: %s", error->message);
  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
    return FALSE;

  /* A reason the server refuses: asked again, as typed, with why. */
  fields = g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID)
           ? tutti_api_error_get_fields (error) : NULL;
  reason_error = fields != NULL ? g_hash_table_lookup (fields, "reason") : NULL;
  if (reason_error != NULL && decision->reenrolment_id == self->detail_id)
    {
      ask_reason (self, decision, decision->reason, reason_error);
      return FALSE;
    }

  /* The server could not be reached: Retry sends it again. */
  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE))
    {
      g_clear_pointer (&self->failed, decision_free);
      self->failed = decision_copy (decision);
      error_toast (self, error->message, "staff-reenrolments.retry-decision");
      return FALSE;
    }

  error_toast (self, error->message, NULL);
  /* Decided meanwhile, or gone: show the file as it is now. */
  if (decision->reenrolment_id == self->detail_id)
    {
      load_file (self);
      tutti_staff_reenrolments_view_refresh (self);
    }
  return FALSE;
}

/* After a decision: the row decided, or the buttons' place, gets the focus
 * back, so that the keyboard stays where it was. */
static void
focus_after (TuttiStaffReenrolmentsView *self,
             const char                 *what,
             gint64                      id)
{
  GtkWidget *widget = find_widget (self, what, id);

  if (widget != NULL)
    gtk_widget_grab_focus (widget);
}

static void
decide_reenrolment_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Decision) decision = user_data;
  TuttiStaffReenrolmentsView *self = decision->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiReenrolmentFile) file = NULL;

  file = tutti_client_decide_reenrolment_finish (TUTTI_CLIENT (source), result, &error);
  if (!decision_done (decision, error))
    return;

  update_item_state (self, file->reenrolment);
  if (file->reenrolment->id == self->detail_id)
    {
      g_clear_pointer (&self->file, tutti_reenrolment_file_free);
      self->file = g_steal_pointer (&file);
      show_file (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
    }
  show_toast (self, decision->state == TUTTI_REENROLMENT_VALIDATED ? _("Re-enrolment validated")
                                                                   : _("Re-enrolment refused"));
  tutti_staff_reenrolments_view_refresh (self);
}

static void
decide_document_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Decision) decision = user_data;
  TuttiStaffReenrolmentsView *self = decision->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiDocument) document = NULL;

  document = tutti_client_decide_reenrolment_document_finish (TUTTI_CLIENT (source), result, &error);
  if (!decision_done (decision, error))
    return;

  if (decision->reenrolment_id == self->detail_id && self->file != NULL)
    {
      for (guint i = 0; i < self->file->documents->len; i++)
        if (((TuttiDocument *) g_ptr_array_index (self->file->documents, i))->id == document->id)
          {
            tutti_document_free (g_ptr_array_index (self->file->documents, i));
            g_ptr_array_index (self->file->documents, i) = g_steal_pointer (&document);
            break;
          }
      show_file (self);
      focus_after (self, "document", decision->id);
    }
  show_toast (self, decision->state == TUTTI_DOCUMENT_ACCEPTED ? _("Document accepted") : _("Document refused"));
  tutti_staff_reenrolments_view_refresh (self);
}

static void
decide_change_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Decision) decision = user_data;
  TuttiStaffReenrolmentsView *self = decision->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiChangeGroup) group = NULL;

  group = tutti_client_decide_changes_finish (TUTTI_CLIENT (source), result, &error);
  if (!decision_done (decision, error))
    return;

  /* The changes just decided, with their state and reason. */
  if (decision->reenrolment_id == self->detail_id && self->file != NULL)
    {
      for (guint i = 0; group->changes != NULL && i < group->changes->len; i++)
        {
          const TuttiPendingChange *decided = g_ptr_array_index (group->changes, i);

          for (guint j = 0; j < self->file->changes->len; j++)
            if (((TuttiPendingChange *) g_ptr_array_index (self->file->changes, j))->id == decided->id)
              {
                tutti_pending_change_free (g_ptr_array_index (self->file->changes, j));
                g_ptr_array_index (self->file->changes, j) = tutti_pending_change_copy (decided);
              }
        }
      show_file (self);
      focus_after (self, "change", decision->id);
    }
  show_toast (self, decision->state == TUTTI_CHANGE_ACCEPTED ? _("Change accepted") : _("Change refused"));
  tutti_staff_reenrolments_view_refresh (self);
}

/* Sends @decision (taken). */
static void
send_decision (TuttiStaffReenrolmentsView *self,
               Decision                   *decision)
{
  if (self->client == NULL || self->deciding)
    {
      decision_free (decision);
      return;
    }

  g_clear_object (&decision->self);
  decision->self = g_object_ref (self);
  decision->generation = self->generation;
  set_deciding (self, TRUE);

  switch (decision->kind)
    {
    case DECIDE_REENROLMENT:
      tutti_client_decide_reenrolment_async (self->client, decision->reenrolment_id, decision->state,
                                             decision->reason, self->cancellable,
                                             decide_reenrolment_cb, decision);
      break;
    case DECIDE_DOCUMENT:
      tutti_client_decide_reenrolment_document_async (self->client, decision->reenrolment_id, decision->id,
                                                      decision->state, decision->reason, self->cancellable,
                                                      decide_document_cb, decision);
      break;
    case DECIDE_CHANGE:
    default:
      {
        g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_pending_change_free);
        TuttiPendingChange *change = tutti_pending_change_new ();

        change->id = decision->id;
        change->state = decision->state;
        change->reason = g_strdup (decision->reason);
        change->new_value = g_strdup (decision->new_value);
        g_ptr_array_add (decisions, change);
        tutti_client_decide_changes_async (self->client, decision->entity, decision->entity_id, decisions,
                                           self->cancellable, decide_change_cb, decision);
      }
      break;
    }
}

static void
retry_decision_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (widget);
  Decision *decision = g_steal_pointer (&self->failed);

  if (decision != NULL)
    send_decision (self, decision);
}

/* ---- Asking for a reason -------------------------------------------------------------- */

/* The field whose rules a reason follows, from core. */
static const TuttiField *
reason_field (DecisionKind kind)
{
  switch (kind)
    {
    case DECIDE_REENROLMENT:
      return tutti_schema_lookup (&tutti_reenrolment_schema, "reason");
    case DECIDE_DOCUMENT:
      return tutti_schema_lookup (&tutti_document_schema, "reason");
    case DECIDE_CHANGE:
    default:
      return tutti_schema_lookup (&tutti_pending_change_schema, "reason");
    }
}

/* A change's refusal may go without a reason; the others need one. */
static gboolean
reason_required (DecisionKind kind)
{
  return kind != DECIDE_CHANGE;
}

static void
reason_response_cb (TuttiReasonDialog          *dialog,
                    const char                 *response,
                    TuttiStaffReenrolmentsView *self)
{
  const Decision *asked = g_object_get_data (G_OBJECT (dialog), "tutti-decision");
  Decision *decision;

  if (g_strcmp0 (response, TUTTI_REASON_DIALOG_REFUSE) != 0 || self->deciding ||
      asked->reenrolment_id != self->detail_id)
    return;

  decision = decision_copy (asked);
  g_free (decision->reason);
  decision->reason = tutti_reason_dialog_dup_reason (dialog);
  send_decision (self, decision);
}

/* Asks why @decision refuses, with @text typed already and @error (both
 * nullable) under it. */
static void
ask_reason (TuttiStaffReenrolmentsView *self,
            const Decision             *decision,
            const char                 *text,
            const char                 *error)
{
  TuttiLang lang = get_lang (self);
  g_autofree char *body = NULL;
  const char *heading;
  TuttiReasonDialog *dialog;

  switch (decision->kind)
    {
    case DECIDE_REENROLMENT:
      heading = _("Refuse This Re-enrolment?");
      body = g_strdup (_("The family sees the reason with the pupil’s re-enrolment."));
      break;
    case DECIDE_DOCUMENT:
      {
        const TuttiDocument *document = find_document (self, decision->id);

        heading = _("Refuse This Document?");
        /* Translators: %s is a document, such as “Family quotient certificate” */
        body = g_strdup_printf (_("The family sees the reason beside “%s” and can send another file."),
                                document != NULL && document->name != NULL ? document->name : "");
      }
      break;
    case DECIDE_CHANGE:
    default:
      {
        const TuttiPendingChange *change = find_change (self, decision->id);
        const TuttiField *changed = change != NULL
                                    ? tutti_schema_lookup (tutti_entity_get_schema (change->entity), change->field)
                                    : NULL;
        g_autofree char *old_text = changed != NULL ? tutti_field_format_text (changed, change->old_value, lang)
                                                    : NULL;

        heading = _("Refuse This Change?");
        /* Translators: %s is the value the family's record keeps */
        body = g_strdup_printf (_("The record keeps its current value: %s."), old_text != NULL ? old_text : "");
      }
      break;
    }

  dialog = tutti_reason_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body,
                                    reason_field (decision->kind), reason_required (decision->kind), lang);
  if (text != NULL || error != NULL)
    tutti_reason_dialog_set_reason (dialog, text, error);
  g_object_set_data_full (G_OBJECT (dialog), "tutti-decision", decision_copy (decision),
                          (GDestroyNotify) decision_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reason_response_cb), self, 0);
  tutti_reason_dialog_present (dialog);
}

/* ---- The decisions' actions ------------------------------------------------------------ */

static void
accept_document_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (find_document (self, id) == NULL)
    return;
  send_decision (self, decision_new (self, DECIDE_DOCUMENT, id, TUTTI_DOCUMENT_ACCEPTED));
}

static void
refuse_document_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(Decision) decision = NULL;

  if (find_document (self, id) == NULL)
    return;
  decision = decision_new (self, DECIDE_DOCUMENT, id, TUTTI_DOCUMENT_REFUSED);
  ask_reason (self, decision, NULL, NULL);
}

static Decision *
change_decision_new (TuttiStaffReenrolmentsView *self,
                     const TuttiPendingChange   *change,
                     TuttiChangeState            state)
{
  Decision *decision = decision_new (self, DECIDE_CHANGE, change->id, state);

  decision->entity = change->entity;
  decision->entity_id = change->entity_id;
  /* The value the office saw: a family edit since is a conflict. */
  decision->new_value = g_strdup (change->new_value);
  return decision;
}

static void
accept_change_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (widget);
  const TuttiPendingChange *change = find_change (self, g_variant_get_int64 (parameter));

  if (change == NULL)
    return;
  send_decision (self, change_decision_new (self, change, TUTTI_CHANGE_ACCEPTED));
}

static void
refuse_change_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (widget);
  const TuttiPendingChange *change = find_change (self, g_variant_get_int64 (parameter));
  g_autoptr(Decision) decision = NULL;

  if (change == NULL)
    return;
  decision = change_decision_new (self, change, TUTTI_CHANGE_REFUSED);
  ask_reason (self, decision, NULL, NULL);
}

static void
validate_response_cb (TuttiStaffReenrolmentsView *self,
                      const char                 *response)
{
  if (g_strcmp0 (response, "validate") != 0 || self->file == NULL || self->deciding ||
      self->file->reenrolment->id != self->detail_id)
    return;
  send_decision (self, decision_new (self, DECIDE_REENROLMENT, self->detail_id, TUTTI_REENROLMENT_VALIDATED));
}

static void
validate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (widget);
  const TuttiReenrolmentFile *file = self->file;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *pupil = NULL;
  AdwMessageDialog *dialog;
  guint n_documents, n_changes;

  if (file == NULL || !can_validate (file->reenrolment->state))
    return;

  pupil = file->reenrolment->pupil != NULL
          ? tutti_format_person_name (file->reenrolment->pupil->surname, file->reenrolment->pupil->first_name)
          : g_strdup ("");
  /* Translators: a pupil, then a school year */
  g_string_append_printf (body, _("The re-enrolment of %s for %s will be validated. The family sees it on "
                                  "its home page."),
                          pupil, file->campaign != NULL && file->campaign->school_year != NULL
                                 ? file->campaign->school_year : "");
  count_to_check (file, &n_documents, &n_changes);
  if (n_documents > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, ngettext ("%u document has not been checked yet.",
                                              "%u documents have not been checked yet.", n_documents),
                              n_documents);
    }
  if (n_changes > 0)
    {
      g_string_append (body, n_documents > 0 ? " " : "\n\n");
      g_string_append_printf (body, ngettext ("%u change to the file awaits validation.",
                                              "%u changes to the file await validation.", n_changes),
                              n_changes);
    }

  dialog = tutti_question_new (widget,
                               _("Validate This Re-enrolment?"), body->str,
                               "validate", _("_Validate"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (validate_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refuse_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (widget);
  g_autoptr(Decision) decision = NULL;

  if (self->file == NULL || !can_refuse (self->file->reenrolment->state))
    return;
  decision = decision_new (self, DECIDE_REENROLMENT, self->detail_id, TUTTI_REENROLMENT_REFUSED);
  ask_reason (self, decision, NULL, NULL);
}

/* ---- Clearing, GObject ---------------------------------------------------------------------- */

void
tutti_staff_reenrolments_view_clear (TuttiStaffReenrolmentsView *self)
{
  g_return_if_fail (TUTTI_IS_STAFF_REENROLMENTS_VIEW (self));

  self->generation++;
  self->refresh_again = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_deciding (self, FALSE);
  if (self->viewer != NULL)
    gtk_window_destroy (self->viewer);

  g_clear_pointer (&self->campaign, tutti_campaign_free);
  g_clear_pointer (&self->failed, decision_free);
  tutti_toasts_forget (&self->toasts);
  show_campaign (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->state_dropdown, FILTER_ALL);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  forget_detail (self);
  g_clear_pointer (&self->file, tutti_reenrolment_file_free);
  g_hash_table_remove_all (self->widgets);
  update_actions (self);
  tutti_list_page_clear (&self->list);
}

void
tutti_staff_reenrolments_view_set_client (TuttiStaffReenrolmentsView *self,
                                          TuttiClient                *client)
{
  g_return_if_fail (TUTTI_IS_STAFF_REENROLMENTS_VIEW (self));

  g_set_object (&self->client, client);
}

static void
tutti_staff_reenrolments_view_map (GtkWidget *widget)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (widget);

  GTK_WIDGET_CLASS (tutti_staff_reenrolments_view_parent_class)->map (widget);

  /* Fresh data each time the desk is shown. */
  tutti_staff_reenrolments_view_refresh (self);
  if (self->detail_id != 0 && self->file != NULL)
    load_file (self);
}

static void
tutti_staff_reenrolments_view_dispose (GObject *object)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  tutti_list_page_dispose (&self->list);
  g_clear_handle_id (&self->detail_spinner_id, g_source_remove);
  g_clear_handle_id (&self->decide_spinner_id, g_source_remove);
  if (self->widgets != NULL)
    g_hash_table_remove_all (self->widgets);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_STAFF_REENROLMENTS_VIEW);

  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (tutti_staff_reenrolments_view_parent_class)->dispose (object);
}

static void
tutti_staff_reenrolments_view_finalize (GObject *object)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (object);

  g_clear_pointer (&self->campaign, tutti_campaign_free);
  g_clear_pointer (&self->file, tutti_reenrolment_file_free);
  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_pointer (&self->failed, decision_free);
  tutti_toasts_clear (&self->toasts);
  g_clear_weak_pointer (&self->viewer);

  G_OBJECT_CLASS (tutti_staff_reenrolments_view_parent_class)->finalize (object);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TuttiStaffReenrolmentsView *self = TUTTI_STAFF_REENROLMENTS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
tutti_staff_reenrolments_view_class_init (TuttiStaffReenrolmentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_staff_reenrolments_view_dispose;
  object_class->finalize = tutti_staff_reenrolments_view_finalize;
  widget_class->map = tutti_staff_reenrolments_view_map;

  gtk_widget_class_install_action (widget_class, "staff-reenrolments.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "staff-reenrolments.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "staff-reenrolments.reload-detail", NULL,
                                   reload_detail_activated);
  gtk_widget_class_install_action (widget_class, "staff-reenrolments.preview-document", "x",
                                   preview_document_activated);
  gtk_widget_class_install_action (widget_class, "staff-reenrolments.accept-document", "x",
                                   accept_document_activated);
  gtk_widget_class_install_action (widget_class, "staff-reenrolments.refuse-document", "x",
                                   refuse_document_activated);
  gtk_widget_class_install_action (widget_class, "staff-reenrolments.accept-change", "x",
                                   accept_change_activated);
  gtk_widget_class_install_action (widget_class, "staff-reenrolments.refuse-change", "x",
                                   refuse_change_activated);
  gtk_widget_class_install_action (widget_class, "staff-reenrolments.validate", NULL, validate_activated);
  gtk_widget_class_install_action (widget_class, "staff-reenrolments.refuse", NULL, refuse_activated);
  gtk_widget_class_install_action (widget_class, "staff-reenrolments.retry-decision", NULL,
                                   retry_decision_activated);
  gtk_widget_class_install_action (widget_class, "staff-reenrolments.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "staff-reenrolments.search", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/tutti/Tutti/ui/tutti-staff-reenrolments-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, campaign_state_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, list_error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, reload_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, detail_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, detail_error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, detail_scroll);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, sections_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, decision_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, refuse_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, validate_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffReenrolmentsView, decide_spinner);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
}

static void
tutti_staff_reenrolments_view_init (TuttiStaffReenrolmentsView *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  TuttiLang lang = tutti_lang_from_environment ();

  self->cancellable = g_cancellable_new ();
  self->widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  tutti_toasts_init (&self->toasts, self->toast_overlay);

  /* The drop-down: all, then each state with core's label. */
  gtk_string_list_append (states, _("All Pupils"));
  for (int state = 0; state < N_STATES; state++)
    gtk_string_list_append (states, tutti_enum_to_label (&tutti_reenrolment_state_enum, state, lang));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));

  self->store = g_list_store_new (TUTTI_TYPE_LIST_ITEM);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_item, self, NULL));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (self->filter));
  tutti_column_view_show_model (self->column_view, G_LIST_MODEL (self->filter_model));
  tutti_list_page_init (&self->list, self->list_stack, self->list_spinner, self->list_error_page,
                        GTK_WIDGET (self->refresh_button), self->store, G_LIST_MODEL (self->filter_model));
  add_columns (self);

  update_actions (self);
  show_campaign (self);
}

/* ---- For the UI test ------------------------------------------------------------------------ */

const char *
tutti_staff_reenrolments_view_get_state (TuttiStaffReenrolmentsView *self)
{
  return gtk_stack_get_visible_child_name (self->list_stack);
}

const char *
tutti_staff_reenrolments_view_get_page_name (TuttiStaffReenrolmentsView *self)
{
  return adw_leaflet_get_visible_child_name (self->leaflet);
}

const char *
tutti_staff_reenrolments_view_get_detail_state (TuttiStaffReenrolmentsView *self)
{
  return gtk_stack_get_visible_child_name (self->detail_stack);
}

gboolean
tutti_staff_reenrolments_view_get_busy (TuttiStaffReenrolmentsView *self)
{
  return self->list.loading || self->detail_loading || self->deciding;
}

const TuttiCampaign *
tutti_staff_reenrolments_view_get_campaign (TuttiStaffReenrolmentsView *self)
{
  return self->campaign;
}

AdwActionRow *
tutti_staff_reenrolments_view_get_campaign_row (TuttiStaffReenrolmentsView *self)
{
  return self->campaign_row;
}

GtkDropDown *
tutti_staff_reenrolments_view_get_state_dropdown (TuttiStaffReenrolmentsView *self)
{
  return self->state_dropdown;
}

GtkSearchEntry *
tutti_staff_reenrolments_view_get_search_entry (TuttiStaffReenrolmentsView *self)
{
  return self->search_entry;
}

GtkColumnView *
tutti_staff_reenrolments_view_get_column_view (TuttiStaffReenrolmentsView *self)
{
  return self->column_view;
}

guint
tutti_staff_reenrolments_view_get_n_shown (TuttiStaffReenrolmentsView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

const TuttiReenrolmentSummary *
tutti_staff_reenrolments_view_get_shown (TuttiStaffReenrolmentsView *self,
                                         guint                       position)
{
  g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  /* The store keeps the item, and so the summary. */
  return item != NULL ? tutti_list_item_get_record (item) : NULL;
}

const TuttiReenrolmentFile *
tutti_staff_reenrolments_view_get_file (TuttiStaffReenrolmentsView *self)
{
  return self->file;
}

GtkWidget *
tutti_staff_reenrolments_view_get_document_button (TuttiStaffReenrolmentsView *self,
                                                   gint64                      document_id,
                                                   const char                 *action)
{
  g_autofree char *what = g_strdup_printf ("%s-document", action);

  return find_widget (self, what, document_id);
}

GtkWidget *
tutti_staff_reenrolments_view_get_change_button (TuttiStaffReenrolmentsView *self,
                                                 gint64                      change_id,
                                                 const char                 *action)
{
  g_autofree char *what = g_strdup_printf ("%s-change", action);

  return find_widget (self, what, change_id);
}

GtkButton *
tutti_staff_reenrolments_view_get_validate_button (TuttiStaffReenrolmentsView *self)
{
  return self->validate_button;
}

GtkButton *
tutti_staff_reenrolments_view_get_refuse_button (TuttiStaffReenrolmentsView *self)
{
  return self->refuse_button;
}

GtkButton *
tutti_staff_reenrolments_view_get_back_button (TuttiStaffReenrolmentsView *self)
{
  return self->back_button;
}

const char *
tutti_staff_reenrolments_view_get_decision_text (TuttiStaffReenrolmentsView *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->decision_label))
         ? gtk_label_get_label (self->decision_label) : NULL;
}

GtkWindow *
tutti_staff_reenrolments_view_get_viewer (TuttiStaffReenrolmentsView *self)
{
  return self->viewer;
}

const char *
tutti_staff_reenrolments_view_get_last_toast (TuttiStaffReenrolmentsView *self)
{
  return tutti_toasts_get_last_title (&self->toasts);
}
