-- The sPHENIX RawdataCatalog: one datasets row per raw (PRDF) file, one files row per copy.
-- status: 1 = on disk (Lustre), 0 = only on tape or not staged yet, < 0 = bad.
-- External and read-only for the operator in production; built here for development and tests.

CREATE TABLE datasets (
    filename  text    PRIMARY KEY,           -- TPC_ebdc07_1_physics-00067962-0000.evt
    runnumber integer NOT NULL,
    segment   integer NOT NULL,              -- the DAQ sequence number of the file
    dataset   text    NOT NULL,              -- running period: run3auau, run3cosmics, ...
    daqhost   text    NOT NULL,              -- the stream as named in the file: ebdc07_1, intt3, gl1daq, seb05
    status    integer NOT NULL DEFAULT 0
);

-- The readiness index. Readiness asks, for a set of runs, which streams have which segments on
-- disk: equality on runnumber, a range on segment (segment 0 alone for fast QA), a list of
-- streams. status rides in the index so the check needs no heap visit for most rows.
-- Without it every readiness pass scans the whole table (7M+ rows in production).
CREATE INDEX datasets_run_segment_host_idx ON datasets (runnumber, segment, daqhost) INCLUDE (status);

CREATE TABLE files (
    lfn            text      NOT NULL,
    full_host_name text      NOT NULL,       -- the storage: lustre, hpss, ...
    full_file_path text      NOT NULL,
    size           bigint,
    md5            text,
    time           timestamp,
    PRIMARY KEY (lfn, full_host_name)
);
