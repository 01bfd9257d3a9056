/* tutti-schema.c — the generic codec, copy, equality and validation of records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-core"

#include "tutti-schema.h"

#include <string.h>

#include "tutti-error.h"
#include "tutti-format.h"
#include "tutti-validate.h"

/* Strings longer than this are refused unless the field says otherwise. */
#define DEFAULT_MAX_LENGTH 1000

#define FIELD_PTR(record, field) G_STRUCT_MEMBER_P ((record), (field)->offset)
#define FIELD_STR(record, field) G_STRUCT_MEMBER (char *, (record), (field)->offset)
#define FIELD_I64(record, field) G_STRUCT_MEMBER (gint64, (record), (field)->offset)
#define FIELD_INT(record, field) G_STRUCT_MEMBER (int, (record), (field)->offset)
#define FIELD_BOOL(record, field) G_STRUCT_MEMBER (gboolean, (record), (field)->offset)
#define FIELD_OBJ(record, field) G_STRUCT_MEMBER (gpointer, (record), (field)->offset)
#define FIELD_LIST(record, field) G_STRUCT_MEMBER (GPtrArray *, (record), (field)->offset)
#define FIELD_STRV(record, field) G_STRUCT_MEMBER (char **, (record), (field)->offset)

static gboolean
kind_is_string (TuttiFieldKind kind)
{
  return kind == TUTTI_FIELD_STRING || kind == TUTTI_FIELD_DATE ||
         kind == TUTTI_FIELD_DATETIME || kind == TUTTI_FIELD_TIME;
}

static gboolean
kind_is_number (TuttiFieldKind kind)
{
  return kind == TUTTI_FIELD_INT || kind == TUTTI_FIELD_MINUTES ||
         kind == TUTTI_FIELD_MONEY || kind == TUTTI_FIELD_DECIMAL;
}

/* ---- Enums ---------------------------------------------------------------- */

const char *
tutti_enum_to_nick (const TuttiEnum *enum_type,
                    int              value)
{
  g_return_val_if_fail (enum_type != NULL, NULL);

  if (value < 0 || (guint) value >= enum_type->n_values)
    return NULL;
  return enum_type->nicks[value];
}

/* Returns: the value, or -1 for an unknown nick. A %NULL or empty nick is
 * the unset value 0 when the enum has one (a %NULL nick at 0). */
int
tutti_enum_from_nick (const TuttiEnum *enum_type,
                      const char      *nick)
{
  g_return_val_if_fail (enum_type != NULL, -1);

  if (nick == NULL || *nick == '\0')
    return enum_type->nicks[0] == NULL ? 0 : -1;

  for (guint i = 0; i < enum_type->n_values; i++)
    if (enum_type->nicks[i] != NULL && strcmp (enum_type->nicks[i], nick) == 0)
      return (int) i;
  return -1;
}

const char *
tutti_enum_to_label (const TuttiEnum *enum_type,
                     int              value,
                     TuttiLang        lang)
{
  g_return_val_if_fail (enum_type != NULL, "");

  if (value < 0 || (guint) value >= enum_type->n_values)
    return "";
  return tutti_text_get (&enum_type->labels[value], lang);
}

/* ---- Schemas -------------------------------------------------------------- */

const TuttiField *
tutti_schema_lookup (const TuttiSchema *schema,
                     const char        *key)
{
  g_return_val_if_fail (schema != NULL, NULL);

  if (key == NULL)
    return NULL;
  for (guint i = 0; i < schema->n_fields; i++)
    if (strcmp (schema->fields[i].key, key) == 0)
      return &schema->fields[i];
  return NULL;
}

/* ---- Life cycle ----------------------------------------------------------- */

GPtrArray *
tutti_record_list_new (const TuttiSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return g_ptr_array_new_with_free_func (schema->free_func);
}

gpointer
tutti_record_new (const TuttiSchema *schema)
{
  gpointer record;

  g_return_val_if_fail (schema != NULL, NULL);

  record = g_malloc0 (schema->size);
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];

      if (kind_is_number (field->kind) && (field->flags & TUTTI_FIELD_FLAG_NULLABLE))
        FIELD_I64 (record, field) = TUTTI_NO_VALUE;
      else if (field->kind == TUTTI_FIELD_LIST)
        FIELD_LIST (record, field) = tutti_record_list_new (field->schema);
    }
  return record;
}

void
tutti_record_free (const TuttiSchema *schema,
                   gpointer           record)
{
  g_return_if_fail (schema != NULL);

  if (record == NULL)
    return;

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];

      if (kind_is_string (field->kind))
        g_free (FIELD_STR (record, field));
      else if (field->kind == TUTTI_FIELD_OBJECT)
        tutti_record_free (field->schema, FIELD_OBJ (record, field));
      else if (field->kind == TUTTI_FIELD_LIST)
        g_clear_pointer (&FIELD_LIST (record, field), g_ptr_array_unref);
      else if (field->kind == TUTTI_FIELD_STRV)
        g_strfreev (FIELD_STRV (record, field));
    }
  g_free (record);
}

gpointer
tutti_record_copy (const TuttiSchema *schema,
                   gconstpointer      record)
{
  gpointer copy;

  g_return_val_if_fail (schema != NULL, NULL);

  if (record == NULL)
    return NULL;

  copy = g_malloc0 (schema->size);
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];

      switch (field->kind)
        {
        case TUTTI_FIELD_STRING:
        case TUTTI_FIELD_DATE:
        case TUTTI_FIELD_DATETIME:
        case TUTTI_FIELD_TIME:
          FIELD_STR (copy, field) = g_strdup (FIELD_STR (record, field));
          break;

        case TUTTI_FIELD_INT:
        case TUTTI_FIELD_MINUTES:
        case TUTTI_FIELD_MONEY:
        case TUTTI_FIELD_DECIMAL:
          FIELD_I64 (copy, field) = FIELD_I64 (record, field);
          break;

        case TUTTI_FIELD_BOOL:
          FIELD_BOOL (copy, field) = FIELD_BOOL (record, field);
          break;

        case TUTTI_FIELD_ENUM:
          FIELD_INT (copy, field) = FIELD_INT (record, field);
          break;

        case TUTTI_FIELD_OBJECT:
          FIELD_OBJ (copy, field) = tutti_record_copy (field->schema, FIELD_OBJ (record, field));
          break;

        case TUTTI_FIELD_LIST:
          {
            GPtrArray *src = FIELD_LIST (record, field);
            GPtrArray *dst = tutti_record_list_new (field->schema);

            for (guint j = 0; src != NULL && j < src->len; j++)
              g_ptr_array_add (dst, tutti_record_copy (field->schema, g_ptr_array_index (src, j)));
            FIELD_LIST (copy, field) = dst;
          }
          break;

        case TUTTI_FIELD_STRV:
          FIELD_STRV (copy, field) = g_strdupv (FIELD_STRV (record, field));
          break;

        default:
          g_assert_not_reached ();
        }
    }
  return copy;
}

gboolean
tutti_record_equal (const TuttiSchema *schema,
                    gconstpointer      a,
                    gconstpointer      b)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  da = tutti_record_to_data (schema, a);
  db = tutti_record_to_data (schema, b);
  return g_strcmp0 (da, db) == 0;
}

/* ---- To JSON -------------------------------------------------------------- */

static void
build_record (JsonBuilder       *builder,
              const TuttiSchema *schema,
              gconstpointer      record);

static void
build_field (JsonBuilder      *builder,
             const TuttiField *field,
             gconstpointer     record)
{
  json_builder_set_member_name (builder, field->key);

  switch (field->kind)
    {
    case TUTTI_FIELD_STRING:
    case TUTTI_FIELD_DATE:
    case TUTTI_FIELD_DATETIME:
    case TUTTI_FIELD_TIME:
      if (FIELD_STR (record, field) != NULL)
        json_builder_add_string_value (builder, FIELD_STR (record, field));
      else
        json_builder_add_null_value (builder);
      break;

    case TUTTI_FIELD_INT:
    case TUTTI_FIELD_MINUTES:
    case TUTTI_FIELD_MONEY:
    case TUTTI_FIELD_DECIMAL:
      if ((field->flags & TUTTI_FIELD_FLAG_NULLABLE) && FIELD_I64 (record, field) == TUTTI_NO_VALUE)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, FIELD_I64 (record, field));
      break;

    case TUTTI_FIELD_BOOL:
      json_builder_add_boolean_value (builder, FIELD_BOOL (record, field));
      break;

    case TUTTI_FIELD_ENUM:
      {
        const char *nick = tutti_enum_to_nick (field->enum_type, FIELD_INT (record, field));

        if (nick != NULL)
          json_builder_add_string_value (builder, nick);
        else
          json_builder_add_null_value (builder);
      }
      break;

    case TUTTI_FIELD_OBJECT:
      if (FIELD_OBJ (record, field) != NULL)
        build_record (builder, field->schema, FIELD_OBJ (record, field));
      else
        json_builder_add_null_value (builder);
      break;

    case TUTTI_FIELD_LIST:
      {
        GPtrArray *list = FIELD_LIST (record, field);

        json_builder_begin_array (builder);
        for (guint i = 0; list != NULL && i < list->len; i++)
          build_record (builder, field->schema, g_ptr_array_index (list, i));
        json_builder_end_array (builder);
      }
      break;

    case TUTTI_FIELD_STRV:
      {
        char **strv = FIELD_STRV (record, field);

        json_builder_begin_array (builder);
        for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
          json_builder_add_string_value (builder, strv[i]);
        json_builder_end_array (builder);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
build_record (JsonBuilder       *builder,
              const TuttiSchema *schema,
              gconstpointer      record)
{
  json_builder_begin_object (builder);
  for (guint i = 0; i < schema->n_fields; i++)
    build_field (builder, &schema->fields[i], record);
  json_builder_end_object (builder);
}

JsonNode *
tutti_record_to_json (const TuttiSchema *schema,
                      gconstpointer      record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (schema != NULL, NULL);

  if (record == NULL)
    return json_node_new (JSON_NODE_NULL);

  build_record (builder, schema, record);
  return json_builder_get_root (builder);
}

char *
tutti_record_to_data (const TuttiSchema *schema,
                      gconstpointer      record)
{
  g_autoptr(JsonNode) node = tutti_record_to_json (schema, record);

  return json_to_string (node, FALSE);
}

/* ---- From JSON ------------------------------------------------------------ */

typedef struct
{
  GError *error;      /* TUTTI_API_ERROR_INVALID, one entry per bad field */
  guint n_failures;
  TuttiLang lang;     /* of the messages */
} Decoder;

static const TuttiText msg_not_string = {
  "must be a string", "doit être une chaîne de caractères"
};
static const TuttiText msg_not_date = {
  "must be a date (YYYY-MM-DD)", "doit être une date (AAAA-MM-JJ)"
};
static const TuttiText msg_not_time = {
  "must be a time (HH:MM)", "doit être une heure (HH:MM)"
};
static const TuttiText msg_not_datetime = {
  "must be an ISO 8601 date and time", "doit être une date et une heure ISO 8601"
};
static const TuttiText msg_not_whole = {
  "must be a whole number", "doit être un nombre entier"
};
static const TuttiText msg_out_of_range = {
  "is out of range", "est hors limites"
};
static const TuttiText msg_not_bool = {
  "must be true or false", "doit valoir true ou false"
};
static const TuttiText msg_not_one_of = {
  "must be one of", "doit être l’une des valeurs"
};
static const TuttiText msg_not_list = {
  "must be a list", "doit être une liste"
};
static const TuttiText msg_not_strv = {
  "must be a list of strings", "doit être une liste de chaînes de caractères"
};
static const TuttiText msg_not_object = {
  "must be an object", "doit être un objet"
};
static const TuttiText msg_missing = {
  "is required", "est obligatoire"
};

static void
decoder_fail_text (Decoder    *decoder,
                   const char *path,
                   const char *message)
{
  if (decoder->error == NULL)
    decoder->error = tutti_api_error_new (TUTTI_API_ERROR_INVALID, NULL);
  tutti_api_error_add_field (decoder->error, path, message);
  decoder->n_failures++;
}

static void
decoder_fail (Decoder         *decoder,
              const char      *path,
              const TuttiText *message)
{
  decoder_fail_text (decoder, path, tutti_text_get (message, decoder->lang));
}

static gboolean decode_record (Decoder           *decoder,
                               const TuttiSchema *schema,
                               JsonNode          *node,
                               const char        *prefix,
                               gpointer           record);

static gboolean
node_is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
node_is_type (JsonNode *node,
              GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static void
decode_field (Decoder          *decoder,
              const TuttiField *field,
              JsonNode         *node,
              const char       *path,
              gpointer          record)
{
  switch (field->kind)
    {
    case TUTTI_FIELD_STRING:
    case TUTTI_FIELD_DATE:
    case TUTTI_FIELD_DATETIME:
    case TUTTI_FIELD_TIME:
      {
        const char *value;

        if (node_is_null (node))
          return;
        if (!node_is_type (node, G_TYPE_STRING))
          {
            decoder_fail (decoder, path, &msg_not_string);
            return;
          }
        value = json_node_get_string (node);
        if (field->kind != TUTTI_FIELD_STRING && *value == '\0')
          return;
        if ((field->kind == TUTTI_FIELD_DATE && !tutti_validate_date (value)) ||
            (field->kind == TUTTI_FIELD_DATETIME && !tutti_validate_datetime (value)) ||
            (field->kind == TUTTI_FIELD_TIME && !tutti_validate_time (value)))
          {
            decoder_fail (decoder, path,
                          field->kind == TUTTI_FIELD_DATE ? &msg_not_date :
                          field->kind == TUTTI_FIELD_TIME ? &msg_not_time :
                          &msg_not_datetime);
            return;
          }
        g_free (FIELD_STR (record, field));
        FIELD_STR (record, field) = g_strdup (value);
      }
      break;

    case TUTTI_FIELD_INT:
    case TUTTI_FIELD_MINUTES:
    case TUTTI_FIELD_MONEY:
    case TUTTI_FIELD_DECIMAL:
      if (node_is_null (node))
        {
          if (field->flags & TUTTI_FIELD_FLAG_NULLABLE)
            FIELD_I64 (record, field) = TUTTI_NO_VALUE;
          return;
        }
      /* Whole numbers only: money never goes through a float. */
      if (!node_is_type (node, G_TYPE_INT64))
        {
          decoder_fail (decoder, path, &msg_not_whole);
          return;
        }
      if (json_node_get_int (node) == TUTTI_NO_VALUE)
        {
          decoder_fail (decoder, path, &msg_out_of_range);
          return;
        }
      FIELD_I64 (record, field) = json_node_get_int (node);
      break;

    case TUTTI_FIELD_BOOL:
      if (node_is_null (node))
        return;
      if (!node_is_type (node, G_TYPE_BOOLEAN))
        {
          decoder_fail (decoder, path, &msg_not_bool);
          return;
        }
      FIELD_BOOL (record, field) = json_node_get_boolean (node);
      break;

    case TUTTI_FIELD_ENUM:
      {
        int value;

        if (node_is_null (node))
          value = tutti_enum_from_nick (field->enum_type, NULL);
        else if (!node_is_type (node, G_TYPE_STRING))
          value = -1;
        else
          value = tutti_enum_from_nick (field->enum_type, json_node_get_string (node));

        if (value < 0)
          {
            g_autoptr(GString) msg = g_string_new (tutti_text_get (&msg_not_one_of, decoder->lang));
            for (guint i = 0; i < field->enum_type->n_values; i++)
              if (field->enum_type->nicks[i] != NULL)
                g_string_append_printf (msg, " \"%s\"", field->enum_type->nicks[i]);
            decoder_fail_text (decoder, path, msg->str);
            return;
          }
        FIELD_INT (record, field) = value;
      }
      break;

    case TUTTI_FIELD_OBJECT:
      {
        gpointer child;

        if (node_is_null (node))
          return;
        child = tutti_record_new (field->schema);
        if (decode_record (decoder, field->schema, node, path, child))
          {
            tutti_record_free (field->schema, FIELD_OBJ (record, field));
            FIELD_OBJ (record, field) = child;
          }
        else
          tutti_record_free (field->schema, child);
      }
      break;

    case TUTTI_FIELD_LIST:
      {
        JsonArray *array;

        if (node_is_null (node))
          return;
        if (!JSON_NODE_HOLDS_ARRAY (node))
          {
            decoder_fail (decoder, path, &msg_not_list);
            return;
          }
        array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *child_path = g_strdup_printf ("%s.%u", path, i);
            gpointer child = tutti_record_new (field->schema);

            if (decode_record (decoder, field->schema, json_array_get_element (array, i),
                               child_path, child))
              g_ptr_array_add (FIELD_LIST (record, field), child);
            else
              tutti_record_free (field->schema, child);
          }
      }
      break;

    case TUTTI_FIELD_STRV:
      {
        g_autoptr(GStrvBuilder) strv = NULL;
        JsonArray *array;

        if (node_is_null (node))
          return;
        if (!JSON_NODE_HOLDS_ARRAY (node))
          {
            decoder_fail (decoder, path, &msg_not_strv);
            return;
          }
        strv = g_strv_builder_new ();
        array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (!node_is_type (element, G_TYPE_STRING))
              {
                decoder_fail (decoder, path, &msg_not_strv);
                return;
              }
            g_strv_builder_add (strv, json_node_get_string (element));
          }
        g_strfreev (FIELD_STRV (record, field));
        FIELD_STRV (record, field) = g_strv_builder_end (strv);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
decode_record (Decoder           *decoder,
               const TuttiSchema *schema,
               JsonNode          *node,
               const char        *prefix,
               gpointer           record)
{
  JsonObject *object;
  guint n_failures = decoder->n_failures;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      decoder_fail (decoder, prefix != NULL ? prefix : "", &msg_not_object);
      return FALSE;
    }

  object = json_node_get_object (node);
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];
      g_autofree char *path = NULL;

      if (!json_object_has_member (object, field->key))
        {
          /* A choice without an unset value cannot be blank: a required
           * one must be there, or it would silently take its first value. */
          if ((field->flags & TUTTI_FIELD_FLAG_REQUIRED) && field->kind == TUTTI_FIELD_ENUM &&
              field->enum_type->nicks[0] != NULL)
            {
              path = prefix != NULL ? g_strconcat (prefix, ".", field->key, NULL) : g_strdup (field->key);
              decoder_fail (decoder, path, &msg_missing);
            }
          continue;
        }

      path = prefix != NULL ? g_strconcat (prefix, ".", field->key, NULL) : g_strdup (field->key);
      decode_field (decoder, field, json_object_get_member (object, field->key), path, record);
    }
  return decoder->n_failures == n_failures;
}

/**
 * tutti_record_from_json:
 *
 * Decodes @node into a new record of @schema. Members the schema does not
 * know are ignored; members of the wrong type are refused, all of them named
 * in one TUTTI_API_ERROR_INVALID error (see tutti_api_error_get_fields()).
 * Checking rules (required, e-mail…) is tutti_record_validate()'s work.
 */
gpointer
tutti_record_from_json (const TuttiSchema  *schema,
                        JsonNode           *node,
                        GError            **error)
{
  return tutti_record_from_json_lang (schema, node, TUTTI_LANG_EN, error);
}

/**
 * tutti_record_from_json_lang:
 *
 * As tutti_record_from_json(), with the messages of the error's fields in
 * @lang: the server answers in the request's language.
 */
gpointer
tutti_record_from_json_lang (const TuttiSchema  *schema,
                             JsonNode           *node,
                             TuttiLang           lang,
                             GError            **error)
{
  Decoder decoder = { NULL, 0, lang };
  gpointer record;

  g_return_val_if_fail (schema != NULL, NULL);

  record = tutti_record_new (schema);
  decode_record (&decoder, schema, node, NULL, record);
  if (decoder.error != NULL)
    {
      tutti_record_free (schema, record);
      g_propagate_error (error, decoder.error);
      return NULL;
    }
  return record;
}

gpointer
tutti_record_from_data (const TuttiSchema  *schema,
                        const char         *data,
                        gssize              length,
                        GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_REQUEST,
                   "Malformed JSON: %s", local_error->message);
      return NULL;
    }
  return tutti_record_from_json (schema, json_parser_get_root (parser), error);
}

/* ---- Text values ---------------------------------------------------------- */

char *
tutti_record_get_text (const TuttiSchema *schema,
                       gconstpointer      record,
                       const char        *key)
{
  const TuttiField *field = tutti_schema_lookup (schema, key);

  g_return_val_if_fail (field != NULL, NULL);

  switch (field->kind)
    {
    case TUTTI_FIELD_STRING:
    case TUTTI_FIELD_DATE:
    case TUTTI_FIELD_DATETIME:
    case TUTTI_FIELD_TIME:
      return g_strdup (FIELD_STR (record, field) != NULL ? FIELD_STR (record, field) : "");

    case TUTTI_FIELD_INT:
    case TUTTI_FIELD_MINUTES:
    case TUTTI_FIELD_MONEY:
    case TUTTI_FIELD_DECIMAL:
      if ((field->flags & TUTTI_FIELD_FLAG_NULLABLE) && FIELD_I64 (record, field) == TUTTI_NO_VALUE)
        return g_strdup ("");
      return g_strdup_printf ("%" G_GINT64_FORMAT, FIELD_I64 (record, field));

    case TUTTI_FIELD_BOOL:
      return g_strdup (FIELD_BOOL (record, field) ? "true" : "false");

    case TUTTI_FIELD_ENUM:
      {
        const char *nick = tutti_enum_to_nick (field->enum_type, FIELD_INT (record, field));
        return g_strdup (nick != NULL ? nick : "");
      }

    case TUTTI_FIELD_OBJECT:
    case TUTTI_FIELD_LIST:
    case TUTTI_FIELD_STRV:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
tutti_record_set_text (const TuttiSchema  *schema,
                       gpointer            record,
                       const char         *key,
                       const char         *text,
                       GError            **error)
{
  const TuttiField *field = tutti_schema_lookup (schema, key);

  if (field == NULL)
    {
      g_set_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID, "Unknown field “%s”", key);
      return FALSE;
    }
  if (text == NULL)
    text = "";

  switch (field->kind)
    {
    case TUTTI_FIELD_STRING:
    case TUTTI_FIELD_DATE:
    case TUTTI_FIELD_DATETIME:
    case TUTTI_FIELD_TIME:
      if (field->kind != TUTTI_FIELD_STRING && *text != '\0' &&
          ((field->kind == TUTTI_FIELD_DATE && !tutti_validate_date (text)) ||
           (field->kind == TUTTI_FIELD_DATETIME && !tutti_validate_datetime (text)) ||
           (field->kind == TUTTI_FIELD_TIME && !tutti_validate_time (text))))
        break;
      g_free (FIELD_STR (record, field));
      FIELD_STR (record, field) = (*text == '\0' && field->kind != TUTTI_FIELD_STRING) ? NULL : g_strdup (text);
      return TRUE;

    case TUTTI_FIELD_INT:
    case TUTTI_FIELD_MINUTES:
    case TUTTI_FIELD_MONEY:
    case TUTTI_FIELD_DECIMAL:
      {
        gint64 value;

        if (*text == '\0' && (field->flags & TUTTI_FIELD_FLAG_NULLABLE))
          {
            FIELD_I64 (record, field) = TUTTI_NO_VALUE;
            return TRUE;
          }
        if (!g_ascii_string_to_signed (text, 10, G_MININT64 + 1, G_MAXINT64, &value, NULL))
          break;
        FIELD_I64 (record, field) = value;
        return TRUE;
      }

    case TUTTI_FIELD_BOOL:
      if (strcmp (text, "true") == 0 || strcmp (text, "false") == 0)
        {
          FIELD_BOOL (record, field) = strcmp (text, "true") == 0;
          return TRUE;
        }
      break;

    case TUTTI_FIELD_ENUM:
      {
        int value = tutti_enum_from_nick (field->enum_type, text);

        if (value < 0)
          break;
        FIELD_INT (record, field) = value;
        return TRUE;
      }

    case TUTTI_FIELD_OBJECT:
    case TUTTI_FIELD_LIST:
    case TUTTI_FIELD_STRV:
    default:
      break;
    }

  g_set_error (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID,
               "“%s” is not a valid value for “%s”", text, key);
  return FALSE;
}

/* ---- Validation ----------------------------------------------------------- */

static const TuttiText msg_required = {
  "This field is required.", "Ce champ est obligatoire."
};
static const TuttiText msg_email = {
  "Enter a valid e-mail address, like name@example.fr.",
  "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."
};
static const TuttiText msg_postcode = {
  "Enter a French postcode of 5 digits, like 35500.",
  "Saisissez un code postal français de 5 chiffres, par exemple 35500."
};
static const TuttiText msg_phone = {
  "Enter a phone number of 10 digits, like 02 99 74 68 64, or an international number starting with +.",
  "Saisissez un numéro de 10 chiffres, par exemple 02 99 74 68 64, ou un numéro international commençant par +."
};
static const TuttiText msg_department = {
  "Enter a département number, like 35, 2A or 974 (99 for abroad).",
  "Saisissez un numéro de département, par exemple 35, 2A ou 974 (99 pour l’étranger)."
};
static const TuttiText msg_too_long = {
  "This text is too long.", "Ce texte est trop long."
};

char *
tutti_field_check_text (const TuttiField *field,
                        const char       *text,
                        TuttiLang         lang)
{
  guint max_length;

  g_return_val_if_fail (field != NULL, NULL);

  if (tutti_is_blank (text))
    {
      if (field->flags & TUTTI_FIELD_FLAG_REQUIRED)
        return g_strdup (tutti_text_get (&msg_required, lang));
      return NULL;
    }

  max_length = field->max_length != 0 ? field->max_length : DEFAULT_MAX_LENGTH;
  if (g_utf8_strlen (text, -1) > (glong) max_length)
    return g_strdup (tutti_text_get (&msg_too_long, lang));

  switch (field->check)
    {
    case TUTTI_CHECK_EMAIL:
      if (!tutti_validate_email (text))
        return g_strdup (tutti_text_get (&msg_email, lang));
      break;
    case TUTTI_CHECK_POSTCODE:
      if (!tutti_validate_postcode (text))
        return g_strdup (tutti_text_get (&msg_postcode, lang));
      break;
    case TUTTI_CHECK_PHONE:
      if (!tutti_validate_phone (text))
        return g_strdup (tutti_text_get (&msg_phone, lang));
      break;
    case TUTTI_CHECK_DEPARTMENT:
      if (!tutti_validate_department (text))
        return g_strdup (tutti_text_get (&msg_department, lang));
      break;
    case TUTTI_CHECK_PASSWORD:
      {
        TuttiPasswordRule unmet = tutti_password_check (text);
        if (unmet != 0)
          return tutti_password_rules_message (unmet, lang);
      }
      break;
    case TUTTI_CHECK_NONE:
    default:
      break;
    }

  return NULL;
}

static void
validate_into (const TuttiSchema *schema,
               gconstpointer      record,
               const char        *prefix,
               TuttiLang          lang,
               GHashTable        *errors)
{
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];
      g_autofree char *path = prefix != NULL ? g_strconcat (prefix, ".", field->key, NULL)
                                             : g_strdup (field->key);
      char *message = NULL;

      switch (field->kind)
        {
        case TUTTI_FIELD_STRING:
        case TUTTI_FIELD_DATE:
        case TUTTI_FIELD_DATETIME:
        case TUTTI_FIELD_TIME:
          message = tutti_field_check_text (field, FIELD_STR (record, field), lang);
          break;

        case TUTTI_FIELD_ENUM:
          if ((field->flags & TUTTI_FIELD_FLAG_REQUIRED) && FIELD_INT (record, field) == 0 &&
              field->enum_type->nicks[0] == NULL)
            message = g_strdup (tutti_text_get (&msg_required, lang));
          break;

        case TUTTI_FIELD_INT:
        case TUTTI_FIELD_MINUTES:
        case TUTTI_FIELD_MONEY:
        case TUTTI_FIELD_DECIMAL:
          if ((field->flags & TUTTI_FIELD_FLAG_REQUIRED) && FIELD_I64 (record, field) == TUTTI_NO_VALUE)
            message = g_strdup (tutti_text_get (&msg_required, lang));
          break;

        case TUTTI_FIELD_OBJECT:
          if (FIELD_OBJ (record, field) != NULL)
            validate_into (field->schema, FIELD_OBJ (record, field), path, lang, errors);
          else if (field->flags & TUTTI_FIELD_FLAG_REQUIRED)
            message = g_strdup (tutti_text_get (&msg_required, lang));
          break;

        case TUTTI_FIELD_LIST:
          {
            GPtrArray *list = FIELD_LIST (record, field);

            for (guint j = 0; list != NULL && j < list->len; j++)
              {
                g_autofree char *child = g_strdup_printf ("%s.%u", path, j);
                validate_into (field->schema, g_ptr_array_index (list, j), child, lang, errors);
              }
            if ((field->flags & TUTTI_FIELD_FLAG_REQUIRED) && (list == NULL || list->len == 0))
              message = g_strdup (tutti_text_get (&msg_required, lang));
          }
          break;

        case TUTTI_FIELD_BOOL:
        case TUTTI_FIELD_STRV:
        default:
          break;
        }

      if (message != NULL)
        g_hash_table_replace (errors, g_steal_pointer (&path), message);
    }
}

GHashTable *
tutti_record_validate (const TuttiSchema *schema,
                       gconstpointer      record,
                       TuttiLang          lang)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (record != NULL, NULL);

  validate_into (schema, record, NULL, lang, errors);
  if (g_hash_table_size (errors) == 0)
    return NULL;
  return g_steal_pointer (&errors);
}

/* ---- Values for people ---------------------------------------------------- */

static const TuttiText value_empty = { "(empty)", "(vide)" };
static const TuttiText value_yes = { "Yes", "Oui" };
static const TuttiText value_no = { "No", "Non" };

char *
tutti_field_format_text (const TuttiField *field,
                         const char       *text,
                         TuttiLang         lang)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (text == NULL || *text == '\0')
    return g_strdup (tutti_text_get (&value_empty, lang));

  switch (field->kind)
    {
    case TUTTI_FIELD_ENUM:
      {
        int value = tutti_enum_from_nick (field->enum_type, text);
        const char *label = value >= 0 ? tutti_enum_to_label (field->enum_type, value, lang) : "";

        if (*label != '\0')
          return g_strdup (label);
      }
      break;

    case TUTTI_FIELD_BOOL:
      return g_strdup (tutti_text_get (strcmp (text, "true") == 0 ? &value_yes : &value_no, lang));

    case TUTTI_FIELD_DATE:
      {
        char *date = tutti_format_date (text, lang);

        if (*date != '\0')
          return date;
        g_free (date);
      }
      break;

    case TUTTI_FIELD_STRING:
    case TUTTI_FIELD_INT:
    case TUTTI_FIELD_DATETIME:
    case TUTTI_FIELD_TIME:
    case TUTTI_FIELD_MINUTES:
    case TUTTI_FIELD_MONEY:
    case TUTTI_FIELD_DECIMAL:
    case TUTTI_FIELD_OBJECT:
    case TUTTI_FIELD_LIST:
    case TUTTI_FIELD_STRV:
    default:
      break;
    }
  return g_strdup (text);
}

static const TuttiText msg_bad_date = {
  "Enter a date as YYYY-MM-DD.", "Saisissez une date au format AAAA-MM-JJ."
};
static const TuttiText msg_bad_choice = {
  "Choose one of the values offered.", "Choisissez l’une des valeurs proposées."
};
static const TuttiText msg_bad_yes_no = {
  "Answer yes or no.", "Répondez oui ou non."
};
static const TuttiText msg_bad_value = {
  "This value is not valid.", "Cette valeur n’est pas valide."
};

const char *
tutti_field_type_message (const TuttiField *field,
                          TuttiLang         lang)
{
  g_return_val_if_fail (field != NULL, "");

  switch (field->kind)
    {
    case TUTTI_FIELD_DATE:
      return tutti_text_get (&msg_bad_date, lang);
    case TUTTI_FIELD_ENUM:
      return tutti_text_get (&msg_bad_choice, lang);
    case TUTTI_FIELD_BOOL:
      return tutti_text_get (&msg_bad_yes_no, lang);
    case TUTTI_FIELD_STRING:
    case TUTTI_FIELD_INT:
    case TUTTI_FIELD_DATETIME:
    case TUTTI_FIELD_TIME:
    case TUTTI_FIELD_MINUTES:
    case TUTTI_FIELD_MONEY:
    case TUTTI_FIELD_DECIMAL:
    case TUTTI_FIELD_OBJECT:
    case TUTTI_FIELD_LIST:
    case TUTTI_FIELD_STRV:
    default:
      return tutti_text_get (&msg_bad_value, lang);
    }
}
