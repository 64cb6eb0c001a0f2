#!/usr/bin/env bash
# Sourced (never executed) at the top of every run script: ". ${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh".
# Reads sphenixprod's 17 positional job arguments (plus the optional job id) into the shell
# variables the collaboration's run scripts use, copies the payload into the scratch directory
# and sets up the software if this worker has it. It reports nothing to any database and uses
# no network: the operator learns a job's fate from its exit code and its staged outputs.

prep_usage="<buildarg> <dataset> <intriplet> <dsttype> <run> <seg> <daqhost> <inputs> <nevents> <outdir> <histdir> <outbase> <neventsper> <dbtag> <logbase> <logdir> <condor_rsync> [dbid]"
# The count is read by tools that split a job's argument string; keep it on its own line.
ARG_COUNT=17
if [ "$#" -lt "$ARG_COUNT" ]; then
    echo "common_runscript_prep: expected $ARG_COUNT arguments (+ dbid), got $#: $prep_usage" >&2
    exit 2
fi

buildarg=$1 dataset=$2 intriplet=$3 dsttype=$4 run=$5 seg=$6 daqhost=$7 inputs=$8
nevents=$9 outdir=${10} histdir=${11} outbase=${12} neventsper=${13} dbtag=${14}
logbase=${15} logdir=${16} condor_rsync=${17}
dbid=${18:--1}  # -1: the job has no id
export PRODDB_DBID=$dbid  # stageout.sh falls back to it when a macro's closing script passes no id

echo "job $logbase: run $run segment $seg, $dsttype from $dataset/$intriplet, daqhost $daqhost, inputs $inputs"
echo "  build $buildarg, dbtag $dbtag, nevents $nevents ($neventsper per file), dbid $dbid"
echo "  outdir $outdir, histdir $histdir, logdir $logdir"

# The scratch directory of the batch system; by hand, the directory the script was started in.
cd "${_CONDOR_SCRATCH_DIR:-.}" || { echo "common_runscript_prep: cannot enter ${_CONDOR_SCRATCH_DIR}" >&2; exit 2; }

# condor_rsync is the rule's payload: comma-separated files, directories or globs, copied with
# cp -r. A glob that matches nothing is a broken rule, not an empty payload, so it stops the job.
IFS=, read -r -a prep_items <<< "$condor_rsync"
for prep_item in "${prep_items[@]}"; do
    [ -n "$prep_item" ] || continue
    prep_matches=( $prep_item )
    for prep_source in "${prep_matches[@]}"; do
        if [ ! -e "$prep_source" ]; then
            echo "common_runscript_prep: payload item $prep_source does not exist" >&2
            exit 2
        fi
        cp -r -- "$prep_source" . || { echo "common_runscript_prep: cannot copy $prep_source" >&2; exit 2; }
    done
done
unset prep_items prep_item prep_matches prep_source

# Software: the site's sPHENIX setup when this worker has one, else the environment as it is
# (a test worker with a stand-in root.exe on PATH).
prep_setup=${SPHENIX_SETUP_SCRIPT:-/opt/sphenix/core/bin/sphenix_setup.sh}
if [ -r "$prep_setup" ]; then
    echo "setting up build $buildarg with $prep_setup"
    . "$prep_setup" -n "$buildarg" || { echo "common_runscript_prep: $prep_setup -n $buildarg failed" >&2; exit 3; }
else
    echo "no sPHENIX setup on this worker ($prep_setup); using the environment as it is"
fi
unset prep_setup prep_usage

# Database client configuration shipped in the payload is for the macro, as today.
if [ -e odbc.ini ]; then
    export ODBCINI=./odbc.ini
fi
if [ -e sPHENIX_newcdb_test.json ]; then
    export NOPAYLOADCLIENT_CONF=./sPHENIX_newcdb_test.json
fi
return 0
