#!/usr/bin/env bash
# Compiles the Kafka-protocol test broker (librdkafka's mock cluster + a stdin control channel) on demand.
# Prints the binary's path. Rebuilds only when the source is newer than the binary.
# Needs Debian's librdkafka-dev, pkg-config and gcc (scripts/lib/setup.sh's ensure_broker_tools installs them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/mockkafka_ctl.c"
out_dir="$here/build"
bin="$out_dir/mockkafka_ctl"
if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ]; then
  if ! pkg-config --exists rdkafka 2>/dev/null; then
    echo "librdkafka-dev is missing: install it (Debian: apt-get install librdkafka-dev pkg-config gcc)" >&2
    exit 1
  fi
  mkdir -p "$out_dir"
  # Build into a temporary name first so a concurrent test run never executes a half-written binary.
  tmp="$bin.$$"
  # shellcheck disable=SC2046 # pkg-config prints several flags on purpose
  gcc -O2 -o "$tmp" "$src" $(pkg-config --cflags --libs rdkafka) -lpthread
  mv -f "$tmp" "$bin"
fi
echo "$bin"
