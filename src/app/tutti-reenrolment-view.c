/* tutti-reenrolment-view.c — REE-2..4: a pupil's Re-enrolment tab
 *
 * First the two choices ("I wish to re-enrol X", "I do not wish to
 * re-enrol X", REE-2), then the six-step stepper of REE-3: a row of the
 * numbered steps, the current step's page (GtkStack), Back and Next. Each
 * step is saved (PUT) when left, so that the family resumes where it
 * stopped; the submission keeps one Idempotency-Key across its retries.
 * A closed campaign shows the draft read-only (REE-4).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-reenrolment"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-campaign-form.h"
#include "tutti-question.h"
#include "tutti-record-details.h"
#include "tutti-reenrolment-view.h"

#define N_STEPS 6

static const char *step_titles[N_STEPS] = {
  N_("Contact Details"),
  N_("Authorisations"),
  N_("Documents"),
  N_("Courses"),
  N_("Summary"),
  N_("Completion"),
};

static const struct
{
  const char *key;
  const char *title;
} guardian_sections[] = {
  { "civility", N_("Identity") },
  { "address", N_("Contact Details") },
  { "family_situation", N_("Family and Work") },
  { "extra_phone_1", N_("Other Phone Numbers") },
}, pupil_sections[] = {
  { "civility", N_("Identity") },
  { "use_guardian_contact", N_("Contact Details") },
  { "person_to_notify", N_("In Case of Emergency") },
  { "image_rights", N_("Image Rights") },
  { "school_level", N_("Schooling") },
};

struct _TuttiReenrolmentView
{
  AdwBin             parent_instance;

  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  GtkLabel          *closed_label;
  GtkStack          *mode_stack;

  /* The choice (REE-2) */
  GtkLabel          *choice_label;
  GtkButton         *wish_button;
  GtkButton         *decline_button;

  /* The stepper (REE-3) */
  GtkLabel          *step_numbers[N_STEPS];
  GtkLabel          *step_labels[N_STEPS];
  GtkStack          *step_stack;
  GtkLabel          *message_label;
  GtkSpinner        *busy_spinner;
  GtkButton         *back_button;
  GtkButton         *next_button;
  /* Step 1 */
  GtkBox            *forms_box;
  GPtrArray         *forms;           /* TuttiRecordForm: guardians, then the pupil */
  AdwPreferencesGroup *changes_group;
  GtkLabel          *changes_label;
  /* Step 2 */
  GtkCheckButton    *rights_yes;
  GtkCheckButton    *rights_no;
  /* Step 3 */
  TuttiDocumentsPage *documents_page;
  /* Step 4 */
  GtkGrid           *courses_grid;
  GPtrArray         *course_checks;   /* GtkCheckButton */
  GPtrArray         *course_dropdowns;/* GtkDropDown, NULL when nothing offered */
  GtkTextView       *free_text;
  GtkLabel          *free_text_count;
  /* Step 5 */
  GtkLabel          *summary_label;
  GtkCheckButton    *accept_check;
  /* Step 6 */
  AdwStatusPage     *final_page;

  TuttiClient       *client;
  GCancellable      *cancellable;
  gint64             pupil_id;
  char              *pupil_name;
  TuttiReenrolmentFile *file;
  guint              step;            /* 1..6 */
  char              *submit_key;
  gboolean           busy;
  gboolean           read_only;
};

G_DEFINE_FINAL_TYPE (TuttiReenrolmentView, tutti_reenrolment_view, ADW_TYPE_BIN)

static void show_step (TuttiReenrolmentView *self, guint step);
static void fill_from_file (TuttiReenrolmentView *self);

static TuttiLang
get_lang (TuttiReenrolmentView *self)
{
  return self->client != NULL ? tutti_client_get_lang (self->client) : tutti_lang_from_environment ();
}

static void
set_message (TuttiReenrolmentView *self,
             const char           *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_busy (TuttiReenrolmentView *self,
          gboolean              busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), !busy && self->step > 1 && self->step < N_STEPS);
  gtk_widget_set_sensitive (GTK_WIDGET (self->wish_button), !busy && !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->decline_button), !busy && !self->read_only);
}

static void
show_toast_error (TuttiReenrolmentView *self,
                  const GError         *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- Building the draft of a step ------------------------------------------------ */

static TuttiRecordForm *
get_form (TuttiReenrolmentView *self,
          guint                 index)
{
  return self->forms != NULL && index < self->forms->len ? g_ptr_array_index (self->forms, index) : NULL;
}

static void
apply_form (TuttiRecordForm   *form,
            const TuttiSchema *schema,
            gpointer           record)
{
  g_autoptr(GPtrArray) changes = tutti_record_form_get_changes (form);

  for (guint i = 0; i < changes->len; i++)
    {
      const TuttiPendingChange *change = g_ptr_array_index (changes, i);
      g_autoptr(GError) error = NULL;

      if (!tutti_record_set_text (schema, record, change->field, change->new_value, &error))
        g_debug ("%s: %s", change->field, error->message);
    }
}

static TuttiReenrolment *
build_draft (TuttiReenrolmentView *self,
             guint                 step)
{
  const TuttiReenrolment *stored = self->file->reenrolment;
  TuttiReenrolment *draft = tutti_reenrolment_new ();
  GtkTextIter start, end;

  draft->step = step;
  draft->pupil_id = stored->pupil_id;
  draft->campaign_id = stored->campaign_id;
  switch (step)
    {
    case 1:
      for (guint i = 0; i < stored->guardians->len; i++)
        {
          TuttiGuardian *guardian = tutti_guardian_copy (g_ptr_array_index (stored->guardians, i));

          apply_form (get_form (self, i), &tutti_guardian_schema, guardian);
          g_ptr_array_add (draft->guardians, guardian);
        }
      g_clear_pointer (&draft->pupil, tutti_pupil_free);
      draft->pupil = tutti_pupil_copy (stored->pupil);
      apply_form (get_form (self, stored->guardians->len), &tutti_pupil_schema, draft->pupil);
      break;
    case 2:
      draft->image_rights = gtk_check_button_get_active (self->rights_yes) ? TUTTI_IMAGE_RIGHTS_YES :
                            gtk_check_button_get_active (self->rights_no) ? TUTTI_IMAGE_RIGHTS_NO :
                            TUTTI_IMAGE_RIGHTS_UNANSWERED;
      break;
    case 4:
      for (guint i = 0; i < stored->courses->len; i++)
        {
          TuttiCourseChoice *choice = tutti_course_choice_copy (g_ptr_array_index (stored->courses, i));
          GtkDropDown *dropdown = g_ptr_array_index (self->course_dropdowns, i);
          GArray *offer_ids = dropdown != NULL ? g_object_get_data (G_OBJECT (dropdown), "offer-ids") : NULL;
          guint selected = dropdown != NULL ? gtk_drop_down_get_selected (dropdown) : 0;

          choice->reenrol = gtk_check_button_get_active (g_ptr_array_index (self->course_checks, i));
          choice->offer_id = TUTTI_NO_VALUE;
          if (choice->reenrol && offer_ids != NULL && selected >= 1 && selected <= offer_ids->len)
            choice->offer_id = g_array_index (offer_ids, gint64, selected - 1);
          g_ptr_array_add (draft->courses, choice);
        }
      gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->free_text), &start, &end);
      draft->free_text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (self->free_text), &start, &end, FALSE);
      break;
    case 5:
      draft->accepted = gtk_check_button_get_active (self->accept_check);
      break;
    default:
      break;
    }
  return draft;
}

/* Whether the step may be left forward; else says why and focuses. */
static gboolean
check_step (TuttiReenrolmentView *self,
            guint                 step)
{
  switch (step)
    {
    case 1:
      for (guint i = 0; i < self->forms->len; i++)
        if (!tutti_record_form_validate (get_form (self, i)))
          {
            set_message (self, _("Some fields are missing or wrong: they are marked in red."));
            return FALSE;
          }
      return TRUE;
    case 2:
      if (!gtk_check_button_get_active (self->rights_yes) && !gtk_check_button_get_active (self->rights_no))
        {
          set_message (self, _("Answer the question on image rights: Yes or No."));
          gtk_widget_grab_focus (GTK_WIDGET (self->rights_yes));
          return FALSE;
        }
      return TRUE;
    case 4:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->free_text);

        for (guint i = 0; i < self->course_checks->len; i++)
          {
            GtkDropDown *dropdown = g_ptr_array_index (self->course_dropdowns, i);

            if (dropdown != NULL && gtk_check_button_get_active (g_ptr_array_index (self->course_checks, i)) &&
                gtk_drop_down_get_selected (dropdown) == 0)
              {
                set_message (self, _("Choose the slot or site of each course you re-enrol in."));
                gtk_widget_grab_focus (GTK_WIDGET (dropdown));
                return FALSE;
              }
          }
        if (gtk_text_buffer_get_char_count (buffer) > TUTTI_REENROLMENT_FREE_TEXT_MAX)
          {
            set_message (self, _("The other wishes are too long."));
            gtk_widget_grab_focus (GTK_WIDGET (self->free_text));
            return FALSE;
          }
        return TRUE;
      }
    case 5:
      if (!gtk_check_button_get_active (self->accept_check))
        {
          set_message (self, _("Tick “I accept” to validate the re-enrolment."));
          gtk_widget_grab_focus (GTK_WIDGET (self->accept_check));
          return FALSE;
        }
      return TRUE;
    default:
      return TRUE;
    }
}

/* ---- Step 1: "Modified elements" ------------------------------------------------------ */

static void
add_change_line (TuttiReenrolmentView *self,
                 GString              *text,
                 GHashTable           *seen,
                 const TuttiSchema    *schema,
                 const char           *who,
                 const char           *key,
                 const char           *old_value,
                 const char           *new_value)
{
  const TuttiField *field = tutti_schema_lookup (schema, key);
  TuttiLang lang = get_lang (self);
  g_autofree char *id = g_strdup_printf ("%s/%s", who, key);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (field == NULL || g_hash_table_contains (seen, id))
    return;
  g_hash_table_add (seen, g_steal_pointer (&id));
  old_text = tutti_field_format_text (field, old_value, lang);
  new_text = tutti_field_format_text (field, new_value, lang);
  if (text->len > 0)
    g_string_append_c (text, '\n');
  /* Translators: a modified element: who, field, old value → new value */
  g_string_append_printf (text, _("%s — %s: %s → %s"), who, tutti_text_get (&field->label, lang),
                          old_text, new_text);
}

static void
update_changes (TuttiReenrolmentView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const TuttiReenrolment *stored;
  guint n_guardians;

  if (self->file == NULL || self->forms == NULL)
    return;
  stored = self->file->reenrolment;
  n_guardians = stored->guardians->len;

  /* What is typed now, then what the server knows of. */
  for (guint i = 0; i <= n_guardians && i < self->forms->len; i++)
    {
      gboolean is_pupil = i == n_guardians;
      const TuttiSchema *schema = is_pupil ? &tutti_pupil_schema : &tutti_guardian_schema;
      gconstpointer record = is_pupil ? (gconstpointer) stored->pupil : g_ptr_array_index (stored->guardians, i);
      g_autoptr(GPtrArray) changes = tutti_record_form_get_changes (get_form (self, i));
      g_autofree char *who = is_pupil ? tutti_format_person_name (stored->pupil->surname, stored->pupil->first_name)
                                      : tutti_format_person_name (((TuttiGuardian *) record)->surname,
                                                                  ((TuttiGuardian *) record)->first_name);

      for (guint j = 0; j < changes->len; j++)
        {
          const TuttiPendingChange *change = g_ptr_array_index (changes, j);
          g_autofree char *old_value = NULL;

          /* Against the file as it was, when the server said what changed. */
          for (guint k = 0; k < self->file->changes->len && old_value == NULL; k++)
            {
              const TuttiPendingChange *known = g_ptr_array_index (self->file->changes, k);

              if (g_strcmp0 (known->field, change->field) == 0 &&
                  known->entity == (is_pupil ? TUTTI_ENTITY_PUPIL : TUTTI_ENTITY_GUARDIAN) &&
                  known->entity_id == (is_pupil ? stored->pupil->id : ((TuttiGuardian *) record)->id))
                old_value = g_strdup (known->old_value);
            }
          if (old_value == NULL)
            old_value = tutti_record_get_text (schema, record, change->field);
          if (g_strcmp0 (old_value, change->new_value) != 0)
            add_change_line (self, text, seen, schema, who, change->field, old_value, change->new_value);
          else
            g_hash_table_add (seen, g_strdup_printf ("%s/%s", who, change->field));
        }

      for (guint k = 0; k < self->file->changes->len; k++)
        {
          const TuttiPendingChange *known = g_ptr_array_index (self->file->changes, k);

          if (known->entity != (is_pupil ? TUTTI_ENTITY_PUPIL : TUTTI_ENTITY_GUARDIAN) ||
              known->entity_id != (is_pupil ? stored->pupil->id : ((TuttiGuardian *) record)->id))
            continue;
          add_change_line (self, text, seen, schema, who, known->field, known->old_value, known->new_value);
        }
    }

  gtk_label_set_label (self->changes_label, text->len > 0 ? text->str : _("No change so far."));
}

static void
form_field_changed_cb (TuttiReenrolmentView *self)
{
  set_message (self, NULL);
  update_changes (self);
}

/* ---- Filling the pages from the file --------------------------------------------------------- */

static TuttiRecordForm *
new_form (TuttiReenrolmentView *self,
          const TuttiSchema    *schema,
          gboolean              pupil,
          gconstpointer         record)
{
  TuttiFormSection sections[8];
  guint n = pupil ? G_N_ELEMENTS (pupil_sections) : G_N_ELEMENTS (guardian_sections);
  TuttiRecordForm *form;

  for (guint i = 0; i < n; i++)
    {
      sections[i].key = pupil ? pupil_sections[i].key : guardian_sections[i].key;
      sections[i].title = gettext (pupil ? pupil_sections[i].title : guardian_sections[i].title);
    }
  form = TUTTI_RECORD_FORM (tutti_record_form_new (schema, sections, n, get_lang (self)));
  tutti_record_form_set_section_description (form, "civility", _("Fields marked with * are required."));
  tutti_record_form_set_record (form, record);
  if (pupil)
    tutti_record_form_set_locked (form, "image_rights", TRUE);
  g_signal_connect_swapped (form, "field-changed", G_CALLBACK (form_field_changed_cb), self);
  return form;
}

static void
fill_contacts (TuttiReenrolmentView *self)
{
  const TuttiReenrolment *stored = self->file->reenrolment;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->forms_box))) != NULL)
    gtk_box_remove (self->forms_box, child);
  g_ptr_array_set_size (self->forms, 0);

  for (guint i = 0; i < stored->guardians->len; i++)
    {
      const TuttiGuardian *guardian = g_ptr_array_index (stored->guardians, i);
      g_autofree char *name = tutti_format_person_name (guardian->surname, guardian->first_name);
      g_autofree char *title = g_strdup_printf (_("Legal Guardian %u — %s"), i + 1, name);
      GtkWidget *label = gtk_label_new (title);
      TuttiRecordForm *form = new_form (self, &tutti_guardian_schema, FALSE, guardian);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "title-2");
      gtk_box_append (self->forms_box, label);
      gtk_box_append (self->forms_box, GTK_WIDGET (form));
      g_ptr_array_add (self->forms, form);
    }
  {
    g_autofree char *name = tutti_format_person_name (stored->pupil->surname, stored->pupil->first_name);
    g_autofree char *title = g_strdup_printf (_("Pupil — %s"), name);
    GtkWidget *label = gtk_label_new (title);
    TuttiRecordForm *form = new_form (self, &tutti_pupil_schema, TRUE, stored->pupil);

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "title-2");
    gtk_box_append (self->forms_box, label);
    gtk_box_append (self->forms_box, GTK_WIDGET (form));
    g_ptr_array_add (self->forms, form);
  }
  for (guint i = 0; i < self->forms->len; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (get_form (self, i)), !self->read_only);
  update_changes (self);
}

static GPtrArray *
find_offer (TuttiReenrolmentView *self,
            gint64                course_id)
{
  for (guint i = 0; i < self->file->course_offers->len; i++)
    {
      TuttiCourseOffer *offer = g_ptr_array_index (self->file->course_offers, i);

      if (offer->course_id == course_id)
        return offer->offer;
    }
  return NULL;
}

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fill_courses (TuttiReenrolmentView *self)
{
  const TuttiReenrolment *stored = self->file->reenrolment;
  TuttiLang lang = get_lang (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->courses_grid))) != NULL)
    gtk_grid_remove (self->courses_grid, child);
  g_ptr_array_set_size (self->course_checks, 0);
  g_ptr_array_set_size (self->course_dropdowns, 0);

  gtk_grid_attach (self->courses_grid, header_label (_("Cursus")), 0, 0, 1, 1);
  gtk_grid_attach (self->courses_grid, header_label (_("Course")), 1, 0, 1, 1);
  gtk_grid_attach (self->courses_grid, header_label (_("Ha")), 2, 0, 1, 1);
  gtk_grid_attach (self->courses_grid, header_label (_("Cycle")), 3, 0, 1, 1);
  gtk_grid_attach (self->courses_grid, header_label (_("Re-enrol")), 4, 0, 1, 1);
  gtk_grid_attach (self->courses_grid, header_label (_("Available Course")), 5, 0, 1, 1);

  for (guint i = 0; i < stored->courses->len; i++)
    {
      const TuttiCourseChoice *choice = g_ptr_array_index (stored->courses, i);
      GPtrArray *offer = find_offer (self, choice->course_id);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *dropdown = NULL;
      GtkWidget *cells[4];

      cells[0] = gtk_label_new (choice->cursus);
      cells[1] = gtk_label_new (choice->course_name);
      cells[2] = gtk_label_new (choice->school_hours ? _("Yes") : _("No"));
      cells[3] = gtk_label_new (choice->cycle);
      for (guint c = 0; c < 4; c++)
        {
          gtk_label_set_xalign (GTK_LABEL (cells[c]), 0);
          gtk_label_set_wrap (GTK_LABEL (cells[c]), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (cells[c]), 24);
          gtk_grid_attach (self->courses_grid, cells[c], c, i + 1, 1, 1);
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), choice->reenrol);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      choice->course_name, -1);
      gtk_widget_set_sensitive (check, !self->read_only);
      gtk_grid_attach (self->courses_grid, check, 4, i + 1, 1, 1);

      if (offer != NULL && offer->len > 0)
        {
          g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
          GArray *offer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          guint selected = 0;

          gtk_string_list_append (names, _("Choose…"));
          for (guint k = 0; k < offer->len; k++)
            {
              const TuttiOfferItem *item = g_ptr_array_index (offer, k);
              g_autofree char *label = tutti_campaign_form_format_place (item, get_lang (self));

              gtk_string_list_append (names, label);
              g_array_append_val (offer_ids, item->id);
              if (item->id == choice->offer_id)
                selected = k + 1;
            }
          dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
          /* The file is replaced at each save: the dropdown keeps its own ids. */
          g_object_set_data_full (G_OBJECT (dropdown), "offer-ids", offer_ids, (GDestroyNotify) g_array_unref);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
          gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Available Course"), -1);
          gtk_widget_set_sensitive (dropdown, !self->read_only);
          g_object_bind_property (check, "active", dropdown, "visible", G_BINDING_SYNC_CREATE);
          gtk_grid_attach (self->courses_grid, dropdown, 5, i + 1, 1, 1);
        }
      else
        gtk_grid_attach (self->courses_grid, gtk_label_new (_("As this year")), 5, i + 1, 1, 1);
      g_ptr_array_add (self->course_checks, check);
      g_ptr_array_add (self->course_dropdowns, dropdown);
    }
  (void) lang;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->free_text),
                            stored->free_text != NULL ? stored->free_text : "", -1);
  gtk_text_view_set_editable (self->free_text, !self->read_only);
}

static void
fill_summary (TuttiReenrolmentView *self)
{
  g_autoptr(TuttiReenrolment) contacts = build_draft (self, 1);
  g_autoptr(TuttiReenrolment) courses = build_draft (self, 4);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *changes = tutti_reenrolment_view_get_changes_text (self);
  TuttiLang lang = get_lang (self);

  g_string_append_printf (text, "<b>%s</b>\n", _("Contact Details"));
  for (guint i = 0; i < contacts->guardians->len; i++)
    {
      const TuttiGuardian *g = g_ptr_array_index (contacts->guardians, i);
      g_autofree char *line = g_markup_printf_escaped ("%s %s — %s %s %s — %s — %s\n", g->surname, g->first_name,
                                                       g->address != NULL ? g->address : "",
                                                       g->postcode != NULL ? g->postcode : "",
                                                       g->town != NULL ? g->town : "",
                                                       g->mobile_phone != NULL ? g->mobile_phone : "",
                                                       g->email != NULL ? g->email : "");
      g_string_append (text, line);
    }
  {
    g_autofree char *line = g_markup_printf_escaped ("%s %s\n", contacts->pupil->surname, contacts->pupil->first_name);
    g_autofree char *modified = g_markup_printf_escaped ("%s\n", changes);

    g_string_append (text, line);
    g_string_append_printf (text, "<i>%s</i>\n", _("Modified elements:"));
    g_string_append (text, modified);
  }

  g_string_append_printf (text, "\n<b>%s</b>\n%s: %s\n", _("Authorisations"), _("Image rights"),
                          gtk_check_button_get_active (self->rights_yes) ? _("Yes") :
                          gtk_check_button_get_active (self->rights_no) ? _("No") : _("Not answered"));

  g_string_append_printf (text, "\n<b>%s</b>\n", _("Documents"));
  for (guint i = 0; i < self->file->documents->len; i++)
    {
      const TuttiDocument *d = g_ptr_array_index (self->file->documents, i);
      g_autofree char *line = g_markup_printf_escaped ("%s: %s\n", d->name,
                                                       tutti_enum_to_label (&tutti_document_state_enum, d->state, lang));
      g_string_append (text, line);
    }

  g_string_append_printf (text, "\n<b>%s</b>\n", _("Courses"));
  for (guint i = 0; i < courses->courses->len; i++)
    {
      const TuttiCourseChoice *c = g_ptr_array_index (courses->courses, i);
      GtkDropDown *dropdown = g_ptr_array_index (self->course_dropdowns, i);
      const char *place = NULL;
      g_autofree char *line = NULL;

      if (dropdown != NULL && c->reenrol && gtk_drop_down_get_selected (dropdown) > 0)
        place = gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (dropdown)));
      line = g_markup_printf_escaped ("%s: %s%s%s\n", c->course_name,
                                      c->reenrol ? _("re-enrolled") : _("not re-enrolled"),
                                      place != NULL ? " — " : "", place != NULL ? place : "");
      g_string_append (text, line);
    }
  if (courses->free_text != NULL && *courses->free_text != '\0')
    {
      g_autofree char *line = g_markup_printf_escaped ("%s: %s\n", _("Other wishes"), courses->free_text);

      g_string_append (text, line);
    }
  gtk_label_set_markup (self->summary_label, text->str);
}

static void
fill_final (TuttiReenrolmentView *self)
{
  TuttiAccount *account = self->client != NULL ? tutti_client_get_account (self->client) : NULL;
  const TuttiReenrolment *stored = self->file->reenrolment;
  g_autofree char *description = NULL;
  const char *title;

  switch (stored->state)
    {
    case TUTTI_REENROLMENT_VALIDATED:
      title = _("Re-enrolment validated");
      description = g_strdup (_("The school has validated the re-enrolment."));
      break;
    case TUTTI_REENROLMENT_REFUSED:
      title = _("Re-enrolment refused");
      description = g_strdup (stored->reason != NULL ? stored->reason : "");
      break;
    default:
      title = _("Re-enrolment awaiting validation");
      description = g_strdup_printf (_("Re-enrolment complete. Your re-enrolment request has been received. "
                                       "An e-mail has been sent to %s."),
                                     account != NULL && account->email != NULL ? account->email : "");
      break;
    }
  adw_status_page_set_title (self->final_page, title);
  adw_status_page_set_description (self->final_page, description);
}

static void
fill_from_file (TuttiReenrolmentView *self)
{
  const TuttiReenrolment *stored = self->file->reenrolment;
  TuttiLang lang = get_lang (self);
  g_autofree char *deadline = tutti_format_deadline (self->file->campaign->deadline, lang);
  g_autofree char *choice = NULL;
  const char *state = tutti_enum_to_label (&tutti_reenrolment_state_enum, stored->state, lang);

  self->read_only = !self->file->campaign_open;
  gtk_widget_set_visible (GTK_WIDGET (self->closed_label), self->read_only);

  fill_contacts (self);
  gtk_check_button_set_active (self->rights_yes, stored->image_rights == TUTTI_IMAGE_RIGHTS_YES);
  gtk_check_button_set_active (self->rights_no, stored->image_rights == TUTTI_IMAGE_RIGHTS_NO);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rights_yes), !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rights_no), !self->read_only);
  tutti_documents_page_set_read_only (self->documents_page, self->read_only);
  tutti_documents_page_refresh (self->documents_page);
  fill_courses (self);
  gtk_check_button_set_active (self->accept_check, stored->accepted);
  gtk_widget_set_sensitive (GTK_WIDGET (self->accept_check), !self->read_only);
  fill_final (self);

  /* Translators: the re-enrolment's state and the deadline */
  choice = g_strdup_printf (_("Re-enrolment %s: %s. %s."), self->file->campaign->school_year, state, deadline);
  gtk_label_set_label (self->choice_label, choice);
  {
    g_autofree char *wish = g_strdup_printf (_("I wish to re-enrol %s"), self->pupil_name);
    g_autofree char *decline = g_strdup_printf (_("I do not wish to re-enrol %s"), self->pupil_name);

    gtk_button_set_label (self->wish_button, wish);
    gtk_button_set_label (self->decline_button, decline);
  }
  set_busy (self, FALSE);
}

/* ---- Loading -------------------------------------------------------------------------- */

static void
show_for_state (TuttiReenrolmentView *self)
{
  const TuttiReenrolment *stored = self->file->reenrolment;

  switch (stored->state)
    {
    case TUTTI_REENROLMENT_TO_DO:
    case TUTTI_REENROLMENT_DECLINED:
      gtk_stack_set_visible_child_name (self->mode_stack, "choice");
      break;
    case TUTTI_REENROLMENT_IN_PROGRESS:
      gtk_stack_set_visible_child_name (self->mode_stack, "stepper");
      show_step (self, CLAMP ((guint) stored->step, 1, 5));
      break;
    case TUTTI_REENROLMENT_SUBMITTED:
    case TUTTI_REENROLMENT_VALIDATED:
    case TUTTI_REENROLMENT_REFUSED:
    default:
      gtk_stack_set_visible_child_name (self->mode_stack, "stepper");
      show_step (self, N_STEPS);
      break;
    }
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
get_reenrolment_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TuttiReenrolmentView) self = user_data;
  g_autoptr(GError) error = NULL;
  TuttiReenrolmentFile *file;

  file = tutti_client_get_reenrolment_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  if (file == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_pointer (&self->file, tutti_reenrolment_file_free);
  self->file = file;
  fill_from_file (self);
  show_for_state (self);
}

static void
load (TuttiReenrolmentView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->client == NULL || self->pupil_id == 0)
    return;
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  tutti_client_get_reenrolment_async (self->client, self->pupil_id, self->cancellable,
                                      get_reenrolment_cb, g_object_ref (self));
}

static void
retry_clicked_cb (TuttiReenrolmentView *self)
{
  load (self);
}

/* ---- The stepper ---------------------------------------------------------------------------- */

static void
show_step (TuttiReenrolmentView *self,
           guint                 step)
{
  g_autofree char *name = g_strdup_printf ("step%u", step);

  self->step = step;
  set_message (self, NULL);
  if (step == 5)
    fill_summary (self);
  if (step == N_STEPS)
    fill_final (self);
  gtk_stack_set_visible_child_name (self->step_stack, name);

  for (guint i = 0; i < N_STEPS; i++)
    {
      GtkWidget *number = GTK_WIDGET (self->step_numbers[i]);
      GtkWidget *label = GTK_WIDGET (self->step_labels[i]);
      gboolean done = i + 1 < step;
      gboolean current = i + 1 == step;
      g_autofree char *accessible = NULL;

      gtk_label_set_label (self->step_numbers[i], done ? "✓" : "");
      if (!done)
        {
          g_autofree char *n = g_strdup_printf ("%u", i + 1);

          gtk_label_set_label (self->step_numbers[i], n);
        }
      gtk_widget_remove_css_class (number, "accent");
      gtk_widget_remove_css_class (number, "success");
      gtk_widget_remove_css_class (number, "dim-label");
      gtk_widget_remove_css_class (label, "heading");
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (number, current ? "accent" : done ? "success" : "dim-label");
      gtk_widget_add_css_class (label, current ? "heading" : done ? "success" : "dim-label");
      /* Translators: a step of the stepper: number, title, done / current / to do */
      accessible = g_strdup_printf (_("Step %u, %s, %s"), i + 1, gettext (step_titles[i]),
                                    done ? _("done") : current ? _("current") : _("to do"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (number)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), step < N_STEPS);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), step < N_STEPS);
  gtk_button_set_label (self->next_button, step == 5 ? _("Validate") : _("Next"));
  set_busy (self, self->busy);
}

static void
handle_write_error (TuttiReenrolmentView *self,
                    GError               *error)
{
  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_CAMPAIGN_CLOSED))
    {
      /* REE-4: keep what is shown, read-only. */
      self->read_only = TRUE;
      if (self->file != NULL)
        self->file->campaign_open = FALSE;
      gtk_widget_set_visible (GTK_WIDGET (self->closed_label), TRUE);
      fill_from_file (self);
      set_message (self, error->message);
      return;
    }
  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID) && self->step == 1)
    {
      GHashTable *fields = tutti_api_error_get_fields (error);

      /* "guardians.N.key" and "pupil.key" go to their forms. */
      if (fields != NULL)
        {
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, fields);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              g_autoptr(GHashTable) one = g_hash_table_new (g_str_hash, g_str_equal);
              g_auto(GStrv) parts = g_strsplit (key, ".", 3);
              TuttiRecordForm *form = NULL;
              const char *field = NULL;

              if (g_strcmp0 (parts[0], "pupil") == 0 && parts[1] != NULL)
                {
                  form = get_form (self, self->forms->len - 1);
                  field = parts[1];
                }
              else if (g_strcmp0 (parts[0], "guardians") == 0 && parts[1] != NULL && parts[2] != NULL)
                {
                  form = get_form (self, (guint) g_ascii_strtoull (parts[1], NULL, 10));
                  field = parts[2];
                }
              if (form != NULL)
                {
                  g_hash_table_insert (one, (gpointer) field, value);
                  tutti_record_form_show_errors (form, one);
                }
            }
        }
    }
  if (g_error_matches (error, TUTTI_API_ERROR, TUTTI_API_ERROR_INVALID) &&
      tutti_api_error_get_fields (error) != NULL)
    {
      g_autoptr(GString) text = g_string_new (error->message);
      GHashTableIter iter;
      gpointer key, value;

      /* Say why, whatever the step. */
      g_hash_table_iter_init (&iter, tutti_api_error_get_fields (error));
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_string_append_printf (text, " %s", (const char *) value);
      set_message (self, text->str);
      return;
    }
  set_message (self, error->message);
}

typedef struct
{
  TuttiReenrolmentView *self;
  guint                 to_step;
} Move;

static void
submit_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TuttiReenrolmentView) self = user_data;
  g_autoptr(GError) error = NULL;
  TuttiReenrolmentFile *file;

  file = tutti_client_submit_reenrolment_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (file == NULL)
    {
      /* The key stays: Validate again replays rather than submits twice. */
      handle_write_error (self, error);
      return;
    }
  g_clear_pointer (&self->submit_key, g_free);
  g_clear_pointer (&self->file, tutti_reenrolment_file_free);
  self->file = file;
  show_step (self, N_STEPS);
}

static void
save_step_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Move *move = user_data;
  g_autoptr(TuttiReenrolmentView) self = move->self;
  guint to_step = move->to_step;
  g_autoptr(GError) error = NULL;
  TuttiReenrolmentFile *file;

  g_free (move);
  file = tutti_client_save_reenrolment_step_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (file == NULL)
    {
      set_busy (self, FALSE);
      handle_write_error (self, error);
      return;
    }
  /* What the server read back; the forms keep what is typed. */
  tutti_reenrolment_file_free (self->file);
  self->file = file;
  /* Step 1 read back: what is typed is now the draft; "Modified elements"
   * comes from the server's comparison with the file. */
  if (self->step == 1)
    fill_contacts (self);

  if (to_step == N_STEPS)
    {
      if (self->submit_key == NULL)
        self->submit_key = g_uuid_string_random ();
      tutti_client_submit_reenrolment_async (self->client, self->pupil_id, self->submit_key,
                                             self->cancellable, submit_cb, g_object_ref (self));
      return;
    }
  set_busy (self, FALSE);
  show_step (self, to_step);
}

static void
leave_step (TuttiReenrolmentView *self,
            guint                 to_step)
{
  g_autoptr(TuttiReenrolment) draft = NULL;
  Move *move;

  if (self->busy || self->file == NULL)
    return;
  if (self->read_only)
    {
      show_step (self, CLAMP (to_step, 1, N_STEPS - 1));
      return;
    }
  set_message (self, NULL);
  if (!check_step (self, self->step))
    {
      /* Back keeps what is typed without saving it. */
      if (to_step < self->step)
        show_step (self, to_step);
      return;
    }

  draft = build_draft (self, self->step);
  move = g_new0 (Move, 1);
  move->self = g_object_ref (self);
  move->to_step = to_step;
  set_busy (self, TRUE);
  tutti_client_save_reenrolment_step_async (self->client, self->pupil_id, draft, self->cancellable,
                                            save_step_cb, move);
}

static void
next_clicked_cb (TuttiReenrolmentView *self)
{
  leave_step (self, self->step + 1);
}

static void
back_clicked_cb (TuttiReenrolmentView *self)
{
  if (self->step > 1)
    leave_step (self, self->step - 1);
}

/* ---- The choice (REE-2) --------------------------------------------------------------------- */

static void
wish_clicked_cb (TuttiReenrolmentView *self)
{
  if (self->file == NULL)
    return;
  gtk_stack_set_visible_child_name (self->mode_stack, "stepper");
  show_step (self, self->file->reenrolment->state == TUTTI_REENROLMENT_IN_PROGRESS
                   ? CLAMP ((guint) self->file->reenrolment->step, 1, 5) : 1);
}

static void
decline_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TuttiReenrolmentView) self = user_data;
  g_autoptr(GError) error = NULL;
  TuttiReenrolmentFile *file;

  file = tutti_client_decline_reenrolment_finish (TUTTI_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (file == NULL)
    {
      show_toast_error (self, error);
      return;
    }
  g_clear_pointer (&self->file, tutti_reenrolment_file_free);
  self->file = file;
  fill_from_file (self);
  show_for_state (self);
}

static void
decline_response_cb (AdwMessageDialog     *dialog,
                     const char           *response,
                     TuttiReenrolmentView *self)
{
  if (g_strcmp0 (response, "ok") != 0 || self->client == NULL)
    return;
  set_busy (self, TRUE);
  tutti_client_decline_reenrolment_async (self->client, self->pupil_id, self->cancellable,
                                          decline_cb, g_object_ref (self));
}

static void
decline_clicked_cb (TuttiReenrolmentView *self)
{
  g_autofree char *body = g_strdup_printf (_("%s will not be re-enrolled next year."), self->pupil_name);
  AdwMessageDialog *dialog;

  dialog = tutti_question_new (GTK_WIDGET (self), _("Do not re-enrol?"), body, "ok", _("_OK"),
                               ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (decline_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Building the pages ------------------------------------------------------------------------ */

static GtkWidget *
scrolled_page (GtkWidget *child)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  gtk_widget_set_margin_top (child, 18);
  gtk_widget_set_margin_bottom (child, 18);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static GtkWidget *
page_box (const char *title,
          const char *description)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-1");
  gtk_box_append (GTK_BOX (box), heading);
  if (description != NULL)
    {
      GtkWidget *label = gtk_label_new (description);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static void
add_step_page (TuttiReenrolmentView *self,
               guint                 step,
               GtkWidget            *page)
{
  g_autofree char *name = g_strdup_printf ("step%u", step);

  gtk_stack_add_named (self->step_stack, page, name);
}

static void
build_choice (TuttiReenrolmentView *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Re-enrolment"));
  self->choice_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->choice_label, TRUE);
  gtk_label_set_justify (self->choice_label, GTK_JUSTIFY_CENTER);
  self->wish_button = GTK_BUTTON (gtk_button_new ());
  self->decline_button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->wish_button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->wish_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->decline_button), "pill");
  gtk_widget_set_halign (GTK_WIDGET (self->wish_button), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self->decline_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->wish_button, "clicked", G_CALLBACK (wish_clicked_cb), self);
  g_signal_connect_swapped (self->decline_button, "clicked", G_CALLBACK (decline_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->choice_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->wish_button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->decline_button));
  adw_status_page_set_child (ADW_STATUS_PAGE (status), box);
  gtk_stack_add_named (self->mode_stack, status, "choice");
}

static void
free_text_changed_cb (GtkTextBuffer        *buffer,
                      TuttiReenrolmentView *self)
{
  g_autofree char *count = g_strdup_printf ("%d / %d", gtk_text_buffer_get_char_count (buffer),
                                            TUTTI_REENROLMENT_FREE_TEXT_MAX);

  gtk_label_set_label (self->free_text_count, count);
}

static void
answer_changed_cb (TuttiReenrolmentView *self)
{
  set_message (self, NULL);
}

static void
build_stepper (TuttiReenrolmentView *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *steps = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *box, *group, *row, *frame, *label, *scrolled;

  /* The row of steps */
  gtk_widget_set_margin_top (steps, 12);
  gtk_widget_set_margin_bottom (steps, 12);
  gtk_widget_set_margin_start (steps, 12);
  gtk_widget_set_margin_end (steps, 12);
  gtk_box_set_homogeneous (GTK_BOX (steps), TRUE);
  for (guint i = 0; i < N_STEPS; i++)
    {
      GtkWidget *step = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      self->step_numbers[i] = GTK_LABEL (gtk_label_new (NULL));
      self->step_labels[i] = GTK_LABEL (gtk_label_new (gettext (step_titles[i])));
      gtk_widget_add_css_class (GTK_WIDGET (self->step_numbers[i]), "title-3");
      gtk_label_set_wrap (self->step_labels[i], TRUE);
      gtk_label_set_justify (self->step_labels[i], GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (step), GTK_WIDGET (self->step_numbers[i]));
      gtk_box_append (GTK_BOX (step), GTK_WIDGET (self->step_labels[i]));
      gtk_box_append (GTK_BOX (steps), step);
    }
  gtk_box_append (GTK_BOX (outer), steps);
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->step_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->step_stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->step_stack), TRUE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->step_stack));

  /* 1 */
  box = page_box (_("Contact Details"),
                  _("Check the contact details of the legal guardians and of the pupil, and correct them "
                    "where needed. The school validates each change."));
  self->forms_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  self->changes_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->changes_group, _("Modified Elements"));
  self->changes_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->changes_label, 0);
  gtk_label_set_wrap (self->changes_label, TRUE);
  gtk_label_set_selectable (self->changes_label, TRUE);
  adw_preferences_group_add (self->changes_group, GTK_WIDGET (self->changes_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->changes_group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->forms_box));
  add_step_page (self, 1, scrolled_page (box));

  /* 2 */
  box = page_box (_("Authorisations"), NULL);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Image Rights *"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The school may use photos and videos of pupils taken during lessons, "
                                           "concerts and shows to present its activities (website, social networks, "
                                           "publications). It needs the explicit consent of the parents, or of the "
                                           "pupil when of age: answer Yes to give it, No to refuse it. Consent can be "
                                           "withdrawn at any time."));
  self->rights_yes = GTK_CHECK_BUTTON (gtk_check_button_new ());
  self->rights_no = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_group (self->rights_no, self->rights_yes);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Yes, I authorise it"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (self->rights_yes));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->rights_yes));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No, I do not authorise it"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (self->rights_no));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->rights_no));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (box), group);
  add_step_page (self, 2, scrolled_page (box));

  /* 3 */
  box = page_box (_("Documents"),
                  _("Provide each document asked for: Import, choose the file and which document it is. "
                    "A document refused by the school shows why; import it again."));
  self->documents_page = TUTTI_DOCUMENTS_PAGE (tutti_documents_page_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->documents_page), -1, 320);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->documents_page));
  add_step_page (self, 3, scrolled_page (box));

  /* 4 */
  box = page_box (_("Courses"),
                  _("Tick each course to continue next year and choose its slot or site when there is a choice."));
  self->courses_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->courses_grid, 12);
  gtk_grid_set_column_spacing (self->courses_grid, 18);
  frame = gtk_frame_new (NULL);
  gtk_widget_set_margin_top (GTK_WIDGET (self->courses_grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->courses_grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->courses_grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->courses_grid), 12);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->courses_grid));
  gtk_box_append (GTK_BOX (box), frame);
  label = gtk_label_new (_("Other wishes: write here any other request — the site you would like, a new "
                           "instrument, an ensemble, a second course… The school answers them as far as "
                           "it can."));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  self->free_text = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->free_text, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->free_text, 6);
  gtk_text_view_set_bottom_margin (self->free_text, 6);
  gtk_text_view_set_left_margin (self->free_text, 6);
  gtk_text_view_set_right_margin (self->free_text, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->free_text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Other wishes"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_size_request (scrolled, -1, 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->free_text));
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), scrolled);
  self->free_text_count = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->free_text_count, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->free_text_count), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->free_text_count));
  g_signal_connect (gtk_text_view_get_buffer (self->free_text), "changed",
                    G_CALLBACK (free_text_changed_cb), self);
  add_step_page (self, 4, scrolled_page (box));

  /* 5 */
  box = page_box (_("Summary"), _("Check everything, then accept and validate."));
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_selectable (self->summary_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));
  self->accept_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (
                                           _("I accept the school’s rules and certify that the information given is correct *")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->accept_check));
  g_signal_connect_swapped (self->accept_check, "toggled", G_CALLBACK (answer_changed_cb), self);
  g_signal_connect_swapped (self->rights_yes, "toggled", G_CALLBACK (answer_changed_cb), self);
  g_signal_connect_swapped (self->rights_no, "toggled", G_CALLBACK (answer_changed_cb), self);
  add_step_page (self, 5, scrolled_page (box));

  /* 6 */
  self->final_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->final_page, "emblem-ok-symbolic");
  add_step_page (self, 6, GTK_WIDGET (self->final_page));

  /* Back, Next */
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_set_margin_top (bottom, 12);
  gtk_widget_set_margin_bottom (bottom, 12);
  gtk_widget_set_margin_start (bottom, 12);
  gtk_widget_set_margin_end (bottom, 12);
  self->back_button = GTK_BUTTON (gtk_button_new_with_label (_("Back")));
  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->message_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  self->busy_spinner = GTK_SPINNER (gtk_spinner_new ());
  self->next_button = GTK_BUTTON (gtk_button_new_with_label (_("Next")));
  gtk_widget_add_css_class (GTK_WIDGET (self->next_button), "suggested-action");
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->back_button));
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->message_label));
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->busy_spinner));
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->next_button));
  gtk_box_append (GTK_BOX (outer), bottom);

  gtk_stack_add_named (self->mode_stack, outer, "stepper");
}

/* ---- GObject ------------------------------------------------------------------------------------ */

static void
tutti_reenrolment_view_dispose (GObject *object)
{
  TuttiReenrolmentView *self = TUTTI_REENROLMENT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);
  /* AdwBin keeps its own pointer to the template's root. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TUTTI_TYPE_REENROLMENT_VIEW);

  G_OBJECT_CLASS (tutti_reenrolment_view_parent_class)->dispose (object);
}

static void
tutti_reenrolment_view_finalize (GObject *object)
{
  TuttiReenrolmentView *self = TUTTI_REENROLMENT_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->file, tutti_reenrolment_file_free);
  g_clear_pointer (&self->forms, g_ptr_array_unref);
  g_clear_pointer (&self->course_checks, g_ptr_array_unref);
  g_clear_pointer (&self->course_dropdowns, g_ptr_array_unref);
  g_free (self->pupil_name);
  g_free (self->submit_key);

  G_OBJECT_CLASS (tutti_reenrolment_view_parent_class)->finalize (object);
}

static void
tutti_reenrolment_view_class_init (TuttiReenrolmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_reenrolment_view_dispose;
  object_class->finalize = tutti_reenrolment_view_finalize;

  g_type_ensure (TUTTI_TYPE_DOCUMENTS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/tutti/Tutti/ui/tutti-reenrolment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiReenrolmentView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TuttiReenrolmentView, stack);
  gtk_widget_class_bind_template_child (widget_class, TuttiReenrolmentView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TuttiReenrolmentView, error_page);
  gtk_widget_class_bind_template_child (widget_class, TuttiReenrolmentView, closed_label);
  gtk_widget_class_bind_template_child (widget_class, TuttiReenrolmentView, mode_stack);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

static void
tutti_reenrolment_view_init (TuttiReenrolmentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->forms = g_ptr_array_new ();
  self->course_checks = g_ptr_array_new ();
  self->course_dropdowns = g_ptr_array_new ();
  self->step = 1;
  self->pupil_name = g_strdup ("");
  build_choice (self);
  build_stepper (self);
}

GtkWidget *
tutti_reenrolment_view_new (void)
{
  return g_object_new (TUTTI_TYPE_REENROLMENT_VIEW, NULL);
}

void
tutti_reenrolment_view_set_client (TuttiReenrolmentView *self,
                                   TuttiClient          *client)
{
  g_return_if_fail (TUTTI_IS_REENROLMENT_VIEW (self));

  g_set_object (&self->client, client);
  tutti_documents_page_set_client (self->documents_page, client);
}

void
tutti_reenrolment_view_set_pupil (TuttiReenrolmentView *self,
                                  gint64                pupil_id,
                                  const char           *name)
{
  g_return_if_fail (TUTTI_IS_REENROLMENT_VIEW (self));

  g_free (self->pupil_name);
  self->pupil_name = g_strdup (name != NULL ? name : "");
  if (pupil_id == self->pupil_id && self->file != NULL)
    return;
  self->pupil_id = pupil_id;
  g_clear_pointer (&self->submit_key, g_free);
  g_clear_pointer (&self->file, tutti_reenrolment_file_free);
  self->busy = FALSE;
  load (self);
}

void
tutti_reenrolment_view_clear (TuttiReenrolmentView *self)
{
  g_return_if_fail (TUTTI_IS_REENROLMENT_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  self->pupil_id = 0;
  self->busy = FALSE;
  g_clear_pointer (&self->submit_key, g_free);
  g_clear_pointer (&self->file, tutti_reenrolment_file_free);
  tutti_documents_page_clear (self->documents_page);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

const char *
tutti_reenrolment_view_get_state (TuttiReenrolmentView *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "content") == 0)
    return gtk_stack_get_visible_child_name (self->mode_stack);
  return name;
}

guint
tutti_reenrolment_view_get_step (TuttiReenrolmentView *self)
{
  return self->step;
}

gboolean
tutti_reenrolment_view_get_busy (TuttiReenrolmentView *self)
{
  return self->busy;
}

gboolean
tutti_reenrolment_view_get_read_only (TuttiReenrolmentView *self)
{
  return self->read_only;
}

const TuttiReenrolmentFile *
tutti_reenrolment_view_get_file (TuttiReenrolmentView *self)
{
  return self->file;
}

const char *
tutti_reenrolment_view_get_message (TuttiReenrolmentView *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_label (self->message_label) : NULL;
}

const char *
tutti_reenrolment_view_get_choice_text (TuttiReenrolmentView *self)
{
  return gtk_label_get_label (self->choice_label);
}

GtkButton *
tutti_reenrolment_view_get_wish_button (TuttiReenrolmentView *self)
{
  return self->wish_button;
}

GtkButton *
tutti_reenrolment_view_get_decline_button (TuttiReenrolmentView *self)
{
  return self->decline_button;
}

GtkButton *
tutti_reenrolment_view_get_back_button (TuttiReenrolmentView *self)
{
  return self->back_button;
}

GtkButton *
tutti_reenrolment_view_get_next_button (TuttiReenrolmentView *self)
{
  return self->next_button;
}

TuttiRecordForm *
tutti_reenrolment_view_get_form (TuttiReenrolmentView *self,
                                 guint                 index)
{
  return get_form (self, index);
}

char *
tutti_reenrolment_view_get_changes_text (TuttiReenrolmentView *self)
{
  return g_strdup (gtk_label_get_label (self->changes_label));
}

GtkCheckButton *
tutti_reenrolment_view_get_image_rights_button (TuttiReenrolmentView *self,
                                                gboolean              yes)
{
  return yes ? self->rights_yes : self->rights_no;
}

TuttiDocumentsPage *
tutti_reenrolment_view_get_documents_page (TuttiReenrolmentView *self)
{
  return self->documents_page;
}

GtkCheckButton *
tutti_reenrolment_view_get_course_check (TuttiReenrolmentView *self,
                                         guint                 index)
{
  return index < self->course_checks->len ? g_ptr_array_index (self->course_checks, index) : NULL;
}

GtkDropDown *
tutti_reenrolment_view_get_course_dropdown (TuttiReenrolmentView *self,
                                            guint                 index)
{
  return index < self->course_dropdowns->len ? g_ptr_array_index (self->course_dropdowns, index) : NULL;
}

GtkTextView *
tutti_reenrolment_view_get_free_text (TuttiReenrolmentView *self)
{
  return self->free_text;
}

GtkCheckButton *
tutti_reenrolment_view_get_accept_check (TuttiReenrolmentView *self)
{
  return self->accept_check;
}

const char *
tutti_reenrolment_view_get_final_text (TuttiReenrolmentView *self)
{
  return adw_status_page_get_title (self->final_page);
}
