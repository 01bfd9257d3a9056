/* tutti-lost-password-dialog.c — AUTH-2: ask for a new password by e-mail
 *
 * The answer on screen is the same whether or not identifier and e-mail
 * matched an account: the server answers 202 either way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-lost-password-dialog.h"
#include "tutti-window-private.h"

#define SPINNER_DELAY_MS 150

struct _TuttiLostPasswordDialog
{
  AdwWindow     parent_instance;

  /* Template children */
  AdwHeaderBar *header_bar;
  GtkButton    *cancel_button;
  GtkButton    *send_button;
  GtkStack     *send_stack;
  GtkSpinner   *send_spinner;
  GtkStack     *stack;
  AdwEntryRow  *identifier_row;
  AdwEntryRow  *email_row;
  GtkRevealer  *message_revealer;
  GtkLabel     *message_label;
  GtkButton    *close_button;

  TuttiClient  *client;
  char         *site;
  GCancellable *cancellable;
  guint         spinner_timeout_id;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (TuttiLostPasswordDialog, tutti_lost_password_dialog, ADW_TYPE_WINDOW)

static gboolean
fields_filled (TuttiLostPasswordDialog *self)
{
  return !tutti_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->identifier_row))) &&
         !tutti_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
}

static void
update_sensitivity (TuttiLostPasswordDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), !self->busy && fields_filled (self));
}

static void
email_changed_cb (TuttiLostPasswordDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
  update_sensitivity (self);
}

static void
identifier_activated_cb (TuttiLostPasswordDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  TuttiLostPasswordDialog *self = user_data;

  self->spinner_timeout_id = 0;
  gtk_stack_set_visible_child_name (self->send_stack, "spinner");
  gtk_spinner_start (self->send_spinner);

  return G_SOURCE_REMOVE;
}

static void
set_busy (TuttiLostPasswordDialog *self,
          gboolean                 busy)
{
  self->busy = busy;

  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  if (busy)
    {
      self->spinner_timeout_id = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->send_stack, "label");
      gtk_spinner_stop (self->send_spinner);
    }

  update_sensitivity (self);
}

static void
show_message (TuttiLostPasswordDialog *self,
              const char              *text)
{
  gtk_label_set_label (self->message_label, text);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
show_done (TuttiLostPasswordDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->send_button), FALSE);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

static void
reset_password_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TuttiLostPasswordDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!tutti_client_reset_password_finish (TUTTI_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->cancellable == NULL)
    return;

  set_busy (self, FALSE);

  if (error == NULL)
    {
      show_done (self);
      return;
    }

  g_debug ("Asking for a new password: %s", error->message);

  /* Everything typed stays, to try again. */
  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_TOO_MANY_ATTEMPTS))
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
      text = g_strdup_printf (_("The server at %s cannot be reached. Check the connection, then try again."),
                              tutti_client_get_base_url (self->client));
    }
  else
    {
      GHashTable *fields = tutti_api_error_get_fields (error);

      if (fields != NULL && g_hash_table_contains (fields, "email"))
        gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");
      text = g_strdup (error->message);
    }

  show_message (self, text);
}

static void
send_clicked_cb (TuttiLostPasswordDialog *self)
{
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  g_autofree char *login = NULL;
  g_autofree char *address = NULL;

  if (self->busy || !fields_filled (self))
    return;

  address = g_strstrip (g_strdup (email));
  if (!tutti_validate_email (address))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");
      show_message (self, _("This is not a valid email address."));
      gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
      return;
    }

  if (self->site == NULL)
    {
      show_message (self, _("The list of sites could not be loaded. Check the connection, then try again."));
      return;
    }

  login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->identifier_row))));
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
  set_busy (self, TRUE);
  tutti_client_reset_password_async (self->client, self->site, login, address,
                                     self->cancellable, reset_password_cb, g_object_ref (self));
}

static void
tutti_lost_password_dialog_dispose (GObject *object)
{
  TuttiLostPasswordDialog *self = TUTTI_LOST_PASSWORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  g_clear_object (&self->client);

  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_LOST_PASSWORD_DIALOG);

  G_OBJECT_CLASS (tutti_lost_password_dialog_parent_class)->dispose (object);
}

static void
tutti_lost_password_dialog_finalize (GObject *object)
{
  TuttiLostPasswordDialog *self = TUTTI_LOST_PASSWORD_DIALOG (object);

  g_free (self->site);

  G_OBJECT_CLASS (tutti_lost_password_dialog_parent_class)->finalize (object);
}

static void
tutti_lost_password_dialog_class_init (TuttiLostPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_lost_password_dialog_dispose;
  object_class->finalize = tutti_lost_password_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/tutti/Tutti/ui/tutti-lost-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiLostPasswordDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, TuttiLostPasswordDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiLostPasswordDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiLostPasswordDialog, send_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiLostPasswordDialog, send_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiLostPasswordDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiLostPasswordDialog, identifier_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiLostPasswordDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiLostPasswordDialog, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, TuttiLostPasswordDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiLostPasswordDialog, close_button);
  gtk_widget_class_bind_template_callback (widget_class, update_sensitivity);
  gtk_widget_class_bind_template_callback (widget_class, email_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, identifier_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_clicked_cb);
}

static void
tutti_lost_password_dialog_init (TuttiLostPasswordDialog *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

TuttiLostPasswordDialog *
tutti_lost_password_dialog_new (GtkWindow   *parent,
                                TuttiClient *client,
                                const char  *site,
                                const char  *identifier)
{
  TuttiLostPasswordDialog *self;

  g_return_val_if_fail (TUTTI_IS_CLIENT (client), NULL);

  self = g_object_new (TUTTI_TYPE_LOST_PASSWORD_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->client = g_object_ref (client);
  self->site = g_strdup (site);

  if (identifier != NULL && !tutti_is_blank (identifier))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->identifier_row), identifier);
      gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
    }
  else
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->identifier_row));
    }

  return self;
}

/* ---- For the UI test ---------------------------------------------------------- */

const char *
tutti_lost_password_dialog_get_state (TuttiLostPasswordDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

AdwEntryRow *
tutti_lost_password_dialog_get_email_row (TuttiLostPasswordDialog *self)
{
  return self->email_row;
}

GtkButton *
tutti_lost_password_dialog_get_send_button (TuttiLostPasswordDialog *self)
{
  return self->send_button;
}
