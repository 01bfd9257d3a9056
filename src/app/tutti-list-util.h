/* tutti-list-util.h — what the views' lists share: searching, sorting,
 * the page a list shows, its columns, and the state tags of its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-core.h"

G_BEGIN_DECLS

/* ---- Searching ---- */

/* What searching compares: lower case, accents dropped, every space a
 * plain one and curly quotes straight, so that "vitre" finds "VITRÉ",
 * "cheque" finds "Chèque" and "84,00 €" core's "84,00 €" with its
 * no-break space. */
char       *tutti_search_fold            (const char          *text);
/* The words of @query, folded; %NULL when it has none. */
char      **tutti_search_words           (const char          *query);
/* Whether @folded_text (tutti_search_fold()) has each of @words
 * (tutti_search_words(), nullable: everything matches). */
gboolean    tutti_search_match_words     (const char          *folded_text,
                                          char * const        *words);
/* Whether each word of @query (nullable) starts a word of @text, accents
 * and case aside; a blank query matches everything. */
gboolean    tutti_search_match_prefixes  (const char          *query,
                                          const char          *text);
/* @entry's text, stripped, into *@query when it changed: whether it did. */
gboolean    tutti_search_update_query    (GtkSearchEntry      *entry,
                                          char               **query);

/* ---- Sorting ---- */

/* A key that sorts as people expect: "é" with "e", case aside. */
char       *tutti_sort_key               (const char          *text);
/* The same, numbers in order: "doc2.pdf" before "doc10.pdf". */
char       *tutti_sort_key_for_filename  (const char          *text);

/* ---- The list's page ---- */

/* "empty" when @all has no item, "no-results" when the search leaves
 * @shown none, "content" otherwise. */
const char *tutti_list_page_name         (GListModel          *all,
                                          GListModel          *shown);

/* ---- Columns ---- */

/* Appends a resizable column titled @title (nullable) to @view, whose
 * cells a GtkSignalListItemFactory makes with @setup and fills with @bind
 * and @unbind (nullable), each given GUINT_TO_POINTER (@column) as user
 * data, the factory carrying @owner (nullable) as object data
 * "tutti-view". With @compare (nullable), the column's header sorts by
 * it. Returns: (transfer none): the column, owned by @view. */
GtkColumnViewColumn *tutti_column_view_add_column (GtkColumnView    *view,
                                                   const char       *title,
                                                   guint             column,
                                                   GCallback         setup,
                                                   GCallback         bind,
                                                   GCallback         unbind,
                                                   GCompareDataFunc  compare,
                                                   gpointer          owner);
/* Shows @model in @view through a selection that picks nothing by itself. */
void                 tutti_column_view_show_model (GtkColumnView    *view,
                                                   GListModel       *model);
/* The same, sorted by the column headers, first by @column in @order.
 * Returns: (transfer full): the sort model, the rows in the order shown. */
GtkSortListModel    *tutti_column_view_show_sorted_model (GtkColumnView       *view,
                                                          GListModel          *model,
                                                          GtkColumnViewColumn *column,
                                                          GtkSortType          order);
/* A cell's label: start-aligned, ellipsized at its end. */
GtkWidget           *tutti_cell_label_new         (void);
/* A cell's line: start-aligned, on one line whatever it says. */
GtkWidget           *tutti_cell_line_new          (void);

/* Ctrl+F to @focus_search and Ctrl+R or F5 to @refresh, from anywhere in
 * @widget's window: each says whether it handled the keys (a hidden list
 * does not). */
void                 tutti_list_add_shortcuts     (GtkWidget          *widget,
                                                   GtkShortcutFunc     focus_search,
                                                   GtkShortcutFunc     refresh);

/* ---- State tags ---- */

/* A state as a coloured tag ("tutti-state" in the style sheet), with
 * @style one of "todo", "pending", "done", "refused", "declined". */
GtkWidget  *tutti_tag_new                (const char          *text,
                                          const char          *style);
/* Gives @label (a tag) @text and @style, in place of the ones it had. */
void        tutti_tag_set                (GtkLabel            *label,
                                          const char          *text,
                                          const char          *style);
/* The style of a re-enrolment's state: to do, in progress or sent
 * (pending), validated (done), refused, declined. */
const char *tutti_reenrolment_state_style (TuttiReenrolmentState state);

G_END_DECLS
