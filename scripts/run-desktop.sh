#!/usr/bin/env bash
# Installs what is missing, builds the desktop app (the desktop-only preset, into
# build-desktop-only/) and starts it.
# Arguments go to taskflow-desktop, e.g. `scripts/run-desktop.sh --server http://127.0.0.1:8000`
# (without --server it uses the saved server, at first http://127.0.0.1:8000, where
# scripts/run-server.sh listens).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/install-deps.sh build desktop
cmake --preset desktop-only >/dev/null
cmake --build --preset desktop-only --parallel "${JOBS:-$(nproc)}" --target taskflow-desktop
exec build-desktop-only/desktop/taskflow-desktop "$@"
