-- The local action plan (and the equal-opportunity programme): versions of a plan of a
-- programme (a renewal copies the plan it renews), needs raised by findings of the
-- needs assessment → goals → actions → the programme's activities that carry them out.

CREATE TABLE plans (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    -- local_action_plan | equal_opportunity | other
    kind TEXT NOT NULL,
    -- draft | adopted | renewed
    status TEXT NOT NULL,
    adopted_on TEXT,
    previous_id BIGINT REFERENCES plans(id),
    published BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX plans_programme ON plans(programme_id);

CREATE TABLE plan_needs (
    id {{ID}},
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- the questionnaire question whose answers raised it
    finding_question_id BIGINT REFERENCES survey_questions(id) ON DELETE SET NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX plan_needs_plan ON plan_needs(plan_id);

CREATE TABLE plan_goals (
    id {{ID}},
    need_id BIGINT NOT NULL REFERENCES plan_needs(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX plan_goals_need ON plan_goals(need_id);

CREATE TABLE plan_actions (
    id {{ID}},
    goal_id BIGINT NOT NULL REFERENCES plan_goals(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_on TEXT,
    -- planned | in_progress | done | dropped
    status TEXT NOT NULL,
    budget_line TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX plan_actions_goal ON plan_actions(goal_id);

CREATE TABLE plan_action_partners (
    action_id BIGINT NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
    partner_id BIGINT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, partner_id)
);

CREATE TABLE plan_action_activities (
    action_id BIGINT NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
    activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, activity_id)
);
CREATE INDEX plan_action_activities_activity ON plan_action_activities(activity_id);
