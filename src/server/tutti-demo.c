/* tutti-demo.c — the demo school of API.md
 *
 * `tutti-server --demo` fills an empty school with the Conservatoire de
 * Vitré Communauté as the user guide shows it (the Z-TEST family), the
 * MARTIN family (two guardians, three pupils, rentals, an unpaid balance),
 * a few more families, a staff account, and both campaigns open, the
 * re-enrolment with its four leaflets for families to download (the fees,
 * the rules, the SEPA mandate and the calendar of its school year, drawn
 * by tutti-leaflet.c). Everything is deterministic but the campaign dates
 * and the current year's marks and absences, which follow the day the demo
 * is loaded so that they are open and recent. A marker in the settings
 * table makes a second load a no-op.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <string.h>

#include "tutti-accounts.h"
#include "tutti-demo.h"
#include "tutti-leaflet.h"
#include "tutti-password.h"

#define DEMO_MARKER "demo-loaded-at"

/* Inserts stop at the first error, which is kept here; the caller checks
 * it once at the end instead of after every row. */
typedef struct
{
  TuttiStore *store;
  GError *error;
  GDate today;
  int school_year;       /* the current school year starts in September of this year */
  TuttiSchool *school;   /* its letterhead, on the campaign's downloads */
  char *family_hash;
  char *staff_hash;
  guint operation;       /* a counter for operation numbers */
} Demo;

static gint64
insert (Demo          *demo,
        TuttiTable     table,
        gconstpointer  record,
        const char    *extra_column,
        gint64         extra_value)
{
  if (demo->error != NULL)
    return 0;
  return tutti_store_insert (demo->store, table, record, extra_column, extra_value, &demo->error);
}

/* Runs a constant statement with up to three bound values; text values
 * bind as text, the rest as integers. */
static void
run_sql (Demo       *demo,
         const char *sql,
         const char *text1,
         gint64      int2,
         gint64      int3)
{
  sqlite3_stmt *stmt;

  if (demo->error != NULL)
    return;
  stmt = tutti_store_prepare (demo->store, sql, &demo->error);
  if (stmt == NULL)
    return;
  tutti_store_bind_text (stmt, 1, text1);
  tutti_store_bind_int (stmt, 2, int2);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    tutti_store_bind_int (stmt, 3, int3);
  tutti_store_run (demo->store, stmt, &demo->error);
}

static void
shift_date (GDate *date,
            int    days)
{
  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
}

static char *
date_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* Today moved by @days, as ISO 8601. */
static char *
days_from_today (Demo *demo,
                 int   days)
{
  GDate date = demo->today;

  shift_date (&date, days);
  return date_iso (&date);
}

/* "2026-10-31T23:59:00+01:00": today + @days at @hour:@minute local time. */
static char *
local_datetime (Demo *demo,
                int   days,
                int   hour,
                int   minute)
{
  GDate date = demo->today;
  g_autoptr(GDateTime) dt = NULL;

  shift_date (&date, days);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), hour, minute, 0);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

static gboolean
date_is_past (Demo       *demo,
              const char *iso)
{
  g_autofree char *today = date_iso (&demo->today);

  return strcmp (iso, today) <= 0;
}

/* ---- A tiny PDF for the documents families uploaded ---------------------- */

static void
pdf_escape (GString    *out,
            const char *utf8)
{
  g_autofree char *latin = g_convert_with_fallback (utf8, -1, "WINDOWS-1252", "UTF-8",
                                                    "?", NULL, NULL, NULL);
  const char *text = latin != NULL ? latin : utf8;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '(' || *p == ')' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* A one-page PDF with a title and a line of text. */
static GBytes *
make_pdf (const char *title,
          const char *line)
{
  GString *pdf = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  g_autoptr(GString) content = g_string_new (NULL);
  gsize offsets[6];
  gsize xref;

  g_string_append (content, "BT /F1 16 Tf 56 780 Td (");
  pdf_escape (content, title);
  g_string_append (content, ") Tj /F1 11 Tf 0 -28 Td (");
  pdf_escape (content, line);
  g_string_append (content, ") Tj ET\n");

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[3] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>\nendobj\n");
  offsets[4] = pdf->len;
  g_string_append_printf (pdf, "4 0 obj\n<< /Length %" G_GSIZE_FORMAT " >>\nstream\n%s"
                               "endstream\nendobj\n", content->len, content->str);
  offsets[5] = pdf->len;
  g_string_append (pdf, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                        "/Encoding /WinAnsiEncoding >>\nendobj\n");
  xref = pdf->len;
  g_string_append (pdf, "xref\n0 6\n0000000000 65535 f \n");
  for (guint i = 1; i <= 5; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%"
                               G_GSIZE_FORMAT "\n%%%%EOF\n", xref);

  return g_string_free_to_bytes (pdf);
}

/* ---- The school ------------------------------------------------------------ */

static void
add_school (Demo *demo)
{
  g_autoptr(TuttiSite) site = tutti_site_new ();
  g_autoptr(TuttiSchool) school = tutti_school_new ();

  site->id = g_strdup (TUTTI_DEMO_SITE_ID);
  site->name = g_strdup ("Conservatoire");
  insert (demo, TUTTI_TABLE_SITES, site, NULL, 0);

  school->name = g_strdup ("Conservatoire de Musique et d'Art Dramatique de Vitré Communauté");
  school->address = g_strdup ("6 rue de Verdun");
  school->postcode = g_strdup ("35500");
  school->town = g_strdup ("VITRE");
  school->phone = g_strdup ("02 99 74 68 64");
  school->email = g_strdup ("conservatoire@vitrecommunaute.org");
  school->website = g_strdup ("https://www.vitrecommunaute.org/listes/conservatoire-de-musique-et-dart-dramatique/");
  insert (demo, TUTTI_TABLE_SCHOOL, school, "id", 1);
  demo->school = g_steal_pointer (&school);
}

typedef struct
{
  const char *id;
  const char *name;
  const char *description;
  gboolean required;
  gboolean in_reenrolment;
} DemoDocumentKind;

static const DemoDocumentKind document_kinds[] = {
  { "family-quotient", "Attestation de quotient familial de moins de 4 mois",
    "Afin de bénéficier de la tarification selon le Quotient Familial : attestation de votre "
    "organisme (CAF, MSA…) de moins de 4 mois. Sans justificatif, le tarif de la Tranche 6 "
    "de la grille tarifaire s'applique.", TRUE, TRUE },
  { "direct-debit-form", "Formulaire de demande de Prélèvement Automatique",
    "Pour adhérer au prélèvement automatique du règlement trimestriel des factures de "
    "cotisations : le mandat complété, accompagné d'un RIB.", TRUE, TRUE },
  { "bank-details", "Relevé d'Identité bancaire",
    "Le RIB du compte à prélever.", TRUE, TRUE },
  { "proof-of-address", "Justificatif de domicile de moins de 3 mois",
    "Facture d'eau, d'électricité ou de téléphone.", FALSE, FALSE },
  { "medical-certificate", "Certificat médical (théâtre)",
    "Certificat de non contre-indication à la pratique théâtrale.", FALSE, FALSE },
};

typedef struct
{
  const char *discipline;
  const char *cursus;
  gint64 min_age;
  gint64 max_age;
  guint sites;            /* bits: Vitré, Argentré-du-Plessis, Châteaubourg, La Guerche */
  TuttiWeekday day;
  const char *time;
} DemoOffer;

#define VIT (1 << 0)
#define ARG (1 << 1)
#define CHA (1 << 2)
#define GUE (1 << 3)
#define ALL (VIT | ARG | CHA | GUE)

static const char * const offer_sites[] = {
  "Vitré", "Argentré-du-Plessis", "Châteaubourg", "La Guerche-de-Bretagne",
};

static const DemoOffer offer[] = {
  { "Éveil musical", "Éveil (4-5 ans)", 4, 5, ALL, TUTTI_WEEKDAY_WEDNESDAY, "10:00" },
  { "Parcours découvertes instrumentales", "Parcours découvertes (6-7 ans)", 6, 7, VIT | CHA,
    TUTTI_WEEKDAY_MONDAY, "17:00" },
  { "Culture musicale 1C1", "Formation musicale", 7, TUTTI_NO_VALUE, ALL, TUTTI_WEEKDAY_WEDNESDAY, "14:00" },
  { "Culture musicale générale", "Formation musicale", 11, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_TUESDAY, "18:00" },
  { "Piano", "Cursus classique", 7, TUTTI_NO_VALUE, VIT | CHA | GUE, TUTTI_WEEKDAY_NONE, NULL },
  { "Violon", "Cursus classique", 7, TUTTI_NO_VALUE, VIT | GUE, TUTTI_WEEKDAY_NONE, NULL },
  { "Alto", "Cursus classique", 7, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_NONE, NULL },
  { "Violoncelle", "Cursus classique", 7, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_NONE, NULL },
  { "Contrebasse", "Cursus classique", 9, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_NONE, NULL },
  { "Flûte traversière", "Cursus classique", 7, TUTTI_NO_VALUE, VIT | ARG, TUTTI_WEEKDAY_NONE, NULL },
  { "Clarinette", "Cursus classique", 7, TUTTI_NO_VALUE, VIT | CHA, TUTTI_WEEKDAY_NONE, NULL },
  { "Saxophone", "Cursus classique", 7, TUTTI_NO_VALUE, VIT | GUE, TUTTI_WEEKDAY_NONE, NULL },
  { "Trompette", "Cursus classique", 7, TUTTI_NO_VALUE, VIT | ARG, TUTTI_WEEKDAY_NONE, NULL },
  { "Trombone", "Cursus classique", 8, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_NONE, NULL },
  { "Cor", "Cursus classique", 7, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_NONE, NULL },
  { "Tuba", "Cursus classique", 8, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_NONE, NULL },
  { "Percussions", "Cursus classique", 7, TUTTI_NO_VALUE, VIT | CHA, TUTTI_WEEKDAY_NONE, NULL },
  { "Guitare classique", "Cursus classique", 7, TUTTI_NO_VALUE, VIT | CHA | GUE, TUTTI_WEEKDAY_NONE, NULL },
  { "Harpe", "Cursus classique", 7, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_NONE, NULL },
  { "Accordéon chromatique", "Cursus classique", 7, TUTTI_NO_VALUE, ARG, TUTTI_WEEKDAY_NONE, NULL },
  { "Guitare électrique", "Musiques actuelles", 10, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_NONE, NULL },
  { "Basse électrique", "Musiques actuelles", 10, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_NONE, NULL },
  { "Batterie", "Musiques actuelles", 8, TUTTI_NO_VALUE, VIT | GUE, TUTTI_WEEKDAY_NONE, NULL },
  { "Claviers Musiques Actuelles", "Musiques actuelles", 10, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_NONE, NULL },
  { "Chant Musiques Actuelles", "Musiques actuelles", 14, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_NONE, NULL },
  { "Chant lyrique", "Cursus classique", 15, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_NONE, NULL },
  { "Chorale enfants", "Pratique collective", 7, 11, VIT | GUE, TUTTI_WEEKDAY_WEDNESDAY, "16:30" },
  { "Chœur adultes", "Pratique collective", 18, TUTTI_NO_VALUE, VIT | GUE, TUTTI_WEEKDAY_THURSDAY, "20:00" },
  { "Théâtre enfants (8-11 ans)", "Art dramatique", 8, 11, VIT | CHA, TUTTI_WEEKDAY_WEDNESDAY, "14:00" },
  { "Théâtre adolescents (12-15 ans)", "Art dramatique", 12, 15, VIT, TUTTI_WEEKDAY_WEDNESDAY, "16:00" },
  { "Théâtre adultes", "Art dramatique", 16, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_MONDAY, "20:00" },
  { "Orchestre à cordes", "Pratique collective", 9, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_SATURDAY, "10:00" },
  { "Orchestre d'harmonie", "Pratique collective", 10, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_FRIDAY, "19:00" },
  { "Big band", "Pratique collective", 14, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_FRIDAY, "20:30" },
  { "Ensemble de guitares", "Pratique collective", 10, TUTTI_NO_VALUE, CHA, TUTTI_WEEKDAY_SATURDAY, "11:00" },
  { "Atelier musiques actuelles", "Musiques actuelles", 12, TUTTI_NO_VALUE, VIT, TUTTI_WEEKDAY_THURSDAY, "18:30" },
};

static void
add_offer (Demo   *demo,
           gint64  campaign_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (offer); i++)
    for (guint s = 0; s < G_N_ELEMENTS (offer_sites); s++)
      {
        g_autoptr(TuttiOfferItem) item = NULL;

        if (!(offer[i].sites & (1u << s)))
          continue;

        item = tutti_offer_item_new ();
        item->discipline = g_strdup (offer[i].discipline);
        item->site = g_strdup (offer_sites[s]);
        item->cursus = g_strdup (offer[i].cursus);
        item->day = offer[i].day;
        item->time = g_strdup (offer[i].time);
        item->min_age = offer[i].min_age;
        item->max_age = offer[i].max_age;
        /* A few full classes, so that "places left" means something. */
        item->places_left = (i * 7 + s * 3) % 11 == 0 ? 0 : (gint64) ((i * 5 + s * 2) % 9 + 1);
        insert (demo, TUTTI_TABLE_OFFER_ITEMS, item, "campaign_id", campaign_id);
      }
}

/* ---- The re-enrolment campaign's downloads (HOME-3) -------------------------- */

/* Dates as the school writes them in its leaflets: "lundi 13 septembre 2027",
 * joined by no-break spaces so that a span breaks before "au" only. */
static const char * const weekday_names[] = {
  NULL, "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
};
static const char * const month_names[] = {
  NULL, "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
  "septembre", "octobre", "novembre", "décembre",
};

static char *
long_date (const GDate *date,
           gboolean     with_month,
           gboolean     with_year)
{
  g_autoptr(GString) text = g_string_new (weekday_names[g_date_get_weekday (date)]);
  int day = g_date_get_day (date);

  g_string_append_printf (text, "\u00a0%d%s", day, day == 1 ? "er" : "");
  if (with_month)
    g_string_append_printf (text, "\u00a0%s", month_names[g_date_get_month (date)]);
  if (with_year)
    g_string_append_printf (text, "\u00a0%d", g_date_get_year (date));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "lundi 13 septembre 2027", "du lundi 6 au samedi 11 décembre 2027",
 * "du samedi 18 décembre 2027 au dimanche 2 janvier 2028" */
static char *
date_span (const GDate *from,
           const GDate *to)
{
  gboolean same_year = g_date_get_year (from) == g_date_get_year (to);
  gboolean same_month = same_year && g_date_get_month (from) == g_date_get_month (to);
  g_autofree char *first = NULL;
  g_autofree char *last = long_date (to, TRUE, TRUE);

  if (g_date_compare (from, to) == 0)
    return g_steal_pointer (&last);
  first = long_date (from, !same_month, !same_year);
  return g_strdup_printf ("du\u00a0%s au\u00a0%s", first, last);
}

/* The first @weekday on or after @day/@month/@year. */
static void
weekday_on_or_after (GDate        *date,
                     int           day,
                     GDateMonth    month,
                     int           year,
                     GDateWeekday  weekday)
{
  g_date_set_dmy (date, day, month, year);
  while (g_date_get_weekday (date) != weekday)
    g_date_add_days (date, 1);
}

static void
days_after (GDate       *date,
            const GDate *from,
            int          days)
{
  *date = *from;
  shift_date (date, days);
}

/* Easter Sunday (the anonymous Gregorian algorithm). */
static void
easter_sunday (GDate *date,
               int    year)
{
  int a = year % 19, b = year / 100, c = year % 100;
  int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int n = h + l - 7 * m + 114;

  g_date_set_dmy (date, n % 31 + 1, n / 31, year);
}

/* Two weeks of holidays, from the Saturday @start to the Sunday after next. */
typedef struct
{
  const char *name;
  GDate start;
  GDate end;
} Holidays;

static void
holidays_from (Holidays    *holidays,
               const char  *name,
               const GDate *start)
{
  holidays->name = name;
  holidays->start = *start;
  days_after (&holidays->end, start, 15);
}

/* The holidays that end on the Sunday before the first Monday on or after
 * @day/@month/@year: the Toussaint's and Christmas's. */
static void
holidays_before (Holidays   *holidays,
                 const char *name,
                 int         day,
                 GDateMonth  month,
                 int         year)
{
  GDate monday, start;

  weekday_on_or_after (&monday, day, month, year, G_DATE_MONDAY);
  days_after (&start, &monday, -16);
  holidays_from (holidays, name, &start);
}

typedef struct
{
  GDate from;
  GDate to;
  char *what;
} CalendarEntry;

static void
calendar_entry_free (gpointer data)
{
  CalendarEntry *entry = data;

  g_free (entry->what);
  g_free (entry);
}

static void
add_calendar_entry (GPtrArray   *entries,
                    const GDate *from,
                    const GDate *to,
                    const char  *what)
{
  CalendarEntry *entry = g_new0 (CalendarEntry, 1);

  entry->from = *from;
  entry->to = to != NULL ? *to : *from;
  entry->what = g_strdup (what);
  g_ptr_array_add (entries, entry);
}

static int
compare_calendar_entries (gconstpointer a,
                          gconstpointer b)
{
  const CalendarEntry *first = *(CalendarEntry * const *) a;
  const CalendarEntry *second = *(CalendarEntry * const *) b;

  return g_date_compare (&first->from, &second->from);
}

/* A public holiday on a day of classes (Monday to Saturday, outside the
 * school holidays). */
static void
add_public_holiday (GPtrArray      *entries,
                    const Holidays *holidays,
                    guint           n_holidays,
                    const GDate    *date,
                    const GDate    *to,
                    const char     *what)
{
  if (g_date_get_weekday (date) == G_DATE_SUNDAY)
    return;
  for (guint i = 0; i < n_holidays; i++)
    if (g_date_compare (date, &holidays[i].start) >= 0 && g_date_compare (date, &holidays[i].end) <= 0)
      return;
  add_calendar_entry (entries, date, to, what);
}

static void
add_calendar_table (TuttiLeaflet *leaflet,
                    GPtrArray    *entries,
                    const char   *what)
{
  const TuttiLeafletColumn columns[] = {
    { "Dates", 0.47, PANGO_ALIGN_LEFT, FALSE },
    { what, 0.53, PANGO_ALIGN_LEFT, FALSE },
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < entries->len; i++)
    {
      const CalendarEntry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (cells, date_span (&entry->from, &entry->to));
      g_ptr_array_add (cells, g_strdup (entry->what));
    }
  tutti_leaflet_add_table (leaflet, columns, G_N_ELEMENTS (columns),
                           (const char * const *) cells->pdata, entries->len);
}

/* The year @year/@year+1 of the académie de Rennes (zone B): classes from
 * the second Monday of September to the Saturday a week before the
 * summer holidays, the four school holidays, the public holidays, the
 * auditions and the exams. */
static void
fill_calendar (Demo         *demo,
               TuttiLeaflet *leaflet,
               int           year)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (calendar_entry_free);
  g_autoptr(GPtrArray) days_off = g_ptr_array_new_with_free_func (calendar_entry_free);
  Holidays holidays[4];
  GDate start, meetings, meetings_end, first_zone, date, to, easter, summer, end, exams;
  int winter_week = (((year + 1 - 2025) % 3) + 3) % 3;

  /* Zones A, B and C take their winter and spring holidays a week apart,
   * in turns: zone B first in 2025, second in 2026, third in 2027. */
  holidays_before (&holidays[0], "Vacances de la Toussaint", 2, G_DATE_NOVEMBER, year);
  holidays_before (&holidays[1], "Vacances de Noël", 2, G_DATE_JANUARY, year + 1);
  weekday_on_or_after (&first_zone, 5, G_DATE_FEBRUARY, year + 1, G_DATE_SATURDAY);
  days_after (&date, &first_zone, 7 * winter_week);
  holidays_from (&holidays[2], "Vacances d’hiver", &date);
  weekday_on_or_after (&first_zone, 4, G_DATE_APRIL, year + 1, G_DATE_SATURDAY);
  days_after (&date, &first_zone, 7 * winter_week);
  holidays_from (&holidays[3], "Vacances de printemps", &date);
  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    add_calendar_entry (days_off, &holidays[i].start, &holidays[i].end, holidays[i].name);

  /* As the pupils' history records: the second Monday of September. */
  weekday_on_or_after (&start, 8, G_DATE_SEPTEMBER, year, G_DATE_MONDAY);
  days_after (&meetings, &start, -7);
  days_after (&meetings_end, &start, -2);
  add_calendar_entry (entries, &meetings, &meetings_end,
                      "Rencontres avec les professeurs, choix des horaires");
  add_calendar_entry (entries, &start, NULL, "Reprise des cours");

  days_after (&date, &holidays[1].start, -12);
  days_after (&to, &holidays[1].start, -7);
  add_calendar_entry (entries, &date, &to, "Auditions de classes de fin d’année");
  days_after (&date, &holidays[2].end, 29);
  days_after (&to, &date, 5);
  add_calendar_entry (entries, &date, &to, "Semaine des auditions de printemps");
  days_after (&date, &holidays[3].end, 20);
  add_calendar_entry (entries, &date, NULL, "Portes ouvertes et découverte des instruments");

  /* Exams: two weeks from the last Monday of May, the written tests of
   * formation musicale on the Wednesday before. */
  weekday_on_or_after (&exams, 25, G_DATE_MAY, year + 1, G_DATE_MONDAY);
  days_after (&date, &exams, -5);
  add_calendar_entry (entries, &date, NULL, "Examens de formation musicale (épreuves écrites)");
  days_after (&to, &exams, 12);
  add_calendar_entry (entries, &exams, &to, "Examens de fin de cycle (instruments, chant, théâtre)");

  /* The summer holidays start on the first Saturday from 4 July; classes
   * end a week before. */
  weekday_on_or_after (&summer, 4, G_DATE_JULY, year + 1, G_DATE_SATURDAY);
  days_after (&end, &summer, -7);
  g_date_set_dmy (&date, 21, G_DATE_JUNE, year + 1);
  add_calendar_entry (entries, &date, NULL, "Fête de la musique\u00a0: concerts des élèves en ville");
  days_after (&date, &end, -7);
  add_calendar_entry (entries, &date, NULL, "Concert de fin d’année des ensembles du conservatoire");
  add_calendar_entry (entries, &end, NULL, "Fin des cours");

  g_date_set_dmy (&date, 11, G_DATE_NOVEMBER, year);
  add_public_holiday (days_off, holidays, G_N_ELEMENTS (holidays), &date, NULL, "Armistice de 1918");
  easter_sunday (&easter, year + 1);
  days_after (&date, &easter, 1);
  add_public_holiday (days_off, holidays, G_N_ELEMENTS (holidays), &date, NULL, "Lundi de Pâques");
  g_date_set_dmy (&date, 1, G_DATE_MAY, year + 1);
  add_public_holiday (days_off, holidays, G_N_ELEMENTS (holidays), &date, NULL, "Fête du Travail");
  g_date_set_dmy (&date, 8, G_DATE_MAY, year + 1);
  add_public_holiday (days_off, holidays, G_N_ELEMENTS (holidays), &date, NULL, "Victoire de 1945");
  days_after (&date, &easter, 39);
  days_after (&to, &date, 2);
  add_public_holiday (days_off, holidays, G_N_ELEMENTS (holidays), &date, &to,
                      "Ascension et pont de l’Ascension");
  days_after (&date, &easter, 50);
  add_public_holiday (days_off, holidays, G_N_ELEMENTS (holidays), &date, NULL, "Lundi de Pentecôte");

  g_ptr_array_sort (entries, compare_calendar_entries);
  g_ptr_array_sort (days_off, compare_calendar_entries);

  tutti_leaflet_add_paragraph (leaflet,
    "Les cours du conservatoire suivent le calendrier scolaire de l’académie de Rennes (zone B)\u00a0: "
    "il n’y a pas cours pendant les vacances scolaires, du premier au dernier jour indiqués, ni les "
    "jours fériés.");
  tutti_leaflet_add_heading (leaflet, 1, "Rentrée, auditions et examens");
  add_calendar_table (leaflet, entries, "Au conservatoire");
  tutti_leaflet_add_heading (leaflet, 1, "Vacances scolaires et jours fériés");
  add_calendar_table (leaflet, days_off, "Pas de cours");

  tutti_leaflet_add_note (leaflet,
    "Les horaires des auditions, des concerts et des examens sont communiqués par les professeurs au "
    "moins deux semaines à l’avance\u00a0; le programme des manifestations est publié sur le site de "
    "Vitré Communauté. Pendant les vacances scolaires, le secrétariat est ouvert du lundi au vendredi "
    "de 9\u00a0h à 12\u00a0h.");
}

/* Yearly fees by family-quotient bracket, in cents. */
static const struct
{
  const char *name;
  const char *quotient;
  gint64 fees[5];   /* éveil, cursus, second instrument, ensemble only, drama */
} fee_brackets[] = {
  { "Tranche 1", "jusqu’à 500\u00a0€",       {  4500,  9600,  6600, 3000,  7500 } },
  { "Tranche 2", "de 501 à 750\u00a0€",      {  6600, 14400,  9900, 4200, 10800 } },
  { "Tranche 3", "de 751 à 1\u00a0000\u00a0€",    {  8100, 21000, 14100, 5400, 15300 } },
  { "Tranche 4", "de 1\u00a0001 à 1\u00a0300\u00a0€",  {  9600, 28800, 19200, 6600, 20700 } },
  { "Tranche 5", "de 1\u00a0301 à 1\u00a0600\u00a0€",  { 11100, 35100, 23400, 7800, 25200 } },
  { "Tranche 6", "plus de 1\u00a0600\u00a0€ ou sans justificatif", { 12600, 41400, 27600, 9000, 29700 } },
};

/* Rentals by the term, in cents: as the MARTIN family's violin and trumpet. */
static const struct
{
  const char *instruments;
  gint64 term;
} rental_fees[] = {
  { "Violon, alto, violoncelle (tailles d’étude)", 1500 },
  { "Instruments à vent, percussions, accordéon", 2000 },
};

static void
fill_fees (Demo         *demo,
           TuttiLeaflet *leaflet,
           int           year)
{
  static const TuttiLeafletColumn fee_columns[] = {
    { "Tranche", 0.95, PANGO_ALIGN_LEFT, TRUE },
    { "Quotient familial", 1.55, PANGO_ALIGN_LEFT, FALSE },
    { "Éveil, initiation", 1.1, PANGO_ALIGN_RIGHT, FALSE },
    { "Cursus instrumental", 1.1, PANGO_ALIGN_RIGHT, FALSE },
    { "2e instrument", 1.1, PANGO_ALIGN_RIGHT, FALSE },
    { "Pratique collective seule", 1.1, PANGO_ALIGN_RIGHT, FALSE },
    { "Théâtre", 1.1, PANGO_ALIGN_RIGHT, FALSE },
  };
  static const TuttiLeafletColumn rental_columns[] = {
    { "Instrument loué", 2.9, PANGO_ALIGN_LEFT, FALSE },
    { "Par trimestre", 1.05, PANGO_ALIGN_RIGHT, FALSE },
    { "Par an", 1.05, PANGO_ALIGN_RIGHT, FALSE },
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *intro = NULL;

  intro = g_strdup_printf ("Cotisations annuelles par élève pour l’année scolaire\u00a0%d/%d, votées par le "
                           "conseil communautaire de Vitré Communauté, pour les familles domiciliées "
                           "dans l’une des 46 communes de la communauté d’agglomération.",
                           year, year + 1);
  tutti_leaflet_add_paragraph (leaflet, intro);

  tutti_leaflet_add_heading (leaflet, 1, "Cotisations annuelles");
  for (guint i = 0; i < G_N_ELEMENTS (fee_brackets); i++)
    {
      g_ptr_array_add (cells, g_strdup (fee_brackets[i].name));
      g_ptr_array_add (cells, g_strdup (fee_brackets[i].quotient));
      for (guint f = 0; f < G_N_ELEMENTS (fee_brackets[i].fees); f++)
        g_ptr_array_add (cells, tutti_format_money (fee_brackets[i].fees[f], TUTTI_LANG_FR));
    }
  tutti_leaflet_add_table (leaflet, fee_columns, G_N_ELEMENTS (fee_columns),
                           (const char * const *) cells->pdata, G_N_ELEMENTS (fee_brackets));
  tutti_leaflet_add_note (leaflet,
    "Éveil, initiation\u00a0: éveil musical (4-5 ans) et parcours découvertes instrumentales (6-7 ans). "
    "Cursus instrumental\u00a0: cours d’instrument ou de chant, formation musicale et pratique collective. "
    "Pratique collective seule\u00a0: un orchestre, un chœur ou un ensemble, sans cours individuel. "
    "Théâtre\u00a0: ateliers enfants, adolescents et adultes.");
  tutti_leaflet_add_paragraph (leaflet,
    "La tranche est celle de l’attestation de quotient familial de la CAF ou de la MSA, datée de moins "
    "de 4 mois, jointe au dossier de réinscription. Sans attestation, le tarif de la Tranche 6 "
    "s’applique\u00a0; une attestation remise en cours d’année vaut pour les factures suivantes, sans effet "
    "rétroactif.");

  tutti_leaflet_add_heading (leaflet, 1, "Location d’instruments");
  g_ptr_array_set_size (cells, 0);
  for (guint i = 0; i < G_N_ELEMENTS (rental_fees); i++)
    {
      g_ptr_array_add (cells, g_strdup (rental_fees[i].instruments));
      g_ptr_array_add (cells, tutti_format_money (rental_fees[i].term, TUTTI_LANG_FR));
      g_ptr_array_add (cells, tutti_format_money (rental_fees[i].term * 3, TUTTI_LANG_FR));
    }
  tutti_leaflet_add_table (leaflet, rental_columns, G_N_ELEMENTS (rental_columns),
                           (const char * const *) cells->pdata, G_N_ELEMENTS (rental_fees));
  tutti_leaflet_add_paragraph (leaflet,
    "Le conservatoire loue des instruments aux élèves du premier cycle, pour trois années au plus, dans "
    "la limite de son parc, sur une facture trimestrielle distincte de la cotisation. L’instrument est "
    "couvert par l’assurance de la famille, qui en assure l’entretien courant (cordes, anches).");

  tutti_leaflet_add_heading (leaflet, 1, "Réductions");
  tutti_leaflet_add_bullet (leaflet,
    "Troisième enfant inscrit et suivants\u00a0: remise de 50\u00a0% sur la cotisation la moins élevée.");
  tutti_leaflet_add_bullet (leaflet,
    "Élève inscrit en cursus instrumental et en théâtre\u00a0: la cotisation de théâtre est celle de la "
    "pratique collective seule.");
  tutti_leaflet_add_bullet (leaflet,
    "Élèves domiciliés hors de Vitré Communauté\u00a0: tarif de la Tranche 6 majoré de 50\u00a0%.");

  tutti_leaflet_add_heading (leaflet, 1, "Paiement par trimestre");
  tutti_leaflet_add_paragraph (leaflet,
    "La cotisation est facturée par tiers en octobre, en janvier et en avril. Chaque facture se règle "
    "par prélèvement automatique en trois mensualités (mandat SEPA et RIB à joindre au dossier), par "
    "chèque à l’ordre du Trésor public, par carte bancaire ou en espèces au secrétariat, ou en "
    "chèques-vacances ANCV. Tout trimestre commencé est dû\u00a0; un arrêt en cours d’année, signalé par "
    "écrit au secrétariat, vaut à partir du trimestre suivant.");
}

static void
fill_rules (Demo         *demo,
            TuttiLeaflet *leaflet,
            int           year)
{
  g_autofree char *intro = NULL;

  intro = g_strdup_printf ("Le conservatoire de musique et d’art dramatique est un établissement "
                           "d’enseignement artistique de Vitré Communauté. Le présent règlement, "
                           "applicable à compter de l’année scolaire\u00a0%d/%d, fixe les règles de son "
                           "fonctionnement. Il s’applique aux élèves, à leurs représentants légaux et "
                           "à toute personne présente dans ses locaux\u00a0; l’inscription ou la "
                           "réinscription vaut acceptation du règlement.", year, year + 1);
  tutti_leaflet_add_paragraph (leaflet, intro);

  tutti_leaflet_add_heading (leaflet, 1, "Article 1 — Inscription et réinscription");
  tutti_leaflet_add_paragraph (leaflet,
    "Les élèves déjà inscrits se réinscrivent chaque année sur le portail des familles, pendant la "
    "campagne de réinscription\u00a0; passé la date limite, leur place n’est plus garantie. Les nouveaux "
    "élèves déposent une demande de pré-inscription, retenue dans la limite des places disponibles, "
    "l’âge et le niveau de l’élève étant pris en compte.");
  tutti_leaflet_add_paragraph (leaflet,
    "L’inscription n’est définitive qu’après sa validation par le secrétariat et la remise des pièces "
    "demandées\u00a0: attestation de quotient familial, mandat de prélèvement et relevé d’identité "
    "bancaire pour le prélèvement automatique. Les familles signalent sans délai tout changement "
    "d’adresse, de téléphone ou de courriel, depuis le portail ou au secrétariat.");

  tutti_leaflet_add_heading (leaflet, 1, "Article 2 — Scolarité et évaluation");
  tutti_leaflet_add_paragraph (leaflet,
    "L’enseignement est organisé en cycles, selon le schéma national d’orientation pédagogique. Le "
    "cursus comprend le cours d’instrument ou de chant, la formation musicale et une pratique "
    "collective, indissociables. Les élèves sont évalués en continu par leurs professeurs\u00a0; les "
    "examens de fin de cycle, devant un jury comprenant des personnalités extérieures, décident du "
    "passage dans le cycle suivant. Les résultats et les appréciations sont consultables sur le "
    "portail des familles.");

  tutti_leaflet_add_heading (leaflet, 1, "Article 3 — Assiduité et absences");
  tutti_leaflet_add_paragraph (leaflet,
    "La présence à tous les cours du cursus, aux auditions et aux répétitions est obligatoire. Toute "
    "absence est signalée à l’avance au secrétariat, par téléphone ou par courriel, et justifiée. Au-delà "
    "de trois absences non justifiées dans l’année, la famille est reçue par la direction\u00a0; l’élève "
    "peut perdre sa place au profit d’un élève en liste d’attente.");
  tutti_leaflet_add_paragraph (leaflet,
    "Les cours manqués par l’élève ne sont pas rattrapés. L’absence d’un professeur est annoncée aux "
    "familles par courriel ou par SMS\u00a0; ses cours sont remplacés ou reportés autant que possible. Les "
    "élèves mineurs restent sous la responsabilité de leurs parents en dehors de leurs heures de "
    "cours\u00a0: les parents s’assurent de la présence du professeur avant de laisser leur enfant.");

  tutti_leaflet_add_heading (leaflet, 1, "Article 4 — Comportement et usage des locaux");
  tutti_leaflet_add_paragraph (leaflet,
    "Chacun respecte les personnes, les locaux, les instruments et le matériel du conservatoire. Les "
    "téléphones sont éteints pendant les cours. Il est interdit de fumer et de vapoter dans les "
    "bâtiments et leurs abords, et d’y introduire des animaux. Les salles de travail sont prêtées aux "
    "élèves sur réservation auprès du secrétariat.");
  tutti_leaflet_add_paragraph (leaflet,
    "Toute dégradation engage la responsabilité de son auteur ou de ses représentants légaux. Un "
    "manquement à ce règlement peut entraîner un avertissement, puis une exclusion temporaire ou "
    "définitive prononcée par la direction après un entretien avec l’élève et sa famille.");

  tutti_leaflet_add_heading (leaflet, 1, "Article 5 — Prêt et location d’instruments");
  tutti_leaflet_add_paragraph (leaflet,
    "Le conservatoire loue des instruments aux élèves débutants, selon la grille tarifaire, par un "
    "contrat signé du représentant légal qui décrit l’instrument et son état. La famille assure "
    "l’instrument, l’entretient (cordes, anches, tampons) et le fait réparer par le luthier ou le "
    "facteur désigné par le conservatoire, jamais par ses propres moyens. L’instrument est rendu en "
    "bon état à la date fixée, au plus tard à la fin de l’année scolaire\u00a0; une perte ou une "
    "dégradation est facturée à la famille.");

  tutti_leaflet_add_heading (leaflet, 1, "Article 6 — Droit à l’image");
  tutti_leaflet_add_paragraph (leaflet,
    "Les élèves peuvent être photographiés, filmés ou enregistrés pendant les cours, les auditions et "
    "les spectacles, pour la communication du conservatoire et de Vitré Communauté\u00a0: site internet, "
    "réseaux sociaux, presse locale, programmes. Ces images ne sont prises et utilisées qu’avec "
    "l’autorisation donnée à l’inscription ou à la réinscription, que la famille peut retirer à tout "
    "moment par écrit au secrétariat. Les enregistrements faits par le public sont réservés à un "
    "usage strictement privé.");

  tutti_leaflet_add_heading (leaflet, 1, "Article 7 — Données personnelles");
  tutti_leaflet_add_paragraph (leaflet,
    "Les informations recueillies à l’inscription sont nécessaires à la scolarité des élèves, à la "
    "facturation et aux échanges avec les familles. Vitré Communauté, responsable du traitement, ne "
    "les communique qu’aux services qui en ont besoin, dont le Trésor public pour le recouvrement, et "
    "les conserve pendant la scolarité de l’élève puis pendant les durées d’archivage légales.");
  tutti_leaflet_add_paragraph (leaflet,
    "Conformément au règlement général sur la protection des données et à la loi Informatique et "
    "Libertés, chacun dispose d’un droit d’accès, de rectification, d’effacement, de limitation et "
    "d’opposition, qu’il exerce auprès du délégué à la protection des données de Vitré Communauté ou "
    "du secrétariat, ainsi que du droit d’introduire une réclamation auprès de la CNIL.");

  tutti_leaflet_add_heading (leaflet, 1, "Article 8 — Application du règlement");
  tutti_leaflet_add_paragraph (leaflet,
    "La direction du conservatoire veille à l’application du présent règlement, affiché dans les "
    "locaux et consultable sur le portail des familles. Toute question est à adresser au secrétariat.");
}

/* The creditor's SEPA identifier: FR, its key (mod 97), ZZZ and the
 * national number. */
#define DEMO_SEPA_CREDITOR_ID "FR68ZZZ482913"

static void
fill_mandate (Demo         *demo,
              TuttiLeaflet *leaflet,
              int           year)
{
  static const TuttiLeafletColumn creditor_columns[] = {
    { NULL, 1.6, PANGO_ALIGN_LEFT, TRUE },
    { NULL, 3.0, PANGO_ALIGN_LEFT, FALSE },
  };
  const TuttiSchool *school = demo->school;
  g_autofree char *town = tutti_postcode_town (school->postcode, school->town);
  g_autofree char *address = g_strdup_printf ("%s, %s", school->address, town);
  g_autofree char *consent = NULL;
  const char *creditor[] = {
    "Nom", school->name,
    "Adresse", address,
    "Identifiant créancier SEPA (ICS)", DEMO_SEPA_CREDITOR_ID,
  };

  consent = g_strdup_printf ("En signant ce formulaire de mandat, vous autorisez le %s à envoyer des "
                             "instructions à votre banque pour débiter votre compte, et votre banque "
                             "à débiter votre compte conformément aux instructions du %s. Vous "
                             "bénéficiez du droit d’être remboursé par votre banque selon les "
                             "conditions décrites dans la convention que vous avez passée avec "
                             "elle. Une demande de remboursement doit être présentée dans les "
                             "8 semaines suivant la date de débit de votre compte pour un "
                             "prélèvement autorisé.", school->name, school->name);
  tutti_leaflet_add_note (leaflet, consent);
  tutti_leaflet_add_fields (leaflet, "Référence unique du mandat (RUM), attribuée par le conservatoire",
                            NULL);

  tutti_leaflet_add_heading (leaflet, 1, "Créancier");
  tutti_leaflet_add_table (leaflet, creditor_columns, G_N_ELEMENTS (creditor_columns), creditor,
                           G_N_ELEMENTS (creditor) / 2);

  tutti_leaflet_add_heading (leaflet, 1, "Débiteur\u00a0: le titulaire du compte à débiter");
  tutti_leaflet_add_fields (leaflet, "Nom, prénom", NULL);
  tutti_leaflet_add_fields (leaflet, "Adresse", NULL);
  tutti_leaflet_add_fields (leaflet, "Code postal", "Ville", "Pays", NULL);
  tutti_leaflet_add_comb (leaflet, "IBAN", 27, 4);
  tutti_leaflet_add_comb (leaflet, "BIC", 11, 0);

  tutti_leaflet_add_heading (leaflet, 1, "Objet du mandat");
  tutti_leaflet_add_fields (leaflet, "Famille", "Élève(s)", NULL);
  tutti_leaflet_add_choices (leaflet, "Type de paiement", 0, "Paiement récurrent / répétitif",
                             "Paiement ponctuel", NULL);
  tutti_leaflet_add_note (leaflet,
    "Chaque facture trimestrielle (octobre, janvier, avril) est prélevée en trois mensualités, le 5 "
    "des trois mois suivants pour les cotisations, le 10 pour les locations d’instruments\u00a0; la "
    "facture annonce les échéances au moins 14 jours avant le premier prélèvement.");

  tutti_leaflet_add_fields (leaflet, "Fait à", "Le", NULL);
  tutti_leaflet_add_boxes (leaflet, 58, "Signature du titulaire du compte",
                           "Cadre réservé au conservatoire", NULL);

  tutti_leaflet_add_note (leaflet,
    "À joindre obligatoirement\u00a0: un relevé d’identité bancaire (RIB) avec l’IBAN et le BIC. Déposez "
    "le mandat complété et signé dans votre dossier de réinscription (pièce «\u00a0Formulaire de demande de "
    "Prélèvement Automatique\u00a0») ou remettez-le au secrétariat. Vos droits concernant le présent mandat "
    "sont expliqués dans un document que vous pouvez obtenir auprès de votre banque.");
}

typedef struct
{
  const char *name;
  const char *file_name;
  gboolean yearly;   /* its subtitle is the school year */
  void (*fill) (Demo *demo, TuttiLeaflet *leaflet, int year);
} DemoDownload;

static const DemoDownload reenrolment_downloads[] = {
  { "Grille tarifaire", "grille-tarifaire.pdf", TRUE, fill_fees },
  { "Règlement intérieur du conservatoire", "reglement-interieur.pdf", TRUE, fill_rules },
  { "Mandat de prélèvement SEPA", "mandat-prelevement-sepa.pdf", FALSE, fill_mandate },
  { "Calendrier de l’année scolaire", "calendrier-annee-scolaire.pdf", TRUE, fill_calendar },
};

/* A download of the campaign for the school year @year/@year+1, dated
 * @date. */
static GBytes *
make_download (Demo               *demo,
               const DemoDownload *download,
               int                 year,
               const char         *date)
{
  g_autofree char *subtitle = NULL;
  g_autoptr(TuttiLeaflet) leaflet = NULL;

  if (demo->error != NULL)
    return NULL;
  subtitle = download->yearly ? g_strdup_printf ("Année scolaire\u00a0%d/%d", year, year + 1)
                              : g_strdup ("Cotisations et locations");
  leaflet = tutti_leaflet_new (TUTTI_LANG_FR, demo->school, download->name, subtitle, date);
  download->fill (demo, leaflet, year);
  return tutti_leaflet_render (leaflet, &demo->error);
}

static void
add_campaigns (Demo *demo)
{
  g_autoptr(TuttiCampaign) reenrolment = tutti_campaign_new ();
  g_autoptr(TuttiCampaign) preenrolment = tutti_campaign_new ();
  g_autofree char *school_year = NULL;
  g_autofree char *published = NULL;
  gint64 reenrolment_id, preenrolment_id;
  guint position = 0;

  for (guint i = 0; i < G_N_ELEMENTS (document_kinds); i++)
    {
      g_autoptr(TuttiDocumentKind) kind = tutti_document_kind_new ();

      kind->id = g_strdup (document_kinds[i].id);
      kind->name = g_strdup (document_kinds[i].name);
      kind->description = g_strdup (document_kinds[i].description);
      kind->required = document_kinds[i].required;
      insert (demo, TUTTI_TABLE_DOCUMENT_KINDS, kind, NULL, 0);
    }

  /* Next year's campaigns, open from last week to five weeks from now. */
  school_year = g_strdup_printf ("%d/%d", demo->school_year + 1, demo->school_year + 2);

  reenrolment->kind = TUTTI_CAMPAIGN_REENROLMENT;
  reenrolment->school_year = g_strdup (school_year);
  reenrolment->opens_at = local_datetime (demo, -7, 0, 0);
  published = days_from_today (demo, -7);
  reenrolment->deadline = local_datetime (demo, 35, 23, 59);
  reenrolment->open = TRUE;
  reenrolment_id = insert (demo, TUTTI_TABLE_CAMPAIGNS, reenrolment, NULL, 0);

  /* As in the guide, pre-enrolments close at 23:00 the same day. */
  preenrolment->kind = TUTTI_CAMPAIGN_PREENROLMENT;
  preenrolment->school_year = g_strdup (school_year);
  preenrolment->opens_at = local_datetime (demo, -7, 0, 0);
  preenrolment->deadline = local_datetime (demo, 35, 23, 0);
  preenrolment->open = TRUE;
  preenrolment_id = insert (demo, TUTTI_TABLE_CAMPAIGNS, preenrolment, NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (document_kinds); i++)
    if (document_kinds[i].in_reenrolment)
      run_sql (demo,
               "INSERT INTO campaign_documents (kind_id, campaign_id, position) VALUES (?, ?, ?)",
               document_kinds[i].id, reenrolment_id, position++);

  for (guint i = 0; i < G_N_ELEMENTS (reenrolment_downloads); i++)
    {
      g_autoptr(TuttiDownload) download = tutti_download_new ();
      g_autoptr(GBytes) pdf = make_download (demo, &reenrolment_downloads[i], demo->school_year + 1,
                                             published);
      sqlite3_stmt *stmt;
      gint64 id;

      if (pdf == NULL)
        return;
      download->name = g_strdup (reenrolment_downloads[i].name);
      download->file_name = g_strdup (reenrolment_downloads[i].file_name);
      download->size = g_bytes_get_size (pdf);
      id = insert (demo, TUTTI_TABLE_DOWNLOADS, download, "campaign_id", reenrolment_id);
      if (demo->error != NULL)
        return;

      stmt = tutti_store_prepare (demo->store,
                                  "UPDATE downloads SET content_type = 'application/pdf', content = ? "
                                  "WHERE id = ?", &demo->error);
      if (stmt == NULL)
        return;
      sqlite3_bind_blob (stmt, 1, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      tutti_store_run (demo->store, stmt, &demo->error);
    }

  add_offer (demo, reenrolment_id);
  add_offer (demo, preenrolment_id);
}

static void
add_antispam (Demo *demo)
{
  static const struct { const char *id, *fr, *en, *answer; } questions[] = {
    { "9-29", "Combien font 9 et 29 ?", "What is 9 plus 29?", "38" },
    { "7-15", "Combien font 7 et 15 ?", "What is 7 plus 15?", "22" },
    { "12-30", "Combien font 12 et 30 ?", "What is 12 plus 30?", "42" },
    { "8-25", "Combien font 8 et 25 ?", "What is 8 plus 25?", "33" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      g_autoptr(TuttiAntispamQuestion) question = tutti_antispam_question_new ();
      sqlite3_stmt *stmt;

      question->id = g_strdup (questions[i].id);
      question->question = g_strdup (questions[i].fr);
      insert (demo, TUTTI_TABLE_ANTISPAM_QUESTIONS, question, NULL, 0);
      if (demo->error != NULL)
        return;

      /* "answer" has no place in the record: it never leaves the server. */
      stmt = tutti_store_prepare (demo->store,
                                  "UPDATE antispam_questions SET question_en = ?, answer = ? WHERE id = ?",
                                  &demo->error);
      if (stmt == NULL)
        return;
      tutti_store_bind_text (stmt, 1, questions[i].en);
      tutti_store_bind_text (stmt, 2, questions[i].answer);
      tutti_store_bind_text (stmt, 3, questions[i].id);
      tutti_store_run (demo->store, stmt, &demo->error);
    }
}

/* ---- Families -------------------------------------------------------------- */

typedef struct
{
  TuttiCivility civility;
  const char *surname;
  const char *first_name;
  const char *birth_date;
  const char *birth_place;
  const char *address;
  const char *postcode;
  const char *town;
  const char *home_phone;
  const char *mobile_phone;
  const char *email;
  const char *login;
  const char *lang;
  const char *profession;
  TuttiSocioCategory socio;
  TuttiFamilySituation situation;
} DemoGuardian;

static gint64
add_family (Demo       *demo,
            const char *name)
{
  g_autoptr(TuttiFamily) family = tutti_family_new ();

  family->name = g_strdup (name);
  return insert (demo, TUTTI_TABLE_FAMILIES, family, NULL, 0);
}

static gint64
add_guardian (Demo               *demo,
              gint64              family_id,
              const DemoGuardian *data)
{
  g_autoptr(TuttiGuardian) guardian = tutti_guardian_new ();
  g_autoptr(TuttiAccount) account = tutti_account_new ();
  gint64 guardian_id;

  guardian->civility = data->civility;
  guardian->surname = g_strdup (data->surname);
  guardian->first_name = g_strdup (data->first_name);
  guardian->birth_date = g_strdup (data->birth_date);
  guardian->birth_place = g_strdup (data->birth_place);
  guardian->address = g_strdup (data->address);
  guardian->postcode = g_strdup (data->postcode);
  guardian->town = g_strdup (data->town);
  guardian->home_phone = g_strdup (data->home_phone);
  guardian->mobile_phone = g_strdup (data->mobile_phone);
  guardian->email = g_strdup (data->email);
  guardian->profession = g_strdup (data->profession);
  guardian->socio_category = data->socio;
  guardian->family_situation = data->situation;
  guardian->login = g_strdup (data->login);
  guardian->lang = g_strdup (data->lang);
  guardian_id = insert (demo, TUTTI_TABLE_GUARDIANS, guardian, "family_id", family_id);
  if (demo->error != NULL)
    return 0;

  account->login = g_strdup (data->login);
  account->role = TUTTI_ROLE_FAMILY;
  account->site = g_strdup (TUTTI_DEMO_SITE_ID);
  account->lang = g_strdup (data->lang);
  account->family_id = family_id;
  account->guardian_id = guardian_id;
  tutti_accounts_create (demo->store, account, demo->family_hash, &demo->error);

  return guardian_id;
}

typedef struct
{
  const char *name;
  const char *cursus;
  gboolean school_hours;
  const char *teacher;
  const char *cycle;
  const char *room;
  const char *site;
  TuttiWeekday day;
  const char *time;
  gint64 duration;
} DemoCourse;

typedef struct
{
  TuttiCivility civility;
  const char *surname;
  const char *first_name;
  const char *birth_date;
  const char *birth_place;
  const char *birth_department;
  const char *school_level;
  TuttiImageRights image_rights;
  const char *person_to_notify;
  const char *emergency_phone;
} DemoPupil;

static gint64
add_pupil (Demo               *demo,
           gint64              family_id,
           const DemoPupil    *data,
           const DemoGuardian *contact)
{
  g_autoptr(TuttiPupil) pupil = tutti_pupil_new ();

  pupil->family_id = family_id;
  pupil->civility = data->civility;
  pupil->surname = g_strdup (data->surname);
  pupil->first_name = g_strdup (data->first_name);
  pupil->birth_date = g_strdup (data->birth_date);
  pupil->birth_place = g_strdup (data->birth_place);
  pupil->birth_department = g_strdup (data->birth_department);
  pupil->school_level = g_strdup (data->school_level);
  pupil->image_rights = data->image_rights;
  pupil->person_to_notify = g_strdup (data->person_to_notify);
  pupil->emergency_phone = g_strdup (data->emergency_phone);
  pupil->use_guardian_contact = TRUE;
  pupil->address = g_strdup (contact->address);
  pupil->postcode = g_strdup (contact->postcode);
  pupil->town = g_strdup (contact->town);
  pupil->email = g_strdup (contact->email);
  return insert (demo, TUTTI_TABLE_PUPILS, pupil, NULL, 0);
}

static gint64
add_course (Demo             *demo,
            gint64            pupil_id,
            const DemoCourse *data)
{
  g_autoptr(TuttiCourse) course = tutti_course_new ();

  course->pupil_id = pupil_id;
  course->name = g_strdup (data->name);
  course->cursus = g_strdup (data->cursus);
  course->school_hours = data->school_hours;
  course->teacher = g_strdup (data->teacher);
  course->cycle = g_strdup (data->cycle);
  course->room = g_strdup (data->room);
  course->site = g_strdup (data->site);
  course->day = data->day;
  course->time = g_strdup (data->time);
  course->duration = data->duration;
  course->active = TRUE;
  return insert (demo, TUTTI_TABLE_COURSES, course, NULL, 0);
}

typedef struct
{
  const char *type;
  const char *criterion_type;
  gint64 mark;            /* hundredths, or TUTTI_NO_VALUE */
  gint64 denominator;
  const char *letter;
  const char *mention;
  const char *appreciation;
} DemoEvaluation;

static void
add_evaluation (Demo                 *demo,
                const char           *column,
                gint64                parent_id,
                const char           *date,
                const DemoEvaluation *data)
{
  g_autoptr(TuttiEvaluation) evaluation = tutti_evaluation_new ();

  evaluation->type = g_strdup (data->type);
  evaluation->date = g_strdup (date);
  evaluation->criterion_type = g_strdup (data->criterion_type);
  evaluation->mark = data->mark;
  evaluation->denominator = data->mark != TUTTI_NO_VALUE ? data->denominator : TUTTI_NO_VALUE;
  evaluation->coefficient = data->mark != TUTTI_NO_VALUE ? 100 : TUTTI_NO_VALUE;
  evaluation->letter = g_strdup (data->letter);
  evaluation->mention = g_strdup (data->mention);
  evaluation->appreciation = g_strdup (data->appreciation);
  insert (demo, TUTTI_TABLE_EVALUATIONS, evaluation, column, parent_id);
}

static void
add_absence (Demo       *demo,
             gint64      course_id,
             const char *date,
             const char *time,
             gint64      duration,
             gboolean    justified,
             const char *reason)
{
  g_autoptr(TuttiAbsence) absence = tutti_absence_new ();

  absence->date = g_strdup (date);
  absence->time = g_strdup (time);
  absence->duration = duration;
  absence->justified = justified;
  absence->reason = g_strdup (reason);
  insert (demo, TUTTI_TABLE_ABSENCES, absence, "course_id", course_id);
}

/* The school's scale, for a mark or an average out of 5.00 (in hundredths):
 * its letter and its mention. */
static const char *
letter_for (gint64 hundredths)
{
  return hundredths >= 425 ? "A" : hundredths >= 350 ? "B" : hundredths >= 250 ? "C" : "D";
}

static const char *
mention_for (gint64 hundredths)
{
  return hundredths >= 425 ? "Très bien" : hundredths >= 375 ? "Bien" :
         hundredths >= 325 ? "Assez bien" : "Passable";
}

/* A mark as teachers give them, to the quarter point. */
static gint64
quarter_mark (gint64 hundredths)
{
  return CLAMP ((hundredths + 12) / 25 * 25, 0, 500);
}

typedef struct
{
  const char *department;
  const char *class_name;
  const char *cycle;
  const char *teacher;
  gint64 planned;         /* minutes */
  gboolean first_instrument;
  gint64 average;         /* hundredths out of 5.00, or TUTTI_NO_VALUE */
  const char *letter_average;
  const char *mention;
  const char *class_result;
  const char *cycle_result;
  const char *class_admitted;
  const char *cycle_admitted;
  const char *comment;
} DemoHistory;

static gint64
add_history (Demo              *demo,
             gint64             pupil_id,
             int                year,
             const DemoHistory *data,
             gint64             absences)
{
  g_autoptr(TuttiHistoryRecord) record = tutti_history_record_new ();
  GDate start, end;

  record->pupil_id = pupil_id;
  record->year = g_strdup_printf ("%d/%d", year, year + 1);
  /* School years run from the second Monday of September to early July. */
  g_date_set_dmy (&start, 8, G_DATE_SEPTEMBER, year);
  while (g_date_get_weekday (&start) != G_DATE_MONDAY)
    g_date_add_days (&start, 1);
  g_date_set_dmy (&end, 7, G_DATE_JULY, year + 1);
  record->start_date = date_iso (&start);
  record->end_date = date_iso (&end);
  record->department = g_strdup (data->department);
  record->class_name = g_strdup (data->class_name);
  record->cycle = g_strdup (data->cycle);
  record->teacher = g_strdup (data->teacher);
  record->hours_planned = data->planned;
  record->hours_done = data->planned - absences * 45;
  record->absences_total = absences > 0 ? absences : TUTTI_NO_VALUE;
  record->absences_unjustified = absences > 1 ? 1 : TUTTI_NO_VALUE;
  record->activity_status = g_strdup ("Actif");
  record->first_instrument = data->first_instrument;
  record->average = data->average;
  record->letter_average = g_strdup (data->letter_average);
  record->mention = g_strdup (data->mention);
  record->class_result = g_strdup (data->class_result);
  record->cycle_result = g_strdup (data->cycle_result);
  record->class_admitted = g_strdup (data->class_admitted);
  record->cycle_admitted = g_strdup (data->cycle_admitted);
  record->comment = g_strdup (data->comment);
  return insert (demo, TUTTI_TABLE_HISTORY_RECORDS, record, NULL, 0);
}

static void
add_piece (Demo           *demo,
           gint64          pupil_id,
           const char     *title,
           const char     *composer,
           const char     *course,
           const char     *teacher,
           const char     *year,
           const char     *date,
           TuttiPieceKind  kind)
{
  g_autoptr(TuttiPiece) piece = tutti_piece_new ();

  piece->pupil_id = pupil_id;
  piece->title = g_strdup (title);
  piece->composer = g_strdup (composer);
  piece->course = g_strdup (course);
  piece->teacher = g_strdup (teacher);
  piece->year = g_strdup (year);
  piece->date = g_strdup (date);
  piece->kind = kind;
  insert (demo, TUTTI_TABLE_PIECES, piece, NULL, 0);
}

static void
add_billing_line (Demo               *demo,
                  gint64              family_id,
                  TuttiBillingKind    kind,
                  const char         *date,
                  TuttiPaymentMethod  method,
                  const char         *operation,
                  const char         *label,
                  gint64              debit,
                  gint64              credit,
                  gboolean            discount)
{
  g_autoptr(TuttiBillingLine) line = tutti_billing_line_new ();

  line->kind = kind;
  line->date = g_strdup (date);
  line->payment_method = method;
  line->operation = g_strdup (operation);
  line->label = g_strdup (label);
  line->debit = debit;
  line->credit = credit;
  line->discount = discount;
  insert (demo, TUTTI_TABLE_BILLING_LINES, line, "family_id", family_id);
}

/* "24FC01702": year, F(acture)/R(eçu), C(otisation)/L(ocation), number. */
static char *
next_operation (Demo       *demo,
                const char *date,
                char        what,
                char        kind)
{
  return g_strdup_printf ("%.2s%c%c0%04u", date + 2, what, kind, 1700 + demo->operation++);
}

static void
add_reenrolment (Demo                  *demo,
                 gint64                 pupil_id,
                 TuttiReenrolmentState  state,
                 gint64                 step)
{
  g_autoptr(TuttiReenrolment) reenrolment = tutti_reenrolment_new ();
  sqlite3_stmt *stmt;
  gint64 campaign_id = 0;

  if (demo->error != NULL)
    return;
  stmt = tutti_store_prepare (demo->store,
                              "SELECT id FROM campaigns WHERE kind = ? ORDER BY id DESC LIMIT 1",
                              &demo->error);
  if (stmt == NULL)
    return;
  tutti_store_bind_text (stmt, 1, tutti_enum_to_nick (&tutti_campaign_kind_enum,
                                                      TUTTI_CAMPAIGN_REENROLMENT));
  if (tutti_store_step (demo->store, stmt, &demo->error))
    {
      campaign_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (campaign_id == 0)
    return;

  reenrolment->pupil_id = pupil_id;
  reenrolment->campaign_id = campaign_id;
  reenrolment->state = state;
  reenrolment->step = step;
  if (state == TUTTI_REENROLMENT_SUBMITTED)
    {
      reenrolment->image_rights = TUTTI_IMAGE_RIGHTS_YES;
      reenrolment->accepted = TRUE;
      reenrolment->submitted_at = local_datetime (demo, -2, 21, 14);
    }
  else if (state == TUTTI_REENROLMENT_DECLINED)
    reenrolment->submitted_at = local_datetime (demo, -3, 9, 40);
  insert (demo, TUTTI_TABLE_REENROLMENTS, reenrolment, NULL, 0);
}

/* -- Follow-up of a course and a year of marks (PUP-3, PUP-4) -- */

static const DemoEvaluation follow_up_evaluations[] = {
  { "Contrôle continu", "Technique", 350, 500, "B", NULL, "Des progrès réguliers." },
  { "Audition", "Prestation en public", TUTTI_NO_VALUE, 0, NULL, "Très bien",
    "Belle présence sur scène." },
};

/* Two more evaluations of a current course and, when asked, an
 * unjustified absence; @offset spreads the dates between courses. */
static void
add_course_follow_up (Demo             *demo,
                      gint64            course_id,
                      const DemoCourse *course,
                      int               offset,
                      gboolean          absence)
{
  for (guint i = 0; i < G_N_ELEMENTS (follow_up_evaluations); i++)
    {
      g_autofree char *date = days_from_today (demo, -9 - offset - (int) i * 20);
      add_evaluation (demo, "course_id", course_id, date, &follow_up_evaluations[i]);
    }
  if (absence)
    {
      g_autofree char *date = days_from_today (demo, -5 - offset);
      add_absence (demo, course_id, date, course->time, course->duration, FALSE, NULL);
    }
}

/* The @i-th weekly mark of a year whose marks spread around @target. */
static gint64
weekly_mark (gint64 target,
             guint  i)
{
  return quarter_mark (target - 75 + (gint64) ((i * 37) % 150));
}

/* Weekly marks from late September of @year around @target: enough for
 * several pages. */
static void
add_weekly_evaluations (Demo   *demo,
                        gint64  record_id,
                        int     year,
                        guint   count,
                        gint64  target)
{
  static const char * const criteria[] = {
    "Justesse", "Rythme", "Sonorité", "Lecture à vue", "Interprétation",
  };

  for (guint i = 0; i < count; i++)
    {
      gint64 mark = weekly_mark (target, i);
      DemoEvaluation evaluation = {
        "Contrôle continu", criteria[i % G_N_ELEMENTS (criteria)], mark, 500, letter_for (mark), NULL, NULL
      };
      g_autofree char *iso = NULL;
      GDate date;

      g_date_set_dmy (&date, 20, G_DATE_SEPTEMBER, year);
      g_date_add_days (&date, i * 7);
      iso = date_iso (&date);
      add_evaluation (demo, "history_record_id", record_id, iso, &evaluation);
    }
}

/* -- The Z-TEST family, as in the guide -- */

static const DemoGuardian ztest_guardian = {
  TUTTI_CIVILITY_MR, "Z-TEST", "Essai", NULL, NULL,
  "6 rue de Verdun", "35500", "VITRE", "0299746864", NULL,
  "test@vitrecommunaute.org", "ztest1", "fr", NULL,
  TUTTI_SOCIO_NONE, TUTTI_FAMILY_SITUATION_NONE,
};

static const DemoPupil ztest_pupil = {
  TUTTI_CIVILITY_MR, "Z-TEST", "Essai", "2016-01-01", NULL, NULL, "CM2",
  TUTTI_IMAGE_RIGHTS_UNANSWERED, NULL, NULL,
};

static const DemoCourse ztest_course = {
  "Parcours découvertes instrumentales - Vitré", "Parcours découvertes instrumentales", FALSE,
  "BLANCHARD Laure", NULL, "Vitré-Berlioz (Vitré)", "Vitré", TUTTI_WEEKDAY_MONDAY, "17:00", 75,
};

static const DemoEvaluation ztest_course_evaluations[] = {
  { "Contrôle continu", "Écoute et curiosité", 400, 500, "B", NULL,
    "Très bonne écoute, curieux de découvrir chaque instrument." },
  { "Contrôle continu", "Pulsation et rythme", 350, 500, "B", NULL,
    "Des progrès sur la pulsation ; continuer à chanter les rythmes." },
  { "Atelier de découverte", "Bois : flûte, clarinette, hautbois", TUTTI_NO_VALUE, 0, NULL, "Très bien",
    "A particulièrement aimé la clarinette." },
};

static const DemoHistory ztest_history[] = {
  { "Culture musicale générale", "CMG MAA Niveau 1", NULL, "GROSS Florent", 33 * 60, FALSE,
    TUTTI_NO_VALUE, NULL, NULL, NULL, NULL, "CMG MAA Niveau 2", NULL, NULL },
  { "Musiques actuelles - Instruments", "Claviers Musiques Actuelles", "1C1A-MAA", "AUDUSSEAU Vincent",
    (gint64) (22.5 * 60), TRUE, 380, "B", "Bien", "Admis", NULL, NULL, NULL,
    "Bonne année, jeu en groupe à développer." },
};

static const DemoEvaluation cmg_evaluations[] = {
  { "Contrôle continu", "Lecture rythmique", 350, 500, "B", NULL, "Lecture encore hésitante." },
  { "Contrôle continu", "Lecture de notes", 400, 500, "B", NULL, "Bonne lecture en clé de sol." },
  { "Contrôle continu", "Écoute", 450, 500, "A", NULL, "Très bonne oreille." },
  { "Contrôle continu", "Chant", 300, 500, "C", NULL, "Chanter plus fort !" },
  { "Évaluation de fin de trimestre", "Théorie", 375, 500, "B", NULL, "Bon trimestre." },
  { "Contrôle continu", "Lecture rythmique", 400, 500, "B", NULL, "Des progrès." },
  { "Contrôle continu", "Dictée", 325, 500, "C", NULL, "Travailler les intervalles." },
  { "Évaluation de fin de trimestre", "Théorie", 400, 500, "B", NULL, "Sérieux et appliqué." },
  { "Contrôle continu", "Écoute", 450, 500, "A", NULL, "Excellente écoute." },
  { "Contrôle continu", "Chant", 375, 500, "B", NULL, "Plus d'assurance." },
  { "Contrôle continu", "Lecture de notes", 425, 500, "A", NULL, "Lecture fluide." },
  { "Examen de fin d'année", "Épreuve écrite et orale", 400, 500, "B", "Bien",
    "Admis en CMG MAA Niveau 2." },
};

static const DemoEvaluation maa_evaluations[] = {
  { "Contrôle continu", "Technique instrumentale", 350, 500, "B", NULL, "Position des mains à surveiller." },
  { "Audition", "Prestation en public", TUTTI_NO_VALUE, 0, NULL, "Bien", "Belle première audition." },
  { "Examen de fin d'année", "Jeu en groupe", 380, 500, "B", "Bien", "Bon sens du rythme." },
};

static void
add_ztest (Demo *demo)
{
  gint64 family_id, pupil_id, course_id, record_id;
  static const int offsets[] = { -63, -35, -14 };

  family_id = add_family (demo, "Z-TEST");
  add_guardian (demo, family_id, &ztest_guardian);
  pupil_id = add_pupil (demo, family_id, &ztest_pupil, &ztest_guardian);
  course_id = add_course (demo, pupil_id, &ztest_course);

  for (guint i = 0; i < G_N_ELEMENTS (ztest_course_evaluations); i++)
    {
      g_autofree char *date = days_from_today (demo, offsets[i]);
      add_evaluation (demo, "course_id", course_id, date, &ztest_course_evaluations[i]);
    }
  {
    g_autofree char *date = days_from_today (demo, -21);
    add_absence (demo, course_id, date, "17:00", 75, TRUE, "Maladie");
  }

  /* The CMG year's average is that of its marks. */
  {
    DemoHistory cmg = ztest_history[0];
    gint64 sum = 0, n = 0;

    for (guint i = 0; i < G_N_ELEMENTS (cmg_evaluations); i++)
      if (cmg_evaluations[i].mark != TUTTI_NO_VALUE)
        {
          sum += cmg_evaluations[i].mark;
          n++;
        }
    cmg.average = (sum + n / 2) / n;
    cmg.letter_average = letter_for (cmg.average);
    cmg.mention = mention_for (cmg.average);
    record_id = add_history (demo, pupil_id, 2021, &cmg, 0);
  }
  for (guint i = 0; i < G_N_ELEMENTS (cmg_evaluations); i++)
    {
      /* Every three weeks from late September. */
      GDate date;
      g_autofree char *iso = NULL;

      g_date_set_dmy (&date, 27, G_DATE_SEPTEMBER, 2021);
      g_date_add_days (&date, i * 21);
      iso = date_iso (&date);
      add_evaluation (demo, "history_record_id", record_id, iso, &cmg_evaluations[i]);
    }
  record_id = add_history (demo, pupil_id, 2021, &ztest_history[1], 1);
  add_evaluation (demo, "history_record_id", record_id, "2021-12-14", &maa_evaluations[0]);
  add_evaluation (demo, "history_record_id", record_id, "2022-03-26", &maa_evaluations[1]);
  add_evaluation (demo, "history_record_id", record_id, "2022-06-18", &maa_evaluations[2]);

  add_piece (demo, pupil_id, "Let It Be", "Lennon / McCartney", "Claviers Musiques Actuelles",
             "AUDUSSEAU Vincent", "2021/2022", "2022-03-26", TUTTI_PIECE_PERFORMED);
  add_piece (demo, pupil_id, "Stand By Me", "Ben E. King", "Claviers Musiques Actuelles",
             "AUDUSSEAU Vincent", "2021/2022", "2022-06-18", TUTTI_PIECE_EXAM);
  add_piece (demo, pupil_id, "La Panthère rose", "Henry Mancini", "Claviers Musiques Actuelles",
             "AUDUSSEAU Vincent", "2021/2022", NULL, TUTTI_PIECE_STUDIED);
  add_piece (demo, pupil_id, "Au clair de la lune", "Traditionnel",
             "Parcours découvertes instrumentales - Vitré", "BLANCHARD Laure", NULL, NULL,
             TUTTI_PIECE_STUDIED);

  /* The guide's invoice and its payment. */
  add_billing_line (demo, family_id, TUTTI_BILLING_FEE, "2012-10-11", TUTTI_PAYMENT_NONE,
                    "12FC01618", "AVIS DES SOMMES A PAYER", 8400, 0, FALSE);
  add_billing_line (demo, family_id, TUTTI_BILLING_FEE, "2012-11-19", TUTTI_PAYMENT_CHEQUE,
                    "12RC01632", "96135", 0, 8400, FALSE);
}

/* -- The MARTIN family: two guardians, three pupils, rentals, a balance -- */

static const DemoGuardian martin_guardians[] = {
  { TUTTI_CIVILITY_MRS, "MARTIN", "Claire", "1981-05-09", "Rennes",
    "14 rue Notre-Dame", "35500", "VITRE", "0299751234", "0612457896",
    "claire.martin@example.org", "cmartin", "fr", "Infirmière",
    TUTTI_SOCIO_INTERMEDIATE, TUTTI_FAMILY_SITUATION_MARRIED },
  { TUTTI_CIVILITY_MR, "MARTIN", "Paul", "1979-11-23", "Laval",
    "14 rue Notre-Dame", "35500", "VITRE", "0299751234", "0687412356",
    "paul.martin@example.org", "pmartin", "en", "Technicien de maintenance",
    TUTTI_SOCIO_WORKER, TUTTI_FAMILY_SITUATION_MARRIED },
};

typedef struct
{
  DemoPupil pupil;
  int first_year;         /* first school year at the conservatoire */
  DemoCourse courses[3];
  const char *instrument; /* rented instrument, or NULL */
  gint64 rental;          /* cents per term */
  gint64 fee;             /* cents per term */
  DemoHistory history;    /* the instrument's record, cycle set per year */
  /* Its average year by year, hundredths out of 5.00 (the last one goes on);
   * none for éveil, which is not marked. */
  gint64 averages[8];
} DemoMartinPupil;

static const DemoMartinPupil martin_pupils[] = {
  { { TUTTI_CIVILITY_MRS, "MARTIN", "Léa", "2012-04-17", "Vitré", "35", "4e",
      TUTTI_IMAGE_RIGHTS_YES, "MARTIN Claire", "0612457896" },
    2019,
    { { "Violon - Vitré", "Cursus classique", FALSE, "LE ROUX Anne", "2C2",
        "Vitré-Debussy (Vitré)", "Vitré", TUTTI_WEEKDAY_WEDNESDAY, "14:00", 45 },
      { "Formation musicale 2C2 - Vitré", "Formation musicale", FALSE, "GROSS Florent", "2C2",
        "Vitré-Ravel (Vitré)", "Vitré", TUTTI_WEEKDAY_WEDNESDAY, "16:00", 90 },
      { "Orchestre à cordes - Vitré", "Pratique collective", FALSE, "LE ROUX Anne", NULL,
        "Vitré-Auditorium (Vitré)", "Vitré", TUTTI_WEEKDAY_SATURDAY, "10:00", 90 } },
    "VIOLON 3/4 N°V-0342", 1500, 9600,
    { "Cordes", "Violon", NULL, "LE ROUX Anne", 27 * 60, TRUE, TUTTI_NO_VALUE, NULL, NULL, "Admis",
      NULL, NULL, NULL, "Travail régulier, belle sonorité." },
    { 360, 385, 395, 410, 405, 430, 440, 450 } },
  { { TUTTI_CIVILITY_MR, "MARTIN", "Hugo", "2014-09-02", "Vitré", "35", "6e",
      TUTTI_IMAGE_RIGHTS_YES, "MARTIN Paul", "0687412356" },
    2021,
    { { "Trompette - Vitré", "Cursus classique", FALSE, "PRIOUL Marc", "1C3",
        "Vitré-Bizet (Vitré)", "Vitré", TUTTI_WEEKDAY_TUESDAY, "17:30", 30 },
      { "Formation musicale 1C3 - Vitré", "Formation musicale", FALSE, "GROSS Florent", "1C3",
        "Vitré-Ravel (Vitré)", "Vitré", TUTTI_WEEKDAY_WEDNESDAY, "13:30", 60 },
      { NULL } },
    "TROMPETTE SIB N°T-0118", 2000, 9600,
    { "Vents", "Trompette", NULL, "PRIOUL Marc", 27 * 60, TRUE, TUTTI_NO_VALUE, NULL, NULL, "Admis",
      NULL, NULL, NULL, "Doit travailler plus régulièrement à la maison." },
    { 335, 355, 340, 370, 385, 380, 395, 400 } },
  { { TUTTI_CIVILITY_MRS, "MARTIN", "Chloé", "2018-06-23", "Rennes", "35", "CM1",
      TUTTI_IMAGE_RIGHTS_NO, "MARTIN Claire", "0612457896" },
    2024,
    { { "Parcours découvertes instrumentales - Vitré", "Parcours découvertes instrumentales", FALSE,
        "BLANCHARD Laure", NULL, "Vitré-Berlioz (Vitré)", "Vitré", TUTTI_WEEKDAY_MONDAY, "17:00", 75 },
      { NULL }, { NULL } },
    NULL, 0, 3200,
    { "Éveil et découverte", "Éveil musical", NULL, "BLANCHARD Laure", 30 * 60, FALSE,
      TUTTI_NO_VALUE, NULL, NULL, NULL, NULL, "Parcours découvertes instrumentales", NULL,
      "Enfant très investie." },
    { 0 } },
};

static const char * const cycles[] = { "1C1", "1C2", "1C3", "1C4", "2C1", "2C2", "2C3", "2C4" };

/* A term's notice on the 15th (fees) or 20th (rentals) of @month, and
 * the three monthly direct debits that pay it, the months after; only
 * what is dated today or before. */
static void
add_term (Demo             *demo,
          gint64            family_id,
          TuttiBillingKind  kind,
          int               year,
          int               month,
          const char       *label,
          gint64            amount,
          gint64            discount)
{
  char kind_letter = kind == TUTTI_BILLING_FEE ? 'C' : 'L';
  g_autofree char *date = g_strdup_printf ("%d-%02d-%d", year, month,
                                           kind == TUTTI_BILLING_FEE ? 15 : 20);
  g_autofree char *operation = NULL;

  if (!date_is_past (demo, date))
    return;

  operation = next_operation (demo, date, 'F', kind_letter);
  add_billing_line (demo, family_id, kind, date, TUTTI_PAYMENT_NONE, operation, label,
                    amount, 0, FALSE);
  if (discount > 0)
    {
      g_autofree char *discount_operation = next_operation (demo, date, 'R', kind_letter);

      add_billing_line (demo, family_id, kind, date, TUTTI_PAYMENT_NONE, discount_operation,
                        "REMISE 3E ENFANT", 0, discount, TRUE);
      amount -= discount;
    }

  for (int m = 1; m <= 3; m++)
    {
      int debit_month = (month + m - 1) % 12 + 1;
      int debit_year = year + (month + m > 12 ? 1 : 0);
      g_autofree char *debit_date = g_strdup_printf ("%d-%02d-%02d", debit_year, debit_month,
                                                     kind == TUTTI_BILLING_FEE ? 5 : 10);
      g_autofree char *debit_operation = NULL;
      g_autofree char *debit_label = NULL;

      if (!date_is_past (demo, debit_date))
        continue;
      debit_operation = next_operation (demo, debit_date, 'R', kind_letter);
      debit_label = g_strdup_printf ("PRELEVEMENT %02d/%d", debit_month, debit_year);
      add_billing_line (demo, family_id, kind, debit_date, TUTTI_PAYMENT_DIRECT_DEBIT,
                        debit_operation, debit_label, 0,
                        m < 3 ? amount / 3 : amount - 2 * (amount / 3), FALSE);
    }
}

/* The items of each fee notice, one per pupil enrolled that year, as the
 * notice's PDF lists them (their sum is the notice's debit). */
static void
add_martin_invoice_items (Demo   *demo,
                          gint64  family_id)
{
  static const char * const terms[] = { "1er", "2e", "3e" };
  g_autoptr(GPtrArray) lines = NULL;
  sqlite3_stmt *stmt;

  if (demo->error != NULL)
    return;
  stmt = tutti_store_prepare_select (demo->store, TUTTI_TABLE_BILLING_LINES,
                                     "WHERE family_id = ? AND kind = 'fee' AND debit > 0 "
                                     "AND label = 'AVIS DES SOMMES A PAYER' ORDER BY id",
                                     &demo->error);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, family_id);
  lines = tutti_store_read_records (demo->store, TUTTI_TABLE_BILLING_LINES, stmt, &demo->error);
  if (lines == NULL)
    return;

  for (guint i = 0; i < lines->len && demo->error == NULL; i++)
    {
      const TuttiBillingLine *line = g_ptr_array_index (lines, i);
      int year, month, day, school_year, position = 0;

      if (!tutti_parse_date (line->date, &year, &month, &day))
        continue;
      school_year = month >= 9 ? year : year - 1;
      for (guint p = 0; p < G_N_ELEMENTS (martin_pupils) && demo->error == NULL; p++)
        {
          const DemoMartinPupil *pupil = &martin_pupils[p];
          g_autofree char *label = NULL;

          if (pupil->first_year > school_year)
            continue;
          label = g_strdup_printf ("Cotisation %s trimestre %d/%d — %s %s, %s",
                                   terms[month >= 9 ? 0 : month < 4 ? 1 : 2], school_year,
                                   school_year + 1, pupil->pupil.surname, pupil->pupil.first_name,
                                   pupil->courses[0].name);
          stmt = tutti_store_prepare (demo->store,
                                      "INSERT INTO billing_items (billing_line_id, position, label, amount) "
                                      "VALUES (?, ?, ?, ?)",
                                      &demo->error);
          if (stmt == NULL)
            return;
          sqlite3_bind_int64 (stmt, 1, line->id);
          sqlite3_bind_int (stmt, 2, position++);
          tutti_store_bind_text (stmt, 3, label);
          sqlite3_bind_int64 (stmt, 4, pupil->fee);
          tutti_store_run (demo->store, stmt, &demo->error);
        }
    }
}

static void
add_martin_billing (Demo   *demo,
                    gint64  family_id)
{
  /* Terms are billed in October, January and April. */
  static const int term_months[] = { 10, 1, 4 };
  int last_year = demo->school_year;

  for (int year = 2018; year <= last_year; year++)
    for (guint t = 0; t < G_N_ELEMENTS (term_months); t++)
      {
        int invoice_year = year + (term_months[t] < 9 ? 1 : 0);
        gint64 fees = 0;
        guint n_pupils = 0;

        /* One fee notice per term for the pupils enrolled that year, the
         * third child at half price. */
        for (guint p = 0; p < G_N_ELEMENTS (martin_pupils); p++)
          if (martin_pupils[p].first_year <= year)
            {
              fees += martin_pupils[p].fee;
              n_pupils++;
            }
        if (n_pupils > 0)
          add_term (demo, family_id, TUTTI_BILLING_FEE, invoice_year, term_months[t],
                    "AVIS DES SOMMES A PAYER", fees, n_pupils >= 3 ? 3200 / 2 : 0);

        for (guint p = 0; p < G_N_ELEMENTS (martin_pupils); p++)
          {
            const DemoMartinPupil *pupil = &martin_pupils[p];
            g_autofree char *label = NULL;

            if (pupil->instrument == NULL || pupil->first_year > year)
              continue;
            label = g_strdup_printf ("LOCATION %s", pupil->instrument);
            add_term (demo, family_id, TUTTI_BILLING_RENTAL, invoice_year, term_months[t],
                      label, pupil->rental, 0);
          }
      }

  /* Direct debits the bank returned last spring: still owed. */
  {
    g_autofree char *date = g_strdup_printf ("%d-06-12", last_year);
    g_autofree char *operation = next_operation (demo, date, 'F', 'C');
    g_autofree char *rental_date = g_strdup_printf ("%d-05-14", last_year);
    g_autofree char *rental_operation = next_operation (demo, rental_date, 'F', 'L');

    add_billing_line (demo, family_id, TUTTI_BILLING_FEE, date, TUTTI_PAYMENT_DIRECT_DEBIT,
                      operation, "REJET DE PRELEVEMENT", 7467, 0, FALSE);
    add_billing_line (demo, family_id, TUTTI_BILLING_RENTAL, rental_date, TUTTI_PAYMENT_DIRECT_DEBIT,
                      rental_operation, "REJET DE PRELEVEMENT", 1166, 0, FALSE);
  }

  add_martin_invoice_items (demo, family_id);
}

static void
add_martin (Demo *demo)
{
  gint64 family_id;

  family_id = add_family (demo, "MARTIN");
  for (guint i = 0; i < G_N_ELEMENTS (martin_guardians); i++)
    add_guardian (demo, family_id, &martin_guardians[i]);

  for (guint p = 0; p < G_N_ELEMENTS (martin_pupils); p++)
    {
      const DemoMartinPupil *data = &martin_pupils[p];
      gint64 pupil_id = add_pupil (demo, family_id, &data->pupil, &martin_guardians[0]);

      for (guint c = 0; c < G_N_ELEMENTS (data->courses) && data->courses[c].name != NULL; c++)
        {
          gint64 course_id = add_course (demo, pupil_id, &data->courses[c]);
          static const DemoEvaluation evaluation = {
            "Contrôle continu", "Progression", 375, 500, "B", NULL, "Bon début d'année."
          };
          g_autofree char *date = days_from_today (demo, -30 - (int) (p * 7 + c));

          add_evaluation (demo, "course_id", course_id, date, &evaluation);
          add_course_follow_up (demo, course_id, &data->courses[c], (int) (p * 3 + c), p == 2 && c == 0);
          if (c == 0 && p != 2)
            {
              g_autofree char *absence = days_from_today (demo, -12 - (int) p);
              add_absence (demo, course_id, absence, data->courses[c].time,
                           data->courses[c].duration, p == 0, p == 0 ? "Sortie scolaire" : NULL);
            }
        }

      /* One record per past year, the cycle moving on each year. */
      for (int year = data->first_year; year < demo->school_year; year++)
        {
          DemoHistory history = data->history;
          g_autofree char *admitted = NULL;
          g_autofree char *year_text = g_strdup_printf ("%d/%d", year, year + 1);
          g_autofree char *exam_date = g_strdup_printf ("%d-06-%02d", year + 1, 10 + year % 15);
          guint level = MIN ((guint) (year - data->first_year), G_N_ELEMENTS (cycles) - 2);
          gint64 target = data->averages[MIN ((guint) (year - data->first_year),
                                              G_N_ELEMENTS (data->averages) - 1)];
          /* Léa's last year: a record whose evaluations fill three pages. */
          guint n_weekly = p == 0 && year == demo->school_year - 1 ? 29 : 0;
          gint64 record_id;
          DemoEvaluation exam = {
            "Examen de fin d'année", "Programme imposé et pièce libre", TUTTI_NO_VALUE, 500, NULL, NULL, NULL
          };

          if (data->instrument != NULL || p != 2)
            {
              history.cycle = cycles[level];
              admitted = g_strdup (cycles[level + 1]);
              history.cycle_admitted = admitted;
            }
          if (target > 0)
            {
              /* The year's exam near its average; with weekly marks, the
               * average is theirs and the exam's. */
              gint64 sum;

              exam.mark = quarter_mark (target);
              exam.letter = letter_for (exam.mark);
              exam.mention = mention_for (exam.mark);
              exam.appreciation = exam.mark >= 425 ? "Très belle prestation, musicale et maîtrisée." :
                                  exam.mark >= 375 ? "Prestation solide." :
                                  "Prestation correcte ; la régularité du travail reste à consolider.";
              sum = exam.mark;
              for (guint i = 0; i < n_weekly; i++)
                sum += weekly_mark (target, i);
              history.average = n_weekly > 0 ? (sum + (n_weekly + 1) / 2) / (n_weekly + 1) : target;
              history.letter_average = letter_for (history.average);
              history.mention = mention_for (history.average);
            }
          else
            {
              /* Éveil: an appreciation at the class's audition, no mark. */
              exam.type = "Audition";
              exam.criterion_type = "Prestation en public";
              exam.mention = "Très bien";
              exam.appreciation = "Belle participation à l'audition de la classe.";
            }
          record_id = add_history (demo, pupil_id, year, &history, year % 3);
          add_evaluation (demo, "history_record_id", record_id, exam_date, &exam);
          if (n_weekly > 0)
            add_weekly_evaluations (demo, record_id, year, n_weekly, target);
          add_piece (demo, pupil_id,
                     p == 0 ? (year % 2 ? "Concerto en la mineur, 1er mouvement" : "Méditation de Thaïs")
                            : (p == 1 ? (year % 2 ? "Trumpet Voluntary" : "Le Carnaval de Venise")
                                      : "Comptines à jouer"),
                     p == 0 ? (year % 2 ? "Antonio Vivaldi" : "Jules Massenet")
                            : (p == 1 ? (year % 2 ? "Jeremiah Clarke" : "Jean-Baptiste Arban")
                                      : "Traditionnel"),
                     data->courses[0].name, data->courses[0].teacher, year_text, NULL,
                     year % 2 ? TUTTI_PIECE_EXAM : TUTTI_PIECE_STUDIED);
        }
    }

  add_martin_billing (demo, family_id);
}

/* -- A few more families, so that the school looks real -- */

typedef struct
{
  const char *name;
  DemoGuardian guardian;
  DemoPupil pupils[2];
  DemoCourse courses[2];  /* one per pupil */
  TuttiReenrolmentState state;
} DemoFamily;

static const DemoFamily other_families[] = {
  { "LE GALL",
    { TUTTI_CIVILITY_MRS, "LE GALL", "Sophie", "1984-02-11", "Quimper",
      "3 allée des Tilleuls", "35220", "CHATEAUBOURG", NULL, "0678451236",
      "sophie.legall@example.org", "slegall", "fr", "Professeure des écoles",
      TUTTI_SOCIO_INTERMEDIATE, TUTTI_FAMILY_SITUATION_SINGLE },
    { { TUTTI_CIVILITY_MR, "LE GALL", "Maël", "2013-11-05", "Rennes", "35", "5e",
        TUTTI_IMAGE_RIGHTS_YES, "LE GALL Sophie", "0678451236" },
      { 0 } },
    { { "Guitare classique - Châteaubourg", "Cursus classique", FALSE, "DANIEL Pierre", "1C4",
        "Châteaubourg-Salle 2 (Châteaubourg)", "Châteaubourg", TUTTI_WEEKDAY_THURSDAY, "18:00", 30 },
      { NULL } },
    TUTTI_REENROLMENT_TO_DO },
  { "BERTHELOT",
    { TUTTI_CIVILITY_MR, "BERTHELOT", "Yannick", "1976-08-30", "Vitré",
      "12 rue de Rennes", "35370", "ARGENTRE-DU-PLESSIS", "0299963210", "0611223344",
      "yannick.berthelot@example.org", "yberthelot", "fr", "Artisan menuisier",
      TUTTI_SOCIO_CRAFTS_TRADE_BUSINESS, TUTTI_FAMILY_SITUATION_COHABITING },
    { { TUTTI_CIVILITY_MRS, "BERTHELOT", "Jade", "2010-02-14", "Vitré", "35", "1re",
        TUTTI_IMAGE_RIGHTS_YES, "BERTHELOT Yannick", "0611223344" },
      { TUTTI_CIVILITY_MR, "BERTHELOT", "Noé", "2015-07-30", "Vitré", "35", "CM2",
        TUTTI_IMAGE_RIGHTS_NO, "BERTHELOT Yannick", "0611223344" } },
    { { "Théâtre adolescents - Vitré", "Art dramatique", FALSE, "KERVELLA Gaëlle", NULL,
        "Vitré-Théâtre (Vitré)", "Vitré", TUTTI_WEEKDAY_WEDNESDAY, "16:00", 120 },
      { "Accordéon chromatique - Argentré-du-Plessis", "Cursus classique", FALSE, "HUET Bernard",
        "1C2", "Argentré-Salle Mozart (Argentré-du-Plessis)", "Argentré-du-Plessis",
        TUTTI_WEEKDAY_SATURDAY, "09:30", 30 } },
    TUTTI_REENROLMENT_IN_PROGRESS },
  { "HAMON",
    { TUTTI_CIVILITY_MRS, "HAMON", "Isabelle", "1978-03-12", "Fougères",
      "27 rue Duguesclin", "35130", "LA GUERCHE-DE-BRETAGNE", "0299960011", "0645789632",
      "isabelle.hamon@example.org", "ihamon", "fr", "Comptable",
      TUTTI_SOCIO_EMPLOYEE, TUTTI_FAMILY_SITUATION_MARRIED },
    { { TUTTI_CIVILITY_MRS, "HAMON", "Isabelle", "1978-03-12", "Fougères", "35", "Adulte",
        TUTTI_IMAGE_RIGHTS_YES, "HAMON Gilles", "0645112233" },
      { 0 } },
    { { "Chœur adultes - La Guerche", "Pratique collective", FALSE, "ROUAULT Hélène", NULL,
        "La Guerche-Salle polyvalente (La Guerche-de-Bretagne)", "La Guerche-de-Bretagne",
        TUTTI_WEEKDAY_THURSDAY, "20:00", 120 },
      { NULL } },
    TUTTI_REENROLMENT_DECLINED },
};

static void
add_other_families (Demo *demo)
{
  for (guint f = 0; f < G_N_ELEMENTS (other_families); f++)
    {
      const DemoFamily *data = &other_families[f];
      gint64 family_id = add_family (demo, data->name);
      g_autofree char *date = g_strdup_printf ("%d-10-15", demo->school_year);

      add_guardian (demo, family_id, &data->guardian);
      for (guint p = 0; p < G_N_ELEMENTS (data->pupils) && data->pupils[p].surname != NULL; p++)
        {
          gint64 pupil_id = add_pupil (demo, family_id, &data->pupils[p], &data->guardian);
          gint64 course_id = add_course (demo, pupil_id, &data->courses[p]);

          add_course_follow_up (demo, course_id, &data->courses[p], (int) (f * 2 + p), TRUE);
          if (data->state != TUTTI_REENROLMENT_TO_DO)
            add_reenrolment (demo, pupil_id, data->state, data->state == TUTTI_REENROLMENT_IN_PROGRESS ? 3 : 0);
        }

      if (date_is_past (demo, date))
        {
          g_autofree char *operation = next_operation (demo, date, 'F', 'C');
          g_autofree char *paid_date = g_strdup_printf ("%d-11-%02d", demo->school_year, 3 + f);

          add_billing_line (demo, family_id, TUTTI_BILLING_FEE, date, TUTTI_PAYMENT_NONE,
                            operation, "AVIS DES SOMMES A PAYER", 9600 + f * 1200, 0, FALSE);
          if (date_is_past (demo, paid_date))
            {
              g_autofree char *receipt = next_operation (demo, paid_date, 'R', 'C');
              add_billing_line (demo, family_id, TUTTI_BILLING_FEE, paid_date,
                                f == 0 ? TUTTI_PAYMENT_CARD : TUTTI_PAYMENT_HOLIDAY_VOUCHERS,
                                receipt, f == 0 ? "CB" : "CHEQUES VACANCES ANCV",
                                0, 9600 + f * 1200, FALSE);
            }
        }

      /* A change awaiting the office, for the staff's queue. */
      if (f == 1)
        {
          g_autoptr(TuttiPendingChange) change = tutti_pending_change_new ();
          sqlite3_stmt *stmt;
          gint64 guardian_id = 0;

          if (demo->error != NULL)
            return;
          stmt = tutti_store_prepare (demo->store,
                                      "SELECT id FROM guardians WHERE family_id = ?", &demo->error);
          if (stmt == NULL)
            return;
          sqlite3_bind_int64 (stmt, 1, family_id);
          if (tutti_store_step (demo->store, stmt, &demo->error))
            {
              guardian_id = sqlite3_column_int64 (stmt, 0);
              sqlite3_reset (stmt);
            }

          change->entity = TUTTI_ENTITY_GUARDIAN;
          change->entity_id = guardian_id;
          change->field = g_strdup ("mobile_phone");
          change->old_value = g_strdup ("0611223344");
          change->new_value = g_strdup ("0622334455");
          change->state = TUTTI_CHANGE_PENDING;
          change->created_at = local_datetime (demo, -2, 18, 32);
          insert (demo, TUTTI_TABLE_PENDING_CHANGES, change, "family_id", family_id);
        }
    }
}

/* A submitted re-enrolment's step 4: every course of the pupil renewed,
 * in the place of next year's offer of the same discipline and site. */
static void
add_reenrolment_choices (Demo   *demo,
                         gint64  pupil_id)
{
  g_autoptr(GPtrArray) courses = NULL;
  sqlite3_stmt *stmt;
  gint64 reenrolment_id = 0;

  if (demo->error != NULL)
    return;
  stmt = tutti_store_prepare (demo->store, "SELECT id FROM reenrolments WHERE pupil_id = ?", &demo->error);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  if (tutti_store_step (demo->store, stmt, &demo->error))
    {
      reenrolment_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  stmt = tutti_store_prepare_select (demo->store, TUTTI_TABLE_COURSES, "WHERE pupil_id = ? ORDER BY id",
                                     &demo->error);
  if (reenrolment_id == 0 || stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  courses = tutti_store_read_records (demo->store, TUTTI_TABLE_COURSES, stmt, &demo->error);
  for (guint i = 0; courses != NULL && i < courses->len; i++)
    {
      const TuttiCourse *course = g_ptr_array_index (courses, i);
      g_autoptr(TuttiCourseChoice) choice = tutti_course_choice_new ();
      g_autofree char *discipline = g_strdup (course->name);
      char *dash = g_strrstr (discipline, " - ");

      if (dash != NULL)
        *dash = '\0';
      choice->course_id = course->id;
      choice->course_name = g_strdup (course->name);
      choice->cursus = g_strdup (course->cursus);
      choice->school_hours = course->school_hours;
      choice->cycle = g_strdup (course->cycle);
      choice->reenrol = TRUE;

      stmt = tutti_store_prepare (demo->store,
                                  "SELECT offer_items.id FROM offer_items JOIN campaigns "
                                  "ON campaigns.id = campaign_id WHERE campaigns.kind = 'reenrolment' "
                                  "AND discipline = ? AND site = ? ORDER BY offer_items.id LIMIT 1",
                                  &demo->error);
      if (stmt == NULL)
        return;
      tutti_store_bind_text (stmt, 1, discipline);
      tutti_store_bind_text (stmt, 2, course->site);
      if (tutti_store_step (demo->store, stmt, &demo->error))
        {
          choice->offer_id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
      insert (demo, TUTTI_TABLE_REENROLMENT_COURSES, choice, "reenrolment_id", reenrolment_id);
    }
}

static void
add_martin_documents_and_states (Demo *demo)
{
  g_autoptr(GPtrArray) pupils = NULL;
  g_autoptr(TuttiDocument) document = tutti_document_new ();
  g_autoptr(GBytes) pdf = make_pdf ("Attestation de quotient familial",
                                    "Caisse d'allocations familiales d'Ille-et-Vilaine - QF 742");
  g_autofree char *sha256 = NULL;
  sqlite3_stmt *stmt;
  gint64 family_id = 0;
  gint64 document_id;

  if (demo->error != NULL)
    return;
  stmt = tutti_store_prepare (demo->store, "SELECT id FROM families WHERE name = 'MARTIN'", &demo->error);
  if (stmt == NULL)
    return;
  if (tutti_store_step (demo->store, stmt, &demo->error))
    {
      family_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  document->family_id = family_id;
  document->kind = g_strdup ("family-quotient");
  document->name = g_strdup ("Attestation de quotient familial de moins de 4 mois");
  document->file_name = g_strdup ("attestation-caf.pdf");
  document->content_type = g_strdup ("application/pdf");
  document->size = g_bytes_get_size (pdf);
  document->sha256 = g_steal_pointer (&sha256);
  document->uploaded_at = local_datetime (demo, -4, 20, 47);
  document->state = TUTTI_DOCUMENT_PROVIDED;
  document_id = insert (demo, TUTTI_TABLE_DOCUMENTS, document, NULL, 0);
  if (demo->error != NULL)
    return;
  stmt = tutti_store_prepare (demo->store, "UPDATE documents SET content = ? WHERE id = ?", &demo->error);
  if (stmt == NULL)
    return;
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, document_id);
  if (!tutti_store_run (demo->store, stmt, &demo->error))
    return;

  /* Léa re-enrolled (awaiting validation), Hugo half-way, Chloé to do. */
  stmt = tutti_store_prepare_select (demo->store, TUTTI_TABLE_PUPILS,
                                     "WHERE family_id = ? ORDER BY birth_date", &demo->error);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, family_id);
  pupils = tutti_store_read_records (demo->store, TUTTI_TABLE_PUPILS, stmt, &demo->error);
  if (pupils == NULL)
    return;
  if (pupils->len >= 2)
    {
      add_reenrolment (demo, ((TuttiPupil *) g_ptr_array_index (pupils, 0))->id,
                       TUTTI_REENROLMENT_SUBMITTED, 6);
      add_reenrolment_choices (demo, ((TuttiPupil *) g_ptr_array_index (pupils, 0))->id);
      add_reenrolment (demo, ((TuttiPupil *) g_ptr_array_index (pupils, 1))->id,
                       TUTTI_REENROLMENT_IN_PROGRESS, 2);
    }
}

static void
add_staff (Demo *demo)
{
  g_autoptr(TuttiAccount) account = tutti_account_new ();

  account->login = g_strdup (TUTTI_DEMO_STAFF_LOGIN);
  account->role = TUTTI_ROLE_STAFF;
  account->civility = TUTTI_CIVILITY_MRS;
  account->surname = g_strdup ("LEBRETON");
  account->first_name = g_strdup ("Nadine");
  account->email = g_strdup ("conservatoire@vitrecommunaute.org");
  account->site = g_strdup (TUTTI_DEMO_SITE_ID);
  account->lang = g_strdup ("fr");
  if (demo->error == NULL)
    tutti_accounts_create (demo->store, account, demo->staff_hash, &demo->error);
}

gboolean
tutti_demo_load (TuttiStore  *store,
                 GError     **error)
{
  g_autofree char *marker = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  Demo demo = { 0 };

  marker = tutti_store_get_setting (store, DEMO_MARKER);
  if (marker != NULL)
    {
      g_message ("Demo school already loaded (%s)", marker);
      return TRUE;
    }

  demo.store = store;
  g_date_set_dmy (&demo.today, g_date_time_get_day_of_month (today),
                  g_date_time_get_month (today), g_date_time_get_year (today));
  demo.school_year = g_date_time_get_year (today) - (g_date_time_get_month (today) < 9 ? 1 : 0);

  /* Hashing is slow on purpose: once per distinct password, shared by the
   * demo accounts (each real account gets its own salt). */
  demo.family_hash = tutti_password_hash (TUTTI_DEMO_FAMILY_PASSWORD, error);
  if (demo.family_hash == NULL)
    return FALSE;
  demo.staff_hash = tutti_password_hash (TUTTI_DEMO_STAFF_PASSWORD, error);
  if (demo.staff_hash == NULL)
    {
      g_free (demo.family_hash);
      return FALSE;
    }

  if (!tutti_store_begin (store, &demo.error))
    goto out;

  /* Checked again inside the transaction: another process may have won. */
  g_clear_pointer (&marker, g_free);
  marker = tutti_store_get_setting (store, DEMO_MARKER);
  if (marker == NULL)
    {
      add_school (&demo);
      add_campaigns (&demo);
      add_antispam (&demo);
      add_ztest (&demo);
      add_martin (&demo);
      add_martin_documents_and_states (&demo);
      add_other_families (&demo);
      add_staff (&demo);

      now = tutti_datetime_now ();
      if (demo.error == NULL)
        tutti_store_set_setting (store, DEMO_MARKER, now, &demo.error);
    }

  if (demo.error == NULL)
    tutti_store_commit (store, &demo.error);
  if (demo.error != NULL)
    tutti_store_rollback (store);
  else
    g_message ("Demo school loaded");

out:
  g_clear_pointer (&demo.school, tutti_school_free);
  g_free (demo.family_hash);
  g_free (demo.staff_hash);
  if (demo.error != NULL)
    {
      g_propagate_prefixed_error (error, demo.error, "Loading the demo school: ");
      return FALSE;
    }
  return TRUE;
}
