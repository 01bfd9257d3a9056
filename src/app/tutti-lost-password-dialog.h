/* tutti-lost-password-dialog.h — AUTH-2 lost password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_LOST_PASSWORD_DIALOG (tutti_lost_password_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TuttiLostPasswordDialog, tutti_lost_password_dialog,
                      TUTTI, LOST_PASSWORD_DIALOG, AdwWindow)

/* @site: (nullable) the site chosen on the login page;
 * @identifier: (nullable) what was typed there, to start from. */
TuttiLostPasswordDialog *tutti_lost_password_dialog_new (GtkWindow   *parent,
                                                         TuttiClient *client,
                                                         const char  *site,
                                                         const char  *identifier);

G_END_DECLS
