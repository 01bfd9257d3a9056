/* tutti-types.c — the field tables of the data model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-core"

#include "tutti-types.h"

#include "tutti-format.h"
#include "tutti-validate.h"

/* ---- Enums ---------------------------------------------------------------- */

#define DEFINE_ENUM(var, Name, ...)                                            \
  static const char * const var##_nicks[] = { __VA_ARGS__ };                   \
  const TuttiEnum var = {                                                      \
    Name, G_N_ELEMENTS (var##_nicks), var##_nicks, var##_labels                \
  };

static const TuttiText tutti_role_enum_labels[] = {
  { "Family", "Famille" },
  { "Staff", "Personnel" },
};
DEFINE_ENUM (tutti_role_enum, "TuttiRole", "family", "staff")

static const TuttiText tutti_civility_enum_labels[] = {
  { "", "" },
  { "Mr", "Monsieur" },
  { "Mrs", "Madame" },
};
DEFINE_ENUM (tutti_civility_enum, "TuttiCivility", NULL, "mr", "mrs")

static const TuttiText tutti_family_situation_enum_labels[] = {
  { "", "" },
  { "Single", "Célibataire" },
  { "Married", "Marié(e)" },
  { "Civil partnership", "Pacsé(e)" },
  { "Cohabiting", "Vie maritale" },
  { "Separated", "Séparé(e)" },
  { "Divorced", "Divorcé(e)" },
  { "Widowed", "Veuf, veuve" },
};
DEFINE_ENUM (tutti_family_situation_enum, "TuttiFamilySituation",
             NULL, "single", "married", "civil-partnership", "cohabiting",
             "separated", "divorced", "widowed")

/* INSEE's socio-professional categories (PCS), first level. */
static const TuttiText tutti_socio_category_enum_labels[] = {
  { "", "" },
  { "Farmers", "Agriculteurs exploitants" },
  { "Craftspeople, traders and business owners", "Artisans, commerçants et chefs d’entreprise" },
  { "Managers and higher intellectual professions", "Cadres et professions intellectuelles supérieures" },
  { "Intermediate professions", "Professions intermédiaires" },
  { "Employees", "Employés" },
  { "Manual workers", "Ouvriers" },
  { "Retired", "Retraités" },
  { "Other, not working", "Autres personnes sans activité professionnelle" },
};
DEFINE_ENUM (tutti_socio_category_enum, "TuttiSocioCategory",
             NULL, "farmer", "crafts-trade-business", "executive", "intermediate",
             "employee", "worker", "retired", "not-working")

static const TuttiText tutti_image_rights_enum_labels[] = {
  { "Not answered", "Non renseigné" },
  { "Yes", "Oui" },
  { "No", "Non" },
};
DEFINE_ENUM (tutti_image_rights_enum, "TuttiImageRights", NULL, "yes", "no")

static const TuttiText tutti_weekday_enum_labels[] = {
  { "", "" },
  { "Monday", "Lundi" },
  { "Tuesday", "Mardi" },
  { "Wednesday", "Mercredi" },
  { "Thursday", "Jeudi" },
  { "Friday", "Vendredi" },
  { "Saturday", "Samedi" },
  { "Sunday", "Dimanche" },
};
DEFINE_ENUM (tutti_weekday_enum, "TuttiWeekday",
             NULL, "monday", "tuesday", "wednesday", "thursday", "friday",
             "saturday", "sunday")

static const TuttiText tutti_piece_kind_enum_labels[] = {
  { "Studied", "Étudiée" },
  { "Performed", "Jouée en public" },
  { "Exam", "Examen" },
};
DEFINE_ENUM (tutti_piece_kind_enum, "TuttiPieceKind", "studied", "performed", "exam")

static const TuttiText tutti_document_state_enum_labels[] = {
  { "To provide", "À fournir" },
  { "Provided", "Fourni" },
  { "Accepted", "Accepté" },
  { "Refused", "Refusé" },
};
DEFINE_ENUM (tutti_document_state_enum, "TuttiDocumentState",
             "to-provide", "provided", "accepted", "refused")

static const TuttiText tutti_campaign_kind_enum_labels[] = {
  { "Re-enrolment", "Réinscription" },
  { "Pre-enrolment", "Pré-inscription" },
};
DEFINE_ENUM (tutti_campaign_kind_enum, "TuttiCampaignKind", "reenrolment", "preenrolment")

static const TuttiText tutti_reenrolment_state_enum_labels[] = {
  { "To do", "À faire" },
  { "In progress", "En cours" },
  { "Re-enrolled, awaiting validation", "Réinscrit, en attente de validation" },
  { "Validated", "Validée" },
  { "Refused", "Refusée" },
  { "Not re-enrolling", "Ne se réinscrit pas" },
};
DEFINE_ENUM (tutti_reenrolment_state_enum, "TuttiReenrolmentState",
             "to-do", "in-progress", "submitted", "validated", "refused", "declined")

static const TuttiText tutti_preenrolment_state_enum_labels[] = {
  { "Awaiting the school’s answer", "En attente de la réponse du conservatoire" },
  { "Accepted", "Acceptée" },
  { "Refused", "Refusée" },
};
DEFINE_ENUM (tutti_preenrolment_state_enum, "TuttiPreenrolmentState",
             "submitted", "accepted", "refused")

static const TuttiText tutti_change_state_enum_labels[] = {
  { "Awaiting validation", "En attente de validation" },
  { "Accepted", "Acceptée" },
  { "Refused", "Refusée" },
};
DEFINE_ENUM (tutti_change_state_enum, "TuttiChangeState", "pending", "accepted", "refused")

static const TuttiText tutti_entity_enum_labels[] = {
  { "Guardian", "Responsable" },
  { "Pupil", "Élève" },
};
DEFINE_ENUM (tutti_entity_enum, "TuttiEntity", "guardian", "pupil")

static const TuttiText tutti_billing_kind_enum_labels[] = {
  { "Fees", "Cotisations" },
  { "Rentals", "Locations" },
};
DEFINE_ENUM (tutti_billing_kind_enum, "TuttiBillingKind", "fee", "rental")

static const TuttiText tutti_payment_method_enum_labels[] = {
  { "", "" },
  { "Cheque", "Chèque" },
  { "Cash", "Espèces" },
  { "Card", "Carte bancaire" },
  { "Bank transfer", "Virement" },
  { "Direct debit", "Prélèvement" },
  { "Holiday vouchers", "Chèques vacances" },
};
DEFINE_ENUM (tutti_payment_method_enum, "TuttiPaymentMethod",
             NULL, "cheque", "cash", "card", "transfer", "direct-debit", "holiday-vouchers")

/* ---- Field tables --------------------------------------------------------- */

#define REQ  TUTTI_FIELD_FLAG_REQUIRED
#define NUL  TUTTI_FIELD_FLAG_NULLABLE
#define EDIT TUTTI_FIELD_FLAG_EDITABLE
#define SEC  TUTTI_FIELD_FLAG_SECRET
#define COMPUTED TUTTI_FIELD_FLAG_COMPUTED
#define NONE TUTTI_FIELD_FLAG_NONE

/* A field of the struct T: F(T, member, kind, flags, check, "English", "Français") */
#define F(T, member, kind, flags, check, en, fr) \
  { #member, TUTTI_FIELD_##kind, G_STRUCT_OFFSET (T, member), (flags), TUTTI_CHECK_##check, { en, fr }, NULL, NULL, 0 }
/* A field whose JSON key is not the member's name. */
#define FK(T, member, key, kind, flags, check, en, fr) \
  { key, TUTTI_FIELD_##kind, G_STRUCT_OFFSET (T, member), (flags), TUTTI_CHECK_##check, { en, fr }, NULL, NULL, 0 }
#define FE(T, member, enum_var, flags, en, fr) \
  { #member, TUTTI_FIELD_ENUM, G_STRUCT_OFFSET (T, member), (flags), TUTTI_CHECK_NONE, { en, fr }, &enum_var, NULL, 0 }
#define FO(T, member, schema_var, flags, en, fr) \
  { #member, TUTTI_FIELD_OBJECT, G_STRUCT_OFFSET (T, member), (flags), TUTTI_CHECK_NONE, { en, fr }, NULL, &schema_var, 0 }
#define FL(T, member, schema_var, flags, en, fr) \
  { #member, TUTTI_FIELD_LIST, G_STRUCT_OFFSET (T, member), (flags), TUTTI_CHECK_NONE, { en, fr }, NULL, &schema_var, 0 }

#define TUTTI_DEFINE_RECORD(TypeName, type_name, field_table)                          \
  const TuttiSchema type_name##_schema = {                                            \
    #TypeName, sizeof (TypeName), (GDestroyNotify) type_name##_free,                  \
    G_N_ELEMENTS (field_table), field_table                                           \
  };                                                                                  \
  TypeName *type_name##_new (void)                                                    \
  { return tutti_record_new (&type_name##_schema); }                                  \
  TypeName *type_name##_copy (const TypeName *self)                                   \
  { return tutti_record_copy (&type_name##_schema, self); }                           \
  void type_name##_free (TypeName *self)                                              \
  { tutti_record_free (&type_name##_schema, self); }                                  \
  JsonNode *type_name##_to_json (const TypeName *self)                                \
  { return tutti_record_to_json (&type_name##_schema, self); }                        \
  TypeName *type_name##_from_json (JsonNode *node, GError **error)                    \
  { return tutti_record_from_json (&type_name##_schema, node, error); }               \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_copy, type_name##_free)

static const TuttiField site_fields[] = {
  F (TuttiSite, id, STRING, REQ, NONE, "Identifier", "Identifiant"),
  F (TuttiSite, name, STRING, REQ, NONE, "Site", "Site"),
};
TUTTI_DEFINE_RECORD (TuttiSite, tutti_site, site_fields)

static const TuttiField school_fields[] = {
  F (TuttiSchool, name, STRING, REQ, NONE, "Name", "Nom"),
  F (TuttiSchool, address, STRING, NONE, NONE, "Address", "Adresse"),
  F (TuttiSchool, postcode, STRING, NONE, POSTCODE, "Postcode", "Code postal"),
  F (TuttiSchool, town, STRING, NONE, NONE, "Town", "Ville"),
  F (TuttiSchool, phone, STRING, NONE, PHONE, "Phone", "Téléphone"),
  F (TuttiSchool, email, STRING, NONE, EMAIL, "E-mail", "E-mail"),
  F (TuttiSchool, website, STRING, NONE, NONE, "Website", "Site web"),
};
TUTTI_DEFINE_RECORD (TuttiSchool, tutti_school, school_fields)

static const TuttiField account_fields[] = {
  F (TuttiAccount, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiAccount, login, STRING, REQ, NONE, "Identifier", "Identifiant"),
  FE (TuttiAccount, role, tutti_role_enum, NONE, "Role", "Rôle"),
  FE (TuttiAccount, civility, tutti_civility_enum, NONE, "Title", "Civilité"),
  F (TuttiAccount, surname, STRING, NONE, NONE, "Surname", "Nom"),
  F (TuttiAccount, first_name, STRING, NONE, NONE, "First name", "Prénom"),
  F (TuttiAccount, email, STRING, NONE, EMAIL, "E-mail", "E-mail"),
  F (TuttiAccount, site, STRING, NONE, NONE, "Site", "Site"),
  F (TuttiAccount, lang, STRING, NONE, NONE, "Language", "Langue"),
  F (TuttiAccount, family_id, INT, NUL, NONE, "Family", "Famille"),
  F (TuttiAccount, guardian_id, INT, NUL, NONE, "Guardian", "Responsable"),
};
TUTTI_DEFINE_RECORD (TuttiAccount, tutti_account, account_fields)

static const TuttiField session_fields[] = {
  F (TuttiSession, token, STRING, REQ | SEC, NONE, "Token", "Jeton"),
  F (TuttiSession, expires_at, DATETIME, REQ, NONE, "Expires", "Expiration"),
  FO (TuttiSession, account, tutti_account_schema, REQ, "Account", "Compte"),
};
TUTTI_DEFINE_RECORD (TuttiSession, tutti_session, session_fields)

static const TuttiField login_request_fields[] = {
  F (TuttiLoginRequest, site, STRING, REQ, NONE, "Site", "Site"),
  F (TuttiLoginRequest, login, STRING, REQ, NONE, "Identifier", "Identifiant"),
  F (TuttiLoginRequest, password, STRING, REQ | SEC, NONE, "Password", "Mot de passe"),
};
TUTTI_DEFINE_RECORD (TuttiLoginRequest, tutti_login_request, login_request_fields)

static const TuttiField password_reset_request_fields[] = {
  F (TuttiPasswordResetRequest, site, STRING, REQ, NONE, "Site", "Site"),
  F (TuttiPasswordResetRequest, login, STRING, REQ, NONE, "Identifier", "Identifiant"),
  F (TuttiPasswordResetRequest, email, STRING, REQ, EMAIL, "E-mail", "E-mail"),
};
TUTTI_DEFINE_RECORD (TuttiPasswordResetRequest, tutti_password_reset_request, password_reset_request_fields)

static const TuttiField password_change_request_fields[] = {
  F (TuttiPasswordChangeRequest, current, STRING, REQ | SEC, NONE, "Current password", "Mot de passe actuel"),
  FK (TuttiPasswordChangeRequest, new_password, "new", STRING, REQ | SEC, PASSWORD,
      "New password", "Nouveau mot de passe"),
};
TUTTI_DEFINE_RECORD (TuttiPasswordChangeRequest, tutti_password_change_request, password_change_request_fields)

static const TuttiField pending_change_fields[] = {
  F (TuttiPendingChange, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  FE (TuttiPendingChange, entity, tutti_entity_enum, NONE, "Record", "Fiche"),
  F (TuttiPendingChange, entity_id, INT, NONE, NONE, "Record identifier", "Identifiant de la fiche"),
  F (TuttiPendingChange, field, STRING, REQ, NONE, "Field", "Champ"),
  F (TuttiPendingChange, old_value, STRING, NONE, NONE, "Old value", "Ancienne valeur"),
  F (TuttiPendingChange, new_value, STRING, NONE, NONE, "New value", "Nouvelle valeur"),
  FE (TuttiPendingChange, state, tutti_change_state_enum, NONE, "State", "État"),
  F (TuttiPendingChange, reason, STRING, NONE, NONE, "Reason", "Motif"),
  F (TuttiPendingChange, created_at, DATETIME, NONE, NONE, "Date", "Date"),
  F (TuttiPendingChange, decided_at, DATETIME, NONE, NONE, "Decided", "Décision"),
};
TUTTI_DEFINE_RECORD (TuttiPendingChange, tutti_pending_change, pending_change_fields)

static const TuttiField guardian_fields[] = {
  F (TuttiGuardian, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  FE (TuttiGuardian, civility, tutti_civility_enum, REQ | EDIT, "Title", "Civilité"),
  F (TuttiGuardian, surname, STRING, REQ | EDIT, NONE, "Surname", "Nom"),
  F (TuttiGuardian, first_name, STRING, REQ | EDIT, NONE, "First name", "Prénom"),
  F (TuttiGuardian, birth_date, DATE, EDIT, NONE, "Date of birth", "Date de naissance"),
  F (TuttiGuardian, birth_place, STRING, EDIT, NONE, "Place of birth", "Lieu de naissance"),
  F (TuttiGuardian, birth_department, STRING, EDIT, DEPARTMENT, "Département of birth", "Département de naissance"),
  F (TuttiGuardian, address, STRING, REQ | EDIT, NONE, "Address", "Adresse"),
  F (TuttiGuardian, postcode, STRING, REQ | EDIT, POSTCODE, "Postcode", "Code postal"),
  F (TuttiGuardian, town, STRING, REQ | EDIT, NONE, "Town", "Ville"),
  F (TuttiGuardian, home_phone, STRING, EDIT, PHONE, "Home phone", "Tél domicile"),
  F (TuttiGuardian, mobile_phone, STRING, EDIT, PHONE, "Mobile", "Mobile"),
  F (TuttiGuardian, work_phone, STRING, EDIT, PHONE, "Work phone", "Tél pro"),
  F (TuttiGuardian, email, STRING, REQ | EDIT, EMAIL, "E-mail", "E-mail"),
  FE (TuttiGuardian, family_situation, tutti_family_situation_enum, EDIT, "Family situation", "Situation familiale"),
  FE (TuttiGuardian, socio_category, tutti_socio_category_enum, EDIT,
      "Socio-professional category", "Code socio-professionnel"),
  F (TuttiGuardian, profession, STRING, EDIT, NONE, "Profession", "Profession"),
  F (TuttiGuardian, extra_phone_1, STRING, EDIT, PHONE, "Other phone", "Tél supplémentaire"),
  F (TuttiGuardian, extra_phone_2, STRING, EDIT, PHONE, "Other phone", "Tél supplémentaire"),
  F (TuttiGuardian, extra_phone_3, STRING, EDIT, PHONE, "Other phone", "Tél supplémentaire"),
  F (TuttiGuardian, login, STRING, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiGuardian, lang, STRING, NONE, NONE, "Language", "Langue"),
  FL (TuttiGuardian, pending_changes, tutti_pending_change_schema, NONE,
      "Changes awaiting validation", "Modifications en attente de validation"),
};
TUTTI_DEFINE_RECORD (TuttiGuardian, tutti_guardian, guardian_fields)

static const TuttiField family_fields[] = {
  F (TuttiFamily, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiFamily, name, STRING, REQ, NONE, "Family", "Famille"),
  FL (TuttiFamily, guardians, tutti_guardian_schema, NONE, "Guardians", "Responsables"),
  FO (TuttiFamily, school, tutti_school_schema, NONE, "School", "Établissement"),
};
TUTTI_DEFINE_RECORD (TuttiFamily, tutti_family, family_fields)

static const TuttiField pupil_fields[] = {
  F (TuttiPupil, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiPupil, family_id, INT, NONE, NONE, "Family", "Famille"),
  FE (TuttiPupil, civility, tutti_civility_enum, REQ | EDIT, "Title", "Civilité"),
  F (TuttiPupil, surname, STRING, REQ | EDIT, NONE, "Surname", "Nom"),
  F (TuttiPupil, first_name, STRING, REQ | EDIT, NONE, "First name", "Prénom"),
  F (TuttiPupil, birth_date, DATE, REQ | EDIT, NONE, "Date of birth", "Date de naissance"),
  F (TuttiPupil, birth_place, STRING, EDIT, NONE, "Place of birth", "Lieu de naissance"),
  F (TuttiPupil, birth_department, STRING, EDIT, DEPARTMENT, "Département of birth", "Département de naissance"),
  FE (TuttiPupil, family_situation, tutti_family_situation_enum, EDIT, "Family situation", "Situation familiale"),
  F (TuttiPupil, use_guardian_contact, BOOL, EDIT, NONE,
     "Use the legal guardian’s contact details", "Utiliser les coordonnées du responsable légal"),
  F (TuttiPupil, address, STRING, EDIT, NONE, "Address", "Adresse"),
  F (TuttiPupil, postcode, STRING, REQ | EDIT, POSTCODE, "Postcode", "Code postal"),
  F (TuttiPupil, town, STRING, EDIT, NONE, "Town", "Ville"),
  F (TuttiPupil, home_phone, STRING, EDIT, PHONE, "Home phone", "Tél domicile"),
  F (TuttiPupil, mobile_phone, STRING, EDIT, PHONE, "Mobile", "Mobile"),
  F (TuttiPupil, work_phone, STRING, EDIT, PHONE, "Work phone", "Tél pro"),
  F (TuttiPupil, email, STRING, EDIT, EMAIL, "E-mail", "E-mail"),
  F (TuttiPupil, person_to_notify, STRING, EDIT, NONE, "Person to notify", "Personne à prévenir"),
  F (TuttiPupil, emergency_phone, STRING, EDIT, PHONE, "Emergency phone", "Tél urgence"),
  FE (TuttiPupil, image_rights, tutti_image_rights_enum, EDIT, "Image rights", "Droit à l’image"),
  F (TuttiPupil, school_level, STRING, REQ | EDIT, NONE, "School level", "Niveau scolaire"),
  FL (TuttiPupil, pending_changes, tutti_pending_change_schema, NONE,
      "Changes awaiting validation", "Modifications en attente de validation"),
};
TUTTI_DEFINE_RECORD (TuttiPupil, tutti_pupil, pupil_fields)

static const TuttiField evaluation_fields[] = {
  F (TuttiEvaluation, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiEvaluation, type, STRING, NONE, NONE, "Evaluation type", "Type d’évaluation"),
  F (TuttiEvaluation, date, DATE, NONE, NONE, "Date", "Date"),
  F (TuttiEvaluation, criterion_type, STRING, NONE, NONE, "Criterion type", "Type de critère"),
  F (TuttiEvaluation, mark, DECIMAL, NUL, NONE, "Mark", "Note"),
  F (TuttiEvaluation, denominator, DECIMAL, NUL, NONE, "Out of", "Dénominateur"),
  F (TuttiEvaluation, coefficient, DECIMAL, NUL, NONE, "Coefficient", "Coef."),
  F (TuttiEvaluation, letter, STRING, NONE, NONE, "Letter", "Lettre"),
  F (TuttiEvaluation, mention, STRING, NONE, NONE, "Mention", "Mention"),
  F (TuttiEvaluation, appreciation, STRING, NONE, NONE, "Appreciation", "Appréciation"),
  F (TuttiEvaluation, choice, STRING, NONE, NONE, "Choice", "Choix"),
  F (TuttiEvaluation, absent, BOOL, NONE, NONE, "Absent", "Absent"),
  F (TuttiEvaluation, reason, STRING, NONE, NONE, "Reason", "Motif"),
};
TUTTI_DEFINE_RECORD (TuttiEvaluation, tutti_evaluation, evaluation_fields)

static const TuttiField absence_fields[] = {
  F (TuttiAbsence, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiAbsence, date, DATE, NONE, NONE, "Date", "Date"),
  F (TuttiAbsence, time, TIME, NONE, NONE, "Time", "Heure"),
  F (TuttiAbsence, duration, MINUTES, NONE, NONE, "Duration", "Durée"),
  F (TuttiAbsence, justified, BOOL, NONE, NONE, "Justified", "Justifiée"),
  F (TuttiAbsence, reason, STRING, NONE, NONE, "Reason", "Motif"),
  F (TuttiAbsence, comment, STRING, NONE, NONE, "Comment", "Commentaire"),
};
TUTTI_DEFINE_RECORD (TuttiAbsence, tutti_absence, absence_fields)

static const TuttiField course_fields[] = {
  F (TuttiCourse, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiCourse, pupil_id, INT, NONE, NONE, "Pupil", "Élève"),
  F (TuttiCourse, name, STRING, REQ, NONE, "Course", "Cours"),
  F (TuttiCourse, cursus, STRING, NONE, NONE, "Cursus", "Cursus"),
  F (TuttiCourse, school_hours, BOOL, NONE, NONE, "School-hours arrangement", "Horaires aménagés"),
  F (TuttiCourse, teacher, STRING, NONE, NONE, "Teacher", "Enseignant"),
  F (TuttiCourse, cycle, STRING, NONE, NONE, "Cycle", "Cycle"),
  F (TuttiCourse, room, STRING, NONE, NONE, "Room", "Salle"),
  F (TuttiCourse, site, STRING, NONE, NONE, "Site", "Site"),
  FE (TuttiCourse, day, tutti_weekday_enum, NONE, "Day", "Jour"),
  F (TuttiCourse, time, TIME, NONE, NONE, "Time", "Heure de passage"),
  F (TuttiCourse, duration, MINUTES, NONE, NONE, "Duration", "Durée"),
  F (TuttiCourse, active, BOOL, NONE, NONE, "Active", "Actif"),
  FL (TuttiCourse, evaluations, tutti_evaluation_schema, NONE, "Evaluations", "Évaluations"),
  FL (TuttiCourse, absences, tutti_absence_schema, NONE, "Absences", "Absences"),
};
TUTTI_DEFINE_RECORD (TuttiCourse, tutti_course, course_fields)

static const TuttiField history_record_fields[] = {
  F (TuttiHistoryRecord, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiHistoryRecord, pupil_id, INT, NONE, NONE, "Pupil", "Élève"),
  F (TuttiHistoryRecord, year, STRING, REQ, NONE, "Year", "Année"),
  F (TuttiHistoryRecord, start_date, DATE, NONE, NONE, "From", "Du"),
  F (TuttiHistoryRecord, end_date, DATE, NONE, NONE, "To", "Au"),
  F (TuttiHistoryRecord, department, STRING, NONE, NONE, "Department", "Département"),
  F (TuttiHistoryRecord, class_name, STRING, NONE, NONE, "Class", "Classe"),
  F (TuttiHistoryRecord, cycle, STRING, NONE, NONE, "Cycle", "Cycle"),
  F (TuttiHistoryRecord, teacher, STRING, NONE, NONE, "Teacher", "Enseignant"),
  F (TuttiHistoryRecord, hours_planned, MINUTES, NONE, NONE, "Hours planned", "Nb heure"),
  F (TuttiHistoryRecord, hours_done, MINUTES, NONE, NONE, "Hours done", "Nb heure eff"),
  F (TuttiHistoryRecord, absences_total, INT, NUL, NONE, "Absences", "Abs tot"),
  F (TuttiHistoryRecord, absences_unjustified, INT, NUL, NONE, "Unjustified absences", "Abs non just"),
  F (TuttiHistoryRecord, school_hours, BOOL, NONE, NONE, "School-hours arrangement", "Horaires aménagés"),
  F (TuttiHistoryRecord, activity_status, STRING, NONE, NONE, "Activity status", "Situation d’activité"),
  F (TuttiHistoryRecord, reason, STRING, NONE, NONE, "Reason", "Motif"),
  F (TuttiHistoryRecord, first_instrument, BOOL, NONE, NONE, "First instrument", "Premier instrument"),
  F (TuttiHistoryRecord, average, DECIMAL, NUL, NONE, "Average", "Moyenne"),
  F (TuttiHistoryRecord, letter_average, STRING, NONE, NONE, "Letter average", "Moyenne lettrée"),
  F (TuttiHistoryRecord, mention, STRING, NONE, NONE, "Mention", "Mention"),
  F (TuttiHistoryRecord, class_result, STRING, NONE, NONE, "Class result", "Résultat classe"),
  F (TuttiHistoryRecord, cycle_result, STRING, NONE, NONE, "Cycle result", "Résultat cycle"),
  F (TuttiHistoryRecord, class_admitted, STRING, NONE, NONE, "Class admitted to", "Admission classe"),
  F (TuttiHistoryRecord, cycle_admitted, STRING, NONE, NONE, "Cycle admitted to", "Admission cycle"),
  F (TuttiHistoryRecord, comment, STRING, NONE, NONE, "Comment", "Commentaire"),
  FL (TuttiHistoryRecord, evaluations, tutti_evaluation_schema, NONE, "Evaluations", "Évaluations"),
};
TUTTI_DEFINE_RECORD (TuttiHistoryRecord, tutti_history_record, history_record_fields)

static const TuttiField piece_fields[] = {
  F (TuttiPiece, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiPiece, pupil_id, INT, NONE, NONE, "Pupil", "Élève"),
  F (TuttiPiece, title, STRING, REQ, NONE, "Title", "Titre"),
  F (TuttiPiece, composer, STRING, NONE, NONE, "Composer", "Compositeur"),
  F (TuttiPiece, course, STRING, NONE, NONE, "Course", "Cours"),
  F (TuttiPiece, teacher, STRING, NONE, NONE, "Teacher", "Enseignant"),
  F (TuttiPiece, year, STRING, NONE, NONE, "Year", "Année"),
  F (TuttiPiece, date, DATE, NONE, NONE, "Date", "Date"),
  FE (TuttiPiece, kind, tutti_piece_kind_enum, NONE, "Kind", "Nature"),
};
TUTTI_DEFINE_RECORD (TuttiPiece, tutti_piece, piece_fields)

static const TuttiField document_kind_fields[] = {
  F (TuttiDocumentKind, id, STRING, REQ, NONE, "Identifier", "Identifiant"),
  F (TuttiDocumentKind, name, STRING, REQ, NONE, "Document", "Nom du document"),
  F (TuttiDocumentKind, description, STRING, NONE, NONE, "Description", "Description"),
  F (TuttiDocumentKind, required, BOOL, NONE, NONE, "Required", "Obligatoire"),
};
TUTTI_DEFINE_RECORD (TuttiDocumentKind, tutti_document_kind, document_kind_fields)

static const TuttiField document_fields[] = {
  F (TuttiDocument, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiDocument, family_id, INT, NONE, NONE, "Family", "Famille"),
  F (TuttiDocument, family_name, STRING, COMPUTED, NONE, "Family name", "Nom de la famille"),
  F (TuttiDocument, kind, STRING, REQ, NONE, "Kind", "Type"),
  F (TuttiDocument, name, STRING, NONE, NONE, "Document", "Nom du document"),
  F (TuttiDocument, file_name, STRING, NONE, NONE, "File name", "Nom du fichier"),
  F (TuttiDocument, content_type, STRING, NONE, NONE, "Type", "Type"),
  F (TuttiDocument, size, INT, NONE, NONE, "Size", "Taille"),
  F (TuttiDocument, sha256, STRING, NONE, NONE, "SHA-256", "SHA-256"),
  F (TuttiDocument, uploaded_at, DATETIME, NONE, NONE, "Date", "Date"),
  FE (TuttiDocument, state, tutti_document_state_enum, NONE, "State", "État"),
  F (TuttiDocument, reason, STRING, NONE, NONE, "Reason", "Motif"),
};
TUTTI_DEFINE_RECORD (TuttiDocument, tutti_document, document_fields)

static const TuttiField download_fields[] = {
  F (TuttiDownload, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiDownload, name, STRING, REQ, NONE, "Document", "Document"),
  F (TuttiDownload, file_name, STRING, NONE, NONE, "File name", "Nom du fichier"),
  F (TuttiDownload, size, INT, NONE, NONE, "Size", "Taille"),
};
TUTTI_DEFINE_RECORD (TuttiDownload, tutti_download, download_fields)

static const TuttiField offer_item_fields[] = {
  F (TuttiOfferItem, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiOfferItem, discipline, STRING, REQ, NONE, "Discipline", "Discipline"),
  F (TuttiOfferItem, site, STRING, NONE, NONE, "Site", "Site"),
  F (TuttiOfferItem, cursus, STRING, NONE, NONE, "Cursus", "Cursus"),
  FE (TuttiOfferItem, day, tutti_weekday_enum, NONE, "Day", "Jour"),
  F (TuttiOfferItem, time, TIME, NONE, NONE, "Time", "Heure"),
  F (TuttiOfferItem, min_age, INT, NUL, NONE, "Minimum age", "Âge minimum"),
  F (TuttiOfferItem, max_age, INT, NUL, NONE, "Maximum age", "Âge maximum"),
  F (TuttiOfferItem, places_left, INT, NUL, NONE, "Places left", "Places restantes"),
};
TUTTI_DEFINE_RECORD (TuttiOfferItem, tutti_offer_item, offer_item_fields)

static const TuttiField campaign_fields[] = {
  F (TuttiCampaign, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  FE (TuttiCampaign, kind, tutti_campaign_kind_enum, NONE, "Campaign", "Campagne"),
  F (TuttiCampaign, school_year, STRING, REQ, NONE, "School year", "Année scolaire"),
  F (TuttiCampaign, opens_at, DATETIME, NONE, NONE, "Opens", "Ouverture"),
  F (TuttiCampaign, deadline, DATETIME, REQ, NONE, "Deadline", "Date limite"),
  F (TuttiCampaign, open, BOOL, NONE, NONE, "Open", "Ouverte"),
  FL (TuttiCampaign, required_documents, tutti_document_kind_schema, NONE,
      "Documents to provide", "Pièces à fournir"),
  FL (TuttiCampaign, downloads, tutti_download_schema, NONE,
      "Documents to download", "Documents à télécharger"),
  FL (TuttiCampaign, offer, tutti_offer_item_schema, NONE, "Course offer", "Offre de cours"),
};
TUTTI_DEFINE_RECORD (TuttiCampaign, tutti_campaign, campaign_fields)

static const TuttiField course_choice_fields[] = {
  F (TuttiCourseChoice, course_id, INT, NONE, NONE, "Course", "Cours"),
  F (TuttiCourseChoice, course_name, STRING, NONE, NONE, "Course", "Cours"),
  F (TuttiCourseChoice, cursus, STRING, NONE, NONE, "Cursus", "Cursus"),
  F (TuttiCourseChoice, school_hours, BOOL, NONE, NONE, "School-hours arrangement", "Ha"),
  F (TuttiCourseChoice, cycle, STRING, NONE, NONE, "Cycle", "Cycle/Actif"),
  F (TuttiCourseChoice, reenrol, BOOL, NONE, NONE, "Re-enrol", "Réinscription"),
  F (TuttiCourseChoice, offer_id, INT, NUL, NONE, "Course available", "Cours disponible"),
};
TUTTI_DEFINE_RECORD (TuttiCourseChoice, tutti_course_choice, course_choice_fields)

static const TuttiField reenrolment_fields[] = {
  F (TuttiReenrolment, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiReenrolment, pupil_id, INT, NONE, NONE, "Pupil", "Élève"),
  F (TuttiReenrolment, campaign_id, INT, NONE, NONE, "Campaign", "Campagne"),
  FE (TuttiReenrolment, state, tutti_reenrolment_state_enum, NONE, "State", "État"),
  F (TuttiReenrolment, step, INT, NONE, NONE, "Step", "Étape"),
  FL (TuttiReenrolment, guardians, tutti_guardian_schema, NONE, "Guardians", "Responsables"),
  FO (TuttiReenrolment, pupil, tutti_pupil_schema, NONE, "Pupil", "Élève"),
  FE (TuttiReenrolment, image_rights, tutti_image_rights_enum, NONE, "Image rights", "Droit à l’image"),
  FL (TuttiReenrolment, courses, tutti_course_choice_schema, NONE, "Courses", "Cours"),
  { "free_text", TUTTI_FIELD_STRING, G_STRUCT_OFFSET (TuttiReenrolment, free_text), NONE, TUTTI_CHECK_NONE,
    { "Additional information", "Information complémentaire" }, NULL, NULL, TUTTI_REENROLMENT_FREE_TEXT_MAX },
  F (TuttiReenrolment, accepted, BOOL, NONE, NONE, "I accept", "J’accepte"),
  F (TuttiReenrolment, submitted_at, DATETIME, NONE, NONE, "Submitted", "Envoyée le"),
  F (TuttiReenrolment, decided_at, DATETIME, NONE, NONE, "Decided", "Décision le"),
  F (TuttiReenrolment, reason, STRING, NONE, NONE, "Reason", "Motif"),
};
TUTTI_DEFINE_RECORD (TuttiReenrolment, tutti_reenrolment, reenrolment_fields)

static const TuttiField course_offer_fields[] = {
  F (TuttiCourseOffer, course_id, INT, NONE, NONE, "Course", "Cours"),
  FL (TuttiCourseOffer, offer, tutti_offer_item_schema, NONE, "Course available", "Cours disponible"),
};
TUTTI_DEFINE_RECORD (TuttiCourseOffer, tutti_course_offer, course_offer_fields)

static const TuttiField reenrolment_file_fields[] = {
  FO (TuttiReenrolmentFile, reenrolment, tutti_reenrolment_schema, NONE, "Re-enrolment", "Réinscription"),
  FO (TuttiReenrolmentFile, campaign, tutti_campaign_schema, NONE, "Campaign", "Campagne"),
  F (TuttiReenrolmentFile, campaign_open, BOOL, NONE, NONE, "Open", "Ouverte"),
  F (TuttiReenrolmentFile, family_id, INT, NONE, NONE, "Family", "Famille"),
  F (TuttiReenrolmentFile, family_name, STRING, NONE, NONE, "Family", "Famille"),
  FL (TuttiReenrolmentFile, documents, tutti_document_schema, NONE, "Documents", "Documents"),
  FL (TuttiReenrolmentFile, changes, tutti_pending_change_schema, NONE,
      "Modified elements", "Éléments modifiés"),
  FL (TuttiReenrolmentFile, course_offers, tutti_course_offer_schema, NONE,
      "Courses available", "Cours disponibles"),
};
TUTTI_DEFINE_RECORD (TuttiReenrolmentFile, tutti_reenrolment_file, reenrolment_file_fields)

static const TuttiField reenrolment_summary_fields[] = {
  F (TuttiReenrolmentSummary, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiReenrolmentSummary, campaign_id, INT, NONE, NONE, "Campaign", "Campagne"),
  F (TuttiReenrolmentSummary, pupil_id, INT, NONE, NONE, "Pupil", "Élève"),
  F (TuttiReenrolmentSummary, family_id, INT, NONE, NONE, "Family", "Famille"),
  F (TuttiReenrolmentSummary, family_name, STRING, NONE, NONE, "Family", "Famille"),
  FE (TuttiReenrolmentSummary, civility, tutti_civility_enum, NONE, "Title", "Civilité"),
  F (TuttiReenrolmentSummary, surname, STRING, NONE, NONE, "Surname", "Nom"),
  F (TuttiReenrolmentSummary, first_name, STRING, NONE, NONE, "First name", "Prénom"),
  FE (TuttiReenrolmentSummary, state, tutti_reenrolment_state_enum, NONE, "State", "État"),
  F (TuttiReenrolmentSummary, step, INT, NONE, NONE, "Step", "Étape"),
  F (TuttiReenrolmentSummary, submitted_at, DATETIME, NONE, NONE, "Submitted", "Envoyée le"),
  F (TuttiReenrolmentSummary, decided_at, DATETIME, NONE, NONE, "Decided", "Décision le"),
  F (TuttiReenrolmentSummary, documents_to_check, INT, NONE, NONE,
     "Documents to check", "Pièces à vérifier"),
  F (TuttiReenrolmentSummary, changes_pending, INT, NONE, NONE,
     "Changes awaiting validation", "Modifications en attente"),
};
TUTTI_DEFINE_RECORD (TuttiReenrolmentSummary, tutti_reenrolment_summary, reenrolment_summary_fields)

static const TuttiField preenrolment_choice_fields[] = {
  F (TuttiPreenrolmentChoice, offer_id, INT, NONE, NONE, "Discipline", "Discipline"),
  F (TuttiPreenrolmentChoice, label, STRING, NONE, NONE, "Discipline", "Discipline"),
};
TUTTI_DEFINE_RECORD (TuttiPreenrolmentChoice, tutti_preenrolment_choice, preenrolment_choice_fields)

static const TuttiField new_pupil_fields[] = {
  FE (TuttiNewPupil, civility, tutti_civility_enum, REQ, "Title", "Civilité"),
  F (TuttiNewPupil, surname, STRING, REQ, NONE, "Surname", "Nom"),
  F (TuttiNewPupil, first_name, STRING, REQ, NONE, "First name", "Prénom"),
  F (TuttiNewPupil, birth_date, DATE, REQ, NONE, "Date of birth", "Date de naissance"),
  F (TuttiNewPupil, birth_place, STRING, NONE, NONE, "Place of birth", "Lieu de naissance"),
  F (TuttiNewPupil, school_level, STRING, NONE, NONE, "School level", "Niveau scolaire"),
  FL (TuttiNewPupil, choices, tutti_preenrolment_choice_schema, REQ, "Disciplines", "Disciplines"),
};
TUTTI_DEFINE_RECORD (TuttiNewPupil, tutti_new_pupil, new_pupil_fields)

static const TuttiField preenrolment_fields[] = {
  F (TuttiPreenrolment, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiPreenrolment, family_id, INT, NONE, NONE, "Family", "Famille"),
  FE (TuttiPreenrolment, state, tutti_preenrolment_state_enum, NONE, "State", "État"),
  FL (TuttiPreenrolment, pupils, tutti_new_pupil_schema, REQ, "Pupils", "Élèves"),
  F (TuttiPreenrolment, email_confirmation, STRING, REQ, EMAIL,
     "Guardian 1’s e-mail again", "E-mail du responsable 1"),
  F (TuttiPreenrolment, antispam_id, STRING, REQ, NONE, "Question", "Question"),
  F (TuttiPreenrolment, antispam_answer, STRING, REQ, NONE, "Answer", "Réponse"),
  F (TuttiPreenrolment, consent, BOOL, NONE, NONE, "I accept", "J’accepte"),
  F (TuttiPreenrolment, submitted_at, DATETIME, NONE, NONE, "Submitted", "Envoyée le"),
  F (TuttiPreenrolment, decided_at, DATETIME, NONE, NONE, "Decided", "Décision"),
  F (TuttiPreenrolment, reason, STRING, NONE, NONE, "Reason", "Motif"),
};
TUTTI_DEFINE_RECORD (TuttiPreenrolment, tutti_preenrolment, preenrolment_fields)

static const TuttiField offer_fields[] = {
  F (TuttiOffer, campaign_id, INT, NONE, NONE, "Campaign", "Campagne"),
  F (TuttiOffer, school_year, STRING, NONE, NONE, "School year", "Année scolaire"),
  F (TuttiOffer, deadline, DATETIME, NONE, NONE, "Deadline", "Date limite"),
  F (TuttiOffer, age_date, DATE, NONE, NONE, "Age on", "Âge au"),
  F (TuttiOffer, disciplines, STRV, NONE, NONE, "Disciplines", "Disciplines"),
  F (TuttiOffer, sites, STRV, NONE, NONE, "Sites", "Sites"),
  F (TuttiOffer, cursus, STRV, NONE, NONE, "Cursus", "Cursus"),
  FL (TuttiOffer, items, tutti_offer_item_schema, NONE, "Course offer", "Offre de cours"),
};
TUTTI_DEFINE_RECORD (TuttiOffer, tutti_offer, offer_fields)

static const TuttiField staff_preenrolment_fields[] = {
  F (TuttiStaffPreenrolment, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  F (TuttiStaffPreenrolment, family_id, INT, NONE, NONE, "Family", "Famille"),
  F (TuttiStaffPreenrolment, family_name, STRING, NONE, NONE, "Family", "Famille"),
  FE (TuttiStaffPreenrolment, civility, tutti_civility_enum, NONE, "Title", "Civilité"),
  F (TuttiStaffPreenrolment, surname, STRING, NONE, NONE, "Surname", "Nom"),
  F (TuttiStaffPreenrolment, first_name, STRING, NONE, NONE, "First name", "Prénom"),
  F (TuttiStaffPreenrolment, email, STRING, NONE, NONE, "E-mail", "E-mail"),
  F (TuttiStaffPreenrolment, school_year, STRING, NONE, NONE, "School year", "Année scolaire"),
  FE (TuttiStaffPreenrolment, state, tutti_preenrolment_state_enum, NONE, "State", "État"),
  F (TuttiStaffPreenrolment, submitted_at, DATETIME, NONE, NONE, "Submitted", "Envoyée le"),
  F (TuttiStaffPreenrolment, decided_at, DATETIME, NONE, NONE, "Decided", "Décision"),
  F (TuttiStaffPreenrolment, reason, STRING, NONE, NONE, "Reason", "Motif"),
  FL (TuttiStaffPreenrolment, pupils, tutti_new_pupil_schema, NONE, "Pupils", "Élèves"),
};
TUTTI_DEFINE_RECORD (TuttiStaffPreenrolment, tutti_staff_preenrolment, staff_preenrolment_fields)

static const TuttiField preenrolment_decision_fields[] = {
  { "reason", TUTTI_FIELD_STRING, G_STRUCT_OFFSET (TuttiPreenrolmentDecision, reason), REQ, TUTTI_CHECK_NONE,
    { "Reason", "Motif" }, NULL, NULL, TUTTI_PREENROLMENT_REASON_MAX },
};
TUTTI_DEFINE_RECORD (TuttiPreenrolmentDecision, tutti_preenrolment_decision, preenrolment_decision_fields)

static const TuttiField antispam_question_fields[] = {
  F (TuttiAntispamQuestion, id, STRING, REQ, NONE, "Identifier", "Identifiant"),
  F (TuttiAntispamQuestion, question, STRING, REQ, NONE, "Question", "Question"),
};
TUTTI_DEFINE_RECORD (TuttiAntispamQuestion, tutti_antispam_question, antispam_question_fields)

static const TuttiField billing_line_fields[] = {
  F (TuttiBillingLine, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  FE (TuttiBillingLine, kind, tutti_billing_kind_enum, NONE, "Kind", "Nature"),
  F (TuttiBillingLine, date, DATE, REQ, NONE, "Date", "Date"),
  FE (TuttiBillingLine, payment_method, tutti_payment_method_enum, NONE, "Payment method", "Mode de règlement"),
  F (TuttiBillingLine, operation, STRING, REQ, NONE, "Operation number", "Numéro d’opération"),
  F (TuttiBillingLine, label, STRING, NONE, NONE, "Label", "Libellé"),
  F (TuttiBillingLine, debit, MONEY, NONE, NONE, "Debit", "Débit"),
  F (TuttiBillingLine, credit, MONEY, NONE, NONE, "Credit", "Crédit"),
  F (TuttiBillingLine, discount, BOOL, NONE, NONE, "Discount", "Remise"),
};
TUTTI_DEFINE_RECORD (TuttiBillingLine, tutti_billing_line, billing_line_fields)

static const TuttiField billing_statement_fields[] = {
  FE (TuttiBillingStatement, kind, tutti_billing_kind_enum, NONE, "Kind", "Nature"),
  FL (TuttiBillingStatement, lines, tutti_billing_line_schema, NONE, "Lines", "Lignes"),
  F (TuttiBillingStatement, invoiced, MONEY, NONE, NONE, "Total invoiced", "Montant total facturé"),
  F (TuttiBillingStatement, paid, MONEY, NONE, NONE, "Total paid", "Montant total réglé"),
  F (TuttiBillingStatement, balance, MONEY, NONE, NONE, "Balance", "Solde"),
};
TUTTI_DEFINE_RECORD (TuttiBillingStatement, tutti_billing_statement, billing_statement_fields)

static const TuttiField invoice_item_fields[] = {
  { "label", TUTTI_FIELD_STRING, G_STRUCT_OFFSET (TuttiInvoiceItem, label), REQ, TUTTI_CHECK_NONE,
    { "Description", "Désignation" }, NULL, NULL, 200 },
  F (TuttiInvoiceItem, amount, MONEY, REQ | NUL, NONE, "Amount", "Montant"),
};
TUTTI_DEFINE_RECORD (TuttiInvoiceItem, tutti_invoice_item, invoice_item_fields)

static const TuttiField invoice_request_fields[] = {
  FE (TuttiInvoiceRequest, kind, tutti_billing_kind_enum, REQ, "Kind", "Nature"),
  F (TuttiInvoiceRequest, date, DATE, NONE, NONE, "Date", "Date"),
  { "label", TUTTI_FIELD_STRING, G_STRUCT_OFFSET (TuttiInvoiceRequest, label), NONE, TUTTI_CHECK_NONE,
    { "Label", "Libellé" }, NULL, NULL, 200 },
  FL (TuttiInvoiceRequest, lines, tutti_invoice_item_schema, REQ, "Lines", "Lignes"),
};
TUTTI_DEFINE_RECORD (TuttiInvoiceRequest, tutti_invoice_request, invoice_request_fields)

static const TuttiField payment_request_fields[] = {
  FE (TuttiPaymentRequest, kind, tutti_billing_kind_enum, REQ, "Kind", "Nature"),
  F (TuttiPaymentRequest, date, DATE, NONE, NONE, "Date", "Date"),
  FE (TuttiPaymentRequest, payment_method, tutti_payment_method_enum, REQ,
      "Payment method", "Mode de règlement"),
  F (TuttiPaymentRequest, amount, MONEY, REQ | NUL, NONE, "Amount", "Montant"),
  { "reference", TUTTI_FIELD_STRING, G_STRUCT_OFFSET (TuttiPaymentRequest, reference), NONE, TUTTI_CHECK_NONE,
    { "Reference", "Référence" }, NULL, NULL, 100 },
};
TUTTI_DEFINE_RECORD (TuttiPaymentRequest, tutti_payment_request, payment_request_fields)

static const TuttiField change_group_fields[] = {
  FE (TuttiChangeGroup, entity, tutti_entity_enum, NONE, "Record", "Fiche"),
  F (TuttiChangeGroup, entity_id, INT, NONE, NONE, "Record identifier", "Identifiant de la fiche"),
  F (TuttiChangeGroup, family_id, INT, NONE, NONE, "Family", "Famille"),
  F (TuttiChangeGroup, family_name, STRING, NONE, NONE, "Family", "Famille"),
  FE (TuttiChangeGroup, civility, tutti_civility_enum, NONE, "Title", "Civilité"),
  F (TuttiChangeGroup, surname, STRING, NONE, NONE, "Surname", "Nom"),
  F (TuttiChangeGroup, first_name, STRING, NONE, NONE, "First name", "Prénom"),
  F (TuttiChangeGroup, submitted_at, DATETIME, NONE, NONE, "Date", "Date"),
  FL (TuttiChangeGroup, changes, tutti_pending_change_schema, NONE, "Changes", "Modifications"),
};
TUTTI_DEFINE_RECORD (TuttiChangeGroup, tutti_change_group, change_group_fields)

/* ---- Rules of the offer (PRE-1, REE-3 step 4) ------------------------------- */

char *
tutti_offer_item_label (const TuttiOfferItem *item,
                        TuttiLang             lang)
{
  GString *label;

  g_return_val_if_fail (item != NULL, NULL);

  label = g_string_new (item->discipline);
  if (!tutti_is_blank (item->site))
    g_string_append_printf (label, " – %s", item->site);
  if (!tutti_is_blank (item->cursus))
    {
      const char *rest = g_utf8_next_char (item->cursus);
      g_autofree char *first = g_utf8_strdown (item->cursus, rest - item->cursus);

      /* Mid-sentence, the cursus starts in lower case. */
      g_string_append_printf (label, " – %s%s", first, rest);
    }
  return g_string_free (label, FALSE);
}

int
tutti_age_on_date (const char *birth_date,
                   const char *date)
{
  int birth_year, birth_month, birth_day;
  int year, month, day;
  int age;

  if (!tutti_parse_date (birth_date, &birth_year, &birth_month, &birth_day) ||
      !tutti_parse_date (date, &year, &month, &day))
    return -1;

  age = year - birth_year;
  /* Not yet this year's birthday on @date. */
  if (month < birth_month || (month == birth_month && day < birth_day))
    age--;
  return age >= 0 ? age : -1;
}

gboolean
tutti_offer_item_accepts_age (const TuttiOfferItem *item,
                              const char           *birth_date,
                              const char           *age_date)
{
  int age;

  g_return_val_if_fail (item != NULL, FALSE);

  if (!tutti_validate_date (birth_date) || !tutti_validate_date (age_date))
    return TRUE;
  age = tutti_age_on_date (birth_date, age_date);
  if (item->min_age != TUTTI_NO_VALUE && age < item->min_age)
    return FALSE;
  if (item->max_age != TUTTI_NO_VALUE && age > item->max_age)
    return FALSE;
  return TRUE;
}

/* ---- Entities ----------------------------------------------------------------- */

const TuttiSchema *
tutti_entity_get_schema (TuttiEntity entity)
{
  return entity == TUTTI_ENTITY_GUARDIAN ? &tutti_guardian_schema : &tutti_pupil_schema;
}

GPtrArray **
tutti_entity_get_changes (TuttiEntity entity,
                          gpointer    record)
{
  if (entity == TUTTI_ENTITY_GUARDIAN)
    return &((TuttiGuardian *) record)->pending_changes;
  return &((TuttiPupil *) record)->pending_changes;
}

static const TuttiField home_pupil_fields[] = {
  F (TuttiHomePupil, id, INT, NONE, NONE, "Identifier", "Identifiant"),
  FE (TuttiHomePupil, civility, tutti_civility_enum, NONE, "Title", "Civilité"),
  F (TuttiHomePupil, surname, STRING, NONE, NONE, "Surname", "Nom"),
  F (TuttiHomePupil, first_name, STRING, NONE, NONE, "First name", "Prénom"),
  FE (TuttiHomePupil, reenrolment_state, tutti_reenrolment_state_enum, NONE,
      "Re-enrolment", "Réinscription"),
};
TUTTI_DEFINE_RECORD (TuttiHomePupil, tutti_home_pupil, home_pupil_fields)

static const TuttiField home_fields[] = {
  FO (TuttiHome, account, tutti_account_schema, REQ, "Account", "Compte"),
  FO (TuttiHome, school, tutti_school_schema, NONE, "School", "Établissement"),
  FL (TuttiHome, pupils, tutti_home_pupil_schema, NONE, "Pupils", "Élèves"),
  FL (TuttiHome, campaigns, tutti_campaign_schema, NONE, "Campaigns", "Campagnes"),
  FL (TuttiHome, preenrolments, tutti_preenrolment_schema, NONE,
      "Pre-enrolment requests", "Demandes de pré-inscription"),
};
TUTTI_DEFINE_RECORD (TuttiHome, tutti_home, home_fields)

static const TuttiSchema * const all_schemas[] = {
  &tutti_site_schema,
  &tutti_school_schema,
  &tutti_account_schema,
  &tutti_session_schema,
  &tutti_login_request_schema,
  &tutti_password_reset_request_schema,
  &tutti_password_change_request_schema,
  &tutti_pending_change_schema,
  &tutti_guardian_schema,
  &tutti_family_schema,
  &tutti_pupil_schema,
  &tutti_evaluation_schema,
  &tutti_absence_schema,
  &tutti_course_schema,
  &tutti_history_record_schema,
  &tutti_piece_schema,
  &tutti_document_kind_schema,
  &tutti_document_schema,
  &tutti_download_schema,
  &tutti_offer_item_schema,
  &tutti_campaign_schema,
  &tutti_course_choice_schema,
  &tutti_reenrolment_schema,
  &tutti_course_offer_schema,
  &tutti_reenrolment_file_schema,
  &tutti_reenrolment_summary_schema,
  &tutti_preenrolment_choice_schema,
  &tutti_new_pupil_schema,
  &tutti_preenrolment_schema,
  &tutti_offer_schema,
  &tutti_staff_preenrolment_schema,
  &tutti_preenrolment_decision_schema,
  &tutti_antispam_question_schema,
  &tutti_billing_line_schema,
  &tutti_billing_statement_schema,
  &tutti_invoice_item_schema,
  &tutti_invoice_request_schema,
  &tutti_payment_request_schema,
  &tutti_change_group_schema,
  &tutti_home_pupil_schema,
  &tutti_home_schema,
};

const TuttiSchema * const *
tutti_types_get_schemas (guint *n_schemas)
{
  if (n_schemas != NULL)
    *n_schemas = G_N_ELEMENTS (all_schemas);
  return all_schemas;
}
