/* tutti-preenrolment-dialog.c — PRE-1..4: a family's request to enrol new pupils
 *
 * The pages of the guide, one after the other in a GtkStack:
 *  - the list (PRE-2): each pupil added, with their choices, which can be
 *    edited or removed (with Undo);
 *  - a pupil (PRE-1): identity, then the disciplines from the school's
 *    offer (GET /offer). Only the disciplines the child's age allows on
 *    the offer's age date are listed (core's tutti_offer_item_accepts_age(),
 *    the server's own rule); within a discipline, each site and cursus shows
 *    its slot, its age condition and the places left, full classes greyed;
 *  - the confirmation (PRE-3): guardian 1's e-mail again, the server's
 *    anti-spam question, the school's data-protection notice, I accept;
 *  - the final message (PRE-4).
 * The request is sent with one Idempotency-Key for the life of the dialog,
 * so that trying again after a lost answer never saves it twice. A refused
 * request (422) puts each message beside what it is about and keeps
 * everything typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tutti-campaign-form.h"
#include "tutti-preenrolment-dialog.h"
#include "tutti-question.h"
#include "tutti-record-details.h"
#include "tutti-window-private.h"

#define SPINNER_DELAY_MS 150

/* The pupil's fields in the order of the form, from core's TuttiNewPupil. */
enum {
  FIELD_CIVILITY,
  FIELD_SURNAME,
  FIELD_FIRST_NAME,
  FIELD_BIRTH_DATE,
  FIELD_BIRTH_PLACE,
  FIELD_SCHOOL_LEVEL,
  N_FIELDS
};

static const char * const field_keys[N_FIELDS] = {
  "civility", "surname", "first_name", "birth_date", "birth_place", "school_level",
};

typedef struct
{
  const TuttiField *field;
  GtkWidget        *row;          /* AdwComboRow (civility) or AdwEntryRow */
  GtkWidget        *error_row;
  GtkLabel         *error_label;
  char             *error;
} PupilField;

/* A message row under a field, as the password view and the forms do. */
typedef struct
{
  GtkWidget *row;
  GtkLabel  *label;
  char      *message;
} ErrorRow;

struct _TuttiPreenrolmentDialog
{
  AdwWindow            parent_instance;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkSpinner          *loading_spinner;
  AdwStatusPage       *error_page;
  GtkButton           *error_retry_button;
  AdwWindowTitle      *list_title;
  GtkButton           *next_button;
  GtkWidget           *list_message_box;
  GtkLabel            *list_message_label;
  GtkWidget           *empty_group;
  GtkBox              *pupils_box;
  GtkButton           *add_pupil_button;
  AdwWindowTitle      *pupil_title;
  GtkButton           *pupil_back_button;
  GtkButton           *pupil_done_button;
  GtkScrolledWindow   *pupil_scroll;
  AdwPreferencesGroup *identity_group;
  AdwPreferencesGroup *choices_group;
  AdwComboRow         *discipline_row;
  AdwPreferencesGroup *items_group;
  AdwPreferencesGroup *chosen_group;
  GtkButton           *confirm_back_button;
  GtkScrolledWindow   *confirm_scroll;
  GtkWidget           *confirm_message_box;
  GtkLabel            *confirm_message_label;
  AdwPreferencesGroup *email_group;
  AdwEntryRow         *email_row;
  AdwPreferencesGroup *question_group;
  AdwEntryRow         *answer_row;
  GtkSpinner          *question_spinner;
  GtkButton           *question_retry_button;
  GtkLabel            *notice_label;
  AdwPreferencesGroup *consent_group;
  AdwActionRow        *consent_row;
  GtkCheckButton      *consent_check;
  GtkButton           *save_button;
  GtkStack            *save_stack;
  GtkSpinner          *save_spinner;
  AdwStatusPage       *done_page;
  GtkLabel            *done_summary_label;
  GtkButton           *close_button;

  TuttiClient         *client;
  GCancellable        *cancellable;
  TuttiLang            lang;
  TuttiOffer          *offer;
  GHashTable          *items_by_id;      /* offer id → TuttiOfferItem (in offer) */

  /* The request: its pupils, and the server's messages about each
   * (GHashTable: key within the pupil, "surname", "choices.1" → message). */
  GPtrArray           *pupils;           /* TuttiNewPupil */
  GPtrArray           *pupil_errors;     /* GHashTable */
  GPtrArray           *pupil_groups;     /* AdwPreferencesGroup on the list page */
  TuttiNewPupil       *removed_pupil;    /* for Undo */
  GHashTable          *removed_errors;
  guint                removed_index;
  AdwToast            *undo_toast;

  /* The pupil page */
  PupilField           fields[N_FIELDS];
  ErrorRow             choices_error;
  int                  editing;          /* index in pupils, or -1 for a new pupil */
  GArray              *chosen;           /* gint64 offer ids, in the order chosen */
  char                *birth_date;       /* ISO, when the date typed is valid */
  GPtrArray           *discipline_names; /* char *, the combo's items from 1 */
  GHashTable          *item_rows;        /* offer id → AdwActionRow */
  GHashTable          *item_checks;      /* offer id → GtkCheckButton */
  GPtrArray           *item_row_list;    /* rows in items_group, to remove them */
  GPtrArray           *chosen_rows;      /* rows in chosen_group */
  gboolean             updating;

  /* The confirmation page */
  ErrorRow             email_error;
  ErrorRow             answer_error;
  ErrorRow             consent_error;
  TuttiAntispamQuestion *question;
  gboolean             question_loading;
  char                *idempotency_key;
  gboolean             busy;
  guint                spinner_timeout_id;
  guint                loading_spinner_id;
  TuttiPreenrolment   *saved;
  gboolean             force_close;
};

G_DEFINE_FINAL_TYPE (TuttiPreenrolmentDialog, tutti_preenrolment_dialog, ADW_TYPE_WINDOW)

enum {
  SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_items (TuttiPreenrolmentDialog *self);
static void rebuild_chosen (TuttiPreenrolmentDialog *self);
static void update_save_sensitive (TuttiPreenrolmentDialog *self);
static void fetch_question (TuttiPreenrolmentDialog *self);

/* ---- Small helpers ------------------------------------------------------------ */

static const char *
field_label (TuttiPreenrolmentDialog *self,
             const TuttiField        *field)
{
  return tutti_text_get (&field->label, self->lang);
}

static char *
get_entry_text (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* "Z-TEST Léa", surname first, as home and the office show pupils. */
static char *
format_pupil_name (const TuttiNewPupil *pupil)
{
  return tutti_format_person_name (pupil->surname, pupil->first_name);
}

/* The date as it is typed: 15/03/2020 in either language. */
static char *
format_typed_date (const char *iso_date)
{
  int y, m, d;

  if (!tutti_parse_date (iso_date, &y, &m, &d))
    return g_strdup ("");
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

static char *
format_age (int age)
{
  /* Translators: a child's age in whole years */
  return g_strdup_printf (ngettext ("%d year", "%d years", age), age);
}

/* "From 7 years", "From 4 to 5 years", "Up to 11 years", or NULL. */
static char *
format_age_rule (const TuttiOfferItem *item)
{
  gboolean has_min = item->min_age != TUTTI_NO_VALUE;
  gboolean has_max = item->max_age != TUTTI_NO_VALUE;

  if (has_min && has_max)
    /* Translators: an age condition of a class, such as “From 4 to 5 years” */
    return g_strdup_printf (_("From %d to %d years"), (int) item->min_age, (int) item->max_age);
  if (has_min)
    return g_strdup_printf (ngettext ("From %d year", "From %d years", (gulong) item->min_age),
                            (int) item->min_age);
  if (has_max)
    return g_strdup_printf (ngettext ("Up to %d year", "Up to %d years", (gulong) item->max_age),
                            (int) item->max_age);
  return NULL;
}

static char *
format_places (const TuttiOfferItem *item)
{
  if (item->places_left == TUTTI_NO_VALUE)
    return NULL;
  if (item->places_left <= 0)
    return g_strdup (_("Full"));
  return g_strdup_printf (ngettext ("%d place left", "%d places left", (gulong) item->places_left),
                          (int) item->places_left);
}

static gboolean
item_accepts (TuttiPreenrolmentDialog *self,
              const TuttiOfferItem    *item)
{
  return self->birth_date != NULL &&
         tutti_offer_item_accepts_age (item, self->birth_date, self->offer->age_date);
}

static const TuttiOfferItem *
lookup_item (TuttiPreenrolmentDialog *self,
             gint64                   offer_id)
{
  return self->items_by_id != NULL ? g_hash_table_lookup (self->items_by_id, &offer_id) : NULL;
}

static char *
choice_label (TuttiPreenrolmentDialog *self,
              gint64                   offer_id)
{
  const TuttiOfferItem *item = lookup_item (self, offer_id);

  return item != NULL ? tutti_offer_item_label (item, self->lang) : g_strdup ("");
}

static void
set_message (GtkWidget  *box,
             GtkLabel   *label,
             const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (box, message != NULL);
}

/* ---- Error rows ------------------------------------------------------------------ */

static void
error_row_init (ErrorRow *error)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "dialog-error-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  error->label = GTK_LABEL (g_object_new (GTK_TYPE_LABEL,
                                          "hexpand", TRUE,
                                          "wrap", TRUE,
                                          "xalign", 0.0f,
                                          NULL));
  gtk_widget_add_css_class (box, "tutti-field-error");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (error->label));
  error->row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                             "activatable", FALSE,
                             "focusable", FALSE,
                             "visible", FALSE,
                             "child", box,
                             NULL);
}

/* Shows @message (nullable) under @row, marks @row invalid and tells
 * assistive technologies why. */
static void
error_row_set (ErrorRow   *error,
               GtkWidget  *row,
               const char *message)
{
  gboolean invalid = message != NULL;

  if (g_strcmp0 (error->message, message) != 0)
    {
      g_free (error->message);
      error->message = g_strdup (message);
    }
  gtk_label_set_label (error->label, message != NULL ? message : "");
  gtk_widget_set_visible (error->row, invalid);
  if (row == NULL)
    return;

  if (invalid)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (invalid)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
field_set_error (PupilField *f,
                 const char *message)
{
  gboolean invalid = message != NULL;

  if (g_strcmp0 (f->error, message) != 0)
    {
      g_free (f->error);
      f->error = g_strdup (message);
    }
  gtk_label_set_label (f->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (f->error_row, invalid);
  if (invalid)
    gtk_widget_add_css_class (f->row, "error");
  else
    gtk_widget_remove_css_class (f->row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (f->row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (invalid)
    gtk_accessible_update_property (GTK_ACCESSIBLE (f->row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (f->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* ---- The pupil page: identity ------------------------------------------------------ */

/* The birth date typed, as ISO, or NULL with *message saying why (NULL
 * as well when nothing is typed). */
static char *
parse_birth_date (TuttiPreenrolmentDialog  *self,
                  char                    **message)
{
  PupilField *f = &self->fields[FIELD_BIRTH_DATE];
  g_autofree char *text = get_entry_text (f->row);
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  *message = NULL;
  if (*text == '\0')
    {
      *message = tutti_field_check_text (f->field, "", self->lang);
      return NULL;
    }

  iso = tutti_date_from_display (text, self->lang);
  if (iso == NULL || !tutti_validate_date (iso))
    {
      /* Translators: the format a date of birth is typed in */
      *message = g_strdup_printf (_("Enter the date as day/month/year, like %s."), "15/03/2020");
      return NULL;
    }

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  if (strcmp (iso, today) > 0)
    {
      *message = g_strdup (_("The date of birth cannot be after today."));
      return NULL;
    }
  if (strcmp (iso, "1900-01-01") < 0)
    {
      *message = g_strdup (_("Enter a date of birth after 1900."));
      return NULL;
    }

  return g_steal_pointer (&iso);
}

/* The message for field @index as typed, or NULL when it is right. */
static char *
check_field (TuttiPreenrolmentDialog *self,
             guint                    index)
{
  PupilField *f = &self->fields[index];

  if (index == FIELD_CIVILITY)
    {
      if (adw_combo_row_get_selected (ADW_COMBO_ROW (f->row)) == 0)
        return tutti_field_check_text (f->field, "", self->lang);
      return NULL;
    }
  if (index == FIELD_BIRTH_DATE)
    {
      char *message = NULL;
      g_autofree char *iso = parse_birth_date (self, &message);

      return message;
    }
  {
    g_autofree char *text = get_entry_text (f->row);

    return tutti_field_check_text (f->field, text, self->lang);
  }
}

/* The age line above the disciplines, and which disciplines it opens. */
static void
update_age (TuttiPreenrolmentDialog *self)
{
  g_autofree char *message = NULL;
  g_autofree char *iso = parse_birth_date (self, &message);
  g_autofree char *description = NULL;
  g_autofree char *previous = NULL;
  g_autoptr(GtkStringList) model = NULL;
  guint selected = 0;

  if (g_strcmp0 (iso, self->birth_date) == 0 && self->discipline_names->len > 0)
    return;

  g_free (self->birth_date);
  self->birth_date = g_steal_pointer (&iso);

  if (self->birth_date != NULL && self->offer->age_date != NULL)
    {
      int age = tutti_age_on_date (self->birth_date, self->offer->age_date);
      g_autofree char *age_text = format_age (MAX (age, 0));
      g_autofree char *date = tutti_format_date (self->offer->age_date, self->lang);

      /* Translators: the first %s is a date (31/12/2027), the second an age (7 years) */
      description = g_strdup_printf (_("Age on %s: %s. The disciplines open at this age are listed; "
                                       "choose one or more."),
                                     date, age_text);
    }
  else
    {
      description = g_strdup (_("Enter the date of birth first: the disciplines open at the "
                                "pupil’s age are then listed."));
    }
  adw_preferences_group_set_description (self->choices_group, description);

  /* The disciplines with a place for this age, in the offer's order; the
   * one chosen stays chosen when it still has one. */
  {
    guint old = adw_combo_row_get_selected (self->discipline_row);

    if (old != GTK_INVALID_LIST_POSITION && old > 0 && old <= self->discipline_names->len)
      previous = g_strdup (g_ptr_array_index (self->discipline_names, old - 1));
  }
  g_ptr_array_set_size (self->discipline_names, 0);
  model = gtk_string_list_new (NULL);
  gtk_string_list_append (model, _("Choose a discipline"));
  for (guint i = 0; self->birth_date != NULL && self->offer->disciplines != NULL &&
                    self->offer->disciplines[i] != NULL; i++)
    {
      const char *name = self->offer->disciplines[i];
      gboolean open = FALSE;

      for (guint j = 0; j < self->offer->items->len && !open; j++)
        {
          const TuttiOfferItem *item = g_ptr_array_index (self->offer->items, j);

          open = g_strcmp0 (item->discipline, name) == 0 && item_accepts (self, item);
        }
      if (!open)
        continue;
      g_ptr_array_add (self->discipline_names, g_strdup (name));
      gtk_string_list_append (model, name);
      if (g_strcmp0 (previous, name) == 0)
        selected = self->discipline_names->len;
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->discipline_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->discipline_row, selected);
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->discipline_row), self->birth_date != NULL);

  rebuild_items (self);
  rebuild_chosen (self);
}

static void
pupil_field_changed (TuttiPreenrolmentDialog *self,
                     guint                    index)
{
  PupilField *f = &self->fields[index];

  if (self->updating)
    return;

  /* A message goes as soon as the value is right. */
  if (f->error != NULL)
    {
      g_autofree char *message = check_field (self, index);

      field_set_error (f, message);
    }

  if (index == FIELD_BIRTH_DATE)
    {
      g_autofree char *text = get_entry_text (f->row);

      /* A whole date typed is checked at once (live check). */
      if (strlen (text) >= 10)
        {
          g_autofree char *message = check_field (self, index);

          field_set_error (f, message);
        }
      update_age (self);
    }
}

static void
entry_changed_cb (GtkEditable *editable,
                  gpointer     user_data)
{
  TuttiPreenrolmentDialog *self = g_object_get_data (G_OBJECT (editable), "tutti-dialog");

  pupil_field_changed (self, GPOINTER_TO_UINT (user_data));
}

static void
civility_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  TuttiPreenrolmentDialog *self = g_object_get_data (object, "tutti-dialog");

  pupil_field_changed (self, FIELD_CIVILITY);
}

static void
field_focus_leave_cb (GtkEventControllerFocus *controller,
                      gpointer                 user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  TuttiPreenrolmentDialog *self = g_object_get_data (G_OBJECT (row), "tutti-dialog");
  guint index = GPOINTER_TO_UINT (user_data);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (self->updating || index == FIELD_CIVILITY)
    return;

  /* Leaving an empty field is not yet a mistake; Add says so. */
  text = get_entry_text (self->fields[index].row);
  if (*text == '\0' && self->fields[index].error == NULL)
    return;
  message = check_field (self, index);
  field_set_error (&self->fields[index], message);
}

/* Enter goes on to the next field. */
static void
field_activated_cb (AdwEntryRow *row,
                    gpointer     user_data)
{
  TuttiPreenrolmentDialog *self = g_object_get_data (G_OBJECT (row), "tutti-dialog");
  guint index = GPOINTER_TO_UINT (user_data);

  if (index + 1 < N_FIELDS)
    gtk_widget_grab_focus (self->fields[index + 1].row);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->discipline_row));
}

static void
build_identity (TuttiPreenrolmentDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      PupilField *f = &self->fields[i];
      gboolean required;
      g_autofree char *title = NULL;
      g_autofree char *label = NULL;
      GtkEventController *focus;
      ErrorRow error = { 0 };

      f->field = tutti_schema_lookup (&tutti_new_pupil_schema, field_keys[i]);
      g_assert (f->field != NULL);
      required = (f->field->flags & TUTTI_FIELD_FLAG_REQUIRED) != 0;

      if (i == FIELD_BIRTH_DATE)
        /* Translators: a field's label and the format dates are typed in */
        label = g_strdup_printf (_("%s (dd/mm/yyyy)"), field_label (self, f->field));
      else
        label = g_strdup (field_label (self, f->field));
      /* The visible mark of a required field. */
      title = required ? g_strdup_printf ("%s *", label) : g_strdup (label);

      if (i == FIELD_CIVILITY)
        {
          g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

          gtk_string_list_append (model, _("Choose"));
          for (guint v = 1; v < f->field->enum_type->n_values; v++)
            gtk_string_list_append (model, tutti_enum_to_label (f->field->enum_type, v, self->lang));
          f->row = g_object_new (ADW_TYPE_COMBO_ROW,
                                 "model", model,
                                 "use-subtitle", FALSE,
                                 NULL);
          g_signal_connect (f->row, "notify::selected", G_CALLBACK (civility_notify_cb), NULL);
        }
      else
        {
          f->row = adw_entry_row_new ();
          if (i == FIELD_BIRTH_DATE)
            adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (f->row), GTK_INPUT_PURPOSE_DIGITS);
          g_signal_connect (f->row, "changed", G_CALLBACK (entry_changed_cb), GUINT_TO_POINTER (i));
          g_signal_connect (f->row, "entry-activated", G_CALLBACK (field_activated_cb),
                            GUINT_TO_POINTER (i));
          focus = gtk_event_controller_focus_new ();
          g_signal_connect (focus, "leave", G_CALLBACK (field_focus_leave_cb), GUINT_TO_POINTER (i));
          gtk_widget_add_controller (f->row, focus);
        }

      gtk_widget_set_name (f->row, field_keys[i]);
      g_object_set_data (G_OBJECT (f->row), "tutti-dialog", self);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (f->row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), title);
      /* Without the "*", and required when it is. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (f->row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_REQUIRED, required,
                                      -1);
      if (ADW_IS_ENTRY_ROW (f->row))
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (f->row))),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        GTK_ACCESSIBLE_PROPERTY_REQUIRED, required,
                                        -1);

      error_row_init (&error);
      f->error_row = error.row;
      f->error_label = error.label;
      adw_preferences_group_add (self->identity_group, f->row);
      adw_preferences_group_add (self->identity_group, f->error_row);
    }

  /* The disciplines: core's label, required. */
  {
    const TuttiField *choices = tutti_schema_lookup (&tutti_new_pupil_schema, "choices");
    g_autofree char *title = g_strdup_printf ("%s *", field_label (self, choices));

    adw_preferences_group_set_title (self->choices_group, title);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->discipline_row), _("Discipline"));
    error_row_init (&self->choices_error);
    adw_preferences_group_add (self->choices_group, self->choices_error.row);
  }
}

/* ---- The pupil page: disciplines ------------------------------------------------- */

static gboolean
is_chosen (TuttiPreenrolmentDialog *self,
           gint64                   offer_id)
{
  for (guint i = 0; i < self->chosen->len; i++)
    if (g_array_index (self->chosen, gint64, i) == offer_id)
      return TRUE;
  return FALSE;
}

static void
set_chosen (TuttiPreenrolmentDialog *self,
            gint64                   offer_id,
            gboolean                 chosen)
{
  for (guint i = 0; i < self->chosen->len; i++)
    if (g_array_index (self->chosen, gint64, i) == offer_id)
      {
        if (!chosen)
          g_array_remove_index (self->chosen, i);
        return;
      }
  if (chosen)
    g_array_append_val (self->chosen, offer_id);
}

static void
item_check_toggled_cb (GtkCheckButton *check,
                       gpointer        user_data)
{
  TuttiPreenrolmentDialog *self = user_data;
  gint64 offer_id = *(gint64 *) g_object_get_data (G_OBJECT (check), "tutti-offer-id");

  if (self->updating)
    return;

  set_chosen (self, offer_id, gtk_check_button_get_active (check));
  if (self->chosen->len > 0)
    error_row_set (&self->choices_error, NULL, NULL);
  rebuild_chosen (self);
}

static void
rebuild_items (TuttiPreenrolmentDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->discipline_row);
  const char *discipline = NULL;

  for (guint i = 0; i < self->item_row_list->len; i++)
    adw_preferences_group_remove (self->items_group, g_ptr_array_index (self->item_row_list, i));
  g_ptr_array_set_size (self->item_row_list, 0);
  g_hash_table_remove_all (self->item_rows);
  g_hash_table_remove_all (self->item_checks);

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->discipline_names->len)
    discipline = g_ptr_array_index (self->discipline_names, selected - 1);
  gtk_widget_set_visible (GTK_WIDGET (self->items_group), discipline != NULL);
  if (discipline == NULL)
    return;

  adw_preferences_group_set_title (self->items_group, discipline);
  adw_preferences_group_set_description (self->items_group,
                                         _("Tick the site and cursus wanted. Full classes and those "
                                           "not open at this age cannot be chosen."));

  self->updating = TRUE;
  for (guint i = 0; i < self->offer->items->len; i++)
    {
      const TuttiOfferItem *item = g_ptr_array_index (self->offer->items, i);
      gboolean accepts = item_accepts (self, item);
      gboolean full = item->places_left != TUTTI_NO_VALUE && item->places_left <= 0;
      gboolean chosen = is_chosen (self, item->id);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *subtitle = NULL;
      g_autofree char *rule = NULL;
      char *slot;
      char *places;
      GtkWidget *row;
      GtkWidget *check;
      gint64 *key;

      if (g_strcmp0 (item->discipline, discipline) != 0)
        continue;

      if (!tutti_is_blank (item->cursus))
        g_ptr_array_add (parts, g_strdup (item->cursus));
      slot = tutti_campaign_form_format_slot (item, self->lang);
      if (slot != NULL)
        g_ptr_array_add (parts, slot);
      rule = format_age_rule (item);
      if (rule != NULL && !accepts)
        /* Translators: why a class cannot be chosen, such as “Not open at this age (from 8 years)” */
        g_ptr_array_add (parts, g_strdup_printf (_("Not open at this age (%s)"), rule));
      else if (rule != NULL)
        g_ptr_array_add (parts, g_strdup (rule));
      places = format_places (item);
      if (places != NULL)
        g_ptr_array_add (parts, places);
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv (" · ", (char **) parts->pdata);

      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
      key = g_new (gint64, 1);
      *key = item->id;
      g_object_set_data_full (G_OBJECT (check), "tutti-offer-id", key, g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (item_check_toggled_cb), self);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     !tutti_is_blank (item->site) ? item->site : discipline);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                      -1);
      /* A full class or one closed to this age cannot be chosen, unless
       * it was (then it can be unticked). */
      gtk_widget_set_sensitive (row, chosen || (accepts && !full));

      adw_preferences_group_add (self->items_group, row);
      g_ptr_array_add (self->item_row_list, row);
      key = g_new (gint64, 1);
      *key = item->id;
      g_hash_table_insert (self->item_rows, key, row);
      key = g_new (gint64, 1);
      *key = item->id;
      g_hash_table_insert (self->item_checks, key, check);
    }
  self->updating = FALSE;
}

static void
discipline_selected_cb (TuttiPreenrolmentDialog *self)
{
  if (self->updating)
    return;
  rebuild_items (self);
}

static void
remove_choice_clicked_cb (GtkButton *button,
                          gpointer   user_data)
{
  TuttiPreenrolmentDialog *self = user_data;
  gint64 offer_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "tutti-offer-id");
  GtkCheckButton *check = g_hash_table_lookup (self->item_checks, &offer_id);

  set_chosen (self, offer_id, FALSE);
  if (check != NULL)
    {
      self->updating = TRUE;
      gtk_check_button_set_active (check, FALSE);
      self->updating = FALSE;
    }
  rebuild_items (self);
  rebuild_chosen (self);
}

static void
rebuild_chosen (TuttiPreenrolmentDialog *self)
{
  for (guint i = 0; i < self->chosen_rows->len; i++)
    adw_preferences_group_remove (self->chosen_group, g_ptr_array_index (self->chosen_rows, i));
  g_ptr_array_set_size (self->chosen_rows, 0);

  for (guint i = 0; i < self->chosen->len; i++)
    {
      gint64 offer_id = g_array_index (self->chosen, gint64, i);
      const TuttiOfferItem *item = lookup_item (self, offer_id);
      g_autofree char *label = choice_label (self, offer_id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      gint64 *key;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      if (item != NULL && self->birth_date != NULL && !item_accepts (self, item))
        {
          g_autofree char *rule = format_age_rule (item);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       rule != NULL ? rule : _("Not open at this age"));
          gtk_widget_add_css_class (row, "error");
        }

      button = g_object_new (GTK_TYPE_BUTTON,
                             "icon-name", "user-trash-symbolic",
                             "valign", GTK_ALIGN_CENTER,
                             "tooltip-text", _("Remove This Discipline"),
                             NULL);
      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove This Discipline"),
                                      -1);
      key = g_new (gint64, 1);
      *key = offer_id;
      g_object_set_data_full (G_OBJECT (button), "tutti-offer-id", key, g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_choice_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->chosen_group, row);
      g_ptr_array_add (self->chosen_rows, row);
    }

  if (self->chosen->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No discipline chosen yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->chosen_group, row);
      g_ptr_array_add (self->chosen_rows, row);
    }
}

/* ---- The pupil page: open, check, keep -------------------------------------------- */

static void
show_pupil_page (TuttiPreenrolmentDialog *self,
                 int                      index)
{
  const TuttiNewPupil *pupil = index >= 0 ? g_ptr_array_index (self->pupils, index) : NULL;

  self->editing = index;
  self->updating = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      PupilField *f = &self->fields[i];

      field_set_error (f, NULL);
      if (i == FIELD_CIVILITY)
        adw_combo_row_set_selected (ADW_COMBO_ROW (f->row), pupil != NULL ? (guint) pupil->civility : 0);
      else
        {
          g_autofree char *text = NULL;

          if (pupil != NULL && i == FIELD_BIRTH_DATE)
            text = format_typed_date (pupil->birth_date);
          else if (pupil != NULL)
            text = tutti_record_get_text (&tutti_new_pupil_schema, pupil, field_keys[i]);
          gtk_editable_set_text (GTK_EDITABLE (f->row), text != NULL ? text : "");
        }
    }
  g_array_set_size (self->chosen, 0);
  for (guint i = 0; pupil != NULL && i < pupil->choices->len; i++)
    {
      const TuttiPreenrolmentChoice *choice = g_ptr_array_index (pupil->choices, i);

      g_array_append_val (self->chosen, choice->offer_id);
    }
  error_row_set (&self->choices_error, NULL, NULL);
  adw_combo_row_set_selected (self->discipline_row, 0);
  self->updating = FALSE;

  /* The age, the disciplines it opens and the choices. */
  g_clear_pointer (&self->birth_date, g_free);
  g_ptr_array_set_size (self->discipline_names, 0);
  update_age (self);
  /* Editing: the first choice's discipline is shown. */
  if (self->chosen->len > 0)
    {
      const TuttiOfferItem *item = lookup_item (self, g_array_index (self->chosen, gint64, 0));

      for (guint i = 0; item != NULL && i < self->discipline_names->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->discipline_names, i), item->discipline) == 0)
          adw_combo_row_set_selected (self->discipline_row, i + 1);
    }

  if (pupil != NULL)
    {
      g_autofree char *name = format_pupil_name (pupil);

      adw_window_title_set_title (self->pupil_title, _("Edit Pupil"));
      adw_window_title_set_subtitle (self->pupil_title, name);
      gtk_button_set_label (self->pupil_done_button, _("_Done"));
    }
  else
    {
      adw_window_title_set_title (self->pupil_title, _("Add a Pupil"));
      adw_window_title_set_subtitle (self->pupil_title, NULL);
      gtk_button_set_label (self->pupil_done_button, _("_Add"));
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->pupil_scroll), 0);
  gtk_stack_set_visible_child_name (self->stack, "pupil");
  gtk_widget_grab_focus (self->fields[FIELD_CIVILITY].row);
}

/* Checks every field; shows each message and focuses the first field wrong. */
static gboolean
validate_pupil (TuttiPreenrolmentDialog *self)
{
  GtkWidget *first = NULL;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *message = check_field (self, i);

      field_set_error (&self->fields[i], message);
      if (message != NULL && first == NULL)
        first = self->fields[i].row;
    }

  if (self->chosen->len == 0)
    {
      error_row_set (&self->choices_error, NULL, _("Choose at least one discipline."));
      if (first == NULL)
        first = GTK_WIDGET (self->discipline_row);
    }
  else
    {
      gboolean all_open = TRUE;

      for (guint i = 0; i < self->chosen->len; i++)
        {
          const TuttiOfferItem *item = lookup_item (self, g_array_index (self->chosen, gint64, i));

          all_open = all_open && item != NULL && item_accepts (self, item);
        }
      error_row_set (&self->choices_error, NULL,
                     all_open ? NULL : _("Remove the disciplines that are not open at the pupil’s age."));
      if (!all_open && first == NULL)
        first = GTK_WIDGET (self->discipline_row);
    }

  if (first != NULL)
    gtk_widget_grab_focus (first);
  return first == NULL;
}

static void rebuild_list (TuttiPreenrolmentDialog *self);

static void
save_pupil (TuttiPreenrolmentDialog *self)
{
  g_autoptr(TuttiNewPupil) pupil = NULL;

  if (!validate_pupil (self))
    return;

  pupil = tutti_new_pupil_new ();
  pupil->civility = (TuttiCivility) adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[FIELD_CIVILITY].row));
  for (guint i = FIELD_SURNAME; i < N_FIELDS; i++)
    {
      g_autofree char *text = get_entry_text (self->fields[i].row);

      if (i == FIELD_BIRTH_DATE)
        {
          g_free (text);
          text = g_strdup (self->birth_date);
        }
      if (text != NULL && *text != '\0')
        tutti_record_set_text (&tutti_new_pupil_schema, pupil, field_keys[i], text, NULL);
    }
  for (guint i = 0; i < self->chosen->len; i++)
    {
      TuttiPreenrolmentChoice *choice = tutti_preenrolment_choice_new ();

      choice->offer_id = g_array_index (self->chosen, gint64, i);
      choice->label = choice_label (self, choice->offer_id);
      g_ptr_array_add (pupil->choices, choice);
    }

  if (self->editing >= 0 && (guint) self->editing < self->pupils->len)
    {
      gpointer *slot = &g_ptr_array_index (self->pupils, self->editing);

      tutti_new_pupil_free (*slot);
      *slot = g_steal_pointer (&pupil);
      /* What the server said about the pupil was about what it was. */
      g_hash_table_remove_all (g_ptr_array_index (self->pupil_errors, self->editing));
    }
  else
    {
      g_ptr_array_add (self->pupils, g_steal_pointer (&pupil));
      g_ptr_array_add (self->pupil_errors, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free));
    }

  set_message (self->list_message_box, self->list_message_label, NULL);
  rebuild_list (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

/* ---- The list page (PRE-2) -------------------------------------------------------- */

static void
pupil_button_clicked_cb (GtkButton *button,
                         gpointer   user_data)
{
  TuttiPreenrolmentDialog *self = user_data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tutti-index"));
  const char *what = g_object_get_data (G_OBJECT (button), "tutti-what");

  gtk_widget_activate_action (GTK_WIDGET (self),
                              g_strcmp0 (what, "edit") == 0 ? "preenrolment.edit-pupil"
                                                            : "preenrolment.remove-pupil",
                              "u", index);
}

static GtkWidget *
create_pupil_button (TuttiPreenrolmentDialog *self,
                     guint                    index,
                     const char              *what,
                     const char              *icon_name,
                     const char              *label)
{
  GtkWidget *button = g_object_new (GTK_TYPE_BUTTON,
                                    "icon-name", icon_name,
                                    "valign", GTK_ALIGN_CENTER,
                                    "tooltip-text", label,
                                    NULL);

  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "tutti-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "tutti-what", (gpointer) what);
  g_signal_connect (button, "clicked", G_CALLBACK (pupil_button_clicked_cb), self);
  return button;
}

static GtkWidget *
create_message_row (const char *message)
{
  ErrorRow error = { 0 };

  error_row_init (&error);
  gtk_label_set_label (error.label, message);
  gtk_widget_set_visible (error.row, TRUE);
  return error.row;
}

static GtkWidget *
create_pupil_group (TuttiPreenrolmentDialog *self,
                    guint                    index)
{
  const TuttiNewPupil *pupil = g_ptr_array_index (self->pupils, index);
  GHashTable *errors = g_ptr_array_index (self->pupil_errors, index);
  g_autofree char *name = format_pupil_name (pupil);
  g_autofree char *born = tutti_format_date (pupil->birth_date, self->lang);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *group;
  GtkWidget *suffix;

  /* Translators: %s is a date of birth */
  g_string_append_printf (description, _("Born on %s"), born);
  if (self->offer != NULL && self->offer->age_date != NULL)
    {
      int age = tutti_age_on_date (pupil->birth_date, self->offer->age_date);
      g_autofree char *age_text = format_age (MAX (age, 0));
      g_autofree char *date = tutti_format_date (self->offer->age_date, self->lang);

      g_string_append (description, " · ");
      /* Translators: an age (7 years) on a date (31/12/2027) */
      g_string_append_printf (description, C_("age", "%s on %s"), age_text, date);
    }
  if (!tutti_is_blank (pupil->school_level))
    g_string_append_printf (description, " · %s", pupil->school_level);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), name);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description->str);

  /* Translators: %s is a pupil's name */
  edit_label = g_strdup_printf (_("Edit %s"), name);
  /* Translators: %s is a pupil's name */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (suffix),
                  create_pupil_button (self, index, "edit", "document-edit-symbolic", edit_label));
  gtk_box_append (GTK_BOX (suffix),
                  create_pupil_button (self, index, "remove", "user-trash-symbolic", remove_label));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);

  for (guint i = 0; i < pupil->choices->len; i++)
    {
      const TuttiPreenrolmentChoice *choice = g_ptr_array_index (pupil->choices, i);
      g_autofree char *key = g_strdup_printf ("choices.%u", i);
      const char *message = g_hash_table_lookup (errors, key);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     choice->label != NULL ? choice->label : "");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", message != NULL ? "dialog-error-symbolic"
                                                                            : "emblem-music-symbolic",
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
      gtk_widget_set_name (row, key);
      if (message != NULL)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
          gtk_widget_add_css_class (row, "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  /* What the server said about the pupil's other fields, with their labels. */
  {
    GHashTableIter iter;
    gpointer key, value;
    g_autoptr(GString) text = g_string_new (NULL);

    g_hash_table_iter_init (&iter, errors);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        const TuttiField *field;

        if (g_str_has_prefix (key, "choices."))
          continue;
        field = tutti_schema_lookup (&tutti_new_pupil_schema, key);
        if (text->len > 0)
          g_string_append_c (text, '\n');
        if (field != NULL)
          g_string_append_printf (text, "%s : %s", field_label (self, field), (const char *) value);
        else
          g_string_append (text, value);
      }
    if (text->len > 0)
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_message_row (text->str));
  }

  return group;
}

static void
rebuild_list (TuttiPreenrolmentDialog *self)
{
  for (guint i = 0; i < self->pupil_groups->len; i++)
    gtk_box_remove (self->pupils_box, g_ptr_array_index (self->pupil_groups, i));
  g_ptr_array_set_size (self->pupil_groups, 0);

  for (guint i = 0; i < self->pupils->len; i++)
    {
      GtkWidget *group = create_pupil_group (self, i);

      gtk_box_append (self->pupils_box, group);
      g_ptr_array_add (self->pupil_groups, group);
    }

  gtk_widget_set_visible (self->empty_group, self->pupils->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->pupils_box), self->pupils->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preenrolment.next", self->pupils->len > 0);
  /* The server takes 10 pupils at most in one request. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preenrolment.add-pupil", self->pupils->len < 10);
}

static void
forget_removed (TuttiPreenrolmentDialog *self)
{
  g_clear_pointer (&self->removed_pupil, tutti_new_pupil_free);
  g_clear_pointer (&self->removed_errors, g_hash_table_unref);
  self->undo_toast = NULL;
}

static void
undo_toast_dismissed_cb (AdwToast                *toast,
                         TuttiPreenrolmentDialog *self)
{
  if (self->undo_toast == toast)
    forget_removed (self);
}

static void
remove_pupil_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TuttiPreenrolmentDialog *self = TUTTI_PREENROLMENT_DIALOG (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (index >= self->pupils->len)
    return;

  if (self->undo_toast != NULL)
    {
      AdwToast *previous = self->undo_toast;

      forget_removed (self);
      adw_toast_dismiss (previous);
    }

  self->removed_pupil = g_ptr_array_steal_index (self->pupils, index);
  self->removed_errors = g_ptr_array_steal_index (self->pupil_errors, index);
  self->removed_index = index;
  rebuild_list (self);

  name = format_pupil_name (self->removed_pupil);
  /* Translators: %s is a pupil's name */
  title = g_strdup_printf (_("%s removed from the request"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "preenrolment.undo-remove");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  self->undo_toast = toast;
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_remove_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TuttiPreenrolmentDialog *self = TUTTI_PREENROLMENT_DIALOG (widget);
  AdwToast *toast = self->undo_toast;
  guint index;

  if (self->removed_pupil == NULL)
    return;

  index = MIN (self->removed_index, self->pupils->len);
  g_ptr_array_insert (self->pupils, index, g_steal_pointer (&self->removed_pupil));
  g_ptr_array_insert (self->pupil_errors, index, g_steal_pointer (&self->removed_errors));
  self->undo_toast = NULL;
  rebuild_list (self);
  /* Undone from the keyboard: the toast has nothing left to offer. */
  if (toast != NULL)
    adw_toast_dismiss (toast);
}

static void
edit_pupil_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TuttiPreenrolmentDialog *self = TUTTI_PREENROLMENT_DIALOG (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index < self->pupils->len)
    show_pupil_page (self, (int) index);
}

static void
add_pupil_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_pupil_page (TUTTI_PREENROLMENT_DIALOG (widget), -1);
}

static void
save_pupil_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  save_pupil (TUTTI_PREENROLMENT_DIALOG (widget));
}

/* ---- The confirmation page (PRE-3) ------------------------------------------------ */

static void
show_confirm_page (TuttiPreenrolmentDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "confirm");
  if (self->question == NULL && !self->question_loading)
    fetch_question (self);
  update_save_sensitive (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TuttiPreenrolmentDialog *self = TUTTI_PREENROLMENT_DIALOG (widget);

  if (self->pupils->len > 0)
    show_confirm_page (self);
}

static gboolean
confirm_is_complete (TuttiPreenrolmentDialog *self)
{
  g_autofree char *email = get_entry_text (GTK_WIDGET (self->email_row));
  g_autofree char *answer = get_entry_text (GTK_WIDGET (self->answer_row));

  return *email != '\0' && *answer != '\0' && self->question != NULL &&
         gtk_check_button_get_active (self->consent_check) && self->pupils->len > 0;
}

static void
update_save_sensitive (TuttiPreenrolmentDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preenrolment.save",
                                 !self->busy && confirm_is_complete (self));
}

static void
confirm_changed_cb (TuttiPreenrolmentDialog *self)
{
  const TuttiField *email_field = tutti_schema_lookup (&tutti_preenrolment_schema, "email_confirmation");

  /* A message goes as soon as what it was about changes. */
  if (self->email_error.message != NULL)
    {
      g_autofree char *email = get_entry_text (GTK_WIDGET (self->email_row));
      g_autofree char *message = tutti_field_check_text (email_field, email, self->lang);

      error_row_set (&self->email_error, GTK_WIDGET (self->email_row), message);
    }
  if (self->answer_error.message != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->answer_row)) != '\0')
    error_row_set (&self->answer_error, GTK_WIDGET (self->answer_row), NULL);
  if (self->consent_error.message != NULL && gtk_check_button_get_active (self->consent_check))
    error_row_set (&self->consent_error, GTK_WIDGET (self->consent_row), NULL);

  update_save_sensitive (self);
}

static void
email_focus_leave_cb (TuttiPreenrolmentDialog *self)
{
  const TuttiField *email_field = tutti_schema_lookup (&tutti_preenrolment_schema, "email_confirmation");
  g_autofree char *email = get_entry_text (GTK_WIDGET (self->email_row));
  g_autofree char *message = NULL;

  if (*email == '\0' && self->email_error.message == NULL)
    return;
  message = tutti_field_check_text (email_field, email, self->lang);
  error_row_set (&self->email_error, GTK_WIDGET (self->email_row), message);
}

static void
email_activated_cb (TuttiPreenrolmentDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->answer_row));
}

static void
answer_activated_cb (TuttiPreenrolmentDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->consent_check));
}

/* The question row: its title is the server's question. */
static void
show_question (TuttiPreenrolmentDialog *self)
{
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->question_spinner), self->question_loading);
  if (self->question_loading)
    gtk_spinner_start (self->question_spinner);
  else
    gtk_spinner_stop (self->question_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->question_retry_button),
                          !self->question_loading && self->question == NULL);
  gtk_editable_set_editable (GTK_EDITABLE (self->answer_row), self->question != NULL);

  if (self->question != NULL)
    title = g_strdup_printf ("%s *", self->question->question);
  else if (self->question_loading)
    title = g_strdup (_("Loading the question…"));
  else
    title = g_strdup (_("The question could not be loaded"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->answer_row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->question != NULL ? self->question->question : title,
                                  -1);
  update_save_sensitive (self);
}

static void
get_question_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TuttiPreenrolmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiAntispamQuestion) question = NULL;

  question = tutti_client_get_antispam_question_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;

  self->question_loading = FALSE;
  if (question == NULL)
    {
      g_debug ("Loading the anti-spam question: %s", error->message);
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_CAMPAIGN_CLOSED))
        set_message (self->confirm_message_box, self->confirm_message_label,
                     _("The pre-enrolment campaign is closed: no request can be sent now."));
      else if (!g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        set_message (self->confirm_message_box, self->confirm_message_label, error->message);
      show_question (self);
      return;
    }

  /* A new question: what was typed answered the old one, unless the
   * question is the same. */
  if (self->question != NULL && g_strcmp0 (self->question->question, question->question) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->answer_row), "");
  g_clear_pointer (&self->question, tutti_antispam_question_free);
  self->question = g_steal_pointer (&question);
  show_question (self);
}

static void
fetch_question (TuttiPreenrolmentDialog *self)
{
  if (self->question_loading)
    return;

  self->question_loading = TRUE;
  show_question (self);
  tutti_client_get_antispam_question_async (self->client, self->cancellable,
                                            get_question_cb, g_object_ref (self));
}

static void
new_question_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  fetch_question (TUTTI_PREENROLMENT_DIALOG (widget));
}

/* ---- Sending ------------------------------------------------------------------------- */

static gboolean
show_spinner_cb (gpointer user_data)
{
  TuttiPreenrolmentDialog *self = user_data;

  self->spinner_timeout_id = 0;
  gtk_spinner_start (self->save_spinner);
  gtk_stack_set_visible_child_name (self->save_stack, "spinner");
  return G_SOURCE_REMOVE;
}

static void
set_busy (TuttiPreenrolmentDialog *self,
          gboolean                 busy)
{
  self->busy = busy;
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  if (busy)
    self->spinner_timeout_id = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, self);
  else
    {
      gtk_spinner_stop (self->save_spinner);
      gtk_stack_set_visible_child_name (self->save_stack, "label");
    }
  /* Read-only rather than insensitive: a field losing its sensitivity
   * while focused loses its focus-out. */
  gtk_editable_set_editable (GTK_EDITABLE (self->email_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->answer_row), !busy && self->question != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_check), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preenrolment.back", !busy);
  update_save_sensitive (self);
}

static void
show_done (TuttiPreenrolmentDialog *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *when = tutti_format_datetime (self->saved->submitted_at, self->lang);
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, self->saved->id);

  for (guint i = 0; i < self->saved->pupils->len; i++)
    {
      g_autofree char *name = format_pupil_name (g_ptr_array_index (self->saved->pupils, i));

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }

  /* PRE-4, as the guide words it. */
  description = g_strdup_printf ("%s\n%s",
                                 _("You will receive an e-mail confirming that your request has been received."),
                                 _("Only the school can confirm, at the latest at the end of August, "
                                   "that the enrolment request is accepted."));
  adw_status_page_set_description (self->done_page, description);
  if (*when != '\0')
    /* Translators: the request's number, when it was saved (28/11/2026 at 20:15) and the pupils' names */
    summary = g_strdup_printf (_("Request no. %s saved on %s for %s."), number, when, names->str);
  else
    /* Translators: the request's number and the pupils' names */
    summary = g_strdup_printf (_("Request no. %s for %s."), number, names->str);
  gtk_label_set_label (self->done_summary_label, summary);

  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

/* A 422: each message beside what it is about; everything typed stays. */
static void
show_refusal (TuttiPreenrolmentDialog *self,
              GHashTable              *fields)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean about_pupils = FALSE;
  gboolean about_question = FALSE;
  GtkWidget *focus = NULL;
  const char *general = NULL;

  for (guint i = 0; i < self->pupil_errors->len; i++)
    g_hash_table_remove_all (g_ptr_array_index (self->pupil_errors, i));
  error_row_set (&self->email_error, GTK_WIDGET (self->email_row), NULL);
  error_row_set (&self->answer_error, GTK_WIDGET (self->answer_row), NULL);
  error_row_set (&self->consent_error, GTK_WIDGET (self->consent_row), NULL);

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key;
      guint64 index;
      char *end = NULL;

      if (g_str_has_prefix (name, "pupils."))
        {
          index = g_ascii_strtoull (name + strlen ("pupils."), &end, 10);
          if (end != NULL && *end == '.' && index < self->pupil_errors->len)
            {
              g_hash_table_replace (g_ptr_array_index (self->pupil_errors, index),
                                    g_strdup (end + 1), g_strdup (value));
              about_pupils = TRUE;
              continue;
            }
        }
      if (g_str_equal (name, "email_confirmation"))
        error_row_set (&self->email_error, GTK_WIDGET (self->email_row), value);
      else if (g_str_equal (name, "antispam_answer") || g_str_equal (name, "antispam_id"))
        {
          error_row_set (&self->answer_error, GTK_WIDGET (self->answer_row), value);
          about_question = TRUE;
        }
      else if (g_str_equal (name, "consent"))
        error_row_set (&self->consent_error, GTK_WIDGET (self->consent_row), value);
      else
        general = value;
    }

  /* The server spent the question: ask for another. */
  if (about_question)
    fetch_question (self);

  if (about_pupils)
    {
      rebuild_list (self);
      set_message (self->list_message_box, self->list_message_label,
                   general != NULL ? general
                   : _("The school could not accept the request as it is. Correct what is shown below, "
                       "then go on to the confirmation again."));
      gtk_stack_set_visible_child_name (self->stack, "list");
      for (guint i = 0; i < self->pupil_errors->len && focus == NULL; i++)
        if (g_hash_table_size (g_ptr_array_index (self->pupil_errors, i)) > 0)
          focus = adw_preferences_group_get_header_suffix (g_ptr_array_index (self->pupil_groups, i));
      if (focus != NULL)
        gtk_widget_grab_focus (gtk_widget_get_first_child (focus));
      return;
    }

  set_message (self->confirm_message_box, self->confirm_message_label, general);
  if (self->email_error.message != NULL)
    focus = GTK_WIDGET (self->email_row);
  else if (self->answer_error.message != NULL)
    focus = GTK_WIDGET (self->answer_row);
  else if (self->consent_error.message != NULL)
    focus = GTK_WIDGET (self->consent_check);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
submit_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TuttiPreenrolmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiPreenrolment) saved = NULL;

  saved = tutti_client_submit_preenrolment_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;

  set_busy (self, FALSE);

  if (saved != NULL)
    {
      g_clear_pointer (&self->saved, tutti_preenrolment_free);
      self->saved = g_steal_pointer (&saved);
      show_done (self);
      g_signal_emit (self, signals[SUBMITTED], 0, self->saved);
      return;
    }

  g_debug ("Sending the pre-enrolment request: %s", error->message);

  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
    return;   /* the window goes back to the login page, and this dialog closes */

  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID))
    {
      GHashTable *fields = tutti_api_error_get_fields (error);

      if (fields != NULL && g_hash_table_size (fields) > 0)
        {
          set_message (self->confirm_message_box, self->confirm_message_label, NULL);
          show_refusal (self, fields);
          update_save_sensitive (self);
          return;
        }
    }

  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_CAMPAIGN_CLOSED))
    {
      set_message (self->confirm_message_box, self->confirm_message_label,
                   _("The pre-enrolment campaign is closed: the request cannot be sent. "
                     "Only the school can now take a request, by phone or at the office."));
      return;
    }

  /* The server could not be reached, or failed: try again with the same
   * key, which cannot save the request twice. */
  {
    AdwToast *toast = adw_toast_new (_("The request could not be sent"));

    set_message (self->confirm_message_box, self->confirm_message_label, error->message);
    adw_toast_set_button_label (toast, _("_Retry"));
    adw_toast_set_action_name (toast, "preenrolment.save");
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TuttiPreenrolmentDialog *self = TUTTI_PREENROLMENT_DIALOG (widget);
  const TuttiField *email_field = tutti_schema_lookup (&tutti_preenrolment_schema, "email_confirmation");
  g_autoptr(TuttiPreenrolment) request = NULL;
  g_autofree char *email = NULL;
  g_autofree char *message = NULL;

  if (self->busy || !confirm_is_complete (self))
    return;

  /* The e-mail's own rule first, as core checks it. */
  email = get_entry_text (GTK_WIDGET (self->email_row));
  message = tutti_field_check_text (email_field, email, self->lang);
  error_row_set (&self->email_error, GTK_WIDGET (self->email_row), message);
  if (message != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
      return;
    }

  request = tutti_preenrolment_new ();
  for (guint i = 0; i < self->pupils->len; i++)
    g_ptr_array_add (request->pupils, tutti_new_pupil_copy (g_ptr_array_index (self->pupils, i)));
  request->email_confirmation = g_steal_pointer (&email);
  request->antispam_id = g_strdup (self->question->id);
  request->antispam_answer = get_entry_text (GTK_WIDGET (self->answer_row));
  request->consent = gtk_check_button_get_active (self->consent_check);

  set_message (self->confirm_message_box, self->confirm_message_label, NULL);
  set_busy (self, TRUE);
  tutti_client_submit_preenrolment_async (self->client, request, self->idempotency_key,
                                          self->cancellable, submit_cb, g_object_ref (self));
}

/* ---- Loading the offer ---------------------------------------------------------------- */

static void
show_list (TuttiPreenrolmentDialog *self)
{
  g_autofree char *subtitle = NULL;

  if (!tutti_is_blank (self->offer->school_year))
    /* Translators: %s is a school year, such as 2027/2028 */
    subtitle = g_strdup_printf (_("School year %s"), self->offer->school_year);
  adw_window_title_set_subtitle (self->list_title, subtitle);
  rebuild_list (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
get_offer_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TuttiPreenrolmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiOffer) offer = NULL;

  offer = tutti_client_get_offer_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;

  g_clear_handle_id (&self->loading_spinner_id, g_source_remove);
  gtk_spinner_stop (self->loading_spinner);

  if (offer == NULL)
    {
      g_debug ("Loading the offer: %s", error->message);
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_CAMPAIGN_CLOSED))
        {
          adw_status_page_set_icon_name (self->error_page, "x-office-calendar-symbolic");
          adw_status_page_set_title (self->error_page, _("Pre-enrolment Is Closed"));
          adw_status_page_set_description (self->error_page,
                                           _("The school is not taking pre-enrolment requests at the moment."));
          gtk_widget_set_visible (GTK_WIDGET (self->error_retry_button), FALSE);
        }
      else
        {
          adw_status_page_set_icon_name (self->error_page, "network-error-symbolic");
          adw_status_page_set_title (self->error_page, _("Could Not Load the School’s Offer"));
          adw_status_page_set_description (self->error_page, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_retry_button), TRUE);
        }
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_clear_pointer (&self->offer, tutti_offer_free);
  self->offer = g_steal_pointer (&offer);
  g_hash_table_remove_all (self->items_by_id);
  for (guint i = 0; i < self->offer->items->len; i++)
    {
      TuttiOfferItem *item = g_ptr_array_index (self->offer->items, i);

      g_hash_table_insert (self->items_by_id, &item->id, item);
    }
  show_list (self);
}

static gboolean
start_loading_spinner_cb (gpointer user_data)
{
  TuttiPreenrolmentDialog *self = user_data;

  self->loading_spinner_id = 0;
  gtk_spinner_start (self->loading_spinner);
  return G_SOURCE_REMOVE;
}

static void
load_offer (TuttiPreenrolmentDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "loading");
  /* A spinner only when the wait is felt. */
  g_clear_handle_id (&self->loading_spinner_id, g_source_remove);
  self->loading_spinner_id = g_timeout_add (SPINNER_DELAY_MS, start_loading_spinner_cb, self);
  tutti_client_get_offer_async (self->client, self->cancellable, get_offer_cb, g_object_ref (self));
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  load_offer (TUTTI_PREENROLMENT_DIALOG (widget));
}

/* ---- Back, Escape, closing ------------------------------------------------------------ */

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TuttiPreenrolmentDialog *self = TUTTI_PREENROLMENT_DIALOG (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "pupil") == 0 || g_strcmp0 (page, "confirm") == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      gtk_widget_grab_focus (GTK_WIDGET (self->add_pupil_button));
    }
}

static void
escape_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TuttiPreenrolmentDialog *self = TUTTI_PREENROLMENT_DIALOG (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "pupil") == 0 || g_strcmp0 (page, "confirm") == 0)
    {
      if (!self->busy)
        back_activated (widget, NULL, NULL);
    }
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
discard_response_cb (TuttiPreenrolmentDialog *self,
                     const char              *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->force_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
tutti_preenrolment_dialog_close_request (GtkWindow *window)
{
  TuttiPreenrolmentDialog *self = TUTTI_PREENROLMENT_DIALOG (window);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  /* Pupils typed in and not sent: ask before they are lost. */
  if (!self->force_close && self->saved == NULL && self->pupils->len > 0 &&
      g_strcmp0 (page, "done") != 0)
    {
      AdwMessageDialog *dialog;

      dialog = tutti_question_new_discard (GTK_WIDGET (window), _("Discard This Request?"),
                                           _("The pupils added have not been sent to the "
                                             "school and will be lost."));
      g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (tutti_preenrolment_dialog_parent_class)->close_request (window);
}

static void
session_expired_cb (TuttiPreenrolmentDialog *self)
{
  self->force_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
tutti_preenrolment_dialog_dispose (GObject *object)
{
  TuttiPreenrolmentDialog *self = TUTTI_PREENROLMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  g_clear_handle_id (&self->loading_spinner_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_PREENROLMENT_DIALOG);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (tutti_preenrolment_dialog_parent_class)->dispose (object);
}

static void
tutti_preenrolment_dialog_finalize (GObject *object)
{
  TuttiPreenrolmentDialog *self = TUTTI_PREENROLMENT_DIALOG (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i].error);
  g_free (self->choices_error.message);
  g_free (self->email_error.message);
  g_free (self->answer_error.message);
  g_free (self->consent_error.message);
  forget_removed (self);
  g_clear_pointer (&self->offer, tutti_offer_free);
  g_clear_pointer (&self->items_by_id, g_hash_table_unref);
  g_clear_pointer (&self->pupils, g_ptr_array_unref);
  g_clear_pointer (&self->pupil_errors, g_ptr_array_unref);
  g_clear_pointer (&self->pupil_groups, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, g_array_unref);
  g_clear_pointer (&self->birth_date, g_free);
  g_clear_pointer (&self->discipline_names, g_ptr_array_unref);
  g_clear_pointer (&self->item_rows, g_hash_table_unref);
  g_clear_pointer (&self->item_checks, g_hash_table_unref);
  g_clear_pointer (&self->item_row_list, g_ptr_array_unref);
  g_clear_pointer (&self->chosen_rows, g_ptr_array_unref);
  g_clear_pointer (&self->question, tutti_antispam_question_free);
  g_clear_pointer (&self->idempotency_key, g_free);
  g_clear_pointer (&self->saved, tutti_preenrolment_free);

  G_OBJECT_CLASS (tutti_preenrolment_dialog_parent_class)->finalize (object);
}

static void
tutti_preenrolment_dialog_class_init (TuttiPreenrolmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tutti_preenrolment_dialog_dispose;
  object_class->finalize = tutti_preenrolment_dialog_finalize;
  window_class->close_request = tutti_preenrolment_dialog_close_request;

  /**
   * TuttiPreenrolmentDialog::submitted:
   * @preenrolment: the request as the server saved it
   *
   * The server has saved the request (PRE-4).
   */
  signals[SUBMITTED] =
    g_signal_new ("submitted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  tutti_preenrolment_get_type () | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_install_action (widget_class, "preenrolment.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "preenrolment.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "preenrolment.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "preenrolment.escape", NULL, escape_activated);
  gtk_widget_class_install_action (widget_class, "preenrolment.add-pupil", NULL, add_pupil_activated);
  gtk_widget_class_install_action (widget_class, "preenrolment.save-pupil", NULL, save_pupil_activated);
  gtk_widget_class_install_action (widget_class, "preenrolment.edit-pupil", "u", edit_pupil_activated);
  gtk_widget_class_install_action (widget_class, "preenrolment.remove-pupil", "u", remove_pupil_activated);
  gtk_widget_class_install_action (widget_class, "preenrolment.undo-remove", NULL, undo_remove_activated);
  gtk_widget_class_install_action (widget_class, "preenrolment.new-question", NULL, new_question_activated);
  gtk_widget_class_install_action (widget_class, "preenrolment.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "preenrolment.escape", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/tutti/Tutti/ui/tutti-preenrolment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, error_retry_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, list_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, list_message_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, list_message_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, empty_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, pupils_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, add_pupil_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, pupil_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, pupil_back_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, pupil_done_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, pupil_scroll);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, identity_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, choices_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, discipline_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, items_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, chosen_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, confirm_back_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, confirm_scroll);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, confirm_message_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, confirm_message_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, email_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, question_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, answer_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, question_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, question_retry_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, notice_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, consent_group);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, consent_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, consent_check);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, save_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, done_summary_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiPreenrolmentDialog, close_button);
  gtk_widget_class_bind_template_callback (widget_class, discipline_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, email_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, answer_activated_cb);
}

static void
tutti_preenrolment_dialog_init (TuttiPreenrolmentDialog *self)
{
  GtkEventController *focus;

  self->cancellable = g_cancellable_new ();
  self->lang = TUTTI_LANG_EN;
  self->editing = -1;
  self->items_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->pupils = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_new_pupil_free);
  self->pupil_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  self->pupil_groups = g_ptr_array_new ();
  self->chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->discipline_names = g_ptr_array_new_with_free_func (g_free);
  self->item_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->item_checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->item_row_list = g_ptr_array_new ();
  self->chosen_rows = g_ptr_array_new ();
  /* One key for the request, whatever the tries (API.md). */
  self->idempotency_key = g_uuid_string_random ();

  gtk_widget_init_template (GTK_WIDGET (self));

  error_row_init (&self->email_error);
  adw_preferences_group_add (self->email_group, self->email_error.row);
  error_row_init (&self->answer_error);
  adw_preferences_group_add (self->question_group, self->answer_error.row);
  error_row_init (&self->consent_error);
  adw_preferences_group_add (self->consent_group, self->consent_error.row);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (email_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->email_row), focus);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preenrolment.next", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preenrolment.save", FALSE);
}

TuttiPreenrolmentDialog *
tutti_preenrolment_dialog_new (GtkWindow   *parent,
                               TuttiClient *client)
{
  TuttiPreenrolmentDialog *self;
  const TuttiField *email_field;
  g_autofree char *email_title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TUTTI_IS_CLIENT (client), NULL);

  self = g_object_new (TUTTI_TYPE_PREENROLMENT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->client = g_object_ref (client);
  self->lang = tutti_client_get_lang (client);
  g_signal_connect_object (client, "session-expired", G_CALLBACK (session_expired_cb),
                           self, G_CONNECT_SWAPPED);

  build_identity (self);
  rebuild_chosen (self);

  /* Core's label; the group's description asks for it again. */
  email_field = tutti_schema_lookup (&tutti_preenrolment_schema, "email_confirmation");
  email_title = g_strdup_printf ("%s *", _("E-mail"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->email_row), email_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->email_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field_label (self, email_field),
                                  -1);
  show_question (self);

  load_offer (self);

  return self;
}

/* ---- For the UI test ------------------------------------------------------------------ */

const char *
tutti_preenrolment_dialog_get_page_name (TuttiPreenrolmentDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const TuttiOffer *
tutti_preenrolment_dialog_get_offer (TuttiPreenrolmentDialog *self)
{
  return self->offer;
}

GtkButton *
tutti_preenrolment_dialog_get_add_pupil_button (TuttiPreenrolmentDialog *self)
{
  return self->add_pupil_button;
}

GtkButton *
tutti_preenrolment_dialog_get_next_button (TuttiPreenrolmentDialog *self)
{
  return self->next_button;
}

GtkButton *
tutti_preenrolment_dialog_get_pupil_done_button (TuttiPreenrolmentDialog *self)
{
  return self->pupil_done_button;
}

GtkButton *
tutti_preenrolment_dialog_get_back_button (TuttiPreenrolmentDialog *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "pupil") == 0
         ? self->pupil_back_button : self->confirm_back_button;
}

GtkWidget *
tutti_preenrolment_dialog_get_field_row (TuttiPreenrolmentDialog *self,
                                         const char              *key)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_keys[i], key) == 0)
      return self->fields[i].row;
  if (g_strcmp0 (key, "email_confirmation") == 0)
    return GTK_WIDGET (self->email_row);
  if (g_strcmp0 (key, "antispam_answer") == 0)
    return GTK_WIDGET (self->answer_row);
  if (g_strcmp0 (key, "consent") == 0)
    return GTK_WIDGET (self->consent_check);
  if (g_strcmp0 (key, "choices") == 0)
    return GTK_WIDGET (self->discipline_row);
  return NULL;
}

const char *
tutti_preenrolment_dialog_get_field_error (TuttiPreenrolmentDialog *self,
                                           const char              *key)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_keys[i], key) == 0)
      return self->fields[i].error;
  if (g_strcmp0 (key, "choices") == 0)
    return self->choices_error.message;
  if (g_strcmp0 (key, "email_confirmation") == 0)
    return self->email_error.message;
  if (g_strcmp0 (key, "antispam_answer") == 0)
    return self->answer_error.message;
  if (g_strcmp0 (key, "consent") == 0)
    return self->consent_error.message;
  return NULL;
}

const char *
tutti_preenrolment_dialog_get_age_text (TuttiPreenrolmentDialog *self)
{
  return adw_preferences_group_get_description (self->choices_group);
}

AdwComboRow *
tutti_preenrolment_dialog_get_discipline_row (TuttiPreenrolmentDialog *self)
{
  return self->discipline_row;
}

gboolean
tutti_preenrolment_dialog_offers_discipline (TuttiPreenrolmentDialog *self,
                                             const char              *discipline)
{
  for (guint i = 0; i < self->discipline_names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->discipline_names, i), discipline) == 0)
      return TRUE;
  return FALSE;
}

gboolean
tutti_preenrolment_dialog_select_discipline (TuttiPreenrolmentDialog *self,
                                             const char              *discipline)
{
  GListModel *model = adw_combo_row_get_model (self->discipline_row);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (i > 0 && g_strcmp0 (gtk_string_object_get_string (item), discipline) == 0)
        {
          adw_combo_row_set_selected (self->discipline_row, i);
          return TRUE;
        }
    }
  return FALSE;
}

GtkWidget *
tutti_preenrolment_dialog_get_item_row (TuttiPreenrolmentDialog *self,
                                        gint64                   offer_id)
{
  return g_hash_table_lookup (self->item_rows, &offer_id);
}

GtkCheckButton *
tutti_preenrolment_dialog_get_item_check (TuttiPreenrolmentDialog *self,
                                          gint64                   offer_id)
{
  return g_hash_table_lookup (self->item_checks, &offer_id);
}

guint
tutti_preenrolment_dialog_get_n_chosen (TuttiPreenrolmentDialog *self)
{
  return self->chosen->len;
}

guint
tutti_preenrolment_dialog_get_n_pupils (TuttiPreenrolmentDialog *self)
{
  return self->pupils->len;
}

const TuttiNewPupil *
tutti_preenrolment_dialog_get_pupil (TuttiPreenrolmentDialog *self,
                                     guint                    index)
{
  return index < self->pupils->len ? g_ptr_array_index (self->pupils, index) : NULL;
}

AdwPreferencesGroup *
tutti_preenrolment_dialog_get_pupil_group (TuttiPreenrolmentDialog *self,
                                           guint                    index)
{
  return index < self->pupil_groups->len ? g_ptr_array_index (self->pupil_groups, index) : NULL;
}

AdwEntryRow *
tutti_preenrolment_dialog_get_email_row (TuttiPreenrolmentDialog *self)
{
  return self->email_row;
}

AdwEntryRow *
tutti_preenrolment_dialog_get_answer_row (TuttiPreenrolmentDialog *self)
{
  return self->answer_row;
}

GtkCheckButton *
tutti_preenrolment_dialog_get_consent_check (TuttiPreenrolmentDialog *self)
{
  return self->consent_check;
}

GtkButton *
tutti_preenrolment_dialog_get_save_button (TuttiPreenrolmentDialog *self)
{
  return self->save_button;
}

const char *
tutti_preenrolment_dialog_get_notice (TuttiPreenrolmentDialog *self)
{
  return gtk_label_get_label (self->notice_label);
}

const char *
tutti_preenrolment_dialog_get_question (TuttiPreenrolmentDialog *self)
{
  return self->question != NULL ? self->question->question : NULL;
}

gboolean
tutti_preenrolment_dialog_get_busy (TuttiPreenrolmentDialog *self)
{
  return self->busy || self->question_loading;
}

const char *
tutti_preenrolment_dialog_get_message (TuttiPreenrolmentDialog *self)
{
  if (gtk_widget_get_visible (self->confirm_message_box))
    return gtk_label_get_label (self->confirm_message_label);
  if (gtk_widget_get_visible (self->list_message_box))
    return gtk_label_get_label (self->list_message_label);
  return NULL;
}

const char *
tutti_preenrolment_dialog_get_done_text (TuttiPreenrolmentDialog *self)
{
  return adw_status_page_get_description (self->done_page);
}

const TuttiPreenrolment *
tutti_preenrolment_dialog_get_saved (TuttiPreenrolmentDialog *self)
{
  return self->saved;
}
