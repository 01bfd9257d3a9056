/* tutti-import-dialog.h — FAM-2, REE-3 step 3: importing a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_IMPORT_DIALOG (tutti_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TuttiImportDialog, tutti_import_dialog, TUTTI, IMPORT_DIALOG, AdwWindow)

/* @kinds (element-type TuttiDocumentKind): the documents asked for; "other"
 * is added. ::uploaded (TuttiDocument *) is emitted once the server has it. */
TuttiImportDialog *tutti_import_dialog_new          (GtkWindow         *parent,
                                                     TuttiClient       *client,
                                                     GPtrArray         *kinds,
                                                     const char        *kind);

/* The file, as if chosen in the file chooser (tests). */
void               tutti_import_dialog_set_file     (TuttiImportDialog *self,
                                                     GFile             *file);
/* For tests: "choose", "reading", "ready", "too-large", "shrinking",
 * "invalid", "uploading", "error", "done" */
const char        *tutti_import_dialog_get_state    (TuttiImportDialog *self);
const char        *tutti_import_dialog_get_message  (TuttiImportDialog *self);
GtkDropDown       *tutti_import_dialog_get_kind_dropdown (TuttiImportDialog *self);
GtkButton         *tutti_import_dialog_get_import_button (TuttiImportDialog *self);
GtkButton         *tutti_import_dialog_get_shrink_button (TuttiImportDialog *self);

/* Re-encodes an image as JPEG, smaller each time, until it takes at most
 * @max_bytes; NULL when it cannot (not an image). Runs in a thread. */
GBytes            *tutti_shrink_image               (GBytes            *image,
                                                     gsize              max_bytes,
                                                     GError           **error);

G_END_DECLS
