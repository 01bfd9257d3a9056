/* tutti-store.c — the server's SQLite database
 *
 * One TuttiStore is one SQLite connection: the main loop has its own and a
 * worker task that needs the database opens another. WAL mode lets readers
 * and the writer go on side by side; the busy timeout covers the short
 * moments when two writers meet.
 *
 * SQL text is never built from request data. The only generated statements
 * are the column lists of the record tables, made of the compile-time keys of
 * the core schemas (checked against the real columns at start); every value
 * is bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include "tutti-store.h"
#include "tutti-migrations.h"

#define BUSY_TIMEOUT_MS 5000

struct _TuttiStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements; /* SQL → sqlite3_stmt */
  int version;
};

G_DEFINE_FINAL_TYPE (TuttiStore, tutti_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (tutti-store-error-quark, tutti_store_error)

typedef struct
{
  const char *name;
  const TuttiSchema *schema;
} TuttiTableInfo;

static const TuttiTableInfo tables[TUTTI_N_TABLES] = {
  [TUTTI_TABLE_SITES] = { "sites", &tutti_site_schema },
  [TUTTI_TABLE_SCHOOL] = { "school", &tutti_school_schema },
  [TUTTI_TABLE_FAMILIES] = { "families", &tutti_family_schema },
  [TUTTI_TABLE_GUARDIANS] = { "guardians", &tutti_guardian_schema },
  [TUTTI_TABLE_ACCOUNTS] = { "accounts", &tutti_account_schema },
  [TUTTI_TABLE_PENDING_CHANGES] = { "pending_changes", &tutti_pending_change_schema },
  [TUTTI_TABLE_PUPILS] = { "pupils", &tutti_pupil_schema },
  [TUTTI_TABLE_COURSES] = { "courses", &tutti_course_schema },
  [TUTTI_TABLE_EVALUATIONS] = { "evaluations", &tutti_evaluation_schema },
  [TUTTI_TABLE_ABSENCES] = { "absences", &tutti_absence_schema },
  [TUTTI_TABLE_HISTORY_RECORDS] = { "history_records", &tutti_history_record_schema },
  [TUTTI_TABLE_PIECES] = { "pieces", &tutti_piece_schema },
  [TUTTI_TABLE_DOCUMENT_KINDS] = { "document_kinds", &tutti_document_kind_schema },
  [TUTTI_TABLE_DOCUMENTS] = { "documents", &tutti_document_schema },
  [TUTTI_TABLE_CAMPAIGNS] = { "campaigns", &tutti_campaign_schema },
  [TUTTI_TABLE_DOWNLOADS] = { "downloads", &tutti_download_schema },
  [TUTTI_TABLE_OFFER_ITEMS] = { "offer_items", &tutti_offer_item_schema },
  [TUTTI_TABLE_REENROLMENTS] = { "reenrolments", &tutti_reenrolment_schema },
  [TUTTI_TABLE_REENROLMENT_COURSES] = { "reenrolment_courses", &tutti_course_choice_schema },
  [TUTTI_TABLE_PREENROLMENTS] = { "preenrolments", &tutti_preenrolment_schema },
  [TUTTI_TABLE_PREENROLMENT_PUPILS] = { "preenrolment_pupils", &tutti_new_pupil_schema },
  [TUTTI_TABLE_PREENROLMENT_CHOICES] = { "preenrolment_choices", &tutti_preenrolment_choice_schema },
  [TUTTI_TABLE_ANTISPAM_QUESTIONS] = { "antispam_questions", &tutti_antispam_question_schema },
  [TUTTI_TABLE_BILLING_LINES] = { "billing_lines", &tutti_billing_line_schema },
};

const char *
tutti_table_get_name (TuttiTable table)
{
  g_return_val_if_fail (table < TUTTI_N_TABLES, NULL);
  return tables[table].name;
}

const TuttiSchema *
tutti_table_get_schema (TuttiTable table)
{
  g_return_val_if_fail (table < TUTTI_N_TABLES, NULL);
  return tables[table].schema;
}

/* Fields that are a column: everything but nested records and lists. */
static gboolean
field_is_column (const TuttiField *field)
{
  return field->kind != TUTTI_FIELD_OBJECT &&
         field->kind != TUTTI_FIELD_LIST &&
         field->kind != TUTTI_FIELD_STRV &&
         !(field->flags & TUTTI_FIELD_FLAG_COMPUTED);
}

static gboolean
set_sqlite_error (TuttiStore  *self,
                  int          rc,
                  GError     **error)
{
  int code = TUTTI_STORE_ERROR_FAILED;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    code = TUTTI_STORE_ERROR_CONSTRAINT;
  g_set_error (error, TUTTI_STORE_ERROR, code, "SQLite: %s (%d)",
               self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc), rc);
  return FALSE;
}

static void
tutti_store_finalize (GObject *object)
{
  TuttiStore *self = (TuttiStore *) object;

  /* Statements first: a connection with live statements does not close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_warning ("Closing %s: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (tutti_store_parent_class)->finalize (object);
}

static void
tutti_store_class_init (TuttiStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tutti_store_finalize;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
tutti_store_init (TuttiStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

static gboolean
exec_static (TuttiStore  *self,
             const char  *sql,
             GError     **error)
{
  char *message = NULL;
  int rc;

  /* Only for constant SQL of this file (pragmas, migrations). */
  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TUTTI_STORE_ERROR, TUTTI_STORE_ERROR_FAILED,
                   "SQLite: %s", message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
tutti_store_prepare (TuttiStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TUTTI_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
tutti_store_run (TuttiStore    *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
tutti_store_step (TuttiStore    *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

void
tutti_store_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
tutti_store_bind_int (sqlite3_stmt *stmt,
                      int           index,
                      gint64        value)
{
  if (value == TUTTI_NO_VALUE)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

char *
tutti_store_column_dup (sqlite3_stmt *stmt,
                        int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

void
tutti_store_end_reads (TuttiStore *self)
{
  GHashTableIter iter;
  gpointer stmt;

  g_return_if_fail (TUTTI_IS_STORE (self));

  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_reset (stmt);
}

gboolean
tutti_store_query_text (TuttiStore  *self,
                        const char  *sql,
                        gint64       id,
                        char       **text_out,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (text_out != NULL, FALSE);

  *text_out = NULL;
  stmt = tutti_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (tutti_store_step (self, stmt, &local_error))
    *text_out = tutti_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static char *
column_list (const TuttiSchema *schema)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < schema->n_fields; i++)
    {
      if (!field_is_column (&schema->fields[i]))
        continue;
      if (sql->len > 0)
        g_string_append (sql, ", ");
      g_string_append_printf (sql, "\"%s\"", schema->fields[i].key);
    }
  return g_string_free (sql, FALSE);
}

sqlite3_stmt *
tutti_store_prepare_select (TuttiStore  *self,
                            TuttiTable   table,
                            const char  *tail,
                            GError     **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (table < TUTTI_N_TABLES, NULL);

  columns = column_list (tables[table].schema);
  sql = g_strdup_printf ("SELECT %s FROM %s %s", columns, tables[table].name,
                         tail != NULL ? tail : "");
  return tutti_store_prepare (self, sql, error);
}

gpointer
tutti_store_read_record (TuttiStore   *self,
                         TuttiTable    table,
                         sqlite3_stmt *stmt)
{
  const TuttiSchema *schema = tables[table].schema;
  gpointer record = tutti_record_new (schema);
  int column = 0;

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];
      gpointer member = G_STRUCT_MEMBER_P (record, field->offset);
      gboolean is_null;

      if (!field_is_column (field))
        continue;

      is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;
      switch (field->kind)
        {
        case TUTTI_FIELD_STRING:
        case TUTTI_FIELD_DATE:
        case TUTTI_FIELD_DATETIME:
        case TUTTI_FIELD_TIME:
          g_free (*(char **) member);
          *(char **) member = tutti_store_column_dup (stmt, column);
          break;

        case TUTTI_FIELD_INT:
        case TUTTI_FIELD_MINUTES:
        case TUTTI_FIELD_MONEY:
        case TUTTI_FIELD_DECIMAL:
          if (is_null)
            *(gint64 *) member = (field->flags & TUTTI_FIELD_FLAG_NULLABLE) ? TUTTI_NO_VALUE : 0;
          else
            *(gint64 *) member = sqlite3_column_int64 (stmt, column);
          break;

        case TUTTI_FIELD_BOOL:
          *(gboolean *) member = sqlite3_column_int (stmt, column) != 0;
          break;

        case TUTTI_FIELD_ENUM:
          {
            const char *nick = (const char *) sqlite3_column_text (stmt, column);
            int value = nick != NULL ? tutti_enum_from_nick (field->enum_type, nick) : 0;

            *(int *) member = value >= 0 ? value : 0;
          }
          break;

        case TUTTI_FIELD_OBJECT:
        case TUTTI_FIELD_LIST:
        case TUTTI_FIELD_STRV:
        default:
          g_assert_not_reached ();
        }
      column++;
    }

  return record;
}

GPtrArray *
tutti_store_read_records (TuttiStore    *self,
                          TuttiTable     table,
                          sqlite3_stmt  *stmt,
                          GError       **error)
{
  g_autoptr(GPtrArray) records = tutti_record_list_new (tables[table].schema);
  GError *local_error = NULL;

  while (tutti_store_step (self, stmt, &local_error))
    g_ptr_array_add (records, tutti_store_read_record (self, table, stmt));

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

static void
bind_field (sqlite3_stmt     *stmt,
            int               index,
            const TuttiField *field,
            gconstpointer     record)
{
  gconstpointer member = G_STRUCT_MEMBER_P (record, field->offset);

  switch (field->kind)
    {
    case TUTTI_FIELD_STRING:
    case TUTTI_FIELD_DATE:
    case TUTTI_FIELD_DATETIME:
    case TUTTI_FIELD_TIME:
      tutti_store_bind_text (stmt, index, *(char * const *) member);
      break;

    case TUTTI_FIELD_INT:
    case TUTTI_FIELD_MINUTES:
    case TUTTI_FIELD_MONEY:
    case TUTTI_FIELD_DECIMAL:
      {
        gint64 value = *(const gint64 *) member;

        /* Let SQLite number new rows. */
        if (g_str_equal (field->key, "id") && value <= 0)
          sqlite3_bind_null (stmt, index);
        else
          tutti_store_bind_int (stmt, index, value);
      }
      break;

    case TUTTI_FIELD_BOOL:
      sqlite3_bind_int (stmt, index, *(const gboolean *) member ? 1 : 0);
      break;

    case TUTTI_FIELD_ENUM:
      tutti_store_bind_text (stmt, index,
                             tutti_enum_to_nick (field->enum_type, *(const int *) member));
      break;

    case TUTTI_FIELD_OBJECT:
    case TUTTI_FIELD_LIST:
    case TUTTI_FIELD_STRV:
    default:
      g_assert_not_reached ();
    }
}

gint64
tutti_store_insert (TuttiStore     *self,
                    TuttiTable      table,
                    gconstpointer   record,
                    const char     *extra_column,
                    gint64          extra_value,
                    GError        **error)
{
  const TuttiSchema *schema;
  g_autoptr(GString) sql = NULL;
  g_autofree char *columns = NULL;
  sqlite3_stmt *stmt;
  guint n_columns = 0;
  int index = 1;

  g_return_val_if_fail (TUTTI_IS_STORE (self), 0);
  g_return_val_if_fail (table < TUTTI_N_TABLES, 0);

  schema = tables[table].schema;
  columns = column_list (schema);
  for (guint i = 0; i < schema->n_fields; i++)
    if (field_is_column (&schema->fields[i]))
      n_columns++;

  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s (%s", tables[table].name, columns);
  if (extra_column != NULL)
    g_string_append_printf (sql, ", \"%s\"", extra_column);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n_columns + (extra_column != NULL ? 1 : 0); i++)
    g_string_append (sql, i == 0 ? "?" : ", ?");
  g_string_append (sql, ")");

  stmt = tutti_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return 0;

  for (guint i = 0; i < schema->n_fields; i++)
    if (field_is_column (&schema->fields[i]))
      bind_field (stmt, index++, &schema->fields[i], record);
  if (extra_column != NULL)
    tutti_store_bind_int (stmt, index, extra_value);

  if (!tutti_store_run (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (self->db);
}

gboolean
tutti_store_begin (TuttiStore  *self,
                   GError     **error)
{
  /* IMMEDIATE takes the write lock now, so that the busy timeout applies
   * here rather than failing half-way. */
  return exec_static (self, "BEGIN IMMEDIATE", error);
}

gboolean
tutti_store_commit (TuttiStore  *self,
                    GError     **error)
{
  return exec_static (self, "COMMIT", error);
}

void
tutti_store_rollback (TuttiStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    exec_static (self, "ROLLBACK", NULL);
}

char *
tutti_store_get_setting (TuttiStore *self,
                         const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  stmt = tutti_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  tutti_store_bind_text (stmt, 1, key);
  if (tutti_store_step (self, stmt, NULL))
    {
      value = tutti_store_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  return value;
}

gboolean
tutti_store_set_setting (TuttiStore  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (self,
                              "INSERT INTO settings (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  tutti_store_bind_text (stmt, 1, key);
  tutti_store_bind_text (stmt, 2, value);
  return tutti_store_run (self, stmt, error);
}

int
tutti_store_get_latest_version (void)
{
  return (int) G_N_ELEMENTS (tutti_migrations);
}

static gboolean
migrate (TuttiStore  *self,
         GError     **error)
{
  sqlite3_stmt *stmt;
  int latest = tutti_store_get_latest_version ();

  if (!exec_static (self,
                    "CREATE TABLE IF NOT EXISTS schema_version ("
                    "  version INTEGER NOT NULL,"
                    "  applied_at TEXT NOT NULL)",
                    error))
    return FALSE;

  for (;;)
    {
      g_autofree char *now = NULL;
      int version = 0;

      if (!tutti_store_begin (self, error))
        return FALSE;

      /* Read inside the transaction: two processes starting together on
       * one data dir must not both apply a migration. */
      stmt = tutti_store_prepare (self, "SELECT COALESCE(MAX(version), 0) FROM schema_version", error);
      if (stmt == NULL)
        goto failed;
      if (tutti_store_step (self, stmt, error))
        {
          version = sqlite3_column_int (stmt, 0);
          sqlite3_reset (stmt);
        }
      else
        goto failed;

      if (version > latest)
        {
          g_set_error (error, TUTTI_STORE_ERROR, TUTTI_STORE_ERROR_SCHEMA,
                       "The database %s is at version %d, newer than this server (%d)",
                       self->path, version, latest);
          goto failed;
        }

      if (version == latest)
        {
          self->version = version;
          return tutti_store_commit (self, error);
        }

      g_debug ("Applying migration %d to %s", version + 1, self->path);
      if (!exec_static (self, tutti_migrations[version], error))
        goto failed;

      now = tutti_datetime_now ();
      stmt = tutti_store_prepare (self,
                                  "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                                  error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int (stmt, 1, version + 1);
      tutti_store_bind_text (stmt, 2, now);
      if (!tutti_store_run (self, stmt, error) ||
          !tutti_store_commit (self, error))
        goto failed;
    }

failed:
  tutti_store_rollback (self);
  return FALSE;
}

/* Every scalar field of each record table's schema must have its column:
 * a field added to core without a migration is caught here, at start. */
static gboolean
check_tables (TuttiStore  *self,
              GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare (self, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;

  for (guint t = 0; t < TUTTI_N_TABLES; t++)
    {
      const TuttiSchema *schema = tables[t].schema;

      for (guint i = 0; i < schema->n_fields; i++)
        {
          const TuttiField *field = &schema->fields[i];
          GError *local_error = NULL;

          if (!field_is_column (field))
            continue;

          sqlite3_reset (stmt);
          tutti_store_bind_text (stmt, 1, tables[t].name);
          tutti_store_bind_text (stmt, 2, field->key);
          if (tutti_store_step (self, stmt, &local_error))
            continue;
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          g_set_error (error, TUTTI_STORE_ERROR, TUTTI_STORE_ERROR_SCHEMA,
                       "Table %s has no column for field %s.%s",
                       tables[t].name, schema->name, field->key);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  return TRUE;
}

TuttiStore *
tutti_store_new (const char  *path,
                 GError     **error)
{
  g_autoptr(TuttiStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TUTTI_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);

  if (!exec_static (self,
                    "PRAGMA journal_mode = WAL;"
                    "PRAGMA synchronous = NORMAL;"
                    "PRAGMA foreign_keys = ON;",
                    error))
    return NULL;

  if (!migrate (self, error) || !check_tables (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
tutti_store_get_path (TuttiStore *self)
{
  g_return_val_if_fail (TUTTI_IS_STORE (self), NULL);
  return self->path;
}

int
tutti_store_get_version (TuttiStore *self)
{
  g_return_val_if_fail (TUTTI_IS_STORE (self), 0);
  return self->version;
}
