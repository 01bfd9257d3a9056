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

#include <cairo-pdf.h>
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
  gboolean          started;
  gboolean          done;
} Test;

/* ---- A family's side, through TuttiClient ---------------------------------------- */

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static TuttiClient *
family_client (Test       *test,
               const char *login)
{
  TuttiClient *client = tutti_client_new (tutti_test_server_get_url (test->server));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(GError) error = NULL;

  tutti_client_set_lang (client, get_lang ());
  tutti_client_log_in_async (client, "conservatoire", login, "Vitre2026", NULL, on_result, &result);
  wait_for ("the family's log-in", result_arrived, &result);
  session = tutti_client_log_in_finish (client, result, &error);
  g_assert_no_error (error);
  return client;
}

static TuttiHome *
get_home (TuttiClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TuttiHome *home;

  tutti_client_get_home_async (client, NULL, on_result, &result);
  wait_for ("the home page's data", result_arrived, &result);
  home = tutti_client_get_home_finish (client, result, &error);
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

  tutti_client_get_reenrolment_async (client, pupil_id, NULL, on_result, &result);
  wait_for ("the re-enrolment file", result_arrived, &result);
  file = tutti_client_get_reenrolment_finish (client, result, &error);
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

  tutti_client_get_campaign_download_async (client, campaign_id, download_id, NULL, on_result, &result);
  wait_for ("the download", result_arrived, &result);
  bytes = tutti_client_get_campaign_download_finish (client, result, &error);
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
  g_autoptr(TuttiClient) client = family_client (test, "cmartin");
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
window_shown (gpointer data)
{
  Test *test = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (test->app));

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return FALSE;
  test->window = TUTTI_WINDOW (window);
  return TRUE;
}

static gboolean
sites_loaded (gpointer data)
{
  TuttiLoginPage *page = tutti_window_get_login_page (TUTTI_WINDOW (data));
  AdwComboRow *site_row = tutti_login_page_get_site_row (page);
  GListModel *model = adw_combo_row_get_model (site_row);

  return model != NULL && g_list_model_get_n_items (model) > 0 &&
         adw_combo_row_get_selected (site_row) != GTK_INVALID_LIST_POSITION;
}

static gboolean
home_loaded (gpointer data)
{
  TuttiWindow *window = TUTTI_WINDOW (data);

  return g_strcmp0 (tutti_window_get_page_name (window), "main") == 0 &&
         g_strcmp0 (tutti_home_view_get_state (tutti_window_get_home_view (window)), "content") == 0;
}

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

static char *
write_pdf (const char *dir)
{
  char *path = g_build_filename (dir, "calendrier_2027-2028.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 24);
  cairo_move_to (cr, 60, 100);
  cairo_show_text (cr, "Calendrier de l’année 2027/2028");
  cairo_set_font_size (cr, 14);
  cairo_move_to (cr, 60, 140);
  cairo_show_text (cr, "Rentrée : lundi 13 septembre — Vacances : selon le calendrier scolaire");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

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

static void
log_in_as_staff (Test *test)
{
  TuttiLoginPage *page = tutti_window_get_login_page (test->window);

  wait_for ("the sites", sites_loaded, test->window);
  type_text (GTK_WIDGET (tutti_login_page_get_identifier_row (page)), "secretariat");
  type_text (GTK_WIDGET (tutti_login_page_get_password_row (page)), "Accueil2026");
  click (tutti_login_page_get_log_in_button (page));
  wait_for ("the home page", home_loaded, test->window);
}

/* The sidebar's Campaigns; the list, searched. */
static void
check_list (Test *test)
{
  TuttiStaffCampaignsView *view = get_view (test);
  GtkWidget *sidebar_row = GTK_WIDGET (tutti_window_get_sidebar_row (test->window, "campaigns"));
  ShownWait wait = { view, 2 };

  g_assert_true (gtk_widget_get_visible (sidebar_row));
  g_assert_true (gtk_widget_activate (sidebar_row));
  g_assert_cmpstr (tutti_window_get_view_name (test->window), ==, "campaigns");
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

static gboolean
window_narrow (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) <= 420;
}

static gboolean
window_wide (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) >= 900;
}

/* A narrow window: the tabs go to the bottom, the name stays, nothing cut. */
static void
check_narrow_window (Test *test)
{
  TuttiStaffCampaignsView *view = get_view (test);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (test->window), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (test->window), 400, height);
  wait_for ("the window to narrow", window_narrow, test->window);
  g_assert_cmpstr (tutti_staff_campaigns_view_get_page_name (view), ==, "detail");
  save_screenshot (GTK_WIDGET (test->window), "campaigns-campaign-narrow");

  gtk_window_set_default_size (GTK_WINDOW (test->window), width, height);
  wait_for ("the window to widen", window_wide, test->window);
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
  g_autoptr(TuttiClient) client = family_client (test, "ztest1");
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
run_script (gpointer data)
{
  Test *test = data;

  wait_for ("the window", window_shown, test);

  log_in_as_staff (test);
  check_list (test);
  open_reenrolment_campaign (test);
  move_deadline (test);
  check_narrow_window (test);
  edit_documents (test);
  edit_offer (test);
  create_campaign (test);
  check_family_sees_it (test);

  test->done = TRUE;
  gtk_window_close (GTK_WINDOW (test->window));
  g_application_release (G_APPLICATION (test->app));
}

static void
activate_cb (GApplication *app,
             Test         *test)
{
  if (test->started)
    return;
  test->started = TRUE;
  g_application_hold (app);
  g_idle_add_once (run_script, test);
}

static void
test_ui_campaigns (gconstpointer data)
{
  Test test = { 0 };
  g_autofree char *url = NULL;
  char *argv[4];
  int status;

  test.tmp_dir = g_strdup (data);
  test.pdf_path = write_pdf (test.tmp_dir);
  test.server = tutti_test_server_start (TRUE, NULL);

  url = g_strdup (tutti_test_server_get_url (test.server));
  argv[0] = (char *) "tutti";
  argv[1] = (char *) "--server";
  argv[2] = url;
  argv[3] = NULL;

  test.app = tutti_application_new ();
  /* ui-campaigns-fr and ui-campaigns-en may run at once on the same bus. */
  g_application_set_flags (G_APPLICATION (test.app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (test.app, "activate", G_CALLBACK (activate_cb), &test);
  status = g_application_run (G_APPLICATION (test.app), 3, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (test.done);
  g_clear_object (&test.app);
  g_free (test.tmp_dir);
  g_free (test.pdf_path);
  g_free (test.new_deadline);
  tutti_test_server_stop (test.server);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TUTTI_LOCALEDIR");
  g_autofree char *tmp_dir = NULL;
  int status;

  /* As main.c does: the catalogue of the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Loopback traffic must not go through a proxy of the environment. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");

  /* A home, configuration and caches of the test's own. */
  tmp_dir = tutti_test_make_tmpdir ("ui-campaigns");
  for (guint i = 0; i < 5; i++)
    {
      static const char * const names[] = {
        "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR",
      };
      g_autofree char *dir = g_build_filename (tmp_dir, names[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (names[i], dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/ui/campaigns/staff", tmp_dir, test_ui_campaigns);

  status = g_test_run ();
  tutti_test_rm_rf (tmp_dir);

  return status;
}
