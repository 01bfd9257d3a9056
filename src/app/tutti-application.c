/* tutti-application.c — the application: options, settings, client, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-application.h"
#include "tutti-resources.h"
#include "tutti-window.h"

struct _TuttiApplication
{
  AdwApplication    parent_instance;

  char             *server_url_override;
  char             *server_url;
  GSettings        *settings;
  TuttiClient      *client;
  TuttiCredentials *credentials;
  TuttiLang         lang;
};

G_DEFINE_FINAL_TYPE (TuttiApplication, tutti_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "server", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Address of the Tutti server, instead of the one in the settings"), N_("URL") },
  { NULL }
};

TuttiApplication *
tutti_application_new (void)
{
  return g_object_new (TUTTI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/app/tutti/Tutti",
                       NULL);
}

static int
tutti_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  TuttiApplication *self = TUTTI_APPLICATION (app);
  const char *server = NULL;

  if (g_variant_dict_lookup (options, "server", "&s", &server))
    {
      g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);

      if (uri == NULL ||
          (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
           g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
        {
          /* Translators: %s is what was given after --server */
          g_printerr (_("“%s” is not a server address (http://… or https://…)"), server);
          g_printerr ("\n");
          return 1;
        }

      g_free (self->server_url_override);
      self->server_url_override = g_strdup (server);
    }

  return G_APPLICATION_CLASS (tutti_application_parent_class)->handle_local_options (app, options);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close the windows so that each saves its state, then quit. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
    }
  g_application_quit (app);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Tutti developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Tutti"),
                        "developer-name", _("The Tutti developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The family portal of your music and drama school: "
                                      "your children’s lessons and results, re-enrolment "
                                      "and invoices."),
                        "website", "https://tutti.app",
                        "issue-url", "https://tutti.app/issues",
                        "copyright", "© 2026 The Tutti developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
tutti_application_startup (GApplication *app)
{
  TuttiApplication *self = TUTTI_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (tutti_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  if (self->server_url_override != NULL)
    self->server_url = g_strdup (self->server_url_override);
  else
    self->server_url = g_settings_get_string (self->settings, "server-url");

  self->lang = tutti_lang_from_environment ();
  self->client = tutti_client_new (self->server_url);
  tutti_client_set_lang (self->client, self->lang);
  self->credentials = tutti_credentials_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);

  g_debug ("Using the server at %s, language %s",
           self->server_url, tutti_lang_to_tag (self->lang));
}

static void
tutti_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (tutti_window_new (TUTTI_APPLICATION (app)));

  gtk_window_present (window);
}

static void
tutti_application_dispose (GObject *object)
{
  TuttiApplication *self = TUTTI_APPLICATION (object);

  g_clear_object (&self->client);
  g_clear_object (&self->credentials);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tutti_application_parent_class)->dispose (object);
}

static void
tutti_application_finalize (GObject *object)
{
  TuttiApplication *self = TUTTI_APPLICATION (object);

  g_free (self->server_url_override);
  g_free (self->server_url);

  G_OBJECT_CLASS (tutti_application_parent_class)->finalize (object);
}

static void
tutti_application_class_init (TuttiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tutti_application_dispose;
  object_class->finalize = tutti_application_finalize;

  app_class->handle_local_options = tutti_application_handle_local_options;
  app_class->startup = tutti_application_startup;
  app_class->activate = tutti_application_activate;

  /* Templates and the style sheet, before any widget class needs them. */
  tutti_register_resource ();
}

static void
tutti_application_init (TuttiApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The family portal of the music school"));
}

const char *
tutti_application_get_server_url (TuttiApplication *self)
{
  g_return_val_if_fail (TUTTI_IS_APPLICATION (self), NULL);

  return self->server_url;
}

TuttiClient *
tutti_application_get_client (TuttiApplication *self)
{
  g_return_val_if_fail (TUTTI_IS_APPLICATION (self), NULL);

  return self->client;
}

TuttiCredentials *
tutti_application_get_credentials (TuttiApplication *self)
{
  g_return_val_if_fail (TUTTI_IS_APPLICATION (self), NULL);

  return self->credentials;
}

GSettings *
tutti_application_get_settings (TuttiApplication *self)
{
  g_return_val_if_fail (TUTTI_IS_APPLICATION (self), NULL);

  return self->settings;
}

TuttiLang
tutti_application_get_lang (TuttiApplication *self)
{
  g_return_val_if_fail (TUTTI_IS_APPLICATION (self), TUTTI_LANG_EN);

  return self->lang;
}
