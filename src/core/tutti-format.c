/* tutti-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-core"

#include "tutti-format.h"

#include <stdlib.h>
#include <string.h>

#include "tutti-validate.h"

#define NBSP "\u00a0"        /* between a number and its unit        */
#define NNBSP "\u202f"       /* French thousands separator           */

static const char * const month_abbr_en[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};
static const char * const month_names_en[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december"
};
static const char * const month_names_fr[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
  "septembre", "octobre", "novembre", "décembre"
};

/* Strict "YYYY-MM-DD", a date that exists. */
gboolean
tutti_parse_date (const char *iso_date,
                  int        *year,
                  int        *month,
                  int        *day)
{
  int y, m, d;

  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-' || iso_date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
      return FALSE;

  y = atoi (iso_date);
  m = atoi (iso_date + 5);
  d = atoi (iso_date + 8);
  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;
  return TRUE;
}

/* Strict "HH:MM", 00:00 to 23:59. */
gboolean
tutti_parse_time (const char *hh_mm,
                  int        *hour,
                  int        *minute)
{
  int h, m;

  if (hh_mm == NULL || strlen (hh_mm) != 5 || hh_mm[2] != ':' ||
      !g_ascii_isdigit (hh_mm[0]) || !g_ascii_isdigit (hh_mm[1]) ||
      !g_ascii_isdigit (hh_mm[3]) || !g_ascii_isdigit (hh_mm[4]))
    return FALSE;

  h = (hh_mm[0] - '0') * 10 + (hh_mm[1] - '0');
  m = (hh_mm[3] - '0') * 10 + (hh_mm[4] - '0');
  if (h > 23 || m > 59)
    return FALSE;

  if (hour != NULL)
    *hour = h;
  if (minute != NULL)
    *minute = m;
  return TRUE;
}

/* An ISO 8601 date and time with its offset; the time is kept in that
 * offset, so that a deadline reads the same on every machine. */
GDateTime *
tutti_parse_datetime (const char *iso_datetime)
{
  if (iso_datetime == NULL || strlen (iso_datetime) < 16 || iso_datetime[10] != 'T')
    return NULL;
  return g_date_time_new_from_iso8601 (iso_datetime, NULL);
}

static char *
format_date_dmy (int        y,
                 int        m,
                 int        d,
                 TuttiLang  lang)
{
  if (lang == TUTTI_LANG_FR)
    return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
  return g_strdup_printf ("%d %s %04d", d, month_abbr_en[m - 1], y);
}

static char *
format_time_hm (int       h,
                int       m,
                TuttiLang lang)
{
  if (lang == TUTTI_LANG_FR)
    return g_strdup_printf ("%02d:%02d", h, m);
  return g_strdup_printf ("%d:%02d" NBSP "%s", h % 12 == 0 ? 12 : h % 12, m, h < 12 ? "AM" : "PM");
}

char *
tutti_format_date (const char *iso_date,
                   TuttiLang   lang)
{
  int y, m, d;

  if (!tutti_parse_date (iso_date, &y, &m, &d))
    {
      /* A date-time shows as its date. */
      g_autoptr(GDateTime) dt = tutti_parse_datetime (iso_date);

      if (dt == NULL)
        return g_strdup ("");
      g_date_time_get_ymd (dt, &y, &m, &d);
    }
  return format_date_dmy (y, m, d, lang);
}

char *
tutti_format_time (const char *hh_mm,
                   TuttiLang   lang)
{
  int h, m;

  if (!tutti_parse_time (hh_mm, &h, &m))
    return g_strdup ("");
  return format_time_hm (h, m, lang);
}

char *
tutti_format_datetime (const char *iso_datetime,
                       TuttiLang   lang)
{
  g_autoptr(GDateTime) dt = tutti_parse_datetime (iso_datetime);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  int y, m, d;

  if (dt == NULL)
    return g_strdup ("");

  g_date_time_get_ymd (dt, &y, &m, &d);
  date = format_date_dmy (y, m, d, lang);
  time = format_time_hm (g_date_time_get_hour (dt), g_date_time_get_minute (dt), lang);
  return g_strdup_printf (lang == TUTTI_LANG_FR ? "%s à %s" : "%s at %s", date, time);
}

char *
tutti_format_datetime_time (const char *iso_datetime,
                            TuttiLang   lang)
{
  g_autoptr(GDateTime) dt = tutti_parse_datetime (iso_datetime);

  if (dt == NULL)
    return g_strdup ("");
  return format_time_hm (g_date_time_get_hour (dt), g_date_time_get_minute (dt), lang);
}

char *
tutti_format_deadline (const char *iso_datetime,
                       TuttiLang   lang)
{
  g_autofree char *when = tutti_format_datetime (iso_datetime, lang);

  if (*when == '\0')
    return g_strdup ("");
  return g_strdup_printf (lang == TUTTI_LANG_FR ? "Jusqu’au %s" : "Until %s", when);
}

/* "01:15" in French as the guide shows durations; "1:15" in English. */
char *
tutti_format_duration (gint64    minutes,
                       TuttiLang lang)
{
  const char *sign = minutes < 0 ? "-" : "";
  guint64 abs_minutes = minutes < 0 ? (guint64) -(minutes + 1) + 1 : (guint64) minutes;

  if (lang == TUTTI_LANG_FR)
    return g_strdup_printf ("%s%02" G_GUINT64_FORMAT ":%02" G_GUINT64_FORMAT,
                            sign, abs_minutes / 60, abs_minutes % 60);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ":%02" G_GUINT64_FORMAT,
                          sign, abs_minutes / 60, abs_minutes % 60);
}

/* Groups the digits of @value by three with @separator. */
static void
append_grouped (GString    *out,
                guint64     value,
                const char *separator)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

/* Formats a fixed-point number of hundredths without any float. */
static char *
format_hundredths (gint64      value,
                   TuttiLang   lang,
                   gboolean    money)
{
  GString *out = g_string_new (NULL);
  guint64 abs_value = value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value;

  if (value < 0)
    g_string_append_c (out, '-');
  if (money && lang == TUTTI_LANG_EN)
    g_string_append (out, "€");

  append_grouped (out, abs_value / 100, lang == TUTTI_LANG_FR ? NNBSP : ",");
  g_string_append_printf (out, "%s%02u", lang == TUTTI_LANG_FR ? "," : ".",
                          (guint) (abs_value % 100));

  if (money && lang == TUTTI_LANG_FR)
    g_string_append (out, NBSP "€");

  return g_string_free (out, FALSE);
}

char *
tutti_format_money (gint64    cents,
                    TuttiLang lang)
{
  return format_hundredths (cents, lang, TRUE);
}

char *
tutti_format_decimal (gint64    hundredths,
                      TuttiLang lang)
{
  return format_hundredths (hundredths, lang, FALSE);
}

/* In megabytes with two decimals, as the guide's "Taille (Mo)" column. */
char *
tutti_format_size (gint64    bytes,
                   TuttiLang lang)
{
  /* Hundredths of a MiB, rounded to nearest; a file that holds anything
   * never shows as empty. */
  gint64 hundredths = (bytes * 100 + 512 * 1024) / (1024 * 1024);
  g_autofree char *number = NULL;

  if (bytes > 0 && hundredths == 0)
    hundredths = 1;
  number = format_hundredths (hundredths, lang, FALSE);

  return g_strdup_printf ("%s" NBSP "%s", number, lang == TUTTI_LANG_FR ? "Mo" : "MB");
}

static int
month_from_name (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  gsize len = strlen (lower);

  if (len > 0 && lower[len - 1] == '.')
    lower[--len] = '\0';
  if (len < 3)
    return 0;

  for (guint i = 0; i < 12; i++)
    if (strncmp (month_names_en[i], lower, len) == 0 ||
        strncmp (month_names_fr[i], lower, len) == 0)
      return (int) i + 1;
  return 0;
}

/* "31/10/2026", "31-10-2026", "31.10.2026", "31 Oct 2026", "31 octobre 2026"
 * or "2026-10-31" → "2026-10-31"; %NULL when it is not a date. Both
 * languages put the day first. */
char *
tutti_date_from_display (const char *text,
                         TuttiLang   lang)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) parts = NULL;
  int d = 0, m = 0, y = 0;
  char *result;

  if (tutti_is_blank (text))
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (tutti_parse_date (copy, NULL, NULL, NULL))
    return g_steal_pointer (&copy);

  g_strdelimit (copy, "/-.", ' ');
  parts = g_strsplit_set (copy, " ", -1);
  {
    guint n = 0;
    const char *fields[3] = { NULL, NULL, NULL };

    for (guint i = 0; parts[i] != NULL; i++)
      {
        if (*parts[i] == '\0')
          continue;
        if (n == 3)
          return NULL;
        fields[n++] = parts[i];
      }
    if (n != 3)
      return NULL;

    for (guint i = 0; i < 3; i++)
      if (i != 1)
        for (const char *p = fields[i]; *p != '\0'; p++)
          if (!g_ascii_isdigit (*p))
            return NULL;

    d = atoi (fields[0]);
    y = atoi (fields[2]);
    if (g_ascii_isdigit (fields[1][0]))
      {
        for (const char *p = fields[1]; *p != '\0'; p++)
          if (!g_ascii_isdigit (*p))
            return NULL;
        m = atoi (fields[1]);
      }
    else
      m = month_from_name (fields[1]);
    if (strlen (fields[2]) != 4)
      return NULL;
  }

  result = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  if (!tutti_parse_date (result, NULL, NULL, NULL))
    g_clear_pointer (&result, g_free);
  return result;
}

char *
tutti_datetime_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}
