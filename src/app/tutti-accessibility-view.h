/* tutti-accessibility-view.h — INFO-1 accessibility statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-core.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_ACCESSIBILITY_VIEW (tutti_accessibility_view_get_type ())

G_DECLARE_FINAL_TYPE (TuttiAccessibilityView, tutti_accessibility_view,
                      TUTTI, ACCESSIBILITY_VIEW, AdwBin)

/* @school: (nullable): whose office to contact for help; without it the
 * statement says where to find the contact. */
void tutti_accessibility_view_set_school     (TuttiAccessibilityView *self,
                                              const TuttiSchool      *school);

/* The statement in a window of its own, from the login page. */
void tutti_accessibility_view_present_dialog (GtkWindow              *parent,
                                              const TuttiSchool      *school);

G_END_DECLS
