/* tutti-reenrolment.c — a pupil's yearly re-enrolment (REE-2..4, MAIL-1)
 *
 * GET /pupils/{id}/reenrolment gives the pupil's re-enrolment in the
 * current campaign with everything the six steps of REE-3 show: the
 * guardians and the pupil as the family last typed them (pre-filled from
 * the file), the image rights, the documents, the pupil's courses with
 * the places of next year's offer each may continue in, the free text and
 * "I accept". PUT saves the data of one step as a draft once it passes
 * that step's rules, and remembers how far the family went, so that the
 * app resumes there with everything typed. POST …/decline records "I do
 * not wish to re-enrol"; POST …/submit sends it to the office (with
 * Idempotency-Key), turns the contact details changed in step 1 into
 * pending changes of the family file (the office validates them in its
 * usual queue, tutti-staff.c) and mails a confirmation in the guardian's
 * language. Once the campaign is closed or past its deadline, any change
 * answers 409 campaign-closed; reading still works (REE-4).
 *
 * The office's routes (STAFF-4) are in tutti-campaigns.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-server"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "tutti-campaigns.h"
#include "tutti-documents.h"
#include "tutti-family.h"
#include "tutti-idempotency.h"
#include "tutti-reenrolment.h"

/* ---- Texts ------------------------------------------------------------------ */

static const TuttiText msg_sent = {
  "This re-enrolment has already been sent to the office.",
  "Cette réinscription a déjà été envoyée au secrétariat.",
};
static const TuttiText msg_declined = {
  "You said you do not wish to re-enrol this pupil: save a step first to change your mind.",
  "Vous avez indiqué ne pas souhaiter réinscrire cet élève : enregistrez d’abord une étape pour changer d’avis.",
};
static const TuttiText msg_bad_step = {
  "Send the number of the step whose data this is, from 1 to 5.",
  "Indiquez le numéro de l’étape dont ce sont les données, de 1 à 5.",
};
static const TuttiText msg_unknown_guardian = {
  "This guardian is not one of the family’s.",
  "Ce responsable n’est pas l’un de ceux de la famille.",
};
static const TuttiText msg_other_pupil = {
  "This is not the pupil of this re-enrolment.",
  "Ce n’est pas l’élève de cette réinscription.",
};
static const TuttiText msg_image_rights = {
  "Answer yes or no.",
  "Répondez oui ou non.",
};
static const TuttiText msg_unknown_course = {
  "This course is not one of the pupil’s.",
  "Ce cours n’est pas l’un de ceux de l’élève.",
};
static const TuttiText msg_course_twice = {
  "This course is listed twice.",
  "Ce cours figure deux fois.",
};
static const TuttiText msg_not_offered = {
  "This place is not offered for this course.",
  "Ce créneau n’est pas proposé pour ce cours.",
};
static const TuttiText msg_full = {
  "This class is full.",
  "Ce cours est complet.",
};
static const TuttiText msg_free_text = {
  "This text is too long (2000 characters at most).",
  "Ce texte est trop long (2000 caractères au plus).",
};
static const TuttiText msg_accept = {
  "Tick “I accept” to send the re-enrolment.",
  "Cochez « J’accepte » pour envoyer la réinscription.",
};

/* The confirmation (MAIL-1, REE-3 step 6) and the acknowledgement of REE-2. */
static const TuttiText mail_submit_subject = {
  "Re-enrolment awaiting validation - ",
  "Réinscription en attente de validation - ",
};
static const TuttiText mail_decline_subject = {
  "Not re-enrolling - ",
  "Non-réinscription - ",
};
static const TuttiText mail_greeting = { "Hello", "Bonjour" };
static const TuttiText mail_awaiting = {
  "Re-enrolment awaiting validation: the school office will confirm it.",
  "Réinscription en attente de validation : le secrétariat du conservatoire la confirmera.",
};
static const TuttiText mail_reenrol = { "re-enrol", "réinscription" };
static const TuttiText mail_not_reenrol = { "not re-enrolled", "pas de réinscription" };
static const TuttiText mail_changes = {
  "Modified elements (awaiting validation by the office)",
  "Éléments modifiés (en attente de validation par le secrétariat)",
};
static const TuttiText mail_contact = {
  "For any request contact the office",
  "Pour toute demande contacter le secrétariat",
};
static const TuttiText colon = { ": ", " : " };
static const TuttiText colon_end = { ":", " :" };

/* ---- Helpers ------------------------------------------------------------------ */

static GError *
api_error (TuttiApiErrorCode  code,
           TuttiLang          lang)
{
  return tutti_api_error_new (code, tutti_api_error_code_message (code, lang));
}

static void
add_field (GError          *error,
           const char      *key,
           const TuttiText *message,
           TuttiLang        lang)
{
  tutti_api_error_add_field (error, key, tutti_text_get (message, lang));
}

static gboolean
has_fields (const GError *error)
{
  return tutti_api_error_get_fields (error) != NULL;
}

static gboolean
state_is_sent (TuttiReenrolmentState state)
{
  return state == TUTTI_REENROLMENT_SUBMITTED || state == TUTTI_REENROLMENT_VALIDATED ||
         state == TUTTI_REENROLMENT_REFUSED;
}

static gboolean
field_is_scalar (const TuttiField *field)
{
  return field->kind != TUTTI_FIELD_OBJECT && field->kind != TUTTI_FIELD_LIST &&
         field->kind != TUTTI_FIELD_STRV;
}

static gboolean
field_is_contact (const TuttiField *field)
{
  return (field->flags & TUTTI_FIELD_FLAG_EDITABLE) && field_is_scalar (field);
}

/* The fields a family may change, from one record to another. */
static void
copy_contact (const TuttiSchema *schema,
              gconstpointer      from,
              gpointer           to)
{
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];
      g_autofree char *text = NULL;
      g_autofree char *before = NULL;

      if (!field_is_contact (field))
        continue;
      text = tutti_record_get_text (schema, from, field->key);
      before = tutti_record_get_text (schema, to, field->key);
      /* Only what differs: an unset value stays unset rather than "". */
      if (!g_str_equal (text, before))
        tutti_record_set_text (schema, to, field->key, text, NULL);
    }
}

static GPtrArray *
load_list (TuttiStore  *store,
           TuttiTable   table,
           const char  *tail,
           gint64       id,
           GError     **error)
{
  sqlite3_stmt *stmt = tutti_store_prepare_select (store, table, tail, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return tutti_store_read_records (store, table, stmt, error);
}

/* @current with the family's pending changes applied: the file as the
 * family last asked for it, which step 1 starts from. */
static gpointer
would_be (TuttiStore     *store,
          TuttiEntity     entity,
          gint64          id,
          gconstpointer   current,
          GError        **error)
{
  const TuttiSchema *schema = tutti_entity_get_schema (entity);
  g_autoptr(GPtrArray) changes = tutti_family_load_changes (store, entity, id, FALSE, error);
  gpointer record;

  if (changes == NULL)
    return NULL;
  record = tutti_record_copy (schema, current);
  for (guint i = 0; i < changes->len; i++)
    {
      const TuttiPendingChange *change = g_ptr_array_index (changes, i);
      const TuttiField *field = tutti_schema_lookup (schema, change->field);

      if (change->state == TUTTI_CHANGE_PENDING && field != NULL && field_is_contact (field))
        tutti_record_set_text (schema, record, field->key, change->new_value, NULL);
    }
  g_ptr_array_set_size (*tutti_entity_get_changes (entity, record), 0);
  return record;
}

/* One TuttiPendingChange (not stored, id 0) per contact field that differs. */
static void
add_differences (GPtrArray     *changes,
                 TuttiEntity    entity,
                 gint64         id,
                 gconstpointer  current,
                 gconstpointer  draft)
{
  const TuttiSchema *schema = tutti_entity_get_schema (entity);

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;
      TuttiPendingChange *change;

      if (!field_is_contact (field))
        continue;
      old_value = tutti_record_get_text (schema, current, field->key);
      new_value = tutti_record_get_text (schema, draft, field->key);
      if (g_str_equal (old_value, new_value))
        continue;
      change = tutti_pending_change_new ();
      change->entity = entity;
      change->entity_id = id;
      change->field = g_strdup (field->key);
      change->old_value = g_steal_pointer (&old_value);
      change->new_value = g_steal_pointer (&new_value);
      change->state = TUTTI_CHANGE_PENDING;
      g_ptr_array_add (changes, change);
    }
}

/* The contact fields of @draft that differ from @current. */
static GPtrArray *
differing_fields (TuttiEntity    entity,
                  gconstpointer  current,
                  gconstpointer  draft)
{
  const TuttiSchema *schema = tutti_entity_get_schema (entity);
  GPtrArray *fields = g_ptr_array_new ();

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const TuttiField *field = &schema->fields[i];
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (!field_is_contact (field))
        continue;
      old_value = tutti_record_get_text (schema, current, field->key);
      new_value = tutti_record_get_text (schema, draft, field->key);
      if (!g_str_equal (old_value, new_value))
        g_ptr_array_add (fields, (gpointer) field);
    }
  return fields;
}

/* "Violon - Vitré", "Théâtre adolescents (12-15 ans)" → "violon",
 * "théâtre adolescents": what a course and an offered place are of. */
static char *
discipline_key (const char *name)
{
  g_autofree char *text = g_strdup (name != NULL ? name : "");
  char *cut;

  cut = g_strrstr (text, " - ");
  if (cut != NULL)
    *cut = '\0';
  cut = strstr (text, " (");
  if (cut != NULL)
    *cut = '\0';
  g_strstrip (text);
  return g_utf8_casefold (text, -1);
}

/* A place of the offer continues a course of the same discipline: the
 * course's name without its site, or its cursus (a discovery course). */
static gboolean
offer_continues (const TuttiOfferItem    *item,
                 const TuttiCourseChoice *choice)
{
  g_autofree char *discipline = discipline_key (item->discipline);
  g_autofree char *course = discipline_key (choice->course_name);
  g_autofree char *cursus = discipline_key (choice->cursus);

  if (*discipline == '\0')
    return FALSE;
  return g_str_equal (discipline, course) || g_str_equal (discipline, cursus);
}

static const TuttiCourseOffer *
find_course_offer (const TuttiReenrolmentFile *file,
                   gint64                      course_id)
{
  for (guint i = 0; i < file->course_offers->len; i++)
    {
      const TuttiCourseOffer *offer = g_ptr_array_index (file->course_offers, i);

      if (offer->course_id == course_id)
        return offer;
    }
  return NULL;
}

static TuttiCourseChoice *
find_choice (GPtrArray *choices,
             gint64     course_id)
{
  for (guint i = 0; i < choices->len; i++)
    {
      TuttiCourseChoice *choice = g_ptr_array_index (choices, i);

      if (choice->course_id == course_id)
        return choice;
    }
  return NULL;
}

static TuttiGuardian *
find_guardian (GPtrArray *guardians,
               gint64     id)
{
  for (guint i = 0; guardians != NULL && i < guardians->len; i++)
    {
      TuttiGuardian *guardian = g_ptr_array_index (guardians, i);

      if (guardian->id == id)
        return guardian;
    }
  return NULL;
}

/* ---- The file ------------------------------------------------------------------ */

static char *
load_draft (TuttiStore  *store,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt = tutti_store_prepare (store, "SELECT draft FROM reenrolments WHERE id = ?", error);
  char *draft = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (tutti_store_step (store, stmt, error))
    {
      draft = tutti_store_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  return draft;
}

/* The changes of the family's guardians and of the pupil since it was
 * sent, and those still pending: what the office has to look at. */
static GPtrArray *
load_sent_changes (TuttiStore              *store,
                   const TuttiReenrolment  *reenrolment,
                   gint64                   family_id,
                   GError                 **error)
{
  sqlite3_stmt *stmt;

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_PENDING_CHANGES,
                                     "WHERE family_id = ?1 "
                                     "AND (entity = 'guardian' OR (entity = 'pupil' AND entity_id = ?2)) "
                                     "AND (state = 'pending' OR created_at >= ?3 OR decided_at >= ?3) "
                                     "ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  sqlite3_bind_int64 (stmt, 2, reenrolment->pupil_id);
  tutti_store_bind_text (stmt, 3, reenrolment->submitted_at != NULL ? reenrolment->submitted_at : "");
  return tutti_store_read_records (store, TUTTI_TABLE_PENDING_CHANGES, stmt, error);
}

TuttiReenrolmentFile *
tutti_reenrolment_load_file (TuttiStore           *store,
                             gint64                pupil_id,
                             const TuttiCampaign  *campaign,
                             GError              **error)
{
  g_autoptr(TuttiReenrolmentFile) file = NULL;
  g_autoptr(TuttiPupil) pupil = NULL;
  g_autoptr(TuttiReenrolment) reenrolment = NULL;
  g_autoptr(TuttiReenrolment) draft = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) guardians = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GPtrArray) offer = NULL;
  g_autofree char *draft_text = NULL;
  GError *local_error = NULL;
  TuttiPupil *pupil_draft;
  gint64 family_id = 0;
  sqlite3_stmt *stmt;
  gboolean sent;

  pupil = tutti_family_load_entity (store, TUTTI_ENTITY_PUPIL, pupil_id, 0, &family_id, error);
  if (pupil == NULL)
    return NULL;

  file = tutti_reenrolment_file_new ();
  file->family_id = family_id;
  file->family_name = tutti_family_load_name (store, family_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  file->campaign = tutti_campaign_copy (campaign);
  file->campaign_open = tutti_campaigns_is_open (campaign);

  stmt = tutti_store_prepare_select (store, TUTTI_TABLE_REENROLMENTS,
                                     "WHERE pupil_id = ? AND campaign_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, campaign->id);
  rows = tutti_store_read_records (store, TUTTI_TABLE_REENROLMENTS, stmt, error);
  if (rows == NULL)
    return NULL;
  if (rows->len > 0)
    reenrolment = g_ptr_array_steal_index (rows, 0);
  else
    {
      reenrolment = tutti_reenrolment_new ();
      reenrolment->pupil_id = pupil_id;
      reenrolment->campaign_id = campaign->id;
      reenrolment->state = TUTTI_REENROLMENT_TO_DO;
    }
  reenrolment->step = CLAMP (reenrolment->step, 1, 6);
  sent = state_is_sent (reenrolment->state);

  if (reenrolment->id > 0)
    {
      draft_text = load_draft (store, reenrolment->id, &local_error);
      if (local_error == NULL)
        saved = load_list (store, TUTTI_TABLE_REENROLMENT_COURSES,
                           "WHERE reenrolment_id = ? ORDER BY id", reenrolment->id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  if (draft_text != NULL)
    {
      draft = tutti_record_from_data (&tutti_reenrolment_schema, draft_text, -1, &local_error);
      if (draft == NULL)
        {
          g_warning ("Re-enrolment %" G_GINT64_FORMAT ": unreadable draft: %s",
                     reenrolment->id, local_error->message);
          g_clear_error (&local_error);
        }
    }

  /* Step 1: the family's file as it would be, then what was typed. */
  guardians = load_list (store, TUTTI_TABLE_GUARDIANS, "WHERE family_id = ? ORDER BY id", family_id, error);
  if (guardians == NULL)
    return NULL;
  for (guint i = 0; i < guardians->len; i++)
    {
      TuttiGuardian *current = g_ptr_array_index (guardians, i);
      TuttiGuardian *typed = draft != NULL ? find_guardian (draft->guardians, current->id) : NULL;
      TuttiGuardian *guardian = would_be (store, TUTTI_ENTITY_GUARDIAN, current->id, current, error);

      if (guardian == NULL)
        return NULL;
      if (typed != NULL)
        copy_contact (&tutti_guardian_schema, typed, guardian);
      g_ptr_array_add (reenrolment->guardians, guardian);
    }
  pupil_draft = would_be (store, TUTTI_ENTITY_PUPIL, pupil->id, pupil, error);
  if (pupil_draft == NULL)
    return NULL;
  if (draft != NULL && draft->pupil != NULL && draft->pupil->id == pupil->id)
    copy_contact (&tutti_pupil_schema, draft->pupil, pupil_draft);
  g_clear_pointer (&reenrolment->pupil, tutti_pupil_free);
  reenrolment->pupil = pupil_draft;

  /* Step 2: the file's answer until the family gives one. */
  if (reenrolment->image_rights == TUTTI_IMAGE_RIGHTS_UNANSWERED && !sent)
    reenrolment->image_rights = pupil_draft->image_rights;
  if (reenrolment->image_rights != TUTTI_IMAGE_RIGHTS_UNANSWERED)
    pupil_draft->image_rights = reenrolment->image_rights;

  /* Step 4: this year's courses, with what was chosen for each. */
  courses = load_list (store, TUTTI_TABLE_COURSES, "WHERE pupil_id = ? ORDER BY id", pupil_id, error);
  if (courses == NULL)
    return NULL;
  g_ptr_array_set_size (reenrolment->courses, 0);
  if (sent && saved != NULL && saved->len > 0)
    {
      for (guint i = 0; i < saved->len; i++)
        g_ptr_array_add (reenrolment->courses, tutti_course_choice_copy (g_ptr_array_index (saved, i)));
    }
  else
    for (guint i = 0; i < courses->len; i++)
      {
        const TuttiCourse *course = g_ptr_array_index (courses, i);
        TuttiCourseChoice *choice = tutti_course_choice_new ();
        const TuttiCourseChoice *chosen = saved != NULL ? find_choice (saved, course->id) : NULL;

        choice->course_id = course->id;
        choice->course_name = g_strdup (course->name);
        choice->cursus = g_strdup (course->cursus);
        choice->school_hours = course->school_hours;
        choice->cycle = g_strdup (course->cycle);
        if (chosen != NULL)
          {
            choice->reenrol = chosen->reenrol;
            choice->offer_id = chosen->offer_id;
          }
        g_ptr_array_add (reenrolment->courses, choice);
      }

  offer = tutti_campaigns_load_offer (store, campaign->id, error);
  if (offer == NULL)
    return NULL;
  for (guint i = 0; i < reenrolment->courses->len; i++)
    {
      const TuttiCourseChoice *choice = g_ptr_array_index (reenrolment->courses, i);
      TuttiCourseOffer *course_offer = tutti_course_offer_new ();

      course_offer->course_id = choice->course_id;
      for (guint j = 0; j < offer->len; j++)
        if (offer_continues (g_ptr_array_index (offer, j), choice))
          g_ptr_array_add (course_offer->offer, tutti_offer_item_copy (g_ptr_array_index (offer, j)));
      g_ptr_array_add (file->course_offers, course_offer);
    }

  /* Step 3. */
  g_clear_pointer (&file->documents, g_ptr_array_unref);
  file->documents = tutti_documents_list (store, family_id, campaign, error);
  if (file->documents == NULL)
    return NULL;

  /* "Modified elements": what was typed against the file; once sent, the
   * changes themselves as the office's queue has them. */
  if (sent)
    {
      g_clear_pointer (&file->changes, g_ptr_array_unref);
      file->changes = load_sent_changes (store, reenrolment, family_id, error);
      if (file->changes == NULL)
        return NULL;
    }
  else
    {
      for (guint i = 0; i < guardians->len; i++)
        {
          const TuttiGuardian *current = g_ptr_array_index (guardians, i);

          add_differences (file->changes, TUTTI_ENTITY_GUARDIAN, current->id, current,
                           g_ptr_array_index (reenrolment->guardians, i));
        }
      add_differences (file->changes, TUTTI_ENTITY_PUPIL, pupil->id, pupil, pupil_draft);
    }

  file->reenrolment = g_steal_pointer (&reenrolment);
  return g_steal_pointer (&file);
}

gboolean
tutti_reenrolment_find (TuttiStore  *store,
                        gint64       id,
                        gint64      *pupil_id,
                        gint64      *campaign_id,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  if (id <= 0)
    return FALSE;
  stmt = tutti_store_prepare (store, "SELECT pupil_id, campaign_id FROM reenrolments WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tutti_store_step (store, stmt, error))
    return FALSE;
  *pupil_id = sqlite3_column_int64 (stmt, 0);
  *campaign_id = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

/* {"guardians": […], "pupil": {…}}: step 1 as typed. */
static char *
draft_to_data (const TuttiReenrolment *reenrolment)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "guardians");
  json_builder_begin_array (builder);
  for (guint i = 0; i < reenrolment->guardians->len; i++)
    json_builder_add_value (builder, tutti_guardian_to_json (g_ptr_array_index (reenrolment->guardians, i)));
  json_builder_end_array (builder);
  if (reenrolment->pupil != NULL)
    {
      json_builder_set_member_name (builder, "pupil");
      json_builder_add_value (builder, tutti_pupil_to_json (reenrolment->pupil));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gboolean
tutti_reenrolment_save (TuttiStore            *store,
                        TuttiReenrolmentFile  *file,
                        GError               **error)
{
  TuttiReenrolment *reenrolment = file->reenrolment;
  g_autofree char *draft = draft_to_data (reenrolment);
  g_autofree char *now = tutti_datetime_now ();
  sqlite3_stmt *stmt;

  if (reenrolment->id <= 0)
    {
      reenrolment->id = tutti_store_insert (store, TUTTI_TABLE_REENROLMENTS, reenrolment, NULL, 0, error);
      if (reenrolment->id == 0)
        return FALSE;
    }

  stmt = tutti_store_prepare (store,
                              "UPDATE reenrolments SET state = ?, step = ?, image_rights = ?, "
                              "free_text = ?, accepted = ?, submitted_at = ?, decided_at = ?, "
                              "reason = ?, draft = ?, updated_at = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  tutti_store_bind_text (stmt, 1, tutti_enum_to_nick (&tutti_reenrolment_state_enum, reenrolment->state));
  sqlite3_bind_int64 (stmt, 2, reenrolment->step);
  tutti_store_bind_text (stmt, 3, tutti_enum_to_nick (&tutti_image_rights_enum, reenrolment->image_rights));
  tutti_store_bind_text (stmt, 4, reenrolment->free_text);
  sqlite3_bind_int (stmt, 5, reenrolment->accepted ? 1 : 0);
  tutti_store_bind_text (stmt, 6, reenrolment->submitted_at);
  tutti_store_bind_text (stmt, 7, reenrolment->decided_at);
  tutti_store_bind_text (stmt, 8, reenrolment->reason);
  tutti_store_bind_text (stmt, 9, draft);
  tutti_store_bind_text (stmt, 10, now);
  sqlite3_bind_int64 (stmt, 11, reenrolment->id);
  if (!tutti_store_run (store, stmt, error))
    return FALSE;

  stmt = tutti_store_prepare (store, "DELETE FROM reenrolment_courses WHERE reenrolment_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reenrolment->id);
  if (!tutti_store_run (store, stmt, error))
    return FALSE;
  for (guint i = 0; i < reenrolment->courses->len; i++)
    if (tutti_store_insert (store, TUTTI_TABLE_REENROLMENT_COURSES, g_ptr_array_index (reenrolment->courses, i),
                            "reenrolment_id", reenrolment->id, error) == 0)
      return FALSE;
  return TRUE;
}

/* ---- Rules of each step ------------------------------------------------------------ */

/* Step 1: every rule of core on the guardians and the pupil as typed;
 * keys "guardians.N.postcode", "pupil.school_level". */
static void
check_contacts (const TuttiReenrolment *reenrolment,
                TuttiLang               lang,
                GError                 *invalid)
{
  for (guint i = 0; i < reenrolment->guardians->len; i++)
    {
      g_autoptr(GHashTable) problems = tutti_record_validate (&tutti_guardian_schema,
                                                              g_ptr_array_index (reenrolment->guardians, i),
                                                              lang);
      GHashTableIter iter;
      gpointer key, message;

      if (problems == NULL)
        continue;
      g_hash_table_iter_init (&iter, problems);
      while (g_hash_table_iter_next (&iter, &key, &message))
        {
          g_autofree char *path = g_strdup_printf ("guardians.%u.%s", i, (const char *) key);

          tutti_api_error_add_field (invalid, path, message);
        }
    }
  if (reenrolment->pupil != NULL)
    {
      g_autoptr(GHashTable) problems = tutti_record_validate (&tutti_pupil_schema, reenrolment->pupil, lang);
      GHashTableIter iter;
      gpointer key, message;

      if (problems == NULL)
        return;
      g_hash_table_iter_init (&iter, problems);
      while (g_hash_table_iter_next (&iter, &key, &message))
        {
          g_autofree char *path = g_strconcat ("pupil.", (const char *) key, NULL);

          tutti_api_error_add_field (invalid, path, message);
        }
    }
}

/* Step 1: takes what the family typed into the file's draft. */
static void
apply_contacts (TuttiReenrolmentFile   *file,
                const TuttiReenrolment *body,
                TuttiLang               lang,
                GError                 *invalid)
{
  TuttiReenrolment *reenrolment = file->reenrolment;

  for (guint i = 0; i < body->guardians->len; i++)
    {
      const TuttiGuardian *typed = g_ptr_array_index (body->guardians, i);
      TuttiGuardian *guardian = find_guardian (reenrolment->guardians, typed->id);

      if (guardian == NULL)
        {
          g_autofree char *key = g_strdup_printf ("guardians.%u.id", i);

          add_field (invalid, key, &msg_unknown_guardian, lang);
          continue;
        }
      copy_contact (&tutti_guardian_schema, typed, guardian);
    }
  if (body->pupil != NULL)
    {
      if (body->pupil->id != 0 && body->pupil->id != reenrolment->pupil_id)
        add_field (invalid, "pupil.id", &msg_other_pupil, lang);
      else
        copy_contact (&tutti_pupil_schema, body->pupil, reenrolment->pupil);
    }
  /* Step 2's answer is the one that counts. */
  if (reenrolment->image_rights != TUTTI_IMAGE_RIGHTS_UNANSWERED)
    reenrolment->pupil->image_rights = reenrolment->image_rights;
}

/* Step 4: each choice names one of the pupil's courses and, when
 * re-enrolled, a place offered for it, or none. */
static void
apply_choices (TuttiReenrolmentFile   *file,
               const TuttiReenrolment *body,
               TuttiLang               lang,
               GError                 *invalid)
{
  TuttiReenrolment *reenrolment = file->reenrolment;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < body->courses->len; i++)
    {
      const TuttiCourseChoice *sent = g_ptr_array_index (body->courses, i);
      TuttiCourseChoice *choice = find_choice (reenrolment->courses, sent->course_id);
      const TuttiCourseOffer *offer;
      const TuttiOfferItem *item = NULL;
      g_autofree char *key = NULL;

      if (choice == NULL || g_hash_table_contains (seen, &sent->course_id))
        {
          key = g_strdup_printf ("courses.%u.course_id", i);
          add_field (invalid, key, choice == NULL ? &msg_unknown_course : &msg_course_twice, lang);
          continue;
        }
      g_hash_table_add (seen, g_memdup2 (&sent->course_id, sizeof sent->course_id));

      choice->reenrol = sent->reenrol;
      choice->offer_id = TUTTI_NO_VALUE;
      if (!sent->reenrol || sent->offer_id == TUTTI_NO_VALUE)
        continue;

      offer = find_course_offer (file, choice->course_id);
      for (guint j = 0; offer != NULL && j < offer->offer->len; j++)
        if (((const TuttiOfferItem *) g_ptr_array_index (offer->offer, j))->id == sent->offer_id)
          item = g_ptr_array_index (offer->offer, j);
      key = g_strdup_printf ("courses.%u.offer_id", i);
      if (item == NULL)
        add_field (invalid, key, &msg_not_offered, lang);
      else if (item->places_left == 0)
        add_field (invalid, key, &msg_full, lang);
      else
        choice->offer_id = item->id;
    }

  if (body->free_text != NULL && g_utf8_strlen (body->free_text, -1) > TUTTI_REENROLMENT_FREE_TEXT_MAX)
    add_field (invalid, "free_text", &msg_free_text, lang);
  g_free (reenrolment->free_text);
  reenrolment->free_text = g_strdup (body->free_text);
}

/* ---- Requests ------------------------------------------------------------------ */

static gint64
caller_family_id (TuttiRequest *request)
{
  TuttiAccount *account = tutti_request_get_account (request);

  return account != NULL && account->family_id > 0 ? account->family_id : 0;
}

static void
reply_error_or_not_found (TuttiRequest *request,
                          const GError *error)
{
  if (error != NULL)
    tutti_request_reply_error (request, error);
  else
    tutti_request_reply_code (request, TUTTI_API_ERROR_NOT_FOUND);
}

/* The caller's own pupil of {id} in the current re-enrolment campaign;
 * %NULL (@error unset) for another family's pupil, or when no campaign
 * has opened. */
static TuttiReenrolmentFile *
load_own_file (TuttiRequest  *request,
               GError       **error)
{
  TuttiStore *store = tutti_request_get_store (request);
  gint64 family_id = caller_family_id (request);
  gint64 id = tutti_family_parse_id (tutti_request_get_param (request, "id"));
  g_autoptr(TuttiPupil) pupil = NULL;
  g_autoptr(TuttiCampaign) campaign = NULL;

  if (family_id <= 0 || id <= 0)
    return NULL;
  pupil = tutti_family_load_entity (store, TUTTI_ENTITY_PUPIL, id, family_id, NULL, error);
  if (pupil == NULL)
    return NULL;
  campaign = tutti_campaigns_current (store, TUTTI_CAMPAIGN_REENROLMENT, error);
  if (campaign == NULL)
    return NULL;
  return tutti_reenrolment_load_file (store, pupil->id, campaign, error);
}

/* Read back from the store, as GET gives it. */
static void
reply_file (TuttiRequest *request,
            gint64        pupil_id,
            gint64        campaign_id)
{
  TuttiStore *store = tutti_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiCampaign) campaign = tutti_campaigns_load (store, campaign_id, FALSE, &error);
  g_autoptr(TuttiReenrolmentFile) file = NULL;

  if (campaign != NULL)
    file = tutti_reenrolment_load_file (store, pupil_id, campaign, &error);
  if (file == NULL)
    reply_error_or_not_found (request, error);
  else
    tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_reenrolment_file_schema, file);
}

/* GET /pupils/{id}/reenrolment */
static void
reenrolment_get (TuttiRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiReenrolmentFile) file = load_own_file (request, &error);

  if (file == NULL)
    reply_error_or_not_found (request, error);
  else
    tutti_request_reply_record (request, SOUP_STATUS_OK, &tutti_reenrolment_file_schema, file);
}

/* 409 campaign-closed, or 409 conflict once sent (or declined, for a
 * submission). */
static GError *
check_changeable (const TuttiReenrolmentFile *file,
                  gboolean                    submitting,
                  TuttiLang                   lang)
{
  TuttiReenrolmentState state = file->reenrolment->state;
  GError *error;

  if (!file->campaign_open)
    return api_error (TUTTI_API_ERROR_CAMPAIGN_CLOSED, lang);
  if (state_is_sent (state) || (submitting && state == TUTTI_REENROLMENT_DECLINED))
    {
      error = api_error (TUTTI_API_ERROR_CONFLICT, lang);
      add_field (error, "state", state_is_sent (state) ? &msg_sent : &msg_declined, lang);
      return error;
    }
  return NULL;
}

static gboolean
save_in_transaction (TuttiStore            *store,
                     TuttiReenrolmentFile  *file,
                     GError               **error)
{
  if (!tutti_store_begin (store, error))
    return FALSE;
  if (tutti_reenrolment_save (store, file, error) && tutti_store_commit (store, error))
    return TRUE;
  tutti_store_rollback (store);
  return FALSE;
}

/* PUT /pupils/{id}/reenrolment: the data of one step ("step": 1 to 5). */
static void
reenrolment_put (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiReenrolmentFile) file = load_own_file (request, &error);
  g_autoptr(TuttiReenrolment) body = NULL;
  TuttiReenrolment *reenrolment;

  if (file == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }
  body = tutti_request_parse_record (request, &tutti_reenrolment_schema, &error);
  if (body == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  error = check_changeable (file, FALSE, lang);
  if (error != NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  reenrolment = file->reenrolment;
  error = api_error (TUTTI_API_ERROR_INVALID, lang);
  switch (body->step)
    {
    case 1:
      apply_contacts (file, body, lang, error);
      if (!has_fields (error))
        check_contacts (reenrolment, lang, error);
      break;

    case 2:
      if (body->image_rights == TUTTI_IMAGE_RIGHTS_UNANSWERED)
        add_field (error, "image_rights", &msg_image_rights, lang);
      reenrolment->image_rights = body->image_rights;
      reenrolment->pupil->image_rights = body->image_rights;
      break;

    case 3:
      /* The documents are uploaded one by one; the step only moves on. */
      break;

    case 4:
      apply_choices (file, body, lang, error);
      break;

    case 5:
      if (!body->accepted)
        add_field (error, "accepted", &msg_accept, lang);
      reenrolment->accepted = body->accepted;
      break;

    default:
      add_field (error, "step", &msg_bad_step, lang);
      break;
    }
  if (has_fields (error))
    {
      tutti_request_reply_error (request, error);
      return;
    }
  g_clear_error (&error);

  /* Resume at the step after the furthest one saved (6 is "sent"). */
  reenrolment->state = TUTTI_REENROLMENT_IN_PROGRESS;
  reenrolment->step = MAX (reenrolment->id > 0 ? reenrolment->step : 1, MIN (body->step + 1, 5));
  g_clear_pointer (&reenrolment->submitted_at, g_free);
  if (!save_in_transaction (store, file, &error))
    {
      tutti_request_reply_error (request, error);
      return;
    }
  reply_file (request, reenrolment->pupil_id, reenrolment->campaign_id);
}

/* -- The e-mails -- */

static TuttiSchool *
load_school (TuttiStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt = tutti_store_prepare_select (store, TUTTI_TABLE_SCHOOL, "WHERE id = 1", &error);

  if (stmt != NULL)
    rows = tutti_store_read_records (store, TUTTI_TABLE_SCHOOL, stmt, &error);
  if (error != NULL)
    g_warning ("Re-enrolment mail: %s", error->message);
  return rows != NULL && rows->len > 0 ? g_ptr_array_steal_index (rows, 0) : NULL;
}

static char *
person_name (TuttiCivility  civility,
             const char    *surname,
             const char    *first_name,
             TuttiLang      lang)
{
  return g_strstrip (g_strdup_printf ("%s %s %s",
                                      civility != TUTTI_CIVILITY_NONE
                                      ? tutti_enum_to_label (&tutti_civility_enum, civility, lang) : "",
                                      surname != NULL ? surname : "",
                                      first_name != NULL ? first_name : ""));
}

static char *
pupil_name (const TuttiReenrolment *reenrolment)
{
  const TuttiPupil *pupil = reenrolment->pupil;

  return person_name (TUTTI_CIVILITY_NONE, pupil->surname, pupil->first_name, TUTTI_LANG_FR);
}

static const char *
field_label (const TuttiSchema *schema,
             const char        *key,
             TuttiLang          lang)
{
  const TuttiField *field = tutti_schema_lookup (schema, key);

  return field != NULL ? tutti_text_get (&field->label, lang) : key;
}

static void
append_contact_line (GString     *body,
                     TuttiSchool *school,
                     TuttiLang    lang)
{
  if (school == NULL)
    return;
  g_string_append_printf (body, "%s%s%s / %s\n", tutti_text_get (&mail_contact, lang),
                          tutti_text_get (&colon, lang),
                          school->phone != NULL ? school->phone : "",
                          school->email != NULL ? school->email : "");
  if (school->name != NULL)
    g_string_append_printf (body, "\n%s\n", school->name);
}

/* "Parcours découvertes instrumentales, Vitré, lundi 17:00" */
static char *
describe_offer_item (const TuttiOfferItem *item,
                     TuttiLang             lang)
{
  GString *text = g_string_new (item->discipline);

  if (item->site != NULL)
    g_string_append_printf (text, ", %s", item->site);
  if (item->day != TUTTI_WEEKDAY_NONE)
    {
      g_autofree char *day = g_utf8_strdown (tutti_enum_to_label (&tutti_weekday_enum, item->day, lang), -1);

      g_string_append_printf (text, ", %s", lang == TUTTI_LANG_FR ? day
                                                                  : tutti_enum_to_label (&tutti_weekday_enum,
                                                                                         item->day, lang));
      if (item->time != NULL)
        {
          g_autofree char *time = tutti_format_time (item->time, lang);

          g_string_append_printf (text, " %s", time);
        }
    }
  return g_string_free (text, FALSE);
}

static char *
compose_submitted (const TuttiReenrolmentFile *file,
                   GPtrArray                  *changes,
                   const char                 *to_name,
                   TuttiSchool                *school,
                   TuttiLang                   lang)
{
  const TuttiReenrolment *reenrolment = file->reenrolment;
  GString *body = g_string_new (NULL);
  g_autofree char *pupil = pupil_name (reenrolment);
  g_autofree char *when = tutti_format_datetime (reenrolment->submitted_at, lang);
  const char *year = file->campaign->school_year != NULL ? file->campaign->school_year : "";
  g_autofree char *intro = NULL;

  g_string_append_printf (body, "%s %s,\n\n", tutti_text_get (&mail_greeting, lang), to_name);
  if (lang == TUTTI_LANG_FR)
    intro = g_strdup_printf ("Votre demande de réinscription de %s pour l’année %s a bien été prise "
                             "en compte (%s).", pupil, year, when);
  else
    intro = g_strdup_printf ("We have received your request to re-enrol %s for the %s school year (%s).",
                             pupil, year, when);
  g_string_append_printf (body, "%s\n\n%s\n\n", intro, tutti_text_get (&mail_awaiting, lang));

  g_string_append_printf (body, "%s%s\n", field_label (&tutti_reenrolment_schema, "courses", lang),
                          tutti_text_get (&colon_end, lang));
  for (guint i = 0; i < reenrolment->courses->len; i++)
    {
      const TuttiCourseChoice *choice = g_ptr_array_index (reenrolment->courses, i);
      const TuttiCourseOffer *offer = find_course_offer (file, choice->course_id);
      g_autofree char *place = NULL;

      for (guint j = 0; offer != NULL && choice->offer_id != TUTTI_NO_VALUE && j < offer->offer->len; j++)
        if (((const TuttiOfferItem *) g_ptr_array_index (offer->offer, j))->id == choice->offer_id)
          place = describe_offer_item (g_ptr_array_index (offer->offer, j), lang);
      g_string_append_printf (body, "- %s%s%s", choice->course_name, tutti_text_get (&colon, lang),
                              tutti_text_get (choice->reenrol ? &mail_reenrol : &mail_not_reenrol, lang));
      if (place != NULL)
        g_string_append_printf (body, " (%s)", place);
      g_string_append_c (body, '\n');
    }
  if (!tutti_is_blank (reenrolment->free_text))
    g_string_append_printf (body, "%s%s%s\n", field_label (&tutti_reenrolment_schema, "free_text", lang),
                            tutti_text_get (&colon, lang), reenrolment->free_text);
  g_string_append_printf (body, "%s%s%s\n\n", field_label (&tutti_reenrolment_schema, "image_rights", lang),
                          tutti_text_get (&colon, lang),
                          tutti_enum_to_label (&tutti_image_rights_enum, reenrolment->image_rights, lang));

  if (file->documents->len > 0)
    {
      g_string_append_printf (body, "%s%s\n", field_label (&tutti_campaign_schema, "required_documents", lang),
                              tutti_text_get (&colon_end, lang));
      for (guint i = 0; i < file->documents->len; i++)
        {
          const TuttiDocument *document = g_ptr_array_index (file->documents, i);

          g_string_append_printf (body, "- %s%s%s\n", document->name != NULL ? document->name : "",
                                  tutti_text_get (&colon, lang),
                                  tutti_enum_to_label (&tutti_document_state_enum, document->state, lang));
        }
      g_string_append_c (body, '\n');
    }

  if (changes->len > 0)
    {
      g_string_append_printf (body, "%s%s\n", tutti_text_get (&mail_changes, lang),
                              tutti_text_get (&colon_end, lang));
      for (guint i = 0; i < changes->len; i++)
        {
          const TuttiPendingChange *change = g_ptr_array_index (changes, i);
          const TuttiSchema *schema = tutti_entity_get_schema (change->entity);
          const TuttiField *field = tutti_schema_lookup (schema, change->field);
          g_autofree char *value = tutti_field_format_text (field, change->new_value, lang);
          g_autofree char *whose = NULL;

          if (change->entity == TUTTI_ENTITY_GUARDIAN)
            {
              const TuttiGuardian *guardian = find_guardian (reenrolment->guardians, change->entity_id);

              whose = person_name (TUTTI_CIVILITY_NONE, guardian != NULL ? guardian->surname : NULL,
                                   guardian != NULL ? guardian->first_name : NULL, lang);
            }
          else
            whose = g_strdup (pupil);
          g_string_append_printf (body, "- %s%s%s (%s)\n", tutti_text_get (&field->label, lang),
                                  tutti_text_get (&colon, lang), value, whose);
        }
      g_string_append_c (body, '\n');
    }

  append_contact_line (body, school, lang);
  return g_string_free (body, FALSE);
}

static char *
compose_declined (const TuttiReenrolmentFile *file,
                  const char                 *to_name,
                  TuttiSchool                *school,
                  TuttiLang                   lang)
{
  GString *body = g_string_new (NULL);
  g_autofree char *pupil = pupil_name (file->reenrolment);
  g_autofree char *deadline = tutti_format_datetime (file->campaign->deadline, lang);
  const char *year = file->campaign->school_year != NULL ? file->campaign->school_year : "";
  g_autofree char *intro = NULL;
  g_autofree char *undo = NULL;

  g_string_append_printf (body, "%s %s,\n\n", tutti_text_get (&mail_greeting, lang), to_name);
  if (lang == TUTTI_LANG_FR)
    {
      intro = g_strdup_printf ("Nous avons bien enregistré que %s ne sera pas %s pour l’année %s.",
                               pupil,
                               file->reenrolment->pupil->civility == TUTTI_CIVILITY_MRS ? "réinscrite"
                               : file->reenrolment->pupil->civility == TUTTI_CIVILITY_MR ? "réinscrit"
                               : "réinscrit(e)",
                               year);
      undo = g_strdup_printf ("En cas d’erreur, vous pouvez encore procéder à la réinscription depuis "
                              "le portail jusqu’au %s.", deadline);
    }
  else
    {
      intro = g_strdup_printf ("We have recorded that %s will not re-enrol for the %s school year.",
                               pupil, year);
      undo = g_strdup_printf ("If this is a mistake, you can still re-enrol from the portal until %s.",
                              deadline);
    }
  g_string_append_printf (body, "%s\n%s\n\n", intro, undo);
  append_contact_line (body, school, lang);
  return g_string_free (body, FALSE);
}

typedef struct
{
  TuttiMailer *mailer;
  char *to_name;
  char *to_address;
  char *subject;
  char *body;
  GBytes *answer;
} MailJob;

static void
mail_job_free (gpointer data)
{
  MailJob *job = data;

  g_clear_object (&job->mailer);
  g_free (job->to_name);
  g_free (job->to_address);
  g_free (job->subject);
  g_free (job->body);
  g_clear_pointer (&job->answer, g_bytes_unref);
  g_free (job);
}

static void
mail_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  MailJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;

  file_name = tutti_mailer_send (job->mailer, job->to_name, job->to_address, job->subject, job->body, &error);
  /* What was recorded stays recorded whatever happens to the mail. */
  if (file_name == NULL)
    g_warning ("Re-enrolment mail to %s: %s", job->to_address, error->message);
  else
    g_debug ("Re-enrolment mail written as %s", file_name);
  g_task_return_boolean (task, TRUE);
}

static void
mail_done (TuttiRequest *request,
           GTask        *task)
{
  MailJob *job = g_task_get_task_data (task);

  tutti_request_reply_bytes (request, SOUP_STATUS_OK, TUTTI_API_CONTENT_TYPE_JSON, job->answer);
}

/* Mails @body to the logged-in guardian, then answers 200 with @answer. */
static void
mail_and_reply (TuttiRequest *request,
                const char   *subject,
                char         *body,
                GBytes       *answer)
{
  TuttiAccount *account = tutti_request_get_account (request);
  TuttiLang lang = tutti_lang_from_tag (account->lang);
  MailJob *job;

  if (tutti_is_blank (account->email))
    {
      g_free (body);
      tutti_request_reply_bytes (request, SOUP_STATUS_OK, TUTTI_API_CONTENT_TYPE_JSON, answer);
      return;
    }

  job = g_new0 (MailJob, 1);
  job->mailer = g_object_ref (tutti_server_get_mailer (tutti_request_get_server (request)));
  job->to_name = person_name (account->civility, account->surname, account->first_name, lang);
  job->to_address = g_strdup (account->email);
  job->subject = g_strdup (subject);
  job->body = body;
  job->answer = g_bytes_ref (answer);
  tutti_request_run_in_thread (request, job, mail_job_free, mail_thread, mail_done);
}

static GBytes *
file_to_bytes (const TuttiReenrolmentFile *file)
{
  char *text = tutti_record_to_data (&tutti_reenrolment_file_schema, file);

  return g_bytes_new_take (text, strlen (text));
}

/* POST /pupils/{id}/reenrolment/decline (REE-2) */
static void
reenrolment_decline (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  TuttiAccount *account = tutti_request_get_account (request);
  TuttiLang mail_lang = tutti_lang_from_tag (account->lang);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiReenrolmentFile) file = load_own_file (request, &error);
  g_autoptr(TuttiReenrolmentFile) saved = NULL;
  g_autoptr(TuttiSchool) school = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *pupil = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *to_name = NULL;
  gboolean already;

  if (file == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }
  error = check_changeable (file, FALSE, lang);
  if (error != NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  already = file->reenrolment->state == TUTTI_REENROLMENT_DECLINED;
  if (!already)
    {
      file->reenrolment->state = TUTTI_REENROLMENT_DECLINED;
      g_free (file->reenrolment->submitted_at);
      file->reenrolment->submitted_at = tutti_datetime_now ();
      if (!save_in_transaction (store, file, &error))
        {
          tutti_request_reply_error (request, error);
          return;
        }
    }

  saved = tutti_reenrolment_load_file (store, file->reenrolment->pupil_id, file->campaign, &error);
  if (saved == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }
  answer = file_to_bytes (saved);
  if (already)
    {
      /* Said again: nothing new to acknowledge. */
      tutti_request_reply_bytes (request, SOUP_STATUS_OK, TUTTI_API_CONTENT_TYPE_JSON, answer);
      return;
    }

  school = load_school (store);
  pupil = pupil_name (saved->reenrolment);
  subject = g_strconcat (tutti_text_get (&mail_decline_subject, mail_lang), pupil, NULL);
  to_name = person_name (account->civility, account->surname, account->first_name, mail_lang);
  mail_and_reply (request, subject, compose_declined (saved, to_name, school, mail_lang), answer);
}

/* Writes step 1's changes as pending changes of the file (the office's
 * queue), then the submitted re-enrolment; in the caller's transaction. */
static gboolean
write_submission (TuttiStore            *store,
                  TuttiReenrolmentFile  *file,
                  GError               **error)
{
  TuttiReenrolment *reenrolment = file->reenrolment;
  g_autoptr(TuttiPupil) pupil = NULL;
  g_autoptr(GPtrArray) guardians = NULL;
  g_autoptr(GPtrArray) pupil_fields = NULL;

  guardians = load_list (store, TUTTI_TABLE_GUARDIANS, "WHERE family_id = ? ORDER BY id",
                         file->family_id, error);
  if (guardians == NULL)
    return FALSE;
  for (guint i = 0; i < guardians->len; i++)
    {
      const TuttiGuardian *current = g_ptr_array_index (guardians, i);
      const TuttiGuardian *typed = find_guardian (reenrolment->guardians, current->id);
      g_autoptr(GPtrArray) fields = NULL;

      if (typed == NULL)
        continue;
      fields = differing_fields (TUTTI_ENTITY_GUARDIAN, current, typed);
      if (fields->len > 0 &&
          !tutti_family_write_changes (store, TUTTI_ENTITY_GUARDIAN, file->family_id, current, typed,
                                       fields, error))
        return FALSE;
    }

  pupil = tutti_family_load_entity (store, TUTTI_ENTITY_PUPIL, reenrolment->pupil_id, file->family_id,
                                    NULL, error);
  if (pupil == NULL)
    return FALSE;
  pupil_fields = differing_fields (TUTTI_ENTITY_PUPIL, pupil, reenrolment->pupil);
  if (pupil_fields->len > 0 &&
      !tutti_family_write_changes (store, TUTTI_ENTITY_PUPIL, file->family_id, pupil, reenrolment->pupil,
                                   pupil_fields, error))
    return FALSE;

  return tutti_reenrolment_save (store, file, error);
}

/* POST /pupils/{id}/reenrolment/submit (REE-3 step 5, Idempotency-Key) */
static void
reenrolment_submit (TuttiRequest *request)
{
  TuttiStore *store = tutti_request_get_store (request);
  TuttiLang lang = tutti_request_get_lang (request);
  TuttiAccount *account = tutti_request_get_account (request);
  TuttiLang mail_lang = tutti_lang_from_tag (account->lang);
  const char *key = tutti_request_get_header (request, TUTTI_API_HEADER_IDEMPOTENCY);
  const char *method = tutti_request_get_method (request);
  const char *path = tutti_request_get_path (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(TuttiReenrolmentFile) file = NULL;
  g_autoptr(TuttiReenrolmentFile) saved = NULL;
  g_autoptr(TuttiReenrolment) body = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(TuttiSchool) school = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *pupil = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *to_name = NULL;
  TuttiIdempotentAnswer replay = { 0 };
  TuttiReenrolment *reenrolment;

  if (key != NULL && !tutti_idempotency_key_is_valid (key))
    {
      tutti_request_reply_code (request, TUTTI_API_ERROR_BAD_REQUEST);
      return;
    }
  file = load_own_file (request, &error);
  if (file == NULL)
    {
      reply_error_or_not_found (request, error);
      return;
    }

  /* An optional body: {"accepted": true}, as step 5 sends it. */
  raw = tutti_request_get_body (request, &error);
  if (raw == NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }
  if (g_bytes_get_size (raw) > 0)
    {
      body = tutti_request_parse_record (request, &tutti_reenrolment_schema, &error);
      if (body == NULL)
        {
          tutti_request_reply_error (request, error);
          return;
        }
      canonical = g_strdup (body->accepted ? "accepted" : "");
    }
  digest = tutti_idempotency_digest (method, path, canonical);

  /* A retry answers as the first time, even once sent or closed. */
  if (key != NULL)
    {
      if (!tutti_idempotency_lookup (store, account->id, key, method, path, digest, &replay, &error))
        {
          tutti_request_reply_error (request, error);
          return;
        }
      if (replay.found)
        {
          tutti_idempotency_reply (request, &replay);
          tutti_idempotent_answer_clear (&replay);
          return;
        }
    }

  error = check_changeable (file, TRUE, lang);
  if (error != NULL)
    {
      tutti_request_reply_error (request, error);
      return;
    }

  /* Every step's rules again, all the fields at fault in one answer. */
  reenrolment = file->reenrolment;
  if (body != NULL && body->accepted)
    reenrolment->accepted = TRUE;
  error = api_error (TUTTI_API_ERROR_INVALID, lang);
  check_contacts (reenrolment, lang, error);
  if (reenrolment->image_rights == TUTTI_IMAGE_RIGHTS_UNANSWERED)
    add_field (error, "image_rights", &msg_image_rights, lang);
  if (!reenrolment->accepted)
    add_field (error, "accepted", &msg_accept, lang);
  if (has_fields (error))
    {
      tutti_request_reply_error (request, error);
      return;
    }
  g_clear_error (&error);

  /* "Modified elements", for the mail, before they become pending changes. */
  changes = g_ptr_array_ref (file->changes);

  reenrolment->state = TUTTI_REENROLMENT_SUBMITTED;
  reenrolment->step = 6;
  g_free (reenrolment->submitted_at);
  reenrolment->submitted_at = tutti_datetime_now ();
  g_clear_pointer (&reenrolment->decided_at, g_free);
  g_clear_pointer (&reenrolment->reason, g_free);

  if (!tutti_store_begin (store, &error))
    goto failed;
  if (!write_submission (store, file, &error))
    goto rollback;
  saved = tutti_reenrolment_load_file (store, reenrolment->pupil_id, file->campaign, &error);
  if (saved == NULL)
    goto rollback;
  answer = file_to_bytes (saved);
  if (key != NULL &&
      !tutti_idempotency_store (store, account->id, key, method, path, digest, SOUP_STATUS_OK,
                                TUTTI_API_CONTENT_TYPE_JSON, answer, &error))
    goto rollback;
  if (!tutti_store_commit (store, &error))
    goto rollback;

  school = load_school (store);
  pupil = pupil_name (saved->reenrolment);
  subject = g_strconcat (tutti_text_get (&mail_submit_subject, mail_lang), pupil, NULL);
  to_name = person_name (account->civility, account->surname, account->first_name, mail_lang);
  mail_and_reply (request, subject, compose_submitted (saved, changes, to_name, school, mail_lang), answer);
  return;

rollback:
  tutti_store_rollback (store);
failed:
  reply_error_or_not_found (request, error);
}

void
tutti_reenrolment_register (TuttiServer *server)
{
  tutti_server_add_route_fmt (server, "GET", TUTTI_API_PUPIL_REENROLMENT_FMT, TUTTI_ROUTE_AUTH,
                              reenrolment_get, "id", NULL);
  tutti_server_add_route_fmt (server, "PUT", TUTTI_API_PUPIL_REENROLMENT_FMT, TUTTI_ROUTE_AUTH,
                              reenrolment_put, "id", NULL);
  tutti_server_add_route_fmt (server, "POST", TUTTI_API_PUPIL_REENROLMENT_DECLINE_FMT, TUTTI_ROUTE_AUTH,
                              reenrolment_decline, "id", NULL);
  tutti_server_add_route_fmt (server, "POST", TUTTI_API_PUPIL_REENROLMENT_SUBMIT_FMT, TUTTI_ROUTE_AUTH,
                              reenrolment_submit, "id", NULL);
}
