/* tutti-test-ui.h — the helpers the UI test programs share: setting the
 * program up, running the app, waiting on the main loop, screenshots,
 * finding and driving widgets, logging in and out, a client of the test's
 * own beside the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-application.h"
#include "tutti-lang.h"
#include "tutti-test-server.h"
#include "tutti-window-private.h"

G_BEGIN_DECLS

#define WAIT_SECONDS 30

typedef gboolean (*Condition)   (gpointer       data);
typedef void     (*Script)      (gpointer       test);
typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* The language the test runs in: $LANGUAGE, or "C". */
const char  *get_language         (void);
gboolean     is_french            (void);
TuttiLang    get_lang             (void);

/* ---- The program ---- */

/* Loopback traffic must not go through a proxy of the environment: for the
 * programs that ask, before init_ui_test(). */
void         unset_proxies        (void);
/* The start of a UI test program's main(): the build tree's catalogue, as
 * main.c binds it; a home, configuration and caches of the program's own
 * in a new temporary directory named after @name; g_test_init(). Returns
 * that directory, for run_ui_tests(). */
char        *init_ui_test         (int         *argc,
                                   char      ***argv,
                                   const char  *name);
/* g_test_run(), then removes @tmp_dir and frees it. */
int          run_ui_tests         (char        *tmp_dir);

/* The real application, in this process, pointed at @server_url: *@app
 * while it runs. Once its window shows, sets *@window to it and calls
 * @script (@test) from the main loop; then closes *@window unless the
 * script set it to NULL. Fails the test unless the script ran to its end
 * and the application exited with 0. */
void         run_app              (const char        *server_url,
                                   TuttiApplication **app,
                                   TuttiWindow      **window,
                                   Script             script,
                                   gpointer           test);
/* The application's window, once it shows. */
TuttiWindow *wait_for_window      (TuttiApplication  *app);

/* ---- Waiting ---- */

/* Runs the main loop until @condition holds; fails the test after
 * WAIT_SECONDS. */
void         wait_for             (const char *what,
                                   Condition   condition,
                                   gpointer    data);
/* Lets animations (stack cross-fades, revealers, slides) finish. */
void         wait_ms              (guint       ms);

/* ---- Screenshots, finding and driving widgets ---- */

/* Saves @window as $TUTTI_SCREENSHOT_DIR/<screen>-<language>.png. */
void         save_screenshot      (GtkWidget  *window,
                                   const char *screen);

GtkWindow   *find_toplevel        (GType       type);
gboolean     message_dialog_shown (gpointer    data);
gboolean     no_message_dialog    (gpointer    data);
/* A window of a type shown, or none: @data is the GType, as
 * GSIZE_TO_POINTER. */
gboolean     window_open          (gpointer    data);
gboolean     window_closed        (gpointer    data);
/* The first widget under @root, depth first, that @match (widget, @data)
 * accepts, or NULL. */
GtkWidget   *find_widget          (GtkWidget    *root,
                                   WidgetMatch   match,
                                   gconstpointer data);
GtkButton   *find_button          (GtkWidget  *root,
                                   const char *label);
/* The first widget of @type under @root. */
GtkWidget   *find_descendant      (GtkWidget  *root,
                                   GType       type);
/* The first widget under @root that activates @action_name. */
GtkWidget   *find_actionable      (GtkWidget  *root,
                                   const char *action_name);
gboolean     has_focus_within     (GtkWidget  *widget);
void         assert_contains      (const char *text,
                                   const char *part);

void         clicked_cb           (GtkButton  *button,
                                   gboolean   *clicked);
gboolean     flag_set             (gpointer    data);
/* As Space on a focused button. */
void         click                (gpointer    button);
/* The same, for a button that must be shown. */
void         click_shown          (gpointer    button);
/* Into an AdwEntryRow or any GtkEditable. */
void         type_text            (gpointer    editable,
                                   const char *text);
/* Waits for the message dialog, saves its @screenshot (unless NULL),
 * clicks its response @label (translated, with its mnemonic) and waits for
 * it to close. */
void         answer_message_dialog (const char *label,
                                    const char *screenshot);
/* Waits for the refusal's question, whose reason is required: its "refuse"
 * response stays off while the reason is empty or blank, and is on once
 * @reason is typed. */
void         type_refusal_reason  (const char *reason);

/* ---- Logging in and out, the sidebar, the window's size ---- */

/* Conditions on a TuttiWindow: the login page's sites loaded; the log-in
 * answered (refused or done); home loaded; back on the login page. */
gboolean     sites_loaded         (gpointer    window);
gboolean     log_in_answered      (gpointer    window);
gboolean     home_loaded          (gpointer    window);
gboolean     on_login_page        (gpointer    window);
/* Through the login page, as a person does; fails the test unless home
 * loads. */
void         log_in               (TuttiWindow *window,
                                   const char  *login,
                                   const char  *password);
/* Nothing remembered: no question asked. */
void         log_out              (TuttiWindow *window);
/* Activates the sidebar's row of view @name, which must be shown. */
void         show_sidebar_view    (TuttiWindow *window,
                                   const char  *name);
/* Narrows @window to 400 px, its height kept; its default size goes in
 * @width and @height, for widen_window(). */
void         narrow_window        (TuttiWindow *window,
                                   int         *width,
                                   int         *height);
void         widen_window         (TuttiWindow *window,
                                   int          width,
                                   int          height);

/* ---- Files and documents ---- */

/* @surface as a PNG file's bytes. */
GBytes      *png_bytes            (cairo_surface_t *surface);
/* A real one-page PDF, as a scanner would make it, with @title and @line. */
GBytes      *make_pdf             (const char *title,
                                   const char *line);
/* The same in the file @dir/@name; returns its path. */
char        *write_pdf            (const char *dir,
                                   const char *name,
                                   const char *title,
                                   const char *line);
/* @data: a TuttiDocumentsPage. */
gboolean     import_dialog_shown  (gpointer    data);
/* Waits for @page's import dialog, gives it the file at @path as the file
 * chooser does, and waits for the file to be read; returns the dialog. */
TuttiImportDialog *import_file    (TuttiDocumentsPage *page,
                                   const char         *path);
/* The change of @field among @changes (TuttiPendingChange), or NULL. */
const TuttiPendingChange *find_change (GPtrArray  *changes,
                                       const char *field);

/* ---- A client of the test's own, beside the app ---- */

/* For an async call of TuttiClient: stores a reference on @result in
 * *(GAsyncResult **) @user_data. */
void          result_cb           (GObject       *source,
                                   GAsyncResult  *result,
                                   gpointer       user_data);
/* Runs the main loop until result_cb() stored the answer in *@result;
 * returns it, still owned by *@result. */
GAsyncResult *wait_result         (const char    *what,
                                   GAsyncResult **result);
/* A TuttiClient in the test's language, logged in on the demo site as
 * @login; its session in *@session unless NULL. */
TuttiClient  *log_in_client       (TuttiTestServer *server,
                                   const char      *login,
                                   const char      *password,
                                   TuttiSession   **session);

G_END_DECLS
