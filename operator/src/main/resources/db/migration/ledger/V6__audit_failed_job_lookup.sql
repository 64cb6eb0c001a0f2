-- 'prodctl status --failed' finds, for each failed job, the audit entry that told its failure (its
-- reason and where its logs are): the entry names the job as its subject. Failures are a small part
-- of the log, so the index holds only them.
CREATE INDEX audit_log_failed_job_idx ON audit_log (production, subject, id) WHERE action = 'failed';
