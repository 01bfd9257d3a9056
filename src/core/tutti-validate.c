/* tutti-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-core"

#include "tutti-validate.h"

#include <string.h>

#include "tutti-format.h"

/* ---- Password policy (AUTH-3) --------------------------------------------- */

typedef struct
{
  TuttiPasswordRule rule;
  TuttiText text;
} PasswordRuleInfo;

static const PasswordRuleInfo password_rules[TUTTI_PASSWORD_N_RULES] = {
  { TUTTI_PASSWORD_TOO_SHORT, { "At least 8 characters", "Au moins 8 caractères" } },
  { TUTTI_PASSWORD_TOO_LONG, { "At most 20 characters", "Au plus 20 caractères" } },
  { TUTTI_PASSWORD_NO_UPPER, { "At least one upper-case letter", "Au moins une lettre majuscule" } },
  { TUTTI_PASSWORD_NO_LOWER, { "At least one lower-case letter", "Au moins une lettre minuscule" } },
  { TUTTI_PASSWORD_NO_DIGIT, { "At least one digit", "Au moins un chiffre" } },
};

TuttiPasswordRule
tutti_password_check (const char *password)
{
  TuttiPasswordRule unmet = 0;
  gboolean upper = FALSE, lower = FALSE, digit = FALSE;
  glong length;

  if (password == NULL || !g_utf8_validate (password, -1, NULL))
    return TUTTI_PASSWORD_TOO_SHORT | TUTTI_PASSWORD_NO_UPPER |
           TUTTI_PASSWORD_NO_LOWER | TUTTI_PASSWORD_NO_DIGIT;

  length = g_utf8_strlen (password, -1);
  for (const char *p = password; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      upper |= g_unichar_isupper (c);
      lower |= g_unichar_islower (c);
      digit |= g_unichar_isdigit (c);
    }

  if (length < TUTTI_PASSWORD_MIN_LENGTH)
    unmet |= TUTTI_PASSWORD_TOO_SHORT;
  if (length > TUTTI_PASSWORD_MAX_LENGTH)
    unmet |= TUTTI_PASSWORD_TOO_LONG;
  if (!upper)
    unmet |= TUTTI_PASSWORD_NO_UPPER;
  if (!lower)
    unmet |= TUTTI_PASSWORD_NO_LOWER;
  if (!digit)
    unmet |= TUTTI_PASSWORD_NO_DIGIT;

  return unmet;
}

TuttiPasswordRule
tutti_password_rule_nth (guint index)
{
  g_return_val_if_fail (index < TUTTI_PASSWORD_N_RULES, 0);
  return password_rules[index].rule;
}

const char *
tutti_password_rule_describe (TuttiPasswordRule rule,
                              TuttiLang         lang)
{
  for (guint i = 0; i < TUTTI_PASSWORD_N_RULES; i++)
    if (password_rules[i].rule == rule)
      return tutti_text_get (&password_rules[i].text, lang);
  g_return_val_if_reached ("");
}

char *
tutti_password_rules_message (TuttiPasswordRule unmet,
                              TuttiLang         lang)
{
  GString *out;
  gboolean first = TRUE;

  if (unmet == 0)
    return NULL;

  out = g_string_new (lang == TUTTI_LANG_FR ? "Le mot de passe doit comporter : "
                                             : "The password needs: ");
  for (guint i = 0; i < TUTTI_PASSWORD_N_RULES; i++)
    {
      const char *text;

      if (!(unmet & password_rules[i].rule))
        continue;
      text = tutti_text_get (&password_rules[i].text, lang);
      if (!first)
        g_string_append (out, ", ");
      /* The checklist lines start with an ASCII capital: lower it mid-sentence. */
      g_string_append_c (out, g_ascii_tolower (text[0]));
      g_string_append (out, text + 1);
      first = FALSE;
    }
  g_string_append_c (out, '.');

  return g_string_free (out, FALSE);
}

const char *
tutti_password_policy_summary (TuttiLang lang)
{
  static const TuttiText summary = {
    "The new password must be between 8 and 20 characters long and contain at least "
    "one upper-case letter, one lower-case letter and one digit.",
    "Le nouveau mot de passe doit avoir une longueur comprise entre 8 et 20 caractères, "
    "et doit contenir au moins une lettre majuscule, une lettre minuscule et un chiffre."
  };
  return tutti_text_get (&summary, lang);
}

/* ---- Fields --------------------------------------------------------------- */

gboolean
tutti_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
is_atext (char c)
{
  return g_ascii_isalnum (c) || strchr ("!#$%&'*+/=?^_`{|}~-", c) != NULL;
}

/* A practical subset of RFC 5322's addr-spec: dot-atoms on both sides, a
 * domain with at least one dot, labels of letters, digits and hyphens. */
gboolean
tutti_validate_email (const char *text)
{
  const char *at;
  gsize local_len, len;
  g_auto(GStrv) labels = NULL;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  at = strchr (text, '@');
  if (len > 254 || at == NULL || strchr (at + 1, '@') != NULL)
    return FALSE;

  local_len = (gsize) (at - text);
  if (local_len == 0 || local_len > 64 || text[0] == '.' || at[-1] == '.')
    return FALSE;
  for (const char *p = text; p < at; p++)
    if (!is_atext (*p) && !(*p == '.' && p[1] != '.'))
      return FALSE;

  if (strchr (at + 1, '.') == NULL)
    return FALSE;
  labels = g_strsplit (at + 1, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      gsize l = strlen (labels[i]);

      if (l == 0 || l > 63 || labels[i][0] == '-' || labels[i][l - 1] == '-')
        return FALSE;
      for (const char *p = labels[i]; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '-')
          return FALSE;
    }
  /* The top-level domain is letters only. */
  for (const char *p = labels[g_strv_length (labels) - 1]; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;

  return TRUE;
}

/* French postcodes: five digits, from 01000 to 98999. */
gboolean
tutti_validate_postcode (const char *text)
{
  g_autofree char *copy = NULL;
  guint64 value;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (strlen (copy) != 5)
    return FALSE;
  for (guint i = 0; i < 5; i++)
    if (!g_ascii_isdigit (copy[i]))
      return FALSE;
  value = g_ascii_strtoull (copy, NULL, 10);
  return value >= 1000 && value <= 98999;
}

/* Digits of @text, '+' kept in front; spaces, dots, hyphens and
 * brackets dropped; %NULL for anything else. */
static char *
phone_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (out, *p);
      else if (*p == '+' && out->len == 0)
        g_string_append_c (out, '+');
      else if (*p == ' ' || *p == '.' || *p == '-' || *p == '(' || *p == ')')
        continue;
      else
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  return g_string_free (out, FALSE);
}

/* French numbers of 10 digits starting with 0 (not 00), +33 and 9 digits,
 * or any other international number (+ then 8 to 15 digits). */
gboolean
tutti_validate_phone (const char *text)
{
  g_autofree char *digits = NULL;
  gsize len;

  if (text == NULL || (digits = phone_digits (text)) == NULL)
    return FALSE;
  len = strlen (digits);

  if (g_str_has_prefix (digits, "+33"))
    return len == 12 && digits[3] != '0';
  if (digits[0] == '+')
    return len >= 9 && len <= 16;
  return len == 10 && digits[0] == '0' && digits[1] != '0';
}

char *
tutti_phone_normalize (const char *text)
{
  g_autofree char *digits = NULL;
  GString *out;

  if (text == NULL || !tutti_validate_phone (text))
    return g_strdup (text != NULL ? text : "");

  digits = phone_digits (text);
  if (digits[0] == '+')
    return g_steal_pointer (&digits);

  out = g_string_new (NULL);
  for (guint i = 0; i < 10; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, digits + i, 2);
    }
  return g_string_free (out, FALSE);
}

/* 01–95 (2A/2B for Corsica), 971–976 overseas, 99 for born abroad. */
gboolean
tutti_validate_department (const char *text)
{
  g_autofree char *copy = NULL;
  gsize len;

  if (text == NULL)
    return FALSE;
  copy = g_ascii_strup (text, -1);
  g_strstrip (copy);
  len = strlen (copy);

  if (strcmp (copy, "2A") == 0 || strcmp (copy, "2B") == 0 || strcmp (copy, "99") == 0)
    return TRUE;
  if (len == 2 && g_ascii_isdigit (copy[0]) && g_ascii_isdigit (copy[1]))
    {
      int n = (copy[0] - '0') * 10 + (copy[1] - '0');
      return n >= 1 && n <= 95 && n != 20;
    }
  if (len == 3 && g_ascii_isdigit (copy[0]) && g_ascii_isdigit (copy[1]) && g_ascii_isdigit (copy[2]))
    {
      int n = (copy[0] - '0') * 100 + (copy[1] - '0') * 10 + (copy[2] - '0');
      return n >= 971 && n <= 976;
    }
  return FALSE;
}

gboolean
tutti_validate_date (const char *iso_date)
{
  return tutti_parse_date (iso_date, NULL, NULL, NULL);
}

gboolean
tutti_validate_datetime (const char *iso_datetime)
{
  g_autoptr(GDateTime) dt = tutti_parse_datetime (iso_datetime);
  char date[11];

  if (dt == NULL)
    return FALSE;
  /* GLib accepts forms we do not emit; the date part must be a real date. */
  memcpy (date, iso_datetime, 10);
  date[10] = '\0';
  return tutti_parse_date (date, NULL, NULL, NULL);
}

gboolean
tutti_validate_time (const char *hh_mm)
{
  return tutti_parse_time (hh_mm, NULL, NULL);
}

/* ---- Uploads: recognising a file by its content --------------------------- */

/* A PDF's "%%EOF" must be within its last kilobyte. */
#define PDF_TAIL 1024

static gboolean
is_blank_byte (guint8 byte)
{
  return byte == ' ' || byte == '\t' || byte == '\r' || byte == '\n' || byte == '\0' ||
         byte == '\f';
}

/* The size without the blanks some writers leave after the end marker. */
static gsize
trimmed_size (const guint8 *data,
              gsize         size)
{
  while (size > 0 && is_blank_byte (data[size - 1]))
    size--;
  return size;
}

static gboolean
is_pdf (const guint8 *data,
        gsize         size)
{
  gsize end = trimmed_size (data, size);

  /* "%PDF-1.7", then "%%EOF" as the last thing in the file. */
  if (size < 16 || memcmp (data, "%PDF-", 5) != 0 ||
      !g_ascii_isdigit (data[5]) || data[6] != '.' || !g_ascii_isdigit (data[7]))
    return FALSE;
  return end >= 13 && memcmp (data + end - 5, "%%EOF", 5) == 0 &&
         end - 5 >= size - MIN (size, PDF_TAIL);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
is_png (const guint8 *data,
        gsize         size)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize offset = 8;
  gboolean first = TRUE;

  if (size < 8 + 25 + 12 || memcmp (data, signature, 8) != 0)
    return FALSE;

  /* Chunk by chunk: length, type, data, CRC; IHDR first, IEND last. */
  while (offset + 12 <= size)
    {
      guint32 length = read_be32 (data + offset);
      const guint8 *type = data + offset + 4;

      for (guint i = 0; i < 4; i++)
        if (!g_ascii_isalpha (type[i]))
          return FALSE;
      if (length > size - offset - 12)
        return FALSE;
      if (first && (memcmp (type, "IHDR", 4) != 0 || length != 13))
        return FALSE;
      first = FALSE;
      offset += 12 + (gsize) length;
      if (memcmp (type, "IEND", 4) == 0)
        return length == 0 && trimmed_size (data + offset, size - offset) == 0;
    }
  return FALSE;
}

static gboolean
is_jpeg (const guint8 *data,
         gsize         size)
{
  gsize end = trimmed_size (data, size);
  gsize offset = 2;

  if (size < 8 || data[0] != 0xff || data[1] != 0xd8 || data[2] != 0xff)
    return FALSE;
  if (end < 4 || data[end - 2] != 0xff || data[end - 1] != 0xd9)
    return FALSE;

  /* Marker segments, each "FF xx" and a length, up to the start of scan. */
  while (offset + 4 <= end)
    {
      guint8 marker;
      gsize length;

      if (data[offset] != 0xff)
        return FALSE;
      marker = data[offset + 1];
      if (marker == 0xff)
        {
          offset++;   /* fill byte */
          continue;
        }
      if (marker == 0xd8 || marker == 0xd9 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        return FALSE;
      length = ((gsize) data[offset + 2] << 8) | data[offset + 3];
      if (length < 2 || offset + 2 + length > end)
        return FALSE;
      if (marker == 0xda)
        return offset + 2 + length < end - 2;
      offset += 2 + length;
    }
  return FALSE;
}

const char *
tutti_sniff_content_type (const guint8 *data,
                          gsize         length)
{
  if (data == NULL || length == 0)
    return NULL;
  if (is_pdf (data, length))
    return "application/pdf";
  if (is_png (data, length))
    return "image/png";
  if (is_jpeg (data, length))
    return "image/jpeg";
  return NULL;
}
