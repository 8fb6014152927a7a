# Shared setup for `npm start` and `npm test`: pnpm through corepack, dependencies, Chromium.
# Sourced by scripts/start.sh and scripts/test.sh; every step is idempotent and quick when warm.

export TURBO_TELEMETRY_DISABLED=1
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
# better-sqlite3 compiles with node-gyp; point it at the local Node headers so it downloads nothing.
if [ -z "${npm_config_nodedir:-}" ] && [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi

say() { printf '\033[1;36m▸ %s\033[0m\n' "$*"; }

# pnpm is pinned (with its hash) in package.json's packageManager; corepack provides exactly that version.
ensure_pnpm() {
  if ! command -v corepack >/dev/null 2>&1; then
    echo "corepack is missing: install Node.js 20.19 or newer (it ships corepack)." >&2
    exit 1
  fi
  if ! corepack enable >/dev/null 2>&1; then
    # Not allowed to write next to node (not root): put the shims in a user folder instead.
    mkdir -p "$HOME/.local/bin"
    corepack enable --install-directory "$HOME/.local/bin"
    export PATH="$HOME/.local/bin:$PATH"
  fi
}

install_deps() {
  say "Installing dependencies (pnpm $(pnpm --version))"
  local log
  log=$(mktemp)
  # The native build of better-sqlite3 is chatty: keep its log for failures only.
  if ! pnpm install --frozen-lockfile --reporter=append-only >"$log" 2>&1; then
    cat "$log" >&2
    echo "pnpm install failed (full log above)" >&2
    exit 1
  fi
  grep -E '^(Done|Already up to date)' "$log" || true
  rm -f "$log"
}

# Playwright drives Debian's Chromium; never a downloaded browser (no download works here).
ensure_chromium() {
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$CHROMIUM_PATH" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is needed for the browser tests: install it (Debian: sudo apt-get install chromium)" >&2
    echo "or point CHROMIUM_PATH at a Chromium binary, then run npm test again." >&2
    exit 1
  fi
}

# The Kafka-protocol test broker is compiled from tools/brokers/mockkafka_ctl.c against Debian's librdkafka
# (its built-in mock cluster): no Kafka server is installable here, and no binary may be downloaded.
ensure_broker_tools() {
  pkg-config --exists rdkafka 2>/dev/null && command -v gcc >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Debian's librdkafka-dev for the Kafka broker tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq librdkafka-dev pkg-config gcc >/dev/null
  else
    echo "The Kafka binding tests need librdkafka-dev, pkg-config and gcc" >&2
    echo "(Debian: sudo apt-get install librdkafka-dev pkg-config gcc), then run npm test again." >&2
    exit 1
  fi
}
