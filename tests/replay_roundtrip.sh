#!/usr/bin/env bash
# Runs the deliberately failing SELFTEST.planted property, takes the one-line
# replay command it prints, runs that line, and checks it fails on the same
# shrunk counterexample.
set -u
exe="$1"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if "$exe" --test-case=SELFTEST.planted --no-skip >"$tmp/first.out" 2>"$tmp/first.err"; then
  echo "FAIL: the planted property passed"; exit 1
fi
line=$(grep -m1 '^Replay: ' "$tmp/first.err" | sed 's/^Replay: //')
[ -n "$line" ] || { echo "FAIL: no replay line printed"; cat "$tmp/first.err"; exit 1; }
echo "replay line: $line"
if bash -c "$line" >"$tmp/second.out" 2>&1; then
  echo "FAIL: the replay passed"; exit 1
fi
first=$(grep -E '^ *(computed|expected|x = )' "$tmp/first.out")
second=$(grep -E '^ *(computed|expected|x = )' "$tmp/second.out")
[ -n "$first" ] || { echo "FAIL: no counterexample in the first run"; cat "$tmp/first.out"; exit 1; }
if [ "$first" != "$second" ]; then
  echo "FAIL: the replay found a different case"; echo "$first"; echo "---"; echo "$second"; exit 1
fi
echo "OK: replay reproduces"; echo "$first"
