/* test-ui-staff.c — the office's validation queue (STAFF-1, STAFF-2), the
 * real app in-process against a real tutti-server --demo
 *
 * Runs under Xvfb in a private D-Bus, once per language (LANGUAGE=fr,
 * LANGUAGE=en), like test-ui.c, with the helpers of tutti-test-ui.c.
 * The families' side is played straight through
 * HTTP: Z-TEST's guardian changes a town and a mobile number, then its
 * pupil two fields. The office's side goes through the very widgets a
 * secretary uses: the login page, the sidebar, the queue's search and
 * list, the Accept and Refuse toggles, the reason, Apply, Accept All and
 * Refuse All…. What the family reads afterwards is checked through HTTP
 * again.
 *
 * Documents (STAFF-2): before the office logs in, Z-TEST uploads two PDFs
 * made with cairo and a PNG through a family TuttiClient; in the queue's
 * Documents tab the office previews them, accepts one, refuses one with a
 * reason typed in the refusal's dialog, and meets the PNG deleted by the
 * family meanwhile. The family's client then reads the states and the
 * reason. Screenshots go to $TUTTI_SCREENSHOT_DIR as
 * <screen>-<language>.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "tutti-application.h"
#include "tutti-test-server.h"
#include "tutti-test-ui.h"
#include "tutti-window-private.h"

#define SITE         "conservatoire"

typedef struct
{
  TuttiTestServer  *server;
  TuttiApplication *app;
  TuttiWindow      *window;
  SoupSession      *http;
  char             *family_token;
  gint64            guardian_id;
  gint64            pupil_id;
  /* Z-TEST's documents, sent through the family's own client. */
  TuttiClient      *family_client;
  gint64            family_id;
  gint64            caf_id;
  gint64            rib_id;
  gint64            photo_id;
} Test;

/* ---- The families' side, through HTTP ------------------------------------------ */

/* The JSON of the answer to @method @path, which must have @expected_status. */
static JsonNode *
http_request (Test       *test,
              const char *method,
              const char *path,
              const char *token,
              const char *body,
              guint       expected_status)
{
  g_autofree char *url = g_strconcat (tutti_test_server_get_url (test->server), path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  soup_message_headers_replace (headers, "Accept-Language", is_french () ? "fr" : "en");
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  answer = soup_session_send_and_read (test->http, message, NULL, &error);
  g_assert_no_error (error);
  if (soup_message_get_status (message) != expected_status)
    g_error ("%s %s answered %u, not %u: %.*s", method, path, soup_message_get_status (message),
             expected_status, (int) g_bytes_get_size (answer), (const char *) g_bytes_get_data (answer, NULL));
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                             g_bytes_get_size (answer), &error));
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static TuttiSession *
http_log_in (Test       *test,
             const char *login,
             const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"site\": \"%s\", \"login\": \"%s\", \"password\": \"%s\"}",
                                           SITE, login, password);
  g_autoptr(JsonNode) answer = http_request (test, "POST", TUTTI_API_SESSION, NULL, body, 201);
  g_autoptr(GError) error = NULL;
  TuttiSession *session = tutti_session_from_json (answer, &error);

  g_assert_no_error (error);
  return session;
}

static void
family_patch (Test       *test,
              const char *path,
              const char *body)
{
  g_autoptr(JsonNode) answer = http_request (test, "PATCH", path, test->family_token, body, 202);

  g_assert_nonnull (answer);
}

static void
family_patch_guardian (Test       *test,
                       const char *body)
{
  g_autofree char *path = g_strdup_printf (TUTTI_API_GUARDIAN_FMT, test->guardian_id);

  family_patch (test, path, body);
}

/* Z-TEST's guardian changes a town and a mobile number, then its pupil
 * two fields, as the family's views would send them. */
static void
make_family_changes (Test *test)
{
  g_autoptr(TuttiSession) session = http_log_in (test, "ztest1", "Vitre2026");
  g_autoptr(JsonNode) home_node = NULL;
  g_autoptr(TuttiHome) home = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pupil_path = NULL;

  test->family_token = g_strdup (session->token);
  test->guardian_id = session->account->guardian_id;
  g_assert_cmpint (test->guardian_id, >, 0);

  home_node = http_request (test, "GET", TUTTI_API_HOME, test->family_token, NULL, 200);
  home = tutti_home_from_json (home_node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (home->pupils->len, >=, 1);
  test->pupil_id = ((TuttiHomePupil *) g_ptr_array_index (home->pupils, 0))->id;

  family_patch_guardian (test,
                         "{\"pending_changes\": [{\"field\": \"town\", \"new_value\": \"VITRÉ\"},"
                         " {\"field\": \"mobile_phone\", \"new_value\": \"0612345678\"}]}");

  /* A second later, so that the queue's order is certain. */
  g_usleep (G_USEC_PER_SEC + G_USEC_PER_SEC / 10);
  pupil_path = g_strdup_printf (TUTTI_API_PUPIL_FMT, test->pupil_id);
  family_patch (test, pupil_path,
                "{\"pending_changes\": [{\"field\": \"image_rights\", \"new_value\": \"yes\"},"
                " {\"field\": \"school_level\", \"new_value\": \"6e\"}]}");
}

/* ---- The family's documents, through its TuttiClient -------------------------------- */

/* A small PNG: a photo of a signed form. */
static GBytes *
make_png (void)
{
  GBytes *bytes;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 420, 300);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.96, 0.95, 0.90);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.3);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 20);
  cairo_move_to (cr, 24, 60);
  cairo_show_text (cr, "Mandat de prélèvement SEPA");
  cairo_rectangle (cr, 24, 200, 200, 60);
  cairo_stroke (cr);
  cairo_destroy (cr);
  bytes = png_bytes (surface);
  cairo_surface_destroy (surface);
  return bytes;
}

static gint64
family_upload (Test       *test,
               const char *kind,
               const char *file_name,
               GBytes     *content)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TuttiDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  tutti_client_upload_document_async (test->family_client, kind, file_name, content, NULL, NULL,
                                      result_cb, &result);
  document = tutti_client_upload_document_finish (test->family_client, wait_result ("the upload", &result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (document->state, ==, TUTTI_DOCUMENT_PROVIDED);
  g_assert_cmpstr (document->file_name, ==, file_name);
  g_assert_cmpint (document->family_id, ==, test->family_id);
  return document->id;
}

/* Z-TEST sends its family-quotient certificate, its bank details and a
 * photo of its direct-debit form, as the re-enrolment asks. */
static void
upload_family_documents (Test *test)
{
  g_autoptr(TuttiSession) session = NULL;
  g_autoptr(GBytes) caf = make_pdf ("Attestation de quotient familial", "Famille Z-TEST — quotient : 850");
  g_autoptr(GBytes) rib = make_pdf ("Relevé d'identité bancaire", "Titulaire : M. Z-TEST Essai");
  g_autoptr(GBytes) photo = make_png ();

  test->family_client = log_in_client (test->server, "ztest1", "Vitre2026", &session);
  test->family_id = session->account->family_id;
  g_assert_cmpint (test->family_id, >, 0);

  test->caf_id = family_upload (test, "family-quotient", "attestation-caf-ztest.pdf", caf);
  test->rib_id = family_upload (test, "bank-details", "rib-ztest.pdf", rib);
  test->photo_id = family_upload (test, "direct-debit-form", "mandat-photo.png", photo);
}

static const TuttiDocument *
find_document (GPtrArray *documents,
               gint64     id)
{
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      const TuttiDocument *document = g_ptr_array_index (documents, i);

      if (document->id == id)
        return document;
    }
  return NULL;
}

/* ---- Conditions ------------------------------------------------------------- */

typedef struct
{
  TuttiStaffQueueView *view;
  guint                n_shown;
} ShownWait;

/* The queue is shown, as the list it must be. */
static gboolean
queue_shows (gpointer data)
{
  ShownWait *wait = data;
  const char *state = tutti_staff_queue_view_get_state (wait->view);

  return g_strcmp0 (tutti_staff_queue_view_get_page_name (wait->view), "queue") == 0 &&
         (g_strcmp0 (state, "content") == 0 || g_strcmp0 (state, "empty") == 0) &&
         tutti_staff_queue_view_get_n_shown (wait->view) == wait->n_shown;
}

static gboolean
detail_ready (gpointer data)
{
  TuttiStaffQueueView *view = data;

  return g_strcmp0 (tutti_staff_queue_view_get_page_name (view), "detail") == 0 &&
         !tutti_staff_queue_view_get_detail_loading (view);
}

static gboolean
decisions_answered (gpointer data)
{
  return !tutti_staff_queue_view_get_busy (TUTTI_STAFF_QUEUE_VIEW (data));
}

typedef struct
{
  TuttiStaffQueueView *view;
  const char          *field;
} FieldWait;

static gboolean
change_gone (gpointer data)
{
  FieldWait *wait = data;

  return !tutti_staff_queue_view_get_detail_loading (wait->view) &&
         tutti_staff_queue_view_get_change_row (wait->view, wait->field) == NULL;
}

/* ---- Helpers ---------------------------------------------------------------- */

/* Where the queue shows the record, or G_MAXUINT. */
static guint
find_shown (TuttiStaffQueueView *view,
            TuttiEntity          entity,
            gint64               entity_id)
{
  for (guint i = 0; i < tutti_staff_queue_view_get_n_shown (view); i++)
    {
      const TuttiChangeGroup *group = tutti_staff_queue_view_get_shown_group (view, i);

      if (group->entity == entity && group->entity_id == entity_id)
        return i;
    }
  return G_MAXUINT;
}

static guint
find_shown_family (TuttiStaffQueueView *view,
                   const char          *family_name)
{
  for (guint i = 0; i < tutti_staff_queue_view_get_n_shown (view); i++)
    if (g_strcmp0 (tutti_staff_queue_view_get_shown_group (view, i)->family_name, family_name) == 0)
      return i;
  return G_MAXUINT;
}

static void
wait_for_queue (TuttiStaffQueueView *view,
                guint                n_shown)
{
  ShownWait wait = { view, n_shown };

  wait_for ("the queue", queue_shows, &wait);
}

/* What GtkColumnView emits for Enter or a double-click on a row. */
static void
open_record (TuttiStaffQueueView *view,
             guint                position)
{
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_signal_emit_by_name (tutti_staff_queue_view_get_column_view (view), "activate", position);
  wait_for ("the record's changes", detail_ready, view);
}

static void
apply_decisions (TuttiStaffQueueView *view)
{
  click (tutti_staff_queue_view_get_apply_button (view));
  wait_for ("the decisions to be applied", decisions_answered, view);
}

static const char *
count_shown (TuttiWindow *window)
{
  GtkLabel *count = tutti_window_get_staff_queue_count_label (window);

  return gtk_widget_get_visible (GTK_WIDGET (count)) ? gtk_label_get_text (count) : NULL;
}

static gboolean
count_is_empty (gpointer data)
{
  return count_shown (TUTTI_WINDOW (data)) == NULL;
}

/* ---- The documents' tab --------------------------------------------------------- */

typedef struct
{
  TuttiStaffDocumentsPage *page;
  guint                    n_shown;
} DocumentsWait;

static gboolean
documents_show (gpointer data)
{
  DocumentsWait *wait = data;
  const char *state = tutti_staff_documents_page_get_state (wait->page);

  return (g_strcmp0 (state, "content") == 0 || g_strcmp0 (state, "empty") == 0) &&
         !tutti_staff_documents_page_get_loading (wait->page) &&
         tutti_staff_documents_page_get_n_shown (wait->page) == wait->n_shown;
}

static void
wait_for_documents (TuttiStaffDocumentsPage *page,
                    guint                    n_shown)
{
  DocumentsWait wait = { page, n_shown };

  wait_for ("the documents to check", documents_show, &wait);
}

static gboolean
document_decided (gpointer data)
{
  return !tutti_staff_documents_page_get_busy (TUTTI_STAFF_DOCUMENTS_PAGE (data));
}

static gboolean
document_preview_shown (gpointer data)
{
  GtkWindow *preview = tutti_staff_documents_page_get_preview (TUTTI_STAFF_DOCUMENTS_PAGE (data));

  return preview != NULL && gtk_widget_get_mapped (GTK_WIDGET (preview)) &&
         (!TUTTI_IS_DOCUMENT_VIEW (preview) ||
          g_strcmp0 (tutti_document_view_get_state (TUTTI_DOCUMENT_VIEW (preview)), "content") == 0);
}

static gboolean
document_preview_closed (gpointer data)
{
  return tutti_staff_documents_page_get_preview (TUTTI_STAFF_DOCUMENTS_PAGE (data)) == NULL;
}

static gboolean
picture_shown (gpointer data)
{
  GtkPicture *picture = GTK_PICTURE (find_descendant (GTK_WIDGET (data), GTK_TYPE_PICTURE));

  return picture != NULL && gtk_picture_get_paintable (picture) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (picture));
}

typedef struct
{
  const char *action;
  gint64      id;
} RowAction;

/* A shown button that does @data's action for its document. */
static gboolean
does_row_action (GtkWidget     *widget,
                 gconstpointer  data)
{
  const RowAction *row_action = data;
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), row_action->action) != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_variant_get_int64 (target) == row_action->id && gtk_widget_get_mapped (widget);
}

/* The button of a row that does @action for the document @id, as the
 * list shows it. */
static GtkButton *
row_button (TuttiStaffDocumentsPage *page,
            const char              *action,
            gint64                   id)
{
  RowAction row_action = { action, id };
  GtkWidget *button = find_widget (GTK_WIDGET (tutti_staff_documents_page_get_column_view (page)),
                                   does_row_action, &row_action);

  g_assert_nonnull (button);
  return GTK_BUTTON (button);
}

static guint
find_shown_document (TuttiStaffDocumentsPage *page,
                     gint64                   id)
{
  for (guint i = 0; i < tutti_staff_documents_page_get_n_shown (page); i++)
    if (tutti_staff_documents_page_get_shown_document (page, i)->id == id)
      return i;
  return G_MAXUINT;
}

typedef struct
{
  TuttiWindow *window;
  const char  *count;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return g_strcmp0 (count_shown (wait->window), wait->count) == 0;
}

static void
wait_for_count (Test       *test,
                const char *count)
{
  CountWait wait = { test->window, count };

  wait_for ("the sidebar's count", count_is, &wait);
}

/* STAFF-2: the documents' tab: the oldest first, the search, a PDF and an
 * image previewed, one accepted, one refused with a reason, one the family
 * deleted meanwhile. */
static void
check_documents (Test *test)
{
  TuttiStaffQueueView *view = tutti_window_get_staff_queue_view (test->window);
  TuttiStaffDocumentsPage *page = tutti_staff_queue_view_get_documents_page (view);
  GtkSearchEntry *search = tutti_staff_documents_page_get_search_entry (page);
  GListModel *columns = gtk_column_view_get_columns (tutti_staff_documents_page_get_column_view (page));
  g_autoptr(GtkColumnViewColumn) family_column = g_list_model_get_item (columns, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_reason = NULL;
  g_autofree char *expected = NULL;
  const TuttiDocument *first;
  AdwMessageDialog *dialog;
  AdwEntryRow *reason;
  GtkWindow *preview;

  g_assert_true (gtk_widget_activate (GTK_WIDGET (tutti_window_get_sidebar_row (test->window,
                                                                                "validation"))));
  /* The demo's MARTIN certificate and Z-TEST's three, beside the three
   * records of changes. */
  wait_for_count (test, "7");
  tutti_staff_queue_view_show_tab (view, "documents");
  g_assert_cmpstr (tutti_staff_queue_view_get_tab (view), ==, "documents");
  wait_for_documents (page, 4);

  /* First come, first served: MARTIN's, days old, then Z-TEST's in order. */
  first = tutti_staff_documents_page_get_shown_document (page, 0);
  g_assert_cmpint (first->family_id, !=, test->family_id);
  g_assert_cmpstr (first->file_name, ==, "attestation-caf.pdf");
  g_assert_cmpuint (find_shown_document (page, test->caf_id), ==, 1);
  g_assert_cmpuint (find_shown_document (page, test->rib_id), ==, 2);
  g_assert_cmpuint (find_shown_document (page, test->photo_id), ==, 3);
  g_assert_cmpstr (tutti_staff_documents_page_get_shown_document (page, 2)->name, ==,
                   "Relevé d'Identité bancaire");
  /* The columns say what core calls the fields. */
  g_assert_cmpstr (gtk_column_view_column_get_title (family_column), ==, is_french () ? "Famille" : "Family");

  /* By file name, whatever the case; by the kind of document. */
  type_text (GTK_WIDGET (search), "ZTEST");
  wait_for_documents (page, 2);
  type_text (GTK_WIDGET (search), "identite");
  wait_for_documents (page, 1);
  g_assert_cmpint (tutti_staff_documents_page_get_shown_document (page, 0)->id, ==, test->rib_id);
  g_signal_emit_by_name (search, "stop-search");
  wait_for_documents (page, 4);
  save_screenshot (GTK_WIDGET (test->window), "staff-documents");

  /* A PDF, as Enter or a double-click opens it. */
  g_signal_emit_by_name (tutti_staff_documents_page_get_column_view (page), "activate",
                         find_shown_document (page, test->caf_id));
  wait_for ("the PDF", document_preview_shown, page);
  preview = tutti_staff_documents_page_get_preview (page);
  g_assert_true (TUTTI_IS_DOCUMENT_VIEW (preview));
  g_assert_cmpint (tutti_document_view_get_n_pages (TUTTI_DOCUMENT_VIEW (preview)), ==, 1);
  g_assert_cmpstr (tutti_document_view_get_file_name (TUTTI_DOCUMENT_VIEW (preview)), ==,
                   "attestation-caf-ztest.pdf");
  save_screenshot (GTK_WIDGET (preview), "staff-document-preview");
  gtk_window_close (preview);
  wait_for ("the PDF to close", document_preview_closed, page);

  /* An image, from its row's View button. */
  click (row_button (page, "staff-documents.view", test->photo_id));
  wait_for ("the image's window", document_preview_shown, page);
  preview = tutti_staff_documents_page_get_preview (page);
  g_assert_false (TUTTI_IS_DOCUMENT_VIEW (preview));
  wait_for ("the image", picture_shown, preview);
  save_screenshot (GTK_WIDGET (preview), "staff-document-image");
  gtk_window_close (preview);
  wait_for ("the image to close", document_preview_closed, page);

  /* Accept the certificate. */
  click (row_button (page, "staff-documents.accept", test->caf_id));
  wait_for ("the acceptance", document_decided, page);
  wait_for_documents (page, 3);
  g_assert_cmpuint (find_shown_document (page, test->caf_id), ==, G_MAXUINT);
  g_assert_cmpstr (tutti_staff_documents_page_get_last_toast (page), ==,
                   is_french () ? "« attestation-caf-ztest.pdf » accepté" : "“attestation-caf-ztest.pdf” accepted");
  wait_for_count (test, "6");

  /* Refuse the bank details: not without a reason. */
  click (row_button (page, "staff-documents.refuse", test->rib_id));
  wait_for ("the refusal's dialog", message_dialog_shown, NULL);
  dialog = tutti_staff_documents_page_get_refusal_dialog (page);
  g_assert_nonnull (dialog);
  reason = tutti_staff_documents_page_get_refusal_reason_row (page);
  g_assert_true (has_focus_within (GTK_WIDGET (reason)));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "refuse"));
  type_text (GTK_WIDGET (reason), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "refuse"));
  /* Longer than core allows: said under the field. */
  long_reason = g_strnfill (1001, 'x');
  type_text (GTK_WIDGET (reason), long_reason);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "refuse"));
  g_assert_nonnull (tutti_staff_documents_page_get_refusal_error (page));
  g_test_message ("A reason too long: %s", tutti_staff_documents_page_get_refusal_error (page));
  type_text (GTK_WIDGET (reason), "Relevé illisible : merci d'en envoyer un autre");
  g_assert_null (tutti_staff_documents_page_get_refusal_error (page));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "refuse"));
  save_screenshot (GTK_WIDGET (dialog), "staff-document-refuse");
  click (find_button (GTK_WIDGET (dialog), adw_message_dialog_get_response_label (dialog, "refuse")));
  wait_for ("the dialog to close", no_message_dialog, NULL);
  wait_for ("the refusal", document_decided, page);
  wait_for_documents (page, 2);
  g_assert_cmpuint (find_shown_document (page, test->rib_id), ==, G_MAXUINT);
  g_assert_cmpstr (tutti_staff_documents_page_get_last_toast (page), ==,
                   is_french () ? "« rib-ztest.pdf » refusé : la famille peut en voir le motif"
                                : "“rib-ztest.pdf” refused: the family can see why");

  /* The family deletes its photo while the office looks at the list. */
  tutti_client_delete_document_async (test->family_client, test->photo_id, NULL, result_cb, &result);
  tutti_client_delete_document_finish (test->family_client, wait_result ("the deletion", &result), &error);
  g_assert_no_error (error);
  click (row_button (page, "staff-documents.accept", test->photo_id));
  wait_for ("the answer", document_decided, page);
  expected = g_strdup_printf (is_french () ? "« %s » n’existe plus : la famille l’a supprimé"
                                           : "“%s” no longer exists: the family deleted it",
                              "mandat-photo.png");
  g_assert_cmpstr (tutti_staff_documents_page_get_last_toast (page), ==, expected);
  wait_for_documents (page, 1);
  g_assert_cmpstr (tutti_staff_documents_page_get_shown_document (page, 0)->file_name, ==,
                   "attestation-caf.pdf");
  /* Three records and MARTIN's certificate. */
  wait_for_count (test, "4");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (tutti_window_get_staff_queue_count_label (test->window))),
                   ==, is_french () ? "3 fiches et 1 document en attente de validation"
                                    : "3 records and 1 document await validation");
  save_screenshot (GTK_WIDGET (test->window), "staff-documents-decided");

  tutti_staff_queue_view_show_tab (view, "changes");
}

/* MARTIN's certificate, the last thing awaiting the office. */
static void
accept_last_document (Test *test)
{
  TuttiStaffQueueView *view = tutti_window_get_staff_queue_view (test->window);
  TuttiStaffDocumentsPage *page = tutti_staff_queue_view_get_documents_page (view);
  gint64 id;

  tutti_staff_queue_view_show_tab (view, "documents");
  wait_for_documents (page, 1);
  id = tutti_staff_documents_page_get_shown_document (page, 0)->id;
  click (row_button (page, "staff-documents.accept", id));
  wait_for ("the acceptance", document_decided, page);
  wait_for_documents (page, 0);
  g_assert_cmpstr (tutti_staff_documents_page_get_state (page), ==, "empty");
  save_screenshot (GTK_WIDGET (test->window), "staff-documents-empty");
}

/* ---- The script ------------------------------------------------------------- */

/* STAFF-1: the office logs in from the same login page and gets its views. */
static void
log_in_as_staff (Test *test)
{
  log_in (test->window, "secretariat", "Accueil2026");

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tutti_window_get_sidebar_row (test->window,
                                                                                   "validation"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tutti_window_get_sidebar_row (test->window,
                                                                                    "billing"))));
}

/* The queue: the three records, oldest first; the search. */
static void
check_queue (Test *test)
{
  TuttiStaffQueueView *view = tutti_window_get_staff_queue_view (test->window);
  GtkSearchEntry *search = tutti_staff_queue_view_get_search_entry (view);
  const TuttiChangeGroup *first;

  g_assert_true (gtk_widget_activate (GTK_WIDGET (tutti_window_get_sidebar_row (test->window,
                                                                                "validation"))));
  g_assert_cmpstr (tutti_window_get_view_name (test->window), ==, "validation");
  wait_for_queue (view, 3);
  /* The records, and MARTIN's certificate still to check. */
  g_assert_cmpstr (count_shown (test->window), ==, "4");

  /* First come, first served: BERTHELOT's change of the demo, days old. */
  first = tutti_staff_queue_view_get_shown_group (view, 0);
  g_assert_cmpstr (first->family_name, ==, "BERTHELOT");
  for (guint i = 1; i < 3; i++)
    g_assert_cmpstr (tutti_staff_queue_view_get_shown_group (view, i - 1)->submitted_at, <=,
                     tutti_staff_queue_view_get_shown_group (view, i)->submitted_at);
  g_assert_cmpuint (find_shown (view, TUTTI_ENTITY_GUARDIAN, test->guardian_id), ==, 1);
  g_assert_cmpuint (find_shown (view, TUTTI_ENTITY_PUPIL, test->pupil_id), ==, 2);

  /* By family, whatever the case; by a field's label, without accents. */
  type_text (GTK_WIDGET (search), "z-test");
  wait_for_queue (view, 2);
  type_text (GTK_WIDGET (search), is_french () ? "scolaire" : "town");
  wait_for_queue (view, 1);
  g_assert_cmpint (tutti_staff_queue_view_get_shown_group (view, 0)->entity, ==,
                   is_french () ? TUTTI_ENTITY_PUPIL : TUTTI_ENTITY_GUARDIAN);
  type_text (GTK_WIDGET (search), is_french () ? "eleve" : "pupil");
  wait_for_queue (view, 1);
  g_assert_cmpint (tutti_staff_queue_view_get_shown_group (view, 0)->entity, ==, TUTTI_ENTITY_PUPIL);
  type_text (GTK_WIDGET (search), "nobody");
  wait_for_queue (view, 0);
  g_signal_emit_by_name (search, "stop-search");
  wait_for_queue (view, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");

  save_screenshot (GTK_WIDGET (test->window), "staff-queue");
}

/* The guardian's record: accept the town, refuse the phone with a reason. */
static void
decide_guardian (Test *test)
{
  TuttiStaffQueueView *view = tutti_window_get_staff_queue_view (test->window);
  AdwWindowTitle *title = tutti_staff_queue_view_get_detail_title (view);
  AdwEntryRow *reason;
  g_autofree char *expected_summary = NULL;

  open_record (view, find_shown (view, TUTTI_ENTITY_GUARDIAN, test->guardian_id));

  g_assert_cmpstr (adw_window_title_get_title (title), ==,
                   is_french () ? "Monsieur Z-TEST Essai" : "Mr Z-TEST Essai");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==,
                   is_french () ? "Responsable · Famille Z-TEST" : "Guardian · Z-TEST family");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     tutti_staff_queue_view_get_change_row (view, "town"))), ==,
                   is_french () ? "Ville" : "Town");
  g_assert_cmpstr (gtk_label_get_text (tutti_staff_queue_view_get_values_label (view, "town")), ==,
                   "VITRE  →  VITRÉ");
  /* The phone had none: core says so. */
  g_assert_cmpstr (gtk_label_get_text (tutti_staff_queue_view_get_values_label (view, "mobile_phone")),
                   ==, is_french () ? "(vide)  →  0612345678" : "(empty)  →  0612345678");

  /* Nothing decided yet: nothing to apply. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tutti_staff_queue_view_get_apply_button (view))));
  reason = tutti_staff_queue_view_get_reason_row (view, "mobile_phone");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (reason)));

  click (tutti_staff_queue_view_get_accept_button (view, "town"));
  click (tutti_staff_queue_view_get_refuse_button (view, "mobile_phone"));
  g_assert_true (gtk_toggle_button_get_active (tutti_staff_queue_view_get_accept_button (view, "town")));
  g_assert_true (gtk_toggle_button_get_active (tutti_staff_queue_view_get_refuse_button (view, "mobile_phone")));

  /* Accept and Refuse exclude each other; pressing one again undecides. */
  click (tutti_staff_queue_view_get_refuse_button (view, "town"));
  g_assert_false (gtk_toggle_button_get_active (tutti_staff_queue_view_get_accept_button (view, "town")));
  click (tutti_staff_queue_view_get_refuse_button (view, "town"));
  g_assert_false (gtk_toggle_button_get_active (tutti_staff_queue_view_get_refuse_button (view, "town")));
  click (tutti_staff_queue_view_get_accept_button (view, "town"));

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reason)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tutti_staff_queue_view_get_reason_row (view, "town"))));
  type_text (GTK_WIDGET (reason), "Numéro incomplet");
  expected_summary = g_strdup (is_french () ? "Acceptées : 1 · Refusées : 1 · À décider : 0"
                                            : "Accepted: 1 · Refused: 1 · To decide: 0");
  g_assert_cmpstr (gtk_label_get_text (tutti_staff_queue_view_get_summary_label (view)), ==, expected_summary);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (tutti_staff_queue_view_get_apply_button (view))));

  save_screenshot (GTK_WIDGET (test->window), "staff-detail");

  apply_decisions (view);
  g_assert_null (tutti_staff_queue_view_get_message (view));
  wait_for_queue (view, 2);
  g_assert_cmpuint (find_shown (view, TUTTI_ENTITY_GUARDIAN, test->guardian_id), ==, G_MAXUINT);
  g_assert_cmpstr (tutti_staff_queue_view_get_last_toast (view), ==,
                   is_french () ? "Monsieur Z-TEST Essai : 1 modification acceptée, 1 refusée"
                                : "Mr Z-TEST Essai: 1 change accepted, 1 refused");
  g_assert_cmpstr (count_shown (test->window), ==, "3");
  save_screenshot (GTK_WIDGET (test->window), "staff-queue-decided");
}

/* A change decided meanwhile by someone else: nothing is decided, the
 * record reloads, and what was chosen for the rest stays. */
static void
check_conflict (Test *test)
{
  TuttiStaffQueueView *view = tutti_window_get_staff_queue_view (test->window);
  g_autoptr(TuttiSession) colleague = http_log_in (test, "secretariat", "Accueil2026");
  g_autofree char *group_path = g_strdup_printf (TUTTI_API_STAFF_CHANGE_FMT, "guardian", test->guardian_id);
  g_autofree char *decide_path = g_strconcat (group_path, "/decide", NULL);
  g_autofree char *decision = NULL;
  g_autoptr(JsonNode) group_node = NULL;
  g_autoptr(JsonNode) decided = NULL;
  g_autoptr(TuttiChangeGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  FieldWait gone = { view, "home_phone" };

  family_patch_guardian (test,
                         "{\"pending_changes\": [{\"field\": \"home_phone\", \"new_value\": \"0299000000\"},"
                         " {\"field\": \"work_phone\", \"new_value\": \"0299111111\"}]}");
  click (tutti_staff_queue_view_get_refresh_button (view));
  wait_for_queue (view, 3);

  open_record (view, find_shown (view, TUTTI_ENTITY_GUARDIAN, test->guardian_id));
  click (tutti_staff_queue_view_get_accept_button (view, "home_phone"));
  click (tutti_staff_queue_view_get_refuse_button (view, "work_phone"));
  type_text (GTK_WIDGET (tutti_staff_queue_view_get_reason_row (view, "work_phone")), "Numéro inconnu");

  /* A colleague accepts the home phone first. */
  group_node = http_request (test, "GET", group_path, colleague->token, NULL, 200);
  group = tutti_change_group_from_json (group_node, &error);
  g_assert_no_error (error);
  decision = g_strdup_printf ("{\"pending_changes\": [{\"id\": %" G_GINT64_FORMAT ", \"state\": \"accepted\"}]}",
                              find_change (group->changes, "home_phone")->id);
  decided = http_request (test, "POST", decide_path, colleague->token, decision, 200);

  apply_decisions (view);
  g_assert_cmpstr (tutti_staff_queue_view_get_page_name (view), ==, "detail");
  g_assert_nonnull (tutti_staff_queue_view_get_message (view));
  g_test_message ("After a conflict: %s", tutti_staff_queue_view_get_message (view));
  wait_for ("the record to reload", change_gone, &gone);
  g_assert_true (gtk_toggle_button_get_active (tutti_staff_queue_view_get_refuse_button (view, "work_phone")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_staff_queue_view_get_reason_row (view, "work_phone"))),
                   ==, "Numéro inconnu");
  save_screenshot (GTK_WIDGET (test->window), "staff-conflict");

  apply_decisions (view);
  wait_for_queue (view, 2);
  g_assert_cmpstr (tutti_staff_queue_view_get_last_toast (view), ==,
                   is_french () ? "Monsieur Z-TEST Essai : 1 modification refusée"
                                : "Mr Z-TEST Essai: 1 change refused");
}

/* A narrow window: the record's changes still fit, nothing cut. */
static void
check_narrow_window (Test *test)
{
  TuttiStaffQueueView *view = tutti_window_get_staff_queue_view (test->window);
  int width, height;

  narrow_window (test->window, &width, &height);
  g_assert_cmpstr (tutti_staff_queue_view_get_page_name (view), ==, "detail");
  save_screenshot (GTK_WIDGET (test->window), "staff-detail-narrow");
  widen_window (test->window, width, height);
}

/* Accept All on the pupil, Refuse All… with a reason on BERTHELOT: empty. */
static void
decide_all (Test *test)
{
  TuttiStaffQueueView *view = tutti_window_get_staff_queue_view (test->window);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  const char *values;

  open_record (view, find_shown (view, TUTTI_ENTITY_PUPIL, test->pupil_id));
  g_assert_nonnull (tutti_staff_queue_view_get_change_row (view, "image_rights"));
  /* An unanswered choice, then the label of the new one. */
  values = gtk_label_get_text (tutti_staff_queue_view_get_values_label (view, "image_rights"));
  g_test_message ("Image rights: %s", values);
  g_assert_nonnull (strstr (values, is_french () ? "→  Oui" : "→  Yes"));
  check_narrow_window (test);
  click (tutti_staff_queue_view_get_accept_all_button (view));
  wait_for ("the decisions to be applied", decisions_answered, view);
  wait_for_queue (view, 1);
  g_assert_cmpstr (tutti_staff_queue_view_get_last_toast (view), ==,
                   is_french () ? "Monsieur Z-TEST Essai : 2 modifications acceptées"
                                : "Mr Z-TEST Essai: 2 changes accepted");

  open_record (view, find_shown_family (view, "BERTHELOT"));
  click (tutti_staff_queue_view_get_refuse_all_button (view));
  wait_for ("the question", message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  entry = adw_message_dialog_get_extra_child (dialog);
  type_text (entry, "Justificatif manquant");
  save_screenshot (GTK_WIDGET (dialog), "staff-refuse-all");
  /* One change: the answer says "Refuse" rather than "Refuse All". */
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "refuse"), ==, _("_Refuse"));
  click (find_button (GTK_WIDGET (dialog), adw_message_dialog_get_response_label (dialog, "refuse")));
  wait_for ("the dialog to close", no_message_dialog, NULL);
  wait_for ("the decisions to be applied", decisions_answered, view);

  wait_for_queue (view, 0);
  g_assert_cmpstr (tutti_staff_queue_view_get_state (view), ==, "empty");
  g_assert_cmpstr (tutti_staff_queue_view_get_last_toast (view), ==,
                   is_french () ? "Monsieur BERTHELOT Yannick : 1 modification refusée"
                                : "Mr BERTHELOT Yannick: 1 change refused");
  /* MARTIN's certificate is left. */
  wait_for_count (test, "1");
  save_screenshot (GTK_WIDGET (test->window), "staff-queue-empty");
  accept_last_document (test);
  wait_for ("the sidebar's count to go", count_is_empty, test->window);
}

/* What the families read now. */
static void
check_families_see_it (Test *test)
{
  g_autoptr(JsonNode) family_node = http_request (test, "GET", TUTTI_API_FAMILY, test->family_token, NULL, 200);
  g_autofree char *pupil_path = g_strdup_printf (TUTTI_API_PUPIL_FMT, test->pupil_id);
  g_autoptr(JsonNode) pupil_node = http_request (test, "GET", pupil_path, test->family_token, NULL, 200);
  g_autoptr(TuttiSession) berthelot = http_log_in (test, "yberthelot", "Vitre2026");
  g_autoptr(JsonNode) berthelot_node = http_request (test, "GET", TUTTI_API_FAMILY, berthelot->token, NULL, 200);
  g_autoptr(TuttiFamily) family = NULL;
  g_autoptr(TuttiPupil) pupil = NULL;
  g_autoptr(TuttiFamily) berthelot_family = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  const TuttiGuardian *guardian;
  const TuttiPendingChange *refused;
  const TuttiDocument *document;

  family = tutti_family_from_json (family_node, &error);
  g_assert_no_error (error);
  guardian = g_ptr_array_index (family->guardians, 0);
  g_assert_cmpint (guardian->id, ==, test->guardian_id);
  g_assert_cmpstr (guardian->town, ==, "VITRÉ");
  g_assert_cmpstr (guardian->home_phone, ==, "0299000000");
  g_assert_cmpstr (guardian->mobile_phone, !=, "0612345678");
  g_assert_cmpstr (guardian->work_phone, !=, "0299111111");
  g_assert_null (find_change (guardian->pending_changes, "town"));
  refused = find_change (guardian->pending_changes, "mobile_phone");
  g_assert_nonnull (refused);
  g_assert_cmpint (refused->state, ==, TUTTI_CHANGE_REFUSED);
  g_assert_cmpstr (refused->reason, ==, "Numéro incomplet");
  refused = find_change (guardian->pending_changes, "work_phone");
  g_assert_nonnull (refused);
  g_assert_cmpint (refused->state, ==, TUTTI_CHANGE_REFUSED);
  g_assert_cmpstr (refused->reason, ==, "Numéro inconnu");

  pupil = tutti_pupil_from_json (pupil_node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pupil->image_rights, ==, TUTTI_IMAGE_RIGHTS_YES);
  g_assert_cmpstr (pupil->school_level, ==, "6e");

  berthelot_family = tutti_family_from_json (berthelot_node, &error);
  g_assert_no_error (error);
  guardian = g_ptr_array_index (berthelot_family->guardians, 0);
  refused = find_change (guardian->pending_changes, "mobile_phone");
  g_assert_nonnull (refused);
  g_assert_cmpint (refused->state, ==, TUTTI_CHANGE_REFUSED);
  g_assert_cmpstr (refused->reason, ==, "Justificatif manquant");

  /* Z-TEST's documents, as its own client lists them. */
  tutti_client_list_documents_async (test->family_client, NULL, result_cb, &result);
  documents = tutti_client_list_documents_finish (test->family_client, wait_result ("the documents", &result),
                                                  &error);
  g_assert_no_error (error);
  document = find_document (documents, test->caf_id);
  g_assert_nonnull (document);
  g_assert_cmpint (document->state, ==, TUTTI_DOCUMENT_ACCEPTED);
  g_assert_null (document->reason);
  document = find_document (documents, test->rib_id);
  g_assert_nonnull (document);
  g_assert_cmpint (document->state, ==, TUTTI_DOCUMENT_REFUSED);
  g_assert_cmpstr (document->reason, ==, "Relevé illisible : merci d'en envoyer un autre");
  g_assert_null (find_document (documents, test->photo_id));
}

static void
staff_script (gpointer data)
{
  Test *test = data;

  log_in_as_staff (test);
  check_documents (test);
  check_queue (test);
  decide_guardian (test);
  check_conflict (test);
  decide_all (test);
  check_families_see_it (test);
}

static void
test_ui_staff_queue (void)
{
  Test test = { 0 };

  test.server = tutti_test_server_start (TRUE, NULL);
  test.http = soup_session_new ();
  make_family_changes (&test);
  upload_family_documents (&test);

  run_app (tutti_test_server_get_url (test.server), &test.app, &test.window, staff_script, &test);

  g_clear_object (&test.http);
  g_clear_object (&test.family_client);
  g_free (test.family_token);
  tutti_test_server_stop (test.server);
}

int
main (int   argc,
      char *argv[])
{
  char *tmp_dir;

  unset_proxies ();
  tmp_dir = init_ui_test (&argc, &argv, "ui-staff");

  g_test_add_func ("/ui/staff/validation-queue", test_ui_staff_queue);

  return run_ui_tests (tmp_dir);
}
