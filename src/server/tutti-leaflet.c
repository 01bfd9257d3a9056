/* tutti-leaflet.c — the school's printed documents on A4
 *
 * Two layers. The painter is what every document of the school draws
 * with — cairo's PDF surface, pango with a font map of its own (so that
 * workers can draw at once), the school's letterhead, the running header
 * of the pages after the first, the footer with the school's contact and
 * "Page N / M", ruled tables — shared with the invoices (tutti-invoice.c).
 * A leaflet is a document that flows: blocks added in order and laid out
 * down the pages, paragraphs split between lines (never leaving one line
 * alone), tables split between rows under their header again, headings
 * kept with what follows, lines and boxes for a family to fill in.
 *
 * A leaflet is laid out twice, the first time without drawing, to know
 * its page count before the first footer. Identical blocks give identical
 * bytes: nothing depends on the clock, the PDF's dates included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <cairo-pdf.h>
#include <stdarg.h>
#include <string.h>

#include "tutti-leaflet.h"

#define FONT_FAMILY "Nimbus Sans, Liberation Sans, Arimo, Helvetica, DejaVu Sans, sans-serif"

const TuttiColour tutti_colour_ink         = { 0.11, 0.11, 0.13 };
const TuttiColour tutti_colour_muted       = { 0.37, 0.38, 0.42 };
const TuttiColour tutti_colour_accent      = { 0.10, 0.30, 0.53 };
const TuttiColour tutti_colour_header_fill = { 0.90, 0.93, 0.97 };
const TuttiColour tutti_colour_rule        = { 0.72, 0.74, 0.78 };

static const TuttiText phone_text = { "Tel.", "Tél." };
static const TuttiText continued_text = { "continued", "suite" };

/* ---- The painter ------------------------------------------------------------- */

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
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

void
tutti_painter_init (TuttiPainter *self,
                    TuttiLang     lang,
                    const char   *title,
                    const char   *author,
                    const char   *iso_date)
{
  g_autofree char *date = pdf_date (iso_date);
  cairo_font_options_t *options;

  memset (self, 0, sizeof *self);
  self->lang = lang;
  self->title = g_strdup (title != NULL ? title : "");
  self->bytes = g_byte_array_new ();
  self->surface = cairo_pdf_surface_create_for_stream (write_bytes, self->bytes,
                                                       TUTTI_PAGE_WIDTH, TUTTI_PAGE_HEIGHT);
  self->cr = cairo_create (self->surface);

  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_AUTHOR, author != NULL ? author : "");
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, "Tutti");
  /* Without these cairo writes the time of the rendering. */
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  /* A font map of this thread's own; no hinting, which is for screens. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string (tutti_lang_to_tag (lang)));
  pango_cairo_update_context (self->cr, self->context);
  self->font = pango_font_description_new ();
  pango_font_description_set_family (self->font, FONT_FAMILY);
}

GBytes *
tutti_painter_finish (TuttiPainter  *self,
                      GError       **error)
{
  cairo_status_t status;
  GBytes *bytes = NULL;

  pango_font_description_free (self->font);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  cairo_destroy (self->cr);
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  cairo_surface_destroy (self->surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Drawing the PDF of “%s”: %s",
                   self->title, cairo_status_to_string (status));
      g_byte_array_unref (self->bytes);
    }
  else
    bytes = g_byte_array_free_to_bytes (self->bytes);
  g_free (self->title);
  memset (self, 0, sizeof *self);
  return bytes;
}

const char *
tutti_painter_text (TuttiPainter    *self,
                    const TuttiText *text)
{
  return tutti_text_get (text, self->lang);
}

void
tutti_painter_set_colour (TuttiPainter      *self,
                          const TuttiColour *colour)
{
  cairo_set_source_rgb (self->cr, colour->red, colour->green, colour->blue);
}

PangoLayout *
tutti_painter_new_layout (TuttiPainter   *self,
                          const char     *text,
                          double          size,
                          PangoWeight     weight,
                          double          width,
                          PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_copy (self->font);

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

double
tutti_layout_get_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

double
tutti_layout_get_width (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) width / PANGO_SCALE;
}

void
tutti_painter_show_layout (TuttiPainter      *self,
                           PangoLayout       *layout,
                           double             x,
                           double             y,
                           const TuttiColour *colour)
{
  if (self->measuring)
    return;
  tutti_painter_set_colour (self, colour);
  cairo_move_to (self->cr, x, y);
  pango_cairo_show_layout (self->cr, layout);
}

double
tutti_painter_show_text (TuttiPainter      *self,
                         const char        *text,
                         double             x,
                         double             y,
                         double             width,
                         double             size,
                         PangoWeight        weight,
                         PangoAlignment     alignment,
                         const TuttiColour *colour)
{
  g_autoptr(PangoLayout) layout = tutti_painter_new_layout (self, text, size, weight, width, alignment);

  tutti_painter_show_layout (self, layout, x, y, colour);
  return tutti_layout_get_height (layout);
}

void
tutti_painter_hline (TuttiPainter      *self,
                     double             x1,
                     double             x2,
                     double             y,
                     double             width,
                     const TuttiColour *colour)
{
  if (self->measuring)
    return;
  tutti_painter_set_colour (self, colour);
  cairo_set_line_width (self->cr, width);
  cairo_move_to (self->cr, x1, y);
  cairo_line_to (self->cr, x2, y);
  cairo_stroke (self->cr);
}

void
tutti_painter_rectangle (TuttiPainter      *self,
                         double             x,
                         double             y,
                         double             width,
                         double             height,
                         double             line_width,
                         const TuttiColour *stroke,
                         const TuttiColour *fill)
{
  if (self->measuring)
    return;
  if (fill != NULL)
    {
      tutti_painter_set_colour (self, fill);
      cairo_rectangle (self->cr, x, y, width, height);
      cairo_fill (self->cr);
    }
  if (stroke != NULL)
    {
      tutti_painter_set_colour (self, stroke);
      cairo_set_line_width (self->cr, line_width);
      cairo_rectangle (self->cr, x, y, width, height);
      cairo_stroke (self->cr);
    }
}

void
tutti_painter_show_page (TuttiPainter *self)
{
  if (!self->measuring)
    cairo_show_page (self->cr);
}

char *
tutti_postcode_town (const char *postcode,
                     const char *town)
{
  return g_strstrip (g_strdup_printf ("%s %s", postcode != NULL ? postcode : "",
                                      town != NULL ? town : ""));
}

char *
tutti_unbreakable (const char *text)
{
  g_autoptr(GString) result = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append (result, "\u00a0");
      else
        g_string_append_c (result, *p);
    }
  return g_string_free (g_steal_pointer (&result), FALSE);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

double
tutti_painter_draw_letterhead (TuttiPainter      *self,
                               const TuttiSchool *school,
                               double             x,
                               double             y,
                               double             width)
{
  g_autofree char *town = tutti_postcode_town (school->postcode, school->town);
  g_autoptr(GString) details = g_string_new (NULL);

  y += tutti_painter_show_text (self, school->name, x, y, width, 12.5, PANGO_WEIGHT_BOLD,
                                PANGO_ALIGN_LEFT, &tutti_colour_accent);
  y += 5;
  if (is_set (school->address))
    g_string_append_printf (details, "%s\n", school->address);
  if (*town != '\0')
    g_string_append_printf (details, "%s\n", town);
  if (is_set (school->phone))
    {
      g_autofree char *number = tutti_unbreakable (school->phone);

      g_string_append_printf (details, "%s %s\n", tutti_painter_text (self, &phone_text), number);
    }
  if (is_set (school->email))
    g_string_append_printf (details, "%s\n", school->email);
  if (details->len > 0)
    g_string_truncate (details, details->len - 1);
  y += tutti_painter_show_text (self, details->str, x, y, width, 8.5, PANGO_WEIGHT_NORMAL,
                                PANGO_ALIGN_LEFT, &tutti_colour_muted);
  return y;
}

double
tutti_painter_draw_running_header (TuttiPainter *self,
                                   const char   *left,
                                   const char   *right)
{
  g_autoptr(PangoLayout) right_layout = tutti_painter_new_layout (self, right, 9.5, PANGO_WEIGHT_BOLD, 0,
                                                                  PANGO_ALIGN_LEFT);
  /* @right on one line if it takes at most half the width, @left beside it. */
  double right_width = MIN (tutti_layout_get_width (right_layout), TUTTI_PAGE_CONTENT_WIDTH / 2);
  double split = TUTTI_PAGE_RIGHT - right_width;
  double height;

  height = tutti_painter_show_text (self, left, TUTTI_PAGE_LEFT, TUTTI_PAGE_TOP,
                                    split - TUTTI_PAGE_LEFT - 16, 9.5, PANGO_WEIGHT_BOLD,
                                    PANGO_ALIGN_LEFT, &tutti_colour_accent);
  height = MAX (height, tutti_painter_show_text (self, right, split, TUTTI_PAGE_TOP, right_width + 0.5,
                                                 9.5, PANGO_WEIGHT_BOLD, PANGO_ALIGN_RIGHT,
                                                 &tutti_colour_ink));
  tutti_painter_hline (self, TUTTI_PAGE_LEFT, TUTTI_PAGE_RIGHT, TUTTI_PAGE_TOP + height + 8, 0.9,
                       &tutti_colour_accent);
  return TUTTI_PAGE_CONTINUED_TOP;
}

void
tutti_painter_draw_footer (TuttiPainter      *self,
                           const TuttiSchool *school,
                           int                page,
                           int                n_pages)
{
  g_autofree char *town = tutti_postcode_town (school->postcode, school->town);
  g_autoptr(GString) line = g_string_new (school->name);
  g_autofree char *page_text = NULL;

  tutti_painter_hline (self, TUTTI_PAGE_LEFT, TUTTI_PAGE_RIGHT, TUTTI_PAGE_FOOTER_Y, 0.6,
                       &tutti_colour_rule);

  if (is_set (school->address))
    g_string_append_printf (line, " — %s", school->address);
  if (*town != '\0')
    g_string_append_printf (line, ", %s", town);
  g_string_append_c (line, '\n');
  if (is_set (school->phone))
    g_string_append_printf (line, "%s %s", tutti_painter_text (self, &phone_text), school->phone);
  if (is_set (school->email))
    g_string_append_printf (line, " — %s", school->email);
  if (is_set (school->website))
    g_string_append_printf (line, "\n%s", school->website);

  tutti_painter_show_text (self, line->str, TUTTI_PAGE_LEFT, TUTTI_PAGE_FOOTER_Y + 6,
                           TUTTI_PAGE_CONTENT_WIDTH - 80, 7.5, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT,
                           &tutti_colour_muted);

  if (self->lang == TUTTI_LANG_FR)
    page_text = g_strdup_printf ("Page %d / %d", page, n_pages);
  else
    page_text = g_strdup_printf ("Page %d of %d", page, n_pages);
  tutti_painter_show_text (self, page_text, TUTTI_PAGE_RIGHT - 80, TUTTI_PAGE_FOOTER_Y + 6, 80, 7.5,
                           PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, &tutti_colour_muted);
}

/* ---- Ruled tables -------------------------------------------------------------- */

void
tutti_paint_table_init (TuttiPaintTable      *table,
                        double                left,
                        double                width,
                        const double         *widths,
                        const PangoAlignment *alignments,
                        guint                 n_columns)
{
  double fixed = 0;
  double x = left;
  guint n_shared = 0;

  g_return_if_fail (n_columns >= 1 && n_columns <= TUTTI_PAINT_TABLE_MAX_COLUMNS);

  memset (table, 0, sizeof *table);
  table->n_columns = n_columns;
  table->left = left;
  table->width = width;
  for (guint i = 0; i < n_columns; i++)
    {
      fixed += widths[i];
      if (widths[i] <= 0)
        n_shared++;
    }
  for (guint i = 0; i < n_columns; i++)
    {
      TuttiPaintColumn *column = &table->columns[i];

      column->width = widths[i] > 0 ? widths[i] : (width - fixed) / n_shared;
      column->alignment = alignments[i];
      column->x = x;
      x += column->width;
    }
}

void
tutti_paint_row_layout (TuttiPainter          *painter,
                        const TuttiPaintTable *table,
                        TuttiPaintRow         *row,
                        const char * const    *texts,
                        double                 size,
                        PangoWeight            weight)
{
  double height = 0;

  row->n_cells = table->n_columns;
  for (guint i = 0; i < table->n_columns; i++)
    {
      const TuttiPaintColumn *column = &table->columns[i];

      row->cells[i] = tutti_painter_new_layout (painter, texts[i], size,
                                                column->bold ? PANGO_WEIGHT_BOLD : weight,
                                                column->width - 2 * TUTTI_PAINT_CELL_PAD_X,
                                                column->alignment);
      height = MAX (height, tutti_layout_get_height (row->cells[i]));
    }
  row->height = height + 2 * TUTTI_PAINT_CELL_PAD_Y;
}

void
tutti_paint_row_draw (TuttiPainter          *painter,
                      const TuttiPaintTable *table,
                      const TuttiPaintRow   *row,
                      double                 y,
                      const TuttiColour     *fill)
{
  if (fill != NULL)
    tutti_painter_rectangle (painter, table->left, y, table->width, row->height, 0, NULL, fill);
  for (guint i = 0; i < row->n_cells; i++)
    tutti_painter_show_layout (painter, row->cells[i], table->columns[i].x + TUTTI_PAINT_CELL_PAD_X,
                               y + TUTTI_PAINT_CELL_PAD_Y, &tutti_colour_ink);
}

void
tutti_paint_row_clear (TuttiPaintRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    g_clear_object (&row->cells[i]);
  row->n_cells = 0;
}

void
tutti_paint_table_frame (TuttiPainter          *painter,
                         const TuttiPaintTable *table,
                         double                 top,
                         double                 bottom)
{
  if (painter->measuring)
    return;

  tutti_painter_set_colour (painter, &tutti_colour_rule);
  cairo_set_line_width (painter->cr, 0.5);
  for (guint i = 1; i < table->n_columns; i++)
    {
      cairo_move_to (painter->cr, table->columns[i].x, top);
      cairo_line_to (painter->cr, table->columns[i].x, bottom);
    }
  cairo_stroke (painter->cr);

  tutti_painter_rectangle (painter, table->left, top, table->width, bottom - top, 0.9,
                           &tutti_colour_accent, NULL);
}

/* ---- Leaflets: their blocks ---------------------------------------------------------- */

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_BULLET,
  BLOCK_TABLE,
  BLOCK_FIELDS,
  BLOCK_COMB,
  BLOCK_CHOICES,
  BLOCK_BOXES,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
} BlockType;

typedef struct
{
  BlockType type;
  char **texts;                /* the heading's or paragraph's text, labels, captions */
  guint level;                 /* a heading's */
  int checked;                 /* choices */
  guint n_boxes, group;        /* a comb */
  double height;               /* boxes, space */
  /* A table */
  TuttiLeafletColumn *columns; /* titles in @texts */
  gboolean has_header;
  guint n_columns, n_rows;
  char **cells;
} Block;

struct _TuttiLeaflet
{
  TuttiLang lang;
  TuttiSchool *school;
  char *title;
  char *subtitle;
  char *date;
  GPtrArray *blocks;
};

static void
block_free (gpointer data)
{
  Block *block = data;

  g_strfreev (block->texts);
  g_free (block->columns);
  g_strfreev (block->cells);
  g_free (block);
}

TuttiLeaflet *
tutti_leaflet_new (TuttiLang          lang,
                   const TuttiSchool *school,
                   const char        *title,
                   const char        *subtitle,
                   const char        *iso_date)
{
  TuttiLeaflet *self;

  g_return_val_if_fail (school != NULL, NULL);

  self = g_new0 (TuttiLeaflet, 1);
  self->lang = lang;
  self->school = tutti_school_copy (school);
  self->title = g_strdup (title != NULL ? title : "");
  self->subtitle = g_strdup (subtitle);
  self->date = g_strdup (iso_date);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  return self;
}

void
tutti_leaflet_free (TuttiLeaflet *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->school, tutti_school_free);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->date);
  g_ptr_array_unref (self->blocks);
  g_free (self);
}

static Block *
add_block (TuttiLeaflet *self,
           BlockType     type,
           const char   *text)
{
  Block *block = g_new0 (Block, 1);
  const char *texts[] = { text, NULL };

  block->type = type;
  block->texts = g_strdupv ((char **) texts);
  g_ptr_array_add (self->blocks, block);
  return block;
}

/* @first, then the rest of @args up to %NULL. */
static char **
collect_strings (const char *first,
                 va_list     args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    g_strv_builder_add (builder, text);
  return g_strv_builder_end (builder);
}

void
tutti_leaflet_add_heading (TuttiLeaflet *self,
                           guint         level,
                           const char   *text)
{
  g_return_if_fail (self != NULL && text != NULL);

  add_block (self, BLOCK_HEADING, text)->level = CLAMP (level, 1, 2);
}

void
tutti_leaflet_add_paragraph (TuttiLeaflet *self,
                             const char   *text)
{
  g_return_if_fail (self != NULL && text != NULL);

  add_block (self, BLOCK_PARAGRAPH, text);
}

void
tutti_leaflet_add_note (TuttiLeaflet *self,
                        const char   *text)
{
  g_return_if_fail (self != NULL && text != NULL);

  add_block (self, BLOCK_NOTE, text);
}

void
tutti_leaflet_add_bullet (TuttiLeaflet *self,
                          const char   *text)
{
  g_return_if_fail (self != NULL && text != NULL);

  add_block (self, BLOCK_BULLET, text);
}

void
tutti_leaflet_add_table (TuttiLeaflet             *self,
                         const TuttiLeafletColumn *columns,
                         guint                     n_columns,
                         const char * const       *cells,
                         guint                     n_rows)
{
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  Block *block;

  g_return_if_fail (self != NULL && columns != NULL);
  g_return_if_fail (n_columns >= 1 && n_columns <= TUTTI_PAINT_TABLE_MAX_COLUMNS);

  block = add_block (self, BLOCK_TABLE, NULL);
  block->columns = g_memdup2 (columns, n_columns * sizeof *columns);
  block->n_columns = n_columns;
  block->n_rows = n_rows;
  for (guint c = 0; c < n_columns; c++)
    {
      g_strv_builder_add (titles, columns[c].title != NULL ? columns[c].title : "");
      block->columns[c].title = NULL;   /* the copy is in @texts */
      if (columns[c].title != NULL)
        block->has_header = TRUE;
    }
  for (guint i = 0; i < n_rows * n_columns; i++)
    g_strv_builder_add (texts, cells[i] != NULL ? cells[i] : "");
  g_strfreev (block->texts);
  block->texts = g_strv_builder_end (titles);
  block->cells = g_strv_builder_end (texts);
}

void
tutti_leaflet_add_fields (TuttiLeaflet *self,
                          const char   *label,
                          ...)
{
  va_list args;
  Block *block;

  g_return_if_fail (self != NULL && label != NULL);

  block = add_block (self, BLOCK_FIELDS, NULL);
  g_strfreev (block->texts);
  va_start (args, label);
  block->texts = collect_strings (label, args);
  va_end (args);
}

void
tutti_leaflet_add_comb (TuttiLeaflet *self,
                        const char   *label,
                        guint         n_boxes,
                        guint         group)
{
  Block *block;

  g_return_if_fail (self != NULL && label != NULL && n_boxes > 0);

  block = add_block (self, BLOCK_COMB, label);
  block->n_boxes = n_boxes;
  block->group = group;
}

void
tutti_leaflet_add_choices (TuttiLeaflet *self,
                           const char   *label,
                           int           checked,
                           const char   *option,
                           ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) options = NULL;
  va_list args;
  Block *block;

  g_return_if_fail (self != NULL && label != NULL && option != NULL);

  va_start (args, option);
  options = collect_strings (option, args);
  va_end (args);
  g_strv_builder_add (builder, label);
  g_strv_builder_addv (builder, (const char **) options);

  block = add_block (self, BLOCK_CHOICES, NULL);
  g_strfreev (block->texts);
  block->texts = g_strv_builder_end (builder);
  block->checked = checked;
}

void
tutti_leaflet_add_boxes (TuttiLeaflet *self,
                         double        height,
                         const char   *caption,
                         ...)
{
  va_list args;
  Block *block;

  g_return_if_fail (self != NULL && caption != NULL);

  block = add_block (self, BLOCK_BOXES, NULL);
  g_strfreev (block->texts);
  va_start (args, caption);
  block->texts = collect_strings (caption, args);
  va_end (args);
  block->height = height;
}

void
tutti_leaflet_add_space (TuttiLeaflet *self,
                         double        points)
{
  g_return_if_fail (self != NULL);

  add_block (self, BLOCK_SPACE, NULL)->height = points;
}

void
tutti_leaflet_add_page_break (TuttiLeaflet *self)
{
  g_return_if_fail (self != NULL);

  add_block (self, BLOCK_PAGE_BREAK, NULL);
}

/* ---- Leaflets: the flow down the pages -------------------------------------------------- */

#define LETTERHEAD_WIDTH 260.0
#define TITLE_SIZE      20.0
#define HEADING_SIZE    12.5
#define ARTICLE_SIZE    10.5
#define BODY_SIZE        9.5
#define NOTE_SIZE        8.5
#define TABLE_SIZE       9.0
#define BULLET_INDENT   14.0
#define FIELD_HEIGHT    24.0
#define FIELD_GAP       18.0
#define COMB_LABEL_WIDTH 110.0
#define COMB_BOX_WIDTH  13.0
#define COMB_BOX_HEIGHT 17.0
#define COMB_GAP         5.0
#define CHECK_SIZE       9.0

typedef struct
{
  TuttiLeaflet *leaflet;
  TuttiPainter *painter;
  int page;
  int n_pages;          /* as the first layout counted them */
  double y;
  double top;           /* where this page's body starts */
  int outline;          /* the PDF outline's last section */
} Flow;

static void
new_page (Flow *flow)
{
  g_autofree char *right = g_strdup_printf ("%s (%s)", flow->leaflet->title,
                                            tutti_painter_text (flow->painter, &continued_text));

  tutti_painter_draw_footer (flow->painter, flow->leaflet->school, flow->page, flow->n_pages);
  tutti_painter_show_page (flow->painter);
  flow->page++;
  flow->y = flow->top = tutti_painter_draw_running_header (flow->painter, flow->leaflet->school->name,
                                                           right);
}

static gboolean
at_top (Flow *flow)
{
  return flow->y <= flow->top;
}

/* A new page unless @height fits below, or the page is still empty. */
static void
make_room (Flow   *flow,
           double  height)
{
  if (flow->y + height > TUTTI_PAGE_BODY_BOTTOM && !at_top (flow))
    new_page (flow);
}

/* The letterhead, the subtitle top right, the title under a rule. */
static void
draw_first_header (Flow *flow)
{
  TuttiLeaflet *leaflet = flow->leaflet;
  TuttiPainter *painter = flow->painter;
  double y, right_bottom = TUTTI_PAGE_TOP;

  y = tutti_painter_draw_letterhead (painter, leaflet->school, TUTTI_PAGE_LEFT, TUTTI_PAGE_TOP,
                                     LETTERHEAD_WIDTH);
  if (leaflet->subtitle != NULL)
    right_bottom += tutti_painter_show_text (painter, leaflet->subtitle, TUTTI_PAGE_LEFT + LETTERHEAD_WIDTH + 20,
                                             TUTTI_PAGE_TOP,
                                             TUTTI_PAGE_CONTENT_WIDTH - LETTERHEAD_WIDTH - 20, 10.5,
                                             PANGO_WEIGHT_BOLD, PANGO_ALIGN_RIGHT, &tutti_colour_accent);
  y = MAX (y, right_bottom) + 18;
  y += tutti_painter_show_text (painter, leaflet->title, TUTTI_PAGE_LEFT, y, TUTTI_PAGE_CONTENT_WIDTH,
                                TITLE_SIZE, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, &tutti_colour_accent);
  y += 6;
  tutti_painter_hline (painter, TUTTI_PAGE_LEFT, TUTTI_PAGE_RIGHT, y, 1.4, &tutti_colour_accent);
  flow->y = flow->top = y + 14;
}

static void
flow_heading (Flow        *flow,
              const Block *block)
{
  TuttiPainter *painter = flow->painter;
  gboolean section = block->level == 1;
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (!at_top (flow))
    flow->y += section ? 10 : 7;
  layout = tutti_painter_new_layout (painter, block->texts[0], section ? HEADING_SIZE : ARTICLE_SIZE,
                                     PANGO_WEIGHT_BOLD, TUTTI_PAGE_CONTENT_WIDTH, PANGO_ALIGN_LEFT);
  height = tutti_layout_get_height (layout);
  /* Kept with a few lines of what follows. */
  make_room (flow, height + 40);
  tutti_painter_show_layout (painter, layout, TUTTI_PAGE_LEFT, flow->y,
                             section ? &tutti_colour_accent : &tutti_colour_ink);

  if (!painter->measuring)
    {
      g_autofree char *link = g_strdup_printf ("page=%d pos=[%.0f %.0f]", flow->page, TUTTI_PAGE_LEFT,
                                               flow->y);
      int id = cairo_pdf_surface_add_outline (painter->surface,
                                              section || flow->outline == 0
                                                ? CAIRO_PDF_OUTLINE_ROOT : flow->outline,
                                              block->texts[0], link, 0);
      if (section)
        flow->outline = id;
    }
  flow->y += height + (section ? 4 : 3);
}

/* Lines [@first, @last) of @layout, the first one's top at @y. */
static void
draw_lines (TuttiPainter      *painter,
            PangoLayout       *layout,
            double             x,
            double             y,
            int                first,
            int                last,
            const TuttiColour *colour)
{
  PangoLayoutIter *iter;
  int line = 0, top = 0;

  if (painter->measuring)
    return;

  tutti_painter_set_colour (painter, colour);
  iter = pango_layout_get_iter (layout);
  do
    {
      if (line >= first && line < last)
        {
          PangoRectangle logical;
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if (line == first)
            top = y0;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (painter->cr, x + (double) logical.x / PANGO_SCALE,
                         y + (double) (pango_layout_iter_get_baseline (iter) - top) / PANGO_SCALE);
          pango_cairo_show_layout_line (painter->cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* A paragraph, split between pages at a line, never leaving a line alone
 * at the bottom of a page or at the top of the next. */
static void
flow_text (Flow        *flow,
           const Block *block)
{
  TuttiPainter *painter = flow->painter;
  gboolean note = block->type == BLOCK_NOTE;
  gboolean bullet = block->type == BLOCK_BULLET;
  double indent = bullet ? BULLET_INDENT : 0;
  double size = note ? NOTE_SIZE : BODY_SIZE;
  const TuttiColour *colour = note ? &tutti_colour_muted : &tutti_colour_ink;
  g_autoptr(PangoLayout) layout = tutti_painter_new_layout (painter, block->texts[0], size,
                                                            PANGO_WEIGHT_NORMAL,
                                                            TUTTI_PAGE_CONTENT_WIDTH - indent,
                                                            PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) bullet_layout = NULL;
  g_autofree double *tops = NULL;
  g_autofree double *bottoms = NULL;
  PangoLayoutIter *iter;
  int n_lines, start = 0, line = 0;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_justify (layout, TRUE);
  pango_layout_set_line_spacing (layout, 1.2);
  if (bullet)
    {
      bullet_layout = tutti_painter_new_layout (painter, "•", size, PANGO_WEIGHT_NORMAL, 0, PANGO_ALIGN_LEFT);
      pango_layout_set_line_spacing (bullet_layout, 1.2);
    }

  n_lines = pango_layout_get_line_count (layout);
  tops = g_new (double, n_lines);
  bottoms = g_new (double, n_lines);
  iter = pango_layout_get_iter (layout);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      tops[line] = (double) y0 / PANGO_SCALE;
      bottoms[line] = (double) y1 / PANGO_SCALE;
      line++;
    }
  while (pango_layout_iter_next_line (iter) && line < n_lines);
  pango_layout_iter_free (iter);

  while (start < n_lines)
    {
      double room = TUTTI_PAGE_BODY_BOTTOM - flow->y;
      int end = start;

      while (end < n_lines && bottoms[end] - tops[start] <= room)
        end++;

      if (end < n_lines)
        {
          if (end - start < 2 && !at_top (flow))
            {
              new_page (flow);
              continue;
            }
          if (n_lines - end == 1 && end - start >= 3)
            end--;
          /* A line taller than a page still goes on it. */
          if (end == start)
            end = start + 1;
        }

      if (bullet && start == 0)
        tutti_painter_show_layout (painter, bullet_layout, TUTTI_PAGE_LEFT + 3, flow->y, colour);
      draw_lines (painter, layout, TUTTI_PAGE_LEFT + indent, flow->y, start, end, colour);
      flow->y += bottoms[end - 1] - tops[start];
      start = end;
      if (start < n_lines)
        new_page (flow);
    }
  flow->y += bullet ? 3 : 6;
}

/* Split between rows, under its header again on the next page. */
static void
flow_table (Flow        *flow,
            const Block *block)
{
  TuttiPainter *painter = flow->painter;
  double widths[TUTTI_PAINT_TABLE_MAX_COLUMNS];
  PangoAlignment alignments[TUTTI_PAINT_TABLE_MAX_COLUMNS];
  double total = 0, top;
  TuttiPaintTable table;
  TuttiPaintRow header = { 0 };
  g_autofree TuttiPaintRow *rows = g_new0 (TuttiPaintRow, MAX (block->n_rows, 1));
  double header_height = 0;

  for (guint c = 0; c < block->n_columns; c++)
    total += MAX (block->columns[c].weight, 0.01);
  for (guint c = 0; c < block->n_columns; c++)
    {
      widths[c] = TUTTI_PAGE_CONTENT_WIDTH * MAX (block->columns[c].weight, 0.01) / total;
      alignments[c] = block->columns[c].alignment;
    }
  tutti_paint_table_init (&table, TUTTI_PAGE_LEFT, TUTTI_PAGE_CONTENT_WIDTH, widths, alignments,
                          block->n_columns);

  if (block->has_header)
    {
      tutti_paint_row_layout (painter, &table, &header, (const char * const *) block->texts, TABLE_SIZE,
                              PANGO_WEIGHT_BOLD);
      header_height = header.height;
    }
  for (guint c = 0; c < block->n_columns; c++)
    table.columns[c].bold = block->columns[c].bold;
  for (guint r = 0; r < block->n_rows; r++)
    tutti_paint_row_layout (painter, &table, &rows[r],
                            (const char * const *) &block->cells[r * block->n_columns], TABLE_SIZE,
                            PANGO_WEIGHT_NORMAL);

  make_room (flow, header_height + (block->n_rows > 0 ? rows[0].height : 0));
  top = flow->y;
  if (block->has_header)
    tutti_paint_row_draw (painter, &table, &header, flow->y, &tutti_colour_header_fill);
  flow->y += header_height;
  for (guint r = 0; r < block->n_rows; r++)
    {
      if (flow->y + rows[r].height > TUTTI_PAGE_BODY_BOTTOM && flow->y > flow->top + header_height)
        {
          tutti_paint_table_frame (painter, &table, top, flow->y);
          new_page (flow);
          top = flow->y;
          if (block->has_header)
            tutti_paint_row_draw (painter, &table, &header, flow->y, &tutti_colour_header_fill);
          flow->y += header_height;
        }
      else if (flow->y > top)
        tutti_painter_hline (painter, table.left, table.left + table.width, flow->y, 0.5,
                             &tutti_colour_rule);
      tutti_paint_row_draw (painter, &table, &rows[r], flow->y, NULL);
      flow->y += rows[r].height;
    }
  tutti_paint_table_frame (painter, &table, top, flow->y);
  flow->y += 8;

  for (guint r = 0; r < block->n_rows; r++)
    tutti_paint_row_clear (&rows[r]);
  tutti_paint_row_clear (&header);
}

/* Labels followed by lines to write on, side by side. */
static void
flow_fields (Flow        *flow,
             const Block *block)
{
  TuttiPainter *painter = flow->painter;
  guint n = g_strv_length (block->texts);
  double width = (TUTTI_PAGE_CONTENT_WIDTH - FIELD_GAP * (n - 1)) / n;

  make_room (flow, FIELD_HEIGHT);
  for (guint i = 0; i < n; i++)
    {
      double x = TUTTI_PAGE_LEFT + i * (width + FIELD_GAP);
      g_autoptr(PangoLayout) label = tutti_painter_new_layout (painter, block->texts[i], BODY_SIZE,
                                                               PANGO_WEIGHT_NORMAL, 0, PANGO_ALIGN_LEFT);
      double baseline = flow->y + 10 + (double) pango_layout_get_baseline (label) / PANGO_SCALE;

      tutti_painter_show_layout (painter, label, x, flow->y + 10, &tutti_colour_ink);
      tutti_painter_hline (painter, MIN (x + tutti_layout_get_width (label) + 6, x + width), x + width,
                           baseline + 2.5, 0.6, &tutti_colour_muted);
    }
  flow->y += FIELD_HEIGHT;
}

/* A label and a box per character, by groups, narrower if need be. */
static void
flow_comb (Flow        *flow,
           const Block *block)
{
  TuttiPainter *painter = flow->painter;
  g_autoptr(PangoLayout) label = tutti_painter_new_layout (painter, block->texts[0], BODY_SIZE,
                                                           PANGO_WEIGHT_NORMAL, COMB_LABEL_WIDTH - 8,
                                                           PANGO_ALIGN_LEFT);
  guint n_gaps = block->group > 0 ? (block->n_boxes - 1) / block->group : 0;
  double box_width = MIN (COMB_BOX_WIDTH, (TUTTI_PAGE_CONTENT_WIDTH - COMB_LABEL_WIDTH - n_gaps * COMB_GAP) /
                                          block->n_boxes);
  double box_top, x = TUTTI_PAGE_LEFT + COMB_LABEL_WIDTH;
  double height = MAX (COMB_BOX_HEIGHT, tutti_layout_get_height (label)) + 11;

  make_room (flow, height);
  box_top = flow->y + 8;
  tutti_painter_show_layout (painter, label, TUTTI_PAGE_LEFT,
                             box_top + (COMB_BOX_HEIGHT - tutti_layout_get_height (label)) / 2,
                             &tutti_colour_ink);
  for (guint i = 0; i < block->n_boxes; i++)
    {
      if (i > 0 && block->group > 0 && i % block->group == 0)
        x += COMB_GAP;
      tutti_painter_rectangle (painter, x, box_top, box_width, COMB_BOX_HEIGHT, 0.6,
                               &tutti_colour_muted, NULL);
      x += box_width;
    }
  flow->y += height;
}

/* A label, then check boxes with their options, wrapping if need be. */
static void
flow_choices (Flow        *flow,
              const Block *block)
{
  TuttiPainter *painter = flow->painter;
  g_autoptr(PangoLayout) label = tutti_painter_new_layout (painter, block->texts[0], BODY_SIZE,
                                                           PANGO_WEIGHT_NORMAL, 0, PANGO_ALIGN_LEFT);
  double line_height = tutti_layout_get_height (label) + 6;
  double start = TUTTI_PAGE_LEFT + MAX (COMB_LABEL_WIDTH, tutti_layout_get_width (label) + 14);
  double x = start, y;
  guint n_lines = 1;

  /* Measure first, to keep the lines together. */
  for (guint i = 1; block->texts[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) option = tutti_painter_new_layout (painter, block->texts[i], BODY_SIZE,
                                                                PANGO_WEIGHT_NORMAL, 0, PANGO_ALIGN_LEFT);
      double width = CHECK_SIZE + 5 + tutti_layout_get_width (option);

      if (x > start && x + width > TUTTI_PAGE_RIGHT)
        {
          n_lines++;
          x = start;
        }
      x += width + 18;
    }
  make_room (flow, 8 + n_lines * line_height);

  y = flow->y + 8;
  tutti_painter_show_layout (painter, label, TUTTI_PAGE_LEFT, y, &tutti_colour_ink);
  x = start;
  for (guint i = 1; block->texts[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) option = tutti_painter_new_layout (painter, block->texts[i], BODY_SIZE,
                                                                PANGO_WEIGHT_NORMAL, 0, PANGO_ALIGN_LEFT);
      double width = CHECK_SIZE + 5 + tutti_layout_get_width (option);
      double box_y;

      if (x > start && x + width > TUTTI_PAGE_RIGHT)
        {
          y += line_height;
          x = start;
        }
      box_y = y + (double) pango_layout_get_baseline (option) / PANGO_SCALE - CHECK_SIZE + 0.5;
      tutti_painter_rectangle (painter, x, box_y, CHECK_SIZE, CHECK_SIZE, 0.8, &tutti_colour_ink, NULL);
      if ((int) i - 1 == block->checked && !painter->measuring)
        {
          /* A cross, as a pen would tick it. */
          tutti_painter_set_colour (painter, &tutti_colour_ink);
          cairo_set_line_width (painter->cr, 1.1);
          cairo_move_to (painter->cr, x + 1.8, box_y + 1.8);
          cairo_line_to (painter->cr, x + CHECK_SIZE - 1.8, box_y + CHECK_SIZE - 1.8);
          cairo_move_to (painter->cr, x + CHECK_SIZE - 1.8, box_y + 1.8);
          cairo_line_to (painter->cr, x + 1.8, box_y + CHECK_SIZE - 1.8);
          cairo_stroke (painter->cr);
        }
      tutti_painter_show_layout (painter, option, x + CHECK_SIZE + 5, y, &tutti_colour_ink);
      x += width + 18;
    }
  flow->y += 10 + n_lines * line_height;
}

/* Framed boxes side by side, their captions inside top left. */
static void
flow_boxes (Flow        *flow,
            const Block *block)
{
  TuttiPainter *painter = flow->painter;
  guint n = g_strv_length (block->texts);
  double gap = 14;
  double width = (TUTTI_PAGE_CONTENT_WIDTH - gap * (n - 1)) / n;

  make_room (flow, block->height + 8);
  flow->y += at_top (flow) ? 0 : 8;
  for (guint i = 0; i < n; i++)
    {
      double x = TUTTI_PAGE_LEFT + i * (width + gap);

      tutti_painter_rectangle (painter, x, flow->y, width, block->height, 0.8, &tutti_colour_muted, NULL);
      tutti_painter_show_text (painter, block->texts[i], x + 6, flow->y + 5, width - 12, NOTE_SIZE,
                               PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, &tutti_colour_muted);
    }
  flow->y += block->height + 10;
}

/* Lays the whole leaflet out, drawing unless the painter is measuring;
 * returns the page count. */
static int
flow_leaflet (TuttiLeaflet *self,
              TuttiPainter *painter,
              int           n_pages)
{
  Flow flow = { self, painter, 1, n_pages, 0, 0, 0 };

  draw_first_header (&flow);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (self->blocks, i);

      switch (block->type)
        {
        case BLOCK_HEADING:
          flow_heading (&flow, block);
          break;
        case BLOCK_PARAGRAPH:
        case BLOCK_NOTE:
        case BLOCK_BULLET:
          flow_text (&flow, block);
          break;
        case BLOCK_TABLE:
          flow_table (&flow, block);
          break;
        case BLOCK_FIELDS:
          flow_fields (&flow, block);
          break;
        case BLOCK_COMB:
          flow_comb (&flow, block);
          break;
        case BLOCK_CHOICES:
          flow_choices (&flow, block);
          break;
        case BLOCK_BOXES:
          flow_boxes (&flow, block);
          break;
        case BLOCK_SPACE:
          if (!at_top (&flow))
            flow.y = MIN (flow.y + block->height, TUTTI_PAGE_BODY_BOTTOM);
          break;
        case BLOCK_PAGE_BREAK:
        default:
          if (!at_top (&flow))
            new_page (&flow);
          break;
        }
    }
  tutti_painter_draw_footer (painter, self->school, flow.page, flow.n_pages);
  tutti_painter_show_page (painter);
  return flow.page;
}

GBytes *
tutti_leaflet_render (TuttiLeaflet  *self,
                      GError       **error)
{
  TuttiPainter painter;
  int n_pages;

  g_return_val_if_fail (self != NULL, NULL);

  tutti_painter_init (&painter, self->lang, self->title, self->school->name, self->date);
  painter.measuring = TRUE;
  n_pages = flow_leaflet (self, &painter, 0);
  painter.measuring = FALSE;
  flow_leaflet (self, &painter, n_pages);
  return tutti_painter_finish (&painter, error);
}
