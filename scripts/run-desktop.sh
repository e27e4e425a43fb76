#!/usr/bin/env bash
# Installs what is missing, builds the desktop app into build-desktop-app/ and starts it.
# Arguments go to taskflow-desktop, e.g. `scripts/run-desktop.sh --server http://127.0.0.1:8000`
# (without --server it uses the saved server, at first http://127.0.0.1:8000, where
# scripts/run-server.sh listens).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/install-deps.sh build desktop
cmake -S . -B build-desktop-app -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DTASKFLOW_BUILD_DESKTOP=ON -DTASKFLOW_BUILD_TESTS=OFF >/dev/null
cmake --build build-desktop-app --parallel --target taskflow-desktop
exec build-desktop-app/desktop/taskflow-desktop "$@"
