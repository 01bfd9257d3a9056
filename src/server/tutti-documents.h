/* tutti-documents.h — a family's supporting documents (FAM-2, REE-3 step 3, STAFF-2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-server.h"

G_BEGIN_DECLS

/* The kind of a document no campaign asks for (migration 3). */
#define TUTTI_DOCUMENT_KIND_OTHER     "other"
/* Where uploads are kept, under the data dir. */
#define TUTTI_DOCUMENTS_DIR           "documents"
/* Headers of an upload besides Content-Type and X-Document-Kind: names
 * percent-encoded UTF-8 ("rel%C3%A9v%C3%A9.pdf"). */
#define TUTTI_API_HEADER_FILE_NAME    "X-File-Name"
#define TUTTI_API_HEADER_DOCUMENT_NAME "X-Document-Name"

void           tutti_documents_register      (TuttiServer         *server);

/* The type of a file, by its content only: "application/pdf", "image/jpeg"
 * or "image/png" when it has the signature and the minimal structure of
 * one (PDF: "%PDF-1.x" and a final "%%EOF"; JPEG: SOI, segments up to a
 * scan, EOI at the end; PNG: signature, IHDR first, chunks up to IEND),
 * else %NULL — empty, truncated, or another kind of file. */
const char    *tutti_documents_sniff         (const guint8        *data,
                                              gsize                size);

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
