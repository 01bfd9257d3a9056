/* tutti-campaign-dialog.c — STAFF-3, REE-1: a new campaign
 *
 * The office chooses the kind (re-enrolment or pre-enrolment), the school
 * year (next year's by default), whether it opens on its dates, the
 * opening and the deadline, the documents families provide (those of the
 * latest campaign of the kind ticked, new ones added), and whether to
 * start from that campaign's course offer. Checked with core before
 * POST /staff/campaigns; a refusal shows on the field it names and
 * nothing typed is lost. Created, the campaign is given to ::created and
 * the dialog closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-campaign-dialog.h"
#include "tutti-campaign-form.h"
#include "tutti-window-private.h"

/* The deadline proposed: this many days after the opening. */
#define DEFAULT_DURATION_DAYS 42

struct _TuttiCampaignDialog
{
  AdwWindow            parent_instance;

  /* Template children */
  GtkButton           *cancel_button;
  GtkButton           *create_button;
  GtkSpinner          *spinner;
  GtkScrolledWindow   *scroll;
  GtkWidget           *message_box;
  GtkLabel            *message_label;
  AdwPreferencesGroup *campaign_group;
  AdwPreferencesGroup *dates_group;
  AdwPreferencesGroup *kinds_group;
  GtkButton           *add_kind_button;
  AdwPreferencesGroup *offer_group;

  /* Rows made in code */
  GtkWidget           *kind_row;
  GtkWidget           *school_year_row;
  GtkWidget           *open_row;
  GtkWidget           *open_switch;
  GtkWidget           *opens_date_row;
  GtkWidget           *opens_time_row;
  GtkWidget           *deadline_date_row;
  GtkWidget           *deadline_time_row;
  GtkWidget           *copy_row;
  GtkWidget           *copy_switch;
  GPtrArray           *kinds;         /* TuttiDocumentKind, as listed */
  GPtrArray           *kind_checks;   /* GtkCheckButton, one per kind */

  TuttiClient         *client;
  GCancellable        *cancellable;
  GPtrArray           *campaigns;     /* TuttiCampaign, the latest first */
  gboolean             busy;
  GtkWidget           *parked_focus;  /* weak: the focus before the form went busy */
};

G_DEFINE_FINAL_TYPE (TuttiCampaignDialog, tutti_campaign_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static TuttiLang
get_dialog_lang (TuttiCampaignDialog *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : tutti_lang_from_environment ();
}

static TuttiCampaignKind
selected_kind (TuttiCampaignDialog *self)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row)) == TUTTI_CAMPAIGN_PREENROLMENT
         ? TUTTI_CAMPAIGN_PREENROLMENT : TUTTI_CAMPAIGN_REENROLMENT;
}

/* The latest campaign of the kind chosen, or %NULL. */
static const TuttiCampaign *
latest_of_kind (TuttiCampaignDialog *self)
{
  TuttiCampaignKind kind = selected_kind (self);

  for (guint i = 0; i < self->campaigns->len; i++)
    {
      const TuttiCampaign *campaign = g_ptr_array_index (self->campaigns, i);

      if (campaign->kind == kind)
        return campaign;
    }
  return NULL;
}

static void
set_message (TuttiCampaignDialog *self,
             const char          *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->message_box, message != NULL);
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroll), 0);
}

static void
set_busy (TuttiCampaignDialog *self,
          gboolean             busy)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* A text made insensitive while focused would never hear that it lost
   * the focus: it goes out of the form first, and comes back after. */
  if (busy && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->scroll)))
    {
      g_set_weak_pointer (&self->parked_focus, focus);
      gtk_root_set_focus (GTK_ROOT (self), NULL);
    }
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->campaign_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dates_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kinds_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->offer_group), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.create", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.add-kind", !busy);
  if (!busy && self->parked_focus != NULL)
    {
      gtk_widget_grab_focus (self->parked_focus);
      g_clear_weak_pointer (&self->parked_focus);
    }
}

/* ---- Documents to provide ----------------------------------------------------------- */

static GtkWidget *
add_kind_row (TuttiCampaignDialog     *self,
              const TuttiDocumentKind *kind,
              gboolean                 is_new)
{
  TuttiLang lang = get_dialog_lang (self);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *name = kind->name != NULL ? kind->name : kind->id;

  gtk_widget_set_name (row, kind->id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (!tutti_is_blank (kind->description))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind->description);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  if (kind->required || is_new)
    {
      GtkWidget *tag = gtk_label_new (is_new ? _("New")
                                             : tutti_text_get (&tutti_schema_lookup (&tutti_document_kind_schema,
                                                                                     "required")->label, lang));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "tutti-state");
      gtk_widget_add_css_class (tag, is_new ? "done" : "todo");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  adw_preferences_group_add (self->kinds_group, row);
  g_ptr_array_add (self->kinds, tutti_document_kind_copy (kind));
  g_ptr_array_add (self->kind_checks, check);
  return check;
}

/* The documents of the latest campaign of the kind, ticked. */
static void
tick_latest_kinds (TuttiCampaignDialog *self)
{
  const TuttiCampaign *latest = latest_of_kind (self);

  for (guint i = 0; i < self->kinds->len; i++)
    {
      const TuttiDocumentKind *kind = g_ptr_array_index (self->kinds, i);
      gboolean asked = FALSE;

      for (guint j = 0; latest != NULL && j < latest->required_documents->len; j++)
        if (g_strcmp0 (((TuttiDocumentKind *) g_ptr_array_index (latest->required_documents, j))->id,
                       kind->id) == 0)
          asked = TRUE;
      gtk_check_button_set_active (g_ptr_array_index (self->kind_checks, i), asked);
    }
}

static void
kind_chosen_cb (TuttiDocumentKind *kind,
                gpointer           user_data)
{
  TuttiCampaignDialog *self = TUTTI_CAMPAIGN_DIALOG (user_data);
  g_autoptr(TuttiDocumentKind) owned = kind;
  gboolean known = FALSE;

  for (guint i = 0; i < self->kinds->len; i++)
    if (g_strcmp0 (((TuttiDocumentKind *) g_ptr_array_index (self->kinds, i))->id, kind->id) == 0)
      {
        gtk_check_button_set_active (g_ptr_array_index (self->kind_checks, i), TRUE);
        known = TRUE;
      }
  if (!known)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (add_kind_row (self, kind, TRUE)), TRUE);
}

static void
add_kind_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TuttiCampaignDialog *self = TUTTI_CAMPAIGN_DIALOG (widget);

  /* Every document is listed already: only a new one can be added. */
  tutti_campaign_form_ask_document_kind (GTK_WINDOW (self), NULL, self->kinds, NULL, NULL, NULL,
                                         G_OBJECT (self), kind_chosen_cb);
}

/* ---- The kind ----------------------------------------------------------------------- */

static void
kind_changed_cb (TuttiCampaignDialog *self)
{
  TuttiLang lang = get_dialog_lang (self);
  const TuttiCampaign *latest = latest_of_kind (self);
  gboolean has_offer = latest != NULL && latest->offer->len > 0;

  tick_latest_kinds (self);

  gtk_widget_set_visible (self->copy_row, has_offer);
  gtk_switch_set_active (GTK_SWITCH (self->copy_switch), has_offer);
  if (has_offer)
    {
      g_autofree char *title = tutti_campaign_form_title (latest, lang);
      g_autofree char *row_title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: %s is a campaign, such as “Re-enrolment 2026/2027” */
      row_title = g_strdup_printf (_("Start from the offer of %s"), title);
      /* Translators: how many places an offer has, to change afterwards */
      subtitle = g_strdup_printf (ngettext ("%u place, each to change or remove afterwards",
                                            "%u places, each to change or remove afterwards",
                                            latest->offer->len),
                                  latest->offer->len);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->copy_row), row_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->copy_row), subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_switch),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, row_title,
                                      -1);
    }
}

/* ---- Creating ------------------------------------------------------------------------- */

static void
show_errors (TuttiCampaignDialog *self,
             const GError        *error)
{
  GHashTable *fields = tutti_api_error_get_fields (error);
  g_autoptr(GString) others = g_string_new (NULL);
  GtkWidget *first_wrong = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (fields == NULL)
    {
      set_message (self, error->message);
      return;
    }

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *row = NULL;

      if (g_str_equal (key, "school_year"))
        row = self->school_year_row;
      else if (g_str_equal (key, "opens_at"))
        row = self->opens_date_row;
      else if (g_str_equal (key, "deadline"))
        row = self->deadline_date_row;
      else if (g_str_equal (key, "open"))
        row = self->open_row;
      else if (g_str_equal (key, "kind"))
        row = self->kind_row;

      if (row != NULL)
        {
          tutti_campaign_form_set_error (row, value);
          if (first_wrong == NULL)
            first_wrong = row;
        }
      else
        {
          if (others->len > 0)
            g_string_append_c (others, '\n');
          g_string_append (others, value);
        }
    }
  set_message (self, others->len > 0 ? others->str : NULL);
  if (first_wrong != NULL)
    gtk_widget_grab_focus (first_wrong);
}

static void
create_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TuttiCampaignDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;

  campaign = tutti_client_create_campaign_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;

  set_busy (self, FALSE);
  if (campaign == NULL)
    {
      g_debug ("Creating a campaign: %s", error->message);
      /* The session ended: the window goes back to the login page. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      show_errors (self, error);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, campaign);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TuttiCampaignDialog *self = TUTTI_CAMPAIGN_DIALOG (widget);
  TuttiLang lang = get_dialog_lang (self);
  g_autoptr(TuttiCampaign) campaign = tutti_campaign_new ();
  g_autofree char *school_year = NULL;
  g_autofree char *message = NULL;
  GtkWidget *first_wrong = NULL;
  const TuttiCampaign *latest;

  if (self->busy)
    return;
  set_message (self, NULL);
  tutti_campaign_form_set_error (self->open_row, NULL);
  tutti_campaign_form_set_error (self->kind_row, NULL);

  school_year = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->school_year_row))));
  message = tutti_field_check_text (tutti_schema_lookup (&tutti_campaign_schema, "school_year"), school_year, lang);
  tutti_campaign_form_set_error (self->school_year_row, message);
  if (message != NULL)
    first_wrong = self->school_year_row;

  campaign->opens_at = tutti_campaign_form_read_datetime (self->opens_date_row, self->opens_time_row, lang);
  if (campaign->opens_at == NULL && first_wrong == NULL)
    first_wrong = tutti_campaign_form_get_error (self->opens_date_row) != NULL ? self->opens_date_row
                                                                             : self->opens_time_row;
  campaign->deadline = tutti_campaign_form_read_datetime (self->deadline_date_row, self->deadline_time_row, lang);
  if (campaign->deadline == NULL && first_wrong == NULL)
    first_wrong = tutti_campaign_form_get_error (self->deadline_date_row) != NULL ? self->deadline_date_row
                                                                                : self->deadline_time_row;
  if (campaign->opens_at != NULL && campaign->deadline != NULL)
    {
      g_autoptr(GDateTime) opens = tutti_parse_datetime (campaign->opens_at);
      g_autoptr(GDateTime) deadline = tutti_parse_datetime (campaign->deadline);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      if (g_date_time_compare (deadline, opens) <= 0)
        tutti_campaign_form_set_error (self->deadline_date_row, _("The deadline must come after the opening."));
      else if (g_date_time_compare (deadline, now) <= 0)
        tutti_campaign_form_set_error (self->deadline_date_row, _("The deadline is already past."));
      if (tutti_campaign_form_get_error (self->deadline_date_row) != NULL && first_wrong == NULL)
        first_wrong = self->deadline_date_row;
    }
  if (first_wrong != NULL)
    {
      gtk_widget_grab_focus (first_wrong);
      return;
    }

  campaign->kind = selected_kind (self);
  campaign->school_year = g_steal_pointer (&school_year);
  campaign->open = gtk_switch_get_active (GTK_SWITCH (self->open_switch));
  for (guint i = 0; i < self->kinds->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->kind_checks, i)))
      g_ptr_array_add (campaign->required_documents,
                       tutti_document_kind_copy (g_ptr_array_index (self->kinds, i)));
  latest = latest_of_kind (self);
  if (latest != NULL && gtk_widget_get_visible (self->copy_row) &&
      gtk_switch_get_active (GTK_SWITCH (self->copy_switch)))
    for (guint i = 0; i < latest->offer->len; i++)
      {
        TuttiOfferItem *item = tutti_offer_item_copy (g_ptr_array_index (latest->offer, i));

        /* A place of the new campaign. */
        item->id = 0;
        g_ptr_array_add (campaign->offer, item);
      }

  set_busy (self, TRUE);
  tutti_client_create_campaign_async (self->client, campaign, self->cancellable, create_cb, g_object_ref (self));
}

static void
entry_activated_cb (TuttiCampaignDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "campaign.create", NULL);
}

static void
field_changed_cb (GtkWidget *row)
{
  /* A message goes once the field is typed again. */
  tutti_campaign_form_set_error (row, NULL);
}

/* ---- Building --------------------------------------------------------------------------- */

static GtkWidget *
add_switch_row (AdwPreferencesGroup *group,
                const char          *name,
                const char          *title,
                const char          *subtitle,
                GtkWidget          **switch_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  adw_preferences_group_add (group, row);
  tutti_campaign_form_add_error_row (group, row);
  *switch_out = widget;
  return row;
}

static void
build (TuttiCampaignDialog *self)
{
  TuttiLang lang = tutti_lang_from_environment ();
  const TuttiField *school_year_field = tutti_schema_lookup (&tutti_campaign_schema, "school_year");
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *entries[5];

  /* The campaign: kind by core's labels, school year, open. */
  for (guint i = 0; i < tutti_campaign_kind_enum.n_values; i++)
    gtk_string_list_append (kinds, tutti_enum_to_label (&tutti_campaign_kind_enum, (int) i, lang));
  self->kind_row = adw_combo_row_new ();
  gtk_widget_set_name (self->kind_row, "kind");
  /* Core calls it "Campaign", the group's title already. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kinds));
  adw_preferences_group_add (self->campaign_group, self->kind_row);
  tutti_campaign_form_add_error_row (self->campaign_group, self->kind_row);

  self->school_year_row = tutti_campaign_form_add_entry (self->campaign_group, "school_year",
                                                         tutti_text_get (&school_year_field->label, lang), TRUE);
  self->open_row = add_switch_row (self->campaign_group, "open", _("Open on its dates"),
                                   _("Families can send between the opening and the deadline. Off: the "
                                     "campaign is prepared, and opened later."),
                                   &self->open_switch);
  gtk_switch_set_active (GTK_SWITCH (self->open_switch), TRUE);

  self->opens_date_row = tutti_campaign_form_add_entry (self->dates_group, "opens_date", _("Opening date"), TRUE);
  self->opens_time_row = tutti_campaign_form_add_entry (self->dates_group, "opens_time",
                                                        _("Opening time (24 h)"), TRUE);
  self->deadline_date_row = tutti_campaign_form_add_entry (self->dates_group, "deadline_date",
                                                           _("Deadline date"), TRUE);
  self->deadline_time_row = tutti_campaign_form_add_entry (self->dates_group, "deadline_time",
                                                           _("Deadline time (24 h)"), TRUE);

  entries[0] = self->school_year_row;
  entries[1] = self->opens_date_row;
  entries[2] = self->opens_time_row;
  entries[3] = self->deadline_date_row;
  entries[4] = self->deadline_time_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect_swapped (entries[i], "entry-activated", G_CALLBACK (entry_activated_cb), self);
      g_signal_connect (entries[i], "changed", G_CALLBACK (field_changed_cb), NULL);
    }

  self->copy_row = add_switch_row (self->offer_group, "copy_offer", "", NULL, &self->copy_switch);
}

/* Next year's school year; from today at 00:00 for six weeks, until 23:59. */
static void
fill_defaults (TuttiCampaignDialog *self)
{
  TuttiLang lang = get_dialog_lang (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) opens = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) last_day = g_date_time_add_days (opens, DEFAULT_DURATION_DAYS);
  g_autoptr(GDateTime) deadline = g_date_time_new_local (g_date_time_get_year (last_day),
                                                         g_date_time_get_month (last_day),
                                                         g_date_time_get_day_of_month (last_day), 23, 59, 0);
  g_autofree char *school_year = tutti_campaign_form_next_school_year ();
  g_autofree char *opens_text = g_date_time_format (opens, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *deadline_text = g_date_time_format (deadline, "%Y-%m-%dT%H:%M:%S%:z");

  gtk_editable_set_text (GTK_EDITABLE (self->school_year_row), school_year);
  tutti_campaign_form_show_datetime (self->opens_date_row, self->opens_time_row, opens_text, lang);
  tutti_campaign_form_show_datetime (self->deadline_date_row, self->deadline_time_row, deadline_text, lang);
}

TuttiCampaignDialog *
tutti_campaign_dialog_new (GtkWindow   *parent,
                           TuttiClient *client,
                           GPtrArray   *campaigns)
{
  TuttiCampaignDialog *self;
  g_autoptr(GPtrArray) known = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TUTTI_IS_CLIENT (client), NULL);

  self = g_object_new (TUTTI_TYPE_CAMPAIGN_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->client = g_object_ref (client);
  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    g_ptr_array_add (self->campaigns, tutti_campaign_copy (g_ptr_array_index (campaigns, i)));

  /* Every document a campaign asked for, to tick. */
  known = tutti_campaign_form_known_kinds (self->campaigns);
  for (guint i = 0; i < known->len; i++)
    add_kind_row (self, g_ptr_array_index (known, i), FALSE);

  fill_defaults (self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  kind_changed_cb (self);
  gtk_widget_grab_focus (self->school_year_row);

  return self;
}

/* ---- GObject -------------------------------------------------------------------------------- */

static void
tutti_campaign_dialog_dispose (GObject *object)
{
  TuttiCampaignDialog *self = TUTTI_CAMPAIGN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_CAMPAIGN_DIALOG);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (tutti_campaign_dialog_parent_class)->dispose (object);
}

static void
tutti_campaign_dialog_finalize (GObject *object)
{
  TuttiCampaignDialog *self = TUTTI_CAMPAIGN_DIALOG (object);

  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->kind_checks, g_ptr_array_unref);
  g_clear_weak_pointer (&self->parked_focus);

  G_OBJECT_CLASS (tutti_campaign_dialog_parent_class)->finalize (object);
}

static void
tutti_campaign_dialog_class_init (TuttiCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_campaign_dialog_dispose;
  object_class->finalize = tutti_campaign_dialog_finalize;

  /**
   * TuttiCampaignDialog::created:
   * @campaign: (type TuttiCampaign): the campaign as the server made it
   */
  signals[CREATED] = g_signal_new ("created",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1,
                                   tutti_campaign_get_type () | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_install_action (widget_class, "campaign.create", NULL, create_activated);
  gtk_widget_class_install_action (widget_class, "campaign.add-kind", NULL, add_kind_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiCampaignDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiCampaignDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiCampaignDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiCampaignDialog, scroll);
  gtk_widget_class_bind_template_child (widget_class, TuttiCampaignDialog, message_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiCampaignDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiCampaignDialog, campaign_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiCampaignDialog, dates_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiCampaignDialog, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiCampaignDialog, add_kind_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiCampaignDialog, offer_group);
}

static void
tutti_campaign_dialog_init (TuttiCampaignDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->campaigns = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_campaign_free);
  self->kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_document_kind_free);
  self->kind_checks = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  build (self);
}

/* ---- For the UI test ---------------------------------------------------------------------------- */

GtkWidget *
tutti_campaign_dialog_get_row (TuttiCampaignDialog *self,
                               const char          *key)
{
  if (g_strcmp0 (key, "kind") == 0)
    return self->kind_row;
  if (g_strcmp0 (key, "school_year") == 0)
    return self->school_year_row;
  if (g_strcmp0 (key, "open") == 0)
    return self->open_row;
  if (g_strcmp0 (key, "opens_date") == 0)
    return self->opens_date_row;
  if (g_strcmp0 (key, "opens_time") == 0)
    return self->opens_time_row;
  if (g_strcmp0 (key, "deadline_date") == 0)
    return self->deadline_date_row;
  if (g_strcmp0 (key, "deadline_time") == 0)
    return self->deadline_time_row;
  if (g_strcmp0 (key, "copy_offer") == 0)
    return self->copy_row;
  return NULL;
}

GtkSwitch *
tutti_campaign_dialog_get_open_switch (TuttiCampaignDialog *self)
{
  return GTK_SWITCH (self->open_switch);
}

GtkSwitch *
tutti_campaign_dialog_get_copy_switch (TuttiCampaignDialog *self)
{
  return GTK_SWITCH (self->copy_switch);
}

GtkCheckButton *
tutti_campaign_dialog_get_kind_check (TuttiCampaignDialog *self,
                                      const char          *id)
{
  for (guint i = 0; i < self->kinds->len; i++)
    if (g_strcmp0 (((TuttiDocumentKind *) g_ptr_array_index (self->kinds, i))->id, id) == 0)
      return g_ptr_array_index (self->kind_checks, i);
  return NULL;
}

GtkButton *
tutti_campaign_dialog_get_create_button (TuttiCampaignDialog *self)
{
  return self->create_button;
}

gboolean
tutti_campaign_dialog_get_busy (TuttiCampaignDialog *self)
{
  return self->busy;
}

const char *
tutti_campaign_dialog_get_message (TuttiCampaignDialog *self)
{
  return gtk_widget_get_visible (self->message_box) ? gtk_label_get_label (self->message_label) : NULL;
}
