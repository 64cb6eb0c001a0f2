-- Each pass reads the batch system's history back to the submission of the oldest live job, and
-- observes a production's live rows: a partial index over the few live rows keeps both cheap
-- however many finished rows the ledger holds.
CREATE INDEX job_live_idx ON job (production, submitted_at)
    WHERE state IN ('submitting', 'queued', 'running', 'held');
