/* tutti-window.c — the main window: login page, then sidebar and views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-accessibility-view.h"
#include "tutti-billing-view.h"
#include "tutti-family-view.h"
#include "tutti-home-view.h"
#include "tutti-login-page.h"
#include "tutti-password-view.h"
#include "tutti-pupils-view.h"
#include "tutti-staff-campaigns-view.h"
#include "tutti-staff-preenrolments-view.h"
#include "tutti-staff-reenrolments-view.h"
#include "tutti-staff-queue-view.h"
#include "tutti-window.h"
#include "tutti-window-private.h"

struct _TuttiWindow
{
  AdwApplicationWindow    parent_instance;

  /* Template children */
  GtkStack               *stack;
  TuttiLoginPage         *login_page;
  AdwLeaflet             *leaflet;
  AdwWindowTitle         *sidebar_title;
  GtkMenuButton          *menu_button;
  GtkListBox             *sidebar;
  GtkListBoxRow          *home_row;
  GtkListBoxRow          *family_row;
  GtkListBoxRow          *pupils_row;
  GtkListBoxRow          *staff_queue_row;
  GtkListBoxRow          *staff_preenrolments_row;
  GtkListBoxRow          *staff_campaigns_row;
  GtkListBoxRow          *staff_reenrolments_row;
  GtkListBoxRow          *billing_row;
  GtkListBoxRow          *password_row;
  GtkListBoxRow          *accessibility_row;
  GtkLabel               *home_label;
  GtkLabel               *family_label;
  GtkLabel               *pupils_label;
  GtkLabel               *staff_queue_label;
  GtkLabel               *staff_queue_count_label;
  GtkLabel               *staff_preenrolments_label;
  GtkLabel               *staff_campaigns_label;
  GtkLabel               *staff_reenrolments_label;
  GtkLabel               *billing_label;
  GtkLabel               *password_label;
  GtkLabel               *accessibility_label;
  AdwWindowTitle         *content_title;
  GtkStack               *view_stack;
  TuttiHomeView          *home_view;
  TuttiFamilyView        *family_view;
  TuttiPupilsView        *pupils_view;
  TuttiStaffQueueView    *staff_queue_view;
  TuttiStaffPreenrolmentsView *staff_preenrolments_view;
  TuttiStaffCampaignsView *staff_campaigns_view;
  TuttiStaffReenrolmentsView *staff_reenrolments_view;
  TuttiBillingView       *billing_view;
  TuttiPasswordView      *password_view;
  TuttiAccessibilityView *accessibility_view;

  TuttiClient            *client;
  TuttiCredentials       *credentials;
  GSettings              *settings;
  GCancellable           *cancellable;
  gulong                  session_expired_id;
};

G_DEFINE_FINAL_TYPE (TuttiWindow, tutti_window, ADW_TYPE_APPLICATION_WINDOW)


/* ---- Navigation ------------------------------------------------------------- */

/* The menus of the sidebar: a row, its label and the name of its view in
 * the view stack. The first is home, where anything unknown goes. */
typedef struct
{
  const char *name;
  gsize row_offset;
  gsize label_offset;
} Menu;

#define MENU(name, row, label) \
  { name, G_STRUCT_OFFSET (TuttiWindow, row), G_STRUCT_OFFSET (TuttiWindow, label) }

static const Menu menus[] = {
  MENU ("home", home_row, home_label),
  MENU ("family", family_row, family_label),
  MENU ("pupils", pupils_row, pupils_label),
  MENU ("billing", billing_row, billing_label),
  MENU ("validation", staff_queue_row, staff_queue_label),
  MENU ("reenrolments", staff_reenrolments_row, staff_reenrolments_label),
  MENU ("preenrolments", staff_preenrolments_row, staff_preenrolments_label),
  MENU ("campaigns", staff_campaigns_row, staff_campaigns_label),
  MENU ("password", password_row, password_label),
  MENU ("accessibility", accessibility_row, accessibility_label),
};

#undef MENU

static GtkListBoxRow *
menu_get_row (TuttiWindow *self,
              const Menu  *menu)
{
  return G_STRUCT_MEMBER (GtkListBoxRow *, self, menu->row_offset);
}

static const Menu *
find_menu_by_row (TuttiWindow   *self,
                  GtkListBoxRow *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (menus); i++)
    if (menu_get_row (self, &menus[i]) == row)
      return &menus[i];
  return &menus[0];
}

static const Menu *
find_menu_by_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (menus); i++)
    if (g_strcmp0 (menus[i].name, name) == 0)
      return &menus[i];
  return &menus[0];
}

static void
show_view (TuttiWindow   *self,
           GtkListBoxRow *row)
{
  const Menu *menu = find_menu_by_row (self, row);
  GtkLabel *label = G_STRUCT_MEMBER (GtkLabel *, self, menu->label_offset);
  const char *name = menu->name;

  row = menu_get_row (self, menu);
  gtk_list_box_select_row (self->sidebar, row);
  gtk_stack_set_visible_child_name (self->view_stack, name);
  adw_window_title_set_title (self->content_title, gtk_label_get_label (label));
}

static void
sidebar_row_activated_cb (TuttiWindow   *self,
                          GtkListBoxRow *row)
{
  show_view (self, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
leaflet_folded_cb (TuttiWindow *self)
{
  /* Unfolded, the sidebar shows which view is open; folded, a selected row
   * would stay highlighted when coming back, as GNOME Settings avoids. */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_list_box_set_selection_mode (self->sidebar, GTK_SELECTION_NONE);
  else
    {
      const char *name = gtk_stack_get_visible_child_name (self->view_stack);
      GtkListBoxRow *row = menu_get_row (self, find_menu_by_name (name));

      gtk_list_box_set_selection_mode (self->sidebar, GTK_SELECTION_SINGLE);
      gtk_list_box_select_row (self->sidebar, row);
    }
}

/* Ctrl+1…9: the Nth menu the sidebar shows to this account. */
static void
show_menu_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TuttiWindow *self = TUTTI_WINDOW (widget);
  int wanted = g_variant_get_int32 (parameter);
  int n = 0;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") != 0)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_BOX_ROW (child) || !gtk_widget_get_visible (child))
        continue;
      if (++n == wanted)
        {
          sidebar_row_activated_cb (self, GTK_LIST_BOX_ROW (child));
          return;
        }
    }
}

static void
go_back_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TuttiWindow *self = TUTTI_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* HOME-2: a pupil of the home page opens that pupil's file. */
static void
show_pupil_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TuttiWindow *self = TUTTI_WINDOW (widget);

  tutti_pupils_view_show_pupil (self->pupils_view, g_variant_get_int64 (parameter));
  show_view (self, self->pupils_row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* PUP-1, HOME-3: a pupil's re-enrolment state on the home page opens that
 * pupil's file at its Re-enrolment tab: (pupil id, tab name). */
static void
show_pupil_tab_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TuttiWindow *self = TUTTI_WINDOW (widget);
  gint64 pupil_id = 0;
  const char *tab = NULL;

  g_variant_get (parameter, "(x&s)", &pupil_id, &tab);
  tutti_pupils_view_show_pupil_tab (self->pupils_view, pupil_id, tab);
  show_view (self, self->pupils_row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_main (TuttiWindow *self)
{
  TuttiAccount *account = tutti_client_get_account (self->client);

  if (account != NULL && account->site != NULL)
    adw_window_title_set_subtitle (self->sidebar_title,
                                   tutti_login_page_get_site_name (self->login_page, account->site));
  /* Billing is the family's (BIL-1); staff record it in their own views. */
  gtk_widget_set_visible (GTK_WIDGET (self->billing_row),
                          account != NULL && account->role == TUTTI_ROLE_FAMILY);
  /* The validation queue is the office's (STAFF-1, STAFF-2). */
  /* The pre-enrolment desk is the office's (STAFF-3, STAFF-4). */
  gtk_widget_set_visible (GTK_WIDGET (self->staff_preenrolments_row),
                          account != NULL && account->role == TUTTI_ROLE_STAFF);
  /* The campaigns are the office's (STAFF-3, REE-1). */
  gtk_widget_set_visible (GTK_WIDGET (self->staff_campaigns_row),
                          account != NULL && account->role == TUTTI_ROLE_STAFF);
  /* The re-enrolment desk is the office's (STAFF-2, STAFF-4). */
  gtk_widget_set_visible (GTK_WIDGET (self->staff_reenrolments_row),
                          account != NULL && account->role == TUTTI_ROLE_STAFF);
  gtk_widget_set_visible (GTK_WIDGET (self->staff_queue_row),
                          account != NULL && account->role == TUTTI_ROLE_STAFF);

  /* The family's file and its pupils' (FAM-1, PUP-1). */
  gtk_widget_set_visible (GTK_WIDGET (self->family_row),
                          account != NULL && account->role == TUTTI_ROLE_FAMILY);
  gtk_widget_set_visible (GTK_WIDGET (self->pupils_row),
                          account != NULL && account->role == TUTTI_ROLE_FAMILY);

  show_view (self, self->home_row);
  adw_leaflet_set_visible_child_name (self->leaflet,
                                      adw_leaflet_get_folded (self->leaflet) ? "sidebar" : "content");
  gtk_stack_set_visible_child_name (self->stack, "main");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-out", TRUE);
  tutti_home_view_refresh (self->home_view);
  /* Staff: the sidebar counts the records awaiting validation. */
  tutti_staff_queue_view_refresh (self->staff_queue_view);
}

static void
show_login (TuttiWindow *self,
            const char  *message)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-out", FALSE);
  tutti_home_view_clear (self->home_view);
  tutti_family_view_clear (self->family_view);
  tutti_pupils_view_clear (self->pupils_view);
  tutti_billing_view_clear (self->billing_view);
  tutti_staff_queue_view_clear (self->staff_queue_view);
  tutti_staff_preenrolments_view_clear (self->staff_preenrolments_view);
  tutti_staff_campaigns_view_clear (self->staff_campaigns_view);
  tutti_staff_reenrolments_view_clear (self->staff_reenrolments_view);
  tutti_password_view_clear (self->password_view);
  tutti_accessibility_view_set_school (self->accessibility_view, NULL);
  adw_window_title_set_subtitle (self->sidebar_title, NULL);
  tutti_login_page_reset (self->login_page, message);
  gtk_stack_set_visible_child_name (self->stack, "login");
}

static void
login_page_logged_in_cb (TuttiWindow *self)
{
  show_main (self);
}

static void
home_view_notify_home_cb (TuttiWindow *self)
{
  const TuttiHome *home = tutti_home_view_get_home (self->home_view);

  /* The accessibility statement names the school's contact. */
  tutti_accessibility_view_set_school (self->accessibility_view,
                                       home != NULL ? home->school : NULL);
}

/* The count beside "Validation": the records whose changes await the
 * office and the documents awaiting its decision. */
static void
staff_queue_view_notify_n_records_cb (TuttiWindow *self)
{
  guint n_records = tutti_staff_queue_view_get_n_records (self->staff_queue_view);
  guint n_documents = tutti_staff_queue_view_get_n_documents (self->staff_queue_view);
  g_autofree char *count = g_strdup_printf ("%u", n_records + n_documents);
  g_autofree char *tooltip = NULL;

  if (n_documents == 0)
    tooltip = g_strdup_printf (ngettext ("%u record awaits validation",
                                         "%u records await validation", n_records),
                               n_records);
  else if (n_records == 0)
    tooltip = g_strdup_printf (ngettext ("%u document awaits a decision",
                                         "%u documents await a decision", n_documents),
                               n_documents);
  else
    {
      g_autofree char *records = g_strdup_printf (ngettext ("%u record", "%u records", n_records), n_records);
      g_autofree char *documents = g_strdup_printf (ngettext ("%u document", "%u documents", n_documents),
                                                    n_documents);

      /* Translators: “2 records” and “1 document” */
      tooltip = g_strdup_printf (_("%s and %s await validation"), records, documents);
    }

  gtk_label_set_label (self->staff_queue_count_label, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->staff_queue_count_label), tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->staff_queue_count_label), n_records + n_documents > 0);
}

static void
session_expired_cb (TuttiWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") != 0)
    return;

  show_login (self, _("Your session has ended. Please log in again."));
}

static void
session_ended_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  session_expired_cb (TUTTI_WINDOW (widget));
}

/* ---- Log out (AUTH-4) ------------------------------------------------------- */

static void
log_out_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The client forgets its token whatever the answer; an error only means
   * the server will let the session expire by itself. */
  if (!tutti_client_log_out_finish (TUTTI_CLIENT (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Logging out: %s", error->message);
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

static void
log_out (TuttiWindow *self,
         gboolean     forget)
{
  tutti_client_log_out_async (self->client, NULL, log_out_cb, NULL);

  if (forget)
    tutti_credentials_clear_async (self->credentials,
                                   tutti_client_get_base_url (self->client),
                                   NULL, clear_credentials_cb, NULL);

  show_login (self, NULL);
  if (forget)
    tutti_login_page_set_remember (self->login_page, FALSE);
}

static void
log_out_dialog_response_cb (TuttiWindow *self,
                            const char  *response)
{
  if (g_strcmp0 (response, "log-out") == 0)
    log_out (self, FALSE);
  else if (g_strcmp0 (response, "forget") == 0)
    log_out (self, TRUE);
}

static void
ask_log_out (TuttiWindow *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Log Out?"),
                                                       _("Tutti keeps your password in the keyring of this "
                                                         "computer to log you in automatically. You can log out "
                                                         "and keep it, or log out and forget it.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "forget", _("Log Out and _Forget Me"),
                                    "log-out", _("_Log Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "forget", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "log-out", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "log-out");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (log_out_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
log_out_lookup_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TuttiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *site = NULL;
  g_autofree char *login = NULL;
  g_autofree char *password = NULL;
  gboolean found;

  found = tutti_credentials_lookup_finish (TUTTI_CREDENTIALS (source), result,
                                          &site, &login, &password, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;

  if (found)
    ask_log_out (self);
  else
    log_out (self, FALSE);
}

static void
log_out_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TuttiWindow *self = TUTTI_WINDOW (widget);

  /* With a remembered credential, ask whether to forget it too. */
  tutti_credentials_lookup_async (self->credentials,
                                  tutti_client_get_base_url (self->client),
                                  self->cancellable,
                                  log_out_lookup_cb,
                                  g_object_ref (self));
}

/* ---- Window state --------------------------------------------------------- */

static gboolean
tutti_window_close_request (GtkWindow *window)
{
  TuttiWindow *self = TUTTI_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (tutti_window_parent_class)->close_request (window);
}

/* GtkWindow:application is set after ::constructed, hence here. */
static void
tutti_window_setup (TuttiWindow      *self,
                    TuttiApplication *app)
{
  self->client = g_object_ref (tutti_application_get_client (app));
  self->credentials = g_object_ref (tutti_application_get_credentials (app));
  self->settings = g_object_ref (tutti_application_get_settings (app));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->session_expired_id =
    g_signal_connect_object (self->client, "session-expired",
                             G_CALLBACK (session_expired_cb), self, G_CONNECT_SWAPPED);

  tutti_login_page_setup (self->login_page, self->client, self->credentials, self->settings);
  tutti_home_view_set_client (self->home_view, self->client);
  tutti_family_view_set_client (self->family_view, self->client);
  tutti_pupils_view_set_client (self->pupils_view, self->client);
  tutti_billing_view_set_client (self->billing_view, self->client);
  tutti_staff_queue_view_set_client (self->staff_queue_view, self->client);
  tutti_staff_preenrolments_view_set_client (self->staff_preenrolments_view, self->client);
  tutti_staff_campaigns_view_set_client (self->staff_campaigns_view, self->client);
  tutti_staff_reenrolments_view_set_client (self->staff_reenrolments_view, self->client);
  tutti_password_view_setup (self->password_view, self->client, self->credentials);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-out", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "login");
  tutti_login_page_start (self->login_page);
}

static void
tutti_window_dispose (GObject *object)
{
  TuttiWindow *self = TUTTI_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->session_expired_id, self->client);

  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_WINDOW);

  g_clear_object (&self->client);
  g_clear_object (&self->credentials);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tutti_window_parent_class)->dispose (object);
}

static void
tutti_window_class_init (TuttiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tutti_window_dispose;
  window_class->close_request = tutti_window_close_request;

  g_type_ensure (TUTTI_TYPE_LOGIN_PAGE);
  g_type_ensure (TUTTI_TYPE_HOME_VIEW);
  g_type_ensure (TUTTI_TYPE_FAMILY_VIEW);
  g_type_ensure (TUTTI_TYPE_PUPILS_VIEW);
  g_type_ensure (TUTTI_TYPE_BILLING_VIEW);
  g_type_ensure (TUTTI_TYPE_STAFF_QUEUE_VIEW);
  g_type_ensure (TUTTI_TYPE_STAFF_PREENROLMENTS_VIEW);
  g_type_ensure (TUTTI_TYPE_STAFF_CAMPAIGNS_VIEW);
  g_type_ensure (TUTTI_TYPE_STAFF_REENROLMENTS_VIEW);
  g_type_ensure (TUTTI_TYPE_PASSWORD_VIEW);
  g_type_ensure (TUTTI_TYPE_ACCESSIBILITY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, login_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, home_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, family_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, pupils_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_queue_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_preenrolments_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_campaigns_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_reenrolments_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, billing_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, accessibility_row);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, home_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, family_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, pupils_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_queue_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_queue_count_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_preenrolments_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_campaigns_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_reenrolments_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, billing_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, password_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, accessibility_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, home_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, family_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, pupils_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_queue_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_preenrolments_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_campaigns_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, staff_reenrolments_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, billing_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, password_view);
  gtk_widget_class_bind_template_child (widget_class, TuttiWindow, accessibility_view);
  gtk_widget_class_bind_template_callback (widget_class, login_page_logged_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, home_view_notify_home_cb);
  gtk_widget_class_bind_template_callback (widget_class, staff_queue_view_notify_n_records_cb);

  gtk_widget_class_install_action (widget_class, "win.log-out", NULL, log_out_activated);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_activated);
  gtk_widget_class_install_action (widget_class, "win.show-menu", "i", show_menu_activated);
  for (int i = 1; i <= 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_CONTROL_MASK,
                                         "win.show-menu", "i", i);
  gtk_widget_class_install_action (widget_class, "win.show-pupil", "x", show_pupil_activated);
  gtk_widget_class_install_action (widget_class, "win.show-pupil-tab", "(xs)", show_pupil_tab_activated);
  gtk_widget_class_install_action (widget_class, "win.session-ended", NULL, session_ended_activated);
}

static void
tutti_window_init (TuttiWindow *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

TuttiWindow *
tutti_window_new (TuttiApplication *application)
{
  TuttiWindow *self;

  g_return_val_if_fail (TUTTI_IS_APPLICATION (application), NULL);

  self = g_object_new (TUTTI_TYPE_WINDOW,
                       "application", application,
                       NULL);
  tutti_window_setup (self, application);

  return self;
}

/* ---- For the UI test ---------------------------------------------------------- */

const char *
tutti_window_get_page_name (TuttiWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
tutti_window_get_view_name (TuttiWindow *self)
{
  return gtk_stack_get_visible_child_name (self->view_stack);
}

TuttiLoginPage *
tutti_window_get_login_page (TuttiWindow *self)
{
  return self->login_page;
}

TuttiHomeView *
tutti_window_get_home_view (TuttiWindow *self)
{
  return self->home_view;
}

TuttiFamilyView *
tutti_window_get_family_view (TuttiWindow *self)
{
  return self->family_view;
}

TuttiPupilsView *
tutti_window_get_pupils_view (TuttiWindow *self)
{
  return self->pupils_view;
}

TuttiBillingView *
tutti_window_get_billing_view (TuttiWindow *self)
{
  return self->billing_view;
}

TuttiStaffQueueView *
tutti_window_get_staff_queue_view (TuttiWindow *self)
{
  return self->staff_queue_view;
}

GtkLabel *
tutti_window_get_staff_queue_count_label (TuttiWindow *self)
{
  return self->staff_queue_count_label;
}

TuttiStaffPreenrolmentsView *
tutti_window_get_staff_preenrolments_view (TuttiWindow *self)
{
  return self->staff_preenrolments_view;
}

TuttiStaffCampaignsView *
tutti_window_get_staff_campaigns_view (TuttiWindow *self)
{
  return self->staff_campaigns_view;
}

TuttiStaffReenrolmentsView *
tutti_window_get_staff_reenrolments_view (TuttiWindow *self)
{
  return self->staff_reenrolments_view;
}

TuttiPasswordView *
tutti_window_get_password_view (TuttiWindow *self)
{
  return self->password_view;
}

TuttiAccessibilityView *
tutti_window_get_accessibility_view (TuttiWindow *self)
{
  return self->accessibility_view;
}

GtkListBoxRow *
tutti_window_get_sidebar_row (TuttiWindow *self,
                              const char  *view_name)
{
  return menu_get_row (self, find_menu_by_name (view_name));
}
