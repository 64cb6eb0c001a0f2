# The body the seeding and track-fitting run scripts share, sourced after the prep script from the
# scratch directory (the payload is copied there). The caller sets macro, the Fun4All macro's file.
./create_full_filelist_run_seg.py "$dataset" "$intriplet" "$dsttype" "$run" "$seg" || { status_f4a=$?; . "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"; }

root_line="${macro}(${nevents},\"${logbase}.root\",\"${dbtag}\",\"infile.list\")"
full_command="root.exe -q -b '${root_line}'"
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_exec.sh"

./stageout.sh "${logbase}.root" "$outdir" "$dbid" || status_f4a=$?
shopt -s nullglob
for qa in HIST_*.root; do ./stageout.sh "$qa" "$histdir" || status_f4a=$?; done
[ "$status_f4a" -ne 0 ] || touch "${outdir}/${logbase}.finished:nevents:0:first:-1:last:-1:md5:none:dbid:${dbid}"
. "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"
