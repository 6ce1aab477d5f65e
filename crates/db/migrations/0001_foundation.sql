-- kozos foundation schema. One file for both engines: {{ID}} becomes each engine's
-- auto-increment primary key; everything else is portable SQL. Dates are ISO text
-- (YYYY-MM-DD), instants RFC 3339 UTC text, money whole forints, flags 0/1.

CREATE TABLE places (
    id {{ID}},
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    parent_id BIGINT REFERENCES places(id),
    lineage TEXT NOT NULL DEFAULT '/',
    ksh_code TEXT UNIQUE,
    source TEXT NOT NULL DEFAULT 'builtin'
);
CREATE INDEX places_parent ON places(parent_id);
CREATE INDEX places_folded ON places(name_folded);
CREATE INDEX places_lineage ON places(lineage);
CREATE UNIQUE INDEX places_unique_name ON places(parent_id, kind, name);

CREATE TABLE organisations (
    id {{ID}},
    name TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    sector TEXT NOT NULL,
    kind TEXT NOT NULL,
    settlement_id BIGINT REFERENCES places(id),
    parent_id BIGINT REFERENCES organisations(id),
    website TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX organisations_unique_name ON organisations(name_folded);

CREATE TABLE programmes (
    id {{ID}},
    title TEXT NOT NULL,
    title_folded TEXT NOT NULL,
    code TEXT UNIQUE,
    beneficiary_id BIGINT REFERENCES organisations(id),
    place_id BIGINT REFERENCES places(id),
    grant_huf BIGINT,
    aid_intensity_bp BIGINT,
    fund TEXT,
    start_date TEXT,
    end_date TEXT,
    intermediate_body TEXT,
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX programmes_title ON programmes(title_folded);

CREATE TABLE partners (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    role TEXT NOT NULL
);
CREATE UNIQUE INDEX partners_unique ON partners(programme_id, organisation_id);

CREATE TABLE agreements (
    id {{ID}},
    partner_id BIGINT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    signed_on TEXT,
    scope TEXT NOT NULL
);
CREATE INDEX agreements_partner ON agreements(partner_id);

CREATE TABLE staff_assignments (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    note TEXT
);
CREATE INDEX staff_programme ON staff_assignments(programme_id);

CREATE TABLE action_areas (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    boundary TEXT NOT NULL DEFAULT '',
    geojson TEXT
);
CREATE UNIQUE INDEX action_areas_unique ON action_areas(programme_id, name);

CREATE TABLE action_area_places (
    action_area_id BIGINT NOT NULL REFERENCES action_areas(id) ON DELETE CASCADE,
    place_id BIGINT NOT NULL REFERENCES places(id),
    PRIMARY KEY (action_area_id, place_id)
);

CREATE TABLE target_groups (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT,
    planned_size BIGINT
);
CREATE UNIQUE INDEX target_groups_unique ON target_groups(programme_id, name);

CREATE TABLE users (
    id {{ID}},
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    lang TEXT,
    active BIGINT NOT NULL DEFAULT 1,
    demo BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE grants (
    id {{ID}},
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    scope_kind TEXT NOT NULL,
    scope_id BIGINT
);
CREATE INDEX grants_user ON grants(user_id);

-- Server-side sessions: the cookie holds a random token, the table its SHA-256, so any
-- instance can serve any request and a leaked table row cannot be replayed.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Sign-in attempts, for a rate limit that holds across instances.
CREATE TABLE login_attempts (
    id {{ID}},
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    at TEXT NOT NULL,
    success BIGINT NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts(email, at);
CREATE INDEX login_attempts_ip ON login_attempts(ip, at);

CREATE TABLE api_tokens (
    id {{ID}},
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    id {{ID}},
    at TEXT NOT NULL,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id BIGINT,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);

-- Key/value facts about this installation (e.g. the gazetteer's attribution once imported).
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
