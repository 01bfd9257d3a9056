/* tutti-family.h — family and pupil files, and their pending changes (FAM, PUP)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-server.h"

G_BEGIN_DECLS

/* A refused change stays on the family's record this many days after the
 * office's decision (unless the family sends that field again). */
#define TUTTI_FAMILY_REFUSED_DAYS          30
/* Evaluations per page of a history record (PUP-4; the guide's "1 / 2"). */
#define TUTTI_FAMILY_EVALUATIONS_PER_PAGE  10

void               tutti_family_register      (TuttiServer        *server);

/* ---- Shared with the staff's validation queue (tutti-staff.c) ----------- */

/* A positive decimal id from a path segment, else 0. */
gint64             tutti_family_parse_id      (const char         *text);

/* The guardian or pupil @id, and the family it belongs to. With
 * @family_id > 0, only when it belongs to that family.
 * Returns: (transfer full): the record without its pending changes, or
 * %NULL (with @error unset when there is no such record). */
gpointer           tutti_family_load_entity   (TuttiStore         *store,
                                               TuttiEntity         entity,
                                               gint64              id,
                                               gint64              family_id,
                                               gint64             *out_family_id,
                                               GError            **error);
char              *tutti_family_load_name     (TuttiStore         *store,
                                               gint64              family_id,
                                               GError            **error);

/* The changes of one record, by id: every one (@family_view FALSE, for the
 * office), or what the family sees: per field, the latest change when it
 * is pending, or refused less than TUTTI_FAMILY_REFUSED_DAYS ago. */
GPtrArray         *tutti_family_load_changes  (TuttiStore         *store,
                                               TuttiEntity         entity,
                                               gint64              entity_id,
                                               gboolean            family_view,
                                               GError            **error);

/* Records, inside the caller's transaction, each of @fields (TuttiField
 * pointers of the entity's schema, editable ones) whose value in @would_be
 * differs from @current as a pending change, exactly as a PATCH does (the
 * re-enrolment's step 1 goes through the office's same queue). */
gboolean           tutti_family_write_changes (TuttiStore         *store,
                                               TuttiEntity         entity,
                                               gint64              family_id,
                                               gconstpointer       current,
                                               gconstpointer       would_be,
                                               GPtrArray          *fields,
                                               GError            **error);

/* Writes every editable field of @record to its row (staff accepting). */
gboolean           tutti_family_save_entity   (TuttiStore         *store,
                                               TuttiEntity         entity,
                                               gconstpointer       record,
                                               GError            **error);

G_END_DECLS
