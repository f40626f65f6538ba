#!/bin/sh
# Runs a command with Node 22.12+ first on PATH. When the machine's Node is older, installs the official
# Node 22 binary from the npm registry once (node@22 into ~/.cache/handbook-lint/node22): no system
# changes, and one line on stderr saying what it fetches and how big it is.
#   scripts/node22.sh node dist/cli.js --help     run a command with Node 22
#   scripts/node22.sh npm ci                      install the dependencies under Node 22 (no engine warnings)
#   scripts/node22.sh --bin-dir                   print the folder to put first on PATH (empty if not needed)
set -eu

# package.json's engines: Node 22.12 or newer, as major*1000+minor.
version=$(node -p 'const [major, minor] = process.versions.node.split(".").map(Number); major * 1000 + minor' 2>/dev/null || echo 0)
bin_dir=""
if [ "$version" -lt 22012 ]; then
  prefix="${HANDBOOK_LINT_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/handbook-lint/node22}"
  bin_dir="$prefix/node_modules/node/bin"
  if [ ! -x "$bin_dir/node" ]; then
    # Sizes of node@22 for linux-x64 as the registry serves it; other platforms are close.
    echo "handbook-lint needs Node 22.12 or newer (found $(node --version 2>/dev/null || echo none)); fetching node@22 from the npm registry (~50 MB download, ~185 MB on disk) into $prefix, once..." >&2
    if ! npm install --prefix "$prefix" --no-save --no-audit --no-fund --silent node@22 >&2; then
      echo "handbook-lint: could not fetch Node 22; install Node 22 or newer (https://nodejs.org) and run this again." >&2
      exit 1
    fi
  fi
fi

if [ "${1:-}" = "--bin-dir" ]; then
  echo "$bin_dir"
  exit 0
fi
if [ -n "$bin_dir" ]; then PATH="$bin_dir:$PATH"; export PATH; fi
exec "$@"
