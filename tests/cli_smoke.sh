#!/usr/bin/env bash
# The CLI's main paths run and print what they promise.
set -eu
exe="$1"; root="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$exe" claims --json > "$tmp/claims.json"
python3 -c "import json,sys; d=json.load(open('$tmp/claims.json')); assert len(d['claims'])==22, len(d['claims'])"
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
echo "cli smoke ok"
