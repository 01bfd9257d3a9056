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

/* Settings of the configuration file (GKeyFile, see data/tutti-server.conf)
 * fill what the command line left unset: options win. */
static gboolean
load_config (const char  *path,
             char       **listen,
             int         *port,
             gboolean     port_given,
             char       **data_dir,
             char       **tls_certificate,
             char       **tls_key,
             char       **mail_from,
             GError     **error)
{
  g_autoptr(GKeyFile) config = g_key_file_new ();
  struct { const char *group; const char *key; char **value; } strings[] = {
    { "server", "listen", listen },
    { "server", "data-dir", data_dir },
    { "server", "tls-certificate", tls_certificate },
    { "server", "tls-key", tls_key },
    { "mail", "sender", mail_from },
  };

  if (!g_key_file_load_from_file (config, path, G_KEY_FILE_NONE, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (*strings[i].value == NULL && g_key_file_has_key (config, strings[i].group, strings[i].key, NULL))
      {
        *strings[i].value = g_key_file_get_string (config, strings[i].group, strings[i].key, error);
        if (*strings[i].value == NULL)
          return FALSE;
      }

  if (!port_given && g_key_file_has_key (config, "server", "port", NULL))
    {
      g_autoptr(GError) local_error = NULL;
      int value = g_key_file_get_integer (config, "server", "port", &local_error);

      if (local_error != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
          return FALSE;
        }
      *port = value;
    }

  return TRUE;
}

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
  g_autofree char *config = NULL;
  g_autofree char *tls_certificate = NULL;
  g_autofree char *tls_key = NULL;
  g_autofree char *url = NULL;
  gboolean demo = FALSE;
  gboolean version = FALSE;
  int port = -1;
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
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config,
      "Read settings from this file (options given here win)", "FILE" },
    { "tls-certificate", 0, 0, G_OPTION_ARG_FILENAME, &tls_certificate,
      "PEM certificate: serve HTTPS only", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key,
      "PEM private key of the certificate (default: in the certificate file)", "FILE" },
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
  if (config != NULL &&
      !load_config (config, &listen, &port, port != -1, &data_dir,
                    &tls_certificate, &tls_key, &mail_from, &error))
    {
      g_printerr ("tutti-server: %s\n", error->message);
      return 2;
    }
  if (port == -1)
    port = TUTTI_SERVER_DEFAULT_PORT;
  if (port < 0 || port > 65535)
    {
      g_printerr ("--port: %d is not a port number\n", port);
      return 2;
    }
  if (data_dir == NULL)
    data_dir = g_build_filename (g_get_user_data_dir (), "tutti-server", NULL);

  server = tutti_server_new (data_dir, mail_from);
  if (tls_certificate != NULL)
    {
      g_autoptr(GTlsCertificate) certificate = NULL;

      if (tls_key != NULL)
        certificate = g_tls_certificate_new_from_files (tls_certificate, tls_key, &error);
      else
        certificate = g_tls_certificate_new_from_file (tls_certificate, &error);
      if (certificate == NULL)
        {
          g_printerr ("tutti-server: %s\n", error->message);
          return 2;
        }
      tutti_server_set_tls_certificate (server, certificate);
    }
  else if (tls_key != NULL)
    {
      g_printerr ("tutti-server: a TLS key needs its certificate (--tls-certificate)\n");
      return 2;
    }
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
