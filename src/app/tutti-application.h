/* tutti-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"
#include "tutti-credentials.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_APPLICATION (tutti_application_get_type ())

G_DECLARE_FINAL_TYPE (TuttiApplication, tutti_application, TUTTI, APPLICATION, AdwApplication)

TuttiApplication *tutti_application_new             (void);
/* The server in use: --server URL, else the GSettings key server-url. */
const char       *tutti_application_get_server_url  (TuttiApplication *self);
TuttiClient      *tutti_application_get_client      (TuttiApplication *self);
TuttiCredentials *tutti_application_get_credentials (TuttiApplication *self);
GSettings        *tutti_application_get_settings    (TuttiApplication *self);
/* The user's language, for the texts core holds (labels, rules, dates). */
TuttiLang         tutti_application_get_lang        (TuttiApplication *self);

G_END_DECLS
