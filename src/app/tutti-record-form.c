/* tutti-record-form.c — an identity form built from a core schema
 *
 * The family's and the pupils' identity forms (FAM-1, PUP-2) are this one
 * widget, walking the core schema of a guardian or a pupil: a row per field
 * a family may change (TUTTI_FIELD_FLAG_EDITABLE) with core's label —
 * AdwEntryRow for text and dates, AdwComboRow for choices, a switch for
 * yes/no, two radio buttons for a question left unanswered until now
 * (image rights). Required fields carry a visible "*" and are announced as
 * required; each field is checked with core's rule as it is typed, its
 * message under it. A field awaiting the office's validation shows the
 * value asked for and a marker saying so; a refused change shows why.
 * The form sends nothing itself: the view asks it for the changed fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tutti-record-form.h"

typedef enum
{
  WIDGET_ENTRY,
  WIDGET_DATE,
  WIDGET_COMBO,
  WIDGET_SWITCH,
  WIDGET_CHOICE,   /* radio buttons, none active until answered */
} WidgetKind;

typedef struct
{
  const TuttiField   *field;
  WidgetKind          kind;
  GtkWidget          *row;
  GtkWidget          *control;       /* the switch */
  GPtrArray          *checks;        /* WIDGET_CHOICE: a check per value from 1 */
  GtkWidget          *status_icon;   /* in the row: awaiting, refused */
  GtkWidget          *marker_row;
  GtkWidget          *marker_box;
  GtkImage           *marker_icon;
  GtkLabel           *marker_label;
  GtkWidget          *error_row;
  GtkLabel           *error_label;
  AdwPreferencesGroup *group;

  char               *baseline;      /* what set_record() showed, text form */
  char               *current;       /* the record's value, text form */
  TuttiPendingChange *change;        /* pending or refused, or NULL */
  char               *error;
  char               *marker;
  gboolean            locked;
} FormField;

struct _TuttiRecordForm
{
  AdwBin             parent_instance;

  const TuttiSchema *schema;
  TuttiLang          lang;
  GtkBox            *box;
  GPtrArray         *fields;         /* FormField */
  GHashTable        *sections;       /* key → AdwPreferencesGroup */
  guint              updating;       /* > 0: values set by the form itself */
};

G_DEFINE_FINAL_TYPE (TuttiRecordForm, tutti_record_form, ADW_TYPE_BIN)

enum {
  FIELD_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
form_field_free (gpointer data)
{
  FormField *f = data;

  g_clear_pointer (&f->checks, g_ptr_array_unref);
  g_clear_pointer (&f->change, tutti_pending_change_free);
  g_free (f->baseline);
  g_free (f->current);
  g_free (f->error);
  g_free (f->marker);
  g_free (f);
}

static FormField *
find_field (TuttiRecordForm *self,
            const char      *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *f = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (f->field->key, key) == 0)
        return f;
    }

  return NULL;
}

static const char *
field_label (TuttiRecordForm *self,
             FormField       *f)
{
  return tutti_text_get (&f->field->label, self->lang);
}

/* ---- Values ---------------------------------------------------------------- */

static const char *
entry_text (FormField *f)
{
  return gtk_editable_get_text (GTK_EDITABLE (f->row));
}

/* The value in the text form, or NULL when it cannot be read. */
static char *
field_get_text (TuttiRecordForm *self,
                FormField       *f)
{
  switch (f->kind)
    {
    case WIDGET_ENTRY:
      return g_strstrip (g_strdup (entry_text (f)));

    case WIDGET_DATE:
      if (tutti_is_blank (entry_text (f)))
        return g_strdup ("");
      return tutti_date_from_display (entry_text (f), self->lang);

    case WIDGET_COMBO:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (f->row));
        const char *nick = tutti_enum_to_nick (f->field->enum_type,
                                               selected == GTK_INVALID_LIST_POSITION ? 0 : (int) selected);

        return g_strdup (nick != NULL ? nick : "");
      }

    case WIDGET_SWITCH:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (f->control)) ? "true" : "false");

    case WIDGET_CHOICE:
    default:
      for (guint i = 0; i < f->checks->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (f->checks, i)))
          return g_strdup (tutti_enum_to_nick (f->field->enum_type, (int) i + 1));
      return g_strdup ("");
    }
}

static void
field_set_text (TuttiRecordForm *self,
                FormField       *f,
                const char      *text)
{
  self->updating++;

  switch (f->kind)
    {
    case WIDGET_ENTRY:
      gtk_editable_set_text (GTK_EDITABLE (f->row), text);
      break;

    case WIDGET_DATE:
      {
        g_autofree char *display = tutti_format_date (text, self->lang);

        /* A date core cannot read is shown as it came. */
        gtk_editable_set_text (GTK_EDITABLE (f->row), *display != '\0' ? display : text);
      }
      break;

    case WIDGET_COMBO:
      {
        int value = tutti_enum_from_nick (f->field->enum_type, text);

        adw_combo_row_set_selected (ADW_COMBO_ROW (f->row), value >= 0 ? (guint) value : 0);
      }
      break;

    case WIDGET_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (f->control), g_strcmp0 (text, "true") == 0);
      break;

    case WIDGET_CHOICE:
    default:
      {
        int value = tutti_enum_from_nick (f->field->enum_type, text);

        for (guint i = 0; i < f->checks->len; i++)
          gtk_check_button_set_active (g_ptr_array_index (f->checks, i), value == (int) i + 1);
      }
      break;
    }

  self->updating--;
}

static gboolean
field_is_changed (TuttiRecordForm *self,
                  FormField       *f)
{
  g_autofree char *text = field_get_text (self, f);

  /* A date not understood differs from anything. */
  return text == NULL || g_strcmp0 (text, f->baseline) != 0;
}

/* ---- Messages --------------------------------------------------------------- */

static void
update_description (TuttiRecordForm *self,
                    FormField       *f)
{
  g_autoptr(GString) description = g_string_new (NULL);
  GtkAccessible *targets[2] = { GTK_ACCESSIBLE (f->row), NULL };

  if (f->error != NULL)
    g_string_append (description, f->error);
  if (f->marker != NULL)
    g_string_append_printf (description, "%s%s", description->len > 0 ? " " : "", f->marker);

  /* An entry row is read through its text. */
  if (f->kind == WIDGET_ENTRY || f->kind == WIDGET_DATE)
    targets[1] = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (f->row)));

  for (guint i = 0; i < G_N_ELEMENTS (targets) && targets[i] != NULL; i++)
    {
      gtk_accessible_update_state (targets[i],
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   f->error != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
      if (description->len > 0)
        gtk_accessible_update_property (targets[i],
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                        -1);
      else
        gtk_accessible_reset_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Takes @message (nullable). */
static void
field_set_error (TuttiRecordForm *self,
                 FormField       *f,
                 char            *message)
{
  g_free (f->error);
  f->error = message;

  gtk_label_set_label (f->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (f->error_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (f->row, "error");
  else
    gtk_widget_remove_css_class (f->row, "error");

  update_description (self, f);
}

/* Core's rule for the value typed; a date must be one core understands. */
static char *
field_check (TuttiRecordForm *self,
             FormField       *f)
{
  g_autofree char *text = field_get_text (self, f);

  if (f->locked)
    return NULL;
  if (text == NULL)
    /* Translators: the example is a date as people type it in the form */
    return g_strdup (_("Enter a date like 31/10/2016."));
  return tutti_field_check_text (f->field, text, self->lang);
}

/* A value as the form shows it: a choice left unset by the label of its
 * unset value ("Not answered") rather than "(empty)". */
static char *
format_value (TuttiRecordForm *self,
              FormField       *f,
              const char      *text)
{
  if ((text == NULL || *text == '\0') && f->field->kind == TUTTI_FIELD_ENUM &&
      *tutti_enum_to_label (f->field->enum_type, 0, self->lang) != '\0')
    return g_strdup (tutti_enum_to_label (f->field->enum_type, 0, self->lang));
  if ((text == NULL || *text == '\0') && f->kind == WIDGET_COMBO)
    return g_strdup (_("Not specified"));
  return tutti_field_format_text (f->field, text, self->lang);
}

static void
update_marker (TuttiRecordForm *self,
               FormField       *f)
{
  TuttiPendingChange *change = f->change;
  g_autofree char *text = NULL;
  const char *icon_name = NULL;
  const char *style = NULL;

  if (change != NULL && change->state == TUTTI_CHANGE_PENDING)
    {
      g_autofree char *current = format_value (self, f, f->current);

      /* Translators: under a field whose change the office has not validated
       * yet; %s is the value the field keeps until then */
      text = g_strdup_printf (_("Awaiting validation by the office. Current value: %s"), current);
      icon_name = "document-open-recent-symbolic";
      style = "accent";
    }
  else if (change != NULL && change->state == TUTTI_CHANGE_REFUSED)
    {
      g_autofree char *asked = format_value (self, f, change->new_value);

      if (change->reason != NULL && *change->reason != '\0')
        /* Translators: the first %s is the value asked for, the second the
         * office's reason */
        text = g_strdup_printf (_("The office refused “%s”: %s"), asked, change->reason);
      else
        /* Translators: %s is the value asked for */
        text = g_strdup_printf (_("The office refused “%s”."), asked);
      icon_name = "dialog-warning-symbolic";
      style = "error";
    }

  g_free (f->marker);
  f->marker = g_steal_pointer (&text);

  gtk_widget_set_visible (f->marker_row, f->marker != NULL);
  gtk_widget_set_visible (f->status_icon, f->marker != NULL);
  gtk_widget_remove_css_class (f->marker_box, "accent");
  gtk_widget_remove_css_class (f->marker_box, "error");
  gtk_widget_remove_css_class (f->status_icon, "accent");
  gtk_widget_remove_css_class (f->status_icon, "error");
  if (f->marker != NULL)
    {
      gtk_label_set_label (f->marker_label, f->marker);
      gtk_image_set_from_icon_name (f->marker_icon, icon_name);
      gtk_image_set_from_icon_name (GTK_IMAGE (f->status_icon), icon_name);
      gtk_widget_set_tooltip_text (f->status_icon, f->marker);
      gtk_widget_add_css_class (f->marker_box, style);
      gtk_widget_add_css_class (f->status_icon, style);
    }

  update_description (self, f);
}

/* ---- Editing ---------------------------------------------------------------- */

static void
focus_field (FormField *f)
{
  if (f->kind == WIDGET_SWITCH)
    gtk_widget_grab_focus (f->control);
  else if (f->kind == WIDGET_CHOICE)
    gtk_widget_grab_focus (g_ptr_array_index (f->checks, 0));
  else
    gtk_widget_grab_focus (f->row);
}

static void
field_changed (TuttiRecordForm *self,
               FormField       *f)
{
  if (self->updating > 0)
    return;

  /* A message goes as soon as the value is right; an emptied required
   * field says so at once; other mistakes wait for the field to be left. */
  if (f->error != NULL || (f->field->flags & TUTTI_FIELD_FLAG_REQUIRED))
    {
      g_autofree char *message = field_check (self, f);
      g_autofree char *text = field_get_text (self, f);
      gboolean blank = text != NULL && *text == '\0';

      if (f->error != NULL || (message != NULL && blank))
        field_set_error (self, f, g_steal_pointer (&message));
    }

  g_signal_emit (self, signals[FIELD_CHANGED], g_quark_from_string (f->field->key), f->field->key);
}

static void
entry_changed_cb (GtkEditable *editable,
                  gpointer     user_data)
{
  TuttiRecordForm *self = g_object_get_data (G_OBJECT (editable), "tutti-form");

  field_changed (self, user_data);
}

static void
control_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  TuttiRecordForm *self = g_object_get_data (object, "tutti-form");
  FormField *f = user_data;

  /* Only the check turned on speaks for a choice. */
  if (GTK_IS_CHECK_BUTTON (object) && !gtk_check_button_get_active (GTK_CHECK_BUTTON (object)))
    return;
  field_changed (self, f);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  TuttiRecordForm *self = g_object_get_data (G_OBJECT (row), "tutti-form");
  FormField *f = user_data;

  if (field_is_changed (self, f) || f->error != NULL)
    field_set_error (self, f, field_check (self, f));
}

/* Enter goes on to the next field, as in the web portal's form. */
static void
entry_activated_cb (AdwEntryRow *row,
                    gpointer     user_data)
{
  TuttiRecordForm *self = g_object_get_data (G_OBJECT (row), "tutti-form");
  FormField *f = user_data;
  gboolean found = FALSE;

  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *next = g_ptr_array_index (self->fields, i);

      if (found && !next->locked)
        {
          focus_field (next);
          return;
        }
      found = found || next == f;
    }
}

/* ---- Building ---------------------------------------------------------------- */

static char *
row_title (TuttiRecordForm *self,
           FormField       *f)
{
  /* The visible mark of a required field; the row says it to assistive
   * technologies with GTK_ACCESSIBLE_PROPERTY_REQUIRED. */
  if (f->field->flags & TUTTI_FIELD_FLAG_REQUIRED)
    return g_strdup_printf ("%s *", field_label (self, f));
  return g_strdup (field_label (self, f));
}

static gboolean
enum_is_question (const TuttiEnum *enum_type,
                  TuttiLang        lang)
{
  /* "Not answered" then a few answers (image rights: yes, no): radio
   * buttons, none ticked until the family answers. */
  return enum_type->nicks[0] == NULL && enum_type->n_values <= 3 &&
         *tutti_enum_to_label (enum_type, 0, lang) != '\0';
}

static GtkWidget *
create_message_row (const char  *style,
                    GtkWidget  **box_out,
                    GtkImage   **icon_out,
                    GtkLabel   **label_out)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                 "activatable", FALSE,
                                 "focusable", FALSE,
                                 "visible", FALSE,
                                 NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *label = gtk_label_new (NULL);

  if (style != NULL)
    gtk_widget_add_css_class (box, style);
  else
    {
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
    }
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  if (style == NULL)
    gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  *box_out = box;
  *icon_out = GTK_IMAGE (icon);
  *label_out = GTK_LABEL (label);
  return row;
}

static void
create_field_rows (TuttiRecordForm     *self,
                   FormField           *f,
                   AdwPreferencesGroup *group)
{
  g_autofree char *title = row_title (self, f);
  const TuttiField *field = f->field;
  GtkEventController *focus;
  GtkWidget *error_box;
  GtkImage *error_icon;

  switch (field->kind)
    {
    case TUTTI_FIELD_ENUM:
      if (enum_is_question (field->enum_type, self->lang))
        {
          GtkCheckButton *first = NULL;
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

          f->kind = WIDGET_CHOICE;
          f->row = adw_action_row_new ();
          f->checks = g_ptr_array_new ();
          gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
          for (guint i = 1; i < field->enum_type->n_values; i++)
            {
              GtkWidget *check = gtk_check_button_new_with_label (tutti_enum_to_label (field->enum_type,
                                                                                       (int) i, self->lang));

              if (first != NULL)
                gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
              else
                first = GTK_CHECK_BUTTON (check);
              g_object_set_data (G_OBJECT (check), "tutti-form", self);
              g_signal_connect (check, "notify::active", G_CALLBACK (control_notify_cb), f);
              gtk_box_append (GTK_BOX (box), check);
              g_ptr_array_add (f->checks, check);
            }
          adw_action_row_add_suffix (ADW_ACTION_ROW (f->row), box);
        }
      else
        {
          g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

          f->kind = WIDGET_COMBO;
          for (guint i = 0; i < field->enum_type->n_values; i++)
            {
              const char *label = tutti_enum_to_label (field->enum_type, (int) i, self->lang);

              gtk_string_list_append (model, *label != '\0' ? label : _("Not specified"));
            }
          f->row = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (f->row), G_LIST_MODEL (model));
          g_object_set_data (G_OBJECT (f->row), "tutti-form", self);
          g_signal_connect (f->row, "notify::selected", G_CALLBACK (control_notify_cb), f);
        }
      break;

    case TUTTI_FIELD_BOOL:
      f->kind = WIDGET_SWITCH;
      f->row = adw_action_row_new ();
      f->control = gtk_switch_new ();
      gtk_widget_set_valign (f->control, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (f->row), f->control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (f->row), f->control);
      g_object_set_data (G_OBJECT (f->control), "tutti-form", self);
      g_signal_connect (f->control, "notify::active", G_CALLBACK (control_notify_cb), f);
      gtk_accessible_update_property (GTK_ACCESSIBLE (f->control),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, field_label (self, f),
                                      -1);
      break;

    case TUTTI_FIELD_DATE:
    case TUTTI_FIELD_STRING:
    case TUTTI_FIELD_INT:
    case TUTTI_FIELD_DATETIME:
    case TUTTI_FIELD_TIME:
    case TUTTI_FIELD_MINUTES:
    case TUTTI_FIELD_MONEY:
    case TUTTI_FIELD_DECIMAL:
    case TUTTI_FIELD_OBJECT:
    case TUTTI_FIELD_LIST:
    case TUTTI_FIELD_STRV:
    default:
      f->kind = field->kind == TUTTI_FIELD_DATE ? WIDGET_DATE : WIDGET_ENTRY;
      f->row = adw_entry_row_new ();
      g_object_set_data (G_OBJECT (f->row), "tutti-form", self);
      g_signal_connect (f->row, "changed", G_CALLBACK (entry_changed_cb), f);
      g_signal_connect (f->row, "entry-activated", G_CALLBACK (entry_activated_cb), f);
      if (field->check == TUTTI_CHECK_EMAIL)
        gtk_text_set_input_purpose (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (f->row))),
                                    GTK_INPUT_PURPOSE_EMAIL);
      else if (field->check == TUTTI_CHECK_PHONE)
        gtk_text_set_input_purpose (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (f->row))),
                                    GTK_INPUT_PURPOSE_PHONE);
      else if (field->check == TUTTI_CHECK_POSTCODE)
        gtk_text_set_input_purpose (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (f->row))),
                                    GTK_INPUT_PURPOSE_DIGITS);
      break;
    }

  gtk_widget_set_name (f->row, field->key);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (f->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), title);
  g_object_set_data (G_OBJECT (f->row), "tutti-form", self);

  /* Without the "*", and required when it is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field_label (self, f),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                  (field->flags & TUTTI_FIELD_FLAG_REQUIRED) != 0,
                                  -1);
  if (f->kind == WIDGET_ENTRY || f->kind == WIDGET_DATE)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (f->row))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, field_label (self, f),
                                    GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                    (field->flags & TUTTI_FIELD_FLAG_REQUIRED) != 0,
                                    -1);

  /* The marker of a change awaiting validation or refused, at a glance. */
  f->status_icon = g_object_new (GTK_TYPE_IMAGE,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                 "visible", FALSE,
                                 "valign", GTK_ALIGN_CENTER,
                                 NULL);
  if (f->kind == WIDGET_ENTRY || f->kind == WIDGET_DATE)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (f->row), f->status_icon);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (f->row), f->status_icon);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), f);
  gtk_widget_add_controller (f->row, focus);

  adw_preferences_group_add (group, f->row);

  f->marker_row = create_message_row (NULL, &f->marker_box, &f->marker_icon, &f->marker_label);
  adw_preferences_group_add (group, f->marker_row);

  f->error_row = create_message_row ("tutti-field-error", &error_box, &error_icon, &f->error_label);
  gtk_image_set_from_icon_name (error_icon, "dialog-error-symbolic");
  adw_preferences_group_add (group, f->error_row);

  f->group = group;
}

static void
build (TuttiRecordForm        *self,
       const TuttiFormSection *sections,
       guint                   n_sections)
{
  AdwPreferencesGroup *group = NULL;

  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->box));

  for (guint i = 0; i < self->schema->n_fields; i++)
    {
      const TuttiField *field = &self->schema->fields[i];
      FormField *f;

      if (!(field->flags & TUTTI_FIELD_FLAG_EDITABLE))
        continue;

      for (guint j = 0; j < n_sections; j++)
        if (g_strcmp0 (sections[j].key, field->key) == 0)
          {
            group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
            adw_preferences_group_set_title (group, sections[j].title);
            g_hash_table_insert (self->sections, g_strdup (field->key), group);
            gtk_box_append (self->box, GTK_WIDGET (group));
          }
      if (group == NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          gtk_box_append (self->box, GTK_WIDGET (group));
        }

      f = g_new0 (FormField, 1);
      f->field = field;
      f->baseline = g_strdup ("");
      f->current = g_strdup ("");
      g_ptr_array_add (self->fields, f);
      create_field_rows (self, f, group);
    }
}

/* ---- Public ------------------------------------------------------------------- */

GtkWidget *
tutti_record_form_new (const TuttiSchema      *schema,
                       const TuttiFormSection *sections,
                       guint                   n_sections,
                       TuttiLang               lang)
{
  TuttiRecordForm *self;

  g_return_val_if_fail (schema != NULL, NULL);

  self = g_object_new (TUTTI_TYPE_RECORD_FORM, NULL);
  self->schema = schema;
  self->lang = lang;
  build (self, sections, n_sections);

  return GTK_WIDGET (self);
}

static GPtrArray *
get_record_changes (const TuttiSchema *schema,
                    gconstpointer      record)
{
  const TuttiField *field = tutti_schema_lookup (schema, "pending_changes");

  if (field == NULL || field->kind != TUTTI_FIELD_LIST || field->schema != &tutti_pending_change_schema)
    return NULL;
  return G_STRUCT_MEMBER (GPtrArray *, record, field->offset);
}

void
tutti_record_form_set_record (TuttiRecordForm *self,
                              gconstpointer    record)
{
  GPtrArray *changes;

  g_return_if_fail (TUTTI_IS_RECORD_FORM (self));
  g_return_if_fail (record != NULL);

  changes = get_record_changes (self->schema, record);

  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *f = g_ptr_array_index (self->fields, i);
      const TuttiPendingChange *change = NULL;

      /* The latest change of the field the office has not accepted. */
      for (guint j = 0; changes != NULL && j < changes->len; j++)
        {
          const TuttiPendingChange *candidate = g_ptr_array_index (changes, j);

          if (g_strcmp0 (candidate->field, f->field->key) == 0 &&
              (candidate->state == TUTTI_CHANGE_PENDING || candidate->state == TUTTI_CHANGE_REFUSED) &&
              (change == NULL || change->state != TUTTI_CHANGE_PENDING ||
               candidate->state == TUTTI_CHANGE_PENDING))
            change = candidate;
        }

      g_free (f->current);
      f->current = tutti_record_get_text (self->schema, record, f->field->key);
      g_clear_pointer (&f->change, tutti_pending_change_free);
      if (change != NULL)
        f->change = tutti_pending_change_copy (change);

      /* What the family asked for stays in the field until the office decides. */
      g_free (f->baseline);
      if (change != NULL && change->state == TUTTI_CHANGE_PENDING)
        f->baseline = g_strdup (change->new_value != NULL ? change->new_value : "");
      else
        f->baseline = g_strdup (f->current);

      field_set_text (self, f, f->baseline);
      field_set_error (self, f, NULL);
      update_marker (self, f);
    }
}

void
tutti_record_form_set_section_description (TuttiRecordForm *self,
                                           const char      *key,
                                           const char      *description)
{
  AdwPreferencesGroup *group;

  g_return_if_fail (TUTTI_IS_RECORD_FORM (self));

  group = g_hash_table_lookup (self->sections, key);
  g_return_if_fail (group != NULL);
  adw_preferences_group_set_description (group, description);
}

char *
tutti_record_form_get_value (TuttiRecordForm *self,
                             const char      *key)
{
  FormField *f;

  g_return_val_if_fail (TUTTI_IS_RECORD_FORM (self), NULL);

  f = find_field (self, key);
  g_return_val_if_fail (f != NULL, NULL);
  return field_get_text (self, f);
}

void
tutti_record_form_set_value (TuttiRecordForm *self,
                             const char      *key,
                             const char      *text)
{
  FormField *f;

  g_return_if_fail (TUTTI_IS_RECORD_FORM (self));

  f = find_field (self, key);
  g_return_if_fail (f != NULL);

  field_set_text (self, f, text != NULL ? text : "");
  field_set_error (self, f, NULL);
  g_signal_emit (self, signals[FIELD_CHANGED], g_quark_from_string (f->field->key), f->field->key);
}

void
tutti_record_form_set_locked (TuttiRecordForm *self,
                              const char      *key,
                              gboolean         locked)
{
  FormField *f;

  g_return_if_fail (TUTTI_IS_RECORD_FORM (self));

  f = find_field (self, key);
  g_return_if_fail (f != NULL);

  f->locked = locked;
  gtk_widget_set_sensitive (f->row, !locked);
  if (locked)
    field_set_error (self, f, NULL);
}

void
tutti_record_form_set_busy (TuttiRecordForm *self,
                            gboolean         busy,
                            GtkWidget       *focus_to)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (TUTTI_IS_RECORD_FORM (self));

  /* A text made insensitive while focused would never hear that it lost
   * the focus: move it out first. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (busy && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    {
      if (focus_to == NULL || !gtk_widget_grab_focus (focus_to))
        gtk_root_set_focus (root, NULL);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), !busy);
}

gboolean
tutti_record_form_has_changes (TuttiRecordForm *self)
{
  g_return_val_if_fail (TUTTI_IS_RECORD_FORM (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    if (field_is_changed (self, g_ptr_array_index (self->fields, i)))
      return TRUE;

  return FALSE;
}

gboolean
tutti_record_form_validate (TuttiRecordForm *self)
{
  FormField *first = NULL;

  g_return_val_if_fail (TUTTI_IS_RECORD_FORM (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *f = g_ptr_array_index (self->fields, i);
      char *message = field_check (self, f);

      if (message != NULL && first == NULL)
        first = f;
      field_set_error (self, f, message);
    }

  if (first != NULL)
    focus_field (first);

  return first == NULL;
}

GPtrArray *
tutti_record_form_get_changes (TuttiRecordForm *self)
{
  GPtrArray *changes;

  g_return_val_if_fail (TUTTI_IS_RECORD_FORM (self), NULL);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) tutti_pending_change_free);
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *f = g_ptr_array_index (self->fields, i);
      g_autofree char *text = field_get_text (self, f);
      TuttiPendingChange *change;

      if (text == NULL || g_strcmp0 (text, f->baseline) == 0)
        continue;

      change = tutti_pending_change_new ();
      change->field = g_strdup (f->field->key);
      change->new_value = g_steal_pointer (&text);
      g_ptr_array_add (changes, change);
    }

  return changes;
}

gboolean
tutti_record_form_show_errors (TuttiRecordForm *self,
                               GHashTable      *errors)
{
  FormField *first = NULL;

  g_return_val_if_fail (TUTTI_IS_RECORD_FORM (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *f = g_ptr_array_index (self->fields, i);
      const char *message = errors != NULL ? g_hash_table_lookup (errors, f->field->key) : NULL;

      field_set_error (self, f, g_strdup (message));
      if (message != NULL && first == NULL)
        first = f;
    }

  if (first != NULL)
    focus_field (first);

  return first != NULL;
}

guint
tutti_record_form_count_pending (TuttiRecordForm *self)
{
  guint count = 0;

  g_return_val_if_fail (TUTTI_IS_RECORD_FORM (self), 0);

  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *f = g_ptr_array_index (self->fields, i);

      if (f->change != NULL && f->change->state == TUTTI_CHANGE_PENDING)
        count++;
    }

  return count;
}

guint
tutti_record_form_count_refused (TuttiRecordForm *self)
{
  guint count = 0;

  g_return_val_if_fail (TUTTI_IS_RECORD_FORM (self), 0);

  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *f = g_ptr_array_index (self->fields, i);

      if (f->change != NULL && f->change->state == TUTTI_CHANGE_REFUSED)
        count++;
    }

  return count;
}

GtkWidget *
tutti_record_form_get_row (TuttiRecordForm *self,
                           const char      *key)
{
  FormField *f;

  g_return_val_if_fail (TUTTI_IS_RECORD_FORM (self), NULL);

  f = find_field (self, key);
  return f != NULL ? f->row : NULL;
}

const char *
tutti_record_form_get_error (TuttiRecordForm *self,
                             const char      *key)
{
  FormField *f;

  g_return_val_if_fail (TUTTI_IS_RECORD_FORM (self), NULL);

  f = find_field (self, key);
  return f != NULL && gtk_widget_get_visible (f->error_row) ? f->error : NULL;
}

const char *
tutti_record_form_get_marker (TuttiRecordForm *self,
                              const char      *key)
{
  FormField *f;

  g_return_val_if_fail (TUTTI_IS_RECORD_FORM (self), NULL);

  f = find_field (self, key);
  return f != NULL && gtk_widget_get_visible (f->marker_row) ? f->marker : NULL;
}

/* ---- After saving ------------------------------------------------------------- */

AdwMessageDialog *
tutti_record_form_present_saved_dialog (GtkWidget *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Changes Recorded"),
                                                       _("Your changes have been recorded and an acknowledgement "
                                                         "has been sent to your mailbox. They will apply once the "
                                                         "administrative staff of the school have validated them.")));
  adw_message_dialog_add_response (dialog, "ok", _("_OK"));
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "ok");
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

char *
tutti_record_form_format_pending_banner (const char * const *names)
{
  guint n = names != NULL ? g_strv_length ((char **) names) : 0;

  if (n == 0)
    return NULL;
  if (n == 1)
    /* Translators: %s is a person's name, such as “Z-TEST Essai” */
    return g_strdup_printf (_("The record of %s is awaiting validation by the administrative staff."),
                            names[0]);
  if (n == 2)
    /* Translators: each %s is a person's name */
    return g_strdup_printf (_("The records of %s and %s are awaiting validation by the administrative staff."),
                            names[0], names[1]);
  return g_strdup (_("Your records are awaiting validation by the administrative staff."));
}

/* ---- GObject ------------------------------------------------------------------ */

static void
tutti_record_form_dispose (GObject *object)
{
  TuttiRecordForm *self = TUTTI_RECORD_FORM (object);

  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (tutti_record_form_parent_class)->dispose (object);
}

static void
tutti_record_form_finalize (GObject *object)
{
  TuttiRecordForm *self = TUTTI_RECORD_FORM (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_hash_table_unref);

  G_OBJECT_CLASS (tutti_record_form_parent_class)->finalize (object);
}

static void
tutti_record_form_class_init (TuttiRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tutti_record_form_dispose;
  object_class->finalize = tutti_record_form_finalize;

  /**
   * TuttiRecordForm::field-changed:
   * @key: the field's key, also the signal's detail
   *
   * A person changed a field (or tutti_record_form_set_value() did).
   */
  signals[FIELD_CHANGED] =
    g_signal_new ("field-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tutti_record_form_init (TuttiRecordForm *self)
{
  self->fields = g_ptr_array_new_with_free_func (form_field_free);
  self->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
