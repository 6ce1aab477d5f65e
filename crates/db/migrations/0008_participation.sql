-- Participation: the people registry, registrations with a waiting list, attendance
-- (check-ins), trainings' sessions and certificates, volunteers, evidence files and the
-- mail outbox. Everything a funder is later shown is counted from these rows.

-- One registry for every activity, holding the least that serves: no address, no birth
-- date (a year or an age band), contact only when given. A person is first entered under
-- a programme (programme_id); staff of a programme see the people entered under it and
-- those who take part in its activities. A merged person points to the one kept.
CREATE TABLE people (
    id {{ID}},
    programme_id BIGINT REFERENCES programmes(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    -- folded name, for finding duplicates and searching accent-blind
    name_key TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    birth_year BIGINT,
    age_band TEXT,
    place_id BIGINT REFERENCES places(id),
    organisation_id BIGINT REFERENCES organisations(id),
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    merged_into BIGINT REFERENCES people(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX people_name_key ON people(name_key);
CREATE INDEX people_email ON people(email);
CREATE INDEX people_programme ON people(programme_id);
CREATE INDEX people_user ON people(user_id);

-- Sensitive attributes, apart from the person, only with a recorded legal basis; read
-- only by roles entitled to them (others see counts).
CREATE TABLE person_sensitive (
    person_id BIGINT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    disadvantaged BIGINT NOT NULL DEFAULT 0,
    roma BIGINT NOT NULL DEFAULT 0,
    disability BIGINT NOT NULL DEFAULT 0,
    legal_basis TEXT NOT NULL,
    basis_note TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    recorded_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE consents (
    id {{ID}},
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    given_on TEXT NOT NULL,
    -- who gave it: the person, or a parent or guardian by name
    given_by TEXT NOT NULL,
    withdrawn_on TEXT,
    recorded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX consents_person ON consents(person_id);

-- A person's place on an activity. status: confirmed, waiting, cancelled. The token is the
-- ticket's QR code: random, shown to the person and to check-in staff (offline scanners
-- keep the activity's tokens), so it is stored as it is. Waiting order is by waiting_since.
CREATE TABLE registrations (
    id {{ID}},
    activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id),
    status TEXT NOT NULL,
    token TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    waiting_since TEXT,
    confirmed_at TEXT,
    cancelled_at TEXT,
    reminded_at TEXT,
    -- the language the person registered in: their mails are written in it
    lang TEXT NOT NULL DEFAULT 'hu',
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX registrations_token ON registrations(token);
CREATE UNIQUE INDEX registrations_person ON registrations(activity_id, person_id);
CREATE INDEX registrations_status ON registrations(activity_id, status, waiting_since);
CREATE INDEX registrations_person_id ON registrations(person_id);

-- Trainings: contact sessions, the distance part and the completion rule.
CREATE TABLE trainings (
    activity_id BIGINT PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
    distance_minutes BIGINT NOT NULL DEFAULT 0,
    -- share of contact hours a completer attended, in percent
    completion_percent BIGINT NOT NULL DEFAULT 80,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE training_sessions (
    id {{ID}},
    activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    contact_minutes BIGINT NOT NULL,
    title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX training_sessions_activity ON training_sessions(activity_id, starts_at);

CREATE TABLE training_distance (
    activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id),
    done_on TEXT NOT NULL,
    recorded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    PRIMARY KEY (activity_id, person_id)
);

-- Attendance: one row per person per activity (per session for trainings; session_id 0
-- for an activity without sessions, so the unique index holds on both engines). route:
-- qr, roster, walk_in, api. client_id is the scanner's own id for a scan, so a scan sent
-- twice is one attendance.
CREATE TABLE attendance (
    id {{ID}},
    activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL DEFAULT 0,
    person_id BIGINT NOT NULL REFERENCES people(id),
    registration_id BIGINT REFERENCES registrations(id) ON DELETE SET NULL,
    route TEXT NOT NULL,
    scanned_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    client_id TEXT
);
CREATE UNIQUE INDEX attendance_once ON attendance(activity_id, session_id, person_id);
CREATE UNIQUE INDEX attendance_client ON attendance(client_id);
CREATE INDEX attendance_person ON attendance(person_id);

-- Certificates of completed trainings. The number is random (the public verify page names
-- the person, so numbers must not be guessable in sequence). The PDF is kept as issued.
CREATE TABLE certificates (
    id {{ID}},
    activity_id BIGINT NOT NULL REFERENCES activities(id),
    person_id BIGINT NOT NULL REFERENCES people(id),
    number TEXT NOT NULL,
    name TEXT NOT NULL,
    training TEXT NOT NULL,
    contact_minutes BIGINT NOT NULL,
    completed_on TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    pdf {{BLOB}},
    revoked_at TEXT,
    revoked_reason TEXT
);
CREATE UNIQUE INDEX certificates_number ON certificates(number);
CREATE UNIQUE INDEX certificates_once ON certificates(activity_id, person_id);

-- Volunteers: a role on an activity and the hours given.
CREATE TABLE volunteer_shifts (
    id {{ID}},
    activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id),
    role TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    logged_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    logged_at TEXT NOT NULL
);
CREATE INDEX volunteer_shifts_activity ON volunteer_shifts(activity_id);
CREATE INDEX volunteer_shifts_person ON volunteer_shifts(person_id);

-- Evidence on an activity, in the database so that every instance serves the same files.
CREATE TABLE evidence_files (
    id {{ID}},
    activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    data {{BLOB}} NOT NULL,
    uploaded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX evidence_files_activity ON evidence_files(activity_id);

-- Mail waits here until a worker delivers it over SMTP; without SMTP configured it stays
-- queued and administrators read it at /admin/outbox.
CREATE TABLE mail_outbox (
    id {{ID}},
    kind TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL DEFAULT '',
    registration_id BIGINT REFERENCES registrations(id) ON DELETE SET NULL,
    -- what made it (e.g. the job that composed it), so a job run twice writes one mail
    dedupe_key TEXT UNIQUE,
    state TEXT NOT NULL DEFAULT 'queued',
    created_at TEXT NOT NULL,
    sent_at TEXT,
    last_error TEXT
);
CREATE INDEX mail_outbox_state ON mail_outbox(state, id);

-- Bulk certificate issues run as a job; the page polls this row for progress.
CREATE TABLE certificate_batches (
    id {{ID}},
    activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    total BIGINT NOT NULL,
    done BIGINT NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'queued',
    requested_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    finished_at TEXT
);
