#!/bin/sh
# The job wrapper of the sPHENIX production operator: the executable of every job in the
# operator's own job contract, run on the worker node as
#
#   /bin/sh prodop-job-<hash>.sh --job-key KEY --batch-id ID --manifest FILE
#       [--inputs BUNDLE@OFFSET+LENGTH] [--staging DIR] [--output LFN=DESTINATION]... -- SCRIPT [ARGUMENT]...
#
# It needs a POSIX shell and GNU coreutils only (a worker node has no Java of a known version).
#  1. writes the job's input list (inputs.list) into a fresh staging directory and runs the
#     payload there, with an allow-listed environment;
#  2. when the payload succeeded, publishes each output: copied to <destination>.partial while
#     its md5 is computed, then renamed, so a file under its final name is always complete;
#  3. writes the manifest (also when the payload failed) the same way, and exits with the
#     payload's exit code, or 74 when an output or the manifest could not be written.
# It never touches a database: the operator harvests manifests in bulk. Exit codes: 64 wrong
# command line, 66 input list unreadable, 74 outputs not published, 127 payload cannot start.
# The operator writes this file from its jar (gov.bnl.sphenix.production.batch.wrapper); its
# name carries a hash of its content, so a running job never sees it change.

# pattern matching and sorting by bytes; the payload gets the caller's own locale back
saved_lc_all=${LC_ALL-}
saved_lc_all_set=${LC_ALL+set}
LC_ALL=C
export LC_ALL
umask 022

EXIT_USAGE=64
EXIT_INPUTS_UNREADABLE=66
EXIT_OUTPUTS_FAILED=74
EXIT_CANNOT_START=127
NL='
'

usage() {
    printf 'JobWrapper: %s\n' "$1" >&2
    printf '%s\n' 'usage: JobWrapper --job-key KEY --batch-id ID --manifest FILE [--inputs BUNDLE@OFFSET+LENGTH] [--staging DIR] [--output LFN=DESTINATION]... -- SCRIPT [ARGUMENT]...' >&2
    exit "$EXIT_USAGE"
}

say() {
    printf 'prodop-job: %s: %s\n' "$job_key" "$*" >&2
}

is_number() {
    case $1 in '' | *[!0-9]*) return 1 ;; esac
    return 0
}

# --- the command line -------------------------------------------------------------------------
job_key=
have_key=
batch_id=
manifest=
inputs=
staging=
outputs=
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
    [ "$#" -ge 2 ] || usage "$1 needs a value"
    case $1 in
        --job-key) job_key=$2 have_key=1 ;;
        --batch-id) batch_id=$2 ;;
        --manifest) manifest=$2 ;;
        --inputs) inputs=$2 ;;
        --staging) staging=$2 ;;
        --output)
            case $2 in
                *"$NL"*) usage "--output wants LFN=DESTINATION on one line" ;;
                [!=]*=*) ;;
                *) usage "--output wants LFN=DESTINATION, got '$2'" ;;
            esac
            outputs=$outputs$2$NL ;;
        *) usage "unknown option $1" ;;
    esac
    shift 2
done
[ "$#" -ge 2 ] || usage "the payload script is missing: end the options with -- SCRIPT [ARGUMENT]..."
[ -n "$have_key" ] && [ -n "$manifest" ] || usage "--job-key and --manifest are required"
shift
script=$1
shift

if [ -n "$inputs" ]; then
    bundle=${inputs%@*}
    range=${inputs##*@}
    offset=${range%+*}
    length=${range##*+}
    case $inputs in *@*+*) ;; *) bundle= ;; esac
    case $range in *+*) ;; *) bundle= ;; esac
    if [ -z "$bundle" ] || ! is_number "$offset" || ! is_number "$length"; then
        usage "'$inputs' is not an input slice like /log/inputs-x.bundle@120+64"
    fi
fi

# --- JSON -------------------------------------------------------------------------------------
# A JSON string of $1 in $json. Names and arguments come from specs and file systems: quotes,
# backslashes and control characters are escaped, other bytes pass as they are.
json_string() {
    case $1 in
        *[\"\\]* | *[[:cntrl:]]*) ;;
        *) json="\"$1\""; return ;;
    esac
    rest=$1
    json='"'
    while [ -n "$rest" ]; do
        after=${rest#?}
        char=${rest%"$after"}
        rest=$after
        case $char in
            \" | \\) json="$json\\$char" ;;
            [[:cntrl:]]) json="$json$(printf '\\u%04x' "'$char")" ;;
            *) json="$json$char" ;;
        esac
    done
    json="$json\""
}

# A JSON array of the lines of $1 in $json_array, indented for a pretty manifest.
json_lines() {
    json_array=
    old_ifs=$IFS
    IFS=$NL
    for line in $1; do
        json_string "$line"
        json_array="${json_array:+$json_array, }$json"
    done
    IFS=$old_ifs
    if [ -z "$json_array" ]; then json_array='[ ]'; else json_array="[ $json_array ]"; fi
}

json_or_null() {
    if [ -n "$1" ]; then json=$1; else json=null; fi
}

# --- writing files without following links ----------------------------------------------------
# $1 made new (a link or a leftover at its name is removed, never written through, noclobber
# opens with O_EXCL) from standard input. The caller renames it into place.
write_new() {
    rm -f -- "$1" || return 1
    (set -C && cat >"$1")
}

now() {  # milliseconds since the epoch and the ISO-8601 instant, as the operator's clock prints them
    set -- $(date -u '+%s%3N %Y-%m-%dT%H:%M:%S.%3NZ')
    now_millis=$1
    now_iso=$2
}

# --- the job ----------------------------------------------------------------------------------
now
started_millis=$now_millis
started_iso=$now_iso

own_staging=
if [ -n "$staging" ]; then
    if ! mkdir -p -- "$staging"; then
        say "cannot make the staging directory $staging"
        exit "$EXIT_OUTPUTS_FAILED"
    fi
else
    scratch=${_CONDOR_SCRATCH_DIR:-${TMPDIR:-/tmp}}
    if ! staging=$(mktemp -d "$scratch/staging-XXXXXXXX"); then
        say "cannot make a staging directory in $scratch"
        exit "$EXIT_OUTPUTS_FAILED"
    fi
    own_staging=1
fi

# the job's slice of its submission's input bundle: one seek, however big the bundle
if [ -n "$inputs" ]; then
    size=$(wc -c <"$bundle" 2>/dev/null) || size=
    if [ -z "$size" ] || [ ! -f "$bundle" ]; then
        say "cannot read the input list $inputs: no bundle $bundle"
        exit "$EXIT_INPUTS_UNREADABLE"
    fi
    if [ "$size" -lt $((offset + length)) ]; then
        say "cannot read the input list $inputs: $bundle is shorter than the slice"
        exit "$EXIT_INPUTS_UNREADABLE"
    fi
    if ! tail -c +$((offset + 1)) -- "$bundle" | head -c "$length" >"$staging/inputs.list"; then
        say "cannot read the input list $inputs"
        exit "$EXIT_INPUTS_UNREADABLE"
    fi
else
    : >"$staging/inputs.list"
fi
input_names=
while IFS= read -r line || [ -n "$line" ]; do
    line=${line#"${line%%[![:space:]]*}"}
    line=${line%"${line##*[![:space:]]}"}
    case $line in '' | '#'*) continue ;; esac
    input_names=$input_names$line$NL
done <"$staging/inputs.list"
input_count=0
[ -z "$input_names" ] || input_count=$(printf '%s' "$input_names" | wc -l)

# --- the payload ------------------------------------------------------------------------------
# The payload's environment: the allowed variables of ours, never a password the operator or the
# site put there, and the job key. Names come from 'export -p' and are checked; a value is never
# read as a name.
allowed() {
    case $1 in
        PATH | HOME | USER | LOGNAME | LANG | LC_ALL | TZ | TMPDIR | HOSTNAME | OMP_NUM_THREADS | SPHENIXPROD_SCRIPT_PATH) return 0 ;;
        _CONDOR_* | FAKE_JOB_* | ROOT_STANDIN_*) return 0 ;;
    esac
    return 1
}

exported_names() {
    export -p | while IFS= read -r line; do
        case $line in
            'export '*) name=${line#export } ;;
            'declare -x '*) name=${line#declare -x } ;;
            *) continue ;;
        esac
        name=${name%%=*}
        case $name in '' | *[!A-Za-z0-9_]* | [0-9]*) continue ;; esac
        printf '%s\n' "$name"
    done
}

# Every process below $1, from /proc (coreutils has no pgrep): children before their children.
descendants() {
    root=$1
    table=
    for stat in /proc/[0-9]*/stat; do
        line=
        read -r line <"$stat" 2>/dev/null || continue
        pid=${stat#/proc/}
        pid=${pid%/stat}
        set -- ${line##*) }
        table="$table$pid $2$NL"
    done
    frontier=" $root "
    found=
    while [ -n "${frontier# }" ]; do
        next=" "
        old_ifs=$IFS
        IFS=$NL
        for entry in $table; do
            case $frontier in *" ${entry#* } "*) next="$next${entry%% *} " ;; esac
        done
        IFS=$old_ifs
        found="$found$next"
        frontier=$next
    done
    printf '%s\n' $found
}

stop_payload() {
    # the batch system stopped the job: its payload and whatever that started go with it
    kill -KILL "$payload_pid" $(descendants "$payload_pid") 2>/dev/null
    [ -z "$own_staging" ] || rm -rf -- "$staging"
    exit "$1"
}

say "running $script in $staging with $input_count inputs"
problem=
if [ ! -e "$script" ]; then
    exit_code=$EXIT_CANNOT_START
    problem="cannot start the payload: $script: no such file"
elif [ -d "$script" ] || [ ! -x "$script" ]; then
    exit_code=$EXIT_CANNOT_START
    problem="cannot start the payload: $script: not an executable file"
else
    (
        cd -- "$staging" || exit "$EXIT_CANNOT_START"
        for name in $(exported_names); do
            allowed "$name" || unset "$name" 2>/dev/null
        done
        if [ -n "$saved_lc_all_set" ]; then LC_ALL=$saved_lc_all; else unset LC_ALL; fi
        PRODOP_JOB_KEY=$job_key
        export PRODOP_JOB_KEY
        trap - TERM INT HUP
        exec "$script" "$@"
    ) &
    payload_pid=$!
    trap 'stop_payload 143' TERM
    trap 'stop_payload 130' INT
    trap 'stop_payload 129' HUP
    wait "$payload_pid"
    exit_code=$?
    trap - TERM INT HUP
    [ "$exit_code" -eq 0 ] || problem="payload exited with $exit_code"
fi
now
payload_ended_millis=$now_millis
payload_ended_iso=$now_iso
say "payload exited with $exit_code after $((payload_ended_millis - started_millis)) ms"

# --- the outputs ------------------------------------------------------------------------------
trim() {
    trimmed=${1#"${1%%[![:space:]]*}"}
    trimmed=${trimmed%"${trimmed##*[![:space:]]}"}
}

# A count from <lfn>.events (nevents=, first=, last=, one per line, as a properties file), in
# $count: empty when absent, normalised for JSON; fails on anything that is not a whole number.
event_number() {
    count=$1
    sign=
    case $count in -*) sign=-; count=${count#-} ;; +*) count=${count#+} ;; esac
    is_number "$count" && [ "${#count}" -le 18 ] || return 1
    while case $count in 0?*) true ;; *) false ;; esac; do count=${count#0}; done
    [ "$count" = 0 ] && sign=
    count=$sign$count
}

read_events() {  # $1 the events file; sets nevents, first, last, or events_problem
    nevents= first= last=
    [ -f "$1" ] || return 0
    while IFS= read -r line || [ -n "$line" ]; do
        trim "$line"
        line=$trimmed
        case $line in '' | '#'* | '!'*) continue ;; esac
        key=${line%%[=:[:space:]]*}
        trim "${line#"$key"}"
        value=${trimmed#[=:]}
        trim "$value"
        value=$trimmed
        case $key in nevents | first | last) ;; *) continue ;; esac
        if ! event_number "$value"; then
            events_problem="$1: $key='$value' is not a number"
            return 1
        fi
        eval "$key=\$count"
    done <"$1"
}

published=
publish() {  # $1 the lfn, $2 its destination; appends to $published or sets $publish_problem
    source=$staging/$1
    destination=$2
    if [ -L "$source" ]; then
        publish_problem="$source: the payload left a symbolic link for $1; only a file is published"
        return 1
    fi
    if [ ! -f "$source" ]; then
        publish_problem="$source: the payload did not write $1"
        return 1
    fi
    directory=$(dirname -- "$destination")
    if ! mkdir -p -- "$directory"; then
        publish_problem="cannot make $directory"
        return 1
    fi
    if [ -L "$destination" ]; then
        publish_problem="$destination is a symbolic link; an output is never published through one"
        return 1
    fi
    partial=$destination.partial
    # read once: tee writes the copy (made new, never through a link) while md5sum reads the stream
    if ! rm -f -- "$partial" || ! sum=$( (set -C && exec 4>"$partial" && tee /dev/fd/4 <"$source" | md5sum) ); then
        rm -f -- "$partial"
        publish_problem="cannot copy $source to $partial"
        return 1
    fi
    size=$(wc -c <"$source")
    copied=$(wc -c <"$partial" 2>/dev/null)
    sum=${sum%% *}
    if [ "$size" != "$copied" ] || [ "${#sum}" -ne 32 ]; then
        # a full disk must not be made fuller by the half copy that did not fit
        rm -f -- "$partial"
        publish_problem="copying $source to $partial stopped after $copied of $size bytes"
        return 1
    fi
    if ! mv -f -T -- "$partial" "$destination" 2>/dev/null; then
        rm -f -- "$partial"
        publish_problem="cannot rename $partial to $destination"
        return 1
    fi
    events_problem=
    if ! read_events "$staging/$1.events"; then
        publish_problem=$events_problem
        return 1
    fi
    json_string "$1"
    lfn_json=$json
    json_string "$destination"
    path_json=$json
    json_string "$sum"
    sum_json=$json
    json_or_null "$nevents"
    nevents_json=$json
    json_or_null "$first"
    first_json=$json
    json_or_null "$last"
    last_json=$json
    published="${published:+$published, }{
    \"lfn\" : $lfn_json,
    \"path\" : $path_json,
    \"size\" : $size,
    \"checksumAlgorithm\" : \"md5\",
    \"checksum\" : $sum_json,
    \"nevents\" : $nevents_json,
    \"firstEvent\" : $first_json,
    \"lastEvent\" : $last_json
  }"
}

if [ "$exit_code" -eq 0 ] && [ -n "$outputs" ]; then
    old_ifs=$IFS
    IFS=$NL
    set -f
    for spec in $outputs; do
        IFS=$old_ifs
        publish_problem=
        if ! publish "${spec%%=*}" "${spec#*=}"; then
            problem="outputs not published: $publish_problem"
            exit_code=$EXIT_OUTPUTS_FAILED
            published=
            say "$problem"
            break
        fi
        say "published ${spec#*=}"
    done
    set +f
    IFS=$old_ifs
fi
now
ended_millis=$now_millis
ended_iso=$now_iso

# --- the manifest -----------------------------------------------------------------------------
host=
read -r host </proc/sys/kernel/hostname 2>/dev/null || host=${HOSTNAME:-unknown}
[ -n "$host" ] || host=${HOSTNAME:-unknown}

argument_json=
for argument in "$@"; do
    json_string "$argument"
    argument_json="${argument_json:+$argument_json, }$json"
done
if [ -z "$argument_json" ]; then argument_json='[ ]'; else argument_json="[ $argument_json ]"; fi
set -f
json_lines "$input_names"
set +f
inputs_json=$json_array
if [ -z "$published" ]; then outputs_json='[ ]'; else outputs_json="[ $published ]"; fi
json_string "$job_key"
key_json=$json
json_string "$batch_id"
batch_json=$json
json_string "$host"
host_json=$json
if [ -n "$problem" ]; then json_string "$problem"; problem_json=$json; else problem_json=null; fi
json_string "$script"
script_json=$json

write_manifest() {
    partial=$manifest.partial
    directory=$(dirname -- "$manifest")
    mkdir -p -- "$directory" || return 1
    if [ -L "$manifest" ]; then
        say "$manifest is a symbolic link; a manifest is never written through one"
        return 1
    fi
    write_new "$partial" <<MANIFEST || { rm -f -- "$partial"; return 1; }
{
  "format" : "prodop-manifest/1",
  "jobKey" : $key_json,
  "batchId" : $batch_json,
  "host" : $host_json,
  "exitCode" : $exit_code,
  "problem" : $problem_json,
  "startedAt" : "$started_iso",
  "payloadEndedAt" : "$payload_ended_iso",
  "endedAt" : "$ended_iso",
  "payloadMillis" : $((payload_ended_millis - started_millis)),
  "publishMillis" : $((ended_millis - payload_ended_millis)),
  "script" : $script_json,
  "arguments" : $argument_json,
  "inputs" : $inputs_json,
  "outputs" : $outputs_json
}
MANIFEST
    mv -f -T -- "$partial" "$manifest" || { rm -f -- "$partial"; return 1; }
}

if ! write_manifest; then
    # without a manifest the operator cannot harvest the outputs: the job must not look successful
    say "cannot write the manifest $manifest"
    [ "$exit_code" -ne 0 ] || exit_code=$EXIT_OUTPUTS_FAILED
fi
[ -z "$own_staging" ] || rm -rf -- "$staging"
exit "$exit_code"
