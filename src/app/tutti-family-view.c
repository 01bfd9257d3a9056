/* tutti-family-view.c — FAM-1, FAM-3, FAM-4: the guardians' identity forms
 *
 * One page per guardian of the family (a view switcher between the two of
 * MARTIN), each a TuttiRecordForm walking core's guardian schema, a Save
 * button and the school's contact line. Save checks the form, sends only
 * the fields changed (PATCH …/guardians/{id}), then confirms with a dialog;
 * the markers of the fields and the banner above say what awaits the
 * office. A 422 puts the server's messages under the fields. A last tab,
 * "My documents" (FAM-2), is the family's TuttiDocumentsPage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-documents-page.h"
#include "tutti-family-view.h"
#include "tutti-record-details.h"
#include "tutti-record-form.h"
#include "tutti-window-private.h"

typedef struct
{
  gint64           guardian_id;
  TuttiGuardian   *guardian;
  GtkWidget       *page;           /* in guardian_stack */
  TuttiRecordForm *form;
  GtkButton       *save_button;
  GtkSpinner      *save_spinner;
  GtkLabel        *contact_label;
  gboolean         saving;
} GuardianPage;

struct _TuttiFamilyView
{
  AdwBin           parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  GtkInfoBar      *banner;
  GtkImage        *banner_icon;
  GtkLabel        *banner_label;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  AdwViewSwitcher *switcher;
  AdwViewStack    *guardian_stack;
  GtkWidget       *documents_tab;   /* FAM-2, after the guardians' pages */
  TuttiDocumentsPage *documents_page;

  TuttiClient     *client;
  GCancellable    *cancellable;
  TuttiFamily     *family;
  GPtrArray       *pages;          /* GuardianPage */
  guint            generation;     /* bumped by clear(): late answers are dropped */
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (TuttiFamilyView, tutti_family_view, ADW_TYPE_BIN)

/* Where FAM-1's groups start, with their titles. */
static const struct
{
  const char *key;
  const char *title;
} guardian_sections[] = {
  { "civility", N_("Identity") },
  { "address", N_("Contact Details") },
  { "family_situation", N_("Family and Work") },
  { "extra_phone_1", N_("Other Phone Numbers") },
};

static TuttiLang
get_lang (TuttiFamilyView *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : tutti_lang_from_environment ();
}

static void
guardian_page_free (gpointer data)
{
  GuardianPage *page = data;

  g_clear_pointer (&page->guardian, tutti_guardian_free);
  g_free (page);
}

static GuardianPage *
find_page (TuttiFamilyView *self,
           gint64           guardian_id)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      GuardianPage *page = g_ptr_array_index (self->pages, i);

      if (page->guardian_id == guardian_id)
        return page;
    }

  return NULL;
}

static char *
describe_error (TuttiFamilyView *self,
                const GError    *error)
{
  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE) ||
      error->domain != TUTTI_API_ERROR)
    return g_strdup_printf (_("The server at %s cannot be reached. Check the connection, then try again."),
                            tutti_client_get_base_url (self->client));
  return g_strdup (error->message);
}

/* ---- The banner and the buttons --------------------------------------------------- */

static void
update_banner (TuttiFamilyView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  guint refused = 0;

  for (guint i = 0; i < self->pages->len; i++)
    {
      GuardianPage *page = g_ptr_array_index (self->pages, i);

      if (tutti_record_form_count_pending (page->form) > 0)
        g_ptr_array_add (names, tutti_format_person_name (page->guardian->surname,
                                                          page->guardian->first_name));
      refused += tutti_record_form_count_refused (page->form);
    }
  g_ptr_array_add (names, NULL);

  text = tutti_record_form_format_pending_banner ((const char * const *) names->pdata);
  if (text != NULL)
    {
      gtk_info_bar_set_message_type (self->banner, GTK_MESSAGE_INFO);
      gtk_image_set_from_icon_name (self->banner_icon, "document-open-recent-symbolic");
      gtk_label_set_label (self->banner_label, text);
    }
  else if (refused > 0)
    {
      gtk_info_bar_set_message_type (self->banner, GTK_MESSAGE_WARNING);
      gtk_image_set_from_icon_name (self->banner_icon, "dialog-warning-symbolic");
      gtk_label_set_label (self->banner_label,
                           _("The office refused some of your changes. The reasons are shown under the fields concerned."));
    }
  gtk_info_bar_set_revealed (self->banner, text != NULL || refused > 0);
}

static void
update_save_button (GuardianPage *page)
{
  gtk_widget_set_sensitive (GTK_WIDGET (page->save_button),
                            !page->saving && tutti_record_form_has_changes (page->form));
}

static void
form_field_changed_cb (TuttiRecordForm *form,
                       const char      *key,
                       GuardianPage    *page)
{
  update_save_button (page);
}

/* ---- Saving (FAM-1) ------------------------------------------------------------------ */

typedef struct
{
  TuttiFamilyView *self;
  gint64           guardian_id;
  guint            generation;
} SaveData;

static void save (TuttiFamilyView *self,
                  GuardianPage    *page);

static void
set_saving (GuardianPage *page,
            gboolean      saving)
{
  page->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (page->save_spinner), saving);
  if (saving)
    gtk_spinner_start (page->save_spinner);
  else
    gtk_spinner_stop (page->save_spinner);
  tutti_record_form_set_busy (page->form, saving, GTK_WIDGET (page->save_button));
  update_save_button (page);
}

static void
patch_guardian_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(TuttiFamilyView) self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiGuardian) guardian = NULL;
  gint64 guardian_id = data->guardian_id;
  guint generation = data->generation;
  GuardianPage *page;

  g_free (data);

  guardian = tutti_client_patch_guardian_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || generation != self->generation)
    return;

  page = find_page (self, guardian_id);
  if (page == NULL)
    return;
  set_saving (page, FALSE);

  if (guardian == NULL)
    {
      g_debug ("Saving guardian %" G_GINT64_FORMAT ": %s", guardian_id, error->message);

      /* The window goes back to the login page by itself. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;

      /* Each field's message under it; what was typed stays. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID) &&
          tutti_record_form_show_errors (page->form, tutti_api_error_get_fields (error)))
        return;

      {
        g_autofree char *message = describe_error (self, error);
        g_autofree char *text = g_strdup_printf (_("Could not save: %s"), message);
        AdwToast *toast = adw_toast_new (text);

        adw_toast_set_timeout (toast, 0);
        adw_toast_set_button_label (toast, _("_Retry"));
        adw_toast_set_action_name (toast, "family.save");
        adw_toast_set_action_target_value (toast, g_variant_new_int64 (guardian_id));
        adw_toast_overlay_add_toast (self->toast_overlay, toast);
      }
      return;
    }

  /* The record read back: its current values and what awaits the office. */
  g_clear_pointer (&page->guardian, tutti_guardian_free);
  page->guardian = g_steal_pointer (&guardian);
  tutti_record_form_set_record (page->form, page->guardian);
  update_save_button (page);
  update_banner (self);

  tutti_record_form_present_saved_dialog (GTK_WIDGET (self));
}

static void
save (TuttiFamilyView *self,
      GuardianPage    *page)
{
  g_autoptr(GPtrArray) changes = NULL;
  SaveData *data;

  if (page->saving || !tutti_record_form_has_changes (page->form))
    return;

  /* A required field empty or a value core refuses: said and focused. */
  if (!tutti_record_form_validate (page->form))
    return;

  changes = tutti_record_form_get_changes (page->form);
  if (changes->len == 0)
    return;

  set_saving (page, TRUE);
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->guardian_id = page->guardian_id;
  data->generation = self->generation;
  tutti_client_patch_guardian_async (self->client, page->guardian_id, changes,
                                     self->cancellable, patch_guardian_cb, data);
}

static void
save_clicked_cb (GtkButton    *button,
                 GuardianPage *page)
{
  TuttiFamilyView *self = TUTTI_FAMILY_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                      TUTTI_TYPE_FAMILY_VIEW));

  if (self != NULL)
    save (self, page);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TuttiFamilyView *self = TUTTI_FAMILY_VIEW (widget);
  GuardianPage *page = find_page (self, g_variant_get_int64 (parameter));

  if (page != NULL)
    save (self, page);
}

/* ---- Pages ------------------------------------------------------------------------ */

static GuardianPage *
create_page (TuttiFamilyView     *self,
             const TuttiGuardian *guardian)
{
  TuttiLang lang = get_lang (self);
  TuttiFormSection sections[G_N_ELEMENTS (guardian_sections)];
  GuardianPage *page = g_new0 (GuardianPage, 1);
  g_autofree char *name = tutti_format_person_name (guardian->surname, guardian->first_name);
  g_autofree char *page_name = g_strdup_printf ("guardian-%" G_GINT64_FORMAT, guardian->id);
  GtkWidget *scrolled;
  GtkWidget *clamp;
  GtkWidget *box;
  GtkWidget *buttons;
  AdwViewStackPage *stack_page;

  for (guint i = 0; i < G_N_ELEMENTS (guardian_sections); i++)
    {
      sections[i].key = guardian_sections[i].key;
      sections[i].title = _(guardian_sections[i].title);
    }

  page->guardian_id = guardian->id;
  page->guardian = tutti_guardian_copy (guardian);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  page->form = TUTTI_RECORD_FORM (tutti_record_form_new (&tutti_guardian_schema, sections,
                                                         G_N_ELEMENTS (sections), lang));
  tutti_record_form_set_section_description (page->form, "civility",
                                             _("Fields marked with * are required."));
  tutti_record_form_set_record (page->form, guardian);
  g_signal_connect (page->form, "field-changed", G_CALLBACK (form_field_changed_cb), page);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page->form));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  page->save_spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (page->save_spinner), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (page->save_spinner), _("Saving…"));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (page->save_spinner));
  page->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_widget_add_css_class (GTK_WIDGET (page->save_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (page->save_button), "suggested-action");
  g_signal_connect (page->save_button, "clicked", G_CALLBACK (save_clicked_cb), page);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (page->save_button));
  gtk_box_append (GTK_BOX (box), buttons);

  /* FAM-4 */
  page->contact_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (page->contact_label, TRUE);
  gtk_label_set_justify (page->contact_label, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (page->contact_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page->contact_label));

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  page->page = scrolled;

  stack_page = adw_view_stack_add_titled (self->guardian_stack, scrolled, page_name, name);
  adw_view_stack_page_set_icon_name (stack_page, "avatar-default-symbolic");

  update_save_button (page);
  return page;
}

static void
remove_pages (TuttiFamilyView *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      GuardianPage *page = g_ptr_array_index (self->pages, i);

      g_signal_handlers_disconnect_by_data (page->save_button, page);
      adw_view_stack_remove (self->guardian_stack, page->page);
    }
  g_ptr_array_set_size (self->pages, 0);
}

/* The tab of My documents, added (again) last. */
static void
add_documents_tab (TuttiFamilyView *self)
{
  AdwViewStackPage *page;

  if (gtk_widget_get_parent (self->documents_tab) != NULL)
    {
      g_object_ref (self->documents_tab);
      adw_view_stack_remove (self->guardian_stack, self->documents_tab);
      page = adw_view_stack_add_titled (self->guardian_stack, self->documents_tab, "documents",
                                        _("My Documents"));
      g_object_unref (self->documents_tab);
    }
  else
    page = adw_view_stack_add_titled (self->guardian_stack, self->documents_tab, "documents",
                                      _("My Documents"));
  adw_view_stack_page_set_icon_name (page, "folder-documents-symbolic");
}

static gboolean
has_unsaved_changes (TuttiFamilyView *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      GuardianPage *page = g_ptr_array_index (self->pages, i);

      if (page->saving || tutti_record_form_has_changes (page->form))
        return TRUE;
    }

  return FALSE;
}

static void
rebuild (TuttiFamilyView *self)
{
  TuttiAccount *account = self->client != NULL ? tutti_client_get_account (self->client) : NULL;
  g_autofree char *contact = NULL;
  GuardianPage *own = NULL;
  /* My documents stays shown when it was chosen among the guardians. */
  gboolean documents_shown = self->pages->len > 0 &&
                             adw_view_stack_get_visible_child (self->guardian_stack) == self->documents_tab;

  remove_pages (self);
  if (self->family == NULL)
    return;

  contact = tutti_school_format_contact (self->family->school);
  for (guint i = 0; self->family->guardians != NULL && i < self->family->guardians->len; i++)
    {
      const TuttiGuardian *guardian = g_ptr_array_index (self->family->guardians, i);
      GuardianPage *page = create_page (self, guardian);

      gtk_label_set_label (page->contact_label, contact != NULL ? contact : "");
      gtk_widget_set_visible (GTK_WIDGET (page->contact_label), contact != NULL);
      g_ptr_array_add (self->pages, page);
      if (account != NULL && account->guardian_id == guardian->id)
        own = page;
    }

  /* FAM-2: My documents after the guardians, whatever they are. */
  add_documents_tab (self);

  /* FAM-3: two guardians, a page each, the logged-in one's first shown. */
  if (documents_shown)
    adw_view_stack_set_visible_child (self->guardian_stack, self->documents_tab);
  else if (own != NULL)
    adw_view_stack_set_visible_child (self->guardian_stack, own->page);
  update_banner (self);
}

/* The same guardians as the pages show: their records again, in place,
 * the page shown and its scrolling kept. */
static gboolean
update_pages (TuttiFamilyView *self)
{
  GPtrArray *guardians = self->family->guardians;
  g_autofree char *contact = NULL;

  if (guardians == NULL || guardians->len != self->pages->len || guardians->len == 0)
    return FALSE;
  for (guint i = 0; i < guardians->len; i++)
    if (((TuttiGuardian *) g_ptr_array_index (guardians, i))->id !=
        ((GuardianPage *) g_ptr_array_index (self->pages, i))->guardian_id)
      return FALSE;

  contact = tutti_school_format_contact (self->family->school);
  for (guint i = 0; i < guardians->len; i++)
    {
      GuardianPage *page = g_ptr_array_index (self->pages, i);
      const TuttiGuardian *guardian = g_ptr_array_index (guardians, i);
      g_autofree char *name = tutti_format_person_name (guardian->surname, guardian->first_name);

      g_clear_pointer (&page->guardian, tutti_guardian_free);
      page->guardian = tutti_guardian_copy (guardian);
      tutti_record_form_set_record (page->form, page->guardian);
      adw_view_stack_page_set_title (adw_view_stack_get_page (self->guardian_stack, page->page), name);
      gtk_label_set_label (page->contact_label, contact != NULL ? contact : "");
      gtk_widget_set_visible (GTK_WIDGET (page->contact_label), contact != NULL);
      update_save_button (page);
    }
  update_banner (self);

  return TRUE;
}

/* ---- Loading ------------------------------------------------------------------------ */

typedef struct
{
  TuttiFamilyView *self;
  guint            generation;
} LoadData;

static void
get_family_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(TuttiFamilyView) self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiFamily) family = NULL;
  guint generation = data->generation;

  g_free (data);

  family = tutti_client_get_family_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || generation != self->generation)
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);

  if (family == NULL)
    {
      g_autofree char *description = NULL;

      g_debug ("Loading the family: %s", error->message);
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;

      description = describe_error (self, error);
      if (self->family == NULL)
        {
          adw_status_page_set_description (self->error_page, description);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        {
          AdwToast *toast = adw_toast_new (_("Could not refresh the family’s record"));

          adw_toast_set_button_label (toast, _("_Retry"));
          adw_toast_set_action_name (toast, "family.retry");
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      return;
    }

  /* Typing in progress is never thrown away by a refresh. */
  if (has_unsaved_changes (self))
    return;

  g_clear_pointer (&self->family, tutti_family_free);
  self->family = g_steal_pointer (&family);
  if (!update_pages (self))
    rebuild (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

void
tutti_family_view_refresh (TuttiFamilyView *self)
{
  LoadData *data;

  g_return_if_fail (TUTTI_IS_FAMILY_VIEW (self));

  if (self->client == NULL || !tutti_client_is_logged_in (self->client))
    return;

  /* FAM-2: the office may have decided on a document since. */
  tutti_documents_page_refresh (self->documents_page);

  if (self->loading || has_unsaved_changes (self))
    return;

  self->loading = TRUE;
  if (self->family == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->generation = self->generation;
  tutti_client_get_family_async (self->client, self->cancellable, get_family_cb, data);
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  tutti_family_view_refresh (TUTTI_FAMILY_VIEW (widget));
}

void
tutti_family_view_clear (TuttiFamilyView *self)
{
  g_return_if_fail (TUTTI_IS_FAMILY_VIEW (self));

  self->generation++;
  self->loading = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  remove_pages (self);
  g_clear_pointer (&self->family, tutti_family_free);
  tutti_documents_page_clear (self->documents_page);
  gtk_info_bar_set_revealed (self->banner, FALSE);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
tutti_family_view_set_client (TuttiFamilyView *self,
                              TuttiClient     *client)
{
  g_return_if_fail (TUTTI_IS_FAMILY_VIEW (self));

  g_set_object (&self->client, client);
  tutti_documents_page_set_client (self->documents_page, client);
}

/* ---- Keys --------------------------------------------------------------------------- */

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  TuttiFamilyView *self = TUTTI_FAMILY_VIEW (widget);

  if (adw_view_stack_get_visible_child (self->guardian_stack) != self->documents_tab)
    return FALSE;
  tutti_documents_page_focus_search (self->documents_page);
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
tutti_family_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tutti_family_view_parent_class)->map (widget);

  /* Fresh data each time the view is shown. */
  tutti_family_view_refresh (TUTTI_FAMILY_VIEW (widget));
}

static void
tutti_family_view_dispose (GObject *object)
{
  TuttiFamilyView *self = TUTTI_FAMILY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->pages != NULL)
    g_ptr_array_set_size (self->pages, 0);
  g_clear_object (&self->documents_tab);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_FAMILY_VIEW);

  g_clear_object (&self->client);
  g_clear_pointer (&self->family, tutti_family_free);

  G_OBJECT_CLASS (tutti_family_view_parent_class)->dispose (object);
}

static void
tutti_family_view_finalize (GObject *object)
{
  TuttiFamilyView *self = TUTTI_FAMILY_VIEW (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (tutti_family_view_parent_class)->finalize (object);
}

static void
tutti_family_view_class_init (TuttiFamilyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_family_view_dispose;
  object_class->finalize = tutti_family_view_finalize;
  widget_class->map = tutti_family_view_map;

  gtk_widget_class_install_action (widget_class, "family.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "family.save", "x", save_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_cb, NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-family-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiFamilyView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiFamilyView, banner);
  gtk_widget_class_bind_template_child (widget_class, TuttiFamilyView, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, TuttiFamilyView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiFamilyView, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiFamilyView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiFamilyView, error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiFamilyView, switcher);
  gtk_widget_class_bind_template_child (widget_class, TuttiFamilyView, guardian_stack);
}

static void
tutti_family_view_init (TuttiFamilyView *self)
{
  GtkWidget *box;
  GtkWidget *intro;

  self->cancellable = g_cancellable_new ();
  self->pages = g_ptr_array_new_with_free_func (guardian_page_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* FAM-2 */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  intro = gtk_label_new (_("The supporting documents of your family’s file: send them to the school "
                           "here and follow what the office decided. A refused document can be "
                           "replaced."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);
  self->documents_page = TUTTI_DOCUMENTS_PAGE (tutti_documents_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->documents_page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->documents_page));
  self->documents_tab = g_object_ref_sink (box);
  add_documents_tab (self);
}

/* ---- For the UI test ------------------------------------------------------------------ */

const char *
tutti_family_view_get_state (TuttiFamilyView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
tutti_family_view_get_busy (TuttiFamilyView *self)
{
  if (self->loading)
    return TRUE;
  for (guint i = 0; i < self->pages->len; i++)
    if (((GuardianPage *) g_ptr_array_index (self->pages, i))->saving)
      return TRUE;
  return FALSE;
}

guint
tutti_family_view_get_n_guardians (TuttiFamilyView *self)
{
  return self->pages->len;
}

const char *
tutti_family_view_get_guardian_title (TuttiFamilyView *self,
                                      guint            index)
{
  GuardianPage *page = g_ptr_array_index (self->pages, index);

  return adw_view_stack_page_get_title (adw_view_stack_get_page (self->guardian_stack, page->page));
}

void
tutti_family_view_show_guardian (TuttiFamilyView *self,
                                 guint            index)
{
  GuardianPage *page = g_ptr_array_index (self->pages, index);

  adw_view_stack_set_visible_child (self->guardian_stack, page->page);
}

gboolean
tutti_family_view_get_switcher_visible (TuttiFamilyView *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->switcher));
}

TuttiRecordForm *
tutti_family_view_get_form (TuttiFamilyView *self,
                            guint            index)
{
  return ((GuardianPage *) g_ptr_array_index (self->pages, index))->form;
}

GtkButton *
tutti_family_view_get_save_button (TuttiFamilyView *self,
                                   guint            index)
{
  return ((GuardianPage *) g_ptr_array_index (self->pages, index))->save_button;
}

const char *
tutti_family_view_get_contact_text (TuttiFamilyView *self,
                                    guint            index)
{
  return gtk_label_get_label (((GuardianPage *) g_ptr_array_index (self->pages, index))->contact_label);
}

const char *
tutti_family_view_get_banner_text (TuttiFamilyView *self)
{
  return gtk_info_bar_get_revealed (self->banner) ? gtk_label_get_label (self->banner_label) : NULL;
}

TuttiDocumentsPage *
tutti_family_view_get_documents_page (TuttiFamilyView *self)
{
  return self->documents_page;
}

void
tutti_family_view_show_documents (TuttiFamilyView *self)
{
  adw_view_stack_set_visible_child (self->guardian_stack, self->documents_tab);
}

const char *
tutti_family_view_get_documents_title (TuttiFamilyView *self)
{
  return adw_view_stack_page_get_title (adw_view_stack_get_page (self->guardian_stack, self->documents_tab));
}
