-- The sPHENIX DAQ database as the operator reads it: runs, the hosts that took part in each run,
-- and the files the DAQ wrote. In production this database is external and read-only for the
-- operator; this script builds the same shape for development, tests and the demo.
-- Table and column names are the DAQ's own, so queries written here run unchanged against it.

CREATE TABLE run (
    runnumber   integer   PRIMARY KEY,
    runtype     text      NOT NULL,          -- physics, cosmics, calib, beam, line_laser, ...
    eventsinrun bigint,
    brtimestamp timestamp,                   -- begin of run
    ertimestamp timestamp                    -- end of run; NULL while the run is still going
);

-- Readiness walks runs of one runtype inside a run window, newest or oldest first.
CREATE INDEX run_runtype_runnumber_idx ON run (runtype, runnumber);

CREATE TABLE hostinfo (
    runnumber integer NOT NULL,
    hostname  text    NOT NULL,              -- ebdc07, intt3, mvtx0, ebdc39, gl1daq, seb05
    serverid  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (runnumber, hostname, serverid)
);

CREATE TABLE filelist (
    filename            text    PRIMARY KEY, -- TPC_ebdc07_1_physics-00067962-0000.evt
    runnumber           integer NOT NULL,
    hostname            text    NOT NULL,
    sequence            integer NOT NULL,
    firstevent          bigint,
    lastevent           bigint,
    transferred_to_sdcc boolean NOT NULL DEFAULT false
);

-- "Which files of this run has host X written, and are they at SDCC yet?"
CREATE INDEX filelist_run_host_sequence_idx ON filelist (runnumber, hostname, sequence);
