/* tutti-course-sheet.c — PUP-3: a course's sheet, its evaluations and absences
 *
 * The guide's "fenêtre du suivi du cours": tabs Course (every field of the
 * course, as core describes it), Evaluations and Absences (searchable
 * column views). A row of either list opens its detail, every field of it.
 * Loaded whole (GET /pupils/{id}/courses/{course_id}) when it opens; the
 * request is cancelled when the sheet closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-course-sheet.h"
#include "tutti-record-details.h"
#include "tutti-record-table.h"
#include "tutti-window-private.h"

struct _TuttiCourseSheet
{
  AdwWindow             parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  AdwViewStack         *view_stack;
  AdwPreferencesPage   *course_page;
  AdwBin               *evaluations_bin;
  AdwBin               *absences_bin;

  TuttiRecordTable      *evaluations;
  TuttiRecordTable      *absences;
  GtkWidget            *course_group;
  GtkWindow            *detail;        /* weak: the detail open */

  TuttiClient          *client;
  GCancellable         *cancellable;
  TuttiCourse          *course;
  gint64                pupil_id;
  gint64                course_id;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (TuttiCourseSheet, tutti_course_sheet, ADW_TYPE_WINDOW)

static TuttiLang
get_lang (TuttiCourseSheet *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : tutti_lang_from_environment ();
}

/* ---- Showing the course -------------------------------------------------------- */

static void
set_course (TuttiCourseSheet  *self,
            const TuttiCourse *course)
{
  TuttiLang lang = get_lang (self);

  if (self->course != course)
    {
      g_clear_pointer (&self->course, tutti_course_free);
      self->course = tutti_course_copy (course);
    }

  adw_window_title_set_title (self->window_title, course->name);
  adw_window_title_set_subtitle (self->window_title, course->teacher);
  gtk_window_set_title (GTK_WINDOW (self), course->name);

  if (self->course_group != NULL)
    adw_preferences_page_remove (self->course_page, ADW_PREFERENCES_GROUP (self->course_group));
  /* Every field of the course, labels and formats from core. */
  self->course_group = tutti_record_details_new (&tutti_course_schema, course, NULL, NULL, lang);
  adw_preferences_page_add (self->course_page, ADW_PREFERENCES_GROUP (self->course_group));
}

/* ---- Loading ------------------------------------------------------------------- */

static void
get_course_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TuttiCourseSheet) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiCourse) course = NULL;

  course = tutti_client_get_course_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);

  if (course == NULL)
    {
      g_debug ("Loading course %" G_GINT64_FORMAT ": %s", self->course_id, error->message);
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        {
          gtk_window_close (GTK_WINDOW (self));
          return;
        }
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE) ||
          error->domain != TUTTI_API_ERROR)
        {
          g_autofree char *description =
            g_strdup_printf (_("The server at %s cannot be reached. Check the connection, then try again."),
                             tutti_client_get_base_url (self->client));
          adw_status_page_set_description (self->error_page, description);
        }
      else
        adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  set_course (self, course);
  tutti_record_table_set_records (self->evaluations, course->evaluations);
  tutti_record_table_set_records (self->absences, course->absences);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
load (TuttiCourseSheet *self)
{
  if (self->loading)
    return;

  self->loading = TRUE;
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  tutti_client_get_course_async (self->client, self->pupil_id, self->course_id, self->cancellable,
                                 get_course_cb, g_object_ref (self));
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  load (TUTTI_COURSE_SHEET (widget));
}

/* ---- Rows' details ---------------------------------------------------------------- */

static void
show_detail (TuttiCourseSheet  *self,
             const char        *title,
             const TuttiSchema *schema,
             gconstpointer      record,
             const char        *date)
{
  TuttiLang lang = get_lang (self);
  g_autofree char *subtitle = tutti_format_date (date, lang);

  if (self->detail != NULL)
    gtk_window_destroy (self->detail);
  self->detail = tutti_record_details_present (GTK_WIDGET (self), title, subtitle, schema, record, lang);
  g_object_add_weak_pointer (G_OBJECT (self->detail), (gpointer *) &self->detail);
}

static void
evaluation_activated_cb (TuttiCourseSheet *self,
                         gconstpointer     record)
{
  const TuttiEvaluation *evaluation = record;

  show_detail (self, _("Evaluation"), &tutti_evaluation_schema, record, evaluation->date);
}

static void
absence_activated_cb (TuttiCourseSheet *self,
                      gconstpointer     record)
{
  const TuttiAbsence *absence = record;

  show_detail (self, _("Absence"), &tutti_absence_schema, record, absence->date);
}

/* ---- Keys ------------------------------------------------------------------------- */

static TuttiRecordTable *
get_visible_list (TuttiCourseSheet *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "evaluations") == 0)
    return self->evaluations;
  if (g_strcmp0 (name, "absences") == 0)
    return self->absences;
  return NULL;
}

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  TuttiCourseSheet *self = TUTTI_COURSE_SHEET (widget);
  TuttiRecordTable *list = get_visible_list (self);

  if (list == NULL)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "evaluations");
      list = self->evaluations;
    }
  tutti_record_table_focus_search (list);
  return TRUE;
}

/* ---- Building ---------------------------------------------------------------------- */

static void
create_lists (TuttiCourseSheet *self)
{
  TuttiLang lang = get_lang (self);
  const TuttiRecordColumn evaluation_columns[] = {
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
  const TuttiRecordColumn absence_columns[] = {
    { "date", NULL, FALSE },
    { "time", NULL, FALSE },
    { "duration", NULL, FALSE },
    { "justified", NULL, FALSE },
    { "reason", NULL, TRUE },
  };

  self->evaluations = TUTTI_RECORD_TABLE (tutti_record_table_new (&tutti_evaluation_schema,
                                                                  evaluation_columns,
                                                                  G_N_ELEMENTS (evaluation_columns),
                                                                  lang));
  tutti_record_table_set_label (self->evaluations, _("Evaluations"));
  tutti_record_table_set_empty_text (self->evaluations, "emblem-default-symbolic", _("No Evaluations Yet"));
  g_signal_connect_object (self->evaluations, "record-activated",
                           G_CALLBACK (evaluation_activated_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->evaluations_bin, GTK_WIDGET (self->evaluations));

  self->absences = TUTTI_RECORD_TABLE (tutti_record_table_new (&tutti_absence_schema,
                                                               absence_columns,
                                                               G_N_ELEMENTS (absence_columns),
                                                               lang));
  tutti_record_table_set_label (self->absences, _("Absences"));
  tutti_record_table_set_empty_text (self->absences, "x-office-calendar-symbolic", _("No Absences"));
  g_signal_connect_object (self->absences, "record-activated",
                           G_CALLBACK (absence_activated_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->absences_bin, GTK_WIDGET (self->absences));
}

TuttiCourseSheet *
tutti_course_sheet_new (GtkWindow         *parent,
                        TuttiClient       *client,
                        const TuttiCourse *course)
{
  TuttiCourseSheet *self;

  g_return_val_if_fail (TUTTI_IS_CLIENT (client), NULL);
  g_return_val_if_fail (course != NULL, NULL);

  self = g_object_new (TUTTI_TYPE_COURSE_SHEET,
                       "transient-for", parent,
                       NULL);
  self->client = g_object_ref (client);
  self->pupil_id = course->pupil_id;
  self->course_id = course->id;

  create_lists (self);
  /* What the list knew, while the rest comes. */
  set_course (self, course);
  load (self);

  return self;
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
tutti_course_sheet_dispose (GObject *object)
{
  TuttiCourseSheet *self = TUTTI_COURSE_SHEET (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->detail != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->detail), (gpointer *) &self->detail);
      gtk_window_destroy (self->detail);
      self->detail = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_COURSE_SHEET);

  g_clear_object (&self->client);
  g_clear_pointer (&self->course, tutti_course_free);

  G_OBJECT_CLASS (tutti_course_sheet_parent_class)->dispose (object);
}

static void
tutti_course_sheet_class_init (TuttiCourseSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_course_sheet_dispose;

  gtk_widget_class_install_action (widget_class, "sheet.retry", NULL, retry_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-course-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiCourseSheet, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiCourseSheet, window_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiCourseSheet, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiCourseSheet, spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiCourseSheet, error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiCourseSheet, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiCourseSheet, course_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiCourseSheet, evaluations_bin);
  gtk_widget_class_bind_template_child (widget_class, TuttiCourseSheet, absences_bin);
}

static void
tutti_course_sheet_init (TuttiCourseSheet *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- For the UI test ------------------------------------------------------------------ */

const char *
tutti_course_sheet_get_state (TuttiCourseSheet *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
tutti_course_sheet_get_title (TuttiCourseSheet *self)
{
  return adw_window_title_get_title (self->window_title);
}

void
tutti_course_sheet_show_tab (TuttiCourseSheet *self,
                             const char       *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
tutti_course_sheet_get_tab_title (TuttiCourseSheet *self,
                                  const char       *name)
{
  GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, name);

  return child != NULL ? adw_view_stack_page_get_title (adw_view_stack_get_page (self->view_stack, child)) : NULL;
}

TuttiRecordTable *
tutti_course_sheet_get_list (TuttiCourseSheet *self,
                             const char       *name)
{
  return g_strcmp0 (name, "absences") == 0 ? self->absences : self->evaluations;
}

GtkWidget *
tutti_course_sheet_get_course_group (TuttiCourseSheet *self)
{
  return self->course_group;
}

GtkWindow *
tutti_course_sheet_get_detail (TuttiCourseSheet *self)
{
  return self->detail;
}
