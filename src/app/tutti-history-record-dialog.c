/* tutti-history-record-dialog.c — PUP-4: one past year's course record
 *
 * The guide's "Historique" sheet, in two tabs: the record — the year and
 * its dates ("From 13/09/2021 to 07/07/2022"), then every other field of
 * the record walked from core's schema in a few groups (the average as
 * "x / 5.00") — and the evaluations of the year in a column view, a page at
 * a time ("1 / 2", previous, next), as
 * GET /pupils/{id}/history/{record_id}/pages/{page} gives them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-history-record-dialog.h"
#include "tutti-record-details.h"
#include "tutti-record-table.h"
#include "tutti-window-private.h"

/* The scale of averages: "x / 5.00". */
#define AVERAGE_OUT_OF 500

struct _TuttiHistoryRecordDialog
{
  AdwWindow           parent_instance;

  /* Template children */
  AdwWindowTitle     *window_title;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  GtkLabel           *year_label;
  GtkLabel           *dates_label;
  GtkGrid            *groups_box;
  AdwViewStack       *view_stack;
  AdwBin             *evaluations_bin;
  GtkSpinner         *page_spinner;
  GtkLabel           *page_label;

  TuttiRecordTable    *evaluations;
  GHashTable         *rows;         /* key → details row */
  GtkWindow          *detail;       /* weak */

  TuttiClient        *client;
  GCancellable       *cancellable;
  TuttiHistoryRecord *record;
  gint64              pupil_id;
  gint64              record_id;
  guint               page;
  guint               n_pages;
  guint               loading_page; /* 0 when none is loading */
};

G_DEFINE_FINAL_TYPE (TuttiHistoryRecordDialog, tutti_history_record_dialog, ADW_TYPE_WINDOW)

/* Where the record's groups start, with their titles; the year and its
 * dates are the heading. */
static const struct
{
  const char *key;
  const char *title;
} record_sections[] = {
  { "department", N_("Course") },
  { "hours_planned", N_("Attendance") },
  { "activity_status", N_("Situation") },
  { "average", N_("Results") },
  { "class_admitted", N_("Next Year") },
};

static TuttiLang
get_lang (TuttiHistoryRecordDialog *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : tutti_lang_from_environment ();
}

/* ---- Showing the record -------------------------------------------------------------- */

static char *
format_value (TuttiHistoryRecordDialog *self,
              const TuttiField         *field)
{
  TuttiLang lang = get_lang (self);

  if (g_str_equal (field->key, "average") && self->record->average != TUTTI_NO_VALUE)
    {
      g_autofree char *average = tutti_format_decimal (self->record->average, lang);
      g_autofree char *out_of = tutti_format_decimal (AVERAGE_OUT_OF, lang);

      /* Translators: an average mark out of a maximum, as “3,50 / 5,00” */
      return g_strdup_printf (_("%s / %s"), average, out_of);
    }
  return tutti_record_format_field (&tutti_history_record_schema, self->record, field->key, lang);
}

static void
show_fields (TuttiHistoryRecordDialog *self)
{
  const TuttiSchema *schema = &tutti_history_record_schema;
  TuttiLang lang = get_lang (self);
  const TuttiHistoryRecord *record = self->record;
  g_autofree char *from = tutti_format_date (record->start_date, lang);
  g_autofree char *to = tutti_format_date (record->end_date, lang);
  g_autofree char *year = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;
  GtkWidget *group = NULL;
  guint n_groups = 0;

  /* Translators: %s is a school year, as 2021/2022 */
  year = g_strdup_printf (_("Year %s"), record->year != NULL ? record->year : "");
  gtk_label_set_label (self->year_label, year);
  if (*from != '\0' && *to != '\0')
    {
      /* Translators: the dates a school year's course ran, as “From 13/09/2021 to 07/07/2022” */
      g_autofree char *dates = g_strdup_printf (_("From %s to %s"), from, to);

      gtk_label_set_label (self->dates_label, dates);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->dates_label), *from != '\0' && *to != '\0');

  if (record->class_name != NULL && *record->class_name != '\0')
    /* Translators: a school year and a class, as “2021/2022 — CMG MAA Niveau 1” */
    title = g_strdup_printf (_("%s — %s"), record->year, record->class_name);
  else
    title = g_strdup (record->year);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_grid_remove (self->groups_box, child);
  g_hash_table_remove_all (self->rows);

  /* Every field core shows, but the heading's. */
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];
      g_autofree char *value = NULL;
      GtkWidget *row;

      if (!tutti_record_field_is_shown (field) ||
          g_str_equal (field->key, "year") ||
          g_str_equal (field->key, "start_date") ||
          g_str_equal (field->key, "end_date"))
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (record_sections); j++)
        if (g_str_equal (record_sections[j].key, field->key))
          group = NULL;
      if (group == NULL)
        {
          const char *section = NULL;

          for (guint j = 0; j < G_N_ELEMENTS (record_sections); j++)
            if (g_str_equal (record_sections[j].key, field->key))
              section = _(record_sections[j].title);
          group = adw_preferences_group_new ();
          gtk_widget_set_valign (group, GTK_ALIGN_START);
          gtk_widget_set_hexpand (group, TRUE);
          if (section != NULL)
            adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), section);
          /* Two groups a line, in the schema's order. */
          gtk_grid_attach (self->groups_box, group, n_groups % 2, n_groups / 2, 1, 1);
          n_groups++;
        }

      value = format_value (self, field);
      row = tutti_record_details_row_new (tutti_text_get (&field->label, lang), value);
      gtk_widget_set_name (row, field->key);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_hash_table_insert (self->rows, (gpointer) field->key, row);
    }

}

static void
update_pager (TuttiHistoryRecordDialog *self)
{
  g_autofree char *text = g_strdup_printf ("%u / %u", self->page, self->n_pages);
  g_autofree char *spoken = NULL;

  gtk_label_set_label (self->page_label, text);
  /* Translators: the page of a list a screen reader says, as “Page 1 of 2” */
  spoken = g_strdup_printf (_("Page %u of %u"), self->page, self->n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.previous-page",
                                 self->loading_page == 0 && self->page > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.next-page",
                                 self->loading_page == 0 && self->page < self->n_pages);
  gtk_widget_set_visible (GTK_WIDGET (self->page_spinner), self->loading_page != 0);
  if (self->loading_page != 0)
    gtk_spinner_start (self->page_spinner);
  else
    gtk_spinner_stop (self->page_spinner);
}

/* ---- Loading ------------------------------------------------------------------------ */

static void load_page (TuttiHistoryRecordDialog *self,
                       guint                     page);

static void
get_record_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TuttiHistoryRecordDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiHistoryRecord) record = NULL;
  gboolean first;
  guint page = 1, n_pages = 1;

  record = tutti_client_get_history_record_finish (TUTTI_CLIENT (source), result, &page, &n_pages, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;

  first = self->page == 0;
  self->loading_page = 0;
  gtk_spinner_stop (self->spinner);

  if (record == NULL)
    {
      g_autofree char *description = NULL;

      g_debug ("Loading history record %" G_GINT64_FORMAT ": %s", self->record_id, error->message);
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        {
          gtk_window_close (GTK_WINDOW (self));
          return;
        }
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE) ||
          error->domain != TUTTI_API_ERROR)
        description = g_strdup_printf (_("The server at %s cannot be reached. Check the connection, then try again."),
                                       tutti_client_get_base_url (self->client));
      else
        description = g_strdup (error->message);

      if (first)
        {
          adw_status_page_set_description (self->error_page, description);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        {
          /* The page shown stays; the list says what went wrong. */
          tutti_record_table_show_error (self->evaluations, _("Could Not Load This Page"), description);
        }
      update_pager (self);
      return;
    }

  g_clear_pointer (&self->record, tutti_history_record_free);
  self->record = g_steal_pointer (&record);
  self->page = page;
  self->n_pages = n_pages;
  if (first)
    show_fields (self);
  tutti_record_table_set_records (self->evaluations, self->record->evaluations);
  update_pager (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
load_page (TuttiHistoryRecordDialog *self,
           guint                     page)
{
  if (self->loading_page != 0 || page < 1)
    return;

  self->loading_page = page;
  if (self->page == 0)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  update_pager (self);
  tutti_client_get_history_record_async (self->client, self->pupil_id, self->record_id, page,
                                         self->cancellable, get_record_cb, g_object_ref (self));
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TuttiHistoryRecordDialog *self = TUTTI_HISTORY_RECORD_DIALOG (widget);

  load_page (self, MAX (self->page, 1));
}

static void
evaluations_retry_cb (TuttiHistoryRecordDialog *self)
{
  load_page (self, MAX (self->page, 1));
}

static void
previous_page_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TuttiHistoryRecordDialog *self = TUTTI_HISTORY_RECORD_DIALOG (widget);

  if (self->page > 1)
    load_page (self, self->page - 1);
}

static void
next_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TuttiHistoryRecordDialog *self = TUTTI_HISTORY_RECORD_DIALOG (widget);

  if (self->page < self->n_pages)
    load_page (self, self->page + 1);
}

/* ---- An evaluation's detail ------------------------------------------------------------ */

static void
evaluation_activated_cb (TuttiHistoryRecordDialog *self,
                         gconstpointer             record)
{
  const TuttiEvaluation *evaluation = record;
  TuttiLang lang = get_lang (self);
  g_autofree char *date = tutti_format_date (evaluation->date, lang);

  if (self->detail != NULL)
    gtk_window_destroy (self->detail);
  self->detail = tutti_record_details_present (GTK_WIDGET (self), _("Evaluation"), date,
                                               &tutti_evaluation_schema, record, lang);
  g_object_add_weak_pointer (G_OBJECT (self->detail), (gpointer *) &self->detail);
}

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  TuttiHistoryRecordDialog *self = TUTTI_HISTORY_RECORD_DIALOG (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "evaluations");
  tutti_record_table_focus_search (self->evaluations);
  return TRUE;
}

/* ---- Public ---------------------------------------------------------------------------- */

TuttiHistoryRecordDialog *
tutti_history_record_dialog_new (GtkWindow                *parent,
                                 TuttiClient              *client,
                                 const TuttiHistoryRecord *record,
                                 const char               *pupil_name)
{
  const TuttiRecordColumn columns[] = {
    /* Translators: the short titles of an evaluations table's columns,
     * “Type d’évaluation” and “Type de critère” in full */
    { "type", C_("column", "Type"), FALSE },
    { "date", NULL, FALSE },
    { "criterion_type", C_("column", "Criterion"), FALSE },
    { "mark", NULL, FALSE },
    { "denominator", NULL, FALSE },
    { "coefficient", NULL, FALSE },
    { "letter", NULL, FALSE },
    { "mention", NULL, FALSE },
    { "appreciation", NULL, TRUE },
    { "choice", NULL, FALSE },
    { "absent", NULL, FALSE },
    { "reason", NULL, FALSE },
  };
  TuttiHistoryRecordDialog *self;

  g_return_val_if_fail (TUTTI_IS_CLIENT (client), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (TUTTI_TYPE_HISTORY_RECORD_DIALOG,
                       "transient-for", parent,
                       "title", record->year,
                       NULL);
  self->client = g_object_ref (client);
  self->pupil_id = record->pupil_id;
  self->record_id = record->id;
  adw_window_title_set_title (self->window_title, record->year);
  adw_window_title_set_subtitle (self->window_title, pupil_name);

  self->evaluations = TUTTI_RECORD_TABLE (tutti_record_table_new (&tutti_evaluation_schema,
                                                                  columns, G_N_ELEMENTS (columns),
                                                                  tutti_client_get_lang (client)));
  tutti_record_table_set_label (self->evaluations, _("Evaluations"));
  tutti_record_table_set_empty_text (self->evaluations, "emblem-default-symbolic", _("No Evaluations"));
  g_signal_connect_object (self->evaluations, "record-activated",
                           G_CALLBACK (evaluation_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evaluations, "retry",
                           G_CALLBACK (evaluations_retry_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->evaluations_bin, GTK_WIDGET (self->evaluations));

  load_page (self, 1);

  return self;
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
tutti_history_record_dialog_dispose (GObject *object)
{
  TuttiHistoryRecordDialog *self = TUTTI_HISTORY_RECORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->detail != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->detail), (gpointer *) &self->detail);
      gtk_window_destroy (self->detail);
      self->detail = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_HISTORY_RECORD_DIALOG);

  g_clear_object (&self->client);
  g_clear_pointer (&self->record, tutti_history_record_free);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (tutti_history_record_dialog_parent_class)->dispose (object);
}

static void
tutti_history_record_dialog_class_init (TuttiHistoryRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_history_record_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "record.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "record.previous-page", NULL, previous_page_activated);
  gtk_widget_class_install_action (widget_class, "record.next-page", NULL, next_page_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "record.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "record.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/tutti/Tutti/ui/tutti-history-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiHistoryRecordDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiHistoryRecordDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiHistoryRecordDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiHistoryRecordDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiHistoryRecordDialog, year_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiHistoryRecordDialog, dates_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiHistoryRecordDialog, groups_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiHistoryRecordDialog, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiHistoryRecordDialog, evaluations_bin);
  gtk_widget_class_bind_template_child (widget_class, TuttiHistoryRecordDialog, page_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiHistoryRecordDialog, page_label);
}

static void
tutti_history_record_dialog_init (TuttiHistoryRecordDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- For the UI test ---------------------------------------------------------------------- */

const char *
tutti_history_record_dialog_get_state (TuttiHistoryRecordDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
tutti_history_record_dialog_get_busy (TuttiHistoryRecordDialog *self)
{
  return self->loading_page != 0;
}

const char *
tutti_history_record_dialog_get_page_text (TuttiHistoryRecordDialog *self)
{
  return gtk_label_get_label (self->page_label);
}

guint
tutti_history_record_dialog_get_page (TuttiHistoryRecordDialog *self)
{
  return self->page;
}

const char *
tutti_history_record_dialog_get_heading (TuttiHistoryRecordDialog *self)
{
  return gtk_label_get_label (self->year_label);
}

const char *
tutti_history_record_dialog_get_dates (TuttiHistoryRecordDialog *self)
{
  return gtk_label_get_label (self->dates_label);
}

/* (nullable): the value shown for the field @key of the record. */
const char *
tutti_history_record_dialog_get_value (TuttiHistoryRecordDialog *self,
                                       const char               *key)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, key);

  return row != NULL ? tutti_record_details_row_get_value (row) : NULL;
}

TuttiRecordTable *
tutti_history_record_dialog_get_list (TuttiHistoryRecordDialog *self)
{
  return self->evaluations;
}

/* @name: "record" or "evaluations" */
void
tutti_history_record_dialog_show_tab (TuttiHistoryRecordDialog *self,
                                      const char               *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
