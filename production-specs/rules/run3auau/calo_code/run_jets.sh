#!/usr/bin/env bash
# Jet reconstruction (DST_JETS) of one calorimeter segment: one DST, one QA HIST.
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh"

macro=Fun4All_Year2_Jets.C
product=DST_JETS
qa=HIST_JETSQA
. ./calo_segment_job.sh
