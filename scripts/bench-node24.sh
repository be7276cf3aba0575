#!/usr/bin/env bash
# `npm run bench:node24`: `npm run bench` on Node 24, the Node the Docker image runs (faster on the
# message path than the Node 20 this machine may have). Node 24 comes from the npm registry (see
# node24.sh); a copy of the tree, without node_modules, builds better-sqlite3 for it. Takes a
# minute or two more than `npm run bench`, for that build.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

node24_dir="$(bash scripts/node24.sh "$work/node24")"
mkdir -p "$work/tree"
tar --exclude=./node_modules --exclude=./.git --exclude=./dist --exclude=./dist-bench -cf - . | tar -xf - -C "$work/tree"
cd "$work/tree"
export PATH="$node24_dir/bin:$PATH"
# node-gyp reads headers from here instead of downloading them; prebuilt binaries are skipped.
export npm_config_nodedir="$node24_dir"
export npm_config_build_from_source=better-sqlite3
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npm run --silent bench
