#!/usr/bin/env bash
# The CLI's exit codes (docs/cli.md): 0 ok (and --help), 1 a claim disagrees, 2 bad input
# (every command-line error CLI11 reports, options that do not apply, unreadable or malformed
# files), 3 internal error. Every failure prints exactly one line on stderr, prefixed
# "dmf-oracle: error: " for 2, and nothing on stdout; no run ends in a signal.
# Usage: cli_exit_codes.sh DMF_ORACLE SOURCE_DIR
set -u
exe="$1"; root="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0; n=0

# expect CODE DESCRIPTION COMMAND...
expect() {
  local want=$1 what=$2; shift 2
  n=$((n + 1))
  "$@" > "$tmp/out" 2> "$tmp/err"; local code=$?
  local lines; lines=$(grep -c '' "$tmp/err")
  local why=""
  [ "$code" -eq "$want" ] || why="exit $code, wanted $want"
  if [ -z "$why" ] && [ "$want" -eq 2 ]; then
    [ "$lines" -eq 1 ] && grep -q '^dmf-oracle: error: ' "$tmp/err" || why="stderr is not one 'dmf-oracle: error:' line"
    [ -s "$tmp/out" ] && why="output on stdout"
  fi
  if [ -n "$why" ]; then
    echo "FAIL $what: $why: $(head -c 300 "$tmp/err")"; status=1
  else
    echo "ok   $what: $(head -1 "$tmp/err" | cut -c1-160)"
  fi
}

good="$root/tests/good_instance.json"
tie="$root/examples/landscape/t2_2_tie.json"
cx="$root/corpus/KP.T6-L2-lambda1-m0.25-257bits.json"
echo '{"weights":[[[1,2],[3,4],[5,6]],[[1,2,3],[4,5,6]]]}' > "$tmp/pt.json"

# 0: ok, and --help everywhere.
expect 0 "--help" "$exe" --help
for s in check claims evaluate scalar replay solve classify landscape sharpness search; do
  expect 0 "$s --help" "$exe" "$s" --help
done
expect 0 "evaluate" "$exe" evaluate "$good" --weights "$tmp/pt.json" --hessian --max-n 20 --digits 10
expect 0 "replay at the stored precision" "$exe" replay "$cx"

# 1: a claim disagrees.
expect 1 "check: the refuted printed KP.T6 fails as a property" "$exe" check --claims KP.T6/printed --cases 5
python3 -c "
import json; d = json.load(open('$cx')); d['parameters']['m'] = '3'; json.dump(d, open('$tmp/holds.json', 'w'))"
expect 1 "replay: a stored case that no longer refutes its claim" "$exe" replay "$tmp/holds.json"

# 2: the command line (CLI11's errors, mapped from its own 100+ codes).
expect 2 "no subcommand" "$exe"
expect 2 "unknown subcommand" "$exe" frobnicate
expect 2 "unknown option" "$exe" evaluate "$good" --frobnicate
expect 2 "missing positional" "$exe" evaluate
expect 2 "missing required option" "$exe" classify "$good"
expect 2 "--bits out of range" "$exe" evaluate "$good" --bits 3
expect 2 "--digits out of range" "$exe" solve "$tie" --digits 2
expect 2 "--digits not a number" "$exe" solve "$tie" --digits many
expect 2 "--digits with --bits" "$exe" solve "$tie" --digits 20 --bits 128
expect 2 "--cases out of range" "$exe" check --cases 0
expect 2 "--convention not kp or cjw" "$exe" scalar --L 2 --lambda 1 --m 1 --convention xyz
expect 2 "scalar --bits below 16" "$exe" scalar --L 2 --lambda 1 --m 1 --bits 8
# Options that would be ignored are rejected.
expect 2 "claims --digits" "$exe" claims --digits 20
expect 2 "claims --bits" "$exe" claims --json --bits 128
expect 2 "check --digits" "$exe" check --claims KP.T2 --digits 30
expect 2 "check --bits without a value" "$exe" check --bits
expect 2 "evaluate --max-n without --hessian" "$exe" evaluate "$good" --max-n 5
expect 2 "landscape --name without --save" "$exe" landscape "$tie" --name x
# 2: bad values and files (dmf::InputError).
expect 2 "unknown claim" "$exe" check --claims NOPE.X
expect 2 "search: neither a claim nor --all" "$exe" search --quiet
expect 2 "search: an unknown claim" "$exe" search NOPE.X --quiet
expect 2 "scalar: lambda <= 0" "$exe" scalar --L 3 --lambda -1 --m 1
expect 2 "scalar: m not a decimal" "$exe" scalar --L 3 --lambda 1 --m abc
expect 2 "scalar: m overflows" "$exe" scalar --L 3 --lambda 1 --m 1e1000000000
expect 2 "scalar: lambda beyond the magnitude cap" "$exe" scalar --L 3 --lambda 1e100000 --m 1
# Options that would be accepted and ignored are rejected.
expect 2 "search: a claim and --all" "$exe" search KP.T6 --all --quiet
expect 2 "evaluate: --max-n without --hessian" "$exe" evaluate "$good" --max-n 10
expect 2 "check: --digits (check works at each property's precisions)" "$exe" check --digits 30
expect 2 "claims: --bits" "$exe" claims --bits 100
expect 2 "landscape: --name without --save" "$exe" landscape "$good" --name x
expect 2 "--digits with --bits" "$exe" solve "$good" --digits 30 --bits 200
expect 2 "missing instance" "$exe" solve "$tmp/none.json"
expect 2 "instance is a directory" "$exe" solve "$tmp"
expect 2 "--hessian without --weights" "$exe" evaluate "$good" --hessian
expect 2 "replay of an instance file" "$exe" replay "$good"
# Malformed stored cases: each defect is bad input, not an internal error.
i=0
while IFS= read -r mod; do
  i=$((i + 1))
  python3 -c "
import json; d = json.load(open('$cx')); $mod; json.dump(d, open('$tmp/bad$i.json', 'w'))"
  expect 2 "replay: $mod" "$exe" replay "$tmp/bad$i.json"
done <<'EOF'
d['precision_bits'] = 8
d['precision_bits'] = 4000000
d['parameters']['L'] = 0
d['parameters']['L'] = -5
d['parameters']['L'] = 100000
d['parameters']['L'] = 'x'
d['parameters']['lambda'] = '-1'
d['parameters']['lambda'] = 3
d['parameters']['m'] = 'abc'
del d['parameters']['m']
d['claim'] = 'NOPE'
d['schema'] = 2
d['confirmed_at_bits'] = 'x'
EOF
printf '{"claim": "KP.T6", ' > "$tmp/truncated.json"
expect 2 "replay: truncated JSON" "$exe" replay "$tmp/truncated.json"

echo "$n exit-code checks"
[ $status -eq 0 ] && echo "cli exit codes ok"
exit $status
