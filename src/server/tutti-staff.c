/* tutti-staff.c — the office's validation queue of pending changes (STAFF-1, STAFF-2)
 *
 * GET /staff/changes lists the records with changes awaiting the office,
 * grouped per record (family, person, changes, date); GET
 * /staff/changes/{entity}/{id} shows one record's, field by field, old →
 * new; POST …/decide accepts or refuses some of them, …/accept-all and
 * …/refuse-all all of them at once. Accepting writes the value to the
 * record; refusing keeps the record as it is and the reason for the family
 * to read. Every route is TUTTI_ROUTE_STAFF: 401 without a token, 403 with
 * a family's.
 *
 * A group is a JSON object made here for want of a core type (see API.md):
 * {"entity", "entity_id", "family_id", "family_name", "civility",
 * "surname", "first_name", "submitted_at", "changes": [TuttiPendingChange
 * + "label"]}.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <libsoup/soup.h>

#include "tutti-family.h"
#include "tutti-staff.h"

static const TuttiText msg_no_decision = {
  "No decision was sent.",
  "Aucune décision n’a été envoyée.",
};
static const TuttiText msg_no_such_change = {
  "This record has no such change.",
  "Cette fiche n’a pas cette modification.",
};
static const TuttiText msg_twice = {
  "This change is listed twice.",
  "Cette modification figure deux fois.",
};
static const TuttiText msg_changed_since = {
  "The family changed this value after it was shown to you: look at it again.",
  "La famille a modifié cette valeur après son affichage : consultez-la à nouveau.",
};
static const TuttiText msg_choose_state = {
  "Choose \"accepted\" or \"refused\".",
  "Choisissez « accepted » ou « refused ».",
};

/* One record's changes, as the queue lists them. */
typedef struct
{
  TuttiEntity entity;
  gint64 entity_id;
  gint64 family_id;
  char *family_name;
  gpointer record;
  GPtrArray *changes;     /* TuttiPendingChange */
  char *submitted_at;     /* the latest change's date */
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->family_name);
  if (group->record != NULL)
    tutti_record_free (tutti_entity_get_schema (group->entity), group->record);
  g_clear_pointer (&group->changes, g_ptr_array_unref);
  g_free (group->submitted_at);
  g_free (group);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Group, group_free)

static void
group_add_change (Group              *group,
                  TuttiPendingChange *change)
{
  if (group->submitted_at == NULL || g_strcmp0 (change->created_at, group->submitted_at) > 0)
    {
      g_free (group->submitted_at);
      group->submitted_at = g_strdup (change->created_at);
    }
  g_ptr_array_add (group->changes, change);
}

/* The group of the guardian or pupil @id, without changes; %NULL (with
 * @error unset) when there is no such record. */
static Group *
group_load (TuttiStore   *store,
            TuttiEntity   entity,
            gint64        id,
            GError      **error)
{
  g_autoptr(Group) group = g_new0 (Group, 1);

  group->entity = entity;
  group->entity_id = id;
  group->changes = tutti_record_list_new (&tutti_pending_change_schema);
  group->record = tutti_family_load_entity (store, entity, id, 0, &group->family_id, error);
  if (group->record == NULL)
    return NULL;
  group->family_name = tutti_family_load_name (store, group->family_id, error);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&group);
}

static void
set_nullable_string (JsonObject *object,
                     const char *name,
                     const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static JsonNode *
group_to_json (Group     *group,
               TuttiLang  lang)
{
  const TuttiSchema *schema = tutti_entity_get_schema (group->entity);
  JsonObject *object = json_object_new ();
  JsonArray *changes = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  TuttiCivility civility;
  const char *surname;
  const char *first_name;

  if (group->entity == TUTTI_ENTITY_GUARDIAN)
    {
      TuttiGuardian *guardian = group->record;

      civility = guardian->civility;
      surname = guardian->surname;
      first_name = guardian->first_name;
    }
  else
    {
      TuttiPupil *pupil = group->record;

      civility = pupil->civility;
      surname = pupil->surname;
      first_name = pupil->first_name;
    }

  json_object_set_string_member (object, "entity", tutti_enum_to_nick (&tutti_entity_enum, group->entity));
  json_object_set_int_member (object, "entity_id", group->entity_id);
  json_object_set_int_member (object, "family_id", group->family_id);
  set_nullable_string (object, "family_name", group->family_name);
  set_nullable_string (object, "civility", tutti_enum_to_nick (&tutti_civility_enum, civility));
  set_nullable_string (object, "surname", surname);
  set_nullable_string (object, "first_name", first_name);
  set_nullable_string (object, "submitted_at", group->submitted_at);

  for (guint i = 0; i < group->changes->len; i++)
    {
      TuttiPendingChange *change = g_ptr_array_index (group->changes, i);
      JsonNode *change_node = tutti_pending_change_to_json (change);
      const TuttiField *field = tutti_schema_lookup (schema, change->field);

      /* The field's label from core, in the request's language. */
      json_object_set_string_member (json_node_get_object (change_node), "label",
                                     field != NULL ? tutti_text_get (&field->label, lang)
                                                   : change->field);
      json_array_add_element (changes, change_node);
    }
  json_object_set_array_member (object, "changes", changes);

  json_node_take_object (node, object);
  return node;
}

static void
reply_group (TuttiRequest *request,
             Group        *group)
{
  g_autoptr(JsonNode) node = group_to_json (group, tutti_request_get_lang (request));

  tutti_request_reply_json (request, SOUP_STATUS_OK, node);
}

/* The oldest submission first: the queue is served in order. */
static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *group_a = *(Group * const *) a;
  const Group *group_b = *(Group * const *) b;
  int cmp = g_strcmp0 (group_a->submitted_at, group_b->submitted_at);

  if (cmp == 0 && group_a->entity != group_b->entity)
    cmp = group_a->entity < group_b->entity ? -1 : 1;
  if (cmp == 0 && group_a->entity_id != group_b->entity_id)
    cmp = group_a->entity_id < group_b->entity_id ? -1 : 1;
  return cmp;
}

/* ---- GET /staff/changes ------------------------------------------------------- */

static void
queue_get (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (group_free);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  Group *group = NULL;
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_PENDING_CHANGES,
                                     "WHERE state = ? ORDER BY entity, entity_id, id", &error);
  if (stmt == NULL)
    goto failed;
  tutti_store_bind_text (stmt, 1, tutti_enum_to_nick (&tutti_change_state_enum, TUTTI_CHANGE_PENDING));
  changes = tutti_store_read_records (store, TUTTI_TABLE_PENDING_CHANGES, stmt, &error);
  if (changes == NULL)
    goto failed;

  for (guint i = 0; i < changes->len; i++)
    {
      TuttiPendingChange *change = g_ptr_array_index (changes, i);
      TuttiPendingChange *previous = i > 0 ? g_ptr_array_index (changes, i - 1) : NULL;

      /* Rows come by record: each new record starts a group. */
      if (previous == NULL || previous->entity != change->entity ||
          previous->entity_id != change->entity_id)
        {
          group = group_load (store, change->entity, change->entity_id, &error);
          if (error != NULL)
            goto failed;
          /* A record removed since has nothing left to decide. */
          if (group != NULL)
            g_ptr_array_add (groups, group);
        }
      if (group != NULL)
        group_add_change (group, tutti_pending_change_copy (change));
    }

  g_ptr_array_sort (groups, compare_groups);
  for (guint i = 0; i < groups->len; i++)
    json_array_add_element (array, group_to_json (g_ptr_array_index (groups, i), lang));
  json_node_set_array (node, array);
  tutti_request_reply_json (request, SOUP_STATUS_OK, node);
  return;

failed:
  tutti_request_reply_error (request, error);
}

/* ---- One record ------------------------------------------------------------------ */

/* The record of the route's {entity}/{id}, any family's; %NULL for 404. */
static Group *
load_route_group (TuttiRequest  *request,
                  GError       **error)
{
  const char *nick = tutti_request_get_param (request, "entity");
  int entity = tutti_enum_from_nick (&tutti_entity_enum, nick);
  gint64 id = tutti_family_parse_id (tutti_request_get_param (request, "id"));

  if (nick == NULL || *nick == '\0' || entity < 0 || id <= 0)
    return NULL;
  return group_load (tutti_request_get_store (request), entity, id, error);
}

static void
reply_error_or_not_found (TuttiRequest *request,
                          const GError *error)
{
  if (error != NULL)
    tutti_request_reply_error (request, error);
  else
    tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
}

static void
record_get (TuttiRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Group) group = load_route_group (request, &error);
  g_autoptr(GPtrArray) changes = NULL;

  if (group == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }

  changes = tutti_family_load_changes (tutti_request_get_store (request), group->entity,
                                       group->entity_id, FALSE, &error);
  if (changes == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      TuttiPendingChange *change = g_ptr_array_index (changes, i);

      if (change->state == TUTTI_CHANGE_PENDING)
        group_add_change (group, tutti_pending_change_copy (change));
    }
  reply_group (request, group);
}

/* A decision: the change's id, the state wanted, the reason of a refusal,
 * and the new value the office saw, if sent: the family may have edited
 * the change since (a second edit replaces the pending value in place). */
typedef struct
{
  gint64 id;
  TuttiChangeState state;
  const char *reason;
  const char *seen_value;
} Decision;

static TuttiPendingChange *
find_change (GPtrArray *changes,
             gint64     id)
{
  for (guint i = 0; i < changes->len; i++)
    {
      TuttiPendingChange *change = g_ptr_array_index (changes, i);

      if (change->id == id)
        return change;
    }
  return NULL;
}

/* Applies @decisions to @group's record in one transaction, read and
 * written inside it so that two offices deciding at once cannot both
 * decide one change. @all: every pending change of the record instead of
 * @decisions, with @all_state and @all_reason. The changes decided go to
 * @group->changes. Returns FALSE with an API error (422, 409) or another. */
static gboolean
decide (TuttiRequest      *request,
        Group             *group,
        GArray            *decisions,
        gboolean           all,
        TuttiChangeState   all_state,
        const char        *all_reason,
        GError           **error)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  const TuttiSchema *schema = tutti_entity_get_schema (group->entity);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) invalid = tutti_request_error_new (request, TUTTI_API_ERROR_INVALID);
  g_autofree char *now = tutti_datetime_now ();
  g_autoptr(GError) conflict = tutti_request_error_new (request, TUTTI_API_ERROR_CONFLICT);
  gboolean in_conflict = FALSE;
  gboolean record_changed = FALSE;
  gpointer record;
  sqlite3_stmt *stmt;

  if (!tutti_store_begin (store, error))
    return FALSE;

  /* The record as it is now: accepting writes back all its editable fields. */
  record = tutti_family_load_entity (store, group->entity, group->entity_id, 0, NULL, error);
  if (record == NULL)
    {
      if (error != NULL && *error == NULL)
        g_propagate_error (error, tutti_request_error_new (request, TUTTI_API_ERROR_NOT_FOUND));
      goto failed;
    }
  tutti_record_free (schema, group->record);
  group->record = record;

  changes = tutti_family_load_changes (store, group->entity, group->entity_id, FALSE, error);
  if (changes == NULL)
    goto failed;

  if (all)
    {
      g_array_set_size (decisions, 0);
      for (guint i = 0; i < changes->len; i++)
        {
          TuttiPendingChange *change = g_ptr_array_index (changes, i);
          Decision decision = { change->id, all_state, all_reason, NULL };

          if (change->state == TUTTI_CHANGE_PENDING)
            g_array_append_val (decisions, decision);
        }
    }

  for (guint i = 0; i < decisions->len; i++)
    {
      Decision *decision = &g_array_index (decisions, Decision, i);
      TuttiPendingChange *change = find_change (changes, decision->id);
      g_autofree char *id_key = g_strdup_printf ("pending_changes.%u.id", i);

      if (change == NULL)
        tutti_api_error_add_field (invalid, id_key, tutti_text_get (&msg_no_such_change, lang));
      else if (decision->state != TUTTI_CHANGE_ACCEPTED && decision->state != TUTTI_CHANGE_REFUSED)
        {
          g_autofree char *state_key = g_strdup_printf ("pending_changes.%u.state", i);

          tutti_api_error_add_field (invalid, state_key, tutti_text_get (&msg_choose_state, lang));
        }
      else if (change->state != TUTTI_CHANGE_PENDING)
        in_conflict = TRUE;
      else if (decision->seen_value != NULL && g_strcmp0 (decision->seen_value, change->new_value) != 0)
        {
          g_autofree char *value_key = g_strdup_printf ("pending_changes.%u.new_value", i);

          tutti_api_error_add_field (conflict, value_key, tutti_text_get (&msg_changed_since, lang));
          in_conflict = TRUE;
        }
      else
        for (guint j = 0; j < i; j++)
          if (g_array_index (decisions, Decision, j).id == decision->id)
            {
              tutti_api_error_add_field (invalid, id_key, tutti_text_get (&msg_twice, lang));
              break;
            }
    }
  if (tutti_api_error_get_fields (invalid) != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&invalid));
      goto failed;
    }
  if (in_conflict)
    {
      /* Decided meanwhile, by someone else or an earlier click, or edited
       * by the family since the office looked at it. */
      g_propagate_error (error, g_steal_pointer (&conflict));
      goto failed;
    }

  for (guint i = 0; i < decisions->len; i++)
    {
      Decision *decision = &g_array_index (decisions, Decision, i);
      TuttiPendingChange *change = tutti_pending_change_copy (find_change (changes, decision->id));

      group_add_change (group, change);
      change->state = decision->state;
      change->decided_at = g_strdup (now);
      g_clear_pointer (&change->reason, g_free);
      if (decision->state == TUTTI_CHANGE_REFUSED && !tutti_is_blank (decision->reason))
        change->reason = g_strdup (decision->reason);

      if (decision->state == TUTTI_CHANGE_ACCEPTED)
        {
          const TuttiField *field = tutti_schema_lookup (schema, change->field);

          /* Stored changes were checked when the family sent them. */
          if (field == NULL || !(field->flags & TUTTI_FIELD_FLAG_EDITABLE))
            {
              g_set_error (error, TUTTI_STORE_ERROR, TUTTI_STORE_ERROR_FAILED,
                           "Change %" G_GINT64_FORMAT " names field “%s”, which cannot be changed",
                           change->id, change->field);
              goto failed;
            }
          if (!tutti_record_set_text (schema, group->record, field->key, change->new_value, error))
            goto failed;
          record_changed = TRUE;
        }

      stmt = tutti_store_prepare (store,
                                  "UPDATE pending_changes SET state = ?, reason = ?, decided_at = ? "
                                  "WHERE id = ?", error);
      if (stmt == NULL)
        goto failed;
      tutti_store_bind_text (stmt, 1, tutti_enum_to_nick (&tutti_change_state_enum, change->state));
      tutti_store_bind_text (stmt, 2, change->reason);
      tutti_store_bind_text (stmt, 3, change->decided_at);
      sqlite3_bind_int64 (stmt, 4, change->id);
      if (!tutti_store_run (store, stmt, error))
        goto failed;
    }

  if (record_changed && !tutti_family_save_entity (store, group->entity, group->record, error))
    goto failed;

  if (tutti_store_commit (store, error))
    return TRUE;

failed:
  tutti_store_rollback (store);
  return FALSE;
}

/* POST /staff/changes/{entity}/{id}/decide
 * {"pending_changes": [{"id", "state": "accepted"|"refused", "reason"?,
 *                       "new_value"?}]} */
static void
decide_post (TuttiRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Group) group = load_route_group (request, &error);
  g_autoptr(GArray) decisions = g_array_new (FALSE, FALSE, sizeof (Decision));
  const TuttiSchema *schema;
  gpointer body;
  GPtrArray *sent;

  if (group == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }

  schema = tutti_entity_get_schema (group->entity);
  body = tutti_request_parse_record (request, schema, &error);
  if (body == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  sent = *tutti_entity_get_changes (group->entity, body);
  for (guint i = 0; i < sent->len; i++)
    {
      TuttiPendingChange *change = g_ptr_array_index (sent, i);
      Decision decision = { change->id, change->state, change->reason, change->new_value };

      g_array_append_val (decisions, decision);
    }

  if (decisions->len == 0)
    {
      error = tutti_request_error_new (request, TUTTI_API_ERROR_INVALID);
      tutti_api_error_add_field (error, "pending_changes",
                                 tutti_text_get (&msg_no_decision, tutti_request_get_lang (request)));
    }
  else if (decide (request, group, decisions, FALSE, TUTTI_CHANGE_PENDING, NULL, &error))
    reply_group (request, group);

  if (error != NULL)
    tutti_request_reply_error (request, error);
  /* The decisions point into the body's changes: freed last. */
  tutti_record_free (schema, body);
}

static void
decide_all (TuttiRequest     *request,
            TuttiChangeState  state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Group) group = load_route_group (request, &error);
  g_autoptr(GArray) decisions = g_array_new (FALSE, FALSE, sizeof (Decision));
  g_autoptr(TuttiPendingChange) body = NULL;

  if (group == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }

  /* An optional body: {"reason"} for a refusal. */
  if (state == TUTTI_CHANGE_REFUSED && tutti_request_get_header (request, "Content-Type") != NULL)
    {
      body = tutti_request_parse_record (request, &tutti_pending_change_schema, &error);
      if (body == NULL)
        {
          tutti_request_reply_error (request, error);
          return;
        }
    }

  if (decide (request, group, decisions, TRUE, state, body != NULL ? body->reason : NULL, &error))
    reply_group (request, group);
  else
    tutti_request_reply_error (request, error);
}

static void
accept_all_post (TuttiRequest *request)
{
  decide_all (request, TUTTI_CHANGE_ACCEPTED);
}

static void
refuse_all_post (TuttiRequest *request)
{
  decide_all (request, TUTTI_CHANGE_REFUSED);
}

void
tutti_staff_register (TuttiServer *server)
{
  tutti_server_add_route (server, "GET", TUTTI_API_STAFF "/changes", TUTTI_ROUTE_STAFF, queue_get);
  tutti_server_add_route (server, "GET", TUTTI_API_STAFF "/changes/{entity}/{id}", TUTTI_ROUTE_STAFF,
                          record_get);
  tutti_server_add_route (server, "POST", TUTTI_API_STAFF "/changes/{entity}/{id}/decide",
                          TUTTI_ROUTE_STAFF, decide_post);
  tutti_server_add_route (server, "POST", TUTTI_API_STAFF "/changes/{entity}/{id}/accept-all",
                          TUTTI_ROUTE_STAFF, accept_all_post);
  tutti_server_add_route (server, "POST", TUTTI_API_STAFF "/changes/{entity}/{id}/refuse-all",
                          TUTTI_ROUTE_STAFF, refuse_all_post);
}
