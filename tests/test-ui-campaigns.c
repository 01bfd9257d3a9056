/* test-ui-campaigns.c — the office's campaigns (STAFF-3, REE-1), the real
 * app in-process against a real tutti-server --demo
 *
 * Runs under Xvfb in a private D-Bus, once per language (LANGUAGE=fr,
 * LANGUAGE=en), with the helpers of tutti-test-ui.c. The secretary logs
 * in, opens Campaigns and the current re-enrolment campaign, moves its
 * deadline (a date core cannot read is caught before sending, a school
 * year the server refuses is shown on its field and nothing typed is
 * lost), asks for a new document, puts a PDF made with cairo online and
 * previews it, adds a place to the course offer (a wrong time caught
 * first) and tries to remove a place a family chose (refused, explained);
 * then creates next year's campaign in the dialog, closes it (after the
 * question) and opens it again. A second TuttiClient, logged in as the
 * Z-TEST family, checks what families see: the new deadline, the document
 * to provide, the download with the very bytes uploaded, the new place
 * among those the pupil's course may continue in. Screenshots go to
 * $TUTTI_SCREENSHOT_DIR as <screen>-<language>.png.
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

#define NEW_KIND_NAME     "Certificat de scolarité"
#define DOWNLOAD_NAME     "Calendrier de l’année"
#define NEW_SITE          "La Guerche-de-Bretagne"
#define ZTEST_DISCIPLINE  "Parcours découvertes instrumentales"

typedef struct
{
  TuttiTestServer  *server;
  TuttiApplication *app;
  TuttiWindow      *window;
  char             *tmp_dir;
  char             *pdf_path;
  char             *new_deadline;    /* as the view last had it */
  gint64            reenrolment_id;
} Test;

/* ---- A family's side, through TuttiClient ---------------------------------------- */

static TuttiHome *
get_home (TuttiClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TuttiHome *home;

  tutti_client_get_home_async (client, NULL, result_cb, &result);
  home = tutti_client_get_home_finish (client, wait_result ("the home page's data", &result), &error);
  g_assert_no_error (error);
  return home;
}

static TuttiReenrolmentFile *
get_reenrolment (TuttiClient *client,
                 gint64       pupil_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TuttiReenrolmentFile *file;

  tutti_client_get_reenrolment_async (client, pupil_id, NULL, result_cb, &result);
  file = tutti_client_get_reenrolment_finish (client, wait_result ("the re-enrolment file", &result), &error);
  g_assert_no_error (error);
  return file;
}

static GBytes *
get_download (TuttiClient *client,
              gint64       campaign_id,
              gint64       download_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  tutti_client_get_campaign_download_async (client, campaign_id, download_id, NULL, result_cb, &result);
  bytes = tutti_client_get_campaign_download_finish (client, wait_result ("the download", &result), &error);
  g_assert_no_error (error);
  return bytes;
}

static const TuttiHomePupil *
find_home_pupil (const TuttiHome *home,
                 const char      *first_name)
{
  for (guint i = 0; i < home->pupils->len; i++)
    {
      const TuttiHomePupil *pupil = g_ptr_array_index (home->pupils, i);

      if (g_strcmp0 (pupil->first_name, first_name) == 0)
        return pupil;
    }
  g_error ("No pupil %s", first_name);
  return NULL;
}

/* The place Léa MARTIN's re-enrolment chose. */
static gint64
chosen_offer_id (Test *test)
{
  g_autoptr(TuttiClient) client = log_in_client (test->server, "cmartin", "Vitre2026", NULL);
  g_autoptr(TuttiHome) home = get_home (client);
  g_autoptr(TuttiReenrolmentFile) file = get_reenrolment (client, find_home_pupil (home, "Léa")->id);

  for (guint i = 0; i < file->reenrolment->courses->len; i++)
    {
      const TuttiCourseChoice *choice = g_ptr_array_index (file->reenrolment->courses, i);

      if (choice->reenrol && choice->offer_id != TUTTI_NO_VALUE && choice->offer_id > 0)
        return choice->offer_id;
    }
  g_error ("Léa's re-enrolment chose no place");
  return 0;
}

/* ---- Conditions --------------------------------------------------------------------- */

static gboolean
view_idle (gpointer data)
{
  return !tutti_staff_campaigns_view_get_busy (TUTTI_STAFF_CAMPAIGNS_VIEW (data));
}

typedef struct
{
  TuttiStaffCampaignsView *view;
  guint                    n_shown;
} ShownWait;

static gboolean
list_shows (gpointer data)
{
  ShownWait *wait = data;

  return !tutti_staff_campaigns_view_get_busy (wait->view) &&
         g_strcmp0 (tutti_staff_campaigns_view_get_state (wait->view), "content") == 0 &&
         tutti_staff_campaigns_view_get_n_shown (wait->view) == wait->n_shown;
}

static gboolean
offer_shows (gpointer data)
{
  ShownWait *wait = data;

  return tutti_staff_campaigns_view_get_n_offer_shown (wait->view) == wait->n_shown;
}

static gboolean
question_shown (gpointer data)
{
  AdwMessageDialog *dialog = tutti_staff_campaigns_view_get_message_dialog (TUTTI_STAFF_CAMPAIGNS_VIEW (data));

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
document_shown (gpointer data)
{
  TuttiDocumentView *view = TUTTI_DOCUMENT_VIEW (data);

  return g_strcmp0 (tutti_document_view_get_state (view), "content") == 0 &&
         tutti_document_view_get_n_pages_drawn (view) > 0;
}

static gboolean
campaign_dialog_shown (gpointer data)
{
  GtkWindow *dialog = tutti_staff_campaigns_view_get_dialog (TUTTI_STAFF_CAMPAIGNS_VIEW (data));

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
campaign_dialog_idle (gpointer data)
{
  return !tutti_campaign_dialog_get_busy (TUTTI_CAMPAIGN_DIALOG (data));
}

/* ---- Helpers ------------------------------------------------------------------------- */

static TuttiStaffCampaignsView *
get_view (Test *test)
{
  return tutti_window_get_staff_campaigns_view (test->window);
}

static GtkWidget *
row (Test       *test,
     const char *key)
{
  GtkWidget *widget = tutti_staff_campaigns_view_get_row (get_view (test), key);

  g_assert_nonnull (widget);
  return widget;
}

static void
click_button (Test       *test,
              const char *name)
{
  GtkButton *button = tutti_staff_campaigns_view_get_button (get_view (test), name);

  g_assert_nonnull (button);
  click (button);
}

static void
wait_idle (Test *test)
{
  wait_for ("the view to be idle", view_idle, get_view (test));
}

static AdwMessageDialog *
wait_question (Test *test)
{
  wait_for ("a question", question_shown, get_view (test));
  return tutti_staff_campaigns_view_get_message_dialog (get_view (test));
}

/* Clicks the response @label (translated, with its mnemonic) of @dialog. */
static void
answer (AdwMessageDialog *dialog,
        const char       *label)
{
  GtkButton *button = find_button (GTK_WIDGET (dialog), label);

  if (button == NULL)
    g_error ("No button “%s” in the question", label);
  click (button);
  wait_for ("the question to close", no_message_dialog, NULL);
}

/* "2027-06-30T23:59:00+02:00" + @days, the same time of day */
static char *
add_days (const char *iso,
          int         days)
{
  g_autoptr(GDateTime) datetime = tutti_parse_datetime (iso);
  g_autoptr(GDateTime) later = NULL;

  g_assert_nonnull (datetime);
  later = g_date_time_add_days (datetime, days);
  return g_date_time_format (later, "%Y-%m-%dT%H:%M:%S%:z");
}

/* ---- The script ---------------------------------------------------------------------- */

/* The sidebar's Campaigns; the list, searched. */
static void
check_list (Test *test)
{
  TuttiStaffCampaignsView *view = get_view (test);
  ShownWait wait = { view, 2 };

  show_sidebar_view (test->window, "campaigns");
  wait_for ("the campaigns", list_shows, &wait);

  /* By kind, without accents. */
  type_text (tutti_staff_campaigns_view_get_search_entry (view), "pre");
  wait.n_shown = 1;
  wait_for ("the search", list_shows, &wait);
  g_assert_cmpint (tutti_staff_campaigns_view_get_shown (view, 0)->kind, ==, TUTTI_CAMPAIGN_PREENROLMENT);
  g_signal_emit_by_name (tutti_staff_campaigns_view_get_search_entry (view), "stop-search");
  wait.n_shown = 2;
  wait_for ("the whole list", list_shows, &wait);

  save_screenshot (GTK_WIDGET (test->window), "campaigns-list");
}

static void
open_reenrolment_campaign (Test *test)
{
  TuttiStaffCampaignsView *view = get_view (test);

  for (guint i = 0; i < tutti_staff_campaigns_view_get_n_shown (view); i++)
    if (tutti_staff_campaigns_view_get_shown (view, i)->kind == TUTTI_CAMPAIGN_REENROLMENT)
      {
        test->reenrolment_id = tutti_staff_campaigns_view_get_shown (view, i)->id;
        g_signal_emit_by_name (tutti_staff_campaigns_view_get_column_view (view), "activate", i);
        break;
      }
  g_assert_cmpint (test->reenrolment_id, >, 0);
  g_assert_cmpstr (tutti_staff_campaigns_view_get_page_name (view), ==, "detail");
  g_assert_cmpint (tutti_staff_campaigns_view_get_campaign (view)->id, ==, test->reenrolment_id);
}

/* Dates: caught before sending, refused by the server, then saved. */
static void
move_deadline (Test *test)
{
  TuttiStaffCampaignsView *view = get_view (test);
  const TuttiCampaign *campaign = tutti_staff_campaigns_view_get_campaign (view);
  g_autofree char *school_year = g_strdup (campaign->school_year);
  g_autofree char *deadline = add_days (campaign->deadline, 7);
  g_autofree char *deadline_text = tutti_format_date (deadline, get_lang ());
  g_autofree char *bad_year = NULL;
  int first_year;

  tutti_staff_campaigns_view_show_tab (view, "campaign");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (test, "school_year"))), ==, school_year);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (test, "deadline_time"))), ==, "23:59");
  save_screenshot (GTK_WIDGET (test->window), "campaigns-campaign");

  /* A date core cannot read never leaves the app. */
  type_text (row (test, "deadline_date"), "31/02/2027");
  click_button (test, "save-dates");
  g_assert_false (tutti_staff_campaigns_view_get_busy (view));
  g_assert_nonnull (tutti_campaign_form_get_error (row (test, "deadline_date")));
  g_assert_true (has_focus_within (row (test, "deadline_date")));

  /* A school year the server refuses: said on its row, the deadline kept. */
  first_year = (int) g_ascii_strtoll (school_year, NULL, 10);
  bad_year = g_strdup_printf ("%d/%d", first_year, first_year + 2);
  type_text (row (test, "deadline_date"), deadline_text);
  type_text (row (test, "school_year"), bad_year);
  click_button (test, "save-dates");
  wait_idle (test);
  g_test_message ("School year refused: %s", tutti_campaign_form_get_error (row (test, "school_year")));
  g_assert_nonnull (tutti_campaign_form_get_error (row (test, "school_year")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (test, "school_year"))), ==, bad_year);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (test, "deadline_date"))), ==, deadline_text);
  save_screenshot (GTK_WIDGET (test->window), "campaigns-dates-refused");

  /* Corrected: only the deadline goes. */
  type_text (row (test, "school_year"), school_year);
  click_button (test, "save-dates");
  wait_idle (test);
  campaign = tutti_staff_campaigns_view_get_campaign (view);
  g_assert_null (tutti_campaign_form_get_error (row (test, "school_year")));
  g_assert_cmpstr (campaign->school_year, ==, school_year);
  {
    g_autoptr(GDateTime) wanted = tutti_parse_datetime (deadline);
    g_autoptr(GDateTime) saved = tutti_parse_datetime (campaign->deadline);

    g_assert_true (g_date_time_equal (wanted, saved));
  }
  g_assert_cmpstr (tutti_staff_campaigns_view_get_last_toast (view), ==,
                   is_french () ? "Dates enregistrées" : "Dates saved");
  g_free (test->new_deadline);
  test->new_deadline = g_strdup (campaign->deadline);
}

/* A narrow window: the tabs go to the bottom, the name stays, nothing cut. */
static void
check_narrow_window (Test *test)
{
  TuttiStaffCampaignsView *view = get_view (test);
  int width, height;

  narrow_window (test->window, &width, &height);
  g_assert_cmpstr (tutti_staff_campaigns_view_get_page_name (view), ==, "detail");
  save_screenshot (GTK_WIDGET (test->window), "campaigns-campaign-narrow");
  widen_window (test->window, width, height);
}

/* A new document to provide; a PDF to download, previewed. */
static void
edit_documents (Test *test)
{
  TuttiStaffCampaignsView *view = get_view (test);
  const TuttiCampaign *campaign = tutti_staff_campaigns_view_get_campaign (view);
  guint n_kinds = campaign->required_documents->len;
  guint n_downloads = campaign->downloads->len;
  g_autoptr(GFile) file = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *name_row;
  GtkWindow *preview;
  const TuttiDocumentKind *kind;
  const TuttiDownload *download;

  tutti_staff_campaigns_view_show_tab (view, "documents");
  g_assert_cmpuint (tutti_staff_campaigns_view_get_kind_rows (view)->len, ==, n_kinds);

  /* Every known document is asked for already: a new one. */
  click_button (test, "add-kind");
  dialog = wait_question (test);
  g_assert_false (gtk_widget_get_visible (tutti_campaign_form_get_kind_dialog_row (dialog, "kind")));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  type_text (tutti_campaign_form_get_kind_dialog_row (dialog, "name"), NEW_KIND_NAME);
  type_text (tutti_campaign_form_get_kind_dialog_row (dialog, "description"), "De l’année en cours");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (tutti_campaign_form_get_kind_dialog_row (dialog, "required"))));
  save_screenshot (GTK_WIDGET (dialog), "campaigns-new-document");
  answer (dialog, _("_Add"));
  wait_idle (test);
  campaign = tutti_staff_campaigns_view_get_campaign (view);
  g_assert_cmpuint (campaign->required_documents->len, ==, n_kinds + 1);
  kind = g_ptr_array_index (campaign->required_documents, n_kinds);
  g_assert_cmpstr (kind->name, ==, NEW_KIND_NAME);
  g_assert_cmpstr (kind->id, ==, "certificat-de-scolarite");
  g_assert_true (kind->required);
  g_assert_cmpuint (tutti_staff_campaigns_view_get_kind_rows (view)->len, ==, n_kinds + 1);

  /* A PDF, as if chosen in the file chooser; named as families see it. */
  file = g_file_new_for_path (test->pdf_path);
  tutti_staff_campaigns_view_add_download_file (view, file);
  dialog = wait_question (test);
  name_row = g_object_get_data (G_OBJECT (dialog), "tutti-name-row");
  g_assert_nonnull (name_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "calendrier 2027-2028");
  type_text (name_row, DOWNLOAD_NAME);
  answer (dialog, _("_Add"));
  wait_idle (test);
  campaign = tutti_staff_campaigns_view_get_campaign (view);
  g_assert_cmpuint (campaign->downloads->len, ==, n_downloads + 1);
  download = g_ptr_array_index (campaign->downloads, n_downloads);
  g_assert_cmpstr (download->name, ==, DOWNLOAD_NAME);
  g_assert_cmpstr (download->file_name, ==, "calendrier_2027-2028.pdf");
  g_assert_cmpuint (tutti_staff_campaigns_view_get_download_rows (view)->len, ==, n_downloads + 1);
  save_screenshot (GTK_WIDGET (test->window), "campaigns-documents");

  /* Previewed as families will read it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "staff-campaigns.open-download", "x",
                                             download->id));
  preview = tutti_staff_campaigns_view_get_document_view (view);
  g_assert_nonnull (preview);
  wait_for ("the preview", document_shown, preview);
  g_assert_cmpstr (tutti_document_view_get_file_name (TUTTI_DOCUMENT_VIEW (preview)), ==,
                   "calendrier_2027-2028.pdf");
  gtk_window_destroy (preview);
  wait_for ("the preview to close", window_closed, GSIZE_TO_POINTER (TUTTI_TYPE_DOCUMENT_VIEW));
}

/* Where the place @id is in the offer's list, unsearched: in the
 * campaign's order. */
static guint
offer_position (TuttiStaffCampaignsView *view,
                gint64                   id)
{
  const TuttiCampaign *campaign = tutti_staff_campaigns_view_get_campaign (view);

  g_assert_cmpuint (tutti_staff_campaigns_view_get_n_offer_shown (view), ==, campaign->offer->len);
  for (guint i = 0; i < campaign->offer->len; i++)
    if (((TuttiOfferItem *) g_ptr_array_index (campaign->offer, i))->id == id)
      return i;
  g_error ("No place %" G_GINT64_FORMAT " in the offer", id);
  return 0;
}

/* A place added; a place a family chose kept, and why. */
static void
edit_offer (Test *test)
{
  TuttiStaffCampaignsView *view = get_view (test);
  const TuttiCampaign *campaign = tutti_staff_campaigns_view_get_campaign (view);
  guint n_places = campaign->offer->len;
  gint64 chosen_id = chosen_offer_id (test);
  const TuttiOfferItem *added = NULL;
  ShownWait wait = { view, 0 };

  tutti_staff_campaigns_view_show_tab (view, "offer");
  g_assert_cmpuint (tutti_staff_campaigns_view_get_n_offer_shown (view), ==, n_places);
  /* By site, without accents nor capitals. */
  wait.n_shown = 0;
  for (guint i = 0; i < n_places; i++)
    if (g_strcmp0 (((TuttiOfferItem *) g_ptr_array_index (campaign->offer, i))->site, NEW_SITE) == 0)
      wait.n_shown++;
  g_assert_cmpuint (wait.n_shown, >, 0);
  type_text (tutti_staff_campaigns_view_get_offer_search_entry (view), "guerche");
  wait_for ("the offer's search", offer_shows, &wait);
  g_signal_emit_by_name (tutti_staff_campaigns_view_get_offer_search_entry (view), "stop-search");
  wait.n_shown = n_places;
  wait_for ("the whole offer", offer_shows, &wait);
  save_screenshot (GTK_WIDGET (test->window), "campaigns-offer");

  click_button (test, "add-item");
  g_assert_cmpstr (tutti_staff_campaigns_view_get_page_name (view), ==, "item");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tutti_staff_campaigns_view_get_button (view, "remove-item"))));
  type_text (row (test, "discipline"), ZTEST_DISCIPLINE);
  type_text (row (test, "site"), NEW_SITE);
  type_text (row (test, "cursus"), "Parcours découvertes");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (test, "day")), TUTTI_WEEKDAY_WEDNESDAY);
  type_text (row (test, "time"), "14h");
  type_text (row (test, "min_age"), "6");
  type_text (row (test, "max_age"), "9");
  type_text (row (test, "places_left"), "8");

  /* A time core cannot read is caught here. */
  click_button (test, "save-item");
  g_assert_false (tutti_staff_campaigns_view_get_busy (view));
  g_assert_nonnull (tutti_campaign_form_get_error (row (test, "time")));
  g_assert_cmpstr (tutti_staff_campaigns_view_get_page_name (view), ==, "item");
  save_screenshot (GTK_WIDGET (test->window), "campaigns-item");

  type_text (row (test, "time"), "14:00");
  click_button (test, "save-item");
  wait_idle (test);
  g_assert_cmpstr (tutti_staff_campaigns_view_get_page_name (view), ==, "detail");
  campaign = tutti_staff_campaigns_view_get_campaign (view);
  g_assert_cmpuint (campaign->offer->len, ==, n_places + 1);
  for (guint i = 0; i < campaign->offer->len; i++)
    {
      const TuttiOfferItem *item = g_ptr_array_index (campaign->offer, i);

      if (g_strcmp0 (item->site, NEW_SITE) == 0 && g_strcmp0 (item->discipline, ZTEST_DISCIPLINE) == 0)
        added = item;
    }
  g_assert_nonnull (added);
  g_assert_cmpint (added->day, ==, TUTTI_WEEKDAY_WEDNESDAY);
  g_assert_cmpstr (added->time, ==, "14:00");
  g_assert_cmpint (added->min_age, ==, 6);
  g_assert_cmpint (added->max_age, ==, 9);
  g_assert_cmpint (added->places_left, ==, 8);
  g_assert_cmpuint (tutti_staff_campaigns_view_get_n_offer_shown (view), ==, n_places + 1);

  /* Léa's place cannot go: the server says so, the page explains. */
  g_signal_emit_by_name (tutti_staff_campaigns_view_get_offer_view (view), "activate",
                         offer_position (view, chosen_id));
  g_assert_cmpstr (tutti_staff_campaigns_view_get_page_name (view), ==, "item");
  click_button (test, "remove-item");
  answer (wait_question (test), _("_Remove"));
  wait_idle (test);
  g_assert_cmpstr (tutti_staff_campaigns_view_get_page_name (view), ==, "item");
  g_assert_nonnull (tutti_staff_campaigns_view_get_item_message (view));
  g_test_message ("Removing a chosen place: %s", tutti_staff_campaigns_view_get_item_message (view));
  g_assert_cmpuint (tutti_staff_campaigns_view_get_campaign (view)->offer->len, ==, n_places + 1);
  save_screenshot (GTK_WIDGET (test->window), "campaigns-item-conflict");
  click_button (test, "item-back");
  g_assert_cmpstr (tutti_staff_campaigns_view_get_page_name (view), ==, "detail");
}

/* Next year's campaign: refused once, created, closed after the question,
 * opened again. */
static void
create_campaign (Test *test)
{
  TuttiStaffCampaignsView *view = get_view (test);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) opens = g_date_time_add_days (now, 400);
  g_autoptr(GDateTime) ends = g_date_time_add_days (now, 430);
  g_autofree char *opens_iso = g_date_time_format (opens, "%Y-%m-%d");
  g_autofree char *ends_iso = g_date_time_format (ends, "%Y-%m-%d");
  g_autofree char *opens_text = tutti_format_date (opens_iso, get_lang ());
  g_autofree char *ends_text = tutti_format_date (ends_iso, get_lang ());
  g_autofree char *next_year = NULL;
  TuttiCampaignDialog *dialog;
  const TuttiCampaign *campaign;
  int start = g_date_time_get_month (now) >= 9 ? g_date_time_get_year (now) : g_date_time_get_year (now) - 1;
  ShownWait wait = { view, 3 };

  click_button (test, "back");
  g_assert_cmpstr (tutti_staff_campaigns_view_get_page_name (view), ==, "list");
  click_button (test, "new");
  wait_for ("the new-campaign dialog", campaign_dialog_shown, view);
  dialog = TUTTI_CAMPAIGN_DIALOG (tutti_staff_campaigns_view_get_dialog (view));

  /* Next school year by default; the latest re-enrolment's documents ticked, and its offer. */
  next_year = g_strdup_printf ("%d/%d", start + 1, start + 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_campaign_dialog_get_row (dialog, "school_year"))), ==,
                   next_year);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (tutti_campaign_dialog_get_row (dialog, "kind"))), ==,
                    TUTTI_CAMPAIGN_REENROLMENT);
  g_assert_true (gtk_check_button_get_active (tutti_campaign_dialog_get_kind_check (dialog, "family-quotient")));
  g_assert_true (gtk_check_button_get_active (tutti_campaign_dialog_get_kind_check (dialog,
                                                                                    "certificat-de-scolarite")));
  g_assert_true (gtk_widget_get_visible (tutti_campaign_dialog_get_row (dialog, "copy_offer")));
  g_assert_true (gtk_switch_get_active (tutti_campaign_dialog_get_copy_switch (dialog)));
  save_screenshot (GTK_WIDGET (dialog), "campaigns-new");

  /* Not two following years: the server's word under the field. */
  type_text (tutti_campaign_dialog_get_row (dialog, "school_year"), "2028/2030");
  type_text (tutti_campaign_dialog_get_row (dialog, "opens_date"), opens_text);
  type_text (tutti_campaign_dialog_get_row (dialog, "opens_time"), "08:00");
  type_text (tutti_campaign_dialog_get_row (dialog, "deadline_date"), ends_text);
  type_text (tutti_campaign_dialog_get_row (dialog, "deadline_time"), "23:59");
  click (tutti_campaign_dialog_get_create_button (dialog));
  wait_for ("the refusal", campaign_dialog_idle, dialog);
  g_assert_nonnull (tutti_campaign_form_get_error (tutti_campaign_dialog_get_row (dialog, "school_year")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_campaign_dialog_get_row (dialog, "opens_date"))), ==,
                   opens_text);
  save_screenshot (GTK_WIDGET (dialog), "campaigns-new-refused");

  type_text (tutti_campaign_dialog_get_row (dialog, "school_year"), "2028/2029");
  click (tutti_campaign_dialog_get_create_button (dialog));
  wait_for ("the dialog to close", window_closed, GSIZE_TO_POINTER (TUTTI_TYPE_CAMPAIGN_DIALOG));

  /* Created, and opened on its page. */
  g_assert_cmpstr (tutti_staff_campaigns_view_get_page_name (view), ==, "detail");
  campaign = tutti_staff_campaigns_view_get_campaign (view);
  g_assert_nonnull (campaign);
  g_assert_cmpstr (campaign->school_year, ==, "2028/2029");
  g_assert_cmpint (campaign->kind, ==, TUTTI_CAMPAIGN_REENROLMENT);
  g_assert_true (campaign->open);
  g_assert_cmpuint (campaign->required_documents->len, ==, 4);
  g_assert_cmpuint (campaign->offer->len, >, 30);
  g_assert_cmpuint (campaign->downloads->len, ==, 0);

  /* Closed after the question; open again. */
  click_button (test, "open");
  answer (wait_question (test), _("C_lose the Campaign"));
  wait_idle (test);
  g_assert_false (tutti_staff_campaigns_view_get_campaign (view)->open);
  g_assert_cmpstr (tutti_staff_campaigns_view_get_last_toast (view), ==,
                   is_french () ? "La campagne est fermée" : "The campaign is closed");
  click_button (test, "open");
  wait_idle (test);
  g_assert_true (tutti_staff_campaigns_view_get_campaign (view)->open);

  click_button (test, "back");
  wait_for ("the three campaigns", list_shows, &wait);
}

/* What the Z-TEST family sees. */
static void
check_family_sees_it (Test *test)
{
  g_autoptr(TuttiClient) client = log_in_client (test->server, "ztest1", "Vitre2026", NULL);
  g_autoptr(TuttiHome) home = get_home (client);
  g_autoptr(TuttiReenrolmentFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) uploaded = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const TuttiCampaign *campaign = NULL;
  const TuttiDownload *download = NULL;
  gboolean asked = FALSE;
  gboolean offered = FALSE;

  for (guint i = 0; i < home->campaigns->len; i++)
    if (((TuttiCampaign *) g_ptr_array_index (home->campaigns, i))->id == test->reenrolment_id)
      campaign = g_ptr_array_index (home->campaigns, i);
  g_assert_nonnull (campaign);
  g_assert_cmpstr (campaign->deadline, ==, test->new_deadline);
  for (guint i = 0; i < campaign->required_documents->len; i++)
    if (g_strcmp0 (((TuttiDocumentKind *) g_ptr_array_index (campaign->required_documents, i))->name,
                   NEW_KIND_NAME) == 0)
      asked = TRUE;
  g_assert_true (asked);
  for (guint i = 0; i < campaign->downloads->len; i++)
    if (g_strcmp0 (((TuttiDownload *) g_ptr_array_index (campaign->downloads, i))->name, DOWNLOAD_NAME) == 0)
      download = g_ptr_array_index (campaign->downloads, i);
  g_assert_nonnull (download);

  /* The very bytes put online. */
  bytes = get_download (client, campaign->id, download->id);
  g_assert_true (g_file_get_contents (test->pdf_path, &contents, &length, NULL));
  uploaded = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (g_bytes_equal (bytes, uploaded));

  /* The new place is one Z-TEST Essai's course may continue in. */
  file = get_reenrolment (client, ((TuttiHomePupil *) g_ptr_array_index (home->pupils, 0))->id);
  g_assert_cmpint (file->campaign->id, ==, test->reenrolment_id);
  for (guint i = 0; i < file->course_offers->len; i++)
    {
      const TuttiCourseOffer *offer = g_ptr_array_index (file->course_offers, i);

      for (guint j = 0; j < offer->offer->len; j++)
        {
          const TuttiOfferItem *item = g_ptr_array_index (offer->offer, j);

          if (g_strcmp0 (item->site, NEW_SITE) == 0 && g_strcmp0 (item->discipline, ZTEST_DISCIPLINE) == 0)
            offered = TRUE;
        }
    }
  g_assert_true (offered);
}

static void
campaigns_script (gpointer data)
{
  Test *test = data;

  log_in (test->window, "secretariat", "Accueil2026");
  check_list (test);
  open_reenrolment_campaign (test);
  move_deadline (test);
  check_narrow_window (test);
  edit_documents (test);
  edit_offer (test);
  create_campaign (test);
  check_family_sees_it (test);
}

static void
test_ui_campaigns (gconstpointer data)
{
  Test test = { 0 };

  test.tmp_dir = g_strdup (data);
  test.pdf_path = write_pdf (test.tmp_dir, "calendrier_2027-2028.pdf", "Calendrier de l’année 2027/2028",
                             "Rentrée : lundi 13 septembre — Vacances : selon le calendrier scolaire");
  test.server = tutti_test_server_start (TRUE, NULL);

  run_app (tutti_test_server_get_url (test.server), &test.app, &test.window, campaigns_script, &test);

  g_free (test.tmp_dir);
  g_free (test.pdf_path);
  g_free (test.new_deadline);
  tutti_test_server_stop (test.server);
}

int
main (int   argc,
      char *argv[])
{
  char *tmp_dir;

  unset_proxies ();
  tmp_dir = init_ui_test (&argc, &argv, "ui-campaigns");

  g_test_add_data_func ("/ui/campaigns/staff", tmp_dir, test_ui_campaigns);

  return run_ui_tests (tmp_dir);
}
