/* tutti-invoice.h — the PDF duplicate of an invoice or a receipt (BIL-2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-core.h"

G_BEGIN_DECLS

typedef enum
{
  TUTTI_INVOICE_INVOICE,     /* debit lines: "Facture" / "Invoice" */
  TUTTI_INVOICE_RECEIPT,     /* a payment: "Reçu" / "Receipt" */
  TUTTI_INVOICE_CREDIT_NOTE, /* a discount: "Avoir" / "Credit note" */
} TuttiInvoiceType;

/* Everything the document shows, gathered from the store beforehand: the
 * renderer reads nothing else, so that the same data gives the same bytes. */
typedef struct
{
  TuttiLang lang;
  TuttiInvoiceType type;
  TuttiBillingKind kind;
  char *operation;           /* the document's number, "12FC01618" */
  char *date;                /* ISO 8601 */
  char *family_name;
  char *subject;             /* an invoice's label, "AVIS DES SOMMES A PAYER", or %NULL */
  TuttiSchool *school;
  TuttiGuardian *addressee;  /* guardian 1: name and postal address */
  /* The rows of the table as billing lines: for an invoice its items
   * (label and debit), else the lines of the operation. */
  GPtrArray *rows;
  gint64 total;              /* cents */
  gint64 balance;            /* cents: the family's balance for @kind at @date, > 0 when owed */
} TuttiInvoice;

TuttiInvoice *tutti_invoice_new           (void);
void          tutti_invoice_free          (TuttiInvoice        *self);

/* "facture-12FC01618.pdf", "receipt-12RC01632.pdf"… */
char         *tutti_invoice_get_file_name (const TuttiInvoice  *self);

/* Draws the document on A4 pages with cairo and pango. Thread-safe: it
 * uses a font map of its own. The PDF's dates are the document's date, so
 * that identical data gives identical bytes. */
GBytes       *tutti_invoice_render        (const TuttiInvoice  *self,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TuttiInvoice, tutti_invoice_free)

G_END_DECLS
