/* tutti-password.c — password hashes, session tokens and generated passwords
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <crypt.h>
#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "tutti-core.h"
#include "tutti-password.h"

G_DEFINE_QUARK (tutti-password-error-quark, tutti_password_error)

gboolean
tutti_random_bytes (guint8  *buffer,
                    gsize    length,
                    GError **error)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = getrandom (buffer + done, length - done, 0);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error (error, TUTTI_PASSWORD_ERROR, TUTTI_PASSWORD_ERROR_RANDOM,
                       "getrandom: %s", g_strerror (saved_errno));
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

char *
tutti_password_hash (const char  *password,
                     GError     **error)
{
  char setting[CRYPT_GENSALT_OUTPUT_SIZE];
  struct crypt_data *data;
  char *result = NULL;

  g_return_val_if_fail (password != NULL, NULL);

  /* NULL entropy: libxcrypt draws the salt from the OS itself. */
  if (crypt_gensalt_rn ("$y$", 0, NULL, 0, setting, sizeof setting) == NULL)
    {
      g_set_error (error, TUTTI_PASSWORD_ERROR, TUTTI_PASSWORD_ERROR_HASH,
                   "crypt_gensalt: %s", g_strerror (errno));
      return NULL;
    }

  data = g_new0 (struct crypt_data, 1);
  if (crypt_rn (password, setting, data, sizeof *data) == NULL ||
      data->output[0] == '*')
    g_set_error (error, TUTTI_PASSWORD_ERROR, TUTTI_PASSWORD_ERROR_HASH,
                 "crypt: %s", g_strerror (errno));
  else
    result = g_strdup (data->output);

  /* The structure holds the password in its input buffer. */
  explicit_bzero (data, sizeof *data);
  g_free (data);
  return result;
}

static gboolean
equal_constant_time (const char *a,
                     const char *b)
{
  gsize len_a = strlen (a);
  gsize len_b = strlen (b);
  guint8 diff = len_a != len_b;

  for (gsize i = 0; i < len_a; i++)
    diff |= (guint8) a[i] ^ (guint8) b[i < len_b ? i : 0];
  return diff == 0;
}

/* A real hash of a random password, hashed against when there is no
 * hash to check, so that an unknown login costs as much time as a known
 * one. Made once, kept for the life of the process. */
static const char *
get_dummy_hash (void)
{
  static char *dummy = NULL;

  if (g_once_init_enter (&dummy))
    {
      g_autofree char *password = tutti_token_generate (NULL);
      char *hash = password != NULL ? tutti_password_hash (password, NULL) : NULL;

      g_once_init_leave (&dummy, hash != NULL ? hash : g_strdup ("*"));
    }
  return dummy;
}

void
tutti_password_init (void)
{
  get_dummy_hash ();
}

gboolean
tutti_password_verify (const char *password,
                       const char *hash)
{
  struct crypt_data *data;
  gboolean usable = hash != NULL && hash[0] == '$';
  const char *setting = usable ? hash : get_dummy_hash ();
  gboolean ok = FALSE;

  if (password == NULL)
    password = "";

  data = g_new0 (struct crypt_data, 1);
  if (crypt_rn (password, setting, data, sizeof *data) != NULL &&
      data->output[0] != '*')
    ok = equal_constant_time (data->output, setting) && usable;

  explicit_bzero (data, sizeof *data);
  g_free (data);
  return ok;
}

/* No 0/O, 1/l/I: the password is read from an e-mail and typed by hand. */
static const char upper[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
static const char lower[] = "abcdefghijkmnopqrstuvwxyz";
static const char digits[] = "23456789";

/* A uniform index below @n, by rejection. */
static gboolean
random_below (guint    n,
              guint   *out,
              GError **error)
{
  guint limit = 256 - (256 % n);
  guint8 byte;

  do
    {
      if (!tutti_random_bytes (&byte, 1, error))
        return FALSE;
    }
  while (byte >= limit);
  *out = byte % n;
  return TRUE;
}

char *
tutti_password_generate (GError **error)
{
  /* 12 characters: well inside 8–20, ~70 bits. */
  const guint length = 12;
  g_autofree char *all = g_strconcat (upper, lower, digits, NULL);
  guint n_all = strlen (all);

  for (;;)
    {
      g_autofree char *password = g_malloc0 (length + 1);

      for (guint i = 0; i < length; i++)
        {
          guint index;

          if (!random_below (n_all, &index, error))
            return NULL;
          password[i] = all[index];
        }

      if (tutti_password_check (password) == 0)
        return g_steal_pointer (&password);
    }
}

char *
tutti_token_generate (GError **error)
{
  guint8 bytes[TUTTI_TOKEN_BYTES];
  char *token;

  if (!tutti_random_bytes (bytes, sizeof bytes, error))
    return NULL;

  token = g_base64_encode (bytes, sizeof bytes);
  explicit_bzero (bytes, sizeof bytes);

  /* base64url without padding */
  for (char *p = token; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        {
          *p = '\0';
          break;
        }
    }
  return token;
}

char *
tutti_token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}
