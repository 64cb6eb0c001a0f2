#!/usr/bin/env bash
# minicondor.sh up|down|status — a real one-machine HTCondor pool for tests and the demo.
#
# Debian 12 has no HTCondor package; Debian 13 ("trixie") has `minicondor`, HTCondor configured
# as a personal pool (collector, negotiator, schedd and startd on 127.0.0.1). This script runs it
# inside a Debian 13 root made with debootstrap, cached between runs, and leaves behind wrapper
# commands that enter that root as an unprivileged submit user (HTCondor refuses jobs owned by
# root). The operator's HTCondor adapter is pointed at `$MINICONDOR_HOME/bin/in-pool` as its
# command prefix; a person can use `$MINICONDOR_HOME/bin/condor_q` and friends directly.
#
#   up      build the root (first time only, a few minutes), mount, start, wait for a slot.
#           Idempotent: a pool that is already up is left as it is.
#   down    stop condor_master (by its PID), wait for its daemons, unmount. Idempotent.
#   status  exit 0 and print slots and queue totals when the pool answers, exit 3 when it is down.
#
# Environment:
#   MINICONDOR_HOME    where the root, the shared work directory and the wrappers live
#                      (default /var/cache/minicondor; must be outside any git work tree)
#   MINICONDOR_MIRROR  Debian mirror (default http://deb.debian.org/debian)
#   MINICONDOR_SLOTS   execute slots (default 4)
#   MINICONDOR_MEMORY_MB  memory the pool advertises, in MB (default 32768, whatever the host has)
#   MINICONDOR_UID     uid/gid of the submit user inside the root (default 3001)
#
# The share directory $MINICONDOR_HOME/share is bind-mounted at the same path inside the root,
# so a path written into a submit description means the same file for the submitter and the job.
# Job logs, outputs and the job wrapper's class path must live under it.
#
# Never changes the host's kernel settings: HTCondor's ENABLE_KERNEL_TUNING would rewrite the
# shared /proc/sys (ephemeral port range, pid_max, ...); it is switched off before the first start
# and the script checks that the host's values are unchanged after every start.
set -euo pipefail

HOME_DIR="${MINICONDOR_HOME:-/var/cache/minicondor}"
ROOT="$HOME_DIR/root"
SHARE="$HOME_DIR/share"
BIN="$HOME_DIR/bin"
PIDFILE="$HOME_DIR/master.pid"
MIRROR="${MINICONDOR_MIRROR:-http://deb.debian.org/debian}"
SLOTS="${MINICONDOR_SLOTS:-4}"
POOL_USER=submitter
POOL_UID="${MINICONDOR_UID:-3001}"
SUITE=trixie
# Bump when the packages in the root change, so that cached roots are rebuilt.
ROOT_VERSION=2
PACKAGES="minicondor default-jre-headless"
KERNEL_KNOBS="net/ipv4/ip_local_port_range kernel/pid_max vm/dirty_bytes vm/dirty_background_bytes kernel/shmmax"

log() { echo "minicondor: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require_root() {
    [[ "$(id -u)" == 0 ]] || die "must run as root (debootstrap, chroot and mounts need it)"
}

in_root() {  # runs a command inside the root as root, with a clean environment
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
        chroot "$1" "${@:2}"
}

mount_once() {  # mount_once <what> <where> [mount options...]
    local what="$1" where="$2"
    shift 2
    mkdir -p "$where"
    mountpoint -q "$where" || mount "$@" "$what" "$where"
}

mount_system() {  # proc and dev for a root (package installs and the running pool need them)
    local root="$1"
    mount_once proc "$root/proc" -t proc
    mount_once /dev "$root/dev" --bind
    mount_once /dev/pts "$root/dev/pts" --bind
}

unmount_all() {  # every mount under a root, deepest first
    local root="$1" target
    [[ -d "$root" ]] || return 0
    while read -r target; do
        umount "$target" 2>/dev/null || umount -l "$target"
    done < <(awk -v r="$root" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/self/mounts | sort -r)
}

ensure_debootstrap() {
    command -v debootstrap >/dev/null && return 0
    command -v apt-get >/dev/null || die "debootstrap is missing and there is no apt-get to install it"
    log "installing debootstrap"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}

build_root() {
    if [[ -f "$ROOT/.minicondor-root" && "$(cat "$ROOT/.minicondor-root")" == "$ROOT_VERSION" ]]; then
        return 0
    fi
    ensure_debootstrap
    local build="$HOME_DIR/root.build"
    unmount_all "$build"
    rm -rf --one-file-system "$build"
    if [[ -d "$ROOT" ]]; then  # an older version of the cached root
        [[ -z "$(master_pid)" ]] || down
        # unmount first: the share is a bind mount of the same file system, which
        # --one-file-system would not stop rm from descending into
        unmount_all "$ROOT"
        rm -rf --one-file-system "$ROOT"
    fi
    local started=$SECONDS
    log "building a Debian $SUITE root in $build (first run only)"
    debootstrap --variant=minbase "$SUITE" "$build" "$MIRROR" >"$HOME_DIR/debootstrap.log" 2>&1 \
        || die "debootstrap failed; see $HOME_DIR/debootstrap.log"
    mount_system "$build"
    cp /etc/resolv.conf "$build/etc/resolv.conf"
    log "installing $PACKAGES"
    if ! in_root "$build" sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends $PACKAGES && apt-get clean" \
        >"$HOME_DIR/install.log" 2>&1; then
        unmount_all "$build"
        die "package installation failed; see $HOME_DIR/install.log"
    fi
    in_root "$build" useradd --create-home --uid "$POOL_UID" --user-group "$POOL_USER"
    unmount_all "$build"
    echo "$ROOT_VERSION" >"$build/.minicondor-root"
    mv "$build" "$ROOT"
    log "root ready in $((SECONDS - started)) s"
}

configure_root() {
    local host
    host="$(hostname)"
    # the daemons must resolve the machine's own name
    printf '127.0.0.1 localhost\n127.0.1.1 %s\n::1 localhost ip6-localhost ip6-loopback\n' "$host" >"$ROOT/etc/hosts"
    cat >"$ROOT/etc/condor/config.d/99-prodop.conf" <<EOF
# Written by scripts/minicondor.sh; rewritten on every 'up'.
# The pool shares the host's kernel: never let HTCondor tune /proc/sys (it would change the
# host's ephemeral port range, pid_max, dirty_bytes, ...).
ENABLE_KERNEL_TUNING = False
# The starter cannot unshare a mount namespace here; without this every job is held (code 6).
MOUNT_UNDER_SCRATCH =
NUM_CPUS = $SLOTS
# The pool's memory, whatever the host has: the rules ask for what real reconstruction needs
# (4 GB, 8 GB, 12 GB rungs) while the pool runs stand-ins of a few MB; on a small machine such a
# request would match no slot and its job would stay idle for ever. Memory holds are unaffected:
# they compare a job's MemoryUsage with its own request.
MEMORY = ${MINICONDOR_MEMORY_MB:-32768}
# A claim runs one job: its cores and memory go back to the machine when the job ends. A claim
# kept for reuse held one core idle for minutes while a job asking for all of them (the tracking
# rules ask for 4) waited behind it; on a pool this small nothing else frees them.
CLAIM_WORKLIFE = 0
# Transfer slots, the I/O throttle the SDCC pools advertise: a rule's request_xferslots asks for
# some, and a job asking for a resource no slot has would stay idle for ever.
MACHINE_RESOURCE_xferslots = 64
# Short cycles so that tests see a job start, finish or go on hold within seconds.
NEGOTIATOR_INTERVAL = 1
NEGOTIATOR_MIN_INTERVAL = 1
NEGOTIATOR_CYCLE_DELAY = 1
SCHEDD_INTERVAL = 1
SCHEDD_MIN_INTERVAL = 1
PERIODIC_EXPR_INTERVAL = 2
STARTER_UPDATE_INTERVAL = 2
SHADOW_QUEUE_UPDATE_INTERVAL = 2
STARTER_INITIAL_UPDATE_INTERVAL = 1
# How often the process tracker measures a job's memory: MemoryUsage, and so the memory hold,
# lags by up to this much (the default is 60 s).
PROCD_MAX_SNAPSHOT_INTERVAL = 2
# The default schedd is schedd@<host>: a bare host name as -name must resolve as an Internet host
# name, which a container's own name may not.
SCHEDD_NAME = schedd
# A second schedd beside the default one, as a facility has several submit hosts: its own job
# queue and history in its own SPOOL (not inside the default one, whose condor_preen would delete
# them as unknown files) and its own job ids (the cluster numbers of both start at 1), reached
# with -name second@<host>.
SECOND_SCHEDD = \$(SCHEDD)
SECOND_SCHEDD_ARGS = -local-name second
SECOND.SCHEDD_NAME = second
SECOND.SPOOL = \$(LOCAL_DIR)/spool/condor-second
SECOND.SCHEDD_LOG = \$(LOG)/SchedLog.second
DAEMON_LIST = \$(DAEMON_LIST) SECOND_SCHEDD
DC_DAEMON_LIST = + SECOND_SCHEDD
EOF
    id -u "$POOL_USER" >/dev/null 2>&1 || true  # the user exists inside the root, not necessarily on the host
    grep -q "^$POOL_USER:" "$ROOT/etc/passwd" || in_root "$ROOT" useradd --create-home --uid "$POOL_UID" --user-group "$POOL_USER"
}

write_wrappers() {
    mkdir -p "$BIN"
    cat >"$BIN/in-pool" <<EOF
#!/bin/sh
# Runs a command inside the pool's root as the submit user: in-pool condor_q -json ...
# Arguments, standard input and the exit code pass through.
exec env -i PATH=/usr/bin:/bin HOME=/home/$POOL_USER LANG=C.UTF-8 USER=$POOL_USER \\
    $(command -v chroot) --userspec=$POOL_UID:$POOL_UID "$ROOT" "\$@"
EOF
    chmod 755 "$BIN/in-pool"
    cat >"$BIN/pool-admin" <<EOF
#!/bin/sh
# Runs a command inside the pool's root as root, for administration: pool-admin condor_off -daemon schedd
exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 $(command -v chroot) "$ROOT" "\$@"
EOF
    chmod 700 "$BIN/pool-admin"
    local tool
    for tool in condor_q condor_submit condor_history condor_rm condor_hold condor_release condor_qedit condor_status; do
        printf '#!/bin/sh\nexec "%s" %s "$@"\n' "$BIN/in-pool" "$tool" >"$BIN/$tool"
        chmod 755 "$BIN/$tool"
    done
}

kernel_settings() {
    local knob
    for knob in $KERNEL_KNOBS; do
        [[ -r "/proc/sys/$knob" ]] && printf '%s=%s\n' "$knob" "$(tr -s '\t ' ' ' <"/proc/sys/$knob")"
    done
}

master_pid() {  # prints the running master's PID, or nothing
    [[ -f "$PIDFILE" ]] || return 0
    local pid
    pid="$(cat "$PIDFILE")"
    if [[ -n "$pid" && -d "/proc/$pid" && "$(cat "/proc/$pid/comm" 2>/dev/null)" == condor_master ]]; then
        echo "$pid"
    fi
}

pool_answers() {
    local slots
    slots="$(timeout 10 "$BIN/in-pool" condor_status -af Name 2>/dev/null | wc -l)" || return 1
    [[ "$slots" -gt 0 ]] && timeout 10 "$BIN/in-pool" condor_q -totals >/dev/null 2>&1
}

up() {
    require_root
    mkdir -p "$HOME_DIR"
    write_wrappers
    local pid
    pid="$(master_pid)"
    if [[ -n "$pid" ]] && pool_answers; then
        # a pool started by an older version of this script takes the current configuration
        # (e.g. its second schedd) without a restart
        local before
        before="$(cat "$ROOT/etc/condor/config.d/99-prodop.conf")"
        configure_root
        if [[ "$before" != "$(cat "$ROOT/etc/condor/config.d/99-prodop.conf")" ]]; then
            in_root "$ROOT" sh -c 'mkdir -p /var/spool/condor-second && chown condor:condor /var/spool/condor-second'
            in_root "$ROOT" condor_reconfig >/dev/null
            log "configuration updated; the daemons re-read it"
        fi
        log "already up (condor_master pid $pid)"
        print_usage
        return 0
    fi
    build_root
    configure_root
    mount_system "$ROOT"
    mkdir -p "$SHARE"
    chmod 1777 "$SHARE"
    mount_once "$SHARE" "$ROOT$SHARE" --bind
    # inside the root: /var/lock there is an absolute symlink that would point at the host's /run
    in_root "$ROOT" sh -c 'mkdir -p /run/condor /var/lock/condor /var/log/condor /var/spool/condor-second &&
        chown condor:condor /run/condor /var/lock/condor /var/log/condor /var/spool/condor-second'
    if [[ -z "$pid" ]]; then
        # setsid: the master outlives the shell that started it (a new process session);
        # not forking keeps $! the master's own PID, so 'down' stops exactly this process.
        setsid env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
            chroot "$ROOT" condor_master -f </dev/null >"$HOME_DIR/master.out" 2>&1 &
        pid=$!
        echo "$pid" >"$PIDFILE"
        log "started condor_master (pid $pid)"
    fi
    local deadline=$((SECONDS + 90))
    until pool_answers; do
        if [[ -z "$(master_pid)" ]]; then
            die "condor_master exited; see $HOME_DIR/master.out and $ROOT/var/log/condor/"
        fi
        ((SECONDS < deadline)) || die "no slot after 90 s; see $ROOT/var/log/condor/"
        sleep 0.5
    done
    check_kernel_unchanged "$before_all"
    log "up: $(timeout 10 "$BIN/in-pool" condor_status -af Name | wc -l) slots"
    print_usage
}

check_kernel_unchanged() {
    local before="$1" now
    [[ -n "$before" ]] || return 0
    now="$(kernel_settings)"
    if [[ "$now" != "$before" ]]; then
        log "the host's kernel settings changed while the pool started:"
        diff <(echo "$before") <(echo "$now") >&2 || true
        down
        die "refusing to run a pool that changes the host's kernel settings"
    fi
}

print_usage() {
    cat <<EOF
CONDOR_COMMAND_PREFIX=$BIN/in-pool
CONDOR_SHARE=$SHARE
EOF
}

down() {
    require_root
    local pid waited=0
    pid="$(master_pid)"
    if [[ -n "$pid" ]]; then
        log "stopping condor_master (pid $pid)"
        kill -TERM "$pid"  # graceful: the master shuts its daemons down first
        while [[ -d "/proc/$pid" ]] && ((waited < 60)); do
            sleep 0.5
            waited=$((waited + 1))
        done
        if [[ -d "/proc/$pid" ]]; then
            log "condor_master still running after 30 s; sending SIGQUIT"
            kill -QUIT "$pid" 2>/dev/null || true
            sleep 2
        fi
    fi
    rm -f "$PIDFILE"
    stop_leftovers
    unmount_all "$ROOT"
    log "down"
}

stop_leftovers() {  # daemons of this pool that outlived the master (they all run inside $ROOT)
    [[ -d "$ROOT" ]] || return 0
    local p root_of
    for p in /proc/[0-9]*; do
        root_of="$(readlink "$p/root" 2>/dev/null || true)"
        if [[ "$root_of" == "$ROOT" ]]; then
            log "stopping leftover pool process ${p#/proc/} ($(cat "$p/comm" 2>/dev/null))"
            kill -KILL "${p#/proc/}" 2>/dev/null || true
        fi
    done
}

status() {
    local pid
    pid="$(master_pid)"
    if [[ -z "$pid" ]]; then
        echo "minicondor: down"
        return 3
    fi
    if ! pool_answers; then
        echo "minicondor: condor_master running (pid $pid) but the pool does not answer yet"
        return 3
    fi
    echo "minicondor: up (condor_master pid $pid, root $ROOT)"
    timeout 10 "$BIN/in-pool" condor_status -total || true
    timeout 10 "$BIN/in-pool" condor_q -allusers -totals || true
    print_usage
}

before_all=""
case "${1:-}" in
    up) before_all="$(kernel_settings)"; up ;;
    down) down ;;
    status) status ;;
    *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
