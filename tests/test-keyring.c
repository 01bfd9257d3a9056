/* test-keyring.c — TuttiCredentials against a real Secret Service (AUTH-5)
 *
 * build-aux/test.sh runs this inside a private D-Bus with gnome-keyring
 * unlocked, where the round trip must really run. Without any Secret
 * Service the round trip is skipped; the fail-fast cases run everywhere, each
 * in a subprocess with the environment it needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include <gio/gio.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include <libsecret/secret.h>

#include "tutti-credentials.h"

/* Failing must be fast: well under the library's own 3 s deadline. */
#define FAIL_FAST_USEC (2 * G_USEC_PER_SEC)

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
probe (TuttiCredentials  *credentials,
       GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_credentials_probe_async (credentials, NULL, on_result, &result);
  return tutti_credentials_probe_finish (credentials, wait_for_result (&result), error);
}

static gboolean
store (TuttiCredentials  *credentials,
       const char        *server,
       const char        *site,
       const char        *login,
       const char        *password,
       GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_credentials_store_async (credentials, server, site, login, password,
                                 NULL, on_result, &result);
  return tutti_credentials_store_finish (credentials, wait_for_result (&result), error);
}

static gboolean
lookup (TuttiCredentials  *credentials,
        const char        *server,
        char             **site,
        char             **login,
        char             **password,
        GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_credentials_lookup_async (credentials, server, NULL, on_result, &result);
  return tutti_credentials_lookup_finish (credentials, wait_for_result (&result),
                                          site, login, password, error);
}

static gboolean
clear (TuttiCredentials  *credentials,
       const char        *server,
       GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tutti_credentials_clear_async (credentials, server, NULL, on_result, &result);
  return tutti_credentials_clear_finish (credentials, wait_for_result (&result), error);
}

/* Whether a Secret Service owns or can activate its name on the session bus
 * this process was given, checked without the library under test. */
static gboolean
have_secret_service (char **reason)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *address = g_getenv ("DBUS_SESSION_BUS_ADDRESS");
  g_autofree char *socket_path = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);
  gboolean owned = FALSE;

  if ((address == NULL || *address == '\0') && !g_file_test (socket_path, G_FILE_TEST_EXISTS))
    {
      *reason = g_strdup ("no D-Bus session bus (run me under build-aux/test.sh)");
      return FALSE;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      *reason = g_strdup_printf ("the session bus cannot be reached: %s", error->message);
      return FALSE;
    }

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       2000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &owned);
  if (owned)
    return TRUE;

  g_clear_pointer (&reply, g_variant_unref);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ListActivatableNames",
                                       NULL, G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE,
                                       2000, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree const char **names = NULL;

    g_variant_get (reply, "(^a&s)", &names);
    if (names != NULL && g_strv_contains (names, "org.freedesktop.secrets"))
      return TRUE;
  }

  *reason = g_strdup ("no Secret Service on the session bus (run me under build-aux/test.sh)");
  return FALSE;
}

/* ---- Round trip -------------------------------------------------------------- */

/* Probe, store, look up, replace, clear: everything must work. */
static void
check_round_trip (TuttiCredentials *credentials)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *server = g_strdup_printf ("http://tutti-test-%d.invalid:8080", (int) getpid ());
  g_autofree char *other = g_strdup_printf ("http://tutti-other-%d.invalid:8080", (int) getpid ());
  gint64 start;

  start = g_get_monotonic_time ();
  g_assert_true (probe (credentials, &error));
  g_assert_no_error (error);
  g_test_message ("probe took %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);

  g_assert_true (store (credentials, server, "conservatoire", "ztest1", "Vitre2026", &error));
  g_assert_no_error (error);

  {
    g_autofree char *site = NULL;
    g_autofree char *login = NULL;
    g_autofree char *password = NULL;

    g_assert_true (lookup (credentials, server, &site, &login, &password, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (site, ==, "conservatoire");
    g_assert_cmpstr (login, ==, "ztest1");
    g_assert_cmpstr (password, ==, "Vitre2026");
  }

  /* Another server keeps nothing. */
  {
    g_autofree char *login = NULL;

    g_assert_false (lookup (credentials, other, NULL, &login, NULL, &error));
    g_assert_no_error (error);
    g_assert_null (login);
  }

  /* A second store replaces the first, even for another login: one
   * credential per server. */
  g_assert_true (store (credentials, server, "conservatoire", "cmartin", "Autre2026é", &error));
  g_assert_no_error (error);
  {
    g_autofree char *site = NULL;
    g_autofree char *login = NULL;
    g_autofree char *password = NULL;

    g_assert_true (lookup (credentials, server, &site, &login, &password, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (site, ==, "conservatoire");
    g_assert_cmpstr (login, ==, "cmartin");
    g_assert_cmpstr (password, ==, "Autre2026é");
  }

  g_assert_true (clear (credentials, server, &error));
  g_assert_no_error (error);
  {
    g_autofree char *site = NULL;
    g_autofree char *login = NULL;
    g_autofree char *password = NULL;

    g_assert_false (lookup (credentials, server, &site, &login, &password, &error));
    g_assert_no_error (error);
    g_assert_null (site);
    g_assert_null (login);
    g_assert_null (password);
  }

  /* Clearing nothing is fine. */
  g_assert_true (clear (credentials, server, &error));
  g_assert_no_error (error);

  g_test_message ("round trip took %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
}

static void
test_round_trip (void)
{
  g_autoptr(TuttiCredentials) credentials = tutti_credentials_new ();
  g_autofree char *reason = NULL;

  if (!have_secret_service (&reason))
    {
      g_test_skip (reason);
      return;
    }

  /* A Secret Service is there: from here on everything must work. */
  check_round_trip (credentials);
}

/* In a Flatpak the credential goes through libsecret's file backend (behind
 * the Secret portal), without any Secret Service on the bus. libsecret's
 * test mode runs that backend here on a file of ours. */
static void
test_file_backend (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *tmp = g_dir_make_tmp ("tutti-file-keyring-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (tmp, "keyring", NULL);
      g_autoptr(TuttiCredentials) credentials = NULL;

      g_setenv ("SECRET_BACKEND", "file", TRUE);
      g_setenv ("SECRET_FILE_TEST_PATH", path, TRUE);
      g_setenv ("SECRET_FILE_TEST_PASSWORD", "tutti-test", TRUE);
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tutti-no-bus", TRUE);
      g_setenv ("HOME", tmp, TRUE);

      credentials = tutti_credentials_new ();
      check_round_trip (credentials);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_invalid_arguments (void)
{
  g_autoptr(TuttiCredentials) credentials = tutti_credentials_new ();
  g_autoptr(GError) error = NULL;

  /* Refused before any D-Bus traffic: libsecret would warn and never answer. */
  g_assert_false (store (credentials, "http://x.invalid", "conservatoire", "bad\xff", "pw",
                         &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (store (credentials, "http://x.invalid", "conservatoire", "ztest1", "", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* ---- Failing fast ------------------------------------------------------------- */

/* Every operation fails with NOT_SUPPORTED, each within FAIL_FAST_USEC. */
static void
assert_everything_unsupported (void)
{
  g_autoptr(TuttiCredentials) credentials = tutti_credentials_new ();
  const char *server = "http://tutti-test.invalid";
  gint64 start;

  {
    g_autoptr(GError) error = NULL;

    start = g_get_monotonic_time ();
    g_assert_false (probe (credentials, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_assert_cmpint (g_get_monotonic_time () - start, <, FAIL_FAST_USEC);
    g_test_message ("probe: %s", error->message);
  }

  {
    g_autoptr(GError) error = NULL;

    start = g_get_monotonic_time ();
    g_assert_false (store (credentials, server, "conservatoire", "ztest1", "Vitre2026", &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_assert_cmpint (g_get_monotonic_time () - start, <, FAIL_FAST_USEC);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *password = NULL;

    start = g_get_monotonic_time ();
    g_assert_false (lookup (credentials, server, NULL, NULL, &password, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_assert_null (password);
    g_assert_cmpint (g_get_monotonic_time () - start, <, FAIL_FAST_USEC);
  }

  {
    g_autoptr(GError) error = NULL;

    start = g_get_monotonic_time ();
    g_assert_false (clear (credentials, server, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_assert_cmpint (g_get_monotonic_time () - start, <, FAIL_FAST_USEC);
  }
}

/* No bus at all, and a DISPLAY: GLib would autolaunch a bus here. */
static void
test_fail_fast_no_bus (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *tmp = g_dir_make_tmp ("tutti-keyring-XXXXXX", NULL);

      g_assert_nonnull (tmp);
      g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
      g_setenv ("XDG_RUNTIME_DIR", tmp, TRUE);
      g_setenv ("HOME", tmp, TRUE);
      g_setenv ("DISPLAY", ":4242", TRUE);

      assert_everything_unsupported ();

      g_rmdir (tmp);
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A bus address whose socket does not exist. */
static void
test_fail_fast_dead_bus (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *tmp = g_dir_make_tmp ("tutti-keyring-XXXXXX", NULL);
      g_autofree char *address = g_strdup_printf ("unix:path=%s/no-such-bus", tmp);

      g_assert_nonnull (tmp);
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
      g_setenv ("XDG_RUNTIME_DIR", tmp, TRUE);
      g_setenv ("HOME", tmp, TRUE);
      g_unsetenv ("DISPLAY");

      assert_everything_unsupported ();

      g_rmdir (tmp);
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A working bus on which no Secret Service runs nor can be activated. */
static void
test_fail_fast_no_service (void)
{
  g_autofree char *daemon_path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);

      g_unsetenv ("DISPLAY");
      g_test_dbus_up (bus);

      assert_everything_unsupported ();

      g_test_dbus_down (bus);
      return;
    }

  daemon_path = g_find_program_in_path ("dbus-daemon");
  if (daemon_path == NULL)
    {
      g_test_skip ("dbus-daemon is not installed");
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* In a subprocess: a private bus with a gnome-keyring of its own in a
 * temporary home. With a password the daemon creates the login keyring and
 * unlocks it; without one it starts with no keyring at all. */
static GTestDBus *
start_private_keyring (const char  *password,
                       char       **tmp_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("tutti-keyring-XXXXXX", &error);
  g_autofree char *run = NULL;
  g_autofree char *data = NULL;
  GTestDBus *bus;
  gint64 deadline;

  g_assert_no_error (error);
  run = g_build_filename (tmp, "run", NULL);
  data = g_build_filename (tmp, "data", NULL);
  g_assert_cmpint (g_mkdir (run, 0700), ==, 0);
  g_setenv ("HOME", tmp, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", run, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", data, TRUE);
  g_setenv ("XDG_CACHE_HOME", data, TRUE);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  daemon = g_subprocess_launcher_spawn (launcher, &error,
                                        "gnome-keyring-daemon",
                                        password != NULL ? "--unlock" : "--start",
                                        "--components=secrets",
                                        NULL);
  g_assert_no_error (error);
  /* It reads the password, forks the daemon and exits. */
  g_subprocess_communicate_utf8 (daemon, password != NULL ? password : "",
                                 NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean owned = FALSE;

      reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                           "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                           "NameHasOwner",
                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                           2000, NULL, &error);
      g_assert_no_error (error);
      g_variant_get (reply, "(b)", &owned);
      if (owned)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 50);
    }

  *tmp_out = g_steal_pointer (&tmp);
  return bus;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static void
stop_private_keyring (GTestDBus *bus,
                      char      *tmp)
{
  /* libsecret keeps its service (and so the bus) for the process's life. */
  secret_service_disconnect ();
  /* The daemon leaves when its bus goes away. */
  g_test_dbus_down (bus);
  g_object_unref (bus);
  remove_tree (tmp);
  g_free (tmp);
}

static void
lock_default_keyring (void)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char * const paths[] = { "/org/freedesktop/secrets/aliases/default", NULL };

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.secrets",
                                       "/org/freedesktop/secrets",
                                       "org.freedesktop.Secret.Service", "Lock",
                                       g_variant_new ("(@ao)", g_variant_new_objv (paths, -1)),
                                       G_VARIANT_TYPE ("(aoo)"), G_DBUS_CALL_FLAGS_NONE,
                                       2000, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
have_gnome_keyring (void)
{
  g_autofree char *path = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *bus_path = g_find_program_in_path ("dbus-daemon");

  return path != NULL && bus_path != NULL;
}

/* A locked keyring: nothing may prompt (under Xvfb a prompt would open and
 * wait); everything fails fast as not supported. DISPLAY is kept on purpose. */
static void
test_fail_fast_locked (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TuttiCredentials) credentials = tutti_credentials_new ();
      g_autoptr(GError) error = NULL;
      const char *server = "http://tutti-locked.invalid";
      char *tmp = NULL;
      GTestDBus *bus = start_private_keyring ("secret", &tmp);
      gint64 start;

      g_assert_true (probe (credentials, &error));
      g_assert_no_error (error);
      g_assert_true (store (credentials, server, "conservatoire", "ztest1", "Vitre2026", &error));
      g_assert_no_error (error);

      lock_default_keyring ();

      start = g_get_monotonic_time ();
      g_assert_false (probe (credentials, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_assert_cmpint (g_get_monotonic_time () - start, <, FAIL_FAST_USEC);
      g_test_message ("probe: %s", error->message);
      g_clear_error (&error);

      start = g_get_monotonic_time ();
      g_assert_false (store (credentials, server, "conservatoire", "ztest1", "Vitre2026", &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_assert_cmpint (g_get_monotonic_time () - start, <, FAIL_FAST_USEC);
      g_clear_error (&error);

      {
        g_autofree char *password = NULL;

        start = g_get_monotonic_time ();
        g_assert_false (lookup (credentials, server, NULL, NULL, &password, &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
        g_assert_cmpint (g_get_monotonic_time () - start, <, FAIL_FAST_USEC);
        g_assert_null (password);
        g_test_message ("lookup: %s", error->message);
        g_clear_error (&error);
      }

      start = g_get_monotonic_time ();
      g_assert_false (clear (credentials, server, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_assert_cmpint (g_get_monotonic_time () - start, <, FAIL_FAST_USEC);
      g_clear_error (&error);

      g_clear_object (&credentials);
      stop_private_keyring (bus, tmp);
      return;
    }

  if (!have_gnome_keyring ())
    {
      g_test_skip ("gnome-keyring-daemon or dbus-daemon is not installed");
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A Secret Service without any keyring: storing would create the default
 * keyring, which asks for a password; it must fail instead. */
static void
test_fail_fast_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TuttiCredentials) credentials = tutti_credentials_new ();
      g_autoptr(GError) error = NULL;
      const char *server = "http://tutti-nokeyring.invalid";
      char *tmp = NULL;
      GTestDBus *bus = start_private_keyring (NULL, &tmp);
      gint64 start = g_get_monotonic_time ();

      g_assert_false (probe (credentials, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_test_message ("probe: %s", error->message);
      g_clear_error (&error);

      g_assert_false (store (credentials, server, "conservatoire", "ztest1", "Vitre2026", &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_clear_error (&error);

      /* Nothing is kept, and saying so needs no keyring. */
      g_assert_false (lookup (credentials, server, NULL, NULL, NULL, &error));
      g_assert_no_error (error);

      g_assert_cmpint (g_get_monotonic_time () - start, <, FAIL_FAST_USEC);

      g_clear_object (&credentials);
      stop_private_keyring (bus, tmp);
      return;
    }

  if (!have_gnome_keyring ())
    {
      g_test_skip ("gnome-keyring-daemon or dbus-daemon is not installed");
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_cancelled (void)
{
  g_autoptr(TuttiCredentials) credentials = tutti_credentials_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  if (!have_secret_service (&reason))
    {
      g_test_skip (reason);
      return;
    }

  g_cancellable_cancel (cancellable);
  tutti_credentials_probe_async (credentials, cancellable, on_result, &result);
  g_assert_false (tutti_credentials_probe_finish (credentials, wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keyring/round-trip", test_round_trip);
  g_test_add_func ("/keyring/file-backend", test_file_backend);
  g_test_add_func ("/keyring/invalid-arguments", test_invalid_arguments);
  g_test_add_func ("/keyring/cancelled", test_cancelled);
  g_test_add_func ("/keyring/fail-fast/no-bus", test_fail_fast_no_bus);
  g_test_add_func ("/keyring/fail-fast/dead-bus", test_fail_fast_dead_bus);
  g_test_add_func ("/keyring/fail-fast/no-service", test_fail_fast_no_service);
  g_test_add_func ("/keyring/fail-fast/no-keyring", test_fail_fast_no_keyring);
  g_test_add_func ("/keyring/fail-fast/locked", test_fail_fast_locked);

  return g_test_run ();
}
