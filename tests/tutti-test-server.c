/* tutti-test-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include "tutti-test-server.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

struct _TuttiTestServer
{
  GSubprocess *process;
  char *tmp_dir;
  char *data_dir;
  char *log_path;
  char *url;
  guint n_restarts;
};

char *
tutti_test_make_tmpdir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpl = g_strdup_printf ("tutti-%s-XXXXXX", name);
  char *path = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return path;
}

void
tutti_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      tutti_test_rm_rf (child);
    }
  g_rmdir (path);
}

/* A test that fails aborts: its server goes with it rather than living on. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Spawns the server on self->data_dir and waits for its URL. */
static void
spawn (TuttiTestServer    *self,
       gboolean            demo,
       const char * const *extra_args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  const char *server_path = g_getenv ("TUTTI_SERVER_PATH");

  g_assert_nonnull (server_path);

  g_ptr_array_add (argv, (char *) server_path);
  g_ptr_array_add (argv, (char *) "--port");
  g_ptr_array_add (argv, (char *) "0");
  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, self->data_dir);
  if (demo)
    g_ptr_array_add (argv, (char *) "--demo");
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_set_stderr_file_path (launcher, self->log_path);
  self->process = g_subprocess_launcher_spawnv (launcher,
                                                (const char * const *) argv->pdata,
                                                &error);
  g_assert_no_error (error);

  /* The server prints its URL on a line of its own once it serves. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        {
          g_autofree char *log = tutti_test_server_get_log (self);
          g_error ("tutti-server exited before serving:\n%s", log);
        }
      if (g_str_has_prefix (line, "http://") || g_str_has_prefix (line, "https://"))
        {
          /* Keep the URL without a trailing slash. */
          gsize len = strlen (line);
          if (len > 0 && line[len - 1] == '/')
            line[len - 1] = '\0';
          g_free (self->url);
          self->url = g_steal_pointer (&line);
          break;
        }
    }
}

/* SIGTERM and a clean exit (status 0), or the test fails. */
static void
terminate (TuttiTestServer *self)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (self->process, SIGTERM);
  g_subprocess_wait (self->process, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (self->process) ||
      g_subprocess_get_exit_status (self->process) != 0)
    {
      g_autofree char *log = tutti_test_server_get_log (self);
      g_error ("tutti-server did not stop cleanly:\n%s", log);
    }
  g_clear_object (&self->process);
}

TuttiTestServer *
tutti_test_server_start (gboolean            demo,
                         const char * const *extra_args)
{
  TuttiTestServer *self;

  self = g_new0 (TuttiTestServer, 1);
  self->tmp_dir = tutti_test_make_tmpdir ("server");
  self->data_dir = g_build_filename (self->tmp_dir, "data", NULL);
  self->log_path = g_build_filename (self->tmp_dir, "server.log", NULL);
  spawn (self, demo, extra_args);

  return self;
}

void
tutti_test_server_restart (TuttiTestServer    *self,
                           gboolean            demo,
                           const char * const *extra_args)
{
  g_return_if_fail (self != NULL);

  terminate (self);
  /* A log of its own for each run: the launcher truncates the file. */
  self->n_restarts++;
  g_free (self->log_path);
  self->log_path = g_strdup_printf ("%s/server-%u.log", self->tmp_dir, self->n_restarts);
  spawn (self, demo, extra_args);
}

const char *
tutti_test_server_get_url (TuttiTestServer *self)
{
  return self->url;
}

const char *
tutti_test_server_get_data_dir (TuttiTestServer *self)
{
  return self->data_dir;
}

char *
tutti_test_server_get_log (TuttiTestServer *self)
{
  char *contents = NULL;

  if (!g_file_get_contents (self->log_path, &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
tutti_test_server_list_outbox (TuttiTestServer *self)
{
  g_autofree char *outbox = g_build_filename (self->data_dir, "outbox", NULL);
  g_autoptr(GDir) dir = g_dir_open (outbox, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".eml"))
      g_ptr_array_add (files, g_build_filename (outbox, name, NULL));
  g_ptr_array_sort (files, compare_strings);

  return files;
}

void
tutti_test_server_stop (TuttiTestServer *self)
{
  if (self == NULL)
    return;

  terminate (self);
  tutti_test_rm_rf (self->tmp_dir);
  g_free (self->tmp_dir);
  g_free (self->data_dir);
  g_free (self->log_path);
  g_free (self->url);
  g_free (self);
}
