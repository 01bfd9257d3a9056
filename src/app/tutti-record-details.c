/* tutti-record-details.c — any core record's fields as people read them
 *
 * Walks the record's core schema: the labels are core's, in the user's
 * language, and each kind of value is formatted by core (dates "13/09/2021",
 * durations "01:15", marks "12,50"…), so that a course sheet, an absence
 * or a history record needs no field list of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-record-details.h"

#define EM_DASH "\u2014"

static gint64
parse_number (const char *text)
{
  gint64 value = 0;

  g_ascii_string_to_signed (text, 10, G_MININT64 + 1, G_MAXINT64, &value, NULL);
  return value;
}

char *
tutti_record_format_field (const TuttiSchema *schema,
                           gconstpointer      record,
                           const char        *key,
                           TuttiLang          lang)
{
  const TuttiField *field = tutti_schema_lookup (schema, key);
  g_autofree char *text = NULL;

  g_return_val_if_fail (field != NULL, g_strdup (""));

  if (field->kind == TUTTI_FIELD_OBJECT || field->kind == TUTTI_FIELD_LIST ||
      field->kind == TUTTI_FIELD_STRV)
    return g_strdup ("");

  /* The text form (tutti_record_get_text) says "" for an empty field of
   * any kind, numbers in decimal, yes/no as "true"/"false", choices by nick. */
  text = tutti_record_get_text (schema, record, key);
  if (text == NULL || *text == '\0')
    return g_strdup ("");

  switch (field->kind)
    {
    case TUTTI_FIELD_DATE:
      return tutti_format_date (text, lang);
    case TUTTI_FIELD_DATETIME:
      return tutti_format_datetime (text, lang);
    case TUTTI_FIELD_TIME:
      return tutti_format_time (text, lang);
    case TUTTI_FIELD_MINUTES:
      return tutti_format_duration (parse_number (text), lang);
    case TUTTI_FIELD_DECIMAL:
      return tutti_format_decimal (parse_number (text), lang);
    case TUTTI_FIELD_MONEY:
      return tutti_format_money (parse_number (text), lang);
    case TUTTI_FIELD_BOOL:
    case TUTTI_FIELD_ENUM:
      return tutti_field_format_text (field, text, lang);
    case TUTTI_FIELD_STRING:
    case TUTTI_FIELD_INT:
    case TUTTI_FIELD_OBJECT:
    case TUTTI_FIELD_LIST:
    case TUTTI_FIELD_STRV:
    default:
      return g_steal_pointer (&text);
    }
}

gboolean
tutti_record_field_is_shown (const TuttiField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  switch (field->kind)
    {
    case TUTTI_FIELD_OBJECT:
    case TUTTI_FIELD_LIST:
    case TUTTI_FIELD_STRV:
      return FALSE;
    case TUTTI_FIELD_INT:
      return !g_str_equal (field->key, "id") && !g_str_has_suffix (field->key, "_id");
    case TUTTI_FIELD_STRING:
    case TUTTI_FIELD_BOOL:
    case TUTTI_FIELD_DATE:
    case TUTTI_FIELD_DATETIME:
    case TUTTI_FIELD_TIME:
    case TUTTI_FIELD_MINUTES:
    case TUTTI_FIELD_MONEY:
    case TUTTI_FIELD_DECIMAL:
    case TUTTI_FIELD_ENUM:
    default:
      return (field->flags & TUTTI_FIELD_FLAG_SECRET) == 0;
    }
}

GtkWidget *
tutti_record_details_row_new (const char *title,
                              const char *value)
{
  GtkWidget *row;
  GtkWidget *label;
  gboolean empty = value == NULL || *value == '\0';

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  /* The value shares the row with its label, right-aligned, wrapping
   * when long. */
  label = gtk_label_new (empty ? EM_DASH : value);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  if (empty)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "tutti-value-label", label);

  /* A screen reader reads the row as "label: value". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  empty ? _("Empty") : value,
                                  -1);

  return row;
}

const char *
tutti_record_details_row_get_value (GtkWidget *row)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "tutti-value-label");

  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);

  return gtk_label_get_label (label);
}

static void
add_field_row (GtkWidget         *group,
               const TuttiSchema *schema,
               gconstpointer      record,
               const TuttiField  *field,
               TuttiLang          lang)
{
  g_autofree char *value = tutti_record_format_field (schema, record, field->key, lang);
  GtkWidget *row = tutti_record_details_row_new (tutti_text_get (&field->label, lang), value);

  gtk_widget_set_name (row, field->key);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

GtkWidget *
tutti_record_details_new (const TuttiSchema  *schema,
                          gconstpointer       record,
                          const char * const *keys,
                          const char         *title,
                          TuttiLang           lang)
{
  GtkWidget *group;

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (record != NULL, NULL);

  group = adw_preferences_group_new ();
  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

  if (keys != NULL)
    {
      for (guint i = 0; keys[i] != NULL; i++)
        {
          const TuttiField *field = tutti_schema_lookup (schema, keys[i]);

          g_return_val_if_fail (field != NULL, group);
          add_field_row (group, schema, record, field, lang);
        }
    }
  else
    {
      for (guint i = 0; i < schema->n_fields; i++)
        if (tutti_record_field_is_shown (&schema->fields[i]))
          add_field_row (group, schema, record, &schema->fields[i], lang);
    }

  return group;
}

char *
tutti_school_format_contact (const TuttiSchool *school)
{
  g_autofree char *phone = NULL;
  g_autofree char *both = NULL;
  gboolean has_phone, has_email;

  if (school == NULL)
    return NULL;

  has_phone = !tutti_is_blank (school->phone);
  has_email = !tutti_is_blank (school->email);
  if (!has_phone && !has_email)
    return NULL;

  if (has_phone)
    phone = tutti_phone_normalize (school->phone);
  if (phone == NULL && has_phone)
    phone = g_strdup (school->phone);

  if (has_phone && has_email)
    both = g_strdup_printf ("%s / %s", phone, school->email);
  else
    both = g_strdup (has_phone ? phone : school->email);

  /* Translators: FAM-4; %s is the office's phone and e-mail, as
   * “02 99 74 68 64 / conservatoire@vitrecommunaute.org” */
  return g_strdup_printf (_("For any request contact the office: %s"), both);
}

char *
tutti_format_person_name (const char *surname,
                          const char *first_name)
{
  return g_strstrip (g_strdup_printf ("%s %s",
                                      surname != NULL ? surname : "",
                                      first_name != NULL ? first_name : ""));
}

char *
tutti_format_person_with_civility (TuttiCivility  civility,
                                   const char    *surname,
                                   const char    *first_name,
                                   TuttiLang      lang)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *civility_label = civility != TUTTI_CIVILITY_NONE
                               ? tutti_enum_to_label (&tutti_civility_enum, civility, lang) : NULL;

  if (!tutti_is_blank (civility_label))
    g_string_append (name, civility_label);
  if (!tutti_is_blank (surname))
    g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", surname);
  if (!tutti_is_blank (first_name))
    g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", first_name);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

GtkWindow *
tutti_record_details_present (GtkWidget         *parent,
                              const char        *title,
                              const char        *subtitle,
                              const TuttiSchema *schema,
                              gconstpointer      record,
                              TuttiLang          lang)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *page;
  GtkWidget *group;
  GtkEventController *keys;

  window = g_object_new (ADW_TYPE_WINDOW,
                         "modal", TRUE,
                         "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                         "default-width", 480,
                         "default-height", 560,
                         "title", title,
                         "destroy-with-parent", TRUE,
                         NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  group = tutti_record_details_new (schema, record, NULL, NULL, lang);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  keys = GTK_EVENT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);

  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
