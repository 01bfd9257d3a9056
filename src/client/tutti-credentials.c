/* tutti-credentials.c — "remember me" in the desktop keyring (AUTH-5)
 *
 * The keyring is a comfort, never an obstacle: every operation first checks
 * that a session bus is configured (without one, GLib would autolaunch a bus
 * and libsecret would wait on it), then that a Secret Service owns or can
 * activate its name, and runs every libsecret call under a short deadline.
 * Nothing here unlocks a collection or creates one, so nothing prompts: a
 * locked or missing default keyring means "not supported" and the app simply
 * does not offer to remember the password.
 *
 * Inside a Flatpak sandbox there is no Secret Service to talk to: there the
 * credential goes through libsecret's password API, whose file backend
 * keeps it encrypted with a key the Secret portal gives the app. The same
 * deadline applies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-client"

#include "config.h"

#include <string.h>

#include <libsecret/secret.h>

#include "tutti-credentials.h"
#include "tutti-deadline.h"

/* The whole operation, every D-Bus round trip included. */
#define KEYRING_TIMEOUT_MSEC 3000
#define DBUS_CALL_TIMEOUT_MSEC 1000
#define SECRETS_BUS_NAME "org.freedesktop.secrets"

struct _TuttiCredentials
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TuttiCredentials, tutti_credentials, G_TYPE_OBJECT)

static const SecretSchema credential_schema = {
  "app.tutti.Tutti.Credential",
  SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "site", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "login", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

typedef enum
{
  JOB_PROBE,
  JOB_STORE,
  JOB_LOOKUP,
  JOB_CLEAR,
} JobKind;

typedef struct
{
  JobKind           kind;
  char             *server_url;
  char             *site;
  char             *login;
  char             *password;
  TuttiDeadline    *deadline;
  GDBusConnection  *bus;
  SecretService    *service;
  SecretCollection *collection;
  gboolean          cleared;
  /* lookup: what was found */
  gboolean          found;
  char             *found_site;
  char             *found_login;
  char             *found_password;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->deadline, tutti_deadline_free);
  g_clear_object (&job->bus);
  g_clear_object (&job->service);
  g_clear_object (&job->collection);
  g_free (job->server_url);
  g_free (job->site);
  g_free (job->login);
  g_free (job->found_site);
  g_free (job->found_login);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  if (job->found_password != NULL)
    memset (job->found_password, 0, strlen (job->found_password));
  g_free (job->found_password);
  g_free (job);
}

static GCancellable *
job_get_cancellable (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  return tutti_deadline_get_cancellable (job->deadline);
}

static void
job_succeed (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  g_clear_pointer (&job->deadline, tutti_deadline_free);
  g_task_return_boolean (task, TRUE);
}

/* Ends the job with "not supported", saying why; @cause may be NULL. */
static void
job_fail (GTask        *task,
          const char   *what,
          const GError *cause)
{
  Job *job = g_task_get_task_data (task);
  g_autofree char *detail = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_clear_pointer (&job->deadline, tutti_deadline_free);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The keyring operation was cancelled");
      return;
    }

  if (job->deadline != NULL && tutti_deadline_has_expired (job->deadline))
    {
      detail = g_strdup_printf ("it did not answer within %u s", KEYRING_TIMEOUT_MSEC / 1000);
    }
  else if (cause != NULL)
    {
      g_autoptr(GError) copy = g_error_copy (cause);

      if (g_dbus_error_is_remote_error (copy))
        g_dbus_error_strip_remote_error (copy);
      detail = g_strdup (copy->message);
    }

  g_clear_pointer (&job->deadline, tutti_deadline_free);

  g_debug ("Keyring not usable: %s%s%s", what, detail ? ": " : "", detail ? detail : "");
  if (detail != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             "The keyring cannot be used: %s: %s", what, detail);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             "The keyring cannot be used: %s", what);
}

/* Without DBUS_SESSION_BUS_ADDRESS nor $XDG_RUNTIME_DIR/bus, GLib would
 * autolaunch a bus (dbus-launch, which with DISPLAY set starts one that no
 * keyring will ever join): treat that as "no bus". */
static gboolean
session_bus_is_configured (void)
{
  const char *address = g_getenv ("DBUS_SESSION_BUS_ADDRESS");
  const char *runtime_dir;
  g_autofree char *socket_path = NULL;

  if (address != NULL && *address != '\0')
    return strstr (address, "autolaunch:") == NULL;

  runtime_dir = g_getenv ("XDG_RUNTIME_DIR");
  if (runtime_dir == NULL || *runtime_dir == '\0')
    return FALSE;

  socket_path = g_build_filename (runtime_dir, "bus", NULL);
  return g_file_test (socket_path, G_FILE_TEST_EXISTS);
}

static GHashTable *
job_attributes (Job      *job,
                gboolean  all)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, (char *) "server", job->server_url);
  if (all)
    {
      g_hash_table_insert (attributes, (char *) "site", job->site);
      g_hash_table_insert (attributes, (char *) "login", job->login);
    }

  return attributes;
}

/* ---- The steps, in order --------------------------------------------------- */

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_service_store_finish (SECRET_SERVICE (object), result, &error))
    {
      job_fail (task, "the password could not be stored", error);
      return;
    }

  job_succeed (task);
}

static void
job_store (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = job_attributes (job, TRUE);
  g_autoptr(SecretValue) value = secret_value_new (job->password, -1, "text/plain");
  g_autofree char *label = g_strdup_printf ("Tutti — %s", job->login);

  /* Into the collection found unlocked, by its path: never the alias, which
   * would let libsecret create a default keyring (and prompt). */
  secret_service_store (job->service,
                        &credential_schema,
                        attributes,
                        g_dbus_proxy_get_object_path (G_DBUS_PROXY (job->collection)),
                        label,
                        value,
                        job_get_cancellable (task),
                        on_stored,
                        task);
}

static void
on_cleared (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was nothing to delete. */
  secret_service_clear_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      job_fail (task, "the stored password could not be removed", error);
      return;
    }

  job->cleared = TRUE;
  if (job->kind == JOB_STORE)
    job_store (g_steal_pointer (&task));
  else
    job_succeed (task);
}

/* Only unlocked items are deleted: no prompt. */
static void
job_clear (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = job_attributes (job, FALSE);

  secret_service_clear (job->service,
                        &credential_schema,
                        attributes,
                        job_get_cancellable (task),
                        on_cleared,
                        task);
}

static void
on_searched_for_clear (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autolist(SecretItem) items = NULL;

  items = secret_service_search_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      job_fail (task, "the keyring could not be searched", error);
      return;
    }

  /* Deleting a locked item would need an unlock, hence a prompt; and
   * pretending it was forgotten would be a lie. */
  for (GList *l = items; l != NULL; l = l->next)
    if (secret_item_get_locked (l->data))
      {
        job_fail (task, "the keyring is locked", NULL);
        return;
      }

  job_clear (g_steal_pointer (&task));
}

/* Before a clear: are all the credentials of the server unlocked? */
static void
job_check_unlocked (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = job_attributes (job, FALSE);

  secret_service_search (job->service,
                         &credential_schema,
                         attributes,
                         SECRET_SEARCH_ALL,
                         job_get_cancellable (task),
                         on_searched_for_clear,
                         task);
}

static void
on_searched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autolist(SecretItem) items = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;
  SecretItem *item;
  const char *password;

  items = secret_service_search_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      job_fail (task, "the keyring could not be searched", error);
      return;
    }

  if (items == NULL)
    {
      job_succeed (task);
      return;
    }

  /* Unlocked items come first. */
  item = items->data;
  if (secret_item_get_locked (item))
    {
      job_fail (task, "the keyring is locked", NULL);
      return;
    }

  value = secret_item_get_secret (item);
  password = value != NULL ? secret_value_get_text (value) : NULL;
  if (password == NULL)
    {
      job_fail (task, "the stored password could not be read", NULL);
      return;
    }

  attributes = secret_item_get_attributes (item);
  job->found = TRUE;
  job->found_site = g_strdup (g_hash_table_lookup (attributes, "site"));
  job->found_login = g_strdup (g_hash_table_lookup (attributes, "login"));
  job->found_password = g_strdup (password);

  job_succeed (task);
}

/* Without SECRET_SEARCH_UNLOCK: locked items stay locked, no prompt. */
static void
job_lookup (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = job_attributes (job, FALSE);

  secret_service_search (job->service,
                         &credential_schema,
                         attributes,
                         SECRET_SEARCH_LOAD_SECRETS,
                         job_get_cancellable (task),
                         on_searched,
                         task);
}

static void
on_default_collection (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  job->collection = secret_collection_for_alias_finish (result, &error);
  if (error != NULL)
    {
      job_fail (task, "the default keyring could not be read", error);
      return;
    }
  if (job->collection == NULL)
    {
      job_fail (task, "there is no default keyring", NULL);
      return;
    }
  if (secret_collection_get_locked (job->collection))
    {
      job_fail (task, "the default keyring is locked", NULL);
      return;
    }

  if (job->kind == JOB_STORE)
    job_clear (g_steal_pointer (&task));
  else
    job_succeed (task);
}

static void
on_service (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  job->service = secret_service_get_finish (result, &error);
  if (job->service == NULL)
    {
      job_fail (task, "the Secret Service does not answer", error);
      return;
    }

  switch (job->kind)
    {
    case JOB_PROBE:
    case JOB_STORE:
      /* A store needs an unlocked default keyring; so does "remember me". */
      secret_collection_for_alias (job->service,
                                   SECRET_COLLECTION_DEFAULT,
                                   SECRET_COLLECTION_NONE,
                                   tutti_deadline_get_cancellable (job->deadline),
                                   on_default_collection,
                                   g_steal_pointer (&task));
      break;

    case JOB_LOOKUP:
      job_lookup (g_steal_pointer (&task));
      break;

    case JOB_CLEAR:
      job_check_unlocked (g_steal_pointer (&task));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
job_get_service (GTask *task)
{
  secret_service_get (SECRET_SERVICE_NONE,
                      job_get_cancellable (task),
                      on_service,
                      task);
}

static gboolean
variant_strv_contains (GVariant   *names,
                       const char *name)
{
  GVariantIter iter;
  const char *item;

  g_variant_iter_init (&iter, names);
  while (g_variant_iter_next (&iter, "&s", &item))
    if (g_str_equal (item, name))
      return TRUE;

  return FALSE;
}

static void
on_list_activatable_names (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) names = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      job_fail (task, "the session bus does not answer", error);
      return;
    }

  names = g_variant_get_child_value (reply, 0);
  if (!variant_strv_contains (names, SECRETS_BUS_NAME))
    {
      job_fail (task, "no Secret Service (such as GNOME Keyring) runs on the session bus", NULL);
      return;
    }

  job_get_service (g_steal_pointer (&task));
}

static void
on_name_has_owner (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      job_fail (task, "the session bus does not answer", error);
      return;
    }

  g_variant_get (reply, "(b)", &has_owner);
  if (has_owner)
    {
      job_get_service (g_steal_pointer (&task));
      return;
    }

  g_dbus_connection_call (job->bus,
                          "org.freedesktop.DBus",
                          "/org/freedesktop/DBus",
                          "org.freedesktop.DBus",
                          "ListActivatableNames",
                          NULL,
                          G_VARIANT_TYPE ("(as)"),
                          G_DBUS_CALL_FLAGS_NONE,
                          DBUS_CALL_TIMEOUT_MSEC,
                          tutti_deadline_get_cancellable (job->deadline),
                          on_list_activatable_names,
                          g_steal_pointer (&task));
}

static void
on_bus (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  job->bus = g_bus_get_finish (result, &error);
  if (job->bus == NULL)
    {
      job_fail (task, "the session bus cannot be reached", error);
      return;
    }

  g_dbus_connection_call (job->bus,
                          "org.freedesktop.DBus",
                          "/org/freedesktop/DBus",
                          "org.freedesktop.DBus",
                          "NameHasOwner",
                          g_variant_new ("(s)", SECRETS_BUS_NAME),
                          G_VARIANT_TYPE ("(b)"),
                          G_DBUS_CALL_FLAGS_NONE,
                          DBUS_CALL_TIMEOUT_MSEC,
                          tutti_deadline_get_cancellable (job->deadline),
                          on_name_has_owner,
                          g_steal_pointer (&task));
}

/* ---- Sandboxed: libsecret's file backend behind the Secret portal ---------- */

/* In a Flatpak, or when libsecret is told to use its file backend. */
static gboolean
use_password_backend (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ||
         g_strcmp0 (g_getenv ("SECRET_BACKEND"), "file") == 0;
}

static void
on_backend_stored (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    job_fail (task, "the password could not be kept", error);
  else
    job_succeed (task);
}

static void
on_backend_cleared (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GCancellable *cancellable = job_get_cancellable (task);

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      job_fail (task, "the keyring could not be cleared", error);
      return;
    }
  if (job->kind != JOB_STORE)
    {
      job_succeed (task);
      return;
    }

  /* One credential per server: the earlier one is gone, keep the new one. */
  label = g_strdup_printf ("Tutti — %s", job->login);
  secret_password_store (&credential_schema, SECRET_COLLECTION_DEFAULT, label, job->password,
                         cancellable, on_backend_stored, g_steal_pointer (&task),
                         "server", job->server_url,
                         "site", job->site,
                         "login", job->login,
                         NULL);
}

static void
on_backend_secret (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  const char *password;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (object), result, &error);
  password = value != NULL ? secret_value_get_text (value) : NULL;
  if (password == NULL)
    {
      job_fail (task, "the kept password cannot be read", error);
      return;
    }

  attributes = secret_retrievable_get_attributes (SECRET_RETRIEVABLE (object));
  job->found = TRUE;
  job->found_site = g_strdup (g_hash_table_lookup (attributes, "site"));
  job->found_login = g_strdup (g_hash_table_lookup (attributes, "login"));
  job->found_password = g_strdup (password);
  job_succeed (task);
}

static void
on_backend_searched (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = job_get_cancellable (task);
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      job_fail (task, "the keyring cannot be searched", error);
      return;
    }

  if (job->kind == JOB_PROBE || items == NULL)
    job_succeed (task);
  else
    secret_retrievable_retrieve_secret (items->data, cancellable,
                                        on_backend_secret, g_steal_pointer (&task));

  g_list_free_full (items, g_object_unref);
}

static void
job_start_password_backend (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  GCancellable *cancellable = job_get_cancellable (task);

  switch (job->kind)
    {
    case JOB_PROBE:
      /* A search that matches nothing answers once the backend works. */
      secret_password_search (&credential_schema, SECRET_SEARCH_NONE, cancellable,
                              on_backend_searched, g_steal_pointer (&task),
                              "server", "", NULL);
      break;

    case JOB_LOOKUP:
      secret_password_search (&credential_schema, SECRET_SEARCH_LOAD_SECRETS,
                              cancellable, on_backend_searched,
                              g_steal_pointer (&task),
                              "server", job->server_url, NULL);
      break;

    case JOB_STORE:
    case JOB_CLEAR:
      secret_password_clear (&credential_schema, cancellable,
                             on_backend_cleared, g_steal_pointer (&task),
                             "server", job->server_url, NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
job_start (TuttiCredentials    *self,
           Job                 *job,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);

  if (use_password_backend ())
    {
      job->deadline = tutti_deadline_new (cancellable, KEYRING_TIMEOUT_MSEC);
      job_start_password_backend (g_steal_pointer (&task));
      return;
    }

  if (!session_bus_is_configured ())
    {
      job_fail (task, "there is no session bus", NULL);
      return;
    }

  job->deadline = tutti_deadline_new (cancellable, KEYRING_TIMEOUT_MSEC);
  g_bus_get (G_BUS_TYPE_SESSION,
             tutti_deadline_get_cancellable (job->deadline),
             on_bus,
             g_steal_pointer (&task));
}

static gboolean
job_finish (TuttiCredentials  *self,
            GAsyncResult      *result,
            gpointer           source_tag,
            GError           **error)
{
  g_return_val_if_fail (TUTTI_IS_CREDENTIALS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* libsecret refuses (with a warning, and never calls back) attribute values
 * that are not UTF-8: refuse them first. */
static gboolean
check_text (const char  *value,
            const char  *name,
            GError     **error)
{
  if (value == NULL || *value == '\0' || !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "The %s to keep must be a non-empty UTF-8 text", name);
      return FALSE;
    }
  return TRUE;
}

/* Takes @error. */
static void
report_invalid (TuttiCredentials    *self,
                gpointer             source_tag,
                GAsyncReadyCallback  callback,
                gpointer             user_data,
                GError              *error)
{
  g_debug ("Keyring: %s", error->message);
  g_task_report_error (self, callback, user_data, source_tag, error);
}

/* ---- GObject --------------------------------------------------------------- */

static void
tutti_credentials_class_init (TuttiCredentialsClass *klass)
{
}

static void
tutti_credentials_init (TuttiCredentials *self)
{
}

/* ---- Public API -------------------------------------------------------------- */

TuttiCredentials *
tutti_credentials_new (void)
{
  return g_object_new (TUTTI_TYPE_CREDENTIALS, NULL);
}

void
tutti_credentials_probe_async (TuttiCredentials    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job;

  g_return_if_fail (TUTTI_IS_CREDENTIALS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (Job, 1);
  job->kind = JOB_PROBE;
  job_start (self, job, tutti_credentials_probe_async, cancellable, callback, user_data);
}

/* Returns: %TRUE when a Secret Service answers with an unlocked default
 * keyring; otherwise %FALSE with G_IO_ERROR_NOT_SUPPORTED. */
gboolean
tutti_credentials_probe_finish (TuttiCredentials  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  return job_finish (self, result, tutti_credentials_probe_async, error);
}

/* Replaces whatever was kept for @server_url. */
void
tutti_credentials_store_async (TuttiCredentials    *self,
                               const char          *server_url,
                               const char          *site,
                               const char          *login,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GError *error = NULL;
  Job *job;

  g_return_if_fail (TUTTI_IS_CREDENTIALS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!check_text (server_url, "server address", &error) ||
      !check_text (site, "site", &error) ||
      !check_text (login, "login", &error) ||
      !check_text (password, "password", &error))
    {
      report_invalid (self, tutti_credentials_store_async, callback, user_data, error);
      return;
    }

  job = g_new0 (Job, 1);
  job->kind = JOB_STORE;
  job->server_url = g_strdup (server_url);
  job->site = g_strdup (site);
  job->login = g_strdup (login);
  job->password = g_strdup (password);
  job_start (self, job, tutti_credentials_store_async, cancellable, callback, user_data);
}

gboolean
tutti_credentials_store_finish (TuttiCredentials  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  return job_finish (self, result, tutti_credentials_store_async, error);
}

void
tutti_credentials_lookup_async (TuttiCredentials    *self,
                                const char          *server_url,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GError *error = NULL;
  Job *job;

  g_return_if_fail (TUTTI_IS_CREDENTIALS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!check_text (server_url, "server address", &error))
    {
      report_invalid (self, tutti_credentials_lookup_async, callback, user_data, error);
      return;
    }

  job = g_new0 (Job, 1);
  job->kind = JOB_LOOKUP;
  job->server_url = g_strdup (server_url);
  job_start (self, job, tutti_credentials_lookup_async, cancellable, callback, user_data);
}

gboolean
tutti_credentials_lookup_finish (TuttiCredentials  *self,
                                 GAsyncResult      *result,
                                 char             **site,
                                 char             **login,
                                 char             **password,
                                 GError           **error)
{
  Job *job;

  if (site != NULL)
    *site = NULL;
  if (login != NULL)
    *login = NULL;
  if (password != NULL)
    *password = NULL;

  if (!job_finish (self, result, tutti_credentials_lookup_async, error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  if (!job->found)
    return FALSE;

  if (site != NULL)
    *site = g_steal_pointer (&job->found_site);
  if (login != NULL)
    *login = g_steal_pointer (&job->found_login);
  if (password != NULL)
    *password = g_steal_pointer (&job->found_password);

  return TRUE;
}

void
tutti_credentials_clear_async (TuttiCredentials    *self,
                               const char          *server_url,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GError *error = NULL;
  Job *job;

  g_return_if_fail (TUTTI_IS_CREDENTIALS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!check_text (server_url, "server address", &error))
    {
      report_invalid (self, tutti_credentials_clear_async, callback, user_data, error);
      return;
    }

  job = g_new0 (Job, 1);
  job->kind = JOB_CLEAR;
  job->server_url = g_strdup (server_url);
  job_start (self, job, tutti_credentials_clear_async, cancellable, callback, user_data);
}

gboolean
tutti_credentials_clear_finish (TuttiCredentials  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  return job_finish (self, result, tutti_credentials_clear_async, error);
}
