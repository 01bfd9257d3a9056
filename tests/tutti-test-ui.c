/* tutti-test-ui.c — the helpers the UI test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

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
window_closed (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return GTK_BUTTON (child);
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
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
type_text (gpointer    editable,
           const char *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}
