/* tutti-record-form.h — an identity form built from a core schema, with
 * required marks, live checks and the markers of pending changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-core.h"

G_BEGIN_DECLS

#define TUTTI_TYPE_RECORD_FORM (tutti_record_form_get_type ())

G_DECLARE_FINAL_TYPE (TuttiRecordForm, tutti_record_form, TUTTI, RECORD_FORM, AdwBin)

/* A group of the form starts at the field @key, titled @title. */
typedef struct
{
  const char *key;
  const char *title;
} TuttiFormSection;

/* A row per field of @schema flagged TUTTI_FIELD_FLAG_EDITABLE, in the
 * schema's order, cut into groups at @sections (copied). The record's
 * pending changes are its "pending_changes" list. */
GtkWidget     *tutti_record_form_new                (const TuttiSchema      *schema,
                                                     const TuttiFormSection *sections,
                                                     guint                   n_sections,
                                                     TuttiLang               lang);

/* Shows @record: each field's value, or the value awaiting validation when
 * one is, with its marker; a refused change shows its reason. What is shown
 * becomes what tutti_record_form_get_changes() compares with. */
void           tutti_record_form_set_record         (TuttiRecordForm        *self,
                                                     gconstpointer           record);
/* The description of the group that starts at @key. */
void           tutti_record_form_set_section_description (TuttiRecordForm  *self,
                                                          const char       *key,
                                                          const char       *description);

/* The value of @key as typed, in the text form of tutti_record_get_text(),
 * or %NULL when it cannot be read (a date not understood). */
char          *tutti_record_form_get_value          (TuttiRecordForm        *self,
                                                     const char             *key);
/* Types @text (text form) into @key, as a person would. */
void           tutti_record_form_set_value          (TuttiRecordForm        *self,
                                                     const char             *key,
                                                     const char             *text);
/* A locked field shows its value and cannot be edited. */
void           tutti_record_form_set_locked         (TuttiRecordForm        *self,
                                                     const char             *key,
                                                     gboolean                locked);

/* While the form is being saved nothing can be edited; the focus, when it
 * was in the form, moves to @focus_to first (the Save button). */
void           tutti_record_form_set_busy           (TuttiRecordForm        *self,
                                                     gboolean                busy,
                                                     GtkWidget              *focus_to);

/* Whether a field differs from what tutti_record_form_set_record() showed. */
gboolean       tutti_record_form_has_changes        (TuttiRecordForm        *self);
/* Checks every field with core's rules; shows the messages under the
 * fields and focuses the first one wrong. Returns: whether all are right. */
gboolean       tutti_record_form_validate           (TuttiRecordForm        *self);
/* Returns: (transfer container) (element-type TuttiPendingChange): each
 * field changed, with its field and new_value. */
GPtrArray     *tutti_record_form_get_changes        (TuttiRecordForm        *self);
/* The server's messages (key → message, as a 422 names them) under the
 * fields, the first one focused; everything typed stays. Returns: whether
 * any was a field of the form. */
gboolean       tutti_record_form_show_errors        (TuttiRecordForm        *self,
                                                     GHashTable             *errors);

/* How many fields await the office's validation, and how many changes it
 * refused. */
guint          tutti_record_form_count_pending      (TuttiRecordForm        *self);
guint          tutti_record_form_count_refused      (TuttiRecordForm        *self);

/* The confirmation once the server has recorded a form's changes (FAM-1,
 * PUP-2): an acknowledgement was e-mailed, the office will validate. */
AdwMessageDialog *tutti_record_form_present_saved_dialog (GtkWidget   *parent);

/* The banner's text for the records (names, NULL-terminated) with changes
 * awaiting validation, or %NULL when there are none. */
char          *tutti_record_form_format_pending_banner (const char * const *names);

/* For tests: the row of @key, the message under it and its marker's text
 * (each %NULL when none is shown). */
GtkWidget     *tutti_record_form_get_row            (TuttiRecordForm        *self,
                                                     const char             *key);
const char    *tutti_record_form_get_error          (TuttiRecordForm        *self,
                                                     const char             *key);
const char    *tutti_record_form_get_marker         (TuttiRecordForm        *self,
                                                     const char             *key);

G_END_DECLS
