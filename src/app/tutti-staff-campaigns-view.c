/* tutti-staff-campaigns-view.c — STAFF-3, REE-1: the office's campaigns
 *
 * Every re-enrolment and pre-enrolment campaign (GET /staff/campaigns) in
 * a GtkColumnView — a GListStore of TuttiListItem, searched by
 * kind, school year and state. One campaign opened on the leaflet's
 * second page, in three tabs:
 * - Dates: its state, opened or closed now (closing asks first); its
 *   school year, opening and deadline typed in rows and checked with core
 *   before PATCH sends only what changed;
 * - Documents: the documents families provide (known kinds or new ones,
 *   the whole list PATCHed at each change) and the PDFs they download
 *   (picked with GtkFileChooserNative, checked by content with core,
 *   uploaded, previewed in a TuttiDocumentView, deleted);
 * - Course offer: its places in a searched GtkColumnView, each edited on
 *   the leaflet's third page, the whole offer PUT at each save.
 * "New Campaign" opens a TuttiCampaignDialog; the campaign it made opens.
 * A refusal of the server is shown on the field it names, nothing typed
 * lost; other failures in a toast, with Retry where trying again helps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tutti-call.h"
#include "tutti-campaign-dialog.h"
#include "tutti-campaign-form.h"
#include "tutti-document-opener.h"
#include "tutti-list-item.h"
#include "tutti-list-page.h"
#include "tutti-list-util.h"
#include "tutti-question.h"
#include "tutti-staff-campaigns-view.h"
#include "tutti-toasts.h"
#include "tutti-window-private.h"

/* ---- A campaign as a list item ------------------------------------------------------ */

/* Takes @campaign; its search looks into its kind, school year and state. */
static TuttiListItem *
campaign_item_new (TuttiCampaign *campaign,
                   TuttiLang      lang)
{
  g_autofree char *title = tutti_campaign_form_title (campaign, lang);

  return tutti_list_item_new (campaign, (GDestroyNotify) tutti_campaign_free,
                              g_strdup_printf ("%s %s", title, tutti_campaign_form_state_label (campaign, NULL)));
}

/* ---- A place of the offer as a list item ------------------------------------------- */

/* Takes @item; its search looks into its discipline, site, cursus and day. */
static TuttiListItem *
offer_item_new (TuttiOfferItem *item,
                TuttiLang       lang)
{
  return tutti_list_item_new (item, (GDestroyNotify) tutti_offer_item_free,
                              g_strdup_printf ("%s %s %s %s",
                                               item->discipline != NULL ? item->discipline : "",
                                               item->site != NULL ? item->site : "",
                                               item->cursus != NULL ? item->cursus : "",
                                               tutti_enum_to_label (&tutti_weekday_enum, item->day, lang)));
}

/* ---- The view ------------------------------------------------------------------------- */

enum {
  COLUMN_KIND,
  COLUMN_SCHOOL_YEAR,
  COLUMN_OPENS,
  COLUMN_DEADLINE,
  COLUMN_PLACES,
  COLUMN_STATE,
  N_COLUMNS
};

enum {
  OFFER_DISCIPLINE,
  OFFER_SITE,
  OFFER_CURSUS,
  OFFER_DAY,
  OFFER_TIME,
  OFFER_AGES,
  OFFER_PLACES,
  N_OFFER_COLUMNS
};

struct _TuttiStaffCampaignsView
{
  AdwBin               parent_instance;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkButton           *new_button;
  GtkButton           *refresh_button;
  GtkStack            *list_stack;
  GtkSpinner          *list_spinner;
  AdwStatusPage       *list_error_page;
  GtkColumnView       *column_view;
  GtkButton           *back_button;
  AdwWindowTitle      *detail_title;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack        *detail_stack;
  GtkScrolledWindow   *campaign_scroll;
  AdwActionRow        *state_row;
  GtkLabel            *state_label;
  GtkSpinner          *open_spinner;
  GtkButton           *open_button;
  AdwPreferencesGroup *dates_group;
  GtkSpinner          *dates_spinner;
  GtkButton           *dates_reset_button;
  GtkButton           *dates_save_button;
  AdwPreferencesGroup *kinds_group;
  GtkSpinner          *kinds_spinner;
  GtkButton           *add_kind_button;
  AdwPreferencesGroup *downloads_group;
  GtkSpinner          *downloads_spinner;
  GtkButton           *add_download_button;
  GtkSearchEntry      *offer_search_entry;
  GtkLabel            *offer_count_label;
  GtkButton           *add_item_button;
  GtkStack            *offer_stack;
  GtkColumnView       *offer_view;
  GtkButton           *item_back_button;
  AdwWindowTitle      *item_title;
  GtkWidget           *item_message_box;
  GtkLabel            *item_message_label;
  AdwPreferencesGroup *item_group;
  GtkButton           *item_remove_button;
  GtkButton           *item_save_button;
  GtkSpinner          *item_spinner;

  /* Rows made in code */
  GtkWidget           *school_year_row;
  GtkWidget           *opens_date_row;
  GtkWidget           *opens_time_row;
  GtkWidget           *deadline_date_row;
  GtkWidget           *deadline_time_row;
  GPtrArray           *kind_rows;        /* in kinds_group */
  GPtrArray           *download_rows;    /* in downloads_group */
  GPtrArray           *item_fields;      /* const TuttiField *, in the schema's order */
  GHashTable          *item_rows;        /* key → row */

  GListStore          *store;
  GtkFilter           *filter;
  GtkFilterListModel  *filter_model;
  GListStore          *offer_store;
  GtkFilter           *offer_filter;
  GtkFilterListModel  *offer_filter_model;

  TuttiClient         *client;
  GCancellable        *cancellable;
  guint                generation;
  TuttiListPage        list;
  guint                title_idle_id;
  TuttiCampaign       *campaign;         /* open on the detail page */
  guint                updating;         /* > 0: rows filled by the view itself */
  gboolean             dates_dirty;
  gboolean             toggling;
  gboolean             saving_dates;
  gboolean             saving_kinds;
  gboolean             uploading;
  gboolean             deleting;
  gboolean             saving_item;
  gint64               item_id;          /* the place edited; 0: a new one */
  GPtrArray           *pending_kinds;    /* the list last sent, for Retry */
  gint                 pending_kind_index; /* the kind added with it, or -1 */
  gint64               pending_kinds_campaign_id;
  GBytes              *upload_content;   /* the PDF last sent, for Retry */
  gint64               upload_campaign_id;
  char                *upload_file_name;
  char                *upload_name;
  GtkFileChooserNative *chooser;
  GtkWindow           *dialog;           /* weak: the new-campaign dialog */
  AdwMessageDialog    *message_dialog;   /* weak: the question asked last */
  GtkWindow           *document_view;    /* weak: a download previewed */
  GtkWidget           *parked_focus;     /* weak: the focus before a form went busy */
  TuttiToasts          toasts;
};

G_DEFINE_FINAL_TYPE (TuttiStaffCampaignsView, tutti_staff_campaigns_view, ADW_TYPE_BIN)

static void show_campaign_page (TuttiStaffCampaignsView *self,
                                gboolean                 reset_dates);

static TuttiLang
get_view_lang (TuttiStaffCampaignsView *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : tutti_lang_from_environment ();
}

static GtkWindow *
get_parent_window (TuttiStaffCampaignsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (TuttiStaffCampaignsView *self,
            const char              *title)
{
  tutti_toasts_show (&self->toasts, title, 4, NULL, NULL);
}

static void
error_toast (TuttiStaffCampaignsView *self,
             const char              *title,
             const char              *retry_action)
{
  tutti_toasts_show (&self->toasts, title, TUTTI_TOAST_TIMEOUT_DEFAULT, retry_action, NULL);
}

/* Whether trying the same request again may work: the server could not be
 * reached, or failed. */
static gboolean
worth_retrying (const GError *error)
{
  return g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE) ||
         g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INTERNAL);
}

static TuttiCall *
call_new (TuttiStaffCampaignsView *self)
{
  return tutti_call_new (self, &self->generation, NULL, self->cancellable);
}

static void
set_spinner (GtkSpinner *spinner,
             gboolean    spinning)
{
  gtk_widget_set_visible (GTK_WIDGET (spinner), spinning);
  gtk_spinner_set_spinning (spinner, spinning);
}

/* ---- The list of campaigns ----------------------------------------------------------- */

static void
set_state_tag (GtkLabel            *label,
               const TuttiCampaign *campaign)
{
  const char *style = NULL;
  const char *text = tutti_campaign_form_state_label (campaign, &style);

  tutti_tag_set (label, text, style);
}

static char *
format_places (guint n_places)
{
  /* Translators: how many places a campaign's course offer has */
  return g_strdup_printf (ngettext ("%u place", "%u places", n_places), n_places);
}

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
  else if (column != COLUMN_KIND)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  TuttiStaffCampaignsView *self = g_object_get_data (G_OBJECT (factory), "tutti-view");
  const TuttiCampaign *campaign = tutti_list_item_get_record (gtk_list_item_get_item (list_item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  TuttiLang lang = get_view_lang (self);
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_UINT (user_data))
    {
    case COLUMN_KIND:
      text = g_strdup (tutti_enum_to_label (&tutti_campaign_kind_enum, campaign->kind, lang));
      break;
    case COLUMN_SCHOOL_YEAR:
      text = g_strdup (campaign->school_year != NULL ? campaign->school_year : "");
      break;
    case COLUMN_OPENS:
      text = tutti_format_datetime (campaign->opens_at, lang);
      break;
    case COLUMN_DEADLINE:
      text = tutti_format_datetime (campaign->deadline, lang);
      break;
    case COLUMN_PLACES:
      text = format_places (campaign->offer->len);
      break;
    case COLUMN_STATE:
    default:
      set_state_tag (label, campaign);
      return;
    }
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
add_columns (TuttiStaffCampaignsView *self)
{
  const char *titles[N_COLUMNS] = {
    _("Campaign"), _("School Year"), _("Opening"), _("Deadline"), _("Course Offer"), _("State"),
  };

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkColumnViewColumn *column = tutti_column_view_add_column (self->column_view, titles[c], c,
                                                                  G_CALLBACK (setup_cell_cb),
                                                                  G_CALLBACK (bind_cell_cb),
                                                                  NULL, NULL, self);

      gtk_column_view_column_set_expand (column, c == COLUMN_KIND);
    }
}

static gboolean
filter_campaign (gpointer object,
                 gpointer user_data)
{
  TuttiStaffCampaignsView *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return tutti_search_match_prefixes (search, tutti_list_item_get_search_text (object));
}

static void
filter_changed_cb (TuttiStaffCampaignsView *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  tutti_list_page_update (&self->list);
}

static void
stop_search_cb (TuttiStaffCampaignsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* The campaigns as the list has them (TuttiCampaign, borrowed). */
static GPtrArray *
list_campaigns (TuttiStaffCampaignsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  GPtrArray *campaigns = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      g_ptr_array_add (campaigns, tutti_list_item_get_record (item));
    }
  return campaigns;
}

/* The list's campaign of @campaign's id replaced by @campaign, or added
 * first (the list is latest first); the page shows it when it is open. */
static void
replace_campaign (TuttiStaffCampaignsView *self,
                  const TuttiCampaign     *campaign,
                  gboolean                 reset_dates)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autoptr(TuttiListItem) replacement = campaign_item_new (tutti_campaign_copy (campaign),
                                                                     get_view_lang (self));
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (((TuttiCampaign *) tutti_list_item_get_record (item))->id == campaign->id)
        break;
    }
  if (i < n)
    g_list_store_splice (self->store, i, 1, (gpointer *) &replacement, 1);
  else
    g_list_store_insert (self->store, 0, replacement);
  tutti_list_page_update (&self->list);

  if (self->campaign != NULL && self->campaign->id == campaign->id)
    {
      g_clear_pointer (&self->campaign, tutti_campaign_free);
      self->campaign = tutti_campaign_copy (campaign);
      show_campaign_page (self, reset_dates);
    }
}

static void
list_campaigns_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(TuttiStaffCampaignsView) self = NULL;
  TuttiLang lang;

  campaigns = tutti_client_list_staff_campaigns_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_take (user_data, error, &self))
    return;

  if (campaigns != NULL)
    {
      lang = get_view_lang (self);
      items = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < campaigns->len; i++)
        g_ptr_array_add (items, campaign_item_new (tutti_campaign_copy (g_ptr_array_index (campaigns, i)), lang));
    }
  if (!tutti_list_page_finish_load (&self->list, items, error, &self->toasts,
                                    _("Could not refresh the campaigns"), "staff-campaigns.refresh"))
    return;

  /* The campaign open on its page, as it is now; what is being typed stays. */
  if (self->campaign != NULL)
    for (guint i = 0; i < campaigns->len; i++)
      {
        const TuttiCampaign *campaign = g_ptr_array_index (campaigns, i);

        if (campaign->id == self->campaign->id)
          {
            g_clear_pointer (&self->campaign, tutti_campaign_free);
            self->campaign = tutti_campaign_copy (campaign);
            show_campaign_page (self, !self->dates_dirty && !self->saving_dates);
            break;
          }
      }
}

void
tutti_staff_campaigns_view_refresh (TuttiStaffCampaignsView *self)
{
  TuttiAccount *account;

  g_return_if_fail (TUTTI_IS_STAFF_CAMPAIGNS_VIEW (self));

  account = self->client != NULL ? tutti_client_get_account (self->client) : NULL;
  if (account == NULL || account->role != TUTTI_ROLE_STAFF || !tutti_list_page_start_load (&self->list))
    return;

  tutti_client_list_staff_campaigns_async (self->client, self->cancellable,
                                           list_campaigns_cb, call_new (self));
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tutti_staff_campaigns_view_refresh (TUTTI_STAFF_CAMPAIGNS_VIEW (widget));
}

/* ---- The campaign's page ------------------------------------------------------------------- */

/* A text made insensitive while focused would never hear that it lost the
 * focus: it goes out of @widget first, and comes back when it is done. */
static void
set_busy_sensitive (TuttiStaffCampaignsView *self,
                    GtkWidget               *widget,
                    gboolean                 busy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (busy == !gtk_widget_get_sensitive (widget))
    return;
  if (busy && focus != NULL && gtk_widget_is_ancestor (focus, widget))
    {
      g_set_weak_pointer (&self->parked_focus, focus);
      gtk_root_set_focus (root, NULL);
    }
  gtk_widget_set_sensitive (widget, !busy);
  if (!busy && self->parked_focus != NULL && gtk_widget_is_ancestor (self->parked_focus, widget) &&
      gtk_widget_is_sensitive (self->parked_focus) && gtk_widget_get_mapped (self->parked_focus))
    {
      gtk_widget_grab_focus (self->parked_focus);
      g_clear_weak_pointer (&self->parked_focus);
    }
}

static void
update_actions (TuttiStaffCampaignsView *self)
{
  gboolean shown = self->campaign != NULL;
  gboolean busy_item = self->saving_item;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-campaigns.toggle-open", shown && !self->toggling);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-campaigns.save-dates",
                                 shown && self->dates_dirty && !self->saving_dates);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-campaigns.reset-dates",
                                 shown && self->dates_dirty && !self->saving_dates);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-campaigns.add-kind", shown && !self->saving_kinds);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-campaigns.add-download", shown && !self->uploading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-campaigns.add-item", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-campaigns.save-item", shown && !busy_item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-campaigns.remove-item",
                                 shown && !busy_item && self->item_id > 0);

  set_spinner (self->open_spinner, self->toggling);
  set_spinner (self->dates_spinner, self->saving_dates);
  set_spinner (self->kinds_spinner, self->saving_kinds);
  set_spinner (self->downloads_spinner, self->uploading || self->deleting);
  set_spinner (self->item_spinner, self->saving_item);
  set_busy_sensitive (self, GTK_WIDGET (self->dates_group), self->saving_dates);
  set_busy_sensitive (self, GTK_WIDGET (self->kinds_group), self->saving_kinds);
  set_busy_sensitive (self, GTK_WIDGET (self->item_group), busy_item);
  gtk_widget_set_visible (GTK_WIDGET (self->item_remove_button), self->item_id > 0);
}

static void
show_state (TuttiStaffCampaignsView *self)
{
  const TuttiCampaign *campaign = self->campaign;
  TuttiLang lang = get_view_lang (self);
  g_autofree char *title = tutti_campaign_form_title (campaign, lang);
  g_autofree char *opens = tutti_format_datetime (campaign->opens_at, lang);
  g_autofree char *deadline = tutti_format_deadline (campaign->deadline, lang);
  g_autofree char *subtitle = NULL;
  const char *state = tutti_campaign_form_state_label (campaign, NULL);

  adw_window_title_set_title (self->detail_title, title);
  adw_window_title_set_subtitle (self->detail_title, state);
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, state);
  set_state_tag (self->state_label, campaign);

  if (tutti_campaign_form_is_open_now (campaign))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), _("Families can send"));
      subtitle = g_strdup (deadline);
    }
  else if (campaign->open)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) opens_at = tutti_parse_datetime (campaign->opens_at);

      if (opens_at != NULL && g_date_time_compare (now, opens_at) < 0)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row),
                                         _("Families can send once it opens"));
          /* Translators: %s is a date and time, such as 01/05/2027 00:00 */
          subtitle = g_strdup_printf (_("Opens on %s"), opens);
        }
      else
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row),
                                         _("Families can no longer send"));
          subtitle = g_strdup (_("The deadline has passed: move it to open the campaign again."));
        }
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), _("Families cannot send"));
      subtitle = g_strdup (_("What families did stays readable. Open it to let them send again."));
    }
  adw_action_row_set_subtitle (self->state_row, subtitle);

  gtk_button_set_label (self->open_button, campaign->open ? _("_Close…") : _("_Open"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->open_button),
                               campaign->open ? "suggested-action" : "destructive-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->open_button),
                            campaign->open ? "destructive-action" : "suggested-action");
}

static gboolean
update_detail_title_cb (gpointer user_data)
{
  TuttiStaffCampaignsView *self = user_data;

  self->title_idle_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->detail_title),
                          !adw_view_switcher_title_get_title_visible (self->switcher_title));
  return G_SOURCE_REMOVE;
}

/* Narrow, the tabs go to the bottom and the switcher shows the name: ours
 * goes. The switcher says so while it is laid out, when nothing may be
 * shown or hidden: after it, then. */
static void
switcher_title_visible_cb (TuttiStaffCampaignsView *self)
{
  if (self->title_idle_id == 0)
    self->title_idle_id = g_idle_add (update_detail_title_cb, self);
}

static void
show_dates (TuttiStaffCampaignsView *self)
{
  TuttiLang lang = get_view_lang (self);

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->school_year_row),
                         self->campaign->school_year != NULL ? self->campaign->school_year : "");
  tutti_campaign_form_set_error (self->school_year_row, NULL);
  tutti_campaign_form_show_datetime (self->opens_date_row, self->opens_time_row, self->campaign->opens_at, lang);
  tutti_campaign_form_show_datetime (self->deadline_date_row, self->deadline_time_row,
                                     self->campaign->deadline, lang);
  self->updating--;
  self->dates_dirty = FALSE;
}

static void
dates_changed_cb (TuttiStaffCampaignsView *self)
{
  if (self->updating > 0 || self->campaign == NULL)
    return;
  self->dates_dirty = TRUE;
  update_actions (self);
}

/* A message goes once its field is typed again. */
static void
row_changed_cb (GtkWidget *row)
{
  tutti_campaign_form_set_error (row, NULL);
}

/* Enter in a row saves the dates, as the button does. */
static void
dates_entry_activated_cb (TuttiStaffCampaignsView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "staff-campaigns.save-dates", NULL);
}

static GtkWidget *
make_icon_button (const char *icon_name,
                  const char *tooltip,
                  const char *action,
                  GVariant   *target)
{
  GtkWidget *button = g_object_new (GTK_TYPE_BUTTON,
                                    "icon-name", icon_name,
                                    "tooltip-text", tooltip,
                                    "valign", GTK_ALIGN_CENTER,
                                    "action-name", action,
                                    NULL);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static GtkWidget *
make_placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
show_kinds (TuttiStaffCampaignsView *self)
{
  TuttiLang lang = get_view_lang (self);
  GPtrArray *kinds = self->campaign->required_documents;

  clear_rows (self->kinds_group, self->kind_rows);
  for (guint i = 0; i < kinds->len; i++)
    {
      const TuttiDocumentKind *kind = g_ptr_array_index (kinds, i);
      const char *name = kind->name != NULL ? kind->name : kind->id;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *tag = gtk_label_new (kind->required ? tutti_text_get (&tutti_schema_lookup (&tutti_document_kind_schema,
                                                                                             "required")->label, lang)
                                                     : _("Optional"));
      g_autofree char *remove = g_strdup_printf (_("Stop asking for “%s”"), name);

      gtk_widget_set_name (row, kind->id);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (!tutti_is_blank (kind->description))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind->description);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", "x-office-document-symbolic",
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "tutti-state");
      if (kind->required)
        gtk_widget_add_css_class (tag, "todo");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_icon_button ("user-trash-symbolic", remove, "staff-campaigns.remove-kind",
                                                   g_variant_new_string (kind->id)));
      adw_preferences_group_add (self->kinds_group, row);
      g_ptr_array_add (self->kind_rows, row);
    }
  if (kinds->len == 0)
    {
      GtkWidget *row = make_placeholder_row (_("Families are asked for no document."));

      adw_preferences_group_add (self->kinds_group, row);
      g_ptr_array_add (self->kind_rows, row);
    }
}

static void
show_downloads (TuttiStaffCampaignsView *self)
{
  TuttiLang lang = get_view_lang (self);
  GPtrArray *downloads = self->campaign->downloads;

  clear_rows (self->downloads_group, self->download_rows);
  for (guint i = 0; i < downloads->len; i++)
    {
      const TuttiDownload *download = g_ptr_array_index (downloads, i);
      const char *name = download->name != NULL ? download->name : "";
      g_autofree char *size = tutti_format_size (download->size, lang);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                                   download->file_name != NULL ? download->file_name : "", size);
      g_autofree char *view = g_strdup_printf (_("Open “%s”"), name);
      g_autofree char *delete = g_strdup_printf (_("Delete “%s”"), name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *open;

      gtk_widget_set_name (row, download->file_name != NULL ? download->file_name : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", "x-office-document-symbolic",
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
      open = make_icon_button ("document-open-symbolic", view, "staff-campaigns.open-download",
                               g_variant_new_int64 (download->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_icon_button ("user-trash-symbolic", delete, "staff-campaigns.delete-download",
                                                   g_variant_new_int64 (download->id)));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      adw_preferences_group_add (self->downloads_group, row);
      g_ptr_array_add (self->download_rows, row);
    }
  if (downloads->len == 0)
    {
      GtkWidget *row = make_placeholder_row (_("No document to download yet."));

      adw_preferences_group_add (self->downloads_group, row);
      g_ptr_array_add (self->download_rows, row);
    }
}

/* -- The offer's list -- */

static void
update_offer_page (TuttiStaffCampaignsView *self)
{
  gtk_stack_set_visible_child_name (self->offer_stack,
                                    tutti_list_page_name (G_LIST_MODEL (self->offer_store),
                                                          G_LIST_MODEL (self->offer_filter_model)));
}

static void
show_offer (TuttiStaffCampaignsView *self)
{
  TuttiLang lang = get_view_lang (self);
  GPtrArray *offer = self->campaign->offer;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = format_places (offer->len);

  for (guint i = 0; i < offer->len; i++)
    g_ptr_array_add (items, offer_item_new (tutti_offer_item_copy (g_ptr_array_index (offer, i)), lang));
  g_list_store_splice (self->offer_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->offer_store)),
                       items->pdata, items->len);
  gtk_label_set_label (self->offer_count_label, count);
  update_offer_page (self);
}

static void
setup_offer_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = tutti_cell_label_new ();

  if (column == OFFER_TIME || column == OFFER_AGES || column == OFFER_PLACES)
    gtk_widget_add_css_class (label, "numeric");
  /* Short values read whole; the names give way, whole in their tooltip. */
  if (column == OFFER_DAY || column == OFFER_TIME || column == OFFER_AGES || column == OFFER_PLACES)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
  gtk_list_item_set_child (list_item, label);
}

static char *
format_ages (const TuttiOfferItem *item)
{
  gboolean has_min = item->min_age != TUTTI_NO_VALUE;
  gboolean has_max = item->max_age != TUTTI_NO_VALUE;

  int min_age = has_min ? (int) CLAMP (item->min_age, 0, 999) : 0;
  int max_age = has_max ? (int) CLAMP (item->max_age, 0, 999) : 0;

  if (has_min && has_max)
    /* Translators: ages of an offer's place, such as “7–11 years” */
    return g_strdup_printf (ngettext ("%d–%d year", "%d–%d years", max_age), min_age, max_age);
  if (has_min)
    /* Translators: a minimum age, such as “From 7 years” */
    return g_strdup_printf (ngettext ("From %d year", "From %d years", min_age), min_age);
  if (has_max)
    /* Translators: a maximum age, such as “Up to 11 years” */
    return g_strdup_printf (ngettext ("Up to %d year", "Up to %d years", max_age), max_age);
  return g_strdup (_("All ages"));
}

static void
bind_offer_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  TuttiStaffCampaignsView *self = g_object_get_data (G_OBJECT (factory), "tutti-view");
  const TuttiOfferItem *item = tutti_list_item_get_record (gtk_list_item_get_item (list_item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  TuttiLang lang = get_view_lang (self);
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_UINT (user_data))
    {
    case OFFER_DISCIPLINE:
      text = g_strdup (item->discipline != NULL ? item->discipline : "");
      break;
    case OFFER_SITE:
      text = g_strdup (item->site != NULL ? item->site : "");
      break;
    case OFFER_CURSUS:
      text = g_strdup (item->cursus != NULL ? item->cursus : "");
      break;
    case OFFER_DAY:
      text = g_strdup (tutti_enum_to_label (&tutti_weekday_enum, item->day, lang));
      break;
    case OFFER_TIME:
      text = tutti_format_time (item->time, lang);
      break;
    case OFFER_AGES:
      text = format_ages (item);
      break;
    case OFFER_PLACES:
    default:
      text = item->places_left != TUTTI_NO_VALUE ? g_strdup_printf ("%" G_GINT64_FORMAT, item->places_left)
                                                 : g_strdup (_("No limit"));
      break;
    }
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
add_offer_columns (TuttiStaffCampaignsView *self)
{
  TuttiLang lang = tutti_lang_from_environment ();
  const char *keys[N_OFFER_COLUMNS] = {
    "discipline", "site", "cursus", "day", "time", NULL, NULL,
  };

  for (guint c = 0; c < N_OFFER_COLUMNS; c++)
    {
      const char *title = keys[c] != NULL
                          ? tutti_text_get (&tutti_schema_lookup (&tutti_offer_item_schema, keys[c])->label, lang)
                          : c == OFFER_AGES ? _("Ages") : _("Places");
      GtkColumnViewColumn *column = tutti_column_view_add_column (self->offer_view, title, c,
                                                                  G_CALLBACK (setup_offer_cell_cb),
                                                                  G_CALLBACK (bind_offer_cell_cb),
                                                                  NULL, NULL, self);

      gtk_column_view_column_set_expand (column, c == OFFER_DISCIPLINE || c == OFFER_CURSUS);
    }
}

static gboolean
filter_offer (gpointer object,
              gpointer user_data)
{
  TuttiStaffCampaignsView *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->offer_search_entry));

  return tutti_search_match_prefixes (search, tutti_list_item_get_search_text (object));
}

static void
offer_filter_changed_cb (TuttiStaffCampaignsView *self)
{
  gtk_filter_changed (self->offer_filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_offer_page (self);
}

static void
offer_stop_search_cb (TuttiStaffCampaignsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->offer_search_entry), "");
}

static void
show_campaign_page (TuttiStaffCampaignsView *self,
                    gboolean                 reset_dates)
{
  if (self->campaign == NULL)
    return;

  show_state (self);
  if (reset_dates)
    show_dates (self);
  show_kinds (self);
  show_downloads (self);
  show_offer (self);
  update_actions (self);
}

static void
open_campaign (TuttiStaffCampaignsView *self,
               const TuttiCampaign     *campaign)
{
  g_clear_pointer (&self->campaign, tutti_campaign_free);
  self->campaign = tutti_campaign_copy (campaign);
  gtk_editable_set_text (GTK_EDITABLE (self->offer_search_entry), "");
  show_campaign_page (self, TRUE);
  adw_view_stack_set_visible_child_name (self->detail_stack, "campaign");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->campaign_scroll), 0);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}

static void
column_view_activate_cb (TuttiStaffCampaignsView *self,
                         guint                    position)
{
  g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (item != NULL)
    open_campaign (self, tutti_list_item_get_record (item));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_leaflet_set_visible_child_name (TUTTI_STAFF_CAMPAIGNS_VIEW (widget)->leaflet, "list");
}

static void
leaflet_visible_child_cb (TuttiStaffCampaignsView *self)
{
  const char *name = adw_leaflet_get_visible_child_name (self->leaflet);

  if (g_strcmp0 (name, "list") == 0)
    {
      /* What was typed and not saved is dropped with the page. */
      g_clear_pointer (&self->campaign, tutti_campaign_free);
      self->dates_dirty = FALSE;
      update_actions (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
}

/* ---- Open, close (STAFF-3) ------------------------------------------------------------------ */

static void
set_open_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(TuttiStaffCampaignsView) self = NULL;

  campaign = tutti_client_update_campaign_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_take (user_data, error, &self))
    return;

  self->toggling = FALSE;
  update_actions (self);
  if (campaign == NULL)
    {
      g_debug ("Opening or closing a campaign: %s", error->message);
      if (!g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        error_toast (self, error->message, worth_retrying (error) ? "staff-campaigns.toggle-open" : NULL);
      return;
    }

  replace_campaign (self, campaign, FALSE);
  show_toast (self, campaign->open ? _("The campaign is open") : _("The campaign is closed"));
}

static void
set_open (TuttiStaffCampaignsView *self,
          gboolean                 open)
{
  g_autoptr(TuttiCampaign) changes = tutti_campaign_new ();

  if (self->campaign == NULL || self->toggling)
    return;

  changes->open = open;
  self->toggling = TRUE;
  update_actions (self);
  tutti_client_update_campaign_async (self->client, self->campaign->id, changes, TUTTI_CAMPAIGN_MEMBER_OPEN,
                                      self->cancellable, set_open_cb, call_new (self));
}

static void
close_response_cb (TuttiStaffCampaignsView *self,
                   const char              *response)
{
  if (g_strcmp0 (response, "close") == 0)
    set_open (self, FALSE);
}

static void
toggle_open_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);
  AdwMessageDialog *dialog;
  g_autofree char *title = NULL;
  const char *body;

  if (self->campaign == NULL)
    return;
  if (!self->campaign->open)
    {
      set_open (self, TRUE);
      return;
    }

  /* Closing stops every family at once: ask first. */
  title = tutti_campaign_form_title (self->campaign, get_view_lang (self));
  body = self->campaign->kind == TUTTI_CAMPAIGN_REENROLMENT
         ? _("Families will no longer be able to re-enrol before the deadline. What they have done stays "
             "readable, and the campaign can be opened again.")
         : _("Families will no longer be able to send pre-enrolment requests. The requests already sent "
             "stay to be answered, and the campaign can be opened again.");
  dialog = tutti_question_new (GTK_WIDGET (self), NULL, body,
                               "close", _("C_lose the Campaign"), ADW_RESPONSE_DESTRUCTIVE);
  /* Translators: %s is a campaign, such as “Re-enrolment 2027/2028” */
  adw_message_dialog_format_heading (dialog, _("Close %s Now?"), title);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->message_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Dates ---------------------------------------------------------------------------------- */

/* The server's refusal under the rows it names; the rest in a toast. */
static void
show_dates_errors (TuttiStaffCampaignsView *self,
                   const GError            *error)
{
  GHashTable *fields = tutti_api_error_get_fields (error);
  const char *message;
  gboolean shown = FALSE;

  if (fields != NULL && (message = g_hash_table_lookup (fields, "school_year")) != NULL)
    {
      tutti_campaign_form_set_error (self->school_year_row, message);
      gtk_widget_grab_focus (self->school_year_row);
      shown = TRUE;
    }
  if (fields != NULL && (message = g_hash_table_lookup (fields, "opens_at")) != NULL)
    {
      tutti_campaign_form_set_error (self->opens_date_row, message);
      if (!shown)
        gtk_widget_grab_focus (self->opens_date_row);
      shown = TRUE;
    }
  if (fields != NULL && (message = g_hash_table_lookup (fields, "deadline")) != NULL)
    {
      tutti_campaign_form_set_error (self->deadline_date_row, message);
      if (!shown)
        gtk_widget_grab_focus (self->deadline_date_row);
      shown = TRUE;
    }
  /* Another campaign of the kind open over these dates. */
  if (fields != NULL && (message = g_hash_table_lookup (fields, "open")) != NULL)
    {
      tutti_campaign_form_set_error (self->opens_date_row, message);
      if (!shown)
        gtk_widget_grab_focus (self->opens_date_row);
      shown = TRUE;
    }
  if (!shown)
    error_toast (self, error->message, worth_retrying (error) ? "staff-campaigns.save-dates" : NULL);
}

static void
save_dates_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(TuttiStaffCampaignsView) self = NULL;

  campaign = tutti_client_update_campaign_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_take (user_data, error, &self))
    return;

  self->saving_dates = FALSE;
  update_actions (self);
  if (campaign == NULL)
    {
      g_debug ("Saving a campaign's dates: %s", error->message);
      if (!g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        show_dates_errors (self, error);
      return;
    }

  self->dates_dirty = FALSE;
  replace_campaign (self, campaign, TRUE);
  show_toast (self, _("Dates saved"));
}

static gboolean
same_datetime (const char *a,
               const char *b)
{
  g_autoptr(GDateTime) first = tutti_parse_datetime (a);
  g_autoptr(GDateTime) second = tutti_parse_datetime (b);

  if (first == NULL || second == NULL)
    return first == second;
  return g_date_time_equal (first, second);
}

static void
save_dates_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);
  TuttiLang lang = get_view_lang (self);
  g_autoptr(TuttiCampaign) changes = tutti_campaign_new ();
  g_autofree char *school_year = NULL;
  g_autofree char *opens_at = NULL;
  g_autofree char *deadline = NULL;
  TuttiCampaignMembers members = 0;
  GtkWidget *first_wrong = NULL;

  if (self->campaign == NULL || self->saving_dates)
    return;

  school_year = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->school_year_row))));
  {
    g_autofree char *message = tutti_field_check_text (tutti_schema_lookup (&tutti_campaign_schema, "school_year"),
                                                       school_year, lang);

    tutti_campaign_form_set_error (self->school_year_row, message);
    if (message != NULL)
      first_wrong = self->school_year_row;
  }
  opens_at = tutti_campaign_form_read_datetime (self->opens_date_row, self->opens_time_row, lang);
  if (opens_at == NULL && first_wrong == NULL)
    first_wrong = tutti_campaign_form_get_error (self->opens_date_row) != NULL ? self->opens_date_row
                                                                             : self->opens_time_row;
  deadline = tutti_campaign_form_read_datetime (self->deadline_date_row, self->deadline_time_row, lang);
  if (deadline == NULL && first_wrong == NULL)
    first_wrong = tutti_campaign_form_get_error (self->deadline_date_row) != NULL ? self->deadline_date_row
                                                                                : self->deadline_time_row;
  if (opens_at != NULL && deadline != NULL)
    {
      g_autoptr(GDateTime) opens = tutti_parse_datetime (opens_at);
      g_autoptr(GDateTime) ends = tutti_parse_datetime (deadline);

      if (g_date_time_compare (ends, opens) <= 0)
        {
          tutti_campaign_form_set_error (self->deadline_date_row, _("The deadline must come after the opening."));
          if (first_wrong == NULL)
            first_wrong = self->deadline_date_row;
        }
    }
  if (first_wrong != NULL)
    {
      gtk_widget_grab_focus (first_wrong);
      return;
    }

  /* Only what changed goes. */
  if (g_strcmp0 (school_year, self->campaign->school_year) != 0)
    {
      changes->school_year = g_steal_pointer (&school_year);
      members |= TUTTI_CAMPAIGN_MEMBER_SCHOOL_YEAR;
    }
  if (!same_datetime (opens_at, self->campaign->opens_at))
    {
      changes->opens_at = g_steal_pointer (&opens_at);
      members |= TUTTI_CAMPAIGN_MEMBER_OPENS_AT;
    }
  if (!same_datetime (deadline, self->campaign->deadline))
    {
      changes->deadline = g_steal_pointer (&deadline);
      members |= TUTTI_CAMPAIGN_MEMBER_DEADLINE;
    }
  if (members == 0)
    {
      show_dates (self);
      update_actions (self);
      return;
    }

  self->saving_dates = TRUE;
  update_actions (self);
  tutti_client_update_campaign_async (self->client, self->campaign->id, changes, members, self->cancellable,
                                      save_dates_cb, call_new (self));
}

static void
reset_dates_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);

  if (self->campaign == NULL)
    return;
  show_dates (self);
  update_actions (self);
}

/* ---- Documents to provide -------------------------------------------------------------------- */

static void save_kinds (TuttiStaffCampaignsView *self,
                        GPtrArray               *kinds,
                        gint                     added_index);

static void
kind_chosen_cb (TuttiDocumentKind *kind,
                gpointer           user_data)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (user_data);
  g_autoptr(GPtrArray) kinds = NULL;

  if (self->campaign == NULL)
    {
      tutti_document_kind_free (kind);
      return;
    }
  kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_document_kind_free);
  for (guint i = 0; i < self->campaign->required_documents->len; i++)
    g_ptr_array_add (kinds, tutti_document_kind_copy (g_ptr_array_index (self->campaign->required_documents, i)));
  g_ptr_array_add (kinds, kind);
  save_kinds (self, kinds, (gint) kinds->len - 1);
}

static void
ask_kind (TuttiStaffCampaignsView *self,
          const TuttiDocumentKind *prefill,
          const char              *message_key,
          const char              *message)
{
  g_autoptr(GPtrArray) campaigns = list_campaigns (self);
  g_autoptr(GPtrArray) known = tutti_campaign_form_known_kinds (campaigns);
  AdwMessageDialog *dialog;

  dialog = tutti_campaign_form_ask_document_kind (get_parent_window (self), known,
                                                  self->campaign->required_documents, prefill,
                                                  message_key, message, G_OBJECT (self), kind_chosen_cb);
  g_set_weak_pointer (&self->message_dialog, dialog);
}

static void
add_kind_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);

  if (self->campaign == NULL || self->saving_kinds)
    return;
  ask_kind (self, NULL, NULL, NULL);
}

static void
save_kinds_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(TuttiStaffCampaignsView) self = NULL;
  GHashTable *fields;

  campaign = tutti_client_update_campaign_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_take (user_data, error, &self))
    return;

  self->saving_kinds = FALSE;
  update_actions (self);
  if (campaign == NULL)
    {
      g_debug ("Saving the documents to provide: %s", error->message);
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;
      fields = tutti_api_error_get_fields (error);
      /* The document just added refused: asked again as it was typed. */
      if (fields != NULL && self->pending_kinds != NULL && self->pending_kind_index >= 0 &&
          self->campaign != NULL && self->campaign->id == self->pending_kinds_campaign_id)
        {
          const TuttiDocumentKind *added = g_ptr_array_index (self->pending_kinds, self->pending_kind_index);
          g_autofree char *prefix = g_strdup_printf ("required_documents.%d.", self->pending_kind_index);
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, fields);
          while (g_hash_table_iter_next (&iter, &key, &value))
            if (g_str_has_prefix (key, prefix))
              {
                const char *member = (const char *) key + strlen (prefix);

                ask_kind (self, added, g_str_equal (member, "description") ? "description" : "name", value);
                return;
              }
        }
      error_toast (self, error->message, worth_retrying (error) ? "staff-campaigns.retry-kinds" : NULL);
      return;
    }

  g_clear_pointer (&self->pending_kinds, g_ptr_array_unref);
  replace_campaign (self, campaign, FALSE);
  show_toast (self, _("Documents to provide saved"));
}

/* Takes nothing; @kinds is the whole list to send. */
static void
save_kinds (TuttiStaffCampaignsView *self,
            GPtrArray               *kinds,
            gint                     added_index)
{
  g_autoptr(TuttiCampaign) changes = tutti_campaign_new ();

  if (self->campaign == NULL || self->saving_kinds)
    return;

  if (self->pending_kinds != kinds)
    {
      g_clear_pointer (&self->pending_kinds, g_ptr_array_unref);
      self->pending_kinds = g_ptr_array_ref (kinds);
    }
  self->pending_kind_index = added_index;
  self->pending_kinds_campaign_id = self->campaign->id;
  g_ptr_array_unref (changes->required_documents);
  changes->required_documents = g_ptr_array_ref (kinds);

  self->saving_kinds = TRUE;
  update_actions (self);
  tutti_client_update_campaign_async (self->client, self->campaign->id, changes,
                                      TUTTI_CAMPAIGN_MEMBER_REQUIRED_DOCUMENTS, self->cancellable,
                                      save_kinds_cb, call_new (self));
}

static void
retry_kinds_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);

  /* Retry sends the list where it was meant to go. */
  if (self->pending_kinds != NULL && self->campaign != NULL &&
      self->campaign->id == self->pending_kinds_campaign_id)
    save_kinds (self, self->pending_kinds, self->pending_kind_index);
}

static void
remove_kind_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (user_data);
  const char *id = g_object_get_data (G_OBJECT (dialog), "tutti-kind-id");
  g_autoptr(GPtrArray) kinds = NULL;

  if (g_strcmp0 (response, "remove") != 0 || self->campaign == NULL)
    return;

  kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_document_kind_free);
  for (guint i = 0; i < self->campaign->required_documents->len; i++)
    {
      const TuttiDocumentKind *kind = g_ptr_array_index (self->campaign->required_documents, i);

      if (g_strcmp0 (kind->id, id) != 0)
        g_ptr_array_add (kinds, tutti_document_kind_copy (kind));
    }
  save_kinds (self, kinds, -1);
}

static void
remove_kind_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const TuttiDocumentKind *kind = NULL;
  AdwMessageDialog *dialog;

  if (self->campaign == NULL || self->saving_kinds)
    return;
  for (guint i = 0; i < self->campaign->required_documents->len; i++)
    if (g_strcmp0 (((TuttiDocumentKind *) g_ptr_array_index (self->campaign->required_documents, i))->id, id) == 0)
      kind = g_ptr_array_index (self->campaign->required_documents, i);
  if (kind == NULL)
    return;

  dialog = tutti_question_new (GTK_WIDGET (self), NULL,
                               _("Families will no longer be asked for it in this "
                                 "campaign. The documents they already sent stay in "
                                 "their files."),
                               "remove", _("_Stop Asking"), ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_format_heading (dialog, _("Stop Asking for “%s”?"), kind->name != NULL ? kind->name : id);
  g_object_set_data_full (G_OBJECT (dialog), "tutti-kind-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_kind_response_cb), self, 0);
  g_set_weak_pointer (&self->message_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Documents to download ------------------------------------------------------------------ */

static void
upload_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiDownload) download = NULL;
  g_autoptr(TuttiStaffCampaignsView) self = NULL;
  g_autofree char *title = NULL;

  download = tutti_client_upload_campaign_download_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_take (user_data, error, &self))
    return;

  self->uploading = FALSE;
  update_actions (self);
  if (download == NULL)
    {
      g_debug ("Uploading a download: %s", error->message);
      if (!g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        error_toast (self, error->message, worth_retrying (error) ? "staff-campaigns.retry-upload" : NULL);
      return;
    }

  g_clear_pointer (&self->upload_content, g_bytes_unref);
  if (self->campaign != NULL && self->campaign->id == self->upload_campaign_id)
    {
      g_autoptr(TuttiCampaign) campaign = tutti_campaign_copy (self->campaign);

      g_ptr_array_add (campaign->downloads, tutti_download_copy (download));
      replace_campaign (self, campaign, FALSE);
    }
  /* Translators: %s is the name of a document families download */
  title = g_strdup_printf (_("Families can now download “%s”"), download->name);
  show_toast (self, title);
}

static void
upload (TuttiStaffCampaignsView *self)
{
  if (self->campaign == NULL || self->upload_content == NULL || self->uploading)
    return;
  /* Retry sends it where it was meant to go. */
  if (self->upload_campaign_id != 0 && self->upload_campaign_id != self->campaign->id)
    {
      g_clear_pointer (&self->upload_content, g_bytes_unref);
      return;
    }

  self->uploading = TRUE;
  self->upload_campaign_id = self->campaign->id;
  update_actions (self);
  tutti_client_upload_campaign_download_async (self->client, self->campaign->id, self->upload_name,
                                               self->upload_file_name, self->upload_content,
                                               self->cancellable, upload_cb, call_new (self));
}

static void
retry_upload_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  upload (TUTTI_STAFF_CAMPAIGNS_VIEW (widget));
}

static void
download_name_changed_cb (GtkEditable      *editable,
                          AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "add", !tutti_is_blank (gtk_editable_get_text (editable)));
}

static void
download_name_activated_cb (AdwEntryRow      *row,
                            AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "add"))
    adw_message_dialog_response (dialog, "add");
}

static void
add_download_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (user_data);
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "tutti-name-row");

  if (g_strcmp0 (response, "add") != 0)
    {
      g_clear_pointer (&self->upload_content, g_bytes_unref);
      return;
    }
  g_free (self->upload_name);
  self->upload_name = g_strstrip (g_strdup (gtk_editable_get_text (name_row)));
  upload (self);
}

/* The PDF read: checked with core, then named. */
static void
ask_download_name (TuttiStaffCampaignsView *self,
                   GBytes                  *content,
                   const char              *file_name)
{
  TuttiLang lang = get_view_lang (self);
  gsize size = g_bytes_get_size (content);
  const char *type = tutti_sniff_content_type (g_bytes_get_data (content, NULL), size);
  g_autofree char *size_text = tutti_format_size ((gint64) size, lang);
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *group;
  GtkWidget *row;

  if (g_strcmp0 (type, "application/pdf") != 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a PDF file, whatever its name says. "
                                                    "Families download PDF files only."), file_name);

      error_toast (self, message, NULL);
      return;
    }
  if (size > TUTTI_API_MAX_UPLOAD)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is larger than 2 MB. Make it smaller, or split it."),
                                                  file_name);

      error_toast (self, message, NULL);
      return;
    }

  g_clear_pointer (&self->upload_content, g_bytes_unref);
  self->upload_content = g_bytes_ref (content);
  self->upload_campaign_id = self->campaign != NULL ? self->campaign->id : 0;
  g_free (self->upload_file_name);
  self->upload_file_name = g_strdup (file_name);

  name = g_strdup (file_name);
  if (g_str_has_suffix (name, ".pdf") || g_str_has_suffix (name, ".PDF"))
    name[strlen (name) - 4] = '\0';
  g_strdelimit (name, "_", ' ');

  /* Translators: a file's name and its size */
  body = g_strdup_printf (_("%s (%s), as families will see it on their home page."), file_name, size_text);
  dialog = tutti_question_new (GTK_WIDGET (self), _("Add This Document?"), body,
                               "add", _("_Add"), ADW_RESPONSE_SUGGESTED);

  group = adw_preferences_group_new ();
  row = tutti_campaign_form_add_entry (ADW_PREFERENCES_GROUP (group), "name", _("Name families see"), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  g_signal_connect_object (row, "changed", G_CALLBACK (download_name_changed_cb), dialog, 0);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (download_name_activated_cb), dialog, 0);
  adw_message_dialog_set_extra_child (dialog, group);
  adw_message_dialog_set_response_enabled (dialog, "add", !tutti_is_blank (name));
  g_object_set_data (G_OBJECT (dialog), "tutti-name-row", row);

  g_signal_connect_object (dialog, "response", G_CALLBACK (add_download_response_cb), self, 0);
  g_set_weak_pointer (&self->message_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (row);
}

static void
load_download_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiStaffCampaignsView) self = NULL;
  g_autofree char *file_name = g_file_get_basename (G_FILE (source));
  char *data = NULL;
  gsize length = 0;
  gboolean loaded;

  loaded = g_file_load_contents_finish (G_FILE (source), result, &data, &length, NULL, &error);
  if (!tutti_call_take (user_data, error, &self))
    {
      g_free (data);
      return;
    }
  if (!loaded)
    {
      error_toast (self, error->message, NULL);
      return;
    }
  {
    g_autoptr(GBytes) content = g_bytes_new_take (data, length);

    ask_download_name (self, content, file_name);
  }
}

/* For the UI test too: the file, as if chosen in the file chooser. */
void
tutti_staff_campaigns_view_add_download_file (TuttiStaffCampaignsView *self,
                                              GFile                   *file)
{
  g_return_if_fail (TUTTI_IS_STAFF_CAMPAIGNS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->campaign == NULL)
    return;
  g_file_load_contents_async (file, self->cancellable, load_download_cb, call_new (self));
}

static void
chooser_response_cb (GtkNativeDialog         *chooser,
                     int                      response,
                     TuttiStaffCampaignsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        tutti_staff_campaigns_view_add_download_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
add_download_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->campaign == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a PDF Document"), get_parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static const TuttiDownload *
find_download (TuttiStaffCampaignsView *self,
               gint64                   id)
{
  return tutti_campaign_form_find_download (self->campaign, id);
}

static void
open_download_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);
  const TuttiDownload *download = find_download (self, g_variant_get_int64 (parameter));

  if (download == NULL)
    return;
  g_set_weak_pointer (&self->document_view,
                      tutti_document_opener_open_download (GTK_WIDGET (self), self->client, self->campaign->id,
                                                           download, download->file_name));
}

typedef struct
{
  TuttiCall *load;
  gint64    campaign_id;
  gint64    download_id;
} DeleteData;

static void
delete_download_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DeleteData *data = user_data;
  gint64 campaign_id = data->campaign_id;
  gint64 download_id = data->download_id;
  TuttiCall *load = data->load;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiStaffCampaignsView) self = NULL;
  gboolean deleted;

  g_free (data);
  deleted = tutti_client_delete_campaign_download_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_take (load, error, &self))
    return;

  self->deleting = FALSE;
  update_actions (self);
  if (!deleted && !g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND))
    {
      g_debug ("Deleting a download: %s", error->message);
      if (!g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        error_toast (self, error->message, NULL);
      return;
    }

  /* Gone either way. */
  if (self->campaign != NULL && self->campaign->id == campaign_id)
    {
      g_autoptr(TuttiCampaign) campaign = tutti_campaign_copy (self->campaign);

      for (guint i = 0; i < campaign->downloads->len; i++)
        if (((TuttiDownload *) g_ptr_array_index (campaign->downloads, i))->id == download_id)
          {
            g_ptr_array_remove_index (campaign->downloads, i);
            break;
          }
      replace_campaign (self, campaign, FALSE);
    }
  show_toast (self, _("Document deleted"));
}

static void
delete_download_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             gpointer          user_data)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (user_data);
  DeleteData *data;

  if (g_strcmp0 (response, "delete") != 0 || self->campaign == NULL || self->deleting)
    return;

  data = g_new0 (DeleteData, 1);
  data->load = call_new (self);
  data->campaign_id = self->campaign->id;
  data->download_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "tutti-download-id"));
  self->deleting = TRUE;
  update_actions (self);
  tutti_client_delete_campaign_download_async (self->client, self->campaign->id, data->download_id,
                                               self->cancellable, delete_download_cb, data);
}

static void
delete_download_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);
  const TuttiDownload *download = find_download (self, g_variant_get_int64 (parameter));
  AdwMessageDialog *dialog;

  if (download == NULL || self->deleting)
    return;

  dialog = tutti_question_new (GTK_WIDGET (self), NULL,
                               _("Families will no longer be able to download it."),
                               "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), download->name != NULL ? download->name : "");
  g_object_set_data (G_OBJECT (dialog), "tutti-download-id", GSIZE_TO_POINTER ((gsize) download->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_download_response_cb), self, 0);
  g_set_weak_pointer (&self->message_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- A place of the offer ------------------------------------------------------------------- */

static const char *
field_label (const TuttiField *field,
             TuttiLang         lang)
{
  return tutti_text_get (&field->label, lang);
}

static void
item_entry_activated_cb (TuttiStaffCampaignsView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "staff-campaigns.save-item", NULL);
}

/* The rows of the place's form, one per field of the offer's schema but
 * its id, with core's labels. */
static void
build_item_form (TuttiStaffCampaignsView *self)
{
  TuttiLang lang = tutti_lang_from_environment ();

  for (guint i = 0; i < tutti_offer_item_schema.n_fields; i++)
    {
      const TuttiField *field = &tutti_offer_item_schema.fields[i];
      GtkWidget *row;

      if (g_str_equal (field->key, "id"))
        continue;
      if (field->kind == TUTTI_FIELD_ENUM)
        {
          g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

          for (guint v = 0; v < field->enum_type->n_values; v++)
            {
              const char *label = tutti_enum_to_label (field->enum_type, (int) v, lang);

              gtk_string_list_append (labels, *label != '\0' ? label : _("No fixed day"));
            }
          row = adw_combo_row_new ();
          gtk_widget_set_name (row, field->key);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_label (field, lang));
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
          adw_preferences_group_add (self->item_group, row);
          tutti_campaign_form_add_error_row (self->item_group, row);
        }
      else
        {
          g_autofree char *label = NULL;

          if (field->kind == TUTTI_FIELD_TIME)
            /* Translators: a time's label, and how to write it */
            label = g_strdup_printf (_("%s (24 h, as 14:00)"), field_label (field, lang));
          else
            label = g_strdup (field_label (field, lang));
          row = tutti_campaign_form_add_entry (self->item_group, field->key, label,
                                               (field->flags & TUTTI_FIELD_FLAG_REQUIRED) != 0);
          if (field->kind == TUTTI_FIELD_INT)
            gtk_text_set_input_purpose (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                        GTK_INPUT_PURPOSE_DIGITS);
          g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), NULL);
          g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (item_entry_activated_cb), self);
        }
      g_ptr_array_add (self->item_fields, (gpointer) field);
      g_hash_table_insert (self->item_rows, (gpointer) field->key, row);
    }
}

static void
set_item_message (TuttiStaffCampaignsView *self,
                  const char              *message)
{
  gtk_label_set_label (self->item_message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->item_message_box, message != NULL);
}

static const TuttiOfferItem *
find_offer_item (TuttiStaffCampaignsView *self,
                 gint64                   id)
{
  for (guint i = 0; self->campaign != NULL && i < self->campaign->offer->len; i++)
    {
      const TuttiOfferItem *item = g_ptr_array_index (self->campaign->offer, i);

      if (item->id == id)
        return item;
    }
  return NULL;
}

/* The place's page, for @item, or a new place when %NULL. */
static void
open_item (TuttiStaffCampaignsView *self,
           const TuttiOfferItem    *item)
{
  TuttiLang lang = get_view_lang (self);
  g_autoptr(TuttiOfferItem) blank = tutti_offer_item_new ();
  const TuttiOfferItem *shown = item != NULL ? item : blank;
  g_autofree char *title = tutti_campaign_form_title (self->campaign, lang);

  self->item_id = item != NULL ? item->id : 0;
  if (item != NULL)
    {
      g_autofree char *label = tutti_offer_item_label (item, lang);

      adw_window_title_set_title (self->item_title, label);
    }
  else
    adw_window_title_set_title (self->item_title, _("New Place"));
  adw_window_title_set_subtitle (self->item_title, title);

  for (guint i = 0; i < self->item_fields->len; i++)
    {
      const TuttiField *field = g_ptr_array_index (self->item_fields, i);
      GtkWidget *row = g_hash_table_lookup (self->item_rows, field->key);
      g_autofree char *text = tutti_record_get_text (&tutti_offer_item_schema, shown, field->key);

      if (field->kind == TUTTI_FIELD_ENUM)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                    (guint) MAX (0, tutti_enum_from_nick (field->enum_type, text)));
      else
        gtk_editable_set_text (GTK_EDITABLE (row), text);
      tutti_campaign_form_set_error (row, NULL);
    }
  set_item_message (self, NULL);
  update_actions (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "item");
  gtk_widget_grab_focus (g_hash_table_lookup (self->item_rows, "discipline"));
}

static void
offer_view_activate_cb (TuttiStaffCampaignsView *self,
                        guint                    position)
{
  g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->offer_filter_model), position);

  if (item != NULL)
    open_item (self, find_offer_item (self, ((TuttiOfferItem *) tutti_list_item_get_record (item))->id));
}

static void
add_item_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);

  if (self->campaign != NULL)
    open_item (self, NULL);
}

static void
item_back_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  adw_view_stack_set_visible_child_name (self->detail_stack, "offer");
  gtk_widget_grab_focus (GTK_WIDGET (self->offer_view));
}

/* Reads the form into a copy of the place; %NULL with the messages under
 * the rows when a field is wrong. */
static TuttiOfferItem *
read_item (TuttiStaffCampaignsView *self)
{
  TuttiLang lang = get_view_lang (self);
  const TuttiOfferItem *existing = find_offer_item (self, self->item_id);
  g_autoptr(TuttiOfferItem) item = existing != NULL ? tutti_offer_item_copy (existing) : tutti_offer_item_new ();
  GtkWidget *first_wrong = NULL;

  for (guint i = 0; i < self->item_fields->len; i++)
    {
      const TuttiField *field = g_ptr_array_index (self->item_fields, i);
      GtkWidget *row = g_hash_table_lookup (self->item_rows, field->key);
      g_autofree char *text = NULL;
      g_autofree char *message = NULL;

      if (field->kind == TUTTI_FIELD_ENUM)
        text = g_strdup (tutti_enum_to_nick (field->enum_type,
                                             (int) adw_combo_row_get_selected (ADW_COMBO_ROW (row))));
      else
        text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
      if (text == NULL)
        text = g_strdup ("");

      message = tutti_field_check_text (field, text, lang);
      if (message == NULL && !tutti_record_set_text (&tutti_offer_item_schema, item, field->key, text, NULL))
        {
          if (field->kind == TUTTI_FIELD_TIME)
            message = g_strdup (_("Write the time in 24-hour format, as 23:59."));
          else if (field->kind == TUTTI_FIELD_INT)
            message = g_strdup (_("Write a whole number, or leave it empty for no limit."));
          else
            message = g_strdup (tutti_field_type_message (field, lang));
        }
      if (message == NULL && field->kind == TUTTI_FIELD_INT)
        {
          gint64 value = *(gint64 *) G_STRUCT_MEMBER_P (item, field->offset);

          if (value != TUTTI_NO_VALUE && value < 0)
            message = g_strdup (_("Write a whole number, or leave it empty for no limit."));
        }
      tutti_campaign_form_set_error (row, message);
      if (message != NULL && first_wrong == NULL)
        first_wrong = row;
    }
  if (first_wrong == NULL && item->min_age != TUTTI_NO_VALUE && item->max_age != TUTTI_NO_VALUE &&
      item->max_age < item->min_age)
    {
      first_wrong = g_hash_table_lookup (self->item_rows, "max_age");
      tutti_campaign_form_set_error (first_wrong, _("The maximum age cannot be under the minimum age."));
    }
  if (first_wrong != NULL)
    {
      gtk_widget_grab_focus (first_wrong);
      return NULL;
    }
  return g_steal_pointer (&item);
}

typedef enum
{
  ITEM_SAVED,
  ITEM_ADDED,
  ITEM_REMOVED,
} ItemChange;

typedef struct
{
  TuttiCall  *load;
  ItemChange change;
  gint       index;          /* of the place in the offer sent; -1 when removed */
} ItemData;

static void
put_offer_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ItemData *data = user_data;
  ItemChange change = data->change;
  gint index = data->index;
  TuttiCall *load = data->load;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;
  g_autoptr(TuttiStaffCampaignsView) self = NULL;
  GHashTable *fields;

  g_free (data);
  campaign = tutti_client_put_campaign_offer_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_take (load, error, &self))
    return;

  self->saving_item = FALSE;
  update_actions (self);
  if (campaign == NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("offer.%d.", index);
      GtkWidget *first_wrong = NULL;
      GHashTableIter iter;
      gpointer key, value;

      g_debug ("Saving the course offer: %s", error->message);
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;

      /* Each field of this place under its row; everything typed stays. */
      fields = tutti_api_error_get_fields (error);
      if (fields != NULL && index >= 0)
        {
          g_hash_table_iter_init (&iter, fields);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              GtkWidget *row;

              if (!g_str_has_prefix (key, prefix))
                continue;
              row = g_hash_table_lookup (self->item_rows, (const char *) key + strlen (prefix));
              if (row == NULL)
                continue;
              tutti_campaign_form_set_error (row, value);
              if (first_wrong == NULL)
                first_wrong = row;
            }
        }
      if (first_wrong != NULL)
        {
          gtk_widget_grab_focus (first_wrong);
          return;
        }
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_CONFLICT))
        {
          /* A place a re-enrolment chose. */
          set_item_message (self, _("Families chose this place for next year: it stays in the offer. To take "
                                    "no new pupil in it, set its places left to 0."));
          return;
        }
      set_item_message (self, error->message);
      return;
    }

  replace_campaign (self, campaign, FALSE);
  /* Back to the offer, unless the office went elsewhere meanwhile. */
  if (self->campaign != NULL && self->campaign->id == campaign->id &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "item") == 0)
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "detail");
      adw_view_stack_set_visible_child_name (self->detail_stack, "offer");
      gtk_widget_grab_focus (GTK_WIDGET (self->offer_view));
    }
  show_toast (self, change == ITEM_ADDED ? _("Place added to the offer")
                    : change == ITEM_REMOVED ? _("Place removed from the offer")
                    : _("Place saved"));
}

/* PUTs the campaign's offer with @item in place of the one of its id (or
 * added when it has none), or without the place @remove_id. */
static void
put_offer (TuttiStaffCampaignsView *self,
           const TuttiOfferItem    *item,
           gint64                   remove_id)
{
  g_autoptr(GPtrArray) offer = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_offer_item_free);
  ItemData *data = g_new0 (ItemData, 1);

  data->index = -1;
  for (guint i = 0; i < self->campaign->offer->len; i++)
    {
      const TuttiOfferItem *current = g_ptr_array_index (self->campaign->offer, i);

      if (current->id == remove_id)
        continue;
      if (item != NULL && item->id > 0 && current->id == item->id)
        {
          data->index = (gint) offer->len;
          g_ptr_array_add (offer, tutti_offer_item_copy (item));
        }
      else
        g_ptr_array_add (offer, tutti_offer_item_copy (current));
    }
  if (item != NULL && data->index < 0)
    {
      data->index = (gint) offer->len;
      g_ptr_array_add (offer, tutti_offer_item_copy (item));
      data->change = ITEM_ADDED;
    }
  else
    data->change = item != NULL ? ITEM_SAVED : ITEM_REMOVED;
  data->load = call_new (self);

  set_item_message (self, NULL);
  self->saving_item = TRUE;
  update_actions (self);
  tutti_client_put_campaign_offer_async (self->client, self->campaign->id, offer, self->cancellable,
                                         put_offer_cb, data);
}

static void
save_item_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);
  g_autoptr(TuttiOfferItem) item = NULL;

  if (self->campaign == NULL || self->saving_item)
    return;
  item = read_item (self);
  if (item != NULL)
    put_offer (self, item, 0);
}

static void
remove_item_response_cb (TuttiStaffCampaignsView *self,
                         const char              *response)
{
  if (g_strcmp0 (response, "remove") != 0 || self->campaign == NULL || self->saving_item || self->item_id <= 0)
    return;
  put_offer (self, NULL, self->item_id);
}

static void
remove_item_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);
  const TuttiOfferItem *item = find_offer_item (self, self->item_id);
  g_autofree char *label = NULL;
  AdwMessageDialog *dialog;

  if (item == NULL || self->saving_item)
    return;
  label = tutti_offer_item_label (item, get_view_lang (self));
  dialog = tutti_question_new (GTK_WIDGET (self), _("Remove This Place?"), NULL,
                               "remove", _("_Remove"), ADW_RESPONSE_DESTRUCTIVE);
  /* Translators: %s is a place of the offer, such as “Violon – Vitré – cursus classique” */
  adw_message_dialog_format_body (dialog, _("Families will no longer be able to choose “%s”."), label);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_item_response_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->message_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- A new campaign ----------------------------------------------------------------------- */

static void
campaign_created_cb (TuttiStaffCampaignsView *self,
                     TuttiCampaign           *campaign)
{
  g_autofree char *title = tutti_campaign_form_title (campaign, get_view_lang (self));
  g_autofree char *message = NULL;

  replace_campaign (self, campaign, TRUE);
  open_campaign (self, campaign);
  /* Translators: %s is a campaign, such as “Re-enrolment 2027/2028” */
  message = g_strdup_printf (_("%s created"), title);
  show_toast (self, message);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);
  g_autoptr(GPtrArray) campaigns = list_campaigns (self);
  TuttiCampaignDialog *dialog;

  if (self->client == NULL)
    return;
  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return;
    }
  dialog = tutti_campaign_dialog_new (get_parent_window (self), self->client, campaigns);
  g_signal_connect_object (dialog, "created", G_CALLBACK (campaign_created_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Keyboard ------------------------------------------------------------------------------ */

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (widget);
  const char *page = adw_leaflet_get_visible_child_name (self->leaflet);

  /* On a campaign, its list is the course offer. */
  if (g_strcmp0 (page, "detail") == 0)
    {
      adw_view_stack_set_visible_child_name (self->detail_stack, "offer");
      gtk_widget_grab_focus (GTK_WIDGET (self->offer_search_entry));
      return;
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- Clearing, GObject ------------------------------------------------------------------------ */

void
tutti_staff_campaigns_view_clear (TuttiStaffCampaignsView *self)
{
  g_return_if_fail (TUTTI_IS_STAFF_CAMPAIGNS_VIEW (self));

  self->generation++;
  self->toggling = self->saving_dates = self->saving_kinds = FALSE;
  self->uploading = self->deleting = self->saving_item = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  if (self->message_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->message_dialog));
  if (self->document_view != NULL)
    gtk_window_destroy (self->document_view);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  g_list_store_remove_all (self->offer_store);
  g_clear_pointer (&self->campaign, tutti_campaign_free);
  g_clear_pointer (&self->pending_kinds, g_ptr_array_unref);
  g_clear_pointer (&self->upload_content, g_bytes_unref);
  tutti_toasts_forget (&self->toasts);
  self->dates_dirty = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  tutti_list_page_clear (&self->list);
  update_actions (self);
}

void
tutti_staff_campaigns_view_set_client (TuttiStaffCampaignsView *self,
                                       TuttiClient             *client)
{
  g_return_if_fail (TUTTI_IS_STAFF_CAMPAIGNS_VIEW (self));

  g_set_object (&self->client, client);
}

static void
tutti_staff_campaigns_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tutti_staff_campaigns_view_parent_class)->map (widget);

  /* Fresh data each time the view is shown. */
  tutti_staff_campaigns_view_refresh (TUTTI_STAFF_CAMPAIGNS_VIEW (widget));
}

static void
tutti_staff_campaigns_view_dispose (GObject *object)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  tutti_list_page_dispose (&self->list);
  g_clear_handle_id (&self->title_idle_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->offer_view != NULL)
    gtk_column_view_set_model (self->offer_view, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_STAFF_CAMPAIGNS_VIEW);

  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->offer_filter_model);
  g_clear_object (&self->offer_filter);
  g_clear_object (&self->offer_store);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (tutti_staff_campaigns_view_parent_class)->dispose (object);
}

static void
tutti_staff_campaigns_view_finalize (GObject *object)
{
  TuttiStaffCampaignsView *self = TUTTI_STAFF_CAMPAIGNS_VIEW (object);

  g_clear_pointer (&self->campaign, tutti_campaign_free);
  g_clear_pointer (&self->kind_rows, g_ptr_array_unref);
  g_clear_pointer (&self->download_rows, g_ptr_array_unref);
  g_clear_pointer (&self->item_fields, g_ptr_array_unref);
  g_clear_pointer (&self->item_rows, g_hash_table_unref);
  g_clear_pointer (&self->pending_kinds, g_ptr_array_unref);
  g_clear_pointer (&self->upload_content, g_bytes_unref);
  g_clear_pointer (&self->upload_file_name, g_free);
  g_clear_pointer (&self->upload_name, g_free);
  tutti_toasts_clear (&self->toasts);
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->message_dialog);
  g_clear_weak_pointer (&self->document_view);
  g_clear_weak_pointer (&self->parked_focus);

  G_OBJECT_CLASS (tutti_staff_campaigns_view_parent_class)->finalize (object);
}

static void
tutti_staff_campaigns_view_class_init (TuttiStaffCampaignsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_staff_campaigns_view_dispose;
  object_class->finalize = tutti_staff_campaigns_view_finalize;
  widget_class->map = tutti_staff_campaigns_view_map;

  gtk_widget_class_install_action (widget_class, "staff-campaigns.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.toggle-open", NULL, toggle_open_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.save-dates", NULL, save_dates_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.reset-dates", NULL, reset_dates_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.add-kind", NULL, add_kind_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.remove-kind", "s", remove_kind_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.retry-kinds", NULL, retry_kinds_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.add-download", NULL, add_download_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.retry-upload", NULL, retry_upload_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.open-download", "x", open_download_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.delete-download", "x",
                                   delete_download_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.add-item", NULL, add_item_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.item-back", NULL, item_back_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.save-item", NULL, save_item_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.remove-item", NULL, remove_item_activated);
  gtk_widget_class_install_action (widget_class, "staff-campaigns.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "staff-campaigns.search", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/tutti/Tutti/ui/tutti-staff-campaigns-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, new_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, list_error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, campaign_scroll);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, state_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, state_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, open_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, open_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, dates_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, dates_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, dates_reset_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, dates_save_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, kinds_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, add_kind_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, downloads_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, downloads_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, add_download_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, offer_search_entry);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, offer_count_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, add_item_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, offer_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, offer_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, item_back_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, item_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, item_message_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, item_message_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, item_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, item_remove_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, item_save_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffCampaignsView, item_spinner);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, switcher_title_visible_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, offer_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, offer_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, offer_view_activate_cb);
}

static void
tutti_staff_campaigns_view_init (TuttiStaffCampaignsView *self)
{
  TuttiLang lang = tutti_lang_from_environment ();
  const TuttiField *school_year = tutti_schema_lookup (&tutti_campaign_schema, "school_year");
  GtkWidget *rows[5];

  self->cancellable = g_cancellable_new ();
  self->kind_rows = g_ptr_array_new ();
  self->download_rows = g_ptr_array_new ();
  self->item_fields = g_ptr_array_new ();
  self->item_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->pending_kind_index = -1;

  /* The filters exist before the template's search entries speak. */
  self->store = g_list_store_new (TUTTI_TYPE_LIST_ITEM);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_campaign, self, NULL));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (self->filter));
  self->offer_store = g_list_store_new (TUTTI_TYPE_LIST_ITEM);
  self->offer_filter = GTK_FILTER (gtk_custom_filter_new (filter_offer, self, NULL));
  self->offer_filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->offer_store)),
                                                        g_object_ref (self->offer_filter));

  gtk_widget_init_template (GTK_WIDGET (self));
  tutti_toasts_init (&self->toasts, self->toast_overlay);

  tutti_column_view_show_model (self->column_view, G_LIST_MODEL (self->filter_model));
  tutti_list_page_init (&self->list, self->list_stack, self->list_spinner, self->list_error_page,
                        GTK_WIDGET (self->refresh_button), self->store, G_LIST_MODEL (self->filter_model));
  add_columns (self);
  tutti_column_view_show_model (self->offer_view, G_LIST_MODEL (self->offer_filter_model));
  add_offer_columns (self);

  /* The dates, with core's label of the school year. */
  self->school_year_row = tutti_campaign_form_add_entry (self->dates_group, "school_year",
                                                         tutti_text_get (&school_year->label, lang), TRUE);
  self->opens_date_row = tutti_campaign_form_add_entry (self->dates_group, "opens_date", _("Opening date"), TRUE);
  self->opens_time_row = tutti_campaign_form_add_entry (self->dates_group, "opens_time",
                                                        _("Opening time (24 h)"), TRUE);
  self->deadline_date_row = tutti_campaign_form_add_entry (self->dates_group, "deadline_date",
                                                           _("Deadline date"), TRUE);
  self->deadline_time_row = tutti_campaign_form_add_entry (self->dates_group, "deadline_time",
                                                           _("Deadline time (24 h)"), TRUE);
  rows[0] = self->school_year_row;
  rows[1] = self->opens_date_row;
  rows[2] = self->opens_time_row;
  rows[3] = self->deadline_date_row;
  rows[4] = self->deadline_time_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_signal_connect_swapped (rows[i], "changed", G_CALLBACK (dates_changed_cb), self);
      g_signal_connect_swapped (rows[i], "entry-activated", G_CALLBACK (dates_entry_activated_cb), self);
      g_signal_connect (rows[i], "changed", G_CALLBACK (row_changed_cb), NULL);
    }
  build_item_form (self);

  update_actions (self);
}

/* ---- For the UI test ------------------------------------------------------------------------ */

const char *
tutti_staff_campaigns_view_get_state (TuttiStaffCampaignsView *self)
{
  return gtk_stack_get_visible_child_name (self->list_stack);
}

const char *
tutti_staff_campaigns_view_get_page_name (TuttiStaffCampaignsView *self)
{
  return adw_leaflet_get_visible_child_name (self->leaflet);
}

void
tutti_staff_campaigns_view_show_tab (TuttiStaffCampaignsView *self,
                                     const char              *name)
{
  adw_view_stack_set_visible_child_name (self->detail_stack, name);
}

gboolean
tutti_staff_campaigns_view_get_busy (TuttiStaffCampaignsView *self)
{
  return self->list.loading || self->toggling || self->saving_dates || self->saving_kinds || self->uploading ||
         self->deleting || self->saving_item;
}

GtkSearchEntry *
tutti_staff_campaigns_view_get_search_entry (TuttiStaffCampaignsView *self)
{
  return self->search_entry;
}

GtkColumnView *
tutti_staff_campaigns_view_get_column_view (TuttiStaffCampaignsView *self)
{
  return self->column_view;
}

guint
tutti_staff_campaigns_view_get_n_shown (TuttiStaffCampaignsView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

const TuttiCampaign *
tutti_staff_campaigns_view_get_shown (TuttiStaffCampaignsView *self,
                                      guint                    position)
{
  g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  /* The store keeps the item, and so the campaign. */
  return item != NULL ? tutti_list_item_get_record (item) : NULL;
}

const TuttiCampaign *
tutti_staff_campaigns_view_get_campaign (TuttiStaffCampaignsView *self)
{
  return self->campaign;
}

GtkButton *
tutti_staff_campaigns_view_get_button (TuttiStaffCampaignsView *self,
                                       const char              *name)
{
  static const struct
  {
    const char *name;
    gsize       offset;
  } buttons[] = {
    { "new", G_STRUCT_OFFSET (TuttiStaffCampaignsView, new_button) },
    { "back", G_STRUCT_OFFSET (TuttiStaffCampaignsView, back_button) },
    { "open", G_STRUCT_OFFSET (TuttiStaffCampaignsView, open_button) },
    { "save-dates", G_STRUCT_OFFSET (TuttiStaffCampaignsView, dates_save_button) },
    { "reset-dates", G_STRUCT_OFFSET (TuttiStaffCampaignsView, dates_reset_button) },
    { "add-kind", G_STRUCT_OFFSET (TuttiStaffCampaignsView, add_kind_button) },
    { "add-download", G_STRUCT_OFFSET (TuttiStaffCampaignsView, add_download_button) },
    { "add-item", G_STRUCT_OFFSET (TuttiStaffCampaignsView, add_item_button) },
    { "item-back", G_STRUCT_OFFSET (TuttiStaffCampaignsView, item_back_button) },
    { "save-item", G_STRUCT_OFFSET (TuttiStaffCampaignsView, item_save_button) },
    { "remove-item", G_STRUCT_OFFSET (TuttiStaffCampaignsView, item_remove_button) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (g_strcmp0 (buttons[i].name, name) == 0)
      return G_STRUCT_MEMBER (GtkButton *, self, buttons[i].offset);
  return NULL;
}

GtkWidget *
tutti_staff_campaigns_view_get_row (TuttiStaffCampaignsView *self,
                                    const char              *key)
{
  if (g_strcmp0 (key, "school_year") == 0)
    return self->school_year_row;
  if (g_strcmp0 (key, "opens_date") == 0)
    return self->opens_date_row;
  if (g_strcmp0 (key, "opens_time") == 0)
    return self->opens_time_row;
  if (g_strcmp0 (key, "deadline_date") == 0)
    return self->deadline_date_row;
  if (g_strcmp0 (key, "deadline_time") == 0)
    return self->deadline_time_row;
  return g_hash_table_lookup (self->item_rows, key);
}

/* The rows of the documents to provide and to download, in order. */
GPtrArray *
tutti_staff_campaigns_view_get_kind_rows (TuttiStaffCampaignsView *self)
{
  return self->kind_rows;
}

GPtrArray *
tutti_staff_campaigns_view_get_download_rows (TuttiStaffCampaignsView *self)
{
  return self->download_rows;
}

guint
tutti_staff_campaigns_view_get_n_offer_shown (TuttiStaffCampaignsView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->offer_filter_model));
}

GtkSearchEntry *
tutti_staff_campaigns_view_get_offer_search_entry (TuttiStaffCampaignsView *self)
{
  return self->offer_search_entry;
}

GtkColumnView *
tutti_staff_campaigns_view_get_offer_view (TuttiStaffCampaignsView *self)
{
  return self->offer_view;
}

const char *
tutti_staff_campaigns_view_get_item_message (TuttiStaffCampaignsView *self)
{
  return gtk_widget_get_visible (self->item_message_box) ? gtk_label_get_label (self->item_message_label) : NULL;
}

AdwMessageDialog *
tutti_staff_campaigns_view_get_message_dialog (TuttiStaffCampaignsView *self)
{
  return self->message_dialog;
}

GtkWindow *
tutti_staff_campaigns_view_get_dialog (TuttiStaffCampaignsView *self)
{
  return self->dialog;
}

GtkWindow *
tutti_staff_campaigns_view_get_document_view (TuttiStaffCampaignsView *self)
{
  return self->document_view;
}

const char *
tutti_staff_campaigns_view_get_last_toast (TuttiStaffCampaignsView *self)
{
  return tutti_toasts_get_last_title (&self->toasts);
}
