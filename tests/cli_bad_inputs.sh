#!/usr/bin/env bash
# Every bad instance file: exactly one line on stderr naming the problem, nothing
# on stdout, exit code 2 (bad input), never a crash (>= 128) or an internal error (3).
set -u
exe="$1"; dir="$2"
status=0; n=0
for f in "$dir"/*.json; do
  n=$((n + 1))
  out=$("$exe" evaluate "$f" 2>/tmp/dmf_err.$$); code=$?
  err=$(cat /tmp/dmf_err.$$)
  lines=$(printf '%s' "$err" | grep -c '')
  if [ "$code" -ne 2 ] || [ "$lines" -ne 1 ] || [ -n "$out" ] || ! printf '%s' "$err" | grep -q '^dmf-oracle: error: '; then
    echo "FAIL $(basename "$f"): exit $code, $lines stderr lines: $err"; status=1
  else
    echo "ok   $(basename "$f"): $err"
  fi
done
rm -f /tmp/dmf_err.$$
# Bad command lines and bad points too.
check() {  # expected-exit description command...
  local want=$1 what=$2; shift 2
  "$@" >/dev/null 2>&1; local code=$?
  if [ "$code" -ne "$want" ]; then echo "FAIL $what: exit $code, wanted $want"; status=1; else echo "ok   $what"; fi
}
good="$dir/../good_instance.json"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo '{"weights": [[[1, 2], [3, 4]]]}' > "$tmp/short.json"
echo '{"weights": [[[1,2],[3,4],[5,6]],[[1,2,3],[4,5,"x"]]]}' > "$tmp/nonnum.json"
check 2 "point with too few layers" "$exe" evaluate "$good" --weights "$tmp/short.json"
check 2 "point with a non-numeric entry" "$exe" evaluate "$good" --weights "$tmp/nonnum.json"
check 2 "missing weights file" "$exe" evaluate "$good" --weights "$tmp/none.json"
check 2 "--hessian without weights" "$exe" evaluate "$good" --hessian
check 2 "unknown claim" "$exe" check --claims NOPE.X
check 2 "unknown subcommand (CLI11)" "$exe" frobnicate
check 2 "bits out of range (CLI11)" "$exe" evaluate "$good" --bits 3
# classify --weights: bad weights files (wrong shape, wrong dtype, truncated .npy, missing array,
# non-numeric string, not a zip, 1-D array, truncated/wrong-dtype safetensors): one line, exit 2.
inst="$dir/../../examples/numpy_gd/instance.json"
for f in "$dir"/../bad_weights/*; do
  n=$((n + 1))
  out=$("$exe" classify "$inst" --weights "$f" 2>/tmp/dmf_err.$$); code=$?
  err=$(cat /tmp/dmf_err.$$)
  lines=$(printf '%s' "$err" | grep -c '')
  if [ "$code" -ne 2 ] || [ "$lines" -ne 1 ] || [ -n "$out" ] || ! printf '%s' "$err" | grep -q '^dmf-oracle: error: '; then
    echo "FAIL weights $(basename "$f"): exit $code, $lines stderr lines: $err"; status=1
  else
    echo "ok   weights $(basename "$f"): $err"
  fi
done
rm -f /tmp/dmf_err.$$
check 2 "solve on a missing instance" "$exe" solve "$tmp/none.json"
check 2 "classify with a missing weights file" "$exe" classify "$inst" --weights "$tmp/none.npz"
check 2 "classify with a single .npy" "$exe" classify "$inst" --weights "$dir/../bad_weights/truncated_npy/W1.npy"
echo "$n bad instance and weights files checked"
exit $status
