/* tutti-leaflet.h — the school's printed documents on A4: the painter that
 * the invoices share, and leaflets that flow over pages (HOME-3 downloads)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "tutti-core.h"

G_BEGIN_DECLS

/* ---- Geometry, in PDF points (1/72 inch) ------------------------------------ */

#define TUTTI_PAGE_WIDTH          595.0   /* A4 */
#define TUTTI_PAGE_HEIGHT         842.0
#define TUTTI_PAGE_LEFT            51.0   /* 18 mm */
#define TUTTI_PAGE_RIGHT          (TUTTI_PAGE_WIDTH - 51.0)
#define TUTTI_PAGE_CONTENT_WIDTH  (TUTTI_PAGE_RIGHT - TUTTI_PAGE_LEFT)
#define TUTTI_PAGE_TOP             48.0
#define TUTTI_PAGE_FOOTER_Y       788.0   /* the footer's rule */
#define TUTTI_PAGE_BODY_BOTTOM    (TUTTI_PAGE_FOOTER_Y - 18.0)
#define TUTTI_PAGE_CONTINUED_TOP   98.0   /* the body's top under a running header */

typedef struct
{
  double red, green, blue;
} TuttiColour;

extern const TuttiColour tutti_colour_ink;
extern const TuttiColour tutti_colour_muted;
extern const TuttiColour tutti_colour_accent;       /* the portal's blue */
extern const TuttiColour tutti_colour_header_fill;
extern const TuttiColour tutti_colour_rule;

/* ---- The painter ------------------------------------------------------------- */

/* A PDF being drawn. Thread-safe: each painter has a font map of its own.
 * While @measuring is set, the drawing functions below draw nothing, so
 * that a document can be laid out once to count its pages. */
typedef struct
{
  TuttiLang lang;
  cairo_t *cr;
  PangoContext *context;
  PangoFontDescription *font;
  gboolean measuring;
  /*< private >*/
  cairo_surface_t *surface;
  GByteArray *bytes;
  PangoFontMap *font_map;
  char *title;
} TuttiPainter;

/* Starts an A4 PDF. Its creation and modification dates are @iso_date
 * (cairo would write the current time), so that identical data gives
 * identical bytes. */
void         tutti_painter_init            (TuttiPainter        *self,
                                            TuttiLang            lang,
                                            const char          *title,
                                            const char          *author,
                                            const char          *iso_date);
/* Ends the document and frees the painter: the PDF, or %NULL and @error. */
GBytes      *tutti_painter_finish          (TuttiPainter        *self,
                                            GError             **error);

const char  *tutti_painter_text            (TuttiPainter        *self,
                                            const TuttiText     *text);
void         tutti_painter_set_colour      (TuttiPainter        *self,
                                            const TuttiColour   *colour);

/* A paragraph of plain text (never markup: labels come from people). A
 * @width of 0 leaves it on one line. */
PangoLayout *tutti_painter_new_layout      (TuttiPainter        *self,
                                            const char          *text,
                                            double               size,
                                            PangoWeight          weight,
                                            double               width,
                                            PangoAlignment       alignment);
double       tutti_layout_get_height       (PangoLayout         *layout);
double       tutti_layout_get_width        (PangoLayout         *layout);

void         tutti_painter_show_layout     (TuttiPainter        *self,
                                            PangoLayout         *layout,
                                            double               x,
                                            double               y,
                                            const TuttiColour   *colour);
/* Draws @text and returns its height. */
double       tutti_painter_show_text       (TuttiPainter        *self,
                                            const char          *text,
                                            double               x,
                                            double               y,
                                            double               width,
                                            double               size,
                                            PangoWeight          weight,
                                            PangoAlignment       alignment,
                                            const TuttiColour   *colour);
void         tutti_painter_hline           (TuttiPainter        *self,
                                            double               x1,
                                            double               x2,
                                            double               y,
                                            double               width,
                                            const TuttiColour   *colour);
void         tutti_painter_rectangle       (TuttiPainter        *self,
                                            double               x,
                                            double               y,
                                            double               width,
                                            double               height,
                                            double               line_width,
                                            const TuttiColour   *stroke,
                                            const TuttiColour   *fill);
void         tutti_painter_show_page       (TuttiPainter        *self);

/* "35500 VITRE" */
char        *tutti_postcode_town           (const char          *postcode,
                                            const char          *town);
/* A phone number that does not break across lines: "02 99 74 68 64". */
char        *tutti_unbreakable             (const char          *text);

/* The school's name, address, phone and e-mail in a column at @x, @y;
 * returns its bottom. */
double       tutti_painter_draw_letterhead (TuttiPainter        *self,
                                            const TuttiSchool   *school,
                                            double               x,
                                            double               y,
                                            double               width);
/* Pages after the first: @left and @right on one line over a rule;
 * returns where the body starts. */
double       tutti_painter_draw_running_header (TuttiPainter    *self,
                                                const char      *left,
                                                const char      *right);
/* The school's contact under a rule, and "Page 2 / 3". */
void         tutti_painter_draw_footer     (TuttiPainter        *self,
                                            const TuttiSchool   *school,
                                            int                  page,
                                            int                  n_pages);

/* ---- Ruled tables -------------------------------------------------------------- */

#define TUTTI_PAINT_TABLE_MAX_COLUMNS 8
#define TUTTI_PAINT_CELL_PAD_X        6.0
#define TUTTI_PAINT_CELL_PAD_Y        4.5

typedef struct
{
  double x;
  double width;
  PangoAlignment alignment;
  gboolean bold;
} TuttiPaintColumn;

typedef struct
{
  TuttiPaintColumn columns[TUTTI_PAINT_TABLE_MAX_COLUMNS];
  guint n_columns;
  double left;
  double width;
} TuttiPaintTable;

/* One row, laid out once to know its height, then drawn. */
typedef struct
{
  PangoLayout *cells[TUTTI_PAINT_TABLE_MAX_COLUMNS];
  guint n_cells;
  double height;
} TuttiPaintRow;

/* Columns from @left over @width; a width of 0 shares what the others leave. */
void         tutti_paint_table_init        (TuttiPaintTable     *table,
                                            double               left,
                                            double               width,
                                            const double        *widths,
                                            const PangoAlignment *alignments,
                                            guint                n_columns);
void         tutti_paint_row_layout        (TuttiPainter        *painter,
                                            const TuttiPaintTable *table,
                                            TuttiPaintRow       *row,
                                            const char * const  *texts,
                                            double               size,
                                            PangoWeight          weight);
void         tutti_paint_row_draw          (TuttiPainter        *painter,
                                            const TuttiPaintTable *table,
                                            const TuttiPaintRow *row,
                                            double               y,
                                            const TuttiColour   *fill);
void         tutti_paint_row_clear         (TuttiPaintRow       *row);
/* The frame and the column rules of the part of the table between @top
 * and @bottom on this page. */
void         tutti_paint_table_frame       (TuttiPainter        *painter,
                                            const TuttiPaintTable *table,
                                            double               top,
                                            double               bottom);

/* ---- Leaflets ----------------------------------------------------------------------- */

/* A document of the school that flows over as many pages as it needs: the
 * letterhead, a title, then blocks added in order — headings, paragraphs,
 * lists, tables, lines to fill in, boxes — and on every page the school's
 * footer with "Page N / M". */
typedef struct _TuttiLeaflet TuttiLeaflet;

typedef struct
{
  const char *title;         /* the header cell; all %NULL: no header row */
  double weight;             /* the column's share of the width */
  PangoAlignment alignment;
  gboolean bold;
} TuttiLeafletColumn;

/* @subtitle goes top right ("Année scolaire 2027/2028"), or %NULL; @iso_date
 * is the PDF's date. */
TuttiLeaflet *tutti_leaflet_new            (TuttiLang            lang,
                                            const TuttiSchool   *school,
                                            const char          *title,
                                            const char          *subtitle,
                                            const char          *iso_date);
void          tutti_leaflet_free           (TuttiLeaflet        *self);

/* Level 1: a section, in the outline of the PDF; level 2: an article. */
void          tutti_leaflet_add_heading    (TuttiLeaflet        *self,
                                            guint                level,
                                            const char          *text);
void          tutti_leaflet_add_paragraph  (TuttiLeaflet        *self,
                                            const char          *text);
/* Smaller, in grey. */
void          tutti_leaflet_add_note       (TuttiLeaflet        *self,
                                            const char          *text);
void          tutti_leaflet_add_bullet     (TuttiLeaflet        *self,
                                            const char          *text);
/* @cells holds @n_rows rows of @n_columns texts each. */
void          tutti_leaflet_add_table      (TuttiLeaflet        *self,
                                            const TuttiLeafletColumn *columns,
                                            guint                n_columns,
                                            const char * const  *cells,
                                            guint                n_rows);
/* Labels followed by lines to write on, sharing one row; %NULL-terminated. */
void          tutti_leaflet_add_fields     (TuttiLeaflet        *self,
                                            const char          *label,
                                            ...) G_GNUC_NULL_TERMINATED;
/* A label and @n_boxes boxes of one character each, by groups of @group. */
void          tutti_leaflet_add_comb       (TuttiLeaflet        *self,
                                            const char          *label,
                                            guint                n_boxes,
                                            guint                group);
/* A label and check boxes, the @checked-th ticked (-1: none);
 * %NULL-terminated. */
void          tutti_leaflet_add_choices    (TuttiLeaflet        *self,
                                            const char          *label,
                                            int                  checked,
                                            const char          *option,
                                            ...) G_GNUC_NULL_TERMINATED;
/* Empty framed boxes side by side, each captioned ("Signature"), @height
 * high; %NULL-terminated. */
void          tutti_leaflet_add_boxes      (TuttiLeaflet        *self,
                                            double               height,
                                            const char          *caption,
                                            ...) G_GNUC_NULL_TERMINATED;
void          tutti_leaflet_add_space      (TuttiLeaflet        *self,
                                            double               points);
void          tutti_leaflet_add_page_break (TuttiLeaflet        *self);

GBytes       *tutti_leaflet_render         (TuttiLeaflet        *self,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TuttiLeaflet, tutti_leaflet_free)

G_END_DECLS
