#!/usr/bin/env bash
# A stand-in for an sPHENIX reconstruction job, for tests and the demo. Needs only bash and
# coreutils, because worker nodes differ.
#
#   fake_sphenix_job.sh <nevents> <input list> <output file> <run> <segment> [<histogram file>]
#
# Reads its input list (one file per line; each input is worth 2,500 events), "reconstructs"
# min(nevents, 2,500 x inputs) events, and writes the output file (and the histogram file, if
# named) into the working directory, FAKE_JOB_BYTES_PER_EVENT bytes per event. Next to each
# output it leaves <file>.events with nevents, first and last event, which the job wrapper puts
# into the manifest. The content depends only on run, segment and size, so checksums repeat.
#
# What it does depends on the run number, so that a test or a demo can pick trouble by run:
#   run ending in 13   fails (exit 13) after writing half an output, like a crash
#   run ending in 66   holds FAKE_JOB_MEMORY_MB (300) MB of resident memory for
#                      FAKE_JOB_HOG_SECONDS (12) s before it writes its outputs: exceeds a small request
#   run ending in 99   runs long: FAKE_JOB_LONG_SECONDS (3600) s
#   any other run      takes FAKE_JOB_SECONDS (0) s
set -euo pipefail

if [[ $# -lt 5 ]]; then
    echo "usage: $0 <nevents> <input list> <output file> <run> <segment> [<histogram file>]" >&2
    exit 2
fi
nevents_requested=$1 input_list=$2 output=$3 run=$4 segment=$5 hist=${6:-}
bytes_per_event=${FAKE_JOB_BYTES_PER_EVENT:-16}
events_per_input=2500

echo "fake_sphenix_job: run $run segment $segment, up to $nevents_requested events into $output"
if [[ ! -r "$input_list" ]]; then
    echo "fake_sphenix_job: cannot read the input list $input_list" >&2
    exit 2
fi
inputs=$(grep -c . "$input_list" || true)
if [[ "$inputs" -eq 0 ]]; then
    echo "fake_sphenix_job: the input list $input_list is empty" >&2
    exit 2
fi
echo "fake_sphenix_job: $inputs input files"

available=$((inputs * events_per_input))
nevents=$((nevents_requested < available ? nevents_requested : available))
first=$((segment * nevents_requested))
last=$((first + nevents - 1))

# Deterministic content of a given size: the same run and segment give the same checksum.
write_file() {  # write_file <name> <bytes>
    head -c "$2" < <(yes "sPHENIX fake DST run $run segment $segment") >"$1"
}

write_output() {  # write_output <name> <bytes>
    write_file "$1" "$2"
    printf 'nevents=%d\nfirst=%d\nlast=%d\n' "$nevents" "$first" "$last" >"$1.events"
}

case "$((run % 100))" in
    13)
        write_file "$output" $((nevents * bytes_per_event / 2))
        echo "fake_sphenix_job: segmentation violation (simulated) after $((nevents / 2)) events" >&2
        exit 13
        ;;
    66)
        megabytes=${FAKE_JOB_MEMORY_MB:-300}
        seconds=${FAKE_JOB_HOG_SECONDS:-12}
        echo "fake_sphenix_job: holding $megabytes MB for $seconds s"
        # tail -n 1 keeps an unterminated line in memory until its input ends
        { head -c "${megabytes}M" /dev/zero; sleep "$seconds"; } | tail -n 1 >/dev/null
        ;;
    99)
        seconds=${FAKE_JOB_LONG_SECONDS:-3600}
        echo "fake_sphenix_job: a long job, $seconds s"
        sleep "$seconds"
        ;;
    *)
        sleep "${FAKE_JOB_SECONDS:-0}"
        ;;
esac

write_output "$output" $((nevents * bytes_per_event))
if [[ -n "$hist" ]]; then
    write_output "$hist" $((4096 + nevents))
fi
echo "fake_sphenix_job: wrote $nevents events (events $first..$last)"
