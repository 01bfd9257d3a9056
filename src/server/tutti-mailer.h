/* tutti-mailer.h — outgoing e-mail, spooled as RFC 5322 files in the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TUTTI_MAILER_DEFAULT_FROM \
  "Conservatoire de Vitré Communauté <conservatoire@vitrecommunaute.org>"

#define TUTTI_TYPE_MAILER (tutti_mailer_get_type ())

G_DECLARE_FINAL_TYPE (TuttiMailer, tutti_mailer, TUTTI, MAILER, GObject)

/* @from: "Name <address>" or a bare address. */
TuttiMailer *tutti_mailer_new            (const char   *outbox_dir,
                                          const char   *from);
const char  *tutti_mailer_get_outbox_dir (TuttiMailer  *self);

/* Writes one text/plain message to the outbox, atomically (a reader never
 * sees half a file). Safe to call from any thread.
 * Returns: the message's file name, or %NULL on error. */
char        *tutti_mailer_send           (TuttiMailer  *self,
                                          const char   *to_name,
                                          const char   *to_address,
                                          const char   *subject,
                                          const char   *body,
                                          GError      **error);

/* The message as it is written, for tests of the format. */
char        *tutti_mailer_compose        (TuttiMailer  *self,
                                          GDateTime    *date,
                                          const char   *message_id,
                                          const char   *to_name,
                                          const char   *to_address,
                                          const char   *subject,
                                          const char   *body);

G_END_DECLS
