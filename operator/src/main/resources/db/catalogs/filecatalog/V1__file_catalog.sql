-- The sPHENIX FileCatalog: every output (DST, histogram file) the production writes.
-- datasets holds what a file is (product, dataset, tag, run, segment); files where its copies are.
-- The operator reads it for downstream readiness and registers finished jobs' outputs into it.
-- dsttype is the product part of the file name: DST_TRKR_CLUSTER, or DST_STREAMING_EVENT_ebdc07_1
-- for a per-stream product.

CREATE TABLE datasets (
    filename   text    PRIMARY KEY,          -- DST_TRKR_CLUSTER_run3auau_ana468_2024p012_v001-00067962-00042.root
    runnumber  integer NOT NULL,
    segment    integer NOT NULL,
    size       bigint,
    dataset    text    NOT NULL,             -- run3auau, run3pp, run3cosmics, ...
    dsttype    text    NOT NULL,
    events     bigint,
    firstevent bigint,
    lastevent  bigint,
    tag        text    NOT NULL,             -- ana468_2024p012_v001
    status     integer NOT NULL DEFAULT 1    -- 1 = good; 0 or below = not to be used
);

-- The downstream readiness and deletion index: one production's outputs (dataset, tag) for a chunk
-- of runs, by segment, filtered by product. The product (dsttype) is an included column rather
-- than a key for the same reason as in the raw catalog: a list of runs times a list of 60+
-- per-stream products as btree keys would be thousands of descents per chunk; as it is, one per run.
CREATE INDEX datasets_dataset_tag_run_idx ON datasets (dataset, tag, runnumber, segment) INCLUDE (dsttype, status);

CREATE TABLE files (
    lfn            text      NOT NULL,
    full_host_name text      NOT NULL,
    full_file_path text      NOT NULL,
    time           timestamp,
    size           bigint,
    md5            text,
    PRIMARY KEY (lfn, full_host_name)
);
