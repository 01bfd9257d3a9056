/* tutti-password-view.c — AUTH-3: change the password, with the policy checked live
 *
 * The checklist comes from core (tutti_password_rule_nth/describe), the
 * very rules the server applies; the server's 422 still has the last word
 * and its messages go under the field concerned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tutti-password-view.h"
#include "tutti-window-private.h"

#define SPINNER_DELAY_MS 150
#define N_CHECKS (TUTTI_PASSWORD_N_RULES + 1)   /* the rules, then "the two match" */

typedef struct
{
  GtkWidget *row;
  GtkWidget *icon;
} Check;

struct _TuttiPasswordView
{
  AdwBin               parent_instance;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwEntryRow         *current_row;
  GtkWidget           *current_error_row;
  GtkLabel            *current_error_label;
  AdwEntryRow         *new_row;
  GtkWidget           *new_error_row;
  GtkLabel            *new_error_label;
  AdwEntryRow         *confirm_row;
  GtkWidget           *confirm_error_row;
  GtkLabel            *confirm_error_label;
  GtkBox              *checklist_box;
  GtkButton           *save_button;
  GtkStack            *save_stack;
  GtkSpinner          *save_spinner;

  Check                checks[N_CHECKS];
  gboolean             checks_met[N_CHECKS];

  TuttiClient         *client;
  TuttiCredentials    *credentials;
  GCancellable        *cancellable;
  guint                generation;
  guint                spinner_timeout_id;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (TuttiPasswordView, tutti_password_view, ADW_TYPE_BIN)

static TuttiLang
get_lang (TuttiPasswordView *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : TUTTI_LANG_EN;
}

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* ---- Field errors ----------------------------------------------------------- */

static void
set_field_error (TuttiPasswordView *self,
                 AdwEntryRow       *row,
                 GtkWidget         *error_row,
                 GtkLabel          *error_label,
                 const char        *message)
{
  gboolean invalid = message != NULL;

  gtk_label_set_label (error_label, message != NULL ? message : "");
  gtk_widget_set_visible (error_row, invalid);

  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (invalid)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
clear_errors (TuttiPasswordView *self)
{
  set_field_error (self, self->current_row, self->current_error_row, self->current_error_label, NULL);
  set_field_error (self, self->new_row, self->new_error_row, self->new_error_label, NULL);
  set_field_error (self, self->confirm_row, self->confirm_error_row, self->confirm_error_label, NULL);
}

static void
show_toast (TuttiPasswordView *self,
            const char        *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- The live checklist -------------------------------------------------------- */

static void
set_check (TuttiPasswordView *self,
           guint              index,
           gboolean           met,
           gboolean           started)
{
  Check *check = &self->checks[index];

  self->checks_met[index] = met;

  gtk_image_set_from_icon_name (GTK_IMAGE (check->icon),
                                met ? "object-select-symbolic" : "window-close-symbolic");
  if (met)
    {
      gtk_widget_add_css_class (check->icon, "success");
      gtk_widget_remove_css_class (check->icon, "error");
      gtk_widget_remove_css_class (check->icon, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (check->icon, "success");
      /* Nothing typed yet is not a mistake: grey, not red. */
      gtk_widget_add_css_class (check->icon, started ? "error" : "dim-label");
      gtk_widget_remove_css_class (check->icon, started ? "dim-label" : "error");
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (check->icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  met ? _("Met") : _("Not met"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check->row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  met ? _("Met") : _("Not met"),
                                  -1);
}

static gboolean
update (TuttiPasswordView *self)
{
  const char *current = get_text (self->current_row);
  const char *new_password = get_text (self->new_row);
  const char *confirm = get_text (self->confirm_row);
  gboolean started = *new_password != '\0';
  TuttiPasswordRule unmet = tutti_password_check (new_password);
  gboolean all_met = TRUE;

  for (guint i = 0; i < TUTTI_PASSWORD_N_RULES; i++)
    {
      gboolean met = started && (unmet & tutti_password_rule_nth (i)) == 0;

      set_check (self, i, met, started);
      all_met = all_met && met;
    }

  set_check (self, TUTTI_PASSWORD_N_RULES,
             started && g_strcmp0 (new_password, confirm) == 0,
             *confirm != '\0');
  all_met = all_met && self->checks_met[TUTTI_PASSWORD_N_RULES] && *current != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), all_met && !self->busy);

  return all_met;
}

static void
build_checklist (TuttiPasswordView *self)
{
  TuttiLang lang = get_lang (self);

  for (guint i = 0; i < N_CHECKS; i++)
    {
      Check *check = &self->checks[i];
      GtkWidget *label;
      const char *title;

      if (check->row != NULL)
        gtk_box_remove (self->checklist_box, check->row);

      if (i < TUTTI_PASSWORD_N_RULES)
        title = tutti_password_rule_describe (tutti_password_rule_nth (i), lang);
      else
        title = _("The two new passwords match");

      /* A line of text with its mark, not a row: nothing to activate. */
      check->row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      check->icon = gtk_image_new ();
      gtk_widget_add_css_class (check->icon, "tutti-check");
      gtk_box_append (GTK_BOX (check->row), check->icon);

      label = gtk_label_new (title);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (check->row), label);

      gtk_box_append (self->checklist_box, check->row);
    }

  update (self);
}

/* ---- Editing ---------------------------------------------------------------- */

static void
current_changed_cb (TuttiPasswordView *self)
{
  set_field_error (self, self->current_row, self->current_error_row, self->current_error_label, NULL);
  update (self);
}

static void
new_changed_cb (TuttiPasswordView *self)
{
  set_field_error (self, self->new_row, self->new_error_row, self->new_error_label, NULL);
  update (self);
}

static void
confirm_changed_cb (TuttiPasswordView *self)
{
  set_field_error (self, self->confirm_row, self->confirm_error_row, self->confirm_error_label, NULL);
  update (self);
}

static void
current_activated_cb (TuttiPasswordView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
}

static void
new_activated_cb (TuttiPasswordView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  TuttiPasswordView *self = user_data;

  self->spinner_timeout_id = 0;
  gtk_stack_set_visible_child_name (self->save_stack, "spinner");
  gtk_spinner_start (self->save_spinner);

  return G_SOURCE_REMOVE;
}

static void
set_busy (TuttiPasswordView *self,
          gboolean           busy)
{
  self->busy = busy;

  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  if (busy)
    {
      self->spinner_timeout_id = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->save_stack, "label");
      gtk_spinner_stop (self->save_spinner);
    }

  update (self);
}

static void
empty_form (TuttiPasswordView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->current_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  clear_errors (self);
  update (self);
}

/* ---- Saving ----------------------------------------------------------------- */

typedef struct
{
  TuttiPasswordView *self;
  guint              generation;
  char              *server_url;
  char              *site;
  char              *login;
  char              *password;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_free (data->server_url);
  g_free (data->site);
  g_free (data->login);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static gboolean
save_data_is_stale (SaveData     *data,
                    const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         data->self->cancellable == NULL ||
         data->generation != data->self->generation;
}

static void
store_credentials_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!tutti_credentials_store_finish (TUTTI_CREDENTIALS (source), result, &error))
    g_debug ("Updating the credential: %s", error->message);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *site = NULL;
  g_autofree char *login = NULL;
  g_autofree char *password = NULL;

  /* A remembered password follows the change (AUTH-5). */
  if (tutti_credentials_lookup_finish (TUTTI_CREDENTIALS (source), result,
                                       &site, &login, &password, &error) &&
      g_strcmp0 (login, data->login) == 0)
    tutti_credentials_store_async (TUTTI_CREDENTIALS (source), data->server_url,
                                   data->site, data->login, data->password,
                                   NULL, store_credentials_cb, NULL);
  else if (error != NULL)
    g_debug ("Looking up the credential: %s", error->message);
}

static void
log_in_again_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiSession) session = NULL;
  TuttiPasswordView *self = data->self;
  SaveData *owned;

  session = tutti_client_log_in_finish (TUTTI_CLIENT (source), result, &error);
  if (save_data_is_stale (data, error))
    return;

  set_busy (self, FALSE);

  if (session == NULL)
    {
      /* The change went through but the new session did not: log in again by hand. */
      g_debug ("Logging in with the new password: %s", error->message);
      empty_form (self);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.session-ended", NULL);
      return;
    }

  empty_form (self);
  show_toast (self, _("Password changed"));

  owned = g_steal_pointer (&data);
  tutti_credentials_lookup_async (self->credentials, owned->server_url, NULL,
                                  lookup_cb, owned);
}

static void
change_password_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;
  TuttiPasswordView *self = data->self;
  AdwEntryRow *focus = NULL;
  SaveData *owned;

  if (tutti_client_change_password_finish (TUTTI_CLIENT (source), result, &error))
    {
      if (save_data_is_stale (data, NULL))
        return;

      /* The server ended every session: log in again with the new password. */
      owned = g_steal_pointer (&data);
      tutti_client_log_in_async (self->client, owned->site, owned->login, owned->password,
                                 self->cancellable, log_in_again_cb, owned);
      return;
    }

  if (save_data_is_stale (data, error))
    return;

  set_busy (self, FALSE);
  g_debug ("Changing the password: %s", error->message);

  /* Everything typed stays. */
  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
    {
      /* The window goes back to the login page (::session-expired). */
      return;
    }
  else if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_BAD_CREDENTIALS))
    {
      set_field_error (self, self->current_row, self->current_error_row, self->current_error_label,
                       _("The current password is wrong."));
      focus = self->current_row;
    }
  else if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_PASSWORD_POLICY) ||
           g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID))
    {
      GHashTable *fields = tutti_api_error_get_fields (error);
      GHashTableIter iter;
      const char *key;
      const char *message;
      gboolean shown = FALSE;

      if (fields != NULL)
        {
          g_hash_table_iter_init (&iter, fields);
          while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &message))
            {
              if (g_strcmp0 (key, "current") == 0)
                {
                  set_field_error (self, self->current_row, self->current_error_row,
                                   self->current_error_label, message);
                  focus = self->current_row;
                  shown = TRUE;
                }
              else if (g_strcmp0 (key, "new") == 0 || g_strcmp0 (key, "new_password") == 0 ||
                       g_strcmp0 (key, "password") == 0)
                {
                  set_field_error (self, self->new_row, self->new_error_row,
                                   self->new_error_label, message);
                  if (focus == NULL)
                    focus = self->new_row;
                  shown = TRUE;
                }
            }
        }

      if (!shown)
        {
          set_field_error (self, self->new_row, self->new_error_row, self->new_error_label,
                           error->message);
          focus = self->new_row;
        }
    }
  else if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE) ||
           error->domain != TUTTI_API_ERROR)
    {
      g_autofree char *text =
        g_strdup_printf (_("The server at %s cannot be reached. Check the connection, then try again."),
                         tutti_client_get_base_url (self->client));
      show_toast (self, text);
    }
  else
    {
      show_toast (self, error->message);
    }

  if (focus != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (focus));
}

static void
save_cb (TuttiPasswordView *self)
{
  TuttiAccount *account;
  SaveData *data;

  if (self->busy || !update (self) || self->client == NULL)
    return;

  account = tutti_client_get_account (self->client);
  if (account == NULL)
    return;

  clear_errors (self);

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->generation = self->generation;
  data->server_url = g_strdup (tutti_client_get_base_url (self->client));
  data->site = g_strdup (account->site);
  data->login = g_strdup (account->login);
  data->password = g_strdup (get_text (self->new_row));

  set_busy (self, TRUE);
  tutti_client_change_password_async (self->client,
                                      get_text (self->current_row),
                                      get_text (self->new_row),
                                      self->cancellable,
                                      change_password_cb, data);
}

/* ---- Public ----------------------------------------------------------------- */

void
tutti_password_view_setup (TuttiPasswordView *self,
                           TuttiClient       *client,
                           TuttiCredentials  *credentials)
{
  g_return_if_fail (TUTTI_IS_PASSWORD_VIEW (self));

  g_set_object (&self->client, client);
  g_set_object (&self->credentials, credentials);

  /* The rules in the user's language, from core. */
  build_checklist (self);
}

void
tutti_password_view_clear (TuttiPasswordView *self)
{
  g_return_if_fail (TUTTI_IS_PASSWORD_VIEW (self));

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_busy (self, FALSE);
  empty_form (self);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
tutti_password_view_dispose (GObject *object)
{
  TuttiPasswordView *self = TUTTI_PASSWORD_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);

  /* AdwBin unparents its child itself: drop it first, so that a child
   * bound as a template child is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_PASSWORD_VIEW);

  g_clear_object (&self->client);
  g_clear_object (&self->credentials);

  G_OBJECT_CLASS (tutti_password_view_parent_class)->dispose (object);
}

static void
tutti_password_view_class_init (TuttiPasswordViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_password_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-password-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, current_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, current_error_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, current_error_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, new_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, new_error_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, new_error_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, confirm_error_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, confirm_error_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, checklist_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, save_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, save_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiPasswordView, save_spinner);
  gtk_widget_class_bind_template_callback (widget_class, current_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, current_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
}

static void
tutti_password_view_init (TuttiPasswordView *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- For the UI test ---------------------------------------------------------- */

AdwEntryRow *
tutti_password_view_get_current_row (TuttiPasswordView *self)
{
  return self->current_row;
}

AdwEntryRow *
tutti_password_view_get_new_row (TuttiPasswordView *self)
{
  return self->new_row;
}

AdwEntryRow *
tutti_password_view_get_confirm_row (TuttiPasswordView *self)
{
  return self->confirm_row;
}

GtkButton *
tutti_password_view_get_save_button (TuttiPasswordView *self)
{
  return self->save_button;
}

guint
tutti_password_view_count_met_rules (TuttiPasswordView *self,
                                     guint             *n_rules)
{
  guint met = 0;

  for (guint i = 0; i < N_CHECKS; i++)
    met += self->checks_met[i] ? 1 : 0;
  if (n_rules != NULL)
    *n_rules = N_CHECKS;

  return met;
}

gboolean
tutti_password_view_get_busy (TuttiPasswordView *self)
{
  return self->busy;
}

const char *
tutti_password_view_get_error (TuttiPasswordView *self,
                               const char        *key)
{
  GtkWidget *row = NULL;
  GtkLabel *label = NULL;

  if (g_strcmp0 (key, "current") == 0)
    {
      row = self->current_error_row;
      label = self->current_error_label;
    }
  else if (g_strcmp0 (key, "new") == 0)
    {
      row = self->new_error_row;
      label = self->new_error_label;
    }
  else if (g_strcmp0 (key, "confirm") == 0)
    {
      row = self->confirm_error_row;
      label = self->confirm_error_label;
    }

  if (row == NULL || !gtk_widget_get_visible (row))
    return NULL;
  return gtk_label_get_label (label);
}
