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
 * uses a font map of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tutti-invoice.h"

/* ---- Geometry, in PDF points (1/72 inch) ---------------------------------- */

#define PAGE_WIDTH     595.0
#define PAGE_HEIGHT    842.0
#define MARGIN_LEFT     51.0   /* 18 mm */
#define MARGIN_TOP      48.0
#define CONTENT_RIGHT  (PAGE_WIDTH - 51.0)
#define CONTENT_WIDTH  (CONTENT_RIGHT - MARGIN_LEFT)

/* The address block, where the window of a DL envelope with a right-hand
 * window shows it once the sheet is folded in three: 110 mm from the left,
 * 53 mm from the top, 82 mm wide. */
#define WINDOW_X       312.0
#define WINDOW_Y       150.0
#define WINDOW_WIDTH   232.0

#define LETTERHEAD_WIDTH 250.0
#define TITLE_X        300.0   /* the title and its stamp, right-aligned from here */
#define FOOTER_RULE_Y  788.0
#define BODY_BOTTOM    (FOOTER_RULE_Y - 18.0)
#define CONTINUED_TOP   98.0   /* the table's top on the pages after the first */
#define CONTINUED_SPLIT 380.0  /* between the school and the document in their header */

#define CELL_PAD_X       6.0
#define CELL_PAD_Y       4.5
#define AMOUNT_WIDTH   104.0
#define DATE_WIDTH      76.0
#define METHOD_WIDTH   118.0
#define TOTALS_X       250.0
#define TOTALS_AMOUNT_WIDTH 84.0

#define FONT_FAMILY "Nimbus Sans, Liberation Sans, Arimo, Helvetica, DejaVu Sans, sans-serif"

typedef struct
{
  double red, green, blue;
} Colour;

static const Colour ink         = { 0.11, 0.11, 0.13 };
static const Colour muted       = { 0.37, 0.38, 0.42 };
static const Colour accent      = { 0.10, 0.30, 0.53 };  /* the portal's blue */
static const Colour header_fill = { 0.90, 0.93, 0.97 };
static const Colour rule        = { 0.72, 0.74, 0.78 };
static const Colour stamp       = { 0.65, 0.11, 0.18 };

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
  const TuttiInvoice *invoice;
  TuttiLang lang;
  cairo_t *cr;
  PangoContext *context;
  PangoFontDescription *font;
  int n_pages;
} Painter;

static void
set_colour (Painter      *painter,
            const Colour *colour)
{
  cairo_set_source_rgb (painter->cr, colour->red, colour->green, colour->blue);
}

/* A paragraph of plain text (never markup: labels come from people). A
 * @width of 0 leaves it on one line. */
static PangoLayout *
new_layout (Painter        *painter,
            const char     *text,
            double          size,
            PangoWeight     weight,
            double          width,
            PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (painter->context);
  PangoFontDescription *font = pango_font_description_copy (painter->font);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_line_spacing (layout, 1.1);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) width / PANGO_SCALE;
}

static void
show_layout (Painter      *painter,
             PangoLayout  *layout,
             double        x,
             double        y,
             const Colour *colour)
{
  set_colour (painter, colour);
  cairo_move_to (painter->cr, x, y);
  pango_cairo_show_layout (painter->cr, layout);
}

/* Draws @text and returns its height. */
static double
show_text (Painter        *painter,
           const char     *text,
           double          x,
           double          y,
           double          width,
           double          size,
           PangoWeight     weight,
           PangoAlignment  alignment,
           const Colour   *colour)
{
  g_autoptr(PangoLayout) layout = new_layout (painter, text, size, weight, width, alignment);

  show_layout (painter, layout, x, y, colour);
  return layout_height (layout);
}

static void
hline (Painter      *painter,
       double        x1,
       double        x2,
       double        y,
       double        width,
       const Colour *colour)
{
  set_colour (painter, colour);
  cairo_set_line_width (painter->cr, width);
  cairo_move_to (painter->cr, x1, y);
  cairo_line_to (painter->cr, x2, y);
  cairo_stroke (painter->cr);
}

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

static char *
postcode_town (const char *postcode,
               const char *town)
{
  return g_strstrip (g_strdup_printf ("%s %s", postcode != NULL ? postcode : "",
                                      town != NULL ? town : ""));
}

/* A phone number that does not break across lines: "02 99 74 68 64". */
static char *
unbreakable (const char *phone)
{
  g_autoptr(GString) result = g_string_new (NULL);

  for (const char *p = phone != NULL ? phone : ""; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append (result, "\u00a0");
      else
        g_string_append_c (result, *p);
    }
  return g_string_free (g_steal_pointer (&result), FALSE);
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

typedef struct
{
  ColumnContent content;
  double x;
  double width;
  PangoAlignment alignment;
} Column;

#define MAX_COLUMNS 4

typedef struct
{
  Column columns[MAX_COLUMNS];
  guint n_columns;
} Table;

static void
table_init (Table              *table,
            const TuttiInvoice *invoice)
{
  static const ColumnContent receipt[] = { COLUMN_DATE, COLUMN_METHOD, COLUMN_LABEL, COLUMN_AMOUNT };
  static const ColumnContent items[] = { COLUMN_LABEL, COLUMN_AMOUNT };
  const ColumnContent *contents = invoice->type == TUTTI_INVOICE_RECEIPT ? receipt : items;
  guint n = invoice->type == TUTTI_INVOICE_RECEIPT ? G_N_ELEMENTS (receipt) : G_N_ELEMENTS (items);
  double fixed = 0;
  double x = MARGIN_LEFT;

  table->n_columns = n;
  for (guint i = 0; i < n; i++)
    {
      Column *column = &table->columns[i];

      column->content = contents[i];
      column->alignment = contents[i] == COLUMN_AMOUNT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      column->width = contents[i] == COLUMN_DATE ? DATE_WIDTH :
                      contents[i] == COLUMN_METHOD ? METHOD_WIDTH :
                      contents[i] == COLUMN_AMOUNT ? AMOUNT_WIDTH : 0;
      fixed += column->width;
    }
  for (guint i = 0; i < n; i++)
    {
      Column *column = &table->columns[i];

      if (column->width == 0)
        column->width = CONTENT_WIDTH - fixed;
      column->x = x;
      x += column->width;
    }
}

static const char *
column_title (Painter      *painter,
              const Column *column)
{
  const TuttiField *field;

  switch (column->content)
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
           const Column           *column,
           const TuttiBillingLine *line)
{
  const char *method;

  switch (column->content)
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

/* One table row, laid out once to know its height, then drawn. */
typedef struct
{
  PangoLayout *cells[MAX_COLUMNS];
  guint n_cells;
  double height;
} Row;

static void
row_clear (Row *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    g_clear_object (&row->cells[i]);
}

static void
row_layout (Painter      *painter,
            const Table  *table,
            Row          *row,
            const char  **texts,
            PangoWeight   weight)
{
  double height = 0;

  row->n_cells = table->n_columns;
  for (guint i = 0; i < table->n_columns; i++)
    {
      const Column *column = &table->columns[i];

      row->cells[i] = new_layout (painter, texts[i], TABLE_TEXT_SIZE, weight,
                                  column->width - 2 * CELL_PAD_X, column->alignment);
      height = MAX (height, layout_height (row->cells[i]));
    }
  row->height = height + 2 * CELL_PAD_Y;
}

static void
row_draw (Painter      *painter,
          const Table  *table,
          const Row    *row,
          double        y,
          const Colour *fill)
{
  if (fill != NULL)
    {
      set_colour (painter, fill);
      cairo_rectangle (painter->cr, MARGIN_LEFT, y, CONTENT_WIDTH, row->height);
      cairo_fill (painter->cr);
    }
  for (guint i = 0; i < row->n_cells; i++)
    show_layout (painter, row->cells[i], table->columns[i].x + CELL_PAD_X, y + CELL_PAD_Y, &ink);
}

/* The frame and the column rules of the part of the table between @top
 * and @bottom on this page. */
static void
table_frame (Painter     *painter,
             const Table *table,
             double       top,
             double       bottom)
{
  set_colour (painter, &rule);
  cairo_set_line_width (painter->cr, 0.5);
  for (guint i = 1; i < table->n_columns; i++)
    {
      cairo_move_to (painter->cr, table->columns[i].x, top);
      cairo_line_to (painter->cr, table->columns[i].x, bottom);
    }
  cairo_stroke (painter->cr);

  set_colour (painter, &accent);
  cairo_set_line_width (painter->cr, 0.9);
  cairo_rectangle (painter->cr, MARGIN_LEFT, top, CONTENT_WIDTH, bottom - top);
  cairo_stroke (painter->cr);
}

/* ---- Page furniture --------------------------------------------------------- */

/* The letterhead, the title with its stamp, the address and the document's
 * references. Returns where the table starts. */
static double
draw_first_page_header (Painter *painter)
{
  const TuttiInvoice *invoice = painter->invoice;
  const TuttiSchool *school = invoice->school;
  g_autofree char *title = g_utf8_strup (text (painter, &title_texts[invoice->type]), -1);
  g_autofree char *school_town = postcode_town (school->postcode, school->town);
  g_autofree char *phone = NULL;
  g_autofree char *name = addressee_name (painter);
  g_autofree char *town = postcode_town (invoice->addressee->postcode, invoice->addressee->town);
  g_autofree char *reference = document_title (painter);
  g_autofree char *date = tutti_format_date (invoice->date, painter->lang);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GString) address = g_string_new (NULL);
  g_autoptr(PangoLayout) stamp_layout = NULL;
  /* Field labels come from core, as in the app's columns. */
  const TuttiField *date_field = tutti_schema_lookup (&tutti_billing_line_schema, "date");
  double y, left_bottom, right_bottom, stamp_width, stamp_height;

  /* Letterhead */
  y = MARGIN_TOP;
  y += show_text (painter, school->name, MARGIN_LEFT, y, LETTERHEAD_WIDTH, 12.5, PANGO_WEIGHT_BOLD,
                  PANGO_ALIGN_LEFT, &accent);
  y += 5;
  if (school->address != NULL && *school->address != '\0')
    g_string_append_printf (details, "%s\n", school->address);
  if (*school_town != '\0')
    g_string_append_printf (details, "%s\n", school_town);
  if (school->phone != NULL && *school->phone != '\0')
    {
      g_autofree char *number = unbreakable (school->phone);

      phone = g_strdup_printf ("%s %s", text (painter, &phone_text), number);
      g_string_append_printf (details, "%s\n", phone);
    }
  if (school->email != NULL && *school->email != '\0')
    g_string_append_printf (details, "%s\n", school->email);
  if (details->len > 0)
    g_string_truncate (details, details->len - 1);
  y += show_text (painter, details->str, MARGIN_LEFT, y, LETTERHEAD_WIDTH, 8.5, PANGO_WEIGHT_NORMAL,
                  PANGO_ALIGN_LEFT, &muted);
  left_bottom = y;

  /* Title and stamp, top right */
  y = MARGIN_TOP - 4;
  y += show_text (painter, title, TITLE_X, y, CONTENT_RIGHT - TITLE_X, 24, PANGO_WEIGHT_BOLD,
                  PANGO_ALIGN_RIGHT, &accent);
  y += 6;
  stamp_layout = new_layout (painter, text (painter, &stamp_text), 10, PANGO_WEIGHT_BOLD, 0,
                             PANGO_ALIGN_LEFT);
  stamp_width = layout_width (stamp_layout);
  stamp_height = layout_height (stamp_layout);
  set_colour (painter, &stamp);
  cairo_set_line_width (painter->cr, 1.2);
  cairo_rectangle (painter->cr, CONTENT_RIGHT - stamp_width - 16, y, stamp_width + 16, stamp_height + 8);
  cairo_stroke (painter->cr);
  show_layout (painter, stamp_layout, CONTENT_RIGHT - stamp_width - 8, y + 4, &stamp);

  /* The family's address, in the envelope's window */
  g_string_append_printf (address, "%s\n", name);
  if (invoice->addressee->address != NULL && *invoice->addressee->address != '\0')
    g_string_append_printf (address, "%s\n", invoice->addressee->address);
  g_string_append (address, town);
  y = WINDOW_Y;
  y += show_text (painter, address->str, WINDOW_X, y, WINDOW_WIDTH, 10.5, PANGO_WEIGHT_NORMAL,
                  PANGO_ALIGN_LEFT, &ink);
  right_bottom = y;

  /* The document's references, beside the window */
  y = MAX (WINDOW_Y, left_bottom + 16);
  y += show_text (painter, reference, MARGIN_LEFT, y, LETTERHEAD_WIDTH, 11, PANGO_WEIGHT_BOLD,
                  PANGO_ALIGN_LEFT, &ink);
  y += 4;
  g_string_truncate (details, 0);
  g_string_append_printf (details, "%s%s%s\n", tutti_text_get (&date_field->label, painter->lang),
                          text (painter, &colon), date);
  g_string_append_printf (details, "%s%s%s\n", text (painter, &account_text), text (painter, &colon),
                          tutti_enum_to_label (&tutti_billing_kind_enum, invoice->kind, painter->lang));
  g_string_append_printf (details, "%s%s%s", text (painter, &family_text), text (painter, &colon),
                          invoice->family_name != NULL ? invoice->family_name : "");
  y += show_text (painter, details->str, MARGIN_LEFT, y, LETTERHEAD_WIDTH, 9.5, PANGO_WEIGHT_NORMAL,
                  PANGO_ALIGN_LEFT, &ink);
  left_bottom = y;

  y = MAX (left_bottom, right_bottom) + 26;
  if (invoice->subject != NULL && *invoice->subject != '\0')
    {
      g_autofree char *subject = g_strdup_printf ("%s%s%s", text (painter, &subject_text),
                                                  text (painter, &colon), invoice->subject);

      y += show_text (painter, subject, MARGIN_LEFT, y, CONTENT_WIDTH, 10, PANGO_WEIGHT_BOLD,
                      PANGO_ALIGN_LEFT, &ink);
      y += 10;
    }
  return y;
}

/* Pages after the first: the school and the document, in one line. */
static double
draw_continued_header (Painter *painter)
{
  const TuttiInvoice *invoice = painter->invoice;
  g_autofree char *reference = document_title (painter);
  g_autofree char *continued = g_strdup_printf ("%s (%s)", reference,
                                                painter->lang == TUTTI_LANG_FR ? "suite" : "continued");
  double height;

  height = show_text (painter, invoice->school->name, MARGIN_LEFT, MARGIN_TOP,
                      CONTINUED_SPLIT - MARGIN_LEFT - 12, 9.5, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT,
                      &accent);
  height = MAX (height, show_text (painter, continued, CONTINUED_SPLIT, MARGIN_TOP,
                                   CONTENT_RIGHT - CONTINUED_SPLIT, 9.5, PANGO_WEIGHT_BOLD,
                                   PANGO_ALIGN_RIGHT, &ink));
  hline (painter, MARGIN_LEFT, CONTENT_RIGHT, MARGIN_TOP + height + 8, 0.9, &accent);
  return CONTINUED_TOP;
}

static void
draw_footer (Painter *painter,
             int      page)
{
  const TuttiSchool *school = painter->invoice->school;
  g_autofree char *town = postcode_town (school->postcode, school->town);
  g_autoptr(GString) line = g_string_new (school->name);
  g_autofree char *page_text = NULL;

  hline (painter, MARGIN_LEFT, CONTENT_RIGHT, FOOTER_RULE_Y, 0.6, &rule);

  if (school->address != NULL && *school->address != '\0')
    g_string_append_printf (line, " — %s", school->address);
  if (*town != '\0')
    g_string_append_printf (line, ", %s", town);
  g_string_append_c (line, '\n');
  if (school->phone != NULL && *school->phone != '\0')
    g_string_append_printf (line, "%s %s", text (painter, &phone_text), school->phone);
  if (school->email != NULL && *school->email != '\0')
    g_string_append_printf (line, " — %s", school->email);
  if (school->website != NULL && *school->website != '\0')
    g_string_append_printf (line, "\n%s", school->website);

  show_text (painter, line->str, MARGIN_LEFT, FOOTER_RULE_Y + 6, CONTENT_WIDTH - 80, 7.5,
             PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, &muted);

  if (painter->lang == TUTTI_LANG_FR)
    page_text = g_strdup_printf ("Page %d / %d", page, painter->n_pages);
  else
    page_text = g_strdup_printf ("Page %d of %d", page, painter->n_pages);
  show_text (painter, page_text, CONTENT_RIGHT - 80, FOOTER_RULE_Y + 6, 80, 7.5,
             PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, &muted);
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
  return MAX (layout_height (totals->balance_label),
              layout_height (totals->balance_amount) + layout_height (totals->balance_state));
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

  totals->total_label = new_layout (painter, text (painter, &total_texts[invoice->type]), 10,
                                    PANGO_WEIGHT_BOLD, label_width, PANGO_ALIGN_LEFT);
  totals->total_amount = new_layout (painter, total, 10, PANGO_WEIGHT_BOLD,
                                     TOTALS_AMOUNT_WIDTH - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT);
  totals->balance_label = new_layout (painter, balance_text, 9, PANGO_WEIGHT_NORMAL,
                                      label_width, PANGO_ALIGN_LEFT);
  totals->balance_amount = new_layout (painter, balance, 9, PANGO_WEIGHT_BOLD,
                                       TOTALS_AMOUNT_WIDTH - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT);
  totals->balance_state = new_layout (painter, text (painter, state), 8, PANGO_WEIGHT_NORMAL,
                                      TOTALS_AMOUNT_WIDTH - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT);

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
      g_autofree char *phone = unbreakable (school->phone);

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
  totals->notes = new_layout (painter, notes->str, 8.5, PANGO_WEIGHT_NORMAL,
                              TOTALS_X - MARGIN_LEFT - 20, PANGO_ALIGN_LEFT);

  right = MAX (layout_height (totals->total_label), layout_height (totals->total_amount)) + 2 * TOTALS_PAD +
          balance_height (totals) + 2 * TOTALS_PAD;
  left = layout_height (totals->notes);
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
  show_layout (painter, totals->notes, MARGIN_LEFT, y, &muted);

  height = MAX (layout_height (totals->total_label), layout_height (totals->total_amount)) + 2 * TOTALS_PAD;
  set_colour (painter, &header_fill);
  cairo_rectangle (painter->cr, TOTALS_X, y, CONTENT_RIGHT - TOTALS_X, height);
  cairo_fill (painter->cr);
  set_colour (painter, &accent);
  cairo_set_line_width (painter->cr, 0.9);
  cairo_rectangle (painter->cr, TOTALS_X, y, CONTENT_RIGHT - TOTALS_X, height);
  cairo_stroke (painter->cr);
  show_layout (painter, totals->total_label, label_x, y + TOTALS_PAD, &ink);
  show_layout (painter, totals->total_amount, amount_x, y + TOTALS_PAD, &ink);
  y += height;

  height = balance_height (totals) + 2 * TOTALS_PAD;
  show_layout (painter, totals->balance_label, label_x, y + TOTALS_PAD, &ink);
  show_layout (painter, totals->balance_amount, amount_x, y + TOTALS_PAD, &ink);
  show_layout (painter, totals->balance_state, amount_x,
               y + TOTALS_PAD + layout_height (totals->balance_amount), &muted);
  hline (painter, TOTALS_X, CONTENT_RIGHT, y + height, 0.5, &rule);
}

/* ---- The document ------------------------------------------------------------ */

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Which page each row goes on, and the totals' page. */
typedef struct
{
  int *row_pages;
  int totals_page;
  int n_pages;
} Pagination;

static void
paginate (Pagination *pagination,
          const Row  *rows,
          guint       n_rows,
          const Row  *header,
          double      first_top,
          double      totals_height)
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

static char *
pdf_date (const char *iso_date)
{
  int year, month, day;

  /* Fixed when the document has no date: still no clock. */
  if (!tutti_parse_date (iso_date, &year, &month, &day))
    return g_strdup ("2000-01-01T00:00:00");
  return g_strdup_printf ("%04d-%02d-%02dT00:00:00", year, month, day);
}

GBytes *
tutti_invoice_render (const TuttiInvoice  *self,
                      GError             **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(PangoFontMap) font_map = NULL;
  PangoContext *context;
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree Row *rows = NULL;
  cairo_font_options_t *options;
  cairo_surface_t *surface;
  cairo_status_t status;
  Painter painter = { 0 };
  Pagination pagination = { 0 };
  Totals totals = { 0 };
  Table table;
  Row header = { 0 };
  const char *header_texts[MAX_COLUMNS];
  double first_top, y, table_top;
  int page;
  guint n_rows;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->school != NULL && self->addressee != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (write_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  painter.invoice = self;
  painter.lang = self->lang;
  painter.cr = cairo_create (surface);

  reference = document_title (&painter);
  title = g_strdup_printf ("%s (%s)", reference, text (&painter, &stamp_text));
  date = pdf_date (self->date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  self->school->name != NULL ? self->school->name : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tutti");
  /* Without these cairo writes the time of the rendering. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  /* A font map of this thread's own; no hinting, which is for screens. */
  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string (tutti_lang_to_tag (self->lang)));
  pango_cairo_update_context (painter.cr, context);
  painter.context = context;
  painter.font = pango_font_description_new ();
  pango_font_description_set_family (painter.font, FONT_FAMILY);

  /* Lay everything out first: the page count is in every footer. */
  table_init (&table, self);
  for (guint i = 0; i < table.n_columns; i++)
    header_texts[i] = column_title (&painter, &table.columns[i]);
  row_layout (&painter, &table, &header, header_texts, PANGO_WEIGHT_BOLD);

  n_rows = self->rows->len;
  rows = g_new0 (Row, MAX (n_rows, 1));
  for (guint i = 0; i < n_rows; i++)
    {
      const TuttiBillingLine *line = g_ptr_array_index (self->rows, i);
      char *texts[MAX_COLUMNS] = { NULL, };

      for (guint c = 0; c < table.n_columns; c++)
        texts[c] = cell_text (&painter, &table.columns[c], line);
      row_layout (&painter, &table, &rows[i], (const char **) texts, PANGO_WEIGHT_NORMAL);
      for (guint c = 0; c < table.n_columns; c++)
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
  row_draw (&painter, &table, &header, table_top, &header_fill);
  y = table_top + header.height;
  for (guint i = 0; i <= n_rows; i++)
    {
      gboolean last = i == n_rows;

      if (last || pagination.row_pages[i] != page)
        {
          /* Close this page's part of the table. */
          table_frame (&painter, &table, table_top, y);
          if (last)
            break;
          draw_footer (&painter, page);
          cairo_show_page (painter.cr);
          page++;
          table_top = draw_continued_header (&painter);
          row_draw (&painter, &table, &header, table_top, &header_fill);
          y = table_top + header.height;
        }
      row_draw (&painter, &table, &rows[i], y, NULL);
      y += rows[i].height;
      if (i + 1 < n_rows && pagination.row_pages[i + 1] == page)
        hline (&painter, MARGIN_LEFT, CONTENT_RIGHT, y, 0.5, &rule);
    }

  if (pagination.totals_page != page)
    {
      draw_footer (&painter, page);
      cairo_show_page (painter.cr);
      page++;
      y = draw_continued_header (&painter);
    }
  totals_draw (&painter, &totals, y);
  draw_footer (&painter, page);
  cairo_show_page (painter.cr);

  for (guint i = 0; i < n_rows; i++)
    row_clear (&rows[i]);
  row_clear (&header);
  totals_clear (&totals);
  g_free (pagination.row_pages);
  pango_font_description_free (painter.font);
  g_object_unref (context);
  cairo_destroy (painter.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Drawing the PDF of %s: %s",
                   self->operation, cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
