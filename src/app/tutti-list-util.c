/* tutti-list-util.c — what the views' lists share: searching, sorting,
 * the page a list shows, its columns, and the state tags of its rows
 *
 * Every list is a GtkColumnView over a GListStore, filtered by a search
 * entry, sometimes sorted by its headers; its page says "loading",
 * "empty", "no-results" or "content". The pieces each view wrote again
 * live here once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <string.h>

#include "tutti-list-util.h"

/* ---- Searching ---------------------------------------------------------------- */

char *
tutti_search_fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);
  g_autoptr(GString) plain = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        c = ' ';
      else if (c == 0x2018 || c == 0x2019)
        c = '\'';
      g_string_append_unichar (plain, c);
    }

  return g_utf8_casefold (plain->str, -1);
}

char **
tutti_search_words (const char *query)
{
  g_autofree char *folded = tutti_search_fold (query);
  g_auto(GStrv) parts = g_strsplit (folded, " ", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  guint n_words = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      {
        g_strv_builder_add (words, parts[i]);
        n_words++;
      }

  return n_words > 0 ? g_strv_builder_end (words) : NULL;
}

gboolean
tutti_search_match_words (const char   *folded_text,
                          char * const *words)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (folded_text == NULL || strstr (folded_text, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

gboolean
tutti_search_match_prefixes (const char *query,
                             const char *text)
{
  return tutti_is_blank (query) || g_str_match_string (query, text != NULL ? text : "", TRUE);
}

gboolean
tutti_search_update_query (GtkSearchEntry  *entry,
                           char           **query)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_SEARCH_ENTRY (entry), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (g_strcmp0 (text, *query) == 0)
    return FALSE;
  g_free (*query);
  *query = g_steal_pointer (&text);
  return TRUE;
}

/* ---- Sorting ------------------------------------------------------------------ */

char *
tutti_sort_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  return g_utf8_collate_key (folded, -1);
}

char *
tutti_sort_key_for_filename (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  return g_utf8_collate_key_for_filename (folded, -1);
}

/* ---- The list's page ------------------------------------------------------------- */

const char *
tutti_list_page_name (GListModel *all,
                      GListModel *shown)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (all), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (shown), NULL);

  if (g_list_model_get_n_items (all) == 0)
    return "empty";
  if (g_list_model_get_n_items (shown) == 0)
    return "no-results";
  return "content";
}

/* ---- Columns ------------------------------------------------------------------ */

GtkColumnViewColumn *
tutti_column_view_add_column (GtkColumnView    *view,
                              const char       *title,
                              guint             column,
                              GCallback         setup,
                              GCallback         bind,
                              GCallback         unbind,
                              GCompareDataFunc  compare,
                              gpointer          owner)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (setup != NULL && bind != NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data (G_OBJECT (factory), "tutti-view", owner);
  g_signal_connect (factory, "setup", setup, GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", bind, GUINT_TO_POINTER (column));
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, GUINT_TO_POINTER (column));

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (compare != NULL)
    {
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

      gtk_column_view_column_set_sorter (view_column, sorter);
    }
  gtk_column_view_append_column (view, view_column);

  /* The column view keeps it. */
  return view_column;
}

static void
show_selection (GtkColumnView *view,
                GListModel    *model)
{
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (g_object_ref (model));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
}

void
tutti_column_view_show_model (GtkColumnView *view,
                              GListModel    *model)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (G_IS_LIST_MODEL (model));

  show_selection (view, model);
}

GtkSortListModel *
tutti_column_view_show_sorted_model (GtkColumnView       *view,
                                     GListModel          *model,
                                     GtkColumnViewColumn *column,
                                     GtkSortType          order)
{
  GtkSortListModel *sort_model;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  sort_model = gtk_sort_list_model_new (g_object_ref (model),
                                        g_object_ref (gtk_column_view_get_sorter (view)));
  show_selection (view, G_LIST_MODEL (sort_model));
  if (column != NULL)
    gtk_column_view_sort_by_column (view, column, order);
  return sort_model;
}

GtkWidget *
tutti_cell_label_new (void)
{
  return g_object_new (GTK_TYPE_LABEL,
                       "xalign", 0.0f,
                       "ellipsize", PANGO_ELLIPSIZE_END,
                       NULL);
}

GtkWidget *
tutti_cell_line_new (void)
{
  return g_object_new (GTK_TYPE_LABEL,
                       "xalign", 0.0f,
                       "single-line-mode", TRUE,
                       NULL);
}

void
tutti_list_add_shortcuts (GtkWidget       *widget,
                          GtkShortcutFunc  focus_search,
                          GtkShortcutFunc  refresh)
{
  GtkShortcutController *shortcuts;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (focus_search != NULL && refresh != NULL);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (focus_search, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_r, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_F5, 0)),
                                                          gtk_callback_action_new (refresh, NULL, NULL)));
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (shortcuts));
}

/* ---- State tags ------------------------------------------------------------------ */

void
tutti_tag_set (GtkLabel   *label,
               const char *text,
               const char *style)
{
  static const char * const styles[] = { "todo", "pending", "done", "refused", "declined" };

  g_return_if_fail (GTK_IS_LABEL (label));

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), styles[i]);
  gtk_label_set_label (label, text != NULL ? text : "");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), style);
}

GtkWidget *
tutti_tag_new (const char *text,
               const char *style)
{
  GtkWidget *tag = gtk_label_new (NULL);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "tutti-state");
  tutti_tag_set (GTK_LABEL (tag), text, style);
  return tag;
}

const char *
tutti_reenrolment_state_style (TuttiReenrolmentState state)
{
  switch (state)
    {
    case TUTTI_REENROLMENT_TO_DO:
      return "todo";
    case TUTTI_REENROLMENT_IN_PROGRESS:
    case TUTTI_REENROLMENT_SUBMITTED:
      return "pending";
    case TUTTI_REENROLMENT_VALIDATED:
      return "done";
    case TUTTI_REENROLMENT_REFUSED:
      return "refused";
    case TUTTI_REENROLMENT_DECLINED:
    default:
      return "declined";
    }
}
