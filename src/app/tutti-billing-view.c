/* tutti-billing-view.c — BIL-1, BIL-2: fees and rentals, their totals, their documents
 *
 * Two tabs built alike by the template, one per account: its lines in a
 * GtkColumnView (a GListStore of TuttiBillingItem, filtered by the search
 * entry, sorted by the column headers, newest first to start with) and its
 * totals below. The columns' and totals' titles are core's field labels.
 * Enter or a double-click on a line opens the PDF duplicate of its
 * operation in a TuttiDocumentView.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-billing-view.h"
#include "tutti-document-view.h"
#include "tutti-list-util.h"
#include "tutti-window-private.h"

/* ---- One line as the list shows it ------------------------------------------ */

#define TUTTI_TYPE_BILLING_ITEM (tutti_billing_item_get_type ())

G_DECLARE_FINAL_TYPE (TuttiBillingItem, tutti_billing_item, TUTTI, BILLING_ITEM, GObject)

struct _TuttiBillingItem
{
  GObject           parent_instance;

  TuttiBillingLine *line;
  /* As shown, in the user's language; amounts empty when zero. */
  char             *date_text;
  char             *method_text;
  char             *debit_text;
  char             *credit_text;
  /* For sorting and searching. */
  char             *method_key;
  char             *label_key;
  char             *search_text;
};

G_DEFINE_FINAL_TYPE (TuttiBillingItem, tutti_billing_item, G_TYPE_OBJECT)

static void
tutti_billing_item_finalize (GObject *object)
{
  TuttiBillingItem *self = TUTTI_BILLING_ITEM (object);

  g_clear_pointer (&self->line, tutti_billing_line_free);
  g_free (self->date_text);
  g_free (self->method_text);
  g_free (self->debit_text);
  g_free (self->credit_text);
  g_free (self->method_key);
  g_free (self->label_key);
  g_free (self->search_text);

  G_OBJECT_CLASS (tutti_billing_item_parent_class)->finalize (object);
}

static void
tutti_billing_item_class_init (TuttiBillingItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tutti_billing_item_finalize;
}

static void
tutti_billing_item_init (TuttiBillingItem *self)
{
}

/* An amount also as typed without grouping: "1234,50 1234.50". */
static void
append_plain_amount (GString *text,
                     gint64   cents)
{
  guint64 value = cents < 0 ? (guint64) -(cents + 1) + 1 : (guint64) cents;

  if (cents == 0)
    return;
  g_string_append_printf (text, "\n%" G_GUINT64_FORMAT ",%02u %" G_GUINT64_FORMAT ".%02u",
                          value / 100, (guint) (value % 100), value / 100, (guint) (value % 100));
}

static TuttiBillingItem *
tutti_billing_item_new (const TuttiBillingLine *line,
                        TuttiLang               lang)
{
  TuttiBillingItem *self = g_object_new (TUTTI_TYPE_BILLING_ITEM, NULL);
  g_autoptr(GString) search = g_string_new (NULL);
  const char *method = tutti_enum_to_label (&tutti_payment_method_enum, line->payment_method, lang);

  self->line = tutti_billing_line_copy (line);
  self->date_text = tutti_format_date (line->date, lang);
  self->method_text = g_strdup (method != NULL ? method : "");
  self->debit_text = line->debit != 0 ? tutti_format_money (line->debit, lang) : g_strdup ("");
  self->credit_text = line->credit != 0 ? tutti_format_money (line->credit, lang) : g_strdup ("");
  self->method_key = g_utf8_collate_key (self->method_text, -1);
  self->label_key = g_utf8_collate_key (line->label != NULL ? line->label : "", -1);

  /* Everything the row shows, one field a line so that words do not join. */
  g_string_append_printf (search, "%s\n%s\n%s\n%s\n%s\n%s\n%s",
                          self->date_text,
                          line->date != NULL ? line->date : "",
                          self->method_text,
                          line->operation != NULL ? line->operation : "",
                          line->label != NULL ? line->label : "",
                          self->debit_text,
                          self->credit_text);
  append_plain_amount (search, line->debit);
  append_plain_amount (search, line->credit);
  /* "cheque" finds "Chèque", "84,00 €" core's "84,00 €". */
  self->search_text = tutti_search_fold (search->str);

  return self;
}

/* ---- Columns ------------------------------------------------------------------ */

typedef enum
{
  COLUMN_DATE,
  COLUMN_METHOD,
  COLUMN_OPERATION,
  COLUMN_LABEL,
  COLUMN_DEBIT,
  COLUMN_CREDIT,
  COLUMN_DISCOUNT,
  N_COLUMNS
} Column;

#define ITEM_LINE(p) (TUTTI_BILLING_ITEM ((gpointer) (p))->line)

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return (a > b) - (a < b);
}

static int
compare_strings (const char *a,
                 const char *b)
{
  int result = g_strcmp0 (a, b);

  return (result > 0) - (result < 0);
}

/* Ties keep the order the lines were recorded in. */
static int
compare_date (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  int result = compare_strings (ITEM_LINE (a)->date, ITEM_LINE (b)->date);

  return result != 0 ? result : compare_int64 (ITEM_LINE (a)->id, ITEM_LINE (b)->id);
}

static int
compare_method (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_strings (TUTTI_BILLING_ITEM ((gpointer) a)->method_key,
                          TUTTI_BILLING_ITEM ((gpointer) b)->method_key);
}

static int
compare_operation (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return compare_strings (ITEM_LINE (a)->operation, ITEM_LINE (b)->operation);
}

static int
compare_label (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return compare_strings (TUTTI_BILLING_ITEM ((gpointer) a)->label_key,
                          TUTTI_BILLING_ITEM ((gpointer) b)->label_key);
}

static int
compare_debit (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return compare_int64 (ITEM_LINE (a)->debit, ITEM_LINE (b)->debit);
}

static int
compare_credit (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_int64 (ITEM_LINE (a)->credit, ITEM_LINE (b)->credit);
}

static int
compare_discount (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return compare_int64 (ITEM_LINE (a)->discount != FALSE, ITEM_LINE (b)->discount != FALSE);
}

static const struct
{
  const char       *key;        /* the field of TuttiBillingLine, for its label */
  GCompareDataFunc  compare;
  gboolean          numeric;    /* tabular figures */
  gboolean          money;      /* right-aligned */
} columns[N_COLUMNS] = {
  [COLUMN_DATE]      = { "date",           compare_date,      TRUE,  FALSE },
  [COLUMN_METHOD]    = { "payment_method", compare_method,    FALSE, FALSE },
  [COLUMN_OPERATION] = { "operation",      compare_operation, TRUE,  FALSE },
  [COLUMN_LABEL]     = { "label",          compare_label,     FALSE, FALSE },
  [COLUMN_DEBIT]     = { "debit",          compare_debit,     TRUE,  TRUE  },
  [COLUMN_CREDIT]    = { "credit",         compare_credit,    TRUE,  TRUE  },
  [COLUMN_DISCOUNT]  = { "discount",       compare_discount,  FALSE, FALSE },
};

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *widget;

  if (column == COLUMN_DISCOUNT)
    {
      widget = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (widget, _("Discount"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Discount"),
                                      -1);
    }
  else
    {
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), columns[column].money ? 1.0 : 0.0);
      gtk_label_set_single_line_mode (GTK_LABEL (widget), TRUE);
      /* Only the label gives way, down to a readable width; a date, a
       * number or an amount is read whole. */
      if (column == COLUMN_LABEL)
        {
          gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (widget), 18);
        }
      if (columns[column].numeric)
        gtk_widget_add_css_class (widget, "numeric");
    }

  gtk_list_item_set_child (list_item, widget);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  TuttiBillingItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_DATE:
      text = item->date_text;
      break;
    case COLUMN_METHOD:
      text = item->method_text;
      break;
    case COLUMN_OPERATION:
      text = item->line->operation;
      break;
    case COLUMN_LABEL:
      text = item->line->label;
      /* The whole label when the column is too narrow for it. */
      gtk_widget_set_tooltip_text (widget, text != NULL && *text != '\0' ? text : NULL);
      break;
    case COLUMN_DEBIT:
      text = item->debit_text;
      break;
    case COLUMN_CREDIT:
      text = item->credit_text;
      break;
    case COLUMN_DISCOUNT:
    case N_COLUMNS:
    default:
      gtk_widget_set_visible (widget, item->line->discount);
      return;
    }

  gtk_label_set_label (GTK_LABEL (widget), text != NULL ? text : "");
}

/* ---- The view ----------------------------------------------------------------- */

#define N_KINDS 2

typedef struct
{
  TuttiBillingKind     kind;

  /* Template children */
  AdwViewStackPage    *page;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkLabel            *invoiced_caption;
  GtkLabel            *invoiced_label;
  GtkLabel            *paid_caption;
  GtkLabel            *paid_label;
  GtkLabel            *balance_caption;
  GtkLabel            *balance_label;
  GtkLabel            *balance_state_label;

  GtkColumnViewColumn *columns[N_COLUMNS];   /* owned by the column view */
  int                  title_widths[N_COLUMNS];
  int                  value_widths[N_COLUMNS];
  guint                share_id;
  GListStore          *store;
  GtkFilter           *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  char               **query;                /* folded words, all to be found */
  TuttiBillingStatement *statement;
  gboolean             loading;
} Tab;

struct _TuttiBillingView
{
  AdwBin             parent_instance;

  /* Template children */
  AdwToastOverlay   *toast_overlay;
  AdwViewStack      *view_stack;

  Tab                tabs[N_KINDS];          /* by TuttiBillingKind */

  TuttiClient       *client;
  GCancellable      *cancellable;
  TuttiDocumentView *document;               /* weak: the preview open */
  guint              generation;             /* bumped by clear(): late answers are dropped */
};

G_DEFINE_FINAL_TYPE (TuttiBillingView, tutti_billing_view, ADW_TYPE_BIN)

static const char * const tab_names[N_KINDS] = {
  [TUTTI_BILLING_FEE] = "fees",
  [TUTTI_BILLING_RENTAL] = "rentals",
};

static TuttiLang
get_lang (TuttiBillingView *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : tutti_lang_from_environment ();
}

static Tab *
get_tab (TuttiBillingView *self,
         TuttiBillingKind  kind)
{
  g_return_val_if_fail (kind == TUTTI_BILLING_FEE || kind == TUTTI_BILLING_RENTAL, &self->tabs[0]);

  return &self->tabs[kind];
}

static Tab *
get_visible_tab (TuttiBillingView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  return g_strcmp0 (name, tab_names[TUTTI_BILLING_RENTAL]) == 0
         ? &self->tabs[TUTTI_BILLING_RENTAL] : &self->tabs[TUTTI_BILLING_FEE];
}

static const char *
field_label (const TuttiSchema *schema,
             const char        *key,
             TuttiLang          lang)
{
  const TuttiField *field = tutti_schema_lookup (schema, key);

  g_return_val_if_fail (field != NULL, key);

  return tutti_text_get (&field->label, lang);
}

/* The guide's column titles are long ("Numéro d’opération") for columns
 * of short values: a title may be shortened with an ellipsis, the whole
 * of it in its tooltip, so that the label column keeps the room. */
static void
shorten_column_titles (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
          gtk_widget_set_tooltip_text (child, gtk_label_get_label (GTK_LABEL (child)));
        }
      else if (!GTK_IS_LIST_VIEW (child))
        shorten_column_titles (child);
    }
}

/* Adwaita's cells have 6 px of padding each side. */
#define CELL_PADDING       12
#define DISCOUNT_ICON_SIZE 16

/* The width of @text in a "numeric" cell of @widget. */
static int
measure_text (GtkWidget  *widget,
              const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width;

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  pango_attr_list_unref (attrs);
  g_object_unref (layout);

  return width;
}

static const char *
get_cell_text (TuttiBillingItem *item,
               Column            column)
{
  switch (column)
    {
    case COLUMN_DATE:
      return item->date_text;
    case COLUMN_DEBIT:
      return item->debit_text;
    case COLUMN_CREDIT:
      return item->credit_text;
    case COLUMN_METHOD:
      return item->method_text;
    case COLUMN_OPERATION:
      return item->line->operation != NULL ? item->line->operation : "";
    case COLUMN_LABEL:
      return item->line->label != NULL ? item->line->label : "";
    case COLUMN_DISCOUNT:
    case N_COLUMNS:
    default:
      return "";
    }
}

/* The title of @column as the column view draws it (its header's
 * children are the titles, in the order of the columns), or %NULL. */
static GtkWidget *
find_column_title (GtkColumnView *column_view,
                   guint          column)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *title = gtk_widget_get_first_child (child);

      if (GTK_IS_LIST_VIEW (child))
        continue;
      for (guint i = 0; title != NULL && i < column; i++)
        title = gtk_widget_get_next_sibling (title);
      return title;
    }

  return NULL;
}

/* The room left in the view after the columns' values and the label's
 * longest text goes to the titles of the payment method and operation
 * number, which are longer than their values ("Numéro d’opération" over
 * "12FC01618"): whole when the view is wide enough, shortened with an
 * ellipsis otherwise. Left to itself, GtkColumnView would share the room
 * from the smallest need up and leave the label the least. */
static void
share_title_room (Tab *tab)
{
  static const Column shared[] = { COLUMN_METHOD, COLUMN_OPERATION };
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (tab->column_view));
  int available = adjustment != NULL ? (int) gtk_adjustment_get_page_size (adjustment) : 0;
  int spare, wanted = 0;

  if (available <= 0 || tab->value_widths[COLUMN_LABEL] == 0)
    return;

  spare = available;
  for (guint c = 0; c < N_COLUMNS; c++)
    spare -= c == COLUMN_METHOD || c == COLUMN_OPERATION || c == COLUMN_LABEL
             ? tab->value_widths[c] : MAX (tab->value_widths[c], tab->title_widths[c]);
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    wanted += MAX (tab->title_widths[shared[i]] - tab->value_widths[shared[i]], 0);

  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    {
      Column column = shared[i];
      int width = -1;   /* as wide as its title and its values ask */

      if (spare < wanted)
        {
          int gap = MAX (tab->title_widths[column] - tab->value_widths[column], 0);

          width = tab->value_widths[column] + (spare > 0 && wanted > 0 ? spare * gap / wanted : 0);
        }
      if (gtk_column_view_column_get_fixed_width (tab->columns[column]) != width)
        gtk_column_view_column_set_fixed_width (tab->columns[column], width);
    }
}

static gboolean
share_title_room_cb (gpointer user_data)
{
  Tab *tab = user_data;

  tab->share_id = 0;
  share_title_room (tab);

  return G_SOURCE_REMOVE;
}

/* The view's width changed, while it was being laid out: the columns'
 * widths change once that is done. */
static void
view_width_changed_cb (Tab *tab)
{
  if (tab->share_id == 0)
    tab->share_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, share_title_room_cb, tab, NULL);
}

/* Measures the titles and the widest value of each column; the date, the
 * amounts and the discount mark then keep the width of the wider. */
static void
update_column_widths (Tab *tab)
{
  static const Column fixed[] = { COLUMN_DATE, COLUMN_DEBIT, COLUMN_CREDIT, COLUMN_DISCOUNT };
  GtkWidget *widget = GTK_WIDGET (tab->column_view);
  GListModel *model = G_LIST_MODEL (tab->store);
  guint n_items = g_list_model_get_n_items (model);

  /* Sizes mean nothing before the style is known. */
  if (gtk_widget_get_root (widget) == NULL)
    return;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *title = find_column_title (tab->column_view, c);
      g_autoptr(TuttiBillingItem) widest = NULL;
      glong widest_length = 0;

      /* An ellipsized title still asks for its whole text as natural width. */
      tab->title_widths[c] = 0;
      if (title != NULL)
        gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1,
                            NULL, &tab->title_widths[c], NULL, NULL);

      /* The longest text is about the widest: figures are as wide as each other. */
      for (guint i = 0; c != COLUMN_DISCOUNT && i < n_items; i++)
        {
          g_autoptr(TuttiBillingItem) item = g_list_model_get_item (model, i);
          glong length = g_utf8_strlen (get_cell_text (item, c), -1);

          if (length > widest_length)
            {
              widest_length = length;
              g_set_object (&widest, item);
            }
        }
      if (c == COLUMN_DISCOUNT)
        tab->value_widths[c] = DISCOUNT_ICON_SIZE + CELL_PADDING;
      else
        tab->value_widths[c] = widest != NULL
                               ? measure_text (widget, get_cell_text (widest, c)) + CELL_PADDING : 0;
    }

  for (guint f = 0; f < G_N_ELEMENTS (fixed); f++)
    gtk_column_view_column_set_fixed_width (tab->columns[fixed[f]],
                                            MAX (1, MAX (tab->value_widths[fixed[f]],
                                                         tab->title_widths[fixed[f]])));
  share_title_room (tab);
}

/* The tabs', columns' and totals' titles: core's labels of those fields. */
static void
set_titles (TuttiBillingView *self)
{
  TuttiLang lang = get_lang (self);

  for (guint k = 0; k < N_KINDS; k++)
    {
      Tab *tab = &self->tabs[k];

      adw_view_stack_page_set_title (tab->page, tutti_enum_to_label (&tutti_billing_kind_enum, k, lang));
      for (guint c = 0; c < N_COLUMNS; c++)
        gtk_column_view_column_set_title (tab->columns[c],
                                          field_label (&tutti_billing_line_schema, columns[c].key, lang));
      shorten_column_titles (GTK_WIDGET (tab->column_view));
      update_column_widths (tab);
      gtk_label_set_label (tab->invoiced_caption,
                           field_label (&tutti_billing_statement_schema, "invoiced", lang));
      gtk_label_set_label (tab->paid_caption,
                           field_label (&tutti_billing_statement_schema, "paid", lang));
      gtk_label_set_label (tab->balance_caption,
                           field_label (&tutti_billing_statement_schema, "balance", lang));
    }
}

/* ---- Showing an account ------------------------------------------------------- */

static void
update_list_state (Tab *tab)
{
  gboolean none = g_list_model_get_n_items (G_LIST_MODEL (tab->filter_model)) == 0 &&
                  g_list_model_get_n_items (G_LIST_MODEL (tab->store)) > 0;

  gtk_stack_set_visible_child_name (tab->list_stack, none ? "no-results" : "list");
}

static void
filter_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         gpointer    user_data)
{
  update_list_state (user_data);
}

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  static const char * const styles[] = { "error", "success", "accent" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i], style) == 0)
      gtk_widget_add_css_class (widget, styles[i]);
    else
      gtk_widget_remove_css_class (widget, styles[i]);
}

/* The balance says what it means: owed (to pay), settled, or in the
 * family's favour; colour only repeats what the words say. */
static void
show_totals (TuttiBillingView *self,
             Tab              *tab)
{
  const TuttiBillingStatement *statement = tab->statement;
  TuttiLang lang = get_lang (self);
  g_autofree char *invoiced = tutti_format_money (statement->invoiced, lang);
  g_autofree char *paid = tutti_format_money (statement->paid, lang);
  g_autofree char *balance = NULL;
  const char *state;
  const char *style;

  if (statement->balance > 0)
    {
      balance = tutti_format_money (statement->balance, lang);
      /* Translators: said of a balance the family owes */
      state = _("To pay");
      style = "error";
    }
  else if (statement->balance < 0)
    {
      balance = tutti_format_money (-statement->balance, lang);
      /* Translators: said of a balance the school owes the family */
      state = _("In your favour");
      style = "accent";
    }
  else
    {
      balance = tutti_format_money (0, lang);
      /* Translators: said of a balance of zero */
      state = _("Settled");
      style = "success";
    }

  gtk_label_set_label (tab->invoiced_label, invoiced);
  gtk_label_set_label (tab->paid_label, paid);
  gtk_label_set_label (tab->balance_label, balance);
  gtk_label_set_label (tab->balance_state_label, state);
  set_style (GTK_WIDGET (tab->balance_label), style);
  set_style (GTK_WIDGET (tab->balance_state_label), style);

  /* The tab tells of money owed even while the other one is shown. */
  adw_view_stack_page_set_needs_attention (tab->page, statement->balance > 0);
}

/* Takes @statement. */
static void
show_statement (TuttiBillingView      *self,
                Tab                   *tab,
                TuttiBillingStatement *statement)
{
  TuttiLang lang = get_lang (self);
  g_autoptr(GPtrArray) items = NULL;

  /* Nothing new: the list keeps its scroll and selection. */
  if (tab->statement != NULL &&
      tutti_record_equal (&tutti_billing_statement_schema, tab->statement, statement))
    {
      tutti_billing_statement_free (statement);
      return;
    }

  g_clear_pointer (&tab->statement, tutti_billing_statement_free);
  tab->statement = statement;

  items = g_ptr_array_new_full (statement->lines->len, g_object_unref);
  for (guint i = 0; i < statement->lines->len; i++)
    g_ptr_array_add (items, tutti_billing_item_new (g_ptr_array_index (statement->lines, i), lang));
  g_list_store_splice (tab->store, 0, g_list_model_get_n_items (G_LIST_MODEL (tab->store)),
                       items->pdata, items->len);

  update_column_widths (tab);
  show_totals (self, tab);
  update_list_state (tab);
  gtk_stack_set_visible_child_name (tab->stack, statement->lines->len > 0 ? "content" : "empty");
}

/* ---- Loading ------------------------------------------------------------------ */

typedef struct
{
  TuttiBillingView *self;
  TuttiBillingKind  kind;
  guint             generation;
} LoadData;

static void
get_billing_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(TuttiBillingView) self = data->self;
  g_autoptr(TuttiBillingStatement) statement = NULL;
  g_autoptr(GError) error = NULL;
  TuttiBillingKind kind = data->kind;
  guint generation = data->generation;
  Tab *tab;

  g_free (data);

  statement = tutti_client_get_billing_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || generation != self->generation)
    return;

  tab = get_tab (self, kind);
  tab->loading = FALSE;
  gtk_spinner_stop (tab->spinner);

  if (statement == NULL)
    {
      g_debug ("Loading the %s: %s", tab_names[kind], error->message);

      /* The window goes back to the login page by itself. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;

      if (tab->statement == NULL)
        {
          g_autofree char *description = NULL;

          if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE) ||
              error->domain != TUTTI_API_ERROR)
            description = g_strdup_printf (_("The server at %s cannot be reached. Check the connection, then try again."),
                                           tutti_client_get_base_url (self->client));
          else
            description = g_strdup (error->message);
          adw_status_page_set_description (tab->error_page, description);
          gtk_stack_set_visible_child_name (tab->stack, "error");
        }
      else
        {
          AdwToast *toast = adw_toast_new (kind == TUTTI_BILLING_RENTAL
                                           ? _("Could not refresh the rentals")
                                           : _("Could not refresh the fees"));

          adw_toast_set_button_label (toast, _("_Retry"));
          adw_toast_set_action_name (toast, "billing.retry");
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      return;
    }

  show_statement (self, tab, g_steal_pointer (&statement));
}

static void
load_tab (TuttiBillingView *self,
          Tab              *tab)
{
  LoadData *data;

  if (tab->loading)
    return;

  tab->loading = TRUE;
  if (tab->statement == NULL)
    {
      gtk_stack_set_visible_child_name (tab->stack, "loading");
      gtk_spinner_start (tab->spinner);
    }

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->kind = tab->kind;
  data->generation = self->generation;
  tutti_client_get_billing_async (self->client, tab->kind, self->cancellable, get_billing_cb, data);
}

void
tutti_billing_view_refresh (TuttiBillingView *self)
{
  g_return_if_fail (TUTTI_IS_BILLING_VIEW (self));

  if (self->client == NULL || !tutti_client_is_logged_in (self->client))
    return;

  for (guint k = 0; k < N_KINDS; k++)
    load_tab (self, &self->tabs[k]);
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  tutti_billing_view_refresh (TUTTI_BILLING_VIEW (widget));
}

/* ---- Documents (BIL-2) ---------------------------------------------------------- */

/* Only what is safe in a file name on every system. */
static char *
file_name_part (const char *operation)
{
  GString *part = g_string_new (NULL);

  for (const char *p = operation; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
      g_string_append_c (part, *p);

  return g_string_free (part, FALSE);
}

static void
close_document (TuttiBillingView *self)
{
  /* Closed by the reader, it may live on a moment without being shown. */
  if (self->document != NULL && gtk_widget_get_visible (GTK_WIDGET (self->document)))
    gtk_window_destroy (GTK_WINDOW (self->document));
  g_clear_weak_pointer (&self->document);
}

/* The server draws an invoice for a debit, a credit note for a discount and
 * a receipt for a payment; the preview's title and file name say which. */
static void
open_document (TuttiBillingView       *self,
               const TuttiBillingLine *line)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TuttiLang lang = get_lang (self);
  g_autofree char *safe = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  TuttiDocumentView *document;

  if (self->client == NULL || line->operation == NULL || *line->operation == '\0')
    return;

  safe = file_name_part (line->operation);
  if (line->debit > 0)
    {
      /* Translators: the title of an invoice's preview; %s is its number, such as 12FC01618 */
      title = g_strdup_printf (_("Invoice %s"), line->operation);
      /* Translators: the file name an invoice is saved under; %s is its
       * number. Keep it to letters, digits and hyphens. */
      file_name = g_strdup_printf (_("invoice-%s.pdf"), safe);
    }
  else if (line->discount)
    {
      /* Translators: the title of a credit note's preview; %s is its number */
      title = g_strdup_printf (_("Credit Note %s"), line->operation);
      /* Translators: the file name a credit note is saved under; %s is its
       * number. Keep it to letters, digits and hyphens. */
      file_name = g_strdup_printf (_("credit-note-%s.pdf"), safe);
    }
  else
    {
      /* Translators: the title of a receipt's preview; %s is its number, such as 12RC01632 */
      title = g_strdup_printf (_("Receipt %s"), line->operation);
      /* Translators: the file name a receipt is saved under; %s is its
       * number. Keep it to letters, digits and hyphens. */
      file_name = g_strdup_printf (_("receipt-%s.pdf"), safe);
    }

  date = tutti_format_date (line->date, lang);
  if (line->label != NULL && *line->label != '\0')
    subtitle = g_strdup_printf ("%s · %s", date, line->label);
  else
    subtitle = g_strdup (date);

  close_document (self);
  document = tutti_document_view_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->client, title, subtitle, file_name);
  g_set_weak_pointer (&self->document, document);
  tutti_document_view_load (document, line->operation,
                            tutti_client_get_billing_document_async,
                            tutti_client_get_billing_document_finish);
  gtk_window_present (GTK_WINDOW (document));
}

/* Enter or a double-click on a line (GtkColumnView::activate). */
static void
column_view_activate_cb (TuttiBillingView *self,
                         guint             position,
                         GtkColumnView    *column_view)
{
  g_autoptr(TuttiBillingItem) item = NULL;

  item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (column_view)), position);
  if (item != NULL)
    open_document (self, item->line);
}

/* ---- Search --------------------------------------------------------------------- */

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  Tab *tab = user_data;

  return tutti_search_match_words (TUTTI_BILLING_ITEM (item)->search_text, tab->query);
}

static Tab *
find_tab_of_entry (TuttiBillingView *self,
                   GtkSearchEntry   *entry)
{
  for (guint k = 0; k < N_KINDS; k++)
    if (self->tabs[k].search_entry == entry)
      return &self->tabs[k];

  return NULL;
}

static void
search_changed_cb (TuttiBillingView *self,
                   GtkSearchEntry   *entry)
{
  Tab *tab = find_tab_of_entry (self, entry);

  if (tab == NULL)
    return;

  g_strfreev (tab->query);
  tab->query = tutti_search_words (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (tab->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Escape empties the search first. */
static void
stop_search_cb (TuttiBillingView *self,
                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Ctrl+F, from anywhere in the window while the view is shown. */
static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  TuttiBillingView *self = TUTTI_BILLING_VIEW (widget);
  Tab *tab = get_visible_tab (self);

  if (!gtk_widget_is_drawable (widget) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (tab->stack), "content") != 0)
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (tab->search_entry));
}

/* ---- Public ------------------------------------------------------------------- */

void
tutti_billing_view_clear (TuttiBillingView *self)
{
  g_return_if_fail (TUTTI_IS_BILLING_VIEW (self));

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  close_document (self);

  for (guint k = 0; k < N_KINDS; k++)
    {
      Tab *tab = &self->tabs[k];

      tab->loading = FALSE;
      g_clear_pointer (&tab->statement, tutti_billing_statement_free);
      g_list_store_remove_all (tab->store);
      gtk_editable_set_text (GTK_EDITABLE (tab->search_entry), "");
      gtk_spinner_stop (tab->spinner);
      gtk_stack_set_visible_child_name (tab->stack, "loading");
      adw_view_stack_page_set_needs_attention (tab->page, FALSE);
    }
  adw_view_stack_set_visible_child_name (self->view_stack, tab_names[TUTTI_BILLING_FEE]);
}

void
tutti_billing_view_set_client (TuttiBillingView *self,
                               TuttiClient      *client)
{
  g_return_if_fail (TUTTI_IS_BILLING_VIEW (self));

  g_set_object (&self->client, client);
  set_titles (self);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
tutti_billing_view_map (GtkWidget *widget)
{
  TuttiBillingView *self = TUTTI_BILLING_VIEW (widget);

  GTK_WIDGET_CLASS (tutti_billing_view_parent_class)->map (widget);

  for (guint k = 0; k < N_KINDS; k++)
    update_column_widths (&self->tabs[k]);

  /* The first time, and fresh data each time the view is shown again. */
  tutti_billing_view_refresh (TUTTI_BILLING_VIEW (widget));
}

static void
tutti_billing_view_dispose (GObject *object)
{
  TuttiBillingView *self = TUTTI_BILLING_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  close_document (self);

  for (guint k = 0; k < N_KINDS; k++)
    {
      g_clear_handle_id (&self->tabs[k].share_id, g_source_remove);
      if (self->tabs[k].column_view != NULL)
        g_signal_handlers_disconnect_by_data (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->tabs[k].column_view)),
                                              &self->tabs[k]);
    }

  /* AdwBin unparents its child itself: drop it first, so that a child
   * bound as a template child is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_BILLING_VIEW);

  for (guint k = 0; k < N_KINDS; k++)
    {
      Tab *tab = &self->tabs[k];

      if (tab->filter_model != NULL)
        g_signal_handlers_disconnect_by_data (tab->filter_model, tab);
      g_clear_object (&tab->sort_model);
      g_clear_object (&tab->filter_model);
      g_clear_object (&tab->filter);
      g_clear_object (&tab->store);
      g_clear_pointer (&tab->statement, tutti_billing_statement_free);
      g_clear_pointer (&tab->query, g_strfreev);
    }

  g_clear_object (&self->client);

  G_OBJECT_CLASS (tutti_billing_view_parent_class)->dispose (object);
}

#define BIND_TAB_CHILD(kind, prefix, member)                                          \
  gtk_widget_class_bind_template_child_full (widget_class, prefix "_" #member, FALSE, \
                                             G_STRUCT_OFFSET (TuttiBillingView,       \
                                                              tabs[kind].member))

#define BIND_TAB(kind, prefix)                                                        \
  G_STMT_START {                                                                      \
    BIND_TAB_CHILD (kind, prefix, page);                                              \
    BIND_TAB_CHILD (kind, prefix, stack);                                             \
    BIND_TAB_CHILD (kind, prefix, spinner);                                           \
    BIND_TAB_CHILD (kind, prefix, error_page);                                        \
    BIND_TAB_CHILD (kind, prefix, search_entry);                                      \
    BIND_TAB_CHILD (kind, prefix, list_stack);                                        \
    BIND_TAB_CHILD (kind, prefix, column_view);                                       \
    BIND_TAB_CHILD (kind, prefix, invoiced_caption);                                  \
    BIND_TAB_CHILD (kind, prefix, invoiced_label);                                    \
    BIND_TAB_CHILD (kind, prefix, paid_caption);                                      \
    BIND_TAB_CHILD (kind, prefix, paid_label);                                        \
    BIND_TAB_CHILD (kind, prefix, balance_caption);                                   \
    BIND_TAB_CHILD (kind, prefix, balance_label);                                     \
    BIND_TAB_CHILD (kind, prefix, balance_state_label);                               \
  } G_STMT_END

static void
tutti_billing_view_class_init (TuttiBillingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_billing_view_dispose;
  widget_class->map = tutti_billing_view_map;

  gtk_widget_class_install_action (widget_class, "billing.retry", NULL, retry_activated);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-billing-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiBillingView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiBillingView, view_stack);
  BIND_TAB (TUTTI_BILLING_FEE, "fees");
  BIND_TAB (TUTTI_BILLING_RENTAL, "rentals");
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
}

static void
setup_tab (Tab              *tab,
           TuttiBillingKind  kind)
{
  tab->kind = kind;
  tab->store = g_list_store_new (TUTTI_TYPE_BILLING_ITEM);
  tab->filter = GTK_FILTER (gtk_custom_filter_new (filter_item, tab, NULL));
  tab->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (tab->store)),
                                                 g_object_ref (tab->filter));
  g_signal_connect (tab->filter_model, "items-changed", G_CALLBACK (filter_items_changed_cb), tab);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      tab->columns[c] = tutti_column_view_add_column (tab->column_view, NULL, c,
                                                      G_CALLBACK (setup_cell_cb), G_CALLBACK (bind_cell_cb),
                                                      NULL, columns[c].compare, NULL);
      gtk_column_view_column_set_expand (tab->columns[c], c == COLUMN_LABEL);
    }

  /* The column headers sort the list; newest first to start with. */
  tab->sort_model = tutti_column_view_show_sorted_model (tab->column_view, G_LIST_MODEL (tab->filter_model),
                                                         tab->columns[COLUMN_DATE], GTK_SORT_DESCENDING);

  /* Typing in the list searches it. */
  gtk_search_entry_set_key_capture_widget (tab->search_entry, GTK_WIDGET (tab->column_view));

  g_signal_connect_swapped (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (tab->column_view)),
                            "notify::page-size", G_CALLBACK (view_width_changed_cb), tab);
}

static void
tutti_billing_view_init (TuttiBillingView *self)
{
  GtkEventController *controller;

  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint k = 0; k < N_KINDS; k++)
    setup_tab (&self->tabs[k], k);
  set_titles (self);

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (focus_search_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* ---- For the UI test ---------------------------------------------------------- */

const char *
tutti_billing_view_get_state (TuttiBillingView *self,
                              TuttiBillingKind  kind)
{
  return gtk_stack_get_visible_child_name (get_tab (self, kind)->stack);
}

void
tutti_billing_view_show_kind (TuttiBillingView *self,
                              TuttiBillingKind  kind)
{
  adw_view_stack_set_visible_child_name (self->view_stack, tab_names[get_tab (self, kind)->kind]);
}

TuttiBillingKind
tutti_billing_view_get_visible_kind (TuttiBillingView *self)
{
  return get_visible_tab (self)->kind;
}

GtkSearchEntry *
tutti_billing_view_get_search_entry (TuttiBillingView *self,
                                     TuttiBillingKind  kind)
{
  return get_tab (self, kind)->search_entry;
}

GtkColumnView *
tutti_billing_view_get_column_view (TuttiBillingView *self,
                                    TuttiBillingKind  kind)
{
  return get_tab (self, kind)->column_view;
}

GtkColumnViewColumn *
tutti_billing_view_get_column (TuttiBillingView *self,
                               TuttiBillingKind  kind,
                               const char       *key)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if (g_strcmp0 (columns[c].key, key) == 0)
      return get_tab (self, kind)->columns[c];

  return NULL;
}

const TuttiBillingLine *
tutti_billing_view_get_shown_line (TuttiBillingView *self,
                                   TuttiBillingKind  kind,
                                   guint             position)
{
  GListModel *model = G_LIST_MODEL (get_tab (self, kind)->sort_model);
  g_autoptr(TuttiBillingItem) item = g_list_model_get_item (model, position);

  /* The store keeps the item, and so its line, alive. */
  return item != NULL ? item->line : NULL;
}

guint
tutti_billing_view_get_n_shown (TuttiBillingView *self,
                                TuttiBillingKind  kind)
{
  return g_list_model_get_n_items (G_LIST_MODEL (get_tab (self, kind)->sort_model));
}

GtkLabel *
tutti_billing_view_get_total_label (TuttiBillingView *self,
                                    TuttiBillingKind  kind,
                                    const char       *key)
{
  Tab *tab = get_tab (self, kind);

  if (g_strcmp0 (key, "invoiced") == 0)
    return tab->invoiced_label;
  if (g_strcmp0 (key, "paid") == 0)
    return tab->paid_label;
  if (g_strcmp0 (key, "balance") == 0)
    return tab->balance_label;
  return NULL;
}

const char *
tutti_billing_view_get_error (TuttiBillingView *self,
                              TuttiBillingKind  kind)
{
  Tab *tab = get_tab (self, kind);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (tab->stack), "error") != 0)
    return NULL;
  return adw_status_page_get_description (tab->error_page);
}

GtkLabel *
tutti_billing_view_get_balance_state_label (TuttiBillingView *self,
                                            TuttiBillingKind  kind)
{
  return get_tab (self, kind)->balance_state_label;
}

TuttiDocumentView *
tutti_billing_view_get_document_view (TuttiBillingView *self)
{
  return self->document;
}
