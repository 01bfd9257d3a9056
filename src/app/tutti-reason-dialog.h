/* tutti-reason-dialog.h — refusing with a reason the family will read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-core.h"

G_BEGIN_DECLS

/* The response that refuses; the other one is "cancel". */
#define TUTTI_REASON_DIALOG_REFUSE "refuse"

#define TUTTI_TYPE_REASON_DIALOG (tutti_reason_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TuttiReasonDialog, tutti_reason_dialog, TUTTI, REASON_DIALOG, AdwMessageDialog)

/* Asks @heading, explained by @body, with a row for the reason: its label
 * and its rules (length…) are core's @field, in @lang. Refuse stays off
 * until the reason is right — and typed, when @required. */
TuttiReasonDialog *tutti_reason_dialog_new           (GtkWindow         *parent,
                                                      const char        *heading,
                                                      const char        *body,
                                                      const TuttiField  *field,
                                                      gboolean           required,
                                                      TuttiLang          lang);
/* Puts back @reason (nullable) as it was typed and, when the server
 * refused it, @server_error (nullable) under it until it is typed again. */
void               tutti_reason_dialog_set_reason    (TuttiReasonDialog *self,
                                                      const char        *reason,
                                                      const char        *server_error);
/* (transfer full) (nullable): the reason typed, stripped; %NULL when none. */
char              *tutti_reason_dialog_dup_reason    (TuttiReasonDialog *self);
/* Presents the dialog, the reason's row focused. */
void               tutti_reason_dialog_present       (TuttiReasonDialog *self);

/* For the UI tests: the reason's row, and the message under it (nullable). */
AdwEntryRow       *tutti_reason_dialog_get_reason_row (TuttiReasonDialog *self);
const char        *tutti_reason_dialog_get_error      (TuttiReasonDialog *self);

G_END_DECLS
