#!/usr/bin/env bash
# A sample payload script: it takes its arguments from the prep script, as today's scripts do.
. ${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh
