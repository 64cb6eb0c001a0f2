-- sphenixprod's job table as its create_jobs_table.sql defines it (column names, types and the
-- status enum), written anew for tests of prodctl import sphenixprod. Runs in the schema the
-- test's search_path names.
CREATE TYPE prodstate AS ENUM ('submitting', 'submitted', 'started', 'running', 'held', 'evicted', 'failed', 'finished');

CREATE TABLE production_jobs (
    id                SERIAL PRIMARY KEY,
    ClusterId         BIGINT,
    ProcId            INT,
    rulename          TEXT NOT NULL,
    tag               TEXT NOT NULL,
    dataset           TEXT NOT NULL,
    dsttype           TEXT NOT NULL,
    filename          TEXT,
    runnumber         INT  NOT NULL,
    segment           INT,
    status            prodstate,
    submitted         TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    started           TIMESTAMP WITH TIME ZONE,
    finished          TIMESTAMP WITH TIME ZONE,
    RemoteUserCpu     FLOAT,
    RemoteSysCpu      FLOAT,
    MemoryUsage       INT,
    MemoryProvisioned INT,
    DiskUsage         INT,
    ExitCode          INT,
    jobstarts         INT,
    submission_host   TEXT,
    execution_node    TEXT,
    log               TEXT,
    err               TEXT,
    out               TEXT,
    intriplet         TEXT,
    indsttype_str     TEXT,
    xferslots         INT,
    request_memory    INT[],
    request_disk      INT,
    request_cpus      INT,
    neventsper        INT,
    eventsinrun       INT,
    maxjobsexpected   INT
);

CREATE UNIQUE INDEX production_jobs_cluster_process_id_idx ON production_jobs (ClusterId, ProcId);
