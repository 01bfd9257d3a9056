/* test-ui-billing.c — the Billing view and the document preview (BIL-1, BIL-2),
 * the real app in-process against a real tutti-server --demo
 *
 * Runs under Xvfb in a private D-Bus, once per language (LANGUAGE=fr,
 * LANGUAGE=en), like test-ui.c, with the helpers of tutti-test-ui.c.
 * It logs in through the login page, opens Billing
 * from the sidebar, reads the lines and totals shown, searches, sorts,
 * opens an invoice as Enter or a double-click does, and saves screenshots
 * to $TUTTI_SCREENSHOT_DIR as <screen>-<language>.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "tutti-application.h"
#include "tutti-test-server.h"
#include "tutti-test-ui.h"
#include "tutti-window-private.h"

#define NBSP "\302\240"

typedef struct
{
  TuttiTestServer  *server;
  TuttiApplication *app;
  TuttiWindow      *window;
  char             *tmp_dir;
} Test;

/* ---- Finding what is shown ---------------------------------------------------- */

/* The texts of the labels drawn inside @root, in the order of the widget
 * tree: the column view's headers, then its cells row by row. */
static void
collect_labels (GtkWidget *root,
                GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      collect_labels (child, out);
    }
}

static char *
get_shown_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_labels (root, out);
  return g_string_free (out, FALSE);
}

/* ---- Conditions ------------------------------------------------------------- */

static gboolean
billing_loaded (gpointer data)
{
  TuttiBillingView *view = tutti_window_get_billing_view (TUTTI_WINDOW (data));

  for (TuttiBillingKind kind = TUTTI_BILLING_FEE; kind <= TUTTI_BILLING_RENTAL; kind++)
    {
      const char *state = tutti_billing_view_get_state (view, kind);

      if (g_strcmp0 (state, "content") != 0 && g_strcmp0 (state, "empty") != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
window_1200_wide (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) >= 1200;
}

static gboolean
window_under_1200 (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) < 1200;
}

static gboolean
document_shown (gpointer data)
{
  TuttiDocumentView *document = tutti_billing_view_get_document_view (data);

  return document != NULL && gtk_widget_get_mapped (GTK_WIDGET (document)) &&
         g_strcmp0 (tutti_document_view_get_state (document), "content") == 0 &&
         tutti_document_view_get_n_pages_drawn (document) >= 1;
}

static gboolean
document_view_failed (gpointer data)
{
  return g_strcmp0 (tutti_document_view_get_state (data), "error") == 0;
}

static gboolean
no_document_view (gpointer data)
{
  return find_toplevel (TUTTI_TYPE_DOCUMENT_VIEW) == NULL;
}

static gboolean
document_saved (gpointer data)
{
  return !tutti_document_view_get_saving (data);
}

/* ---- Helpers ---------------------------------------------------------------- */

/* Runs the shortcut @keyval with @modifiers of @widget's controllers, as
 * the window does when the keys are pressed. */
static gboolean
run_shortcut (GtkWidget       *widget,
              guint            keyval,
              GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static char *
money (gint64 cents)
{
  return tutti_format_money (cents, get_lang ());
}

typedef struct
{
  const char *query;
  gboolean    done;
} SearchWait;

/* Setting the text empties the entry first, which searches at once. */
static void
search_changed_cb (GtkSearchEntry *entry,
                   SearchWait     *wait)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), wait->query) == 0)
    wait->done = TRUE;
}

/* Types @query in the search entry of @kind, as a person does, and waits
 * for the search to run (the entry waits for typing to pause); returns how
 * many lines are shown then. */
static guint
search (TuttiBillingView *view,
        TuttiBillingKind  kind,
        const char       *query)
{
  GtkSearchEntry *entry = tutti_billing_view_get_search_entry (view, kind);
  SearchWait wait = { query, FALSE };
  gulong handler;

  handler = g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), &wait);
  type_text (GTK_WIDGET (entry), query);
  wait_for ("the search", flag_set, &wait.done);
  g_signal_handler_disconnect (entry, handler);

  return tutti_billing_view_get_n_shown (view, kind);
}

/* The position of the line of @operation in the list as shown. */
static guint
find_shown_line (TuttiBillingView *view,
                 TuttiBillingKind  kind,
                 const char       *operation)
{
  guint n = tutti_billing_view_get_n_shown (view, kind);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (tutti_billing_view_get_shown_line (view, kind, i)->operation, operation) == 0)
      return i;

  g_error ("%s is not shown", operation);
  return G_MAXUINT;
}

static TuttiBillingView *
open_billing (Test *test)
{
  show_sidebar_view (test->window, "billing");
  wait_for ("the billing view", billing_loaded, test->window);

  return tutti_window_get_billing_view (test->window);
}

/* ---- The script ------------------------------------------------------------- */

/* BIL-1 for Z-TEST: the guide's two 2012 lines and a settled balance. */
static void
check_fees (Test             *test,
            TuttiBillingView *view)
{
  const TuttiBillingLine *first;
  const TuttiBillingLine *second;
  g_autofree char *shown = NULL;
  g_autofree char *expected_84 = money (8400);
  g_autofree char *expected_0 = money (0);
  GtkLabel *state;
  int min_width;

  /* The window still folds to one column on a narrow screen. */
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_test_message ("The billing view needs %d px", min_width);
  g_assert_cmpint (min_width, <=, 360);

  g_assert_cmpint (tutti_billing_view_get_visible_kind (view), ==, TUTTI_BILLING_FEE);
  g_assert_cmpstr (tutti_billing_view_get_state (view, TUTTI_BILLING_FEE), ==, "content");
  g_assert_cmpuint (tutti_billing_view_get_n_shown (view, TUTTI_BILLING_FEE), ==, 2);

  /* Newest first. */
  first = tutti_billing_view_get_shown_line (view, TUTTI_BILLING_FEE, 0);
  second = tutti_billing_view_get_shown_line (view, TUTTI_BILLING_FEE, 1);
  g_assert_cmpstr (first->operation, ==, "12RC01632");
  g_assert_cmpstr (second->operation, ==, "12FC01618");

  /* The totals, as core formats money: the guide's "84,00 €". */
  if (is_french ())
    {
      g_assert_cmpstr (expected_84, ==, "84,00" NBSP "€");
      g_assert_cmpstr (expected_0, ==, "0,00" NBSP "€");
    }
  else
    {
      g_assert_cmpstr (expected_84, ==, "€84.00");
      g_assert_cmpstr (expected_0, ==, "€0.00");
    }
  g_assert_cmpstr (gtk_label_get_text (tutti_billing_view_get_total_label (view, TUTTI_BILLING_FEE, "invoiced")),
                   ==, expected_84);
  g_assert_cmpstr (gtk_label_get_text (tutti_billing_view_get_total_label (view, TUTTI_BILLING_FEE, "paid")),
                   ==, expected_84);
  g_assert_cmpstr (gtk_label_get_text (tutti_billing_view_get_total_label (view, TUTTI_BILLING_FEE, "balance")),
                   ==, expected_0);
  state = tutti_billing_view_get_balance_state_label (view, TUTTI_BILLING_FEE);
  g_assert_cmpstr (gtk_label_get_text (state), ==, is_french () ? "Soldé" : "Settled");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (state), "error"));

  /* What a person reads: every column's title and each cell, formatted in
   * the language of the interface. */
  shown = get_shown_text (GTK_WIDGET (tutti_billing_view_get_column_view (view, TUTTI_BILLING_FEE)));
  g_test_message ("The fees list shows:\n%s", shown);
  if (is_french ())
    {
      static const char * const texts[] = {
        "Date", "Mode de règlement", "Numéro d’opération", "Libellé", "Débit", "Crédit", "Remise",
        "19/11/2012", "Chèque", "12RC01632", "96135", "11/10/2012", "12FC01618",
        "AVIS DES SOMMES A PAYER", "84,00" NBSP "€",
      };

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        g_assert_nonnull (strstr (shown, texts[i]));
    }
  else
    {
      static const char * const texts[] = {
        "Date", "Payment method", "Operation number", "Label", "Debit", "Credit", "Discount",
        "19 Nov 2012", "Cheque", "12RC01632", "96135", "11 Oct 2012", "12FC01618",
        "AVIS DES SOMMES A PAYER", "€84.00",
      };

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        g_assert_nonnull (strstr (shown, texts[i]));
    }

  save_screenshot (GTK_WIDGET (test->window), "billing");
}

/* Every list is searchable: label, number, method, date as shown, amounts. */
static void
check_search (Test             *test,
              TuttiBillingView *view)
{
  TuttiBillingKind fee = TUTTI_BILLING_FEE;
  GtkWidget *entry = GTK_WIDGET (tutti_billing_view_get_search_entry (view, fee));

  /* Ctrl+F goes to the search entry from the list. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (tutti_billing_view_get_column_view (view, fee))));
  g_assert_false (has_focus_within (entry));
  g_assert_true (run_shortcut (GTK_WIDGET (view), GDK_KEY_f, GDK_CONTROL_MASK));
  g_assert_true (has_focus_within (entry));

  g_assert_cmpuint (search (view, fee, "12fc"), ==, 1);
  g_assert_cmpstr (tutti_billing_view_get_shown_line (view, fee, 0)->operation, ==, "12FC01618");

  /* Without the accent, and in either case. */
  g_assert_cmpuint (search (view, fee, "CHEQUE"), ==, 1);
  g_assert_cmpstr (tutti_billing_view_get_shown_line (view, fee, 0)->operation, ==, "12RC01632");

  g_assert_cmpuint (search (view, fee, is_french () ? "11/10/2012" : "11 Oct 2012"), ==, 1);
  g_assert_cmpstr (tutti_billing_view_get_shown_line (view, fee, 0)->operation, ==, "12FC01618");

  /* An amount as shown (with a plain space for core's no-break one), or
   * as typed. */
  g_assert_cmpuint (search (view, fee, is_french () ? "84,00 €" : "€84.00"), ==, 2);
  g_assert_cmpuint (search (view, fee, "9613"), ==, 1);
  g_assert_cmpuint (search (view, fee, "84"), ==, 2);
  g_assert_cmpuint (search (view, fee, "sommes payer"), ==, 1);

  g_assert_cmpuint (search (view, fee, "zzz"), ==, 0);
  save_screenshot (GTK_WIDGET (test->window), "billing-no-results");

  g_assert_cmpuint (search (view, fee, ""), ==, 2);
}

/* The column headers sort; the date, newest first, is where it starts. */
static void
check_sort (Test             *test,
            TuttiBillingView *view)
{
  TuttiBillingKind fee = TUTTI_BILLING_FEE;
  GtkColumnView *column_view = tutti_billing_view_get_column_view (view, fee);

  gtk_column_view_sort_by_column (column_view, tutti_billing_view_get_column (view, fee, "debit"),
                                  GTK_SORT_DESCENDING);
  g_assert_cmpstr (tutti_billing_view_get_shown_line (view, fee, 0)->operation, ==, "12FC01618");
  gtk_column_view_sort_by_column (column_view, tutti_billing_view_get_column (view, fee, "credit"),
                                  GTK_SORT_DESCENDING);
  g_assert_cmpstr (tutti_billing_view_get_shown_line (view, fee, 0)->operation, ==, "12RC01632");
  gtk_column_view_sort_by_column (column_view, tutti_billing_view_get_column (view, fee, "date"),
                                  GTK_SORT_ASCENDING);
  g_assert_cmpstr (tutti_billing_view_get_shown_line (view, fee, 0)->operation, ==, "12FC01618");
  gtk_column_view_sort_by_column (column_view, tutti_billing_view_get_column (view, fee, "date"),
                                  GTK_SORT_DESCENDING);
  g_assert_cmpstr (tutti_billing_view_get_shown_line (view, fee, 0)->operation, ==, "12RC01632");
}

/* Z-TEST rents nothing. */
static void
check_no_rentals (Test             *test,
                  TuttiBillingView *view)
{
  tutti_billing_view_show_kind (view, TUTTI_BILLING_RENTAL);
  g_assert_cmpstr (tutti_billing_view_get_state (view, TUTTI_BILLING_RENTAL), ==, "empty");
  save_screenshot (GTK_WIDGET (test->window), "billing-no-rentals");
  tutti_billing_view_show_kind (view, TUTTI_BILLING_FEE);
}

/* The pages the preview saved and printed are the document itself. */
static void
check_pdf_file (const char *path,
                int         n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, n_pages);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "12FC01618"));
  g_object_unref (page);
  g_object_unref (document);
}

/* BIL-2: Enter or a double-click on the invoice's line opens its PDF. */
static void
check_invoice_preview (Test             *test,
                       TuttiBillingView *view)
{
  GtkColumnView *column_view = tutti_billing_view_get_column_view (view, TUTTI_BILLING_FEE);
  TuttiDocumentView *document;
  g_autofree char *saved = g_build_filename (test->tmp_dir, "saved.pdf", NULL);
  g_autofree char *printed = g_build_filename (test->tmp_dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  double fit_zoom;
  int n_pages;

  /* What GtkColumnView emits for Enter or a double-click on a row. */
  g_signal_emit_by_name (column_view, "activate",
                         find_shown_line (view, TUTTI_BILLING_FEE, "12FC01618"));
  wait_for ("the invoice to be drawn", document_shown, view);
  document = tutti_billing_view_get_document_view (view);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (document)), ==,
                   is_french () ? "Facture 12FC01618" : "Invoice 12FC01618");
  g_assert_cmpstr (tutti_document_view_get_file_name (document), ==,
                   is_french () ? "facture-12FC01618.pdf" : "invoice-12FC01618.pdf");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (document)) == GTK_WINDOW (test->window));
  n_pages = tutti_document_view_get_n_pages (document);
  g_test_message ("The invoice has %d page(s)", n_pages);
  g_assert_cmpint (n_pages, >=, 1);
  g_assert_null (tutti_document_view_get_error (document));
  g_assert_true (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (document), "document.save")));
  g_assert_true (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (document), "document.print")));

  /* It fits the width; zoom in, out and fit again. */
  g_assert_true (tutti_document_view_get_fit_width (document));
  fit_zoom = tutti_document_view_get_zoom (document);
  g_test_message ("Fit width: %.0f %%", fit_zoom * 100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (document), "document.zoom-in", NULL));
  g_assert_cmpfloat (tutti_document_view_get_zoom (document), >, fit_zoom);
  g_assert_false (tutti_document_view_get_fit_width (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (document), "document.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (document), "document.zoom-out", NULL));
  g_assert_cmpfloat (tutti_document_view_get_zoom (document), <, fit_zoom);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (document), "document.zoom-fit", NULL));
  g_assert_true (tutti_document_view_get_fit_width (document));
  g_assert_cmpfloat_with_epsilon (tutti_document_view_get_zoom (document), fit_zoom, 0.01);
  wait_for ("the invoice to be drawn again", document_shown, view);
  save_screenshot (GTK_WIDGET (document), "invoice-preview");

  /* Save writes the very bytes downloaded. */
  file = g_file_new_for_path (saved);
  tutti_document_view_save_to (document, file);
  g_assert_true (tutti_document_view_get_saving (document));
  wait_for ("the file to be written", document_saved, document);
  g_assert_true (g_file_get_contents (saved, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  check_pdf_file (saved, n_pages);

  /* Print draws every page with poppler's rendering for printing. */
  g_assert_true (tutti_document_view_export (document, printed, &error));
  g_assert_no_error (error);
  check_pdf_file (printed, n_pages);

  gtk_window_close (GTK_WINDOW (document));
  wait_for ("the preview to close", no_document_view, NULL);
}

/* A receipt is named as one. */
static void
check_receipt_preview (Test             *test,
                       TuttiBillingView *view)
{
  GtkColumnView *column_view = tutti_billing_view_get_column_view (view, TUTTI_BILLING_FEE);
  TuttiDocumentView *document;

  g_signal_emit_by_name (column_view, "activate",
                         find_shown_line (view, TUTTI_BILLING_FEE, "12RC01632"));
  wait_for ("the receipt to be drawn", document_shown, view);
  document = tutti_billing_view_get_document_view (view);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (document)), ==,
                   is_french () ? "Reçu 12RC01632" : "Receipt 12RC01632");
  g_assert_cmpstr (tutti_document_view_get_file_name (document), ==,
                   is_french () ? "recu-12RC01632.pdf" : "receipt-12RC01632.pdf");

  /* Escape closes it. */
  gtk_widget_activate_action (GTK_WIDGET (document), "window.close", NULL);
  wait_for ("the preview to close", no_document_view, NULL);
}

/* A document the server does not have: said so, with Retry. */
static void
check_document_error (Test *test)
{
  TuttiClient *client = tutti_application_get_client (test->app);
  TuttiDocumentView *document;
  const char *message;

  document = tutti_document_view_new (GTK_WINDOW (test->window), client,
                                      "99XX00000", NULL, "99XX00000.pdf");
  tutti_document_view_load (document, "99XX00000",
                            tutti_client_get_billing_document_async,
                            tutti_client_get_billing_document_finish);
  gtk_window_present (GTK_WINDOW (document));
  wait_for ("the download to fail", document_view_failed, document);

  message = tutti_document_view_get_error (document);
  g_test_message ("The preview says: %s", message);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, ==, _("The school’s server does not have this document."));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (tutti_document_view_get_retry_button (document))));
  /* Nothing to save or print. */
  g_assert_false (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (document), "document.save")));
  g_assert_false (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (document), "document.print")));
  save_screenshot (GTK_WIDGET (document), "document-error");

  click (tutti_document_view_get_retry_button (document));
  wait_for ("the download to fail again", document_view_failed, document);

  gtk_window_destroy (GTK_WINDOW (document));
  wait_for ("the preview to close", no_document_view, NULL);
}

/* MARTIN: years of lines, and money owed. */
static void
check_balance_due (Test             *test,
                   TuttiBillingView *view,
                   TuttiBillingKind  kind)
{
  guint n = tutti_billing_view_get_n_shown (view, kind);
  gint64 invoiced = 0, paid = 0;
  g_autofree char *expected_invoiced = NULL;
  g_autofree char *expected_paid = NULL;
  g_autofree char *expected_balance = NULL;
  GtkLabel *balance;
  GtkLabel *state;

  g_assert_cmpstr (tutti_billing_view_get_state (view, kind), ==, "content");
  g_assert_cmpuint (n, >, 50);
  for (guint i = 0; i < n; i++)
    {
      const TuttiBillingLine *line = tutti_billing_view_get_shown_line (view, kind, i);

      invoiced += line->debit;
      paid += line->credit;
      /* Newest first. */
      if (i > 0)
        g_assert_cmpstr (tutti_billing_view_get_shown_line (view, kind, i - 1)->date, >=, line->date);
    }
  g_assert_cmpint (invoiced, >, paid);

  expected_invoiced = money (invoiced);
  expected_paid = money (paid);
  expected_balance = money (invoiced - paid);
  balance = tutti_billing_view_get_total_label (view, kind, "balance");
  state = tutti_billing_view_get_balance_state_label (view, kind);
  g_assert_cmpstr (gtk_label_get_text (tutti_billing_view_get_total_label (view, kind, "invoiced")),
                   ==, expected_invoiced);
  g_assert_cmpstr (gtk_label_get_text (tutti_billing_view_get_total_label (view, kind, "paid")),
                   ==, expected_paid);
  g_assert_cmpstr (gtk_label_get_text (balance), ==, expected_balance);
  g_assert_cmpstr (gtk_label_get_text (state), ==, is_french () ? "À régler" : "To pay");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (balance), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (state), "error"));
  g_test_message ("%s: %u lines, %s to pay",
                  tutti_enum_to_nick (&tutti_billing_kind_enum, kind), n, expected_balance);
}

static void
check_martin (Test *test)
{
  TuttiBillingView *view;
  guint n_rentals;
  int width, height;

  log_in (test->window, "cmartin", "Vitre2026");
  view = open_billing (test);

  check_balance_due (test, view, TUTTI_BILLING_FEE);
  check_balance_due (test, view, TUTTI_BILLING_RENTAL);

  /* A discount is a credit note. */
  for (guint i = 0; i < tutti_billing_view_get_n_shown (view, TUTTI_BILLING_FEE); i++)
    {
      const TuttiBillingLine *line = tutti_billing_view_get_shown_line (view, TUTTI_BILLING_FEE, i);
      g_autofree char *title = NULL;
      g_autofree char *file_name = NULL;
      TuttiDocumentView *document;

      if (!line->discount || line->credit <= 0)
        continue;

      title = g_strdup_printf (is_french () ? "Avoir %s" : "Credit Note %s", line->operation);
      file_name = g_strdup_printf (is_french () ? "avoir-%s.pdf" : "credit-note-%s.pdf", line->operation);
      g_signal_emit_by_name (tutti_billing_view_get_column_view (view, TUTTI_BILLING_FEE), "activate", i);
      wait_for ("the credit note to be drawn", document_shown, view);
      document = tutti_billing_view_get_document_view (view);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (document)), ==, title);
      g_assert_cmpstr (tutti_document_view_get_file_name (document), ==, file_name);
      save_screenshot (GTK_WIDGET (document), "credit-note-preview");
      gtk_window_close (GTK_WINDOW (document));
      wait_for ("the preview to close", no_document_view, NULL);
      break;
    }

  tutti_billing_view_show_kind (view, TUTTI_BILLING_RENTAL);
  g_assert_cmpint (tutti_billing_view_get_visible_kind (view), ==, TUTTI_BILLING_RENTAL);
  save_screenshot (GTK_WIDGET (test->window), "billing-rentals");

  /* A wide window gives the label the room left. */
  gtk_window_get_default_size (GTK_WINDOW (test->window), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (test->window), 1280, height);
  wait_for ("the window to widen", window_1200_wide, test->window);
  save_screenshot (GTK_WIDGET (test->window), "billing-rentals-wide");
  gtk_window_set_default_size (GTK_WINDOW (test->window), width, height);
  wait_for ("the window to narrow", window_under_1200, test->window);

  /* A search among many lines. */
  n_rentals = tutti_billing_view_get_n_shown (view, TUTTI_BILLING_RENTAL);
  g_assert_cmpuint (search (view, TUTTI_BILLING_RENTAL, "trompette"), >, 0);
  g_assert_cmpuint (tutti_billing_view_get_n_shown (view, TUTTI_BILLING_RENTAL), <, n_rentals);
  for (guint i = 0; i < tutti_billing_view_get_n_shown (view, TUTTI_BILLING_RENTAL); i++)
    {
      const TuttiBillingLine *line = tutti_billing_view_get_shown_line (view, TUTTI_BILLING_RENTAL, i);
      g_autofree char *label = g_utf8_strdown (line->label, -1);

      g_assert_nonnull (strstr (label, "trompette"));
    }
  save_screenshot (GTK_WIDGET (test->window), "billing-rentals-search");

  log_out (test->window);
  /* The next family sees none of it. */
  g_assert_cmpuint (tutti_billing_view_get_n_shown (view, TUTTI_BILLING_RENTAL), ==, 0);
}

static gboolean
billing_failed (gpointer data)
{
  TuttiBillingView *view = tutti_window_get_billing_view (TUTTI_WINDOW (data));

  return tutti_billing_view_get_error (view, TUTTI_BILLING_FEE) != NULL &&
         tutti_billing_view_get_error (view, TUTTI_BILLING_RENTAL) != NULL;
}

/* The server goes away: each list says so, naming it, with Retry. */
static void
check_server_gone (Test *test)
{
  TuttiBillingView *view = tutti_window_get_billing_view (test->window);
  g_autofree char *url = g_strdup (tutti_test_server_get_url (test->server));
  GtkWidget *retry;

  log_in (test->window, "ztest1", "Vitre2026");
  tutti_test_server_stop (test->server);
  test->server = NULL;

  g_assert_true (gtk_widget_activate (GTK_WIDGET (tutti_window_get_sidebar_row (test->window, "billing"))));
  wait_for ("the lists to fail", billing_failed, test->window);
  g_test_message ("The fees say: %s", tutti_billing_view_get_error (view, TUTTI_BILLING_FEE));
  g_assert_nonnull (strstr (tutti_billing_view_get_error (view, TUTTI_BILLING_FEE), url));
  retry = find_actionable (GTK_WIDGET (view), "billing.retry");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_get_mapped (retry));
  save_screenshot (GTK_WIDGET (test->window), "billing-error");

  click (GTK_BUTTON (retry));
  g_assert_cmpstr (tutti_billing_view_get_state (view, TUTTI_BILLING_FEE), ==, "loading");
  wait_for ("the lists to fail again", billing_failed, test->window);
}

/* Staff have no family billing in the sidebar. */
static void
check_staff (Test *test)
{
  log_in (test->window, "secretariat", "Accueil2026");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tutti_window_get_sidebar_row (test->window, "billing"))));
  log_out (test->window);
}

static void
billing_script (gpointer data)
{
  Test *test = data;
  TuttiBillingView *view;

  log_in (test->window, "ztest1", "Vitre2026");
  view = open_billing (test);
  check_fees (test, view);
  check_search (test, view);
  check_sort (test, view);
  check_no_rentals (test, view);
  check_invoice_preview (test, view);
  check_receipt_preview (test, view);
  check_document_error (test);
  log_out (test->window);

  check_martin (test);
  check_staff (test);
  check_server_gone (test);
}

static void
test_ui_billing (void)
{
  Test test = { 0 };

  test.server = tutti_test_server_start (TRUE, NULL);
  test.tmp_dir = tutti_test_make_tmpdir ("ui-billing-files");
  run_app (tutti_test_server_get_url (test.server), &test.app, &test.window, billing_script, &test);

  tutti_test_rm_rf (test.tmp_dir);
  g_free (test.tmp_dir);
  if (test.server != NULL)
    tutti_test_server_stop (test.server);
}

int
main (int   argc,
      char *argv[])
{
  char *tmp_dir = init_ui_test (&argc, &argv, "ui-billing");

  g_test_add_func ("/ui/billing", test_ui_billing);

  return run_ui_tests (tmp_dir);
}
