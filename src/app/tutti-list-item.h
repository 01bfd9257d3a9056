/* tutti-list-item.h — a row of a list: one of core's records and what a
 * search looks into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TUTTI_TYPE_LIST_ITEM (tutti_list_item_get_type ())

G_DECLARE_FINAL_TYPE (TuttiListItem, tutti_list_item, TUTTI, LIST_ITEM, GObject)

/* Takes @record, freed with @free_func, and @search_text (nullable). */
TuttiListItem *tutti_list_item_new             (gpointer        record,
                                                GDestroyNotify  free_func,
                                                char           *search_text);
/* (transfer none): the record, as long as the item lives. */
gpointer       tutti_list_item_get_record      (TuttiListItem  *self);
/* (not nullable): what a search looks into; "" when nothing. */
const char    *tutti_list_item_get_search_text (TuttiListItem  *self);

G_END_DECLS
