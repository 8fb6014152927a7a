#!/usr/bin/env bash
# `npm start`: install, build, prepare the database (embedded SQLite unless DATABASE_URL is set),
# then serve the app, API and socket.io on one port (PORT, default 4400).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

ensure_pnpm
install_deps
say "Building"
pnpm exec turbo run build --filter=@eventloom/runtime... --filter=@eventloom/web... --concurrency=2 --output-logs=errors-only
say "Applying database migrations"
pnpm db:deploy
say "Starting Eventloom"
# exec: node receives Ctrl-C itself and shuts down cleanly.
exec node apps/runtime/dist/main.js
