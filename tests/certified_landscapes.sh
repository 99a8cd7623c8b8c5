#!/usr/bin/env bash
# Every instance under tests/certified/ (targets on, or 1e-70 from, ybar, the tie y* and KP's tau,
# given exactly) gets the same landscape at --digits 50 and --digits 200: the same orbits, their types,
# the global minimum's uniqueness, and no `undecided` (issue 15). Usage: certified_landscapes.sh ORACLE DIR
set -euo pipefail
oracle=$1
dir=$2
status=0
for f in "$dir"/*.json; do
  for d in 50 200; do
    "$oracle" solve "$f" --digits "$d" --json > "/tmp/certified.$$.$d.json"
  done
  if ! /usr/bin/python3 - "$f" "/tmp/certified.$$.50.json" "/tmp/certified.$$.200.json" <<'PY'
import json, sys
name, a, b = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
def land(d):
    return (sorted((tuple(c["roots"]), c["computed_type"]) for c in d["critical_points"]),
            d["global_minimum"]["unique_end_to_end"],
            [(t["index"], t["threshold"], t["position"]) for t in d["certificates"]["threshold_positions"]])
bad = []
if land(a) != land(b): bad.append("--digits 50 and 200 differ:\n  %s\n  %s" % (land(a), land(b)))
for d in (a, b):
    if any(c["computed_type"] == "undecided" for c in d["critical_points"]): bad.append("an orbit is undecided")
    if d["certificates"]["landscape"] != "exact": bad.append("landscape certificate: " + d["certificates"]["landscape"])
    if d["global_minimum"]["unique_end_to_end"] == "undecided": bad.append("uniqueness undecided")
    # Every orbit's type and the global decision are certified (issue 15 items 1, 4, 5).
    for c in d["critical_points"]:
        if (c["certificate"] or "undecided").startswith("undecided"): bad.append("type of %s: %s" % (c["roots"], c["certificate"]))
    if (d["certificates"]["global_minimum"] or "").startswith("undecided"): bad.append("global: " + d["certificates"]["global_minimum"])
if bad:
    print(name + ": " + "; ".join(bad)); sys.exit(1)
print(name + ": " + str(len(a["critical_points"])) + " orbits, same at 50 and 200 digits, certificate exact")
PY
  then status=1; fi
done
rm -f /tmp/certified.$$.*.json
exit $status
