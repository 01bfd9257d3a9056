/* tutti-course-sheet.h — PUP-3: a course's sheet, its evaluations and absences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_COURSE_SHEET (tutti_course_sheet_get_type ())

G_DECLARE_FINAL_TYPE (TuttiCourseSheet, tutti_course_sheet, TUTTI, COURSE_SHEET, AdwWindow)

/* Opens the sheet of @course (as the pupil's list gives it) over @parent
 * and loads it whole from the server. */
TuttiCourseSheet *tutti_course_sheet_new (GtkWindow         *parent,
                                          TuttiClient       *client,
                                          const TuttiCourse *course);

G_END_DECLS
