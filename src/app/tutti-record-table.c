/* tutti-record-table.c — a searchable GtkColumnView of core records
 *
 * Every list of a pupil's file (courses, evaluations, absences, history,
 * repertoire) is one of these, built from the records' core schema and the
 * keys of its columns: the titles are core's labels and each cell is the
 * field as core formats it in the user's language. A search entry above
 * filters the rows (every word typed must start a word of the row, accents
 * ignored); the column headers sort; Enter or a double-click on a row emits
 * ::record-activated. While the records load, a spinner; on an error, the
 * message and a Retry button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tutti-list-util.h"
#include "tutti-record-details.h"
#include "tutti-record-table.h"

/* Adwaita's cells have 6 px of padding each side; a title has its sort
 * arrow beside it. */
#define CELL_PADDING   14
#define TITLE_PADDING  28
#define ICON_WIDTH     16
/* A text column whose values are all shorter keeps their width (a letter,
 * a cycle); longer ones share the room left and wrap. */
#define SHORT_TEXT_WIDTH 100

/* ---- One row ------------------------------------------------------------------ */

#define TUTTI_TYPE_RECORD_ITEM (tutti_record_item_get_type ())

G_DECLARE_FINAL_TYPE (TuttiRecordItem, tutti_record_item, TUTTI, RECORD_ITEM, GObject)

struct _TuttiRecordItem
{
  GObject            parent_instance;

  const TuttiSchema *schema;
  gpointer           record;
  char             **cells;        /* as shown, one per column */
  char              *search_text;  /* every cell, one a line */
};

G_DEFINE_FINAL_TYPE (TuttiRecordItem, tutti_record_item, G_TYPE_OBJECT)

static void
tutti_record_item_finalize (GObject *object)
{
  TuttiRecordItem *self = TUTTI_RECORD_ITEM (object);

  if (self->record != NULL)
    tutti_record_free (self->schema, self->record);
  g_strfreev (self->cells);
  g_free (self->search_text);

  G_OBJECT_CLASS (tutti_record_item_parent_class)->finalize (object);
}

static void
tutti_record_item_class_init (TuttiRecordItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tutti_record_item_finalize;
}

static void
tutti_record_item_init (TuttiRecordItem *self)
{
}

/* ---- The list ------------------------------------------------------------------ */

typedef struct
{
  TuttiRecordTable   *list;          /* unowned: the column lives in the list */
  guint              index;
  const TuttiField  *field;
  char              *title;
  gboolean           expand;
  GtkColumnViewColumn *view_column;  /* owned by the column view */
  int                min_width;      /* of a shared column: its title's longest word */
  GtkLabel          *title_label;    /* the header's, may be NULL */
} ColumnInfo;

struct _TuttiRecordTable
{
  AdwBin              parent_instance;

  const TuttiSchema  *schema;
  TuttiLang           lang;
  ColumnInfo         *columns;
  guint               n_columns;

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *no_results_page;
  GtkColumnView      *column_view;

  GListStore         *store;
  GtkFilter          *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  char               *query;
  gboolean            loaded;
};

G_DEFINE_FINAL_TYPE (TuttiRecordTable, tutti_record_table, ADW_TYPE_BIN)

enum {
  RECORD_ACTIVATED,
  RETRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static TuttiRecordItem *
create_item (TuttiRecordTable *self,
             gconstpointer     record)
{
  TuttiRecordItem *item = g_object_new (TUTTI_TYPE_RECORD_ITEM, NULL);
  g_autoptr(GString) search = g_string_new (NULL);

  item->schema = self->schema;
  item->record = tutti_record_copy (self->schema, record);
  item->cells = g_new0 (char *, self->n_columns + 1);
  for (guint i = 0; i < self->n_columns; i++)
    {
      const TuttiField *field = self->columns[i].field;

      item->cells[i] = tutti_record_format_field (self->schema, record, field->key, self->lang);
      /* A yes/no column is searched by its title: "Ha" finds the courses with it. */
      if (field->kind == TUTTI_FIELD_BOOL)
        {
          g_autofree char *text = tutti_record_get_text (self->schema, record, field->key);

          if (g_str_equal (text, "true"))
            g_string_append_printf (search, "%s\n", self->columns[i].title);
          continue;
        }
      g_string_append_printf (search, "%s\n", item->cells[i]);
    }
  item->search_text = g_string_free (g_steal_pointer (&search), FALSE);

  return item;
}

/* ---- State ---------------------------------------------------------------------- */

static void
update_state (TuttiRecordTable *self)
{
  if (!self->loaded)
    return;

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, tutti_list_page_name (G_LIST_MODEL (self->store),
                                                                       G_LIST_MODEL (self->filter_model)));
}

static void
filter_items_changed_cb (TuttiRecordTable *self)
{
  update_state (self);
}

/* ---- Search ---------------------------------------------------------------------- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TuttiRecordTable *self = user_data;

  /* Each word typed starts a word of the row, accents and case ignored. */
  return tutti_search_match_prefixes (self->query, TUTTI_RECORD_ITEM (item)->search_text);
}

static void
search_changed_cb (TuttiRecordTable *self)
{
  if (!tutti_search_update_query (self->search_entry, &self->query))
    return;
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
stop_search_cb (TuttiRecordTable *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---- Sorting --------------------------------------------------------------------- */

static int
sign (gint64 value)
{
  return (value > 0) - (value < 0);
}

static gint64
text_to_number (const char *text)
{
  gint64 value;

  /* Empty (a mark not given…) sorts first. */
  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT64 + 1, G_MAXINT64, &value, NULL))
    return G_MININT64;
  return value;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ColumnInfo *column = user_data;
  const TuttiRecordItem *item_a = a;
  const TuttiRecordItem *item_b = b;
  const TuttiField *field = column->field;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  switch (field->kind)
    {
    case TUTTI_FIELD_STRING:
      return sign (g_utf8_collate (item_a->cells[column->index], item_b->cells[column->index]));

    case TUTTI_FIELD_ENUM:
      /* In the enum's order: Monday before Tuesday. */
      text_a = tutti_record_get_text (column->list->schema, item_a->record, field->key);
      text_b = tutti_record_get_text (column->list->schema, item_b->record, field->key);
      return sign ((gint64) tutti_enum_from_nick (field->enum_type, text_a) -
                   (gint64) tutti_enum_from_nick (field->enum_type, text_b));

    case TUTTI_FIELD_INT:
    case TUTTI_FIELD_MINUTES:
    case TUTTI_FIELD_MONEY:
    case TUTTI_FIELD_DECIMAL:
      text_a = tutti_record_get_text (column->list->schema, item_a->record, field->key);
      text_b = tutti_record_get_text (column->list->schema, item_b->record, field->key);
      {
        gint64 number_a = text_to_number (text_a);
        gint64 number_b = text_to_number (text_b);

        return (number_a > number_b) - (number_a < number_b);
      }

    case TUTTI_FIELD_BOOL:
    case TUTTI_FIELD_DATE:
    case TUTTI_FIELD_DATETIME:
    case TUTTI_FIELD_TIME:
    case TUTTI_FIELD_OBJECT:
    case TUTTI_FIELD_LIST:
    case TUTTI_FIELD_STRV:
    default:
      /* ISO dates and times, "false" before "true": their text sorts. */
      text_a = tutti_record_get_text (column->list->schema, item_a->record, field->key);
      text_b = tutti_record_get_text (column->list->schema, item_b->record, field->key);
      return sign (strcmp (text_a, text_b));
    }
}

/* ---- Cells ----------------------------------------------------------------------- */

static gboolean
kind_is_numeric (TuttiFieldKind kind)
{
  switch (kind)
    {
    case TUTTI_FIELD_INT:
    case TUTTI_FIELD_DATE:
    case TUTTI_FIELD_DATETIME:
    case TUTTI_FIELD_TIME:
    case TUTTI_FIELD_MINUTES:
    case TUTTI_FIELD_MONEY:
    case TUTTI_FIELD_DECIMAL:
      return TRUE;
    case TUTTI_FIELD_STRING:
    case TUTTI_FIELD_BOOL:
    case TUTTI_FIELD_ENUM:
    case TUTTI_FIELD_OBJECT:
    case TUTTI_FIELD_LIST:
    case TUTTI_FIELD_STRV:
    default:
      return FALSE;
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ColumnInfo *column = user_data;
  GtkWidget *widget;

  if (column->field->kind == TUTTI_FIELD_BOOL)
    {
      /* A mark when yes, nothing when no, as the guide's ticked box. */
      widget = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
    }
  else if (column->field->kind == TUTTI_FIELD_STRING)
    {
      /* Text is read whole: it wraps between words when the column is
       * narrow, never within one. */
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), 0.0);
      gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD);
    }
  else
    {
      /* A date, a time, a mark: never cut. */
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), 0.0);
      gtk_label_set_single_line_mode (GTK_LABEL (widget), TRUE);
      if (kind_is_numeric (column->field->kind))
        gtk_widget_add_css_class (widget, "numeric");
    }

  gtk_list_item_set_child (list_item, widget);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ColumnInfo *column = user_data;
  TuttiRecordItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  const char *text = item->cells[column->index];

  if (column->field->kind == TUTTI_FIELD_BOOL)
    {
      g_autofree char *value = tutti_record_get_text (item->schema, item->record, column->field->key);
      gboolean yes = g_str_equal (value, "true");

      gtk_widget_set_opacity (widget, yes ? 1.0 : 0.0);
      gtk_widget_set_tooltip_text (widget, yes ? tutti_text_get (&column->field->label, column->list->lang) : NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
      return;
    }

  gtk_label_set_label (GTK_LABEL (widget), text);
  /* A column sharing the room stays as wide as its title. */
  gtk_widget_set_size_request (widget, MAX (column->min_width - CELL_PADDING, -1), -1);
}

static GtkLabel *
find_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child))
        return GTK_LABEL (child);
      found = find_label (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The column view's header holds the titles in column order. A long title
 * ("Heure de passage") wraps rather than widening a column of short values;
 * a title given instead of core's label (the guide's "Ha") has the label as
 * its tooltip. */
static void
set_up_titles (TuttiRecordTable *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *title;
      guint i = 0;

      if (GTK_IS_LIST_VIEW (child) || GTK_IS_SCROLLBAR (child))
        continue;

      for (title = gtk_widget_get_first_child (child);
           title != NULL && i < self->n_columns;
           title = gtk_widget_get_next_sibling (title), i++)
        {
          const char *label = tutti_text_get (&self->columns[i].field->label, self->lang);
          GtkLabel *title_label = find_label (title);

          self->columns[i].title_label = title_label;
          if (title_label != NULL)
            {
              g_auto(GStrv) words = g_strsplit (self->columns[i].title, " ", -1);
              int longest = 1;

              /* As narrow as its longest word: a title does not widen its column. */
              for (guint j = 0; words[j] != NULL; j++)
                longest = MAX (longest, (int) g_utf8_strlen (words[j], -1));
              gtk_label_set_wrap (title_label, TRUE);
              gtk_label_set_wrap_mode (title_label, PANGO_WRAP_WORD);
              gtk_label_set_max_width_chars (title_label, longest);
              gtk_label_set_xalign (title_label, 0.0);
            }
          if (g_strcmp0 (label, self->columns[i].title) != 0)
            {
              gtk_widget_set_tooltip_text (title, label);
              gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                              -1);
            }
        }
      break;
    }
}

/* ---- Column widths ------------------------------------------------------------ */


static int
text_width (GtkWidget  *widget,
            const char *text,
            gboolean    numeric)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int width = 0;

  if (numeric)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_object_unref (layout);

  return width;
}

/* The widest word of a title, which wraps at words. */
static int
title_width (ColumnInfo *column)
{
  GtkWidget *widget = column->title_label != NULL ? GTK_WIDGET (column->title_label)
                                                  : GTK_WIDGET (column->list->column_view);
  g_auto(GStrv) words = g_strsplit (column->title, " ", -1);
  int width = 0;

  for (guint i = 0; words[i] != NULL; i++)
    width = MAX (width, text_width (widget, words[i], FALSE));

  return width + TITLE_PADDING;
}

/* A date, a time, a mark, a short code keeps the width of its widest value
 * on one line, and at least its title's longest word: never cut. The
 * columns of longer text (a course's name, a teacher, an appreciation)
 * share the room left, wrapping when they must, so that the list fits the
 * window rather than scrolling sideways. */
static void
update_column_widths (TuttiRecordTable *self)
{
  GListModel *model = G_LIST_MODEL (self->store);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < self->n_columns; i++)
    {
      ColumnInfo *column = &self->columns[i];
      gboolean numeric = kind_is_numeric (column->field->kind);
      gboolean text = column->field->kind == TUTTI_FIELD_STRING;
      int width = 0;

      if (column->field->kind == TUTTI_FIELD_BOOL)
        width = ICON_WIDTH;
      else
        for (guint j = 0; j < n_items; j++)
          {
            g_autoptr(TuttiRecordItem) item = g_list_model_get_item (model, j);

            width = MAX (width, text_width (GTK_WIDGET (self->column_view), item->cells[i], numeric));
          }

      if (text && (column->expand || width > SHORT_TEXT_WIDTH))
        {
          /* The title of a column sharing the room stays on one line. */
          column->min_width = text_width (column->title_label != NULL ? GTK_WIDGET (column->title_label)
                                                                       : GTK_WIDGET (self->column_view),
                                          column->title, FALSE) + TITLE_PADDING;
          gtk_column_view_column_set_fixed_width (column->view_column, -1);
          gtk_column_view_column_set_expand (column->view_column, TRUE);
        }
      else
        {
          column->min_width = 0;
          gtk_column_view_column_set_expand (column->view_column, FALSE);
          gtk_column_view_column_set_fixed_width (column->view_column,
                                                  MAX (width + CELL_PADDING, title_width (column)));
        }
    }
}

/* ---- Activation ---------------------------------------------------------------- */

static void
activate_cb (TuttiRecordTable *self,
             guint             position)
{
  g_autoptr(TuttiRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (item != NULL)
    g_signal_emit (self, signals[RECORD_ACTIVATED], 0, item->record);
}

static void
retry_clicked_cb (TuttiRecordTable *self)
{
  g_signal_emit (self, signals[RETRY], 0);
}

/* ---- Building ------------------------------------------------------------------- */

static GtkWidget *
add_status_page (TuttiRecordTable *self,
                 const char       *name,
                 const char       *icon_name,
                 const char       *title)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  gtk_widget_add_css_class (page, "compact");
  gtk_stack_add_named (self->stack, page, name);

  return page;
}

static void
build (TuttiRecordTable *self)
{
  GtkWidget *box;
  GtkWidget *scrolled;
  GtkWidget *retry;
  GtkWidget *search_box;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_bin_set_child (ADW_BIN (self), box);

  search_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_margin_start (search_box, 12);
  gtk_widget_set_margin_end (search_box, 12);
  gtk_widget_set_margin_top (search_box, 6);
  gtk_widget_set_margin_bottom (search_box, 6);
  gtk_box_append (GTK_BOX (box), search_box);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"),
                                  -1);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (search_box), GTK_WIDGET (self->search_entry));

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->spinner), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->spinner), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (self->spinner), 32, 32);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), _("Loading…"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->spinner), "loading");

  self->error_page = ADW_STATUS_PAGE (add_status_page (self, "error", "network-error-symbolic", NULL));
  retry = gtk_button_new_with_mnemonic (_("_Retry"));
  gtk_widget_set_halign (retry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (retry, "pill");
  gtk_widget_add_css_class (retry, "suggested-action");
  g_signal_connect_object (retry, "clicked", G_CALLBACK (retry_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_status_page_set_child (self->error_page, retry);

  self->empty_page = ADW_STATUS_PAGE (add_status_page (self, "empty", "view-list-symbolic", _("Nothing Here Yet")));
  self->no_results_page = ADW_STATUS_PAGE (add_status_page (self, "no-results", "edit-find-symbolic",
                                                            _("No Results")));
  adw_status_page_set_description (self->no_results_page, _("Try other words."));

  /* The rows: store → search filter → the headers' sort → selection. */
  self->store = g_list_store_new (TUTTI_TYPE_RECORD_ITEM);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (self->filter));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < self->n_columns; i++)
    {
      ColumnInfo *column = &self->columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *view_column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), column);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), column);
      view_column = gtk_column_view_column_new (column->title, factory);
      column->view_column = view_column;
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_expand (view_column, column->expand);
      gtk_column_view_column_set_sorter (view_column,
                                         GTK_SORTER (gtk_custom_sorter_new (compare_items, column, NULL)));
      gtk_column_view_append_column (self->column_view, view_column);
      g_object_unref (view_column);
    }

  self->sort_model = tutti_column_view_show_sorted_model (self->column_view, G_LIST_MODEL (self->filter_model),
                                                          NULL, GTK_SORT_ASCENDING);
  set_up_titles (self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_stack_add_named (self->stack, scrolled, "content");

  /* Typing on the list goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* ---- Public ------------------------------------------------------------------- */

GtkWidget *
tutti_record_table_new (const TuttiSchema       *schema,
                       const TuttiRecordColumn *columns,
                       guint                    n_columns,
                       TuttiLang                lang)
{
  TuttiRecordTable *self;

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);

  self = g_object_new (TUTTI_TYPE_RECORD_TABLE, NULL);
  self->schema = schema;
  self->lang = lang;
  self->n_columns = n_columns;
  self->columns = g_new0 (ColumnInfo, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      const TuttiField *field = tutti_schema_lookup (schema, columns[i].key);

      g_return_val_if_fail (field != NULL, NULL);
      self->columns[i].list = self;
      self->columns[i].index = i;
      self->columns[i].field = field;
      self->columns[i].title = g_strdup (columns[i].title != NULL ? columns[i].title
                                                                 : tutti_text_get (&field->label, lang));
      self->columns[i].expand = columns[i].expand;
    }

  build (self);

  return GTK_WIDGET (self);
}

void
tutti_record_table_set_empty_text (TuttiRecordTable *self,
                                  const char      *icon_name,
                                  const char      *title)
{
  g_return_if_fail (TUTTI_IS_RECORD_TABLE (self));

  adw_status_page_set_icon_name (self->empty_page, icon_name);
  adw_status_page_set_title (self->empty_page, title);
}

void
tutti_record_table_set_label (TuttiRecordTable *self,
                             const char      *label)
{
  g_return_if_fail (TUTTI_IS_RECORD_TABLE (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
tutti_record_table_show_loading (TuttiRecordTable *self)
{
  g_return_if_fail (TUTTI_IS_RECORD_TABLE (self));

  self->loaded = FALSE;
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
tutti_record_table_show_error (TuttiRecordTable *self,
                              const char      *title,
                              const char      *description)
{
  g_return_if_fail (TUTTI_IS_RECORD_TABLE (self));

  self->loaded = FALSE;
  gtk_spinner_stop (self->spinner);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

void
tutti_record_table_set_records (TuttiRecordTable *self,
                               GPtrArray       *records)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (TUTTI_IS_RECORD_TABLE (self));

  for (guint i = 0; records != NULL && i < records->len; i++)
    g_ptr_array_add (items, create_item (self, g_ptr_array_index (records, i)));

  self->loaded = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  update_column_widths (self);
  update_state (self);
}

void
tutti_record_table_clear (TuttiRecordTable *self)
{
  g_return_if_fail (TUTTI_IS_RECORD_TABLE (self));

  g_list_store_remove_all (self->store);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  tutti_record_table_show_loading (self);
  gtk_spinner_stop (self->spinner);
}

void
tutti_record_table_focus_search (TuttiRecordTable *self)
{
  g_return_if_fail (TUTTI_IS_RECORD_TABLE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

const char *
tutti_record_table_get_state (TuttiRecordTable *self)
{
  g_return_val_if_fail (TUTTI_IS_RECORD_TABLE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkSearchEntry *
tutti_record_table_get_search_entry (TuttiRecordTable *self)
{
  g_return_val_if_fail (TUTTI_IS_RECORD_TABLE (self), NULL);

  return self->search_entry;
}

GtkColumnView *
tutti_record_table_get_column_view (TuttiRecordTable *self)
{
  g_return_val_if_fail (TUTTI_IS_RECORD_TABLE (self), NULL);

  return self->column_view;
}

guint
tutti_record_table_get_n_shown (TuttiRecordTable *self)
{
  g_return_val_if_fail (TUTTI_IS_RECORD_TABLE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

gconstpointer
tutti_record_table_get_shown_record (TuttiRecordTable *self,
                                    guint            position)
{
  g_autoptr(TuttiRecordItem) item = NULL;

  g_return_val_if_fail (TUTTI_IS_RECORD_TABLE (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  /* The store keeps the item, and the record with it. */
  return item != NULL ? item->record : NULL;
}

const char *
tutti_record_table_get_shown_text (TuttiRecordTable *self,
                                  guint            position,
                                  guint            column)
{
  g_autoptr(TuttiRecordItem) item = NULL;

  g_return_val_if_fail (TUTTI_IS_RECORD_TABLE (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  return item != NULL ? item->cells[column] : NULL;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
tutti_record_table_dispose (GObject *object)
{
  TuttiRecordTable *self = TUTTI_RECORD_TABLE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tutti_record_table_parent_class)->dispose (object);
}

static void
tutti_record_table_finalize (GObject *object)
{
  TuttiRecordTable *self = TUTTI_RECORD_TABLE (object);

  for (guint i = 0; i < self->n_columns; i++)
    g_free (self->columns[i].title);
  g_free (self->columns);
  g_free (self->query);

  G_OBJECT_CLASS (tutti_record_table_parent_class)->finalize (object);
}

static void
tutti_record_table_class_init (TuttiRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tutti_record_table_dispose;
  object_class->finalize = tutti_record_table_finalize;

  /**
   * TuttiRecordTable::record-activated:
   * @record: the record of the row, owned by the list
   *
   * Enter or a double-click on a row.
   */
  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  signals[RETRY] =
    g_signal_new ("retry",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tutti_record_table_init (TuttiRecordTable *self)
{
}
