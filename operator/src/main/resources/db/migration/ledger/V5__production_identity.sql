-- A production's identity: the output namespace (dsttype, dataset, tag) it is declared with now.
-- Job rows already carry their namespace (and the job_key constraint stands on it), but the
-- engine looked a production's rows up by name alone: a production removed and declared again
-- under the same name with a new tag found the old tag's finished rows and took them for its own,
-- so none of the new tag's jobs ever ran. Reading a production's rows now keeps only those of its
-- recorded identity; the others stay as history (and keep the old outputs proven the operator's).
-- NULL: not recorded yet (a record from before this version, or one written without a spec); every
-- row counts, as before, until the specs source records the production again at its next start.
ALTER TABLE production ADD COLUMN dsttype text;
ALTER TABLE production ADD COLUMN dataset text;
ALTER TABLE production ADD COLUMN tag text;
