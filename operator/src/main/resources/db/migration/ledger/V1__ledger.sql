-- The operator's own tables: productions, the job ledger, hold history and an audit log.
-- Flyway applies this in the operator's schema; nothing else writes here.
-- Times are passed in by the operator (its injected clock), never taken from now(), so a
-- replayed or tested pass records the same times.

CREATE TABLE production (
    name       text        PRIMARY KEY,
    spec_hash  text        NOT NULL,
    revision   text        NOT NULL,         -- git revision that declared it as it stands
    state      text        NOT NULL CHECK (state IN ('active', 'suspended', 'removing', 'removed')),
    updated_at timestamptz NOT NULL
);

CREATE TABLE job (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    production    text        NOT NULL REFERENCES production (name),
    dsttype       text        NOT NULL,
    dataset       text        NOT NULL,
    tag           text        NOT NULL,
    run           integer     NOT NULL,
    segment       integer     NOT NULL,
    leaf          text        NOT NULL DEFAULT '',   -- '' for products without leaves: NULL would defeat the key
    state         text        NOT NULL CHECK (state IN
                      ('submitting', 'idle', 'running', 'held', 'finished', 'failed', 'removed')),
    attempt       integer     NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    memory_rung   integer     NOT NULL DEFAULT 0 CHECK (memory_rung >= 0),
    request_mib   integer     NOT NULL CHECK (request_mib > 0),
    cluster_id    bigint,
    proc_id       integer,
    batch_token   text        NOT NULL,          -- written before condor_submit, found again in the queue after a crash
    submitted_at  timestamptz,
    started_at    timestamptz,
    ended_at      timestamptz,
    exit_code     integer,
    nevents       bigint,
    revision      text        NOT NULL,          -- the git revision that caused this job
    rerun_token   text        NOT NULL DEFAULT '',
    updated_at    timestamptz NOT NULL,
    -- The last line of defence against duplicate submissions: one row per job key, ever.
    CONSTRAINT job_key UNIQUE (production, dsttype, dataset, tag, run, segment, leaf)
);

-- Status pages and the planner count and list one production's jobs by state.
CREATE INDEX job_production_state_idx ON job (production, state);
-- Crash repair looks up the rows of one submission by the token it put on the batch jobs.
CREATE INDEX job_batch_token_idx ON job (batch_token);
-- Reconciling the queue maps ClusterId.ProcId back to a row.
CREATE INDEX job_cluster_proc_idx ON job (cluster_id, proc_id) WHERE cluster_id IS NOT NULL;

CREATE TABLE job_hold (
    job_id      bigint      NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    attempt     integer     NOT NULL,
    held_at     timestamptz NOT NULL,
    code        integer,                         -- HoldReasonCode
    subcode     integer,                         -- HoldReasonSubCode
    reason      text        NOT NULL,
    request_mib integer     NOT NULL,
    PRIMARY KEY (job_id, held_at)
);

CREATE TABLE audit_log (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL,
    production text,                             -- NULL for actions not about one production
    action     text        NOT NULL,             -- submit, kill, release, register, delete, ...
    subject    text        NOT NULL DEFAULT '',  -- what it acted on: a job key, a file, a run range
    detail     text        NOT NULL DEFAULT '',
    revision   text        NOT NULL DEFAULT ''
);

CREATE INDEX audit_log_production_at_idx ON audit_log (production, at);
