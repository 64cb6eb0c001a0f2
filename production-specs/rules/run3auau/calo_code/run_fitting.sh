#!/usr/bin/env bash
# Calorimeter waveform fitting (DST_CALOFITTING) of one triggered segment: one DST, one QA HIST.
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh"

macro=Fun4All_Year2_Fitting.C
product=DST_CALOFITTING
qa=HIST_CALOFITTINGQA
. ./calo_segment_job.sh
