/* test-ui-preenrolment.c — PRE-1..4, HOME-4, STAFF-3, STAFF-4 in the real app
 *
 * Against a real tutti-server --demo, once per language: the family of
 * ztest1 asks for a place for a 7-year-old in "Accordéon chromatique –
 * Argentré-du-Plessis – cursus classique" (the child's birth date computed
 * from the offer's age date), answers the server's anti-spam question —
 * wrongly first, to see the refusal keep everything typed — and reaches the
 * final message; the office closes and reopens the campaign, opens the
 * request and accepts it; the family then sees the new pupil and the
 * request accepted on home. Screenshots of each page go to
 * $TUTTI_SCREENSHOT_DIR as <page>-<language>.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
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
  gint64            offer_id;        /* Accordéon chromatique – Argentré – classique */
  char             *pupil_first_name;
} Test;

/* ---- Finding widgets ------------------------------------------------------------ */

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* ---- The family's request ------------------------------------------------------ */

static TuttiPreenrolmentDialog *
get_dialog (void)
{
  GtkWindow *window = find_toplevel (TUTTI_TYPE_PREENROLMENT_DIALOG);

  return window != NULL ? TUTTI_PREENROLMENT_DIALOG (window) : NULL;
}

static gboolean
dialog_on_page (gpointer data)
{
  TuttiPreenrolmentDialog *dialog = get_dialog ();

  return dialog != NULL && g_strcmp0 (tutti_preenrolment_dialog_get_page_name (dialog), data) == 0;
}

static gboolean
dialog_gone (gpointer data)
{
  return get_dialog () == NULL;
}

static gboolean
question_loaded (gpointer data)
{
  TuttiPreenrolmentDialog *dialog = data;

  return !tutti_preenrolment_dialog_get_busy (dialog) &&
         tutti_preenrolment_dialog_get_question (dialog) != NULL;
}

typedef struct
{
  TuttiPreenrolmentDialog *dialog;
  char                    *question;
} QuestionWait;

static gboolean
question_changed (gpointer data)
{
  QuestionWait *wait = data;

  return !tutti_preenrolment_dialog_get_busy (wait->dialog) &&
         tutti_preenrolment_dialog_get_question (wait->dialog) != NULL &&
         tutti_preenrolment_dialog_get_field_error (wait->dialog, "antispam_answer") != NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !tutti_preenrolment_dialog_get_busy (data);
}

/* "Combien font 9 et 29 ?" / "What is 9 plus 29?": the sum of the numbers. */
static char *
answer_question (const char *question)
{
  const char *p = question;
  gint64 sum = 0;
  guint n = 0;

  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          char *end = NULL;

          sum += g_ascii_strtoll (p, &end, 10);
          n++;
          p = end;
        }
      else
        p++;
    }
  g_assert_cmpuint (n, ==, 2);
  return g_strdup_printf ("%" G_GINT64_FORMAT, sum);
}

static gboolean
home_lists_request (gpointer data)
{
  TuttiWindow *window = TUTTI_WINDOW (data);

  return home_loaded (window) &&
         tutti_home_view_get_preenrolment_rows (tutti_window_get_home_view (window))->len > 0;
}

/* HOME-4, PRE-1..4 */
static void
family_request (Test *test)
{
  TuttiHomeView *home = tutti_window_get_home_view (test->window);
  GtkButton *new_request = tutti_home_view_get_new_request_button (home);
  TuttiPreenrolmentDialog *dialog;
  const TuttiOffer *offer;
  int age_year = 0;
  g_autofree char *birth_date = NULL;
  g_autofree char *first_label = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *suffix;
  GtkWidget *row;
  GtkCheckButton *check;
  QuestionWait question_wait = { 0 };
  g_autofree char *answer = NULL;
  const char *done_text;

  /* HOME-4: the campaign's deadline and the request button. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (new_request)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (new_request), "suggested-action"));
  g_assert_cmpstr (gtk_button_get_label (new_request), ==, _("_Make a New Request"));
  if (is_french ())
    g_assert_cmpstr (gtk_button_get_label (new_request), ==, "_Faire une nouvelle demande");
  g_assert_cmpuint (tutti_home_view_get_preenrolment_rows (home)->len, ==, 0);
  save_screenshot (GTK_WIDGET (test->window), "home-preenrolment");

  click_shown (new_request);
  wait_for ("the request's list", dialog_on_page, (gpointer) "list");
  dialog = get_dialog ();
  offer = tutti_preenrolment_dialog_get_offer (dialog);
  g_assert_nonnull (offer);
  g_assert_nonnull (offer->age_date);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (tutti_preenrolment_dialog_get_next_button (dialog))));
  save_screenshot (GTK_WIDGET (dialog), "preenrolment-empty");

  /* The place wanted, from the offer. */
  for (guint i = 0; i < offer->items->len; i++)
    {
      const TuttiOfferItem *item = g_ptr_array_index (offer->items, i);

      if (g_strcmp0 (item->discipline, "Accordéon chromatique") == 0 &&
          g_strcmp0 (item->site, "Argentré-du-Plessis") == 0 &&
          g_strcmp0 (item->cursus, "Cursus classique") == 0)
        test->offer_id = item->id;
    }
  g_assert_cmpint (test->offer_id, >, 0);

  /* PRE-1: the pupil page; Add explains what is missing. */
  click_shown (tutti_preenrolment_dialog_get_add_pupil_button (dialog));
  wait_for ("the pupil page", dialog_on_page, (gpointer) "pupil");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (tutti_preenrolment_dialog_get_discipline_row (dialog))));
  click_shown (tutti_preenrolment_dialog_get_pupil_done_button (dialog));
  g_assert_cmpstr (tutti_preenrolment_dialog_get_page_name (dialog), ==, "pupil");
  g_assert_nonnull (tutti_preenrolment_dialog_get_field_error (dialog, "surname"));
  g_assert_nonnull (tutti_preenrolment_dialog_get_field_error (dialog, "birth_date"));
  g_assert_nonnull (tutti_preenrolment_dialog_get_field_error (dialog, "choices"));
  g_assert_null (tutti_preenrolment_dialog_get_field_error (dialog, "birth_place"));
  g_assert_true (gtk_widget_has_css_class (tutti_preenrolment_dialog_get_field_row (dialog, "surname"), "error"));

  /* A child who is 7 on the offer's date (31 December of the school year). */
  g_assert_true (tutti_parse_date (offer->age_date, &age_year, NULL, NULL));
  birth_date = g_strdup_printf ("15/03/%04d", age_year - 7);
  adw_combo_row_set_selected (ADW_COMBO_ROW (tutti_preenrolment_dialog_get_field_row (dialog, "civility")),
                              TUTTI_CIVILITY_MRS);
  type_text (tutti_preenrolment_dialog_get_field_row (dialog, "surname"), "Z-TEST");
  type_text (tutti_preenrolment_dialog_get_field_row (dialog, "first_name"), test->pupil_first_name);
  /* The live check of the date. */
  type_text (tutti_preenrolment_dialog_get_field_row (dialog, "birth_date"), "31/02/2020");
  g_assert_nonnull (tutti_preenrolment_dialog_get_field_error (dialog, "birth_date"));
  type_text (tutti_preenrolment_dialog_get_field_row (dialog, "birth_date"), birth_date);
  g_assert_null (tutti_preenrolment_dialog_get_field_error (dialog, "birth_date"));
  g_assert_null (tutti_preenrolment_dialog_get_field_error (dialog, "surname"));
  type_text (tutti_preenrolment_dialog_get_field_row (dialog, "birth_place"), "Vitré");
  type_text (tutti_preenrolment_dialog_get_field_row (dialog, "school_level"), "CE1");
  g_test_message ("Age line: %s", tutti_preenrolment_dialog_get_age_text (dialog));
  g_assert_nonnull (strstr (tutti_preenrolment_dialog_get_age_text (dialog), is_french () ? "7 ans" : "7 years"));

  /* Only what a 7-year-old may take: not the trombone (from 8), not the
   * music awakening (4 to 5). */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (tutti_preenrolment_dialog_get_discipline_row (dialog))));
  g_assert_true (tutti_preenrolment_dialog_offers_discipline (dialog, "Accordéon chromatique"));
  g_assert_false (tutti_preenrolment_dialog_offers_discipline (dialog, "Trombone"));
  g_assert_false (tutti_preenrolment_dialog_offers_discipline (dialog, "Éveil musical"));
  g_assert_false (tutti_preenrolment_dialog_select_discipline (dialog, "Trombone"));
  g_assert_false (tutti_preenrolment_dialog_select_discipline (dialog, "Éveil musical"));

  g_assert_true (tutti_preenrolment_dialog_select_discipline (dialog, "Accordéon chromatique"));
  row = tutti_preenrolment_dialog_get_item_row (dialog, test->offer_id);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_sensitive (row));
  g_assert_cmpstr (row_title (row), ==, "Argentré-du-Plessis");
  g_test_message ("Place: %s", adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  check = tutti_preenrolment_dialog_get_item_check (dialog, test->offer_id);
  gtk_check_button_set_active (check, TRUE);
  g_assert_cmpuint (tutti_preenrolment_dialog_get_n_chosen (dialog), ==, 1);
  save_screenshot (GTK_WIDGET (dialog), "preenrolment-pupil");

  click_shown (tutti_preenrolment_dialog_get_pupil_done_button (dialog));
  wait_for ("the list again", dialog_on_page, (gpointer) "list");

  /* PRE-2: the pupil and their choice. */
  g_assert_cmpuint (tutti_preenrolment_dialog_get_n_pupils (dialog), ==, 1);
  group = tutti_preenrolment_dialog_get_pupil_group (dialog, 0);
  g_assert_nonnull (strstr (adw_preferences_group_get_title (group), "Z-TEST"));
  g_assert_nonnull (strstr (adw_preferences_group_get_title (group), test->pupil_first_name));
  first_label = g_strdup (((TuttiPreenrolmentChoice *) g_ptr_array_index (
                             tutti_preenrolment_dialog_get_pupil (dialog, 0)->choices, 0))->label);
  g_assert_cmpstr (first_label, ==, "Accordéon chromatique – Argentré-du-Plessis – cursus classique");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (tutti_preenrolment_dialog_get_next_button (dialog))));
  save_screenshot (GTK_WIDGET (dialog), "preenrolment-list");

  /* Removed, then back with Undo (the toast's button). */
  suffix = adw_preferences_group_get_header_suffix (group);
  click_shown (GTK_BUTTON (gtk_widget_get_last_child (suffix)));
  g_assert_cmpuint (tutti_preenrolment_dialog_get_n_pupils (dialog), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (tutti_preenrolment_dialog_get_next_button (dialog))));
  save_screenshot (GTK_WIDGET (dialog), "preenrolment-removed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "preenrolment.undo-remove", NULL));
  g_assert_cmpuint (tutti_preenrolment_dialog_get_n_pupils (dialog), ==, 1);

  /* Edited: the page shows what was typed; Back changes nothing. */
  group = tutti_preenrolment_dialog_get_pupil_group (dialog, 0);
  suffix = adw_preferences_group_get_header_suffix (group);
  click_shown (GTK_BUTTON (gtk_widget_get_first_child (suffix)));
  wait_for ("the pupil page", dialog_on_page, (gpointer) "pupil");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_preenrolment_dialog_get_field_row (dialog, "birth_date"))),
                   ==, birth_date);
  g_assert_cmpuint (tutti_preenrolment_dialog_get_n_chosen (dialog), ==, 1);
  click_shown (tutti_preenrolment_dialog_get_back_button (dialog));
  wait_for ("the list again", dialog_on_page, (gpointer) "list");
  g_assert_cmpuint (tutti_preenrolment_dialog_get_n_pupils (dialog), ==, 1);

  /* PRE-3: the confirmation. */
  click_shown (tutti_preenrolment_dialog_get_next_button (dialog));
  wait_for ("the confirmation", dialog_on_page, (gpointer) "confirm");
  wait_for ("the anti-spam question", question_loaded, dialog);
  g_test_message ("Question: %s", tutti_preenrolment_dialog_get_question (dialog));
  g_assert_true (g_str_has_prefix (tutti_preenrolment_dialog_get_question (dialog),
                                   is_french () ? "Combien font" : "What is"));
  g_assert_nonnull (strstr (tutti_preenrolment_dialog_get_notice (dialog), "CNIL"));
  g_assert_nonnull (strstr (tutti_preenrolment_dialog_get_notice (dialog), "dpd@cdg35.fr"));
  if (is_french ())
    g_assert_true (g_str_has_prefix (tutti_preenrolment_dialog_get_notice (dialog),
                                     "Les informations recueillies sur ce formulaire sont enregistrées "
                                     "par Vitre Communauté, responsable du traitement."));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (tutti_preenrolment_dialog_get_save_button (dialog))));

  type_text (GTK_WIDGET (tutti_preenrolment_dialog_get_email_row (dialog)), "test@vitrecommunaute.org");
  /* A wrong answer first: the server refuses it and asks a new question;
   * everything else typed stays. */
  type_text (GTK_WIDGET (tutti_preenrolment_dialog_get_answer_row (dialog)), "-1");
  gtk_check_button_set_active (tutti_preenrolment_dialog_get_consent_check (dialog), TRUE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (tutti_preenrolment_dialog_get_save_button (dialog))));
  save_screenshot (GTK_WIDGET (dialog), "preenrolment-confirm");
  click_shown (tutti_preenrolment_dialog_get_save_button (dialog));
  question_wait.dialog = dialog;
  wait_for ("the refusal and the new question", question_changed, &question_wait);
  wait_for ("the dialog to be idle", dialog_idle, dialog);
  g_test_message ("Refused: %s", tutti_preenrolment_dialog_get_field_error (dialog, "antispam_answer"));
  g_assert_cmpstr (tutti_preenrolment_dialog_get_page_name (dialog), ==, "confirm");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_preenrolment_dialog_get_email_row (dialog))),
                   ==, "test@vitrecommunaute.org");
  g_assert_true (gtk_check_button_get_active (tutti_preenrolment_dialog_get_consent_check (dialog)));
  g_assert_cmpuint (tutti_preenrolment_dialog_get_n_pupils (dialog), ==, 1);
  save_screenshot (GTK_WIDGET (dialog), "preenrolment-refused");

  answer = answer_question (tutti_preenrolment_dialog_get_question (dialog));
  type_text (GTK_WIDGET (tutti_preenrolment_dialog_get_answer_row (dialog)), answer);
  g_assert_null (tutti_preenrolment_dialog_get_field_error (dialog, "antispam_answer"));
  click_shown (tutti_preenrolment_dialog_get_save_button (dialog));

  /* PRE-4: the guide's final message. */
  wait_for ("the final message", dialog_on_page, (gpointer) "done");
  done_text = tutti_preenrolment_dialog_get_done_text (dialog);
  g_test_message ("Final message: %s", done_text);
  if (is_french ())
    g_assert_cmpstr (done_text, ==,
                     "Vous recevrez un mail de confirmation de prise en compte.\n"
                     "Seul le conservatoire pourra vous confirmer, au plus tard fin août, "
                     "la validation de la demande d'inscription.");
  else
    g_assert_nonnull (strstr (done_text, "end of August"));
  g_assert_nonnull (tutti_preenrolment_dialog_get_saved (dialog));
  g_assert_cmpint (tutti_preenrolment_dialog_get_saved (dialog)->state, ==, TUTTI_PREENROLMENT_SUBMITTED);
  save_screenshot (GTK_WIDGET (dialog), "preenrolment-done");

  click_shown (find_button (GTK_WIDGET (dialog), _("_Back to Home")));
  wait_for ("the dialog to close", dialog_gone, NULL);

  /* HOME-4: the request, awaiting the school's answer. */
  wait_for ("the request on home", home_lists_request, test->window);
  row = g_ptr_array_index (tutti_home_view_get_preenrolment_rows (home), 0);
  g_assert_nonnull (strstr (row_title (row), test->pupil_first_name));
  save_screenshot (GTK_WIDGET (test->window), "home-preenrolment-sent");
}

/* ---- The office ---------------------------------------------------------------- */

static gboolean
desk_loaded (gpointer data)
{
  TuttiStaffPreenrolmentsView *view = data;

  return !tutti_staff_preenrolments_view_get_busy (view) &&
         tutti_staff_preenrolments_view_get_campaign (view) != NULL &&
         g_strcmp0 (tutti_staff_preenrolments_view_get_state (view), "content") == 0;
}

static gboolean
desk_idle (gpointer data)
{
  return !tutti_staff_preenrolments_view_get_busy (data);
}

static gboolean
detail_shown (gpointer data)
{
  return g_strcmp0 (tutti_staff_preenrolments_view_get_page_name (data), "detail") == 0 &&
         tutti_staff_preenrolments_view_get_detail (data) != NULL;
}

static gboolean
detail_accepted (gpointer data)
{
  const TuttiStaffPreenrolment *detail = tutti_staff_preenrolments_view_get_detail (data);

  return !tutti_staff_preenrolments_view_get_busy (data) &&
         detail != NULL && detail->state == TUTTI_PREENROLMENT_ACCEPTED;
}

static gboolean
has_pupil (const TuttiStaffPreenrolment *record,
           const char                   *first_name)
{
  for (guint i = 0; i < record->pupils->len; i++)
    if (g_strcmp0 (((TuttiNewPupil *) g_ptr_array_index (record->pupils, i))->first_name, first_name) == 0)
      return TRUE;
  return FALSE;
}

/* STAFF-3, STAFF-4 */
static void
office_accepts (Test *test)
{
  TuttiStaffPreenrolmentsView *view = tutti_window_get_staff_preenrolments_view (test->window);
  const TuttiStaffPreenrolment *record;
  guint position = G_MAXUINT;

  show_sidebar_view (test->window, "preenrolments");
  wait_for ("the pre-enrolment desk", desk_loaded, view);

  /* STAFF-3: the campaign is open; close it, then open it again. */
  g_assert_true (tutti_staff_preenrolments_view_get_campaign (view)->open);
  g_assert_cmpint (tutti_staff_preenrolments_view_get_campaign (view)->kind, ==, TUTTI_CAMPAIGN_PREENROLMENT);
  click_shown (tutti_staff_preenrolments_view_get_campaign_button (view));
  answer_message_dialog (_("_Close Pre-enrolment"), "staff-preenrolments-close");
  wait_for ("the campaign to close", desk_idle, view);
  g_assert_false (tutti_staff_preenrolments_view_get_campaign (view)->open);
  g_assert_cmpstr (tutti_staff_preenrolments_view_get_last_toast (view), ==, _("Pre-enrolment is closed"));
  click_shown (tutti_staff_preenrolments_view_get_campaign_button (view));
  wait_for ("the campaign to open", desk_idle, view);
  g_assert_true (tutti_staff_preenrolments_view_get_campaign (view)->open);

  /* STAFF-4: filter by state, search by family or pupil. */
  gtk_drop_down_set_selected (tutti_staff_preenrolments_view_get_state_dropdown (view), 1);
  for (guint i = 0; i < tutti_staff_preenrolments_view_get_n_shown (view); i++)
    g_assert_cmpint (tutti_staff_preenrolments_view_get_shown (view, i)->state, ==,
                     TUTTI_PREENROLMENT_SUBMITTED);
  gtk_editable_set_text (GTK_EDITABLE (tutti_staff_preenrolments_view_get_search_entry (view)),
                         test->pupil_first_name);
  wait_ms (300);   /* the search entry's delay */
  for (guint i = 0; i < tutti_staff_preenrolments_view_get_n_shown (view); i++)
    if (has_pupil (tutti_staff_preenrolments_view_get_shown (view, i), test->pupil_first_name))
      position = i;
  g_assert_cmpuint (position, !=, G_MAXUINT);
  record = tutti_staff_preenrolments_view_get_shown (view, position);
  g_assert_cmpstr (record->family_name, ==, "Z-TEST");
  g_assert_cmpstr (record->email, ==, "test@vitrecommunaute.org");
  save_screenshot (GTK_WIDGET (test->window), "staff-preenrolments");

  /* Enter or a double-click opens it. */
  g_signal_emit_by_name (tutti_staff_preenrolments_view_get_column_view (view), "activate", position);
  wait_for ("the request", detail_shown, view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (tutti_staff_preenrolments_view_get_accept_button (view))));
  save_screenshot (GTK_WIDGET (test->window), "staff-preenrolment-detail");

  /* Refuse asks for the reason, which is required; cancelled here. */
  click_shown (tutti_staff_preenrolments_view_get_refuse_button (view));
  type_refusal_reason (is_french () ? "Classe complète" : "The class is full");
  answer_message_dialog (_("_Cancel"), "staff-preenrolment-refuse");
  g_assert_cmpint (tutti_staff_preenrolments_view_get_detail (view)->state, ==, TUTTI_PREENROLMENT_SUBMITTED);

  click_shown (tutti_staff_preenrolments_view_get_accept_button (view));
  answer_message_dialog (_("_Accept"), "staff-preenrolment-accept");
  wait_for ("the request accepted", detail_accepted, view);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (tutti_staff_preenrolments_view_get_accept_button (view))));
  g_assert_cmpstr (tutti_staff_preenrolments_view_get_last_toast (view), ==,
                   _("Request accepted: the new pupils joined the family"));
  save_screenshot (GTK_WIDGET (test->window), "staff-preenrolment-accepted");

  click_shown (tutti_staff_preenrolments_view_get_back_button (view));
  g_assert_cmpstr (tutti_staff_preenrolments_view_get_page_name (view), ==, "list");
}

/* HOME-2, HOME-4: the new pupil, the request accepted. */
static void
family_sees_it (Test *test)
{
  TuttiHomeView *home = tutti_window_get_home_view (test->window);
  GPtrArray *pupils = tutti_home_view_get_pupil_rows (home);
  GPtrArray *requests;
  gboolean found = FALSE;

  for (guint i = 0; i < pupils->len; i++)
    if (strstr (row_title (g_ptr_array_index (pupils, i)), test->pupil_first_name) != NULL)
      found = TRUE;
  g_assert_true (found);

  requests = tutti_home_view_get_preenrolment_rows (home);
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_nonnull (strstr (row_title (g_ptr_array_index (requests, 0)), test->pupil_first_name));
  g_test_message ("Request row: %s — %s", row_title (g_ptr_array_index (requests, 0)),
                  adw_action_row_get_subtitle (g_ptr_array_index (requests, 0)));
  save_screenshot (GTK_WIDGET (test->window), "home-preenrolment-accepted");
}

static gboolean
home_shows_accepted (gpointer data)
{
  TuttiHomeView *home = tutti_window_get_home_view (TUTTI_WINDOW (data));
  const TuttiHome *state = tutti_home_view_get_home (home);

  return home_loaded (data) && state->preenrolments != NULL && state->preenrolments->len > 0 &&
         ((TuttiPreenrolment *) g_ptr_array_index (state->preenrolments, 0))->state ==
           TUTTI_PREENROLMENT_ACCEPTED;
}

/* ---- Running it ---------------------------------------------------------------- */

static void
preenrolment_script (gpointer data)
{
  Test *test = data;

  gtk_window_set_default_size (GTK_WINDOW (test->window), 1100, 760);

  log_in (test->window, "ztest1", "Vitre2026");
  family_request (test);
  log_out (test->window);

  log_in (test->window, "secretariat", "Accueil2026");
  office_accepts (test);
  log_out (test->window);

  log_in (test->window, "ztest1", "Vitre2026");
  wait_for ("the request accepted on home", home_shows_accepted, test->window);
  family_sees_it (test);
}

static void
test_ui_preenrolment (void)
{
  Test test = { 0 };

  test.server = tutti_test_server_start (TRUE, NULL);
  /* A name of its own in each language's run. */
  test.pupil_first_name = g_strdup (is_french () ? "Léa" : "Lily");

  run_app (tutti_test_server_get_url (test.server), &test.app, &test.window, preenrolment_script, &test);

  g_free (test.pupil_first_name);
  tutti_test_server_stop (test.server);
}

int
main (int   argc,
      char *argv[])
{
  char *tmp_dir;

  unset_proxies ();
  tmp_dir = init_ui_test (&argc, &argv, "ui-preenrolment");

  g_test_add_func ("/ui/preenrolment/request-accept-home", test_ui_preenrolment);

  return run_ui_tests (tmp_dir);
}
