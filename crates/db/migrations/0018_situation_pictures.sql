-- Situation pictures (helyzetkép): dated summaries of a community's needs, resources and
-- relationships, every version kept; one per programme may be the baseline.

CREATE TABLE situation_pictures (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    as_of TEXT NOT NULL,
    settlement TEXT NOT NULL DEFAULT '',
    needs TEXT NOT NULL DEFAULT '',
    resources TEXT NOT NULL DEFAULT '',
    relationships TEXT NOT NULL DEFAULT '',
    baseline BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX situation_pictures_programme ON situation_pictures(programme_id, as_of);

CREATE TABLE situation_picture_sources (
    picture_id BIGINT NOT NULL REFERENCES situation_pictures(id) ON DELETE CASCADE,
    questionnaire_id BIGINT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    PRIMARY KEY (picture_id, questionnaire_id)
);
