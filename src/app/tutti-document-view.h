/* tutti-document-view.h — a PDF from the server, previewed, printed and saved (BIL-2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_DOCUMENT_VIEW (tutti_document_view_get_type ())

G_DECLARE_FINAL_TYPE (TuttiDocumentView, tutti_document_view, TUTTI, DOCUMENT_VIEW, AdwWindow)

/* How a document is downloaded: a TuttiClient endpoint that takes the
 * document's identifier and answers its bytes, such as
 * tutti_client_get_billing_document_async() and _finish(). */
typedef void    (*TuttiDocumentFetchFunc)  (TuttiClient          *client,
                                            const char           *id,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
typedef GBytes *(*TuttiDocumentFinishFunc) (TuttiClient          *client,
                                            GAsyncResult         *result,
                                            GError              **error);

/* A window transient for @parent, titled @title ("Invoice 12FC01618"),
 * whose Save proposes @file_name ("invoice-12FC01618.pdf"). */
TuttiDocumentView *tutti_document_view_new     (GtkWindow               *parent,
                                                TuttiClient             *client,
                                                const char              *title,
                                                const char              *subtitle,
                                                const char              *file_name);
/* Downloads the document @id with @fetch and shows it; Retry does it again. */
void               tutti_document_view_load    (TuttiDocumentView       *self,
                                                const char              *id,
                                                TuttiDocumentFetchFunc   fetch,
                                                TuttiDocumentFinishFunc  finish);
/* What Save does once a file is chosen: writes the PDF's bytes to @file,
 * then says so in a toast. */
void               tutti_document_view_save_to (TuttiDocumentView       *self,
                                                GFile                   *file);

G_END_DECLS
