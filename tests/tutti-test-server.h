/* tutti-test-server.h — a real tutti-server process on a free loopback port
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TuttiTestServer TuttiTestServer;

/* Starts $TUTTI_SERVER_PATH --port 0 --data-dir <new temporary dir>
 * [--demo] [extra arguments], waits for the URL it prints once ready and
 * fails the test if it does not come. */
TuttiTestServer *tutti_test_server_start         (gboolean            demo,
                                                  const char * const *extra_args);
const char      *tutti_test_server_get_url       (TuttiTestServer    *self);
const char      *tutti_test_server_get_data_dir  (TuttiTestServer    *self);
/* Everything the server wrote on stderr so far (its access log). */
char            *tutti_test_server_get_log       (TuttiTestServer    *self);
/* Stops the server cleanly (as _stop() does) and starts it again on the
 * same data dir, e.g. to check that a second --demo adds nothing. The URL
 * changes; the log is the new run's. */
void             tutti_test_server_restart       (TuttiTestServer    *self,
                                                  gboolean            demo,
                                                  const char * const *extra_args);
/* SIGTERM, waits for a clean exit (status 0), removes the data dir. */
void             tutti_test_server_stop          (TuttiTestServer    *self);

/* The outbox's messages (DATA_DIR/outbox/ *.eml), sorted by name. */
GPtrArray       *tutti_test_server_list_outbox   (TuttiTestServer    *self);

/* A temporary directory for a test, removed with tutti_test_rm_rf(). */
char            *tutti_test_make_tmpdir          (const char         *name);
void             tutti_test_rm_rf                (const char         *path);

G_END_DECLS
