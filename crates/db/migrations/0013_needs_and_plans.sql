-- Needs assessment: questionnaires built by a programme's staff, answered in community
-- interviews (typed in by staff and volunteers) or on a public survey page (residents,
-- anonymously or signed in).

CREATE TABLE questionnaires (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    intro TEXT NOT NULL DEFAULT '',
    -- interview | public
    mode TEXT NOT NULL,
    -- draft | open | closed
    status TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX questionnaires_programme ON questionnaires(programme_id);

-- Questions in order. Options of a choice question are one per line (an option is
-- single-line text). A condition names an earlier choice question and one of its options.
CREATE TABLE survey_questions (
    id {{ID}},
    questionnaire_id BIGINT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    help TEXT NOT NULL DEFAULT '',
    required BIGINT NOT NULL DEFAULT 0,
    options TEXT NOT NULL DEFAULT '',
    scale_min BIGINT,
    scale_max BIGINT,
    condition_question_id BIGINT REFERENCES survey_questions(id),
    condition_value TEXT,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX survey_questions_questionnaire ON survey_questions(questionnaire_id, position);

-- One answer sheet. A signed-in resident answers once (user_id); an anonymous sheet is
-- recorded once per form (form_key, the page's one-time key). Interviews carry who
-- interviewed and when; entered_by is the account that typed the sheet in.
CREATE TABLE survey_responses (
    id {{ID}},
    questionnaire_id BIGINT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    form_key TEXT,
    interviewer TEXT,
    interviewed_on TEXT,
    entered_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    submitted_at TEXT NOT NULL
);
CREATE UNIQUE INDEX survey_responses_user ON survey_responses(questionnaire_id, user_id);
CREATE UNIQUE INDEX survey_responses_form ON survey_responses(questionnaire_id, form_key);
CREATE INDEX survey_responses_submitted ON survey_responses(questionnaire_id, submitted_at);

-- One row per value: a multiple choice has a row per ticked option (position keeps the
-- questionnaire's order).
CREATE TABLE survey_answers (
    response_id BIGINT NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
    position BIGINT NOT NULL DEFAULT 0,
    value TEXT NOT NULL,
    PRIMARY KEY (response_id, question_id, position)
);
CREATE INDEX survey_answers_question ON survey_answers(question_id);
