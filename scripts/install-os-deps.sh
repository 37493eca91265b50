#!/usr/bin/env bash
# Installs the OS packages aurora-migrate's tests and benchmarks need on Debian/Ubuntu:
#   - libaio.so.1 for the bundled MySQL 8.0 / 5.7 server binaries (package libaio1, or libaio1t64
#     on newer releases, where only libaio.so.1t64 exists and a libaio.so.1 link is added next to it);
#   - the peer tools the benchmarks compare against: mydumper, mariadb-client, percona-toolkit;
#   - what the command line's tests look through as a person would: tmux (a real terminal for the progress bar) and
#     chromium (renders the HTML report headless and takes its screenshot).
# Idempotent and quiet when everything is present; runs apt-get update only if something is missing.
# Usage: scripts/install-os-deps.sh [--server-only]     (as root, or with password-less sudo)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

PEERS=(mydumper mariadb-client percona-toolkit tmux chromium)
if [[ "${1:-}" == "--server-only" ]]; then
  PEERS=()
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--server-only]" >&2
  exit 2
fi

die() { echo "install-os-deps: $*" >&2; exit 1; }

command -v apt-get >/dev/null 2>&1 || die "apt-get not found: this script supports Debian/Ubuntu only; install libaio (libaio.so.1), mydumper, the MariaDB client, percona-toolkit, tmux and chromium with your package manager"

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || die "not root and sudo is not installed; re-run as root"
  sudo -n true 2>/dev/null || die "not root and sudo needs a password; re-run as root or with: sudo $0"
  SUDO=(sudo -n)
fi

LOG="$(mktemp -t install-os-deps.XXXXXX.log)"
trap 'rm -f "$LOG"' EXIT
run() {   # runs a command quietly; on failure shows its output and stops
  if ! ${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive "$@" >>"$LOG" 2>&1; then
    cat "$LOG" >&2
    die "failed: $*"
  fi
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
available() { apt-cache show "$1" >/dev/null 2>&1; }

UPDATED=0
apt_update_once() {
  if [[ $UPDATED -eq 0 ]]; then
    run apt-get update -qq
    UPDATED=1
  fi
}

install_pkgs() {
  apt_update_once
  run apt-get install -y -qq --no-install-recommends "$@"
}

LIB_DIRS=(/usr/lib/x86_64-linux-gnu /lib/x86_64-linux-gnu /usr/lib64 /lib64 /usr/lib /lib /usr/lib/aarch64-linux-gnu)
# for testing this script in a sandbox: colon-separated library directories to search instead
if [[ -n "${INSTALL_OS_DEPS_LIB_DIRS:-}" ]]; then IFS=: read -r -a LIB_DIRS <<<"$INSTALL_OS_DEPS_LIB_DIRS"; fi
find_lib() {   # prints the first path of the given file name in the usual library directories
  local d
  for d in "${LIB_DIRS[@]}"; do
    if [[ -e "$d/$1" ]]; then echo "$d/$1"; return 0; fi
  done
  return 1
}

ensure_libaio() {
  find_lib libaio.so.1 >/dev/null && return 0
  if ! installed libaio1 && ! installed libaio1t64; then
    apt_update_once
    if available libaio1; then
      install_pkgs libaio1
    elif available libaio1t64; then
      install_pkgs libaio1t64
    else
      die "neither libaio1 nor libaio1t64 is available from apt; install the libaio shared library"
    fi
  fi
  find_lib libaio.so.1 >/dev/null && return 0
  # Debian 13 / Ubuntu 24.04 ship only libaio.so.1t64; the MySQL binaries look for libaio.so.1
  local t64
  t64="$(find_lib libaio.so.1t64)" || die "libaio is installed but neither libaio.so.1 nor libaio.so.1t64 was found"
  run ln -sf "$(basename "$t64")" "$(dirname "$t64")/libaio.so.1"
  if command -v ldconfig >/dev/null 2>&1; then run ldconfig; elif [[ -x /sbin/ldconfig ]]; then run /sbin/ldconfig; fi
  find_lib libaio.so.1 >/dev/null || die "could not provide libaio.so.1"
}

ensure_libaio

MISSING=()
for p in ${PEERS[@]+"${PEERS[@]}"}; do
  installed "$p" || MISSING+=("$p")
done
if [[ ${#MISSING[@]} -gt 0 ]]; then
  install_pkgs "${MISSING[@]}"
fi
