#!/usr/bin/env bash
# `npm test`: install what is missing, then lint, typecheck, unit + integration tests, browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

ensure_pnpm
install_deps
ensure_chromium
ensure_broker_tools
turbo() { pnpm exec turbo run "$@" --concurrency=2 --output-logs=new-only; }

say "Building"
turbo build
say "Lint and typecheck"
turbo lint typecheck
say "Unit and integration tests"
turbo test
say "Chaos: 5 SIGKILLs and a 10 s broker outage, four bindings (pnpm test:chaos; 40 kills by hand)"
pnpm test:chaos --kills 5 --outage-s 10 --gap-ms 4000-8000
say "Browser journeys (Playwright, Chromium)"
pnpm test:e2e
say "All checks passed"
