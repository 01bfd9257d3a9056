/* tutti-question.h — asking before doing: Cancel, or the one answer that does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwMessageDialog transient for @parent's window asking @heading,
 * explained by @body (both nullable, to format after), answered "cancel"
 * (Escape too) or @response, labelled @label with @appearance. Enter
 * gives a suggested answer, and Cancel for a destructive one. Connect to
 * "response", then present it. */
AdwMessageDialog *tutti_question_new (GtkWidget              *parent,
                                      const char             *heading,
                                      const char             *body,
                                      const char             *response,
                                      const char             *label,
                                      AdwResponseAppearance   appearance);

/* The question before throwing away what was typed: "_Keep Editing"
 * ("cancel", also Enter and Escape) or "_Discard" ("discard"). */
AdwMessageDialog *tutti_question_new_discard (GtkWidget              *parent,
                                              const char             *heading,
                                              const char             *body);

G_END_DECLS
