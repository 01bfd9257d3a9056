/* tutti-documents-page.h — FAM-2, REE-3 step 3: the family's documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"
#include "tutti-import-dialog.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_DOCUMENTS_PAGE (tutti_documents_page_get_type ())

G_DECLARE_FINAL_TYPE (TuttiDocumentsPage, tutti_documents_page, TUTTI, DOCUMENTS_PAGE, AdwBin)

GtkWidget          *tutti_documents_page_new            (void);
void                tutti_documents_page_set_client     (TuttiDocumentsPage *self,
                                                         TuttiClient        *client);
/* Loads the list again (GET /family/documents). */
void                tutti_documents_page_refresh        (TuttiDocumentsPage *self);
void                tutti_documents_page_clear          (TuttiDocumentsPage *self);
/* No Import or Delete (REE-4: the campaign is closed). */
void                tutti_documents_page_set_read_only  (TuttiDocumentsPage *self,
                                                         gboolean            read_only);

/* For tests: "loading", "error", "content" */
const char         *tutti_documents_page_get_state      (TuttiDocumentsPage *self);
guint               tutti_documents_page_get_n_documents (TuttiDocumentsPage *self);
const TuttiDocument *tutti_documents_page_get_document  (TuttiDocumentsPage *self,
                                                         guint               position);
/* The text shown in the State column of the row at @position. */
char               *tutti_documents_page_get_state_text (TuttiDocumentsPage *self,
                                                         guint               position);
GtkButton          *tutti_documents_page_get_import_button (TuttiDocumentsPage *self);
/* (nullable): the import dialog open. */
TuttiImportDialog  *tutti_documents_page_get_import_dialog (TuttiDocumentsPage *self);

G_END_DECLS
