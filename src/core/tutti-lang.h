/* tutti-lang.h — the two languages of Tutti, without the C library's locales
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The server answers in the language of each request and the app in the
 * user's language; neither may depend on which locales the machine has
 * (often only C.UTF-8), so core carries its own French and English texts. */
typedef enum
{
  TUTTI_LANG_EN,
  TUTTI_LANG_FR,
} TuttiLang;

/* A text core owns in both languages: a field label, a rule, an error. */
typedef struct
{
  const char *en;
  const char *fr;
} TuttiText;

const char *tutti_text_get                    (const TuttiText *text,
                                               TuttiLang        lang);

TuttiLang   tutti_lang_from_tag               (const char      *tag);
const char *tutti_lang_to_tag                 (TuttiLang        lang);
TuttiLang   tutti_lang_from_accept_language   (const char      *header);
TuttiLang   tutti_lang_from_environment       (void);

G_END_DECLS
