-- The search index: one row per searchable record (`search_docs`) and one per term it
-- contains (`search_terms`), written in the record's own transaction (`db::search`), so
-- a record saved through one instance is found through every other at once. Terms are
-- computed in Rust (`domain::search`: Hungarian stems, accents folded), so both engines
-- find and rank the same records.

CREATE TABLE search_docs (
    id {{ID}},
    -- what the record is ('activity', 'memo' …) and its id in its own table
    kind TEXT NOT NULL,
    ref_id BIGINT NOT NULL,
    programme_id BIGINT REFERENCES programmes(id) ON DELETE CASCADE,
    place_id BIGINT REFERENCES places(id),
    -- 1: anyone may find it; 0: staff whose grants cover its programme
    public BIGINT NOT NULL,
    title TEXT NOT NULL,
    -- plain text, for the snippet
    body TEXT NOT NULL,
    -- the day it is about (an activity's, a memo's), for display and ties
    dated TEXT
);
CREATE UNIQUE INDEX search_docs_ref ON search_docs(kind, ref_id);
CREATE INDEX search_docs_programme ON search_docs(programme_id);

-- Terms compare as bytes on both engines, so a prefix is a range of the index.
CREATE TABLE search_terms (
    term TEXT {{BYTES}} NOT NULL,
    doc_id BIGINT NOT NULL REFERENCES search_docs(id) ON DELETE CASCADE,
    -- the term's weight in the record (BM25's tf part, x1000); the query multiplies it
    -- by the term's rarity
    weight BIGINT NOT NULL,
    PRIMARY KEY (term, doc_id)
);
CREATE INDEX search_terms_doc ON search_terms(doc_id);
