/* tutti-pupils-view.h — PUP-1..5: a pupil's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_PUPILS_VIEW (tutti_pupils_view_get_type ())

G_DECLARE_FINAL_TYPE (TuttiPupilsView, tutti_pupils_view, TUTTI, PUPILS_VIEW, AdwBin)

void tutti_pupils_view_set_client (TuttiPupilsView *self,
                                   TuttiClient     *client);
/* Loads the family's pupils again; done by itself each time the view is shown. */
void tutti_pupils_view_refresh    (TuttiPupilsView *self);
/* Forgets the data of the session that ended. */
void tutti_pupils_view_clear      (TuttiPupilsView *self);
/* HOME-2: opens the file of the pupil @pupil_id at its Identity tab, once
 * the family's pupils are known. */
void tutti_pupils_view_show_pupil (TuttiPupilsView *self,
                                   gint64           pupil_id);
/* PUP-1: the same at the tab @tab ("identity", "courses", "history",
 * "repertoire" or "reenrolment"); a tab not offered now (no re-enrolment
 * campaign open) gives the Identity tab. */
void tutti_pupils_view_show_pupil_tab (TuttiPupilsView *self,
                                       gint64           pupil_id,
                                       const char      *tab);

G_END_DECLS
