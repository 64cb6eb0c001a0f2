#!/usr/bin/env bash
# Streaming event combiner (DST_STREAMING_EVENT): one run, one DAQ host, all its segments.
# The macro rolls its output over every neventsper events and stages each closed segment
# itself (closing script ./stageout.sh <file> <outdir>); this script stages the job's QA files.
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh"

./create_filelist_run_daqhost.py "$run" "$daqhost" "$inputs" || { status_f4a=$?; . "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"; }

# Exactly one GL1 list and one list of the host's files; anything else is exit 111.
shopt -s nullglob
gl1_lists=( *gl1*.list )
host_lists=()
for list in *.list; do [[ $list == *gl1* ]] || host_lists+=("$list"); done
if [ "${#gl1_lists[@]}" -ne 1 ] || [ "${#host_lists[@]}" -ne 1 ]; then
    echo "expected one GL1 list and one list of $daqhost, found: ${gl1_lists[*]} / ${host_lists[*]}" >&2
    status_f4a=111; . "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"
fi
gl1file=${gl1_lists[0]} ebdcfile='' inttfile='' mvtxfile='' tpotfile=''
case ${host_lists[0]} in
    *ebdc39*) tpotfile=${host_lists[0]} ;;
    *ebdc*) ebdcfile=${host_lists[0]} ;;
    *intt*) inttfile=${host_lists[0]} ;;
    *mvtx*) mvtxfile=${host_lists[0]} ;;
esac

root_line="Fun4All_SingleStream_Combiner.C(${nevents},${run},\"${outdir}\",\"${histdir}\",\"${outbase}\",${neventsper},\"${dbtag}\",\"${gl1file}\",\"${ebdcfile}\",\"${inttfile}\",\"${mvtxfile}\",\"${tpotfile}\");"
full_command="root.exe -q -b '${root_line}'"
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_exec.sh"

for qa in HIST_*.root CALIB_*.root; do ./stageout.sh "$qa" "$histdir" || status_f4a=$?; done
[ "$status_f4a" -ne 0 ] || touch "${outdir}/${logbase}.finished:nevents:0:first:-1:last:-1:md5:none:dbid:${dbid}"
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"
