/* tutti-test-ui.c — the helpers the UI test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tutti-test-http.h"
#include "tutti-test-ui.h"

const char *
get_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && *language != '\0' ? language : "C";
}

gboolean
is_french (void)
{
  return g_str_has_prefix (get_language (), "fr");
}

TuttiLang
get_lang (void)
{
  return is_french () ? TUTTI_LANG_FR : TUTTI_LANG_EN;
}

/* ---- The program ------------------------------------------------------------ */

void
unset_proxies (void)
{
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
}

char *
init_ui_test (int         *argc,
              char      ***argv,
              const char  *name)
{
  static const char * const names[] = {
    "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR",
  };
  const char *localedir = g_getenv ("TUTTI_LOCALEDIR");
  char *tmp_dir;

  /* As main.c does: the catalogue of the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Not with G_TEST_OPTION_ISOLATE_DIRS: it hides XDG_DATA_DIRS, where GIO
   * finds the system's schemas (its proxy settings). */
  tmp_dir = tutti_test_make_tmpdir (name);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *dir = g_build_filename (tmp_dir, names[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (names[i], dir, TRUE);
    }

  g_test_init (argc, argv, NULL);

  return tmp_dir;
}

int
run_ui_tests (char *tmp_dir)
{
  int status = g_test_run ();

  tutti_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  return status;
}

/* ---- Running the app ---------------------------------------------------------- */

typedef struct
{
  TuttiApplication **app;
  TuttiWindow      **window;
  Script             script;
  gpointer           test;
  gboolean           started;
  gboolean           done;
} AppRun;

static gboolean
window_shown (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

TuttiWindow *
wait_for_window (TuttiApplication *app)
{
  wait_for ("the window", window_shown, app);
  return TUTTI_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
run_script (gpointer data)
{
  AppRun *run = data;

  *run->window = wait_for_window (*run->app);
  run->script (run->test);

  run->done = TRUE;
  if (*run->window != NULL)
    gtk_window_close (GTK_WINDOW (*run->window));
  g_application_release (G_APPLICATION (*run->app));
}

static void
activate_cb (GApplication *app,
             AppRun       *run)
{
  /* Once the window is up, drive it from the main loop; a later
   * activation (a new start) only opens a window. */
  if (run->started)
    return;
  run->started = TRUE;
  g_application_hold (app);
  g_idle_add_once (run_script, run);
}

void
run_app (const char        *server_url,
         TuttiApplication **app,
         TuttiWindow      **window,
         Script             script,
         gpointer           test)
{
  g_autofree char *url = g_strdup (server_url);
  char *argv[] = { (char *) "tutti", (char *) "--server", url, NULL };
  AppRun run = { app, window, script, test, FALSE, FALSE };
  int status;

  *app = tutti_application_new ();
  /* A program's runs in French and in English may run at once on the
   * same bus. */
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (*app, "activate", G_CALLBACK (activate_cb), &run);

  status = g_application_run (G_APPLICATION (*app), 3, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.done);
  g_clear_object (app);
}

/* ---- Waiting ---------------------------------------------------------------- */

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
wait_for (const char *what,
          Condition   condition,
          gpointer    data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, tick_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (tick);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  wait_for ("time to pass", time_passed, &until);
}

/* ---- Screenshots ------------------------------------------------------------ */

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *n_frames)
{
  (*n_frames)++;
}

typedef struct
{
  guint  n_frames;
  gint64 give_up;
} FrameWait;

static gboolean
frames_painted (gpointer data)
{
  FrameWait *wait = data;

  return wait->n_frames >= 2 || g_get_monotonic_time () > wait->give_up;
}

/* In-process: the window as its renderer draws it, once frames have painted. */
void
save_screenshot (GtkWidget  *window,
                 const char *screen)
{
  const char *dir = g_getenv ("TUTTI_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GdkFrameClock *clock;
  GskRenderer *renderer;
  FrameWait wait;
  gulong handler;
  int width, height, scale;

  wait_ms (500);

  clock = gtk_widget_get_frame_clock (window);
  g_assert_nonnull (clock);
  /* Best effort: the picture is rendered below from the widgets themselves,
   * but a painted frame means layout is done. */
  wait.n_frames = 0;
  wait.give_up = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &wait.n_frames);
  gtk_widget_queue_draw (window);
  wait_for ("the window to paint", frames_painted, &wait);
  g_signal_handler_disconnect (clock, handler);
  if (wait.n_frames < 2)
    g_test_message ("%s: %u frames painted", screen, wait.n_frames);

  if (dir == NULL || *dir == '\0')
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* In the screen's pixels: twice as many at a scale factor of 2. A window
   * between two layouts can draw nothing: try again shortly. */
  scale = gtk_widget_get_scale_factor (window);
  paintable = gtk_widget_paintable_new (window);
  for (guint attempt = 0; node == NULL && attempt < 10; attempt++)
    {
      if (attempt > 0)
        {
          gtk_widget_queue_draw (window);
          wait_ms (200);
        }
      snapshot = gtk_snapshot_new ();
      gtk_snapshot_scale (snapshot, scale, scale);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
  path = g_strdup_printf ("%s/%s-%s.png", dir, screen, get_language ());
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

/* ---- Finding things ------------------------------------------------------------ */

GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

gboolean
message_dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

gboolean
no_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

gboolean
window_open (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

gboolean
window_closed (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  return GTK_BUTTON (find_widget (root, has_label, label));
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  return find_widget (root, has_type, GSIZE_TO_POINTER (type));
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action_name)
{
  return find_widget (root, has_action, action_name);
}

gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text != NULL ? text : "(null)", part);
}

/* ---- Acting ------------------------------------------------------------------- */

void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

void
click (gpointer widget)
{
  g_autoptr(GtkButton) button = g_object_ref (GTK_BUTTON (widget));   /* a dialog's button goes with it */
  gboolean clicked = FALSE;
  gulong handler;

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  handler = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
  wait_for ("the button to be clicked", flag_set, &clicked);
  g_signal_handler_disconnect (button, handler);
}

void
click_shown (gpointer button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  click (button);
}

void
type_text (gpointer    editable,
           const char *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

void
answer_message_dialog (const char *label,
                       const char *screenshot)
{
  GtkWindow *dialog;
  GtkButton *button;

  wait_for ("the question", message_dialog_shown, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (screenshot != NULL)
    save_screenshot (GTK_WIDGET (dialog), screenshot);
  button = find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  click_shown (button);
  wait_for ("the question to close", no_message_dialog, NULL);
}

void
type_refusal_reason (const char *reason)
{
  AdwMessageDialog *dialog;
  GtkWidget *row;

  wait_for ("the refusal's question", message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  row = find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "refuse"));
  type_text (row, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "refuse"));
  type_text (row, reason);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "refuse"));
}

/* ---- Logging in and out, the sidebar, the window's size ----------------------- */

gboolean
sites_loaded (gpointer window)
{
  TuttiLoginPage *page = tutti_window_get_login_page (TUTTI_WINDOW (window));
  AdwComboRow *site_row = tutti_login_page_get_site_row (page);
  GListModel *model = adw_combo_row_get_model (site_row);

  return model != NULL && g_list_model_get_n_items (model) > 0 &&
         adw_combo_row_get_selected (site_row) != GTK_INVALID_LIST_POSITION &&
         gtk_widget_get_sensitive (GTK_WIDGET (tutti_login_page_get_identifier_row (page)));
}

gboolean
log_in_answered (gpointer window)
{
  TuttiLoginPage *page = tutti_window_get_login_page (TUTTI_WINDOW (window));

  return !tutti_login_page_get_busy (page) &&
         (tutti_login_page_get_message (page) != NULL ||
          g_strcmp0 (tutti_window_get_page_name (TUTTI_WINDOW (window)), "main") == 0);
}

gboolean
home_loaded (gpointer window)
{
  TuttiHomeView *home = tutti_window_get_home_view (TUTTI_WINDOW (window));

  return g_strcmp0 (tutti_window_get_page_name (TUTTI_WINDOW (window)), "main") == 0 &&
         g_strcmp0 (tutti_home_view_get_state (home), "content") == 0 &&
         tutti_home_view_get_home (home) != NULL;
}

gboolean
on_login_page (gpointer window)
{
  return g_strcmp0 (tutti_window_get_page_name (TUTTI_WINDOW (window)), "login") == 0;
}

void
log_in (TuttiWindow *window,
        const char  *login,
        const char  *password)
{
  TuttiLoginPage *page = tutti_window_get_login_page (window);

  wait_for ("the sites", sites_loaded, window);
  type_text (tutti_login_page_get_identifier_row (page), login);
  type_text (tutti_login_page_get_password_row (page), password);
  click_shown (tutti_login_page_get_log_in_button (page));
  wait_for ("the log-in", log_in_answered, window);
  g_assert_cmpstr (tutti_login_page_get_message (page), ==, NULL);
  wait_for ("the home page", home_loaded, window);
}

void
log_out (TuttiWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.log-out", NULL);
  wait_for ("the login page", on_login_page, window);
}

void
show_sidebar_view (TuttiWindow *window,
                   const char  *name)
{
  GtkListBoxRow *row = tutti_window_get_sidebar_row (window, name);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_cmpstr (tutti_window_get_view_name (window), ==, name);
}

static gboolean
window_narrow (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) <= 420;
}

static gboolean
window_wide (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) >= 900;
}

void
narrow_window (TuttiWindow *window,
               int         *width,
               int         *height)
{
  gtk_window_get_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, *height);
  wait_for ("the window to narrow", window_narrow, window);
}

void
widen_window (TuttiWindow *window,
              int          width,
              int          height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait_for ("the window to widen", window_wide, window);
}

/* ---- Files ------------------------------------------------------------------- */

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
png_bytes (cairo_surface_t *surface)
{
  GByteArray *bytes = g_byte_array_new ();

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_cb, bytes), ==, CAIRO_STATUS_SUCCESS);
  return g_byte_array_free_to_bytes (bytes);
}

GBytes *
make_pdf (const char *title,
          const char *line)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 24);
  cairo_move_to (cr, 60, 100);
  cairo_show_text (cr, title);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 14);
  cairo_move_to (cr, 60, 140);
  cairo_show_text (cr, line);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

char *
write_pdf (const char *dir,
           const char *name,
           const char *title,
           const char *line)
{
  g_autoptr(GBytes) bytes = make_pdf (title, line);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_file_set_contents (path, data, size, &error));
  g_assert_no_error (error);
  return path;
}

gboolean
import_dialog_shown (gpointer data)
{
  return tutti_documents_page_get_import_dialog (TUTTI_DOCUMENTS_PAGE (data)) != NULL;
}

static gboolean
import_ready (gpointer data)
{
  return g_strcmp0 (tutti_import_dialog_get_state (TUTTI_IMPORT_DIALOG (data)), "ready") == 0;
}

TuttiImportDialog *
import_file (TuttiDocumentsPage *page,
             const char         *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TuttiImportDialog *dialog;

  wait_for ("the import dialog", import_dialog_shown, page);
  dialog = tutti_documents_page_get_import_dialog (page);
  tutti_import_dialog_set_file (dialog, file);
  wait_for ("the file to be read", import_ready, dialog);
  return dialog;
}

const TuttiPendingChange *
find_change (GPtrArray  *changes,
             const char *field)
{
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const TuttiPendingChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->field, field) == 0)
        return change;
    }
  return NULL;
}

/* ---- A client of the test's own ------------------------------------------------ */

void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

GAsyncResult *
wait_result (const char    *what,
             GAsyncResult **result)
{
  wait_for (what, result_ready, result);
  return *result;
}

TuttiClient *
log_in_client (TuttiTestServer *server,
               const char      *login,
               const char      *password,
               TuttiSession   **session)
{
  TuttiClient *client = tutti_client_new (tutti_test_server_get_url (server));
  g_autofree char *what = g_strdup_printf ("%s's log-in", login);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TuttiSession) answer = NULL;
  g_autoptr(GError) error = NULL;

  tutti_client_set_lang (client, get_lang ());
  tutti_client_log_in_async (client, TUTTI_TEST_SITE, login, password, NULL, result_cb, &result);
  answer = tutti_client_log_in_finish (client, wait_result (what, &result), &error);
  g_assert_no_error (error);
  if (session != NULL)
    *session = g_steal_pointer (&answer);
  return client;
}
