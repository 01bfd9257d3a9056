/* tutti-document-opener.c — opening a document from the server: a PDF in
 * a TuttiDocumentView, an image in a TuttiImageWindow
 *
 * The family's documents page, the office's documents to check and its
 * re-enrolment files all open a document the same way; home and the
 * office's campaigns open a campaign's PDF to download the same way. The
 * windows take the document's id as text, which the fetch functions here
 * turn back into the client's call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <string.h>

#include "tutti-document-opener.h"
#include "tutti-document-view.h"
#include "tutti-image-window.h"

/* What Save proposes when the document came without a name. */
#define DEFAULT_FILE_NAME "document.pdf"

/* ---- The fetch functions ------------------------------------------------------ */

static void
fetch_family_document (TuttiClient         *client,
                       const char          *id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  tutti_client_get_document_async (client, g_ascii_strtoll (id, NULL, 10), cancellable, callback, user_data);
}

static GBytes *
fetch_family_document_finish (TuttiClient   *client,
                              GAsyncResult  *result,
                              GError       **error)
{
  return tutti_client_get_document_finish (client, result, NULL, error);
}

static void
fetch_staff_document (TuttiClient         *client,
                      const char          *id,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  tutti_client_get_staff_document_async (client, g_ascii_strtoll (id, NULL, 10), cancellable,
                                         callback, user_data);
}

static GBytes *
fetch_staff_document_finish (TuttiClient   *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  return tutti_client_get_staff_document_finish (client, result, NULL, error);
}

/* @id: "<campaign id>/<download id>" */
static void
fetch_download (TuttiClient         *client,
                const char          *id,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  gint64 campaign_id = g_ascii_strtoll (id, NULL, 10);
  const char *slash = strchr (id, '/');
  gint64 download_id = slash != NULL ? g_ascii_strtoll (slash + 1, NULL, 10) : 0;

  tutti_client_get_campaign_download_async (client, campaign_id, download_id, cancellable,
                                            callback, user_data);
}

/* ---- Opening ------------------------------------------------------------------ */

static GtkWindow *
get_parent_window (GtkWidget *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWindow *
tutti_document_opener_open (GtkWidget           *parent,
                            TuttiClient         *client,
                            TuttiDocumentSource  source,
                            const TuttiDocument *document,
                            const char          *title,
                            const char          *subtitle)
{
  TuttiDocumentFetchFunc fetch = source == TUTTI_DOCUMENT_SOURCE_STAFF ? fetch_staff_document
                                                                       : fetch_family_document;
  TuttiDocumentFinishFunc finish = source == TUTTI_DOCUMENT_SOURCE_STAFF ? fetch_staff_document_finish
                                                                         : fetch_family_document_finish;
  const char *file_name;
  g_autofree char *id = NULL;
  GtkWindow *window;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (TUTTI_IS_CLIENT (client), NULL);
  g_return_val_if_fail (document != NULL && document->id != 0, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  file_name = !tutti_is_blank (document->file_name) ? document->file_name : NULL;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, document->id);
  if (g_strcmp0 (document->content_type, "application/pdf") == 0)
    {
      TuttiDocumentView *view = tutti_document_view_new (get_parent_window (parent), client, title, subtitle,
                                                         file_name != NULL ? file_name : DEFAULT_FILE_NAME);

      tutti_document_view_load (view, id, fetch, finish);
      window = GTK_WINDOW (view);
    }
  else
    {
      TuttiImageWindow *image = tutti_image_window_new (get_parent_window (parent), client, title, subtitle,
                                                        file_name != NULL ? file_name : title);

      tutti_image_window_load (image, id, fetch, finish);
      window = GTK_WINDOW (image);
    }

  gtk_window_present (window);
  return window;
}

GtkWindow *
tutti_document_opener_open_download (GtkWidget           *parent,
                                     TuttiClient         *client,
                                     gint64               campaign_id,
                                     const TuttiDownload *download,
                                     const char          *subtitle)
{
  g_autofree char *id = NULL;
  const char *title;
  TuttiDocumentView *view;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (TUTTI_IS_CLIENT (client), NULL);
  g_return_val_if_fail (download != NULL, NULL);

  title = !tutti_is_blank (download->name) ? download->name
          : download->file_name != NULL ? download->file_name : "";
  view = tutti_document_view_new (get_parent_window (parent), client, title, subtitle,
                                  !tutti_is_blank (download->file_name) ? download->file_name
                                                                        : DEFAULT_FILE_NAME);
  id = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, campaign_id, download->id);
  tutti_document_view_load (view, id, fetch_download, tutti_client_get_campaign_download_finish);
  gtk_window_present (GTK_WINDOW (view));
  return GTK_WINDOW (view);
}
