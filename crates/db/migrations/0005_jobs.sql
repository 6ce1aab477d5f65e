-- The job queue: work done after (and apart from) the request that asked for it — mail,
-- documents, imports, housekeeping — by a worker that every instance runs.
--
-- A job is enqueued in the transaction of the change that asks for it, so it exists
-- exactly when that change committed. A worker claims a due job by taking a lease
-- (locked_by, locked_until); run_at is then moved to the lease's end, so one condition,
-- "pending and run_at has come", finds both queued jobs and jobs whose worker died.
-- Instants are RFC 3339 UTC text to the second, compared as text.
CREATE TABLE jobs (
    id {{ID}},
    kind TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL DEFAULT 'queued',
    attempts BIGINT NOT NULL DEFAULT 0,
    max_attempts BIGINT NOT NULL DEFAULT 5,
    run_at TEXT NOT NULL,
    locked_by TEXT,
    locked_until TEXT,
    last_error TEXT,
    -- A periodic job's key names its period, so instances enqueue it once per period.
    dedupe_key TEXT UNIQUE,
    created_at TEXT NOT NULL,
    finished_at TEXT
);
-- Claiming reads the earliest due pending job: only pending rows are in this index.
CREATE INDEX jobs_due ON jobs(run_at, id) WHERE state IN ('queued', 'running');
-- Listing failures and purging finished jobs.
CREATE INDEX jobs_finished ON jobs(state, finished_at);
