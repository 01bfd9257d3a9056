/* test-billing.c — fees, rentals, their PDF duplicates and the office's
 * invoices and payments (BIL-1, BIL-2, STAFF-6) against a real tutti-server
 *
 * Two demo servers: one that nothing writes to, for the tests that read
 * the guide's figures, and one where the office records invoices and
 * payments, so that the order of the tests does not matter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include <libsoup/soup.h>
#include <poppler.h>
#include <string.h>

#include "tutti-core.h"
#include "tutti-test-http.h"


static TuttiTestServer *read_server;   /* the demo as loaded */
static TuttiTestServer *write_server;  /* where the office records */

/* ---- HTTP ------------------------------------------------------------------ */

static TuttiTestReply *
get (TuttiTestServer *server,
     const char      *path,
     const char      *token)
{
  return tutti_test_request_full (server, "GET", path, token, NULL, NULL, NULL);
}

static TuttiBillingStatement *
get_statement (TuttiTestServer *server,
               const char      *path,
               const char      *token)
{
  g_autoptr(TuttiTestReply) reply = get (server, path, token);
  g_autoptr(GError) error = NULL;
  TuttiBillingStatement *statement;

  g_assert_cmpuint (reply->status, ==, 200);
  statement = tutti_billing_statement_from_json (reply->json, &error);
  g_assert_no_error (error);
  return statement;
}

static char *
document_path (const char *operation)
{
  return g_strconcat (TUTTI_API_BILLING_DOCUMENTS "/", operation, NULL);
}

/* Checks the totals against the lines, and the order: newest first. */
static void
assert_statement_consistent (const TuttiBillingStatement *statement,
                             TuttiBillingKind             kind)
{
  gint64 debits = 0, credits = 0;

  g_assert_cmpint (statement->kind, ==, kind);
  for (guint i = 0; i < statement->lines->len; i++)
    {
      const TuttiBillingLine *line = g_ptr_array_index (statement->lines, i);

      g_assert_cmpint (line->kind, ==, kind);
      g_assert_cmpint (line->debit, >=, 0);
      g_assert_cmpint (line->credit, >=, 0);
      g_assert_nonnull (line->operation);
      debits += line->debit;
      credits += line->credit;
      if (i > 0)
        {
          const TuttiBillingLine *previous = g_ptr_array_index (statement->lines, i - 1);
          g_assert_cmpstr (previous->date, >=, line->date);
        }
    }
  g_assert_cmpint (statement->invoiced, ==, debits);
  g_assert_cmpint (statement->paid, ==, credits);
  g_assert_cmpint (statement->balance, ==, debits - credits);
}

/* ---- PDF ------------------------------------------------------------------- */

/* Downloads a document and checks it is a PDF. */
static GBytes *
get_pdf (TuttiTestServer *server,
         const char      *operation,
         const char      *token)
{
  g_autofree char *path = document_path (operation);
  g_autoptr(TuttiTestReply) reply = get (server, path, token);
  const char *content_type;

  g_assert_cmpuint (reply->status, ==, 200);
  content_type = soup_message_headers_get_content_type (reply->headers, NULL);
  g_assert_cmpstr (content_type, ==, "application/pdf");
  g_assert_cmpuint (g_bytes_get_size (reply->body), >, 1000);
  g_assert_true (memcmp (g_bytes_get_data (reply->body, NULL), "%PDF-", 5) == 0);
  return g_bytes_ref (reply->body);
}

/* Every page's text, as poppler extracts it, and the page count. */
static char *
pdf_text (GBytes *pdf,
          int    *n_pages)
{
  g_autoptr(GError) error = NULL;
  /* poppler 22.12 has no autoptr for its types. */
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);
  int pages;

  g_assert_no_error (error);
  g_assert_nonnull (document);
  pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (pages, >=, 1);
  for (int i = 0; i < pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      double width, height;

      /* A4 portrait */
      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 595, 1);
      g_assert_cmpfloat_with_epsilon (height, 842, 1);
      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (document);
  if (n_pages != NULL)
    *n_pages = pages;
  return g_string_free (text, FALSE);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not in the PDF's text:\n%s", needle, text);
}

static void
assert_not_contains (const char *text,
                     const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” unexpectedly in the PDF's text:\n%s", needle, text);
}

/* ---- BIL-1: the accounts ---------------------------------------------------- */

static void
test_fees_ztest (void)
{
  g_autofree char *token = tutti_test_login_token (read_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(TuttiBillingStatement) fees = get_statement (read_server, TUTTI_API_BILLING_FEES, token);
  const TuttiBillingLine *receipt, *invoice;

  /* The guide's figures: 84,00 € invoiced, 84,00 € paid, balance 0,00 €. */
  g_assert_cmpint (fees->invoiced, ==, 8400);
  g_assert_cmpint (fees->paid, ==, 8400);
  g_assert_cmpint (fees->balance, ==, 0);
  g_assert_cmpuint (fees->lines->len, ==, 2);
  assert_statement_consistent (fees, TUTTI_BILLING_FEE);

  /* Newest first, as the guide lists them. */
  receipt = g_ptr_array_index (fees->lines, 0);
  g_assert_cmpstr (receipt->date, ==, "2012-11-19");
  g_assert_cmpint (receipt->payment_method, ==, TUTTI_PAYMENT_CHEQUE);
  g_assert_cmpstr (receipt->operation, ==, "12RC01632");
  g_assert_cmpstr (receipt->label, ==, "96135");
  g_assert_cmpint (receipt->debit, ==, 0);
  g_assert_cmpint (receipt->credit, ==, 8400);
  g_assert_false (receipt->discount);

  invoice = g_ptr_array_index (fees->lines, 1);
  g_assert_cmpstr (invoice->date, ==, "2012-10-11");
  g_assert_cmpint (invoice->payment_method, ==, TUTTI_PAYMENT_NONE);
  g_assert_cmpstr (invoice->operation, ==, "12FC01618");
  g_assert_cmpstr (invoice->label, ==, "AVIS DES SOMMES A PAYER");
  g_assert_cmpint (invoice->debit, ==, 8400);
  g_assert_cmpint (invoice->credit, ==, 0);
}

static void
test_rentals_ztest (void)
{
  g_autofree char *token = tutti_test_login_token (read_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(TuttiBillingStatement) rentals = get_statement (read_server, TUTTI_API_BILLING_RENTALS, token);

  g_assert_cmpint (rentals->kind, ==, TUTTI_BILLING_RENTAL);
  g_assert_cmpuint (rentals->lines->len, ==, 0);
  g_assert_cmpint (rentals->invoiced, ==, 0);
  g_assert_cmpint (rentals->paid, ==, 0);
  g_assert_cmpint (rentals->balance, ==, 0);
}

static void
test_martin (void)
{
  g_autofree char *claire = tutti_test_login_token (read_server, "cmartin", TUTTI_TEST_FAMILY_PASSWORD);
  g_autofree char *paul = tutti_test_login_token (read_server, "pmartin", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(TuttiBillingStatement) fees = get_statement (read_server, TUTTI_API_BILLING_FEES, claire);
  g_autoptr(TuttiBillingStatement) rentals = get_statement (read_server, TUTTI_API_BILLING_RENTALS, claire);
  g_autoptr(TuttiBillingStatement) paul_fees = get_statement (read_server, TUTTI_API_BILLING_FEES, paul);
  gboolean seen_discount = FALSE;

  assert_statement_consistent (fees, TUTTI_BILLING_FEE);
  assert_statement_consistent (rentals, TUTTI_BILLING_RENTAL);

  /* Several years of both, enough to scroll and search: a few hundred. */
  g_assert_cmpuint (fees->lines->len, >=, 60);
  g_assert_cmpuint (rentals->lines->len, >=, 60);
  g_assert_cmpuint (fees->lines->len + rentals->lines->len, >=, 200);

  /* An unpaid balance. */
  g_assert_cmpint (fees->balance, >, 0);
  g_assert_cmpint (rentals->balance, >, 0);

  for (guint i = 0; i < fees->lines->len; i++)
    seen_discount |= ((TuttiBillingLine *) g_ptr_array_index (fees->lines, i))->discount;
  g_assert_true (seen_discount);

  /* Both guardians see the same family's accounts, and so does the office. */
  g_assert_true (tutti_record_equal (&tutti_billing_statement_schema, fees, paul_fees));
  {
    g_autoptr(TuttiSession) claire_session = tutti_test_login (read_server, "cmartin", TUTTI_TEST_FAMILY_PASSWORD);
    g_autofree char *staff = tutti_test_login_token (read_server, "secretariat", TUTTI_TEST_STAFF_PASSWORD);
    g_autofree char *path = g_strdup_printf (TUTTI_API_STAFF "/families/%" G_GINT64_FORMAT "/billing/rentals",
                                             claire_session->account->family_id);
    g_autoptr(TuttiBillingStatement) staff_rentals = get_statement (read_server, path, staff);

    g_assert_true (tutti_record_equal (&tutti_billing_statement_schema, rentals, staff_rentals));
  }
}

static void
test_unauthenticated (void)
{
  const char *paths[] = { TUTTI_API_BILLING_FEES, TUTTI_API_BILLING_RENTALS,
                          TUTTI_API_BILLING_DOCUMENTS "/12FC01618" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(TuttiTestReply) no_token = get (read_server, paths[i], NULL);
      g_autoptr(TuttiTestReply) bad_token = get (read_server, paths[i], "not-a-token");

      tutti_test_assert_error (no_token, 401, "unauthenticated");
      tutti_test_assert_error (bad_token, 401, "unauthenticated");
    }
}

/* Staff have no family: the family's billing routes answer 404, as the
 * family's other routes do; they read a family's billing under /staff. */
static void
test_staff_on_family_routes (void)
{
  g_autofree char *staff = tutti_test_login_token (read_server, "secretariat", TUTTI_TEST_STAFF_PASSWORD);
  g_autoptr(TuttiTestReply) fees = get (read_server, TUTTI_API_BILLING_FEES, staff);
  g_autoptr(TuttiTestReply) rentals = get (read_server, TUTTI_API_BILLING_RENTALS, staff);
  g_autoptr(TuttiTestReply) document = get (read_server, TUTTI_API_BILLING_DOCUMENTS "/12FC01618", staff);

  tutti_test_assert_error (fees, 404, "not-found");
  tutti_test_assert_error (rentals, 404, "not-found");
  tutti_test_assert_error (document, 404, "not-found");
}

/* ---- BIL-2: the documents ------------------------------------------------------ */

/* A MARTIN operation asked by Z-TEST: 404, exactly as one that does not exist. */
static void
test_document_foreign (void)
{
  g_autofree char *ztest = tutti_test_login_token (read_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  g_autofree char *claire = tutti_test_login_token (read_server, "cmartin", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(TuttiBillingStatement) martin = get_statement (read_server, TUTTI_API_BILLING_FEES, claire);
  const TuttiBillingLine *line = g_ptr_array_index (martin->lines, 0);
  g_autofree char *foreign_path = document_path (line->operation);
  g_autoptr(TuttiTestReply) own = get (read_server, foreign_path, claire);
  g_autoptr(TuttiTestReply) foreign = get (read_server, foreign_path, ztest);
  g_autoptr(TuttiTestReply) unknown = get (read_server, TUTTI_API_BILLING_DOCUMENTS "/99FC99999", ztest);
  g_autoptr(TuttiTestReply) reversed = get (read_server, TUTTI_API_BILLING_DOCUMENTS "/12FC01618", claire);

  g_assert_cmpuint (own->status, ==, 200);
  tutti_test_assert_error (foreign, 404, "not-found");
  tutti_test_assert_error (unknown, 404, "not-found");
  tutti_test_assert_error (reversed, 404, "not-found");
  g_assert_true (g_bytes_equal (foreign->body, unknown->body));
}

static void
test_document_invoice_fr (void)
{
  g_autofree char *token = tutti_test_login_token (read_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  g_autofree char *path = document_path ("12FC01618");
  g_autoptr(TuttiTestReply) reply = get (read_server, path, token);
  g_autoptr(GBytes) pdf = get_pdf (read_server, "12FC01618", token);
  g_autofree char *text = NULL;
  const char *disposition;
  int n_pages;

  disposition = soup_message_headers_get_one (reply->headers, "Content-Disposition");
  g_assert_nonnull (disposition);
  g_assert_nonnull (strstr (disposition, "facture-12FC01618.pdf"));

  text = pdf_text (pdf, &n_pages);
  g_assert_cmpint (n_pages, ==, 1);
  assert_contains (text, "Facture");
  assert_contains (text, "12FC01618");
  assert_contains (text, "Duplicata");
  assert_contains (text, "11/10/2012");
  assert_contains (text, "84,00");
  assert_contains (text, "€");
  assert_contains (text, "AVIS DES SOMMES A PAYER");
  /* The family, at its address, and the school. */
  assert_contains (text, "Z-TEST");
  assert_contains (text, "6 rue de Verdun");
  assert_contains (text, "35500 VITRE");
  assert_contains (text, "Conservatoire");
  assert_contains (text, "02 99 74 68 64");
  /* The balance of the fees account that day: the invoice, not yet paid. */
  assert_contains (text, "Solde du compte cotisations au 11/10/2012");
  assert_contains (text, "reste dû");
  assert_contains (text, "Page 1 / 1");
  assert_not_contains (text, "Invoice");
}

static void
test_document_receipt_fr (void)
{
  g_autofree char *token = tutti_test_login_token (read_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(GBytes) pdf = get_pdf (read_server, "12RC01632", token);
  g_autofree char *text = pdf_text (pdf, NULL);

  assert_contains (text, "Reçu");
  assert_contains (text, "12RC01632");
  assert_contains (text, "19/11/2012");
  assert_contains (text, "Chèque");
  assert_contains (text, "96135");
  assert_contains (text, "84,00");
  /* Paid: the balance is back to 0,00 €. */
  assert_contains (text, "0,00");
  assert_contains (text, "soldé");
  assert_contains (text, "Duplicata");
}

/* Paul MARTIN's account speaks English: so do his documents. */
static void
test_document_english (void)
{
  g_autofree char *token = tutti_test_login_token (read_server, "pmartin", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(TuttiBillingStatement) fees = get_statement (read_server, TUTTI_API_BILLING_FEES, token);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  const TuttiBillingLine *invoice = NULL;

  for (guint i = 0; i < fees->lines->len && invoice == NULL; i++)
    {
      const TuttiBillingLine *line = g_ptr_array_index (fees->lines, i);

      if (line->debit > 0 && g_strcmp0 (line->label, "AVIS DES SOMMES A PAYER") == 0)
        invoice = line;
    }
  g_assert_nonnull (invoice);

  pdf = get_pdf (read_server, invoice->operation, token);
  text = pdf_text (pdf, NULL);
  assert_contains (text, "Invoice");
  assert_contains (text, "DUPLICATE");
  assert_contains (text, invoice->operation);
  assert_contains (text, "MARTIN");
  assert_contains (text, "14 rue Notre-Dame");
  assert_contains (text, "Invoice total");
  assert_contains (text, "€");
  /* The items of the notice, one per pupil, summing to its amount. */
  assert_contains (text, "Léa");
  assert_contains (text, "Hugo");
  assert_not_contains (text, "Facture");
  assert_not_contains (text, "Duplicata");
}

/* Identical data, identical bytes: no clock in the PDF. */
static void
test_document_identical (void)
{
  g_autofree char *token = tutti_test_login_token (read_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  g_autoptr(GBytes) first = get_pdf (read_server, "12FC01618", token);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) receipt = NULL;

  /* Across a second boundary, where a creation time would differ. */
  g_usleep (1100 * 1000);
  second = get_pdf (read_server, "12FC01618", token);
  g_assert_true (g_bytes_equal (first, second));

  /* And the documents differ from each other. */
  receipt = get_pdf (read_server, "12RC01632", token);
  g_assert_false (g_bytes_equal (first, receipt));
}

/* ---- STAFF-6: invoices and payments ------------------------------------------- */

/* Z-TEST's family id, from its account. */
static gint64
ztest_family_id (TuttiTestServer *server)
{
  g_autoptr(TuttiSession) tutti_session = tutti_test_login (server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);

  g_assert_cmpint (tutti_session->account->family_id, >, 0);
  return tutti_session->account->family_id;
}

static char *
staff_path (gint64      family_id,
            const char *what)
{
  return g_strdup_printf (TUTTI_API_STAFF "/families/%" G_GINT64_FORMAT "/%s", family_id, what);
}

static TuttiTestReply *
staff_post (const char *token,
            gint64      family_id,
            const char *what,
            const char *body,
            const char *key)
{
  g_autofree char *path = staff_path (family_id, what);

  return tutti_test_request_full (write_server, "POST", path, token, body, NULL, key);
}

static TuttiBillingLine *
line_from_reply (TuttiTestReply *reply)
{
  g_autoptr(GError) error = NULL;
  TuttiBillingLine *line;

  g_assert_cmpuint (reply->status, ==, 201);
  line = tutti_billing_line_from_json (reply->json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (line->id, >, 0);
  return line;
}

static void
test_staff_forbidden (void)
{
  g_autofree char *token = tutti_test_login_token (write_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  gint64 family_id = ztest_family_id (write_server);
  g_autoptr(TuttiTestReply) invoice = staff_post (token, family_id, "invoices",
                                         "{\"kind\":\"fee\",\"lines\":[{\"label\":\"x\",\"amount\":100}]}",
                                         NULL);
  g_autoptr(TuttiTestReply) payment = staff_post (token, family_id, "payments",
                                         "{\"kind\":\"fee\",\"payment_method\":\"cash\",\"amount\":100}",
                                         NULL);
  g_autofree char *fees_path = staff_path (family_id, "billing/fees");
  g_autofree char *document = staff_path (family_id, "billing/documents/12FC01618");
  g_autoptr(TuttiTestReply) fees = get (write_server, fees_path, token);
  g_autoptr(TuttiTestReply) pdf = get (write_server, document, token);
  g_autoptr(TuttiTestReply) anonymous = staff_post (NULL, family_id, "payments",
                                           "{\"kind\":\"fee\",\"payment_method\":\"cash\",\"amount\":100}",
                                           NULL);
  g_autoptr(TuttiBillingStatement) after = get_statement (write_server, TUTTI_API_BILLING_FEES, token);

  tutti_test_assert_error (invoice, 403, "forbidden");
  tutti_test_assert_error (payment, 403, "forbidden");
  tutti_test_assert_error (fees, 403, "forbidden");
  tutti_test_assert_error (pdf, 403, "forbidden");
  tutti_test_assert_error (anonymous, 401, "unauthenticated");
  /* Nothing was recorded. */
  for (guint i = 0; i < after->lines->len; i++)
    g_assert_cmpint (((TuttiBillingLine *) g_ptr_array_index (after->lines, i))->debit, !=, 100);
}

/* The office records an invoice and its payment; the family sees both at
 * once, with their PDFs. */
static void
test_staff_invoice_and_payment (void)
{
  g_autofree char *staff = tutti_test_login_token (write_server, "secretariat", TUTTI_TEST_STAFF_PASSWORD);
  g_autofree char *family = tutti_test_login_token (write_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  gint64 family_id = ztest_family_id (write_server);
  g_autoptr(TuttiBillingStatement) before = get_statement (write_server, TUTTI_API_BILLING_FEES, family);
  g_autoptr(TuttiBillingStatement) paid = NULL;
  g_autoptr(TuttiBillingLine) invoice = NULL;
  g_autoptr(TuttiBillingLine) payment = NULL;
  g_autoptr(TuttiTestReply) invoice_reply = NULL;
  g_autoptr(TuttiTestReply) payment_reply = NULL;
  g_autoptr(GBytes) invoice_pdf = NULL;
  g_autoptr(GBytes) payment_pdf = NULL;
  g_autoptr(GRegex) operation_format = g_regex_new ("^26[FR]C[0-9]{5}$", 0, 0, NULL);
  g_autofree char *invoice_text = NULL;
  g_autofree char *payment_text = NULL;
  g_autofree char *staff_document = NULL;
  g_autoptr(TuttiTestReply) staff_pdf = NULL;
  const TuttiBillingLine *newest;

  invoice_reply = staff_post (staff, family_id, "invoices",
                              "{\"kind\":\"fee\",\"date\":\"2026-10-15\",\"label\":\"AVIS DES SOMMES A PAYER\","
                              "\"lines\":[{\"label\":\"Cotisation 1er trimestre 2026/2027 — Z-TEST Essai\",\"amount\":9600},"
                              "{\"label\":\"Frais de dossier\",\"amount\":1550}]}",
                              NULL);
  invoice = line_from_reply (invoice_reply);
  g_assert_cmpint (invoice->kind, ==, TUTTI_BILLING_FEE);
  g_assert_cmpstr (invoice->date, ==, "2026-10-15");
  g_assert_cmpint (invoice->debit, ==, 11150);
  g_assert_cmpint (invoice->credit, ==, 0);
  g_assert_true (g_regex_match (operation_format, invoice->operation, 0, NULL));
  g_assert_true (g_str_has_prefix (invoice->operation, "26FC"));

  payment_reply = staff_post (staff, family_id, "payments",
                              "{\"kind\":\"fee\",\"date\":\"2026-10-20\",\"payment_method\":\"cheque\","
                              "\"amount\":11150,\"reference\":\"4471203\"}",
                              NULL);
  payment = line_from_reply (payment_reply);
  g_assert_cmpint (payment->payment_method, ==, TUTTI_PAYMENT_CHEQUE);
  g_assert_cmpstr (payment->label, ==, "4471203");
  g_assert_cmpint (payment->credit, ==, 11150);
  g_assert_true (g_str_has_prefix (payment->operation, "26RC"));
  g_assert_cmpstr (payment->operation, !=, invoice->operation);

  /* The family sees both, newest first, and the totals follow. */
  paid = get_statement (write_server, TUTTI_API_BILLING_FEES, family);
  assert_statement_consistent (paid, TUTTI_BILLING_FEE);
  g_assert_cmpuint (paid->lines->len, ==, before->lines->len + 2);
  g_assert_cmpint (paid->invoiced, ==, before->invoiced + 11150);
  g_assert_cmpint (paid->paid, ==, before->paid + 11150);
  g_assert_cmpint (paid->balance, ==, before->balance);
  newest = g_ptr_array_index (paid->lines, 0);
  g_assert_cmpstr (newest->operation, ==, payment->operation);
  newest = g_ptr_array_index (paid->lines, 1);
  g_assert_cmpstr (newest->operation, ==, invoice->operation);

  /* And their PDFs, at once. */
  invoice_pdf = get_pdf (write_server, invoice->operation, family);
  invoice_text = pdf_text (invoice_pdf, NULL);
  assert_contains (invoice_text, invoice->operation);
  assert_contains (invoice_text, "Cotisation 1er trimestre 2026/2027");
  assert_contains (invoice_text, "Frais de dossier");
  assert_contains (invoice_text, "15,50");
  assert_contains (invoice_text, "111,50");
  assert_contains (invoice_text, "Objet");

  payment_pdf = get_pdf (write_server, payment->operation, family);
  payment_text = pdf_text (payment_pdf, NULL);
  assert_contains (payment_text, "Reçu");
  assert_contains (payment_text, payment->operation);
  assert_contains (payment_text, "4471203");
  assert_contains (payment_text, "Chèque");
  assert_contains (payment_text, "111,50");

  /* The office reads the same document. */
  staff_document = staff_path (family_id, "billing/documents/");
  {
    g_autofree char *path = g_strconcat (staff_document, invoice->operation, NULL);
    staff_pdf = get (write_server, path, staff);
  }
  g_assert_cmpuint (staff_pdf->status, ==, 200);
  g_assert_true (g_bytes_equal (staff_pdf->body, invoice_pdf));
}

/* The same Idempotency-Key twice: one line, the same answer. */
static void
test_staff_idempotency (void)
{
  g_autofree char *staff = tutti_test_login_token (write_server, "secretariat", TUTTI_TEST_STAFF_PASSWORD);
  g_autofree char *family = tutti_test_login_token (write_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  gint64 family_id = ztest_family_id (write_server);
  const char *body = "{\"kind\":\"rental\",\"payment_method\":\"transfer\",\"amount\":2500,"
                     "\"reference\":\"VIR 2026-118\"}";
  g_autoptr(TuttiBillingStatement) before = get_statement (write_server, TUTTI_API_BILLING_RENTALS, family);
  g_autoptr(TuttiBillingStatement) after = NULL;
  g_autoptr(TuttiBillingStatement) after_other = NULL;
  g_autoptr(TuttiTestReply) first = staff_post (staff, family_id, "payments", body, "5d0f7a1e-payment-1");
  g_autoptr(TuttiTestReply) second = staff_post (staff, family_id, "payments", body, "5d0f7a1e-payment-1");
  g_autoptr(TuttiTestReply) reused = staff_post (staff, family_id, "payments",
                                        "{\"kind\":\"rental\",\"payment_method\":\"transfer\",\"amount\":2600}",
                                        "5d0f7a1e-payment-1");
  g_autoptr(TuttiTestReply) other_route = staff_post (staff, family_id, "invoices",
                                             "{\"kind\":\"rental\",\"lines\":[{\"label\":\"x\",\"amount\":5}]}",
                                             "5d0f7a1e-payment-1");
  g_autoptr(TuttiTestReply) other_key = NULL;
  g_autoptr(TuttiTestReply) bad_key = staff_post (staff, family_id, "payments", body, "un espace");
  g_autoptr(TuttiBillingLine) line = line_from_reply (first);
  g_autoptr(TuttiBillingLine) other_line = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_date_time_format (now, "%y");
  g_autofree char *prefix = g_strconcat (year, "RL", NULL);

  g_assert_cmpuint (second->status, ==, first->status);
  g_assert_true (g_bytes_equal (second->body, first->body));
  g_assert_cmpstr (soup_message_headers_get_one (second->headers, "Idempotent-Replayed"), ==, "true");
  g_assert_null (soup_message_headers_get_one (first->headers, "Idempotent-Replayed"));

  /* Another request under that key is refused, not replayed. */
  tutti_test_assert_error (reused, 409, "conflict");
  tutti_test_assert_error (other_route, 409, "conflict");
  tutti_test_assert_error (bad_key, 400, "bad-request");

  after = get_statement (write_server, TUTTI_API_BILLING_RENTALS, family);
  g_assert_cmpuint (after->lines->len, ==, before->lines->len + 1);
  g_assert_cmpint (after->paid, ==, before->paid + 2500);
  g_assert_cmpint (after->balance, ==, before->balance - 2500);
  /* Dated today when the body gives no date: this year's receipts for rentals. */
  g_assert_true (g_str_has_prefix (line->operation, prefix));

  /* A new key acts again. */
  other_key = staff_post (staff, family_id, "payments", body, "5d0f7a1e-payment-2");
  other_line = line_from_reply (other_key);
  g_assert_cmpint (other_line->id, !=, line->id);
  g_assert_cmpstr (other_line->operation, !=, line->operation);
  after_other = get_statement (write_server, TUTTI_API_BILLING_RENTALS, family);
  g_assert_cmpuint (after_other->lines->len, ==, before->lines->len + 2);
}

/* Amounts are whole positive cents, not absurd; each fault names its field. */
static void
test_staff_invalid (void)
{
  g_autofree char *staff = tutti_test_login_token (write_server, "secretariat", TUTTI_TEST_STAFF_PASSWORD);
  g_autofree char *family = tutti_test_login_token (write_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  gint64 family_id = ztest_family_id (write_server);
  g_autoptr(TuttiBillingStatement) before = get_statement (write_server, TUTTI_API_BILLING_FEES, family);
  g_autoptr(TuttiBillingStatement) after = NULL;
  static const struct
  {
    const char *what;
    const char *body;
    const char *field;
  } cases[] = {
    { "payments", "{\"kind\":\"fee\",\"payment_method\":\"cheque\",\"amount\":-8400}", "amount" },
    { "payments", "{\"kind\":\"fee\",\"payment_method\":\"cheque\",\"amount\":84.5}", "amount" },
    { "payments", "{\"kind\":\"fee\",\"payment_method\":\"cheque\",\"amount\":84.0}", "amount" },
    { "payments", "{\"kind\":\"fee\",\"payment_method\":\"cheque\",\"amount\":0}", "amount" },
    { "payments", "{\"kind\":\"fee\",\"payment_method\":\"cheque\",\"amount\":\"84\"}", "amount" },
    { "payments", "{\"kind\":\"fee\",\"payment_method\":\"cheque\",\"amount\":1000000000000}", "amount" },
    { "payments", "{\"kind\":\"fee\",\"payment_method\":\"cheque\"}", "amount" },
    { "payments", "{\"kind\":\"fee\",\"amount\":100}", "payment_method" },
    { "payments", "{\"payment_method\":\"cash\",\"amount\":100}", "kind" },
    { "payments", "{\"kind\":\"gift\",\"payment_method\":\"cash\",\"amount\":100}", "kind" },
    { "payments", "{\"kind\":\"fee\",\"payment_method\":\"cash\",\"amount\":100,\"date\":\"28/11/2026\"}", "date" },
    { "invoices", "{\"kind\":\"fee\",\"lines\":[{\"label\":\"Violon\",\"amount\":-100}]}", "lines.0.amount" },
    { "invoices", "{\"kind\":\"fee\",\"lines\":[{\"label\":\"Violon\",\"amount\":99.99}]}", "lines.0.amount" },
    { "invoices", "{\"kind\":\"fee\",\"lines\":[{\"label\":\"A\",\"amount\":100},{\"label\":\"B\",\"amount\":0}]}",
      "lines.1.amount" },
    { "invoices", "{\"kind\":\"fee\",\"lines\":[{\"amount\":100}]}", "lines.0.label" },
    { "invoices", "{\"kind\":\"fee\",\"lines\":[]}", "lines" },
    { "invoices", "{\"kind\":\"fee\",\"lines\":[{\"label\":\"A\",\"amount\":9000000},"
                  "{\"label\":\"B\",\"amount\":9000000}]}", "lines" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TuttiTestReply) reply = staff_post (staff, family_id, cases[i].what, cases[i].body, NULL);

      g_test_message ("%s %s", cases[i].what, cases[i].body);
      tutti_test_assert_names (reply, cases[i].field);
    }

  /* An unknown family, and a family id that is not one. */
  {
    g_autoptr(TuttiTestReply) unknown = staff_post (staff, 999999, "payments",
                                           "{\"kind\":\"fee\",\"payment_method\":\"cash\",\"amount\":100}",
                                           NULL);
    g_autoptr(TuttiTestReply) not_an_id = tutti_test_request_full (write_server, "POST",
                                               TUTTI_API_STAFF "/families/abc/payments", staff,
                                               "{\"kind\":\"fee\",\"payment_method\":\"cash\",\"amount\":100}",
                                               NULL, NULL);
    g_autoptr(TuttiTestReply) unknown_fees = get (write_server, TUTTI_API_STAFF "/families/999999/billing/fees", staff);

    tutti_test_assert_error (unknown, 404, "not-found");
    tutti_test_assert_error (not_an_id, 404, "not-found");
    tutti_test_assert_error (unknown_fees, 404, "not-found");
  }

  /* In English too. */
  {
    g_autofree char *path = staff_path (family_id, "payments");
    g_autoptr(TuttiTestReply) english = tutti_test_request_full (write_server, "POST", path, staff,
                                             "{\"kind\":\"fee\",\"payment_method\":\"cash\",\"amount\":-1}",
                                             "en", NULL);
    JsonObject *error = tutti_test_assert_error (english, 422, "invalid");

    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (error, "fields"), "amount"),
                     ==, "The amount must be a positive whole number of cents.");
  }

  /* Nothing was recorded. */
  after = get_statement (write_server, TUTTI_API_BILLING_FEES, family);
  g_assert_true (tutti_record_equal (&tutti_billing_statement_schema, before, after));
}

/* An invoice longer than a page goes on as many as it needs. */
static void
test_staff_long_invoice (void)
{
  g_autofree char *staff = tutti_test_login_token (write_server, "secretariat", TUTTI_TEST_STAFF_PASSWORD);
  g_autofree char *family = tutti_test_login_token (write_server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  gint64 family_id = ztest_family_id (write_server);
  g_autoptr(GString) body = g_string_new ("{\"kind\":\"rental\",\"date\":\"2026-11-02\",\"lines\":[");
  g_autoptr(TuttiTestReply) reply = NULL;
  g_autoptr(TuttiBillingLine) line = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  int n_pages;

  for (guint i = 0; i < 70; i++)
    g_string_append_printf (body, "%s{\"label\":\"Location partition n°%03u — Ensemble de cuivres, "
                                  "saison 2026/2027\",\"amount\":%u}",
                            i > 0 ? "," : "", i + 1, 150 + i);
  g_string_append (body, "]}");
  reply = staff_post (staff, family_id, "invoices", body->str, NULL);
  line = line_from_reply (reply);
  g_assert_cmpint (line->kind, ==, TUTTI_BILLING_RENTAL);
  g_assert_true (g_str_has_prefix (line->operation, "26FL"));
  /* 70 × 150 + (0 + … + 69) */
  g_assert_cmpint (line->debit, ==, 70 * 150 + 69 * 70 / 2);

  pdf = get_pdf (write_server, line->operation, family);
  text = pdf_text (pdf, &n_pages);
  g_assert_cmpint (n_pages, >=, 2);
  assert_contains (text, "n°001");
  assert_contains (text, "n°070");
  assert_contains (text, "(suite)");
  last = g_strdup_printf ("Page %d / %d", n_pages, n_pages);
  assert_contains (text, last);
  assert_contains (text, "129,15");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/billing/fees/ztest", test_fees_ztest);
  g_test_add_func ("/billing/rentals/ztest", test_rentals_ztest);
  g_test_add_func ("/billing/martin", test_martin);
  g_test_add_func ("/billing/unauthenticated", test_unauthenticated);
  g_test_add_func ("/billing/staff-on-family-routes", test_staff_on_family_routes);
  g_test_add_func ("/billing/document/foreign", test_document_foreign);
  g_test_add_func ("/billing/document/invoice-fr", test_document_invoice_fr);
  g_test_add_func ("/billing/document/receipt-fr", test_document_receipt_fr);
  g_test_add_func ("/billing/document/english", test_document_english);
  g_test_add_func ("/billing/document/identical", test_document_identical);
  g_test_add_func ("/billing/staff/forbidden", test_staff_forbidden);
  g_test_add_func ("/billing/staff/invoice-and-payment", test_staff_invoice_and_payment);
  g_test_add_func ("/billing/staff/idempotency", test_staff_idempotency);
  g_test_add_func ("/billing/staff/invalid", test_staff_invalid);
  g_test_add_func ("/billing/staff/long-invoice", test_staff_long_invoice);

  read_server = tutti_test_server_start (TRUE, NULL);
  write_server = tutti_test_server_start (TRUE, NULL);

  status = g_test_run ();

  tutti_test_server_stop (write_server);
  tutti_test_server_stop (read_server);
  return status;
}
