#!/usr/bin/env bash
# Calorimeter reconstruction (DST_CALO) of one fitted segment: one DST, one QA HIST.
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh"

macro=Fun4All_Year2_Calo.C
product=DST_CALO
qa=HIST_CALOQA
. ./calo_segment_job.sh
