#!/usr/bin/env bash
# Clustering (DST_TRKR_CLUSTER) of one streaming segment. The macro rolls its output over every
# neventsper events, numbering from seg x 10 (a streaming segment holds ten cluster segments),
# and stages each closed DST to outdir and each HIST to histdir itself.
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh"

./create_full_filelist_run_seg.py "$dataset" "$intriplet" "$dsttype" "$run" "$seg" || { status_f4a=$?; . "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"; }

segmultiplier=10
startseg=$((seg * segmultiplier))
stump=${logbase%%-*}.root  # the DST name without run and segment: the macro adds them

root_line="Fun4All_RolloverJob0.C(${nevents},${run},\"${outdir}\",\"${stump}\",${neventsper},${startseg},\"${dbtag}\",\"infile.list\",\"${histdir}\")"
full_command="root.exe -q -b '${root_line}'"
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_exec.sh"

shopt -s nullglob
for qa in HIST_*.root; do ./stageout.sh "$qa" "$histdir" || status_f4a=$?; done
[ "$status_f4a" -ne 0 ] || touch "${outdir}/${logbase}.finished:nevents:0:first:-1:last:-1:md5:none:dbid:${dbid}"
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"
