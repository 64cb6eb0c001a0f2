-- What the reconcile engine needs beyond V1.

-- 'lost': a submission that never reached the queue (reset after its timeout), free to go again.
ALTER TABLE job DROP CONSTRAINT job_state_check;
ALTER TABLE job ADD CONSTRAINT job_state_check CHECK (state IN
    ('submitting', 'idle', 'running', 'held', 'finished', 'failed', 'removed', 'lost'));

-- A removed production keeps its record: the revision that last declared it says which spec
-- (and so which removal policy) applies, removed_at starts its grace period, removed_in names
-- the commit that removed it, for the events and the audit log.
ALTER TABLE production ADD COLUMN removed_at timestamptz;
ALTER TABLE production ADD COLUMN removed_in text;

-- The status object of each production after the engine's last pass, as JSON: what
-- 'prodctl status' prints from another process and the Kubernetes operator publishes.
CREATE TABLE production_status (
    name       text        PRIMARY KEY REFERENCES production (name),
    status     text        NOT NULL,
    updated_at timestamptz NOT NULL
);
