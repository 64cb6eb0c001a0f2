-- Several specs sources may share one ledger (the operator runs one engine per ProductionSource).

-- Which source declares a production: a source only ever marks its own productions as removed,
-- and a production name declared by one source is refused to another (their job keys would be
-- the same rows). '' for records written before sources were told apart: a source that declares
-- such a production takes it over; none takes it for removed.
ALTER TABLE production ADD COLUMN source text NOT NULL DEFAULT '';

-- The files a production's spec was read from (its file, its rule set, the catalogue, run lists)
-- as the revision that last declared it had them: its removal applies its last spec even when
-- the git mirror no longer holds that commit (a force-push, a new mirror after a restart).
CREATE TABLE production_spec_file (
    production text  NOT NULL REFERENCES production (name) ON DELETE CASCADE,
    path       text  NOT NULL,
    content    bytea NOT NULL,
    PRIMARY KEY (production, path)
);
