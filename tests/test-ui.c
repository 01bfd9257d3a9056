/* test-ui.c — the real app, in-process, against a real tutti-server
 *
 * Runs under Xvfb in a private D-Bus (see build-aux/test.sh), once per
 * language (LANGUAGE=fr, LANGUAGE=en). It drives the very widgets a person
 * uses — fills the login form, presses Enter or Log In, opens the menus —
 * and saves screenshots of each screen to $TUTTI_SCREENSHOT_DIR as
 * <screen>-<language>.png for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tutti-application.h"
#include "tutti-test-server.h"
#include "tutti-test-ui.h"
#include "tutti-window-private.h"

typedef struct
{
  TuttiTestServer  *server;
  TuttiApplication *app;
  TuttiWindow      *window;
  gboolean          keyring;
} Test;

/* ---- Conditions ------------------------------------------------------------- */

static gboolean
password_view_idle (gpointer data)
{
  return !tutti_password_view_get_busy (tutti_window_get_password_view (TUTTI_WINDOW (data)));
}

static gboolean
no_dialog_left (gpointer data)
{
  return find_toplevel (TUTTI_TYPE_LOST_PASSWORD_DIALOG) == NULL &&
         find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* ---- Helpers ---------------------------------------------------------------- */

static char *
get_row_title (gpointer row)
{
  return g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

/* ---- The script ------------------------------------------------------------- */

typedef struct
{
  TuttiLoginPage *page;
  gint64          give_up;
} ProbeWait;

static gboolean
keyring_probed (gpointer data)
{
  ProbeWait *wait = data;

  return gtk_widget_get_visible (tutti_login_page_get_remember_row (wait->page)) ||
         g_get_monotonic_time () > wait->give_up;
}

static void
check_login_page (Test *test)
{
  TuttiLoginPage *page = tutti_window_get_login_page (test->window);
  ProbeWait wait;
  AdwEntryRow *identifier = tutti_login_page_get_identifier_row (page);
  AdwEntryRow *password = tutti_login_page_get_password_row (page);
  GtkButton *log_in = tutti_login_page_get_log_in_button (page);

  wait_for ("the sites", sites_loaded, test->window);
  g_assert_cmpstr (tutti_window_get_page_name (test->window), ==, "login");
  g_assert_null (tutti_login_page_get_message (page));

  /* The first start offers no identifier; Log In waits for both fields. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (log_in)));
  type_text (identifier, "ztest1");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (log_in)));

  /* "Remember me" only with a keyring, which the test script starts;
   * without one the probe fails within a few seconds. */
  wait.page = page;
  wait.give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  wait_for ("the keyring probe", keyring_probed, &wait);
  test->keyring = gtk_widget_get_visible (tutti_login_page_get_remember_row (page));
  g_test_message ("Keyring %s", test->keyring ? "available" : "not available");

  type_text (password, "Vitre2026");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (log_in)));
  save_screenshot (GTK_WIDGET (test->window), "login");
}

static void
check_wrong_password (Test *test)
{
  TuttiLoginPage *page = tutti_window_get_login_page (test->window);
  AdwEntryRow *identifier = tutti_login_page_get_identifier_row (page);
  AdwEntryRow *password = tutti_login_page_get_password_row (page);

  type_text (password, "Wrong2026");
  /* Enter in the password field logs in. */
  g_signal_emit_by_name (password, "entry-activated");
  g_assert_true (tutti_login_page_get_busy (page));
  wait_for ("the refused log-in", log_in_answered, test->window);

  g_assert_cmpstr (tutti_window_get_page_name (test->window), ==, "login");
  g_assert_cmpstr (tutti_login_page_get_message (page), ==, _("Wrong identifier or password."));
  if (is_french ())
    g_assert_cmpstr (tutti_login_page_get_message (page), ==, "Identifiant ou mot de passe incorrect.");
  else
    g_assert_cmpstr (tutti_login_page_get_message (page), ==, "Wrong identifier or password.");

  /* Everything typed stays. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (identifier)), ==, "ztest1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==, "Wrong2026");
  save_screenshot (GTK_WIDGET (test->window), "login-error");
}

static gboolean
reset_answered (gpointer data)
{
  return g_strcmp0 (tutti_lost_password_dialog_get_state (data), "done") == 0;
}

/* AUTH-2: the same answer whether or not identifier and email match; an
 * address that matches nothing keeps the demo password working. */
static void
check_lost_password_dialog (Test *test)
{
  TuttiLoginPage *page = tutti_window_get_login_page (test->window);
  TuttiLostPasswordDialog *dialog;

  click (tutti_login_page_get_lost_password_button (page));
  wait_for ("the lost password dialog", window_open, GSIZE_TO_POINTER (TUTTI_TYPE_LOST_PASSWORD_DIALOG));
  dialog = TUTTI_LOST_PASSWORD_DIALOG (find_toplevel (TUTTI_TYPE_LOST_PASSWORD_DIALOG));

  type_text (tutti_lost_password_dialog_get_email_row (dialog), "nobody@example.org");
  save_screenshot (GTK_WIDGET (dialog), "lost-password");
  click (tutti_lost_password_dialog_get_send_button (dialog));
  wait_for ("the answer", reset_answered, dialog);
  save_screenshot (GTK_WIDGET (dialog), "lost-password-sent");

  gtk_window_close (GTK_WINDOW (dialog));
  wait_for ("the dialog to close", no_dialog_left, NULL);
}

/* INFO-1 from the login page. */
static void
check_help_dialog (Test *test)
{
  TuttiLoginPage *page = tutti_window_get_login_page (test->window);
  GtkWindow *dialog;

  click (tutti_login_page_get_help_button (page));
  wait_for ("the accessibility statement", window_open, GSIZE_TO_POINTER (ADW_TYPE_WINDOW));
  dialog = find_toplevel (ADW_TYPE_WINDOW);
  save_screenshot (GTK_WIDGET (dialog), "help");
  gtk_window_close (dialog);
  wait_for ("the statement to close", window_closed, GSIZE_TO_POINTER (ADW_TYPE_WINDOW));
}

/* With the identifier typed on the login page, remembered if a keyring
 * is there. */
static void
log_in_remembered (Test *test)
{
  TuttiLoginPage *page = tutti_window_get_login_page (test->window);

  type_text (tutti_login_page_get_password_row (page), "Vitre2026");
  if (test->keyring)
    gtk_switch_set_active (tutti_login_page_get_remember_switch (page), TRUE);
  click (tutti_login_page_get_log_in_button (page));
  wait_for ("the log-in", log_in_answered, test->window);
  g_assert_cmpstr (tutti_login_page_get_message (page), ==, NULL);
  wait_for ("the home page", home_loaded, test->window);
}

static void
check_home (Test *test)
{
  TuttiHomeView *home = tutti_window_get_home_view (test->window);
  const char *logged_in = gtk_label_get_text (tutti_home_view_get_logged_in_label (home));
  GPtrArray *pupils = tutti_home_view_get_pupil_rows (home);
  GPtrArray *reenrolments = tutti_home_view_get_reenrolment_rows (home);
  g_autofree char *pupil = NULL;

  g_assert_cmpstr (tutti_window_get_view_name (test->window), ==, "home");

  /* HOME-1 */
  g_test_message ("Home says: %s", logged_in);
  g_assert_nonnull (strstr (logged_in, "Z-TEST"));
  g_assert_nonnull (strstr (logged_in, "ESSAI"));
  if (is_french ())
    g_assert_true (g_str_has_prefix (logged_in, "Connecté en tant que MONSIEUR"));
  else
    g_assert_true (g_str_has_prefix (logged_in, "Logged in as"));

  /* HOME-2 */
  g_assert_cmpuint (pupils->len, >=, 1);
  pupil = get_row_title (g_ptr_array_index (pupils, 0));
  g_assert_nonnull (strstr (pupil, "Z-TEST"));

  /* HOME-3: the campaign is open, each pupil with its state. */
  g_assert_cmpuint (reenrolments->len, ==, pupils->len);

  save_screenshot (GTK_WIDGET (test->window), "home");
}

static void
check_password_view (Test *test)
{
  TuttiPasswordView *view = tutti_window_get_password_view (test->window);
  AdwEntryRow *current = tutti_password_view_get_current_row (view);
  AdwEntryRow *new_row = tutti_password_view_get_new_row (view);
  AdwEntryRow *confirm = tutti_password_view_get_confirm_row (view);
  GtkButton *save = tutti_password_view_get_save_button (view);
  guint n_rules = 0;

  /* Ctrl+N opens the Nth menu shown to a family: Home, Family, Pupils,
   * Billing, Password, Accessibility. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.show-menu", "i", 4));
  g_assert_cmpstr (tutti_window_get_view_name (test->window), ==, "billing");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.show-menu", "i", 1));
  g_assert_cmpstr (tutti_window_get_view_name (test->window), ==, "home");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.show-menu", "i", 5));
  g_assert_cmpstr (tutti_window_get_view_name (test->window), ==, "password");

  g_assert_true (gtk_widget_activate (GTK_WIDGET (tutti_window_get_sidebar_row (test->window, "password"))));
  g_assert_cmpstr (tutti_window_get_view_name (test->window), ==, "password");

  /* The live checklist. */
  g_assert_cmpuint (tutti_password_view_count_met_rules (view, &n_rules), ==, 0);
  g_assert_cmpuint (n_rules, ==, TUTTI_PASSWORD_N_RULES + 1);
  type_text (current, "Vitre2026");
  type_text (new_row, "vitre");
  /* At most 20 characters and a lower-case letter: met; the rest not. */
  g_assert_cmpuint (tutti_password_view_count_met_rules (view, NULL), ==, 2);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (save)));
  save_screenshot (GTK_WIDGET (test->window), "password");

  type_text (new_row, "Vitre2027");
  type_text (confirm, "Vitre2027");
  g_assert_cmpuint (tutti_password_view_count_met_rules (view, NULL), ==, n_rules);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (save)));

  /* The server ends every session; the view logs in again by itself. */
  click (save);
  wait_for ("the password change", password_view_idle, test->window);
  g_assert_null (tutti_password_view_get_error (view, "current"));
  g_assert_null (tutti_password_view_get_error (view, "new"));
  g_assert_cmpstr (tutti_window_get_page_name (test->window), ==, "main");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "");
  save_screenshot (GTK_WIDGET (test->window), "password-changed");

  /* Still logged in: home loads with the new session. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (tutti_window_get_sidebar_row (test->window, "home"))));
  wait_for ("the home page", home_loaded, test->window);
}

static void
check_accessibility_view (Test *test)
{
  g_assert_true (gtk_widget_activate (GTK_WIDGET (tutti_window_get_sidebar_row (test->window,
                                                                                "accessibility"))));
  g_assert_cmpstr (tutti_window_get_view_name (test->window), ==, "accessibility");
  save_screenshot (GTK_WIDGET (test->window), "accessibility");
}

static gboolean
sidebar_shown (gpointer data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (
    GTK_WIDGET (tutti_window_get_sidebar_row (TUTTI_WINDOW (data), "home")), ADW_TYPE_LEAFLET));

  return adw_leaflet_get_folded (leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "sidebar") == 0;
}

static gboolean
content_shown (gpointer data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (
    GTK_WIDGET (tutti_window_get_sidebar_row (TUTTI_WINDOW (data), "home")), ADW_TYPE_LEAFLET));

  return g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "content") == 0;
}

/* A narrow window folds: the menus, then the view with a back button. */
static void
check_narrow_window (Test *test)
{
  int width, height;

  narrow_window (test->window, &width, &height);
  wait_ms (300);

  g_assert_true (gtk_widget_activate (GTK_WIDGET (tutti_window_get_sidebar_row (test->window, "home"))));
  wait_for ("the view beside the menus", content_shown, test->window);
  save_screenshot (GTK_WIDGET (test->window), "home-narrow");

  gtk_widget_activate_action (GTK_WIDGET (test->window), "win.go-back", NULL);
  wait_for ("the menus", sidebar_shown, test->window);
  save_screenshot (GTK_WIDGET (test->window), "menus-narrow");
  widen_window (test->window, width, height);
}

/* AUTH-5: a new start finds the credential and logs in by itself. */
static void
check_remembered (Test *test)
{
  if (!test->keyring)
    return;

  gtk_window_close (GTK_WINDOW (test->window));
  test->window = NULL;
  g_application_activate (G_APPLICATION (test->app));
  test->window = wait_for_window (test->app);
  wait_for ("the home page, without typing anything", home_loaded, test->window);
}

static void
check_log_out (Test *test)
{
  TuttiLoginPage *page = tutti_window_get_login_page (test->window);

  gtk_widget_activate_action (GTK_WIDGET (test->window), "win.log-out", NULL);

  if (test->keyring)
    {
      GtkWindow *dialog;
      GtkButton *forget;

      /* Remembered: log out only, or forget too (AUTH-4, AUTH-5). */
      wait_for ("the log-out question", message_dialog_shown, NULL);
      dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
      save_screenshot (GTK_WIDGET (dialog), "log-out");
      forget = find_button (GTK_WIDGET (dialog), _("Log Out and _Forget Me"));
      g_assert_nonnull (forget);
      click (forget);
      wait_for ("the dialog to close", no_dialog_left, NULL);
    }

  wait_for ("the login page", on_login_page, test->window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_login_page_get_identifier_row (page))),
                   ==, "ztest1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_login_page_get_password_row (page))),
                   ==, "");
  g_assert_false (gtk_switch_get_active (tutti_login_page_get_remember_switch (page)));
}

/* Staff see their name and school, without pupils, for now. */
static void
check_staff (Test *test)
{
  TuttiHomeView *home = tutti_window_get_home_view (test->window);

  log_in (test->window, "secretariat", "Accueil2026");

  g_test_message ("Staff home says: %s",
                  gtk_label_get_text (tutti_home_view_get_logged_in_label (home)));
  g_assert_cmpuint (tutti_home_view_get_pupil_rows (home)->len, ==, 0);
  g_assert_cmpuint (tutti_home_view_get_reenrolment_rows (home)->len, ==, 0);
  save_screenshot (GTK_WIDGET (test->window), "home-staff");
}

/* A session the server no longer knows: back to the login page, saying so. */
static void
check_session_expired (Test *test)
{
  TuttiLoginPage *page = tutti_window_get_login_page (test->window);
  TuttiClient *client = tutti_application_get_client (test->app);

  tutti_client_set_token (client, "0123456789abcdef0123456789abcdef");
  /* Showing home again asks the server for fresh data. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (tutti_window_get_sidebar_row (test->window, "password"))));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (tutti_window_get_sidebar_row (test->window, "home"))));
  wait_for ("the login page", on_login_page, test->window);

  g_assert_cmpstr (tutti_login_page_get_message (page), ==,
                   _("Your session has ended. Please log in again."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_login_page_get_identifier_row (page))),
                   ==, "secretariat");
  save_screenshot (GTK_WIDGET (test->window), "login-session-ended");
}

static void
log_in_and_home_script (gpointer data)
{
  Test *test = data;

  check_login_page (test);
  check_wrong_password (test);
  check_lost_password_dialog (test);
  check_help_dialog (test);
  log_in_remembered (test);
  check_home (test);
  check_password_view (test);
  check_accessibility_view (test);
  check_narrow_window (test);
  check_remembered (test);
  check_log_out (test);
  check_staff (test);
  check_session_expired (test);
}

static void
test_ui_log_in_and_home (void)
{
  Test test = { 0 };

  test.server = tutti_test_server_start (TRUE, NULL);
  run_app (tutti_test_server_get_url (test.server), &test.app, &test.window, log_in_and_home_script, &test);
  tutti_test_server_stop (test.server);
}

static gboolean
message_shown (gpointer data)
{
  TuttiLoginPage *page = tutti_window_get_login_page (TUTTI_WINDOW (data));

  return tutti_login_page_get_message (page) != NULL;
}

static gboolean
about_and_shortcuts_closed (gpointer data)
{
  return find_toplevel (ADW_TYPE_ABOUT_WINDOW) == NULL &&
         find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == NULL;
}

/* The About window and the keyboard shortcuts, from the window's actions. */
static void
check_about_and_shortcuts (Test *test)
{
  GtkWindow *about;
  GtkWindow *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (test->app), "about", NULL);
  wait_for ("the About window", window_open, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW));
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Tutti");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  wait_ms (300);
  save_screenshot (GTK_WIDGET (about), "about");
  gtk_window_close (about);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.show-help-overlay", NULL));
  wait_for ("the keyboard shortcuts", window_open, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW));
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  wait_ms (300);
  save_screenshot (GTK_WIDGET (shortcuts), "shortcuts");
  gtk_window_close (shortcuts);
  wait_for ("About and shortcuts closed", about_and_shortcuts_closed, NULL);
}

/* No server: a message naming it, a Retry button, nothing lost. */
static void
unreachable_script (gpointer data)
{
  Test *test = data;
  TuttiLoginPage *page = tutti_window_get_login_page (test->window);
  GtkButton *retry = tutti_login_page_get_retry_button (page);
  const char *url = tutti_client_get_base_url (tutti_application_get_client (test->app));

  wait_for ("the error", message_shown, test->window);
  g_test_message ("Login page says: %s", tutti_login_page_get_message (page));
  g_assert_nonnull (strstr (tutti_login_page_get_message (page), url));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (retry)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tutti_login_page_get_log_in_button (page))));

  type_text (tutti_login_page_get_identifier_row (page), "ztest1");
  type_text (tutti_login_page_get_password_row (page), "Vitre2026");
  save_screenshot (GTK_WIDGET (test->window), "login-unreachable");

  click (retry);
  wait_for ("the error again", message_shown, test->window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_login_page_get_identifier_row (page))),
                   ==, "ztest1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tutti_login_page_get_password_row (page))),
                   ==, "Vitre2026");

  check_about_and_shortcuts (test);
}

static void
test_ui_unreachable (void)
{
  Test test = { 0 };
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetSocketAddress) any = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;

  /* A loopback port that nothing listens on: bound, never listening. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_nonnull (socket);
  any = G_INET_SOCKET_ADDRESS (g_inet_socket_address_new_from_string ("127.0.0.1", 0));
  g_assert_true (g_socket_bind (socket, G_SOCKET_ADDRESS (any), FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  run_app (url, &test.app, &test.window, unreachable_script, &test);
}

int
main (int   argc,
      char *argv[])
{
  char *tmp_dir = init_ui_test (&argc, &argv, "ui");

  g_test_add_func ("/ui/unreachable", test_ui_unreachable);
  g_test_add_func ("/ui/log-in-and-home", test_ui_log_in_and_home);

  return run_ui_tests (tmp_dir);
}
