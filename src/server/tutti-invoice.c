/* tutti-invoice.c — the PDF duplicate of an invoice or a receipt (BIL-2)
 *
 * One A4 document drawn with cairo's PDF surface and pango, laid out as
 * the letters a French school sends: the school's letterhead top left, the
 * document's title and a "Duplicata" stamp top right, the family's postal
 * address where the window of a DL envelope shows it, the document's
 * number, date and account, a ruled table with the amounts right-aligned,
 * the total and the family's balance for that account at that date, and
 * a footer with the school's contact and the page number. Rows that do not
 * fit go on the next pages, under a short header and the table's header
 * again.
 *
 * Identical data gives identical bytes: the PDF's creation and
 * modification dates are the document's own date (cairo would write the
 * current time), nothing else depends on the clock, and each rendering
 * uses a font map of its own. The drawing helpers, the letterhead, the
 * running header, the footer and the ruled table are the school's
 * painter, shared with the campaign's leaflets (tutti-leaflet.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <string.h>

#include "tutti-invoice.h"
#include "tutti-leaflet.h"

/* ---- Geometry, in PDF points (1/72 inch) ---------------------------------- */

#define MARGIN_LEFT    TUTTI_PAGE_LEFT
#define MARGIN_TOP     TUTTI_PAGE_TOP
#define CONTENT_RIGHT  TUTTI_PAGE_RIGHT
#define CONTENT_WIDTH  TUTTI_PAGE_CONTENT_WIDTH

/* The address block, where the window of a DL envelope with a right-hand
 * window shows it once the sheet is folded in three: 110 mm from the left,
 * 53 mm from the top, 82 mm wide. */
#define WINDOW_X       312.0
#define WINDOW_Y       150.0
#define WINDOW_WIDTH   232.0

#define LETTERHEAD_WIDTH 250.0
#define TITLE_X        300.0   /* the title and its stamp, right-aligned from here */
#define BODY_BOTTOM    TUTTI_PAGE_BODY_BOTTOM
#define CONTINUED_TOP  TUTTI_PAGE_CONTINUED_TOP   /* the table's top on the pages after the first */

#define CELL_PAD_X     TUTTI_PAINT_CELL_PAD_X
#define AMOUNT_WIDTH   104.0
#define DATE_WIDTH      76.0
#define METHOD_WIDTH   118.0
#define TOTALS_X       250.0
#define TOTALS_AMOUNT_WIDTH 84.0

static const TuttiColour stamp = { 0.65, 0.11, 0.18 };

/* ---- Texts ------------------------------------------------------------------ */

static const TuttiText title_texts[] = {
  [TUTTI_INVOICE_INVOICE]     = { "Invoice", "Facture" },
  [TUTTI_INVOICE_RECEIPT]     = { "Receipt", "Reçu" },
  [TUTTI_INVOICE_CREDIT_NOTE] = { "Credit note", "Avoir" },
};
static const TuttiText file_texts[] = {
  [TUTTI_INVOICE_INVOICE]     = { "invoice", "facture" },
  [TUTTI_INVOICE_RECEIPT]     = { "receipt", "recu" },
  [TUTTI_INVOICE_CREDIT_NOTE] = { "credit-note", "avoir" },
};
static const TuttiText total_texts[] = {
  [TUTTI_INVOICE_INVOICE]     = { "Invoice total", "Montant de la facture" },
  [TUTTI_INVOICE_RECEIPT]     = { "Amount received", "Montant reçu" },
  [TUTTI_INVOICE_CREDIT_NOTE] = { "Credit note total", "Montant de l’avoir" },
};
static const TuttiText thanks_texts[] = {
  [TUTTI_INVOICE_INVOICE]     = { NULL, NULL },  /* composed with the number */
  [TUTTI_INVOICE_RECEIPT]     = { "We acknowledge receipt of your payment and thank you.",
                                  "Nous accusons réception de votre règlement et vous en remercions." },
  [TUTTI_INVOICE_CREDIT_NOTE] = { "This amount has been credited to your account.",
                                  "Ce montant a été porté au crédit de votre compte." },
};

static const TuttiText colon         = { ": ", "\u00a0: " };
static const TuttiText number_text   = { "no.", "n°" };
static const TuttiText stamp_text    = { "DUPLICATE", "DUPLICATA" };
static const TuttiText account_text  = { "Account", "Compte" };
static const TuttiText family_text   = { "Family", "Famille" };
static const TuttiText subject_text  = { "Subject", "Objet" };
static const TuttiText item_text     = { "Description", "Désignation" };
static const TuttiText amount_text   = { "Amount", "Montant" };
static const TuttiText reference_text = { "Reference", "Référence" };
static const TuttiText due_text      = { "amount due", "reste dû" };
static const TuttiText settled_text  = { "settled", "soldé" };
static const TuttiText credit_text   = { "in your favour", "en votre faveur" };
static const TuttiText phone_text    = { "Tel.", "Tél." };
static const TuttiText duplicate_text = {
  "Duplicate issued at your request: it reproduces the original document and does not replace it.",
  "Duplicata délivré à votre demande\u00a0: il reproduit le document original et ne le remplace pas."
};

/* ---- The document's record ------------------------------------------------ */

TuttiInvoice *
tutti_invoice_new (void)
{
  TuttiInvoice *self = g_new0 (TuttiInvoice, 1);

  self->lang = TUTTI_LANG_FR;
  self->rows = tutti_record_list_new (&tutti_billing_line_schema);
  return self;
}

void
tutti_invoice_free (TuttiInvoice *self)
{
  if (self == NULL)
    return;

  g_free (self->operation);
  g_free (self->date);
  g_free (self->family_name);
  g_free (self->subject);
  g_clear_pointer (&self->school, tutti_school_free);
  g_clear_pointer (&self->addressee, tutti_guardian_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

char *
tutti_invoice_get_file_name (const TuttiInvoice *self)
{
  g_autoptr(GString) name = g_string_new (tutti_text_get (&file_texts[self->type], self->lang));

  g_string_append_c (name, '-');
  /* Only what is safe in a file name on every system. */
  for (const char *p = self->operation != NULL ? self->operation : ""; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
      g_string_append_c (name, *p);
  g_string_append (name, ".pdf");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* ---- Drawing helpers ------------------------------------------------------ */

typedef struct
{
  TuttiPainter base;
  const TuttiInvoice *invoice;
  TuttiLang lang;
  int n_pages;
} Painter;

static const char *
text (Painter         *painter,
      const TuttiText *tutti_text)
{
  return tutti_text_get (tutti_text, painter->lang);
}

/* "Facture n° 12FC01618" */
static char *
document_title (Painter *painter)
{
  const TuttiInvoice *invoice = painter->invoice;

  return g_strdup_printf ("%s %s %s", text (painter, &title_texts[invoice->type]),
                          text (painter, &number_text),
                          invoice->operation != NULL ? invoice->operation : "");
}

/* "Monsieur Z-TEST Essai" in French, "Mr Essai Z-TEST" in English. */
static char *
addressee_name (Painter *painter)
{
  const TuttiGuardian *guardian = painter->invoice->addressee;
  const char *civility = tutti_enum_to_label (&tutti_civility_enum, guardian->civility, painter->lang);
  const char *first = guardian->first_name != NULL ? guardian->first_name : "";
  const char *surname = guardian->surname != NULL ? guardian->surname : "";
  g_autoptr(GString) name = g_string_new (civility);

  if (name->len > 0)
    g_string_append_c (name, ' ');
  if (painter->lang == TUTTI_LANG_FR)
    g_string_append_printf (name, "%s %s", surname, first);
  else
    g_string_append_printf (name, "%s %s", first, surname);
  return g_strstrip (g_string_free (g_steal_pointer (&name), FALSE));
}

/* "Solde du compte cotisations au 11/10/2012" / "Fees account balance on 11 Oct 2012" */
static char *
balance_label (Painter *painter)
{
  const TuttiInvoice *invoice = painter->invoice;
  g_autofree char *date = tutti_format_date (invoice->date, painter->lang);
  const char *kind = tutti_enum_to_label (&tutti_billing_kind_enum, invoice->kind, painter->lang);

  if (painter->lang == TUTTI_LANG_FR)
    {
      g_autofree char *lower = g_utf8_strdown (kind, -1);
      return g_strdup_printf ("Solde du compte %s au %s", lower, date);
    }
  return g_strdup_printf ("%s account balance on %s", kind, date);
}

/* ---- The table ------------------------------------------------------------ */

typedef enum
{
  COLUMN_DATE,
  COLUMN_METHOD,
  COLUMN_LABEL,
  COLUMN_AMOUNT,
} ColumnContent;

#define MAX_COLUMNS 4

/* The shared ruled table, and what each of its columns shows. */
typedef struct
{
  TuttiPaintTable paint;
  ColumnContent contents[MAX_COLUMNS];
} Table;

static void
table_init (Table              *table,
            const TuttiInvoice *invoice)
{
  static const ColumnContent receipt[] = { COLUMN_DATE, COLUMN_METHOD, COLUMN_LABEL, COLUMN_AMOUNT };
  static const ColumnContent items[] = { COLUMN_LABEL, COLUMN_AMOUNT };
  const ColumnContent *contents = invoice->type == TUTTI_INVOICE_RECEIPT ? receipt : items;
  guint n = invoice->type == TUTTI_INVOICE_RECEIPT ? G_N_ELEMENTS (receipt) : G_N_ELEMENTS (items);
  double widths[MAX_COLUMNS];
  PangoAlignment alignments[MAX_COLUMNS];

  for (guint i = 0; i < n; i++)
    {
      table->contents[i] = contents[i];
      alignments[i] = contents[i] == COLUMN_AMOUNT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      widths[i] = contents[i] == COLUMN_DATE ? DATE_WIDTH :
                  contents[i] == COLUMN_METHOD ? METHOD_WIDTH :
                  contents[i] == COLUMN_AMOUNT ? AMOUNT_WIDTH : 0;
    }
  tutti_paint_table_init (&table->paint, MARGIN_LEFT, CONTENT_WIDTH, widths, alignments, n);
}

static const char *
column_title (Painter       *painter,
              ColumnContent  content)
{
  const TuttiField *field;

  switch (content)
    {
    case COLUMN_DATE:
      /* Field labels come from core, as in the app's columns. */
      field = tutti_schema_lookup (&tutti_billing_line_schema, "date");
      return tutti_text_get (&field->label, painter->lang);
    case COLUMN_METHOD:
      field = tutti_schema_lookup (&tutti_billing_line_schema, "payment_method");
      return tutti_text_get (&field->label, painter->lang);
    case COLUMN_LABEL:
      return text (painter, painter->invoice->type == TUTTI_INVOICE_RECEIPT ? &reference_text : &item_text);
    case COLUMN_AMOUNT:
    default:
      return text (painter, &amount_text);
    }
}

static char *
cell_text (Painter                *painter,
           ColumnContent           content,
           const TuttiBillingLine *line)
{
  const char *method;

  switch (content)
    {
    case COLUMN_DATE:
      return tutti_format_date (line->date, painter->lang);
    case COLUMN_METHOD:
      method = tutti_enum_to_label (&tutti_payment_method_enum, line->payment_method, painter->lang);
      return g_strdup (method != NULL && *method != '\0' ? method : "—");
    case COLUMN_LABEL:
      return g_strdup (line->label != NULL && *line->label != '\0' ? line->label : "—");
    case COLUMN_AMOUNT:
    default:
      return tutti_format_money (line->debit > 0 ? line->debit : line->credit, painter->lang);
    }
}

#define TABLE_TEXT_SIZE 9.0

/* ---- Page furniture --------------------------------------------------------- */

/* The letterhead, the title with its stamp, the address and the document's
 * references. Returns where the table starts. */
static double
draw_first_page_header (Painter *painter)
{
  const TuttiInvoice *invoice = painter->invoice;
  const TuttiSchool *school = invoice->school;
  g_autofree char *title = g_utf8_strup (text (painter, &title_texts[invoice->type]), -1);
  g_autofree char *name = addressee_name (painter);
  g_autofree char *town = tutti_postcode_town (invoice->addressee->postcode, invoice->addressee->town);
  g_autofree char *reference = document_title (painter);
  g_autofree char *date = tutti_format_date (invoice->date, painter->lang);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GString) address = g_string_new (NULL);
  g_autoptr(PangoLayout) stamp_layout = NULL;
  /* Field labels come from core, as in the app's columns. */
  const TuttiField *date_field = tutti_schema_lookup (&tutti_billing_line_schema, "date");
  double y, left_bottom, right_bottom, stamp_width, stamp_height;

  /* Letterhead */
  y = tutti_painter_draw_letterhead (&painter->base, school, MARGIN_LEFT, MARGIN_TOP, LETTERHEAD_WIDTH);
  left_bottom = y;

  /* Title and stamp, top right */
  y = MARGIN_TOP - 4;
  y += tutti_painter_show_text (&painter->base, title, TITLE_X, y, CONTENT_RIGHT - TITLE_X, 24,
                                PANGO_WEIGHT_BOLD, PANGO_ALIGN_RIGHT, &tutti_colour_accent);
  y += 6;
  stamp_layout = tutti_painter_new_layout (&painter->base, text (painter, &stamp_text), 10,
                                           PANGO_WEIGHT_BOLD, 0, PANGO_ALIGN_LEFT);
  stamp_width = tutti_layout_get_width (stamp_layout);
  stamp_height = tutti_layout_get_height (stamp_layout);
  tutti_painter_rectangle (&painter->base, CONTENT_RIGHT - stamp_width - 16, y, stamp_width + 16,
                           stamp_height + 8, 1.2, &stamp, NULL);
  tutti_painter_show_layout (&painter->base, stamp_layout, CONTENT_RIGHT - stamp_width - 8, y + 4, &stamp);

  /* The family's address, in the envelope's window */
  g_string_append_printf (address, "%s\n", name);
  if (invoice->addressee->address != NULL && *invoice->addressee->address != '\0')
    g_string_append_printf (address, "%s\n", invoice->addressee->address);
  g_string_append (address, town);
  y = WINDOW_Y;
  y += tutti_painter_show_text (&painter->base, address->str, WINDOW_X, y, WINDOW_WIDTH, 10.5,
                                PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, &tutti_colour_ink);
  right_bottom = y;

  /* The document's references, beside the window */
  y = MAX (WINDOW_Y, left_bottom + 16);
  y += tutti_painter_show_text (&painter->base, reference, MARGIN_LEFT, y, LETTERHEAD_WIDTH, 11,
                                PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, &tutti_colour_ink);
  y += 4;
  g_string_truncate (details, 0);
  g_string_append_printf (details, "%s%s%s\n", tutti_text_get (&date_field->label, painter->lang),
                          text (painter, &colon), date);
  g_string_append_printf (details, "%s%s%s\n", text (painter, &account_text), text (painter, &colon),
                          tutti_enum_to_label (&tutti_billing_kind_enum, invoice->kind, painter->lang));
  g_string_append_printf (details, "%s%s%s", text (painter, &family_text), text (painter, &colon),
                          invoice->family_name != NULL ? invoice->family_name : "");
  y += tutti_painter_show_text (&painter->base, details->str, MARGIN_LEFT, y, LETTERHEAD_WIDTH, 9.5,
                                PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, &tutti_colour_ink);
  left_bottom = y;

  y = MAX (left_bottom, right_bottom) + 26;
  if (invoice->subject != NULL && *invoice->subject != '\0')
    {
      g_autofree char *subject = g_strdup_printf ("%s%s%s", text (painter, &subject_text),
                                                  text (painter, &colon), invoice->subject);

      y += tutti_painter_show_text (&painter->base, subject, MARGIN_LEFT, y, CONTENT_WIDTH, 10,
                                    PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, &tutti_colour_ink);
      y += 10;
    }
  return y;
}

/* Pages after the first: the school and the document, in one line. */
static double
draw_continued_header (Painter *painter)
{
  g_autofree char *reference = document_title (painter);
  g_autofree char *continued = g_strdup_printf ("%s (%s)", reference,
                                                painter->lang == TUTTI_LANG_FR ? "suite" : "continued");

  return tutti_painter_draw_running_header (&painter->base, painter->invoice->school->name, continued);
}

static void
draw_footer (Painter *painter,
             int      page)
{
  tutti_painter_draw_footer (&painter->base, painter->invoice->school, page, painter->n_pages);
}

/* ---- Totals ----------------------------------------------------------------- */

typedef struct
{
  PangoLayout *total_label;
  PangoLayout *total_amount;
  PangoLayout *balance_label;
  PangoLayout *balance_amount;
  PangoLayout *balance_state;
  PangoLayout *notes;
  double height;
} Totals;

static void
totals_clear (Totals *totals)
{
  g_clear_object (&totals->total_label);
  g_clear_object (&totals->total_amount);
  g_clear_object (&totals->balance_label);
  g_clear_object (&totals->balance_amount);
  g_clear_object (&totals->balance_state);
  g_clear_object (&totals->notes);
}

#define TOTALS_PAD 6.0

/* The balance's label beside its amount and state ("reste dû"). */
static double
balance_height (const Totals *totals)
{
  return MAX (tutti_layout_get_height (totals->balance_label),
              tutti_layout_get_height (totals->balance_amount) +
              tutti_layout_get_height (totals->balance_state));
}

static void
totals_layout (Painter *painter,
               Totals  *totals)
{
  const TuttiInvoice *invoice = painter->invoice;
  const TuttiSchool *school = invoice->school;
  double label_width = CONTENT_RIGHT - TOTALS_X - TOTALS_AMOUNT_WIDTH - 2 * CELL_PAD_X;
  g_autofree char *total = tutti_format_money (invoice->total, painter->lang);
  g_autofree char *balance = tutti_format_money (ABS (invoice->balance), painter->lang);
  g_autofree char *balance_text = balance_label (painter);
  g_autoptr(GString) notes = g_string_new (NULL);
  const TuttiText *state;
  double right, left;

  state = invoice->balance > 0 ? &due_text : invoice->balance < 0 ? &credit_text : &settled_text;

  totals->total_label = tutti_painter_new_layout (&painter->base,
                                                  text (painter, &total_texts[invoice->type]), 10,
                                                  PANGO_WEIGHT_BOLD, label_width, PANGO_ALIGN_LEFT);
  totals->total_amount = tutti_painter_new_layout (&painter->base, total, 10, PANGO_WEIGHT_BOLD,
                                                   TOTALS_AMOUNT_WIDTH - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT);
  totals->balance_label = tutti_painter_new_layout (&painter->base, balance_text, 9, PANGO_WEIGHT_NORMAL,
                                                    label_width, PANGO_ALIGN_LEFT);
  totals->balance_amount = tutti_painter_new_layout (&painter->base, balance, 9, PANGO_WEIGHT_BOLD,
                                                     TOTALS_AMOUNT_WIDTH - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT);
  totals->balance_state = tutti_painter_new_layout (&painter->base, text (painter, state), 8,
                                                    PANGO_WEIGHT_NORMAL,
                                                    TOTALS_AMOUNT_WIDTH - 2 * CELL_PAD_X,
                                                    PANGO_ALIGN_RIGHT);

  if (invoice->type == TUTTI_INVOICE_INVOICE)
    {
      if (painter->lang == TUTTI_LANG_FR)
        g_string_append_printf (notes, "Merci de rappeler le numéro de facture %s lors de votre règlement.",
                                invoice->operation);
      else
        g_string_append_printf (notes, "Please quote invoice number %s with your payment.",
                                invoice->operation);
    }
  else
    g_string_append (notes, text (painter, &thanks_texts[invoice->type]));
  if (school->phone != NULL || school->email != NULL)
    {
      g_autofree char *phone = tutti_unbreakable (school->phone);

      /* As the guide's contact line (FAM-4). */
      g_string_append_printf (notes, "\n%s%s",
                              painter->lang == TUTTI_LANG_FR ? "Pour toute demande, contactez le secrétariat"
                                                             : "For any question, contact the office",
                              painter->lang == TUTTI_LANG_FR ? "\u00a0:" : ":");
      if (school->phone != NULL)
        g_string_append_printf (notes, "\n%s %s", text (painter, &phone_text), phone);
      if (school->email != NULL)
        g_string_append_printf (notes, "\n%s", school->email);
    }
  g_string_append_printf (notes, "\n\n%s", text (painter, &duplicate_text));
  totals->notes = tutti_painter_new_layout (&painter->base, notes->str, 8.5, PANGO_WEIGHT_NORMAL,
                                            TOTALS_X - MARGIN_LEFT - 20, PANGO_ALIGN_LEFT);

  right = MAX (tutti_layout_get_height (totals->total_label),
               tutti_layout_get_height (totals->total_amount)) + 2 * TOTALS_PAD +
          balance_height (totals) + 2 * TOTALS_PAD;
  left = tutti_layout_get_height (totals->notes);
  totals->height = 14 + MAX (left, right);
}

static void
totals_draw (Painter      *painter,
             const Totals *totals,
             double        y)
{
  double amount_x = CONTENT_RIGHT - TOTALS_AMOUNT_WIDTH + CELL_PAD_X;
  double label_x = TOTALS_X + CELL_PAD_X;
  double height;

  y += 14;
  tutti_painter_show_layout (&painter->base, totals->notes, MARGIN_LEFT, y, &tutti_colour_muted);

  height = MAX (tutti_layout_get_height (totals->total_label),
                tutti_layout_get_height (totals->total_amount)) + 2 * TOTALS_PAD;
  tutti_painter_rectangle (&painter->base, TOTALS_X, y, CONTENT_RIGHT - TOTALS_X, height, 0.9,
                           &tutti_colour_accent, &tutti_colour_header_fill);
  tutti_painter_show_layout (&painter->base, totals->total_label, label_x, y + TOTALS_PAD, &tutti_colour_ink);
  tutti_painter_show_layout (&painter->base, totals->total_amount, amount_x, y + TOTALS_PAD,
                             &tutti_colour_ink);
  y += height;

  height = balance_height (totals) + 2 * TOTALS_PAD;
  tutti_painter_show_layout (&painter->base, totals->balance_label, label_x, y + TOTALS_PAD,
                             &tutti_colour_ink);
  tutti_painter_show_layout (&painter->base, totals->balance_amount, amount_x, y + TOTALS_PAD,
                             &tutti_colour_ink);
  tutti_painter_show_layout (&painter->base, totals->balance_state, amount_x,
                             y + TOTALS_PAD + tutti_layout_get_height (totals->balance_amount),
                             &tutti_colour_muted);
  tutti_painter_hline (&painter->base, TOTALS_X, CONTENT_RIGHT, y + height, 0.5, &tutti_colour_rule);
}

/* ---- The document ------------------------------------------------------------ */

/* Which page each row goes on, and the totals' page. */
typedef struct
{
  int *row_pages;
  int totals_page;
  int n_pages;
} Pagination;

static void
paginate (Pagination          *pagination,
          const TuttiPaintRow *rows,
          guint                n_rows,
          const TuttiPaintRow *header,
          double               first_top,
          double               totals_height)
{
  int page = 1;
  double y = first_top + header->height;

  pagination->row_pages = g_new0 (int, MAX (n_rows, 1));
  for (guint i = 0; i < n_rows; i++)
    {
      /* A row taller than a page still goes alone on its page. */
      if (y + rows[i].height > BODY_BOTTOM && y > CONTINUED_TOP + header->height)
        {
          page++;
          y = CONTINUED_TOP + header->height;
        }
      pagination->row_pages[i] = page;
      y += rows[i].height;
    }
  if (y + totals_height > BODY_BOTTOM)
    {
      page++;
      y = CONTINUED_TOP;
    }
  pagination->totals_page = page;
  pagination->n_pages = page;
}

GBytes *
tutti_invoice_render (const TuttiInvoice  *self,
                      GError             **error)
{
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;
  g_autofree TuttiPaintRow *rows = NULL;
  Painter painter = { { 0 }, };
  Pagination pagination = { 0 };
  Totals totals = { 0 };
  Table table;
  TuttiPaintRow header = { 0 };
  const char *header_texts[MAX_COLUMNS];
  double first_top, y, table_top;
  int page;
  guint n_rows;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->school != NULL && self->addressee != NULL, NULL);

  painter.invoice = self;
  painter.lang = self->lang;
  reference = document_title (&painter);
  title = g_strdup_printf ("%s (%s)", reference, text (&painter, &stamp_text));
  tutti_painter_init (&painter.base, self->lang, title, self->school->name, self->date);

  /* Lay everything out first: the page count is in every footer. */
  table_init (&table, self);
  for (guint i = 0; i < table.paint.n_columns; i++)
    header_texts[i] = column_title (&painter, table.contents[i]);
  tutti_paint_row_layout (&painter.base, &table.paint, &header, header_texts, TABLE_TEXT_SIZE,
                          PANGO_WEIGHT_BOLD);

  n_rows = self->rows->len;
  rows = g_new0 (TuttiPaintRow, MAX (n_rows, 1));
  for (guint i = 0; i < n_rows; i++)
    {
      const TuttiBillingLine *line = g_ptr_array_index (self->rows, i);
      char *texts[MAX_COLUMNS] = { NULL, };

      for (guint c = 0; c < table.paint.n_columns; c++)
        texts[c] = cell_text (&painter, table.contents[c], line);
      tutti_paint_row_layout (&painter.base, &table.paint, &rows[i], (const char * const *) texts,
                              TABLE_TEXT_SIZE, PANGO_WEIGHT_NORMAL);
      for (guint c = 0; c < table.paint.n_columns; c++)
        g_free (texts[c]);
    }
  totals_layout (&painter, &totals);

  /* The first page's header is drawn now to know where the table starts;
   * its height does not depend on the rows. */
  first_top = draw_first_page_header (&painter);
  paginate (&pagination, rows, n_rows, &header, first_top, totals.height);
  painter.n_pages = pagination.n_pages;

  page = 1;
  table_top = first_top;
  tutti_paint_row_draw (&painter.base, &table.paint, &header, table_top, &tutti_colour_header_fill);
  y = table_top + header.height;
  for (guint i = 0; i <= n_rows; i++)
    {
      gboolean last = i == n_rows;

      if (last || pagination.row_pages[i] != page)
        {
          /* Close this page's part of the table. */
          tutti_paint_table_frame (&painter.base, &table.paint, table_top, y);
          if (last)
            break;
          draw_footer (&painter, page);
          tutti_painter_show_page (&painter.base);
          page++;
          table_top = draw_continued_header (&painter);
          tutti_paint_row_draw (&painter.base, &table.paint, &header, table_top, &tutti_colour_header_fill);
          y = table_top + header.height;
        }
      tutti_paint_row_draw (&painter.base, &table.paint, &rows[i], y, NULL);
      y += rows[i].height;
      if (i + 1 < n_rows && pagination.row_pages[i + 1] == page)
        tutti_painter_hline (&painter.base, MARGIN_LEFT, CONTENT_RIGHT, y, 0.5, &tutti_colour_rule);
    }

  if (pagination.totals_page != page)
    {
      draw_footer (&painter, page);
      tutti_painter_show_page (&painter.base);
      page++;
      y = draw_continued_header (&painter);
    }
  totals_draw (&painter, &totals, y);
  draw_footer (&painter, page);
  tutti_painter_show_page (&painter.base);

  for (guint i = 0; i < n_rows; i++)
    tutti_paint_row_clear (&rows[i]);
  tutti_paint_row_clear (&header);
  totals_clear (&totals);
  g_free (pagination.row_pages);

  return tutti_painter_finish (&painter.base, error);
}
