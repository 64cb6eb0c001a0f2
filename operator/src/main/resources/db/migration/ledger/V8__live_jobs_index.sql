-- Each pass reads the batch system's history back to the submission of the oldest live job, and
-- observes a production's live rows: a partial index over the few live rows keeps both cheap
-- however many finished rows the ledger holds.
CREATE INDEX job_live_idx ON job (production, submitted_at)
    WHERE state IN ('submitting', 'queued', 'running', 'held');

-- Status counts a production's rows by state and its runs done over every row: with the identity,
-- the run and the state in one index, both are index-only scans, not reads of the table.
CREATE INDEX job_identity_run_state_idx ON job (production, dsttype, dataset, tag, run, state);
