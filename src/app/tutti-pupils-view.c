/* tutti-pupils-view.c — PUP-1..5: a pupil's file
 *
 * A pupil selector (the family's pupils, as GET /home lists them) and the
 * guide's tabs: Identity (PUP-2, a TuttiRecordForm walking core's pupil
 * schema, saved as pending changes like the family's), Courses (PUP-3),
 * History (PUP-4) and Repertoire (PUP-5), each a searchable column view.
 * A tab loads when it is first shown for a pupil. A course opens its sheet,
 * a history record its page, a piece its detail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-course-sheet.h"
#include "tutti-history-record-dialog.h"
#include "tutti-pupils-view.h"
#include "tutti-question.h"
#include "tutti-reenrolment-view.h"
#include "tutti-record-details.h"
#include "tutti-record-form.h"
#include "tutti-record-table.h"
#include "tutti-window-private.h"

typedef enum
{
  TAB_IDENTITY,
  TAB_COURSES,
  TAB_HISTORY,
  TAB_REPERTOIRE,
  N_TABS
} Tab;

static const char * const tab_names[N_TABS] = {
  [TAB_IDENTITY] = "identity",
  [TAB_COURSES] = "courses",
  [TAB_HISTORY] = "history",
  [TAB_REPERTOIRE] = "repertoire",
};

struct _TuttiPupilsView
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
  GtkDropDown     *pupil_dropdown;
  AdwViewStack    *tab_stack;
  AdwViewSwitcher *tab_switcher;
  AdwViewSwitcher *narrow_switcher;
  AdwSqueezer     *switcher_squeezer;
  GtkWidget       *switcher_placeholder;
  AdwViewSwitcherBar *switcher_bar;
  GtkStack        *identity_stack;
  GtkSpinner      *identity_spinner;
  AdwStatusPage   *identity_error_page;
  GtkBox          *identity_box;
  GtkSpinner      *save_spinner;
  GtkButton       *save_button;
  GtkLabel        *contact_label;
  AdwBin          *courses_bin;
  AdwBin          *history_bin;
  AdwBin          *repertoire_bin;
  AdwViewStackPage *reenrolment_page;  /* PUP-1: while a re-enrolment campaign is open */
  TuttiReenrolmentView *reenrolment_view;

  TuttiRecordForm *form;
  TuttiRecordTable *lists[N_TABS];     /* but TAB_IDENTITY */
  GPtrArray       *contact_keys;      /* the fields "use the guardian's details" fills */
  GtkWindow       *dialog;            /* weak: the sheet or record open */

  TuttiClient     *client;
  GCancellable    *cancellable;       /* the view's: the pupils, the family */
  GCancellable    *pupil_cancellable; /* the pupil shown's: its tabs */
  GPtrArray       *pupils;            /* TuttiHomePupil */
  TuttiPupil      *pupil;             /* the identity loaded */
  TuttiFamily     *family;            /* guardian 1's details, the school */
  gint64           pupil_id;          /* shown, 0 before the pupils are known */
  gint64           wanted_id;         /* asked for by show_pupil() */
  char            *wanted_tab;        /* and its tab, NULL: Identity */
  gint64           loaded_for[N_TABS];
  gboolean         loading[N_TABS];
  guint            session;           /* bumped by clear() */
  guint            generation;        /* bumped when the pupil changes */
  gboolean         loading_pupils;
  gboolean         loading_family;
  gboolean         fill_when_loaded;  /* the switch is on, guardian 1 not known yet */
  gboolean         saving;
};

G_DEFINE_FINAL_TYPE (TuttiPupilsView, tutti_pupils_view, ADW_TYPE_BIN)

/* Where PUP-2's groups start, with their titles. */
static const struct
{
  const char *key;
  const char *title;
} pupil_sections[] = {
  { "civility", N_("Identity") },
  { "use_guardian_contact", N_("Contact Details") },
  { "person_to_notify", N_("In Case of Emergency") },
  { "image_rights", N_("Image Rights") },
  { "school_level", N_("Schooling") },
};

static TuttiLang
get_lang (TuttiPupilsView *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : tutti_lang_from_environment ();
}

static char *
describe_error (TuttiPupilsView *self,
                const GError    *error)
{
  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAVAILABLE) ||
      error->domain != TUTTI_API_ERROR)
    return g_strdup_printf (_("The server at %s cannot be reached. Check the connection, then try again."),
                            tutti_client_get_base_url (self->client));
  return g_strdup (error->message);
}

static const TuttiHomePupil *
find_pupil (TuttiPupilsView *self,
            gint64           pupil_id,
            guint           *position)
{
  for (guint i = 0; self->pupils != NULL && i < self->pupils->len; i++)
    {
      const TuttiHomePupil *pupil = g_ptr_array_index (self->pupils, i);

      if (pupil->id == pupil_id)
        {
          if (position != NULL)
            *position = i;
          return pupil;
        }
    }

  return NULL;
}

static char *
get_pupil_name (TuttiPupilsView *self)
{
  const TuttiHomePupil *pupil = find_pupil (self, self->pupil_id, NULL);

  return pupil != NULL ? tutti_format_person_name (pupil->surname, pupil->first_name) : g_strdup ("");
}

/* What an answer is for: the session (the pupils, the family), or the
 * pupil shown (its tabs), so that a late answer is dropped. */
typedef struct
{
  TuttiPupilsView *self;
  guint            session;
  guint            generation;
  gboolean         per_pupil;
  Tab              tab;
} LoadData;

static LoadData *
load_data_new (TuttiPupilsView *self,
               gboolean         per_pupil,
               Tab              tab)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->self = g_object_ref (self);
  data->session = self->session;
  data->generation = self->generation;
  data->per_pupil = per_pupil;
  data->tab = tab;
  return data;
}

/* Takes @data; returns the view, or NULL when the answer came too late. */
static TuttiPupilsView *
load_data_finish (LoadData     *data,
                  const GError *error)
{
  TuttiPupilsView *self = data->self;
  gboolean stale = data->session != self->session ||
                   (data->per_pupil && data->generation != self->generation);

  g_free (data);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || stale)
    {
      g_object_unref (self);
      return NULL;
    }

  return self;
}

/* ---- The banner (PUP-2) ----------------------------------------------------------- */

static void
update_banner (TuttiPupilsView *self)
{
  g_autofree char *name = get_pupil_name (self);
  const char *names[] = { name, NULL };
  g_autofree char *text = NULL;
  guint refused = 0;

  if (self->pupil != NULL && tutti_record_form_count_pending (self->form) > 0)
    text = tutti_record_form_format_pending_banner (names);
  if (self->pupil != NULL)
    refused = tutti_record_form_count_refused (self->form);

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
update_save_button (TuttiPupilsView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pupils.save",
                                 self->pupil != NULL && !self->saving &&
                                 tutti_record_form_has_changes (self->form));
}

/* ---- Identity (PUP-2) --------------------------------------------------------------- */

static const TuttiGuardian *
get_first_guardian (TuttiPupilsView *self)
{
  if (self->family == NULL || self->family->guardians == NULL || self->family->guardians->len == 0)
    return NULL;
  return g_ptr_array_index (self->family->guardians, 0);
}

static void
lock_contact_fields (TuttiPupilsView *self,
                     gboolean         locked)
{
  for (guint i = 0; i < self->contact_keys->len; i++)
    tutti_record_form_set_locked (self->form, g_ptr_array_index (self->contact_keys, i), locked);
}

/* "Use the legal guardian's contact details": guardian 1's address,
 * phones and e-mail, locked while the switch is on. */
static void
fill_from_guardian (TuttiPupilsView *self)
{
  const TuttiGuardian *guardian = get_first_guardian (self);

  self->fill_when_loaded = guardian == NULL;
  if (guardian == NULL)
    return;

  for (guint i = 0; i < self->contact_keys->len; i++)
    {
      const char *key = g_ptr_array_index (self->contact_keys, i);
      g_autofree char *value = tutti_record_get_text (&tutti_guardian_schema, guardian, key);

      tutti_record_form_set_value (self->form, key, value);
    }
}

static gboolean
uses_guardian_contact (TuttiPupilsView *self)
{
  g_autofree char *value = tutti_record_form_get_value (self->form, "use_guardian_contact");

  return g_strcmp0 (value, "true") == 0;
}

static void
form_field_changed_cb (TuttiPupilsView *self,
                       const char      *key)
{
  if (g_strcmp0 (key, "use_guardian_contact") == 0)
    {
      gboolean use = uses_guardian_contact (self);

      if (use)
        fill_from_guardian (self);
      else
        self->fill_when_loaded = FALSE;
      lock_contact_fields (self, use);
    }
  update_save_button (self);
}

static void
update_school (TuttiPupilsView *self)
{
  const TuttiSchool *school = self->family != NULL ? self->family->school : NULL;
  g_autofree char *contact = tutti_school_format_contact (school);
  g_autofree char *notice = NULL;
  const char *name = school != NULL && !tutti_is_blank (school->name) ? school->name : NULL;

  gtk_label_set_label (self->contact_label, contact != NULL ? contact : "");
  gtk_widget_set_visible (GTK_WIDGET (self->contact_label), contact != NULL);

  /* The school's notice beside the question it asks. */
  if (name != NULL)
    /* Translators: PUP-2, the notice beside the image rights; %s is the school's name */
    notice = g_strdup_printf (_("%s may use photos and videos of pupils taken during lessons, concerts and "
                                "shows to present its activities (website, social networks, publications). "
                                "It needs the explicit consent of the parents, or of the pupil when of age: "
                                "answer Yes to give it, No to refuse it. Consent can be withdrawn at any time."),
                              name);
  else
    notice = g_strdup (_("The school may use photos and videos of pupils taken during lessons, concerts and "
                         "shows to present its activities (website, social networks, publications). "
                         "It needs the explicit consent of the parents, or of the pupil when of age: "
                         "answer Yes to give it, No to refuse it. Consent can be withdrawn at any time."));
  tutti_record_form_set_section_description (self->form, "image_rights", notice);
}

static void
show_pupil_record (TuttiPupilsView  *self,
                   const TuttiPupil *pupil)
{
  if (self->pupil != pupil)
    {
      g_clear_pointer (&self->pupil, tutti_pupil_free);
      self->pupil = tutti_pupil_copy (pupil);
    }

  tutti_record_form_set_record (self->form, self->pupil);
  lock_contact_fields (self, uses_guardian_contact (self));
  update_save_button (self);
  update_banner (self);
}

static void
get_family_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiFamily) family = NULL;
  g_autoptr(TuttiPupilsView) self = NULL;

  family = tutti_client_get_family_finish (TUTTI_CLIENT (source), result, &error);
  self = load_data_finish (data, error);
  if (self == NULL)
    return;

  self->loading_family = FALSE;
  if (family == NULL)
    {
      g_debug ("Loading the family: %s", error->message);
      if (self->fill_when_loaded && !g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        {
          AdwToast *toast = adw_toast_new (_("Could not load the legal guardian’s details"));

          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      return;
    }

  g_clear_pointer (&self->family, tutti_family_free);
  self->family = g_steal_pointer (&family);
  update_school (self);
  if (self->fill_when_loaded && uses_guardian_contact (self))
    fill_from_guardian (self);
}

static void
load_family (TuttiPupilsView *self)
{
  if (self->loading_family)
    return;

  self->loading_family = TRUE;
  tutti_client_get_family_async (self->client, self->cancellable, get_family_cb,
                                 load_data_new (self, FALSE, TAB_IDENTITY));
}

static void
get_pupil_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiPupil) pupil = NULL;
  g_autoptr(TuttiPupilsView) self = NULL;

  pupil = tutti_client_get_pupil_finish (TUTTI_CLIENT (source), result, &error);
  self = load_data_finish (user_data, error);
  if (self == NULL)
    return;

  self->loading[TAB_IDENTITY] = FALSE;
  gtk_spinner_stop (self->identity_spinner);

  if (pupil == NULL)
    {
      g_autofree char *description = NULL;

      g_debug ("Loading pupil %" G_GINT64_FORMAT ": %s", self->pupil_id, error->message);
      self->loaded_for[TAB_IDENTITY] = 0;
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;
      /* A refresh that failed leaves the record shown as it was. */
      if (self->pupil != NULL && self->pupil->id == self->pupil_id)
        return;
      description = describe_error (self, error);
      adw_status_page_set_description (self->identity_error_page, description);
      gtk_stack_set_visible_child_name (self->identity_stack, "error");
      return;
    }

  /* Typing in progress is never thrown away by a refresh. */
  if (self->pupil != NULL && self->pupil->id == pupil->id &&
      (self->saving || tutti_record_form_has_changes (self->form)))
    return;

  show_pupil_record (self, pupil);
  gtk_stack_set_visible_child_name (self->identity_stack, "content");
}

/* ---- Saving (PUP-2) ---------------------------------------------------------------- */

static void
set_saving (TuttiPupilsView *self,
            gboolean         saving)
{
  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), saving);
  if (saving)
    gtk_spinner_start (self->save_spinner);
  else
    gtk_spinner_stop (self->save_spinner);
  tutti_record_form_set_busy (self->form, saving, GTK_WIDGET (self->save_button));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pupil_dropdown), !saving);
  update_save_button (self);
}

static void
patch_pupil_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiPupil) pupil = NULL;
  g_autoptr(TuttiPupilsView) self = NULL;

  pupil = tutti_client_patch_pupil_finish (TUTTI_CLIENT (source), result, &error);
  self = load_data_finish (user_data, error);
  if (self == NULL)
    return;

  set_saving (self, FALSE);

  if (pupil == NULL)
    {
      g_autofree char *message = NULL;
      g_autofree char *text = NULL;
      AdwToast *toast;

      g_debug ("Saving pupil %" G_GINT64_FORMAT ": %s", self->pupil_id, error->message);
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;
      /* Each field's message under it; what was typed stays. */
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID) &&
          tutti_record_form_show_errors (self->form, tutti_api_error_get_fields (error)))
        return;

      message = describe_error (self, error);
      text = g_strdup_printf (_("Could not save: %s"), message);
      toast = adw_toast_new (text);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Retry"));
      adw_toast_set_action_name (toast, "pupils.save");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  g_clear_pointer (&self->pupil, tutti_pupil_free);
  self->pupil = g_steal_pointer (&pupil);
  show_pupil_record (self, self->pupil);

  tutti_record_form_present_saved_dialog (GTK_WIDGET (self));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TuttiPupilsView *self = TUTTI_PUPILS_VIEW (widget);
  g_autoptr(GPtrArray) changes = NULL;

  if (self->pupil == NULL || self->saving || !tutti_record_form_has_changes (self->form))
    return;

  /* A required field empty or a value core refuses: said and focused. */
  if (!tutti_record_form_validate (self->form))
    return;

  changes = tutti_record_form_get_changes (self->form);
  if (changes->len == 0)
    return;

  set_saving (self, TRUE);
  tutti_client_patch_pupil_async (self->client, self->pupil->id, changes, self->pupil_cancellable,
                                  patch_pupil_cb, load_data_new (self, TRUE, TAB_IDENTITY));
}

/* ---- The lists (PUP-3..5) ----------------------------------------------------------- */

typedef GPtrArray *(*ListFinish) (TuttiClient   *client,
                                  GAsyncResult  *result,
                                  GError       **error);

static void
list_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data,
             ListFinish    finish)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(TuttiPupilsView) self = NULL;
  Tab tab = ((LoadData *) user_data)->tab;

  records = finish (TUTTI_CLIENT (source), result, &error);
  self = load_data_finish (user_data, error);
  if (self == NULL)
    return;

  self->loading[tab] = FALSE;
  if (records == NULL)
    {
      g_autofree char *description = NULL;

      g_debug ("Loading the %s of pupil %" G_GINT64_FORMAT ": %s",
               tab_names[tab], self->pupil_id, error->message);
      self->loaded_for[tab] = 0;
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;
      description = describe_error (self, error);
      tutti_record_table_show_error (self->lists[tab], _("Could Not Load the List"), description);
      return;
    }

  tutti_record_table_set_records (self->lists[tab], records);
}

static void
list_courses_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  list_loaded (source, result, user_data, tutti_client_list_courses_finish);
}

static void
list_history_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  list_loaded (source, result, user_data, tutti_client_list_history_finish);
}

static void
list_repertoire_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  list_loaded (source, result, user_data, tutti_client_list_repertoire_finish);
}

/* Loads @tab for the pupil shown, unless it is loaded or loading. */
static void
load_tab (TuttiPupilsView *self,
          Tab              tab)
{
  if (self->client == NULL || self->pupil_id == 0 || self->loading[tab] ||
      self->loaded_for[tab] == self->pupil_id)
    return;

  self->loading[tab] = TRUE;
  self->loaded_for[tab] = self->pupil_id;

  switch (tab)
    {
    case TAB_IDENTITY:
      if (self->pupil == NULL || self->pupil->id != self->pupil_id)
        {
          gtk_spinner_start (self->identity_spinner);
          gtk_stack_set_visible_child_name (self->identity_stack, "loading");
        }
      if (self->family == NULL)
        load_family (self);
      tutti_client_get_pupil_async (self->client, self->pupil_id, self->pupil_cancellable,
                                    get_pupil_cb, load_data_new (self, TRUE, tab));
      break;

    case TAB_COURSES:
      tutti_record_table_show_loading (self->lists[tab]);
      tutti_client_list_courses_async (self->client, self->pupil_id, self->pupil_cancellable,
                                       list_courses_cb, load_data_new (self, TRUE, tab));
      break;

    case TAB_HISTORY:
      tutti_record_table_show_loading (self->lists[tab]);
      tutti_client_list_history_async (self->client, self->pupil_id, self->pupil_cancellable,
                                       list_history_cb, load_data_new (self, TRUE, tab));
      break;

    case TAB_REPERTOIRE:
    case N_TABS:
    default:
      tutti_record_table_show_loading (self->lists[tab]);
      tutti_client_list_repertoire_async (self->client, self->pupil_id, self->pupil_cancellable,
                                          list_repertoire_cb, load_data_new (self, TRUE, tab));
      break;
    }
}

static Tab
get_visible_tab (TuttiPupilsView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->tab_stack);

  for (guint i = 0; i < N_TABS; i++)
    if (g_strcmp0 (name, tab_names[i]) == 0)
      return i;
  return TAB_IDENTITY;
}

static void
switcher_squeezed_cb (TuttiPupilsView *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_squeezer_get_visible_child (self->switcher_squeezer) ==
                                    self->switcher_placeholder);
}

static void
tab_changed_cb (TuttiPupilsView *self)
{
  load_tab (self, get_visible_tab (self));
}

static void
list_retry_cb (TuttiRecordTable *list,
               TuttiPupilsView  *self)
{
  for (guint i = 0; i < N_TABS; i++)
    if (self->lists[i] == list)
      {
        self->loaded_for[i] = 0;
        load_tab (self, i);
      }
}

static void
retry_identity_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TuttiPupilsView *self = TUTTI_PUPILS_VIEW (widget);

  self->loaded_for[TAB_IDENTITY] = 0;
  load_tab (self, TAB_IDENTITY);
}

/* ---- Opening a row ------------------------------------------------------------------ */

static GtkWindow *
get_parent_window (TuttiPupilsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_dialog (TuttiPupilsView *self,
            GtkWindow       *dialog)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = dialog;
  if (dialog != NULL)
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
}

static void
course_activated_cb (TuttiPupilsView *self,
                     gconstpointer    record)
{
  TuttiCourseSheet *sheet = tutti_course_sheet_new (get_parent_window (self), self->client, record);

  set_dialog (self, GTK_WINDOW (sheet));
  gtk_window_present (GTK_WINDOW (sheet));
}

static void
history_activated_cb (TuttiPupilsView *self,
                      gconstpointer    record)
{
  g_autofree char *name = get_pupil_name (self);
  TuttiHistoryRecordDialog *dialog = tutti_history_record_dialog_new (get_parent_window (self),
                                                                      self->client, record, name);

  set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
piece_activated_cb (TuttiPupilsView *self,
                    gconstpointer    record)
{
  const TuttiPiece *piece = record;
  TuttiLang lang = get_lang (self);

  set_dialog (self, tutti_record_details_present (GTK_WIDGET (self), piece->title, piece->composer,
                                                  &tutti_piece_schema, record, lang));
}

/* ---- Choosing the pupil (PUP-1) ----------------------------------------------------- */

static void
select_pupil (TuttiPupilsView *self,
              gint64           pupil_id)
{
  if (self->pupil_id == pupil_id)
    return;

  /* What was loading for the other pupil is of no use now. */
  self->generation++;
  g_cancellable_cancel (self->pupil_cancellable);
  g_clear_object (&self->pupil_cancellable);
  self->pupil_cancellable = g_cancellable_new ();

  self->pupil_id = pupil_id;
  {
    guint position = 0;
    const TuttiHomePupil *shown = find_pupil (self, pupil_id, &position);
    g_autofree char *name = shown != NULL ? g_strdup (shown->first_name) : NULL;

    tutti_reenrolment_view_set_pupil (self->reenrolment_view, pupil_id, name);
  }
  g_clear_pointer (&self->pupil, tutti_pupil_free);
  self->saving = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), FALSE);
  tutti_record_form_set_busy (self->form, FALSE, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pupil_dropdown), TRUE);
  for (guint i = 0; i < N_TABS; i++)
    {
      self->loaded_for[i] = 0;
      self->loading[i] = FALSE;
      if (self->lists[i] != NULL)
        tutti_record_table_clear (self->lists[i]);
    }
  gtk_stack_set_visible_child_name (self->identity_stack, "loading");
  update_banner (self);
  update_save_button (self);

  load_tab (self, get_visible_tab (self));
}

static void pupil_selected_cb (TuttiPupilsView *self);

/* Puts the selector back on the pupil shown, without selecting again. */
static void
show_selected_pupil (TuttiPupilsView *self)
{
  guint position = 0;

  if (find_pupil (self, self->pupil_id, &position) == NULL)
    return;
  g_signal_handlers_block_by_func (self->pupil_dropdown, pupil_selected_cb, self);
  gtk_drop_down_set_selected (self->pupil_dropdown, position);
  g_signal_handlers_unblock_by_func (self->pupil_dropdown, pupil_selected_cb, self);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TuttiPupilsView  *self)
{
  gint64 pupil_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "tutti-pupil-id"));

  if (g_strcmp0 (response, "discard") == 0 && find_pupil (self, pupil_id, NULL) != NULL)
    {
      select_pupil (self, pupil_id);
      show_selected_pupil (self);
    }
}

/* What was typed in the identity and not saved is never thrown away
 * without asking: choosing another pupil asks first (PUP-2). */
static void
ask_discard (TuttiPupilsView *self,
             gint64           pupil_id)
{
  const char *first_name = self->pupil != NULL ? self->pupil->first_name : NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (!tutti_is_blank (first_name))
    /* Translators: %s is the pupil's first name */
    heading = g_strdup_printf (_("Discard the Changes to %s’s File?"), first_name);
  else
    heading = g_strdup (_("Discard the Changes to This File?"));
  dialog = tutti_question_new_discard (GTK_WIDGET (self), heading,
                                       _("What you typed has not been saved and will be lost."));
  g_object_set_data (G_OBJECT (dialog), "tutti-pupil-id", GSIZE_TO_POINTER ((gsize) pupil_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pupil_selected_cb (TuttiPupilsView *self)
{
  guint position = gtk_drop_down_get_selected (self->pupil_dropdown);
  gint64 pupil_id;

  if (self->pupils == NULL || position >= self->pupils->len)
    return;
  pupil_id = ((TuttiHomePupil *) g_ptr_array_index (self->pupils, position))->id;
  if (pupil_id != self->pupil_id && self->pupil != NULL && !self->saving &&
      tutti_record_form_has_changes (self->form))
    {
      /* The selector stays on the pupil shown until the answer. */
      show_selected_pupil (self);
      ask_discard (self, pupil_id);
      return;
    }
  select_pupil (self, pupil_id);
}

static gboolean
same_pupils (GPtrArray *a,
             GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!tutti_record_equal (&tutti_home_pupil_schema, g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* @settled: the pupils and the tabs offered were just loaded; before, a
 * tab not offered yet waits for them. */
static void
show_wanted_pupil (TuttiPupilsView *self,
                   gboolean         settled)
{
  guint position = 0;
  const char *tab = self->wanted_tab != NULL ? self->wanted_tab : tab_names[TAB_IDENTITY];
  GtkWidget *child;

  if (self->wanted_id == 0 || find_pupil (self, self->wanted_id, &position) == NULL)
    return;

  child = adw_view_stack_get_child_by_name (self->tab_stack, tab);
  if (child == NULL || !adw_view_stack_page_get_visible (adw_view_stack_get_page (self->tab_stack, child)))
    {
      if (!settled)
        return;
      tab = tab_names[TAB_IDENTITY];
    }

  self->wanted_id = 0;
  adw_view_stack_set_visible_child_name (self->tab_stack, tab);
  g_clear_pointer (&self->wanted_tab, g_free);
  gtk_drop_down_set_selected (self->pupil_dropdown, position);
  /* The same pupil as before does not notify. */
  pupil_selected_cb (self);
}

static void
get_home_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiHome) home = NULL;
  g_autoptr(TuttiPupilsView) self = NULL;
  g_autoptr(GtkStringList) names = NULL;
  guint position = 0;

  home = tutti_client_get_home_finish (TUTTI_CLIENT (source), result, &error);
  self = load_data_finish (user_data, error);
  if (self == NULL)
    return;

  self->loading_pupils = FALSE;
  gtk_spinner_stop (self->spinner);

  if (home == NULL)
    {
      g_autofree char *description = NULL;

      g_debug ("Loading the pupils: %s", error->message);
      if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_UNAUTHENTICATED))
        return;
      description = describe_error (self, error);
      if (self->pupils == NULL)
        {
          adw_status_page_set_description (self->error_page, description);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }

  /* PUP-1: the Re-enrolment tab while a re-enrolment campaign is open. */
  {
    gboolean reenrolment_open = FALSE;

    for (guint i = 0; i < home->campaigns->len; i++)
      if (((TuttiCampaign *) g_ptr_array_index (home->campaigns, i))->kind == TUTTI_CAMPAIGN_REENROLMENT)
        reenrolment_open = TRUE;
    adw_view_stack_page_set_visible (self->reenrolment_page, reenrolment_open);
  }

  if (same_pupils (self->pupils, home->pupils))
    {
      show_wanted_pupil (self, TRUE);
      return;
    }

  g_clear_pointer (&self->pupils, g_ptr_array_unref);
  self->pupils = g_steal_pointer (&home->pupils);
  if (self->pupils->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < self->pupils->len; i++)
    {
      const TuttiHomePupil *pupil = g_ptr_array_index (self->pupils, i);
      g_autofree char *name = tutti_format_person_name (pupil->surname, pupil->first_name);

      gtk_string_list_append (names, name);
      if (pupil->id == self->pupil_id)
        position = i;
    }
  /* The pupil shown stays when still listed, else the first; the new
   * model's own selection changes are not the person's. */
  g_signal_handlers_block_by_func (self->pupil_dropdown, pupil_selected_cb, self);
  gtk_drop_down_set_model (self->pupil_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->pupil_dropdown, position);
  g_signal_handlers_unblock_by_func (self->pupil_dropdown, pupil_selected_cb, self);
  pupil_selected_cb (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
  show_wanted_pupil (self, TRUE);
}

void
tutti_pupils_view_refresh (TuttiPupilsView *self)
{
  g_return_if_fail (TUTTI_IS_PUPILS_VIEW (self));

  if (self->client == NULL || !tutti_client_is_logged_in (self->client) || self->loading_pupils)
    return;

  self->loading_pupils = TRUE;
  if (self->pupils == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  tutti_client_get_home_async (self->client, self->cancellable, get_home_cb,
                               load_data_new (self, FALSE, TAB_IDENTITY));
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  tutti_pupils_view_refresh (TUTTI_PUPILS_VIEW (widget));
}

void
tutti_pupils_view_show_pupil_tab (TuttiPupilsView *self,
                                  gint64           pupil_id,
                                  const char      *tab)
{
  g_return_if_fail (TUTTI_IS_PUPILS_VIEW (self));

  self->wanted_id = pupil_id;
  g_free (self->wanted_tab);
  self->wanted_tab = g_strdup (tab);
  if (self->pupils != NULL)
    show_wanted_pupil (self, FALSE);
  if (self->wanted_id != 0)
    tutti_pupils_view_refresh (self);
}

void
tutti_pupils_view_show_pupil (TuttiPupilsView *self,
                              gint64           pupil_id)
{
  tutti_pupils_view_show_pupil_tab (self, pupil_id, NULL);
}

void
tutti_pupils_view_clear (TuttiPupilsView *self)
{
  g_return_if_fail (TUTTI_IS_PUPILS_VIEW (self));

  self->session++;
  self->generation++;
  tutti_reenrolment_view_clear (self->reenrolment_view);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_cancellable_cancel (self->pupil_cancellable);
  g_clear_object (&self->pupil_cancellable);
  self->pupil_cancellable = g_cancellable_new ();

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  set_dialog (self, NULL);

  self->loading_pupils = FALSE;
  self->loading_family = FALSE;
  self->fill_when_loaded = FALSE;
  self->saving = FALSE;
  self->pupil_id = 0;
  self->wanted_id = 0;
  g_clear_pointer (&self->wanted_tab, g_free);
  g_clear_pointer (&self->pupils, g_ptr_array_unref);
  g_clear_pointer (&self->pupil, tutti_pupil_free);
  g_clear_pointer (&self->family, tutti_family_free);
  for (guint i = 0; i < N_TABS; i++)
    {
      self->loaded_for[i] = 0;
      self->loading[i] = FALSE;
      if (self->lists[i] != NULL)
        tutti_record_table_clear (self->lists[i]);
    }

  gtk_drop_down_set_model (self->pupil_dropdown, NULL);
  gtk_info_bar_set_revealed (self->banner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), FALSE);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_stack_set_visible_child_name (self->identity_stack, "loading");
  adw_view_stack_set_visible_child_name (self->tab_stack, tab_names[TAB_IDENTITY]);
}

/* ---- Building ----------------------------------------------------------------------- */

static TuttiRecordTable *
create_list (TuttiPupilsView         *self,
             Tab                      tab,
             AdwBin                  *bin,
             const TuttiSchema       *schema,
             const TuttiRecordColumn *columns,
             guint                    n_columns,
             const char              *label,
             const char              *icon_name,
             const char              *empty,
             GCallback                activated)
{
  TuttiRecordTable *list = TUTTI_RECORD_TABLE (tutti_record_table_new (schema, columns, n_columns,
                                                                       get_lang (self)));

  tutti_record_table_set_label (list, label);
  tutti_record_table_set_empty_text (list, icon_name, empty);
  g_signal_connect_object (list, "record-activated", activated, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "retry", G_CALLBACK (list_retry_cb), self, 0);
  adw_bin_set_child (bin, GTK_WIDGET (list));
  self->lists[tab] = list;

  return list;
}

/* The pupil's fields after "use the legal guardian's contact details" that
 * a guardian has too: the ones the switch fills from guardian 1. */
static void
find_contact_keys (TuttiPupilsView *self)
{
  gboolean after = FALSE;

  for (guint i = 0; i < tutti_pupil_schema.n_fields; i++)
    {
      const TuttiField *field = &tutti_pupil_schema.fields[i];
      const TuttiField *guardian_field = tutti_schema_lookup (&tutti_guardian_schema, field->key);

      if (g_str_equal (field->key, "use_guardian_contact"))
        after = TRUE;
      else if (after && guardian_field != NULL && (guardian_field->flags & TUTTI_FIELD_FLAG_EDITABLE) &&
               guardian_field->kind == field->kind)
        g_ptr_array_add (self->contact_keys, (gpointer) field->key);
    }
}

static void
build (TuttiPupilsView *self)
{
  TuttiLang lang = get_lang (self);
  TuttiFormSection sections[G_N_ELEMENTS (pupil_sections)];
  const TuttiRecordColumn course_columns[] = {
    { "name", NULL, TRUE },
    /* Translators: the guide's short title of the school-hours arrangement
     * column (“Ha”, horaires aménagés); the tooltip gives the whole name */
    { "school_hours", C_("column", "School hours"), FALSE },
    { "teacher", NULL, FALSE },
    { "cycle", NULL, FALSE },
    { "room", NULL, FALSE },
    { "day", NULL, FALSE },
    { "time", NULL, FALSE },
    { "duration", NULL, FALSE },
  };
  const TuttiRecordColumn history_columns[] = {
    { "year", NULL, FALSE },
    { "department", NULL, TRUE },
    { "class_name", NULL, TRUE },
    { "cycle", NULL, FALSE },
    { "teacher", NULL, FALSE },
  };
  const TuttiRecordColumn repertoire_columns[] = {
    { "title", NULL, TRUE },
    { "composer", NULL, FALSE },
    { "course", NULL, FALSE },
    { "teacher", NULL, FALSE },
    { "year", NULL, FALSE },
    { "date", NULL, FALSE },
    { "kind", NULL, FALSE },
  };

  if (self->form != NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (pupil_sections); i++)
    {
      sections[i].key = pupil_sections[i].key;
      sections[i].title = _(pupil_sections[i].title);
    }
  self->form = TUTTI_RECORD_FORM (tutti_record_form_new (&tutti_pupil_schema, sections,
                                                         G_N_ELEMENTS (sections), lang));
  tutti_record_form_set_section_description (self->form, "civility",
                                             _("Fields marked with * are required."));
  g_signal_connect_object (self->form, "field-changed", G_CALLBACK (form_field_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_prepend (self->identity_box, GTK_WIDGET (self->form));
  find_contact_keys (self);
  update_school (self);

  create_list (self, TAB_COURSES, self->courses_bin, &tutti_course_schema,
               course_columns, G_N_ELEMENTS (course_columns),
               _("Courses"), "x-office-calendar-symbolic", _("No Courses This Year"),
               G_CALLBACK (course_activated_cb));
  create_list (self, TAB_HISTORY, self->history_bin, &tutti_history_record_schema,
               history_columns, G_N_ELEMENTS (history_columns),
               _("History"), "document-open-recent-symbolic", _("No Past Years"),
               G_CALLBACK (history_activated_cb));
  create_list (self, TAB_REPERTOIRE, self->repertoire_bin, &tutti_piece_schema,
               repertoire_columns, G_N_ELEMENTS (repertoire_columns),
               _("Repertoire"), "emblem-music-symbolic", _("No Pieces Yet"),
               G_CALLBACK (piece_activated_cb));

  update_save_button (self);
}

void
tutti_pupils_view_set_client (TuttiPupilsView *self,
                              TuttiClient     *client)
{
  g_return_if_fail (TUTTI_IS_PUPILS_VIEW (self));

  g_set_object (&self->client, client);
  tutti_reenrolment_view_set_client (self->reenrolment_view, client);
  /* The labels and formats are in the client's language. */
  build (self);
}

/* ---- Keys --------------------------------------------------------------------------- */

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  TuttiPupilsView *self = TUTTI_PUPILS_VIEW (widget);
  Tab tab = get_visible_tab (self);

  if (tab == TAB_IDENTITY || self->lists[tab] == NULL)
    return FALSE;
  tutti_record_table_focus_search (self->lists[tab]);
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
tutti_pupils_view_map (GtkWidget *widget)
{
  TuttiPupilsView *self = TUTTI_PUPILS_VIEW (widget);

  GTK_WIDGET_CLASS (tutti_pupils_view_parent_class)->map (widget);

  /* The family's pupils, fresh each time the view is shown, and the
   * identity: the office may have decided on its changes since. */
  tutti_pupils_view_refresh (self);
  if (self->pupil != NULL && !self->saving && !self->loading[TAB_IDENTITY] &&
      !tutti_record_form_has_changes (self->form))
    {
      self->loaded_for[TAB_IDENTITY] = 0;
      if (get_visible_tab (self) == TAB_IDENTITY)
        load_tab (self, TAB_IDENTITY);
    }
}

static void
tutti_pupils_view_dispose (GObject *object)
{
  TuttiPupilsView *self = TUTTI_PUPILS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->pupil_cancellable);
  g_clear_object (&self->pupil_cancellable);
  set_dialog (self, NULL);

  /* The switchers let go of the tabs before these go. */
  if (self->tab_switcher != NULL)
    adw_view_switcher_set_stack (self->tab_switcher, NULL);
  if (self->narrow_switcher != NULL)
    adw_view_switcher_set_stack (self->narrow_switcher, NULL);
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_PUPILS_VIEW);

  g_clear_object (&self->client);
  g_clear_pointer (&self->pupils, g_ptr_array_unref);
  g_clear_pointer (&self->pupil, tutti_pupil_free);
  g_clear_pointer (&self->family, tutti_family_free);

  G_OBJECT_CLASS (tutti_pupils_view_parent_class)->dispose (object);
}

static void
tutti_pupils_view_finalize (GObject *object)
{
  TuttiPupilsView *self = TUTTI_PUPILS_VIEW (object);

  g_clear_pointer (&self->contact_keys, g_ptr_array_unref);
  g_free (self->wanted_tab);

  G_OBJECT_CLASS (tutti_pupils_view_parent_class)->finalize (object);
}

static void
tutti_pupils_view_class_init (TuttiPupilsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_pupils_view_dispose;
  object_class->finalize = tutti_pupils_view_finalize;
  widget_class->map = tutti_pupils_view_map;

  gtk_widget_class_install_action (widget_class, "pupils.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "pupils.retry-identity", NULL, retry_identity_activated);
  gtk_widget_class_install_action (widget_class, "pupils.save", NULL, save_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_cb, NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-pupils-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, banner);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, pupil_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, tab_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, tab_switcher);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, narrow_switcher);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, switcher_squeezer);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, switcher_placeholder);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, identity_stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, identity_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, identity_error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, identity_box);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, save_button);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, contact_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, courses_bin);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, history_bin);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, repertoire_bin);
  g_type_ensure (TUTTI_TYPE_REENROLMENT_VIEW);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, reenrolment_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiPupilsView, reenrolment_view);
  gtk_widget_class_bind_template_callback (widget_class, pupil_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, tab_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, switcher_squeezed_cb);
}

static void
tutti_pupils_view_init (TuttiPupilsView *self)
{
  self->cancellable = g_cancellable_new ();
  self->pupil_cancellable = g_cancellable_new ();
  self->contact_keys = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pupils.save", FALSE);
}

/* ---- For the UI test ------------------------------------------------------------------ */

const char *
tutti_pupils_view_get_state (TuttiPupilsView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkDropDown *
tutti_pupils_view_get_pupil_dropdown (TuttiPupilsView *self)
{
  return self->pupil_dropdown;
}

gint64
tutti_pupils_view_get_pupil_id (TuttiPupilsView *self)
{
  return self->pupil_id;
}

void
tutti_pupils_view_show_tab (TuttiPupilsView *self,
                            const char      *name)
{
  adw_view_stack_set_visible_child_name (self->tab_stack, name);
}

const char *
tutti_pupils_view_get_tab (TuttiPupilsView *self)
{
  return adw_view_stack_get_visible_child_name (self->tab_stack);
}

const char *
tutti_pupils_view_get_identity_state (TuttiPupilsView *self)
{
  return gtk_stack_get_visible_child_name (self->identity_stack);
}

const TuttiPupil *
tutti_pupils_view_get_pupil (TuttiPupilsView *self)
{
  return self->pupil;
}

TuttiRecordForm *
tutti_pupils_view_get_form (TuttiPupilsView *self)
{
  return self->form;
}

GtkButton *
tutti_pupils_view_get_save_button (TuttiPupilsView *self)
{
  return self->save_button;
}

gboolean
tutti_pupils_view_get_busy (TuttiPupilsView *self)
{
  return self->saving || self->loading_pupils || self->loading_family ||
         self->loading[TAB_IDENTITY];
}

const char *
tutti_pupils_view_get_banner_text (TuttiPupilsView *self)
{
  return gtk_info_bar_get_revealed (self->banner) ? gtk_label_get_label (self->banner_label) : NULL;
}

const char *
tutti_pupils_view_get_contact_text (TuttiPupilsView *self)
{
  return gtk_label_get_label (self->contact_label);
}

/* @name: "courses", "history" or "repertoire" */
TuttiRecordTable *
tutti_pupils_view_get_list (TuttiPupilsView *self,
                            const char      *name)
{
  for (guint i = 0; i < N_TABS; i++)
    if (g_strcmp0 (name, tab_names[i]) == 0)
      return self->lists[i];
  return NULL;
}

/* (nullable): the course sheet, history record or detail opened last. */
GtkWindow *
tutti_pupils_view_get_dialog (TuttiPupilsView *self)
{
  return self->dialog;
}

/* The Re-enrolment tab's content (REE-2..4). */
TuttiReenrolmentView *
tutti_pupils_view_get_reenrolment_view (TuttiPupilsView *self)
{
  return self->reenrolment_view;
}
