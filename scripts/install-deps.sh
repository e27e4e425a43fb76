#!/usr/bin/env bash
# Installs the Debian packages of scripts/packages/ that are not installed yet.
# Usage: scripts/install-deps.sh LIST... (build, desktop, test, fuzz)
#
# Each list is scripts/packages/LIST.txt, the packages every supported release has under the
# same name, plus scripts/packages/RELEASE/LIST.txt, those whose names follow the release
# (PostgreSQL 15 or 17, clang's runtime 14 or 19, ...). RELEASE comes from /etc/os-release:
# debian-12 (bookworm) or debian-13 (trixie); TASKFLOW_RELEASE=debian-13 overrides it, e.g. on
# a derivative. `scripts/install-deps.sh --release` prints it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

detect_release() {
    if [ -n "${TASKFLOW_RELEASE:-}" ]; then echo "$TASKFLOW_RELEASE"; return; fi
    local ID="" VERSION_ID="" VERSION_CODENAME="" PRETTY_NAME=""
    # shellcheck disable=SC1091
    [ -r /etc/os-release ] && . /etc/os-release
    case "$ID:$VERSION_ID:$VERSION_CODENAME" in
    debian:12:* | debian:*:bookworm) echo debian-12 ;;
    debian:13:* | debian:*:trixie) echo debian-13 ;;
    *)
        echo "install-deps: no package lists for '${PRETTY_NAME:-this system}' (scripts/packages/ has" \
             "debian-12 and debian-13); set TASKFLOW_RELEASE to the closest one to try it" >&2
        return 1 ;;
    esac
}

release="$(detect_release)"
if [ "${1:-}" = --release ]; then echo "$release"; exit 0; fi
[ -d "$here/packages/$release" ] || { echo "install-deps: no folder scripts/packages/$release" >&2; exit 2; }

wanted=()
for list in "$@"; do
    [ -f "$here/packages/$list.txt" ] || { echo "install-deps: no package list '$list'" >&2; exit 2; }
    for file in "$here/packages/$list.txt" "$here/packages/$release/$list.txt"; do
        [ -f "$file" ] || continue
        while read -r pkg; do
            pkg="${pkg%%#*}"; pkg="${pkg//[[:space:]]/}"
            [ -n "$pkg" ] && wanted+=("$pkg")
        done <"$file"
    done
done

missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ($release): ${missing[*]}"
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
