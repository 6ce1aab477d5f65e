-- A memo's follow-up taken into an action plan: the action keeps the memo and the
-- follow-up's task as typed, so the memo shows which follow-ups are in a plan already.
-- Follow-ups are rewritten on every save of their memo (no stable id), so the task
-- text is the link; one action per follow-up under a goal (a double submit adds one).

ALTER TABLE plan_actions ADD COLUMN memo_id BIGINT REFERENCES memos(id) ON DELETE SET NULL;
ALTER TABLE plan_actions ADD COLUMN memo_task TEXT;
CREATE UNIQUE INDEX plan_actions_memo_task ON plan_actions(goal_id, memo_id, memo_task);
CREATE INDEX plan_actions_memo ON plan_actions(memo_id);
