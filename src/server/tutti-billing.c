/* tutti-billing.c — fees, rentals and their PDF duplicates (BIL-1, BIL-2, STAFF-6)
 *
 * A family reads its two accounts, fees and rentals: the lines newest
 * first and their totals (GET /billing/fees, /billing/rentals), and the PDF
 * duplicate of any invoice or receipt among them (GET
 * /billing/documents/{operation}), drawn by tutti-invoice.c in a worker
 * thread. An operation of another family answers 404 exactly as one that
 * does not exist.
 *
 * The office records invoices (items and amounts, one debit line) and
 * payments (one credit line) for a family, under /staff/families/{id}/,
 * each with a new operation number, and reads any family's accounts and
 * documents there. Both writes honour Idempotency-Key: the key, per staff
 * account, keeps the first answer for a day and gives it again, byte for
 * byte, instead of recording twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "tutti-accounts.h"
#include "tutti-billing.h"
#include "tutti-idempotency.h"
#include "tutti-invoice.h"

#define STAFF_FAMILY TUTTI_API_STAFF "/families/{id}"

/* The request bodies (TuttiInvoiceRequest, TuttiPaymentRequest) and the
 * amount limits are core's: the app checks them the same way. */

/* ---- Texts ------------------------------------------------------------------ */

static const TuttiText msg_amount_positive = {
  "The amount must be a positive whole number of cents.",
  "Le montant doit être un nombre entier positif de centimes.",
};
static const TuttiText msg_too_many_items = {
  "An invoice has at most 200 lines.",
  "Une facture compte au plus 200 lignes.",
};

static const char *default_invoice_label = "AVIS DES SOMMES A PAYER";

/* "Le montant ne peut dépasser 100 000,00 €." */
static char *
amount_too_large_message (TuttiLang lang,
                          gboolean  total)
{
  g_autofree char *limit = tutti_format_money (TUTTI_BILLING_MAX_AMOUNT, lang);

  if (lang == TUTTI_LANG_FR)
    return g_strdup_printf ("%s ne peut dépasser %s.",
                            total ? "Le total de la facture" : "Le montant", limit);
  return g_strdup_printf ("%s cannot exceed %s.", total ? "The invoice total" : "The amount", limit);
}

/* ---- Reading a family's accounts ------------------------------------------ */

/* A route's {id} as a family id; 0 when it is not a number. */
static gint64
param_family_id (TuttiRequest *request)
{
  const char *text = tutti_request_get_param (request, "id");
  gint64 id = 0;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    return 0;
  return id;
}

static gboolean
family_exists (TuttiStore  *store,
               gint64       family_id,
               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (store, "SELECT 1 FROM families WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, family_id);
  if (!tutti_store_step (store, stmt, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* BIL-1: the lines of one account, newest first, and their totals. */
static TuttiBillingStatement *
load_statement (TuttiStore        *store,
                gint64             family_id,
                TuttiBillingKind   kind,
                GError           **error)
{
  g_autoptr(TuttiBillingStatement) statement = tutti_billing_statement_new ();
  g_autoptr(GPtrArray) lines = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_BILLING_LINES,
                                     "WHERE family_id = ? AND kind = ? "
                                     "ORDER BY date DESC, operation DESC, id DESC",
                                     error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  tutti_store_bind_text (stmt, 2, tutti_enum_to_nick (&tutti_billing_kind_enum, kind));
  lines = tutti_store_read_records (store, TUTTI_TABLE_BILLING_LINES, stmt, error);
  if (lines == NULL)
    return NULL;

  statement->kind = kind;
  for (guint i = 0; i < lines->len; i++)
    {
      TuttiBillingLine *line = g_ptr_array_index (lines, i);

      statement->invoiced += line->debit;
      statement->paid += line->credit;
    }
  statement->balance = statement->invoiced - statement->paid;

  g_ptr_array_extend_and_steal (statement->lines, g_steal_pointer (&lines));
  return g_steal_pointer (&statement);
}

/* The family of a family token; staff have none (404, as on the family's
 * other routes). */
static gint64
account_family_id (TuttiRequest *request)
{
  TuttiAccount *account = tutti_request_get_account (request);

  if (account->role != TUTTI_ROLE_FAMILY || account->family_id <= 0)
    return 0;
  return account->family_id;
}

static void
reply_statement (TuttiRequest     *request,
                 gint64            family_id,
                 TuttiBillingKind  kind)
{
  g_autoptr(TuttiBillingStatement) statement = NULL;
  g_autoptr(GError) error = NULL;

  statement = load_statement (tutti_request_get_store (request), family_id, kind, &error);
  if (statement == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_billing_statement_schema, statement);
}

static void
family_statement (TuttiRequest     *request,
                  TuttiBillingKind  kind)
{
  gint64 family_id = account_family_id (request);

  if (family_id == 0)
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }
  reply_statement (request, family_id, kind);
}

static void
fees_get (TuttiRequest *request)
{
  family_statement (request, TUTTI_BILLING_FEE);
}

static void
rentals_get (TuttiRequest *request)
{
  family_statement (request, TUTTI_BILLING_RENTAL);
}

static void
staff_statement (TuttiRequest     *request,
                 TuttiBillingKind  kind)
{
  g_autoptr(GError) error = NULL;
  gint64 family_id = param_family_id (request);

  if (family_id == 0 || !family_exists (tutti_request_get_store (request), family_id, &error))
    {
      if (error != NULL)
        tutti_request_reply_error (request, error);
      else
        tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }
  reply_statement (request, family_id, kind);
}

static void
staff_fees_get (TuttiRequest *request)
{
  staff_statement (request, TUTTI_BILLING_FEE);
}

static void
staff_rentals_get (TuttiRequest *request)
{
  staff_statement (request, TUTTI_BILLING_RENTAL);
}

/* ---- Documents (BIL-2) ------------------------------------------------------ */

/* The family's first guardian: the document's addressee. */
static TuttiGuardian *
load_addressee (TuttiStore  *store,
                gint64       family_id,
                GError     **error)
{
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  TuttiGuardian *guardian;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_GUARDIANS,
                                     "WHERE family_id = ? ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  if (!tutti_store_step (store, stmt, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      /* A family without a guardian yet: its name alone. */
      return tutti_guardian_new ();
    }
  guardian = tutti_store_read_record (store, TUTTI_TABLE_GUARDIANS, stmt);
  sqlite3_reset (stmt);
  return guardian;
}

static TuttiSchool *
load_school (TuttiStore  *store,
             GError     **error)
{
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  TuttiSchool *school;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_SCHOOL, "WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  if (!tutti_store_step (store, stmt, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      return tutti_school_new ();
    }
  school = tutti_store_read_record (store, TUTTI_TABLE_SCHOOL, stmt);
  sqlite3_reset (stmt);
  return school;
}

/* The rows of an invoice: the items recorded with its lines, or the
 * lines themselves when they have none (the demo's past years). */
static gboolean
load_invoice_rows (TuttiStore    *store,
                   TuttiInvoice  *invoice,
                   GPtrArray     *lines,
                   GError       **error)
{
  for (guint i = 0; i < lines->len; i++)
    {
      TuttiBillingLine *line = g_ptr_array_index (lines, i);
      GError *local_error = NULL;
      sqlite3_stmt *stmt;
      guint n_items = 0;

      if (line->debit <= 0)
        continue;
      stmt = tutti_store_prepare (store,
                                  "SELECT label, amount FROM billing_items "
                                  "WHERE billing_line_id = ? ORDER BY position, id",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, line->id);
      while (tutti_store_step (store, stmt, &local_error))
        {
          TuttiBillingLine *row = tutti_billing_line_new ();

          row->kind = line->kind;
          row->date = g_strdup (line->date);
          row->operation = g_strdup (line->operation);
          row->label = tutti_store_column_dup (stmt, 0);
          row->debit = sqlite3_column_int64 (stmt, 1);
          g_ptr_array_add (invoice->rows, row);
          n_items++;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (n_items == 0)
        g_ptr_array_add (invoice->rows, tutti_billing_line_copy (line));
      else if (invoice->subject == NULL)
        invoice->subject = g_strdup (line->label);
    }
  return TRUE;
}

/* The account's balance once the document was recorded: the lines of
 * earlier days, and those of its day recorded up to it (@last_id), so
 * that a later line of the same day does not change it. */
static gboolean
load_balance (TuttiStore    *store,
              gint64         family_id,
              TuttiInvoice  *invoice,
              gint64         last_id,
              GError       **error)
{
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  stmt = tutti_store_prepare (store,
                              "SELECT COALESCE(SUM(debit), 0) - COALESCE(SUM(credit), 0) "
                              "FROM billing_lines WHERE family_id = ? AND kind = ? "
                              "AND (date < ? OR (date = ? AND id <= ?))",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, family_id);
  tutti_store_bind_text (stmt, 2, tutti_enum_to_nick (&tutti_billing_kind_enum, invoice->kind));
  tutti_store_bind_text (stmt, 3, invoice->date);
  tutti_store_bind_text (stmt, 4, invoice->date);
  sqlite3_bind_int64 (stmt, 5, last_id);
  if (!tutti_store_step (store, stmt, &local_error))
    {
      g_propagate_error (error, local_error != NULL ? local_error
                                                    : g_error_new_literal (TUTTI_STORE_ERROR,
                                                                           TUTTI_STORE_ERROR_FAILED,
                                                                           "No balance"));
      return FALSE;
    }
  invoice->balance = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Everything the PDF of @operation shows, or a 404 when the family has no
 * such operation. */
static TuttiInvoice *
load_invoice (TuttiStore   *store,
              gint64        family_id,
              const char   *operation,
              TuttiLang     lang,
              GError      **error)
{
  g_autoptr(TuttiInvoice) invoice = tutti_invoice_new ();
  g_autoptr(GPtrArray) lines = NULL;
  const TuttiBillingLine *first, *last;
  sqlite3_stmt *stmt;
  gint64 debit = 0, credit = 0;
  gboolean all_discounts = TRUE;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_BILLING_LINES,
                                     "WHERE family_id = ? AND operation = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  tutti_store_bind_text (stmt, 2, operation);
  lines = tutti_store_read_records (store, TUTTI_TABLE_BILLING_LINES, stmt, error);
  if (lines == NULL)
    return NULL;
  if (lines->len == 0)
    {
      g_set_error_literal (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND,
                           tutti_api_error_code_message (TUTTI_API_ERROR_NOT_FOUND, lang));
      return NULL;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const TuttiBillingLine *line = g_ptr_array_index (lines, i);

      debit += line->debit;
      credit += line->credit;
      all_discounts = all_discounts && line->discount;
    }

  first = g_ptr_array_index (lines, 0);
  invoice->lang = lang;
  invoice->kind = first->kind;
  invoice->operation = g_strdup (first->operation);
  invoice->date = g_strdup (first->date);
  if (debit > 0)
    {
      invoice->type = TUTTI_INVOICE_INVOICE;
      invoice->total = debit;
      if (!load_invoice_rows (store, invoice, lines, error))
        return NULL;
    }
  else
    {
      invoice->type = all_discounts ? TUTTI_INVOICE_CREDIT_NOTE : TUTTI_INVOICE_RECEIPT;
      invoice->total = credit;
      for (guint i = 0; i < lines->len; i++)
        g_ptr_array_add (invoice->rows, tutti_billing_line_copy (g_ptr_array_index (lines, i)));
    }

  last = g_ptr_array_index (lines, lines->len - 1);
  if (!load_balance (store, family_id, invoice, last->id, error) ||
      !tutti_store_query_text (store, "SELECT name FROM families WHERE id = ?", family_id,
                               &invoice->family_name, error))
    return NULL;

  invoice->school = load_school (store, error);
  if (invoice->school == NULL)
    return NULL;
  invoice->addressee = load_addressee (store, family_id, error);
  if (invoice->addressee == NULL)
    return NULL;
  if (invoice->addressee->surname == NULL)
    invoice->addressee->surname = g_strdup (invoice->family_name);

  return g_steal_pointer (&invoice);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes;

  bytes = tutti_invoice_render (task_data, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
render_done (TuttiRequest *request,
             GTask        *task)
{
  const TuttiInvoice *invoice = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *disposition = NULL;

  bytes = g_task_propagate_pointer (task, &error);
  if (bytes == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  file_name = tutti_invoice_get_file_name (invoice);
  disposition = g_strdup_printf ("inline; filename=\"%s\"", file_name);
  tutti_request_set_header (request, "Content-Disposition", disposition);
  tutti_request_set_header (request, "Cache-Control", "private, no-cache");
  tutti_request_reply_bytes (request, SOUP_STATUS_OK, "application/pdf", bytes);
}

static void
reply_document (TuttiRequest *request,
                gint64        family_id,
                TuttiLang     lang)
{
  g_autoptr(GError) error = NULL;
  TuttiInvoice *invoice;

  invoice = load_invoice (tutti_request_get_store (request), family_id,
                          tutti_request_get_param (request, "operation"), lang, &error);
  if (invoice == NULL)
    {
      /* The 404 in the request's language, as for any other. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_NOT_FOUND))
        tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      else
        tutti_request_reply_error (request, error);
      return;
    }
  tutti_request_run_in_thread (request, invoice, (GDestroyNotify) tutti_invoice_free,
                               render_thread, render_done);
}

/* The document is in the language of the guardian who asks; the
 * request's Accept-Language only when the account has none. */
static void
document_get (TuttiRequest *request)
{
  TuttiAccount *account = tutti_request_get_account (request);
  gint64 family_id = account_family_id (request);
  TuttiLang lang;

  if (family_id == 0)
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }
  lang = account->lang != NULL && *account->lang != '\0'
         ? tutti_lang_from_tag (account->lang) : tutti_request_get_lang (request);
  reply_document (request, family_id, lang);
}

/* The office sees the document as the family receives it: in its first
 * guardian's language. */
static void
staff_document_get (TuttiRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lang_tag = NULL;
  gint64 family_id = param_family_id (request);
  TuttiStore *store = tutti_request_get_store (request);

  if (family_id == 0 || !family_exists (store, family_id, &error))
    {
      if (error != NULL)
        tutti_request_reply_error (request, error);
      else
        tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }
  if (!tutti_store_query_text (store, "SELECT lang FROM guardians WHERE family_id = ? ORDER BY id LIMIT 1",
                               family_id, &lang_tag, &error))
    {
      tutti_request_reply_error (request, error);
      return;
    }
  reply_document (request, family_id,
                  lang_tag != NULL && *lang_tag != '\0' ? tutti_lang_from_tag (lang_tag)
                                                        : tutti_request_get_lang (request));
}

/* ---- Recording invoices and payments (STAFF-6) ------------------------------- */

/* "26FC00001": the date's year, F(acture) or R(eçu), C(otisation) or
 * L(ocation), then the next number of that series across the school. */
static char *
next_operation (TuttiStore        *store,
                const char        *date,
                char               what,
                TuttiBillingKind   kind,
                GError           **error)
{
  g_autofree char *prefix = g_strdup_printf ("%.2s%c%c", date + 2, what,
                                             kind == TUTTI_BILLING_FEE ? 'C' : 'L');
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 last = 0;

  stmt = tutti_store_prepare (store,
                              "SELECT MAX(CAST(substr(operation, 5) AS INTEGER)) FROM billing_lines "
                              "WHERE substr(operation, 1, 4) = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  tutti_store_bind_text (stmt, 1, prefix);
  if (tutti_store_step (store, stmt, &local_error))
    {
      last = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (last >= 99999)
    {
      g_set_error (error, TUTTI_STORE_ERROR, TUTTI_STORE_ERROR_CONSTRAINT,
                   "No operation number left in the series %s", prefix);
      return NULL;
    }
  return g_strdup_printf ("%s%05" G_GINT64_FORMAT, prefix, last + 1);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Adds to @fields a message when @amount is not within (0, max]. */
static void
check_amount (GHashTable *fields,
              const char *key,
              gint64      amount,
              TuttiLang   lang)
{
  if (amount == TUTTI_NO_VALUE || g_hash_table_contains (fields, key))
    return;
  if (amount <= 0)
    g_hash_table_replace (fields, g_strdup (key), g_strdup (tutti_text_get (&msg_amount_positive, lang)));
  else if (amount > TUTTI_BILLING_MAX_AMOUNT)
    g_hash_table_replace (fields, g_strdup (key), amount_too_large_message (lang, FALSE));
}

static void
check_invoice_request (gconstpointer  body,
                       GHashTable    *fields,
                       TuttiLang      lang)
{
  const TuttiInvoiceRequest *invoice = body;
  gint64 total = 0;

  if (invoice->lines->len > TUTTI_BILLING_MAX_ITEMS)
    {
      g_hash_table_replace (fields, g_strdup ("lines"), g_strdup (tutti_text_get (&msg_too_many_items, lang)));
      return;
    }
  for (guint i = 0; i < invoice->lines->len; i++)
    {
      const TuttiInvoiceItem *item = g_ptr_array_index (invoice->lines, i);
      g_autofree char *key = g_strdup_printf ("lines.%u.amount", i);

      check_amount (fields, key, item->amount, lang);
      if (item->amount > 0 && item->amount <= TUTTI_BILLING_MAX_AMOUNT)
        total += item->amount;
    }
  if (total > TUTTI_BILLING_MAX_AMOUNT && !g_hash_table_contains (fields, "lines"))
    g_hash_table_replace (fields, g_strdup ("lines"), amount_too_large_message (lang, TRUE));
}

static void
check_payment_request (gconstpointer  body,
                       GHashTable    *fields,
                       TuttiLang      lang)
{
  const TuttiPaymentRequest *payment = body;

  check_amount (fields, "amount", payment->amount, lang);
}

static TuttiBillingLine *
record_invoice (TuttiStore     *store,
                gint64          family_id,
                gconstpointer   body,
                GError        **error)
{
  const TuttiInvoiceRequest *invoice = body;
  g_autoptr(TuttiBillingLine) line = tutti_billing_line_new ();
  sqlite3_stmt *stmt;

  line->kind = invoice->kind;
  line->date = invoice->date != NULL ? g_strdup (invoice->date) : today_iso ();
  line->payment_method = TUTTI_PAYMENT_NONE;
  line->label = g_strdup (invoice->label != NULL && *invoice->label != '\0'
                          ? invoice->label : default_invoice_label);
  for (guint i = 0; i < invoice->lines->len; i++)
    line->debit += ((const TuttiInvoiceItem *) g_ptr_array_index (invoice->lines, i))->amount;
  line->operation = next_operation (store, line->date, 'F', line->kind, error);
  if (line->operation == NULL)
    return NULL;
  line->id = tutti_store_insert (store, TUTTI_TABLE_BILLING_LINES, line, "family_id", family_id, error);
  if (line->id == 0)
    return NULL;

  for (guint i = 0; i < invoice->lines->len; i++)
    {
      const TuttiInvoiceItem *item = g_ptr_array_index (invoice->lines, i);

      stmt = tutti_store_prepare (store,
                                  "INSERT INTO billing_items (billing_line_id, position, label, amount) "
                                  "VALUES (?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, line->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      tutti_store_bind_text (stmt, 3, item->label);
      sqlite3_bind_int64 (stmt, 4, item->amount);
      if (!tutti_store_run (store, stmt, error))
        return NULL;
    }
  return g_steal_pointer (&line);
}

static TuttiBillingLine *
record_payment (TuttiStore     *store,
                gint64          family_id,
                gconstpointer   body,
                GError        **error)
{
  const TuttiPaymentRequest *payment = body;
  g_autoptr(TuttiBillingLine) line = tutti_billing_line_new ();

  line->kind = payment->kind;
  line->date = payment->date != NULL ? g_strdup (payment->date) : today_iso ();
  line->payment_method = payment->payment_method;
  if (payment->reference != NULL && *payment->reference != '\0')
    line->label = g_strdup (payment->reference);
  else
    /* As the office writes them: "CHÈQUE", "ESPÈCES"… */
    line->label = g_utf8_strup (tutti_enum_to_label (&tutti_payment_method_enum, payment->payment_method,
                                                     TUTTI_LANG_FR), -1);
  line->credit = payment->amount;
  line->operation = next_operation (store, line->date, 'R', line->kind, error);
  if (line->operation == NULL)
    return NULL;
  line->id = tutti_store_insert (store, TUTTI_TABLE_BILLING_LINES, line, "family_id", family_id, error);
  if (line->id == 0)
    return NULL;
  return g_steal_pointer (&line);
}

typedef void               (*CheckFunc)  (gconstpointer   body,
                                          GHashTable     *fields,
                                          TuttiLang       lang);
typedef TuttiBillingLine * (*RecordFunc) (TuttiStore     *store,
                                          gint64          family_id,
                                          gconstpointer   body,
                                          GError        **error);

/* Parses, replays or checks, records and answers 201 with the new line.
 * The key's lookup, the line and the key's answer share one transaction. */
static void
staff_record (TuttiRequest      *request,
              const TuttiSchema *schema,
              CheckFunc          check,
              RecordFunc         record)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  const char *key = tutti_request_get_header (request, TUTTI_API_HEADER_IDEMPOTENCY);
  gint64 family_id = param_family_id (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(TuttiBillingLine) line = NULL;
  g_autoptr(GBytes) answer_body = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *answer_text = NULL;
  TuttiIdempotentAnswer answer = { 0 };
  gpointer body;

  if (key != NULL && !tutti_idempotency_key_is_valid (key))
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_BAD_REQUEST);
      return;
    }

  body = tutti_request_parse_record (request, schema, &error);
  if (body == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  /* The request as understood, to tell a retry from another request. */
  canonical = tutti_record_to_data (schema, body);
  digest = tutti_idempotency_digest (tutti_request_get_method (request),
                                     tutti_request_get_path (request), canonical);

  if (!tutti_store_begin (store, &error))
    goto failed;

  if (key != NULL)
    {
      if (!tutti_idempotency_lookup (store, tutti_request_get_account (request)->id, key,
                                     tutti_request_get_method (request),
                                     tutti_request_get_path (request), digest, &answer, &error))
        goto failed;
      if (answer.found)
        {
          tutti_store_rollback (store);
          tutti_idempotency_reply (request, &answer);
          tutti_idempotent_answer_clear (&answer);
          schema->free_func (body);
          return;
        }
    }

  /* Missing fields and the amounts' rules, all named in one answer. */
  fields = tutti_record_validate (schema, body, lang);
  if (fields == NULL)
    fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  check (body, fields, lang);
  if (g_hash_table_size (fields) > 0)
    {
      GHashTableIter iter;
      gpointer field, message;

      tutti_store_rollback (store);
      error = tutti_request_error_new (request, TUTTI_API_ERROR_INVALID);
      g_hash_table_iter_init (&iter, fields);
      while (g_hash_table_iter_next (&iter, &field, &message))
        tutti_api_error_add_field (error, field, message);
      schema->free_func (body);
      tutti_request_reply_error (request, error);
      return;
    }

  if (family_id == 0 || !family_exists (store, family_id, &error))
    {
      tutti_store_rollback (store);
      schema->free_func (body);
      if (error != NULL)
        tutti_request_reply_error (request, error);
      else
        tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
      return;
    }

  line = record (store, family_id, body, &error);
  schema->free_func (body);
  body = NULL;
  if (line == NULL)
    goto failed;

  answer_text = tutti_record_to_data (&tutti_billing_line_schema, line);
  answer_body = g_bytes_new (answer_text, strlen (answer_text));
  if (key != NULL &&
      !tutti_idempotency_store (store, tutti_request_get_account (request)->id, key,
                                tutti_request_get_method (request), tutti_request_get_path (request),
                                digest, SOUP_STATUS_CREATED, TUTTI_API_CONTENT_TYPE_JSON,
                                answer_body, &error))
    goto failed;
  if (!tutti_store_commit (store, &error))
    goto failed;

  tutti_request_reply_bytes (request, SOUP_STATUS_CREATED, TUTTI_API_CONTENT_TYPE_JSON, answer_body);
  return;

failed:
  tutti_store_rollback (store);
  if (body != NULL)
    schema->free_func (body);
  tutti_request_reply_error (request, error);
}

static void
invoices_post (TuttiRequest *request)
{
  staff_record (request, &tutti_invoice_request_schema, check_invoice_request, record_invoice);
}

static void
payments_post (TuttiRequest *request)
{
  staff_record (request, &tutti_payment_request_schema, check_payment_request, record_payment);
}

void
tutti_billing_register (TuttiServer *server)
{
  tutti_server_add_route (server, "GET", TUTTI_API_BILLING_FEES, TUTTI_ROUTE_AUTH, fees_get);
  tutti_server_add_route (server, "GET", TUTTI_API_BILLING_RENTALS, TUTTI_ROUTE_AUTH, rentals_get);
  tutti_server_add_route (server, "GET", TUTTI_API_BILLING_DOCUMENTS "/{operation}",
                          TUTTI_ROUTE_AUTH, document_get);

  tutti_server_add_route (server, "POST", STAFF_FAMILY "/invoices", TUTTI_ROUTE_STAFF, invoices_post);
  tutti_server_add_route (server, "POST", STAFF_FAMILY "/payments", TUTTI_ROUTE_STAFF, payments_post);
  tutti_server_add_route (server, "GET", STAFF_FAMILY "/billing/fees", TUTTI_ROUTE_STAFF, staff_fees_get);
  tutti_server_add_route (server, "GET", STAFF_FAMILY "/billing/rentals", TUTTI_ROUTE_STAFF,
                          staff_rentals_get);
  tutti_server_add_route (server, "GET", STAFF_FAMILY "/billing/documents/{operation}",
                          TUTTI_ROUTE_STAFF, staff_document_get);
}
