/* tutti-list-page.h — a desk's list page: loading, its spinner, why it
 * failed, empty, no results, the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tutti-toasts.h"

G_BEGIN_DECLS

/* Kept in the view's instance, which owns every widget and model named. */
typedef struct
{
  GtkStack      *stack;           /* "loading", "error", "empty", "no-results", "content" */
  GtkSpinner    *spinner;         /* on the "loading" page */
  AdwStatusPage *error_page;
  GtkWidget     *refresh_button;
  GListStore    *store;           /* every item */
  GListModel    *shown;           /* after the filters and the search */
  gboolean       loading;
  guint          spinner_id;
} TuttiListPage;

void      tutti_list_page_init        (TuttiListPage   *page,
                                       GtkStack        *stack,
                                       GtkSpinner      *spinner,
                                       AdwStatusPage   *error_page,
                                       GtkWidget       *refresh_button,
                                       GListStore      *store,
                                       GListModel      *shown);
/* The page the items call for — none while the first load is on its way.
 * To call when the filters or the search change, or an item. */
void      tutti_list_page_update      (TuttiListPage   *page);
/* A load starts: FALSE when one is on its way already. Refresh waits for
 * it; an empty list shows the spinner, if it takes a while. */
gboolean  tutti_list_page_start_load  (TuttiListPage   *page);
/* Its answer: @items (GObjects of the store's type, nullable) replace the
 * list's, else @error says why — in place of a list still empty, or in
 * a toast titled @failed_title with Retry activating @retry_action over
 * the list shown. Nothing is said when the session has ended (the window
 * asks to log in). Returns: whether the list was loaded. */
gboolean  tutti_list_page_finish_load (TuttiListPage   *page,
                                       GPtrArray       *items,
                                       const GError    *error,
                                       TuttiToasts     *toasts,
                                       const char      *failed_title,
                                       const char      *retry_action);
/* Back to an empty page, waiting for the next load: the session ended. */
void      tutti_list_page_clear       (TuttiListPage   *page);
/* For dispose: the spinner's wait stops. */
void      tutti_list_page_dispose     (TuttiListPage   *page);

G_END_DECLS
