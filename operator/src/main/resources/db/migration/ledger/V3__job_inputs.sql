-- The input files each job was submitted to read, one per line (a file name never holds a line
-- break: the submission refuses one). Deletions spare the inputs of live jobs from this record,
-- not from what today's specs would select: a run dropped from a spec, or a production removed
-- with policy 'keep', still has jobs running that read them. NULL: not known (a job adopted from
-- the queue, or one submitted before this column existed) — then no file can be proven unused.
ALTER TABLE job ADD COLUMN inputs text;
