/* tutti-validate.h — the rules every form and every request is checked against
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tutti-lang.h"

G_BEGIN_DECLS

/* AUTH-3: 8–20 characters, at least one upper-case letter, one lower-case
 * letter and one digit. */
typedef enum
{
  TUTTI_PASSWORD_TOO_SHORT = 1 << 0,
  TUTTI_PASSWORD_TOO_LONG  = 1 << 1,
  TUTTI_PASSWORD_NO_UPPER  = 1 << 2,
  TUTTI_PASSWORD_NO_LOWER  = 1 << 3,
  TUTTI_PASSWORD_NO_DIGIT  = 1 << 4,
} TuttiPasswordRule;

#define TUTTI_PASSWORD_MIN_LENGTH 8
#define TUTTI_PASSWORD_MAX_LENGTH 20
#define TUTTI_PASSWORD_N_RULES 5

/* Returns: the rules @password breaks, 0 when it is acceptable. */
TuttiPasswordRule  tutti_password_check            (const char        *password);
/* The rules in the order to show them; @index < TUTTI_PASSWORD_N_RULES. */
TuttiPasswordRule  tutti_password_rule_nth         (guint              index);
/* "At least 8 characters" — the rule as a checklist line. */
const char        *tutti_password_rule_describe    (TuttiPasswordRule  rule,
                                                    TuttiLang          lang);
/* "The password needs at least one digit; …" — the unmet rules as one sentence. */
char              *tutti_password_rules_message    (TuttiPasswordRule  unmet,
                                                    TuttiLang          lang);
/* Policy as a whole, as the guide words it. */
const char        *tutti_password_policy_summary   (TuttiLang          lang);

gboolean           tutti_validate_email            (const char        *text);
gboolean           tutti_validate_postcode         (const char        *text);
gboolean           tutti_validate_phone            (const char        *text);
gboolean           tutti_validate_department       (const char        *text);
gboolean           tutti_validate_date             (const char        *iso_date);
gboolean           tutti_validate_datetime         (const char        *iso_datetime);
gboolean           tutti_validate_time             (const char        *hh_mm);
gboolean           tutti_is_blank                  (const char        *text);

/* A phone number as shown: "02 99 74 68 64". */
char              *tutti_phone_normalize           (const char        *text);

/* The type of an uploaded file, by its content only, whatever its name
 * and declared type say: "application/pdf", "image/jpeg" or "image/png"
 * when it has the signature and the minimal structure of one (PDF:
 * "%PDF-1.x" and a final "%%EOF"; JPEG: SOI, segments up to a scan, EOI at
 * the end; PNG: signature, IHDR first, chunks up to IEND), else %NULL —
 * empty, truncated, or another kind of file. */
const char        *tutti_sniff_content_type        (const guint8      *data,
                                                    gsize              length);

G_END_DECLS
