-- Memos (emlékeztetők) of community conversations, forums and workshops: one per
-- activity; published ones are listed at the programme's Information Point.

CREATE TABLE memos (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    -- no cascade: an activity with a memo is not deleted (the memo is its record)
    activity_id BIGINT NOT NULL REFERENCES activities(id),
    title TEXT NOT NULL,
    moderator TEXT NOT NULL,
    body TEXT NOT NULL,
    decisions TEXT NOT NULL DEFAULT '',
    published BIGINT NOT NULL DEFAULT 0,
    -- first published; kept when taken down and put up again
    published_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX memos_activity ON memos(activity_id);
CREATE INDEX memos_programme ON memos(programme_id, published, published_at);

CREATE TABLE memo_follow_ups (
    memo_id BIGINT NOT NULL REFERENCES memos(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    task TEXT NOT NULL,
    owner TEXT,
    due_date TEXT,
    PRIMARY KEY (memo_id, position)
);
