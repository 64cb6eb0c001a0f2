-- One word per state, the same in the ledger, the planner and status: a recorded job waiting in
-- the queue is 'queued' (HTCondor says Idle), a harvested one 'succeeded', one the operator took
-- out of the batch system 'killed'. Rows of every earlier version are rewritten; no old spelling
-- stays behind, and the check refuses one from now on.
ALTER TABLE job DROP CONSTRAINT job_state_check;

UPDATE job SET state = CASE state
        WHEN 'idle' THEN 'queued'
        WHEN 'finished' THEN 'succeeded'
        WHEN 'removed' THEN 'killed'
    END
 WHERE state IN ('idle', 'finished', 'removed');

ALTER TABLE job ADD CONSTRAINT job_state_check CHECK (state IN
    ('submitting', 'queued', 'running', 'held', 'succeeded', 'failed', 'killed', 'lost'));

-- Stored statuses count job keys under the same words ('prodctl status' reads them back).
UPDATE production_status
   SET status = jsonb_set(status::jsonb #- '{jobs,idle}', '{jobs,queued}', status::jsonb -> 'jobs' -> 'idle')::text
 WHERE status::jsonb -> 'jobs' ? 'idle';
