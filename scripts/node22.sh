#!/bin/sh
# Runs a command with Node 22+ first on PATH. When the machine's Node is older, installs the official
# Node 22 binary from the npm registry once (node@22 into ~/.cache/handbook-lint/node22): no system changes.
#   scripts/node22.sh node dist/cli.js --help     run a command with Node 22
#   scripts/node22.sh --bin-dir                   print the folder to put first on PATH (empty if not needed)
set -eu

major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
bin_dir=""
if [ "$major" -lt 22 ]; then
  prefix="${HANDBOOK_LINT_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/handbook-lint/node22}"
  bin_dir="$prefix/node_modules/node/bin"
  if [ ! -x "$bin_dir/node" ]; then
    echo "handbook-lint needs Node 22+ (found $(node --version 2>/dev/null || echo none)); installing Node 22 into $prefix (one time)..." >&2
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error node@22 >&2
  fi
fi

if [ "${1:-}" = "--bin-dir" ]; then
  echo "$bin_dir"
  exit 0
fi
if [ -n "$bin_dir" ]; then PATH="$bin_dir:$PATH"; export PATH; fi
exec "$@"
