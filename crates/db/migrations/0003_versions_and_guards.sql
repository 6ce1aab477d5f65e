-- Lost updates, double submissions, name comparison, sign-in throttling.

-- Every record a person edits carries a version; an edit names the version it started
-- from and is refused (a conflict shown to the person) when someone saved in between.
ALTER TABLE programmes ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE organisations ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE partners ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE agreements ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE staff_assignments ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE action_areas ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE target_groups ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- Names compared as people compare them (case, accents and repeated spaces ignored);
-- filled in by the migration runner (the folding is Rust code), indexed in 0004.
ALTER TABLE target_groups ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE action_areas ADD COLUMN name_key TEXT NOT NULL DEFAULT '';

-- One row per create form that was saved: a second submission of the same form (double
-- click, back and resubmit) finds its row and answers with the record the first one made.
-- The key is namespaced by what is created and by whom; the fingerprint is a hash of the
-- submission, so the same key with other content is refused rather than answered.
CREATE TABLE form_submissions (
    key TEXT PRIMARY KEY,
    user_id BIGINT,
    created_at TEXT NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT '',
    result_id BIGINT
);
CREATE INDEX form_submissions_created ON form_submissions(created_at);

-- Browsers that signed in to an account before: sign-in throttling does not apply to
-- them, so an attacker's failures cannot lock the owner out.
CREATE TABLE known_devices (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_used_at TEXT NOT NULL
);
CREATE INDEX known_devices_user ON known_devices(user_id);

-- What became of each sign-in attempt: ok, failed (wrong password or unknown account),
-- throttled (refused before the password was checked); and the known device it came
-- from (the hash of its token), if any.
ALTER TABLE login_attempts ADD COLUMN outcome TEXT NOT NULL DEFAULT 'failed';
ALTER TABLE login_attempts ADD COLUMN device_hash TEXT;
UPDATE login_attempts SET outcome = 'ok' WHERE success = 1;
CREATE INDEX login_attempts_at ON login_attempts(at);
