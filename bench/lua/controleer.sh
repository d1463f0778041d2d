#!/bin/sh
# controleer.sh — checks bench/lua/inburgering.lua against every example of
# the contract (tests/golden/inburgering/*.verwacht.json), key by key.
# Usage: bench/lua/controleer.sh COMPARE   (COMPARE: bench/compare of a build)
set -eu
compare=${1:?gebruik: bench/lua/controleer.sh PAD/NAAR/bench/compare}
here=$(cd "$(dirname "$0")" && pwd)
golden="$here/../../tests/golden/inburgering"
command -v jq >/dev/null 2>&1 || { echo "controleer.sh: jq ontbreekt (apt-get install jq)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for verwacht in "$golden"/*.verwacht.json; do
    jq -c . "${verwacht%.verwacht.json}.json" >>"$work/gevallen.jsonl"
    jq -c . "$verwacht" >>"$work/verwacht.jsonl"
done
lua5.4 "$here/inburgering.lua" "$work/gevallen.jsonl" "$work/lua.jsonl" 1 >/dev/null
"$compare" "$work/lua.jsonl" "$work/verwacht.jsonl"
