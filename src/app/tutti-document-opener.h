/* tutti-document-opener.h — opening a document from the server: a PDF in
 * a TuttiDocumentView, an image in a TuttiImageWindow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

/* Whose document it is: the endpoint that gives its bytes. */
typedef enum
{
  TUTTI_DOCUMENT_SOURCE_FAMILY,   /* GET /documents/{id}: the family's own */
  TUTTI_DOCUMENT_SOURCE_STAFF,    /* GET /staff/documents/{id}: any family's, for the office */
} TuttiDocumentSource;

/* Opens @document (one sent, its id not 0) in a window transient for
 * @parent's window, titled @title over @subtitle (nullable), and presents
 * it. Returns: (transfer none): the window, a TuttiDocumentView for a PDF. */
GtkWindow *tutti_document_opener_open          (GtkWidget           *parent,
                                                TuttiClient         *client,
                                                TuttiDocumentSource  source,
                                                const TuttiDocument *document,
                                                const char          *title,
                                                const char          *subtitle);
/* The same for @download, a PDF of the campaign @campaign_id that
 * families download (GET /campaigns/{id}/downloads/{id}). */
GtkWindow *tutti_document_opener_open_download (GtkWidget           *parent,
                                                TuttiClient         *client,
                                                gint64               campaign_id,
                                                const TuttiDownload *download,
                                                const char          *subtitle);

G_END_DECLS
