/* tutti-login-page.c — AUTH-1 log in, AUTH-5 remember me and log in by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-accessibility-view.h"
#include "tutti-login-page.h"
#include "tutti-lost-password-dialog.h"
#include "tutti-window-private.h"

/* A wait shorter than this shows no spinner, to avoid a flash. */
#define SPINNER_DELAY_MS 150

typedef enum
{
  MESSAGE_NONE,
  MESSAGE_INFO,
  MESSAGE_ERROR,          /* about what was typed: no retry */
  MESSAGE_SITES_FAILED,   /* Retry loads the sites again */
  MESSAGE_LOG_IN_FAILED,  /* Retry logs in again */
} MessageKind;

struct _TuttiLoginPage
{
  AdwBin            parent_instance;

  /* Template children */
  GtkStack         *page_stack;
  GtkRevealer      *message_revealer;
  GtkWidget        *message_box;
  GtkImage         *message_icon;
  GtkLabel         *message_label;
  GtkButton        *retry_button;
  AdwComboRow      *site_row;
  GtkStringList    *site_names;
  GtkSpinner       *sites_spinner;
  AdwEntryRow      *identifier_row;
  AdwEntryRow      *password_row;
  AdwActionRow     *remember_row;
  GtkSwitch        *remember_switch;
  GtkButton        *log_in_button;
  GtkStack         *log_in_stack;
  GtkSpinner       *log_in_spinner;
  GtkButton        *lost_password_button;
  GtkButton        *help_button;
  GtkSpinner       *auto_spinner;

  TuttiClient      *client;
  TuttiCredentials *credentials;
  GSettings        *settings;

  /* Cancelled when the page goes away: the sites, the keyring. */
  GCancellable     *cancellable;
  /* The log-in in flight, cancelled by the Cancel button too. */
  GCancellable     *log_in_cancellable;

  GPtrArray        *sites;         /* TuttiSite, NULL until loaded */
  char             *wanted_site;   /* to select once the sites arrive */
  MessageKind       message_kind;
  guint             spinner_timeout_id;
  gboolean          busy;
  gboolean          loading_sites;
  gboolean          keyring_available;
  gboolean          auto_log_in;
};

G_DEFINE_FINAL_TYPE (TuttiLoginPage, tutti_login_page, ADW_TYPE_BIN)

enum {
  LOGGED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void log_in (TuttiLoginPage *self);

/* ---- State ------------------------------------------------------------------ */

static const TuttiSite *
get_selected_site (TuttiLoginPage *self)
{
  guint selected = adw_combo_row_get_selected (self->site_row);

  if (self->sites == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->sites->len)
    return NULL;
  return g_ptr_array_index (self->sites, selected);
}

static void
update_sensitivity (TuttiLoginPage *self)
{
  const char *login = gtk_editable_get_text (GTK_EDITABLE (self->identifier_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  gboolean can_log_in;

  can_log_in = !self->busy &&
               get_selected_site (self) != NULL &&
               !tutti_is_blank (login) &&
               password != NULL && *password != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->log_in_button), can_log_in);
  gtk_widget_set_sensitive (GTK_WIDGET (self->site_row),
                            self->sites != NULL && self->sites->len > 0);
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  TuttiLoginPage *self = user_data;

  self->spinner_timeout_id = 0;
  gtk_stack_set_visible_child_name (self->log_in_stack, "spinner");
  gtk_spinner_start (self->log_in_spinner);

  return G_SOURCE_REMOVE;
}

static void
set_busy (TuttiLoginPage *self,
          gboolean        busy)
{
  self->busy = busy;

  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  if (busy)
    {
      self->spinner_timeout_id = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->log_in_stack, "label");
      gtk_spinner_stop (self->log_in_spinner);
    }

  update_sensitivity (self);
}

static void
hide_message (TuttiLoginPage *self)
{
  self->message_kind = MESSAGE_NONE;
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

static void
show_message (TuttiLoginPage *self,
              MessageKind     kind,
              const char     *text)
{
  gboolean is_error = kind != MESSAGE_INFO;

  self->message_kind = kind;
  gtk_label_set_label (self->message_label, text);
  gtk_image_set_from_icon_name (self->message_icon,
                                is_error ? "dialog-error-symbolic" : "dialog-information-symbolic");
  if (is_error)
    {
      gtk_widget_add_css_class (self->message_box, "error");
      gtk_widget_remove_css_class (self->message_box, "info");
    }
  else
    {
      gtk_widget_add_css_class (self->message_box, "info");
      gtk_widget_remove_css_class (self->message_box, "error");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                          kind == MESSAGE_SITES_FAILED || kind == MESSAGE_LOG_IN_FAILED);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static char *
describe_unreachable (TuttiLoginPage *self)
{
  /* Translators: %s is the server's address, such as http://127.0.0.1:8642 */
  return g_strdup_printf (_("The server at %s cannot be reached. Check the connection, then try again."),
                          tutti_client_get_base_url (self->client));
}

static void
show_error (TuttiLoginPage *self,
            const GError   *error,
            MessageKind     retry_kind)
{
  g_autofree char *text = NULL;
  MessageKind kind = MESSAGE_ERROR;

  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_CREDENTIALS))
    {
      /* One message that does not say which part was wrong (AUTH-1). */
      text = g_strdup (_("Wrong identifier or password."));
    }
  else if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_TOO_MANY_ATTEMPTS))
    {
      guint seconds = tutti_api_error_get_retry_after (error);
      guint minutes = (seconds + 59) / 60;

      if (seconds == 0)
        text = g_strdup (_("Too many attempts. Try again later."));
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Too many attempts. Try again in %u minute.",
                                             "Too many attempts. Try again in %u minutes.",
                                             minutes),
                                minutes);
    }
  else if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE) ||
           error->domain != TUTTI_API_ERROR)
    {
      text = describe_unreachable (self);
      kind = retry_kind;
    }
  else
    {
      /* The server's own sentence, in the user's language. */
      text = g_strdup (error->message);
      kind = retry_kind;
    }

  show_message (self, kind, text);
}

/* ---- Sites ------------------------------------------------------------------ */

static void
select_wanted_site (TuttiLoginPage *self)
{
  guint position = 0;

  if (self->sites == NULL || self->sites->len == 0)
    return;

  for (guint i = 0; i < self->sites->len; i++)
    {
      const TuttiSite *site = g_ptr_array_index (self->sites, i);

      if (g_strcmp0 (site->id, self->wanted_site) == 0)
        {
          position = i;
          break;
        }
    }

  adw_combo_row_set_selected (self->site_row, position);
}

static void
list_sites_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TuttiLoginPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GPtrArray) names = NULL;

  sites = tutti_client_list_sites_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;

  self->loading_sites = FALSE;
  gtk_spinner_stop (self->sites_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->sites_spinner), FALSE);

  if (sites == NULL)
    {
      g_debug ("Listing the sites: %s", error->message);
      /* A failed log-in by itself says more than the sites do. */
      if (self->message_kind != MESSAGE_LOG_IN_FAILED)
        show_error (self, error, MESSAGE_SITES_FAILED);
      update_sensitivity (self);
      return;
    }

  g_clear_pointer (&self->sites, g_ptr_array_unref);
  self->sites = g_steal_pointer (&sites);

  names = g_ptr_array_new ();
  for (guint i = 0; i < self->sites->len; i++)
    g_ptr_array_add (names, ((TuttiSite *) g_ptr_array_index (self->sites, i))->name);
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->site_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->site_names)),
                          (const char * const *) names->pdata);
  select_wanted_site (self);

  if (self->message_kind == MESSAGE_SITES_FAILED)
    hide_message (self);

  update_sensitivity (self);
}

static void
load_sites (TuttiLoginPage *self)
{
  if (self->loading_sites)
    return;

  self->loading_sites = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->sites_spinner), TRUE);
  gtk_spinner_start (self->sites_spinner);
  tutti_client_list_sites_async (self->client, self->cancellable, list_sites_cb, g_object_ref (self));
}

/* ---- Log in ----------------------------------------------------------------- */

static void
store_credentials_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!tutti_credentials_store_finish (TUTTI_CREDENTIALS (source), result, &error))
    g_debug ("Keeping the credential: %s", error->message);
}

static void
clear_credentials_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!tutti_credentials_clear_finish (TUTTI_CREDENTIALS (source), result, &error))
    g_debug ("Forgetting the credential: %s", error->message);
}

typedef struct
{
  TuttiLoginPage *self;
  GCancellable   *cancellable;
  char           *site;
  char           *login;
  char           *password;
} LogInData;

static void
log_in_data_free (LogInData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_free (data->site);
  g_free (data->login);
  g_free (data->password);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LogInData, log_in_data_free)

static void
log_in_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LogInData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiSession) session = NULL;
  TuttiLoginPage *self = data->self;
  gboolean was_auto;

  session = tutti_client_log_in_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (data->cancellable) ||
      self->cancellable == NULL)
    return;

  was_auto = self->auto_log_in;
  self->auto_log_in = FALSE;
  set_busy (self, FALSE);
  gtk_spinner_stop (self->auto_spinner);

  if (session == NULL)
    {
      g_debug ("Logging in: %s", error->message);
      gtk_stack_set_visible_child_name (self->page_stack, "form");
      show_error (self, error, MESSAGE_LOG_IN_FAILED);

      /* Everything typed stays; the password is where to look again. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_CREDENTIALS))
        gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  if (self->keyring_available && !was_auto)
    {
      const char *url = tutti_client_get_base_url (self->client);

      if (gtk_switch_get_active (self->remember_switch))
        tutti_credentials_store_async (self->credentials, url, data->site, data->login,
                                       data->password, NULL, store_credentials_cb, NULL);
      else
        tutti_credentials_clear_async (self->credentials, url, NULL, clear_credentials_cb, NULL);
    }

  g_settings_set_string (self->settings, "last-site", data->site);
  g_settings_set_string (self->settings, "last-login", data->login);
  g_free (self->wanted_site);
  self->wanted_site = g_strdup (data->site);

  hide_message (self);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_stack_set_visible_child_name (self->page_stack, "form");

  g_signal_emit (self, signals[LOGGED_IN], 0);
}

static void
start_log_in (TuttiLoginPage *self,
              const char     *site,
              const char     *login,
              const char     *password)
{
  LogInData *data;

  g_cancellable_cancel (self->log_in_cancellable);
  g_clear_object (&self->log_in_cancellable);
  self->log_in_cancellable = g_cancellable_new ();

  data = g_new0 (LogInData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->log_in_cancellable);
  data->site = g_strdup (site);
  data->login = g_strstrip (g_strdup (login));
  data->password = g_strdup (password);

  set_busy (self, TRUE);
  if (self->message_kind != MESSAGE_INFO)
    hide_message (self);

  tutti_client_log_in_async (self->client, data->site, data->login, data->password,
                             self->log_in_cancellable, log_in_cb, data);
}

static void
log_in (TuttiLoginPage *self)
{
  const TuttiSite *site = get_selected_site (self);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->log_in_button)) || site == NULL)
    return;

  hide_message (self);
  start_log_in (self, site->id,
                gtk_editable_get_text (GTK_EDITABLE (self->identifier_row)),
                gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
}

static void
log_in_clicked_cb (TuttiLoginPage *self)
{
  log_in (self);
}

static void
identifier_activated_cb (TuttiLoginPage *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (password == NULL || *password == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else
    log_in (self);
}

static void
password_activated_cb (TuttiLoginPage *self)
{
  log_in (self);
}

static void
retry_clicked_cb (TuttiLoginPage *self)
{
  if (self->sites == NULL)
    load_sites (self);
  else if (self->message_kind == MESSAGE_LOG_IN_FAILED &&
           gtk_widget_get_sensitive (GTK_WIDGET (self->log_in_button)))
    log_in (self);
  else
    hide_message (self);
}

static void
auto_cancel_clicked_cb (TuttiLoginPage *self)
{
  g_cancellable_cancel (self->log_in_cancellable);
  g_clear_object (&self->log_in_cancellable);
  self->auto_log_in = FALSE;
  set_busy (self, FALSE);
  gtk_spinner_stop (self->auto_spinner);
  gtk_stack_set_visible_child_name (self->page_stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->log_in_button));
}

/* ---- Keyring (AUTH-5) --------------------------------------------------------- */

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TuttiLoginPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *site = NULL;
  g_autofree char *login = NULL;
  g_autofree char *password = NULL;

  if (!tutti_credentials_lookup_finish (TUTTI_CREDENTIALS (source), result,
                                        &site, &login, &password, &error))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Looking up the credential: %s", error->message);
      return;
    }
  if (self->cancellable == NULL || self->busy || site == NULL || login == NULL || password == NULL)
    return;

  /* Log in by itself; on failure the form comes back filled in. */
  g_free (self->wanted_site);
  self->wanted_site = g_strdup (site);
  select_wanted_site (self);
  gtk_editable_set_text (GTK_EDITABLE (self->identifier_row), login);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  gtk_switch_set_active (self->remember_switch, TRUE);

  self->auto_log_in = TRUE;
  gtk_stack_set_visible_child_name (self->page_stack, "auto");
  gtk_spinner_start (self->auto_spinner);
  start_log_in (self, site, login, password);
}

static void
probe_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TuttiLoginPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tutti_credentials_probe_finish (TUTTI_CREDENTIALS (source), result, &error))
    {
      /* No keyring: the app works, without remembering (AUTH-5). */
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No keyring: %s", error->message);
      return;
    }
  if (self->cancellable == NULL)
    return;

  self->keyring_available = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->remember_row), TRUE);

  tutti_credentials_lookup_async (self->credentials,
                                  tutti_client_get_base_url (self->client),
                                  self->cancellable, lookup_cb, g_object_ref (self));
}

/* ---- Links ------------------------------------------------------------------ */

static void
lost_password_clicked_cb (TuttiLoginPage *self)
{
  const TuttiSite *site = get_selected_site (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TuttiLostPasswordDialog *dialog;

  dialog = tutti_lost_password_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           self->client,
                                           site != NULL ? site->id : self->wanted_site,
                                           gtk_editable_get_text (GTK_EDITABLE (self->identifier_row)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_clicked_cb (TuttiLoginPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  tutti_accessibility_view_present_dialog (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL);
}

/* ---- Public ----------------------------------------------------------------- */

void
tutti_login_page_setup (TuttiLoginPage   *self,
                        TuttiClient      *client,
                        TuttiCredentials *credentials,
                        GSettings        *settings)
{
  g_return_if_fail (TUTTI_IS_LOGIN_PAGE (self));

  g_set_object (&self->client, client);
  g_set_object (&self->credentials, credentials);
  g_set_object (&self->settings, settings);
}

void
tutti_login_page_start (TuttiLoginPage *self)
{
  g_autofree char *last_login = NULL;

  g_return_if_fail (TUTTI_IS_LOGIN_PAGE (self));
  g_return_if_fail (self->client != NULL);

  g_free (self->wanted_site);
  self->wanted_site = g_settings_get_string (self->settings, "last-site");
  last_login = g_settings_get_string (self->settings, "last-login");
  gtk_editable_set_text (GTK_EDITABLE (self->identifier_row), last_login);

  load_sites (self);
  tutti_credentials_probe_async (self->credentials, self->cancellable, probe_cb, g_object_ref (self));

  if (*last_login != '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->identifier_row));
}

void
tutti_login_page_reset (TuttiLoginPage *self,
                        const char     *message)
{
  g_return_if_fail (TUTTI_IS_LOGIN_PAGE (self));

  g_cancellable_cancel (self->log_in_cancellable);
  g_clear_object (&self->log_in_cancellable);
  self->auto_log_in = FALSE;
  set_busy (self, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_stack_set_visible_child_name (self->page_stack, "form");

  if (message != NULL)
    show_message (self, MESSAGE_INFO, message);
  else
    hide_message (self);

  if (self->sites == NULL)
    load_sites (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

void
tutti_login_page_set_remember (TuttiLoginPage *self,
                               gboolean        remember)
{
  g_return_if_fail (TUTTI_IS_LOGIN_PAGE (self));

  gtk_switch_set_active (self->remember_switch, remember);
}

const char *
tutti_login_page_get_site_name (TuttiLoginPage *self,
                                const char     *site_id)
{
  g_return_val_if_fail (TUTTI_IS_LOGIN_PAGE (self), NULL);

  for (guint i = 0; self->sites != NULL && i < self->sites->len; i++)
    {
      const TuttiSite *site = g_ptr_array_index (self->sites, i);

      if (g_strcmp0 (site->id, site_id) == 0)
        return site->name;
    }

  return site_id;
}

/* ---- GObject ---------------------------------------------------------------- */

static void
tutti_login_page_dispose (GObject *object)
{
  TuttiLoginPage *self = TUTTI_LOGIN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->log_in_cancellable);
  g_clear_object (&self->log_in_cancellable);
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);

  /* AdwBin unparents its child itself: drop it first, so that a child
   * bound as a template child is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_LOGIN_PAGE);

  g_clear_object (&self->client);
  g_clear_object (&self->credentials);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->sites, g_ptr_array_unref);

  G_OBJECT_CLASS (tutti_login_page_parent_class)->dispose (object);
}

static void
tutti_login_page_finalize (GObject *object)
{
  TuttiLoginPage *self = TUTTI_LOGIN_PAGE (object);

  g_free (self->wanted_site);

  G_OBJECT_CLASS (tutti_login_page_parent_class)->finalize (object);
}

static void
tutti_login_page_class_init (TuttiLoginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_login_page_dispose;
  object_class->finalize = tutti_login_page_finalize;

  /**
   * TuttiLoginPage::logged-in:
   *
   * The client holds a session; the window shows the menus.
   */
  signals[LOGGED_IN] = g_signal_new ("logged-in",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-login-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, message_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, message_icon);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, site_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, site_names);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, sites_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, identifier_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, remember_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, log_in_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, log_in_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, log_in_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, lost_password_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, help_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiLoginPage, auto_spinner);
  gtk_widget_class_bind_template_callback (widget_class, update_sensitivity);
  gtk_widget_class_bind_template_callback (widget_class, log_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, identifier_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, auto_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, lost_password_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, help_clicked_cb);
}

static void
tutti_login_page_init (TuttiLoginPage *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- For the UI test ---------------------------------------------------------- */

const char *
tutti_login_page_get_state (TuttiLoginPage *self)
{
  return gtk_stack_get_visible_child_name (self->page_stack);
}

AdwComboRow *
tutti_login_page_get_site_row (TuttiLoginPage *self)
{
  return self->site_row;
}

AdwEntryRow *
tutti_login_page_get_identifier_row (TuttiLoginPage *self)
{
  return self->identifier_row;
}

AdwEntryRow *
tutti_login_page_get_password_row (TuttiLoginPage *self)
{
  return self->password_row;
}

GtkWidget *
tutti_login_page_get_remember_row (TuttiLoginPage *self)
{
  return GTK_WIDGET (self->remember_row);
}

GtkSwitch *
tutti_login_page_get_remember_switch (TuttiLoginPage *self)
{
  return self->remember_switch;
}

GtkButton *
tutti_login_page_get_log_in_button (TuttiLoginPage *self)
{
  return self->log_in_button;
}

GtkButton *
tutti_login_page_get_lost_password_button (TuttiLoginPage *self)
{
  return self->lost_password_button;
}

GtkButton *
tutti_login_page_get_help_button (TuttiLoginPage *self)
{
  return self->help_button;
}

GtkButton *
tutti_login_page_get_retry_button (TuttiLoginPage *self)
{
  return self->retry_button;
}

gboolean
tutti_login_page_get_busy (TuttiLoginPage *self)
{
  return self->busy;
}

const char *
tutti_login_page_get_message (TuttiLoginPage *self)
{
  if (self->message_kind == MESSAGE_NONE)
    return NULL;
  return gtk_label_get_label (self->message_label);
}
