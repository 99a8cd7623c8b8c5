#!/usr/bin/env bash
# `dmf-oracle vectors`: every line validates against docs/schemas/vectors.schema.json (and the
# schema rejects broken lines); the same arguments give the same bytes; a killed run leaves FILE
# untouched and its finished lines in FILE.partial, and running again resumes to the same bytes; a
# partial file of another run is never overwritten; a line agrees with `solve` on its instance;
# --instance/--at work; bad options exit 2 with one line.
# Usage: cli_vectors.sh DMF_ORACLE SOURCE_DIR
set -u
exe="$1"; root="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
status=0
fail() { echo "FAIL: $*"; status=1; }
py=/usr/bin/python3
"$py" -c 'import jsonschema' 2>/dev/null || py=python3

"$exe" vectors --count 6 --seed 7 --points 2 --digits 20 --out a.jsonl > /dev/null || fail "vectors exit $?"
"$exe" vectors --count 6 --seed 7 --points 2 --digits 20 --out b.jsonl > /dev/null
cmp -s a.jsonl b.jsonl || fail "the same arguments gave different bytes"
[ "$(wc -l < a.jsonl)" -eq 6 ] || fail "wanted 6 lines"
"$exe" vectors --count 3 --seed 7 --strata kp-matrix --digits 20 --out k.jsonl > /dev/null || fail "--strata"
echo '{"weights":[[[1,2],[3,4],[5,6]],[[1,2,3],[4,5,6]]]}' > pt.json
echo '{"points":[{"weights":[[["1","2"],["3","4"],["5","6"]],[[1,2,3],[4,5,6]]],"direction":[[[1,0],[0,1],[1,1]],[[0,0,1],[1,0,0]]]}]}' > at.json
"$exe" vectors --instance "$root/tests/good_instance.json" --at at.json --digits 20 --out g.jsonl > /dev/null || fail "--instance --at"

"$py" - "$root/docs/schemas/vectors.schema.json" a.jsonl k.jsonl g.jsonl <<'PY' || status=1
import copy, json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
bad = 0
lines = [json.loads(l) for f in sys.argv[2:] for l in open(f)]
for i, doc in enumerate(lines):
    for e in v.iter_errors(doc):
        print(f"FAIL line {i}: {e.message} at {list(e.path)}"); bad = 1
strata = {d["stratum"] for d in lines}
if not {"kp-scalar", "cjw-matrix", "kp-matrix", "given"} <= strata:
    print("FAIL strata", strata); bad = 1
# The schema must be able to fail: each required key removed, and nested defects.
doc = lines[0]
for k in schema["required"]:
    d = copy.deepcopy(doc); del d[k]
    if v.is_valid(d): print("FAIL schema accepts a line without", k); bad = 1
for mutate in (lambda d: d["points"][0].__setitem__("loss", 1.5),
               lambda d: d["points"][0]["gradient"][0][0].__setitem__(0, "0.1"),
               lambda d: d["critical_orbits"][0].__setitem__("type", "minimum"),
               lambda d: d["instance"]["target"][0].__setitem__(0, 3)):
    d = copy.deepcopy(doc); mutate(d)
    if v.is_valid(d): print("FAIL schema accepts a broken line"); bad = 1
# Drawn inputs are binary64 values written exactly: float64 reads each without error.
from decimal import Decimal
def numbers(x):
    if isinstance(x, list):
        for y in x: yield from numbers(y)
    else:
        yield x
for d in lines:
    if d["stratum"] == "given": continue
    ins = [d["instance"]["lambda"], d["instance"]["target"]] + [[p["weights"], p["direction"]] for p in d["points"]]
    for s in numbers(ins):
        if Decimal(float(s)) != Decimal(s): print("FAIL not an exact binary64 decimal:", s); bad = 1
# The given point as written (exact decimals of 1, 2, ...), and its loss from the definition.
g = lines[-1]
if g["points"][0]["weights"][0][0] != ["1", "2"]: print("FAIL --at weights not echoed", g["points"][0]["weights"]); bad = 1
if not g["points"][0]["loss"].startswith("3.8905312500000000000e+03"): print("FAIL --at loss", g["points"][0]["loss"]); bad = 1
sys.exit(bad)
PY

# Agrees with solve on its instance (line 1: a cjw-matrix case).
"$py" -c 'import json,sys; json.dump(json.loads(open("a.jsonl").readlines()[1])["instance"], open("i1.json","w"))'
"$exe" solve i1.json --digits 20 --json > s1.json || fail "solve on a line's instance"
"$py" - <<'PY' || status=1
import json, sys
r = json.loads(open("a.jsonl").readlines()[1]); s = json.load(open("s1.json"))
ok = r["global_minimum"]["value"] == s["global_minimum"]["value"] and \
     [(o["value"], o["type"]) for o in r["critical_orbits"]] == [(c["value"], c["computed_type"]) for c in s["critical_points"]]
if not ok: print("FAIL the line and solve disagree"); sys.exit(1)
PY

# Killed: FILE untouched, finished lines kept; rerun resumes to the same bytes.
echo "previous" > c.jsonl
head -n 2 a.jsonl > c.jsonl.partial; head -n 3 a.jsonl | tail -n 1 | head -c 100 >> c.jsonl.partial  # cut mid-line
"$exe" vectors --count 6 --seed 7 --points 2 --digits 20 --out c.jsonl > out.txt || fail "resume exit $?"
cmp -s a.jsonl c.jsonl || fail "resumed file differs"
grep -q "2 resumed" out.txt || fail "resume not reported: $(cat out.txt)"
[ ! -e c.jsonl.partial ] || fail "partial left behind"
"$exe" vectors --count 40 --seed 9 --out d.jsonl > /dev/null 2>&1 &
pid=$!
echo "previous" > d.jsonl
for _ in $(seq 100); do [ -s d.jsonl.partial ] && break; sleep 0.1; done
kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
[ "$(cat d.jsonl)" = "previous" ] || fail "a killed run changed FILE"
[ ! -e d.jsonl.partial ] ||  # (absent only if the machine was too slow to finish a line in 10 s)
  "$py" -c 'import json,sys; [json.loads(l) for l in open("d.jsonl.partial").read().split("\n")[:-1]]' ||
  fail "killed partial has a broken finished line"
# Another run's partial is not overwritten.
cp a.jsonl e.jsonl.partial
"$exe" vectors --count 6 --seed 8 --points 2 --digits 20 --out e.jsonl 2> err.txt; code=$?
[ "$code" -eq 2 ] && [ "$(wc -l < err.txt)" -eq 1 ] || fail "another run's partial: exit $code, $(cat err.txt)"
cmp -s a.jsonl e.jsonl.partial || fail "another run's partial was changed"

# Bad options: exit 2, one line on stderr, no file.
for args in "--count 0 --out x" "--count 2" "--count 2 --out x --strata nope" "--count 2 --out $tmp/no/dir/x" \
            "--out x" "--count 2 --instance $root/tests/good_instance.json --out x" "--at at.json --out x" \
            "--count 2 --digits 2 --out x" "--count 2 --digits 20 --bits 100 --out x" "--instance nothere.json --out x" \
            "--instance $root/tests/good_instance.json --at pt.json --out x" "--count 1 --points 200 --out x"; do
  "$exe" vectors $args > /dev/null 2> err.txt; code=$?
  [ "$code" -eq 2 ] && [ "$(wc -l < err.txt)" -eq 1 ] || fail "vectors $args: exit $code, $(cat err.txt)"
  [ ! -e x ] || fail "vectors $args wrote a file"
done
[ $status -eq 0 ] && echo "vectors: all checks passed"
exit $status
