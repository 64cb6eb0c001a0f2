-- The schedd that holds a row's job, when the source names its schedds. Each schedd numbers its
-- clusters from 1, so with several schedds (cluster_id, proc_id) alone may name two jobs; '' is the
-- unnamed schedd (the tools' default) and the local executor.
ALTER TABLE job ADD COLUMN schedd text NOT NULL DEFAULT '';
