/* tutti-mailer.c — outgoing e-mail, spooled as RFC 5322 files in the outbox
 *
 * Each message becomes DATA_DIR/outbox/<time>-<random>.eml, written to a
 * temporary name, synced and renamed, so that whatever later picks messages
 * up (an SMTP relay, NEXT-6) sees whole files only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tutti-mailer.h"
#include "tutti-password.h"

struct _TuttiMailer
{
  GObject parent_instance;

  /* Set at construction, read-only afterwards: safe across threads. */
  char *outbox_dir;
  char *from_name;
  char *from_address;
  char *domain;
};

G_DEFINE_FINAL_TYPE (TuttiMailer, tutti_mailer, G_TYPE_OBJECT)

static void
tutti_mailer_finalize (GObject *object)
{
  TuttiMailer *self = (TuttiMailer *) object;

  g_clear_pointer (&self->outbox_dir, g_free);
  g_clear_pointer (&self->from_name, g_free);
  g_clear_pointer (&self->from_address, g_free);
  g_clear_pointer (&self->domain, g_free);

  G_OBJECT_CLASS (tutti_mailer_parent_class)->finalize (object);
}

static void
tutti_mailer_class_init (TuttiMailerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tutti_mailer_finalize;
}

static void
tutti_mailer_init (TuttiMailer *self)
{
}

TuttiMailer *
tutti_mailer_new (const char *outbox_dir,
                  const char *from)
{
  TuttiMailer *self;
  const char *lt;
  const char *at;

  g_return_val_if_fail (outbox_dir != NULL, NULL);

  if (from == NULL || *from == '\0')
    from = TUTTI_MAILER_DEFAULT_FROM;

  self = g_object_new (TUTTI_TYPE_MAILER, NULL);
  self->outbox_dir = g_strdup (outbox_dir);

  lt = strrchr (from, '<');
  if (lt != NULL && strchr (lt, '>') != NULL)
    {
      self->from_name = g_strstrip (g_strndup (from, lt - from));
      self->from_address = g_strndup (lt + 1, strchr (lt, '>') - lt - 1);
    }
  else
    {
      self->from_name = g_strdup ("");
      self->from_address = g_strstrip (g_strdup (from));
    }

  at = strrchr (self->from_address, '@');
  self->domain = g_strdup (at != NULL ? at + 1 : "localhost");

  return self;
}

const char *
tutti_mailer_get_outbox_dir (TuttiMailer *self)
{
  g_return_val_if_fail (TUTTI_IS_MAILER (self), NULL);
  return self->outbox_dir;
}

static gboolean
is_ascii_printable (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p > 0x7e)
      return FALSE;
  return TRUE;
}

/* RFC 2047 "B" encoded-words, each at most 75 characters, cut between
 * UTF-8 characters and folded onto continuation lines. */
static void
append_encoded_words (GString    *out,
                      const char *text)
{
  const char *p = text;
  gboolean first = TRUE;

  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *b64 = NULL;

      /* 45 bytes → 60 characters of base64, + 12 for the delimiters. */
      while (*end != '\0')
        {
          const char *next = g_utf8_next_char (end);

          if (next - p > 45)
            break;
          end = next;
        }

      b64 = g_base64_encode ((const guchar *) p, end - p);
      if (!first)
        g_string_append (out, "\r\n ");
      g_string_append_printf (out, "=?UTF-8?B?%s?=", b64);
      first = FALSE;
      p = end;
    }
}

/* A header's free text (Subject). */
static void
append_unstructured (GString    *out,
                     const char *text)
{
  if (is_ascii_printable (text))
    g_string_append (out, text);
  else
    append_encoded_words (out, text);
}

/* A display name before an address: an atom sequence, a quoted string, or
 * encoded-words when it is not ASCII. */
static void
append_mailbox (GString    *out,
                const char *name,
                const char *address)
{
  if (name != NULL && *name != '\0')
    {
      if (!is_ascii_printable (name))
        append_encoded_words (out, name);
      else if (strpbrk (name, "()<>[]:;@\\,.\"") != NULL)
        {
          g_string_append_c (out, '"');
          for (const char *p = name; *p != '\0'; p++)
            {
              if (*p == '"' || *p == '\\')
                g_string_append_c (out, '\\');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, name);
      g_string_append_c (out, ' ');
    }
  g_string_append_printf (out, "<%s>", address);
}

/* RFC 5322 date, in English whatever the locale. */
static char *
format_date (GDateTime *date)
{
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  gint64 offset = g_date_time_get_utc_offset (date) / G_TIME_SPAN_MINUTE;
  char sign = offset < 0 ? '-' : '+';

  if (offset < 0)
    offset = -offset;

  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                          days[g_date_time_get_day_of_week (date) - 1],
                          g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1],
                          g_date_time_get_year (date),
                          g_date_time_get_hour (date),
                          g_date_time_get_minute (date),
                          g_date_time_get_second (date),
                          sign, (int) (offset / 60), (int) (offset % 60));
}

/* Header values must not smuggle in line breaks. */
static char *
one_line (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\r' || *p == '\n')
      *p = ' ';
  return copy;
}

char *
tutti_mailer_compose (TuttiMailer *self,
                      GDateTime   *date,
                      const char  *message_id,
                      const char  *to_name,
                      const char  *to_address,
                      const char  *subject,
                      const char  *body)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *date_text = format_date (date);
  g_autofree char *safe_to_name = one_line (to_name);
  g_autofree char *safe_to_address = one_line (to_address);
  g_autofree char *safe_subject = one_line (subject);

  g_string_append_printf (out, "Date: %s\r\n", date_text);
  g_string_append (out, "From: ");
  append_mailbox (out, self->from_name, self->from_address);
  g_string_append (out, "\r\nTo: ");
  append_mailbox (out, safe_to_name, safe_to_address);
  g_string_append (out, "\r\nSubject: ");
  append_unstructured (out, safe_subject);
  g_string_append_printf (out, "\r\nMessage-ID: <%s>\r\n", message_id);
  g_string_append (out,
                   "MIME-Version: 1.0\r\n"
                   "Content-Type: text/plain; charset=utf-8\r\n"
                   "Content-Transfer-Encoding: 8bit\r\n"
                   "\r\n");

  /* The body with CRLF line ends, ending with one. */
  for (const char *p = body; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        g_string_append (out, "\r\n");
      else
        g_string_append_c (out, *p);
    }
  if (!g_str_has_suffix (out->str, "\r\n"))
    g_string_append (out, "\r\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
tutti_mailer_send (TuttiMailer  *self,
                   const char   *to_name,
                   const char   *to_address,
                   const char   *subject,
                   const char   *body,
                   GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *random_hex = NULL;
  g_autofree char *message_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  guint8 random[8];

  g_return_val_if_fail (TUTTI_IS_MAILER (self), NULL);
  g_return_val_if_fail (to_address != NULL && subject != NULL && body != NULL, NULL);

  if (g_mkdir_with_parents (self->outbox_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Creating %s: %s", self->outbox_dir, g_strerror (saved_errno));
      return NULL;
    }

  if (!tutti_random_bytes (random, sizeof random, error))
    return NULL;
  random_hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, random, sizeof random);
  random_hex[16] = '\0';

  /* Names sort in the order messages were written. */
  name = g_strdup_printf ("%016" G_GINT64_FORMAT "-%s.eml",
                          g_date_time_to_unix (now) * G_USEC_PER_SEC +
                          g_date_time_get_microsecond (now),
                          random_hex);
  message_id = g_strdup_printf ("%" G_GINT64_FORMAT ".%s@%s",
                                g_date_time_to_unix (now), random_hex, self->domain);
  path = g_build_filename (self->outbox_dir, name, NULL);
  message = tutti_mailer_compose (self, now, message_id, to_name, to_address, subject, body);

  /* Temporary file, fsync, rename; 0600 since credentials travel here. */
  if (!g_file_set_contents_full (path, message, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return NULL;

  return g_steal_pointer (&name);
}
