/* tutti-campaign-form.h — what the campaign's page and the new-campaign
 * dialog share (STAFF-3, REE-1): entry rows with their message, a
 * date-time in two rows, the next school year, a document to ask for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-core.h"

G_BEGIN_DECLS

/* An AdwEntryRow named @name, titled @label — with a visible "*" when
 * @required, announced as required without it — added to @group, with
 * the row of its message under it (hidden while there is none). */
GtkWidget   *tutti_campaign_form_add_entry        (AdwPreferencesGroup *group,
                                                   const char          *name,
                                                   const char          *label,
                                                   gboolean             required);
/* The row of the message of @row, for rows made elsewhere (a combo, a
 * switch): added to @group now, under whatever was added last. */
void         tutti_campaign_form_add_error_row    (AdwPreferencesGroup *group,
                                                   GtkWidget           *row);
/* Shows @message (nullable: hides it) under @row, with the error style on
 * the row and the message as its accessible description. */
void         tutti_campaign_form_set_error        (GtkWidget           *row,
                                                   const char          *message);
/* (nullable): the message shown under @row. */
const char  *tutti_campaign_form_get_error        (GtkWidget           *row);

/* An API date-time in its two rows: the date as core formats it in @lang,
 * the time as "23:59"; empty rows for %NULL. */
void         tutti_campaign_form_show_datetime    (GtkWidget           *date_row,
                                                   GtkWidget           *time_row,
                                                   const char          *iso_datetime,
                                                   TuttiLang            lang);
/* The date-time typed in the two rows, in this computer's time zone, as
 * the API takes it ("2027-06-30T23:59:00+02:00"); %NULL when either row
 * cannot be read, with the message under the row at fault. */
char        *tutti_campaign_form_read_datetime    (GtkWidget           *date_row,
                                                   GtkWidget           *time_row,
                                                   TuttiLang            lang);

/* The school year after the current one, which starts in September:
 * "2027/2028" from September 2026 to August 2027. */
char        *tutti_campaign_form_next_school_year (void);

/* "Re-enrolment 2027/2028" */
char        *tutti_campaign_form_title            (const TuttiCampaign *campaign,
                                                   TuttiLang            lang);
/* What families read above a campaign: "Re-enrolment for 2027/2028", or
 * "Pre-enrolment" when it has no school year. */
char        *tutti_campaign_form_heading          (const TuttiCampaign *campaign);

/* (nullable): when a place of the offer meets, "Monday 17:00" (or its
 * day alone), as core formats the time in @lang; %NULL without a day. */
char        *tutti_campaign_form_format_slot      (const TuttiOfferItem *item,
                                                   TuttiLang             lang);
/* A place of the offer and its slot: "Accordéon chromatique –
 * Argentré-du-Plessis – cursus classique — Monday 17:00". */
char        *tutti_campaign_form_format_place     (const TuttiOfferItem *item,
                                                   TuttiLang             lang);

/* Whether families can send now: flag set, opened, deadline not passed. */
gboolean     tutti_campaign_form_is_open_now      (const TuttiCampaign *campaign);
/* (nullable) (transfer none): the campaign of @kind among @campaigns
 * (TuttiCampaign, latest first) that is open now, else the latest one —
 * the one the office's desks list by default. */
const TuttiCampaign *tutti_campaign_form_find_current (GPtrArray         *campaigns,
                                                       TuttiCampaignKind  kind);
/* (nullable) (transfer none): the PDF @download_id families download
 * from @campaign. */
const TuttiDownload *tutti_campaign_form_find_download (const TuttiCampaign *campaign,
                                                        gint64               download_id);
/* "Open", "Scheduled", "Finished" or "Closed", and the style of its tag
 * ("done", "todo", "pending", "refused"). */
const char  *tutti_campaign_form_state_label      (const TuttiCampaign *campaign,
                                                   const char         **style);

/* Called with the document chosen (transfer full): a known kind as it is,
 * or a new one with its id made from its name. */
typedef void (*TuttiDocumentKindChosen) (TuttiDocumentKind *kind,
                                         gpointer           user_data);

/* Asks which document families must provide: one of @known
 * (TuttiDocumentKind) not in @current (TuttiDocumentKind), or a new one —
 * name, description, required. @prefill and @message (both nullable):
 * a new one the server refused, shown again with the reason under the
 * field @message_key ("name", "description"). @owner is kept until the
 * dialog closes; @callback runs only when a document is chosen. */
AdwMessageDialog *tutti_campaign_form_ask_document_kind (GtkWindow               *parent,
                                                         GPtrArray               *known,
                                                         GPtrArray               *current,
                                                         const TuttiDocumentKind *prefill,
                                                         const char              *message_key,
                                                         const char              *message,
                                                         GObject                 *owner,
                                                         TuttiDocumentKindChosen  callback);
/* For tests, on the dialog above: its rows ("kind", "name", "description",
 * "required"). */
GtkWidget   *tutti_campaign_form_get_kind_dialog_row (AdwMessageDialog   *dialog,
                                                      const char         *key);

/* Every document kind @campaigns ask for, once each, by id, in the order
 * of the first campaign that asks for it. */
GPtrArray   *tutti_campaign_form_known_kinds      (GPtrArray           *campaigns);

G_END_DECLS
