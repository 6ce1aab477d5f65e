-- The knowledge library: good practices, publications, videos (links only) and
-- local-history studies, optionally of a programme and a settlement.

CREATE TABLE knowledge_items (
    id {{ID}},
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    author TEXT NOT NULL,
    programme_id BIGINT REFERENCES programmes(id) ON DELETE CASCADE,
    place_id BIGINT REFERENCES places(id),
    -- lower-case, comma separated, each once
    tags TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'hu',
    url TEXT,
    published BIGINT NOT NULL DEFAULT 0,
    published_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX knowledge_items_kind ON knowledge_items(kind, published);
CREATE INDEX knowledge_items_programme ON knowledge_items(programme_id);
CREATE INDEX knowledge_items_place ON knowledge_items(place_id);
