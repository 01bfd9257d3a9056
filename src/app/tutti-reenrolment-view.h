/* tutti-reenrolment-view.h — REE-2..4: a pupil's Re-enrolment tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"
#include "tutti-documents-page.h"
#include "tutti-record-form.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_REENROLMENT_VIEW (tutti_reenrolment_view_get_type ())

G_DECLARE_FINAL_TYPE (TuttiReenrolmentView, tutti_reenrolment_view, TUTTI, REENROLMENT_VIEW, AdwBin)

GtkWidget  *tutti_reenrolment_view_new         (void);
void        tutti_reenrolment_view_set_client  (TuttiReenrolmentView *self,
                                                TuttiClient          *client);
/* Loads the re-enrolment of pupil @pupil_id (0: none). */
void        tutti_reenrolment_view_set_pupil   (TuttiReenrolmentView *self,
                                                gint64                pupil_id,
                                                const char           *name);
void        tutti_reenrolment_view_clear       (TuttiReenrolmentView *self);

/* For tests. State: "loading", "error", "choice", "stepper". */
const char           *tutti_reenrolment_view_get_state        (TuttiReenrolmentView *self);
guint                 tutti_reenrolment_view_get_step         (TuttiReenrolmentView *self);
gboolean              tutti_reenrolment_view_get_busy         (TuttiReenrolmentView *self);
gboolean              tutti_reenrolment_view_get_read_only    (TuttiReenrolmentView *self);
const TuttiReenrolmentFile *tutti_reenrolment_view_get_file   (TuttiReenrolmentView *self);
const char           *tutti_reenrolment_view_get_message      (TuttiReenrolmentView *self);
const char           *tutti_reenrolment_view_get_choice_text  (TuttiReenrolmentView *self);
GtkButton            *tutti_reenrolment_view_get_wish_button  (TuttiReenrolmentView *self);
GtkButton            *tutti_reenrolment_view_get_decline_button (TuttiReenrolmentView *self);
GtkButton            *tutti_reenrolment_view_get_back_button  (TuttiReenrolmentView *self);
GtkButton            *tutti_reenrolment_view_get_next_button  (TuttiReenrolmentView *self);
/* Step 1: @index 0.. the guardians, then the pupil. */
TuttiRecordForm      *tutti_reenrolment_view_get_form         (TuttiReenrolmentView *self,
                                                               guint                 index);
char                 *tutti_reenrolment_view_get_changes_text (TuttiReenrolmentView *self);
GtkCheckButton       *tutti_reenrolment_view_get_image_rights_button (TuttiReenrolmentView *self,
                                                                      gboolean              yes);
TuttiDocumentsPage   *tutti_reenrolment_view_get_documents_page (TuttiReenrolmentView *self);
GtkCheckButton       *tutti_reenrolment_view_get_course_check (TuttiReenrolmentView *self,
                                                               guint                 index);
GtkDropDown          *tutti_reenrolment_view_get_course_dropdown (TuttiReenrolmentView *self,
                                                                  guint                 index);
GtkTextView          *tutti_reenrolment_view_get_free_text    (TuttiReenrolmentView *self);
GtkCheckButton       *tutti_reenrolment_view_get_accept_check (TuttiReenrolmentView *self);
const char           *tutti_reenrolment_view_get_final_text   (TuttiReenrolmentView *self);

G_END_DECLS
