-- Bottom-up initiatives and the residents who act on the public pages.

-- A resident: one per verified e-mail address (lower case), optionally an account's.
-- "One support per person" and "block a user" hold per resident. The address is never
-- shown publicly.
CREATE TABLE residents (
    id {{ID}},
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    verified_at TEXT NOT NULL,
    blocked_at TEXT,
    blocked_reason TEXT,
    blocked_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX residents_email_key ON residents(email);
CREATE UNIQUE INDEX residents_user_key ON residents(user_id);

-- What a visitor without an account asked for, held until they open the link mailed to
-- them. The token exists only in that mail; its SHA-256 is kept here (set by the job that
-- composes the mail). kind names the action ("initiative.propose" …), payload its input.
CREATE TABLE resident_actions (
    id {{ID}},
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT 'hu',
    token_hash TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    done_at TEXT,
    result_id BIGINT
);
CREATE INDEX resident_actions_token ON resident_actions(token_hash);

CREATE TABLE initiatives (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    stage TEXT NOT NULL DEFAULT 'proposed',
    proposed_by BIGINT REFERENCES residents(id) ON DELETE SET NULL,
    outcome TEXT NOT NULL DEFAULT 'none',
    outcome_name TEXT,
    outcome_organisation_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    -- the day the outcome was recorded (an organisation founded counts from it)
    outcome_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX initiatives_programme ON initiatives(programme_id, stage);

-- Who moved an initiative when, from where to where, why, and at which workshop.
CREATE TABLE initiative_moves (
    id {{ID}},
    initiative_id BIGINT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    from_stage TEXT NOT NULL,
    to_stage TEXT NOT NULL,
    reason TEXT,
    activity_id BIGINT REFERENCES activities(id) ON DELETE SET NULL,
    moved_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    moved_at TEXT NOT NULL
);
CREATE INDEX initiative_moves_initiative ON initiative_moves(initiative_id);

CREATE TABLE initiative_supports (
    id {{ID}},
    initiative_id BIGINT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    resident_id BIGINT NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX initiative_supports_unique ON initiative_supports(initiative_id, resident_id);

CREATE TABLE initiative_comments (
    id {{ID}},
    initiative_id BIGINT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    resident_id BIGINT NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hidden_at TEXT,
    hidden_reason TEXT,
    hidden_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX initiative_comments_initiative ON initiative_comments(initiative_id);

-- One report per reporter per comment; resolved when a moderator hides or keeps it.
CREATE TABLE comment_reports (
    id {{ID}},
    comment_id BIGINT NOT NULL REFERENCES initiative_comments(id) ON DELETE CASCADE,
    reporter_id BIGINT NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE UNIQUE INDEX comment_reports_unique ON comment_reports(comment_id, reporter_id);

-- Support given to an initiative: mentoring, in kind, or money (whole forints).
CREATE TABLE initiative_assistance (
    id {{ID}},
    initiative_id BIGINT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    given_on TEXT NOT NULL,
    amount_huf BIGINT,
    organisation_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    given_by TEXT,
    note TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX initiative_assistance_initiative ON initiative_assistance(initiative_id);
