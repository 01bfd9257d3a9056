/* tutti-preenrolment-dialog.h — PRE-1..4: a family's request to enrol new pupils
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_PREENROLMENT_DIALOG (tutti_preenrolment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TuttiPreenrolmentDialog, tutti_preenrolment_dialog,
                      TUTTI, PREENROLMENT_DIALOG, AdwWindow)

/* A modal window over @parent that loads the open campaign's offer and
 * starts an empty request. Once the server has saved the request,
 * ::submitted is emitted with it (a TuttiPreenrolment). */
TuttiPreenrolmentDialog *tutti_preenrolment_dialog_new (GtkWindow   *parent,
                                                        TuttiClient *client);

G_END_DECLS
