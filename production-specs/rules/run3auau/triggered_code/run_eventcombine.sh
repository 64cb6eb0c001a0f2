#!/usr/bin/env bash
# Triggered event combiner (DST_TRIGGERED_EVENT): one run, one SEB host. The macro splits its
# output every 100000 events and stages each closed file itself (./stageout.sh <file> <outdir> 0).
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh"

./create_filelist_run_daqhost.py "$run" "$daqhost" "$inputs" || { status_f4a=$?; . "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"; }

root_line="Fun4All_Prdf_Combiner.C(${nevents},\"${daqhost}\",\"${outbase}\",\"${outdir}\")"
full_command="root.exe -q -b '${root_line}'"
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_exec.sh"

shopt -s nullglob
for qa in HIST_*.root CALIB_*.root; do ./stageout.sh "$qa" "$histdir" || status_f4a=$?; done
[ "$status_f4a" -ne 0 ] || touch "${outdir}/${logbase}.finished:nevents:0:first:-1:last:-1:md5:none:dbid:${dbid}"
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"
