#!/usr/bin/env bash
# Installs what is missing, builds the server and runs it on SQLite at http://127.0.0.1:8000
# (./taskflow.db). Any argument is passed to taskflow-server (see --help); so is the
# environment of API.md (DATABASE_URL, PORT, HOST, CORS_ORIGINS, ...).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/install-deps.sh build
cmake --preset server >/dev/null
cmake --build --preset server --parallel "${JOBS:-$(nproc)}"
exec build-server/server/taskflow-server "$@"
