/* main.c — tutti-server: options, signals and the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "tutti-server.h"

static void
shutdown_done (gpointer user_data)
{
  g_main_loop_quit (user_data);
}

static gboolean
on_signal (gpointer user_data)
{
  TuttiServer *server = g_object_get_data (G_OBJECT (user_data), "server");

  g_message ("Stopping");
  tutti_server_shutdown (server, G_CALLBACK (shutdown_done),
                         g_object_get_data (G_OBJECT (user_data), "loop"));
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GObject) holder = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *mail_from = NULL;
  g_autofree char *url = NULL;
  gboolean demo = FALSE;
  gboolean version = FALSE;
  int port = TUTTI_SERVER_DEFAULT_PORT;
  guint sigterm_source, sigint_source;
  GOptionEntry entries[] = {
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen,
      "Address to listen on (default " TUTTI_SERVER_DEFAULT_LISTEN ")", "ADDR" },
    { "port", 'p', 0, G_OPTION_ARG_INT, &port,
      "Port to listen on; 0 picks a free one (default 8642)", "N" },
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir,
      "Where the database and the outbox live (default $XDG_DATA_HOME/tutti-server)", "DIR" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      "Load the demo school (once per data dir)", NULL },
    { "mail-from", 0, 0, G_OPTION_ARG_STRING, &mail_from,
      "Sender of outgoing e-mail, “Name <address>”", "FROM" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— the Tutti family portal server");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (version)
    {
      printf ("tutti-server %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (port < 0 || port > 65535)
    {
      g_printerr ("--port: %d is not a port number\n", port);
      return 2;
    }
  if (data_dir == NULL)
    data_dir = g_build_filename (g_get_user_data_dir (), "tutti-server", NULL);

  server = tutti_server_new (data_dir, mail_from);
  if (!tutti_server_start (server, listen, (guint) port, demo, &error))
    {
      g_printerr ("tutti-server: %s\n", error->message);
      return 1;
    }

  loop = g_main_loop_new (NULL, FALSE);
  holder = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (holder, "server", server);
  g_object_set_data (holder, "loop", loop);
  sigterm_source = g_unix_signal_add (SIGTERM, on_signal, holder);
  sigint_source = g_unix_signal_add (SIGINT, on_signal, holder);

  /* The URL alone on its line tells whoever started us that we serve. */
  url = tutti_server_get_url (server);
  printf ("%s\n", url);
  fflush (stdout);

  g_main_loop_run (loop);

  g_source_remove (sigterm_source);
  g_source_remove (sigint_source);
  g_clear_object (&server);
  g_message ("Stopped");

  return 0;
}
