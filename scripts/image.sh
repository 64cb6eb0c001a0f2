#!/usr/bin/env bash
# Builds the operator's container image from this repository's own files, without a Docker daemon:
#
#   a Debian 13 root made with debootstrap (cached), Debian's JRE and HTCondor tools (the packages
#   scripts/minicondor.sh runs the test pool with), the operator jar and a `prodctl` command,
#   packed by umoci (Debian's package) as an OCI image archive:
#
#     target/image/prodctl-<tag>.oci.tar     (ref name <tag>, the chart's appVersion)
#
# then smoke-tested by running `prodctl --version` and `condor_version` inside the root (chroot).
# docs/operations.md ("The image") tells how to push the archive to a site registry with skopeo.
#
# usage: scripts/image.sh [--if-cached]
#   --if-cached   build only when the Debian base is cached; otherwise print one line saying so and
#                 exit 0 (CI: a build from nothing downloads the packages of a ~490 MB root and takes minutes)
#
# environment:
#   PRODOP_IMAGE_CACHE   where the base is cached (default /var/cache/prodop-image; outside any
#                        git work tree)
#   MINICONDOR_MIRROR    the Debian mirror, as for scripts/minicondor.sh
#
# Runs as root (debootstrap and chroot need it). The jar is built first when missing or older than
# the sources, as ./prodctl does.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${PRODOP_IMAGE_CACHE:-/var/cache/prodop-image}"
MIRROR="${MINICONDOR_MIRROR:-http://deb.debian.org/debian}"
SUITE=trixie
# the packages of the image's base: HTCondor's tools and a JRE, from Debian as for the test pool
PACKAGES="condor default-jre-headless ca-certificates"
# Bump when the base's recipe changes, so that a cached base is rebuilt.
BASE_VERSION=1
BASE="$CACHE/base-$BASE_VERSION"
# the image's user: numeric, so that Kubernetes' runAsNonRoot can check it
IMAGE_UID=10001
REPOSITORY="sphenix/prodctl"
OUT="$here/target/image"

log() { echo "image: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if_cached=false
for arg in "$@"; do
    case "$arg" in
        --if-cached) if_cached=true ;;
        -h | --help) sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$arg' (usage: scripts/image.sh [--if-cached])" ;;
    esac
done

tag="$(sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$here/charts/sphenix-production-operator/Chart.yaml")"
[[ -n "$tag" ]] || die "no appVersion in charts/sphenix-production-operator/Chart.yaml"
archive="$OUT/prodctl-$tag.oci.tar"

if [[ ! -f "$BASE/.prodop-image-base" ]]; then
    if $if_cached; then
        echo "image: skipped — no cached Debian base in $BASE (run 'sudo scripts/image.sh' once: a few minutes, a ~490 MB root)"
        exit 0
    fi
fi
[[ "$(id -u)" == 0 ]] || die "must run as root (debootstrap and chroot need it)"
for tool in umoci debootstrap; do
    if ! command -v "$tool" >/dev/null; then
        command -v apt-get >/dev/null || die "$tool is missing and there is no apt-get to install it"
        log "installing $tool"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
    fi
done

work="$OUT/work"
unmount_all() {  # the two mounts this script makes in a root
    local target
    for target in "$1/dev" "$1/proc"; do
        if mountpoint -q "$target" 2>/dev/null; then umount "$target" 2>/dev/null || umount -l "$target"; fi
    done
}
cleanup() { unmount_all "$work"; unmount_all "$CACHE/base.build"; }
trap cleanup EXIT

in_root() {  # runs a command inside a root, with a clean environment
    env -i PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
        chroot "$1" "${@:2}"
}

mount_system() {
    mkdir -p "$1/proc" "$1/dev"
    mount -t proc proc "$1/proc"
    mount --bind /dev "$1/dev"
}

build_base() {
    local build="$CACHE/base.build" started=$SECONDS
    mkdir -p "$CACHE"
    unmount_all "$build"
    rm -rf --one-file-system "$build"
    log "building a Debian $SUITE base in $build (first run only)"
    debootstrap --variant=minbase "$SUITE" "$build" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
        || die "debootstrap failed; see $CACHE/debootstrap.log"
    mount_system "$build"
    cp /etc/resolv.conf "$build/etc/resolv.conf"
    # no daemon starts inside a build root
    printf '#!/bin/sh\nexit 101\n' >"$build/usr/sbin/policy-rc.d"
    chmod 755 "$build/usr/sbin/policy-rc.d"
    log "installing $PACKAGES"
    if ! in_root "$build" sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends $PACKAGES && apt-get clean" \
        >"$CACHE/install.log" 2>&1; then
        die "package installation failed; see $CACHE/install.log"
    fi
    unmount_all "$build"
    rm -f "$build/usr/sbin/policy-rc.d" "$build/etc/resolv.conf"
    rm -rf "$build"/var/lib/apt/lists/* "$build"/var/cache/apt/* "$build"/usr/share/doc/* "$build"/usr/share/man/*
    echo "$BASE_VERSION" >"$build/.prodop-image-base"
    rm -rf --one-file-system "$BASE"
    mv "$build" "$BASE"
    log "base ready in $((SECONDS - started)) s"
}

[[ -f "$BASE/.prodop-image-base" ]] || build_base
started=$SECONDS

jar="$here/operator/target/prodctl.jar"
if [[ ! -f "$jar" || -n "$(find "$here/pom.xml" "$here/operator/pom.xml" "$here/operator/src/main" -newer "$jar" -print -quit)" ]]; then
    log "building the jar"
    (cd "$here" && mvn -B -q -DskipTests package >&2) || die "the jar did not build; run 'mvn -B package' to see why"
fi

unmount_all "$work"
rm -rf --one-file-system "$work"
mkdir -p "$work"
rootfs="$work/rootfs"
cp -a "$BASE" "$rootfs"
rm -f "$rootfs/.prodop-image-base"
install -D -m 644 "$jar" "$rootfs/opt/prodop/prodctl.jar"
cat >"$rootfs/usr/local/bin/prodctl" <<'EOF'
#!/bin/sh
# prodctl in the operator's image: the jar with the JVM options of PRODCTL_JAVA_OPTS
exec java ${PRODCTL_JAVA_OPTS:-} -jar /opt/prodop/prodctl.jar "$@"
EOF
chmod 755 "$rootfs/usr/local/bin/prodctl"
in_root "$rootfs" groupadd --gid "$IMAGE_UID" prodop
in_root "$rootfs" useradd --uid "$IMAGE_UID" --gid "$IMAGE_UID" --home-dir /var/lib/prodop --create-home \
    --shell /usr/sbin/nologin prodop
# the tools' token directory and the pool's configuration are mounted here by the chart
mkdir -p "$rootfs/etc/condor/tokens.d" "$rootfs/etc/condor/pool"

log "smoke test: prodctl --version and condor_version inside the image, as its user"
mount_system "$rootfs"
version="$(in_root "$rootfs" chroot --userspec="$IMAGE_UID:$IMAGE_UID" / prodctl --version)" \
    || die "prodctl --version failed inside the image"
condor="$(in_root "$rootfs" chroot --userspec="$IMAGE_UID:$IMAGE_UID" / condor_version | head -1)" \
    || die "condor_version failed inside the image"
unmount_all "$rootfs"
log "  $version"
log "  $condor"

log "packing $REPOSITORY:$tag with umoci"
umoci init --layout "$work/oci"
umoci new --image "$work/oci:$tag"
umoci unpack --image "$work/oci:$tag" "$work/bundle" >/dev/null
rm -rf "$work/bundle/rootfs"
mv "$rootfs" "$work/bundle/rootfs"
umoci repack --image "$work/oci:$tag" "$work/bundle"
umoci config --image "$work/oci:$tag" \
    --config.user "$IMAGE_UID:$IMAGE_UID" \
    --config.entrypoint /usr/local/bin/prodctl \
    --config.cmd operator \
    --config.workingdir /var/lib/prodop \
    --config.env PATH=/usr/local/bin:/usr/bin:/bin \
    --config.env LANG=C.UTF-8 \
    --config.label "org.opencontainers.image.title=$REPOSITORY" \
    --config.label "org.opencontainers.image.version=$tag" \
    --config.label "org.opencontainers.image.description=sPHENIX production operator (prodctl) with HTCondor's tools" \
    --author "sPHENIX production operator build (scripts/image.sh)"
umoci gc --layout "$work/oci"
rm -f "$archive"
tar -C "$work/oci" -cf "$archive.partial" .
mv "$archive.partial" "$archive"
rm -rf --one-file-system "$work"
log "$archive ($(du -h "$archive" | cut -f1), ref $tag) in $((SECONDS - started)) s"
echo "image: $REPOSITORY:$tag → $archive"
