#!/usr/bin/env bash
# Sourced after a run script has set full_command (e.g. "root.exe -q -b 'Macro.C(...)'").
# Runs it, under /usr/bin/time -v when the worker has it, and sets status_f4a (its exit code)
# and, when measured, user_cpu, sys_cpu (seconds) and max_rss_kb. A failed macro ends the job
# here with its own exit code, so nothing half-made is staged out afterwards.

echo "executing: ${full_command}"
user_cpu='' sys_cpu='' max_rss_kb=''
if [ -x /usr/bin/time ]; then
    exec_times=$(mktemp)
    /usr/bin/time -v -o "$exec_times" bash -c "$full_command"
    status_f4a=$?
    user_cpu=$(awk '/User time \(seconds\)/ {print $NF}' "$exec_times")
    sys_cpu=$(awk '/System time \(seconds\)/ {print $NF}' "$exec_times")
    max_rss_kb=$(awk '/Maximum resident set size/ {print $NF}' "$exec_times")
    rm -f "$exec_times"
    unset exec_times
else
    bash -c "$full_command"
    status_f4a=$?
fi

if [ "$status_f4a" -ne 0 ]; then
    echo "the macro exited with $status_f4a" >&2
    . "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_finish.sh"
fi
