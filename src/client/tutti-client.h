/* tutti-client.h — the app's side of the HTTP API (libsoup3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tutti-core.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_CLIENT (tutti_client_get_type ())

G_DECLARE_FINAL_TYPE (TuttiClient, tutti_client, TUTTI, CLIENT, GObject)

/* Every _finish reports API errors in the TUTTI_API_ERROR domain with the
 * API's code (tutti_api_error_get_fields() for a 422's fields,
 * tutti_api_error_get_retry_after() for a 429), and a server that cannot be
 * reached as TUTTI_API_ERROR_UNAVAILABLE. Cancelling gives G_IO_ERROR_CANCELLED.
 * A 401 "unauthenticated" on a logged-in client also emits ::session-expired,
 * after the client has forgotten its token and account. Each call gives up
 * after the client's timeout (30 s), as TUTTI_API_ERROR_UNAVAILABLE. */

TuttiClient   *tutti_client_new                     (const char           *base_url);
const char    *tutti_client_get_base_url            (TuttiClient          *self);
void           tutti_client_set_base_url            (TuttiClient          *self,
                                                     const char           *base_url);
/* The language of the server's messages (Accept-Language). */
TuttiLang      tutti_client_get_lang                (TuttiClient          *self);
void           tutti_client_set_lang                (TuttiClient          *self,
                                                     TuttiLang             lang);
/* The bearer token, set by a successful log-in and cleared by log-out. */
const char    *tutti_client_get_token               (TuttiClient          *self);
void           tutti_client_set_token               (TuttiClient          *self,
                                                     const char           *token);
/* (nullable): the account of the current session. */
TuttiAccount  *tutti_client_get_account             (TuttiClient          *self);
gboolean       tutti_client_is_logged_in            (TuttiClient          *self);
/* How many seconds a call may take before it fails as unavailable (30). */
guint          tutti_client_get_timeout             (TuttiClient          *self);
void           tutti_client_set_timeout             (TuttiClient          *self,
                                                     guint                 seconds);
/* The certificates HTTPS servers are checked against (default: the
 * system's). A server whose certificate does not verify is unavailable. */
void           tutti_client_set_tls_database        (TuttiClient          *self,
                                                     GTlsDatabase         *database);

/* GET /sites → GPtrArray of TuttiSite */
void           tutti_client_list_sites_async        (TuttiClient          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray     *tutti_client_list_sites_finish       (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* POST /session; on success the client keeps the token and the account. */
void           tutti_client_log_in_async            (TuttiClient          *self,
                                                     const char           *site,
                                                     const char           *login,
                                                     const char           *password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiSession  *tutti_client_log_in_finish           (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* DELETE /session; the client forgets its token whatever the answer. */
void           tutti_client_log_out_async           (TuttiClient          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       tutti_client_log_out_finish          (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* POST /password-reset (202 whether or not they matched) */
void           tutti_client_reset_password_async    (TuttiClient          *self,
                                                     const char           *site,
                                                     const char           *login,
                                                     const char           *email,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       tutti_client_reset_password_finish   (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* PUT /password; the server ends the session: log in again afterwards. */
void           tutti_client_change_password_async   (TuttiClient          *self,
                                                     const char           *current,
                                                     const char           *new_password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       tutti_client_change_password_finish  (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /home */
void           tutti_client_get_home_async          (TuttiClient          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiHome     *tutti_client_get_home_finish         (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /billing/fees or /billing/rentals (BIL-1) */
void           tutti_client_get_billing_async       (TuttiClient          *self,
                                                     TuttiBillingKind      kind,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiBillingStatement *
               tutti_client_get_billing_finish      (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /billing/documents/{operation} → the PDF duplicate (BIL-2); an
 * operation of another family, or none, is TUTTI_API_ERROR_NOT_FOUND. */
void           tutti_client_get_billing_document_async  (TuttiClient      *self,
                                                         const char       *operation,
                                                         GCancellable     *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer          user_data);
GBytes        *tutti_client_get_billing_document_finish (TuttiClient      *self,
                                                         GAsyncResult     *result,
                                                         GError          **error);

/* The family's file (FAM-1, FAM-3, FAM-4, PUP-1..5). A guardian, pupil,
 * course or history record of another family is TUTTI_API_ERROR_NOT_FOUND,
 * exactly like one that does not exist. */

/* GET /family */
void           tutti_client_get_family_async        (TuttiClient          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiFamily   *tutti_client_get_family_finish       (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* PATCH /family/guardians/{id}: @changes (element-type TuttiPendingChange)
 * gives, for each field to change, its field and new_value in the text form
 * of tutti_record_get_text(); the rest of each change is not sent. Answers
 * the guardian read back, the changes pending on it. A 422 names each field
 * refused (tutti_api_error_get_fields()). */
void           tutti_client_patch_guardian_async    (TuttiClient          *self,
                                                     gint64                guardian_id,
                                                     GPtrArray            *changes,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiGuardian *tutti_client_patch_guardian_finish   (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /pupils/{id} */
void           tutti_client_get_pupil_async         (TuttiClient          *self,
                                                     gint64                pupil_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiPupil    *tutti_client_get_pupil_finish        (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* PATCH /pupils/{id}, as tutti_client_patch_guardian_async() */
void           tutti_client_patch_pupil_async       (TuttiClient          *self,
                                                     gint64                pupil_id,
                                                     GPtrArray            *changes,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiPupil    *tutti_client_patch_pupil_finish      (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /pupils/{id}/courses → GPtrArray of TuttiCourse, without their
 * evaluations and absences */
void           tutti_client_list_courses_async      (TuttiClient          *self,
                                                     gint64                pupil_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray     *tutti_client_list_courses_finish     (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /pupils/{id}/courses/{course_id}: the course sheet, with its
 * evaluations and absences */
void           tutti_client_get_course_async        (TuttiClient          *self,
                                                     gint64                pupil_id,
                                                     gint64                course_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiCourse   *tutti_client_get_course_finish       (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /pupils/{id}/history → GPtrArray of TuttiHistoryRecord, without
 * their evaluations */
void           tutti_client_list_history_async      (TuttiClient          *self,
                                                     gint64                pupil_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray     *tutti_client_list_history_finish     (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /pupils/{id}/history/{record_id}/pages/{page}: the record with the
 * evaluations of page @page (from 1); _finish tells the page and how many
 * there are (X-Page, X-Total-Pages). */
void           tutti_client_get_history_record_async  (TuttiClient        *self,
                                                       gint64              pupil_id,
                                                       gint64              record_id,
                                                       guint               page,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
TuttiHistoryRecord *
               tutti_client_get_history_record_finish (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       guint              *page,
                                                       guint              *n_pages,
                                                       GError            **error);

/* GET /pupils/{id}/repertoire → GPtrArray of TuttiPiece */
void           tutti_client_list_repertoire_async   (TuttiClient          *self,
                                                     gint64                pupil_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray     *tutti_client_list_repertoire_finish  (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* The office's validation queue (STAFF-2); a family's token is
 * TUTTI_API_ERROR_FORBIDDEN. @entity is TUTTI_ENTITY_GUARDIAN or
 * TUTTI_ENTITY_PUPIL; a record that does not exist is
 * TUTTI_API_ERROR_NOT_FOUND. */

/* GET /staff/changes → GPtrArray of TuttiChangeGroup, the oldest first */
void           tutti_client_list_change_groups_async  (TuttiClient        *self,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
GPtrArray     *tutti_client_list_change_groups_finish (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* GET /staff/changes/{entity}/{id}: the record's pending changes */
void           tutti_client_get_change_group_async    (TuttiClient        *self,
                                                       TuttiEntity         entity,
                                                       gint64              entity_id,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
TuttiChangeGroup *
               tutti_client_get_change_group_finish   (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* POST /staff/changes/{entity}/{id}/decide: @decisions (element-type
 * TuttiPendingChange) gives for each change its id, its state
 * (TUTTI_CHANGE_ACCEPTED or TUTTI_CHANGE_REFUSED), for a refusal an
 * optional reason, and the new value as the office saw it (nullable: not
 * checked); the rest of each is not sent. All or nothing: a change decided
 * meanwhile, or whose value the family edited since, is
 * TUTTI_API_ERROR_CONFLICT and decides nothing.
 * Answers the changes just decided. */
void           tutti_client_decide_changes_async      (TuttiClient        *self,
                                                       TuttiEntity         entity,
                                                       gint64              entity_id,
                                                       GPtrArray          *decisions,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
TuttiChangeGroup *
               tutti_client_decide_changes_finish     (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* POST /staff/changes/{entity}/{id}/accept-all: every change pending on the
 * record when the server receives it. Answers the changes decided. */
void           tutti_client_accept_all_changes_async  (TuttiClient        *self,
                                                       TuttiEntity         entity,
                                                       gint64              entity_id,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
TuttiChangeGroup *
               tutti_client_accept_all_changes_finish (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* POST /staff/changes/{entity}/{id}/refuse-all, with @reason (nullable)
 * given to each refusal. Answers the changes decided. */
void           tutti_client_refuse_all_changes_async  (TuttiClient        *self,
                                                       TuttiEntity         entity,
                                                       gint64              entity_id,
                                                       const char         *reason,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
TuttiChangeGroup *
               tutti_client_refuse_all_changes_finish (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* Pre-enrolment of new pupils (PRE-1..4, HOME-4). Outside an open
 * pre-enrolment campaign the offer, the question and a new request are
 * TUTTI_API_ERROR_CAMPAIGN_CLOSED; a staff account is
 * TUTTI_API_ERROR_NOT_FOUND on the family's routes. */

/* GET /offer: the open campaign's offer, with the day ages are counted on */
void           tutti_client_get_offer_async         (TuttiClient          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiOffer    *tutti_client_get_offer_finish        (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /preenrolments/question: a new anti-spam question (PRE-3) */
void           tutti_client_get_antispam_question_async  (TuttiClient     *self,
                                                          GCancellable    *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer         user_data);
TuttiAntispamQuestion *
               tutti_client_get_antispam_question_finish (TuttiClient     *self,
                                                          GAsyncResult    *result,
                                                          GError         **error);

/* POST /preenrolments: @request's pupils with their choices (offer_id),
 * email_confirmation, antispam_id, antispam_answer and consent. Sent with
 * @idempotency_key (nullable: a new one); give the same key to every try
 * of the same request, so that a request saved before its answer was lost
 * is answered again rather than saved twice. A 422 names each field
 * refused ("pupils.0.choices.1", "antispam_answer"…). */
void           tutti_client_submit_preenrolment_async  (TuttiClient       *self,
                                                        const TuttiPreenrolment *request,
                                                        const char        *idempotency_key,
                                                        GCancellable      *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer           user_data);
TuttiPreenrolment *
               tutti_client_submit_preenrolment_finish (TuttiClient       *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);

/* GET /preenrolments → GPtrArray of TuttiPreenrolment, the family's
 * requests, newest first, each with its state and the office's reason */
void           tutti_client_list_preenrolments_async  (TuttiClient        *self,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
GPtrArray     *tutti_client_list_preenrolments_finish (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* GET /preenrolments/{id} */
void           tutti_client_get_preenrolment_async    (TuttiClient        *self,
                                                       gint64              preenrolment_id,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
TuttiPreenrolment *
               tutti_client_get_preenrolment_finish   (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* The office's pre-enrolment desk (STAFF-3, STAFF-4); a family's token is
 * TUTTI_API_ERROR_FORBIDDEN. */

/* GET /staff/campaigns → GPtrArray of TuttiCampaign, the latest first */
void           tutti_client_list_staff_campaigns_async  (TuttiClient      *self,
                                                         GCancellable     *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer          user_data);
GPtrArray     *tutti_client_list_staff_campaigns_finish (TuttiClient      *self,
                                                         GAsyncResult     *result,
                                                         GError          **error);

/* PATCH /staff/campaigns/{id} {"open": @open}: opens or closes a campaign
 * now. A campaign that would overlap another open one of its kind is
 * TUTTI_API_ERROR_CONFLICT. Answers the campaign. */
void           tutti_client_set_campaign_open_async   (TuttiClient        *self,
                                                       gint64              campaign_id,
                                                       gboolean            open,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
TuttiCampaign *tutti_client_set_campaign_open_finish  (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* The campaigns themselves (STAFF-3, REE-1); a family's token is
 * TUTTI_API_ERROR_FORBIDDEN, a campaign that does not exist NOT_FOUND. */

/* GET /staff/campaigns/{id}: with its required documents, downloads and
 * whole offer. */
void           tutti_client_get_staff_campaign_async  (TuttiClient        *self,
                                                       gint64              campaign_id,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
TuttiCampaign *tutti_client_get_staff_campaign_finish (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* POST /staff/campaigns: @campaign's kind, school_year, opens_at (%NULL:
 * now), deadline, open, required_documents (known kinds by id, new ones
 * with their name) and offer are sent; its id and the offer items' ids are
 * the server's, its downloads must be empty (upload each afterwards). A 422
 * names each field refused ("school_year", "deadline",
 * "required_documents.N.name", "offer.N.discipline"…); a campaign that
 * would overlap another open one of its kind is CONFLICT naming "open".
 * Answers the new campaign (201). */
void           tutti_client_create_campaign_async     (TuttiClient        *self,
                                                       const TuttiCampaign *campaign,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
TuttiCampaign *tutti_client_create_campaign_finish    (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* The members of a campaign PATCH can change. */
typedef enum
{
  TUTTI_CAMPAIGN_MEMBER_SCHOOL_YEAR        = 1 << 0,
  TUTTI_CAMPAIGN_MEMBER_OPENS_AT           = 1 << 1,
  TUTTI_CAMPAIGN_MEMBER_DEADLINE           = 1 << 2,
  TUTTI_CAMPAIGN_MEMBER_OPEN               = 1 << 3,
  TUTTI_CAMPAIGN_MEMBER_REQUIRED_DOCUMENTS = 1 << 4,
} TuttiCampaignMembers;

/* PATCH /staff/campaigns/{id} with the @members of @changes, and only
 * those (the required documents replace the list). A 422 names each field
 * refused; an overlap with another open campaign of the kind is CONFLICT
 * naming "open". Answers the campaign as it is now. */
void           tutti_client_update_campaign_async     (TuttiClient        *self,
                                                       gint64              campaign_id,
                                                       const TuttiCampaign *changes,
                                                       TuttiCampaignMembers members,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
TuttiCampaign *tutti_client_update_campaign_finish    (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* PUT /staff/campaigns/{id}/offer: @offer (element-type TuttiOfferItem) is
 * the whole offer: items with an id of the campaign are updated, those
 * with id 0 added, the others removed. A 422 names "offer.N.<field>"; a
 * removal of a place a re-enrolment chose is CONFLICT naming "offer".
 * Answers the campaign with its offer as stored (new ids). */
void           tutti_client_put_campaign_offer_async  (TuttiClient        *self,
                                                       gint64              campaign_id,
                                                       GPtrArray          *offer,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
TuttiCampaign *tutti_client_put_campaign_offer_finish (TuttiClient        *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* POST /staff/campaigns/{id}/downloads: the PDF @content, which families
 * see as @name (nullable: the file name without its extension), saved as
 * @file_name (nullable: document.pdf). Over TUTTI_API_MAX_UPLOAD:
 * FILE_TOO_LARGE; not a PDF by content: UNSUPPORTED_FILE_TYPE. */
void           tutti_client_upload_campaign_download_async  (TuttiClient  *self,
                                                             gint64        campaign_id,
                                                             const char   *name,
                                                             const char   *file_name,
                                                             GBytes       *content,
                                                             GCancellable *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer      user_data);
TuttiDownload *tutti_client_upload_campaign_download_finish (TuttiClient  *self,
                                                             GAsyncResult *result,
                                                             GError      **error);

/* DELETE /staff/campaigns/{id}/downloads/{download_id} */
void           tutti_client_delete_campaign_download_async  (TuttiClient  *self,
                                                             gint64        campaign_id,
                                                             gint64        download_id,
                                                             GCancellable *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer      user_data);
gboolean       tutti_client_delete_campaign_download_finish (TuttiClient  *self,
                                                             GAsyncResult *result,
                                                             GError      **error);

/* GET /staff/preenrolments[?state=…] → GPtrArray of TuttiStaffPreenrolment,
 * the oldest first; @state is a TuttiPreenrolmentState, or -1 for all. */
void           tutti_client_list_staff_preenrolments_async  (TuttiClient  *self,
                                                             int           state,
                                                             GCancellable *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer      user_data);
GPtrArray     *tutti_client_list_staff_preenrolments_finish (TuttiClient  *self,
                                                             GAsyncResult *result,
                                                             GError      **error);

/* GET /staff/preenrolments/{id} */
void           tutti_client_get_staff_preenrolment_async  (TuttiClient    *self,
                                                           gint64          preenrolment_id,
                                                           GCancellable   *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer        user_data);
TuttiStaffPreenrolment *
               tutti_client_get_staff_preenrolment_finish (TuttiClient    *self,
                                                           GAsyncResult   *result,
                                                           GError        **error);

/* POST /staff/preenrolments/{id}/accept: the new pupils join the family
 * with their courses. A request already answered, or a choice without a
 * place left, is TUTTI_API_ERROR_CONFLICT. Answers the request. */
void           tutti_client_accept_preenrolment_async  (TuttiClient       *self,
                                                        gint64             preenrolment_id,
                                                        GCancellable      *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer           user_data);
TuttiStaffPreenrolment *
               tutti_client_accept_preenrolment_finish (TuttiClient       *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);

/* POST /staff/preenrolments/{id}/refuse with @reason (required). */
void           tutti_client_refuse_preenrolment_async  (TuttiClient       *self,
                                                        gint64             preenrolment_id,
                                                        const char        *reason,
                                                        GCancellable      *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer           user_data);
TuttiStaffPreenrolment *
               tutti_client_refuse_preenrolment_finish (TuttiClient       *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);

/* Documents (FAM-2, REE-3 step 3) and re-enrolment (REE-2..4, HOME-3). */

/* GET /family/documents → GPtrArray of TuttiDocument, with "to-provide"
 * rows for the documents the open campaign asks for */
void           tutti_client_list_documents_async    (TuttiClient          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray     *tutti_client_list_documents_finish   (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* POST /family/documents: @content as the body, of kind @kind (a
 * TuttiDocumentKind id or TUTTI_API_DOCUMENT_KIND_OTHER), named @file_name
 * (nullable); @idempotency_key (nullable: a new one) is given to every try
 * of the same upload. Over TUTTI_API_MAX_UPLOAD: FILE_TOO_LARGE; not a PDF,
 * JPEG or PNG by content: UNSUPPORTED_FILE_TYPE. */
void           tutti_client_upload_document_async   (TuttiClient          *self,
                                                     const char           *kind,
                                                     const char           *file_name,
                                                     GBytes               *content,
                                                     const char           *idempotency_key,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiDocument *tutti_client_upload_document_finish  (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /family/documents/{id}: the bytes, and their type */
void           tutti_client_get_document_async      (TuttiClient          *self,
                                                     gint64                document_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GBytes        *tutti_client_get_document_finish     (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     char                **content_type,
                                                     GError              **error);

/* DELETE /family/documents/{id} */
void           tutti_client_delete_document_async   (TuttiClient          *self,
                                                     gint64                document_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       tutti_client_delete_document_finish  (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* The office's documents (STAFF-2); a family's token is
 * TUTTI_API_ERROR_FORBIDDEN. */

/* GET /staff/documents[?state=…][&family=ID] → GPtrArray of TuttiDocument,
 * the oldest first; @state is a TuttiDocumentState, or -1 for all;
 * @family_id 0 for every family. */
void           tutti_client_list_staff_documents_async  (TuttiClient      *self,
                                                         int               state,
                                                         gint64            family_id,
                                                         GCancellable     *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer          user_data);
GPtrArray     *tutti_client_list_staff_documents_finish (TuttiClient      *self,
                                                         GAsyncResult     *result,
                                                         GError          **error);

/* GET /staff/documents/{id}: the bytes of any family's document, and their
 * type, as tutti_client_get_document_async() gives a family its own. */
void           tutti_client_get_staff_document_async    (TuttiClient      *self,
                                                         gint64            document_id,
                                                         GCancellable     *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer          user_data);
GBytes        *tutti_client_get_staff_document_finish   (TuttiClient      *self,
                                                         GAsyncResult     *result,
                                                         char            **content_type,
                                                         GError          **error);

/* POST /staff/documents/{id}/decide: TUTTI_DOCUMENT_ACCEPTED, or
 * TUTTI_DOCUMENT_REFUSED with @reason (required: a refusal without one is
 * TUTTI_API_ERROR_INVALID naming "reason"). A decision can be changed.
 * Answers the document with its new state and reason. */
void           tutti_client_decide_document_async       (TuttiClient      *self,
                                                         gint64            document_id,
                                                         TuttiDocumentState state,
                                                         const char       *reason,
                                                         GCancellable     *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer          user_data);
TuttiDocument *tutti_client_decide_document_finish      (TuttiClient      *self,
                                                         GAsyncResult     *result,
                                                         GError          **error);

/* GET /campaigns/{id}/downloads/{download_id} → the PDF (HOME-3) */
void           tutti_client_get_campaign_download_async  (TuttiClient     *self,
                                                          gint64           campaign_id,
                                                          gint64           download_id,
                                                          GCancellable    *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer         user_data);
GBytes        *tutti_client_get_campaign_download_finish (TuttiClient     *self,
                                                          GAsyncResult    *result,
                                                          GError         **error);

/* GET /pupils/{id}/reenrolment */
void           tutti_client_get_reenrolment_async   (TuttiClient          *self,
                                                     gint64                pupil_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TuttiReenrolmentFile *
               tutti_client_get_reenrolment_finish  (TuttiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* PUT /pupils/{id}/reenrolment: @draft's step (1 to 5) says which step's
 * members are saved. A closed campaign is CAMPAIGN_CLOSED; a 422 names
 * each field refused. */
void           tutti_client_save_reenrolment_step_async  (TuttiClient     *self,
                                                          gint64           pupil_id,
                                                          const TuttiReenrolment *draft,
                                                          GCancellable    *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer         user_data);
TuttiReenrolmentFile *
               tutti_client_save_reenrolment_step_finish (TuttiClient     *self,
                                                          GAsyncResult    *result,
                                                          GError         **error);

/* POST /pupils/{id}/reenrolment/decline (REE-2) */
void           tutti_client_decline_reenrolment_async   (TuttiClient      *self,
                                                         gint64            pupil_id,
                                                         GCancellable     *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer          user_data);
TuttiReenrolmentFile *
               tutti_client_decline_reenrolment_finish  (TuttiClient      *self,
                                                         GAsyncResult     *result,
                                                         GError          **error);

/* POST /pupils/{id}/reenrolment/submit with @idempotency_key (nullable: a
 * new one); give the same key to every try of the same submission. */
void           tutti_client_submit_reenrolment_async    (TuttiClient      *self,
                                                         gint64            pupil_id,
                                                         const char       *idempotency_key,
                                                         GCancellable     *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer          user_data);
TuttiReenrolmentFile *
               tutti_client_submit_reenrolment_finish   (TuttiClient      *self,
                                                         GAsyncResult     *result,
                                                         GError          **error);

/* POST /staff/reenrolments/{id}/decide: TUTTI_REENROLMENT_VALIDATED, or
 * TUTTI_REENROLMENT_REFUSED with @reason (STAFF-4) */
void           tutti_client_decide_reenrolment_async    (TuttiClient      *self,
                                                         gint64            reenrolment_id,
                                                         TuttiReenrolmentState state,
                                                         const char       *reason,
                                                         GCancellable     *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer          user_data);
TuttiReenrolmentFile *
               tutti_client_decide_reenrolment_finish   (TuttiClient      *self,
                                                         GAsyncResult     *result,
                                                         GError          **error);

/* The office's re-enrolment desk (STAFF-2, STAFF-4); a family's token is
 * TUTTI_API_ERROR_FORBIDDEN. The documents' content comes with
 * tutti_client_get_staff_document_async(), the contact changes are
 * decided with tutti_client_decide_changes_async(). */

/* GET /staff/reenrolments[?state=…][&campaign=ID] → GPtrArray of
 * TuttiReenrolmentSummary: every pupil of the campaign (@campaign_id 0:
 * the current re-enrolment campaign; none is an empty list), by family
 * then pupil; @state is a TuttiReenrolmentState, or -1 for all. A pupil
 * whose family has not started has id 0. */
void           tutti_client_list_staff_reenrolments_async  (TuttiClient   *self,
                                                            int            state,
                                                            gint64         campaign_id,
                                                            GCancellable  *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer       user_data);
GPtrArray     *tutti_client_list_staff_reenrolments_finish (TuttiClient   *self,
                                                            GAsyncResult  *result,
                                                            GError       **error);

/* GET /staff/reenrolments/{id}: the whole file, as the family gets it */
void           tutti_client_get_staff_reenrolment_async    (TuttiClient   *self,
                                                            gint64         reenrolment_id,
                                                            GCancellable  *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer       user_data);
TuttiReenrolmentFile *
               tutti_client_get_staff_reenrolment_finish   (TuttiClient   *self,
                                                            GAsyncResult  *result,
                                                            GError       **error);

/* POST /staff/reenrolments/{id}/documents/{doc_id}/decide:
 * TUTTI_DOCUMENT_ACCEPTED, or TUTTI_DOCUMENT_REFUSED with @reason
 * (required: TUTTI_API_ERROR_INVALID naming "reason" without one). A
 * document of another family is TUTTI_API_ERROR_NOT_FOUND. Answers the
 * document with its new state and reason. */
void           tutti_client_decide_reenrolment_document_async  (TuttiClient *self,
                                                                gint64       reenrolment_id,
                                                                gint64       document_id,
                                                                TuttiDocumentState state,
                                                                const char  *reason,
                                                                GCancellable *cancellable,
                                                                GAsyncReadyCallback callback,
                                                                gpointer     user_data);
TuttiDocument *tutti_client_decide_reenrolment_document_finish (TuttiClient *self,
                                                                GAsyncResult *result,
                                                                GError     **error);

G_END_DECLS
