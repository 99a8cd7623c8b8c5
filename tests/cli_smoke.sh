#!/usr/bin/env bash
# The CLI's main paths run and print what they promise.
set -eu
exe="$1"; root="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$exe" claims --json > "$tmp/claims.json"
python3 -c "import json,sys; d=json.load(open('$tmp/claims.json')); assert len(d['claims'])==55, len(d['claims'])"
"$exe" check --claims KP.T2 --cases 5 > "$tmp/check.txt"
grep -q "KP.T2" "$tmp/check.txt"
echo '{"weights":[[[1,2],[3,4],[5,6]],[[1,2,3],[4,5,6]]]}' > "$tmp/pt.json"
"$exe" evaluate "$root/tests/good_instance.json" --weights "$tmp/pt.json" --hessian --json --digits 30 > "$tmp/eval.json"
python3 - "$tmp/eval.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["loss"].startswith("3.89053125"), d["loss"]
assert d["hessian_trace"].startswith("3.7000000"), d["hessian_trace"]
assert len(d["hessian_spectrum"]) == 12
assert all(isinstance(x, str) for x in d["hessian_spectrum"])
PY
# scalar: the KP.T6 refutation at L = 3, lambda = 1, m = 1/2 shows up in the JSON.
"$exe" scalar --L 3 --lambda 1 --m 0.5 --digits 30 --json > "$tmp/scalar.json"
python3 - "$tmp/scalar.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["claims"]["KP.T6"]["verdict"] == "violated", d["claims"]["KP.T6"]
assert d["claims"]["KP.T6/corrected"]["verdict"] == "holds"
assert d["claims"]["KP.T5"]["verdict"] == "holds"
assert d["thresholds"]["tau_kp"].startswith("8.7738267530166164054614593453")
assert d["thresholds"]["y_star_numeric"].startswith("8.773826753016616405461459345")
assert d["minimizers"]["unique"] == "yes"
PY
"$exe" scalar --L 1 --lambda 2 --m 3 --json > "$tmp/scalar1.json"
python3 -c "import json; d=json.load(open('$tmp/scalar1.json')); assert d['thresholds']['tau_kp'] is None and d['notes']"
if "$exe" scalar --L 3 --lambda -1 --m 1 2>/dev/null; then echo "negative lambda accepted"; exit 1; fi
if "$exe" scalar --L 3 --lambda 1 --m abc 2>/dev/null; then echo "non-numeric m accepted"; exit 1; fi
# replay: every stored counterexample still refutes its printed claim (exit 0).
for f in "$root"/corpus/*.json; do
  "$exe" replay "$f" --json > "$tmp/replay.json"
  python3 -c "import json; d=json.load(open('$tmp/replay.json')); assert d['still_refuted'] and d['corrected_statement']['verdict']!='violated', d"
done
if "$exe" replay "$root/tests/good_instance.json" 2>/dev/null; then echo "replay accepted a non-counterexample"; exit 1; fi
# replay at four times the stored bits: the violation is not rounding.
"$exe" replay "$root/corpus/KP.E79-L3-lambda9-sigma4-257bits.json" --bits 1028 --json > "$tmp/replay4.json"
python3 -c "import json; d=json.load(open('$tmp/replay4.json')); assert d['still_refuted'] and d['precision_bits'] >= 1028 and d['stored_precision_bits'] == 257, d"
# sharpness on the shipped L = 3 example: global minimizers found, trace = (91)-(92), trace >= (81).
"$exe" sharpness "$root/examples/kp_L3.json" --starts 3 --json > "$tmp/sharp.json"
python3 - "$tmp/sharp.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
g = [r for r in d["runs"] if r.get("trace")]
assert g, d
for r in g:
    assert abs(float(r["trace"]) - float(r["trace_identity_92"])) < 1e-20
    assert float(r["trace"]) >= float(r["bound_81"])
PY
echo "cli smoke ok"
# solve: the JSON validates against docs/schemas/solve.schema.json (Debian's python3-jsonschema).
"$exe" solve "$root/examples/numpy_gd/instance.json" --json --digits 30 > "$tmp/solve.json"
"$exe" solve "$root/examples/landscape/t2_2_tie.json" --json --digits 30 > "$tmp/solve_tie.json"
"$exe" solve "$root/examples/landscape/a1_bottleneck.json" --json --max-n 2 > "$tmp/solve_capped.json"
"$exe" solve "$root/examples/landscape/a1_bottleneck.json" --json > "$tmp/solve_uncapped.json"
/usr/bin/python3 - "$root/docs/schemas/solve.schema.json" "$tmp/solve.json" "$tmp/solve_tie.json" "$tmp/solve_capped.json" "$tmp/solve_uncapped.json" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
docs = [json.load(open(f)) for f in sys.argv[2:]]
for d in docs:
    jsonschema.validate(d, schema, cls=jsonschema.Draft202012Validator)
d, tie, capped, uncapped = docs
assert d["claims"]["CJW.T2.2"]["verdict"] == "holds"
types = [c["computed_type"] for c in d["critical_points"]]
assert types.count("global_minimizer") == 1, types
assert len(d["global_minimum"]["hessian_spectrum"]) == 16
assert tie["claims"]["CJW.T2.2"]["verdict"] == "violated"          # the exact tie of CJW (10)
# Above --max-n: the spectrum comes from the block-structured Hessian, the dense checks are skipped.
assert len(capped["global_minimum"]["hessian_spectrum"]) == 4, capped["global_minimum"]
assert any("no dense check" in n for n in capped["notes"]), capped["notes"]
# The types are certified at any N (issue 15): the same as below the cap, from the certified inertia.
assert [(c["roots"], c["computed_type"]) for c in capped["critical_points"]] == \
       [(c["roots"], c["computed_type"]) for c in uncapped["critical_points"]], (capped["critical_points"], uncapped["critical_points"])
assert all(c["certificate"].startswith("enclosure at ") for c in capped["critical_points"]), capped["critical_points"]
PY
# A schema violation is caught (the test can fail): drop a required key.
/usr/bin/python3 - "$root/docs/schemas/solve.schema.json" "$tmp/solve.json" <<'PY'
import json, sys, jsonschema
schema, d = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
del d["thresholds"]["y_bar"]
try:
    jsonschema.validate(d, schema, cls=jsonschema.Draft202012Validator)
    raise SystemExit("schema accepted a document without thresholds.y_bar")
except jsonschema.ValidationError:
    pass
PY
# classify: the shipped numpy example (float64 .npz, .npy directory, float32 .safetensors) is
# identified: near the global minimizer, with distances.
for w in weights.npz weights_npy weights_f32.safetensors; do
  "$exe" classify "$root/examples/numpy_gd/instance.json" --weights "$root/examples/numpy_gd/$w" --json > "$tmp/cls.json"
  python3 - "$tmp/cls.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
n = d["nearest_critical_orbit"]
assert n["computed_type"] == "global_minimizer" and n["predicted_type"] == "global_minimizer", n
assert float(n["distance_to_orbit_aligned"]) < 1e-5, n
assert float(d["distance_to_global_end_to_end"]) < 1e-5, d
assert len(d["hessian_spectrum"]) == 16
PY
done
# A point in our own JSON that is not critical says so, with its gradient norm.
echo '{"weights": [[["1"]], [["1"]], [["0.5"]]]}' > "$tmp/off.json"
"$exe" classify "$root/examples/landscape/t2_2_tie.json" --weights "$tmp/off.json" --json > "$tmp/cls2.json"
python3 -c "import json; d=json.load(open('$tmp/cls2.json')); assert d['computed_type']=='not_critical' and d['critical'] is False, d"
# check's replay line: a failing property (the hidden, refuted printed KP.T6) prints one line that
# re-runs exactly that property's shrunk case through the CLI.
if "$exe" check --claims KP.T6/printed > "$tmp/fail1.out"; then echo "KP.T6/printed passed"; exit 1; fi
line=$(grep '^Replay: ' "$tmp/fail1.out" | head -1 | sed 's/^Replay: //')
[ -n "$line" ] || { echo "no replay line"; exit 1; }
if eval "${line/dmf-oracle/\"\$exe\"}" > "$tmp/fail2.out"; then echo "the replay line did not fail"; exit 1; fi
grep -A3 '^dmf::gen::ScalarCaseSpec:' "$tmp/fail1.out" > "$tmp/case1"
grep -A3 '^dmf::gen::ScalarCaseSpec:' "$tmp/fail2.out" > "$tmp/case2"
[ -s "$tmp/case1" ] && cmp -s "$tmp/case1" "$tmp/case2" || { echo "the replay line ran another case"; exit 1; }
if "$exe" check --claims NOPE.X 2>/dev/null; then echo "unknown ID accepted"; exit 1; fi
# A self-check outside the registry runs when named.
"$exe" check --claims CORE.classifier-line-signs --cases 3 --json > "$tmp/core.json"
python3 -c "import json; d=json.load(open('$tmp/core.json')); r=d['claims'][0]; assert r['id']=='CORE.classifier-line-signs' and r['status']=='self-check' and r['observed']=='passed' and d['consistent'], d"
