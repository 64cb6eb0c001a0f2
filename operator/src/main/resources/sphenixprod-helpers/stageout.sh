#!/usr/bin/env bash
# stageout.sh <file> <destination> [dbid]
#
# Moves one output of a job into its destination directory under the name the head node's
# spider parses:  <lfn>:nevents:N:first:F:last:L:md5:M:size:S:ctime:T:dbid:D
# Run scripts call it for their outputs; Fun4All macros call it as their closing script.
#
# The copy is written under a hidden temporary name in the destination and renamed when its
# size is right: a rename within one directory is atomic, so a reader sees the whole file under
# its final name or nothing.
#
# Event counts come from <file>.events (lines nevents=, first=, last=) when the program that
# wrote the file left one; otherwise from the command named by PRODOP_EVENT_COUNTER, called as
# "$PRODOP_EVENT_COUNTER <file>" and printing nevents, first and last as its last three lines;
# otherwise they are -1. The dbid falls back to PRODDB_DBID (exported by the prep script) when
# it is missing, -1 or 0.
#
# Exit codes (sphenixprod's): 2 bad call, 30 file not found, 31 copy failed.

stageout_fail() {  # stageout_fail <exit code> <message>
    echo "stageout: $2" >&2
    status_f4a=$1
    . "${SPHENIXPROD_SCRIPT_PATH:-$(dirname "$0")}/common_runscript_finish.sh"
}

if [ "$#" -lt 2 ] || [ "$#" -gt 3 ]; then
    stageout_fail 2 "usage: stageout.sh <file> <destination> [dbid], got: $*"
fi
file=$1 destination=$2 dbid=${3:--1}
if [ "$dbid" = -1 ] || [ "$dbid" = 0 ]; then
    dbid=${PRODDB_DBID:--1}
fi
if [ ! -f "$file" ]; then
    stageout_fail 30 "$file not found"
fi

nevents='' first='' last=''
if [ -f "$file.events" ]; then
    while IFS='=' read -r key value; do
        case $key in
            nevents) nevents=$value ;;
            first) first=$value ;;
            last) last=$value ;;
        esac
    done < "$file.events"
elif [ -n "${PRODOP_EVENT_COUNTER:-}" ]; then
    { read -r nevents; read -r first; read -r last; } < <($PRODOP_EVENT_COUNTER "$file" | tail -n 3)
fi
nevents=${nevents:--1} first=${first:--1} last=${last:--1}

md5=$(md5sum -- "$file" | cut -d ' ' -f 1)
size=$(stat -c '%s' -- "$file")
ctime=$(stat -c '%Y' -- "$file")
lfn=$(basename -- "$file")
final="$destination/$lfn:nevents:$nevents:first:$first:last:$last:md5:$md5:size:$size:ctime:$ctime:dbid:$dbid"
partial="$destination/.$lfn.part-$$"

mkdir -p -- "$destination" || stageout_fail 31 "cannot create $destination"
trap 'rm -f -- "$partial"' EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
for attempt in 1 2; do
    if cp -- "$file" "$partial" && [ "$(stat -c '%s' -- "$partial" 2>/dev/null)" = "$size" ] \
            && mv -f -- "$partial" "$final"; then
        echo "stageout: $file -> $final"
        rm -f -- "$file" "$file.events"
        trap - EXIT TERM INT
        exit 0
    fi
    echo "stageout: attempt $attempt to copy $file to $destination failed" >&2
    rm -f -- "$partial"
done
stageout_fail 31 "cannot copy $file to $destination"
