#!/usr/bin/env bash
# Every command with --json has a JSON Schema in docs/schemas/<command>.schema.json; each
# command's output on small examples validates against it, and each schema rejects broken
# documents (every required top-level key removed in turn, and a few nested defects), so the
# test can fail. Uses Debian's python3-jsonschema (scripts/install-deps.sh).
# Usage: cli_schemas.sh DMF_ORACLE SOURCE_DIR
set -u
exe="$1"; root="$2"
schemas="$root/docs/schemas"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
py=/usr/bin/python3
"$py" -c 'import jsonschema' 2>/dev/null || py=python3

# run WANTED_EXIT SCHEMA NAME COMMAND...: the output goes to $tmp/out/SCHEMA.NAME.json.
mkdir -p "$tmp/out"
run() {
  local want=$1 schema=$2 name=$3; shift 3
  local out="$tmp/out/$schema.$name.json"
  "$@" > "$out" 2> "$tmp/err"; local code=$?
  if [ "$code" -ne "$want" ]; then
    echo "FAIL $schema/$name: exit $code, wanted $want: $(head -c 400 "$tmp/err")"; status=1; rm -f "$out"
  fi
}

inst="$root/tests/good_instance.json"
echo '{"weights":[[[1,2],[3,4],[5,6]],[[1,2,3],[4,5,6]]]}' > "$tmp/pt.json"
echo '{"weights": [[["1"]], [["1"]], [["0.5"]]]}' > "$tmp/off.json"

run 0 claims all "$exe" claims --json
run 0 check self-check "$exe" check --claims CORE.classifier-line-signs --cases 3 --json
run 1 check failing "$exe" check --claims KP.T6/printed --cases 5 --json        # a disagreement: exit 1
run 0 evaluate instance "$exe" evaluate "$inst" --json --digits 12
run 0 evaluate point "$exe" evaluate "$inst" --weights "$tmp/pt.json" --json --digits 12
run 0 evaluate hessian "$exe" evaluate "$inst" --weights "$tmp/pt.json" --hessian --json --digits 12
run 0 evaluate capped "$exe" evaluate "$inst" --weights "$tmp/pt.json" --hessian --max-n 5 --json --digits 12
run 0 evaluate kp "$exe" evaluate "$root/examples/kp_L3.json" --json --bits 64
run 0 scalar L3 "$exe" scalar --L 3 --lambda 1 --m 0.5 --digits 12 --json
run 0 scalar L2 "$exe" scalar --L 2 --lambda 1 --m 3 --digits 12 --json
run 0 scalar L1 "$exe" scalar --L 1 --lambda 2 --m 1 --bits 32 --json
run 0 scalar saved "$exe" scalar --L 3 --lambda 1 --m 0.5 --digits 12 --json --save-counterexample "$tmp/saved"
for f in "$root"/corpus/*.json; do
  run 0 replay "$(basename "$f" .json)" "$exe" replay "$f" --json
done
run 0 replay higher-precision "$exe" replay "$root/corpus/KP.T6-L3-lambda1-m0.5-257bits.json" --bits 514 --json
run 0 solve tie "$exe" solve "$root/examples/landscape/t2_2_tie.json" --json --digits 12
run 0 solve c2_3 "$exe" solve "$root/examples/landscape/c2_3_bottleneck.json" --json --digits 12
run 0 solve capped "$exe" solve "$root/examples/landscape/a1_bottleneck.json" --json --max-n 2 --digits 12
run 0 solve kp "$exe" solve "$root/examples/kp_L3.json" --json --digits 12
run 0 classify npz "$exe" classify "$root/examples/numpy_gd/instance.json" --weights "$root/examples/numpy_gd/weights.npz" --json --digits 12
run 0 classify lanczos "$exe" classify "$root/examples/numpy_gd/instance.json" --weights "$root/examples/numpy_gd/weights.npz" --max-n 2 --json --digits 12
run 0 classify off "$exe" classify "$root/examples/landscape/t2_2_tie.json" --weights "$tmp/off.json" --json --digits 12
run 0 landscape tie "$exe" landscape "$root/examples/landscape/t2_2_tie.json" --json --digits 12
run 0 landscape a1 "$exe" landscape "$root/examples/landscape/a1_bottleneck.json" --json --digits 12 --save "$tmp/saved" --name a1
run 0 landscape c2_3 "$exe" landscape "$root/examples/landscape/c2_3_bottleneck.json" --json --digits 12
run 0 sharpness kp "$exe" sharpness "$root/examples/kp_L3.json" --starts 3 --json --digits 12
run 0 search KP.T6 "$exe" search KP.T6 --no-corpus --corpus "$tmp/search" --max-candidates 5 --quiet --json --digits 12
run 0 search TEST.true "$exe" search TEST.true --no-corpus --max-candidates 20 --quiet --json
# vectors writes JSON Lines to --out; each line is one document (tests/cli_vectors.sh checks every line).
"$exe" vectors --count 3 --points 1 --digits 12 --out "$tmp/vectors.jsonl" > /dev/null &&
  head -n 1 "$tmp/vectors.jsonl" > "$tmp/out/vectors.first-line.json" || { echo "FAIL vectors"; status=1; }

# Every subcommand whose --help offers --json must have a schema.
subs=$("$exe" --help | awk '/^Subcommands:/ {on = 1; next} on && NF {print $1}')
[ -n "$subs" ] || { echo "FAIL could not list the subcommands from --help"; status=1; }
for s in $subs; do
  if "$exe" "$s" --help | grep -q -- '--json'; then
    [ -f "$schemas/$s.schema.json" ] || { echo "FAIL $s has --json but no docs/schemas/$s.schema.json"; status=1; }
  fi
done

"$py" - "$schemas" "$tmp/out" <<'PY' || status=1
import copy, glob, json, os, sys
import jsonschema

schema_dir, out_dir = sys.argv[1], sys.argv[2]
V = jsonschema.Draft202012Validator
failed = False

def fail(msg):
    global failed
    failed = True
    print("FAIL " + msg)

schemas = {}
for path in sorted(glob.glob(os.path.join(schema_dir, "*.schema.json"))):
    name = os.path.basename(path)[: -len(".schema.json")]
    s = json.load(open(path))
    try:
        V.check_schema(s)
    except jsonschema.SchemaError as e:
        fail(f"{name}.schema.json is not a valid draft 2020-12 schema: {e.message}")
        continue
    if not s.get("required"):
        fail(f"{name}.schema.json has no top-level required list")
    schemas[name] = V(s)

docs = {}
for path in sorted(glob.glob(os.path.join(out_dir, "*.json"))):
    schema, case = os.path.basename(path)[: -len(".json")].split(".", 1)
    try:
        d = json.load(open(path))
    except ValueError as e:
        fail(f"{schema}/{case}: not JSON: {e}")
        continue
    if schema not in schemas:
        fail(f"{schema}/{case}: no schema {schema}.schema.json")
        continue
    errors = sorted(schemas[schema].iter_errors(d), key=lambda e: list(e.path))
    for e in errors[:3]:
        fail(f"{schema}/{case}: {e.message[:300]} at {'/'.join(map(str, e.path))}")
    if not errors:
        print(f"ok   {schema}/{case}")
    docs.setdefault(schema, []).append((case, d))

for name in schemas:
    if name not in docs:
        fail(f"{name}.schema.json: no command output was validated against it")

# Broken documents must fail: every required top-level key removed in turn, from every output.
def must_fail(schema, what, d):
    if schemas[schema].is_valid(d):
        fail(f"{schema}: the schema accepted a document with {what}")
        return 0
    return 1

caught = 0
for schema, cases in docs.items():
    for case, d in cases:
        for key in schemas[schema].schema["required"]:
            broken = copy.deepcopy(d)
            del broken[key]
            caught += must_fail(schema, f"{key} removed ({case})", broken)

# Nested defects, one per schema: (schema, description, mutation).
def first(schema):
    return copy.deepcopy(docs[schema][0][1])

def mutate(schema, what, f):
    if schema not in docs:
        return
    d = first(schema)
    f(d)
    global caught
    caught += must_fail(schema, what, d)

mutate("claims", "a claim without its status", lambda d: d["claims"][0].pop("status"))
mutate("claims", "an unknown status", lambda d: d["claims"][0].update(status="maybe"))
mutate("check", "a row without observed", lambda d: d["claims"][0].pop("observed"))
mutate("check", "consistent as a string", lambda d: d.update(consistent="yes"))
mutate("evaluate", "a number where a decimal string belongs", lambda d: d["instance"].update(loss_factor_vs_cjw=1.0))
mutate("evaluate", "a loss without gradient_norm", lambda d: d.pop("gradient_norm"))
mutate("scalar", "thresholds without tau_kp", lambda d: d["thresholds"].pop("tau_kp"))
mutate("scalar", "a verdict outside the four", lambda d: d["claims"]["KP.T5"].update(verdict="true"))
mutate("replay", "printed_claim without its verdict", lambda d: d["printed_claim"].pop("verdict"))
mutate("solve", "thresholds without y_bar", lambda d: d["thresholds"].pop("y_bar"))
mutate("solve", "an inertia of two numbers", lambda d: d["critical_points"][0].update(hessian_inertia=[0, 1]))
mutate("classify", "nearest_critical_orbit without value",
       lambda d: d["nearest_critical_orbit"].pop("value") if d["nearest_critical_orbit"] else d.update(loss=None))
mutate("landscape", "a critical point without computed_type", lambda d: d["critical_points"][0].pop("computed_type"))
mutate("sharpness", "a run without loss", lambda d: d["runs"][0].pop("loss"))
mutate("search", "a row without candidate_digest", lambda d: d["claims"][0].pop("candidate_digest"))
mutate("search", "an unexpected top-level key", lambda d: d.update(extra=1))
mutate("vectors", "a point without its gradient", lambda d: d["points"][0].pop("gradient"))
# The optional parts were exercised: saved counterexamples, the Lanczos extremes, a failing check.
for schema, case, key in [("scalar", "saved", "saved_counterexamples"), ("landscape", "a1", "saved_counterexamples"),
                          ("classify", "lanczos", "hessian_extremes_lanczos"), ("evaluate", "hessian", "hessian_inertia"),
                          ("replay", "KP.T6-L3-lambda1-m0.5-257bits", "corrected_statement")]:
    d = dict(docs.get(schema, [])).get(case)
    if d is None or key not in d:
        fail(f"{schema}/{case}: expected {key} in the output")
if not any(not d["consistent"] for _, d in docs.get("check", [])):
    fail("check/failing: expected an inconsistent claim")
print(f"{sum(len(c) for c in docs.values())} outputs validated against {len(schemas)} schemas; "
      f"{caught} broken documents rejected")
sys.exit(1 if failed else 0)
PY
[ $status -eq 0 ] && echo "cli schemas ok"
exit $status
