/* tutti-home-view.c — HOME-1..4: who is logged in, the pupils, the open campaigns
 *
 * HOME-3: each pupil's re-enrolment state opens the pupil's Re-enrolment
 * tab (win.show-pupil-tab); Download the re-enrolment documents opens the
 * campaign's download in a TuttiDocumentView (read, print, save), or lets
 * the family choose one from a menu when the school put several online.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tutti-campaign-form.h"
#include "tutti-document-opener.h"
#include "tutti-home-view.h"
#include "tutti-list-util.h"
#include "tutti-record-details.h"
#include "tutti-window-private.h"

struct _TuttiHomeView
{
  AdwBin               parent_instance;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkLabel            *logged_in_label;
  GtkLabel            *school_label;
  AdwPreferencesGroup *pupils_group;
  AdwPreferencesGroup *reenrolment_group;
  AdwPreferencesGroup *preenrolment_group;
  GtkButton           *new_request_button;
  GtkWidget           *downloads_box;
  GtkButton           *download_button;
  GtkMenuButton       *downloads_menu_button;

  TuttiClient         *client;
  GCancellable        *cancellable;
  TuttiHome           *home;
  GPtrArray           *pupil_rows;
  GPtrArray           *reenrolment_rows;
  GPtrArray           *preenrolment_rows;
  GMenu               *downloads_menu;
  TuttiDocumentView   *document;     /* weak: the download open */
  guint                generation;   /* bumped by clear(): late answers are dropped */
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (TuttiHomeView, tutti_home_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_HOME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static TuttiLang
get_lang (TuttiHomeView *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : TUTTI_LANG_EN;
}

/* ---- Building the page -------------------------------------------------------- */

/* "MONSIEUR Z-TEST ESSAI", as the guide writes it (HOME-1). */
static char *
format_account_name (const TuttiAccount *account,
                     TuttiLang           lang)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *civility = tutti_enum_to_label (&tutti_civility_enum, account->civility, lang);

  if (account->civility != TUTTI_CIVILITY_NONE && civility != NULL && *civility != '\0')
    g_string_append (name, civility);
  if (account->surname != NULL && *account->surname != '\0')
    g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", account->surname);
  if (account->first_name != NULL && *account->first_name != '\0')
    g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", account->first_name);
  if (name->len == 0 && account->login != NULL)
    g_string_append (name, account->login);

  return g_utf8_strup (name->str, -1);
}

static char *
format_pupil_name (const TuttiHomePupil *pupil)
{
  return tutti_format_person_name (pupil->surname, pupil->first_name);
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
create_pupil_row (const TuttiHomePupil *pupil)
{
  g_autofree char *name = format_pupil_name (pupil);
  GtkWidget *row;
  GtkWidget *avatar;

  /* HOME-2: the row opens the pupil's file (win.show-pupil). */
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-pupil");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (pupil->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));

  /* Decoration: the row's title already says the name. */
  avatar = g_object_new (ADW_TYPE_AVATAR,
                         "size", 32,
                         "text", name,
                         "show-initials", TRUE,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                         NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

  return row;
}

static GtkWidget *
create_reenrolment_row (const TuttiHomePupil *pupil,
                        TuttiLang             lang)
{
  g_autofree char *name = format_pupil_name (pupil);
  const char *state = tutti_enum_to_label (&tutti_reenrolment_state_enum,
                                           pupil->reenrolment_state, lang);
  GtkWidget *row;
  GtkWidget *label;

  /* PUP-1: the row opens the pupil's Re-enrolment tab. */
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-pupil-tab");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new ("(xs)", pupil->id, "reenrolment"));

  label = tutti_tag_new (state, tutti_reenrolment_state_style (pupil->reenrolment_state));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));

  return row;
}

static const TuttiCampaign *
find_open_campaign (const TuttiHome   *home,
                    TuttiCampaignKind  kind)
{
  for (guint i = 0; home->campaigns != NULL && i < home->campaigns->len; i++)
    {
      const TuttiCampaign *campaign = g_ptr_array_index (home->campaigns, i);

      if (campaign->kind == kind && campaign->open)
        return campaign;
    }

  return NULL;
}

static void
set_campaign_header (AdwPreferencesGroup *group,
                     const TuttiCampaign *campaign,
                     const char          *full_title,
                     const char          *extra,
                     TuttiLang            lang)
{
  g_autofree char *deadline = tutti_format_deadline (campaign->deadline, lang);
  g_autofree char *description = NULL;

  if (deadline != NULL && *deadline != '\0' && extra != NULL)
    description = g_strdup_printf ("%s\n%s", deadline, extra);
  else if (deadline != NULL && *deadline != '\0')
    description = g_strdup (deadline);
  else
    description = g_strdup (extra);

  adw_preferences_group_set_title (group, full_title);
  adw_preferences_group_set_description (group, description);
}

/* The name in bold within the sentence, wherever the translation puts it. */
static void
set_bold_name (GtkLabel   *label,
               const char *text,
               const char *name)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  const char *found = strstr (text, name);

  /* The heading's style makes all of it bold: only the name is. */
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));

  if (found != NULL && *name != '\0')
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = found - text;
      bold->end_index = bold->start_index + strlen (name);
      pango_attr_list_insert (attrs, bold);
    }

  gtk_label_set_attributes (label, attrs);
}

static const char *
preenrolment_style_class (TuttiPreenrolmentState state)
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

/* HOME-4: one of the family's pre-enrolment requests and its outcome. */
static GtkWidget *
create_preenrolment_row (const TuttiPreenrolment *request,
                         TuttiLang                lang)
{
  const char *state = tutti_enum_to_label (&tutti_preenrolment_state_enum, request->state, lang);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *sent = tutti_format_datetime (request->submitted_at, lang);
  GtkWidget *row;
  GtkWidget *label;

  for (guint i = 0; request->pupils != NULL && i < request->pupils->len; i++)
    {
      const TuttiNewPupil *pupil = g_ptr_array_index (request->pupils, i);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "%s %s",
                              pupil->surname != NULL ? pupil->surname : "",
                              pupil->first_name != NULL ? pupil->first_name : "");
      for (guint j = 0; pupil->choices != NULL && j < pupil->choices->len; j++)
        {
          const TuttiPreenrolmentChoice *choice = g_ptr_array_index (pupil->choices, j);

          if (choice->label != NULL)
            g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", choice->label);
        }
    }
  if (*sent != '\0')
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, request->id);
      /* Translators: the number of a pre-enrolment request and when it was sent */
      g_autofree char *line = g_strdup_printf (_("Request no. %s sent on %s"), number, sent);

      g_string_prepend (subtitle, subtitle->len > 0 ? "\n" : "");
      g_string_prepend (subtitle, line);
    }
  if (request->state == TUTTI_PREENROLMENT_REFUSED && !tutti_is_blank (request->reason))
    {
      g_autofree char *line = NULL;

      /* Translators: %s is why the school refused a request */
      line = g_strdup_printf (_("Reason: %s"), request->reason);
      g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", line);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names->str);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "mail-send-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));

  /* The outcome is read whole; the lines beside it wrap. */
  label = gtk_label_new (state);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "tutti-state");
  gtk_widget_add_css_class (label, preenrolment_style_class (request->state));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

/* HOME-3: no download, no button; one, a button that opens it; several,
 * a menu of them. */
static void
update_downloads (TuttiHomeView       *self,
                  const TuttiCampaign *campaign)
{
  guint n = campaign != NULL && campaign->downloads != NULL ? campaign->downloads->len : 0;

  g_menu_remove_all (self->downloads_menu);
  gtk_widget_set_visible (self->downloads_box, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->download_button), n == 1);
  gtk_widget_set_visible (GTK_WIDGET (self->downloads_menu_button), n > 1);
  if (n == 0)
    return;

  if (n == 1)
    {
      const TuttiDownload *download = g_ptr_array_index (campaign->downloads, 0);

      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->download_button),
                                              g_variant_new ("(xx)", campaign->id, download->id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->download_button), "home.open-download");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->download_button), download->name);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const TuttiDownload *download = g_ptr_array_index (campaign->downloads, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (download->name != NULL && *download->name != '\0'
                                                   ? download->name : download->file_name, NULL);

      g_menu_item_set_action_and_target_value (item, "home.open-download",
                                               g_variant_new ("(xx)", campaign->id, download->id));
      g_menu_append_item (self->downloads_menu, item);
    }
}

static void
rebuild (TuttiHomeView *self)
{
  const TuttiHome *home = self->home;
  TuttiLang lang = get_lang (self);
  const TuttiCampaign *reenrolment;
  const TuttiCampaign *preenrolment;
  gboolean is_staff;
  g_autofree char *name = NULL;
  g_autofree char *logged_in = NULL;

  remove_rows (self->pupils_group, self->pupil_rows);
  remove_rows (self->reenrolment_group, self->reenrolment_rows);
  remove_rows (self->preenrolment_group, self->preenrolment_rows);

  if (home == NULL || home->account == NULL)
    return;

  is_staff = home->account->role == TUTTI_ROLE_STAFF;

  /* HOME-1 */
  name = format_account_name (home->account, lang);
  if (home->account->civility == TUTTI_CIVILITY_MRS)
    /* Translators: said of a woman; %s is her civility and name in
     * capitals, such as “MADAME MARTIN CLAIRE” */
    logged_in = g_strdup_printf (C_("feminine", "Logged in as %s"), name);
  else
    /* Translators: %s is the person's civility and name in capitals,
     * such as “MONSIEUR Z-TEST ESSAI” */
    logged_in = g_strdup_printf (_("Logged in as %s"), name);
  gtk_label_set_label (self->logged_in_label, logged_in);
  set_bold_name (self->logged_in_label, logged_in, name);

  if (home->school != NULL && home->school->name != NULL && *home->school->name != '\0')
    {
      g_autofree char *school = NULL;

      if (is_staff)
        /* Translators: %s is the name of the school */
        school = g_strdup_printf (_("Staff account at %s"), home->school->name);
      else
        school = g_strdup (home->school->name);
      gtk_label_set_label (self->school_label, school);
      gtk_widget_set_visible (GTK_WIDGET (self->school_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->school_label), FALSE);
    }

  /* HOME-2 */
  for (guint i = 0; home->pupils != NULL && i < home->pupils->len; i++)
    {
      GtkWidget *row = create_pupil_row (g_ptr_array_index (home->pupils, i));

      adw_preferences_group_add (self->pupils_group, row);
      g_ptr_array_add (self->pupil_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->pupils_group), self->pupil_rows->len > 0);

  /* HOME-3, HOME-4: the family's campaigns; staff get theirs in later views. */
  reenrolment = is_staff ? NULL : find_open_campaign (home, TUTTI_CAMPAIGN_REENROLMENT);
  if (reenrolment != NULL)
    {
      g_autofree char *title = tutti_campaign_form_heading (reenrolment);

      set_campaign_header (self->reenrolment_group, reenrolment, title, NULL, lang);
      for (guint i = 0; home->pupils != NULL && i < home->pupils->len; i++)
        {
          GtkWidget *row = create_reenrolment_row (g_ptr_array_index (home->pupils, i), lang);

          adw_preferences_group_add (self->reenrolment_group, row);
          g_ptr_array_add (self->reenrolment_rows, row);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reenrolment_group), reenrolment != NULL);
  update_downloads (self, reenrolment);

  preenrolment = is_staff ? NULL : find_open_campaign (home, TUTTI_CAMPAIGN_PREENROLMENT);
  if (preenrolment != NULL)
    {
      g_autofree char *title = tutti_campaign_form_heading (preenrolment);

      set_campaign_header (self->preenrolment_group, preenrolment, title,
                           _("Requests to enrol a new pupil of your family are open."),
                           lang);
    }
  else
    {
      /* Closed: the requests made stay, with their outcome. */
      adw_preferences_group_set_title (self->preenrolment_group, _("Pre-enrolment Requests"));
      adw_preferences_group_set_description (self->preenrolment_group, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->new_request_button), preenrolment != NULL);
  for (guint i = 0; !is_staff && home->preenrolments != NULL && i < home->preenrolments->len; i++)
    {
      GtkWidget *row = create_preenrolment_row (g_ptr_array_index (home->preenrolments, i), lang);

      adw_preferences_group_add (self->preenrolment_group, row);
      g_ptr_array_add (self->preenrolment_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preenrolment_group),
                          preenrolment != NULL || self->preenrolment_rows->len > 0);
}

/* ---- Loading ---------------------------------------------------------------- */

typedef struct
{
  TuttiHomeView *self;
  guint          generation;
} LoadData;

static void
get_home_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(TuttiHomeView) self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiHome) home = NULL;
  guint generation = data->generation;

  g_free (data);

  home = tutti_client_get_home_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || generation != self->generation)
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);

  if (home == NULL)
    {
      g_debug ("Loading the home page: %s", error->message);

      /* The window goes back to the login page by itself. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;

      if (self->home == NULL)
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
        {
          AdwToast *toast = adw_toast_new (_("Could not refresh the home page"));

          adw_toast_set_button_label (toast, _("_Retry"));
          adw_toast_set_action_name (toast, "home.retry");
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      return;
    }

  g_clear_pointer (&self->home, tutti_home_free);
  self->home = g_steal_pointer (&home);
  rebuild (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOME]);
}

void
tutti_home_view_refresh (TuttiHomeView *self)
{
  LoadData *data;

  g_return_if_fail (TUTTI_IS_HOME_VIEW (self));

  if (self->client == NULL || !tutti_client_is_logged_in (self->client) || self->loading)
    return;

  self->loading = TRUE;
  if (self->home == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->generation = self->generation;
  tutti_client_get_home_async (self->client, self->cancellable, get_home_cb, data);
}

/* HOME-4: "Make a new request" opens the pre-enrolment (PRE-1..4); once
 * sent, home shows it with the family's other requests. */
static void
preenrolment_submitted_cb (TuttiHomeView *self)
{
  tutti_home_view_refresh (self);
}

static void
new_preenrolment_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  TuttiHomeView *self = TUTTI_HOME_VIEW (widget);
  TuttiPreenrolmentDialog *dialog;

  if (self->client == NULL)
    return;

  dialog = tutti_preenrolment_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->client);
  g_signal_connect_object (dialog, "submitted", G_CALLBACK (preenrolment_submitted_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  tutti_home_view_refresh (TUTTI_HOME_VIEW (widget));
}

/* ---- HOME-3: the campaign's downloads ------------------------------------------ */

static const TuttiDownload *
find_download (TuttiHomeView        *self,
               gint64                campaign_id,
               gint64                download_id,
               const TuttiCampaign **campaign_out)
{
  for (guint i = 0; self->home != NULL && self->home->campaigns != NULL && i < self->home->campaigns->len; i++)
    {
      const TuttiCampaign *campaign = g_ptr_array_index (self->home->campaigns, i);
      const TuttiDownload *download = campaign->id == campaign_id
                                      ? tutti_campaign_form_find_download (campaign, download_id) : NULL;

      if (download != NULL)
        {
          *campaign_out = campaign;
          return download;
        }
    }

  return NULL;
}

static void
open_download_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TuttiHomeView *self = TUTTI_HOME_VIEW (widget);
  const TuttiCampaign *campaign = NULL;
  const TuttiDownload *download;
  gint64 campaign_id = 0;
  gint64 download_id = 0;
  g_autofree char *subtitle = NULL;

  g_variant_get (parameter, "(xx)", &campaign_id, &download_id);
  download = find_download (self, campaign_id, download_id, &campaign);
  if (self->client == NULL || download == NULL)
    return;

  subtitle = tutti_campaign_form_heading (campaign);

  /* One document open at a time, the one asked for last. */
  if (self->document != NULL)
    gtk_window_destroy (GTK_WINDOW (self->document));
  g_set_weak_pointer (&self->document,
                      TUTTI_DOCUMENT_VIEW (tutti_document_opener_open_download (widget, self->client, campaign_id,
                                                                                download, subtitle)));
}

void
tutti_home_view_clear (TuttiHomeView *self)
{
  g_return_if_fail (TUTTI_IS_HOME_VIEW (self));

  self->generation++;
  self->loading = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_clear_pointer (&self->home, tutti_home_free);
  rebuild (self);
  update_downloads (self, NULL);
  if (self->document != NULL)
    gtk_window_destroy (GTK_WINDOW (self->document));
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOME]);
}

void
tutti_home_view_set_client (TuttiHomeView *self,
                            TuttiClient   *client)
{
  g_return_if_fail (TUTTI_IS_HOME_VIEW (self));

  g_set_object (&self->client, client);
}

const TuttiHome *
tutti_home_view_get_home (TuttiHomeView *self)
{
  g_return_val_if_fail (TUTTI_IS_HOME_VIEW (self), NULL);

  return self->home;
}

/* ---- GObject ---------------------------------------------------------------- */

static void
tutti_home_view_map (GtkWidget *widget)
{
  TuttiHomeView *self = TUTTI_HOME_VIEW (widget);

  GTK_WIDGET_CLASS (tutti_home_view_parent_class)->map (widget);

  /* Fresh data each time the view is shown again. */
  if (self->home != NULL)
    tutti_home_view_refresh (self);
}

static void
tutti_home_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TuttiHomeView *self = TUTTI_HOME_VIEW (object);

  switch (prop_id)
    {
    case PROP_HOME:
      g_value_set_boxed (value, self->home);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tutti_home_view_dispose (GObject *object)
{
  TuttiHomeView *self = TUTTI_HOME_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->document);

  /* AdwBin unparents its child itself: drop it first, so that a child
   * bound as a template child is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_HOME_VIEW);

  g_clear_object (&self->client);
  g_clear_pointer (&self->home, tutti_home_free);

  G_OBJECT_CLASS (tutti_home_view_parent_class)->dispose (object);
}

static void
tutti_home_view_finalize (GObject *object)
{
  TuttiHomeView *self = TUTTI_HOME_VIEW (object);

  g_clear_pointer (&self->pupil_rows, g_ptr_array_unref);
  g_clear_pointer (&self->reenrolment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preenrolment_rows, g_ptr_array_unref);
  g_clear_object (&self->downloads_menu);

  G_OBJECT_CLASS (tutti_home_view_parent_class)->finalize (object);
}

static void
tutti_home_view_class_init (TuttiHomeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tutti_home_view_get_property;
  object_class->dispose = tutti_home_view_dispose;
  object_class->finalize = tutti_home_view_finalize;
  widget_class->map = tutti_home_view_map;

  properties[PROP_HOME] =
    g_param_spec_boxed ("home", NULL, NULL,
                        tutti_home_get_type (),
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "home.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "home.new-preenrolment", NULL, new_preenrolment_activated);
  gtk_widget_class_install_action (widget_class, "home.open-download", "(xx)", open_download_activated);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-home-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, logged_in_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, school_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, pupils_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, reenrolment_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, preenrolment_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, new_request_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, downloads_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, download_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiHomeView, downloads_menu_button);
}

static void
tutti_home_view_init (TuttiHomeView *self)
{
  self->cancellable = g_cancellable_new ();
  self->pupil_rows = g_ptr_array_new ();
  self->reenrolment_rows = g_ptr_array_new ();
  self->preenrolment_rows = g_ptr_array_new ();
  self->downloads_menu = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (self->downloads_menu_button, G_MENU_MODEL (self->downloads_menu));
}

/* ---- For the UI test ---------------------------------------------------------- */

const char *
tutti_home_view_get_state (TuttiHomeView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkLabel *
tutti_home_view_get_logged_in_label (TuttiHomeView *self)
{
  return self->logged_in_label;
}

GPtrArray *
tutti_home_view_get_pupil_rows (TuttiHomeView *self)
{
  return self->pupil_rows;
}

GPtrArray *
tutti_home_view_get_reenrolment_rows (TuttiHomeView *self)
{
  return self->reenrolment_rows;
}

GtkButton *
tutti_home_view_get_new_request_button (TuttiHomeView *self)
{
  return self->new_request_button;
}

GPtrArray *
tutti_home_view_get_preenrolment_rows (TuttiHomeView *self)
{
  return self->preenrolment_rows;
}

GtkButton *
tutti_home_view_get_download_button (TuttiHomeView *self)
{
  return self->download_button;
}

GtkMenuButton *
tutti_home_view_get_downloads_menu_button (TuttiHomeView *self)
{
  return self->downloads_menu_button;
}

GMenuModel *
tutti_home_view_get_downloads_menu (TuttiHomeView *self)
{
  return G_MENU_MODEL (self->downloads_menu);
}

TuttiDocumentView *
tutti_home_view_get_document_view (TuttiHomeView *self)
{
  return self->document;
}
