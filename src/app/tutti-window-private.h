/* tutti-window-private.h — what the UI test reaches to drive the real widgets
 *
 * Not for the application's own use: views talk to each other through their
 * public headers. The test fills and activates these very widgets, as a
 * person would with the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-accessibility-view.h"
#include "tutti-home-view.h"
#include "tutti-login-page.h"
#include "tutti-lost-password-dialog.h"
#include "tutti-password-view.h"
#include "tutti-window.h"

G_BEGIN_DECLS

/* "login" or "main" */
const char             *tutti_window_get_page_name               (TuttiWindow       *self);
/* "home", "password" or "accessibility" */
const char             *tutti_window_get_view_name               (TuttiWindow       *self);
TuttiLoginPage         *tutti_window_get_login_page              (TuttiWindow       *self);
TuttiHomeView          *tutti_window_get_home_view               (TuttiWindow       *self);
TuttiPasswordView      *tutti_window_get_password_view           (TuttiWindow       *self);
TuttiAccessibilityView *tutti_window_get_accessibility_view      (TuttiWindow       *self);
GtkListBoxRow          *tutti_window_get_sidebar_row             (TuttiWindow       *self,
                                                                  const char        *view_name);

/* "form" or "auto" (logging in by itself) */
const char             *tutti_login_page_get_state               (TuttiLoginPage    *self);
AdwComboRow            *tutti_login_page_get_site_row            (TuttiLoginPage    *self);
AdwEntryRow            *tutti_login_page_get_identifier_row      (TuttiLoginPage    *self);
AdwEntryRow            *tutti_login_page_get_password_row        (TuttiLoginPage    *self);
GtkWidget              *tutti_login_page_get_remember_row        (TuttiLoginPage    *self);
GtkSwitch              *tutti_login_page_get_remember_switch     (TuttiLoginPage    *self);
GtkButton              *tutti_login_page_get_log_in_button       (TuttiLoginPage    *self);
GtkButton              *tutti_login_page_get_lost_password_button (TuttiLoginPage   *self);
GtkButton              *tutti_login_page_get_help_button         (TuttiLoginPage    *self);
GtkButton              *tutti_login_page_get_retry_button        (TuttiLoginPage    *self);
gboolean                tutti_login_page_get_busy                (TuttiLoginPage    *self);
/* (nullable): the message shown above the form, %NULL when none is. */
const char             *tutti_login_page_get_message             (TuttiLoginPage    *self);

/* "form" or "done" */
const char             *tutti_lost_password_dialog_get_state     (TuttiLostPasswordDialog *self);
AdwEntryRow            *tutti_lost_password_dialog_get_email_row (TuttiLostPasswordDialog *self);
GtkButton              *tutti_lost_password_dialog_get_send_button (TuttiLostPasswordDialog *self);

/* "loading", "error" or "content" */
const char             *tutti_home_view_get_state                (TuttiHomeView     *self);
GtkLabel               *tutti_home_view_get_logged_in_label      (TuttiHomeView     *self);
/* The rows of the pupils group, in order (AdwActionRow). */
GPtrArray              *tutti_home_view_get_pupil_rows           (TuttiHomeView     *self);
/* The rows of the re-enrolment group, in order (AdwActionRow). */
GPtrArray              *tutti_home_view_get_reenrolment_rows     (TuttiHomeView     *self);

AdwEntryRow            *tutti_password_view_get_current_row      (TuttiPasswordView *self);
AdwEntryRow            *tutti_password_view_get_new_row          (TuttiPasswordView *self);
AdwEntryRow            *tutti_password_view_get_confirm_row      (TuttiPasswordView *self);
GtkButton              *tutti_password_view_get_save_button      (TuttiPasswordView *self);
/* How many lines of the checklist are met, out of @n_rules. */
guint                   tutti_password_view_count_met_rules      (TuttiPasswordView *self,
                                                                  guint             *n_rules);
gboolean                tutti_password_view_get_busy             (TuttiPasswordView *self);
/* (nullable): the error shown under the field @key ("current", "new",
 * "confirm") or under the form ("general"). */
const char             *tutti_password_view_get_error            (TuttiPasswordView *self,
                                                                  const char        *key);

G_END_DECLS
