/* tutti-migrations.h — the numbered schema migrations of the server's database
 *
 * Migration N brings a database at version N - 1 to version N; each runs
 * once, in a transaction, in order. Never edit a migration that has shipped:
 * add the next one.
 *
 * Scalar columns of the record tables carry the JSON key of their field in
 * the core schema (tutti-types.h): tutti-store.c maps rows and records by
 * those names and checks at start that every field has its column.
 * Enums are stored by nick, dates and date-times as ISO 8601 text, money in
 * cents, durations in minutes, marks in hundredths.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

static const char * const tutti_migrations[] = {
  /* 1: the whole data model of the SPEC */
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ");"

  "CREATE TABLE sites ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL"
  ");"

  /* One row: the school's contact line (FAM-4) and invoice header. */
  "CREATE TABLE school ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT, address TEXT, postcode TEXT, town TEXT,"
  "  phone TEXT, email TEXT, website TEXT"
  ");"

  "CREATE TABLE families ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL"
  ");"

  "CREATE TABLE guardians ("
  "  id INTEGER PRIMARY KEY,"
  "  family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,"
  "  civility TEXT, surname TEXT, first_name TEXT,"
  "  birth_date TEXT, birth_place TEXT, birth_department TEXT,"
  "  address TEXT, postcode TEXT, town TEXT,"
  "  home_phone TEXT, mobile_phone TEXT, work_phone TEXT, email TEXT,"
  "  family_situation TEXT, socio_category TEXT, profession TEXT,"
  "  extra_phone_1 TEXT, extra_phone_2 TEXT, extra_phone_3 TEXT,"
  "  login TEXT, lang TEXT"
  ");"
  "CREATE INDEX guardians_family ON guardians (family_id);"

  /* Family accounts take their identity from their guardian; staff
   * accounts carry their own. A NULL password_hash cannot log in until a
   * password is sent with the lost-password form (as the guide does). */
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  login TEXT NOT NULL COLLATE NOCASE,"
  "  role TEXT NOT NULL,"
  "  civility TEXT, surname TEXT, first_name TEXT, email TEXT,"
  "  site TEXT NOT NULL REFERENCES sites (id),"
  "  lang TEXT,"
  "  family_id INTEGER REFERENCES families (id) ON DELETE CASCADE,"
  "  guardian_id INTEGER REFERENCES guardians (id) ON DELETE CASCADE,"
  "  password_hash TEXT,"
  "  password_changed_at TEXT,"
  "  UNIQUE (site, login)"
  ");"

  /* Only SHA-256 of each token is kept. */
  "CREATE TABLE sessions ("
  "  token_hash TEXT PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX sessions_account ON sessions (account_id);"

  /* Failed logins and reset requests, per site and login, known or not. */
  "CREATE TABLE login_attempts ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  site TEXT NOT NULL,"
  "  login TEXT NOT NULL COLLATE NOCASE,"
  "  at INTEGER NOT NULL"
  ");"
  "CREATE INDEX login_attempts_lookup ON login_attempts (kind, site, login, at);"

  "CREATE TABLE idempotency_keys ("
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  method TEXT NOT NULL,"
  "  path TEXT NOT NULL,"
  "  status INTEGER NOT NULL,"
  "  content_type TEXT,"
  "  body BLOB,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (account_id, key)"
  ");"

  "CREATE TABLE pending_changes ("
  "  id INTEGER PRIMARY KEY,"
  "  family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,"
  "  entity TEXT NOT NULL, entity_id INTEGER NOT NULL,"
  "  field TEXT NOT NULL, old_value TEXT, new_value TEXT,"
  "  state TEXT NOT NULL, reason TEXT, created_at TEXT, decided_at TEXT"
  ");"
  "CREATE INDEX pending_changes_entity ON pending_changes (entity, entity_id, state);"

  "CREATE TABLE pupils ("
  "  id INTEGER PRIMARY KEY,"
  "  family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,"
  "  civility TEXT, surname TEXT, first_name TEXT,"
  "  birth_date TEXT, birth_place TEXT, birth_department TEXT,"
  "  family_situation TEXT, use_guardian_contact INTEGER,"
  "  address TEXT, postcode TEXT, town TEXT,"
  "  home_phone TEXT, mobile_phone TEXT, work_phone TEXT, email TEXT,"
  "  person_to_notify TEXT, emergency_phone TEXT,"
  "  image_rights TEXT, school_level TEXT"
  ");"
  "CREATE INDEX pupils_family ON pupils (family_id);"

  "CREATE TABLE courses ("
  "  id INTEGER PRIMARY KEY,"
  "  pupil_id INTEGER NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,"
  "  name TEXT, cursus TEXT, school_hours INTEGER, teacher TEXT, cycle TEXT,"
  "  room TEXT, site TEXT, day TEXT, \"time\" TEXT, duration INTEGER,"
  "  active INTEGER"
  ");"
  "CREATE INDEX courses_pupil ON courses (pupil_id);"

  "CREATE TABLE history_records ("
  "  id INTEGER PRIMARY KEY,"
  "  pupil_id INTEGER NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,"
  "  year TEXT, start_date TEXT, end_date TEXT,"
  "  department TEXT, class_name TEXT, cycle TEXT, teacher TEXT,"
  "  hours_planned INTEGER, hours_done INTEGER,"
  "  absences_total INTEGER, absences_unjustified INTEGER,"
  "  school_hours INTEGER, activity_status TEXT, reason TEXT,"
  "  first_instrument INTEGER, average INTEGER, letter_average TEXT,"
  "  mention TEXT, class_result TEXT, cycle_result TEXT,"
  "  class_admitted TEXT, cycle_admitted TEXT, comment TEXT"
  ");"
  "CREATE INDEX history_records_pupil ON history_records (pupil_id);"

  /* An evaluation belongs to a current course or to a history record. */
  "CREATE TABLE evaluations ("
  "  id INTEGER PRIMARY KEY,"
  "  course_id INTEGER REFERENCES courses (id) ON DELETE CASCADE,"
  "  history_record_id INTEGER REFERENCES history_records (id) ON DELETE CASCADE,"
  "  type TEXT, date TEXT, criterion_type TEXT,"
  "  mark INTEGER, denominator INTEGER, coefficient INTEGER,"
  "  letter TEXT, mention TEXT, appreciation TEXT, choice TEXT,"
  "  absent INTEGER, reason TEXT"
  ");"
  "CREATE INDEX evaluations_course ON evaluations (course_id);"
  "CREATE INDEX evaluations_history ON evaluations (history_record_id);"

  "CREATE TABLE absences ("
  "  id INTEGER PRIMARY KEY,"
  "  course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,"
  "  date TEXT, \"time\" TEXT, duration INTEGER, justified INTEGER,"
  "  reason TEXT, comment TEXT"
  ");"
  "CREATE INDEX absences_course ON absences (course_id);"

  "CREATE TABLE pieces ("
  "  id INTEGER PRIMARY KEY,"
  "  pupil_id INTEGER NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,"
  "  title TEXT, composer TEXT, course TEXT, teacher TEXT,"
  "  year TEXT, date TEXT, kind TEXT"
  ");"
  "CREATE INDEX pieces_pupil ON pieces (pupil_id);"

  "CREATE TABLE document_kinds ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL, description TEXT, required INTEGER"
  ");"

  /* The family's supporting documents (FAM-2, REE-3); content kept here. */
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,"
  "  kind TEXT REFERENCES document_kinds (id),"
  "  name TEXT, file_name TEXT, content_type TEXT, size INTEGER,"
  "  sha256 TEXT, uploaded_at TEXT, state TEXT, reason TEXT,"
  "  content BLOB"
  ");"
  "CREATE INDEX documents_family ON documents (family_id);"

  "CREATE TABLE campaigns ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL, school_year TEXT,"
  "  opens_at TEXT, deadline TEXT, open INTEGER"
  ");"

  /* The documents a campaign asks families for, in order. */
  "CREATE TABLE campaign_documents ("
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  kind_id TEXT NOT NULL REFERENCES document_kinds (id),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (campaign_id, kind_id)"
  ");"

  /* The documents a campaign offers for download (HOME-3). */
  "CREATE TABLE downloads ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  name TEXT, file_name TEXT, size INTEGER,"
  "  content_type TEXT, content BLOB"
  ");"

  /* The school's offer; a NULL campaign is the standing offer. */
  "CREATE TABLE offer_items ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  discipline TEXT, site TEXT, cursus TEXT, day TEXT, \"time\" TEXT,"
  "  min_age INTEGER, max_age INTEGER, places_left INTEGER"
  ");"

  /* One per pupil and campaign; the draft keeps step 1 as edited
   * (guardians and pupil, as record data). */
  "CREATE TABLE reenrolments ("
  "  id INTEGER PRIMARY KEY,"
  "  pupil_id INTEGER NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  state TEXT NOT NULL, step INTEGER, image_rights TEXT, free_text TEXT,"
  "  accepted INTEGER, submitted_at TEXT, decided_at TEXT, reason TEXT,"
  "  draft TEXT, updated_at TEXT,"
  "  UNIQUE (pupil_id, campaign_id)"
  ");"

  "CREATE TABLE reenrolment_courses ("
  "  id INTEGER PRIMARY KEY,"
  "  reenrolment_id INTEGER NOT NULL REFERENCES reenrolments (id) ON DELETE CASCADE,"
  "  course_id INTEGER, course_name TEXT, cursus TEXT, school_hours INTEGER,"
  "  cycle TEXT, reenrol INTEGER, offer_id INTEGER"
  ");"

  "CREATE TABLE preenrolments ("
  "  id INTEGER PRIMARY KEY,"
  "  family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,"
  "  campaign_id INTEGER REFERENCES campaigns (id),"
  "  state TEXT NOT NULL, email_confirmation TEXT,"
  "  antispam_id TEXT, antispam_answer TEXT, consent INTEGER,"
  "  submitted_at TEXT, reason TEXT"
  ");"

  "CREATE TABLE preenrolment_pupils ("
  "  id INTEGER PRIMARY KEY,"
  "  preenrolment_id INTEGER NOT NULL REFERENCES preenrolments (id) ON DELETE CASCADE,"
  "  civility TEXT, surname TEXT, first_name TEXT,"
  "  birth_date TEXT, birth_place TEXT, school_level TEXT"
  ");"

  "CREATE TABLE preenrolment_choices ("
  "  id INTEGER PRIMARY KEY,"
  "  new_pupil_id INTEGER NOT NULL REFERENCES preenrolment_pupils (id) ON DELETE CASCADE,"
  "  offer_id INTEGER, label TEXT"
  ");"

  /* PRE-3: the question in French (question) and English, and its answer. */
  "CREATE TABLE antispam_questions ("
  "  id TEXT PRIMARY KEY,"
  "  question TEXT NOT NULL, question_en TEXT, answer TEXT"
  ");"

  "CREATE TABLE billing_lines ("
  "  id INTEGER PRIMARY KEY,"
  "  family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL, date TEXT, payment_method TEXT,"
  "  operation TEXT, label TEXT, debit INTEGER, credit INTEGER,"
  "  discount INTEGER"
  ");"
  "CREATE INDEX billing_lines_family ON billing_lines (family_id, kind, date);"
  "CREATE INDEX billing_lines_operation ON billing_lines (operation);",

  /* 2: the items of an invoice recorded by the office (STAFF-6), shown on
   * its PDF; and the digest of the request an idempotency key answered,
   * so that a key sent again with another request is refused. */
  "CREATE TABLE billing_items ("
  "  id INTEGER PRIMARY KEY,"
  "  billing_line_id INTEGER NOT NULL REFERENCES billing_lines (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL,"
  "  amount INTEGER NOT NULL"
  ");"
  "CREATE INDEX billing_items_line ON billing_items (billing_line_id, position);"
  "ALTER TABLE idempotency_keys ADD COLUMN request_sha256 TEXT;",

  /* 3: documents (FAM-2, REE-3) and re-enrolments (REE, STAFF-2..4). An
   * upload's content is a file under DATA_DIR/documents, named by path (a
   * NULL path keeps the content in the row, as older rows do); the
   * office's decision has its date. "other" is the kind of a document no
   * campaign asks for. */
  "ALTER TABLE documents ADD COLUMN path TEXT;"
  "ALTER TABLE documents ADD COLUMN decided_at TEXT;"
  "INSERT OR IGNORE INTO document_kinds (id, name, description, required) "
  "  VALUES ('other', 'Autre document', 'Tout autre justificatif.', 0);"
  "CREATE INDEX documents_state ON documents (state);"
  "CREATE INDEX reenrolments_campaign ON reenrolments (campaign_id, state);"
  "CREATE INDEX reenrolment_courses_reenrolment ON reenrolment_courses (reenrolment_id);"
  "CREATE INDEX offer_items_campaign ON offer_items (campaign_id);"
  "CREATE INDEX downloads_campaign ON downloads (campaign_id);",

  /* 4: pre-enrolment (PRE-3, STAFF-4). The anti-spam questions asked: a
   * random id, the account it was given to, its answer (never sent), until
   * when it may be answered and when it was; the office's decision on a
   * request has its date. */
  "CREATE TABLE antispam_challenges ("
  "  id TEXT PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  answer TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL,"
  "  used_at INTEGER"
  ");"
  "CREATE INDEX antispam_challenges_account ON antispam_challenges (account_id, created_at);"
  "CREATE INDEX antispam_challenges_expiry ON antispam_challenges (expires_at);"
  "ALTER TABLE preenrolments ADD COLUMN decided_at TEXT;"
  "CREATE INDEX preenrolments_family ON preenrolments (family_id);"
  "CREATE INDEX preenrolments_state ON preenrolments (state, submitted_at);"
  "CREATE INDEX preenrolment_pupils_request ON preenrolment_pupils (preenrolment_id);"
  "CREATE INDEX preenrolment_choices_pupil ON preenrolment_choices (new_pupil_id);",
};
