/* tutti-window-private.h — what the UI test reaches to drive the real widgets
 *
 * Not for the application's own use: views talk to each other through their
 * public headers. The test fills and activates these very widgets, as a
 * person would with the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-accessibility-view.h"
#include "tutti-billing-view.h"
#include "tutti-document-view.h"
#include "tutti-documents-page.h"
#include "tutti-home-view.h"
#include "tutti-campaign-dialog.h"
#include "tutti-campaign-form.h"
#include "tutti-course-sheet.h"
#include "tutti-family-view.h"
#include "tutti-history-record-dialog.h"
#include "tutti-pupils-view.h"
#include "tutti-reenrolment-view.h"
#include "tutti-record-form.h"
#include "tutti-record-table.h"
#include "tutti-login-page.h"
#include "tutti-lost-password-dialog.h"
#include "tutti-password-view.h"
#include "tutti-preenrolment-dialog.h"
#include "tutti-staff-campaigns-view.h"
#include "tutti-staff-documents-page.h"
#include "tutti-staff-preenrolments-view.h"
#include "tutti-staff-reenrolments-view.h"
#include "tutti-staff-queue-view.h"
#include "tutti-window.h"

G_BEGIN_DECLS

/* "login" or "main" */
const char             *tutti_window_get_page_name               (TuttiWindow       *self);
/* "home", "billing", "password" or "accessibility" */
const char             *tutti_window_get_view_name               (TuttiWindow       *self);
TuttiLoginPage         *tutti_window_get_login_page              (TuttiWindow       *self);
TuttiHomeView          *tutti_window_get_home_view               (TuttiWindow       *self);
TuttiBillingView       *tutti_window_get_billing_view            (TuttiWindow       *self);
TuttiPasswordView      *tutti_window_get_password_view           (TuttiWindow       *self);
TuttiAccessibilityView *tutti_window_get_accessibility_view      (TuttiWindow       *self);
GtkListBoxRow          *tutti_window_get_sidebar_row             (TuttiWindow       *self,
                                                                  const char        *view_name);

/* "form" or "auto" (logging in by itself) */
const char             *tutti_login_page_get_state               (TuttiLoginPage    *self);
AdwComboRow            *tutti_login_page_get_site_row            (TuttiLoginPage    *self);
AdwEntryRow            *tutti_login_page_get_identifier_row      (TuttiLoginPage    *self);
AdwEntryRow            *tutti_login_page_get_password_row        (TuttiLoginPage    *self);
GtkWidget              *tutti_login_page_get_remember_row        (TuttiLoginPage    *self);
GtkSwitch              *tutti_login_page_get_remember_switch     (TuttiLoginPage    *self);
GtkButton              *tutti_login_page_get_log_in_button       (TuttiLoginPage    *self);
GtkButton              *tutti_login_page_get_lost_password_button (TuttiLoginPage   *self);
GtkButton              *tutti_login_page_get_help_button         (TuttiLoginPage    *self);
GtkButton              *tutti_login_page_get_retry_button        (TuttiLoginPage    *self);
gboolean                tutti_login_page_get_busy                (TuttiLoginPage    *self);
/* (nullable): the message shown above the form, %NULL when none is. */
const char             *tutti_login_page_get_message             (TuttiLoginPage    *self);

/* "form" or "done" */
const char             *tutti_lost_password_dialog_get_state     (TuttiLostPasswordDialog *self);
AdwEntryRow            *tutti_lost_password_dialog_get_email_row (TuttiLostPasswordDialog *self);
GtkButton              *tutti_lost_password_dialog_get_send_button (TuttiLostPasswordDialog *self);

/* "loading", "error" or "content" */
const char             *tutti_home_view_get_state                (TuttiHomeView     *self);
GtkLabel               *tutti_home_view_get_logged_in_label      (TuttiHomeView     *self);
/* The rows of the pupils group, in order (AdwActionRow). */
GPtrArray              *tutti_home_view_get_pupil_rows           (TuttiHomeView     *self);
/* The rows of the re-enrolment group, in order (AdwActionRow). */
GPtrArray              *tutti_home_view_get_reenrolment_rows     (TuttiHomeView     *self);

AdwEntryRow            *tutti_password_view_get_current_row      (TuttiPasswordView *self);
AdwEntryRow            *tutti_password_view_get_new_row          (TuttiPasswordView *self);
AdwEntryRow            *tutti_password_view_get_confirm_row      (TuttiPasswordView *self);
GtkButton              *tutti_password_view_get_save_button      (TuttiPasswordView *self);
/* How many lines of the checklist are met, out of @n_rules. */
guint                   tutti_password_view_count_met_rules      (TuttiPasswordView *self,
                                                                  guint             *n_rules);
gboolean                tutti_password_view_get_busy             (TuttiPasswordView *self);
/* (nullable): the error shown under the field @key ("current", "new",
 * "confirm") or under the form ("general"). */
const char             *tutti_password_view_get_error            (TuttiPasswordView *self,
                                                                  const char        *key);

/* Billing (BIL-1, BIL-2); @kind is TUTTI_BILLING_FEE or TUTTI_BILLING_RENTAL. */
/* "loading", "error", "empty" or "content" */
const char             *tutti_billing_view_get_state             (TuttiBillingView  *self,
                                                                  TuttiBillingKind   kind);
/* (nullable): why the list of @kind could not be shown, %NULL when it is. */
const char             *tutti_billing_view_get_error             (TuttiBillingView  *self,
                                                                  TuttiBillingKind   kind);
/* Shows the tab of @kind, as clicking it does. */
void                    tutti_billing_view_show_kind             (TuttiBillingView  *self,
                                                                  TuttiBillingKind   kind);
TuttiBillingKind        tutti_billing_view_get_visible_kind      (TuttiBillingView  *self);
GtkSearchEntry         *tutti_billing_view_get_search_entry      (TuttiBillingView  *self,
                                                                  TuttiBillingKind   kind);
GtkColumnView          *tutti_billing_view_get_column_view       (TuttiBillingView  *self,
                                                                  TuttiBillingKind   kind);
/* The column of the field @key of TuttiBillingLine ("date", "debit"…). */
GtkColumnViewColumn    *tutti_billing_view_get_column            (TuttiBillingView  *self,
                                                                  TuttiBillingKind   kind,
                                                                  const char        *key);
/* How many lines the list shows, after the search, and the one at
 * @position in the order shown. */
guint                   tutti_billing_view_get_n_shown           (TuttiBillingView  *self,
                                                                  TuttiBillingKind   kind);
const TuttiBillingLine *tutti_billing_view_get_shown_line        (TuttiBillingView  *self,
                                                                  TuttiBillingKind   kind,
                                                                  guint              position);
/* @key: "invoiced", "paid" or "balance" */
GtkLabel               *tutti_billing_view_get_total_label       (TuttiBillingView  *self,
                                                                  TuttiBillingKind   kind,
                                                                  const char        *key);
/* "Settled", "To pay" or "In your favour", beside the balance. */
GtkLabel               *tutti_billing_view_get_balance_state_label (TuttiBillingView *self,
                                                                    TuttiBillingKind  kind);
/* (nullable): the document preview opened from the view. */
TuttiDocumentView      *tutti_billing_view_get_document_view     (TuttiBillingView  *self);

/* "loading", "error" or "content" */
const char             *tutti_document_view_get_state            (TuttiDocumentView *self);
int                     tutti_document_view_get_n_pages          (TuttiDocumentView *self);
/* How many pages have been drawn at the current zoom. */
guint                   tutti_document_view_get_n_pages_drawn    (TuttiDocumentView *self);
/* The name Save proposes. */
const char             *tutti_document_view_get_file_name        (TuttiDocumentView *self);
/* Whether a file is being written (tutti_document_view_save_to()). */
gboolean                tutti_document_view_get_saving           (TuttiDocumentView *self);
double                  tutti_document_view_get_zoom             (TuttiDocumentView *self);
gboolean                tutti_document_view_get_fit_width        (TuttiDocumentView *self);
/* (nullable): why the document is not shown, %NULL when it is. */
const char             *tutti_document_view_get_error            (TuttiDocumentView *self);
GtkButton              *tutti_document_view_get_retry_button     (TuttiDocumentView *self);
/* Print's drawing of the pages (GtkPrintOperation), into a PDF file. */
gboolean                tutti_document_view_export               (TuttiDocumentView *self,
                                                                  const char        *path,
                                                                  GError           **error);

/* The office's validation queue (STAFF-1, STAFF-2): the window's view
 * "validation" and its sidebar row, shown to staff accounts only. */
TuttiStaffQueueView    *tutti_window_get_staff_queue_view        (TuttiWindow       *self);
/* The number beside "Validation" in the sidebar, hidden at 0. */
GtkLabel               *tutti_window_get_staff_queue_count_label (TuttiWindow       *self);
/* The queue: "loading", "error", "empty" or "content" */
const char             *tutti_staff_queue_view_get_state         (TuttiStaffQueueView *self);
/* "queue" or "detail" (a record's changes) */
const char             *tutti_staff_queue_view_get_page_name     (TuttiStaffQueueView *self);
GtkSearchEntry         *tutti_staff_queue_view_get_search_entry  (TuttiStaffQueueView *self);
GtkColumnView          *tutti_staff_queue_view_get_column_view   (TuttiStaffQueueView *self);
GtkButton              *tutti_staff_queue_view_get_refresh_button (TuttiStaffQueueView *self);
/* How many records the list shows, after the search, and the one at
 * @position in the order shown. */
guint                   tutti_staff_queue_view_get_n_shown       (TuttiStaffQueueView *self);
const TuttiChangeGroup *tutti_staff_queue_view_get_shown_group   (TuttiStaffQueueView *self,
                                                                  guint              position);
/* (nullable): the record open on the detail page. */
const TuttiChangeGroup *tutti_staff_queue_view_get_detail_group  (TuttiStaffQueueView *self);
/* Whether the open record is being checked again with the server. */
gboolean                tutti_staff_queue_view_get_detail_loading (TuttiStaffQueueView *self);
AdwWindowTitle         *tutti_staff_queue_view_get_detail_title  (TuttiStaffQueueView *self);
/* The row of the change of @field ("town"…) on the detail page, its
 * "old → new" label, its Accept and Refuse toggles and the reason shown
 * under a refusal. */
AdwPreferencesRow      *tutti_staff_queue_view_get_change_row    (TuttiStaffQueueView *self,
                                                                  const char        *field);
GtkLabel               *tutti_staff_queue_view_get_values_label  (TuttiStaffQueueView *self,
                                                                  const char        *field);
GtkToggleButton        *tutti_staff_queue_view_get_accept_button (TuttiStaffQueueView *self,
                                                                  const char        *field);
GtkToggleButton        *tutti_staff_queue_view_get_refuse_button (TuttiStaffQueueView *self,
                                                                  const char        *field);
AdwEntryRow            *tutti_staff_queue_view_get_reason_row    (TuttiStaffQueueView *self,
                                                                  const char        *field);
GtkButton              *tutti_staff_queue_view_get_apply_button  (TuttiStaffQueueView *self);
GtkButton              *tutti_staff_queue_view_get_accept_all_button (TuttiStaffQueueView *self);
GtkButton              *tutti_staff_queue_view_get_refuse_all_button (TuttiStaffQueueView *self);
GtkButton              *tutti_staff_queue_view_get_back_button   (TuttiStaffQueueView *self);
GtkLabel               *tutti_staff_queue_view_get_summary_label (TuttiStaffQueueView *self);
/* Whether decisions are on their way to the server. */
gboolean                tutti_staff_queue_view_get_busy          (TuttiStaffQueueView *self);
/* (nullable): the message above the changes (an error), %NULL when none. */
const char             *tutti_staff_queue_view_get_message       (TuttiStaffQueueView *self);
/* (nullable): the title of the last toast shown. */
const char             *tutti_staff_queue_view_get_last_toast    (TuttiStaffQueueView *self);
/* The tabs: "changes" or "documents". */
const char             *tutti_staff_queue_view_get_tab           (TuttiStaffQueueView *self);
void                    tutti_staff_queue_view_show_tab          (TuttiStaffQueueView *self,
                                                                  const char        *name);
TuttiStaffDocumentsPage *tutti_staff_queue_view_get_documents_page (TuttiStaffQueueView *self);

/* The documents awaiting a decision (STAFF-2), the queue's second tab. */
/* "loading", "error", "empty" or "content" */
const char             *tutti_staff_documents_page_get_state     (TuttiStaffDocumentsPage *self);
GtkSearchEntry         *tutti_staff_documents_page_get_search_entry (TuttiStaffDocumentsPage *self);
/* Its rows' buttons carry the actions staff-documents.view, .accept and
 * .refuse with the document's id as target. */
GtkColumnView          *tutti_staff_documents_page_get_column_view (TuttiStaffDocumentsPage *self);
/* How many documents the list shows, after the search, and the one at
 * @position in the order shown. */
guint                   tutti_staff_documents_page_get_n_shown   (TuttiStaffDocumentsPage *self);
const TuttiDocument    *tutti_staff_documents_page_get_shown_document (TuttiStaffDocumentsPage *self,
                                                                       guint             position);
/* Whether a decision is on its way; whether the list is being loaded. */
gboolean                tutti_staff_documents_page_get_busy      (TuttiStaffDocumentsPage *self);
gboolean                tutti_staff_documents_page_get_loading   (TuttiStaffDocumentsPage *self);
/* (nullable): the preview open (TuttiDocumentView for a PDF). */
GtkWindow              *tutti_staff_documents_page_get_preview   (TuttiStaffDocumentsPage *self);
/* (nullable): the dialog asking for a refusal's reason, and its row. */
AdwMessageDialog       *tutti_staff_documents_page_get_refusal_dialog (TuttiStaffDocumentsPage *self);
AdwEntryRow            *tutti_staff_documents_page_get_refusal_reason_row (TuttiStaffDocumentsPage *self);
/* (nullable): the message under the reason, %NULL when none. */
const char             *tutti_staff_documents_page_get_refusal_error (TuttiStaffDocumentsPage *self);
/* (nullable): the title of the last toast shown. */
const char             *tutti_staff_documents_page_get_last_toast (TuttiStaffDocumentsPage *self);

/* The family's file (FAM-1, FAM-3, FAM-4) and the pupils' (PUP-1..5). */
TuttiFamilyView        *tutti_window_get_family_view             (TuttiWindow       *self);
TuttiPupilsView        *tutti_window_get_pupils_view             (TuttiWindow       *self);

/* "loading", "error" or "content" */
const char             *tutti_family_view_get_state              (TuttiFamilyView   *self);
/* Loading or saving. */
gboolean                tutti_family_view_get_busy               (TuttiFamilyView   *self);
guint                   tutti_family_view_get_n_guardians        (TuttiFamilyView   *self);
/* The title of guardian @index's page in the switcher ("MARTIN Claire"). */
const char             *tutti_family_view_get_guardian_title     (TuttiFamilyView   *self,
                                                                  guint              index);
void                    tutti_family_view_show_guardian          (TuttiFamilyView   *self,
                                                                  guint              index);
gboolean                tutti_family_view_get_switcher_visible   (TuttiFamilyView   *self);
TuttiRecordForm        *tutti_family_view_get_form               (TuttiFamilyView   *self,
                                                                  guint              index);
GtkButton              *tutti_family_view_get_save_button        (TuttiFamilyView   *self,
                                                                  guint              index);
/* FAM-4's line under guardian @index's form. */
const char             *tutti_family_view_get_contact_text       (TuttiFamilyView   *self,
                                                                  guint              index);
/* (nullable): the banner's text when it is shown. */
const char             *tutti_family_view_get_banner_text        (TuttiFamilyView   *self);
/* FAM-2: the "My documents" tab, after the guardians' pages. */
TuttiDocumentsPage     *tutti_family_view_get_documents_page     (TuttiFamilyView   *self);
void                    tutti_family_view_show_documents         (TuttiFamilyView   *self);
const char             *tutti_family_view_get_documents_title    (TuttiFamilyView   *self);

/* "loading", "error", "empty" or "content" */
const char             *tutti_pupils_view_get_state              (TuttiPupilsView   *self);
GtkDropDown            *tutti_pupils_view_get_pupil_dropdown     (TuttiPupilsView   *self);
gint64                  tutti_pupils_view_get_pupil_id           (TuttiPupilsView   *self);
/* @name: "identity", "courses", "history" or "repertoire" */
void                    tutti_pupils_view_show_tab               (TuttiPupilsView   *self,
                                                                  const char        *name);
const char             *tutti_pupils_view_get_tab                (TuttiPupilsView   *self);
/* "loading", "error" or "content" */
const char             *tutti_pupils_view_get_identity_state     (TuttiPupilsView   *self);
/* (nullable): the pupil's record the Identity tab shows. */
const TuttiPupil       *tutti_pupils_view_get_pupil              (TuttiPupilsView   *self);
TuttiRecordForm        *tutti_pupils_view_get_form               (TuttiPupilsView   *self);
GtkButton              *tutti_pupils_view_get_save_button        (TuttiPupilsView   *self);
gboolean                tutti_pupils_view_get_busy               (TuttiPupilsView   *self);
const char             *tutti_pupils_view_get_banner_text        (TuttiPupilsView   *self);
const char             *tutti_pupils_view_get_contact_text       (TuttiPupilsView   *self);
/* @name: "courses", "history" or "repertoire" */
TuttiRecordTable       *tutti_pupils_view_get_list               (TuttiPupilsView   *self,
                                                                  const char        *name);
/* (nullable): the course sheet, history record or piece opened last. */
GtkWindow              *tutti_pupils_view_get_dialog             (TuttiPupilsView   *self);

/* "loading", "error" or "content" */
const char             *tutti_course_sheet_get_state             (TuttiCourseSheet  *self);
const char             *tutti_course_sheet_get_title             (TuttiCourseSheet  *self);
/* @name: "course", "evaluations" or "absences" */
void                    tutti_course_sheet_show_tab              (TuttiCourseSheet  *self,
                                                                  const char        *name);
const char             *tutti_course_sheet_get_tab_title         (TuttiCourseSheet  *self,
                                                                  const char        *name);
/* @name: "evaluations" or "absences" */
TuttiRecordTable       *tutti_course_sheet_get_list              (TuttiCourseSheet  *self,
                                                                  const char        *name);
/* The Course tab's group of every field. */
GtkWidget              *tutti_course_sheet_get_course_group      (TuttiCourseSheet  *self);
/* (nullable): the detail of an evaluation or an absence, when open. */
GtkWindow              *tutti_course_sheet_get_detail            (TuttiCourseSheet  *self);

/* "loading", "error" or "content" */
const char             *tutti_history_record_dialog_get_state    (TuttiHistoryRecordDialog *self);
gboolean                tutti_history_record_dialog_get_busy     (TuttiHistoryRecordDialog *self);
/* "1 / 2" */
const char             *tutti_history_record_dialog_get_page_text (TuttiHistoryRecordDialog *self);
guint                   tutti_history_record_dialog_get_page     (TuttiHistoryRecordDialog *self);
/* "Year 2021/2022", "From 13/09/2021 to 07/07/2022" */
const char             *tutti_history_record_dialog_get_heading  (TuttiHistoryRecordDialog *self);
const char             *tutti_history_record_dialog_get_dates    (TuttiHistoryRecordDialog *self);
/* (nullable): the value shown for the record's field @key. */
const char             *tutti_history_record_dialog_get_value    (TuttiHistoryRecordDialog *self,
                                                                  const char               *key);
TuttiRecordTable       *tutti_history_record_dialog_get_list     (TuttiHistoryRecordDialog *self);
/* @name: "record" or "evaluations" */
void                    tutti_history_record_dialog_show_tab     (TuttiHistoryRecordDialog *self,
                                                                  const char               *name);

/* Pre-enrolment (PRE-1..4, HOME-4): home's button and the family's
 * requests, then the request's dialog. */
GtkButton              *tutti_home_view_get_new_request_button   (TuttiHomeView     *self);
/* The rows of the family's requests (AdwActionRow), newest first. */
GPtrArray              *tutti_home_view_get_preenrolment_rows    (TuttiHomeView     *self);
/* HOME-3: Download the re-enrolment documents — the button shown for one
 * download, the menu button for several (neither for none), the menu's
 * items (home.open-download with (campaign id, download id)), and the
 * TuttiDocumentView of the download opened last (nullable). */
GtkButton              *tutti_home_view_get_download_button      (TuttiHomeView     *self);
GtkMenuButton          *tutti_home_view_get_downloads_menu_button (TuttiHomeView    *self);
GMenuModel             *tutti_home_view_get_downloads_menu       (TuttiHomeView     *self);
TuttiDocumentView      *tutti_home_view_get_document_view        (TuttiHomeView     *self);

/* "loading", "error", "list", "pupil", "confirm" or "done" */
const char             *tutti_preenrolment_dialog_get_page_name  (TuttiPreenrolmentDialog *self);
const TuttiOffer       *tutti_preenrolment_dialog_get_offer      (TuttiPreenrolmentDialog *self);
GtkButton              *tutti_preenrolment_dialog_get_add_pupil_button (TuttiPreenrolmentDialog *self);
GtkButton              *tutti_preenrolment_dialog_get_next_button (TuttiPreenrolmentDialog *self);
/* The pupil page's Add (or Done) and the Back of the page shown. */
GtkButton              *tutti_preenrolment_dialog_get_pupil_done_button (TuttiPreenrolmentDialog *self);
GtkButton              *tutti_preenrolment_dialog_get_back_button (TuttiPreenrolmentDialog *self);
/* The row of @key: a TuttiNewPupil field ("civility", "surname",
 * "first_name", "birth_date", "birth_place", "school_level"), "choices",
 * "email_confirmation", "antispam_answer" or "consent" (the check). */
GtkWidget              *tutti_preenrolment_dialog_get_field_row  (TuttiPreenrolmentDialog *self,
                                                                  const char        *key);
/* (nullable): the message shown under the field @key. */
const char             *tutti_preenrolment_dialog_get_field_error (TuttiPreenrolmentDialog *self,
                                                                   const char        *key);
/* The line above the disciplines: the pupil's age on the offer's date. */
const char             *tutti_preenrolment_dialog_get_age_text   (TuttiPreenrolmentDialog *self);
AdwComboRow            *tutti_preenrolment_dialog_get_discipline_row (TuttiPreenrolmentDialog *self);
/* Whether the discipline combo offers @discipline at the age typed. */
gboolean                tutti_preenrolment_dialog_offers_discipline (TuttiPreenrolmentDialog *self,
                                                                     const char        *discipline);
/* Picks @discipline in the combo, as a person would; FALSE when not offered. */
gboolean                tutti_preenrolment_dialog_select_discipline (TuttiPreenrolmentDialog *self,
                                                                     const char        *discipline);
/* (nullable): the row and check of offer item @offer_id among the sites
 * and cursus of the discipline shown. */
GtkWidget              *tutti_preenrolment_dialog_get_item_row   (TuttiPreenrolmentDialog *self,
                                                                  gint64             offer_id);
GtkCheckButton         *tutti_preenrolment_dialog_get_item_check (TuttiPreenrolmentDialog *self,
                                                                  gint64             offer_id);
guint                   tutti_preenrolment_dialog_get_n_chosen   (TuttiPreenrolmentDialog *self);
/* The pupils of the request, and their groups on the list page. */
guint                   tutti_preenrolment_dialog_get_n_pupils   (TuttiPreenrolmentDialog *self);
const TuttiNewPupil    *tutti_preenrolment_dialog_get_pupil      (TuttiPreenrolmentDialog *self,
                                                                  guint              index);
AdwPreferencesGroup    *tutti_preenrolment_dialog_get_pupil_group (TuttiPreenrolmentDialog *self,
                                                                   guint              index);
AdwEntryRow            *tutti_preenrolment_dialog_get_email_row  (TuttiPreenrolmentDialog *self);
AdwEntryRow            *tutti_preenrolment_dialog_get_answer_row (TuttiPreenrolmentDialog *self);
GtkCheckButton         *tutti_preenrolment_dialog_get_consent_check (TuttiPreenrolmentDialog *self);
GtkButton              *tutti_preenrolment_dialog_get_save_button (TuttiPreenrolmentDialog *self);
const char             *tutti_preenrolment_dialog_get_notice     (TuttiPreenrolmentDialog *self);
/* (nullable): the anti-spam question shown. */
const char             *tutti_preenrolment_dialog_get_question   (TuttiPreenrolmentDialog *self);
/* Sending, or loading the question. */
gboolean                tutti_preenrolment_dialog_get_busy       (TuttiPreenrolmentDialog *self);
/* (nullable): the message above the page shown (an error). */
const char             *tutti_preenrolment_dialog_get_message    (TuttiPreenrolmentDialog *self);
/* The final message (PRE-4) and the request saved. */
const char             *tutti_preenrolment_dialog_get_done_text  (TuttiPreenrolmentDialog *self);
const TuttiPreenrolment *tutti_preenrolment_dialog_get_saved     (TuttiPreenrolmentDialog *self);

/* The office's pre-enrolment desk (STAFF-3, STAFF-4): the window's view
 * "preenrolments" and its sidebar row, shown to staff accounts only. */
TuttiStaffPreenrolmentsView *tutti_window_get_staff_preenrolments_view (TuttiWindow *self);
/* The list: "loading", "error", "empty", "no-results" or "content" */
const char             *tutti_staff_preenrolments_view_get_state (TuttiStaffPreenrolmentsView *self);
/* "list" or "detail" */
const char             *tutti_staff_preenrolments_view_get_page_name (TuttiStaffPreenrolmentsView *self);
/* (nullable): the pre-enrolment campaign shown, its Open/Close button. */
const TuttiCampaign    *tutti_staff_preenrolments_view_get_campaign (TuttiStaffPreenrolmentsView *self);
GtkButton              *tutti_staff_preenrolments_view_get_campaign_button (TuttiStaffPreenrolmentsView *self);
/* Loading, opening or closing the campaign, or deciding. */
gboolean                tutti_staff_preenrolments_view_get_busy  (TuttiStaffPreenrolmentsView *self);
/* 0 all, 1 awaiting, 2 accepted, 3 refused */
GtkDropDown            *tutti_staff_preenrolments_view_get_state_dropdown (TuttiStaffPreenrolmentsView *self);
GtkSearchEntry         *tutti_staff_preenrolments_view_get_search_entry (TuttiStaffPreenrolmentsView *self);
GtkColumnView          *tutti_staff_preenrolments_view_get_column_view (TuttiStaffPreenrolmentsView *self);
guint                   tutti_staff_preenrolments_view_get_n_shown (TuttiStaffPreenrolmentsView *self);
const TuttiStaffPreenrolment *
                        tutti_staff_preenrolments_view_get_shown (TuttiStaffPreenrolmentsView *self,
                                                                  guint              position);
/* (nullable): the request open on the detail page. */
const TuttiStaffPreenrolment *
                        tutti_staff_preenrolments_view_get_detail (TuttiStaffPreenrolmentsView *self);
GtkButton              *tutti_staff_preenrolments_view_get_accept_button (TuttiStaffPreenrolmentsView *self);
GtkButton              *tutti_staff_preenrolments_view_get_refuse_button (TuttiStaffPreenrolmentsView *self);
GtkButton              *tutti_staff_preenrolments_view_get_back_button (TuttiStaffPreenrolmentsView *self);
/* (nullable): the title of the last toast shown. */
const char             *tutti_staff_preenrolments_view_get_last_toast (TuttiStaffPreenrolmentsView *self);

TuttiReenrolmentView   *tutti_pupils_view_get_reenrolment_view   (TuttiPupilsView   *self);

/* The office's campaigns (STAFF-3, REE-1): the window's view "campaigns"
 * and its sidebar row, shown to staff accounts only. */
TuttiStaffCampaignsView *tutti_window_get_staff_campaigns_view   (TuttiWindow       *self);
/* The list: "loading", "error", "empty", "no-results" or "content" */
const char             *tutti_staff_campaigns_view_get_state     (TuttiStaffCampaignsView *self);
/* "list", "detail" (a campaign) or "item" (a place of its offer) */
const char             *tutti_staff_campaigns_view_get_page_name (TuttiStaffCampaignsView *self);
/* The campaign's tab: "campaign" (state and dates), "documents", "offer" */
void                    tutti_staff_campaigns_view_show_tab      (TuttiStaffCampaignsView *self,
                                                                  const char        *name);
/* Loading, or a change on its way to the server. */
gboolean                tutti_staff_campaigns_view_get_busy      (TuttiStaffCampaignsView *self);
GtkSearchEntry         *tutti_staff_campaigns_view_get_search_entry (TuttiStaffCampaignsView *self);
GtkColumnView          *tutti_staff_campaigns_view_get_column_view (TuttiStaffCampaignsView *self);
/* How many campaigns the list shows, after the search, and the one at
 * @position in the order shown. */
guint                   tutti_staff_campaigns_view_get_n_shown   (TuttiStaffCampaignsView *self);
const TuttiCampaign    *tutti_staff_campaigns_view_get_shown     (TuttiStaffCampaignsView *self,
                                                                  guint              position);
/* (nullable): the campaign open on its page, as the server last gave it. */
const TuttiCampaign    *tutti_staff_campaigns_view_get_campaign  (TuttiStaffCampaignsView *self);
/* @name: "new", "back", "open" (Open/Close), "save-dates", "reset-dates",
 * "add-kind", "add-download", "add-item", "item-back", "save-item",
 * "remove-item" */
GtkButton              *tutti_staff_campaigns_view_get_button    (TuttiStaffCampaignsView *self,
                                                                  const char        *name);
/* The rows of the dates ("school_year", "opens_date", "opens_time",
 * "deadline_date", "deadline_time") and of the place's form (its
 * TuttiOfferItem keys); tutti_campaign_form_get_error() on a row gives
 * its message. */
GtkWidget              *tutti_staff_campaigns_view_get_row       (TuttiStaffCampaignsView *self,
                                                                  const char        *key);
/* The rows of the documents to provide and to download, in order
 * (AdwActionRow; a placeholder row when there is none). */
GPtrArray              *tutti_staff_campaigns_view_get_kind_rows (TuttiStaffCampaignsView *self);
GPtrArray              *tutti_staff_campaigns_view_get_download_rows (TuttiStaffCampaignsView *self);
/* The PDF @file, as if chosen with "Add a PDF…": read, checked, then
 * named in a dialog (tutti_staff_campaigns_view_get_message_dialog()). */
void                    tutti_staff_campaigns_view_add_download_file (TuttiStaffCampaignsView *self,
                                                                      GFile             *file);
guint                   tutti_staff_campaigns_view_get_n_offer_shown (TuttiStaffCampaignsView *self);
GtkSearchEntry         *tutti_staff_campaigns_view_get_offer_search_entry (TuttiStaffCampaignsView *self);
GtkColumnView          *tutti_staff_campaigns_view_get_offer_view (TuttiStaffCampaignsView *self);
/* (nullable): the message above the place's form (a refusal). */
const char             *tutti_staff_campaigns_view_get_item_message (TuttiStaffCampaignsView *self);
/* (nullable): the question asked last (closing, a document to provide —
 * tutti_campaign_form_get_kind_dialog_row() —, a download's name as
 * object data "tutti-name-row", deleting, removing a place). */
AdwMessageDialog       *tutti_staff_campaigns_view_get_message_dialog (TuttiStaffCampaignsView *self);
/* (nullable): the new-campaign dialog, and a download previewed. */
GtkWindow              *tutti_staff_campaigns_view_get_dialog    (TuttiStaffCampaignsView *self);
GtkWindow              *tutti_staff_campaigns_view_get_document_view (TuttiStaffCampaignsView *self);
/* (nullable): the title of the last toast shown. */
const char             *tutti_staff_campaigns_view_get_last_toast (TuttiStaffCampaignsView *self);

/* The new-campaign dialog's rows: "kind", "school_year", "open",
 * "opens_date", "opens_time", "deadline_date", "deadline_time",
 * "copy_offer". */
GtkWidget              *tutti_campaign_dialog_get_row            (TuttiCampaignDialog *self,
                                                                  const char        *key);
GtkSwitch              *tutti_campaign_dialog_get_open_switch    (TuttiCampaignDialog *self);
GtkSwitch              *tutti_campaign_dialog_get_copy_switch    (TuttiCampaignDialog *self);
/* (nullable): the check of the document kind @id. */
GtkCheckButton         *tutti_campaign_dialog_get_kind_check     (TuttiCampaignDialog *self,
                                                                  const char        *id);
GtkButton              *tutti_campaign_dialog_get_create_button  (TuttiCampaignDialog *self);
gboolean                tutti_campaign_dialog_get_busy           (TuttiCampaignDialog *self);
/* (nullable): the message above the form (what no field explains). */
const char             *tutti_campaign_dialog_get_message        (TuttiCampaignDialog *self);

/* The office's re-enrolment desk (STAFF-2, STAFF-4): the window's view
 * "reenrolments" and its sidebar row, shown to staff accounts only. */
TuttiStaffReenrolmentsView *tutti_window_get_staff_reenrolments_view (TuttiWindow *self);
/* The list: "loading", "error", "empty", "no-results" or "content" */
const char             *tutti_staff_reenrolments_view_get_state  (TuttiStaffReenrolmentsView *self);
/* "list" or "detail" */
const char             *tutti_staff_reenrolments_view_get_page_name (TuttiStaffReenrolmentsView *self);
/* The file on the detail page: "loading", "error" or "content" */
const char             *tutti_staff_reenrolments_view_get_detail_state (TuttiStaffReenrolmentsView *self);
/* Loading the list or the file, or deciding. */
gboolean                tutti_staff_reenrolments_view_get_busy   (TuttiStaffReenrolmentsView *self);
/* (nullable): the re-enrolment campaign shown, and its row. */
const TuttiCampaign    *tutti_staff_reenrolments_view_get_campaign (TuttiStaffReenrolmentsView *self);
AdwActionRow           *tutti_staff_reenrolments_view_get_campaign_row (TuttiStaffReenrolmentsView *self);
/* 0 all, then 1 + each TuttiReenrolmentState (1 to do … 3 submitted … 6 declined) */
GtkDropDown            *tutti_staff_reenrolments_view_get_state_dropdown (TuttiStaffReenrolmentsView *self);
GtkSearchEntry         *tutti_staff_reenrolments_view_get_search_entry (TuttiStaffReenrolmentsView *self);
GtkColumnView          *tutti_staff_reenrolments_view_get_column_view (TuttiStaffReenrolmentsView *self);
/* How many pupils the list shows, after the filter and the search, and the
 * one at @position in the order shown. */
guint                   tutti_staff_reenrolments_view_get_n_shown (TuttiStaffReenrolmentsView *self);
const TuttiReenrolmentSummary *
                        tutti_staff_reenrolments_view_get_shown  (TuttiStaffReenrolmentsView *self,
                                                                  guint              position);
/* (nullable): the file open on the detail page. */
const TuttiReenrolmentFile *
                        tutti_staff_reenrolments_view_get_file   (TuttiStaffReenrolmentsView *self);
/* (nullable): the button @action ("preview", "accept", "refuse") of the
 * document @document_id, or ("accept", "refuse") of the change @change_id,
 * when the file offers it. */
GtkWidget              *tutti_staff_reenrolments_view_get_document_button (TuttiStaffReenrolmentsView *self,
                                                                           gint64            document_id,
                                                                           const char       *action);
GtkWidget              *tutti_staff_reenrolments_view_get_change_button (TuttiStaffReenrolmentsView *self,
                                                                         gint64            change_id,
                                                                         const char       *action);
GtkButton              *tutti_staff_reenrolments_view_get_validate_button (TuttiStaffReenrolmentsView *self);
GtkButton              *tutti_staff_reenrolments_view_get_refuse_button (TuttiStaffReenrolmentsView *self);
GtkButton              *tutti_staff_reenrolments_view_get_back_button (TuttiStaffReenrolmentsView *self);
/* (nullable): why Validate or Refuse are not offered, or what to check first. */
const char             *tutti_staff_reenrolments_view_get_decision_text (TuttiStaffReenrolmentsView *self);
/* (nullable): the preview open (TuttiDocumentView for a PDF). */
GtkWindow              *tutti_staff_reenrolments_view_get_viewer (TuttiStaffReenrolmentsView *self);
/* (nullable): the title of the last toast shown. */
const char             *tutti_staff_reenrolments_view_get_last_toast (TuttiStaffReenrolmentsView *self);

G_END_DECLS
