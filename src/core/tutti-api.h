/* tutti-api.h — paths and headers of the HTTP API (API.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TUTTI_API_PREFIX               "/api/v1"
#define TUTTI_API_SITES                TUTTI_API_PREFIX "/sites"
#define TUTTI_API_SESSION              TUTTI_API_PREFIX "/session"
#define TUTTI_API_PASSWORD_RESET       TUTTI_API_PREFIX "/password-reset"
#define TUTTI_API_PASSWORD             TUTTI_API_PREFIX "/password"
#define TUTTI_API_HOME                 TUTTI_API_PREFIX "/home"
#define TUTTI_API_FAMILY               TUTTI_API_PREFIX "/family"
#define TUTTI_API_FAMILY_DOCUMENTS     TUTTI_API_PREFIX "/family/documents"
#define TUTTI_API_PUPILS               TUTTI_API_PREFIX "/pupils"
#define TUTTI_API_OFFER                TUTTI_API_PREFIX "/offer"
#define TUTTI_API_PREENROLMENTS        TUTTI_API_PREFIX "/preenrolments"
#define TUTTI_API_BILLING_FEES         TUTTI_API_PREFIX "/billing/fees"
#define TUTTI_API_BILLING_RENTALS      TUTTI_API_PREFIX "/billing/rentals"
#define TUTTI_API_BILLING_DOCUMENTS    TUTTI_API_PREFIX "/billing/documents"
#define TUTTI_API_STAFF                TUTTI_API_PREFIX "/staff"

/* Paths with parameters, for g_strdup_printf(). */
#define TUTTI_API_GUARDIAN_FMT         TUTTI_API_FAMILY "/guardians/%" G_GINT64_FORMAT
#define TUTTI_API_PUPIL_FMT            TUTTI_API_PUPILS "/%" G_GINT64_FORMAT
#define TUTTI_API_PUPIL_COURSES_FMT    TUTTI_API_PUPIL_FMT "/courses"
#define TUTTI_API_PUPIL_COURSE_FMT     TUTTI_API_PUPIL_FMT "/courses/%" G_GINT64_FORMAT
#define TUTTI_API_PUPIL_HISTORY_FMT    TUTTI_API_PUPIL_FMT "/history"
#define TUTTI_API_PUPIL_RECORD_FMT     TUTTI_API_PUPIL_FMT "/history/%" G_GINT64_FORMAT
#define TUTTI_API_PUPIL_RECORD_PAGE_FMT TUTTI_API_PUPIL_RECORD_FMT "/pages/%u"
#define TUTTI_API_PUPIL_REPERTOIRE_FMT TUTTI_API_PUPIL_FMT "/repertoire"
#define TUTTI_API_BILLING_DOCUMENT_FMT TUTTI_API_BILLING_DOCUMENTS "/%s"
#define TUTTI_API_STAFF_CHANGES        TUTTI_API_STAFF "/changes"
#define TUTTI_API_STAFF_CHANGE_FMT     TUTTI_API_STAFF_CHANGES "/%s/%" G_GINT64_FORMAT
#define TUTTI_API_STAFF_FAMILY_FMT     TUTTI_API_STAFF "/families/%" G_GINT64_FORMAT

/* Paged answers say where they are in these headers. */
#define TUTTI_API_HEADER_PAGE          "X-Page"
#define TUTTI_API_HEADER_PER_PAGE      "X-Per-Page"
#define TUTTI_API_HEADER_TOTAL         "X-Total"
#define TUTTI_API_HEADER_TOTAL_PAGES   "X-Total-Pages"
#define TUTTI_API_HEADER_REPLAYED      "Idempotent-Replayed"

#define TUTTI_API_CONTENT_TYPE_JSON    "application/json; charset=utf-8"
#define TUTTI_API_HEADER_IDEMPOTENCY   "Idempotency-Key"
#define TUTTI_API_HEADER_DOCUMENT_KIND "X-Document-Kind"

/* Limits the server enforces and the app announces. */
#define TUTTI_API_MAX_JSON_BODY        (1024 * 1024)
#define TUTTI_API_MAX_UPLOAD           (2 * 1024 * 1024)

/* Login attempts: this many failures per account within the window → 429. */
#define TUTTI_API_LOGIN_MAX_FAILURES   5
#define TUTTI_API_LOGIN_WINDOW_SECONDS (15 * 60)

/* Sessions live this long. */
#define TUTTI_API_SESSION_SECONDS      (12 * 60 * 60)

G_END_DECLS
