-- Indicators: what programmes promised their funders, defined as data and computed from
-- the records. The value tables below are maintained in the transaction of every write
-- that can change them (see db/src/indicators/maintain.rs), so a saved record shows on
-- every dashboard at once, on every instance.

-- What indicators are summed by across programmes: a call template's key, or a
-- programme's own (`programme-ID/CODE`). item_kind says what is counted distinctly.
CREATE TABLE indicator_keys (
    id {{ID}},
    rollup_key TEXT NOT NULL UNIQUE,
    item_kind TEXT,
    unit TEXT NOT NULL
);

-- A call's indicator templates (TOP-5.3.1-16 …), adopted by its programmes.
CREATE TABLE indicator_templates (
    id {{ID}},
    call_code TEXT NOT NULL,
    key_id BIGINT NOT NULL REFERENCES indicator_keys(id),
    code TEXT NOT NULL,
    name_hu TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    definition TEXT NOT NULL,
    position BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX indicator_templates_code ON indicator_templates(call_code, code);

CREATE TABLE indicators (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    template_id BIGINT REFERENCES indicator_templates(id),
    key_id BIGINT NOT NULL REFERENCES indicator_keys(id),
    code TEXT NOT NULL,
    name_hu TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    -- the counting source and filters, JSON (domain::indicator::Source)
    definition TEXT NOT NULL,
    unit TEXT NOT NULL,
    -- amounts in the unit's stored scale (minutes, hundredths of a percent)
    baseline BIGINT NOT NULL DEFAULT 0,
    target BIGINT NOT NULL,
    deadline TEXT,
    -- JSON list of {"due": "YYYY-MM-DD", "value": n}
    milestones TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX indicators_code ON indicators(programme_id, code);
CREATE UNIQUE INDEX indicators_key ON indicators(programme_id, key_id);
CREATE INDEX indicators_key_id ON indicators(key_id);

-- Values kozos does not record, typed in with their evidence file.
CREATE TABLE indicator_manual_values (
    id {{ID}},
    indicator_id BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    on_date TEXT NOT NULL,
    amount BIGINT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    data {{BLOB}} NOT NULL,
    recorded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX indicator_manual_values_indicator ON indicator_manual_values(indicator_id, on_date);

-- The progress report's explanation of a deviation, per indicator and report period.
CREATE TABLE indicator_explanations (
    indicator_id BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (indicator_id, period)
);

-- What each indicator counts: an item (person, activity, place … by the key's item kind)
-- counting `amount` from `on_date` at `place_id` (0: nowhere in the tree). `via` is the
-- activity that made it count, for the drill-down.
CREATE TABLE indicator_members (
    indicator_id BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    item BIGINT NOT NULL,
    place_id BIGINT NOT NULL,
    on_date TEXT NOT NULL,
    amount BIGINT NOT NULL,
    via BIGINT,
    PRIMARY KEY (indicator_id, item, place_id)
);
-- a person's members across every indicator, after their check-in
CREATE INDEX indicator_members_item ON indicator_members(item);

-- Members rolled up: each item once per scope, from its earliest day there. A scope is a
-- place of the tree (its id: settlement, district, county, country) or a programme
-- (minus its id), so one table answers every dashboard with distinct counts that stay
-- distinct.
CREATE TABLE indicator_reach (
    key_id BIGINT NOT NULL,
    scope BIGINT NOT NULL,
    item BIGINT NOT NULL,
    on_date TEXT NOT NULL,
    amount BIGINT NOT NULL,
    via BIGINT,
    PRIMARY KEY (key_id, scope, item)
);
CREATE INDEX indicator_reach_day ON indicator_reach(key_id, scope, on_date);

-- The reach per scope and day: n items and the sum of their amounts. A period's value
-- is the sum of its days.
CREATE TABLE indicator_daily (
    key_id BIGINT NOT NULL,
    scope BIGINT NOT NULL,
    on_date TEXT NOT NULL,
    n BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    PRIMARY KEY (key_id, scope, on_date)
);
