/* tutti-schema.h — field tables: one definition of each field for app, server and tests
 *
 * Every record type of Tutti is a plain C struct described by a TuttiSchema:
 * for each field its JSON key, its kind, where it lives in the struct, its
 * label in French and English, whether it is required and which rule checks
 * it. The JSON codec, the validation, the SQL column lists of the server and
 * the forms of the app all walk these tables instead of repeating field lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tutti-lang.h"

G_BEGIN_DECLS

/* An absent number (JSON null), for the nullable numeric kinds. */
#define TUTTI_NO_VALUE G_MININT64

typedef enum
{
  TUTTI_FIELD_STRING,   /* char *                                   */
  TUTTI_FIELD_INT,      /* gint64                                   */
  TUTTI_FIELD_BOOL,     /* gboolean                                 */
  TUTTI_FIELD_DATE,     /* char *, ISO 8601 date "2026-10-31"       */
  TUTTI_FIELD_DATETIME, /* char *, ISO 8601 "2026-10-31T23:59:00+01:00" */
  TUTTI_FIELD_TIME,     /* char *, "17:00"                          */
  TUTTI_FIELD_MINUTES,  /* gint64, a duration in minutes            */
  TUTTI_FIELD_MONEY,    /* gint64, cents                            */
  TUTTI_FIELD_DECIMAL,  /* gint64, hundredths (marks, averages)     */
  TUTTI_FIELD_ENUM,     /* int, index into field->enum_type         */
  TUTTI_FIELD_OBJECT,   /* gpointer, a record of field->schema      */
  TUTTI_FIELD_LIST,     /* GPtrArray * of records of field->schema  */
  TUTTI_FIELD_STRV,     /* char **                                  */
} TuttiFieldKind;

typedef enum
{
  TUTTI_FIELD_FLAG_NONE     = 0,
  TUTTI_FIELD_FLAG_REQUIRED = 1 << 0, /* must not be empty                     */
  TUTTI_FIELD_FLAG_NULLABLE = 1 << 1, /* numbers: TUTTI_NO_VALUE ↔ null        */
  TUTTI_FIELD_FLAG_EDITABLE = 1 << 2, /* a family may change it (pending change) */
  TUTTI_FIELD_FLAG_SECRET   = 1 << 3, /* never logged                          */
  TUTTI_FIELD_FLAG_COMPUTED = 1 << 4, /* filled in by the server, not stored   */
} TuttiFieldFlags;

typedef enum
{
  TUTTI_CHECK_NONE,
  TUTTI_CHECK_EMAIL,
  TUTTI_CHECK_POSTCODE,
  TUTTI_CHECK_PHONE,
  TUTTI_CHECK_PASSWORD,
  TUTTI_CHECK_DEPARTMENT,
} TuttiCheck;

typedef struct
{
  const char *name;
  guint n_values;
  const char * const *nicks;  /* on the wire */
  const TuttiText *labels;    /* for people  */
} TuttiEnum;

typedef struct _TuttiSchema TuttiSchema;

typedef struct
{
  const char *key;
  TuttiFieldKind kind;
  gsize offset;
  TuttiFieldFlags flags;
  TuttiCheck check;
  TuttiText label;
  const TuttiEnum *enum_type;    /* TUTTI_FIELD_ENUM             */
  const TuttiSchema *schema;     /* TUTTI_FIELD_OBJECT, _LIST    */
  guint max_length;              /* strings, in characters; 0 = default */
} TuttiField;

struct _TuttiSchema
{
  const char *name;
  gsize size;
  GDestroyNotify free_func;      /* the typed free, for GPtrArrays of records */
  guint n_fields;
  const TuttiField *fields;
};

/* Enums */
const char     *tutti_enum_to_nick        (const TuttiEnum   *enum_type,
                                           int                value);
int             tutti_enum_from_nick      (const TuttiEnum   *enum_type,
                                           const char        *nick);
const char     *tutti_enum_to_label       (const TuttiEnum   *enum_type,
                                           int                value,
                                           TuttiLang          lang);

/* Schemas */
const TuttiField *tutti_schema_lookup     (const TuttiSchema *schema,
                                           const char        *key);

/* Generic records. A new record has its nullable numbers set to
 * TUTTI_NO_VALUE and its lists empty (never %NULL). */
gpointer        tutti_record_new          (const TuttiSchema *schema);
GPtrArray      *tutti_record_list_new     (const TuttiSchema *schema);
void            tutti_record_free         (const TuttiSchema *schema,
                                           gpointer           record);
gpointer        tutti_record_copy         (const TuttiSchema *schema,
                                           gconstpointer      record);
gboolean        tutti_record_equal        (const TuttiSchema *schema,
                                           gconstpointer      a,
                                           gconstpointer      b);
JsonNode       *tutti_record_to_json      (const TuttiSchema *schema,
                                           gconstpointer      record);
gpointer        tutti_record_from_json    (const TuttiSchema *schema,
                                           JsonNode          *node,
                                           GError           **error);
gpointer        tutti_record_from_json_lang (const TuttiSchema *schema,
                                           JsonNode          *node,
                                           TuttiLang          lang,
                                           GError           **error);
char           *tutti_record_to_data      (const TuttiSchema *schema,
                                           gconstpointer      record);
gpointer        tutti_record_from_data    (const TuttiSchema *schema,
                                           const char        *data,
                                           gssize             length,
                                           GError           **error);

/* Scalar fields as text, the form in which pending changes keep old and new
 * values: strings as they are, numbers in decimal, booleans "true"/"false",
 * enums by nick. */
char           *tutti_record_get_text     (const TuttiSchema *schema,
                                           gconstpointer      record,
                                           const char        *key);
gboolean        tutti_record_set_text     (const TuttiSchema *schema,
                                           gpointer           record,
                                           const char        *key,
                                           const char        *text,
                                           GError           **error);

/* Checks every field with its rule (required, e-mail, postcode, phone…).
 * Returns: (transfer full) (nullable): key → message in @lang, or %NULL. */
GHashTable     *tutti_record_validate     (const TuttiSchema *schema,
                                           gconstpointer      record,
                                           TuttiLang          lang);

/* Checks one value given as text against the field's rules.
 * Returns: (transfer full) (nullable): the message, or %NULL when valid. */
char           *tutti_field_check_text    (const TuttiField  *field,
                                           const char        *text,
                                           TuttiLang          lang);

/* A value in the text form of tutti_record_get_text() as people read it:
 * enum labels, dates formatted, "Yes"/"No", "(empty)". */
char           *tutti_field_format_text   (const TuttiField  *field,
                                           const char        *text,
                                           TuttiLang          lang);

/* Why tutti_record_set_text() refused a value for @field, for people. */
const char     *tutti_field_type_message  (const TuttiField  *field,
                                           TuttiLang          lang);

/* Helpers for the tables in tutti-types.c */
#define TUTTI_N_ELEMENTS(a) (sizeof (a) / sizeof ((a)[0]))

G_END_DECLS
