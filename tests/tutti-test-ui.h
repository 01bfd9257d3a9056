/* tutti-test-ui.h — the helpers the UI test programs share: waiting on the
 * main loop, screenshots, finding and driving widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-lang.h"

G_BEGIN_DECLS

#define WAIT_SECONDS 30

typedef gboolean (*Condition) (gpointer data);

/* The language the test runs in: $LANGUAGE, or "C". */
const char  *get_language         (void);
gboolean     is_french            (void);
TuttiLang    get_lang             (void);

/* Runs the main loop until @condition holds; fails the test after
 * WAIT_SECONDS. */
void         wait_for             (const char *what,
                                   Condition   condition,
                                   gpointer    data);
/* Lets animations (stack cross-fades, revealers, slides) finish. */
void         wait_ms              (guint       ms);

/* Saves @window as $TUTTI_SCREENSHOT_DIR/<screen>-<language>.png. */
void         save_screenshot      (GtkWidget  *window,
                                   const char *screen);

GtkWindow   *find_toplevel        (GType       type);
gboolean     message_dialog_shown (gpointer    data);
gboolean     no_message_dialog    (gpointer    data);
/* @data: the GType of the window, as GSIZE_TO_POINTER. */
gboolean     window_closed        (gpointer    data);
GtkButton   *find_button          (GtkWidget  *root,
                                   const char *label);
gboolean     has_focus_within     (GtkWidget  *widget);
void         assert_contains      (const char *text,
                                   const char *part);

void         clicked_cb           (GtkButton  *button,
                                   gboolean   *clicked);
gboolean     flag_set             (gpointer    data);
/* As Space on a focused button. */
void         click                (gpointer    button);
/* Into an AdwEntryRow or any GtkEditable. */
void         type_text            (gpointer    editable,
                                   const char *text);

G_END_DECLS
