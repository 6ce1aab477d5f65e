-- Ask the experts: residents' questions, held for moderation until published (or
-- refused with a reason the asker sees), and the experts' public answers.

CREATE TABLE questions (
    id {{ID}},
    -- NULL: a national question, to the whole network
    programme_id BIGINT REFERENCES programmes(id) ON DELETE CASCADE,
    place_id BIGINT REFERENCES places(id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    -- lower-case, comma separated, each once
    tags TEXT NOT NULL DEFAULT '',
    asked_by BIGINT NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    -- the language the asker wrote in: their mails come in it
    lang TEXT NOT NULL DEFAULT 'hu',
    -- waiting, published or refused
    status TEXT NOT NULL DEFAULT 'waiting',
    refused_reason TEXT,
    moderated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    moderated_at TEXT,
    published_at TEXT,
    -- the first answer's time; NULL while it has none
    answered_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX questions_status ON questions(status, programme_id);
CREATE INDEX questions_programme ON questions(programme_id);
CREATE INDEX questions_asked_by ON questions(asked_by);

-- An expert's answer, signed with the role they answered in.
CREATE TABLE question_answers (
    id {{ID}},
    question_id BIGINT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    author_id BIGINT NOT NULL REFERENCES users(id),
    author_role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX question_answers_question ON question_answers(question_id);
