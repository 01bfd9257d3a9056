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
/* Ctrl+F: the search entry above the list. */
void                tutti_documents_page_focus_search   (TuttiDocumentsPage *self);
/* No Import, Replace or Delete (REE-4: the campaign is closed). */
void                tutti_documents_page_set_read_only  (TuttiDocumentsPage *self,
                                                         gboolean            read_only);

/* For tests: "loading", "error", "content" */
const char         *tutti_documents_page_get_state      (TuttiDocumentsPage *self);
guint               tutti_documents_page_get_n_documents (TuttiDocumentsPage *self);
const TuttiDocument *tutti_documents_page_get_document  (TuttiDocumentsPage *self,
                                                         guint               position);
/* The state of the row at @position as it reads: the State column's text,
 * with the office's reason for a refusal ("Refusé — …", the reason shown
 * under the document's name). */
char               *tutti_documents_page_get_state_text (TuttiDocumentsPage *self,
                                                         guint               position);
GtkButton          *tutti_documents_page_get_import_button (TuttiDocumentsPage *self);
/* (nullable): the import dialog open. */
TuttiImportDialog  *tutti_documents_page_get_import_dialog (TuttiDocumentsPage *self);
/* The text of cell @column (0 document, 1 file name, 2 date, 3 time,
 * 4 size, 5 state) of the document at @position. */
char               *tutti_documents_page_get_cell_text  (TuttiDocumentsPage *self,
                                                         guint               position,
                                                         guint               column);
GtkSearchEntry     *tutti_documents_page_get_search_entry (TuttiDocumentsPage *self);
GtkColumnView      *tutti_documents_page_get_column_view (TuttiDocumentsPage *self);
/* The rows the search leaves, in the order shown. */
guint               tutti_documents_page_get_n_shown    (TuttiDocumentsPage *self);
const TuttiDocument *tutti_documents_page_get_shown     (TuttiDocumentsPage *self,
                                                         guint               position);
/* (nullable): the window showing a document (TuttiDocumentView for a PDF). */
GtkWindow          *tutti_documents_page_get_viewer     (TuttiDocumentsPage *self);
/* (nullable): the title of the last toast shown. */
const char         *tutti_documents_page_get_last_toast (TuttiDocumentsPage *self);
/* Clicks the button @action ("view", "import", "replace", "delete") of
 * the row shown at @position; the button must be shown. */
void                tutti_documents_page_run_action     (TuttiDocumentsPage *self,
                                                         guint               position,
                                                         const char         *action);

G_END_DECLS
