/* tutti-list-item.c — a row of a list: one of core's records and what a
 * search looks into
 *
 * The office's desks list campaigns, places of an offer, pre-enrolment
 * requests and re-enrolments; the family's page its documents. Each row
 * is a record of core kept in a GListStore with the text its search
 * compares, built once when the list comes: one item type for them all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include "tutti-list-item.h"

struct _TuttiListItem
{
  GObject         parent_instance;

  gpointer        record;
  GDestroyNotify  free_func;
  char           *search_text;
};

G_DEFINE_FINAL_TYPE (TuttiListItem, tutti_list_item, G_TYPE_OBJECT)

static void
tutti_list_item_finalize (GObject *object)
{
  TuttiListItem *self = TUTTI_LIST_ITEM (object);

  if (self->record != NULL && self->free_func != NULL)
    self->free_func (self->record);
  g_free (self->search_text);

  G_OBJECT_CLASS (tutti_list_item_parent_class)->finalize (object);
}

static void
tutti_list_item_class_init (TuttiListItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tutti_list_item_finalize;
}

static void
tutti_list_item_init (TuttiListItem *self)
{
}

TuttiListItem *
tutti_list_item_new (gpointer        record,
                     GDestroyNotify  free_func,
                     char           *search_text)
{
  TuttiListItem *self = g_object_new (TUTTI_TYPE_LIST_ITEM, NULL);

  self->record = record;
  self->free_func = free_func;
  self->search_text = search_text != NULL ? search_text : g_strdup ("");
  return self;
}

gpointer
tutti_list_item_get_record (TuttiListItem *self)
{
  g_return_val_if_fail (TUTTI_IS_LIST_ITEM (self), NULL);

  return self->record;
}

const char *
tutti_list_item_get_search_text (TuttiListItem *self)
{
  g_return_val_if_fail (TUTTI_IS_LIST_ITEM (self), NULL);

  return self->search_text;
}
