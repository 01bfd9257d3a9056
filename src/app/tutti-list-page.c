/* tutti-list-page.c — a desk's list page: loading, its spinner, why it
 * failed, empty, no results, the list
 *
 * The office's desks (campaigns, pre-enrolments, re-enrolments) load
 * their list the same way: Refresh waits while a load is on its way, a
 * spinner shows in place of an empty list if the answer is slow, a
 * failure is said in place of the empty list or in a toast with Retry
 * over the list shown, and the page then says whether there is nothing,
 * nothing matching the search, or the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include "tutti-call.h"
#include "tutti-list-page.h"
#include "tutti-list-util.h"

void
tutti_list_page_init (TuttiListPage *page,
                      GtkStack      *stack,
                      GtkSpinner    *spinner,
                      AdwStatusPage *error_page,
                      GtkWidget     *refresh_button,
                      GListStore    *store,
                      GListModel    *shown)
{
  g_return_if_fail (page != NULL);
  g_return_if_fail (GTK_IS_STACK (stack) && GTK_IS_SPINNER (spinner) && ADW_IS_STATUS_PAGE (error_page));
  g_return_if_fail (G_IS_LIST_STORE (store) && G_IS_LIST_MODEL (shown));

  page->stack = stack;
  page->spinner = spinner;
  page->error_page = error_page;
  page->refresh_button = refresh_button;
  page->store = store;
  page->shown = shown;
  page->loading = FALSE;
  page->spinner_id = 0;
}

static gboolean
is_empty (TuttiListPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (page->store)) == 0;
}

void
tutti_list_page_update (TuttiListPage *page)
{
  g_return_if_fail (page != NULL);

  /* Not set up yet: a template's widgets may speak before the view's init ends. */
  if (page->stack == NULL || (page->loading && is_empty (page)))
    return;
  gtk_stack_set_visible_child_name (page->stack, tutti_list_page_name (G_LIST_MODEL (page->store), page->shown));
}

static void
set_loading (TuttiListPage *page,
             gboolean       loading)
{
  page->loading = loading;
  if (page->refresh_button != NULL)
    gtk_widget_set_sensitive (page->refresh_button, !loading);
  if (!loading)
    tutti_spinner_stop (page->spinner, FALSE, &page->spinner_id);
}

gboolean
tutti_list_page_start_load (TuttiListPage *page)
{
  g_return_val_if_fail (page != NULL && page->stack != NULL, FALSE);

  if (page->loading)
    return FALSE;

  set_loading (page, TRUE);
  if (is_empty (page))
    {
      gtk_stack_set_visible_child_name (page->stack, "loading");
      tutti_spinner_start_later (page->spinner, FALSE, &page->spinner_id);
    }
  return TRUE;
}

gboolean
tutti_list_page_finish_load (TuttiListPage *page,
                             GPtrArray     *items,
                             const GError  *error,
                             TuttiToasts   *toasts,
                             const char    *failed_title,
                             const char    *retry_action)
{
  g_return_val_if_fail (page != NULL && page->stack != NULL, FALSE);
  g_return_val_if_fail (items != NULL || error != NULL, FALSE);

  set_loading (page, FALSE);
  if (items == NULL)
    {
      g_debug ("%s: %s", failed_title, error->message);
      /* The window goes back to the login page by itself. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return FALSE;
      if (is_empty (page))
        {
          adw_status_page_set_description (page->error_page, error->message);
          gtk_stack_set_visible_child_name (page->stack, "error");
        }
      else
        tutti_toasts_show (toasts, failed_title, TUTTI_TOAST_TIMEOUT_DEFAULT, retry_action, NULL);
      return FALSE;
    }

  g_list_store_splice (page->store, 0, g_list_model_get_n_items (G_LIST_MODEL (page->store)),
                       items->pdata, items->len);
  tutti_list_page_update (page);
  return TRUE;
}

void
tutti_list_page_clear (TuttiListPage *page)
{
  g_return_if_fail (page != NULL && page->stack != NULL);

  set_loading (page, FALSE);
  g_list_store_remove_all (page->store);
  gtk_stack_set_visible_child_name (page->stack, "loading");
}

void
tutti_list_page_dispose (TuttiListPage *page)
{
  g_return_if_fail (page != NULL);

  g_clear_handle_id (&page->spinner_id, g_source_remove);
}
