#!/usr/bin/env bash
# Issue 15's acceptance over every instance of the given directories (tests/certified and
# tests/exceptional): `solve --json --digits 50` and `--digits 200` must agree on the verdicts (every
# orbit's roots and computed type, the threshold positions, the global orbits and unique_end_to_end)
# with no `undecided` anywhere (orbit types, uniqueness, global decision). Prints one row per
# instance: CPU seconds (user + sys) of each run, the number of orbits, how many orbit types and
# global decisions were decided exactly / by enclosure, and the verdict; then totals.
#   usage: certified_acceptance.sh DMF_ORACLE DIR [DIR ...]
set -euo pipefail
bin=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
files=()
for d in "$@"; do for f in "$d"/*.json; do [ "$(basename "$f")" = manifest.json ] || files+=("$f"); done; done
printf "%-36s %7s %7s %6s %s\n" instance cpu50/s cpu200/s orbits "verdict"
for f in "${files[@]}"; do
  n=$(basename "$(dirname "$f")")/$(basename "$f" .json)
  t=()
  for d in 50 200; do
    if ! /usr/bin/time -o "$tmp/t.$d" -f "%U %S" "$bin" solve --json --digits "$d" "$f" >"$tmp/o.$d.json" 2>"$tmp/e.$d"; then
      echo "$n --digits $d exited non-zero: $(head -c 300 "$tmp/e.$d")"
      fail=1
    fi
    t+=("$(awk 'END { printf "%.2f", $1 + $2 }' "$tmp/t.$d")")
  done
  row=$(python3 - "$tmp/o.50.json" "$tmp/o.200.json" <<'EOF'
import json, sys
def view(path):
    o = json.load(open(path))
    cps = o["critical_points"]
    orbits = sorted((tuple(c["roots"]), c["computed_type"]) for c in cps)
    globals_ = sorted(tuple(c["roots"]) for c in cps if c["computed_type"] == "global_minimizer")
    pos = sorted((t["index"], t["threshold"], t["position"]) for t in o["certificates"]["threshold_positions"])
    unique = o["global_minimum"]["unique_end_to_end"]
    und = sum(c["computed_type"] == "undecided" for c in cps) + (unique == "undecided")
    und += sum((c.get("certificate") or "undecided").startswith("undecided") for c in cps)
    g = o["certificates"].get("global_minimum") or "none"
    und += g.startswith("undecided")
    return (orbits, globals_, unique, pos), und, g, cps
try:
    (a, ua, ga, ca), (b, ub, gb, cb) = view(sys.argv[1]), view(sys.argv[2])
except Exception as e:
    print("0 FAIL: no JSON (%s)" % e); sys.exit()
why = []
if ua: why.append("%d undecided at 50" % ua)
if ub: why.append("%d undecided at 200" % ub)
if a != b: why.append("50 and 200 digits differ")
ex = sum((c.get("certificate") or "") == "exact" for c in ca)
print("%d %s (types: %d exact, %d enclosure; global: %s)" % (len(ca), "FAIL: " + "; ".join(why) if why else "pass",
      ex, len(ca) - ex - sum((c.get("certificate") or "undecided").startswith("undecided") for c in ca), ga))
EOF
)
  case "$row" in *FAIL*) fail=1 ;; esac
  printf "%-36s %7s %7s %6s %s\n" "$n" "${t[0]}" "${t[1]}" "${row%% *}" "${row#* }"
done
exit $fail
