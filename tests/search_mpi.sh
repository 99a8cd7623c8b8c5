#!/usr/bin/env bash
# The search under mpirun (search/mpi_search.hpp): 2 ranks draw the streams `--workers 2` draws, the
# same seed gives byte-identical JSON, finds of a rank with its own corpus are gathered into rank 0's
# once, --max-confirmed is counted over the ranks, and a killed run leaves only whole files.
set -u
exe="$1"; mpirun="${2:-mpirun}"
tmp=$(mktemp -d); trap 'kill -9 $pid 2>/dev/null; rm -rf "$tmp"' EXIT
pid=0
status=0
fail() { echo "FAIL $*"; status=1; }
mpi() { "$mpirun" -np 2 --oversubscribe "$@"; }

# 1. Two ranks = two workers: the same candidates, finds and digest; and twice the same bytes.
args=(search X.GLOBAL --no-corpus --max-candidates 60 --seed 5 --max-confirmed 100000 --quiet --json)
mpi "$exe" "${args[@]}" > "$tmp/r2a.json" || fail "mpirun -np 2 search exited non-zero"
mpi "$exe" "${args[@]}" > "$tmp/r2b.json" || fail "mpirun -np 2 search exited non-zero (second run)"
"$exe" "${args[@]}" --workers 2 > "$tmp/w2.json"
cmp -s "$tmp/r2a.json" "$tmp/r2b.json" || fail "two runs with 2 ranks differ: $(diff "$tmp/r2a.json" "$tmp/r2b.json" | head -5)"
python3 - "$tmp/r2a.json" "$tmp/w2.json" <<'PY' || status=1
import json, sys
r, w = (json.load(open(f))["claims"][0] for f in sys.argv[1:])
assert r["ranks"] == 2 and r["candidates"] == 60, r
for k in ("candidate_digest", "confirmed", "duplicates", "undecided", "best_case"):
    assert r[k] == w[k], (k, r[k], w[k])
print("ok   2 ranks: byte-identical twice, the same candidates and", len(r["confirmed"]), "finds as --workers 2 (digest", r["candidate_digest"] + ")")
PY

# 2. Ranks without a shared corpus (MPMD: each rank its own --corpus): rank 0's corpus ends with
#    every distinct case, each once; rank 1 kept its own copies.
common=(search X.GLOBAL --no-corpus --max-candidates 400 --seed 3 --max-confirmed 100000 --quiet --json)
"$mpirun" -np 1 --oversubscribe "$exe" "${common[@]}" --corpus "$tmp/A" : -np 1 "$exe" "${common[@]}" --corpus "$tmp/B" \
  > "$tmp/mpmd.json" || fail "MPMD run exited non-zero"
python3 - "$tmp/mpmd.json" "$tmp/A" "$tmp/B" <<'PY' || status=1
import json, os, sys
d = json.load(open(sys.argv[1]))["claims"][0]
a, b = (set(os.listdir(x)) if os.path.isdir(x) else set() for x in sys.argv[2:])
assert b, "rank 1 found nothing: the test needs finds on both ranks"
assert b <= a, ("rank 1's finds missing from rank 0's corpus", b - a)
assert len(d["confirmed_files"]) == len(a) == len(set(d["confirmed"])), (d["confirmed_files"], a)
for f in a:
    assert json.load(open(os.path.join(sys.argv[2], f)))["claim"] == "X.GLOBAL", f
print("ok   separate corpora: rank 1's", len(b), "files gathered into rank 0's", len(a), "(each once)")
PY

# 3. --max-confirmed 1 over the ranks: the planted bug is saved once and the run stops.
mpi "$exe" search TEST.planted --no-corpus --corpus "$tmp/planted" --bits 256 --time-budget-s 30 --max-confirmed 1 \
  --timings --quiet --json > "$tmp/planted.json" || fail "planted search under mpirun exited non-zero"
python3 - "$tmp/planted.json" "$tmp/planted" <<'PY' || status=1
import json, os, sys
d = json.load(open(sys.argv[1]))["claims"][0]
files = os.listdir(sys.argv[2])
assert len(d["confirmed"]) == 1 and len(files) == 1 and files[0].endswith(".json"), (d, files)
assert d["seconds"] < 25, d
inst = json.load(open(d["confirmed_files"][0]))["instance"]
assert inst["L"] == 3 and float(inst["lambda"]) == 3.0, inst
print("ok   planted bug under 2 ranks: found in", round(d["first_confirmed_s"], 2), "s, saved once, stopped at", round(d["seconds"], 2), "s")
PY

# 4. mpirun killed mid-run (SIGKILL): the ranks die with it and every file in the corpus is whole.
"$mpirun" -np 2 --oversubscribe "$exe" search KP.T6 --no-corpus --corpus "$tmp/kill" --time-budget-s 120 --max-confirmed 100000 --quiet > /dev/null 2>&1 &
pid=$!
sleep 5
ranks=$(ps -o pid= --ppid $pid)
kill -9 $pid; wait $pid 2>/dev/null
sleep 1
[ "$(echo $ranks | wc -w)" -ge 2 ] || fail "expected 2 rank processes under mpirun, got: $ranks"
for k in $ranks; do  # gone, or a zombie waiting for whoever reaps orphans
  st=$(ps -o stat= -p "$k" 2>/dev/null); case "$st" in ""|Z*) ;; *) fail "rank $k outlived its killed mpirun ($st)" ;; esac
done
python3 - "$tmp/kill" <<'PY' || status=1
import json, os, sys
d = sys.argv[1]
n = 0
for f in os.listdir(d) if os.path.isdir(d) else []:
    assert f.endswith(".json") or ".json.tmp." in f, f
    if f.endswith(".json"):
        assert json.load(open(os.path.join(d, f)))["claim"] == "KP.T6", f
        n += 1
assert n >= 1, "nothing saved in 5 s"
print("ok   mpirun killed after 5 s:", n, "whole files")
PY
exit $status
