/* tutti-image-window.h — an image from the server, in a window of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"
#include "tutti-document-view.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_IMAGE_WINDOW (tutti_image_window_get_type ())

G_DECLARE_FINAL_TYPE (TuttiImageWindow, tutti_image_window, TUTTI, IMAGE_WINDOW, AdwWindow)

/* A window transient for @parent, titled @title over @subtitle (nullable);
 * the picture is announced as @description (a file name). */
TuttiImageWindow *tutti_image_window_new  (GtkWindow               *parent,
                                           TuttiClient             *client,
                                           const char              *title,
                                           const char              *subtitle,
                                           const char              *description);
/* Downloads the image @id with @fetch and shows it; Retry does it again.
 * Closing the window stops the download. */
void              tutti_image_window_load (TuttiImageWindow        *self,
                                           const char              *id,
                                           TuttiDocumentFetchFunc   fetch,
                                           TuttiDocumentFinishFunc  finish);

/* For the UI tests: "loading", "error" or "content"; why it is not shown. */
const char       *tutti_image_window_get_state (TuttiImageWindow   *self);
const char       *tutti_image_window_get_error (TuttiImageWindow   *self);

G_END_DECLS
