/* tutti-family.c — family and pupil files, and their pending changes (FAM, PUP)
 *
 * GET /family, GET and PATCH /family/guardians/{id}, GET and PATCH
 * /pupils/{id}, and a pupil's courses, history and repertoire. A family
 * reaches only its own guardians and pupils: any other id answers 404
 * exactly as a missing one.
 *
 * Nothing a family sends is applied to its records: each changed field
 * becomes a pending change (entity, id, field, old and new value as text,
 * the form tutti_record_get_text() gives) that the office accepts or
 * refuses (tutti-staff.c). A second edit of a field replaces its pending
 * value; an edit back to the current value withdraws it. Each PATCH that
 * changes something writes an acknowledgement to the outbox (MAIL-1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "tutti-family.h"

/* ---- Texts ------------------------------------------------------------------ */

static const TuttiText msg_not_editable = {
  "This field cannot be changed from the portal: please contact the office.",
  "Ce champ ne peut pas être modifié depuis le portail : contactez le secrétariat.",
};
static const TuttiText msg_unknown_field = {
  "There is no such field.",
  "Ce champ n’existe pas.",
};
static const TuttiText msg_send_as_changes = {
  "Send each change in pending_changes, as {\"field\", \"new_value\"}.",
  "Envoyez chaque modification dans pending_changes, sous la forme {\"field\", \"new_value\"}.",
};
static const TuttiText msg_no_change = {
  "No change was sent.",
  "Aucune modification n’a été envoyée.",
};


/* The acknowledgement e-mail (MAIL-1, FAM-1, PUP-2). */
static const TuttiText ack_subject = {
  "Acknowledgement - Changes to the file of ",
  "Accusé de réception - Modification de la fiche de ",
};
static const TuttiText ack_greeting = { "Hello", "Bonjour" };
static const TuttiText ack_intro = {
  "We have received the following changes to the file of ",
  "Nous avons bien reçu les modifications suivantes de la fiche de ",
};
static const TuttiText ack_withdrawn = {
  "change withdrawn, the current value stays",
  "modification retirée, la valeur actuelle est conservée",
};
static const TuttiText ack_outro = {
  "They will apply once the school office has validated them; until then the "
  "file keeps its current values.",
  "Elles seront prises en compte après validation par le secrétariat du "
  "conservatoire ; d’ici là, la fiche garde ses valeurs actuelles.",
};
/* The school's contact line, as FAM-4 shows it. */
static const TuttiText ack_contact = {
  "For any request contact the office",
  "Pour toute demande contacter le secrétariat",
};
/* French puts a space before the colon. */
static const TuttiText colon = { ": ", " : " };
static const TuttiText colon_end = { ":", " :" };

/* ---- Helpers shared with tutti-staff.c -------------------------------------- */

gint64
tutti_family_parse_id (const char *text)
{
  guint64 value;

  /* Digits only: no sign, no space, no leading "0x". */
  if (text == NULL || *text == '\0' || strspn (text, "0123456789") != strlen (text))
    return 0;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return 0;
  return (gint64) value;
}

static TuttiTable
entity_get_table (TuttiEntity entity)
{
  return entity == TUTTI_ENTITY_GUARDIAN ? TUTTI_TABLE_GUARDIANS : TUTTI_TABLE_PUPILS;
}

static gint64
entity_get_id (TuttiEntity   entity,
               gconstpointer record)
{
  if (entity == TUTTI_ENTITY_GUARDIAN)
    return ((const TuttiGuardian *) record)->id;
  return ((const TuttiPupil *) record)->id;
}

/* "Z-TEST Essai": the person a record is about. */
static char *
entity_get_name (TuttiEntity   entity,
                 gconstpointer record)
{
  const char *surname;
  const char *first_name;

  if (entity == TUTTI_ENTITY_GUARDIAN)
    {
      surname = ((const TuttiGuardian *) record)->surname;
      first_name = ((const TuttiGuardian *) record)->first_name;
    }
  else
    {
      surname = ((const TuttiPupil *) record)->surname;
      first_name = ((const TuttiPupil *) record)->first_name;
    }
  return g_strstrip (g_strdup_printf ("%s %s", surname != NULL ? surname : "",
                                      first_name != NULL ? first_name : ""));
}

static gboolean
field_is_scalar (const TuttiField *field)
{
  return field->kind != TUTTI_FIELD_OBJECT &&
         field->kind != TUTTI_FIELD_LIST &&
         field->kind != TUTTI_FIELD_STRV;
}

/* Every row of @stmt as records of @table; the first one alone, or %NULL
 * (with @error unset when there was none). */
static gpointer
read_one (TuttiStore    *store,
          TuttiTable     table,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(GPtrArray) rows = tutti_store_read_records (store, table, stmt, error);

  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

gpointer
tutti_family_load_entity (TuttiStore   *store,
                          TuttiEntity   entity,
                          gint64        id,
                          gint64        family_id,
                          gint64       *out_family_id,
                          GError      **error)
{
  TuttiTable table = entity_get_table (entity);
  gpointer record;
  sqlite3_stmt *stmt;

  if (id <= 0)
    return NULL;

  stmt = tutti_store_prepare_select (store, table,
                                     family_id > 0 ? "WHERE id = ? AND family_id = ?" : "WHERE id = ?",
                                     error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (family_id > 0)
    sqlite3_bind_int64 (stmt, 2, family_id);
  record = read_one (store, table, stmt, error);
  if (record == NULL || out_family_id == NULL)
    return record;

  if (family_id > 0)
    *out_family_id = family_id;
  else if (entity == TUTTI_ENTITY_PUPIL)
    *out_family_id = ((TuttiPupil *) record)->family_id;
  else
    {
      GError *local_error = NULL;

      /* A guardian's family is a column of its row, not a field. */
      *out_family_id = 0;
      stmt = tutti_store_prepare (store, "SELECT family_id FROM guardians WHERE id = ?", &local_error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          if (tutti_store_step (store, stmt, &local_error))
            {
              *out_family_id = sqlite3_column_int64 (stmt, 0);
              sqlite3_reset (stmt);
            }
        }
      if (local_error != NULL)
        {
          tutti_record_free (tutti_entity_get_schema (entity), record);
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  return record;
}

char *
tutti_family_load_name (TuttiStore  *store,
                        gint64       family_id,
                        GError     **error)
{
  g_autoptr(TuttiFamily) family = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_FAMILIES, "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  family = read_one (store, TUTTI_TABLE_FAMILIES, stmt, error);
  return family != NULL ? g_steal_pointer (&family->name) : NULL;
}

GPtrArray *
tutti_family_load_changes (TuttiStore  *store,
                           TuttiEntity  entity,
                           gint64       entity_id,
                           gboolean     family_view,
                           GError     **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) limit = NULL;
  GPtrArray *visible;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_PENDING_CHANGES,
                                     "WHERE entity = ? AND entity_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  tutti_store_bind_text (stmt, 1, tutti_enum_to_nick (&tutti_entity_enum, entity));
  sqlite3_bind_int64 (stmt, 2, entity_id);
  changes = tutti_store_read_records (store, TUTTI_TABLE_PENDING_CHANGES, stmt, error);
  if (changes == NULL || !family_view)
    return g_steal_pointer (&changes);

  /* Rows come by id: the last one of a field is its latest change. */
  latest = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < changes->len; i++)
    {
      TuttiPendingChange *change = g_ptr_array_index (changes, i);

      if (change->field != NULL)
        g_hash_table_insert (latest, change->field, change);
    }

  now = g_date_time_new_now_local ();
  limit = g_date_time_add_days (now, -TUTTI_FAMILY_REFUSED_DAYS);
  visible = tutti_record_list_new (&tutti_pending_change_schema);
  for (guint i = 0; i < changes->len; i++)
    {
      TuttiPendingChange *change = g_ptr_array_index (changes, i);
      gboolean keep = FALSE;

      if (change->field == NULL || g_hash_table_lookup (latest, change->field) != change)
        continue;

      if (change->state == TUTTI_CHANGE_PENDING)
        keep = TRUE;
      else if (change->state == TUTTI_CHANGE_REFUSED)
        {
          g_autoptr(GDateTime) decided = tutti_parse_datetime (change->decided_at);

          keep = decided != NULL && g_date_time_compare (decided, limit) >= 0;
        }

      if (keep)
        g_ptr_array_add (visible, tutti_pending_change_copy (change));
    }
  return visible;
}

static void
bind_field (sqlite3_stmt     *stmt,
            int               index,
            const TuttiField *field,
            gconstpointer     record)
{
  switch (field->kind)
    {
    case TUTTI_FIELD_STRING:
    case TUTTI_FIELD_DATE:
    case TUTTI_FIELD_DATETIME:
    case TUTTI_FIELD_TIME:
      tutti_store_bind_text (stmt, index, G_STRUCT_MEMBER (char *, record, field->offset));
      break;

    case TUTTI_FIELD_INT:
    case TUTTI_FIELD_MINUTES:
    case TUTTI_FIELD_MONEY:
    case TUTTI_FIELD_DECIMAL:
      tutti_store_bind_int (stmt, index, G_STRUCT_MEMBER (gint64, record, field->offset));
      break;

    case TUTTI_FIELD_BOOL:
      sqlite3_bind_int (stmt, index, G_STRUCT_MEMBER (gboolean, record, field->offset) ? 1 : 0);
      break;

    case TUTTI_FIELD_ENUM:
      tutti_store_bind_text (stmt, index,
                             tutti_enum_to_nick (field->enum_type,
                                                 G_STRUCT_MEMBER (int, record, field->offset)));
      break;

    case TUTTI_FIELD_OBJECT:
    case TUTTI_FIELD_LIST:
    case TUTTI_FIELD_STRV:
    default:
      g_assert_not_reached ();
    }
}

gboolean
tutti_family_save_entity (TuttiStore     *store,
                          TuttiEntity     entity,
                          gconstpointer   record,
                          GError        **error)
{
  const TuttiSchema *schema = tutti_entity_get_schema (entity);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gboolean first = TRUE;
  int index = 1;

  /* Column names are the schema's compile-time keys; values are bound. */
  g_string_append_printf (sql, "UPDATE %s SET ", tutti_table_get_name (entity_get_table (entity)));
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];

      if (!(field->flags & TUTTI_FIELD_FLAG_EDITABLE) || !field_is_scalar (field))
        continue;
      g_string_append_printf (sql, "%s\"%s\" = ?", first ? "" : ", ", field->key);
      first = FALSE;
    }
  g_string_append (sql, " WHERE id = ?");

  stmt = tutti_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];

      if ((field->flags & TUTTI_FIELD_FLAG_EDITABLE) && field_is_scalar (field))
        bind_field (stmt, index++, field, record);
    }
  sqlite3_bind_int64 (stmt, index, entity_get_id (entity, record));
  return tutti_store_run (store, stmt, error);
}

/* ---- Requests --------------------------------------------------------------- */

/* The caller's family, or 0 (staff accounts have none). */
static gint64
caller_family_id (TuttiRequest *request)
{
  TuttiAccount *account = tutti_request_get_account (request);

  return account != NULL && account->family_id > 0 ? account->family_id : 0;
}

/* 404 when nothing was found and nothing failed: one answer for a missing
 * id, another family's id and an id that is not a number. */
static void
reply_error_or_not_found (TuttiRequest *request,
                          const GError *error)
{
  if (error != NULL)
    tutti_request_reply_error (request, error);
  else
    tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
}

/* [records…] as GET /sites answers a list. */
static void
reply_list (TuttiRequest      *request,
            const TuttiSchema *schema,
            GPtrArray         *records)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < records->len; i++)
    json_array_add_element (array, tutti_record_to_json (schema, g_ptr_array_index (records, i)));
  json_node_set_array (node, array);
  tutti_request_reply_json (request, SOUP_STATUS_OK, node);
}

static TuttiSchool *
load_school (TuttiStore  *store,
             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_SCHOOL, "WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  return read_one (store, TUTTI_TABLE_SCHOOL, stmt, error);
}

/* Replaces the record's pending_changes with what the family sees. */
static gboolean
attach_changes (TuttiStore   *store,
                TuttiEntity   entity,
                gpointer      record,
                GError      **error)
{
  GPtrArray **list = tutti_entity_get_changes (entity, record);
  GPtrArray *changes;

  changes = tutti_family_load_changes (store, entity, entity_get_id (entity, record), TRUE, error);
  if (changes == NULL)
    return FALSE;
  g_clear_pointer (list, g_ptr_array_unref);
  *list = changes;
  return TRUE;
}

/* ---- GET /family, GET /family/guardians/{id} -------------------------------- */

static void
family_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  gint64 family_id = caller_family_id (request);
  g_autoptr(TuttiFamily) family = NULL;
  g_autoptr(GPtrArray) guardians = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  if (family_id <= 0)
    {
      reply_error_or_not_found (request, NULL);
      return;
    }

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_FAMILIES, "WHERE id = ?", &error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, family_id);
  family = read_one (store, TUTTI_TABLE_FAMILIES, stmt, &error);
  if (family == NULL)
    goto failed;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_GUARDIANS,
                                     "WHERE family_id = ? ORDER BY id", &error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, family_id);
  guardians = tutti_store_read_records (store, TUTTI_TABLE_GUARDIANS, stmt, &error);
  if (guardians == NULL)
    goto failed;
  for (guint i = 0; i < guardians->len; i++)
    if (!attach_changes (store, TUTTI_ENTITY_GUARDIAN, g_ptr_array_index (guardians, i), &error))
      goto failed;
  g_clear_pointer (&family->guardians, g_ptr_array_unref);
  family->guardians = g_steal_pointer (&guardians);

  /* FAM-4: the school's contact line. */
  g_clear_pointer (&family->school, tutti_school_free);
  family->school = load_school (store, &error);
  if (error != NULL)
    goto failed;

  tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_family_schema, family);
  return;

failed:
  reply_error_or_not_found (request, error);
}

/* The caller's own guardian or pupil named by the route's {id}, with the
 * changes the family sees; %NULL for anything else. */
static gpointer
load_own_entity (TuttiRequest  *request,
                 TuttiEntity    entity,
                 GError       **error)
{
  TuttiStore *store = tutti_request_get_store (request);
  gint64 family_id = caller_family_id (request);
  gint64 id = tutti_family_parse_id (tutti_request_get_param (request, "id"));
  gpointer record;

  if (family_id <= 0 || id <= 0)
    return NULL;
  record = tutti_family_load_entity (store, entity, id, family_id, NULL, error);
  if (record != NULL && !attach_changes (store, entity, record, error))
    g_clear_pointer (&record, tutti_entity_get_schema (entity)->free_func);
  return record;
}

static void
guardian_get (TuttiRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiGuardian) guardian = load_own_entity (request, TUTTI_ENTITY_GUARDIAN, &error);

  if (guardian == NULL)
    reply_error_or_not_found (request, error);
  else
    tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_guardian_schema, guardian);
}

/* ---- PATCH: pending changes --------------------------------------------------- */

/* One field of a PATCH that changed something, for the acknowledgement. */
typedef struct
{
  const TuttiField *field;
  char *value;            /* the new value as text */
  gboolean withdrawn;     /* sent back to the current value */
} Submitted;

static void
submitted_free (gpointer data)
{
  Submitted *submitted = data;

  g_free (submitted->value);
  g_free (submitted);
}

static void
add_submitted (GPtrArray        *list,
               const TuttiField *field,
               const char       *value,
               gboolean          withdrawn)
{
  Submitted *submitted = g_new0 (Submitted, 1);

  submitted->field = field;
  submitted->value = g_strdup (value);
  submitted->withdrawn = withdrawn;
  g_ptr_array_add (list, submitted);
}

/* Members of the body other than pending_changes (and the record's own
 * id) are refused: changes travel as {"field", "new_value"} only. */
static void
check_other_members (const TuttiSchema *schema,
                     gconstpointer      body,
                     gint64             entity_id,
                     TuttiLang          lang,
                     GError            *invalid)
{
  gpointer empty = tutti_record_new (schema);

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];
      g_autofree char *sent = NULL;
      g_autofree char *unset = NULL;

      if (!field_is_scalar (field))
        continue;
      sent = tutti_record_get_text (schema, body, field->key);
      unset = tutti_record_get_text (schema, empty, field->key);
      if (g_str_equal (sent, unset))
        continue;
      if (g_str_equal (field->key, "id") &&
          G_STRUCT_MEMBER (gint64, body, field->offset) == entity_id)
        continue;
      tutti_api_error_add_field (invalid, field->key,
                                 tutti_text_get ((field->flags & TUTTI_FIELD_FLAG_EDITABLE)
                                                 ? &msg_send_as_changes : &msg_not_editable,
                                                 lang));
    }
  tutti_record_free (schema, empty);
}

static TuttiPendingChange *
find_pending (GPtrArray  *changes,
              const char *key)
{
  TuttiPendingChange *found = NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      TuttiPendingChange *change = g_ptr_array_index (changes, i);

      if (change->state == TUTTI_CHANGE_PENDING && g_strcmp0 (change->field, key) == 0)
        found = change;
    }
  return found;
}

/* Stores the requested fields that differ from the current record as
 * pending changes, replacing a field's pending value, withdrawing it when
 * the field goes back to its current value. One transaction, or the
 * caller's when @in_transaction. */
static gboolean
store_changes (TuttiStore         *store,
               TuttiEntity         entity,
               gint64              family_id,
               gconstpointer       current,
               gconstpointer       would_be,
               GPtrArray          *requested,
               GPtrArray          *submitted,
               gboolean            in_transaction,
               GError            **error)
{
  const TuttiSchema *schema = tutti_entity_get_schema (entity);
  gint64 entity_id = entity_get_id (entity, current);
  g_autofree char *now = tutti_datetime_now ();
  g_autoptr(GPtrArray) existing = NULL;
  sqlite3_stmt *stmt;

  if (!in_transaction && !tutti_store_begin (store, error))
    return FALSE;

  /* Read again inside the transaction: one pending change per field even
   * when two requests meet. */
  existing = tutti_family_load_changes (store, entity, entity_id, FALSE, error);
  if (existing == NULL)
    goto failed;

  for (guint i = 0; i < requested->len; i++)
    {
      const TuttiField *field = g_ptr_array_index (requested, i);
      g_autofree char *old_value = tutti_record_get_text (schema, current, field->key);
      g_autofree char *new_value = tutti_record_get_text (schema, would_be, field->key);
      TuttiPendingChange *pending = find_pending (existing, field->key);

      if (g_str_equal (old_value, new_value))
        {
          if (pending == NULL)
            continue;
          stmt = tutti_store_prepare (store, "DELETE FROM pending_changes WHERE id = ?", error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, pending->id);
          if (!tutti_store_run (store, stmt, error))
            goto failed;
          add_submitted (submitted, field, new_value, TRUE);
          continue;
        }

      if (pending != NULL)
        {
          /* The same value again changes nothing. */
          if (g_strcmp0 (pending->new_value, new_value) == 0)
            continue;
          stmt = tutti_store_prepare (store,
                                      "UPDATE pending_changes SET old_value = ?, new_value = ?, "
                                      "created_at = ? WHERE id = ?", error);
          if (stmt == NULL)
            goto failed;
          tutti_store_bind_text (stmt, 1, old_value);
          tutti_store_bind_text (stmt, 2, new_value);
          tutti_store_bind_text (stmt, 3, now);
          sqlite3_bind_int64 (stmt, 4, pending->id);
          if (!tutti_store_run (store, stmt, error))
            goto failed;
        }
      else
        {
          g_autoptr(TuttiPendingChange) change = tutti_pending_change_new ();

          change->entity = entity;
          change->entity_id = entity_id;
          change->field = g_strdup (field->key);
          change->old_value = g_strdup (old_value);
          change->new_value = g_strdup (new_value);
          change->state = TUTTI_CHANGE_PENDING;
          change->created_at = g_strdup (now);
          if (tutti_store_insert (store, TUTTI_TABLE_PENDING_CHANGES, change,
                                  "family_id", family_id, error) == 0)
            goto failed;
        }
      add_submitted (submitted, field, new_value, FALSE);
    }

  if (in_transaction || tutti_store_commit (store, error))
    return TRUE;

failed:
  if (!in_transaction)
    tutti_store_rollback (store);
  return FALSE;
}

gboolean
tutti_family_write_changes (TuttiStore     *store,
                            TuttiEntity     entity,
                            gint64          family_id,
                            gconstpointer   current,
                            gconstpointer   would_be,
                            GPtrArray      *fields,
                            GError        **error)
{
  g_autoptr(GPtrArray) submitted = g_ptr_array_new_with_free_func (submitted_free);

  return store_changes (store, entity, family_id, current, would_be, fields, submitted, TRUE, error);
}

/* ---- The acknowledgement (MAIL-1) --------------------------------------------- */

typedef struct
{
  TuttiMailer *mailer;
  char *to_name;
  char *to_address;
  char *subject;
  char *body;
  TuttiEntity entity;
  gpointer record;        /* the answer, read back */
} AckJob;

static void
ack_job_free (gpointer data)
{
  AckJob *job = data;

  g_clear_object (&job->mailer);
  g_free (job->to_name);
  g_free (job->to_address);
  g_free (job->subject);
  g_free (job->body);
  if (job->record != NULL)
    tutti_record_free (tutti_entity_get_schema (job->entity), job->record);
  g_free (job);
}

static char *
compose_ack (TuttiLang      lang,
             const char    *to_name,
             TuttiEntity    entity,
             const char    *person,
             GPtrArray     *submitted,
             TuttiSchool   *school)
{
  GString *body = g_string_new (NULL);

  g_string_append_printf (body, "%s %s,\n\n", tutti_text_get (&ack_greeting, lang), to_name);
  g_string_append_printf (body, "%s%s (%s)%s\n\n", tutti_text_get (&ack_intro, lang), person,
                          tutti_enum_to_label (&tutti_entity_enum, entity, lang),
                          tutti_text_get (&colon_end, lang));

  for (guint i = 0; i < submitted->len; i++)
    {
      Submitted *change = g_ptr_array_index (submitted, i);
      g_autofree char *value = tutti_field_format_text (change->field, change->value, lang);

      g_string_append_printf (body, "- %s%s%s", tutti_text_get (&change->field->label, lang),
                              tutti_text_get (&colon, lang), value);
      if (change->withdrawn)
        g_string_append_printf (body, " (%s)", tutti_text_get (&ack_withdrawn, lang));
      g_string_append_c (body, '\n');
    }

  g_string_append_c (body, '\n');
  g_string_append (body, tutti_text_get (&ack_outro, lang));
  g_string_append (body, "\n\n");
  if (school != NULL)
    {
      g_string_append_printf (body, "%s%s%s / %s\n", tutti_text_get (&ack_contact, lang),
                              tutti_text_get (&colon, lang),
                              school->phone != NULL ? school->phone : "",
                              school->email != NULL ? school->email : "");
      if (school->name != NULL)
        g_string_append_printf (body, "\n%s\n", school->name);
    }
  return g_string_free (body, FALSE);
}

static void
ack_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AckJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;

  file_name = tutti_mailer_send (job->mailer, job->to_name, job->to_address,
                                 job->subject, job->body, &error);
  /* The changes are stored whatever happens to the mail. */
  if (file_name == NULL)
    g_warning ("Acknowledgement to %s: %s", job->to_address, error->message);
  else
    g_debug ("Acknowledgement mailed as %s", file_name);
  g_task_return_boolean (task, TRUE);
}

static void
ack_done (TuttiRequest *request,
          GTask        *task)
{
  AckJob *job = g_task_get_task_data (task);

  tutti_request_reply_record (request, SOUP_STATUS_ACCEPTED,
                              tutti_entity_get_schema (job->entity), job->record);
}

/* Replies 202 with @record (taken), after mailing the acknowledgement to
 * the logged-in guardian, in their language, when something changed. */
static void
reply_submitted (TuttiRequest *request,
                 TuttiEntity   entity,
                 gpointer      record,
                 GPtrArray    *submitted)
{
  TuttiAccount *account = tutti_request_get_account (request);
  TuttiLang lang = tutti_lang_from_tag (account->lang);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiSchool) school = NULL;
  g_autofree char *person = NULL;
  AckJob *job;

  if (submitted->len == 0 || tutti_is_blank (account->email))
    {
      tutti_request_reply_record (request, SOUP_STATUS_ACCEPTED,
                                  tutti_entity_get_schema (entity), record);
      tutti_record_free (tutti_entity_get_schema (entity), record);
      return;
    }

  school = load_school (tutti_request_get_store (request), &error);
  if (error != NULL)
    g_warning ("Acknowledgement: %s", error->message);

  person = entity_get_name (entity, record);
  job = g_new0 (AckJob, 1);
  job->mailer = g_object_ref (tutti_server_get_mailer (tutti_request_get_server (request)));
  job->to_name = g_strstrip (g_strdup_printf ("%s %s %s",
                                              tutti_enum_to_label (&tutti_civility_enum,
                                                                   account->civility, lang),
                                              account->surname != NULL ? account->surname : "",
                                              account->first_name != NULL ? account->first_name : ""));
  job->to_address = g_strdup (account->email);
  job->subject = g_strconcat (tutti_text_get (&ack_subject, lang), person, NULL);
  job->body = compose_ack (lang, job->to_name, entity, person, submitted, school);
  job->entity = entity;
  job->record = record;

  tutti_request_run_in_thread (request, job, ack_job_free, ack_thread, ack_done);
}

/* PATCH /family/guardians/{id}, PATCH /pupils/{id}: the body is the record
 * with only its pending_changes, [{"field", "new_value"}…]. */
static void
entity_patch (TuttiRequest *request,
              TuttiEntity   entity)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  const TuttiSchema *schema = tutti_entity_get_schema (entity);
  gint64 family_id = caller_family_id (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autoptr(GHashTable) problems = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) requested = g_ptr_array_new ();
  g_autoptr(GPtrArray) submitted = g_ptr_array_new_with_free_func (submitted_free);
  gpointer current = NULL;
  gpointer body = NULL;
  gpointer would_be = NULL;
  GPtrArray *changes;
  gint64 entity_id;

  /* Whose record first: another family's id is 404 whatever the body. */
  entity_id = tutti_family_parse_id (tutti_request_get_param (request, "id"));
  if (family_id > 0 && entity_id > 0)
    current = tutti_family_load_entity (store, entity, entity_id, family_id, NULL, &error);
  if (current == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }

  body = tutti_request_parse_record (request, schema, &error);
  if (body == NULL)
    {
      tutti_request_reply_error (request, error);
      goto out;
    }

  invalid = tutti_request_error_new (request, TUTTI_API_ERROR_INVALID);
  check_other_members (schema, body, entity_id, lang, invalid);
  changes = *tutti_entity_get_changes (entity, body);
  if (changes->len == 0)
    tutti_api_error_add_field (invalid, "pending_changes", tutti_text_get (&msg_no_change, lang));

  /* The record as it would be: current values, the changes still pending,
   * then this request's changes. */
  existing = tutti_family_load_changes (store, entity, entity_id, FALSE, &error);
  if (existing == NULL)
    {
      tutti_request_reply_error (request, error);
      goto out;
    }
  would_be = tutti_record_copy (schema, current);
  for (guint i = 0; i < existing->len; i++)
    {
      TuttiPendingChange *pending = g_ptr_array_index (existing, i);
      const TuttiField *field = tutti_schema_lookup (schema, pending->field);

      if (pending->state == TUTTI_CHANGE_PENDING && field != NULL && field_is_scalar (field))
        tutti_record_set_text (schema, would_be, field->key, pending->new_value, NULL);
    }

  for (guint i = 0; i < changes->len; i++)
    {
      TuttiPendingChange *change = g_ptr_array_index (changes, i);
      const TuttiField *field = tutti_schema_lookup (schema, change->field);

      if (field == NULL || !(field->flags & TUTTI_FIELD_FLAG_EDITABLE) || !field_is_scalar (field))
        {
          g_autofree char *key = NULL;

          if (tutti_is_blank (change->field))
            key = g_strdup_printf ("pending_changes.%u.field", i);
          else
            key = g_strdup (change->field);
          tutti_api_error_add_field (invalid, key,
                                     tutti_text_get (field == NULL ? &msg_unknown_field
                                                                   : &msg_not_editable, lang));
          continue;
        }
      if (!tutti_record_set_text (schema, would_be, field->key, change->new_value, NULL))
        {
          tutti_api_error_add_field (invalid, field->key, tutti_field_type_message (field, lang));
          continue;
        }
      /* A field sent twice: the last value counts. */
      if (!g_ptr_array_find (requested, field, NULL))
        g_ptr_array_add (requested, (gpointer) field);
    }

  /* Every rule of core on the whole would-be record, each field named. */
  problems = tutti_record_validate (schema, would_be, lang);
  if (problems != NULL)
    {
      GHashTableIter iter;
      gpointer key, message;

      g_hash_table_iter_init (&iter, problems);
      while (g_hash_table_iter_next (&iter, &key, &message))
        {
          GHashTable *named = tutti_api_error_get_fields (invalid);

          if (named == NULL || !g_hash_table_contains (named, key))
            tutti_api_error_add_field (invalid, key, message);
        }
    }
  if (tutti_api_error_get_fields (invalid) != NULL)
    {
      tutti_request_reply_error (request, invalid);
      goto out;
    }

  if (!store_changes (store, entity, family_id, current, would_be, requested, submitted, FALSE, &error) ||
      !attach_changes (store, entity, current, &error))
    {
      tutti_request_reply_error (request, error);
      goto out;
    }

  /* Read back: the current values, unchanged, and the changes pending. */
  reply_submitted (request, entity, g_steal_pointer (&current), submitted);

out:
  if (current != NULL)
    tutti_record_free (schema, current);
  if (body != NULL)
    tutti_record_free (schema, body);
  if (would_be != NULL)
    tutti_record_free (schema, would_be);
}

static void
guardian_patch (TuttiRequest *request)
{
  entity_patch (request, TUTTI_ENTITY_GUARDIAN);
}

/* ---- Pupils (PUP-2..5) ---------------------------------------------------------- */

static void
pupil_get (TuttiRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiPupil) pupil = load_own_entity (request, TUTTI_ENTITY_PUPIL, &error);

  if (pupil == NULL)
    reply_error_or_not_found (request, error);
  else
    tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_pupil_schema, pupil);
}

static void
pupil_patch (TuttiRequest *request)
{
  entity_patch (request, TUTTI_ENTITY_PUPIL);
}

/* The caller's own pupil of the route's {id}, without its changes. */
static TuttiPupil *
load_own_pupil (TuttiRequest  *request,
                GError       **error)
{
  gint64 family_id = caller_family_id (request);
  gint64 id = tutti_family_parse_id (tutti_request_get_param (request, "id"));

  if (family_id <= 0 || id <= 0)
    return NULL;
  return tutti_family_load_entity (tutti_request_get_store (request), TUTTI_ENTITY_PUPIL,
                                   id, family_id, NULL, error);
}

/* Rows of @table whose @tail's one parameter is @id, in an array that frees them. */
static GPtrArray *
load_children (TuttiStore  *store,
               TuttiTable   table,
               const char  *tail,
               gint64       id,
               GError     **error)
{
  sqlite3_stmt *stmt = tutti_store_prepare_select (store, table, tail, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return tutti_store_read_records (store, table, stmt, error);
}

static void
replace_list (GPtrArray **list,
              GPtrArray  *records)
{
  g_clear_pointer (list, g_ptr_array_unref);
  *list = records;
}

/* The week's order: Monday first, courses without a day last. */
static int
compare_courses (gconstpointer a,
                 gconstpointer b)
{
  const TuttiCourse *course_a = *(TuttiCourse * const *) a;
  const TuttiCourse *course_b = *(TuttiCourse * const *) b;
  int day_a = course_a->day == TUTTI_WEEKDAY_NONE ? 8 : (int) course_a->day;
  int day_b = course_b->day == TUTTI_WEEKDAY_NONE ? 8 : (int) course_b->day;
  int cmp;

  if (day_a != day_b)
    return day_a < day_b ? -1 : 1;
  cmp = g_strcmp0 (course_a->time, course_b->time);
  if (cmp == 0)
    cmp = g_strcmp0 (course_a->name, course_b->name);
  if (cmp == 0 && course_a->id != course_b->id)
    cmp = course_a->id < course_b->id ? -1 : 1;
  return cmp;
}

static void
courses_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiPupil) pupil = load_own_pupil (request, &error);
  g_autoptr(GPtrArray) courses = NULL;

  if (pupil != NULL)
    courses = load_children (store, TUTTI_TABLE_COURSES, "WHERE pupil_id = ?", pupil->id, &error);
  if (courses == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }
  g_ptr_array_sort (courses, compare_courses);
  reply_list (request, &tutti_course_schema, courses);
}

static void
course_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiPupil) pupil = load_own_pupil (request, &error);
  g_autoptr(TuttiCourse) course = NULL;
  GPtrArray *evaluations = NULL;
  GPtrArray *absences = NULL;
  gint64 course_id = tutti_family_parse_id (tutti_request_get_param (request, "course_id"));
  sqlite3_stmt *stmt;

  if (pupil == NULL || course_id <= 0)
    goto failed;
  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_COURSES, "WHERE id = ? AND pupil_id = ?",
                                     &error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, course_id);
  sqlite3_bind_int64 (stmt, 2, pupil->id);
  course = read_one (store, TUTTI_TABLE_COURSES, stmt, &error);
  if (course == NULL)
    goto failed;

  /* Newest first. */
  evaluations = load_children (store, TUTTI_TABLE_EVALUATIONS,
                               "WHERE course_id = ? ORDER BY date DESC, id DESC", course->id, &error);
  if (evaluations == NULL)
    goto failed;
  replace_list (&course->evaluations, evaluations);
  absences = load_children (store, TUTTI_TABLE_ABSENCES,
                            "WHERE course_id = ? ORDER BY date DESC, id DESC", course->id, &error);
  if (absences == NULL)
    goto failed;
  replace_list (&course->absences, absences);

  tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_course_schema, course);
  return;

failed:
  reply_error_or_not_found (request, error);
}

static void
history_list_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiPupil) pupil = load_own_pupil (request, &error);
  g_autoptr(GPtrArray) records = NULL;

  /* The latest year first. */
  if (pupil != NULL)
    records = load_children (store, TUTTI_TABLE_HISTORY_RECORDS,
                             "WHERE pupil_id = ? ORDER BY year DESC, department, class_name, id",
                             pupil->id, &error);
  if (records == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }
  reply_list (request, &tutti_history_record_schema, records);
}

static void
set_int_header (TuttiRequest *request,
                const char   *name,
                gint64        value)
{
  char text[24];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  tutti_request_set_header (request, name, text);
}

/* GET /pupils/{id}/history/{record_id}[/pages/{page}]: the record with
 * one page of its evaluations, in date order; the page in headers. */
static void
history_record_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiPupil) pupil = load_own_pupil (request, &error);
  g_autoptr(TuttiHistoryRecord) record = NULL;
  GPtrArray *evaluations;
  const char *page_text = tutti_request_get_param (request, "page");
  gint64 record_id = tutti_family_parse_id (tutti_request_get_param (request, "record_id"));
  gint64 page = page_text != NULL ? tutti_family_parse_id (page_text) : 1;
  gint64 per_page = TUTTI_FAMILY_EVALUATIONS_PER_PAGE;
  gint64 total = 0;
  gint64 pages;
  sqlite3_stmt *stmt;

  if (pupil == NULL || record_id <= 0 || page <= 0)
    goto failed;
  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_HISTORY_RECORDS,
                                     "WHERE id = ? AND pupil_id = ?", &error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, record_id);
  sqlite3_bind_int64 (stmt, 2, pupil->id);
  record = read_one (store, TUTTI_TABLE_HISTORY_RECORDS, stmt, &error);
  if (record == NULL)
    goto failed;

  stmt = tutti_store_prepare (store, "SELECT COUNT(*) FROM evaluations WHERE history_record_id = ?",
                              &error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, record->id);
  if (tutti_store_step (store, stmt, &error))
    {
      total = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (error != NULL)
    goto failed;

  /* A record without evaluations still has its one, empty, page. */
  pages = MAX (1, (total + per_page - 1) / per_page);
  if (page > pages)
    goto failed;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_EVALUATIONS,
                                     "WHERE history_record_id = ? ORDER BY date, id LIMIT ? OFFSET ?",
                                     &error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, record->id);
  sqlite3_bind_int64 (stmt, 2, per_page);
  sqlite3_bind_int64 (stmt, 3, (page - 1) * per_page);
  evaluations = tutti_store_read_records (store, TUTTI_TABLE_EVALUATIONS, stmt, &error);
  if (evaluations == NULL)
    goto failed;
  replace_list (&record->evaluations, evaluations);

  set_int_header (request, TUTTI_API_HEADER_PAGE, page);
  set_int_header (request, TUTTI_API_HEADER_PER_PAGE, per_page);
  set_int_header (request, TUTTI_API_HEADER_TOTAL, total);
  set_int_header (request, TUTTI_API_HEADER_TOTAL_PAGES, pages);
  tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_history_record_schema, record);
  return;

failed:
  reply_error_or_not_found (request, error);
}

static void
repertoire_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiPupil) pupil = load_own_pupil (request, &error);
  g_autoptr(GPtrArray) pieces = NULL;

  /* This year's pieces (no year yet) first, then the latest years. */
  if (pupil != NULL)
    pieces = load_children (store, TUTTI_TABLE_PIECES,
                            "WHERE pupil_id = ? ORDER BY year IS NOT NULL, year DESC, date DESC, id",
                            pupil->id, &error);
  if (pieces == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }
  reply_list (request, &tutti_piece_schema, pieces);
}

void
tutti_family_register (TuttiServer *server)
{
  tutti_server_add_route (server, "GET", TUTTI_API_FAMILY, TUTTI_ROUTE_AUTH, family_get);
  tutti_server_add_route (server, "GET", TUTTI_API_FAMILY "/guardians/{id}", TUTTI_ROUTE_AUTH,
                          guardian_get);
  tutti_server_add_route (server, "PATCH", TUTTI_API_FAMILY "/guardians/{id}", TUTTI_ROUTE_AUTH,
                          guardian_patch);
  tutti_server_add_route (server, "GET", TUTTI_API_PUPILS "/{id}", TUTTI_ROUTE_AUTH, pupil_get);
  tutti_server_add_route (server, "PATCH", TUTTI_API_PUPILS "/{id}", TUTTI_ROUTE_AUTH, pupil_patch);
  tutti_server_add_route (server, "GET", TUTTI_API_PUPILS "/{id}/courses", TUTTI_ROUTE_AUTH,
                          courses_get);
  tutti_server_add_route (server, "GET", TUTTI_API_PUPILS "/{id}/courses/{course_id}",
                          TUTTI_ROUTE_AUTH, course_get);
  tutti_server_add_route (server, "GET", TUTTI_API_PUPILS "/{id}/history", TUTTI_ROUTE_AUTH,
                          history_list_get);
  tutti_server_add_route (server, "GET", TUTTI_API_PUPILS "/{id}/history/{record_id}",
                          TUTTI_ROUTE_AUTH, history_record_get);
  tutti_server_add_route (server, "GET", TUTTI_API_PUPILS "/{id}/history/{record_id}/pages/{page}",
                          TUTTI_ROUTE_AUTH, history_record_get);
  tutti_server_add_route (server, "GET", TUTTI_API_PUPILS "/{id}/repertoire", TUTTI_ROUTE_AUTH,
                          repertoire_get);
}
