/* tutti-store.h — the server's SQLite database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tutti-core.h"

G_BEGIN_DECLS

#define TUTTI_STORE_ERROR (tutti_store_error_quark ())

typedef enum
{
  TUTTI_STORE_ERROR_FAILED,
  TUTTI_STORE_ERROR_SCHEMA,
  TUTTI_STORE_ERROR_CONSTRAINT,
} TuttiStoreError;

/* The tables that hold one core record per row. Their scalar columns are
 * named after the JSON keys of the record's schema, so that rows and records
 * convert both ways by walking the schema (tutti_store_insert(),
 * tutti_store_read_record()); nested lists live in tables of their own. */
typedef enum
{
  TUTTI_TABLE_SITES,
  TUTTI_TABLE_SCHOOL,
  TUTTI_TABLE_FAMILIES,
  TUTTI_TABLE_GUARDIANS,
  TUTTI_TABLE_ACCOUNTS,
  TUTTI_TABLE_PENDING_CHANGES,
  TUTTI_TABLE_PUPILS,
  TUTTI_TABLE_COURSES,
  TUTTI_TABLE_EVALUATIONS,
  TUTTI_TABLE_ABSENCES,
  TUTTI_TABLE_HISTORY_RECORDS,
  TUTTI_TABLE_PIECES,
  TUTTI_TABLE_DOCUMENT_KINDS,
  TUTTI_TABLE_DOCUMENTS,
  TUTTI_TABLE_CAMPAIGNS,
  TUTTI_TABLE_DOWNLOADS,
  TUTTI_TABLE_OFFER_ITEMS,
  TUTTI_TABLE_REENROLMENTS,
  TUTTI_TABLE_REENROLMENT_COURSES,
  TUTTI_TABLE_PREENROLMENTS,
  TUTTI_TABLE_PREENROLMENT_PUPILS,
  TUTTI_TABLE_PREENROLMENT_CHOICES,
  TUTTI_TABLE_ANTISPAM_QUESTIONS,
  TUTTI_TABLE_BILLING_LINES,
  TUTTI_N_TABLES
} TuttiTable;

#define TUTTI_TYPE_STORE (tutti_store_get_type ())

G_DECLARE_FINAL_TYPE (TuttiStore, tutti_store, TUTTI, STORE, GObject)

GQuark             tutti_store_error_quark    (void);

/* Opens (creating it when needed) the database at @path and brings its
 * schema up to date. Each thread opens its own TuttiStore. */
TuttiStore        *tutti_store_new            (const char         *path,
                                               GError            **error);
const char        *tutti_store_get_path       (TuttiStore         *self);
int                tutti_store_get_version    (TuttiStore         *self);
/* The number of migrations this build knows. */
int                tutti_store_get_latest_version (void);

const char        *tutti_table_get_name       (TuttiTable          table);
const TuttiSchema *tutti_table_get_schema     (TuttiTable          table);

/* A prepared statement, kept for the life of the store; it comes back reset
 * with its bindings cleared. */
sqlite3_stmt      *tutti_store_prepare        (TuttiStore         *self,
                                               const char         *sql,
                                               GError            **error);
/* "SELECT <every scalar column of @table's schema> FROM <table> " @tail */
sqlite3_stmt      *tutti_store_prepare_select (TuttiStore         *self,
                                               TuttiTable          table,
                                               const char         *tail,
                                               GError            **error);
/* Steps a statement that returns no rows. */
gboolean           tutti_store_run            (TuttiStore         *self,
                                               sqlite3_stmt       *stmt,
                                               GError            **error);
/* Steps @stmt: TRUE with a row, FALSE at the end or on error (@error set). */
gboolean           tutti_store_step           (TuttiStore         *self,
                                               sqlite3_stmt       *stmt,
                                               GError            **error);
/* The record at the current row of a statement from
 * tutti_store_prepare_select(). */
gpointer           tutti_store_read_record    (TuttiStore         *self,
                                               TuttiTable          table,
                                               sqlite3_stmt       *stmt);
/* Every row of @stmt as records, in an array that frees them; NULL on error. */
GPtrArray         *tutti_store_read_records   (TuttiStore         *self,
                                               TuttiTable          table,
                                               sqlite3_stmt       *stmt,
                                               GError            **error);
/* Inserts the scalar fields of @record, plus @extra_column = @extra_value
 * when @extra_column is not %NULL (a parent's id the record does not carry).
 * An integer "id" of 0 or less lets SQLite choose it.
 * Returns: the new row id, or 0 on error. */
gint64             tutti_store_insert         (TuttiStore         *self,
                                               TuttiTable          table,
                                               gconstpointer       record,
                                               const char         *extra_column,
                                               gint64              extra_value,
                                               GError            **error);

gboolean           tutti_store_begin          (TuttiStore         *self,
                                               GError            **error);
gboolean           tutti_store_commit         (TuttiStore         *self,
                                               GError            **error);
void               tutti_store_rollback       (TuttiStore         *self);

/* Small key/value settings and markers (table "settings"). */
char              *tutti_store_get_setting    (TuttiStore         *self,
                                               const char         *key);
gboolean           tutti_store_set_setting    (TuttiStore         *self,
                                               const char         *key,
                                               const char         *value,
                                               GError            **error);

/* Bind helpers: a NULL string binds SQL NULL; TUTTI_NO_VALUE binds NULL. */
void               tutti_store_bind_text      (sqlite3_stmt       *stmt,
                                               int                 index,
                                               const char         *text);
void               tutti_store_bind_int       (sqlite3_stmt       *stmt,
                                               int                 index,
                                               gint64              value);
/* The column as a new string, or %NULL for SQL NULL. */
char              *tutti_store_column_dup     (sqlite3_stmt       *stmt,
                                               int                 column);
/* Resets every statement the store keeps prepared. A statement left on a
 * row keeps a read transaction open, and the connection would go on seeing
 * the database as it was then, blind to what other connections (worker
 * threads) write: the server calls this once each request is handled. */
void               tutti_store_end_reads      (TuttiStore         *self);
/* The first column of the first row of @sql, whose one parameter is @id,
 * in @text_out (%NULL without a row, or for SQL NULL). The statement is
 * reset before returning: no read stays open on the connection. */
gboolean           tutti_store_query_text     (TuttiStore         *self,
                                               const char         *sql,
                                               gint64              id,
                                               char              **text_out,
                                               GError            **error);

G_END_DECLS
