/* main.c — sets up gettext and runs Tutti
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tutti-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TuttiApplication) app = NULL;
  const char *localedir = g_getenv ("TUTTI_LOCALEDIR");

  /* $TUTTI_LOCALEDIR points uninstalled runs at <build>/po/locale. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = tutti_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
