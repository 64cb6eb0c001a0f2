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

-- The readiness index. Readiness asks, for a chunk of runs, which streams have which segments on
-- disk: a list of runs, a range of segments (segment 0 alone for fast QA), a list of streams.
-- * The stream is an included column, not a key: PostgreSQL walks a btree once per combination of
--   list values in its keys, so (run, segment, daqhost) would cost runs x streams descents (16,000
--   for one chunk) where (run, segment) costs one per run and filters streams inside the index.
-- * filename and status are included too, so readiness is an index-only scan: on 10M rows that
--   took a full pass over 10,000 runs from 1.7 s to 0.7 s, for an index of 0.8 GB instead of 0.5 GB.
-- Without this index every readiness pass scans the whole table (7M+ rows in production).
CREATE INDEX datasets_run_segment_idx ON datasets (runnumber, segment) INCLUDE (daqhost, status, filename);

CREATE TABLE files (
    lfn            text      NOT NULL,
    full_host_name text      NOT NULL,       -- the storage: lustre, hpss, ...
    full_file_path text      NOT NULL,
    size           bigint,
    md5            text,
    time           timestamp,
    PRIMARY KEY (lfn, full_host_name)
);
