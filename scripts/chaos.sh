#!/usr/bin/env bash
# chaos.sh [--quick] [prodctl chaos options...] — kill -9 on the real operator, then audit.
#
# Runs `prodctl chaos`: `prodctl run` processes on a production world in the HTCondor pool's shared
# directory, each killed with SIGKILL at a random moment; PostgreSQL (the world's own server) and
# the schedd are restarted under a running operator now and then. Then one operator is left to
# converge, and the world is audited from condor's queue and history, the ledger, the FileCatalog
# and the files on disk. The last line is
#
#   chaos: <n> kills, <r> restarts, <d> duplicates, <l> lost outputs, <o> orphans, <k> keys done
#
# and the exit code is 1 when any defect (or a key not done) was found.
#
#   --quick   8 kills on 8 runs, PostgreSQL restarted twice, the schedd once: a few minutes, for CI
#   (none)    100 kills on 30 runs (docs/benchmarks.md has its figures)
#
# Environment:
#   MINICONDOR_HOME  the pool of scripts/minicondor.sh (default /var/cache/minicondor); it must be up
#   CHAOS_SCHEDD     'off' leaves the schedd alone (a pool other people's jobs use); default: restart it
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pool="${MINICONDOR_HOME:-/var/cache/minicondor}"

if ! "$here/scripts/minicondor.sh" status >/dev/null 2>&1; then
    echo "chaos: no HTCondor pool answers; start one with: sudo scripts/minicondor.sh up" >&2
    exit 1
fi

args=()
if [[ "${CHAOS_SCHEDD:-on}" != off && -x "$pool/bin/pool-admin" ]]; then
    # the schedd alone: the collector, the negotiator and the running jobs' starters stay up
    args+=(--schedd-restart "$pool/bin/pool-admin condor_restart -daemon schedd")
fi

cd "$here"
exec "$here/prodctl" chaos "${args[@]}" "$@"
