/* tutti-record-table.h — a searchable GtkColumnView of core records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-core.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_RECORD_TABLE (tutti_record_table_get_type ())

G_DECLARE_FINAL_TYPE (TuttiRecordTable, tutti_record_table, TUTTI, RECORD_TABLE, AdwBin)

/* One column: the field @key of the list's schema, formatted by core.
 * Its title is core's label unless @title is given (the label then
 * becomes the title's tooltip); an @expand column takes the room left. */
typedef struct
{
  const char *key;
  const char *title;
  gboolean    expand;
} TuttiRecordColumn;

/* @columns is copied; its strings must live as long as the list (static
 * strings, or translations). */
GtkWidget      *tutti_record_table_new               (const TuttiSchema       *schema,
                                                      const TuttiRecordColumn *columns,
                                                      guint                    n_columns,
                                                      TuttiLang                lang);

/* What the list says when it has no rows, and its accessible name. */
void            tutti_record_table_set_empty_text    (TuttiRecordTable        *self,
                                                      const char              *icon_name,
                                                      const char              *title);
void            tutti_record_table_set_label         (TuttiRecordTable        *self,
                                                      const char              *label);

/* A spinner in place of the rows. */
void            tutti_record_table_show_loading      (TuttiRecordTable        *self);
/* An error with a Retry button, which emits ::retry. */
void            tutti_record_table_show_error        (TuttiRecordTable        *self,
                                                      const char              *title,
                                                      const char              *description);
/* The rows, in the order given: copies of @records (element-type: records
 * of the list's schema). The search stays as typed. */
void            tutti_record_table_set_records       (TuttiRecordTable        *self,
                                                      GPtrArray               *records);
/* Back to no rows, no search, the loading state. */
void            tutti_record_table_clear             (TuttiRecordTable        *self);
/* Ctrl+F: the search entry takes the focus. */
void            tutti_record_table_focus_search      (TuttiRecordTable        *self);

/* "loading", "error", "empty", "no-results" or "content" */
const char     *tutti_record_table_get_state         (TuttiRecordTable        *self);
GtkSearchEntry *tutti_record_table_get_search_entry  (TuttiRecordTable        *self);
GtkColumnView  *tutti_record_table_get_column_view   (TuttiRecordTable        *self);
/* How many rows the list shows, after the search, and the record of the
 * one at @position, in the order shown. */
guint           tutti_record_table_get_n_shown       (TuttiRecordTable        *self);
gconstpointer   tutti_record_table_get_shown_record  (TuttiRecordTable        *self,
                                                      guint                    position);
/* The text of the cell of column @column in the row at @position. */
const char     *tutti_record_table_get_shown_text    (TuttiRecordTable        *self,
                                                      guint                    position,
                                                      guint                    column);

G_END_DECLS
