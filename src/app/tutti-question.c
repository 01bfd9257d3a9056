/* tutti-question.c — asking before doing: Cancel, or the one answer that does it
 *
 * Closing a campaign, deleting a document, accepting a request, leaving
 * a form unsaved: every view asks the same way, with the answer that
 * cannot be undone never the one Enter gives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-question.h"

AdwMessageDialog *
tutti_question_new (GtkWidget             *parent,
                    const char            *heading,
                    const char            *body,
                    const char            *response,
                    const char            *label,
                    AdwResponseAppearance  appearance)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (response != NULL && label != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    response, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

AdwMessageDialog *
tutti_question_new_discard (GtkWidget  *parent,
                            const char *heading,
                            const char *body)
{
  AdwMessageDialog *dialog = tutti_question_new (parent, heading, body, "discard", _("_Discard"),
                                                 ADW_RESPONSE_DESTRUCTIVE);

  adw_message_dialog_set_response_label (dialog, "cancel", _("_Keep Editing"));
  return dialog;
}
