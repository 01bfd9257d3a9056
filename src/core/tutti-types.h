/* tutti-types.h — the data model of the whole SPEC
 *
 * Each type is a plain struct with a schema (tutti-types.c) from which come
 * its JSON codec, its validation, copy, equality and a boxed GType.
 * Money is in cents, marks and averages in hundredths, durations in minutes,
 * dates and date-times ISO 8601 strings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tutti-schema.h"

G_BEGIN_DECLS

#define TUTTI_DECLARE_RECORD(TypeName, type_name)                                 \
  extern const TuttiSchema type_name##_schema;                                    \
  GType      type_name##_get_type  (void) G_GNUC_CONST;                           \
  TypeName  *type_name##_new       (void);                                        \
  TypeName  *type_name##_copy      (const TypeName *self);                        \
  void       type_name##_free      (TypeName       *self);                        \
  JsonNode  *type_name##_to_json   (const TypeName *self);                        \
  TypeName  *type_name##_from_json (JsonNode       *node,                         \
                                    GError        **error);                       \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (TypeName, type_name##_free)

/* ---- Enums ---------------------------------------------------------------- */

typedef enum { TUTTI_ROLE_FAMILY, TUTTI_ROLE_STAFF } TuttiRole;
typedef enum { TUTTI_CIVILITY_NONE, TUTTI_CIVILITY_MR, TUTTI_CIVILITY_MRS } TuttiCivility;
typedef enum
{
  TUTTI_FAMILY_SITUATION_NONE,
  TUTTI_FAMILY_SITUATION_SINGLE,
  TUTTI_FAMILY_SITUATION_MARRIED,
  TUTTI_FAMILY_SITUATION_CIVIL_PARTNERSHIP,
  TUTTI_FAMILY_SITUATION_COHABITING,
  TUTTI_FAMILY_SITUATION_SEPARATED,
  TUTTI_FAMILY_SITUATION_DIVORCED,
  TUTTI_FAMILY_SITUATION_WIDOWED,
} TuttiFamilySituation;
typedef enum
{
  TUTTI_SOCIO_NONE,
  TUTTI_SOCIO_FARMER,
  TUTTI_SOCIO_CRAFTS_TRADE_BUSINESS,
  TUTTI_SOCIO_EXECUTIVE,
  TUTTI_SOCIO_INTERMEDIATE,
  TUTTI_SOCIO_EMPLOYEE,
  TUTTI_SOCIO_WORKER,
  TUTTI_SOCIO_RETIRED,
  TUTTI_SOCIO_NOT_WORKING,
} TuttiSocioCategory;
typedef enum { TUTTI_IMAGE_RIGHTS_UNANSWERED, TUTTI_IMAGE_RIGHTS_YES, TUTTI_IMAGE_RIGHTS_NO } TuttiImageRights;
typedef enum
{
  TUTTI_WEEKDAY_NONE,
  TUTTI_WEEKDAY_MONDAY,
  TUTTI_WEEKDAY_TUESDAY,
  TUTTI_WEEKDAY_WEDNESDAY,
  TUTTI_WEEKDAY_THURSDAY,
  TUTTI_WEEKDAY_FRIDAY,
  TUTTI_WEEKDAY_SATURDAY,
  TUTTI_WEEKDAY_SUNDAY,
} TuttiWeekday;
typedef enum { TUTTI_PIECE_STUDIED, TUTTI_PIECE_PERFORMED, TUTTI_PIECE_EXAM } TuttiPieceKind;
typedef enum
{
  TUTTI_DOCUMENT_TO_PROVIDE,
  TUTTI_DOCUMENT_PROVIDED,
  TUTTI_DOCUMENT_ACCEPTED,
  TUTTI_DOCUMENT_REFUSED,
} TuttiDocumentState;
typedef enum { TUTTI_CAMPAIGN_REENROLMENT, TUTTI_CAMPAIGN_PREENROLMENT } TuttiCampaignKind;
typedef enum
{
  TUTTI_REENROLMENT_TO_DO,
  TUTTI_REENROLMENT_IN_PROGRESS,
  TUTTI_REENROLMENT_SUBMITTED,
  TUTTI_REENROLMENT_VALIDATED,
  TUTTI_REENROLMENT_REFUSED,
  TUTTI_REENROLMENT_DECLINED,
} TuttiReenrolmentState;
typedef enum { TUTTI_PREENROLMENT_SUBMITTED, TUTTI_PREENROLMENT_ACCEPTED, TUTTI_PREENROLMENT_REFUSED } TuttiPreenrolmentState;
typedef enum { TUTTI_CHANGE_PENDING, TUTTI_CHANGE_ACCEPTED, TUTTI_CHANGE_REFUSED } TuttiChangeState;
typedef enum { TUTTI_ENTITY_GUARDIAN, TUTTI_ENTITY_PUPIL } TuttiEntity;
typedef enum { TUTTI_BILLING_FEE, TUTTI_BILLING_RENTAL } TuttiBillingKind;
typedef enum
{
  TUTTI_PAYMENT_NONE,
  TUTTI_PAYMENT_CHEQUE,
  TUTTI_PAYMENT_CASH,
  TUTTI_PAYMENT_CARD,
  TUTTI_PAYMENT_TRANSFER,
  TUTTI_PAYMENT_DIRECT_DEBIT,
  TUTTI_PAYMENT_HOLIDAY_VOUCHERS,
} TuttiPaymentMethod;

extern const TuttiEnum tutti_role_enum;
extern const TuttiEnum tutti_civility_enum;
extern const TuttiEnum tutti_family_situation_enum;
extern const TuttiEnum tutti_socio_category_enum;
extern const TuttiEnum tutti_image_rights_enum;
extern const TuttiEnum tutti_weekday_enum;
extern const TuttiEnum tutti_piece_kind_enum;
extern const TuttiEnum tutti_document_state_enum;
extern const TuttiEnum tutti_campaign_kind_enum;
extern const TuttiEnum tutti_reenrolment_state_enum;
extern const TuttiEnum tutti_preenrolment_state_enum;
extern const TuttiEnum tutti_change_state_enum;
extern const TuttiEnum tutti_entity_enum;
extern const TuttiEnum tutti_billing_kind_enum;
extern const TuttiEnum tutti_payment_method_enum;

/* ---- Records -------------------------------------------------------------- */

/* GET /sites */
typedef struct { char *id; char *name; } TuttiSite;

/* The school itself: its contact line (FAM-4) and its invoices' header. */
typedef struct
{
  char *name;
  char *address;
  char *postcode;
  char *town;
  char *phone;
  char *email;
  char *website;
} TuttiSchool;

/* Who is logged in. */
typedef struct
{
  gint64 id;
  char *login;
  TuttiRole role;
  TuttiCivility civility;
  char *surname;
  char *first_name;
  char *email;
  char *site;
  char *lang;
  gint64 family_id;     /* nullable: staff have none */
  gint64 guardian_id;   /* nullable */
} TuttiAccount;

/* POST /session answer */
typedef struct
{
  char *token;
  char *expires_at;
  TuttiAccount *account;
} TuttiSession;

/* Request bodies of the auth endpoints. */
typedef struct { char *site; char *login; char *password; } TuttiLoginRequest;
typedef struct { char *site; char *login; char *email; } TuttiPasswordResetRequest;
typedef struct { char *current; char *new_password; } TuttiPasswordChangeRequest;

/* One field a family changed, awaiting the office (FAM-1, PUP-2, STAFF-2). */
typedef struct
{
  gint64 id;
  TuttiEntity entity;
  gint64 entity_id;
  char *field;
  char *old_value;
  char *new_value;
  TuttiChangeState state;
  char *reason;
  char *created_at;
  char *decided_at;
} TuttiPendingChange;

/* FAM-1 */
typedef struct
{
  gint64 id;
  TuttiCivility civility;
  char *surname;
  char *first_name;
  char *birth_date;
  char *birth_place;
  char *birth_department;
  char *address;
  char *postcode;
  char *town;
  char *home_phone;
  char *mobile_phone;
  char *work_phone;
  char *email;
  TuttiFamilySituation family_situation;
  TuttiSocioCategory socio_category;
  char *profession;
  char *extra_phone_1;
  char *extra_phone_2;
  char *extra_phone_3;
  char *login;
  char *lang;
  GPtrArray *pending_changes;   /* TuttiPendingChange */
} TuttiGuardian;

/* FAM-1..4 */
typedef struct
{
  gint64 id;
  char *name;
  GPtrArray *guardians;         /* TuttiGuardian */
  TuttiSchool *school;
} TuttiFamily;

/* PUP-2 */
typedef struct
{
  gint64 id;
  gint64 family_id;
  TuttiCivility civility;
  char *surname;
  char *first_name;
  char *birth_date;
  char *birth_place;
  char *birth_department;
  TuttiFamilySituation family_situation;
  gboolean use_guardian_contact;
  char *address;
  char *postcode;
  char *town;
  char *home_phone;
  char *mobile_phone;
  char *work_phone;
  char *email;
  char *person_to_notify;
  char *emergency_phone;
  TuttiImageRights image_rights;
  char *school_level;
  GPtrArray *pending_changes;   /* TuttiPendingChange */
} TuttiPupil;

/* PUP-3, PUP-4 */
typedef struct
{
  gint64 id;
  char *type;
  char *date;
  char *criterion_type;
  gint64 mark;          /* hundredths, nullable */
  gint64 denominator;   /* hundredths, nullable */
  gint64 coefficient;   /* hundredths, nullable */
  char *letter;
  char *mention;
  char *appreciation;
  char *choice;
  gboolean absent;
  char *reason;
} TuttiEvaluation;

typedef struct
{
  gint64 id;
  char *date;
  char *time;
  gint64 duration;      /* minutes */
  gboolean justified;
  char *reason;
  char *comment;
} TuttiAbsence;

typedef struct
{
  gint64 id;
  gint64 pupil_id;
  char *name;
  char *cursus;
  gboolean school_hours;  /* "Ha" */
  char *teacher;
  char *cycle;
  char *room;
  char *site;
  TuttiWeekday day;
  char *time;
  gint64 duration;        /* minutes */
  gboolean active;
  GPtrArray *evaluations; /* TuttiEvaluation */
  GPtrArray *absences;    /* TuttiAbsence */
} TuttiCourse;

typedef struct
{
  gint64 id;
  gint64 pupil_id;
  char *year;             /* "2021/2022" */
  char *start_date;
  char *end_date;
  char *department;
  char *class_name;
  char *cycle;
  char *teacher;
  gint64 hours_planned;   /* minutes */
  gint64 hours_done;      /* minutes */
  gint64 absences_total;       /* nullable */
  gint64 absences_unjustified; /* nullable */
  gboolean school_hours;
  char *activity_status;
  char *reason;
  gboolean first_instrument;
  gint64 average;         /* hundredths out of 5.00, nullable */
  char *letter_average;
  char *mention;
  char *class_result;
  char *cycle_result;
  char *class_admitted;
  char *cycle_admitted;
  char *comment;
  GPtrArray *evaluations; /* TuttiEvaluation */
} TuttiHistoryRecord;

/* PUP-5 */
typedef struct
{
  gint64 id;
  gint64 pupil_id;
  char *title;
  char *composer;
  char *course;
  char *teacher;
  char *year;
  char *date;
  TuttiPieceKind kind;
} TuttiPiece;

/* FAM-2, REE-3 step 3 */
typedef struct
{
  char *id;               /* "family-quotient" */
  char *name;
  char *description;
  gboolean required;
} TuttiDocumentKind;

typedef struct
{
  gint64 id;
  gint64 family_id;
  char *family_name;      /* the office's lists only */
  char *kind;
  char *name;
  char *file_name;
  char *content_type;
  gint64 size;            /* bytes */
  char *sha256;
  char *uploaded_at;
  TuttiDocumentState state;
  char *reason;
} TuttiDocument;

/* A document the school offers for download in a campaign (HOME-3). */
typedef struct
{
  gint64 id;
  char *name;
  char *file_name;
  gint64 size;
} TuttiDownload;

/* PRE-1, REE-1: one place in the school's offer. */
typedef struct
{
  gint64 id;
  char *discipline;
  char *site;
  char *cursus;
  TuttiWeekday day;       /* slot, when the offer has one */
  char *time;
  gint64 min_age;         /* on 31 December of the school year, nullable */
  gint64 max_age;         /* nullable */
  gint64 places_left;     /* nullable */
} TuttiOfferItem;

/* REE-1, STAFF-3, HOME-3, HOME-4 */
typedef struct
{
  gint64 id;
  TuttiCampaignKind kind;
  char *school_year;      /* "2027/2028" */
  char *opens_at;
  char *deadline;
  gboolean open;
  GPtrArray *required_documents; /* TuttiDocumentKind */
  GPtrArray *downloads;          /* TuttiDownload */
  GPtrArray *offer;              /* TuttiOfferItem */
} TuttiCampaign;

/* REE-3 step 4: one of the pupil's courses and what the family chose. */
typedef struct
{
  gint64 course_id;
  char *course_name;
  char *cursus;
  gboolean school_hours;
  char *cycle;
  gboolean reenrol;
  gint64 offer_id;        /* chosen slot or site, nullable */
} TuttiCourseChoice;

/* REE-2..4 */
typedef struct
{
  gint64 id;
  gint64 pupil_id;
  gint64 campaign_id;
  TuttiReenrolmentState state;
  gint64 step;            /* 1..6, where the family stopped */
  GPtrArray *guardians;   /* TuttiGuardian, step 1 as edited */
  TuttiPupil *pupil;      /* step 1 as edited */
  TuttiImageRights image_rights;
  GPtrArray *courses;     /* TuttiCourseChoice */
  char *free_text;        /* TUTTI_REENROLMENT_FREE_TEXT_MAX characters at most */
  gboolean accepted;
  char *submitted_at;
  char *decided_at;
  char *reason;
} TuttiReenrolment;

/* Free text of step 4, in characters. */
#define TUTTI_REENROLMENT_FREE_TEXT_MAX 2000

/* REE-3 step 4: the places of next year's offer a current course may
 * continue in (the "Cours disponible" column). */
typedef struct
{
  gint64 course_id;
  GPtrArray *offer;               /* TuttiOfferItem */
} TuttiCourseOffer;

/* GET /pupils/{id}/reenrolment, GET /staff/reenrolments/{id}: a pupil's
 * re-enrolment with all that goes with it, the family's and the office's
 * view of REE-2..4 and STAFF-4. */
typedef struct
{
  TuttiReenrolment *reenrolment;  /* state, step, draft: guardians, pupil,
                                   * image rights, courses, free text… */
  TuttiCampaign *campaign;        /* deadline, required documents, downloads */
  gboolean campaign_open;         /* changes are taken (REE-4) */
  gint64 family_id;
  char *family_name;
  GPtrArray *documents;           /* TuttiDocument, with "to-provide" rows */
  GPtrArray *changes;             /* TuttiPendingChange: "Modified elements" */
  GPtrArray *course_offers;       /* TuttiCourseOffer */
} TuttiReenrolmentFile;

/* GET /staff/reenrolments: one line of the office's list (STAFF-4). */
typedef struct
{
  gint64 id;                      /* 0: the family has not started */
  gint64 campaign_id;
  gint64 pupil_id;
  gint64 family_id;
  char *family_name;
  TuttiCivility civility;
  char *surname;
  char *first_name;
  TuttiReenrolmentState state;
  gint64 step;
  char *submitted_at;
  char *decided_at;
  gint64 documents_to_check;      /* the family's documents provided, not decided */
  gint64 changes_pending;         /* contact changes awaiting the office */
} TuttiReenrolmentSummary;

/* PRE-1..4 */
typedef struct
{
  gint64 offer_id;
  char *label;
} TuttiPreenrolmentChoice;

typedef struct
{
  TuttiCivility civility;
  char *surname;
  char *first_name;
  char *birth_date;
  char *birth_place;
  char *school_level;
  GPtrArray *choices;     /* TuttiPreenrolmentChoice */
} TuttiNewPupil;

typedef struct
{
  gint64 id;
  gint64 family_id;
  TuttiPreenrolmentState state;
  GPtrArray *pupils;      /* TuttiNewPupil */
  char *email_confirmation;
  char *antispam_id;
  char *antispam_answer;
  gboolean consent;
  char *submitted_at;
  char *decided_at;       /* when the office accepted or refused it */
  char *reason;
} TuttiPreenrolment;

/* GET /offer (PRE-1): the offer of the open pre-enrolment campaign. */
typedef struct
{
  gint64 campaign_id;
  char *school_year;      /* "2027/2028" */
  char *deadline;
  char *age_date;         /* "2027-12-31": the day ages are counted on */
  char **disciplines;     /* each once, in the offer's order */
  char **sites;
  char **cursus;
  GPtrArray *items;       /* TuttiOfferItem */
} TuttiOffer;

/* STAFF-4: a request as the office sees it, with the family it comes from
 * and guardian 1, to whom the school answers. */
typedef struct
{
  gint64 id;
  gint64 family_id;
  char *family_name;
  TuttiCivility civility;
  char *surname;
  char *first_name;
  char *email;
  char *school_year;
  TuttiPreenrolmentState state;
  char *submitted_at;
  char *decided_at;
  char *reason;
  GPtrArray *pupils;      /* TuttiNewPupil */
} TuttiStaffPreenrolment;

/* POST /staff/preenrolments/{id}/refuse */
typedef struct
{
  char *reason;           /* required, TUTTI_PREENROLMENT_REASON_MAX characters at most */
} TuttiPreenrolmentDecision;

#define TUTTI_PREENROLMENT_REASON_MAX 500

typedef struct
{
  char *id;
  char *question;
} TuttiAntispamQuestion;

/* BIL-1 */
typedef struct
{
  gint64 id;
  TuttiBillingKind kind;
  char *date;
  TuttiPaymentMethod payment_method;
  char *operation;
  char *label;
  gint64 debit;           /* cents */
  gint64 credit;          /* cents */
  gboolean discount;
} TuttiBillingLine;

typedef struct
{
  TuttiBillingKind kind;
  GPtrArray *lines;       /* TuttiBillingLine */
  gint64 invoiced;        /* cents */
  gint64 paid;            /* cents */
  gint64 balance;         /* cents, > 0 when the family owes */
} TuttiBillingStatement;

/* STAFF-6: what the office sends to record an invoice or a payment. */
typedef struct
{
  char *label;            /* "Cotisation 1er trimestre — MARTIN Léa" */
  gint64 amount;          /* cents, > 0 */
} TuttiInvoiceItem;

typedef struct
{
  TuttiBillingKind kind;
  char *date;             /* today when absent */
  char *label;            /* "AVIS DES SOMMES A PAYER" when absent */
  GPtrArray *lines;       /* TuttiInvoiceItem */
} TuttiInvoiceRequest;

typedef struct
{
  TuttiBillingKind kind;
  char *date;             /* today when absent */
  TuttiPaymentMethod payment_method;
  gint64 amount;          /* cents, > 0 */
  char *reference;        /* a cheque's number… */
} TuttiPaymentRequest;

/* The largest amount an invoice item or a payment may carry (100 000,00 €)
 * and the most items an invoice may list. */
#define TUTTI_BILLING_MAX_AMOUNT G_GINT64_CONSTANT (10000000)
#define TUTTI_BILLING_MAX_ITEMS  200

/* STAFF-2: one record's changes in the validation queue. */
typedef struct
{
  TuttiEntity entity;
  gint64 entity_id;
  gint64 family_id;
  char *family_name;
  TuttiCivility civility;
  char *surname;
  char *first_name;
  char *submitted_at;
  GPtrArray *changes;     /* TuttiPendingChange */
} TuttiChangeGroup;

/* HOME-1..4 */
typedef struct
{
  gint64 id;
  TuttiCivility civility;
  char *surname;
  char *first_name;
  TuttiReenrolmentState reenrolment_state;
} TuttiHomePupil;

typedef struct
{
  TuttiAccount *account;
  TuttiSchool *school;
  GPtrArray *pupils;      /* TuttiHomePupil */
  GPtrArray *campaigns;   /* TuttiCampaign, the open ones */
  GPtrArray *preenrolments; /* TuttiPreenrolment, the family's requests, newest first (HOME-4) */
} TuttiHome;

TUTTI_DECLARE_RECORD (TuttiSite, tutti_site)
TUTTI_DECLARE_RECORD (TuttiSchool, tutti_school)
TUTTI_DECLARE_RECORD (TuttiAccount, tutti_account)
TUTTI_DECLARE_RECORD (TuttiSession, tutti_session)
TUTTI_DECLARE_RECORD (TuttiLoginRequest, tutti_login_request)
TUTTI_DECLARE_RECORD (TuttiPasswordResetRequest, tutti_password_reset_request)
TUTTI_DECLARE_RECORD (TuttiPasswordChangeRequest, tutti_password_change_request)
TUTTI_DECLARE_RECORD (TuttiPendingChange, tutti_pending_change)
TUTTI_DECLARE_RECORD (TuttiGuardian, tutti_guardian)
TUTTI_DECLARE_RECORD (TuttiFamily, tutti_family)
TUTTI_DECLARE_RECORD (TuttiPupil, tutti_pupil)
TUTTI_DECLARE_RECORD (TuttiEvaluation, tutti_evaluation)
TUTTI_DECLARE_RECORD (TuttiAbsence, tutti_absence)
TUTTI_DECLARE_RECORD (TuttiCourse, tutti_course)
TUTTI_DECLARE_RECORD (TuttiHistoryRecord, tutti_history_record)
TUTTI_DECLARE_RECORD (TuttiPiece, tutti_piece)
TUTTI_DECLARE_RECORD (TuttiDocumentKind, tutti_document_kind)
TUTTI_DECLARE_RECORD (TuttiDocument, tutti_document)
TUTTI_DECLARE_RECORD (TuttiDownload, tutti_download)
TUTTI_DECLARE_RECORD (TuttiOfferItem, tutti_offer_item)
TUTTI_DECLARE_RECORD (TuttiCampaign, tutti_campaign)
TUTTI_DECLARE_RECORD (TuttiCourseChoice, tutti_course_choice)
TUTTI_DECLARE_RECORD (TuttiReenrolment, tutti_reenrolment)
TUTTI_DECLARE_RECORD (TuttiCourseOffer, tutti_course_offer)
TUTTI_DECLARE_RECORD (TuttiReenrolmentFile, tutti_reenrolment_file)
TUTTI_DECLARE_RECORD (TuttiReenrolmentSummary, tutti_reenrolment_summary)
TUTTI_DECLARE_RECORD (TuttiPreenrolmentChoice, tutti_preenrolment_choice)
TUTTI_DECLARE_RECORD (TuttiNewPupil, tutti_new_pupil)
TUTTI_DECLARE_RECORD (TuttiPreenrolment, tutti_preenrolment)
TUTTI_DECLARE_RECORD (TuttiOffer, tutti_offer)
TUTTI_DECLARE_RECORD (TuttiStaffPreenrolment, tutti_staff_preenrolment)
TUTTI_DECLARE_RECORD (TuttiPreenrolmentDecision, tutti_preenrolment_decision)
TUTTI_DECLARE_RECORD (TuttiAntispamQuestion, tutti_antispam_question)
TUTTI_DECLARE_RECORD (TuttiBillingLine, tutti_billing_line)
TUTTI_DECLARE_RECORD (TuttiBillingStatement, tutti_billing_statement)
TUTTI_DECLARE_RECORD (TuttiInvoiceItem, tutti_invoice_item)
TUTTI_DECLARE_RECORD (TuttiInvoiceRequest, tutti_invoice_request)
TUTTI_DECLARE_RECORD (TuttiPaymentRequest, tutti_payment_request)
TUTTI_DECLARE_RECORD (TuttiChangeGroup, tutti_change_group)
TUTTI_DECLARE_RECORD (TuttiHomePupil, tutti_home_pupil)
TUTTI_DECLARE_RECORD (TuttiHome, tutti_home)

/* "Accordéon chromatique – Argentré-du-Plessis – cursus classique": an
 * offer item as a choice of the pre-enrolment form, the family's request,
 * its e-mail and the office's desk show it (discipline, then site and
 * cursus when set, the cursus starting in lower case mid-sentence). The
 * same words in both languages, as the school names them. */
char               *tutti_offer_item_label      (const TuttiOfferItem *item,
                                                 TuttiLang             lang);

/* Whether a pupil born on @birth_date may take @item: their age in whole
 * years on @age_date (TuttiOffer.age_date, 31 December of the school
 * year) is within the item's min_age and max_age, each when set. TRUE as
 * well when either date is not a valid date: the date's own check says so. */
gboolean            tutti_offer_item_accepts_age (const TuttiOfferItem *item,
                                                  const char           *birth_date,
                                                  const char           *age_date);

/* The age in whole years on @date of someone born on @birth_date (ISO
 * dates), or -1 when either is not a date or @date is before the birth. */
int                 tutti_age_on_date           (const char           *birth_date,
                                                 const char           *date);

/* The schema of a guardian or a pupil, and where its pending changes are. */
const TuttiSchema  *tutti_entity_get_schema  (TuttiEntity  entity);
GPtrArray         **tutti_entity_get_changes (TuttiEntity  entity,
                                              gpointer     record);

/* Every schema above, for tests and tools that walk the whole model. */
const TuttiSchema * const *tutti_types_get_schemas (guint *n_schemas);

G_END_DECLS
