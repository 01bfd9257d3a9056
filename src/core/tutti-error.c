/* tutti-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-core"

#include "tutti-error.h"

typedef struct
{
  const char *name;
  guint status;
  TuttiText message;
} TuttiApiErrorInfo;

static const TuttiApiErrorInfo error_infos[TUTTI_API_ERROR_N_CODES] = {
  [TUTTI_API_ERROR_BAD_REQUEST] = { "bad-request", 400,
    { "The request is malformed.", "La requête est mal formée." } },
  [TUTTI_API_ERROR_BAD_CREDENTIALS] = { "bad-credentials", 401,
    { "Wrong identifier or password.", "Identifiant ou mot de passe incorrect." } },
  [TUTTI_API_ERROR_UNAUTHENTICATED] = { "unauthenticated", 401,
    { "Your session has ended. Please log in again.",
      "Votre session est terminée. Veuillez vous reconnecter." } },
  [TUTTI_API_ERROR_FORBIDDEN] = { "forbidden", 403,
    { "You are not allowed to do this.", "Vous n’avez pas l’autorisation de faire cela." } },
  [TUTTI_API_ERROR_NOT_FOUND] = { "not-found", 404,
    { "This item does not exist.", "Cet élément n’existe pas." } },
  [TUTTI_API_ERROR_METHOD_NOT_ALLOWED] = { "method-not-allowed", 405,
    { "This method is not allowed here.", "Cette méthode n’est pas permise ici." } },
  [TUTTI_API_ERROR_CAMPAIGN_CLOSED] = { "campaign-closed", 409,
    { "The campaign is closed.", "La campagne est close." } },
  [TUTTI_API_ERROR_CONFLICT] = { "conflict", 409,
    { "This conflicts with the current state.", "Cela entre en conflit avec l’état actuel." } },
  [TUTTI_API_ERROR_FILE_TOO_LARGE] = { "file-too-large", 413,
    { "The file is larger than 2 MB.", "Le fichier dépasse 2 Mo." } },
  [TUTTI_API_ERROR_BODY_TOO_LARGE] = { "body-too-large", 413,
    { "The request is too large.", "La requête est trop volumineuse." } },
  [TUTTI_API_ERROR_UNSUPPORTED_FILE_TYPE] = { "unsupported-file-type", 415,
    { "Only PDF, JPEG and PNG files are accepted.",
      "Seuls les fichiers PDF, JPEG et PNG sont acceptés." } },
  [TUTTI_API_ERROR_UNSUPPORTED_MEDIA_TYPE] = { "unsupported-media-type", 415,
    { "The request must be JSON.", "La requête doit être en JSON." } },
  [TUTTI_API_ERROR_INVALID] = { "invalid", 422,
    { "Some fields are not valid.", "Certains champs ne sont pas valides." } },
  [TUTTI_API_ERROR_PASSWORD_POLICY] = { "password-policy", 422,
    { "The new password does not follow the rules.",
      "Le nouveau mot de passe ne respecte pas les règles." } },
  [TUTTI_API_ERROR_TOO_MANY_ATTEMPTS] = { "too-many-attempts", 429,
    { "Too many attempts. Please wait before trying again.",
      "Trop de tentatives. Veuillez patienter avant de réessayer." } },
  [TUTTI_API_ERROR_INTERNAL] = { "internal", 500,
    { "The server met an error.", "Le serveur a rencontré une erreur." } },
  [TUTTI_API_ERROR_UNAVAILABLE] = { "unavailable", 503,
    { "The server cannot be reached.", "Le serveur est injoignable." } },
  [TUTTI_API_ERROR_UNKNOWN] = { "unknown", 500,
    { "Unexpected error.", "Erreur inattendue." } },
};

typedef struct
{
  GHashTable *fields;
  guint retry_after;
} TuttiApiErrorPrivate;

static void
tutti_api_error_private_init (TuttiApiErrorPrivate *priv)
{
  priv->fields = NULL;
  priv->retry_after = 0;
}

static void
tutti_api_error_private_copy (const TuttiApiErrorPrivate *src,
                              TuttiApiErrorPrivate       *dest)
{
  dest->retry_after = src->retry_after;
  dest->fields = NULL;
  if (src->fields != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      dest->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, src->fields);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (dest->fields, g_strdup (key), g_strdup (value));
    }
}

static void
tutti_api_error_private_clear (TuttiApiErrorPrivate *priv)
{
  g_clear_pointer (&priv->fields, g_hash_table_unref);
}

G_DEFINE_EXTENDED_ERROR (TuttiApiError, tutti_api_error)

const char *
tutti_api_error_code_to_string (TuttiApiErrorCode code)
{
  if ((guint) code >= TUTTI_API_ERROR_N_CODES)
    code = TUTTI_API_ERROR_UNKNOWN;
  return error_infos[code].name;
}

TuttiApiErrorCode
tutti_api_error_code_from_string (const char *name)
{
  if (name == NULL)
    return TUTTI_API_ERROR_UNKNOWN;
  for (guint i = 0; i < TUTTI_API_ERROR_N_CODES; i++)
    if (g_str_equal (error_infos[i].name, name))
      return (TuttiApiErrorCode) i;
  return TUTTI_API_ERROR_UNKNOWN;
}

guint
tutti_api_error_code_to_status (TuttiApiErrorCode code)
{
  if ((guint) code >= TUTTI_API_ERROR_N_CODES)
    code = TUTTI_API_ERROR_UNKNOWN;
  return error_infos[code].status;
}

const char *
tutti_api_error_code_message (TuttiApiErrorCode code,
                              TuttiLang         lang)
{
  if ((guint) code >= TUTTI_API_ERROR_N_CODES)
    code = TUTTI_API_ERROR_UNKNOWN;
  return tutti_text_get (&error_infos[code].message, lang);
}

GError *
tutti_api_error_new (TuttiApiErrorCode  code,
                     const char        *message)
{
  if (message == NULL)
    message = tutti_api_error_code_message (code, TUTTI_LANG_EN);
  return g_error_new_literal (TUTTI_API_ERROR, code, message);
}

void
tutti_api_error_add_field (GError     *error,
                           const char *field,
                           const char *message)
{
  TuttiApiErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == TUTTI_API_ERROR);

  priv = tutti_api_error_get_private (error);
  if (priv->fields == NULL)
    priv->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (priv->fields, g_strdup (field), g_strdup (message));
}

/* Returns: (transfer none) (nullable): field name → message. */
GHashTable *
tutti_api_error_get_fields (const GError *error)
{
  TuttiApiErrorPrivate *priv;

  if (error == NULL || error->domain != TUTTI_API_ERROR)
    return NULL;
  priv = tutti_api_error_get_private (error);
  return priv->fields;
}

guint
tutti_api_error_get_retry_after (const GError *error)
{
  if (error == NULL || error->domain != TUTTI_API_ERROR)
    return 0;
  return tutti_api_error_get_private (error)->retry_after;
}

void
tutti_api_error_set_retry_after (GError *error,
                                 guint   seconds)
{
  g_return_if_fail (error != NULL && error->domain == TUTTI_API_ERROR);
  tutti_api_error_get_private (error)->retry_after = seconds;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

JsonNode *
tutti_api_error_to_json (const GError *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  TuttiApiErrorCode code = TUTTI_API_ERROR_INTERNAL;
  GHashTable *fields;

  if (error->domain == TUTTI_API_ERROR)
    code = (TuttiApiErrorCode) error->code;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, tutti_api_error_code_to_string (code));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, error->message);

  fields = tutti_api_error_get_fields (error);
  if (fields != NULL && g_hash_table_size (fields) > 0)
    {
      g_autofree gpointer *keys = NULL;
      guint n_keys;

      /* Sorted, so that identical errors give identical bytes. */
      keys = g_hash_table_get_keys_as_array (fields, &n_keys);
      g_qsort_with_data (keys, n_keys, sizeof (gpointer), compare_keys, NULL);

      json_builder_set_member_name (builder, "fields");
      json_builder_begin_object (builder);
      for (guint i = 0; i < n_keys; i++)
        {
          json_builder_set_member_name (builder, keys[i]);
          json_builder_add_string_value (builder, g_hash_table_lookup (fields, keys[i]));
        }
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static TuttiApiErrorCode
code_for_status (guint status)
{
  switch (status)
    {
    case 400: return TUTTI_API_ERROR_BAD_REQUEST;
    case 401: return TUTTI_API_ERROR_UNAUTHENTICATED;
    case 403: return TUTTI_API_ERROR_FORBIDDEN;
    case 404: return TUTTI_API_ERROR_NOT_FOUND;
    case 405: return TUTTI_API_ERROR_METHOD_NOT_ALLOWED;
    case 409: return TUTTI_API_ERROR_CONFLICT;
    case 413: return TUTTI_API_ERROR_BODY_TOO_LARGE;
    case 415: return TUTTI_API_ERROR_UNSUPPORTED_MEDIA_TYPE;
    case 422: return TUTTI_API_ERROR_INVALID;
    case 429: return TUTTI_API_ERROR_TOO_MANY_ATTEMPTS;
    case 503: return TUTTI_API_ERROR_UNAVAILABLE;
    default:  return status >= 500 ? TUTTI_API_ERROR_INTERNAL : TUTTI_API_ERROR_UNKNOWN;
    }
}

/* Builds the GError for an error answer; a body that is not in the API's
 * format still gives an error named after the HTTP status. */
GError *
tutti_api_error_from_json (JsonNode *node,
                           guint     http_status)
{
  JsonObject *root, *err;
  TuttiApiErrorCode code;
  const char *message;
  GError *error;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      (root = json_node_get_object (node)) == NULL ||
      !json_object_has_member (root, "error") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "error")))
    {
      code = code_for_status (http_status);
      return tutti_api_error_new (code, NULL);
    }

  err = json_object_get_object_member (root, "error");
  code = tutti_api_error_code_from_string (json_object_get_string_member_with_default (err, "code", NULL));
  if (code == TUTTI_API_ERROR_UNKNOWN)
    code = code_for_status (http_status);
  message = json_object_get_string_member_with_default (err, "message", NULL);
  error = tutti_api_error_new (code, message);

  if (json_object_has_member (err, "fields") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (err, "fields")))
    {
      JsonObject *fields = json_object_get_object_member (err, "fields");
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, fields);
      while (json_object_iter_next (&iter, &name, &value))
        if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
          tutti_api_error_add_field (error, name, json_node_get_string (value));
    }

  return error;
}
