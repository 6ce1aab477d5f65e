-- A check-in recomputes the roll-up of one person under each key it touches
-- (`maintain::reach` reads `indicator_reach WHERE key_id = … AND item IN (…)`); with only
-- (key_id, scope, item) and (key_id, scope, on_date) that read walked every row of the
-- key, seconds at national scale (a million people under one key).
CREATE INDEX indicator_reach_item ON indicator_reach(key_id, item);
