#!/usr/bin/env bash
# `npm run bench:node24`: `npm run bench` on Node 24, the Node the Docker image runs (faster on the
# message path than the Node 20 this machine may have), in a copy of the tree with better-sqlite3
# built for it (see node24.sh). Takes a minute or two more than `npm run bench`, for that build.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

source scripts/node24.sh
node24_tree "$work" > /dev/null
npm run --silent bench
