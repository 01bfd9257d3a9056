/* tutti-reason-dialog.c — refusing with a reason the family will read
 *
 * The office refuses a pre-enrolment request, a re-enrolment, a document
 * or a contact change with the same question: an AdwMessageDialog whose
 * reason's row follows core's rules for the field (required or not, how
 * long), with the message under the row once something wrong is typed,
 * or what the server said when it refused the reason — everything typed
 * kept. Refuse stays off until the reason is right; Enter in the row
 * refuses, as the button does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-campaign-form.h"
#include "tutti-reason-dialog.h"

struct _TuttiReasonDialog
{
  AdwMessageDialog  parent_instance;

  /* Template children */
  AdwPreferencesGroup *group;
  AdwEntryRow      *reason_row;

  const TuttiField *field;
  gboolean          required;
  TuttiLang         lang;
  char             *server_error;   /* shown until the reason is typed again */
};

G_DEFINE_FINAL_TYPE (TuttiReasonDialog, tutti_reason_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* What is wrong with the reason: the server's word, else core's once
 * something was typed; Refuse only when nothing is. */
static void
check (TuttiReasonDialog *self)
{
  g_autofree char *reason = tutti_reason_dialog_dup_reason (self);
  g_autofree char *problem = NULL;

  if (self->server_error != NULL)
    problem = g_strdup (self->server_error);
  else if (reason != NULL)
    problem = tutti_field_check_text (self->field, reason, self->lang);

  tutti_campaign_form_set_error (GTK_WIDGET (self->reason_row), problem);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->reason_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), TUTTI_REASON_DIALOG_REFUSE,
                                           problem == NULL && (reason != NULL || !self->required));
}

static void
reason_changed_cb (TuttiReasonDialog *self)
{
  /* Typed again: the server's word no longer applies. */
  g_clear_pointer (&self->server_error, g_free);
  check (self);
}

static void
reason_activated_cb (TuttiReasonDialog *self)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), TUTTI_REASON_DIALOG_REFUSE))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), TUTTI_REASON_DIALOG_REFUSE);
}

/* ---- Public ------------------------------------------------------------------- */

TuttiReasonDialog *
tutti_reason_dialog_new (GtkWindow        *parent,
                         const char       *heading,
                         const char       *body,
                         const TuttiField *field,
                         gboolean          required,
                         TuttiLang         lang)
{
  TuttiReasonDialog *self;
  const char *label;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (TUTTI_TYPE_REASON_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body,
                       NULL);
  self->field = field;
  self->required = required;
  self->lang = lang;

  /* The row: core's label, with a visible "*" when required, announced
   * as required without it. */
  label = tutti_text_get (&field->label, lang);
  if (required)
    title = g_strdup_printf ("%s *", label);
  else
    /* Translators: a field one may leave empty, such as “Reason (optional)” */
    title = g_strdup_printf (_("%s (optional)"), label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, required,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->reason_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, required,
                                  -1);
  check (self);
  return self;
}

void
tutti_reason_dialog_set_reason (TuttiReasonDialog *self,
                                const char        *reason,
                                const char        *server_error)
{
  g_return_if_fail (TUTTI_IS_REASON_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason != NULL ? reason : "");
  /* After the text: typing it clears the server's word. */
  g_free (self->server_error);
  self->server_error = g_strdup (server_error);
  check (self);
}

char *
tutti_reason_dialog_dup_reason (TuttiReasonDialog *self)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (TUTTI_IS_REASON_DIALOG (self), NULL);

  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  return *reason != '\0' ? g_steal_pointer (&reason) : NULL;
}

void
tutti_reason_dialog_present (TuttiReasonDialog *self)
{
  g_return_if_fail (TUTTI_IS_REASON_DIALOG (self));

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
}

AdwEntryRow *
tutti_reason_dialog_get_reason_row (TuttiReasonDialog *self)
{
  g_return_val_if_fail (TUTTI_IS_REASON_DIALOG (self), NULL);

  return self->reason_row;
}

const char *
tutti_reason_dialog_get_error (TuttiReasonDialog *self)
{
  g_return_val_if_fail (TUTTI_IS_REASON_DIALOG (self), NULL);

  return tutti_campaign_form_get_error (GTK_WIDGET (self->reason_row));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
tutti_reason_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TUTTI_TYPE_REASON_DIALOG);

  G_OBJECT_CLASS (tutti_reason_dialog_parent_class)->dispose (object);
}

static void
tutti_reason_dialog_finalize (GObject *object)
{
  TuttiReasonDialog *self = TUTTI_REASON_DIALOG (object);

  g_free (self->server_error);

  G_OBJECT_CLASS (tutti_reason_dialog_parent_class)->finalize (object);
}

static void
tutti_reason_dialog_class_init (TuttiReasonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_reason_dialog_dispose;
  object_class->finalize = tutti_reason_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-reason-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiReasonDialog, group);
  gtk_widget_class_bind_template_child (widget_class, TuttiReasonDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_activated_cb);
}

static void
tutti_reason_dialog_init (TuttiReasonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    TUTTI_REASON_DIALOG_REFUSE, _("_Refuse"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), TUTTI_REASON_DIALOG_REFUSE,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  /* The message under the reason, hidden while there is none. */
  tutti_campaign_form_add_error_row (self->group, GTK_WIDGET (self->reason_row));
}
