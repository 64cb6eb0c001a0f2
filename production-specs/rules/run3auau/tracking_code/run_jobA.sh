#!/usr/bin/env bash
# Seeding (DST_TRKR_SEED) of one cluster segment: one DST, one HIST.
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh"

macro=Fun4All_JobA.C
. ./tracking_segment_job.sh
