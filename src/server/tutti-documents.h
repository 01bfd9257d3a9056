/* tutti-documents.h — a family's supporting documents (FAM-2, REE-3 step 3, STAFF-2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-server.h"

G_BEGIN_DECLS

/* Where uploads are kept, under the data dir. */
#define TUTTI_DOCUMENTS_DIR           "documents"

void           tutti_documents_register      (TuttiServer         *server);

/* A header holding a name, percent-decoded, made a plain file or display
 * name (no directory, no control character, 255 characters at most);
 * %NULL when absent, empty or not UTF-8. */
char          *tutti_documents_header_name   (TuttiRequest        *request,
                                              const char          *header);

/* "inline; filename=…; filename*=UTF-8''…" for @file_name. */
char          *tutti_documents_disposition   (const char          *file_name);

/* The family's documents: for each document @campaign asks for (when not
 * %NULL), those of that kind or one "to-provide" row (id 0); then the
 * others, newest first.
 * Returns: (transfer full): TuttiDocument records, or %NULL on error. */
GPtrArray     *tutti_documents_list          (TuttiStore          *store,
                                              gint64               family_id,
                                              const TuttiCampaign *campaign,
                                              GError             **error);

/* POST …/decide by the office on document @document_id (of @family_id
 * when > 0): parses {"state": "accepted"|"refused", "reason"} and replies
 * with the document decided. */
void           tutti_documents_decide        (TuttiRequest        *request,
                                              gint64               document_id,
                                              gint64               family_id);

G_END_DECLS
