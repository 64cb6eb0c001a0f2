#!/usr/bin/env bash
# Calorimeter reconstruction (DST_CALO) of one fitted segment: one DST, one QA HIST.
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh"

./create_full_filelist_run_seg.py "$dataset" "$intriplet" "$dsttype" "$run" "$seg" || { status_f4a=$?; . "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"; }

outfile=${logbase}.root
outhist=${outfile/DST_CALO/HIST_CALOQA}
root_line="Fun4All_Year2_Calo.C(${nevents},\"infile.list\",\"${outfile}\",\"${outhist}\",\"${dbtag}\")"
full_command="root.exe -q -b '${root_line}'"
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_exec.sh"

shopt -s nullglob
for qa in HIST_*.root; do ./stageout.sh "$qa" "$histdir" || status_f4a=$?; done
./stageout.sh "$outfile" "$outdir" "$dbid" || status_f4a=$?
[ "$status_f4a" -ne 0 ] || touch "${outdir}/${logbase}.finished:nevents:0:first:-1:last:-1:md5:none:dbid:${dbid}"
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"
