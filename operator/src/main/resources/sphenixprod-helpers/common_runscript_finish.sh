#!/usr/bin/env bash
# Sourced last: ends the job with status_f4a (1 when nothing set it). The exit code is the
# whole report; no database is told.

status_f4a=${status_f4a:-1}
echo "job ${logbase:-?} ends with exit code $status_f4a${user_cpu:+ (user ${user_cpu} s, sys ${sys_cpu} s, max RSS ${max_rss_kb} kB)}"
exit "$status_f4a"
