/* tutti-lang.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-core"

#include "tutti-lang.h"

#include <string.h>

const char *
tutti_text_get (const TuttiText *text,
                TuttiLang        lang)
{
  g_return_val_if_fail (text != NULL, "");

  if (lang == TUTTI_LANG_FR && text->fr != NULL)
    return text->fr;
  return text->en != NULL ? text->en : "";
}

/* "fr", "fr_FR.UTF-8", "fr-CA" → French; anything else → English. */
TuttiLang
tutti_lang_from_tag (const char *tag)
{
  if (tag != NULL &&
      g_ascii_strncasecmp (tag, "fr", 2) == 0 &&
      (tag[2] == '\0' || tag[2] == '_' || tag[2] == '-' || tag[2] == '.' || tag[2] == '@'))
    return TUTTI_LANG_FR;
  return TUTTI_LANG_EN;
}

const char *
tutti_lang_to_tag (TuttiLang lang)
{
  return lang == TUTTI_LANG_FR ? "fr" : "en";
}

/* Picks the first of fr/en in an Accept-Language header by quality. */
TuttiLang
tutti_lang_from_accept_language (const char *header)
{
  g_auto(GStrv) items = NULL;
  double best_q = -1.0;
  TuttiLang best = TUTTI_LANG_FR;

  if (header == NULL || *header == '\0')
    return TUTTI_LANG_FR;

  items = g_strsplit (header, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ";", -1);
      const char *tag = g_strstrip (parts[0]);
      double q = 1.0;

      for (guint j = 1; parts[j] != NULL; j++)
        {
          const char *p = g_strstrip (parts[j]);
          if (g_str_has_prefix (p, "q="))
            q = g_ascii_strtod (p + 2, NULL);
        }

      if (g_ascii_strncasecmp (tag, "fr", 2) != 0 &&
          g_ascii_strncasecmp (tag, "en", 2) != 0)
        continue;

      if (q > best_q)
        {
          best_q = q;
          best = tutti_lang_from_tag (tag);
        }
    }

  return best;
}

/* The user's language as gettext sees it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
TuttiLang
tutti_lang_from_environment (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "C") == 0 || g_str_has_prefix (names[i], "C."))
        break;
      if (g_ascii_strncasecmp (names[i], "en", 2) == 0)
        return TUTTI_LANG_EN;
      if (tutti_lang_from_tag (names[i]) == TUTTI_LANG_FR)
        return TUTTI_LANG_FR;
    }

  return TUTTI_LANG_EN;
}
