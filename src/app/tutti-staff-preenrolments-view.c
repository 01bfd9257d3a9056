/* tutti-staff-preenrolments-view.c — STAFF-3, STAFF-4: the office's pre-enrolment desk
 *
 * The pre-enrolment campaign with its deadline, opened and closed here
 * (PATCH /staff/campaigns/{id}); the requests families sent, in a
 * GtkColumnView — a GListStore of TuttiListItem, filtered by
 * state and by a search on the family, guardian 1 and the new pupils; one
 * request opened: the family, guardian 1, each new pupil with their age on
 * 31 December of the school year and their choices, to accept (the pupils
 * join the family with their courses) or to refuse with a reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tutti-call.h"
#include "tutti-campaign-form.h"
#include "tutti-list-item.h"
#include "tutti-list-page.h"
#include "tutti-list-util.h"
#include "tutti-question.h"
#include "tutti-reason-dialog.h"
#include "tutti-record-details.h"
#include "tutti-staff-preenrolments-view.h"
#include "tutti-toasts.h"
#include "tutti-window-private.h"

/* ---- A request as a list item ------------------------------------------------------- */

static char *
format_pupil_name (const TuttiNewPupil *pupil)
{
  return tutti_format_person_name (pupil->surname, pupil->first_name);
}

/* Takes @record; its search looks into the family, guardian 1 and the pupils. */
static TuttiListItem *
item_new (TuttiStaffPreenrolment *record)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%s %s %s",
                          record->family_name != NULL ? record->family_name : "",
                          record->surname != NULL ? record->surname : "",
                          record->first_name != NULL ? record->first_name : "");
  for (guint i = 0; i < record->pupils->len; i++)
    {
      g_autofree char *name = format_pupil_name (g_ptr_array_index (record->pupils, i));

      g_string_append_printf (text, " %s", name);
    }
  return tutti_list_item_new (record, (GDestroyNotify) tutti_staff_preenrolment_free,
                              g_string_free (g_steal_pointer (&text), FALSE));
}

/* ---- The view ------------------------------------------------------------------------- */

enum {
  COLUMN_SUBMITTED,
  COLUMN_FAMILY,
  COLUMN_GUARDIAN,
  COLUMN_PUPILS,
  COLUMN_CHOICES,
  COLUMN_STATE,
  N_COLUMNS
};

/* The drop-down's entries: all, then each state. */
enum {
  FILTER_ALL,
  FILTER_SUBMITTED,
  FILTER_ACCEPTED,
  FILTER_REFUSED,
};

struct _TuttiStaffPreenrolmentsView
{
  AdwBin               parent_instance;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  AdwActionRow        *campaign_row;
  GtkLabel            *campaign_state_label;
  GtkSpinner          *campaign_spinner;
  GtkButton           *campaign_button;
  GtkDropDown         *state_dropdown;
  GtkSearchEntry      *search_entry;
  GtkButton           *refresh_button;
  GtkStack            *list_stack;
  GtkSpinner          *list_spinner;
  AdwStatusPage       *list_error_page;
  GtkColumnView       *column_view;
  GtkButton           *back_button;
  AdwWindowTitle      *detail_title;
  GtkScrolledWindow   *detail_scroll;
  AdwPreferencesGroup *family_group;
  GtkBox              *pupils_box;
  GtkWidget           *actions_box;
  GtkButton           *refuse_button;
  GtkButton           *accept_button;
  GtkSpinner          *decide_spinner;

  GListStore          *store;
  GtkFilter           *filter;
  GtkFilterListModel  *filter_model;

  TuttiClient         *client;
  GCancellable        *cancellable;
  guint                generation;
  TuttiListPage        list;
  TuttiCampaign       *campaign;
  gboolean             campaign_busy;
  TuttiStaffPreenrolment *detail;
  GPtrArray           *family_rows;
  GPtrArray           *pupil_groups;
  gboolean             deciding;
  guint                decide_spinner_id;
  char                *reason;           /* the refusal's reason last sent */
  TuttiToasts          toasts;
};

G_DEFINE_FINAL_TYPE (TuttiStaffPreenrolmentsView, tutti_staff_preenrolments_view, ADW_TYPE_BIN)

static TuttiLang
get_lang (TuttiStaffPreenrolmentsView *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : TUTTI_LANG_EN;
}

static void
show_toast (TuttiStaffPreenrolmentsView *self,
            const char                  *title)
{
  tutti_toasts_show (&self->toasts, title, 4, NULL, NULL);
}

static void
error_toast (TuttiStaffPreenrolmentsView *self,
             const char                  *title,
             const char                  *action)
{
  tutti_toasts_show (&self->toasts, title, TUTTI_TOAST_TIMEOUT_DEFAULT, action, NULL);
}

/* "Monsieur Z-TEST Essai" */
static char *
format_guardian (const TuttiStaffPreenrolment *record,
                 TuttiLang                     lang)
{
  return tutti_format_person_with_civility (record->civility, record->surname, record->first_name, lang);
}

/* The day ages are counted on: 31 December of the school year's first year. */
static char *
age_date_of (const TuttiStaffPreenrolment *record)
{
  guint64 year = 0;
  char text[5];

  if (record->school_year == NULL || strlen (record->school_year) < 4)
    return NULL;
  memcpy (text, record->school_year, 4);
  text[4] = '\0';
  if (!g_ascii_string_to_unsigned (text, 10, 1900, 9999, &year, NULL))
    return NULL;
  return g_strdup_printf ("%04u-12-31", (guint) year);
}

static const char *
state_style_class (TuttiPreenrolmentState state)
{
  switch (state)
    {
    case TUTTI_PREENROLMENT_ACCEPTED:
      return "done";
    case TUTTI_PREENROLMENT_REFUSED:
      return "refused";
    case TUTTI_PREENROLMENT_SUBMITTED:
    default:
      return "pending";
    }
}

/* The family reads "Awaiting the school's answer"; the office, which is
 * the school, reads what it has to do. */
static const char *
state_label (TuttiPreenrolmentState state,
             TuttiLang              lang)
{
  if (state == TUTTI_PREENROLMENT_SUBMITTED)
    return _("To Answer");
  return tutti_enum_to_label (&tutti_preenrolment_state_enum, state, lang);
}

static char *
format_pupils (const TuttiStaffPreenrolment *record,
               TuttiLang                     lang)
{
  g_autofree char *age_date = age_date_of (record);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < record->pupils->len; i++)
    {
      const TuttiNewPupil *pupil = g_ptr_array_index (record->pupils, i);
      g_autofree char *name = format_pupil_name (pupil);
      int age = age_date != NULL ? tutti_age_on_date (pupil->birth_date, age_date) : -1;

      if (text->len > 0)
        g_string_append (text, "\n");
      if (age >= 0)
        /* Translators: a pupil's name and age, such as “Z-TEST Léa (7 years)” */
        g_string_append_printf (text, ngettext ("%s (%d year)", "%s (%d years)", age), name, age);
      else
        g_string_append (text, name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_choices (const TuttiStaffPreenrolment *record)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < record->pupils->len; i++)
    {
      const TuttiNewPupil *pupil = g_ptr_array_index (record->pupils, i);

      for (guint j = 0; j < pupil->choices->len; j++)
        {
          const TuttiPreenrolmentChoice *choice = g_ptr_array_index (pupil->choices, j);

          if (text->len > 0)
            g_string_append (text, "\n");
          g_string_append (text, choice->label != NULL ? choice->label : "");
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
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
  if (column == COLUMN_SUBMITTED)
    gtk_widget_add_css_class (label, "numeric");
  /* Names and disciplines are read whole, a line each. */
  if (column == COLUMN_PUPILS || column == COLUMN_CHOICES)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  TuttiStaffPreenrolmentsView *self = g_object_get_data (G_OBJECT (factory), "tutti-view");
  const TuttiStaffPreenrolment *record = tutti_list_item_get_record (gtk_list_item_get_item (list_item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  TuttiLang lang = get_lang (self);
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_UINT (user_data))
    {
    case COLUMN_SUBMITTED:
      text = tutti_format_datetime (record->submitted_at, lang);
      break;
    case COLUMN_FAMILY:
      text = g_strdup (record->family_name != NULL ? record->family_name : "");
      break;
    case COLUMN_GUARDIAN:
      text = format_guardian (record, lang);
      break;
    case COLUMN_PUPILS:
      text = format_pupils (record, lang);
      break;
    case COLUMN_CHOICES:
      text = format_choices (record);
      break;
    case COLUMN_STATE:
    default:
      tutti_tag_set (label, state_label (record->state, lang), state_style_class (record->state));
      return;
    }
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
add_columns (TuttiStaffPreenrolmentsView *self)
{
  const char *titles[N_COLUMNS] = {
    _("Submitted"), _("Family"), _("Guardian 1"), _("New Pupils"), _("Disciplines"), _("State"),
  };

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkColumnViewColumn *column = tutti_column_view_add_column (self->column_view, titles[c], c,
                                                                  G_CALLBACK (setup_cell_cb),
                                                                  G_CALLBACK (bind_cell_cb),
                                                                  NULL, NULL, self);

      gtk_column_view_column_set_expand (column, c == COLUMN_CHOICES || c == COLUMN_PUPILS);
    }
}

/* ---- Filtering ---------------------------------------------------------------------------- */

static gboolean
filter_item (gpointer object,
             gpointer user_data)
{
  TuttiStaffPreenrolmentsView *self = user_data;
  const TuttiStaffPreenrolment *record = tutti_list_item_get_record (object);
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (state == FILTER_SUBMITTED && record->state != TUTTI_PREENROLMENT_SUBMITTED)
    return FALSE;
  if (state == FILTER_ACCEPTED && record->state != TUTTI_PREENROLMENT_ACCEPTED)
    return FALSE;
  if (state == FILTER_REFUSED && record->state != TUTTI_PREENROLMENT_REFUSED)
    return FALSE;

  return tutti_search_match_prefixes (search, tutti_list_item_get_search_text (object));
}

static void
filter_changed_cb (TuttiStaffPreenrolmentsView *self)
{
  /* The drop-down gets its model before the list is made. */
  if (self->filter == NULL)
    return;
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  tutti_list_page_update (&self->list);
}

static void
stop_search_cb (TuttiStaffPreenrolmentsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---- The campaign (STAFF-3) ------------------------------------------------------------ */

static void
show_campaign (TuttiStaffPreenrolmentsView *self)
{
  TuttiLang lang = get_lang (self);
  const TuttiCampaign *campaign = self->campaign;
  g_autofree char *title = NULL;
  g_autofree char *deadline = NULL;
  gboolean open_now;

  gtk_widget_set_visible (GTK_WIDGET (self->campaign_button), campaign != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_state_label), campaign != NULL);
  if (campaign == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->campaign_row), _("Pre-enrolment"));
      adw_action_row_set_subtitle (self->campaign_row, _("No pre-enrolment campaign has been created."));
      return;
    }

  open_now = tutti_campaign_form_is_open_now (campaign);
  title = tutti_campaign_form_heading (campaign);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->campaign_row), title);
  deadline = tutti_format_deadline (campaign->deadline, lang);
  if (open_now)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", deadline,
                                                   _("Families can send requests"));

      adw_action_row_set_subtitle (self->campaign_row, subtitle);
    }
  else if (campaign->open)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", deadline,
                                                   _("Not open on these dates"));

      adw_action_row_set_subtitle (self->campaign_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->campaign_row, deadline);

  tutti_tag_set (self->campaign_state_label, open_now ? _("Open") : _("Closed"), open_now ? "done" : "refused");

  gtk_button_set_label (self->campaign_button, campaign->open ? _("_Close…") : _("_Open"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->campaign_button),
                               campaign->open ? "suggested-action" : "destructive-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->campaign_button),
                            campaign->open ? "destructive-action" : "suggested-action");
  gtk_widget_set_sensitive (GTK_WIDGET (self->campaign_button), !self->campaign_busy);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_spinner), self->campaign_busy);
  if (self->campaign_busy)
    gtk_spinner_start (self->campaign_spinner);
  else
    gtk_spinner_stop (self->campaign_spinner);
}

static TuttiCall *
call_new (TuttiStaffPreenrolmentsView *self)
{
  return tutti_call_new (self, &self->generation, NULL, self->cancellable);
}

static void
list_campaigns_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TuttiCall) call = user_data;
  TuttiStaffPreenrolmentsView *self = call->owner;
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

  found = tutti_campaign_form_find_current (campaigns, TUTTI_CAMPAIGN_PREENROLMENT);
  g_clear_pointer (&self->campaign, tutti_campaign_free);
  if (found != NULL)
    self->campaign = tutti_campaign_copy (found);
  show_campaign (self);
}

static void show_detail (TuttiStaffPreenrolmentsView *self,
                         const TuttiStaffPreenrolment *record);

static void
list_preenrolments_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(TuttiCall) call = user_data;
  TuttiStaffPreenrolmentsView *self = call->owner;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) items = NULL;

  records = tutti_client_list_staff_preenrolments_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_is_wanted (call, error))
    return;

  if (records != NULL)
    {
      items = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < records->len; i++)
        g_ptr_array_add (items, item_new (tutti_staff_preenrolment_copy (g_ptr_array_index (records, i))));
    }
  if (!tutti_list_page_finish_load (&self->list, items, error, &self->toasts,
                                    _("Could not refresh the pre-enrolment requests"),
                                    "staff-preenrolments.refresh"))
    return;

  /* The request open on the detail page, as it is now. */
  if (self->detail != NULL)
    for (guint i = 0; i < records->len; i++)
      {
        const TuttiStaffPreenrolment *record = g_ptr_array_index (records, i);

        if (record->id == self->detail->id)
          {
            show_detail (self, record);
            break;
          }
      }
}

void
tutti_staff_preenrolments_view_refresh (TuttiStaffPreenrolmentsView *self)
{
  TuttiAccount *account;

  g_return_if_fail (TUTTI_IS_STAFF_PREENROLMENTS_VIEW (self));

  account = self->client != NULL ? tutti_client_get_account (self->client) : NULL;
  if (account == NULL || account->role != TUTTI_ROLE_STAFF || !tutti_list_page_start_load (&self->list))
    return;

  tutti_client_list_staff_campaigns_async (self->client, self->cancellable,
                                           list_campaigns_cb, call_new (self));
  tutti_client_list_staff_preenrolments_async (self->client, -1, self->cancellable,
                                               list_preenrolments_cb, call_new (self));
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tutti_staff_preenrolments_view_refresh (TUTTI_STAFF_PREENROLMENTS_VIEW (widget));
}

static void
set_campaign_open_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(TuttiCall) call = user_data;
  TuttiStaffPreenrolmentsView *self = call->owner;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;

  campaign = tutti_client_set_campaign_open_finish (TUTTI_CLIENT (source), result, &error);
  if (!tutti_call_is_wanted (call, error))
    return;

  self->campaign_busy = FALSE;
  if (campaign == NULL)
    {
      g_debug ("Opening or closing the campaign: %s", error->message);
      show_campaign (self);
      if (!g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        error_toast (self, error->message, NULL);
      return;
    }

  g_clear_pointer (&self->campaign, tutti_campaign_free);
  self->campaign = g_steal_pointer (&campaign);
  show_campaign (self);
  show_toast (self, self->campaign->open ? _("Pre-enrolment is open") : _("Pre-enrolment is closed"));
}

static void
set_campaign_open (TuttiStaffPreenrolmentsView *self,
                   gboolean                     open)
{
  if (self->campaign == NULL || self->campaign_busy)
    return;

  self->campaign_busy = TRUE;
  show_campaign (self);
  tutti_client_set_campaign_open_async (self->client, self->campaign->id, open, self->cancellable,
                                        set_campaign_open_cb, call_new (self));
}

static void
close_campaign_response_cb (TuttiStaffPreenrolmentsView *self,
                            const char                  *response)
{
  if (g_strcmp0 (response, "close") == 0)
    set_campaign_open (self, FALSE);
}

static void
toggle_campaign_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TuttiStaffPreenrolmentsView *self = TUTTI_STAFF_PREENROLMENTS_VIEW (widget);
  AdwMessageDialog *dialog;

  if (self->campaign == NULL)
    return;
  if (!self->campaign->open)
    {
      set_campaign_open (self, TRUE);
      return;
    }

  /* Closing stops every family at once: ask first. */
  dialog = tutti_question_new (widget,
                               _("Close Pre-enrolment?"),
                               _("Families will no longer be able to send requests. "
                                 "The requests already sent stay here to be answered."),
                               "close", _("_Close Pre-enrolment"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_campaign_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- One request (STAFF-4) --------------------------------------------------------------- */

static GtkWidget *
add_info_row (TuttiStaffPreenrolmentsView *self,
              AdwPreferencesGroup         *group,
              const char                  *title,
              const char                  *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL ? value : "");
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  return row;
}

static const char *
record_label (const char *key,
              TuttiLang   lang)
{
  const TuttiField *field = tutti_schema_lookup (&tutti_staff_preenrolment_schema, key);

  return field != NULL ? tutti_text_get (&field->label, lang) : key;
}

static void
show_detail (TuttiStaffPreenrolmentsView  *self,
             const TuttiStaffPreenrolment *record)
{
  TuttiLang lang = get_lang (self);
  g_autoptr(TuttiStaffPreenrolment) copy = tutti_staff_preenrolment_copy (record);
  g_autofree char *title = NULL;
  g_autofree char *number = NULL;
  g_autofree char *guardian = format_guardian (record, lang);
  g_autofree char *submitted = tutti_format_datetime (record->submitted_at, lang);
  g_autofree char *age_date = age_date_of (record);
  g_autofree char *age_date_text = age_date != NULL ? tutti_format_date (age_date, lang) : NULL;
  GtkWidget *row;

  g_clear_pointer (&self->detail, tutti_staff_preenrolment_free);
  self->detail = g_steal_pointer (&copy);

  number = g_strdup_printf ("%" G_GINT64_FORMAT, record->id);
  /* Translators: %s is the number of a pre-enrolment request */
  title = g_strdup_printf (_("Request no. %s"), number);
  adw_window_title_set_title (self->detail_title, title);
  adw_window_title_set_subtitle (self->detail_title, record->family_name);

  for (guint i = 0; i < self->family_rows->len; i++)
    adw_preferences_group_remove (self->family_group, g_ptr_array_index (self->family_rows, i));
  g_ptr_array_set_size (self->family_rows, 0);
  for (guint i = 0; i < self->pupil_groups->len; i++)
    gtk_box_remove (self->pupils_box, g_ptr_array_index (self->pupil_groups, i));
  g_ptr_array_set_size (self->pupil_groups, 0);

  /* The family and guardian 1, to whom the school answers. */
  g_ptr_array_add (self->family_rows,
                   add_info_row (self, self->family_group, record_label ("family_name", lang),
                                 record->family_name));
  g_ptr_array_add (self->family_rows,
                   add_info_row (self, self->family_group, _("Guardian 1"), guardian));
  g_ptr_array_add (self->family_rows,
                   add_info_row (self, self->family_group, record_label ("email", lang), record->email));
  g_ptr_array_add (self->family_rows,
                   add_info_row (self, self->family_group, record_label ("submitted_at", lang), submitted));

  row = add_info_row (self, self->family_group, record_label ("state", lang), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             tutti_tag_new (state_label (record->state, lang), state_style_class (record->state)));
  g_ptr_array_add (self->family_rows, row);
  if (record->state != TUTTI_PREENROLMENT_SUBMITTED && record->decided_at != NULL)
    {
      g_autofree char *decided = tutti_format_datetime (record->decided_at, lang);

      g_ptr_array_add (self->family_rows,
                       add_info_row (self, self->family_group, record_label ("decided_at", lang), decided));
    }
  if (record->state == TUTTI_PREENROLMENT_REFUSED && !tutti_is_blank (record->reason))
    g_ptr_array_add (self->family_rows,
                     add_info_row (self, self->family_group, record_label ("reason", lang), record->reason));

  /* Each new pupil: identity, age on 31 December, choices. */
  for (guint i = 0; i < record->pupils->len; i++)
    {
      const TuttiNewPupil *pupil = g_ptr_array_index (record->pupils, i);
      g_autofree char *name = format_pupil_name (pupil);
      g_autofree char *born = tutti_format_date (pupil->birth_date, lang);
      g_autoptr(GString) description = g_string_new (NULL);
      int age = age_date != NULL ? tutti_age_on_date (pupil->birth_date, age_date) : -1;
      GtkWidget *group = adw_preferences_group_new ();
      const char *civility = tutti_enum_to_label (&tutti_civility_enum, pupil->civility, lang);

      if (civility != NULL && *civility != '\0')
        g_string_append_printf (description, "%s · ", civility);
      if (!tutti_is_blank (pupil->birth_place))
        /* Translators: a date and a place of birth */
        g_string_append_printf (description, _("Born on %s in %s"), born, pupil->birth_place);
      else
        /* Translators: %s is a date of birth */
        g_string_append_printf (description, _("Born on %s"), born);
      if (age >= 0 && age_date_text != NULL)
        {
          g_string_append (description, " · ");
          /* Translators: an age in years on a date, such as “7 years on 31/12/2027” */
          g_string_append_printf (description, ngettext ("%d year on %s", "%d years on %s", age),
                                  age, age_date_text);
        }
      if (!tutti_is_blank (pupil->school_level))
        g_string_append_printf (description, " · %s", pupil->school_level);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), name);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description->str);
      for (guint j = 0; j < pupil->choices->len; j++)
        {
          const TuttiPreenrolmentChoice *choice = g_ptr_array_index (pupil->choices, j);
          GtkWidget *choice_row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (choice_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice_row),
                                         choice->label != NULL ? choice->label : "");
          adw_action_row_add_prefix (ADW_ACTION_ROW (choice_row),
                                     g_object_new (GTK_TYPE_IMAGE,
                                                   "icon-name", "emblem-music-symbolic",
                                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                   NULL));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), choice_row);
        }
      gtk_box_append (self->pupils_box, group);
      g_ptr_array_add (self->pupil_groups, group);
    }

  /* Only a request awaiting the school's answer can be answered. */
  gtk_widget_set_visible (self->actions_box, record->state == TUTTI_PREENROLMENT_SUBMITTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-preenrolments.accept",
                                 record->state == TUTTI_PREENROLMENT_SUBMITTED && !self->deciding);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-preenrolments.refuse",
                                 record->state == TUTTI_PREENROLMENT_SUBMITTED && !self->deciding);
}

static void
open_position (TuttiStaffPreenrolmentsView *self,
               guint                        position)
{
  g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model),
                                                                       position);

  if (item == NULL)
    return;
  show_detail (self, tutti_list_item_get_record (item));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroll), 0);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}

static void
column_view_activate_cb (TuttiStaffPreenrolmentsView *self,
                         guint                        position)
{
  open_position (self, position);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TuttiStaffPreenrolmentsView *self = TUTTI_STAFF_PREENROLMENTS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
leaflet_visible_child_cb (TuttiStaffPreenrolmentsView *self)
{
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") == 0)
    {
      g_clear_pointer (&self->detail, tutti_staff_preenrolment_free);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
}

/* ---- Accept, refuse ---------------------------------------------------------------------- */

static void
set_deciding (TuttiStaffPreenrolmentsView *self,
              gboolean                     deciding)
{
  self->deciding = deciding;
  if (deciding)
    tutti_spinner_start_later (self->decide_spinner, TRUE, &self->decide_spinner_id);
  else
    tutti_spinner_stop (self->decide_spinner, TRUE, &self->decide_spinner_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-preenrolments.accept",
                                 !deciding && self->detail != NULL &&
                                 self->detail->state == TUTTI_PREENROLMENT_SUBMITTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-preenrolments.refuse",
                                 !deciding && self->detail != NULL &&
                                 self->detail->state == TUTTI_PREENROLMENT_SUBMITTED);
}

/* The list's item of @record replaced by @record, as the server answered. */
static void
replace_item (TuttiStaffPreenrolmentsView  *self,
              const TuttiStaffPreenrolment *record)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (((TuttiStaffPreenrolment *) tutti_list_item_get_record (item))->id == record->id)
        {
          g_autoptr(TuttiListItem) replacement = item_new (tutti_staff_preenrolment_copy (record));

          g_list_store_splice (self->store, i, 1, (gpointer *) &replacement, 1);
          break;
        }
    }
  tutti_list_page_update (&self->list);
}

static void ask_reason (TuttiStaffPreenrolmentsView *self,
                        const char                  *reason,
                        const char                  *server_error);

/* Takes @call. */
static void
decided (TuttiCall              *call,
         TuttiStaffPreenrolment *record,
         GError                 *error)
{
  g_autoptr(TuttiCall) owned = call;
  TuttiStaffPreenrolmentsView *self = call->owner;
  GHashTable *fields;
  const char *reason_error;

  if (!tutti_call_is_wanted (call, error))
    return;

  set_deciding (self, FALSE);
  if (record == NULL)
    {
      g_debug ("Deciding a pre-enrolment request: %s", error->message);
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;
      /* A reason the server refuses: asked again, as typed, with why. */
      fields = g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID)
               ? tutti_api_error_get_fields (error) : NULL;
      reason_error = fields != NULL ? g_hash_table_lookup (fields, "reason") : NULL;
      if (reason_error != NULL && self->detail != NULL && self->detail->id == call->id)
        {
          ask_reason (self, self->reason, reason_error);
          return;
        }
      error_toast (self, error->message, NULL);
      /* Answered meanwhile, or a place gone: show it as it is now. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_CONFLICT))
        tutti_staff_preenrolments_view_refresh (self);
      return;
    }

  replace_item (self, record);
  if (self->detail != NULL && self->detail->id == record->id)
    show_detail (self, record);
  show_toast (self, record->state == TUTTI_PREENROLMENT_ACCEPTED
                    ? _("Request accepted: the new pupils joined the family")
                    : _("Request refused"));
}

static void
accept_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiStaffPreenrolment) record = NULL;

  record = tutti_client_accept_preenrolment_finish (TUTTI_CLIENT (source), result, &error);
  decided (user_data, record, error);
}

static void
refuse_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiStaffPreenrolment) record = NULL;

  record = tutti_client_refuse_preenrolment_finish (TUTTI_CLIENT (source), result, &error);
  decided (user_data, record, error);
}

/* A call about the request open. */
static TuttiCall *
decision_call_new (TuttiStaffPreenrolmentsView *self)
{
  TuttiCall *call = call_new (self);

  call->id = self->detail->id;
  return call;
}

static void
accept_response_cb (TuttiStaffPreenrolmentsView *self,
                    const char                  *response)
{
  if (g_strcmp0 (response, "accept") != 0 || self->detail == NULL || self->deciding)
    return;

  set_deciding (self, TRUE);
  tutti_client_accept_preenrolment_async (self->client, self->detail->id, self->cancellable,
                                          accept_cb, decision_call_new (self));
}

static void
accept_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TuttiStaffPreenrolmentsView *self = TUTTI_STAFF_PREENROLMENTS_VIEW (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  guint n_choices = 0;

  if (self->detail == NULL)
    return;

  for (guint i = 0; i < self->detail->pupils->len; i++)
    n_choices += ((TuttiNewPupil *) g_ptr_array_index (self->detail->pupils, i))->choices->len;
  /* Translators: the first %s is a family's name; the last sentence
   * counts the places the courses take */
  body = g_strdup_printf (ngettext ("The new pupils join the %s family with their courses, which take %u place.",
                                    "The new pupils join the %s family with their courses, which take %u places.",
                                    n_choices),
                          self->detail->family_name != NULL ? self->detail->family_name : "",
                          n_choices);
  dialog = tutti_question_new (widget,
                               _("Accept This Request?"), body,
                               "accept", _("_Accept"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (accept_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refuse_response_cb (TuttiReasonDialog           *dialog,
                    const char                  *response,
                    TuttiStaffPreenrolmentsView *self)
{
  g_autofree char *reason = tutti_reason_dialog_dup_reason (dialog);

  if (g_strcmp0 (response, TUTTI_REASON_DIALOG_REFUSE) != 0 || self->detail == NULL || self->deciding ||
      reason == NULL)
    return;

  g_free (self->reason);
  self->reason = g_steal_pointer (&reason);
  set_deciding (self, TRUE);
  tutti_client_refuse_preenrolment_async (self->client, self->detail->id, self->reason, self->cancellable,
                                          refuse_cb, decision_call_new (self));
}

/* Asks why the request open is refused, with @reason typed already and
 * @server_error under it (both nullable). */
static void
ask_reason (TuttiStaffPreenrolmentsView *self,
            const char                  *reason,
            const char                  *server_error)
{
  TuttiReasonDialog *dialog;

  if (self->detail == NULL)
    return;

  dialog = tutti_reason_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    _("Refuse This Request?"),
                                    _("The family sees the reason with its request."),
                                    tutti_schema_lookup (&tutti_preenrolment_decision_schema, "reason"),
                                    TRUE, get_lang (self));
  if (reason != NULL || server_error != NULL)
    tutti_reason_dialog_set_reason (dialog, reason, server_error);
  g_signal_connect_object (dialog, "response", G_CALLBACK (refuse_response_cb), self, 0);
  tutti_reason_dialog_present (dialog);
}

static void
refuse_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ask_reason (TUTTI_STAFF_PREENROLMENTS_VIEW (widget), NULL, NULL);
}

/* ---- Clearing, GObject ---------------------------------------------------------------------- */

void
tutti_staff_preenrolments_view_clear (TuttiStaffPreenrolmentsView *self)
{
  g_return_if_fail (TUTTI_IS_STAFF_PREENROLMENTS_VIEW (self));

  self->generation++;
  self->campaign_busy = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_deciding (self, FALSE);

  g_clear_pointer (&self->campaign, tutti_campaign_free);
  g_clear_pointer (&self->reason, g_free);
  tutti_toasts_forget (&self->toasts);
  show_campaign (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->state_dropdown, FILTER_ALL);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  g_clear_pointer (&self->detail, tutti_staff_preenrolment_free);
  tutti_list_page_clear (&self->list);
}

void
tutti_staff_preenrolments_view_set_client (TuttiStaffPreenrolmentsView *self,
                                           TuttiClient                 *client)
{
  g_return_if_fail (TUTTI_IS_STAFF_PREENROLMENTS_VIEW (self));

  g_set_object (&self->client, client);
}

static void
tutti_staff_preenrolments_view_map (GtkWidget *widget)
{
  TuttiStaffPreenrolmentsView *self = TUTTI_STAFF_PREENROLMENTS_VIEW (widget);

  GTK_WIDGET_CLASS (tutti_staff_preenrolments_view_parent_class)->map (widget);

  /* Fresh data each time the desk is shown. */
  tutti_staff_preenrolments_view_refresh (self);
}

static void
tutti_staff_preenrolments_view_dispose (GObject *object)
{
  TuttiStaffPreenrolmentsView *self = TUTTI_STAFF_PREENROLMENTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  tutti_list_page_dispose (&self->list);
  g_clear_handle_id (&self->decide_spinner_id, g_source_remove);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_STAFF_PREENROLMENTS_VIEW);

  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (tutti_staff_preenrolments_view_parent_class)->dispose (object);
}

static void
tutti_staff_preenrolments_view_finalize (GObject *object)
{
  TuttiStaffPreenrolmentsView *self = TUTTI_STAFF_PREENROLMENTS_VIEW (object);

  g_clear_pointer (&self->campaign, tutti_campaign_free);
  g_clear_pointer (&self->detail, tutti_staff_preenrolment_free);
  g_clear_pointer (&self->family_rows, g_ptr_array_unref);
  g_clear_pointer (&self->pupil_groups, g_ptr_array_unref);
  g_clear_pointer (&self->reason, g_free);
  tutti_toasts_clear (&self->toasts);

  G_OBJECT_CLASS (tutti_staff_preenrolments_view_parent_class)->finalize (object);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TuttiStaffPreenrolmentsView *self = TUTTI_STAFF_PREENROLMENTS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
tutti_staff_preenrolments_view_class_init (TuttiStaffPreenrolmentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_staff_preenrolments_view_dispose;
  object_class->finalize = tutti_staff_preenrolments_view_finalize;
  widget_class->map = tutti_staff_preenrolments_view_map;

  gtk_widget_class_install_action (widget_class, "staff-preenrolments.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "staff-preenrolments.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "staff-preenrolments.toggle-campaign", NULL,
                                   toggle_campaign_activated);
  gtk_widget_class_install_action (widget_class, "staff-preenrolments.accept", NULL, accept_activated);
  gtk_widget_class_install_action (widget_class, "staff-preenrolments.refuse", NULL, refuse_activated);
  gtk_widget_class_install_action (widget_class, "staff-preenrolments.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "staff-preenrolments.search", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/tutti/Tutti/ui/tutti-staff-preenrolments-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, campaign_state_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, campaign_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, campaign_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, list_error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, detail_scroll);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, family_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, pupils_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, refuse_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, accept_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiStaffPreenrolmentsView, decide_spinner);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
}

static void
tutti_staff_preenrolments_view_init (TuttiStaffPreenrolmentsView *self)
{
  g_autoptr(GtkStringList) states = NULL;

  self->cancellable = g_cancellable_new ();
  self->family_rows = g_ptr_array_new ();
  self->pupil_groups = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  tutti_toasts_init (&self->toasts, self->toast_overlay);

  /* The drop-down: all, then each state with core's label. */
  {
    TuttiLang lang = tutti_lang_from_environment ();

    states = gtk_string_list_new (NULL);
    gtk_string_list_append (states, _("All Requests"));
    gtk_string_list_append (states, state_label (TUTTI_PREENROLMENT_SUBMITTED, lang));
    gtk_string_list_append (states, tutti_enum_to_label (&tutti_preenrolment_state_enum,
                                                         TUTTI_PREENROLMENT_ACCEPTED, lang));
    gtk_string_list_append (states, tutti_enum_to_label (&tutti_preenrolment_state_enum,
                                                         TUTTI_PREENROLMENT_REFUSED, lang));
    gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
  }

  self->store = g_list_store_new (TUTTI_TYPE_LIST_ITEM);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_item, self, NULL));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (self->filter));
  tutti_column_view_show_model (self->column_view, G_LIST_MODEL (self->filter_model));
  tutti_list_page_init (&self->list, self->list_stack, self->list_spinner, self->list_error_page,
                        GTK_WIDGET (self->refresh_button), self->store, G_LIST_MODEL (self->filter_model));
  add_columns (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-preenrolments.accept", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-preenrolments.refuse", FALSE);
  show_campaign (self);
}

/* ---- For the UI test ------------------------------------------------------------------------ */

const char *
tutti_staff_preenrolments_view_get_state (TuttiStaffPreenrolmentsView *self)
{
  return gtk_stack_get_visible_child_name (self->list_stack);
}

const char *
tutti_staff_preenrolments_view_get_page_name (TuttiStaffPreenrolmentsView *self)
{
  return adw_leaflet_get_visible_child_name (self->leaflet);
}

const TuttiCampaign *
tutti_staff_preenrolments_view_get_campaign (TuttiStaffPreenrolmentsView *self)
{
  return self->campaign;
}

GtkButton *
tutti_staff_preenrolments_view_get_campaign_button (TuttiStaffPreenrolmentsView *self)
{
  return self->campaign_button;
}

gboolean
tutti_staff_preenrolments_view_get_busy (TuttiStaffPreenrolmentsView *self)
{
  return self->list.loading || self->campaign_busy || self->deciding;
}

GtkDropDown *
tutti_staff_preenrolments_view_get_state_dropdown (TuttiStaffPreenrolmentsView *self)
{
  return self->state_dropdown;
}

GtkSearchEntry *
tutti_staff_preenrolments_view_get_search_entry (TuttiStaffPreenrolmentsView *self)
{
  return self->search_entry;
}

GtkColumnView *
tutti_staff_preenrolments_view_get_column_view (TuttiStaffPreenrolmentsView *self)
{
  return self->column_view;
}

guint
tutti_staff_preenrolments_view_get_n_shown (TuttiStaffPreenrolmentsView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

const TuttiStaffPreenrolment *
tutti_staff_preenrolments_view_get_shown (TuttiStaffPreenrolmentsView *self,
                                          guint                        position)
{
  g_autoptr(TuttiListItem) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model),
                                                                       position);

  /* The store keeps the item, and so the record. */
  return item != NULL ? tutti_list_item_get_record (item) : NULL;
}

const TuttiStaffPreenrolment *
tutti_staff_preenrolments_view_get_detail (TuttiStaffPreenrolmentsView *self)
{
  return self->detail;
}

GtkButton *
tutti_staff_preenrolments_view_get_accept_button (TuttiStaffPreenrolmentsView *self)
{
  return self->accept_button;
}

GtkButton *
tutti_staff_preenrolments_view_get_refuse_button (TuttiStaffPreenrolmentsView *self)
{
  return self->refuse_button;
}

GtkButton *
tutti_staff_preenrolments_view_get_back_button (TuttiStaffPreenrolmentsView *self)
{
  return self->back_button;
}

const char *
tutti_staff_preenrolments_view_get_last_toast (TuttiStaffPreenrolmentsView *self)
{
  return tutti_toasts_get_last_title (&self->toasts);
}
