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
#define TUTTI_API_CAMPAIGNS            TUTTI_API_PREFIX "/campaigns"
#define TUTTI_API_PREENROLMENT_QUESTION TUTTI_API_PREENROLMENTS "/question"
#define TUTTI_API_STAFF_CAMPAIGNS      TUTTI_API_STAFF "/campaigns"
#define TUTTI_API_STAFF_REENROLMENTS   TUTTI_API_STAFF "/reenrolments"
#define TUTTI_API_STAFF_DOCUMENTS      TUTTI_API_STAFF "/documents"
#define TUTTI_API_STAFF_PREENROLMENTS  TUTTI_API_STAFF "/preenrolments"

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

/* Documents (FAM-2) and re-enrolment (REE-2..4) of the family. */
#define TUTTI_API_FAMILY_DOCUMENT_FMT  TUTTI_API_FAMILY_DOCUMENTS "/%" G_GINT64_FORMAT
#define TUTTI_API_PUPIL_REENROLMENT_FMT TUTTI_API_PUPIL_FMT "/reenrolment"
#define TUTTI_API_PUPIL_REENROLMENT_DECLINE_FMT TUTTI_API_PUPIL_REENROLMENT_FMT "/decline"
#define TUTTI_API_PUPIL_REENROLMENT_SUBMIT_FMT  TUTTI_API_PUPIL_REENROLMENT_FMT "/submit"
/* A campaign's document to download (HOME-3): campaign id, download id. */
#define TUTTI_API_CAMPAIGN_DOWNLOAD_FMT TUTTI_API_CAMPAIGNS "/%" G_GINT64_FORMAT "/downloads/%" G_GINT64_FORMAT
/* One pre-enrolment request of the family (HOME-4). */
#define TUTTI_API_PREENROLMENT_FMT     TUTTI_API_PREENROLMENTS "/%" G_GINT64_FORMAT

/* The office's desks (STAFF-2..4). */
#define TUTTI_API_STAFF_CAMPAIGN_FMT   TUTTI_API_STAFF_CAMPAIGNS "/%" G_GINT64_FORMAT
#define TUTTI_API_STAFF_CAMPAIGN_OFFER_FMT TUTTI_API_STAFF_CAMPAIGN_FMT "/offer"
#define TUTTI_API_STAFF_CAMPAIGN_DOWNLOADS_FMT TUTTI_API_STAFF_CAMPAIGN_FMT "/downloads"
/* campaign id, download id */
#define TUTTI_API_STAFF_CAMPAIGN_DOWNLOAD_FMT TUTTI_API_STAFF_CAMPAIGN_DOWNLOADS_FMT "/%" G_GINT64_FORMAT
#define TUTTI_API_STAFF_REENROLMENT_FMT TUTTI_API_STAFF_REENROLMENTS "/%" G_GINT64_FORMAT
#define TUTTI_API_STAFF_REENROLMENT_DECIDE_FMT TUTTI_API_STAFF_REENROLMENT_FMT "/decide"
/* re-enrolment id, document id */
#define TUTTI_API_STAFF_REENROLMENT_DOCUMENT_DECIDE_FMT \
  TUTTI_API_STAFF_REENROLMENT_FMT "/documents/%" G_GINT64_FORMAT "/decide"
#define TUTTI_API_STAFF_DOCUMENT_FMT   TUTTI_API_STAFF_DOCUMENTS "/%" G_GINT64_FORMAT
#define TUTTI_API_STAFF_DOCUMENT_DECIDE_FMT TUTTI_API_STAFF_DOCUMENT_FMT "/decide"
#define TUTTI_API_STAFF_PREENROLMENT_FMT TUTTI_API_STAFF_PREENROLMENTS "/%" G_GINT64_FORMAT
#define TUTTI_API_STAFF_PREENROLMENT_ACCEPT_FMT TUTTI_API_STAFF_PREENROLMENT_FMT "/accept"
#define TUTTI_API_STAFF_PREENROLMENT_REFUSE_FMT TUTTI_API_STAFF_PREENROLMENT_FMT "/refuse"

/* Paged answers say where they are in these headers. */
#define TUTTI_API_HEADER_PAGE          "X-Page"
#define TUTTI_API_HEADER_PER_PAGE      "X-Per-Page"
#define TUTTI_API_HEADER_TOTAL         "X-Total"
#define TUTTI_API_HEADER_TOTAL_PAGES   "X-Total-Pages"
#define TUTTI_API_HEADER_REPLAYED      "Idempotent-Replayed"

#define TUTTI_API_CONTENT_TYPE_JSON    "application/json; charset=utf-8"
#define TUTTI_API_HEADER_IDEMPOTENCY   "Idempotency-Key"
#define TUTTI_API_HEADER_DOCUMENT_KIND "X-Document-Kind"
/* Headers of an upload besides Content-Type and X-Document-Kind: names
 * percent-encoded UTF-8 ("rel%C3%A9v%C3%A9.pdf"). */
#define TUTTI_API_HEADER_FILE_NAME     "X-File-Name"
#define TUTTI_API_HEADER_DOCUMENT_NAME "X-Document-Name"

/* The kind of a document no campaign asks for (FAM-2). */
#define TUTTI_API_DOCUMENT_KIND_OTHER  "other"

/* Limits the server enforces and the app announces. */
#define TUTTI_API_MAX_JSON_BODY        (1024 * 1024)
#define TUTTI_API_MAX_UPLOAD           (2 * 1024 * 1024)

/* Login attempts: this many failures per account within the window → 429. */
#define TUTTI_API_LOGIN_MAX_FAILURES   5
#define TUTTI_API_LOGIN_WINDOW_SECONDS (15 * 60)

/* Sessions live this long. */
#define TUTTI_API_SESSION_SECONDS      (12 * 60 * 60)

G_END_DECLS
