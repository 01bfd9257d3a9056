/* tutti-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-application.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_WINDOW (tutti_window_get_type ())

G_DECLARE_FINAL_TYPE (TuttiWindow, tutti_window, TUTTI, WINDOW, AdwApplicationWindow)

TuttiWindow *tutti_window_new (TuttiApplication *application);

G_END_DECLS
