#!/usr/bin/env bash
# Track fitting (DST_TRKR_TRACKS) of one seed segment: one DST, one HIST.
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh"

macro=Fun4All_JobC.C
. ./tracking_segment_job.sh
