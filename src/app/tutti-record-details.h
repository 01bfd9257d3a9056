/* tutti-record-details.h — any core record's fields as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-core.h"

G_BEGIN_DECLS

/* The field @key of @record as people read it in @lang: dates, times,
 * durations and marks formatted by core, choices by their label, yes/no;
 * "" when the field is empty. */
char      *tutti_record_format_field   (const TuttiSchema  *schema,
                                        gconstpointer       record,
                                        const char         *key,
                                        TuttiLang           lang);

/* Whether a field is one to show people: a scalar that is not an
 * identifier ("id", "pupil_id"…). */
gboolean   tutti_record_field_is_shown (const TuttiField   *field);

/* An AdwPreferencesGroup titled @title (nullable) with a row per field of
 * @record — @keys (NULL-terminated) or, when %NULL, every field shown —
 * each with core's label and the value, read-only. */
GtkWidget *tutti_record_details_new    (const TuttiSchema  *schema,
                                        gconstpointer       record,
                                        const char * const *keys,
                                        const char         *title,
                                        TuttiLang           lang);

/* A row of such a group: @title and @value (an em dash when empty). */
GtkWidget *tutti_record_details_row_new (const char        *title,
                                         const char        *value);

/* The value a details row shows (for tests). */
const char *tutti_record_details_row_get_value (GtkWidget  *row);

/* FAM-4: "For any request contact the office: 02 99 74 68 64 / …", or
 * %NULL when the school has neither phone nor e-mail. */
char      *tutti_school_format_contact (const TuttiSchool  *school);

/* "Z-TEST Essai": surname then first name, as the guide writes people. */
char      *tutti_format_person_name    (const char         *surname,
                                        const char         *first_name);
/* "Monsieur Z-TEST Essai": core's civility in @lang (none for
 * TUTTI_CIVILITY_NONE), surname, first name, those known. */
char      *tutti_format_person_with_civility (TuttiCivility  civility,
                                              const char    *surname,
                                              const char    *first_name,
                                              TuttiLang      lang);

/* A small dialog, transient for @parent's window, listing every field of
 * @record (tutti_record_details_new()) under @title: the detail of a row
 * of a list. Escape closes it. */
GtkWindow *tutti_record_details_present (GtkWidget          *parent,
                                         const char         *title,
                                         const char         *subtitle,
                                         const TuttiSchema  *schema,
                                         gconstpointer       record,
                                         TuttiLang           lang);

G_END_DECLS
