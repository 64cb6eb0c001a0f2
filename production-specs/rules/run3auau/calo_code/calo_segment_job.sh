# The body the calorimeter run scripts share, sourced after the prep script from the scratch
# directory (the payload is copied there). The caller sets: macro (the Fun4All macro's file name),
# product (the DST it writes) and qa (what replaces the product in the DST's name to name its QA
# histogram file). The prep script's $dsttype is the input's, so the product is named here.
./create_full_filelist_run_seg.py "$dataset" "$intriplet" "$dsttype" "$run" "$seg" || { status_f4a=$?; . "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"; }

outfile=${logbase}.root
outhist=${outfile/${product}/${qa}}
root_line="${macro}(${nevents},\"infile.list\",\"${outfile}\",\"${outhist}\",\"${dbtag}\")"
full_command="root.exe -q -b '${root_line}'"
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_exec.sh"

shopt -s nullglob
for qa_file in HIST_*.root; do ./stageout.sh "$qa_file" "$histdir" || status_f4a=$?; done
./stageout.sh "$outfile" "$outdir" "$dbid" || status_f4a=$?
[ "$status_f4a" -ne 0 ] || touch "${outdir}/${logbase}.finished:nevents:0:first:-1:last:-1:md5:none:dbid:${dbid}"
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"
