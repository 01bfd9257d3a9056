/* tutti-campaign-form.c — what the campaign's page and the new-campaign
 * dialog share (STAFF-3, REE-1)
 *
 * Entry rows built as the record form builds its own (a visible "*" for
 * a required field, announced as required, the message under the row),
 * a date-time typed in two rows and read back with core's parsers, and
 * the small dialog that asks which document families must provide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tutti-campaign-form.h"
#include "tutti-question.h"

/* Ids of new document kinds: the server takes at most this many characters. */
#define MAX_KIND_ID_LENGTH 64

/* ---- Rows and their messages -------------------------------------------------- */

void
tutti_campaign_form_add_error_row (AdwPreferencesGroup *group,
                                   GtkWidget           *row)
{
  GtkWidget *error_row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                       "activatable", FALSE,
                                       "focusable", FALSE,
                                       "visible", FALSE,
                                       NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "dialog-error-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "valign", GTK_ALIGN_START,
                                  NULL);
  GtkWidget *label = gtk_label_new (NULL);

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));
  g_return_if_fail (GTK_IS_WIDGET (row));

  gtk_widget_add_css_class (box, "tutti-field-error");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), box);

  g_object_set_data (G_OBJECT (row), "tutti-error-row", error_row);
  g_object_set_data (G_OBJECT (row), "tutti-error-label", label);
  adw_preferences_group_add (group, error_row);
}

GtkWidget *
tutti_campaign_form_add_entry (AdwPreferencesGroup *group,
                               const char          *name,
                               const char          *label,
                               gboolean             required)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *title = required ? g_strdup_printf ("%s *", label) : g_strdup (label);

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Without the "*", and required when it is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, required,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, required,
                                  -1);
  adw_preferences_group_add (group, row);
  tutti_campaign_form_add_error_row (group, row);
  return row;
}

void
tutti_campaign_form_set_error (GtkWidget  *row,
                               const char *message)
{
  GtkWidget *error_row;
  GtkLabel *label;
  GtkAccessible *targets[2] = { NULL, NULL };

  g_return_if_fail (GTK_IS_WIDGET (row));

  error_row = g_object_get_data (G_OBJECT (row), "tutti-error-row");
  label = g_object_get_data (G_OBJECT (row), "tutti-error-label");
  g_object_set_data_full (G_OBJECT (row), "tutti-error", g_strdup (message), g_free);

  if (label != NULL)
    gtk_label_set_label (label, message != NULL ? message : "");
  if (error_row != NULL)
    gtk_widget_set_visible (error_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  targets[0] = GTK_ACCESSIBLE (row);
  if (ADW_IS_ENTRY_ROW (row))
    targets[1] = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row)));
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      if (targets[i] == NULL)
        continue;
      if (message != NULL)
        gtk_accessible_update_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      else
        gtk_accessible_reset_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

const char *
tutti_campaign_form_get_error (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  return g_object_get_data (G_OBJECT (row), "tutti-error");
}

/* ---- Date-times --------------------------------------------------------------- */

void
tutti_campaign_form_show_datetime (GtkWidget  *date_row,
                                   GtkWidget  *time_row,
                                   const char *iso_datetime,
                                   TuttiLang   lang)
{
  g_autoptr(GDateTime) datetime = tutti_parse_datetime (iso_datetime);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (datetime != NULL)
    {
      date = tutti_format_date (iso_datetime, lang);
      /* Typed back as core reads it: 24 hours, in both languages. */
      time = g_date_time_format (datetime, "%H:%M");
    }
  gtk_editable_set_text (GTK_EDITABLE (date_row), date != NULL ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (time_row), time != NULL ? time : "");
  tutti_campaign_form_set_error (date_row, NULL);
  tutti_campaign_form_set_error (time_row, NULL);
}

static const char *
required_message (TuttiLang lang,
                  char     **out)
{
  /* Core's words for an empty required field. */
  *out = tutti_field_check_text (tutti_schema_lookup (&tutti_campaign_schema, "deadline"), "", lang);
  return *out;
}

char *
tutti_campaign_form_read_datetime (GtkWidget *date_row,
                                   GtkWidget *time_row,
                                   TuttiLang  lang)
{
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (date_row));
  g_autofree char *time_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (time_row))));
  g_autofree char *iso_date = tutti_date_from_display (date_text, lang);
  g_autofree char *required = NULL;
  g_autoptr(GDateTime) datetime = NULL;
  gboolean date_ok = iso_date != NULL;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  gboolean time_ok;

  /* "9:30" is read as "09:30". */
  if (strlen (time_text) == 4 && time_text[1] == ':')
    {
      char *padded = g_strconcat ("0", time_text, NULL);

      g_free (time_text);
      time_text = padded;
    }
  time_ok = tutti_parse_time (time_text, &hour, &minute);

  if (tutti_is_blank (date_text))
    tutti_campaign_form_set_error (date_row, required_message (lang, &required));
  else if (!date_ok)
    tutti_campaign_form_set_error (date_row, _("Write the date as 31/10/2026."));
  else
    tutti_campaign_form_set_error (date_row, NULL);

  if (*time_text == '\0')
    {
      g_autofree char *message = NULL;

      tutti_campaign_form_set_error (time_row, required_message (lang, &message));
    }
  else if (!time_ok)
    tutti_campaign_form_set_error (time_row, _("Write the time in 24-hour format, as 23:59."));
  else
    tutti_campaign_form_set_error (time_row, NULL);

  if (!date_ok || !time_ok || !tutti_parse_date (iso_date, &year, &month, &day))
    return NULL;

  datetime = g_date_time_new_local (year, month, day, hour, minute, 0);
  if (datetime == NULL)
    {
      tutti_campaign_form_set_error (time_row, _("This time does not exist on that day."));
      return NULL;
    }
  return g_date_time_format (datetime, "%Y-%m-%dT%H:%M:%S%:z");
}

/* ---- Campaigns ------------------------------------------------------------------ */

char *
tutti_campaign_form_next_school_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  /* The current school year starts in September of this year or the last. */
  int current = g_date_time_get_month (now) >= 9 ? year : year - 1;

  return g_strdup_printf ("%d/%d", current + 1, current + 2);
}

char *
tutti_campaign_form_title (const TuttiCampaign *campaign,
                           TuttiLang            lang)
{
  const char *kind = tutti_enum_to_label (&tutti_campaign_kind_enum, campaign->kind, lang);

  if (tutti_is_blank (campaign->school_year))
    return g_strdup (kind);
  return g_strdup_printf ("%s %s", kind, campaign->school_year);
}

char *
tutti_campaign_form_heading (const TuttiCampaign *campaign)
{
  gboolean reenrolment = campaign->kind == TUTTI_CAMPAIGN_REENROLMENT;

  if (tutti_is_blank (campaign->school_year))
    return g_strdup (reenrolment ? _("Re-enrolment") : _("Pre-enrolment"));
  /* Translators: %s is a school year, such as 2027/2028 */
  return g_strdup_printf (reenrolment ? _("Re-enrolment for %s") : _("Pre-enrolment for %s"),
                          campaign->school_year);
}

char *
tutti_campaign_form_format_slot (const TuttiOfferItem *item,
                                 TuttiLang             lang)
{
  const char *day = item->day != TUTTI_WEEKDAY_NONE ? tutti_enum_to_label (&tutti_weekday_enum, item->day, lang)
                                                    : NULL;
  g_autofree char *time = item->time != NULL ? tutti_format_time (item->time, lang) : NULL;

  if (tutti_is_blank (day))
    return NULL;
  if (tutti_is_blank (time))
    return g_strdup (day);
  return g_strdup_printf ("%s %s", day, time);
}

char *
tutti_campaign_form_format_place (const TuttiOfferItem *item,
                                  TuttiLang             lang)
{
  g_autofree char *label = tutti_offer_item_label (item, lang);
  g_autofree char *slot = tutti_campaign_form_format_slot (item, lang);

  if (slot == NULL)
    return g_steal_pointer (&label);
  return g_strdup_printf ("%s — %s", label, slot);
}

gboolean
tutti_campaign_form_is_open_now (const TuttiCampaign *campaign)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) opens = tutti_parse_datetime (campaign->opens_at);
  g_autoptr(GDateTime) deadline = tutti_parse_datetime (campaign->deadline);

  return campaign->open &&
         (opens == NULL || g_date_time_compare (opens, now) <= 0) &&
         (deadline == NULL || g_date_time_compare (now, deadline) < 0);
}

const TuttiCampaign *
tutti_campaign_form_find_current (GPtrArray         *campaigns,
                                  TuttiCampaignKind  kind)
{
  const TuttiCampaign *found = NULL;

  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      const TuttiCampaign *campaign = g_ptr_array_index (campaigns, i);

      if (campaign->kind != kind)
        continue;
      if (found == NULL || (tutti_campaign_form_is_open_now (campaign) && !tutti_campaign_form_is_open_now (found)))
        found = campaign;
    }
  return found;
}

const TuttiDownload *
tutti_campaign_form_find_download (const TuttiCampaign *campaign,
                                   gint64               download_id)
{
  for (guint i = 0; campaign != NULL && campaign->downloads != NULL && i < campaign->downloads->len; i++)
    {
      const TuttiDownload *download = g_ptr_array_index (campaign->downloads, i);

      if (download->id == download_id)
        return download;
    }
  return NULL;
}

const char *
tutti_campaign_form_state_label (const TuttiCampaign  *campaign,
                                 const char          **style)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) opens = tutti_parse_datetime (campaign->opens_at);
  g_autoptr(GDateTime) deadline = tutti_parse_datetime (campaign->deadline);
  const char *unused;

  if (style == NULL)
    style = &unused;

  if (!campaign->open)
    {
      *style = "refused";
      return _("Closed");
    }
  if (opens != NULL && g_date_time_compare (now, opens) < 0)
    {
      *style = "todo";
      return _("Scheduled");
    }
  if (deadline != NULL && g_date_time_compare (now, deadline) >= 0)
    {
      *style = "pending";
      return _("Deadline Passed");
    }
  *style = "done";
  return _("Open");
}

GPtrArray *
tutti_campaign_form_known_kinds (GPtrArray *campaigns)
{
  GPtrArray *kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_document_kind_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      const TuttiCampaign *campaign = g_ptr_array_index (campaigns, i);

      for (guint j = 0; j < campaign->required_documents->len; j++)
        {
          TuttiDocumentKind *kind = g_ptr_array_index (campaign->required_documents, j);

          if (kind->id == NULL || g_hash_table_contains (seen, kind->id))
            continue;
          kind = tutti_document_kind_copy (kind);
          g_hash_table_add (seen, kind->id);
          g_ptr_array_add (kinds, kind);
        }
    }
  return kinds;
}

/* ---- A document to provide ------------------------------------------------------ */

/* "Certificat de scolarité" → "certificat-de-scolarite": lower-case
 * letters, digits and hyphens, as the server wants, and none of @taken. */
static char *
kind_id_from_name (const char *name,
                   GHashTable *taken)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = ascii; *p != '\0' && id->len < MAX_KIND_ID_LENGTH - 4; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  /* "other" names the documents no campaign asks for. */
  if (id->len == 0 || g_str_equal (id->str, TUTTI_API_DOCUMENT_KIND_OTHER))
    g_string_prepend (id, "document-");
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);

  base = g_strdup (id->str);
  for (guint n = 2; g_hash_table_contains (taken, id->str); n++)
    {
      g_string_assign (id, base);
      g_string_append_printf (id, "-%u", n);
    }
  return g_string_free (g_steal_pointer (&id), FALSE);
}

typedef struct
{
  GPtrArray               *choices;   /* TuttiDocumentKind, the known kinds offered */
  GHashTable              *taken;     /* ids known or asked for already */
  GObject                 *owner;
  TuttiDocumentKindChosen  callback;
  GtkWidget               *kind_row;
  GtkWidget               *name_row;
  GtkWidget               *description_row;
  GtkWidget               *required_row;
  GtkWidget               *required_switch;
} AskData;

static void
ask_data_free (gpointer data)
{
  AskData *ask = data;

  g_clear_pointer (&ask->choices, g_ptr_array_unref);
  g_clear_pointer (&ask->taken, g_hash_table_unref);
  g_clear_object (&ask->owner);
  g_free (ask);
}

/* Whether the new document is picked in the combo (or there is no combo). */
static gboolean
ask_is_new (AskData *ask)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (ask->kind_row)) >= ask->choices->len;
}

static void
ask_update (AdwMessageDialog *dialog)
{
  AskData *ask = g_object_get_data (G_OBJECT (dialog), "tutti-ask");
  gboolean is_new = ask_is_new (ask);
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (ask->kind_row));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (ask->name_row));

  gtk_widget_set_visible (ask->name_row, is_new);
  gtk_widget_set_visible (ask->description_row, is_new);
  gtk_widget_set_visible (ask->required_row, is_new);
  if (!is_new)
    {
      const TuttiDocumentKind *kind = g_ptr_array_index (ask->choices, selected);

      /* A known kind is asked for as it is. */
      adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (ask->kind_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (ask->kind_row),
                                   !tutti_is_blank (kind->description) ? kind->description : "");
      tutti_campaign_form_set_error (ask->name_row, NULL);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (ask->kind_row), "");
  adw_message_dialog_set_response_enabled (dialog, "add", !is_new || !tutti_is_blank (name));
}

static void
ask_name_changed_cb (AdwMessageDialog *dialog)
{
  tutti_campaign_form_set_error (((AskData *) g_object_get_data (G_OBJECT (dialog), "tutti-ask"))->name_row,
                                 NULL);
  ask_update (dialog);
}

static void
ask_entry_activated_cb (AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "add"))
    adw_message_dialog_response (dialog, "add");
}

static void
ask_response_cb (AdwMessageDialog *dialog,
                 const char       *response)
{
  AskData *ask = g_object_get_data (G_OBJECT (dialog), "tutti-ask");
  TuttiDocumentKind *kind;

  if (g_strcmp0 (response, "add") != 0)
    return;

  if (!ask_is_new (ask))
    kind = tutti_document_kind_copy (g_ptr_array_index (ask->choices,
                                                        adw_combo_row_get_selected (ADW_COMBO_ROW (ask->kind_row))));
  else
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->name_row))));
      g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->description_row))));

      if (*name == '\0')
        return;
      kind = tutti_document_kind_new ();
      kind->id = kind_id_from_name (name, ask->taken);
      kind->name = g_steal_pointer (&name);
      kind->description = *description != '\0' ? g_steal_pointer (&description) : NULL;
      kind->required = gtk_switch_get_active (GTK_SWITCH (ask->required_switch));
    }
  ask->callback (kind, ask->owner);
}

static const char *
kind_label (const char *key,
            TuttiLang   lang)
{
  return tutti_text_get (&tutti_schema_lookup (&tutti_document_kind_schema, key)->label, lang);
}

AdwMessageDialog *
tutti_campaign_form_ask_document_kind (GtkWindow               *parent,
                                       GPtrArray               *known,
                                       GPtrArray               *current,
                                       const TuttiDocumentKind *prefill,
                                       const char              *message_key,
                                       const char              *message,
                                       GObject                 *owner,
                                       TuttiDocumentKindChosen  callback)
{
  TuttiLang lang = tutti_lang_from_environment ();
  AdwMessageDialog *dialog;
  AskData *ask = g_new0 (AskData, 1);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *group = adw_preferences_group_new ();

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (callback != NULL, NULL);

  ask->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_document_kind_free);
  ask->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ask->owner = g_object_ref (owner);
  ask->callback = callback;
  for (guint i = 0; current != NULL && i < current->len; i++)
    {
      const TuttiDocumentKind *kind = g_ptr_array_index (current, i);

      if (kind->id != NULL)
        g_hash_table_add (ask->taken, g_strdup (kind->id));
    }
  for (guint i = 0; known != NULL && i < known->len; i++)
    {
      const TuttiDocumentKind *kind = g_ptr_array_index (known, i);

      if (kind->id == NULL || g_hash_table_contains (ask->taken, kind->id))
        continue;
      g_ptr_array_add (ask->choices, tutti_document_kind_copy (kind));
      gtk_string_list_append (names, kind->name != NULL ? kind->name : kind->id);
    }
  for (guint i = 0; known != NULL && i < known->len; i++)
    {
      const TuttiDocumentKind *kind = g_ptr_array_index (known, i);

      if (kind->id != NULL)
        g_hash_table_add (ask->taken, g_strdup (kind->id));
    }
  gtk_string_list_append (names, _("New document…"));

  dialog = tutti_question_new (GTK_WIDGET (parent), _("Add a Document to Provide"),
                               _("Families will be asked for it in this campaign."),
                               "add", _("_Add"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "tutti-ask", ask, ask_data_free);

  ask->kind_row = adw_combo_row_new ();
  gtk_widget_set_name (ask->kind_row, "kind");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ask->kind_row), kind_label ("name", lang));
  adw_combo_row_set_model (ADW_COMBO_ROW (ask->kind_row), G_LIST_MODEL (names));
  /* Only the new document to offer: no choice to make. */
  gtk_widget_set_visible (ask->kind_row, ask->choices->len > 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), ask->kind_row);

  ask->name_row = tutti_campaign_form_add_entry (ADW_PREFERENCES_GROUP (group), "name",
                                                 ask->choices->len > 0 ? _("Name of the new document")
                                                                       : kind_label ("name", lang),
                                                 TRUE);
  ask->description_row = tutti_campaign_form_add_entry (ADW_PREFERENCES_GROUP (group), "description",
                                                        kind_label ("description", lang), FALSE);
  ask->required_row = adw_action_row_new ();
  gtk_widget_set_name (ask->required_row, "required");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ask->required_row), kind_label ("required", lang));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (ask->required_row),
                               _("Families must provide it; otherwise it is welcome but optional."));
  ask->required_switch = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (ask->required_switch), TRUE);
  gtk_widget_set_valign (ask->required_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ask->required_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, kind_label ("required", lang),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (ask->required_row), ask->required_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (ask->required_row), ask->required_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), ask->required_row);
  adw_message_dialog_set_extra_child (dialog, group);

  if (prefill != NULL)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (ask->kind_row), ask->choices->len);
      gtk_editable_set_text (GTK_EDITABLE (ask->name_row), prefill->name != NULL ? prefill->name : "");
      gtk_editable_set_text (GTK_EDITABLE (ask->description_row),
                             prefill->description != NULL ? prefill->description : "");
      gtk_switch_set_active (GTK_SWITCH (ask->required_switch), prefill->required);
    }
  else
    adw_combo_row_set_selected (ADW_COMBO_ROW (ask->kind_row), 0);

  g_signal_connect_object (ask->kind_row, "notify::selected", G_CALLBACK (ask_update), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (ask->name_row, "changed", G_CALLBACK (ask_name_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (ask->name_row, "entry-activated", G_CALLBACK (ask_entry_activated_cb), dialog,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ask->description_row, "entry-activated", G_CALLBACK (ask_entry_activated_cb), dialog,
                           G_CONNECT_SWAPPED);
  g_signal_connect (dialog, "response", G_CALLBACK (ask_response_cb), NULL);
  ask_update (dialog);

  if (message != NULL)
    tutti_campaign_form_set_error (g_strcmp0 (message_key, "description") == 0 ? ask->description_row
                                                                                : ask->name_row,
                                   message);

  gtk_window_present (GTK_WINDOW (dialog));
  if (ask_is_new (ask))
    gtk_widget_grab_focus (ask->name_row);
  return dialog;
}

GtkWidget *
tutti_campaign_form_get_kind_dialog_row (AdwMessageDialog *dialog,
                                         const char       *key)
{
  AskData *ask = g_object_get_data (G_OBJECT (dialog), "tutti-ask");

  if (ask == NULL)
    return NULL;
  if (g_strcmp0 (key, "kind") == 0)
    return ask->kind_row;
  if (g_strcmp0 (key, "name") == 0)
    return ask->name_row;
  if (g_strcmp0 (key, "description") == 0)
    return ask->description_row;
  if (g_strcmp0 (key, "required") == 0)
    return ask->required_switch;
  return NULL;
}
