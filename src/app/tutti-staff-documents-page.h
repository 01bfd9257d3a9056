/* tutti-staff-documents-page.h — STAFF-2: the documents awaiting the office's decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_STAFF_DOCUMENTS_PAGE (tutti_staff_documents_page_get_type ())

G_DECLARE_FINAL_TYPE (TuttiStaffDocumentsPage, tutti_staff_documents_page, TUTTI, STAFF_DOCUMENTS_PAGE, AdwBin)

void   tutti_staff_documents_page_set_client      (TuttiStaffDocumentsPage *self,
                                                   TuttiClient             *client);
/* Loads GET /staff/documents?state=provided again (staff accounts only). */
void   tutti_staff_documents_page_refresh         (TuttiStaffDocumentsPage *self);
/* Forgets the data of the session that ended. */
void   tutti_staff_documents_page_clear           (TuttiStaffDocumentsPage *self);
/* How many documents await a decision, as last loaded;
 * TuttiStaffDocumentsPage:n-documents tells when it changes. */
guint  tutti_staff_documents_page_get_n_documents (TuttiStaffDocumentsPage *self);

G_END_DECLS
