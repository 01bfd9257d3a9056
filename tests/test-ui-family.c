/* test-ui-family.c — the family's and pupils' files in the real app,
 * against a real tutti-server --demo
 *
 * Runs under Xvfb in a private D-Bus, once per language (LANGUAGE=fr,
 * LANGUAGE=en), like test-ui.c. It logs in as ztest1 through the login
 * page, edits the guardian's town and saves it (FAM-1: marker, banner,
 * acknowledgement), checks that a required field emptied blocks Save,
 * goes through the pupil's tabs (PUP-1..5: identity, courses and a course
 * sheet, history and a record paged, repertoire), opens a pupil's file
 * from Home (HOME-2), goes through My documents (FAM-2: the documents
 * asked for, an upload of a real PDF, view, search, a refusal by the
 * office and its replacement, delete), then logs in as cmartin to see
 * both guardians (FAM-3), open a pupil's Re-enrolment tab from Home's
 * re-enrolment states (PUP-1) and download the re-enrolment documents
 * from Home (HOME-3: several, then one, then none once the office has
 * removed them). Screenshots go to $TUTTI_SCREENSHOT_DIR as
 * <screen>-<language>.png for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tutti-application.h"
#include "tutti-test-server.h"
#include "tutti-test-ui.h"
#include "tutti-window-private.h"

#include <libsoup/soup.h>

typedef struct
{
  TuttiTestServer  *server;
  TuttiApplication *app;
  TuttiWindow      *window;
  char             *tmp_dir;
} Test;

/* ---- Finding things ------------------------------------------------------------ */

static GtkAdjustment *
get_vadjustment (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scrolled);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

/* As a person scrolls, to see the foot of a page. */
static void
scroll_to_end (GtkWidget *widget)
{
  GtkAdjustment *adjustment = get_vadjustment (widget);

  /* Lists size their rows as they show them: once more when they have. */
  for (guint i = 0; i < 3; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      wait_ms (200);
    }
}

static void
scroll_to_start (GtkWidget *widget)
{
  gtk_adjustment_set_value (get_vadjustment (widget), 0);
}

/* ---- Conditions -------------------------------------------------------------- */

static gboolean
family_loaded (gpointer data)
{
  TuttiFamilyView *view = tutti_window_get_family_view (TUTTI_WINDOW (data));

  return g_strcmp0 (tutti_family_view_get_state (view), "content") == 0 &&
         !tutti_family_view_get_busy (view);
}

static gboolean
family_idle (gpointer data)
{
  return !tutti_family_view_get_busy (tutti_window_get_family_view (TUTTI_WINDOW (data)));
}

static gboolean
identity_loaded (gpointer data)
{
  TuttiPupilsView *view = tutti_window_get_pupils_view (TUTTI_WINDOW (data));

  return g_strcmp0 (tutti_pupils_view_get_state (view), "content") == 0 &&
         g_strcmp0 (tutti_pupils_view_get_identity_state (view), "content") == 0 &&
         !tutti_pupils_view_get_busy (view);
}

static gboolean
list_loaded (gpointer data)
{
  const char *state = tutti_record_table_get_state (TUTTI_RECORD_TABLE (data));

  return g_strcmp0 (state, "content") == 0 || g_strcmp0 (state, "empty") == 0 ||
         g_strcmp0 (state, "error") == 0;
}

static gboolean
course_sheet_loaded (gpointer data)
{
  GtkWindow *sheet = find_toplevel (TUTTI_TYPE_COURSE_SHEET);

  return sheet != NULL && g_strcmp0 (tutti_course_sheet_get_state (TUTTI_COURSE_SHEET (sheet)), "content") == 0;
}

static gboolean
history_record_loaded (gpointer data)
{
  GtkWindow *dialog = find_toplevel (TUTTI_TYPE_HISTORY_RECORD_DIALOG);

  return dialog != NULL &&
         g_strcmp0 (tutti_history_record_dialog_get_state (TUTTI_HISTORY_RECORD_DIALOG (dialog)), "content") == 0 &&
         !tutti_history_record_dialog_get_busy (TUTTI_HISTORY_RECORD_DIALOG (dialog));
}

static gboolean
history_record_idle (gpointer data)
{
  return !tutti_history_record_dialog_get_busy (TUTTI_HISTORY_RECORD_DIALOG (data));
}

static gboolean
detail_shown (gpointer data)
{
  GtkWindow *detail = *(GtkWindow **) data;

  return detail != NULL && gtk_widget_get_mapped (GTK_WIDGET (detail));
}

/* ---- Steps -------------------------------------------------------------------- */

static guint
count_outbox (Test *test)
{
  g_autoptr(GPtrArray) outbox = tutti_test_server_list_outbox (test->server);

  return outbox->len;
}

/* FAM-1, FAM-4: the guardian's form, a required field, saving a change. */
static void
check_family (Test *test)
{
  TuttiFamilyView *view = tutti_window_get_family_view (test->window);
  TuttiRecordForm *form;
  GtkButton *save;
  GtkWidget *town;
  GtkWidget *surname;
  GtkWidget *profession;
  const char *marker;
  guint n_mails;

  show_sidebar_view (test->window, "family");
  wait_for ("the family", family_loaded, test->window);

  g_assert_cmpuint (tutti_family_view_get_n_guardians (view), ==, 1);
  /* The guardian's page, and My documents beside it (FAM-2). */
  g_assert_true (tutti_family_view_get_switcher_visible (view));
  g_assert_cmpstr (tutti_family_view_get_guardian_title (view, 0), ==, "Z-TEST Essai");
  g_assert_cmpstr (tutti_family_view_get_documents_title (view), ==,
                   is_french () ? "Mes documents" : "My Documents");
  form = tutti_family_view_get_form (view, 0);
  save = tutti_family_view_get_save_button (view, 0);
  town = tutti_record_form_get_row (form, "town");
  surname = tutti_record_form_get_row (form, "surname");
  profession = tutti_record_form_get_row (form, "profession");

  /* Every FAM-1 field, with core's label. */
  for (guint i = 0; i < tutti_guardian_schema.n_fields; i++)
    {
      const TuttiField *field = &tutti_guardian_schema.fields[i];
      GtkWidget *row = tutti_record_form_get_row (form, field->key);

      if (!(field->flags & TUTTI_FIELD_FLAG_EDITABLE))
        {
          g_assert_null (row);
          continue;
        }
      g_assert_nonnull (row);
      assert_contains (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                       tutti_text_get (&field->label, get_lang ()));
      /* Required: marked for the eye and for assistive technologies. */
      if (field->flags & TUTTI_FIELD_FLAG_REQUIRED)
        {
          g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), " *"));
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE);
        }
      else
        g_assert_false (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), " *"));
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (surname)), ==, "Z-TEST");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (town)), ==, "VITRE");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_record_form_get_row (form, "email"))),
                   ==, "test@vitrecommunaute.org");

  /* FAM-4 */
  assert_contains (tutti_family_view_get_contact_text (view, 0), "02 99 74 68 64");
  assert_contains (tutti_family_view_get_contact_text (view, 0), "conservatoire@vitrecommunaute.org");
  if (is_french ())
    assert_contains (tutti_family_view_get_contact_text (view, 0), "Pour toute demande contacter le secrétariat");

  /* Nothing changed, nothing to save; no banner yet. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (save)));
  g_assert_null (tutti_family_view_get_banner_text (view));
  save_screenshot (GTK_WIDGET (test->window), "family");
  /* The foot of the form: Save and the school's contact line. */
  scroll_to_end (GTK_WIDGET (form));
  save_screenshot (GTK_WIDGET (test->window), "family-contact");
  scroll_to_start (GTK_WIDGET (form));

  /* A required field emptied: said at once, Save refused and the field focused. */
  type_text (town, "");
  g_assert_cmpstr (tutti_record_form_get_error (form, "town"), ==,
                   is_french () ? "Ce champ est obligatoire." : "This field is required.");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (town), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_true (gtk_widget_has_css_class (town, "error"));
  gtk_widget_grab_focus (profession);
  n_mails = count_outbox (test);
  click (save);
  g_assert_false (tutti_family_view_get_busy (view));
  g_assert_true (has_focus_within (town));
  g_assert_nonnull (tutti_record_form_get_error (form, "town"));
  save_screenshot (GTK_WIDGET (test->window), "family-required");

  /* A value core refuses, explained under the field. */
  type_text (tutti_record_form_get_row (form, "postcode"), "355");
  gtk_widget_grab_focus (profession);
  click (save);
  g_assert_nonnull (tutti_record_form_get_error (form, "postcode"));
  type_text (tutti_record_form_get_row (form, "postcode"), "35500");
  g_assert_null (tutti_record_form_get_error (form, "postcode"));

  /* The town changed: saved as a change awaiting the office. */
  type_text (town, "VITRÉ");
  g_assert_null (tutti_record_form_get_error (form, "town"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (save)));
  click (save);
  answer_message_dialog (_("_OK"), "family-saved");
  wait_for ("the save", family_idle, test->window);

  marker = tutti_record_form_get_marker (form, "town");
  g_test_message ("Town's marker: %s", marker);
  g_assert_nonnull (marker);
  assert_contains (marker, "VITRE");
  if (is_french ())
    assert_contains (marker, "En attente de validation");
  g_assert_null (tutti_record_form_get_marker (form, "surname"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (town)), ==, "VITRÉ");
  g_test_message ("Banner: %s", tutti_family_view_get_banner_text (view));
  assert_contains (tutti_family_view_get_banner_text (view), "Z-TEST Essai");
  if (is_french ())
    assert_contains (tutti_family_view_get_banner_text (view), "personnel administratif");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (save)));
  /* The acknowledgement (MAIL-1). */
  g_assert_cmpuint (count_outbox (test), ==, n_mails + 1);
  gtk_widget_grab_focus (town);
  save_screenshot (GTK_WIDGET (test->window), "family-pending");
}

/* The server's 422: each message under its field, the first focused,
 * everything typed kept. */
static void
check_server_errors (Test *test)
{
  TuttiFamilyView *view = tutti_window_get_family_view (test->window);
  TuttiRecordForm *form = tutti_family_view_get_form (view, 0);
  g_autoptr(GHashTable) errors = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *mobile = tutti_record_form_get_row (form, "mobile_phone");

  type_text (tutti_record_form_get_row (form, "profession"), "Luthier");
  g_hash_table_insert (errors, (gpointer) "email", (gpointer) "Refused by the server.");
  g_hash_table_insert (errors, (gpointer) "mobile_phone", (gpointer) "Refused too.");
  g_assert_true (tutti_record_form_show_errors (form, errors));
  g_assert_cmpstr (tutti_record_form_get_error (form, "email"), ==, "Refused by the server.");
  g_assert_cmpstr (tutti_record_form_get_error (form, "mobile_phone"), ==, "Refused too.");
  /* The first in the form's order. */
  g_assert_true (has_focus_within (mobile));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_record_form_get_row (form, "profession"))),
                   ==, "Luthier");

  /* Back as it was. */
  type_text (tutti_record_form_get_row (form, "profession"), "");
  g_assert_true (tutti_record_form_show_errors (form, NULL) == FALSE);
  g_assert_false (tutti_record_form_has_changes (form));
}

static GtkWidget *
get_switch (TuttiRecordForm *form,
            const char      *key)
{
  GtkWidget *row = tutti_record_form_get_row (form, key);

  return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
}

/* PUP-1, PUP-2 */
static void
check_pupil_identity (Test *test)
{
  TuttiPupilsView *view = tutti_window_get_pupils_view (test->window);
  GtkDropDown *dropdown = tutti_pupils_view_get_pupil_dropdown (view);
  TuttiRecordForm *form;
  GtkCheckButton *yes;
  GtkStringObject *name;

  show_sidebar_view (test->window, "pupils");
  wait_for ("the pupil's identity", identity_loaded, test->window);

  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 1);
  name = gtk_drop_down_get_selected_item (dropdown);
  g_assert_cmpstr (gtk_string_object_get_string (name), ==, "Z-TEST Essai");
  g_assert_cmpstr (tutti_pupils_view_get_tab (view), ==, "identity");

  form = tutti_pupils_view_get_form (view);
  for (guint i = 0; i < tutti_pupil_schema.n_fields; i++)
    {
      const TuttiField *field = &tutti_pupil_schema.fields[i];

      g_assert_true ((tutti_record_form_get_row (form, field->key) != NULL) ==
                     ((field->flags & TUTTI_FIELD_FLAG_EDITABLE) != 0));
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_record_form_get_row (form, "surname"))),
                   ==, "Z-TEST");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_record_form_get_row (form, "birth_date"))),
                   ==, is_french () ? "01/01/2016" : "1 Jan 2016");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tutti_record_form_get_row (form, "school_level")),
                                       GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE);
  assert_contains (tutti_pupils_view_get_contact_text (view), "02 99 74 68 64");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tutti_pupils_view_get_save_button (view))));
  save_screenshot (GTK_WIDGET (test->window), "pupil-identity");

  /* "Use the legal guardian's contact details": guardian 1's, locked. */
  g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (get_switch (form, "use_guardian_contact"))), ==,
                   tutti_pupils_view_get_pupil (view)->use_guardian_contact);
  gtk_switch_set_active (GTK_SWITCH (get_switch (form, "use_guardian_contact")), FALSE);
  g_assert_true (gtk_widget_get_sensitive (tutti_record_form_get_row (form, "address")));
  g_assert_true (gtk_widget_get_sensitive (tutti_record_form_get_row (form, "town")));
  gtk_switch_set_active (GTK_SWITCH (get_switch (form, "use_guardian_contact")), TRUE);
  g_assert_false (gtk_widget_get_sensitive (tutti_record_form_get_row (form, "address")));
  g_assert_false (gtk_widget_get_sensitive (tutti_record_form_get_row (form, "email")));
  g_assert_true (gtk_widget_get_sensitive (tutti_record_form_get_row (form, "person_to_notify")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_record_form_get_row (form, "email"))),
                   ==, "test@vitrecommunaute.org");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_record_form_get_row (form, "address"))),
                   ==, "6 rue de Verdun");

  /* Image rights: Yes (the first check button), then Save. */
  yes = GTK_CHECK_BUTTON (find_descendant (tutti_record_form_get_row (form, "image_rights"),
                                           GTK_TYPE_CHECK_BUTTON));
  g_assert_nonnull (yes);
  gtk_check_button_set_active (yes, TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (tutti_pupils_view_get_save_button (view))));
  click (tutti_pupils_view_get_save_button (view));
  answer_message_dialog (_("_OK"), NULL);
  wait_for ("the save", identity_loaded, test->window);

  g_assert_nonnull (tutti_record_form_get_marker (form, "image_rights"));
  g_assert_null (tutti_record_form_get_marker (form, "surname"));
  g_assert_false (gtk_widget_get_sensitive (tutti_record_form_get_row (form, "address")));
  assert_contains (tutti_pupils_view_get_banner_text (view), "Z-TEST Essai");
  gtk_widget_grab_focus (tutti_record_form_get_row (form, "school_level"));
  save_screenshot (GTK_WIDGET (test->window), "pupil-identity-pending");
}

/* Types @text in the list's search, as a person would. */
static void
search (TuttiRecordTable *list,
        const char       *text)
{
  GtkSearchEntry *entry = tutti_record_table_get_search_entry (list);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The search comes after a short delay. */
  wait_ms (300);
}

/* The pupil's tab @name and its list, loaded (@what), with rows. */
static TuttiRecordTable *
show_pupil_list (Test       *test,
                 const char *name,
                 const char *what)
{
  TuttiPupilsView *view = tutti_window_get_pupils_view (test->window);
  TuttiRecordTable *list = tutti_pupils_view_get_list (view, name);

  tutti_pupils_view_show_tab (view, name);
  wait_for (what, list_loaded, list);
  g_assert_cmpstr (tutti_record_table_get_state (list), ==, "content");
  return list;
}

/* PUP-3: the courses, a course's sheet, an absence's detail. */
static void
check_pupil_courses (Test *test)
{
  TuttiRecordTable *courses = show_pupil_list (test, "courses", "the courses");
  TuttiCourseSheet *sheet;
  TuttiRecordTable *evaluations;
  TuttiRecordTable *absences;
  GtkWindow *detail;

  g_assert_cmpuint (tutti_record_table_get_n_shown (courses), >=, 1);
  g_assert_cmpstr (tutti_record_table_get_shown_text (courses, 0, 0), ==,
                   "Parcours découvertes instrumentales - Vitré");
  g_assert_cmpstr (tutti_record_table_get_shown_text (courses, 0, 2), ==, "BLANCHARD Laure");
  g_assert_cmpstr (tutti_record_table_get_shown_text (courses, 0, 5), ==, is_french () ? "Lundi" : "Monday");
  g_assert_cmpstr (tutti_record_table_get_shown_text (courses, 0, 7), ==, is_french () ? "01:15" : "1:15");

  /* The search filters the list. */
  search (courses, "zzzz");
  g_assert_cmpuint (tutti_record_table_get_n_shown (courses), ==, 0);
  g_assert_cmpstr (tutti_record_table_get_state (courses), ==, "no-results");
  search (courses, "berlioz");
  g_assert_cmpuint (tutti_record_table_get_n_shown (courses), ==, 1);
  search (courses, "");
  save_screenshot (GTK_WIDGET (test->window), "pupil-courses");

  /* Enter on the first course opens its sheet. */
  g_signal_emit_by_name (tutti_record_table_get_column_view (courses), "activate", 0);
  wait_for ("the course sheet", course_sheet_loaded, NULL);
  sheet = TUTTI_COURSE_SHEET (find_toplevel (TUTTI_TYPE_COURSE_SHEET));
  g_assert_cmpstr (tutti_course_sheet_get_title (sheet), ==, "Parcours découvertes instrumentales - Vitré");
  g_assert_cmpstr (tutti_course_sheet_get_tab_title (sheet, "evaluations"), ==, _("Evaluations"));
  g_assert_cmpstr (tutti_course_sheet_get_tab_title (sheet, "absences"), ==, _("Absences"));
  if (is_french ())
    g_assert_cmpstr (tutti_course_sheet_get_tab_title (sheet, "evaluations"), ==, "Évaluations");
  save_screenshot (GTK_WIDGET (sheet), "course-sheet");

  evaluations = tutti_course_sheet_get_list (sheet, "evaluations");
  absences = tutti_course_sheet_get_list (sheet, "absences");
  tutti_course_sheet_show_tab (sheet, "evaluations");
  g_assert_cmpuint (tutti_record_table_get_n_shown (evaluations), ==, 3);
  save_screenshot (GTK_WIDGET (sheet), "course-sheet-evaluations");

  tutti_course_sheet_show_tab (sheet, "absences");
  g_assert_cmpuint (tutti_record_table_get_n_shown (absences), >=, 1);
  save_screenshot (GTK_WIDGET (sheet), "course-sheet-absences");

  /* An absence's every field. */
  g_signal_emit_by_name (tutti_record_table_get_column_view (absences), "activate", 0);
  detail = tutti_course_sheet_get_detail (sheet);
  wait_for ("the absence's detail", detail_shown, &detail);
  save_screenshot (GTK_WIDGET (detail), "absence-detail");
  gtk_window_close (detail);

  gtk_window_close (GTK_WINDOW (sheet));
  wait_for ("the sheet to close", window_closed, GSIZE_TO_POINTER (TUTTI_TYPE_COURSE_SHEET));
}

/* PUP-4: the history and a record, its evaluations paged. */
static void
check_pupil_history (Test *test)
{
  TuttiRecordTable *history = show_pupil_list (test, "history", "the history");
  TuttiHistoryRecordDialog *dialog;
  TuttiRecordTable *evaluations;
  g_autofree char *from = tutti_format_date ("2021-09-13", get_lang ());
  g_autofree char *hours = tutti_format_duration (33 * 60, get_lang ());
  guint position = G_MAXUINT;

  for (guint i = 0; i < tutti_record_table_get_n_shown (history); i++)
    if (g_strcmp0 (tutti_record_table_get_shown_text (history, i, 2), "CMG MAA Niveau 1") == 0)
      position = i;
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_cmpstr (tutti_record_table_get_shown_text (history, position, 0), ==, "2021/2022");
  g_assert_cmpstr (tutti_record_table_get_shown_text (history, position, 4), ==, "GROSS Florent");
  save_screenshot (GTK_WIDGET (test->window), "pupil-history");

  g_signal_emit_by_name (tutti_record_table_get_column_view (history), "activate", position);
  wait_for ("the history record", history_record_loaded, NULL);
  dialog = TUTTI_HISTORY_RECORD_DIALOG (find_toplevel (TUTTI_TYPE_HISTORY_RECORD_DIALOG));

  assert_contains (tutti_history_record_dialog_get_heading (dialog), "2021/2022");
  assert_contains (tutti_history_record_dialog_get_dates (dialog), from);
  g_assert_cmpstr (tutti_history_record_dialog_get_value (dialog, "hours_planned"), ==, hours);
  g_assert_cmpstr (tutti_history_record_dialog_get_value (dialog, "teacher"), ==, "GROSS Florent");
  g_assert_cmpstr (tutti_history_record_dialog_get_value (dialog, "class_admitted"), ==, "CMG MAA Niveau 2");
  g_assert_nonnull (tutti_history_record_dialog_get_value (dialog, "average"));
  g_assert_nonnull (tutti_history_record_dialog_get_value (dialog, "comment"));
  g_assert_cmpstr (tutti_history_record_dialog_get_page_text (dialog), ==, "1 / 2");
  evaluations = tutti_history_record_dialog_get_list (dialog);
  g_assert_cmpuint (tutti_record_table_get_n_shown (evaluations), ==, 10);
  save_screenshot (GTK_WIDGET (dialog), "history-record");
  /* The evaluations and their pages. */
  tutti_history_record_dialog_show_tab (dialog, "evaluations");
  save_screenshot (GTK_WIDGET (dialog), "history-record-evaluations");

  /* The next page, and back. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "record.next-page", NULL);
  wait_for ("the second page", history_record_idle, dialog);
  g_assert_cmpstr (tutti_history_record_dialog_get_page_text (dialog), ==, "2 / 2");
  g_assert_cmpuint (tutti_record_table_get_n_shown (evaluations), ==, 2);
  save_screenshot (GTK_WIDGET (dialog), "history-record-page-2");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "record.previous-page", NULL);
  wait_for ("the first page", history_record_idle, dialog);
  g_assert_cmpstr (tutti_history_record_dialog_get_page_text (dialog), ==, "1 / 2");

  gtk_window_close (GTK_WINDOW (dialog));
  wait_for ("the record to close", window_closed, GSIZE_TO_POINTER (TUTTI_TYPE_HISTORY_RECORD_DIALOG));
}

/* PUP-5 */
static void
check_pupil_repertoire (Test *test)
{
  TuttiRecordTable *pieces = show_pupil_list (test, "repertoire", "the repertoire");

  g_assert_cmpuint (tutti_record_table_get_n_shown (pieces), ==, 4);
  save_screenshot (GTK_WIDGET (test->window), "pupil-repertoire");
}

/* ---- From Home ------------------------------------------------------------------ */

typedef struct
{
  TuttiWindow *window;
  gint64       pupil_id;
} PupilWait;

/* Home, loaded. */
static TuttiHomeView *
show_home (Test *test)
{
  show_sidebar_view (test->window, "home");
  wait_for ("the home page", home_loaded, test->window);
  return tutti_window_get_home_view (test->window);
}

/* Activates Home's row of the pupil @index among @rows (the pupils, or
 * their re-enrolments), which must be activatable, and waits for @what:
 * @shown on that pupil's id. Returns the pupil's id. */
static gint64
open_from_home (Test       *test,
                GPtrArray  *rows,
                guint       index,
                const char *what,
                Condition   shown)
{
  const TuttiHome *data = tutti_home_view_get_home (tutti_window_get_home_view (test->window));
  PupilWait wait = { test->window, ((TuttiHomePupil *) g_ptr_array_index (data->pupils, index))->id };
  GtkWidget *row = g_ptr_array_index (rows, index);

  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_activate (row));
  wait_for (what, shown, &wait);
  return wait.pupil_id;
}

static gboolean
pupil_shown (gpointer data)
{
  PupilWait *wait = data;
  TuttiPupilsView *view = tutti_window_get_pupils_view (wait->window);

  return g_strcmp0 (tutti_window_get_view_name (wait->window), "pupils") == 0 &&
         tutti_pupils_view_get_pupil_id (view) == wait->pupil_id &&
         identity_loaded (wait->window) &&
         tutti_pupils_view_get_pupil (view) != NULL &&
         tutti_pupils_view_get_pupil (view)->id == wait->pupil_id;
}

/* HOME-2: a pupil of Home opens that pupil's file. */
static void
check_home_opens_pupil (Test  *test,
                        guint  index)
{
  TuttiHomeView *home = show_home (test);

  if (index == 1)
    save_screenshot (GTK_WIDGET (test->window), "home-pupils");
  g_assert_cmpuint (tutti_home_view_get_home (home)->pupils->len, >, index);
  open_from_home (test, tutti_home_view_get_pupil_rows (home), index, "the pupil's file", pupil_shown);
  g_assert_cmpstr (tutti_pupils_view_get_tab (tutti_window_get_pupils_view (test->window)), ==, "identity");
  g_assert_cmpuint (gtk_drop_down_get_selected (tutti_pupils_view_get_pupil_dropdown (
                      tutti_window_get_pupils_view (test->window))), ==, index);
}

static gboolean
identity_idle (gpointer data)
{
  TuttiPupilsView *view = tutti_window_get_pupils_view (TUTTI_WINDOW (data));

  return !tutti_pupils_view_get_busy (view) &&
         g_strcmp0 (tutti_pupils_view_get_identity_state (view), "loading") != 0;
}

/* PUP-2: what was typed and not saved is not lost by choosing another
 * pupil without being asked; the answer keeps it or throws it away. */
static void
check_pupil_switch_asks (Test *test)
{
  TuttiPupilsView *view = tutti_window_get_pupils_view (test->window);
  GtkDropDown *dropdown = tutti_pupils_view_get_pupil_dropdown (view);
  TuttiRecordForm *form = tutti_pupils_view_get_form (view);
  gint64 shown = tutti_pupils_view_get_pupil_id (view);
  guint position = gtk_drop_down_get_selected (dropdown);
  guint other = position == 0 ? 1 : 0;
  GtkWidget *row = tutti_record_form_get_row (form, "person_to_notify");

  wait_for ("the pupil's identity", identity_loaded, test->window);
  type_text (row, "MARTIN Paul");
  g_assert_true (tutti_record_form_has_changes (form));

  /* Keep editing: the same pupil, with what was typed. */
  gtk_drop_down_set_selected (dropdown, other);
  answer_message_dialog (_("_Keep Editing"), "pupil-switch-question");
  g_assert_cmpint (tutti_pupils_view_get_pupil_id (view), ==, shown);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, position);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "MARTIN Paul");

  /* Discard: the other pupil, as the server has it. */
  gtk_drop_down_set_selected (dropdown, other);
  answer_message_dialog (_("_Discard"), NULL);
  wait_for ("the other pupil", identity_idle, test->window);
  wait_for ("the other pupil's identity", identity_loaded, test->window);
  g_assert_cmpint (tutti_pupils_view_get_pupil_id (view), !=, shown);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, other);
  g_assert_false (tutti_record_form_has_changes (form));
}

/* ---- The office's side, as the staff's own client does it ------------------------- */

static TuttiClient *
log_in_office (Test *test)
{
  return log_in_client (test->server, "secretariat", "Accueil2026", NULL);
}

/* The office refuses every change pending on the guardian @surname
 * @first_name, with @reason (STAFF-2). */
static void
refuse_as_office (Test       *test,
                  const char *surname,
                  const char *first_name,
                  const char *reason)
{
  g_autoptr(TuttiClient) staff = log_in_office (test);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(TuttiChangeGroup) decided = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  gint64 guardian_id = 0;

  tutti_client_list_change_groups_async (staff, NULL, result_cb, &result);
  groups = tutti_client_list_change_groups_finish (staff, wait_result ("the validation queue", &result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  for (guint i = 0; i < groups->len; i++)
    {
      const TuttiChangeGroup *group = g_ptr_array_index (groups, i);

      if (group->entity == TUTTI_ENTITY_GUARDIAN && g_strcmp0 (group->surname, surname) == 0 &&
          g_strcmp0 (group->first_name, first_name) == 0)
        guardian_id = group->entity_id;
    }
  g_assert_cmpint (guardian_id, !=, 0);

  tutti_client_refuse_all_changes_async (staff, TUTTI_ENTITY_GUARDIAN, guardian_id, reason, NULL,
                                         result_cb, &result);
  decided = tutti_client_refuse_all_changes_finish (staff, wait_result ("the refusal", &result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
}

/* The office decides on a document the family sent (STAFF-2). */
static void
decide_document_as_office (Test               *test,
                           gint64              document_id,
                           TuttiDocumentState  state,
                           const char         *reason)
{
  g_autoptr(TuttiClient) staff = log_in_office (test);
  g_autoptr(TuttiDocument) decided = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  tutti_client_decide_document_async (staff, document_id, state, reason, NULL, result_cb, &result);
  decided = tutti_client_decide_document_finish (staff, wait_result ("the decision", &result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpint (decided->state, ==, state);
}

/* The office takes a download offline (STAFF-3), as its desk does: DELETE
 * /staff/campaigns/{id}/downloads/{download_id}. */
static void
remove_download_as_office (Test   *test,
                           gint64  campaign_id,
                           gint64  download_id)
{
  g_autoptr(TuttiClient) staff = log_in_office (test);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *path = g_strdup_printf (TUTTI_API_STAFF_CAMPAIGN_DOWNLOAD_FMT, campaign_id, download_id);
  g_autofree char *url = g_strconcat (tutti_test_server_get_url (test->server), path, NULL);
  g_autofree char *bearer = g_strdup_printf ("Bearer %s", tutti_client_get_token (staff));
  g_autoptr(SoupMessage) message = soup_message_new ("DELETE", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_NO_CONTENT);
}

/* FAM-3: MARTIN's two guardians, each with a form. */
static void
check_two_guardians (Test *test)
{
  TuttiFamilyView *view = tutti_window_get_family_view (test->window);
  TuttiRecordForm *claire;
  TuttiRecordForm *paul;

  show_sidebar_view (test->window, "family");
  wait_for ("the family", family_loaded, test->window);

  g_assert_cmpuint (tutti_family_view_get_n_guardians (view), ==, 2);
  g_assert_true (tutti_family_view_get_switcher_visible (view));
  g_assert_cmpstr (tutti_family_view_get_guardian_title (view, 0), ==, "MARTIN Claire");
  g_assert_cmpstr (tutti_family_view_get_guardian_title (view, 1), ==, "MARTIN Paul");
  claire = tutti_family_view_get_form (view, 0);
  paul = tutti_family_view_get_form (view, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_record_form_get_row (claire, "first_name"))),
                   ==, "Claire");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_record_form_get_row (paul, "first_name"))),
                   ==, "Paul");
  save_screenshot (GTK_WIDGET (test->window), "family-two-guardians");

  /* Each can be edited. */
  tutti_family_view_show_guardian (view, 1);
  type_text (tutti_record_form_get_row (paul, "profession"), "Ingénieur");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (tutti_family_view_get_save_button (view, 1))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tutti_family_view_get_save_button (view, 0))));
  click (tutti_family_view_get_save_button (view, 1));
  answer_message_dialog (_("_OK"), NULL);
  wait_for ("the save", family_idle, test->window);
  g_assert_nonnull (tutti_record_form_get_marker (paul, "profession"));
  g_assert_null (tutti_record_form_get_marker (claire, "profession"));
  assert_contains (tutti_family_view_get_banner_text (view), "MARTIN Paul");
  save_screenshot (GTK_WIDGET (test->window), "family-two-guardians-pending");

  /* The office refuses it: the family sees why, the field keeps its value. */
  refuse_as_office (test, "MARTIN", "Paul", "Merci de joindre un justificatif.");
  show_sidebar_view (test->window, "home");
  show_sidebar_view (test->window, "family");
  wait_for ("the family", family_loaded, test->window);
  g_test_message ("Refused: %s", tutti_record_form_get_marker (paul, "profession"));
  assert_contains (tutti_record_form_get_marker (paul, "profession"), "Ingénieur");
  assert_contains (tutti_record_form_get_marker (paul, "profession"), "Merci de joindre un justificatif.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_record_form_get_row (paul, "profession"))),
                   !=, "Ingénieur");
  g_test_message ("Banner: %s", tutti_family_view_get_banner_text (view));
  g_assert_nonnull (tutti_family_view_get_banner_text (view));
  gtk_widget_grab_focus (tutti_record_form_get_row (paul, "profession"));
  save_screenshot (GTK_WIDGET (test->window), "family-refused");
}


/* ---- FAM-2: My documents ------------------------------------------------------------ */

#define ZTEST_ADDRESS "Famille Z-TEST — 6 rue de Verdun, 35500 Vitré"

static gboolean
documents_idle (gpointer data)
{
  const char *state = tutti_documents_page_get_state (TUTTI_DOCUMENTS_PAGE (data));

  return g_strcmp0 (state, "loading") != 0;
}

/* The position of the document of @kind in state @state, or -1. */
static int
find_document (TuttiDocumentsPage *page,
               const char         *kind,
               TuttiDocumentState  state)
{
  for (guint i = 0; i < tutti_documents_page_get_n_documents (page); i++)
    {
      const TuttiDocument *document = tutti_documents_page_get_document (page, i);

      if (g_strcmp0 (document->kind, kind) == 0 && document->state == state)
        return (int) i;
    }
  return -1;
}

typedef struct
{
  TuttiDocumentsPage *page;
  const char         *kind;
  TuttiDocumentState  state;
  gboolean            present;
} DocumentWait;

static gboolean
document_in_state (gpointer data)
{
  DocumentWait *wait = data;

  return documents_idle (wait->page) &&
         (find_document (wait->page, wait->kind, wait->state) >= 0) == wait->present;
}

static void
wait_for_document (TuttiDocumentsPage *page,
                   const char         *what,
                   const char         *kind,
                   TuttiDocumentState  state,
                   gboolean            present)
{
  DocumentWait wait = { page, kind, state, present };

  wait_for (what, document_in_state, &wait);
}

static gboolean
document_view_loaded (gpointer data)
{
  TuttiDocumentView *document = *(TuttiDocumentView **) data;

  return document != NULL &&
         g_strcmp0 (tutti_document_view_get_state (document), "content") == 0 &&
         tutti_document_view_get_n_pages_drawn (document) >= 1;
}

static void
upload_through_dialog (TuttiDocumentsPage *page,
                       const char         *path,
                       guint               expected_kind)
{
  TuttiImportDialog *dialog = import_file (page, path);

  g_assert_cmpuint (gtk_drop_down_get_selected (tutti_import_dialog_get_kind_dropdown (dialog)), ==,
                    expected_kind);
  click (tutti_import_dialog_get_import_button (dialog));
  wait_for ("the import dialog to close", window_closed, GSIZE_TO_POINTER (TUTTI_TYPE_IMPORT_DIALOG));
}

static void decide_document_as_office (Test               *test,
                                       gint64              document_id,
                                       TuttiDocumentState  state,
                                       const char         *reason);

static void
check_my_documents (Test *test)
{
  TuttiFamilyView *view = tutti_window_get_family_view (test->window);
  TuttiDocumentsPage *page = tutti_family_view_get_documents_page (view);
  TuttiDocumentView *document_view;
  g_autofree char *path = write_pdf (test->tmp_dir, "attestation-caf.pdf", "Attestation de quotient familial",
                                     ZTEST_ADDRESS);
  g_autofree char *rib = write_pdf (test->tmp_dir, "rib-2026.pdf", "Relevé d'identité bancaire", ZTEST_ADDRESS);
  g_autofree char *today_iso = NULL;
  g_autofree char *today = NULL;
  g_autofree char *state = NULL;
  g_autofree char *cell = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *refused_reason = "Attestation de plus de 4 mois";
  gint64 quotient_id;
  int position;

  show_sidebar_view (test->window, "family");
  wait_for ("the family", family_loaded, test->window);
  tutti_family_view_show_documents (view);
  wait_for ("the documents", documents_idle, page);
  g_assert_cmpstr (tutti_documents_page_get_state (page), ==, "content");

  /* The three documents the open re-enrolment asks for, none sent yet. */
  g_assert_cmpuint (tutti_documents_page_get_n_documents (page), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = tutti_documents_page_get_state_text (page, i);

      g_assert_cmpint (tutti_documents_page_get_document (page, i)->state, ==, TUTTI_DOCUMENT_TO_PROVIDE);
      g_assert_cmpstr (text, ==, is_french () ? "À fournir" : "To provide");
    }
  g_assert_cmpstr (tutti_documents_page_get_document (page, 0)->kind, ==, "family-quotient");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tutti_documents_page_get_import_button (page))));
  save_screenshot (GTK_WIDGET (test->window), "family-documents");

  /* Import… with no row chosen: the first one still to provide. */
  click (tutti_documents_page_get_import_button (page));
  upload_through_dialog (page, path, 0);
  wait_for_document (page, "the certificate provided", "family-quotient", TUTTI_DOCUMENT_PROVIDED, TRUE);
  position = find_document (page, "family-quotient", TUTTI_DOCUMENT_PROVIDED);
  quotient_id = tutti_documents_page_get_document (page, position)->id;
  g_assert_cmpstr (tutti_documents_page_get_document (page, position)->file_name, ==, "attestation-caf.pdf");
  state = tutti_documents_page_get_state_text (page, position);
  g_assert_cmpstr (state, ==, is_french () ? "Fourni" : "Provided");
  /* Name, file name, date, time, size: each as core formats it. */
  today_iso = g_date_time_format (now, "%Y-%m-%d");
  today = tutti_format_date (today_iso, get_lang ());
  cell = tutti_documents_page_get_cell_text (page, position, 2);
  g_assert_cmpstr (cell, ==, today);
  g_clear_pointer (&cell, g_free);
  cell = tutti_documents_page_get_cell_text (page, position, 3);
  g_assert_cmpuint (strlen (cell), >=, 4);
  g_clear_pointer (&cell, g_free);
  cell = tutti_documents_page_get_cell_text (page, position, 4);
  assert_contains (cell, is_french () ? "Mo" : "MB");
  g_clear_pointer (&cell, g_free);
  g_test_message ("Toast: %s", tutti_documents_page_get_last_toast (page));
  assert_contains (tutti_documents_page_get_last_toast (page), "attestation-caf.pdf");
  save_screenshot (GTK_WIDGET (test->window), "family-documents-provided");

  /* View: the PDF as it was sent, in the document window. */
  tutti_documents_page_run_action (page, (guint) position, "view");
  document_view = TUTTI_DOCUMENT_VIEW (tutti_documents_page_get_viewer (page));
  wait_for ("the document", document_view_loaded, &document_view);
  g_assert_cmpstr (tutti_document_view_get_file_name (document_view), ==, "attestation-caf.pdf");
  save_screenshot (GTK_WIDGET (document_view), "family-document-view");
  gtk_window_close (GTK_WINDOW (document_view));
  wait_for ("the document to close", window_closed, GSIZE_TO_POINTER (TUTTI_TYPE_DOCUMENT_VIEW));

  /* Search: the words typed keep the rows that have them. */
  type_text (tutti_documents_page_get_search_entry (page), "caf");
  wait_ms (300);
  g_assert_cmpuint (tutti_documents_page_get_n_shown (page), ==, 1);
  g_assert_cmpint (tutti_documents_page_get_shown (page, 0)->id, ==, quotient_id);
  type_text (tutti_documents_page_get_search_entry (page), "xylophone");
  wait_ms (300);
  g_assert_cmpuint (tutti_documents_page_get_n_shown (page), ==, 0);
  g_assert_cmpstr (tutti_documents_page_get_state (page), ==, "no-results");
  type_text (tutti_documents_page_get_search_entry (page), "");
  wait_ms (300);
  g_assert_cmpuint (tutti_documents_page_get_n_shown (page), ==, 3);

  /* The office refuses it: the family reads why, and replaces it. */
  decide_document_as_office (test, quotient_id, TUTTI_DOCUMENT_REFUSED, refused_reason);
  show_sidebar_view (test->window, "home");
  show_sidebar_view (test->window, "family");
  wait_for_document (page, "the refusal", "family-quotient", TUTTI_DOCUMENT_REFUSED, TRUE);
  position = find_document (page, "family-quotient", TUTTI_DOCUMENT_REFUSED);
  g_clear_pointer (&state, g_free);
  state = tutti_documents_page_get_state_text (page, position);
  g_test_message ("Refused: %s", state);
  assert_contains (state, refused_reason);
  assert_contains (state, is_french () ? "Refusé" : "Refused");
  save_screenshot (GTK_WIDGET (test->window), "family-documents-refused");

  tutti_documents_page_run_action (page, (guint) position, "replace");
  wait_for ("the import dialog", import_dialog_shown, page);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (tutti_documents_page_get_import_dialog (page))), ==,
                   is_french () ? "Remplacer un document refusé" : "Replace a Refused Document");
  save_screenshot (GTK_WIDGET (tutti_documents_page_get_import_dialog (page)), "family-documents-replace");
  upload_through_dialog (page, path, 0);
  /* The new one provided, the refused one gone. */
  wait_for_document (page, "the refused one to go", "family-quotient", TUTTI_DOCUMENT_REFUSED, FALSE);
  wait_for_document (page, "the new one", "family-quotient", TUTTI_DOCUMENT_PROVIDED, TRUE);
  position = find_document (page, "family-quotient", TUTTI_DOCUMENT_PROVIDED);
  g_assert_cmpint (tutti_documents_page_get_document (page, position)->id, !=, quotient_id);
  g_assert_cmpuint (tutti_documents_page_get_n_documents (page), ==, 3);

  /* The bank details chosen in the list, then sent. */
  position = find_document (page, "bank-details", TUTTI_DOCUMENT_TO_PROVIDE);
  g_assert_cmpint (position, >=, 0);
  tutti_documents_page_run_action (page, (guint) position, "import");
  /* The kinds offered: the three asked for, in the campaign's order, then "other". */
  upload_through_dialog (page, rib, 2);
  wait_for_document (page, "the bank details", "bank-details", TUTTI_DOCUMENT_PROVIDED, TRUE);

  /* Delete, confirmed: the document is to provide again. */
  position = find_document (page, "bank-details", TUTTI_DOCUMENT_PROVIDED);
  tutti_documents_page_run_action (page, (guint) position, "delete");
  answer_message_dialog (_("_Delete"), "family-documents-delete");
  wait_for_document (page, "the deletion", "bank-details", TUTTI_DOCUMENT_PROVIDED, FALSE);
  g_assert_cmpint (find_document (page, "bank-details", TUTTI_DOCUMENT_TO_PROVIDE), >=, 0);
  assert_contains (tutti_documents_page_get_last_toast (page), "rib-2026.pdf");
}

/* PUP-1: a pupil's re-enrolment state on Home opens that pupil's
 * Re-enrolment tab. */
static gboolean
reenrolment_tab_shown (gpointer data)
{
  PupilWait *wait = data;
  TuttiPupilsView *view = tutti_window_get_pupils_view (wait->window);
  TuttiReenrolmentView *reenrolment = tutti_pupils_view_get_reenrolment_view (view);
  const char *state = tutti_reenrolment_view_get_state (reenrolment);

  return g_strcmp0 (tutti_window_get_view_name (wait->window), "pupils") == 0 &&
         tutti_pupils_view_get_pupil_id (view) == wait->pupil_id &&
         g_strcmp0 (tutti_pupils_view_get_tab (view), "reenrolment") == 0 &&
         (g_strcmp0 (state, "choice") == 0 || g_strcmp0 (state, "stepper") == 0);
}

static void
check_home_opens_reenrolment (Test  *test,
                              guint  index)
{
  TuttiHomeView *home = show_home (test);
  TuttiPupilsView *pupils = tutti_window_get_pupils_view (test->window);
  const TuttiReenrolmentFile *file;
  gint64 pupil_id;

  g_assert_cmpuint (tutti_home_view_get_reenrolment_rows (home)->len, >, index);
  pupil_id = open_from_home (test, tutti_home_view_get_reenrolment_rows (home), index,
                             "the pupil's re-enrolment", reenrolment_tab_shown);
  file = tutti_reenrolment_view_get_file (tutti_pupils_view_get_reenrolment_view (pupils));
  g_assert_nonnull (file);
  g_assert_cmpint (file->reenrolment->pupil_id, ==, pupil_id);
  g_assert_cmpuint (gtk_drop_down_get_selected (tutti_pupils_view_get_pupil_dropdown (pupils)), ==, index);
  if (index == 1)
    save_screenshot (GTK_WIDGET (test->window), "home-opens-reenrolment");
}

/* HOME-3: Download the re-enrolment documents. */
static const TuttiCampaign *
get_reenrolment_campaign (const TuttiHome *home)
{
  for (guint i = 0; i < home->campaigns->len; i++)
    {
      const TuttiCampaign *campaign = g_ptr_array_index (home->campaigns, i);

      if (campaign->kind == TUTTI_CAMPAIGN_REENROLMENT)
        return campaign;
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
home_has_n_downloads (gpointer data)
{
  Test *test = ((gpointer *) data)[0];
  guint n = GPOINTER_TO_UINT (((gpointer *) data)[1]);
  TuttiHomeView *home = tutti_window_get_home_view (test->window);
  const TuttiHome *loaded = tutti_home_view_get_home (home);

  return home_loaded (test->window) && loaded != NULL &&
         get_reenrolment_campaign (loaded)->downloads->len == n;
}

static void
reload_home (Test  *test,
             guint  n_downloads)
{
  gpointer wait[2] = { test, GUINT_TO_POINTER (n_downloads) };

  show_sidebar_view (test->window, "family");
  show_sidebar_view (test->window, "home");
  wait_for ("the home page again", home_has_n_downloads, wait);
}

static void
check_download_opens (Test       *test,
                      const char *file_name,
                      const char *screen)
{
  TuttiHomeView *home = tutti_window_get_home_view (test->window);
  TuttiDocumentView *document = tutti_home_view_get_document_view (home);

  g_assert_nonnull (document);
  wait_for ("the download", document_view_loaded, &document);
  g_assert_cmpstr (tutti_document_view_get_file_name (document), ==, file_name);
  g_assert_null (tutti_document_view_get_error (document));
  g_assert_cmpint (tutti_document_view_get_n_pages (document), >=, 1);
  if (screen != NULL)
    save_screenshot (GTK_WIDGET (document), screen);
  gtk_window_close (GTK_WINDOW (document));
  wait_for ("the download to close", window_closed, GSIZE_TO_POINTER (TUTTI_TYPE_DOCUMENT_VIEW));
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static void
check_home_downloads (Test *test)
{
  TuttiHomeView *home = tutti_window_get_home_view (test->window);
  GtkButton *button = tutti_home_view_get_download_button (home);
  GtkMenuButton *menu_button = tutti_home_view_get_downloads_menu_button (home);
  GMenuModel *menu = tutti_home_view_get_downloads_menu (home);
  const TuttiCampaign *campaign;
  const TuttiDownload *first;
  g_autofree char *first_file_name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  g_autofree char *label = NULL;
  gint64 campaign_id;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  show_home (test);
  campaign = get_reenrolment_campaign (tutti_home_view_get_home (home));
  campaign_id = campaign->id;
  for (guint i = 0; i < campaign->downloads->len; i++)
    g_array_append_val (ids, ((TuttiDownload *) g_ptr_array_index (campaign->downloads, i))->id);

  /* The demo's four PDFs: a menu to choose from. */
  g_assert_cmpuint (campaign->downloads->len, ==, 4);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (menu_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 4);
  first = g_ptr_array_index (campaign->downloads, 0);
  first_file_name = g_strdup (first->file_name);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, first->name);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "home.open-download");
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE ("(xx)"));
  g_assert_nonnull (target);
  save_screenshot (GTK_WIDGET (test->window), "home-downloads");
  gtk_menu_button_popup (menu_button);
  wait_for ("the menu", popover_shown, gtk_menu_button_get_popover (menu_button));
  save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (menu_button)), "home-downloads-menu");

  /* The menu's first item, as a click on it does. */
  gtk_menu_button_popdown (menu_button);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (menu_button), action, target));
  check_download_opens (test, first_file_name, "home-download-pdf");

  /* The office leaves one PDF online: the button opens it at once. */
  for (guint i = 1; i < ids->len; i++)
    remove_download_as_office (test, campaign_id, g_array_index (ids, gint64, i));
  reload_home (test, 1);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (menu_button)));
  save_screenshot (GTK_WIDGET (test->window), "home-download-one");
  click (button);
  check_download_opens (test, first_file_name, NULL);

  /* None left: no button. */
  remove_download_as_office (test, campaign_id, g_array_index (ids, gint64, 0));
  reload_home (test, 0);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (menu_button)));
}

static void
family_script (gpointer data)
{
  Test *test = data;

  log_in (test->window, "ztest1", "Vitre2026");
  check_family (test);
  check_server_errors (test);
  check_pupil_identity (test);
  check_pupil_courses (test);
  check_pupil_history (test);
  check_pupil_repertoire (test);
  check_home_opens_pupil (test, 0);
  check_my_documents (test);
  log_out (test->window);

  log_in (test->window, "cmartin", "Vitre2026");
  check_two_guardians (test);
  /* Three pupils: the second one's file. */
  check_home_opens_pupil (test, 1);
  check_home_opens_pupil (test, 2);
  check_pupil_switch_asks (test);
  check_home_opens_reenrolment (test, 1);
  check_home_opens_reenrolment (test, 0);
  check_home_downloads (test);
  log_out (test->window);
}

/* ---- Running the app --------------------------------------------------------------- */

static void
test_ui_family (void)
{
  Test test = { 0 };

  test.server = tutti_test_server_start (TRUE, NULL);
  test.tmp_dir = tutti_test_make_tmpdir ("ui-family-files");
  run_app (tutti_test_server_get_url (test.server), &test.app, &test.window, family_script, &test);
  tutti_test_server_stop (test.server);
  tutti_test_rm_rf (test.tmp_dir);
  g_free (test.tmp_dir);
}

int
main (int   argc,
      char *argv[])
{
  char *tmp_dir = init_ui_test (&argc, &argv, "ui-family");

  g_test_add_func ("/ui/family", test_ui_family);

  return run_ui_tests (tmp_dir);
}
