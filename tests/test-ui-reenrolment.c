/* test-ui-reenrolment.c — the six-step re-enrolment in the real app,
 * against a real tutti-server --demo
 *
 * Runs under Xvfb in a private D-Bus, once per language, like test-ui.c.
 * Logs in as ztest1, opens Pupils → Re-enrolment for Z-TEST Essai, chooses
 * "I wish to re-enrol", goes through the six steps through the widgets
 * (a changed mobile phone and "Modified elements"; image rights; a real
 * PDF made with cairo imported as the family-quotient certificate; the
 * course kept at a site; I accept and Validate; "awaiting validation"),
 * logs out and in again mid-way to see it resume at the same step. Then the
 * office (STAFF-2, STAFF-4), through the app as well: secretariat opens
 * Re-enrolments, filters "submitted", opens the file, previews the
 * uploaded certificate, accepts the changed phone number and the document,
 * and validates the re-enrolment; back as the family, home says
 * "validated". Screenshots go to $TUTTI_SCREENSHOT_DIR as
 * reenrolment-*-<language>.png and staff-reenrolment*-<language>.png.
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

typedef struct
{
  TuttiTestServer  *server;
  TuttiApplication *app;
  TuttiWindow      *window;
} Test;

/* ---- Conditions -------------------------------------------------------------- */

static gboolean
identity_loaded (gpointer data)
{
  TuttiPupilsView *view = tutti_window_get_pupils_view (TUTTI_WINDOW (data));

  return g_strcmp0 (tutti_pupils_view_get_state (view), "content") == 0 &&
         g_strcmp0 (tutti_pupils_view_get_identity_state (view), "content") == 0 &&
         !tutti_pupils_view_get_busy (view);
}

/* ---- Re-enrolment ------------------------------------------------------------------ */

static TuttiReenrolmentView *
get_view (Test *test)
{
  return tutti_pupils_view_get_reenrolment_view (tutti_window_get_pupils_view (test->window));
}

static gboolean
view_in_state (gpointer data)
{
  Test *test = ((gpointer *) data)[0];
  const char *state = ((gpointer *) data)[1];

  return g_strcmp0 (tutti_reenrolment_view_get_state (get_view (test)), state) == 0 &&
         !tutti_reenrolment_view_get_busy (get_view (test));
}

static void
wait_view_state (Test       *test,
                 const char *state)
{
  gpointer data[2] = { test, (gpointer) state };

  wait_for (state, view_in_state, data);
}

static gboolean
view_idle (gpointer data)
{
  return !tutti_reenrolment_view_get_busy (TUTTI_REENROLMENT_VIEW (data));
}

static void
go_next (Test  *test,
         guint  expected_step)
{
  TuttiReenrolmentView *view = get_view (test);

  click (tutti_reenrolment_view_get_next_button (view));
  wait_for ("the step to be saved", view_idle, view);
  if (tutti_reenrolment_view_get_step (view) != expected_step)
    g_error ("At step %u, not %u: %s", tutti_reenrolment_view_get_step (view), expected_step,
             tutti_reenrolment_view_get_message (view));
}

static void
open_reenrolment_tab (Test *test)
{
  TuttiPupilsView *pupils = tutti_window_get_pupils_view (test->window);

  show_sidebar_view (test->window, "pupils");
  wait_for ("the pupil", identity_loaded, test->window);
  tutti_pupils_view_show_tab (pupils, "reenrolment");
  g_assert_cmpstr (tutti_pupils_view_get_tab (pupils), ==, "reenrolment");
}

static gboolean
documents_loaded (gpointer data)
{
  TuttiDocumentsPage *page = data;

  return g_strcmp0 (tutti_documents_page_get_state (page), "content") == 0 &&
         tutti_documents_page_get_n_documents (page) > 0;
}

static gboolean
quotient_provided (gpointer data)
{
  TuttiDocumentsPage *page = data;

  for (guint i = 0; i < tutti_documents_page_get_n_documents (page); i++)
    {
      const TuttiDocument *document = tutti_documents_page_get_document (page, i);

      if (g_strcmp0 (document->kind, "family-quotient") == 0 && document->state == TUTTI_DOCUMENT_PROVIDED &&
          document->id != 0)
        return TRUE;
    }
  return FALSE;
}

static void
do_step1 (Test *test)
{
  TuttiReenrolmentView *view = get_view (test);
  TuttiRecordForm *form = tutti_reenrolment_view_get_form (view, 0);
  g_autofree char *changes = NULL;

  g_assert_cmpuint (tutti_reenrolment_view_get_step (view), ==, 1);
  type_text (tutti_record_form_get_row (form, "mobile_phone"), "06 12 34 56 78");
  changes = tutti_reenrolment_view_get_changes_text (view);
  assert_contains (changes, "06 12 34 56 78");
  save_screenshot (GTK_WIDGET (test->window), "reenrolment-step1");
  go_next (test, 2);
}

static void
do_step2 (Test *test)
{
  TuttiReenrolmentView *view = get_view (test);

  /* Not answered: Next says why. */
  gtk_check_button_set_active (tutti_reenrolment_view_get_image_rights_button (view, TRUE), FALSE);
  gtk_check_button_set_active (tutti_reenrolment_view_get_image_rights_button (view, FALSE), FALSE);
  click (tutti_reenrolment_view_get_next_button (view));
  g_assert_cmpuint (tutti_reenrolment_view_get_step (view), ==, 2);
  g_assert_nonnull (tutti_reenrolment_view_get_message (view));
  g_assert_true (has_focus_within (GTK_WIDGET (tutti_reenrolment_view_get_image_rights_button (view, TRUE))));
  gtk_check_button_set_active (tutti_reenrolment_view_get_image_rights_button (view, TRUE), TRUE);
  save_screenshot (GTK_WIDGET (test->window), "reenrolment-step2");
  go_next (test, 3);
}

static void
do_step3 (Test       *test,
          const char *tmp_dir)
{
  TuttiReenrolmentView *view = get_view (test);
  TuttiDocumentsPage *page = tutti_reenrolment_view_get_documents_page (view);
  g_autofree char *path = write_pdf (tmp_dir, "attestation-caf.pdf", "Attestation de quotient familial",
                                     "Famille Z-TEST — quotient familial : 850");
  TuttiImportDialog *dialog;

  wait_for ("the documents", documents_loaded, page);
  click (tutti_documents_page_get_import_button (page));
  dialog = import_file (page, path);
  /* The first document asked for is the family-quotient certificate. */
  g_assert_cmpuint (gtk_drop_down_get_selected (tutti_import_dialog_get_kind_dropdown (dialog)), ==, 0);
  save_screenshot (GTK_WIDGET (dialog), "reenrolment-import");
  click (tutti_import_dialog_get_import_button (dialog));
  wait_for ("the document to be provided", quotient_provided, page);
  wait_for ("the import dialog to close", window_closed, GSIZE_TO_POINTER (TUTTI_TYPE_IMPORT_DIALOG));
  save_screenshot (GTK_WIDGET (test->window), "reenrolment-step3");
  go_next (test, 4);
}

static void
do_step4 (Test *test)
{
  TuttiReenrolmentView *view = get_view (test);
  GtkCheckButton *check = tutti_reenrolment_view_get_course_check (view, 0);
  GtkDropDown *dropdown = tutti_reenrolment_view_get_course_dropdown (view, 0);

  g_assert_nonnull (check);
  g_assert_nonnull (dropdown);
  gtk_check_button_set_active (check, TRUE);
  /* A site not chosen: Next says why. */
  gtk_drop_down_set_selected (dropdown, 0);
  click (tutti_reenrolment_view_get_next_button (view));
  g_assert_cmpuint (tutti_reenrolment_view_get_step (view), ==, 4);
  g_assert_nonnull (tutti_reenrolment_view_get_message (view));
  gtk_drop_down_set_selected (dropdown, 1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (tutti_reenrolment_view_get_free_text (view)),
                            "Essai aimerait aussi découvrir la chorale.", -1);
  save_screenshot (GTK_WIDGET (test->window), "reenrolment-step4");
  go_next (test, 5);
}

static gboolean
home_state_is (gpointer data)
{
  Test *test = ((gpointer *) data)[0];
  const char *state = ((gpointer *) data)[1];
  TuttiHomeView *home = tutti_window_get_home_view (test->window);
  GPtrArray *rows = tutti_home_view_get_reenrolment_rows (home);

  if (g_strcmp0 (tutti_home_view_get_state (home), "content") != 0 || rows == NULL || rows->len == 0)
    return FALSE;
  for (GtkWidget *w = g_ptr_array_index (rows, 0); w != NULL; )
    {
      GtkWidget *child = gtk_widget_get_first_child (w);

      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "tutti-state"))
        return g_strcmp0 (gtk_label_get_label (GTK_LABEL (w)), state) == 0;
      /* depth first */
      if (child != NULL)
        {
          w = child;
          continue;
        }
      while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != g_ptr_array_index (rows, 0))
        w = gtk_widget_get_parent (w);
      if (w == NULL || w == g_ptr_array_index (rows, 0))
        return FALSE;
      w = gtk_widget_get_next_sibling (w);
    }
  return FALSE;
}

static void
check_home_state (Test                  *test,
                  TuttiReenrolmentState  state)
{
  const char *label = tutti_enum_to_label (&tutti_reenrolment_state_enum, state, get_lang ());
  gpointer data[2] = { test, (gpointer) label };

  show_sidebar_view (test->window, "home");
  tutti_home_view_refresh (tutti_window_get_home_view (test->window));
  wait_for (label, home_state_is, data);
}

/* ---- The office's desk (STAFF-2, STAFF-4) ---------------------------------------------- */

static TuttiStaffReenrolmentsView *
get_desk (Test *test)
{
  return tutti_window_get_staff_reenrolments_view (test->window);
}

static gboolean
desk_loaded (gpointer data)
{
  TuttiStaffReenrolmentsView *desk = data;

  return g_strcmp0 (tutti_staff_reenrolments_view_get_state (desk), "content") == 0 &&
         tutti_staff_reenrolments_view_get_campaign (desk) != NULL &&
         !tutti_staff_reenrolments_view_get_busy (desk);
}

static gboolean
file_shown (gpointer data)
{
  TuttiStaffReenrolmentsView *desk = data;

  return g_strcmp0 (tutti_staff_reenrolments_view_get_page_name (desk), "detail") == 0 &&
         g_strcmp0 (tutti_staff_reenrolments_view_get_detail_state (desk), "content") == 0 &&
         tutti_staff_reenrolments_view_get_file (desk) != NULL &&
         !tutti_staff_reenrolments_view_get_busy (desk);
}

static gboolean
desk_idle (gpointer data)
{
  return !tutti_staff_reenrolments_view_get_busy (TUTTI_STAFF_REENROLMENTS_VIEW (data));
}

static const TuttiDocument *
file_document (TuttiStaffReenrolmentsView *desk,
               const char                 *kind)
{
  const TuttiReenrolmentFile *file = tutti_staff_reenrolments_view_get_file (desk);

  for (guint i = 0; i < file->documents->len; i++)
    {
      const TuttiDocument *document = g_ptr_array_index (file->documents, i);

      if (g_strcmp0 (document->kind, kind) == 0 && document->id != 0)
        return document;
    }
  return NULL;
}

static const TuttiPendingChange *
file_change (TuttiStaffReenrolmentsView *desk,
             const char                 *field)
{
  return find_change (tutti_staff_reenrolments_view_get_file (desk)->changes, field);
}

static gboolean
preview_shown (gpointer data)
{
  GtkWindow *viewer = tutti_staff_reenrolments_view_get_viewer (TUTTI_STAFF_REENROLMENTS_VIEW (data));

  return viewer != NULL && TUTTI_IS_DOCUMENT_VIEW (viewer) &&
         g_strcmp0 (tutti_document_view_get_state (TUTTI_DOCUMENT_VIEW (viewer)), "content") == 0;
}

/* The position of re-enrolment @id among the rows shown, or G_MAXUINT. */
static guint
shown_position (TuttiStaffReenrolmentsView *desk,
                gint64                      id)
{
  for (guint i = 0; i < tutti_staff_reenrolments_view_get_n_shown (desk); i++)
    if (tutti_staff_reenrolments_view_get_shown (desk, i)->id == id)
      return i;
  return G_MAXUINT;
}

/* STAFF-2, STAFF-4 through the app: the office checks and validates it. */
static void
office_validates (Test   *test,
                  gint64  reenrolment_id)
{
  TuttiStaffReenrolmentsView *desk = get_desk (test);
  GtkDropDown *dropdown = tutti_staff_reenrolments_view_get_state_dropdown (desk);
  const TuttiReenrolmentFile *file;
  const TuttiDocument *document;
  const TuttiPendingChange *change;
  gint64 document_id, change_id;
  guint position;

  log_out (test->window);
  log_in (test->window, "secretariat", "Accueil2026");
  show_sidebar_view (test->window, "reenrolments");
  wait_for ("the re-enrolment desk", desk_loaded, desk);
  g_assert_cmpint (tutti_staff_reenrolments_view_get_campaign (desk)->kind, ==, TUTTI_CAMPAIGN_REENROLMENT);
  g_assert_cmpuint (shown_position (desk, reenrolment_id), !=, G_MAXUINT);
  save_screenshot (GTK_WIDGET (test->window), "staff-reenrolments");

  /* Filter "submitted": only those, Z-TEST Essai's among them. */
  gtk_drop_down_set_selected (dropdown, 1 + TUTTI_REENROLMENT_SUBMITTED);
  g_assert_cmpuint (tutti_staff_reenrolments_view_get_n_shown (desk), >, 0);
  for (guint i = 0; i < tutti_staff_reenrolments_view_get_n_shown (desk); i++)
    g_assert_cmpint (tutti_staff_reenrolments_view_get_shown (desk, i)->state, ==, TUTTI_REENROLMENT_SUBMITTED);
  position = shown_position (desk, reenrolment_id);
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_cmpstr (tutti_staff_reenrolments_view_get_shown (desk, position)->family_name, ==, "Z-TEST");
  g_assert_cmpint (tutti_staff_reenrolments_view_get_shown (desk, position)->documents_to_check, >=, 1);
  g_assert_cmpint (tutti_staff_reenrolments_view_get_shown (desk, position)->changes_pending, >=, 1);

  /* Ctrl+F searches, by family or pupil. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk), "staff-reenrolments.search", NULL));
  g_assert_true (has_focus_within (GTK_WIDGET (tutti_staff_reenrolments_view_get_search_entry (desk))));
  gtk_editable_set_text (GTK_EDITABLE (tutti_staff_reenrolments_view_get_search_entry (desk)), "Essai");
  wait_ms (300);   /* the search entry's delay */
  position = shown_position (desk, reenrolment_id);
  g_assert_cmpuint (position, !=, G_MAXUINT);
  save_screenshot (GTK_WIDGET (test->window), "staff-reenrolments-submitted");

  /* Enter or a double-click opens the whole file. */
  g_signal_emit_by_name (tutti_staff_reenrolments_view_get_column_view (desk), "activate", position);
  wait_for ("the re-enrolment file", file_shown, desk);
  file = tutti_staff_reenrolments_view_get_file (desk);
  g_assert_cmpint (file->reenrolment->id, ==, reenrolment_id);
  g_assert_cmpint (file->reenrolment->state, ==, TUTTI_REENROLMENT_SUBMITTED);
  g_assert_cmpint (file->reenrolment->image_rights, ==, TUTTI_IMAGE_RIGHTS_YES);
  g_assert_cmpstr (file->reenrolment->free_text, ==, "Essai aimerait aussi découvrir la chorale.");
  g_assert_nonnull (tutti_staff_reenrolments_view_get_decision_text (desk));
  document = file_document (desk, "family-quotient");
  g_assert_nonnull (document);
  g_assert_cmpint (document->state, ==, TUTTI_DOCUMENT_PROVIDED);
  document_id = document->id;
  change = file_change (desk, "mobile_phone");
  g_assert_nonnull (change);
  g_assert_cmpint (change->state, ==, TUTTI_CHANGE_PENDING);
  g_assert_cmpstr (change->new_value, ==, "06 12 34 56 78");
  change_id = change->id;
  save_screenshot (GTK_WIDGET (test->window), "staff-reenrolment-file");

  /* The certificate, previewed as the office receives it. */
  click_shown (tutti_staff_reenrolments_view_get_document_button (desk, document_id, "preview"));
  wait_for ("the preview", preview_shown, desk);
  save_screenshot (GTK_WIDGET (tutti_staff_reenrolments_view_get_viewer (desk)), "staff-reenrolment-preview");
  gtk_window_destroy (tutti_staff_reenrolments_view_get_viewer (desk));
  wait_for ("the preview to close", window_closed, GSIZE_TO_POINTER (TUTTI_TYPE_DOCUMENT_VIEW));

  /* A refusal needs a reason: Refuse stays off until one is typed. */
  click_shown (tutti_staff_reenrolments_view_get_document_button (desk, document_id, "refuse"));
  type_refusal_reason (is_french () ? "Attestation de plus de 4 mois" : "Certificate over 4 months old");
  answer_message_dialog (_("_Cancel"), "staff-reenrolment-refuse-document");

  /* The changed phone number, decided as in the Validation queue. */
  click_shown (tutti_staff_reenrolments_view_get_change_button (desk, change_id, "accept"));
  wait_for ("the change to be accepted", desk_idle, desk);
  g_assert_cmpint (file_change (desk, "mobile_phone")->state, ==, TUTTI_CHANGE_ACCEPTED);
  g_assert_cmpstr (tutti_staff_reenrolments_view_get_last_toast (desk), ==, _("Change accepted"));
  g_assert_null (tutti_staff_reenrolments_view_get_change_button (desk, change_id, "accept"));

  click_shown (tutti_staff_reenrolments_view_get_document_button (desk, document_id, "accept"));
  wait_for ("the document to be accepted", desk_idle, desk);
  g_assert_cmpint (file_document (desk, "family-quotient")->state, ==, TUTTI_DOCUMENT_ACCEPTED);
  g_assert_cmpstr (tutti_staff_reenrolments_view_get_last_toast (desk), ==, _("Document accepted"));
  g_assert_null (tutti_staff_reenrolments_view_get_document_button (desk, document_id, "accept"));

  /* Validate, once asked; the courses and the place chosen come first. */
  gtk_widget_grab_focus (GTK_WIDGET (tutti_staff_reenrolments_view_get_validate_button (desk)));
  wait_ms (300);
  save_screenshot (GTK_WIDGET (test->window), "staff-reenrolment-file-end");
  click_shown (tutti_staff_reenrolments_view_get_validate_button (desk));
  answer_message_dialog (_("_Validate"), "staff-reenrolment-validate");
  wait_for ("the re-enrolment to be validated", desk_idle, desk);
  file = tutti_staff_reenrolments_view_get_file (desk);
  g_assert_cmpint (file->reenrolment->state, ==, TUTTI_REENROLMENT_VALIDATED);
  g_assert_cmpstr (tutti_staff_reenrolments_view_get_last_toast (desk), ==, _("Re-enrolment validated"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (tutti_staff_reenrolments_view_get_validate_button (desk))));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (tutti_staff_reenrolments_view_get_refuse_button (desk))));
  save_screenshot (GTK_WIDGET (test->window), "staff-reenrolment-validated");

  /* Back on the list, the row says so: no longer among those submitted. */
  click_shown (tutti_staff_reenrolments_view_get_back_button (desk));
  g_assert_cmpstr (tutti_staff_reenrolments_view_get_page_name (desk), ==, "list");
  g_assert_cmpuint (shown_position (desk, reenrolment_id), ==, G_MAXUINT);
  gtk_drop_down_set_selected (dropdown, 1 + TUTTI_REENROLMENT_VALIDATED);
  position = shown_position (desk, reenrolment_id);
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_cmpint (tutti_staff_reenrolments_view_get_shown (desk, position)->state, ==, TUTTI_REENROLMENT_VALIDATED);
  wait_for ("the list to be refreshed", desk_idle, desk);
  position = shown_position (desk, reenrolment_id);
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_cmpint (tutti_staff_reenrolments_view_get_shown (desk, position)->documents_to_check, ==, 0);

  log_out (test->window);
}

static void
reenrolment_script (gpointer data)
{
  Test *test = data;
  g_autofree char *tmp_dir = tutti_test_make_tmpdir ("ui-reenrolment-files");
  TuttiReenrolmentView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  gint64 reenrolment_id;

  gtk_window_set_default_size (GTK_WINDOW (test->window), 1280, 800);
  log_in (test->window, "ztest1", "Vitre2026");
  check_home_state (test, TUTTI_REENROLMENT_TO_DO);

  open_reenrolment_tab (test);
  wait_view_state (test, "choice");
  view = get_view (test);
  assert_contains (gtk_button_get_label (tutti_reenrolment_view_get_wish_button (view)), "Essai");
  save_screenshot (GTK_WIDGET (test->window), "reenrolment-choice");

  click (tutti_reenrolment_view_get_wish_button (view));
  wait_view_state (test, "stepper");
  do_step1 (test);
  do_step2 (test);
  do_step3 (test, tmp_dir);
  save_screenshot (GTK_WIDGET (test->window), "documents");
  do_step4 (test);

  /* Quit and come back: the same step, with everything typed. */
  log_out (test->window);
  log_in (test->window, "ztest1", "Vitre2026");
  check_home_state (test, TUTTI_REENROLMENT_IN_PROGRESS);
  open_reenrolment_tab (test);
  wait_view_state (test, "stepper");
  view = get_view (test);
  g_assert_cmpuint (tutti_reenrolment_view_get_step (view), ==, 5);
  buffer = gtk_text_view_get_buffer (tutti_reenrolment_view_get_free_text (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Essai aimerait aussi découvrir la chorale.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_record_form_get_row (
                     tutti_reenrolment_view_get_form (view, 0), "mobile_phone"))), ==, "06 12 34 56 78");
  g_assert_true (gtk_check_button_get_active (tutti_reenrolment_view_get_image_rights_button (view, TRUE)));

  /* Step 5: I accept is required. */
  gtk_check_button_set_active (tutti_reenrolment_view_get_accept_check (view), FALSE);
  click (tutti_reenrolment_view_get_next_button (view));
  g_assert_cmpuint (tutti_reenrolment_view_get_step (view), ==, 5);
  g_assert_nonnull (tutti_reenrolment_view_get_message (view));
  gtk_check_button_set_active (tutti_reenrolment_view_get_accept_check (view), TRUE);
  save_screenshot (GTK_WIDGET (test->window), "reenrolment-step5");
  go_next (test, 6);
  assert_contains (tutti_reenrolment_view_get_final_text (view), is_french () ? "attente" : "awaiting");
  save_screenshot (GTK_WIDGET (test->window), "reenrolment-step6");
  reenrolment_id = tutti_reenrolment_view_get_file (view)->reenrolment->id;
  g_assert_cmpint (reenrolment_id, >, 0);

  check_home_state (test, TUTTI_REENROLMENT_SUBMITTED);
  save_screenshot (GTK_WIDGET (test->window), "reenrolment-home");

  office_validates (test, reenrolment_id);
  log_in (test->window, "ztest1", "Vitre2026");
  check_home_state (test, TUTTI_REENROLMENT_VALIDATED);
  log_out (test->window);
  tutti_test_rm_rf (tmp_dir);
}

/* ---- Running the app --------------------------------------------------------------- */

static void
test_ui_reenrolment (void)
{
  Test test = { 0 };

  test.server = tutti_test_server_start (TRUE, NULL);
  run_app (tutti_test_server_get_url (test.server), &test.app, &test.window, reenrolment_script, &test);
  tutti_test_server_stop (test.server);
}

int
main (int   argc,
      char *argv[])
{
  char *tmp_dir = init_ui_test (&argc, &argv, "ui-reenrolment");

  g_test_add_func ("/ui/reenrolment", test_ui_reenrolment);

  return run_ui_tests (tmp_dir);
}
