/* tutti-format.h — dates, times, durations and money for people, in French and English
 *
 * Done here rather than with the C library's locales, which the machine may
 * not have: "31/10/2026", "23:59", "01:15", "84,00 €" in French;
 * "31 Oct 2026", "11:59 PM", "1:15", "€84.00" in English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tutti-lang.h"

G_BEGIN_DECLS

/* Each takes the wire form (ISO 8601 strings, integers) and returns a newly
 * allocated string, or an empty string for an empty or unparsable input. */
char     *tutti_format_date        (const char *iso_date,
                                    TuttiLang   lang);
char     *tutti_format_time        (const char *hh_mm,
                                    TuttiLang   lang);
char     *tutti_format_datetime    (const char *iso_datetime,
                                    TuttiLang   lang);
char     *tutti_format_datetime_time (const char *iso_datetime,
                                      TuttiLang   lang);
char     *tutti_format_duration    (gint64      minutes,
                                    TuttiLang   lang);
char     *tutti_format_money       (gint64      cents,
                                    TuttiLang   lang);
char     *tutti_format_decimal     (gint64      hundredths,
                                    TuttiLang   lang);
char     *tutti_format_size        (gint64      bytes,
                                    TuttiLang   lang);

/* "Until 31/10/2026 at 23:59" / "Jusqu’au 31/10/2026 à 23:59" (HOME-3) */
char     *tutti_format_deadline    (const char *iso_datetime,
                                    TuttiLang   lang);

/* Parsing the wire forms. */
gboolean  tutti_parse_date         (const char *iso_date,
                                    int        *year,
                                    int        *month,
                                    int        *day);
gboolean  tutti_parse_time         (const char *hh_mm,
                                    int        *hour,
                                    int        *minute);
GDateTime *tutti_parse_datetime    (const char *iso_datetime);

/* A date typed by a person in French or English order ("31/10/2026") to ISO. */
char     *tutti_date_from_display  (const char *text,
                                    TuttiLang   lang);

/* The current time as the wire form, in the local time zone. */
char     *tutti_datetime_now       (void);

G_END_DECLS
