/* tutti-history-record-dialog.h — PUP-4: one past year's course record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-client.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_HISTORY_RECORD_DIALOG (tutti_history_record_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TuttiHistoryRecordDialog, tutti_history_record_dialog,
                      TUTTI, HISTORY_RECORD_DIALOG, AdwWindow)

/* Opens @record (as the pupil's history lists it) over @parent and loads
 * it with the first page of its evaluations; @pupil_name is the subtitle. */
TuttiHistoryRecordDialog *tutti_history_record_dialog_new (GtkWindow                *parent,
                                                           TuttiClient              *client,
                                                           const TuttiHistoryRecord *record,
                                                           const char               *pupil_name);

G_END_DECLS
